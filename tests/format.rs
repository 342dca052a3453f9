//! The file format: round trips, every malformed case with its message,
//! migration, the published schema, and random documents.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use proptest::prelude::*;
use servuction::format::{self, ReadError};
use servuction::model::*;
use servuction::templates::TEMPLATES;
use std::path::Path;

mod documents;
use documents::blueprint;
#[path = "format/photos.rs"]
mod photos;

/// A small valid file to break in each test.
fn base() -> String {
    let bp = servuction::templates::blank(Language::En);
    let mut bp = bp;
    let lane = bp.lanes[1].id.clone();
    let step = bp.stages[0].steps[0].id.clone();
    let mut a = Touchpoint::new(lane.clone(), step.clone(), "Arrives");
    a.id = "tp-a".into();
    let mut b = Touchpoint::new(lane, step, "Leaves");
    b.id = "tp-b".into();
    bp.touchpoints = vec![a, b];
    bp.connectors.push(Connector {
        id: "con-ab".into(),
        from: "tp-a".into(),
        to: "tp-b".into(),
        kind: ConnectorKind::Flow,
        label: String::new(),
    });
    let mut s = Standard::new("tp-a".into(), "Greeted within 30 s");
    s.id = "std-greet".into();
    s.target = Some(95.0);
    bp.standards.push(s);
    format::to_string(&bp).unwrap()
}

fn diagnostics(text: &str) -> Vec<String> {
    let err = format::from_str(text).expect_err("the file should be refused");
    err.diagnostics()
        .iter()
        .map(|d| match d.position {
            Some(p) => format!("{}:{}: {d}", p.line, p.column),
            None => d.to_string(),
        })
        .collect()
}

#[test]
fn every_template_round_trips_byte_for_byte_in_both_languages() {
    for t in TEMPLATES {
        for lang in Language::ALL {
            let bp = t
                .load(lang)
                .unwrap_or_else(|e| panic!("{} {lang:?}: {e}", t.name));
            assert_eq!(bp.language, lang, "{} declares the wrong language", t.name);
            let text = format::to_string(&bp).unwrap();
            let again = format::from_str(&text).unwrap();
            assert_eq!(again, bp, "{} {lang:?} changes on a round trip", t.name);
            assert_eq!(format::to_string(&again).unwrap(), text);
            if t.name != "blank" {
                assert_eq!(
                    t.json(lang),
                    text,
                    "assets/templates/{}.{}.json is not in canonical form",
                    t.name,
                    lang.code()
                );
            }
        }
    }
}

#[test]
fn example_templates_are_real_examples() {
    for t in TEMPLATES.iter().filter(|t| t.name != "blank") {
        for lang in Language::ALL {
            let bp = t.load(lang).unwrap();
            let what = format!("{} {lang:?}", t.name);
            assert!(bp.stages.len() >= 3, "{what}: too few stages");
            assert!(bp.touchpoints.len() >= 15, "{what}: too few touchpoints");
            assert!(bp.standards.len() >= 4, "{what}: too few standards");
            assert!(
                bp.touchpoints
                    .iter()
                    .any(|t| t.moment_of_truth != MomentOfTruth::None)
            );
            assert!(bp.standards.iter().any(|s| !s.measurements.is_empty()));
            for kind in [
                LineKind::Interaction,
                LineKind::Visibility,
                LineKind::InternalInteraction,
            ] {
                assert!(bp.line(kind).is_some(), "{what}: no {kind:?} line");
            }
        }
        // The two languages describe the same service with the same ids.
        let (en, es) = (t.load(Language::En).unwrap(), t.load(Language::Es).unwrap());
        let ids = |b: &Blueprint| {
            b.touchpoints
                .iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&en), ids(&es), "{}: en and es differ", t.name);
    }
}

#[test]
fn syntax_errors_give_line_and_column() {
    let text = base().replacen(
        "\"title\": \"Untitled service\",",
        "\"title\": \"Untitled service\"",
        1,
    );
    let d = diagnostics(&text);
    assert_eq!(d.len(), 1);
    assert!(d[0].starts_with("6:5: expected `,` or `}`"), "{d:?}");
}

#[test]
fn dangling_references_name_the_element_and_its_place() {
    let text = base()
        .replace("\"to\": \"tp-b\"", "\"to\": \"tp-gone\"")
        .replace("\"touchpoint\": \"tp-a\"", "\"touchpoint\": \"tp-lost\"");
    let d = diagnostics(&text);
    assert_eq!(d.len(), 2, "{d:?}");
    assert!(
        d[0].contains("blueprint.connectors[0].to: connector `con-ab` refers to touchpoint `tp-gone`, which does not exist"),
        "{d:?}"
    );
    let line_of_to = text.lines().position(|l| l.contains("tp-gone")).unwrap() + 1;
    assert!(d[0].starts_with(&format!("{line_of_to}:")), "{d:?}");
    assert!(
        d[1].contains("standard `std-greet` refers to touchpoint `tp-lost`"),
        "{d:?}"
    );
}

#[test]
fn touchpoints_in_missing_lanes_and_steps_are_reported() {
    let text = base();
    let bp = format::from_str(&text).unwrap();
    let text = text
        .replacen(
            &format!("\"lane\": \"{}\"", bp.lanes[1].id),
            "\"lane\": \"lane-nowhere\"",
            1,
        )
        .replacen(
            &format!("\"step\": \"{}\"", bp.stages[0].steps[0].id),
            "\"step\": \"step-never\"",
            1,
        );
    let d = diagnostics(&text);
    assert!(
        d.iter()
            .any(|m| m.contains("touchpoint `tp-a` refers to lane `lane-nowhere`")),
        "{d:?}"
    );
    assert!(
        d.iter()
            .any(|m| m.contains("touchpoint `tp-a` refers to step `step-never`")),
        "{d:?}"
    );
}

#[test]
fn duplicate_ids_are_reported_with_both_places() {
    let text = base().replace("\"id\": \"tp-b\"", "\"id\": \"tp-a\"");
    let d = diagnostics(&text);
    assert!(
        d.iter().any(|m| m.contains("blueprint.touchpoints[1].id: the id `tp-a` is used by more than one element (first at touchpoints[0].id)")),
        "{d:?}"
    );
}

#[test]
fn numbers_that_are_not_finite_are_refused() {
    let text = base().replace("\"target\": 95.0", "\"target\": 1e400");
    let d = diagnostics(&text);
    assert!(d[0].contains("the number is not finite"), "{d:?}");
    // A document built in code with NaN is refused when written, not saved as null.
    let mut bp = format::from_str(&base()).unwrap();
    bp.standards[0].target = Some(f64::NAN);
    let err = format::to_string(&bp).unwrap_err();
    assert!(
        err.to_string()
            .contains("standards[0].target: the number is not finite"),
        "{err}"
    );
}

#[test]
fn values_of_the_wrong_type_name_the_field() {
    let text = base().replace("\"target\": 95.0", "\"target\": \"ninety\"");
    let d = diagnostics(&text);
    assert!(
        d[0].contains("blueprint.standards[0].target: invalid type: string \"ninety\""),
        "{d:?}"
    );
    let text = base().replace(
        "\"title\": \"Arrives\"",
        "\"title\": \"Arrives\", \"colour_of_sky\": 1",
    );
    let d = diagnostics(&text);
    assert!(d[0].contains("unknown field `colour_of_sky`"), "{d:?}");
    let text = base().replace(
        "\"title\": \"Arrives\"",
        "\"title\": \"Arrives\", \"feeling\": 7",
    );
    let d = diagnostics(&text);
    assert!(
        d[0].contains("blueprint.touchpoints[0].feeling: the feeling 7 is outside -2..+2"),
        "{d:?}"
    );
}

#[test]
fn newer_and_foreign_files_are_refused_clearly() {
    let newer = format::CURRENT_VERSION + 1;
    let text = base().replace(
        &format!("\"version\": {}", format::CURRENT_VERSION),
        &format!("\"version\": {newer}"),
    );
    let err = format::from_str(&text).unwrap_err();
    assert!(matches!(err, ReadError::NewerVersion { found, .. } if found == u64::from(newer)));
    assert!(
        err.to_string().contains("made by a newer Servuction"),
        "{err}"
    );
    assert!(err.to_string().contains("update"), "{err}");

    let err = format::from_str("{\"format\": \"drawio\"}").unwrap_err();
    assert!(err.to_string().contains("not a Servuction file"), "{err}");
    let err = format::from_str("[1, 2]").unwrap_err();
    assert!(err.to_string().contains("not a Servuction file"), "{err}");
    let err = format::from_str("{\"format\": \"servuction\", \"version\": -1}").unwrap_err();
    assert!(err.to_string().contains("version"), "{err}");
}

#[test]
fn deeply_nested_and_huge_input_fails_cleanly() {
    let deep = "[".repeat(100_000);
    assert!(format::from_str(&deep).is_err());
    // A document with photos may be larger than the rest of a document.
    let huge = " ".repeat(format::MAX_DOCUMENT_BYTES as usize + 1);
    assert!(matches!(
        format::from_str(&huge),
        Err(ReadError::TooLarge { .. })
    ));
}

#[test]
fn version_1_files_are_migrated() {
    let bp = format::read(Path::new("tests/data/v1-minimal.json")).unwrap();
    assert_eq!(bp.stages.len(), 2);
    let names: Vec<_> = bp
        .steps()
        .map(|(stage, step)| (stage.name.as_str(), step.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [("Order", "Queue"), ("Order", "Pay"), ("Leave", "Go")]
    );
    assert_eq!(bp.stages[0].steps[0].duration_min, Some(3.0));
    let moment = |id: &str| bp.touchpoint(&id.into()).unwrap().moment_of_truth;
    assert_eq!(moment("tp-pay"), MomentOfTruth::Critical);
    assert_eq!(moment("tp-greet"), MomentOfTruth::Moment);
    assert_eq!(moment("tp-go"), MomentOfTruth::None);
    // Written back, it is a current file.
    assert!(format::to_string(&bp).unwrap().contains("\"version\": 8"));
}

#[test]
fn a_broken_version_1_file_says_where() {
    let text = std::fs::read_to_string("tests/data/v1-minimal.json")
        .unwrap()
        .replace("\"stage\": \"stage-leave\"", "\"stage\": \"stage-gone\"");
    let d = diagnostics(&text);
    assert!(
        d[0].contains("blueprint.steps[2].stage: step refers to stage `stage-gone`"),
        "{d:?}"
    );
    assert!(d[0].starts_with("14:35:"), "{d:?}");
}

/// A version 5 file marked fail points with a boolean: `true` becomes an
/// empty fail point, `false` none, and the rest of the file is unchanged;
/// a broken old file still says what is wrong.
#[test]
fn version_5_fail_points_are_migrated_to_fail_points_with_content() {
    let current = base();
    let v5 = current
        .replace("\"version\": 8", "\"version\": 5")
        .replacen(
            "\"title\": \"Arrives\",",
            "\"title\": \"Arrives\", \"fail_point\": true,",
            1,
        )
        .replacen(
            "\"title\": \"Leaves\",",
            "\"title\": \"Leaves\", \"fail_point\": false,",
            1,
        );
    assert_eq!(v5.matches("fail_point").count(), 2, "{v5}");
    let bp = format::from_str(&v5).unwrap();
    let a = bp.touchpoint(&"tp-a".into()).unwrap();
    assert_eq!(a.fail_point, Some(Box::default()));
    assert_eq!(bp.touchpoint(&"tp-b".into()).unwrap().fail_point, None);
    let mut expected = format::from_str(&current).unwrap();
    expected.touchpoints[0].fail_point = Some(Box::default());
    assert_eq!(bp, expected);
    // Written back, an empty fail point is an empty object, read again.
    let text = format::to_string(&bp).unwrap();
    assert!(text.contains("\"fail_point\": {}"), "{text}");
    assert_eq!(format::from_str(&text).unwrap(), bp);
    // A boolean in a current file is refused: it is an object now.
    let wrong = text.replacen("\"fail_point\": {}", "\"fail_point\": true", 1);
    assert!(
        diagnostics(&wrong)[0].contains("fail_point"),
        "{:?}",
        diagnostics(&wrong)
    );
    // A broken version 5 file with fail points is still reported.
    let broken = v5.replacen("\"title\": \"Arrives\",", "\"title\": 5,", 1);
    let d = diagnostics(&broken);
    assert!(d[0].contains("blueprint.touchpoints[0].title"), "{d:?}");
    assert!(d[0].contains("version 5"), "{d:?}");
}

/// Every field of a fail point round-trips, and ratings outside 1..10 or a
/// negative recovery time are refused with their place.
#[test]
fn a_fail_point_with_content_round_trips_and_bad_ratings_are_refused() {
    let mut bp = format::from_str(&base()).unwrap();
    bp.touchpoints[1].fail_point = Some(Box::new(FailPoint {
        failure: "Room not ready".into(),
        kind: Some(FailKind::ServerTangibles),
        poka_yoke: "Housekeeping marks rooms ready in the system".into(),
        recovery: "Offer a drink in the bar, store the bags".into(),
        recovery_min: Some(15.0),
        severity: Some(7),
        occurrence: Some(5),
        detection: Some(6),
    }));
    let text = format::to_string(&bp).unwrap();
    assert!(text.contains("\"type\": \"server_tangibles\""), "{text}");
    assert!(text.contains("\"recovery_min\": 15"), "{text}");
    assert_eq!(format::from_str(&text).unwrap(), bp);
    let d = diagnostics(&text.replacen("\"severity\": 7", "\"severity\": 11", 1));
    assert!(
        d[0].contains(
            "blueprint.touchpoints[1].fail_point.severity: the rating 11 is outside 1..10"
        ),
        "{d:?}"
    );
    let d = diagnostics(&text.replacen("\"detection\": 6", "\"detection\": 0", 1));
    assert!(d[0].contains("fail_point.detection"), "{d:?}");
    let d = diagnostics(&text.replacen("\"recovery_min\": 15", "\"recovery_min\": -1", 1));
    assert!(
        d[0].contains("fail_point.recovery_min: a recovery time must not be negative"),
        "{d:?}"
    );
    let d = diagnostics(&text.replacen("\"server_tangibles\"", "\"server_mood\"", 1));
    assert!(d[0].contains("server_mood"), "{d:?}");
}

#[test]
fn published_schema_matches_the_code() {
    let published = std::fs::read_to_string("docs/servuction.schema.json").unwrap_or_default();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write("docs/servuction.schema.json", format::json_schema()).unwrap();
        return;
    }
    assert!(
        published == format::json_schema(),
        "docs/servuction.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test --test format published_schema`"
    );
}

#[test]
fn saving_is_atomic_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.json");
    let bp = format::from_str(&base()).unwrap();
    format::save(&path, &bp).unwrap();
    let mut changed = bp.clone();
    changed.title = "Changed".into();
    format::save(&path, &changed).unwrap();
    assert_eq!(format::read(&path).unwrap(), changed);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["stay.json"]);
}

#[test]
fn a_failed_save_leaves_the_old_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.json");
    let bp = format::from_str(&base()).unwrap();
    format::save(&path, &bp).unwrap();
    let before = std::fs::read(&path).unwrap();
    // A folder in the way of the file: the rename fails.
    let blocked = dir.path().join("blocked");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("inside"), "x").unwrap();
    assert!(format::save(&blocked, &bp).is_err());
    // An invalid document is never written.
    let mut bad = bp.clone();
    bad.connectors[0].to = "tp-none".into();
    assert!(format::save(&path, &bad).is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "a temporary file was left behind: {names:?}"
    );
}

// Random documents: any valid blueprint survives write and read unchanged.

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_documents_round_trip(bp in blueprint()) {
        let text = format::to_string(&bp).unwrap();
        let back = format::from_str(&text).unwrap();
        prop_assert_eq!(&back, &bp);
        prop_assert_eq!(format::to_string(&back).unwrap(), text);
    }
}

#[test]
fn synthetic_blueprints_are_valid_and_sized() {
    let bp = servuction::templates::synthetic(1_000);
    assert_eq!(bp.touchpoints.len(), 1_000);
    assert!(bp.problems().is_empty(), "{:?}", bp.problems());
    assert_eq!(
        format::from_str(&format::to_string(&bp).unwrap()).unwrap(),
        bp
    );
}

#[test]
fn absurd_counts_are_refused_with_the_limit() {
    let mut text = String::from(
        "{\"format\":\"servuction\",\"version\":2,\"blueprint\":{\"title\":\"x\",\"lanes\":[",
    );
    for i in 0..=limits::LANES {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            "{{\"id\":\"lane-{i}\",\"kind\":\"custom\",\"name\":\"L\",\"colour\":\"#ffffff\"}}"
        ));
    }
    text.push_str("]}}");
    let d = diagnostics(&text);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].contains("blueprint.lanes: 201 lanes is more than the 200 a blueprint may hold"),
        "{d:?}"
    );
}

/// Inputs kept from fuzzing (`fuzz/`, `docs/robustness.md`): none may panic,
/// and whatever is accepted must write and read back unchanged.
#[test]
fn fuzz_regressions() {
    for entry in std::fs::read_dir("tests/data/fuzz/read_json").unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(bp) = format::from_str(&String::from_utf8_lossy(&bytes)) {
            let text = format::to_string(&bp).unwrap();
            assert_eq!(format::from_str(&text).unwrap(), bp);
        }
    }
    for entry in std::fs::read_dir("tests/data/fuzz/read_png").unwrap() {
        let mut bytes = format::png::SIGNATURE.to_vec();
        bytes.extend(std::fs::read(entry.unwrap().path()).unwrap());
        if let Ok(text) = format::png::embedded_document(&bytes) {
            let _ = format::from_str(&text);
        }
    }
    for entry in std::fs::read_dir("tests/data/fuzz/photo_import").unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        if let Ok(p) = servuction::photo::prepare(&bytes) {
            let size = servuction::photo::header(p.format, p.data.bytes());
            assert_eq!(size, Ok((p.width, p.height)));
            let pixels = servuction::photo::decode(&p).unwrap();
            assert_eq!(pixels.dimensions(), (p.width, p.height));
        }
    }
    for entry in std::fs::read_dir("tests/data/fuzz/import_csv").unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        let mut bp = servuction::templates::synthetic(8);
        if servuction::report::import_measurements(&mut bp, &String::from_utf8_lossy(&bytes))
            .is_ok()
        {
            assert!(bp.problems().is_empty());
        }
    }
}

#[test]
fn version_2_to_6_files_read_as_they_are_and_notes_with_votes_round_trip() {
    let v4 = base();
    assert!(v4.contains("\"version\": 8"), "the current version is 8");
    for old in [2, 3, 4, 5, 6] {
        let text = v4.replace("\"version\": 8", &format!("\"version\": {old}"));
        assert_eq!(
            format::from_str(&text).unwrap(),
            format::from_str(&v4).unwrap()
        );
    }
    let mut bp = format::from_str(&v4).unwrap();
    bp.touchpoints[0].votes = 3;
    bp.notes.push(Note {
        votes: 5,
        ..Note::pinned(
            bp.lanes[0].id.clone(),
            bp.stages[0].steps[0].id.clone(),
            "Offer water while guests wait".into(),
            NoteColour::Pink,
        )
    });
    bp.notes.push(Note::loose(
        Point { x: 612.5, y: 40.0 },
        "Ask the night staff".into(),
        NoteColour::Blue,
    ));
    let text = format::to_string(&bp).unwrap();
    assert!(text.contains("\"at\": {"), "{text}");
    assert_eq!(format::from_str(&text).unwrap(), bp);
    let mut broken = bp.clone();
    broken.notes[0].lane = Some("lane-gone".into());
    assert!(
        format::to_string(&broken)
            .unwrap_err()
            .to_string()
            .contains("note `")
    );
}

#[test]
fn a_note_is_pinned_or_loose_and_errors_say_where() {
    let mut bp = format::from_str(&base()).unwrap();
    bp.notes.push(Note::loose(
        Point { x: 10.0, y: 20.0 },
        "Loose".into(),
        NoteColour::Yellow,
    ));
    let good = format::to_string(&bp).unwrap();
    let id = bp.notes[0].id.as_str().to_owned();
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;

    // Both a cell and a place.
    let lane = bp.lanes[0].id.as_str().to_owned();
    let step = bp.stages[0].steps[0].id.as_str().to_owned();
    let both = good.replace(
        "\"at\": {",
        &format!("\"lane\": \"{lane}\",\n        \"step\": \"{step}\",\n        \"at\": {{"),
    );
    let d = diagnostics(&both);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].contains(&format!(
            "blueprint.notes[0]: note `{id}` must be either pinned to a cell (`lane` and `step`) or loose (`at`), not both"
        )),
        "{d:?}"
    );
    assert!(
        d[0].starts_with(&format!("{}:", line_of(&both, "\"notes\"") + 1)),
        "{d:?}"
    );

    // Neither.
    let at_line = good.lines().find(|l| l.contains("\"x\": 10")).unwrap();
    let neither = good
        .replace("\"at\": {", "\"at_was\": {")
        .replace("\"at_was\": {", "\"text_before\": {");
    assert!(
        !diagnostics(&neither).is_empty(),
        "unknown fields are refused"
    );
    let mut none = bp.clone();
    none.notes[0].at = None;
    let err = format::to_string(&none).unwrap_err().to_string();
    assert!(err.contains("but has neither"), "{err}");

    // A lane without a step.
    let mut half = bp.clone();
    half.notes[0].at = None;
    half.notes[0].lane = Some(lane.as_str().into());
    let err = format::to_string(&half).unwrap_err().to_string();
    assert!(err.contains("but has a lane and no step"), "{err}");

    // Off the diagram, with the line of the coordinate.
    let off = good.replace(at_line, &at_line.replace("10", "-5"));
    let d = diagnostics(&off);
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].contains("blueprint.notes[0].at.x: -5 is off the diagram"),
        "{d:?}"
    );
    assert!(
        d[0].starts_with(&format!("{}:", line_of(&off, "\"x\": -5"))),
        "{d:?}"
    );
}

#[test]
fn input_that_is_not_a_regular_file_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    for special in [std::path::Path::new("/dev/zero"), dir.path()] {
        if !special.exists() {
            continue;
        }
        let e = format::read(special).unwrap_err().to_string();
        assert!(
            e.contains("not a regular file"),
            "{}: {e}",
            special.display()
        );
    }
}

#[test]
fn a_png_larger_than_the_document_limit_reopens_when_its_document_is_within_it() {
    let dir = tempfile::tempdir().unwrap();
    let bp = servuction::templates::find("hotel")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let scene =
        servuction::render::export_scene(&bp, &servuction::scene::Theme::LIGHT, Language::En);
    let svg = servuction::render::svg::to_svg(&scene, &bp.title);
    let (w, h, rgba) = servuction::render::png::rasterise(&svg, 0.5).unwrap();
    let doc = format::to_string(&bp).unwrap();
    let mut png = servuction::render::png::encode(w, h, &rgba, Some(&doc)).unwrap();
    // Pixel data the reader never reads (here: bytes after the image's end)
    // makes the file larger than any document may be.
    png.resize(png.len() + format::MAX_FILE_BYTES as usize + 1, 0);
    let path = dir.path().join("big.png");
    std::fs::write(&path, &png).unwrap();
    assert_eq!(format::read(&path).unwrap(), bp);
}

#[test]
fn a_document_over_the_limit_is_refused_before_the_file_is_touched_and_one_within_it_reopens() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stay.json");
    let mut bp = servuction::templates::blank(Language::En);
    format::save(&path, &bp).unwrap();
    let before = std::fs::read(&path).unwrap();
    // Just over: one long description takes the text past the limit.
    bp.description = "x".repeat(format::MAX_FILE_BYTES as usize);
    let err = format::save(&path, &bp).unwrap_err();
    assert!(matches!(err, format::WriteError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("nothing was written"), "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file was touched"
    );
    // Just within: written, and read back whole.
    let room = format::MAX_FILE_BYTES as usize
        - format::to_string(&servuction::templates::blank(Language::En))
            .unwrap()
            .len();
    bp.description = "x".repeat(room - 64);
    format::save(&path, &bp).unwrap();
    assert_eq!(format::read(&path).unwrap().description.len(), room - 64);
}

/// What a file says of itself (a JSON object, of format `servuction`, of a
/// version) is read before its document, and each way of not saying it is
/// refused with its own message; a syntax error deep in the document is
/// still found, with its place.
#[test]
fn what_a_file_says_of_itself_is_read_before_its_document() {
    let refused = |text: &str| format::from_str(text).expect_err(text).to_string();
    for text in [
        "[1, {\"format\": \"servuction\"}]",
        "\"servuction\"",
        "42",
        "null",
        "true",
    ] {
        assert_eq!(
            refused(text),
            "this is not a Servuction file: the file is not a JSON object",
            "{text}"
        );
    }
    let doc = base();
    let other = doc.replacen("\"format\": \"servuction\"", "\"format\": \"drawio\"", 1);
    assert!(refused(&other).ends_with("its format is `drawio`, not `servuction`"));
    for format in ["\"format\": 5", "\"formats\": \"servuction\""] {
        let text = doc.replacen("\"format\": \"servuction\"", format, 1);
        assert!(
            refused(&text).ends_with("it has no `format` field naming `servuction`"),
            "{format}"
        );
    }
    let version = |v: &str| doc.replacen("\"version\": 8", &format!("\"version\": {v}"), 1);
    for v in ["\"5\"", "0", "-1", "2.5", "null"] {
        assert!(
            refused(&version(v)).contains("the `version` must be a whole number from 1 up"),
            "{v}"
        );
    }
    assert!(refused(&version("99")).contains("format version 99"));
    // A key written with an escape is the same key.
    let escaped = doc.replacen("\"format\":", "\"form\\u0061t\":", 1);
    assert_eq!(
        format::from_str(&escaped).unwrap(),
        format::from_str(&doc).unwrap()
    );
    // A field this version does not know is refused by name, after the
    // head has skipped it.
    let more = doc.replacen("{", "{\"made_by\": {\"app\": [1, 2, {\"x\": null}]},", 1);
    assert!(
        diagnostics(&more)[0].contains("unknown field `made_by`"),
        "{:?}",
        diagnostics(&more)
    );
    // A syntax error deep in the document, which the head skips over, is
    // found with its line and column.
    let broken = doc.replacen("\"Leaves\"", "\"Leaves\" \"again\"", 1);
    let d = diagnostics(&broken);
    let line = doc.lines().position(|l| l.contains("\"Leaves\"")).unwrap() + 1;
    assert!(d[0].starts_with(&format!("{line}:")), "{d:?}");
    assert!(d[0].contains("expected `,` or `}`"), "{d:?}");
}

/// A file with a title that is a number, opened by a Spanish user: the
/// message is in Spanish and names the field and its line.
#[test]
fn a_wrong_type_in_a_file_is_reported_in_spanish_with_its_field_and_line() {
    use servuction::i18n::Localized;
    let text = base();
    let title_line = text
        .lines()
        .position(|l| l.trim_start().starts_with("\"title\""))
        .expect("the document has a title")
        + 1;
    let start = text.find("\"title\": \"").unwrap();
    let end = start + text[start + 10..].find('"').unwrap() + 11;
    let bad = format!("{}\"title\": 5{}", &text[..start], &text[end..]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.servuction");
    std::fs::write(&path, bad).unwrap();
    let err = format::read(&path).unwrap_err();
    let es = err.message(Language::Es);
    assert!(es.starts_with("blueprint.title (línea "), "{es}");
    assert!(
        es.contains(&format!("línea {title_line}, columna ")),
        "{es}"
    );
    assert!(
        es.ends_with("tipo no válido: el número entero `5`; se esperaba un texto"),
        "{es}"
    );
    let en = err.message(Language::En);
    assert!(
        en.starts_with(&format!("blueprint.title (line {title_line}, column ")),
        "{en}"
    );
    assert!(
        en.ends_with("invalid type: integer `5`, expected a string"),
        "{en}"
    );
    // Display keeps the English text without the position (the command
    // line prints that as file:line:column).
    assert_eq!(
        err.to_string(),
        "blueprint.title: invalid type: integer `5`, expected a string"
    );
}
