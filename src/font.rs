//! The bundled fonts (Noto Sans, and for other scripts Noto Sans Arabic,
//! Noto Sans Devanagari and Noto Emoji; SIL Open Font License, see
//! `assets/fonts/`). The diagram is measured, drawn on screen and exported
//! with them, so screen, SVG, PNG and PDF agree. Scripts whose fonts are too
//! large to bundle (Chinese, Japanese, Korean) come from the system's fonts
//! where installed; see [`crate::render::fonts`].

use std::sync::OnceLock;

/// The family name SVG files ask for.
pub const FAMILY: &str = "Noto Sans";
/// Noto Sans Regular.
pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/NotoSans-Regular.ttf");
/// Noto Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/NotoSans-Bold.ttf");

/// Noto Sans Arabic Regular: Arabic, Persian, Urdu.
pub const ARABIC: &[u8] = include_bytes!("../assets/fonts/NotoSansArabic-Regular.ttf");
/// Noto Sans Devanagari Regular: Hindi, Marathi, Nepali.
pub const DEVANAGARI: &[u8] = include_bytes!("../assets/fonts/NotoSansDevanagari-Regular.ttf");
/// Noto Emoji Regular (outlines, as egui draws emoji on screen).
pub const EMOJI: &[u8] = include_bytes!("../assets/fonts/NotoEmoji-Regular.ttf");
/// The bundled fonts for what Noto Sans lacks, in the order they are tried.
pub const FALLBACKS: [&[u8]; 3] = [ARABIC, DEVANAGARI, EMOJI];

/// Whether a char is drawn a full em wide in the fonts of East Asian scripts
/// (Han, Kana, Hangul, full-width forms): how text the bundled fonts lack is
/// measured.
pub(crate) fn is_wide(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// The bundled faces that draw what Noto Sans lacks.
fn fallback_faces() -> &'static [ttf_parser::Face<'static>] {
    static FACES: OnceLock<Vec<ttf_parser::Face<'static>>> = OnceLock::new();
    FACES.get_or_init(|| {
        FALLBACKS
            .iter()
            .filter_map(|data| ttf_parser::Face::parse(data, 0).ok())
            .collect()
    })
}

/// Whether one of the bundled fonts has a glyph for `c`. Text with chars
/// that none has is drawn with the system's fonts where they have them.
pub fn bundled_has(c: char) -> bool {
    u32::from(c) < 0x250
        || c.is_control()
        || c.is_whitespace()
        || metrics(false)
            .face
            .as_ref()
            .is_some_and(|f| f.glyph_index(c).is_some())
        || fallback_faces().iter().any(|f| f.glyph_index(c).is_some())
}

/// The advance of a char that Noto Sans lacks, in em: from the bundled face
/// that has it, a full em for East Asian scripts, else `fallback`.
fn other_advance(c: char, fallback: f32) -> f32 {
    for face in fallback_faces() {
        if let Some(a) = face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g)) {
            return f32::from(a) / f32::from(face.units_per_em());
        }
    }
    if is_wide(c) { 1.0 } else { fallback }
}

/// Glyph advances of one face, for measuring text.
pub struct Metrics {
    /// Advance of each char up to U+024F (Latin, with Spanish accents), in em.
    advances: Vec<f32>,
    /// Advance used for anything else, in em.
    fallback: f32,
    /// The face, for chars beyond the table.
    face: Option<ttf_parser::Face<'static>>,
    /// Ascender, in em.
    pub ascent: f32,
    /// Descender (negative), in em.
    pub descent: f32,
}

impl Metrics {
    fn of(data: &'static [u8]) -> Self {
        let Ok(face) = ttf_parser::Face::parse(data, 0) else {
            // The bundled font always parses; stay usable if it ever did not.
            return Self {
                advances: vec![0.55; 0x250],
                fallback: 0.55,
                face: None,
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
            face: Some(face),
        }
    }

    /// The advance of a char, in em.
    #[inline]
    pub fn advance(&self, c: char) -> f32 {
        match self.advances.get(c as usize) {
            Some(&a) => a,
            None => self.beyond_table(c),
        }
    }

    /// The advance of a char beyond the table: from this face, or from the
    /// face that will draw it.
    #[cold]
    fn beyond_table(&self, c: char) -> f32 {
        if let Some(face) = &self.face
            && let Some(a) = face.glyph_index(c).and_then(|g| face.glyph_hor_advance(g))
        {
            return f32::from(a) / f32::from(face.units_per_em());
        }
        other_advance(c, self.fallback)
    }

    /// The advances of the ASCII chars, in em.
    #[inline]
    #[expect(
        clippy::expect_used,
        reason = "the table is built with every ASCII char"
    )]
    fn ascii(&self) -> &[f32; 128] {
        self.advances[..128]
            .try_into()
            .expect("advances cover ASCII")
    }

    /// The sum of the advances of `text`, in em: its width at size 1.
    /// Adding a char's advance to the sum of a text gives the sum of the
    /// longer text, to the bit.
    #[inline]
    fn sum(&self, text: &str) -> f32 {
        if text.is_ascii() {
            let ascii = self.ascii();
            text.bytes()
                .map(|b| ascii[usize::from(b & 0x7f)])
                .sum::<f32>()
        } else {
            text.chars().map(|c| self.advance(c)).sum::<f32>()
        }
    }

    /// The width of `text` at `size`.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        self.sum(text) * size
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
    // Only the start that can be drawn is measured: a 20 MB title or a
    // stack of 300,000 combining marks costs what a few lines cost.
    let text = &crate::shown::shown(text, drawable_chars(size, max_width, max_lines));
    // Most text is ASCII: its advances need no decoding and no bounds.
    if text.is_ascii() {
        wrap_with(text, size, max_width, max_lines, m, Ascii(m.ascii()))
    } else {
        wrap_with(text, size, max_width, max_lines, m, m)
    }
}

/// How many lines [`wrap`] breaks an ASCII `text` into (at most
/// `max_lines`), counted the way it breaks them but without making them;
/// None for other text. What a layout needs of a title that it does not
/// draw.
pub fn ascii_line_count(
    text: &str,
    size: f32,
    bold: bool,
    max_width: f32,
    max_lines: usize,
) -> Option<usize> {
    if !text.is_ascii() {
        return None;
    }
    let m = metrics(bold);
    // As the wrap measures it: the start that can be drawn, which ends in
    // an ellipsis (not ASCII) when the text is longer.
    let text = &crate::shown::shown(text, drawable_chars(size, max_width, max_lines));
    if !text.is_ascii() {
        return None;
    }
    let a = Ascii(m.ascii());
    let space = a.advance(' ');
    let fits = |sum: f32| sum * size <= max_width;
    let over = |sum: f32| sum * size > max_width;
    let (mut lines, mut current_sum, mut current_empty) = (0usize, 0.0f32, true);
    for word in a.words(text) {
        let start = if current_empty {
            0.0
        } else {
            current_sum + space
        };
        let candidate = a.sum_from(start, word);
        if fits(candidate) {
            current_sum = candidate;
            current_empty = false;
            continue;
        }
        if !current_empty {
            lines += 1;
            if lines == max_lines {
                return Some(lines);
            }
        }
        // A word wider than the line is cut by characters.
        let (mut piece_sum, mut piece_chars) = (0.0f32, 0usize);
        for c in word.chars() {
            piece_sum += a.advance(c);
            piece_chars += 1;
            if over(piece_sum) && piece_chars > 1 {
                lines += 1;
                if lines == max_lines {
                    return Some(lines);
                }
                piece_sum = a.advance(c);
                piece_chars = 1;
            }
        }
        current_sum = piece_sum;
        current_empty = piece_chars == 0;
    }
    Some((lines + usize::from(!current_empty)).min(max_lines))
}

/// Sums of advances, in em.
trait Advances {
    /// The words of `text`, as `str::split_whitespace` splits them.
    fn words<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str>;
    fn advance(&self, c: char) -> f32;
    /// `start` plus the advances of `text`, one at a time.
    fn sum_from(&self, start: f32, text: &str) -> f32;
}

impl Advances for &Metrics {
    fn words<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> {
        text.split_whitespace()
    }
    fn advance(&self, c: char) -> f32 {
        Metrics::advance(self, c)
    }
    fn sum_from(&self, start: f32, text: &str) -> f32 {
        text.chars()
            .fold(start, |sum, c| sum + Metrics::advance(self, c))
    }
}

/// The advances of ASCII text, which has a byte for each char.
struct Ascii<'a>(&'a [f32; 128]);

impl Advances for Ascii<'_> {
    fn words<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> {
        // The ASCII chars of Unicode's White_Space: tab to carriage return, space.
        text.split(|c: char| matches!(c, '\t'..='\r' | ' '))
            .filter(|w| !w.is_empty())
    }
    fn advance(&self, c: char) -> f32 {
        self.0[c as usize & 0x7f]
    }
    fn sum_from(&self, start: f32, text: &str) -> f32 {
        text.bytes()
            .fold(start, |sum, b| sum + self.0[usize::from(b & 0x7f)])
    }
}

/// [`wrap`] with the advances of `text`'s chars.
fn wrap_with(
    text: &str,
    size: f32,
    max_width: f32,
    max_lines: usize,
    m: &Metrics,
    a: impl Advances,
) -> Vec<String> {
    let advance = |c: char| a.advance(c);
    let ellipsis = m.advance('…');
    // Widths are kept as running sums of advances, in em, and grown a char at
    // a time: the same sums, in the same order, as measuring each candidate
    // line from its start.
    let space = advance(' ');
    let fits = |sum: f32| sum * size <= max_width;
    let over = |sum: f32| sum * size > max_width;
    let mut lines: Vec<String> = Vec::with_capacity(max_lines.min(4));
    let mut current = String::new();
    let mut current_sum = 0.0f32;
    let mut truncated = false;
    'words: for word in a.words(text) {
        let start = if current.is_empty() {
            0.0
        } else {
            current_sum + space
        };
        let candidate = a.sum_from(start, word);
        if fits(candidate) {
            if current.is_empty() {
                // Room for the longest line there can be: the whole text.
                current.reserve(text.len());
            } else {
                current.push(' ');
            }
            current.push_str(word);
            current_sum = candidate;
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
        let mut piece_sum = 0.0f32;
        let mut piece_chars = 0usize;
        for c in word.chars() {
            piece.push(c);
            piece_sum += advance(c);
            piece_chars += 1;
            if over(piece_sum) && piece_chars > 1 {
                piece.pop();
                lines.push(std::mem::take(&mut piece));
                if lines.len() == max_lines {
                    truncated = true;
                    break 'words;
                }
                piece.push(c);
                piece_sum = advance(c);
                piece_chars = 1;
            }
        }
        current = piece;
        current_sum = piece_sum;
    }
    if !truncated && !current.is_empty() {
        if lines.len() == max_lines {
            truncated = true;
        } else {
            lines.push(current);
        }
    }
    if truncated && let Some(last) = lines.last_mut() {
        // The longest start of the last line that fits with an ellipsis.
        let mut sums = Vec::with_capacity(last.len() + 1);
        let mut sum = 0.0f32;
        sums.push((0, sum));
        for (i, c) in last.char_indices() {
            sum += advance(c);
            sums.push((i + c.len_utf8(), sum));
        }
        let keep = sums
            .iter()
            .rposition(|&(_, sum)| !over(sum + ellipsis))
            .unwrap_or(0);
        last.truncate(sums[keep].0);
        let trimmed = last.trim_end().len();
        last.truncate(trimmed);
        last.push('…');
    }
    lines
}

/// The most characters `max_lines` lines of `max_width` can show at `size`:
/// no drawn character is narrower than a tenth of an em, and a word that
/// does not fit is cut by characters.
fn drawable_chars(size: f32, max_width: f32, max_lines: usize) -> usize {
    if max_lines == 0 {
        // No limit on lines (no caller draws so): no limit on characters.
        return usize::MAX;
    }
    let per_line = if size > 0.0 && max_width.is_finite() {
        (max_width / (size * 0.1)).clamp(0.0, 100_000.0) as usize
    } else {
        crate::shown::LINE_CHARS
    };
    max_lines.clamp(1, 1_000).saturating_mul(per_line + 16)
}

/// Cuts `text` to fit `max_width` on one line, with an ellipsis if cut.
pub fn clip(text: &str, size: f32, bold: bool, max_width: f32) -> String {
    let text = crate::shown::shown_line(text, drawable_chars(size, max_width, 1));
    wrap(&text, size, bold, max_width, 1)
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

    /// `wrap` as it was, measuring every candidate line from its start.
    fn wrap_by_measuring(
        text: &str,
        size: f32,
        bold: bool,
        max_width: f32,
        max_lines: usize,
    ) -> Vec<String> {
        // Measured char by char, as `Metrics::width` did.
        struct M(&'static Metrics);
        impl M {
            fn width(&self, text: &str, size: f32) -> f32 {
                text.chars().map(|c| self.0.advance(c)).sum::<f32>() * size
            }
        }
        let m = M(metrics(bold));
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

    #[test]
    fn wrapping_by_running_sums_gives_the_lines_of_measuring_each() {
        let words = [
            "a",
            "I",
            "WWW",
            "Recepción",
            "huésped",
            "del",
            "Supercalifragilisticexpialidocious",
            "x\u{b}y",
            "tab\there",
            "f\u{c}r\rs\u{1f}u",
            "\u{85}x",
            "nbsp\u{a0}word",
            "中文字",
            "emoji😀",
            "—",
            "ii",
            "mm",
            "",
            "line\nbreak",
            "  ",
            "ÁÉÍÓÚ",
            "ñandú",
            "€100",
            "…",
        ];
        let mut next = crate::testing::numbers(0x9e37_79b9_7f4a_7c15u64);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next(12) {
                text.push_str(words[next(words.len())]);
                text.push_str([" ", "  ", "\t", "\n", " \u{3000}", ""][next(6)]);
            }
            let size = [10.0, 11.5, 12.5, 13.0, 22.0][next(5)];
            let bold = next(2) == 0;
            let width = [0.0, 5.0, 30.0, 60.0, 136.0, 150.0, 176.0, 1000.0][next(8)];
            let max_lines = next(5);
            assert_eq!(
                wrap(&text, size, bold, width, max_lines),
                wrap_by_measuring(&text, size, bold, width, max_lines),
                "{text:?} at {size} bold {bold} in {width} on {max_lines} lines"
            );
        }
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
