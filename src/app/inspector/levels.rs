//! A standard's desired and adequate levels in the inspector, both as
//! absolute values: the adequate level is kept in the file as the zone's
//! width (the tolerance), and shown as the level it gives.

use super::{label, num_field};
use crate::i18n::{self, Msg};
use crate::model::{DEFAULT_TOLERANCE_SHARE, Direction, Language, Zone};

/// The rows "Desired level" and "Adequate level" of a standard's grid.
/// Editing the adequate level sets the tolerance; unticking it goes back to
/// the default, which the row then states.
pub fn level_rows(
    ui: &mut egui::Ui,
    direction: Direction,
    target: &mut Option<f64>,
    tolerance: &mut Option<f64>,
    lang: Language,
) {
    let t = |m: Msg| m.text(lang);
    let l = label(ui, t(Msg::Target));
    num_field(ui, target, l, lang);
    ui.end_row();

    let l = label(ui, t(Msg::AdequateLevel));
    // The zone as the standard would have it now.
    let Some(zone) = Zone::new(direction, *target, *tolerance) else {
        ui.add_enabled(false, egui::Label::new(t(Msg::ZoneNeedsDesired)))
            .labelled_by(l);
        ui.end_row();
        return;
    };
    ui.horizontal(|ui| {
        let mut on = tolerance.is_some();
        if ui
            .add(egui::Checkbox::without_text(&mut on))
            .labelled_by(l)
            .on_hover_text(t(Msg::ZoneSetAdequate))
            .changed()
        {
            // Ticked, the default level becomes the standard's own.
            *tolerance = on.then_some(zone.width);
        }
        if tolerance.is_some() {
            let mut adequate = zone.adequate;
            // Never past the desired level: the tolerance stays positive.
            let range = match direction {
                Direction::HigherIsBetter => -1e9..=zone.desired,
                Direction::LowerIsBetter => zone.desired..=1e9,
            };
            if ui
                .add(
                    egui::DragValue::new(&mut adequate)
                        .range(range)
                        .speed(0.5)
                        .custom_formatter(move |v, _| i18n::decimal(v, 6, lang))
                        .custom_parser(move |s| i18n::parse_decimal(s, lang)),
                )
                .labelled_by(l)
                .changed()
                && let Some(width) = zone.tolerance_for(adequate)
            {
                *tolerance = Some(width);
            }
        } else {
            let msg = match direction {
                Direction::HigherIsBetter => Msg::ZoneDefaultBelow,
                Direction::LowerIsBetter => Msg::ZoneDefaultAbove,
            };
            let share = i18n::percent(DEFAULT_TOLERANCE_SHARE * 100.0, 0, lang);
            let level = i18n::decimal(zone.adequate, 3, lang);
            let note = egui::RichText::new(msg.fill(lang, &[&share, &level])).weak();
            // Wrapped: the note is longer than a narrow panel.
            ui.add(egui::Label::new(note).wrap());
        }
    });
    ui.end_row();
}
