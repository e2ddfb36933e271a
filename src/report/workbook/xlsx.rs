//! Writes the layout with `rust_xlsxwriter`: rows in order on constant-memory worksheets, one
//! xlsx format per distinct style, column widths fitted to what was written, then the sheet's
//! view, filter, highlighting and page setup.

use std::io::Write;

use rust_xlsxwriter::{
    Color, ConditionalFormatCell, ConditionalFormatCellRule, DataValidation, DocProperties, Format,
    FormatAlign, FormatBorder, Note, Workbook, Worksheet, XlsxError,
};

use super::cell::{Cached, Input, Style, Value};
use super::template::{Choice, TEMPLATE_ROWS};
use super::{Sheet, Stamp, row_height, stamped, words, workbook};
use crate::engine::Status;
use crate::model::{ActivityStatus, MilestoneState, Plan};
use crate::store::History;

/// What a workbook holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    pub goals: usize,
    /// Activities listed on 実施内容 (a goal that takes another's has none of its own).
    pub activities: usize,
}

/// Writes the plan's workbook to `out`, with each goal's previous year from `history`.
pub fn save(plan: &Plan, history: &History, out: impl Write + Send) -> Result<Written, XlsxError> {
    let (mut book, written) = build(plan, history, None)?;
    book.save_to_writer(out)?;
    Ok(written)
}

/// Writes the plan's workbook to `out`, recording where the data file's change log stood.
pub fn save_stamped(
    plan: &Plan,
    history: &History,
    stamp: &Stamp,
    out: impl Write + Send,
) -> Result<Written, XlsxError> {
    let (mut book, written) = build(plan, history, Some(stamp))?;
    book.save_to_writer(out)?;
    Ok(written)
}

/// The plan's workbook as bytes.
pub fn to_bytes(plan: &Plan, history: &History) -> Result<(Vec<u8>, Written), XlsxError> {
    let (mut book, written) = build(plan, history, None)?;
    Ok((book.save_to_buffer()?, written))
}

/// The plan's workbook as bytes, recording where the data file's change log stood.
pub fn to_bytes_stamped(
    plan: &Plan,
    history: &History,
    stamp: &Stamp,
) -> Result<(Vec<u8>, Written), XlsxError> {
    let (mut book, written) = build(plan, history, Some(stamp))?;
    Ok((book.save_to_buffer()?, written))
}

/// Writes `sheets` as a workbook of `plan` to `out`: another shape of workbook (a section's
/// handout) through the same writer. Sheets are written in memory (a handout is small, and a
/// protected sheet's validations are kept per cell).
pub fn save_sheets(
    plan: &Plan,
    sheets: Vec<Sheet>,
    out: impl Write + Send,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(words::title_ja(
                &plan.municipality,
                &plan.title,
                &plan.fiscal_year.reiwa_label(),
            ))
            .set_company(&plan.municipality),
    );
    for sheet in sheets {
        let mut formats = Formats {
            greyed: sheet.protect,
            ..Formats::default()
        };
        let worksheet = book.add_worksheet();
        write_sheet(worksheet, sheet, &mut formats)?;
    }
    book.save_to_writer(out)
}

/// Writes the template `tassei new --template` makes (`template`): its sheets through the same
/// writer, then each [`Choice`]'s drop-down down its column, for the rows the clerk adds.
pub fn save_template(
    sheets: Vec<Sheet>,
    choices: &[Choice],
    out: impl Write + Send,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_title(words::GUIDE_TITLE));
    let mut formats = Formats::default();
    for sheet in sheets {
        let name = sheet.name;
        let worksheet = book.add_worksheet();
        write_sheet(worksheet, sheet, &mut formats)?;
        for choice in choices.iter().filter(|c| c.sheet == name) {
            let list = DataValidation::new()
                .allow_list_strings(&choice.words)?
                .set_error_title(words::CHOOSE_TITLE)?
                .set_error_message(choice.words.join("・"))?;
            worksheet.add_data_validation(1, choice.col, TEMPLATE_ROWS, choice.col, &list)?;
        }
    }
    book.save_to_writer(out)
}

fn build(
    plan: &Plan,
    history: &History,
    stamp: Option<&Stamp>,
) -> Result<(Workbook, Written), XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(
        &DocProperties::new()
            .set_title(words::title_ja(
                &plan.municipality,
                &plan.title,
                &plan.fiscal_year.reiwa_label(),
            ))
            .set_company(&plan.municipality),
    );
    let mut formats = Formats::default();
    for sheet in workbook(plan, history) {
        let sheet = match stamp {
            Some(stamp) if sheet.name == words::PLAN_SHEET => stamped(sheet, stamp),
            _ => sheet,
        };
        let worksheet = book.add_worksheet_with_constant_memory()?;
        write_sheet(worksheet, sheet, &mut formats)?;
    }
    let written = Written {
        goals: plan.goals().count(),
        activities: plan.goals().map(|(_, g)| g.activities.len()).sum(),
    };
    Ok((book, written))
}

fn write_sheet(ws: &mut Worksheet, sheet: Sheet, formats: &mut Formats) -> Result<(), XlsxError> {
    ws.set_name(sheet.name)?;
    let mut widest: Vec<usize> = sheet
        .columns
        .iter()
        .map(|c| crate::text::width::width(c.header))
        .collect();
    let mut breaks = Vec::new();
    let mut last_row = 0;
    for (row, cells) in (0u32..).zip(sheet.rows) {
        last_row = row;
        if cells.break_before {
            breaks.push(row);
        }
        // Set before the row's cells: a constant-memory sheet writes a row out when the next
        // one starts.
        let lines = cells.lines(&sheet.columns);
        if lines > 1 {
            ws.set_row_height(row, row_height(lines))?;
        }
        for cell in cells.cells {
            // The title and the bands run across the sheet: they fit no one column. A column
            // already as wide as it may be is not measured again (a long text column is, after
            // its first rows: measuring is a good part of writing 100,000 goals).
            let col = usize::from(cell.col);
            if !matches!(cell.style, Style::Title | Style::Legend)
                && let (Some(w), Some(column)) = (widest.get_mut(col), sheet.columns.get(col))
                && !column.is_full(*w)
            {
                *w = (*w).max(cell.shown_width());
            }
            let format = formats.get(&cell.style);
            match cell.value {
                Value::Text(t) if t.is_empty() => ws.write_blank(row, cell.col, format)?,
                Value::Text(t) => ws.write_string_with_format(row, cell.col, t, format)?,
                Value::Number(x) => ws.write_number_with_format(row, cell.col, x, format)?,
                Value::Formula { text, result } => {
                    let result = match result {
                        Cached::Number(n) => n.to_string(),
                        Cached::Text(t) => t.to_string(),
                    };
                    let formula = rust_xlsxwriter::Formula::new(text).set_result(result);
                    ws.write_formula_with_format(row, cell.col, formula, format)?
                }
            };
            if let Style::Input(input) = &cell.style {
                ws.add_data_validation(row, cell.col, row, cell.col, &validation(input)?)?;
            }
            if let Some(note) = cell.note {
                ws.insert_note(row, cell.col, &Note::new(note).add_author_prefix(false))?;
            }
        }
    }
    let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(0);
    for col in &sheet.hidden_columns {
        ws.set_column_hidden(*col)?;
    }
    if sheet.protect {
        ws.protect();
    }
    for ((col, column), widest) in (0u16..).zip(&sheet.columns).zip(widest) {
        ws.set_column_width(col, column.fitted(widest))?;
    }
    if sheet.frozen_rows > 0 {
        ws.set_freeze_panes(sheet.frozen_rows, 0)?;
    }
    let first_data = sheet.frozen_rows;
    if sheet.filter && first_data > 0 {
        ws.autofilter(first_data - 1, 0, last_row.max(first_data - 1), last_col)?;
    }
    if let Some(col) = sheet.status_column
        && last_row >= first_data
    {
        for (status, fill, font) in HIGHLIGHTS {
            let rule = ConditionalFormatCell::new()
                .set_rule(ConditionalFormatCellRule::EqualTo(words::status_word(
                    status,
                )))
                .set_format(
                    Format::new()
                        .set_background_color(Color::RGB(fill))
                        .set_font_color(Color::RGB(font)),
                );
            ws.add_conditional_format(first_data, col, last_row, col, &rule)?;
        }
    }
    if let Some(print) = sheet.print {
        ws.set_landscape();
        ws.set_paper_size(A4);
        // One page wide, as many tall as it takes.
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(print.title_rows.0, print.title_rows.1)?;
        ws.set_footer(print.footer);
        ws.set_page_breaks(&breaks)?;
    }
    Ok(())
}

/// An input cell's data validation: any number (its unit is in the format), one of the
/// statuses or milestone states from a drop-down, or any text.
fn validation(input: &Input) -> Result<DataValidation, XlsxError> {
    use rust_xlsxwriter::DataValidationRule;
    Ok(match input {
        Input::Number(_) => DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(-1e15, 1e15))
            .set_error_title(words::INPUT_NUMBER_TITLE)?
            .set_error_message(words::INPUT_NUMBER)?,
        Input::Status => {
            let choices = [
                ActivityStatus::Todo,
                ActivityStatus::Doing,
                ActivityStatus::Done,
                ActivityStatus::Dropped,
            ]
            .map(ActivityStatus::label_ja);
            DataValidation::new().allow_list_strings(&choices)?
        }
        Input::Milestone => {
            let choices = [
                MilestoneState::Achieved,
                MilestoneState::NotAchieved,
                MilestoneState::NotGraded,
            ]
            .map(words::milestone_word);
            DataValidation::new().allow_list_strings(&choices)?
        }
        Input::Text => DataValidation::new().allow_any_value(),
    })
}

/// Excel's paper size code for A4.
const A4: u8 = 9;

/// Each status's fill and font colour: Excel's own good / neutral / bad, grey for no grade.
const HIGHLIGHTS: [(Status, u32, u32); 6] = [
    (Status::Achieved, 0xC6EFCE, 0x006100),
    (Status::Near, 0xFFEB9C, 0x9C5700),
    (Status::Shortfall, 0xFFC7CE, 0x9C0006),
    (Status::NotGraded, 0xEDEDED, 0x595959),
    (Status::NoActual, 0xEDEDED, 0x595959),
    (Status::NotComputable, 0xEDEDED, 0x595959),
];

/// One xlsx format per style, made when first used. A workbook has a few dozen styles: a
/// list compared by value is cheaper per cell than hashing a style with its unit's text.
#[derive(Default)]
struct Formats {
    made: Vec<(Style, Format)>,
    /// A protected sheet: every cell but an input greyed.
    greyed: bool,
}

impl Formats {
    fn get(&mut self, style: &Style) -> &Format {
        let at = match self.made.iter().position(|(s, _)| s == style) {
            Some(at) => at,
            None => {
                let mut format = format_of(style);
                if self.greyed && !matches!(style, Style::Input(_) | Style::Title | Style::Legend) {
                    format = format.set_background_color(Color::RGB(GREYED));
                }
                self.made.push((style.clone(), format));
                self.made.len() - 1
            }
        };
        &self.made[at].1
    }
}

/// A locked cell's fill on a protected sheet.
const GREYED: u32 = 0xE7E6E6;

/// An input cell's fill: where the section writes.
const INPUT_FILL: u32 = 0xFFF2CC;

fn format_of(style: &Style) -> Format {
    let base = Format::new()
        .set_font_name(words::FONT)
        .set_font_size(10)
        .set_align(FormatAlign::Top);
    let boxed = base.clone().set_border(FormatBorder::Thin);
    match style {
        Style::Title => base.set_bold().set_font_size(14),
        Style::Legend => base.set_font_size(9),
        Style::Header => boxed
            .set_bold()
            .set_background_color(Color::RGB(0xD9E1F2))
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap(),
        Style::Initiative => boxed.set_bold().set_background_color(Color::RGB(0xE2EFDA)),
        Style::GoalNumber => boxed
            .set_num_format(words::GOAL_NUMBER_FORMAT)
            .set_align(FormatAlign::Center),
        Style::Text => boxed.set_text_wrap(),
        Style::Short | Style::Status | Style::Mark => {
            boxed.set_text_wrap().set_align(FormatAlign::Center)
        }
        Style::Figure(f) | Style::Rate(f) => boxed.set_num_format(f.code()),
        Style::LongFigure => boxed.set_align(FormatAlign::Right),
        Style::Plain => base,
        Style::Input(input) => {
            let cell = boxed
                .set_unlocked()
                .set_background_color(Color::RGB(INPUT_FILL));
            match input {
                Input::Number(f) => cell.set_num_format(f.code()),
                Input::Status | Input::Milestone => cell.set_align(FormatAlign::Center),
                Input::Text => cell.set_text_wrap(),
            }
        }
    }
}
