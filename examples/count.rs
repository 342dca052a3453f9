//! One piece of headless work on `templates::synthetic(N)`, once, for
//! counting its instructions: time on a shared machine grows faster than N
//! where tables outgrow the caches, instruction counts do not. Run
//!
//! ```sh
//! cargo build --release --example count
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/count 20000 check
//! ```
//!
//! for `none` (building the blueprint only), `check`, `svg` (plain text),
//! `outlines` (the default SVG, text as glyph outlines) or `png` (4
//! megapixels), and subtract `none`'s count from the others.
//! `count N save FILE` writes the blueprint to FILE, for timing the command
//! line on it.
//!
//! `count N check K` checks the blueprint K times, as the scale bench does,
//! for seeing in a cache simulation why the bench's loop grows faster than
//! N: does what the check reads stay in a cache of a given size between
//! runs?
//!
//! ```sh
//! valgrind --tool=cachegrind --cache-sim=yes --LL=16777216,16,64 \
//!     target/release/examples/count 50000 check 9
//! ```
//!
//! The last-level misses per check are those with K = 9, less those with
//! K = 1, over 8.

use servuction::model::Language;
use servuction::render;
use servuction::scene::Theme;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(n), Some(what)) = (args.next().and_then(|n| n.parse().ok()), args.next()) else {
        eprintln!("usage: count N none|check [K]|svg|outlines|png|save FILE");
        std::process::exit(2);
    };
    let bp = servuction::templates::synthetic(n);
    match what.as_str() {
        "check" => {
            let runs = args.next().and_then(|k| k.parse().ok()).unwrap_or(1);
            for _ in 0..runs {
                std::hint::black_box(servuction::check::check(&bp));
            }
        }
        "svg" => {
            let scene = render::export_scene(&bp, &Theme::LIGHT, Language::En);
            std::hint::black_box(render::svg::to_svg(&scene, &bp.title));
        }
        "outlines" => {
            let scene = render::export_scene(&bp, &Theme::LIGHT, Language::En);
            let svg = render::svg::export(&scene, &bp.title, None, render::svg::TextMode::Outlines);
            std::hint::black_box(svg.ok());
        }
        "png" => {
            let (w, h) = render::export_size(&bp);
            let scale = (4e6 / f64::from(w * h)).sqrt() as f32;
            std::hint::black_box(
                render::export_png(&bp, &Theme::LIGHT, Language::En, scale, None).ok(),
            );
        }
        "save" => {
            let Some(path) = args.next() else {
                eprintln!("usage: count N save FILE");
                std::process::exit(2);
            };
            if let Err(e) = servuction::format::save(std::path::Path::new(&path), &bp) {
                eprintln!("{path}: {e}");
                std::process::exit(2);
            }
        }
        _ => {}
    }
}
