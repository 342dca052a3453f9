//! Servuction: service blueprints and servuction diagrams.
//!
//! Data flows one way: [`format`] reads files into the [`model`]; the editor
//! and the command line change and check the model; layout, scene and
//! renderers draw it.

#[cfg(feature = "app")]
pub mod app;
pub mod check;
pub mod edit;
pub mod font;
pub mod format;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod parallel;
pub mod photo;
pub mod recovery;
pub mod render;
pub mod report;
pub mod scene;
pub mod shown;
pub mod templates;
pub mod versions;

/// The version as `servuction --version` prints it.
pub const VERSION_TEXT: &str = concat!("servuction ", env!("CARGO_PKG_VERSION"));

#[cfg(test)]
mod error_tests;
#[cfg(test)]
mod testing;
