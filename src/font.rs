//! The bundled font (Noto Sans, SIL Open Font License; see
//! `assets/fonts/COPYRIGHT-NotoSans.txt`). The diagram is measured, drawn on
//! screen and exported with it, so screen, SVG and PNG agree and the output
//! does not depend on the fonts installed.

use std::sync::OnceLock;

/// The family name SVG files ask for.
pub const FAMILY: &str = "Noto Sans";
/// Noto Sans Regular.
pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");

/// Glyph advances of one face, for measuring text.
pub struct Metrics {
    /// Advance of each char up to U+024F (Latin, with Spanish accents), in em.
    advances: Vec<f32>,
    /// Advance used for anything else, in em.
    fallback: f32,
    /// Ascender, in em.
    pub ascent: f32,
    /// Descender (negative), in em.
    pub descent: f32,
}

impl Metrics {
    fn of(data: &[u8]) -> Self {
        let Ok(face) = ttf_parser::Face::parse(data, 0) else {
            // The bundled font always parses; stay usable if it ever did not.
            return Self {
                advances: vec![0.55; 0x250],
                fallback: 0.55,
                ascent: 1.07,
                descent: -0.29,
            };
        };
        let upem = f32::from(face.units_per_em());
        let advance = |c: char| {
            face.glyph_index(c)
                .and_then(|g| face.glyph_hor_advance(g))
                .map(|a| f32::from(a) / upem)
        };
        let fallback = advance('n').unwrap_or(0.55);
        let advances = (0u32..0x250)
            .map(|u| char::from_u32(u).and_then(advance).unwrap_or(fallback))
            .collect();
        Self {
            advances,
            fallback,
            ascent: f32::from(face.ascender()) / upem,
            descent: f32::from(face.descender()) / upem,
        }
    }

    /// The width of `text` at `size`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars()
            .map(|c| {
                self.advances
                    .get(c as usize)
                    .copied()
                    .unwrap_or(self.fallback)
            })
            .sum::<f32>()
            * size
    }
}

/// Metrics of the regular or the bold face.
pub fn metrics(bold: bool) -> &'static Metrics {
    static REG: OnceLock<Metrics> = OnceLock::new();
    static BLD: OnceLock<Metrics> = OnceLock::new();
    if bold {
        BLD.get_or_init(|| Metrics::of(BOLD))
    } else {
        REG.get_or_init(|| Metrics::of(REGULAR))
    }
}

/// Breaks `text` into lines no wider than `max_width` at `size`, at most
/// `max_lines` of them; a text that does not fit ends in an ellipsis.
pub fn wrap(text: &str, size: f32, bold: bool, max_width: f32, max_lines: usize) -> Vec<String> {
    let m = metrics(bold);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut truncated = false;
    'words: for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if m.width(&candidate, size) <= max_width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
            if lines.len() == max_lines {
                truncated = true;
                break 'words;
            }
        }
        // A word wider than the line is cut by characters.
        let mut piece = String::new();
        for c in word.chars() {
            piece.push(c);
            if m.width(&piece, size) > max_width && piece.chars().count() > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                if lines.len() == max_lines {
                    truncated = true;
                    break 'words;
                }
                piece.push(c);
            }
        }
        current = piece;
    }
    if !truncated && !current.is_empty() {
        if lines.len() == max_lines {
            truncated = true;
        } else {
            lines.push(current);
        }
    }
    if truncated && let Some(last) = lines.last_mut() {
        while !last.is_empty() && m.width(&format!("{last}…"), size) > max_width {
            last.pop();
        }
        let trimmed = last.trim_end().to_owned();
        *last = format!("{trimmed}…");
    }
    lines
}

/// Cuts `text` to fit `max_width` on one line, with an ellipsis if cut.
pub fn clip(text: &str, size: f32, bold: bool, max_width: f32) -> String {
    wrap(&text.replace('\n', " "), size, bold, max_width, 1)
        .pop()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_and_wraps_with_real_metrics() {
        let m = metrics(false);
        assert!(m.width("WWW", 10.0) > m.width("iii", 10.0));
        assert!(metrics(true).width("Recepción", 10.0) > m.width("Recepción", 10.0));
        let lines = wrap(
            "El recepcionista registra al huésped en el sistema",
            13.0,
            false,
            150.0,
            3,
        );
        assert!(lines.len() >= 2 && lines.len() <= 3, "{lines:?}");
        assert!(lines.iter().all(|l| m.width(l, 13.0) <= 150.0), "{lines:?}");
        let cut = wrap(
            "one two three four five six seven eight nine ten",
            13.0,
            false,
            60.0,
            2,
        );
        assert_eq!(cut.len(), 2);
        assert!(cut[1].ends_with('…'), "{cut:?}");
        let long = wrap("Supercalifragilisticexpialidocious", 13.0, false, 60.0, 3);
        assert!(
            long.iter().all(|l| m.width(l, 13.0) <= 60.0 + 1.0),
            "{long:?}"
        );
        assert!(wrap("", 13.0, false, 60.0, 3).is_empty());
    }
}

#[cfg(test)]
mod coverage {
    use crate::i18n::Msg;
    use crate::model::Language;

    /// Every character the interface and the diagram show has a glyph in the
    /// bundled font (egui refuses to draw text it has no glyph for).
    #[test]
    fn the_bundled_font_covers_every_string_of_the_catalogue() {
        for data in [super::REGULAR, super::BOLD] {
            let face = ttf_parser::Face::parse(data, 0).unwrap();
            let symbols = "-+…·—•′«»¿¡ñÑáéíóúüÁÉÍÓÚ%°";
            let texts = Msg::ALL
                .iter()
                .flat_map(|m| [m.text(Language::En), m.text(Language::Es)]);
            for text in texts.chain([symbols]) {
                for c in text.chars().filter(|c| !c.is_whitespace()) {
                    assert!(
                        face.glyph_index(c).is_some(),
                        "no glyph for {c:?} (U+{:04X}) in {text:?}",
                        c as u32
                    );
                }
            }
        }
    }
}
