//! The plan's outline: what names the plan and its initiatives, and the bands every goal is
//! graded by — its title (計画名), its thresholds (達成 / 概ね達成) and an initiative's title. Not a
//! goal's field ([`super::FieldKey`]): no goal owns them, so they have their own edit and rules.

use rust_decimal::Decimal;

use super::edit::refused_character;
use super::number::{Grouped, parse_number};
use super::plan::{InitiativeId, Plan, PlanId, Thresholds};
use crate::strings::strings;

/// Which outline field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutlineField {
    /// The plan's title (計画名).
    PlanTitle,
    /// The plan's 達成 / 概ね達成 bands.
    Thresholds,
    /// An initiative's title (取り組み事項).
    InitiativeTitle,
}

impl OutlineField {
    pub const ALL: [OutlineField; 3] = [
        OutlineField::PlanTitle,
        OutlineField::Thresholds,
        OutlineField::InitiativeTitle,
    ];

    /// The label the sheet's words give it.
    pub fn label_ja(self) -> &'static str {
        match self {
            OutlineField::PlanTitle => "計画名",
            OutlineField::Thresholds => "評価基準",
            OutlineField::InitiativeTitle => "取り組み事項",
        }
    }
}

/// A change to the outline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutlineEdit {
    PlanTitle {
        plan: PlanId,
        title: String,
    },
    Thresholds {
        plan: PlanId,
        thresholds: Thresholds,
    },
    InitiativeTitle {
        initiative: InitiativeId,
        title: String,
    },
}

/// An outline field's value: what is shown, compared and logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutlineValue {
    Text(String),
    Thresholds(Thresholds),
}

use std::fmt::Write as _;

impl std::fmt::Display for OutlineValue {
    /// `指宿市DX推進計画`, or the bands as the log shows them: `100・80`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OutlineValue::Text(t) => f.write_str(t),
            OutlineValue::Thresholds(t) => {
                // 達成 then 概ね達成, as the sheet's 評価基準 reads: `100・80`.
                Grouped(&t.achieved).fmt(f)?;
                f.write_char('・')?;
                Grouped(&t.near).fmt(f)
            }
        }
    }
}

impl OutlineEdit {
    pub fn field(&self) -> OutlineField {
        match self {
            OutlineEdit::PlanTitle { .. } => OutlineField::PlanTitle,
            OutlineEdit::Thresholds { .. } => OutlineField::Thresholds,
            OutlineEdit::InitiativeTitle { .. } => OutlineField::InitiativeTitle,
        }
    }

    /// The row it changes: the plan's id, or the initiative's.
    pub fn row_id(&self) -> i64 {
        match self {
            OutlineEdit::PlanTitle { plan, .. } | OutlineEdit::Thresholds { plan, .. } => plan.0,
            OutlineEdit::InitiativeTitle { initiative, .. } => initiative.0,
        }
    }

    pub fn new_value(&self) -> OutlineValue {
        match self {
            OutlineEdit::PlanTitle { title, .. } | OutlineEdit::InitiativeTitle { title, .. } => {
                OutlineValue::Text(title.clone())
            }
            OutlineEdit::Thresholds { thresholds, .. } => OutlineValue::Thresholds(*thresholds),
        }
    }

    /// The edit that sets `field` of row `id` to `value` (how undo turns a logged value back
    /// into an edit); `None` when the value is not the field's kind.
    pub fn of_logged(field: OutlineField, id: i64, value: OutlineValue) -> Option<OutlineEdit> {
        Some(match (field, value) {
            (OutlineField::PlanTitle, OutlineValue::Text(title)) => OutlineEdit::PlanTitle {
                plan: PlanId(id),
                title,
            },
            (OutlineField::InitiativeTitle, OutlineValue::Text(title)) => {
                OutlineEdit::InitiativeTitle {
                    initiative: InitiativeId(id),
                    title,
                }
            }
            (OutlineField::Thresholds, OutlineValue::Thresholds(thresholds)) => {
                OutlineEdit::Thresholds {
                    plan: PlanId(id),
                    thresholds,
                }
            }
            _ => return None,
        })
    }

    /// Patches an in-memory plan with what the store wrote: every goal is graded by the new
    /// bands from then on. False when the row is not in this plan.
    pub fn apply_to(&self, plan: &mut Plan) -> bool {
        match self {
            OutlineEdit::PlanTitle { plan: id, title } if *id == plan.id => {
                plan.title = title.clone();
                true
            }
            OutlineEdit::Thresholds {
                plan: id,
                thresholds,
            } if *id == plan.id => {
                plan.thresholds = *thresholds;
                true
            }
            OutlineEdit::InitiativeTitle { initiative, title } => plan
                .initiatives
                .iter_mut()
                .find(|i| i.id == *initiative)
                .map(|i| i.title = title.clone())
                .is_some(),
            _ => false,
        }
    }
}

/// Why an outline edit is refused. Nothing is written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutlineRefusal {
    /// A title left empty: (what it names, the field's label).
    #[error("{}", (strings().outline.errors.empty)(.subject, .label))]
    Empty {
        subject: String,
        label: &'static str,
    },
    /// A title on more than one line, or with a control character.
    #[error("{}", (strings().outline.errors.one_line)(.subject, .label))]
    NotOneLine {
        subject: String,
        label: &'static str,
    },
    /// Bands not both above 0 with 概ね達成 under 達成: (achieved, near).
    #[error("{}", (strings().outline.errors.bands)(.achieved, .near))]
    Bands { achieved: String, near: String },
    /// A band that is not a number: what was typed.
    #[error("{}", (strings().outline.errors.not_percent)(.0))]
    NotPercent(String),
}

/// The rules: a title not empty and on one line; bands above 0, 概ね達成 under 達成.
pub fn check(edit: &OutlineEdit, subject: &str) -> Result<(), OutlineRefusal> {
    let label = edit.field().label_ja();
    match edit {
        OutlineEdit::PlanTitle { title, .. } | OutlineEdit::InitiativeTitle { title, .. } => {
            if title.trim().is_empty() {
                return Err(OutlineRefusal::Empty {
                    subject: subject.to_string(),
                    label,
                });
            }
            if title.contains(['\n', '\r', '\t']) || refused_character(title).is_some() {
                return Err(OutlineRefusal::NotOneLine {
                    subject: subject.to_string(),
                    label,
                });
            }
            Ok(())
        }
        OutlineEdit::Thresholds { thresholds, .. } => check_bands(*thresholds),
    }
}

fn check_bands(t: Thresholds) -> Result<(), OutlineRefusal> {
    if t.near <= Decimal::ZERO || t.achieved <= Decimal::ZERO || t.near >= t.achieved {
        return Err(OutlineRefusal::Bands {
            achieved: Grouped(&t.achieved).to_string(),
            near: Grouped(&t.near).to_string(),
        });
    }
    Ok(())
}

/// Bands as typed: `100 80`, `１００　８０`, `100% 80%` (達成 first, then 概ね達成), checked.
pub fn read_bands(achieved: &str, near: &str) -> Result<Thresholds, OutlineRefusal> {
    let read = |typed: &str| {
        parse_number(typed, "%")
            .or_else(|_| parse_number(typed, "％"))
            .map_err(|_| OutlineRefusal::NotPercent(typed.to_string()))
    };
    let t = Thresholds {
        achieved: read(achieved)?,
        near: read(near)?,
    };
    check_bands(t)?;
    Ok(t)
}

/// [`read_bands`] of one line: two numbers separated by spaces (half- or full-width), a comma,
/// `・` or `/`.
pub fn read_bands_line(line: &str) -> Result<Thresholds, OutlineRefusal> {
    let parts: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || matches!(c, '・' | '/' | '／' | '、'))
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [achieved, near] => read_bands(achieved, near),
        _ => Err(OutlineRefusal::NotPercent(line.trim().to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(n: i64) -> Decimal {
        Decimal::from(n)
    }

    #[test]
    fn bands_are_read_in_full_width_and_must_nest() {
        let _pin = crate::strings::pin_thread(crate::strings::Lang::En);
        assert_eq!(
            read_bands_line("１００　８０"),
            Ok(Thresholds {
                achieved: d(100),
                near: d(80)
            })
        );
        assert_eq!(read_bands("95%", "75％").map(|t| t.near), Ok(d(75)));
        assert!(matches!(
            read_bands("80", "100"),
            Err(OutlineRefusal::Bands { .. })
        ));
        assert!(matches!(
            read_bands("100", "0"),
            Err(OutlineRefusal::Bands { .. })
        ));
        assert!(matches!(
            read_bands("100", "80",).and(read_bands_line("100")),
            Err(OutlineRefusal::NotPercent(_))
        ));
        assert!(matches!(
            read_bands("百", "80"),
            Err(OutlineRefusal::NotPercent(_))
        ));
    }

    #[test]
    fn a_title_is_one_line_and_not_empty() {
        let _pin = crate::strings::pin_thread(crate::strings::Lang::En);
        let title = |t: &str| OutlineEdit::PlanTitle {
            plan: PlanId(1),
            title: t.into(),
        };
        assert!(matches!(
            check(&title("  "), "plan"),
            Err(OutlineRefusal::Empty { .. })
        ));
        assert!(matches!(
            check(&title("DX\n計画"), "plan"),
            Err(OutlineRefusal::NotOneLine { .. })
        ));
        assert!(check(&title("指宿市DX推進計画"), "plan").is_ok());
    }

    #[test]
    fn the_bands_are_shown_as_the_log_shows_them() {
        let v = OutlineValue::Thresholds(Thresholds {
            achieved: d(100),
            near: d(80),
        });
        assert_eq!(v.to_string(), "100・80");
    }
}
