//! Photos in the file format (version 8): stored once in base64, read back
//! whole from a JSON file and from the PNG, SVG and PDF exports that carry
//! the document; a version 7 file reads as 8.

use super::documents::hotel;
use super::documents::photos::{noise_png, photo, showing};
use servuction::format;
use servuction::model::*;
use servuction::render::export::{self, Format, Settings};
use servuction::scene::Theme;

#[test]
fn photos_round_trip_through_a_file_each_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.servuction");
    let photos = vec![photo(1), photo(2), photo(3)];
    let bp = showing(hotel(), photos.clone());
    format::save(&path, &bp).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"version\": 8"));
    assert!(text.contains("\"format\": \"image/jpeg\""));
    // The first photo is shown twice and stored once.
    let uses = bp.touchpoints.iter().flat_map(|t| &t.photos).count();
    assert_eq!(uses, 4);
    assert_eq!(text.matches("\"data\": \"").count(), 3);
    let back = format::read(&path).unwrap();
    assert_eq!(back, bp);
    assert_eq!(back.photos[1].data.bytes(), photos[1].data.bytes());
    // Written again, the same bytes.
    assert_eq!(format::to_string(&back).unwrap(), text);
}

/// A photo no touchpoint shows any more (the editor keeps it for undo) is
/// not written.
#[test]
fn photos_no_card_shows_are_dropped_when_written() {
    let mut bp = showing(hotel(), vec![photo(1)]);
    bp.photos.push(photo(9));
    assert!(bp.problems().is_empty(), "{:?}", bp.problems());
    let back = format::from_str(&format::to_string(&bp).unwrap()).unwrap();
    assert_eq!(back.photos.len(), 1);
    bp.photos.pop();
    assert_eq!(back, bp);
}

/// Twenty photos of some 300 KB (6 MB, 8 MB as base64) go in and come back
/// whole in each export that carries the document.
#[test]
fn a_document_with_twenty_large_photos_reopens_from_each_export() {
    let photos: Vec<Photo> = (0..20).map(|i| noise_png(i, 280)).collect();
    assert!(photos.iter().all(|p| p.data.bytes().len() > 300_000));
    let bp = showing(hotel(), photos);
    let dir = tempfile::tempdir().unwrap();
    let settings = Settings::new(Theme::LIGHT, Language::En);
    for (format, name) in [
        (Format::Png, "stay.png"),
        (Format::Svg, "stay.svg"),
        (Format::Pdf, "stay.pdf"),
    ] {
        let out = export::export(&bp, format, &settings).unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &out.bytes).unwrap();
        let back = format::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back, bp, "{name}");
    }
}

/// A document's own limit grows with the text of its photos: a document
/// just over 64 MiB is written when photos take the difference, and read
/// back.
#[test]
fn photos_do_not_count_against_the_rest_of_the_document() {
    let photos: Vec<Photo> = (0..4).map(|i| noise_png(100 + i, 200)).collect();
    let mut bp = showing(hotel(), photos);
    let photo_text = format::photo_text_bytes(&bp);
    assert!(photo_text > 600_000, "{photo_text}");
    let base = format::to_string(&bp).unwrap().len() as u64;
    let room = format::MAX_FILE_BYTES - (base - photo_text) - 64;
    bp.description = "x".repeat(room as usize);
    let text = format::to_string(&bp).unwrap();
    assert!(text.len() as u64 > format::MAX_FILE_BYTES);
    assert!(format::from_str(&text).unwrap() == bp, "read back changed");
    // A little more, and it is refused before anything is written.
    // (Past what the indentation takes, or it is written compact.)
    bp.description.push_str(&"x".repeat(1_000_000));
    match format::to_string(&bp) {
        Err(format::WriteError::TooLarge { limit, .. }) => {
            assert_eq!(limit, format::MAX_FILE_BYTES + photo_text);
        }
        Err(e) => panic!("{e}"),
        Ok(text) => panic!("written: {} bytes", text.len()),
    }
}

#[test]
fn a_version_7_file_reads_as_version_8() {
    let bp = hotel();
    let v8 = format::to_string(&bp).unwrap();
    let v7 = v8.replacen("\"version\": 8", "\"version\": 7", 1);
    assert_ne!(v7, v8);
    let read = format::from_str(&v7).unwrap();
    assert_eq!(read, bp);
    assert!(read.photos.is_empty());
    assert_eq!(format::to_string(&read).unwrap(), v8);
}
