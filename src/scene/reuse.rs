//! Cards drawn again after a structural edit only where they changed: a
//! card whose touchpoint, lane colour, standards, marker and size are as
//! they were takes its primitives from the scene before the edit (cloned,
//! their texts shared: no title wrapped, no text measured), moved to where
//! the card is now when the edit moved it (a step added before it, a row
//! added above it). Drawing it anew would make the same primitives, but for
//! rounding in the last bits of the coordinates of a moved card.

use super::{Builder, Item, Overlay, Owner, Scene, card};
use crate::check::Rollup;
use crate::layout::{Layout, Pos, Rect, pos};
use crate::model::{Blueprint, Lane, Touchpoint};
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Range;

/// The scene and layout before an edit, in the same view (theme, language,
/// compliance tint), whose cards may be taken over.
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    pub scene: &'a Scene,
    pub layout: &'a Layout,
}

/// What a card's primitives are made from, hashed: every field of the
/// touchpoint the card shows, its lane's colour, its standards' counts, its
/// problem marker, the compliance tint and its size (not its place). Equal
/// keys, the same card wherever it is (up to a 64-bit hash's collisions).
pub fn card_key(
    tp: &Touchpoint,
    lane: Option<&Lane>,
    rollup: Rollup,
    overlay: &Overlay,
    r: Rect,
) -> u64 {
    let mut h = foldhash::fast::FixedState::with_seed(0x5e7c_0c1e).build_hasher();
    tp.id.as_str().hash(&mut h);
    // A card shows at most the start of its title and its owner (and the
    // title's first block as the text an export carries): their length and
    // that start decide it, so a huge title costs no more to key.
    for text in [&tp.title, &tp.owner] {
        text.len().hash(&mut h);
        bounded(text).hash(&mut h);
    }
    super::photos::key(tp, &mut h);
    std::mem::discriminant(&tp.evidence).hash(&mut h);
    std::mem::discriminant(&tp.moment_of_truth).hash(&mut h);
    tp.is_fail_point().hash(&mut h);
    tp.wait_point.hash(&mut h);
    tp.expected_wait_min.map(f64::to_bits).hash(&mut h);
    tp.votes.hash(&mut h);
    lane.map(|l| l.colour).hash(&mut h);
    rollup.hash(&mut h);
    overlay.flagged.get(&tp.id).hash(&mut h);
    overlay.compliance_view.hash(&mut h);
    for v in [r.width(), r.height()] {
        v.to_bits().hash(&mut h);
    }
    h.finish()
}

/// The start of a text that a card can show: [`crate::shown::BLOCK_CHARS`]
/// characters' worth of bytes.
pub(super) fn bounded(text: &str) -> &str {
    crate::shown::start(text, 4 * crate::shown::BLOCK_CHARS)
}

impl<'a> Previous<'a> {
    /// The primitives of the card of `tp` before the edit, if its key was
    /// `key` and its size `r`'s, with how far it moved to `r`. `i` is the
    /// card's place in the new layout and `shift` how far the cards before
    /// it moved in the list (an edit adds or removes a few): the card is
    /// looked for there first.
    pub fn card(
        self,
        tp: &Touchpoint,
        key: u64,
        r: Rect,
        i: usize,
        shift: &mut isize,
    ) -> Option<(&'a [Item], Pos)> {
        let cards = &self.layout.cards;
        let j = match i.checked_add_signed(*shift) {
            Some(j) if cards.get(j).is_some_and(|c| c.id == tp.id) => j,
            _ => {
                let j = self.layout.card_index(&tp.id)?;
                *shift = j as isize - i as isize;
                j
            }
        };
        let was = cards.get(j)?.rect;
        let same = self.scene.card_keys.get(j) == Some(&key)
            && was.width() == r.width()
            && was.height() == r.height();
        let range = self.scene.cards.get(j)?.clone();
        let items = same.then(|| self.scene.items.get(range)).flatten()?;
        Some((items, pos(r.min.x - was.min.x, r.min.y - was.min.y)))
    }
}

/// The items of every card of `layout`, appended to `b`, with each card's
/// range and key: on a large document in two halves side by side (the
/// second half's items then put after the first's), each card taken over
/// from `previous` where it did not change.
pub(super) fn cards(
    b: &mut Builder,
    bp: &Blueprint,
    layout: &Layout,
    overlay: &Overlay,
    previous: Option<Previous>,
) -> (Vec<Range<usize>>, Vec<u64>) {
    let ix = bp.index();
    // Each visible lane, looked up once: a card lies in the lane with its
    // touchpoint's lane id.
    let lanes: Vec<Option<&Lane>> = layout.lanes.iter().map(|l| ix.lane(&l.id)).collect();
    let n = layout.cards.len();
    let split = n - n / 2;
    let later = |b: &mut Builder, range: Range<usize>| {
        let mut cards = Vec::with_capacity(range.len());
        let mut keys = Vec::with_capacity(range.len());
        let mut shift = 0;
        for (i, cb) in range.clone().zip(&layout.cards[range]) {
            let start = b.items.len();
            let mut key = 0;
            if let Some(tp) = cb.touchpoint(bp) {
                let rollup = Rollup::of(ix.standards_of(&tp.id));
                let lane = lanes.get(cb.lane).copied().flatten();
                key = card_key(tp, lane, rollup, overlay, cb.rect);
                match previous.and_then(|p| p.card(tp, key, cb.rect, i, &mut shift)) {
                    Some((items, moved)) => {
                        b.items.extend_from_slice(items);
                        if moved != Pos::default() {
                            b.items[start..]
                                .iter_mut()
                                .for_each(|it| it.translate(moved));
                        }
                    }
                    None => card(b, tp, lane, rollup, cb.rect, overlay),
                }
            }
            cards.push(start..b.items.len());
            keys.push(key);
        }
        b.owner = Owner::None;
        (cards, keys)
    };
    let (mut cards, mut card_keys);
    if n >= crate::parallel::PARALLEL_FROM {
        let mut rest = Builder {
            items: Vec::with_capacity((n - split) * 8),
            theme: b.theme,
            lang: b.lang,
            owner: Owner::None,
        };
        let (first, last) =
            crate::parallel::both(n, || later(b, 0..split), || later(&mut rest, split..n));
        let offset = b.items.len();
        (cards, card_keys) = first;
        cards.extend(last.0.into_iter().map(|r| r.start + offset..r.end + offset));
        card_keys.extend(last.1);
        b.items.append(&mut rest.items);
    } else {
        (cards, card_keys) = later(b, 0..n);
    }
    (cards, card_keys)
}
