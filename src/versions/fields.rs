//! Field by field, on the JSON values of two or three versions of one
//! record: what changed, and the three-way merge of fields. Objects
//! (a touchpoint's fail point, a note's place) are walked into, so a change
//! is named by its dotted path (`fail_point.recovery`); anything else (a
//! text, a number, a list) is one value. An absent field is at its default.

use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// One field that differs: its dotted path, the old and the new value
/// (absent: the field's default).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldChange {
    pub field: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<Value>,
}

/// A field the two sides changed two ways: its path, our value, theirs.
pub(crate) type FieldConflict = (String, Option<Value>, Option<Value>);

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn object(v: Option<&Value>) -> Option<&Map<String, Value>> {
    v.and_then(Value::as_object)
}

/// The keys of some objects, sorted, once each.
fn keys<'a>(objects: &[Option<&'a Map<String, Value>>]) -> BTreeSet<&'a str> {
    objects
        .iter()
        .flatten()
        .flat_map(|m| m.keys().map(String::as_str))
        .collect()
}

/// Every field that differs between `old` and `new`, under `path`, in the
/// order of their paths.
pub(crate) fn diff(
    path: &str,
    old: Option<&Value>,
    new: Option<&Value>,
    out: &mut Vec<FieldChange>,
) {
    if old == new {
        return;
    }
    if let (Some(o), Some(n)) = (object(old), object(new)) {
        for key in keys(&[Some(o), Some(n)]) {
            diff(&join(path, key), o.get(key), n.get(key), out);
        }
        return;
    }
    out.push(FieldChange {
        field: path.to_owned(),
        old: old.cloned(),
        new: new.cloned(),
    });
}

/// The three-way merge of a value: a side that left it as it was takes the
/// other's; objects merge key by key; a value changed two ways keeps ours
/// and is reported in `conflicts`.
pub(crate) fn merge(
    path: &str,
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    conflicts: &mut Vec<FieldConflict>,
) -> Option<Value> {
    if ours == theirs || theirs == base {
        return ours.cloned();
    }
    if ours == base {
        return theirs.cloned();
    }
    // Both sides changed it. Objects on both sides (new, or changed from an
    // object) merge key by key.
    if let (Some(o), Some(t)) = (object(ours), object(theirs))
        && (base.is_none() || object(base).is_some())
    {
        let b = object(base);
        let mut merged = Map::new();
        for key in keys(&[b, Some(o), Some(t)]) {
            let value = merge(
                &join(path, key),
                b.and_then(|b| b.get(key)),
                o.get(key),
                t.get(key),
                conflicts,
            );
            if let Some(v) = value {
                merged.insert(key.to_owned(), v);
            }
        }
        return Some(Value::Object(merged));
    }
    conflicts.push((path.to_owned(), ours.cloned(), theirs.cloned()));
    ours.cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_fields_are_named_by_their_path() {
        let old = json!({"title": "A", "fail_point": {"failure": "x"}});
        let new = json!({"title": "A", "fail_point": {"failure": "y", "severity": 3}});
        let mut out = Vec::new();
        diff("", Some(&old), Some(&new), &mut out);
        let fields: Vec<_> = out.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["fail_point.failure", "fail_point.severity"]);
        assert_eq!(out[1].old, None);
    }

    #[test]
    fn different_fields_merge_and_the_same_field_changed_two_ways_conflicts() {
        let base = json!({"title": "A", "owner": "x", "fail_point": {"failure": "f"}});
        let ours = json!({"title": "B", "owner": "x", "fail_point": {"failure": "g"}});
        let theirs =
            json!({"title": "C", "owner": "y", "fail_point": {"failure": "f", "recovery": "r"}});
        let mut conflicts = Vec::new();
        let merged = merge("", Some(&base), Some(&ours), Some(&theirs), &mut conflicts).unwrap();
        assert_eq!(
            merged,
            json!({"title": "B", "owner": "y", "fail_point": {"failure": "g", "recovery": "r"}})
        );
        assert_eq!(
            conflicts,
            [("title".to_owned(), Some(json!("B")), Some(json!("C")))]
        );
    }
}
