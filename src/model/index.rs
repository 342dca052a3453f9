//! Lookups by id, built once in linear time, for work over a whole blueprint
//! (checks, layout, scene) that would otherwise search a list per element.
//!
//! Where a broken document repeats an id, each lookup answers what the linear
//! search it replaces answers: the first element with that id.

use super::{Blueprint, Lane, LaneId, Stage, StageId, Standard, TouchpointId};
use compact_str::CompactString;
use foldhash::{HashMap, HashMapExt};
use std::hash::BuildHasher as _;

/// Positions by id: for each id, where the first element with it sits.
#[derive(Clone, Debug, Default)]
pub struct IdIndex<'a>(HashMap<&'a str, usize>);

impl<'a> IdIndex<'a> {
    /// The positions of ids listed in document order.
    pub fn new(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let ids = ids.into_iter();
        let mut map = HashMap::with_capacity(ids.size_hint().0);
        for (i, id) in ids.enumerate() {
            map.entry(id).or_insert(i);
        }
        Self(map)
    }

    /// The position of the first element with this id.
    pub fn get(&self, id: &str) -> Option<usize> {
        self.0.get(id).copied()
    }

    /// Whether an element has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }
}

/// Ids numbered in the order they are first added. The table holds only
/// numbers (4 bytes each) and `ids` a copy of each id (24 bytes, inline), so
/// that both stay in the processor's caches for far larger blueprints than
/// the elements do, and a lookup compares with the copy, not with an element
/// elsewhere in memory.
#[derive(Clone, Debug, Default)]
pub(crate) struct IdTable {
    hasher: foldhash::fast::RandomState,
    table: hashbrown::HashTable<u32>,
    ids: Vec<CompactString>,
}

impl IdTable {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Self {
            hasher: foldhash::fast::RandomState::default(),
            table: hashbrown::HashTable::with_capacity(n),
            ids: Vec::with_capacity(n),
        }
    }

    /// The number of an id, and whether it was added now.
    pub(crate) fn intern(&mut self, id: &str) -> (u32, bool) {
        let Self { hasher, table, ids } = self;
        let hash = hasher.hash_one(id);
        match table.entry(
            hash,
            |&k| ids[k as usize] == id,
            |&k| hasher.hash_one(ids[k as usize].as_str()),
        ) {
            hashbrown::hash_table::Entry::Occupied(e) => (*e.get(), false),
            hashbrown::hash_table::Entry::Vacant(e) => {
                let k = ids.len() as u32;
                ids.push(id.into());
                e.insert(k);
                (k, true)
            }
        }
    }

    /// The number of an id, if it was added.
    pub(crate) fn find(&self, id: &str) -> Option<u32> {
        let hash = self.hasher.hash_one(id);
        (self.table)
            .find(hash, |&k| self.ids[k as usize] == id)
            .copied()
    }

    /// The ids, by number.
    pub(crate) fn into_ids(self) -> Vec<CompactString> {
        self.ids
    }

    /// How many ids were added.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }
}

/// Elements grouped by a key, each group in document order: a compact
/// multimap, built in two passes without a vector per group.
#[derive(Clone, Debug, Default)]
pub struct Groups<'a> {
    group: HashMap<&'a str, u32>,
    /// Where each group's members start in `members`; one more than groups.
    start: Vec<u32>,
    members: Vec<u32>,
}

impl<'a> Groups<'a> {
    /// Groups positions `0..` by the key of each element, listed in order.
    pub fn new(keys: impl IntoIterator<Item = &'a str>) -> Self {
        let keys: Vec<&'a str> = keys.into_iter().collect();
        let mut group: HashMap<&'a str, u32> = HashMap::with_capacity(keys.len());
        let mut of = Vec::with_capacity(keys.len());
        let mut count: Vec<u32> = Vec::new();
        for &k in &keys {
            let next = count.len() as u32;
            let g = *group.entry(k).or_insert(next);
            if g == next {
                count.push(0);
            }
            count[g as usize] += 1;
            of.push(g);
        }
        let mut start = Vec::with_capacity(count.len() + 1);
        let mut at = 0u32;
        start.push(0);
        for c in &count {
            at += c;
            start.push(at);
        }
        let mut fill: Vec<u32> = start[..count.len()].to_vec();
        let mut members = vec![0u32; keys.len()];
        for (i, g) in of.into_iter().enumerate() {
            members[fill[g as usize] as usize] = i as u32;
            fill[g as usize] += 1;
        }
        Self {
            group,
            start,
            members,
        }
    }

    /// The positions of the elements with this key, in order.
    pub fn get(&self, key: &str) -> impl Iterator<Item = usize> + '_ {
        let members = match self.group.get(key) {
            Some(&g) => {
                &self.members[self.start[g as usize] as usize..self.start[g as usize + 1] as usize]
            }
            None => &[],
        };
        members.iter().map(|&i| i as usize)
    }

    /// Whether any element has this key.
    pub fn contains(&self, key: &str) -> bool {
        self.group.contains_key(key)
    }
}

/// The lookups most whole-blueprint work needs: lanes and stages by id, and
/// the standards of each touchpoint.
#[derive(Clone, Debug)]
pub struct Index<'a> {
    bp: &'a Blueprint,
    lanes: IdIndex<'a>,
    stages: IdIndex<'a>,
    standards: Groups<'a>,
}

impl<'a> Index<'a> {
    /// Builds the lookups of a blueprint.
    pub fn new(bp: &'a Blueprint) -> Self {
        Self {
            bp,
            lanes: IdIndex::new(bp.lanes.iter().map(|l| l.id.as_str())),
            stages: IdIndex::new(bp.stages.iter().map(|s| s.id.as_str())),
            standards: Groups::new(bp.standards.iter().map(|s| s.touchpoint.as_str())),
        }
    }

    /// The position of the lane with this id, as [`Blueprint::lane_index`].
    pub fn lane_index(&self, id: &LaneId) -> Option<usize> {
        self.lanes.get(id.as_str())
    }

    /// The lane with this id, as [`Blueprint::lane`].
    pub fn lane(&self, id: &LaneId) -> Option<&'a Lane> {
        self.lane_index(id).map(|i| &self.bp.lanes[i])
    }

    /// The stage with this id.
    pub fn stage(&self, id: &StageId) -> Option<&'a Stage> {
        self.stages.get(id.as_str()).map(|i| &self.bp.stages[i])
    }

    /// The standards a touchpoint must meet, as [`Blueprint::standards_of`].
    pub fn standards_of(&self, id: &TouchpointId) -> impl Iterator<Item = &'a Standard> + '_ {
        let all = &self.bp.standards;
        self.standards.get(id.as_str()).map(move |i| &all[i])
    }

    /// Whether a touchpoint has any standard.
    pub fn has_standard(&self, id: &TouchpointId) -> bool {
        self.standards.contains(id.as_str())
    }
}

impl Blueprint {
    /// Lookups by id over this blueprint, for work over all of it.
    pub fn index(&self) -> Index<'_> {
        Index::new(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_keep_document_order_and_first_ids_win() {
        let g = Groups::new(["b", "a", "b", "c", "a", "b"]);
        assert_eq!(g.get("b").collect::<Vec<_>>(), [0, 2, 5]);
        assert_eq!(g.get("a").collect::<Vec<_>>(), [1, 4]);
        assert_eq!(g.get("c").collect::<Vec<_>>(), [3]);
        assert_eq!(g.get("d").count(), 0);
        assert!(g.contains("c") && !g.contains("d"));
        let ids = IdIndex::new(["x", "y", "x"]);
        assert_eq!(ids.get("x"), Some(0));
        assert_eq!(ids.get("y"), Some(1));
        assert_eq!(ids.get("z"), None);
    }

    #[test]
    fn the_index_answers_as_the_linear_lookups() {
        let bp = crate::templates::synthetic(300);
        let ix = bp.index();
        for t in &bp.touchpoints {
            assert_eq!(ix.lane(&t.lane), bp.lane(&t.lane));
            assert_eq!(ix.lane_index(&t.lane), bp.lane_index(&t.lane));
            assert!(ix.standards_of(&t.id).eq(bp.standards_of(&t.id)));
            assert_eq!(
                ix.has_standard(&t.id),
                bp.standards_of(&t.id).next().is_some()
            );
        }
        for s in &bp.stages {
            assert_eq!(ix.stage(&s.id).map(|x| &x.id), Some(&s.id));
        }
    }
}
