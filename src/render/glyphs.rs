//! Text as glyph outlines, for SVG that draws the same wherever it is
//! opened. librsvg (`rsvg-convert`, MediaWiki) and resvg ignore fonts
//! embedded with `@font-face` and draw `<text>` with the fonts installed, if
//! any: an SVG that is to look right everywhere carries its glyphs as paths.
//!
//! The text is shaped by usvg (HarfBuzz rules: Arabic joined and right to
//! left, Devanagari's conjuncts, fallback fonts) with the fonts the PNG is
//! drawn with; each glyph used is written once in `<defs>` at each size, and
//! placed with `<use>`.

use super::fonts::{self, Missing};
use super::svg::{num, push_escaped, text_attrs};
use crate::scene::{Scene, Shape};
use resvg::usvg;
use std::collections::HashMap;
use std::fmt::Write as _;

/// The outlines of a scene's texts.
pub struct Shaped {
    /// `<path id=… d=…/>` of every glyph used, at the size it is used.
    pub defs: String,
    /// The `<use>` elements of each text of the scene, in the scene's order.
    pub runs: Vec<String>,
    /// Chars no font could draw.
    pub missing: Missing,
}

/// Writes path data from a font's outline, scaled and moved to units.
struct Outline<'a> {
    out: &'a mut String,
    sx: f32,
    sy: f32,
}

impl Outline<'_> {
    fn point(&mut self, x: f32, y: f32) {
        num(self.out, x * self.sx);
        self.out.push(' ');
        num(self.out, y * self.sy);
    }
}

impl ttf_parser::OutlineBuilder for Outline<'_> {
    fn move_to(&mut self, x: f32, y: f32) {
        self.out.push('M');
        self.point(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.out.push('L');
        self.point(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.out.push('Q');
        self.point(x1, y1);
        self.out.push(' ');
        self.point(x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.out.push('C');
        self.point(x1, y1);
        self.out.push(' ');
        self.point(x2, y2);
        self.out.push(' ');
        self.point(x, y);
    }
    fn close(&mut self) {
        self.out.push('Z');
    }
}

/// An SVG of the scene's texts alone, each with the id `t<index>`.
fn texts_svg(scene: &Scene) -> (String, usize) {
    let mut s = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\" font-family=\"Noto Sans\">\n",
    );
    let mut count = 0;
    for item in &scene.items {
        if let Shape::Text {
            pos,
            text,
            size,
            bold,
            anchor,
            ..
        } = &item.shape
        {
            let _ = write!(s, "<text id=\"t{count}\"");
            text_attrs(&mut s, *pos, *size, *bold, *anchor);
            s.push('>');
            push_escaped(&mut s, text);
            s.push_str("</text>\n");
            count += 1;
        }
    }
    s.push_str("</svg>\n");
    (s, count)
}

/// A glyph at a size: the font, the glyph, and its scale in x and y.
type Key = (usvg::fontdb::ID, u32, u32, u32);

/// Shapes every text of a scene into glyph outlines.
pub fn shape(scene: &Scene) -> Result<Shaped, String> {
    let (svg, count) = texts_svg(scene);
    let texts = scene.items.iter().filter_map(|i| match &i.shape {
        Shape::Text { text, .. } => Some(text.as_str()),
        _ => None,
    });
    let options = fonts::options(fonts::database(texts));
    let tree = usvg::Tree::from_str(&svg, &options).map_err(|e| e.to_string())?;
    let mut shaped = Shaped {
        defs: String::new(),
        runs: vec![String::new(); count],
        missing: Missing::of_tree(&tree),
    };
    let mut ids: HashMap<Key, Option<usize>> = HashMap::new();
    let mut stack = vec![tree.root()];
    while let Some(group) = stack.pop() {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => stack.push(g),
                usvg::Node::Text(t) => {
                    let Some(index) = t
                        .id()
                        .strip_prefix('t')
                        .and_then(|i| i.parse::<usize>().ok())
                        .filter(|&i| i < count)
                    else {
                        continue;
                    };
                    let run = place(&tree, t, &mut ids, &mut shaped.defs);
                    shaped.runs[index] = run;
                }
                _ => {}
            }
        }
    }
    Ok(shaped)
}

/// The `<use>` elements of one text's glyphs, adding to `defs` those not
/// yet defined.
fn place(
    tree: &usvg::Tree,
    text: &usvg::Text,
    ids: &mut HashMap<Key, Option<usize>>,
    defs: &mut String,
) -> String {
    let mut run = String::new();
    let base = text.abs_transform();
    for span in text.layouted() {
        for g in &span.positioned_glyphs {
            if g.id.0 == 0 {
                continue;
            }
            let ts = base.pre_concat(g.outline_transform());
            let key = (g.font, g.id.0, ts.sx.to_bits(), ts.sy.to_bits());
            let next = ids.len();
            let id = *ids.entry(key).or_insert_with(|| {
                define(tree, g.font, g.id.0, ts.sx, ts.sy, next, defs).then_some(next)
            });
            let Some(id) = id else { continue };
            // Glyphs are placed, never rotated: a move is all a use needs.
            let _ = write!(run, "<use xlink:href=\"#g{id}\" x=\"");
            num(&mut run, ts.tx);
            run.push_str("\" y=\"");
            num(&mut run, ts.ty);
            run.push_str("\"/>");
        }
    }
    run
}

/// Writes a glyph's outline as `<path id="g<id>">`; false where the glyph
/// has no outline (a space).
fn define(
    tree: &usvg::Tree,
    font: usvg::fontdb::ID,
    glyph: u32,
    sx: f32,
    sy: f32,
    id: usize,
    defs: &mut String,
) -> bool {
    let Ok(glyph) = u16::try_from(glyph) else {
        return false;
    };
    let mut d = String::new();
    let drawn = tree
        .fontdb()
        .with_face_data(font, |data, index| {
            let face = ttf_parser::Face::parse(data, index).ok()?;
            face.outline_glyph(
                ttf_parser::GlyphId(glyph),
                &mut Outline {
                    out: &mut d,
                    sx,
                    sy,
                },
            )
        })
        .flatten()
        .is_some();
    if drawn && !d.is_empty() {
        let _ = writeln!(defs, "<path id=\"g{id}\" d=\"{d}\"/>");
        true
    } else {
        false
    }
}
