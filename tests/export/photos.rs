//! Photos of physical evidence (#30) in every export: each photo's bytes
//! once per file however many cards show it, drawn where the scene places
//! it (covering its box, cropped to the middle), with its text alternative.
//!
//! The photos are where the scene places them: the strip of thumbnails on
//! each card (`scene::photos`), square, the photo cropped to its middle.

use super::{decode, pdftotext};
use servuction::format;
use servuction::model::{Blueprint, Language, Photo, PhotoUse};
use servuction::render::export::{self as exporting, Exported, Format, Settings};
use servuction::render::pdf::{Layout, Paper};
use servuction::render::svg::TextMode;
use servuction::scene::{Owner, Scene, Shape, Theme};
use std::process::Command;

const MAGENTA: [u8; 3] = [220, 20, 160];
const RED: [u8; 3] = [230, 30, 30];
const BLUE: [u8; 3] = [30, 30, 230];
const GREEN: [u8; 3] = [20, 170, 60];
const DOOR: &str = "The revolving door of the lobby, seen from the street";
const CARD: &str = "A registration card & pen on the desk";

/// A photo as `photo::prepare` stores it, of a PNG `w` × `h` coloured by
/// `paint`.
fn photo(w: u32, h: u32, paint: impl Fn(u32) -> [u8; 3]) -> Photo {
    let img = image::RgbImage::from_fn(w, h, |x, _| image::Rgb(paint(x)));
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    servuction::photo::prepare(&png).unwrap()
}

/// The hotel with two photos: a wide one (red, magenta, blue in quarters,
/// so that only magenta shows when it is cropped to its middle) on three
/// cards, and a green one on a fourth.
fn hotel_with_photos() -> Blueprint {
    let mut bp = super::hotel();
    let wide = photo(600, 100, |x| match x {
        0..150 => RED,
        150..450 => MAGENTA,
        _ => BLUE,
    });
    let green = photo(120, 160, |_| GREEN);
    for (i, tp) in bp.touchpoints.iter_mut().take(4).enumerate() {
        let (id, alt) = if i < 3 {
            (wide.id.clone(), DOOR)
        } else {
            (green.id.clone(), CARD)
        };
        tp.photos.push(PhotoUse {
            photo: id,
            caption: format!("Photo {i}"),
            alt: alt.into(),
        });
    }
    bp.photos = vec![wide, green];
    bp
}

/// Where the scene draws the cards' photos, with each photo's place in
/// the blueprint's list.
fn photo_boxes(bp: &Blueprint, scene: &Scene) -> Vec<(servuction::layout::Rect, usize)> {
    scene
        .items
        .iter()
        .filter(|i| matches!(i.owner, Owner::Touchpoint(_)))
        .filter_map(|i| match &i.shape {
            Shape::Image { rect, photo, .. } => {
                Some((*rect, bp.photos.iter().position(|p| p.id == *photo)?))
            }
            _ => None,
        })
        .collect()
}

fn export(bp: &Blueprint, format: Format, text: TextMode, pdf: Layout) -> Exported {
    let mut settings = Settings::new(Theme::LIGHT, Language::En);
    settings.svg_text = text;
    settings.pdf = pdf;
    exporting::export(bp, format, &settings).unwrap()
}

/// How many times `needle` occurs in `hay`.
fn count(hay: &[u8], needle: &[u8]) -> usize {
    hay.windows(needle.len()).filter(|w| *w == needle).count()
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The blueprint read back from an export's bytes.
fn reopened(bytes: &[u8], ext: &str) -> Blueprint {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("photos.{ext}"));
    std::fs::write(&path, bytes).unwrap();
    format::read(&path).unwrap()
}

#[test]
fn an_svg_holds_each_photo_once_placed_on_every_card_with_its_text_alternative() {
    let bp = hotel_with_photos();
    let bare = export(
        &super::hotel(),
        Format::Svg,
        TextMode::Plain,
        Layout::Diagram,
    );
    for mode in [TextMode::Outlines, TextMode::Plain] {
        let out = export(&bp, Format::Svg, mode, Layout::Diagram);
        let svg = String::from_utf8(out.bytes.clone()).unwrap();
        let xml = roxmltree::Document::parse(&svg).unwrap();
        let images: Vec<_> = xml
            .descendants()
            .filter(|n| n.has_tag_name("image"))
            .collect();
        assert_eq!(images.len(), 2, "{mode:?}: one <image> a photo");
        let uses: Vec<_> = xml
            .descendants()
            .filter(|n| n.has_tag_name("use"))
            .filter_map(|n| n.attribute(("http://www.w3.org/1999/xlink", "href")))
            .filter(|h| h.starts_with("#photo-"))
            .collect();
        assert_eq!(uses.len(), 4, "{mode:?}: a <use> a card");
        assert_eq!(
            uses.iter()
                .filter(|h| h.ends_with(bp.photos[0].id.as_str()))
                .count(),
            3
        );
        // Each photo's bytes twice in the file: drawn, and in the document
        // it carries (JSON in <metadata>); never once a card.
        for p in &bp.photos {
            let b64 = base64(p.data.bytes());
            assert_eq!(count(svg.as_bytes(), b64.as_bytes()), 2, "{mode:?}");
        }
        // The text alternative is the accessible name of what draws the
        // photo, and text a search finds.
        let named: Vec<_> = xml
            .descendants()
            .filter(|n| n.attribute("role") == Some("img"))
            .collect();
        assert_eq!(named.len(), 4);
        for g in &named {
            let alt = g.attribute("aria-label").unwrap();
            assert!(alt == DOOR || alt == CARD, "{alt}");
            assert!(g.descendants().any(|n| n.has_tag_name("use")));
            let viewport = g.children().find(|n| n.has_tag_name("svg")).unwrap();
            assert_eq!(
                viewport.attribute("preserveAspectRatio"),
                Some("xMidYMid slice")
            );
            let title = g.children().find(|n| n.has_tag_name("title")).unwrap();
            assert_eq!(title.text(), Some(alt));
            let text: String = g
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(text.starts_with(&alt[..12]), "{text}");
        }
        // usvg draws a photo on each card, from the data in the file.
        let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
        let mut drawn = 0;
        count_images(tree.root(), &mut drawn);
        assert_eq!(drawn, 4, "{mode:?}");
        // Reopens with its photos.
        assert_eq!(reopened(&out.bytes, "svg"), bp, "{mode:?}");
        // rsvg-convert (MediaWiki's renderer) crops the photos too.
        if let Some(png) = super::rsvg_convert(&svg) {
            let (w, _, rgba) = decode(&png);
            assert_photos_drawn(&bp, w, &rgba, "rsvg-convert");
        }
        if mode == TextMode::Plain {
            let photos: usize = bp.photos.iter().map(|p| p.data.bytes().len()).sum();
            let grown = out.bytes.len() - bare.bytes.len();
            // Base64 twice, and a few hundred bytes a card.
            assert!(grown < photos * 8 / 3 + 4 * 1200 + 2000, "{grown}");
        }
    }
}

fn count_images(g: &resvg::usvg::Group, n: &mut usize) {
    for node in g.children() {
        match node {
            resvg::usvg::Node::Group(g) => count_images(g, n),
            resvg::usvg::Node::Image(_) => *n += 1,
            _ => {}
        }
    }
}

/// The colour of the pixel at unit `(x, y)` of an RGBA picture `w` wide
/// at 1 pixel a unit.
fn pixel(rgba: &[u8], w: u32, x: f32, y: f32) -> [u8; 3] {
    let i = ((y as u32 * w + x as u32) * 4) as usize;
    [rgba[i], rgba[i + 1], rgba[i + 2]]
}

fn near(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 12)
}

/// Checks that the photos are drawn in their boxes, covering them, the
/// wide one cropped to its magenta middle, and nothing outside them.
fn assert_photos_drawn(bp: &Blueprint, w: u32, rgba: &[u8], what: &str) {
    let scene = servuction::render::export_scene(bp, &Theme::LIGHT, Language::En);
    let boxes = photo_boxes(bp, &scene);
    assert_eq!(boxes.len(), 4);
    for (r, index) in boxes {
        let want = if index == 0 { MAGENTA } else { GREEN };
        for (x, y) in [
            (r.min.x + 1.5, r.min.y + 1.5),
            (r.max.x - 1.5, r.max.y - 1.5),
            (r.min.x + 1.5, r.max.y - 1.5),
            ((r.min.x + r.max.x) / 2.0, (r.min.y + r.max.y) / 2.0),
        ] {
            let got = pixel(rgba, w, x, y);
            assert!(near(got, want), "{what}: {got:?} at {x},{y}, want {want:?}");
        }
        // Cropped: no red or blue quarter spills out, left or right.
        for x in [r.min.x - 2.5, r.max.x + 1.5] {
            let got = pixel(rgba, w, x, (r.min.y + r.max.y) / 2.0);
            assert!(
                !near(got, RED) && !near(got, BLUE) && !near(got, want),
                "{what}: {got:?}"
            );
        }
    }
}

#[test]
fn a_png_draws_each_photo_covering_its_box_and_reopens_with_the_photos() {
    let bp = hotel_with_photos();
    let out = export(&bp, Format::Png, TextMode::Outlines, Layout::Diagram);
    let (w, _, rgba) = decode(&out.bytes);
    assert_photos_drawn(&bp, w, &rgba, "PNG");
    assert_eq!(reopened(&out.bytes, "png"), bp);
}

/// The image XObjects of a PDF: those `pdfimages -list` lists, by object
/// number, and the image dictionaries in the file. `None` without
/// poppler-utils.
fn pdf_images(pdf: &[u8]) -> Option<(std::collections::BTreeSet<String>, usize)> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("in.pdf");
    std::fs::write(&path, pdf).unwrap();
    let o = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .ok()?;
    assert!(o.status.success());
    let list = String::from_utf8_lossy(&o.stdout);
    // page num type width height color comp bpc enc interp object ID ...
    let objects = list
        .lines()
        .skip(2)
        .filter_map(|l| l.split_whitespace().nth(10).map(str::to_owned))
        .collect();
    Some((objects, image_dicts(pdf)))
}

#[test]
fn a_pdf_holds_each_photo_once_on_one_page_or_many_with_its_text_alternative() {
    let bp = hotel_with_photos();
    let tiled = Layout::Tile {
        paper: Paper::A4,
        landscape: false,
    };
    for layout in [Layout::Diagram, tiled] {
        let out = export(&bp, Format::Pdf, TextMode::Outlines, layout);
        if layout == tiled {
            assert!(out.pages > 1, "{}", out.pages);
        }
        assert_eq!(image_dicts(&out.bytes), 2, "{layout:?}");
        if let Some((objects, _)) = pdf_images(&out.bytes) {
            assert_eq!(objects.len(), 2, "{layout:?}: {objects:?}");
        }
        if let Some(text) = pdftotext(&out.bytes) {
            for alt in ["revolving door of the lobby", "registration card & pen"] {
                assert!(text.contains(alt), "{layout:?}: {alt} not in {text}");
            }
        }
        assert_eq!(reopened(&out.bytes, "pdf"), bp, "{layout:?}");
    }
    // Drawn where the PNG draws them: one unit a pixel at 96 dpi.
    let out = export(&bp, Format::Pdf, TextMode::Outlines, Layout::Diagram);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.pdf"), &out.bytes).unwrap();
    let Ok(o) = Command::new("pdftoppm")
        .args(["-png", "-r", "96", "-singlefile"])
        .arg(dir.path().join("a.pdf"))
        .arg(dir.path().join("page"))
        .output()
    else {
        return;
    };
    assert!(o.status.success());
    let (w, _, rgba) = decode(&std::fs::read(dir.path().join("page.png")).unwrap());
    assert_photos_drawn(&bp, w, &rgba, "PDF");
}

/// The image dictionaries written in a PDF (krilla writes no object
/// streams for streams: each is in the file as written).
fn image_dicts(pdf: &[u8]) -> usize {
    count(pdf, b"/Subtype/Image") + count(pdf, b"/Subtype /Image")
}
