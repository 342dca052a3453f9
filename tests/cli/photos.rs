//! `servuction attach-photo`: a photo added to a touchpoint and stored
//! once; every bad input refused with its reason, exit 2, and the
//! blueprint left byte for byte as it was.

use super::{servuction, stderr, stdout};
use servuction::format;
use servuction::model::*;
use std::path::{Path, PathBuf};

/// A blueprint file (the hotel) and a folder for photos.
fn setup() -> (tempfile::TempDir, PathBuf, Blueprint) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("stay.servuction");
    let bp = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    format::save(&file, &bp).unwrap();
    (dir, file, bp)
}

/// A JPEG file of `w` × `h` pixels, a gradient tinted by `seed`.
fn jpeg(dir: &Path, name: &str, w: u32, h: u32, seed: u8) -> PathBuf {
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        image::Rgb([(x * 255 / w) as u8, (y * 255 / h) as u8, seed])
    });
    let path = dir.join(name);
    img.save_with_format(&path, image::ImageFormat::Jpeg)
        .unwrap();
    path
}

fn attach(file: &Path, photo: &Path, touchpoint: &str, more: &[&str]) -> std::process::Output {
    let mut args = vec![
        "attach-photo",
        file.to_str().unwrap(),
        photo.to_str().unwrap(),
        "--touchpoint",
        touchpoint,
    ];
    args.extend_from_slice(more);
    servuction(&args)
}

#[test]
fn a_photo_is_added_downscaled_and_stored_once() {
    let (dir, file, bp) = setup();
    let (first, second) = (bp.touchpoints[0].id.as_str(), bp.touchpoints[3].id.as_str());
    let photo = jpeg(dir.path(), "lobby.jpg", 3000, 2000, 40);
    let o = attach(
        &file,
        &photo,
        first,
        &[
            "--caption",
            "The lobby",
            "--alt",
            "A bright lobby with a long desk",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.starts_with("added photo ph-"), "{out}");
    assert!(out.contains("(1,600 × 1,067 pixels, "), "{out}");
    assert!(
        out.contains(&format!(
            "to touchpoint {first} \"{}\"",
            bp.touchpoints[0].title
        )),
        "{out}"
    );
    assert!(!out.contains("--alt"), "{out}");
    assert!(dir.path().join("stay.servuction.bak").exists());
    // The same file on another card, without a text alternative: stored
    // once, and the output says what is missing.
    let o = attach(&file, &photo, second, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("give it a text alternative with --alt"),
        "{}",
        stdout(&o)
    );
    let back = format::read(&file).unwrap();
    assert_eq!(back.photos.len(), 1);
    let p = &back.photos[0];
    assert_eq!(
        (p.format, p.width, p.height),
        (PhotoFormat::Jpeg, 1600, 1067)
    );
    let shown = &back.touchpoints[0].photos[0];
    assert_eq!(
        (shown.caption.as_str(), shown.alt.as_str()),
        ("The lobby", "A bright lobby with a long desk")
    );
    assert_eq!(back.touchpoints[3].photos[0].photo, p.id);
}

#[test]
fn every_bad_input_is_refused_with_its_reason_and_the_file_left_as_it_was() {
    let (dir, file, bp) = setup();
    let tp = bp.touchpoints[0].id.as_str();
    let d = dir.path();
    let write = |name: &str, bytes: &[u8]| {
        let p = d.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let good = jpeg(d, "good.jpg", 64, 48, 1);
    let good_bytes = std::fs::read(&good).unwrap();
    let mut bomb = Vec::new();
    image::DynamicImage::ImageRgb8(image::RgbImage::new(1, 1))
        .write_to(
            &mut std::io::Cursor::new(&mut bomb),
            image::ImageFormat::Png,
        )
        .unwrap();
    bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let crc = crc32fast::hash(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    let long = "c".repeat(1_001);
    let cases: Vec<(PathBuf, &str, Vec<&str>, String)> = vec![
        (write("notes.txt", b"not a photo"), tp, vec![], "notes.txt: this is not an image Servuction reads".into()),
        (write("anim.gif", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"), tp, vec![], "anim.gif: this is a GIF image; Servuction reads PNG, JPEG and WebP photos".into()),
        (write("cut.jpg", &good_bytes[..good_bytes.len() / 2]), tp, vec![], "cut.jpg: the image is damaged, cut short or of a kind Servuction does not decode".into()),
        (write("bomb.png", &bomb), tp, vec![], "bomb.png: the image is 100,000 × 100,000 pixels, more than Servuction reads".into()),
        (d.join("gone.jpg"), tp, vec![], "cannot read ".into()),
        (good.clone(), "tp-nope", vec![], "stay.servuction: there is no touchpoint `tp-nope`; no photo was added".into()),
        (good.clone(), tp, vec!["--caption", &long], "the document is not valid: touchpoints[0].photos[0].caption: a caption of 1,001 characters is longer than the 1,000 it may have; no photo was added".into()),
    ];
    let before = std::fs::read(&file).unwrap();
    for (photo, touchpoint, more, want) in &cases {
        let o = attach(&file, photo, touchpoint, more);
        assert_eq!(o.status.code(), Some(2), "{want}: {}", stdout(&o));
        let err = stderr(&o);
        assert!(err.starts_with("servuction: error: "), "{err}");
        assert!(err.contains(want.as_str()), "{want}\nnot in\n{err}");
        assert!(err.contains("no photo was added"), "{err}");
        assert_eq!(
            std::fs::read(&file).unwrap(),
            before,
            "{want}: the file changed"
        );
    }
    // In Spanish, with numbers as Spanish writes them.
    let o = attach(&file, &cases[3].0, tp, &["--lang", "es"]);
    let err = stderr(&o);
    assert!(
        err.contains("la imagen tiene 100.000 × 100.000 píxeles"),
        "{err}"
    );
    assert!(err.contains("no se añadió ninguna foto"), "{err}");
    // A card with as many photos as it may show takes no more.
    let mut full = bp.clone();
    for i in 0..limits::PHOTOS_PER_TOUCHPOINT {
        let p =
            servuction::photo::prepare(&std::fs::read(jpeg(d, "p.jpg", 8, 8, i as u8)).unwrap())
                .unwrap();
        servuction::photo::attach(&mut full, tp, p, "", "a photo").unwrap();
    }
    format::save(&file, &full).unwrap();
    let before = std::fs::read(&file).unwrap();
    let o = attach(&file, &good, tp, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!(
            "touchpoint `{tp}` already shows 20 photos, the most a touchpoint may"
        )),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // An exported picture is not written over.
    let png = d.join("stay.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n").unwrap();
    let o = attach(&png, &good, tp, &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("is an exported picture"),
        "{}",
        stderr(&o)
    );
}
