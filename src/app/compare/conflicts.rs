//! The conflicts a merge left in the document (`servuction merge`), listed
//! to be resolved one by one: keep ours, take theirs (through
//! [`crate::versions::resolve`]), or edit the element in the inspector and
//! mark the conflict resolved; each one undo step. The cards of the
//! conflicts are marked on the canvas. With none left, Save writes a clean
//! document.

use super::CompareAct;
use super::take::{self, TakeError};
use crate::app::{Action, EditorApp, document::Step};
use crate::edit::Edit;
use crate::i18n::{Localized, Msg, Plural};
use crate::layout;
use crate::model::{Blueprint, ElementKind, Language, TouchpointId};
use crate::versions::{self, ResolveError, Side, What};
use egui::{Color32, Stroke, vec2};

/// The conflicts panel, and what it shows for one revision.
#[derive(Default)]
pub struct ConflictsView {
    pub open: bool,
    cache: Option<Cache>,
}

impl ConflictsView {
    /// The panel for a document: open when it has conflicts.
    pub fn of(bp: &Blueprint) -> Self {
        Self {
            open: !bp.conflicts.is_empty(),
            cache: None,
        }
    }
}

struct Cache {
    revision: u64,
    lang: Language,
    lines: Vec<String>,
    /// The card each conflict is about, where it has one.
    cards: Vec<(layout::Rect, usize)>,
}

/// Why a conflict was not resolved here; the document is as it was.
#[derive(Debug)]
enum Fail {
    Resolve(ResolveError),
    Take(TakeError),
}

impl Fail {
    fn message(&self, lang: Language) -> String {
        match self {
            Fail::Resolve(e) => e.message(lang),
            Fail::Take(TakeError::Unsupported) => Msg::ConflictCannotResolve.text(lang).to_owned(),
            Fail::Take(e) => e.message(lang),
        }
    }
}

/// The edits that resolve conflict `i` of `here` taking `side`, as
/// `versions::resolve` would: what it changes, taken over element by
/// element, and the conflict gone from the list.
fn resolution(here: &Blueprint, i: usize, side: Side) -> Result<Vec<Edit>, Fail> {
    let c = here
        .conflicts
        .get(i)
        .ok_or(Fail::Resolve(ResolveError::NoConflict {
            number: i + 1,
            count: here.conflicts.len(),
        }))?;
    // A whole document or an order taken from their side is not an edit
    // of elements: `servuction resolve` does it.
    if side == Side::Theirs && c.id.is_empty() && matches!(c.field.as_str(), "order" | "document") {
        return Err(Fail::Take(TakeError::Unsupported));
    }
    let mut new = here.clone();
    versions::resolve(&mut new, i, side).map_err(Fail::Resolve)?;
    let changes = versions::diff(&new, here).changes;
    let mut edits = Vec::new();
    for change in changes
        .iter()
        .filter(|c| !matches!(c.what, What::Compliance { .. }))
    {
        edits.extend(take::edits(change, here, &new).map_err(Fail::Take)?);
    }
    edits.push(Edit::SetConflicts(new.conflicts.clone()));
    // The edits must give what resolve gave (up to the order of a list).
    let mut check = here.clone();
    let applied = crate::edit::apply_all(&mut check, edits.clone());
    if applied.is_err()
        || check.conflicts != new.conflicts
        || !versions::diff(&new, &check).is_empty()
    {
        return Err(Fail::Take(TakeError::Unsupported));
    }
    Ok(edits)
}

impl EditorApp {
    /// Resolves conflict `i` taking a side, as one undo step.
    pub(super) fn resolve_conflict(&mut self, i: usize, side: Side) {
        match resolution(self.doc.blueprint(), i, side) {
            Ok(edits) => self.apply_edits(edits, Step::New),
            Err(e) => self.notify(e.message(self.prefs.lang), true),
        }
    }

    /// Removes conflict `i` from the list, the document as it is now (its
    /// element edited by hand).
    pub(super) fn mark_resolved(&mut self, i: usize) {
        let mut rest = self.doc.blueprint().conflicts.clone();
        if i < rest.len() {
            rest.remove(i);
            self.edit(Edit::SetConflicts(rest));
        }
    }

    /// Selects conflict `i`'s element so the inspector edits it.
    pub(super) fn edit_conflict(&mut self, i: usize) {
        let bp = self.doc.blueprint();
        let Some(c) = bp.conflicts.get(i) else { return };
        match card_of(bp, c.kind, &c.id) {
            Some(id) => {
                self.canvas.reveal = Some(id.clone());
                self.selection = vec![id];
            }
            None if c.kind == ElementKind::Blueprint => self.selection.clear(),
            None => {
                self.selection.clear();
                self.notify(
                    Msg::ConflictEditHint.text(self.prefs.lang).to_owned(),
                    false,
                );
            }
        }
    }

    /// The conflicts panel, while open.
    pub(in crate::app) fn conflicts_panel(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        if !self.conflicts.open {
            return;
        }
        self.refresh_conflicts();
        let lang = self.prefs.lang;
        let Some(k) = &self.conflicts.cache else {
            return;
        };
        egui::Panel::left("conflicts")
            .resizable(true)
            .default_size(380.0)
            .max_size(520.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.strong(Msg::ConflictsTitle.text(lang));
                    if ui.button(Msg::ConflictsClose.text(lang)).clicked() {
                        actions.push(Action::Compare(CompareAct::CloseConflicts));
                    }
                });
                let what = (Msg::ConflictsNone, Plural::Conflicts);
                let n = (k.lines.len(), ROW_HEIGHT);
                super::panel::counted_rows(ui, lang, what, n, |ui, i| {
                    row(ui, i, &k.lines[i], lang, actions);
                });
            });
    }

    /// The cards of the conflicts, marked over the canvas.
    pub(in crate::app) fn conflict_marks(&self, ui: &mut egui::Ui) {
        let (Some(k), Some(screen)) = (&self.conflicts.cache, self.canvas.screen) else {
            return;
        };
        if !self.conflicts.open || k.cards.is_empty() {
            return;
        }
        let t = screen.t;
        let painter = ui.painter_at(screen.rect);
        let visible = t.inverse_rect(screen.rect);
        let m = self.view().theme().missed;
        let red = Color32::from_rgb(m.0[0], m.0[1], m.0[2]);
        let pointer = ui.input(|i| i.pointer.hover_pos());
        for &(rect, i) in k.cards.iter().filter(|(r, _)| r.intersects(&visible)) {
            let r = t.rect(rect);
            painter.rect_stroke(
                r.expand(5.0),
                4.0,
                Stroke::new(3.0, red),
                egui::StrokeKind::Outside,
            );
            let at = r.left_top() + vec2(2.0, -6.0);
            painter.circle_filled(at, 8.0, red);
            let font = egui::FontId::proportional(12.0);
            painter.text(at, egui::Align2::CENTER_CENTER, "!", font, Color32::WHITE);
            if pointer.is_some_and(|p| r.contains(p)) {
                let line = crate::shown::shown_line(&k.lines[i], 300).into_owned();
                let id = egui::Id::unique(("conflict-mark", i));
                ui.interact(r, id, egui::Sense::hover()).on_hover_text(line);
            }
        }
    }

    /// The lines and marks of the conflicts, once a revision.
    fn refresh_conflicts(&mut self) {
        let view = self.view();
        let revision = self.doc.revision();
        let fresh = (self.conflicts.cache.as_ref())
            .is_some_and(|k| k.revision == revision && k.lang == view.lang);
        if fresh {
            return;
        }
        let (bp, derived) = self.doc.view(view);
        let lines = versions::conflicts_text(&bp.conflicts, bp, view.lang);
        let cards = (bp.conflicts.iter().enumerate())
            .filter_map(|(i, c)| {
                let id = card_of(bp, c.kind, &c.id)?;
                Some((derived.layout.card(&id)?.rect, i))
            })
            .collect();
        self.conflicts.cache = Some(Cache {
            revision,
            lang: view.lang,
            lines,
            cards,
        });
    }
}

/// The card a conflict's element is, or belongs to.
fn card_of(bp: &Blueprint, kind: ElementKind, id: &str) -> Option<TouchpointId> {
    match kind {
        ElementKind::Touchpoint => Some(id.into()),
        ElementKind::Standard | ElementKind::Measurement => (bp.standards.iter())
            .find(|s| s.id.as_str() == id)
            .map(|s| s.touchpoint.clone()),
        _ => None,
    }
    .filter(|tp| bp.touchpoint(tp).is_some())
}

/// The most characters of a conflict a row shows, and the row's height.
const ROW_CHARS: usize = 200;
const ROW_HEIGHT: f32 = 100.0;

/// One conflict: what it is, and the ways to resolve it.
fn row(ui: &mut egui::Ui, i: usize, line: &str, lang: Language, actions: &mut Vec<Action>) {
    ui.vertical(|ui| {
        // Wrapped on a few lines, cut to what a row holds; the whole line
        // in the tooltip.
        let text = crate::shown::shown_line(line, ROW_CHARS).into_owned();
        let full = crate::shown::shown_line(line, 2000).into_owned();
        ui.add(egui::Label::new(text).wrap()).on_hover_text(full);
        ui.horizontal(|ui| {
            let mut button = |ui: &mut egui::Ui, m: Msg, tip: Msg, act: CompareAct| {
                if ui
                    .button(m.text(lang))
                    .on_hover_text(tip.text(lang))
                    .clicked()
                {
                    actions.push(Action::Compare(act));
                }
            };
            button(
                ui,
                Msg::ConflictKeepOurs,
                Msg::TipConflictKeepOurs,
                CompareAct::Resolve(i, Side::Ours),
            );
            button(
                ui,
                Msg::ConflictTakeTheirs,
                Msg::TipConflictTakeTheirs,
                CompareAct::Resolve(i, Side::Theirs),
            );
            button(
                ui,
                Msg::ConflictEdit,
                Msg::TipConflictEdit,
                CompareAct::EditConflict(i),
            );
            button(
                ui,
                Msg::ConflictMarkResolved,
                Msg::TipConflictMarkResolved,
                CompareAct::MarkResolved(i),
            );
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::app::compare::take::tests::hotel;

    /// Ours retitles the doorman's card, theirs deletes it.
    fn merged() -> Blueprint {
        let base = hotel();
        let id: TouchpointId = "tp-arrive-doorman".into();
        let mut ours = base.clone();
        let mut tp = ours
            .touchpoint(&id)
            .cloned()
            .unwrap_or_else(|| unreachable!());
        tp.title = "Doorman (ours)".into();
        crate::edit::apply(&mut ours, Edit::SetTouchpoint(tp)).expect("retitled");
        let mut theirs = base.clone();
        crate::edit::apply(&mut theirs, Edit::DeleteTouchpoints(vec![id])).expect("deleted");
        let m = versions::merge(&base, &ours, &theirs);
        assert!(!m.doc.conflicts.is_empty());
        m.doc
    }

    #[test]
    fn an_element_deleted_on_their_side_goes_when_theirs_is_taken_and_stays_with_ours() {
        let doc = merged();
        let id: TouchpointId = "tp-arrive-doorman".into();
        let i = (doc.conflicts.iter())
            .position(|c| c.id == id.as_str() && c.field.is_empty())
            .expect("a deleted-on-one-side conflict");
        let mut expected = doc.clone();
        versions::resolve(&mut expected, i, Side::Theirs).expect("resolves");
        let edits = resolution(&doc, i, Side::Theirs).expect("resolved by edits");
        let mut taken = doc.clone();
        crate::edit::apply_all(&mut taken, edits).expect("applies");
        assert!(taken.touchpoint(&id).is_none());
        assert!(versions::diff(&expected, &taken).is_empty());
        assert_eq!(taken.conflicts, expected.conflicts);

        let edits = resolution(&doc, i, Side::Ours).expect("resolved by edits");
        let mut kept = doc.clone();
        crate::edit::apply_all(&mut kept, edits).expect("applies");
        assert_eq!(
            kept.touchpoint(&id).map(|t| t.title.as_str()),
            Some("Doorman (ours)")
        );
        assert_eq!(kept.conflicts.len(), doc.conflicts.len() - 1);
    }

    #[test]
    fn an_order_taken_from_their_side_is_refused_with_the_document_unchanged() {
        let mut doc = hotel();
        doc.conflicts.push(crate::model::Conflict {
            kind: ElementKind::Lane,
            id: String::new(),
            field: "order".into(),
            ours: None,
            theirs: Some(serde_json::json!(["lane-backoffice"])),
        });
        assert!(matches!(
            resolution(&doc, 0, Side::Theirs),
            Err(Fail::Take(TakeError::Unsupported))
        ));
        let msg = resolution(&doc, 0, Side::Theirs)
            .err()
            .map(|e| e.message(Language::Es));
        assert!(msg.is_some_and(|m| m.contains("servuction resolve")));
        assert!(matches!(
            resolution(&doc, 5, Side::Ours),
            Err(Fail::Resolve(_))
        ));
    }
}
