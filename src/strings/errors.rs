//! The words of refusals and failures: why a value, a file or an edit was not taken, and what to
//! do. Each error type's `Display` reads its sentence here; so do the damage report, the
//! plan-file problems and the worked calculation's words.
//!
//! Paths are `&Path`; anything else shown as it prints (a source error, a quoted input, a
//! value) is `&dyn Display`, so a sentence takes its figures without caring for their types.

use std::fmt::Display;
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
    /// Said on opening: `--db` named no file, so one was made.
    pub created: fn(&Path) -> String,
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
    /// A 期限 that is not a stored date: (subject, the text).
    pub bad_due: fn(&str, &str) -> String,
    /// Text with a control character: (subject, its code point).
    pub control_character: fn(&str, u32) -> String,
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
}

/// Values typed, or read from a file, that are not what they must be.
pub struct Values {
    /// Typed numbers.
    pub number: Number,
    /// Typed values for one goal.
    pub entry: Entry,
    /// Typed dates.
    pub date: Date,
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
    /// `9.500` in whole things: (typed, as a decimal point, grouped as thousands, as
    /// thousands).
    pub ambiguous: fn(&str, &dyn Display, &dyn Display, &dyn Display) -> String,
}

/// Typed text that is not a date. Each names the text, quoted, first.
pub struct Date {
    /// A date in no form tassei reads: (input).
    pub unreadable: fn(&dyn Display) -> String,
    /// A month past 12: (input, month).
    pub no_such_month: fn(&dyn Display, u32) -> String,
    /// A day past the month's end: (input, year, month, days in it).
    pub no_such_day: fn(&dyn Display, i32, u32, u8) -> String,
    /// A 令和 date before 令和 began: (input).
    pub before_reiwa: fn(&dyn Display) -> String,
    /// A year outside the years tassei reads: (input, first year, last year).
    pub out_of_range: fn(&dyn Display, i32, i32) -> String,
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
    /// The file's `format` is not this build's: (the one expected, the one found).
    pub format: fn(&str, &str) -> String,
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

pub const EN: Errors = Errors {
    busy: "the data file is busy: another tassei is writing to it; try again in a moment",
    open: OPEN,
    store: STORE,
    backup: BACKUP,
    edit: EDIT,
    undo: UNDO,
    values: VALUES,
    sheet: SHEET,
    config: CONFIG,
    calculation: CALCULATION,
};

pub const OPEN: Open = Open {
    is_directory: |path| {
        format!(
            "{} is a directory, not a data file; pass a file path with --db",
            path.display()
        )
    },
    not_sqlite: |path| {
        format!(
            "{} is not a tassei data file (it is not an SQLite database); it was left untouched",
            path.display()
        )
    },
    not_tassei: |path| {
        format!(
            "{} is an SQLite database but not a tassei data file; it was left untouched",
            path.display()
        )
    },
    newer: |path, found, supported| {
        format!(
            "{} was written by a newer tassei (data file version {found}; this tassei knows versions up to {supported}); update tassei to open it",
            path.display()
        )
    },
    create: |path, source| format!("cannot create the data file {}: {source}", path.display()),
    read: |path, source| format!("cannot read the data file {}: {source}", path.display()),
    backup: |path, reason| {
        format!(
            "cannot back up {} before upgrading it: {reason}",
            path.display()
        )
    },
    bundled: |problems| {
        format!("the bundled sheet is invalid (a bug in this build of tassei):\n{problems}")
    },
    seed: |path, source| {
        format!(
            "cannot load the bundled sheet into {}: {source}",
            path.display()
        )
    },
    read_only: |path| {
        format!(
            "{} is read-only, and tassei writes every edit to it; check its permissions or copy it somewhere you can write",
            path.display()
        )
    },
    folder_not_writable: |path| {
        format!(
            "cannot write next to {}: tassei keeps a journal beside the data file, so its folder must be writable",
            path.display()
        )
    },
    network_share: |path, kind| {
        format!(
            "{} is on a network share ({kind}), where two computers' edits can damage it; copy it to a folder on this computer's own disk and open it there (or pass --network-ok to use it in place, one tassei at a time: it then locks every other window and clerk out until it is closed)",
            path.display()
        )
    },
    sqlite: |path, source| format!("the data file {} cannot be used: {source}", path.display()),
    damaged_with_copy: |path, found, db, copy| {
        let db = db.map_or_else(String::new, |db| format!("--db {} ", db.display()));
        format!(
            "{} is damaged ({found}); nothing was changed and its good copies were kept. Put the newest back with: tassei {db}restore {}",
            path.display(),
            copy.display()
        )
    },
    damaged_without_copy: |path, found| {
        format!(
            "{} is damaged ({found}); nothing was changed, and there is no good copy of it beside it: keep the file as it is and ask whoever looks after your computers to recover it",
            path.display()
        )
    },
    dangling_row: |row, table, parent| {
        let row = row.map_or_else(|| "a row".to_string(), |r| format!("row {r}"));
        format!(
            "{row} of {table} refers to a row of {parent} that is not there, so it could not be upgraded"
        )
    },
    copying_elsewhere: "another tassei is copying it this moment; try again in a moment",
};

pub const STORE: Store = Store {
    corrupt: |found| format!("the data file is damaged: {found}"),
    no_such_plan: |plan| format!("no plan \"{plan}\" in the data file"),
    no_plans: "the data file holds no plan; import one with `tassei import FILE`",
    backup: |why| format!("cannot make a backup: {why}"),
    disk_full: "the disk is full, so nothing was saved; free some space and try again (earlier edits are safe)",
    restore: |why| format!("cannot restore from that file: {why}"),
    copy: |copy, original| {
        let (copy, original) = (copy.display(), original.display());
        format!(
            "{copy} is a copy tassei made of {original}: what is written to a copy is lost when copies are pruned, so nothing was changed; to go back to it, tassei --db {original} restore {copy}; to work on it, copy it to a new name first"
        )
    },
    sqlite: |e| format!("database error: {e}"),
    plan_exists: |id| {
        format!(
            "a plan with id \"{id}\" is already in the data file; give the file another \"id\" to import it beside it"
        )
    },
    created: |path| {
        format!(
            "{} did not exist: created it with the bundled sheet",
            path.display()
        )
    },
    tightened: |path, mode| {
        format!(
            "{} was readable by other accounts (mode {mode:o}); it is now readable by you only (600), as tassei keeps every data file and copy",
            path.display()
        )
    },
    bad_today: |text| format!("SQLite returned \"{text}\" as today's date"),
    index_initiatives: |through_index, table| {
        format!("its index lists {through_index} initiatives of this plan, its table holds {table}")
    },
    index_goals: |through_index, table| {
        format!("its index lists {through_index} goals of this plan, its table holds {table}")
    },
    code_letter: |row, kana| format!("initiative {row} has the code letter \"{kana}\""),
    missing_source: |source| {
        format!("a goal takes its activities from goal {source}, which is not in this plan")
    },
    derivation_place: |goal| format!("goal {goal} derivation"),
    note_place: |goal| format!("goal {goal} meeting note"),
    note_no_date: |place| format!("{place} has no date"),
    note_figures: |place, e| format!("{place} has unreadable figures: {e}"),
    holds_not_number: |place, text| format!("{place} holds \"{text}\", which is not a number"),
    holds_unknown_word: |place, text| format!("{place} holds the unknown word \"{text}\""),
    holds_not_uid: |place, text| format!("{place} holds \"{text}\", which is not a uid"),
    holds_not_date: |place, text| format!("{place} holds \"{text}\", which is not a date"),
    log_unknown: |id, what, word| format!("change-log row {id} has the unknown {what} \"{word}\""),
    log_unknown_kind: |word| format!("the change log holds the unknown kind \"{word}\""),
    goal_of_row: |id| format!("the goal of row {id}"),
};

pub const BACKUP: Backup = Backup {
    not_tassei: |path| format!("{} is not a tassei data file", path.display()),
    cannot_write: |path, e| format!("cannot write {}: {e}", path.display()),
    copy_not_tassei: "the copy is not a tassei data file",
    names_taken: |path| {
        format!(
            "every name for a copy of {} this second is taken; try again in a moment",
            path.display()
        )
    },
    restore_itself: |path| {
        format!(
            "{} is the data file itself; name one of its copies",
            path.display()
        )
    },
    cannot_name_copy: |path| {
        format!(
            "cannot name a copy of {} before restoring; nothing was changed",
            path.display()
        )
    },
    daily_failed: |path, e| {
        format!(
            "warning: cannot make today's copy of {}: {e}; your edits are not affected",
            path.display()
        )
    },
    warning: |e| format!("warning: {e}; your edits are not affected"),
    cannot_read: |path, e| format!("{} cannot be read: {e}", path.display()),
    restore_damaged: |path, found| {
        format!(
            "{} is damaged ({found}); nothing was changed. Name another copy",
            path.display()
        )
    },
    cannot_remove: |path, e| format!("cannot remove {}: {e}", path.display()),
};

pub const EDIT: Edit = Edit {
    not_found: |subject| {
        format!("{subject} is not in the data file (it may have been removed by another window)")
    },
    conflict: |subject, label, by, current, seen| {
        let by = match by {
            Some((actor, at)) => format!("by {actor} at {at}"),
            None => "elsewhere".to_string(),
        };
        format!(
            "{subject} {label} was changed {by} to {current} (you saw {seen}); nothing was saved — look again and re-enter"
        )
    },
    composite: |subject, parts| {
        format!(
            "{subject} is a composite goal: set each part's actual instead (its parts: {parts})"
        )
    },
    not_milestone: |subject, formula| {
        format!("{subject} is a {formula} goal, not a milestone: set its actual instead")
    },
    negative: |subject, value| {
        format!("{subject}: this goal's figures cannot be negative: {value}")
    },
    bad_due: |subject, text| {
        format!(
            "{subject}: the 期限 \"{text}\" is not a date in the stored form YYYY-MM-DD, e.g. 2026-12-15"
        )
    },
    control_character: |subject, code| {
        format!("{subject}: the text contains the control character U+{code:04X}; remove it")
    },
};

pub const UNDO: Undo = Undo {
    nothing_to_undo: "nothing of yours to undo",
    nothing_to_redo: "nothing of yours to redo",
    changed_after: |changed| format!("{changed}; nothing was changed"),
    changed_since: |action, subject, current| {
        format!(
            "cannot {action} {subject}: it was changed again since ({current}); nothing was changed"
        )
    },
    not_revertible: |action, row| {
        format!("cannot {action} change #{row}: its field can no longer be set that way")
    },
};

pub const VALUES: Values = Values {
    number: NUMBER,
    entry: ENTRY,
    date: DATE,
    code: CODE,
    expression: EXPRESSION,
    words: WORDS,
    not_uid: |text| format!("\"{text}\" is not a uid (32 lowercase hex digits)"),
    no_initiative: |code, codes| format!("no initiative {code} in this plan; it has {codes}"),
    no_goal: |initiative, goal, numbers| {
        format!("{initiative} has no goal {goal}; its goals are {numbers}")
    },
};

pub const NUMBER: Number = Number {
    empty: "empty: type a number, e.g. 9,016",
    two_decimal_points: |input| format!("two decimal points: {input}"),
    two_signs: |input| format!("more than one sign: {input}"),
    misplaced_sign: |input| format!("the sign must come first: {input}"),
    misplaced_comma: |input| {
        format!("commas must separate groups of three digits, e.g. 9,016: {input}")
    },
    exponent: |input| format!("exponent notation is not accepted; type the digits: {input}"),
    too_many_digits: |most, input| format!("too many digits (at most {most}): {input}"),
    wrong_unit: |given, expected, input| {
        format!("the unit {given} is not this goal's unit ({expected}): {input}")
    },
    unexpected_unit: |given, input| {
        format!("this goal has no unit, so \"{given}\" cannot follow the number: {input}")
    },
    bad_character: |bad, input| format!("\"{bad}\" is not allowed in a number: {input}"),
    not_a_number: |input| format!("not a number: {input}"),
    quoted_long: |head, tail, count| format!("\"{head}…{tail}\" ({count} characters)"),
    two_readings: |point, thousands| format!("could be {point} or {thousands}"),
};

pub const ENTRY: Entry = Entry {
    empty_text: "empty: type the actual, e.g. 構築",
    composite: |parts| format!("this is a composite goal: enter each part's actual ({parts})"),
    negative: |value| format!("this goal's figures cannot be negative: {value}"),
    no_such_part: |number, parts| {
        format!("this goal has no part {number}; its parts are numbered 1 to {parts}")
    },
    ambiguous: |typed, point, grouped, thousands| {
        format!("\"{typed}\" could be {point} or {grouped}; write {thousands} or {point}")
    },
};

pub const DATE: Date = Date {
    unreadable: |input| {
        format!(
            "{input} is not a date; write it as 2024-02-29, 2024/2/29, R6.2.29 or 令和6年2月29日"
        )
    },
    no_such_month: |input, month| format!("{input} is not a date: there is no month {month}"),
    no_such_day: |input, year, month, days| {
        format!("{input} is not a date: {year}年{month}月 has {days} days")
    },
    before_reiwa: |input| {
        format!("{input} is not a date: 令和 began on 2019-05-01 (令和元年5月1日)")
    },
    out_of_range: |input, first, last| {
        format!("{input} is out of range: tassei takes dates from {first} (平成元年) to {last}")
    },
};

pub const CODE: Code = Code {
    no_area: |input| {
        format!("\"{input}\": expected a policy area number first, as in 1-ア-1 or ⑴-ア-1")
    },
    no_kana: |input| {
        format!("\"{input}\": expected a katakana letter after the policy area, as in 1-ア-1")
    },
    no_goal: |input| {
        format!("\"{input}\": expected a goal number after the initiative, as in 1-ア-1")
    },
    trailing: |input| format!("\"{input}\": unexpected text after the code"),
    two_separators: |input| {
        format!("\"{input}\": two separators in a row; write one, as in 1-ア-1")
    },
    invisible: |input, code| {
        format!(
            "\"{input}\": contains the invisible character U+{code:04X}; delete it, or type the code anew"
        )
    },
};

pub const EXPRESSION: Expression = Expression {
    empty: "empty: write the arithmetic, e.g. 3,609 × 3分 ÷ 60",
    trailing: "unexpected text after the expression",
    not_a_token: |other| format!("\"{other}\" is not a number, unit or operator"),
    not_closed: "a \"(\" is not closed",
    not_opened: "a \")\" without its \"(\"",
    missing_number: "a number is missing",
};

pub const WORDS: Words = Words {
    unknown: |what, given, known| format!("unknown {what} \"{given}\"; use one of: {known}"),
    formula_kind: "formula kind",
    figure: "figure",
    direction: "direction",
    milestone_state: "milestone state",
    activity_status: "activity status",
};

pub const SHEET: Sheet = Sheet {
    format: |expected, found| format!("expected \"{expected}\", found \"{found}\""),
    more: |more| format!("…and {more} more problems"),
    control_character: |code, at| {
        format!("contains the control character U+{code:04X} at character {at}; remove it")
    },
    empty: "must not be empty",
    allow_negative: |refusal| {
        format!("{refusal}; if they may be, add \"allow_negative\": true to the goal")
    },
    not_json: |inner| format!("the file is not valid JSON ({inner})"),
    cut_short: |inner| format!("the file ends too early: it is cut short ({inner})"),
    figure_expected: r#"a number as a string ("9,016"), a whole number, {"text": "…"} or null"#,
    fraction: |v| {
        format!(
            "{v} is a JSON number with a fraction, which is not exact; write it as a string, e.g. \"{v}\""
        )
    },
    text_key: |key| format!("unexpected key \"{key}\"; a text value is {{\"text\": \"…\"}}"),
    text_value: r#"a text value is {"text": "…"}"#,
    goal_number_zero: "goal numbers start at 1",
    direction: |formula, direction| {
        format!("a {formula} goal cannot have direction \"{direction}\"")
    },
    precision: |precision, most| format!("{precision} decimals is too many; at most {most}"),
    milestone_missing: "a milestone goal needs a state: achieved, not_achieved or not_graded",
    milestone_not_allowed: |formula| {
        format!("only milestone goals have a milestone state, not {formula} goals")
    },
    two_derivations: |figure| format!("the {figure} has two derivations"),
    derivation_of_text: |figure| {
        format!("the {figure} is not a number, so there is nothing to check the arithmetic against")
    },
    derivation_differs: |text, value, figure, stated| {
        format!("{text} works out to {value}, but the {figure} is {stated}")
    },
    no_parts: "a composite goal needs at least one part",
    parts_not_allowed: |formula| format!("only composite goals have parts, not {formula} goals"),
    part_target: "a part needs a numeric target",
    part_actual: "a part's actual must be a number or null",
    id: "must be a non-empty name without spaces, e.g. ibusuki-dx-r5",
    invisible: |code| format!("contains the invisible character U+{code:04X}; remove it"),
    fiscal_year: |year| {
        format!(
            "{year} is not a fiscal year; write the western year it starts in, e.g. 2023 for 令和5年度"
        )
    },
    area: |number| format!("policy area {number} is zero or listed twice"),
    no_initiatives: "a plan needs at least one initiative",
    duplicate_initiative: |code, first| {
        format!("duplicate initiative {code} (also initiatives[{first}])")
    },
    duplicate_goal: |number, path, first| {
        format!("duplicate goal number {number} (also {path}.goals[{first}])")
    },
    near: |near, achieved| format!("near ({near}) must be between 0 and achieved ({achieved})"),
    activities_from_itself: "a goal cannot take its activities from itself",
    activities_from_missing: |source| format!("{source} is not a goal in this file"),
    activities_from_chained: |source| {
        format!("{source} itself takes its activities from another goal; name that goal instead")
    },
    activities_from_and_own: "a goal with activities_from must not list activities of its own",
};

pub const CONFIG: Config = Config {
    no_folder: |env| format!("cannot find a config folder for this user; set {env} to a file path"),
    read: |path, source| format!("cannot read the config file {}: {source}", path.display()),
    malformed: |path, line, message| {
        format!("the config file {}, line {line}: {message}", path.display())
    },
    tree_width: |width| format!("tree_width must be a percent from 10 to 90, not {width}"),
    write: |path, source| {
        format!(
            "cannot write the config file {}: {source}; it was left as it was",
            path.display()
        )
    },
    unknown_key: |path, line, key, known| {
        format!(
            "the config file {}, line {line}: unknown key \"{key}\" (ignored; tassei reads {known})",
            path.display()
        )
    },
};

pub const CALCULATION: Calculation = Calculation {
    missing_actual: "no actual (実績値) yet",
    missing_target: "no target (目標値)",
    missing_baseline: "no baseline (基準値)",
    text: |field, text| format!("the {field} is text (\"{text}\"), not a number"),
    zero_target: "the target (目標値) is 0, so actual ÷ target is undefined",
    zero_actual: "the actual (実績値) is 0, so target ÷ actual is undefined",
    target_equals_baseline: "the target equals the baseline, so progress from the baseline is undefined",
    no_parts: "a composite goal needs at least one part",
    part_missing_actual: |part| format!("part \"{part}\" has no actual yet"),
    part_zero_target: |part| format!("part \"{part}\" has a target of 0"),
    too_large: "the numbers are too large to compute exactly",
    milestone_unset: "the milestone has no state (achieved, not achieved or not graded)",
    division_by_zero: "the arithmetic divides by zero",
    not_computable: |reason| format!("not computable: {reason}"),
    target: "target (目標値)",
    actual: "actual (実績値)",
    baseline: "baseline (基準値)",
    achieved: "達成 (achieved) → 100",
    not_achieved: "未達成 (not achieved) → 0",
    not_graded: "評価なし (not graded) → ー",
    ratio: "実績値 ÷ 目標値 × 100",
    lower_from_baseline: "(基準値 - 実績値) ÷ (基準値 - 目標値) × 100 (lower is better)",
    lower: "目標値 ÷ 実績値 × 100 (lower is better)",
    from_baseline: "(実績値 - 基準値) ÷ (目標値 - 基準値) × 100",
    composite: "the mean of each part's 実績値 ÷ 目標値, × 100",
    milestone: "achieved 100, not achieved 0, not graded ー",
};

#[cfg(test)]
mod tests {
    //! No sentence is typed into the code of refusals and failures: each lives above, so a
    //! catalogue per language covers them all. The scan reads the non-test source of the layers
    //! whose errors a person sees and fails on any literal that reads like prose: an ASCII word
    //! of three letters or more followed by a space and another word, or any kana or kanji.

    use std::fs;
    use std::path::{Path, PathBuf};

    /// The layers whose messages live here, from the crate's root.
    const SCANNED: &[&str] = &[
        "src/store",
        "src/model",
        "src/sheet",
        "src/config.rs",
        "src/engine",
        "src/find",
        "src/text",
    ];

    /// Items whose literals are data, not sentences: (file, or `*` for any; the item — a `fn`,
    /// `const` or `static`, or `name!` for a macro called at the top of a file; why).
    const ALLOWED_ITEMS: &[(&str, &str, &str)] = &[
        (
            "*",
            "label_ja",
            "the sheet's vocabulary beside its type: 実績値, 達成, 未着手, 取込, 決定事項",
        ),
        (
            "src/model/plan.rs",
            "words!",
            "stored words with the Japanese aliases typed for them, and the list of them an unknown word's message shows",
        ),
        (
            "src/model/number.rs",
            "COUNTING_UNITS",
            "the sheet's units counted in whole things (件, 人, 回)",
        ),
        (
            "src/model/code.rs",
            "HALF_WIDTH_KANA",
            "the letters of a code, as typed",
        ),
        (
            "src/model/code.rs",
            "FULL_WIDTH_KANA",
            "the letters of a code, as stored",
        ),
        (
            "src/model/fold.rs",
            "FULL_KANA",
            "a folding table for matching",
        ),
        (
            "src/model/fold.rs",
            "VOICEABLE",
            "a folding table for matching",
        ),
        (
            "src/model/period.rs",
            "read",
            "the words of a written 時期 that its parser reads (まで)",
        ),
        (
            "src/model/period.rs",
            "normalise",
            "the words of a written 時期 that its parser reads (令和, から)",
        ),
        (
            "src/find/haystack.rs",
            "label",
            "the sheet's headings naming where a search hit is (積算方法, 評価内容)",
        ),
        (
            "src/store/edit.rs",
            "row_subject",
            "a change's subject as the change log stores it (⑴-ア-1 実施内容2)",
        ),
        (
            "src/store/mod.rs",
            "SQLITE_HEADER",
            "the bytes SQLite writes at the start of a database",
        ),
        (
            "src/text/wrap.rs",
            "NO_LINE_START",
            "the characters Japanese line breaking keeps off a line's start",
        ),
    ];

    /// Literals that stay where they are: (file, or `*` for any; the literal as written; why).
    const ALLOWED_LITERALS: &[(&str, &str, &str)] = &[
        ("*", "ー", "the sheet's mark for no value"),
        (
            "src/model/date.rs",
            "令和{}年度",
            "a fiscal year's name as the sheet prints it",
        ),
        (
            "src/model/date.rs",
            "令和{}年度 (FY{})",
            "a fiscal year's name as the sheet prints it",
        ),
        (
            "src/store/load.rs",
            "plan achieved_threshold",
            "a damaged value's place: table and column, as codec's Place names them",
        ),
        (
            "src/store/load.rs",
            "plan near_threshold",
            "a damaged value's place: table and column, as codec's Place names them",
        ),
    ];

    /// A literal with one of these words, in capitals, is SQL, which speaks to SQLite.
    const SQL: &[&str] = &[
        "SELECT", "FROM", "WHERE", "INSERT", "UPDATE", "CREATE", "ALTER", "PRAGMA", "BEGIN",
        "CASE", "AND",
    ];

    /// A string literal: its line and its text as written (escapes as typed), and the item
    /// it is in.
    #[derive(Debug)]
    struct Literal {
        line: usize,
        text: String,
        item: String,
    }

    fn is_japanese(c: char) -> bool {
        matches!(c,
            '\u{3040}'..='\u{30ff}' // hiragana, katakana
            | '\u{3400}'..='\u{4dbf}' // kanji
            | '\u{4e00}'..='\u{9fff}' // kanji
            | '\u{ff66}'..='\u{ff9f}' // half-width katakana
        )
    }

    /// An ASCII word of three letters or more, a space, and another word; or any kana/kanji.
    fn looks_like_prose(text: &str) -> bool {
        if text.chars().any(is_japanese) {
            return true;
        }
        let bytes = text.as_bytes();
        let mut run = 0;
        for (i, b) in bytes.iter().enumerate() {
            if b.is_ascii_alphabetic() {
                run += 1;
                continue;
            }
            if *b == b' ' && run >= 3 && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
                return true;
            }
            run = 0;
        }
        false
    }

    fn is_sql(text: &str) -> bool {
        text.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .any(|word| SQL.contains(&word))
    }

    /// The source before its inline `#[cfg(test)] mod … {`: tests say what they like.
    fn without_tests(source: &str) -> &str {
        let mut from = 0;
        while let Some(at) = source[from..].find("#[cfg(test)]") {
            let at = from + at;
            let rest = source[at + "#[cfg(test)]".len()..].trim_start();
            let first_line = rest.lines().next().unwrap_or("");
            if first_line.starts_with("mod ") && first_line.contains('{') {
                return &source[..at];
            }
            from = at + 1;
        }
        source
    }

    fn is_ident(c: char) -> bool {
        c.is_alphanumeric() || c == '_'
    }

    /// The string literals of Rust source, outside comments, with the item each is in.
    fn literals(source: &str) -> Vec<Literal> {
        let chars: Vec<char> = source.chars().collect();
        let mut out = Vec::new();
        let (mut i, mut line, mut item) = (0, 1, String::new());
        let mut previous = String::new();
        while i < chars.len() {
            let c = chars[i];
            let next = chars.get(i + 1).copied();
            if c == '\n' {
                line += 1;
                i += 1;
                continue;
            }
            if c == '/' && next == Some('/') {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            if c == '/' && next == Some('*') {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    line += usize::from(chars[i] == '\n');
                    i += 1;
                }
                i += 2;
                continue;
            }
            if c == '\'' {
                // A char literal ('x', '\n', '\u{3000}') or a lifetime ('a).
                if next == Some('\\') {
                    // The quote, the backslash and the escaped character.
                    i += 3;
                    while i < chars.len() && chars[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if chars.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    // A lifetime: its name is no keyword (`'static`).
                    i += 1;
                    while i < chars.len() && is_ident(chars[i]) {
                        i += 1;
                    }
                }
                continue;
            }
            if is_ident(c) {
                let start = i;
                while i < chars.len() && is_ident(chars[i]) {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                let at = chars.get(i).copied();
                // A string prefix: r"…", r#"…"#, b"…", br"…".
                if matches!(word.as_str(), "r" | "b" | "br") && matches!(at, Some('"' | '#')) {
                    let raw = word.contains('r');
                    let mut hashes = 0;
                    while raw && chars.get(i) == Some(&'#') {
                        hashes += 1;
                        i += 1;
                    }
                    if chars.get(i) == Some(&'"') {
                        let (text, end) = string_at(&chars, i, raw, hashes);
                        out.push(Literal {
                            line,
                            text: text.clone(),
                            item: item.clone(),
                        });
                        line += text.matches('\n').count();
                        i = end;
                    }
                    continue;
                }
                if matches!(previous.as_str(), "fn" | "const" | "static") {
                    item = word.clone();
                } else if (start == 0 || chars[start - 1] == '\n') && at == Some('!') {
                    item = format!("{word}!");
                }
                previous = word;
                continue;
            }
            if c == '"' {
                let (text, end) = string_at(&chars, i, false, 0);
                out.push(Literal {
                    line,
                    text: text.clone(),
                    item: item.clone(),
                });
                line += text.matches('\n').count();
                i = end;
                continue;
            }
            i += 1;
        }
        out
    }

    /// The text of the string whose opening quote is at `at`, and the index after it ends.
    fn string_at(chars: &[char], at: usize, raw: bool, hashes: usize) -> (String, usize) {
        let mut i = at + 1;
        let mut text = String::new();
        while i < chars.len() {
            let c = chars[i];
            if !raw && c == '\\' {
                text.extend(chars.get(i..i + 2).unwrap_or_default());
                i += 2;
                continue;
            }
            if c == '"' && (0..hashes).all(|k| chars.get(i + 1 + k) == Some(&'#')) {
                return (text, i + 1 + hashes);
            }
            text.push(c);
            i += 1;
        }
        (text, i)
    }

    fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
        if path.is_file() {
            out.push(path.to_path_buf());
            return;
        }
        let mut entries: Vec<PathBuf> = fs::read_dir(path)
            .expect("a scanned directory")
            .map(|e| e.expect("a directory entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            if entry.is_dir() {
                rust_files(&entry, out);
            } else if entry.extension().is_some_and(|e| e == "rs")
                && entry.file_name().is_some_and(|n| n != "tests.rs")
            {
                out.push(entry);
            }
        }
    }

    fn applies(file: &str, to: &str) -> bool {
        to == "*" || to == file
    }

    #[test]
    fn no_sentence_is_typed_outside_the_strings() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for scanned in SCANNED {
            rust_files(&root.join(scanned), &mut files);
        }
        assert!(files.len() > 40, "the scan found the sources: {files:?}");
        let mut used_items = vec![false; ALLOWED_ITEMS.len()];
        let mut used_literals = vec![false; ALLOWED_LITERALS.len()];
        let mut typed = Vec::new();
        for file in &files {
            let name = file
                .strip_prefix(root)
                .expect("under the crate")
                .to_string_lossy()
                .replace('\\', "/");
            let source = fs::read_to_string(file).expect("readable source");
            for literal in literals(without_tests(&source)) {
                if !looks_like_prose(&literal.text) || is_sql(&literal.text) {
                    continue;
                }
                let item = ALLOWED_ITEMS
                    .iter()
                    .position(|(f, item, _)| applies(&name, f) && *item == literal.item);
                let exact = ALLOWED_LITERALS
                    .iter()
                    .position(|(f, text, _)| applies(&name, f) && *text == literal.text);
                match (item, exact) {
                    (Some(k), _) => used_items[k] = true,
                    (None, Some(k)) => used_literals[k] = true,
                    (None, None) => typed.push(format!(
                        "{name}:{}: \"{}\"{}",
                        literal.line,
                        literal.text,
                        match literal.item.as_str() {
                            "" => String::new(),
                            item => format!(" (in {item})"),
                        }
                    )),
                }
            }
        }
        assert!(
            typed.is_empty(),
            "sentences typed outside src/strings (move each into src/strings/errors.rs, or \
             allow it here with a reason):\n{}",
            typed.join("\n")
        );
        let stale: Vec<&str> = ALLOWED_ITEMS
            .iter()
            .zip(&used_items)
            .filter(|(_, used)| !**used)
            .map(|((_, item, _), _)| *item)
            .chain(
                ALLOWED_LITERALS
                    .iter()
                    .zip(&used_literals)
                    .filter(|(_, used)| !**used)
                    .map(|((_, text, _), _)| *text),
            )
            .collect();
        assert!(stale.is_empty(), "allowed but no longer there: {stale:?}");
    }

    #[test]
    fn the_scan_catches_a_sentence_and_passes_glue() {
        let source = "\
/// A doc comment's words are not shown.
#[derive(thiserror::Error)]
enum E {
    #[error(\"nothing of yours to undo\")]
    A,
    #[error(\"{0}: {1}\")]
    B(String, String),
}
fn f<'a>(x: &'a str) -> char {
    let _ = format!(\"値が不正です\"); '\\''
}
static Q: &'static str = r#\"a \"quoted\" word here\"#;
#[cfg(test)]
mod tests {
    const T: &str = \"test text is fine\";
}
";
        let found: Vec<(usize, String)> = literals(without_tests(source))
            .into_iter()
            .filter(|l| looks_like_prose(&l.text))
            .map(|l| (l.line, l.item))
            .collect();
        assert_eq!(
            found,
            [
                (4, String::new()),
                (10, "f".to_string()),
                (12, "Q".to_string())
            ]
        );
        assert!(is_sql("SELECT id FROM plan WHERE slug = ?1"));
        assert!(!is_sql("select the plan"));
    }
}
