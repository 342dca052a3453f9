use super::*;

/// Whether a coarse mesh is `made`, but for rounding in the last bits of
/// its coordinates ([`scene::close`]: the rectangles of moved cards).
fn same_mesh(mesh: Option<&egui::Mesh>, made: &egui::Mesh) -> bool {
    mesh.is_some_and(|m| {
        m.indices == made.indices
            && m.texture_id == made.texture_id
            && m.vertices.len() == made.vertices.len()
            && m.vertices.iter().zip(&made.vertices).all(|(v, w)| {
                v.color == w.color
                    && v.uv == w.uv
                    && scene::close(v.pos.x, w.pos.x)
                    && scene::close(v.pos.y, w.pos.y)
            })
    })
}

fn view() -> View {
    View {
        lang: Language::En,
        dark: false,
        compliance: false,
        problems: true,
        emotion_curve: true,
        today: crate::model::Date::today(),
    }
}

#[test]
fn derived_data_after_a_typed_title_equals_data_worked_out_anew() {
    let hotel = crate::testing::hotel();
    let mut doc = Document::new(hotel);
    doc.view(view());
    // A burst of typing, and a flag: card edits that move nothing.
    for title in [
        "R",
        "Re",
        "Receptionist greets the guest by name and smiles",
    ] {
        let mut tp = doc.blueprint().touchpoints[14].clone();
        tp.title = title.into();
        tp.fail_point = match tp.fail_point {
            Some(_) => None,
            None => Some(Box::default()),
        };
        doc.apply(vec![Edit::SetTouchpoint(tp)], Step::Burst)
            .unwrap();
        assert!(matches!(doc.pending, Footprint::Touchpoints(_)));
        let (bp, derived) = doc.view(view());
        let fresh = Derived::new(bp, view());
        assert_eq!(derived.scene, fresh.scene, "after {title:?}");
        assert_eq!(derived.findings, fresh.findings);
        assert_eq!(derived.layout, fresh.layout);
    }
}

/// The overview picture follows every edit: after edits that redraw
/// cards in place (no card moves) it is painted again, equal to the
/// picture of the scene drawn anew. (Before, it stayed as it was first
/// painted until an edit moved a card.)
#[test]
fn the_overview_follows_card_edits() {
    let ctx = egui::Context::default();
    let mut doc = Document::new(crate::testing::hotel());
    let compliance = View {
        compliance: true,
        ..view()
    };
    let size = [600, 200];
    doc.view(compliance).1.overview(&ctx, size);
    let before = doc
        .view(compliance)
        .1
        .overview
        .as_ref()
        .unwrap()
        .image
        .clone();
    // Wait points: each card gets a filled pill, and nothing moves.
    let plain: Vec<usize> = (0..doc.blueprint().touchpoints.len())
        .filter(|&i| !doc.blueprint().touchpoints[i].wait_point)
        .take(6)
        .collect();
    assert_eq!(plain.len(), 6);
    for i in plain {
        let mut tp = doc.blueprint().touchpoints[i].clone();
        tp.wait_point = true;
        doc.apply(vec![Edit::SetTouchpoint(tp)], Step::New).unwrap();
        assert!(matches!(doc.pending, Footprint::Touchpoints(_)));
        let (bp, derived) = doc.view(compliance);
        let fresh = Derived::new(bp, compliance);
        derived.overview(&ctx, size);
        let painted = &derived.overview.as_ref().unwrap().image;
        assert_eq!(
            painted,
            &crate::render::egui::overview_image(&fresh.scene, size[0], size[1]),
            "after the wait point of touchpoint {i}"
        );
    }
    let after = &doc.view(compliance).1.overview.as_ref().unwrap().image;
    assert_ne!(
        after, &before,
        "the wait points changed nothing in the picture"
    );
    let mut out = ctx.run_ui(Default::default(), |_| {});
    out.textures_delta.clear();
}

/// Work in the background holds the document as it was when it started:
/// an edit meanwhile changes the document, not the snapshot; with no
/// snapshot held, an edit copies nothing.
#[test]
fn a_snapshot_keeps_the_document_as_it_was_when_taken() {
    let mut doc = Document::new(crate::testing::hotel());
    let snapshot = doc.snapshot();
    let mut tp = doc.blueprint().touchpoints[0].clone();
    tp.title = "Changed while exporting".into();
    doc.apply(vec![Edit::SetTouchpoint(tp)], Step::New).unwrap();
    assert_ne!(snapshot.touchpoints[0].title, "Changed while exporting");
    assert_eq!(
        doc.blueprint().touchpoints[0].title,
        "Changed while exporting"
    );
    assert!(doc.undo());
    assert_eq!(*doc.blueprint(), *snapshot);
    drop(snapshot);
    let before: *const Blueprint = doc.blueprint();
    assert!(doc.redo());
    assert!(
        std::ptr::eq(before, doc.blueprint()),
        "copied with no snapshot held"
    );
}

/// One edit a user could make, drawn at random; applied to the document
/// as it is at that moment.
fn random_edit(bp: &Blueprint, kind: u8, i: usize, x: u8) -> Option<Edit> {
    use crate::model::{Evidence, Measurement, MomentOfTruth, Touchpoint};
    let n = bp.touchpoints.len();
    let tp = (n > 0).then(|| bp.touchpoints[i % n].clone());
    let steps: Vec<_> = bp.stages.iter().flat_map(|s| &s.steps).collect();
    let shown: Vec<_> = bp
        .touchpoints
        .iter()
        .filter(|t| !t.photos.is_empty())
        .collect();
    let with_photos = (!shown.is_empty()).then(|| shown[i % shown.len()].clone());
    let edit = match kind % 15 {
        0 => {
            let mut t = tp?;
            t.fail_point = match t.fail_point {
                Some(_) => None,
                None => Some(Box::default()),
            };
            Edit::SetTouchpoint(t)
        }
        1 => {
            let mut t = tp?;
            t.wait_point = !t.wait_point;
            Edit::SetTouchpoint(t)
        }
        2 => {
            let mut t = tp?;
            t.moment_of_truth = [
                MomentOfTruth::None,
                MomentOfTruth::Moment,
                MomentOfTruth::Critical,
            ][usize::from(x) % 3];
            Edit::SetTouchpoint(t)
        }
        3 => {
            let mut t = tp?;
            t.title = ["", "A", "Receptionist greets the guest by name and smiles"]
                [usize::from(x) % 3]
                .to_owned();
            t.feeling = Some(i8::try_from(x % 5).ok()? - 2);
            t.evidence =
                [Evidence::Observed, Evidence::Assumed, Evidence::Proposed][usize::from(x) % 3];
            Edit::SetTouchpoint(t)
        }
        4 => {
            let s = bp.standards.get(i % bp.standards.len().max(1))?;
            Edit::AddMeasurement {
                standard: s.id.clone(),
                measurement: Measurement {
                    date: "2027-01-01".parse().ok()?,
                    value: f64::from(x),
                },
            }
        }
        5 => {
            let t = tp?;
            let lane = bp.lanes[usize::from(x) % bp.lanes.len()].id.clone();
            let step = steps[(i + usize::from(x)) % steps.len()].id.clone();
            Edit::MoveTouchpoint {
                id: t.id,
                lane,
                step,
            }
        }
        6 => {
            let lane = bp.lanes[usize::from(x) % bp.lanes.len()].id.clone();
            let step = steps[i % steps.len()].id.clone();
            Edit::AddTouchpoint(Touchpoint::new(lane, step, "New"))
        }
        7 => Edit::DeleteTouchpoints(vec![tp?.id]),
        8 => Edit::VoteTouchpoint {
            id: tp?.id,
            dots: 1,
        },
        9 => {
            let s = steps[i % steps.len()];
            Edit::RenameStep {
                id: s.id.clone(),
                name: format!("Step {x}"),
            }
        }
        10 => {
            let mut s = bp.standards.get(i % bp.standards.len().max(1))?.clone();
            s.target = Some(f64::from(x));
            Edit::SetStandard(s)
        }
        // Photos: three to choose from, so cards share them.
        12 => Edit::AddPhoto {
            touchpoint: tp?.id,
            photo: crate::edit::test_photo(&[x % 3]),
        },
        13 => {
            let t = with_photos?;
            Edit::RemovePhoto {
                index: usize::from(x) % t.photos.len(),
                touchpoint: t.id,
            }
        }
        14 => {
            let mut t = with_photos?;
            match t.photos.len() {
                0 => return None,
                n if x.is_multiple_of(2) => {
                    return Some(Edit::MovePhoto {
                        touchpoint: t.id,
                        index: usize::from(x) % n,
                        by: if x.is_multiple_of(4) { -1 } else { 1 },
                    });
                }
                n => t.photos[usize::from(x) % n].alt = "Lobby".repeat(usize::from(x % 3)),
            }
            Edit::SetTouchpoint(t)
        }
        _ => {
            let mut t = tp?;
            t.description = "x".repeat(usize::from(x));
            t.duration_min = Some(f64::from(x));
            Edit::SetTouchpoint(t)
        }
    };
    Some(edit)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]
    /// Random sequences of edits, undos and redos leave the data worked
    /// out incrementally (findings, roll-ups, layout, scene, the coarse
    /// mesh and the overview) equal to the data worked out anew.
    #[test]
    fn incremental_derived_data_equals_a_full_rebuild(
        ops in proptest::collection::vec((0u8..17, 0usize..200, 0u8..=255), 1..24)
    ) {
        let ctx = egui::Context::default();
        let v = View { compliance: true, ..view() };
        let mut doc = Document::new(crate::testing::hotel());
        doc.view(v).1.overview(&ctx, [300, 100]);
        for (kind, i, x) in ops {
            match kind {
                15 => { doc.undo(); }
                16 => { doc.redo(); }
                _ => {
                    if let Some(e) = random_edit(doc.blueprint(), kind, i, x) {
                        let step = if x % 2 == 0 { Step::New } else { Step::Burst };
                        let _ = doc.apply(vec![e], step);
                    }
                }
            }
            let (bp, derived) = doc.view(v);
            let fresh = Derived::new(bp, v);
            proptest::prop_assert_eq!(&derived.findings, &fresh.findings);
            proptest::prop_assert_eq!(derived.met, fresh.met);
            proptest::prop_assert_eq!(derived.standards, fresh.standards);
            proptest::prop_assert_eq!(&derived.layout, &fresh.layout);
            proptest::prop_assert_eq!(scene::difference(&derived.scene, &fresh.scene), None);
            derived.refresh_coarse();
            let made = crate::render::egui::coarse_mesh(&fresh.scene);
            proptest::prop_assert!(same_mesh(derived.coarse(), &made));
            derived.overview(&ctx, [300, 100]);
            let painted = &derived.overview.as_ref().unwrap().image;
            proptest::prop_assert_eq!(
                painted,
                &crate::render::egui::overview_image(&fresh.scene, 300, 100)
            );
        }
        let mut out = ctx.run_ui(Default::default(), |_| {});
        out.textures_delta.clear();
    }
}

/// The coarse mesh is made again after edits that add to it, equal to
/// one made anew, in the memory it had; on the screen, it is made again
/// after an edit and kept while the view stands still.
#[test]
fn the_coarse_mesh_after_an_edit_is_refilled_in_place() {
    let hotel = crate::testing::hotel();
    let mut doc = Document::new(hotel);
    let (_, derived) = doc.view(view());
    let t = UiFromScene {
        origin: egui::pos2(-40.0, 12.5),
        zoom: 0.1,
    };
    derived.coarse_on_screen(t);
    let before = derived.coarse().unwrap().clone();
    let memory = derived.coarse().unwrap().vertices.as_ptr();
    // Wait points: each card gets a wait marker, a filled pill, and
    // no card moves.
    let bp = doc.blueprint();
    let plain: Vec<usize> = (0..bp.touchpoints.len())
        .filter(|&i| !bp.touchpoints[i].wait_point)
        .take(3)
        .collect();
    assert_eq!(plain.len(), 3);
    for i in plain {
        let mut tp = doc.blueprint().touchpoints[i].clone();
        tp.wait_point = true;
        doc.apply(vec![Edit::SetTouchpoint(tp)], Step::Burst)
            .unwrap();
        assert!(matches!(doc.pending, Footprint::Touchpoints(_)));
        let (bp, derived) = doc.view(view());
        assert!(derived.coarse().is_none(), "a stale mesh is not drawn");
        derived.refresh_coarse();
        let fresh = Derived::new(bp, view());
        let made = crate::render::egui::coarse_mesh(&fresh.scene);
        assert_eq!(derived.coarse(), Some(&made));
        assert_eq!(derived.coarse().unwrap().vertices.as_ptr(), memory);
        // On the screen: made again for the edit, then kept while the
        // view stands still.
        let shown = derived.coarse_on_screen(t);
        let at = |v: &egui::epaint::Vertex| t.origin + v.pos.to_vec2() * t.zoom;
        assert_eq!(shown.indices, made.indices);
        assert!(
            shown
                .vertices
                .iter()
                .zip(&made.vertices)
                .all(|(s, m)| { s.pos == at(m) && s.color == m.color && s.uv == m.uv })
        );
        assert!(Arc::ptr_eq(&shown, &derived.coarse_on_screen(t)));
    }
    let (_, derived) = doc.view(view());
    let after = derived.coarse().unwrap();
    assert_eq!(after.vertices.len(), before.vertices.len() + 3 * 4);
}

/// On a document large enough to split its work over threads (checks beside
/// the layout, the cards in halves, unchanged cards taken over from the
/// scene before), structural edits leave the derived data equal to the data
/// worked out anew.
#[test]
fn structural_edits_on_a_large_document_derive_what_a_full_rebuild_does() {
    use crate::model::{Step as ModelStep, StepId, Touchpoint};
    let new_step = |name: &str| ModelStep {
        id: StepId::generate(),
        name: name.to_owned(),
        duration_min: None,
    };
    let bp = crate::templates::synthetic(crate::parallel::PARALLEL_FROM + 500);
    let mut doc = Document::new(bp);
    let ctx = egui::Context::default();
    // The frame drew the coarse mesh and the overview: they are made again
    // with the scene.
    let derived = doc.view(view()).1;
    derived.refresh_coarse();
    derived.overview(&ctx, [300, 100]);
    let lane = doc.blueprint().lanes[1].id.clone();
    let step = doc.blueprint().stages[0].steps[0].id.clone();
    let stage = doc.blueprint().stages[1].id.clone();
    let last = doc.blueprint().touchpoints.last().unwrap().id.clone();
    let edits = [
        Edit::AddTouchpoint(Touchpoint::new(lane.clone(), step.clone(), "New")),
        Edit::AddStep {
            stage: stage.clone(),
            step: new_step("Added"),
        },
        Edit::InsertStep {
            stage,
            index: 0,
            step: new_step("Inserted"),
        },
        Edit::MoveTouchpoint {
            id: last.clone(),
            lane,
            step: step.clone(),
        },
        Edit::DeleteTouchpoints(vec![last]),
    ];
    for edit in edits {
        let memory = doc.view(view()).1.coarse().unwrap().vertices.as_ptr();
        doc.apply(vec![edit], Step::New).unwrap();
        let (bp, derived) = doc.view(view());
        // Made again in the memory of the mesh before the edit.
        assert_eq!(derived.coarse().unwrap().vertices.as_ptr(), memory);
        let fresh = Derived::new(bp, view());
        assert_eq!(derived.findings, fresh.findings);
        assert_eq!(derived.layout, fresh.layout);
        assert_eq!(scene::difference(&derived.scene, &fresh.scene), None);
        assert!(derived.coarse().is_some(), "made beside the scene");
        let made = crate::render::egui::coarse_mesh(&fresh.scene);
        assert!(same_mesh(derived.coarse(), &made));
        derived.overview(&ctx, [300, 100]);
        let painted = &derived.overview.as_ref().unwrap().image;
        assert_eq!(
            painted,
            &crate::render::egui::overview_image(&fresh.scene, 300, 100)
        );
    }
    let mut out = ctx.run_ui(Default::default(), |_| {});
    out.textures_delta.clear();
}

/// The checks are made for the view's day: an improvement action falls
/// overdue when the day after its due date comes, the document unchanged.
#[test]
fn an_action_falls_overdue_when_its_day_passes_with_the_document_open() {
    let bp = crate::testing::hotel();
    let due = bp.actions[0]
        .due
        .expect("the hotel's first action has a date");
    let mut doc = Document::new(bp);
    let on = |day: crate::model::Date| View {
        today: day,
        ..view()
    };
    let overdue = |doc: &mut Document, v: View| {
        let findings = &doc.view(v).1.findings;
        findings
            .iter()
            .filter(|f| f.rule == "action-overdue")
            .count()
    };
    assert_eq!(overdue(&mut doc, on(due)), 0);
    let next = crate::model::Date::new(due.year, due.month + 1, 1).unwrap();
    assert_eq!(overdue(&mut doc, on(next)), 1);
}
