//! The marks a comparison lays on the canvas: an outline and a badge on
//! each card added, changed or moved here, and ghosts of the cards removed
//! here, drawn faded and dashed where the other version had them. Where
//! each goes is worked out once a revision ([`Marks::of`]); a frame paints
//! those on screen only.

use crate::layout::{self, Layout};
use crate::model::{Blueprint, ElementKind, Touchpoint, TouchpointId};
use crate::render::egui::UiFromScene;
use crate::scene::{Rgba, Theme};
use crate::versions::{Change, ChangeLine, What};
use egui::{Color32, Stroke, vec2};
use foldhash::{HashMap, HashMapExt};

/// What happened to a card, as the canvas marks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Added,
    Removed,
    Changed,
    Moved,
}

impl Mark {
    pub const ALL: [Mark; 4] = [Mark::Added, Mark::Removed, Mark::Changed, Mark::Moved];

    /// The badge's sign.
    pub fn sign(self) -> &'static str {
        match self {
            Mark::Added => "+",
            Mark::Removed => "−",
            Mark::Changed => "~",
            Mark::Moved => "»",
        }
    }

    /// The colour of its outline and badge, from the diagram's theme (and
    /// egui's link colour for a move).
    pub fn colour(self, theme: &Theme, visuals: &egui::Visuals) -> Color32 {
        let c = |c: Rgba| Color32::from_rgb(c.0[0], c.0[1], c.0[2]);
        match self {
            Mark::Added => c(theme.met),
            Mark::Removed => c(theme.missed),
            Mark::Changed => c(theme.at_risk),
            Mark::Moved => visuals.hyperlink_color,
        }
    }

    /// Its name in the legend.
    pub fn legend(self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            Mark::Added => Msg::CompareAdded,
            Mark::Removed => Msg::CompareRemoved,
            Mark::Changed => Msg::CompareChanged,
            Mark::Moved => Msg::CompareMoved,
        }
    }
}

/// Where the canvas goes for a change.
#[derive(Clone, Debug, PartialEq)]
pub enum Place {
    Card(TouchpointId),
    Ghost(layout::Rect),
}

/// One marked box: a card, a note, or a ghost.
struct Boxed {
    rect: layout::Rect,
    marks: Vec<Mark>,
    /// The changes it shows, by index in the list.
    changes: Vec<usize>,
    /// A ghost's title (a removed card).
    ghost: Option<String>,
}

/// The marks for one revision.
#[derive(Default)]
pub struct Marks {
    boxes: Vec<Boxed>,
    of_card: HashMap<TouchpointId, usize>,
    places: Vec<Option<Place>>,
}

/// A ghost's size when no card gives one.
const GHOST_H: f32 = 44.0;
const GAP: f32 = 8.0;

impl Marks {
    /// Where the changes show on this document's layout.
    pub fn of(changes: &[Change], here: &Blueprint, other: &Blueprint, layout: &Layout) -> Self {
        let mut m = Marks {
            places: vec![None; changes.len()],
            ..Default::default()
        };
        let mut owner: HashMap<&str, &TouchpointId> = HashMap::new();
        let standards = other.standards.iter().chain(&here.standards);
        owner.extend(standards.map(|s| (s.id.as_str(), &s.touchpoint)));
        let notes: HashMap<&str, layout::Rect> = (layout.notes.iter())
            .map(|n| (n.id.as_str(), n.rect))
            .collect();
        let mut ghosts = Ghosts::new(layout);
        for (i, c) in changes.iter().enumerate() {
            let mark = match &c.what {
                What::Added { .. } => Mark::Added,
                What::Removed { .. } => Mark::Removed,
                What::Moved { .. } => Mark::Moved,
                What::Changed { .. } | What::Compliance { .. } => Mark::Changed,
            };
            match (c.kind, &c.what) {
                (ElementKind::Touchpoint, What::Removed { value }) => {
                    let Ok(tp) = serde_json::from_value::<Touchpoint>(value.clone()) else {
                        continue;
                    };
                    if let Some(rect) = ghosts.place(&tp) {
                        m.places[i] = Some(Place::Ghost(rect));
                        m.boxes.push(Boxed {
                            rect,
                            marks: vec![Mark::Removed],
                            changes: vec![i],
                            ghost: Some(crate::shown::shown_line(&tp.title, 60).into_owned()),
                        });
                    }
                }
                (ElementKind::Touchpoint, _) => m.card(i, &c.id.as_str().into(), mark, layout),
                (ElementKind::Standard | ElementKind::Measurement, _) => {
                    if let Some(&tp) = owner.get(c.id.as_str()) {
                        m.card(i, tp, Mark::Changed, layout);
                    }
                }
                (ElementKind::Note, _) => {
                    if let Some(&rect) = notes.get(c.id.as_str()) {
                        m.boxes.push(Boxed {
                            rect,
                            marks: vec![mark],
                            changes: vec![i],
                            ghost: None,
                        });
                    }
                }
                _ => {}
            }
        }
        m
    }

    /// Marks a card with change `i`.
    fn card(&mut self, i: usize, id: &TouchpointId, mark: Mark, layout: &Layout) {
        let Some(card) = layout.card(id) else { return };
        self.places[i] = Some(Place::Card(id.clone()));
        let at = *self.of_card.entry(id.clone()).or_insert_with(|| {
            self.boxes.push(Boxed {
                rect: card.rect,
                marks: Vec::new(),
                changes: Vec::new(),
                ghost: None,
            });
            self.boxes.len() - 1
        });
        let b = &mut self.boxes[at];
        b.changes.push(i);
        if !b.marks.contains(&mark) {
            b.marks.push(mark);
        }
    }

    /// Where change `i` shows, if on the canvas.
    pub fn place_of(&self, i: usize) -> Option<Place> {
        self.places.get(i).cloned().flatten()
    }

    /// The first mark of a touchpoint's card.
    pub fn mark_of(&self, id: &TouchpointId) -> Option<Mark> {
        let b = &self.boxes[*self.of_card.get(id)?];
        b.marks.first().copied()
    }

    /// The changes to a card, for its tooltip.
    pub fn card_tooltip(&self, ui: &mut egui::Ui, id: &TouchpointId, lines: &[ChangeLine]) {
        if let Some(&n) = self.of_card.get(id) {
            ui.separator();
            tooltip(ui, &self.boxes[n].changes, lines);
        }
    }

    /// Paints the marks on screen, and the changes of the one under the
    /// pointer in a tooltip.
    pub fn paint(&self, ui: &mut egui::Ui, screen: (egui::Rect, UiFromScene), paint: Paint) {
        let (clip, t) = screen;
        let painter = ui.painter_at(clip);
        let visible = t.inverse_rect(clip);
        let pointer = ui.input(|i| i.pointer.hover_pos());
        let mut hovered = None;
        for (n, b) in self.boxes.iter().enumerate() {
            if !b.rect.intersects(&visible) {
                continue;
            }
            let r = t.rect(b.rect);
            let colours: Vec<Color32> = (b.marks.iter())
                .map(|m| m.colour(paint.theme, ui.visuals()))
                .collect();
            let first = colours.first().copied().unwrap_or(Color32::GRAY);
            if let Some(title) = &b.ghost {
                ghost(&painter, r, title, first, paint.theme, t.zoom);
            } else {
                painter.rect_stroke(
                    r.expand(3.0),
                    4.0,
                    Stroke::new(3.0, first),
                    egui::StrokeKind::Outside,
                );
            }
            for (k, (m, c)) in b.marks.iter().zip(&colours).enumerate() {
                let corner = if b.ghost.is_some() {
                    r.right_top() + vec2(-4.0, 12.0)
                } else {
                    r.right_top() + vec2(0.0, -6.0)
                };
                let at = corner + vec2(-8.0 - 18.0 * k as f32, 0.0);
                painter.circle_filled(at, 8.0, *c);
                let font = egui::FontId::proportional(12.0);
                painter.text(
                    at,
                    egui::Align2::CENTER_CENTER,
                    m.sign(),
                    font,
                    Color32::WHITE,
                );
            }
            let own_widget = b.ghost.is_none();
            if !own_widget && pointer.is_some_and(|p| r.contains(p)) {
                hovered = Some((n, r));
            }
        }
        if let Some((n, r)) = hovered {
            let b = &self.boxes[n];
            let id = egui::Id::unique(("compare-mark", n));
            let response = ui.interact(r, id, egui::Sense::hover());
            response.on_hover_ui(|ui| tooltip(ui, &b.changes, paint.lines));
        }
    }
}

/// What marks are painted with.
#[derive(Clone, Copy)]
pub struct Paint<'a> {
    pub theme: &'a Theme,
    pub lines: &'a [ChangeLine],
}

/// The most fields a tooltip lists.
const TOOLTIP_FIELDS: usize = 12;

/// A card's changes: each change's element and what happened, and each
/// field changed (old -> new), cut to a line.
pub(super) fn tooltip(ui: &mut egui::Ui, changes: &[usize], lines: &[ChangeLine]) {
    ui.set_max_width(480.0);
    let cut = |s: &str| crate::shown::shown_line(s, 160).into_owned();
    let mut fields = 0;
    for line in changes.iter().filter_map(|&i| lines.get(i)) {
        ui.strong(cut(&format!("{}: {}", line.element, line.what)));
        for f in &line.fields {
            fields += 1;
            if fields > TOOLTIP_FIELDS {
                ui.label("…");
                return;
            }
            ui.label(cut(&format!("  {f}")));
        }
    }
}

/// A removed card: faded, dashed, its title.
fn ghost(
    painter: &egui::Painter,
    r: egui::Rect,
    title: &str,
    c: Color32,
    theme: &Theme,
    zoom: f32,
) {
    painter.rect_filled(r, 4.0, c.gamma_multiply(0.12));
    let corners = [
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ];
    painter.extend(egui::Shape::dashed_line(
        &corners,
        Stroke::new(2.0, c.gamma_multiply(0.8)),
        6.0,
        4.0,
    ));
    if zoom >= 0.35 {
        let m = theme.muted;
        let text = Color32::from_rgb(m.0[0], m.0[1], m.0[2]).gamma_multiply(0.8);
        let font = egui::FontId::proportional((12.0 * zoom).clamp(8.0, 24.0));
        let galley = painter.layout(title.to_owned(), font, text, r.width() - 8.0);
        painter.galley(r.left_top() + vec2(4.0, 4.0), galley, text);
    }
}

/// Places ghosts under the cards of their cell, one under the other.
struct Ghosts<'a> {
    layout: &'a Layout,
    /// The lowest edge taken in each cell, by its lane and step.
    bottom: HashMap<(usize, usize), f32>,
    lanes: HashMap<&'a str, usize>,
    steps: HashMap<&'a str, usize>,
    width: Option<f32>,
}

impl<'a> Ghosts<'a> {
    fn new(layout: &'a Layout) -> Self {
        Self {
            layout,
            bottom: HashMap::new(),
            lanes: (layout.lanes.iter().enumerate())
                .map(|(i, l)| (l.id.as_str(), i))
                .collect(),
            steps: (layout.steps.iter().enumerate())
                .map(|(i, s)| (s.id.as_str(), i))
                .collect(),
            width: layout.cards.first().map(|c| c.rect.width()),
        }
    }

    /// Where a removed card's ghost goes, if its lane and step are here.
    fn place(&mut self, tp: &Touchpoint) -> Option<layout::Rect> {
        let lane = *self.lanes.get(tp.lane.as_str())?;
        let step = *self.steps.get(tp.step.as_str())?;
        if self.bottom.is_empty() {
            for c in &self.layout.cards {
                let b = self.bottom.entry((c.lane, c.step)).or_insert(c.rect.max.y);
                *b = b.max(c.rect.max.y);
            }
        }
        let (l, s) = (&self.layout.lanes[lane], &self.layout.steps[step]);
        let cell_w = s.column.width() - 2.0 * GAP;
        let w = self.width.unwrap_or(cell_w).min(cell_w).max(20.0);
        let top = self
            .bottom
            .get(&(lane, step))
            .copied()
            .unwrap_or(l.rect.min.y);
        let x = s.column.min.x + (s.column.width() - w) / 2.0;
        let rect = layout::Rect::from_xywh(x, top + GAP, w, GHOST_H);
        self.bottom.insert((lane, step), rect.max.y);
        Some(rect)
    }
}
