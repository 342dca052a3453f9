//! Every error a user meets has its message in English and Spanish: one
//! value of every variant of every error type, listed by exhaustive matches
//! so that a new variant does not compile until it is listed here.

use crate::edit::EditError;
use crate::format::{
    DiagMsg, Diagnostic, Expected, Found, JsonError, NotServuction, Position, ReadError, WriteError,
};
use crate::i18n::{ErrMsg, Localized};
use crate::model::{DocPath, IntegrityError, Language, Problem};
use crate::recovery::RecoveryError;
use crate::render::export::{Advice, ExportError};
use crate::render::pdf::PdfError;
use crate::render::png::PngError;
use crate::report::{
    CsvFormat, DateError, ImportError, NumberRefusal, Refusal, RowError, SkipReason,
};
use std::path::PathBuf;

fn io() -> std::io::Error {
    std::io::Error::from(std::io::ErrorKind::NotFound)
}

fn problem() -> Problem {
    Problem {
        path: DocPath::root().key("touchpoints").index(0).key("lane"),
        error: IntegrityError::EmptyId,
    }
}

fn row() -> RowError {
    RowError {
        line: 2,
        column: 3,
        why: Refusal::TooManyFields {
            fields: 4,
            header: 3,
            comma_hint: true,
        },
    }
}

/// Each match lists every variant: a new one fails to compile here.
fn listed(all: &[&dyn Localized], check: &mut Vec<String>, name: &str) {
    for (i, e) in all.iter().enumerate() {
        check.push(format!("{name}[{i}]"));
        let _ = e;
    }
}

fn json_errors() -> Vec<JsonError> {
    let all = vec![
        JsonError::InvalidType {
            found: Found::Integer("5".into()),
            expected: Expected::Text,
        },
        JsonError::InvalidValue {
            found: Found::Text("x".into()),
            expected: Expected::Unsigned("u32".into()),
        },
        JsonError::InvalidLength {
            length: "3".into(),
            expected: Expected::Other("una tupla".into()),
        },
        JsonError::UnknownVariant {
            name: "x".into(),
            allowed: vec!["a".into(), "b".into(), "c".into()],
        },
        JsonError::UnknownField {
            name: "x".into(),
            allowed: vec![],
        },
        JsonError::MissingField("title".into()),
        JsonError::DuplicateField("title".into()),
        JsonError::Syntax(ErrMsg::JsonEofValue),
        JsonError::Other("xyz".into()),
    ];
    for e in &all {
        match e {
            JsonError::InvalidType { .. }
            | JsonError::InvalidValue { .. }
            | JsonError::InvalidLength { .. }
            | JsonError::UnknownVariant { .. }
            | JsonError::UnknownField { .. }
            | JsonError::MissingField(_)
            | JsonError::DuplicateField(_)
            | JsonError::Syntax(_)
            | JsonError::Other(_) => {}
        }
    }
    // Every shape of found and expected values, inside a message.
    let found = [
        Found::Null,
        Found::Boolean("true".into()),
        Found::Integer("5".into()),
        Found::Float("1.5".into()),
        Found::Text("x".into()),
        Found::Sequence,
        Found::Map,
        Found::Other("xyz".into()),
    ];
    let expected = [
        Expected::Text,
        Expected::Boolean,
        Expected::Unsigned("u8".into()),
        Expected::Signed("i8".into()),
        Expected::Float("f64".into()),
        Expected::Char,
        Expected::Sequence,
        Expected::Map,
        Expected::Struct("Blueprint".into()),
        Expected::Other("xyz".into()),
    ];
    for f in &found {
        match f {
            Found::Null
            | Found::Boolean(_)
            | Found::Integer(_)
            | Found::Float(_)
            | Found::Text(_)
            | Found::Sequence
            | Found::Map
            | Found::Other(_) => {}
        }
    }
    for x in &expected {
        match x {
            Expected::Text
            | Expected::Boolean
            | Expected::Unsigned(_)
            | Expected::Signed(_)
            | Expected::Float(_)
            | Expected::Char
            | Expected::Sequence
            | Expected::Map
            | Expected::Struct(_)
            | Expected::Other(_) => {}
        }
    }
    let mut all = all;
    all.extend(
        found
            .into_iter()
            .zip(expected.iter().cycle())
            .map(|(found, expected)| JsonError::InvalidType {
                found,
                expected: expected.clone(),
            }),
    );
    all.extend(
        expected
            .into_iter()
            .map(|expected| JsonError::InvalidValue {
                found: Found::Null,
                expected,
            }),
    );
    // Every syntax message.
    all.extend(
        ErrMsg::ALL
            .iter()
            .filter(|m| format!("{m:?}").starts_with("Json"))
            .map(|&m| JsonError::Syntax(m)),
    );
    all
}

fn diag_msgs() -> Vec<DiagMsg> {
    let all = vec![
        DiagMsg::Json(JsonError::MissingField("id".into())),
        DiagMsg::Migrated {
            error: JsonError::MissingField("id".into()),
            version: 1,
        },
        DiagMsg::Integrity(IntegrityError::EmptyId),
        DiagMsg::Plain(ErrMsg::NotUtf8),
        DiagMsg::Named(ErrMsg::MigrateNoSuchStage, "stage-x".into()),
        DiagMsg::SvgUnreadable(ErrMsg::SvgTagOpen),
        DiagMsg::SvgDamaged(ErrMsg::SvgUnknownReference, "nbsp".into()),
        DiagMsg::PdfNoRepair {
            limit: 262_144,
            size: 4_000_000,
        },
        DiagMsg::File(Box::new(["the file".into(), "el archivo".into()])),
    ];
    for d in &all {
        match d {
            DiagMsg::Json(_)
            | DiagMsg::Migrated { .. }
            | DiagMsg::Integrity(_)
            | DiagMsg::Plain(_)
            | DiagMsg::Named(..)
            | DiagMsg::SvgUnreadable(_)
            | DiagMsg::SvgDamaged(..)
            | DiagMsg::PdfNoRepair { .. }
            | DiagMsg::File(_) => {}
        }
    }
    let mut all = all;
    // Every message of the format's readers, plain.
    all.extend(
        ErrMsg::ALL
            .iter()
            .filter(|m| {
                let name = format!("{m:?}");
                ["Svg", "Migrate", "Png", "Pdf"]
                    .iter()
                    .any(|p| name.starts_with(p))
            })
            .map(|&m| DiagMsg::Named(m, "x".into())),
    );
    all
}

fn integrity_errors() -> Vec<IntegrityError> {
    let all = vec![
        IntegrityError::DuplicateId {
            id: "tp-1".into(),
            first: "touchpoints[0]".into(),
        },
        IntegrityError::EmptyId,
        IntegrityError::DanglingReference {
            element: "touchpoint",
            id: "tp-1".into(),
            target_kind: "lane",
            target: "lane-x".into(),
        },
        IntegrityError::NotFinite,
        IntegrityError::Negative {
            what: "a duration",
            value: -1.5,
        },
        IntegrityError::FeelingOutOfRange { value: 3 },
        IntegrityError::RatingOutOfRange { value: 11 },
        IntegrityError::Negative {
            what: "a recovery time",
            value: -2.0,
        },
        IntegrityError::DuplicateLine { kind: "visibility" },
        IntegrityError::HiddenRequiredLine { kind: "visibility" },
        IntegrityError::TooMany {
            what: "measured values",
            count: 1_000_001,
            limit: 1_000_000,
        },
        IntegrityError::SelfConnector {
            id: "con-1".into(),
            touchpoint: "tp-1".into(),
        },
        IntegrityError::NotePlacement {
            id: "note-1".into(),
            found: "but has neither",
        },
        IntegrityError::OffDiagram {
            value: -5.0,
            max: 1_000_000.0,
        },
    ];
    let mut all = all;
    all.extend(
        crate::model::validate_photo_variants()
            .into_iter()
            .map(IntegrityError::Photo),
    );
    for e in &all {
        match e {
            IntegrityError::DuplicateId { .. }
            | IntegrityError::EmptyId
            | IntegrityError::DanglingReference { .. }
            | IntegrityError::NotFinite
            | IntegrityError::Negative { .. }
            | IntegrityError::FeelingOutOfRange { .. }
            | IntegrityError::RatingOutOfRange { .. }
            | IntegrityError::DuplicateLine { .. }
            | IntegrityError::HiddenRequiredLine { .. }
            | IntegrityError::TooMany { .. }
            | IntegrityError::SelfConnector { .. }
            | IntegrityError::NotePlacement { .. }
            | IntegrityError::OffDiagram { .. }
            | IntegrityError::Photo(_) => {}
        }
    }
    all
}

fn read_errors() -> Vec<ReadError> {
    let diagnostic = Diagnostic {
        position: Some(Position {
            line: 3,
            column: 12,
        }),
        path: Some("blueprint.title".into()),
        message: DiagMsg::Json(JsonError::MissingField("id".into())),
    };
    let all = vec![
        ReadError::Io(io()),
        ReadError::TooLarge {
            size: 70_000_000,
            limit: 67_108_864,
        },
        ReadError::NotAFile,
        ReadError::EmbeddedTooLarge {
            container: "PNG",
            limit: 67_108_864,
        },
        ReadError::NotServuction(NotServuction::NotObject),
        ReadError::NotServuction(NotServuction::OtherFormat("drawio".into())),
        ReadError::NotServuction(NotServuction::NoFormat),
        ReadError::NewerVersion {
            found: 9,
            supported: 5,
        },
        ReadError::Invalid(vec![diagnostic.clone()]),
        ReadError::Invalid(vec![diagnostic.clone(), diagnostic.clone()]),
        ReadError::Invalid(vec![diagnostic.clone(), diagnostic.clone(), diagnostic]),
        ReadError::Invalid(vec![]),
        ReadError::WouldNotSave { limit: 67_108_864 },
    ];
    for e in &all {
        match e {
            ReadError::Io(_)
            | ReadError::TooLarge { .. }
            | ReadError::NotAFile
            | ReadError::EmbeddedTooLarge { .. }
            | ReadError::NotServuction(
                NotServuction::NotObject | NotServuction::OtherFormat(_) | NotServuction::NoFormat,
            )
            | ReadError::NewerVersion { .. }
            | ReadError::Invalid(_)
            | ReadError::WouldNotSave { .. } => {}
        }
    }
    all
}

fn write_errors() -> Vec<WriteError> {
    let all = vec![
        WriteError::Invalid(vec![problem()]),
        WriteError::Io {
            path: PathBuf::from("/x/y.servuction"),
            source: io(),
        },
        WriteError::TooLarge {
            size: 70_000_000,
            limit: 67_108_864,
        },
    ];
    for e in &all {
        match e {
            WriteError::Invalid(_) | WriteError::Io { .. } | WriteError::TooLarge { .. } => {}
        }
    }
    all
}

fn export_errors() -> Vec<ExportError> {
    let all = vec![
        ExportError::TooLarge {
            size: 300_000_000,
            limit: 268_435_456,
            advice: Advice::PlainSvg(1_000),
        },
        ExportError::TooLarge {
            size: 300_000_000,
            limit: 268_435_456,
            advice: Advice::PngOrPlainSvg(1_000),
        },
        ExportError::TooLarge {
            size: 300_000_000,
            limit: 268_435_456,
            advice: Advice::Png,
        },
        ExportError::Cancelled,
        ExportError::Draw("xyz".into()),
        ExportError::Png(PngError::TooLarge {
            width: 20_000,
            height: 20_000,
            limit: 100,
            suggested: "0.5".into(),
        }),
        ExportError::Png(PngError::BadScale(-1.0)),
        ExportError::Png(PngError::Svg("xyz".into())),
        ExportError::Png(PngError::Encode("xyz".into())),
        ExportError::Png(PngError::Cancelled),
        ExportError::Pdf(PdfError::Svg("xyz".into())),
        ExportError::Pdf(PdfError::Write("xyz".into())),
        ExportError::Pdf(PdfError::TooManySheets {
            total: 1_200,
            cols: 40,
            rows: 30,
            max: 1_000,
        }),
        ExportError::Document(WriteError::TooLarge { size: 2, limit: 1 }),
        ExportError::Write(WriteError::Io {
            path: PathBuf::from("/x/y.png"),
            source: io(),
        }),
    ];
    for e in &all {
        match e {
            ExportError::TooLarge {
                advice: Advice::PlainSvg(_) | Advice::PngOrPlainSvg(_) | Advice::Png,
                ..
            }
            | ExportError::Cancelled
            | ExportError::Draw(_)
            | ExportError::Png(
                PngError::TooLarge { .. }
                | PngError::BadScale(_)
                | PngError::Svg(_)
                | PngError::Encode(_)
                | PngError::Cancelled,
            )
            | ExportError::Pdf(
                PdfError::Svg(_) | PdfError::Write(_) | PdfError::TooManySheets { .. },
            )
            | ExportError::Document(_)
            | ExportError::Write(_) => {}
        }
    }
    all
}

fn import_errors() -> Vec<ImportError> {
    let format = CsvFormat {
        encoding: "windows-1252",
        bom: true,
        separator: '\t',
    };
    let refused = |why| ImportError::Refused {
        first: Box::new(RowError {
            line: 2,
            column: 3,
            why,
        }),
        others: 0,
    };
    let all = vec![
        ImportError::Read(ReadError::NotAFile),
        ImportError::BadUtf8 {
            line: 2,
            byte: 0xe9,
        },
        ImportError::BadUtf16 {
            encoding: "UTF-16LE",
        },
        ImportError::NulBytes,
        ImportError::Header {
            format,
            detail: "xyz".into(),
        },
        ImportError::NoDateValue {
            format,
            found: vec!["fecha".into()],
            more: true,
        },
        ImportError::NoDateValue {
            format: CsvFormat::default(),
            found: vec![],
            more: false,
        },
        ImportError::NoStandardColumn,
        ImportError::NoWhatColumn {
            format,
            found: vec!["qué".into()],
            more: false,
        },
        ImportError::TooManyValues {
            line: 3,
            limit: 1_000_000,
            held: 999_999,
            adding: 1,
        },
        ImportError::Refused {
            first: Box::new(row()),
            others: 1,
        },
        ImportError::Refused {
            first: Box::new(row()),
            others: 5,
        },
        refused(Refusal::TooManyFields {
            fields: 4,
            header: 3,
            comma_hint: false,
        }),
        refused(Refusal::Number(NumberRefusal::OtherGrouping {
            text: "1.234".into(),
            group: '.',
            seen_line: 2,
            seen: ',',
        })),
        refused(Refusal::Number(NumberRefusal::DecimalMark {
            text: "1,234.5".into(),
            group: ',',
            separator: ';',
            instead: "1234,5".into(),
        })),
        refused(Refusal::Number(NumberRefusal::Ambiguous {
            text: "1.234".into(),
            mark: '.',
            thousands: "1234".into(),
            decimals: "1.234".into(),
            write_decimals: "1,234".into(),
        })),
        refused(Refusal::Unreadable("xyz".into())),
        refused(Refusal::EmptyWhat),
        refused(Refusal::BadStatus("soon".into())),
        refused(Refusal::BadKind("room".into())),
        refused(Refusal::Date(DateError::NotIso("31/12".into()))),
        refused(Refusal::NoSuchElement {
            kind: "standard",
            id: "std-x".into(),
        }),
        refused(Refusal::RepeatedId {
            id: "act-x".into(),
            first_line: 2,
        }),
    ];
    for e in &all {
        match e {
            ImportError::Read(_)
            | ImportError::BadUtf8 { .. }
            | ImportError::BadUtf16 { .. }
            | ImportError::NulBytes
            | ImportError::Header { .. }
            | ImportError::NoDateValue { .. }
            | ImportError::NoStandardColumn
            | ImportError::NoWhatColumn { .. }
            | ImportError::TooManyValues { .. } => {}
            ImportError::Refused { first, .. } => match &first.why {
                Refusal::TooManyFields { .. }
                | Refusal::Number(
                    NumberRefusal::OtherGrouping { .. }
                    | NumberRefusal::DecimalMark { .. }
                    | NumberRefusal::Ambiguous { .. },
                )
                | Refusal::Unreadable(_)
                | Refusal::EmptyWhat
                | Refusal::BadStatus(_)
                | Refusal::BadKind(_)
                | Refusal::Date(_)
                | Refusal::NoSuchElement { .. }
                | Refusal::RepeatedId { .. } => {}
            },
        }
    }
    all
}

fn skip_reasons() -> Vec<SkipReason> {
    let all = vec![
        SkipReason::Unreadable("xyz".into()),
        SkipReason::NotANumber("lots".into()),
        SkipReason::Date(DateError::NotIso("2026/01/01".into())),
        SkipReason::Date(DateError::NotIsoNorDayFirst("1.1".into())),
        SkipReason::Date(DateError::NotADay("2026-13-01".into())),
        SkipReason::NoId("std-x".into()),
        SkipReason::NoStatement("abc".into()),
        SkipReason::ManyStatements {
            count: 2,
            statement: "abc".into(),
        },
    ];
    for e in &all {
        match e {
            SkipReason::Unreadable(_)
            | SkipReason::NotANumber(_)
            | SkipReason::Date(
                DateError::NotIso(_) | DateError::NotIsoNorDayFirst(_) | DateError::NotADay(_),
            )
            | SkipReason::NoId(_)
            | SkipReason::NoStatement(_)
            | SkipReason::ManyStatements { .. } => {}
        }
    }
    all
}

fn recovery_errors() -> Vec<RecoveryError> {
    let all = vec![
        RecoveryError::NoDataDir,
        RecoveryError::Io {
            path: PathBuf::from("/x/recovery"),
            source: io(),
        },
        RecoveryError::Write(WriteError::TooLarge { size: 2, limit: 1 }),
        RecoveryError::Damaged(ReadError::NotAFile),
        RecoveryError::Header("xyz".into()),
    ];
    for e in &all {
        match e {
            RecoveryError::NoDataDir
            | RecoveryError::Io { .. }
            | RecoveryError::Write(_)
            | RecoveryError::Damaged(_)
            | RecoveryError::Header(_) => {}
        }
    }
    all
}

fn edit_errors() -> Vec<EditError> {
    let mut all: Vec<EditError> = [
        "touchpoint",
        "lane",
        "step",
        "stage",
        "note",
        "connector",
        "standard",
    ]
    .into_iter()
    .map(|what| EditError::Missing {
        what,
        id: "x-1".into(),
    })
    .collect();
    all.push(EditError::Invalid(problem()));
    all.push(EditError::TooManyPhotos { max: 20 });
    all.push(EditError::MissingPhoto("ph-1".into()));
    for e in &all {
        match e {
            EditError::Missing { .. }
            | EditError::Invalid(_)
            | EditError::TooManyPhotos { .. }
            | EditError::MissingPhoto(_) => {}
        }
    }
    all
}

/// Words of the English messages that Spanish does not share.
const ENGLISH: &[&str] = &[
    " the ",
    "the ",
    "expected",
    "invalid",
    "missing",
    "line ",
    " is ",
    " not ",
    " of ",
    " and ",
    " with ",
    "cannot",
    "could",
    "must",
    " has ",
    "would",
    "unknown",
    "file ",
    "found",
    "while",
    "there ",
    "nothing",
    "written",
    "touchpoint ",
    "standard ",
];

#[test]
fn every_error_variant_has_its_message_in_english_and_spanish() {
    let mut all: Vec<Box<dyn Localized>> = Vec::new();
    all.extend(
        json_errors()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        diag_msgs()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        integrity_errors()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        read_errors()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        write_errors()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        export_errors()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        import_errors()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        skip_reasons()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        recovery_errors()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        edit_errors()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    all.extend(
        crate::photo::every_variant()
            .into_iter()
            .map(|e| Box::new(e) as Box<dyn Localized>),
    );
    let mut names = Vec::new();
    let refs: Vec<&dyn Localized> = all.iter().map(|b| b.as_ref()).collect();
    listed(&refs, &mut names, "error");
    assert!(all.len() > 150, "{}", all.len());
    let mut wrong = Vec::new();
    for (e, name) in all.iter().zip(&names) {
        let (en, es) = (e.message(Language::En), e.message(Language::Es));
        if en.is_empty() || es.is_empty() {
            wrong.push(format!("{name}: empty"));
        }
        if en == es {
            wrong.push(format!("{name}: the same in both languages: {es}"));
        }
        let lower = es.to_lowercase();
        for word in ENGLISH {
            if lower.contains(word) {
                wrong.push(format!("{name}: {word:?} in Spanish: {es}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Display is the English message, for logs and the command line.
#[test]
fn display_is_the_english_message() {
    for e in export_errors() {
        assert_eq!(e.to_string(), e.message(Language::En));
    }
    for e in import_errors() {
        assert_eq!(e.to_string(), e.message(Language::En));
    }
    for e in edit_errors() {
        assert_eq!(e.to_string(), e.message(Language::En));
    }
    assert_eq!(
        ReadError::NotAFile.to_string(),
        ReadError::NotAFile.message(Language::En)
    );
}
