//! The words of handing a section its part of the sheet and collecting it back (`tassei
//! handout`, `tassei collect`): what was written, each bad cell of a returned file (named by
//! its file, sheet and cell), the preview's lines and the collect's outcome; an exchange file
//! (`.tassei`): why one is refused, and what changed there that is left out.

use std::fmt::Display;
use std::path::Path;

/// Every sentence of the exchange, for one language. `at` is a cell as `市民係.xlsx
/// 評価シート!E12`, or, once its row is known, the cell with its goal and field ([`Exchange::cell`]);
/// `file` a returned file's name.
pub struct Exchange {
    /// A cell named with its row's goal and field, for every line about it: (at, subject, label).
    pub cell: fn(&str, &str, &str) -> String,
    /// A handout written: (section, goals, activities, path).
    pub wrote_handout: fn(&str, usize, usize, &Path) -> String,
    /// No activity names the section: (section, the sections there are).
    pub no_such_section: fn(&str, &str) -> String,
    /// `--all-sections` needs a folder, `--section` a section: neither was given.
    pub section_needed: &'static str,
    /// A cell's value is not one for its field: (at, why).
    pub bad_value: fn(&str, &dyn Display) -> String,
    /// A status cell holds a word that is not a status: (at, typed, the statuses).
    pub not_status: fn(&str, &str, &str) -> String,
    /// A 達成状況 cell holds a word that is not a milestone state: (at, typed, the states).
    pub not_milestone: fn(&str, &str, &str) -> String,
    /// A cell emptied whose field cannot be empty (a milestone's 達成状況): (at).
    pub cannot_clear: fn(&str) -> String,
    /// A number Excel holds that is not the decimal shown: (at, its shortest text).
    pub not_exact: fn(&str, &str) -> String,
    /// A fraction returned for a ％ figure, plainly a percentage typed with Excel's `%`: (at,
    /// the value held, the figure meant).
    pub percent_fraction: fn(&str, &dyn Display, &dyn Display) -> String,
    /// A cell Excel turned into a date or a time (`3/4` typed): (at, with the goal and field).
    pub date_or_time: fn(&str) -> String,
    /// A row key that names nothing this handout carries: (at, the key).
    pub unknown_key: fn(&str, &str) -> String,
    /// A row key given more than once: (at, the key, the other cells it was given in).
    pub duplicate_key: fn(&str, &str, &str) -> String,
    /// A row whose shown goal is not its key's: (at, key's goal, shown).
    pub moved_row: fn(&str, &dyn Display, &str) -> String,
    /// A row the handout carried is not in the returned file: (file, subject).
    pub missing_row: fn(&str, &str) -> String,
    /// The model's rules refuse the returned value: (at, why).
    pub refused: fn(&str, &dyn Display) -> String,
    /// The file cannot be read as a workbook: (file, why).
    pub not_workbook: fn(&str, &dyn Display) -> String,
    /// The workbook is not a tassei handout (no sheet, no handout number): (file).
    pub not_handout: fn(&str) -> String,
    /// Handed out for another plan than the one open: (file, the plan open).
    pub other_plan: fn(&str, &str) -> String,
    /// Handed out for another fiscal year's plan of this data file: (file, its year, its plan,
    /// the open plan's year, the open plan).
    pub other_year_plan: fn(&str, &str, &str, &str, &str) -> String,
    /// A workbook of this plan (its uid) whose handout number this data file did not give
    /// for it (unknown to the registry, or another plan's there): handed out from another data
    /// file that holds the plan (a copy): (file, number).
    pub unknown_handout: fn(&str, i64) -> String,
    /// A handout number this data file gave for the plan, but the file's handout was made at
    /// another moment: a copy of this data file numbered another handout the same: (file,
    /// number).
    pub made_elsewhere: fn(&str, i64) -> String,
    /// The preview's header line: (file, section, handout number).
    pub from_file: fn(&str, &str, i64) -> String,
    /// A change the collect takes: (subject, label, current, returned, base).
    pub change: fn(&str, &str, &dyn Display, &dyn Display, &dyn Display) -> String,
    /// A conflict: (subject, label, current, returned, base).
    pub conflict: fn(&str, &str, &dyn Display, &dyn Display, &dyn Display) -> String,
    /// A conflict's value now with who made it, as the conflict lines show it: (value, who,
    /// when: local time to the minute).
    pub current_by: fn(&dyn Display, &str, &str) -> String,
    /// A conflict settled by `--prefer returned`: (subject, label, current, returned, base).
    pub conflict_returned: fn(&str, &str, &dyn Display, &dyn Display, &dyn Display) -> String,
    /// A conflict settled by `--prefer current`: (subject, label, current, returned, base).
    pub conflict_current: fn(&str, &str, &dyn Display, &dyn Display, &dyn Display) -> String,
    /// A value the section emptied, left out until confirmed: (subject, label, current,
    /// returned (empty), base).
    pub cleared: fn(&str, &str, &dyn Display, &dyn Display, &dyn Display) -> String,
    /// A clear confirmed by `--prefer returned`: (subject, label, current, returned (empty)).
    pub cleared_taken: fn(&str, &str, &dyn Display, &dyn Display) -> String,
    /// A clear declined by `--prefer current`: (subject, label, current).
    pub cleared_kept: fn(&str, &str, &dyn Display) -> String,
    /// A clear left out, as the failure lists it: (at, with its goal and field; current).
    pub cleared_left: fn(&str, &dyn Display) -> String,
    /// A conflict left out, as the failure lists it: (at, with its goal and field; current,
    /// returned, base).
    pub conflict_left: fn(&str, &dyn Display, &dyn Display, &dyn Display) -> String,
    /// The file was collected before: (file, when: local time to the minute).
    pub collected_before: fn(&str, &str) -> String,
    /// Nothing in the file changes anything: (file).
    pub nothing_new: fn(&str) -> String,
    /// After a preview: nothing was written.
    pub preview_only: &'static str,
    /// Applied: (file, values written, lines left out).
    pub applied: fn(&str, usize, usize) -> String,
    /// `--all-or-nothing` and a row is left out: (file).
    pub all_or_nothing: fn(&str) -> String,
    /// `tassei undo` of a collect, before each value it took back: (how many, section (none for
    /// a CSV), file).
    pub undone_collect: fn(usize, Option<&str>, &str) -> String,
    /// `tassei redo` of an undone collect, before each value it put back: (how many, section,
    /// file).
    pub redone_collect: fn(usize, Option<&str>, &str) -> String,
    /// A log line's origin: (section, file).
    pub origin: fn(&str, &str) -> String,
    /// After a log line's origin, a conflict settled by `--prefer returned`: (the value it
    /// overrode).
    pub settled_returned: fn(&dyn Display) -> String,
    /// After a log line's origin, a clear confirmed by `--prefer returned`.
    pub settled_clear: &'static str,
    /// A log line's origin for a file no handout went out as (a plain CSV): (file).
    pub origin_file: fn(&str) -> String,
    /// Where a CSV row is: (file, line from 1). Stands in for `at` in the lines above.
    pub csv_at: fn(&str, usize) -> String,
    /// A CSV whose bytes are not text: (file, why, naming the line).
    pub not_csv: fn(&str, &dyn Display) -> String,
    /// The preview's header line for a CSV: (file, its encoding's name).
    pub from_csv: fn(&str, &str) -> String,
    /// A change from a file without a handout base: (subject, label, current, returned).
    pub unbased: fn(&str, &str, &dyn Display, &dyn Display) -> String,
    /// Returned text that is the current text with characters CP932 lacks turned into `?`:
    /// kept as it is, (subject, label, current, returned).
    pub lost_text: fn(&str, &str, &dyn Display, &dyn Display) -> String,
    /// A goal code naming no goal of the plan: (at, the code).
    pub unknown_goal: fn(&str, &str) -> String,
    /// 状況 in a goal's row, and the goal has not exactly one activity: (at, goal, how many).
    pub status_needs_one_activity: fn(&str, &dyn Display, usize) -> String,
    /// 状況 in a goal's row, and the goal's activities are another goal's: (at, goal, that goal).
    pub status_shared: fn(&str, &dyn Display, &dyn Display) -> String,
    /// `tassei sections`, a section's line: (the section, padded; goals it leads as 主担当,
    /// goals it shares, activities naming it).
    pub section_tally: fn(&str, usize, usize, usize) -> String,
    /// `tassei sections`, after the list: (how many sections).
    pub sections_end: fn(usize) -> String,
    /// `tassei sections` (or a handout) for a plan whose activities name no section.
    pub no_sections: &'static str,
    /// Handouts not written because their files are there already (a section may be filling
    /// one in): (the files, joined; how many).
    pub handout_exists: fn(&str, usize) -> String,
    /// Between the files [`Exchange::handout_exists`] names.
    pub file_separator: &'static str,
    /// A file that could not be opened: (the file as given, why: `strings().errors.io`).
    pub cannot_open: fn(&str, &dyn Display) -> String,
    /// A file named as a workbook whose contents are not one (text, another kind of file):
    /// (file).
    pub not_xlsx: fn(&str) -> String,
    /// An Excel 97-2003 workbook (.xls), or a workbook saved with a password (both a compound
    /// file, not a zip): (file).
    pub old_or_locked: fn(&str) -> String,
    /// A workbook whose zip or XML does not read: damaged, or cut short in a mail: (file).
    pub damaged_workbook: fn(&str) -> String,
    /// A returned figure that does not read as a number: (at, subject, label, why, the goal's
    /// unit, maybe empty). Says to type the number alone.
    pub not_a_figure: fn(&str, &str, &str, &dyn Display, &str) -> String,
    /// A returned value the goal's rules refuse otherwise (negative, 9.500 read two ways, a
    /// milestone left empty): (at, subject, label, why).
    pub refused_value: fn(&str, &str, &str, &dyn Display) -> String,
    /// An input cell holding a formula: (at, subject, label, the formula, what to put there
    /// instead: one of the three below).
    pub formula_instead: fn(&str, &str, &str, &str, &str) -> String,
    /// What to put in a figure's cell instead of a formula.
    pub type_the_figure: &'static str,
    /// What to put in a 状況 cell instead of a formula.
    pub choose_a_status: &'static str,
    /// What to put in a 評価内容 cell instead of a formula.
    pub type_the_text: &'static str,
    /// An exchange file written: (section, goals, activities, path).
    pub wrote_datafile: fn(&str, usize, usize, &Path) -> String,
    /// Something is at the exchange file's name already: (path).
    pub datafile_exists: fn(&Path) -> String,
    /// The preview's header line for an exchange file changed there: (file, section, handout
    /// number, who changed it there, when the last change was made).
    pub from_datafile: fn(&str, &str, i64, &str, &str) -> String,
    /// The header line for an exchange file nobody changed: (file, section, handout number).
    pub from_datafile_untouched: fn(&str, &str, i64) -> String,
    /// SQLite's journal lies beside the exchange file: (file, the journal's name).
    pub open_beside: fn(&str, &str) -> String,
    /// The file was switched to write-ahead logging (by an older tassei on the laptop): its
    /// last changes may be in a `-wal` left there: (file).
    pub was_wal: fn(&str) -> String,
    /// `handout --format tassei --force`: the exchange file there moved aside, not deleted:
    /// (the file, where it is now).
    pub set_aside: fn(&Path, &Path) -> String,
    /// Why an exchange file could not be moved aside: every `.replaced-N` name is taken.
    pub no_free_name: &'static str,
    /// The file cannot be read as a data file: (file, why).
    pub not_datafile: fn(&str, &dyn Display) -> String,
    /// Why, when the file is not a tassei data file at all.
    pub not_tassei_file: &'static str,
    /// A tassei data file that no handout went out as: (file).
    pub not_exchange: fn(&str) -> String,
    /// Another exchange format: (file, its format, the tassei that wrote it, this tassei's
    /// format, this tassei's version).
    pub other_format: fn(&str, u32, &str, u32, &str) -> String,
    /// Handed out for another fiscal year: (file, its year, the plan's year).
    pub other_year: fn(&str, &str, &str) -> String,
    /// The file and the registry name different sections for its handout: (file, handout
    /// number, the file's section, the registry's).
    pub other_section: fn(&str, i64, &str, &str) -> String,
    /// Written by a newer tassei's data file version: (file, its version, this tassei's).
    pub newer_datafile: fn(&str, u32, u32) -> String,
    /// The file does not hold the plan it says it was handed out for: (file).
    pub no_plan_there: fn(&str) -> String,
    /// A field changed in the exchange file that the section does not fill: (file, subject,
    /// label, who, when).
    pub not_theirs_there: fn(&str, &str, &str, &str, &str) -> String,
    /// The plan's title, municipality, thresholds or policy areas differ in the file: (file).
    pub plan_differs: fn(&str) -> String,
    /// A row the file has that the data file does not: (file, its code).
    pub only_there: fn(&str, &str) -> String,
    /// A row's fixed content differs in the file: (file, its code, the sheet's words for what).
    pub fixed_differs: fn(&str, &str, &[&str]) -> String,
    /// Saved in an exchange file, a field the collect will leave out (not the section's):
    /// (subject, field label, the section the file was handed out to).
    pub left_behind: fn(&str, &str, &str) -> String,
    /// Reading a plan from a workbook (`tassei import FILE.xlsx`).
    pub plan_workbook: PlanWorkbook,
}

/// The words of reading a plan from a workbook in the export's layout. `place` is a cell with
/// its header, `データ!H14（目標値）`.
pub struct PlanWorkbook {
    /// A cell with its header: (cell, header).
    pub place: fn(&str, &str) -> String,
    /// A formula where a value is wanted: (place, the formula).
    pub formula: fn(&str, &str) -> String,
    /// An Excel error value (`#DIV/0!`): (place, the value).
    pub error_value: fn(&str, &str) -> String,
    /// Not a whole number (小数桁, 目標, 年度): (place, typed).
    pub not_whole: fn(&str, &str) -> String,
    /// A row naming a goal データ does not have: (place, the goal typed).
    pub unknown_goal: fn(&str, &str) -> String,
    /// An item of 計画 tassei does not know: (place, the item).
    pub unknown_item: fn(&str, &str) -> String,
    /// The workbook has no 計画 or データ sheet: (file).
    pub not_plan_workbook: fn(&str) -> String,
    /// A header the reader needs is not on its sheet: (the cell it belongs in, the header).
    pub missing_header: fn(&str, &str) -> String,
    /// データ lacks columns a plan needs: (file, sheet, the headers).
    pub missing_columns: fn(&str, &str, &str) -> String,
    /// A later row of an initiative names another 取り組み事項名: (place, the first row's).
    pub other_title: fn(&str, &str) -> String,
    /// データ has no goal rows: (file, sheet).
    pub no_goals: fn(&str, &str) -> String,
    /// `--into`: the preview's first line: (file, plan).
    pub into_header: fn(&str, &str) -> String,
    /// `--into`: a field the import writes: (subject, header, stored, workbook).
    pub into_change: fn(&str, &str, &dyn Display, &dyn Display) -> String,
    /// `--into`: a field changed in the workbook and, after the export, in the data file:
    /// (subject, header, stored now, workbook, who, when).
    pub into_conflict: fn(&str, &str, &str, &str, &str, &str) -> String,
    /// `--into`: as `into_conflict`, for a workbook that does not record its export, so which
    /// is newer cannot be told.
    pub into_maybe_conflict: fn(&str, &str, &str, &str, &str, &str) -> String,
    /// 評価シート is not read: said once before its differing cells.
    pub paper_not_read: &'static str,
    /// A 評価シート figure that differs from データ's: (cell, its value, the データ cell, its value).
    pub paper_cell: fn(&str, &str, &str, &str) -> String,
    /// An empty cell, as `paper_cell` shows it.
    pub paper_empty: &'static str,
    /// Not an Excel workbook (text, an .ods, a CSV named .xlsx): (file).
    pub not_xlsx: fn(&str) -> String,
    /// A cell Excel made a date or a time of: (place, what it holds now, `2025/5/1`).
    pub date: fn(&str, &str) -> String,
    /// A figure written with 万/千/億: (place, typed, the word).
    pub number_word: fn(&str, &str, char) -> String,
    /// 計算方法 left empty: (place).
    pub no_formula: fn(&str) -> String,
    /// 年度 not a Western year: (place, typed, the year it likely means).
    pub not_year: fn(&str, &str, i32) -> String,
    /// 時期 imported that tassei cannot read: (how many, their cells and text).
    pub unreadable_periods: fn(usize, &str) -> String,
    /// A direction refused for its goal's formula, naming the formula's cell too: (the
    /// validator's message, the formula's place).
    pub direction_with: fn(&str, &str) -> String,
    /// The workbook's plan id is taken in the data file: (file, its cell, the id).
    pub id_taken: fn(&str, &str, &str) -> String,
    /// Heads a refused workbook's problems: (file).
    pub problems_in: fn(&str) -> String,
    /// Closes a refused workbook's problems: (how many).
    pub problems_count: fn(usize) -> String,
    /// Closes a refusal: nothing was written.
    pub nothing_written: &'static str,
    /// `--into`: conflicts and no `--prefer`: (how many).
    pub into_choose: fn(usize) -> String,
    /// `--into --prefer stored`: the conflicts kept as stored: (how many).
    pub into_kept: fn(usize) -> String,
    /// `--into`: a field that differs and that the import does not write: (subject, header,
    /// stored, workbook).
    pub not_written: fn(&str, &str, &dyn Display, &dyn Display) -> String,
    /// `--into`: a row only in the workbook (added in Excel), not added: (subject).
    pub added: fn(&str) -> String,
    /// `--into`: a row not in the workbook (deleted in Excel), not removed: (subject).
    pub missing: fn(&str) -> String,
    /// `--into`: a goal at another place in the workbook, not moved: (stored, workbook).
    pub moved: fn(&str, &str) -> String,
    /// `--into`: the workbook carries no plan uid: (file, the plan).
    pub no_plan_uid: fn(&str, &str) -> String,
    /// `--into`: the workbook was exported from another plan: (file, the plan named, the
    /// workbook's plan id).
    pub other_plan: fn(&str, &str, &str) -> String,
    /// `--into`: nothing the import writes differs: (file).
    pub nothing_to_write: fn(&str) -> String,
    /// `--into` without `--apply`: (changes it would write).
    pub into_preview: fn(usize) -> String,
    /// `--into --apply`: written: (changes, file).
    pub into_applied: fn(usize, &str) -> String,
}
