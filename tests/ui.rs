//! The editor driven through its real UI with egui_kittest: widgets are found
//! by their accessible labels, clicked, typed into and dragged.
//!
//! Snapshots render on the CPU with Mesa (Debian: mesa-vulkan-drivers);
//! refresh them with `UPDATE_SNAPSHOTS=1 cargo test --test ui`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use egui::{Event, Key, Modifiers, PointerButton, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use servuction::app::EditorApp;
use servuction::model::*;
use servuction::recovery::RecoveryStore;

mod common;
use common::{settle, type_text};

fn harness(bp: Blueprint, recovery: &std::path::Path) -> Harness<'static, EditorApp> {
    common::editor(bp, Language::En, recovery)
}

fn hotel() -> Blueprint {
    servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap()
}

/// Chooses `item` of the File menu and answers the app's own path prompt
/// with `path` (what is typed replaces the suggested path), then OK.
fn through_the_menu(h: &mut Harness<'_, EditorApp>, item: &str, path: &str) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains(item).click();
    h.run();
    h.get_by_label("Path").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(h, path);
    h.get_by_label("OK").click();
}

/// The hotel in English, recovery copies in `dir`.
fn hotel_app(dir: &tempfile::TempDir) -> EditorApp {
    let mut app =
        EditorApp::new(hotel(), Some(RecoveryStore::at(dir.path()))).without_native_dialogs();
    app.set_language(Language::En);
    app
}

/// A harness the size of a projector's screen, 1920x1080.
fn projector_harness<S>() -> egui_kittest::HarnessBuilder<S> {
    Harness::builder()
        .with_size(vec2(1920.0, 1080.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(200)
}

/// The hotel on a 1920x1080 screen, as in a meeting room.
fn projector(dir: &tempfile::TempDir) -> Harness<'static, EditorApp> {
    let mut h =
        projector_harness().build_ui_state(|ui, app: &mut EditorApp| app.show(ui), hotel_app(dir));
    h.run();
    h
}

/// The hotel's backstage cell of the first step, which is empty: between
/// the doorman's card and the arrival list's.
fn empty_backstage_cell<S>(h: &Harness<'_, S>) -> Pos2 {
    let doorman = h.get_by_label("Doorman greets the guest").rect().center();
    let list = h
        .get_by_label("Arrival list from the reservation system")
        .rect()
        .center();
    Pos2::new(doorman.x, (doorman.y + list.y) / 2.0)
}

/// The hotel on a 1920x1080 screen, presented (F5) at its first stage.
fn presenting(dir: &tempfile::TempDir) -> Harness<'static, EditorApp> {
    let mut h = projector(dir);
    h.key_press(Key::F5);
    h.run();
    h
}

fn center_of(h: &Harness<'_, EditorApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

fn click_at(h: &mut Harness<'_, EditorApp>, pos: Pos2, clicks: usize) {
    press_at(h, pos, PointerButton::Primary, clicks);
}

fn right_click_at(h: &mut Harness<'_, EditorApp>, pos: Pos2) {
    press_at(h, pos, PointerButton::Secondary, 1);
}

fn press_at(h: &mut Harness<'_, EditorApp>, pos: Pos2, button: PointerButton, clicks: usize) {
    // Half a second after any earlier click, so clicks are not counted together.
    for _ in 0..30 {
        h.step();
    }
    h.hover_at(pos);
    h.step();
    for _ in 0..clicks {
        for pressed in [true, false] {
            h.event(Event::PointerButton {
                pos,
                button,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
        h.step();
    }
    h.run();
}

fn drag(h: &mut Harness<'_, EditorApp>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    for i in 1..=8 {
        h.hover_at(from + (to - from) * (i as f32 / 8.0));
        h.step();
    }
    h.drop_at(to);
    h.run();
}

fn tp<'a>(h: &'a Harness<'_, EditorApp>, id: &TouchpointId) -> &'a Touchpoint {
    h.state()
        .blueprint()
        .touchpoint(id)
        .expect("the touchpoint exists")
}

#[test]
fn build_a_blueprint_from_the_hotel_template_through_the_ui() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());

    // Select a card by clicking it.
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    assert_eq!(
        h.state().selection(),
        [TouchpointId::from("tp-arrive-doorman")]
    );

    // Double-click the empty back-office cell of the luggage step: a new
    // touchpoint, whose title takes what is typed straight away.
    let back_office_y = center_of(&h, "Front desk staffing roster").y;
    let luggage_x = center_of(&h, "Bell desk logs the bags").x;
    click_at(&mut h, Pos2::new(luggage_x, back_office_y), 2);
    let before = h.state().blueprint().touchpoints.len();
    assert_eq!(
        before,
        hotel().touchpoints.len() + 1,
        "double-click added no touchpoint"
    );
    let new_id = h.state().selection()[0].clone();
    assert_eq!(tp(&h, &new_id).lane.as_str(), "lane-backoffice");
    assert_eq!(tp(&h, &new_id).step.as_str(), "step-luggage");
    type_text(&mut h, "Luggage storage system");
    assert_eq!(tp(&h, &new_id).title, "Luggage storage system");
    h.key_press(Key::Escape);
    h.run();

    // Drag it to the back-office cell of the key step.
    let from = center_of(&h, "Luggage storage system");
    let key_x = center_of(&h, "Key card encoded for the room").x;
    drag(&mut h, from, Pos2::new(key_x, back_office_y));
    assert_eq!(
        tp(&h, &new_id).step.as_str(),
        "step-key",
        "the drag did not move the card"
    );
    assert_eq!(h.state().blueprint().touchpoints.len(), before);

    // Attach a standard with a measured value through the inspector.
    h.get_by_label("Luggage storage system").click();
    h.run();
    h.get_by_label("Add standard").click();
    h.run();
    let std_id = h
        .state()
        .blueprint()
        .standards_of(&new_id)
        .next()
        .expect("a standard")
        .id
        .clone();
    // The date is today's until changed.
    let today = servuction::model::Date::today().to_string();
    assert!(
        h.query_all_by_value(&today).next().is_some(),
        "the date field shows today"
    );
    h.get_by_label("Date").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "2026-06-30");
    h.get_by_label("Value").click();
    h.run();
    type_text(&mut h, "87.5");
    h.get_by_label("Add value").click();
    h.run();
    let standard = h
        .state()
        .blueprint()
        .standards
        .iter()
        .find(|s| s.id == std_id)
        .unwrap()
        .clone();
    assert_eq!(
        standard.measurements,
        [Measurement {
            date: "2026-06-30".parse().unwrap(),
            value: 87.5
        }]
    );

    // Undo takes the value, then the standard; redo puts both back.
    let edited = h.state().blueprint().clone();
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state()
            .blueprint()
            .standards
            .iter()
            .find(|s| s.id == std_id)
            .unwrap()
            .measurements
            .is_empty()
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state()
            .blueprint()
            .standards
            .iter()
            .all(|s| s.id != std_id)
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().blueprint(), &edited);

    // Save through the app's own path entry (there is no dialog service here),
    // then read the file back.
    let path = dir.path().join("stay.json");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label("Path").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, path.to_str().unwrap());
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(!h.state().document().is_dirty());
    assert_eq!(servuction::format::read(&path).unwrap(), edited);

    // Re-open it in a fresh editor: the same document.
    let mut again = harness(servuction::templates::blank(Language::En), dir.path());
    again.state_mut().open_path(&path);
    settle(&mut again);
    assert_eq!(again.state().blueprint(), &edited);
    assert!(again.query_by_label("Luggage storage system").is_some());
}

#[test]
fn a_focused_text_field_keeps_its_own_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    h.get_all_by_label("Owner").next().unwrap().click();
    h.run();
    type_text(&mut h, " (night)");
    assert!(
        tp(&h, &"tp-arrive-doorman".into())
            .owner
            .ends_with("(night)")
    );
    // Ctrl+Z inside the field: the field undoes, the document's undo does not fire.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        !h.state().document().can_redo(),
        "the document's undo fired inside a text field"
    );
    // Outside the field, one undo takes the whole typing burst.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tp(&h, &"tp-arrive-doorman".into()).owner, "Bell captain");
}

#[test]
fn unsaved_changes_are_not_lost_to_a_new_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    assert!(h.state().document().is_dirty());
    let edited = h.state().blueprint().clone();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("New from template").click();
    h.run();
    h.get_by_label("Visit to a bank branch (medium contact)")
        .click();
    h.run();
    // Asked first; cancelling keeps the document.
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().blueprint(), &edited);
}

#[test]
fn a_bad_file_shows_an_error_and_keeps_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, "{\"format\": \"servuction\", \"version\": 2, oops}").unwrap();
    let mut h = harness(hotel(), dir.path());
    h.state_mut().open_path(&bad);
    settle(&mut h);
    assert_eq!(h.state().blueprint(), &hotel());
    assert!(h.query_by_label_contains("Could not open").is_some());
}

#[test]
fn the_interface_speaks_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(
        servuction::templates::find("hotel")
            .unwrap()
            .load(Language::Es)
            .unwrap(),
        dir.path(),
    );
    h.get_by_label("ES").click();
    h.run();
    assert_eq!(h.state().language(), Language::Es);
    assert!(h.query_by_label("Archivo").is_some());
    assert!(h.query_by_label("Todos los estándares").is_some());
}

#[test]
fn snapshot_of_the_editor_with_the_hotel_template() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_by_label("Receptionist registers the guest").click();
    h.run();
    h.remove_cursor();
    h.run();
    h.snapshot("editor_hotel");
}

#[test]
fn unsaved_work_is_copied_when_the_window_loses_focus_and_restored_after_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let mut h = harness(hotel(), &recovery);
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    h.key_press(Key::F);
    h.run();
    assert!(tp(&h, &"tp-arrive-doorman".into()).is_fail_point());
    let edited = h.state().blueprint().clone();
    h.event(Event::WindowFocused(false));
    settle(&mut h);
    // The process dies here; the next start offers the copy.
    drop(h);
    let store = RecoveryStore::at(&recovery);
    assert_eq!(store.list().len(), 1, "no recovery copy was written");
    let mut again = harness(servuction::templates::blank(Language::En), &recovery);
    again.state_mut().offer_recovery();
    again.run();
    assert!(again.query_by_label("Recover unsaved work").is_some());
    again.get_by_label("Restore").click();
    again.run();
    assert_eq!(again.state().blueprint(), &edited);
    assert!(
        again.state().document().is_dirty(),
        "restored work is not saved yet"
    );
    assert!(store.list().is_empty(), "the copy was not cleaned up");
}

#[test]
fn a_failed_save_is_reported_and_the_document_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    let edited = h.state().blueprint().clone();
    let nowhere = dir.path().join("no such folder").join("stay.json");
    assert!(!h.state_mut().save_to(&nowhere, false));
    h.run();
    assert!(h.query_by_label_contains("Could not save").is_some());
    assert_eq!(h.state().blueprint(), &edited);
    assert!(h.state().document().is_dirty());
}

#[test]
fn a_file_changed_on_disk_is_noticed_before_it_is_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.json");
    servuction::format::save(&path, &hotel()).unwrap();
    let mut h = harness(servuction::templates::blank(Language::En), dir.path());
    h.state_mut().open_path(&path);
    settle(&mut h);
    // Someone else saves the file meanwhile.
    let mut theirs = hotel();
    theirs.title = "Their version".into();
    std::thread::sleep(std::time::Duration::from_millis(20));
    servuction::format::save(&path, &theirs).unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.query_by_label_contains("was changed by someone else")
            .is_some()
    );
    assert_eq!(
        servuction::format::read(&path).unwrap().title,
        "Their version"
    );
}

#[test]
fn the_problems_panel_lists_findings_and_selects_their_touchpoint() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    let finding = "the standard \"Reservation found at the first attempt\" is missed: latest value 97 %, short of the adequate level 98 % (desired level 99 %)";
    h.get_by_label(finding).click();
    h.run();
    assert_eq!(
        h.state().selection(),
        [TouchpointId::from("tp-register-receptionist")]
    );
    // Its standards show their trend.
    assert!(
        h.query_by_label_contains("Check-in completed within 4 min →")
            .is_some()
            || h.query_by_label_contains("Check-in completed within 4 min — Met")
                .is_some()
    );
}

#[test]
fn measured_values_are_imported_from_csv_through_the_file_menu() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("march.csv");
    std::fs::write(
        &csv,
        "standard_id,date,value\nstd-reservation-found,2026-04-30,99.5\nstd-nope,2026-04-30,1\n",
    )
    .unwrap();
    let mut h = harness(hotel(), dir.path());
    through_the_menu(&mut h, "Import measurements (CSV)…", csv.to_str().unwrap());
    settle(&mut h);
    let s = h
        .state()
        .blueprint()
        .standards
        .iter()
        .find(|s| s.id.as_str() == "std-reservation-found")
        .unwrap()
        .clone();
    assert_eq!(s.compliance(), Compliance::Met);
    assert!(
        h.query_by_label_contains("1 measured value added, 0 already there, 1 row skipped")
            .is_some()
    );
    // One undo step takes the whole import back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().blueprint(), &hotel());
}

#[test]
fn snapshot_of_the_compliance_view_in_spanish() {
    let dir = tempfile::tempdir().unwrap();
    let es = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::Es)
        .unwrap();
    let mut h = harness(es, dir.path());
    h.state_mut().set_language(Language::Es);
    h.run();
    // The toolbar's toggle (the View menu has the same).
    h.get_by_label("Vista de cumplimiento").click();
    h.run();
    h.key_press(Key::Escape);
    h.remove_cursor();
    h.run();
    h.snapshot("editor_hotel_es_compliance");
}

#[test]
fn a_rule_is_switched_off_from_the_problems_panel_and_saved_in_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    let finding = "the moment of truth \"Doorman says goodbye and calls a taxi\" has no standard";
    h.get_by_label(finding).click_secondary();
    h.run();
    h.get_by_label("Switch off the rule \"moment of truth without a standard\" for this blueprint")
        .click();
    h.run();
    assert_eq!(
        h.state().blueprint().disabled_rules,
        ["moment-without-standard"]
    );
    assert!(h.query_by_label(finding).is_none());
}

#[test]
fn shift_drag_selects_a_box_of_cards_and_they_copy_and_paste() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    let a = h.get_by_label("Receptionist registers the guest").rect();
    let b = h
        .get_by_label("Receptionist looks up the reservation")
        .rect();
    let from = a.left_top() - vec2(6.0, 6.0);
    let to = b.right_bottom() + vec2(6.0, 6.0);
    for _ in 0..30 {
        h.step();
    }
    h.hover_at(from);
    h.step();
    h.event_modifiers(
        Event::PointerButton {
            pos: from,
            button: PointerButton::Primary,
            pressed: true,
            modifiers: Modifiers::SHIFT,
        },
        Modifiers::SHIFT,
    );
    h.event(Event::ModifiersChanged(Modifiers::SHIFT));
    for i in 1..=6 {
        h.hover_at(from + (to - from) * (i as f32 / 6.0));
        h.step();
    }
    h.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::SHIFT,
    });
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    let mut sel: Vec<String> = h
        .state()
        .selection()
        .iter()
        .map(|id| id.0.to_string())
        .collect();
    sel.sort();
    assert_eq!(sel, ["tp-register-pms", "tp-register-receptionist"]);

    // Copied here, pasted into another document.
    let text =
        servuction::edit::clipboard::copy(h.state().blueprint(), h.state().selection()).unwrap();
    let mut other = harness(
        servuction::templates::find("bank")
            .unwrap()
            .load(Language::En)
            .unwrap(),
        dir.path(),
    );
    let before = other.state().blueprint().touchpoints.len();
    other.event(Event::Paste(text));
    other.run();
    assert_eq!(other.state().blueprint().touchpoints.len(), before + 2);
    assert!(
        other
            .query_by_label("Receptionist registers the guest")
            .is_some()
    );
    other.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    other.run();
    assert_eq!(other.state().blueprint().touchpoints.len(), before);
}

/// A key or a paste acts before the frame is drawn: the frame that received
/// it shows its result, not the frame after it.
#[test]
fn the_frame_that_receives_a_paste_or_a_key_shows_its_result() {
    let dir = tempfile::tempdir().unwrap();
    let hotel = hotel();
    let ids = vec![hotel.touchpoints[0].id.clone()];
    let title = hotel.touchpoints[0].title.clone();
    let text = servuction::edit::clipboard::copy(&hotel, &ids).unwrap();
    let mut h = harness(
        servuction::templates::find("bank")
            .unwrap()
            .load(Language::En)
            .unwrap(),
        dir.path(),
    );
    assert!(h.query_by_label(&title).is_none());
    h.event(Event::Paste(text));
    h.step();
    assert!(
        h.query_by_label(&title).is_some(),
        "the pasted card is not drawn in the frame of the paste"
    );
    // The pasted card is selected: Delete takes it away in the same frame.
    h.key_press(Key::Delete);
    h.step();
    assert!(
        h.query_by_label(&title).is_none(),
        "the deleted card is still drawn in the frame of the key"
    );
}

#[test]
fn the_overview_shows_where_the_view_is_and_takes_it_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    assert!(
        h.query_by_label("Overview of the whole diagram").is_none(),
        "no overview when all is in view"
    );
    h.state_mut().set_view(1.0, vec2(0.0, 0.0));
    h.run();
    assert!(
        h.query_by_label("Doorman says goodbye and calls a taxi")
            .is_none(),
        "the end of the stay is off screen"
    );
    let overview = h.get_by_label("Overview of the whole diagram").rect();
    click_at(&mut h, overview.right_center() - vec2(4.0, 0.0), 1);
    assert!(
        h.query_by_label("Doorman says goodbye and calls a taxi")
            .is_some(),
        "the overview did not move the view"
    );
}

#[test]
fn the_standards_table_filters_by_lane_and_status_and_sorts() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    // The filter buttons come before the table's status cells.
    h.get_all_by_label("Missed").next().unwrap().click();
    h.run();
    assert!(
        h.query_by_label("Reservation found at the first attempt")
            .is_some()
    );
    assert!(h.query_by_label("Bills without errors").is_none());
    h.get_all_by_label("All").next().unwrap().click();
    h.run();
    h.get_by_role_and_label(egui::Role::ComboBox, "Lane")
        .click();
    h.run();
    h.get_by_label("Back office and support systems").click();
    h.run();
    assert!(
        h.query_by_label("Room ready at the check-in time (15:00)")
            .is_some()
    );
    assert!(h.query_by_label("Bills without errors").is_none());
    h.get_by_label("Status").click();
    h.run();
    assert!(h.query_by_label("Status *").is_some());
}

#[test]
fn the_standards_table_follows_edits_while_filtered() {
    // The table's rows are worked out once per revision and choice of
    // filter: an edit that misses a standard brings it into "Missed".
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_all_by_label("Missed").next().unwrap().click();
    h.run();
    assert!(h.query_by_label("Bills without errors").is_none());
    let bills = h
        .state()
        .blueprint()
        .standards
        .iter()
        .find(|s| s.statement == "Bills without errors")
        .unwrap()
        .clone();
    let value = match bills.direction {
        Direction::HigherIsBetter => -1.0,
        Direction::LowerIsBetter => 1e9,
    };
    h.state_mut().edit(servuction::edit::Edit::AddMeasurement {
        standard: bills.id.clone(),
        measurement: Measurement {
            date: "2030-01-01".parse().unwrap(),
            value,
        },
    });
    h.run();
    assert!(
        h.query_by_label("Bills without errors").is_some(),
        "the missed standard is not listed"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.query_by_label("Bills without errors").is_none());
}

#[test]
fn dragging_from_a_cards_handle_to_another_card_connects_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_by_label("Front desk staffing roster").click();
    h.run();
    let handle = h
        .get_by_label("Connect \"Front desk staffing roster\" to…")
        .rect()
        .center();
    let target = center_of(&h, "Housekeeping reports the room status");
    let before = h.state().blueprint().connectors.len();
    drag(&mut h, handle, target);
    let bp = &h.state().blueprint();
    assert_eq!(bp.connectors.len(), before + 1);
    let c = bp.connectors.last().unwrap();
    assert_eq!(
        (c.from.as_str(), c.to.as_str()),
        ("tp-queue-roster", "tp-register-status")
    );
}

#[test]
fn clicking_a_standard_shows_its_touchpoint_on_the_canvas() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.state_mut().set_view(1.0, vec2(0.0, 0.0));
    h.run();
    assert!(
        h.query_by_label("Cashier takes the payment and thanks the guest")
            .is_none()
    );
    // The last row of the table of all standards, scrolled to.
    h.get_by_label("Check-out in under 3 min").scroll_to_me();
    h.run();
    h.get_by_label("Check-out in under 3 min").click();
    h.run();
    assert_eq!(h.state().selection(), [TouchpointId::from("tp-pay-guest")]);
    assert!(
        h.query_by_label("Pays and returns the key").is_some(),
        "the touchpoint was not brought into view"
    );
}

#[test]
fn presenting_walks_the_cycle_stage_by_stage_and_by_moments_of_truth() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenting(&dir);
    assert!(h.state().is_presenting());
    assert!(
        h.query_by_label("File").is_none(),
        "the editing chrome is hidden"
    );
    assert!(h.query_by_label("1 of 4").is_some());
    // A clicker's PageDown moves on; the panel shows the stage in large type.
    h.key_press(Key::PageDown);
    h.run();
    assert!(h.query_by_label("2 of 4").is_some());
    assert!(h.query_by_label("Check-in").is_some());
    h.key_press(Key::ArrowLeft);
    h.run();
    assert!(h.query_by_label("1 of 4").is_some());
    // Moment of truth by moment of truth, with the standards shown large.
    h.get_by_label("Moments of truth").click();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(
        h.query_all_by_label("Receptionist registers the guest")
            .count(),
        2,
        "the card and the panel"
    );
    assert!(h.query_by_label("3.6 min · Met").is_some());
    h.remove_cursor();
    h.run();
    h.snapshot("presentation_1920x1080");
    // Editing stays possible, and Esc leaves.
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().is_presenting());
    assert!(h.query_by_label("File").is_some());
}

#[test]
fn the_workshop_timer_counts_down_and_signals_the_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.key_press(Key::F5);
    // The view glides to the first stage.
    h.run_steps(90);
    h.get_by_role_and_label(egui::Role::SpinButton, "Minutes")
        .set_value_accesskit(1.0);
    h.run_steps(5);
    assert!(h.query_by_label("1:00").is_some());
    h.get_by_label("Start").click();
    for _ in 0..(61 * 60) {
        h.step();
    }
    assert!(h.query_by_label("Time is up").is_some());
    h.get_by_label("Reset").click();
    h.run_steps(5);
    assert!(h.query_by_label("1:00").is_some());
}

#[test]
fn a_workshop_adds_notes_and_votes_and_they_are_saved() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenting(&dir);
    h.get_by_label("Moments of truth").click();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    // A pink note in the critical moment's cell, typed straight away.
    h.get_by_label("Pink").click();
    h.run();
    h.get_by_label("Add note").click();
    h.run();
    type_text(&mut h, "Offer water while guests wait");
    let notes = &h.state().blueprint().notes;
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Offer water while guests wait");
    assert_eq!(notes[0].colour, NoteColour::Pink);
    assert_eq!(
        notes[0].step.as_ref().map(|s| s.as_str()),
        Some("step-register")
    );
    h.key_press(Key::Escape); // leaves the text field, not the presentation
    h.run();
    assert!(h.state().is_presenting());

    // Opening the vote hands the first participant three dots; then two
    // dots per person.
    h.get_by_label("Dot voting").click();
    h.run();
    assert!(
        h.query_by_label("3 dots left: click cards or notes")
            .is_some()
    );
    h.get_by_role_and_label(egui::Role::SpinButton, "Dots per person")
        .set_value_accesskit(2.0);
    h.run();
    h.get_by_label("Next participant").click();
    h.run();
    let card = h
        .get_all_by_label("Receptionist registers the guest")
        .find(|n| n.rect().center().x < 1400.0)
        .unwrap()
        .rect()
        .center();
    for _ in 0..3 {
        click_at(&mut h, card, 1);
    }
    let votes = |h: &Harness<'_, EditorApp>| {
        h.state()
            .blueprint()
            .touchpoint(&"tp-register-receptionist".into())
            .unwrap()
            .votes
    };
    assert_eq!(votes(&h), 2, "a participant has two dots");
    h.get_by_label("Next participant").click();
    h.run();
    click_at(&mut h, card, 1);
    assert_eq!(votes(&h), 3);
    assert!(
        h.query_by_label("1 dot left: click a card or note")
            .is_some()
    );

    // Saved in the file, and drawn in the export.
    let path = dir.path().join("workshop.json");
    assert!(h.state_mut().save_to(&path, false));
    let saved = servuction::format::read(&path).unwrap();
    assert_eq!(saved.notes[0].text, "Offer water while guests wait");
    assert_eq!(
        saved
            .touchpoint(&"tp-register-receptionist".into())
            .unwrap()
            .votes,
        3
    );
    let scene =
        servuction::render::export_scene(&saved, &servuction::scene::Theme::LIGHT, Language::En);
    let svg = servuction::render::svg::to_svg(&scene, &saved.title);
    assert!(
        svg.contains(">Offer water while"),
        "the note is drawn (wrapped) in the export"
    );
    assert!(svg.contains(">3</text>"));

    // The third participant of five spends the last dot: told to pass on,
    // not "0 dots left".
    assert!(h.query_by_label("Participant 3 of 5").is_some());
    click_at(&mut h, card, 1);
    assert_eq!(votes(&h), 4);
    assert!(
        h.query_by_label("No dots left: pass to the next participant")
            .is_some()
    );
    assert!(h.query_by_label_contains("0 dots left").is_none());
    // The vote ends with its results, ranked.
    h.get_by_label("End the vote and show the results").click();
    h.run();
    assert!(h.query_by_label("Results of the vote").is_some());
    assert!(
        h.query_by_label("1. Receptionist registers the guest — 4 votes")
            .is_some()
    );
    // Cleared in one step, undone in one.
    h.get_by_label("Clear the votes").click();
    h.run();
    assert_eq!(votes(&h), 0);
    assert!(h.query_by_label("Results of the vote").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(votes(&h), 4);
}

/// The panel lists the first twenty results and says how many more the
/// report has: what a frame draws does not grow with the votes.
#[test]
fn the_vote_results_list_the_first_twenty() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenting(&dir);
    let ids: Vec<TouchpointId> = h.state().blueprint().touchpoints[..25]
        .iter()
        .map(|t| t.id.clone())
        .collect();
    for (i, id) in ids.into_iter().enumerate() {
        h.state_mut().edit(servuction::edit::Edit::VoteTouchpoint {
            id,
            dots: i as i32 + 1,
        });
    }
    h.run();
    h.get_by_label("Show the results of the vote").click();
    h.run();
    let first = h.state().blueprint().touchpoints[24].title.clone();
    assert!(
        h.query_by_label(&format!("1. {first} — 25 votes"))
            .is_some()
    );
    assert!(h.query_by_label_contains("20. ").is_some());
    assert!(h.query_by_label_contains("21. ").is_none());
    assert!(
        h.query_by_label("and 5 more results, in the report")
            .is_some()
    );
}

/// The last participant's turn ends the round: no further participant.
#[test]
fn the_vote_knows_how_many_take_part() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenting(&dir);
    h.get_by_label("Dot voting").click();
    h.run();
    h.get_by_role_and_label(egui::Role::SpinButton, "Participants")
        .set_value_accesskit(2.0);
    h.run();
    assert!(h.query_by_label("Participant 1 of 2").is_some());
    h.get_by_label("Next participant").click();
    h.run();
    assert!(h.query_by_label("Participant 2 of 2").is_some());
    // Set once the vote is under way.
    assert!(
        h.get_by_role_and_label(egui::Role::SpinButton, "Participants")
            .accesskit_node()
            .is_disabled()
    );
    h.get_by_label("Next participant").click();
    h.run();
    assert!(h.query_by_label("Participant 2 of 2").is_some());
}

#[test]
fn loose_notes_are_added_in_a_workshop_dragged_anywhere_pinned_and_unpinned() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenting(&dir);
    h.key_press(Key::ArrowRight); // the check-in stage
    h.run();
    h.get_by_label("Green").click();
    h.run();
    h.get_by_label("Loose note").click();
    h.run();
    type_text(&mut h, "Ask the night staff");
    h.key_press(Key::Escape);
    h.run();
    let note = |h: &Harness<'_, EditorApp>| h.state().blueprint().notes[0].clone();
    let n = note(&h);
    assert_eq!(n.text, "Ask the night staff");
    assert_eq!(n.colour, NoteColour::Green);
    assert!(n.cell().is_none(), "a loose note has no cell: {n:?}");
    let at = n.at.expect("a loose note lies somewhere");
    // It lies on the stage shown, and the stop's panel lists it.
    let layout = servuction::layout::layout(h.state().blueprint(), Default::default());
    let stage = &layout.stages[1].rect;
    assert!(
        (stage.min.x..stage.max.x).contains(&(at.x as f32)),
        "{at:?} in {stage:?}"
    );
    assert_eq!(
        h.get_by_label("Note").value().as_deref(),
        Some("Ask the night staff"),
        "the panel lists the note for editing"
    );

    // Dragged on the canvas: it moves by the drag, wherever it goes.
    let on_screen = h.get_by_label("Note: Ask the night staff").rect();
    let from = on_screen.center();
    // (It was put on the stage's header: it is drawn at the nearest free
    // spot, and moves from there.)
    let layout = servuction::layout::layout(h.state().blueprint(), Default::default());
    let drawn = layout.notes.iter().find(|b| b.loose).unwrap().rect.min;
    drag(&mut h, from, from + vec2(-240.0, -110.0));
    let moved = note(&h).at.unwrap();
    assert!(
        (moved.x as f32) < drawn.x - 50.0 && (moved.y as f32) < drawn.y - 30.0,
        "{at:?} drawn at {drawn:?} -> {moved:?}"
    );
    assert!(note(&h).cell().is_none(), "still loose after the drag");

    // Pinned to the cell it lies over, then loose again, from its menu.
    let centre = h.get_by_label("Note: Ask the night staff").rect().center();
    let layout = servuction::layout::layout(h.state().blueprint(), Default::default());
    let nb = layout.notes.iter().find(|b| b.loose).unwrap();
    // The cell it lies over, or was put over (on a busy cell it is drawn at
    // the nearest free spot).
    let put = note(&h).at.unwrap();
    let (lane, step) = layout
        .cell_at(nb.rect.center())
        .or_else(|| {
            let c = servuction::layout::pos(put.x as f32 + 88.0, put.y as f32 + 39.0);
            layout.cell_at(c)
        })
        .unwrap_or_else(|| panic!("over a cell: {:?} in {:?}", nb.rect, layout.grid));
    h.get_by_label("Note: Ask the night staff")
        .click_secondary();
    h.run();
    h.get_by_label("Pin to this cell").click();
    h.run();
    let pinned = note(&h);
    assert_eq!(pinned.cell(), Some((&lane, &step)));
    assert_eq!(pinned.at, None);
    assert_ne!(
        h.get_by_label("Note: Ask the night staff").rect().center(),
        centre,
        "a pinned note goes into its cell"
    );
    h.get_by_label("Note: Ask the night staff")
        .click_secondary();
    h.run();
    h.get_by_label("Unpin (loose note)").click();
    h.run();
    assert!(note(&h).cell().is_none());
    // Undo pins it again; the file keeps what is on screen.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(note(&h).cell(), Some((&lane, &step)));
    let path = dir.path().join("notes.json");
    assert!(h.state_mut().save_to(&path, false));
    assert_eq!(servuction::format::read(&path).unwrap().notes[0], note(&h));
}

type Logged = (EditorApp, Vec<egui::ViewportCommand>);

/// The hotel on a 1920x1080 screen, keeping every command the app gives the
/// window.
fn logged_projector(dir: &tempfile::TempDir) -> Harness<'static, Logged> {
    let mut h = projector_harness().build_ui_state(
        |ui, (app, log): &mut Logged| {
            app.show(ui);
            log.extend(ui.ctx().viewport(|v| v.commands.clone()));
        },
        (hotel_app(dir), Vec::new()),
    );
    h.run();
    h
}

/// The commands given to the window since the last call.
fn window_commands(h: &mut Harness<'_, Logged>) -> Vec<egui::ViewportCommand> {
    h.run();
    std::mem::take(&mut h.state_mut().1)
}

#[test]
fn the_presenter_chooses_the_screen_to_present_on() {
    use servuction::app::present::Screen;
    let dir = tempfile::tempdir().unwrap();
    let mut h = logged_projector(&dir);
    h.state_mut().0.set_screens(vec![
        Screen {
            name: "eDP-1".into(),
            size: [1600, 900],
            position: [0, 0],
        },
        Screen {
            name: "HDMI-1".into(),
            size: [1920, 1080],
            position: [1600, 0],
        },
    ]);
    // View > Present on > the projector.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Present on").click();
    h.run();
    assert!(h.query_by_label("The window's screen").is_some());
    h.get_by_label("2 · HDMI-1 · 1920×1080").click();
    h.run();
    assert_eq!(
        h.state().0.prefs().present_screen.as_deref(),
        Some("HDMI-1")
    );
    h.key_press(Key::Escape); // closes the menu
    window_commands(&mut h);

    h.key_press(Key::F5);
    let cmds = window_commands(&mut h);
    assert!(
        cmds.contains(&egui::ViewportCommand::SetMonitor(1)),
        "full screen on the second screen: {cmds:?}"
    );
    assert_eq!(h.state().0.presentation().unwrap().screen, Some(1));

    // Moved to the laptop's screen without leaving.
    h.get_by_role_and_label(egui::Role::ComboBox, "Screen")
        .click();
    h.run();
    h.get_by_label("1 · eDP-1 · 1600×900").click();
    let cmds = window_commands(&mut h);
    assert!(
        cmds.contains(&egui::ViewportCommand::SetMonitor(0)),
        "{cmds:?}"
    );
    assert!(h.state().0.is_presenting());
    assert_eq!(h.state().0.prefs().present_screen.as_deref(), Some("eDP-1"));

    h.key_press(Key::Escape);
    let cmds = window_commands(&mut h);
    assert!(
        cmds.contains(&egui::ViewportCommand::Fullscreen(false)),
        "{cmds:?}"
    );
    assert!(!h.state().0.is_presenting());

    // The projector unplugged: the window's own screen, and a word why.
    h.state_mut().0.set_present_screen(Some("HDMI-1".into()));
    let laptop = h.state().0.screens()[..1].to_vec();
    h.state_mut().0.set_screens(laptop);
    h.key_press(Key::F5);
    let cmds = window_commands(&mut h);
    assert!(
        cmds.contains(&egui::ViewportCommand::Fullscreen(true)),
        "{cmds:?}"
    );
    assert!(
        !cmds
            .iter()
            .any(|c| matches!(c, egui::ViewportCommand::SetMonitor(_)))
    );
    assert!(
        h.query_by_label("The screen HDMI-1 is not connected: presenting on the window's screen")
            .is_some()
    );
    assert!(
        h.query_by_label("Screen").is_none(),
        "no screen to move to with one screen"
    );
}

#[test]
fn notes_are_written_in_a_cells_menu_pinned_there_or_loose() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = projector(&dir);
    let empty = empty_backstage_cell(&h);
    let doorman = center_of(&h, "Doorman greets the guest");
    // Right-click, write the note, and add it with one of the menu's buttons.
    let write_note = |h: &mut Harness<'_, EditorApp>, at: Pos2, text: &str, button: &str| {
        right_click_at(h, at);
        h.get_by_label("Note").click();
        h.run();
        type_text(h, text);
        h.get_by_label(button).click();
        h.run();
    };
    write_note(&mut h, empty, "Valet parking?", "Add note");
    let notes = h.state().blueprint().notes.clone();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "Valet parking?");
    assert_eq!(
        notes[0].cell(),
        Some((&"lane-backstage".into(), &"step-arrive".into()))
    );
    assert!(
        h.query_by_label("Note: Valet parking?").is_some(),
        "drawn on the canvas"
    );

    // A card's menu is about the card.
    right_click_at(&mut h, doorman);
    assert!(h.query_by_label("Loose note").is_none());
    h.key_press(Key::Escape);
    h.run();
    // A loose one where the menu was opened, in another step's empty cell.
    let waiting = center_of(&h, "Receptionist acknowledges waiting guests");
    let roster = center_of(&h, "Front desk staffing roster");
    let beside = Pos2::new(waiting.x - 20.0, (waiting.y + roster.y) / 2.0);
    write_note(&mut h, beside, "Loose idea", "Loose note");
    let loose = h.state().blueprint().notes[1].clone();
    assert_eq!(loose.text, "Loose idea");
    assert!(loose.cell().is_none());
    // Its corner is where the menu opened, as the file keeps it; drawn at
    // the nearest spot clear of the cards and connectors there.
    let at = loose.at.unwrap();
    let l = servuction::layout::layout(h.state().blueprint(), Default::default());
    let nb = l.notes.iter().find(|n| n.loose).unwrap();
    assert!(!l.cards.iter().any(|c| c.rect.intersects(&nb.rect)));
    let moved = (nb.rect.min.x - at.x as f32).hypot(nb.rect.min.y - at.y as f32);
    assert!(moved < 250.0, "{at:?} drawn at {:?}", nb.rect);
    let on_screen = h.get_by_label("Note: Loose idea").rect();
    let zoom = on_screen.width() / nb.rect.width();
    let put = on_screen.min - vec2(nb.rect.min.x - at.x as f32, nb.rect.min.y - at.y as f32) * zoom;
    assert!(
        (put.x - beside.x).abs() < 3.0 && (put.y - beside.y).abs() < 3.0,
        "it was put where the menu opened: {put:?} {beside:?}"
    );
}

#[test]
fn a_touchpoint_added_while_presenting_is_named_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenting(&dir);
    // On the first stage.
    let empty = empty_backstage_cell(&h);
    click_at(&mut h, empty, 2);
    type_text(&mut h, "Valet desk logs the car");
    assert!(h.state().is_presenting(), "still presenting");
    let added = h
        .state()
        .blueprint()
        .touchpoints
        .iter()
        .find(|t| t.lane.as_str() == "lane-backstage" && t.step.as_str() == "step-arrive")
        .cloned()
        .expect("a touchpoint in the cell");
    assert_eq!(added.title, "Valet desk logs the car");
    assert!(
        h.query_by_label("Valet desk logs the car").is_some(),
        "on the canvas"
    );
    // One undo takes back the typing, a second the touchpoint.
    h.key_press(Key::Escape); // leaves the field, not the presentation
    h.run();
    assert!(h.state().is_presenting());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().blueprint().touchpoint(&added.id).is_none());
}

#[test]
fn no_shortcut_acts_behind_a_dialog() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = projector(&dir);
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("OK").is_some(), "F1 lists the shortcuts");
    h.key_press(Key::F5);
    h.run();
    assert!(!h.state().is_presenting(), "F5 behind the dialog");
    h.get_by_label("OK").click();
    settle(&mut h);
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().is_presenting());
}

// ---- Regression tests for the editor-core bugs (issue 11) ----

/// The events a keyboard sends for typed text: a key press (for letters),
/// the text, and the release, as winit delivers them.
fn keys_of(text: &str) -> Vec<Event> {
    let mut events = Vec::new();
    for c in text.chars() {
        let key = Key::from_name(&c.to_ascii_uppercase().to_string());
        if let Some(key) = key {
            events.push(Event::Key {
                key,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            });
        }
        events.push(Event::Text(c.to_string()));
        if let Some(key) = key {
            events.push(Event::Key {
                key,
                physical_key: None,
                pressed: false,
                repeat: false,
                modifiers: Modifiers::NONE,
            });
        }
    }
    events
}

fn enter() -> Vec<Event> {
    [true, false]
        .map(|pressed| Event::Key {
            key: Key::Enter,
            physical_key: None,
            pressed,
            repeat: false,
            modifiers: Modifiers::NONE,
        })
        .to_vec()
}

fn double_click_events(pos: Pos2) -> Vec<Event> {
    let mut events = vec![Event::PointerMoved(pos)];
    for _ in 0..2 {
        for pressed in [true, false] {
            events.push(Event::PointerButton {
                pos,
                button: PointerButton::Primary,
                pressed,
                modifiers: Modifiers::NONE,
            });
        }
    }
    events
}

/// The touchpoint in a cell, by lane and step.
fn in_cell(h: &Harness<'_, EditorApp>, lane: &str, step: &str) -> Vec<Touchpoint> {
    h.state()
        .blueprint()
        .touchpoints
        .iter()
        .filter(|t| t.lane.as_str() == lane && t.step.as_str() == step)
        .cloned()
        .collect()
}

#[test]
fn a_new_card_typed_into_in_the_same_frame_as_its_double_click_takes_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    let cell = empty_backstage_cell(&h);
    for _ in 0..30 {
        h.step();
    }
    // Faster than frames: the double-click, the title and Enter in one frame.
    for e in double_click_events(cell)
        .into_iter()
        .chain(keys_of("Check in"))
        .chain(enter())
    {
        h.event(e);
    }
    h.run();
    let added = in_cell(&h, "lane-backstage", "step-arrive");
    assert_eq!(added.len(), 1, "one card in the cell");
    assert_eq!(added[0].title, "Check in", "the typed text went astray");
    assert_eq!(
        added[0].moment_of_truth,
        MomentOfTruth::None,
        "the C of Check in acted as a shortcut"
    );
}

#[test]
fn a_new_card_typed_into_in_the_frame_after_its_double_click_takes_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    let cell = empty_backstage_cell(&h);
    for _ in 0..30 {
        h.step();
    }
    for e in double_click_events(cell) {
        h.event(e);
    }
    h.step();
    for e in keys_of("Check in") {
        h.event(e);
    }
    h.step();
    for e in enter() {
        h.event(e);
    }
    h.run();
    let added = in_cell(&h, "lane-backstage", "step-arrive");
    assert_eq!(added.len(), 1, "one card in the cell");
    assert_eq!(added[0].title, "Check in", "the typed text went astray");
    assert_eq!(added[0].moment_of_truth, MomentOfTruth::None);
    assert!(!added[0].is_fail_point() && !added[0].wait_point);
}

#[test]
fn a_flag_toggled_on_several_cards_is_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    let labels = [
        "Doorman greets the guest",
        "Receptionist registers the guest",
        "Front desk staffing roster",
        "Bell desk logs the bags",
    ];
    h.get_by_label(labels[0]).click();
    h.run();
    for l in &labels[1..] {
        let at = center_of(&h, l);
        h.hover_at(at);
        for pressed in [true, false] {
            h.event_modifiers(
                Event::PointerButton {
                    pos: at,
                    button: PointerButton::Primary,
                    pressed,
                    modifiers: Modifiers::SHIFT,
                },
                Modifiers::SHIFT,
            );
        }
        h.run();
    }
    assert_eq!(h.state().selection().len(), 4);
    let before = h.state().blueprint().clone();
    h.key_press(Key::W);
    h.run();
    let waits = |h: &Harness<'_, EditorApp>| {
        h.state()
            .selection()
            .iter()
            .filter(|id| h.state().blueprint().touchpoint(id).unwrap().wait_point)
            .count()
    };
    assert!(waits(&h) > 0);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().blueprint() == &before,
        "one undo did not take back the whole toggle"
    );
}

#[test]
fn the_shortcuts_list_names_each_command_once_with_clipboard_and_escape() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    let redo_before = h.query_all_by_label("Redo").count();
    h.key_press(Key::F1);
    h.run();
    assert_eq!(
        h.query_all_by_label("Redo").count(),
        redo_before + 1,
        "Redo is listed once"
    );
    for name in ["Copy", "Cut", "Paste", "Esc"] {
        assert!(
            h.query_all_by_label_contains(name).next().is_some(),
            "{name} is not in the shortcuts list"
        );
    }
}

#[test]
fn unsaved_work_while_presenting_gets_a_recovery_copy() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenting(&dir);
    h.get_by_label("Add note").click();
    h.run();
    type_text(&mut h, "Offer water");
    // The note's field still has the keyboard when the window loses focus.
    h.event(Event::WindowFocused(false));
    settle(&mut h);
    drop(h); // killed while presenting
    let store = RecoveryStore::at(dir.path());
    assert_eq!(
        store.list().len(),
        1,
        "no recovery copy was written while presenting"
    );
    assert_eq!(
        store.load(&store.list()[0]).unwrap().notes[0].text,
        "Offer water"
    );
}

#[test]
fn unsaved_work_while_presenting_is_copied_every_half_minute() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = projector_harness()
        .with_step_dt(0.5)
        .build_ui_state(|ui, app: &mut EditorApp| app.show(ui), hotel_app(&dir));
    h.run();
    h.key_press(Key::F5);
    h.run_steps(4);
    h.get_by_label("Add note").click();
    h.run_steps(2);
    type_text(&mut h, "Offer water");
    let store = RecoveryStore::at(dir.path());
    // Ninety seconds of the facilitator talking, the field still focused.
    h.run_steps(180);
    drop(h); // killed while presenting
    assert_eq!(store.list().len(), 1, "no recovery copy after 90 s");
}

#[test]
fn keys_a_text_field_needs_never_reach_the_document_while_it_has_focus() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    h.get_all_by_label("Owner").next().unwrap().click();
    h.run();
    let before = h.state().blueprint().clone();
    // Plain letters that are canvas shortcuts, editing keys, clipboard keys.
    for key in [
        Key::M,
        Key::C,
        Key::F,
        Key::W,
        Key::N,
        Key::Delete,
        Key::Backspace,
    ] {
        h.key_press(key);
        h.run();
    }
    for key in [Key::Z, Key::Y, Key::D, Key::X, Key::C] {
        h.key_press_modifiers(Modifiers::COMMAND, key);
        h.run();
    }
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    let after = h.state().blueprint();
    assert_eq!(after.touchpoints.len(), before.touchpoints.len());
    let (a, b) = (
        after.touchpoint(&"tp-arrive-doorman".into()).unwrap(),
        before.touchpoint(&"tp-arrive-doorman".into()).unwrap(),
    );
    assert_eq!(
        (a.moment_of_truth, a.is_fail_point(), a.wait_point),
        (b.moment_of_truth, b.is_fail_point(), b.wait_point),
        "a flag shortcut acted while typing"
    );
    assert_eq!(h.state().selection().len(), 1, "the selection was changed");
}

/// One frame, with the input paced as eframe paces it.
fn paced_step(h: &mut Harness<'_, EditorApp>) {
    let mut raw = std::mem::take(h.input_mut());
    let events = std::mem::take(&mut raw.events);
    *h.input_mut() = raw;
    let mut raw = egui::RawInput {
        events,
        ..Default::default()
    };
    h.state_mut().pace_input(&mut raw);
    h.input_mut().events = raw.events;
    h.step();
}

#[test]
fn cards_entered_one_after_another_faster_than_frames_land_where_clicked() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    // Three empty backstage cells, under these contact-personnel cards.
    let y = empty_backstage_cell(&h).y;
    let cells: Vec<(&str, f32)> = [
        ("step-arrive", "Doorman greets the guest"),
        ("step-queue", "Receptionist acknowledges waiting guests"),
        ("step-room", "Bellhop brings the bags"),
    ]
    .iter()
    .map(|(step, card)| (*step, center_of(&h, card).x))
    .collect();
    for _ in 0..30 {
        h.step();
    }
    // All three entries arrive at once, as from a fast typist on a slow
    // machine: paced as eframe paces the window's input.
    for (i, (_, x)) in cells.iter().enumerate() {
        for e in double_click_events(Pos2::new(*x, y))
            .into_iter()
            .chain(keys_of(&format!("Confirm booking {i}")))
            .chain(enter())
        {
            h.event(e);
        }
    }
    for _ in 0..12 {
        paced_step(&mut h);
    }
    h.run();
    for (i, (step, _)) in cells.iter().enumerate() {
        let here = in_cell(&h, "lane-backstage", step);
        let titles: Vec<&str> = here.iter().map(|t| t.title.as_str()).collect();
        assert_eq!(titles, [format!("Confirm booking {i}")], "step {step}");
        assert_eq!(here[0].moment_of_truth, MomentOfTruth::None);
        assert!(!here[0].is_fail_point());
    }
}

/// An editor with unsaved work whose recovery copy is written.
fn editor_with_a_copy(recovery: &std::path::Path) -> Harness<'static, EditorApp> {
    let mut h = harness(hotel(), recovery);
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    h.key_press(Key::F);
    h.run();
    h.event(Event::WindowFocused(false));
    settle(&mut h);
    h
}

#[test]
fn a_restored_copy_survives_a_crash_right_after_the_restore() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let first = editor_with_a_copy(&recovery);
    let edited = first.state().blueprint().clone();
    drop(first); // killed
    let mut second = harness(servuction::templates::blank(Language::En), &recovery);
    second.state_mut().offer_recovery();
    second.run();
    second.get_by_label("Restore").click();
    second.run();
    assert_eq!(second.state().blueprint(), &edited);
    drop(second); // killed again, within a frame of the restore
    let mut third = harness(servuction::templates::blank(Language::En), &recovery);
    third.state_mut().offer_recovery();
    third.run();
    assert!(
        third.query_by_label("Recover unsaved work").is_some(),
        "the restored work was lost with the second crash"
    );
    third.get_by_label("Restore").click();
    third.run();
    assert_eq!(third.state().blueprint(), &edited);
}

#[test]
fn a_running_editors_copy_is_not_offered_by_another_window() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let b = editor_with_a_copy(&recovery);
    let work = b.state().blueprint().clone();
    let mut c = harness(servuction::templates::blank(Language::En), &recovery);
    c.state_mut().offer_recovery();
    c.run();
    assert!(
        c.query_by_label("Recover unsaved work").is_none(),
        "window B's live work was offered as a crash's"
    );
    drop(b); // now B is gone
    c.state_mut().offer_recovery();
    c.run();
    assert!(c.query_by_label("Recover unsaved work").is_some());
    // Discarding sets the copy aside for some days instead of deleting it.
    c.get_by_label("Discard changes").click();
    c.run();
    let store = RecoveryStore::at(&recovery);
    assert!(store.list().is_empty());
    let aside = store.discarded();
    assert_eq!(aside.len(), 1);
    assert_eq!(store.load(&aside[0]).unwrap(), work);
}

#[test]
fn the_help_lists_every_command() {
    use strum::IntoEnumIterator as _;
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    let before: Vec<usize> = servuction::app::UiCommand::iter()
        .map(|c| h.query_all_by_label(c.text().text(Language::En)).count())
        .collect();
    h.key_press(Key::F1);
    h.run();
    for (cmd, was) in servuction::app::UiCommand::iter().zip(before) {
        let name = cmd.text().text(Language::En);
        assert!(
            h.query_all_by_label(name).count() > was,
            "{cmd:?} ({name}) is not in the help"
        );
    }
}

#[test]
fn the_blueprints_own_properties_are_edited_in_the_inspector_and_exported() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(servuction::templates::blank(Language::En), dir.path());
    // Nothing selected: the inspector shows the blueprint.
    h.get_all_by_label("Title").next().unwrap().click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Hotel stay, city centre");
    h.key_press(Key::Escape);
    h.run();
    h.get_by_role_and_label(egui::Role::ComboBox, "Contact level")
        .click();
    h.run();
    h.get_by_label("High contact").click();
    h.run();
    let bp = h.state().blueprint().clone();
    assert_eq!(bp.title, "Hotel stay, city centre");
    assert_eq!(bp.contact_level, ContactLevel::High);
    let scene =
        servuction::render::export_scene(&bp, &servuction::scene::Theme::LIGHT, Language::En);
    let svg = servuction::render::svg::to_svg(&scene, &bp.title);
    assert!(
        svg.contains("High contact"),
        "the export prints the contact level"
    );
    // One undo takes back the contact level, one more the typed title.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().blueprint().contact_level, ContactLevel::Medium);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().blueprint().title,
        servuction::templates::blank(Language::En).title
    );
}

#[test]
fn the_zoom_controls_sit_clear_of_the_diagram_at_start() {
    let dir = tempfile::tempdir().unwrap();
    for bp in [hotel(), servuction::templates::blank(Language::En)] {
        let h = harness(bp, dir.path());
        let zoom = h.get_by_label("Fit").rect();
        assert!(
            h.query_by_label("Overview of the whole diagram").is_none(),
            "fitted: no overview"
        );
        // The diagram's title is its top: the controls are above it or beside it.
        let cards: Vec<egui::Rect> = h
            .state()
            .blueprint()
            .touchpoints
            .iter()
            .filter_map(|t| h.query_by_label(&t.title).map(|n| n.rect()))
            .collect();
        assert!(cards.iter().all(|c| !c.intersects(zoom)), "{zoom:?}");
        assert!(zoom.min.y < 120.0, "at the top: {zoom:?}");
    }
}

#[test]
fn the_path_prompt_takes_enter_and_esc_and_suggests_the_pngs_name() {
    let dir = tempfile::tempdir().unwrap();
    // A PNG exported with its document inside.
    let png = dir.path().join("stay.png");
    let bp = hotel();
    let scene =
        servuction::render::export_scene(&bp, &servuction::scene::Theme::LIGHT, Language::En);
    let svg = servuction::render::svg::to_svg(&scene, &bp.title);
    let (w, hgt, rgba) = servuction::render::png::rasterise(&svg, 0.3).unwrap();
    let doc = servuction::format::to_string(&bp).unwrap();
    std::fs::write(
        &png,
        servuction::render::png::encode(w, hgt, &rgba, Some(&doc)).unwrap(),
    )
    .unwrap();
    let mut h = harness(servuction::templates::blank(Language::En), dir.path());
    h.state_mut().open_path(&png);
    settle(&mut h);
    // Save: no file yet, so the prompt asks, suggesting the PNG's name.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let suggested = dir.path().join("stay.servuction").display().to_string();
    assert!(
        h.query_all_by_value(&suggested).next().is_some(),
        "Save does not suggest {suggested}"
    );
    // Esc cancels: nothing written.
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_all_by_value(&suggested).next().is_none(),
        "Esc did not cancel"
    );
    assert!(!dir.path().join("stay.servuction").exists());
    // Enter confirms.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        servuction::format::read(&dir.path().join("stay.servuction")).unwrap(),
        bp
    );
}

/// A document never saved is suggested under its blueprint's title, not
/// "Untitled", with what file systems refuse taken out.
#[test]
fn save_as_suggests_the_blueprints_title() {
    let dir = tempfile::tempdir().unwrap();
    let mut bp = hotel();
    bp.title = "Check-in: lobby / front desk?".into();
    let mut h = harness(bp, dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let suggested = std::env::current_dir()
        .unwrap()
        .join("Check-in- lobby - front desk.servuction")
        .display()
        .to_string();
    assert!(
        h.query_all_by_value(&suggested).next().is_some(),
        "Save does not suggest {suggested}"
    );
}

#[test]
fn a_stage_stop_shows_its_standards_with_their_targets() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = presenting(&dir);
    h.key_press(Key::PageDown); // Check-in
    h.run();
    for (statement, target) in [
        (
            "No guest waits more than 5 min at reception",
            "Desired level: ≤ 5 min",
        ),
        ("Check-in completed within 4 min", "Desired level: ≤ 4 min"),
        (
            "Reservation found at the first attempt",
            "Desired level: ≥ 99 %",
        ),
        // The adequate levels, the desired level less the tolerance.
        ("Check-in completed within 4 min", "Adequate level: ≤ 5 min"),
        (
            "Reservation found at the first attempt",
            "Adequate level: ≥ 98 %",
        ),
    ] {
        assert!(h.query_by_label(statement).is_some(), "{statement}");
        assert!(h.query_by_label(target).is_some(), "{target}");
    }
    assert!(h.query_by_label("1 of 3 standards met").is_some());
}

#[test]
fn the_problems_panel_is_resized_by_its_edge() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    let heading = h.get_all_by_label("Problems").last().unwrap().rect();
    let edge = Pos2::new(300.0, heading.min.y - 6.0);
    drag(&mut h, edge, edge - vec2(0.0, 200.0));
    let moved = h.get_all_by_label("Problems").last().unwrap().rect();
    assert!(
        moved.min.y < heading.min.y - 150.0,
        "the panel did not grow: {heading:?} -> {moved:?}"
    );
}

#[test]
fn the_inspector_keeps_its_width_while_a_long_title_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_by_label("Receptionist registers the guest").click();
    h.run();
    let before = h.get_by_label("Touchpoint").rect().min.x;
    h.get_by_role_and_label(egui::Role::TextInput, "Title")
        .click();
    h.run();
    type_text(
        &mut h,
        " and checks the passport, the credit card, the loyalty number and the breakfast voucher",
    );
    h.get_by_role_and_label(egui::Role::MultilineTextInput, "Description")
        .click();
    h.run();
    type_text(
        &mut h,
        " Averylongwordwithoutanyspacesthatcannotwrapanywhereatallxxxxxxxxxxxxxxxxxx",
    );
    h.get_all_by_label("Owner").next().unwrap().click();
    h.run();
    type_text(&mut h, " and the night manager on duty in the lobby");
    let after = h.get_by_label("Touchpoint").rect().min.x;
    assert!(
        (after - before).abs() < 1.0,
        "the inspector grew: {before} -> {after}"
    );
}

/// Right-clicks the header of the step whose column holds `card`: the
/// header row sits just above the first lane's cards.
fn step_header_menu(h: &mut Harness<'_, EditorApp>, card: &str) {
    let x = h.get_by_label(card).rect().center().x;
    let first_lane = h.get_by_label("Entrance, signage and drop-off area").rect();
    right_click_at(h, Pos2::new(x, first_lane.min.y - 25.0));
}

#[test]
fn stages_and_steps_are_restructured_from_their_menus_and_the_toolbar() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = projector(&dir);
    let order = |h: &Harness<'_, EditorApp>| {
        h.state()
            .blueprint()
            .steps()
            .map(|(st, s)| format!("{}/{}", st.id, s.id))
            .collect::<Vec<_>>()
    };
    // Split Check-in before "Registers".
    step_header_menu(&mut h, "Receptionist registers the guest");
    h.get_by_label("Split the stage here").click();
    h.run();
    let bp = h.state().blueprint().clone();
    assert_eq!(bp.stages.len(), 5);
    assert_eq!(bp.stages[2].steps[0].id.as_str(), "step-register");
    // Move "Hands over the luggage" to the new stage.
    step_header_menu(&mut h, "Bellhop tags and keeps the bags");
    h.get_by_label("Move to stage").click();
    h.run();
    h.get_by_label("Stage 5").click();
    h.run();
    assert!(
        order(&h)
            .iter()
            .any(|s| s.ends_with("/step-luggage") && !s.starts_with("stage-arrival"))
    );
    // A step from the toolbar, after the selected card's.
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    let before = order(&h).len();
    h.get_by_label("Add step").click();
    h.run();
    assert_eq!(order(&h).len(), before + 1);
    assert!(
        order(&h)[1].starts_with("stage-arrival/"),
        "{:?}",
        order(&h)
    );
    // Each was one undo step.
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(h.state().blueprint(), &hotel());
}

#[test]
fn a_step_header_is_dragged_to_another_place_and_stage() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = projector(&dir);
    let header_y = h
        .get_by_label("Entrance, signage and drop-off area")
        .rect()
        .min
        .y
        - 25.0;
    let from = Pos2::new(center_of(&h, "Bellhop tags and keeps the bags").x, header_y);
    // The right half of the "Registers" column, in one quick move: the
    // pointer is there before the drag is recognised.
    let registers = h.get_by_label("Receptionist registers the guest").rect();
    let to = Pos2::new(registers.right() - 4.0, header_y);
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.hover_at(to);
    h.step();
    h.step();
    h.drop_at(to);
    h.run();
    let order: Vec<String> = h
        .state()
        .blueprint()
        .steps()
        .map(|(st, s)| format!("{}/{}", st.id, s.id))
        .collect();
    assert_eq!(
        order[1..5],
        [
            "stage-checkin/step-queue",
            "stage-checkin/step-register",
            "stage-checkin/step-luggage",
            "stage-checkin/step-key"
        ],
        "{order:?}"
    );
    // One undo puts it back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().blueprint(), &hotel());
}

#[test]
fn the_customers_feeling_chart_is_hidden_by_a_view_option_and_by_the_blueprint_for_exports() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(servuction::templates::blank(Language::En), dir.path());
    let export_has_chart = |bp: &Blueprint| {
        let scene =
            servuction::render::export_scene(bp, &servuction::scene::Theme::LIGHT, Language::En);
        servuction::render::svg::to_svg(&scene, &bp.title).contains("Customer's feeling")
    };
    assert!(export_has_chart(h.state().blueprint()));
    // The blueprint's setting: exports leave the chart out, and it is saved.
    h.get_by_role_and_label(egui::Role::CheckBox, "Customer's feeling")
        .click();
    h.run();
    let bp = h.state().blueprint().clone();
    assert!(!bp.emotion_curve);
    assert!(!export_has_chart(&bp));
    let path = dir.path().join("no-chart.json");
    assert!(h.state_mut().save_to(&path, false));
    assert!(!servuction::format::read(&path).unwrap().emotion_curve);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().blueprint().emotion_curve,
        "one undo brings it back"
    );
    // The view option: the canvas only, the document unchanged.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Customer's feeling chart").click();
    h.run();
    assert!(!h.state().prefs().emotion_curve);
    assert!(h.state().blueprint().emotion_curve);
}

#[test]
fn double_clicking_the_diagrams_title_edits_the_blueprints_title() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    // The title sits above the stage row, left of the first stage.
    let physical = h.get_by_label("Entrance, signage and drop-off area").rect();
    let title = Pos2::new(physical.min.x + 10.0, physical.min.y - 60.0);
    click_at(&mut h, title, 2);
    assert!(h.state().selection().is_empty());
    type_text(&mut h, "Hotel stay, city centre");
    assert_eq!(h.state().blueprint().title, "Hotel stay, city centre");
}

#[test]
fn a_pdf_is_exported_through_the_file_menu_and_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("stay.pdf");
    let mut h = harness(hotel(), dir.path());
    through_the_menu(&mut h, "Export PDF…", pdf.to_str().unwrap());
    settle(&mut h);
    assert!(h.query_by_label_contains("Exported").is_some());
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    assert_eq!(servuction::format::read(&pdf).unwrap(), hotel());
    // And Open takes it back.
    let mut other = harness(servuction::templates::blank(Language::En), dir.path());
    other.state_mut().open_path(&pdf);
    settle(&mut other);
    assert_eq!(other.state().blueprint(), &hotel());
    // Saving never writes over the PDF: it asks, beside it, for a document.
    let bytes = std::fs::read(&pdf).unwrap();
    other.key_press_modifiers(Modifiers::COMMAND, Key::S);
    other.run();
    let suggested = other.get_by_label("Path").value().unwrap_or_default();
    assert!(suggested.ends_with("stay.servuction"), "{suggested}");
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes);
}

/// Runs frames until the image drawn in the background is put on the
/// clipboard, and gives it.
fn wait_for_copied_image(h: &mut Harness<'_, EditorApp>) -> Option<egui::ColorImage> {
    let start = std::time::Instant::now();
    loop {
        if let Some(image) = copied_image(h) {
            return Some(image);
        }
        if !h.state().busy() || start.elapsed() > std::time::Duration::from_secs(120) {
            h.step();
            return copied_image(h);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
}

/// The image the last frames put on the clipboard.
fn copied_image(h: &Harness<'_, EditorApp>) -> Option<egui::ColorImage> {
    h.output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyImage(image) => Some(image.clone()),
            _ => None,
        })
}

#[test]
fn the_diagram_or_the_selection_is_copied_as_an_image() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    // The whole diagram, from the Edit menu, at twice its size.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label("Copy as image Ctrl+Shift+C").click();
    h.step();
    let whole = wait_for_copied_image(&mut h).expect("an image on the clipboard");
    let (w, _) = servuction::render::export_size(&hotel());
    assert_eq!(whole.size[0], (w * 2.0).ceil() as usize);
    h.run();
    assert!(h.query_by_label_contains("Copied as an image").is_some());
    // One selected card, with Ctrl+Shift+C: a small picture of it.
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    // The key going down is a frame of its own (the harness gives each
    // queued event one), whose output holds the image.
    h.event(Event::Key {
        key: Key::C,
        pressed: true,
        repeat: false,
        modifiers: Modifiers::COMMAND | Modifiers::SHIFT,
        physical_key: None,
    });
    h.step();
    let card = wait_for_copied_image(&mut h).expect("an image on the clipboard");
    assert!(
        card.size[0] < whole.size[0] / 4 && card.size[1] < whole.size[1] / 2,
        "{:?} of {:?}",
        card.size,
        whole.size
    );
    // Not blank: the card's title is drawn in dark ink on it.
    let dark = card
        .pixels
        .iter()
        .filter(|p| p.r() < 80 && p.g() < 80 && p.b() < 80)
        .count();
    assert!(dark > 200, "{dark} dark pixels");
    // The document did not change, nor did Copy (text) run.
    assert_eq!(h.state().blueprint(), &hotel());
}

#[test]
fn help_about_shows_the_version_as_the_command_line_prints_it_and_the_licences() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About Servuction").click();
    h.run();
    let printed = std::process::Command::new(env!("CARGO_BIN_EXE_servuction"))
        .arg("--version")
        .output()
        .unwrap();
    let version = String::from_utf8(printed.stdout).unwrap();
    assert!(h.query_by_label(version.trim()).is_some(), "{version}");
    assert!(h.query_by_label_contains("MIT or Apache-2.0").is_some());
    assert!(h.query_by_label_contains("SIL Open Font License").is_some());
    h.get_by_label("OK").click();
    settle(&mut h);
    assert!(h.query_by_label_contains("SIL Open Font License").is_none());
}

#[test]
fn a_new_blueprint_is_saved_as_a_servuction_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(servuction::templates::blank(Language::En), dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let suggested = h.get_by_label("Path").value().unwrap_or_default();
    assert!(suggested.ends_with(".servuction"), "{suggested}");
    let path = dir.path().join("mine.servuction");
    h.get_by_label("Path").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, path.to_str().unwrap());
    h.get_by_label("OK").click();
    settle(&mut h);
    assert_eq!(
        &servuction::format::read(&path).unwrap(),
        h.state().blueprint()
    );
    assert!(!h.state().document().is_dirty());
}

#[test]
fn save_as_never_writes_over_an_exported_picture_and_exports_get_their_extension() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(hotel(), dir.path());
    // An export named without its extension gets it.
    through_the_menu(
        &mut h,
        "Export PDF…",
        dir.path().join("report").to_str().unwrap(),
    );
    settle(&mut h);
    let pdf = dir.path().join("report.pdf");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // Saving the document as that PDF is refused; the PDF stays.
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(!h.state_mut().save_to(&pdf, true));
    h.run();
    assert!(
        h.query_by_label_contains("is an exported picture")
            .is_some()
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), bytes);
}

#[test]
fn importing_measurements_from_a_device_or_a_huge_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(servuction::report::MAX_CSV_BYTES + 1)
        .unwrap();
    // The huge file first: before the limit, /dev/zero would be read until
    // memory runs out.
    for (csv, expected) in [
        (huge.as_path(), "files over 67,108,864 bytes are refused"),
        (std::path::Path::new("/dev/zero"), "not a regular file"),
    ] {
        let mut h = harness(hotel(), dir.path());
        through_the_menu(&mut h, "Import measurements (CSV)…", csv.to_str().unwrap());
        settle(&mut h);
        assert!(
            h.query_by_label_contains(expected).is_some(),
            "{}: no notice saying `{expected}`",
            csv.display()
        );
        assert_eq!(h.state().blueprint(), &hotel());
    }
}

#[test]
fn an_export_runs_in_the_background_on_the_document_as_it_was_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("stay.png");
    let mut h = harness(hotel(), dir.path());
    through_the_menu(&mut h, "Export PNG…", png.to_str().unwrap());
    // The frame that takes OK starts the export and returns: the document
    // is edited while the picture is drawn.
    h.run();
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    h.key_press(Key::F);
    h.run();
    assert!(
        tp(&h, &"tp-arrive-doorman".into()).fail_point
            != hotel()
                .touchpoint(&"tp-arrive-doorman".into())
                .unwrap()
                .fail_point
    );
    settle(&mut h);
    assert!(h.query_by_label_contains("Exported").is_some());
    // The picture carries the document as it was when Export was asked for.
    let exported = servuction::format::read(&png).unwrap();
    assert_eq!(exported, hotel());
    assert_ne!(h.state().blueprint(), &hotel(), "the edit was lost");
}

#[test]
fn a_long_export_shows_its_progress_and_can_be_cancelled_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("big.png");
    let mut h = harness(servuction::templates::synthetic(3_000), dir.path());
    through_the_menu(&mut h, "Export PNG…", png.to_str().unwrap());
    h.run();
    assert!(h.state().busy(), "the export did not start");
    // After a third of a second the status bar shows it, with Cancel.
    std::thread::sleep(std::time::Duration::from_millis(400));
    h.run();
    assert!(h.query_by_label_contains("Exporting big.png").is_some());
    assert!(
        h.state().busy(),
        "the export ended before it could be cancelled"
    );
    h.get_by_label("Cancel").click();
    settle(&mut h);
    assert!(!png.exists(), "a cancelled export wrote its file");
    assert!(h.query_by_label_contains("Cancelled").is_some());
    assert!(h.query_by_label("Cancel").is_none());
}

/// A document saved in `path`, opened in an editor whose copies go to
/// `recovery`, edited (the doorman's card a fail point) and given a
/// recovery copy; the editor is then killed.
fn killed_with_a_copy_of(path: &std::path::Path, recovery: &std::path::Path) -> Blueprint {
    let mut h = harness(servuction::templates::blank(Language::En), recovery);
    h.state_mut().open_path(path);
    settle(&mut h);
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    h.key_press(Key::F);
    h.run();
    h.event(Event::WindowFocused(false));
    settle(&mut h);
    h.state().blueprint().clone()
}

#[test]
fn a_restored_copy_saved_over_a_file_changed_since_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let path = dir.path().join("stay.servuction");
    servuction::format::save(&path, &hotel()).unwrap();
    let mine = killed_with_a_copy_of(&path, &recovery);
    // A colleague saves their version after the crash.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let mut theirs = hotel();
    theirs.title = "Their version".into();
    servuction::format::save(&path, &theirs).unwrap();
    let mut h = harness(servuction::templates::blank(Language::En), &recovery);
    h.state_mut().offer_recovery();
    h.run();
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(h.state().blueprint(), &mine);
    assert!(h.query_by_label_contains("was changed on disk").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.query_by_label_contains("was changed by someone else")
            .is_some(),
        "the colleague's version would be overwritten unasked"
    );
    assert_eq!(servuction::format::read(&path).unwrap(), theirs);
}

#[test]
fn restoring_a_second_copy_asks_first_and_keeps_the_first_aside() {
    let dir = tempfile::tempdir().unwrap();
    let recovery = dir.path().join("recovery");
    let first = editor_with_a_copy(&recovery);
    let mut second = harness(servuction::templates::blank(Language::En), &recovery);
    second
        .state_mut()
        .edit(servuction::edit::Edit::SetTitle("Second window".into()));
    second.event(Event::WindowFocused(false));
    settle(&mut second);
    drop((first, second)); // both killed
    let store = RecoveryStore::at(&recovery);
    assert_eq!(store.list().len(), 2);
    let mut h = harness(servuction::templates::blank(Language::En), &recovery);
    h.state_mut().offer_recovery();
    h.run();
    h.get_all_by_label("Restore").next().unwrap().click();
    h.run();
    let restored = h.state().blueprint().clone();
    // The other copy is offered still; restoring it asks about the work
    // restored first, which is unsaved.
    h.get_by_label("Restore").click();
    h.run();
    assert!(
        h.query_by_label("Unsaved changes").is_some(),
        "the first restored work was replaced unasked"
    );
    // Cancel goes back to the copies; Restore asks again.
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().blueprint(), &restored);
    h.get_by_label("Restore").click();
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert_ne!(h.state().blueprint(), &restored);
    // Discarded, the first work is kept aside for some days.
    let aside: Vec<Blueprint> = store
        .discarded()
        .iter()
        .map(|e| store.load(e).unwrap())
        .collect();
    assert!(
        aside.contains(&restored),
        "the first restored work was deleted"
    );
}

#[test]
fn save_on_an_untitled_document_asks_where_then_does_what_waited() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.servuction");
    let mut h = harness(servuction::templates::blank(Language::En), dir.path());
    h.state_mut()
        .edit(servuction::edit::Edit::SetTitle("Draft".into()));
    h.run();
    // Open… with unsaved changes: Save, which asks where, then Open.
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Save").click();
    h.run();
    assert!(h.query_by_label("Save the blueprint as").is_some());
    h.get_by_label("Path").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, path.to_str().unwrap());
    h.get_by_label("OK").click();
    settle(&mut h);
    assert_eq!(servuction::format::read(&path).unwrap().title, "Draft");
    assert!(
        h.query_by_label("Open a blueprint").is_some(),
        "the Open that waited for the save was dropped"
    );
}

#[test]
fn saved_is_not_said_over_changes_made_after() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.servuction");
    servuction::format::save(&path, &hotel()).unwrap();
    let mut h = harness(servuction::templates::blank(Language::En), dir.path());
    h.state_mut().open_path(&path);
    settle(&mut h);
    h.state_mut()
        .edit(servuction::edit::Edit::SetTitle("Edited".into()));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label_contains("Saved").is_some());
    h.state_mut()
        .edit(servuction::edit::Edit::SetTitle("Edited again".into()));
    h.run();
    assert!(h.query_by_label_contains("Saved").is_none());
}

#[test]
fn an_export_over_a_file_that_exists_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("stay.png");
    std::fs::write(&png, "a colleague's picture").unwrap();
    let mut h = harness(hotel(), dir.path());
    through_the_menu(&mut h, "Export PNG…", png.to_str().unwrap());
    h.run();
    assert!(h.query_by_label("Replace the file?").is_some());
    assert!(!h.state().busy());
    // Cancel: back to the path; the file is as it was.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Path").is_some());
    assert_eq!(std::fs::read(&png).unwrap(), b"a colleague's picture");
    h.get_by_label("OK").click();
    h.run();
    h.get_by_label("Replace").click();
    settle(&mut h);
    assert_eq!(servuction::format::read(&png).unwrap(), hotel());
}

#[test]
fn the_recovery_prompt_scrolls_and_wraps_with_its_buttons_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let store = RecoveryStore::at(dir.path());
    let mut bp = hotel();
    bp.title = "Estancia con un título muy largo ".repeat(9);
    assert!(bp.title.chars().count() > 275);
    for i in 0..60 {
        store.write(&format!("window-{i}"), None, &bp).unwrap();
    }
    let mut h = harness(servuction::templates::blank(Language::En), dir.path());
    h.state_mut().offer_recovery();
    h.run();
    let screen = egui::Rect::from_min_size(Pos2::ZERO, vec2(1500.0, 950.0));
    let heading = h.get_by_label("Recover unsaved work").rect();
    assert!(
        screen.contains_rect(heading),
        "the heading is off screen: {heading:?}"
    );
    let cancel = h.get_by_label("Cancel").rect();
    assert!(
        screen.contains_rect(cancel),
        "Cancel is off screen: {cancel:?}"
    );
    let first = h.get_all_by_label("Restore").next().unwrap().rect();
    assert!(
        screen.contains_rect(first),
        "the first Restore is off screen: {first:?}"
    );
    // It stays where it is (it grew a little every frame).
    for _ in 0..5 {
        h.step();
        assert_eq!(h.get_by_label("Cancel").rect(), cancel);
    }
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Recover unsaved work").is_none());
}

#[test]
fn work_that_cannot_be_protected_is_said_until_it_is() {
    let dir = tempfile::tempdir().unwrap();
    // The recovery folder is a file.
    let recovery = dir.path().join("recovery");
    std::fs::write(&recovery, "not a folder").unwrap();
    let mut h = harness(hotel(), &recovery);
    assert!(
        h.query_by_label_contains("Your changes are not protected")
            .is_some(),
        "nothing says the work is not protected"
    );
    h.state_mut()
        .edit(servuction::edit::Edit::SetTitle("Edited".into()));
    h.event(Event::WindowFocused(false));
    settle(&mut h);
    assert!(
        h.query_by_label_contains("Your changes are not protected")
            .is_some()
    );
    // The folder can be made again: the next copy is written, and the
    // warning goes.
    std::fs::remove_file(&recovery).unwrap();
    h.state_mut()
        .edit(servuction::edit::Edit::SetTitle("Edited again".into()));
    h.event(Event::WindowFocused(false));
    settle(&mut h);
    assert!(
        h.query_by_label_contains("Your changes are not protected")
            .is_none()
    );
    // The copy is this running editor's own, not offered as a crash's.
    assert!(recovery.is_dir());
    assert_eq!(RecoveryStore::at(&recovery).list().len(), 0);
}

#[test]
fn the_standards_table_lists_the_standards_of_a_document_opened_anew() {
    // A document opened in the background starts at revision 0, as the
    // blank one it replaces: the table's rows are its own, not the blank's.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.servuction");
    servuction::format::save(&path, &hotel()).unwrap();
    let mut h = harness(servuction::templates::blank(Language::En), dir.path());
    assert!(h.query_by_label("Bills without errors").is_none());
    h.state_mut().open_path(&path);
    settle(&mut h);
    assert_eq!(h.state().document().revision(), 0);
    assert!(
        h.query_by_label("Bills without errors").is_some(),
        "the table kept the rows of the document before"
    );
}

/// A loose note dragged on the canvas lands where the pointer lets it go:
/// the spot under the pointer is the spot it was grabbed by. (Before, the
/// grab was measured once the drag was recognised, a few pixels on, and
/// the note landed that much short of the pointer.)
#[test]
fn a_dragged_note_lands_where_the_pointer_is_released() {
    let dir = tempfile::tempdir().unwrap();
    let mut bp = servuction::templates::find("delivery")
        .unwrap()
        .load(Language::En)
        .unwrap();
    // Under the diagram, where nothing else lies.
    let l = servuction::layout::layout(&bp, Default::default());
    let at = Point::rounded(l.grid.min.x + 40.0, l.legend.max.y + 40.0);
    bp.notes.push(Note::loose(
        at,
        "Courier late twice".into(),
        NoteColour::Pink,
    ));
    let mut h = harness(bp, dir.path());
    let on_screen = h.get_by_label("Note: Courier late twice").rect();
    let zoom = on_screen.width() / servuction::layout::metrics::CARD_W;
    assert!(zoom > 0.2, "the note is on the screen whole: {on_screen:?}");
    let from = on_screen.center() + vec2(-30.0, 10.0);
    let by = vec2(320.0, 24.0);
    drag(&mut h, from, from + by);
    let moved = h.state().blueprint().notes[0].at.unwrap();
    let want = (at.x + f64::from(by.x / zoom), at.y + f64::from(by.y / zoom));
    assert!(
        (moved.x - want.0).abs() <= 1.5 && (moved.y - want.1).abs() <= 1.5,
        "{at:?} dragged by {by:?} at zoom {zoom}: {moved:?}, not {want:?}"
    );
    // And it is drawn there: the layout keeps a free spot as it is.
    let l = servuction::layout::layout(h.state().blueprint(), Default::default());
    let nb = l.notes.iter().find(|n| n.loose).unwrap();
    assert_eq!(
        (nb.rect.min.x, nb.rect.min.y),
        (moved.x as f32, moved.y as f32)
    );
}
