//! Stable identifiers for every element of a blueprint.
//!
//! Ids are short strings with a prefix that names the kind of element
//! (`tp-3kq9x2ab` for a touchpoint), so a file reads well and diffs well in git.
//! New ids are random enough that two people editing copies of the same file
//! do not collide when their work is merged.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
        #[serde(transparent)]
        pub struct $name(pub String);

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
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_owned())
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

/// A fresh id: `prefix-` and eight base-36 characters drawn from the
/// process's random hasher keys, the clock and a counter.
fn fresh_id(prefix: &str) -> String {
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
    let mut out = String::with_capacity(prefix.len() + 9);
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
}
