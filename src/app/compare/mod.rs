//! File → Compare with…: another version of the blueprint laid over this
//! one. The other file is read in the background (as Open reads); the
//! changes from it to this document ([`crate::versions::diff`]) are
//! computed once when it arrives and again only when the document's
//! revision changes, with the marks the canvas draws from them. Each
//! change can be taken over (one undo step); leaving the comparison
//! leaves the document as it is.
//!
//! The conflicts a merge left in the document are listed by the same
//! panel's sibling, `conflicts.rs`.

mod conflicts;
mod marks;
mod panel;
pub mod take;

pub use conflicts::ConflictsView;
pub use marks::Mark;

use super::jobs::{End, Progress};
use super::{EditorApp, background::Done};
use crate::format::ReadError;
use crate::i18n::{Localized, Msg};
use crate::model::{Blueprint, Language, TouchpointId};
use crate::versions::{self, Change, ChangeLine};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What the comparison panel and the canvas ask for.
#[derive(Clone, Debug)]
pub enum CompareAct {
    /// Takes change `i` of the list over into this document.
    Take(usize),
    /// Goes to change `i`: selects its card and brings it into view.
    Show(usize),
    /// Ends the comparison.
    Leave,
    /// Resolves conflict `i` taking a side.
    Resolve(usize, versions::Side),
    /// Selects conflict `i`'s element so the inspector edits it.
    EditConflict(usize),
    /// Removes conflict `i` from the list, the document as it is now.
    MarkResolved(usize),
    /// Hides the conflicts panel.
    CloseConflicts,
}

/// The other version, and what was derived from it for this document's
/// revision.
pub struct Comparison {
    path: PathBuf,
    other: Arc<Blueprint>,
    cache: Option<Cache>,
    /// The change last gone to.
    current: Option<usize>,
    /// The changes being worked out on another thread, for this revision
    /// and language (a large document's diff takes longer than a frame).
    pending: Option<Pending>,
}

/// The changes of one revision, and their lines and whether each is taken.
type Worked = (Vec<Change>, Vec<ChangeLine>, Vec<bool>);

/// A diff running on another thread.
struct Pending {
    revision: u64,
    lang: Language,
    result: std::sync::mpsc::Receiver<Worked>,
}

/// From how many touchpoints (in either version) the diff runs on another
/// thread: below it, it takes a fraction of a millisecond.
const DIFF_IN_BACKGROUND_FROM: usize = 2_000;

/// The changes from `other` to `bp`, their lines in `lang`, and which can
/// be taken over.
fn work_out(other: &Blueprint, bp: &Blueprint, lang: Language) -> Worked {
    let changes = versions::diff(other, bp).changes;
    let lines = versions::change_lines(
        &versions::Changes {
            changes: changes.clone(),
        },
        other,
        bp,
        lang,
    );
    let takeable = changes.iter().map(take::supported).collect();
    (changes, lines, takeable)
}

/// The changes for one revision of the document and one language.
struct Cache {
    revision: u64,
    lang: Language,
    dark: bool,
    changes: Vec<Change>,
    lines: Vec<ChangeLine>,
    takeable: Vec<bool>,
    marks: marks::Marks,
}

impl Comparison {
    /// A comparison with the other version read from `path`.
    pub fn new(path: PathBuf, other: Blueprint) -> Self {
        Self {
            path,
            other: Arc::new(other),
            cache: None,
            current: None,
            pending: None,
        }
    }

    /// The changes from the other version to this document, as computed
    /// for its current revision (none before the first frame).
    pub fn changes(&self) -> &[Change] {
        self.cache.as_ref().map_or(&[], |c| &c.changes)
    }

    /// Whether a large document's diff is running on another thread.
    pub fn diffing(&self) -> bool {
        self.pending.is_some()
    }

    /// A card's changes, under its tooltip.
    pub(super) fn card_tooltip(&self, ui: &mut egui::Ui, id: &TouchpointId) {
        if let Some(k) = &self.cache {
            k.marks.card_tooltip(ui, id, &k.lines);
        }
    }

    /// The other version's file name, for headings.
    fn name(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

impl EditorApp {
    /// The comparison on screen, if any.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.compare.as_ref()
    }

    /// Whether the conflicts panel is shown.
    pub fn conflicts_shown(&self) -> bool {
        self.conflicts.open
    }

    /// Reads another version in the background, to lay it over this one.
    pub fn compare_with(&mut self, path: &Path) {
        let path = path.to_owned();
        let label = Msg::Comparing.fill(self.prefs.lang, &[&path.display()]);
        self.jobs.start(label, true, move |p: &Progress| {
            let result = crate::format::read(&path);
            if p.cancelled() {
                return End::Cancelled;
            }
            End::Done(Done::Compared { path, result })
        });
    }

    /// The other version was read (or not).
    pub(super) fn compared(&mut self, path: PathBuf, result: Result<Blueprint, ReadError>) {
        let lang = self.prefs.lang;
        match result {
            Ok(other) => {
                self.compare = Some(Comparison::new(path, other));
                self.notice = None;
            }
            Err(e) => {
                let msg = Msg::CompareFailed.fill(lang, &[&path.display(), &e.message(lang)]);
                self.notify(msg, true);
            }
        }
    }

    /// Brings the comparison's derived data up to the document's revision
    /// (the diff runs here, once a revision, not once a frame; on a large
    /// document on another thread, the last changes shown meanwhile and
    /// none of them taken).
    fn refresh_comparison(&mut self, ctx: &egui::Context) {
        let view = self.view();
        let revision = self.doc.revision();
        let snapshot = self.doc.snapshot();
        let Some(c) = &mut self.compare else { return };
        let fresh = c
            .cache
            .as_ref()
            .is_some_and(|k| k.revision == revision && k.lang == view.lang && k.dark == view.dark);
        if fresh {
            return;
        }
        let big =
            snapshot.touchpoints.len().max(c.other.touchpoints.len()) >= DIFF_IN_BACKGROUND_FROM;
        let worked = if !big {
            work_out(&c.other, &snapshot, view.lang)
        } else {
            let asked = c
                .pending
                .as_ref()
                .is_some_and(|p| p.revision == revision && p.lang == view.lang);
            if !asked {
                let (tx, rx) = std::sync::mpsc::channel();
                let other = Arc::clone(&c.other);
                let lang = view.lang;
                let ctx = ctx.clone();
                std::thread::spawn(move || {
                    let _ = tx.send(work_out(&other, &snapshot, lang));
                    ctx.request_repaint();
                });
                c.pending = Some(Pending {
                    revision,
                    lang,
                    result: rx,
                });
            }
            match c.pending.as_ref().map(|p| p.result.try_recv()) {
                Some(Ok(worked)) => {
                    c.pending = None;
                    worked
                }
                _ => return,
            }
        };
        let (changes, lines, takeable) = worked;
        let (bp, derived) = self.doc.view(view);
        let marks = marks::Marks::of(&changes, bp, &c.other, &derived.layout);
        c.cache = Some(Cache {
            revision,
            lang: view.lang,
            dark: view.dark,
            changes,
            lines,
            takeable,
            marks,
        });
    }

    /// Whether the changes listed are this revision's (while a large
    /// document's diff runs, they are the last revision's: none is taken).
    fn comparison_current(&self) -> bool {
        let revision = self.doc.revision();
        self.compare
            .as_ref()
            .and_then(|c| c.cache.as_ref())
            .is_some_and(|k| k.revision == revision)
    }

    /// Does what the comparison or conflicts panel asked for.
    pub(super) fn compare_act(&mut self, act: CompareAct) {
        match act {
            CompareAct::Take(i) => self.take_change(i),
            CompareAct::Show(i) => self.show_change(i),
            CompareAct::Leave => self.compare = None,
            CompareAct::Resolve(i, side) => self.resolve_conflict(i, side),
            CompareAct::EditConflict(i) => self.edit_conflict(i),
            CompareAct::MarkResolved(i) => self.mark_resolved(i),
            CompareAct::CloseConflicts => self.conflicts.open = false,
        }
    }

    /// Takes change `i` over, as one undo step; a change that cannot be
    /// taken is said, and the document stays as it was.
    fn take_change(&mut self, i: usize) {
        let lang = self.prefs.lang;
        if !self.comparison_current() {
            return;
        }
        let Some(c) = &self.compare else { return };
        let Some(change) = c.cache.as_ref().and_then(|k| k.changes.get(i)) else {
            return;
        };
        match take::edits(change, self.doc.blueprint(), &c.other) {
            Ok(edits) => {
                let line = c.cache.as_ref().and_then(|k| k.lines.get(i));
                let what = line.map(|l| l.element.clone()).unwrap_or_default();
                let before = self.doc.revision();
                self.apply_edits(edits, super::document::Step::New);
                if self.doc.revision() != before {
                    if let Some(c) = &mut self.compare {
                        c.current = None;
                    }
                    self.notify(Msg::CompareTaken.fill(lang, &[&what]), false);
                }
            }
            Err(e) => self.notify(e.message(lang), true),
        }
    }

    /// Selects change `i`'s card (or the card of its standard) and brings
    /// it, or the ghost of a removed card, into view.
    fn show_change(&mut self, i: usize) {
        let Some(c) = &mut self.compare else { return };
        c.current = Some(i);
        let Some(k) = &c.cache else { return };
        match k.marks.place_of(i) {
            Some(marks::Place::Card(id)) => {
                self.canvas.reveal = Some(id.clone());
                self.selection = vec![id];
            }
            Some(marks::Place::Ghost(rect)) => {
                self.selection.clear();
                self.canvas.reveal_rect = Some(rect);
            }
            None => {}
        }
    }

    /// The card of a touchpoint marked by the comparison, if any.
    pub fn compare_mark(&self, id: &TouchpointId) -> Option<Mark> {
        let k = self.compare.as_ref()?.cache.as_ref()?;
        k.marks.mark_of(id)
    }
}
