//! Versions of a blueprint: diff and the three-way merge, on the hotel
//! template edited as people edit it, and on random documents and edits.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use proptest::prelude::*;
use servuction::format;
use servuction::model::*;
use servuction::versions::{self, Change, FieldChange, Side, What};

mod documents;
use documents::hotel;
#[path = "versions/photos.rs"]
mod photos;

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// A touchpoint that nothing refers to (no connector, standard).
fn loose_touchpoint(bp: &Blueprint) -> TouchpointId {
    bp.touchpoints
        .iter()
        .find(|t| {
            !bp.connectors.iter().any(|c| c.from == t.id || c.to == t.id)
                && !bp.standards.iter().any(|s| s.touchpoint == t.id)
        })
        .unwrap()
        .id
        .clone()
}

fn summary(c: &Change) -> String {
    let what = match &c.what {
        What::Added { .. } => "added".to_owned(),
        What::Removed { .. } => "removed".to_owned(),
        What::Moved { fields } | What::Changed { fields } => {
            let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
            format!(
                "{} {}",
                if matches!(c.what, What::Moved { .. }) {
                    "moved"
                } else {
                    "changed"
                },
                names.join(",")
            )
        }
        What::Compliance { old, new } => format!("compliance {old:?}->{new:?}"),
    };
    format!("{} {} {what}", c.kind.word(), c.id)
}

#[test]
fn diff_names_every_kind_of_change_in_document_order() {
    let old = hotel();
    let mut new = old.clone();
    let gone = loose_touchpoint(&old);
    new.touchpoints.retain(|t| t.id != gone);
    let first = new.touchpoints[0].id.clone();
    new.touchpoints[0].title = "Arrives on foot".into();
    let last_lane = new.lanes.last().unwrap().id.clone();
    new.touchpoints[1].lane = last_lane.clone();
    let mut added = Touchpoint::new(last_lane, new.touchpoints[0].step.clone(), "Valet parks");
    added.id = "tp-valet".into();
    new.touchpoints.push(added);
    new.stages[0].name = "Getting there".into();
    new.lanes[0].hidden = true;
    let s = &mut new.standards[0];
    let target = s.target.unwrap();
    let bad = match s.direction {
        Direction::HigherIsBetter => target - 1000.0,
        Direction::LowerIsBetter => target + 1000.0,
    };
    s.measurements.push(Measurement {
        date: date("2099-01-01"),
        value: bad,
    });
    new.title = "Hotel stay, to be".into();

    let changes = versions::diff(&old, &new);
    let got: Vec<String> = changes.changes.iter().map(summary).collect();
    let std = &new.standards[0].id;
    let moved = &new.touchpoints[1].id;
    assert_eq!(
        got,
        [
            "blueprint  changed title".to_owned(),
            format!("stage {} changed name", new.stages[0].id),
            format!("lane {} changed hidden", new.lanes[0].id),
            format!("touchpoint {gone} removed"),
            format!("touchpoint {first} changed title"),
            format!("touchpoint {moved} moved lane"),
            "touchpoint tp-valet added".to_owned(),
            format!("measurement {std} added"),
            format!(
                "standard {std} compliance {:?}->Missed",
                old.standards[0].compliance()
            ),
        ]
    );
    // The field change carries both values.
    let title = changes
        .changes
        .iter()
        .find_map(|c| match &c.what {
            What::Changed { fields } if c.id == first.as_str() => Some(fields[0].clone()),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        title,
        FieldChange {
            field: "title".into(),
            old: Some(old.touchpoints[0].title.clone().into()),
            new: Some("Arrives on foot".into()),
        }
    );
    // Text names the lanes of a move by name.
    let text = versions::changes_text(&changes, &old, &new, Language::En);
    let to = &new.lanes.last().unwrap().name;
    assert!(text.contains(&format!("-> \"{to}\"")), "{text}");
    let es = versions::changes_text(&changes, &old, &new, Language::Es);
    assert!(
        es.contains("se añadió") && es.contains("1 ene 2099"),
        "{es}"
    );
}

#[test]
fn a_step_moved_to_another_stage_and_a_measured_value_changed_are_named() {
    let old = hotel();
    let mut new = old.clone();
    let step = new.stages[0].steps.pop().unwrap();
    let id = step.id.clone();
    new.stages[1].steps.insert(0, step);
    let m = &mut new.standards[0].measurements[0];
    m.value += 1.0;
    let got: Vec<String> = versions::diff(&old, &new)
        .changes
        .iter()
        .map(summary)
        .collect();
    assert!(got.contains(&format!("step {id} moved stage")), "{got:?}");
    assert!(
        got.contains(&format!(
            "measurement {} changed value",
            new.standards[0].id
        )),
        "{got:?}"
    );
}

#[test]
fn edits_to_different_touchpoints_and_measurements_on_both_sides_merge_cleanly() {
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.touchpoints[0].title = "Ours".into();
    theirs.touchpoints[1].owner = "Theirs".into();
    theirs.touchpoints[0].description = "Theirs too".into();
    let on = |bp: &mut Blueprint, d: &str, v: f64| {
        bp.standards[0].measurements.push(Measurement {
            date: date(d),
            value: v,
        })
    };
    on(&mut ours, "2030-01-02", 1.0);
    on(&mut theirs, "2030-01-01", 2.0);
    // The same value added on both sides is kept once.
    on(&mut ours, "2030-01-03", 3.0);
    on(&mut theirs, "2030-01-03", 3.0);
    let merged = versions::merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let doc = &merged.doc;
    assert_eq!(doc.touchpoints[0].title, "Ours");
    assert_eq!(doc.touchpoints[0].description, "Theirs too");
    assert_eq!(doc.touchpoints[1].owner, "Theirs");
    let added: Vec<_> = doc.standards[0]
        .measurements
        .iter()
        .filter(|m| m.date.to_string().starts_with("2030"))
        .map(|m| (m.date.to_string(), m.value))
        .collect();
    assert_eq!(
        added,
        [
            ("2030-01-01".into(), 2.0),
            ("2030-01-02".into(), 1.0),
            ("2030-01-03".into(), 3.0)
        ]
    );
    assert!(doc.problems().is_empty());
}

#[test]
fn the_same_title_changed_two_ways_keeps_ours_and_records_theirs() {
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.touchpoints[0].title = "Ours".into();
    theirs.touchpoints[0].title = "Theirs".into();
    let merged = versions::merge(&base, &ours, &theirs);
    let expected = Conflict {
        kind: ElementKind::Touchpoint,
        id: base.touchpoints[0].id.to_string(),
        field: "title".into(),
        ours: Some("Ours".into()),
        theirs: Some("Theirs".into()),
    };
    assert_eq!(merged.conflicts, std::slice::from_ref(&expected));
    assert_eq!(merged.doc.conflicts, [expected]);
    assert_eq!(merged.doc.touchpoints[0].title, "Ours");
    // The document with its conflicts is written and read back whole.
    let text = format::to_string(&merged.doc).unwrap();
    assert_eq!(format::from_str(&text).unwrap(), merged.doc);
    let line = versions::conflict_text(&merged.conflicts[0], &merged.doc, Language::Es);
    assert!(
        line.contains("«Ours»") && line.contains("«Theirs»"),
        "{line}"
    );
}

/// A base, ours deleting a touchpoint nothing refers to, theirs retitling
/// it "Still here"; and the touchpoint.
fn deleted_and_changed() -> (Blueprint, Blueprint, Blueprint, TouchpointId) {
    let base = hotel();
    let gone = loose_touchpoint(&base);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.touchpoints.retain(|t| t.id != gone);
    theirs.touchpoint_mut(&gone).unwrap().title = "Still here".into();
    (base, ours, theirs, gone)
}

#[test]
fn an_element_deleted_on_one_side_and_changed_on_the_other_is_kept_with_a_conflict() {
    let (base, ours, theirs, gone) = deleted_and_changed();
    let merged = versions::merge(&base, &ours, &theirs);
    assert_eq!(merged.doc.touchpoint(&gone).unwrap().title, "Still here");
    assert_eq!(merged.conflicts.len(), 1);
    let c = &merged.conflicts[0];
    assert_eq!((c.id.as_str(), c.field.as_str()), (gone.as_str(), ""));
    assert!(c.ours.is_none() && c.theirs.is_some());
    // Deleted on one side and left alone on the other: gone, no conflict.
    let merged = versions::merge(&base, &ours, &base);
    assert!(merged.doc.touchpoint(&gone).is_none() && merged.conflicts.is_empty());
}

/// A base, ours deleting its last lane and everything in it (as the editor
/// does), theirs adding a touchpoint `tp-new` to that lane; and the lane.
fn lane_deleted_and_used() -> (Blueprint, Blueprint, Blueprint, LaneId) {
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let lane = ours.lanes.pop().unwrap().id;
    ours.lines.retain(|l| l.after_lane != lane);
    let gone: Vec<_> = (ours.touchpoints.iter())
        .filter(|t| t.lane == lane)
        .map(|t| t.id.clone())
        .collect();
    ours.touchpoints.retain(|t| t.lane != lane);
    ours.connectors
        .retain(|c| !gone.contains(&c.from) && !gone.contains(&c.to));
    ours.standards.retain(|s| !gone.contains(&s.touchpoint));
    ours.notes.retain(|n| n.lane.as_ref() != Some(&lane));
    // Actions on what went stay in the plan, detached, as the editor keeps
    // them (the hotel's room-ready action should move a standard there).
    let kept: Vec<_> = ours.standards.iter().map(|s| s.id.clone()).collect();
    for a in &mut ours.actions {
        if a.moves_standard.as_ref().is_some_and(|s| !kept.contains(s)) {
            a.moves_standard = None;
        }
    }
    assert!(ours.problems().is_empty(), "{:?}", ours.problems());
    let step = base.stages[0].steps[0].id.clone();
    let mut tp = Touchpoint::new(lane.clone(), step, "New in the deleted lane");
    tp.id = "tp-new".into();
    theirs.touchpoints.push(tp);
    (base, ours, theirs, lane)
}

#[test]
fn a_lane_deleted_on_one_side_is_kept_when_the_other_adds_a_touchpoint_to_it() {
    let (base, ours, theirs, lane) = lane_deleted_and_used();
    let merged = versions::merge(&base, &ours, &theirs);
    assert!(merged.doc.problems().is_empty());
    assert!(merged.doc.lane(&lane).is_some());
    assert!(merged.doc.touchpoint(&"tp-new".into()).is_some());
    assert!(
        merged
            .conflicts
            .iter()
            .any(|c| c.kind == ElementKind::Lane && c.id == lane.as_str()),
        "{:?}",
        merged.conflicts
    );
}

/// A note moved two ways: made loose in ours, pinned to another step in
/// theirs (merged field by field it would have a cell and a place).
#[test]
fn a_note_moved_two_ways_stays_where_ours_put_it_and_takes_their_place_whole() {
    let mut base = hotel();
    let mut note = Note::pinned(
        base.lanes[0].id.clone(),
        base.stages[0].steps[0].id.clone(),
        "n".into(),
        NoteColour::Yellow,
    );
    note.id = "note-x".into();
    base.notes.push(note);
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let loose = Point { x: 10.0, y: 10.0 };
    ours.notes.last_mut().unwrap().unpin(loose);
    theirs.notes.last_mut().unwrap().step = Some(base.stages[0].steps[1].id.clone());
    let mut doc = versions::merge(&base, &ours, &theirs).doc;
    assert!(doc.problems().is_empty());
    assert_eq!(doc.notes.last(), ours.notes.last());
    let fields: Vec<&str> = doc.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["at", "lane", "step"]);
    versions::resolve(&mut doc, 2, Side::Theirs).unwrap();
    assert_eq!(doc.notes.last(), theirs.notes.last());
    assert!(doc.conflicts.is_empty(), "{:?}", doc.conflicts);
}

#[test]
fn two_sides_that_reorder_lanes_differently_keep_ours_with_an_order_conflict() {
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.lanes.swap(0, 1);
    theirs.lanes.swap(1, 2);
    let merged = versions::merge(&base, &ours, &theirs);
    assert_eq!(merged.doc.lanes, ours.lanes);
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, "order");
    // One side alone reordering, the other renaming: both taken.
    theirs = base.clone();
    theirs.lanes[2].name = "Renamed".into();
    let merged = versions::merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.doc.lanes[0].id, ours.lanes[0].id);
    assert_eq!(merged.doc.lanes[2].name, "Renamed");
}

#[test]
fn a_conflict_resolved_takes_their_value_or_keeps_ours_and_leaves_the_list() {
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.touchpoints[0].title = "Ours".into();
    theirs.touchpoints[0].title = "Theirs".into();
    ours.touchpoints[0].fail_point = Some(Box::default());
    theirs.touchpoints[0].duration_min = Some(4.0);
    ours.touchpoints[0].duration_min = Some(3.0);
    let merged = versions::merge(&base, &ours, &theirs).doc;
    let fields: Vec<&str> = merged.conflicts.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["duration_min", "title"]);
    let mut doc = merged.clone();
    versions::resolve(&mut doc, 1, Side::Theirs).unwrap();
    assert_eq!(doc.touchpoints[0].title, "Theirs");
    assert_eq!(doc.conflicts.len(), 1);
    versions::resolve(&mut doc, 0, Side::Ours).unwrap();
    assert_eq!(doc.touchpoints[0].duration_min, Some(3.0));
    assert!(doc.conflicts.is_empty());
    // Merged fields stay merged.
    assert!(doc.touchpoints[0].fail_point.is_some());
    assert_eq!(
        versions::resolve(&mut doc, 0, Side::Theirs),
        Err(versions::ResolveError::NoConflict {
            number: 1,
            count: 0
        })
    );
}

#[test]
fn taking_the_side_that_deleted_an_element_deletes_it_unless_it_is_needed() {
    let (base, ours, theirs, gone) = deleted_and_changed();
    let mut doc = versions::merge(&base, &ours, &theirs).doc;
    versions::resolve(&mut doc, 0, Side::Ours).unwrap();
    assert!(doc.touchpoint(&gone).is_none() && doc.conflicts.is_empty());

    // A lane ours deleted that their new touchpoint needs.
    let (base, ours, theirs, lane) = lane_deleted_and_used();
    let mut doc = versions::merge(&base, &ours, &theirs).doc;
    let i = doc
        .conflicts
        .iter()
        .position(|c| c.id == lane.as_str())
        .unwrap();
    let before = doc.clone();
    let e = versions::resolve(&mut doc, i, Side::Ours).unwrap_err();
    assert!(matches!(e, versions::ResolveError::Needed { .. }), "{e:?}");
    assert_eq!(doc, before);
    let text = servuction::i18n::Localized::message(&e, Language::Es);
    assert!(text.contains("aún lo necesitan"), "{text}");
}

#[test]
fn an_order_conflict_resolved_takes_their_order() {
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.lanes.swap(0, 1);
    theirs.lanes.swap(1, 2);
    let mut doc = versions::merge(&base, &ours, &theirs).doc;
    versions::resolve(&mut doc, 0, Side::Theirs).unwrap();
    assert_eq!(doc.lanes, theirs.lanes);
}

#[test]
fn conflicts_resolved_together_that_do_not_all_fit_are_taken_one_by_one() {
    let mut doc = hotel();
    let id = doc.touchpoints[0].id.to_string();
    let conflict = |field: &str, theirs: serde_json::Value| Conflict {
        kind: ElementKind::Touchpoint,
        id: id.clone(),
        field: field.into(),
        ours: None,
        theirs: Some(theirs),
    };
    // As a hand-edited file may carry them: a feeling out of range.
    doc.conflicts = vec![conflict("title", "X".into()), conflict("feeling", 7.into())];
    let failed = versions::resolve_many(&mut doc, &[0, 1], Side::Theirs);
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].0, 1);
    assert!(
        matches!(failed[0].1, versions::ResolveError::Invalid(_)),
        "{failed:?}"
    );
    assert_eq!(doc.touchpoints[0].title, "X");
    assert_eq!(doc.conflicts, [conflict("feeling", 7.into())]);
    assert!(doc.problems().is_empty());
}

#[test]
fn values_measured_on_one_date_are_compared_as_they_are() {
    let old = hotel();
    let mut new = old.clone();
    let d = date("2031-05-05");
    let m = |value| Measurement { date: d, value };
    let mut was = old.clone();
    was.standards[0].measurements.extend([m(1.0), m(2.0)]);
    new.standards[0]
        .measurements
        .extend([m(2.0), m(3.0), m(3.0)]);
    let got: Vec<String> = versions::diff(&was, &new)
        .changes
        .iter()
        .filter(|c| c.kind == ElementKind::Measurement)
        .map(|c| match &c.what {
            What::Added { value } => format!("+{}", value["value"]),
            What::Removed { value } => format!("-{}", value["value"]),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(got, ["-1.0", "+3.0", "+3.0"]);
}

// Random documents and random edits.

/// One edit: what, and two numbers that pick the element and the value.
type Edit = (u8, usize, usize);

/// A version of `bp` with `edits` applied; new ids carry `tag`.
fn edited(bp: &Blueprint, edits: &[Edit], tag: &str) -> Blueprint {
    let mut bp = bp.clone();
    let steps: Vec<StepId> = bp.steps().map(|(_, s)| s.id.clone()).collect();
    for (n, &(op, i, v)) in edits.iter().enumerate() {
        let tps = bp.touchpoints.len();
        match op {
            0 if tps > 0 => bp.touchpoints[i % tps].title = format!("{tag} {v}"),
            1 if tps > 0 => bp.touchpoints[i % tps].owner = format!("owner {}", v % 3),
            2 if tps > 0 => {
                let t = &mut bp.touchpoints[i % tps];
                t.lane = bp.lanes[v % bp.lanes.len()].id.clone();
                t.step = steps[v % steps.len()].clone();
            }
            3 if tps > 0 => {
                let id = bp.touchpoints.remove(i % tps).id;
                bp.connectors.retain(|c| c.from != id && c.to != id);
                bp.standards.retain(|s| s.touchpoint != id);
            }
            4 => {
                let mut t = Touchpoint::new(
                    bp.lanes[i % bp.lanes.len()].id.clone(),
                    steps[v % steps.len()].clone(),
                    format!("new {tag}"),
                );
                t.id = format!("tp-{tag}-{n}").into();
                bp.touchpoints.insert(i % (tps + 1), t);
            }
            5 if !bp.standards.is_empty() => {
                let s = i % bp.standards.len();
                bp.standards[s].measurements.push(Measurement {
                    date: Date::new(2030, 1 + (v % 12) as u8, 1).unwrap(),
                    value: (v % 100) as f64,
                });
            }
            6 if !bp.standards.is_empty() => {
                let s = i % bp.standards.len();
                bp.standards[s].target = Some((v % 50) as f64);
            }
            7 => {
                let l = i % bp.lanes.len();
                bp.lanes[l].name = format!("{tag} lane {}", v % 2);
            }
            8 if !bp.notes.is_empty() => {
                bp.notes.remove(i % bp.notes.len());
            }
            9 => bp.title = format!("{tag} {}", v % 2),
            10 if !bp.notes.is_empty() => {
                let k = i % bp.notes.len();
                let lane = bp.lanes[v % bp.lanes.len()].id.clone();
                bp.notes[k].pin(lane, steps[v % steps.len()].clone());
            }
            11 if tps > 0 => {
                let f = &mut bp.touchpoints[i % tps].fail_point;
                let fp = f.get_or_insert_with(Default::default);
                fp.recovery = format!("{tag} {}", v % 2);
            }
            _ => {}
        }
    }
    bp
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec((0u8..12, 0usize..64, 0usize..64), 0..8)
}

/// Whether every difference between two merges of the same versions (ours
/// and theirs swapped) is a field the first reported as a conflict.
fn explained(first: &versions::Merged, second: &versions::Merged) -> Result<(), String> {
    for c in versions::diff(&first.doc, &second.doc).changes {
        let fields = match &c.what {
            What::Moved { fields } | What::Changed { fields } => fields,
            // Follows from a target or tolerance in conflict.
            What::Compliance { .. } => continue,
            _ => return Err(format!("{c:?}")),
        };
        for f in fields {
            let known = first.conflicts.iter().any(|k| {
                k.kind == c.kind
                    && k.id == c.id
                    && k.field == f.field
                    && k.ours == f.old
                    && k.theirs == f.new
            });
            if !known {
                return Err(format!("{c:?} is no conflict of {:?}", first.conflicts));
            }
        }
    }
    Ok(())
}

fn sorted(list: &[Conflict]) -> Vec<String> {
    let mut v: Vec<String> = list.iter().map(|c| format!("{c:?}")).collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn diff_of_a_document_with_itself_is_empty(bp in documents::blueprint()) {
        prop_assert!(versions::diff(&bp, &bp).is_empty());
    }

    #[test]
    fn merging_the_same_change_or_one_side_alone_gives_that_side(
        base in documents::blueprint(), a in edits(), b in edits()
    ) {
        let (a, b) = (edited(&base, &a, "a"), edited(&base, &b, "b"));
        prop_assert!(a.problems().is_empty() && b.problems().is_empty());
        let same = versions::merge(&base, &a, &a);
        prop_assert_eq!(&same.doc, &a);
        prop_assert!(same.conflicts.is_empty());
        let theirs = versions::merge(&base, &base, &b);
        prop_assert_eq!(&theirs.doc, &b);
        let ours = versions::merge(&base, &a, &base);
        prop_assert_eq!(&ours.doc, &a);
        prop_assert_eq!(versions::diff(&a, &b).is_empty(), a == b);
    }

    #[test]
    fn merging_both_ways_gives_one_valid_document_up_to_the_side_a_conflict_shows(
        base in documents::blueprint(), a in edits(), b in edits()
    ) {
        let (a, b) = (edited(&base, &a, "a"), edited(&base, &b, "b"));
        let ab = versions::merge(&base, &a, &b);
        let ba = versions::merge(&base, &b, &a);
        prop_assert!(ab.doc.problems().is_empty(), "{:?}", ab.doc.problems());
        let swapped: Vec<Conflict> = ba.conflicts.iter().map(Conflict::swapped).collect();
        prop_assert_eq!(sorted(&ab.conflicts), sorted(&swapped));
        if let Err(e) = explained(&ab, &ba) {
            prop_assert!(false, "{}", e);
        }
        // No value is lost: every measured value both sides kept is there.
        for s in &ab.doc.standards {
            for side in [&a, &b] {
                let Some(had) = side.standards.iter().find(|x| x.id == s.id) else { continue };
                for m in &had.measurements {
                    let in_base = base.standards.iter().any(|x| x.id == s.id && x.measurements.contains(m));
                    prop_assert!(in_base || s.measurements.contains(m), "{:?} lost", m);
                }
            }
        }
        // Every conflict taken from theirs gives the other merge with ours kept.
        let resolved = |m: &versions::Merged, side| {
            let mut doc = m.doc.clone();
            while !doc.conflicts.is_empty() {
                let last = doc.conflicts.len() - 1;
                versions::resolve(&mut doc, last, side).unwrap();
            }
            doc
        };
        let theirs = resolved(&ab, Side::Theirs);
        prop_assert_eq!(&theirs, &resolved(&ba, Side::Ours));
        // All at once, the same.
        let mut many = ab.doc.clone();
        let all: Vec<usize> = (0..many.conflicts.len()).collect();
        prop_assert!(versions::resolve_many(&mut many, &all, Side::Theirs).is_empty());
        prop_assert_eq!(&many, &theirs);
        // The merged document is written and read back as it is.
        let text = format::to_string(&ab.doc).unwrap();
        prop_assert_eq!(format::from_str(&text).unwrap(), ab.doc);
    }
}
