//! What an edit costs in the editor, with no window: the app's UI runs on an
//! egui Context and its output is tessellated, as eframe would before handing
//! it to the GPU (no rasterisation). Run with `cargo bench --bench edit`.
//!
//! - one edit to the next frame ready: apply the edit, work out the derived
//!   data (findings, roll-ups, layout, scene), run the UI, tessellate;
//! - the memory that 200 undo steps of one-touchpoint edits hold;
//! - the CPU time to type a 20-character title into a new card, one frame a key.
//!
//! `EDIT_ONLY=5,000` measures only the cases whose name contains it.

#![allow(clippy::unwrap_used, clippy::expect_used)]
// Tests and benchmarks stop at the first surprise.
// A counting allocator is the one place that needs it.
#![allow(unsafe_code)]

use servuction::app::EditorApp;
use servuction::edit::Edit;
use servuction::model::{Blueprint, Language};
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::{Duration, Instant};

/// The binary's allocator, counting the bytes held.
struct Counting;

static HELD: AtomicIsize = AtomicIsize::new(0);
static INNER: mimalloc::MiMalloc = mimalloc::MiMalloc;

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { INNER.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { INNER.dealloc(ptr, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { INNER.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HELD.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { INNER.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn held() -> isize {
    HELD.load(Ordering::Relaxed)
}

fn frame(ctx: &egui::Context, app: &mut EditorApp, events: Vec<egui::Event>) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        events,
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.show(ui));
    let primitives = ctx.tessellate(output.shapes, output.pixels_per_point);
    primitives.len()
}

fn editor(bp: &Blueprint) -> (egui::Context, EditorApp) {
    let ctx = egui::Context::default();
    let mut app = EditorApp::new(bp.clone(), None);
    app.set_language(Language::En);
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    (ctx, app)
}

/// A one-touchpoint edit: the `i`th touchpoint (round the document) gets
/// its fail-point flag switched.
fn one_touchpoint_edit(app: &EditorApp, i: usize) -> Edit {
    let bp = app.blueprint();
    let mut tp = bp.touchpoints[(i * 7919) % bp.touchpoints.len()].clone();
    tp.fail_point = !tp.fail_point;
    Edit::SetTouchpoint(tp)
}

/// Median and slowest time from an edit to the next frame ready.
fn edit_to_frame(bp: &Blueprint, rounds: usize) -> (Duration, Duration) {
    let (ctx, mut app) = editor(bp);
    let mut runs: Vec<Duration> = (0..rounds)
        .map(|i| {
            let edit = one_touchpoint_edit(&app, i);
            let t = Instant::now();
            app.edit(edit);
            frame(&ctx, &mut app, Vec::new());
            t.elapsed()
        })
        .collect();
    runs.sort();
    (runs[runs.len() / 2], runs[runs.len() - 1])
}

/// Bytes held by 200 undo steps of one-touchpoint edits.
fn undo_memory(bp: &Blueprint) -> isize {
    let (ctx, mut app) = editor(bp);
    frame(&ctx, &mut app, Vec::new());
    let before = held();
    for i in 0..200 {
        let edit = one_touchpoint_edit(&app, i);
        app.edit(edit);
    }
    frame(&ctx, &mut app, Vec::new());
    frame(&ctx, &mut app, Vec::new());
    held() - before
}

/// CPU time to add a card (the `N` key) and type a 20-character title into
/// it, one frame a key, as a user types.
fn typing(bp: &Blueprint) -> Duration {
    let (ctx, mut app) = editor(bp);
    let key = |pressed| egui::Event::Key {
        key: egui::Key::N,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
    };
    frame(&ctx, &mut app, vec![key(true), key(false)]);
    // The new card's title takes the keyboard at the next frame.
    frame(&ctx, &mut app, Vec::new());
    let title = "Guest waits in queue";
    assert_eq!(title.chars().count(), 20);
    let t = Instant::now();
    for c in title.chars() {
        frame(&ctx, &mut app, vec![egui::Event::Text(c.to_string())]);
    }
    let spent = t.elapsed();
    let typed = app
        .document()
        .blueprint()
        .touchpoints
        .iter()
        .any(|t| t.title == title);
    assert!(typed, "the title was not typed into the new card");
    spent
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let hotel = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let cases = [
        ("hotel (50 tp)", hotel, 40),
        (
            "synthetic 5,000 tp",
            servuction::templates::synthetic(5000),
            15,
        ),
        (
            "synthetic 20,000 tp",
            servuction::templates::synthetic(20000),
            5,
        ),
    ];
    let only = std::env::var("EDIT_ONLY").unwrap_or_default();
    println!(
        "{:<22} {:>16} {:>12} {:>20} {:>16}",
        "blueprint", "edit->frame", "slowest", "200 undo steps", "type 20 chars"
    );
    for (name, bp, rounds) in cases.iter().filter(|(n, _, _)| n.contains(&only)) {
        let (median, slowest) = edit_to_frame(bp, *rounds);
        let memory = undo_memory(bp);
        let typed = typing(bp);
        println!(
            "{:<22} {:>16} {:>12} {:>17.1} MB {:>16}",
            name,
            ms(median),
            ms(slowest),
            memory as f64 / 1e6,
            ms(typed)
        );
    }
}
