//! The cards in a connector's way, found without looking at every card.

use super::CardBox;

/// Finds the cards in the way of a connector without looking at every card:
/// the cards of each column from top to bottom, and of each lane by rows,
/// top to bottom and then left to right. The cards of a column do not
/// overlap, so those across a span of height are a run of the column; the
/// cards of a lane's row are all as tall (the row's height), so those level
/// with a point are a run of the lane.
pub(super) struct InTheWay<'a> {
    cards: &'a [CardBox],
    columns: Vec<Vec<usize>>,
    rows: Vec<Vec<usize>>,
}

impl<'a> InTheWay<'a> {
    pub(super) fn new(cards: &'a [CardBox], lanes: usize) -> Self {
        let mut columns: Vec<Vec<usize>> = Vec::new();
        let mut rows: Vec<Vec<usize>> = vec![Vec::new(); lanes];
        for (i, c) in cards.iter().enumerate() {
            if columns.len() <= c.step {
                columns.resize_with(c.step + 1, Vec::new);
            }
            columns[c.step].push(i);
            if rows.len() <= c.lane {
                rows.resize_with(c.lane + 1, Vec::new);
            }
            rows[c.lane].push(i);
        }
        for col in &mut columns {
            col.sort_by(|&a, &b| cards[a].rect.min.y.total_cmp(&cards[b].rect.min.y));
        }
        for row in &mut rows {
            row.sort_by(|&a, &b| {
                let (a, b) = (&cards[a], &cards[b]);
                a.rect
                    .min
                    .y
                    .total_cmp(&b.rect.min.y)
                    .then(a.step.cmp(&b.step))
            });
        }
        Self {
            cards,
            columns,
            rows,
        }
    }

    /// Whether no other card of their column reaches between two cards of it,
    /// from the top of the higher to the bottom of the lower.
    pub(super) fn clear_column(&self, s: &CardBox, t: &CardBox) -> bool {
        let cards = self.cards;
        let (y0, y1) = (
            s.rect.min.y.min(t.rect.min.y),
            s.rect.max.y.max(t.rect.max.y),
        );
        let col = self.columns.get(s.step).map_or(&[][..], |c| &c[..]);
        let lo = col.partition_point(|&o| cards[o].rect.max.y <= y0);
        let hi = col.partition_point(|&o| cards[o].rect.min.y < y1).max(lo);
        !col[lo..hi]
            .iter()
            .any(|&o| cards[o].id != s.id && cards[o].id != t.id)
    }

    /// Whether no card of their lane, level with the middle of `s`, sits in a
    /// column between two cards of the lane.
    pub(super) fn clear_row(&self, s: &CardBox, t: &CardBox) -> bool {
        let cards = self.cards;
        let y = s.rect.center().y;
        let (a, b) = (s.step.min(t.step), s.step.max(t.step));
        let row = self.rows.get(s.lane).map_or(&[][..], |r| &r[..]);
        let lo = row.partition_point(|&o| cards[o].rect.max.y < y);
        let hi = row.partition_point(|&o| cards[o].rect.min.y <= y).max(lo);
        let level = &row[lo..hi];
        let between = |&o: &usize| cards[o].step > a && cards[o].step < b;
        match (level.first(), level.last()) {
            // One row of cards, left to right: the first right of `a` decides.
            (Some(&f), Some(&l)) if cards[f].rect.min.y == cards[l].rect.min.y => {
                let p = level.partition_point(|&o| cards[o].step <= a);
                !level.get(p).is_some_and(between)
            }
            _ => !level.iter().any(between),
        }
    }
}
