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
/// numbers (4 bytes each), and `keys` each id in 16 bytes, so that both stay
/// in the processor's caches for far larger blueprints than the elements
/// do, and a lookup compares two 16-byte keys, not an id with an element
/// elsewhere in memory.
#[derive(Clone, Debug, Default)]
pub(crate) struct IdTable {
    hasher: foldhash::fast::RandomState,
    table: hashbrown::HashTable<u32>,
    keys: Vec<Key>,
    /// The ids too long for a key, by the number their key holds.
    long: Vec<CompactString>,
}

/// An id of up to 15 bytes (every id the program makes has 11) as a
/// number: its bytes, little-endian, with its length in the top byte; or,
/// for a longer id, [`LONG`] there and its number in [`IdTable::long`] in
/// the low four bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key(u128);

/// The top byte of a long id's key.
const LONG: u8 = u8::MAX;

impl Key {
    /// The key of a short id, read in registers (a key written to memory a
    /// byte at a time and read back whole would wait for the writes).
    fn short(id: &str) -> Option<Self> {
        let b = id.as_bytes();
        let n = b.len();
        let word = |at: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&b[at..at + 8]);
            u64::from_le_bytes(w)
        };
        let (lo, hi) = match n {
            // The last eight bytes overlap the first eight: the top n - 8
            // of them are the bytes after the first eight.
            8..=15 => (
                word(0),
                word(n - 8).checked_shr(8 * (16 - n) as u32).unwrap_or(0),
            ),
            0..8 => {
                let lo = (b.iter().rev()).fold(0u64, |v, &c| (v << 8) | u64::from(c));
                (lo, 0)
            }
            _ => return None,
        };
        Some(Self(
            u128::from(lo) | (u128::from(hi) << 64) | ((n as u128) << 120),
        ))
    }

    fn long(number: usize) -> Self {
        Self((number as u32 as u128) | (u128::from(LONG) << 120))
    }

    /// How many bytes a short id has.
    fn len(self) -> usize {
        (self.0 >> 120) as usize
    }

    /// The number of a long id in [`IdTable::long`].
    fn number(self) -> Option<usize> {
        (self.len() == usize::from(LONG)).then_some(self.0 as u32 as usize)
    }
}

/// The hash of an id: of its key as a number if it is short, else of its
/// text. The length of an id decides which, so an id is always hashed the
/// same way.
fn hash(hasher: &foldhash::fast::RandomState, short: Option<Key>, id: &str) -> u64 {
    match short {
        Some(key) => hasher.hash_one(key.0),
        None => hasher.hash_one(id),
    }
}

/// Whether the id numbered `k` is `id`, whose key is `short` if it has one.
fn is(keys: &[Key], long: &[CompactString], k: u32, short: Option<Key>, id: &str) -> bool {
    let key = keys[k as usize];
    match short {
        Some(short) => key == short,
        None => key.number().is_some_and(|i| long[i] == id),
    }
}

impl IdTable {
    pub(crate) fn with_capacity(n: usize) -> Self {
        Self {
            hasher: foldhash::fast::RandomState::default(),
            table: hashbrown::HashTable::with_capacity(n),
            keys: Vec::with_capacity(n),
            long: Vec::new(),
        }
    }

    /// The number of an id, and whether it was added now.
    pub(crate) fn intern(&mut self, id: &str) -> (u32, bool) {
        let Self {
            hasher,
            table,
            keys,
            long,
        } = self;
        let short = Key::short(id);
        let h = hash(hasher, short, id);
        let is = |&k: &u32| is(keys, long, k, short, id);
        let rehash = |&k: &u32| {
            let key = keys[k as usize];
            match key.number() {
                Some(i) => hash(hasher, None, &long[i]),
                None => hash(hasher, Some(key), ""),
            }
        };
        match table.entry(h, is, rehash) {
            hashbrown::hash_table::Entry::Occupied(e) => (*e.get(), false),
            hashbrown::hash_table::Entry::Vacant(e) => {
                let k = keys.len() as u32;
                keys.push(short.unwrap_or_else(|| {
                    long.push(id.into());
                    Key::long(long.len() - 1)
                }));
                e.insert(k);
                (k, true)
            }
        }
    }

    /// The number of an id, if it was added.
    pub(crate) fn find(&self, id: &str) -> Option<u32> {
        let short = Key::short(id);
        let hash = hash(&self.hasher, short, id);
        (self.table)
            .find(hash, |&k| is(&self.keys, &self.long, k, short, id))
            .copied()
    }

    /// The id numbered `k`.
    pub(crate) fn id(&self, k: u32) -> CompactString {
        let key = self.keys[k as usize];
        match key.number() {
            Some(i) => self.long[i].clone(),
            None => {
                let bytes = key.0.to_le_bytes();
                std::str::from_utf8(&bytes[..key.len()])
                    .unwrap_or_default()
                    .into()
            }
        }
    }

    /// How many ids were added.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
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

    /// Ids of every length a key holds and longer, ids that are prefixes
    /// of each other or differ only in a NUL byte or their last byte, and
    /// ids with letters of more than one byte: each is numbered once, found
    /// again, and read back as it was added.
    #[test]
    fn the_id_table_tells_every_id_apart_and_gives_it_back() {
        let mut ids: Vec<String> = Vec::new();
        for len in 0..=40 {
            let id: String = "tp-3kq9x2abñ0123456789abcdefghijklmnopqrstu"
                .chars()
                .take(len)
                .collect();
            ids.push(format!("{id}\0"));
            ids.push(format!("{id}z"));
            ids.push(id);
        }
        ids.push("ñ".repeat(7));
        ids.push("ñ".repeat(8));
        let mut table = IdTable::with_capacity(4);
        for (i, id) in ids.iter().enumerate() {
            let expected = ids[..i].iter().position(|x| x == id);
            let (k, new) = table.intern(id);
            assert_eq!(new, expected.is_none(), "{id:?}");
            if let Some(first) = expected {
                assert_eq!(table.id(k), ids[first]);
            }
            assert_eq!(table.id(k), id.as_str());
        }
        for id in &ids {
            let k = table.find(id).expect("added");
            assert_eq!(table.id(k), id.as_str());
        }
        assert_eq!(table.find("tp-3kq9x2aq"), None);
        assert_eq!(table.find(&"z".repeat(30)), None);
        let distinct: std::collections::HashSet<&String> = ids.iter().collect();
        assert_eq!(table.len(), distinct.len());
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
