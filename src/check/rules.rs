//! The health-check rules. Each has an id (used in `disabled_rules` and by
//! `check`), a severity, a summary, and a function that adds its findings.

use super::context::*;
use super::cut::title_cut;
use super::{Arg, Element, Finding, Severity};
use crate::i18n::Msg;
use crate::model::*;
use foldhash::HashSet;

/// A health-check rule.
pub struct Rule {
    /// A stable id, e.g. `moment-without-standard`.
    pub id: &'static str,
    pub severity: Severity,
    /// What the rule looks for, for the rules list.
    pub summary: Msg,
    pub(super) run: fn(&Ctx, &mut Vec<Finding>),
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
        run: super::fail::without_owner,
    },
    Rule {
        id: "fail-point-without-recovery",
        severity: Severity::Warning,
        summary: Msg::RuleFailPointWithoutRecovery,
        run: super::fail::without_recovery,
    },
    Rule {
        id: "fail-point-without-poka-yoke",
        severity: Severity::Warning,
        summary: Msg::RuleFailPointWithoutPokaYoke,
        run: super::fail::without_poka_yoke,
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
    Rule {
        id: "missed-standard-without-action",
        severity: Severity::Warning,
        summary: Msg::RuleMissedWithoutAction,
        run: super::actions::missed_without_action,
    },
    Rule {
        id: "action-overdue",
        severity: Severity::Warning,
        summary: Msg::RuleActionOverdue,
        run: super::actions::overdue,
    },
    Rule {
        id: "title-cut",
        severity: Severity::Hint,
        summary: Msg::RuleTitleCut,
        run: title_cut,
    },
    Rule {
        id: "merge-conflict",
        severity: Severity::Error,
        summary: Msg::RuleMergeConflict,
        run: super::conflicts::merge_conflict,
    },
    Rule {
        id: "photo-without-alt",
        severity: Severity::Warning,
        summary: Msg::RulePhotoWithoutAlt,
        run: super::photos::photo_without_alt,
    },
];

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// Adds a finding of rule `id`; [`super::check`] gives it the rule's
/// severity.
fn push(out: &mut Vec<Finding>, id: &'static str, element: Element, msg: Msg, args: Vec<Arg>) {
    out.push(Finding::new(id, element, msg, args));
}

/// Reports touchpoint `i`, named by its title when the message is shown.
/// Its id is read from the node table, which is in the cache where the
/// touchpoints may not be.
pub(super) fn push_touchpoint(
    cx: &Ctx,
    out: &mut Vec<Finding>,
    rule: &'static str,
    i: usize,
    msg: Msg,
) {
    let element = Element::Touchpoint(cx.touchpoint_id(i));
    out.push(Finding::new(rule, element, msg, &[Arg::Name][..]).at(i));
}

fn critical_without_standard(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, f) in cx.flagged() {
        if f & (CRITICAL | STANDARD) == CRITICAL {
            push_touchpoint(
                cx,
                out,
                "critical-moment-without-standard",
                i,
                Msg::FindCriticalWithoutStandard,
            );
        }
    }
}

fn moment_without_standard(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, f) in cx.flagged() {
        if f & (MOMENT | STANDARD) == MOMENT {
            push_touchpoint(
                cx,
                out,
                "moment-without-standard",
                i,
                Msg::FindMomentWithoutStandard,
            );
        }
    }
}

fn standard_incomplete(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, id, lacks) in &cx.incomplete {
        let missing = [
            (NO_INDICATOR, Msg::Indicator),
            (NO_TARGET, Msg::Target),
            (NO_METHOD, Msg::MeasurementMethod),
        ];
        let missing = missing
            .into_iter()
            .filter(|&(bit, _)| lacks & bit != 0)
            .map(|(_, msg)| msg)
            .collect();
        let element = Element::Standard(id.clone());
        let args = vec![Arg::Name, Arg::Words(missing)];
        let msg = Msg::FindStandardIncomplete;
        out.push(Finding::new("standard-incomplete", element, msg, args).at(*i as usize));
    }
}

fn standard_status(
    cx: &Ctx,
    out: &mut Vec<Finding>,
    id: &'static str,
    status: Compliance,
    msg: Msg,
) {
    for (i, _, standard) in cx.judged.iter().filter(|(_, c, _)| *c == status) {
        let args = &[Arg::Name, Arg::Latest, Arg::Adequate, Arg::Target][..];
        let element = Element::Standard(standard.clone());
        out.push(Finding::new(id, element, msg, args).at(*i as usize));
    }
}

fn standard_missed(cx: &Ctx, out: &mut Vec<Finding>) {
    standard_status(
        cx,
        out,
        "standard-missed",
        Compliance::Missed,
        Msg::FindStandardMissed,
    );
}

fn standard_at_risk(cx: &Ctx, out: &mut Vec<Finding>) {
    standard_status(
        cx,
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

/// How a touchpoint takes part in the search for back-office support.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Not a touchpoint: an end of a broken connector.
    Unknown,
    /// Out of the customer's sight: support found.
    Support,
    /// The customer's own journey, which does not carry support on.
    Customer,
    /// Anything else, through which the search goes on.
    Relay,
}

/// The root of a node's set in a union-find forest, halving paths on the way.
fn root(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

fn visible_without_support(cx: &Ctx, out: &mut Vec<Finding>) {
    let bp = cx.bp;
    let invisible = invisible_lanes(bp);
    if invisible.is_empty() {
        return;
    }
    // A customer or contact touchpoint is supported when the links out of it
    // reach back-office work, going on only through touchpoints that are
    // neither the customer's nor out of sight (relays). Rather than search
    // from each touchpoint, join the relays linked to each other into groups,
    // note the support each group touches, and look at each touchpoint's
    // neighbours once. A node shared by touchpoints takes the lane of the last.
    let graph = cx.graph();
    let kinds = cx.kinds();
    // By lane position: a touchpoint's lane is the first lane with its id.
    let hidden: Vec<bool> = bp.lanes.iter().map(|l| invisible.contains(&l.id)).collect();
    let role: Vec<Role> = graph
        .touchpoint
        .iter()
        .map(|&t| {
            let Some(&lane) = cx.lanes().get(t as usize) else {
                return Role::Unknown;
            };
            if lane.is_some_and(|l| hidden[l as usize]) {
                Role::Support
            } else if kinds[t as usize] == Some(LaneKind::Customer) {
                Role::Customer
            } else {
                Role::Relay
            }
        })
        .collect();
    let links = &graph.links;
    let mut parent: Vec<u32> = (0..role.len() as u32).collect();
    for &(a, b) in links {
        if role[a as usize] == Role::Relay && role[b as usize] == Role::Relay {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            parent[ra as usize] = rb;
        }
    }
    // The support each group of relays touches: the first found, and whether
    // there is another (a touchpoint does not support itself).
    const NONE: u32 = u32::MAX;
    let mut reach: Vec<(u32, bool)> = vec![(NONE, false); role.len()];
    for &(a, b) in links {
        for (r, t) in [(a, b), (b, a)] {
            if role[r as usize] == Role::Relay && role[t as usize] == Role::Support {
                let g = &mut reach[root(&mut parent, r) as usize];
                if g.0 == NONE {
                    g.0 = t;
                } else if g.0 != t {
                    g.1 = true;
                }
            }
        }
    }
    let mut supported = vec![false; role.len()];
    for &(a, b) in links {
        for (from, next) in [(a, b), (b, a)] {
            if from == next || supported[from as usize] {
                continue;
            }
            supported[from as usize] = match role[next as usize] {
                Role::Support => true,
                Role::Relay => {
                    let (first, more) = reach[root(&mut parent, next) as usize];
                    first != NONE && (first != from || more)
                }
                Role::Customer | Role::Unknown => false,
            };
        }
    }
    // The customer's own actions (arriving, going to the room, sleeping)
    // are supported by the physical evidence of their step: the method counts
    // it as support. Contact personnel need work behind them.
    let evidence = Evidence::new(cx);
    let of_step = &cx.steps().of_touchpoint;
    for (i, (&n, kind)) in graph.of_touchpoint.iter().zip(kinds).enumerate() {
        if supported[n as usize] {
            continue;
        }
        let msg = match kind {
            Some(LaneKind::Customer) if !evidence.at(cx, i, of_step[i]) => {
                Msg::FindCustomerWithoutSupport
            }
            Some(LaneKind::ContactPersonnel) => Msg::FindVisibleWithoutSupport,
            _ => continue,
        };
        push_touchpoint(cx, out, "visible-without-support", i, msg);
    }
}

/// The steps where a touchpoint of physical support (evidence) lies: by
/// position in time order, and by id for steps no step in the blueprint
/// has (a broken document's).
struct Evidence<'a> {
    at_step: Vec<bool>,
    unknown: HashSet<&'a StepId>,
}

impl<'a> Evidence<'a> {
    fn new(cx: &Ctx<'a>) -> Self {
        let steps = &cx.steps().of_touchpoint;
        let unknown = (cx.kinds().iter().zip(steps).enumerate())
            .filter(|(_, (k, s))| **k == Some(LaneKind::PhysicalSupport) && s.is_none())
            .map(|(i, _)| &cx.bp.touchpoints[i].step)
            .collect();
        Self {
            at_step: steps_with(cx, LaneKind::PhysicalSupport),
            unknown,
        }
    }

    /// Whether there is evidence in the step of touchpoint `i`, at `step`.
    fn at(&self, cx: &Ctx, i: usize, step: Option<u32>) -> bool {
        match step {
            Some(s) => self.at_step[s as usize],
            None => self.unknown.contains(&cx.bp.touchpoints[i].step),
        }
    }
}

/// Which steps have a touchpoint in a lane of a kind, by position in time
/// order (where step ids repeat, at the last step with the id).
fn steps_with(cx: &Ctx, kind: LaneKind) -> Vec<bool> {
    let steps = cx.steps();
    let mut with = vec![false; steps.slot.len()];
    for (k, s) in cx.kinds().iter().zip(&steps.of_touchpoint) {
        if let (Some(k), Some(s)) = (k, s)
            && *k == kind
        {
            with[*s as usize] = true;
        }
    }
    with
}

fn step_without_physical_support(cx: &Ctx, out: &mut Vec<Finding>) {
    if !cx
        .bp
        .lanes
        .iter()
        .any(|l| l.kind == LaneKind::PhysicalSupport)
    {
        return;
    }
    let customer = steps_with(cx, LaneKind::Customer);
    let physical = steps_with(cx, LaneKind::PhysicalSupport);
    for ((_, step), &i) in cx.bp.steps().zip(&cx.steps().slot) {
        if customer[i] && !physical[i] {
            push(
                out,
                "step-without-physical-support",
                Element::Step(step.id.clone()),
                Msg::FindStepWithoutPhysicalSupport,
                vec![step.name.as_str().into()],
            );
        }
    }
}

/// A step without the customer. In a low-contact blueprint the customer is
/// away while most work is done (a parcel sorted overnight, a loan
/// approved): a step whose touchpoints are all back office is then how the
/// service is, not a gap, and is not reported.
fn step_without_customer(cx: &Ctx, out: &mut Vec<Finding>) {
    if !cx.bp.lanes.iter().any(|l| l.kind == LaneKind::Customer) {
        return;
    }
    let customer = steps_with(cx, LaneKind::Customer);
    let back_office_only = if cx.bp.contact_level == ContactLevel::Low {
        let steps = cx.steps();
        let mut back = steps_with(cx, LaneKind::BackOffice);
        // A step with anything else (or a touchpoint in no lane) is not
        // back office only.
        for (k, s) in cx.kinds().iter().zip(&steps.of_touchpoint) {
            if let Some(s) = s
                && *k != Some(LaneKind::BackOffice)
            {
                back[*s as usize] = false;
            }
        }
        back
    } else {
        vec![false; customer.len()]
    };
    for ((_, step), &i) in cx.bp.steps().zip(&cx.steps().slot) {
        if !customer[i] && !back_office_only[i] {
            push(
                out,
                "step-without-customer",
                Element::Step(step.id.clone()),
                Msg::FindStepWithoutCustomer,
                vec![step.name.as_str().into()],
            );
        }
    }
}

fn wait_without_expected_wait(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, _) in cx.flagged().filter(|(_, f)| f & NO_EXPECTED_WAIT != 0) {
        push_touchpoint(
            cx,
            out,
            "wait-without-expected-wait",
            i,
            Msg::FindWaitWithoutExpectedWait,
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

fn wait_without_time_standard(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, f) in cx.flagged() {
        if f & (WAIT_POINT | TIME_STANDARD) == WAIT_POINT {
            push_touchpoint(
                cx,
                out,
                "wait-without-time-standard",
                i,
                Msg::FindWaitWithoutTimeStandard,
            );
        }
    }
}

fn connector_backwards(cx: &Ctx, out: &mut Vec<Finding>) {
    let bp = cx.bp;
    let (graph, steps) = (cx.graph(), cx.steps());
    // The touchpoint of a node: the last with its id.
    let touchpoint = |n: u32| graph.touchpoint[n as usize] as usize;
    let step_of = |n: u32| steps.of_touchpoint.get(touchpoint(n)).copied().flatten();
    for (i, (&(from, to), &feedback)) in graph.links.iter().zip(&graph.feedback).enumerate() {
        if let (false, Some(from_step), Some(to_step)) = (feedback, step_of(from), step_of(to))
            && to_step < from_step
        {
            let c = &bp.connectors[i];
            let title = |n: u32| bp.touchpoints[touchpoint(n)].title.as_str();
            push(
                out,
                "connector-backwards",
                Element::Connector(c.id.clone()),
                Msg::FindConnectorBackwards,
                vec![title(from).into(), title(to).into()],
            );
        }
    }
}

fn high_contact_without_critical(cx: &Ctx, out: &mut Vec<Finding>) {
    let bp = cx.bp;
    if bp.contact_level == ContactLevel::High && !cx.flags.iter().any(|f| f & CRITICAL != 0) {
        push(
            out,
            "high-contact-without-critical-moment",
            Element::Blueprint,
            Msg::FindHighContactWithoutCritical,
            vec![],
        );
    }
}

fn empty_lane(cx: &Ctx, out: &mut Vec<Finding>) {
    let bp = cx.bp;
    // Lanes by position, each id at the first lane with it.
    let mut used = vec![false; bp.lanes.len()];
    for &l in cx.lanes().iter().flatten() {
        used[l as usize] = true;
    }
    for lane in bp.lanes.iter().filter(|l| !l.hidden) {
        if !cx.lane_index(&lane.id).is_some_and(|i| used[i]) {
            push(
                out,
                "empty-lane",
                Element::Lane(lane.id.clone()),
                Msg::FindEmptyLane,
                vec![lane.name.as_str().into()],
            );
        }
    }
}

fn empty_stage(cx: &Ctx, out: &mut Vec<Finding>) {
    let bp = cx.bp;
    let steps = cx.steps();
    let mut used = vec![false; steps.slot.len()];
    for &s in steps.of_touchpoint.iter().flatten() {
        used[s as usize] = true;
    }
    let mut first = 0;
    for stage in &bp.stages {
        let slots = &steps.slot[first..first + stage.steps.len()];
        first += stage.steps.len();
        if !slots.iter().any(|&s| used[s]) {
            push(
                out,
                "empty-stage",
                Element::Stage(stage.id.clone()),
                Msg::FindEmptyStage,
                vec![stage.name.as_str().into()],
            );
        }
    }
}

#[cfg(test)]
#[path = "rules_tests.rs"]
mod tests;
