//! The edit layer's own checks against the whole-document ones: starting from
//! a document free of problems, an edit is refused exactly when the document
//! it would make has a problem, and otherwise makes that document; the change
//! it returns undoes it.

use super::*;
use proptest::prelude::*;

fn start() -> Blueprint {
    let mut bp = crate::testing::hotel();
    let (lane, step) = (bp.lanes[1].id.clone(), bp.stages[1].steps[0].id.clone());
    bp.notes.push(Note::pinned(
        lane,
        step,
        "A pinned note".into(),
        NoteColour::Pink,
    ));
    bp.notes.push(Note::loose(
        Point { x: 10.0, y: 20.0 },
        "A loose note".into(),
        NoteColour::Green,
    ));
    bp.lines.push(Line {
        kind: LineKind::Implementation,
        after_lane: bp.lanes[3].id.clone(),
        shown: false,
    });
    assert!(bp.problems().is_empty());
    bp
}

/// The document an edit makes, unchecked.
fn unchecked(bp: &Blueprint, edit: Edit) -> Result<Blueprint, EditError> {
    let mut next = bp.clone();
    let mut tx = Tx::new(&mut next);
    run(&mut tx, edit)?;
    super::actions::detach_orphans(&mut tx);
    super::photos::drop_unused(&mut tx);
    Ok(next)
}

/// Whether an edit makes the same document every time (a duplicate gets
/// fresh ids).
fn deterministic(edit: &Edit) -> bool {
    match edit {
        Edit::DuplicateTouchpoints(_) => false,
        Edit::Batch(edits) => edits.iter().all(deterministic),
        _ => true,
    }
}

/// Every id in the document, to collide with.
fn some_id(bp: &Blueprint, i: usize) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for s in &bp.stages {
        ids.push(s.id.as_str());
        ids.extend(s.steps.iter().map(|p| p.id.as_str()));
    }
    ids.extend(bp.lanes.iter().map(|x| x.id.as_str()));
    ids.extend(bp.touchpoints.iter().map(|x| x.id.as_str()));
    ids.extend(bp.notes.iter().map(|x| x.id.as_str()));
    ids.extend(bp.connectors.iter().map(|x| x.id.as_str()));
    ids.extend(bp.standards.iter().map(|x| x.id.as_str()));
    ids.extend(bp.actions.iter().map(|x| x.id.as_str()));
    ids[i % ids.len()].to_owned()
}

/// An edit from random numbers, often one that breaks the document.
fn edit_for(bp: &Blueprint, op: u8, a: usize, b: usize) -> Edit {
    let pick = |n: usize, i: usize| i % n.max(1);
    let tp = |i: usize| {
        bp.touchpoints
            .get(pick(bp.touchpoints.len(), i))
            .map_or("tp-none".into(), |t| t.id.clone())
    };
    let lane = |i: usize| {
        bp.lanes
            .get(pick(bp.lanes.len(), i))
            .map_or("lane-none".into(), |l| l.id.clone())
    };
    let steps: Vec<StepId> = bp.steps().map(|(_, s)| s.id.clone()).collect();
    let step = |i: usize| {
        steps
            .get(pick(steps.len(), i))
            .cloned()
            .unwrap_or("step-none".into())
    };
    let stage = |i: usize| {
        bp.stages
            .get(pick(bp.stages.len(), i))
            .map_or("stage-none".into(), |s| s.id.clone())
    };
    // A number, now and then one that is not allowed.
    let number = |i: usize| match i % 7 {
        0 => Some(f64::NAN),
        1 => Some(-1.0),
        2 => None,
        3 => Some(f64::INFINITY),
        _ => Some(i as f64),
    };
    // An id, now and then empty or one already used.
    let id = |i: usize, fresh: String| match i % 11 {
        0 => String::new(),
        1..=3 => some_id(bp, i * 31),
        _ => fresh,
    };
    let touchpoint = |a: usize, b: usize| {
        let mut t = bp
            .touchpoints
            .get(pick(bp.touchpoints.len(), a))
            .cloned()
            .unwrap_or_else(|| Touchpoint::new(lane(a), step(b), "x"));
        t.title = format!("t{b}");
        match b % 6 {
            0 => {
                t.lane = if a.is_multiple_of(3) {
                    "lane-none".into()
                } else {
                    lane(b)
                }
            }
            1 => {
                t.step = if a.is_multiple_of(3) {
                    "step-none".into()
                } else {
                    step(b)
                }
            }
            2 => t.duration_min = number(a),
            3 => t.expected_wait_min = number(a),
            4 => t.feeling = Some((a % 7) as i8 - 3),
            _ => {
                t.fail_point = match t.fail_point {
                    Some(_) => None,
                    None => Some(Box::default()),
                }
            }
        }
        t
    };
    let note = |a: usize, b: usize| {
        let mut n = match b % 3 {
            0 => Note::pinned(lane(a), step(b), "n".into(), NoteColour::Blue),
            _ => Note::loose(
                Point {
                    x: number(a).unwrap_or(5.0) * 1e5,
                    y: b as f64,
                },
                "n".into(),
                NoteColour::Yellow,
            ),
        };
        match a % 9 {
            0 => n.lane = None,
            1 => n.at = Some(Point { x: 1.0, y: 1.0 }),
            2 => n.step = Some("step-none".into()),
            3 => n.lane = Some("lane-none".into()),
            _ => {}
        }
        n
    };
    let standard = |a: usize, b: usize| {
        let mut s = Standard::new(
            if b.is_multiple_of(13) {
                "tp-none".into()
            } else {
                tp(a)
            },
            "s",
        );
        s.id = StandardId::from(id(b, StandardId::generate().0.to_string()));
        s.target = number(a);
        s.tolerance = number(b);
        if a.is_multiple_of(4) {
            s.measurements.push(Measurement {
                date: "2026-01-01".parse().unwrap(),
                value: number(b).unwrap_or(1.0),
            });
        }
        s
    };
    match op % 32 {
        0 => {
            let mut t = touchpoint(a, b);
            t.id = TouchpointId::from(id(a + b, TouchpointId::generate().0.to_string()));
            Edit::AddTouchpoint(t)
        }
        1 => Edit::SetTouchpoint(touchpoint(a, b)),
        2 => Edit::MoveTouchpoint {
            id: tp(a),
            lane: if b.is_multiple_of(5) {
                "lane-none".into()
            } else {
                lane(b)
            },
            step: step(a + b),
        },
        3 => Edit::DeleteTouchpoints((0..1 + b % 12).map(|k| tp(a + k * b)).collect()),
        4 => Edit::DuplicateTouchpoints((0..1 + b % 10).map(|k| tp(a * k + b)).collect()),
        5 => Edit::AddConnector(Connector {
            id: ConnectorId::from(id(b, ConnectorId::generate().0.to_string())),
            from: tp(a),
            to: if b.is_multiple_of(7) {
                "tp-none".into()
            } else {
                tp(b)
            },
            kind: ConnectorKind::Feedback,
            label: String::new(),
        }),
        6 => Edit::SetConnectorKind {
            id: bp
                .connectors
                .get(pick(bp.connectors.len(), a))
                .map_or("con-none".into(), |c| c.id.clone()),
            kind: ConnectorKind::Dependency,
        },
        7 => Edit::AddStandard(standard(a, b)),
        8 => {
            let mut s = standard(a, b);
            if let Some(old) = bp.standards.get(pick(bp.standards.len(), b)) {
                s.id = old.id.clone();
            }
            Edit::SetStandard(s)
        }
        9 => Edit::SetStandards((0..b % 15).map(|k| standard(a + k, b + k)).collect()),
        10 => Edit::AddMeasurement {
            standard: bp
                .standards
                .get(pick(bp.standards.len(), a))
                .map_or("std-none".into(), |s| s.id.clone()),
            measurement: Measurement {
                date: "2026-02-01".parse().unwrap(),
                value: number(b).unwrap_or(0.0),
            },
        },
        11 => Edit::AddNote(note(a, b)),
        12 => {
            let mut n = note(a, b);
            if let Some(old) = bp.notes.get(pick(bp.notes.len(), b)) {
                n.id = old.id.clone();
            }
            Edit::SetNote(n)
        }
        13 => Edit::DeleteNote(
            bp.notes
                .get(pick(bp.notes.len(), a))
                .map_or("note-none".into(), |n| n.id.clone()),
        ),
        14 => Edit::AddLane(Lane {
            id: LaneId::from(id(a, LaneId::generate().0.to_string())),
            kind: LaneKind::Custom,
            name: "l".into(),
            colour: Colour::rgb(0, 0, 0),
            hidden: b.is_multiple_of(2),
        }),
        15 => Edit::MoveLane {
            id: lane(a),
            by: if b.is_multiple_of(2) { 1 } else { -1 },
        },
        16 => Edit::DeleteLane(lane(a)),
        17 => Edit::AddStage(Stage {
            id: StageId::from(id(a, StageId::generate().0.to_string())),
            name: "s".into(),
            steps: (0..b % 3)
                .map(|k| Step {
                    id: StepId::from(id(b + k, StepId::generate().0.to_string())),
                    name: "p".into(),
                    duration_min: number(a + k),
                })
                .collect(),
        }),
        18 => Edit::MoveStage {
            id: stage(a),
            by: if b.is_multiple_of(2) { 1 } else { -1 },
        },
        19 => Edit::MoveStep {
            id: step(a),
            by: (b % 5) as i32 - 2,
        },
        20 => Edit::DeleteStage(stage(a)),
        21 => Edit::AddStep {
            stage: stage(a),
            step: Step {
                id: StepId::from(id(b, StepId::generate().0.to_string())),
                name: "p".into(),
                duration_min: number(a),
            },
        },
        22 => Edit::RenameStep {
            id: step(a),
            name: "renamed".into(),
        },
        23 => Edit::DeleteStep(step(a)),
        24 => Edit::SetLineShown {
            kind: LineKind::ALL[a % 5],
            shown: b.is_multiple_of(2),
            after_lane: if b.is_multiple_of(3) {
                "lane-none".into()
            } else {
                lane(b)
            },
        },
        25 => Edit::VoteNote {
            id: bp
                .notes
                .get(pick(bp.notes.len(), a))
                .map_or("note-none".into(), |n| n.id.clone()),
            dots: 1,
        },
        26 => Edit::SetTitle(format!("{a}")),
        27 => Edit::SetDisabledRules(vec![format!("rule-{b}")]),
        28 => Edit::DeleteConnector(
            bp.connectors
                .get(pick(bp.connectors.len(), b))
                .map_or("con-none".into(), |c| c.id.clone()),
        ),
        29 => Edit::RenameLane {
            id: lane(b),
            name: "r".into(),
        },
        // Improvement actions: attached to what is there or not, with an id
        // new or used; changed; deleted.
        30 => {
            let mut act = ImprovementAction::new("a", None);
            if b.is_multiple_of(5) {
                act.id = ActionId::from(some_id(bp, a));
            }
            act.attached_to = match b % 4 {
                0 => Some(Attachment::FailPoint(tp(a))),
                1 => Some(Attachment::Standard(
                    bp.standards
                        .get(pick(bp.standards.len(), a))
                        .map_or("std-none".into(), |s| s.id.clone()),
                )),
                2 => Some(Attachment::Note(
                    bp.notes
                        .get(pick(bp.notes.len(), a))
                        .map_or("note-none".into(), |n| n.id.clone()),
                )),
                _ => None,
            };
            if a.is_multiple_of(3) {
                act.moves_standard = Some(StandardId::from(some_id(bp, b)));
            }
            Edit::AddAction(act)
        }
        31 => match bp.actions.get(pick(bp.actions.len(), a)) {
            Some(old) if b.is_multiple_of(2) => Edit::DeleteAction(old.id.clone()),
            Some(old) => Edit::SetAction(ImprovementAction {
                status: ActionStatus::ALL[b % 4],
                moves_standard: (b % 3 == 1).then(|| StandardId::from(some_id(bp, a))),
                ..old.clone()
            }),
            None => Edit::DeleteAction("act-none".into()),
        },
        _ => Edit::Batch(
            (0..1 + a % 4)
                .map(|k| edit_for(bp, ((a + k * 7) % 32) as u8, b + k, a + k * b))
                .collect(),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn an_edit_is_refused_exactly_when_it_would_break_the_document(
        ops in proptest::collection::vec((any::<u8>(), 0usize..1000, 0usize..1000), 1..30)
    ) {
        let mut doc = start();
        for (op, a, b) in ops {
            let edit = edit_for(&doc, op, a, b);
            let before = doc.clone();
            let expected = unchecked(&doc, edit.clone());
            let got = apply(&mut doc, edit.clone());
            match (expected, got) {
                (Err(e), Err(f)) => {
                    prop_assert_eq!(e, f);
                    prop_assert!(doc == before, "{:?} refused but changed the document", edit);
                }
                (Err(e), Ok(_)) => prop_assert!(false, "{:?} applied, but fails unchecked: {}", edit, e),
                (Ok(next), got) => {
                    let problems = next.problems();
                    match got {
                        Ok(change) => {
                            prop_assert!(problems.is_empty(), "{:?} let through {:?}", edit, problems);
                            let made = doc.clone();
                            prop_assert!(!deterministic(&edit) || made == next, "{:?} made another document", edit);
                            let redo = change.revert(&mut doc);
                            prop_assert!(doc == before, "{:?} not undone", edit);
                            redo.revert(&mut doc);
                            prop_assert!(doc == made, "{:?} not redone", edit);
                        }
                        Err(e) => {
                            prop_assert!(!problems.is_empty(), "{:?} refused for nothing: {}", edit, e);
                            prop_assert!(doc == before, "{:?} refused but changed the document", edit);
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_merged_swap_of_the_same_place_is_not_kept() {
    let mut bp = start();
    let original = bp.clone();
    let mut change = apply(&mut bp, Edit::SetTitle("a".into())).unwrap();
    change.merge(apply(&mut bp, Edit::SetTitle("ab".into())).unwrap());
    change.merge(apply(&mut bp, Edit::SetTitle("abc".into())).unwrap());
    assert_eq!(change.ops.len(), 1);
    let redo = change.revert(&mut bp);
    assert_eq!(bp, original);
    redo.revert(&mut bp);
    assert_eq!(bp.title, "abc");
}

#[test]
fn an_edit_past_a_limit_is_refused() {
    let mut bp = start();
    let lane = || Lane {
        id: LaneId::generate(),
        kind: LaneKind::Custom,
        name: "More".into(),
        colour: Colour::rgb(9, 9, 9),
        hidden: false,
    };
    while bp.lanes.len() < limits::LANES {
        bp.lanes.push(lane());
    }
    assert!(bp.problems().is_empty());
    let before = bp.clone();
    let err = apply(&mut bp, Edit::AddLane(lane())).unwrap_err();
    assert!(err.to_string().contains("more than the 200"), "{err}");
    assert_eq!(bp, before);
    // One out and one in stays within.
    let last = bp.lanes.last().unwrap().id.clone();
    apply(
        &mut bp,
        Edit::Batch(vec![Edit::DeleteLane(last), Edit::AddLane(lane())]),
    )
    .unwrap();
    assert!(bp.problems().is_empty());
}

/// Edits applied as one transaction (a paste) leave the blueprint as the
/// same edits applied one by one, undo to where they started, and a
/// transaction with one bad edit changes nothing.
#[test]
fn edits_applied_together_are_the_edits_applied_in_turn_and_all_or_nothing() {
    let hotel = crate::testing::hotel();
    let ids: Vec<TouchpointId> = hotel
        .touchpoints
        .iter()
        .take(12)
        .map(|t| t.id.clone())
        .collect();
    let text = clipboard::copy(&hotel, &ids).unwrap();
    let lane = hotel.lanes[0].id.clone();
    let step = hotel.stages[0].steps[0].id.clone();
    let (edits, _) = clipboard::paste(&hotel, &text, (&lane, &step)).unwrap();
    let mut one_by_one = hotel.clone();
    for e in edits.clone() {
        apply(&mut one_by_one, e).unwrap();
    }
    let mut together = hotel.clone();
    let change = apply_all(&mut together, edits.clone()).unwrap();
    assert_eq!(together, one_by_one);
    change.revert(&mut together);
    assert_eq!(together, hotel);
    // A duplicate id at the end: nothing of the rest stays.
    let mut bad = edits;
    bad.push(Edit::AddTouchpoint(hotel.touchpoints[0].clone()));
    let mut refused = hotel.clone();
    assert!(apply_all(&mut refused, bad).is_err());
    assert_eq!(refused, hotel);
}
