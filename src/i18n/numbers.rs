//! Numbers as each language writes them: 2,000.5 and 97.5% in English,
//! 2.000,5 and 97,5 % in Spanish; and read back as either writes them.

use crate::model::Language;

/// The separators of a language: (thousands, decimal).
fn separators(lang: Language) -> (char, char) {
    match lang {
        Language::En => (',', '.'),
        Language::Es => ('.', ','),
    }
}

/// Digits grouped by three with `sep`.
fn grouped(digits: &str, sep: char) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// A whole number as a language writes it: 2,000 in English, 2.000 in
/// Spanish (four-digit numbers too, as spreadsheets in Spanish show them).
pub fn count(n: usize, lang: Language) -> String {
    grouped(&n.to_string(), separators(lang).0)
}

/// A number with at most `decimals` decimals, no trailing zeros, its
/// thousands grouped, as a language writes it: 1,234.5 / 1.234,5. A number
/// that is not finite is shown as "—".
pub fn decimal(v: f64, decimals: usize, lang: Language) -> String {
    if !v.is_finite() {
        return "—".to_owned();
    }
    let text = format!("{:.*}", decimals.min(12), v.abs());
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w, f.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    let (thousands, point) = separators(lang);
    let negative = v < 0.0 && (whole.bytes().any(|b| b != b'0') || !fraction.is_empty());
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped(whole, thousands));
    if !fraction.is_empty() {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// A percentage (`v` in percent) as a language writes it: 97.5% / 97,5 %.
pub fn percent(v: f64, decimals: usize, lang: Language) -> String {
    let n = decimal(v, decimals, lang);
    match lang {
        Language::En => format!("{n}%"),
        // A no-break space: the sign stays with its number.
        Language::Es => format!("{n}\u{a0}%"),
    }
}

/// Reads a number as a user types it in either language: "97,5", "97.5",
/// "1.234,5", "1,234.5", "-3", with spaces around. In `lang`'s own way first:
/// a separator that could be either ("1.500", "1,500") is read as `lang`
/// writes it (thousands in Spanish and English respectively, as
/// [`decimal`] writes them).
pub fn parse_decimal(text: &str, lang: Language) -> Option<f64> {
    let t = text.trim().replace(['\u{a0}', ' '], "");
    if t.is_empty() {
        return None;
    }
    let (thousands, point) = separators(lang);
    let has = |c| t.contains(c);
    let normal = if has(thousands) && has(point) {
        // Both: the last one is the decimal separator.
        let last = t.rfind(['.', ',']).and_then(|i| t[i..].chars().next());
        let (group, dec) = if last == Some(point) {
            (thousands, point)
        } else {
            (point, thousands)
        };
        grouped_only(&t, group)?.replace(dec, ".")
    } else if has(thousands) {
        // Only `lang`'s thousands separator: thousands where it groups
        // by three, else a decimal separator of the other language.
        match grouped_only(&t, thousands) {
            Some(plain) if groups_by_three(&t, thousands) => plain,
            _ if t.matches(thousands).count() == 1 => t.replace(thousands, "."),
            _ => return None,
        }
    } else {
        t.replace(point, ".")
    };
    let v: f64 = normal.parse().ok()?;
    v.is_finite().then_some(v)
}

/// The text with `sep` taken out, if it only ever groups digits by three.
fn grouped_only(t: &str, sep: char) -> Option<String> {
    if !t.contains(sep) {
        return Some(t.to_owned());
    }
    groups_by_three(t, sep).then(|| t.replace(sep, ""))
}

/// Whether `sep` in `t` stands between groups of three digits (after a
/// first group of one to three), up to the decimal part.
fn groups_by_three(t: &str, sep: char) -> bool {
    let whole = t
        .trim_start_matches(['-', '+'])
        .split(|c: char| c != sep && !c.is_ascii_digit())
        .next()
        .unwrap_or("");
    let mut parts = whole.split(sep);
    let first = parts.next().unwrap_or("");
    (1..=3).contains(&first.len())
        && parts.clone().count() > 0
        && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Es};

    #[test]
    fn counts_are_grouped_as_each_language_writes_them() {
        assert_eq!(count(7, En), "7");
        assert_eq!(count(2_000, En), "2,000");
        assert_eq!(count(20_000_000, Es), "20.000.000");
        assert_eq!(count(123_456, Es), "123.456");
    }

    #[test]
    fn decimals_are_written_as_each_language_writes_them() {
        assert_eq!(decimal(97.5, 1, En), "97.5");
        assert_eq!(decimal(97.5, 1, Es), "97,5");
        assert_eq!(decimal(95.0, 1, Es), "95");
        assert_eq!(decimal(1234.56, 2, En), "1,234.56");
        assert_eq!(decimal(1234.56, 2, Es), "1.234,56");
        assert_eq!(decimal(-0.04, 1, Es), "0");
        assert_eq!(decimal(-5.25, 2, Es), "-5,25");
        assert_eq!(decimal(f64::NAN, 1, Es), "—");
        assert_eq!(percent(97.5, 1, En), "97.5%");
        assert_eq!(percent(97.5, 1, Es), "97,5\u{a0}%");
    }

    #[test]
    fn numbers_are_read_as_either_language_types_them() {
        for (text, lang, want) in [
            ("97,5", Es, 97.5),
            ("97.5", Es, 97.5),
            ("97,5", En, 97.5),
            ("1.234,5", Es, 1234.5),
            ("1,234.5", Es, 1234.5),
            ("1,234.5", En, 1234.5),
            ("1.500", Es, 1500.0),
            ("1,500", En, 1500.0),
            ("1.5", En, 1.5),
            (" -3 ", Es, -3.0),
            ("12.345.678", Es, 12_345_678.0),
        ] {
            assert_eq!(parse_decimal(text, lang), Some(want), "{text} in {lang:?}");
        }
        for bad in ["", "abc", "1,2,3", "1.2.3", "inf", "NaN", "1e999"] {
            assert_eq!(parse_decimal(bad, Es), None, "{bad}");
        }
    }

    proptest::proptest! {
        /// What is shown can be typed back: the number written in either
        /// language reads back as the number shown.
        #[test]
        fn what_is_shown_reads_back(v in -1.0e9f64..1.0e9, decimals in 0usize..4) {
            for lang in Language::ALL {
                let shown = decimal(v, decimals, lang);
                let back = parse_decimal(&shown, lang).unwrap();
                let rounded: f64 = format!("{v:.decimals$}").parse().unwrap();
                proptest::prop_assert!((back - rounded).abs() < 1e-9, "{shown} -> {back}, want {rounded}");
            }
        }
    }
}
