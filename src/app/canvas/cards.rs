//! Cards on the canvas: selecting, dragging to another cell, connecting by
//! a handle, box selection, and the background's clicks.

use super::menus::{self, MenuState};
use super::{Ghost, Screen};
use crate::app::Action;
use crate::edit::Edit;
use crate::i18n::Msg;
use crate::layout::{self, Layout, Pos};
use crate::model::*;
use crate::render::egui::UiFromScene;
use egui::{Id, Sense, vec2};

/// What one frame's card gestures read.
pub struct Ctx<'a> {
    pub bp: &'a Blueprint,
    pub layout: &'a Layout,
    pub selection: &'a [TouchpointId],
    pub lang: Language,
    pub screen: Screen,
    /// Dot voting: a click gives a dot.
    pub voting: bool,
    /// More for a card's tooltip.
    pub tooltip: Option<&'a super::CardTooltip<'a>>,
}

/// Card gestures under way.
#[derive(Default)]
pub struct Gestures {
    /// A card being dragged: its id and where the pointer grabbed it.
    dragging: Option<(TouchpointId, Pos)>,
    /// A connector being drawn from this touchpoint (from the card's menu).
    pub connecting: Option<TouchpointId>,
    /// Where a box selection started, on screen.
    boxing: Option<egui::Pos2>,
    /// A step header being dragged to another place or stage.
    moving_step: Option<StepId>,
    /// When and where (on screen, and on the diagram) the last click on the
    /// background was: a double-click adds its card in the cell the user
    /// aimed at, even if the view moved between the two clicks.
    last_click: Option<(f64, egui::Pos2, Pos)>,
}

/// Where a step dropped at `x` goes: the stage of the column under it, the
/// place before or after that column's step, and the x of that boundary.
fn step_place_at(bp: &Blueprint, layout: &Layout, x: f32) -> Option<(StageId, usize, f32)> {
    let steps = &layout.steps;
    let k = steps
        .iter()
        .position(|s| x < s.column.max.x)
        .unwrap_or(steps.len().checked_sub(1)?);
    let column = steps[k].column;
    let after = x > column.center().x;
    let (stage, step) = bp.steps().nth(k)?;
    let i = stage.steps.iter().position(|s| s.id == step.id)?;
    let edge = if after { column.max.x } else { column.min.x };
    Some((stage.id.clone(), i + usize::from(after), edge))
}

fn connector(from: TouchpointId, to: TouchpointId) -> Edit {
    Edit::AddConnector(Connector {
        id: ConnectorId::generate(),
        from,
        to,
        kind: ConnectorKind::Flow,
        label: String::new(),
    })
}

impl Gestures {
    /// A card drag or box selection goes on: the background does not pan.
    pub fn busy(&self) -> bool {
        self.dragging.is_some() || self.boxing.is_some() || self.moving_step.is_some()
    }

    /// A drag that starts on a step header moves the step (instead of
    /// panning).
    pub fn start_step_drag(
        &mut self,
        ui: &egui::Ui,
        bg: &egui::Response,
        layout: &Layout,
        t: UiFromScene,
    ) {
        // Where the button went down: the pointer may be far on already
        // when the drag is recognised.
        if bg.drag_started()
            && let Some(p) = ui.input(|i| i.pointer.press_origin())
            && let Some(header) = layout.step_header_at(t.inverse(p))
        {
            self.moving_step = Some(header.id.clone());
        }
    }

    /// A step header being dragged: a bar where it would go; dropped, the
    /// step moves there, into the stage of the column it is dropped on.
    pub fn step_drag(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        bg: &egui::Response,
        c: &Ctx<'_>,
        actions: &mut Vec<Action>,
    ) {
        let Some(id) = self.moving_step.clone() else {
            return;
        };
        let Some(p) = ui.input(|i| i.pointer.latest_pos()) else {
            return;
        };
        let at = c.screen.t.inverse(p);
        let Some((stage, index, x)) = step_place_at(c.bp, c.layout, at.x) else {
            return;
        };
        let t = c.screen.t;
        let top = t.apply(layout::pos(
            x,
            c.layout.grid.min.y - crate::layout::metrics::STEP_H,
        ));
        let bottom = t.apply(layout::pos(x, c.layout.grid.max.y));
        painter.line_segment([top, bottom], egui::Stroke::new(4.0, c.screen.accent));
        ui.ctx().request_repaint();
        if bg.drag_stopped() || !bg.dragged() {
            self.moving_step = None;
            if bg.drag_stopped() {
                actions.push(Action::Edit(Edit::MoveStepTo { id, stage, index }));
            }
        }
    }

    /// The cards' widgets; true if one was clicked.
    pub fn cards(
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
        for card in c
            .layout
            .cards
            .iter()
            .filter(|k| k.rect.intersects(&visible))
        {
            let Some(tp) = card.touchpoint(c.bp) else {
                continue;
            };
            let r = t.rect(card.rect);
            let resp = ui.interact(
                r.intersect(rect),
                Id::unique(("card", card.id.as_str())),
                Sense::click_and_drag(),
            );
            let label = super::card_label(tp);
            resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if !tp.photos.is_empty() {
                // What the card's photos show, for screen readers (built
                // only when one listens).
                ui.ctx().accesskit_node_builder(resp.id, |node| {
                    node.set_description(super::photos_description(tp, c.lang));
                });
            }
            if c.selection.contains(&card.id) {
                painter.rect_stroke(
                    r.expand(3.0),
                    8.0 * t.zoom,
                    egui::Stroke::new(2.5, accent),
                    egui::StrokeKind::Outside,
                );
            } else if resp.hovered() {
                painter.rect_stroke(
                    r.expand(1.5),
                    7.0 * t.zoom,
                    egui::Stroke::new(1.5, accent.gamma_multiply(0.6)),
                    egui::StrokeKind::Outside,
                );
            }
            if resp.clicked() {
                hit = true;
                self.clicked(ui, c, &card.id, actions);
            }
            // The grab is where the button went down: the drag is only
            // recognised once the pointer has moved on from there.
            if resp.drag_started()
                && let Some(p) = ui
                    .input(|i| i.pointer.press_origin())
                    .or(resp.interact_pointer_pos())
            {
                let grab = t.inverse(p);
                self.dragging = Some((
                    card.id.clone(),
                    layout::pos(grab.x - card.rect.min.x, grab.y - card.rect.min.y),
                ));
                if !c.selection.contains(&card.id) {
                    actions.push(Action::Select(vec![card.id.clone()]));
                }
            }
            if resp.drag_stopped()
                && let Some((id, _)) = self.dragging.take()
                && let Some(p) = ui.input(|i| i.pointer.latest_pos())
                && let Some((lane, step)) = c.layout.cell_at(t.inverse(p))
                && (lane != tp.lane || step != tp.step)
            {
                actions.push(Action::Edit(Edit::MoveTouchpoint { id, lane, step }));
            }
            // Over the F badge, the tooltip tells the failure; elsewhere on
            // the card, its standards.
            let over_badge = crate::scene::fail_badge(card.rect, tp).is_some_and(|badge| {
                ui.input(|i| i.pointer.hover_pos())
                    .is_some_and(|p| badge.contains(t.inverse(p)))
            });
            let resp = resp.on_hover_ui(|ui| {
                if over_badge {
                    menus::fail_tooltip(ui, tp, c.lang);
                } else {
                    menus::standards_tooltip(ui, c.bp, tp, c.lang);
                }
                if let Some(more) = c.tooltip {
                    more(ui, &card.id);
                }
            });
            resp.context_menu(|ui| {
                if let Some(from) = menus::card_menu(ui, c.bp, tp, c.lang, actions) {
                    self.connecting = Some(from);
                }
            });
        }
        hit
    }

    fn clicked(
        &mut self,
        ui: &egui::Ui,
        c: &Ctx<'_>,
        id: &TouchpointId,
        actions: &mut Vec<Action>,
    ) {
        if c.voting {
            actions.push(Action::VoteTouchpoint(id.clone()));
        } else if let Some(from) = self.connecting.take() {
            if &from != id {
                actions.push(Action::Edit(connector(from, id.clone())));
            }
        } else if ui.input(|i| i.modifiers.shift || i.modifiers.command) {
            let mut sel = c.selection.to_vec();
            match sel.iter().position(|s| s == id) {
                Some(i) => {
                    sel.remove(i);
                }
                None => sel.push(id.clone()),
            }
            actions.push(Action::Select(sel));
        } else {
            actions.push(Action::Select(vec![id.clone()]));
        }
    }

    /// A handle on the right edge of each selected card: drag it to another
    /// card to connect them.
    pub fn handles(
        &mut self,
        ui: &mut egui::Ui,
        painter: &egui::Painter,
        c: &Ctx<'_>,
        actions: &mut Vec<Action>,
    ) {
        if c.screen.coarse {
            return;
        }
        let (rect, t, accent) = (c.screen.rect, c.screen.t, c.screen.accent);
        for id in c.selection {
            let Some(card) = c.layout.card(id) else {
                continue;
            };
            let r = t.rect(card.rect);
            let centre = egui::pos2(r.right(), r.center().y);
            if !rect.contains(centre) {
                continue;
            }
            let handle = egui::Rect::from_center_size(centre, vec2(14.0, 14.0));
            let resp = ui.interact(
                handle,
                Id::unique(("connect-handle", id.as_str())),
                Sense::drag(),
            );
            let title = c.bp.touchpoint(id).map_or(String::new(), super::card_label);
            resp.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    Msg::ConnectHandle.fill(c.lang, &[&title]),
                )
            });
            let hot = resp.hovered() || resp.dragged();
            painter.circle(
                centre,
                if hot { 7.0 } else { 5.5 },
                ui.visuals().window_fill,
                egui::Stroke::new(2.0, accent),
            );
            let pointer = ui.input(|i| i.pointer.latest_pos());
            let target = pointer
                .and_then(|p| c.layout.card_at(t.inverse(p)))
                .filter(|target| &target.id != id);
            if resp.dragged()
                && let Some(p) = pointer
            {
                painter.line_segment([centre, p], egui::Stroke::new(2.0, accent));
                if let Some(target) = target {
                    painter.rect_stroke(
                        t.rect(target.rect).expand(3.0),
                        6.0,
                        egui::Stroke::new(2.0, accent),
                        egui::StrokeKind::Outside,
                    );
                }
                ui.ctx().request_repaint();
            }
            if resp.drag_stopped()
                && let Some(target) = target
            {
                actions.push(Action::Edit(connector(id.clone(), target.id.clone())));
            }
        }
    }

    /// A card being dragged, and a connector being drawn from a card's menu.
    pub fn ghosts(&mut self, ui: &egui::Ui, painter: &egui::Painter, c: &Ctx<'_>) {
        let pointer = ui.input(|i| i.pointer.latest_pos());
        if let Some((id, grab)) = &self.dragging
            && let Some(p) = pointer
            && let Some(card) = c.layout.card(id)
        {
            let ghost = Ghost {
                at: c.screen.t.inverse(p),
                grab: *grab,
                size: (card.rect.width(), card.rect.height()),
                radius: 6.0,
                to_cell: true,
            };
            ghost.paint(ui, painter, c.layout, c.screen);
        }
        if let Some(from) = &self.connecting
            && let (Some(card), Some(p)) = (c.layout.card(from), pointer)
        {
            painter.line_segment(
                [c.screen.t.apply(card.rect.center()), p],
                egui::Stroke::new(2.0, c.screen.accent),
            );
            ui.ctx().request_repaint();
        }
    }

    /// Shift-drag on the background selects the cards in a box.
    pub fn box_select(
        &mut self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        bg: &egui::Response,
        c: &Ctx<'_>,
        actions: &mut Vec<Action>,
    ) {
        if bg.drag_started() && ui.input(|i| i.modifiers.shift) {
            self.boxing = bg.interact_pointer_pos();
        }
        if let Some(start) = self.boxing
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
        {
            let accent = c.screen.accent;
            let screen = egui::Rect::from_two_pos(start, p);
            painter.rect(
                screen,
                2.0,
                accent.gamma_multiply(0.1),
                egui::Stroke::new(1.0, accent),
                egui::StrokeKind::Middle,
            );
            if bg.drag_stopped() {
                let area = c.screen.t.inverse_rect(screen);
                let picked: Vec<TouchpointId> = c
                    .layout
                    .cards
                    .iter()
                    .filter(|k| k.rect.intersects(&area))
                    .map(|k| k.id.clone())
                    .collect();
                actions.push(Action::Select(picked));
                self.boxing = None;
            }
        }
        if !bg.dragged() && !bg.drag_stopped() {
            self.boxing = None;
        }
    }

    /// The background: select nothing (or, coarse, the card under the
    /// click), add a touchpoint with a double-click, structure menus.
    pub fn background(
        &mut self,
        ui: &egui::Ui,
        bg: &egui::Response,
        c: &Ctx<'_>,
        card_hit: bool,
        menus: &mut MenuState,
        actions: &mut Vec<Action>,
    ) {
        let t = c.screen.t;
        let at = bg.interact_pointer_pos().map(|p| t.inverse(p));
        let now = ui.input(|i| i.time);
        if bg.clicked() && !card_hit {
            self.connecting = None;
            let under = at.and_then(|p| c.layout.card_at(p));
            if c.voting
                && c.screen.coarse
                && let Some(n) = at.and_then(|p| c.layout.note_at(p))
            {
                // Coarse notes have no widget of their own.
                actions.push(Action::VoteNote(n.id.clone()));
            }
            match under {
                Some(card) if c.screen.coarse => {
                    actions.push(Action::Select(vec![card.id.clone()]))
                }
                _ => actions.push(Action::Select(Vec::new())),
            }
        }
        // A double-click is two clicks within half a second and a few
        // pixels, counted here: egui counts clicks anywhere in quick
        // succession (the first click of a new card right after another
        // card's would make a triple-click), and a frame may hold both.
        if bg.clicked() {
            let releases: Vec<egui::Pos2> = ui.input(|i| {
                i.events
                    .iter()
                    .filter_map(|e| match e {
                        egui::Event::PointerButton {
                            pos,
                            button: egui::PointerButton::Primary,
                            pressed: false,
                            ..
                        } => Some(*pos),
                        _ => None,
                    })
                    .collect()
            });
            for p in releases {
                match self.last_click {
                    Some((when, first, at)) if now - when < 0.5 && (p - first).length() < 8.0 => {
                        self.last_click = None;
                        if c.layout.title.contains(at) {
                            // The diagram's title: edit the blueprint's own fields.
                            actions.push(Action::EditBlueprintTitle);
                        } else if let Some((lane, step)) = c.layout.cell_at(at) {
                            actions.push(Action::AddTouchpointAt { lane, step });
                        }
                    }
                    _ => self.last_click = Some((now, p, t.inverse(p))),
                }
            }
        }
        if bg.secondary_clicked() {
            menus.opened_at(at);
        }
        egui::Popup::context_menu(bg)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show(|ui| menus.header_menu(ui, c.bp, c.layout, c.lang, actions));
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.connecting = None;
        }
    }
}
