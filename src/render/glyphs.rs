//! Text as glyph outlines, for SVG that draws the same wherever it is
//! opened. librsvg (`rsvg-convert`, MediaWiki) and resvg ignore fonts
//! embedded with `@font-face` and draw `<text>` with the fonts installed, if
//! any: an SVG that is to look right everywhere carries its glyphs as paths.
//!
//! The text is shaped with HarfBuzz rules (Arabic joined and right to left,
//! Devanagari's conjuncts, fallback fonts) with the fonts the PNG is drawn
//! with; each glyph used is written once in `<defs>` at each size, and
//! placed with `<use>`. A word of plain text is defined once too, as a
//! `<g>` of its glyphs' `<use>`s, and a text places its words.
//!
//! Two ways, with the same result:
//! - Plain text (Latin letters, digits and punctuation, all in the primary
//!   font, words parted by single spaces) is shaped word by word with
//!   harfrust, the shaper usvg uses, each distinct word once, and placed as
//!   usvg lays text out (same float operations). Nothing in the bundled
//!   fonts acts across a space (`tests` checks every pair of ASCII and
//!   Latin-1 chars).
//! - Any other text (other scripts, fallback fonts, right to left, odd
//!   spaces) is laid out by usvg, each distinct text once, in batches.

use super::fonts::{self, Missing};
use super::svg::{num, push_escaped, text_attrs};
use crate::scene::{Anchor, Scene, Shape};
use resvg::usvg;
use resvg::usvg::fontdb;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Arc;

/// A glyph at a size: the font, the glyph, and its scale in x and y.
type Key = (fontdb::ID, u32, u32, u32);

/// A glyph to place: its key and its offset from the text's position.
type Keyed = (Key, f32, f32);

/// A glyph placed: its def id and its offset from the text's position.
type Placed = (u32, f32, f32);

/// Texts laid out by usvg per parse: bounds the memory of its tree.
const BATCH: usize = 2048;

/// How a text of the scene is drawn.
#[derive(Clone, Copy)]
enum Run {
    /// No glyph drawn: the text stays visible text.
    None,
    /// Words (indices in `Shaped::words` at `start..start + len`) at `x0`
    /// from the text's x, the position usvg gives the first cluster.
    Words { start: u32, len: u32, x0: f32 },
    /// A text laid out by usvg: `Shaped::laid[index]`.
    Laid(u32),
}

/// A word shaped once: its glyphs, grouped in clusters.
struct Word {
    /// Each cluster's advance and glyph count.
    clusters: Vec<(f32, u32)>,
    /// The glyphs, with the glyph key (before ids are given) and the
    /// offset in the cluster.
    glyphs: Vec<Keyed>,
    /// The def ids of the glyphs (`u32::MAX` for none), once given.
    ids: Option<Vec<u32>>,
    /// Its def `<g id="w<n>">` of the glyphs' `<use>`s, if it draws any.
    def: Option<u32>,
}

/// The outlines of a scene's texts.
pub struct Shaped {
    /// `<path id=… d=…/>` of every glyph used, at the size it is used.
    pub defs: String,
    /// Chars no font could draw.
    pub missing: Missing,
    /// Each text of the scene, in the scene's order.
    runs: Vec<Run>,
    /// The word sequence of plain texts (indices in `words`).
    seq: Vec<u32>,
    words: Vec<Word>,
    /// Texts laid out by usvg at 0, 0: their glyphs (def id, x, y), and
    /// whether ids are given. (Moved to the text's place, a position may
    /// differ in its float's last bit from laying the text out there.)
    laid: Vec<(Vec<Placed>, bool)>,
    /// `<use>` elements to write.
    uses: usize,
    /// The start of a `<use>` of each def id: `<use xlink:href="#g<id>" x="`.
    starts: Vec<String>,
}

impl Shaped {
    /// How many glyphs are drawn in all, for sizing the output.
    pub fn uses(&self) -> usize {
        self.uses
    }

    /// Whether the `index`th text draws any glyph.
    pub fn draws(&self, index: usize) -> bool {
        !matches!(self.runs.get(index), None | Some(Run::None))
    }

    /// Writes the `<use>` elements of the `index`th text, at `pos` as the
    /// SVG's `<text>` writes it. False when it draws nothing.
    pub fn write_run(&self, out: &mut String, index: usize, pos: crate::layout::Pos) -> bool {
        let (x, y) = (as_written(pos.x), as_written(pos.y));
        match self.runs.get(index).copied().unwrap_or(Run::None) {
            Run::None => false,
            Run::Laid(i) => {
                for &(id, gx, gy) in &self.laid[i as usize].0 {
                    self.use_glyph(out, id, gx + x, gy + y);
                }
                true
            }
            Run::Words { start, len, x0 } => {
                let mut cursor = x0;
                for &w in &self.seq[start as usize..(start + len) as usize] {
                    let word = &self.words[w as usize];
                    if let Some(def) = word.def {
                        out.push_str("<use xlink:href=\"#w");
                        let _ = write!(out, "{def}\" x=\"");
                        num(out, cursor + x);
                        out.push_str("\" y=\"");
                        num(out, y);
                        out.push_str("\"/>");
                    }
                    for &(advance, _) in &word.clusters {
                        cursor += advance;
                    }
                }
                true
            }
        }
    }

    fn use_glyph(&self, out: &mut String, id: u32, x: f32, y: f32) {
        // Glyphs are placed, never rotated: a move is all a use needs.
        out.push_str(&self.starts[id as usize]);
        num(out, x);
        out.push_str("\" y=\"");
        num(out, y);
        out.push_str("\"/>");
    }
}

/// Writes `<use>` of the def `id` at `x`, `y`.
#[cfg(test)]
fn use_glyph(out: &mut String, id: u32, x: f32, y: f32) {
    let _ = write!(out, "<use xlink:href=\"#g{id}\" x=\"");
    num(out, x);
    out.push_str("\" y=\"");
    num(out, y);
    out.push_str("\"/>");
}

/// A number as usvg reads it back from the SVG: written with two decimals.
fn as_written(v: f32) -> f32 {
    let q = v * 4.0;
    if q.fract() == 0.0 && q.abs() < 1e7 {
        return v;
    }
    let mut s = String::new();
    num(&mut s, v);
    s.parse::<f64>().map_or(v, |p| p as f32)
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

/// The def ids given so far, and the defs written.
struct Defs<'a> {
    db: &'a fontdb::Database,
    ids: HashMap<Key, u32>,
    next: u32,
    /// Word defs given.
    words: u32,
    out: String,
}

impl Defs<'_> {
    /// The def id of a glyph, defined at its first use; `u32::MAX` where it
    /// has no outline (a space).
    fn id(&mut self, key: Key) -> u32 {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        // Ids are numbered by first use, whether drawn or not.
        let next = self.next;
        self.next += 1;
        let id = if define(self.db, key, next, &mut self.out) {
            next
        } else {
            u32::MAX
        };
        self.ids.insert(key, id);
        id
    }

    /// Defines a word as `<g id="w<n>">` of its glyphs' `<use>`s, each
    /// where it lies from the word's start: a text places its words, not
    /// their glyphs. None where it draws nothing.
    fn word(&mut self, word: &Word, ids: &[u32]) -> Option<u32> {
        if ids.iter().all(|&id| id == u32::MAX) {
            return None;
        }
        let n = self.words;
        self.words += 1;
        let _ = write!(self.out, "<g id=\"w{n}\">");
        let mut cursor = 0.0f32;
        let mut glyphs = word.glyphs.iter().zip(ids);
        for &(advance, count) in &word.clusters {
            for ((_, gx, gy), &id) in glyphs.by_ref().take(count as usize) {
                if id != u32::MAX {
                    let _ = write!(self.out, "<use xlink:href=\"#g{id}\" x=\"");
                    num(&mut self.out, gx + cursor);
                    self.out.push_str("\" y=\"");
                    num(&mut self.out, *gy);
                    self.out.push_str("\"/>");
                }
            }
            cursor += advance;
        }
        self.out.push_str("</g>\n");
        Some(n)
    }
}

/// An SVG of texts alone, each at 0, 0 with the id `t<index>`.
fn texts_svg(texts: &[(&str, f32, bool, Anchor)]) -> String {
    let mut s = String::from(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\" font-family=\"Noto Sans\">\n",
    );
    for (i, &(text, size, bold, anchor)) in texts.iter().enumerate() {
        let _ = write!(s, "<text id=\"t{i}\"");
        text_attrs(
            &mut s,
            crate::layout::Pos { x: 0.0, y: 0.0 },
            size,
            bold,
            anchor,
        );
        s.push('>');
        push_escaped(&mut s, text);
        s.push_str("</text>\n");
    }
    s.push_str("</svg>\n");
    s
}

/// Lays out texts with usvg, at 0, 0: the glyphs of each (keys, x, y),
/// adding the chars no font draws to `missing`.
fn lay_out(
    texts: &[(&str, f32, bool, Anchor)],
    options: &usvg::Options,
    missing: &mut Missing,
) -> Result<Vec<Vec<Keyed>>, String> {
    let tree = usvg::Tree::from_str(&texts_svg(texts), options).map_err(|e| e.to_string())?;
    missing.0.append(&mut Missing::of_tree(&tree).0);
    let mut out = vec![Vec::new(); texts.len()];
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
                        .filter(|&i| i < texts.len())
                    else {
                        continue;
                    };
                    let base = t.abs_transform();
                    for span in t.layouted() {
                        for g in &span.positioned_glyphs {
                            if g.id.0 == 0 {
                                continue;
                            }
                            let ts = base.pre_concat(g.outline_transform());
                            let key = (g.font, g.id.0, ts.sx.to_bits(), ts.sy.to_bits());
                            out[index].push((key, ts.tx, ts.ty));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Ok(out)
}

/// Chars shaped word by word: Latin, digits, punctuation, and marks on
/// them; nothing right to left, nothing invisible, no other space than
/// U+0020 and U+00A0.
fn plain_char(c: char) -> bool {
    matches!(u32::from(c),
        0x20..=0x7E | 0xA0..=0xAC | 0xAE..=0x24F | 0x300..=0x36F | 0x1E00..=0x1EFF
        | 0x2010..=0x2027 | 0x2030..=0x205E | 0x20A0..=0x20C0)
}

/// Latin script (for the shaper's script): the letters of [`plain_char`].
fn latin(c: char) -> bool {
    c.is_alphabetic() && c != 'µ' && !matches!(u32::from(c), 0x300..=0x36F)
}

/// A font the plain path shapes with, its data held.
struct Plain {
    id: fontdb::ID,
    data: Arc<dyn AsRef<[u8]> + Sync + Send>,
    index: u32,
}

/// The face usvg chooses for the export's texts (Noto Sans, by weight),
/// if its data is in memory and it has no variations.
fn plain_font(db: &fontdb::Database, bold: bool) -> Option<Plain> {
    let families = [
        fontdb::Family::Name(crate::font::FAMILY),
        fontdb::Family::Serif,
    ];
    let id = db.query(&fontdb::Query {
        families: &families,
        weight: if bold {
            fontdb::Weight::BOLD
        } else {
            fontdb::Weight::NORMAL
        },
        stretch: fontdb::Stretch::Normal,
        style: fontdb::Style::Normal,
    })?;
    let (source, index) = db.face_source(id)?;
    let data = match source {
        fontdb::Source::Binary(d) => d,
        fontdb::Source::SharedFile(_, d) => d,
        fontdb::Source::File(_) => return None,
    };
    let face = ttf_parser::Face::parse((*data).as_ref(), index).ok()?;
    (!face.is_variable()).then_some(Plain { id, data, index })
}

/// Shapes words with one font (harfrust, as usvg calls it).
struct WordShaper<'a> {
    id: fontdb::ID,
    face: ttf_parser::Face<'a>,
    font: harfrust::FontRef<'a>,
    data: harfrust::ShaperData,
    /// Shaping plans by script.
    plans: Vec<(harfrust::Script, harfrust::ShapePlan)>,
    units_per_em: f32,
    /// Whether the font has each char below U+0250.
    common: Vec<bool>,
}

impl<'a> WordShaper<'a> {
    fn new(plain: &'a Plain) -> Option<Self> {
        let bytes = (*plain.data).as_ref();
        let face = ttf_parser::Face::parse(bytes, plain.index).ok()?;
        let font = harfrust::FontRef::from_index(bytes, plain.index).ok()?;
        let data = harfrust::ShaperData::new(&font);
        let common = (0..0x250u32)
            .map(|c| char::from_u32(c).is_some_and(|c| face.glyph_index(c).is_some()))
            .collect();
        Some(Self {
            common,
            id: plain.id,
            units_per_em: f32::from(face.units_per_em()),
            face,
            font,
            data,
            plans: Vec::new(),
        })
    }

    fn has(&self, c: char) -> bool {
        match self.common.get(c as usize) {
            Some(&has) => has,
            None => self.face.glyph_index(c).is_some(),
        }
    }

    /// Shapes a word at a font size, as part of a text of `latin` script.
    fn shape(&mut self, word: &str, size: f32, latin: bool) -> Word {
        let shaper = self.data.shaper(&self.font).build();
        let mut buffer = harfrust::UnicodeBuffer::new();
        buffer.push_str(word);
        buffer.set_direction(harfrust::Direction::LeftToRight);
        if latin {
            // The script of the whole text, which usvg shapes at once.
            buffer.set_script(harfrust::script::LATIN);
        }
        buffer.guess_segment_properties();
        // The plan usvg's shaper makes for each text, made once per script.
        let script = buffer.script();
        let at = match self.plans.iter().position(|p| p.0 == script) {
            Some(at) => at,
            None => {
                let plan = harfrust::ShapePlan::new(
                    &shaper,
                    harfrust::Direction::LeftToRight,
                    (script != harfrust::script::UNKNOWN).then_some(script),
                    None,
                    &[],
                );
                self.plans.push((script, plan));
                self.plans.len() - 1
            }
        };
        let output = shaper.shape(
            buffer,
            harfrust::ShapeOptions::new().plan(Some(&self.plans[at].1)),
        );
        let sx = size / self.units_per_em;
        let key = |glyph: u32| (self.id, glyph, sx.to_bits(), (-sx).to_bits());
        let mut word = Word {
            clusters: Vec::new(),
            glyphs: Vec::with_capacity(output.len()),
            ids: None,
            def: None,
        };
        let (infos, positions) = (output.glyph_infos(), output.glyph_positions());
        let mut i = 0;
        while i < infos.len() {
            // A cluster: the glyphs of one cluster value (as usvg forms them).
            let cluster = infos[i].cluster;
            let (mut x, mut advance, mut count) = (0.0f32, 0.0f32, 0);
            while i < infos.len() && infos[i].cluster == cluster {
                let (info, pos) = (infos[i], positions[i]);
                let gx = x + pos.x_offset as f32;
                let gy = -pos.y_offset as f32;
                if info.glyph_id != 0 {
                    word.glyphs.push((key(info.glyph_id), sx * gx, sx * gy));
                    count += 1;
                }
                x += pos.x_advance as f32;
                advance += pos.x_advance as f32 * sx;
                i += 1;
            }
            word.clusters.push((advance, count));
        }
        word
    }
}

/// Shapes every text of a scene into glyph outlines.
pub fn shape(scene: &Scene) -> Result<Shaped, String> {
    let texts: Vec<(&str, f32, bool, Anchor)> = scene
        .items
        .iter()
        .filter_map(|i| match &i.shape {
            Shape::Text {
                text,
                size,
                bold,
                anchor,
                ..
            } => Some((&**text, *size, *bold, *anchor)),
            _ => None,
        })
        .collect();
    let db = fonts::database(texts.iter().map(|t| t.0));
    let options = fonts::options(db.clone());
    let fonts = [plain_font(&db, false), plain_font(&db, true)];
    let mut shapers = [
        fonts[0].as_ref().and_then(WordShaper::new),
        fonts[1].as_ref().and_then(WordShaper::new),
    ];

    // The texts usvg lays out: each distinct one once.
    let mut laid_index: HashMap<(&str, u32, bool, u8), u32> = HashMap::new();
    let mut to_lay: Vec<(&str, f32, bool, Anchor)> = Vec::new();
    let mut plain = vec![false; texts.len()];
    for (i, &(text, size, bold, anchor)) in texts.iter().enumerate() {
        let size = as_written(size);
        plain[i] = !text.is_empty()
            && !text.starts_with(' ')
            && !text.ends_with(' ')
            && !text.contains("  ")
            && shapers[usize::from(bold)]
                .as_ref()
                .is_some_and(|s| text.chars().all(|c| plain_char(c) && s.has(c)));
        if !plain[i] {
            let next = to_lay.len() as u32;
            laid_index
                .entry((text, size.to_bits(), bold, anchor as u8))
                .or_insert_with(|| {
                    to_lay.push((text, size, bold, anchor));
                    next
                });
        }
    }
    let mut missing = Missing::default();
    let mut laid_out = Vec::with_capacity(to_lay.len());
    for batch in to_lay.chunks(BATCH) {
        laid_out.extend(lay_out(batch, &options, &mut missing)?);
    }

    let mut defs = Defs {
        db: &db,
        ids: HashMap::new(),
        next: 0,
        words: 0,
        out: String::new(),
    };
    let mut shaped = Shaped {
        defs: String::new(),
        missing,
        runs: Vec::with_capacity(texts.len()),
        seq: Vec::new(),
        words: Vec::new(),
        laid: laid_out.iter().map(|_| (Vec::new(), false)).collect(),
        uses: 0,
        starts: Vec::new(),
    };
    // Words by font, size and script, and text.
    let mut word_index: [HashMap<u32, HashMap<Box<str>, u32>>; 2] = Default::default();
    // Ids are given in the scene's order of glyphs, as usvg met them.
    for (i, &(text, size, bold, anchor)) in texts.iter().enumerate() {
        let size = as_written(size);
        if !plain[i] {
            let k = laid_index[&(text, size.to_bits(), bold, anchor as u8)];
            let (glyphs, given) = &mut shaped.laid[k as usize];
            if !*given {
                *given = true;
                for &(key, x, y) in &laid_out[k as usize] {
                    let id = defs.id(key);
                    if id != u32::MAX {
                        glyphs.push((id, x, y));
                    }
                }
            }
            shaped.uses += glyphs.len();
            shaped.runs.push(if glyphs.is_empty() {
                Run::None
            } else {
                Run::Laid(k)
            });
            continue;
        }
        let Some(shaper) = shapers[usize::from(bold)].as_mut() else {
            shaped.runs.push(Run::None);
            continue;
        };
        let is_latin = text.chars().any(latin);
        // A size is positive: its sign bit holds the script.
        let by_size = word_index[usize::from(bold)]
            .entry(size.to_bits() ^ u32::from(is_latin) << 31)
            .or_default();
        let start = shaped.seq.len() as u32;
        let mut drawn = 0;
        // The clusters' extent, as usvg measures it for the anchor.
        let (mut left, mut right, mut advance) = (f32::INFINITY, f32::NEG_INFINITY, 0.0f32);
        for (n, part) in text.split(' ').enumerate() {
            for w in [" ", part].into_iter().skip(usize::from(n == 0)) {
                let index = match by_size.get(w) {
                    Some(&index) => index,
                    None => {
                        let index = shaped.words.len() as u32;
                        shaped.words.push(shaper.shape(w, size, is_latin));
                        by_size.insert(w.into(), index);
                        index
                    }
                };
                let word = &mut shaped.words[index as usize];
                if word.ids.is_none() {
                    let ids: Vec<u32> = word.glyphs.iter().map(|g| defs.id(g.0)).collect();
                    word.def = defs.word(word, &ids);
                    word.ids = Some(ids);
                }
                drawn += usize::from(word.def.is_some());
                for &(a, _) in &word.clusters {
                    let end = advance + a;
                    left = left.min(advance).min(end);
                    right = right.max(advance).max(end);
                    advance += a;
                }
                shaped.seq.push(index);
            }
        }
        let len = shaped.seq.len() as u32 - start;
        shaped.uses += drawn;
        shaped.runs.push(if drawn == 0 {
            Run::None
        } else {
            let width = right - left;
            let shift = match anchor {
                Anchor::Start => 0.0,
                Anchor::Middle => -width / 2.0,
                Anchor::End => -width,
            };
            Run::Words {
                start,
                len,
                x0: 0.0 - left + shift,
            }
        });
    }
    shaped.defs = defs.out;
    shaped.starts = (0..defs.next)
        .map(|id| format!("<use xlink:href=\"#g{id}\" x=\""))
        .collect();
    Ok(shaped)
}

/// Writes a glyph's outline as `<path id="g<id>">`; false where the glyph
/// has no outline (a space).
fn define(db: &fontdb::Database, key: Key, id: u32, defs: &mut String) -> bool {
    let (font, glyph, sx, sy) = key;
    let (sx, sy) = (f32::from_bits(sx), f32::from_bits(sy));
    let Ok(glyph) = u16::try_from(glyph) else {
        return false;
    };
    let mut d = String::new();
    let drawn = db
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

#[cfg(test)]
#[path = "glyphs_tests.rs"]
mod tests;
