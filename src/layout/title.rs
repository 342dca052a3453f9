//! How many lines a card's title takes: cards grow to show long titles
//! whole, up to [`MAX_TITLE_LINES`]; past that the title is cut on the card
//! (and carried whole by the exports and the `title-cut` check).

use crate::font;

/// The size of a card's title.
pub const TITLE_SIZE: f32 = 12.5;
/// The width a card's title wraps to (the card less its accent, margins and
/// badge).
pub const TITLE_W: f32 = super::metrics::CARD_W - 40.0;
/// The distance between the baselines of a title's lines.
pub const TITLE_LINE_H: f32 = TITLE_SIZE * 1.25;
/// The lines a card of the plain height holds.
pub const BASE_TITLE_LINES: usize = 3;
/// The most lines a card grows to for its title.
pub const MAX_TITLE_LINES: usize = 5;

/// How a title fits on its card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TitleFit {
    /// The lines it takes on the card, at most [`MAX_TITLE_LINES`].
    pub lines: usize,
    /// Whether it does not fit in those lines and ends in an ellipsis.
    pub cut: bool,
}

impl TitleFit {
    /// The height of a card showing this many lines of title.
    pub fn card_height(&self) -> f32 {
        super::metrics::CARD_H + self.lines.saturating_sub(BASE_TITLE_LINES) as f32 * TITLE_LINE_H
    }
}

/// Titles already measured on this thread: the layout, the scene and the
/// `title-cut` check each ask for every title after every structural edit,
/// and a title changes far less often than that.
const REMEMBERED: usize = 200_000;

thread_local! {
    static FITS: std::cell::RefCell<foldhash::HashMap<Box<str>, TitleFit>> =
        std::cell::RefCell::new(foldhash::HashMap::default());
}

/// How `title` fits on a card, measured with the bundled font. Short titles
/// cost a look at their length; others one bounded wrap, remembered (a few
/// hundred thousand titles on each thread) for the next time it is asked.
pub fn title_fit(title: &str) -> TitleFit {
    // An ASCII title (most) is counted as the wrap breaks it, without
    // making its lines or looking it up.
    if !title.contains(['\n', '\r'])
        && let Some(n) =
            font::ascii_line_count(title, TITLE_SIZE, true, TITLE_W, MAX_TITLE_LINES + 1)
    {
        return TitleFit {
            lines: n.clamp(1, MAX_TITLE_LINES),
            cut: n > MAX_TITLE_LINES,
        };
    }
    // Titles longer than a card can show are cut whatever their length:
    // only the start that can be drawn is measured, and remembered.
    let key = crate::shown::shown(title, 2 * MAX_TITLE_LINES * TITLE_W as usize);
    if let Some(fit) = FITS.with(|f| f.borrow().get(key.as_ref()).copied()) {
        return fit;
    }
    let fit = measure(title);
    FITS.with(|f| {
        let mut f = f.borrow_mut();
        if f.len() >= REMEMBERED {
            f.clear();
        }
        f.insert(key.into(), fit);
    });
    fit
}

/// How much taller a card showing photos is: a strip of thumbnails
/// between its title and its markers.
pub const PHOTO_STRIP_H: f32 = 56.0;

/// The height of a touchpoint's card: for its title, and its photos.
pub fn card_height(tp: &crate::model::Touchpoint) -> f32 {
    height_with(tp, title_fit(&tp.title))
}

/// The height of a touchpoint's card whose title fits as `fit` says.
fn height_with(tp: &crate::model::Touchpoint, fit: TitleFit) -> f32 {
    let strip = if tp.photos.is_empty() {
        0.0
    } else {
        PHOTO_STRIP_H
    };
    fit.card_height() + strip
}

/// The height of a card's title area: the card less its photo strip.
pub fn title_area(tp: &crate::model::Touchpoint, card_height: f32) -> f32 {
    if tp.photos.is_empty() {
        card_height
    } else {
        card_height - PHOTO_STRIP_H
    }
}

/// The height of each touchpoint's card, for its title (as `fits` says it
/// fits, by touchpoint) and its photos.
pub fn card_heights(bp: &crate::model::Blueprint, fits: &Fits) -> Vec<f32> {
    bp.touchpoints
        .iter()
        .zip(fits.of_touchpoints(bp))
        .map(|(tp, fit)| height_with(tp, fit))
        .collect()
}

/// How each touchpoint's title fits on its card, by touchpoint, with what
/// each was worked out from: measured once for an edit and read by the
/// layout and the `title-cut` check, and carried over to the next edit for
/// the titles it did not change (a structural edit changes few titles, and
/// a title is measured far more slowly than it is hashed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fits {
    /// A hash of each title ([`title_key`]).
    keys: Vec<u64>,
    fits: Vec<TitleFit>,
}

impl Fits {
    /// The fits of `bp`'s titles, measured where `previous` (the fits
    /// before an edit) has no title with the same key at the same place or
    /// next to it (where one touchpoint was added or deleted before it): on
    /// a large document, on the cores that are free.
    pub fn of(bp: &crate::model::Blueprint, previous: Option<&Fits>) -> Self {
        let at = |i: usize, tp: &crate::model::Touchpoint| {
            let key = title_key(&tp.title);
            let known = previous.and_then(|p| {
                [Some(i), i.checked_sub(1), i.checked_add(1)]
                    .into_iter()
                    .flatten()
                    .find(|&j| p.keys.get(j) == Some(&key))
                    .map(|j| p.fits[j])
            });
            (key, known.unwrap_or_else(|| title_fit(&tp.title)))
        };
        let both: Vec<(u64, TitleFit)> = if bp.touchpoints.len() >= crate::parallel::PARALLEL_FROM {
            use rayon::prelude::*;
            bp.touchpoints
                .par_iter()
                .enumerate()
                .with_min_len(2_000)
                .map(|(i, tp)| at(i, tp))
                .collect()
        } else {
            bp.touchpoints
                .iter()
                .enumerate()
                .map(|(i, tp)| at(i, tp))
                .collect()
        };
        let (keys, fits) = both.into_iter().unzip();
        Self { keys, fits }
    }

    /// The fit of each of `bp`'s titles, in order: these if they are
    /// `bp`'s, or measured now.
    pub fn of_touchpoints<'a>(
        &'a self,
        bp: &'a crate::model::Blueprint,
    ) -> impl Iterator<Item = TitleFit> + 'a {
        let mine = self.fits.len() == bp.touchpoints.len();
        bp.touchpoints.iter().enumerate().map(move |(i, tp)| {
            if mine {
                self.fits[i]
            } else {
                title_fit(&tp.title)
            }
        })
    }

    /// The fits, by touchpoint.
    pub fn fits(&self) -> &[TitleFit] {
        &self.fits
    }
}

/// What decides how a title fits, hashed: its length and the start a card
/// can show (so a huge title costs no more to key than a card shows).
fn title_key(title: &str) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = foldhash::fast::FixedState::with_seed(0x717e_f175).build_hasher();
    title.len().hash(&mut h);
    crate::shown::start(title, 4 * 2 * MAX_TITLE_LINES * TITLE_W as usize).hash(&mut h);
    h.finish()
}

/// How `title` fits, measured.
fn measure(title: &str) -> TitleFit {
    // Any character is narrower than 1.2 em: a title of so few characters
    // fits on one line without measuring.
    let per_line = (TITLE_W / (TITLE_SIZE * 1.2)) as usize;
    if title.len() <= per_line && !title.contains(['\n', '\r']) {
        return TitleFit {
            lines: 1,
            cut: false,
        };
    }
    // One line more than a card holds: a title that needs it is cut.
    let lines = font::wrap(title, TITLE_SIZE, true, TITLE_W, MAX_TITLE_LINES + 1).len();
    TitleFit {
        lines: lines.clamp(1, MAX_TITLE_LINES),
        cut: lines > MAX_TITLE_LINES,
    }
}

/// The lines of a title as drawn on a card `height` tall, `width` for text.
pub fn title_lines(title: &str, width: f32, height: f32) -> Vec<String> {
    let extra = ((height - super::metrics::CARD_H) / TITLE_LINE_H + 0.01).floor();
    let rows = BASE_TITLE_LINES + extra.max(0.0) as usize;
    font::wrap(title, TITLE_SIZE, true, width, rows.min(MAX_TITLE_LINES))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counted without wrapping, a title takes the lines the wrap makes.
    #[test]
    fn counting_a_titles_lines_agrees_with_wrapping_it() {
        let mut next = crate::testing::numbers(7);
        let words = [
            "a",
            "Order",
            "the",
            "parcel",
            "WWWWWW",
            "mmm",
            "iiiiiiii",
            "courier",
            "at",
            "Supercalifragilisticexpialidocious",
            "  ",
            "x",
        ];
        for _ in 0..3_000 {
            let n = next(300) + 1;
            let t: Vec<&str> = (0..n).map(|_| words[next(words.len())]).collect();
            let t = t.join(" ");
            assert_eq!(title_fit(&t), measure(&t), "{t}");
            // Counted where the wrap keeps to ASCII (not the ellipsis of a
            // text longer than it draws, which `title_fit` measures).
            for max in [1, 3, 6] {
                if let Some(n) = font::ascii_line_count(&t, TITLE_SIZE, true, TITLE_W, max) {
                    let wrapped = font::wrap(&t, TITLE_SIZE, true, TITLE_W, max).len();
                    assert_eq!(n, wrapped, "{t} in {max} lines");
                }
            }
        }
    }

    /// What is remembered is what is measured, asked once or again.
    #[test]
    fn a_remembered_fit_is_the_measured_one() {
        let long = "The courier calls the customer when the parcel could not be left at the door";
        let very_long = long.repeat(40);
        for t in [
            "Order",
            long,
            "Él llama al cliente cuando el paquete no se pudo dejar en la puerta",
            very_long.as_str(),
        ] {
            assert_eq!(title_fit(t), measure(t), "{t}");
            assert_eq!(title_fit(t), measure(t), "{t}, asked again");
        }
        // Titles that share a long start past what a card shows: both cut.
        let other = format!("{very_long} and more");
        assert!(title_fit(&other).cut);
    }

    /// Fits carried over an edit (a card added before others, one
    /// deleted, titles changed, cards reordered) are the fits measured anew.
    #[test]
    fn fits_carried_over_an_edit_are_the_fits_measured_anew() {
        let mut bp = crate::templates::synthetic(60);
        let long = "The courier calls the customer when the parcel could not be left at the door";
        bp.touchpoints[7].title = long.repeat(3);
        let before = Fits::of(&bp, None);
        let mut added = bp.touchpoints[0].clone();
        added.title = long.into();
        bp.touchpoints.insert(3, added);
        bp.touchpoints.remove(30);
        bp.touchpoints[40].title = "Order".into();
        bp.touchpoints[41].title = long.repeat(2);
        bp.touchpoints.swap(50, 55);
        let carried = Fits::of(&bp, Some(&before));
        let fresh = Fits::of(&bp, None);
        assert_eq!(carried, fresh);
        assert!(fresh.fits()[8].cut, "the long title, now eighth, is cut");
        let heights = card_heights(&bp, &carried);
        for (tp, h) in bp.touchpoints.iter().zip(heights) {
            assert_eq!(h, card_height(tp), "{}", tp.title);
        }
    }

    #[test]
    fn short_titles_take_one_line_and_long_ones_more_up_to_the_limit() {
        assert_eq!(title_fit("Order").lines, 1);
        assert_eq!(title_fit("").lines, 1);
        // Some 90 characters: more lines than a plain card has, all shown.
        let long = "The courier calls the customer when the parcel could not be left at the door";
        let fit = title_fit(long);
        assert!(fit.lines > BASE_TITLE_LINES, "{fit:?}");
        assert!(!fit.cut, "{fit:?}");
        assert!(fit.card_height() > super::super::metrics::CARD_H);
        // Drawn on the card it grew to, the title takes every line, uncut.
        let drawn = title_lines(long, TITLE_W, fit.card_height());
        assert_eq!(drawn.len(), fit.lines);
        assert!(!drawn.concat().contains('…'), "{drawn:?}");
        // Three times as long: as many lines as a card grows to, and cut.
        let fit = title_fit(&long.repeat(3));
        assert_eq!(fit.lines, MAX_TITLE_LINES);
        assert!(fit.cut);
    }
}
