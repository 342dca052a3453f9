//! A standard's trend in the inspector: its latest measured values over
//! time, over the zone of tolerance drawn as a band from the adequate to the
//! desired level, each value a dot in the colour of its state.

use crate::i18n::{self, Msg};
use crate::model::{Compliance, Language, Measurement, Standard, StandardId};
use crate::render::egui::c32;
use crate::scene::Theme;
use std::collections::HashMap;

/// The width at the right of the chart that names the two levels.
const LEVELS_W: f32 = 44.0;

/// How many of a standard's latest measured values the chart draws.
pub const TREND_POINTS: usize = 24;

/// The latest measured values of each standard shown, oldest first, with
/// how many came before them: sorted once per revision of the document, not
/// every frame (a standard may hold a million values).
#[derive(Default)]
pub struct Histories {
    version: (u64, u64),
    latest: HashMap<StandardId, (usize, Vec<Measurement>)>,
}

impl Histories {
    /// The last `TREND_POINTS` values of `s` by date, and how many are
    /// earlier.
    pub fn of(&mut self, s: &Standard, version: (u64, u64)) -> &(usize, Vec<Measurement>) {
        if self.version != version {
            self.version = version;
            self.latest.clear();
        }
        self.latest.entry(s.id.clone()).or_insert_with(|| {
            let history = s.history();
            let from = history.len().saturating_sub(TREND_POINTS);
            (from, history[from..].iter().map(|m| (*m).clone()).collect())
        })
    }
}

/// The theme's colour of a compliance status, for the light or dark UI.
pub fn compliance_colour(ui: &egui::Ui, c: Compliance) -> egui::Color32 {
    let theme = if ui.visuals().dark_mode {
        Theme::DARK
    } else {
        Theme::LIGHT
    };
    c32(theme.compliance(c))
}

/// Draws the trend of `values` (oldest first) of the standard `s`.
pub fn chart(ui: &mut egui::Ui, s: &Standard, values: &[Measurement], lang: Language) {
    let width = ui.available_width().clamp(160.0, 360.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 64.0), egui::Sense::hover());
    let zone = s.zone();
    let mut lo = values.iter().map(|m| m.value).fold(f64::INFINITY, f64::min);
    let mut hi = values
        .iter()
        .map(|m| m.value)
        .fold(f64::NEG_INFINITY, f64::max);
    if let Some(z) = zone {
        lo = lo.min(z.desired).min(z.adequate);
        hi = hi.max(z.desired).max(z.adequate);
    }
    if hi <= lo || !hi.is_finite() || !lo.is_finite() {
        lo = if lo.is_finite() { lo } else { 0.0 };
        hi = lo + 1.0;
    }
    // The values on the left; the levels named on the right.
    let r = egui::Rect::from_min_max(
        rect.min + egui::vec2(6.0, 6.0),
        rect.max - egui::vec2(LEVELS_W, 6.0),
    );
    let y = |v: f64| r.bottom() - ((v - lo) / (hi - lo)) as f32 * r.height();
    let x = |i: usize| {
        if values.len() < 2 {
            r.center().x
        } else {
            r.left() + i as f32 / (values.len() - 1) as f32 * r.width()
        }
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 3.0, ui.visuals().extreme_bg_color);
    if let Some(z) = zone {
        // The zone of tolerance as a band, in the colour of "at risk".
        let (a, d) = (y(z.adequate), y(z.desired));
        let band = egui::Rect::from_x_y_ranges(
            rect.left()..=r.right(),
            a.min(d)..=a.max(d).max(a.min(d) + 1.0),
        );
        let at_risk = compliance_colour(ui, Compliance::AtRisk);
        painter.rect_filled(band, 0.0, at_risk.gamma_multiply(0.22));
        painter.extend(egui::Shape::dashed_line(
            &[egui::pos2(rect.left(), d), egui::pos2(r.right(), d)],
            egui::Stroke::new(1.0, compliance_colour(ui, Compliance::Met)),
            4.0,
            3.0,
        ));
        // The two levels' figures, kept a line apart when the band is thin.
        let (mut ad, mut dd) = (a, d);
        let gap = 11.0 - (a - d).abs();
        if gap > 0.0 {
            let push = if a >= d { gap / 2.0 } else { -gap / 2.0 };
            (ad, dd) = (a + push, d - push);
        }
        let font = egui::FontId::proportional(10.0);
        for (y, v) in [(dd, z.desired), (ad, z.adequate)] {
            let y = y.clamp(rect.top() + 6.0, rect.bottom() - 6.0);
            painter.text(
                egui::pos2(r.right() + 4.0, y),
                egui::Align2::LEFT_CENTER,
                i18n::decimal(v, 3, lang),
                font.clone(),
                ui.visuals().weak_text_color(),
            );
        }
    }
    let points: Vec<egui::Pos2> = values
        .iter()
        .enumerate()
        .map(|(i, m)| egui::pos2(x(i), y(m.value)))
        .collect();
    painter.add(egui::Shape::line(
        points.clone(),
        egui::Stroke::new(1.2, ui.visuals().weak_text_color()),
    ));
    for (p, m) in points.iter().zip(values) {
        painter.circle_filled(*p, 3.0, compliance_colour(ui, s.judge(m.value)));
    }
    let latest = values.last().map_or(0.0, |m| m.value);
    let mut label = format!("{} → {}", s.statement, i18n::decimal(latest, 3, lang));
    if let Some(z) = zone {
        label = format!(
            "{label} · {}: {} – {}",
            Msg::ZoneOfTolerance.text(lang),
            i18n::decimal(z.adequate, 3, lang),
            i18n::decimal(z.desired, 3, lang)
        );
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    if let Some(z) = zone {
        response.on_hover_text(format!(
            "{}\n{}: {}\n{}: {}",
            Msg::ZoneOfTolerance.text(lang),
            Msg::Target.text(lang),
            i18n::decimal(z.desired, 3, lang),
            Msg::AdequateLevel.text(lang),
            i18n::decimal(z.adequate, 3, lang)
        ));
    }
}
