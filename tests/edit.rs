//! Edits and their history: any sequence of edits undone gives back the
//! original document, redone gives back the edited one; saving then loading
//! gives back the same document.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use proptest::prelude::*;
use servuction::edit::{Change, Edit, Footprint, History, apply};
use servuction::model::*;

fn hotel() -> Blueprint {
    servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap()
}

/// Turns random numbers into an edit that fits the document as it is now
/// (or, now and then, one that must be refused).
fn edit_for(bp: &Blueprint, op: u8, a: usize, b: usize, text: &str) -> Edit {
    let tp = |i: usize| bp.touchpoints[i % bp.touchpoints.len()].id.clone();
    let lane = |i: usize| bp.lanes[i % bp.lanes.len()].id.clone();
    let steps: Vec<StepId> = bp.steps().map(|(_, s)| s.id.clone()).collect();
    let step = |i: usize| steps[i % steps.len()].clone();
    let stage = |i: usize| bp.stages[i % bp.stages.len()].id.clone();
    match op % 27 {
        0 => {
            let mut t = Touchpoint::new(lane(a), step(b), text);
            match b % 9 {
                // Refused: a feeling out of range, an id already used.
                0 => t.feeling = Some(3),
                1 => t.id = tp(a),
                2 => t.duration_min = Some(f64::NAN),
                _ => {}
            }
            Edit::AddTouchpoint(t)
        }
        1 => Edit::MoveTouchpoint {
            id: tp(a),
            lane: lane(b),
            step: step(a + b),
        },
        2 => Edit::DeleteTouchpoints(vec![tp(a)]),
        3 => Edit::DuplicateTouchpoints(vec![tp(b)]),
        4 | 5 => {
            let mut t = bp.touchpoints[a % bp.touchpoints.len()].clone();
            t.title = text.to_owned();
            t.fail_point = match t.fail_point {
                Some(_) => None,
                None => Some(Box::new(FailPoint {
                    failure: text.to_owned(),
                    severity: Some((b % 10) as u8 + 1),
                    ..FailPoint::default()
                })),
            };
            if b.is_multiple_of(4) {
                t.feeling = Some((b % 5) as i8 - 2);
            }
            Edit::SetTouchpoint(t)
        }
        6 => Edit::AddStandard(Standard::new(tp(a), text)),
        7 => Edit::RenameLane {
            id: lane(a),
            name: text.to_owned(),
        },
        8 => Edit::MoveLane {
            id: lane(a),
            by: if b.is_multiple_of(2) { 1 } else { -1 },
        },
        9 => Edit::AddConnector(Connector {
            id: ConnectorId::generate(),
            from: tp(a),
            // Now and then the same touchpoint: refused.
            to: tp(b + 1),
            kind: ConnectorKind::Dependency,
            label: String::new(),
        }),
        10 => Edit::MoveStep {
            id: step(a),
            by: if b.is_multiple_of(2) { 1 } else { -1 },
        },
        11 => Edit::MoveStage {
            id: stage(a),
            by: if b.is_multiple_of(3) { 1 } else { -1 },
        },
        12 => Edit::SetTitle(text.to_owned()),
        13 | 14 => Edit::DeleteTouchpoints(vec![tp(a), tp(b), tp(a + b), tp(a * 7 + 3)]),
        15 => Edit::DeleteLane(lane(a)),
        16 => Edit::DeleteStep(step(a)),
        17 => Edit::DeleteStage(stage(a)),
        18 => Edit::AddStep {
            stage: stage(a),
            step: Step {
                id: StepId::generate(),
                name: text.to_owned(),
                duration_min: b.is_multiple_of(3).then_some(b as f64 - 10.0),
            },
        },
        19 => Edit::RenameStep {
            id: step(b),
            name: text.to_owned(),
        },
        20 => Edit::SetLineShown {
            kind: LineKind::ALL[a % LineKind::ALL.len()],
            shown: b.is_multiple_of(2),
            after_lane: lane(b),
        },
        21 => Edit::AddNote(if b.is_multiple_of(2) {
            Note::pinned(lane(a), step(b), text.to_owned(), NoteColour::Pink)
        } else {
            Note::loose(
                Point {
                    x: a as f64,
                    y: b as f64 * 1e4,
                },
                text.to_owned(),
                NoteColour::Blue,
            )
        }),
        22 => Edit::VoteTouchpoint {
            id: tp(b),
            dots: a as i32 % 3 - 1,
        },
        23 => Edit::DuplicateTouchpoints(vec![tp(a), tp(b)]),
        24 => Edit::AddLane(Lane {
            id: LaneId::generate(),
            kind: LaneKind::Custom,
            name: text.to_owned(),
            colour: Colour::rgb(a as u8, b as u8, 0),
            hidden: false,
        }),
        // Improvement actions: added on a fail point, a standard or a note
        // (now and then on one that is not there: refused), changed, deleted.
        25 => {
            let std = |i: usize| bp.standards.get(i % bp.standards.len().max(1));
            let to = match b % 4 {
                0 => Some(Attachment::FailPoint(tp(a))),
                1 => std(a).map(|s| Attachment::Standard(s.id.clone())),
                2 => bp
                    .notes
                    .get(a % bp.notes.len().max(1))
                    .map(|n| Attachment::Note(n.id.clone())),
                _ => Some(Attachment::Standard("std-not-there".into())),
            };
            match (bp.actions.get(a % bp.actions.len().max(1)), a % 3) {
                (Some(old), 0) => Edit::DeleteAction(old.id.clone()),
                (Some(old), 1) => Edit::SetAction(ImprovementAction {
                    what: text.to_owned(),
                    status: ActionStatus::ALL[b % 4],
                    moves_standard: std(b).map(|s| s.id.clone()),
                    ..old.clone()
                }),
                _ => Edit::AddAction(ImprovementAction::new(text, to)),
            }
        }
        // A group: several of the above in one change, all or none.
        _ => Edit::Batch(
            (0..2 + a % 3)
                .map(|k| edit_for(bp, (a + k * b) as u8 % 26, b + k, a + 3 * k, text))
                .collect(),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn undo_all_gives_the_original_and_redo_all_the_edited(ops in proptest::collection::vec((any::<u8>(), 0usize..1000, 0usize..1000, "[a-zñ ]{0,10}", any::<bool>()), 1..25)) {
        let original = hotel();
        let mut doc = original.clone();
        let mut history = History::default();
        // The document after each undo step.
        let mut states = vec![original.clone()];
        for (op, a, b, text, merge) in &ops {
            if doc.touchpoints.len() < 2 || doc.lanes.is_empty() || doc.steps().next().is_none() {
                break;
            }
            let edit = edit_for(&doc, *op, *a, *b, text);
            let before = doc.clone();
            match apply(&mut doc, edit) {
                // A burst (typing, a drag): one undo step with the last one.
                Ok(change) if *merge && history.can_undo() => {
                    history.extend_last(change);
                    *states.last_mut().unwrap() = doc.clone();
                }
                Ok(change) => {
                    history.record(change);
                    states.push(doc.clone());
                }
                Err(_) => prop_assert_eq!(&doc, &before, "a failed edit changed the document"),
            }
            prop_assert!(doc.problems().is_empty(), "{:?}", doc.problems());
        }
        let steps = states.len() - 1;
        for k in (0..steps).rev() {
            prop_assert!(history.undo(&mut doc).is_some());
            prop_assert_eq!(&doc, &states[k]);
            prop_assert!(doc.problems().is_empty());
        }
        prop_assert!(!history.can_undo());
        prop_assert_eq!(&doc, &original);
        for state in &states[1..] {
            prop_assert!(history.redo(&mut doc).is_some());
            prop_assert_eq!(&doc, state);
        }
        prop_assert!(!history.can_redo());
        let text = servuction::format::to_string(&doc).unwrap();
        prop_assert_eq!(servuction::format::from_str(&text).unwrap(), doc);
    }
}

#[test]
fn deleting_a_touchpoint_takes_its_connectors_and_standards() {
    let mut bp = hotel();
    let id: TouchpointId = "tp-register-receptionist".into();
    apply(&mut bp, Edit::DeleteTouchpoints(vec![id.clone()])).unwrap();
    assert!(bp.touchpoint(&id).is_none());
    assert!(bp.connectors.iter().all(|c| c.from != id && c.to != id));
    assert!(bp.standards.iter().all(|s| s.touchpoint != id));
}

#[test]
fn an_edit_that_would_break_the_document_is_refused_untouched() {
    let mut bp = hotel();
    let before = bp.clone();
    let err = apply(
        &mut bp,
        Edit::MoveTouchpoint {
            id: "tp-arrive-guest".into(),
            lane: "lane-nowhere".into(),
            step: "step-arrive".into(),
        },
    );
    assert!(err.is_err());
    assert_eq!(bp, before);
    assert!(apply(&mut bp, Edit::DeleteStandard("std-none".into())).is_ok());
}

#[test]
fn deleting_a_lane_keeps_the_lines_consistent() {
    let mut bp = hotel();
    apply(&mut bp, Edit::DeleteLane("lane-contact".into())).unwrap();
    assert!(bp.problems().is_empty());
    assert_eq!(
        bp.line(LineKind::Visibility).unwrap().after_lane.as_str(),
        "lane-customer"
    );
    assert!(
        bp.touchpoints
            .iter()
            .all(|t| t.lane.as_str() != "lane-contact")
    );
}

#[test]
fn steps_move_in_time_across_stages_and_stages_reorder() {
    let mut bp = hotel();
    let order = |bp: &Blueprint| {
        bp.steps()
            .map(|(st, s)| format!("{}/{}", st.id, s.id))
            .collect::<Vec<_>>()
    };
    // The last step of Arrival moves later: it becomes the first of Check-in.
    apply(
        &mut bp,
        Edit::MoveStep {
            id: "step-luggage".into(),
            by: 1,
        },
    )
    .unwrap();
    assert_eq!(
        order(&bp)[1..3],
        ["stage-checkin/step-luggage", "stage-checkin/step-queue"]
    );
    apply(
        &mut bp,
        Edit::MoveStep {
            id: "step-luggage".into(),
            by: -1,
        },
    )
    .unwrap();
    assert_eq!(order(&bp)[1], "stage-arrival/step-luggage");
    apply(
        &mut bp,
        Edit::MoveStep {
            id: "step-queue".into(),
            by: 1,
        },
    )
    .unwrap();
    assert_eq!(
        order(&bp)[2..4],
        ["stage-checkin/step-register", "stage-checkin/step-queue"]
    );
    apply(
        &mut bp,
        Edit::MoveStage {
            id: "stage-checkout".into(),
            by: -1,
        },
    )
    .unwrap();
    assert_eq!(bp.stages[2].id.as_str(), "stage-checkout");
    assert!(
        apply(
            &mut bp,
            Edit::MoveStep {
                id: "step-arrive".into(),
                by: -1
            }
        )
        .is_ok()
    );
    assert!(bp.problems().is_empty());
}

/// The `i`th touchpoint with its fail-point flag switched.
fn flip_fail_point(bp: &Blueprint, i: usize) -> Edit {
    let mut tp = bp.touchpoints[i % bp.touchpoints.len()].clone();
    tp.fail_point = match tp.fail_point {
        Some(_) => None,
        None => Some(Box::default()),
    };
    Edit::SetTouchpoint(tp)
}

#[test]
fn two_hundred_one_touchpoint_steps_hold_little_memory() {
    let mut bp = servuction::templates::synthetic(5000);
    let mut history = History::default();
    for i in 0..History::LIMIT {
        let edit = flip_fail_point(&bp, i * 7919);
        history.record(apply(&mut bp, edit).unwrap());
    }
    let held = history.heap_bytes();
    // A snapshot per step held about 500 MB.
    assert!(held < 1_000_000, "200 undo steps hold {held} bytes");
    // One more step drops the oldest.
    let edit = flip_fail_point(&bp, 1);
    history.record(apply(&mut bp, edit).unwrap());
    let mut undone = 0;
    while history.undo(&mut bp).is_some() {
        undone += 1;
    }
    assert_eq!(undone, History::LIMIT);
}

#[test]
fn a_typing_burst_is_one_step_holding_one_old_value() {
    let mut bp = servuction::templates::synthetic(5000);
    let original = bp.clone();
    let i = 1234;
    let mut history = History::default();
    let typed = "Guest waits in queue";
    for n in 1..=typed.len() {
        let mut tp = bp.touchpoints[i].clone();
        tp.title = typed[..n].to_owned();
        let change = apply(&mut bp, Edit::SetTouchpoint(tp)).unwrap();
        assert_eq!(change.footprint(&bp), Footprint::Touchpoints(vec![i]));
        if n == 1 {
            history.record(change);
        } else {
            history.extend_last(change);
        }
    }
    assert_eq!(bp.touchpoints[i].title, typed);
    // One old touchpoint (its strings and itself), not twenty.
    let one = apply(&mut bp.clone(), flip_fail_point(&bp, i))
        .unwrap()
        .heap_bytes();
    assert!(
        history.heap_bytes() < 2 * one,
        "{} bytes",
        history.heap_bytes()
    );
    assert_eq!(history.undo(&mut bp), Some(Footprint::Touchpoints(vec![i])));
    assert_eq!(bp, original);
    assert!(!history.can_undo());
    assert_eq!(history.redo(&mut bp), Some(Footprint::Touchpoints(vec![i])));
    assert_eq!(bp.touchpoints[i].title, typed);
}

#[test]
fn footprints_tell_a_card_edit_from_a_layout_change() {
    let mut bp = hotel();
    let i = 7;
    let footprint = |bp: &mut Blueprint, edit: Edit| -> Footprint {
        let change = apply(bp, edit).unwrap();
        change.footprint(bp)
    };
    let mut tp = bp.touchpoints[i].clone();
    tp.title = "Another title".into();
    assert_eq!(
        footprint(&mut bp, Edit::SetTouchpoint(tp.clone())),
        Footprint::Touchpoints(vec![i])
    );
    // The same again changes nothing.
    assert_eq!(
        footprint(&mut bp, Edit::SetTouchpoint(tp.clone())),
        Footprint::None
    );
    tp.feeling = Some(if tp.feeling == Some(2) { -2 } else { 2 });
    assert_eq!(
        footprint(&mut bp, Edit::SetTouchpoint(tp.clone())),
        Footprint::Everything
    );
    let other_lane = bp
        .lanes
        .iter()
        .find(|l| l.id != tp.lane)
        .unwrap()
        .id
        .clone();
    assert_eq!(
        footprint(
            &mut bp,
            Edit::MoveTouchpoint {
                id: tp.id.clone(),
                lane: other_lane,
                step: tp.step.clone(),
            }
        ),
        Footprint::Everything
    );
    let new = Touchpoint::new(tp.lane.clone(), tp.step.clone(), "New");
    assert_eq!(
        footprint(&mut bp, Edit::AddTouchpoint(new)),
        Footprint::Everything
    );
    let lane = bp.lanes[0].id.clone();
    assert_eq!(
        footprint(
            &mut bp,
            Edit::RenameLane {
                id: lane,
                name: "Renamed".into()
            }
        ),
        Footprint::Everything
    );
    // Undo and redo tell the same.
    let mut history = History::default();
    let mut tp = bp.touchpoints[3].clone();
    tp.wait_point = !tp.wait_point;
    history.record(apply(&mut bp, Edit::SetTouchpoint(tp)).unwrap());
    assert_eq!(history.undo(&mut bp), Some(Footprint::Touchpoints(vec![3])));
    assert_eq!(history.redo(&mut bp), Some(Footprint::Touchpoints(vec![3])));
    assert_eq!(Change::default().footprint(&bp), Footprint::None);
    assert!(Change::default().is_empty());
}

/// Applies an edit that must be refused, and checks the document is as it was.
fn refused(bp: &mut Blueprint, edit: Edit) -> String {
    let before = bp.clone();
    let err = apply(bp, edit).expect_err("the edit was not refused");
    assert_eq!(*bp, before, "a refused edit changed the document");
    err.to_string()
}

#[test]
fn edits_that_would_break_the_document_are_refused_with_a_reason() {
    let mut bp = hotel();
    let from = bp.touchpoints[0].id.clone();
    let why = refused(
        &mut bp,
        Edit::AddConnector(Connector {
            id: "con-new".into(),
            from: from.clone(),
            to: "tp-missing".into(),
            kind: ConnectorKind::Flow,
            label: String::new(),
        }),
    );
    assert!(
        why.contains("con-new") && why.contains("tp-missing"),
        "{why}"
    );

    let mut dup = Touchpoint::new(
        bp.lanes[0].id.clone(),
        bp.stages[0].steps[0].id.clone(),
        "Dup",
    );
    dup.id = bp.touchpoints[5].id.clone();
    let why = refused(&mut bp, Edit::AddTouchpoint(dup));
    assert!(
        why.contains(bp.touchpoints[5].id.as_str()) && why.contains("more than one"),
        "{why}"
    );
    let lane = Lane {
        id: bp.stages[1].id.0.as_str().into(),
        kind: LaneKind::Custom,
        name: "A lane with a stage's id".into(),
        colour: Colour::rgb(1, 2, 3),
        hidden: false,
    };
    assert!(refused(&mut bp, Edit::AddLane(lane)).contains("more than one"));

    let mut tp = bp.touchpoints[2].clone();
    tp.duration_min = Some(f64::NAN);
    let why = refused(&mut bp, Edit::SetTouchpoint(tp));
    assert!(why.contains("touchpoints[2].duration_min"), "{why}");

    // A batch is all or none: the second edit fails, so the first is undone.
    let mut renamed = bp.touchpoints[0].clone();
    renamed.title = "Renamed".into();
    let why = refused(
        &mut bp,
        Edit::Batch(vec![
            Edit::SetTouchpoint(renamed),
            Edit::DeleteTouchpoints(vec![from.clone()]),
            Edit::VoteTouchpoint {
                id: from.clone(),
                dots: 1,
            },
        ]),
    );
    assert!(why.contains(from.as_str()), "{why}");

    // Nothing may refer to what was deleted; the lines of the method stay shown.
    let note = Note::pinned(
        bp.lanes[0].id.clone(),
        "step-nowhere".into(),
        "x".into(),
        NoteColour::Green,
    );
    assert!(refused(&mut bp, Edit::AddNote(note)).contains("step-nowhere"));
    let why = refused(
        &mut bp,
        Edit::SetLineShown {
            kind: LineKind::OrderPenetration,
            shown: true,
            after_lane: "lane-nowhere".into(),
        },
    );
    assert!(why.contains("lane-nowhere"), "{why}");
    let mut standard = bp.standards[0].clone();
    standard.tolerance = Some(-1.0);
    assert!(refused(&mut bp, Edit::SetStandard(standard)).contains("negative"));
    let taken = bp.stages[0].steps[0].id.clone();
    assert!(
        refused(
            &mut bp,
            Edit::Batch(vec![Edit::AddStage(Stage {
                id: StageId::generate(),
                name: "Late".into(),
                steps: vec![Step {
                    id: taken,
                    name: "Copy".into(),
                    duration_min: None,
                }],
            })])
        )
        .contains("more than one")
    );
}

#[test]
fn a_batch_is_one_undo_step() {
    let mut bp = hotel();
    let original = bp.clone();
    let edits: Vec<Edit> = (0..4)
        .map(|i| {
            let mut tp = bp.touchpoints[i].clone();
            tp.fail_point = match tp.fail_point {
                Some(_) => None,
                None => Some(Box::default()),
            };
            Edit::SetTouchpoint(tp)
        })
        .collect();
    let mut history = History::default();
    let change = apply(&mut bp, Edit::Batch(edits)).unwrap();
    assert_eq!(
        change.footprint(&bp),
        Footprint::Touchpoints(vec![0, 1, 2, 3])
    );
    history.record(change);
    assert!((0..4).all(|i| bp.touchpoints[i].fail_point != original.touchpoints[i].fail_point));
    history.undo(&mut bp);
    assert_eq!(bp, original);
    assert!(!history.can_undo());

    // A paste: the clip's edits in one batch.
    let text = servuction::edit::clipboard::copy(
        &bp,
        &[bp.touchpoints[10].id.clone(), bp.touchpoints[11].id.clone()],
    )
    .unwrap();
    let lane = bp.lanes[0].id.clone();
    let step = bp.stages[0].steps[0].id.clone();
    let (edits, ids) = servuction::edit::clipboard::paste(&bp, &text, (&lane, &step)).unwrap();
    history.record(apply(&mut bp, Edit::Batch(edits)).unwrap());
    assert!(ids.iter().all(|id| bp.touchpoint(id).is_some()));
    history.undo(&mut bp);
    assert_eq!(bp, original);
}

#[test]
fn deleting_thousands_of_touchpoints_is_undone_and_redone_exactly() {
    let mut bp = servuction::templates::synthetic(20000);
    let original = bp.clone();
    let ids: Vec<TouchpointId> = bp
        .touchpoints
        .iter()
        .step_by(10)
        .map(|t| t.id.clone())
        .collect();
    assert_eq!(ids.len(), 2000);
    // One pass over each list (milliseconds; a Vec::remove per card took
    // seconds): measured by `cargo bench --bench edit`, not asserted here.
    let change = apply(&mut bp, Edit::DeleteTouchpoints(ids)).unwrap();
    assert_eq!(bp.touchpoints.len(), 18000);
    let redo = change.revert(&mut bp);
    let undo = redo.revert(&mut bp);
    undo.revert(&mut bp);
    assert_eq!(bp, original);
}

#[test]
fn stages_are_split_inserted_and_steps_moved_between_them_in_one_step_each() {
    let original = hotel();
    let mut bp = original.clone();
    let mut history = History::default();
    let order = |bp: &Blueprint| {
        bp.steps()
            .map(|(st, s)| format!("{}/{}", st.id, s.id))
            .collect::<Vec<_>>()
    };
    // Split Check-in before "Registers": a new stage right after it.
    let new_stage = Stage {
        id: "stage-desk".into(),
        name: "At the desk".into(),
        steps: Vec::new(),
    };
    history.record(
        apply(
            &mut bp,
            Edit::SplitStage {
                at: "step-register".into(),
                new_stage,
            },
        )
        .unwrap(),
    );
    assert_eq!(bp.stages[1].id.as_str(), "stage-checkin");
    assert_eq!(bp.stages[2].id.as_str(), "stage-desk");
    assert_eq!(
        order(&bp)[2..5],
        [
            "stage-checkin/step-queue",
            "stage-desk/step-register",
            "stage-desk/step-key"
        ]
    );
    // A stage before the first one.
    let before = Stage {
        id: "stage-booking".into(),
        name: "Booking".into(),
        steps: vec![Step {
            id: "step-book".into(),
            name: "Books a room".into(),
            duration_min: None,
        }],
    };
    history.record(
        apply(
            &mut bp,
            Edit::InsertStage {
                index: 0,
                stage: before,
            },
        )
        .unwrap(),
    );
    assert_eq!(order(&bp)[0], "stage-booking/step-book");
    // The luggage step moves to the start of the booking stage.
    history.record(
        apply(
            &mut bp,
            Edit::MoveStepTo {
                id: "step-luggage".into(),
                stage: "stage-booking".into(),
                index: 0,
            },
        )
        .unwrap(),
    );
    assert_eq!(
        order(&bp)[..2],
        ["stage-booking/step-luggage", "stage-booking/step-book"]
    );
    // A step inserted at the end of a stage.
    history.record(
        apply(
            &mut bp,
            Edit::InsertStep {
                stage: "stage-arrival".into(),
                index: 99,
                step: Step {
                    id: "step-valet".into(),
                    name: "Valet".into(),
                    duration_min: None,
                },
            },
        )
        .unwrap(),
    );
    assert_eq!(order(&bp)[3], "stage-arrival/step-valet");
    assert!(bp.problems().is_empty());
    for _ in 0..4 {
        assert!(history.undo(&mut bp).is_some());
    }
    assert_eq!(bp, original);
}
