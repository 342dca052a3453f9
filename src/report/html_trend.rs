//! A standard's trend in the report: a small inline SVG of its latest
//! measured values over the zone of tolerance, drawn as a band from the
//! adequate to the desired level, each value a dot in its state's colour (as
//! the inspector draws it).

use crate::i18n::{self, Msg};
use crate::model::{Compliance, Language, Standard};
use crate::render::svg::colour;
use crate::scene::Theme;
use std::fmt::Write;

/// How many of a standard's latest values the report draws.
const POINTS: usize = 24;
/// The chart's size, in CSS pixels.
const W: f64 = 120.0;
const H: f64 = 30.0;
/// The inner margin, so a dot on the edge shows whole.
const PAD: f64 = 3.0;

/// The chart of `s`, or an empty string without measured values.
pub fn trend_svg(s: &Standard, lang: Language) -> String {
    let history = s.history();
    let values: Vec<f64> = history[history.len().saturating_sub(POINTS)..]
        .iter()
        .map(|m| m.value)
        .filter(|v| v.is_finite())
        .collect();
    if values.is_empty() {
        return String::new();
    }
    let zone = s.zone();
    let (mut lo, mut hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
            (lo.min(*v), hi.max(*v))
        });
    if let Some(z) = zone {
        lo = lo.min(z.desired).min(z.adequate);
        hi = hi.max(z.desired).max(z.adequate);
    }
    if hi <= lo || !(hi - lo).is_finite() {
        hi = lo + 1.0;
    }
    let y = |v: f64| PAD + (hi - v) / (hi - lo) * (H - 2.0 * PAD);
    let x = |i: usize| {
        if values.len() < 2 {
            W / 2.0
        } else {
            PAD + i as f64 / (values.len() - 1) as f64 * (W - 2.0 * PAD)
        }
    };
    let theme = Theme::LIGHT;
    let paint = |c: Compliance| {
        let mut out = String::new();
        colour(&mut out, theme.compliance(c));
        out
    };
    let mut svg = format!(
        "<svg class=\"trend\" width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\" role=\"img\">"
    );
    let mut title = Msg::ReportTrend.text(lang).to_owned();
    if let Some(z) = zone {
        let _ = write!(
            title,
            " · {}: {} – {}",
            Msg::ZoneOfTolerance.text(lang),
            i18n::decimal(z.adequate, 3, lang),
            i18n::decimal(z.desired, 3, lang)
        );
        let (a, d) = (y(z.adequate), y(z.desired));
        let _ = write!(
            svg,
            "<rect class=\"zone\" x=\"0\" y=\"{:.1}\" width=\"{W}\" height=\"{:.1}\" fill=\"{}\" fill-opacity=\"0.22\"/>\
             <line class=\"desired\" x1=\"0\" y1=\"{d:.1}\" x2=\"{W}\" y2=\"{d:.1}\" stroke=\"{}\" stroke-dasharray=\"3 2\"/>",
            a.min(d),
            (a - d).abs().max(1.0),
            paint(Compliance::AtRisk),
            paint(Compliance::Met)
        );
    }
    let _ = write!(svg, "<title>{}</title>", super::html::escape(&title));
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .map(|(i, v)| format!("{:.1},{:.1}", x(i), y(*v)))
        .collect();
    let _ = write!(
        svg,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"#8c959f\"/>",
        points.join(" ")
    );
    for (i, v) in values.iter().enumerate() {
        let c = s.judge(*v);
        let _ = write!(
            svg,
            "<circle class=\"{}\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"{}\"/>",
            super::html::status_class(c),
            x(i),
            y(*v),
            paint(c)
        );
    }
    svg.push_str("</svg>");
    svg
}
