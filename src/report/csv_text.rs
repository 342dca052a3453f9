//! The text of CSV files as spreadsheets write them: the encoding of the
//! bytes, the separator of the fields, numbers with decimal points or
//! commas, dates, and the `'` that keeps a spreadsheet from running a cell.
//!
//! # How numbers are read
//!
//! A number has an optional sign, digits with at most one decimal mark,
//! optional thousands separators, and an optional exponent (`1,5E-3`). The
//! decimal mark is `.` or `,`; the other one may group thousands: groups of
//! three digits after a first group of one to three (`1.234.567,8`,
//! `1,234,567.8`). A value is read only when it has exactly one reading:
//!
//! - The separator fixes which mark may group thousands. A `,`-separated file
//!   is written the English way: `,` may group thousands (in a quoted
//!   field) and `.` marks decimals only. A `;`-separated file is what a
//!   spreadsheet writes where `,` is the decimal mark (Spanish Excel): `.`
//!   may group thousands and `,` marks decimals only. A file separated by
//!   tabs fixes nothing until its first value that groups thousands beyond
//!   doubt (`1.234,5`, `1,234,567`); later values must group the same way.
//! - A value that groups with the other mark is an error, not a guess:
//!   `"1.234,5"` in a `,`-separated file, `1,234.5` in a `;`-separated one.
//! - A value whose one mark may be either is ambiguous, an error:
//!   `"1,234"` in a `,`-separated file (1234 or 1.234?), `1.234` in a
//!   `;`-separated one. A mark that cannot group thousands is a decimal
//!   mark in any file: `"1,7"`, `0,234`, `1,2345`, `12.5`.

use super::csv_error::{DateError, ImportError, NumberRefusal};
use crate::model::Date;
use std::borrow::Cow;

/// The characters that make a spreadsheet read a cell as a formula (OWASP's
/// CSV injection list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell a spreadsheet will not run: one that a spreadsheet would read
/// as a formula gets a leading `'`. So does text that already begins with
/// quotes before such a character, so that `unprotect` gives back exactly
/// the text.
pub(super) fn protect(text: &str) -> Cow<'_, str> {
    if text.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The text that `protect` wrote as `field`: without the leading `'` it added.
pub(super) fn unprotect(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => field,
    }
}

/// A writer of a sheet as spreadsheets in the language open it with a
/// double click: in English `,`-separated; in Spanish `;`-separated, to be
/// finished with a byte-order mark (the second value) so that accents are
/// read as UTF-8.
pub(super) fn sheet_writer(lang: crate::model::Language) -> (csv::Writer<Vec<u8>>, &'static str) {
    let (separator, bom) = match lang {
        crate::model::Language::En => (b',', ""),
        crate::model::Language::Es => (b';', "\u{feff}"),
    };
    let w = csv::WriterBuilder::new()
        .delimiter(separator)
        .from_writer(Vec::new());
    (w, bom)
}

/// The text a sheet's writer wrote, after its byte-order mark.
pub(super) fn sheet_text(w: csv::Writer<Vec<u8>>, bom: &str) -> String {
    let text = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    format!("{bom}{text}")
}

/// A reader of CSV text separated as `format` says, fields trimmed, rows of
/// any length, with its header.
pub(super) fn reader(
    text: &str,
    format: super::CsvFormat,
) -> Result<(csv::Reader<&[u8]>, csv::StringRecord), ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(format.separator as u8)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| ImportError::Header {
            format,
            detail: e.to_string(),
        })?
        .clone();
    Ok((reader, headers))
}

/// CSV text decoded from a file's bytes, and how.
#[derive(Debug)]
pub(super) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// The encoding's WHATWG name.
    pub encoding: &'static str,
    pub bom: bool,
}

/// The text of a CSV file: UTF-8, UTF-16LE or UTF-16BE after their
/// byte-order mark; without one, UTF-8 if the bytes are UTF-8, else
/// Windows-1252 (which includes Latin-1's letters), what spreadsheets on
/// Windows write as "CSV" in western languages.
pub(super) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, ImportError> {
    if let Some((encoding, bom_length)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = &bytes[bom_length..];
        let name = encoding.name();
        if encoding == encoding_rs::UTF_8 {
            return match std::str::from_utf8(rest) {
                Ok(text) => Ok(Decoded {
                    text: Cow::Borrowed(text),
                    encoding: name,
                    bom: true,
                }),
                Err(e) => {
                    let line = 1 + rest[..e.valid_up_to()]
                        .iter()
                        .filter(|&&b| b == b'\n')
                        .count();
                    Err(ImportError::BadUtf8 {
                        line,
                        byte: rest[e.valid_up_to()],
                    })
                }
            };
        }
        return match encoding.decode_without_bom_handling_and_without_replacement(rest) {
            Some(text) => Ok(Decoded {
                text,
                encoding: name,
                bom: true,
            }),
            None => Err(ImportError::BadUtf16 { encoding: name }),
        };
    }
    if bytes.contains(&0) {
        return Err(ImportError::NulBytes);
    }
    Ok(match std::str::from_utf8(bytes) {
        Ok(text) => Decoded {
            text: Cow::Borrowed(text),
            encoding: encoding_rs::UTF_8.name(),
            bom: false,
        },
        Err(_) => Decoded {
            text: encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0,
            encoding: encoding_rs::WINDOWS_1252.name(),
            bom: false,
        },
    })
}

/// The separator of the fields: whichever of `,`, `;` and tab occurs most
/// often outside quotes in the header line (the first that is not empty);
/// `,` when there is none, as in a file of one column.
pub(super) fn separator(text: &str) -> char {
    const CANDIDATES: [char; 3] = [',', ';', '\t'];
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.trim_start_matches(['\r', '\n']).chars() {
        match c {
            '"' => quoted = !quoted,
            '\r' | '\n' if !quoted => break,
            _ if !quoted => {
                if let Some(i) = CANDIDATES.iter().position(|&s| s == c) {
                    counts[i] += 1;
                }
            }
            _ => {}
        }
    }
    let mut best = 0;
    for i in 1..CANDIDATES.len() {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    CANDIDATES[best]
}

/// The separator in messages.
pub(super) fn separator_name(separator: char) -> Cow<'static, str> {
    match separator {
        '\t' => "tab".into(),
        c => format!("`{c}`").into(),
    }
}

/// A date as written in a CSV file: `YYYY-MM-DD`, or where the file is
/// written the European way (`;`-separated, see the module's notes) also
/// day first, as spreadsheets there write dates: `15/05/2026`, `1/6/2026`,
/// `15.05.2026`.
pub(super) fn read_date(text: &str, day_first: bool) -> Result<Date, DateError> {
    if let Ok(date) = text.parse::<Date>() {
        return Ok(date);
    }
    let b = text.as_bytes();
    if !day_first || b.len() == 10 && b[4] == b'-' {
        let iso_shape = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        return Err(if iso_shape {
            DateError::NotADay(text.to_owned())
        } else {
            DateError::NotIso(text.to_owned())
        });
    }
    let parts: Vec<&str> = text.split(['/', '.', '-']).collect();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    match parts[..] {
        [d, m, y] if digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4) => {
            let (Ok(d), Ok(m), Ok(y)) = (d.parse::<u8>(), m.parse::<u8>(), y.parse::<u16>()) else {
                return Err(DateError::NotIsoNorDayFirst(text.to_owned()));
            };
            Date::new(y, m, d).ok_or_else(|| DateError::NotADay(text.to_owned()))
        }
        _ => Err(DateError::NotIsoNorDayFirst(text.to_owned())),
    }
}

/// Why a value is not read as a number.
#[derive(Debug, PartialEq)]
pub(super) enum NumberError {
    /// Not a number at all: the row is skipped and reported.
    NotANumber,
    /// A number that cannot be read without guessing: the file is refused.
    Refused(NumberRefusal),
}

/// One way to read a number: its integer digits, its decimal digits, and the
/// mark it took to group thousands, if any.
#[derive(Clone, Debug)]
struct Reading<'a> {
    int: Cow<'a, str>,
    frac: &'a str,
    group: Option<char>,
}

/// Reads the numbers of one file, which must all be written one way (see
/// the module's notes).
#[derive(Debug)]
pub(super) struct Numbers {
    separator: char,
    /// The mark that may group thousands, as the separator fixes it.
    fixed_group: Option<char>,
    /// The mark that grouped thousands first in a file that fixes none, and
    /// the line where it did.
    seen_group: Option<(char, u64)>,
}

/// Whether `parts` are digit groups of a number written with thousands
/// separators: a first group of 1 to 3 digits, not starting with 0, then
/// groups of 3.
fn grouped<'a>(mut parts: impl Iterator<Item = &'a str>) -> bool {
    let Some(first) = parts.next() else {
        return false;
    };
    (1..=3).contains(&first.len()) && !first.starts_with('0') && parts.all(|p| p.len() == 3)
}

impl Numbers {
    pub fn new(separator: char) -> Self {
        let fixed_group = match separator {
            ',' => Some(','),
            ';' => Some('.'),
            _ => None,
        };
        Self {
            separator,
            fixed_group,
            seen_group: None,
        }
    }

    /// The mark that may group thousands at this point of the file, if one
    /// is known.
    fn group(&self) -> Option<char> {
        self.fixed_group.or(self.seen_group.map(|(g, _)| g))
    }

    /// The decimal mark of the file's way of writing, for suggestions.
    fn decimal(&self) -> char {
        if self.group() == Some('.') { ',' } else { '.' }
    }

    /// The number `text` stands for, read on line `line` of the file.
    pub fn read(&mut self, text: &str, line: u64) -> Result<f64, NumberError> {
        let (negative, body) = match text.as_bytes().first() {
            Some(b'-') => (true, &text[1..]),
            Some(b'+') => (false, &text[1..]),
            _ => (false, text),
        };
        let (mantissa, exponent) = match body.find(['e', 'E']) {
            Some(i) => (&body[..i], &body[i + 1..]),
            None => (body, "0"),
        };
        let exponent_digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
        if exponent_digits.is_empty() || !exponent_digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(NumberError::NotANumber);
        }
        if !mantissa.bytes().any(|b| b.is_ascii_digit())
            || !mantissa
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        {
            return Err(NumberError::NotANumber);
        }
        let readings = readings(mantissa);
        if readings.is_empty() {
            return Err(NumberError::NotANumber);
        }
        let group = self.group();
        let (fit, misfit): (Vec<_>, Vec<_>) = readings
            .into_iter()
            .partition(|r| r.group.is_none() || group.is_none() || r.group == group);
        let reading = match &fit[..] {
            [one] => one,
            [] => {
                // Every reading groups thousands with the mark the file does not.
                let r = &misfit[0];
                let g = r.group.unwrap_or(',');
                let why = match self.seen_group {
                    Some((seen, seen_line)) if self.fixed_group.is_none() => {
                        NumberRefusal::OtherGrouping {
                            text: text.to_owned(),
                            group: g,
                            seen_line,
                            seen,
                        }
                    }
                    _ => NumberRefusal::DecimalMark {
                        text: text.to_owned(),
                        group: g,
                        separator: self.separator,
                        instead: self.plain(negative, r, exponent),
                    },
                };
                return Err(NumberError::Refused(why));
            }
            [a, b, ..] => {
                let (grouping, decimals) = if a.group.is_some() { (a, b) } else { (b, a) };
                let mark = grouping.group.unwrap_or(',');
                let d = self.decimal();
                let sign = if negative { "-" } else { "" };
                let (thousands, int, frac) = (&grouping.int, &decimals.int, decimals.frac);
                return Err(NumberError::Refused(NumberRefusal::Ambiguous {
                    text: text.to_owned(),
                    mark,
                    thousands: format!("{sign}{thousands}"),
                    decimals: format!("{sign}{int}.{frac}"),
                    write_decimals: format!("{sign}{int}{d}{frac}"),
                }));
            }
        };
        if let (Some(g), None) = (reading.group, group) {
            self.seen_group = Some((g, line));
        }
        let int = if reading.int.is_empty() {
            "0"
        } else {
            &reading.int
        };
        let frac = if reading.frac.is_empty() {
            "0"
        } else {
            reading.frac
        };
        let sign = if negative { "-" } else { "" };
        match format!("{sign}{int}.{frac}e{exponent}").parse::<f64>() {
            Ok(v) if v.is_finite() => Ok(v),
            _ => Err(NumberError::NotANumber),
        }
    }

    /// A reading written without thousands separators, with the file's
    /// decimal mark: what to write instead.
    fn plain(&self, negative: bool, r: &Reading<'_>, exponent: &str) -> String {
        let mut s = String::new();
        if negative {
            s.push('-');
        }
        s.push_str(if r.int.is_empty() { "0" } else { &r.int });
        if !r.frac.is_empty() {
            s.push(self.decimal());
            s.push_str(r.frac);
        }
        if exponent != "0" {
            s.push('E');
            s.push_str(exponent);
        }
        s
    }
}

/// Every way to read a mantissa of digits, `.` and `,` (see the module's
/// notes), whatever the file.
fn readings(m: &str) -> Vec<Reading<'_>> {
    let dots = m.matches('.').count();
    let commas = m.matches(',').count();
    let mark = |c: char| (c, m.rfind(c).unwrap_or(0));
    match (dots, commas) {
        (0, 0) => vec![Reading {
            int: m.into(),
            frac: "",
            group: None,
        }],
        (_, 0) | (0, _) => {
            let (c, at) = if dots > 0 { mark('.') } else { mark(',') };
            let count = dots.max(commas);
            let (int, frac) = (&m[..at], &m[at + 1..]);
            let mut v = Vec::new();
            if count == 1 {
                v.push(Reading {
                    int: int.into(),
                    frac,
                    group: None,
                });
            }
            if grouped(m.split(c)) {
                v.push(Reading {
                    int: m.replace(c, "").into(),
                    frac: "",
                    group: Some(c),
                });
            }
            v
        }
        _ => {
            // Both marks: the last is the decimal mark, the other groups thousands.
            let (dot, comma) = (mark('.'), mark(','));
            let ((d, at), g) = if dot.1 > comma.1 {
                (dot, ',')
            } else {
                (comma, '.')
            };
            let (int, frac) = (&m[..at], &m[at + 1..]);
            if int.contains(d) || !grouped(int.split(g)) {
                return Vec::new();
            }
            vec![Reading {
                int: int.replace(g, "").into(),
                frac,
                group: Some(g),
            }]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protect_and_unprotect_are_inverse() {
        for text in [
            "=1+1", "+1", "-5 min", "@x", "\tx", "\rx", "'=x", "''+x", "'Tis", "''", "'", "",
            "plain", "- ",
        ] {
            let p = protect(text);
            assert!(!p.starts_with(FORMULA_STARTS), "{text:?} -> {p:?}");
            assert_eq!(unprotect(&p), text, "{p:?}");
        }
        assert_eq!(protect("=1"), "'=1");
        assert_eq!(protect("'Tis"), "'Tis");
    }

    #[test]
    fn the_separator_is_the_header_s_most_frequent_outside_quotes() {
        assert_eq!(separator("a,b,c\n1;2;3;4;5\n"), ',');
        assert_eq!(separator("\r\na;b;c\n"), ';');
        assert_eq!(separator("\"a,b,c\";d\n"), ';');
        assert_eq!(separator("a\tb\n"), '\t');
        assert_eq!(separator("value\n1,5"), ',');
    }

    #[test]
    fn numbers_read_in_one_way_only() {
        let mut n = Numbers::new(',');
        assert_eq!(n.read("1e3", 2), Ok(1000.0));
        assert_eq!(n.read(".5", 2), Ok(0.5));
        assert_eq!(n.read("5.", 2), Ok(5.0));
        assert_eq!(n.read("-0", 2).map(f64::to_bits), Ok((-0.0f64).to_bits()));
        for not in [
            "", "-", "e5", "1e", "1e+", "inf", "NaN", "1,2.3.4", "1.2.3", "1,,2", "1e999", "٣",
            "1 000", "--1", "0x10",
        ] {
            assert_eq!(n.read(not, 2), Err(NumberError::NotANumber), "{not}");
        }
    }
}
