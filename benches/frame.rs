//! Frame CPU time of the editor, with no window: the app's UI runs on an
//! egui Context and the output is tessellated, as eframe would before handing
//! it to the GPU. Run with `cargo bench --bench frame`.
//!
//! Then the frames while work runs in the background, from the frame that
//! asks for it to the one that takes in its end: a PNG and a PDF export and
//! Copy as image (whole and of ten cards) at 5,000 touchpoints, and the
//! recovery copy at 20,000 (written when the window loses focus after an
//! edit); the longest and the median frame, and how long the work took.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::app::EditorApp;
use servuction::model::{Blueprint, Language};
use std::time::{Duration, Instant};

// The allocator the `servuction` binary uses, so the figures are the app's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[inline(never)]
fn frame(ctx: &egui::Context, app: &mut EditorApp) -> usize {
    frame_with(ctx, app, Vec::new())
}

#[inline(never)]
fn frame_with(ctx: &egui::Context, app: &mut EditorApp, events: Vec<egui::Event>) -> usize {
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

#[derive(Clone, Copy)]
enum View {
    Fit,
    /// 100 %, looking at the middle of the diagram.
    Full,
    /// Presenting, on the second stage, the glide to it finished.
    Presenting,
}

fn measure(bp: &Blueprint, view: View) -> (Duration, Duration, usize) {
    let ctx = egui::Context::default();
    let mut app = EditorApp::new(bp.clone(), None);
    app.set_language(Language::En);
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    match view {
        View::Fit => {}
        View::Full => {
            app.set_view(1.0, egui::vec2(-2000.0, -200.0));
            frame(&ctx, &mut app);
        }
        View::Presenting => {
            app.set_presenting(&ctx, true);
            app.go_to_stop(1);
            for _ in 0..240 {
                frame(&ctx, &mut app);
            }
        }
    }
    let mut runs: Vec<(Duration, usize)> = (0..60)
        .map(|_| {
            let t = Instant::now();
            let n = frame(&ctx, &mut app);
            (t.elapsed(), n)
        })
        .collect();
    runs.sort();
    (
        runs[runs.len() / 2].0,
        runs[runs.len() * 9 / 10].0,
        runs[0].1,
    )
}

/// What runs in the background.
#[derive(Clone, Copy)]
enum Work {
    Png,
    Pdf,
    CopyWhole,
    CopyTen,
    Recovery,
}

/// The longest and the median frame from the one that asks for `work` to
/// the one that takes in its end, and the time the work took.
fn frames_while(bp: &Blueprint, work: Work) -> (Duration, Duration, Duration) {
    let dir = tempfile::tempdir().unwrap();
    let ctx = egui::Context::default();
    let store = servuction::recovery::RecoveryStore::at(dir.path().join("recovery"));
    let mut app = EditorApp::new(bp.clone(), Some(store));
    app.set_language(Language::En);
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    let mut events = Vec::new();
    match work {
        Work::Png => app.export_in_background(&dir.path().join("x.png")),
        Work::Pdf => app.export_in_background(&dir.path().join("x.pdf")),
        Work::CopyWhole => app.copy_image(),
        Work::CopyTen => {
            let ids = bp
                .touchpoints
                .iter()
                .take(10)
                .map(|t| t.id.clone())
                .collect();
            app.select(ids);
            app.copy_image();
        }
        Work::Recovery => {
            let mut tp = app.blueprint().touchpoints[0].clone();
            tp.fail_point = match tp.fail_point {
                Some(_) => None,
                None => Some(Box::default()),
            };
            app.edit(servuction::edit::Edit::SetTouchpoint(tp));
            frame(&ctx, &mut app);
            events.push(egui::Event::WindowFocused(false));
        }
    }
    let start = Instant::now();
    let mut frames = Vec::new();
    loop {
        let t = Instant::now();
        frame_with(&ctx, &mut app, std::mem::take(&mut events));
        frames.push(t.elapsed());
        if !app.busy() && frames.len() > 1 {
            break;
        }
        // A 60 Hz screen's pace.
        std::thread::sleep(Duration::from_millis(16).saturating_sub(t.elapsed()));
    }
    let took = start.elapsed();
    frames.sort();
    (frames[frames.len() - 1], frames[frames.len() / 2], took)
}

fn main() {
    let hotel = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let cases = [
        ("hotel (50 tp)", hotel),
        ("synthetic 1,000 tp", servuction::templates::synthetic(1000)),
        ("synthetic 5,000 tp", servuction::templates::synthetic(5000)),
    ];
    println!(
        "{:<22} {:<10} {:>12} {:>12} {:>10}",
        "blueprint", "view", "median", "p90", "meshes"
    );
    // `FRAME_ONLY=hotel` measures only the cases whose name contains it.
    let only = std::env::var("FRAME_ONLY").unwrap_or_default();
    let background = [
        ("synthetic 5,000 tp", Work::Png, "PNG export"),
        ("synthetic 5,000 tp", Work::Pdf, "PDF export"),
        ("synthetic 5,000 tp", Work::CopyWhole, "copy as image, all"),
        (
            "synthetic 5,000 tp",
            Work::CopyTen,
            "copy as image, 10 cards",
        ),
        ("synthetic 20,000 tp", Work::Recovery, "recovery copy"),
    ];
    let big = servuction::templates::synthetic(20_000);
    for (name, work, label) in background.iter().filter(|(n, _, _)| n.contains(&only)) {
        let bp = if name.contains("20,000") {
            &big
        } else {
            &cases[2].1
        };
        let (longest, median, took) = frames_while(bp, *work);
        println!(
            "{:<22} {:<24} longest frame {:>8.2} ms, median {:>6.2} ms, the work {:>7.0} ms",
            name,
            label,
            longest.as_secs_f64() * 1e3,
            median.as_secs_f64() * 1e3,
            took.as_secs_f64() * 1e3
        );
    }
    for (name, bp) in cases.iter().filter(|(n, _)| n.contains(&only)) {
        for (view, label) in [
            (View::Fit, "fit"),
            (View::Full, "100 %"),
            (View::Presenting, "presenting"),
        ] {
            let (median, p90, meshes) = measure(bp, view);
            println!(
                "{:<22} {:<10} {:>9.3} ms {:>9.3} ms {:>10}",
                name,
                label,
                median.as_secs_f64() * 1e3,
                p90.as_secs_f64() * 1e3,
                meshes
            );
        }
    }
}
