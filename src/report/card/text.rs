//! The card as plain text, for `tassei show`: the sheet's Japanese wording, with the language's
//! own words on headings and states (English glosses them, for a reader who greps).

use std::fmt::Write as _;

use super::{Block, Card, Years};
use crate::model::NoteField;
use crate::strings::strings;
use crate::text::{pad, width};

impl Card {
    /// The card as plain text.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let e = &self.evaluation;
        let words = &strings().report.card;
        let mut figures_started = false;
        // The label column: wide enough for the card's widest figure label (達成状況 is four
        // characters where 基準値 is three), so every value starts in one column.
        let column = self
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Figure { label, .. } => Some(width(label)),
                _ => None,
            })
            .chain([width(words.achievement)])
            .max()
            .unwrap_or(0);
        let label = |text: &str| pad(text, column);
        for block in &self.blocks {
            // A blank line between the heading lines and the figures.
            if !figures_started
                && !matches!(
                    block,
                    Block::Title(_) | Block::Initiative { .. } | Block::Note(_)
                )
            {
                out.push('\n');
                figures_started = true;
            }
            let _ = match block {
                Block::Title(title) => writeln!(out, "{}  {title}", self.goal),
                Block::Initiative { code, title, page } => {
                    let page = page.map(words.page).unwrap_or_default();
                    writeln!(out, "  {code} {title}{page}")
                }
                Block::Note(note) => writeln!(out, "  {note}"),
                Block::Figure {
                    label: figure,
                    value,
                    ..
                } => writeln!(out, "  {}  {value}", label(figure)),
                Block::Achievement { printed } => {
                    let printed = printed
                        .as_deref()
                        .map(|p| format!("   ({} {p})", words.printed))
                        .unwrap_or_default();
                    writeln!(
                        out,
                        "  {}  {}  {}{printed}",
                        label(words.achievement),
                        e.rate_text(),
                        (words.status)(e.status.label_ja(), e.status.word())
                    )
                    .and_then(|()| {
                        writeln!(out, "  {}  {}", label(words.calculation), e.calculation)
                    })
                }
                Block::Shortfall(gap) => writeln!(out, "  {}  {gap}", label(words.shortfall)),
                Block::Years(years) => years_text(&mut out, years),
                Block::Derivation { figure, worked } => {
                    writeln!(out, "  {}  {worked}", (words.derivation)(figure))
                }
                Block::Formula(formula) => writeln!(out, "  {}  {formula}", label(words.formula)),
                Block::Method(text) => section(&mut out, words.method, text),
                Block::Narrative { text, .. } => section(&mut out, words.narrative, text),
                Block::MeetingNote(note) => {
                    let _ = writeln!(out, "\n{}", (words.meeting)(&note.date));
                    for field in NoteField::ALL {
                        let text = note.get(field);
                        if !text.trim().is_empty() {
                            let _ = writeln!(
                                out,
                                "  {}  {}",
                                field.label_ja(),
                                text.replace('\n', " / ")
                            );
                        }
                    }
                    Ok(())
                }
                Block::Activities {
                    shared_from,
                    count,
                    unreadable,
                } => {
                    let heading = match shared_from {
                        Some(source) => (words.activities_shared)(source),
                        None => words.activities.to_string(),
                    };
                    let unreadable = match unreadable {
                        0 => String::new(),
                        n => format!("  {}", (words.unreadable_count)(*n)),
                    };
                    let _ = writeln!(out, "\n{heading}{unreadable}");
                    if *count == 0 {
                        let _ = writeln!(out, "  {}", words.nothing);
                    }
                    Ok(())
                }
                Block::Activity { line: a, .. } => {
                    let overdue = if a.overdue {
                        format!(" · {}", words.overdue)
                    } else {
                        String::new()
                    };
                    let dates = if a.dates.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", a.dates)
                    };
                    let problem = a
                        .period_problem
                        .as_ref()
                        .map(|why| format!(" · {}", (words.unreadable_period)(why)))
                        .unwrap_or_default();
                    writeln!(out, "  {}. {}", a.number, a.content).and_then(|()| {
                        writeln!(
                            out,
                            "     {}{dates} · {} · {}{overdue}{problem}",
                            a.period,
                            a.sections.join("・"),
                            (words.status)(a.status.label_ja(), a.status.word())
                        )
                    })
                }
            };
        }
        out
    }
}

/// The goal's earlier years under their heading, then the trend.
fn years_text(out: &mut String, years: &Years) -> std::fmt::Result {
    let words = &strings().report;
    writeln!(out, "\n{}", words.years.heading)?;
    for y in &years.lines {
        let status = (words.card.status)(y.status.label_ja(), y.status.word());
        writeln!(
            out,
            "  {}",
            (words.years.line)(&y.year, &y.actual, &y.rate, &status)
        )?;
    }
    let (from, to) = (years.from.reiwa_label(), years.to.reiwa_label());
    writeln!(out, "  {}", (words.years.trend)(&years.trend, &from, &to))?;
    if let Some(change) = &years.change {
        writeln!(out, "  {change}")?;
    }
    Ok(())
}

/// A heading and its text, indented; `(なし)` when there is none.
fn section(out: &mut String, heading: &str, body: &str) -> std::fmt::Result {
    writeln!(out, "\n{heading}")?;
    if body.trim().is_empty() {
        writeln!(out, "  {}", strings().report.card.nothing)?;
    }
    for line in body.lines() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}
