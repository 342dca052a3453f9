//! Changes, conflicts and whole blueprints as a person reads them, in
//! English or Spanish: `servuction diff`, `merge` and `show` print these.
//! An id that names a lane, step, stage or touchpoint is shown with its
//! name; numbers as the language writes them.

use super::diff::{Changes, What};
use super::records::{Parts, Record, to_value};
use crate::i18n::{CliMsg, compliance as compliance_word, date, decimal};
use crate::model::{Blueprint, Conflict, ElementKind, Language};
use crate::shown::one_line;
use foldhash::{HashMap, HashMapExt};
use serde_json::Value;
use std::fmt::Write as _;

/// The word for a kind of element, without an article.
pub fn kind_word(kind: ElementKind, lang: Language) -> &'static str {
    let m = match kind {
        ElementKind::Blueprint => CliMsg::KindBlueprint,
        ElementKind::Stage => CliMsg::KindStage,
        ElementKind::Step => CliMsg::KindStep,
        ElementKind::Lane => CliMsg::KindLane,
        ElementKind::Line => CliMsg::KindLine,
        ElementKind::Touchpoint => CliMsg::KindTouchpoint,
        ElementKind::Connector => CliMsg::KindConnector,
        ElementKind::Standard => CliMsg::KindStandard,
        ElementKind::Measurement => CliMsg::KindMeasurement,
        ElementKind::Note => CliMsg::KindNote,
        ElementKind::Action => CliMsg::KindAction,
    };
    m.text(lang)
}

/// The names of the elements other elements refer to, by id.
struct Names<'a>(HashMap<&'a str, &'a str>);

impl<'a> Names<'a> {
    /// The names in some versions (the first version's win): of lanes,
    /// stages and steps, and with `touchpoints` of touchpoints.
    fn of(docs: &[&'a Blueprint], touchpoints: bool) -> Self {
        let mut map = HashMap::new();
        for bp in docs.iter().rev() {
            for stage in &bp.stages {
                map.insert(stage.id.as_str(), stage.name.as_str());
                for step in &stage.steps {
                    map.insert(step.id.as_str(), step.name.as_str());
                }
            }
            for lane in &bp.lanes {
                map.insert(lane.id.as_str(), lane.name.as_str());
            }
            for tp in bp.touchpoints.iter().filter(|_| touchpoints) {
                map.insert(tp.id.as_str(), tp.title.as_str());
            }
        }
        Self(map)
    }

    /// A value as a person reads it.
    fn value(&self, v: Option<&Value>, lang: Language) -> String {
        match v {
            None | Some(Value::Null) => CliMsg::ValueNone.text(lang).to_owned(),
            Some(Value::Bool(true)) => CliMsg::ValueYes.text(lang).to_owned(),
            Some(Value::Bool(false)) => CliMsg::ValueNo.text(lang).to_owned(),
            Some(Value::Number(n)) => match n.as_f64() {
                Some(f) => decimal(f, 6, lang),
                None => n.to_string(),
            },
            Some(Value::String(s)) => match self.0.get(s.as_str()) {
                Some(name) => format!("{} ({})", quoted(name, lang), one_line(s)),
                None => CliMsg::Quoted.fill(lang, &[&one_line(s)]),
            },
            Some(other) => other.to_string(),
        }
    }
}

/// An element as a heading: its kind, id and name (quoted, or empty).
fn element(kind: ElementKind, id: &str, name: &str, lang: Language) -> String {
    let mut out = kind_word(kind, lang).to_owned();
    for part in [&one_line(id), name] {
        if !part.is_empty() {
            out.push(' ');
            out.push_str(part);
        }
    }
    out
}

fn quoted(text: &str, lang: Language) -> String {
    if text.is_empty() {
        String::new()
    } else {
        CliMsg::Quoted.fill(lang, &[&one_line(text)])
    }
}

/// The changes from `old` to `new`, one element a line and each field
/// changed on an indented line: `  title: "A" -> "B"`.
pub fn changes_text(changes: &Changes, old: &Blueprint, new: &Blueprint, lang: Language) -> String {
    let mut out = String::new();
    for c in change_lines(changes, old, new, lang) {
        let _ = writeln!(out, "{}: {}", c.element, c.what);
        for f in &c.fields {
            let _ = writeln!(out, "  {f}");
        }
    }
    out
}

/// One change as a person reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChangeLine {
    /// The element: its kind, id and name (`touchpoint tp-1 "Greets"`).
    pub element: String,
    /// What happened (`changed`, `compliance met -> missed`).
    pub what: String,
    /// Each field changed: `title: "A" -> "B"`.
    pub fields: Vec<String>,
}

/// The changes from `old` to `new` as a person reads them, one each.
pub fn change_lines(
    changes: &Changes,
    old: &Blueprint,
    new: &Blueprint,
    lang: Language,
) -> Vec<ChangeLine> {
    let names = Names::of(&[new, old], true);
    changes
        .changes
        .iter()
        .map(|c| {
            // A measured value is named by its date, as the language writes it.
            let name = match c.name.parse() {
                Ok(d) if c.kind == ElementKind::Measurement => date(d, lang),
                _ => quoted(&c.name, lang),
            };
            let (what, fields) = match &c.what {
                What::Added { value } | What::Removed { value }
                    if c.kind == ElementKind::Measurement =>
                {
                    let verb = match c.what {
                        What::Added { .. } => CliMsg::DiffAdded,
                        _ => CliMsg::DiffRemoved,
                    };
                    let value = names.value(value.get("value"), lang);
                    (format!("{} {value}", verb.text(lang)), None)
                }
                What::Added { .. } => (CliMsg::DiffAdded.text(lang).to_owned(), None),
                What::Removed { .. } => (CliMsg::DiffRemoved.text(lang).to_owned(), None),
                What::Moved { fields } => (CliMsg::DiffMoved.text(lang).to_owned(), Some(fields)),
                What::Changed { fields } => {
                    (CliMsg::DiffChanged.text(lang).to_owned(), Some(fields))
                }
                What::Compliance { old, new } => (
                    CliMsg::DiffCompliance.fill(
                        lang,
                        &[
                            &compliance_word(*old).text(lang).to_lowercase(),
                            &compliance_word(*new).text(lang).to_lowercase(),
                        ],
                    ),
                    None,
                ),
            };
            let fields = (fields.into_iter().flatten())
                .flat_map(|f| {
                    if c.kind == ElementKind::Touchpoint && f.field == "photos" {
                        return super::photo_text::photo_lines(
                            f.old.as_ref(),
                            f.new.as_ref(),
                            lang,
                        );
                    }
                    vec![format!(
                        "{}: {} -> {}",
                        f.field,
                        names.value(f.old.as_ref(), lang),
                        names.value(f.new.as_ref(), lang)
                    )]
                })
                .collect();
            ChangeLine {
                element: element(c.kind, &c.id, &name, lang),
                what,
                fields,
            }
        })
        .collect()
}

/// One conflict of a merged document, on one line.
pub fn conflict_text(c: &Conflict, doc: &Blueprint, lang: Language) -> String {
    conflict_line(c, &Names::of(&[doc], true), lang)
}

/// Conflicts of a document, each on one line (the names of the document
/// looked up once for all).
pub fn conflicts_text(conflicts: &[Conflict], doc: &Blueprint, lang: Language) -> Vec<String> {
    let names = Names::of(&[doc], true);
    conflicts
        .iter()
        .map(|c| conflict_line(c, &names, lang))
        .collect()
}

fn conflict_line(c: &Conflict, names: &Names, lang: Language) -> String {
    let name = names.0.get(c.id.as_str()).copied().unwrap_or_default();
    let what = element(c.kind, &c.id, &quoted(name, lang), lang);
    if c.field == "order" && c.id.is_empty() {
        return CliMsg::ConflictOrder.fill(lang, &[&kind_word(c.kind, lang)]);
    }
    if c.field == "document" {
        return CliMsg::ConflictDocument.text(lang).to_owned();
    }
    if !c.field.is_empty() {
        return CliMsg::ConflictField.fill(
            lang,
            &[
                &what,
                &one_line(&c.field),
                &names.value(c.ours.as_ref(), lang),
                &names.value(c.theirs.as_ref(), lang),
            ],
        );
    }
    let m = match (&c.ours, &c.theirs) {
        (None, None) => CliMsg::ConflictDeletedInBoth,
        (None, Some(_)) => CliMsg::ConflictDeletedInOurs,
        (Some(_), _) => CliMsg::ConflictDeletedInTheirs,
    };
    m.fill(lang, &[&what])
}

/// A whole blueprint as text: each element a heading line, its fields
/// (those not at their default) on indented lines, in document order,
/// the same bytes for the same document. What `git diff` shows through
/// `servuction show` as a textconv.
pub fn outline(bp: &Blueprint, lang: Language) -> String {
    // Touchpoints by id alone: a title changed is one line of the text
    // (git diff's), not one more for each connector and standard.
    let names = Names::of(&[bp], false);
    let parts = Parts::split(bp);
    let mut out = String::new();
    let one = std::slice::from_ref;
    records(one(&parts.head), &names, lang, &mut out);
    records(&parts.stages, &names, lang, &mut out);
    records(&parts.steps, &names, lang, &mut out);
    records(&parts.lanes, &names, lang, &mut out);
    records(&parts.lines, &names, lang, &mut out);
    records(&parts.touchpoints, &names, lang, &mut out);
    records(&parts.connectors, &names, lang, &mut out);
    for (s, full) in parts.standards.iter().zip(&bp.standards) {
        records(std::slice::from_ref(s), &names, lang, &mut out);
        for m in &full.measurements {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                kind_word(ElementKind::Measurement, lang),
                date(m.date, lang),
                decimal(m.value, 6, lang)
            );
        }
    }
    records(&parts.notes, &names, lang, &mut out);
    records(&parts.actions, &names, lang, &mut out);
    for line in conflicts_text(&bp.conflicts, bp, lang) {
        let _ = writeln!(out, "{line}");
    }
    out
}

/// The fields that hold what a record's heading already shows.
const NAME_FIELDS: &[&str] = &["title", "name", "statement", "text", "label"];

/// Records with their fields, for [`outline`].
fn records<R: Record>(list: &[R], names: &Names, lang: Language, out: &mut String) {
    for r in list {
        let name = quoted(r.name(), lang);
        let _ = writeln!(out, "{}", element(R::KIND, r.key(), &name, lang));
        let mut fields = Vec::new();
        let value = to_value(r);
        flatten("", &value, &mut fields);
        for (field, v) in fields {
            let is_name = NAME_FIELDS.contains(&field.as_str()) && v.as_str() == Some(r.name());
            let skip = field == "id" || is_name || v.as_array().is_some_and(Vec::is_empty);
            if !skip {
                let _ = writeln!(out, "  {field}: {}", names.value(Some(v), lang));
            }
        }
    }
}

/// The leaves of a JSON object with their dotted paths.
fn flatten<'v>(path: &str, v: &'v Value, out: &mut Vec<(String, &'v Value)>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                flatten(&p, v, out);
            }
        }
        _ => out.push((path.to_owned(), v)),
    }
}
