//! The command line's words: clap's help, human output, confirmations, questions and the
//! messages said on stderr (`tassei: warning: …`), including those of the session both front
//! ends open.
//!
//! clap reads its texts from here when the command is built (`help = strings().cli.help.…` in
//! the derive attributes), so a language's help is this value's, not the doc comments'.

use std::fmt::Display;
use std::path::Path;

mod frame;

pub use frame::{ClapErrors, Frame, Similar};

/// Every sentence the command line prints for a person, for one language.
pub struct Cli {
    /// `tassei plans`: a plan's goal count, `(26 goals)`.
    pub plan_goals: fn(usize) -> String,
    /// clap's texts: the about lines, the arguments' help, headings and examples.
    pub help: Help,
    /// clap's own frame: headings, the help and version flags, usage errors.
    pub frame: Frame,
    /// How a line on stderr starts: a failure, a warning, a note.
    pub said: Said,
    /// What opening the config and the data file says (`session`).
    pub session: Session,
    /// Writing a file with `--output` (export, minutes).
    pub output: Output,
    /// `tassei summary` (and `tassei` in a script).
    pub summary: Summary,
    /// `tassei backup` and `tassei restore`.
    pub backup: Backup,
    /// `tassei import`.
    pub import: Import,
    /// `tassei set`, `tassei activity`, `tassei note`, `tassei undo`/`redo`: refusals of an edit.
    pub edit: Edit,
    /// Answers of the commands that only read: find, log, minutes, export.
    pub read: Read,
    /// `tassei rollover`: its preview, what it wrote, and the undo that removes it.
    pub rollover: Rollover,
    /// `tassei new --template`.
    pub new: NewTemplate,
}

/// `tassei new --template FILE`.
#[derive(Debug)]
pub struct NewTemplate {
    /// Written: (path).
    pub wrote: fn(&Path) -> String,
    /// A file is there already, never replaced: (path).
    pub exists: fn(&Path) -> String,
    /// A name not ending in .xlsx: (path, the name with .xlsx).
    pub not_xlsx: fn(&Path, &Path) -> String,
}

/// `tassei rollover`.
#[derive(Debug)]
pub struct Rollover {
    /// The preview's first line: (plan, its year `令和5年度`, the new plan, the new year).
    pub heading: fn(&str, &str, &str, &str) -> String,
    /// A goal whose actual becomes its baseline: (goal, old baseline, new baseline).
    pub baseline: fn(&str, &str, &str) -> String,
    /// After a goal's baseline line when it had an actual, now cleared.
    pub actual_cleared: &'static str,
    /// A goal whose baseline was empty and chosen to stay so (`--baseline GOAL=none`): (goal).
    pub cleared_empty: fn(&str) -> String,
    /// One goal's reasons to look again before writing: (goal, the reasons joined).
    pub check: fn(&str, &str) -> String,
    /// Between two reasons of one check line.
    pub check_separator: &'static str,
    /// The new baseline already meets the target: (baseline, target).
    pub check_reaches: fn(&str, &str) -> String,
    /// A milestone's new baseline is its target's text: (the text).
    pub check_same: fn(&str) -> String,
    /// The title names years: (the years, joined).
    pub check_title_year: fn(&str) -> String,
    /// 積算方法 names years: (the years, joined).
    pub check_method_year: fn(&str) -> String,
    /// A goal without an actual to carry: (goal, its baseline, kept).
    pub kept: fn(&str, &str) -> String,
    /// A goal whose baseline was chosen to stay (`--baseline GOAL=keep`): (goal, its baseline).
    pub kept_chosen: fn(&str, &str) -> String,
    /// A goal whose baseline was chosen to be cleared (`--baseline GOAL=none`): (goal, the
    /// baseline it had).
    pub cleared: fn(&str, &str) -> String,
    /// `--baseline` not of the form GOAL=actual|keep|none: (what was typed).
    pub bad_baseline: fn(&str) -> String,
    /// `--baseline` given twice for one goal: (the goal).
    pub baseline_twice: fn(&str) -> String,
    /// `--to` that is not a fiscal year: (what was typed).
    pub bad_year: fn(&str) -> String,
    /// `--id` naming a plan the file already has: (the id).
    pub id_taken: fn(&str) -> String,
    /// `--baseline` naming a goal the plan does not have: (what was typed, why).
    pub baseline_goal: fn(&str, &str) -> String,
    /// A composite goal's part actuals cleared: (goal, how many).
    pub parts_cleared: fn(&str, usize) -> String,
    /// A milestone goal's state cleared to not entered yet: (goal).
    pub milestone: fn(&str) -> String,
    /// An activity's 時期 moved: (its number, old, new).
    pub period: fn(usize, &str, &str) -> String,
    /// An activity's 時期 that cannot be read, left as written: (number, text, why).
    pub unreadable: fn(usize, &str, &str) -> String,
    /// The counts: (goals, baselines changed, 時期 moved, 時期 unreadable).
    pub counts: fn(usize, usize, usize, usize) -> String,
    /// After a preview: nothing was written.
    pub preview_only: &'static str,
    /// Written: (the new plan, its year `令和6年度`, the plan it came from).
    pub applied: fn(&str, &str, &str) -> String,
    /// `--to` is not the year after the plan's: (the plan's year, the year asked).
    pub one_year: fn(i32, i32) -> String,
    /// `tassei undo` removed a rolled-over plan: (it, the plan it came from).
    pub undone: fn(&str, &str) -> String,
    /// `tassei undo` asks before removing a rolled-over plan: (it, the plan it came from).
    pub confirm_undo: fn(&str, &str) -> String,
    /// No terminal to ask: (the plan).
    pub undo_needs_yes: fn(&str) -> String,
    /// The answer was no: (the plan).
    pub undo_kept: fn(&str) -> String,
    /// An undo or redo in a file of several plans (years): (the plan, what was done).
    pub in_plan: fn(&str, &str) -> String,
}

/// clap's texts. Each is what the `--help` of the place named shows.
#[derive(Debug)]
pub struct Help {
    /// `tassei --help`, first line (the crate's description).
    pub about: &'static str,
    /// The heading of the options every command shares, in every help.
    pub global_heading: &'static str,
    /// The options every command shares.
    pub global: Global,
    /// Each subcommand's line in `tassei --help` and the first line of its own help.
    pub commands: Commands,
    /// A goal argument (show, set, activity, note).
    pub goal: &'static str,
    /// `--output` (export, minutes).
    pub output: &'static str,
    /// `tassei export --format`.
    pub export_format: &'static str,
    /// `tassei find WORDS…`.
    pub find_words: &'static str,
    /// `tassei log [GOAL]`.
    pub log_goal: &'static str,
    /// `tassei import FILE`.
    pub import_file: &'static str,
    /// `tassei import FILE --id ID`.
    pub import_id: &'static str,
    /// `tassei new --template FILE`.
    pub new_template: &'static str,
    /// `tassei import FILE --into PLAN`.
    pub import_into: &'static str,
    /// `tassei import FILE --into PLAN --apply`.
    pub import_apply: &'static str,
    pub import_prefer: &'static str,
    /// `tassei minutes --date`.
    pub minutes_date: &'static str,
    /// `tassei restore FILE [--yes]`.
    pub restore: Restore,
    /// `tassei undo --yes`, `tassei redo --yes`.
    pub undo_yes: &'static str,
    /// `tassei note GOAL FIELD TEXT [--date]`.
    pub note: Note,
    /// `tassei activity GOAL N status STATUS`.
    pub activity: Activity,
    /// `tassei set GOAL FIELD …`.
    pub set: Set,
    /// `tassei completions SHELL`.
    pub completions: Completions,
    /// `tassei man [COMMAND]…`.
    pub man: Man,
    /// `tassei handout` and `tassei collect`.
    pub exchange: ExchangeHelp,
    /// `tassei rollover`.
    pub rollover: RolloverHelp,
}

/// `tassei rollover --help`.
#[derive(Debug)]
pub struct RolloverHelp {
    /// `--to`.
    pub to: &'static str,
    /// `--id`.
    pub id: &'static str,
    /// `--apply`.
    pub apply: &'static str,
    /// `--baseline GOAL=CHOICE`.
    pub baseline: &'static str,
    /// `--baselines CHOICE`.
    pub baselines: &'static str,
}

/// `tassei handout --help`, `tassei collect --help`.
#[derive(Debug)]
pub struct ExchangeHelp {
    /// `handout --section`.
    pub section: &'static str,
    /// `handout --all-sections`.
    pub all_sections: &'static str,
    /// `handout --output`: a file, or a folder with --all-sections.
    pub output: &'static str,
    /// `collect FILE…`.
    pub files: &'static str,
    /// `collect --apply`.
    pub apply: &'static str,
    /// `collect --prefer`.
    pub prefer: &'static str,
    /// `collect --confirm-clears`.
    pub confirm_clears: &'static str,
    /// `collect --all-or-nothing`.
    pub all_or_nothing: &'static str,
    /// `handout --force`: replace workbooks already there.
    pub force: &'static str,
    /// `handout --format`: a workbook, or a tassei data file for a laptop.
    pub format: &'static str,
}

/// The global options' help (`tassei --help`, under [`Help::global_heading`]).
#[derive(Debug)]
pub struct Global {
    /// `--db PATH`.
    pub db: &'static str,
    /// `--network-ok`.
    pub network_ok: &'static str,
    /// `--user NAME`.
    pub user: &'static str,
    /// `--keep-backups DAYS` (hidden: set by the environment).
    pub keep_backups: &'static str,
    /// `--busy-timeout-ms MS` (hidden: set by the environment).
    pub busy_timeout_ms: &'static str,
    /// `--plan ID`.
    pub plan: &'static str,
    /// `--as-of DATE`.
    pub as_of: &'static str,
    /// `--theme`.
    pub theme: &'static str,
    /// `--lang`.
    pub lang: &'static str,
}

/// Each subcommand's about line.
#[derive(Debug)]
pub struct Commands {
    /// `tassei export`.
    pub export: &'static str,
    /// `tassei find`.
    pub find: &'static str,
    /// `tassei show`.
    pub show: &'static str,
    /// `tassei set`.
    pub set: &'static str,
    /// `tassei activity`.
    pub activity: &'static str,
    /// `tassei summary`.
    pub summary: &'static str,
    /// `tassei log`.
    pub log: &'static str,
    /// `tassei import`.
    pub import: &'static str,
    /// `tassei plans`.
    pub plans: &'static str,
    /// `tassei note`.
    pub note: &'static str,
    /// `tassei minutes`.
    pub minutes: &'static str,
    /// `tassei review`.
    pub review: &'static str,
    /// `tassei backup`.
    pub backup: &'static str,
    /// `tassei restore`.
    pub restore: &'static str,
    /// `tassei undo`.
    pub undo: &'static str,
    /// `tassei redo`.
    pub redo: &'static str,
    /// `tassei completions`.
    pub completions: &'static str,
    /// `tassei man`.
    pub man: &'static str,
    /// `tassei handout`.
    pub handout: &'static str,
    /// `tassei collect`.
    pub collect: &'static str,
    /// `tassei sections`.
    pub sections: &'static str,
    /// `tassei rollover`.
    pub rollover: &'static str,
    /// `tassei new`.
    pub new: &'static str,
}

/// `tassei restore --help`.
#[derive(Debug)]
pub struct Restore {
    /// The backup to restore.
    pub file: &'static str,
    /// `--yes`.
    pub yes: &'static str,
}

/// `tassei completions --help`.
#[derive(Debug)]
pub struct Completions {
    /// The shell (clap lists the possible values after it).
    pub shell: &'static str,
    /// After the help: where each shell's script goes.
    pub examples: &'static str,
}

/// `tassei man --help`.
#[derive(Debug)]
pub struct Man {
    /// The command whose page to write (none: tassei's own).
    pub command: &'static str,
    /// After the help.
    pub examples: &'static str,
}

/// `tassei note --help`.
#[derive(Debug)]
pub struct Note {
    /// The field: decision, follow_up, owner or due.
    pub field: &'static str,
    /// The note's text.
    pub text: &'static str,
    /// `--date`, the meeting's.
    pub date: &'static str,
}

/// `tassei activity --help` and `tassei activity GOAL N status --help`.
#[derive(Debug)]
pub struct Activity {
    /// The activity's number.
    pub number: &'static str,
    /// The `status` field's about line.
    pub status: &'static str,
    /// The status value.
    pub status_value: &'static str,
    /// The `content` field's about line.
    pub content: &'static str,
    /// The `period` field's about line.
    pub period: &'static str,
    /// The `sections` field's about line.
    pub sections: &'static str,
    /// The text of content, period and sections.
    pub text: &'static str,
    /// After `tassei activity --help`.
    pub examples: &'static str,
}

/// `tassei set --help` and each field's own help.
#[derive(Debug)]
pub struct Set {
    /// The heading of the fields (set's subcommands).
    pub fields_heading: &'static str,
    /// After `tassei set --help`.
    pub examples: &'static str,
    /// The `actual` field's about line.
    pub actual: &'static str,
    /// After `tassei set GOAL actual --help`.
    pub actual_example: &'static str,
    /// The actual's value.
    pub actual_value: &'static str,
    /// The `achieved` field's about line.
    pub achieved: &'static str,
    /// After `tassei set GOAL achieved --help`.
    pub achieved_example: &'static str,
    /// The milestone's state.
    pub achieved_state: &'static str,
    /// The `part` field's about line.
    pub part: &'static str,
    /// After `tassei set GOAL part --help`.
    pub part_example: &'static str,
    /// The part's number.
    pub part_number: &'static str,
    /// The part's value.
    pub part_value: &'static str,
    /// `--yes` of actual and part.
    pub yes: &'static str,
    /// The `target` field's about line.
    pub target: &'static str,
    /// After `tassei set GOAL target --help`.
    pub target_example: &'static str,
    /// The `baseline` field's about line.
    pub baseline: &'static str,
    /// After `tassei set GOAL baseline --help`.
    pub baseline_example: &'static str,
    /// The value of target and baseline.
    pub figure_value: &'static str,
    /// The `title` field's about line.
    pub title: &'static str,
    /// After `tassei set GOAL title --help`.
    pub title_example: &'static str,
    /// The `unit` field's about line.
    pub unit: &'static str,
    /// After `tassei set GOAL unit --help`.
    pub unit_example: &'static str,
    /// The `calc_method` field's about line.
    pub calc_method: &'static str,
    /// After `tassei set GOAL calc_method --help`.
    pub calc_method_example: &'static str,
    /// The text of title, unit and calc_method.
    pub text: &'static str,
    /// The `precision` field's about line.
    pub precision: &'static str,
    /// After `tassei set GOAL precision --help`.
    pub precision_example: &'static str,
    /// The precision's digits.
    pub precision_digits: &'static str,
    /// The `note` field's about line.
    pub note: &'static str,
    /// After `tassei set GOAL note --help`.
    pub note_example: &'static str,
    /// The `formula` field's about line.
    pub formula: &'static str,
    /// After `tassei set GOAL formula --help`.
    pub formula_example: &'static str,
    /// The formula's kind word.
    pub formula_kind: &'static str,
    /// The `direction` field's about line.
    pub direction: &'static str,
    /// After `tassei set GOAL direction --help`.
    pub direction_example: &'static str,
    /// The direction's word.
    pub direction_word: &'static str,
    /// The second word of `part N FIELD VALUE`, when it is given.
    pub part_field_value: &'static str,
}

/// The start of a line on stderr.
pub struct Said {
    /// Each line of a failure: `tassei: …`.
    pub failure: fn(&dyn Display) -> String,
    /// A warning: the work goes on.
    pub warning: fn(&dyn Display) -> String,
    /// A note: something was changed on the way (a file made private).
    pub note: fn(&dyn Display) -> String,
    /// A usage error's usage part, on its one line: (clap's usage).
    pub usage: fn(&str) -> String,
}

/// What opening the config and the data file says (warnings and failures).
pub struct Session {
    /// The error reporter (color-eyre) could not be installed: (the error).
    pub error_reporter: fn(&dyn Display) -> String,
    /// The config file cannot be read: (its error).
    pub config_unreadable: fn(&dyn Display) -> String,
    /// The day's copy was not made for want of disk space.
    pub copy_disk_full: &'static str,
    /// The day's copy failed otherwise: (the store's error).
    pub copy_failed: fn(&dyn Display) -> String,
    /// `TASSEI_KEEP_BACKUPS` is not a number of days: (what was typed, the default kept).
    pub keep_backups_typo: fn(&str, usize) -> String,
    /// There is no data folder for this user, and no `--db`.
    pub no_data_folder: &'static str,
    /// The data folder cannot be made: (its path, the error).
    pub cannot_create_folder: fn(&Path, &dyn Display) -> String,
    /// `tassei review` (or no command) without a terminal.
    pub review_needs_terminal: &'static str,
}

/// Writing a file named by `--output`.
pub struct Output {
    /// The file cannot be written: (its path, the error).
    pub cannot_write: fn(&Path, &dyn Display) -> String,
    /// The file named is the data file or one of its journals: (the path).
    pub is_data_file: fn(&Path) -> String,
    /// The file named is an SQLite database: (the path).
    pub is_database: fn(&Path) -> String,
    /// `export --format xlsx` with no `--output` on a terminal: a workbook is not for a screen.
    pub binary_to_terminal: &'static str,
}

/// `tassei summary`.
pub struct Summary {
    /// One status's count on the counts line: (the sheet's label 達成…, the exported word
    /// `achieved`…, how many goals). English keeps both words; a language may keep the label only.
    pub status: fn(&str, &str, usize) -> String,
    /// After the counts per status: (the counts, the number of goals).
    pub counts: fn(&str, usize) -> String,
    /// The shortfalls' heading: (the near threshold).
    pub shortfalls: fn(&dyn Display) -> String,
    /// Under the shortfalls' heading when there are none.
    pub none: &'static str,
    /// After a shortfall: how far below its target, with its unit (`984件`).
    pub gap: fn(&str) -> String,
    /// The heading of the goals without an actual, with its colon (a language has its own).
    pub no_actual: &'static str,
    /// The heading of the goals whose 達成度 cannot be computed, with its colon.
    pub not_computable: &'static str,
    /// One activity status's count: (the sheet's label 未着手…, the typed word `todo`…, how
    /// many activities).
    pub activity_status: fn(&str, &str, usize) -> String,
    /// The activities per status: (the counts).
    pub activities: fn(&str) -> String,
    /// Overdue activities: (the date judged on, how many).
    pub overdue: fn(&dyn Display, usize) -> String,
    /// Activities whose 時期 cannot be read, so never judged overdue: (how many).
    pub unreadable_periods: fn(usize) -> String,
    /// One of them: (the goal, the activity's number, the 時期 as written, why).
    pub unreadable_period: fn(&dyn Display, usize, &str, &dyn Display) -> String,
}

/// `tassei backup`, `tassei restore`.
pub struct Backup {
    /// A copy was made: (the data file, the copy).
    pub backed_up: fn(&Path, &Path) -> String,
    /// The backup named does not exist: (its path).
    pub no_such_file: fn(&Path) -> String,
    /// No terminal to ask and no `--yes`: (the data file).
    pub needs_yes: fn(&Path) -> String,
    /// The question before replacing the data file: (the data file, the backup).
    pub question: fn(&Path, &Path) -> String,
    /// The answer the question asks for.
    pub yes: &'static str,
    /// Any other answer.
    pub not_yes: &'static str,
    /// Restored: (the data file, the backup, where the file as it was is kept, whether it was
    /// damaged, so not among the dated copies).
    pub restored: fn(&Path, &Path, &Path, bool) -> String,
}

/// `tassei import FILE`.
pub struct Import {
    /// The file cannot be read: (its path, the error).
    pub cannot_read: fn(&Path, &dyn Display) -> String,
    /// The file is too large for a plan file: (its path, its size in MB, the most in MB).
    pub too_large: fn(&Path, u64, u64) -> String,
    /// The file ends in the middle of a UTF-8 character: (its path).
    pub cut_short: fn(&Path) -> String,
    /// The file is not UTF-8: (its path, the offset of the first bad byte).
    pub not_utf8: fn(&Path, usize) -> String,
    /// Imported: (the file, municipality, plan title, how many goals, the plan's id).
    pub imported: fn(&Path, &str, &str, usize, &str) -> String,
    /// After `imported`, when the file's uids were already in the data file.
    pub copy: &'static str,
    /// A warning after `imported`: goals still carrying the template's 【記入例】: (the goals).
    pub example_left: fn(&str) -> String,
    /// `undo` of an import, asked on a terminal: (the plan's id).
    pub undo_question: fn(&str) -> String,
    /// The answers that say yes to `undo_question`.
    pub undo_yes: &'static [&'static str],
    /// `undo` of an import from a script, without `--yes`: (the plan's id).
    pub undo_needs_yes: fn(&str) -> String,
    /// `undo` of an import answered no.
    pub undo_kept: &'static str,
    /// `undo` of an import done: (the plan's id).
    pub undo_done: fn(&str) -> String,
}

/// The refusals of the commands that edit.
pub struct Edit {
    /// After `set`: the recomputed achievement (goal, 達成度, status label, status word,
    /// the calculation).
    pub achievement: fn(&dyn Display, &str, &str, &str, &str) -> String,
    /// A part number that is not one: (what was typed).
    pub not_part_number: fn(&str) -> String,
    /// A value in a whole-number unit read two ways: (goal, the question, the decimal reading).
    pub ambiguous: fn(&dyn Display, &dyn Display, &dyn Display) -> String,
    /// `tassei activity` on a goal that shares another's activities: (goal, the source).
    pub shared_activities: fn(&dyn Display, &dyn Display) -> String,
    /// No activity with that number: (goal, the number, how many there are).
    pub no_activity: fn(&dyn Display, usize, usize) -> String,
    /// `tassei note` with a field it does not know: (what was typed).
    pub unknown_note_field: fn(&str) -> String,
    /// A 期限 that is not a date: (goal, why).
    pub due_refused: fn(&dyn Display, &dyn Display) -> String,
    /// Undo or redo over someone else's later change: (who changed it, the action's word).
    pub changed_after: fn(&dyn Display, &str) -> String,
    /// A part's field word that is none of label, unit, target: the word.
    pub unknown_part_field: fn(&str) -> String,
}

/// Where `tassei find` found a goal, shown in brackets after its title.
pub struct FoundIn {
    /// In its code.
    pub code: &'static str,
    /// In its title.
    pub title: &'static str,
    /// In the note printed under its title.
    pub note: &'static str,
    /// In its figures (基準値, 目標値, 実績値).
    pub figures: &'static str,
}

/// The answers of the commands that only read.
pub struct Read {
    /// `tassei find`: nothing matched (what was asked).
    pub no_match: fn(&str) -> String,
    /// `tassei find`: where a goal was found, after its title, for the places the sheet has no
    /// term of its own for (積算方法, 評価内容, 実施内容 are shown as they are).
    pub found_in: FoundIn,
    /// `tassei find`: a line of a goal's 積算方法.
    pub method_line: fn(&str) -> String,
    /// `tassei log`: an undo or redo in a row: (the sheet's label 取消, the stored word `undo`).
    pub log_kind: fn(&str, &str) -> String,
    /// `tassei log` with an empty log.
    pub no_changes: &'static str,
    /// `tassei export --output`: (how many goals, the file).
    pub wrote_goals: fn(usize, &Path) -> String,
    /// `tassei export --format xlsx --output`: (how many goals, how many activities, the file).
    pub wrote_workbook: fn(usize, usize, &Path) -> String,
    /// `tassei minutes` with no notes at all.
    pub no_notes: &'static str,
    /// `tassei minutes --date` with no notes that day: (the date).
    pub no_notes_from: fn(&dyn Display) -> String,
    /// `tassei minutes --output`: (the date, the file).
    pub wrote_minutes: fn(&dyn Display, &Path) -> String,
    /// `tassei man` naming no command of that name: (what was typed, the command it was looked
    /// for under, e.g. `tassei set`, its commands: none for a command that has none).
    pub no_such_command: fn(&str, &str, &[&str]) -> String,
}
