//! The standards CSV and the HTML report for a Spanish-speaking user: no
//! English word, no decimal point.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use servuction::model::*;
use servuction::report::{import_measurements, standards_csv};

fn hotel_es() -> Blueprint {
    servuction::templates::find("hotel")
        .unwrap()
        .load(Language::Es)
        .unwrap()
}

/// The text a reader sees in an HTML page: tags, their attributes, the
/// style sheet and an inlined SVG left out.
fn visible_text(page: &str) -> String {
    let page = match (page.find("<style>"), page.find("</style>")) {
        (Some(a), Some(b)) => format!("{}{}", &page[..a], &page[b..]),
        _ => page.to_owned(),
    };
    let mut out = String::new();
    let mut in_tag = false;
    for c in page.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn the_spanish_report_names_rules_and_writes_numbers_in_spanish() {
    let mut bp = hotel_es();
    // A late step: the queue's standard (5 min) is missed at 6,5 min.
    let queue = bp
        .standards
        .iter()
        .position(|s| s.statement.starts_with("Ningún huésped espera"))
        .unwrap();
    bp.standards[queue].measurements.push(Measurement {
        date: "2027-01-15".parse().unwrap(),
        value: 6.5,
    });
    let page = servuction::report::html(&bp, Language::Es, "");
    let text = visible_text(&page);
    // The rule's name, not its id, in the problems.
    assert!(text.contains("momento de la verdad sin estándar"), "{text}");
    assert!(!text.contains("moment-without-standard"), "{text}");
    assert!(page.contains("data-rule=\"moment-without-standard\""));
    // Figures with decimal commas; counts in their plural.
    assert!(text.contains("6,5 min"), "{text}");
    assert!(text.contains("puntos de interacción"), "{text}");
    assert!(
        text.contains("Paso cuyos estándares de tiempo se incumplen"),
        "{text}"
    );
    let points: Vec<&str> = text
        .split_whitespace()
        .filter(|w| {
            let b = w.as_bytes();
            b.windows(3)
                .any(|t| t[0].is_ascii_digit() && t[1] == b'.' && t[2].is_ascii_digit())
                // Dates are ISO (2026-05-15), never with points; a thousands
                // point is followed by three digits and a decimal comma or end.
                && !w.split('.').skip(1).all(|g| g.len() >= 3 && g[..3].bytes().all(|d| d.is_ascii_digit()))
        })
        .collect();
    assert!(points.is_empty(), "decimal points: {points:?}");
    // In English the same page names the rule in English.
    let en = visible_text(&servuction::report::html(&bp, Language::En, ""));
    assert!(en.contains("moment of truth without a standard"), "{en}");
    assert!(en.contains("6.5 min"), "{en}");
}

#[test]
fn a_spanish_sheet_is_separated_by_semicolons_with_decimal_commas_and_reads_back() {
    let mut bp = hotel_es();
    let added = [(0, 97.5), (1, 1234.5)];
    for (i, value) in added {
        bp.standards[i].measurements.push(Measurement {
            date: "2027-01-15".parse().unwrap(),
            value,
        });
    }
    let sheet = standards_csv(&bp, Language::Es);
    // A byte-order mark, so that a spreadsheet reads the accents as UTF-8.
    let body = sheet.strip_prefix('\u{feff}').expect("a byte-order mark");
    let header = body.lines().next().unwrap();
    assert!(header.starts_with("standard_id;statement;"), "{header}");
    assert!(!header.contains(','), "{header}");
    let mut r = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(body.as_bytes());
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<_> = r.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), bp.standards.len());
    assert_eq!(&rows[0][col("latest_value")], "97,5");
    assert_eq!(&rows[1][col("latest_value")], "1234,5");
    // "Salida en menos de 3 min": tolerance 0.5.
    let checkout = bp
        .standards
        .iter()
        .position(|s| s.tolerance == Some(0.5))
        .unwrap();
    assert_eq!(&rows[checkout][col("tolerance")], "0,5");
    assert_eq!(&rows[0][col("status")], "Cumplido");

    // Back in: the two new values are added again, the others are there.
    let mut without = bp.clone();
    for (i, _) in added {
        without.standards[i].measurements.pop();
    }
    let report = import_measurements(&mut without, &sheet).unwrap();
    assert_eq!(report.format.separator, ';');
    assert_eq!(report.added, 2, "{report:?}");
    assert!(report.skipped.is_empty(), "{report:?}");
    assert_eq!(without, bp);
}
