//! `servuction diff`, `merge` and `show`: versions of a blueprint compared,
//! merged as git's merge driver does it, and written as text for git's
//! textconv. The work is the library's (`servuction::versions`).

use super::{OutputFormat, fail, terminal_safe, write_out};
use servuction::format;
use servuction::i18n::{CliMsg, Localized, Plural, system_language};
use servuction::model::{Blueprint, Language};
use servuction::versions;
use std::path::Path;
use std::process::ExitCode;

/// A blueprint read, or the exit of an error naming its file.
fn read(file: &Path, lang: Language) -> Result<Blueprint, ExitCode> {
    format::read(file).map_err(|e| fail(format!("{}: {}", file.display(), e.message(lang))))
}

/// Prints text of a document line by line, each line terminal-safe.
fn print_lines(text: &str) {
    for line in text.lines() {
        write_out(format_args!("{}\n", terminal_safe(line)));
    }
}

pub(super) fn cmd_diff(
    old: &Path,
    new: &Path,
    output: OutputFormat,
    lang: Option<Language>,
) -> ExitCode {
    let early = lang.unwrap_or_else(system_language);
    let (a, b) = match (read(old, early), read(new, early)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let changes = versions::diff(&a, &b);
    match output {
        OutputFormat::Text => {
            let lang = lang.unwrap_or(b.language);
            print_lines(&versions::changes_text(&changes, &a, &b, lang));
        }
        OutputFormat::Json => write_out(format_args!(
            "{}\n",
            serde_json::to_string_pretty(&changes).unwrap_or_default()
        )),
    }
    if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

pub(super) fn cmd_show(file: &Path, lang: Option<Language>) -> ExitCode {
    let bp = match read(file, lang.unwrap_or_else(system_language)) {
        Ok(bp) => bp,
        Err(code) => return code,
    };
    print_lines(&versions::outline(&bp, lang.unwrap_or(bp.language)));
    ExitCode::SUCCESS
}

pub(super) fn cmd_merge(
    base: &Path,
    ours: &Path,
    theirs: &Path,
    output: Option<&Path>,
    lang: Option<Language>,
) -> ExitCode {
    let early = lang.unwrap_or_else(system_language);
    let target = output.unwrap_or(ours);
    let docs = (read(base, early), read(ours, early), read(theirs, early));
    let (b, o, t) = match docs {
        (Ok(b), Ok(o), Ok(t)) => (b, o, t),
        (Err(code), _, _) | (_, Err(code), _) | (_, _, Err(code)) => return code,
    };
    let lang = lang.unwrap_or(o.language);
    let merged = versions::merge(&b, &o, &t);
    // A result equal to one side is that side's file, byte for byte (an
    // older version's or a hand-formatted file stays as it was).
    let same_as = if merged.doc == o {
        Some(ours)
    } else if merged.doc == t {
        Some(theirs)
    } else {
        None
    };
    let written = match same_as {
        Some(side) if side == target => Ok(()),
        Some(side) if !format::is_export(side) => {
            format::read_limited(side, format::MAX_FILE_BYTES)
                .map_err(|e| e.message(lang))
                .and_then(|bytes| format::write_atomic(target, &bytes).map_err(|e| e.message(lang)))
        }
        _ if format::is_export(target) => {
            return fail(CliMsg::MergeIntoPicture.fill(lang, &[&target.display()]));
        }
        _ => format::save(target, &merged.doc).map_err(|e| e.message(lang)),
    };
    if let Err(message) = written {
        return fail(message);
    }
    if merged.conflicts.is_empty() {
        return ExitCode::SUCCESS;
    }
    let name = terminal_safe(&target.display().to_string());
    for c in &merged.conflicts {
        let text = versions::conflict_text(c, &merged.doc, lang);
        eprintln!("{name}: {}", terminal_safe(&text));
    }
    let count = Plural::Conflicts.count(lang, merged.conflicts.len());
    eprintln!("{}", CliMsg::MergeLeft.fill(lang, &[&name, &count]));
    ExitCode::from(1)
}
