//! The `servuction` command: the editor, or a headless tool for pipelines.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use servuction::check;
use servuction::format;
use servuction::i18n::{CliMsg, Localized, system_language};
use servuction::model::Language;
use servuction::templates;
use std::path::PathBuf;
use std::process::ExitCode;

/// Set once stdout's reader has gone (`servuction check F | head -1`):
/// nothing more is printed, and the command still ends with its own exit code.
static STDOUT_GONE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Prints to stdout as `print!` does, but a reader that stopped early is not
/// an error: the rest of the output is dropped quietly.
fn write_out(args: std::fmt::Arguments<'_>) {
    use std::io::Write as _;
    use std::sync::atomic::Ordering;
    if STDOUT_GONE.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_fmt(args).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            STDOUT_GONE.store(true, Ordering::Relaxed);
        } else {
            eprintln!(
                "servuction: error: {}",
                CliMsg::CannotWriteOutput.fill(system_language(), &[&e])
            );
        }
    }
}

/// `println!` for command output, quiet on a closed pipe.
macro_rules! out {
    ($($arg:tt)*) => {
        write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

#[path = "cli/versions.rs"]
mod versions_cmd;

#[path = "cli/import.rs"]
mod import_cmd;

#[path = "cli/photo.rs"]
mod photo_cmd;

#[path = "cli/in_place.rs"]
mod in_place;
use import_cmd::{ImportArgs, cmd_import};

// glibc's allocator maps and unmaps the editor's large per-frame buffers
// (tessellated meshes) again and again, paying page faults every frame: the
// frame benchmark took 1.03 ms or 0.46 ms for the same work depending on the
// allocator's history. mimalloc keeps them: 0.46 ms, steadily.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Servuction: design service blueprints and servuction diagrams.
///
/// Without a command, opens the editor (on FILE if given).
#[derive(Parser)]
#[command(name = "servuction", version, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A blueprint to open in the editor (.servuction or .json, or a .png,
    /// .svg or .pdf exported by Servuction).
    file: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    En,
    Es,
}

impl From<Lang> for Language {
    fn from(l: Lang) -> Self {
        match l {
            Lang::En => Language::En,
            Lang::Es => Language::Es,
        }
    }
}

/// How `export` draws and lays out.
#[derive(clap::Args)]
struct ExportArgs {
    /// Pixels per diagram unit, for PNG.
    #[arg(long, default_value_t = 1.0)]
    scale: f32,
    /// The colours: light (print-friendly) or dark.
    #[arg(long, value_enum, default_value = "light")]
    theme: ThemeArg,
    /// The language of labels, legends and numbers (default: the blueprint's).
    #[arg(short, long, value_enum)]
    lang: Option<Lang>,
    /// SVG text: glyph outlines under invisible selectable text, drawn the
    /// same everywhere (outlines), or text alone, drawn with the fonts
    /// installed where the SVG is opened (plain; the smallest file).
    #[arg(long, value_enum, default_value = "outlines")]
    svg_text: SvgTextArg,
    /// PDF: print on this paper, the whole diagram fitted on one sheet
    /// (default: one page the size of the diagram).
    #[arg(long, value_enum)]
    paper: Option<servuction::render::pdf::Paper>,
    /// PDF: sheets in landscape (tiles otherwise take whichever orientation
    /// needs fewer sheets).
    #[arg(long)]
    landscape: bool,
    /// PDF: the diagram across as many sheets as it takes (A4 unless
    /// --paper), at full size or down to 80 % where that saves sheets, broken
    /// between stages, steps and lanes, with the lane names on every sheet,
    /// crop marks, each sheet's row and column and an assembly map.
    #[arg(long)]
    tile: bool,
    /// CSV: what the sheet lists, the standards (the default) or the
    /// improvement actions (the action plan).
    #[arg(long, value_enum)]
    csv: Option<CsvArg>,
    /// HTML and PDF: add what changed since OLD, another version of the
    /// blueprint (as `servuction diff OLD FILE` lists it): a section of the
    /// report, pages after the PDF's diagram.
    #[arg(long, value_name = "OLD")]
    compare: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum CsvArg {
    Standards,
    Actions,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum SvgTextArg {
    Outlines,
    Plain,
}

impl From<SvgTextArg> for servuction::render::svg::TextMode {
    fn from(a: SvgTextArg) -> Self {
        match a {
            SvgTextArg::Outlines => Self::Outlines,
            SvgTextArg::Plain => Self::Plain,
        }
    }
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

#[derive(Clone, Copy, PartialEq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Create a blueprint file from a template.
    New {
        /// The template: see `servuction templates`.
        #[arg(short, long, default_value = "blank")]
        template: String,
        /// The language of the new blueprint (default: the system's).
        #[arg(short, long, value_enum)]
        lang: Option<Lang>,
        /// The file to write; refused if it exists, unless --force.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List the templates.
    Templates {
        /// The language of the descriptions (default: the system's).
        #[arg(short, long, value_enum)]
        lang: Option<Lang>,
    },
    /// Validate blueprint files and run the method's health checks.
    ///
    /// Prints `file:line:col: error: message` for each problem of the file
    /// itself, and `file: severity [rule-id] element: message` for each finding
    /// of the health checks (see `servuction rules`). Exits 2 when a file is
    /// unreadable or invalid, 1 when a health check finds an error, else 0.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How to print the results: text, or JSON for other tools.
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
        /// The language of the messages (default: each blueprint's).
        #[arg(short, long, value_enum)]
        lang: Option<Lang>,
    },
    /// Export the whole diagram, the standards or a report.
    ///
    /// The format follows OUT's extension: .svg, .png and .pdf (the diagram;
    /// each carries the blueprint and re-opens as an editable document), .csv
    /// (every standard with its place, desired and adequate levels and latest
    /// value) and .html (a
    /// printable report with the diagram, compliance, standards, problems and
    /// time). Characters no installed font can draw are named in a warning.
    Export {
        /// The blueprint (.servuction or .json, or a .png, .svg or .pdf
        /// exported by Servuction).
        file: PathBuf,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
        #[command(flatten)]
        args: ExportArgs,
    },
    /// List the health-check rules with their ids and severities.
    Rules {
        /// The language of the descriptions (default: the system's).
        #[arg(short, long, value_enum)]
        lang: Option<Lang>,
    },
    /// Add measured values to a blueprint's standards from a CSV file.
    ///
    /// The CSV needs `date` (YYYY-MM-DD) and `value` columns and a
    /// `standard_id` (or `statement`) column; a sheet written by
    /// `servuction export FILE -o standards.csv` works as it is, also after a
    /// spreadsheet saved it again (`;` separators, decimal commas, day-first
    /// dates, UTF-8, UTF-16 or Windows-1252). Rows that cannot be matched are
    /// listed and skipped; a row with more fields than the header or a number
    /// that reads two ways refuses the file. Exits 0 when every row was used,
    /// 1 when some were skipped, 2 when a file cannot be read or written or
    /// is refused (then the blueprint is left as it was).
    ImportMeasurements(ImportArgs),
    /// Add or change a blueprint's improvement actions from a CSV file.
    ///
    /// The CSV needs a `what` column; `action_id`, `owner`, `due`
    /// (YYYY-MM-DD), `status` (open, in_progress, done, dropped),
    /// `attached_to` (fail_point, standard, note) with `attached_id`, and
    /// `moves_standard_id` are read when present. A row whose `action_id`
    /// names an action of the blueprint changes it; any other row adds one.
    /// A sheet written by `servuction export FILE --csv actions -o plan.csv`
    /// works as it is, also after a spreadsheet saved it again. A row that
    /// cannot be read refuses the whole file, with its line and column, and
    /// nothing changes. Exits 0 on success, 2 when a file cannot be read or
    /// written or is refused.
    ImportActions(ImportArgs),
    /// Print the JSON Schema of the file format.
    Schema,
    /// Show what changed from one version of a blueprint to another.
    ///
    /// Lists the touchpoints, connectors, standards, measured values, notes,
    /// improvement actions, lanes, steps and stages added, removed, moved (to another lane, step
    /// or stage) and changed (field: old -> new), and the standards whose
    /// compliance changed. Exits 0 when the versions are the same, 1 when
    /// they differ, 2 on an error, as diff does.
    Diff(versions_cmd::DiffArgs),
    /// Merge two versions of a blueprint with their common base (a git
    /// merge driver: `servuction merge %O %A %B`).
    ///
    /// Three-way, by id: changes to different elements or fields merge, and
    /// measured values added on both sides are united by date. A field
    /// changed two ways, or an element deleted on one side and changed on
    /// the other, is a conflict: the document holds ours (or the changed
    /// element) and keeps theirs in its list of conflicts, to resolve in the
    /// editor; it is always a valid document. The result replaces OURS
    /// unless --output; a result equal to one version is that file, byte
    /// for byte. Exits 0 when clean, 1 with conflicts (listed on stderr), 2
    /// on an error.
    Merge(versions_cmd::MergeArgs),
    /// Print a blueprint as text, element after element, each field on its
    /// own line (to read, and for `git diff` as a textconv).
    Show(versions_cmd::ShowArgs),
    /// List the conflicts a merge left in a blueprint, or resolve them.
    ///
    /// Without --ours or --theirs, lists the conflicts, numbered. With one,
    /// takes that side in the conflicts numbered (all of them if no number
    /// is given) and saves the blueprint; a conflict whose value no longer
    /// fits is named and kept. Exits 0 when no conflict is left, 1 when some
    /// are, 2 on an error.
    Resolve(versions_cmd::ResolveArgs),
    /// Add a photo of physical evidence to a touchpoint.
    ///
    /// The image (PNG, JPEG or WebP) is turned upright, downscaled to a
    /// long edge of 1,600 pixels and stored inside the blueprint, once
    /// however many touchpoints show it; the blueprint is saved in place,
    /// its previous version kept as NAME.bak. A file too large, of too many
    /// pixels, damaged or of another format, an unknown touchpoint, or a
    /// touchpoint or blueprint with no room for another photo is refused
    /// with its reason, and the blueprint is left as it was. Exits 0 on
    /// success, 2 on an error.
    AttachPhoto(photo_cmd::AttachPhotoArgs),
}

/// The language of what a command says when `--lang` does not say: the
/// system's.
fn or_system(lang: Option<Lang>) -> Language {
    lang.map_or_else(system_language, Into::into)
}

fn main() -> ExitCode {
    // The help in the system's language; `--lang` does not change it.
    let matches = servuction::i18n::cli_help::matches(Cli::command(), system_language());
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli.command {
        None => run_editor(cli.file),
        Some(Command::New {
            template,
            lang,
            output,
            force,
        }) => cmd_new(&template, or_system(lang), &output, force),
        Some(Command::Templates { lang }) => {
            for t in templates::TEMPLATES {
                out!("{:<10} {}", t.name, t.summary(or_system(lang)));
            }
            ExitCode::SUCCESS
        }
        Some(Command::Check {
            files,
            format,
            lang,
        }) => cmd_check(&files, format, lang.map(Into::into)),
        Some(Command::Export { file, output, args }) => cmd_export(&file, &output, &args),
        Some(Command::Rules { lang }) => {
            let lang = or_system(lang);
            for r in check::RULES {
                out!(
                    "{:<38} {:<10} {}",
                    r.id,
                    severity(r.severity).text(lang),
                    r.summary.text(lang)
                );
            }
            ExitCode::SUCCESS
        }
        Some(Command::ImportMeasurements(args)) => cmd_import(&args, false),
        Some(Command::ImportActions(args)) => cmd_import(&args, true),
        Some(Command::Schema) => {
            write_out(format_args!("{}", format::json_schema()));
            ExitCode::SUCCESS
        }
        Some(Command::Diff(args)) => args.run(),
        Some(Command::Merge(args)) => args.run(),
        Some(Command::Show(args)) => args.run(),
        Some(Command::Resolve(args)) => args.run(),
        Some(Command::AttachPhoto(args)) => args.run(),
    }
}

/// Text from a document for a terminal: control characters (which could
/// clear the screen or retitle the terminal) are shown escaped, `\u{1b}`.
fn terminal_safe(text: &str) -> String {
    servuction::shown::one_line(text).into_owned()
}

/// Prints an error and gives exit code 2. The message may carry outside
/// text (a file name, a document's or a CSV's text): it is printed
/// terminal-safe, as every line that carries some.
fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("servuction: error: {}", terminal_safe(&message.to_string()));
    ExitCode::from(2)
}

fn cmd_new(name: &str, lang: Language, output: &std::path::Path, force: bool) -> ExitCode {
    let Some(template) = templates::find(name) else {
        let names: Vec<_> = templates::TEMPLATES.iter().map(|t| t.name).collect();
        return fail(CliMsg::NoTemplate.fill(lang, &[&name, &names.join(", ")]));
    };
    if output.exists() && !force {
        return fail(CliMsg::ExistsUseForce.fill(lang, &[&output.display()]));
    }
    let blueprint = match template.load(lang) {
        Ok(b) => b,
        Err(e) => return fail(CliMsg::TemplateBroken.fill(lang, &[&name, &e])),
    };
    // Overwriting (--force) keeps the previous version as NAME.bak, as the
    // editor does.
    match servuction::recovery::save_with_backup(output, &blueprint) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

/// A severity as the text output writes it (JSON keeps the English ids).
fn severity(s: check::Severity) -> CliMsg {
    match s {
        check::Severity::Error => CliMsg::SeverityError,
        check::Severity::Warning => CliMsg::Warning,
        check::Severity::Hint => CliMsg::SeverityHint,
    }
}

/// Checks files; the findings in `lang`, else in each blueprint's language.
fn cmd_check(files: &[PathBuf], output: OutputFormat, lang: Option<Language>) -> ExitCode {
    let mut unreadable = false;
    let mut errors = false;
    let mut json = Vec::new();
    for file in files {
        let name = terminal_safe(&file.display().to_string());
        let blueprint = match format::read(file) {
            Ok(b) => b,
            Err(e) => {
                unreadable = true;
                // No blueprint to take its language from: the system's.
                let lang = lang.unwrap_or_else(system_language);
                for d in e.diagnostics() {
                    let (line, column) = d.position.map(|p| (p.line, p.column)).unzip();
                    match output {
                        OutputFormat::Text => match d.position {
                            Some(p) => out!(
                                "{name}:{}:{}: error: {}",
                                p.line,
                                p.column,
                                terminal_safe(&d.text(lang, false))
                            ),
                            None => out!("{name}: error: {}", terminal_safe(&d.text(lang, false))),
                        },
                        OutputFormat::Json => json.push(serde_json::json!({
                            "file": name, "severity": "error", "rule": "file-format",
                            "path": d.path, "line": line, "column": column, "message": d.message.message(lang),
                        })),
                    }
                }
                continue;
            }
        };
        let lang = lang.unwrap_or(blueprint.language);
        for f in check::check(&blueprint) {
            errors |= f.severity == check::Severity::Error;
            let message = f.message(&blueprint, lang);
            match output {
                OutputFormat::Text => out!(
                    "{name}: {} [{}] {}: {}",
                    severity(f.severity).text(lang),
                    f.rule,
                    terminal_safe(&f.element.to_string()),
                    terminal_safe(&message)
                ),
                OutputFormat::Json => json.push(serde_json::json!({
                    "file": name, "severity": f.severity, "rule": f.rule,
                    "element": f.element, "message": message,
                })),
            }
        }
    }
    if output == OutputFormat::Json {
        out!(
            "{}",
            serde_json::to_string_pretty(&json).unwrap_or_default()
        );
    }
    if unreadable {
        ExitCode::from(2)
    } else if errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn cmd_export(file: &std::path::Path, output: &std::path::Path, args: &ExportArgs) -> ExitCode {
    use servuction::render::export::{self, Format, Settings};
    use servuction::render::pdf::Layout;
    use servuction::scene::Theme;
    // Before the blueprint is read, the language asked for or the system's.
    let lang = or_system(args.lang);
    let format = match (Format::of(output), args.csv) {
        (None, _) => return fail(CliMsg::CannotExportTo.fill(lang, &[&output.display()])),
        (Some(Format::Csv), Some(CsvArg::Actions)) => Format::ActionsCsv,
        (Some(f), None) | (Some(f @ Format::Csv), Some(CsvArg::Standards)) => f,
        (Some(_), Some(_)) => return fail(CliMsg::CsvOnlyOption.fill(lang, &[&output.display()])),
    };
    if format != Format::Pdf && (args.paper.is_some() || args.tile || args.landscape) {
        return fail(CliMsg::PdfOnlyOptions.fill(lang, &[&output.display()]));
    }
    if args.landscape && args.paper.is_none() && !args.tile {
        return fail(CliMsg::LandscapeNeedsPaper.text(lang));
    }
    if args.compare.is_some() && !matches!(format, Format::Html | Format::Pdf) {
        return fail(CliMsg::CompareHtmlOnly.fill(lang, &[&output.display()]));
    }
    let old = match args.compare.as_deref().map(format::read) {
        None => None,
        Some(Ok(old)) => Some(old),
        Some(Err(e)) => {
            let file = args.compare.as_deref().unwrap_or(file);
            return fail(format!("{}: {}", file.display(), e.message(lang)));
        }
    };
    let blueprint = match format::read(file) {
        Ok(b) => b,
        Err(e) => {
            // The blueprint's language is not known: the one asked for, or
            // the system's.
            return fail(format!("{}: {}", file.display(), e.message(lang)));
        }
    };
    let mut settings = Settings::new(
        match args.theme {
            ThemeArg::Light => Theme::LIGHT,
            ThemeArg::Dark => Theme::DARK,
        },
        args.lang.map_or(blueprint.language, Into::into),
    );
    settings.scale = args.scale;
    settings.svg_text = args.svg_text.into();
    settings.pdf = match (args.paper, args.tile) {
        (None, false) => Layout::Diagram,
        (paper, true) => Layout::Tile {
            paper: paper.unwrap_or(servuction::render::pdf::Paper::A4),
            landscape: args.landscape,
        },
        (Some(paper), false) => Layout::Fit {
            paper,
            landscape: args.landscape,
        },
    };
    let exported = match &old {
        Some(old) => export::export_compared(&blueprint, old, format, &settings),
        None => export::export(&blueprint, format, &settings),
    };
    let exported = match exported {
        Ok(e) => e,
        Err(e) => return fail(e.message(settings.lang)),
    };
    if !exported.missing.is_empty() {
        eprintln!(
            "{}: {}: {}",
            terminal_safe(&output.display().to_string()),
            CliMsg::Warning.text(settings.lang),
            terminal_safe(&exported.missing.to_string())
        );
    }
    match format::write_atomic(output, &exported.bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e.message(settings.lang)),
    }
}

#[cfg(feature = "app")]
fn run_editor(file: Option<PathBuf>) -> ExitCode {
    if let Some(f) = &file
        && !f.exists()
    {
        return fail(CliMsg::DoesNotExist.fill(system_language(), &[&f.display()]));
    }
    match servuction::app::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

#[cfg(not(feature = "app"))]
fn run_editor(_file: Option<PathBuf>) -> ExitCode {
    fail(CliMsg::NoEditor.text(system_language()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and argument of the English help (the doc comments
    /// above) has its Spanish text: a new one fails here until it has.
    #[test]
    fn every_command_and_argument_has_its_spanish_help() {
        fn walk(cmd: &clap::Command, path: &str, missing: &mut Vec<String>) {
            let has = |p: &str| servuction::i18n::cli_help::HELP_ES.iter().any(|h| h.0 == p);
            if !has(path) {
                missing.push(path.to_owned());
            }
            for arg in cmd.get_arguments() {
                let p = format!("{path}.{}", arg.get_id());
                if arg.get_help().is_some() && !has(&p) {
                    missing.push(p);
                }
            }
            for sub in cmd.get_subcommands() {
                let p = if path.is_empty() {
                    sub.get_name().to_owned()
                } else {
                    format!("{path} {}", sub.get_name())
                };
                walk(sub, &p, missing);
            }
        }
        let mut missing = Vec::new();
        walk(&Cli::command(), "", &mut missing);
        assert!(missing.is_empty(), "no Spanish help for {missing:?}");
    }
}
