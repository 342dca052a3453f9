//! Scenes compared as drawings, for the tests that check the scene made
//! after an edit against the scene drawn anew.

use super::{Item, Rect, Scene};

/// Whether two coordinates are the same but for rounding in their last
/// bits (a few units in the last place, or a thousandth of a unit).
pub(crate) fn close(a: f32, b: f32) -> bool {
    (a - b).abs() <= 1e-3_f32.max(a.abs().max(b.abs()) * 4.0 * f32::EPSILON)
}

/// How two scenes differ, if they do: the same items in the same order, at
/// the same places but for rounding in the last bits of their coordinates
/// ([`close`]: a card moved by an edit is moved, not drawn anew).
pub(crate) fn difference(a: &Scene, b: &Scene) -> Option<String> {
    if (a.size, a.background, &a.cards, &a.card_keys)
        != (b.size, b.background, &b.cards, &b.card_keys)
    {
        return Some("sizes, backgrounds, card ranges or card keys differ".into());
    }
    if a.items.len() != b.items.len() {
        return Some(format!("{} items, not {}", a.items.len(), b.items.len()));
    }
    let placed = |item: &Item| {
        let mut item = item.clone();
        let mut points = vec![item.bounds.min, item.bounds.max];
        item.shape.points_mut(|p| points.push(std::mem::take(p)));
        item.bounds = Rect::default();
        (item, points)
    };
    a.items
        .iter()
        .zip(&b.items)
        .enumerate()
        .find_map(|(i, (x, y))| {
            let ((ix, px), (iy, py)) = (placed(x), placed(y));
            let same = ix == iy
                && px.len() == py.len()
                && px
                    .iter()
                    .zip(&py)
                    .all(|(p, q)| close(p.x, q.x) && close(p.y, q.y));
            (!same).then(|| format!("item {i}: {x:?}\nand {y:?}"))
        })
}
