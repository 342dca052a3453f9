use super::*;
use crate::layout::{Options, layout};

const A4: (f32, f32) = (595.28, 841.89);

fn plan_of(name: &str, landscape: bool) -> (layout::Layout, Plan) {
    let bp = crate::templates::find(name)
        .unwrap()
        .load(crate::model::Language::En)
        .unwrap();
    let l = layout(&bp, Options::default());
    let p = plan(&Cuts::of(&l), A4, landscape).unwrap();
    (l, p)
}

/// The sheets the tiling before print-ready plans took: the whole picture at
/// full size, portrait, in steps of the printed area less a 6 mm overlap.
fn sheets_before(l: &layout::Layout) -> usize {
    let (cw, ch) = (A4.0 - 2.0 * MARGIN, A4.1 - 2.0 * MARGIN);
    let count = |len: f32, step: f32| (((len - 17.0) / step).ceil().max(1.0)) as usize;
    count(l.size.x * FULL_SIZE, cw - 17.0) * count(l.size.y * FULL_SIZE, ch - 17.0)
}

fn overlap_area(a: &Rect, b: &Rect) -> f32 {
    let w = a.max.x.min(b.max.x) - a.min.x.max(b.min.x);
    let h = a.max.y.min(b.max.y) - a.min.y.max(b.min.y);
    w.max(0.0) * h.max(0.0)
}

fn inside(outer: &Rect, inner: &Rect, by: f32) -> bool {
    inner.min.x >= outer.min.x + by - 0.01
        && inner.min.y >= outer.min.y + by - 0.01
        && inner.max.x <= outer.max.x - by + 0.01
        && inner.max.y <= outer.max.y - by + 0.01
}

/// The distance from a rectangle to a segment that is horizontal or
/// vertical.
fn distance(r: &Rect, [x1, y1, x2, y2]: [f32; 4]) -> f32 {
    let (sx0, sx1) = (x1.min(x2), x1.max(x2));
    let (sy0, sy1) = (y1.min(y2), y1.max(y2));
    let dx = (r.min.x - sx1).max(sx0 - r.max.x).max(0.0);
    let dy = (r.min.y - sy1).max(sy0 - r.max.y).max(0.0);
    dx.hypot(dy)
}

fn assert_print_ready(name: &str, l: &layout::Layout, p: &Plan) {
    assert_eq!(p.sheets.len(), p.rows * p.cols, "{name}");
    assert!(p.zoom() >= MIN_ZOOM - 0.001 && p.zoom() <= 1.0, "{name}");
    let content = p.content();
    for s in &p.sheets {
        let at = format!("{name}: sheet {} ({}, {})", s.number, s.row + 1, s.col + 1);
        // Not furniture alone: some lane of the diagram is on it.
        assert!(
            !s.furniture_only,
            "{at} holds only the emotion curve and legend"
        );
        assert!(
            l.lanes
                .iter()
                .any(|lane| overlap_area(&lane.rect, &s.part) > 1.0),
            "{at} holds no lane"
        );
        // No card cut.
        for c in &l.cards {
            let o = overlap_area(&c.rect, &s.part);
            assert!(
                o == 0.0 || inside(&s.part, &c.rect, 0.0),
                "{at} cuts card {:?}: {:?}",
                c.id,
                s.part
            );
        }
        // The lane names column of every lane on the sheet.
        for lane in &l.lanes {
            if overlap_area(&lane.rect, &s.part) <= 1.0 {
                continue;
            }
            let shown = if s.col == 0 {
                s.part.min.x <= lane.label.min.x && s.part.max.x >= lane.label.max.x
            } else {
                s.header.is_some_and(|h| {
                    h.min.x <= lane.label.min.x
                        && h.max.x >= lane.label.max.x
                        && h.min.y <= lane.rect.min.y.max(s.part.min.y)
                        && h.max.y >= lane.rect.max.y.min(s.part.max.y)
                })
            };
            assert!(shown, "{at}: the lane header of {:?} is missing", lane.id);
        }
        // What is drawn stays in the content area.
        let (part, header) = p.placed(s);
        assert!(
            inside(&content, &part, 0.0),
            "{at}: {part:?} past {content:?}"
        );
        if let Some(h) = header {
            assert!(inside(&content, &h, 0.0), "{at}: header {h:?}");
            assert!(h.max.x <= part.min.x + 0.01, "{at}: header over the part");
        }
        // The label inside the printed area, clear of the crop marks and
        // of the diagram.
        let label = p.label_box(s);
        assert!(label.width() > 200.0, "{at}: label box {label:?}");
        assert!(inside(&p.printed(), &label, LABEL_INSET), "{at}: {label:?}");
        assert!(label.min.y >= content.max.y, "{at}: label over the diagram");
        for m in p.crop_marks() {
            assert!(
                distance(&label, m) >= LABEL_INSET,
                "{at}: label by a crop mark"
            );
            assert!(
                overlap_area(
                    &p.printed(),
                    &Rect::from_xywh(m[0], m[1], m[2] - m[0], m[3] - m[1])
                ) == 0.0,
                "{at}: crop mark in the printed area"
            );
        }
        if s.number == 1 {
            let map = p.map_box();
            assert!(inside(&p.printed(), &map, 1.0), "{name}: map {map:?}");
            assert!(overlap_area(&map, &label) == 0.0, "{name}: map over label");
            assert!(map.min.y >= content.max.y, "{name}: map over the diagram");
            for m in p.crop_marks() {
                assert!(
                    distance(&map, m) >= LABEL_INSET,
                    "{name}: map by a crop mark"
                );
            }
        }
    }
    // Every card is whole on some sheet, and the sheets cover the diagram.
    for c in &l.cards {
        assert!(
            p.sheets.iter().any(|s| inside(&s.part, &c.rect, 0.0)),
            "{name}: card {:?} whole nowhere",
            c.id
        );
    }
    let covered: f32 = p
        .sheets
        .iter()
        .map(|s| s.part.width() * s.part.height())
        .sum();
    let bounds = Cuts::of(l).bounds;
    assert!(
        (covered - bounds.width() * bounds.height()).abs() < 1.0,
        "{name}"
    );
    let cells = p.map_cells();
    assert_eq!(cells.len(), p.sheets.len());
    assert!(cells.iter().enumerate().all(|(i, (_, n))| *n == i + 1));
}

#[test]
fn delivery_and_hotel_on_a4_tiles_are_print_ready_and_need_no_more_sheets() {
    for name in ["delivery", "hotel"] {
        for landscape in [false, true] {
            let (l, p) = plan_of(name, landscape);
            assert_print_ready(name, &l, &p);
            assert_eq!(p.landscape, landscape || p.landscape, "{name}");
            if landscape {
                assert!(p.landscape, "{name}: landscape was asked for");
            }
            let before = sheets_before(&l);
            eprintln!(
                "{name} A4{}: {} sheets ({} × {}, {}, zoom {:.2}), before {before}",
                if landscape { " --landscape" } else { "" },
                p.sheets.len(),
                p.rows,
                p.cols,
                if p.landscape { "landscape" } else { "portrait" },
                p.zoom()
            );
            if !landscape {
                assert!(
                    p.sheets.len() <= before,
                    "{name}: {} > {before}",
                    p.sheets.len()
                );
            }
        }
    }
}

#[test]
fn a_longer_blueprint_breaks_at_stage_boundaries_where_that_costs_no_sheet() {
    let (l, p) = plan_of("hotel", false);
    let cuts = Cuts::of(&l);
    // Every column break inside the diagram is a step boundary.
    for s in p.sheets.iter().filter(|s| s.col + 1 < p.cols) {
        assert!(
            cuts.xs.iter().any(|x| (x - s.part.max.x).abs() < 0.01),
            "{:?} is not a step boundary",
            s.part
        );
    }
    // A plan that preferred stage boundaries would not need more sheets:
    // where one is used, it is at least as good as steps alone.
    let steps_only = Cuts {
        stages: Vec::new(),
        ..cuts.clone()
    };
    let q = plan_at(&steps_only, A4, p.landscape, p.scale).unwrap();
    assert!(p.sheets.len() <= q.sheets.len());
}

#[test]
fn the_emotion_curve_goes_with_the_last_lanes_or_says_it_is_alone() {
    let (l, _) = plan_of("hotel", false);
    let cuts = Cuts::of(&l);
    let grid_bottom = cuts.grid_bottom.unwrap();
    // A sheet so short that the lanes and the curve cannot share one.
    let furniture_h = cuts.bounds.max.y - grid_bottom;
    let tall_lane = l.lanes.iter().map(|x| x.rect.height()).fold(0.0, f32::max);
    let h = 2.0 * MARGIN + FOOTER_H + (furniture_h + 10.0) * FULL_SIZE;
    assert!(h < 2.0 * MARGIN + FOOTER_H + (furniture_h + tall_lane) * FULL_SIZE);
    let p = plan_at(&cuts, (900.0, h), false, FULL_SIZE).unwrap();
    let last: Vec<_> = p.sheets.iter().filter(|s| s.row + 1 == p.rows).collect();
    assert!(last.iter().all(|s| s.furniture_only), "{:?}", last);
    assert!(
        p.sheets
            .iter()
            .filter(|s| s.row + 1 < p.rows)
            .all(|s| !s.furniture_only)
    );
    // A sheet just tall enough for the last lane and the curve: together.
    let last_lane = l.lanes.last().unwrap().rect.height();
    let h = 2.0 * MARGIN + FOOTER_H + (furniture_h + last_lane + 20.0) * FULL_SIZE;
    let p = plan_at(&cuts, (900.0, h), false, FULL_SIZE).unwrap();
    assert!(p.rows > 1);
    assert!(p.sheets.iter().all(|s| !s.furniture_only), "{:?}", p.sheets);
}

#[test]
fn a_huge_or_empty_picture_is_planned_or_refused_without_panicking() {
    assert!(plan(&Cuts::plain(1.0e7, 1.0e7), A4, false).is_none());
    let p = plan(&Cuts::plain(0.0, 0.0), A4, false).unwrap();
    assert_eq!(p.sheets.len(), 1);
    let l = layout(&crate::model::Blueprint::default(), Options::default());
    assert!(plan(&Cuts::of(&l), A4, false).is_some());
    assert!(plan(&Cuts::of(&l), (1.0, 1.0), false).is_none());
}
