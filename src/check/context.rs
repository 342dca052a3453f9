//! What the health-check rules look things up in, built once for all of
//! them.

use super::rules::is_time_standard;
use crate::model::index::{IdIndex, IdTable};
use crate::model::*;
use foldhash::HashMap;

/// What the rules look things up in: the blueprint, and what they need to
/// know of each touchpoint, gathered in one pass over the touchpoints and
/// one over the connectors. A touchpoint is a large record; the rules then
/// go through these small tables, which stay in the processor's caches for
/// blueprints far larger than the records do, and read a touchpoint itself
/// only to report it.
pub(super) struct Ctx<'a> {
    pub(super) bp: &'a Blueprint,
    /// The day the check is made: actions due before it are overdue.
    pub(super) today: Date,
    /// Lanes by id.
    lane_index: IdIndex<'a>,
    /// The position of each touchpoint's lane (`None` if it has none).
    lanes: Vec<Option<u32>>,
    /// The kind of each touchpoint's lane.
    kinds: Vec<Option<LaneKind>>,
    /// What each touchpoint is: [`CRITICAL`], [`FAIL_POINT`]…
    pub(super) flags: Vec<Flags>,
    /// The standards that are missed or at risk, by their latest
    /// measurement, in document order: each one's position, how it stands
    /// and its id.
    pub(super) judged: Vec<(u32, Compliance, StandardId)>,
    /// The standards that lack an indicator, a target or a measurement
    /// method, in document order: each one's position, id and what it
    /// lacks ([`NO_INDICATOR`]…).
    pub(super) incomplete: Vec<(u32, StandardId, u8)>,
    steps: Steps,
    graph: Graph,
    /// How the titles fit on their cards, when the caller has worked it
    /// out (the editor, for the layout too).
    pub(super) fits: Option<&'a crate::layout::title::Fits>,
}

/// What the rules know of a touchpoint, one bit a fact.
pub(super) type Flags = u16;

/// A critical moment of truth.
pub(super) const CRITICAL: Flags = 1;
/// A moment of truth (not critical).
pub(super) const MOMENT: Flags = 1 << 1;
pub(super) const FAIL_POINT: Flags = 1 << 2;
/// A fail point without an owner.
pub(super) const NO_OWNER: Flags = 1 << 3;
pub(super) const WAIT_POINT: Flags = 1 << 4;
/// A wait point without an expected wait.
pub(super) const NO_EXPECTED_WAIT: Flags = 1 << 5;
/// A moment of truth or fail point with a standard.
pub(super) const STANDARD: Flags = 1 << 6;
/// A wait point with a time standard.
pub(super) const TIME_STANDARD: Flags = 1 << 7;
/// A fail point without a recovery: nobody wrote what staff do when it
/// happens.
pub(super) const NO_RECOVERY: Flags = 1 << 8;
/// A fail point with a high risk priority ([`super::fail::HIGH_RPN`] or
/// more) and no poka-yoke.
pub(super) const UNGUARDED_RISK: Flags = 1 << 9;

/// A standard without an indicator.
pub(super) const NO_INDICATOR: u8 = 1;
/// A standard without a target.
pub(super) const NO_TARGET: u8 = 1 << 1;
/// A standard without a measurement method.
pub(super) const NO_METHOD: u8 = 1 << 2;

/// Steps by id. Where ids repeat, the last step with an id stands for it.
pub(super) struct Steps {
    /// The position standing for each step: the last with its id.
    pub(super) slot: Vec<usize>,
    /// The position of each touchpoint's step in time order.
    pub(super) of_touchpoint: Vec<Option<u32>>,
}

/// The touchpoints as nodes linked by connectors. Nodes are ids: those of
/// touchpoints (touchpoints that share an id share a node) and the ids
/// connectors name that no touchpoint has.
pub(super) struct Graph {
    /// The node of each touchpoint.
    pub(super) of_touchpoint: Vec<u32>,
    /// The last touchpoint of each node (`u32::MAX` for none).
    pub(super) touchpoint: Vec<u32>,
    /// The id of each node.
    pub(super) names: IdTable,
    /// The nodes each connector links, from and to.
    pub(super) links: Vec<(u32, u32)>,
    /// Whether each connector is feedback, which carries the service back
    /// rather than forward.
    pub(super) feedback: Vec<bool>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(bp: &'a Blueprint, today: Date) -> Self {
        let n = bp.touchpoints.len();
        let lane_index = IdIndex::new(bp.lanes.iter().map(|l| l.id.as_str()));
        let step_index: HashMap<&str, usize> = bp
            .steps()
            .enumerate()
            .map(|(i, (_, s))| (s.id.as_str(), i))
            .collect();
        let slot = bp.steps().map(|(_, s)| step_index[s.id.as_str()]).collect();
        // Nodes by id, compared with copies of the ids rather than with the
        // touchpoints: the connectors' ends and the standards' touchpoints
        // are looked up in it.
        let mut nodes = IdTable::with_capacity(n);
        // The last touchpoint of each node.
        let mut touchpoint: Vec<u32> = Vec::with_capacity(n);
        // Of each node: whether a touchpoint with its id is a wait point,
        // has a standard, has a time standard.
        let mut node_flags: Vec<Flags> = Vec::with_capacity(n);
        let mut lanes = Vec::with_capacity(n);
        let mut kinds = Vec::with_capacity(n);
        let mut flags = Vec::with_capacity(n);
        let mut of_step = Vec::with_capacity(n);
        let mut of_node = Vec::with_capacity(n);
        for (i, t) in bp.touchpoints.iter().enumerate() {
            let lane = lane_index.get(t.lane.as_str());
            lanes.push(lane.map(|l| l as u32));
            kinds.push(lane.map(|l| bp.lanes[l].kind));
            of_step.push(step_index.get(t.step.as_str()).map(|&s| s as u32));
            let (k, _) = nodes.intern(t.id.as_str());
            if k as usize == touchpoint.len() {
                touchpoint.push(i as u32);
                node_flags.push(0);
            } else {
                touchpoint[k as usize] = i as u32;
            }
            of_node.push(k);
            let mut f = match t.moment_of_truth {
                MomentOfTruth::Critical => CRITICAL,
                MomentOfTruth::Moment => MOMENT,
                _ => 0,
            };
            if let Some(fail) = &t.fail_point {
                f |= super::fail::flags(t, fail);
            }
            if t.wait_point {
                f |= WAIT_POINT;
                if t.expected_wait_min.is_none() {
                    f |= NO_EXPECTED_WAIT;
                }
            }
            node_flags[k as usize] |= f & WAIT_POINT;
            flags.push(f);
        }
        // The standards, joined to the touchpoints through the nodes (the
        // touchpoints sharing an id share its standards): which touchpoints
        // have one, and which a time standard. A standard's unit is read
        // only where a wait point could need it. What the rules report of a
        // standard is found here too, with its id, while its record is in
        // the caches: in a large blueprint, reading it again for a finding
        // would wait for memory.
        let mut judged = Vec::new();
        let mut incomplete = Vec::new();
        for (i, s) in bp.standards.iter().enumerate() {
            let c = s.compliance();
            if matches!(c, Compliance::Missed | Compliance::AtRisk) {
                judged.push((i as u32, c, s.id.clone()));
            }
            let mut lacks = 0;
            if s.indicator.trim().is_empty() {
                lacks |= NO_INDICATOR;
            }
            if s.target.is_none() {
                lacks |= NO_TARGET;
            }
            if s.method.is_none() {
                lacks |= NO_METHOD;
            }
            if lacks != 0 {
                incomplete.push((i as u32, s.id.clone(), lacks));
            }
            if let Some(k) = nodes.find(s.touchpoint.as_str()) {
                let has = &mut node_flags[k as usize];
                *has |= STANDARD;
                if *has & (WAIT_POINT | TIME_STANDARD) == WAIT_POINT && is_time_standard(s) {
                    *has |= TIME_STANDARD;
                }
            }
        }
        for (f, &k) in flags.iter_mut().zip(&of_node) {
            let has = node_flags[k as usize];
            if *f & (CRITICAL | MOMENT) != 0 {
                *f |= has & STANDARD;
            }
            if *f & WAIT_POINT != 0 {
                *f |= has & TIME_STANDARD;
            }
        }
        let mut links = Vec::with_capacity(bp.connectors.len());
        let mut feedback = Vec::with_capacity(bp.connectors.len());
        for c in &bp.connectors {
            links.push((
                nodes.intern(c.from.as_str()).0,
                nodes.intern(c.to.as_str()).0,
            ));
            feedback.push(c.kind == ConnectorKind::Feedback);
        }
        // Nodes only connectors name have no touchpoint.
        touchpoint.resize(nodes.len(), u32::MAX);
        Self {
            bp,
            today,
            fits: None,
            lane_index,
            lanes,
            kinds,
            flags,
            judged,
            incomplete,
            steps: Steps {
                slot,
                of_touchpoint: of_step,
            },
            graph: Graph {
                of_touchpoint: of_node,
                touchpoint,
                names: nodes,
                links,
                feedback,
            },
        }
    }

    /// The position of each touchpoint's lane, as `Blueprint::lane` finds it.
    pub(super) fn lanes(&self) -> &[Option<u32>] {
        &self.lanes
    }

    /// The position of the lane with this id, as `Blueprint::lane_index`.
    pub(super) fn lane_index(&self, id: &LaneId) -> Option<usize> {
        self.lane_index.get(id.as_str())
    }

    /// The kind of each touchpoint's lane.
    pub(super) fn kinds(&self) -> &[Option<LaneKind>] {
        &self.kinds
    }

    pub(super) fn steps(&self) -> &Steps {
        &self.steps
    }

    pub(super) fn graph(&self) -> &Graph {
        &self.graph
    }

    /// The touchpoints' positions, each with its flags, in document order.
    pub(super) fn flagged(&self) -> impl Iterator<Item = (usize, Flags)> + '_ {
        self.flags.iter().copied().enumerate()
    }

    /// The id of touchpoint `i`.
    pub(super) fn touchpoint_id(&self, i: usize) -> TouchpointId {
        TouchpointId(self.graph.names.id(self.graph.of_touchpoint[i]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flags gathered through the node table are those each touchpoint
    /// has by looking its standards up by id, on random blueprints where
    /// touchpoints share ids (one a wait point, another not), standards name
    /// unknown touchpoints, and connectors name ids no touchpoint has.
    #[test]
    fn flags_joined_through_nodes_are_the_flags_looked_up_by_id() {
        let mut next = crate::testing::numbers(0x2545_f491_4f6c_dd1du64);
        let mut seen = [0usize; 10];
        for _ in 0..300 {
            let mut bp = crate::templates::synthetic(0);
            let n = 1 + next(12);
            for i in 0..n {
                let mut tp = Touchpoint::new(
                    LaneId::from(format!("lane-{}", next(7))),
                    bp.stages[0].steps[0].id.clone(),
                    "t",
                );
                tp.id = TouchpointId::from(format!(
                    "tp-{}",
                    if next(3) == 0 { next(i + 1) } else { i }
                ));
                tp.moment_of_truth = [
                    MomentOfTruth::None,
                    MomentOfTruth::Moment,
                    MomentOfTruth::Critical,
                ][next(3)];
                let rating = |r: usize| (r > 0).then_some(r as u8);
                tp.fail_point = (next(3) == 0).then(|| {
                    Box::new(FailPoint {
                        recovery: ["", " ", "Call the guest"][next(3)].into(),
                        poka_yoke: ["", "\t", "Checklist"][next(3)].into(),
                        severity: rating(next(11)),
                        occurrence: rating(next(11)),
                        detection: [Some(10), Some(2), None][next(3)],
                        ..FailPoint::default()
                    })
                });
                tp.owner = [" ", "", "Desk"][next(3)].into();
                tp.wait_point = next(2) == 0;
                tp.expected_wait_min = (next(2) == 0).then_some(3.0);
                bp.touchpoints.push(tp);
            }
            for i in 0..next(n + 2) {
                let mut s =
                    Standard::new(TouchpointId::from(format!("tp-{}", next(n + 2))), "Done");
                s.id = StandardId::from(format!("std-{i}"));
                s.unit = ["min", "%", "", " Segundos "][next(4)].into();
                bp.standards.push(s);
            }
            for i in 0..next(n) {
                bp.connectors.push(Connector {
                    id: ConnectorId::from(format!("con-{i}")),
                    from: TouchpointId::from(format!("tp-{}", next(n + 3))),
                    to: TouchpointId::from(format!("tp-{}", next(n + 3))),
                    kind: ConnectorKind::Flow,
                    label: String::new(),
                });
            }
            let cx = Ctx::new(&bp, Date::today());
            let ix = bp.index();
            for (t, &got) in bp.touchpoints.iter().zip(&cx.flags) {
                let mut want = match t.moment_of_truth {
                    MomentOfTruth::Critical => CRITICAL,
                    MomentOfTruth::Moment => MOMENT,
                    MomentOfTruth::None => 0,
                };
                if let Some(fail) = &t.fail_point {
                    want |= FAIL_POINT;
                    if t.owner.trim().is_empty() {
                        want |= NO_OWNER;
                    }
                    if fail.recovery.trim().is_empty() {
                        want |= NO_RECOVERY;
                    }
                    if fail.poka_yoke.trim().is_empty() && fail.rpn().is_some_and(|r| r >= 200) {
                        want |= UNGUARDED_RISK;
                    }
                }
                if want & (CRITICAL | MOMENT) != 0 && ix.has_standard(&t.id) {
                    want |= STANDARD;
                }
                if t.wait_point {
                    want |= WAIT_POINT;
                    if t.expected_wait_min.is_none() {
                        want |= NO_EXPECTED_WAIT;
                    }
                    if ix.standards_of(&t.id).any(is_time_standard) {
                        want |= TIME_STANDARD;
                    }
                }
                assert_eq!(got, want, "{}: {bp:#?}", t.id);
                for (b, s) in seen.iter_mut().enumerate() {
                    *s += usize::from(got & (1 << b) != 0);
                }
            }
            // Every touchpoint's node is its id's, and a node's touchpoint
            // is the last with the id.
            let g = cx.graph();
            for (i, t) in bp.touchpoints.iter().enumerate() {
                let last = bp.touchpoints.iter().rposition(|u| u.id == t.id);
                assert_eq!(
                    Some(g.touchpoint[g.of_touchpoint[i] as usize] as usize),
                    last
                );
            }
            for (c, &(a, b)) in bp.connectors.iter().zip(&g.links) {
                for (end, node) in [(&c.from, a), (&c.to, b)] {
                    let t = g.touchpoint[node as usize];
                    match bp.touchpoints.iter().rposition(|u| &u.id == end) {
                        Some(last) => assert_eq!(t as usize, last),
                        None => assert_eq!(t, u32::MAX),
                    }
                }
            }
        }
        // Every flag was set somewhere, time standards included.
        assert!(seen.iter().all(|&s| s > 20), "{seen:?}");
    }
}
