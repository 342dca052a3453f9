//! The drawing primitives a scene is made of, and their colours and strokes.

use super::*;

/// An sRGB colour with alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }
    pub(super) fn from_colour(c: Colour) -> Self {
        Self::rgb(c.r, c.g, c.b)
    }
    /// This colour mixed with `other`, `t` of the way.
    pub fn mix(self, other: Rgba, t: f32) -> Rgba {
        let m = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
        Rgba([
            m(self.0[0], other.0[0]),
            m(self.0[1], other.0[1]),
            m(self.0[2], other.0[2]),
            m(self.0[3], other.0[3]),
        ])
    }
}

/// How a line is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    DashDot,
}

/// A line's width, colour and dash.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub colour: Rgba,
    pub dash: Dash,
}

impl Stroke {
    pub const fn solid(width: f32, colour: Rgba) -> Self {
        Self {
            width,
            colour,
            dash: Dash::Solid,
        }
    }
}

/// Where a text run's position sits on it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// One drawing primitive.
#[derive(Clone, Debug, PartialEq)]
pub enum Shape {
    /// A rectangle, with rounded corners when `radius > 0`.
    Rect {
        rect: Rect,
        radius: f32,
        fill: Option<Rgba>,
        stroke: Option<Stroke>,
    },
    /// An open polyline.
    Path { points: Vec<Pos>, stroke: Stroke },
    /// A closed polygon (arrow heads, stars, triangles).
    Polygon {
        points: Vec<Pos>,
        fill: Option<Rgba>,
        stroke: Option<Stroke>,
    },
    Circle {
        center: Pos,
        radius: f32,
        fill: Option<Rgba>,
        stroke: Option<Stroke>,
    },
    /// One line of text; `pos` is on its baseline. Shared, so that a card
    /// taken over after an edit copies no text.
    Text {
        pos: Pos,
        text: std::sync::Arc<str>,
        size: f32,
        bold: bool,
        colour: Rgba,
        anchor: Anchor,
    },
    /// A photo of physical evidence (`Blueprint::photos`), scaled to fill
    /// `rect` and cropped to it (the middle kept), with its text
    /// alternative for screen readers and the exports.
    Image {
        rect: Rect,
        photo: PhotoId,
        alt: Box<str>,
    },
}

impl Shape {
    /// Each point that places the shape, to be moved by `f`.
    pub(super) fn points_mut(&mut self, mut f: impl FnMut(&mut Pos)) {
        match self {
            Shape::Rect { rect, .. } | Shape::Image { rect, .. } => {
                f(&mut rect.min);
                f(&mut rect.max);
            }
            Shape::Path { points, .. } | Shape::Polygon { points, .. } => {
                points.iter_mut().for_each(f);
            }
            Shape::Circle { center, .. } => f(center),
            Shape::Text { pos, .. } => f(pos),
        }
    }

    /// A rectangle holding everything the shape paints.
    pub fn bounds(&self) -> Rect {
        let of_points = |pts: &[Pos], pad: f32| {
            let mut r = Rect {
                min: pts[0],
                max: pts[0],
            };
            for p in pts {
                r = r.union(&Rect { min: *p, max: *p });
            }
            r.expand(pad)
        };
        match self {
            Shape::Rect { rect, stroke, .. } => rect.expand(stroke.map_or(0.0, |s| s.width)),
            Shape::Image { rect, .. } => *rect,
            Shape::Path { points, stroke } if !points.is_empty() => {
                of_points(points, stroke.width + 1.0)
            }
            Shape::Polygon { points, .. } if !points.is_empty() => of_points(points, 1.0),
            Shape::Circle { center, radius, .. } => Rect::from_xywh(
                center.x - radius,
                center.y - radius,
                2.0 * radius,
                2.0 * radius,
            )
            .expand(1.0),
            Shape::Text {
                pos,
                text,
                size,
                bold,
                anchor,
                ..
            } => {
                let m = font::metrics(*bold);
                let w = m.width(text, *size);
                let x = match anchor {
                    Anchor::Start => pos.x,
                    Anchor::Middle => pos.x - w / 2.0,
                    Anchor::End => pos.x - w,
                };
                Rect {
                    min: self::pos(x, pos.y - m.ascent * size),
                    max: self::pos(x + w, pos.y - m.descent * size),
                }
            }
            _ => Rect::default(),
        }
    }
}
