//! Exports: golden SVG and PNG for every template, the PNG round trip, text
//! pixels, other renderers, limits, and the export command.
//!
//! Refresh the references after an intended change of the look:
//! `UPDATE_GOLDEN=1 cargo test --test export`

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::format;
use servuction::model::Language;
use servuction::render::{self, png};
use servuction::scene::Theme;
use servuction::templates::TEMPLATES;
use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "export/photos.rs"]
mod photos;

const GOLDEN_SCALE: f32 = 0.5;

fn update() -> bool {
    std::env::var_os("UPDATE_GOLDEN").is_some()
}

fn golden(name: &str) -> PathBuf {
    Path::new("tests/golden").join(name)
}

/// The structure of an SVG: each element with its attributes (numbers
/// rounded to whole units) and text.
fn structure(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    doc.descendants()
        .filter(|n| n.is_element())
        .map(|n| {
            let attrs: Vec<String> = n
                .attributes()
                .map(|a| match a.value().parse::<f64>() {
                    Ok(v) => format!("{}={}", a.name(), v.round()),
                    Err(_) => format!("{}={}", a.name(), a.value()),
                })
                .collect();
            let text = n
                .text()
                .filter(|_| n.tag_name().name() == "text" || n.tag_name().name() == "title")
                .unwrap_or("");
            format!("{} {} {}", n.tag_name().name(), attrs.join(" "), text)
        })
        .collect()
}

fn export_svg(name: &str, lang: Language, theme: &Theme) -> (servuction::model::Blueprint, String) {
    let bp = servuction::templates::find(name)
        .unwrap()
        .load(lang)
        .unwrap();
    let scene = render::export_scene(&bp, theme, lang);
    let svg = render::svg::to_svg(&scene, &bp.title);
    (bp, svg)
}

#[test]
fn svg_of_every_template_matches_its_golden_structure() {
    for t in TEMPLATES.iter().filter(|t| t.name != "blank") {
        for lang in Language::ALL {
            let (bp, svg) = export_svg(t.name, lang, &Theme::LIGHT);
            let file = golden(&format!("{}.{}.svg", t.name, lang.code()));
            if update() {
                std::fs::write(&file, &svg).unwrap();
                continue;
            }
            let reference = std::fs::read_to_string(&file).unwrap_or_else(|_| {
                panic!(
                    "{} is missing: run UPDATE_GOLDEN=1 cargo test --test export",
                    file.display()
                )
            });
            let (got, want) = (structure(&svg), structure(&reference));
            assert_eq!(
                got.len(),
                want.len(),
                "{}: element count changed",
                file.display()
            );
            for (g, w) in got.iter().zip(&want) {
                assert_eq!(g, w, "{}", file.display());
            }
            // Text stays text: every touchpoint title starts a <text> element.
            for tp in &bp.touchpoints {
                let first = tp.title.split_whitespace().next().unwrap();
                assert!(
                    svg.contains(&format!(">{}", servuction::render::svg::escape(first))),
                    "{}: {first}",
                    t.name
                );
            }
        }
    }
}

/// Compares two RGBA images: same size, and nearly every pixel the same.
fn assert_similar(name: &str, got: (u32, u32, &[u8]), want: (u32, u32, &[u8])) {
    assert_eq!((got.0, got.1), (want.0, want.1), "{name}: size changed");
    let (mut differing, mut total) = (0usize, 0u64);
    for (a, b) in got.2.chunks(4).zip(want.2.chunks(4)) {
        let d = a
            .iter()
            .zip(b)
            .map(|(x, y)| x.abs_diff(*y) as u64)
            .max()
            .unwrap_or(0);
        total += d;
        if d > 48 {
            differing += 1;
        }
    }
    let pixels = (got.0 * got.1) as usize;
    let mean = total as f64 / pixels as f64;
    assert!(
        differing * 200 < pixels && mean < 2.0,
        "{name}: {differing} of {pixels} pixels differ, mean difference {mean:.2}"
    );
}

fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let img = image::load_from_memory(bytes).expect("a PNG").to_rgba8();
    (img.width(), img.height(), img.into_raw())
}

#[test]
fn png_of_every_template_matches_its_reference_image() {
    for t in TEMPLATES.iter().filter(|t| t.name != "blank") {
        for (lang, theme, theme_name) in [
            (Language::En, Theme::LIGHT, "light"),
            (Language::Es, Theme::DARK, "dark"),
        ] {
            let (bp, svg) = export_svg(t.name, lang, &theme);
            let (w, h, rgba) = png::rasterise(&svg, GOLDEN_SCALE).unwrap();
            let bytes = png::encode(w, h, &rgba, Some(&format::to_string(&bp).unwrap())).unwrap();
            let file = golden(&format!("{}.{}.{theme_name}.png", t.name, lang.code()));
            if update() {
                std::fs::write(&file, png::encode(w, h, &rgba, None).unwrap()).unwrap();
                continue;
            }
            let reference = std::fs::read(&file).unwrap_or_else(|_| {
                panic!(
                    "{} is missing: run UPDATE_GOLDEN=1 cargo test --test export",
                    file.display()
                )
            });
            let got = decode(&bytes);
            let want = decode(&reference);
            assert_similar(
                &file.display().to_string(),
                (got.0, got.1, &got.2),
                (want.0, want.1, &want.2),
            );
        }
    }
}

#[test]
fn png_text_is_drawn_with_the_bundled_font() {
    // resvg silently drops text it has no font for: the title's box must hold ink.
    let (_, svg) = export_svg("hotel", Language::En, &Theme::LIGHT);
    let (w, _, rgba) = png::rasterise(&svg, 1.0).unwrap();
    let dark_in = |x0: u32, y0: u32, x1: u32, y1: u32| {
        (y0..y1)
            .flat_map(|y| (x0..x1).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let i = ((y * w + x) * 4) as usize;
                rgba[i] < 100 && rgba[i + 1] < 100 && rgba[i + 2] < 100
            })
            .count()
    };
    // The title "Hotel stay" at 22 px, from x = 24, baseline y = 50.
    let title_ink = dark_in(24, 30, 140, 56);
    assert!(title_ink > 150, "no text pixels in the title ({title_ink})");
    // The margin above it is blank.
    assert_eq!(dark_in(24, 2, 140, 20), 0);
}

#[test]
fn a_png_re_opens_as_the_same_blueprint_and_a_foreign_png_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bp = servuction::templates::find("bank")
        .unwrap()
        .load(Language::Es)
        .unwrap();
    let (_, svg) = export_svg("bank", Language::Es, &Theme::LIGHT);
    let (w, h, rgba) = png::rasterise(&svg, 0.25).unwrap();
    let path = dir.path().join("bank.png");
    std::fs::write(
        &path,
        png::encode(w, h, &rgba, Some(&format::to_string(&bp).unwrap())).unwrap(),
    )
    .unwrap();
    assert_eq!(format::read(&path).unwrap(), bp);
    // The document is stored compressed (flag 1 after the keyword).
    let bytes = std::fs::read(&path).unwrap();
    let at = bytes
        .windows(15)
        .position(|w| w == b"iTXtservuction\0")
        .expect("an iTXt chunk named servuction");
    assert_eq!(bytes[at + 15], 1, "compressed");

    let plain = dir.path().join("photo.png");
    std::fs::write(&plain, png::encode(2, 2, &[255; 16], None).unwrap()).unwrap();
    let err = format::read(&plain).unwrap_err().to_string();
    assert!(
        err.contains("this PNG has no Servuction diagram in it"),
        "{err}"
    );

    let truncated = dir.path().join("broken.png");
    std::fs::write(&truncated, &std::fs::read(&path).unwrap()[..40]).unwrap();
    assert!(format::read(&truncated).is_err());
}

#[test]
fn a_png_claiming_huge_dimensions_is_read_without_decoding_pixels() {
    // A valid header for a 100,000 × 100,000 image, then the document, then no pixels.
    let bp = servuction::templates::blank(Language::En);
    let mut bytes = Vec::new();
    {
        let mut enc = ::png::Encoder::new(&mut bytes, 100_000, 100_000);
        enc.set_color(::png::ColorType::Grayscale);
        enc.add_itxt_chunk("servuction".into(), format::to_string(&bp).unwrap())
            .unwrap();
        let _ = enc.write_header().unwrap();
    }
    // The writer closed the file with IEND on drop; take it off again.
    if bytes.len() >= 12 && &bytes[bytes.len() - 8..bytes.len() - 4] == b"IEND" {
        bytes.truncate(bytes.len() - 12);
    }
    // One tiny IDAT chunk, far short of the pixels the header promises.
    let chunk = |kind: &[u8; 4], data: &[u8]| {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        c.extend_from_slice(&crc32(&c[4..]).to_be_bytes());
        c
    };
    bytes.extend(chunk(
        b"IDAT",
        &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01],
    ));
    bytes.extend(chunk(b"IEND", &[]));
    let start = std::time::Instant::now();
    let text = format::png::embedded_document(&bytes).unwrap();
    assert_eq!(format::from_str(&text).unwrap(), bp);
    assert!(start.elapsed().as_secs() < 2);
}

#[test]
fn a_compressed_document_that_inflates_past_the_limit_is_refused() {
    // 193 MiB of spaces (past the limit of a document with photos)
    // deflate to a chunk of some 1 MB.
    let text = " ".repeat(193 << 20);
    let mut chunk = ::png::text_metadata::ITXtChunk::new("servuction", text);
    chunk.compress_text().unwrap();
    chunk.compressed = true;
    let mut bytes = Vec::new();
    {
        let enc = ::png::Encoder::new(&mut bytes, 1, 1);
        let mut w = enc.write_header().unwrap();
        w.write_text_chunk(&chunk).unwrap();
        w.write_image_data(&[0]).unwrap();
    }
    let err = format::png::embedded_document(&bytes)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("larger than 201,326,592 bytes once inflated"),
        "{err}"
    );
    assert!(!err.contains("Try with a larger limit"), "{err}");
}

#[test]
fn oversized_exports_are_refused_with_a_scale_that_fits() {
    let (_, svg) = export_svg("hotel", Language::En, &Theme::LIGHT);
    let err = png::rasterise(&svg, 40.0).unwrap_err().to_string();
    assert!(
        err.contains("over the limit of 100 megapixels; export with --scale"),
        "{err}"
    );
    let suggested: f32 = err
        .rsplit("--scale ")
        .next()
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let (w, h) = (2724.0 * suggested, 954.0 * suggested);
    assert!(
        (w * h) as u64 <= png::MAX_PIXELS,
        "{suggested} does not fit"
    );
    assert!(png::rasterise(&svg, 0.0).is_err());
    assert!(png::rasterise(&svg, f32::NAN).is_err());
}

/// An SVG rasterised by `rsvg-convert` (as MediaWiki and documentation
/// pipelines do), as PNG bytes; `None` where it is not installed (CI must
/// have it).
fn rsvg_convert(svg: &str) -> Option<Vec<u8>> {
    rsvg_convert_with(svg, false, 1.0)
}

/// As [`rsvg_convert`]; with `no_fonts`, under a font configuration with no
/// fonts at all, as on a bare documentation server; at `zoom` times its size.
fn rsvg_convert_with(svg: &str, no_fonts: bool, zoom: f32) -> Option<Vec<u8>> {
    if Command::new("rsvg-convert")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("NOTICE: rsvg-convert is not installed (Debian: librsvg2-bin); skipped");
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install librsvg2-bin"
        );
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let (input, output) = (dir.path().join("in.svg"), dir.path().join("out.png"));
    std::fs::write(&input, svg).unwrap();
    let mut command = Command::new("rsvg-convert");
    if no_fonts {
        let conf = dir.path().join("fonts.conf");
        std::fs::write(
            &conf,
            format!(
                "<?xml version=\"1.0\"?>\n<fontconfig><cachedir>{}</cachedir></fontconfig>\n",
                dir.path().join("cache").display()
            ),
        )
        .unwrap();
        command
            .env("FONTCONFIG_FILE", &conf)
            .env("XDG_CACHE_HOME", dir.path().join("cache"));
    }
    let o = command
        .arg("-z")
        .arg(zoom.to_string())
        .arg("-o")
        .arg(&output)
        .arg(&input)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(std::fs::read(&output).unwrap())
}

#[test]
fn the_svg_renders_in_rsvg_convert_too() {
    let (_, svg) = export_svg("delivery", Language::Es, &Theme::LIGHT);
    let Some(png) = rsvg_convert(&svg) else {
        return;
    };
    let (w, h, rgba) = decode(&png);
    assert!(w > 1000 && h > 500, "{w}×{h}");
    let ink = rgba
        .chunks(4)
        .filter(|p| p[0] < 100 && p[1] < 100 && p[2] < 100)
        .count();
    assert!(ink > 10_000, "rsvg-convert drew almost nothing: {ink}");
}

#[test]
fn the_export_command_writes_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_servuction"))
            .args(args)
            .output()
            .unwrap()
    };
    let src = dir.path().join("hotel.json");
    assert!(
        run(&["new", "-t", "hotel", "-o", src.to_str().unwrap()])
            .status
            .success()
    );
    let s = src.to_str().unwrap();
    for ext in ["svg", "png", "csv", "html"] {
        let out = dir.path().join(format!("out.{ext}"));
        let o = run(&[
            "export",
            s,
            "-o",
            out.to_str().unwrap(),
            "--scale",
            "0.25",
            "--lang",
            "es",
            "--theme",
            "dark",
        ]);
        assert!(
            o.status.success(),
            "{ext}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let bytes = std::fs::read(&out).unwrap();
        match ext {
            "svg" => assert!(String::from_utf8_lossy(&bytes).contains("Línea de visibilidad")),
            "png" => {
                assert!(bytes.starts_with(format::png::SIGNATURE));
                let o = run(&["check", out.to_str().unwrap()]);
                assert_eq!(
                    o.status.code(),
                    Some(1),
                    "the PNG is a valid blueprint with missed standards"
                );
            }
            // In Spanish: a byte-order mark and `;` between fields.
            "csv" => assert!(String::from_utf8_lossy(&bytes).starts_with("\u{feff}standard_id;")),
            _ => {
                let html = String::from_utf8_lossy(&bytes);
                assert!(html.contains("<svg") && html.contains("Estándares de servicio"));
            }
        }
    }
    let o = run(&[
        "export",
        s,
        "-o",
        dir.path().join("x.docx").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("must end in .svg, .png, .pdf, .csv or .html")
    );
    let o = run(&[
        "export",
        s,
        "-o",
        dir.path().join("big.png").to_str().unwrap(),
        "--scale",
        "50",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!dir.path().join("big.png").exists());
}

/// CRC-32 (ISO 3309), as PNG chunks use.
fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn loose_notes_are_drawn_clear_of_the_cards_over_the_diagram_and_widen_it() {
    use servuction::model::{Note, NoteColour, Point};
    let mut bp = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let before = servuction::layout::layout(&bp, Default::default()).size;
    // One note put over the first card, one beyond the right edge.
    let first = servuction::layout::layout(&bp, Default::default()).cards[0].rect;
    let over = Point {
        x: f64::from(first.min.x),
        y: f64::from(first.min.y),
    };
    let beyond = Point {
        x: f64::from(before.x) + 100.0,
        y: 200.0,
    };
    bp.notes
        .push(Note::loose(over, "Over the card".into(), NoteColour::Blue));
    bp.notes
        .push(Note::loose(beyond, "Beyond".into(), NoteColour::Green));
    let layout = servuction::layout::layout(&bp, Default::default());
    assert!(
        layout.size.x >= before.x + 100.0 + 176.0,
        "{:?}",
        layout.size
    );
    assert_eq!(layout.size.y, before.y, "the note lies within the height");

    let scene = render::export_scene(&bp, &Theme::LIGHT, Language::En);
    let svg = render::svg::to_svg(&scene, &bp.title);
    // Drawn after the legend: last of all, over the card.
    let over_at = svg.find(">Over the card<").expect("the note's text");
    let legend_at = svg.rfind("Moment of truth").expect("the legend");
    assert!(over_at > legend_at, "a loose note is drawn over everything");

    // In pixels: the blue of the note covers the card's corner, and the
    // green note lies in the widened part.
    let (w, h, rgba) = png::rasterise(&svg, 1.0).unwrap();
    assert_eq!(
        (w, h),
        (layout.size.x.ceil() as u32, layout.size.y.ceil() as u32)
    );
    let px = |x: f32, y: f32| {
        let i = ((y as u32 * w + x as u32) * 4) as usize;
        [rgba[i], rgba[i + 1], rgba[i + 2]]
    };
    // The note put over the card lies beside it, at the nearest free spot:
    // blue where it lies, and the card white where it was put.
    let placed = layout.notes.iter().find(|n| n.loose).unwrap().rect;
    assert!(!placed.intersects(&first), "{placed:?} over {first:?}");
    assert_eq!(
        px(placed.min.x + 150.0, placed.min.y + 70.0),
        [0xc6, 0xe2, 0xff]
    );
    assert_eq!(
        px(first.min.x + 150.0, first.min.y + 70.0),
        [0xff, 0xff, 0xff]
    );
    assert_eq!(
        px(before.x as f32 + 100.0 + 150.0, 200.0 + 70.0),
        [0xc8, 0xf0, 0xc4]
    );
}

#[test]
fn characters_xml_forbids_in_a_title_still_give_well_formed_svg_and_a_png() {
    let mut bp = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    bp.title = "Stay \u{fffe}\u{ffff}\u{1} end".into();
    bp.touchpoints[0].title = "Arrives \u{ffff}".into();
    let scene = render::export_scene(&bp, &servuction::scene::Theme::LIGHT, Language::En);
    let svg = render::svg::to_svg(&scene, &bp.title);
    roxmltree::Document::parse(&svg).expect("well-formed XML");
    let (w, h, _) = render::png::rasterise(&svg, 0.25).expect("the PNG export works");
    assert!(w > 0 && h > 0);
}

/// That our PNG is of the same picture size as rsvg-convert's, in no more
/// bytes.
fn assert_no_larger(ours: &[u8], theirs: &[u8]) {
    let (w, h, _) = decode(ours);
    let (tw, th, _) = decode(theirs);
    assert_eq!((tw, th), (w, h), "the same picture size");
    assert!(
        ours.len() <= theirs.len(),
        "ours {} bytes, rsvg-convert's {} bytes",
        ours.len(),
        theirs.len()
    );
}

#[test]
fn our_png_of_the_hotel_is_no_larger_than_rsvg_converts_of_the_same_picture() {
    let (_, svg) = export_svg("hotel", Language::En, &Theme::LIGHT);
    let Some(theirs) = rsvg_convert(&svg) else {
        return;
    };
    let (w, h, rgba) = png::rasterise(&svg, 1.0).unwrap();
    let ours = png::encode(w, h, &rgba, None).unwrap();
    assert_no_larger(&ours, &theirs);
    // Opaque: written as RGB.
    assert_eq!(ours[25], 2, "colour type RGB");
}

// --- Documentation-grade exports: PDF, SVG that renders anywhere, any script.

use servuction::render::export::{self as exporting, Exported, Format, Settings};
use servuction::render::pdf::{Layout, Paper};

fn hotel() -> servuction::model::Blueprint {
    servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap()
}

/// The picture: 2,000 touchpoints at half size (26114 × 697), as
/// `servuction export` writes it, with the document inside, beside
/// rsvg-convert's PNG of our plain SVG at the same zoom.
#[test]
fn our_png_of_2000_touchpoints_with_its_document_is_no_larger_than_rsvg_converts() {
    let bp = servuction::templates::synthetic(2000);
    let mut settings = Settings::new(Theme::LIGHT, Language::En);
    settings.scale = 0.5;
    let ours = exporting::export(&bp, Format::Png, &settings)
        .unwrap()
        .bytes;
    settings.svg_text = render::svg::TextMode::Plain;
    let svg = exporting::export(&bp, Format::Svg, &settings)
        .unwrap()
        .bytes;
    let Some(theirs) = rsvg_convert_with(std::str::from_utf8(&svg).unwrap(), false, 0.5) else {
        return;
    };
    assert_no_larger(&ours, &theirs);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.png");
    std::fs::write(&file, &ours).unwrap();
    assert_eq!(
        format::read(&file).unwrap(),
        bp,
        "the PNG reopens as the blueprint"
    );
}

fn export_as(bp: &servuction::model::Blueprint, format: Format, pdf: Layout) -> Exported {
    let mut settings = Settings::new(Theme::LIGHT, Language::En);
    settings.pdf = pdf;
    exporting::export(bp, format, &settings).unwrap()
}

/// The text `pdftotext` extracts, white space made single spaces; `None`
/// where poppler-utils is not installed (CI must have it).
fn pdftotext(pdf: &[u8]) -> Option<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("NOTICE: pdftotext is not installed (Debian: poppler-utils); skipped");
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install poppler-utils"
        );
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).unwrap();
    // In the order the PDF draws its text: the picture's reading order.
    let o = Command::new("pdftotext")
        .arg("-raw")
        .arg(&input)
        .arg("-")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    Some(
        String::from_utf8_lossy(&o.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn page_count(pdf: &[u8]) -> usize {
    hayro_syntax::Pdf::new(pdf.to_vec()).unwrap().pages().len()
}

#[test]
fn a_pdf_has_selectable_text_and_the_pages_its_paper_asks_for() {
    let mut bp = hotel();
    // The diagram's pages alone: the action plan's page after them is
    // tested in tests/workshop.rs.
    bp.actions.clear();
    let one = export_as(&bp, Format::Pdf, Layout::Diagram);
    assert_eq!((one.pages, page_count(&one.bytes)), (1, 1));
    let fitted = export_as(
        &bp,
        Format::Pdf,
        Layout::Fit {
            paper: Paper::A4,
            landscape: true,
        },
    );
    assert_eq!(page_count(&fitted.bytes), 1);
    let tiled = export_as(
        &bp,
        Format::Pdf,
        Layout::Tile {
            paper: Paper::A4,
            landscape: false,
        },
    );
    // 2,724 × 954 units: at 85 % of full size 4 portrait sheets of 3 steps
    // each, the lane names repeated (see src/render/sheets.rs).
    assert_eq!((tiled.pages, page_count(&tiled.bytes)), (4, 4));

    let Some(text) = pdftotext(&one.bytes) else {
        return;
    };
    // Every text the picture shows is in the PDF as text.
    let scene = render::export_scene(&bp, &Theme::LIGHT, Language::En);
    let mut checked = 0;
    for item in &scene.items {
        if let servuction::scene::Shape::Text { text: t, .. } = &item.shape {
            let words = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(text.contains(&words), "{words:?} is not in the PDF's text");
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
    let fitted_text = pdftotext(&fitted.bytes).unwrap();
    assert!(
        fitted_text.contains("Doorman greets the guest"),
        "{fitted_text}"
    );
    let tiled_text = pdftotext(&tiled.bytes).unwrap();
    for label in [
        "Row 1, column 1 · page 1 of 4",
        "Row 1, column 4 · page 4 of 4",
    ] {
        assert!(tiled_text.contains(label), "{label} missing: {tiled_text}");
    }
}

#[test]
fn a_pdf_and_an_svg_reopen_as_the_same_blueprint() {
    let dir = tempfile::tempdir().unwrap();
    let bp = servuction::templates::find("bank")
        .unwrap()
        .load(Language::Es)
        .unwrap();
    let mut settings = Settings::new(Theme::DARK, Language::Es);
    for (name, format, text, pdf) in [
        (
            "a.pdf",
            Format::Pdf,
            servuction::render::svg::TextMode::Outlines,
            Layout::Diagram,
        ),
        (
            "tiled.pdf",
            Format::Pdf,
            servuction::render::svg::TextMode::Outlines,
            Layout::Tile {
                paper: Paper::A3,
                landscape: true,
            },
        ),
        (
            "a.svg",
            Format::Svg,
            servuction::render::svg::TextMode::Outlines,
            Layout::Diagram,
        ),
        (
            "plain.svg",
            Format::Svg,
            servuction::render::svg::TextMode::Plain,
            Layout::Diagram,
        ),
    ] {
        settings.svg_text = text;
        settings.pdf = pdf;
        let out = exporting::export(&bp, format, &settings).unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &out.bytes).unwrap();
        assert_eq!(format::read(&path).unwrap(), bp, "{name}");
    }
    // The document is metadata, not text a screen reader would read out.
    let svg = std::fs::read_to_string(dir.path().join("a.svg")).unwrap();
    let xml = roxmltree::Document::parse(&svg).unwrap();
    let doc = xml
        .descendants()
        .find(|n| n.has_tag_name((servuction::render::svg::DOCUMENT_NS, "document")))
        .unwrap();
    assert_eq!(doc.parent().unwrap().tag_name().name(), "metadata");
}

#[test]
fn the_svg_drawn_by_rsvg_convert_with_no_fonts_at_all_matches_our_png() {
    for name in ["hotel", "delivery"] {
        let bp = servuction::templates::find(name)
            .unwrap()
            .load(Language::En)
            .unwrap();
        let svg = export_as(&bp, Format::Svg, Layout::Diagram);
        let Some(theirs) = rsvg_convert_with(std::str::from_utf8(&svg.bytes).unwrap(), true, 1.0)
        else {
            return;
        };
        let (_, plain) = export_svg(name, Language::En, &Theme::LIGHT);
        let (w, h, ours) = png::rasterise(&plain, 1.0).unwrap();
        let (tw, th, theirs) = decode(&theirs);
        assert_similar(name, (tw, th, &theirs), (w, h, &ours));

        // The plain SVG, by contrast, has nothing to draw its text with.
        let plain_theirs = rsvg_convert_with(&plain, true, 1.0).unwrap();
        let (_, _, plain_theirs) = decode(&plain_theirs);
        let differing = plain_theirs
            .chunks(4)
            .zip(ours.chunks(4))
            .filter(|(a, b)| a.iter().zip(b.iter()).any(|(x, y)| x.abs_diff(*y) > 48))
            .count();
        assert!(
            differing > 1000,
            "{name}: the test would not see missing text"
        );
    }
}

/// The `<use>` glyphs drawn for the text `wanted` in an outlined SVG: their
/// x positions, in order.
fn glyph_xs(svg: &str, wanted: &str) -> Vec<f32> {
    let xml = roxmltree::Document::parse(svg).unwrap();
    let text = xml
        .descendants()
        .find(|n| n.has_tag_name("text") && n.text() == Some(wanted))
        .unwrap_or_else(|| panic!("no text {wanted:?}"));
    let group = text
        .prev_sibling_element()
        .filter(|g| g.has_tag_name("g"))
        .unwrap_or_else(|| panic!("no glyphs for {wanted:?}"));
    group
        .children()
        .filter(|n| n.has_tag_name("use"))
        .map(|u| u.attribute("x").unwrap().parse().unwrap())
        .collect()
}

/// Each glyph of `text` as the exports shape it: its text, x and glyph id.
fn arabic_glyphs(text: &str) -> Vec<(String, f32, u32)> {
    use resvg::usvg;
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"20\"><text x=\"0\" y=\"15\">{text}</text></svg>"
    );
    let fonts = servuction::render::fonts::database(std::iter::once(text));
    let tree = usvg::Tree::from_str(&svg, &servuction::render::fonts::options(fonts)).unwrap();
    let mut out = Vec::new();
    for node in tree.root().children() {
        if let usvg::Node::Text(t) = node {
            for span in t.layouted() {
                for g in &span.positioned_glyphs {
                    out.push((g.text.clone(), g.transform().tx, g.id.0));
                }
            }
        }
    }
    out
}

#[test]
fn titles_in_other_scripts_are_drawn_in_every_export_not_as_boxes() {
    let mut bp = hotel();
    let titles = ["تسجيل الوصول", "चेक इन", "Bell 😀 🏨", "接待处 受付"];
    for (tp, title) in bp.touchpoints.iter_mut().zip(titles) {
        tp.title = title.into();
    }
    let svg = export_as(&bp, Format::Svg, Layout::Diagram);
    let png_export = export_as(&bp, Format::Png, Layout::Diagram);
    let pdf = export_as(&bp, Format::Pdf, Layout::Diagram);
    let cjk_installed = !svg.missing.0.contains(&'接');
    if cjk_installed {
        assert!(svg.missing.is_empty(), "{}", svg.missing);
    } else {
        // Where no font has the script, the export says so and what to install.
        assert!(
            svg.missing.to_string().contains("fonts-noto-cjk"),
            "{}",
            svg.missing
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install fonts-noto-cjk"
        );
    }
    assert_eq!(png_export.missing, svg.missing);
    assert_eq!(pdf.missing, svg.missing);

    let text = String::from_utf8(svg.bytes).unwrap();
    let arabic = glyph_xs(&text, "تسجيل الوصول");
    assert!(arabic.len() >= 8, "{arabic:?}");
    // Shaped as exports shape it: right to left, the letters joined.
    let shaped = arabic_glyphs("تسجيل");
    let x_of = |c: &str| shaped.iter().find(|g| g.0 == c).unwrap().1;
    assert!(x_of("ت") > x_of("ل"), "right to left: {shaped:?}");
    let alone = arabic_glyphs("ت");
    assert_ne!(
        shaped.iter().find(|g| g.0 == "ت").unwrap().2,
        alone[0].2,
        "the first letter takes its joined (initial) form, not its isolated one"
    );
    let devanagari = glyph_xs(&text, "चेक इन");
    assert!(devanagari.len() >= 3, "{devanagari:?}");
    let emoji = glyph_xs(&text, "Bell 😀 🏨");
    assert_eq!(emoji.len(), 6, "B, e, l, l and two emoji: {emoji:?}");
    if cjk_installed {
        assert_eq!(glyph_xs(&text, "接待处 受付").len(), 5);
    }

    // The PNG reopens, and the PDF has the titles as text.
    assert_eq!(
        format::png::embedded_document(&png_export.bytes)
            .map(|t| format::from_str(&t).unwrap())
            .unwrap(),
        bp
    );
    let pdf_text = pdftotext(&pdf.bytes);
    if let Some(t) = pdf_text {
        for title in &titles[..2] {
            // pdftotext writes Arabic in logical order.
            let first_word = title.split_whitespace().next().unwrap();
            assert!(t.contains(first_word), "{first_word} not in {t}");
        }
    }
}

#[test]
fn a_char_no_font_has_is_named_with_the_package_to_install() {
    let mut bp = hotel();
    // A private-use char: no font anywhere draws it.
    bp.touchpoints[0].title = "Check \u{F8FF}\u{10FFFD} in".into();
    let out = export_as(&bp, Format::Png, Layout::Diagram);
    assert_eq!(
        out.missing.0.iter().copied().collect::<Vec<_>>(),
        vec!['\u{F8FF}', '\u{10FFFD}']
    );
    let message = out.missing.to_string();
    assert!(message.contains("U+F8FF"), "{message}");
    assert!(message.contains("install a font"), "{message}");
}

#[test]
fn bad_svgs_and_pdfs_given_to_open_get_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let read = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        format::read(&path).unwrap_err().to_string()
    };
    let foreign = read(
        "drawing.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" height=\"5\"/></svg>",
    );
    assert!(
        foreign.contains("this SVG has no Servuction diagram in it"),
        "{foreign}"
    );
    let broken = read(
        "broken.svg",
        b"<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"5\"\n</svg>",
    );
    assert!(broken.contains("this SVG cannot be read"), "{broken}");
    let error = format::read(&dir.path().join("broken.svg")).unwrap_err();
    assert!(
        error.diagnostics()[0].position.is_some(),
        "a line and column: {error:?}"
    );
    let not_svg = read("data.xml", b"<?xml version=\"1.0\"?><root/>");
    assert!(not_svg.contains("not SVG"), "{not_svg}");

    // A PDF with no document attached, and PDFs cut short or not PDFs.
    let bp = hotel();
    let scene = render::export_scene(&bp, &Theme::LIGHT, Language::En);
    let svg = render::svg::to_svg(&scene, &bp.title);
    let bare = servuction::render::pdf::export(&svg, "x", None, Layout::Diagram, Language::En)
        .unwrap()
        .bytes;
    let message = read("bare.pdf", &bare);
    assert!(
        message.contains("this PDF has no Servuction diagram in it"),
        "{message}"
    );
    let message = read("cut.pdf", &bare[..bare.len() / 3]);
    assert!(message.contains("PDF"), "{message}");
    let message = read("junk.pdf", b"%PDF-1.7\nthis is not a PDF at all");
    assert!(message.contains("this PDF cannot be read"), "{message}");
}

#[test]
fn text_with_chars_xml_forbids_reopens_exactly_from_an_svg() {
    let dir = tempfile::tempdir().unwrap();
    let mut bp = hotel();
    bp.title = "Odd \u{fffe}\u{ffff}\u{1}\u{7f} & <tags> ]]> \"quoted\"".into();
    let svg = export_as(&bp, Format::Svg, Layout::Diagram);
    let path = dir.path().join("odd.svg");
    std::fs::write(&path, &svg.bytes).unwrap();
    assert_eq!(format::read(&path).unwrap(), bp);
}

#[test]
fn a_text_no_font_draws_stays_visible_text_in_the_svg() {
    let mut bp = hotel();
    bp.touchpoints[0].title = "\u{F8FF}\u{F8FE}".into();
    let svg = export_as(&bp, Format::Svg, Layout::Diagram);
    let text = String::from_utf8(svg.bytes).unwrap();
    let xml = roxmltree::Document::parse(&text).unwrap();
    let node = xml
        .descendants()
        .find(|n| n.has_tag_name("text") && n.text() == Some("\u{F8FF}\u{F8FE}"))
        .unwrap();
    assert_eq!(node.attribute("fill-opacity"), None, "not hidden");
    assert!(node.attribute("fill").is_some());
}

/// A PDF written by hand, objects and cross-reference table.
fn pdf_of(objects: &[&str]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[test]
fn a_pdf_whose_attachments_loop_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    // The name tree's node 4 lists itself as its kids, ten times over.
    let kids = "4 0 R ".repeat(10);
    let pdf = pdf_of(&[
        "<< /Type /Catalog /Pages 2 0 R /Names 3 0 R >>",
        "<< /Type /Pages /Kids [] /Count 0 >>",
        "<< /EmbeddedFiles 4 0 R >>",
        &format!("<< /Kids [{kids}] >>"),
    ]);
    let path = dir.path().join("loop.pdf");
    std::fs::write(&path, pdf).unwrap();
    let start = std::time::Instant::now();
    let err = format::read(&path).unwrap_err().to_string();
    assert!(err.contains("has no Servuction diagram"), "{err}");
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn a_png_at_a_fractional_scale_is_opaque_to_its_last_pixel() {
    let bp = servuction::templates::synthetic(200);
    let (w, h) = render::export_size(&bp);
    for scale in [0.37f32, 0.61, 0.73, 0.9] {
        let (bytes, _) = render::export_png(&bp, &Theme::LIGHT, Language::En, scale, None).unwrap();
        // Colour type 2: RGB, every pixel opaque, though the picture's size
        // is not a whole number of pixels.
        assert_eq!(bytes[25], 2, "colour type at scale {scale}");
        let (pw, ph, _) = decode(&bytes);
        assert_eq!(
            (pw, ph),
            ((w * scale).ceil() as u32, (h * scale).ceil() as u32)
        );
    }
}
