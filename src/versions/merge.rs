//! The three-way merge of two versions of a blueprint against their common
//! base, element by element (by id) and field by field.
//!
//! * A change on one side only is taken; changes to different elements, or
//!   to different fields of one element, all merge.
//! * Measured values added on both sides to one standard are united, each
//!   date and value once, in date order.
//! * A field changed two ways keeps our value and records a [`Conflict`]
//!   with theirs.
//! * An element deleted on one side and changed on the other is kept as
//!   changed, with a conflict; one deleted on one side that the other
//!   still needs (a touchpoint in a deleted lane) is kept too.
//! * The result is always a valid document: an element whose merged fields
//!   do not fit together (a note both pinned and loose) is our version,
//!   with its differences to theirs recorded as conflicts.

use super::diff::index;
use super::fields::{self, FieldChange};
use super::order;
use super::records::{Parts, Record, to_value};
use crate::model::{
    Blueprint, Conflict, ElementKind, IntegrityError, Measurement, PathSeg, Photo, Problem,
    Standard, Touchpoint,
};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use std::borrow::Cow;

/// The result of a merge: the merged document, and the conflicts this
/// merge found (also in `doc.conflicts`, after any the versions carried).
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub doc: Blueprint,
    pub conflicts: Vec<Conflict>,
}

/// The most rounds of keeping what a merged document needs before the
/// merge gives up on mixing and takes ours whole (never seen: each round
/// keeps at least one more element, and a chain of needs is at most a
/// standard's touchpoint's lane and step's stage long).
const ROUNDS: usize = 16;

/// Merges `ours` and `theirs`, two versions of `base`.
pub fn merge(base: &Blueprint, ours: &Blueprint, theirs: &Blueprint) -> Merged {
    let unchanged = |doc: &Blueprint| Merged {
        doc: doc.clone(),
        conflicts: Vec::new(),
    };
    if ours == theirs || theirs == base {
        return unchanged(ours);
    }
    if ours == base {
        return unchanged(theirs);
    }
    let sides = Sides {
        base,
        ours,
        theirs,
        b: Parts::split(base),
        o: Parts::split(ours),
        t: Parts::split(theirs),
    };
    let mut needs = Needs::default();
    for _ in 0..ROUNDS {
        let merged = match sides.attempt(&needs) {
            Ok(m) => m,
            Err(stages) => {
                needs.restore(ElementKind::Stage, stages);
                continue;
            }
        };
        let problems = merged.doc.problems();
        if problems.is_empty() {
            return merged;
        }
        if !needs.learn(&problems, &merged.doc) {
            break;
        }
    }
    // Never seen; the document must still be valid and nothing lost.
    let conflict = Conflict {
        kind: ElementKind::Blueprint,
        id: String::new(),
        field: "document".into(),
        ours: None,
        theirs: Some(serde_json::to_value(theirs).unwrap_or_default()),
    };
    let mut doc = ours.clone();
    doc.conflicts.push(conflict.clone());
    Merged {
        doc,
        conflicts: vec![conflict],
    }
}

/// The three versions, whole and taken apart.
struct Sides<'a> {
    base: &'a Blueprint,
    ours: &'a Blueprint,
    theirs: &'a Blueprint,
    b: Parts<'a>,
    o: Parts<'a>,
    t: Parts<'a>,
}

/// What the merged document must keep: elements a side deleted that
/// something needs (`restore`), and elements whose merged fields do not
/// fit together, taken whole from one side (`whole`).
#[derive(Default)]
struct Needs {
    restore: HashMap<ElementKind, HashSet<String>>,
    whole: HashMap<ElementKind, HashSet<String>>,
}

impl Needs {
    fn restore(&mut self, kind: ElementKind, ids: Vec<String>) {
        self.restore.entry(kind).or_default().extend(ids);
    }

    /// Learns from the problems of a merged document what to keep; false
    /// when there is nothing new to learn.
    fn learn(&mut self, problems: &[Problem], doc: &Blueprint) -> bool {
        let mut learnt = false;
        for p in problems {
            let (map, kind, id) = match &p.error {
                IntegrityError::DanglingReference {
                    target_kind,
                    target,
                    ..
                } => match ElementKind::from_word(target_kind) {
                    Some(kind) => (&mut self.restore, kind, target.clone()),
                    None => continue,
                },
                _ => {
                    let (kind, id) = element_at(doc, &p.path.0);
                    (&mut self.whole, kind, id)
                }
            };
            learnt |= map.entry(kind).or_default().insert(id);
        }
        learnt
    }

    fn has(map: &HashMap<ElementKind, HashSet<String>>, kind: ElementKind, id: &str) -> bool {
        map.get(&kind).is_some_and(|s| s.contains(id))
    }
}

/// The element a problem's path points into (the blueprint's own fields
/// for a path into none).
fn element_at(doc: &Blueprint, path: &[PathSeg]) -> (ElementKind, String) {
    use PathSeg::{Index, Key};
    let found = match path {
        [Key(k), Index(i), Key(s), Index(j), ..] if k == "stages" && s == "steps" => doc
            .stages
            .get(*i)
            .and_then(|st| st.steps.get(*j))
            .map(|s| (ElementKind::Step, s.id.to_string())),
        [Key(k), Index(i), ..] => match k.as_str() {
            "stages" => at(&doc.stages, *i),
            "lanes" => at(&doc.lanes, *i),
            "lines" => at(&doc.lines, *i),
            "touchpoints" => at(&doc.touchpoints, *i),
            "connectors" => at(&doc.connectors, *i),
            "standards" => at(&doc.standards, *i),
            "notes" => at(&doc.notes, *i),
            "actions" => at(&doc.actions, *i),
            _ => None,
        },
        _ => None,
    };
    found.unwrap_or((ElementKind::Blueprint, String::new()))
}

/// The stored photos the merged touchpoints show, or their values kept in
/// the conflicts would, from either side. A photo's id is made from its
/// bytes, so the same id on both sides is the same photo: it is kept once,
/// and photos nothing needs are dropped.
fn photos_used(
    touchpoints: &[Touchpoint],
    conflicts: &[crate::model::Conflict],
    sides: [&[Photo]; 2],
) -> Vec<Photo> {
    let used = crate::model::photos_needed(touchpoints, conflicts);
    let mut kept: HashSet<&str> = HashSet::new();
    let mut photos = Vec::new();
    for photo in sides.into_iter().flatten() {
        let id = photo.id.as_str();
        if used.contains(id) && kept.insert(id) {
            photos.push(photo.clone());
        }
    }
    photos
}

/// The kind and id of the record at `i`.
fn at<R: Record>(list: &[R], i: usize) -> Option<(ElementKind, String)> {
    list.get(i).map(|r| (R::KIND, r.key().to_owned()))
}

impl Sides<'_> {
    /// One merge, keeping what `needs` says; Err with the ids of stages
    /// that merged steps need and the merge deleted.
    fn attempt(&self, needs: &Needs) -> Result<Merged, Vec<String>> {
        let (b, o, t) = (&self.b, &self.o, &self.t);
        let mut found = Vec::new();
        let one = std::slice::from_ref;
        let head = kind(one(&b.head), one(&o.head), one(&t.head), needs, &mut found);
        let stages = kind(&b.stages, &o.stages, &t.stages, needs, &mut found);
        let steps = kind(&b.steps, &o.steps, &t.steps, needs, &mut found);
        let have: HashSet<&str> = stages.iter().map(Record::key).collect();
        let mut missing: Vec<String> = steps
            .iter()
            .filter(|s| !have.contains(s.stage.as_str()))
            .map(|s| s.stage.to_string())
            .collect();
        if !missing.is_empty() {
            missing.sort_unstable();
            missing.dedup();
            return Err(missing);
        }
        let lanes = kind(&b.lanes, &o.lanes, &t.lanes, needs, &mut found);
        let lines = kind(&b.lines, &o.lines, &t.lines, needs, &mut found);
        let touchpoints = kind(
            &b.touchpoints,
            &o.touchpoints,
            &t.touchpoints,
            needs,
            &mut found,
        );
        let connectors = kind(
            &b.connectors,
            &o.connectors,
            &t.connectors,
            needs,
            &mut found,
        );
        let standards = kind(&b.standards, &o.standards, &t.standards, needs, &mut found);
        let notes = kind(&b.notes, &o.notes, &t.notes, needs, &mut found);
        let actions = kind(&b.actions, &o.actions, &t.actions, needs, &mut found);
        let measurements = self.measurements(&standards);
        let mut conflicts = set(
            &self.base.conflicts,
            &self.ours.conflicts,
            &self.theirs.conflicts,
        );
        conflicts.extend(found.iter().cloned());
        let photos = photos_used(&touchpoints, &conflicts, [&o.photos[..], &t.photos[..]]);
        let parts = Parts {
            head: head.into_iter().next().unwrap_or_default(),
            stages,
            steps,
            lanes: Cow::Owned(lanes),
            lines: Cow::Owned(lines),
            touchpoints: Cow::Owned(touchpoints),
            connectors: Cow::Owned(connectors),
            standards,
            notes: Cow::Owned(notes),
            actions: Cow::Owned(actions),
            photos: Cow::Owned(photos),
        };
        Ok(Merged {
            doc: parts.join(measurements, conflicts),
            conflicts: found,
        })
    }

    /// The measured values of each merged standard.
    fn measurements(&self, merged: &[Standard]) -> Vec<Vec<Measurement>> {
        let (b, o, t) = (
            index(&self.base.standards),
            index(&self.ours.standards),
            index(&self.theirs.standards),
        );
        fn of<'d>(
            at: &HashMap<&str, usize>,
            doc: &'d Blueprint,
            id: &str,
        ) -> Option<&'d [Measurement]> {
            at.get(id)
                .map(|&i| doc.standards[i].measurements.as_slice())
        }
        merged
            .iter()
            .map(|s| {
                let id = s.key();
                let base = of(&b, self.base, id);
                match (of(&o, self.ours, id), of(&t, self.theirs, id)) {
                    (Some(ours), Some(theirs)) => united(base.unwrap_or_default(), ours, theirs),
                    (Some(one), None) | (None, Some(one)) => one.to_vec(),
                    (None, None) => base.unwrap_or_default().to_vec(),
                }
            })
            .collect()
    }
}

/// Measured values merged as sets of (date, value): either side's removals
/// and additions, each value once, in date order (of equal dates, by value).
fn united(base: &[Measurement], ours: &[Measurement], theirs: &[Measurement]) -> Vec<Measurement> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    let key = |m: &Measurement| (m.date, m.value.to_bits());
    let keys = |l: &[Measurement]| -> HashSet<_> { l.iter().map(key).collect() };
    let (kb, ko, kt) = (keys(base), keys(ours), keys(theirs));
    let removed = |k: &_| kb.contains(k) && (!ko.contains(k) || !kt.contains(k));
    let mut seen = HashSet::with_capacity(ours.len() + theirs.len());
    let mut out: Vec<Measurement> = ours
        .iter()
        .chain(theirs)
        .filter(|m| !removed(&key(m)) && seen.insert(key(m)))
        .cloned()
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.value.total_cmp(&b.value)));
    out
}

/// The conflicts the versions carried, merged as sets: either side's
/// resolutions (removals) and additions.
fn set(base: &[Conflict], ours: &[Conflict], theirs: &[Conflict]) -> Vec<Conflict> {
    if ours == theirs || theirs == base {
        return ours.to_vec();
    }
    if ours == base {
        return theirs.to_vec();
    }
    // Compared by their text: a file may carry many.
    let keys = |l: &[Conflict]| -> HashSet<String> {
        l.iter()
            .map(|c| serde_json::to_string(c).unwrap_or_default())
            .collect()
    };
    let (kb, ko, kt) = (keys(base), keys(ours), keys(theirs));
    let mut seen = HashSet::with_capacity(ours.len() + theirs.len());
    ours.iter()
        .chain(theirs)
        .filter(|c| {
            let k = serde_json::to_string(c).unwrap_or_default();
            let kept = !kb.contains(&k) || (ko.contains(&k) && kt.contains(&k));
            kept && seen.insert(k)
        })
        .cloned()
        .collect()
}

/// The merged records of one kind, in the merged order; the conflicts
/// found are added to `found`.
fn kind<R: Record>(
    base: &[R],
    ours: &[R],
    theirs: &[R],
    needs: &Needs,
    found: &mut Vec<Conflict>,
) -> Vec<R> {
    let plain = !needs.restore.contains_key(&R::KIND) && !needs.whole.contains_key(&R::KIND);
    if plain && (ours == theirs || theirs == base) {
        return ours.to_vec();
    }
    if plain && ours == base {
        return theirs.to_vec();
    }
    let (bi, oi, ti) = (index(base), index(ours), index(theirs));
    let mut merged: HashMap<&str, R> = HashMap::with_capacity(ours.len().max(theirs.len()));
    let ids = base
        .iter()
        .map(R::key)
        .chain(ours.iter().map(R::key).filter(|id| !bi.contains_key(id)))
        .chain(
            theirs
                .iter()
                .map(R::key)
                .filter(|id| !bi.contains_key(id) && !oi.contains_key(id)),
        );
    for id in ids {
        let (b, o, t) = (get(&bi, base, id), get(&oi, ours, id), get(&ti, theirs, id));
        let restore = Needs::has(&needs.restore, R::KIND, id);
        let record = match (b, o, t) {
            (_, Some(o), Some(t)) if Needs::has(&needs.whole, R::KIND, id) => {
                differences(o, t, found);
                Some(o.clone())
            }
            (b, Some(o), Some(t)) => Some(record(b, o, t, found)),
            // Added on one side.
            (None, Some(one), None) | (None, None, Some(one)) => Some(one.clone()),
            // Deleted on one side: gone, unless changed on the other or needed.
            (Some(b), Some(o), None) if o == b && !restore => None,
            (Some(b), None, Some(t)) if t == b && !restore => None,
            (_, Some(o), None) => {
                found.push(conflict::<R>(id, "", Some(to_value(o)), None));
                Some(o.clone())
            }
            (_, None, Some(t)) => {
                found.push(conflict::<R>(id, "", None, Some(to_value(t))));
                Some(t.clone())
            }
            // Deleted on both sides.
            (Some(b), None, None) if restore => {
                found.push(conflict::<R>(id, "", None, None));
                Some(b.clone())
            }
            _ => None,
        };
        if let Some(r) = record {
            merged.insert(id, r);
        }
    }
    let kept: HashSet<&str> = merged.keys().copied().collect();
    let (order, both_reordered) = order::merge(&keys(base), &keys(ours), &keys(theirs), &kept);
    if both_reordered {
        let ids = |l: &[R]| Some(serde_json::Value::from(keys(l)));
        found.push(conflict::<R>("", "order", ids(ours), ids(theirs)));
    }
    order
        .into_iter()
        .filter_map(|id| merged.remove(id))
        .collect()
}

fn get<'r, R>(at: &HashMap<&str, usize>, list: &'r [R], id: &str) -> Option<&'r R> {
    at.get(id).map(|&i| &list[i])
}

fn keys<R: Record>(list: &[R]) -> Vec<&str> {
    list.iter().map(R::key).collect()
}

/// One record changed on both sides: merged field by field.
fn record<R: Record>(base: Option<&R>, ours: &R, theirs: &R, found: &mut Vec<Conflict>) -> R {
    if ours == theirs || base == Some(theirs) {
        return ours.clone();
    }
    if base == Some(ours) {
        return theirs.clone();
    }
    let (vb, vo, vt) = (base.map(to_value), to_value(ours), to_value(theirs));
    let mut clashes = Vec::new();
    let mut merged = fields::merge("", vb.as_ref(), Some(&vo), Some(&vt), &mut clashes);
    // A place is one value: moved two ways, the element stays where ours
    // put it, each of the place's fields that differ a conflict (a lane
    // from one side and a step from the other is a cell neither chose).
    let place = |v: Option<&'_ serde_json::Value>| -> Vec<Option<serde_json::Value>> {
        (R::PLACE.iter())
            .map(|f| v.and_then(|v| v.get(*f)).cloned())
            .collect()
    };
    let (pb, po, pt) = (place(vb.as_ref()), place(Some(&vo)), place(Some(&vt)));
    if !R::PLACE.is_empty() && po != pb && pt != pb && po != pt {
        clashes.retain(|(f, _, _)| !R::PLACE.contains(&f.split('.').next().unwrap_or_default()));
        for (i, f) in R::PLACE.iter().enumerate() {
            if po[i] != pt[i] {
                clashes.push(((*f).to_owned(), po[i].clone(), pt[i].clone()));
            }
            if let Some(m) = merged.as_mut().and_then(|m| m.as_object_mut()) {
                match &po[i] {
                    Some(v) => m.insert((*f).to_owned(), v.clone()),
                    None => m.remove(*f),
                };
            }
        }
        clashes.sort_by(|a, b| a.0.cmp(&b.0));
    }
    match merged.and_then(|v| serde_json::from_value::<R>(v).ok()) {
        Some(r) => {
            let id = ours.key();
            found.extend(
                clashes
                    .into_iter()
                    .map(|(f, o, t)| conflict::<R>(id, &f, o, t)),
            );
            r
        }
        None => {
            differences(ours, theirs, found);
            ours.clone()
        }
    }
}

/// Every field where theirs differs from ours, as conflicts (ours kept).
fn differences<R: Record>(ours: &R, theirs: &R, found: &mut Vec<Conflict>) {
    let mut changes = Vec::new();
    fields::diff(
        "",
        Some(&to_value(ours)),
        Some(&to_value(theirs)),
        &mut changes,
    );
    found.extend(
        changes
            .into_iter()
            .map(|FieldChange { field, old, new }| conflict::<R>(ours.key(), &field, old, new)),
    );
}

fn conflict<R: Record>(
    id: &str,
    field: &str,
    ours: Option<serde_json::Value>,
    theirs: Option<serde_json::Value>,
) -> Conflict {
    Conflict {
        kind: R::KIND,
        id: id.to_owned(),
        field: field.to_owned(),
        ours,
        theirs,
    }
}
