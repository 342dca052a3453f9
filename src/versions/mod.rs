//! Versions of a blueprint: what changed from one to another ([`diff`]),
//! and the three-way merge of two versions against their common base
//! ([`merge`]), as `servuction diff` and `servuction merge` (a git merge
//! driver) run them.
//!
//! Both work on the elements' ids: a blueprint is taken apart into lists of
//! records (see `records.rs`), compared whole and, where they differ, field
//! by field as JSON values. A new field needs nothing here.
//!
//! A new kind of element (improvement actions, say) is a few lines:
//! `impl Record` for it (the `record!` macro in `records.rs`), a variant of
//! [`crate::model::ElementKind`] and its word (`CliMsg::Kind…`), a list in
//! `Parts` with its line in `split` and `join` (the build fails until the
//! blueprint's new field is placed there), and one line each in `diff`,
//! `merge`'s `attempt` and `element_at`, `resolve`'s `taking` and `outline`.

mod diff;
mod fields;
mod merge;
mod order;
mod photo_text;
mod records;
mod resolve;
mod text;

pub use diff::{Change, Changes, What, diff};
pub use fields::FieldChange;
pub use merge::{Merged, merge};
pub(crate) use resolve::set as set_field;
pub use resolve::{ResolveError, Side, resolve, resolve_many};
pub use text::{
    ChangeLine, change_lines, changes_text, conflict_text, conflicts_text, kind_word, outline,
};
