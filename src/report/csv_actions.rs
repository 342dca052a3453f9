//! Improvement actions to CSV and back: the action plan for spreadsheet
//! users, in English (`,`) or the Spanish Excel way (`;`, BOM), as the
//! standards' sheet is (see `csv_io`).
//!
//! Reading back is strict: a row that cannot be read as an action refuses
//! the whole file with its line and column, and nothing changes. A row whose
//! `action_id` names an action of the blueprint changes it (the columns the
//! sheet has; those it lacks are kept); any other row adds an action (with
//! the id given, or a fresh one).

use super::csv_error::{ImportError, Refusal, RowError};
use super::csv_io::CsvFormat;
use super::csv_text::{self, protect, unprotect};
use crate::i18n::Msg;
use crate::model::{
    ActionId, ActionStatus, Attachment, Blueprint, ImprovementAction, Language, NoteId, StandardId,
    TouchpointId,
};
use std::collections::HashMap;

/// The columns of the sheet, fixed (English, snake case) so that scripts can
/// rely on them.
const COLUMNS: [&str; 10] = [
    "action_id",
    "what",
    "owner",
    "due",
    "status",
    "attached_to",
    "attached_id",
    "attached_name",
    "moves_standard_id",
    "moves_standard",
];

/// The word of a status in a language.
pub fn status_word(s: ActionStatus) -> Msg {
    match s {
        ActionStatus::Open => Msg::ActionOpen,
        ActionStatus::InProgress => Msg::ActionInProgress,
        ActionStatus::Done => Msg::ActionDone,
        ActionStatus::Dropped => Msg::ActionDropped,
    }
}

/// The code of an attachment's kind (`fail_point`…) and its word.
pub fn attachment_kind(a: &Attachment) -> (&'static str, Msg) {
    match a {
        Attachment::FailPoint(_) => ("fail_point", Msg::ActionOnFailPoint),
        Attachment::Standard(_) => ("standard", Msg::ActionOnStandard),
        Attachment::Note(_) => ("note", Msg::ActionOnNote),
    }
}

/// The id an attachment names.
pub fn attachment_id(a: &Attachment) -> &str {
    match a {
        Attachment::FailPoint(t) => t.as_str(),
        Attachment::Standard(s) => s.as_str(),
        Attachment::Note(n) => n.as_str(),
    }
}

/// Names of what actions refer to, looked up by id: each list read once.
pub(crate) struct Names<'a> {
    touchpoints: HashMap<&'a str, &'a str>,
    standards: HashMap<&'a str, &'a str>,
    notes: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    pub(crate) fn new(bp: &'a Blueprint) -> Self {
        Self {
            touchpoints: (bp.touchpoints.iter())
                .map(|t| (t.id.as_str(), t.title.as_str()))
                .collect(),
            standards: (bp.standards.iter())
                .map(|s| (s.id.as_str(), s.statement.as_str()))
                .collect(),
            notes: (bp.notes.iter())
                .map(|n| (n.id.as_str(), n.text.as_str()))
                .collect(),
        }
    }

    /// The name of what an action is attached to: the fail point's
    /// touchpoint's title, the standard's statement, the note's text.
    pub(crate) fn of(&self, a: &Attachment) -> &'a str {
        let (map, id) = match a {
            Attachment::FailPoint(t) => (&self.touchpoints, t.as_str()),
            Attachment::Standard(s) => (&self.standards, s.as_str()),
            Attachment::Note(n) => (&self.notes, n.as_str()),
        };
        map.get(id).copied().unwrap_or("")
    }

    pub(crate) fn standard(&self, id: &StandardId) -> &'a str {
        self.standards.get(id.as_str()).copied().unwrap_or("")
    }
}

/// Every improvement action of the blueprint, one row each, in the order of
/// the document. Words (status, what it is attached to) are in `lang`; in
/// Spanish the sheet is `;`-separated with a byte-order mark, as the
/// standards' sheet is. Text cells a spreadsheet would run are protected.
pub fn actions_csv(bp: &Blueprint, lang: Language) -> String {
    let (mut w, bom) = csv_text::sheet_writer(lang);
    let _ = w.write_record(COLUMNS);
    let names = Names::new(bp);
    for a in &bp.actions {
        let attached = a.attached_to.as_ref();
        let cells = [
            protect(a.id.as_str()),
            protect(&a.what),
            protect(&a.owner),
            a.due.map(|d| d.to_string()).unwrap_or_default().into(),
            protect(status_word(a.status).text(lang)),
            protect(attached.map_or("", |x| attachment_kind(x).1.text(lang))),
            protect(attached.map_or("", attachment_id)),
            protect(attached.map_or("", |x| names.of(x))),
            protect(a.moves_standard.as_ref().map_or("", |s| s.as_str())),
            protect(a.moves_standard.as_ref().map_or("", |s| names.standard(s))),
        ];
        let _ = w.write_record(cells.iter().map(|c| c.as_bytes()));
    }
    csv_text::sheet_text(w, bom)
}

/// What an import of actions would do, not yet done.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionsImport {
    /// New actions, in the order of the sheet.
    pub added: Vec<ImprovementAction>,
    /// Actions of the blueprint as the sheet changes them.
    pub changed: Vec<ImprovementAction>,
    /// Rows that name an action of the blueprint and change nothing.
    pub unchanged: usize,
    /// How the file was read.
    pub format: CsvFormat,
}

impl ActionsImport {
    /// A summary for people, in a language.
    pub fn summary(&self, lang: Language) -> String {
        use crate::i18n::Plural;
        [
            Plural::ActionsAdded.count(lang, self.added.len()),
            Plural::ActionsChanged.count(lang, self.changed.len()),
            Plural::ActionsUnchanged.count(lang, self.unchanged),
        ]
        .join(", ")
    }

    /// The edit that makes the import: one undo step.
    pub fn edit(&self) -> crate::edit::Edit {
        use crate::edit::Edit;
        let added = self.added.iter().cloned().map(Edit::AddAction);
        let changed = self.changed.iter().cloned().map(Edit::SetAction);
        Edit::Batch(changed.chain(added).collect())
    }

    /// Whether the import changes nothing.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty()
    }
}

/// A word read in either language or as its code, ignoring case.
fn word<T: Copy>(
    text: &str,
    all: &[T],
    code: impl Fn(T) -> &'static str,
    msg: impl Fn(T) -> Msg,
) -> Option<T> {
    let text = text.trim().to_lowercase().replace(' ', "_");
    all.iter().copied().find(|&x| {
        code(x) == text
            || Language::ALL
                .iter()
                .any(|&l| msg(x).text(l).to_lowercase().replace(' ', "_") == text)
    })
}

/// Reads the improvement actions in a CSV file (encoded and separated as
/// [`super::import_measurements_bytes`] reads them) against `bp`, without
/// changing it. The work is linear in the rows and the blueprint.
pub fn import_actions_bytes(bp: &Blueprint, bytes: &[u8]) -> Result<ActionsImport, ImportError> {
    let decoded = csv_text::decode(bytes)?;
    let format = CsvFormat {
        encoding: decoded.encoding,
        bom: decoded.bom,
        separator: csv_text::separator(&decoded.text),
    };
    let (mut reader, headers) = csv_text::reader(&decoded.text, format)?;
    let col = |name: &str| headers.iter().position(|h| h.eq_ignore_ascii_case(name));
    let Some(what_col) = col("what") else {
        return Err(ImportError::NoWhatColumn {
            format,
            found: headers.iter().take(12).map(str::to_owned).collect(),
            more: headers.len() > 12,
        });
    };
    let [
        id_col,
        owner_col,
        due_col,
        status_col,
        kind_col,
        attached_col,
        moves_col,
    ] = [
        "action_id",
        "owner",
        "due",
        "status",
        "attached_to",
        "attached_id",
        "moves_standard_id",
    ]
    .map(col);
    let actions: HashMap<&str, usize> = (bp.actions.iter().enumerate())
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let names = Names::new(bp);
    let mut out = ImportActionsState {
        import: ActionsImport {
            format,
            ..ActionsImport::default()
        },
        errors: (None, 0),
        seen: HashMap::new(),
    };
    let mut record = csv::StringRecord::new();
    loop {
        let line = match reader.read_record(&mut record) {
            Ok(true) => record.position().map_or(0, |p| p.line()),
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                out.error(line, 1, Refusal::Unreadable(e.to_string()));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        if record.len() > headers.len() && record.iter().skip(headers.len()).any(|f| !f.is_empty())
        {
            let why = Refusal::TooManyFields {
                fields: record.len(),
                header: headers.len(),
                comma_hint: format.separator == ',',
            };
            out.error(line, headers.len() + 1, why);
            continue;
        }
        let field = |c: Option<usize>| unprotect(c.and_then(|c| record.get(c)).unwrap_or(""));
        let id = field(id_col);
        let existing = actions.get(id).map(|&i| &bp.actions[i]);
        let mut a = match existing {
            Some(a) => a.clone(),
            None => ImprovementAction::new("", None),
        };
        if !id.is_empty() {
            if let Some(first_line) = out.seen.insert(id.to_owned(), line) {
                let why = Refusal::RepeatedId {
                    id: id.to_owned(),
                    first_line,
                };
                out.error(line, id_col.map_or(1, |c| c + 1), why);
                continue;
            }
            a.id = ActionId::from(id);
        }
        a.what = field(Some(what_col)).to_owned();
        if a.what.trim().is_empty() {
            out.error(line, what_col + 1, Refusal::EmptyWhat);
            continue;
        }
        if owner_col.is_some() {
            a.owner = field(owner_col).to_owned();
        }
        if let Some(c) = due_col {
            let text = field(Some(c));
            a.due = if text.is_empty() {
                None
            } else {
                match csv_text::read_date(text, format.separator == ';') {
                    Ok(d) => Some(d),
                    Err(e) => {
                        out.error(line, c + 1, Refusal::Date(e));
                        continue;
                    }
                }
            };
        }
        if let Some(c) = status_col {
            let text = field(Some(c));
            a.status = if text.is_empty() {
                ActionStatus::Open
            } else {
                match word(text, &ActionStatus::ALL, ActionStatus::code, status_word) {
                    Some(s) => s,
                    None => {
                        out.error(line, c + 1, Refusal::BadStatus(text.to_owned()));
                        continue;
                    }
                }
            };
        }
        if kind_col.is_some() || attached_col.is_some() {
            match attachment(&names, field(kind_col), field(attached_col)) {
                Ok(to) => a.attached_to = to,
                Err((on_kind, why)) => {
                    let c = if on_kind { kind_col } else { attached_col };
                    out.error(line, c.or(attached_col).map_or(1, |c| c + 1), why);
                    continue;
                }
            }
        }
        if let Some(c) = moves_col {
            let text = field(Some(c));
            a.moves_standard = if text.is_empty() {
                None
            } else if names.standards.contains_key(text) {
                Some(StandardId::from(text))
            } else {
                let why = Refusal::NoSuchElement {
                    kind: "standard",
                    id: text.to_owned(),
                };
                out.error(line, c + 1, why);
                continue;
            };
        }
        match existing {
            Some(old) if *old == a => out.import.unchanged += 1,
            Some(_) => out.import.changed.push(a),
            None => out.import.added.push(a),
        }
    }
    if let (Some(first), others) = out.errors {
        return Err(ImportError::Refused {
            first: Box::new(first),
            others: others.saturating_sub(1),
        });
    }
    Ok(out.import)
}

struct ImportActionsState {
    import: ActionsImport,
    /// The first row error, and how many there are.
    errors: (Option<RowError>, usize),
    /// The line of each action id given so far.
    seen: HashMap<String, u64>,
}

impl ImportActionsState {
    fn error(&mut self, line: u64, column: usize, why: Refusal) {
        self.errors.1 += 1;
        self.errors.0.get_or_insert(RowError { line, column, why });
    }
}

/// What a row's `attached_to` and `attached_id` name. Without a kind, the
/// kind of the element with the id. On error, whether the kind is at fault.
fn attachment(names: &Names, kind: &str, id: &str) -> Result<Option<Attachment>, (bool, Refusal)> {
    const KINDS: [&str; 3] = ["fail_point", "standard", "note"];
    let word = |k: &'static str| match k {
        "fail_point" => Msg::ActionOnFailPoint,
        "standard" => Msg::ActionOnStandard,
        _ => Msg::ActionOnNote,
    };
    if kind.is_empty() && id.is_empty() {
        return Ok(None);
    }
    let kind = if kind.is_empty() {
        if names.touchpoints.contains_key(id) {
            "fail_point"
        } else if names.standards.contains_key(id) {
            "standard"
        } else {
            "note"
        }
    } else {
        match self::word(kind, &KINDS, |k| k, word) {
            Some(k) => k,
            None => return Err((true, Refusal::BadKind(kind.to_owned()))),
        }
    };
    let (found, element) = match kind {
        "fail_point" => (names.touchpoints.contains_key(id), "touchpoint"),
        "standard" => (names.standards.contains_key(id), "standard"),
        _ => (names.notes.contains_key(id), "note"),
    };
    if !found {
        let why = Refusal::NoSuchElement {
            kind: element,
            id: id.to_owned(),
        };
        return Err((false, why));
    }
    Ok(Some(match kind {
        "fail_point" => Attachment::FailPoint(TouchpointId::from(id)),
        "standard" => Attachment::Standard(StandardId::from(id)),
        _ => Attachment::Note(NoteId::from(id)),
    }))
}
