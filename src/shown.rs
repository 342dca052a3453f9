//! Text as it is shown: what the editor and the exporters lay out is bounded
//! by what can be drawn, never by what the document holds.
//!
//! A document may hold a 20 MB title or a card of 300,000 combining marks
//! (the file keeps them whole); laying that out whole costs gigabytes and
//! seconds a frame. Everything that lays out document text first takes a
//! bounded start of it with [`shown`]: at most a number of characters, each
//! grapheme (a letter and its accents, an emoji sequence) cut to
//! [`MAX_GRAPHEME_CHARS`]. The work is bounded too: only the start that is
//! kept is read, however long the text.

use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// The most characters a grapheme keeps: real ones (a letter with its
/// accents, an Indic conjunct, an emoji family) have far fewer; a stack of
/// thousands of combining marks draws as a smudge at any length.
pub const MAX_GRAPHEME_CHARS: usize = 16;

/// The most characters of one text the editor lays out in a label, a list
/// row or a single-line field.
pub const LINE_CHARS: usize = 500;

/// The most characters of one text the editor lays out in a multi-line
/// field or a long label (a description, a note).
pub const BLOCK_CHARS: usize = 20_000;

/// The start of `text` as it is shown: at most `max_chars` characters (an
/// ellipsis marks a cut) and each grapheme at most [`MAX_GRAPHEME_CHARS`]
/// characters. Borrowed when nothing changes; reads at most the kept start.
pub fn shown(text: &str, max_chars: usize) -> Cow<'_, str> {
    let (head, cut) = head(text, max_chars);
    let needs_work = cut || (!head.is_ascii() && head.graphemes(true).any(too_long));
    if !needs_work {
        return Cow::Borrowed(head);
    }
    let mut out = String::with_capacity(head.len() + 3);
    for g in head.graphemes(true) {
        out.extend(g.chars().take(MAX_GRAPHEME_CHARS));
    }
    if cut {
        out.push('…');
    }
    Cow::Owned(out)
}

/// [`shown`] on one line: line breaks and tabs become spaces.
pub fn shown_line(text: &str, max_chars: usize) -> Cow<'_, str> {
    let s = shown(text, max_chars);
    if s.contains(['\n', '\r', '\t']) {
        Cow::Owned(s.replace(['\n', '\r', '\t'], " "))
    } else {
        s
    }
}

/// Whether a text is longer than `max_chars` characters, reading at most
/// that many.
pub fn longer_than(text: &str, max_chars: usize) -> bool {
    head(text, max_chars).1
}

/// The start of a text, at most `max_bytes` long and cut between
/// characters: what a key of the text needs to hash of a huge one.
pub fn start(text: &str, max_bytes: usize) -> &str {
    &text[..text.floor_char_boundary(max_bytes)]
}

/// The number of characters of a text, for messages about long texts.
pub fn char_count(text: &str) -> usize {
    text.chars().count()
}

fn too_long(g: &str) -> bool {
    g.chars().nth(MAX_GRAPHEME_CHARS).is_some()
}

/// The first `max_chars` characters of `text`, and whether it was cut.
fn head(text: &str, max_chars: usize) -> (&str, bool) {
    // Fewer bytes than the limit: fewer characters too.
    if text.len() <= max_chars {
        return (text, false);
    }
    match text.char_indices().nth(max_chars) {
        Some((end, _)) => (&text[..end], true),
        None => (text, false),
    }
}

/// The window title given to the system: one line of printable characters,
/// of a bounded length (X11 refuses a title with a NUL; a window manager
/// has no use for megabytes).
pub fn window_title(text: &str) -> String {
    const MAX: usize = 200;
    shown_line(text, MAX)
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect()
}

/// Text on one line, safe for a terminal: each control character (a line
/// break, an escape that would retitle the terminal) written as its escape
/// (`\n`, `\u{1b}`), so that a text cannot pass for lines of its own.
/// Borrowed when there is none.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_clean_text_is_borrowed_as_it_is() {
        for s in [
            "",
            "Check-in",
            "Recepción ✓",
            "línea 1\nlínea 2",
            "👨‍👩‍👧‍👦 family",
        ] {
            assert!(matches!(shown(s, 100), Cow::Borrowed(b) if b == s), "{s}");
        }
    }

    #[test]
    fn long_text_is_cut_with_an_ellipsis_by_characters() {
        let s = "ñ".repeat(1_000);
        let out = shown(&s, 10);
        assert_eq!(out, format!("{}…", "ñ".repeat(10)));
        assert!(!longer_than(&s, 1_000));
        assert!(longer_than(&s, 999));
    }

    #[test]
    fn stacks_of_combining_marks_are_cut_per_grapheme() {
        let zalgo = format!("a{}b", "\u{0301}".repeat(300_000));
        let out = shown(&zalgo, 1_000);
        // The stack is cut first at 1,000 characters, then to a grapheme's most.
        assert_eq!(out.chars().count(), MAX_GRAPHEME_CHARS + 1, "{out:?}");
        assert!(out.starts_with('a') && out.ends_with('…'));
        // Accented letters and an emoji family are left whole.
        let real = "e\u{0301}\u{0323} क्षि 👨‍👩‍👧‍👦";
        assert_eq!(shown(real, 100), real);
    }

    #[test]
    fn control_characters_never_reach_the_window_system() {
        let t = window_title("Hotel\0 stay\u{1b}]0;owned\u{7}\nnext");
        assert!(!t.chars().any(char::is_control), "{t:?}");
        assert!(t.starts_with("Hotel"));
        let long = window_title(&"x".repeat(20_000_000));
        assert!(long.chars().count() <= 201);
    }
}
