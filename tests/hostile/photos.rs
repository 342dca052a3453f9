//! Hostile photos in a document: bad base64, a photo a card shows that is
//! not stored, bytes of another format or size than the file says, absurd
//! counts and sizes. Each is refused with its place, never a panic; and a
//! document with such a problem is never written.

use super::photo_docs::{photo, showing};
use servuction::format;
use servuction::i18n::Localized;
use servuction::model::*;

fn hotel() -> Blueprint {
    super::template("hotel")
}

/// The file text of the hotel with one 64 × 48 JPEG on its first card.
fn with_one_photo() -> (String, Photo) {
    let p = photo(7);
    let bp = showing(hotel(), vec![p.clone()]);
    (format::to_string(&bp).unwrap(), p)
}

/// The first problem reading `text` names, in English, with its path.
fn refused(text: &str) -> String {
    match format::from_str(text) {
        Ok(_) => panic!("it opened"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn bad_base64_is_refused_at_its_place() {
    let (text, p) = with_one_photo();
    let data = base64_of(p.data.bytes());
    for bad in ["@@@@", "QUJD=", "QUJDRA", "Q U J D"] {
        let err = refused(&text.replacen(&data, bad, 1));
        assert!(
            err.starts_with("blueprint.photos[0].data: ") && err.contains("base64"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn a_card_showing_a_photo_not_stored_is_refused_at_its_place() {
    let (text, p) = with_one_photo();
    let err = refused(&text.replacen(
        &format!("\"photo\": \"{}\"", p.id),
        "\"photo\": \"ph-0000000000000000\"",
        1,
    ));
    assert!(
        err.contains("blueprint.touchpoints[0].photos[0].photo: touchpoint `")
            && err.contains("refers to photo `ph-0000000000000000`, which does not exist"),
        "{err}"
    );
}

#[test]
fn bytes_of_another_size_or_format_than_the_file_says_are_refused() {
    let (text, p) = with_one_photo();
    let err = refused(&text.replacen("\"width\": 64", "\"width\": 65", 1));
    assert!(
        err.contains(
            "blueprint.photos[0].width: the photo's data is 64 × 48 pixels, not the 65 × 48 its `width` and `height` say"
        ),
        "{err}"
    );
    let err = refused(&text.replacen("\"image/jpeg\"", "\"image/png\"", 1));
    assert!(
        err.contains("blueprint.photos[0].data: the photo's data is not PNG data"),
        "{err}"
    );
    let cut = base64_of(&p.data.bytes()[..4]);
    let err = refused(&text.replacen(&base64_of(p.data.bytes()), &cut, 1));
    assert!(
        err.contains("blueprint.photos[0].data: the photo's data is damaged: it ends before its size is given"),
        "{err}"
    );
    for (from, to) in [
        ("\"width\": 64", "\"width\": 0"),
        ("\"height\": 48", "\"height\": 5000"),
    ] {
        let err = refused(&text.replacen(from, to, 1));
        assert!(
            err.contains("is outside 1 to 2,048 pixels a side"),
            "{to}: {err}"
        );
    }
    for (from, to) in [
        ("\"width\": 64", "\"width\": -1"),
        ("\"width\": 64", "\"width\": 1e99"),
    ] {
        let err = refused(&text.replacen(from, to, 1));
        assert!(
            err.starts_with("blueprint.photos[0].width: "),
            "{to}: {err}"
        );
    }
}

#[test]
fn absurd_counts_of_photos_are_refused_with_the_limit() {
    let (text, p) = with_one_photo();
    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let photos = &mut value["blueprint"]["photos"];
    *photos = serde_json::Value::Array(vec![photos[0].clone(); limits::PHOTOS + 1]);
    let err = refused(&value.to_string());
    assert!(
        err.contains("blueprint.photos: 1,001 photos is more than the 1,000 a blueprint may hold"),
        "{err}"
    );
    let mut bp = showing(hotel(), vec![p.clone()]);
    let use_ = PhotoUse::new(p.id.clone());
    bp.touchpoints[0].photos = vec![use_; limits::PHOTOS_PER_TOUCHPOINT + 1];
    let problems = bp.problems();
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].to_string(),
        "touchpoints[0].photos: 21 photos is more than the 20 a touchpoint may show"
    );
    assert_eq!(
        problems[0].message(Language::Es),
        "touchpoints[0].photos: 21 fotos son más de los 20 que puede mostrar un punto de interacción"
    );
}

#[test]
fn photos_too_large_or_texts_too_long_are_refused() {
    let p = photo(3);
    let mut bp = showing(hotel(), vec![p.clone()]);
    bp.touchpoints[0].photos[0].caption = "c".repeat(limits::CAPTION_CHARS + 1);
    bp.touchpoints[0].photos[0].alt = "ñ".repeat(limits::ALT_CHARS);
    let problems: Vec<String> = bp.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(
        problems,
        [
            "touchpoints[0].photos[0].caption: a caption of 1,001 characters is longer than the 1,000 it may have"
        ]
    );
    // Seven photos of 15 MiB (one buffer shared, seven ids): over the
    // blueprint's 96 MiB, each within its own 16 MiB.
    let big: std::sync::Arc<[u8]> = vec![0u8; 15 << 20].into();
    let mut bp = hotel();
    bp.photos = (0..7)
        .map(|i| Photo {
            id: PhotoId::from(format!("ph-{i:016x}").as_str()),
            data: PhotoData(big.clone()),
            ..p.clone()
        })
        .collect();
    let problems: Vec<String> = bp.problems().iter().map(|p| p.to_string()).collect();
    assert!(
        problems.contains(&"photos: the photos take 110,100,480 bytes, more than the 100,663,296 a blueprint may hold".to_owned()),
        "{problems:?}"
    );
    bp.photos[0].data = PhotoData(vec![0u8; (16 << 20) + 1].into());
    let problems: Vec<String> = bp.problems().iter().map(|p| p.to_string()).collect();
    assert!(
        problems.contains(&"photos[0].data: the photo takes 16,777,217 bytes, more than the 16,777,216 a stored photo may".to_owned()),
        "{problems:?}"
    );
}

#[test]
fn the_same_photo_stored_twice_is_refused_naming_both() {
    let p = photo(5);
    let mut bp = showing(hotel(), vec![p.clone()]);
    bp.photos.push(p);
    let problems: Vec<String> = bp.problems().iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("photos[1].id: the id `ph-"),
        "{problems:?}"
    );
    assert!(problems[0].ends_with("is used by more than one element (first at photos[0].id)"));
}

/// A document with a problem in its photos is never written: the file
/// stays as it was.
#[test]
fn a_document_with_a_bad_photo_is_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.servuction");
    let mut bp = showing(hotel(), vec![photo(1)]);
    format::save(&path, &bp).unwrap();
    let before = std::fs::read(&path).unwrap();
    bp.touchpoints[2]
        .photos
        .push(PhotoUse::new(PhotoId::from("ph-0123456789abcdef")));
    let err = format::save(&path, &bp).unwrap_err().to_string();
    assert!(
        err.starts_with("the document is not valid: touchpoints[2].photos[0].photo: "),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

fn base64_of(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
