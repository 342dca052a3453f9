//! The editor's text paths: whatever is typed, pasted or opened as a title,
//! a card or a note is laid out at a bounded cost, never panics, and never
//! reaches the window system with a control character.
//!
//! The input is UTF-8 text, used as the window title, as the blueprint's
//! title, a card's title and description, a lane's name and a note, laid out
//! and drawn as the canvas and the exports draw them; and pasted, as the
//! editor pastes clipboard text (a clip of cards, or plain text).
#![no_main]

use libfuzzer_sys::fuzz_target;
use servuction::model::{Blueprint, Language};
use servuction::shown;
use std::sync::OnceLock;

fn hotel() -> &'static Blueprint {
    static HOTEL: OnceLock<Blueprint> = OnceLock::new();
    HOTEL.get_or_init(|| {
        servuction::templates::find("hotel")
            .expect("the hotel template")
            .load(Language::Es)
            .expect("the hotel template loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The window title: one bounded line of printable characters.
    let title = shown::window_title(text);
    assert!(!title.chars().any(char::is_control), "{title:?}");
    assert!(title.chars().count() <= 201);
    // What a label or a field shows: a bounded start.
    for max in [0, 1, 40, shown::LINE_CHARS] {
        let s = shown::shown(text, max);
        assert!(s.chars().count() <= max + 1, "{max}: {} chars", s.chars().count());
        let line = shown::shown_line(text, max);
        assert!(!line.contains('\n'));
    }
    // Wrapped and clipped as cards, notes and headers are.
    let lines = servuction::font::wrap(text, 12.5, true, 136.0, 3);
    assert!(lines.len() <= 3);
    for l in &lines {
        assert!(l.chars().count() <= 3 * 136 * 10, "a line of {} chars", l.chars().count());
    }
    let clipped = servuction::font::clip(text, 10.0, false, 140.0);
    assert!(!clipped.contains('\n'));
    // The blueprint with this text everywhere a user types: laid out and
    // drawn (the scene every painter draws), and written as SVG.
    let mut bp = hotel().clone();
    bp.title = text.to_owned();
    bp.touchpoints[0].title = text.to_owned();
    bp.touchpoints[0].description = text.to_owned();
    bp.lanes[0].name = text.to_owned();
    bp.stages[0].name = text.to_owned();
    bp.stages[0].steps[0].name = text.to_owned();
    if let Some(note) = bp.notes.first_mut() {
        note.text = text.to_owned();
    }
    let theme = servuction::scene::Theme::LIGHT;
    let scene = servuction::render::export_scene(&bp, &theme, Language::Es);
    let _ = servuction::render::svg::to_svg(&scene, &shown::shown_line(&bp.title, 500));
    for f in servuction::check::check(&bp).iter().take(20) {
        let _ = f.message(&bp, Language::Es);
    }
    // Pasted: a clip of cards is added with new ids; any other text is not a clip.
    let lane = bp.lanes[0].id.clone();
    let step = bp.stages[0].steps[0].id.clone();
    if let Some((edits, ids)) = servuction::edit::clipboard::paste(&bp, text, (&lane, &step)) {
        let mut pasted = bp.clone();
        for e in edits {
            if servuction::edit::apply(&mut pasted, e).is_err() {
                return;
            }
        }
        for id in ids {
            assert!(pasted.touchpoint(&id).is_some());
        }
    }
});
