//! The report's photos of physical evidence (#30): each touchpoint's
//! photos as figures with their captions and text alternatives, each
//! photo's bytes once in the page though the diagram and several
//! touchpoints show it, drawn by a browser.

use servuction::model::{Blueprint, Language, PhotoUse};
use servuction::render::export::{Format, Settings, export};
use servuction::scene::Theme;

const AMBER: [u8; 3] = [250, 160, 10];
const DESK: &str = "The reception desk, with the bell & the guest book";

/// A photo of one colour, `w` × `h`, as the blueprint stores it.
fn flat_photo(w: u32, h: u32, rgb: [u8; 3]) -> servuction::model::Photo {
    let img = image::RgbImage::from_pixel(w, h, image::Rgb(rgb));
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    servuction::photo::prepare(&png).unwrap()
}

/// The hotel with one photo on its first two cards (a caption on each;
/// no text alternative on the second) and another on its third.
fn hotel_with_photos(lang: Language) -> Blueprint {
    let mut bp = servuction::templates::find("hotel")
        .unwrap()
        .load(lang)
        .unwrap();
    let desk = flat_photo(320, 240, AMBER);
    let other = flat_photo(100, 100, [40, 90, 200]);
    let uses = [
        (&desk, "Front desk <at 9:00>", DESK),
        (&desk, "Front desk again", ""),
        (&other, "", "A blue door"),
    ];
    for (tp, (p, caption, alt)) in bp.touchpoints.iter_mut().zip(uses) {
        tp.photos.push(PhotoUse {
            photo: p.id.clone(),
            caption: caption.into(),
            alt: alt.into(),
        });
    }
    bp.photos = vec![desk, other];
    bp
}

fn report(bp: &Blueprint, lang: Language) -> String {
    let settings = Settings::new(Theme::LIGHT, lang);
    let out = export(bp, Format::Html, &settings).unwrap();
    String::from_utf8(out.bytes).unwrap()
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[test]
fn the_report_shows_each_touchpoints_photos_with_captions_and_text_alternatives_each_photo_once() {
    let bp = hotel_with_photos(Language::En);
    let page = report(&bp, Language::En);
    // Each photo's bytes once, though the diagram shows them on three
    // cards and the section of photos three times.
    for p in &bp.photos {
        assert_eq!(page.matches(&base64(p.data.bytes())).count(), 1);
        let href = format!("xlink:href=\"#photo-{}\"", p.id.as_str());
        let uses = page.matches(&href).count();
        let shown = bp
            .touchpoints
            .iter()
            .flat_map(|t| &t.photos)
            .filter(|u| u.photo == p.id)
            .count();
        assert_eq!(uses, 2 * shown, "{href}: in the diagram and the section");
    }
    let section = &page[page.find("<section class=\"photos\">").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains("<h2>Photos of physical evidence</h2>"));
    assert_eq!(section.matches("<figure>").count(), 3);
    let named =
        "role=\"img\" aria-label=\"The reception desk, with the bell &amp; the guest book\"";
    assert_eq!(section.matches(named).count(), 1, "{section}");
    assert!(section.contains("aria-label=\"A blue door\""));
    // No text alternative: nothing for a screen reader but the caption.
    assert_eq!(section.matches("aria-hidden=\"true\"").count(), 1);
    assert!(section.contains("<figcaption>Front desk &lt;at 9:00&gt;</figcaption>"));
    assert_eq!(section.matches("<figcaption>").count(), 2);
    // Under each touchpoint's title and place.
    let first = &bp.touchpoints[0];
    assert!(
        section.contains(&format!("<h3>{}</h3>", first.title)),
        "{section}"
    );

    let es = report(&hotel_with_photos(Language::Es), Language::Es);
    assert!(es.contains("<h2>Fotos de la evidencia física</h2>"));

    // A report without photos has no section of them, and no definitions.
    let plain = report(
        &servuction::templates::find("hotel")
            .unwrap()
            .load(Language::En)
            .unwrap(),
        Language::En,
    );
    assert!(
        !plain.contains("<section class=\"photos\">")
            && !plain.contains("<svg class=\"photo-defs\"")
    );
}

/// How many pixels of a PNG are near `rgb`.
fn pixels_near(png: &[u8], rgb: [u8; 3]) -> usize {
    let img = image::load_from_memory(png).unwrap().to_rgb8();
    img.pixels()
        .filter(|p| p.0.iter().zip(rgb).all(|(a, b)| a.abs_diff(b) <= 10))
        .count()
}

#[test]
fn a_browser_draws_the_photos_of_the_report_from_their_one_definition() {
    let Some(chromium) = super::chromium() else {
        eprintln!("NOTICE: chromium is not installed; the report was not drawn");
        assert!(std::env::var_os("CI").is_none(), "CI must install chromium");
        return;
    };
    // Only the photos' section and the definitions: the figures on screen.
    let bp = hotel_with_photos(Language::En);
    let page = report(&bp, Language::En);
    let defs = &page[page.find("<svg class=\"photo-defs\"").unwrap()..];
    let defs = &defs[..defs.find("</svg>").unwrap() + 6];
    let section = &page[page.find("<section class=\"photos\">").unwrap()..];
    let style = &page[page.find("<style>").unwrap()..page.find("</style>").unwrap() + 8];
    let small = format!("<!DOCTYPE html><html><head>{style}</head><body>{defs}{section}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("photos.html");
    std::fs::write(&file, small).unwrap();
    let shot = dir.path().join("shot.png");
    let o = std::process::Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1000,1400",
            &format!("--user-data-dir={}", dir.path().join("profile").display()),
            &format!("--screenshot={}", shot.display()),
            &format!("file://{}", file.display()),
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let png = std::fs::read(&shot).unwrap();
    // Two figures 18rem (288 px) wide, 4:3: about 62,000 pixels each.
    let amber = pixels_near(&png, AMBER);
    assert!(
        amber > 2 * 55_000 && amber < 2 * 70_000,
        "{amber} amber pixels"
    );
}
