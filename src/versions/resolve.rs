//! Resolving a conflict a merge left in a document: keep our value (the
//! document's), or take theirs, and the conflict leaves the list. The
//! command line's `servuction resolve` and, later, the editor's list of
//! conflicts call this.

use super::records::{Parts, Record, to_value};
use crate::i18n::{ErrMsg, Localized};
use crate::model::{Blueprint, Conflict, ElementKind, IntegrityError, Language, Problem};
use serde_json::Value;

/// Which side of a conflict to take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Our value: the one the document holds (for an element one side
    /// deleted: ours, deleted or kept).
    Ours,
    /// Their value, kept in the conflict.
    Theirs,
}

/// Why a conflict could not be resolved as asked; the document is left as
/// it was.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum ResolveError {
    #[error("there is no conflict {number}; the document has {count}")]
    NoConflict { number: usize, count: usize },
    #[error("the {} `{id}` of this conflict is no longer in the document", kind.word())]
    Gone { kind: ElementKind, id: String },
    #[error("the {} `{id}` is still needed by other elements", kind.word())]
    Needed { kind: ElementKind, id: String },
    #[error("the value would make the document invalid: {0}")]
    Invalid(Problem),
    #[error("their value of `{field}` does not fit the field")]
    Unfit { field: String },
}

impl Localized for ResolveError {
    fn message(&self, lang: Language) -> String {
        let word = |k: ElementKind| super::kind_word(k, lang);
        match self {
            ResolveError::NoConflict { number, count } => {
                ErrMsg::ResolveNoConflict.fill(lang, &[number, count])
            }
            ResolveError::Gone { kind, id } => ErrMsg::ResolveGone.fill(lang, &[&word(*kind), id]),
            ResolveError::Needed { kind, id } => {
                ErrMsg::ResolveNeeded.fill(lang, &[&word(*kind), id])
            }
            ResolveError::Invalid(p) => ErrMsg::ResolveInvalid
                .fill(lang, &[&format!("{}: {}", p.path, p.error.message(lang))]),
            ResolveError::Unfit { field } => ErrMsg::ResolveUnfit.fill(lang, &[field]),
        }
    }
}

/// What taking a side does to the element of a conflict.
enum Op {
    /// Set a field (dotted path) to a value (absent: its default).
    Set(String, Option<Value>),
    /// Delete the element.
    Delete,
    /// Put the kind's elements in this order (others after, as they were).
    Order(Vec<String>),
}

/// Resolves conflict `index` of `doc` by taking `side`, and removes it from
/// the list. Fails, leaving `doc` as it was, when their value no longer
/// fits (the element is gone, or the document would be invalid). A field
/// whose value fits only with the element's other fields of the same side
/// (a note made loose on one side and pinned on the other) is taken with
/// them: those conflicts are resolved too.
pub fn resolve(doc: &mut Blueprint, index: usize, side: Side) -> Result<(), ResolveError> {
    let count = doc.conflicts.len();
    let Some(c) = doc.conflicts.get(index) else {
        return Err(ResolveError::NoConflict {
            number: index + 1,
            count,
        });
    };
    // Our value, or an element kept on the side taken: the document holds
    // it already.
    let kept = match side {
        Side::Ours => !c.field.is_empty() || c.ours.is_some(),
        Side::Theirs => c.field.is_empty() && c.theirs.is_some(),
    };
    if kept {
        doc.conflicts.remove(index);
        return Ok(());
    }
    let alone = taking(doc, &[index], side);
    let field = !c.id.is_empty() && !c.field.is_empty();
    let new = match alone {
        Err(ResolveError::Invalid(_)) if field && side == Side::Theirs => {
            let group: Vec<usize> = (doc.conflicts.iter().enumerate())
                .filter(|(_, k)| k.kind == c.kind && k.id == c.id && !k.field.is_empty())
                .map(|(i, _)| i)
                .collect();
            taking(doc, &group, side).or(alone)?
        }
        other => other?,
    };
    *doc = new;
    Ok(())
}

/// Resolves conflicts `indices` of `doc` taking `side`: all at once when
/// that gives a valid document, else one by one as [`resolve`] does. The
/// conflicts that could not be resolved stay, and are returned with their
/// index (as it was) and why.
pub fn resolve_many(
    doc: &mut Blueprint,
    indices: &[usize],
    side: Side,
) -> Vec<(usize, ResolveError)> {
    let count = doc.conflicts.len();
    let mut failed: Vec<(usize, ResolveError)> = (indices.iter())
        .filter(|&&i| i >= count)
        .map(|&i| {
            (
                i,
                ResolveError::NoConflict {
                    number: i + 1,
                    count,
                },
            )
        })
        .collect();
    let mut chosen: Vec<usize> = indices.iter().copied().filter(|&i| i < count).collect();
    chosen.sort_unstable();
    chosen.dedup();
    if let Ok(new) = taking(doc, &chosen, side) {
        *doc = new;
        return failed;
    }
    // One by one, from the last, each found by its value: resolving one
    // may resolve others of its element with it, and move the rest.
    let wanted: Vec<(usize, Conflict)> = chosen
        .iter()
        .map(|&i| (i, doc.conflicts[i].clone()))
        .collect();
    for (i, c) in wanted.into_iter().rev() {
        let end = i.min(doc.conflicts.len().saturating_sub(1));
        let Some(now) = (0..=end).rev().find(|&j| doc.conflicts.get(j) == Some(&c)) else {
            continue;
        };
        if let Err(e) = resolve(doc, now, side) {
            failed.push((i, e));
        }
    }
    failed.sort_by_key(|(i, _)| *i);
    failed
}

/// The document with conflicts `indices` resolved taking `side`, if valid.
fn taking(doc: &Blueprint, indices: &[usize], side: Side) -> Result<Blueprint, ResolveError> {
    let rest: Vec<Conflict> = (doc.conflicts.iter().enumerate())
        .filter(|(i, _)| !indices.contains(i))
        .map(|(_, c)| c.clone())
        .collect();
    let mut parts = Parts::split(doc);
    let mut last = None;
    for c in indices.iter().filter_map(|&i| doc.conflicts.get(i)) {
        last = Some(c);
        let op = match (side, c.field.as_str(), &c.theirs) {
            (Side::Theirs, "document", Some(theirs)) if c.id.is_empty() => {
                let mut whole: Blueprint =
                    serde_json::from_value(theirs.clone()).map_err(|_| gone(c))?;
                whole.conflicts = rest;
                return valid(whole, c);
            }
            (Side::Theirs, "order", Some(Value::Array(ids))) if c.id.is_empty() => Op::Order(
                ids.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
            ),
            // Deleted on one side: taking that side deletes it.
            (_, "", _) => {
                let taken = if side == Side::Ours {
                    &c.ours
                } else {
                    &c.theirs
                };
                if taken.is_some() {
                    continue;
                }
                Op::Delete
            }
            (Side::Theirs, field, theirs) => Op::Set(field.to_owned(), theirs.clone()),
            (Side::Ours, _, _) => continue,
        };
        match c.kind {
            ElementKind::Blueprint => {
                let mut head = vec![std::mem::take(&mut parts.head)];
                let applied = apply(&mut head, &c.id, &op);
                parts.head = head.pop().unwrap_or_default();
                applied
            }
            ElementKind::Stage => apply(&mut parts.stages, &c.id, &op),
            ElementKind::Step => apply(&mut parts.steps, &c.id, &op),
            ElementKind::Lane => apply(parts.lanes.to_mut(), &c.id, &op),
            ElementKind::Line => apply(parts.lines.to_mut(), &c.id, &op),
            ElementKind::Touchpoint => apply(parts.touchpoints.to_mut(), &c.id, &op),
            ElementKind::Connector => apply(parts.connectors.to_mut(), &c.id, &op),
            ElementKind::Standard => apply(&mut parts.standards, &c.id, &op),
            ElementKind::Note => apply(parts.notes.to_mut(), &c.id, &op),
            ElementKind::Action => apply(parts.actions.to_mut(), &c.id, &op),
            ElementKind::Measurement => Err(gone(c)),
        }?;
    }
    let by_id: foldhash::HashMap<&str, &[crate::model::Measurement]> = doc
        .standards
        .iter()
        .map(|s| (s.id.as_str(), s.measurements.as_slice()))
        .collect();
    let measurements = parts
        .standards
        .iter()
        .map(|s| by_id.get(s.key()).map(|m| m.to_vec()).unwrap_or_default())
        .collect();
    let new = parts.join(measurements, rest);
    match last {
        Some(c) => valid(new, c),
        None => Ok(new),
    }
}

fn gone(c: &Conflict) -> ResolveError {
    ResolveError::Gone {
        kind: c.kind,
        id: c.id.clone(),
    }
}

/// `new` if it is valid; the error names conflict `c`'s element when it is
/// still needed.
fn valid(new: Blueprint, c: &Conflict) -> Result<Blueprint, ResolveError> {
    if let Some(p) = new.problems().into_iter().next() {
        return Err(match &p.error {
            IntegrityError::DanglingReference { target, .. } if *target == c.id => {
                ResolveError::Needed {
                    kind: c.kind,
                    id: c.id.clone(),
                }
            }
            _ => ResolveError::Invalid(p),
        });
    }
    Ok(new)
}

/// Applies `op` to the record `id` of a list.
fn apply<R: Record>(list: &mut Vec<R>, id: &str, op: &Op) -> Result<(), ResolveError> {
    if let Op::Order(ids) = op {
        let mut rest: Vec<Option<R>> = std::mem::take(list).into_iter().map(Some).collect();
        let at: foldhash::HashMap<String, usize> = rest
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().map(|r| (r.key().to_owned(), i)))
            .collect();
        for id in ids {
            if let Some(r) = at.get(id).and_then(|&i| rest[i].take()) {
                list.push(r);
            }
        }
        list.extend(rest.into_iter().flatten());
        return Ok(());
    }
    let Some(i) = list.iter().position(|r| r.key() == id) else {
        return Err(ResolveError::Gone {
            kind: R::KIND,
            id: id.to_owned(),
        });
    };
    match op {
        Op::Delete => {
            list.remove(i);
        }
        Op::Set(field, value) => {
            let mut v = to_value(&list[i]);
            set(&mut v, field, value.clone());
            list[i] = serde_json::from_value(v).map_err(|_| ResolveError::Unfit {
                field: field.clone(),
            })?;
        }
        Op::Order(_) => {}
    }
    Ok(())
}

/// Sets the field at a dotted path of a JSON object (absent: removed).
pub(crate) fn set(v: &mut Value, path: &str, value: Option<Value>) {
    let (parent, key) = match path.rsplit_once('.') {
        Some((p, k)) => (Some(p), k),
        None => (None, path),
    };
    let mut at = v;
    for part in parent.into_iter().flat_map(|p| p.split('.')) {
        let Some(map) = at.as_object_mut() else {
            return;
        };
        at = map
            .entry(part)
            .or_insert_with(|| Value::Object(Default::default()));
    }
    let Some(map) = at.as_object_mut() else {
        return;
    };
    match value {
        Some(value) => {
            map.insert(key.to_owned(), value);
        }
        None => {
            map.remove(key);
        }
    }
}
