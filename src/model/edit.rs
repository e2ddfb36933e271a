//! A change a clerk makes, the value it writes, and the goal's rules that may refuse it. Pure:
//! the store reads the goal and writes the change; what is allowed is decided here.

use rust_decimal::Decimal;

use super::{
    ActivityId, ActivityStatus, CalendarDate, Direction, FieldKey, FieldRef, FormulaKind, GoalId,
    Grouped, MeetingNote, MilestoneState, NoteField, NoteFigures, PartId, Plan, Value,
    refuses_negative,
};

pub mod definition;
use crate::strings::strings;

/// The most digits after the decimal point an achievement may be shown with.
pub const MAX_PRECISION: u32 = 4;

/// A change a clerk makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// 実績値 of a goal (a number, or text for a milestone).
    Actual { goal: GoalId, value: Value },
    /// Whether a milestone goal was achieved.
    /// A milestone's state; none is "not yet reported" (未入力), as a year begins.
    Milestone {
        goal: GoalId,
        state: Option<MilestoneState>,
    },
    /// 実績値 of one part of a composite goal.
    PartActual {
        part: PartId,
        value: Option<Decimal>,
    },
    /// Progress of an activity.
    ActivityStatus {
        activity: ActivityId,
        status: ActivityStatus,
    },
    /// 評価内容.
    Evaluation { goal: GoalId, text: String },
    /// A field of the goal's note from the meeting on `date`. `figures` are the goal's figures
    /// as shown when the note was written (kept as they were when `None`, as in an undo).
    Note {
        goal: GoalId,
        date: CalendarDate,
        field: NoteField,
        text: String,
        figures: Option<NoteFigures>,
    },
    /// 目標値 of a goal (a number, or text for a milestone).
    Target { goal: GoalId, value: Value },
    /// 基準値 of a goal.
    Baseline { goal: GoalId, value: Value },
    /// A goal's title, unit or 積算方法: `field` is [`FieldKey::Title`], [`FieldKey::Unit`] or
    /// [`FieldKey::CalcMethod`].
    GoalText {
        goal: GoalId,
        field: FieldKey,
        text: String,
    },
    /// How many decimals the goal's 達成度 is shown with (小数桁).
    Precision { goal: GoalId, digits: u32 },
    /// A goal's formula kind and direction, and the milestone state that goes with them (only
    /// a milestone has one: `None` otherwise, and for a milestone not yet judged).
    Formula {
        goal: GoalId,
        formula: FormulaKind,
        direction: Direction,
        milestone: Option<MilestoneState>,
    },
    /// A part's label or unit: `field` is [`FieldKey::PartLabel`] or [`FieldKey::PartUnit`].
    PartText {
        part: PartId,
        field: FieldKey,
        text: String,
    },
    /// A part's 目標値.
    PartTarget { part: PartId, target: Decimal },
    /// An activity's 実施内容 or 時期 as written: `field` is [`FieldKey::ActivityContent`] or
    /// [`FieldKey::ActivityPeriod`] (the store reads the 時期's dates in the plan's year).
    ActivityText {
        activity: ActivityId,
        field: FieldKey,
        text: String,
    },
    /// An activity's 担当係, in order.
    ActivitySections {
        activity: ActivityId,
        sections: Vec<String>,
    },
}

/// The value of an editable field: what is shown, compared, and logged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Value(Value),
    Milestone(Option<MilestoneState>),
    Number(Option<Decimal>),
    Status(ActivityStatus),
    Text(String),
    /// A meeting note's field: the meeting date and the text.
    Note {
        date: CalendarDate,
        text: String,
    },
    /// A goal's formula kind, direction and milestone state.
    Kind {
        formula: FormulaKind,
        direction: Direction,
        milestone: Option<MilestoneState>,
    },
    /// A list of words (an activity's 担当係).
    List(Vec<String>),
}

impl Edit {
    /// The field this edit changes.
    pub fn field_ref(&self) -> FieldRef {
        match self {
            Edit::Actual { goal, .. } => FieldRef::Actual(*goal),
            Edit::Milestone { goal, .. } => FieldRef::Milestone(*goal),
            Edit::Evaluation { goal, .. } => FieldRef::Evaluation(*goal),
            Edit::PartActual { part, .. } => FieldRef::PartActual(*part),
            Edit::ActivityStatus { activity, .. } => FieldRef::ActivityStatus(*activity),
            Edit::Note {
                goal, date, field, ..
            } => FieldRef::Note {
                goal: *goal,
                date: *date,
                field: *field,
            },
            Edit::Target { goal, .. } => FieldRef::Target(*goal),
            Edit::Baseline { goal, .. } => FieldRef::Baseline(*goal),
            Edit::GoalText { goal, field, .. } => FieldRef::GoalText(*goal, *field),
            Edit::Precision { goal, .. } => FieldRef::Precision(*goal),
            Edit::Formula { goal, .. } => FieldRef::Formula(*goal),
            Edit::PartText { part, field, .. } => FieldRef::PartText(*part, *field),
            Edit::PartTarget { part, .. } => FieldRef::PartTarget(*part),
            Edit::ActivityText {
                activity, field, ..
            } => FieldRef::ActivityText(*activity, *field),
            Edit::ActivitySections { activity, .. } => FieldRef::ActivitySections(*activity),
        }
    }

    /// The value the edit writes, as it is shown and compared.
    pub fn new_value(&self) -> FieldValue {
        match self {
            Edit::Actual { value, .. }
            | Edit::Target { value, .. }
            | Edit::Baseline { value, .. } => FieldValue::Value(value.clone()),
            Edit::Milestone { state, .. } => FieldValue::Milestone(*state),
            Edit::PartActual { value, .. } => FieldValue::Number(*value),
            Edit::Precision { digits, .. } => FieldValue::Number(Some(Decimal::from(*digits))),
            Edit::ActivityStatus { status, .. } => FieldValue::Status(*status),
            Edit::Evaluation { text, .. }
            | Edit::GoalText { text, .. }
            | Edit::PartText { text, .. }
            | Edit::ActivityText { text, .. } => FieldValue::Text(text.clone()),
            Edit::PartTarget { target, .. } => FieldValue::Number(Some(*target)),
            Edit::Formula {
                formula,
                direction,
                milestone,
                ..
            } => FieldValue::Kind {
                formula: *formula,
                direction: *direction,
                milestone: *milestone,
            },
            Edit::ActivitySections { sections, .. } => FieldValue::List(sections.clone()),
            Edit::Note { date, text, .. } => FieldValue::Note {
                date: *date,
                text: text.clone(),
            },
        }
    }

    /// The edit that sets `field` of row `entity_id` to `value`, when it is one an edit can set
    /// (a milestone cannot be set back to "no state", for one): how undo turns a logged old
    /// value back into an edit.
    pub fn of_logged(field: super::FieldKey, entity_id: i64, value: FieldValue) -> Option<Edit> {
        use super::FieldKey as K;
        Some(match (field, value) {
            (K::Actual, FieldValue::Value(value)) => Edit::Actual {
                goal: GoalId(entity_id),
                value,
            },
            (K::Target, FieldValue::Value(value)) => Edit::Target {
                goal: GoalId(entity_id),
                value,
            },
            (K::Baseline, FieldValue::Value(value)) => Edit::Baseline {
                goal: GoalId(entity_id),
                value,
            },
            (K::Title | K::Unit | K::CalcMethod | K::GoalNote, FieldValue::Text(text)) => {
                Edit::GoalText {
                    goal: GoalId(entity_id),
                    field,
                    text,
                }
            }
            (K::PartLabel | K::PartUnit, FieldValue::Text(text)) => Edit::PartText {
                part: PartId(entity_id),
                field,
                text,
            },
            (K::PartTarget, FieldValue::Number(Some(target))) => Edit::PartTarget {
                part: PartId(entity_id),
                target,
            },
            (K::ActivityContent | K::ActivityPeriod, FieldValue::Text(text)) => {
                Edit::ActivityText {
                    activity: ActivityId(entity_id),
                    field,
                    text,
                }
            }
            (K::ActivitySections, FieldValue::List(sections)) => Edit::ActivitySections {
                activity: ActivityId(entity_id),
                sections,
            },
            (
                K::Formula,
                FieldValue::Kind {
                    formula,
                    direction,
                    milestone,
                },
            ) => Edit::Formula {
                goal: GoalId(entity_id),
                formula,
                direction,
                milestone,
            },
            (K::Precision, FieldValue::Number(Some(n))) => Edit::Precision {
                goal: GoalId(entity_id),
                digits: u32::try_from(n).ok()?,
            },
            (K::Milestone, FieldValue::Milestone(state)) => Edit::Milestone {
                goal: GoalId(entity_id),
                state,
            },
            (K::Evaluation, FieldValue::Text(text)) => Edit::Evaluation {
                goal: GoalId(entity_id),
                text,
            },
            (K::PartActual, FieldValue::Number(value)) => Edit::PartActual {
                part: PartId(entity_id),
                value,
            },
            (K::ActivityStatus, FieldValue::Status(status)) => Edit::ActivityStatus {
                activity: ActivityId(entity_id),
                status,
            },
            (K::Note(field), FieldValue::Note { date, text }) => Edit::Note {
                goal: GoalId(entity_id),
                date,
                field,
                text,
                figures: None,
            },
            _ => return None,
        })
    }

    /// Applies the edit to an in-memory plan (what the store just wrote), so a front end need not
    /// reload the whole plan after each edit. Returns false when the row is not in this plan.
    pub fn apply_to(&self, plan: &mut Plan) -> bool {
        let mut goals = plan.initiatives.iter_mut().flat_map(|i| i.goals.iter_mut());
        match self {
            Edit::Actual { goal, value } => goals
                .find(|g| g.id == *goal)
                .map(|g| g.actual = value.clone())
                .is_some(),
            Edit::Target { goal, value } => goals
                .find(|g| g.id == *goal)
                .map(|g| g.target = value.clone())
                .is_some(),
            Edit::Baseline { goal, value } => goals
                .find(|g| g.id == *goal)
                .map(|g| g.baseline = value.clone())
                .is_some(),
            Edit::GoalText { goal, field, text } => goals
                .find(|g| g.id == *goal)
                .map(|g| match field {
                    FieldKey::Unit => g.unit = text.clone(),
                    FieldKey::CalcMethod => g.calc_method = text.clone(),
                    FieldKey::Title => g.title = text.clone(),
                    FieldKey::GoalNote => g.note = text.clone(),
                    _ => {}
                })
                .is_some(),
            Edit::Formula { .. }
            | Edit::PartText { .. }
            | Edit::PartTarget { .. }
            | Edit::ActivityText { .. }
            | Edit::ActivitySections { .. } => definition::apply_to(self, plan),
            Edit::Precision { goal, digits } => goals
                .find(|g| g.id == *goal)
                .map(|g| g.precision = *digits)
                .is_some(),
            Edit::Milestone { goal, state } => goals
                .find(|g| g.id == *goal)
                .map(|g| g.milestone = *state)
                .is_some(),
            Edit::Evaluation { goal, text } => goals
                .find(|g| g.id == *goal)
                .map(|g| g.evaluation = text.clone())
                .is_some(),
            Edit::PartActual { part, value } => goals
                .flat_map(|g| g.parts.iter_mut())
                .find(|p| p.id == *part)
                .map(|p| p.actual = *value)
                .is_some(),
            Edit::ActivityStatus { activity, status } => goals
                .flat_map(|g| g.activities.iter_mut())
                .find(|a| a.id == *activity)
                .map(|a| a.status = *status)
                .is_some(),
            Edit::Note {
                goal,
                date,
                field,
                text,
                figures,
            } => goals
                .find(|g| g.id == *goal)
                .map(|g| {
                    let position = match g.notes.iter().position(|n| n.date == *date) {
                        Some(p) => p,
                        None => {
                            g.notes.push(MeetingNote::empty(*date));
                            g.notes.sort_by_key(|n| n.date);
                            g.notes.iter().position(|n| n.date == *date).unwrap_or(0)
                        }
                    };
                    let note = &mut g.notes[position];
                    note.set(*field, text.clone());
                    if let Some(figures) = figures {
                        note.figures = figures.clone();
                    }
                })
                .is_some(),
        }
    }
}

/// What the rules need to know of the goal that owns the edited field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// How the refusal names the field's row: `⑴-ア-1`, `⑴-オ-1 開催回数`.
    pub subject: String,
    pub formula: FormulaKind,
    pub allow_negative: bool,
    /// Part labels, for the message that redirects a composite goal's edit.
    pub parts: String,
}

/// Why the goal's rules refuse an edit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("{}", (strings().errors.edit.composite)(.subject, .parts))]
    Composite { subject: String, parts: String },
    #[error("{}", (strings().errors.edit.not_milestone)(.subject, .formula))]
    NotMilestone {
        subject: String,
        formula: FormulaKind,
    },
    #[error("{}", (strings().errors.edit.negative)(.subject, .value))]
    Negative { subject: String, value: String },
    #[error("{}: {}", .subject, (strings().errors.sheet.precision)(*.digits, MAX_PRECISION))]
    Precision { subject: String, digits: u32 },
    #[error("{}", (strings().errors.edit.empty_title)(.subject))]
    EmptyTitle { subject: String },
    /// A line break in a field the sheet prints on one line (目標名, 単位, a part's label or
    /// 単位, 時期): (subject, the field's label).
    #[error("{}", (strings().errors.edit.one_line)(.subject, .label))]
    LineBreak {
        subject: String,
        label: &'static str,
    },
    #[error("{}", (strings().errors.edit.zero_target)(.subject))]
    ZeroTarget { subject: String },
    #[error("{}", (strings().errors.edit.bad_due)(.subject, .text))]
    BadDue { subject: String, text: String },
    #[error("{}", (strings().errors.edit.control_character)(.subject, *.code))]
    ControlCharacter { subject: String, code: u32 },
    /// A field that may not be left empty (a part's label, an activity's 実施内容, a 担当係).
    #[error("{}", (strings().errors.edit.empty_field)(.subject, .label))]
    Empty {
        subject: String,
        label: &'static str,
    },
    /// A change of formula to or from composite: parts are the plan's structure.
    #[error("{}", (strings().errors.edit.composite_formula)(.subject, .from, .to))]
    CompositeFormula {
        subject: String,
        from: FormulaKind,
        to: FormulaKind,
    },
    /// A direction the formula does not take (ratio is higher, lower_is_better lower), in the
    /// import's words.
    #[error("{}: {}", .subject, (strings().errors.sheet.direction)(.formula, .direction))]
    Direction {
        subject: String,
        formula: FormulaKind,
        direction: Direction,
    },
    /// The goal's figures do not fit the formula (a milestone's are words, a ratio needs a
    /// target other than 0 …): the figure and why.
    #[error("{}", (strings().errors.edit.figures_unfit)(.subject, .formula, .why))]
    FiguresUnfit {
        subject: String,
        /// The formula as the card's choice names it (`formula_label`).
        formula: &'static str,
        why: String,
    },
    /// A 時期 that names a date that cannot be (平成31年5月): the parser's reason.
    #[error("{}", (strings().errors.edit.impossible_period)(.subject, .text, .why))]
    ImpossiblePeriod {
        subject: String,
        text: String,
        why: String,
    },
}

/// The goal's own rules: what kind of edit it takes, whether figures may be negative, that a
/// 期限 is a date, and that no text carries a control character (other than line breaks, tabs).
pub fn check(edit: &Edit, owner: &Owner) -> Result<(), Refusal> {
    definition::check(edit, owner)?;
    let subject = || owner.subject.clone();
    match edit {
        Edit::Actual { .. } if owner.formula == FormulaKind::Composite => Err(Refusal::Composite {
            subject: subject(),
            parts: owner.parts.clone(),
        }),
        Edit::Milestone { .. } if owner.formula != FormulaKind::Milestone => {
            Err(Refusal::NotMilestone {
                subject: subject(),
                formula: owner.formula,
            })
        }
        Edit::Precision { digits, .. } if *digits > MAX_PRECISION => Err(Refusal::Precision {
            subject: subject(),
            digits: *digits,
        }),
        Edit::GoalText {
            field: FieldKey::Title,
            text,
            ..
        } if text.trim().is_empty() => Err(Refusal::EmptyTitle { subject: subject() }),
        Edit::GoalText {
            field: field @ (FieldKey::Title | FieldKey::Unit),
            text,
            ..
        }
        | Edit::PartText { field, text, .. }
        | Edit::ActivityText {
            field: field @ FieldKey::ActivityPeriod,
            text,
            ..
        } if text.contains(['\n', '\r']) => Err(Refusal::LineBreak {
            subject: subject(),
            label: field.label_ja(),
        }),
        Edit::Target {
            value: Value::Number(n),
            ..
        } if owner.formula == FormulaKind::Ratio && n.is_zero() => {
            Err(Refusal::ZeroTarget { subject: subject() })
        }
        Edit::Actual {
            value: Value::Number(n),
            ..
        }
        | Edit::Target {
            value: Value::Number(n),
            ..
        }
        | Edit::Baseline {
            value: Value::Number(n),
            ..
        }
        | Edit::PartActual { value: Some(n), .. }
            if refuses_negative(owner.allow_negative, n) =>
        {
            Err(Refusal::Negative {
                subject: subject(),
                value: Grouped(n).to_string(),
            })
        }
        Edit::Note {
            field: NoteField::Due,
            text,
            ..
        } if !text.is_empty() && CalendarDate::from_stored(text).is_none() => {
            Err(Refusal::BadDue {
                subject: subject(),
                text: text.clone(),
            })
        }
        Edit::Actual {
            value: Value::Text(t),
            ..
        }
        | Edit::Target {
            value: Value::Text(t),
            ..
        }
        | Edit::Baseline {
            value: Value::Text(t),
            ..
        }
        | Edit::Evaluation { text: t, .. }
        | Edit::GoalText { text: t, .. }
        | Edit::PartText { text: t, .. }
        | Edit::ActivityText { text: t, .. }
        | Edit::Note { text: t, .. } => match refused_character(t) {
            Some((ch, _)) => Err(Refusal::ControlCharacter {
                subject: subject(),
                code: ch as u32,
            }),
            None => Ok(()),
        },
        _ => Ok(()),
    }
}

/// The first character stored text may not hold, and its line (from 1): control characters
/// but line breaks and tabs (a terminal would obey them when the text is shown). Front ends ask
/// this before saving, to say where the clerk sees the problem; the store refuses the same.
pub fn refused_character(text: &str) -> Option<(char, usize)> {
    let mut line = 1;
    for c in text.chars() {
        match c {
            '\n' => line += 1,
            '\t' => {}
            c if c.is_control() => return Some((c, line)),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests;
