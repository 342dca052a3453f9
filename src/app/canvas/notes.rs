//! Sticky notes on the canvas: drag to move (a pinned note to another cell,
//! a loose one anywhere), click to vote, right-click for text, colour and pin.

use super::cards::Ctx;
use super::{Ghost, menus};
use crate::app::Action;
use crate::edit::Edit;
use crate::layout::{self, Pos};
use crate::model::*;
use egui::{Id, Sense};

/// A note being dragged: its id and where the pointer grabbed it.
#[derive(Default)]
pub struct NoteDrag(Option<(NoteId, Pos)>);

impl NoteDrag {
    /// The notes' widgets, after the cards' (a loose note lying on a card
    /// takes the pointer); true if one was clicked.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        painter: &egui::Painter,
        c: &Ctx<'_>,
        actions: &mut Vec<Action>,
    ) -> bool {
        if c.screen.coarse {
            return false;
        }
        let (rect, t, accent) = (c.screen.rect, c.screen.t, c.screen.accent);
        let visible = t.inverse_rect(rect);
        let mut hit = false;
        for nb in c
            .layout
            .notes
            .iter()
            .filter(|n| n.rect.intersects(&visible))
        {
            let Some(note) = c.bp.notes.get(nb.index).filter(|n| n.id == nb.id) else {
                continue;
            };
            let r = t.rect(nb.rect);
            let resp = ui.interact(
                r.intersect(rect),
                Id::unique(("note", nb.id.as_str())),
                Sense::click_and_drag(),
            );
            let label = super::note_label(note, c.lang);
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if resp.hovered() || resp.dragged() {
                painter.rect_stroke(
                    r.expand(1.5),
                    3.0 * t.zoom,
                    egui::Stroke::new(1.5, accent.gamma_multiply(0.6)),
                    egui::StrokeKind::Outside,
                );
            }
            if resp.clicked() {
                hit = true;
                if c.voting {
                    actions.push(Action::VoteNote(nb.id.clone()));
                }
            }
            // The grab is where the button went down: the drag is only
            // recognised once the pointer has moved on from there.
            if resp.drag_started()
                && let Some(p) = ui
                    .input(|i| i.pointer.press_origin())
                    .or(resp.interact_pointer_pos())
            {
                let grab = t.inverse(p);
                self.0 = Some((
                    nb.id.clone(),
                    layout::pos(grab.x - nb.rect.min.x, grab.y - nb.rect.min.y),
                ));
            }
            if resp.drag_stopped()
                && let Some((_, grab)) = self.0.take()
                && let Some(p) = ui.input(|i| i.pointer.latest_pos())
            {
                let at = t.inverse(p);
                let mut moved = note.clone();
                if note.cell().is_some() {
                    if let Some((lane, step)) = c.layout.cell_at(at) {
                        moved.pin(lane, step);
                    }
                } else {
                    moved.unpin(Point::rounded(at.x - grab.x, at.y - grab.y));
                }
                if moved != *note {
                    actions.push(Action::Edit(Edit::SetNote(moved)));
                }
            }
            // Menus with text fields stay open when the field is clicked.
            egui::Popup::context_menu(&resp)
                .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
                .show(|ui| menus::note_menu(ui, c.layout, nb, note, c.lang, actions));
        }
        // A note being dragged: a ghost under the pointer, and for a pinned
        // note the cell it goes to.
        if let Some((id, grab)) = &self.0
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
            && let Some(nb) = c.layout.notes.iter().find(|n| &n.id == id)
        {
            let ghost = Ghost {
                at: t.inverse(p),
                grab: *grab,
                size: (nb.rect.width(), nb.rect.height()),
                radius: 3.0,
                to_cell: !nb.loose,
            };
            ghost.paint(ui, painter, c.layout, c.screen);
        }
        hit
    }
}
