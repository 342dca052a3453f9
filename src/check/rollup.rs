//! Compliance roll-ups: how many standards are met, at risk, missed or not
//! measured, for a touchpoint, a lane, a stage or the whole blueprint.

use crate::model::{Blueprint, Compliance, LaneId, StageId, Standard, TouchpointId};
use foldhash::{HashMap, HashMapExt};
use serde::Serialize;

/// Counts of standards by compliance status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Rollup {
    pub met: usize,
    pub at_risk: usize,
    pub missed: usize,
    pub not_measured: usize,
}

impl Rollup {
    /// Counts the statuses of some standards.
    pub fn of<'a>(standards: impl IntoIterator<Item = &'a Standard>) -> Self {
        let mut r = Rollup::default();
        for s in standards {
            r.add(s.compliance());
        }
        r
    }

    /// Counts one more standard.
    pub fn add(&mut self, c: Compliance) {
        match c {
            Compliance::Met => self.met += 1,
            Compliance::AtRisk => self.at_risk += 1,
            Compliance::Missed => self.missed += 1,
            Compliance::NotMeasured => self.not_measured += 1,
        }
    }

    /// How many standards in all.
    pub fn total(&self) -> usize {
        self.met + self.at_risk + self.missed + self.not_measured
    }

    /// The worst status counted: what a badge for the group shows.
    pub fn worst(&self) -> Compliance {
        if self.missed > 0 {
            Compliance::Missed
        } else if self.at_risk > 0 {
            Compliance::AtRisk
        } else if self.met > 0 {
            Compliance::Met
        } else {
            Compliance::NotMeasured
        }
    }
}

/// The standards of one touchpoint.
pub fn compliance_of_touchpoint(bp: &Blueprint, tp: &TouchpointId) -> Rollup {
    Rollup::of(bp.standards_of(tp))
}

/// The whole blueprint, e.g. "14 of 18 standards met".
pub fn compliance_of_blueprint(bp: &Blueprint) -> Rollup {
    Rollup::of(&bp.standards)
}

/// Per lane, in lane order (lanes without standards count zero).
pub fn compliance_by_lane(bp: &Blueprint) -> Vec<(LaneId, Rollup)> {
    let lane_of: HashMap<&TouchpointId, &LaneId> =
        bp.touchpoints.iter().map(|t| (&t.id, &t.lane)).collect();
    let mut by_lane: HashMap<&LaneId, Rollup> = HashMap::new();
    for s in &bp.standards {
        if let Some(lane) = lane_of.get(&s.touchpoint) {
            by_lane.entry(lane).or_default().add(s.compliance());
        }
    }
    bp.lanes
        .iter()
        .map(|lane| {
            let r = by_lane.get(&lane.id).copied().unwrap_or_default();
            (lane.id.clone(), r)
        })
        .collect()
}

/// Per stage, in time order.
pub fn compliance_by_stage(bp: &Blueprint) -> Vec<(StageId, Rollup)> {
    let mut stage_of_step = HashMap::new();
    for (stage, step) in bp.steps() {
        stage_of_step.insert(&step.id, &stage.id);
    }
    let stage_of: HashMap<&TouchpointId, &StageId> = bp
        .touchpoints
        .iter()
        .filter_map(|t| stage_of_step.get(&t.step).map(|s| (&t.id, *s)))
        .collect();
    let mut by_stage: HashMap<&StageId, Rollup> = HashMap::new();
    for s in &bp.standards {
        if let Some(stage) = stage_of.get(&s.touchpoint) {
            by_stage.entry(stage).or_default().add(s.compliance());
        }
    }
    bp.stages
        .iter()
        .map(|stage| {
            let r = by_stage.get(&stage.id).copied().unwrap_or_default();
            (stage.id.clone(), r)
        })
        .collect()
}
