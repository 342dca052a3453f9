//! The canvas: paints the shared scene and turns pointer input into actions.
//! Where things are comes from [`crate::layout`] only; `show` orchestrates
//! the view, the cards, the notes, the menus and the overview.

mod cards;
mod menus;
mod minimap;
mod notes;
mod view;

pub use menus::{new_step, structure_menu};
pub use view::View;

use super::Action;
use super::UiCommand;
use super::document::Derived;
use crate::i18n::Msg;
use crate::layout::{self, Layout, Pos};
use crate::model::*;
use crate::render::egui::{DETAIL_MIN_ZOOM, UiFromScene, paint};
use egui::{Color32, Sense, Vec2, vec2};

/// Points along the canvas' edges left to the panels' resize handles.
const RESIZE_MARGIN: f32 = 6.0;

/// What the canvas keeps between frames.
#[derive(Default)]
pub struct Canvas {
    pub view: View,
    /// A touchpoint to bring into view at the next frame.
    pub reveal: Option<TouchpointId>,
    /// A sticky note to bring into view at the next frame.
    pub reveal_note: Option<NoteId>,
    /// A part of the diagram to bring into view at the next frame (a
    /// comparison's ghost).
    pub reveal_rect: Option<layout::Rect>,
    /// Where the diagram was drawn last frame, for what is laid over it.
    pub screen: Option<Screen>,
    gestures: cards::Gestures,
    notes: notes::NoteDrag,
    menus: menus::MenuState,
}

/// A presentation's stop, as the canvas shows it.
#[derive(Clone, Copy, Debug)]
pub struct Spotlight {
    /// The part of the diagram the view glides to.
    pub focus: layout::Rect,
    /// What stays clear of the veil.
    pub clear: layout::Rect,
    /// A card to ring.
    pub ring: Option<layout::Rect>,
    /// A laser-pointer highlight follows the mouse.
    pub laser: bool,
    /// A click on a card or note gives it a dot.
    pub voting: bool,
}

/// What adds to a card's tooltip, given the card's touchpoint.
pub type CardTooltip<'a> = dyn Fn(&mut egui::Ui, &TouchpointId) + 'a;

/// What one frame of the canvas draws from.
pub struct Input<'a> {
    pub bp: &'a Blueprint,
    pub derived: &'a mut Derived,
    pub selection: &'a [TouchpointId],
    pub lang: Language,
    pub dark: bool,
    /// Presenting: the current stop.
    pub spotlight: Option<Spotlight>,
    /// More for a card's tooltip (a comparison's changes to it).
    pub tooltip: Option<&'a CardTooltip<'a>>,
    /// The photos' thumbnails, as far as they are decoded.
    pub photos: Option<crate::render::egui::PhotoTextures<'a>>,
}

/// The diagram on screen this frame: the canvas' rectangle and transform.
#[derive(Clone, Copy)]
pub struct Screen {
    pub rect: egui::Rect,
    pub t: UiFromScene,
    /// Cards are tiny blocks: no widget each, the background finds them.
    pub coarse: bool,
    pub accent: Color32,
}

impl Canvas {
    /// Zooms to fit the whole diagram at the next frame.
    pub fn zoom_to_fit(&mut self) {
        self.view.fit_pending = true;
    }

    /// Stops any gesture under way (a new document, leaving a presentation).
    pub fn reset_gestures(&mut self) {
        self.gestures = cards::Gestures::default();
        self.notes = notes::NoteDrag::default();
    }

    /// Draws the canvas and collects what the user did.
    pub fn show(&mut self, ui: &mut egui::Ui, input: Input<'_>, actions: &mut Vec<Action>) {
        let (rect, _) = ui.allocate_exact_size(ui.available_size(), Sense::hover());
        // The background takes the pointer a few points in from its edges,
        // where the panels around it have their resize handles.
        let bg = ui.interact(
            rect.shrink(RESIZE_MARGIN),
            egui::Id::unique("canvas"),
            Sense::click_and_drag(),
        );
        let size = input.derived.scene.size;
        self.view.frame(rect.size(), size);
        let t = self.view.transform(rect);
        self.gestures
            .start_step_drag(ui, &bg, &input.derived.layout, t);
        self.pan_and_zoom(ui, &bg, rect);
        if let Some(s) = &input.spotlight {
            let dt = ui.input(|i| i.stable_dt);
            if self.view.glide_to(s.focus, dt) {
                ui.ctx().request_repaint();
            }
        }
        if let Some(id) = self.reveal.take()
            && let Some(card) = input.derived.layout.card(&id)
        {
            self.view.reveal(card.rect, rect);
        }
        if let Some(id) = self.reveal_note.take()
            && let Some(note) = input.derived.layout.notes.iter().find(|n| n.id == id)
        {
            self.view.reveal(note.rect, rect);
        }
        if let Some(r) = self.reveal_rect.take() {
            self.view.reveal(r, rect);
        }
        let screen = Screen {
            rect,
            t: self.view.transform(rect),
            coarse: self.view.zoom < DETAIL_MIN_ZOOM,
            accent: ui.visuals().selection.stroke.color,
        };
        self.screen = Some(screen);
        let painter = ui.painter_at(rect);
        paint_diagram(&painter, input.derived, screen, input.dark, input.photos);

        let voting = input.spotlight.is_some_and(|s| s.voting);
        let layout = &input.derived.layout;
        let ctx = cards::Ctx {
            bp: input.bp,
            layout,
            selection: input.selection,
            lang: input.lang,
            screen,
            voting,
            tooltip: input.tooltip,
        };
        let mut hit = self.gestures.cards(ui, &painter, &ctx, actions);
        hit |= self.notes.show(ui, &painter, &ctx, actions);
        self.gestures.handles(ui, &painter, &ctx, actions);
        self.gestures.ghosts(ui, &painter, &ctx);
        drop_target(ui, &painter, layout, screen);
        self.gestures.box_select(ui, &painter, &bg, &ctx, actions);
        self.gestures.step_drag(ui, &painter, &bg, &ctx, actions);
        self.gestures
            .background(ui, &bg, &ctx, hit, &mut self.menus, actions);
        if let Some(s) = input.spotlight {
            let overlay = super::present::overlay::show;
            overlay(ui, &painter, input.bp, layout, screen, s, input.dark);
        } else {
            // Zoomed in past the lane names: they ride along the left edge.
            let labels = layout.lanes.first().map(|l| screen.t.rect(l.label));
            if labels.is_some_and(|l| l.max.x < rect.min.x + 40.0) {
                let names = super::present::overlay::lane_names_on_edge;
                names(ui, &painter, input.bp, layout, screen, rect, input.dark);
            }
            minimap::show(
                ui,
                &painter,
                input.derived,
                screen,
                &mut self.view,
                input.lang,
            );
            zoom_buttons(ui, rect, self.view.zoom, input.lang, actions);
        }
    }

    fn pan_and_zoom(&mut self, ui: &egui::Ui, bg: &egui::Response, rect: egui::Rect) {
        if bg.hovered() {
            let (scroll, zoom, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            if zoom != 1.0
                && let Some(p) = pointer
            {
                self.view.zoom_at(zoom, (p - rect.min).to_pos2());
            } else if scroll != Vec2::ZERO {
                self.view.pan_by(scroll);
            }
        }
        // A plain drag on the background pans; Shift-drag selects a box.
        if bg.dragged() && !self.gestures.busy() {
            self.view.pan_by(bg.drag_delta());
        }
    }
}

/// The background, the page and the scene.
fn paint_diagram(
    painter: &egui::Painter,
    derived: &mut Derived,
    screen: Screen,
    dark: bool,
    photos: Option<crate::render::egui::PhotoTextures>,
) {
    painter.rect_filled(
        screen.rect,
        0.0,
        if dark {
            Color32::from_rgb(0x0d, 0x11, 0x17)
        } else {
            Color32::from_rgb(0xee, 0xf0, 0xf3)
        },
    );
    let page = screen.t.rect(layout::Rect {
        min: layout::pos(0.0, 0.0),
        max: derived.scene.size,
    });
    let fill = derived.scene.background.0;
    painter.rect_filled(page, 0.0, Color32::from_rgb(fill[0], fill[1], fill[2]));
    let coarse = screen.coarse.then(|| derived.coarse_on_screen(screen.t));
    paint(
        painter,
        &derived.scene,
        screen.t,
        coarse,
        Some(&derived.index),
        photos,
    );
}

/// While a file is dragged over the window: the card it would go to (as a
/// photo) ringed.
fn drop_target(ui: &egui::Ui, painter: &egui::Painter, layout: &Layout, screen: Screen) {
    let (hovering, at) = ui.input(|i| (!i.raw.hovered_files.is_empty(), i.pointer.latest_pos()));
    let Some(at) = at.filter(|_| hovering) else {
        return;
    };
    if let Some(card) = layout.card_at(screen.t.inverse(at)) {
        painter.rect_stroke(
            screen.t.rect(card.rect).expand(3.0),
            8.0 * screen.t.zoom,
            egui::Stroke::new(3.0, screen.accent),
            egui::StrokeKind::Outside,
        );
    }
}

/// Zoom buttons in the canvas' top-right corner, from the commands.
fn zoom_buttons(
    ui: &mut egui::Ui,
    rect: egui::Rect,
    zoom: f32,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    // Top right: a fitted diagram leaves its margin there, clear of the
    // legend at the diagram's foot.
    let corner = egui::Rect::from_min_size(rect.right_top() + vec2(-180.0, 8.0), vec2(170.0, 30.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(corner), |ui| {
        ui.horizontal(|ui| {
            super::chrome::command_button(ui, UiCommand::ZoomOut, lang, true, true, actions);
            ui.label(crate::i18n::percent(f64::from(zoom) * 100.0, 0, lang));
            super::chrome::command_button(ui, UiCommand::ZoomIn, lang, true, true, actions);
            super::chrome::command_button(ui, UiCommand::ZoomFit, lang, true, true, actions);
        });
    });
}

/// Where a card or note being dragged goes: drawn under the pointer, with
/// the cell it would go to.
pub(super) struct Ghost {
    /// The pointer, on the diagram.
    pub at: Pos,
    /// Where the pointer holds it, from its corner.
    pub grab: Pos,
    pub size: (f32, f32),
    pub radius: f32,
    pub to_cell: bool,
}

impl Ghost {
    pub fn paint(&self, ui: &egui::Ui, painter: &egui::Painter, layout: &Layout, screen: Screen) {
        let (t, accent) = (screen.t, screen.accent);
        if self.to_cell
            && let Some((lane, step)) = layout.cell_at(self.at)
            && let Some(cell) = layout.cell_rect(&lane, &step)
        {
            painter.rect_filled(t.rect(cell).shrink(2.0), 4.0, accent.gamma_multiply(0.15));
        }
        let ghost = layout::Rect::from_xywh(
            self.at.x - self.grab.x,
            self.at.y - self.grab.y,
            self.size.0,
            self.size.1,
        );
        painter.rect(
            t.rect(ghost),
            self.radius * t.zoom,
            accent.gamma_multiply(0.2),
            egui::Stroke::new(2.0, accent),
            egui::StrokeKind::Middle,
        );
        ui.ctx().request_repaint();
    }
}

/// The label a card gets for screen readers and tests.
pub fn card_label(tp: &Touchpoint) -> String {
    crate::shown::shown_line(&tp.title, crate::shown::LINE_CHARS).into_owned()
}

/// What a card's photos show, for screen readers: each photo's text
/// alternative, or that it has none.
pub fn photos_description(tp: &Touchpoint, lang: Language) -> String {
    let each: Vec<String> = tp
        .photos
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if u.alt.trim().is_empty() {
                Msg::PhotoNoAlt.fill(lang, &[&crate::i18n::count(i + 1, lang)])
            } else {
                crate::shown::shown_line(&u.alt, crate::shown::LINE_CHARS).into_owned()
            }
        })
        .collect();
    crate::i18n::Plural::CardPhotos.fill(
        lang,
        each.len(),
        &[&crate::i18n::count(each.len(), lang), &each.join("; ")],
    )
}

/// A note's label for screen readers and tests.
pub fn note_label(note: &Note, lang: Language) -> String {
    let text = crate::shown::shown_line(&note.text, crate::shown::LINE_CHARS);
    Msg::NoteLabel.fill(lang, &[&text])
}
