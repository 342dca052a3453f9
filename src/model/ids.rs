//! Stable identifiers for every element of a blueprint.
//!
//! Ids are short strings with a prefix that names the kind of element
//! (`tp-3kq9x2ab` for a touchpoint), so a file reads well and diffs well in git.
//! New ids are random enough that two people editing copies of the same file
//! do not collide when their work is merged.
//!
//! An id is held inline, inside the record that has it, when it is 24 bytes
//! or shorter (every id the program makes is): reading or copying it then
//! touches no other memory and allocates nothing. The health check, layout
//! and index read every touchpoint's id, lane and step on each edit, and a
//! large blueprint's records outgrow the processor's caches: an id stored
//! elsewhere would cost a second cache miss for each.

use compact_str::CompactString;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(#[schemars(with = "String")] pub CompactString);

        impl $name {
            /// The prefix of ids of this kind.
            pub const PREFIX: &'static str = $prefix;

            /// A new, unique id of this kind.
            pub fn generate() -> Self {
                Self(fresh_id($prefix))
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The bytes the id holds outside its record: none for an id
            /// held inline.
            pub fn heap_bytes(&self) -> usize {
                if self.0.is_heap_allocated() {
                    self.0.capacity()
                } else {
                    0
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.into())
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(s.into())
            }
        }
    };
}

id_type!(
    /// Identifies a [`crate::model::Stage`].
    StageId,
    "stage"
);
id_type!(
    /// Identifies a [`crate::model::Step`].
    StepId,
    "step"
);
id_type!(
    /// Identifies a [`crate::model::Lane`].
    LaneId,
    "lane"
);
id_type!(
    /// Identifies a [`crate::model::Touchpoint`].
    TouchpointId,
    "tp"
);
id_type!(
    /// Identifies a [`crate::model::Connector`].
    ConnectorId,
    "con"
);
id_type!(
    /// Identifies a [`crate::model::Standard`].
    StandardId,
    "std"
);
id_type!(
    /// Identifies a [`crate::model::Note`].
    NoteId,
    "note"
);
id_type!(
    /// Identifies a [`crate::model::ImprovementAction`].
    ActionId,
    "act"
);
id_type!(
    /// Identifies a [`crate::model::Photo`]: made from the photo's stored
    /// bytes ([`PhotoId::of`]), so the same photo added twice, or in two
    /// copies of a file that are merged later, is kept once.
    PhotoId,
    "ph"
);

impl PhotoId {
    /// The id of a photo with these stored bytes: `ph-` and the 16 hex
    /// digits of their 64-bit FNV-1a hash (stable across versions and
    /// machines, unlike the standard library's hasher).
    pub fn of(bytes: &[u8]) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Self(compact_str::format_compact!("ph-{h:016x}"))
    }
}

/// A fresh id: `prefix-` and eight base-36 characters drawn from the
/// process's random hasher keys, the clock and a counter.
fn fresh_id(prefix: &str) -> CompactString {
    use std::collections::hash_map::RandomState;
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::{SystemTime, UNIX_EPOCH};

    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    hasher.write_u128(nanos);
    let mut n = hasher.finish();
    const ALPHABET: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = CompactString::with_capacity(prefix.len() + 9);
    out.push_str(prefix);
    out.push('-');
    for _ in 0..8 {
        out.push(ALPHABET[(n % 36) as usize] as char);
        n /= 36;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn generated_ids_carry_prefix_and_do_not_repeat() {
        let ids: HashSet<_> = (0..10_000).map(|_| TouchpointId::generate()).collect();
        assert_eq!(ids.len(), 10_000);
        assert!(
            ids.iter()
                .all(|id| id.0.starts_with("tp-") && id.0.len() == 11)
        );
    }

    #[test]
    fn short_ids_are_held_inline_and_any_id_reads_back_as_written() {
        let short = TouchpointId::generate();
        assert_eq!(short.heap_bytes(), 0);
        let long = TouchpointId::from("tp-an-id-written-by-hand-that-is-long-ñ");
        assert!(long.heap_bytes() >= long.as_str().len());
        for id in [short, long] {
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{id}\""));
            assert_eq!(serde_json::from_str::<TouchpointId>(&json).unwrap(), id);
        }
    }
}
