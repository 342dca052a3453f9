//! The desktop editor: an eframe app that edits a blueprint through
//! [`crate::edit`], draws it with the shared layout and scene, and reads and
//! writes files through [`crate::format`].

mod canvas;
pub mod command;
mod files;
mod inspector;
pub mod present;

pub use command::UiCommand;
pub use files::native_dialogs_available;

use crate::edit::{Edit, History, apply};
use crate::i18n::Msg;
use crate::model::*;
use crate::recovery::{FileStamp, RecoveryStore};
use std::path::{Path, PathBuf};

/// The open document and its history.
pub struct Document {
    pub blueprint: Blueprint,
    pub history: History,
    pub path: Option<PathBuf>,
    /// Bumped at every change; compared with `saved_revision` for the
    /// unsaved-changes mark.
    pub revision: u64,
    /// Tells documents apart for caches: every new document has its own.
    pub serial: u64,
    saved_revision: u64,
    stamp: Option<FileStamp>,
}

impl Document {
    /// A document not yet saved anywhere.
    pub fn new(blueprint: Blueprint) -> Self {
        static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let serial = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Self {
            blueprint,
            history: History::default(),
            path: None,
            revision: 0,
            serial,
            saved_revision: 0,
            stamp: None,
        }
    }

    /// Whether there are changes not saved.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// The file name shown in the title, or "Untitled".
    pub fn name(&self, lang: Language) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || Msg::Untitled.text(lang).to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// Something the UI asked for, applied after the UI pass.
#[derive(Clone, Debug)]
pub enum Action {
    /// A discrete edit: one undo step of its own.
    Edit(Edit),
    /// An edit from typing or dragging a value: one undo step per burst.
    Typing(Edit),
    Command(UiCommand),
    Select(Vec<TouchpointId>),
    NewFrom(&'static str),
    OpenPath(PathBuf),
    /// Adds a touchpoint in a cell, selects it and focuses its title.
    AddTouchpointAt {
        lane: LaneId,
        step: StepId,
    },
    /// Pastes clipboard text: touchpoints copied here or in another window.
    Paste(String),
    /// Selects a touchpoint and brings it into view.
    Show(TouchpointId),
    /// A participant's dot on a touchpoint or a note, while voting.
    VoteTouchpoint(TouchpointId),
    VoteNote(NoteId),
}

/// A modal dialog on screen.
#[derive(Clone, Debug)]
enum Dialog {
    /// The app's own path entry, when no native dialog is available.
    Path {
        purpose: files::Purpose,
        text: String,
    },
    /// Unsaved changes would be lost by `then`.
    Unsaved {
        then: Then,
    },
    /// The file changed on disk since it was opened.
    ChangedOnDisk {
        path: PathBuf,
    },
    Recover {
        entries: Vec<crate::recovery::RecoveryEntry>,
    },
    Shortcuts,
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug)]
enum Then {
    Close,
    NewFrom(&'static str),
    Open(Option<PathBuf>),
}

/// A message in the status bar.
#[derive(Clone, Debug)]
struct Notice {
    text: String,
    error: bool,
}

/// The editor.
pub struct EditorApp {
    pub doc: Document,
    pub lang: Language,
    pub dark: bool,
    pub selection: Vec<TouchpointId>,
    canvas: canvas::CanvasState,
    inspector: inspector::InspectorState,
    dialog: Option<Dialog>,
    files: files::Files,
    notice: Option<Notice>,
    recent: Vec<PathBuf>,
    /// An undo step is open for a burst of typing or a drag.
    burst_open: bool,
    allow_close: bool,
    recovery: Option<RecoveryStore>,
    recovery_key: String,
    last_autosave: f64,
    autosaved_revision: u64,
    focus_title: bool,
    fonts_installed: bool,
    last_title: String,
    /// Health checks and compliance of the document, worked out again only
    /// when it changes: (serial, revision, problems, met, standards).
    summary: Option<(u64, u64, usize, usize, usize)>,
    /// The health checks' findings for (serial, revision).
    findings: Option<(u64, u64, std::rc::Rc<Vec<crate::check::Finding>>)>,
    /// The Problems panel is open.
    pub show_problems: bool,
    /// Presentation mode, when on.
    pub presenting: Option<present::Presentation>,
    /// A text field had the keyboard at the end of the last frame (egui
    /// drops the focus on Escape before the frame's widgets run).
    typed_last_frame: bool,
    /// The screens connected, in the order the windowing system gives them
    /// (empty when it tells nothing, as in tests until they set it).
    pub screens: Vec<present::Screen>,
    /// When the screens were last asked for, on the UI clock.
    screens_asked: f64,
    /// The screen to present on, by name; `None`: the window's own screen.
    pub present_screen: Option<String>,
}

/// Preferences kept between runs.
#[derive(serde::Serialize, serde::Deserialize, Default)]
struct Prefs {
    lang: Option<Language>,
    dark: bool,
    recent: Vec<PathBuf>,
    #[serde(default)]
    present_screen: Option<String>,
}

const PREFS_KEY: &str = "servuction-prefs";
/// How often a recovery copy is written while there are unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// The language of the system locale, English if it is not Spanish.
pub fn system_language() -> Language {
    ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty() && v != "C" && v != "C.UTF-8" && v != "POSIX")
        .and_then(|v| Language::from_code(&v))
        .unwrap_or(Language::En)
}

impl EditorApp {
    /// An editor on a blueprint; `recovery` is where recovery copies go.
    pub fn new(blueprint: Blueprint, recovery: Option<RecoveryStore>) -> Self {
        let lang = system_language();
        Self {
            doc: Document::new(blueprint),
            lang,
            dark: false,
            selection: Vec::new(),
            canvas: canvas::CanvasState::default(),
            inspector: inspector::InspectorState::default(),
            dialog: None,
            files: files::Files::new(native_dialogs_available()),
            notice: None,
            recent: Vec::new(),
            burst_open: false,
            allow_close: false,
            recovery,
            recovery_key: crate::recovery::new_key(),
            last_autosave: 0.0,
            autosaved_revision: 0,
            focus_title: false,
            fonts_installed: false,
            last_title: String::new(),
            summary: None,
            findings: None,
            show_problems: true,
            presenting: None,
            typed_last_frame: false,
            screens: Vec::new(),
            screens_asked: f64::NEG_INFINITY,
            present_screen: None,
        }
    }

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Sets the canvas' zoom and the screen offset of the diagram's origin.
    pub fn set_view(&mut self, zoom: f32, pan: egui::Vec2) {
        self.canvas.zoom = zoom;
        self.canvas.pan = pan;
        self.canvas.fit_pending = false;
        self.canvas.fitted = false;
    }

    /// Zooms the canvas to fit the whole diagram at the next frame.
    pub fn zoom_to_fit(&mut self) {
        self.canvas.fit_pending = true;
    }

    /// Uses the app's own path entry instead of native file dialogs (tests,
    /// and systems without a dialog service).
    pub fn without_native_dialogs(mut self) -> Self {
        self.files = files::Files::new(false);
        self
    }

    /// The editor as the `servuction` command starts it: on a file, or on
    /// the blank template; offering to recover work a crash left behind.
    pub fn start(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let recovery = RecoveryStore::in_user_data_dir().ok();
        let mut app = Self::new(crate::templates::blank(system_language()), recovery);
        if let Some(storage) = cc.storage
            && let Some(prefs) = eframe::get_value::<Prefs>(storage, PREFS_KEY)
        {
            app.lang = prefs.lang.unwrap_or(app.lang);
            app.dark = prefs.dark;
            app.recent = prefs.recent;
            app.present_screen = prefs.present_screen;
        }
        app.doc = Document::new(crate::templates::blank(app.lang));
        if let Some(path) = file {
            app.open_path(&path);
        }
        app.offer_recovery();
        app
    }

    /// Offers to restore recovery copies that a crash or a kill left behind.
    pub fn offer_recovery(&mut self) {
        if let Some(store) = &self.recovery {
            let entries = store.list();
            if !entries.is_empty() {
                self.dialog = Some(Dialog::Recover { entries });
            }
        }
    }

    fn t(&self, m: Msg) -> &'static str {
        m.text(self.lang)
    }

    fn notify(&mut self, text: String, error: bool) {
        self.notice = Some(Notice { text, error });
    }

    /// Applies an edit as one undo step.
    pub fn edit(&mut self, edit: Edit) {
        self.burst_open = false;
        let before = self.doc.blueprint.clone();
        match apply(&mut self.doc.blueprint, edit) {
            Ok(()) => {
                self.doc.history.record(before);
                self.doc.revision += 1;
            }
            Err(e) => self.notify(e.to_string(), true),
        }
    }

    /// Applies an edit that belongs to the current burst of typing or dragging.
    fn typing(&mut self, edit: Edit) {
        let before = self.doc.blueprint.clone();
        match apply(&mut self.doc.blueprint, edit) {
            Ok(()) => {
                if !self.burst_open {
                    self.doc.history.record(before);
                    self.burst_open = true;
                }
                self.doc.revision += 1;
            }
            Err(e) => self.notify(e.to_string(), true),
        }
    }

    pub fn undo(&mut self) {
        self.burst_open = false;
        if self.doc.history.undo(&mut self.doc.blueprint) {
            self.doc.revision += 1;
            self.prune_selection();
        }
    }

    pub fn redo(&mut self) {
        self.burst_open = false;
        if self.doc.history.redo(&mut self.doc.blueprint) {
            self.doc.revision += 1;
            self.prune_selection();
        }
    }

    fn prune_selection(&mut self) {
        let bp = &self.doc.blueprint;
        self.selection.retain(|id| bp.touchpoint(id).is_some());
    }

    /// Replaces the document (after any unsaved changes were dealt with).
    fn replace_document(&mut self, doc: Document) {
        if let Some(store) = &self.recovery {
            store.discard(&self.recovery_key);
        }
        self.doc = doc;
        self.selection.clear();
        self.burst_open = false;
        self.canvas.fit_pending = true;
        self.autosaved_revision = self.doc.revision;
    }

    /// Opens a file; on failure the current document stays as it was.
    pub fn open_path(&mut self, path: &Path) {
        match crate::format::read(path) {
            Ok(bp) => {
                let mut doc = Document::new(bp);
                // A PNG re-opens as a document to be saved as JSON.
                let is_png = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("png"));
                if !is_png {
                    doc.path = Some(path.to_owned());
                    doc.stamp = FileStamp::of(path);
                }
                self.replace_document(doc);
                self.remember(path);
                self.notice = None;
            }
            Err(e) => {
                let msg = Msg::OpenFailed.fill(self.lang, &[&path.display(), &e]);
                self.notify(msg, true);
            }
        }
    }

    fn remember(&mut self, path: &Path) {
        let p = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|r| r != &p);
        self.recent.insert(0, p);
        self.recent.truncate(10);
    }

    /// Saves to a path; reports failure in the window, keeping the document.
    pub fn save_to(&mut self, path: &Path, overwrite_changed: bool) -> bool {
        self.burst_open = false;
        if !overwrite_changed
            && self.doc.path.as_deref() == Some(path)
            && self.doc.stamp.is_some()
            && FileStamp::of(path) != self.doc.stamp
        {
            self.dialog = Some(Dialog::ChangedOnDisk {
                path: path.to_owned(),
            });
            return false;
        }
        match crate::recovery::save_with_backup(path, &self.doc.blueprint) {
            Ok(()) => {
                self.doc.path = Some(path.to_owned());
                self.doc.stamp = FileStamp::of(path);
                self.doc.saved_revision = self.doc.revision;
                if let Some(store) = &self.recovery {
                    store.discard(&self.recovery_key);
                }
                self.remember(path);
                let msg = Msg::Saved.fill(self.lang, &[&path.display()]);
                self.notify(msg, false);
                true
            }
            Err(e) => {
                let msg = Msg::SaveFailed.fill(self.lang, &[&path.display(), &e]);
                self.notify(msg, true);
                false
            }
        }
    }

    fn export_to(&mut self, path: &Path) {
        let theme = if self.dark {
            crate::scene::Theme::DARK
        } else {
            crate::scene::Theme::LIGHT
        };
        let scene = crate::render::export_scene(&self.doc.blueprint, &theme, self.lang);
        let svg = crate::render::svg::to_svg(&scene, &self.doc.blueprint.title);
        let is_png = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("png"));
        let bytes = if is_png {
            let doc = crate::format::to_string(&self.doc.blueprint).map_err(|e| e.to_string());
            doc.and_then(|doc| {
                crate::render::png::rasterise(&svg, 1.0)
                    .and_then(|(w, h, rgba)| crate::render::png::encode(w, h, &rgba, Some(&doc)))
                    .map_err(|e| e.to_string())
            })
        } else {
            Ok(svg.into_bytes())
        };
        let result =
            bytes.and_then(|b| crate::format::write_atomic(path, &b).map_err(|e| e.to_string()));
        match result {
            Ok(()) => {
                let msg = Msg::Exported.fill(self.lang, &[&path.display()]);
                self.notify(msg, false);
            }
            Err(e) => {
                let msg = Msg::SaveFailed.fill(self.lang, &[&path.display(), &e]);
                self.notify(msg, true);
            }
        }
    }

    /// Runs `then` now, or asks first if there are unsaved changes.
    fn guard(&mut self, ctx: &egui::Context, then: Then) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::Close => {
                self.allow_close = true;
                if let Some(store) = &self.recovery {
                    store.discard(&self.recovery_key);
                }
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Then::NewFrom(name) => {
                if let Some(t) = crate::templates::find(name) {
                    match t.load(self.lang) {
                        Ok(bp) => self.replace_document(Document::new(bp)),
                        Err(e) => self.notify(e.to_string(), true),
                    }
                }
            }
            Then::Open(Some(path)) => self.open_path(&path),
            Then::Open(None) => self.ask_path(files::Purpose::Open),
        }
    }

    fn ask_path(&mut self, purpose: files::Purpose) {
        let suggested = self.doc.path.clone();
        if !self
            .files
            .ask(purpose, suggested.as_deref(), &self.doc.name(self.lang))
        {
            let text = match purpose {
                files::Purpose::Open | files::Purpose::ImportCsv => String::new(),
                _ => {
                    files::suggested_path(purpose, suggested.as_deref(), &self.doc.name(self.lang))
                }
            };
            self.dialog = Some(Dialog::Path { purpose, text });
        }
    }

    fn path_chosen(&mut self, purpose: files::Purpose, path: PathBuf) {
        match purpose {
            files::Purpose::Open => self.open_path(&path),
            files::Purpose::Save => {
                self.save_to(&path, true);
            }
            files::Purpose::ExportPng | files::Purpose::ExportSvg => self.export_to(&path),
            files::Purpose::ImportCsv => self.import_csv(&path),
        }
    }

    /// Adds measured values from a CSV file, as one undo step, and reports
    /// the rows it could not use.
    pub fn import_csv(&mut self, path: &Path) {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                let msg = Msg::OpenFailed.fill(self.lang, &[&path.display(), &e]);
                self.notify(msg, true);
                return;
            }
        };
        let mut copy = self.doc.blueprint.clone();
        match crate::report::import_measurements(&mut copy, &text) {
            Ok(report) => {
                if report.added > 0 {
                    self.edit(Edit::SetStandards(copy.standards));
                }
                let mut msg = report.summary(self.lang);
                if let Some(first) = report.skipped.first() {
                    msg.push_str(&format!(" — {}: {}", first.line, first.reason));
                }
                let error = !report.skipped.is_empty();
                self.notify(msg, error);
            }
            Err(e) => {
                let msg = Msg::OpenFailed.fill(self.lang, &[&path.display(), &e]);
                self.notify(msg, true);
            }
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, cmd: UiCommand) {
        match cmd {
            UiCommand::Open => self.guard(ctx, Then::Open(None)),
            UiCommand::Save => match self.doc.path.clone() {
                Some(p) => {
                    self.save_to(&p, false);
                }
                None => self.ask_path(files::Purpose::Save),
            },
            UiCommand::SaveAs => self.ask_path(files::Purpose::Save),
            UiCommand::ExportPng => self.ask_path(files::Purpose::ExportPng),
            UiCommand::ExportSvg => self.ask_path(files::Purpose::ExportSvg),
            UiCommand::Undo => self.undo(),
            UiCommand::Redo | UiCommand::RedoAlt => self.redo(),
            UiCommand::Delete => {
                if !self.selection.is_empty() {
                    let ids = std::mem::take(&mut self.selection);
                    self.edit(Edit::DeleteTouchpoints(ids));
                }
            }
            UiCommand::Duplicate => {
                if !self.selection.is_empty() {
                    let n = self.doc.blueprint.touchpoints.len();
                    self.edit(Edit::DuplicateTouchpoints(self.selection.clone()));
                    self.selection = self.doc.blueprint.touchpoints
                        [n.min(self.doc.blueprint.touchpoints.len())..]
                        .iter()
                        .map(|t| t.id.clone())
                        .collect();
                }
            }
            UiCommand::AddTouchpoint => {
                let bp = &self.doc.blueprint;
                let at = self
                    .selection
                    .first()
                    .and_then(|id| bp.touchpoint(id))
                    .map(|t| (t.lane.clone(), t.step.clone()))
                    .or_else(|| {
                        let lane = bp
                            .lanes
                            .iter()
                            .find(|l| l.kind == LaneKind::Customer)
                            .or(bp.lanes.first())?;
                        Some((lane.id.clone(), bp.steps().next()?.1.id.clone()))
                    });
                if let Some((lane, step)) = at {
                    self.add_touchpoint_at(lane, step);
                }
            }
            UiCommand::ZoomIn => self.canvas.zoom_by(1.25),
            UiCommand::ZoomOut => self.canvas.zoom_by(0.8),
            UiCommand::ZoomFit => self.canvas.fit_pending = true,
            UiCommand::ToggleMoment
            | UiCommand::ToggleCritical
            | UiCommand::ToggleFail
            | UiCommand::ToggleWait => {
                for id in self.selection.clone() {
                    if let Some(mut tp) = self.doc.blueprint.touchpoint(&id).cloned() {
                        match cmd {
                            UiCommand::ToggleMoment => {
                                tp.moment_of_truth = if tp.moment_of_truth == MomentOfTruth::Moment
                                {
                                    MomentOfTruth::None
                                } else {
                                    MomentOfTruth::Moment
                                }
                            }
                            UiCommand::ToggleCritical => {
                                tp.moment_of_truth =
                                    if tp.moment_of_truth == MomentOfTruth::Critical {
                                        MomentOfTruth::None
                                    } else {
                                        MomentOfTruth::Critical
                                    }
                            }
                            UiCommand::ToggleFail => tp.fail_point = !tp.fail_point,
                            _ => tp.wait_point = !tp.wait_point,
                        }
                        self.edit(Edit::SetTouchpoint(tp));
                    }
                }
            }
            UiCommand::Shortcuts => self.dialog = Some(Dialog::Shortcuts),
            UiCommand::Present => self.set_presenting(ctx, self.presenting.is_none()),
        }
    }

    /// Pastes copied touchpoints as one undo step, and selects them.
    pub fn paste(&mut self, text: &str) {
        let bp = &self.doc.blueprint;
        let at = self
            .selection
            .first()
            .and_then(|id| bp.touchpoint(id))
            .map(|t| (t.lane.clone(), t.step.clone()))
            .or_else(|| {
                Some((
                    bp.lanes.first()?.id.clone(),
                    bp.steps().next()?.1.id.clone(),
                ))
            });
        let Some((lane, step)) = at else { return };
        let Some((edits, ids)) = crate::edit::clipboard::paste(bp, text, (&lane, &step)) else {
            return;
        };
        let before = self.doc.blueprint.clone();
        let mut next = before.clone();
        for e in edits {
            if let Err(e) = apply(&mut next, e) {
                self.notify(e.to_string(), true);
                return;
            }
        }
        self.burst_open = false;
        self.doc.history.record(before);
        self.doc.blueprint = next;
        self.doc.revision += 1;
        self.selection = ids;
    }

    fn add_touchpoint_at(&mut self, lane: LaneId, step: StepId) {
        let tp = Touchpoint::new(lane, step, self.t(Msg::NewTouchpoint));
        let id = tp.id.clone();
        self.edit(Edit::AddTouchpoint(tp));
        self.selection = vec![id];
        self.focus_title = true;
    }

    fn apply_actions(&mut self, ctx: &egui::Context, actions: Vec<Action>) {
        for a in actions {
            match a {
                Action::Edit(e) => self.edit(e),
                Action::Typing(e) => self.typing(e),
                Action::Command(c) => self.run_command(ctx, c),
                Action::Select(ids) => self.selection = ids,
                Action::NewFrom(name) => self.guard(ctx, Then::NewFrom(name)),
                Action::OpenPath(p) => self.guard(ctx, Then::Open(Some(p))),
                Action::AddTouchpointAt { lane, step } => self.add_touchpoint_at(lane, step),
                Action::Paste(text) => self.paste(&text),
                Action::VoteTouchpoint(id) => {
                    if self.take_dot() {
                        self.edit(Edit::VoteTouchpoint { id, dots: 1 });
                    }
                }
                Action::VoteNote(id) => {
                    if self.take_dot() {
                        self.edit(Edit::VoteNote { id, dots: 1 });
                    }
                }
                Action::Show(id) => {
                    self.canvas.reveal = Some(id.clone());
                    self.selection = vec![id];
                }
            }
        }
    }

    /// Keyboard shortcuts; plain keys only when no text field has focus.
    fn shortcuts(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let typing = ctx.egui_wants_keyboard_input();
        if self.presenting.is_some() && !typing {
            // Escape that just left a text field does not leave the presentation.
            if self.typed_last_frame {
                ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
            }
            // A clicker sends PageDown and PageUp.
            let (next, prev, leave) = ctx.input_mut(|i| {
                let mut k = |key| i.consume_key(egui::Modifiers::NONE, key);
                (
                    k(egui::Key::ArrowRight) | k(egui::Key::PageDown) | k(egui::Key::Space),
                    k(egui::Key::ArrowLeft) | k(egui::Key::PageUp),
                    k(egui::Key::Escape) | k(egui::Key::F5),
                )
            });
            if leave {
                self.set_presenting(ctx, false);
            } else if let Some(p) = &mut self.presenting {
                let n = present::stops(&self.doc.blueprint, p.by_moments).len();
                if next && p.stop + 1 < n {
                    p.stop += 1;
                }
                if prev && p.stop > 0 {
                    p.stop -= 1;
                }
            }
            // Undo, redo and save still work while presenting.
            for cmd in UiCommand::ALL.into_iter().filter(|c| {
                matches!(
                    c,
                    UiCommand::Undo | UiCommand::Redo | UiCommand::RedoAlt | UiCommand::Save
                )
            }) {
                if let Some(sc) = cmd.shortcut()
                    && ctx.input_mut(|i| i.consume_shortcut(&sc))
                {
                    actions.push(Action::Command(cmd));
                }
            }
            return;
        }
        for cmd in UiCommand::ALL {
            let Some(sc) = cmd.shortcut() else { continue };
            // A focused text field keeps its own undo, redo and plain keys.
            if typing
                && (cmd.is_plain_key()
                    || matches!(cmd, UiCommand::Undo | UiCommand::Redo | UiCommand::RedoAlt))
            {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&sc)) {
                actions.push(Action::Command(cmd));
            }
        }
        if typing {
            return;
        }
        // Copy and paste touchpoints through the system clipboard.
        let (copy, cut, pasted) = ctx.input(|i| {
            let mut pasted = None;
            let (mut copy, mut cut) = (false, false);
            for e in &i.events {
                match e {
                    egui::Event::Copy => copy = true,
                    egui::Event::Cut => cut = true,
                    egui::Event::Paste(text) => pasted = Some(text.clone()),
                    _ => {}
                }
            }
            (copy, cut, pasted)
        });
        if (copy || cut)
            && let Some(text) = crate::edit::clipboard::copy(&self.doc.blueprint, &self.selection)
        {
            ctx.copy_text(text);
            if cut {
                actions.push(Action::Command(UiCommand::Delete));
            }
        }
        if let Some(text) = pasted {
            actions.push(Action::Paste(text));
        }
    }

    fn window_title(&self) -> String {
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        format!(
            "{mark}{} — {} — Servuction",
            self.doc.name(self.lang),
            self.doc.blueprint.title
        )
    }

    fn autosave(&mut self, ctx: &egui::Context) {
        if !self.doc.is_dirty() || self.doc.revision == self.autosaved_revision {
            return;
        }
        let now = ctx.input(|i| i.time);
        let lost_focus = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(false)))
        });
        if now - self.last_autosave < AUTOSAVE_SECONDS && !lost_focus {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                AUTOSAVE_SECONDS - (now - self.last_autosave),
            ));
            return;
        }
        if let Some(store) = &self.recovery
            && store
                .write(
                    &self.recovery_key,
                    self.doc.path.as_deref(),
                    &self.doc.blueprint,
                )
                .is_ok()
        {
            self.autosaved_revision = self.doc.revision;
        }
        self.last_autosave = now;
    }

    /// Takes one of the current participant's dots, if any are left.
    fn take_dot(&mut self) -> bool {
        match &mut self.presenting {
            Some(p) if p.voting && p.dots_left > 0 => {
                p.dots_left -= 1;
                true
            }
            _ => false,
        }
    }

    /// Enters or leaves presentation mode (full screen, no editing chrome).
    pub fn set_presenting(&mut self, ctx: &egui::Context, on: bool) {
        if on == self.presenting.is_some() {
            return;
        }
        self.presenting = on.then(present::Presentation::new);
        self.canvas.laser = on;
        if !on {
            self.canvas.focus = None;
            self.canvas.spotlight = None;
            self.canvas.fit_pending = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            return;
        }
        let chosen = self
            .present_screen
            .as_ref()
            .map(|name| (name, self.screens.iter().position(|s| &s.name == name)));
        match chosen {
            Some((_, Some(i))) => self.present_on(ctx, i),
            Some((name, None)) => {
                // The chosen screen is not connected: present where the window is.
                let msg = Msg::ScreenMissing.fill(self.lang, &[name]);
                self.notify(msg, false);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
            None => ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true)),
        }
    }

    /// Goes full screen on a screen, by its place in [`Self::screens`].
    pub fn present_on(&mut self, ctx: &egui::Context, screen: usize) {
        ctx.send_viewport_cmd(egui::ViewportCommand::SetMonitor(screen));
        if let Some(p) = &mut self.presenting {
            p.screen = Some(screen);
        }
    }

    /// The screens menu: the window's own screen or one of those connected.
    fn screen_choice(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        ui.radio_value(&mut self.present_screen, None, Msg::ScreenOwn.text(lang));
        for (i, s) in self.screens.iter().enumerate() {
            ui.radio_value(&mut self.present_screen, Some(s.name.clone()), s.label(i));
        }
        if let Some(name) = &self.present_screen
            && !self.screens.iter().any(|s| &s.name == name)
        {
            ui.label(Msg::ScreenMissing.fill(lang, &[name]));
        }
    }

    /// The presentation: the canvas on the current stop, the rest dimmed, and
    /// a panel with the stop's standards in large type, the walkthrough's
    /// controls and the timer.
    fn show_presentation(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang;
        let t = |m: Msg| m.text(lang);
        let now = ui.ctx().input(|i| i.time);
        let Some(p) = self.presenting.as_mut() else {
            return;
        };
        let stops = present::stops(&self.doc.blueprint, p.by_moments);
        p.stop = p.stop.min(stops.len().saturating_sub(1));
        let stop = stops.get(p.stop).cloned();
        // What the stop needs from the layout: the one the canvas drew last
        // when it is of this document.
        let fresh;
        let layout = match self.canvas.layout_of(&self.doc) {
            Some(l) => l,
            None => {
                fresh = crate::layout::layout(&self.doc.blueprint, Default::default());
                &fresh
            }
        };
        let focus = stop.as_ref().and_then(|s| present::focus_rect(layout, s));
        let spotlight = stop
            .as_ref()
            .zip(focus)
            .and_then(|(s, view)| present::spotlight(layout, s, view));
        let notes_here: Vec<Note> = stop.as_ref().map_or_else(Vec::new, |s| {
            present::notes_at(&self.doc.blueprint, layout, s, focus)
                .into_iter()
                .cloned()
                .collect()
        });
        let loose_here = notes_here.iter().filter(|n| n.cell().is_none()).count();
        let loose_place = focus.map(|view| present::loose_note_place(view, loose_here));
        let screens = self.screens.clone();
        let mut move_to = None;
        let focus_title = std::mem::take(&mut self.focus_title);
        // Messages show in the panel: the status bar is hidden.
        let notice = self.notice.as_ref().map(|n| n.text.clone());
        egui::Panel::right("presentation")
            .exact_size(480.0)
            .show(ui, |ui| {
                // Controls big enough to hit and read on a projector.
                let style = ui.style_mut();
                for (text_style, size) in [
                    (egui::TextStyle::Body, 18.0),
                    (egui::TextStyle::Button, 18.0),
                    (egui::TextStyle::Small, 14.0),
                ] {
                    if let Some(font) = style.text_styles.get_mut(&text_style) {
                        font.size = size;
                    }
                }
                style.spacing.button_padding = egui::vec2(10.0, 5.0);
                style.spacing.item_spacing = egui::vec2(10.0, 8.0);
                style.spacing.interact_size.y = 30.0;
                ui.add_space(12.0);
                ui.horizontal(|ui| {
                    if ui
                        .selectable_label(!p.by_moments, t(Msg::PresentByStage))
                        .clicked()
                    {
                        p.by_moments = false;
                        p.stop = 0;
                    }
                    if ui
                        .selectable_label(p.by_moments, t(Msg::PresentByMoment))
                        .clicked()
                    {
                        p.by_moments = true;
                        p.stop = 0;
                    }
                });
                ui.horizontal(|ui| {
                    if ui.button("<").clicked() && p.stop > 0 {
                        p.stop -= 1;
                    }
                    ui.label(Msg::PresentStop.fill(lang, &[&(p.stop + 1), &stops.len().max(1)]));
                    if ui.button(">").clicked() && p.stop + 1 < stops.len() {
                        p.stop += 1;
                    }
                });
                if let Some(text) = &notice {
                    ui.colored_label(ui.visuals().warn_fg_color, text);
                }
                // Another screen, while presenting: the projector may be
                // plugged in late.
                if screens.len() > 1 {
                    ui.horizontal(|ui| {
                        let l = ui.label(t(Msg::ScreenLabel)).id;
                        let current = p
                            .screen
                            .and_then(|i| screens.get(i).map(|s| s.label(i)))
                            .unwrap_or_else(|| t(Msg::ScreenOwn).to_owned());
                        egui::ComboBox::from_id_salt("present-screen")
                            .selected_text(current)
                            .show_ui(ui, |ui| {
                                for (i, s) in screens.iter().enumerate() {
                                    if ui
                                        .selectable_label(p.screen == Some(i), s.label(i))
                                        .clicked()
                                    {
                                        move_to = Some(i);
                                    }
                                }
                            })
                            .response
                            .labelled_by(l);
                    });
                }
                ui.separator();
                present::panel(ui, &self.doc.blueprint, stop.as_ref(), lang);
                ui.separator();

                // A touchpoint added (double-click a cell) or clicked while
                // presenting: its title, typed straight away.
                if let [id] = self.selection.as_slice()
                    && let Some(tp) = self.doc.blueprint.touchpoint(id)
                {
                    let mut edited = tp.clone();
                    ui.horizontal(|ui| {
                        let l = ui.label(t(Msg::FieldTitle)).id;
                        let r = ui
                            .add(egui::TextEdit::singleline(&mut edited.title).desired_width(340.0))
                            .labelled_by(l);
                        if focus_title {
                            inspector::focus_all(ui, &r, &edited.title);
                        }
                        if r.changed() {
                            actions.push(Action::Typing(Edit::SetTouchpoint(edited.clone())));
                        }
                    });
                    ui.separator();
                }

                // Sticky notes at this stop, captured as the group speaks.
                if let Some(stop) = &stop {
                    ui.horizontal(|ui| {
                        if ui
                            .button(egui::RichText::new(t(Msg::AddNote)).size(18.0))
                            .clicked()
                            && let Some((lane, step)) =
                                present::note_cell(&self.doc.blueprint, stop)
                        {
                            let note = Note::pinned(lane, step, String::new(), p.note_colour);
                            p.focus_note = Some(note.id.clone());
                            actions.push(Action::Edit(Edit::AddNote(note)));
                        }
                        if ui
                            .button(egui::RichText::new(t(Msg::AddLooseNote)).size(18.0))
                            .on_hover_text(t(Msg::AddLooseNoteHint))
                            .clicked()
                            && let Some(at) = loose_place
                        {
                            let note = Note::loose(at, String::new(), p.note_colour);
                            p.focus_note = Some(note.id.clone());
                            actions.push(Action::Edit(Edit::AddNote(note)));
                        }
                    });
                    ui.horizontal(|ui| {
                        for c in NoteColour::ALL {
                            ui.selectable_value(
                                &mut p.note_colour,
                                c,
                                present::colour_name(c).text(lang),
                            );
                        }
                    });
                    for note in &notes_here {
                        let mut n = note.clone();
                        ui.horizontal(|ui| {
                            let l = ui.label(t(Msg::NoteText)).id;
                            let r = ui
                                .add(
                                    egui::TextEdit::multiline(&mut n.text)
                                        .desired_rows(2)
                                        .desired_width(300.0),
                                )
                                .labelled_by(l);
                            if p.focus_note.as_ref() == Some(&n.id) {
                                r.request_focus();
                                p.focus_note = None;
                            }
                            if r.changed() {
                                actions.push(Action::Typing(Edit::SetNote(n.clone())));
                            }
                            if ui.button("x").on_hover_text(t(Msg::DeleteNote)).clicked() {
                                actions.push(Action::Edit(Edit::DeleteNote(n.id.clone())));
                            }
                        });
                    }
                }
                ui.separator();
                // Dot voting.
                // Opening a vote hands the first participant their dots.
                if ui.checkbox(&mut p.voting, t(Msg::DotVoting)).changed() && p.voting {
                    p.dots_left = p.dots_per_person;
                }
                self.canvas.voting = p.voting;
                if p.voting {
                    ui.horizontal(|ui| {
                        let l = ui.label(t(Msg::DotsPerPerson)).id;
                        ui.add(egui::DragValue::new(&mut p.dots_per_person).range(1..=20))
                            .labelled_by(l);
                        if ui.button(t(Msg::NextParticipant)).clicked() {
                            p.dots_left = p.dots_per_person;
                        }
                    });
                    ui.label(
                        egui::RichText::new(if p.dots_left == 1 {
                            t(Msg::DotsLeftOne).to_owned()
                        } else {
                            Msg::DotsLeft.fill(lang, &[&p.dots_left])
                        })
                        .size(20.0),
                    );
                }
                ui.separator();
                // The timer.
                let left = match (p.timer_end, p.timer_paused) {
                    (Some(end), _) => end - now,
                    (None, Some(left)) => left,
                    (None, None) => p.timer_minutes * 60.0,
                };
                let done = p.timer_end.is_some() && left <= 0.0;
                let colour = if done && (now * 2.0) as i64 % 2 == 0 {
                    ui.visuals().warn_fg_color
                } else {
                    ui.visuals().strong_text_color()
                };
                ui.label(
                    egui::RichText::new(present::clock(left))
                        .size(48.0)
                        .color(colour),
                );
                if done {
                    ui.label(
                        egui::RichText::new(t(Msg::TimerDone))
                            .size(24.0)
                            .color(ui.visuals().warn_fg_color),
                    );
                }
                ui.horizontal(|ui| {
                    let l = ui.label(t(Msg::TimerMinutes)).id;
                    ui.add(egui::DragValue::new(&mut p.timer_minutes).range(1.0..=180.0))
                        .labelled_by(l);
                    if p.timer_end.is_some() {
                        if ui.button(t(Msg::TimerPause)).clicked() {
                            p.timer_paused = Some(left.max(0.0));
                            p.timer_end = None;
                        }
                    } else if ui.button(t(Msg::TimerStart)).clicked() {
                        p.timer_end =
                            Some(now + p.timer_paused.take().unwrap_or(p.timer_minutes * 60.0));
                    }
                    if ui.button(t(Msg::TimerReset)).clicked() {
                        p.timer_end = None;
                        p.timer_paused = None;
                    }
                });
                if p.timer_end.is_some() {
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(250));
                }
                ui.checkbox(&mut self.canvas.laser, t(Msg::LaserPointer));
                ui.add_space(12.0);
                if ui.button(t(Msg::PresentLeave)).clicked() {
                    actions.push(Action::Command(UiCommand::Present));
                }
            });
        if let Some(i) = move_to {
            self.present_screen = screens.get(i).map(|s| s.name.clone());
            self.present_on(ui.ctx(), i);
        }
        self.canvas.focus = focus;
        self.canvas.spotlight = spotlight;
        egui::CentralPanel::no_frame().show(ui, |ui| {
            canvas::show(
                ui,
                &self.doc,
                &self.selection,
                lang,
                false,
                &mut self.canvas,
                actions,
            );
        });
    }

    /// Draws the whole editor into `ui` and applies what the user did.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            crate::render::egui::install_fonts(&ctx);
            self.fonts_installed = true;
        }
        ctx.set_theme(if self.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        let mut actions = Vec::new();
        // A modal dialog takes the keyboard: no shortcut acts behind it.
        if self.dialog.is_none() {
            self.shortcuts(&ctx, &mut actions);
        }
        if let Some((purpose, path)) = self.files.poll() {
            self.path_chosen(purpose, path);
        }
        // Files dropped on the window.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            actions.push(Action::OpenPath(p));
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::Unsaved { then: Then::Close });
        }

        if self.presenting.is_some() {
            self.show_presentation(ui, &mut actions);
            self.dialogs(&ctx, &mut actions);
            self.apply_actions(&ctx, actions);
            if self.burst_open && !ctx.egui_wants_keyboard_input() {
                self.burst_open = false;
            }
            self.typed_last_frame = ctx.egui_wants_keyboard_input();
            return;
        }
        self.menu_bar(ui, &mut actions);
        self.toolbar(ui, &mut actions);
        self.status_bar(ui);
        if self.show_problems {
            self.problems_panel(ui, &mut actions);
        }
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| {
                let focus = std::mem::take(&mut self.focus_title);
                inspector::show(
                    ui,
                    &self.doc.blueprint,
                    &self.selection,
                    self.lang,
                    &mut self.inspector,
                    focus,
                    &mut actions,
                );
            });
        egui::CentralPanel::no_frame().show(ui, |ui| {
            canvas::show(
                ui,
                &self.doc,
                &self.selection,
                self.lang,
                self.dark,
                &mut self.canvas,
                &mut actions,
            );
        });
        self.dialogs(&ctx, &mut actions);
        self.apply_actions(&ctx, actions);

        // An undo step for typing or dragging ends when nothing has focus and no drag goes on.
        if self.burst_open && !ctx.egui_wants_keyboard_input() && ctx.dragged_id().is_none() {
            self.burst_open = false;
        }
        self.autosave(&ctx);
        let title = self.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang;
        let t = |m: Msg| m.text(lang);
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                let cmd_button = |ui: &mut egui::Ui, cmd: UiCommand, actions: &mut Vec<Action>| {
                    let mut b = egui::Button::new(cmd.text().text(lang));
                    if let Some(sc) = cmd.shortcut() {
                        b = b.shortcut_text(ui.ctx().format_shortcut(&sc));
                    }
                    if ui.add(b).clicked() {
                        actions.push(Action::Command(cmd));
                        ui.close();
                    }
                };
                ui.menu_button(t(Msg::MenuFile), |ui| {
                    ui.menu_button(t(Msg::MenuNewFrom), |ui| {
                        for tpl in crate::templates::TEMPLATES {
                            if ui.button(tpl.summary(lang)).clicked() {
                                actions.push(Action::NewFrom(tpl.name));
                                ui.close();
                            }
                        }
                    });
                    cmd_button(ui, UiCommand::Open, actions);
                    ui.add_enabled_ui(!self.recent.is_empty(), |ui| {
                        ui.menu_button(t(Msg::MenuRecent), |ui| {
                            for p in &self.recent {
                                if ui.button(p.display().to_string()).clicked() {
                                    actions.push(Action::OpenPath(p.clone()));
                                    ui.close();
                                }
                            }
                        });
                    });
                    ui.separator();
                    cmd_button(ui, UiCommand::Save, actions);
                    cmd_button(ui, UiCommand::SaveAs, actions);
                    ui.separator();
                    cmd_button(ui, UiCommand::ExportPng, actions);
                    cmd_button(ui, UiCommand::ExportSvg, actions);
                    ui.separator();
                    if ui.button(t(Msg::CmdImportCsv)).clicked() {
                        self.ask_path(files::Purpose::ImportCsv);
                        ui.close();
                    }
                });
                ui.menu_button(t(Msg::MenuEdit), |ui| {
                    ui.add_enabled_ui(self.doc.history.can_undo(), |ui| {
                        cmd_button(ui, UiCommand::Undo, actions)
                    });
                    ui.add_enabled_ui(self.doc.history.can_redo(), |ui| {
                        cmd_button(ui, UiCommand::Redo, actions)
                    });
                    ui.separator();
                    cmd_button(ui, UiCommand::AddTouchpoint, actions);
                    ui.add_enabled_ui(!self.selection.is_empty(), |ui| {
                        cmd_button(ui, UiCommand::Duplicate, actions);
                        cmd_button(ui, UiCommand::Delete, actions);
                        ui.separator();
                        for c in [
                            UiCommand::ToggleMoment,
                            UiCommand::ToggleCritical,
                            UiCommand::ToggleFail,
                            UiCommand::ToggleWait,
                        ] {
                            cmd_button(ui, c, actions);
                        }
                    });
                    ui.separator();
                    canvas::structure_menu(ui, &self.doc.blueprint, lang, actions);
                });
                ui.menu_button(t(Msg::MenuView), |ui| {
                    cmd_button(ui, UiCommand::ZoomIn, actions);
                    cmd_button(ui, UiCommand::ZoomOut, actions);
                    cmd_button(ui, UiCommand::ZoomFit, actions);
                    cmd_button(ui, UiCommand::Present, actions);
                    ui.menu_button(t(Msg::PresentOn), |ui| self.screen_choice(ui));
                    ui.separator();
                    ui.checkbox(&mut self.dark, t(Msg::CmdDarkTheme));
                    ui.checkbox(&mut self.canvas.compliance_view, t(Msg::CmdComplianceView));
                    ui.checkbox(&mut self.show_problems, t(Msg::ProblemsTitle));
                    ui.menu_button(t(Msg::Language), |ui| {
                        ui.radio_value(&mut self.lang, Language::En, "English");
                        ui.radio_value(&mut self.lang, Language::Es, "Español");
                    });
                });
                ui.menu_button(t(Msg::MenuHelp), |ui| {
                    cmd_button(ui, UiCommand::Shortcuts, actions)
                });
                ui.separator();
                // The language, one click away.
                let other = if lang == Language::En {
                    Language::Es
                } else {
                    Language::En
                };
                if ui
                    .small_button(other.code().to_uppercase())
                    .on_hover_text(t(Msg::Language))
                    .clicked()
                {
                    self.lang = other;
                }
            });
        });
    }

    /// The health checks' findings, live; a click selects the element.
    /// The toolbar under the menus: the commands used most.
    fn toolbar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang;
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal(|ui| {
                let mut button = |ui: &mut egui::Ui, cmd: UiCommand, enabled: bool| {
                    let mut hover = cmd.text().text(lang).to_owned();
                    if let Some(sc) = cmd.shortcut() {
                        hover = format!("{hover} ({})", ui.ctx().format_shortcut(&sc));
                    }
                    let b = ui.add_enabled(enabled, egui::Button::new(cmd.text().text(lang)));
                    if b.on_hover_text(hover).clicked() {
                        actions.push(Action::Command(cmd));
                    }
                };
                button(ui, UiCommand::Undo, self.doc.history.can_undo());
                button(ui, UiCommand::Redo, self.doc.history.can_redo());
                ui.separator();
                button(ui, UiCommand::AddTouchpoint, true);
                button(ui, UiCommand::Duplicate, !self.selection.is_empty());
                button(ui, UiCommand::Delete, !self.selection.is_empty());
                ui.separator();
                button(ui, UiCommand::ZoomFit, true);
                button(ui, UiCommand::Present, true);
                ui.separator();
                ui.toggle_value(
                    &mut self.canvas.compliance_view,
                    Msg::CmdComplianceView.text(lang),
                );
                ui.toggle_value(&mut self.show_problems, Msg::ProblemsTitle.text(lang));
            });
        });
    }

    /// The health checks' findings, worked out again only when the document changes.
    fn findings(&mut self) -> std::rc::Rc<Vec<crate::check::Finding>> {
        let (serial, revision) = (self.doc.serial, self.doc.revision);
        match &self.findings {
            Some((s, r, f)) if *s == serial && *r == revision => f.clone(),
            _ => {
                let f = std::rc::Rc::new(crate::check::check(&self.doc.blueprint));
                self.findings = Some((serial, revision, f.clone()));
                f
            }
        }
    }

    fn problems_panel(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.lang;
        let findings = self.findings();
        let bp = &self.doc.blueprint;
        egui::Panel::bottom("problems")
            .resizable(true)
            .default_size(120.0)
            .show(ui, |ui| {
                ui.strong(Msg::ProblemsTitle.text(lang));
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show_rows(ui, 18.0, findings.len(), |ui, range| {
                        for f in &findings[range] {
                            let (colour, word) = match f.severity {
                                crate::check::Severity::Error => {
                                    (ui.visuals().error_fg_color, Msg::SeverityError)
                                }
                                crate::check::Severity::Warning => {
                                    (ui.visuals().warn_fg_color, Msg::SeverityWarning)
                                }
                                crate::check::Severity::Hint => {
                                    (ui.visuals().weak_text_color(), Msg::SeverityHint)
                                }
                            };
                            ui.horizontal(|ui| {
                                ui.colored_label(colour, word.text(lang));
                                let tp = match &f.element {
                                    crate::check::Element::Touchpoint(id) => Some(id.clone()),
                                    crate::check::Element::Standard(id) => bp
                                        .standards
                                        .iter()
                                        .find(|s| &s.id == id)
                                        .map(|s| s.touchpoint.clone()),
                                    crate::check::Element::Connector(id) => bp
                                        .connectors
                                        .iter()
                                        .find(|c| &c.id == id)
                                        .map(|c| c.from.clone()),
                                    _ => None,
                                };
                                let link = ui.link(f.message(lang)).on_hover_text(f.rule);
                                if link.clicked()
                                    && let Some(tp) = tp
                                {
                                    actions.push(Action::Show(tp));
                                }
                                link.context_menu(|ui| {
                                    let text = Msg::SwitchOffRule.fill(lang, &[&f.rule]);
                                    if ui.button(text).clicked() {
                                        let mut rules = bp.disabled_rules.clone();
                                        rules.push(f.rule.to_owned());
                                        actions.push(Action::Edit(Edit::SetDisabledRules(rules)));
                                        ui.close();
                                    }
                                });
                            });
                        }
                    });
            });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.lang;
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                let (serial, revision) = (self.doc.serial, self.doc.revision);
                let (problems, met, total) = match self.summary {
                    Some((s, r, p, m, t)) if s == serial && r == revision => (p, m, t),
                    _ => {
                        let rollup = crate::check::compliance_of_blueprint(&self.doc.blueprint);
                        let problems = crate::check::check(&self.doc.blueprint).len();
                        self.summary =
                            Some((serial, revision, problems, rollup.met, rollup.total()));
                        (problems, rollup.met, rollup.total())
                    }
                };
                ui.label(Msg::ReportOfMet.fill(lang, &[&met, &total]));
                ui.separator();
                ui.label(format!("{}: {problems}", Msg::ProblemsTitle.text(lang)));
                if !self.selection.is_empty() {
                    ui.separator();
                    ui.label(Msg::StatusSelected.fill(lang, &[&self.selection.len()]));
                }
                if let Some(n) = &self.notice {
                    ui.separator();
                    let colour = if n.error {
                        ui.visuals().error_fg_color
                    } else {
                        ui.visuals().weak_text_color()
                    };
                    ui.colored_label(colour, &n.text);
                }
            });
        });
    }

    fn dialogs(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        let Some(dialog) = self.dialog.clone() else {
            return;
        };
        let lang = self.lang;
        let t = |m: Msg| m.text(lang);
        let mut close = false;
        match dialog {
            Dialog::Path { purpose, mut text } => {
                let r = egui::Modal::new(egui::Id::unique("path-dialog")).show(ctx, |ui| {
                    ui.heading(t(purpose.title()));
                    ui.label(t(Msg::PathHint));
                    let l = ui.label(t(Msg::FieldPath)).id;
                    let edit = ui
                        .add(
                            egui::TextEdit::singleline(&mut text)
                                .desired_width(480.0)
                                .hint_text("/home/…/blueprint.json"),
                        )
                        .labelled_by(l);
                    edit.request_focus();
                    let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                    ui.horizontal(|ui| {
                        let ok = ui.button(t(Msg::Ok)).clicked() || enter;
                        let cancel = ui.button(t(Msg::Cancel)).clicked();
                        (ok, cancel)
                    })
                    .inner
                });
                let (ok, cancel) = r.inner;
                if ok && !text.trim().is_empty() {
                    self.dialog = None;
                    self.path_chosen(purpose, files::expand_path(text.trim()));
                    return;
                } else if cancel || r.should_close() {
                    close = true;
                } else {
                    self.dialog = Some(Dialog::Path { purpose, text });
                }
            }
            Dialog::Unsaved { then } => {
                let name = self.doc.name(lang);
                let r = egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
                    ui.heading(t(Msg::UnsavedTitle));
                    ui.label(Msg::UnsavedBody.fill(lang, &[&name]));
                    choice(ui, [t(Msg::SaveFirst), t(Msg::Discard), t(Msg::Cancel)])
                });
                let (save, discard, cancel) = r.inner;
                if save {
                    self.dialog = None;
                    let saved = match self.doc.path.clone() {
                        Some(p) => self.save_to(&p, false),
                        None => {
                            self.ask_path(files::Purpose::Save);
                            false
                        }
                    };
                    if saved {
                        self.proceed(ctx, then);
                    }
                    return;
                } else if discard {
                    self.dialog = None;
                    self.doc.saved_revision = self.doc.revision;
                    self.proceed(ctx, then);
                    return;
                } else if cancel || r.should_close() {
                    close = true;
                }
            }
            Dialog::ChangedOnDisk { path } => {
                let r = egui::Modal::new(egui::Id::unique("changed")).show(ctx, |ui| {
                    ui.label(Msg::ChangedOnDisk.fill(lang, &[&path.display()]));
                    choice(ui, [t(Msg::Overwrite), t(Msg::CmdSaveAs), t(Msg::Cancel)])
                });
                let (over, save_as, cancel) = r.inner;
                if over {
                    self.dialog = None;
                    self.save_to(&path, true);
                    return;
                } else if save_as {
                    self.dialog = None;
                    self.ask_path(files::Purpose::Save);
                    return;
                } else if cancel || r.should_close() {
                    close = true;
                }
            }
            Dialog::Recover { entries } => {
                let now = std::time::SystemTime::now();
                let r = egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
                    ui.heading(t(Msg::RecoverTitle));
                    ui.label(t(Msg::RecoverBody));
                    let mut chosen = None;
                    for (i, e) in entries.iter().enumerate() {
                        let mins = now
                            .duration_since(e.written_at)
                            .map_or(0, |d| d.as_secs() / 60);
                        ui.horizontal(|ui| {
                            ui.label(format!(
                                "{} ({})",
                                e.title,
                                Msg::WrittenAt.fill(lang, &[&mins])
                            ));
                            if ui.button(t(Msg::Restore)).clicked() {
                                chosen = Some((i, true));
                            }
                            if ui.button(t(Msg::Discard)).clicked() {
                                chosen = Some((i, false));
                            }
                        });
                    }
                    let later = ui.button(t(Msg::Cancel)).clicked();
                    (chosen, later)
                });
                let (chosen, later) = r.inner;
                if let Some((i, restore)) = chosen {
                    let entry = entries[i].clone();
                    if let Some(store) = self.recovery.clone() {
                        if restore {
                            match store.load(&entry) {
                                Ok(bp) => {
                                    let mut doc = Document::new(bp);
                                    doc.path = entry.original.clone();
                                    doc.stamp = entry.original.as_deref().and_then(FileStamp::of);
                                    doc.revision = 1;
                                    self.replace_document(doc);
                                    self.autosaved_revision = 0;
                                }
                                Err(e) => self.notify(e.to_string(), true),
                            }
                        }
                        store.discard(&entry.key);
                    }
                    let rest: Vec<_> = entries
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j != i)
                        .map(|(_, e)| e.clone())
                        .collect();
                    self.dialog = if rest.is_empty() {
                        None
                    } else {
                        Some(Dialog::Recover { entries: rest })
                    };
                    return;
                }
                if later || r.should_close() {
                    close = true;
                }
            }
            Dialog::Shortcuts => {
                let r = egui::Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui| {
                    ui.heading(t(Msg::CmdShortcuts));
                    egui::Grid::new("shortcut-grid")
                        .striped(true)
                        .show(ui, |ui| {
                            for cmd in UiCommand::ALL {
                                if let Some(sc) = cmd.shortcut() {
                                    ui.label(cmd.text().text(lang));
                                    ui.label(ctx.format_shortcut(&sc));
                                    ui.end_row();
                                }
                            }
                        });
                    ui.label(t(Msg::HelpCanvas));
                    ui.button(t(Msg::Ok)).clicked()
                });
                if r.inner || r.should_close() {
                    close = true;
                }
            }
        }
        let _ = actions;
        if close {
            self.dialog = None;
        }
    }
}

/// A row of three buttons; which was clicked.
fn choice(ui: &mut egui::Ui, labels: [&str; 3]) -> (bool, bool, bool) {
    ui.horizontal(|ui| {
        let [a, b, c] = labels.map(|l| ui.button(l).clicked());
        (a, b, c)
    })
    .inner
}

impl eframe::App for EditorApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        // The screens, asked for again every few seconds while frames run (a
        // projector may be plugged in during the meeting).
        let now = ui.input(|i| i.time);
        if now - self.screens_asked > 3.0
            && let Some(window) = frame.winit_window()
        {
            self.screens_asked = now;
            self.screens = window
                .available_monitors()
                .enumerate()
                .map(|(i, m)| {
                    let size = m.size();
                    let at = m.position();
                    present::Screen {
                        name: m.name().unwrap_or_else(|| format!("{}", i + 1)),
                        size: [size.width, size.height],
                        position: [at.x, at.y],
                    }
                })
                .collect();
        }
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let prefs = Prefs {
            lang: Some(self.lang),
            dark: self.dark,
            recent: self.recent.clone(),
            present_screen: self.present_screen.clone(),
        };
        eframe::set_value(storage, PREFS_KEY, &prefs);
    }
}

/// Runs the editor in a window.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Servuction")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "Servuction",
        options,
        Box::new(move |cc| Ok(Box::new(EditorApp::start(cc, file)))),
    )
    .map_err(|e| e.to_string())
}
