//! A card's photos of physical evidence: a strip of up to [`SHOWN`]
//! square thumbnails between the title and the markers, the last with a
//! "+k" when the card shows more. Each is a [`Shape::Image`] with its
//! text alternative, so the canvas and every export draw the same strip.

use super::{Anchor, Builder, Rgba, Shape, Stroke};
use crate::layout::{Rect, pos};
use crate::model::Touchpoint;
use std::hash::{Hash, Hasher};

/// The most thumbnails a card shows.
pub const SHOWN: usize = 3;
/// A thumbnail's side, in diagram units.
pub const THUMB: f32 = 48.0;
/// The space between thumbnails.
const GAP: f32 = 6.0;
/// From the thumbnails' foot to the card's (the markers' row).
const ABOVE_MARKERS: f32 = 26.0;

/// Where a card's thumbnails go, the first first.
pub fn thumb_rects(r: Rect, count: usize) -> impl Iterator<Item = Rect> {
    let y = r.max.y - ABOVE_MARKERS - THUMB;
    (0..count.min(SHOWN))
        .map(move |i| Rect::from_xywh(r.min.x + 12.0 + i as f32 * (THUMB + GAP), y, THUMB, THUMB))
}

/// The strip of thumbnails of a card in `r` (nothing if it shows no photo).
pub(super) fn strip(b: &mut Builder, tp: &Touchpoint, r: Rect) {
    let n = tp.photos.len();
    for (u, rect) in tp.photos.iter().zip(thumb_rects(r, n)) {
        let alt = crate::shown::shown_line(&u.alt, crate::shown::BLOCK_CHARS);
        b.push(Shape::Image {
            rect,
            photo: u.photo.clone(),
            alt: alt.into(),
        });
    }
    if n > SHOWN
        && let Some(last) = thumb_rects(r, n).last()
    {
        let more = format!("+{}", n - SHOWN + 1);
        let size = 11.0;
        let w = crate::font::metrics(true).width(&more, size) + 10.0;
        let pill = Rect::from_xywh(last.max.x - w - 3.0, last.max.y - 19.0, w, 16.0);
        let fill = Rgba([0x1f, 0x29, 0x33, 0xd8]);
        b.pill(pill, 8.0, fill, Stroke::solid(1.0, fill), size);
        let white = Rgba::rgb(0xff, 0xff, 0xff);
        let at = pos(pill.center().x, pill.max.y - 4.5);
        b.text(at, more, size, true, white, Anchor::Middle);
    }
}

/// Adds to a card's key what its strip is made of.
pub(super) fn key(tp: &Touchpoint, h: &mut impl Hasher) {
    tp.photos.len().hash(h);
    for u in tp.photos.iter().take(SHOWN) {
        u.photo.as_str().hash(h);
        u.alt.len().hash(h);
        super::reuse::bounded(&u.alt).hash(h);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::*;
    use crate::scene::{Owner, Shape, Theme, scene};

    #[test]
    fn a_card_shows_its_first_photos_with_their_text_alternatives_and_grows() {
        let mut bp = crate::testing::hotel();
        let plain = crate::layout::layout(&bp, Default::default());
        let tp = bp.touchpoints[0].id.clone();
        for i in 0..5u8 {
            let photo = crate::edit::test_photo(&[i]);
            let edit = crate::edit::Edit::AddPhoto {
                touchpoint: tp.clone(),
                photo,
            };
            crate::edit::apply(&mut bp, edit).unwrap();
        }
        bp.touchpoints[0].photos[0].alt = "The hotel's lobby".into();
        let layout = crate::layout::layout(&bp, Default::default());
        let card = layout.card(&tp).unwrap().rect;
        let before = plain.card(&tp).unwrap().rect;
        assert_eq!(
            card.height(),
            before.height() + crate::layout::title::PHOTO_STRIP_H
        );
        let s = scene(&bp, &layout, &Theme::LIGHT, Language::En);
        let mine = |i: &&crate::scene::Item| i.owner == Owner::Touchpoint(tp.clone());
        let images: Vec<_> = s
            .items
            .iter()
            .filter(mine)
            .filter_map(|i| match &i.shape {
                Shape::Image { rect, photo, alt } => Some((*rect, photo.clone(), alt.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(images.len(), super::SHOWN);
        assert_eq!(&*images[0].2, "The hotel's lobby");
        assert_eq!(images[1].1, bp.touchpoints[0].photos[1].photo);
        for (r, _, _) in &images {
            assert!(
                card.contains(r.min) && card.contains(r.max),
                "{r:?} in {card:?}"
            );
        }
        let more = s
            .items
            .iter()
            .filter(mine)
            .any(|i| matches!(&i.shape, Shape::Text { text, .. } if &**text == "+3"));
        assert!(more, "the last place stands for it and the two not shown");
    }
}
