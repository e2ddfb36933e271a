//! The domain, free of I/O and UI: plans, goals, activities, values, codes, dates and 時期.

pub mod code;
pub mod date;
pub mod edit;
pub mod entry;
pub mod era;
pub mod expression;
pub mod field;
pub mod fold;
pub mod goal_pos;
pub mod lineage;
pub mod meeting;
pub mod number;
pub mod outline;
pub mod period;
pub mod plan;
pub mod rollover;
pub mod section;
pub mod structure;
pub mod uid;

pub use code::{CodeError, GoalRef, InitiativeCode, Spelling};
pub use date::{CalendarDate, FiscalYear};
pub use edit::{Edit, FieldValue, Owner, Refusal};
pub use entry::{EntryError, clears_value, read_precision, refuses_negative};
pub use era::Era;
pub use field::{EntityKind, FieldKey, FieldRef};
pub use goal_pos::GoalPos;
pub use lineage::YearLinks;
pub use meeting::{MeetingNote, NoteField, NoteFigures};
pub use number::{
    Grouped, NumberError, Quoted, TwoReadings, counts_whole_things, parse_number, two_readings,
};
pub use period::Period;
pub use plan::*;
pub use uid::{Uid, UidError};
