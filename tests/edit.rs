//! Edits and their history: any sequence of edits undone gives back the
//! original document, redone gives back the edited one; saving then loading
//! gives back the same document.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use proptest::prelude::*;
use servuction::edit::{Edit, History, apply};
use servuction::model::*;

fn hotel() -> Blueprint {
    servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap()
}

/// Turns random numbers into an edit that fits the document as it is now.
fn edit_for(bp: &Blueprint, op: u8, a: usize, b: usize, text: &str) -> Edit {
    let tp = |i: usize| bp.touchpoints[i % bp.touchpoints.len()].id.clone();
    let lane = |i: usize| bp.lanes[i % bp.lanes.len()].id.clone();
    let steps: Vec<StepId> = bp.steps().map(|(_, s)| s.id.clone()).collect();
    let step = |i: usize| steps[i % steps.len()].clone();
    match op % 12 {
        0 => Edit::AddTouchpoint(Touchpoint::new(lane(a), step(b), text)),
        1 => Edit::MoveTouchpoint {
            id: tp(a),
            lane: lane(b),
            step: step(a + b),
        },
        2 => Edit::DeleteTouchpoints(vec![tp(a)]),
        3 => Edit::DuplicateTouchpoints(vec![tp(b)]),
        4 => {
            let mut t = bp.touchpoints[a % bp.touchpoints.len()].clone();
            t.title = text.to_owned();
            t.fail_point = !t.fail_point;
            Edit::SetTouchpoint(t)
        }
        5 => Edit::AddStandard(Standard::new(tp(a), text)),
        6 => Edit::RenameLane {
            id: lane(a),
            name: text.to_owned(),
        },
        7 => Edit::MoveLane {
            id: lane(a),
            by: if b.is_multiple_of(2) { 1 } else { -1 },
        },
        8 => Edit::AddConnector(Connector {
            id: ConnectorId::generate(),
            from: tp(a),
            to: tp(b + 1),
            kind: ConnectorKind::Dependency,
            label: String::new(),
        }),
        9 => Edit::MoveStep {
            id: step(a),
            by: if b.is_multiple_of(2) { 1 } else { -1 },
        },
        10 => Edit::MoveStage {
            id: bp.stages[a % bp.stages.len()].id.clone(),
            by: if b.is_multiple_of(3) { 1 } else { -1 },
        },
        _ => Edit::SetTitle(text.to_owned()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn undo_all_gives_the_original_and_redo_all_the_edited(ops in proptest::collection::vec((any::<u8>(), 0usize..1000, 0usize..1000, "[a-zñ ]{0,10}"), 1..25)) {
        let original = hotel();
        let mut doc = original.clone();
        let mut history = History::default();
        let mut steps = 0;
        for (op, a, b, text) in &ops {
            if doc.touchpoints.len() < 2 {
                break;
            }
            let edit = edit_for(&doc, *op, *a, *b, text);
            let before = doc.clone();
            if let Ok(change) = apply(&mut doc, edit) {
                history.record(change);
                steps += 1;
            } else {
                prop_assert_eq!(&doc, &before, "a failed edit changed the document");
            }
            prop_assert!(doc.problems().is_empty());
        }
        let edited = doc.clone();
        for _ in 0..steps {
            prop_assert!(history.undo(&mut doc).is_some());
        }
        prop_assert!(!history.can_undo());
        prop_assert_eq!(&doc, &original);
        for _ in 0..steps {
            prop_assert!(history.redo(&mut doc).is_some());
        }
        prop_assert_eq!(&doc, &edited);
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
