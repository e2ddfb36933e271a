//! `tassei new --template FILE.xlsx`: an empty plan workbook in the export's layout, with a
//! marked example row and the instructions, to fill in Excel and read with `tassei import`.
//! No data file is opened; the file is never written over one already there.

use std::io::Write;
use std::path::PathBuf;

use crate::report::workbook::{save_template, template, template_plan};
use crate::session::{DataFile, Failure};
use crate::strings::strings;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_name = "FILE", required = true, help = strings().cli.help.new_template)]
    template: PathBuf,
}

pub fn run(file: &DataFile, args: &Args, out: &mut impl Write) -> Result<(), Failure> {
    let words = &strings().cli.new;
    let path = &args.template;
    // Excel opens a workbook by its name: one without .xlsx (or an .xls) would not open.
    let is_xlsx = path
        .extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case("xlsx"));
    if !is_xlsx {
        let suggested = path.with_extension("xlsx");
        return Err(Failure::input((words.not_xlsx)(path, &suggested)));
    }
    // Never the data file, nor any database, whatever it is called.
    let data = file
        .path
        .clone()
        .or_else(crate::store::default_path)
        .unwrap_or_default();
    let example = template_plan().map_err(|e| Failure::other(e.to_string()))?;
    let (sheets, choices) = template(&example);
    let mut bytes = Vec::new();
    save_template(sheets, &choices, &mut bytes)
        .map_err(|e| Failure::other((strings().cli.output.cannot_write)(path, &e)))?;
    let mut written = super::output::create_new(path, &data)?
        .ok_or_else(|| Failure::input((words.exists)(path)))?;
    written
        .write_all(&bytes)
        .and_then(|()| written.sync_all())
        .map_err(|e| super::output::cannot_write(path, &e))?;
    writeln!(out, "{}", (words.wrote)(path))?;
    Ok(())
}
