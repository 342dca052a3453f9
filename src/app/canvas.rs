//! The canvas: paints the shared scene and turns pointer and keyboard input
//! into actions. Where things are comes from [`crate::layout`] only.

use super::{Action, Document, UiCommand};
use crate::edit::Edit;
use crate::i18n::{self, Msg};
use crate::layout::{self, Layout, Options, Pos};
use crate::model::*;
use crate::render::egui::{UiFromScene, paint};
use crate::scene::{self, Scene, Theme};
use egui::{Color32, Id, Sense, Vec2, vec2};

/// What the canvas keeps between frames.
pub struct CanvasState {
    pub zoom: f32,
    /// The screen offset of the diagram's origin from the canvas' corner.
    pub pan: Vec2,
    pub fit_pending: bool,
    /// The view was fitted and not moved since: it fits again when the
    /// canvas changes size.
    pub fitted: bool,
    cache: Option<Cache>,
    /// A card being dragged: its id and where the pointer grabbed it.
    dragging: Option<(TouchpointId, Pos)>,
    /// A sticky note being dragged: its id and where the pointer grabbed it.
    note_dragging: Option<(NoteId, Pos)>,
    /// A connector being drawn from this touchpoint.
    connecting: Option<TouchpointId>,
    /// What was under the pointer at the last right click.
    context: Option<Pos>,
    rename: String,
    /// The text of a note being written in a cell's menu.
    note_draft: String,
    /// The canvas' size at the last frame, to zoom around its centre.
    size: Vec2,
    /// Cards tinted by the compliance of their standards.
    pub compliance_view: bool,
    /// Where a box selection started, on screen.
    boxing: Option<egui::Pos2>,
    /// A touchpoint to bring into view at the next frame.
    pub reveal: Option<TouchpointId>,
    /// The part of the diagram a presentation is on: the view glides to it
    /// and the rest is dimmed.
    pub focus: Option<layout::Rect>,
    /// What stays clear of the veil around the focus, and a card to ring
    /// (the focus itself when `None`).
    pub spotlight: Option<(layout::Rect, Option<layout::Rect>)>,
    /// A laser-pointer highlight follows the mouse.
    pub laser: bool,
    /// Dot voting: a click on a card or note gives it a dot.
    pub voting: bool,
}

impl Default for CanvasState {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: vec2(20.0, 20.0),
            fit_pending: true,
            fitted: false,
            cache: None,
            dragging: None,
            note_dragging: None,
            connecting: None,
            context: None,
            rename: String::new(),
            note_draft: String::new(),
            size: vec2(800.0, 600.0),
            compliance_view: false,
            boxing: None,
            reveal: None,
            focus: None,
            spotlight: None,
            laser: false,
            voting: false,
        }
    }
}

struct Cache {
    key: (u64, u64, Language, bool, bool),
    layout: Layout,
    scene: Scene,
    /// The scene's rectangles as one mesh, for the coarse level of detail.
    coarse: Option<egui::Mesh>,
    index: crate::render::egui::SceneIndex,
    /// The overview picture, made when first needed.
    overview: Option<egui::TextureHandle>,
}

impl CanvasState {
    /// Zooms around the centre of the canvas.
    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom_at(factor, (self.size / 2.0).to_pos2());
    }

    fn zoom_at(&mut self, factor: f32, anchor: egui::Pos2) {
        self.fitted = false;
        let new = (self.zoom * factor).clamp(0.05, 6.0);
        let f = new / self.zoom;
        // Keep the point under `anchor` (relative to the canvas corner) still.
        self.pan = anchor.to_vec2() + (self.pan - anchor.to_vec2()) * f;
        self.zoom = new;
    }

    /// The layout drawn at the last frame, if it is of this revision of `doc`.
    pub fn layout_of(&self, doc: &Document) -> Option<&Layout> {
        self.cache
            .as_ref()
            .filter(|c| (c.key.0, c.key.1) == (doc.serial, doc.revision))
            .map(|c| &c.layout)
    }

    /// The layout and scene of the document, built again only when it changed.
    fn take_cache(&mut self, doc: &Document, lang: Language, dark: bool) -> Cache {
        let key = (doc.serial, doc.revision, lang, dark, self.compliance_view);
        match self.cache.take() {
            Some(c) if c.key == key => c,
            _ => {
                let theme = if dark { Theme::DARK } else { Theme::LIGHT };
                let layout = layout::layout(&doc.blueprint, Options::default());
                let findings = crate::check::check(&doc.blueprint);
                let mut overlay = scene::Overlay::with_findings(&doc.blueprint, &findings);
                overlay.compliance_view = self.compliance_view;
                let scene = scene::scene_with(&doc.blueprint, &layout, &theme, lang, &overlay);
                let index = crate::render::egui::SceneIndex::new(&scene);
                Cache {
                    key,
                    layout,
                    scene,
                    coarse: None,
                    index,
                    overview: None,
                }
            }
        }
    }
}

/// Draws the canvas and collects what the user did.
pub fn show(
    ui: &mut egui::Ui,
    doc: &Document,
    selection: &[TouchpointId],
    lang: Language,
    dark: bool,
    st: &mut CanvasState,
    actions: &mut Vec<Action>,
) {
    let (rect, bg) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let resized = st.size != rect.size();
    st.size = rect.size();
    let bp = &doc.blueprint;
    let fit = st.fit_pending || (st.fitted && resized);
    let mut cache = st.take_cache(doc, lang, dark);
    let size = cache.scene.size;
    if fit && rect.width() > 10.0 {
        let z = (rect.width() / size.x)
            .min(rect.height() / size.y)
            .clamp(0.05, 2.0);
        st.zoom = z;
        st.pan = vec2(
            (rect.width() - size.x * z) / 2.0,
            (rect.height() - size.y * z) / 2.0,
        )
        .max(vec2(0.0, 0.0));
        st.fit_pending = false;
        st.fitted = true;
    }

    // Pan and zoom.
    if bg.hovered() {
        let (scroll, zoom, pointer) =
            ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
        if zoom != 1.0
            && let Some(p) = pointer
        {
            st.zoom_at(zoom, (p - rect.min).to_pos2());
        } else if scroll != Vec2::ZERO {
            st.pan += scroll;
            st.fitted = false;
        }
    }
    // Shift-drag on the background selects the cards in a box; a plain drag pans.
    let shift = ui.input(|i| i.modifiers.shift);
    if bg.drag_started() && shift {
        st.boxing = bg.interact_pointer_pos();
    }
    if bg.dragged() && st.dragging.is_none() && st.boxing.is_none() {
        st.pan += bg.drag_delta();
        st.fitted = false;
    }
    if let Some(f) = st.focus {
        // Glide towards the focus, fitted with a margin.
        let z = ((rect.width() - 60.0) / f.width())
            .min((rect.height() - 60.0) / f.height())
            .clamp(0.05, 3.0);
        let c = f.center();
        let pan = rect.size() / 2.0 - vec2(c.x, c.y) * z;
        let dt = ui.input(|i| i.stable_dt).min(0.1);
        let k = (dt * 8.0).min(1.0);
        if (st.zoom - z).abs() > 0.001 || (st.pan - pan).length() > 0.5 {
            st.zoom += (z - st.zoom) * k;
            st.pan += (pan - st.pan) * k;
            ui.ctx().request_repaint();
        } else {
            st.zoom = z;
            st.pan = pan;
        }
        st.fitted = false;
    }
    if let Some(id) = st.reveal.take()
        && let Some(card) = cache.layout.card(&id)
    {
        // Centre the card if it is not wholly on screen.
        let on_screen = UiFromScene {
            origin: rect.min + st.pan,
            zoom: st.zoom,
        }
        .rect(card.rect);
        if !rect.contains_rect(on_screen) {
            let c = card.rect.center();
            st.pan = rect.size() / 2.0 - vec2(c.x, c.y) * st.zoom;
            st.fitted = false;
        }
    }
    let t = UiFromScene {
        origin: rect.min + st.pan,
        zoom: st.zoom,
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(
        rect,
        0.0,
        if dark {
            Color32::from_rgb(0x0d, 0x11, 0x17)
        } else {
            Color32::from_rgb(0xee, 0xf0, 0xf3)
        },
    );
    let page = t.rect(layout::Rect {
        min: layout::pos(0.0, 0.0),
        max: cache.scene.size,
    });
    let page_fill = cache.scene.background;
    painter.rect_filled(
        page,
        0.0,
        Color32::from_rgb(page_fill.0[0], page_fill.0[1], page_fill.0[2]),
    );
    if t.zoom < crate::render::egui::DETAIL_MIN_ZOOM && cache.coarse.is_none() {
        cache.coarse = Some(crate::render::egui::coarse_mesh(&cache.scene));
    }
    paint(
        &painter,
        &cache.scene,
        t,
        cache.coarse.as_ref(),
        Some(&cache.index),
    );

    // Cards: interaction, selection, tooltips, context menus.
    let layout = &cache.layout;
    let visible = t.inverse_rect(rect);
    let accent = ui.visuals().selection.stroke.color;
    let mut card_hit = false;
    // When cards are tiny blocks, they get no widget each: the background
    // finds the card under a click instead (thousands of widgets would cost
    // more than the whole drawing).
    let coarse = st.zoom < crate::render::egui::DETAIL_MIN_ZOOM;
    let widget_cards = layout
        .cards
        .iter()
        .filter(|c| !coarse && c.rect.intersects(&visible));
    for card in widget_cards {
        let Some(tp) = card.touchpoint(bp) else {
            continue;
        };
        let r = t.rect(card.rect);
        let resp = ui.interact(
            r.intersect(rect),
            Id::unique(("card", card.id.as_str())),
            Sense::click_and_drag(),
        );
        let title = tp.title.clone();
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &title));
        if selection.contains(&card.id) {
            painter.rect_stroke(
                r.expand(3.0),
                8.0 * st.zoom,
                egui::Stroke::new(2.5, accent),
                egui::StrokeKind::Outside,
            );
        } else if resp.hovered() {
            painter.rect_stroke(
                r.expand(1.5),
                7.0 * st.zoom,
                egui::Stroke::new(1.5, accent.gamma_multiply(0.6)),
                egui::StrokeKind::Outside,
            );
        }
        if resp.clicked() && st.voting {
            card_hit = true;
            actions.push(Action::VoteTouchpoint(card.id.clone()));
        } else if resp.clicked() {
            card_hit = true;
            if let Some(from) = st.connecting.take() {
                if from != card.id {
                    actions.push(Action::Edit(Edit::AddConnector(Connector {
                        id: ConnectorId::generate(),
                        from,
                        to: card.id.clone(),
                        kind: ConnectorKind::Flow,
                        label: String::new(),
                    })));
                }
            } else if ui.input(|i| i.modifiers.shift || i.modifiers.command) {
                let mut sel = selection.to_vec();
                match sel.iter().position(|s| s == &card.id) {
                    Some(i) => {
                        sel.remove(i);
                    }
                    None => sel.push(card.id.clone()),
                }
                actions.push(Action::Select(sel));
            } else {
                actions.push(Action::Select(vec![card.id.clone()]));
            }
        }
        if resp.drag_started()
            && let Some(p) = resp.interact_pointer_pos()
        {
            let grab = t.inverse(p);
            st.dragging = Some((
                card.id.clone(),
                layout::pos(grab.x - card.rect.min.x, grab.y - card.rect.min.y),
            ));
            if !selection.contains(&card.id) {
                actions.push(Action::Select(vec![card.id.clone()]));
            }
        }
        if resp.drag_stopped()
            && let Some((id, _)) = st.dragging.take()
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
            && let Some((lane, step)) = layout.cell_at(t.inverse(p))
            && (lane != tp.lane || step != tp.step)
        {
            actions.push(Action::Edit(Edit::MoveTouchpoint { id, lane, step }));
        }
        let resp = resp.on_hover_ui(|ui| standards_tooltip(ui, bp, tp, lang));
        resp.context_menu(|ui| card_menu(ui, bp, tp, lang, st, actions));
    }

    // Sticky notes, after the cards: a loose note lying on a card takes the
    // pointer. Drag to move (a pinned note to another cell), click to vote,
    // right-click for its text, colour and pin.
    let widget_notes = layout
        .notes
        .iter()
        .filter(|n| !coarse && n.rect.intersects(&visible));
    for nb in widget_notes {
        let Some(note) = bp.notes.get(nb.index).filter(|n| n.id == nb.id) else {
            continue;
        };
        let r = t.rect(nb.rect);
        let resp = ui.interact(
            r.intersect(rect),
            Id::unique(("note", nb.id.as_str())),
            Sense::click_and_drag(),
        );
        let label = Msg::NoteLabel.fill(lang, &[&note.text]);
        resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if resp.hovered() || resp.dragged() {
            painter.rect_stroke(
                r.expand(1.5),
                3.0 * st.zoom,
                egui::Stroke::new(1.5, accent.gamma_multiply(0.6)),
                egui::StrokeKind::Outside,
            );
        }
        if resp.clicked() {
            card_hit = true;
            if st.voting {
                actions.push(Action::VoteNote(nb.id.clone()));
            }
        }
        if resp.drag_started()
            && let Some(p) = resp.interact_pointer_pos()
        {
            let grab = t.inverse(p);
            st.note_dragging = Some((
                nb.id.clone(),
                layout::pos(grab.x - nb.rect.min.x, grab.y - nb.rect.min.y),
            ));
        }
        if resp.drag_stopped()
            && let Some((_, grab)) = st.note_dragging.take()
            && let Some(p) = ui.input(|i| i.pointer.latest_pos())
        {
            let at = t.inverse(p);
            let mut moved = note.clone();
            if note.cell().is_some() {
                if let Some((lane, step)) = layout.cell_at(at) {
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
            .show(|ui| note_menu(ui, layout, nb, note, lang, actions));
    }
    // A note being dragged: a ghost under the pointer, and for a pinned note
    // the cell it goes to.
    if let Some((id, grab)) = &st.note_dragging
        && let Some(p) = ui.input(|i| i.pointer.latest_pos())
        && let Some(nb) = layout.notes.iter().find(|n| &n.id == id)
    {
        let ghost = Ghost {
            at: t.inverse(p),
            grab: *grab,
            size: (nb.rect.width(), nb.rect.height()),
            radius: 3.0,
            to_cell: !nb.loose,
        };
        ghost.paint(ui, &painter, layout, t, accent);
    }

    // A handle on the right edge of each selected card: drag it to another
    // card to connect them.
    if !coarse {
        for id in selection {
            let Some(card) = layout.card(id) else {
                continue;
            };
            let r = t.rect(card.rect);
            let centre = egui::pos2(r.right(), r.center().y);
            let handle = egui::Rect::from_center_size(centre, vec2(14.0, 14.0));
            if !rect.contains(centre) {
                continue;
            }
            let resp = ui.interact(
                handle,
                Id::unique(("connect-handle", id.as_str())),
                Sense::drag(),
            );
            let title = bp.touchpoint(id).map_or(String::new(), |t| t.title.clone());
            resp.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    Msg::ConnectHandle.fill(lang, &[&title]),
                )
            });
            let hot = resp.hovered() || resp.dragged();
            painter.circle(
                centre,
                if hot { 7.0 } else { 5.5 },
                ui.visuals().window_fill,
                egui::Stroke::new(2.0, accent),
            );
            if resp.dragged()
                && let Some(p) = ui.input(|i| i.pointer.latest_pos())
            {
                painter.line_segment([centre, p], egui::Stroke::new(2.0, accent));
                if let Some(target) = layout.card_at(t.inverse(p))
                    && &target.id != id
                {
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
                && let Some(p) = ui.input(|i| i.pointer.latest_pos())
                && let Some(target) = layout.card_at(t.inverse(p))
                && &target.id != id
            {
                actions.push(Action::Edit(Edit::AddConnector(Connector {
                    id: ConnectorId::generate(),
                    from: id.clone(),
                    to: target.id.clone(),
                    kind: ConnectorKind::Flow,
                    label: String::new(),
                })));
            }
        }
    }

    // A card being dragged: a ghost under the pointer and the target cell.
    if let Some((id, grab)) = &st.dragging
        && let Some(p) = ui.input(|i| i.pointer.latest_pos())
        && let Some(card) = layout.card(id)
    {
        let ghost = Ghost {
            at: t.inverse(p),
            grab: *grab,
            size: (card.rect.width(), card.rect.height()),
            radius: 6.0,
            to_cell: true,
        };
        ghost.paint(ui, &painter, layout, t, accent);
    }
    if let Some(start) = st.boxing
        && let Some(p) = ui.input(|i| i.pointer.latest_pos())
    {
        let screen = egui::Rect::from_two_pos(start, p);
        painter.rect(
            screen,
            2.0,
            accent.gamma_multiply(0.1),
            egui::Stroke::new(1.0, accent),
            egui::StrokeKind::Middle,
        );
        if bg.drag_stopped() {
            let area = t.inverse_rect(screen);
            let picked: Vec<TouchpointId> = layout
                .cards
                .iter()
                .filter(|c| c.rect.intersects(&area))
                .map(|c| c.id.clone())
                .collect();
            actions.push(Action::Select(picked));
            st.boxing = None;
        }
    }
    if !bg.dragged() && !bg.drag_stopped() {
        st.boxing = None;
    }
    if let Some(from) = &st.connecting {
        if let (Some(card), Some(p)) = (layout.card(from), ui.input(|i| i.pointer.latest_pos())) {
            painter.line_segment(
                [t.apply(card.rect.center()), p],
                egui::Stroke::new(2.0, accent),
            );
            ui.ctx().request_repaint();
        }
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            st.connecting = None;
        }
    }

    // The background: select nothing, add a touchpoint, structure menus.
    if bg.clicked() && !card_hit {
        st.connecting = None;
        let under = bg
            .interact_pointer_pos()
            .and_then(|p| layout.card_at(t.inverse(p)));
        let note = bg
            .interact_pointer_pos()
            .and_then(|p| layout.note_at(t.inverse(p)));
        // Coarse notes have no widget of their own.
        if st.voting
            && coarse
            && let Some(n) = note
        {
            actions.push(Action::VoteNote(n.id.clone()));
        }
        match under {
            Some(card) if coarse => actions.push(Action::Select(vec![card.id.clone()])),
            _ => actions.push(Action::Select(Vec::new())),
        }
    }
    if bg.double_clicked()
        && let Some(p) = bg.interact_pointer_pos()
        && let Some((lane, step)) = layout.cell_at(t.inverse(p))
    {
        actions.push(Action::AddTouchpointAt { lane, step });
    }
    if bg.secondary_clicked() {
        st.context = bg.interact_pointer_pos().map(|p| t.inverse(p));
        st.rename.clear();
    }
    let at = st.context;
    egui::Popup::context_menu(&bg)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            if let Some(at) = at {
                let texts = (&mut st.rename, &mut st.note_draft);
                header_menu(ui, bp, layout, at, lang, texts, actions);
            }
        });

    // An overview of the whole diagram when only part of it is on screen:
    // the visible part outlined; click or drag in it to go elsewhere.
    let whole = layout::Rect {
        min: layout::pos(0.0, 0.0),
        max: cache.scene.size,
    };
    let shown = t.inverse_rect(rect);
    let all_shown = {
        // A unit of slack for rounding when zoomed to fit.
        let s = shown.expand(1.0);
        s.min.x <= 0.0 && s.min.y <= 0.0 && s.max.x >= whole.max.x && s.max.y >= whole.max.y
    };
    if !all_shown && rect.width() > 300.0 && st.focus.is_none() {
        let scale = (220.0 / whole.max.x).min(120.0 / whole.max.y);
        let size = vec2(whole.max.x * scale, whole.max.y * scale);
        let mini = egui::Rect::from_min_size(rect.left_bottom() + vec2(10.0, -size.y - 10.0), size);
        let mini_t = UiFromScene {
            origin: mini.min,
            zoom: scale,
        };
        // The overview is a small picture painted once per document change:
        // one textured quad a frame, however many cards there are.
        let w = size.x.round().max(1.0) as usize;
        let h = size.y.round().max(1.0) as usize;
        let texture = cache.overview.get_or_insert_with(|| {
            let image = crate::render::egui::overview_image(&cache.scene, w, h);
            ui.ctx()
                .load_texture("overview", image, egui::TextureOptions::LINEAR)
        });
        painter.rect(
            mini.expand(3.0),
            4.0,
            ui.visuals().window_fill,
            ui.visuals().window_stroke,
            egui::StrokeKind::Outside,
        );
        painter.image(
            texture.id(),
            mini,
            egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
            Color32::WHITE,
        );
        let view = mini_t.rect(shown).intersect(mini);
        painter.rect_stroke(
            view,
            1.0,
            egui::Stroke::new(1.5, accent),
            egui::StrokeKind::Middle,
        );
        let resp = ui.interact(mini, Id::unique("minimap"), Sense::click_and_drag());
        resp.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Image, true, Msg::Overview.text(lang))
        });
        if (resp.clicked() || resp.dragged())
            && let Some(p) = resp.interact_pointer_pos()
        {
            // Centre the canvas on the diagram point under the pointer.
            let target = mini_t.inverse(p);
            st.pan = rect.size() / 2.0 - vec2(target.x, target.y) * st.zoom;
            st.fitted = false;
        }
    }

    // Presentation: the rest of the diagram dimmed around the focus.
    if let Some(f) = st.focus {
        let (clear, ring) = st.spotlight.unwrap_or((f, None));
        let fr = t.rect(clear);
        let veil = if dark {
            Color32::from_black_alpha(170)
        } else {
            Color32::from_white_alpha(190)
        };
        // The lane names stay clear: the group must see whose work it is.
        let labels = layout
            .lanes
            .first()
            .map(|l| t.rect(l.label))
            .filter(|l| l.max.x <= fr.min.x);
        let left_gaps = match labels {
            Some(l) => [(rect.min.x, l.min.x), (l.max.x, fr.min.x)],
            None => [(rect.min.x, fr.min.x), (fr.min.x, fr.min.x)],
        };
        for r in [
            egui::Rect::from_min_max(rect.min, egui::pos2(rect.max.x, fr.min.y)),
            egui::Rect::from_min_max(egui::pos2(rect.min.x, fr.max.y), rect.max),
            egui::Rect::from_min_max(
                egui::pos2(left_gaps[0].0, fr.min.y),
                egui::pos2(left_gaps[0].1, fr.max.y),
            ),
            egui::Rect::from_min_max(
                egui::pos2(left_gaps[1].0, fr.min.y),
                egui::pos2(left_gaps[1].1, fr.max.y),
            ),
            egui::Rect::from_min_max(
                egui::pos2(fr.max.x, fr.min.y),
                egui::pos2(rect.max.x, fr.max.y),
            ),
        ] {
            if r.width() > 0.0 && r.height() > 0.0 {
                painter.rect_filled(r.intersect(rect), 0.0, veil);
            }
        }
        if let Some(ring) = ring {
            painter.rect_stroke(
                t.rect(ring).expand(6.0),
                10.0 * st.zoom,
                egui::Stroke::new(4.0, accent),
                egui::StrokeKind::Outside,
            );
        }
        // When the label column is off screen, the names ride along the left
        // edge, level with their lanes.
        if labels.is_none_or(|l| l.max.x < rect.min.x + 40.0) {
            lane_names_on_edge(ui, &painter, bp, layout, t, rect, fr, dark);
        }
    }
    if st.laser
        && let Some(p) = ui.input(|i| i.pointer.hover_pos())
        && rect.contains(p)
    {
        painter.circle_filled(p, 14.0, Color32::from_rgba_unmultiplied(255, 0, 0, 60));
        painter.circle_filled(p, 6.0, Color32::from_rgb(230, 20, 20));
    }
    if st.focus.is_some() {
        return_cache(st, cache);
        return;
    }

    // Zoom buttons in the corner.
    let corner =
        egui::Rect::from_min_size(rect.right_bottom() - vec2(150.0, 40.0), vec2(140.0, 30.0));
    ui.scope_builder(egui::UiBuilder::new().max_rect(corner), |ui| {
        ui.horizontal(|ui| {
            if ui
                .button("-")
                .on_hover_text(Msg::CmdZoomOut.text(lang))
                .clicked()
            {
                actions.push(Action::Command(UiCommand::ZoomOut));
            }
            ui.label(format!("{:.0}%", st.zoom * 100.0));
            if ui
                .button("+")
                .on_hover_text(Msg::CmdZoomIn.text(lang))
                .clicked()
            {
                actions.push(Action::Command(UiCommand::ZoomIn));
            }
            if ui
                .button(Msg::CmdFit.text(lang))
                .on_hover_text(Msg::CmdZoomFit.text(lang))
                .clicked()
            {
                actions.push(Action::Command(UiCommand::ZoomFit));
            }
        });
    });
    return_cache(st, cache);
}

fn return_cache(st: &mut CanvasState, cache: Cache) {
    st.cache = Some(cache);
}

fn standards_tooltip(ui: &mut egui::Ui, bp: &Blueprint, tp: &Touchpoint, lang: Language) {
    ui.strong(&tp.title);
    let mut any = false;
    for s in bp.standards_of(&tp.id) {
        any = true;
        let latest = s
            .latest()
            .map_or_else(|| "—".to_owned(), |m| format!("{} {}", m.value, s.unit));
        ui.label(format!(
            "• {} — {} ({})",
            s.statement,
            latest,
            i18n::compliance(s.compliance()).text(lang)
        ));
    }
    if !any {
        ui.weak(Msg::TooltipNoStandards.text(lang));
    }
}

/// Lane names along the left edge of the canvas, in the focus' rows.
#[allow(clippy::too_many_arguments)]
fn lane_names_on_edge(
    ui: &egui::Ui,
    painter: &egui::Painter,
    bp: &Blueprint,
    layout: &Layout,
    t: UiFromScene,
    rect: egui::Rect,
    focus: egui::Rect,
    dark: bool,
) {
    let ink = if dark {
        Color32::WHITE
    } else {
        Color32::from_rgb(0x1f, 0x29, 0x33)
    };
    // As large as the cards' titles, within reason.
    let font = egui::FontId::new(
        (14.0 * t.zoom).clamp(16.0, 30.0),
        egui::FontFamily::Name(crate::render::egui::BOLD_FAMILY.into()),
    );
    for lane in &layout.lanes {
        let band = t.rect(lane.rect).intersect(focus).intersect(rect);
        if band.height() < 24.0 {
            continue;
        }
        let Some(model) = bp.lanes.iter().find(|l| l.id == lane.id) else {
            continue;
        };
        // The lane's own colour, opaque, so the name reads over what is under it.
        let c = model.colour;
        let fill = if dark {
            Color32::from_black_alpha(215)
        } else {
            Color32::from_rgb(c.r, c.g, c.b)
        };
        let galley = ui.fonts_mut(|f| {
            f.layout(
                model.name.clone(),
                font.clone(),
                ink,
                (rect.width() / 5.0).clamp(120.0, 260.0),
            )
        });
        let at = egui::pos2(rect.min.x + 10.0, band.center().y - galley.size().y / 2.0);
        let chip = egui::Rect::from_min_size(at, galley.size()).expand2(vec2(8.0, 4.0));
        painter.rect(
            chip,
            6.0,
            fill,
            egui::Stroke::new(1.0, ink.gamma_multiply(0.35)),
            egui::StrokeKind::Outside,
        );
        painter.galley(at, galley, ink);
    }
}

/// A card or note being dragged: drawn under the pointer, with the cell it
/// would go to.
struct Ghost {
    /// The pointer, on the diagram.
    at: Pos,
    /// Where the pointer holds it, from its corner.
    grab: Pos,
    size: (f32, f32),
    radius: f32,
    to_cell: bool,
}

impl Ghost {
    fn paint(
        &self,
        ui: &egui::Ui,
        painter: &egui::Painter,
        layout: &Layout,
        t: UiFromScene,
        accent: Color32,
    ) {
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

/// The context menu of a sticky note: its text, colour, pin, votes.
fn note_menu(
    ui: &mut egui::Ui,
    layout: &Layout,
    nb: &layout::NoteBox,
    note: &Note,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    let mut n = note.clone();
    let l = ui.label(t(Msg::NoteText)).id;
    let r = ui
        .add(
            egui::TextEdit::multiline(&mut n.text)
                .desired_rows(3)
                .desired_width(240.0),
        )
        .labelled_by(l);
    if r.changed() {
        actions.push(Action::Typing(Edit::SetNote(n.clone())));
    }
    ui.horizontal(|ui| {
        ui.label(t(Msg::NoteColourLabel));
        for c in NoteColour::ALL {
            if ui
                .selectable_label(n.colour == c, super::present::colour_name(c).text(lang))
                .clicked()
                && n.colour != c
            {
                n.colour = c;
                actions.push(Action::Edit(Edit::SetNote(n.clone())));
            }
        }
    });
    ui.separator();
    if n.cell().is_some() {
        if ui.button(t(Msg::NoteUnpin)).clicked() {
            // Loose where it lies now, a little aside so it is seen to come off.
            n.unpin(Point::rounded(nb.rect.min.x + 12.0, nb.rect.min.y + 12.0));
            actions.push(Action::Edit(Edit::SetNote(n.clone())));
            ui.close();
        }
    } else {
        let cell = layout.cell_at(nb.rect.center());
        if ui
            .add_enabled(cell.is_some(), egui::Button::new(t(Msg::NotePin)))
            .clicked()
            && let Some((lane, step)) = cell
        {
            n.pin(lane, step);
            actions.push(Action::Edit(Edit::SetNote(n.clone())));
            ui.close();
        }
    }
    if n.votes > 0 && ui.button(t(Msg::NoteClearVotes)).clicked() {
        n.votes = 0;
        actions.push(Action::Edit(Edit::SetNote(n.clone())));
        ui.close();
    }
    if ui.button(t(Msg::DeleteNote)).clicked() {
        actions.push(Action::Edit(Edit::DeleteNote(n.id.clone())));
        ui.close();
    }
}

fn card_menu(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    tp: &Touchpoint,
    lang: Language,
    st: &mut CanvasState,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    let toggle = |ui: &mut egui::Ui, on: bool, cmd: UiCommand, actions: &mut Vec<Action>| {
        let mut v = on;
        if ui.checkbox(&mut v, cmd.text().text(lang)).clicked() {
            actions.push(Action::Select(vec![tp.id.clone()]));
            actions.push(Action::Command(cmd));
            ui.close();
        }
    };
    toggle(
        ui,
        tp.moment_of_truth == MomentOfTruth::Moment,
        UiCommand::ToggleMoment,
        actions,
    );
    toggle(
        ui,
        tp.moment_of_truth == MomentOfTruth::Critical,
        UiCommand::ToggleCritical,
        actions,
    );
    toggle(ui, tp.fail_point, UiCommand::ToggleFail, actions);
    toggle(ui, tp.wait_point, UiCommand::ToggleWait, actions);
    ui.separator();
    if ui.button(t(Msg::CmdConnectFrom)).clicked() {
        st.connecting = Some(tp.id.clone());
        ui.close();
    }
    for c in bp
        .connectors
        .iter()
        .filter(|c| c.from == tp.id || c.to == tp.id)
    {
        let other = if c.from == tp.id { &c.to } else { &c.from };
        let name = bp.touchpoint(other).map_or("", |o| o.title.as_str());
        let arrow = if c.from == tp.id { "->" } else { "<-" };
        ui.menu_button(format!("{arrow} {name}"), |ui| {
            for kind in [
                ConnectorKind::Flow,
                ConnectorKind::Dependency,
                ConnectorKind::Feedback,
            ] {
                if ui
                    .radio(c.kind == kind, i18n::connector_kind(kind).text(lang))
                    .clicked()
                {
                    actions.push(Action::Edit(Edit::SetConnectorKind {
                        id: c.id.clone(),
                        kind,
                    }));
                    ui.close();
                }
            }
            if ui.button(t(Msg::CmdDelete)).clicked() {
                actions.push(Action::Edit(Edit::DeleteConnector(c.id.clone())));
                ui.close();
            }
        });
    }
    ui.separator();
    if ui.button(t(Msg::CmdDuplicate)).clicked() {
        actions.push(Action::Select(vec![tp.id.clone()]));
        actions.push(Action::Command(UiCommand::Duplicate));
        ui.close();
    }
    if ui.button(t(Msg::CmdDelete)).clicked() {
        actions.push(Action::Edit(Edit::DeleteTouchpoints(vec![tp.id.clone()])));
        ui.close();
    }
}

/// A rename field with an OK button; returns the new name when confirmed.
fn rename_field(
    ui: &mut egui::Ui,
    current: &str,
    buffer: &mut String,
    lang: Language,
) -> Option<String> {
    if buffer.is_empty() {
        *buffer = current.to_owned();
    }
    let mut out = None;
    ui.horizontal(|ui| {
        let l = ui.label(Msg::CmdRename.text(lang)).id;
        let r = ui
            .add(egui::TextEdit::singleline(buffer).desired_width(180.0))
            .labelled_by(l);
        let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if (ui.button(Msg::CmdRename.text(lang)).clicked() || enter) && !buffer.trim().is_empty() {
            out = Some(buffer.trim().to_owned());
        }
    });
    out
}

/// The context menu of a lane label, a step header or a stage header.
fn header_menu(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    layout: &Layout,
    at: Pos,
    lang: Language,
    (rename, draft): (&mut String, &mut String),
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    if let Some(lane) = layout.lane_at(at).and_then(|l| bp.lane(&l.id)) {
        ui.label(egui::RichText::new(&lane.name).strong());
        if let Some(name) = rename_field(ui, &lane.name, rename, lang) {
            actions.push(Action::Edit(Edit::RenameLane {
                id: lane.id.clone(),
                name,
            }));
            ui.close();
        }
        for (m, by) in [(Msg::CmdMoveUp, -1), (Msg::CmdMoveDown, 1)] {
            if ui.button(t(m)).clicked() {
                actions.push(Action::Edit(Edit::MoveLane {
                    id: lane.id.clone(),
                    by,
                }));
                ui.close();
            }
        }
        if ui.button(t(Msg::CmdHide)).clicked() {
            actions.push(Action::Edit(Edit::SetLaneHidden {
                id: lane.id.clone(),
                hidden: true,
            }));
            ui.close();
        }
        if ui.button(t(Msg::CmdDelete)).clicked() {
            actions.push(Action::Edit(Edit::DeleteLane(lane.id.clone())));
            ui.close();
        }
        if let Some((_, step)) = layout.cell_at(at) {
            if ui.button(t(Msg::CmdAddTouchpoint)).clicked() {
                actions.push(Action::AddTouchpointAt {
                    lane: lane.id.clone(),
                    step: step.clone(),
                });
                ui.close();
            }
            // A sticky note: written here, then pinned to the cell or left
            // loose where the menu was opened.
            ui.separator();
            let l = ui.label(t(Msg::NoteText)).id;
            ui.add(
                egui::TextEdit::multiline(draft)
                    .desired_rows(2)
                    .desired_width(220.0),
            )
            .labelled_by(l);
            ui.horizontal(|ui| {
                let colour = NoteColour::default();
                if ui.button(t(Msg::AddNote)).clicked() {
                    let text = std::mem::take(draft);
                    let note = Note::pinned(lane.id.clone(), step, text, colour);
                    actions.push(Action::Edit(Edit::AddNote(note)));
                    ui.close();
                }
                if ui.button(t(Msg::AddLooseNote)).clicked() {
                    let place = Point::rounded(at.x, at.y);
                    let note = Note::loose(place, std::mem::take(draft), colour);
                    actions.push(Action::Edit(Edit::AddNote(note)));
                    ui.close();
                }
            });
        }
        return;
    }
    if let Some(sb) = layout.step_header_at(at)
        && let Some((stage, step)) = bp.steps().find(|(_, s)| s.id == sb.id)
    {
        ui.label(egui::RichText::new(&step.name).strong());
        if let Some(name) = rename_field(ui, &step.name, rename, lang) {
            actions.push(Action::Edit(Edit::RenameStep {
                id: step.id.clone(),
                name,
            }));
            ui.close();
        }
        add_step_button(ui, &stage.id, lang, actions);
        for (m, by) in [(Msg::CmdMoveLeft, -1), (Msg::CmdMoveRight, 1)] {
            if ui.button(t(m)).clicked() {
                actions.push(Action::Edit(Edit::MoveStep {
                    id: step.id.clone(),
                    by,
                }));
                ui.close();
            }
        }
        if ui.button(t(Msg::CmdDelete)).clicked() {
            actions.push(Action::Edit(Edit::DeleteStep(step.id.clone())));
            ui.close();
        }
        return;
    }
    if let Some(sb) = layout.stage_at(at)
        && let Some(stage) = bp.stages.iter().find(|s| s.id == sb.id)
    {
        ui.label(egui::RichText::new(&stage.name).strong());
        if let Some(name) = rename_field(ui, &stage.name, rename, lang) {
            actions.push(Action::Edit(Edit::RenameStage {
                id: stage.id.clone(),
                name,
            }));
            ui.close();
        }
        add_step_button(ui, &stage.id, lang, actions);
        for (m, by) in [(Msg::CmdMoveLeft, -1), (Msg::CmdMoveRight, 1)] {
            if ui.button(t(m)).clicked() {
                actions.push(Action::Edit(Edit::MoveStage {
                    id: stage.id.clone(),
                    by,
                }));
                ui.close();
            }
        }
        if ui.button(t(Msg::CmdDelete)).clicked() {
            actions.push(Action::Edit(Edit::DeleteStage(stage.id.clone())));
            ui.close();
        }
        return;
    }
    structure_menu(ui, bp, lang, actions);
}

/// A button that adds a step at the end of a stage.
fn add_step_button(ui: &mut egui::Ui, stage: &StageId, lang: Language, actions: &mut Vec<Action>) {
    if ui.button(Msg::CmdAddStep.text(lang)).clicked() {
        let step = Step {
            id: StepId::generate(),
            name: Msg::NewStep.text(lang).to_owned(),
            duration_min: None,
        };
        actions.push(Action::Edit(Edit::AddStep {
            stage: stage.clone(),
            step,
        }));
        ui.close();
    }
}

/// Adding lanes and stages, showing hidden lanes and optional lines.
pub fn structure_menu(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    ui.menu_button(t(Msg::MenuAddLane), |ui| {
        for kind in LaneKind::ALL {
            if ui.button(i18n::lane_kind(kind).text(lang)).clicked() {
                let lane = Lane {
                    id: LaneId::generate(),
                    kind,
                    name: i18n::lane_kind(kind).text(lang).to_owned(),
                    colour: Colour::rgb(0xf1, 0xf3, 0xf5),
                    hidden: false,
                };
                actions.push(Action::Edit(Edit::AddLane(lane)));
                ui.close();
            }
        }
    });
    if ui.button(t(Msg::CmdAddStage)).clicked() {
        let stage = Stage {
            id: StageId::generate(),
            name: t(Msg::NewStage).to_owned(),
            steps: vec![Step {
                id: StepId::generate(),
                name: t(Msg::NewStep).to_owned(),
                duration_min: None,
            }],
        };
        actions.push(Action::Edit(Edit::AddStage(stage)));
        ui.close();
    }
    for lane in bp.lanes.iter().filter(|l| l.hidden) {
        if ui
            .button(Msg::CmdShowLine.fill(lang, &[&lane.name]))
            .clicked()
        {
            actions.push(Action::Edit(Edit::SetLaneHidden {
                id: lane.id.clone(),
                hidden: false,
            }));
            ui.close();
        }
    }
    let last = bp.lanes.last().map(|l| l.id.clone());
    for kind in [LineKind::OrderPenetration, LineKind::Implementation] {
        let shown = bp.line(kind).is_some_and(|l| l.shown);
        let mut v = shown;
        if let Some(last) = &last
            && ui
                .checkbox(&mut v, i18n::line_kind(kind).text(lang))
                .clicked()
        {
            let after = bp.line(kind).map_or(last.clone(), |l| l.after_lane.clone());
            actions.push(Action::Edit(Edit::SetLineShown {
                kind,
                shown: v,
                after_lane: after,
            }));
            ui.close();
        }
    }
}
