//! Files: open, save, export, import and recovery copies; and the file
//! dialogs, native ones through rfd on a thread of their own (a hung portal
//! cannot freeze the window), or the app's own path entry where the system
//! has no dialog service.

use super::dialogs::{Dialog, Then};
use super::{Document, EditorApp};
use crate::i18n::{Localized, Msg};
use crate::recovery::{FileStamp, RecoveryStore};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// How often a recovery copy is written while there are unsaved changes.
pub const AUTOSAVE_SECONDS: f64 = 30.0;

/// What a chosen path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    Save,
    ExportPng,
    ExportSvg,
    ExportPdf,
    /// The HTML report.
    ExportHtml,
    /// The standards as CSV.
    ExportCsv,
    ImportCsv,
    /// The improvement actions as CSV.
    ExportActionsCsv,
    ImportActionsCsv,
    /// Another version to compare with.
    Compare,
    /// A photo for the selected touchpoint.
    AddPhoto,
}

impl Purpose {
    pub fn title(self) -> Msg {
        match self {
            Purpose::Open => Msg::PathOpen,
            Purpose::Save => Msg::PathSave,
            Purpose::ExportPng
            | Purpose::ExportSvg
            | Purpose::ExportPdf
            | Purpose::ExportHtml
            | Purpose::ExportCsv
            | Purpose::ExportActionsCsv => Msg::PathExport,
            Purpose::ImportCsv => Msg::CmdImportCsv,
            Purpose::ImportActionsCsv => Msg::CmdImportActionsCsv,
            Purpose::Compare => Msg::PathCompare,
            Purpose::AddPhoto => Msg::AddPhoto,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Purpose::Open | Purpose::Save | Purpose::Compare => crate::format::EXTENSION,
            Purpose::ExportPng => "png",
            Purpose::ExportSvg => "svg",
            Purpose::ExportPdf => "pdf",
            Purpose::ExportHtml => "html",
            Purpose::ExportCsv | Purpose::ExportActionsCsv => "csv",
            Purpose::ImportCsv | Purpose::ImportActionsCsv => "csv",
            Purpose::AddPhoto => "jpg",
        }
    }
}

/// Whether native file dialogs can work here. On Linux rfd needs an
/// xdg-desktop-portal on the session bus or zenity; without either it
/// returns nothing, exactly as if the user cancelled.
pub fn native_dialogs_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
    };
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && [
            "/usr/libexec/xdg-desktop-portal",
            "/usr/lib/xdg-desktop-portal",
        ]
        .iter()
        .any(|p| Path::new(p).exists());
    portal || on_path("zenity")
}

/// A path proposed for saving or exporting: documents are saved as
/// `NAME.servuction`, but one already saved as `.json` keeps its name.
pub fn suggested_path(purpose: Purpose, current: Option<&Path>, name: &str) -> String {
    let base = current.map(Path::to_path_buf).unwrap_or_else(|| {
        std::env::current_dir()
            .unwrap_or_default()
            .join(format!("{name}.{}", crate::format::EXTENSION))
    });
    let keeps_json = purpose == Purpose::Save
        && base
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if keeps_json {
        return base.display().to_string();
    }
    base.with_extension(purpose.extension())
        .display()
        .to_string()
}

/// A file name made of a title: one line, at most 80 chars, without the
/// chars file systems refuse (`/ \\ : * ? " < > |` and controls); None
/// when nothing is left.
pub fn file_name_for(title: &str) -> Option<String> {
    let line = crate::shown::shown_line(title, 200);
    let name: String = line
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .take(80)
        .collect();
    let name = name.trim_matches(|c: char| c.is_whitespace() || c == '.' || c == '-');
    (!name.is_empty()).then(|| name.to_owned())
}

/// The file an export writes: a name without the format's extension gets
/// it.
pub fn export_target(purpose: Purpose, path: &Path) -> PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(purpose.extension()));
    let reads = matches!(
        purpose,
        Purpose::Open
            | Purpose::ImportCsv
            | Purpose::ImportActionsCsv
            | Purpose::Compare
            | Purpose::AddPhoto
    );
    if has || reads || purpose == Purpose::Save {
        path.to_owned()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(".");
        name.push(purpose.extension());
        PathBuf::from(name)
    }
}

/// A typed path with `~` expanded.
pub fn expand_path(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}

/// Native dialogs in flight, and the recovery copies of unsaved work.
pub struct Files {
    native: bool,
    pending: Option<(Purpose, Receiver<Option<PathBuf>>)>,
    recovery: Option<RecoveryStore>,
    /// This editor's recovery copy.
    recovery_key: String,
    /// The hold on the key while this editor runs: other editors do not
    /// offer its copy as a crash's.
    _claim: Option<crate::recovery::Claim>,
    last_autosave: f64,
    autosaved_revision: Option<u64>,
    /// Why the last recovery copy could not be written.
    unprotected: Option<crate::recovery::RecoveryError>,
}

impl Files {
    pub fn new(native: bool, recovery: Option<RecoveryStore>) -> Self {
        let recovery_key = crate::recovery::new_key();
        // A folder that cannot be used (a file, read-only): said at once.
        let (claim, unprotected) = match &recovery {
            Some(s) => match s.claim(&recovery_key) {
                Ok(c) => (Some(c), None),
                Err(e) => (None, Some(e)),
            },
            None => (None, Some(crate::recovery::RecoveryError::NoDataDir)),
        };
        Self {
            native,
            pending: None,
            recovery,
            recovery_key,
            _claim: claim,
            last_autosave: 0.0,
            autosaved_revision: None,
            unprotected,
        }
    }

    /// Whether to use native dialogs (or the app's own path entry).
    pub fn use_native(&mut self, native: bool) {
        self.native = native;
    }

    /// Where this editor's recovery copy goes, if anywhere.
    pub(super) fn recovery_target(&mut self) -> Option<(RecoveryStore, String)> {
        let store = self.recovery.clone()?;
        // A folder that could not be used at the start may be usable now:
        // the key is claimed before its copy is written.
        if self._claim.is_none() {
            match store.claim(&self.recovery_key) {
                Ok(c) => self._claim = Some(c),
                Err(e) => self.unprotected = Some(e),
            }
        }
        Some((store, self.recovery_key.clone()))
    }

    /// A recovery copy of `revision` was written, or not: remembered, and a
    /// copy written after the work was saved (`clean`) goes again.
    pub(super) fn recovery_written(
        &mut self,
        revision: u64,
        result: Result<(), crate::recovery::RecoveryError>,
        clean: bool,
    ) {
        match result {
            Ok(()) if clean => self.discard_copy(),
            Ok(()) => {
                self.autosaved_revision = Some(revision);
                self.unprotected = None;
            }
            Err(e) => self.unprotected = Some(e),
        }
    }

    /// Why the last recovery copy could not be written, while none could
    /// since: the user's work is not protected.
    pub(super) fn unprotected(&self) -> Option<&crate::recovery::RecoveryError> {
        self.unprotected.as_ref()
    }

    /// Sets this editor's recovery copy aside (kept for some days): the
    /// user discarded its work.
    pub(super) fn set_aside_copy(&mut self) {
        if let Some(store) = &self.recovery {
            store.set_aside_key(&self.recovery_key);
        }
        self.autosaved_revision = None;
    }

    /// Deletes this editor's recovery copy (the work is saved or discarded).
    fn discard_copy(&mut self) {
        if let Some(store) = &self.recovery {
            store.discard(&self.recovery_key);
        }
        self.autosaved_revision = None;
    }

    /// Opens a native dialog; false if there is none and the caller must ask
    /// for the path itself.
    pub fn ask(&mut self, purpose: Purpose, current: Option<&Path>, name: &str) -> bool {
        if !self.native {
            return false;
        }
        if self.pending.is_some() {
            return true;
        }
        let (tx, rx) = channel();
        let suggested = PathBuf::from(suggested_path(purpose, current, name));
        std::thread::spawn(move || {
            let mut d = rfd::FileDialog::new();
            if let Some(dir) = suggested.parent() {
                d = d.set_directory(dir);
            }
            let path = match purpose {
                Purpose::Open | Purpose::Compare => d
                    .add_filter(
                        "Servuction",
                        &[crate::format::EXTENSION, "json", "png", "svg", "pdf"],
                    )
                    .pick_file(),
                Purpose::ImportCsv | Purpose::ImportActionsCsv => {
                    d.add_filter("CSV", &["csv"]).pick_file()
                }
                Purpose::AddPhoto => d
                    .add_filter("PNG, JPEG, WebP", &["png", "jpg", "jpeg", "webp"])
                    .pick_file(),
                _ => {
                    let name = suggested
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let d = if purpose == Purpose::Save {
                        d.add_filter("Servuction", &[crate::format::EXTENSION, "json"])
                    } else {
                        d.add_filter(purpose.extension(), &[purpose.extension()])
                    };
                    d.set_file_name(name).save_file()
                }
            };
            let _ = tx.send(path);
        });
        self.pending = Some((purpose, rx));
        true
    }

    /// The path a native dialog returned, once it has.
    /// A native dialog that ended: its purpose, and the path, or `None`
    /// if it was cancelled.
    pub fn poll_ended(&mut self) -> Option<(Purpose, Option<PathBuf>)> {
        let (purpose, rx) = self.pending.as_ref()?;
        match rx.try_recv() {
            Ok(path) => {
                let purpose = *purpose;
                self.pending = None;
                Some((purpose, path))
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                None
            }
        }
    }
}

impl EditorApp {
    /// Offers to restore recovery copies that a crash or a kill left behind.
    pub fn offer_recovery(&mut self) {
        if let Some(store) = &self.files.recovery {
            let entries = store.list();
            if !entries.is_empty() {
                self.dialog = Some(Dialog::Recover { entries });
            }
        }
    }

    /// Replaces the document (after any unsaved changes were dealt with).
    pub(super) fn replace_document(&mut self, doc: Document) {
        self.files.discard_copy();
        self.doc = doc;
        self.saving.serial += 1;
        // A comparison was with the document that goes; a merged
        // document's conflicts are listed at once.
        self.compare = None;
        self.conflicts = super::compare::ConflictsView::of(self.doc.blueprint());
        self.selection.clear();
        self.canvas.reset_gestures();
        self.canvas.zoom_to_fit();
    }

    /// Opens a file, read in the background; on failure the current
    /// document stays as it was.
    pub fn open_path(&mut self, path: &Path) {
        self.start_open(path.to_owned());
    }

    /// Restores a recovery copy as the open document, unsaved. The copy
    /// becomes this editor's at once (written under its own key before the
    /// old one goes), so a crash right after the restore loses nothing.
    pub(super) fn restore(&mut self, entry: &crate::recovery::RecoveryEntry) {
        let Some(store) = self.files.recovery.clone() else {
            return;
        };
        match store.load(entry) {
            Ok(bp) => {
                let mut doc = Document::opened(bp, entry.original.as_deref());
                // The file as the editor that wrote the copy last saw it: a
                // colleague's version saved since is noticed at Save.
                if let Some(original) = &entry.original {
                    doc.set_stamp(entry.original_stamp.clone());
                    let changed = entry
                        .original_stamp
                        .as_ref()
                        .is_some_and(|s| FileStamp::of(original).as_ref() != Some(s));
                    if changed {
                        let msg = Msg::RestoredChangedOnDisk
                            .fill(self.prefs.lang, &[&original.display()]);
                        self.notify(msg, true);
                    }
                }
                doc.mark_unsaved();
                self.replace_document(doc);
                let f = &mut self.files;
                let own = store.write_stamped(
                    &f.recovery_key,
                    self.doc.path(),
                    self.doc.stamp(),
                    self.doc.blueprint(),
                );
                match own {
                    Ok(()) => {
                        f.autosaved_revision = Some(self.doc.revision());
                        f.unprotected = None;
                        store.remove(entry);
                    }
                    Err(e) => f.unprotected = Some(e),
                }
            }
            Err(e) => self.notify(e.message(self.prefs.lang), true),
        }
    }

    /// Sets aside a recovery copy the user chose not to restore (kept for
    /// some days in the recovery folder's `discarded/`).
    pub(super) fn discard_recovered(&mut self, entry: &crate::recovery::RecoveryEntry) {
        if let Some(store) = &self.files.recovery {
            store.set_aside(entry);
        }
    }

    /// Saves to a path; reports failure in the window, keeping the document.
    /// Returns whether it was saved, or for a large document whether the
    /// save began (it ends in [`Self::saved`]).
    pub fn save_to(&mut self, path: &Path, overwrite_changed: bool) -> bool {
        self.doc.end_burst();
        if !overwrite_changed
            && self.doc.path() == Some(path)
            && self.doc.stamp().is_some()
            && FileStamp::of(path).as_ref() != self.doc.stamp()
        {
            self.dialog = Some(Dialog::ChangedOnDisk {
                path: path.to_owned(),
            });
            return false;
        }
        let lang = self.prefs.lang;
        // A document written over an exported picture would lose the picture.
        if crate::format::is_export(path) {
            self.notify(Msg::SaveOverExport.fill(lang, &[&path.display()]), true);
            self.after_save = None;
            return false;
        }
        // A large document is written in the background (serialising and
        // syncing it takes more than a frame); a small one at once.
        if saves_in_background(self.doc.blueprint()) {
            self.start_save(path.to_owned());
            return true;
        }
        let result = crate::recovery::save_with_backup(path, self.doc.blueprint());
        self.saved(path, self.doc.revision(), result)
    }

    /// Takes in how a save of the document at `revision` to `path` ended:
    /// the document is marked saved as it was then, and what waited for the
    /// save goes on; or the failure is said and nothing goes on.
    pub(super) fn saved(
        &mut self,
        path: &Path,
        revision: u64,
        result: Result<(), crate::format::WriteError>,
    ) -> bool {
        let lang = self.prefs.lang;
        match result {
            Ok(()) => {
                self.doc.saved_at(path, revision);
                if !self.doc.is_dirty() {
                    self.files.discard_copy();
                }
                self.prefs.remember(path);
                // Said until the next change: "Saved" is not shown over
                // changes made after.
                self.notify(Msg::Saved.fill(lang, &[&path.display()]), false);
                if let Some(n) = &mut self.notice {
                    n.revision = Some(revision);
                }
                // What waited for the save ("Save" in the unsaved-changes
                // dialog).
                if let Some(then) = self.after_save.take() {
                    self.proceed_later = Some(then);
                }
                true
            }
            Err(e) => {
                self.notify(
                    Msg::SaveFailed.fill(lang, &[&path.display(), &e.message(lang)]),
                    true,
                );
                // What waited for the save waits no more: the work is not saved.
                self.after_save = None;
                false
            }
        }
    }

    /// Saves to the document's file, or asks where.
    pub(super) fn save(&mut self) -> bool {
        match self.doc.path().map(Path::to_owned) {
            Some(p) => self.save_to(&p, false),
            None => {
                self.ask_path(Purpose::Save);
                false
            }
        }
    }

    /// Exports in the format of the command given: a name without that
    /// extension gets it, and the open document's own file is never written
    /// over.
    fn export_to(&mut self, purpose: Purpose, path: &Path) {
        let path = &export_target(purpose, path);
        use crate::render::export::Format;
        let lang = self.prefs.lang;
        let format = match purpose {
            Purpose::ExportSvg => Format::Svg,
            Purpose::ExportPdf => Format::Pdf,
            Purpose::ExportHtml => Format::Html,
            Purpose::ExportCsv => Format::Csv,
            Purpose::ExportActionsCsv => Format::ActionsCsv,
            _ => Format::Png,
        };
        if self.doc.path() == Some(path.as_path()) {
            self.notify(Msg::SaveOverExport.fill(lang, &[&path.display()]), true);
            return;
        }
        self.start_export(format, path.clone());
    }

    /// The diagram, or the selected cards' part of it, on the clipboard as
    /// a picture (at twice the screen's size, for documents and slides).
    pub fn copy_image(&mut self) {
        self.start_copy_image();
    }

    /// Exports the document to `path` in the background, in the format its
    /// extension names (PNG, SVG or PDF), as File → Export does once its
    /// prompt is answered (benchmarks drive it so).
    pub fn export_in_background(&mut self, path: &Path) {
        use crate::render::export::Format;
        match Format::of(path) {
            Some(f @ (Format::Png | Format::Svg | Format::Pdf)) => {
                self.start_export(f, path.to_owned())
            }
            _ => self.notify(
                Msg::SaveFailed.fill(self.prefs.lang, &[&path.display(), &"?"]),
                true,
            ),
        }
    }

    /// The part of the diagram the selected cards cover, with a margin.
    pub(super) fn selection_region(&mut self) -> Option<crate::layout::Rect> {
        // The cards stand where the view's layout has them (the chart under
        // the diagram moves none).
        let view = self.view();
        let (_, derived) = self.doc.view(view);
        let mut rect: Option<crate::layout::Rect> = None;
        for card in self
            .selection
            .iter()
            .filter_map(|id| derived.layout.card(id))
        {
            rect = Some(match rect {
                None => card.rect,
                Some(r) => r.union(&card.rect),
            });
        }
        rect.map(|r| r.expand(16.0))
    }

    /// Runs `then` now, or asks first if there are unsaved changes.
    pub(super) fn guard(&mut self, ctx: &egui::Context, then: Then) {
        if self.doc.is_dirty() {
            self.dialog = Some(Dialog::Unsaved { then });
        } else {
            self.proceed(ctx, then);
        }
    }

    /// Does what was waiting for unsaved changes to be dealt with.
    pub(super) fn proceed(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::Close => {
                self.allow_close = true;
                // An export or a recovery copy under way ends first.
                self.finish_jobs(ctx);
                self.files.discard_copy();
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Then::NewFrom(name) => {
                if let Some(t) = crate::templates::find(name) {
                    match t.load(self.prefs.lang) {
                        Ok(bp) => self.replace_document(Document::new(bp)),
                        Err(e) => self.notify(e.message(self.prefs.lang), true),
                    }
                }
            }
            Then::Open(Some(path)) => self.open_path(&path),
            Then::Open(None) => self.ask_path(Purpose::Open),
            Then::Restore { entry, rest } => {
                self.restore(&entry);
                if !rest.is_empty() {
                    self.dialog = Some(Dialog::Recover { entries: rest });
                }
            }
        }
    }

    /// Asks for a path: a native dialog, or the app's own entry.
    pub(super) fn ask_path(&mut self, purpose: Purpose) {
        if purpose == Purpose::AddPhoto {
            // The card the photo goes to: the one selected when asked.
            match self.selection.as_slice() {
                [one] => self.photo_for = Some(one.clone()),
                _ => return,
            }
        }
        let current = self.doc.suggested_place();
        // A document never saved is named after its blueprint's title.
        let name = match self.doc.path() {
            Some(_) => self.doc.name(self.prefs.lang),
            None => file_name_for(&self.doc.blueprint().title)
                .unwrap_or_else(|| self.doc.name(self.prefs.lang)),
        };
        if !self.files.ask(purpose, current.as_deref(), &name) {
            let text = match purpose {
                Purpose::Open
                | Purpose::ImportCsv
                | Purpose::ImportActionsCsv
                | Purpose::Compare
                | Purpose::AddPhoto => String::new(),
                _ => suggested_path(purpose, current.as_deref(), &name),
            };
            self.dialog = Some(Dialog::Path { purpose, text });
        }
    }

    /// A path was chosen for a purpose.
    pub(super) fn path_chosen(&mut self, purpose: Purpose, path: PathBuf) {
        match purpose {
            // Edits made while a native dialog was open are asked about.
            Purpose::Open if self.doc.is_dirty() => {
                self.dialog = Some(Dialog::Unsaved {
                    then: Then::Open(Some(path)),
                });
            }
            Purpose::Open => self.open_path(&path),
            Purpose::Save => {
                self.save_to(&path, true);
            }
            Purpose::ExportPng
            | Purpose::ExportSvg
            | Purpose::ExportPdf
            | Purpose::ExportHtml
            | Purpose::ExportCsv
            | Purpose::ExportActionsCsv => {
                self.export_to(purpose, &path);
            }
            Purpose::ImportCsv => self.import_csv(&path),
            Purpose::ImportActionsCsv => self.start_import_actions(path),
            Purpose::Compare => self.compare_with(&path),
            Purpose::AddPhoto => {
                if let Some(tp) = self.photo_for.take() {
                    self.start_add_photo(tp, super::photos::Source::File(path));
                }
            }
        }
    }

    /// Adds measured values from a CSV file, as one undo step, and reports
    /// the rows it could not use.
    pub fn import_csv(&mut self, path: &Path) {
        self.start_import(path.to_owned());
    }

    /// Writes a recovery copy every half minute while there are unsaved
    /// changes, and at once when the window loses focus; editing or
    /// presenting alike.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let revision = self.doc.revision();
        if !self.doc.is_dirty() || self.files.autosaved_revision == Some(revision) {
            return;
        }
        let now = ctx.input(|i| i.time);
        let lost_focus = ctx.input(|i| {
            i.events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(false)))
        });
        let since = now - self.files.last_autosave;
        if since < AUTOSAVE_SECONDS && !lost_focus {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_SECONDS - since));
            return;
        }
        // Written in the background from a snapshot: serialising and
        // syncing a large document takes more than a frame.
        if self.start_recovery_write() {
            self.files.last_autosave = now;
        }
    }
}

/// Whether saving this document takes long enough to be done in the
/// background: from [`crate::parallel::PARALLEL_FROM`] touchpoints (a
/// 20,000-touchpoint file is about 10 MB of JSON), or with more than a
/// megabyte of photos.
pub(super) fn saves_in_background(bp: &crate::model::Blueprint) -> bool {
    bp.touchpoints.len() >= crate::parallel::PARALLEL_FROM
        || bp
            .photos
            .iter()
            .map(|p| p.data.bytes().len())
            .sum::<usize>()
            > 1 << 20
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_saved_as_servuction_files_and_json_ones_keep_their_name() {
        let new = suggested_path(Purpose::Save, None, "Hotel stay");
        assert!(new.ends_with("Hotel stay.servuction"), "{new}");
        let json = Path::new("/work/stay.json");
        assert_eq!(
            suggested_path(Purpose::Save, Some(json), "x"),
            "/work/stay.json"
        );
        let ours = Path::new("/work/stay.servuction");
        assert_eq!(
            suggested_path(Purpose::Save, Some(ours), "x"),
            "/work/stay.servuction"
        );
        for (purpose, ext) in [
            (Purpose::ExportPng, "png"),
            (Purpose::ExportSvg, "svg"),
            (Purpose::ExportPdf, "pdf"),
        ] {
            assert_eq!(
                suggested_path(purpose, Some(ours), "x"),
                format!("/work/stay.{ext}")
            );
        }
    }
}
