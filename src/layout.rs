//! Where everything of a blueprint is drawn: a pure function from the
//! document to geometry, shared by the canvas and the exporters, and the
//! hit-testing the editor needs. Units are diagram units: one unit is one
//! pixel at scale 1.

use crate::model::index::Groups;
use crate::model::*;
use foldhash::{HashMap, HashMapExt, HashSet};

pub mod notes;
mod route;
pub mod title;
mod way;
use route::route_connectors;
use way::InTheWay;

/// A point in diagram units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Pos {
    pub x: f32,
    pub y: f32,
}

/// Shorthand for a [`Pos`].
pub const fn pos(x: f32, y: f32) -> Pos {
    Pos { x, y }
}

/// An axis-aligned rectangle in diagram units.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub min: Pos,
    pub max: Pos,
}

impl Rect {
    /// The rectangle at `x, y` of size `w × h`.
    pub fn from_xywh(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self {
            min: pos(x, y),
            max: pos(x + w, y + h),
        }
    }
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }
    pub fn center(&self) -> Pos {
        pos(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }
    pub fn contains(&self, p: Pos) -> bool {
        p.x >= self.min.x && p.x <= self.max.x && p.y >= self.min.y && p.y <= self.max.y
    }
    pub fn intersects(&self, o: &Rect) -> bool {
        self.min.x <= o.max.x
            && o.min.x <= self.max.x
            && self.min.y <= o.max.y
            && o.min.y <= self.max.y
    }
    /// This rectangle grown by `d` on every side.
    pub fn expand(&self, d: f32) -> Rect {
        Rect {
            min: pos(self.min.x - d, self.min.y - d),
            max: pos(self.max.x + d, self.max.y + d),
        }
    }
    /// The smallest rectangle holding both.
    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            min: pos(self.min.x.min(o.min.x), self.min.y.min(o.min.y)),
            max: pos(self.max.x.max(o.max.x), self.max.y.max(o.max.y)),
        }
    }
}

/// The fixed measures of the diagram.
pub mod metrics {
    pub const MARGIN: f32 = 24.0;
    pub const TITLE_H: f32 = 56.0;
    pub const LABEL_W: f32 = 180.0;
    pub const STAGE_H: f32 = 34.0;
    pub const STEP_H: f32 = 48.0;
    pub const COL_W: f32 = 208.0;
    pub const CARD_W: f32 = 176.0;
    pub const CARD_H: f32 = 78.0;
    pub const CARD_GAP: f32 = 10.0;
    pub const LANE_PAD: f32 = 16.0;
    pub const MIN_LANE_H: f32 = CARD_H + 2.0 * LANE_PAD;
    pub const EMOTION_H: f32 = 150.0;
    pub const LEGEND_H: f32 = 44.0;
}
use metrics::*;

/// A lane band.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneBox {
    pub id: LaneId,
    pub kind: LaneKind,
    /// The whole band, label column included.
    pub rect: Rect,
    /// The label column at its left.
    pub label: Rect,
}

/// A stage header.
#[derive(Clone, Debug, PartialEq)]
pub struct StageBox {
    pub id: StageId,
    pub rect: Rect,
}

/// A step: its header and its column across the lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct StepBox {
    pub id: StepId,
    pub header: Rect,
    pub column: Rect,
}

/// A touchpoint card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardBox {
    pub id: TouchpointId,
    /// The touchpoint's position in `Blueprint::touchpoints`.
    pub index: usize,
    pub rect: Rect,
    pub lane: usize,
    pub step: usize,
}

/// A sticky note.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteBox {
    pub id: NoteId,
    /// The note's position in `Blueprint::notes`.
    pub index: usize,
    pub rect: Rect,
    /// A loose note, not pinned to a cell.
    pub loose: bool,
}

/// A line between lanes.
#[derive(Clone, Debug, PartialEq)]
pub struct LineBox {
    pub kind: LineKind,
    pub y: f32,
    pub x0: f32,
    pub x1: f32,
}

/// The route of a connector: an orthogonal polyline from card to card.
#[derive(Clone, Debug, PartialEq)]
pub struct Route {
    pub id: ConnectorId,
    /// The connector's position in `Blueprint::connectors`.
    pub index: usize,
    pub kind: ConnectorKind,
    pub points: Vec<Pos>,
    /// Where the label goes: the middle of the longest segment.
    pub label_at: Pos,
}

/// The band under the diagram with the customer's feeling per step.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionBox {
    pub rect: Rect,
    /// The plot area inside the band.
    pub plot: Rect,
    /// One point per step with a feeling: the step's index and the point.
    pub points: Vec<(usize, Pos)>,
    /// Points of steps with a moment of truth in the customer lane, and
    /// whether one is critical.
    pub moments: Vec<(Pos, bool)>,
}

/// The geometry of a whole blueprint.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layout {
    /// The size of the whole diagram.
    pub size: Pos,
    pub title: Rect,
    /// The grid of lanes × steps, label column and headers excluded.
    pub grid: Rect,
    pub lanes: Vec<LaneBox>,
    pub stages: Vec<StageBox>,
    pub steps: Vec<StepBox>,
    pub cards: Vec<CardBox>,
    /// Sticky notes: pinned ones beside the cards of their cell, then loose
    /// ones at the free spot nearest where they were put.
    pub notes: Vec<NoteBox>,
    pub lines: Vec<LineBox>,
    pub routes: Vec<Route>,
    pub emotion: Option<EmotionBox>,
    pub legend: Rect,
    card_of: HashMap<TouchpointId, usize>,
}

impl CardBox {
    /// The card's touchpoint in the blueprint it was laid out from.
    pub fn touchpoint<'a>(&self, bp: &'a Blueprint) -> Option<&'a Touchpoint> {
        bp.touchpoints.get(self.index).filter(|t| t.id == self.id)
    }
}

impl Layout {
    /// The card of a touchpoint (`None` if its lane is hidden or it is broken).
    pub fn card(&self, id: &TouchpointId) -> Option<&CardBox> {
        self.card_of.get(id).map(|&i| &self.cards[i])
    }

    /// The place in [`Layout::cards`] of a touchpoint's card.
    pub fn card_index(&self, id: &TouchpointId) -> Option<usize> {
        self.card_of.get(id).copied()
    }

    /// The topmost card under a point.
    pub fn card_at(&self, p: Pos) -> Option<&CardBox> {
        self.cards.iter().rev().find(|c| c.rect.contains(p))
    }

    /// The topmost sticky note under a point.
    pub fn note_at(&self, p: Pos) -> Option<&NoteBox> {
        self.notes.iter().rev().find(|n| n.rect.contains(p))
    }

    /// The lane and step of the cell under a point.
    pub fn cell_at(&self, p: Pos) -> Option<(LaneId, StepId)> {
        let lane = self
            .lanes
            .iter()
            .find(|l| p.y >= l.rect.min.y && p.y < l.rect.max.y)?;
        let step = self
            .steps
            .iter()
            .find(|s| p.x >= s.column.min.x && p.x < s.column.max.x)?;
        Some((lane.id.clone(), step.id.clone()))
    }

    /// The rectangle of a cell.
    pub fn cell_rect(&self, lane: &LaneId, step: &StepId) -> Option<Rect> {
        let l = self.lanes.iter().find(|l| &l.id == lane)?;
        let s = self.steps.iter().find(|s| &s.id == step)?;
        Some(Rect {
            min: pos(s.column.min.x, l.rect.min.y),
            max: pos(s.column.max.x, l.rect.max.y),
        })
    }

    /// The lane band under a point, label column included.
    pub fn lane_at(&self, p: Pos) -> Option<&LaneBox> {
        self.lanes.iter().find(|l| l.rect.contains(p))
    }

    /// The step header under a point.
    pub fn step_header_at(&self, p: Pos) -> Option<&StepBox> {
        self.steps.iter().find(|s| s.header.contains(p))
    }

    /// The stage header under a point.
    pub fn stage_at(&self, p: Pos) -> Option<&StageBox> {
        self.stages.iter().find(|s| s.rect.contains(p))
    }
}

/// What to lay out besides the grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// The customer's emotion curve under the diagram.
    pub emotion_curve: bool,
    /// The legend of markers at the bottom.
    pub legend: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            emotion_curve: true,
            legend: true,
        }
    }
}

/// Lays out a blueprint.
pub fn layout(bp: &Blueprint, options: Options) -> Layout {
    layout_with(bp, options, &title::Fits::of(bp, None))
}

/// Lays out a blueprint whose titles fit on their cards as `fits` says
/// ([`title::Fits::of`] this blueprint).
pub fn layout_with(bp: &Blueprint, options: Options, fits: &title::Fits) -> Layout {
    let steps: Vec<(&Stage, &Step)> = bp.steps().collect();
    let step_index: HashMap<&StepId, usize> = steps
        .iter()
        .enumerate()
        .map(|(i, (_, s))| (&s.id, i))
        .collect();
    let visible: Vec<&Lane> = bp.lanes.iter().filter(|l| !l.hidden).collect();
    let lane_index: HashMap<&LaneId, usize> = visible
        .iter()
        .enumerate()
        .map(|(i, l)| (&l.id, i))
        .collect();

    // Each card's place in its cell and the rows of each lane: a row is as
    // tall as its tallest card (a long title grows its card), and every
    // card of the row takes that height.
    let mut count = vec![vec![0usize; steps.len()]; visible.len()];
    let mut rows: Vec<Vec<f32>> = vec![Vec::new(); visible.len()];
    let mut placed = Vec::with_capacity(bp.touchpoints.len());
    let heights = title::card_heights(bp, fits);
    for (i, tp) in bp.touchpoints.iter().enumerate() {
        if let (Some(&l), Some(&s)) = (lane_index.get(&tp.lane), step_index.get(&tp.step)) {
            let k = count[l][s];
            count[l][s] += 1;
            let h = heights[i];
            if rows[l].len() <= k {
                rows[l].resize(k + 1, CARD_H);
            }
            rows[l][k] = rows[l][k].max(h);
            placed.push((tp, i, l, s, k));
        }
    }
    // Pinned notes stack beside the cards of their cell, in a strip that
    // widens their step's column.
    let mut notes_in = vec![vec![0usize; steps.len()]; visible.len()];
    let mut strip = vec![false; steps.len()];
    let mut placed_notes = Vec::new();
    for (i, n) in bp.notes.iter().enumerate() {
        let Some((lane, step)) = n.cell() else {
            continue;
        };
        if let (Some(&l), Some(&s)) = (lane_index.get(lane), step_index.get(step)) {
            placed_notes.push((n, i, l, s, notes_in[l][s]));
            notes_in[l][s] += 1;
            strip[s] = true;
        }
    }
    // Where each row starts, from the top of the lane's cards.
    let row_tops: Vec<Vec<f32>> = rows
        .iter()
        .map(|r| {
            let mut y = 0.0;
            r.iter()
                .map(|h| {
                    let top = y;
                    y += h + CARD_GAP;
                    top
                })
                .collect()
        })
        .collect();
    let lane_heights: Vec<f32> = rows
        .iter()
        .zip(&notes_in)
        .map(|(r, n)| {
            let cards = r.iter().sum::<f32>() + r.len().saturating_sub(1) as f32 * CARD_GAP;
            let notes = notes::stack_height(n.iter().copied().max().unwrap_or(0));
            (cards.max(notes) + 2.0 * LANE_PAD).max(MIN_LANE_H)
        })
        .collect();

    let x0 = MARGIN;
    let grid_x = x0 + LABEL_W;
    // Where each step's column starts; one more for the grid's right edge.
    let mut col_x = Vec::with_capacity(steps.len() + 1);
    let mut x = grid_x;
    for wide in &strip {
        col_x.push(x);
        x += if *wide {
            COL_W + notes::NOTE_STRIP
        } else {
            COL_W
        };
    }
    col_x.push(x);
    let grid_w = if steps.is_empty() { COL_W } else { x - grid_x };
    let title = Rect::from_xywh(x0, MARGIN, LABEL_W + grid_w, TITLE_H);
    let stage_y = title.max.y;
    let step_y = stage_y + STAGE_H;
    let lanes_y = step_y + STEP_H;

    let mut lanes = Vec::with_capacity(visible.len());
    let mut y = lanes_y;
    for (lane, h) in visible.iter().zip(&lane_heights) {
        lanes.push(LaneBox {
            id: lane.id.clone(),
            kind: lane.kind,
            rect: Rect::from_xywh(x0, y, LABEL_W + grid_w, *h),
            label: Rect::from_xywh(x0, y, LABEL_W, *h),
        });
        y += h;
    }
    let grid = Rect {
        min: pos(grid_x, lanes_y),
        max: pos(grid_x + grid_w, y),
    };

    let step_boxes: Vec<StepBox> = steps
        .iter()
        .enumerate()
        .map(|(i, (_, s))| {
            let (x, w) = (col_x[i], col_x[i + 1] - col_x[i]);
            StepBox {
                id: s.id.clone(),
                header: Rect::from_xywh(x, step_y, w, STEP_H),
                column: Rect {
                    min: pos(x, lanes_y),
                    max: pos(x + w, grid.max.y),
                },
            }
        })
        .collect();
    let mut stages = Vec::with_capacity(bp.stages.len());
    let mut first = 0;
    for stage in &bp.stages {
        let n = stage.steps.len();
        let x = col_x[first.min(steps.len())];
        // An empty stage still gets a sliver, so it can be seen and used.
        let w = if n == 0 {
            COL_W / 4.0
        } else {
            col_x[(first + n).min(steps.len())] - x
        };
        stages.push(StageBox {
            id: stage.id.clone(),
            rect: Rect::from_xywh(x, stage_y, w, STAGE_H),
        });
        first += n;
    }

    let cards: Vec<CardBox> = placed
        .iter()
        .map(|&(tp, index, l, s, k)| {
            let x = col_x[s] + (COL_W - CARD_W) / 2.0;
            let y = lanes[l].rect.min.y + LANE_PAD + row_tops[l][k];
            CardBox {
                id: tp.id.clone(),
                index,
                rect: Rect::from_xywh(x, y, CARD_W, rows[l][k]),
                lane: l,
                step: s,
            }
        })
        .collect();
    let notes: Vec<NoteBox> = placed_notes
        .iter()
        .map(|&(n, index, l, s, k)| NoteBox {
            id: n.id.clone(),
            index,
            rect: notes::pinned_rect(col_x[s], lanes[l].rect.min.y, k),
            loose: false,
        })
        .collect();
    let card_of: HashMap<TouchpointId, usize> = cards
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();

    let lines = bp
        .lines
        .iter()
        .filter(|l| l.shown)
        .filter_map(|l| {
            let lane = &lanes[*lane_index.get(&l.after_lane)?];
            Some(LineBox {
                kind: l.kind,
                y: lane.rect.max.y,
                x0,
                x1: grid.max.x,
            })
        })
        .collect();

    let routes = route_connectors(bp, &cards, &card_of, &lanes, &notes_in);

    let mut bottom = grid.max.y;
    let emotion = (options.emotion_curve && bp.emotion_curve).then(|| {
        let rect = Rect::from_xywh(x0, bottom + 16.0, LABEL_W + grid_w, EMOTION_H);
        bottom = rect.max.y;
        emotion_box(bp, &steps, rect, &step_boxes)
    });
    let legend = if options.legend {
        let r = Rect::from_xywh(x0, bottom + 8.0, LABEL_W + grid_w, LEGEND_H);
        bottom = r.max.y;
        r
    } else {
        Rect::from_xywh(x0, bottom, 0.0, 0.0)
    };

    let mut l = Layout {
        size: pos(grid.max.x + MARGIN, bottom + MARGIN),
        title,
        grid,
        lanes,
        stages,
        steps: step_boxes,
        cards,
        notes,
        lines,
        routes,
        emotion,
        legend,
        card_of,
    };
    // Loose notes at the free spot nearest where they were put; the
    // diagram reaches as far as they do.
    let loose = notes::place_loose(bp, &l, bottom);
    for n in &loose {
        l.size = pos(
            l.size.x.max(n.rect.max.x + MARGIN),
            l.size.y.max(n.rect.max.y + MARGIN),
        );
    }
    l.notes.extend(loose);
    l
}

fn emotion_box(
    bp: &Blueprint,
    steps: &[(&Stage, &Step)],
    rect: Rect,
    boxes: &[StepBox],
) -> EmotionBox {
    let grid_x = boxes
        .first()
        .map_or(rect.min.x + LABEL_W, |b| b.column.min.x);
    let plot = Rect {
        min: pos(grid_x, rect.min.y + 14.0),
        max: pos(rect.max.x, rect.max.y - 14.0),
    };
    let customer: HashSet<&LaneId> = bp
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Customer)
        .map(|l| &l.id)
        .collect();
    let y_of = |f: f32| plot.center().y - f / 2.0 * (plot.height() / 2.0);
    let mut points = Vec::new();
    let mut moments = Vec::new();
    let by_step = Groups::new(bp.touchpoints.iter().map(|t| t.step.as_str()));
    let mut feelings: Vec<f32> = Vec::new();
    for (i, (_, step)) in steps.iter().enumerate() {
        let here = || by_step.get(step.id.as_str()).map(|t| &bp.touchpoints[t]);
        feelings.clear();
        feelings.extend(
            here()
                .filter(|t| customer.contains(&t.lane))
                .filter_map(|t| t.feeling)
                .map(f32::from),
        );
        let x = boxes.get(i).map_or(grid_x, |b| b.header.center().x);
        if !feelings.is_empty() {
            let mean = feelings.iter().sum::<f32>() / feelings.len() as f32;
            let p = pos(x, y_of(mean));
            points.push((i, p));
            let moment = here().map(|t| t.moment_of_truth).max_by_key(|m| *m as u8);
            match moment {
                Some(MomentOfTruth::Critical) => moments.push((p, true)),
                Some(MomentOfTruth::Moment) => moments.push((p, false)),
                _ => {}
            }
        }
    }
    EmotionBox {
        rect,
        plot,
        points,
        moments,
    }
}

#[cfg(test)]
mod tests;
