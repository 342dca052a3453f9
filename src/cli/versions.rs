//! `servuction diff`, `merge`, `show` and `resolve`: versions of a blueprint compared,
//! merged as git's merge driver does it, and written as text for git's
//! textconv. The work is the library's (`servuction::versions`).

use super::{Lang, OutputFormat, fail, terminal_safe, write_out};
use servuction::format;
use servuction::i18n::{CliMsg, Localized, Plural, system_language};
use servuction::model::{Blueprint, Language};
use servuction::versions;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// What `servuction diff` compares, and how it prints.
#[derive(clap::Args)]
pub(super) struct DiffArgs {
    /// The old version (.servuction or .json, or a .png, .svg or .pdf
    /// exported by Servuction).
    old: PathBuf,
    /// The new version.
    new: PathBuf,
    /// How to print the changes: text, or JSON for other tools.
    #[arg(long, value_enum, default_value = "text")]
    format: OutputFormat,
    /// The language of the text (default: the new version's).
    #[arg(short, long, value_enum)]
    lang: Option<Lang>,
}

/// What `servuction merge` merges, in the order git's `%O %A %B` gives.
#[derive(clap::Args)]
pub(super) struct MergeArgs {
    /// The common base (git's %O).
    base: PathBuf,
    /// Our version, replaced by the result (git's %A).
    ours: PathBuf,
    /// Their version (git's %B).
    theirs: PathBuf,
    /// Write the result here instead of over OURS.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The language of the messages (default: our version's).
    #[arg(short, long, value_enum)]
    lang: Option<Lang>,
}

/// What `servuction show` prints.
#[derive(clap::Args)]
pub(super) struct ShowArgs {
    /// The blueprint (.servuction or .json, or a .png, .svg or .pdf
    /// exported by Servuction).
    file: PathBuf,
    /// The language of the text (default: the blueprint's).
    #[arg(short, long, value_enum)]
    lang: Option<Lang>,
}

/// What `servuction resolve` resolves.
#[derive(clap::Args)]
pub(super) struct ResolveArgs {
    /// The blueprint with the conflicts; it is saved in place.
    file: PathBuf,
    /// The numbers of the conflicts to resolve, as the command lists
    /// them (default: all).
    numbers: Vec<usize>,
    /// Keep our values (the ones the document holds).
    #[arg(long, conflicts_with = "theirs")]
    ours: bool,
    /// Take their values.
    #[arg(long)]
    theirs: bool,
    /// The language of the messages (default: the blueprint's).
    #[arg(short, long, value_enum)]
    lang: Option<Lang>,
}

impl DiffArgs {
    pub(super) fn run(&self) -> ExitCode {
        cmd_diff(&self.old, &self.new, self.format, self.lang.map(Into::into))
    }
}

impl MergeArgs {
    pub(super) fn run(&self) -> ExitCode {
        let (output, lang) = (self.output.as_deref(), self.lang.map(Into::into));
        cmd_merge(&self.base, &self.ours, &self.theirs, output, lang)
    }
}

impl ShowArgs {
    pub(super) fn run(&self) -> ExitCode {
        cmd_show(&self.file, self.lang.map(Into::into))
    }
}

impl ResolveArgs {
    pub(super) fn run(&self) -> ExitCode {
        let side = match (self.ours, self.theirs) {
            (_, true) => Some(versions::Side::Theirs),
            (true, false) => Some(versions::Side::Ours),
            (false, false) => None,
        };
        cmd_resolve(&self.file, side, &self.numbers, self.lang.map(Into::into))
    }
}

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

fn cmd_diff(old: &Path, new: &Path, output: OutputFormat, lang: Option<Language>) -> ExitCode {
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

fn cmd_show(file: &Path, lang: Option<Language>) -> ExitCode {
    let bp = match read(file, lang.unwrap_or_else(system_language)) {
        Ok(bp) => bp,
        Err(code) => return code,
    };
    print_lines(&versions::outline(&bp, lang.unwrap_or(bp.language)));
    ExitCode::SUCCESS
}

fn cmd_merge(
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
            format::read_limited(side, format::MAX_DOCUMENT_BYTES)
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
    for text in versions::conflicts_text(&merged.conflicts, &merged.doc, lang) {
        eprintln!("{name}: {}", terminal_safe(&text));
    }
    let count = Plural::Conflicts.count(lang, merged.conflicts.len());
    eprintln!("{}", CliMsg::MergeLeft.fill(lang, &[&name, &count]));
    ExitCode::from(1)
}

/// Lists the conflicts of a blueprint, or resolves them taking a side:
/// those numbered (from 1), or all of them.
fn cmd_resolve(
    file: &Path,
    side: Option<versions::Side>,
    numbers: &[usize],
    lang: Option<Language>,
) -> ExitCode {
    let early = lang.unwrap_or_else(system_language);
    let mut bp = match read(file, early) {
        Ok(bp) => bp,
        Err(code) => return code,
    };
    let lang = lang.unwrap_or(bp.language);
    let name = terminal_safe(&file.display().to_string());
    let count = bp.conflicts.len();
    if let Some(&n) = numbers.iter().find(|&&n| n == 0 || n > count) {
        let e = versions::ResolveError::NoConflict { number: n, count };
        return fail(format!("{name}: {}", e.message(lang)));
    }
    if let Some(side) = side {
        if format::is_export(file) {
            return fail(CliMsg::ResolveInPicture.fill(lang, &[&file.display()]));
        }
        let chosen: Vec<usize> = if numbers.is_empty() {
            (0..count).collect()
        } else {
            numbers.iter().map(|n| n - 1).collect()
        };
        let before = bp.conflicts.len();
        for (i, e) in versions::resolve_many(&mut bp, &chosen, side) {
            let text = CliMsg::ConflictKept.fill(lang, &[&(i + 1), &e.message(lang)]);
            eprintln!("{name}: {}", terminal_safe(&text));
        }
        if bp.conflicts.len() != before
            && let Err(e) = format::save(file, &bp)
        {
            return fail(e.message(lang));
        }
    }
    for (i, text) in versions::conflicts_text(&bp.conflicts, &bp, lang)
        .iter()
        .enumerate()
    {
        write_out(format_args!("{}. {}\n", i + 1, terminal_safe(text)));
    }
    if bp.conflicts.is_empty() {
        return ExitCode::SUCCESS;
    }
    let count = Plural::Conflicts.count(lang, bp.conflicts.len());
    eprintln!("{}", CliMsg::MergeLeft.fill(lang, &[&name, &count]));
    ExitCode::from(1)
}
