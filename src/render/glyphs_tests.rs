#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use super::*;
use crate::layout::{Pos, Rect};
use crate::scene::{Item, Owner, Rgba};

/// The outlines as they were made before each text was shaped once
/// (commit 8e65e2e): every text of the scene at its place in one SVG,
/// laid out by usvg; the defs and each text's `<use>` elements.
fn before(scene: &Scene) -> (String, Vec<String>, Missing) {
    let mut svg = String::from(
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
            let _ = write!(svg, "<text id=\"t{count}\"");
            text_attrs(&mut svg, *pos, *size, *bold, *anchor);
            svg.push('>');
            push_escaped(&mut svg, text);
            svg.push_str("</text>\n");
            count += 1;
        }
    }
    svg.push_str("</svg>\n");
    let texts = scene.items.iter().filter_map(|i| match &i.shape {
        Shape::Text { text, .. } => Some(&**text),
        _ => None,
    });
    let options = fonts::options(fonts::database(texts));
    let tree = usvg::Tree::from_str(&svg, &options).unwrap();
    let missing = Missing::of_tree(&tree);
    let mut defs = String::new();
    let mut runs = vec![String::new(); count];
    let mut ids: HashMap<Key, Option<usize>> = HashMap::new();
    let mut stack = vec![tree.root()];
    while let Some(group) = stack.pop() {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => stack.push(g),
                usvg::Node::Text(t) => {
                    let index: usize = t.id()[1..].parse().unwrap();
                    let base = t.abs_transform();
                    for span in t.layouted() {
                        for g in &span.positioned_glyphs {
                            if g.id.0 == 0 {
                                continue;
                            }
                            let ts = base.pre_concat(g.outline_transform());
                            let key = (g.font, g.id.0, ts.sx.to_bits(), ts.sy.to_bits());
                            let next = ids.len();
                            let id = *ids.entry(key).or_insert_with(|| {
                                define(tree.fontdb(), key, next as u32, &mut defs).then_some(next)
                            });
                            let Some(id) = id else { continue };
                            use_glyph(&mut runs[index], id as u32, ts.tx, ts.ty);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    (defs, runs, missing)
}

/// The `<use>` elements of a run: the def (`g<n>` or `w<n>`), x, y.
fn uses(run: &str) -> Vec<(String, f32, f32)> {
    run.split("<use xlink:href=\"#")
        .skip(1)
        .map(|u| {
            let (id, rest) = u.split_once("\" x=\"").unwrap();
            let (x, rest) = rest.split_once("\" y=\"").unwrap();
            let (y, _) = rest.split_once('"').unwrap();
            (id.into(), x.parse().unwrap(), y.parse().unwrap())
        })
        .collect()
}

/// The glyphs a run draws, each word's `<use>` replaced by its glyphs'.
fn glyphs(run: &str, words: &HashMap<String, Vec<(String, f32, f32)>>) -> Vec<(String, f32, f32)> {
    uses(run)
        .into_iter()
        .flat_map(|(id, x, y)| match words.get(&id) {
            Some(glyphs) => glyphs
                .iter()
                .map(|(g, gx, gy)| (g.clone(), x + gx, y + gy))
                .collect(),
            None => vec![(id, x, y)],
        })
        .collect()
}

fn text(pos: Pos, text: &str, size: f32, bold: bool, anchor: Anchor) -> Item {
    Item {
        shape: Shape::Text {
            pos,
            text: text.into(),
            size,
            bold,
            colour: Rgba([0, 0, 0, 255]),
            anchor,
        },
        owner: Owner::None,
        bounds: Rect { min: pos, max: pos },
        backs_text: None,
        full_text: None,
    }
}

#[test]
fn each_text_draws_the_glyphs_it_drew_when_all_were_laid_out_in_one_svg() {
    let mut bp = crate::templates::synthetic(120);
    let titles = [
        "تسجيل الوصول",
        "चेक इन",
        "Bell 😀 🏨",
        "接待处 受付",
        "Check \u{F8FF} in",
        "Two  spaces and a tab\there",
        " Leading space",
        "Añadir café, jalapeño ¿sí? ¡Ya!",
        "AVATAR To Yo fi ffl office",
        "e\u{301}te\u{301} Ǆ ǅ ẞ ſt",
        "“Quoted” — dash… 12 € 3‰",
        "Hello שלום world",
        "Hello سلام",
        "Привет мир",
        "µ 123 456",
    ];
    for (i, tp) in bp.touchpoints.iter_mut().enumerate() {
        if let Some(t) = titles.get(i) {
            tp.title = (*t).into();
        } else if i % 3 == 0 {
            // Repeated texts, and repeated words in distinct texts.
            tp.title = "Served within two minutes".into();
        }
    }
    let mut scene =
        crate::render::export_scene(&bp, &crate::scene::Theme::LIGHT, crate::model::Language::En);
    // Each title at three anchors, sizes and weights, twice over.
    for copy in 0..2 {
        for (i, t) in titles.iter().enumerate() {
            for (k, anchor) in [Anchor::Start, Anchor::Middle, Anchor::End]
                .into_iter()
                .enumerate()
            {
                let pos = Pos {
                    x: 10.127 + 37.3 * i as f32,
                    y: 20.0 + 13.71 * k as f32 + 101.3 * copy as f32,
                };
                scene
                    .items
                    .push(text(pos, t, 11.3 + k as f32, k == 1, anchor));
            }
        }
    }
    scene
        .items
        .push(text(Pos { x: 5.0, y: 5.0 }, "", 12.0, false, Anchor::Start));
    let (defs, runs, missing) = before(&scene);
    let shaped = shape(&scene).unwrap();
    // The glyphs are defined as before; words are defined beside them.
    let (word_defs, glyph_defs): (Vec<&str>, Vec<&str>) = shaped
        .defs
        .split_inclusive('\n')
        .partition(|l| l.starts_with("<g id=\"w"));
    assert_eq!(glyph_defs.concat(), defs);
    let words: HashMap<String, Vec<(String, f32, f32)>> = word_defs
        .iter()
        .map(|l| {
            let (id, rest) = l["<g id=\"".len()..].split_once('"').unwrap();
            (id.to_owned(), uses(rest))
        })
        .collect();
    assert!(words.len() > 100, "{}", words.len());
    assert_eq!(shaped.missing, missing);
    let mut index = 0;
    let mut compared = 0;
    for item in &scene.items {
        let Shape::Text { pos, text, .. } = &item.shape else {
            continue;
        };
        let mut run = String::new();
        if shaped.draws(index) {
            assert!(shaped.write_run(&mut run, index, *pos));
            assert!(!run.is_empty(), "{text:?}");
        }
        let (got, want) = (glyphs(&run, &words), uses(&runs[index]));
        assert_eq!(got.len(), want.len(), "{text:?}: {run}\n{}", runs[index]);
        for (g, w) in got.iter().zip(&want) {
            // The same glyph, at the same place to the hundredth written
            // (where a word's place and a glyph's place in the word are
            // each rounded, to 0.015).
            assert_eq!(g.0, w.0, "{text:?}");
            assert!(
                (g.1 - w.1).abs() < 0.0151 && (g.2 - w.2).abs() < 0.0151,
                "{text:?}: {g:?} {w:?}"
            );
        }
        compared += got.len();
        index += 1;
    }
    assert!(compared > 4000, "{compared}");
    // Both ways were taken, and words were shaped once for many texts.
    let words = shaped
        .runs
        .iter()
        .filter(|r| matches!(r, Run::Words { .. }))
        .count();
    let laid = shaped
        .runs
        .iter()
        .filter(|r| matches!(r, Run::Laid(_)))
        .count();
    assert!(words > 200 && laid >= 20, "{words} {laid}");
    assert!(
        shaped.words.len() * 4 < shaped.seq.len(),
        "{}",
        shaped.words.len()
    );
    assert!(shaped.laid.len() < laid, "repeated texts are laid out once");
}

#[test]
fn nothing_in_the_bundled_fonts_acts_across_a_space() {
    let db = fonts::database(std::iter::empty());
    let chars: Vec<char> = (0x21..=0x7E)
        .chain(0xC0..=0xFF)
        .filter_map(char::from_u32)
        .collect();
    for bold in [false, true] {
        let font = plain_font(&db, bold).unwrap();
        let mut shaper = WordShaper::new(&font).unwrap();
        for is_latin in [false, true] {
            let single: Vec<Word> = chars
                .iter()
                .map(|c| shaper.shape(&c.to_string(), 16.0, is_latin))
                .collect();
            let space = shaper.shape(" ", 16.0, is_latin);
            for (a, wa) in chars.iter().zip(&single) {
                for (b, wb) in chars.iter().zip(&single) {
                    // As `shape` shapes the words of "a b".
                    if (latin(*a) || latin(*b)) != is_latin {
                        continue;
                    }
                    let whole = shaper.shape(&format!("{a} {b}"), 16.0, is_latin);
                    let parts = [wa, &space, wb];
                    let clusters: Vec<_> = parts.iter().flat_map(|w| w.clusters.clone()).collect();
                    let glyphs: Vec<_> = parts.iter().flat_map(|w| w.glyphs.clone()).collect();
                    assert_eq!(whole.clusters, clusters, "{a} {b}");
                    assert_eq!(whole.glyphs, glyphs, "{a} {b}");
                }
            }
        }
    }
}
