//! Versions of a blueprint: what changed from one to another ([`diff`]),
//! and the three-way merge of two versions against their common base
//! ([`merge`]), as `servuction diff` and `servuction merge` (a git merge
//! driver) run them.
//!
//! Both work on the elements' ids: a blueprint is taken apart into lists of
//! records (see `records.rs`), compared whole and, where they differ, field
//! by field as JSON values. A new kind of element is one more record list.

mod diff;
mod fields;
mod merge;
mod order;
mod records;
mod resolve;
mod text;

pub use diff::{Change, Changes, What, diff};
pub use fields::FieldChange;
pub use merge::{Merged, merge};
pub use resolve::{ResolveError, Side, resolve};
pub use text::{changes_text, conflict_text, kind_word, outline};
