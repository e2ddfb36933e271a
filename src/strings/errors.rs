//! The words of refusals and failures: why a value, a file or an edit was not taken, and what to
//! do. Each error type's `Display` reads its sentence here; so do the damage report, the
//! plan-file problems and the worked calculation's words.
//!
//! Paths are `&Path`; anything else shown as it prints (a source error, a quoted input, a
//! value) is `&dyn Display`, so a sentence takes its figures without caring for their types.

use std::fmt::Display;
use std::io;
use std::path::Path;

/// Every error sentence, for one language.
pub struct Errors {
    /// The data file is busy with another tassei's write.
    pub busy: &'static str,
    /// Opening a data file (`OpenError`), and the damage report.
    pub open: Open,
    /// Using an open data file (`StoreError`, `ImportError`), and what loading finds damaged.
    pub store: Store,
    /// Copies, restores and pruning.
    pub backup: Backup,
    /// Files on disk: one another program holds open, the data file moved out of the roaming
    /// profile (Windows).
    pub files: Files,
    /// An edit refused by the file (`EditError`) or by the goal's rules (`Refusal`).
    pub edit: Edit,
    /// An undo or redo refused (`UndoError`).
    pub undo: Undo,
    /// Typed or read values that are not what they must be: numbers, dates, codes, ….
    pub values: Values,
    /// Problems in a plan file, each shown after its path.
    pub sheet: Sheet,
    /// The config file (`ConfigError`, and its warnings).
    pub config: Config,
    /// Why no rate can be computed, and the words of the worked calculation.
    pub calculation: Calculation,
    /// A CSV file returned by a section, as read (`exchange::csv`).
    pub csv: Csv,
    /// Why a file could not be opened, as a clerk reads it: the system's own words (English
    /// whatever the language, `No such file or directory (os error 2)`) only where no sentence
    /// says it better, and then in brackets.
    pub io: Io,
}

/// Opening a data file.
pub struct Open {
    /// `--db` names a directory.
    pub is_directory: fn(&Path) -> String,
    /// The file is not an SQLite database.
    pub not_sqlite: fn(&Path) -> String,
    /// The file is an SQLite database of another program.
    pub not_tassei: fn(&Path) -> String,
    /// A newer tassei wrote the file: (path, its version, the newest this build knows).
    pub newer: fn(&Path, u32, u32) -> String,
    /// The file could not be created: (path, the system's reason).
    pub create: fn(&Path, &dyn Display) -> String,
    /// The file could not be read: (path, the system's reason).
    pub read: fn(&Path, &dyn Display) -> String,
    /// The copy made before an upgrade failed: (path, why).
    pub backup: fn(&Path, &dyn Display) -> String,
    /// The plan built into tassei does not validate (a bug): the problems follow.
    pub bundled: fn(&dyn Display) -> String,
    /// The bundled sheet could not be written into a new file: (path, why).
    pub seed: fn(&Path, &dyn Display) -> String,
    /// The file is read-only.
    pub read_only: fn(&Path) -> String,
    /// The file's folder is read-only (SQLite needs its journal there).
    pub folder_not_writable: fn(&Path) -> String,
    /// The file is on a network share: (path, the kind of share).
    pub network_share: fn(&Path, &str) -> String,
    /// Any other SQLite error on opening: (path, SQLite's message).
    pub sqlite: fn(&Path, &dyn Display) -> String,
    /// A damaged file with a good copy beside it: (path, what SQLite found, `--db` when the file
    /// is not the default one, the newest good copy).
    pub damaged_with_copy: fn(&Path, &str, Option<&Path>, &Path) -> String,
    /// A damaged file with no good copy: (path, what SQLite found).
    pub damaged_without_copy: fn(&Path, &str) -> String,
    /// An upgrade found a row whose parent is gone: (its row number if it has one, its table,
    /// the parent's table).
    pub dangling_row: fn(Option<i64>, &str, &str) -> String,
    /// Another tassei copies the file as it is about to be upgraded.
    pub copying_elsewhere: &'static str,
}

/// Using an open data file.
pub struct Store {
    /// SQLite or a read found the file damaged: what was found.
    pub corrupt: fn(&dyn Display) -> String,
    /// `--plan` names no plan in the file.
    pub no_such_plan: fn(&str) -> String,
    /// The file holds no plan at all.
    pub no_plans: &'static str,
    /// A copy could not be made: why.
    pub backup: fn(&dyn Display) -> String,
    /// The disk filled while writing.
    pub disk_full: &'static str,
    /// A restore was refused: why.
    pub restore: fn(&dyn Display) -> String,
    /// The file opened is one of tassei's copies: (the copy, its original).
    pub copy: fn(&Path, &Path) -> String,
    /// Any other SQLite error: SQLite's message.
    pub sqlite: fn(&dyn Display) -> String,
    /// `import` of a plan whose id is in the file already.
    pub plan_exists: fn(&str) -> String,
    /// `rollover` of a plan that has a plan for that year already: (the plan, the year, the
    /// plan there).
    pub rolled_over_already: fn(&str, i32, &str) -> String,
    /// Said on opening: `--db` named no file, so one was made.
    pub created: fn(&Path) -> String,
    /// Said on opening: the data file did not exist and was created for the plan being
    /// imported: (the file, the plan's id).
    pub created_for: fn(&Path, &str) -> String,
    /// Said on opening: the file's permissions were tightened from this mode.
    pub tightened: fn(&Path, u32) -> String,
    /// SQLite's `date('now')` did not read as a date.
    pub bad_today: fn(&str) -> String,
    /// Damage: the initiatives' index and table disagree (through the index, in the table).
    pub index_initiatives: fn(i64, i64) -> String,
    /// Damage: the goals' index and table disagree (through the index, in the table).
    pub index_goals: fn(i64, i64) -> String,
    /// Damage: an initiative row's code letter is not one letter.
    pub code_letter: fn(i64, &str) -> String,
    /// Damage: a goal takes its activities from a goal row not in the plan.
    pub missing_source: fn(i64) -> String,
    /// Where a derivation lives, for the damage messages: the goal's row.
    pub derivation_place: fn(i64) -> String,
    /// Where a meeting note lives, for the damage messages: the goal's row.
    pub note_place: fn(i64) -> String,
    /// Damage: a meeting note without its date (its place).
    pub note_no_date: fn(&dyn Display) -> String,
    /// Damage: a meeting note's figures do not read (its place, the reader's message).
    pub note_figures: fn(&dyn Display, &dyn Display) -> String,
    /// Damage: a stored number that is not one (place, text).
    pub holds_not_number: fn(&dyn Display, &str) -> String,
    /// Damage: a stored word that names nothing (place, text).
    pub holds_unknown_word: fn(&dyn Display, &str) -> String,
    /// Damage: a stored uid that is not one (place, text).
    pub holds_not_uid: fn(&dyn Display, &str) -> String,
    /// Damage: a stored date that is not one (place, text).
    pub holds_not_date: fn(&dyn Display, &str) -> String,
    /// Damage: a change-log row with an unknown word (row, column, word).
    pub log_unknown: fn(i64, &str, &str) -> String,
    /// Damage: the change log holds an unknown kind.
    pub log_unknown_kind: fn(&str) -> String,
    /// Where an edit's goal is named for the damage message: the row.
    pub goal_of_row: fn(i64) -> String,
}

/// Copies, restores and pruning.
pub struct Backup {
    /// The file to restore from is not a tassei data file.
    pub not_tassei: fn(&Path) -> String,
    /// A copy could not be written: (path, why).
    pub cannot_write: fn(&Path, &dyn Display) -> String,
    /// What a verified copy found when it is not a tassei data file.
    pub copy_not_tassei: &'static str,
    /// Every name for a copy this second is taken.
    pub names_taken: fn(&Path) -> String,
    /// A restore names the data file itself.
    pub restore_itself: fn(&Path) -> String,
    /// No name was free for the copy made before a restore.
    pub cannot_name_copy: fn(&Path) -> String,
    /// A warning: today's copy could not be made (path, why).
    pub daily_failed: fn(&Path, &dyn Display) -> String,
    /// A warning: the day's copy or check failed (why).
    pub warning: fn(&dyn Display) -> String,
    /// The file to restore from cannot be read: (path, why).
    pub cannot_read: fn(&Path, &dyn Display) -> String,
    /// The file to restore from is damaged: (path, what was found).
    pub restore_damaged: fn(&Path, &str) -> String,
    /// An old copy could not be pruned: (path, why).
    pub cannot_remove: fn(&Path, &dyn Display) -> String,
}

/// Who wrote a value and when (`2026-11-28 10:22`), when the change log knows.
pub type ChangedBy<'a> = Option<(&'a str, &'a str)>;

/// Files on disk, as Windows shares them.
pub struct Files {
    /// A rename or delete still failed after about a second of tries because another program
    /// (an antivirus, Excel, a backup or sync tool) may have the file open: (the file, the
    /// system's reason).
    pub held: fn(&Path, &dyn Display) -> String,
    /// Said once on opening (Windows): the default data file, with its journal and copies, was
    /// moved out of the roaming profile into the local one: (the old folder, the new folder).
    pub moved_to_local: fn(&Path, &Path) -> String,
    /// Said on opening (Windows): that move failed, and the data file stays where it was and
    /// is used there this time: (the data file, the new folder, why).
    pub not_moved_to_local: fn(&Path, &Path, &dyn Display) -> String,
    /// Said after [`Files::moved_to_local`]: copies that could not be moved and were left in
    /// the old folder: (how many, the old folder).
    pub copies_left: fn(usize, &Path) -> String,
    /// Why the data file was not moved (inside [`Files::not_moved_to_local`]): its journal could
    /// not be written into it (another tassei has it open).
    pub journal_busy: &'static str,
    /// Why the data file was not moved: this journal beside it still holds edits: (the journal).
    pub journal_left: fn(&Path) -> String,
}

/// An edit refused.
pub struct Edit {
    /// The edited row is gone: its subject.
    pub not_found: fn(&str) -> String,
    /// Someone changed the value since the clerk saw it: (subject, field label, who and when
    /// if the log knows, the value now, the value seen).
    pub conflict: fn(&str, &str, ChangedBy<'_>, &dyn Display, &dyn Display) -> String,
    /// A composite goal's own actual: (subject, its parts).
    pub composite: fn(&str, &str) -> String,
    /// A milestone state on another kind of goal: (subject, its formula).
    pub not_milestone: fn(&str, &dyn Display) -> String,
    /// A negative figure on a goal that takes none: (subject, the value).
    pub negative: fn(&str, &str) -> String,
    /// A 目標値 of 0 on a ratio goal (実績値 ÷ 目標値): the subject.
    pub zero_target: fn(&str) -> String,
    /// An empty 目標名: the subject.
    pub empty_title: fn(&str) -> String,
    /// A line break in a one-line field: (subject, the field's label).
    pub one_line: fn(&str, &str) -> String,
    /// A 期限 that is not a stored date: (subject, the text).
    pub bad_due: fn(&str, &str) -> String,
    /// Text with a control character: (subject, its code point).
    pub control_character: fn(&str, u32) -> String,
    /// A field left empty that must not be: (subject, the field's label).
    pub empty_field: fn(&str, &str) -> String,
    /// A formula changed to or from composite: (subject, formula now, formula asked for).
    pub composite_formula: fn(&str, &dyn Display, &dyn Display) -> String,
    /// The goal's figures do not fit the formula asked for: (subject, formula, why).
    pub figures_unfit: fn(&str, &dyn Display, &str) -> String,
    /// A milestone's figure that is a number: (the figure's label, its value).
    pub milestone_number: fn(&str, &dyn Display) -> String,
    /// A 目標値 on the wrong side of the 基準値 for the direction: (target, baseline, whether
    /// lower is better).
    pub target_against_direction: fn(&dyn Display, &dyn Display, bool) -> String,
    /// A 時期 naming a date that cannot be: (subject, the text, the parser's reason).
    pub impossible_period: fn(&str, &str, &dyn Display) -> String,
}

/// An undo or redo refused. `action` is the command's word, `undo` or `redo`.
pub struct Undo {
    /// `undo` with no edit of the caller's left to take back.
    pub nothing_to_undo: &'static str,
    /// `redo` with no undo of the caller's left to put back.
    pub nothing_to_redo: &'static str,
    /// Someone changed a field afterwards: who, when, and what (said by the report).
    pub changed_after: fn(&dyn Display) -> String,
    /// The field holds a value no logged change wrote: (action, subject, the value now).
    pub changed_since: fn(&str, &str, &str) -> String,
    /// The logged change cannot be reverted: (action, change-log row).
    pub not_revertible: fn(&str, i64) -> String,
    /// The undo of a rollover, as `changed_since` names it: (the plan it made).
    pub rollover: fn(&str) -> String,
    /// What refuses it: someone else changed the plan: (who, when).
    pub edited_by: fn(&str, &str) -> String,
    /// … a section was handed the plan: (section, when).
    pub handed_out: fn(&str, &str) -> String,
    /// … a later year was made from it: (that plan, who, when).
    pub rolled_on: fn(&str, &str, &str) -> String,
}

/// Values typed, or read from a file, that are not what they must be.
pub struct Values {
    /// Typed numbers.
    pub number: Number,
    /// Typed values for one goal.
    pub entry: Entry,
    /// Typed dates.
    pub date: Date,
    /// 時期 that cannot be read: why, shown beside the text as written.
    pub period: Period,
    /// Typed codes and goal references.
    pub code: Code,
    /// The arithmetic of a figure's derivation.
    pub expression: Expression,
    /// Stored or typed words (`ratio`, `done`).
    pub words: Words,
    /// Text that is not a uid.
    pub not_uid: fn(&str) -> String,
    /// A goal reference to an initiative the plan lacks: (code, the codes it has).
    pub no_initiative: fn(&dyn Display, &str) -> String,
    /// A goal reference to a goal the initiative lacks: (initiative, number, its numbers).
    pub no_goal: fn(&dyn Display, &dyn Display, &str) -> String,
}

/// Typed text that is not a number. Each takes the input, quoted, last.
pub struct Number {
    /// Nothing typed where a number is wanted.
    pub empty: &'static str,
    /// `1.2.3`: (input).
    pub two_decimal_points: fn(&dyn Display) -> String,
    /// `+-5`: (input).
    pub two_signs: fn(&dyn Display) -> String,
    /// `5-`: (input).
    pub misplaced_sign: fn(&dyn Display) -> String,
    /// `90,16`: (input).
    pub misplaced_comma: fn(&dyn Display) -> String,
    /// `1e3`: (input).
    pub exponent: fn(&dyn Display) -> String,
    /// More digits than a value holds: (the most digits, input).
    pub too_many_digits: fn(usize, &dyn Display) -> String,
    /// A unit that is not the goal's: (unit typed, the goal's unit, input).
    pub wrong_unit: fn(&str, &str, &dyn Display) -> String,
    /// A unit on a goal without one: (unit typed, input).
    pub unexpected_unit: fn(&str, &dyn Display) -> String,
    /// A character no number has: (the character, input).
    pub bad_character: fn(char, &dyn Display) -> String,
    /// Anything else that does not read as a number: (input).
    pub not_a_number: fn(&dyn Display) -> String,
    /// Long typed text, shortened in a message: (its start, its end, how many characters).
    pub quoted_long: fn(&str, &str, &dyn Display) -> String,
    /// `9.500` in whole things: (as a decimal point, as a thousands separator).
    pub two_readings: fn(&dyn Display, &dyn Display) -> String,
}

/// Typed text that is not a value for this goal.
pub struct Entry {
    /// A milestone's actual left empty.
    pub empty_text: &'static str,
    /// A composite goal's own actual: its parts.
    pub composite: fn(&str) -> String,
    /// A negative figure: the value.
    pub negative: fn(&str) -> String,
    /// A part number the goal lacks: (number, how many parts).
    pub no_such_part: fn(usize, usize) -> String,
    /// A part number typed for a goal that has no parts (it is not composite).
    pub not_composite: &'static str,
    /// `9.500` in whole things: (typed, as a decimal point, grouped as thousands, as
    /// thousands).
    pub ambiguous: fn(&str, &dyn Display, &dyn Display, &dyn Display) -> String,
    /// A 小数桁 that is not a whole number: the text as typed.
    pub not_precision: fn(&str) -> String,
}

/// Typed text that is not a date. Each names the text, quoted, first.
pub struct Date {
    /// A date in no form tassei reads: (input).
    pub unreadable: fn(&dyn Display) -> String,
    /// A month past 12: (input, month).
    pub no_such_month: fn(&dyn Display, u32) -> String,
    /// A day past the month's end: (input, year, month, days in it).
    pub no_such_day: fn(&dyn Display, i32, u32, u8) -> String,
    /// A day before the era it is written in began: (input, era, its first day, that day in
    /// the era's words).
    pub before_era: fn(&dyn Display, &str, &dyn Display, &dyn Display) -> String,
    /// A day after the era it is written in ended: (input, era, its last day, that day in the
    /// era's words).
    pub after_era: fn(&dyn Display, &str, &dyn Display, &dyn Display) -> String,
    /// A year outside the years tassei reads: (input, first year, last year).
    pub out_of_range: fn(&dyn Display, i32, i32) -> String,
}

/// Why a 時期 cannot be read. Each is the reason alone: it is shown beside the 時期 as written.
pub struct Period {
    /// In no form tassei reads.
    pub unrecognised: &'static str,
    /// In no form tassei reads, with examples in the plan's 令和 years: (its year, the next).
    pub unrecognised_in: fn(i32, i32) -> String,
    /// A month past 12: (month).
    pub no_such_month: fn(u32) -> String,
    /// A day past the month's end: (year, month, days in it).
    pub no_such_day: fn(i32, u32, u32) -> String,
    /// Year 0 of an era (`令和0年`): (era, the western year of its 元年).
    pub year_zero: fn(&str, i32) -> String,
    /// Before the era it is written in began: (era, its first day, that day in the era's words).
    pub before_era: fn(&str, &dyn Display, &dyn Display) -> String,
    /// After the era it is written in ended: (era, its last day, that day in the era's words).
    pub after_era: fn(&str, &dyn Display, &dyn Display) -> String,
    /// A year outside the years tassei reads: (first year, last year).
    pub out_of_range: fn(i32, i32) -> String,
    /// `第5四半期`: (the number).
    pub no_such_quarter: fn(u32) -> String,
    /// A range whose end comes before its start (`R6.2～R5.7`).
    pub ends_before_start: &'static str,
}

/// Typed text that is not a code or goal reference. Each names the text first.
pub struct Code {
    /// No policy area number at the start: (input).
    pub no_area: fn(&str) -> String,
    /// No katakana letter after the area: (input).
    pub no_kana: fn(&str) -> String,
    /// No goal number after the initiative: (input).
    pub no_goal: fn(&str) -> String,
    /// Text after a whole code: (input).
    pub trailing: fn(&str) -> String,
    /// `1--ア`: (input).
    pub two_separators: fn(&str) -> String,
    /// A code with an invisible character: (input, its code point).
    pub invisible: fn(&str, u32) -> String,
}

/// Arithmetic that does not read (shown after the expression).
pub struct Expression {
    /// No arithmetic at all.
    pub empty: &'static str,
    /// Text after a whole expression.
    pub trailing: &'static str,
    /// A token that is none of number, unit, operator.
    pub not_a_token: fn(char) -> String,
    /// An opening bracket never closed.
    pub not_closed: &'static str,
    /// A closing bracket never opened.
    pub not_opened: &'static str,
    /// An operator with no number after it.
    pub missing_number: &'static str,
}

/// A word that names no known variant.
pub struct Words {
    /// A word that names nothing: (what kind of word, the word given, the words known).
    pub unknown: fn(&str, &str, &str) -> String,
    /// What a `formula` word is called in the message.
    pub formula_kind: &'static str,
    /// What a `figure` word is called.
    pub figure: &'static str,
    /// What a `direction` word is called.
    pub direction: &'static str,
    /// What a `milestone` word is called.
    pub milestone_state: &'static str,
    /// What an activity `status` word is called.
    pub activity_status: &'static str,
}

/// Problems in a plan file, each shown after its path.
pub struct Sheet {
    /// The file's `format` is not one this build reads: (the first version, the current one,
    /// the one found).
    pub format: fn(&str, &str, &str) -> String,
    /// A field new in a later version, in a file that says the first: (the first version, the
    /// version that has the field).
    pub newer_field: fn(&str, &str) -> String,
    /// A uid of all zeros, which names no row.
    pub uid_zero: &'static str,
    /// A uid given to two rows of the file: (the uid).
    pub duplicate_uid: fn(&str) -> String,
    /// A `previous_uid` on a row without a `uid` of its own: it would link nothing.
    pub previous_without_uid: &'static str,
    /// Two meeting notes of one goal on one date: (the date, the goal's path, index of the
    /// first).
    pub duplicate_note: fn(&dyn Display, &str, usize) -> String,
    /// After the first problems: how many more.
    pub more: fn(usize) -> String,
    /// Text with a control character: (code point, position from 1).
    pub control_character: fn(u32, usize) -> String,
    /// A required text left empty.
    pub empty: &'static str,
    /// After a negative figure's refusal: how a file allows it.
    pub allow_negative: fn(&dyn Display) -> String,
    /// JSON syntax error: the parser's message.
    pub not_json: fn(&dyn Display) -> String,
    /// The file ends early: the parser's message.
    pub cut_short: fn(&dyn Display) -> String,
    /// What a figure may be (after serde's "expected").
    pub figure_expected: &'static str,
    /// A figure written as a JSON fraction.
    pub fraction: fn(&dyn Display) -> String,
    /// A text value with another key.
    pub text_key: fn(&str) -> String,
    /// A text value without its key.
    pub text_value: &'static str,
    /// A goal numbered 0.
    pub goal_number_zero: &'static str,
    /// A direction the formula cannot have: (formula, direction).
    pub direction: fn(&dyn Display, &dyn Display) -> String,
    /// A goal's or derivation's precision above the most: (precision, the most).
    pub precision: fn(u32, u32) -> String,
    /// A milestone goal without its state.
    pub milestone_missing: &'static str,
    /// A milestone state on another kind of goal: (formula).
    pub milestone_not_allowed: fn(&dyn Display) -> String,
    /// One figure derived twice: (figure).
    pub two_derivations: fn(&dyn Display) -> String,
    /// A derivation of a figure written as text: (figure).
    pub derivation_of_text: fn(&dyn Display) -> String,
    /// A derivation whose result is not the figure stated: (arithmetic, its result, figure,
    /// figure as stated).
    pub derivation_differs: fn(&dyn Display, &dyn Display, &dyn Display, &dyn Display) -> String,
    /// A composite goal without parts.
    pub no_parts: &'static str,
    /// Parts on a goal that is not composite: (formula).
    pub parts_not_allowed: fn(&dyn Display) -> String,
    /// A part whose target is not a number.
    pub part_target: &'static str,
    /// A part whose actual is text.
    pub part_actual: &'static str,
    /// A plan id that is empty or has spaces.
    pub id: &'static str,
    /// A plan id with an invisible character: (its code point).
    pub invisible: fn(u32) -> String,
    /// A fiscal year outside the years tassei reads: (year).
    pub fiscal_year: fn(i32) -> String,
    /// A policy area numbered 0 or twice: (number).
    pub area: fn(u8) -> String,
    /// A plan without initiatives.
    pub no_initiatives: &'static str,
    /// An initiative code listed twice: (code, index of the first).
    pub duplicate_initiative: fn(&dyn Display, usize) -> String,
    /// A goal number listed twice in an initiative: (number, the initiative's path, index of
    /// the first).
    pub duplicate_goal: fn(u32, &str, usize) -> String,
    /// Thresholds where near is below 0 or above achieved: (near, achieved).
    pub near: fn(&dyn Display, &dyn Display) -> String,
    /// `activities_from` naming its own goal.
    pub activities_from_itself: &'static str,
    /// `activities_from` naming no goal of the file: (source).
    pub activities_from_missing: fn(&dyn Display) -> String,
    /// `activities_from` naming a goal that takes its own from another: (source).
    pub activities_from_chained: fn(&dyn Display) -> String,
    /// `activities_from` on a goal that lists activities too.
    pub activities_from_and_own: &'static str,
}

/// The config file.
pub struct Config {
    /// No config folder is known for this user: (the variable that names the file).
    pub no_folder: fn(&str) -> String,
    /// The config file cannot be read: (path, why).
    pub read: fn(&Path, &dyn Display) -> String,
    /// The config file is not TOML or has a value of the wrong kind: (path, line, the parser's
    /// message).
    pub malformed: fn(&Path, usize, &str) -> String,
    /// `tree_width` outside 10 to 90, on reading or on `config set`: (width).
    pub tree_width: fn(u8) -> String,
    /// The config file cannot be saved: (path, why).
    pub write: fn(&Path, &dyn Display) -> String,
    /// A warning on reading: a key tassei does not know (path, line, key, the keys known).
    pub unknown_key: fn(&Path, usize, &str, &str) -> String,
    /// A warning on reading: a `lang` that names no language (path, line, the value); the
    /// locale decides instead, and the file's other keys still count.
    pub unknown_lang: fn(&Path, usize, &str) -> String,
}

/// Why no rate can be computed, and the worked calculation's words.
pub struct Calculation {
    /// The goal has no 実績値 yet (also the whole worked calculation).
    pub missing_actual: &'static str,
    /// The goal has no 目標値.
    pub missing_target: &'static str,
    /// A from-baseline goal has no 基準値.
    pub missing_baseline: &'static str,
    /// A figure written as text: (which, from the three below; its text).
    pub text: fn(&str, &str) -> String,
    /// 目標値 is 0 in actual ÷ target.
    pub zero_target: &'static str,
    /// 実績値 is 0 in target ÷ actual.
    pub zero_actual: &'static str,
    /// 目標値 equals 基準値 in progress from the baseline.
    pub target_equals_baseline: &'static str,
    /// A composite goal without parts.
    pub no_parts: &'static str,
    /// A composite goal's part without its actual: (part label).
    pub part_missing_actual: fn(&str) -> String,
    /// A composite goal's part whose target is 0: (part label).
    pub part_zero_target: fn(&str) -> String,
    /// Figures beyond exact arithmetic.
    pub too_large: &'static str,
    /// A milestone without its state.
    pub milestone_unset: &'static str,
    /// Arithmetic that divides by zero.
    pub division_by_zero: &'static str,
    /// The worked calculation when it stops: (why).
    pub not_computable: fn(&dyn Display) -> String,
    /// The figures, named in [`Calculation::text`].
    pub target: &'static str,
    /// The 実績値, named in [`Calculation::text`].
    pub actual: &'static str,
    /// The 基準値, named in [`Calculation::text`].
    pub baseline: &'static str,
    /// A milestone's worked calculation.
    pub achieved: &'static str,
    /// A milestone not achieved.
    pub not_achieved: &'static str,
    /// A milestone not graded.
    pub not_graded: &'static str,
    /// The formulas in words, for the method lookup.
    pub ratio: &'static str,
    /// A lower-is-better goal with a baseline.
    pub lower_from_baseline: &'static str,
    pub lower: &'static str,
    pub from_baseline: &'static str,
    pub composite: &'static str,
    pub milestone: &'static str,
}

/// A CSV file returned by a section: its bytes, its header and its rows.
pub struct Csv {
    /// A problem on one line of the file: (line from 1, the problem).
    pub at_line: fn(usize, &dyn Display) -> String,
    /// Bytes that read neither as UTF-8 nor as Shift_JIS (CP932).
    pub not_shift_jis: &'static str,
    /// Bytes after a UTF-8 BOM that are not UTF-8.
    pub not_utf8: &'static str,
    /// A UTF-16 file (Excel's "Unicode text"), which is not CSV.
    pub utf16: &'static str,
    /// The CSV reader's own complaint.
    pub unreadable: fn(&dyn Display) -> String,
    /// A first row that is neither a goal code nor a header tassei reads: (the row as read,
    /// the headers it reads).
    pub unknown_header: fn(&str, &str) -> String,
    /// A row without the cells it needs: (cells found, cells needed).
    pub too_few_cells: fn(usize, usize) -> String,
    /// A goal cell that does not read as a goal code: the cell, quoted.
    pub not_a_goal_code: fn(&dyn Display) -> String,
    /// A row whose key column (the export's `code`, 目標コード) names another goal than its
    /// goal columns show: (the key, the goal shown), each quoted.
    pub key_disagrees: fn(&dyn Display, &dyn Display) -> String,
    /// A goal cell with `?` where CP932 had no character for ⑴ (the file saved as Excel's
    /// "CSV (カンマ区切り)"), and no key column to find the goal by: the cell, quoted.
    pub code_lost_to_question_mark: fn(&dyn Display) -> String,
}

/// Why a file could not be opened, said after its name (`無い.xlsx: …`). Read with
/// [`Io::reading`] or [`Io::writing`], which choose by the error's kind.
pub struct Io {
    /// Reading: there is no file of that name there.
    pub not_found: &'static str,
    /// Writing: the folder to write into is not there.
    pub no_folder: &'static str,
    /// The account may not open it (reading or writing).
    pub permission_denied: &'static str,
    /// A folder was named where a file is wanted.
    pub is_folder: &'static str,
    /// Any other reason: (the system's words).
    pub other: fn(&dyn Display) -> String,
}

impl Io {
    /// Why a file could not be read.
    pub fn reading(&self, e: &io::Error) -> String {
        match e.kind() {
            io::ErrorKind::NotFound => self.not_found.to_string(),
            _ => self.either(e),
        }
    }

    /// Why a file could not be written.
    pub fn writing(&self, e: &io::Error) -> String {
        match e.kind() {
            io::ErrorKind::NotFound => self.no_folder.to_string(),
            _ => self.either(e),
        }
    }

    fn either(&self, e: &io::Error) -> String {
        match e.kind() {
            io::ErrorKind::PermissionDenied => self.permission_denied.to_string(),
            io::ErrorKind::IsADirectory => self.is_folder.to_string(),
            _ => (self.other)(e),
        }
    }
}
