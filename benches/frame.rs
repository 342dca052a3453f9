//! Frame CPU time of the editor, with no window: the app's UI runs on an
//! egui Context and the output is tessellated, as eframe would before handing
//! it to the GPU. Run with `cargo bench --bench frame`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::app::EditorApp;
use servuction::model::{Blueprint, Language};
use std::time::{Duration, Instant};

// The allocator the `servuction` binary uses, so the figures are the app's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[inline(never)]
fn frame(ctx: &egui::Context, app: &mut EditorApp) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.show(ui));
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
