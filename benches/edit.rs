//! What an edit costs in the editor, with no window: the app's UI runs on an
//! egui Context and its output is tessellated, as eframe would before handing
//! it to the GPU (no rasterisation). Run with `cargo bench --bench edit`.
//!
//! - one edit to the next frame ready: apply the edit, work out the derived
//!   data (findings, roll-ups, layout, scene), run the UI, tessellate; for a
//!   card-only edit (a fail-point flag switched: the cards redrawn in place)
//!   and for the structural edits users make (add a touchpoint, move one to
//!   another lane and step, delete one with its connectors, add a step,
//!   rename a stage, paste 50 cards through the clipboard's paste event),
//!   each on the document of the size the case names (undone, untimed,
//!   before the next). A paste is timed as users make one: the 50 cards
//!   were selected and copied (untimed), and are still selected; "paste 50,
//!   none selected" times it with nothing selected before (as at earlier
//!   stops), which lays out the inspector of a card anew;
//! - the bytes held by the undo history of 200 flag switches;
//! - the CPU time to type a 20-character title into a new card, one frame a key.
//!
//! `EDIT_ONLY=5,000` measures only the cases whose name contains it;
//! `EDIT_KIND=paste` only the structural edits whose name contains it;
//! `EDIT_ROUNDS=100` times each structural edit that many times (for a
//! profile of the edits rather than of setting them up).

#![allow(clippy::unwrap_used, clippy::expect_used)]
// Tests and benchmarks stop at the first surprise.
// A counting allocator is the one place that needs it.
#![allow(unsafe_code)]

use servuction::app::EditorApp;
use servuction::edit::Edit;
use servuction::model::{Blueprint, Language, Step, StepId, Touchpoint, TouchpointId};
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
    let mut output = ctx.run_ui(input, |ui| app.show(ui));
    // No renderer takes the textures (egui asserts that someone did).
    output.textures_delta.clear();
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
    tp.fail_point = match tp.fail_point {
        Some(_) => None,
        None => Some(Box::default()),
    };
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

/// A structural edit, made at round `i` on the document as it is then:
/// the edit, or the events that make it (a paste).
#[expect(
    clippy::large_enum_variant,
    reason = "one made at a time, outside the timed part"
)]
enum Made {
    Edit(Edit),
    Events(Vec<egui::Event>),
}

/// The structural edits users make, by name.
const STRUCTURAL: [&str; 7] = [
    "add touchpoint",
    "move to lane+step",
    "delete w/ connectors",
    "add step",
    "rename stage",
    "paste 50 cards",
    "paste 50, none selected",
];

/// The 50 cards a paste at round `i` copies.
fn copied(bp: &Blueprint, i: usize) -> Vec<TouchpointId> {
    let n = bp.touchpoints.len();
    (0..50)
        .map(|k| bp.touchpoints[((i * 50 + k) * 7919) % n].id.clone())
        .collect()
}

fn structural(kind: &str, bp: &Blueprint, i: usize) -> Made {
    let n = bp.touchpoints.len();
    let pick = |k: usize| &bp.touchpoints[(k * 7919) % n];
    let steps: Vec<&Step> = bp.stages.iter().flat_map(|s| &s.steps).collect();
    match kind {
        "add touchpoint" => {
            let lane = bp.lanes[i % bp.lanes.len()].id.clone();
            let step = steps[(i * 31) % steps.len()].id.clone();
            Made::Edit(Edit::AddTouchpoint(Touchpoint::new(
                lane,
                step,
                "New touchpoint",
            )))
        }
        "move to lane+step" => {
            let tp = pick(i);
            let lane = bp
                .lanes
                .iter()
                .find(|l| l.id != tp.lane)
                .unwrap()
                .id
                .clone();
            let step = steps.iter().find(|s| s.id != tp.step).unwrap().id.clone();
            Made::Edit(Edit::MoveTouchpoint {
                id: tp.id.clone(),
                lane,
                step,
            })
        }
        "delete w/ connectors" => {
            let c = &bp.connectors[(i * 7919) % bp.connectors.len()];
            Made::Edit(Edit::DeleteTouchpoints(vec![c.from.clone()]))
        }
        "add step" => {
            let stage = bp.stages[i % bp.stages.len()].id.clone();
            let step = Step {
                id: StepId::generate(),
                name: format!("New step {i}"),
                duration_min: None,
            };
            Made::Edit(Edit::AddStep { stage, step })
        }
        "rename stage" => {
            let stage = &bp.stages[i % bp.stages.len()];
            Made::Edit(Edit::RenameStage {
                id: stage.id.clone(),
                name: format!("Stage renamed {i}"),
            })
        }
        _ => {
            let text = servuction::edit::clipboard::copy(bp, &copied(bp, i)).unwrap();
            Made::Events(vec![egui::Event::Paste(text)])
        }
    }
}

/// Ctrl+Z, pressed or released.
fn undo_key(pressed: bool) -> egui::Event {
    egui::Event::Key {
        key: egui::Key::Z,
        physical_key: None,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::COMMAND,
    }
}

/// Median and slowest time from a structural edit (made on the document of
/// the case's size: each is undone before the next) to the next frame ready.
fn structural_to_frame(bp: &Blueprint, kind: &str, rounds: usize) -> (Duration, Duration) {
    let (ctx, mut app) = editor(bp);
    let size = bp.touchpoints.len();
    let mut runs: Vec<Duration> = (0..rounds)
        .map(|i| {
            let made = structural(kind, app.blueprint(), i);
            // A user selects the cards to copy (untimed): they are still
            // selected, and shown, when the paste comes.
            if kind == "paste 50 cards" {
                app.select(copied(app.blueprint(), i));
                frame(&ctx, &mut app, Vec::new());
            }
            let revision = app.document().revision();
            let t = Instant::now();
            match made {
                Made::Edit(e) => {
                    app.edit(e);
                    frame(&ctx, &mut app, Vec::new());
                }
                // The paste acts before the frame's UI pass: that frame
                // shows it.
                Made::Events(events) => {
                    frame(&ctx, &mut app, events);
                }
            }
            let spent = t.elapsed();
            assert_ne!(
                app.document().revision(),
                revision,
                "{kind} changed nothing"
            );
            // Undone (untimed), so every round edits the document of the
            // size the case names.
            frame(&ctx, &mut app, vec![undo_key(true), undo_key(false)]);
            assert_eq!(
                app.blueprint().touchpoints.len(),
                size,
                "{kind} was not undone"
            );
            spent
        })
        .collect();
    runs.sort();
    (runs[runs.len() / 2], runs[runs.len() - 1])
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
            9,
        ),
    ];
    let only = std::env::var("EDIT_ONLY").unwrap_or_default();
    let kinds = std::env::var("EDIT_KIND").ok();
    let flags = if kinds.is_some() { 0 } else { cases.len() };
    println!(
        "{:<22} {:>22} {:>12} {:>26} {:>16}",
        "blueprint", "flag switch->frame", "slowest", "undo of 200 flag switches", "type 20 chars"
    );
    for (name, bp, rounds) in cases[..flags].iter().filter(|(n, _, _)| n.contains(&only)) {
        let (median, slowest) = edit_to_frame(bp, *rounds);
        let memory = undo_memory(bp);
        let typed = typing(bp);
        println!(
            "{:<22} {:>22} {:>12} {:>23.1} MB {:>16}",
            name,
            ms(median),
            ms(slowest),
            memory as f64 / 1e6,
            ms(typed)
        );
    }
    println!();
    println!(
        "{:<22} {:<22} {:>16} {:>12}",
        "blueprint", "structural edit", "edit->frame", "slowest"
    );
    let rounds_asked: Option<usize> = std::env::var("EDIT_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok());
    for (name, bp, rounds) in cases.iter().filter(|(n, _, _)| n.contains(&only)) {
        let rounds = rounds_asked.unwrap_or((*rounds).clamp(5, 15));
        let chosen = STRUCTURAL
            .iter()
            .filter(|k| kinds.as_ref().is_none_or(|only| k.contains(only.as_str())));
        for kind in chosen {
            let (median, slowest) = structural_to_frame(bp, kind, rounds);
            println!(
                "{:<22} {:<22} {:>16} {:>12}",
                name,
                kind,
                ms(median),
                ms(slowest)
            );
        }
    }
}
