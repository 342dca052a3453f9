//! A fail point's content edited through the inspector: typed, undone,
//! redone and saved.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servuction::app::EditorApp;
use servuction::model::*;

mod common;
use common::type_text;

/// The hotel in English, recovery copies in `recovery`.
fn harness(recovery: &std::path::Path) -> Harness<'static, EditorApp> {
    common::editor(
        common::template("hotel", Language::En),
        Language::En,
        recovery,
    )
}

fn doorman(h: &Harness<'_, EditorApp>) -> Option<FailPoint> {
    h.state()
        .blueprint()
        .touchpoint(&"tp-arrive-doorman".into())
        .unwrap()
        .fail_point
        .as_deref()
        .cloned()
}

/// Types into the field named `label` (after what it holds), then leaves it.
fn type_into(h: &mut Harness<'_, EditorApp>, label: &str, text: &str) {
    h.get_all_by_label(label).next().unwrap().click();
    h.run();
    type_text(h, text);
    h.key_press(Key::Escape);
    h.run();
}

#[test]
fn a_failure_and_its_recovery_are_typed_in_the_inspector_undone_and_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    assert_eq!(doorman(&h), None);
    // The fail point's fields are there only once it is one.
    assert!(h.query_by_label("What goes wrong").is_none());
    h.get_by_label("Fail point").click();
    h.run();
    assert_eq!(doorman(&h), Some(FailPoint::default()));
    type_into(&mut h, "What goes wrong", "Nobody at the door at rush hour");
    type_into(
        &mut h,
        "Recovery (what staff do)",
        "Reception sends the bellhop out",
    );
    let fail = doorman(&h).unwrap();
    assert_eq!(fail.failure, "Nobody at the door at rush hour");
    assert_eq!(fail.recovery, "Reception sends the bellhop out");
    assert!(h.query_by_label_contains("rate all three").is_some());
    // The recovery is one undo step, and comes back with redo.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let undone = doorman(&h).unwrap();
    assert_eq!(undone.failure, "Nobody at the door at rush hour");
    assert_eq!(undone.recovery, "");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(doorman(&h).unwrap(), fail);

    // Saved through the app's own path entry, and read back.
    let path = dir.path().join("stay.json");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Path").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, path.to_str().unwrap());
    h.get_by_label("OK").click();
    h.run();
    let start = std::time::Instant::now();
    while h.state().busy() || h.state().document().is_dirty() {
        assert!(start.elapsed() < std::time::Duration::from_secs(60));
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    let saved = servuction::format::read(&path).unwrap();
    let tp = saved.touchpoint(&"tp-arrive-doorman".into()).unwrap();
    assert_eq!(tp.fail_point.as_deref(), Some(&fail));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"failure\": \"Nobody at the door at rush hour\""));
}

/// The pointer over a card's F badge: the tooltip says what goes wrong and
/// how staff recover; elsewhere on the card it lists the standards.
#[test]
fn the_f_badge_tells_the_failure_on_hover() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let tp = h
        .state()
        .blueprint()
        .touchpoint(&"tp-register-receptionist".into())
        .unwrap()
        .clone();
    let card = h.get_by_label(&tp.title).rect();
    // Where the scene draws the badge, in the card's units (176 × 78).
    let unit = servuction::layout::Rect::from_xywh(0.0, 0.0, 176.0, 78.0);
    let badge = servuction::scene::fail_badge(unit, &tp).unwrap();
    let at = |x: f32, y: f32| card.min + vec2(x / 176.0 * card.width(), y / 78.0 * card.height());
    let hover = |h: &mut Harness<'_, EditorApp>, p: egui::Pos2| {
        h.hover_at(p);
        for _ in 0..60 {
            h.step();
        }
    };
    hover(&mut h, at(badge.center().x, badge.center().y));
    assert!(
        h.query_by_label_contains("Fail point: Room not ready at check-in time")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Recovery: Store the bags")
            .is_some()
    );
    // Elsewhere on the card: its standards, not the failure.
    hover(&mut h, at(150.0, 20.0));
    assert!(h.query_by_label_contains("Fail point: Room").is_none());
}

#[path = "ui_fail/photos.rs"]
mod photos;
