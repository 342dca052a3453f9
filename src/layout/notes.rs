//! Where sticky notes go so that they never hide the flow: pinned notes
//! beside the cards of their cell (the step's column widens by a strip),
//! loose notes at the nearest spot free of cards, headers, connectors and
//! other notes.

use super::{Layout, NoteBox, Rect, metrics, pos};
use crate::model::*;
use foldhash::{HashMap, HashMapExt};

/// The width of a pinned note.
pub const NOTE_W: f32 = 150.0;
/// The height of a note.
pub const NOTE_H: f32 = metrics::CARD_H;
/// The gap between stacked notes.
pub const NOTE_GAP: f32 = 8.0;
/// What a column with pinned notes widens by: the note and a gutter after
/// it (the gutter before it is the column's own, right of the cards).
pub const NOTE_STRIP: f32 = NOTE_W + (metrics::COL_W - metrics::CARD_W);
/// The room kept between a loose note and what it avoids.
const CLEARANCE: f32 = 6.0;
/// The distance between the spots tried for a loose note.
const PROBE: f32 = 8.0;
/// How far from where it was put a loose note is looked for a free spot.
const REACH: f32 = 1600.0;
/// The side of a bucket of the index of what loose notes avoid.
const BUCKET: f32 = 128.0;

/// The rectangle of the `k`th pinned note of a cell whose column starts at
/// `column_x` and lane at `lane_y`.
pub fn pinned_rect(column_x: f32, lane_y: f32, k: usize) -> Rect {
    Rect::from_xywh(
        column_x + metrics::COL_W + (metrics::COL_W - metrics::CARD_W) / 2.0,
        lane_y + metrics::LANE_PAD + k as f32 * (NOTE_H + NOTE_GAP),
        NOTE_W,
        NOTE_H,
    )
}

/// The height a stack of `n` notes takes.
pub fn stack_height(n: usize) -> f32 {
    if n == 0 {
        0.0
    } else {
        n as f32 * NOTE_H + (n - 1) as f32 * NOTE_GAP
    }
}

/// Rectangles in buckets of a square grid, to find those near a spot
/// without looking at all of them.
struct Obstacles {
    rects: Vec<Rect>,
    buckets: HashMap<(i32, i32), Vec<u32>>,
    /// Only what lies in here is kept: the reach of every loose note.
    area: Rect,
}

impl Obstacles {
    fn new(area: Rect) -> Self {
        Self {
            rects: Vec::new(),
            buckets: HashMap::new(),
            area,
        }
    }

    fn key(v: f32) -> i32 {
        (v / BUCKET).floor() as i32
    }

    fn add(&mut self, r: Rect) {
        if !r.intersects(&self.area) {
            return;
        }
        let i = self.rects.len() as u32;
        self.rects.push(r);
        // Only the buckets inside the area: a long connector costs what it
        // crosses of it.
        let (x0, x1) = (r.min.x.max(self.area.min.x), r.max.x.min(self.area.max.x));
        let (y0, y1) = (r.min.y.max(self.area.min.y), r.max.y.min(self.area.max.y));
        for bx in Self::key(x0)..=Self::key(x1) {
            for by in Self::key(y0)..=Self::key(y1) {
                self.buckets.entry((bx, by)).or_default().push(i);
            }
        }
    }

    fn hits(&self, r: &Rect) -> bool {
        for bx in Self::key(r.min.x)..=Self::key(r.max.x) {
            for by in Self::key(r.min.y)..=Self::key(r.max.y) {
                if let Some(b) = self.buckets.get(&(bx, by))
                    && b.iter().any(|&i| self.rects[i as usize].intersects(r))
                {
                    return true;
                }
            }
        }
        false
    }
}

/// The loose notes of `bp`, each at the free spot nearest where it was put:
/// clear of the cards, headers, connectors and pinned notes of `l`, and of
/// the loose notes before it. `bottom` is the diagram's lowest edge: a note
/// with no free spot within reach goes under the diagram.
pub fn place_loose(bp: &Blueprint, l: &Layout, bottom: f32) -> Vec<NoteBox> {
    let wanted: Vec<(usize, &Note, Rect)> = bp
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.cell().is_none())
        .filter_map(|(i, n)| {
            let at = n.at?;
            let r = Rect::from_xywh(at.x as f32, at.y as f32, metrics::CARD_W, NOTE_H);
            Some((i, n, r))
        })
        .collect();
    let Some(area) = wanted
        .iter()
        .map(|(_, _, r)| r.expand(REACH + metrics::CARD_W))
        .reduce(|a, b| a.union(&b))
    else {
        return Vec::new();
    };
    let mut obstacles = Obstacles::new(area);
    obstacles.add(l.title);
    for s in &l.stages {
        obstacles.add(s.rect);
    }
    for s in &l.steps {
        obstacles.add(s.header);
    }
    for lane in &l.lanes {
        obstacles.add(lane.label);
    }
    for c in &l.cards {
        obstacles.add(c.rect);
    }
    for n in &l.notes {
        obstacles.add(n.rect);
    }
    for route in &l.routes {
        for w in route.points.windows(2) {
            obstacles.add(Rect {
                min: pos(w[0].x.min(w[1].x), w[0].y.min(w[1].y)),
                max: pos(w[0].x.max(w[1].x), w[0].y.max(w[1].y)),
            });
        }
    }
    let mut under = bottom + metrics::MARGIN;
    let mut placed = Vec::with_capacity(wanted.len());
    for (index, note, want) in wanted {
        let rect = nearest_free(&obstacles, want).unwrap_or_else(|| {
            // Nothing free within reach: under the diagram, one below another.
            let r = Rect::from_xywh(want.min.x, under, want.width(), want.height());
            under = r.max.y + NOTE_GAP;
            r
        });
        obstacles.add(rect);
        placed.push(NoteBox {
            id: note.id.clone(),
            index,
            rect,
            loose: true,
        });
    }
    placed
}

/// The free spot nearest `want` (its size kept), looked for in growing
/// square rings of spots [`PROBE`] apart.
fn nearest_free(obstacles: &Obstacles, want: Rect) -> Option<Rect> {
    let free = |r: &Rect| r.min.x >= 0.0 && r.min.y >= 0.0 && !obstacles.hits(&r.expand(CLEARANCE));
    if free(&want) {
        return Some(want);
    }
    let at = |dx: i32, dy: i32| {
        let (dx, dy) = (dx as f32 * PROBE, dy as f32 * PROBE);
        Rect {
            min: pos(want.min.x + dx, want.min.y + dy),
            max: pos(want.max.x + dx, want.max.y + dy),
        }
    };
    let mut best: Option<(f32, Rect)> = None;
    let rings = (REACH / PROBE) as i32;
    for k in 1..=rings {
        // Every spot of ring k is at least k probes away.
        if best.is_some_and(|(d, _)| d < k as f32 * PROBE) {
            break;
        }
        let mut consider = |dx: i32, dy: i32| {
            let d = ((dx * dx + dy * dy) as f32).sqrt() * PROBE;
            if best.is_some_and(|(b, _)| b <= d) {
                return;
            }
            let r = at(dx, dy);
            if free(&r) {
                best = Some((d, r));
            }
        };
        for i in -k..=k {
            consider(i, -k);
            consider(i, k);
        }
        for i in -k + 1..k {
            consider(-k, i);
            consider(k, i);
        }
    }
    best.map(|(_, r)| r)
}
