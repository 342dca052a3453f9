//! Dates as each language writes them where they are read, not typed: 3 Nov
//! 2026 / 3 nov 2026 (the day first and the month by name, so neither
//! language's reader can take the day for the month). Fields where a date
//! is typed keep YYYY-MM-DD, which both languages read the same.

use crate::model::{Date, Language};

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_ES: [&str; 12] = [
    "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
];

/// A date to be read, as a language writes it.
pub fn date(d: Date, lang: Language) -> String {
    let months = match lang {
        Language::En => &MONTHS_EN,
        Language::Es => &MONTHS_ES,
    };
    match months.get(usize::from(d.month).wrapping_sub(1)) {
        Some(m) => format!("{} {m} {}", d.day, d.year),
        // Not a month: as stored.
        None => d.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_with_the_month_by_name() {
        let d: Date = "2026-11-03".parse().unwrap();
        assert_eq!(date(d, Language::En), "3 Nov 2026");
        assert_eq!(date(d, Language::Es), "3 nov 2026");
        let d: Date = "2026-09-30".parse().unwrap();
        assert_eq!(date(d, Language::Es), "30 sept 2026");
    }
}
