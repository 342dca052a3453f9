//! Taking changes over: each kind the editor takes, and a version that
//! takes every change of another becomes that version.

use super::*;
use crate::versions::diff;

/// The hotel template in English.
pub(in crate::app::compare) fn hotel() -> Blueprint {
    crate::templates::find("hotel")
        .and_then(|t| t.load(Language::En).ok())
        .expect("the hotel template loads")
}

/// Applies edits as the editor does, all or none.
fn applied(mut bp: Blueprint, edits: Vec<Edit>) -> Blueprint {
    crate::edit::apply_all(&mut bp, edits).expect("the edits apply");
    bp
}

/// Another version of the hotel: a card retitled and another moved, one
/// added and one deleted, a standard's target and measured value changed,
/// a note added, a connector's kind changed, the title and a lane renamed,
/// an improvement action given another owner, one deleted and one added.
fn other_version(here: &Blueprint) -> Blueprint {
    let mut action = here.actions[0].clone();
    action.owner = "Night manager".into();
    let mut new_action = ImprovementAction::new("Offer a drink while the room is readied", None);
    new_action.id = "act-drink".into();
    let mut doorman = here
        .touchpoint(&"tp-arrive-doorman".into())
        .cloned()
        .unwrap_or_else(|| unreachable!());
    doorman.title = "Doorman welcomes the guest by name".into();
    let mut lobby = here
        .touchpoint(&"tp-queue-lobby".into())
        .cloned()
        .unwrap_or_else(|| unreachable!());
    lobby.step = doorman.step.clone();
    let mut valet = Touchpoint::new(
        doorman.lane.clone(),
        doorman.step.clone(),
        "Valet parks the car",
    );
    valet.id = "tp-valet".into();
    let mut standard = here.standards[0].clone();
    standard.target = standard.target.map(|t| t - 5.0);
    if let Some(m) = standard.measurements.last_mut() {
        m.value += 1.0;
    }
    let mut connector = here.connectors[0].clone();
    connector.kind = ConnectorKind::Dependency;
    let lane = &here.lanes[0];
    let note = Note::pinned(
        lane.id.clone(),
        doorman.step.clone(),
        "Ask the valet".into(),
        NoteColour::default(),
    );
    applied(
        here.clone(),
        vec![
            Edit::SetTouchpoint(doorman),
            Edit::SetTouchpoint(lobby),
            Edit::AddTouchpoint(valet),
            Edit::DeleteTouchpoints(vec!["tp-luggage-cart".into()]),
            Edit::SetStandard(standard),
            Edit::DeleteConnector(connector.id.clone()),
            Edit::AddConnector(connector),
            Edit::AddNote(note),
            Edit::SetAction(action),
            Edit::DeleteAction(here.actions[1].id.clone()),
            Edit::AddAction(new_action),
            Edit::SetTitle("Hotel stay, as it was".into()),
            Edit::RenameLane {
                id: lane.id.clone(),
                name: "Evidence".into(),
            },
        ],
    )
}

#[test]
fn a_version_that_takes_every_change_of_another_becomes_it() {
    let other = other_version(&hotel());
    let mut here = hotel();
    let kinds: Vec<_> = diff(&other, &here)
        .changes
        .iter()
        .map(|c| (c.kind, c.id.clone()))
        .collect();
    assert!(kinds.len() >= 10, "{kinds:?}");
    // One at a time, each against the document as the last left it.
    for _ in 0..kinds.len() * 2 {
        let changes = diff(&other, &here).changes;
        let Some(c) = changes.iter().find(|c| supported(c)) else {
            break;
        };
        let edits = edits(c, &here, &other).unwrap_or_else(|e| panic!("{c:?}: {e}"));
        here = applied(here, edits);
    }
    let left = diff(&other, &here).changes;
    assert!(left.iter().all(|c| !supported(c)), "{left:?}");
    // What is left is compliance, which follows from the values taken.
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_moved_card_taken_back_keeps_the_title_it_has_here() {
    let here = hotel();
    let mut other = here.clone();
    let id: TouchpointId = "tp-queue-lobby".into();
    let at = |bp: &Blueprint| bp.touchpoints.iter().position(|t| t.id == id).unwrap_or(0);
    let i = at(&other);
    other.touchpoints[i].step = "step-arrive".into();
    let mut here2 = here.clone();
    let j = at(&here2);
    here2.touchpoints[j].title = "Lobby, renamed here".into();
    let changes = diff(&other, &here2).changes;
    let moved = changes
        .iter()
        .find(|c| matches!(c.what, What::Moved { .. }))
        .unwrap_or_else(|| unreachable!());
    let after = applied(
        here2.clone(),
        edits(moved, &here2, &other).unwrap_or_default(),
    );
    let tp = after.touchpoint(&id).unwrap_or_else(|| unreachable!());
    assert_eq!(tp.step.as_str(), "step-arrive");
    assert_eq!(tp.title, "Lobby, renamed here");
}

#[test]
fn what_is_not_taken_says_so_and_changes_nothing() {
    let here = hotel();
    let mut other = here.clone();
    other.stages.remove(0);
    other.touchpoints.retain(|t| {
        other
            .stages
            .iter()
            .any(|s| s.steps.iter().any(|p| p.id == t.step))
    });
    let changes = diff(&other, &here).changes;
    let stage = changes
        .iter()
        .find(|c| c.kind == ElementKind::Stage)
        .unwrap_or_else(|| unreachable!());
    assert!(!supported(stage));
    assert_eq!(edits(stage, &here, &other), Err(TakeError::Unsupported));
    // A card whose element is gone here cannot take its fields.
    let changed = Change {
        kind: ElementKind::Touchpoint,
        id: "tp-nowhere".into(),
        name: String::new(),
        what: What::Changed { fields: vec![] },
    };
    assert_eq!(edits(&changed, &here, &other), Err(TakeError::Gone));
}
