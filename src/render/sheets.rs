//! The plan of a tiled PDF: which part of the diagram each sheet of paper
//! shows, where its label, crop marks and assembly map go. Pure geometry,
//! tested without writing a PDF.
//!
//! A plan is made for print:
//! - breaks fall on stage boundaries where that costs no sheet, else on step
//!   boundaries, across the page; down it, between lanes or between the
//!   stacked cards of a lane: never through a card;
//! - every sheet after the first column repeats the lane names column;
//! - the emotion curve and legend go with the diagram's last row of sheets,
//!   or have a row of their own, which its labels say;
//! - the orientation (unless asked for) and a zoom between [`MIN_ZOOM`] and
//!   full size are chosen to need the fewest sheets, full size first;
//! - the label of each sheet lies in a footer inside the printed area, clear
//!   of the crop marks, which lie outside it; the first sheet's footer holds
//!   a map of the grid of sheets with their numbers.

use crate::layout::{self, Rect, metrics, pos};

/// Points per diagram unit at full size: a unit is a CSS pixel, 1/96 in.
pub const FULL_SIZE: f32 = 0.75;
/// Margin around the printed area of a sheet, where the crop marks go: 10 mm.
pub const MARGIN: f32 = 28.35;
/// The band at the bottom of the printed area for the label and the map.
pub const FOOTER_H: f32 = 24.0;
/// The size of the label's text, in points.
pub const LABEL_SIZE: f32 = 8.0;
/// How far a crop mark starts from its corner, and its length.
pub const CROP_GAP: f32 = 3.0;
pub const CROP_LEN: f32 = 12.0;
/// What a label keeps clear of the printed area's edges.
pub const LABEL_INSET: f32 = 6.0;
/// The smallest zoom (of full size) a plan takes to save sheets: the
/// diagram's smallest text (10 units) stays 6 pt.
pub const MIN_ZOOM: f32 = 0.8;
const ZOOMS: [f32; 5] = [1.0, 0.95, 0.9, 0.85, MIN_ZOOM];
/// The most sheets a plan is worked out to.
pub const MAX_SHEETS: usize = 1_000;
const EPS: f32 = 0.01;

/// Where a diagram may be cut, in diagram units.
#[derive(Clone, Debug, PartialEq)]
pub struct Cuts {
    /// What is printed: the diagram less most of its blank margin.
    pub bounds: Rect,
    /// Where columns may break: step boundaries, in order.
    pub xs: Vec<f32>,
    /// The step boundaries that are stage boundaries.
    pub stages: Vec<f32>,
    /// Where rows may break: lane boundaries and gaps between stacked cards.
    pub ys: Vec<f32>,
    /// The lane names column (x range) and from where down it is repeated.
    pub header: Option<(f32, f32, f32)>,
    /// Where the diagram's grid ends and the emotion curve and legend start.
    pub grid_bottom: Option<f32>,
    /// Card rectangles: no break goes through one.
    pub cards: Vec<Rect>,
}

impl Cuts {
    /// The cuts of a laid-out blueprint.
    pub fn of(l: &layout::Layout) -> Self {
        let bounds = Rect {
            min: pos(metrics::MARGIN - 4.0, metrics::MARGIN - 4.0),
            max: pos(
                l.size.x - metrics::MARGIN + 4.0,
                l.size.y - metrics::MARGIN + 4.0,
            ),
        };
        let mut cards: Vec<Rect> = l.cards.iter().map(|c| c.rect).collect();
        cards.extend(l.notes.iter().filter(|n| !n.loose).map(|n| n.rect));
        let cuts_no_card = |v: f32, horizontal: bool| {
            !cards.iter().any(|c| {
                if horizontal {
                    c.min.y + EPS < v && v < c.max.y - EPS
                } else {
                    c.min.x + EPS < v && v < c.max.x - EPS
                }
            })
        };
        let mut xs: Vec<f32> = l.steps.iter().map(|s| s.column.max.x).collect();
        xs.retain(|&x| cuts_no_card(x, false));
        let stages = l
            .stages
            .iter()
            .map(|s| s.rect.max.x)
            .filter(|x| xs.iter().any(|s| (s - x).abs() < EPS))
            .collect();
        let mut ys = vec![l.grid.min.y];
        for lane in &l.lanes {
            ys.push(lane.rect.max.y);
        }
        for c in &cards {
            ys.push(c.max.y + metrics::CARD_GAP / 2.0);
        }
        ys.retain(|&y| cuts_no_card(y, true));
        ys.sort_by(f32::total_cmp);
        ys.dedup_by(|a, b| (*a - *b).abs() < EPS);
        let header = l
            .lanes
            .first()
            .map(|lane| (lane.label.min.x, lane.label.max.x, l.title.max.y));
        Self {
            bounds,
            xs,
            stages,
            ys,
            header,
            grid_bottom: (!l.lanes.is_empty()).then_some(l.grid.max.y),
            cards,
        }
    }

    /// A picture of `w × h` units that may be cut anywhere.
    pub fn plain(w: f32, h: f32) -> Self {
        Self {
            bounds: Rect::from_xywh(0.0, 0.0, w.max(1.0), h.max(1.0)),
            xs: Vec::new(),
            stages: Vec::new(),
            ys: Vec::new(),
            header: None,
            grid_bottom: None,
            cards: Vec::new(),
        }
    }
}

/// One sheet of a plan.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// From 0.
    pub row: usize,
    pub col: usize,
    /// The page number, from 1.
    pub number: usize,
    /// The part of the diagram it shows, in units.
    pub part: Rect,
    /// The lane names column repeated at its left, in units.
    pub header: Option<Rect>,
    /// It shows only the emotion curve and legend (its label says so).
    pub furniture_only: bool,
}

/// Sheets of paper holding a diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The sheet's size in points, as printed.
    pub paper: (f32, f32),
    pub landscape: bool,
    /// Points per diagram unit.
    pub scale: f32,
    pub rows: usize,
    pub cols: usize,
    /// Row by row.
    pub sheets: Vec<Sheet>,
}

impl Plan {
    /// The zoom of the plan, 1 at full size.
    pub fn zoom(&self) -> f32 {
        self.scale / FULL_SIZE
    }

    /// The printed area: inside the crop marks.
    pub fn printed(&self) -> Rect {
        let (w, h) = self.paper;
        Rect::from_xywh(MARGIN, MARGIN, w - 2.0 * MARGIN, h - 2.0 * MARGIN)
    }

    /// Where the diagram goes: the printed area less its footer.
    pub fn content(&self) -> Rect {
        let p = self.printed();
        Rect {
            min: p.min,
            max: pos(p.max.x, p.max.y - FOOTER_H),
        }
    }

    /// The crop marks, as line segments (x1, y1, x2, y2), all outside the
    /// printed area.
    pub fn crop_marks(&self) -> Vec<[f32; 4]> {
        let p = self.printed();
        let mut out = Vec::with_capacity(8);
        for (x, y, dx, dy) in [
            (p.min.x, p.min.y, -1.0, -1.0),
            (p.max.x, p.min.y, 1.0, -1.0),
            (p.min.x, p.max.y, -1.0, 1.0),
            (p.max.x, p.max.y, 1.0, 1.0),
        ] {
            out.push([x + dx * CROP_GAP, y, x + dx * (CROP_GAP + CROP_LEN), y]);
            out.push([x, y + dy * CROP_GAP, x, y + dy * (CROP_GAP + CROP_LEN)]);
        }
        out
    }

    /// The assembly map's box on the first sheet: at the right of the footer.
    pub fn map_box(&self) -> Rect {
        let p = self.printed();
        let h = FOOTER_H - 4.0;
        let cell_h = h / self.rows.max(1) as f32;
        let cell_w =
            (cell_h * self.paper.0 / self.paper.1.max(1.0)).min(140.0 / self.cols.max(1) as f32);
        let w = cell_w * self.cols as f32;
        Rect::from_xywh(p.max.x - LABEL_INSET - w, p.max.y - FOOTER_H + 2.0, w, h)
    }

    /// The map's cells: each sheet's place and number.
    pub fn map_cells(&self) -> Vec<(Rect, usize)> {
        let b = self.map_box();
        let (cw, ch) = (
            b.width() / self.cols.max(1) as f32,
            b.height() / self.rows.max(1) as f32,
        );
        self.sheets
            .iter()
            .map(|s| {
                (
                    Rect::from_xywh(
                        b.min.x + s.col as f32 * cw,
                        b.min.y + s.row as f32 * ch,
                        cw,
                        ch,
                    ),
                    s.number,
                )
            })
            .collect()
    }

    /// Where a sheet's label goes: the footer left of the map (on the first
    /// sheet) or across it, inset from the printed area's edges.
    pub fn label_box(&self, sheet: &Sheet) -> Rect {
        let p = self.printed();
        let right = if sheet.number == 1 {
            self.map_box().min.x - 2.0 * LABEL_INSET - MAP_CAPTION_W
        } else {
            p.max.x - LABEL_INSET
        };
        let bottom = p.max.y - LABEL_INSET;
        Rect {
            min: pos(p.min.x + LABEL_INSET, bottom - LABEL_SIZE * 1.3),
            max: pos(right.max(p.min.x + LABEL_INSET), bottom),
        }
    }

    /// Where on the page (points) a sheet's part and header go.
    pub fn placed(&self, sheet: &Sheet) -> (Rect, Option<Rect>) {
        let c = self.content();
        let s = self.scale;
        let header = sheet.header.map(|h| {
            Rect::from_xywh(
                c.min.x,
                c.min.y + (h.min.y - sheet.part.min.y) * s,
                h.width() * s,
                h.height() * s,
            )
        });
        let x = header.map_or(c.min.x, |h| h.max.x);
        let part = Rect::from_xywh(x, c.min.y, sheet.part.width() * s, sheet.part.height() * s);
        (part, header)
    }
}

/// The width kept for the map's caption, left of the map.
pub const MAP_CAPTION_W: f32 = 40.0;

/// Breaks `[start, end]` into spans of at most `first` then `rest` units,
/// at the furthest preferred cut that fits, else the furthest cut, else
/// anywhere. `None` past [`MAX_SHEETS`] spans.
fn spans(
    start: f32,
    end: f32,
    cuts: &[f32],
    preferred: &[f32],
    first: f32,
    rest: f32,
) -> Option<Vec<(f32, f32)>> {
    let mut out = Vec::new();
    let mut s = start;
    loop {
        let room = if out.is_empty() { first } else { rest }.max(1.0);
        if end - s <= room + EPS {
            out.push((s, end));
            return Some(out);
        }
        let limit = s + room;
        let fits = |c: &&f32| **c > s + EPS && **c <= limit + EPS;
        let cut = preferred
            .iter()
            .rfind(fits)
            .or_else(|| cuts.iter().rfind(fits))
            .copied()
            .unwrap_or(limit);
        out.push((s, cut));
        s = cut;
        if out.len() > MAX_SHEETS {
            return None;
        }
    }
}

/// The plan for `cuts` on paper of `paper` points (portrait), in landscape
/// when `landscape`, else in whichever orientation needs fewer sheets.
/// `None` when it would take more than [`MAX_SHEETS`] sheets.
pub fn plan(cuts: &Cuts, paper: (f32, f32), landscape: bool) -> Option<Plan> {
    let orientations: &[bool] = if landscape { &[true] } else { &[false, true] };
    let mut best: Option<Plan> = None;
    for &land in orientations {
        for zoom in ZOOMS {
            let Some(p) = plan_at(cuts, paper, land, zoom * FULL_SIZE) else {
                continue;
            };
            let better = best.as_ref().is_none_or(|b| {
                // Fewest sheets, then no row of furniture alone, then the
                // largest zoom.
                let key = |p: &Plan| {
                    (
                        p.sheets.len(),
                        p.sheets.iter().any(|s| s.furniture_only),
                        -(p.zoom() * 100.0).round() as i32,
                    )
                };
                key(&p) < key(b)
            });
            if better {
                best = Some(p);
            }
        }
    }
    best
}

/// The plan at a given scale and orientation.
pub fn plan_at(cuts: &Cuts, paper: (f32, f32), landscape: bool, scale: f32) -> Option<Plan> {
    let (w, h) = if landscape { (paper.1, paper.0) } else { paper };
    let mut plan = Plan {
        paper: (w, h),
        landscape,
        scale,
        rows: 0,
        cols: 0,
        sheets: Vec::new(),
    };
    let c = plan.content();
    let b = cuts.bounds;
    let (room_w, room_h) = (c.width() / scale, c.height() / scale);
    let header_w = cuts.header.map_or(0.0, |(x0, x1, _)| x1 - x0);
    // Stage boundaries when they cost no sheet.
    let by_steps = spans(b.min.x, b.max.x, &cuts.xs, &[], room_w, room_w - header_w)?;
    let by_stages = spans(
        b.min.x,
        b.max.x,
        &cuts.xs,
        &cuts.stages,
        room_w,
        room_w - header_w,
    )?;
    let cols = if by_stages.len() <= by_steps.len() {
        by_stages
    } else {
        by_steps
    };
    let mut rows = spans(b.min.y, b.max.y, &cuts.ys, &[], room_h, room_h)?;
    // The emotion curve and legend alone on the last row: moved up with
    // the lanes above them when they fit together.
    let furniture_alone = |rows: &[(f32, f32)]| {
        cuts.grid_bottom
            .is_some_and(|g| rows.len() > 1 && rows[rows.len() - 1].0 >= g - EPS)
    };
    if furniture_alone(&rows) {
        let n = rows.len();
        let (prev_start, _) = rows[n - 2];
        let end = rows[n - 1].1;
        if let Some(&cut) = cuts.ys.iter().rfind(|&&y| {
            y > prev_start + EPS
                && end - y <= room_h + EPS
                && cuts.grid_bottom.is_some_and(|g| y < g - EPS)
        }) {
            rows[n - 2].1 = cut;
            rows[n - 1].0 = cut;
        }
    }
    if rows.len().saturating_mul(cols.len()) > MAX_SHEETS {
        return None;
    }
    plan.rows = rows.len();
    plan.cols = cols.len();
    for (r, &(y0, y1)) in rows.iter().enumerate() {
        for (k, &(x0, x1)) in cols.iter().enumerate() {
            let header = cuts.header.filter(|_| k > 0).and_then(|(hx0, hx1, top)| {
                let top = top.max(y0);
                (y1 > top + EPS).then(|| Rect {
                    min: pos(hx0, top),
                    max: pos(hx1, y1),
                })
            });
            plan.sheets.push(Sheet {
                row: r,
                col: k,
                number: plan.sheets.len() + 1,
                part: Rect {
                    min: pos(x0, y0),
                    max: pos(x1, y1),
                },
                header,
                furniture_only: cuts.grid_bottom.is_some_and(|g| y0 >= g - EPS),
            });
        }
    }
    Some(plan)
}

#[cfg(test)]
#[path = "sheets_tests.rs"]
mod tests;
