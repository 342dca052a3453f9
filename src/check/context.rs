//! What the health-check rules look things up in, built once for all of
//! them.

use super::rules::is_time_standard;
use crate::model::*;
use foldhash::HashMap;
use std::hash::BuildHasher as _;

/// What the rules look things up in: the blueprint, and what they need to
/// know of each touchpoint, gathered in one pass over the touchpoints and
/// one over the connectors. A touchpoint is a large record; the rules then
/// go through these small tables, which stay in the processor's caches for
/// blueprints far larger than the records do, and read a touchpoint itself
/// only to report it.
pub(super) struct Ctx<'a> {
    pub(super) bp: &'a Blueprint,
    pub(super) ix: Index<'a>,
    /// The position of each touchpoint's lane (`None` if it has none).
    lanes: Vec<Option<u32>>,
    /// The kind of each touchpoint's lane.
    kinds: Vec<Option<LaneKind>>,
    /// What each touchpoint is: [`CRITICAL`], [`FAIL_POINT`]…
    pub(super) flags: Vec<u8>,
    steps: Steps,
    graph: Graph,
}

/// A critical moment of truth.
pub(super) const CRITICAL: u8 = 1;
/// A moment of truth (not critical).
pub(super) const MOMENT: u8 = 1 << 1;
pub(super) const FAIL_POINT: u8 = 1 << 2;
/// A fail point without an owner.
pub(super) const NO_OWNER: u8 = 1 << 3;
pub(super) const WAIT_POINT: u8 = 1 << 4;
/// A wait point without an expected wait.
pub(super) const NO_EXPECTED_WAIT: u8 = 1 << 5;
/// A moment of truth or fail point with a standard.
pub(super) const STANDARD: u8 = 1 << 6;
/// A wait point with a time standard.
pub(super) const TIME_STANDARD: u8 = 1 << 7;

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
    /// The nodes each connector links, from and to.
    pub(super) links: Vec<(u32, u32)>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(bp: &'a Blueprint) -> Self {
        let ix = bp.index();
        let n = bp.touchpoints.len();
        let step_index: HashMap<&str, usize> = bp
            .steps()
            .enumerate()
            .map(|(i, (_, s))| (s.id.as_str(), i))
            .collect();
        let slot = bp.steps().map(|(_, s)| step_index[s.id.as_str()]).collect();
        // Nodes by id: the table holds only node numbers (4 bytes each,
        // where a map of ids would hold 24), so that it stays in the cache
        // for far larger blueprints; `names` holds each node's id.
        let hasher = foldhash::fast::RandomState::default();
        let mut node: hashbrown::HashTable<u32> = hashbrown::HashTable::with_capacity(n);
        let mut names: Vec<&str> = Vec::with_capacity(n);
        let mut touchpoint: Vec<u32> = Vec::with_capacity(n);
        let mut intern = |id: &'a str, touchpoint: &mut Vec<u32>| -> u32 {
            let hash = hasher.hash_one(id);
            match node.entry(
                hash,
                |&k| names[k as usize] == id,
                |&k| hasher.hash_one(names[k as usize]),
            ) {
                hashbrown::hash_table::Entry::Occupied(e) => *e.get(),
                hashbrown::hash_table::Entry::Vacant(e) => {
                    let k = names.len() as u32;
                    names.push(id);
                    touchpoint.push(u32::MAX);
                    e.insert(k);
                    k
                }
            }
        };
        let mut lanes = Vec::with_capacity(n);
        let mut kinds = Vec::with_capacity(n);
        let mut flags = Vec::with_capacity(n);
        let mut of_step = Vec::with_capacity(n);
        let mut of_node = Vec::with_capacity(n);
        for (i, t) in bp.touchpoints.iter().enumerate() {
            let lane = ix.lane_index(&t.lane);
            lanes.push(lane.map(|l| l as u32));
            kinds.push(lane.map(|l| bp.lanes[l].kind));
            of_step.push(step_index.get(t.step.as_str()).map(|&s| s as u32));
            let k = intern(t.id.as_str(), &mut touchpoint);
            touchpoint[k as usize] = i as u32;
            of_node.push(k);
            let mut f = match t.moment_of_truth {
                MomentOfTruth::Critical => CRITICAL,
                MomentOfTruth::Moment => MOMENT,
                _ => 0,
            };
            if t.fail_point {
                f |= FAIL_POINT;
                if t.owner.trim().is_empty() {
                    f |= NO_OWNER;
                }
            }
            if f & (CRITICAL | MOMENT | FAIL_POINT) != 0 && ix.has_standard(&t.id) {
                f |= STANDARD;
            }
            if t.wait_point {
                f |= WAIT_POINT;
                if t.expected_wait_min.is_none() {
                    f |= NO_EXPECTED_WAIT;
                }
                if ix.standards_of(&t.id).any(is_time_standard) {
                    f |= TIME_STANDARD;
                }
            }
            flags.push(f);
        }
        let links = bp
            .connectors
            .iter()
            .map(|c| {
                (
                    intern(c.from.as_str(), &mut touchpoint),
                    intern(c.to.as_str(), &mut touchpoint),
                )
            })
            .collect();
        Self {
            bp,
            ix,
            lanes,
            kinds,
            flags,
            steps: Steps {
                slot,
                of_touchpoint: of_step,
            },
            graph: Graph {
                of_touchpoint: of_node,
                touchpoint,
                links,
            },
        }
    }

    /// The position of each touchpoint's lane, as `Blueprint::lane` finds it.
    pub(super) fn lanes(&self) -> &[Option<u32>] {
        &self.lanes
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

    /// The touchpoints, each with its flags, in document order.
    pub(super) fn flagged(&self) -> impl Iterator<Item = (&'a Touchpoint, u8)> + '_ {
        self.bp.touchpoints.iter().zip(self.flags.iter().copied())
    }
}
