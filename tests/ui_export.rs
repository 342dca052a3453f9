//! File → Export…, driven through the real UI with egui_kittest: the
//! options the command line has, a preview of the PDF's pages, and the
//! choice remembered for the document.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};
use servuction::app::EditorApp;
use servuction::model::*;

mod common;
use common::settle;

/// The delivery template in the editor, both in `lang`.
fn harness(lang: Language, recovery: &std::path::Path) -> Harness<'static, EditorApp> {
    common::editor(common::template("delivery", lang), lang, recovery)
}

fn open_dialog(h: &mut Harness<'_, EditorApp>, file: &str, item: &str) {
    h.get_by_label(file).click();
    h.run();
    h.get_by_label_contains(item).click();
    h.run();
}

/// Replaces the text of the field labelled `label`.
fn type_into(h: &mut Harness<'_, EditorApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.event(Event::Text(text.to_owned()));
    h.run();
}

/// Every text on screen (labels and values) that contains `part`.
fn labels_containing(h: &Harness<'_, EditorApp>, part: &str) -> Vec<String> {
    h.root()
        .children_recursive()
        .flat_map(|n| {
            let n = n.accesskit_node();
            [n.label(), n.value()]
        })
        .flatten()
        .filter(|l| l.contains(part))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The number of pages the preview announces ("12 pages", "1 page").
fn pages_shown(h: &Harness<'_, EditorApp>) -> usize {
    labels_containing(h, " page")
        .iter()
        .filter_map(|l| l.split(' ').next()?.replace(',', "").parse().ok())
        .next()
        .expect("the preview says how many pages")
}

#[test]
fn a_tiled_pdf_is_exported_from_the_dialog_with_the_pages_its_preview_announced() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Language::En, dir.path());
    open_dialog(&mut h, "File", "Export…");
    assert!(
        h.query_all_by_label("Export").next().is_some(),
        "no Export dialog"
    );
    // The default: one page the size of the diagram.
    assert_eq!(pages_shown(&h), 1);
    h.get_by_label_contains("Across sheets, to glue together")
        .click();
    h.run();
    h.get_by_label("Whichever takes fewer sheets").click();
    h.run();
    let announced = pages_shown(&h);
    assert!(announced > 1, "tiles on A4 should take several pages");
    let pdf = dir.path().join("delivery.pdf");
    type_into(&mut h, "Path", pdf.to_str().unwrap());
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Export")
        .click();
    settle(&mut h);
    let bytes = std::fs::read(&pdf).expect("the PDF was written");
    let pages = hayro_syntax::Pdf::new(bytes).unwrap().pages().len();
    assert_eq!(pages, announced, "the preview announced {announced} pages");
    // It carries the document.
    assert_eq!(
        &servuction::format::read(&pdf).unwrap(),
        h.state().blueprint()
    );

    // Opened again, the dialog remembers the choice and the place.
    open_dialog(&mut h, "File", "Export…");
    assert_eq!(pages_shown(&h), announced);
    assert!(
        h.query_all_by_value(pdf.to_str().unwrap()).next().is_some(),
        "the dialog does not remember where the PDF went"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(
        h.query_by_label("Portrait").is_none(),
        "Cancel did not close"
    );
}

#[test]
fn the_report_and_the_standards_are_exported_from_the_dialog_in_the_language_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Language::En, dir.path());
    open_dialog(&mut h, "File", "Export…");
    h.get_by_label("Format").click();
    h.run();
    h.get_by_label("HTML report").click();
    h.run();
    h.get_by_label("Español").click();
    h.run();
    // The path takes the format's extension.
    let shown = h
        .get_by_label("Path")
        .value()
        .expect("the path field has a value");
    assert!(shown.ends_with(".html"), "{shown}");
    let html = dir.path().join("report.html");
    type_into(&mut h, "Path", html.to_str().unwrap());
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Export")
        .click();
    settle(&mut h);
    let page = std::fs::read_to_string(&html).expect("the report was written");
    assert!(page.contains("lang=\"es\""), "the report is not in Spanish");

    open_dialog(&mut h, "File", "Export…");
    h.get_by_label("Format").click();
    h.run();
    h.get_by_label("Standards (CSV)").click();
    h.run();
    let csv = dir.path().join("standards.csv");
    type_into(&mut h, "Path", csv.to_str().unwrap());
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Export")
        .click();
    settle(&mut h);
    let text = std::fs::read_to_string(&csv).expect("the CSV was written");
    // Spanish, as chosen: `;` between fields.
    assert!(text.contains("standard_id;"), "{text}");
}

#[test]
fn a_png_shows_the_size_its_scale_makes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(Language::Es, dir.path());
    open_dialog(&mut h, "Archivo", "Exportar…");
    h.get_by_label("Formato").click();
    h.run();
    h.get_by_label("Imagen PNG").click();
    h.run();
    // "1.234 × 567 píxeles": counts as Spanish writes them.
    let shown = labels_containing(&h, "píxeles");
    assert_eq!(shown.len(), 1, "{shown:?}");
    let numbers: Vec<&str> = shown[0].split(' ').collect();
    assert_eq!((numbers[1], numbers[3]), ("×", "píxeles"), "{shown:?}");
    for n in [numbers[0], numbers[2]] {
        assert!(n.chars().all(|c| c.is_ascii_digit() || c == '.'), "{n}");
        assert!(!n.contains(','), "{n}");
    }
    // Scale 2 doubles the picture.
    let before: usize = numbers[0].replace('.', "").parse().unwrap();
    let slider = h.get_by_role_and_label(egui::accesskit::Role::Slider, "Escala");
    slider.focus();
    h.run();
    for _ in 0..4 {
        h.key_press(Key::ArrowRight);
    }
    h.run();
    let after = labels_containing(&h, "píxeles");
    let after: usize = after[0]
        .split(' ')
        .next()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    assert!(
        after.abs_diff(before * 2) <= 1,
        "scale 2 made {after} from {before}"
    );
}

/// The editor on a document large enough to be saved in the background,
/// and where to save it.
fn large(dir: &std::path::Path) -> (std::path::PathBuf, Harness<'static, EditorApp>) {
    let h = common::editor(servuction::templates::synthetic(2500), Language::En, dir);
    (dir.join("large.servuction"), h)
}

/// A large document is written on a worker: the frame that asked does not
/// wait for it, the file holds the document as it was when Save was asked,
/// and an edit made meanwhile stays unsaved.
#[test]
fn a_large_document_is_saved_in_the_background_as_it_was_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = large(dir.path());
    let asked = h.state().blueprint().clone();
    assert!(h.state_mut().save_to(&path, false));
    assert!(h.state().saving(), "the save runs on a worker");
    let first = asked.touchpoints[0].id.clone();
    h.state_mut()
        .edit(servuction::edit::Edit::DeleteTouchpoints(vec![first]));
    settle(&mut h);
    assert!(!h.state().saving());
    assert_eq!(servuction::format::read(&path).unwrap(), asked);
    assert!(h.state().document().is_dirty(), "the edit made meanwhile");
    // Saved again, the file has the edit and the document is clean.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    settle(&mut h);
    let saved = servuction::format::read(&path).unwrap();
    assert_eq!(saved.touchpoints.len(), asked.touchpoints.len() - 1);
    assert!(!h.state().document().is_dirty());
    assert!(!labels_containing(&h, "Saved").is_empty());
}

/// "Save" in the unsaved-changes dialog of a large document goes on to
/// what waited (here a new document) once the background save has ended.
#[test]
fn what_waited_for_a_background_save_goes_on_when_it_ends() {
    let dir = tempfile::tempdir().unwrap();
    let (path, mut h) = large(dir.path());
    h.state_mut().save_to(&path, false);
    settle(&mut h);
    let first = h.state().blueprint().touchpoints[0].id.clone();
    h.state_mut()
        .edit(servuction::edit::Edit::DeleteTouchpoints(vec![first]));
    let edited = h.state().blueprint().clone();
    open_dialog(&mut h, "File", "New from template");
    h.get_by_label("Visit to a bank branch (medium contact)")
        .click();
    h.run();
    h.get_by_label("Save").click();
    settle(&mut h);
    assert_eq!(servuction::format::read(&path).unwrap(), edited);
    assert_eq!(
        h.state().blueprint().touchpoints.len(),
        common::template("bank", Language::En).touchpoints.len()
    );
}
