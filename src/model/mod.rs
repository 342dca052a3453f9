//! The document model: a service blueprint as plain data.
//!
//! Nothing here knows about files, egui or the command line. Every element has
//! a stable id ([`ids`]); the [`Blueprint`] holds them in document order.

mod action;
mod blueprint;
mod conflict;
mod fail;
pub mod ids;
pub mod index;
mod path;
mod photo;
mod standard;
mod values;
mod zone;

pub use action::{ActionStatus, Attachment, ImprovementAction};
pub use blueprint::*;
pub use conflict::{Conflict, ElementKind};
pub use fail::{FailKind, FailPoint, RATING};
pub use ids::{
    ActionId, ConnectorId, LaneId, NoteId, PhotoId, StageId, StandardId, StepId, TouchpointId,
};
pub use index::Index;
pub use photo::{Photo, PhotoData, PhotoFormat, PhotoUse, photos_needed};
pub use standard::*;
pub use values::{Colour, Date};
pub use zone::{DEFAULT_TOLERANCE_SHARE, Zone};
mod validate;
mod validate_action;
mod validate_msg;
mod validate_photo;
pub(crate) use validate::Place;
pub use validate::{DocPath, IntegrityError, PathSeg, Problem, limits, line_kind_name};
pub(crate) use validate::{
    Resolve, check_connector, check_lines, check_note, check_standard, check_step,
    check_touchpoint, too_many,
};
pub(crate) use validate_action::check_action;
pub use validate_msg::element_word;
pub use validate_photo::PhotoProblem;
#[cfg(test)]
pub(crate) use validate_photo::every_variant as validate_photo_variants;
#[allow(
    unused_imports,
    reason = "for the edit layer, which checks only what an edit changed"
)]
pub(crate) use validate_photo::{check_photo, check_photo_uses, check_stored_photos};
