//! Where the canvas looks: zoom and pan, fitting the diagram, gliding to a
//! presentation's stop and bringing a card into view.

use crate::layout::{self, Pos};
use crate::render::egui::UiFromScene;
use egui::{Vec2, vec2};

/// The canvas' view of the diagram.
pub struct View {
    pub zoom: f32,
    /// The screen offset of the diagram's origin from the canvas' corner.
    pub pan: Vec2,
    /// Fit the whole diagram at the next frame.
    pub fit_pending: bool,
    /// The view was fitted and not moved since: it fits again when the
    /// canvas changes size.
    pub fitted: bool,
    /// The canvas' size at the last frame, to zoom around its centre.
    pub size: Vec2,
}

impl Default for View {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: vec2(20.0, 20.0),
            fit_pending: true,
            fitted: false,
            size: vec2(800.0, 600.0),
        }
    }
}

impl View {
    /// Sets the zoom and pan; the view no longer follows fitting.
    pub fn set(&mut self, zoom: f32, pan: Vec2) {
        self.zoom = zoom;
        self.pan = pan;
        self.fit_pending = false;
        self.fitted = false;
    }

    /// Zooms around the centre of the canvas.
    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom_at(factor, (self.size / 2.0).to_pos2());
    }

    /// Zooms keeping the point under `anchor` (from the canvas' corner) still.
    pub fn zoom_at(&mut self, factor: f32, anchor: egui::Pos2) {
        self.fitted = false;
        let new = (self.zoom * factor).clamp(0.05, 6.0);
        let f = new / self.zoom;
        self.pan = anchor.to_vec2() + (self.pan - anchor.to_vec2()) * f;
        self.zoom = new;
    }

    /// Moves the view by a screen offset.
    pub fn pan_by(&mut self, delta: Vec2) {
        self.pan += delta;
        self.fitted = false;
    }

    /// Centres the view on a diagram point.
    pub fn centre_on(&mut self, p: Pos) {
        self.pan = self.size / 2.0 - vec2(p.x, p.y) * self.zoom;
        self.fitted = false;
    }

    /// Takes the canvas' size for this frame; fits the diagram when asked
    /// to, or when it was fitted and the canvas changed size.
    pub fn frame(&mut self, size: Vec2, diagram: Pos) {
        let resized = self.size != size;
        self.size = size;
        if (self.fit_pending || (self.fitted && resized)) && size.x > 10.0 {
            let z = (size.x / diagram.x)
                .min(size.y / diagram.y)
                .clamp(0.05, 2.0);
            self.zoom = z;
            self.pan = vec2(
                (size.x - diagram.x * z) / 2.0,
                (size.y - diagram.y * z) / 2.0,
            )
            .max(vec2(0.0, 0.0));
            self.fit_pending = false;
            self.fitted = true;
        }
    }

    /// Glides a step towards showing `focus` fitted with a margin; true
    /// while still moving.
    pub fn glide_to(&mut self, focus: layout::Rect, dt: f32) -> bool {
        let z = ((self.size.x - 60.0) / focus.width())
            .min((self.size.y - 60.0) / focus.height())
            .clamp(0.05, 3.0);
        let c = focus.center();
        let pan = self.size / 2.0 - vec2(c.x, c.y) * z;
        let k = (dt.min(0.1) * 8.0).min(1.0);
        self.fitted = false;
        if (self.zoom - z).abs() > 0.001 || (self.pan - pan).length() > 0.5 {
            self.zoom += (z - self.zoom) * k;
            self.pan += (pan - self.pan) * k;
            true
        } else {
            self.zoom = z;
            self.pan = pan;
            false
        }
    }

    /// Centres a rectangle of the diagram if it is not wholly on screen.
    pub fn reveal(&mut self, r: layout::Rect, canvas: egui::Rect) {
        let on_screen = self.transform(canvas).rect(r);
        if !canvas.contains_rect(on_screen) {
            self.centre_on(r.center());
        }
    }

    /// From diagram units to the screen, for a canvas at `canvas`.
    pub fn transform(&self, canvas: egui::Rect) -> UiFromScene {
        UiFromScene {
            origin: canvas.min + self.pan,
            zoom: self.zoom,
        }
    }
}
