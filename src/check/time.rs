//! The customer's time through the service cycle: service time and waits
//! per step, per stage and in total, and the steps whose time standards are
//! missed.

use super::rules::is_time_standard;
use crate::model::index::Groups;
use crate::model::{Blueprint, Compliance, LaneId, LaneKind, StageId, StandardId, StepId};
use foldhash::{HashMap, HashMapExt, HashSet};
use serde::Serialize;

/// The time of one step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepTime {
    pub step: StepId,
    pub stage: StageId,
    /// Service time in minutes: the step's duration, or else the sum of the
    /// durations of its customer touchpoints.
    pub service_min: f64,
    /// Expected waits of the step's wait points, in minutes.
    pub wait_min: f64,
    /// Time standards at this step whose latest measurement misses the target.
    pub missed_time_standards: Vec<StandardId>,
}

/// The time of one stage.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageTime {
    pub stage: StageId,
    pub service_min: f64,
    pub wait_min: f64,
}

/// The customer's time along the whole cycle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimeBudget {
    pub steps: Vec<StepTime>,
    pub stages: Vec<StageTime>,
    pub service_min: f64,
    pub wait_min: f64,
}

impl TimeBudget {
    /// Service time and waits together.
    pub fn total_min(&self) -> f64 {
        self.service_min + self.wait_min
    }
}

/// The time budget of a blueprint.
pub fn time_budget(bp: &Blueprint) -> TimeBudget {
    let customer_lanes: HashSet<&LaneId> = bp
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Customer)
        .map(|l| &l.id)
        .collect();
    let ix = bp.index();
    let by_step = Groups::new(bp.touchpoints.iter().map(|t| t.step.as_str()));
    let steps: Vec<StepTime> = bp
        .steps()
        .map(|(stage, step)| {
            let here: Vec<_> = by_step
                .get(step.id.as_str())
                .map(|i| &bp.touchpoints[i])
                .collect();
            let service_min = step.duration_min.unwrap_or_else(|| {
                here.iter()
                    .filter(|t| customer_lanes.contains(&t.lane))
                    .filter_map(|t| t.duration_min)
                    .sum()
            });
            let wait_min = here
                .iter()
                .filter(|t| t.wait_point)
                .filter_map(|t| t.expected_wait_min)
                .sum();
            let missed_time_standards = here
                .iter()
                .flat_map(|t| ix.standards_of(&t.id))
                .filter(|s| is_time_standard(s) && s.compliance() == Compliance::Missed)
                .map(|s| s.id.clone())
                .collect();
            StepTime {
                step: step.id.clone(),
                stage: stage.id.clone(),
                service_min,
                wait_min,
                missed_time_standards,
            }
        })
        .collect();
    // Each stage's steps summed in time order.
    let mut by_stage: HashMap<&StageId, (f64, f64)> = HashMap::new();
    for s in &steps {
        let (a, b) = by_stage.entry(&s.stage).or_insert((0.0, 0.0));
        *a += s.service_min;
        *b += s.wait_min;
    }
    let stages = bp
        .stages
        .iter()
        .map(|stage| {
            let (service_min, wait_min) = by_stage.get(&stage.id).copied().unwrap_or((0.0, 0.0));
            StageTime {
                stage: stage.id.clone(),
                service_min,
                wait_min,
            }
        })
        .collect();
    let service_min = steps.iter().map(|s| s.service_min).sum();
    let wait_min = steps.iter().map(|s| s.wait_min).sum();
    TimeBudget {
        steps,
        stages,
        service_min,
        wait_min,
    }
}
