//! Taking a change over: the edits that make one element of this document
//! as it is in the other version. A change of [`crate::versions::diff`]
//! from the other version (old) to this one (new) is taken by going back
//! to the old side: an element added here is deleted, one removed here is
//! added again, changed or moved fields get the other version's values.
//!
//! Taken over: touchpoints, connectors, standards, their measured values
//! and notes whole; the blueprint's title, description, contact level,
//! language, emotion curve and switched-off rules; the names of lanes,
//! stages and steps and whether a lane is hidden. Anything else (a stage
//! or step added or removed, a line, the order of steps) is listed and
//! marked but not taken, and says so.

use crate::edit::Edit;
use crate::model::*;
use crate::versions::{Change, FieldChange, What, set_field};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

/// Why a change cannot be taken over.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum TakeError {
    /// A kind of change the editor does not take over (yet).
    #[error("this change cannot be taken over in the editor")]
    Unsupported,
    /// The element is not in the version it should be in.
    #[error("the element is not in this version any more")]
    Gone,
    /// The other version's value does not fit this document's element.
    #[error("the other version's value does not fit")]
    Unfit,
}

impl crate::i18n::Localized for TakeError {
    fn message(&self, lang: Language) -> String {
        use crate::i18n::Msg;
        match self {
            TakeError::Unsupported => Msg::CompareCannotTake,
            TakeError::Gone => Msg::CompareGone,
            TakeError::Unfit => Msg::CompareUnfit,
        }
        .text(lang)
        .to_owned()
    }
}

/// Whether a change is of a kind [`edits`] takes over (it may still fail
/// on the document as it is).
pub fn supported(c: &Change) -> bool {
    use ElementKind as K;
    match (&c.what, c.kind) {
        (What::Compliance { .. }, _) => false,
        (_, K::Touchpoint | K::Connector | K::Standard | K::Measurement | K::Note | K::Action) => {
            true
        }
        (What::Changed { fields }, K::Blueprint | K::Lane | K::Stage | K::Step) => {
            fields.iter().all(|f| named_field(c.kind, &f.field))
        }
        _ => false,
    }
}

/// The fields of the blueprint, lanes, stages and steps that are taken.
fn named_field(kind: ElementKind, field: &str) -> bool {
    match kind {
        ElementKind::Blueprint => matches!(
            field,
            "title"
                | "description"
                | "contact_level"
                | "language"
                | "emotion_curve"
                | "disabled_rules"
        ),
        ElementKind::Lane => matches!(field, "name" | "hidden"),
        ElementKind::Stage | ElementKind::Step => field == "name",
        _ => false,
    }
}

/// The edits that take change `c` (from `other` to `here`) over, as one
/// undo step.
pub fn edits(c: &Change, here: &Blueprint, other: &Blueprint) -> Result<Vec<Edit>, TakeError> {
    if !supported(c) {
        return Err(TakeError::Unsupported);
    }
    match (&c.what, c.kind) {
        (_, ElementKind::Measurement) => measurement(c, here, other).map(|e| vec![e]),
        (What::Added { .. }, kind) => Ok(vec![delete(kind, &c.id)]),
        (What::Removed { value }, kind) => add(kind, value).map(|e| vec![e]),
        (What::Moved { fields } | What::Changed { fields }, kind) => set(kind, &c.id, fields, here),
        _ => Err(TakeError::Unsupported),
    }
}

/// Deletes an element added here.
fn delete(kind: ElementKind, id: &str) -> Edit {
    match kind {
        ElementKind::Connector => Edit::DeleteConnector(id.into()),
        ElementKind::Standard => Edit::DeleteStandard(id.into()),
        ElementKind::Note => Edit::DeleteNote(id.into()),
        ElementKind::Action => Edit::DeleteAction(id.into()),
        _ => Edit::DeleteTouchpoints(vec![id.into()]),
    }
}

/// Adds again an element removed here, as the other version has it.
fn add(kind: ElementKind, value: &Value) -> Result<Edit, TakeError> {
    Ok(match kind {
        ElementKind::Connector => Edit::AddConnector(from(value)?),
        ElementKind::Standard => Edit::AddStandard(from(value)?),
        ElementKind::Note => Edit::AddNote(from(value)?),
        ElementKind::Action => Edit::AddAction(from(value)?),
        _ => Edit::AddTouchpoint(from(value)?),
    })
}

fn from<T: DeserializeOwned>(value: &Value) -> Result<T, TakeError> {
    serde_json::from_value(value.clone()).map_err(|_| TakeError::Unfit)
}

/// An element with the fields of a change set to the other version's
/// values.
fn with_fields<T: Serialize + DeserializeOwned>(
    here: &T,
    fields: &[FieldChange],
) -> Result<T, TakeError> {
    let mut v = serde_json::to_value(here).map_err(|_| TakeError::Unfit)?;
    for f in fields {
        set_field(&mut v, &f.field, f.old.clone());
    }
    from(&v)
}

/// The edits that give an element the other version's values of `fields`.
fn set(
    kind: ElementKind,
    id: &str,
    fields: &[FieldChange],
    here: &Blueprint,
) -> Result<Vec<Edit>, TakeError> {
    let gone = || TakeError::Gone;
    let one = |e: Edit| Ok(vec![e]);
    match kind {
        ElementKind::Touchpoint => {
            let tp = here.touchpoint(&id.into()).ok_or_else(gone)?;
            one(Edit::SetTouchpoint(with_fields(tp, fields)?))
        }
        ElementKind::Standard => {
            let s = here.standards.iter().find(|s| s.id.as_str() == id);
            one(Edit::SetStandard(with_fields(s.ok_or_else(gone)?, fields)?))
        }
        ElementKind::Note => {
            let n = here.notes.iter().find(|n| n.id.as_str() == id);
            one(Edit::SetNote(with_fields(n.ok_or_else(gone)?, fields)?))
        }
        ElementKind::Action => {
            let a = here.actions.iter().find(|a| a.id.as_str() == id);
            one(Edit::SetAction(with_fields(a.ok_or_else(gone)?, fields)?))
        }
        ElementKind::Connector => {
            // A connector has no edit of its own fields: it is put back
            // whole, in one step.
            let c = here.connectors.iter().find(|c| c.id.as_str() == id);
            let new: Connector = with_fields(c.ok_or_else(gone)?, fields)?;
            Ok(vec![
                Edit::DeleteConnector(id.into()),
                Edit::AddConnector(new),
            ])
        }
        _ => fields.iter().map(|f| named(kind, id, f)).collect(),
    }
}

/// The edit that sets one field of the blueprint, a lane, stage or step.
fn named(kind: ElementKind, id: &str, f: &FieldChange) -> Result<Edit, TakeError> {
    let old = f.old.clone().unwrap_or(Value::Null);
    let text = || old.as_str().map(str::to_owned).ok_or(TakeError::Unfit);
    Ok(match (kind, f.field.as_str()) {
        (ElementKind::Blueprint, "title") => Edit::SetTitle(text()?),
        (ElementKind::Blueprint, "description") => {
            Edit::SetDescription(old.as_str().unwrap_or_default().to_owned())
        }
        (ElementKind::Blueprint, "contact_level") => {
            Edit::SetContactLevel(from_or_default(&f.old)?)
        }
        (ElementKind::Blueprint, "language") => Edit::SetLanguage(from_or_default(&f.old)?),
        (ElementKind::Blueprint, "emotion_curve") => {
            Edit::SetEmotionCurve(from_or_default(&f.old)?)
        }
        (ElementKind::Blueprint, "disabled_rules") => {
            Edit::SetDisabledRules(from_or_default(&f.old)?)
        }
        (ElementKind::Lane, "name") => Edit::RenameLane {
            id: id.into(),
            name: text()?,
        },
        (ElementKind::Lane, "hidden") => Edit::SetLaneHidden {
            id: id.into(),
            hidden: from_or_default(&f.old)?,
        },
        (ElementKind::Stage, "name") => Edit::RenameStage {
            id: id.into(),
            name: text()?,
        },
        (ElementKind::Step, "name") => Edit::RenameStep {
            id: id.into(),
            name: text()?,
        },
        _ => return Err(TakeError::Unsupported),
    })
}

/// A value, or the type's default where the field was absent.
fn from_or_default<T: DeserializeOwned + Default>(v: &Option<Value>) -> Result<T, TakeError> {
    match v {
        None | Some(Value::Null) => Ok(T::default()),
        Some(v) => from(v),
    }
}

/// A standard's measured values on the change's date as the other version
/// has them.
fn measurement(c: &Change, here: &Blueprint, other: &Blueprint) -> Result<Edit, TakeError> {
    let date: Date = c.name.parse().map_err(|_| TakeError::Unfit)?;
    let mine = here.standards.iter().find(|s| s.id.as_str() == c.id);
    let mut s = mine.ok_or(TakeError::Gone)?.clone();
    let theirs = other.standards.iter().find(|s| s.id.as_str() == c.id);
    s.measurements.retain(|m| m.date != date);
    s.measurements.extend(
        theirs
            .iter()
            .flat_map(|t| &t.measurements)
            .filter(|m| m.date == date)
            .cloned(),
    );
    Ok(Edit::SetStandard(s))
}

#[cfg(test)]
#[path = "take_tests.rs"]
pub(super) mod tests;
