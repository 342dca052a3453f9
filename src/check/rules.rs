//! The health-check rules. Each has an id (used in `disabled_rules` and by
//! `check`), a severity, a summary, and a function that adds its findings.

use super::{Arg, Element, Finding, Severity};
use crate::i18n::Msg;
use crate::model::*;
use std::collections::{HashMap, HashSet, VecDeque};

/// A health-check rule.
pub struct Rule {
    /// A stable id, e.g. `moment-without-standard`.
    pub id: &'static str,
    pub severity: Severity,
    /// What the rule looks for, for the rules list.
    pub summary: Msg,
    pub(super) run: fn(&Blueprint, &mut Vec<Finding>),
}

/// Every rule, in the order they are reported within a severity.
pub const RULES: &[Rule] = &[
    Rule {
        id: "standard-missed",
        severity: Severity::Error,
        summary: Msg::RuleStandardMissed,
        run: standard_missed,
    },
    Rule {
        id: "critical-moment-without-standard",
        severity: Severity::Error,
        summary: Msg::RuleCriticalWithoutStandard,
        run: critical_without_standard,
    },
    Rule {
        id: "moment-without-standard",
        severity: Severity::Warning,
        summary: Msg::RuleMomentWithoutStandard,
        run: moment_without_standard,
    },
    Rule {
        id: "standard-at-risk",
        severity: Severity::Warning,
        summary: Msg::RuleStandardAtRisk,
        run: standard_at_risk,
    },
    Rule {
        id: "standard-incomplete",
        severity: Severity::Warning,
        summary: Msg::RuleStandardIncomplete,
        run: standard_incomplete,
    },
    Rule {
        id: "visible-without-support",
        severity: Severity::Warning,
        summary: Msg::RuleVisibleWithoutSupport,
        run: visible_without_support,
    },
    Rule {
        id: "step-without-physical-support",
        severity: Severity::Warning,
        summary: Msg::RuleStepWithoutPhysicalSupport,
        run: step_without_physical_support,
    },
    Rule {
        id: "fail-point-without-owner",
        severity: Severity::Warning,
        summary: Msg::RuleFailPointWithoutOwner,
        run: fail_point_without_owner,
    },
    Rule {
        id: "fail-point-without-recovery",
        severity: Severity::Warning,
        summary: Msg::RuleFailPointWithoutRecovery,
        run: fail_point_without_recovery,
    },
    Rule {
        id: "wait-without-expected-wait",
        severity: Severity::Warning,
        summary: Msg::RuleWaitWithoutExpectedWait,
        run: wait_without_expected_wait,
    },
    Rule {
        id: "wait-without-time-standard",
        severity: Severity::Warning,
        summary: Msg::RuleWaitWithoutTimeStandard,
        run: wait_without_time_standard,
    },
    Rule {
        id: "step-without-customer",
        severity: Severity::Warning,
        summary: Msg::RuleStepWithoutCustomer,
        run: step_without_customer,
    },
    Rule {
        id: "connector-backwards",
        severity: Severity::Warning,
        summary: Msg::RuleConnectorBackwards,
        run: connector_backwards,
    },
    Rule {
        id: "high-contact-without-critical-moment",
        severity: Severity::Warning,
        summary: Msg::RuleHighContactWithoutCritical,
        run: high_contact_without_critical,
    },
    Rule {
        id: "empty-lane",
        severity: Severity::Hint,
        summary: Msg::RuleEmptyLane,
        run: empty_lane,
    },
    Rule {
        id: "empty-stage",
        severity: Severity::Hint,
        summary: Msg::RuleEmptyStage,
        run: empty_stage,
    },
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

fn push(out: &mut Vec<Finding>, id: &'static str, element: Element, msg: Msg, args: Vec<Arg>) {
    let severity = rule(id).map_or(Severity::Warning, |r| r.severity);
    out.push(Finding {
        rule: id,
        severity,
        element,
        msg,
        args,
    });
}

fn has_standard(bp: &Blueprint, tp: &TouchpointId) -> bool {
    bp.standards.iter().any(|s| &s.touchpoint == tp)
}

fn lane_kind(bp: &Blueprint, lane: &LaneId) -> Option<LaneKind> {
    bp.lane(lane).map(|l| l.kind)
}

fn critical_without_standard(bp: &Blueprint, out: &mut Vec<Finding>) {
    for tp in &bp.touchpoints {
        if tp.moment_of_truth == MomentOfTruth::Critical && !has_standard(bp, &tp.id) {
            push(
                out,
                "critical-moment-without-standard",
                Element::Touchpoint(tp.id.clone()),
                Msg::FindCriticalWithoutStandard,
                vec![tp.title.clone().into()],
            );
        }
    }
}

fn moment_without_standard(bp: &Blueprint, out: &mut Vec<Finding>) {
    for tp in &bp.touchpoints {
        if tp.moment_of_truth == MomentOfTruth::Moment && !has_standard(bp, &tp.id) {
            push(
                out,
                "moment-without-standard",
                Element::Touchpoint(tp.id.clone()),
                Msg::FindMomentWithoutStandard,
                vec![tp.title.clone().into()],
            );
        }
    }
}

fn standard_incomplete(bp: &Blueprint, out: &mut Vec<Finding>) {
    for s in &bp.standards {
        let mut missing = Vec::new();
        if s.indicator.trim().is_empty() {
            missing.push(Msg::Indicator);
        }
        if s.target.is_none() {
            missing.push(Msg::Target);
        }
        if s.method.is_none() {
            missing.push(Msg::MeasurementMethod);
        }
        if !missing.is_empty() {
            push(
                out,
                "standard-incomplete",
                Element::Standard(s.id.clone()),
                Msg::FindStandardIncomplete,
                vec![s.statement.clone().into(), Arg::Words(missing)],
            );
        }
    }
}

fn standard_status(
    bp: &Blueprint,
    out: &mut Vec<Finding>,
    id: &'static str,
    status: Compliance,
    msg: Msg,
) {
    for s in bp.standards.iter().filter(|s| s.compliance() == status) {
        let latest = s.latest().map_or(0.0, |m| m.value);
        let target = s.target.unwrap_or(0.0);
        push(
            out,
            id,
            Element::Standard(s.id.clone()),
            msg,
            vec![
                s.statement.clone().into(),
                format!("{latest} {}", s.unit).trim().to_owned().into(),
                format!("{target} {}", s.unit).trim().to_owned().into(),
            ],
        );
    }
}

fn standard_missed(bp: &Blueprint, out: &mut Vec<Finding>) {
    standard_status(
        bp,
        out,
        "standard-missed",
        Compliance::Missed,
        Msg::FindStandardMissed,
    );
}

fn standard_at_risk(bp: &Blueprint, out: &mut Vec<Finding>) {
    standard_status(
        bp,
        out,
        "standard-at-risk",
        Compliance::AtRisk,
        Msg::FindStandardAtRisk,
    );
}

/// Whether the customer cannot see a lane: below the line of visibility, or,
/// in a blueprint without one, of an invisible kind.
pub(crate) fn invisible_lanes(bp: &Blueprint) -> HashSet<&LaneId> {
    match bp
        .line(LineKind::Visibility)
        .and_then(|l| bp.lane_index(&l.after_lane))
    {
        Some(line) => bp.lanes.iter().skip(line + 1).map(|l| &l.id).collect(),
        None => bp
            .lanes
            .iter()
            .filter(|l| !l.kind.is_visible_to_customer())
            .map(|l| &l.id)
            .collect(),
    }
}

fn visible_without_support(bp: &Blueprint, out: &mut Vec<Finding>) {
    let invisible = invisible_lanes(bp);
    if invisible.is_empty() {
        return;
    }
    let mut neighbours: HashMap<&TouchpointId, Vec<&TouchpointId>> = HashMap::new();
    for c in &bp.connectors {
        neighbours.entry(&c.from).or_default().push(&c.to);
        neighbours.entry(&c.to).or_default().push(&c.from);
    }
    let lane_of: HashMap<&TouchpointId, &LaneId> =
        bp.touchpoints.iter().map(|t| (&t.id, &t.lane)).collect();
    for tp in &bp.touchpoints {
        if !matches!(
            lane_kind(bp, &tp.lane),
            Some(LaneKind::Customer | LaneKind::ContactPersonnel)
        ) {
            continue;
        }
        // Search the links out of this touchpoint for back-office work. The
        // customer's own journey does not carry support: the search does not
        // go on through other customer touchpoints.
        let mut seen = HashSet::from([&tp.id]);
        let mut queue = VecDeque::from([&tp.id]);
        let mut supported = false;
        while let Some(at) = queue.pop_front() {
            for &next in neighbours.get(at).into_iter().flatten() {
                if !seen.insert(next) {
                    continue;
                }
                let Some(lane) = lane_of.get(next) else {
                    continue;
                };
                if invisible.contains(lane) {
                    supported = true;
                    break;
                }
                if lane_kind(bp, lane) != Some(LaneKind::Customer) {
                    queue.push_back(next);
                }
            }
            if supported {
                break;
            }
        }
        if !supported {
            push(
                out,
                "visible-without-support",
                Element::Touchpoint(tp.id.clone()),
                Msg::FindVisibleWithoutSupport,
                vec![tp.title.clone().into()],
            );
        }
    }
}

fn steps_with(bp: &Blueprint, kind: LaneKind) -> HashSet<&StepId> {
    bp.touchpoints
        .iter()
        .filter(|t| lane_kind(bp, &t.lane) == Some(kind))
        .map(|t| &t.step)
        .collect()
}

fn step_without_physical_support(bp: &Blueprint, out: &mut Vec<Finding>) {
    if !bp.lanes.iter().any(|l| l.kind == LaneKind::PhysicalSupport) {
        return;
    }
    let customer = steps_with(bp, LaneKind::Customer);
    let physical = steps_with(bp, LaneKind::PhysicalSupport);
    for (_, step) in bp.steps() {
        if customer.contains(&step.id) && !physical.contains(&step.id) {
            push(
                out,
                "step-without-physical-support",
                Element::Step(step.id.clone()),
                Msg::FindStepWithoutPhysicalSupport,
                vec![step.name.clone().into()],
            );
        }
    }
}

fn step_without_customer(bp: &Blueprint, out: &mut Vec<Finding>) {
    if !bp.lanes.iter().any(|l| l.kind == LaneKind::Customer) {
        return;
    }
    let customer = steps_with(bp, LaneKind::Customer);
    for (_, step) in bp.steps() {
        if !customer.contains(&step.id) {
            push(
                out,
                "step-without-customer",
                Element::Step(step.id.clone()),
                Msg::FindStepWithoutCustomer,
                vec![step.name.clone().into()],
            );
        }
    }
}

fn fail_point_without_owner(bp: &Blueprint, out: &mut Vec<Finding>) {
    for tp in bp
        .touchpoints
        .iter()
        .filter(|t| t.fail_point && t.owner.trim().is_empty())
    {
        push(
            out,
            "fail-point-without-owner",
            Element::Touchpoint(tp.id.clone()),
            Msg::FindFailPointWithoutOwner,
            vec![tp.title.clone().into()],
        );
    }
}

fn fail_point_without_recovery(bp: &Blueprint, out: &mut Vec<Finding>) {
    for tp in bp.touchpoints.iter().filter(|t| t.fail_point) {
        let feedback = bp
            .connectors
            .iter()
            .any(|c| c.kind == ConnectorKind::Feedback && (c.from == tp.id || c.to == tp.id));
        if !feedback && !has_standard(bp, &tp.id) {
            push(
                out,
                "fail-point-without-recovery",
                Element::Touchpoint(tp.id.clone()),
                Msg::FindFailPointWithoutRecovery,
                vec![tp.title.clone().into()],
            );
        }
    }
}

fn wait_without_expected_wait(bp: &Blueprint, out: &mut Vec<Finding>) {
    for tp in bp
        .touchpoints
        .iter()
        .filter(|t| t.wait_point && t.expected_wait_min.is_none())
    {
        push(
            out,
            "wait-without-expected-wait",
            Element::Touchpoint(tp.id.clone()),
            Msg::FindWaitWithoutExpectedWait,
            vec![tp.title.clone().into()],
        );
    }
}

/// Whether a standard measures time: by timing, or in a unit of time.
pub(crate) fn is_time_standard(s: &Standard) -> bool {
    let unit = s.unit.trim().to_lowercase();
    s.method == Some(MeasurementMethod::Timing)
        || [
            "s", "sec", "seg", "min", "h", "hour", "hours", "hora", "horas", "minutes", "minutos",
            "seconds", "segundos", "days", "días",
        ]
        .contains(&unit.as_str())
}

fn wait_without_time_standard(bp: &Blueprint, out: &mut Vec<Finding>) {
    for tp in bp.touchpoints.iter().filter(|t| t.wait_point) {
        if !bp.standards_of(&tp.id).any(is_time_standard) {
            push(
                out,
                "wait-without-time-standard",
                Element::Touchpoint(tp.id.clone()),
                Msg::FindWaitWithoutTimeStandard,
                vec![tp.title.clone().into()],
            );
        }
    }
}

fn connector_backwards(bp: &Blueprint, out: &mut Vec<Finding>) {
    let step_index: HashMap<&StepId, usize> = bp
        .steps()
        .enumerate()
        .map(|(i, (_, s))| (&s.id, i))
        .collect();
    let by_id: HashMap<&TouchpointId, &Touchpoint> =
        bp.touchpoints.iter().map(|t| (&t.id, t)).collect();
    let step_of = |id: &TouchpointId| by_id.get(id).and_then(|t| step_index.get(&t.step).copied());
    for c in bp
        .connectors
        .iter()
        .filter(|c| c.kind != ConnectorKind::Feedback)
    {
        if let (Some(from), Some(to)) = (step_of(&c.from), step_of(&c.to))
            && to < from
        {
            let title =
                |id: &TouchpointId| by_id.get(id).map_or_else(String::new, |t| t.title.clone());
            push(
                out,
                "connector-backwards",
                Element::Connector(c.id.clone()),
                Msg::FindConnectorBackwards,
                vec![title(&c.from).into(), title(&c.to).into()],
            );
        }
    }
}

fn high_contact_without_critical(bp: &Blueprint, out: &mut Vec<Finding>) {
    if bp.contact_level == ContactLevel::High
        && !bp
            .touchpoints
            .iter()
            .any(|t| t.moment_of_truth == MomentOfTruth::Critical)
    {
        push(
            out,
            "high-contact-without-critical-moment",
            Element::Blueprint,
            Msg::FindHighContactWithoutCritical,
            vec![],
        );
    }
}

fn empty_lane(bp: &Blueprint, out: &mut Vec<Finding>) {
    for lane in bp.lanes.iter().filter(|l| !l.hidden) {
        if !bp.touchpoints.iter().any(|t| t.lane == lane.id) {
            push(
                out,
                "empty-lane",
                Element::Lane(lane.id.clone()),
                Msg::FindEmptyLane,
                vec![lane.name.clone().into()],
            );
        }
    }
}

fn empty_stage(bp: &Blueprint, out: &mut Vec<Finding>) {
    for stage in &bp.stages {
        let steps: HashSet<_> = stage.steps.iter().map(|s| &s.id).collect();
        if !bp.touchpoints.iter().any(|t| steps.contains(&t.step)) {
            push(
                out,
                "empty-stage",
                Element::Stage(stage.id.clone()),
                Msg::FindEmptyStage,
                vec![stage.name.clone().into()],
            );
        }
    }
}
