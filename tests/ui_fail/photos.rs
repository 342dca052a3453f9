//! Photos of physical evidence through the real UI: added with the
//! inspector's Add photo… (the app's own path entry) and by dropping a file
//! on a card; seen on the card (the scene) and large in the inspector,
//! labelled by their text alternative; captioned, reordered, removed and
//! undone; a damaged file refused with a message and the document as it was.

use super::common::{self, type_text};
use super::harness;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use servuction::app::EditorApp;
use servuction::model::*;
use servuction::scene::{Owner, Shape};
use std::path::{Path, PathBuf};

const DOORMAN: &str = "Doorman greets the guest";

/// A PNG file of `w` × `h` pixels in a colour, written to `path`.
fn png(path: &Path, w: u32, h: u32, colour: [u8; 3]) -> PathBuf {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([
            colour[0],
            colour[1] ^ (x % 7) as u8,
            colour[2] ^ (y % 5) as u8,
        ])
    });
    img.save(path).unwrap();
    path.to_owned()
}

fn doorman(h: &Harness<'_, EditorApp>) -> Touchpoint {
    h.state()
        .blueprint()
        .touchpoint(&"tp-arrive-doorman".into())
        .unwrap()
        .clone()
}

/// The photos the scene draws on the doorman's card, with their texts.
fn on_card(h: &Harness<'_, EditorApp>) -> Vec<(PhotoId, String)> {
    let owner = Owner::Touchpoint("tp-arrive-doorman".into());
    h.state()
        .scene()
        .expect("the scene is up to date")
        .items
        .iter()
        .filter(|i| i.owner == owner)
        .filter_map(|i| match &i.shape {
            Shape::Image { photo, alt, .. } => Some((photo.clone(), alt.to_string())),
            _ => None,
        })
        .collect()
}

/// The doorman's card's description for screen readers.
fn card_description(h: &Harness<'_, EditorApp>) -> Option<String> {
    h.get_by_label(DOORMAN).accesskit_node().description()
}

/// Add photo… on the selected card, the path typed into the app's prompt.
fn add_through_inspector(h: &mut Harness<'_, EditorApp>, path: &Path) {
    h.get_by_label("Add photo…").click();
    h.run();
    h.get_by_label("Path").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_text(h, path.to_str().unwrap());
    h.get_by_label("OK").click();
    common::settle(h);
}

/// Types into the `n`th field named `label`, then leaves it.
fn type_into_nth(h: &mut Harness<'_, EditorApp>, label: &str, n: usize, text: &str) {
    h.get_all_by_label(label).nth(n).unwrap().click();
    h.run();
    type_text(h, text);
    h.key_press(Key::Escape);
    h.run();
}

/// Scrolls the inspector to the button named `label`, and clicks it.
fn click_in_view(h: &mut Harness<'_, EditorApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run_steps(30);
    h.get_by_label(label).click();
    h.run();
}

/// A file dropped on the window: its path, read through the window system.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn photos_are_added_shown_captioned_reordered_removed_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label(DOORMAN).click();
    h.run();
    assert!(h.query_by_label("No photos yet.").is_some());
    let lobby = png(&dir.path().join("lobby.png"), 1200, 800, [200, 40, 40]);
    add_through_inspector(&mut h, &lobby);
    let tp = doorman(&h);
    assert_eq!(tp.photos.len(), 1, "attached to the selected card");
    let stored = h.state().blueprint().photos[0].clone();
    assert_eq!((stored.width, stored.height), (1200, 800));
    assert!(h.query_by_label_contains("Photo lobby.png added").is_some());
    // On the card, and large in the inspector, labelled until it has a
    // text alternative by its place.
    assert_eq!(on_card(&h), vec![(stored.id.clone(), String::new())]);
    assert!(
        h.query_by_label("Photo 1 without a text alternative")
            .is_some()
    );

    // Captioned and described: the picture's label is what it shows.
    type_into_nth(&mut h, "Caption", 0, "The front door");
    type_into_nth(
        &mut h,
        "Text alternative",
        0,
        "Glass doors under a red awning",
    );
    let u = &doorman(&h).photos[0];
    assert_eq!(
        (u.caption.as_str(), u.alt.as_str()),
        ("The front door", "Glass doors under a red awning")
    );
    assert!(h.query_by_label("Glass doors under a red awning").is_some());
    assert_eq!(on_card(&h)[0].1, "Glass doors under a red awning");
    // The card tells screen readers what its photos show.
    assert_eq!(
        card_description(&h).as_deref(),
        Some("1 photo: Glass doors under a red awning")
    );

    // A second photo dropped on the card.
    let card = h.get_by_label(DOORMAN).rect().center();
    let key = png(&dir.path().join("key.png"), 300, 600, [20, 90, 200]);
    h.hover_at(card);
    h.run();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(key.clone())));
    common::settle(&mut h);
    let tp = doorman(&h);
    assert_eq!(tp.photos.len(), 2, "the dropped photo joins the card");
    assert_eq!(h.state().blueprint().photos.len(), 2);
    let second = tp.photos[1].photo.clone();
    assert_eq!(
        card_description(&h).as_deref(),
        Some("2 photos: Glass doors under a red awning; Photo 2 without a text alternative")
    );
    // Reordered: the dropped photo first.
    click_in_view(&mut h, "Move photo 2 earlier");
    let order: Vec<PhotoId> = doorman(&h).photos.iter().map(|u| u.photo.clone()).collect();
    assert_eq!(order, vec![second.clone(), stored.id.clone()]);
    assert_eq!(on_card(&h)[0].0, second);
    // Removed; the stored photo goes with its last use; undo brings both.
    let before = h.state().blueprint().clone();
    click_in_view(&mut h, "Remove photo 2");
    assert_eq!(doorman(&h).photos.len(), 1);
    assert_eq!(h.state().blueprint().photos.len(), 1);
    assert_eq!(on_card(&h).len(), 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(*h.state().blueprint(), before);
    assert!(h.query_by_label("Glass doors under a red awning").is_some());
    // The pictures were decoded off the frame and uploaded once each.
    let start = std::time::Instant::now();
    while h.state().pictures().1 || h.state().pictures().0 < 2 {
        assert!(start.elapsed().as_secs() < 60, "pictures never came");
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
}

#[test]
fn a_damaged_or_foreign_file_is_refused_with_a_message_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label(DOORMAN).click();
    h.run();
    let whole = png(&dir.path().join("whole.png"), 400, 300, [10, 120, 30]);
    let bytes = std::fs::read(&whole).unwrap();
    let cut = dir.path().join("cut.png");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let before = h.state().blueprint().clone();
    add_through_inspector(&mut h, &cut);
    assert_eq!(*h.state().blueprint(), before);
    assert!(
        h.query_by_label_contains("The photo cut.png was not added")
            .is_some()
    );
    assert!(!h.state().document().is_dirty());
    // Text is not a photo either.
    let text = dir.path().join("notes.png");
    std::fs::write(&text, "the lobby, from the door").unwrap();
    add_through_inspector(&mut h, &text);
    assert_eq!(*h.state().blueprint(), before);
    assert!(
        h.query_by_label_contains("The photo notes.png was not added")
            .is_some()
    );
    // A file that is not there.
    add_through_inspector(&mut h, &dir.path().join("missing.jpg"));
    assert_eq!(*h.state().blueprint(), before);
    assert!(
        h.query_by_label_contains("The photo missing.jpg was not added")
            .is_some()
    );
}

#[test]
fn an_image_pasted_goes_onto_the_selected_card_and_without_one_says_how() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    let image = egui::ColorImage::filled([64, 48], egui::Color32::from_rgb(30, 160, 90));
    let paste = egui::Event::PasteImage(std::sync::Arc::new(image));
    let before = h.state().blueprint().clone();
    h.event(paste.clone());
    common::settle(&mut h);
    assert_eq!(*h.state().blueprint(), before, "no card selected");
    assert!(
        h.query_by_label("Select one touchpoint to paste a photo onto it")
            .is_some()
    );
    h.get_by_label(DOORMAN).click();
    h.run();
    h.event(paste);
    common::settle(&mut h);
    let tp = doorman(&h);
    assert_eq!(tp.photos.len(), 1);
    let stored = &h.state().blueprint().photos[0];
    assert_eq!((stored.width, stored.height), (64, 48));
    assert!(
        h.query_by_label_contains("Photo pasted image added")
            .is_some()
    );
}
