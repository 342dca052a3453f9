//! The zone of tolerance outside the editor: the report and the standards
//! sheet written by the command line and read back, the check's findings and
//! the roll-ups, all judging by the same adequate level (the default one
//! where a standard sets no tolerance).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use servuction::check;
use servuction::model::*;

/// A blueprint with four standards on the hotel's first touchpoint, one in
/// each state, two of them without a tolerance (the default zone).
fn blueprint() -> Blueprint {
    let mut bp = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let tp = bp.touchpoints[0].id.clone();
    bp.standards.clear();
    // The hotel's improvement actions move its standards: gone with them.
    bp.actions.clear();
    let mut add = |id: &str, direction, target, tolerance, value| {
        let mut s = Standard::new(tp.clone(), format!("Standard {id}"));
        s.id = id.into();
        s.unit = "%".into();
        s.direction = direction;
        s.target = Some(target);
        s.tolerance = tolerance;
        s.measurements.push(Measurement {
            date: "2026-05-01".parse().unwrap(),
            value,
        });
        bp.standards.push(s);
    };
    // 80, default width 8: adequate 72, exceeds past 88.
    add("missed", Direction::HigherIsBetter, 80.0, None, 71.5);
    add("at-risk", Direction::HigherIsBetter, 80.0, None, 75.0);
    // Lower is better, 10 ± 2: adequate 12.
    add("met", Direction::LowerIsBetter, 10.0, Some(2.0), 9.0);
    add("exceeds", Direction::LowerIsBetter, 10.0, Some(2.0), 7.5);
    bp
}

fn export(bp: &Blueprint, out: &str, lang: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("b.json");
    servuction::format::save(&file, bp).unwrap();
    let out = dir.path().join(out);
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args([
            "export",
            file.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .args(["--lang", lang])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(out).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn every_state_is_judged_against_the_same_adequate_level() {
    let bp = blueprint();
    let states: Vec<Compliance> = bp.standards.iter().map(Standard::compliance).collect();
    assert_eq!(
        states,
        [
            Compliance::Missed,
            Compliance::AtRisk,
            Compliance::Met,
            Compliance::Exceeds
        ]
    );
    // The roll-up counts each, exceeded apart from met, and both as met.
    let all = check::compliance_of_blueprint(&bp);
    assert_eq!(
        (
            all.missed,
            all.at_risk,
            all.met,
            all.exceeds,
            all.not_measured
        ),
        (1, 1, 1, 1, 0)
    );
    assert_eq!(all.met_or_exceeded(), 2);
    assert_eq!(all.worst(), Compliance::Missed);
    // A card exceeds only when all its measured standards do.
    let only = check::Rollup {
        exceeds: 2,
        not_measured: 1,
        ..Default::default()
    };
    assert_eq!(only.worst(), Compliance::Exceeds);
    // The check finds the missed and the at-risk standard by the default
    // adequate level (72), and names it.
    let found: Vec<_> = check::check(&bp)
        .into_iter()
        .filter(|f| ["standard-missed", "standard-at-risk"].contains(&f.rule))
        .map(|f| (f.rule, f.message(&bp, Language::En)))
        .collect();
    assert_eq!(
        found,
        [
            (
                "standard-missed",
                "the standard \"Standard missed\" is missed: latest value 71.5 %, short of the adequate level 72 % (desired level 80 %)".to_owned()
            ),
            (
                "standard-at-risk",
                "the standard \"Standard at-risk\" is at risk: latest value 75 %, within the zone of tolerance from the adequate level 72 % to the desired level 80 %".to_owned()
            ),
        ]
    );
}

#[test]
fn the_report_shows_both_levels_and_every_state() {
    let page = export(&blueprint(), "report.html", "en");
    // The standards table: a column per level; the default adequate level in
    // parentheses.
    assert!(page.contains("<th>Desired level</th><th>Adequate level</th>"));
    let row = |id: &str| {
        let at = page.find(&format!("<td>Standard {id}</td>")).unwrap();
        let end = at + page[at..].find("</tr>").unwrap();
        page[at..end].to_owned()
    };
    let missed = row("missed");
    assert!(
        missed.contains("<td class=\"nowrap desired\">≥\u{a0}80\u{a0}%</td>"),
        "{missed}"
    );
    assert!(
        missed.contains("<td class=\"nowrap adequate\">(≥\u{a0}72\u{a0}%)</td>"),
        "{missed}"
    );
    assert!(
        missed.contains("<td class=\"status missed\">Missed</td>"),
        "{missed}"
    );
    let met = row("met");
    assert!(
        met.contains("<td class=\"nowrap adequate\">≤\u{a0}12\u{a0}%</td>"),
        "{met}"
    );
    assert!(row("at-risk").contains("<td class=\"status at-risk\">At risk</td>"));
    assert!(row("exceeds").contains("<td class=\"status exceeds\">Exceeds</td>"));
    // Each row's trend: the zone as a band from the desired level (80, at
    // the top of the 30 px chart, 3 px in) down to the adequate level (72),
    // named in its title, and each value a dot of its state.
    assert!(page.contains("<th>Latest value</th><th>Trend</th>"));
    assert!(
        missed.contains("<rect class=\"zone\" x=\"0\" y=\"3.0\" width=\"120\" height=\"22.6\""),
        "{missed}"
    );
    assert!(missed.contains("<title>Trend · Zone of tolerance: 72 – 80</title>"));
    assert!(missed.contains("<circle class=\"missed\""));
    assert!(row("exceeds").contains("<circle class=\"exceeds\""));
    assert!(met.contains("<title>Trend · Zone of tolerance: 12 – 10</title>"));
    // The roll-ups have a column for each state, and count exceeded as met.
    assert!(page.contains(
        "<th></th><th>Exceeds</th><th>Met</th><th>At risk</th><th>Missed</th><th>Not measured</th>"
    ));
    assert!(page.contains("2 of 4 standards met"));
}

#[test]
fn the_spanish_report_names_the_levels_as_the_method_does() {
    let page = export(&blueprint(), "informe.html", "es");
    assert!(page.contains("<th>Nivel deseado</th><th>Nivel adecuado</th>"));
    assert!(page.contains("<td class=\"status exceeds\">Supera</td>"));
    assert!(page.contains("<td class=\"nowrap desired\">≤\u{a0}10\u{a0}%</td>"));
}

#[test]
fn the_sheet_gives_the_adequate_level_in_effect() {
    let mut bp = blueprint();
    // 1.1 less a tenth is 0.99, not the 0.9900000000000001 of floats.
    bp.standards[0].target = Some(1.1);
    for (lang, sep, adequate) in [("en", ',', "0.99"), ("es", ';', "0,99")] {
        let sheet = export(&bp, "standards.csv", lang);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(sep as u8)
            .from_reader(sheet.trim_start_matches('\u{feff}').as_bytes());
        let head: Vec<String> = reader
            .headers()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        let col = |name: &str| head.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        // No tolerance in the file: the column is empty, the level is the default.
        assert_eq!(&rows[0][col("tolerance")], "");
        assert_eq!(&rows[0][col("adequate_level")], adequate);
        assert_eq!(&rows[2][col("adequate_level")], "12");
        let status = if lang == "en" { "Exceeds" } else { "Supera" };
        assert_eq!(&rows[3][col("status")], status);
    }
}
