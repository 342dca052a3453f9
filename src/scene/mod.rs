//! What the diagram looks like: layout and theme become a flat list of
//! drawing primitives. The canvas, the SVG and the PNG all draw this list, so
//! nothing about the look of a blueprint is decided twice.

use crate::check::{self, Rollup};
use crate::font;
use crate::i18n::{self, Msg};
use crate::layout::{Layout, Pos, Rect, pos};
use crate::model::index::IdIndex;
use crate::model::*;
use foldhash::{HashMap, HashMapExt};
use std::ops::Range;

pub use primitives::{Anchor, Dash, Rgba, Shape, Stroke};
pub use theme::Theme;

/// What a primitive belongs to, for the editor.
#[derive(Clone, Debug, PartialEq)]
pub enum Owner {
    None,
    Touchpoint(TouchpointId),
    Connector(ConnectorId),
}

/// A primitive and what it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    pub shape: Shape,
    pub owner: Owner,
    /// What the shape covers, worked out once so painters can cull cheaply.
    pub bounds: Rect,
    /// A label's backing (a connector's or a line's pill): the size of the
    /// text it backs, so a painter that leaves the text out at a small zoom
    /// leaves the empty pill out too.
    pub backs_text: Option<f32>,
    /// The whole text a shape stands for where it is drawn cut: on a card's
    /// first shape, its title when the card cannot show all of it. Not
    /// painted; writers of selectable text (SVG, and the PDF through it)
    /// write it, so that no export cuts a title silently.
    pub full_text: Option<Box<str>>,
}

impl Item {
    /// The item moved by `d` (a card whose place changed in an edit): the
    /// same as drawing it there but for rounding in the last bits of its
    /// coordinates, and far cheaper than measuring its text again.
    pub fn translate(&mut self, d: Pos) {
        let by = |p: &mut Pos| {
            p.x += d.x;
            p.y += d.y;
        };
        self.shape.points_mut(by);
        by(&mut self.bounds.min);
        by(&mut self.bounds.max);
    }
}

/// Everything to draw, in painting order.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub size: Pos,
    pub background: Rgba,
    pub items: Vec<Item>,
    /// For each card of the layout, in its order, the items the card is drawn
    /// with (empty where its touchpoint is missing), for [`rebuild_cards`].
    pub cards: Vec<Range<usize>>,
    /// For each card, what its items were made from ([`card_key`]), so the
    /// scene after an edit can take over the cards that did not change.
    pub card_keys: Vec<u64>,
}

struct Builder<'a> {
    items: Vec<Item>,
    theme: &'a Theme,
    lang: Language,
    owner: Owner,
}

impl Builder<'_> {
    fn push(&mut self, shape: Shape) {
        let bounds = shape.bounds();
        self.items.push(Item {
            shape,
            owner: self.owner.clone(),
            bounds,
            backs_text: None,
            full_text: None,
        });
    }
    /// A label's backing: drawn only where its text (of `size`) is.
    fn pill(&mut self, rect: Rect, radius: f32, fill: Rgba, stroke: Stroke, size: f32) {
        self.rect(rect, radius, Some(fill), Some(stroke));
        if let Some(item) = self.items.last_mut() {
            item.backs_text = Some(size);
        }
    }
    fn rect(&mut self, rect: Rect, radius: f32, fill: Option<Rgba>, stroke: Option<Stroke>) {
        self.push(Shape::Rect {
            rect,
            radius,
            fill,
            stroke,
        });
    }
    fn line(&mut self, points: Vec<Pos>, stroke: Stroke) {
        self.push(Shape::Path { points, stroke });
    }
    fn text(
        &mut self,
        p: Pos,
        text: impl Into<String>,
        size: f32,
        bold: bool,
        colour: Rgba,
        anchor: Anchor,
    ) {
        let text: String = text.into();
        if !text.is_empty() {
            self.push(Shape::Text {
                pos: p,
                text: text.into(),
                size,
                bold,
                colour,
                anchor,
            });
        }
    }
    /// Lines of text with their first baseline at `top + ascent`.
    #[allow(clippy::too_many_arguments)]
    fn lines(
        &mut self,
        lines: Vec<String>,
        x: f32,
        top: f32,
        size: f32,
        bold: bool,
        colour: Rgba,
        anchor: Anchor,
    ) {
        let m = font::metrics(bold);
        let lh = size * 1.25;
        for (i, l) in lines.into_iter().enumerate() {
            self.text(
                pos(x, top + m.ascent * size + i as f32 * lh),
                l,
                size,
                bold,
                colour,
                anchor,
            );
        }
    }
    fn t(&self, m: Msg) -> &'static str {
        m.text(self.lang)
    }
}

/// A duration or a wait, as the language writes it: `5.6` / `5,6`.
fn fmt_num(v: f64, lang: Language) -> String {
    i18n::decimal(v, 1, lang)
}

/// What the editor lays over the diagram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Overlay {
    /// Cards tinted by the worst compliance of their standards.
    pub compliance_view: bool,
    /// Touchpoints with health-check findings, and whether one is an error.
    pub flagged: HashMap<TouchpointId, bool>,
}

impl Overlay {
    /// The health-check findings of a blueprint, by touchpoint (findings on a
    /// standard or a connector mark its touchpoint).
    pub fn with_findings(bp: &Blueprint, findings: &[check::Finding]) -> Self {
        let mut flagged: HashMap<TouchpointId, bool> = HashMap::new();
        // Standards and connectors by id, looked up only if a finding needs them.
        let mut standards = None;
        let mut connectors = None;
        let mut actions = None;
        for f in findings {
            let tp = match &f.element {
                check::Element::Touchpoint(id) => Some(id),
                check::Element::Standard(id) => standards
                    .get_or_insert_with(|| IdIndex::new(bp.standards.iter().map(|s| s.id.as_str())))
                    .get(id.as_str())
                    .map(|i| &bp.standards[i].touchpoint),
                check::Element::Connector(id) => connectors
                    .get_or_insert_with(|| {
                        IdIndex::new(bp.connectors.iter().map(|c| c.id.as_str()))
                    })
                    .get(id.as_str())
                    .map(|i| &bp.connectors[i].from),
                // An action marks the card it is attached to.
                check::Element::Action(id) => actions
                    .get_or_insert_with(|| IdIndex::new(bp.actions.iter().map(|a| a.id.as_str())))
                    .get(id.as_str())
                    .and_then(|i| bp.actions[i].attached_to.as_ref())
                    .and_then(|to| match to {
                        Attachment::Standard(s) => standards
                            .get_or_insert_with(|| {
                                IdIndex::new(bp.standards.iter().map(|s| s.id.as_str()))
                            })
                            .get(s.as_str())
                            .map(|i| &bp.standards[i].touchpoint),
                        other => bp.attachment_touchpoint(other),
                    }),
                _ => None,
            };
            if let Some(tp) = tp {
                let error = f.severity == check::Severity::Error;
                match flagged.get_mut(tp) {
                    Some(e) => *e |= error,
                    None => {
                        flagged.insert(tp.clone(), error);
                    }
                }
            }
        }
        Self {
            compliance_view: false,
            flagged,
        }
    }
}

/// Builds the scene of a blueprint laid out by [`crate::layout::layout`].
pub fn scene(bp: &Blueprint, layout: &Layout, theme: &Theme, lang: Language) -> Scene {
    scene_with(bp, layout, theme, lang, &Overlay::default())
}

/// Builds the scene with the editor's overlay: problem markers on cards and
/// the compliance view.
pub fn scene_with(
    bp: &Blueprint,
    layout: &Layout,
    theme: &Theme,
    lang: Language,
    overlay: &Overlay,
) -> Scene {
    scene_after(bp, layout, theme, lang, overlay, None)
}

/// [`scene_with`], taking over from `previous` (the scene before an edit,
/// in the same theme, language and tint) the cards that did not change.
pub fn scene_after(
    bp: &Blueprint,
    layout: &Layout,
    theme: &Theme,
    lang: Language,
    overlay: &Overlay,
    previous: Option<Previous>,
) -> Scene {
    // Room for the items of a typical scene, so they are not moved as it grows.
    let items = layout.cards.len() * 8
        + layout.routes.len() * 3
        + layout.steps.len() * 5
        + layout.stages.len() * 2
        + layout.lanes.len() * 8
        + layout.notes.len() * 6
        + 128;
    let mut b = Builder {
        items: Vec::with_capacity(items),
        theme,
        lang,
        owner: Owner::None,
    };
    let th = *theme;
    let ix = bp.index();

    // Title.
    let title = font::clip(&bp.title, 22.0, true, layout.title.width());
    b.text(
        pos(layout.title.min.x, layout.title.min.y + 26.0),
        title,
        22.0,
        true,
        th.text,
        Anchor::Start,
    );
    let rollup = check::compliance_of_blueprint(bp);
    let sub = format!(
        "{} · {} · {}",
        b.t(i18n::contact_level(bp.contact_level)),
        i18n::Plural::Touchpoints.count(lang, bp.touchpoints.len()),
        i18n::standards_met(rollup.met_or_exceeded(), rollup.total(), lang)
    );
    b.text(
        pos(layout.title.min.x, layout.title.min.y + 46.0),
        sub,
        12.0,
        false,
        th.muted,
        Anchor::Start,
    );

    // Stage and step headers.
    for (i, s) in layout.stages.iter().enumerate() {
        let stage = ix.stage(&s.id);
        let fill = if i % 2 == 0 {
            th.header
        } else {
            th.header.mix(th.grid, 0.5)
        };
        b.rect(s.rect, 0.0, Some(fill), Some(Stroke::solid(1.0, th.grid)));
        let name = stage.map_or("", |x| x.name.as_str());
        let text = font::clip(name, 13.0, true, s.rect.width() - 12.0);
        b.text(
            pos(s.rect.min.x + 10.0, s.rect.center().y + 4.5),
            text,
            13.0,
            true,
            th.text,
            Anchor::Start,
        );
    }
    let steps: Vec<&Step> = bp.steps().map(|(_, s)| s).collect();
    for (sb, step) in layout.steps.iter().zip(&steps) {
        b.rect(
            sb.header,
            0.0,
            Some(th.background),
            Some(Stroke::solid(1.0, th.grid)),
        );
        let mut name = font::wrap(&step.name, 12.0, false, sb.header.width() - 16.0, 2);
        if let Some(d) = step.duration_min
            && name.len() < 2
        {
            name.push(format!("{} min", fmt_num(d, b.lang)));
        }
        let top = sb.header.center().y - name.len() as f32 * 7.5;
        b.lines(
            name,
            sb.header.center().x,
            top,
            12.0,
            false,
            th.text,
            Anchor::Middle,
        );
    }

    // Lanes.
    for lane_box in &layout.lanes {
        let Some(lane) = ix.lane(&lane_box.id) else {
            continue;
        };
        let fill = th.lane_fill(lane.colour);
        b.rect(lane_box.rect, 0.0, Some(fill), None);
        b.rect(
            lane_box.label,
            0.0,
            Some(fill.mix(th.text, if th.dark { 0.06 } else { 0.05 })),
            None,
        );
        let name = font::wrap(&lane.name, 13.0, true, lane_box.label.width() - 24.0, 3);
        let kind = font::wrap(
            b.t(i18n::lane_kind(lane.kind)),
            10.5,
            false,
            lane_box.label.width() - 24.0,
            2,
        );
        let block = name.len() as f32 * 16.25 + 4.0 + kind.len() as f32 * 13.1;
        let top = lane_box.label.center().y - block / 2.0;
        let name_lines = name.len() as f32;
        let show_kind =
            lane.kind != LaneKind::Custom && !kind.concat().eq_ignore_ascii_case(&name.concat());
        b.lines(
            name,
            lane_box.label.min.x + 12.0,
            top,
            13.0,
            true,
            th.text,
            Anchor::Start,
        );
        if show_kind {
            b.lines(
                kind,
                lane_box.label.min.x + 12.0,
                top + name_lines * 16.25 + 4.0,
                10.5,
                false,
                th.muted,
                Anchor::Start,
            );
        }
        b.line(
            vec![
                pos(lane_box.rect.min.x, lane_box.rect.max.y),
                pos(lane_box.rect.max.x, lane_box.rect.max.y),
            ],
            Stroke::solid(1.0, th.grid),
        );
    }
    // Step columns.
    for sb in &layout.steps {
        b.line(
            vec![
                pos(sb.column.min.x, sb.column.min.y),
                pos(sb.column.min.x, sb.column.max.y),
            ],
            Stroke {
                width: 1.0,
                colour: th.grid,
                dash: Dash::Dashed,
            },
        );
    }
    b.rect(
        Rect {
            min: layout.grid.min,
            max: layout.grid.max,
        }
        .union(&Rect {
            min: pos(
                layout.grid.min.x - crate::layout::metrics::LABEL_W,
                layout.grid.min.y,
            ),
            max: layout.grid.min,
        }),
        0.0,
        None,
        Some(Stroke::solid(1.0, th.grid)),
    );

    // The lines of the method.
    for line in &layout.lines {
        let (width, dash) = match line.kind {
            LineKind::Interaction => (2.0, Dash::Solid),
            LineKind::Visibility => (2.5, Dash::Dashed),
            LineKind::InternalInteraction => (2.0, Dash::Dotted),
            LineKind::OrderPenetration | LineKind::Implementation => (1.5, Dash::DashDot),
        };
        b.line(
            vec![pos(line.x0, line.y), pos(line.x1, line.y)],
            Stroke {
                width,
                colour: th.line,
                dash,
            },
        );
        let label = b.t(i18n::line_kind(line.kind));
        let w = font::metrics(true).width(label, 10.5) + 14.0;
        // On the line, in the label column, clear of the cards.
        let r = Rect::from_xywh(line.x0 + 6.0, line.y - 9.0, w, 18.0);
        b.pill(r, 9.0, th.background, Stroke::solid(1.0, th.line), 10.5);
        b.text(
            pos(r.center().x, r.center().y + 3.8),
            label,
            10.5,
            true,
            th.line,
            Anchor::Middle,
        );
    }

    // Connectors, under the cards.
    for route in &layout.routes {
        let Some(c) = bp.connectors.get(route.index) else {
            continue;
        };
        if route.points.len() < 2 {
            continue;
        }
        b.owner = Owner::Connector(route.id.clone());
        let (colour, dash) = match route.kind {
            ConnectorKind::Flow => (th.connector, Dash::Solid),
            ConnectorKind::Dependency => (th.connector, Dash::Dashed),
            ConnectorKind::Feedback => (th.feedback, Dash::Solid),
        };
        let n = route.points.len();
        let head = arrow_head(route.points[n - 2], route.points[n - 1], 8.0);
        let mut pts = route.points.clone();
        // Stop the line at the base of the arrow head.
        pts[n - 1] = pos((head[1].x + head[2].x) / 2.0, (head[1].y + head[2].y) / 2.0);
        b.line(
            pts,
            Stroke {
                width: 1.4,
                colour,
                dash,
            },
        );
        b.push(Shape::Polygon {
            points: head,
            fill: Some(colour),
            stroke: None,
        });
        if !c.label.is_empty() {
            let text = font::clip(&c.label, 10.0, false, 140.0);
            let w = font::metrics(false).width(&text, 10.0) + 10.0;
            let r = Rect::from_xywh(route.label_at.x - w / 2.0, route.label_at.y - 8.0, w, 16.0);
            b.pill(r, 4.0, th.background, Stroke::solid(0.8, colour), 10.0);
            b.text(
                pos(route.label_at.x, route.label_at.y + 3.5),
                text,
                10.0,
                false,
                colour,
                Anchor::Middle,
            );
        }
    }
    b.owner = Owner::None;

    // Cards: on a large document, in two halves side by side.
    let (cards, card_keys) = reuse::cards(&mut b, bp, layout, overlay, previous);
    // Sticky notes pinned to cells.
    for nb in layout.notes.iter().filter(|n| !n.loose) {
        if let Some(note) = bp.notes.get(nb.index).filter(|n| n.id == nb.id) {
            sticky_note(&mut b, note, nb);
        }
    }
    if let Some(e) = &layout.emotion {
        emotion(&mut b, e);
    }
    if layout.legend.width() > 0.0 {
        legend(&mut b, layout.legend);
    }
    // Loose notes lie over everything.
    for nb in layout.notes.iter().filter(|n| n.loose) {
        if let Some(note) = bp.notes.get(nb.index).filter(|n| n.id == nb.id) {
            sticky_note(&mut b, note, nb);
        }
    }
    Scene {
        size: layout.size,
        background: th.background,
        items: b.items,
        cards,
        card_keys,
    }
}

mod marks;
mod photos;
mod primitives;
mod reuse;
mod theme;
use marks::*;
pub use marks::{fail_badge, rebuild_cards};
pub use reuse::{Previous, card_key};

#[cfg(test)]
mod compare;
#[cfg(test)]
pub(crate) use compare::{close, difference};
#[cfg(test)]
mod tests;
