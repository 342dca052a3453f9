//! The desktop editor: an eframe app that edits a blueprint through
//! [`crate::edit`], draws it with the shared layout and scene, and reads and
//! writes files through [`crate::format`].
//!
//! One frame runs the same pipeline whether editing or presenting: input
//! (shortcuts by scope), then the editor's panels or the presentation, then
//! dialogs, then the queued actions, then the end of the frame (undo bursts,
//! recovery copy, window title).

// Functions a reader can hold (the threshold is in clippy.toml).
#![warn(clippy::too_many_lines)]

mod action_plan;
mod background;
mod canvas;
mod chrome;
pub mod command;
mod command_handling;
pub mod compare;
mod dialogs;
pub mod document;
pub mod export_dialog;
mod fields;
mod files;
mod input;
mod inspector;
mod jobs;
mod photos;
mod prefs;
pub mod present;

pub use command::{Scope, UiCommand};
pub use document::Document;
pub use files::native_dialogs_available;
pub use prefs::{Prefs, system_language};

use crate::edit::Edit;
use crate::model::*;
use crate::recovery::RecoveryStore;
use std::path::PathBuf;

/// Something the UI asked for, applied after the UI pass.
#[derive(Clone, Debug)]
pub enum Action {
    /// A discrete edit: one undo step of its own.
    Edit(Edit),
    /// Edits that are one user action: one undo step for all.
    Edits(Vec<Edit>),
    /// An edit from typing or dragging a value: one undo step per burst.
    Typing(Edit),
    Command(UiCommand),
    Select(Vec<TouchpointId>),
    NewFrom(&'static str),
    OpenPath(PathBuf),
    /// Adds a touchpoint in a cell, selects it and gives its title the keyboard.
    AddTouchpointAt {
        lane: LaneId,
        step: StepId,
    },
    /// Pastes clipboard text: touchpoints copied here or in another window.
    Paste(String),
    /// Selects a touchpoint and brings it into view.
    Show(TouchpointId),
    /// Brings a sticky note into view (selecting no card).
    ShowNote(NoteId),
    /// A participant's dot on a touchpoint or a note, while voting.
    VoteTouchpoint(TouchpointId),
    VoteNote(NoteId),
    /// Asks for a file path for a purpose (a native dialog, or our own).
    AskPath(files::Purpose),
    /// Selects nothing and gives the blueprint's title field the keyboard.
    EditBlueprintTitle,
    /// What the comparison or the conflicts panel asked for.
    Compare(compare::CompareAct),
    /// Adds a photo to a card, prepared in the background.
    AddPhoto {
        touchpoint: TouchpointId,
        source: photos::Source,
    },
}

/// A message in the status bar (or the presentation's panel).
#[derive(Clone, Debug)]
struct Notice {
    text: String,
    error: bool,
    /// Said only while the document is at this revision ("Saved").
    revision: Option<u64>,
}

/// The editor.
pub struct EditorApp {
    doc: Document,
    prefs: Prefs,
    selection: Vec<TouchpointId>,
    canvas: canvas::Canvas,
    inspector: inspector::Inspector,
    /// The action plan's panel.
    plan: action_plan::PlanView,
    presentation: Option<present::Presentation>,
    dialog: Option<dialogs::Dialog>,
    files: files::Files,
    notice: Option<Notice>,
    input: input::InputPacer,
    /// The screens connected, in the order the windowing system gives them
    /// (empty when it tells nothing, as in tests until they set it).
    screens: Vec<present::Screen>,
    /// When the screens were last asked for, on the UI clock.
    screens_asked: f64,
    fonts_installed: bool,
    last_title: String,
    allow_close: bool,
    /// What waits for a save that asks where (unsaved changes, "Save").
    after_save: Option<dialogs::Then>,
    /// What to do after this frame's actions (a save made it possible).
    proceed_later: Option<dialogs::Then>,
    /// Work running in the background (exports, Open, import, recovery).
    jobs: jobs::Jobs<background::Done>,
    recovery_write: background::RecoveryWrite,
    saving: background::Saving,
    /// Another version laid over this one (File → Compare with…).
    compare: Option<compare::Comparison>,
    /// The conflicts a merge left, listed to be resolved.
    conflicts: compare::ConflictsView,
    /// The photos' pictures, as textures.
    pictures: photos::Pictures,
    /// The card a photo being chosen goes to (Add photo…).
    photo_for: Option<TouchpointId>,
}

impl EditorApp {
    /// An editor on a blueprint; `recovery` is where recovery copies go.
    pub fn new(blueprint: Blueprint, recovery: Option<RecoveryStore>) -> Self {
        let conflicts = compare::ConflictsView::of(&blueprint);
        Self {
            doc: Document::new(blueprint),
            prefs: Prefs::default(),
            selection: Vec::new(),
            canvas: canvas::Canvas::default(),
            inspector: inspector::Inspector::default(),
            plan: action_plan::PlanView::default(),
            presentation: None,
            dialog: None,
            files: files::Files::new(native_dialogs_available(), recovery),
            notice: None,
            input: input::InputPacer::default(),
            screens: Vec::new(),
            screens_asked: f64::NEG_INFINITY,
            fonts_installed: false,
            last_title: String::new(),
            allow_close: false,
            after_save: None,
            proceed_later: None,
            jobs: jobs::Jobs::default(),
            recovery_write: background::RecoveryWrite::default(),
            saving: background::Saving::default(),
            compare: None,
            conflicts,
            pictures: photos::Pictures::default(),
            photo_for: None,
        }
    }

    /// The editor as the `servuction` command starts it: on a file, or on
    /// the blank template; offering to recover work a crash left behind.
    pub fn start(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let recovery = RecoveryStore::in_user_data_dir().ok();
        let prefs = cc.storage.map(Prefs::load).unwrap_or_default();
        let mut app = Self::new(crate::templates::blank(prefs.lang), recovery);
        app.prefs = prefs;
        if let Some(path) = file {
            app.open_path(&path);
        }
        app.offer_recovery();
        app
    }

    /// Uses the app's own path entry instead of native file dialogs (tests,
    /// and systems without a dialog service).
    pub fn without_native_dialogs(mut self) -> Self {
        self.files.use_native(false);
        self
    }

    // ---- What tests and benchmarks read and set ----

    /// The open document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// The open blueprint.
    pub fn blueprint(&self) -> &Blueprint {
        self.doc.blueprint()
    }

    /// The selected touchpoints.
    pub fn selection(&self) -> &[TouchpointId] {
        &self.selection
    }

    /// The user's preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    pub fn language(&self) -> Language {
        self.prefs.lang
    }

    pub fn set_language(&mut self, lang: Language) {
        self.prefs.lang = lang;
    }

    /// The presentation, while presenting.
    pub fn presentation(&self) -> Option<&present::Presentation> {
        self.presentation.as_ref()
    }

    pub fn is_presenting(&self) -> bool {
        self.presentation.is_some()
    }

    /// Goes to a stop of the presentation.
    pub fn go_to_stop(&mut self, stop: usize) {
        if let Some(p) = &mut self.presentation {
            p.stop = stop;
        }
    }

    /// Tells the editor which screens are connected (eframe asks the window
    /// system; tests set them).
    pub fn set_screens(&mut self, screens: Vec<present::Screen>) {
        self.screens = screens;
    }

    /// The screens connected.
    pub fn screens(&self) -> &[present::Screen] {
        &self.screens
    }

    /// Chooses the screen to present on, by name (`None`: the window's own).
    pub fn set_present_screen(&mut self, name: Option<String>) {
        self.prefs.present_screen = name;
    }

    /// Sets the canvas' zoom and the screen offset of the diagram's origin.
    pub fn set_view(&mut self, zoom: f32, pan: egui::Vec2) {
        self.canvas.view.set(zoom, pan);
    }

    /// Zooms the canvas to fit the whole diagram at the next frame.
    pub fn zoom_to_fit(&mut self) {
        self.canvas.zoom_to_fit();
    }

    /// Splits input that came faster than frames (eframe calls this before
    /// each frame; tests may too): typing that follows a click waits for the
    /// next frame. True if events wait.
    pub fn pace_input(&mut self, raw: &mut egui::RawInput) -> bool {
        self.input.pace(raw);
        self.input.holding()
    }

    /// Selects these touchpoints (tests and benchmarks; users click).
    pub fn select(&mut self, ids: Vec<TouchpointId>) {
        self.selection = ids;
    }

    /// Applies an edit as one undo step.
    pub fn edit(&mut self, edit: Edit) {
        self.apply_edits(vec![edit], document::Step::New);
    }

    // ---- The frame ----

    /// Draws the whole editor into `ui` and applies what the user did.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.begin_frame(&ctx);
        self.take_in_jobs(&ctx);
        let version = self.doc.version();
        self.pictures.frame(&ctx, self.doc.blueprint(), version);
        // What the keyboard, the clipboard and dropped files ask for acts
        // before the UI is drawn, so the frame that received a key shows
        // its result (not the frame after it).
        let mut early = Vec::new();
        self.input(&ctx, &mut early);
        self.apply_actions(&ctx, early);
        let mut actions = Vec::new();
        if self.presentation.is_some() {
            self.presentation_ui(ui, &mut actions);
        } else {
            self.editor_ui(ui, &mut actions);
        }
        self.dialogs(&ctx, &mut actions);
        self.apply_actions(&ctx, actions);
        if let Some(then) = self.proceed_later.take() {
            self.proceed(&ctx, then);
        }
        self.end_frame(&ctx);
    }

    fn begin_frame(&mut self, ctx: &egui::Context) {
        if !self.fonts_installed {
            crate::render::egui::install_fonts(ctx);
            self.fonts_installed = true;
        }
        ctx.set_theme(if self.prefs.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        self.input.begin_frame(ctx);
    }

    /// Shortcuts in the scopes that act now, files from dialogs and drops,
    /// and a close request.
    fn input(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        // A modal dialog takes the keyboard: no shortcut acts behind it.
        if self.dialog.is_none() {
            self.input.escape_left_a_field(ctx);
            // An open menu takes the keys a text field would (Escape
            // closes it and nothing else).
            let typing = ctx.egui_wants_keyboard_input() || egui::Popup::is_any_open(ctx);
            let scopes = Scope::active(self.presentation.is_some(), typing);
            for (cmd, text) in UiCommand::pressed(ctx, scopes) {
                match text {
                    Some(text) => actions.push(Action::Paste(text)),
                    None => actions.push(Action::Command(cmd)),
                }
            }
        }
        match self.files.poll_ended() {
            Some((purpose, Some(path))) => self.path_chosen(purpose, path),
            // A save cancelled: what waited for it does not happen.
            Some((_, None)) => self.after_save = None,
            None => {}
        }
        if !self.photo_input(ctx, actions) {
            let dropped: Option<PathBuf> = ctx.input(|i| {
                i.raw
                    .dropped_files
                    .iter()
                    .map(|f| f.path().to_path_buf())
                    .find(|p| !p.as_os_str().is_empty())
            });
            if let Some(p) = dropped {
                actions.push(Action::OpenPath(p));
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) && self.doc.is_dirty() && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(dialogs::Dialog::Unsaved {
                then: dialogs::Then::Close,
            });
        }
    }

    /// The editing chrome, the inspector and the canvas.
    fn editor_ui(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        self.menu_bar(ui, actions);
        self.toolbar(ui, actions);
        self.status_bar(ui);
        if self.prefs.show_problems {
            self.problems_panel(ui, actions);
        }
        if self.plan.open {
            self.action_plan_panel(ui, actions);
        }
        self.conflicts_panel(ui, actions);
        if self.compare.is_some() {
            self.compare_panel(ui, actions);
        }
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| {
                inspector::show(
                    ui,
                    self.doc.blueprint(),
                    self.doc.version(),
                    &self.selection,
                    self.prefs.lang,
                    &mut self.inspector,
                    &self.pictures,
                    actions,
                );
            });
        let view = self.view();
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let (bp, derived) = self.doc.view(view);
            let changes = |ui: &mut egui::Ui, id: &TouchpointId| {
                if let Some(c) = &self.compare {
                    c.card_tooltip(ui, id);
                }
            };
            let input = canvas::Input {
                bp,
                derived,
                selection: &self.selection,
                lang: self.prefs.lang,
                dark: self.prefs.dark,
                spotlight: None,
                tooltip: Some(&changes),
                photos: Some(&|id| self.pictures.get(id, photos::Size::Thumb)),
            };
            self.canvas.show(ui, input, actions);
            self.compare_marks(ui);
            self.conflict_marks(ui);
        });
    }

    /// What the derived data depends on besides the document.
    fn view(&self) -> document::View {
        document::View {
            lang: self.prefs.lang,
            dark: self.prefs.dark,
            compliance: self.prefs.compliance_view && self.presentation.is_none(),
            problems: self.presentation.is_none(),
            emotion_curve: self.prefs.emotion_curve,
            today: crate::model::Date::today(),
        }
    }

    /// Undo bursts, the recovery copy and the window title.
    fn end_frame(&mut self, ctx: &egui::Context) {
        // A burst of typing or dragging ends when nothing has the keyboard
        // and no drag goes on.
        let typing = ctx.egui_wants_keyboard_input();
        if self.doc.burst_open() && !typing && ctx.dragged_id().is_none() {
            self.doc.end_burst();
        }
        self.input.end_frame(typing);
        // "Saved" is not said over changes made since.
        if let Some(Notice {
            revision: Some(r), ..
        }) = &self.notice
            && *r != self.doc.revision()
        {
            self.notice = None;
        }
        self.autosave(ctx);
        let title = self.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    /// The window's title: what the window system is given is one line of
    /// printable characters, bounded (X11 refuses a NUL; a 20 MB title
    /// would be copied to the system every time it changes).
    fn window_title(&self) -> String {
        let mark = if self.doc.is_dirty() { "● " } else { "" };
        let name = crate::shown::window_title(&self.doc.name(self.prefs.lang));
        let title = crate::shown::window_title(&self.doc.blueprint().title);
        format!("{mark}{name} — {title} — Servuction")
    }

    fn notify(&mut self, text: String, error: bool) {
        self.notice = Some(Notice {
            text,
            error,
            revision: None,
        });
    }

    /// The screens, asked for again every few seconds while frames run (a
    /// projector may be plugged in during the meeting).
    fn ask_screens(&mut self, ui: &egui::Ui, frame: &eframe::Frame) {
        let now = ui.input(|i| i.time);
        if now - self.screens_asked <= 3.0 {
            return;
        }
        let Some(window) = frame.winit_window() else {
            return;
        };
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
}

impl eframe::App for EditorApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.ask_screens(ui, frame);
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.prefs.save(storage);
    }

    fn raw_input_hook(&mut self, ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.pace_input(raw_input) {
            ctx.request_repaint();
        }
    }
}

/// The application's icon (assets/icon/servuction.svg, rendered at 256 px).
fn icon() -> egui::IconData {
    let png = include_bytes!("../../assets/icon/png/servuction-256.png");
    eframe::icon_data::from_png_bytes(png).unwrap_or_default()
}

/// Runs the editor in a window.
pub fn run(file: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Servuction")
            // The desktop entry's name (StartupWMClass, the Wayland app id)
            // and the window's icon.
            .with_app_id("servuction")
            .with_icon(icon())
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
