//! The selected touchpoint's photos of physical evidence: each large (the
//! panel's width), with its caption and text alternative, and buttons to
//! move it earlier or later or remove it; "Add photo…" below. The picture's
//! accessible label is its text alternative.

use super::super::Action;
use super::super::photos::{Pictures, Size};
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
            picture(ui, photo, &u.alt, &number, pictures, lang);
            ui.horizontal(|ui| {
                let edit = |index, by| {
                    Action::Edit(Edit::MovePhoto {
                        touchpoint: id.clone(),
                        index,
                        by,
                    })
                };
                let earlier = Msg::PhotoEarlier.fill(lang, &[&number]);
                let b = ui.add_enabled(i > 0, egui::Button::new("⬅"));
                if b.on_hover_text(&earlier).clicked() {
                    actions.push(edit(i, -1));
                }
                let later = Msg::PhotoLater.fill(lang, &[&number]);
                let b = ui.add_enabled(i + 1 < n, egui::Button::new("➡"));
                if b.on_hover_text(&later).clicked() {
                    actions.push(edit(i, 1));
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

/// A photo as large as the panel is wide (and at most [`MAX_H`] tall),
/// labelled with its text alternative; a placeholder while it is decoded.
fn picture(
    ui: &mut egui::Ui,
    photo: Option<&Photo>,
    alt: &str,
    number: &str,
    pictures: &Pictures,
    lang: Language,
) {
    let (w, h) = photo.map_or((4.0, 3.0), |p| (p.width as f32, p.height as f32));
    let width = ui.available_width().max(40.0);
    let scale = (width / w.max(1.0)).min(MAX_H / h.max(1.0));
    let size = egui::vec2(w * scale, h * scale);
    let label = if alt.trim().is_empty() {
        Msg::PhotoNoAlt.fill(lang, &[&number])
    } else {
        crate::shown::shown_line(alt, crate::shown::LINE_CHARS).into_owned()
    };
    let (rect, resp) = ui.allocate_exact_size(size, egui::Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    let texture = photo.and_then(|p| pictures.get(&p.id, Size::Large));
    match texture {
        Some((tex, _)) => {
            let uv = egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
            ui.painter().image(tex, rect, uv, egui::Color32::WHITE);
        }
        None => {
            let failed = photo.is_none_or(|p| pictures.failed(&p.id, Size::Large));
            let text = if failed {
                Msg::PhotoUnreadable
            } else {
                Msg::PhotoLoading
            };
            let visuals = ui.visuals();
            ui.painter().rect_filled(rect, 4.0, visuals.faint_bg_color);
            ui.painter().text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                text.text(lang),
                egui::FontId::proportional(13.0),
                visuals.weak_text_color(),
            );
        }
    }
    if !alt.is_empty() {
        resp.on_hover_text(crate::shown::shown_line(alt, crate::shown::BLOCK_CHARS));
    }
}
