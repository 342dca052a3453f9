//! Improvement actions through the real UI: a workshop note turned into an
//! action from the presentation; an action added and edited in the
//! inspector; the action plan filtered, and a click that shows the card an
//! action is attached to.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servuction::app::EditorApp;
use servuction::model::*;

mod common;
use common::type_text;

fn hotel(recovery: &std::path::Path) -> Harness<'static, EditorApp> {
    common::editor(
        common::template("hotel", Language::En),
        Language::En,
        recovery,
    )
}

/// Clicks the last widget named `label` (the inspector lists the
/// touchpoint's fields first), once scrolled into view.
fn click_last(h: &mut Harness<'_, EditorApp>, label: &str) {
    h.get_all_by_label(label).last().unwrap().scroll_to_me();
    h.run_steps(30);
    h.get_all_by_label(label).last().unwrap().click();
    h.run();
}

#[test]
fn a_workshop_note_becomes_an_action_in_one_click_from_the_presentation() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = hotel(dir.path());
    // Going full screen animates: frames until it has.
    let run = |h: &mut Harness<'_, EditorApp>| {
        h.run_steps(60);
    };
    h.key_press(Key::F5);
    run(&mut h);
    assert!(h.state().is_presenting());
    // At the second stop, a note typed as the group speaks.
    h.key_press(Key::ArrowRight);
    run(&mut h);
    // No note yet, so nothing to turn into an action.
    assert!(h.query_by_label("Make an action").is_none());
    h.get_by_label("Add note").click();
    run(&mut h);
    h.event(egui::Event::Text(
        "Text the guest when the room is ready".into(),
    ));
    run(&mut h);
    h.key_press(Key::Escape);
    run(&mut h);
    let before = h.state().blueprint().actions.len();
    // Below the stop's standards and the note: the panel scrolls to it.
    h.get_by_label("Make an action").scroll_to_me();
    run(&mut h);
    h.get_by_label("Make an action").click();
    run(&mut h);
    let bp = h.state().blueprint();
    assert_eq!(bp.actions.len(), before + 1);
    let note = bp.notes.last().unwrap();
    let made = bp.actions.last().unwrap();
    assert_eq!(made.what, "Text the guest when the room is ready");
    assert_eq!(made.status, ActionStatus::Open);
    assert_eq!(made.attached_to, Some(Attachment::Note(note.id.clone())));
    // Once made, the note says so instead of offering it again.
    assert!(h.query_by_label("Make an action").is_none());
    assert!(
        h.query_by_label("An action is attached to this note")
            .is_some()
    );
    // One undo step takes it back, and the note offers it again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    run(&mut h);
    assert_eq!(h.state().blueprint().actions.len(), before);
    assert!(h.query_by_label("Make an action").is_some());
}

#[test]
fn an_action_is_added_on_a_fail_point_in_the_inspector_and_edited() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = hotel(dir.path());
    // The bellhop's card: a fail point without an action.
    h.get_by_label("Bellhop tags and keeps the bags").click();
    h.run();
    assert!(h.query_by_label("No action planned here yet").is_some());
    click_last(&mut h, "Add action");
    let last = |h: &Harness<'_, EditorApp>| h.state().blueprint().actions.last().cloned().unwrap();
    let a = last(&h);
    assert_eq!(
        a.attached_to,
        Some(Attachment::FailPoint("tp-luggage-bellhop".into()))
    );
    assert_eq!(h.state().blueprint().actions.len(), 3);
    // Its fields, under its title.
    click_last(&mut h, "New improvement action — Open");
    click_last(&mut h, "Owner");
    type_text(&mut h, "Bell captain");
    click_last(&mut h, "Due");
    type_text(&mut h, "2027-05-31");
    h.key_press(Key::Escape);
    h.run();
    let a = last(&h);
    assert_eq!(a.owner, "Bell captain");
    assert_eq!(a.due, Some("2027-05-31".parse().unwrap()));
    // The status from its list.
    h.get_by_role_and_label(egui::Role::ComboBox, "Status")
        .click();
    h.run();
    h.get_all_by_label("In progress").last().unwrap().click();
    h.run();
    assert_eq!(last(&h).status, ActionStatus::InProgress);
    click_last(&mut h, "Delete action");
    assert_eq!(h.state().blueprint().actions.len(), 2);
}

#[test]
fn the_action_plan_filters_and_a_click_shows_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut bp = common::template("hotel", Language::En);
    // A third action, overdue, by another owner.
    bp.actions.push(ImprovementAction {
        owner: "Bell captain".into(),
        due: Some("2020-03-01".parse().unwrap()),
        ..ImprovementAction::new(
            "Tag bags with the room number",
            Some(Attachment::FailPoint("tp-luggage-bellhop".into())),
        )
    });
    // A fourth from the workshop, on a note, without a date: last.
    let note = Note::loose(
        Point { x: 20.0, y: 20.0 },
        "Late check-out?".into(),
        NoteColour::Blue,
    );
    bp.actions.push(ImprovementAction::new(
        "Offer late check-out",
        Some(Attachment::Note(note.id.clone())),
    ));
    bp.notes.push(note);
    let mut h = common::editor(bp, Language::En, dir.path());
    assert!(h.query_by_label("Tag bags with the room number").is_none());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::A);
    h.run();
    // Soonest due first: the overdue one, then the hotel's two.
    let rows = [
        "Tag bags with the room number",
        "Log every request",
        "Housekeeping marks",
    ];
    let y: Vec<f32> = rows
        .iter()
        .map(|r| h.get_by_label_contains(r).rect().center().y)
        .collect();
    assert!(y.windows(2).all(|w| w[0] < w[1]), "{y:?}");
    assert!(h.query_by_label("Open · overdue").is_some());
    // Overdue only.
    h.get_by_label("Overdue only").click();
    h.run();
    assert!(h.query_by_label_contains("Log every request").is_none());
    assert!(h.query_by_label("Tag bags with the room number").is_some());
    h.get_by_label("Overdue only").click();
    h.run();
    // By owner.
    h.get_by_role_and_label(egui::Role::ComboBox, "Owner")
        .click();
    h.run();
    // The list's entry, not the row's owner.
    h.get_all_by_label("Head of housekeeping")
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(h.query_by_label_contains("Housekeeping marks").is_some());
    assert!(h.query_by_label("Tag bags with the room number").is_none());
    // A click on the action selects the card it is attached to.
    assert!(h.state().selection().is_empty());
    h.get_by_label_contains("Housekeeping marks").click();
    h.run();
    assert_eq!(
        h.state().selection(),
        [TouchpointId::from("tp-register-receptionist")]
    );
    // The note's action, which lies on no card, shows its note (no card
    // selected) and is edited in the plan: its fields open above the list.
    h.get_by_role_and_label(egui::Role::ComboBox, "Owner")
        .click();
    h.run();
    // The list's entry (the inspector's table of standards has an All too).
    h.get_all_by_label("All").next().unwrap().click();
    h.run();
    h.get_by_label("Offer late check-out").click();
    h.run();
    assert!(h.state().selection().is_empty());
    h.get_all_by_label("Edit").last().unwrap().click();
    h.run();
    h.get_all_by_role_and_label(egui::Role::TextInput, "Owner")
        .next()
        .unwrap()
        .click();
    h.run();
    h.key_press(Key::End);
    type_text(&mut h, "Guest relations");
    h.key_press(Key::Escape);
    h.run();
    let owner = |h: &Harness<'_, EditorApp>| h.state().blueprint().actions[3].owner.clone();
    assert_eq!(owner(&h), "Guest relations");
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Delete action").is_none());
}

/// An action changes no drawing, but the checks see it at once: planned on
/// a missed standard, its warning goes; undone, it comes back.
#[test]
fn an_action_on_a_missed_standard_takes_its_warning_away_and_undo_brings_it_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = hotel(dir.path());
    assert!(h.query_by_label("8 problems").is_some());
    let plan = ImprovementAction::new(
        "Search by surname and booking reference",
        Some(Attachment::Standard("std-reservation-found".into())),
    );
    h.state_mut().edit(servuction::edit::Edit::AddAction(plan));
    h.run();
    assert!(h.query_by_label("7 problems").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.query_by_label("8 problems").is_some());
}

/// The plan goes out through File → Export… and, changed in a spreadsheet,
/// comes back through File → Import improvement actions, in one undo step;
/// a bad sheet is refused with its line and column, nothing changed.
#[test]
fn the_action_plan_goes_out_as_csv_and_comes_back_changed_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = hotel(dir.path());
    let original = h.state().blueprint().clone();
    let menu = |h: &mut Harness<'_, EditorApp>, item: &str| {
        h.get_by_label("File").click();
        h.run();
        h.get_by_label_contains(item).click();
        h.run();
    };
    let path_field = |h: &mut Harness<'_, EditorApp>, path: &std::path::Path| {
        h.get_by_label("Path").click();
        h.run();
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        type_text(h, path.to_str().unwrap());
    };
    menu(&mut h, "Export…");
    h.get_by_label("Format").click();
    h.run();
    h.get_by_label("Improvement actions (CSV)").click();
    h.run();
    let csv = dir.path().join("plan.csv");
    path_field(&mut h, &csv);
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Export")
        .click();
    common::settle(&mut h);
    let text = std::fs::read_to_string(&csv).expect("the plan was written");
    assert_eq!(
        text,
        servuction::report::actions_csv(&original, Language::En)
    );

    // Done, as a spreadsheet would save it, and read back.
    std::fs::write(&csv, text.replace(",In progress,", ",Done,")).unwrap();
    menu(&mut h, "Import improvement actions (CSV)…");
    path_field(&mut h, &csv);
    h.get_by_label("OK").click();
    common::settle(&mut h);
    assert_eq!(h.state().blueprint().actions[0].status, ActionStatus::Done);
    assert!(
        h.query_by_label_contains("0 actions added, 1 changed, 1 unchanged")
            .is_some()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().blueprint(), &original);

    std::fs::write(&csv, "what,due\nCall back,tomorrow\n").unwrap();
    menu(&mut h, "Import improvement actions (CSV)…");
    path_field(&mut h, &csv);
    h.get_by_label("OK").click();
    common::settle(&mut h);
    assert!(
        h.query_by_label_contains("line 2, column 2: `tomorrow` is not a date")
            .is_some()
    );
    assert_eq!(h.state().blueprint(), &original);
}
