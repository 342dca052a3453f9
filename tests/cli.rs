//! The command line, run as users script it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use std::path::Path;
use std::process::{Command, Output};

#[path = "cli/photos.rs"]
mod photos;

fn servuction(args: &[&str]) -> Output {
    in_locale("C", args)
}

/// The command run with the system's locale `lang` (LANG, the others unset).
fn in_locale(lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANGUAGE")
        .env("LANG", lang)
        .output()
        .expect("the binary runs")
}

/// Words of clap's English and of our English help that a Spanish help
/// must not show.
const ENGLISH_HELP: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Print help",
    "Print version",
    "[default:",
    "[possible values:",
    "[OPTIONS]",
    "<FILE>",
    "The language",
    "The file",
    "blueprint",
    "For more information",
    "error: the following",
    "unexpected argument",
];

#[test]
fn the_help_is_spanish_where_the_system_speaks_spanish() {
    let commands = [
        "",
        "new",
        "templates",
        "check",
        "export",
        "rules",
        "import-measurements",
        "schema",
        "diff",
        "merge",
        "show",
        "resolve",
        "attach-photo",
    ];
    for c in commands {
        let mut args: Vec<&str> = c.split_whitespace().collect();
        for flag in ["-h", "--help"] {
            args.push(flag);
            let o = in_locale("es_ES.UTF-8", &args);
            assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
            let help = stdout(&o);
            assert!(help.contains("Uso: servuction"), "{args:?}: {help}");
            for english in ENGLISH_HELP {
                assert!(
                    !help.contains(english),
                    "{args:?} shows {english:?}:\n{help}"
                );
            }
            args.pop();
        }
        // English where the system is not Spanish.
        let o = in_locale("en_GB.UTF-8", &[c, "--help"][usize::from(c.is_empty())..]);
        assert!(
            stdout(&o).contains("Usage: servuction"),
            "{c}: {}",
            stdout(&o)
        );
    }
    // `servuction help` and `servuction help check`, in Spanish too.
    let o = in_locale("es_ES.UTF-8", &["help"]);
    assert!(
        stdout(&o).contains("Mostrar este mensaje o la ayuda"),
        "{}",
        stdout(&o)
    );
    let o = in_locale("es_ES.UTF-8", &["help", "check"]);
    assert!(
        stdout(&o).contains("Validar archivos de planos"),
        "{}",
        stdout(&o)
    );
    for english in ENGLISH_HELP {
        assert!(
            !stdout(&o).contains(english),
            "help check shows {english:?}"
        );
    }
}

#[test]
fn a_wrong_command_line_is_told_in_spanish_with_the_usage_of_its_command() {
    for (args, what) in [
        (
            &["export", "a.servuction", "-o", "b.svg", "--theme", "blue"][..],
            "valor «blue» no válido para «--theme <TEMA>»; valores posibles: light, dark",
        ),
        (&["check"][..], "faltan argumentos obligatorios"),
        (
            &["check", "--bogus", "x"][..],
            "argumento inesperado «--bogus»",
        ),
    ] {
        let o = in_locale("es_ES.UTF-8", args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = stderr(&o);
        assert!(err.contains(what), "{args:?}: {err}");
        assert!(
            err.contains(&format!("Uso: servuction {}", args[0])),
            "{args:?}: {err}"
        );
        for english in ENGLISH_HELP {
            assert!(!err.contains(english), "{args:?} shows {english:?}:\n{err}");
        }
    }
}

#[test]
fn check_speaks_each_blueprints_language_unless_told() {
    let dir = tempfile::tempdir().unwrap();
    let es = dir.path().join("es.servuction");
    let en = dir.path().join("en.servuction");
    for (lang, file) in [("es", &es), ("en", &en)] {
        let o = servuction(&[
            "new",
            "-t",
            "hotel",
            "-l",
            lang,
            "-o",
            file.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let (es, en) = (es.to_str().unwrap(), en.to_str().unwrap());
    // With an English system, each file's findings in its own language.
    let o = in_locale("en_US.UTF-8", &["check", es, en]);
    let out = stdout(&o);
    assert!(
        out.contains(&format!("{es}: aviso [moment-without-standard]")),
        "{out}"
    );
    assert!(out.contains("el momento de la verdad"), "{out}");
    assert!(
        out.contains(&format!("{en}: warning [moment-without-standard]")),
        "{out}"
    );
    assert!(out.contains("the moment of truth"), "{out}");
    // --lang wins over both.
    let o = in_locale("es_ES.UTF-8", &["check", "--lang", "en", es]);
    assert!(stdout(&o).contains("the moment of truth"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("el momento"), "{}", stdout(&o));
    // A file that cannot be read is told in the system's language... and the
    // listing commands follow the system too.
    let o = in_locale("es_ES.UTF-8", &["templates"]);
    assert!(stdout(&o).contains("Un plano vacío"), "{}", stdout(&o));
    let o = in_locale("es_ES.UTF-8", &["rules"]);
    assert!(stdout(&o).contains(" aviso "), "{}", stdout(&o));
    assert!(!stdout(&o).contains("warning"), "{}", stdout(&o));
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn templates_are_listed_in_both_languages() {
    let en = servuction(&["templates"]);
    assert!(en.status.success());
    for name in ["blank", "hotel", "bank", "delivery"] {
        assert!(
            stdout(&en).lines().any(|l| l.starts_with(name)),
            "{name} missing: {}",
            stdout(&en)
        );
    }
    let es = servuction(&["templates", "--lang", "es"]);
    assert!(
        stdout(&es).contains("Estancia en un hotel"),
        "{}",
        stdout(&es)
    );
}

#[test]
fn new_writes_a_valid_file_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("stay.json");
    let out_s = out.to_str().unwrap();
    let o = servuction(&["new", "--template", "hotel", "--lang", "es", "-o", out_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    let bp = servuction::format::read(&out).unwrap();
    assert_eq!(bp.language, servuction::model::Language::Es);
    // Valid (exit 2 would mean unreadable); the hotel's missed standards make it 1.
    assert_eq!(servuction(&["check", out_s]).status.code(), Some(1));

    let before = std::fs::read(&out).unwrap();
    let o = servuction(&["new", "--template", "bank", "-o", out_s]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("exists already"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&out).unwrap(), before);

    let o = servuction(&["new", "--template", "spaceship", "-o", out_s]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("there is no template `spaceship`; choose one of: blank, hotel"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_prints_every_problem_with_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.json");
    assert!(
        servuction(&["new", "-o", good.to_str().unwrap()])
            .status
            .success()
    );
    let text = std::fs::read_to_string(&good).unwrap();
    let lane = text
        .lines()
        .find(|l| l.contains("\"after_lane\""))
        .unwrap()
        .to_owned();
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        text.replacen(&lane, "        \"after_lane\": \"lane-gone\"", 1),
    )
    .unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        "{\n  \"format\": \"servuction\",\n  \"version\": 2,\n  oops\n}",
    )
    .unwrap();

    let o = servuction(&[
        "check",
        good.to_str().unwrap(),
        bad.to_str().unwrap(),
        broken.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let out = stdout(&o);
    // The valid file's health-check findings are not file errors.
    let lines: Vec<_> = out
        .lines()
        .filter(|l| !l.starts_with(good.to_str().unwrap()))
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    let line_no = text.lines().position(|l| l == lane).unwrap() + 1;
    assert!(
        lines[0].starts_with(&format!("{}:{line_no}:23: error: blueprint.lines[0].after_lane: line `interaction` refers to lane `lane-gone`", bad.display())),
        "{out}"
    );
    assert_eq!(
        lines[1],
        format!("{}:4:3: error: key must be a string", broken.display())
    );

    assert!(
        servuction(&["check", good.to_str().unwrap()])
            .status
            .success()
    );
}

#[test]
fn check_reports_unreadable_files_and_wrong_arguments() {
    let o = servuction(&["check", "/nonexistent/stay.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).starts_with("/nonexistent/stay.json: error: cannot read the file"),
        "{}",
        stdout(&o)
    );

    let o = servuction(&["check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("required"), "{}", stderr(&o));

    let o = servuction(&["new", "--lang", "fr", "-o", "x.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("invalid value 'fr'"), "{}", stderr(&o));
    assert!(!Path::new("x.json").exists());
}

#[test]
fn every_command_has_help() {
    for cmd in [
        &["--help"][..],
        &["new", "--help"],
        &["check", "--help"],
        &["templates", "--help"],
    ] {
        let o = servuction(cmd);
        assert!(o.status.success(), "{cmd:?}");
        assert!(
            stdout(&o).contains("Usage: servuction"),
            "{cmd:?}: {}",
            stdout(&o)
        );
    }
}

#[test]
fn schema_command_prints_the_published_schema() {
    let o = servuction(&["schema"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o),
        std::fs::read_to_string("docs/servuction.schema.json").unwrap()
    );
}

#[test]
fn check_output_piped_into_a_reader_that_stops_early_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.json");
    let mut bp = servuction::templates::synthetic(3000);
    // Many findings: every touchpoint a critical moment without a standard.
    for t in &mut bp.touchpoints {
        t.moment_of_truth = servuction::model::MomentOfTruth::Critical;
    }
    bp.standards.clear();
    servuction::format::save(&file, &bp).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args(["check", file.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // `| head -1`: read one line, then close the pipe.
    {
        use std::io::BufRead;
        let out = child.stdout.take().unwrap();
        let mut first = String::new();
        std::io::BufReader::new(out).read_line(&mut first).unwrap();
        assert!(
            first.contains("[critical-moment-without-standard]"),
            "{first}"
        );
    }
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("Broken pipe"), "{err}");
    assert_eq!(
        o.status.code(),
        Some(1),
        "the exit code still tells the result"
    );
}

#[test]
fn check_text_output_shows_control_characters_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("esc.json");
    let mut bp = servuction::templates::find("hotel")
        .unwrap()
        .load(servuction::model::Language::En)
        .unwrap();
    let tp = bp.touchpoint_mut(&"tp-key-receptionist".into()).unwrap();
    tp.title = "Key\u{1b}]0;pwned\u{7}\u{1b}[2J given".into();
    servuction::format::save(&file, &bp).unwrap();
    let o = servuction(&["check", file.to_str().unwrap()]);
    let out = stdout(&o);
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{7}'),
        "raw control characters: {out:?}"
    );
    assert!(
        out.contains("Key\\u{1b}]0;pwned\\u{7}\\u{1b}[2J given"),
        "{out}"
    );
}

#[test]
fn new_with_force_keeps_the_previous_file_as_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("stay.json");
    let out_s = out.to_str().unwrap();
    assert!(
        servuction(&["new", "--template", "hotel", "-o", out_s])
            .status
            .success()
    );
    let hotel = std::fs::read(&out).unwrap();
    let o = servuction(&["new", "--template", "bank", "--force", "-o", out_s]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(dir.path().join("stay.json.bak")).unwrap(),
        hotel
    );
}

#[test]
fn import_measurements_claims_values_added_only_after_the_save_succeeded() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stay.json");
    let file_s = file.to_str().unwrap();
    assert!(
        servuction(&["new", "--template", "hotel", "-o", file_s])
            .status
            .success()
    );
    let csv = dir.path().join("values.csv");
    std::fs::write(
        &csv,
        "standard_id,date,value\nstd-greet-30s,2026-05-15,91\n",
    )
    .unwrap();
    let csv_s = csv.to_str().unwrap();
    let before = std::fs::read(&file).unwrap();

    // The output's folder does not exist: the save fails.
    let missing = dir.path().join("no-such-folder").join("out.json");
    let o = servuction(&[
        "import-measurements",
        file_s,
        "--csv",
        csv_s,
        "-o",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        !stdout(&o).contains("added"),
        "claims values were added although nothing was saved: {}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("out.json"), "{}", stderr(&o));
    assert!(!missing.exists());
    assert_eq!(std::fs::read(&file).unwrap(), before);

    // Saving in place into a read-only folder (root may write anyway: then the save succeeds).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let ro = dir.path().join("ro");
        std::fs::create_dir(&ro).unwrap();
        let ro_file = ro.join("stay.json");
        std::fs::copy(&file, &ro_file).unwrap();
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
        let writable = std::fs::write(ro.join("probe"), "").is_ok();
        let o = servuction(&[
            "import-measurements",
            ro_file.to_str().unwrap(),
            "--csv",
            csv_s,
        ]);
        std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
        if !writable {
            assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
            assert!(!stdout(&o).contains("added"), "{}", stdout(&o));
            assert_eq!(std::fs::read(&ro_file).unwrap(), before);
        }
    }

    // Once the save succeeds, the summary is printed.
    let o = servuction(&["import-measurements", file_s, "--csv", csv_s]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("1 measured value added"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn import_measurements_keeps_a_backup_and_refuses_to_write_over_a_png() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stay.json");
    let file_s = file.to_str().unwrap();
    assert!(
        servuction(&["new", "--template", "hotel", "-o", file_s])
            .status
            .success()
    );
    let before = std::fs::read(&file).unwrap();
    let csv = dir.path().join("values.csv");
    std::fs::write(&csv, "standard,date,value\nstd-greet-30s,2026-05-15,91\n").unwrap();
    let o = servuction(&[
        "import-measurements",
        file_s,
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(dir.path().join("stay.json.bak")).unwrap(),
        before
    );

    // Into a PNG, an SVG or a PDF (even one renamed): refused, the picture
    // untouched.
    let png = dir.path().join("stay.png");
    for (name, renamed) in [
        ("stay.png", None),
        ("stay.svg", None),
        ("stay.pdf", Some("stay-pdf.json")),
    ] {
        let picture = dir.path().join(name);
        let args = [
            "export",
            file_s,
            "-o",
            picture.to_str().unwrap(),
            "--scale",
            "0.2",
        ];
        assert!(servuction(&args).status.success());
        let picture = match renamed {
            Some(other) => {
                let to = dir.path().join(other);
                std::fs::rename(&picture, &to).unwrap();
                to
            }
            None => picture,
        };
        let image = std::fs::read(&picture).unwrap();
        let o = servuction(&[
            "import-measurements",
            picture.to_str().unwrap(),
            "--csv",
            csv.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(
            stderr(&o).contains("is an exported picture"),
            "{}",
            stderr(&o)
        );
        assert_eq!(std::fs::read(&picture).unwrap(), image, "{name}");
    }
    // From a PNG into a JSON document: fine.
    let out = dir.path().join("from-png.json");
    let o = servuction(&[
        "import-measurements",
        png.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(servuction::format::read(&out).is_ok());
}

#[test]
fn a_png_too_large_is_refused_with_a_scale_that_works_and_nothing_written() {
    use servuction::model::{Language, Note, NoteColour, Point};
    let dir = tempfile::tempdir().unwrap();
    // A note a million units to the right makes a picture of 1e9 pixels at
    // scale 1.
    let mut bp = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    bp.notes.push(Note::loose(
        Point {
            x: 999_000.0,
            y: 100.0,
        },
        "Far away".into(),
        NoteColour::Yellow,
    ));
    let file = dir.path().join("far.json");
    servuction::format::save(&file, &bp).unwrap();
    let out = dir.path().join("far.png");
    let (f, o) = (file.to_str().unwrap(), out.to_str().unwrap());
    let refused = servuction(&["export", f, "-o", o]);
    assert_eq!(refused.status.code(), Some(2));
    let err = stderr(&refused);
    assert!(err.contains("over the limit of 100 megapixels"), "{err}");
    assert!(!out.exists(), "nothing written");
    let (w, h) = servuction::render::export_size(&bp);
    let suggested = servuction::render::png::suggest_scale(f64::from(w), f64::from(h));
    assert!(err.contains(&format!("--scale {suggested} ")), "{err}");
    let suggested: f32 = suggested.parse().unwrap();
    assert!(servuction::render::png::pixel_size(w, h, suggested).is_ok());
    // A smaller scale still: written, and it reopens as the same blueprint.
    let small = (suggested / 20.0).to_string();
    let done = servuction(&["export", f, "-o", o, "--scale", &small]);
    assert!(done.status.success(), "{}", stderr(&done));
    assert_eq!(servuction::format::read(&out).unwrap(), bp);
}

#[test]
fn export_writes_pdfs_on_paper_and_they_are_checked_and_exported_again() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stay.json");
    let f = file.to_str().unwrap();
    assert!(
        servuction(&["new", "--template", "hotel", "-o", f])
            .status
            .success()
    );
    for (name, extra) in [
        ("one.pdf", vec![]),
        ("fit.pdf", vec!["--paper", "a3", "--landscape"]),
        ("wall.pdf", vec!["--tile", "--paper", "letter"]),
    ] {
        let out = dir.path().join(name);
        let mut args = vec!["export", f, "-o", out.to_str().unwrap()];
        args.extend(extra);
        let o = servuction(&args);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "no warning for Latin text");
        // The PDF is a document like the JSON: check reads it, and it
        // exports again.
        let check = servuction(&["check", out.to_str().unwrap()]);
        assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
        let again = dir.path().join(format!("{name}.svg"));
        let o = servuction(&[
            "export",
            out.to_str().unwrap(),
            "-o",
            again.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // A paper size that does not exist is refused.
    let o = servuction(&["export", f, "-o", "x.pdf", "--paper", "a5"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("a4"), "{}", stderr(&o));
}

#[test]
fn pdf_options_for_another_format_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stay.servuction");
    let f = file.to_str().unwrap();
    assert!(
        servuction(&["new", "--template", "hotel", "-o", f])
            .status
            .success()
    );
    let png = dir.path().join("stay.png");
    let o = servuction(&["export", f, "-o", png.to_str().unwrap(), "--tile"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("are for PDF"), "{}", stderr(&o));
    assert!(!png.exists());
    let pdf = dir.path().join("stay.pdf");
    let o = servuction(&["export", f, "-o", pdf.to_str().unwrap(), "--landscape"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--landscape needs"), "{}", stderr(&o));
}
