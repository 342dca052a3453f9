//! The command line, run as users script it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use std::path::Path;
use std::process::{Command, Output};

fn servuction(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args(args)
        .output()
        .expect("the binary runs")
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
        stdout(&o).contains("1 measured values added"),
        "{}",
        stdout(&o)
    );
}
