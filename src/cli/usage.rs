//! Usage errors from the argument parser, on one line like every other message:
//! `tassei: invalid value 'xml' for '--format <FORMAT>' [possible values: json, csv]`.
//! clap's own report spreads over paragraphs (the error, tips, the usage, a pointer to
//! `--help`); a clerk reading a script's log gets the same words, one line.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::session::say;
use crate::strings::cli::Similar;
use crate::strings::strings;

/// Answers a command line clap could not take: help and the version in full on stdout (that is
/// what was asked for), a usage error as one line on stderr with exit code 2.
pub fn usage(e: &clap::Error) -> ExitCode {
    if !e.use_stderr() {
        // A closed stdout (`tassei --help | head -1`) is the reader gone, as elsewhere.
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let message = refused_value(e)
        .or_else(|| described(e))
        .unwrap_or_else(|| one_line(&e.render().to_string()));
    say((strings().cli.said.failure)(&message));
    ExitCode::from(2)
}

/// A value refused by tassei's own parser (a date, a status word) in the words every other
/// message uses: the reason, which quotes the value, after the option's name if it is one —
/// `--as-of: "2024-02-30" is not a date: 2024年2月 has 29 days`. clap's wrapping would only
/// repeat the value; a reason that does not quote it (a number's) keeps clap's words.
fn refused_value(e: &clap::Error) -> Option<String> {
    if e.kind() != ErrorKind::ValueValidation {
        return None;
    }
    let (Some(ContextValue::String(arg)), Some(ContextValue::String(value))) = (
        e.get(ContextKind::InvalidArg),
        e.get(ContextKind::InvalidValue),
    ) else {
        return None;
    };
    let why = std::error::Error::source(e)?.to_string();
    if !why.contains(value.as_str()) {
        return None;
    }
    // `--as-of <DATE>` is an option, named; `<STATUS>` a positional, which the reason names.
    Some(
        match arg.split(' ').next().filter(|name| name.starts_with('-')) {
            Some(option) => format!("{option}: {why}"),
            None => why,
        },
    )
}

/// A usage error in the language in use, from what clap found (the option, the value, the
/// near words, the usage) and the catalogue's sentences: the error, then any tips, then the
/// usage, on one line. `None` for the rare kinds the catalogue has no sentence for (clap's
/// own words then, [`one_line`]).
fn described(e: &clap::Error) -> Option<String> {
    let words = &strings().cli.frame.errors;
    let text = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.as_str()),
        _ => None,
    };
    let list = |kind| match e.get(kind) {
        Some(ContextValue::Strings(list)) => Some(list.as_slice()),
        _ => None,
    };
    let message = match e.kind() {
        ErrorKind::InvalidValue => {
            let (option, value) = (
                text(ContextKind::InvalidArg)?,
                text(ContextKind::InvalidValue)?,
            );
            let mut message = if value.is_empty() {
                (words.value_required)(option)
            } else {
                (words.invalid_value)(value, option)
            };
            if let Some(values) = list(ContextKind::ValidValue).filter(|v| !v.is_empty()) {
                message.push_str(&(words.possible_values)(&values.join(", ")));
            }
            message
        }
        ErrorKind::ValueValidation => {
            let (option, value) = (
                text(ContextKind::InvalidArg)?,
                text(ContextKind::InvalidValue)?,
            );
            let why = std::error::Error::source(e)?.to_string();
            (words.refused_value)(value, option, &why)
        }
        ErrorKind::InvalidSubcommand => {
            (words.unknown_subcommand)(text(ContextKind::InvalidSubcommand)?)
        }
        ErrorKind::UnknownArgument => (words.unknown_argument)(text(ContextKind::InvalidArg)?),
        ErrorKind::MissingRequiredArgument => {
            (words.missing_arguments)(&list(ContextKind::InvalidArg)?.join(" "))
        }
        ErrorKind::MissingSubcommand => (words.missing_subcommand)(
            text(ContextKind::InvalidSubcommand)?,
            &list(ContextKind::ValidSubcommand)
                .unwrap_or_default()
                .join(", "),
        ),
        ErrorKind::TooManyValues => (words.unexpected_value)(
            text(ContextKind::InvalidValue)?,
            text(ContextKind::InvalidArg)?,
        ),
        _ => return None,
    };
    let near = [
        (ContextKind::SuggestedSubcommand, Similar::Subcommand),
        (ContextKind::SuggestedArg, Similar::Argument),
        (ContextKind::SuggestedValue, Similar::Value),
    ];
    let mut parts = vec![message];
    for (kind, similar) in near {
        match e.get(kind) {
            Some(ContextValue::String(word)) => {
                parts.push((words.similar)(similar, std::slice::from_ref(word)));
            }
            Some(ContextValue::Strings(words_near)) if !words_near.is_empty() => {
                parts.push((words.similar)(similar, words_near));
            }
            _ => {}
        }
    }
    // clap's one tip of its own is how to pass a dash-word as a value: said in the catalogue's
    // words. Any other would be clap's English, so it is left out.
    if e.get(ContextKind::Suggested).is_some()
        && e.kind() == ErrorKind::UnknownArgument
        && let Some(typed) = text(ContextKind::InvalidArg).filter(|t| t.starts_with('-'))
    {
        parts.push((words.as_value)(typed));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        let usage = usage.to_string();
        let usage = usage.split_whitespace().collect::<Vec<_>>().join(" ");
        let usage = usage
            .strip_prefix("Usage:")
            .map_or(usage.as_str(), str::trim);
        parts.push((strings().cli.said.usage)(usage));
    }
    Some(parts.join(words.separator))
}

/// clap's report as one line: the error with its details, then any tip, then the usage; the
/// pointer to `--help` is left out (the usage is the help that fits).
fn one_line(report: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    for paragraph in report.split("\n\n") {
        let joined = paragraph
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        if joined.is_empty() || joined.starts_with("For more information") {
            continue;
        }
        let joined = joined.strip_prefix("error: ").unwrap_or(&joined);
        let joined = joined.strip_prefix("tip: ").unwrap_or(joined);
        match joined.strip_prefix("Usage: ") {
            Some(usage) => parts.push((strings().cli.said.usage)(usage)),
            None => parts.push(joined.to_string()),
        }
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::{Lang, pin_thread};

    fn error_of(args: &[&str]) -> clap::Error {
        crate::cli::localized::parse_from(args).expect_err("a usage error")
    }

    #[test]
    fn a_japanese_usage_error_has_no_english_word_of_clap_s() {
        let _lang = pin_thread(Lang::Ja);
        let errors = &strings().cli.frame.errors;
        for args in [
            &["tassei", "sett"][..],
            &["tassei", "set", "1-ア-1", "actul", "5"],
            &["tassei", "log", "--bogus"],
            &["tassei", "restore"],
            &["tassei", "export", "--format", "jsn"],
        ] {
            let line = described(&error_of(args)).expect("described");
            for english in [
                "unexpected",
                "unrecognized",
                "similar",
                "to pass",
                "required",
                "; ",
            ] {
                assert!(!line.contains(english), "{english} in {line}");
            }
            assert!(line.contains(errors.separator), "{line}");
        }
        let line = described(&error_of(&["tassei", "log", "--bogus"])).expect("described");
        assert!(line.contains(&(errors.as_value)("--bogus")), "{line}");
    }

    #[test]
    fn english_usage_errors_read_as_clap_s_own() {
        let _lang = pin_thread(Lang::En);
        let line = described(&error_of(&["tassei", "log", "--bogus"])).expect("described");
        assert_eq!(
            line,
            "unexpected argument '--bogus' found; to pass '--bogus' as a value, use '-- --bogus'; usage: tassei log [OPTIONS] [GOAL]"
        );
        let line = described(&error_of(&["tassei", "sett"])).expect("described");
        assert_eq!(
            line,
            "unrecognized subcommand 'sett'; some similar subcommands exist: 'sections', 'set'; usage: tassei [OPTIONS] [COMMAND]"
        );
    }

    #[test]
    fn each_paragraph_of_the_report_becomes_a_part_of_one_line() {
        // Asserts English words: English whatever the process chose.
        let _lang = pin_thread(Lang::En);
        let report = "error: 'tassei set' requires a subcommand but one was not provided\n  [subcommands: actual, achieved, part]\n\nUsage: tassei set [OPTIONS] <GOAL> <FIELD>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(report),
            "'tassei set' requires a subcommand but one was not provided [subcommands: actual, achieved, part]; usage: tassei set [OPTIONS] <GOAL> <FIELD>"
        );
        let report = "error: unrecognized subcommand 'actuall'\n\n  tip: a similar subcommand exists: 'actual'\n\nUsage: tassei set [OPTIONS] <GOAL> <FIELD>\n\nFor more information, try '--help'.\n";
        assert_eq!(
            one_line(report),
            "unrecognized subcommand 'actuall'; a similar subcommand exists: 'actual'; usage: tassei set [OPTIONS] <GOAL> <FIELD>"
        );
    }
}
