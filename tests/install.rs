//! What a desktop installation carries: the icon in the sizes desktops use,
//! the desktop entry and the file type.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_icon_pngs_are_the_svg_rendered_at_each_size() {
    let svg = std::fs::read_to_string(root().join("assets/icon/servuction.svg")).unwrap();
    for size in [16u32, 24, 32, 48, 64, 128, 256, 512] {
        let file = root().join(format!("assets/icon/png/servuction-{size}.png"));
        let png = image::open(&file)
            .unwrap_or_else(|e| panic!("{}: {e}; run cargo run --example icons", file.display()))
            .to_rgba8();
        assert_eq!(
            (png.width(), png.height()),
            (size, size),
            "{}",
            file.display()
        );
        let (_, _, want) = servuction::render::png::rasterise(&svg, size as f32 / 256.0).unwrap();
        assert!(
            png.as_raw() == &want,
            "{} is not the SVG's rendering: run cargo run --example icons",
            file.display()
        );
        // Transparent corners, an opaque middle: a shape, not a square.
        assert_eq!(png.get_pixel(0, 0)[3], 0);
        assert_eq!(png.get_pixel(size / 2, size * 3 / 16)[3], 255);
    }
}

#[test]
fn the_desktop_entry_opens_servuction_files_with_the_editor() {
    let entry = std::fs::read_to_string(root().join("packaging/servuction.desktop")).unwrap();
    let mime = std::fs::read_to_string(root().join("packaging/servuction.xml")).unwrap();
    let key = |k: &str| {
        entry
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{k}=")))
            .unwrap_or_else(|| panic!("no {k}"))
    };
    assert_eq!(key("Exec"), "servuction %f");
    assert_eq!(key("Icon"), "servuction");
    // The window's class (eframe's app id) matches the entry.
    assert_eq!(key("StartupWMClass"), "servuction");
    assert_eq!(key("MimeType"), "application/vnd.servuction+json;");
    let xml = roxmltree::Document::parse(&mime).unwrap();
    let ty = xml
        .descendants()
        .find(|n| n.has_tag_name("mime-type"))
        .unwrap();
    assert_eq!(
        ty.attribute("type"),
        Some("application/vnd.servuction+json")
    );
    let glob = ty.children().find(|n| n.has_tag_name("glob")).unwrap();
    assert_eq!(
        glob.attribute("pattern"),
        Some(format!("*.{}", servuction::format::EXTENSION).as_str())
    );
    // desktop-file-validate, where installed (CI installs desktop-file-utils).
    match std::process::Command::new("desktop-file-validate")
        .arg(root().join("packaging/servuction.desktop"))
        .output()
    {
        Ok(o) => assert!(
            o.status.success() && o.stdout.is_empty(),
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(_) => assert!(
            std::env::var_os("CI").is_none(),
            "CI must install desktop-file-utils"
        ),
    }
}
