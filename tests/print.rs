//! Tiled PDFs made for print, read back: the pages the sheet plan asks for,
//! each labelled in the export's language, the assembly map on the first,
//! the orientation asked for kept.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use servuction::layout::{Options, layout};
use servuction::model::Language;
use servuction::render::export::{self, Format, Settings};
use servuction::render::pdf::{Layout, Paper};
use servuction::render::sheets;
use servuction::scene::Theme;
use std::process::Command;

fn blueprint(name: &str, lang: Language) -> servuction::model::Blueprint {
    servuction::templates::find(name)
        .unwrap()
        .load(lang)
        .unwrap()
}

fn tiled(bp: &servuction::model::Blueprint, lang: Language, landscape: bool) -> Vec<u8> {
    let mut settings = Settings::new(Theme::LIGHT, lang);
    settings.pdf = Layout::Tile {
        paper: Paper::A4,
        landscape,
    };
    export::export(bp, Format::Pdf, &settings).unwrap().bytes
}

fn poppler(tool: &str, pdf: &[u8], args: &[&str]) -> Option<String> {
    if Command::new(tool).arg("-v").output().is_err() {
        eprintln!("NOTICE: {tool} is not installed (Debian: poppler-utils); skipped");
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install poppler-utils"
        );
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).unwrap();
    let o = Command::new(tool)
        .args(args)
        .arg(&input)
        .args(if tool == "pdftotext" {
            &["-"][..]
        } else {
            &[][..]
        })
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

fn page_text(pdf: &[u8], page: usize) -> Option<String> {
    let p = page.to_string();
    poppler("pdftotext", pdf, &["-raw", "-f", &p, "-l", &p])
}

fn page_count(pdf: &[u8]) -> usize {
    hayro_syntax::Pdf::new(pdf.to_vec()).unwrap().pages().len()
}

/// The sheets the tiling took before print-ready plans (A4 portrait, full
/// size, a 6 mm overlap): 3 for the delivery template, 4 for the hotel.
fn sheets_before(bp: &servuction::model::Blueprint) -> usize {
    let l = layout(bp, Options::default());
    let (cw, ch) = (595.28 - 2.0 * 28.35, 841.89 - 2.0 * 28.35);
    let count = |len: f32, step: f32| (((len - 17.0) / step).ceil().max(1.0)) as usize;
    count(l.size.x * 0.75, cw - 17.0) * count(l.size.y * 0.75, ch - 17.0)
}

#[test]
fn tiled_a4_pdfs_have_the_planned_pages_each_labelled_with_a_map_on_the_first() {
    for (name, lang, label, map) in [
        (
            "delivery",
            Language::En,
            "Row {r}, column {c} · page {n} of {t}",
            "Assembly",
        ),
        (
            "hotel",
            Language::Es,
            "Fila {r}, columna {c} · página {n} de {t}",
            "Montaje",
        ),
    ] {
        let mut bp = blueprint(name, lang);
        // The sheets alone: the action plan's page after them is tested in
        // tests/workshop.rs.
        bp.actions.clear();
        let pdf = tiled(&bp, lang, false);
        let plan = sheets::plan(
            &sheets::Cuts::of(&layout(&bp, Options::default())),
            (595.28, 841.89),
            false,
        )
        .unwrap();
        let pages = page_count(&pdf);
        assert_eq!(pages, plan.sheets.len(), "{name}");
        assert!(pages <= sheets_before(&bp), "{name}: {pages} pages");
        for s in &plan.sheets {
            let Some(text) = page_text(&pdf, s.number) else {
                return;
            };
            let want = label
                .replace("{r}", &(s.row + 1).to_string())
                .replace("{c}", &(s.col + 1).to_string())
                .replace("{n}", &s.number.to_string())
                .replace("{t}", &pages.to_string());
            assert!(
                text.contains(&want),
                "{name} page {}: {want} not in {text}",
                s.number
            );
            assert_eq!(
                text.contains(map),
                s.number == 1 && pages > 1,
                "{name} page {}",
                s.number
            );
        }
    }
}

/// The user's express delivery: 8 steps and a workshop of 3 notes pinned to
/// one cell, which makes its lane taller. Before, 6 portrait sheets, 3 of
/// them a strip of the emotion chart and legend.
#[test]
fn the_delivery_with_its_workshop_needs_fewer_sheets_and_none_of_furniture_alone() {
    use servuction::model::{Note, NoteColour};
    let mut bp = blueprint("delivery", Language::En);
    let stage = bp.stages.last_mut().unwrap();
    let mut extra = stage.steps[0].clone();
    extra.id = servuction::model::StepId::generate();
    extra.name = "Rates the delivery".into();
    stage.steps.push(extra);
    assert_eq!(bp.steps().count(), 8);
    let (lane, step) = (
        bp.lanes[1].id.clone(),
        bp.steps().nth(2).unwrap().1.id.clone(),
    );
    for text in [
        "Call before coming",
        "Photo of the parcel",
        "Pick a time slot",
    ] {
        bp.notes.push(Note::pinned(
            lane.clone(),
            step.clone(),
            text.into(),
            NoteColour::default(),
        ));
    }
    let l = layout(&bp, Options::default());
    let plan = sheets::plan(&sheets::Cuts::of(&l), (595.28, 841.89), false).unwrap();
    let before = sheets_before(&bp);
    eprintln!(
        "delivery with its workshop: {} sheets ({} × {}, landscape {}), before {before}",
        plan.sheets.len(),
        plan.rows,
        plan.cols,
        plan.landscape
    );
    assert_eq!(before, 6);
    assert!(plan.sheets.len() < before);
    assert!(plan.sheets.iter().all(|s| !s.furniture_only));
    // The diagram's sheets, then the page of the workshop's notes.
    assert_eq!(
        page_count(&tiled(&bp, Language::En, false)),
        plan.sheets.len() + 1
    );
}

#[test]
fn landscape_asked_for_is_kept() {
    let bp = blueprint("hotel", Language::En);
    let pdf = tiled(&bp, Language::En, true);
    let Some(info) = poppler("pdfinfo", &pdf, &["-f", "1", "-l", "99"]) else {
        return;
    };
    let sizes = info.matches("size: 841.89 x 595.28").count();
    assert_eq!(sizes, page_count(&pdf), "{info}");
}
