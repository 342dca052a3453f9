//! No silent cuts: a long card title wraps and its card grows; a title too
//! long even for the grown card is cut on it, but every export carries it
//! whole (the SVG as the card's `<title>` and as text, the PDF as text).

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use servuction::layout::{self, metrics};
use servuction::model::*;
use servuction::render::export::{self as exporting, Format, Settings};
use servuction::scene::Theme;
use std::process::Command;

/// Some 150 characters, with an ending no card shows.
const LONG: &str = "The courier phones the customer when nobody answers the door, offers a \
                    neighbour, a pickup point or a new slot, and logs the choice zebrafinch";

fn delivery() -> Blueprint {
    servuction::templates::find("delivery")
        .unwrap()
        .load(Language::En)
        .unwrap()
}

#[test]
fn a_long_title_wraps_and_its_card_and_lane_grow() {
    let mut bp = delivery();
    let before = layout::layout(&bp, Default::default());
    let id = TouchpointId::from("tp-receive-courier");
    bp.touchpoint_mut(&id).unwrap().title = LONG.into();
    assert!(LONG.chars().count() >= 140);
    let after = layout::layout(&bp, Default::default());
    let card = after.card(&id).unwrap();
    assert!(
        card.rect.height() > metrics::CARD_H + 20.0,
        "{:?}",
        card.rect
    );
    assert!(after.lanes[card.lane].rect.height() > before.lanes[card.lane].rect.height());
    // Other lanes keep their height; the cards of the row are as tall.
    for (a, b) in after.lanes.iter().zip(&before.lanes) {
        if a.id != after.lanes[card.lane].id {
            assert_eq!(a.rect.height(), b.rect.height(), "{}", a.id);
        }
    }
    let other = after.card(&TouchpointId::from("tp-return-agent")).unwrap();
    assert_eq!(other.lane, card.lane);
    assert_eq!(other.rect.height(), card.rect.height());
}

fn export(bp: &Blueprint, format: Format) -> Vec<u8> {
    let settings = Settings::new(Theme::LIGHT, Language::En);
    exporting::export(bp, format, &settings).unwrap().bytes
}

#[test]
fn a_title_cut_on_its_card_is_whole_in_the_svg_and_the_pdf() {
    let mut bp = delivery();
    let id = TouchpointId::from("tp-receive-courier");
    let long = format!("{LONG}, and then {LONG}");
    bp.touchpoint_mut(&id).unwrap().title = long.clone();
    let svg = String::from_utf8(export(&bp, Format::Svg)).unwrap();
    let whole = format!("<g><title>{long}</title>");
    assert!(svg.contains(&whole), "no <title> with the whole title");
    // Only the cut title gets a group.
    assert_eq!(svg.matches("<g><title>").count(), 1);
    // Its card's shapes are in the group: the card's rectangle first.
    let group = &svg[svg.find(&whole).unwrap()..];
    let group = &group[..group.find("</g>").unwrap()];
    assert!(group.contains("<rect"), "{group}");
    assert!(group.contains("fill-opacity=\"0\">"), "{group}");

    let pdf = export(&bp, Format::Pdf);
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("NOTICE: pdftotext is not installed (Debian: poppler-utils); skipped");
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install poppler-utils"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).unwrap();
    let o = Command::new("pdftotext")
        .arg(&input)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&o.stdout);
    // The last word, which the card does not show, is in the PDF's text.
    assert_eq!(text.matches("zebrafinch").count(), 2, "{text}");
}
