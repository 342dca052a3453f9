//! `servuction import-measurements` and `import-actions`: a blueprint
//! changed from a CSV file, saved only when it changed (the previous version
//! kept as NAME.bak). The work is the library's (`servuction::report`).

use super::{Lang, fail, terminal_safe, write_out};
use servuction::i18n::{CliMsg, Localized, system_language};
use servuction::model::{Blueprint, Language};
use std::path::PathBuf;
use std::process::ExitCode;

/// What an import from CSV reads and changes.
#[derive(clap::Args)]
pub(super) struct ImportArgs {
    /// The blueprint to change; it is saved in place unless --output is given.
    file: PathBuf,
    /// The CSV file to read.
    #[arg(long)]
    csv: PathBuf,
    /// Write the result here instead of over FILE.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// The language of the report (default: the blueprint's).
    #[arg(short, long, value_enum)]
    lang: Option<Lang>,
}

/// What an import into a blueprint did, for [`import_into`].
struct Imported {
    /// Whether the blueprint changed (then it is saved).
    changed: bool,
    summary: String,
    /// Whether every row was used.
    whole: bool,
}

/// Reads the blueprint and the CSV, lets `run` change the blueprint, and
/// saves it (keeping the previous version as NAME.bak) when it changed or an
/// output is given. `nothing` words the error when saving fails.
fn import_into(
    file: &std::path::Path,
    csv: &std::path::Path,
    output: Option<&std::path::Path>,
    lang: Option<Language>,
    nothing: CliMsg,
    run: impl FnOnce(&mut Blueprint, &[u8], Language, &str) -> Result<Imported, String>,
) -> ExitCode {
    let target = output.unwrap_or(file);
    // Before the blueprint is read, the language asked for or the system's.
    let early = lang.unwrap_or_else(system_language);
    let (mut blueprint, stamp) =
        match super::in_place::read(file, target, early, CliMsg::ImportIntoPicture) {
            Ok(read) => read,
            Err(code) => return code,
        };
    let lang = lang.unwrap_or(blueprint.language);
    let bytes = match servuction::report::read_csv_file(csv) {
        Ok(b) => b,
        Err(e) => return fail(format!("{}: {}", csv.display(), e.message(lang))),
    };
    let csv_name = terminal_safe(&csv.display().to_string());
    let done = match run(&mut blueprint, &bytes, lang, &csv_name) {
        Ok(done) => done,
        Err(e) => return fail(format!("{}: {e}", csv.display())),
    };
    // The summary says what changed: only once it is saved.
    if done.changed || output.is_some() {
        let changed = CliMsg::ChangedWhileReading;
        if let Err(code) =
            super::in_place::write(target, &stamp, &blueprint, lang, changed, nothing)
        {
            return code;
        }
    }
    out!("{}", terminal_safe(&done.summary));
    if done.whole {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// How a CSV was read, when not as UTF-8 with commas.
fn read_as(name: &str, format: servuction::report::CsvFormat, lang: Language) {
    if format != servuction::report::CsvFormat::default() {
        out!(
            "{name}: {}",
            CliMsg::ReadAs.fill(lang, &[&format.message(lang)])
        );
    }
}

/// Imports measured values (or, with `actions`, improvement actions) from
/// a CSV file into a blueprint.
pub(super) fn cmd_import(args: &ImportArgs, actions: bool) -> ExitCode {
    let (file, csv, output) = (&args.file, &args.csv, args.output.as_deref());
    let lang = args.lang.map(Into::into);
    if actions {
        import_into(
            file,
            csv,
            output,
            lang,
            CliMsg::NoActionChanged,
            import_actions,
        )
    } else {
        import_into(file, csv, output, lang, CliMsg::NoValueAdded, import_values)
    }
}

fn import_values(
    bp: &mut Blueprint,
    bytes: &[u8],
    lang: Language,
    name: &str,
) -> Result<Imported, String> {
    let report =
        servuction::report::import_measurements_bytes(bp, bytes).map_err(|e| e.message(lang))?;
    read_as(name, report.format, lang);
    for row in &report.skipped {
        out!(
            "{name}:{}: {}: {}",
            row.line,
            CliMsg::Skipped.text(lang),
            terminal_safe(&row.reason.message(lang))
        );
    }
    Ok(Imported {
        changed: report.added > 0,
        summary: report.summary(lang),
        whole: report.skipped.is_empty(),
    })
}

fn import_actions(
    bp: &mut Blueprint,
    bytes: &[u8],
    lang: Language,
    name: &str,
) -> Result<Imported, String> {
    let import =
        servuction::report::import_actions_bytes(&*bp, bytes).map_err(|e| e.message(lang))?;
    read_as(name, import.format, lang);
    // Applied as the editor applies it: checked whole, all or nothing.
    servuction::edit::apply(bp, import.edit()).map_err(|e| e.message(lang))?;
    Ok(Imported {
        changed: !import.is_empty(),
        summary: import.summary(lang),
        whole: true,
    })
}
