//! Standards to CSV and measured values from CSV, in the library and the CLI.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::model::*;
use servuction::report::{import_measurements, import_measurements_bytes, standards_csv};

#[path = "report/photos.rs"]
mod photos;

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
        .map(|s| (s.line, s.reason.to_string()))
        .collect();
    let skipped: Vec<(u64, &str)> = skipped.iter().map(|(l, r)| (*l, r.as_str())).collect();
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
        "2 valores medidos añadidos, 1 ya estaba, 4 filas omitidas"
    );
}

#[test]
fn a_csv_without_the_needed_columns_is_refused_untouched() {
    let mut bp = blueprint();
    let before = bp.clone();
    assert!(
        import_measurements(&mut bp, "when,how much\n2026-01-01,3\n")
            .unwrap_err()
            .to_string()
            .contains("`date` and `value`")
    );
    assert!(
        import_measurements(&mut bp, "date,value\n2026-01-01,3\n")
            .unwrap_err()
            .to_string()
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

/// The value of every measurement of a standard, in order.
fn values(bp: &Blueprint, standard: usize) -> Vec<(String, f64)> {
    bp.standards[standard]
        .measurements
        .iter()
        .map(|m| (m.date.to_string(), m.value))
        .collect()
}

/// Text in Windows-1252, for the few characters these tests use.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '€' => 0x80,
            c if (c as u32) < 0x80 || (0xA0..0x100).contains(&(c as u32)) => c as u8,
            c => panic!("{c} is not in this test's Windows-1252"),
        })
        .collect()
}

/// Text in UTF-16 with its byte-order mark.
fn utf16(text: &str, little_endian: bool) -> Vec<u8> {
    std::iter::once(0xFEFF)
        .chain(text.encode_utf16())
        .flat_map(|u| {
            if little_endian {
                u.to_le_bytes()
            } else {
                u.to_be_bytes()
            }
        })
        .collect()
}

#[test]
fn a_row_with_more_fields_than_the_header_is_an_error_with_line_and_column() {
    let mut bp = blueprint();
    let before = bp.clone();
    // An unquoted decimal comma: 91,5 was stored as 91 and the 5 dropped.
    let csv = "standard_id,date,value\nstd-0,2026-05-14,90\nstd-0,2026-05-15,91,5\n";
    let e = import_measurements(&mut bp, csv).unwrap_err().to_string();
    assert!(e.starts_with("line 3, column 4: "), "{e}");
    assert!(e.contains("4 fields but the header has 3"), "{e}");
    assert_eq!(bp, before, "nothing is stored when the file is refused");
    // Empty trailing fields drop nothing: a trailing separator is harmless.
    let report = import_measurements(&mut bp, "standard_id,date,value\nstd-0,2026-05-15,91,\n");
    assert_eq!(report.unwrap().added, 1);
}

#[test]
fn an_ambiguous_number_is_an_error_never_a_guess() {
    // (separator, value as written in the file, what it reads as, or part of the error)
    let cases: &[(char, &str, Result<f64, &str>)] = &[
        (',', "91", Ok(91.0)),
        (',', "-5", Ok(-5.0)),
        (',', "1.234", Ok(1.234)),
        (',', "\"1,7\"", Ok(1.7)),
        (',', "\"1,2345\"", Ok(1.2345)),
        (',', "\"0,234\"", Ok(0.234)),
        (',', "\"1,234.5\"", Ok(1234.5)),
        (',', "\"1,234,567\"", Ok(1234567.0)),
        (',', "1.5e3", Ok(1500.0)),
        (',', "\"1,234\"", Err("`1,234` is ambiguous")),
        (',', "\"-12,345\"", Err("`-12,345` is ambiguous")),
        (',', "\"1.234,5\"", Err("groups thousands with `.`")),
        (',', "1.234.567", Err("groups thousands with `.`")),
        (';', "91,5", Ok(91.5)),
        (';', "1,234", Ok(1.234)),
        (';', "1.234,5", Ok(1234.5)),
        (';', "1.234.567", Ok(1234567.0)),
        (';', "-1.234.567,25", Ok(-1234567.25)),
        (';', "0.5", Ok(0.5)),
        (';', "1,5E-3", Ok(0.0015)),
        (';', "1.234", Err("`1.234` is ambiguous")),
        (';', "1,234.5", Err("groups thousands with `,`")),
        (';', "1,234,567", Err("groups thousands with `,`")),
        ('\t', "1.5", Ok(1.5)),
        ('\t', "1,5", Ok(1.5)),
        ('\t', "1.234,5", Ok(1234.5)),
        ('\t', "1,234.5", Ok(1234.5)),
        ('\t', "1.234", Err("`1.234` is ambiguous")),
        ('\t', "1,234", Err("`1,234` is ambiguous")),
    ];
    for &(sep, written, expected) in cases {
        let mut bp = blueprint();
        let before = bp.clone();
        let csv = format!("standard_id{sep}date{sep}value\nstd-0{sep}2026-05-15{sep}{written}\n");
        match (import_measurements(&mut bp, &csv), expected) {
            (Ok(report), Ok(v)) => {
                assert_eq!(report.added, 1, "{sep:?} {written}: {report:?}");
                assert_eq!(
                    bp.standards[0].latest().unwrap().value,
                    v,
                    "{sep:?} {written}"
                );
            }
            (Err(e), Err(part)) => {
                let e = e.to_string();
                assert!(
                    e.starts_with("line 2, column 3: "),
                    "{sep:?} {written}: {e}"
                );
                assert!(e.contains(part), "{sep:?} {written}: {e}");
                assert_eq!(bp, before, "{sep:?} {written}");
            }
            (got, want) => panic!("{sep:?} {written}: got {got:?}, want {want:?}"),
        }
    }
    // In a tab-separated file the first value that groups thousands sets the style.
    let mut bp = blueprint();
    let csv = "standard_id\tdate\tvalue\nstd-0\t2026-05-15\t1.234,5\nstd-0\t2026-05-16\t1,234.5\n";
    let e = import_measurements(&mut bp, csv).unwrap_err().to_string();
    assert!(e.starts_with("line 3, column 3: "), "{e}");
    assert!(e.contains("line 2 grouped them with `.`"), "{e}");
}

#[test]
fn the_csvs_that_spanish_excel_writes_import() {
    let sheet = "standard_id;statement;date;value;note\r\n\
                 std-0;;15/05/2026;91,5;Habitación ñ €\r\n\
                 ;Habitación lista a las 15:00;2026-05-16;1.234,5;\r\n\
                 std-8;;1/6/2026;-0,25;\r\n";
    let expected = |bp: &Blueprint| {
        assert_eq!(
            values(bp, 0).last().unwrap(),
            &("2026-05-15".to_owned(), 91.5)
        );
        assert_eq!(
            values(bp, 1).last().unwrap(),
            &("2026-05-16".to_owned(), 1234.5)
        );
        assert_eq!(
            values(bp, 2).last().unwrap(),
            &("2026-06-01".to_owned(), -0.25)
        );
    };
    let mut utf8_bom = b"\xEF\xBB\xBF".to_vec();
    utf8_bom.extend_from_slice(sheet.as_bytes());
    for (bytes, encoding, bom) in [
        (sheet.as_bytes().to_vec(), "UTF-8", false),
        (utf8_bom, "UTF-8", true),
        (windows_1252(sheet), "windows-1252", false),
        (utf16(sheet, true), "UTF-16LE", true),
        (utf16(sheet, false), "UTF-16BE", true),
    ] {
        let mut bp = blueprint();
        bp.standards[1].statement = "Habitación lista a las 15:00".into();
        let report = import_measurements_bytes(&mut bp, &bytes)
            .unwrap_or_else(|e| panic!("{encoding} {bom}: {e}"));
        assert_eq!(report.added, 3, "{encoding}: {report:?}");
        assert!(report.skipped.is_empty(), "{encoding}: {report:?}");
        assert_eq!(report.format.encoding, encoding);
        assert_eq!(report.format.bom, bom, "{encoding}");
        assert_eq!(report.format.separator, ';');
        expected(&bp);
    }
}

#[test]
fn a_csv_that_cannot_be_read_names_the_real_cause() {
    let mut bp = blueprint();
    let before = bp.clone();
    let e = import_measurements(&mut bp, "fecha;valor\n2026-01-01;3\n")
        .unwrap_err()
        .to_string();
    assert!(e.contains("`date` and `value`"), "{e}");
    assert!(
        e.contains("`;`"),
        "the message names the separator it read: {e}"
    );
    assert!(
        e.contains("`fecha`, `valor`"),
        "and the columns it found: {e}"
    );
    // UTF-16 without a byte-order mark.
    let no_bom = utf16("standard_id,date,value\n", true)[2..].to_vec();
    let e = import_measurements_bytes(&mut bp, &no_bom)
        .unwrap_err()
        .to_string();
    assert!(e.contains("UTF-16"), "{e}");
    // A UTF-8 byte-order mark on text that is not UTF-8.
    let mut bad = b"\xEF\xBB\xBFstandard_id,date,value\nstd-0,2026-01-01,1\n".to_vec();
    bad.extend(windows_1252("std-0,2026-01-02,2 ó\n"));
    let e = import_measurements_bytes(&mut bp, &bad)
        .unwrap_err()
        .to_string();
    assert!(e.contains("line 3") && e.contains("not UTF-8"), "{e}");
    // Day-first dates only where the separator says the file is European.
    let report =
        import_measurements(&mut bp, "standard_id,date,value\nstd-0,15/05/2026,1\n").unwrap();
    assert_eq!(
        report.skipped[0].reason.to_string(),
        "`15/05/2026` is not a date of the form YYYY-MM-DD"
    );
    assert_eq!(report.added, 0);
    assert_eq!(bp, before);
}

#[test]
fn two_hundred_thousand_rows_onto_one_standard_are_added_and_their_repeats_counted() {
    let mut bp = blueprint();
    let mut csv = String::from("standard_id,date,value\n");
    let rows = 200_000;
    for i in 0..rows {
        let day = i % 28 + 1;
        let month = i / 28 % 12 + 1;
        let year = 2000 + i / (28 * 12);
        csv.push_str(&format!("std-0,{year}-{month:02}-{day:02},{i}.5\n"));
    }
    // Every row twice: the second half are all duplicates.
    let twice = format!("{csv}{}", csv.split_once('\n').unwrap().1);
    // (Its speed is measured with the command, not asserted here: quadratic
    // matching took 156 s for this in a debug build, one pass 1.5 s.)
    let report = import_measurements(&mut bp, &twice).unwrap();
    assert_eq!(report.added, rows);
    assert_eq!(report.duplicates, rows);
}

#[test]
fn the_measurement_limit_is_checked_before_anything_is_added() {
    let mut bp = blueprint();
    let held: usize = bp.standards.iter().map(|s| s.measurements.len()).sum();
    let room = limits::MEASUREMENTS - held;
    let m = bp.standards[0].measurements[0].clone();
    bp.standards[0]
        .measurements
        .extend(std::iter::repeat_n(m, room - 1));
    let before = bp.clone();
    let csv =
        "standard_id,date,value\nstd-0,2030-01-01,1\nstd-4,2030-01-01,2\nstd-8,2030-01-01,3\n";
    let e = import_measurements(&mut bp, csv).unwrap_err().to_string();
    assert!(e.contains("1,000,000"), "the message names the limit: {e}");
    assert!(e.contains("line 3"), "and the row that would pass it: {e}");
    assert!(bp == before, "nothing was added");
    // Exactly up to the limit is fine.
    let report = import_measurements(&mut bp, "standard_id,date,value\nstd-0,2030-01-01,1\n");
    assert_eq!(report.unwrap().added, 1);
}

#[test]
fn the_standards_sheet_neutralises_formulas_and_still_imports_back() {
    let mut bp = blueprint();
    let nasty = [
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+1 guest greeted",
        "-5 min waited",
        "@SUM(A1:A9)",
        "\tTabbed",
        "\rReturned",
        "'=already quoted",
        "'Tis a plain statement",
    ];
    let base = bp.standards[0].clone();
    bp.standards.clear();
    for (i, statement) in nasty.iter().enumerate() {
        let mut s = base.clone();
        s.id = StandardId::from(format!("std-n{i}"));
        s.statement = (*statement).into();
        s.owner = "=cmd|' /C calc'!A0".into();
        s.target = Some(-5.0);
        s.measurements = vec![Measurement {
            date: "2026-03-01".parse().unwrap(),
            value: -1.234 - i as f64,
        }];
        bp.standards.push(s);
    }
    assert!(bp.problems().is_empty());
    let sheet = standards_csv(&bp, Language::En);
    let mut r = csv::Reader::from_reader(sheet.as_bytes());
    let headers = r.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let rows: Vec<_> = r.records().map(|r| r.unwrap()).collect();
    for (row, statement) in rows.iter().zip(nasty) {
        let cell = &row[col("statement")];
        let dangerous =
            statement.starts_with(['=', '+', '-', '@', '\t', '\r']) || statement.starts_with("'=");
        if dangerous {
            assert_eq!(cell, format!("'{statement}"));
        } else {
            assert_eq!(cell, statement);
        }
        assert_eq!(&row[col("owner")], "'=cmd|' /C calc'!A0");
        assert_eq!(&row[col("target")], "-5", "numbers stay numbers");
        assert!(row[col("latest_value")].starts_with('-'), "{row:?}");
    }
    // The sheet as it is re-imports as duplicates: every row matched by its statement.
    let without_ids = |sheet: &str, date: &str| {
        let mut r = csv::Reader::from_reader(sheet.as_bytes());
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["statement", "latest_date", "latest_value"])
            .unwrap();
        for row in r.records() {
            let row = row.unwrap();
            let d = if date.is_empty() {
                &row[col("latest_date")]
            } else {
                date
            };
            w.write_record([&row[col("statement")], d, &row[col("latest_value")]])
                .unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    };
    let mut again = bp.clone();
    let report = import_measurements(&mut again, &without_ids(&sheet, "")).unwrap();
    assert_eq!(
        (report.added, report.duplicates),
        (0, nasty.len()),
        "{report:?}"
    );
    assert!(report.skipped.is_empty(), "{report:?}");
    // With a new date, every value arrives on its own standard.
    let report = import_measurements(&mut again, &without_ids(&sheet, "2026-04-01")).unwrap();
    assert_eq!(report.added, nasty.len(), "{report:?}");
    for (i, s) in again.standards.iter().enumerate() {
        let latest = s.latest().unwrap();
        assert_eq!(latest.date.to_string(), "2026-04-01");
        assert_eq!(latest.value, -1.234 - i as f64);
    }
}

/// A number written as a spreadsheet in a locale would: `;` files with
/// decimal commas and `.` between thousands, others with decimal points and
/// `,` between thousands; groups only where they cannot be read as decimals.
fn write_number(mantissa: i64, decimals: u32, group: bool, european: bool) -> String {
    let digits = mantissa.unsigned_abs().to_string();
    let digits = format!("{digits:0>width$}", width = decimals as usize + 1);
    let (int, frac) = digits.split_at(digits.len() - decimals as usize);
    let (dec, sep) = if european { (',', '.') } else { ('.', ',') };
    let grouped = group && int.len() > 3 && (decimals > 0 || int.len() > 6);
    let mut int_text = String::new();
    for (i, c) in int.chars().enumerate() {
        if grouped && i > 0 && (int.len() - i) % 3 == 0 {
            int_text.push(sep);
        }
        int_text.push(c);
    }
    let sign = if mantissa < 0 { "-" } else { "" };
    if decimals == 0 {
        format!("{sign}{int_text}")
    } else {
        format!("{sign}{int_text}{dec}{frac}")
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]
    /// The property of the import_csv fuzz target, on CSV bytes made with
    /// every separator, encoding and way of writing numbers: what is written
    /// unambiguously comes back exactly; anything else is refused whole or
    /// stores only finite values, and never panics.
    #[test]
    fn generated_csv_bytes_import_exactly_or_not_at_all(
        separator in proptest::sample::select(vec![',', ';', '\t']),
        encoding in 0..5u8,
        crlf: bool,
        european_tabs: bool,
        rows in proptest::collection::vec(
            (0..3usize, 0..3000u32, -2_000_000_000i64..2_000_000_000, 0..5u32, proptest::bool::ANY, proptest::bool::ANY),
            1..30,
        ),
        noise in proptest::collection::vec(proptest::num::u8::ANY, 0..12),
        noise_at in 0..2000usize,
    ) {
        let european = match separator {
            ';' => true,
            ',' => false,
            _ => european_tabs,
        };
        let end = if crlf { "\r\n" } else { "\n" };
        let mut text = format!("note{separator}standard_id{separator}date{separator}value{end}");
        let mut expected = Vec::new();
        for &(standard, day, mantissa, decimals, group, iso) in &rows {
            // 3 decimals after 1-3 digits read as thousands where the file does not fix the mark.
            let decimals = if separator == '\t' && decimals == 3 { 2 } else { decimals };
            let date = Date::new(2020 + (day / 336) as u16, (day / 28 % 12 + 1) as u8, (day % 28 + 1) as u8).unwrap();
            let date_text = if iso || !european || separator != ';' {
                date.to_string()
            } else {
                format!("{}/{}/{}", date.day, date.month, date.year)
            };
            let mut number = write_number(mantissa, decimals, group, european);
            if number.contains(separator) {
                number = format!("\"{number}\"");
            }
            let value: f64 = format!("{}e-{decimals}", mantissa).parse().unwrap();
            expected.push((standard, date, value));
            text.push_str(&format!(
                "Habitación ñ €{separator}std-{}{separator}{date_text}{separator}{number}{end}",
                standard * 4
            ));
        }
        let mut bytes = match encoding {
            0 => text.clone().into_bytes(),
            1 => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            2 => windows_1252(&text),
            3 => utf16(&text, true),
            _ => utf16(&text, false),
        };
        let mut bp = blueprint();
        let report = import_measurements_bytes(&mut bp, &bytes);
        let report = report.map_err(|e| proptest::test_runner::TestCaseError::fail(format!("{e}\n{text}")))?;
        proptest::prop_assert!(report.skipped.is_empty(), "{report:?}\n{text}");
        proptest::prop_assert_eq!(report.added + report.duplicates, rows.len());
        for (standard, date, value) in expected {
            let found = bp.standards[standard].measurements.iter().any(|m| m.date == date && m.value == value);
            proptest::prop_assert!(found, "{date} {value} missing on std-{}\n{text}", standard * 4);
        }

        // The same bytes with noise spliced in: refused untouched, or stored finite and valid.
        let at = noise_at.min(bytes.len());
        bytes.splice(at..at, noise);
        let mut bp = blueprint();
        let before = bp.clone();
        match import_measurements_bytes(&mut bp, &bytes) {
            Ok(_) => {
                proptest::prop_assert!(bp.standards.iter().flat_map(|s| &s.measurements).all(|m| m.value.is_finite()));
                proptest::prop_assert!(bp.problems().is_empty());
            }
            Err(_) => proptest::prop_assert!(bp == before, "stored despite the error"),
        }
    }
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

/// The reasons rows are skipped, and the reason a file is refused, are
/// given in Spanish to a Spanish user.
#[test]
fn an_import_gives_its_reasons_in_spanish() {
    use servuction::i18n::Localized;
    let mut bp = blueprint();
    let id0 = bp.standards[0].id.clone();
    let csv = format!(
        "standard_id,statement,date,value\n\
         std-nope,,2026-04-03,3\n\
         {id0},,2026-13-01,3\n\
         {id0},,2026-04-05,lots\n\
         ,Served within 2 min,2026-04-06,2\n\
         ,nadie dice esto,2026-04-06,2\n"
    );
    let report = import_measurements(&mut bp, &csv).unwrap();
    let reasons: Vec<String> = report
        .skipped
        .iter()
        .map(|s| s.reason.message(Language::Es))
        .collect();
    assert_eq!(
        reasons,
        [
            "ningún estándar tiene el id `std-nope`",
            "`2026-13-01` no es un día del calendario",
            "`lots` no es un número",
            "2 estándares dicen «Served within 2 min»; indique un standard_id",
            "ningún estándar dice «nadie dice esto»",
        ]
    );
    let e =
        import_measurements(&mut bp, "standard_id,date,value\nstd-0,2026-01-01,1,5\n").unwrap_err();
    let es = e.message(Language::Es);
    assert!(
        es.starts_with("línea 2, columna 4: la fila tiene 4 campos pero la cabecera tiene 3; ¿es una coma decimal?"),
        "{es}"
    );
    assert!(es.ends_with("no se añadió nada"), "{es}");
    assert_eq!(e.to_string(), e.message(Language::En));
    assert!(
        e.to_string()
            .starts_with("line 2, column 4: the row has 4 fields")
    );
}
