//! Paints a [`Scene`] with egui, in screen space: positions go through the
//! `ui_from_scene` transform and text is laid out at the zoomed size, so it
//! stays sharp on a projector. Primitives outside the clip rectangle are
//! skipped before any shape or text is built, and tiny cards lose their text
//! (level of detail).

use crate::font;
use crate::layout::{Pos, Rect};
use crate::scene::{Anchor, Dash, Rgba, Scene, Shape, Stroke};
use egui::{Color32, FontFamily, FontId, Painter, pos2, vec2};
use std::sync::Arc;

/// The family name under which the bold face is registered in egui.
pub const BOLD_FAMILY: &str = "servuction-bold";

/// Registers the bundled font in egui: Noto Sans as the first proportional
/// font, and its bold face as [`BOLD_FAMILY`].
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans".into(),
        std::sync::Arc::new(egui::FontData::from_static(font::REGULAR)),
    );
    fonts.font_data.insert(
        "noto-sans-bold".into(),
        std::sync::Arc::new(egui::FontData::from_static(font::BOLD)),
    );
    // The bundled fonts for other scripts, as exports draw them (egui's own
    // fonts already hold the same Noto Emoji; the system's fonts come after
    // all of these, through eframe's font fallback).
    for (name, data) in [
        ("noto-sans-arabic", font::ARABIC),
        ("noto-sans-devanagari", font::DEVANAGARI),
    ] {
        fonts.font_data.insert(
            name.into(),
            std::sync::Arc::new(egui::FontData::from_static(data)),
        );
    }
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "noto-sans".into());
        list.insert(1, "noto-sans-arabic".into());
        list.insert(2, "noto-sans-devanagari".into());
    }
    let mut bold = vec!["noto-sans-bold".to_owned()];
    bold.extend(
        fonts
            .families
            .get(&FontFamily::Proportional)
            .cloned()
            .unwrap_or_default(),
    );
    fonts
        .families
        .insert(FontFamily::Name(BOLD_FAMILY.into()), bold);
    ctx.set_fonts(fonts);
}

/// Maps diagram units to screen points: `screen = origin + p × zoom`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct UiFromScene {
    pub origin: egui::Pos2,
    pub zoom: f32,
}

impl UiFromScene {
    pub fn apply(&self, p: Pos) -> egui::Pos2 {
        pos2(
            self.origin.x + p.x * self.zoom,
            self.origin.y + p.y * self.zoom,
        )
    }
    pub fn rect(&self, r: Rect) -> egui::Rect {
        egui::Rect::from_min_max(self.apply(r.min), self.apply(r.max))
    }
    /// The diagram point under a screen point.
    pub fn inverse(&self, p: egui::Pos2) -> Pos {
        crate::layout::pos(
            (p.x - self.origin.x) / self.zoom,
            (p.y - self.origin.y) / self.zoom,
        )
    }
    /// The diagram rectangle a screen rectangle shows.
    pub fn inverse_rect(&self, r: egui::Rect) -> Rect {
        Rect {
            min: self.inverse(r.min),
            max: self.inverse(r.max),
        }
    }
}

/// A scene colour as egui's.
pub fn c32(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.0[0], c.0[1], c.0[2], c.0[3])
}

fn stroke(s: &Stroke, zoom: f32) -> egui::Stroke {
    egui::Stroke::new((s.width * zoom).max(0.5), c32(s.colour))
}

/// Text smaller than this on screen, in points, is not drawn: it could not
/// be read, and laying it out costs the most.
pub const TEXT_MIN_SIZE: f32 = 4.5;
/// A photo smaller than this on screen, in points, is not drawn: a blur
/// of a few pixels tells nothing, and costs a texture lookup.
pub const IMAGE_MIN_SIZE: f32 = 10.0;
/// Below this zoom, only rectangles and the lines of the method are drawn:
/// cards become coloured blocks (level of detail).
pub const DETAIL_MIN_ZOOM: f32 = 0.15;

/// The filled rectangles of a scene as one mesh in diagram units, for the
/// coarse level of detail: built once per scene, then only moved and scaled.
pub fn coarse_mesh(scene: &Scene) -> egui::Mesh {
    let mut mesh = egui::Mesh::default();
    fill_coarse_mesh(scene, &mut mesh);
    mesh
}

/// Fills `mesh` with the filled rectangles of a scene, as [`coarse_mesh`],
/// in the room it already has: sized once for them, and refilled after an
/// edit without new memory.
pub fn fill_coarse_mesh(scene: &Scene, mesh: &mut egui::Mesh) {
    // Not `Mesh::clear`, which (epaint 0.37) lets the vertices' memory go.
    mesh.indices.clear();
    mesh.vertices.clear();
    // One pass over the scene (its items outgrow the caches): the mesh
    // grows as it must the first time, and is then left room for an eighth
    // more, so that the edits that add a marker or a card refill it in place.
    for item in &scene.items {
        if let Shape::Rect {
            rect,
            fill: Some(fill),
            ..
        } = &item.shape
        {
            let r = egui::Rect::from_min_max(
                pos2(rect.min.x, rect.min.y),
                pos2(rect.max.x, rect.max.y),
            );
            mesh.add_colored_rect(r, c32(*fill));
        }
    }
    let n = mesh.vertices.len() / 4;
    let room = n / 8 + 16;
    if mesh.vertices.capacity() < 4 * (n + room) || mesh.indices.capacity() < 6 * (n + room) {
        mesh.reserve_triangles(2 * room);
        mesh.reserve_vertices(4 * room);
    }
}

/// Writes `mesh` (in diagram units) moved and scaled onto the screen into
/// `screen`, in the memory `screen` has when nothing else holds it.
pub fn mesh_on_screen(mesh: &egui::Mesh, t: UiFromScene, screen: &mut Arc<egui::Mesh>) {
    let out = Arc::make_mut(screen);
    out.texture_id = mesh.texture_id;
    out.indices.clone_from(&mesh.indices);
    out.vertices.clone_from(&mesh.vertices);
    for v in &mut out.vertices {
        v.pos = t.origin + v.pos.to_vec2() * t.zoom;
    }
}

/// Which scene items lie in each vertical strip of the diagram, so a frame
/// looks only at the items near the visible part (blueprints are wide).
pub struct SceneIndex {
    strip: f32,
    strips: Vec<Vec<u32>>,
}

impl SceneIndex {
    /// Strips this wide, in diagram units.
    const STRIP: f32 = 512.0;

    pub fn new(scene: &Scene) -> Self {
        let n = ((scene.size.x / Self::STRIP).ceil() as usize).max(1);
        // The strip of `x`: a cast truncates, which is the floor of the
        // quotient of a number not negative (and NaN becomes 0).
        let strip = |x: f32| ((x.max(0.0) / Self::STRIP) as usize).min(n - 1);
        // Room for an even share of the items in each strip.
        let share = scene.items.len() / n + scene.items.len() / (8 * n) + 4;
        let mut strips: Vec<Vec<u32>> = (0..n).map(|_| Vec::with_capacity(share)).collect();
        for (i, item) in scene.items.iter().enumerate() {
            let (a, b) = (strip(item.bounds.min.x), strip(item.bounds.max.x));
            for strip in &mut strips[a..=b] {
                strip.push(i as u32);
            }
        }
        Self {
            strip: Self::STRIP,
            strips,
        }
    }

    /// Indices of the items that may meet `[x0, x1]`, in painting order.
    pub fn candidates(&self, x0: f32, x1: f32) -> Vec<u32> {
        let n = self.strips.len();
        let a = ((x0 / self.strip).floor().max(0.0) as usize).min(n - 1);
        let b = ((x1 / self.strip).floor().max(0.0) as usize).min(n - 1);
        if a == b {
            return self.strips[a].clone();
        }
        let mut all: Vec<u32> = self.strips[a..=b].iter().flatten().copied().collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// A small picture of the whole scene for the overview: its filled
/// rectangles drawn into a `width` × `height` image.
pub fn overview_image(scene: &Scene, width: usize, height: usize) -> egui::ColorImage {
    let mut image = egui::ColorImage::filled([width, height], c32(scene.background));
    let sx = width as f32 / scene.size.x.max(1.0);
    let sy = height as f32 / scene.size.y.max(1.0);
    for item in &scene.items {
        if let Shape::Rect {
            rect,
            fill: Some(fill),
            ..
        } = &item.shape
        {
            let x0 = ((rect.min.x * sx).floor().max(0.0) as usize).min(width);
            let x1 = ((rect.max.x * sx).ceil().max(0.0) as usize).min(width);
            let y0 = ((rect.min.y * sy).floor().max(0.0) as usize).min(height);
            let y1 = ((rect.max.y * sy).ceil().max(0.0) as usize).min(height);
            let colour = c32(*fill);
            for y in y0..y1 {
                for x in x0..x1 {
                    image.pixels[y * width + x] = colour;
                }
            }
        }
    }
    image
}

/// Where a painter finds a photo's picture: its texture and size in
/// pixels, or nothing yet (a placeholder is painted meanwhile).
pub type PhotoTextures<'a> =
    &'a dyn Fn(&crate::model::PhotoId) -> Option<(egui::TextureId, egui::Vec2)>;

/// The part of a picture of `image` size that fills a rectangle of `rect`
/// size, in texture coordinates: the middle, cut to the rectangle's shape.
pub fn cover_uv(image: egui::Vec2, rect: egui::Vec2) -> egui::Rect {
    let (ia, ra) = (image.x / image.y.max(1.0), rect.x / rect.y.max(1e-3));
    if !ia.is_finite() || !ra.is_finite() || ia <= 0.0 || ra <= 0.0 {
        return egui::Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
    }
    let (w, h) = if ia > ra {
        (ra / ia, 1.0)
    } else {
        (1.0, ia / ra)
    };
    egui::Rect::from_center_size(pos2(0.5, 0.5), vec2(w, h))
}

/// Paints the scene's items that fall inside `painter`'s clip rectangle.
/// Below [`DETAIL_MIN_ZOOM`], `coarse` (from [`coarse_mesh`], moved onto the
/// screen by [`mesh_on_screen`]) stands in for every rectangle; photos come
/// from `photos`. Returns how many items were painted.
pub fn paint(
    painter: &Painter,
    scene: &Scene,
    t: UiFromScene,
    coarse: Option<Arc<egui::Mesh>>,
    index: Option<&SceneIndex>,
    photos: Option<PhotoTextures>,
) -> usize {
    let visible = t.inverse_rect(painter.clip_rect());
    let is_coarse = t.zoom < DETAIL_MIN_ZOOM;
    let mut painted = 0;
    let mesh_drawn = match coarse {
        Some(mesh) if is_coarse => {
            painter.add(egui::Shape::mesh(mesh));
            true
        }
        _ => false,
    };
    let candidates = index.map(|ix| ix.candidates(visible.min.x, visible.max.x));
    let items: Box<dyn Iterator<Item = &crate::scene::Item>> = match &candidates {
        Some(c) => Box::new(c.iter().map(|&i| &scene.items[i as usize])),
        None => Box::new(scene.items.iter()),
    };
    for item in items {
        if !item.bounds.intersects(&visible) {
            continue;
        }
        let shape = &item.shape;
        let skip = !is_drawn(item, t.zoom, mesh_drawn);
        if skip {
            continue;
        }
        match shape {
            Shape::Image { rect, photo, .. } => paint_photo(painter, *rect, photo, t, photos),
            _ => paint_shape(painter, shape, t),
        }
        painted += 1;
    }
    painted
}

/// Whether an item is painted at a zoom: text too small to read is left
/// out, with the pill behind it; below [`DETAIL_MIN_ZOOM`] the cards' details
/// go, and rectangles when the coarse mesh stands in for them.
pub fn is_drawn(item: &crate::scene::Item, zoom: f32, mesh_drawn: bool) -> bool {
    let coarse = zoom < DETAIL_MIN_ZOOM;
    !match &item.shape {
        Shape::Text { size, .. } => size * zoom < TEXT_MIN_SIZE,
        // A label's pill goes with its text.
        Shape::Rect { .. } if item.backs_text.is_some_and(|s| s * zoom < TEXT_MIN_SIZE) => true,
        Shape::Rect { .. } => mesh_drawn,
        Shape::Path { .. } => coarse && item.owner != crate::scene::Owner::None,
        Shape::Polygon { .. } | Shape::Circle { .. } => coarse,
        Shape::Image { rect, .. } => {
            coarse || rect.width().min(rect.height()) * zoom < IMAGE_MIN_SIZE
        }
    }
}

/// Paints a photo to fill `rect`, cut to its shape; a neutral block while
/// its texture is not ready (or the painter has none).
pub fn paint_photo(
    painter: &Painter,
    rect: Rect,
    photo: &crate::model::PhotoId,
    t: UiFromScene,
    photos: Option<PhotoTextures>,
) {
    let r = t.rect(rect);
    match photos.and_then(|f| f(photo)) {
        Some((texture, size)) => {
            painter.image(texture, r, cover_uv(size, r.size()), Color32::WHITE);
        }
        None => {
            painter.rect_filled(
                r,
                2.0 * t.zoom,
                Color32::from_gray(0xa8).gamma_multiply(0.5),
            );
        }
    }
}

/// Paints one primitive.
pub fn paint_shape(painter: &Painter, shape: &Shape, t: UiFromScene) {
    let z = t.zoom;
    match shape {
        Shape::Rect {
            rect,
            radius,
            fill,
            stroke: st,
        } => {
            let r = t.rect(*rect);
            let radius = radius * z;
            let fill = fill.map_or(Color32::TRANSPARENT, c32);
            // Filled and outlined in one shape: one path, its edge feathered
            // once (a card's rectangle is the most common shape there is).
            match st {
                Some(s) if s.dash == Dash::Solid => {
                    let kind = egui::StrokeKind::Middle;
                    painter.rect(r, radius, fill, stroke(s, z), kind);
                }
                _ if fill != Color32::TRANSPARENT => {
                    painter.rect_filled(r, radius, fill);
                }
                _ => {}
            }
            if let Some(s) = st
                && s.dash != Dash::Solid
            {
                let pts = vec![
                    r.left_top(),
                    r.right_top(),
                    r.right_bottom(),
                    r.left_bottom(),
                    r.left_top(),
                ];
                dashed(painter, &pts, s, z);
            }
        }
        Shape::Path { points, stroke: s } => {
            let pts: Vec<egui::Pos2> = points.iter().map(|p| t.apply(*p)).collect();
            if s.dash == Dash::Solid {
                painter.add(egui::Shape::line(pts, stroke(s, z)));
            } else {
                dashed(painter, &pts, s, z);
            }
        }
        Shape::Polygon {
            points,
            fill,
            stroke: st,
        } => {
            let pts: Vec<egui::Pos2> = points.iter().map(|p| t.apply(*p)).collect();
            let fill = fill.map_or(Color32::TRANSPARENT, c32);
            let st = st.as_ref().map_or(egui::Stroke::NONE, |s| stroke(s, z));
            // Stars are not convex: draw them as a fan from their centre.
            if pts.len() > 4 {
                let c =
                    pts.iter().fold(egui::Vec2::ZERO, |a, p| a + p.to_vec2()) / pts.len() as f32;
                let center = c.to_pos2();
                for i in 0..pts.len() {
                    let tri = vec![center, pts[i], pts[(i + 1) % pts.len()]];
                    painter.add(egui::Shape::convex_polygon(tri, fill, egui::Stroke::NONE));
                }
                let mut closed = pts.clone();
                closed.push(pts[0]);
                painter.add(egui::Shape::line(closed, st));
            } else {
                painter.add(egui::Shape::convex_polygon(pts, fill, st));
            }
        }
        Shape::Circle {
            center,
            radius,
            fill,
            stroke: st,
        } => {
            let c = t.apply(*center);
            let fill = fill.map_or(Color32::TRANSPARENT, c32);
            let st = st.as_ref().map_or(egui::Stroke::NONE, |s| stroke(s, z));
            // Filled and outlined in one shape, as a rectangle is.
            painter.circle(c, radius * z, fill, st);
        }
        Shape::Text {
            pos,
            text,
            size,
            bold,
            colour,
            anchor,
        } => {
            let family = if *bold {
                FontFamily::Name(BOLD_FAMILY.into())
            } else {
                FontFamily::Proportional
            };
            let m = font::metrics(*bold);
            let size = size * z;
            // Our position is on the baseline; egui places a row by its top.
            let p = t.apply(*pos);
            let top = p.y - m.ascent * size;
            let align = match anchor {
                Anchor::Start => egui::Align2::LEFT_TOP,
                Anchor::Middle => egui::Align2::CENTER_TOP,
                Anchor::End => egui::Align2::RIGHT_TOP,
            };
            painter.text(
                pos2(p.x, top),
                align,
                text,
                FontId::new(size, family),
                c32(*colour),
            );
        }
        // Without the photos' textures: a placeholder ([`paint`] has them).
        Shape::Image { rect, photo, .. } => paint_photo(painter, *rect, photo, t, None),
    }
}

fn dashed(painter: &Painter, pts: &[egui::Pos2], s: &Stroke, z: f32) {
    let w = s.width.max(1.0) * z;
    let (dash, gap) = match s.dash {
        Dash::Dashed => (5.0 * w, 3.5 * w),
        Dash::Dotted => (w, 2.5 * w),
        Dash::DashDot | Dash::Solid => (7.0 * w, 3.0 * w),
    };
    // Dashes scale with the zoom, but never below a few points: zoomed far
    // out, a line would otherwise become thousands of specks to tessellate.
    // Only the part of each segment on screen is dashed: a line across a
    // wide blueprint would otherwise make dashes for its whole length.
    let clip = painter.clip_rect().expand(4.0);
    for seg in pts.windows(2) {
        if let Some((a, b)) = clip_segment(seg[0], seg[1], clip) {
            painter.extend(egui::Shape::dashed_line(
                &[a, b],
                stroke(s, z),
                dash.max(3.0),
                gap.max(2.5),
            ));
        }
    }
}

/// The part of the segment `a`–`b` inside `r` (Liang–Barsky).
fn clip_segment(a: egui::Pos2, b: egui::Pos2, r: egui::Rect) -> Option<(egui::Pos2, egui::Pos2)> {
    let d = b - a;
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, q) in [
        (-d.x, a.x - r.min.x),
        (d.x, r.max.x - a.x),
        (-d.y, a.y - r.min.y),
        (d.y, r.max.y - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    (t0 <= t1).then(|| (a + d * t0, a + d * t1))
}

/// The size of the smallest rectangle holding a scene, in screen points.
pub fn screen_size(scene: &Scene, zoom: f32) -> egui::Vec2 {
    vec2(scene.size.x * zoom, scene.size.y * zoom)
}

#[cfg(test)]
mod pill_tests {
    use super::*;

    #[test]
    fn a_photo_fills_its_rectangle_cut_to_the_middle() {
        // A 4:3 photo in a square: the middle three quarters of its width.
        let uv = cover_uv(vec2(400.0, 300.0), vec2(50.0, 50.0));
        assert!((uv.width() - 0.75).abs() < 1e-5 && (uv.height() - 1.0).abs() < 1e-5);
        assert!((uv.center().x - 0.5).abs() < 1e-5);
        // A tall photo in a wide rectangle: a band across its middle.
        let uv = cover_uv(vec2(300.0, 600.0), vec2(200.0, 100.0));
        assert!((uv.width() - 1.0).abs() < 1e-5 && (uv.height() - 0.25).abs() < 1e-5);
        // Degenerate sizes paint the whole picture rather than nothing.
        assert_eq!(cover_uv(vec2(0.0, 0.0), vec2(10.0, 10.0)).width(), 1.0);
    }

    /// The egui shapes [`paint_shape`] makes of one primitive.
    fn painted(shape: &Shape) -> Vec<egui::Shape> {
        let ctx = egui::Context::default();
        let mut shapes = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let t = UiFromScene {
                origin: pos2(0.0, 0.0),
                zoom: 1.0,
            };
            paint_shape(ui.painter(), shape, t);
        });
        // No renderer takes the font atlas (egui asserts that someone did).
        output.textures_delta.clear();
        shapes.extend(output.shapes.into_iter().map(|c| c.shape));
        shapes
    }

    #[test]
    fn a_rectangle_filled_and_outlined_is_one_shape() {
        let rect = Rect {
            min: crate::layout::pos(10.0, 10.0),
            max: crate::layout::pos(110.0, 60.0),
        };
        let solid = Stroke {
            width: 1.0,
            colour: Rgba([0x40, 0x40, 0x40, 0xff]),
            dash: Dash::Solid,
        };
        let white = Some(Rgba([0xff; 4]));
        let card = Shape::Rect {
            rect,
            radius: 4.0,
            fill: white,
            stroke: Some(solid),
        };
        match painted(&card).as_slice() {
            [egui::Shape::Rect(r)] => {
                assert_eq!(r.fill, Color32::WHITE);
                assert_eq!(r.stroke.width, 1.0);
            }
            other => panic!("one filled and outlined rectangle, not {other:?}"),
        }
        // A dashed outline is dashes over the filled rectangle.
        let dashed = Shape::Rect {
            rect,
            radius: 0.0,
            fill: white,
            stroke: Some(Stroke {
                dash: Dash::Dashed,
                ..solid
            }),
        };
        let shapes = painted(&dashed);
        assert!(matches!(&shapes[0], egui::Shape::Rect(r) if r.stroke.width == 0.0));
        assert!(
            shapes[1..]
                .iter()
                .all(|s| matches!(s, egui::Shape::LineSegment { .. }))
        );
        assert!(shapes.len() > 10);
        // A circle filled and outlined: one shape too.
        let marker = Shape::Circle {
            center: crate::layout::pos(5.0, 5.0),
            radius: 3.0,
            fill: white,
            stroke: Some(solid),
        };
        assert!(matches!(
            painted(&marker).as_slice(),
            [egui::Shape::Circle(_)]
        ));
    }

    #[test]
    fn a_label_pill_is_drawn_only_with_its_text() {
        let bp = crate::testing::hotel();
        let scene = crate::render::export_scene(&bp, &crate::scene::Theme::LIGHT, bp.language);
        let pills: Vec<usize> = (0..scene.items.len())
            .filter(|&i| scene.items[i].backs_text.is_some())
            .collect();
        assert!(pills.len() > 5, "the hotel's connector and line labels");
        for zoom in [0.2, 0.3, 0.45, 0.6, 1.0] {
            for &i in &pills {
                let (pill, text) = (&scene.items[i], &scene.items[i + 1]);
                assert!(matches!(text.shape, Shape::Text { .. }));
                assert_eq!(
                    is_drawn(pill, zoom, false),
                    is_drawn(text, zoom, false),
                    "at {zoom}"
                );
            }
        }
    }
}
