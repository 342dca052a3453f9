//! Standards to CSV, and measured values from CSV.

use super::csv_error::{ImportError, Refusal, RowError, SkipReason};
use super::csv_text::{self, NumberError, Numbers, protect, unprotect};
use crate::i18n;
use crate::model::{Blueprint, Date, Language, Measurement, limits};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Every standard of the blueprint, one row each, with its touchpoint, lane,
/// stage, levels and latest value. Column names are fixed (English, snake
/// case) so scripts can rely on them; values such as the status are in `lang`.
/// `target` (the desired level) and `tolerance` are the file's fields, empty
/// when not set; `adequate_level` is the level in effect, the default one
/// included (the same as compliance judges by).
///
/// In Spanish the sheet is written as a spreadsheet set to Spanish opens it
/// with a double click: fields separated by `;`, decimal commas (`97,5`,
/// never grouped in thousands) and a byte-order mark, so that accents are
/// read as UTF-8. `import_measurements` reads both ways back.
///
/// A text cell that a spreadsheet would run as a formula (one beginning with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as
/// OWASP advises against CSV injection; numbers and dates are written as
/// they are, so a target of -5 stays `-5`. `import_measurements` takes the
/// `'` off again.
pub fn standards_csv(bp: &Blueprint, lang: Language) -> String {
    let (mut w, bom) = csv_text::sheet_writer(lang);
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
        "adequate_level",
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
    let num = |v: Option<f64>| v.map(|v| csv_number(v, lang)).unwrap_or_default();
    for s in &bp.standards {
        let tp = bp.touchpoint(&s.touchpoint);
        let lane = tp
            .and_then(|t| bp.lane(&t.lane))
            .map_or("", |l| l.name.as_str());
        let (stage, step) = tp
            .and_then(|t| place.get(&t.step).copied())
            .unwrap_or(("", ""));
        let latest = s.latest();
        let cells = [
            protect(s.id.as_str()),
            protect(&s.statement),
            protect(s.touchpoint.as_str()),
            protect(tp.map_or("", |t| t.title.as_str())),
            protect(lane),
            protect(stage),
            protect(step),
            protect(&s.indicator),
            protect(&s.unit),
            protect(i18n::direction(s.direction).text(lang)),
            num(s.target).into(),
            num(s.tolerance).into(),
            // Rounded to nine decimals: 1.1 less a tenth is written 0.99.
            num(s.adequate_level().map(|v| (v * 1e9).round() / 1e9)).into(),
            protect(s.method.map_or("", |m| i18n::method(m).text(lang))),
            protect(&s.owner),
            latest
                .map(|m| m.date.to_string())
                .unwrap_or_default()
                .into(),
            num(latest.map(|m| m.value)).into(),
            protect(i18n::compliance(s.compliance()).text(lang)),
            s.measurements.len().to_string().into(),
        ];
        let _ = w.write_record(cells.iter().map(|c| c.as_bytes()));
    }
    csv_text::sheet_text(w, bom)
}

/// A number in a sheet: in full, with the language's decimal mark and no
/// thousands separators (`1234.5` / `1234,5`).
fn csv_number(v: f64, lang: Language) -> String {
    let text = v.to_string();
    match lang {
        Language::En => text,
        Language::Es => text.replace('.', ","),
    }
}

/// A CSV row that was not imported, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct SkippedRow {
    /// The line of the row in the CSV file (the header is line 1).
    pub line: u64,
    pub reason: SkipReason,
}

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    /// Measured values added.
    pub added: usize,
    /// Rows already in the blueprint (same standard, date and value).
    pub duplicates: usize,
    pub skipped: Vec<SkippedRow>,
    /// How the file was read.
    pub format: CsvFormat,
}

/// How the bytes of a CSV file were read: their encoding and the separator
/// of their fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvFormat {
    /// The encoding's WHATWG name: `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`.
    pub encoding: &'static str,
    /// Whether the file began with a byte-order mark.
    pub bom: bool,
    /// The separator of the fields: `,`, `;` or a tab.
    pub separator: char,
}

impl Default for CsvFormat {
    fn default() -> Self {
        Self {
            encoding: "UTF-8",
            bom: false,
            separator: ',',
        }
    }
}

impl fmt::Display for CsvFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::i18n::Localized;
        f.write_str(&self.message(Language::En))
    }
}

/// The largest CSV of measured values read: 64 MiB, some 30 times the
/// 1,000,000 values a blueprint may hold in the widest sheet we write.
pub const MAX_CSV_BYTES: u64 = crate::format::MAX_FILE_BYTES;

/// The bytes of a CSV file to import, for the command line and the editor
/// alike: only a regular file of at most [`MAX_CSV_BYTES`] is read (a
/// device such as `/dev/zero` or a pipe is refused at once).
pub fn read_csv_file(path: &std::path::Path) -> Result<Vec<u8>, crate::format::ReadError> {
    crate::format::read_limited(path, MAX_CSV_BYTES)
}

/// Adds the measured values in `csv_text` to the blueprint's standards; see
/// `import_measurements_bytes`.
pub fn import_measurements(
    bp: &mut Blueprint,
    csv_text: &str,
) -> Result<ImportReport, ImportError> {
    import_measurements_bytes(bp, csv_text.as_bytes())
}

/// Adds the measured values in a CSV file to the blueprint's standards.
///
/// The file may be UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark, or else Windows-1252/Latin-1, with `,`, `;` or tabs
/// between fields (as its header line shows) and CRLF or LF line ends: the
/// CSVs spreadsheets write. Numbers may have decimal points or commas and
/// thousands separators, read as the module `csv_text` explains; in a
/// `;`-separated file dates may also be written day first (`15/05/2026`).
///
/// The CSV needs a header with `date` and `value` columns, and a
/// `standard_id` column, or else a `statement` column matching exactly one
/// standard's statement (ignoring case). This is the format `standards_csv`
/// writes, so an exported sheet with new dates and values re-imports as it is.
///
/// Rows that cannot be matched (an unknown standard, a date or value that is
/// not one) are reported and skipped; the others are added. A row that
/// cannot be read without guessing refuses the whole file, with its line and
/// column, and nothing is added: one with more fields than the header (a
/// decimal comma unquoted in a `,`-separated file), or a number that could
/// be read two ways. So does a file that would take the blueprint past
/// `limits::MEASUREMENTS`: every row is checked before any is added. The
/// work is linear in the rows.
pub fn import_measurements_bytes(
    bp: &mut Blueprint,
    bytes: &[u8],
) -> Result<ImportReport, ImportError> {
    let decoded = csv_text::decode(bytes)?;
    let format = CsvFormat {
        encoding: decoded.encoding,
        bom: decoded.bom,
        separator: csv_text::separator(&decoded.text),
    };
    let (report, new) = plan(bp, &decoded.text, format)?;
    for (standard, measurement) in new {
        bp.standards[standard].measurements.push(measurement);
    }
    Ok(report)
}

/// What an import would add, to which standard (by index), without adding it.
fn plan(
    bp: &Blueprint,
    text: &str,
    format: CsvFormat,
) -> Result<(ImportReport, Vec<(usize, Measurement)>), ImportError> {
    let separator = format.separator;
    let (mut reader, headers) = csv_text::reader(text, format)?;
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(date_col), Some(value_col)) = (
        col("date").or(col("latest_date")),
        col("value").or(col("latest_value")),
    ) else {
        return Err(ImportError::NoDateValue {
            format,
            found: headers.iter().take(12).map(str::to_owned).collect(),
            more: headers.len() > 12,
        });
    };
    let id_col = col("standard_id").or(col("standard"));
    let statement_col = col("statement");
    if id_col.is_none() && statement_col.is_none() {
        return Err(ImportError::NoStandardColumn);
    }

    // Lookups built once: matching a row costs the same however many standards
    // and measured values there are.
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (i, s) in bp.standards.iter().enumerate() {
        by_id.entry(s.id.as_str()).or_insert(i);
    }
    let mut by_statement: HashMap<String, Vec<usize>> = HashMap::new();
    if statement_col.is_some() {
        for (i, s) in bp.standards.iter().enumerate() {
            by_statement
                .entry(s.statement.trim().to_ascii_lowercase())
                .or_default()
                .push(i);
        }
    }
    // The measured values of each standard a row names, to find duplicates;
    // filled the first time a row names the standard.
    let mut known: Vec<Option<HashSet<(Date, u64)>>> = vec![None; bp.standards.len()];
    let key = |date: Date, value: f64| (date, if value == 0.0 { 0 } else { value.to_bits() });
    let held: usize = bp.standards.iter().map(|s| s.measurements.len()).sum();

    let mut numbers = Numbers::new(separator);
    let mut report = ImportReport {
        format,
        ..ImportReport::default()
    };
    let mut new = Vec::new();
    let mut errors: (Option<RowError>, usize) = (None, 0);
    let mut error = |line: u64, column: usize, why: Refusal| {
        errors.1 += 1;
        errors.0.get_or_insert(RowError { line, column, why });
    };
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                report.skipped.push(SkippedRow {
                    line,
                    reason: SkipReason::Unreadable(e.to_string()),
                });
                continue;
            }
        }
        let line = record.position().map_or(0, |p| p.line());
        if record.len() > headers.len() && record.iter().skip(headers.len()).any(|f| !f.is_empty())
        {
            error(
                line,
                headers.len() + 1,
                Refusal::TooManyFields {
                    fields: record.len(),
                    header: headers.len(),
                    comma_hint: separator == ',',
                },
            );
            continue;
        }
        let mut skip = |reason: SkipReason| report.skipped.push(SkippedRow { line, reason });
        let field = |c: Option<usize>| c.and_then(|c| record.get(c)).unwrap_or("");
        let (date_text, value_text) = (field(Some(date_col)), field(Some(value_col)));
        if date_text.is_empty() && value_text.is_empty() {
            continue; // a standard without a new value, as in an exported sheet
        }
        let date = match csv_text::read_date(date_text, separator == ';') {
            Ok(d) => d,
            Err(e) => {
                skip(SkipReason::Date(e));
                continue;
            }
        };
        let value = match numbers.read(value_text, line) {
            Ok(v) => v,
            Err(NumberError::NotANumber) => {
                skip(SkipReason::NotANumber(value_text.to_owned()));
                continue;
            }
            Err(NumberError::Refused(why)) => {
                error(line, value_col + 1, Refusal::Number(why));
                continue;
            }
        };
        let id = unprotect(field(id_col));
        let target = if !id.is_empty() {
            match by_id.get(id) {
                Some(&i) => i,
                None => {
                    skip(SkipReason::NoId(id.to_owned()));
                    continue;
                }
            }
        } else {
            let statement = unprotect(field(statement_col)).trim();
            match by_statement
                .get(&statement.to_ascii_lowercase())
                .map(Vec::as_slice)
            {
                Some(&[i]) => i,
                None | Some(&[]) => {
                    skip(SkipReason::NoStatement(statement.to_owned()));
                    continue;
                }
                Some(matches) => {
                    skip(SkipReason::ManyStatements {
                        count: matches.len(),
                        statement: statement.to_owned(),
                    });
                    continue;
                }
            }
        };
        let seen = known[target].get_or_insert_with(|| {
            bp.standards[target]
                .measurements
                .iter()
                .map(|m| key(m.date, m.value))
                .collect()
        });
        if !seen.insert(key(date, value)) {
            report.duplicates += 1;
            continue;
        }
        if held + new.len() >= limits::MEASUREMENTS {
            if let Some(first) = errors.0 {
                return Err(ImportError::Refused {
                    first: Box::new(first),
                    others: errors.1.saturating_sub(1),
                });
            }
            return Err(ImportError::TooManyValues {
                line,
                limit: limits::MEASUREMENTS,
                held,
                adding: new.len(),
            });
        }
        new.push((target, Measurement { date, value }));
    }
    if let (Some(first), count) = errors {
        return Err(ImportError::Refused {
            first: Box::new(first),
            others: count.saturating_sub(1),
        });
    }
    report.added = new.len();
    Ok((report, new))
}

impl ImportReport {
    /// A summary for people, in a language.
    pub fn summary(&self, lang: Language) -> String {
        use crate::i18n::Plural;
        [
            Plural::ValuesAdded.count(lang, self.added),
            Plural::ValuesThere.count(lang, self.duplicates),
            Plural::RowsSkipped.count(lang, self.skipped.len()),
        ]
        .join(", ")
    }
}
