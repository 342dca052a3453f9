//! How the work after an edit grows with the size of a blueprint: integrity
//! (`Blueprint::problems`), health checks, the findings overlay, layout, scene,
//! SVG (the default, text as glyph outlines, as `servuction export x.svg`
//! writes it, and plain, text as `<text>`) and PNG (at 4 megapixels) export
//! of `templates::synthetic(n)` at 1,000 to 50,000 touchpoints, and how much each figure grows per 4× N (linear work grows
//! about 4×; quadratic work 16×). Run with `cargo bench --bench scale`, or
//! `cargo bench --bench scale -- 1000 5000` for some sizes only.
//!
//! The last two columns are yardsticks, not work the editor does: reading
//! one field of every touchpoint, and putting every touchpoint id in a hash
//! set. Once a blueprint outgrows the processor's caches, each pass over it
//! and each lookup by id costs more, so even this linear work grows faster
//! than N between some sizes; compare the figures' growth with theirs.
//! `check (cold)` is the check with the caches emptied before each run, as
//! the command line meets a blueprint it has just read: a loop over the same
//! blueprint keeps a small one in the caches between runs and a large one
//! not, which reads as growth.

use servuction::check;
use servuction::layout::{self, Options};
use servuction::model::Language;
use servuction::render::svg;
use servuction::scene::{self, Overlay, Theme};
use servuction::templates::synthetic;
use std::collections::HashSet;
use std::time::{Duration, Instant};

// As in the editor (see src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The fastest of eleven runs, or of three for work that takes over two
/// seconds in all: the work is the same each time, and the fastest run is
/// the one least disturbed by the rest of a shared machine. The count does
/// not depend on the size, so that each size's figure is the fastest of as
/// many runs: the fastest of eleven runs at one size against the fastest of
/// three at another would read as growth.
fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    fastest(|| {
        let t = Instant::now();
        std::hint::black_box(f());
        t.elapsed()
    })
}

/// The fastest of the times `run` gives, run as [`time`] says.
fn fastest(mut run: impl FnMut() -> Duration) -> Duration {
    let start = Instant::now();
    let mut fastest = Duration::MAX;
    for round in 1..=11 {
        fastest = fastest.min(run());
        if round >= 3 && start.elapsed() > Duration::from_secs(2) {
            break;
        }
    }
    fastest
}

/// As [`time`], with the processor's caches emptied before each run (by
/// writing a buffer larger than them), as they are when the command line
/// checks a file it has just read, or when the editor checks after a frame
/// has used the caches for its own work. A loop of runs on the same
/// blueprint keeps it in the caches while it fits, and so reads as growth
/// where it stops fitting.
fn time_cold<T>(mut f: impl FnMut() -> T) -> Duration {
    let mut other = vec![0u8; 128 << 20];
    let mut round = 0u8;
    fastest(|| {
        round = round.wrapping_add(1);
        other.iter_mut().step_by(64).for_each(|b| *b = round);
        let t = Instant::now();
        std::hint::black_box(f());
        t.elapsed()
    })
}

const FIGURES: [&str; 12] = [
    "problems",
    "check",
    "check (cold)",
    "overlay",
    "layout",
    "scene",
    "layout+scene",
    "SVG outlined",
    "SVG plain",
    "PNG (4 Mpx)",
    "scan (ref)",
    "ids (ref)",
];

fn measure(n: usize) -> [Duration; 12] {
    let bp = synthetic(n);
    let problems = time(|| bp.problems());
    let check = time(|| check::check(&bp));
    let check_cold = time_cold(|| check::check(&bp));
    let findings = check::check(&bp);
    let overlay = time(|| Overlay::with_findings(&bp, &findings));
    let mut ov = Overlay::with_findings(&bp, &findings);
    ov.compliance_view = true;
    let layout = time(|| layout::layout(&bp, Options::default()));
    let l = layout::layout(&bp, Options::default());
    let scene = time(|| scene::scene_with(&bp, &l, &Theme::LIGHT, Language::En, &ov));
    let both = time(|| {
        let l = layout::layout(&bp, Options::default());
        scene::scene_with(&bp, &l, &Theme::LIGHT, Language::En, &ov)
    });
    let s = scene::scene(&bp, &l, &Theme::LIGHT, Language::En);
    // The default SVG: text as glyph outlines (shaped, placed, written).
    let outlined = time(|| svg::export(&s, &bp.title, None, svg::TextMode::Outlines, &bp.photos));
    let svg = time(|| svg::to_svg(&s, &bp.title));
    // At a fixed pixel budget (4 megapixels), so that the figure grows with
    // the drawing's work, not with the picture's area.
    let png_scale = (4e6 / f64::from(s.size.x * s.size.y)).sqrt() as f32;
    let png =
        time(|| servuction::render::export_png(&bp, &Theme::LIGHT, Language::En, png_scale, None));
    let scan = time(|| bp.touchpoints.iter().filter(|t| t.is_fail_point()).count());
    let ids = time(|| {
        bp.touchpoints
            .iter()
            .map(|t| t.id.as_str())
            .collect::<HashSet<_>>()
    });
    [
        problems, check, check_cold, overlay, layout, scene, both, outlined, svg, png, scan, ids,
    ]
}

/// Milliseconds, to a tenth of a microsecond below 0.1 ms (the scan
/// yardstick takes microseconds).
fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms < 0.1 {
        format!("{:.4} ms", ms)
    } else {
        format!("{:.2} ms", ms)
    }
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace([',', '_'], "").parse().ok())
        .collect();
    let sizes = if args.is_empty() {
        vec![1_000, 5_000, 20_000, 50_000]
    } else {
        args
    };
    print!("{:>12}", "touchpoints");
    for f in FIGURES {
        print!(" {f:>13}");
    }
    println!();
    let mut rows = Vec::new();
    for &n in &sizes {
        let row = measure(n);
        print!("{n:>12}");
        for d in row {
            print!(" {:>13}", ms(d));
        }
        println!();
        rows.push((n, row));
    }
    // Growth per 4× N, scaled to 4× when the sizes are not exactly 4× apart.
    for pair in [(5_000, 20_000), (20_000, 50_000)] {
        let (Some(a), Some(b)) = (
            rows.iter().find(|r| r.0 == pair.0),
            rows.iter().find(|r| r.0 == pair.1),
        ) else {
            continue;
        };
        let k = (4.0f64).ln() / (b.0 as f64 / a.0 as f64).ln();
        let ratios: Vec<f64> =
            a.1.iter()
                .zip(&b.1)
                .map(|(x, y)| y.as_secs_f64() / x.as_secs_f64())
                .collect();
        let label = format!("{}k→{}k", pair.0 / 1000, pair.1 / 1000);
        print!("{label:>12}");
        for r in &ratios {
            print!(" {:>13}", format!("{r:.2}x"));
        }
        println!();
        if k != 1.0 {
            print!("{:>12}", "per 4× N");
            for r in &ratios {
                print!(" {:>13}", format!("{:.2}x", r.powf(k)));
            }
            println!();
        }
    }
}
