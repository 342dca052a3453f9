//! A scene as a standalone SVG document: text stays text (searchable and
//! copyable), in the bundled font's family with generic fallbacks.

use crate::font;
use crate::scene::{Anchor, Dash, Rgba, Scene, Shape, Stroke};
use std::fmt::Write;

fn colour(c: Rgba) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0[0], c.0[1], c.0[2])
}

fn paint(attr: &str, c: Option<Rgba>) -> String {
    match c {
        None => format!(" {attr}=\"none\""),
        Some(c) if c.0[3] == 255 => format!(" {attr}=\"{}\"", colour(c)),
        Some(c) => format!(
            " {attr}=\"{}\" {attr}-opacity=\"{:.3}\"",
            colour(c),
            f32::from(c.0[3]) / 255.0
        ),
    }
}

fn stroke(s: Option<Stroke>) -> String {
    let Some(s) = s else {
        return " stroke=\"none\"".into();
    };
    let mut out = paint("stroke", Some(s.colour));
    let _ = write!(out, " stroke-width=\"{}\"", n(s.width));
    let w = s.width.max(1.0);
    match s.dash {
        Dash::Solid => {}
        Dash::Dashed => {
            let _ = write!(out, " stroke-dasharray=\"{} {}\"", n(5.0 * w), n(3.5 * w));
        }
        Dash::Dotted => {
            let _ = write!(out, " stroke-dasharray=\"{} {}\"", n(w), n(2.5 * w));
        }
        Dash::DashDot => {
            let _ = write!(
                out,
                " stroke-dasharray=\"{} {} {} {}\"",
                n(7.0 * w),
                n(2.5 * w),
                n(w),
                n(2.5 * w)
            );
        }
    }
    out
}

/// A number with at most two decimals and no trailing zeros.
fn n(v: f32) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// Escapes text for XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn points(pts: &[crate::layout::Pos]) -> String {
    pts.iter()
        .map(|p| format!("{},{}", n(p.x), n(p.y)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The SVG text of a scene. `title` becomes the document's `<title>`.
pub fn to_svg(scene: &Scene, title: &str) -> String {
    let (w, h) = (scene.size.x.ceil(), scene.size.y.ceil());
    let mut s = String::with_capacity(scene.items.len() * 120 + 512);
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"'{}', 'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif\">",
        font::FAMILY
    );
    let _ = writeln!(s, "<title>{}</title>", escape(title));
    let _ = writeln!(
        s,
        "<rect width=\"{w}\" height=\"{h}\"{}/>",
        paint("fill", Some(scene.background))
    );
    for item in &scene.items {
        match &item.shape {
            Shape::Rect {
                rect,
                radius,
                fill,
                stroke: st,
            } => {
                let _ = write!(
                    s,
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                    n(rect.min.x),
                    n(rect.min.y),
                    n(rect.width()),
                    n(rect.height())
                );
                if *radius > 0.0 {
                    let _ = write!(s, " rx=\"{}\"", n(*radius));
                }
                let _ = writeln!(s, "{}{}/>", paint("fill", *fill), stroke(*st));
            }
            Shape::Path {
                points: pts,
                stroke: st,
            } => {
                let _ = writeln!(
                    s,
                    "<polyline points=\"{}\" fill=\"none\"{} stroke-linejoin=\"round\"/>",
                    points(pts),
                    stroke(Some(*st))
                );
            }
            Shape::Polygon {
                points: pts,
                fill,
                stroke: st,
            } => {
                let _ = writeln!(
                    s,
                    "<polygon points=\"{}\"{}{} stroke-linejoin=\"round\"/>",
                    points(pts),
                    paint("fill", *fill),
                    stroke(*st)
                );
            }
            Shape::Circle {
                center,
                radius,
                fill,
                stroke: st,
            } => {
                let _ = writeln!(
                    s,
                    "<circle cx=\"{}\" cy=\"{}\" r=\"{}\"{}{}/>",
                    n(center.x),
                    n(center.y),
                    n(*radius),
                    paint("fill", *fill),
                    stroke(*st)
                );
            }
            Shape::Text {
                pos,
                text,
                size,
                bold,
                colour: c,
                anchor,
            } => {
                let anchor = match anchor {
                    Anchor::Start => "",
                    Anchor::Middle => " text-anchor=\"middle\"",
                    Anchor::End => " text-anchor=\"end\"",
                };
                let weight = if *bold { " font-weight=\"bold\"" } else { "" };
                let _ = writeln!(
                    s,
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight}{anchor}{}>{}</text>",
                    n(pos.x),
                    n(pos.y),
                    n(*size),
                    paint("fill", Some(*c)),
                    escape(text)
                );
            }
        }
    }
    s.push_str("</svg>\n");
    s
}
