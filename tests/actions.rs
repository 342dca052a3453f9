//! Improvement actions: their integrity, their place in the file (format 7),
//! their edits with undo, and the rules that use them, each both ways.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

mod check_fixture;
use check_fixture::*;
use servuction::check::{self, Element};
use servuction::edit::{Edit, History, apply};
use servuction::format::{self, ReadError};
use servuction::model::*;

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

/// The healthy café with its serving standard missed (3 min against 2 ±
/// 0.5) and a fail point on the staff's drink, with a workshop note.
fn missed() -> Blueprint {
    let mut bp = healthy();
    bp.standards[0].measurements.push(Measurement {
        date: day("2026-06-01"),
        value: 3.0,
    });
    bp.notes.push(Note {
        id: "note-cups".into(),
        ..Note::pinned(
            "lane-staff".into(),
            "step-drink".into(),
            "Cups run out at 9".into(),
            NoteColour::Yellow,
        )
    });
    bp
}

fn action(id: &str, to: Option<Attachment>) -> ImprovementAction {
    ImprovementAction {
        id: id.into(),
        owner: "Shift lead".into(),
        due: Some(day("2026-07-01")),
        ..ImprovementAction::new("Second espresso machine at rush hour", to)
    }
}

fn rules_on(bp: &Blueprint, today: &str) -> Vec<(&'static str, Element)> {
    check::check_on(bp, day(today))
        .into_iter()
        .map(|f| (f.rule, f.element))
        .collect()
}

#[test]
fn actions_refer_only_to_elements_that_exist() {
    let mut bp = missed();
    bp.actions = vec![
        action(
            "act-1",
            Some(Attachment::FailPoint("tp-staff-drink".into())),
        ),
        action("act-2", Some(Attachment::Standard("std-serve".into()))),
        action("act-3", Some(Attachment::Note("note-cups".into()))),
        ImprovementAction {
            moves_standard: Some("std-serve".into()),
            ..action("act-4", None)
        },
    ];
    assert_eq!(bp.problems(), []);

    bp.actions[0].attached_to = Some(Attachment::FailPoint("tp-gone".into()));
    bp.actions[1].attached_to = Some(Attachment::Standard("tp-staff-drink".into()));
    bp.actions[2].attached_to = Some(Attachment::Note("note-gone".into()));
    bp.actions[3].moves_standard = Some("std-gone".into());
    bp.actions.push(action("act-1", None));
    let found: Vec<String> = bp.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        found,
        [
            "actions[0].attached_to.fail_point: action `act-1` refers to touchpoint `tp-gone`, which does not exist",
            // A touchpoint's id does not stand for a standard.
            "actions[1].attached_to.standard: action `act-2` refers to standard `tp-staff-drink`, which does not exist",
            "actions[2].attached_to.note: action `act-3` refers to note `note-gone`, which does not exist",
            "actions[3].moves_standard: action `act-4` refers to standard `std-gone`, which does not exist",
            "actions[4].id: the id `act-1` is used by more than one element (first at actions[0].id)",
        ]
    );
}

#[test]
fn a_file_with_a_dangling_action_is_refused_with_its_line_and_field() {
    let mut bp = missed();
    bp.actions.push(ImprovementAction {
        moves_standard: Some("std-serve".into()),
        ..action("act-1", Some(Attachment::Standard("std-serve".into())))
    });
    let text = format::to_string(&bp).unwrap();
    let text = text.replace(
        "\"moves_standard\": \"std-serve\"",
        "\"moves_standard\": \"std-x\"",
    );
    let err = format::from_str(&text).unwrap_err();
    let ReadError::Invalid(d) = &err else {
        panic!("{err}")
    };
    let line = text.lines().position(|l| l.contains("std-x")).unwrap() + 1;
    assert_eq!(d.len(), 1, "{err}");
    assert_eq!(
        d[0].path.as_deref(),
        Some("blueprint.actions[0].moves_standard")
    );
    assert_eq!(d[0].position.map(|p| p.line), Some(line), "{err}");
    // A status the format does not know is refused with its place too.
    let text = format::to_string(&bp)
        .unwrap()
        .replace("\"status\": \"open\"", "\"status\": \"later\"");
    let text = if text.contains("\"later\"") {
        text
    } else {
        text.replace("\"what\":", "\"status\": \"later\", \"what\":")
    };
    let err = format::from_str(&text).unwrap_err().to_string();
    assert!(err.contains("blueprint.actions[0].status"), "{err}");
}

#[test]
fn actions_are_saved_and_read_back_in_version_7_and_version_6_files_still_read() {
    let mut bp = missed();
    bp.actions = vec![
        ImprovementAction {
            status: ActionStatus::InProgress,
            moves_standard: Some("std-serve".into()),
            ..action(
                "act-1",
                Some(Attachment::FailPoint("tp-staff-drink".into())),
            )
        },
        ImprovementAction {
            status: ActionStatus::Dropped,
            owner: String::new(),
            due: None,
            ..action("act-2", None)
        },
    ];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("café.servuction");
    format::save(&path, &bp).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let current = format!("\"version\": {}", format::CURRENT_VERSION);
    assert!(text.contains(&current), "{text}");
    assert!(text.contains("\"attached_to\": {\n"), "{text}");
    assert!(text.contains("\"status\": \"in_progress\""));
    assert_eq!(format::read(&path).unwrap(), bp);

    // A version 6 file (no actions) reads as it is, and one without the
    // field has no actions.
    bp.actions.clear();
    let v6 = format::to_string(&bp)
        .unwrap()
        .replace(&current, "\"version\": 6");
    assert!(v6.contains("\"version\": 6"));
    assert_eq!(format::from_str(&v6).unwrap(), bp);
    assert!(!format::to_string(&bp).unwrap().contains("\"actions\""));
}

#[test]
fn the_schema_describes_actions() {
    let schema = format::json_schema();
    for word in [
        "ImprovementAction",
        "in_progress",
        "dropped",
        "attached_to",
        "moves_standard",
    ] {
        assert!(schema.contains(word), "{word}");
    }
}

#[test]
fn actions_are_added_changed_and_deleted_each_in_one_undo_step() {
    let original = missed();
    let mut bp = original.clone();
    let mut history = History::default();
    let a = action("act-1", Some(Attachment::Standard("std-serve".into())));
    history.record(apply(&mut bp, Edit::AddAction(a.clone())).unwrap());
    let changed = ImprovementAction {
        status: ActionStatus::Done,
        what: "Two machines".into(),
        ..a.clone()
    };
    history.record(apply(&mut bp, Edit::SetAction(changed.clone())).unwrap());
    assert_eq!(bp.actions, [changed]);
    history.record(apply(&mut bp, Edit::DeleteAction("act-1".into())).unwrap());
    assert!(bp.actions.is_empty());
    history.undo(&mut bp).unwrap();
    history.undo(&mut bp).unwrap();
    assert_eq!(bp.actions, std::slice::from_ref(&a));
    history.undo(&mut bp).unwrap();
    assert_eq!(bp, original);

    // Refused, the document untouched: a dangling reference, an id in use,
    // a change to an action that is not there.
    let mut bp = original.clone();
    apply(&mut bp, Edit::AddAction(a.clone())).unwrap();
    let before = bp.clone();
    let dangling = ImprovementAction {
        moves_standard: Some("std-none".into()),
        ..action("act-2", None)
    };
    let err = apply(&mut bp, Edit::AddAction(dangling)).unwrap_err();
    assert!(
        err.to_string().contains("actions[1].moves_standard"),
        "{err}"
    );
    let err = apply(&mut bp, Edit::AddAction(a.clone())).unwrap_err();
    assert!(err.to_string().contains("more than one element"), "{err}");
    let err = apply(&mut bp, Edit::SetAction(action("act-9", None))).unwrap_err();
    assert!(err.to_string().contains("act-9"), "{err}");
    assert_eq!(bp, before);
}

/// Deleting what an action is attached to keeps the action in the plan,
/// detached, in the same step: undo attaches it again.
#[test]
fn deleting_what_an_action_is_attached_to_detaches_it_and_undo_attaches_it_again() {
    let mut bp = missed();
    bp.actions = vec![
        action(
            "act-fail",
            Some(Attachment::FailPoint("tp-cust-order".into())),
        ),
        ImprovementAction {
            moves_standard: Some("std-serve".into()),
            ..action("act-std", Some(Attachment::Standard("std-serve".into())))
        },
        action("act-note", Some(Attachment::Note("note-cups".into()))),
        action(
            "act-other",
            Some(Attachment::FailPoint("tp-staff-drink".into())),
        ),
    ];
    let original = bp.clone();
    let mut history = History::default();
    // The touchpoint takes its standard with it: both references go.
    let edit = Edit::DeleteTouchpoints(vec!["tp-cust-order".into()]);
    history.record(apply(&mut bp, edit).unwrap());
    assert_eq!(bp.actions.len(), 4);
    assert_eq!(bp.actions[0].attached_to, None);
    assert_eq!(bp.actions[1].attached_to, None);
    assert_eq!(bp.actions[1].moves_standard, None);
    assert_eq!(bp.actions[2], original.actions[2]);
    assert_eq!(bp.actions[3], original.actions[3]);
    assert_eq!(bp.problems(), []);
    // The note, and a lane that holds the other fail point.
    history.record(apply(&mut bp, Edit::DeleteNote("note-cups".into())).unwrap());
    assert_eq!(bp.actions[2].attached_to, None);
    history.record(apply(&mut bp, Edit::DeleteLane("lane-staff".into())).unwrap());
    assert_eq!(bp.actions[3].attached_to, None);
    assert_eq!(bp.problems(), []);
    for _ in 0..3 {
        history.undo(&mut bp).unwrap();
    }
    assert_eq!(bp, original);
    // A move is not a deletion: the action stays attached.
    let mut bp = original.clone();
    let edit = Edit::MoveTouchpoint {
        id: "tp-cust-order".into(),
        lane: "lane-cust".into(),
        step: "step-drink".into(),
    };
    apply(&mut bp, edit).unwrap();
    assert_eq!(bp.actions, original.actions);
    // Standards replaced by an import: an action on one that is gone is
    // detached, not refused.
    apply(&mut bp, Edit::SetStandards(Vec::new())).unwrap();
    assert_eq!(bp.actions[1].attached_to, None);
    assert_eq!(bp.problems(), []);
}

#[test]
fn a_missed_standard_without_an_open_action_is_found_and_one_open_action_silences_it() {
    let mut bp = missed();
    let rule = "missed-standard-without-action";
    let found = rules_on(&bp, "2026-06-15");
    assert!(
        found.contains(&(rule, Element::Standard("std-serve".into()))),
        "{found:?}"
    );
    let f = check::check_on(&bp, day("2026-06-15"))
        .into_iter()
        .find(|f| f.rule == rule)
        .unwrap();
    assert!(
        f.message(&bp, Language::En)
            .contains("\"Served within 2 min\" is missed and no open or in-progress action"),
        "{}",
        f.message(&bp, Language::En)
    );
    assert!(
        f.message(&bp, Language::Es)
            .contains("«Served within 2 min» se incumple")
    );

    // Done or dropped actions, or open ones about something else, do not count.
    for status in [ActionStatus::Done, ActionStatus::Dropped] {
        bp.actions = vec![ImprovementAction {
            status,
            ..action("act-1", Some(Attachment::Standard("std-serve".into())))
        }];
        assert!(rules_on(&bp, "2026-06-15").iter().any(|r| r.0 == rule));
    }
    bp.actions = vec![action(
        "act-1",
        Some(Attachment::FailPoint("tp-staff-drink".into())),
    )];
    assert!(rules_on(&bp, "2026-06-15").iter().any(|r| r.0 == rule));
    // Attached to it, or meant to move it, open or in progress: silent.
    for (status, to, moves) in [
        (
            ActionStatus::Open,
            Some(Attachment::Standard("std-serve".into())),
            None,
        ),
        (
            ActionStatus::InProgress,
            Some(Attachment::Note("note-cups".into())),
            Some("std-serve".into()),
        ),
    ] {
        bp.actions = vec![ImprovementAction {
            status,
            moves_standard: moves,
            ..action("act-1", to)
        }];
        assert!(!rules_on(&bp, "2026-06-15").iter().any(|r| r.0 == rule));
    }
    // A standard met has nothing to act on.
    bp.actions.clear();
    bp.standards[0].measurements[1].value = 1.0;
    assert!(!rules_on(&bp, "2026-06-15").iter().any(|r| r.0 == rule));
}

#[test]
fn an_action_past_its_due_date_and_still_to_do_is_overdue_as_of_the_day_given() {
    let mut bp = missed();
    bp.actions = vec![ImprovementAction {
        status: ActionStatus::InProgress,
        ..action("act-1", Some(Attachment::Standard("std-serve".into())))
    }];
    let late = ("action-overdue", Element::Action("act-1".into()));
    assert!(!rules_on(&bp, "2026-07-01").contains(&late), "due today");
    assert!(rules_on(&bp, "2026-07-02").contains(&late));
    let f = check::check_on(&bp, day("2026-07-02"))
        .into_iter()
        .find(|f| f.rule == "action-overdue")
        .unwrap();
    assert_eq!(
        f.message(&bp, Language::En),
        "the action \"Second espresso machine at rush hour\" was due on 1 Jul 2026 and is still in progress"
    );
    assert_eq!(
        f.message(&bp, Language::Es),
        "la acción «Second espresso machine at rush hour» vencía el 1 jul 2026 y sigue en curso"
    );
    for status in [ActionStatus::Done, ActionStatus::Dropped] {
        bp.actions[0].status = status;
        assert!(!rules_on(&bp, "2026-07-02").contains(&late), "{status:?}");
    }
    bp.actions[0].status = ActionStatus::Open;
    bp.actions[0].due = None;
    assert!(!rules_on(&bp, "2099-01-01").contains(&late), "no due date");
    // The rule can be switched off like any other.
    bp.actions[0].due = Some(day("2026-01-01"));
    assert!(rules_on(&bp, "2026-07-02").contains(&late));
    bp.disabled_rules.push("action-overdue".into());
    assert!(!rules_on(&bp, "2026-07-02").contains(&late));
}

/// Both rules stay linear: 20,000 missed standards and 20,000 actions are
/// checked in well under a second (a nested scan would take minutes).
#[test]
fn the_action_rules_stay_linear() {
    let mut bp = missed();
    let base = bp.standards[0].clone();
    for i in 0..20_000 {
        let id = StandardId::from(format!("std-{i}"));
        bp.standards.push(Standard {
            id: id.clone(),
            ..base.clone()
        });
        bp.actions.push(ImprovementAction {
            due: Some(day("2026-01-01")),
            ..action(&format!("act-{i}"), Some(Attachment::Standard(id)))
        });
    }
    let start = std::time::Instant::now();
    let found = check::check_on(&bp, day("2026-07-02"));
    let overdue = found.iter().filter(|f| f.rule == "action-overdue").count();
    let missed = found
        .iter()
        .filter(|f| f.rule == "missed-standard-without-action")
        .count();
    assert_eq!((overdue, missed), (20_000, 1));
    assert!(start.elapsed().as_secs_f64() < 5.0, "{:?}", start.elapsed());
}

/// Versions of a blueprint carry its actions: a diff names an action
/// added and one changed; a merge keeps the actions both sides added, and
/// an action on a card the other side deleted keeps that card, with a
/// conflict, so nothing is left dangling.
#[test]
fn diff_and_merge_carry_the_actions() {
    use servuction::versions::{diff, merge};
    let mut base = missed();
    base.actions.push(action(
        "act-base",
        Some(Attachment::Standard("std-serve".into())),
    ));
    let mut ours = base.clone();
    ours.actions[0].status = ActionStatus::Done;
    ours.actions.push(action("act-ours", None));
    let changes = diff(&base, &ours);
    let named: Vec<(String, String)> = (changes.changes.iter())
        .map(|c| (c.kind.word().to_owned(), c.id.clone()))
        .collect();
    assert!(
        named.contains(&("action".into(), "act-base".into())),
        "{named:?}"
    );
    assert!(
        named.contains(&("action".into(), "act-ours".into())),
        "{named:?}"
    );

    // Theirs deletes the staff's drink card; ours plans an action on it.
    let mut theirs = base.clone();
    theirs
        .touchpoints
        .retain(|t| t.id.as_str() != "tp-staff-drink");
    theirs
        .connectors
        .retain(|c| c.from.as_str() != "tp-staff-drink" && c.to.as_str() != "tp-staff-drink");
    theirs.actions.push(action("act-theirs", None));
    ours.actions.push(action(
        "act-drink",
        Some(Attachment::FailPoint("tp-staff-drink".into())),
    ));
    let merged = merge(&base, &ours, &theirs);
    let ids: Vec<&str> = merged.doc.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["act-base", "act-ours", "act-drink", "act-theirs"]);
    assert_eq!(merged.doc.actions[0].status, ActionStatus::Done);
    assert_eq!(merged.doc.problems(), []);
    assert!(
        merged.doc.touchpoint(&"tp-staff-drink".into()).is_some(),
        "the card the action is on is kept"
    );
    assert!(!merged.conflicts.is_empty());
}
