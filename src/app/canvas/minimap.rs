//! An overview of the whole diagram when only part of it is on screen: the
//! visible part outlined; click or drag in it to go elsewhere.

use super::{Screen, View};
use crate::app::document::Derived;
use crate::i18n::Msg;
use crate::layout;
use crate::model::Language;
use crate::render::egui::UiFromScene;
use egui::{Color32, Id, Sense, vec2};

pub fn show(
    ui: &mut egui::Ui,
    painter: &egui::Painter,
    derived: &mut Derived,
    screen: Screen,
    view: &mut View,
    lang: Language,
) {
    let rect = screen.rect;
    let whole = layout::Rect {
        min: layout::pos(0.0, 0.0),
        max: derived.scene.size,
    };
    let shown = screen.t.inverse_rect(rect);
    // A unit of slack for rounding when zoomed to fit.
    let s = shown.expand(1.0);
    let all_shown =
        s.min.x <= 0.0 && s.min.y <= 0.0 && s.max.x >= whole.max.x && s.max.y >= whole.max.y;
    if all_shown || rect.width() <= 300.0 {
        return;
    }
    let scale = (220.0 / whole.max.x).min(120.0 / whole.max.y);
    let size = vec2(whole.max.x * scale, whole.max.y * scale);
    let mini = egui::Rect::from_min_size(rect.left_bottom() + vec2(10.0, -size.y - 10.0), size);
    let mini_t = UiFromScene {
        origin: mini.min,
        zoom: scale,
    };
    // A small picture painted once per document change: one textured quad
    // a frame, however many cards there are.
    let w = size.x.round().max(1.0) as usize;
    let h = size.y.round().max(1.0) as usize;
    let texture = derived.overview(ui.ctx(), [w, h]).id();
    painter.rect(
        mini.expand(3.0),
        4.0,
        ui.visuals().window_fill,
        ui.visuals().window_stroke,
        egui::StrokeKind::Outside,
    );
    painter.image(
        texture,
        mini,
        egui::Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0)),
        Color32::WHITE,
    );
    painter.rect_stroke(
        mini_t.rect(shown).intersect(mini),
        1.0,
        egui::Stroke::new(1.5, screen.accent),
        egui::StrokeKind::Middle,
    );
    let resp = ui.interact(mini, Id::unique("minimap"), Sense::click_and_drag());
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, Msg::Overview.text(lang))
    });
    if (resp.clicked() || resp.dragged())
        && let Some(p) = resp.interact_pointer_pos()
    {
        // Centre the canvas on the diagram point under the pointer.
        view.centre_on(mini_t.inverse(p));
    }
}
