//! Conflicts a three-way merge left for the user to resolve: an element's
//! field that the two sides changed two ways, or an element one side
//! deleted and the other changed (or still needs). The document holds our
//! side's value and keeps theirs here, so no value is lost and the file
//! stays a valid document (never conflict markers in its text).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The kinds of element a blueprint holds, as diff and merge name them.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ElementKind {
    /// The blueprint's own fields (title, description, settings).
    Blueprint,
    Stage,
    Step,
    Lane,
    Line,
    Touchpoint,
    Connector,
    Standard,
    /// A measured value of a standard.
    Measurement,
    Note,
    /// An improvement action.
    Action,
}

impl ElementKind {
    /// The English word for the kind, as the file and the messages name it.
    pub fn word(self) -> &'static str {
        match self {
            ElementKind::Blueprint => "blueprint",
            ElementKind::Stage => "stage",
            ElementKind::Step => "step",
            ElementKind::Lane => "lane",
            ElementKind::Line => "line",
            ElementKind::Touchpoint => "touchpoint",
            ElementKind::Connector => "connector",
            ElementKind::Standard => "standard",
            ElementKind::Measurement => "measurement",
            ElementKind::Note => "note",
            ElementKind::Action => "action",
        }
    }

    /// The kind a word of [`Self::word`] names.
    pub fn from_word(word: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.word() == word)
    }

    /// Every kind, in document order.
    pub const ALL: [ElementKind; 11] = [
        ElementKind::Blueprint,
        ElementKind::Stage,
        ElementKind::Step,
        ElementKind::Lane,
        ElementKind::Line,
        ElementKind::Touchpoint,
        ElementKind::Connector,
        ElementKind::Standard,
        ElementKind::Measurement,
        ElementKind::Note,
        ElementKind::Action,
    ];
}

/// A conflict of a merge, kept in the document until the user resolves it.
///
/// * A field changed two ways: `field` names it (`title`,
///   `fail_point.recovery`, or `order` for the order of a kind's elements,
///   then `id` is empty); the document holds `ours`, and `theirs` keeps the
///   other value. An absent value is the field's default.
/// * An element deleted on one side and changed (or still referred to) on
///   the other: `field` is empty; the element is kept in the document, and
///   the side that deleted it has no value (`ours` or `theirs` absent), the
///   other side the element as it is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub kind: ElementKind,
    /// The element's id (a line's kind; empty for the blueprint itself and
    /// for the order of a kind's elements).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id: String,
    /// The field changed two ways, its path dotted; empty for an element
    /// deleted on one side.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub field: String,
    /// Our value: the one the document holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ours: Option<serde_json::Value>,
    /// Their value, kept here to be taken instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub theirs: Option<serde_json::Value>,
}

impl Conflict {
    /// The same conflict seen from the other side: ours and theirs swapped.
    pub fn swapped(&self) -> Self {
        Self {
            ours: self.theirs.clone(),
            theirs: self.ours.clone(),
            ..self.clone()
        }
    }
}
