//! The dashboard (`D`): counts per policy area and for the plan, every goal's achievement as a
//! bar against the 100% line, the worst shortfalls, and overdue activities by 担当係. Drawn from
//! the app's summary, which is recomputed after every edit, so it is always current.

use super::gauge::GAUGE_MAX;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use crate::engine::{Status, grade};
use crate::model::{ActivityStatus, InitiativeCode};
use crate::report::summary::STATUSES;
use crate::strings::strings;
use crate::tui::app::App;
use crate::tui::text::{pad, safe, truncate, width};
use crate::tui::theme::Theme;

/// `(1)-ア-10 ` — the code column of a bar.
const CODE_CELLS: usize = 10;
/// ` 100.8` — the rate column of a bar.
const RATE_CELLS: usize = 6;
/// ` 100.8` — the 前年度 column of a bar, when the plan has a year before it: as wide as this
/// year's, so a one-decimal rate is never cut to `999+`.
const PREVIOUS_CELLS: usize = RATE_CELLS;

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let s = &app.summary;
    let overdue_rows = if area.height >= 40 { 4 } else { 3 };
    let [header, top, bars, overdue] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(6),
        Constraint::Fill(1),
        Constraint::Length(overdue_rows),
    ])
    .areas(area);
    // The date first: a narrow screen cuts the plan's name, not the day it is judged on.
    let words = &strings().tui.dashboard;
    let title = format!(
        " {}",
        (words.title)(
            &app.today.to_string(),
            &app.plan.municipality,
            &app.plan.title,
            &app.plan.fiscal_year.reiwa_label()
        )
    );
    let width = usize::from(area.width);
    frame.render_widget(
        Paragraph::new(Span::styled(
            pad(&truncate(&safe(&title), width), width),
            theme.focused_header(),
        )),
        header,
    );

    // 未入力 and 計算不可 get a column only when some goal has them.
    let shown: Vec<usize> = (0..Status::ALL.len())
        .filter(|&k| k < 4 || s.counts[k] > 0)
        .collect();
    let table_cells = u16::try_from(9 + 7 * shown.len() + 7).unwrap_or(u16::MAX);
    let [counts_area, worst_area] =
        Layout::horizontal([Constraint::Length(table_cells), Constraint::Fill(1)]).areas(top);
    let mut heading = format!(" {}", pad(words.area, 8));
    for &k in &shown {
        let status = Status::ALL[k];
        heading.push_str(&format!(
            "  {}{}",
            theme.marker(status),
            short_label(status)
        ));
    }
    heading.push_str(&format!("    {}", words.total));
    let mut counts = vec![Line::styled(heading, theme.label())];
    for (area_number, c) in &s.by_area {
        counts.push(count_row(
            &InitiativeCode::area_ascii(*area_number),
            c,
            &shown,
            theme,
        ));
    }
    counts.push(count_row(words.total, &s.counts, &shown, theme).patch_style(theme.label()));
    frame.render_widget(Paragraph::new(counts), counts_area);

    let mut worst = vec![Line::styled(format!(" {}", words.worst), theme.label())];
    for (r, e) in s.shortfalls.iter().take(3) {
        let Some((_, goal)) = app.plan.goal(*r) else {
            continue;
        };
        let code = r.parenthesised();
        let lead = format!(
            " {} {} {} ",
            theme.marker(Status::Shortfall),
            pad(&code, 8),
            super::rate_cell(e, 4)
        );
        // The title gets what the lead leaves, cut with `..` rather than at the area's edge.
        let cells = usize::from(worst_area.width).saturating_sub(crate::tui::text::width(&lead));
        worst.push(Line::from(vec![
            Span::styled(lead, theme.status(Status::Shortfall)),
            Span::raw(truncate(&safe(&goal.title), cells)),
        ]));
    }
    if s.shortfalls.is_empty() {
        worst.push(Line::styled(format!(" {}", words.none), theme.muted()));
    }
    frame.render_widget(Paragraph::new(worst), worst_area);

    draw_bars(frame, bars, app);
    draw_overdue(frame, overdue, app);
}

/// Two characters for a count column: 達成 概ね 未達 なし 未入 不可.
fn short_label(status: Status) -> &'static str {
    let words = &strings().tui.dashboard;
    match status {
        Status::Achieved => words.achieved,
        Status::Near => words.near,
        Status::Shortfall => words.shortfall,
        Status::NotGraded => words.not_graded,
        Status::NoActual => words.no_actual,
        Status::NotComputable => words.not_computable,
    }
}

fn count_row(label: &str, c: &[usize; STATUSES], shown: &[usize], theme: Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(format!(" {}", pad(label, 8)))];
    for &k in shown {
        spans.push(Span::styled(
            format!("{:>7}", c[k]),
            theme.status(Status::ALL[k]),
        ));
    }
    spans.push(Span::raw(format!("{:>6}", c.iter().sum::<usize>())));
    Line::from(spans)
}

/// Every goal as a bar, in sheet order, in as many columns as the height needs.
fn draw_bars(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let rows = usize::from(area.height).saturating_sub(1).max(1);
    let goals: Vec<_> = app.plan.goals().collect();
    let columns = goals.len().div_ceil(rows).max(1);
    let column_cells = usize::from(area.width).saturating_sub(1) / columns;
    // A plan rolled over from another year shows each goal's 達成度 the year before.
    let history = app.history();
    let previous_cells = if history.is_empty() {
        0
    } else {
        PREVIOUS_CELLS
    };
    let numbers_cells = CODE_CELLS + RATE_CELLS + 2 + previous_cells;
    let bar_cells = column_cells.saturating_sub(numbers_cells);
    // The figures matter more than the bars: a laptop screen with the 前年度 column shows them
    // without bars rather than not at all.
    let bars_shown = bar_cells >= 4;
    let fits = bars_shown || previous_cells > 0 && column_cells >= numbers_cells;
    let bar_cells = if bars_shown { bar_cells } else { 0 };
    let words = &strings().tui.dashboard;
    let mut heading = vec![Span::styled(
        if bars_shown || previous_cells == 0 {
            format!(" {}", (words.bars)(GAUGE_MAX))
        } else {
            format!(" {}", strings().tui.sheet.achievement)
        },
        theme.label(),
    )];
    if previous_cells > 0 {
        heading.push(Span::styled(
            format!("  {}", strings().report.years.previous_legend),
            theme.muted(),
        ));
    }
    let mut lines = vec![Line::from(heading)];
    if !fits {
        lines.push(Line::styled(format!(" {}", words.enlarge), theme.muted()));
        frame.render_widget(Paragraph::new(lines), area);
        return;
    }
    for row in 0..rows.min(goals.len()) {
        let mut spans = vec![Span::raw(" ")];
        for column in 0..columns {
            let Some((r, goal)) = goals.get(column * rows + row) else {
                break;
            };
            let e = grade(goal, &app.plan.thresholds);
            let code = r.parenthesised();
            spans.push(Span::raw(pad(&code, CODE_CELLS)));
            if bar_cells > 0 {
                spans.extend(super::gauge::bar(&e, bar_cells, theme));
            }
            spans.push(Span::styled(
                format!(" {} ", super::rate_cell(&e, RATE_CELLS - 1)),
                theme.status(e.status),
            ));
            if previous_cells > 0 {
                // Blank for a goal the year before did not have.
                let before = history
                    .previous(goal, app.plan.fiscal_year)
                    .map(|p| super::rate_cell(&p.grade, previous_cells - 1))
                    .unwrap_or_default();
                spans.push(Span::styled(
                    format!("{} ", pad(&before, previous_cells - 1)),
                    theme.muted(),
                ));
            }
        }
        lines.push(Line::from(spans));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Overdue activities by 担当係, most first, as many as fit.
fn draw_overdue(frame: &mut Frame, area: Rect, app: &App) {
    let theme = app.theme;
    let s = &app.summary;
    let words = &strings().tui.dashboard;
    // Activities nobody recorded a status for are never overdue: they are counted here.
    let statuses: Vec<String> = ActivityStatus::ALL
        .iter()
        .map(|st| format!("{}{}", st.label_ja(), s.activities_with(*st)))
        .collect();
    let heading = format!(" {}", (words.overdue)(s.overdue));
    // 時期 nobody can judge are never overdue: counted beside it, before the statuses.
    let unreadable = match s.unreadable_periods {
        0 => String::new(),
        n => format!("  {}", (words.unreadable)(n)),
    };
    let room = usize::from(area.width).saturating_sub(width(&heading) + width(&unreadable) + 1);
    let shown = whole_words(&statuses, room);
    let mut lines = vec![Line::from(vec![
        Span::styled(heading, theme.label()),
        Span::styled(unreadable, theme.unreadable()),
        Span::styled(shown, theme.muted()),
    ])];
    let rows = usize::from(area.height).saturating_sub(1);
    let entry = 24;
    let per_row = (usize::from(area.width).saturating_sub(1) / entry).max(1);
    let fits = rows * per_row;
    for chunk in s.overdue_by_section.chunks(per_row).take(rows) {
        let mut spans = vec![Span::raw(" ")];
        for (section, n) in chunk {
            spans.push(Span::raw(pad(
                &truncate(&safe(section), entry - 5),
                entry - 5,
            )));
            spans.push(Span::styled(format!("{n:>3}  "), theme.overdue()));
        }
        lines.push(Line::from(spans));
    }
    if s.overdue_by_section.len() > fits
        && let Some(last) = lines.last_mut()
    {
        last.spans.push(Span::styled(
            (words.more)(s.overdue_by_section.len() - fits),
            theme.muted(),
        ));
    }
    if s.overdue_by_section.is_empty() {
        lines.push(Line::styled(format!(" {}", words.none), theme.muted()));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// `  未記入52 未着手0 ..`: as many of `words` as fit in `room` cells, each whole, and `..` when
/// some are left out (a status is never cut to `完..`).
fn whole_words(words: &[String], room: usize) -> String {
    let mut out = String::new();
    for (k, word) in words.iter().enumerate() {
        let next = format!("{out}{}{word}", if k == 0 { "  " } else { " " });
        let more = if k + 1 < words.len() { 3 } else { 0 };
        if width(&next) + more > room {
            if k > 0 || room >= 4 {
                out.push_str(" ..");
            }
            return out;
        }
        out = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::whole_words;

    #[test]
    fn statuses_are_left_out_whole_never_cut() {
        let words: Vec<String> = ["未記入52", "未着手0", "実施中0", "完了0"]
            .map(String::from)
            .to_vec();
        assert_eq!(whole_words(&words, 80), "  未記入52 未着手0 実施中0 完了0");
        assert_eq!(whole_words(&words, 30), "  未記入52 未着手0 実施中0 ..");
        assert_eq!(whole_words(&words, 13), "  未記入52 ..");
        assert_eq!(whole_words(&words, 3), "");
    }
}
