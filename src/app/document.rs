//! The open document: its blueprint, its undo history and its file, the one
//! place where edits are applied, and one cache of what is derived from it
//! (findings, compliance, layout, scene), worked out once per revision.

use crate::check::{self, Finding};
use crate::edit::{self, Change, Edit, EditError, Footprint, History};
use crate::i18n::Msg;
use crate::layout::{self, Layout};
use crate::model::{Blueprint, Language};
use crate::recovery::FileStamp;
use crate::render::egui::{SceneIndex, UiFromScene};
use crate::scene::{self, Overlay, Scene, Theme};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

/// How an edit joins the undo history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A step of its own: a command, a click.
    New,
    /// Part of the open burst of typing or dragging, which is one step.
    Burst,
}

/// The open document and its history.
pub struct Document {
    /// Shared with work in the background (an export, a recovery copy),
    /// which holds the document as it was when it started: an edit while
    /// such work runs copies the blueprint once ([`Arc::make_mut`]).
    blueprint: Arc<Blueprint>,
    history: History,
    path: Option<PathBuf>,
    /// The file it was read from when that is not where it saves (an
    /// exported PNG, SVG or PDF): Save suggests its name with `.servuction`.
    origin: Option<PathBuf>,
    /// Bumped at every change; compared with `saved_revision` for the
    /// unsaved-changes mark.
    revision: u64,
    /// This document among those the editor has had (a new or opened
    /// document starts at revision 0 again).
    serial: u64,
    saved_revision: u64,
    stamp: Option<FileStamp>,
    /// An undo step is open for a burst of typing or a drag.
    burst_open: bool,
    /// What changed since the derived data was last worked out.
    pending: Footprint,
    derived: Option<Derived>,
}

impl Document {
    /// A document not yet saved anywhere.
    pub fn new(blueprint: Blueprint) -> Self {
        Self {
            blueprint: Arc::new(blueprint),
            history: History::default(),
            path: None,
            origin: None,
            revision: 0,
            serial: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
            saved_revision: 0,
            stamp: None,
            burst_open: false,
            pending: Footprint::Everything,
            derived: None,
        }
    }

    /// A document read from a file.
    pub fn opened(blueprint: Blueprint, path: Option<&Path>) -> Self {
        let mut doc = Self::new(blueprint);
        doc.path = path.map(Path::to_owned);
        doc.stamp = path.and_then(FileStamp::of);
        doc
    }

    pub fn blueprint(&self) -> &Blueprint {
        &self.blueprint
    }

    /// The document as it is now, for work in the background: costs a
    /// reference count; the next edit makes the document its own copy.
    pub fn snapshot(&self) -> Arc<Blueprint> {
        Arc::clone(&self.blueprint)
    }

    /// The file it was opened from or saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// A document read from a file it is not saved to (a PNG).
    pub fn imported(blueprint: Blueprint, origin: &Path) -> Self {
        let mut doc = Self::new(blueprint);
        doc.origin = Some(origin.to_owned());
        doc
    }

    /// Where Save suggests writing: the file, or beside the one it came from.
    pub fn suggested_place(&self) -> Option<PathBuf> {
        self.path.clone().or_else(|| {
            self.origin
                .as_ref()
                .map(|p| p.with_extension(crate::format::EXTENSION))
        })
    }

    /// Takes the file's state as another editor last saw it (a restored
    /// recovery copy), so that a save over a file changed since asks first.
    pub fn set_stamp(&mut self, stamp: Option<FileStamp>) {
        self.stamp = stamp;
    }

    /// The file's state when it was last read or written here.
    pub fn stamp(&self) -> Option<&FileStamp> {
        self.stamp.as_ref()
    }

    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// This document and its revision: what data worked out from the
    /// document depends on (another document starts at revision 0 too).
    pub fn version(&self) -> (u64, u64) {
        (self.serial, self.revision)
    }

    /// Whether there are changes not saved.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// Marks the document as holding changes not saved (a restored copy).
    pub fn mark_unsaved(&mut self) {
        self.revision += 1;
    }

    /// Forgets the unsaved changes' mark (the user chose to discard them).
    pub fn forget_changes(&mut self) {
        self.saved_revision = self.revision;
    }

    /// Records that the document was saved to `path`.
    pub fn saved_to(&mut self, path: &Path) {
        self.path = Some(path.to_owned());
        self.stamp = FileStamp::of(path);
        self.saved_revision = self.revision;
        self.burst_open = false;
    }

    /// The file name shown in the title, or "Untitled".
    pub fn name(&self, lang: Language) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || Msg::Untitled.text(lang).to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Applies edits as one undo step (or as part of the open burst), all or
    /// nothing. This is the only way the document changes, besides undo and
    /// redo.
    pub fn apply(&mut self, edits: Vec<Edit>, step: Step) -> Result<(), EditError> {
        let mut change = Change::default();
        let bp = Arc::make_mut(&mut self.blueprint);
        for e in edits {
            match edit::apply(bp, e) {
                Ok(c) => change.merge(c),
                Err(err) => {
                    change.revert(bp);
                    return Err(err);
                }
            }
        }
        let footprint = change.footprint(&self.blueprint);
        if footprint == Footprint::None {
            return Ok(());
        }
        match step {
            Step::Burst if self.burst_open => self.history.extend_last(change),
            Step::Burst => {
                self.history.record(change);
                self.burst_open = true;
            }
            Step::New => {
                self.history.record(change);
                self.burst_open = false;
            }
        }
        self.changed(footprint);
        Ok(())
    }

    /// Ends the open burst: the next typing is a step of its own.
    pub fn end_burst(&mut self) {
        self.burst_open = false;
    }

    pub fn burst_open(&self) -> bool {
        self.burst_open
    }

    /// Goes back one step; false if there is none.
    pub fn undo(&mut self) -> bool {
        self.burst_open = false;
        if !self.history.can_undo() {
            return false;
        }
        match self.history.undo(Arc::make_mut(&mut self.blueprint)) {
            Some(fp) => {
                self.changed(fp);
                true
            }
            None => false,
        }
    }

    /// Goes forward one step; false if there is none.
    pub fn redo(&mut self) -> bool {
        self.burst_open = false;
        if !self.history.can_redo() {
            return false;
        }
        match self.history.redo(Arc::make_mut(&mut self.blueprint)) {
            Some(fp) => {
                self.changed(fp);
                true
            }
            None => false,
        }
    }

    fn changed(&mut self, footprint: Footprint) {
        self.revision += 1;
        self.pending = match (
            std::mem::replace(&mut self.pending, Footprint::None),
            footprint,
        ) {
            (Footprint::None, f) | (f, Footprint::None) => f,
            (Footprint::Touchpoints(mut a), Footprint::Touchpoints(b)) => {
                a.extend(b);
                a.sort_unstable();
                a.dedup();
                Footprint::Touchpoints(a)
            }
            _ => Footprint::Everything,
        };
    }

    /// The blueprint and what is derived from it for this view, worked out
    /// again only for what changed since it was last asked for.
    pub fn view(&mut self, view: View) -> (&Blueprint, &mut Derived) {
        let pending = std::mem::replace(&mut self.pending, Footprint::None);
        let stale = match &self.derived {
            Some(d) if d.view == view => pending,
            _ => Footprint::Everything,
        };
        match (stale, self.derived.take()) {
            (Footprint::None, Some(d)) => self.derived = Some(d),
            (Footprint::Touchpoints(changed), Some(mut d)) => {
                d.update_cards(&self.blueprint, &changed);
                self.derived = Some(d);
            }
            _ => self.derived = Some(Derived::new(&self.blueprint, view)),
        }
        let derived = self
            .derived
            .get_or_insert_with(|| Derived::new(&self.blueprint, view));
        (&self.blueprint, derived)
    }

    /// The derived data if it is up to date for `view`, without working it out.
    pub fn derived_if_fresh(&self, view: View) -> Option<&Derived> {
        self.derived
            .as_ref()
            .filter(|d| d.view == view && self.pending == Footprint::None)
    }
}

/// What the derived data depends on besides the document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct View {
    pub lang: Language,
    pub dark: bool,
    /// Cards tinted by the compliance of their standards.
    pub compliance: bool,
    /// Cards with health-check findings carry a marker (not while presenting).
    pub problems: bool,
    /// The customer's-feeling chart (a view option; the blueprint may hide
    /// it for every view).
    pub emotion_curve: bool,
}

impl View {
    pub fn theme(self) -> Theme {
        if self.dark { Theme::DARK } else { Theme::LIGHT }
    }
}

/// What the editor lays over the diagram in this view.
fn overlay_for(bp: &Blueprint, findings: &[Finding], view: View) -> Overlay {
    let mut overlay = if view.problems {
        Overlay::with_findings(bp, findings)
    } else {
        Overlay::default()
    };
    overlay.compliance_view = view.compliance;
    overlay
}

/// Everything worked out from one revision of the document.
pub struct Derived {
    view: View,
    /// The health checks' findings.
    pub findings: Rc<Vec<Finding>>,
    /// Standards met, of how many.
    pub met: usize,
    pub standards: usize,
    pub layout: Layout,
    overlay: Overlay,
    pub scene: Scene,
    /// The scene's items by vertical strips, for culling.
    pub index: SceneIndex,
    /// The scene's rectangles as one mesh, for the coarse level of detail;
    /// made when first needed ([`Derived::refresh_coarse`]), and made again
    /// in the same memory after an edit.
    coarse: egui::Mesh,
    /// Whether `coarse` is the scene's as it is now.
    coarse_fresh: bool,
    /// `coarse` on the screen, and where the view stood when it was put
    /// there: kept while the view does not move, so a frame does not copy
    /// the mesh.
    coarse_screen: (Option<UiFromScene>, Arc<egui::Mesh>),
    /// The overview picture, made when first needed and again after every
    /// change of the scene (see [`Derived::overview`]).
    overview: Option<Overview>,
}

/// The overview picture on the GPU, the picture itself (small), and whether
/// it is the scene's as it is now.
struct Overview {
    texture: egui::TextureHandle,
    image: egui::ColorImage,
    fresh: bool,
}

impl Derived {
    fn new(bp: &Blueprint, view: View) -> Self {
        let options = layout::Options {
            emotion_curve: view.emotion_curve,
            ..layout::Options::default()
        };
        let layout = layout::layout(bp, options);
        let findings = check::check(bp);
        let overlay = overlay_for(bp, &findings, view);
        let scene = scene::scene_with(bp, &layout, &view.theme(), view.lang, &overlay);
        let index = SceneIndex::new(&scene);
        let rollup = check::compliance_of_blueprint(bp);
        Self {
            view,
            findings: Rc::new(findings),
            met: rollup.met,
            standards: rollup.total(),
            layout,
            overlay,
            scene,
            index,
            coarse: egui::Mesh::default(),
            coarse_fresh: false,
            coarse_screen: (None, Arc::default()),
            overview: None,
        }
    }

    /// The overview picture of the scene as it is now, `size` pixels:
    /// painted again (into the same texture) only when the scene or the
    /// size changed since it was last painted.
    pub fn overview(&mut self, ctx: &egui::Context, size: [usize; 2]) -> &egui::TextureHandle {
        let stale = self
            .overview
            .as_ref()
            .is_none_or(|o| !o.fresh || o.image.size != size);
        if stale {
            let image = crate::render::egui::overview_image(&self.scene, size[0], size[1]);
            match &mut self.overview {
                Some(o) => {
                    o.texture.set(image.clone(), egui::TextureOptions::LINEAR);
                    o.image = image;
                    o.fresh = true;
                }
                None => {
                    let texture =
                        ctx.load_texture("overview", image.clone(), egui::TextureOptions::LINEAR);
                    self.overview = Some(Overview {
                        texture,
                        image,
                        fresh: true,
                    });
                }
            }
        }
        #[expect(clippy::expect_used, reason = "made just above")]
        &self
            .overview
            .as_ref()
            .expect("the overview was made")
            .texture
    }

    /// Makes the coarse mesh the scene's as it is now, if it is not.
    pub fn refresh_coarse(&mut self) {
        if !self.coarse_fresh {
            crate::render::egui::fill_coarse_mesh(&self.scene, &mut self.coarse);
            self.coarse_fresh = true;
            self.coarse_screen.0 = None;
        }
    }

    /// The coarse mesh, if it is the scene's as it is now.
    pub fn coarse(&self) -> Option<&egui::Mesh> {
        self.coarse_fresh.then_some(&self.coarse)
    }

    /// The coarse mesh as the scene is now, on the screen as the view `t`
    /// stands: made again only when the scene or the view has changed.
    pub fn coarse_on_screen(&mut self, t: UiFromScene) -> Arc<egui::Mesh> {
        self.refresh_coarse();
        let (at, mesh) = &mut self.coarse_screen;
        if *at != Some(t) {
            crate::render::egui::mesh_on_screen(&self.coarse, t, mesh);
            *at = Some(t);
        }
        Arc::clone(mesh)
    }

    /// Brings the data up to date after edits of these touchpoints' own
    /// fields (by index), which moved no card: the findings again, the
    /// cards whose look changed redrawn in place.
    fn update_cards(&mut self, bp: &Blueprint, changed: &[usize]) {
        let findings = check::check(bp);
        let overlay = overlay_for(bp, &findings, self.view);
        // Cards whose problem marker came or went change too.
        let mut touchpoints: Vec<usize> = changed.to_vec();
        for (id, error) in overlay.flagged.iter() {
            if self.overlay.flagged.get(id) != Some(error)
                && let Some(c) = self.layout.card(id)
            {
                touchpoints.push(c.index);
            }
        }
        for id in self.overlay.flagged.keys() {
            if !overlay.flagged.contains_key(id)
                && let Some(c) = self.layout.card(id)
            {
                touchpoints.push(c.index);
            }
        }
        let cards: Vec<usize> = touchpoints
            .iter()
            .filter_map(|&i| bp.touchpoints.get(i))
            .filter_map(|tp| self.layout.card_index(&tp.id))
            .collect();
        let shifted = scene::rebuild_cards(
            &mut self.scene,
            bp,
            &self.layout,
            &self.view.theme(),
            self.view.lang,
            &overlay,
            &cards,
        );
        if shifted {
            self.index = SceneIndex::new(&self.scene);
        }
        self.coarse_fresh = false;
        if let Some(o) = &mut self.overview {
            o.fresh = false;
        }
        self.overlay = overlay;
        self.findings = Rc::new(findings);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view() -> View {
        View {
            lang: Language::En,
            dark: false,
            compliance: false,
            problems: true,
            emotion_curve: true,
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
            tp.fail_point = !tp.fail_point;
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
        let edit = match kind % 12 {
            0 => {
                let mut t = tp?;
                t.fail_point = !t.fail_point;
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
            ops in proptest::collection::vec((0u8..14, 0usize..200, 0u8..=255), 1..24)
        ) {
            let ctx = egui::Context::default();
            let v = View { compliance: true, ..view() };
            let mut doc = Document::new(crate::testing::hotel());
            doc.view(v).1.overview(&ctx, [300, 100]);
            for (kind, i, x) in ops {
                match kind {
                    12 => { doc.undo(); }
                    13 => { doc.redo(); }
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
                proptest::prop_assert_eq!(&derived.scene, &fresh.scene);
                derived.refresh_coarse();
                let made = crate::render::egui::coarse_mesh(&fresh.scene);
                proptest::prop_assert_eq!(derived.coarse(), Some(&made));
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
}
