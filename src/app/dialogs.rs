//! The modal dialogs: a path typed where there is no file dialog, unsaved
//! changes, a file changed on disk, recovery of unsaved work, and the
//! keyboard shortcuts.

use super::files::{self, Purpose};
use super::{Action, EditorApp, Scope, UiCommand};
use crate::i18n::Msg;
use crate::model::Language;
use crate::recovery::RecoveryEntry;
use std::path::PathBuf;
use strum::IntoEnumIterator as _;

/// A modal dialog on screen.
#[derive(Clone, Debug)]
pub enum Dialog {
    /// The app's own path entry, when no native dialog is available.
    Path {
        purpose: Purpose,
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
    /// The path typed for a save or an export names a file that exists.
    Replace {
        purpose: Purpose,
        path: PathBuf,
        /// The text typed, to go back to.
        text: String,
    },
    Recover {
        entries: Vec<RecoveryEntry>,
    },
    Shortcuts,
    About,
    /// File → Export…
    Export(Box<super::export_dialog::ExportForm>),
}

/// What to do once unsaved changes are dealt with.
#[derive(Clone, Debug)]
pub enum Then {
    Close,
    NewFrom(&'static str),
    Open(Option<PathBuf>),
    /// Restore a recovery copy, then offer the others again.
    Restore {
        entry: RecoveryEntry,
        rest: Vec<RecoveryEntry>,
    },
}

impl EditorApp {
    /// Shows the dialog on screen, if any, and does what the user chose.
    pub(super) fn dialogs(&mut self, ctx: &egui::Context, _actions: &mut [Action]) {
        let Some(dialog) = self.dialog.take() else {
            return;
        };
        let lang = self.prefs.lang;
        self.dialog = match dialog {
            Dialog::Path { purpose, text } => self.path_dialog(ctx, purpose, text),
            Dialog::Unsaved { then } => self.unsaved_dialog(ctx, then),
            Dialog::ChangedOnDisk { path } => self.changed_dialog(ctx, path),
            Dialog::Replace {
                purpose,
                path,
                text,
            } => self.replace_dialog(ctx, purpose, path, text),
            Dialog::Recover { entries } => self.recover_dialog(ctx, entries),
            Dialog::Shortcuts => shortcuts_dialog(ctx, lang).then_some(Dialog::Shortcuts),
            Dialog::About => about_dialog(ctx, lang).then_some(Dialog::About),
            Dialog::Export(form) => self.export_dialog(ctx, form),
        }
        .or(self.dialog.take());
    }

    /// Returns the dialog to keep on screen, if it stays.
    fn path_dialog(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        mut text: String,
    ) -> Option<Dialog> {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        let r = egui::Modal::new(egui::Id::unique("path-dialog")).show(ctx, |ui| {
            ui.heading(t(purpose.title()));
            ui.label(t(Msg::PathHint));
            let l = ui.label(t(Msg::FieldPath)).id;
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .desired_width(480.0)
                        .hint_text(if purpose == Purpose::AddPhoto {
                            "/home/…/photo.jpg"
                        } else {
                            "/home/…/blueprint.servuction"
                        }),
                )
                .labelled_by(l);
            edit.request_focus();
            // Enter confirms, whether or not egui took the focus away first.
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            let (ok, cancel) = ui
                .horizontal(|ui| {
                    let ok = ui.button(t(Msg::Ok)).clicked();
                    (ok, ui.button(t(Msg::Cancel)).clicked())
                })
                .inner;
            (ok || enter, cancel)
        });
        let (ok, cancel) = r.inner;
        if ok && !text.trim().is_empty() {
            let path = files::expand_path(text.trim());
            // A save or an export over a file that exists asks first, as
            // native dialogs do (a save to the document's own file is a save).
            let target = files::export_target(purpose, &path);
            let writes = !matches!(
                purpose,
                Purpose::Open
                    | Purpose::ImportCsv
                    | Purpose::ImportActionsCsv
                    | Purpose::Compare
                    | Purpose::AddPhoto
            );
            if writes && target.exists() && self.doc.path() != Some(target.as_path()) {
                return Some(Dialog::Replace {
                    purpose,
                    path,
                    text,
                });
            }
            self.path_chosen(purpose, path);
            None
        } else if cancel || r.should_close() {
            self.after_save = None;
            None
        } else {
            Some(Dialog::Path { purpose, text })
        }
    }

    fn unsaved_dialog(&mut self, ctx: &egui::Context, then: Then) -> Option<Dialog> {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        let name = self.doc.name(lang);
        let r = egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.heading(t(Msg::UnsavedTitle));
            ui.label(Msg::UnsavedBody.fill(lang, &[&name]));
            choice(ui, [t(Msg::SaveFirst), t(Msg::Discard), t(Msg::Cancel)])
        });
        match r.inner {
            (true, _, _) => {
                // What waited is done once saved (an untitled document is
                // asked where first; a large one is saved in the
                // background), and not at all if the save fails.
                self.after_save = Some(then);
                self.save();
                None
            }
            (_, true, _) => {
                // The work is kept for some days in case it was the wrong one.
                self.files.set_aside_copy();
                self.doc.forget_changes();
                self.proceed(ctx, then);
                None
            }
            // Cancel: back to the list of copies, if a restore asked.
            (_, _, true) => back_to_copies(then),
            _ if r.should_close() => back_to_copies(then),
            _ => Some(Dialog::Unsaved { then }),
        }
    }

    /// Replace a file that exists, or go back to the path.
    fn replace_dialog(
        &mut self,
        ctx: &egui::Context,
        purpose: Purpose,
        path: PathBuf,
        text: String,
    ) -> Option<Dialog> {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        let target = files::export_target(purpose, &path);
        let r = egui::Modal::new(egui::Id::unique("replace")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(t(Msg::ReplaceTitle));
            let name = crate::shown::shown_line(&target.display().to_string(), 300).into_owned();
            ui.add(egui::Label::new(Msg::ReplaceBody.fill(lang, &[&name])).wrap());
            ui.horizontal(|ui| {
                let replace = ui.button(t(Msg::Replace)).clicked();
                (replace, ui.button(t(Msg::Cancel)).clicked())
            })
            .inner
        });
        match r.inner {
            (true, _) => {
                self.path_chosen(purpose, path);
                None
            }
            (_, true) => Some(Dialog::Path { purpose, text }),
            _ if r.should_close() => Some(Dialog::Path { purpose, text }),
            _ => Some(Dialog::Replace {
                purpose,
                path,
                text,
            }),
        }
    }

    fn changed_dialog(&mut self, ctx: &egui::Context, path: PathBuf) -> Option<Dialog> {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        let r = egui::Modal::new(egui::Id::unique("changed")).show(ctx, |ui| {
            ui.label(Msg::ChangedOnDisk.fill(lang, &[&path.display()]));
            choice(ui, [t(Msg::Overwrite), t(Msg::CmdSaveAs), t(Msg::Cancel)])
        });
        match r.inner {
            (true, _, _) => {
                self.save_to(&path, true);
                None
            }
            (_, true, _) => {
                self.ask_path(Purpose::Save);
                None
            }
            // Not saved: what waited for the save waits no more.
            (_, _, true) => {
                self.after_save = None;
                None
            }
            _ if r.should_close() => {
                self.after_save = None;
                None
            }
            _ => Some(Dialog::ChangedOnDisk { path }),
        }
    }

    fn recover_dialog(
        &mut self,
        ctx: &egui::Context,
        entries: Vec<RecoveryEntry>,
    ) -> Option<Dialog> {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        let now = std::time::SystemTime::now();
        let r = egui::Modal::new(egui::Id::unique("recover")).show(ctx, |ui| {
            // As wide and as tall as a small screen allows: long titles wrap,
            // many copies scroll, the heading and Cancel always show.
            let screen = ui.ctx().content_rect();
            ui.set_max_width((screen.width() - 80.0).clamp(240.0, 620.0));
            ui.heading(t(Msg::RecoverTitle));
            ui.add(egui::Label::new(t(Msg::RecoverBody)).wrap());
            let mut chosen = None;
            // A fixed height once the list is longer (an area sized by its
            // last frame would otherwise grow a little every frame).
            let list_height = (screen.height() - 240.0).clamp(120.0, 600.0);
            egui::ScrollArea::vertical()
                .max_height(list_height)
                .min_scrolled_height(list_height)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for (i, e) in entries.iter().enumerate() {
                        let mins = now
                            .duration_since(e.written_at)
                            .map_or(0, |d| d.as_secs() / 60);
                        ui.separator();
                        let title = crate::shown::shown_line(&e.title, 200);
                        ui.add(
                            egui::Label::new(format!(
                                "{title} ({})",
                                crate::i18n::Plural::WrittenAt
                                    .count(lang, usize::try_from(mins).unwrap_or(usize::MAX))
                            ))
                            .wrap(),
                        );
                        ui.horizontal(|ui| {
                            if ui.button(t(Msg::Restore)).clicked() {
                                chosen = Some((i, true));
                            }
                            if ui.button(t(Msg::Discard)).clicked() {
                                chosen = Some((i, false));
                            }
                        });
                    }
                });
            ui.separator();
            (chosen, ui.button(t(Msg::Cancel)).clicked())
        });
        let (chosen, later) = r.inner;
        if let Some((i, restore)) = chosen {
            let mut rest = entries;
            let entry = rest.remove(i);
            if restore {
                // Work not saved in this window is asked about first.
                let then = Then::Restore { entry, rest };
                if self.doc.is_dirty() {
                    return Some(Dialog::Unsaved { then });
                }
                self.proceed(ctx, then);
                return self.dialog.take();
            }
            self.discard_recovered(&entry);
            return (!rest.is_empty()).then_some(Dialog::Recover { entries: rest });
        }
        if later || r.should_close() {
            None
        } else {
            Some(Dialog::Recover { entries })
        }
    }
}

/// Every shortcut, from the commands, by where it acts; true while open.
fn shortcuts_dialog(ctx: &egui::Context, lang: Language) -> bool {
    let r = egui::Modal::new(egui::Id::unique("shortcuts")).show(ctx, |ui| {
        ui.heading(Msg::CmdShortcuts.text(lang));
        // Two columns: the commands that act anywhere and on the document,
        // then those of the canvas and of a presentation.
        let scopes: Vec<Scope> = Scope::iter().collect();
        ui.columns(2, |cols| {
            for (col, half) in cols.iter_mut().zip(scopes.chunks(2)) {
                for &scope in half {
                    scope_shortcuts(col, ctx, scope, lang);
                }
            }
        });
        ui.label(Msg::HelpCanvas.text(lang));
        ui.button(Msg::Ok.text(lang)).clicked()
    });
    !(r.inner || r.should_close())
}

/// The version (as `servuction --version` prints it), the licence and the
/// fonts' licence; true while open.
fn about_dialog(ctx: &egui::Context, lang: Language) -> bool {
    let r = egui::Modal::new(egui::Id::unique("about")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading("Servuction");
        ui.label(crate::VERSION_TEXT);
        ui.label(Msg::AboutWhat.text(lang));
        ui.add_space(6.0);
        ui.label(Msg::AboutLicence.text(lang));
        ui.label(Msg::AboutFonts.text(lang));
        ui.label(Msg::AboutLibraries.text(lang));
        ui.add_space(6.0);
        ui.button(Msg::Ok.text(lang)).clicked()
    });
    !(r.inner || r.should_close())
}

/// The commands of one scope with their shortcuts ("—" for none).
fn scope_shortcuts(ui: &mut egui::Ui, ctx: &egui::Context, scope: Scope, lang: Language) {
    ui.add_space(6.0);
    ui.strong(scope.title().text(lang));
    egui::Grid::new(("shortcut-grid", scope as u8))
        .striped(true)
        .show(ui, |ui| {
            for cmd in UiCommand::iter().filter(|c| c.scope() == scope) {
                ui.label(cmd.text().text(lang))
                    .on_hover_text(cmd.tooltip().text(lang));
                ui.label(cmd.shortcut_text(ctx, lang).unwrap_or_else(|| "—".into()));
                ui.end_row();
            }
        });
}

/// The recovery copies again, when the restore of one was cancelled.
fn back_to_copies(then: Then) -> Option<Dialog> {
    match then {
        Then::Restore { entry, mut rest } => {
            rest.insert(0, entry);
            Some(Dialog::Recover { entries: rest })
        }
        _ => None,
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
