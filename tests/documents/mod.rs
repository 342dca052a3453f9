//! Random documents for the property tests of the file format and of
//! versions: blueprints with every kind of element, texts that must escape
//! and numbers at the edges.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use servuction::model::*;

/// The hotel template in English.
pub fn hotel() -> Blueprint {
    servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap()
}

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-zA-Z0-9 áéíóúñ¿?\"\\\\/\\n\\t{}]{0,12}",
        any::<String>()
    ]
}

pub fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        -1e6..1e6f64,
        Just(0.0),
        Just(1e300),
        Just(-0.5),
        Just(f64::MIN_POSITIVE)
    ]
}

pub fn blueprint() -> impl Strategy<Value = Blueprint> {
    (1usize..4, 1usize..4, 1usize..5, 0usize..12, any::<u64>())
        .prop_flat_map(|(stages, steps_per, lanes, tps, seed)| {
            let tp_fields = proptest::collection::vec(
                (
                    text(),
                    text(),
                    0u8..3,
                    any::<bool>(),
                    any::<bool>(),
                    proptest::option::of(0.0..500f64),
                    proptest::option::of(-2i8..=2),
                    0u8..3,
                ),
                tps,
            );
            let std_fields = proptest::collection::vec(
                (
                    text(),
                    proptest::option::of(number()),
                    proptest::option::of(0.0..10f64),
                    proptest::collection::vec((2000u16..2100, 1u8..13, 1u8..29, number()), 0..4),
                ),
                0..6,
            );
            (
                Just((stages, steps_per, lanes, seed)),
                text(),
                tp_fields,
                std_fields,
            )
        })
        .prop_map(|((stages, steps_per, lanes, seed), title, tps, stds)| {
            let mut bp = Blueprint {
                title,
                ..Default::default()
            };
            for s in 0..stages {
                bp.stages.push(Stage {
                    id: StageId::from(format!("stage-{s}")),
                    name: format!("Stage {s}"),
                    steps: (0..steps_per)
                        .map(|p| Step {
                            id: StepId::from(format!("step-{s}-{p}")),
                            name: format!("Step {p}"),
                            duration_min: (p % 2 == 0).then_some(p as f64 * 1.5),
                        })
                        .collect(),
                });
            }
            for l in 0..lanes {
                bp.lanes.push(Lane {
                    id: LaneId::from(format!("lane-{l}")),
                    kind: LaneKind::ALL[l % LaneKind::ALL.len()],
                    name: format!("Lane {l}"),
                    colour: Colour::rgb(l as u8 * 40, 200, (seed % 255) as u8),
                    hidden: l == 3,
                });
            }
            bp.lines.push(Line {
                kind: LineKind::Visibility,
                after_lane: bp.lanes[0].id.clone(),
                shown: true,
            });
            let steps: Vec<StepId> = bp.steps().map(|(_, s)| s.id.clone()).collect();
            for (i, (title, desc, mot, fail, wait, wait_min, feeling, ev)) in
                tps.into_iter().enumerate()
            {
                let mut tp = Touchpoint::new(
                    bp.lanes[i % lanes].id.clone(),
                    steps[(i * 7 + seed as usize) % steps.len()].clone(),
                    title,
                );
                tp.id = TouchpointId::from(format!("tp-{i}"));
                tp.description = desc;
                tp.moment_of_truth = [
                    MomentOfTruth::None,
                    MomentOfTruth::Moment,
                    MomentOfTruth::Critical,
                ][mot as usize];
                // A fail point made of the other random fields: texts that
                // must escape, a time, and ratings from 1 to 10 (some unrated).
                tp.fail_point = fail.then(|| {
                    Box::new(FailPoint {
                        failure: tp.title.clone(),
                        kind: FailKind::ALL.get(i % 7).copied(),
                        poka_yoke: tp.description.clone(),
                        recovery: tp.title.chars().rev().collect(),
                        recovery_min: wait_min,
                        severity: Some((i % 10) as u8 + 1),
                        occurrence: (i % 3 > 0).then_some(10),
                        detection: Some(((i * 7) % 10) as u8 + 1),
                    })
                });
                tp.wait_point = wait;
                tp.expected_wait_min = wait_min;
                tp.feeling = feeling;
                tp.evidence =
                    [Evidence::Observed, Evidence::Assumed, Evidence::Proposed][ev as usize];
                bp.touchpoints.push(tp);
            }
            let n = bp.touchpoints.len();
            for i in 1..n {
                bp.connectors.push(Connector {
                    id: ConnectorId::from(format!("con-{i}")),
                    from: bp.touchpoints[i - 1].id.clone(),
                    to: bp.touchpoints[i].id.clone(),
                    kind: [
                        ConnectorKind::Flow,
                        ConnectorKind::Dependency,
                        ConnectorKind::Feedback,
                    ][i % 3],
                    label: if i % 2 == 0 {
                        format!("label {i}")
                    } else {
                        String::new()
                    },
                });
            }
            if n > 0 {
                for (i, (statement, target, tolerance, values)) in stds.into_iter().enumerate() {
                    let mut s = Standard::new(bp.touchpoints[i % n].id.clone(), statement);
                    s.id = StandardId::from(format!("std-{i}"));
                    s.target = target;
                    s.tolerance = tolerance;
                    s.direction = if i % 2 == 0 {
                        Direction::HigherIsBetter
                    } else {
                        Direction::LowerIsBetter
                    };
                    s.method = (i % 3 != 0).then_some(MeasurementMethod::ALL[i % 7]);
                    s.measurements = values
                        .into_iter()
                        .map(|(y, m, d, value)| Measurement {
                            date: Date::new(y, m, d).unwrap(),
                            value,
                        })
                        .collect();
                    bp.standards.push(s);
                }
            }
            // Notes: pinned ones in the touchpoints' cells, loose ones at
            // fractional places.
            for i in 0..n {
                let tp = &bp.touchpoints[i];
                let colour = NoteColour::ALL[i % 4];
                let mut note = if i % 2 == 0 {
                    Note::pinned(
                        tp.lane.clone(),
                        tp.step.clone(),
                        tp.description.clone(),
                        colour,
                    )
                } else {
                    let x = (seed.wrapping_mul(i as u64 + 1) % 10_000_000) as f64 / 13.0;
                    Note::loose(Point { x, y: x / 3.0 }, tp.title.clone(), colour)
                };
                note.id = NoteId::from(format!("note-{i}"));
                note.votes = (seed % 4) as u32 * i as u32;
                bp.notes.push(note);
            }
            bp
        })
}

pub mod photos;
