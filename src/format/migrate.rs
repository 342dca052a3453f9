//! Migrations of older file versions to the current one, on JSON values.
//!
//! Version 1 kept steps in a flat list, each naming its stage, and marked
//! moments of truth with two booleans (`moment_of_truth`, `critical`).
//! Version 2 nests steps inside their stage and has one `moment_of_truth`
//! field: `moment` or `critical`.
//! Version 3 adds workshop results: sticky `notes` and `votes` on
//! touchpoints and notes. Version 4 adds loose notes (`at` instead of
//! `lane` and `step`). Version 5 adds the blueprint's `emotion_curve`
//! setting (shown unless `false`). A version 2, 3 or 4 file is a valid
//! version 5 file, read as it is.
//! Version 6 gives a fail point content: `fail_point` is an object (the
//! failure, its type, the poka-yoke, the recovery, the FMEA ratings) instead
//! of a boolean; `true` becomes an empty fail point and `false` none. An
//! older file without `fail_point` is a valid version 6 file.
//! Version 7 adds improvement `actions` and the `conflicts` a merge leaves
//! to resolve, both optional lists: the migration from 6 adds nothing, and
//! a version 2 to 6 file is a valid version 7 file.
//! Version 8 adds photos of physical evidence: the blueprint's `photos`
//! (each stored once) and the touchpoints' `photos` that show them, both
//! optional lists: a version 2 to 7 file is a valid version 8 file.

use super::DiagMsg;
use crate::i18n::ErrMsg;
use crate::model::DocPath;
use serde_json::{Map, Value};

/// A migration failure: where, and what.
pub struct MigrateError(pub DocPath, pub DiagMsg);

/// Migrates a document of `version` to the current version.
pub fn to_current(mut doc: Value, version: u32) -> Result<Value, MigrateError> {
    if version < 2 {
        v1_to_v2(&mut doc)?;
    }
    if version < super::FAIL_POINT_CONTENT_SINCE {
        v5_to_v6(&mut doc);
    }
    doc["version"] = Value::from(super::CURRENT_VERSION);
    Ok(doc)
}

fn v1_to_v2(doc: &mut Value) -> Result<(), MigrateError> {
    let bp_path = DocPath::root().key("blueprint");
    let Some(bp) = doc.get_mut("blueprint").and_then(Value::as_object_mut) else {
        return Err(MigrateError(bp_path, ErrMsg::MigrateNoBlueprint.into()));
    };
    let steps = match bp.remove("steps") {
        None => Vec::new(),
        Some(Value::Array(steps)) => steps,
        Some(_) => {
            return Err(MigrateError(
                bp_path.key("steps"),
                ErrMsg::MigrateStepsNotList.into(),
            ));
        }
    };
    let stages = bp
        .entry("stages")
        .or_insert_with(|| Value::Array(Vec::new()));
    let Some(stages) = stages.as_array_mut() else {
        return Err(MigrateError(
            bp_path.key("stages"),
            ErrMsg::MigrateStagesNotList.into(),
        ));
    };
    for stage in stages.iter_mut() {
        if let Some(stage) = stage.as_object_mut() {
            stage.insert("steps".into(), Value::Array(Vec::new()));
        }
    }
    // Each stage by its id (the first of that id, as a search would find
    // it): a step finds its stage at once, however many there are (a
    // search per step took 100,000 steps into 100,000 stages for minutes).
    let mut by_id: std::collections::HashMap<String, usize> =
        std::collections::HashMap::with_capacity(stages.len());
    for (i, stage) in stages.iter().enumerate() {
        if let Some(id) = stage.get("id").and_then(Value::as_str) {
            by_id.entry(id.to_owned()).or_insert(i);
        }
    }
    for (i, mut step) in steps.into_iter().enumerate() {
        let path = bp_path.key("steps").index(i);
        let Some(obj) = step.as_object_mut() else {
            return Err(MigrateError(path, ErrMsg::MigrateStepNotObject.into()));
        };
        let stage_id = match obj.remove("stage") {
            Some(Value::String(s)) => s,
            _ => {
                return Err(MigrateError(
                    path.key("stage"),
                    ErrMsg::MigrateStepNoStage.into(),
                ));
            }
        };
        let Some(stage) = by_id.get(&stage_id).and_then(|&i| stages.get_mut(i)) else {
            return Err(MigrateError(
                path.key("stage"),
                DiagMsg::Named(ErrMsg::MigrateNoSuchStage, stage_id),
            ));
        };
        if let Some(list) = stage.get_mut("steps").and_then(Value::as_array_mut) {
            list.push(step);
        }
    }
    if let Some(tps) = bp.get_mut("touchpoints").and_then(Value::as_array_mut) {
        for tp in tps.iter_mut().filter_map(Value::as_object_mut) {
            migrate_moment(tp);
        }
    }
    Ok(())
}

fn migrate_moment(tp: &mut Map<String, Value>) {
    let critical = tp
        .remove("critical")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let moment = match tp.remove("moment_of_truth") {
        Some(Value::Bool(b)) => b,
        Some(other) => {
            // Not a version 1 value: leave it for the reader to report.
            tp.insert("moment_of_truth".into(), other);
            return;
        }
        None => false,
    };
    let value = if critical {
        "critical"
    } else if moment {
        "moment"
    } else {
        return;
    };
    tp.insert("moment_of_truth".into(), Value::from(value));
}

/// A fail point marked `true` becomes an empty fail point; `false`, none.
/// Any other value is left for the reader to report.
fn v5_to_v6(doc: &mut Value) {
    let tps = doc
        .get_mut("blueprint")
        .and_then(|bp| bp.get_mut("touchpoints"))
        .and_then(Value::as_array_mut);
    for tp in tps.into_iter().flatten().filter_map(Value::as_object_mut) {
        match tp.get("fail_point") {
            Some(Value::Bool(true)) => {
                tp.insert("fail_point".into(), Value::Object(Map::new()));
            }
            Some(Value::Bool(false)) => {
                tp.remove("fail_point");
            }
            _ => {}
        }
    }
}
