//! The fields of a fail point in the inspector, shown while the touchpoint
//! is one: what goes wrong, its type, the poka-yoke, the recovery and its
//! time, and the FMEA ratings with their product.

use super::{fields, label, num_field};
use crate::i18n::{self, Msg};
use crate::model::*;
use std::borrow::Cow;

/// A text field of a fail point, to change.
type TextOf = fn(&mut FailPoint) -> &mut String;
/// A rating of a fail point, to change.
type RatingOf = fn(&mut FailPoint) -> &mut Option<u8>;

/// The fail point's rows of the touchpoint's grid; a change copies the
/// touchpoint (once) into `edited`. Nothing is shown for a touchpoint that
/// is not a fail point.
pub(super) fn fail_fields(ui: &mut egui::Ui, edited: &mut Cow<'_, Touchpoint>, lang: Language) {
    let t = |m: Msg| m.text(lang);
    let Some(fail) = edited.fail_point.as_deref() else {
        return;
    };
    // Copied only when a field changes.
    let mut new: Option<FailPoint> = None;
    let texts: [(Msg, &str, TextOf); 3] = [
        (Msg::FieldFailure, &fail.failure, |f| &mut f.failure),
        (Msg::FieldPokaYoke, &fail.poka_yoke, |f| &mut f.poka_yoke),
        (Msg::FieldRecovery, &fail.recovery, |f| &mut f.recovery),
    ];
    for (i, (name, current, field)) in texts.into_iter().enumerate() {
        let l = label(ui, t(name));
        let (r, text) = fields::block(ui, current, 2, f32::INFINITY, lang);
        r.labelled_by(l);
        if let Some(text) = text {
            *field(new.get_or_insert_with(|| fail.clone())) = text;
        }
        ui.end_row();
        if i == 0 {
            let l = label(ui, t(Msg::FieldFailType));
            let mut kind = fail.kind;
            egui::ComboBox::from_id_salt("fail-type")
                .selected_text(t(i18n::fail_kind(kind)))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut kind, None, t(i18n::fail_kind(None)));
                    for k in FailKind::ALL {
                        ui.selectable_value(&mut kind, Some(k), t(i18n::fail_kind(Some(k))));
                    }
                })
                .response
                .labelled_by(l);
            if kind != fail.kind {
                new.get_or_insert_with(|| fail.clone()).kind = kind;
            }
            ui.end_row();
        }
    }
    let l = label(ui, t(Msg::FieldRecoveryTime));
    let mut minutes = fail.recovery_min;
    if num_field(ui, &mut minutes, l, lang) {
        // A time is never negative (the file would be refused).
        new.get_or_insert_with(|| fail.clone()).recovery_min = minutes.map(|m| m.max(0.0));
    }
    ui.end_row();
    let ratings: [(Msg, Option<u8>, RatingOf); 3] = [
        (Msg::FieldSeverity, fail.severity, |f| &mut f.severity),
        (Msg::FieldOccurrence, fail.occurrence, |f| &mut f.occurrence),
        (Msg::FieldDetection, fail.detection, |f| &mut f.detection),
    ];
    for (name, current, field) in ratings {
        let l = label(ui, t(name));
        if let Some(v) = rating_field(ui, current, l) {
            *field(new.get_or_insert_with(|| fail.clone())) = v;
        }
        ui.end_row();
    }
    let shown = new.as_ref().unwrap_or(fail);
    ui.label("");
    ui.weak(match shown.rpn() {
        Some(rpn) => Msg::FailPriority.fill(lang, &[&rpn]),
        None => t(Msg::FailPriorityUnrated).to_owned(),
    });
    ui.end_row();
    if let Some(new) = new {
        edited.to_mut().fail_point = Some(Box::new(new));
    }
}

/// An optional rating from 1 to 10: a checkbox to give one, and its value.
/// The new rating if it changed.
fn rating_field(ui: &mut egui::Ui, current: Option<u8>, label: egui::Id) -> Option<Option<u8>> {
    let mut on = current.is_some();
    let mut value = current.unwrap_or(5);
    let mut changed = false;
    ui.horizontal(|ui| {
        changed |= ui
            .add(egui::Checkbox::without_text(&mut on))
            .labelled_by(label)
            .changed();
        if on {
            changed |= ui
                .add(egui::DragValue::new(&mut value).range(RATING).speed(0.1))
                .labelled_by(label)
                .changed();
        }
    });
    let new = on.then_some(value.clamp(*RATING.start(), *RATING.end()));
    (changed && new != current).then_some(new)
}
