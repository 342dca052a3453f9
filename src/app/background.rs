//! The editor's long work, run in the background ([`super::jobs`]): PNG, SVG
//! and PDF export, Copy as image, Open, CSV import and the recovery copy.
//! Each starts from a snapshot of the document as it was when the user
//! asked (sharing it costs a reference count) and ends in a [`Done`] that
//! the next frame takes in.

use super::jobs::{End, Progress};
use super::{Document, EditorApp};
use crate::format::ReadError;
use crate::i18n::{Localized, Msg};
use crate::model::{Blueprint, Standard};
use crate::render::export::{self, ExportError, Format, Settings};
use crate::render::fonts::Missing;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What a job made, for the frame to take in. One a job, moved once:
/// its size does not matter (an opened blueprint is its largest variant).
#[allow(clippy::large_enum_variant)]
pub enum Done {
    Exported {
        path: PathBuf,
        /// The scale a PNG was made at, of the scale asked for.
        scale: f32,
        asked: f32,
        result: Result<Missing, ExportError>,
    },
    CopiedImage(Result<egui::ColorImage, crate::render::png::PngError>),
    Opened {
        path: PathBuf,
        /// The revision of the document it replaces when the open began:
        /// edits made since are not thrown away unasked.
        revision: u64,
        result: Result<Blueprint, ReadError>,
    },
    Imported {
        path: PathBuf,
        snapshot: Arc<Blueprint>,
        result: Result<(Vec<Standard>, crate::report::ImportReport), crate::report::ImportError>,
    },
    /// Improvement actions read from a CSV file.
    ImportedActions {
        path: PathBuf,
        result: Result<crate::report::ActionsImport, crate::report::ImportError>,
    },
    RecoveryWritten {
        revision: u64,
        result: Result<(), crate::recovery::RecoveryError>,
    },
    /// The document saved to its file.
    Saved {
        path: PathBuf,
        /// Which document was saved ([`Saving::serial`]), as it was at
        /// `revision`.
        serial: u64,
        revision: u64,
        result: Result<(), crate::format::WriteError>,
    },
    /// Another version read to compare with.
    Compared {
        path: PathBuf,
        result: Result<Blueprint, ReadError>,
    },
    /// A photo prepared for a card.
    PhotoPrepared {
        touchpoint: crate::model::TouchpointId,
        name: String,
        result: Result<crate::model::Photo, super::photos::AddError>,
    },
}

/// The document being saved in the background, if it is.
#[derive(Default)]
pub struct Saving {
    /// Counts the documents the editor has held: a save that ends after
    /// its document was replaced marks nothing saved.
    pub serial: u64,
    running: bool,
    /// Where to save again when the save under way ends (Save pressed
    /// meanwhile): one write to a file at a time.
    again: Option<PathBuf>,
}

/// The recovery copy being written, if one is.
#[derive(Default)]
pub struct RecoveryWrite {
    running: bool,
}

impl EditorApp {
    /// Exports the document as it is now to `path`, in the background. A
    /// cancelled export writes nothing.
    pub(super) fn start_export(&mut self, format: Format, path: PathBuf) {
        let view = self.view();
        let snapshot = self.doc.snapshot();
        // The options chosen in File → Export… for this document, else the
        // view's colours and language.
        let mut settings = self
            .doc
            .export_choice()
            .map_or_else(|| Settings::new(view.theme(), view.lang), |c| c.settings);
        let asked = settings.scale;
        // A picture too large for the pixel budget at its scale is exported
        // at the largest scale that fits, and the user told so.
        if format == Format::Png {
            let (_, derived) = self.doc.view(view);
            let size = derived.layout.size;
            settings.scale = crate::render::png::fitting_scale(size.x, size.y, settings.scale);
        }
        let label = Msg::Exporting.fill(self.prefs.lang, &[&file_name(&path)]);
        self.jobs.start(label, true, move |p: &Progress| {
            let made = export::export_reporting(&snapshot, format, &settings, &|f| {
                p.set(f * 0.95);
                !p.cancelled()
            });
            if p.cancelled() {
                return End::Cancelled;
            }
            let result = made.and_then(|e| {
                crate::format::write_atomic(&path, &e.bytes)
                    .map(|()| e.missing)
                    .map_err(ExportError::Write)
            });
            p.set(1.0);
            End::Done(Done::Exported {
                path,
                scale: settings.scale,
                asked,
                result,
            })
        });
    }

    /// Puts the diagram, or the selected cards' part of it, on the
    /// clipboard as a picture at twice its size; only that part is drawn.
    pub(super) fn start_copy_image(&mut self) {
        let view = self.view();
        let snapshot = self.doc.snapshot();
        let region = self.selection_region();
        let label = Msg::CopyingImage.text(self.prefs.lang).to_owned();
        self.jobs.start(label, true, move |p: &Progress| {
            let scene = crate::render::export_scene(&snapshot, &view.theme(), view.lang);
            let title = crate::shown::shown_line(&snapshot.title, crate::shown::LINE_CHARS);
            let svg = crate::render::svg::to_svg(&scene, &title);
            let (w, h) = (scene.size.x, scene.size.y);
            drop(scene);
            p.set(0.2);
            let scale = crate::render::png::fitting_scale(w, h, 2.0);
            let made = crate::render::png::parse(&svg).and_then(|tree| {
                if p.cancelled() {
                    return Ok(None);
                }
                p.set(0.4);
                match region {
                    Some(r) => crate::render::png::rasterise_region(
                        &tree,
                        scale,
                        [
                            (r.min.x * scale).floor().max(0.0) as u32,
                            (r.min.y * scale).floor().max(0.0) as u32,
                            (r.max.x * scale).ceil().max(0.0) as u32,
                            (r.max.y * scale).ceil().max(0.0) as u32,
                        ],
                    ),
                    None => crate::render::png::rasterise_tree(&tree, scale),
                }
                .map(Some)
            });
            match made {
                Ok(None) => End::Cancelled,
                _ if p.cancelled() => End::Cancelled,
                Ok(Some((cw, ch, rgba))) => {
                    let image =
                        egui::ColorImage::from_rgba_unmultiplied([cw as usize, ch as usize], &rgba);
                    End::Done(Done::CopiedImage(Ok(image)))
                }
                Err(e) => End::Done(Done::CopiedImage(Err(e))),
            }
        });
    }

    /// Reads a file in the background; the document is replaced when it is
    /// read (after unsaved changes made meanwhile are dealt with).
    pub(super) fn start_open(&mut self, path: PathBuf) {
        let revision = self.doc.revision();
        let label = Msg::Opening.fill(self.prefs.lang, &[&file_name(&path)]);
        self.jobs.start(label, true, move |p: &Progress| {
            let result = crate::format::read(&path);
            if p.cancelled() {
                return End::Cancelled;
            }
            End::Done(Done::Opened {
                path,
                revision,
                result,
            })
        });
    }

    /// Reads measured values from a CSV file in the background, against the
    /// document as it is now.
    pub(super) fn start_import(&mut self, path: PathBuf) {
        self.start_csv_import(
            path,
            |bp, bytes| {
                let mut copy = Blueprint::clone(bp);
                crate::report::import_measurements_bytes(&mut copy, bytes)
                    .map(|report| (copy.standards, report))
            },
            |path, snapshot, result| Done::Imported {
                path,
                snapshot,
                result,
            },
        );
    }

    /// Reads improvement actions from a CSV file in the background; they
    /// are added (or changed) as one undo step when read.
    pub(super) fn start_import_actions(&mut self, path: PathBuf) {
        self.start_csv_import(
            path,
            crate::report::import_actions_bytes,
            |path, _, result| Done::ImportedActions { path, result },
        );
    }

    /// Reads a CSV file in the background and `read`s it against a snapshot
    /// of the document; `done` says what the job made.
    fn start_csv_import<R: Send + 'static>(
        &mut self,
        path: PathBuf,
        read: impl FnOnce(&Blueprint, &[u8]) -> Result<R, crate::report::ImportError> + Send + 'static,
        done: impl FnOnce(PathBuf, Arc<Blueprint>, Result<R, crate::report::ImportError>) -> Done
        + Send
        + 'static,
    ) {
        let snapshot = self.doc.snapshot();
        let label = Msg::Importing.fill(self.prefs.lang, &[&file_name(&path)]);
        self.jobs.start(label, true, move |p: &Progress| {
            // Bytes: the importer finds the encoding (Excel's Windows-1252
            // too). Only a regular file of bounded size is read.
            let result = crate::report::read_csv_file(&path)
                .map_err(crate::report::ImportError::Read)
                .and_then(|bytes| {
                    p.set(0.3);
                    read(&snapshot, &bytes)
                });
            if p.cancelled() {
                return End::Cancelled;
            }
            End::Done(done(path, snapshot, result))
        });
    }

    /// Writes this editor's recovery copy of the document as it is now, in
    /// the background (serialising and syncing a large document takes more
    /// than a frame). One at a time.
    pub(super) fn start_recovery_write(&mut self) -> bool {
        if self.recovery_write.running {
            return false;
        }
        let Some((store, key)) = self.files.recovery_target() else {
            return false;
        };
        let snapshot = self.doc.snapshot();
        let original = self.doc.path().map(Path::to_owned);
        let stamp = self.doc.stamp().cloned();
        let revision = self.doc.revision();
        self.recovery_write.running = true;
        let label = Msg::WritingRecovery.text(self.prefs.lang).to_owned();
        self.jobs.start(label, false, move |_: &Progress| {
            let result = store.write_stamped(&key, original.as_deref(), stamp.as_ref(), &snapshot);
            End::Done(Done::RecoveryWritten { revision, result })
        });
        true
    }

    /// Saves the document as it is now to `path` in the background; the
    /// document stays editable, and is marked saved as it was now.
    pub(super) fn start_save(&mut self, path: PathBuf) {
        if self.saving.running {
            self.saving.again = Some(path);
            return;
        }
        self.saving.running = true;
        let snapshot = self.doc.snapshot();
        let revision = self.doc.revision();
        let serial = self.saving.serial;
        let label = Msg::SavingFile.fill(self.prefs.lang, &[&file_name(&path)]);
        self.jobs.start(label, false, move |_: &Progress| {
            let result = crate::recovery::save_with_backup(&path, &snapshot);
            End::Done(Done::Saved {
                path,
                serial,
                revision,
                result,
            })
        });
    }

    /// Takes in how a background save ended, and saves again if asked
    /// meanwhile.
    fn save_ended(
        &mut self,
        path: &Path,
        serial: u64,
        revision: u64,
        result: Result<(), crate::format::WriteError>,
    ) {
        self.saving.running = false;
        if serial == self.saving.serial {
            self.saved(path, revision, result);
        } else if let Err(e) = result {
            // The document was closed meanwhile: only a failure is worth
            // saying.
            let lang = self.prefs.lang;
            self.notify(
                Msg::SaveFailed.fill(lang, &[&path.display(), &e.message(lang)]),
                true,
            );
        }
        if let Some(again) = self.saving.again.take()
            && self.doc.is_dirty()
        {
            self.save_to(&again, true);
        }
    }

    /// Whether a save runs in the background.
    pub fn saving(&self) -> bool {
        self.saving.running
    }

    /// Takes in what the jobs that ended made.
    pub(super) fn take_in_jobs(&mut self, ctx: &egui::Context) {
        for end in self.jobs.poll(ctx) {
            match end {
                End::Done(done) => self.take_in(ctx, done),
                End::Cancelled => {
                    self.notify(Msg::Cancelled.text(self.prefs.lang).to_owned(), false);
                }
            }
        }
    }

    /// Waits for every job to end and takes in what they made (closing the
    /// window; tests).
    pub fn finish_jobs(&mut self, ctx: &egui::Context) {
        for end in self.jobs.wait_all() {
            if let End::Done(done) = end {
                self.take_in(ctx, done);
            }
        }
    }

    /// Whether work runs in the background.
    pub fn busy(&self) -> bool {
        self.jobs.busy() || self.compare.as_ref().is_some_and(|c| c.diffing())
    }

    /// Tells how an export in the background ended.
    fn exported(
        &mut self,
        path: &std::path::Path,
        scale: f32,
        asked: f32,
        result: Result<Missing, ExportError>,
    ) {
        let lang = self.prefs.lang;
        match result {
            Ok(missing) if !missing.is_empty() => self.notify(
                Msg::MissingGlyphs.fill(
                    lang,
                    &[
                        &path.display(),
                        &missing.chars_text(),
                        &missing.packages_text(),
                    ],
                ),
                true,
            ),
            Ok(_) if scale < asked => {
                let percent = crate::i18n::percent(f64::from(scale / asked) * 100.0, 2, lang);
                self.notify(
                    Msg::ExportedScaled.fill(lang, &[&path.display(), &percent]),
                    false,
                );
            }
            Ok(_) => self.notify(Msg::Exported.fill(lang, &[&path.display()]), false),
            Err(e) => self.notify(
                Msg::SaveFailed.fill(lang, &[&path.display(), &e.message(lang)]),
                true,
            ),
        }
    }

    fn take_in(&mut self, ctx: &egui::Context, done: Done) {
        let lang = self.prefs.lang;
        match done {
            Done::Exported {
                path,
                scale,
                asked,
                result,
            } => self.exported(&path, scale, asked, result),
            Done::CopiedImage(result) => match result {
                Ok(image) => {
                    let [w, h] = image.size;
                    ctx.copy_image(image);
                    let text = crate::i18n::Plural::CopiedImage.fill(
                        lang,
                        w * h,
                        &[&crate::i18n::count(w, lang), &crate::i18n::count(h, lang)],
                    );
                    self.notify(text, false);
                }
                Err(e) => self.notify(e.message(lang), true),
            },
            Done::Opened {
                path,
                revision,
                result,
            } => match result {
                // Edits made while the file was read: asked about again.
                Ok(_) if self.doc.revision() != revision && self.doc.is_dirty() => {
                    self.dialog = Some(super::dialogs::Dialog::Unsaved {
                        then: super::dialogs::Then::Open(Some(path)),
                    });
                }
                Ok(bp) => {
                    // An exported PNG, SVG or PDF re-opens as a document to
                    // be saved beside it, never over the picture.
                    let doc = if crate::format::is_export(&path) {
                        Document::imported(bp, &path)
                    } else {
                        Document::opened(bp, Some(&path))
                    };
                    self.replace_document(doc);
                    self.prefs.remember(&path);
                    self.notice = None;
                }
                Err(e) => {
                    let msg = Msg::OpenFailed.fill(lang, &[&path.display(), &e.message(lang)]);
                    self.notify(msg, true);
                }
            },
            Done::Imported {
                path,
                snapshot,
                result,
            } => match result {
                Ok((standards, report)) => {
                    if report.added > 0 {
                        self.take_in_measurements(&snapshot, standards);
                    }
                    let mut msg = report.summary(lang);
                    if let Some(first) = report.skipped.first() {
                        msg.push_str(&format!(
                            " — {}: {}",
                            first.line,
                            first.reason.message(lang)
                        ));
                    }
                    let error = !report.skipped.is_empty();
                    self.notify(msg, error);
                }
                Err(e) => self.notify(
                    Msg::OpenFailed.fill(lang, &[&path.display(), &e.message(lang)]),
                    true,
                ),
            },
            Done::ImportedActions { path, result } => {
                let applied = result.map_err(|e| e.message(lang)).and_then(|import| {
                    let edit = import.edit();
                    // Checked against the document as it is now: an element
                    // deleted meanwhile refuses the import whole.
                    (self.doc.apply(vec![edit], super::document::Step::New))
                        .map(|()| import.summary(lang))
                        .map_err(|e| e.message(lang))
                });
                match applied {
                    Ok(summary) => self.notify(summary, false),
                    Err(e) => self.notify(Msg::OpenFailed.fill(lang, &[&path.display(), &e]), true),
                }
            }
            Done::RecoveryWritten { revision, result } => {
                self.recovery_write.running = false;
                self.files
                    .recovery_written(revision, result, !self.doc.is_dirty());
            }
            Done::Saved {
                path,
                serial,
                revision,
                result,
            } => self.save_ended(&path, serial, revision, result),
            Done::Compared { path, result } => self.compared(path, result),
            Done::PhotoPrepared {
                touchpoint,
                name,
                result,
            } => self.take_in_photo(touchpoint, &name, result),
        }
    }

    /// Adds the measured values an import found, as one undo step: the
    /// standards as imported if the document did not change meanwhile,
    /// else each new value added to the standard as it is now.
    fn take_in_measurements(&mut self, snapshot: &Arc<Blueprint>, standards: Vec<Standard>) {
        use crate::edit::Edit;
        if Arc::ptr_eq(snapshot, &self.doc.snapshot()) {
            self.edit(Edit::SetStandards(standards));
            return;
        }
        let before: std::collections::HashMap<_, _> =
            snapshot.standards.iter().map(|s| (&s.id, s)).collect();
        // Standards deleted meanwhile take no values.
        let now: std::collections::HashSet<_> = self
            .doc
            .blueprint()
            .standards
            .iter()
            .map(|s| &s.id)
            .collect();
        let mut edits = Vec::new();
        for s in standards.iter().filter(|s| now.contains(&s.id)) {
            let old = before.get(&s.id).map_or(&[][..], |o| &o.measurements[..]);
            for m in &s.measurements {
                if !old.contains(m) {
                    edits.push(Edit::AddMeasurement {
                        standard: s.id.clone(),
                        measurement: m.clone(),
                    });
                }
            }
        }
        self.apply_edits(edits, super::document::Step::New);
    }
}

/// A path's file name, for the status bar.
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
