//! The open document: its blueprint, its undo history and its file, the one
//! place where edits are applied, and one cache of what is derived from it
//! (findings, compliance, layout, scene), worked out once per revision.

use crate::check::{self, Finding};
use crate::edit::{self, Edit, EditError, Footprint, History};
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
    /// The export last chosen in File → Export…, and where it went.
    export: Option<crate::app::export_dialog::ExportChoice>,
    export_path: Option<PathBuf>,
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
            export: None,
            export_path: None,
        }
    }

    /// The export last chosen in File → Export… for this document.
    pub fn export_choice(&self) -> Option<crate::app::export_dialog::ExportChoice> {
        self.export
    }

    pub fn set_export_choice(&mut self, choice: crate::app::export_dialog::ExportChoice) {
        self.export = Some(choice);
    }

    /// Where this document was last exported from File → Export….
    pub fn export_path(&self) -> Option<&Path> {
        self.export_path.as_deref()
    }

    pub fn set_export_path(&mut self, path: PathBuf) {
        self.export_path = Some(path);
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
        self.saved_at(path, self.revision);
    }

    /// Records that the document as it was at `revision` was saved to
    /// `path` (in the background: changes made since are still unsaved).
    pub fn saved_at(&mut self, path: &Path, revision: u64) {
        self.path = Some(path.to_owned());
        self.stamp = FileStamp::of(path);
        self.saved_revision = revision;
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
        // One transaction, checked once (a paste is many edits).
        let change = edit::apply_all(Arc::make_mut(&mut self.blueprint), edits)?;
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
            (_, old) => {
                // The old data goes with the new made: a large scene's
                // memory is given back off the frame.
                let mut old = old.filter(|d| d.view == view);
                self.derived = Some(Derived::after(&self.blueprint, view, old.as_mut()));
                if let Some(old) = old {
                    old.discard();
                }
            }
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
    /// The day the checks are made for: an improvement action falls overdue
    /// when it passes, in a window left open overnight too.
    pub today: crate::model::Date,
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
    /// How each title fits on its card, carried over to the next edit.
    fits: layout::title::Fits,
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
    /// The overview picture of this scene, painted beside its index at the
    /// size the last one had, for [`Derived::overview`] to show.
    next_overview: Option<egui::ColorImage>,
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
        Self::after(bp, view, None)
    }

    /// [`Derived::new`], taking over from `previous` (the same view's data
    /// before an edit) the cards of the scene that did not change, and
    /// making beside the scene's index what `previous` had made for the
    /// frame: the coarse mesh and the overview picture.
    fn after(bp: &Blueprint, view: View, mut previous: Option<&mut Derived>) -> Self {
        // The coarse mesh is made again in the memory of the one before.
        let wants_coarse = previous.as_ref().is_some_and(|d| d.coarse_fresh);
        let mut coarse = previous
            .as_mut()
            .map(|d| std::mem::take(&mut d.coarse))
            .unwrap_or_default();
        let previous = previous.map(|d| &*d);
        let options = layout::Options {
            emotion_curve: view.emotion_curve,
            ..layout::Options::default()
        };
        // How the titles fit on their cards, for the layout and the checks:
        // measured only for the titles the edit changed.
        let fits = layout::title::Fits::of(bp, previous.map(|d| &d.fits));
        // The health checks and the layout do not depend on each other: on
        // a large document they run side by side, and the scene waits for
        // both (its markers show findings).
        let checks = || {
            let findings = check::check_with(bp, view.today, Some(&fits));
            let overlay = overlay_for(bp, &findings, view);
            (findings, overlay, check::compliance_of_blueprint(bp))
        };
        let (layout, (findings, overlay, rollup)) = crate::parallel::both(
            bp.touchpoints.len(),
            || layout::layout_with(bp, options, &fits),
            checks,
        );
        let before = previous.map(|d| scene::Previous {
            scene: &d.scene,
            layout: &d.layout,
        });
        let scene = scene::scene_after(bp, &layout, &view.theme(), view.lang, &overlay, before);
        let n = bp.touchpoints.len();
        let overview_size = previous.and_then(|d| d.overview.as_ref().map(|o| o.image.size));
        let (index, (coarse_fresh, next_overview)) = crate::parallel::both(
            n,
            || SceneIndex::new(&scene),
            || {
                crate::parallel::both(
                    n,
                    || {
                        if wants_coarse {
                            crate::render::egui::fill_coarse_mesh(&scene, &mut coarse);
                        }
                        wants_coarse
                    },
                    || {
                        overview_size
                            .map(|[w, h]| crate::render::egui::overview_image(&scene, w, h))
                    },
                )
            },
        );
        Self {
            view,
            findings: Rc::new(findings),
            met: rollup.met_or_exceeded(),
            standards: rollup.total(),
            layout,
            fits,
            overlay,
            scene,
            index,
            coarse_fresh,
            coarse,
            coarse_screen: (None, Arc::default()),
            overview: None,
            next_overview,
        }
    }

    /// Drops this data, its large parts on another thread.
    fn discard(self) {
        crate::parallel::drop_later((
            self.layout,
            self.scene,
            self.index,
            self.coarse,
            self.overlay,
        ));
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
            let image = match self.next_overview.take() {
                Some(image) if image.size == size => image,
                _ => crate::render::egui::overview_image(&self.scene, size[0], size[1]),
            };
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
        let findings = check::check_on(bp, self.view.today);
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
        self.next_overview = None;
        self.overlay = overlay;
        self.findings = Rc::new(findings);
    }
}

#[cfg(test)]
#[path = "document_tests.rs"]
mod tests;
