//! Renders the application icon (assets/icon/servuction.svg) to the PNG
//! sizes desktops use, in assets/icon/png/: `cargo run --example icons`.
//! A test checks that the PNGs are this rendering of the SVG.

use servuction::render::png;

/// The sizes installed under /usr/share/icons/hicolor.
pub const SIZES: [u32; 8] = [16, 24, 32, 48, 64, 128, 256, 512];

fn main() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon");
    let svg = match std::fs::read_to_string(dir.join("servuction.svg")) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("assets/icon/servuction.svg: {e}");
            std::process::exit(2);
        }
    };
    for size in SIZES {
        let made = png::rasterise(&svg, size as f32 / 256.0)
            .and_then(|(w, h, rgba)| png::encode(w, h, &rgba, None));
        let path = dir.join(format!("png/servuction-{size}.png"));
        match made
            .map_err(|e| e.to_string())
            .and_then(|bytes| std::fs::write(&path, bytes).map_err(|e| e.to_string()))
        {
            Ok(()) => println!("{}", path.display()),
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                std::process::exit(2);
            }
        }
    }
}
