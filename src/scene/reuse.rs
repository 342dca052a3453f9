//! Cards drawn again after a structural edit only where they changed: a
//! card whose touchpoint, lane colour, standards, marker and place are as
//! they were takes its primitives from the scene before the edit (cloned:
//! no title wrapped, no text measured), exactly as drawing it anew would
//! make them. Adding a card or a step leaves most cards of a large
//! blueprint where they were.

use super::{Item, Overlay, Scene};
use crate::check::Rollup;
use crate::layout::{Layout, Rect};
use crate::model::{Lane, Touchpoint};
use std::hash::{BuildHasher, Hash, Hasher};

/// The scene and layout before an edit, in the same view (theme, language,
/// compliance tint), whose cards may be taken over.
#[derive(Clone, Copy)]
pub struct Previous<'a> {
    pub scene: &'a Scene,
    pub layout: &'a Layout,
}

/// What a card's primitives are made from, hashed: every field of the
/// touchpoint the card shows, its lane's colour, its standards' counts, its
/// problem marker, the compliance tint and its rectangle. Equal keys, the
/// same card (up to a 64-bit hash's collisions).
pub fn card_key(
    tp: &Touchpoint,
    lane: Option<&Lane>,
    rollup: Rollup,
    overlay: &Overlay,
    r: Rect,
) -> u64 {
    let mut h = foldhash::fast::FixedState::with_seed(0x5e7c_0c1e).build_hasher();
    tp.id.as_str().hash(&mut h);
    tp.title.hash(&mut h);
    std::mem::discriminant(&tp.evidence).hash(&mut h);
    std::mem::discriminant(&tp.moment_of_truth).hash(&mut h);
    tp.is_fail_point().hash(&mut h);
    tp.wait_point.hash(&mut h);
    tp.expected_wait_min.map(f64::to_bits).hash(&mut h);
    tp.owner.hash(&mut h);
    tp.votes.hash(&mut h);
    lane.map(|l| l.colour).hash(&mut h);
    rollup.hash(&mut h);
    overlay.flagged.get(&tp.id).hash(&mut h);
    overlay.compliance_view.hash(&mut h);
    for v in [r.min.x, r.min.y, r.max.x, r.max.y] {
        v.to_bits().hash(&mut h);
    }
    h.finish()
}

impl<'a> Previous<'a> {
    /// The primitives of the card of `tp` before the edit, if its key was
    /// `key` and its rectangle `r`.
    pub fn card(self, tp: &Touchpoint, key: u64, r: Rect) -> Option<&'a [Item]> {
        let j = self.layout.card_index(&tp.id)?;
        let same = self.scene.card_keys.get(j) == Some(&key)
            && self.layout.cards.get(j).is_some_and(|c| c.rect == r);
        let range = self.scene.cards.get(j)?.clone();
        same.then(|| self.scene.items.get(range)).flatten()
    }
}
