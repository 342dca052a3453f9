//! The layout's tests: cells, stages, lanes, routes, notes and hit-testing.

use super::*;
use crate::templates;

#[test]
fn every_card_sits_in_its_cell_and_no_two_overlap() {
    let bp = crate::testing::hotel();
    let l = layout(&bp, Options::default());
    assert_eq!(l.cards.len(), bp.touchpoints.len());
    for tp in &bp.touchpoints {
        let card = l.card(&tp.id).unwrap();
        let cell = l.cell_rect(&tp.lane, &tp.step).unwrap();
        assert!(
            cell.contains(card.rect.min) && cell.contains(card.rect.max),
            "{}",
            tp.id
        );
        assert_eq!(
            l.cell_at(card.rect.center()),
            Some((tp.lane.clone(), tp.step.clone()))
        );
        assert_eq!(l.card_at(card.rect.center()).map(|c| &c.id), Some(&tp.id));
    }
    for (i, a) in l.cards.iter().enumerate() {
        for b in &l.cards[i + 1..] {
            assert!(!a.rect.intersects(&b.rect), "{} overlaps {}", a.id, b.id);
        }
    }
}

#[test]
fn routes_are_orthogonal_and_never_cross_other_cards() {
    for name in ["hotel", "bank", "delivery"] {
        let bp = templates::find(name).unwrap().load(Language::En).unwrap();
        let l = layout(&bp, Options::default());
        assert_eq!(l.routes.len(), bp.connectors.len(), "{name}");
        for (route, c) in l.routes.iter().zip(&bp.connectors) {
            for w in route.points.windows(2) {
                assert!(
                    w[0].x == w[1].x || w[0].y == w[1].y,
                    "{name} {}: not orthogonal",
                    c.id
                );
                let seg = Rect {
                    min: pos(w[0].x.min(w[1].x), w[0].y.min(w[1].y)),
                    max: pos(w[0].x.max(w[1].x), w[0].y.max(w[1].y)),
                };
                for card in &l.cards {
                    if card.id == c.from || card.id == c.to {
                        continue;
                    }
                    assert!(
                        !seg.intersects(&card.rect.expand(-0.5)),
                        "{name} {} crosses {}",
                        c.id,
                        card.id
                    );
                }
            }
        }
    }
}

#[test]
fn crowded_cells_grow_their_lane_and_hidden_lanes_vanish() {
    let mut bp = templates::blank(Language::En);
    let lane = bp.lanes[1].id.clone();
    let step = bp.stages[0].steps[0].id.clone();
    let before = layout(&bp, Options::default()).lanes[1].rect.height();
    for i in 0..3 {
        bp.touchpoints
            .push(Touchpoint::new(lane.clone(), step.clone(), format!("t{i}")));
    }
    let l = layout(&bp, Options::default());
    assert!(l.lanes[1].rect.height() > before * 2.0);
    bp.lanes[0].hidden = true;
    let l = layout(&bp, Options::default());
    assert_eq!(l.lanes.len(), bp.lanes.len() - 1);
    assert!(l.cell_at(pos(-5.0, -5.0)).is_none());
}

/// Cards in the way found by search agree with looking at every card, as
/// routing did, on crowded cells, hidden lanes and repeated ids.
#[test]
fn cards_in_the_way_are_those_a_look_at_every_card_finds() {
    let mut next = crate::testing::numbers(0x2545_f491_4f6c_dd1du64);
    for round in 0..60 {
        let mut bp = templates::synthetic(0);
        bp.stages[0].steps = (0..1 + next(6))
            .map(|i| Step {
                id: StepId::from(format!("step-{i}")),
                name: String::new(),
                duration_min: None,
            })
            .collect();
        bp.lanes[next(5)].hidden = round % 3 == 0;
        for i in 0..next(40) {
            let mut tp = Touchpoint::new(
                LaneId::from(format!("lane-{}", next(6))),
                StepId::from(format!("step-{}", next(7))),
                "t",
            );
            tp.id = TouchpointId::from(format!("tp-{}", next(30).max(i / 2)));
            bp.touchpoints.push(tp);
        }
        let l = layout(&bp, Options::default());
        let way = InTheWay::new(&l.cards, l.lanes.len());
        for s in &l.cards {
            for t in &l.cards {
                let (sr, tr) = (s.rect, t.rect);
                if s.step == t.step {
                    let every = !l.cards.iter().any(|o| {
                        o.step == s.step
                            && o.id != s.id
                            && o.id != t.id
                            && o.rect.min.y < sr.max.y.max(tr.max.y)
                            && o.rect.max.y > sr.min.y.min(tr.min.y)
                    });
                    assert_eq!(way.clear_column(s, t), every, "{} {}", s.id, t.id);
                }
                if s.lane == t.lane {
                    let y = s.rect.center().y;
                    let every = !l.cards.iter().any(|o| {
                        o.lane == s.lane
                            && o.step > s.step.min(t.step)
                            && o.step < s.step.max(t.step)
                            && o.rect.min.y <= y
                            && o.rect.max.y >= y
                    });
                    assert_eq!(way.clear_row(s, t), every, "{} {}", s.id, t.id);
                }
            }
        }
    }
}

#[test]
fn the_emotion_curve_has_a_point_per_step_with_feelings() {
    let bp = crate::testing::hotel();
    let l = layout(&bp, Options::default());
    let e = l.emotion.unwrap();
    assert_eq!(e.points.len(), l.steps.len());
    assert!(!e.moments.is_empty());
    assert!(e.points.iter().all(|(_, p)| e.plot.contains(*p)));
}
