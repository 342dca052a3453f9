//! What the presentation lays over the canvas: the rest of the diagram
//! veiled around the stop, the lane names kept readable, the laser pointer.

use crate::app::canvas::{Screen, Spotlight};
use crate::layout::Layout;
use crate::model::*;
use egui::{Color32, vec2};

pub fn show(
    ui: &egui::Ui,
    painter: &egui::Painter,
    bp: &Blueprint,
    layout: &Layout,
    screen: Screen,
    s: Spotlight,
    dark: bool,
) {
    let (rect, t) = (screen.rect, screen.t);
    let fr = t.rect(s.clear);
    let veil = if dark {
        Color32::from_black_alpha(170)
    } else {
        Color32::from_white_alpha(190)
    };
    // The lane names stay clear: the group must see whose work it is.
    let labels = layout
        .lanes
        .first()
        .map(|l| t.rect(l.label))
        .filter(|l| l.max.x <= fr.min.x);
    let left_gaps = match labels {
        Some(l) => [(rect.min.x, l.min.x), (l.max.x, fr.min.x)],
        None => [(rect.min.x, fr.min.x), (fr.min.x, fr.min.x)],
    };
    for r in [
        egui::Rect::from_min_max(rect.min, egui::pos2(rect.max.x, fr.min.y)),
        egui::Rect::from_min_max(egui::pos2(rect.min.x, fr.max.y), rect.max),
        egui::Rect::from_min_max(
            egui::pos2(left_gaps[0].0, fr.min.y),
            egui::pos2(left_gaps[0].1, fr.max.y),
        ),
        egui::Rect::from_min_max(
            egui::pos2(left_gaps[1].0, fr.min.y),
            egui::pos2(left_gaps[1].1, fr.max.y),
        ),
        egui::Rect::from_min_max(
            egui::pos2(fr.max.x, fr.min.y),
            egui::pos2(rect.max.x, fr.max.y),
        ),
    ] {
        if r.width() > 0.0 && r.height() > 0.0 {
            painter.rect_filled(r.intersect(rect), 0.0, veil);
        }
    }
    if let Some(ring) = s.ring {
        painter.rect_stroke(
            t.rect(ring).expand(6.0),
            10.0 * t.zoom,
            egui::Stroke::new(4.0, screen.accent),
            egui::StrokeKind::Outside,
        );
    }
    // When the label column is off screen, the names ride along the left
    // edge, level with their lanes.
    if labels.is_none_or(|l| l.max.x < rect.min.x + 40.0) {
        lane_names_on_edge(ui, painter, bp, layout, screen, fr, dark);
    }
    if s.laser
        && let Some(p) = ui.input(|i| i.pointer.hover_pos())
        && rect.contains(p)
    {
        painter.circle_filled(p, 14.0, Color32::from_rgba_unmultiplied(255, 0, 0, 60));
        painter.circle_filled(p, 6.0, Color32::from_rgb(230, 20, 20));
    }
}

/// Lane names along the left edge of the canvas, in the focus' rows (the
/// editor's too, when the label column has scrolled out of view).
pub fn lane_names_on_edge(
    ui: &egui::Ui,
    painter: &egui::Painter,
    bp: &Blueprint,
    layout: &Layout,
    screen: Screen,
    focus: egui::Rect,
    dark: bool,
) {
    let (rect, t) = (screen.rect, screen.t);
    let ink = if dark {
        Color32::WHITE
    } else {
        Color32::from_rgb(0x1f, 0x29, 0x33)
    };
    // As large as the cards' titles, within reason.
    let font = egui::FontId::new(
        (14.0 * t.zoom).clamp(16.0, 30.0),
        egui::FontFamily::Name(crate::render::egui::BOLD_FAMILY.into()),
    );
    for lane in &layout.lanes {
        let band = t.rect(lane.rect).intersect(focus).intersect(rect);
        if band.height() < 24.0 {
            continue;
        }
        let Some(model) = bp.lanes.iter().find(|l| l.id == lane.id) else {
            continue;
        };
        // The lane's own colour, opaque, so the name reads over what is under it.
        let c = model.colour;
        let fill = if dark {
            Color32::from_black_alpha(215)
        } else {
            Color32::from_rgb(c.r, c.g, c.b)
        };
        let galley = ui.fonts_mut(|f| {
            f.layout(
                crate::shown::shown(&model.name, 200).into_owned(),
                font.clone(),
                ink,
                (rect.width() / 5.0).clamp(120.0, 260.0),
            )
        });
        let at = egui::pos2(rect.min.x + 10.0, band.center().y - galley.size().y / 2.0);
        let chip = egui::Rect::from_min_size(at, galley.size()).expand2(vec2(8.0, 4.0));
        painter.rect(
            chip,
            6.0,
            fill,
            egui::Stroke::new(1.0, ink.gamma_multiply(0.35)),
            egui::StrokeKind::Outside,
        );
        painter.galley(at, galley, ink);
    }
}
