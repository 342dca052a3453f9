//! The `servuction` command: the editor, or a headless tool for pipelines.

use clap::{Parser, Subcommand, ValueEnum};
use servuction::format;
use servuction::model::Language;
use servuction::templates;
use std::path::PathBuf;
use std::process::ExitCode;

/// Servuction: design service blueprints and servuction diagrams.
///
/// Without a command, opens the editor (on FILE if given).
#[derive(Parser)]
#[command(name = "servuction", version, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A blueprint to open in the editor (.json, or .png exported by Servuction).
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

#[derive(Subcommand)]
enum Command {
    /// Create a blueprint file from a template.
    New {
        /// The template: see `servuction templates`.
        #[arg(short, long, default_value = "blank")]
        template: String,
        /// The language of the new blueprint.
        #[arg(short, long, value_enum, default_value = "en")]
        lang: Lang,
        /// The file to write; refused if it exists, unless --force.
        #[arg(short, long)]
        output: PathBuf,
        /// Overwrite the output file if it exists.
        #[arg(long)]
        force: bool,
    },
    /// List the templates.
    Templates {
        /// The language of the descriptions.
        #[arg(short, long, value_enum, default_value = "en")]
        lang: Lang,
    },
    /// Validate blueprint files and print every problem found.
    ///
    /// Prints `file:line:col: error: message` for each problem. Exits 0 when
    /// every file is valid, 2 when a file is unreadable or invalid.
    Check {
        /// The files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the file format.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run_editor(cli.file),
        Some(Command::New {
            template,
            lang,
            output,
            force,
        }) => cmd_new(&template, lang.into(), &output, force),
        Some(Command::Templates { lang }) => {
            for t in templates::TEMPLATES {
                println!("{:<10} {}", t.name, t.summary(lang.into()));
            }
            ExitCode::SUCCESS
        }
        Some(Command::Check { files }) => cmd_check(&files),
        Some(Command::Schema) => {
            print!("{}", format::json_schema());
            ExitCode::SUCCESS
        }
    }
}

fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("servuction: error: {message}");
    ExitCode::from(2)
}

fn cmd_new(name: &str, lang: Language, output: &std::path::Path, force: bool) -> ExitCode {
    let Some(template) = templates::find(name) else {
        let names: Vec<_> = templates::TEMPLATES.iter().map(|t| t.name).collect();
        return fail(format!(
            "there is no template `{name}`; choose one of: {}",
            names.join(", ")
        ));
    };
    if output.exists() && !force {
        return fail(format!(
            "{} exists already; pass --force to overwrite it",
            output.display()
        ));
    }
    let blueprint = match template.load(lang) {
        Ok(b) => b,
        Err(e) => return fail(format!("the template `{name}` is broken: {e}")),
    };
    match format::save(output, &blueprint) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn cmd_check(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        if let Err(e) = format::read(file) {
            ok = false;
            for d in e.diagnostics() {
                match d.position {
                    Some(p) => println!("{}:{}:{}: error: {d}", file.display(), p.line, p.column),
                    None => println!("{}: error: {d}", file.display()),
                }
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn run_editor(file: Option<PathBuf>) -> ExitCode {
    let _ = file;
    fail("the editor is not built yet; use `servuction --help` for the commands")
}
