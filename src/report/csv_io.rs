//! Standards to CSV, and measured values from CSV.

use crate::i18n::{self, Msg};
use crate::model::{Blueprint, Date, Language, Measurement};
use std::collections::HashMap;

/// Every standard of the blueprint, one row each, with its touchpoint, lane,
/// stage, target and latest value. Column names are fixed (English, snake
/// case) so scripts can rely on them; values such as the status are in `lang`.
pub fn standards_csv(bp: &Blueprint, lang: Language) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "standard_id",
        "statement",
        "touchpoint_id",
        "touchpoint",
        "lane",
        "stage",
        "step",
        "indicator",
        "unit",
        "direction",
        "target",
        "tolerance",
        "method",
        "owner",
        "latest_date",
        "latest_value",
        "status",
        "measurements",
    ]);
    let mut place = HashMap::new();
    for (stage, step) in bp.steps() {
        place.insert(&step.id, (stage.name.as_str(), step.name.as_str()));
    }
    let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
    for s in &bp.standards {
        let tp = bp.touchpoint(&s.touchpoint);
        let lane = tp
            .and_then(|t| bp.lane(&t.lane))
            .map_or("", |l| l.name.as_str());
        let (stage, step) = tp
            .and_then(|t| place.get(&t.step).copied())
            .unwrap_or(("", ""));
        let latest = s.latest();
        let _ = w.write_record([
            s.id.as_str(),
            &s.statement,
            s.touchpoint.as_str(),
            tp.map_or("", |t| t.title.as_str()),
            lane,
            stage,
            step,
            &s.indicator,
            &s.unit,
            i18n::direction(s.direction).text(lang),
            &num(s.target),
            &num(s.tolerance),
            s.method.map_or("", |m| i18n::method(m).text(lang)),
            &s.owner,
            &latest.map(|m| m.date.to_string()).unwrap_or_default(),
            &num(latest.map(|m| m.value)),
            i18n::compliance(s.compliance()).text(lang),
            &s.measurements.len().to_string(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// A CSV row that was not imported, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct SkippedRow {
    /// The line of the row in the CSV file (the header is line 1).
    pub line: u64,
    pub reason: String,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Measured values added.
    pub added: usize,
    /// Rows already in the blueprint (same standard, date and value).
    pub duplicates: usize,
    pub skipped: Vec<SkippedRow>,
}

/// Adds the measured values in `csv_text` to the blueprint's standards.
///
/// The CSV needs a header with `date` and `value` columns, and a
/// `standard_id` column, or else a `statement` column matching exactly one
/// standard's statement (ignoring case). This is the format `standards_csv`
/// writes, so an exported sheet with new dates and values re-imports as it is.
/// Rows that cannot be matched are reported and skipped; the others are added.
pub fn import_measurements(bp: &mut Blueprint, csv_text: &str) -> Result<ImportReport, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(csv_text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("cannot read the CSV header: {e}"))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(date_col), Some(value_col)) = (
        col("date").or(col("latest_date")),
        col("value").or(col("latest_value")),
    ) else {
        return Err("the CSV needs `date` and `value` columns".into());
    };
    let id_col = col("standard_id").or(col("standard"));
    let statement_col = col("statement");
    if id_col.is_none() && statement_col.is_none() {
        return Err("the CSV needs a `standard_id` or a `statement` column".into());
    }
    let mut report = ImportReport::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                report.skipped.push(SkippedRow {
                    line,
                    reason: format!("unreadable row: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let mut skip = |reason: String| report.skipped.push(SkippedRow { line, reason });
        let field = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("");
        let (date_text, value_text) = (field(Some(date_col)), field(Some(value_col)));
        if date_text.is_empty() && value_text.is_empty() {
            continue; // a standard without a new value, as in an exported sheet
        }
        let date: Date = match date_text.parse() {
            Ok(d) => d,
            Err(e) => {
                skip(e);
                continue;
            }
        };
        let value: f64 = match value_text.replace(',', ".").parse::<f64>() {
            Ok(v) if v.is_finite() => v,
            _ => {
                skip(format!("`{value_text}` is not a number"));
                continue;
            }
        };
        let id = field(id_col);
        let target = if !id.is_empty() {
            match bp.standards.iter().position(|s| s.id.as_str() == id) {
                Some(i) => i,
                None => {
                    skip(format!("no standard has the id `{id}`"));
                    continue;
                }
            }
        } else {
            let statement = field(statement_col);
            let matches: Vec<_> = bp
                .standards
                .iter()
                .enumerate()
                .filter(|(_, s)| s.statement.trim().eq_ignore_ascii_case(statement))
                .map(|(i, _)| i)
                .collect();
            match matches[..] {
                [i] => i,
                [] => {
                    skip(format!("no standard reads \"{statement}\""));
                    continue;
                }
                _ => {
                    skip(format!(
                        "{} standards read \"{statement}\"; give a standard_id",
                        matches.len()
                    ));
                    continue;
                }
            }
        };
        let standard = &mut bp.standards[target];
        if standard
            .measurements
            .iter()
            .any(|m| m.date == date && m.value == value)
        {
            report.duplicates += 1;
            continue;
        }
        standard.measurements.push(Measurement { date, value });
        report.added += 1;
    }
    Ok(report)
}

impl ImportReport {
    /// A summary for people, in a language.
    pub fn summary(&self, lang: Language) -> String {
        Msg::ImportSummary.fill(lang, &[&self.added, &self.duplicates, &self.skipped.len()])
    }
}
