//! The one gauge: a goal's 達成度 as a bar against the 100% line, drawn in ASCII so it reads
//! without colour (`NO_COLOR`, a monochrome projector, a screen capture, a screen reader):
//! `#` for the rate, `.` for the rest, `|` at 100%. Colour only adds to the glyphs. Block
//! characters (U+2580–258F) are of ambiguous width, so they are not used.

use ratatui::text::{Line, Span};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::Grade;
use crate::text::width;
use crate::tui::theme::Theme;

/// Bars run to 150%, so the 100% line sits two thirds along and over-achievement still shows.
pub const GAUGE_MAX: u32 = 150;

/// The glyph of each of `cells`: `#` filled, `.` empty, `|` the 100% line. A rate below 100
/// never reaches the line and a rate of 100 or more always does, however few the cells, so
/// a shortfall can never look achieved.
fn glyphs(e: &Grade, cells: usize) -> Vec<char> {
    let rate = e.rate().unwrap_or(Decimal::ZERO).max(Decimal::ZERO);
    let hundred = cells * 100 / GAUGE_MAX as usize;
    let scaled = |part: Decimal, of: Decimal, room: usize| {
        (part * Decimal::from(room) / of)
            .floor()
            .to_usize()
            .unwrap_or(0)
            .min(room)
    };
    let (before, after) = if rate < Decimal::ONE_HUNDRED {
        (scaled(rate, Decimal::ONE_HUNDRED, hundred), 0)
    } else {
        let over = (rate - Decimal::ONE_HUNDRED).min(Decimal::from(GAUGE_MAX - 100));
        let room = cells.saturating_sub(hundred + 1);
        (hundred, scaled(over, Decimal::from(GAUGE_MAX - 100), room))
    };
    (0..cells)
        .map(|k| {
            if k == hundred {
                '|'
            } else if k < before || (k > hundred && k <= hundred + after) {
                '#'
            } else {
                '.'
            }
        })
        .collect()
}

/// The bar, `cells` wide: one span per run of the same glyph.
pub fn bar(e: &Grade, cells: usize, theme: Theme) -> Vec<Span<'static>> {
    let style = |glyph: char| match glyph {
        '|' => theme.label(),
        '#' => theme.status(e.status),
        _ => theme.muted(),
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut run = String::new();
    for glyph in glyphs(e, cells) {
        if run.chars().next().is_some_and(|c| c != glyph) {
            let first = run.chars().next().unwrap_or('.');
            spans.push(Span::styled(std::mem::take(&mut run), style(first)));
        }
        run.push(glyph);
    }
    if let Some(first) = run.chars().next() {
        spans.push(Span::styled(run, style(first)));
    }
    spans
}

/// The bar after a blank cell, then the rate as a percentage (` 90%`), in `cells` less one
/// cell of slack on the right.
pub fn with_percent(e: &Grade, cells: usize, theme: Theme) -> Line<'static> {
    // No rate: ー alone, not `ー%`.
    let label = match e.rate() {
        Some(_) => format!(" {}%", e.rate_text()),
        None => format!(" {}", e.rate_text()),
    };
    let bar_cells = cells.saturating_sub(width(&label) + 2);
    let mut spans = vec![Span::raw(" ")];
    spans.extend(bar(e, bar_cells, theme));
    spans.push(Span::styled(label, theme.status(e.status)));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::grade;
    use crate::sheet;

    fn text(spans: &[Span]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn bars_read_without_colour() {
        let plan = sheet::bundled().expect("bundled");
        let e = |code: &str| {
            let (_, goal) = plan.goal(code.parse().expect("code")).expect("goal");
            grade(goal, &plan.thresholds)
        };
        let theme = Theme::monochrome();
        // 30 cells: 100% at cell 20. ⑴-ア-1 is 90: 18 cells of #.
        assert_eq!(
            text(&bar(&e("1-ア-1"), 30, theme)),
            "##################..|........."
        );
        // ⑴-オ-1 is 328: capped at 150, the whole bar, the 100% line still shown.
        assert_eq!(
            text(&bar(&e("1-オ-1"), 30, theme)),
            "####################|#########"
        );
        // 100 and over reach the line; 125 fills half of what lies beyond it (to 150).
        assert_eq!(
            text(&bar(&e("2-イ-1"), 30, theme)),
            "####################|........."
        );
        assert_eq!(
            text(&bar(&e("2-ア-2"), 30, theme)),
            "####################|####....."
        );
        // On 8 cells, 90 still stops short of the line that 100 reaches.
        assert_eq!(text(&bar(&e("1-ア-1"), 8, theme)), "####.|..");
        assert_eq!(text(&bar(&e("2-イ-1"), 8, theme)), "#####|..");
        // ⑶-ウ-2 is 0: nothing filled.
        assert_eq!(
            text(&bar(&e("3-ウ-2"), 30, theme)),
            "....................|........."
        );
        assert!(text(&bar(&e("1-ア-1"), 30, theme)).is_ascii());
        // With its rate, on 30 cells: a blank, 24 cells of bar, ` 90%` and a cell of slack.
        let line = with_percent(&e("1-ア-1"), 30, theme);
        assert_eq!(text(&line.spans), " ##############..|....... 90%");
    }
}
