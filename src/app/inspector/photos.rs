//! The selected touchpoint's photos of physical evidence: each large (the
//! panel's width), with its caption and text alternative, and buttons to
//! move it earlier or later or remove it; "Add photo…" below. The picture's
//! accessible label is its text alternative.

use super::super::Action;
use super::super::photos::{Pictures, picture};
use super::{fields, label};
use crate::edit::Edit;
use crate::i18n::Msg;
use crate::model::*;
use std::borrow::Cow;

/// The tallest a photo is shown, in points.
const MAX_H: f32 = 320.0;

/// The Photos section; caption and text-alternative edits go into
/// `edited` (one undo step per burst of typing, as the other fields).
pub(super) fn photos_of(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    edited: &mut Cow<'_, Touchpoint>,
    pictures: &Pictures,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    let t = |m: Msg| m.text(lang);
    ui.strong(t(Msg::InspectorPhotos));
    let id = edited.id.clone();
    let n = edited.photos.len();
    if n == 0 {
        ui.weak(t(Msg::PhotosNone));
    }
    for i in 0..n {
        let number = crate::i18n::count(i + 1, lang);
        ui.push_id(("photo", i), |ui| {
            let u = &edited.photos[i];
            let photo = bp.photos.iter().find(|p| p.id == u.photo);
            picture(ui, photo, &u.alt, &number, pictures, lang, MAX_H);
            ui.horizontal(|ui| {
                let edit = |index, by| {
                    Action::Edit(Edit::MovePhoto {
                        touchpoint: id.clone(),
                        index,
                        by,
                    })
                };
                for (by, short, text, enabled) in [
                    (-1, Msg::Earlier, Msg::PhotoEarlier, i > 0),
                    (1, Msg::Later, Msg::PhotoLater, i + 1 < n),
                ] {
                    let text = text.fill(lang, &[&number]);
                    let b = ui.add_enabled(enabled, egui::Button::new(t(short)));
                    // Named for screen readers as the tooltip says it.
                    b.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &text));
                    if b.on_hover_text(&text).clicked() {
                        actions.push(edit(i, by));
                    }
                }
                let remove = Msg::PhotoRemove.fill(lang, &[&number]);
                if ui.button(&remove).clicked() {
                    actions.push(Action::Edit(Edit::RemovePhoto {
                        touchpoint: id.clone(),
                        index: i,
                    }));
                }
            });
            egui::Grid::new("photo-fields")
                .num_columns(2)
                .spacing([8.0, 4.0])
                .show(ui, |ui| {
                    let l = label(ui, t(Msg::PhotoCaption));
                    let caption = &edited.photos[i].caption;
                    let (r, new) = fields::line(ui, caption, None, f32::INFINITY, lang);
                    r.labelled_by(l);
                    if let Some(c) = new {
                        edited.to_mut().photos[i].caption = c;
                    }
                    ui.end_row();
                    let l = label(ui, t(Msg::PhotoAlt));
                    let alt = &edited.photos[i].alt;
                    let (r, new) = fields::block(ui, alt, 2, f32::INFINITY, lang);
                    r.labelled_by(l).on_hover_text(t(Msg::TipPhotoAlt));
                    if let Some(a) = new {
                        edited.to_mut().photos[i].alt = a;
                    }
                    ui.end_row();
                });
        });
        ui.add_space(6.0);
    }
    let full = n >= crate::model::limits::PHOTOS_PER_TOUCHPOINT;
    let add = ui.add_enabled(!full, egui::Button::new(t(Msg::AddPhoto)));
    if add.on_hover_text(t(Msg::TipAddPhoto)).clicked() {
        actions.push(Action::AskPath(super::super::files::Purpose::AddPhoto));
    }
}
