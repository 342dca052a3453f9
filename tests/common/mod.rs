//! What the UI test files share: a template, the editor in a harness, typing
//! and waiting for background work. Each test binary uses part of it.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use egui::{Event, vec2};
use egui_kittest::Harness;
use servuction::app::EditorApp;
use servuction::model::{Blueprint, Language};
use servuction::recovery::RecoveryStore;

/// A bundled template in a language.
pub fn template(name: &str, lang: Language) -> Blueprint {
    servuction::templates::find(name)
        .unwrap()
        .load(lang)
        .unwrap()
}

/// The editor on `bp` in `lang`, 1500 × 950, recovery copies in `recovery`,
/// with the app's own path prompt instead of native dialogs.
pub fn editor(
    bp: Blueprint,
    lang: Language,
    recovery: &std::path::Path,
) -> Harness<'static, EditorApp> {
    let mut app = EditorApp::new(bp, Some(RecoveryStore::at(recovery))).without_native_dialogs();
    app.set_language(lang);
    let mut h = Harness::builder()
        .with_size(vec2(1500.0, 950.0))
        // Frames a sixtieth of a second apart, as on screen: a double click
        // is two clicks within 0.3 s.
        .with_step_dt(1.0 / 60.0)
        // Grids and tables take a few frames to settle their sizes.
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut EditorApp| app.show(ui), app);
    h.run();
    h
}

pub fn type_text(h: &mut Harness<'_, EditorApp>, text: &str) {
    h.event(Event::Text(text.to_owned()));
    h.run();
}

/// Runs frames until the work in the background (an export, Open, an
/// import, a recovery copy) has ended and been taken in.
pub fn settle(h: &mut Harness<'_, EditorApp>) {
    // The frames that take the last input start the work.
    h.run();
    let start = std::time::Instant::now();
    while h.state().busy() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(120),
            "the background work did not end"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
}
