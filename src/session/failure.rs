//! A failure with the exit code it deserves, as both front ends end with one.

use std::fmt;
use std::process::ExitCode;

use super::say::say;
use crate::store::{OpenError, StoreError};
use crate::strings::strings;
use crate::text::one_line;

/// A failure with the exit code it deserves: 2 for bad usage or input, 1 for anything else, 0
/// when the reader of the output went away.
#[derive(Debug)]
pub struct Failure {
    pub code: u8,
    /// What is wrong, one self-contained line each (printed after `tassei: `); none when the
    /// reader went away.
    pub lines: Vec<String>,
}

impl Failure {
    /// Bad usage or bad input: the clerk can fix it. Nothing was written.
    pub fn input(message: impl fmt::Display) -> Self {
        Self {
            code: 2,
            lines: vec![message.to_string()],
        }
    }

    /// Anything else: the file system, the database.
    pub fn other(message: impl fmt::Display) -> Self {
        Self {
            code: 1,
            lines: vec![message.to_string()],
        }
    }

    /// Several problems with the clerk's input at once (an import file's), a line each.
    pub fn inputs(lines: Vec<String>) -> Self {
        Self { code: 2, lines }
    }

    /// The reader of our output went away (`tassei set … | head -1`). Every command writes
    /// after its work is done, so what was asked is done (or was only to be read): Unix tools
    /// end quietly then, and so does tassei, with 0.
    pub fn reader_gone() -> Self {
        Self {
            code: 0,
            lines: Vec::new(),
        }
    }
}

/// How a front end's run ends the process: its failure's lines on stderr, one each after
/// `tassei: `, and its exit code.
pub fn exit_code(ran: Result<(), Failure>) -> ExitCode {
    match ran {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            for line in &failure.lines {
                say((strings().cli.said.failure)(line));
            }
            ExitCode::from(failure.code)
        }
    }
}

impl From<OpenError> for Failure {
    fn from(e: OpenError) -> Self {
        match e {
            // The file given is not one tassei can use: the clerk's to fix, nothing was written.
            OpenError::IsDirectory(_)
            | OpenError::NotSqlite(_)
            | OpenError::NotTassei(_)
            | OpenError::Newer { .. }
            | OpenError::ReadOnly(_)
            | OpenError::FolderNotWritable(_)
            | OpenError::NetworkShare { .. }
            | OpenError::Damaged(_) => Failure::input(one_line(e)),
            OpenError::Read { ref source, .. } | OpenError::Create { ref source, .. }
                if source.kind() == std::io::ErrorKind::PermissionDenied =>
            {
                Failure::input(one_line(e))
            }
            _ => Failure::other(one_line(e)),
        }
    }
}

impl From<StoreError> for Failure {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NoSuchPlan(_) | StoreError::Corrupt(_) | StoreError::Damaged(_) => {
                Failure::input(one_line(e))
            }
            _ => Failure::other(one_line(e)),
        }
    }
}

impl From<std::io::Error> for Failure {
    /// Writing the output failed: a closed pipe is the reader gone, anything else a failure.
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Failure::reader_gone()
        } else {
            Failure::other(e)
        }
    }
}
