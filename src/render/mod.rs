//! Painters of a [`crate::scene::Scene`]: SVG, PNG (the SVG rasterised by
//! resvg) and, in the editor, egui.

#[cfg(feature = "app")]
pub mod egui;
pub mod png;
pub mod svg;

use crate::layout::{self, Options};
use crate::model::{Blueprint, Language};
use crate::scene::{self, Scene, Theme};

/// The scene of a whole blueprint, as exported.
pub fn export_scene(bp: &Blueprint, theme: &Theme, lang: Language) -> Scene {
    let l = layout::layout(bp, Options::default());
    scene::scene(bp, &l, theme, lang)
}
