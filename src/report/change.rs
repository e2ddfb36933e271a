//! A change said in words: `saved ⑴-ア-1 実績値 9,016 → 9,500`, a log row's old and new values,
//! and long texts shown by the part that changed. Every front end prints changes through here.

use crate::model::outline::OutlineValue;
use std::fmt;

use crate::model::edit::definition::formula_label;
use crate::model::{FieldValue, Grouped, MilestoneState};
use crate::store::{
    Applied, ChangeKind, ChangedAfter, LogEntry, LogKind, LoggedField, Undone, logged_summary,
};
use crate::strings::strings;
use crate::text;

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Value(v) => write!(f, "{v}"),
            FieldValue::Milestone(Some(m)) => f.write_str(milestone_label(*m)),
            FieldValue::Milestone(None) => f.write_str(strings().report.milestone.unset),
            FieldValue::Number(None) => f.write_str("ー"),
            FieldValue::Number(Some(n)) => write!(f, "{}", Grouped(n)),
            FieldValue::Status(s) => f.write_str(s.label_ja()),
            FieldValue::Text(t) if t.is_empty() => f.write_str(strings().report.empty),
            FieldValue::Text(t) => write!(f, "\"{}\"", one_line(t, SHOWN_CELLS)),
            FieldValue::Note { text, .. } if text.is_empty() => f.write_str(strings().report.empty),
            FieldValue::Note { text, .. } => write!(f, "\"{}\"", one_line(text, SHOWN_CELLS)),
            // As the card's choice names it; the plan file's words for a pair it does not list.
            FieldValue::Kind {
                formula, direction, ..
            } => f.write_str(formula_label(*formula, *direction)),
            FieldValue::List(words) if words.is_empty() => f.write_str(strings().report.empty),
            FieldValue::List(words) => f.write_str(&words.join("、")),
        }
    }
}

fn milestone_label(m: MilestoneState) -> &'static str {
    let words = &strings().report.milestone;
    match m {
        MilestoneState::Achieved => words.achieved,
        MilestoneState::NotAchieved => words.not_achieved,
        MilestoneState::NotGraded => words.not_graded,
    }
}

/// How many cells a value in a one-line message shows of a text: with its quotes and `…`, about
/// a line of an 80-column terminal.
const SHOWN_CELLS: usize = 76;

/// First line of a text, cut to `max` cells, for one-line messages; `…` when anything is left out.
fn one_line(text: &str, max: usize) -> String {
    let first = text.lines().next().unwrap_or("");
    let cut = text::fit(first, max);
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut.to_string()
    }
}

impl fmt::Display for Applied {
    /// `saved ⑴-ア-1 実績値 9,016 → 9,500` (or `undone …`, `redone …`), or `unchanged …` when
    /// nothing was written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let words = &strings().report.change;
        let label = self.field.label_ja();
        let said = match self.kind {
            LogKind::Edit | LogKind::Collect => words.saved,
            LogKind::Undo(_) => words.undone,
            LogKind::Redo(_) => words.redone,
        };
        let subject = &self.subject;
        f.write_str(&match (self.log_id, &self.old, &self.new) {
            (
                Some(_),
                FieldValue::Text(old) | FieldValue::Note { text: old, .. },
                FieldValue::Text(new) | FieldValue::Note { text: new, .. },
            ) => {
                let (old, new) = text_change(old, new);
                said(subject, label, &old, &new)
            }
            (Some(_), old, new) => said(subject, label, old, new),
            (None, _, new) => (words.unchanged)(subject, label, new),
        })
    }
}

impl fmt::Display for ChangedAfter {
    /// `⑴-ア-1 実績値 was changed by tanaka at 2026-11-28 10:22 after your edit (now 7,000)`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&(strings().report.change.changed_after)(
            &self.subject,
            self.field.label_ja(),
            &self.by.actor,
            &self.by.at,
            self.action.taken_back(),
            &self.current,
        ))
    }
}

impl fmt::Display for Undone {
    /// `undone ⑴-ア-1 実績値 9,500 → 9,016`, and how many more rows the action had.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rows = self.applied.iter();
        let mut moved = self.restructured.iter();
        let mut outlined = self.outlined.iter();
        if let Some(first) = moved.next() {
            write!(f, "{first}")?;
        } else if let Some(first) = outlined.next() {
            let redo = matches!(first.kind, crate::store::LogKind::Redo(_));
            f.write_str(&(strings().structure.change.reverted)(
                redo,
                &first.to_string(),
            ))?;
        } else if let Some(first) = rows.next() {
            write!(f, "{first}")?;
        }
        match rows.len() + moved.len() + outlined.len() {
            0 => Ok(()),
            n => f.write_str(&(strings().report.change.and_more)(n)),
        }
    }
}

/// A change to a long text, shown as the part that differs with a few graphemes of context
/// before it: `"…していきたい。"` → `"…していきたい。⏎会議で確認した。"`. Line breaks show as ⏎.
pub fn text_change(old: &str, new: &str) -> (String, String) {
    let show = |text: String| {
        if text.is_empty() {
            strings().report.empty.to_string()
        } else {
            format!("\"{text}\"")
        }
    };
    let (old, new) = around(
        &old.replace('\n', "⏎"),
        &new.replace('\n', "⏎"),
        Context {
            before: 8,
            after: 0,
        },
        SHOWN_CELLS,
    );
    (show(old), show(new))
}

/// How many graphemes of what two versions share [`around`] keeps on either side of what differs.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub before: usize,
    pub after: usize,
}

/// Two versions of a text cut to the part that differs, with `context` graphemes of what they
/// share around it and at most `max` cells (layout budget) in all; `…` marks a cut. A long
/// 評価内容 that gained a sentence shows that sentence. Never cuts inside a grapheme.
pub fn around(old: &str, new: &str, context: Context, max: usize) -> (String, String) {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        text::graphemes(old).collect(),
        text::graphemes(new).collect(),
    );
    let (prefix, suffix) = text::diff::common_ends(&a, &b);
    let cut = |units: &[&str]| {
        let start = prefix.saturating_sub(context.before);
        let end = (units.len() - suffix + context.after)
            .min(units.len())
            .max(start);
        let part = units[start..end].concat();
        let shown = text::fit(&part, max);
        let before = if start > 0 { "…" } else { "" };
        let after = if shown.len() < part.len() || end < units.len() {
            "…"
        } else {
            ""
        };
        format!("{before}{shown}{after}")
    };
    (cut(&a), cut(&b))
}

impl LoggedField {
    /// The Japanese label clerks read in the log; an unknown word is shown as it is.
    pub fn label_ja(&self) -> &str {
        match self {
            LoggedField::Field(key) => key.label_ja(),
            LoggedField::Import => "取込",
            // The kind says it: 追加, 削除, 移動.
            LoggedField::Row => "",
            LoggedField::Outline(field) => field.label_ja(),
            LoggedField::Unknown(word) => word,
        }
    }
}

impl LogEntry {
    /// The label of what changed: a field's, or for a row about the whole plan what it is.
    pub fn label(&self) -> &str {
        match (&self.field, self.kind) {
            // A rollover's one row is about the plan it made: from which plan to which.
            (LoggedField::Import, ChangeKind::Rollover) => "計画",
            // An undone rollover's trace in the plan it was made from.
            (LoggedField::Import, ChangeKind::Undo) => ChangeKind::Rollover.label_ja(),
            (field, _) => field.label_ja(),
        }
    }

    /// The old value as a clerk reads it (`9,016`, `完了`, `ー`); for a row added, removed or
    /// moved, its title, 実施内容 or place.
    pub fn old_shown(&self) -> String {
        match self.field {
            LoggedField::Row => row_shown(self.old.as_deref()),
            LoggedField::Outline(_) => self.outline_shown(|(old, _)| old),
            _ => shown(self.old_value(), self.old.as_deref()),
        }
    }

    pub fn new_shown(&self) -> String {
        match self.field {
            LoggedField::Row => row_shown(self.new.as_deref()),
            LoggedField::Outline(_) => self.outline_shown(|(_, new)| new),
            _ => shown(self.new_value(), self.new.as_deref()),
        }
    }

    /// Old and new as a clerk reads them; for a long text, the part that changed.
    pub fn change_shown(&self) -> (String, String) {
        match (self.old_value(), self.new_value()) {
            (Some(FieldValue::Text(old)), Some(FieldValue::Text(new))) => text_change(&old, &new),
            _ => (self.old_shown(), self.new_shown()),
        }
    }

    /// The old value in full as a clerk reads it: a text whole, with its line breaks.
    pub fn old_full(&self) -> String {
        full(self.old_value(), self.old.as_deref())
    }

    pub fn new_full(&self) -> String {
        full(self.new_value(), self.new.as_deref())
    }

    /// An outline row's old or new as a clerk reads it: a title, or bands `100・80`.
    fn outline_shown(&self, side: fn((OutlineValue, OutlineValue)) -> OutlineValue) -> String {
        match self.outline_values() {
            Some(values) => one_line(&side(values).to_string(), SHOWN_CELLS),
            None => "ー".to_string(),
        }
    }
}

/// A row added, removed or moved, in a few words; `ー` where there was none.
fn row_shown(encoded: Option<&str>) -> String {
    match encoded.map(|e| logged_summary(e).unwrap_or_else(|| e.to_string())) {
        Some(text) => one_line(&text, SHOWN_CELLS),
        None => "ー".to_string(),
    }
}

/// A value whole: texts are not cut to one line as [`shown`] cuts them.
fn full(value: Option<FieldValue>, encoded: Option<&str>) -> String {
    match value {
        Some(FieldValue::Text(t) | FieldValue::Note { text: t, .. }) if t.is_empty() => {
            strings().report.empty.to_string()
        }
        Some(FieldValue::Text(t) | FieldValue::Note { text: t, .. }) => t,
        other => shown(other, encoded),
    }
}

/// A logged value as a clerk reads it; one this tassei cannot read as its field's value is
/// shown as the log holds it (a JSON string without its quotes).
fn shown(value: Option<FieldValue>, encoded: Option<&str>) -> String {
    match (value, encoded) {
        (Some(v), _) => v.to_string(),
        (None, None) => "ー".to_string(),
        (None, Some(raw)) => {
            serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::{Lang, pin_thread};

    #[test]
    fn a_text_change_shows_what_differs() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        let old = "今後は目標設定も検討していきたい。";
        let new = "今後は目標設定も検討していきたい。\n会議で確認した。";
        let (o, n) = text_change(old, new);
        assert_eq!(
            (o.as_str(), n.as_str()),
            (
                "\"…討していきたい。\"",
                "\"…討していきたい。⏎会議で確認した。\""
            )
        );
        assert_eq!(
            text_change("", "新規"),
            ("(empty)".to_string(), "\"新規\"".to_string())
        );
        assert_eq!(
            text_change("abcXdef", "abcYdef"),
            ("\"abcX…\"".to_string(), "\"abcY…\"".to_string())
        );
    }

    #[test]
    fn a_long_text_is_cut_to_what_changed() {
        let base = "あ".repeat(100);
        let three = Context {
            before: 3,
            after: 3,
        };
        let (old, new) = around(&base, &format!("{base}【追記】"), three, usize::MAX);
        assert_eq!((old.as_str(), new.as_str()), ("…あああ", "…あああ【追記】"));
        let thirty = Context {
            before: 30,
            after: 30,
        };
        let (old, new) = around("9016", "9500", thirty, usize::MAX);
        assert_eq!((old.as_str(), new.as_str()), ("9016", "9500"));
        let (old, new) = around("abcXdef", "abcYdef", three, 3);
        assert_eq!((old.as_str(), new.as_str()), ("abc…", "abc…"));
    }

    #[test]
    fn a_change_is_cut_by_grapheme_and_width() {
        // 葛 with its variation selector stays whole; the cut counts cells, not characters.
        let (old, new) = text_change("葛\u{E0100}飾区", "葛\u{E0100}飾区役所");
        assert_eq!(
            (old.as_str(), new.as_str()),
            ("\"葛\u{E0100}飾区\"", "\"葛\u{E0100}飾区役所\"")
        );
        let long = "あ".repeat(50);
        assert_eq!(
            one_line(&long, SHOWN_CELLS),
            format!("{}…", "あ".repeat(38))
        );
        assert_eq!(one_line("一行目\n二行目", SHOWN_CELLS), "一行目…");
    }

    #[test]
    fn a_log_row_about_no_field_has_a_label_still() {
        assert_eq!(LoggedField::Import.label_ja(), "取込");
        assert_eq!(LoggedField::Unknown("budget".into()).label_ja(), "budget");
    }
}
