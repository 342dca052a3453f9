//! serde's and serde_json's error messages, read back into what they say so
//! that they can be written in the user's language. serde gives only English
//! text; its shapes are few and stable (`invalid type: integer `5`, expected
//! a string`, `missing field `x``, `EOF while parsing a value`…). A message
//! of another shape is kept as it is, quoted inside a message in the
//! user's language.

use crate::i18n::{ErrMsg, Localized};
use crate::model::Language;

/// What serde_json said was wrong, without the position it appends.
#[derive(Clone, Debug, PartialEq)]
pub enum JsonError {
    /// A value of the wrong type: `invalid type: integer `5`, expected a string`.
    InvalidType {
        found: Found,
        expected: Expected,
    },
    /// A value of the right type but not allowed.
    InvalidValue {
        found: Found,
        expected: Expected,
    },
    /// A list of the wrong length.
    InvalidLength {
        length: String,
        expected: Expected,
    },
    /// A name that is not one of the allowed names (an enum's value).
    UnknownVariant {
        name: String,
        allowed: Vec<String>,
    },
    /// A field the format does not have.
    UnknownField {
        name: String,
        allowed: Vec<String>,
    },
    MissingField(String),
    DuplicateField(String),
    /// Not JSON at that place (`EOF while parsing a value`, `trailing
    /// characters`…): the message without arguments.
    Syntax(ErrMsg),
    /// Any other message, as serde gave it (a model type's own words).
    Other(String),
}

/// What a value was, as serde names it (its `Unexpected`).
#[derive(Clone, Debug, PartialEq)]
pub enum Found {
    Null,
    Boolean(String),
    Integer(String),
    Float(String),
    Text(String),
    Sequence,
    Map,
    Other(String),
}

/// What was expected, as serde names it.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    Text,
    Boolean,
    /// `u8`…`u64`, `usize`: the type's name.
    Unsigned(String),
    /// `i8`…`i64`, `isize`.
    Signed(String),
    /// `f32`, `f64`.
    Float(String),
    Char,
    Sequence,
    Map,
    /// `struct Name`: an object.
    Struct(String),
    /// Anything else, as serde wrote it.
    Other(String),
}

/// The JSON syntax messages, each with its entry.
const SYNTAX: &[(&str, ErrMsg)] = &[
    ("EOF while parsing a list", ErrMsg::JsonEofList),
    ("EOF while parsing an object", ErrMsg::JsonEofObject),
    ("EOF while parsing a string", ErrMsg::JsonEofString),
    ("EOF while parsing a value", ErrMsg::JsonEofValue),
    ("expected `:`", ErrMsg::JsonExpectedColon),
    ("expected `,` or `]`", ErrMsg::JsonExpectedCommaOrBracket),
    ("expected `,` or `}`", ErrMsg::JsonExpectedCommaOrBrace),
    ("expected ident", ErrMsg::JsonExpectedIdent),
    ("expected value", ErrMsg::JsonExpectedValue),
    ("expected `\"`", ErrMsg::JsonExpectedQuote),
    ("invalid escape", ErrMsg::JsonInvalidEscape),
    ("invalid number", ErrMsg::JsonInvalidNumber),
    ("number out of range", ErrMsg::JsonNumberOutOfRange),
    ("invalid unicode code point", ErrMsg::JsonInvalidUnicode),
    (
        "control character (\\u0000-\\u001F) found while parsing a string",
        ErrMsg::JsonControlCharacter,
    ),
    ("key must be a string", ErrMsg::JsonKeyMustBeString),
    (
        "lone leading surrogate in hex escape",
        ErrMsg::JsonLoneSurrogate,
    ),
    ("trailing comma", ErrMsg::JsonTrailingComma),
    ("trailing characters", ErrMsg::JsonTrailingCharacters),
    ("unexpected end of hex escape", ErrMsg::JsonEndOfHexEscape),
    ("recursion limit exceeded", ErrMsg::JsonRecursionLimit),
];

impl JsonError {
    /// The error serde_json reported.
    pub fn of(e: &serde_json::Error) -> Self {
        Self::parse(&strip_position(&e.to_string()))
    }

    /// What a message of serde or serde_json says, by its shape.
    pub fn parse(msg: &str) -> Self {
        if let Some(&(_, m)) = SYNTAX.iter().find(|(text, _)| *text == msg) {
            return JsonError::Syntax(m);
        }
        let other = || JsonError::Other(msg.to_owned());
        if let Some(rest) = msg.strip_prefix("invalid type: ") {
            return match split_expected(rest) {
                Some((found, expected)) => JsonError::InvalidType {
                    found: Found::parse(found),
                    expected: Expected::parse(expected),
                },
                None => other(),
            };
        }
        if let Some(rest) = msg.strip_prefix("invalid value: ") {
            return match split_expected(rest) {
                Some((found, expected)) => JsonError::InvalidValue {
                    found: Found::parse(found),
                    expected: Expected::parse(expected),
                },
                None => other(),
            };
        }
        if let Some(rest) = msg.strip_prefix("invalid length ") {
            return match split_expected(rest) {
                Some((length, expected)) => JsonError::InvalidLength {
                    length: length.to_owned(),
                    expected: Expected::parse(expected),
                },
                None => other(),
            };
        }
        for (prefix, field) in [("unknown variant ", false), ("unknown field ", true)] {
            if let Some(rest) = msg.strip_prefix(prefix) {
                let Some((name, rest)) = ticked(rest) else {
                    return other();
                };
                let Some(allowed) = rest.strip_prefix(", ").and_then(one_of) else {
                    return other();
                };
                let name = name.to_owned();
                return if field {
                    JsonError::UnknownField { name, allowed }
                } else {
                    JsonError::UnknownVariant { name, allowed }
                };
            }
        }
        for (prefix, missing) in [("missing field ", true), ("duplicate field ", false)] {
            if let Some(rest) = msg.strip_prefix(prefix) {
                return match ticked(rest) {
                    Some((name, "")) if missing => JsonError::MissingField(name.to_owned()),
                    Some((name, "")) => JsonError::DuplicateField(name.to_owned()),
                    _ => other(),
                };
            }
        }
        other()
    }
}

/// `found, expected what`: the two parts.
fn split_expected(rest: &str) -> Option<(&str, &str)> {
    let i = rest.rfind(", expected ")?;
    Some((&rest[..i], &rest[i + ", expected ".len()..]))
}

/// `` `name` `` at the start of `text`: the name and what follows.
fn ticked(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('`')?;
    let end = rest.find('`')?;
    Some((&rest[..end], &rest[end + 1..]))
}

/// serde's list of allowed names: `there are no variants`, `expected `a``,
/// `expected `a` or `b``, `expected one of `a`, `b`, `c``.
fn one_of(text: &str) -> Option<Vec<String>> {
    if text.starts_with("there are no ") {
        return Some(Vec::new());
    }
    let mut rest = text.strip_prefix("expected ")?;
    rest = rest.strip_prefix("one of ").unwrap_or(rest);
    let mut names = Vec::new();
    loop {
        let (name, after) = ticked(rest)?;
        names.push(name.to_owned());
        if after.is_empty() {
            return Some(names);
        }
        rest = after
            .strip_prefix(", ")
            .or_else(|| after.strip_prefix(" or "))?;
    }
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

impl Found {
    fn parse(text: &str) -> Self {
        let tick = |prefix: &str| {
            text.strip_prefix(prefix)
                .and_then(|r| r.strip_prefix('`'))
                .and_then(|r| r.strip_suffix('`'))
                .map(str::to_owned)
        };
        if text == "null" || text == "unit value" {
            Found::Null
        } else if text == "sequence" {
            Found::Sequence
        } else if text == "map" {
            Found::Map
        } else if let Some(b) = tick("boolean ") {
            Found::Boolean(b)
        } else if let Some(n) = tick("integer ") {
            Found::Integer(n)
        } else if let Some(n) = tick("floating point ") {
            Found::Float(n)
        } else if let Some(s) = text
            .strip_prefix("string \"")
            .and_then(|r| r.strip_suffix('"'))
        {
            Found::Text(s.to_owned())
        } else {
            Found::Other(text.to_owned())
        }
    }

    fn message(&self, lang: Language) -> String {
        match self {
            Found::Null => ErrMsg::FoundNull.text(lang).to_owned(),
            Found::Boolean(b) => ErrMsg::FoundBoolean.fill(lang, &[b]),
            Found::Integer(n) => ErrMsg::FoundInteger.fill(lang, &[n]),
            Found::Float(n) => ErrMsg::FoundFloat.fill(lang, &[n]),
            Found::Text(s) => ErrMsg::FoundText.fill(lang, &[s]),
            Found::Sequence => ErrMsg::FoundSequence.text(lang).to_owned(),
            Found::Map => ErrMsg::FoundMap.text(lang).to_owned(),
            Found::Other(s) => quoted(lang, s),
        }
    }
}

impl Expected {
    fn parse(text: &str) -> Self {
        match text {
            "a string" | "a borrowed string" => Expected::Text,
            "a boolean" => Expected::Boolean,
            "a character" | "a char" => Expected::Char,
            "a sequence" => Expected::Sequence,
            "a map" => Expected::Map,
            "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Expected::Unsigned(text.into()),
            "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Expected::Signed(text.into()),
            "f32" | "f64" => Expected::Float(text.into()),
            _ => match text.strip_prefix("struct ") {
                Some(name) => Expected::Struct(name.to_owned()),
                None => Expected::Other(text.to_owned()),
            },
        }
    }

    fn message(&self, lang: Language) -> String {
        let word = |m: ErrMsg| m.text(lang).to_owned();
        match (self, lang) {
            // In English, serde's own words.
            (Expected::Unsigned(t) | Expected::Signed(t) | Expected::Float(t), Language::En) => {
                t.clone()
            }
            (Expected::Struct(name), Language::En) => format!("struct {name}"),
            (Expected::Text, _) => word(ErrMsg::ExpectText),
            (Expected::Boolean, _) => word(ErrMsg::ExpectBoolean),
            (Expected::Unsigned(_), _) => word(ErrMsg::ExpectUnsigned),
            (Expected::Signed(_), _) => word(ErrMsg::ExpectSigned),
            (Expected::Float(_), _) => word(ErrMsg::ExpectNumber),
            (Expected::Char, _) => word(ErrMsg::ExpectChar),
            (Expected::Sequence, _) => word(ErrMsg::ExpectSequence),
            (Expected::Map, _) => word(ErrMsg::ExpectMap),
            (Expected::Struct(name), _) => ErrMsg::ExpectStruct.fill(lang, &[name]),
            (Expected::Other(s), Language::En) => s.clone(),
            (Expected::Other(s), _) => quoted(lang, s),
        }
    }
}

/// Text from serde that is not translated, quoted in the language's way.
fn quoted(lang: Language, text: &str) -> String {
    ErrMsg::Quoted.fill(lang, &[&text])
}

/// The allowed names, as serde lists them: `there are no fields`,
/// `expected `a``, `expected `a` or `b``, `expected one of `a`, `b`, `c``.
fn allowed(lang: Language, names: &[String], fields: bool) -> String {
    let tick = |n: &String| format!("`{n}`");
    match names {
        [] if fields => ErrMsg::AllowedNoFields.text(lang).to_owned(),
        [] => ErrMsg::AllowedNoVariants.text(lang).to_owned(),
        [one] => ErrMsg::AllowedOne.fill(lang, &[&tick(one)]),
        [a, b] => ErrMsg::AllowedTwo.fill(lang, &[&tick(a), &tick(b)]),
        all => {
            let list = all.iter().map(tick).collect::<Vec<_>>().join(", ");
            ErrMsg::AllowedMany.fill(lang, &[&list])
        }
    }
}

impl Localized for JsonError {
    fn message(&self, lang: Language) -> String {
        match self {
            JsonError::InvalidType { found, expected } => {
                ErrMsg::JsonInvalidType.fill(lang, &[&found.message(lang), &expected.message(lang)])
            }
            JsonError::InvalidValue { found, expected } => ErrMsg::JsonInvalidValue
                .fill(lang, &[&found.message(lang), &expected.message(lang)]),
            JsonError::InvalidLength { length, expected } => {
                ErrMsg::JsonInvalidLength.fill(lang, &[length, &expected.message(lang)])
            }
            JsonError::UnknownVariant {
                name,
                allowed: names,
            } => ErrMsg::JsonUnknownVariant.fill(lang, &[name, &allowed(lang, names, false)]),
            JsonError::UnknownField {
                name,
                allowed: names,
            } => ErrMsg::JsonUnknownField.fill(lang, &[name, &allowed(lang, names, true)]),
            JsonError::MissingField(name) => ErrMsg::JsonMissingField.fill(lang, &[name]),
            JsonError::DuplicateField(name) => ErrMsg::JsonDuplicateField.fill(lang, &[name]),
            JsonError::Syntax(m) => m.text(lang).to_owned(),
            JsonError::Other(text) => match lang {
                Language::En => text.clone(),
                _ => ErrMsg::JsonOther.fill(lang, &[text]),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of<T: serde::de::DeserializeOwned + std::fmt::Debug>(text: &str) -> JsonError {
        JsonError::of(&serde_json::from_str::<T>(text).unwrap_err())
    }

    #[test]
    fn serde_s_shapes_are_read_and_written_in_both_languages() {
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            title: String,
            n: u32,
            kind: Kind,
        }
        #[derive(Debug, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Kind {
            Flow,
            Dependency,
        }
        let cases: Vec<(JsonError, &str, &str)> = vec![
            (
                error_of::<S>(r#"{"title": 5}"#),
                "invalid type: integer `5`, expected a string",
                "tipo no válido: el número entero `5`; se esperaba un texto",
            ),
            (
                error_of::<S>(r#"{"title": "a", "n": -1}"#),
                "invalid value: integer `-1`, expected u32",
                "valor no válido: el número entero `-1`; se esperaba un número entero no negativo",
            ),
            (
                error_of::<S>(r#"{"title": "a"}"#),
                "missing field `n`",
                "falta el campo `n`",
            ),
            (
                error_of::<S>(r#"{"title": "a", "n": 1, "kind": "x"}"#),
                "unknown variant `x`, expected `flow` or `dependency`",
                "`x` no es un valor posible: los posibles son `flow` y `dependency`",
            ),
            (
                error_of::<S>(r#"{"titel": "a"}"#),
                "unknown field `titel`, expected one of `title`, `n`, `kind`",
                "el campo `titel` no existe: los posibles son `title`, `n`, `kind`",
            ),
            (
                error_of::<S>(r#"{"title": "a""#),
                "EOF while parsing an object",
                "el archivo termina dentro de un objeto",
            ),
            (
                error_of::<S>(r#"{"title": true}"#),
                "invalid type: boolean `true`, expected a string",
                "tipo no válido: el valor lógico `true`; se esperaba un texto",
            ),
        ];
        for (error, en, es) in cases {
            assert_eq!(error.message(Language::En), en, "{error:?}");
            assert_eq!(error.message(Language::Es), es, "{error:?}");
        }
        let other = JsonError::parse("`2026-13-01` is not a day");
        assert_eq!(
            other.message(Language::Es),
            "el contenido no es válido («`2026-13-01` is not a day»)"
        );
    }
}
