//! Standards to CSV and measured values from CSV, in the library and the CLI.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::model::*;
use servuction::report::{import_measurements, standards_csv};

fn blueprint() -> Blueprint {
    let mut bp = servuction::templates::synthetic(12);
    bp.standards[1].statement = "Room ready at 15:00".into();
    bp
}

#[test]
fn standards_export_has_one_row_per_standard_with_its_place_and_status() {
    let bp = blueprint();
    let text = standards_csv(&bp, Language::En);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[0], "standard_id");
    let rows: Vec<_> = r.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), bp.standards.len());
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let s = &bp.standards[0];
    assert_eq!(&rows[0][col("standard_id")], s.id.as_str());
    assert_eq!(
        &rows[0][col("touchpoint")],
        bp.touchpoint(&s.touchpoint).unwrap().title
    );
    assert_eq!(&rows[0][col("lane")], "Physical support");
    assert_eq!(&rows[0][col("stage")], "Stage 1");
    assert_eq!(&rows[0][col("target")], "2");
    assert_eq!(&rows[0][col("latest_date")], "2026-03-01");
    assert_eq!(
        &rows[0][col("latest_value")],
        s.latest().unwrap().value.to_string()
    );
    let es = standards_csv(&bp, Language::Es);
    assert!(es.contains("Menos es mejor"), "{es}");
}

#[test]
fn measurements_import_matches_by_id_or_statement_and_reports_the_rest() {
    let mut bp = blueprint();
    let id0 = bp.standards[0].id.clone();
    let before = bp.standards[0].measurements.len();
    let csv = format!(
        "standard_id,statement,date,value\n\
         {id0},,2026-04-01,1.2\n\
         ,room ready at 15:00,2026-04-02,\"1,7\"\n\
         std-nope,,2026-04-03,3\n\
         {id0},,2026-13-01,3\n\
         {id0},,2026-04-05,lots\n\
         ,Served within 2 min,2026-04-06,2\n\
         {id0},,2026-04-01,1.2\n\
         {id0},,,\n"
    );
    let report = import_measurements(&mut bp, &csv).unwrap();
    assert_eq!(report.added, 2);
    assert_eq!(report.duplicates, 1);
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (4, "no standard has the id `std-nope`"),
            (5, "`2026-13-01` is not a day of the calendar"),
            (6, "`lots` is not a number"),
            (
                7,
                "2 standards read \"Served within 2 min\"; give a standard_id"
            ),
        ]
    );
    assert_eq!(bp.standards[0].measurements.len(), before + 1);
    assert_eq!(bp.standards[1].latest().unwrap().value, 1.7);
    assert!(bp.problems().is_empty());
    assert_eq!(
        report.summary(Language::Es),
        "2 valores medidos añadidos, 1 ya estaban, 4 filas omitidas"
    );
}

#[test]
fn a_csv_without_the_needed_columns_is_refused_untouched() {
    let mut bp = blueprint();
    let before = bp.clone();
    assert!(
        import_measurements(&mut bp, "when,how much\n2026-01-01,3\n")
            .unwrap_err()
            .contains("`date` and `value`")
    );
    assert!(
        import_measurements(&mut bp, "date,value\n2026-01-01,3\n")
            .unwrap_err()
            .contains("standard_id")
    );
    assert_eq!(bp, before);
}

#[test]
fn an_exported_sheet_with_new_values_re_imports_through_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.json");
    servuction::format::save(&file, &blueprint()).unwrap();
    let sheet = standards_csv(&blueprint(), Language::En);
    // A user fills in this month's values in the latest_date/latest_value columns.
    let filled: String = sheet
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{l}\n")
            } else {
                format!("{l}\n").replace(",2026-03-01,", ",2026-05-01,")
            }
        })
        .collect();
    let csv_path = dir.path().join("values.csv");
    std::fs::write(&csv_path, filled).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args([
            "import-measurements",
            file.to_str().unwrap(),
            "--csv",
            csv_path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let bp = servuction::format::read(&file).unwrap();
    let n = bp.standards.len();
    assert!(String::from_utf8_lossy(&o.stdout).contains(&format!("{n} measured values added")));
    assert!(
        bp.standards
            .iter()
            .all(|s| s.latest().unwrap().date.to_string() == "2026-05-01")
    );

    std::fs::write(&csv_path, "standard_id,date,value\nstd-x,2026-01-01,1\n").unwrap();
    let before = std::fs::read(&file).unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args([
            "import-measurements",
            file.to_str().unwrap(),
            "--csv",
            csv_path.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("values.csv:2: skipped: no standard has the id `std-x`")
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

/// Finds Debian's Chromium, if installed.
fn chromium() -> Option<&'static str> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
}

#[test]
fn the_html_report_holds_every_section_and_opens_in_headless_chromium() {
    let mut bp = blueprint();
    bp.title = "Stay <& \"quotes\">".into();
    let page = servuction::report::html(
        &bp,
        Language::En,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
    );
    assert!(page.contains("<title>Stay &lt;&amp; &quot;quotes&quot;&gt;</title>"));
    let n = bp.standards.len();
    assert!(
        page.contains(&format!("of {n} standards met")),
        "no compliance headline"
    );
    for section in [
        "Compliance",
        "Service standards",
        "Problems",
        "The customer's time",
        "By stage",
        "By lane",
    ] {
        assert!(page.contains(section), "no section {section}");
    }
    let es = servuction::report::html(&bp, Language::Es, "");
    assert!(es.contains("<html lang=\"es\">") && es.contains("Estándares de servicio"));

    let Some(chromium) = chromium() else {
        eprintln!("NOTICE: chromium is not installed; the report was not opened in a browser");
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report.html");
    std::fs::write(&file, &page).unwrap();
    let profile = dir.path().join("profile");
    let o = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            &format!("--user-data-dir={}", profile.display()),
            "--dump-dom",
            &format!("file://{}", file.display()),
        ])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&o.stdout);
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "chromium failed: {log}");
    assert!(
        !log.contains("CONSOLE"),
        "the page logged to the console: {log}"
    );
    // The browser parsed the whole page: every standard's row and the last section are in its DOM.
    assert_eq!(dom.matches("class=\"status ").count(), n, "{dom}");
    assert!(dom.contains("<table class=\"time\">"), "{dom}");
    assert!(dom.contains("<svg"), "the diagram is missing from the DOM");
}
