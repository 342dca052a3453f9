//! Duplicating touchpoints: copies with new ids in the same cells, with
//! copies of their standards.

use super::ops::Tx;
use super::{EditError, missing};
use crate::model::*;
use foldhash::{HashMap, HashMapExt};

/// Adds copies of touchpoints (with copies of their standards) in the same
/// cells.
pub(super) fn duplicate_touchpoints(tx: &mut Tx, ids: &[TouchpointId]) -> Result<(), EditError> {
    let tps = tx.items::<Touchpoint>();
    let standards = tx.items::<Standard>();
    let many = ids.len() > 8;
    // With many to copy, an index of the touchpoints and of their standards.
    let by_id: HashMap<&str, usize> = if many {
        tps.iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i))
            .collect()
    } else {
        HashMap::new()
    };
    let mut standards_of: HashMap<&str, Vec<&Standard>> = HashMap::new();
    if many {
        for s in standards {
            standards_of
                .entry(s.touchpoint.as_str())
                .or_default()
                .push(s);
        }
    }
    let mut copies = Vec::with_capacity(ids.len());
    let mut copied_standards = Vec::new();
    for id in ids {
        let found = if many {
            by_id.get(id.as_str()).copied()
        } else {
            tps.iter().position(|t| &t.id == id)
        };
        let tp = &tps[found.ok_or_else(|| missing("touchpoint", id))?];
        let copy = Touchpoint {
            id: TouchpointId::generate(),
            ..tp.clone()
        };
        let theirs: Vec<&Standard> = if many {
            standards_of.get(id.as_str()).cloned().unwrap_or_default()
        } else {
            standards.iter().filter(|s| &s.touchpoint == id).collect()
        };
        copied_standards.extend(theirs.into_iter().map(|s| Standard {
            id: StandardId::generate(),
            touchpoint: copy.id.clone(),
            ..s.clone()
        }));
        copies.push(copy);
    }
    tx.extend(copies);
    tx.extend(copied_standards);
    Ok(())
}
