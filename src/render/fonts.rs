//! The fonts exports draw with: the bundled ones (Noto Sans, and Noto Sans
//! Arabic, Noto Sans Devanagari and Noto Emoji for what it lacks), and for
//! scripts too large to bundle (Chinese, Japanese, Korean) the system's,
//! loaded only when a blueprint's text needs them. What no font can draw is
//! reported, with the font package that would, instead of drawn as boxes.

use crate::font;
use resvg::usvg;
use std::collections::BTreeSet;
use std::fmt;
use std::sync::{Arc, OnceLock};

fn bundled_into(db: &mut usvg::fontdb::Database) {
    db.load_font_data(font::REGULAR.to_vec());
    db.load_font_data(font::BOLD.to_vec());
    for data in font::FALLBACKS {
        db.load_font_data(data.to_vec());
    }
    db.set_sans_serif_family(font::FAMILY);
}

/// The bundled fonts only: the same output on every machine.
fn bundled() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        bundled_into(&mut db);
        Arc::new(db)
    })
    .clone()
}

/// The bundled fonts, then the system's (found as fontconfig finds them).
fn with_system() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        bundled_into(&mut db);
        db.load_system_fonts();
        Arc::new(db)
    })
    .clone()
}

/// The fonts to draw `texts` with: the system's too only where the bundled
/// fonts lack a char of them.
pub fn database<'a>(mut texts: impl Iterator<Item = &'a str>) -> Arc<usvg::fontdb::Database> {
    if texts.any(|t| !t.chars().all(font::bundled_has)) {
        with_system()
    } else {
        bundled()
    }
}

/// The options usvg parses an export's SVG with.
pub fn options(fontdb: Arc<usvg::fontdb::Database>) -> usvg::Options<'static> {
    usvg::Options {
        fontdb,
        font_family: font::FAMILY.to_owned(),
        ..Default::default()
    }
}

/// Chars that shape others and draw nothing themselves: variation
/// selectors, joiners, marks of direction, tags.
fn is_invisible(c: char) -> bool {
    matches!(u32::from(c),
        0x00AD | 0x034F | 0x180B..=0x180F | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE0FFF)
}

/// Chars that no font on this machine draws: the export shows nothing (or a
/// box) in their place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Missing(pub BTreeSet<char>);

impl Missing {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The chars of a parsed tree's text that no font of its database has.
    /// (Read from the text, not from the shaped glyphs: a missing glyph can
    /// be attributed to the char after it, as with an emoji and its
    /// variation selector.)
    pub fn of_tree(tree: &usvg::Tree) -> Self {
        fn walk(group: &usvg::Group, chars: &mut BTreeSet<char>) {
            for node in group.children() {
                match node {
                    usvg::Node::Group(g) => walk(g, chars),
                    usvg::Node::Text(t) => {
                        for chunk in t.chunks() {
                            chars.extend(chunk.text().chars().filter(|&c| !font::bundled_has(c)));
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut chars = BTreeSet::new();
        walk(tree.root(), &mut chars);
        chars.retain(|&c| !is_invisible(c));
        // Each face is parsed once, for all the chars still missing.
        let db = tree.fontdb();
        for face in db.faces() {
            if chars.is_empty() {
                break;
            }
            db.with_face_data(face.id, |data, index| {
                if let Ok(f) = ttf_parser::Face::parse(data, index) {
                    chars.retain(|&c| f.glyph_index(c).is_none());
                }
            });
        }
        Missing(chars)
    }

    /// The Debian/Ubuntu package of fonts that draws a char (with outlines:
    /// colour bitmap emoji fonts are not drawn in exports).
    fn package(c: char) -> &'static str {
        if font::is_wide(c) {
            "fonts-noto-cjk"
        } else if matches!(u32::from(c), 0x1F000..=0x1FAFF | 0x2600..=0x27BF) {
            "fonts-symbola"
        } else {
            "fonts-noto-core"
        }
    }
}

impl Missing {
    /// The chars, each with its code point; at most a dozen, then how many more.
    pub fn chars_text(&self) -> String {
        let shown: Vec<String> = self
            .0
            .iter()
            .take(12)
            .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
            .collect();
        let more = self.0.len().saturating_sub(shown.len());
        if more > 0 {
            format!("{} +{more}", shown.join(", "))
        } else {
            shown.join(", ")
        }
    }

    /// The font packages that draw them, on Debian or Ubuntu.
    pub fn packages_text(&self) -> String {
        let packages: BTreeSet<&str> = self.0.iter().map(|&c| Self::package(c)).collect();
        packages.into_iter().collect::<Vec<_>>().join(", ")
    }
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "no font on this machine draws {}: install a font that has them (on Debian or Ubuntu: {}) and export again",
            self.chars_text(),
            self.packages_text()
        )
    }
}
