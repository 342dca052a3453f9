//! The inspector: the selected touchpoint's fields, its standards and their
//! measured values, its improvement actions, and every standard of the
//! blueprint in one table.

mod actions;
mod fail;
mod levels;
mod photos;
pub(crate) use actions::action_editor;
mod standards;
mod trend;

use super::Action;
use super::fields;
use crate::edit::Edit;
use crate::i18n::{self, Msg};
use crate::model::*;
use std::borrow::Cow;

/// The text field of the selected touchpoint's title.
pub const TITLE_ID: &str = "touchpoint-title";
/// The text field of the blueprint's own title.
pub const BLUEPRINT_TITLE_ID: &str = "blueprint-title";

/// What the inspector keeps between frames.
#[derive(Default)]
pub struct Inspector {
    /// The new measured value being typed: date and value, per standard.
    new_value: std::collections::HashMap<StandardId, (String, String)>,
    error: Option<String>,
    filter: Option<Compliance>,
    lane_filter: Option<LaneId>,
    sort: Sort,
    /// The rows of the table of all standards, and what they were made for.
    rows: Option<(standards::RowsKey, Vec<usize>)>,
    /// The latest measured values of the standards shown, per revision.
    histories: trend::Histories,
    /// The improvement actions of each touchpoint, for the document's
    /// revision it was made for.
    action_index: Option<actions::ActionIndex>,
    /// Due dates as typed, per action, until they read as dates.
    due_typed: std::collections::HashMap<ActionId, String>,
}

/// How the table of all standards is sorted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Sort {
    /// As in the document.
    #[default]
    Document,
    Statement,
    Latest,
    Status,
}

/// A label for the field that follows it, whose id names the field for
/// screen readers and tests.
fn label(ui: &mut egui::Ui, text: &str) -> egui::Id {
    ui.label(text).id
}

/// An optional number: a checkbox to have one, and its value.
/// The number is shown and read as the language writes it (97,5 in Spanish).
fn num_field(ui: &mut egui::Ui, value: &mut Option<f64>, label: egui::Id, lang: Language) -> bool {
    let mut on = value.is_some();
    let mut changed = false;
    ui.horizontal(|ui| {
        if ui
            .add(egui::Checkbox::without_text(&mut on))
            .labelled_by(label)
            .changed()
        {
            *value = if on { Some(0.0) } else { None };
            changed = true;
        }
        if let Some(v) = value {
            changed |= ui
                .add(
                    egui::DragValue::new(v)
                        .range(-1e9..=1e9)
                        .speed(0.5)
                        .custom_formatter(move |v, _| i18n::decimal(v, 6, lang))
                        .custom_parser(move |s| i18n::parse_decimal(s, lang)),
                )
                .labelled_by(label)
                .changed();
        }
    });
    changed
}

/// Shows the inspector for the selection.
#[allow(clippy::too_many_arguments)]
pub fn show(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    version: (u64, u64),
    selection: &[TouchpointId],
    lang: Language,
    st: &mut Inspector,
    pictures: &super::photos::Pictures,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let Some(tp) = selection.first().and_then(|id| bp.touchpoint(id)) else {
                ui.add_space(8.0);
                ui.label(t(Msg::NothingSelected));
                ui.separator();
                blueprint_fields(ui, bp, lang, actions);
                ui.separator();
                standards::all_standards(ui, bp, version, lang, st, actions);
                return;
            };
            ui.heading(t(Msg::InspectorTitle));
            // Copied only when a field changes: a frame costs the same
            // whatever the touchpoint's texts hold.
            let mut edited = Cow::Borrowed(tp);
            // The title outside the grid: a grid shown for the first time
            // lays itself out invisibly, which would take the keyboard from
            // a title just given it.
            let l = label(ui, t(Msg::FieldTitle));
            let id = Some(egui::Id::unique(TITLE_ID));
            let (r, title) = fields::line(ui, &tp.title, id, f32::INFINITY, lang);
            r.labelled_by(l);
            if let Some(title) = title {
                edited.to_mut().title = title;
            }
            touchpoint_fields(ui, &mut edited, lang);
            ui.separator();
            photos::photos_of(ui, bp, &mut edited, pictures, lang, actions);
            if let Cow::Owned(edited) = edited
                && edited != *tp
            {
                actions.push(Action::Typing(Edit::SetTouchpoint(edited)));
            }
            ui.separator();
            standards::standards_of(ui, bp, version, tp, lang, st, actions);
            ui.separator();
            actions::actions_of(ui, bp, version, tp, lang, st, actions);
            ui.separator();
            standards::all_standards(ui, bp, version, lang, st, actions);
        });
}

/// The blueprint's own fields, shown when no touchpoint is selected: its
/// title, description, contact level (printed under the title of every
/// export) and language.
fn blueprint_fields(ui: &mut egui::Ui, bp: &Blueprint, lang: Language, actions: &mut Vec<Action>) {
    let t = |m: Msg| m.text(lang);
    ui.heading(t(Msg::BlueprintHeading));
    // The title outside the grid (a grid shown for the first time lays
    // itself out invisibly, which would take the keyboard from it).
    let l = label(ui, t(Msg::FieldTitle));
    let id = Some(egui::Id::unique(BLUEPRINT_TITLE_ID));
    let (r, title) = fields::line(ui, &bp.title, id, f32::INFINITY, lang);
    r.labelled_by(l);
    if let Some(title) = title {
        actions.push(Action::Typing(Edit::SetTitle(title)));
    }
    egui::Grid::new("blueprint-fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let l = label(ui, t(Msg::FieldDescription));
            let (r, description) = fields::block(ui, &bp.description, 2, f32::INFINITY, lang);
            r.labelled_by(l);
            if let Some(description) = description {
                actions.push(Action::Typing(Edit::SetDescription(description)));
            }
            ui.end_row();
            let l = label(ui, t(Msg::FieldContactLevel));
            let mut level = bp.contact_level;
            egui::ComboBox::from_id_salt("contact-level")
                .selected_text(i18n::contact_level(level).text(lang))
                .show_ui(ui, |ui| {
                    for c in [ContactLevel::High, ContactLevel::Medium, ContactLevel::Low] {
                        ui.selectable_value(&mut level, c, i18n::contact_level(c).text(lang));
                    }
                })
                .response
                .labelled_by(l);
            if level != bp.contact_level {
                actions.push(Action::Edit(Edit::SetContactLevel(level)));
            }
            ui.end_row();
            let l = label(ui, t(Msg::FieldBlueprintLanguage));
            let mut written = bp.language;
            egui::ComboBox::from_id_salt("blueprint-language")
                .selected_text(if written == Language::Es {
                    "Español"
                } else {
                    "English"
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut written, Language::En, "English");
                    ui.selectable_value(&mut written, Language::Es, "Español");
                })
                .response
                .labelled_by(l);
            if written != bp.language {
                actions.push(Action::Edit(Edit::SetLanguage(written)));
            }
            ui.end_row();
            ui.label("");
            let mut curve = bp.emotion_curve;
            if ui.checkbox(&mut curve, t(Msg::FieldEmotionCurve)).changed() {
                actions.push(Action::Edit(Edit::SetEmotionCurve(curve)));
            }
            ui.end_row();
        });
}

/// The touchpoint's fields under its title; a change copies the touchpoint
/// (once) into `edited`.
fn touchpoint_fields(ui: &mut egui::Ui, edited: &mut Cow<'_, Touchpoint>, lang: Language) {
    let t = |m: Msg| m.text(lang);
    let before = Values::of(edited);
    let mut values = before;
    egui::Grid::new("touchpoint-fields")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let l = label(ui, t(Msg::FieldDescription));
            let (r, description) = fields::block(ui, &edited.description, 2, f32::INFINITY, lang);
            r.labelled_by(l);
            if let Some(d) = description {
                edited.to_mut().description = d;
            }
            ui.end_row();
            let l = label(ui, t(Msg::FieldOwner));
            let (r, owner) = fields::line(ui, &edited.owner, None, f32::INFINITY, lang);
            r.labelled_by(l);
            if let Some(o) = owner {
                edited.to_mut().owner = o;
            }
            ui.end_row();
            let l = label(ui, t(Msg::FieldDuration));
            num_field(ui, &mut values.duration_min, l, lang);
            ui.end_row();
            ui.label(t(Msg::FieldFeeling));
            ui.horizontal(|ui| {
                for f in -2i8..=2 {
                    let label = match f {
                        -2 => "-2",
                        -1 => "-1",
                        0 => "0",
                        1 => "+1",
                        _ => "+2",
                    };
                    if ui
                        .selectable_label(values.feeling == Some(f), label)
                        .clicked()
                    {
                        values.feeling = if values.feeling == Some(f) {
                            None
                        } else {
                            Some(f)
                        };
                    }
                }
            });
            ui.end_row();
            let l = label(ui, t(Msg::FieldEvidence));
            egui::ComboBox::from_id_salt("evidence")
                .selected_text(i18n::evidence(values.evidence).text(lang))
                .show_ui(ui, |ui| {
                    for e in [Evidence::Observed, Evidence::Assumed, Evidence::Proposed] {
                        ui.selectable_value(&mut values.evidence, e, i18n::evidence(e).text(lang));
                    }
                })
                .response
                .labelled_by(l);
            ui.end_row();
            let l = label(ui, t(Msg::MomentOfTruth));
            egui::ComboBox::from_id_salt("moment")
                .selected_text(i18n::moment(values.moment_of_truth).text(lang))
                .show_ui(ui, |ui| {
                    for m in [
                        MomentOfTruth::None,
                        MomentOfTruth::Moment,
                        MomentOfTruth::Critical,
                    ] {
                        ui.selectable_value(
                            &mut values.moment_of_truth,
                            m,
                            i18n::moment(m).text(lang),
                        );
                    }
                })
                .response
                .labelled_by(l);
            ui.end_row();
            ui.label("");
            ui.horizontal(|ui| {
                ui.checkbox(&mut values.fail_point, t(Msg::FailPoint));
                ui.checkbox(&mut values.wait_point, t(Msg::WaitPoint));
            })
            .response
            .labelled_by(l);
            ui.end_row();
            fail::fail_fields(ui, edited, lang);
            if values.wait_point {
                let l = label(ui, t(Msg::FieldExpectedWait));
                num_field(ui, &mut values.expected_wait_min, l, lang);
                ui.end_row();
            }
            let l = label(ui, t(Msg::FieldProtocol));
            let (r, protocol) = fields::line(ui, &edited.protocol, None, f32::INFINITY, lang);
            r.labelled_by(l);
            if let Some(p) = protocol {
                edited.to_mut().protocol = p;
            }
            ui.end_row();
        });
    if values != before {
        values.put(edited.to_mut());
    }
}

/// A touchpoint's fields that are not texts, edited in place of a copy of
/// the touchpoint.
#[derive(Clone, Copy, PartialEq)]
struct Values {
    duration_min: Option<f64>,
    feeling: Option<i8>,
    evidence: Evidence,
    moment_of_truth: MomentOfTruth,
    fail_point: bool,
    wait_point: bool,
    expected_wait_min: Option<f64>,
}

impl Values {
    fn of(tp: &Touchpoint) -> Self {
        Self {
            duration_min: tp.duration_min,
            feeling: tp.feeling,
            evidence: tp.evidence,
            moment_of_truth: tp.moment_of_truth,
            fail_point: tp.is_fail_point(),
            wait_point: tp.wait_point,
            expected_wait_min: tp.expected_wait_min,
        }
    }

    fn put(self, tp: &mut Touchpoint) {
        tp.duration_min = self.duration_min;
        tp.feeling = self.feeling;
        tp.evidence = self.evidence;
        tp.moment_of_truth = self.moment_of_truth;
        if self.fail_point != tp.is_fail_point() {
            tp.fail_point = self.fail_point.then(Box::default);
        }
        tp.wait_point = self.wait_point;
        tp.expected_wait_min = self.expected_wait_min;
    }
}

/// Gives a text field the keyboard with all its text selected, so what is
/// typed next replaces a placeholder such as "New touchpoint". Works before
/// the field is shown: keys typed in the next frame go into it.
pub fn focus_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    ctx.memory_mut(|m| m.request_focus(id));
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let all = egui::text::CCursorRange::two(
        egui::text::CCursor::new(0),
        egui::text::CCursor::new(text.chars().count()),
    );
    state.cursor.set_char_range(Some(all));
    state.store(ctx, id);
}
