//! File → Compare with… and the conflicts of a merge, driven through the
//! real UI with egui_kittest: another version laid over this one, its
//! changes listed, taken over one at a time and undone; a merged
//! document's conflicts resolved from their list and saved clean.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servuction::app::EditorApp;
use servuction::edit::{Edit, apply};
use servuction::model::*;
use servuction::versions::What;

mod common;
use common::{settle, type_text};

const DOORMAN: &str = "tp-arrive-doorman";

fn title(h: &Harness<'_, EditorApp>, id: &str) -> Option<String> {
    let bp = h.state().blueprint();
    bp.touchpoint(&id.into()).map(|t| t.title.clone())
}

/// Chooses a menu's item, then types a path into the app's own entry (in
/// the language of `menu`).
fn choose_path(h: &mut Harness<'_, EditorApp>, menu: &str, item: &str, path: &std::path::Path) {
    let (field, ok) = if menu == "File" {
        ("Path", "OK")
    } else {
        ("Ruta", "Aceptar")
    };
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label_contains(item).click();
    h.run();
    h.get_by_label(field).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(h, path.to_str().unwrap());
    h.get_by_label(ok).click();
    settle(h);
}

/// The hotel as another version has it: the doorman's card retitled, a
/// valet's card added and the luggage cart gone.
fn other_version(here: &Blueprint) -> Blueprint {
    let mut other = here.clone();
    let mut doorman = other.touchpoint(&DOORMAN.into()).unwrap().clone();
    doorman.title = "Doorman welcomes the guest by name".into();
    let mut valet = Touchpoint::new(
        doorman.lane.clone(),
        doorman.step.clone(),
        "Valet parks the car",
    );
    valet.id = "tp-valet".into();
    let edits = vec![
        Edit::SetTouchpoint(doorman),
        Edit::AddTouchpoint(valet),
        Edit::DeleteTouchpoints(vec!["tp-luggage-cart".into()]),
    ];
    apply(&mut other, Edit::Batch(edits)).unwrap();
    other
}

/// The index in the comparison's list of the change of `id` that `what`
/// matches.
fn change(h: &Harness<'_, EditorApp>, id: &str, what: fn(&What) -> bool) -> usize {
    let c = h.state().comparison().expect("a comparison is open");
    c.changes()
        .iter()
        .position(|c| c.id == id && what(&c.what))
        .unwrap_or_else(|| panic!("no such change of {id}"))
}

#[test]
fn another_version_is_laid_over_this_one_and_its_changes_are_taken_over_one_undo_step_each() {
    let dir = tempfile::tempdir().unwrap();
    let here = common::template("hotel", Language::En);
    let path = dir.path().join("as-is.servuction");
    servuction::format::save(&path, &other_version(&here)).unwrap();
    let mut h = common::editor(here.clone(), Language::En, dir.path());
    choose_path(&mut h, "File", "Compare with…", &path);
    h.run();

    // The panel lists the three changes, with the legend.
    assert!(h.query_by_label("Compared with as-is.servuction").is_some());
    assert!(h.query_by_label("3 changes").is_some());
    assert!(h.query_by_label("removed here (ghost)").is_some());
    assert!(
        h.query_by_label_contains("Doorman greets the guest\": changed")
            .is_some()
    );
    let c = h.state().comparison().unwrap();
    assert_eq!(c.changes().len(), 3);
    // The doorman's card is marked changed; the luggage cart added here.
    use servuction::app::compare::Mark;
    assert_eq!(h.state().compare_mark(&DOORMAN.into()), Some(Mark::Changed));
    assert_eq!(
        h.state().compare_mark(&"tp-luggage-cart".into()),
        Some(Mark::Added)
    );

    // The pointer on the doorman's card: its tooltip tells the field
    // changed, the other version's value first.
    let card = h.get_by_label("Doorman greets the guest").rect();
    h.hover_at(card.center());
    for _ in 0..60 {
        h.step();
    }
    assert!(
        h.query_by_label_contains(
            "title: \"Doorman welcomes the guest by name\" -> \"Doorman greets the guest\""
        )
        .is_some()
    );

    h.hover_at(egui::pos2(5.0, 900.0));
    h.run();

    // A click on a change selects its card.
    let retitled = change(&h, DOORMAN, |w| matches!(w, What::Changed { .. }));
    h.get_by_label_contains("Doorman greets the guest\": changed")
        .click();
    h.run();
    assert_eq!(h.state().selection(), &[TouchpointId::from(DOORMAN)]);

    // Take: the other version's title comes here, one undo step.
    h.get_all_by_label("Take").nth(retitled).unwrap().click();
    h.run();
    assert_eq!(
        title(&h, DOORMAN).as_deref(),
        Some("Doorman welcomes the guest by name")
    );
    // The list follows the document: that change is gone from it.
    assert!(h.query_by_label("2 changes").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        title(&h, DOORMAN).as_deref(),
        Some("Doorman greets the guest")
    );
    assert!(h.query_by_label("3 changes").is_some());

    // The valet's card, removed here, is taken back whole.
    let valet = change(&h, "tp-valet", |w| matches!(w, What::Removed { .. }));
    h.get_all_by_label("Take").nth(valet).unwrap().click();
    h.run();
    assert_eq!(
        title(&h, "tp-valet").as_deref(),
        Some("Valet parks the car")
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(title(&h, "tp-valet"), None);

    // Leaving the comparison leaves the document as it was.
    h.get_by_label("Close the comparison").click();
    h.run();
    assert!(h.state().comparison().is_none());
    assert_eq!(h.state().blueprint(), &here);
    assert!(h.query_by_label("3 changes").is_none());
}

#[test]
fn a_file_that_is_not_a_blueprint_is_refused_and_nothing_is_compared() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.servuction");
    std::fs::write(&path, "{ not json").unwrap();
    let here = common::template("hotel", Language::Es);
    let mut h = common::editor(here.clone(), Language::Es, dir.path());
    choose_path(&mut h, "Archivo", "Comparar con…", &path);
    assert!(h.state().comparison().is_none());
    assert!(
        h.query_by_label_contains("No se pudo comparar con")
            .is_some()
    );
    assert_eq!(h.state().blueprint(), &here);
}

/// The hotel merged from two versions that retitled the doorman's card
/// two ways and the receptionist's too.
fn merged() -> Blueprint {
    let base = common::template("hotel", Language::En);
    let retitle = |id: &str, t: &str| {
        let mut bp = base.clone();
        let mut tp = bp.touchpoint(&id.into()).unwrap().clone();
        tp.title = t.into();
        apply(&mut bp, Edit::SetTouchpoint(tp)).unwrap();
        bp
    };
    let mut ours = retitle(DOORMAN, "Doorman greets (ours)");
    let mut theirs = retitle(DOORMAN, "Doorman greets (theirs)");
    for (bp, t) in [
        (&mut ours, "Receptionist (ours)"),
        (&mut theirs, "Receptionist (theirs)"),
    ] {
        let mut tp = bp
            .touchpoint(&"tp-register-receptionist".into())
            .unwrap()
            .clone();
        tp.title = t.into();
        apply(bp, Edit::SetTouchpoint(tp)).unwrap();
    }
    let m = servuction::versions::merge(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 2);
    m.doc
}

#[test]
fn a_merges_conflicts_are_resolved_in_their_list_one_undo_step_each_and_saved_clean() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::editor(merged(), Language::En, dir.path());
    // Opened with its conflicts listed, their cards marked.
    assert!(h.state().conflicts_shown());
    assert!(h.query_by_label("Conflicts to resolve").is_some());
    assert!(h.query_by_label("2 conflicts").is_some());
    assert_eq!(title(&h, DOORMAN).as_deref(), Some("Doorman greets (ours)"));

    // Take theirs: the other title, and the conflict gone; undone whole.
    h.get_all_by_label("Take theirs").next().unwrap().click();
    h.run();
    assert_eq!(
        title(&h, DOORMAN).as_deref(),
        Some("Doorman greets (theirs)")
    );
    assert_eq!(h.state().blueprint().conflicts.len(), 1);
    assert!(h.query_by_label("1 conflict").is_some());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(title(&h, DOORMAN).as_deref(), Some("Doorman greets (ours)"));
    assert_eq!(h.state().blueprint().conflicts.len(), 2);

    // Keep ours for the first.
    h.get_all_by_label("Keep ours").next().unwrap().click();
    h.run();
    assert_eq!(title(&h, DOORMAN).as_deref(), Some("Doorman greets (ours)"));
    assert_eq!(h.state().blueprint().conflicts.len(), 1);

    // Edit the other: its card is selected, the title typed in the
    // inspector, and the conflict marked resolved.
    h.get_by_label("Edit value").click();
    h.run();
    let receptionist = TouchpointId::from("tp-register-receptionist");
    assert_eq!(h.state().selection(), std::slice::from_ref(&receptionist));
    h.get_by_label("Title").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(&mut h, "Receptionist registers the guest");
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Mark resolved").click();
    h.run();
    assert!(h.state().blueprint().conflicts.is_empty());
    assert_eq!(
        title(&h, "tp-register-receptionist").as_deref(),
        Some("Receptionist registers the guest")
    );
    assert!(h.query_by_label_contains("No conflicts left").is_some());

    // Saved: a clean document, no conflicts in it.
    let path = dir.path().join("merged.servuction");
    choose_path(&mut h, "File", "Save as…", &path);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("conflicts"), "{text}");
    let saved = servuction::format::read(&path).unwrap();
    assert!(saved.conflicts.is_empty());
    assert_eq!(
        saved.touchpoint(&receptionist).unwrap().title,
        "Receptionist registers the guest"
    );
}

/// On a large document the changes are worked out on another thread: the
/// frame goes on meanwhile, and the list, once there, is this revision's
/// and can be taken over.
#[test]
fn a_large_documents_changes_are_worked_out_beside_the_frame() {
    let dir = tempfile::tempdir().unwrap();
    let here = servuction::templates::synthetic(2_500);
    let mut other = here.clone();
    let id = other.touchpoints[7].id.clone();
    other.touchpoints[7].title = "Retitled in the other version".into();
    let path = dir.path().join("other.servuction");
    servuction::format::save(&path, &other).unwrap();
    let mut h = common::editor(here, Language::En, dir.path());
    choose_path(&mut h, "File", "Compare with…", &path);
    settle(&mut h);
    assert!(h.query_by_label("1 change").is_some());
    let c = h.state().comparison().unwrap();
    assert_eq!(c.changes().len(), 1);
    h.get_by_label("Take").click();
    settle(&mut h);
    let bp = h.state().blueprint();
    assert_eq!(
        bp.touchpoint(&id).unwrap().title,
        "Retitled in the other version"
    );
    assert!(h.query_by_label("The two versions are the same.").is_some());
}
