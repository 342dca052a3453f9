//! Why a CSV of measured values was refused, or one of its rows skipped,
//! in the user's language.

use super::csv_io::CsvFormat;
use super::csv_text::separator_name;
use crate::format::ReadError;
use crate::i18n::{ErrMsg, Localized, count};
use crate::model::Language;
use std::fmt;

/// Why a whole CSV file was refused; nothing was added.
#[derive(Debug)]
pub enum ImportError {
    /// The file could not be read.
    Read(ReadError),
    /// A UTF-8 byte-order mark before text that is not UTF-8.
    BadUtf8 {
        line: usize,
        byte: u8,
    },
    /// A UTF-16 byte-order mark before text that is not UTF-16.
    BadUtf16 {
        encoding: &'static str,
    },
    /// NUL bytes: UTF-16 without a byte-order mark, or not text.
    NulBytes,
    /// The header could not be read: the CSV reader's words.
    Header {
        format: CsvFormat,
        detail: String,
    },
    /// No `date` and `value` columns: the first names the header has
    /// (`more` when it has others).
    NoDateValue {
        format: CsvFormat,
        found: Vec<String>,
        more: bool,
    },
    NoStandardColumn,
    /// A CSV of improvement actions without a `what` column: the first
    /// names the header has.
    NoWhatColumn {
        format: CsvFormat,
        found: Vec<String>,
        more: bool,
    },
    /// Past the most measured values a blueprint may hold.
    TooManyValues {
        line: u64,
        limit: usize,
        held: usize,
        adding: usize,
    },
    /// Rows that cannot be read without guessing: the first, and how many
    /// others.
    Refused {
        first: Box<RowError>,
        others: usize,
    },
}

/// A row that refuses the whole file, where.
#[derive(Clone, Debug, PartialEq)]
pub struct RowError {
    pub line: u64,
    pub column: usize,
    pub why: Refusal,
}

/// Why a row refuses the whole file.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// More fields than the header (with the hint on decimal commas in a
    /// `,`-separated file).
    TooManyFields {
        fields: usize,
        header: usize,
        comma_hint: bool,
    },
    Number(NumberRefusal),
    /// A row the CSV reader could not read: its words.
    Unreadable(String),
    /// An improvement action without `what`.
    EmptyWhat,
    /// A status that is none of open, in progress, done, dropped.
    BadStatus(String),
    /// An attachment that is none of fail point, standard, note.
    BadKind(String),
    /// A due date that is not one.
    Date(DateError),
    /// An id that names no element of that kind (`touchpoint`, `standard`,
    /// `note`).
    NoSuchElement {
        kind: &'static str,
        id: String,
    },
    /// An action id given on an earlier line too.
    RepeatedId {
        id: String,
        first_line: u64,
    },
}

/// A number that cannot be read without guessing.
#[derive(Clone, Debug, PartialEq)]
pub enum NumberRefusal {
    /// It groups thousands with `group`, but an earlier line grouped them
    /// with `seen`.
    OtherGrouping {
        text: String,
        group: char,
        seen_line: u64,
        seen: char,
    },
    /// It groups thousands with the mark that is the decimal mark where
    /// fields are separated by `separator`: write `instead`.
    DecimalMark {
        text: String,
        group: char,
        separator: char,
        instead: String,
    },
    /// Its mark may group thousands or mark decimals: the two readings,
    /// and how to write each.
    Ambiguous {
        text: String,
        mark: char,
        thousands: String,
        decimals: String,
        write_decimals: String,
    },
}

/// Why one row was skipped (the others are added).
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    /// The CSV reader could not read it: its words.
    Unreadable(String),
    NotANumber(String),
    Date(DateError),
    NoId(String),
    NoStatement(String),
    ManyStatements {
        count: usize,
        statement: String,
    },
}

/// A date that is not one.
#[derive(Clone, Debug, PartialEq)]
pub enum DateError {
    /// Not of the form YYYY-MM-DD.
    NotIso(String),
    /// Not of the form YYYY-MM-DD nor DD/MM/YYYY.
    NotIsoNorDayFirst(String),
    /// The form is right, the day does not exist.
    NotADay(String),
}

impl Localized for ImportError {
    fn message(&self, lang: Language) -> String {
        match self {
            ImportError::Read(e) => e.message(lang),
            ImportError::BadUtf8 { line, byte } => {
                ErrMsg::CsvBadUtf8.fill(lang, &[&count(*line, lang), &format!("{byte:#04x}")])
            }
            ImportError::BadUtf16 { encoding } => {
                ErrMsg::CsvBadUtf16.fill(lang, &[encoding, encoding])
            }
            ImportError::NulBytes => ErrMsg::CsvNulBytes.text(lang).to_owned(),
            ImportError::Header { format, detail } => {
                ErrMsg::CsvHeader.fill(lang, &[&format.message(lang), detail])
            }
            ImportError::NoDateValue {
                format,
                found,
                more,
            } => ErrMsg::CsvNoDateValue
                .fill(lang, &[&format.message(lang), &names(found, *more, lang)]),
            ImportError::NoStandardColumn => ErrMsg::CsvNoStandardColumn.text(lang).to_owned(),
            ImportError::NoWhatColumn {
                format,
                found,
                more,
            } => ErrMsg::CsvNoWhatColumn
                .fill(lang, &[&format.message(lang), &names(found, *more, lang)]),
            ImportError::TooManyValues {
                line,
                limit,
                held,
                adding,
            } => ErrMsg::CsvTooManyValues.fill(
                lang,
                &[
                    &line_number(*line, lang),
                    &count(*limit, lang),
                    &count(*held, lang),
                    &count(*adding, lang),
                ],
            ),
            ImportError::Refused { first, others } => {
                let first = first.message(lang);
                match others {
                    0 => ErrMsg::CsvNothingAdded.fill(lang, &[&first]),
                    1 => ErrMsg::CsvOneMoreRow.fill(lang, &[&first]),
                    n => ErrMsg::CsvMoreRows.fill(lang, &[&first, &count(*n, lang)]),
                }
            }
        }
    }
}

/// The first names of a header, quoted, for a message.
fn names(found: &[String], more: bool, lang: Language) -> String {
    let mut names: Vec<String> = found.iter().map(|h| format!("`{h}`")).collect();
    if more {
        names.push("…".into());
    }
    if names.is_empty() {
        ErrMsg::NoColumns.text(lang).to_owned()
    } else {
        names.join(", ")
    }
}

fn line_number(line: u64, lang: Language) -> String {
    count(usize::try_from(line).unwrap_or(usize::MAX), lang)
}

impl Localized for RowError {
    fn message(&self, lang: Language) -> String {
        let why = match &self.why {
            Refusal::TooManyFields {
                fields,
                header,
                comma_hint,
            } => {
                let m = if *comma_hint {
                    ErrMsg::CsvTooManyFieldsComma
                } else {
                    ErrMsg::CsvTooManyFields
                };
                m.fill(lang, &[&count(*fields, lang), &count(*header, lang)])
            }
            Refusal::Number(n) => n.message(lang),
            Refusal::Unreadable(detail) => ErrMsg::SkipUnreadable.fill(lang, &[detail]),
            Refusal::EmptyWhat => ErrMsg::CsvEmptyWhat.text(lang).to_owned(),
            Refusal::BadStatus(t) => ErrMsg::CsvBadStatus.fill(lang, &[t]),
            Refusal::BadKind(t) => ErrMsg::CsvBadKind.fill(lang, &[t]),
            Refusal::Date(e) => e.message(lang),
            Refusal::NoSuchElement { kind, id } => {
                ErrMsg::CsvNoSuchElement.fill(lang, &[&crate::model::element_word(kind, lang), id])
            }
            Refusal::RepeatedId { id, first_line } => {
                ErrMsg::CsvRepeatedId.fill(lang, &[id, &line_number(*first_line, lang)])
            }
        };
        ErrMsg::CsvAt.fill(
            lang,
            &[
                &line_number(self.line, lang),
                &count(self.column, lang),
                &why,
            ],
        )
    }
}

impl Localized for NumberRefusal {
    fn message(&self, lang: Language) -> String {
        match self {
            NumberRefusal::OtherGrouping {
                text,
                group,
                seen_line,
                seen,
            } => ErrMsg::CsvOtherGrouping
                .fill(lang, &[text, group, &line_number(*seen_line, lang), seen]),
            NumberRefusal::DecimalMark {
                text,
                group,
                separator,
                instead,
            } => ErrMsg::CsvDecimalMark.fill(
                lang,
                &[
                    text,
                    group,
                    &separator_text(*separator, lang),
                    group,
                    instead,
                ],
            ),
            NumberRefusal::Ambiguous {
                text,
                mark,
                thousands,
                decimals,
                write_decimals,
            } => ErrMsg::CsvAmbiguous.fill(
                lang,
                &[text, mark, thousands, decimals, thousands, write_decimals],
            ),
        }
    }
}

/// The separator in messages: `,`, `;`, or the language's word for a tab.
pub(super) fn separator_text(separator: char, lang: Language) -> String {
    match separator {
        '\t' => ErrMsg::CsvTab.text(lang).to_owned(),
        c => separator_name(c).into_owned(),
    }
}

impl Localized for CsvFormat {
    fn message(&self, lang: Language) -> String {
        let m = if self.bom {
            ErrMsg::CsvFormatBom
        } else {
            ErrMsg::CsvFormat
        };
        m.fill(
            lang,
            &[&self.encoding, &separator_text(self.separator, lang)],
        )
    }
}

impl Localized for SkipReason {
    fn message(&self, lang: Language) -> String {
        match self {
            SkipReason::Unreadable(detail) => ErrMsg::SkipUnreadable.fill(lang, &[detail]),
            SkipReason::NotANumber(text) => ErrMsg::SkipNotANumber.fill(lang, &[text]),
            SkipReason::Date(e) => e.message(lang),
            SkipReason::NoId(id) => ErrMsg::SkipNoId.fill(lang, &[id]),
            SkipReason::NoStatement(s) => ErrMsg::SkipNoStatement.fill(lang, &[s]),
            SkipReason::ManyStatements {
                count: n,
                statement,
            } => ErrMsg::SkipManyStatements.fill(lang, &[&count(*n, lang), statement]),
        }
    }
}

impl Localized for DateError {
    fn message(&self, lang: Language) -> String {
        match self {
            DateError::NotIso(t) => ErrMsg::DateNotIso.fill(lang, &[t]),
            DateError::NotIsoNorDayFirst(t) => ErrMsg::DateNotIsoNorDayFirst.fill(lang, &[t]),
            DateError::NotADay(t) => ErrMsg::DateNotADay.fill(lang, &[t]),
        }
    }
}

macro_rules! english_display {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.message(Language::En))
            }
        }
    )*};
}
english_display!(ImportError, RowError, NumberRefusal, SkipReason, DateError);

impl std::error::Error for ImportError {}

impl From<ReadError> for ImportError {
    fn from(e: ReadError) -> Self {
        ImportError::Read(e)
    }
}
