//! A goal's earlier years as lines of the card (each year in its band's style, then the trend:
//! braille, one cell a year) and as the review's line (the trend and the year before).

use ratatui::text::Line;

use crate::report::card::{Years, trend_in};
use crate::strings::strings;
use crate::tui::text::{truncate, wrap};
use crate::tui::theme::Theme;

/// The block's lines, at most `w` cells wide: a blank line, the heading, a line per year, the
/// trend.
pub fn lines(years: &Years, w: usize, theme: Theme) -> Vec<Line<'static>> {
    let words = &strings().report.years;
    let mut out = vec![Line::raw(""), Line::styled(words.heading, theme.heading())];
    for y in &years.lines {
        // The band by its mark and colour, as the tree shows it: the line fits a laptop's card.
        let text = (words.line)(&y.year, &y.actual, &y.rate, theme.marker(y.status));
        for line in wrap(&text, w.saturating_sub(2)) {
            out.push(Line::styled(format!("  {line}"), theme.status(y.status)));
        }
    }
    let (from, to) = (years.from.reiwa_label(), years.to.reiwa_label());
    let trend = (words.trend)(&trend_in(&years.rates, &theme.marks().trend), &from, &to);
    for line in wrap(&trend, w.saturating_sub(2)) {
        out.push(Line::styled(format!("  {line}"), theme.label()));
    }
    if let Some(change) = &years.change {
        for line in wrap(change, w.saturating_sub(2)) {
            out.push(Line::styled(format!("  {line}"), theme.label()));
        }
    }
    out
}

/// The review's one line: the trend, then the year before (its band by mark and colour).
pub fn review_line(years: &Years, cells: usize, theme: Theme) -> Line<'static> {
    let words = &strings().report.years;
    let (from, to) = (years.from.reiwa_label(), years.to.reiwa_label());
    let trend = trend_in(&years.rates, &theme.marks().trend);
    let mut text = format!(" {}", (words.trend)(&trend, &from, &to));
    if let Some(y) = years.lines.last() {
        let last = (words.line)(&y.year, &y.actual, &y.rate, theme.marker(y.status));
        text = format!("{text}   {last}");
    }
    // Last: a wide screen has room for it; a laptop's keeps the year before.
    if let Some(change) = &years.change {
        text = format!("{text}   {change}");
    }
    Line::styled(truncate(&text, cells), theme.label())
}
