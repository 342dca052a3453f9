//! The action plan: a panel under the canvas listing every improvement
//! action, soonest due first, filtered by status, by owner and to those
//! overdue; a click on an action shows the card (or note) it is attached
//! to, Edit opens its fields.
//!
//! The plan's rows are made once per revision of the document (and day),
//! the filtered rows once per filter; a frame lays out only the rows it
//! shows.

use super::{Action, EditorApp};
use crate::i18n::{self, Msg};
use crate::model::{
    ActionId, ActionStatus, Attachment, Blueprint, Date, Language, NoteId, StandardId, TouchpointId,
};
use crate::report::{PlanItem, action_plan, status_word};
use crate::shown::{LINE_CHARS, shown_line};
use foldhash::HashMap;

/// What the plan shows, and its rows as last made.
#[derive(Default)]
pub struct PlanView {
    /// Whether the panel is shown.
    pub open: bool,
    /// Only actions with this status.
    pub status: Option<ActionStatus>,
    /// Only actions of this owner.
    pub owner: Option<String>,
    /// Only actions past their due date and still to do.
    pub overdue_only: bool,
    /// The action whose fields are open above the list.
    pub editing: Option<ActionId>,
    cache: Option<Cache>,
}

/// Where an action lies on the diagram: the card of its fail point or
/// standard, or its workshop note.
enum Place {
    Card(TouchpointId),
    Note(NoteId),
}

/// The filters a list of rows was made for.
type Filters = (Option<ActionStatus>, Option<String>, bool);

struct Cache {
    /// The document's version, the language and the day it was made for.
    key: ((u64, u64), Language, Date),
    items: Vec<PlanItem>,
    /// The item of each action, by its id.
    at: HashMap<ActionId, usize>,
    /// Where each item's action lies on the diagram.
    places: Vec<Option<Place>>,
    /// Every owner, sorted, once each.
    owners: Vec<String>,
    /// The items the filters let through, and the filters.
    shown: (Filters, Vec<usize>),
}

impl PlanView {
    /// The plan's items and owners, and the positions of those shown;
    /// made again only when the document, the language, the day or the
    /// filters changed.
    fn rows(&mut self, bp: &Blueprint, version: (u64, u64), lang: Language) -> &Cache {
        let key = (version, lang, Date::today());
        if self.cache.as_ref().is_some_and(|c| c.key != key) {
            self.cache = None;
        }
        let filters = (self.status, self.owner.clone(), self.overdue_only);
        let cache = self.cache.get_or_insert_with(|| Cache::new(bp, key));
        if cache.shown.0 != filters {
            cache.shown.1 = filter(&cache.items, &filters);
            cache.shown.0 = filters;
        }
        cache
    }
}

impl Cache {
    /// The plan of `bp` as `key` says, nothing filtered out yet.
    fn new(bp: &Blueprint, key: ((u64, u64), Language, Date)) -> Self {
        let items = action_plan(bp, key.1, key.2);
        let mut owners: Vec<String> = items
            .iter()
            .filter(|i| !i.owner.trim().is_empty())
            .map(|i| i.owner.clone())
            .collect();
        owners.sort();
        owners.dedup();
        let card_of: HashMap<&StandardId, &TouchpointId> = (bp.standards.iter())
            .map(|s| (&s.id, &s.touchpoint))
            .collect();
        let places = (items.iter())
            .map(|i| match bp.actions.get(i.index)?.attached_to.as_ref()? {
                Attachment::FailPoint(t) => Some(Place::Card(t.clone())),
                Attachment::Standard(s) => card_of.get(s).map(|&t| Place::Card(t.clone())),
                Attachment::Note(n) => Some(Place::Note(n.clone())),
            })
            .collect();
        let all = (0..items.len()).collect();
        let at = (items.iter().enumerate())
            .filter_map(|(k, i)| Some((bp.actions.get(i.index)?.id.clone(), k)))
            .collect();
        Self {
            key,
            items,
            at,
            places,
            owners,
            shown: ((None, None, false), all),
        }
    }
}

/// The positions of the items the filters let through.
fn filter(items: &[PlanItem], (status, owner, overdue): &Filters) -> Vec<usize> {
    (items.iter().enumerate())
        .filter(|(_, i)| status.is_none_or(|s| i.status == s))
        .filter(|(_, i)| owner.as_ref().is_none_or(|o| &i.owner == o))
        .filter(|(_, i)| !overdue || i.overdue)
        .map(|(k, _)| k)
        .collect()
}

impl EditorApp {
    /// The action plan's panel, under the canvas.
    pub(super) fn action_plan_panel(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        let version = self.doc.version();
        let bp = self.doc.blueprint();
        let plan = &mut self.plan;
        let inspector = &mut self.inspector;
        egui::Panel::bottom("action-plan")
            .resizable(true)
            .default_size(200.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.strong(t(Msg::ActionPlan));
                    ui.separator();
                    let l = ui.label(t(Msg::ReportStatus)).id;
                    let shown = plan
                        .status
                        .map_or(t(Msg::FilterAll), |s| status_word(s).text(lang));
                    egui::ComboBox::from_id_salt("plan-status")
                        .selected_text(shown)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut plan.status, None, t(Msg::FilterAll));
                            for s in ActionStatus::ALL {
                                let word = status_word(s).text(lang);
                                ui.selectable_value(&mut plan.status, Some(s), word);
                            }
                        })
                        .response
                        .labelled_by(l);
                    let owners = plan.rows(bp, version, lang).owners.clone();
                    let l = ui.label(t(Msg::ReportOwner)).id;
                    let shown = plan.owner.as_deref().map_or(t(Msg::FilterAll), |o| o);
                    egui::ComboBox::from_id_salt("plan-owner")
                        .selected_text(shown_line(shown, LINE_CHARS))
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut plan.owner, None, t(Msg::FilterAll));
                            for o in owners {
                                let name = shown_line(&o, LINE_CHARS).into_owned();
                                ui.selectable_value(&mut plan.owner, Some(o), name);
                            }
                        })
                        .response
                        .labelled_by(l);
                    ui.checkbox(&mut plan.overdue_only, t(Msg::ActionOverdueOnly));
                });
                let editing = plan.editing.clone();
                let cache = plan.rows(bp, version, lang);
                // The action being edited, with its fields and Close.
                let open = editing.as_ref().and_then(|id| {
                    let item = &cache.items[*cache.at.get(id)?];
                    Some((bp.actions.get(item.index)?, item))
                });
                let mut close = editing.is_some() && open.is_none();
                if let Some((a, item)) = open {
                    ui.group(|ui| {
                        let names = (item.attached.as_str(), item.moves.as_str());
                        super::inspector::action_editor(ui, a, names, lang, inspector, actions);
                        close = ui.button(t(Msg::ActionEditClose)).clicked();
                    });
                }
                if close {
                    plan.editing = None;
                }
                let cache = plan.rows(bp, version, lang);
                let rows = &cache.shown.1;
                if rows.is_empty() {
                    ui.weak(t(if cache.items.is_empty() {
                        Msg::ActionPlanEmpty
                    } else {
                        Msg::ActionPlanNoneShown
                    }));
                    return;
                }
                let mut edit = None;
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show_rows(ui, 20.0, rows.len(), |ui, range| {
                        egui::Grid::new("plan-rows")
                            .num_columns(6)
                            .striped(true)
                            .spacing([12.0, 4.0])
                            .show(ui, |ui| {
                                for &k in &rows[range] {
                                    let place = cache.places[k].as_ref();
                                    let item = &cache.items[k];
                                    if plan_row(ui, item, place, lang, actions) {
                                        edit = bp.actions.get(item.index).map(|a| a.id.clone());
                                    }
                                }
                            });
                    });
                if edit.is_some() {
                    plan.editing = edit;
                }
            });
    }
}

/// One action of the plan: its due date, what (a link to the card it is
/// attached to), owner, status, what it is attached to, and Edit; whether
/// Edit was clicked.
fn plan_row(
    ui: &mut egui::Ui,
    item: &PlanItem,
    place: Option<&Place>,
    lang: Language,
    actions: &mut Vec<Action>,
) -> bool {
    let due = item.due.map_or_else(String::new, |d| i18n::date(d, lang));
    if item.overdue {
        ui.colored_label(ui.visuals().error_fg_color, due);
    } else {
        ui.label(due);
    }
    let what = shown_line(&item.what, LINE_CHARS);
    match place {
        Some(Place::Card(tp)) => {
            let link = ui.link(what).on_hover_text(Msg::ActionShowCard.text(lang));
            if link.clicked() {
                actions.push(Action::Show(tp.clone()));
            }
        }
        Some(Place::Note(n)) => {
            let link = ui.link(what).on_hover_text(Msg::ActionShowNote.text(lang));
            if link.clicked() {
                actions.push(Action::ShowNote(n.clone()));
            }
        }
        None => {
            ui.label(what);
        }
    }
    ui.label(shown_line(&item.owner, LINE_CHARS));
    if item.overdue {
        ui.colored_label(ui.visuals().error_fg_color, item.status_text(lang));
    } else {
        ui.label(item.status_text(lang));
    }
    let attached = ui.label(shown_line(&item.attached, LINE_CHARS));
    if !item.moves.is_empty() {
        attached.on_hover_ui(|ui| {
            let moves = shown_line(&item.moves, LINE_CHARS);
            ui.label(format!("{}: {moves}", Msg::ActionMovesStandard.text(lang)));
        });
    }
    let edit = ui.button(Msg::ActionEdit.text(lang)).clicked();
    ui.end_row();
    edit
}
