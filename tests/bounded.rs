//! What a frame of the editor costs is bounded by the screen, never by what
//! the document holds: a 20 MB title, a 12 MB description and a card of
//! 300,000 combining marks are opened, shown, selected, hovered, presented
//! and pasted into, and the memory the frames take and the meshes they
//! tessellate stay small. (Before, a 2 MB title asked wgpu for a 336 MB
//! vertex buffer, a 20 MB one reached 6.5 GB, and a NUL in a title made X11
//! refuse the window title.)
//!
//! Its own test binary: it counts every allocation of the process.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use egui::{Event, Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use servuction::app::EditorApp;
use servuction::model::*;
use servuction::recovery::RecoveryStore;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system's allocator, counting the bytes in use and their peak.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

#[allow(unsafe_code)]
// SAFETY: every call is passed on to the system allocator unchanged; only
// the sizes are counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        IN_USE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let now =
                    IN_USE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(now, Relaxed);
            } else {
                IN_USE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MB: usize = 1024 * 1024;

/// The hotel with texts no screen can show: a 20 MB title (words, so that
/// wrapping has work), a 12 MB description on a card, a card titled with
/// 300,000 combining marks, a 2 MB lane name and note, a NUL in a step.
fn hostile() -> (Blueprint, String) {
    let mut bp = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let words = "Estancia en el hotel con llegada ";
    bp.title = words.repeat(20 * MB / words.len());
    let zalgo = format!("Z{}", "\u{0301}".repeat(300_000));
    bp.touchpoints[0].title = zalgo.clone();
    bp.touchpoints[1].description = "descripción larga ".repeat(12 * MB / 19);
    bp.touchpoints[2].title = format!("Nul\0{}", "x".repeat(2 * MB));
    bp.lanes[0].name = "carril ".repeat(2 * MB / 7);
    bp.stages[0].steps[0].name = "Arrival\0".into();
    // Read back from a file, as a user opens one.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.servuction");
    servuction::format::save(&path, &bp).unwrap();
    (servuction::format::read(&path).unwrap(), zalgo)
}

/// The bytes of the vertices and indices the frame's shapes tessellate to:
/// what wgpu is asked to upload.
fn mesh_bytes<S>(h: &Harness<'_, S>) -> usize {
    let out = h.output();
    let prims = h.ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
    prims
        .iter()
        .map(|p| match &p.primitive {
            egui::epaint::Primitive::Mesh(m) => {
                m.vertices.len() * std::mem::size_of::<egui::epaint::Vertex>() + m.indices.len() * 4
            }
            egui::epaint::Primitive::Callback(_) => 0,
        })
        .sum()
}

/// The window titles the frame gave the window system.
fn window_titles<S>(h: &Harness<'_, S>) -> Vec<String> {
    h.output()
        .viewport_output
        .values()
        .flat_map(|v| &v.commands)
        .filter_map(|c| match c {
            egui::ViewportCommand::Title(t) => Some(t.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn frames_of_a_document_with_huge_texts_stay_within_what_the_screen_shows() {
    let (bp, zalgo) = hostile();
    let dir = tempfile::tempdir().unwrap();
    let mut app = EditorApp::new(bp, Some(RecoveryStore::at(dir.path()))).without_native_dialogs();
    app.set_language(Language::En);
    let before = IN_USE.load(Relaxed);
    PEAK.store(before, Relaxed);
    let mut worst_mesh = 0;
    let mut titles = Vec::new();
    let mut h = Harness::builder()
        .with_size(vec2(1500.0, 950.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut EditorApp| app.show(ui), app);
    let mut frames = |h: &mut Harness<'_, EditorApp>, n: usize| {
        for _ in 0..n {
            h.step();
            worst_mesh = worst_mesh.max(mesh_bytes(h));
            titles.extend(window_titles(h));
        }
    };
    // Opened, nothing selected: the inspector shows the blueprint's own
    // 20 MB title and the canvas every card.
    frames(&mut h, 4);
    // The card of combining marks, selected (it froze the editor for 10 s)
    // and hovered.
    let label = servuction::shown::shown_line(&zalgo, servuction::shown::LINE_CHARS).into_owned();
    h.get_by_label(&label).click();
    frames(&mut h, 3);
    h.query_all_by_label(&label).next().unwrap().hover();
    frames(&mut h, 3);
    assert_eq!(h.state().selection().len(), 1);
    // The card with the 12 MB description.
    let second = h.state().blueprint().touchpoints[1].title.clone();
    h.query_all_by_label(&second).next().unwrap().click();
    frames(&mut h, 3);
    // Presented (F5): large type of titles and lane names.
    h.key_press(Key::F5);
    frames(&mut h, 4);
    h.key_press(Key::Escape);
    frames(&mut h, 3);
    // A title with a NUL, as a paste or a recovery copy brings one: the
    // window's title changes (the document is now unsaved).
    let nul = format!("Hotel\0stay {}", h.state().blueprint().title);
    h.state_mut().edit(servuction::edit::Edit::SetTitle(nul));
    frames(&mut h, 2);
    let peak = PEAK.load(Relaxed).saturating_sub(before);
    assert!(
        peak < 500 * MB,
        "the frames took {} MB beyond the document",
        peak / MB
    );
    assert!(
        worst_mesh < 32 * MB,
        "a frame tessellated {} MB of vertices",
        worst_mesh / MB
    );
    assert!(!titles.is_empty(), "no window title was set");
    for t in &titles {
        assert!(!t.contains('\0'), "a NUL in the window title");
        assert!(
            t.chars().count() < 1_000,
            "a window title of {} chars",
            t.len()
        );
    }
    // The document holds every character still.
    let bp = h.state().blueprint();
    assert!(bp.title.starts_with("Hotel\0stay Estancia"));
    assert_eq!(
        bp.title.len(),
        11 + "Estancia en el hotel con llegada ".len() * (20 * MB / 33)
    );
    assert_eq!(bp.touchpoints[0].title, zalgo);
}

#[test]
fn a_paste_of_megabytes_into_a_title_stops_at_what_the_field_edits() {
    let dir = tempfile::tempdir().unwrap();
    let hotel = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let mut app =
        EditorApp::new(hotel, Some(RecoveryStore::at(dir.path()))).without_native_dialogs();
    app.set_language(Language::En);
    let mut h = Harness::builder()
        .with_size(vec2(1500.0, 950.0))
        .with_step_dt(1.0 / 60.0)
        .with_max_steps(12)
        .build_ui_state(|ui, app: &mut EditorApp| app.show(ui), app);
    h.run();
    h.get_by_label("Doorman greets the guest").click();
    h.run();
    // The title field, all selected, and 2 MB pasted over it (with a NUL).
    h.get_by_label("Title").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    let paste = format!("Pegado\0{}", "ñ".repeat(MB));
    h.event(Event::Paste(paste));
    let before = IN_USE.load(Relaxed);
    PEAK.store(before, Relaxed);
    h.run();
    let id = h.state().selection()[0].clone();
    let title = h.state().blueprint().touchpoint(&id).unwrap().title.clone();
    assert!(
        title.starts_with("Pegado"),
        "{:?}",
        &title[..20.min(title.len())]
    );
    assert_eq!(title.chars().count(), 2_000, "the paste was not cut");
    let peak = PEAK.load(Relaxed).saturating_sub(before);
    assert!(peak < 200 * MB, "the frames took {} MB", peak / MB);
    for t in window_titles(&h) {
        assert!(!t.contains('\0'));
    }
}
