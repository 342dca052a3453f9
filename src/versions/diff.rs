//! What changed from one version of a blueprint to another, element by
//! element: added, removed, moved to another place, changed field by field,
//! measured values added and removed, and compliance that changed.

use super::fields::{self, FieldChange};
use super::records::{Parts, Record, to_value};
use crate::model::{Blueprint, Compliance, ElementKind, Measurement, Standard};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use serde::Serialize;
use serde_json::Value;

/// One change to one element.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    pub kind: ElementKind,
    /// The element's id; for a measured value, its standard's.
    pub id: String,
    /// What a person calls the element (its title, name or statement; a
    /// measured value's date), in the new version where it has one.
    pub name: String,
    #[serde(flatten)]
    pub what: What,
}

/// What happened to an element.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum What {
    /// New in the new version: the element as it is there.
    Added { value: Value },
    /// Gone from the new version: the element as it was.
    Removed { value: Value },
    /// Placed elsewhere (another lane or step, another stage): the fields
    /// that place it.
    Moved { fields: Vec<FieldChange> },
    /// Other fields changed.
    Changed { fields: Vec<FieldChange> },
    /// A standard's compliance changed (from its latest measured value).
    Compliance { old: Compliance, new: Compliance },
}

/// Every change from one version to another, in a fixed order: by kind in
/// document order (the blueprint's own fields, stages, steps, lanes, lines,
/// touchpoints, connectors, standards, measured values, compliance, notes);
/// within a kind, removed elements in the old order, then the others in
/// the new order.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Changes {
    pub changes: Vec<Change>,
}

impl Changes {
    /// Whether the two versions are the same.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// The changes from `old` to `new`.
pub fn diff(old: &Blueprint, new: &Blueprint) -> Changes {
    let mut out = Vec::new();
    if old == new {
        return Changes { changes: out };
    }
    let (a, b) = (Parts::split(old), Parts::split(new));
    kind(
        std::slice::from_ref(&a.head),
        std::slice::from_ref(&b.head),
        &mut out,
    );
    kind(&a.stages, &b.stages, &mut out);
    kind(&a.steps, &b.steps, &mut out);
    kind(&a.lanes, &b.lanes, &mut out);
    kind(&a.lines, &b.lines, &mut out);
    kind(&a.touchpoints, &b.touchpoints, &mut out);
    kind(&a.connectors, &b.connectors, &mut out);
    kind(&a.standards, &b.standards, &mut out);
    standards(&old.standards, &new.standards, &mut out);
    kind(&a.notes, &b.notes, &mut out);
    kind(&a.actions, &b.actions, &mut out);
    Changes { changes: out }
}

/// The changes to the records of one kind.
fn kind<R: Record>(old: &[R], new: &[R], out: &mut Vec<Change>) {
    let at: HashMap<&str, usize> = index(old);
    let mut present = HashSet::with_capacity(new.len());
    present.extend(new.iter().map(R::key));
    for o in old.iter().filter(|o| !present.contains(o.key())) {
        out.push(change(o, What::Removed { value: to_value(o) }));
    }
    for n in new {
        let Some(&i) = at.get(n.key()) else {
            out.push(change(n, What::Added { value: to_value(n) }));
            continue;
        };
        if old[i] == *n {
            continue;
        }
        let mut all = Vec::new();
        fields::diff("", Some(&to_value(&old[i])), Some(&to_value(n)), &mut all);
        let (moved, changed): (Vec<_>, Vec<_>) = all.into_iter().partition(|f| {
            let top = f.field.split('.').next().unwrap_or_default();
            R::PLACE.contains(&top)
        });
        if !moved.is_empty() {
            out.push(change(n, What::Moved { fields: moved }));
        }
        if !changed.is_empty() {
            out.push(change(n, What::Changed { fields: changed }));
        }
    }
}

pub(crate) fn index<R: Record>(records: &[R]) -> HashMap<&str, usize> {
    let mut at = HashMap::with_capacity(records.len());
    at.extend(records.iter().enumerate().map(|(i, r)| (r.key(), i)));
    at
}

fn change<R: Record>(r: &R, what: What) -> Change {
    Change {
        kind: R::KIND,
        id: r.key().to_owned(),
        name: r.name().to_owned(),
        what,
    }
}

/// Measured values added, removed and changed (one value on a date that
/// had one other), for every standard of the new version; then the
/// standards whose compliance changed.
fn standards(old: &[Standard], new: &[Standard], out: &mut Vec<Change>) {
    let at = index(old);
    let before = |s: &Standard| at.get(s.key()).map(|&i| &old[i]);
    for s in new {
        let was = before(s).map_or(&[][..], |o| &o.measurements[..]);
        if was != s.measurements.as_slice() {
            measurements(s, was, out);
        }
    }
    for s in new {
        if let Some(o) = before(s)
            && o.compliance() != s.compliance()
        {
            out.push(change(
                s,
                What::Compliance {
                    old: o.compliance(),
                    new: s.compliance(),
                },
            ));
        }
    }
}

/// The changes to one standard's measured values, by date.
fn measurements(s: &Standard, old: &[Measurement], out: &mut Vec<Change>) {
    // The values of each date, in the order entered: a standard may hold
    // a million values, so each list is read once.
    let by_date = |list: &[Measurement]| {
        let mut map: std::collections::BTreeMap<crate::model::Date, Vec<f64>> = Default::default();
        for m in list {
            map.entry(m.date).or_default().push(m.value);
        }
        map
    };
    let (before, after) = (by_date(old), by_date(&s.measurements));
    let mut dates: Vec<_> = before.keys().chain(after.keys()).copied().collect();
    dates.sort_unstable();
    dates.dedup();
    let none = Vec::new();
    let on = |map: &'_ std::collections::BTreeMap<crate::model::Date, Vec<f64>>, d| {
        map.get(&d).unwrap_or(&none).clone()
    };
    let push = |date: crate::model::Date, what, out: &mut Vec<Change>| {
        out.push(Change {
            kind: ElementKind::Measurement,
            id: s.id.to_string(),
            name: date.to_string(),
            what,
        })
    };
    let value = |date, v: f64| to_value_of(&Measurement { date, value: v });
    for d in dates {
        let (was, is) = (on(&before, d), on(&after, d));
        if was == is {
            continue;
        }
        if let ([a], [b]) = (was.as_slice(), is.as_slice()) {
            let fields = vec![FieldChange {
                field: "value".into(),
                old: Some(Value::from(*a)),
                new: Some(Value::from(*b)),
            }];
            push(d, What::Changed { fields }, out);
            continue;
        }
        let bits = |l: &[f64]| l.iter().map(|v| v.to_bits()).collect::<HashSet<_>>();
        let (wb, ib) = (bits(&was), bits(&is));
        for v in was.iter().filter(|v| !ib.contains(&v.to_bits())) {
            push(
                d,
                What::Removed {
                    value: value(d, *v),
                },
                out,
            );
        }
        for v in is.iter().filter(|v| !wb.contains(&v.to_bits())) {
            push(
                d,
                What::Added {
                    value: value(d, *v),
                },
                out,
            );
        }
    }
}

fn to_value_of(m: &Measurement) -> Value {
    serde_json::to_value(m).unwrap_or(Value::Null)
}
