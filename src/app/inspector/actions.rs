//! The improvement actions in the inspector: those attached to the selected
//! touchpoint's fail point or to its standards (or meant to move one), each
//! with its fields, and "Add action".

use super::{Inspector, label};
use crate::app::Action;
use crate::app::fields;
use crate::edit::Edit;
use crate::i18n::Msg;
use crate::model::*;
use crate::report::status_word;
use crate::shown::shown_line;
use foldhash::{HashMap, HashMapExt};

/// The most characters of what an action is in its header.
const HEADER_CHARS: usize = 30;

/// The actions of each touchpoint, by position in `Blueprint::actions`:
/// those attached to its fail point or to one of its standards, or meant to
/// move one of its standards. Made once per revision of the document.
pub(super) struct ActionIndex {
    version: (u64, u64),
    of: HashMap<TouchpointId, Vec<usize>>,
    /// Each standard's position, to name the one an action should move.
    standard_at: HashMap<StandardId, usize>,
}

/// What an action's lists offer, and the name of the standard it should
/// move (which may lie on another card).
struct Choices<'a> {
    targets: &'a [(Attachment, String)],
    standards: &'a [&'a Standard],
    moves: Option<&'a str>,
}

impl ActionIndex {
    fn new(bp: &Blueprint, version: (u64, u64)) -> Self {
        let touchpoint_of: HashMap<&StandardId, &TouchpointId> = (bp.standards.iter())
            .map(|s| (&s.id, &s.touchpoint))
            .collect();
        let mut of: HashMap<TouchpointId, Vec<usize>> = HashMap::new();
        for (i, a) in bp.actions.iter().enumerate() {
            let mut on: Vec<&TouchpointId> = Vec::new();
            match &a.attached_to {
                Some(Attachment::FailPoint(t)) => on.push(t),
                Some(Attachment::Standard(s)) => on.extend(touchpoint_of.get(s).copied()),
                _ => {}
            }
            if let Some(s) = &a.moves_standard {
                on.extend(touchpoint_of.get(s).copied());
            }
            on.dedup();
            for t in on {
                of.entry(t.clone()).or_default().push(i);
            }
        }
        let standard_at = (bp.standards.iter().enumerate())
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        Self {
            version,
            of,
            standard_at,
        }
    }
}

/// The actions of touchpoint `tp`, and "Add action" (on its fail point, or
/// else on its first standard).
pub(super) fn actions_of(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    version: (u64, u64),
    tp: &Touchpoint,
    lang: Language,
    st: &mut Inspector,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    ui.heading(t(Msg::ActionsHeading));
    if st
        .action_index
        .as_ref()
        .is_none_or(|x| x.version != version)
    {
        st.action_index = Some(ActionIndex::new(bp, version));
    }
    let mine: Vec<usize> = (st.action_index.as_ref())
        .and_then(|x| x.of.get(&tp.id))
        .cloned()
        .unwrap_or_default();
    // What the touchpoint offers to attach an action to.
    let mut targets: Vec<(Attachment, String)> = Vec::new();
    if tp.is_fail_point() {
        targets.push((
            Attachment::FailPoint(tp.id.clone()),
            t(Msg::ActionOnFailPoint).to_owned(),
        ));
    }
    let standards: Vec<&Standard> = bp.standards_of(&tp.id).collect();
    for s in &standards {
        targets.push((
            Attachment::Standard(s.id.clone()),
            format!(
                "{}: {}",
                t(Msg::ActionOnStandard),
                shown_line(&s.statement, HEADER_CHARS)
            ),
        ));
    }
    if mine.is_empty() {
        ui.weak(t(Msg::ActionsNone));
    }
    for i in mine {
        let Some(a) = bp.actions.get(i) else {
            continue;
        };
        // A header as long as the panel is wide, not as the text.
        let title = format!(
            "{} — {}",
            shown_line(&a.what, HEADER_CHARS),
            status_word(a.status).text(lang)
        );
        egui::CollapsingHeader::new(title)
            .id_salt(("action", a.id.as_str()))
            .show(ui, |ui| {
                let moves = (a.moves_standard.as_ref())
                    .and_then(|id| st.action_index.as_ref()?.standard_at.get(id))
                    .and_then(|&i| bp.standards.get(i))
                    .map(|s| s.statement.as_str());
                let choices = Choices {
                    targets: &targets,
                    standards: &standards,
                    moves,
                };
                action_fields(ui, a, &choices, lang, st, actions);
            });
    }
    let add = ui.add_enabled(!targets.is_empty(), egui::Button::new(t(Msg::ActionAdd)));
    let add = if targets.is_empty() {
        add.on_disabled_hover_text(t(Msg::ActionAddNeeds))
    } else {
        add.on_hover_text(t(Msg::ActionAddTip))
    };
    if add.clicked()
        && let Some((to, _)) = targets.first()
    {
        let mut a = ImprovementAction::new(t(Msg::ActionNewWhat), Some(to.clone()));
        // An action on a standard that misses is meant to move it.
        if let Attachment::Standard(s) = to {
            a.moves_standard = Some(s.clone());
        }
        actions.push(Action::Edit(Edit::AddAction(a)));
    }
}

/// The fields of an action where its card is not at hand (the action
/// plan): what it is attached to (named `attached`) and the standard it
/// should move (named `moves`) stay as they are; the rest is edited as in
/// the inspector.
pub(crate) fn action_editor(
    ui: &mut egui::Ui,
    a: &ImprovementAction,
    (attached, moves): (&str, &str),
    lang: Language,
    st: &mut Inspector,
    actions: &mut Vec<Action>,
) {
    let targets: Vec<(Attachment, String)> = (a.attached_to.clone())
        .map(|to| (to, attached.to_owned()))
        .into_iter()
        .collect();
    let choices = Choices {
        targets: &targets,
        standards: &[],
        moves: (!moves.is_empty()).then_some(moves),
    };
    action_fields(ui, a, &choices, lang, st, actions);
}

/// The fields of one action; each change is an edit of it.
fn action_fields(
    ui: &mut egui::Ui,
    a: &ImprovementAction,
    choices: &Choices<'_>,
    lang: Language,
    st: &mut Inspector,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    let changed = |f: &dyn Fn(&mut ImprovementAction)| {
        let mut new = a.clone();
        f(&mut new);
        new
    };
    egui::Grid::new(("action-fields", a.id.as_str()))
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            for (name, current, set) in [
                (
                    Msg::ActionWhat,
                    &a.what,
                    (|a: &mut ImprovementAction, s: String| a.what = s) as fn(&mut _, _),
                ),
                (Msg::ReportOwner, &a.owner, |a, s| a.owner = s),
            ] {
                let l = label(ui, t(name));
                let (r, text) = fields::line(ui, current, None, f32::INFINITY, lang);
                r.labelled_by(l);
                if let Some(text) = text {
                    actions.push(Action::Typing(Edit::SetAction(changed(&|n| {
                        set(n, text.clone())
                    }))));
                }
                ui.end_row();
            }
            due_field(ui, a, lang, st, actions);
            ui.end_row();
            let l = label(ui, t(Msg::ReportStatus));
            let mut status = a.status;
            egui::ComboBox::from_id_salt(("action-status", a.id.as_str()))
                .selected_text(status_word(status).text(lang))
                .show_ui(ui, |ui| {
                    for s in ActionStatus::ALL {
                        ui.selectable_value(&mut status, s, status_word(s).text(lang));
                    }
                })
                .response
                .labelled_by(l);
            if status != a.status {
                actions.push(Action::Edit(Edit::SetAction(changed(&|n| {
                    n.status = status
                }))));
            }
            ui.end_row();
            let l = label(ui, t(Msg::ActionAttachedTo));
            let mut to = a.attached_to.clone();
            let shown = (choices.targets.iter())
                .find(|(x, _)| Some(x) == to.as_ref())
                .map_or(t(Msg::ActionElsewhere), |(_, name)| name.as_str());
            egui::ComboBox::from_id_salt(("action-to", a.id.as_str()))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (x, name) in choices.targets {
                        ui.selectable_value(&mut to, Some(x.clone()), name);
                    }
                })
                .response
                .labelled_by(l);
            if to != a.attached_to {
                actions.push(Action::Edit(Edit::SetAction(changed(&|n| {
                    n.attached_to = to.clone()
                }))));
            }
            ui.end_row();
            let l = label(ui, t(Msg::ActionMovesStandard));
            let mut moves = a.moves_standard.clone();
            let shown = match &moves {
                None => t(Msg::ActionMovesNone).to_owned(),
                Some(id) => choices.moves.map_or_else(
                    || id.to_string(),
                    |s| shown_line(s, HEADER_CHARS).into_owned(),
                ),
            };
            egui::ComboBox::from_id_salt(("action-moves", a.id.as_str()))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut moves, None, t(Msg::ActionMovesNone));
                    for s in choices.standards {
                        let name = shown_line(&s.statement, HEADER_CHARS);
                        ui.selectable_value(&mut moves, Some(s.id.clone()), name);
                    }
                })
                .response
                .labelled_by(l);
            if moves != a.moves_standard {
                actions.push(Action::Edit(Edit::SetAction(changed(&|n| {
                    n.moves_standard = moves.clone()
                }))));
            }
            ui.end_row();
        });
    if ui.button(t(Msg::ActionDelete)).clicked() {
        actions.push(Action::Edit(Edit::DeleteAction(a.id.clone())));
    }
}

/// The due date as typed, kept until it reads as a date (empty: none).
fn due_field(
    ui: &mut egui::Ui,
    a: &ImprovementAction,
    lang: Language,
    st: &mut Inspector,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    let l = label(ui, t(Msg::ActionDue));
    let typed = st
        .due_typed
        .entry(a.id.clone())
        .or_insert_with(|| a.due.map(|d| d.to_string()).unwrap_or_default());
    ui.horizontal(|ui| {
        let r = ui
            .add(
                egui::TextEdit::singleline(typed)
                    .hint_text(t(Msg::DateHint))
                    .desired_width(90.0),
            )
            .labelled_by(l);
        let text = typed.trim();
        let due = if text.is_empty() {
            Some(None)
        } else {
            text.parse::<Date>().ok().map(Some)
        };
        match due {
            Some(due) if r.changed() && due != a.due => {
                let mut new = a.clone();
                new.due = due;
                actions.push(Action::Typing(Edit::SetAction(new)));
            }
            None => {
                ui.colored_label(ui.visuals().error_fg_color, t(Msg::BadDate));
            }
            _ => {}
        }
        if !r.has_focus() && due.is_some_and(|d| d != a.due) {
            // Changed elsewhere (undo): the field follows.
            *typed = a.due.map(|d| d.to_string()).unwrap_or_default();
        }
    });
}
