//! The zone of tolerance in the inspector: the adequate level edited as an
//! absolute value, the state following it, and the default stated when no
//! tolerance is set.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use servuction::app::EditorApp;
use servuction::model::*;

mod common;
use common::type_text;

const STATEMENT: &str = "Every complaint answered within 15 min";

/// The hotel in English with "Receptionist takes the request" selected: its
/// one standard, 82 % against a desired level of 90 % and a tolerance of 5.
fn harness(recovery: &std::path::Path) -> Harness<'static, EditorApp> {
    let mut h = common::editor(
        common::template("hotel", Language::En),
        Language::En,
        recovery,
    );
    h.get_by_label("Receptionist takes the request").click();
    h.run();
    h
}

fn complaint(h: &Harness<'_, EditorApp>) -> Standard {
    h.state()
        .blueprint()
        .standards
        .iter()
        .find(|s| s.statement == STATEMENT)
        .unwrap()
        .clone()
}

/// Scrolls the inspector to the field `label` (with the role `role`, and
/// showing `value` if given), then clicks it.
fn click_field(h: &mut Harness<'_, EditorApp>, role: egui::Role, label: &str, value: Option<&str>) {
    let find = |h: &Harness<'_, EditorApp>| {
        h.query_all_by_label(label)
            .filter(|n| n.accesskit_node().role() == role)
            .find(|n| value.is_none() || n.value().as_deref() == value)
            .map(|n| n.accesskit_node().id())
    };
    let id = find(h).unwrap_or_else(|| panic!("no {role:?} {label} showing {value:?}"));
    h.get_by(|n| n.id() == id).scroll_to_me();
    h.run();
    let id = find(h).unwrap();
    h.get_by(|n| n.id() == id).click();
    h.run();
}

/// Whether the standard's section is headed with `state`.
fn headed(h: &Harness<'_, EditorApp>, state: &str) -> bool {
    h.query_by_label(&format!("{STATEMENT} — {state}"))
        .is_some()
}

#[test]
fn editing_the_adequate_level_moves_the_standard_into_the_zone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    assert_eq!(complaint(&h).compliance(), Compliance::Missed);
    assert!(headed(&h, "Missed"));
    // The desired level 90 and the adequate level 85 (90 less 5), both as
    // values of the unit.
    assert!(
        h.query_all_by_label("Desired level")
            .any(|n| n.value().as_deref() == Some("90"))
    );
    click_field(&mut h, egui::Role::SpinButton, "Adequate level", Some("85"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "80");
    h.key_press(Key::Enter);
    h.run();
    // 82 % now lies in the zone from 80 to 90: at risk, and so says the
    // inspector; the problems panel no longer lists it as missed.
    let s = complaint(&h);
    assert_eq!((s.target, s.tolerance), (Some(90.0), Some(10.0)));
    assert_eq!(s.compliance(), Compliance::AtRisk);
    assert!(headed(&h, "At risk"), "the section still says missed");
    let missed = format!("\"{STATEMENT}\" is missed: latest value 82 %");
    assert!(h.query_by_label_contains(&missed).is_none());
    // One undo puts the adequate level back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(complaint(&h).tolerance, Some(5.0));
    assert!(headed(&h, "Missed"));
    assert!(h.query_by_label_contains(&missed).is_some());
}

#[test]
fn without_a_tolerance_the_default_adequate_level_is_used_and_stated() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    // Unticked, the standard has no tolerance of its own.
    click_field(&mut h, egui::Role::CheckBox, "Adequate level", None);
    let s = complaint(&h);
    assert_eq!(s.tolerance, None);
    // 10 % below 90 is 81: 82 is at risk, without typing anything.
    assert_eq!(s.adequate_level(), Some(81.0));
    assert!(headed(&h, "At risk"));
    assert!(
        h.query_by_label("not set: 10% below the desired level is used (81)")
            .is_some(),
        "the default is not stated"
    );
    // Ticked again, the default becomes the standard's own tolerance, and
    // the field shows it.
    click_field(&mut h, egui::Role::CheckBox, "Adequate level", None);
    assert_eq!(complaint(&h).tolerance, Some(9.0));
    assert!(
        h.query_all_by_label("Adequate level")
            .any(|n| n.value().as_deref() == Some("81"))
    );
}

#[test]
fn a_value_well_beyond_the_desired_level_exceeds() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    // A value beyond 90 by more than the zone's width (5).
    click_field(&mut h, egui::Role::TextInput, "Value", None);
    type_text(&mut h, "96");
    h.get_by_label("Add value").click();
    h.run();
    assert_eq!(complaint(&h).compliance(), Compliance::Exceeds);
    assert!(headed(&h, "Exceeds"));
    // The trend chart names the zone it draws.
    assert!(
        h.query_by_label_contains(&format!("{STATEMENT} → 96 · Zone of tolerance: 85 – 90"))
            .is_some()
    );
    // Exceeded counts as met.
    assert!(h.query_by_label("6 of 11 standards met").is_some());
}
