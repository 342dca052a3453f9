//! Connector routes: through the gutters between columns and the padding
//! at the top of lanes, where no card ever sits.

use super::*;

/// Routes connectors through the gutters between columns and the padding at
/// the top of lanes, where no card ever sits, so arrows never cross cards.
pub(super) fn route_connectors(
    bp: &Blueprint,
    cards: &[CardBox],
    card_of: &HashMap<TouchpointId, usize>,
    lanes: &[LaneBox],
    notes_in: &[Vec<usize>],
) -> Vec<Route> {
    let gutter = (COL_W - CARD_W) / 2.0;
    // For each lane, how many of its cells before each step hold pinned
    // notes: a route level with a card crosses no cell with notes beside.
    let noted_before: Vec<Vec<u32>> = notes_in
        .iter()
        .map(|row| {
            let mut sum = 0;
            std::iter::once(0)
                .chain(row.iter().map(|&n| {
                    sum += u32::from(n > 0);
                    sum
                }))
                .collect()
        })
        .collect();
    // Whether cells `a..b` of a lane hold no pinned notes.
    let no_notes = |lane: usize, a: usize, b: usize| {
        noted_before
            .get(lane)
            .is_none_or(|p| p.get(b).zip(p.get(a)).is_none_or(|(y, x)| y == x))
    };
    // Spread routes sharing a gutter so they do not overlap.
    let mut used: HashMap<(i32, i32), u32> = HashMap::new();
    let mut lane_used: HashMap<usize, u32> = HashMap::new();
    let mut offset = |key: (i32, i32)| {
        let n = used.entry(key).or_insert(0);
        *n += 1;
        let k = *n as f32 - 1.0;
        let step = 3.0;
        let off = ((k + 1.0) / 2.0).floor()
            * step
            * if (k as u32).is_multiple_of(2) {
                1.0
            } else {
                -1.0
            };
        off.clamp(-gutter + 3.0, gutter - 3.0)
    };
    let in_the_way = InTheWay::new(cards, lanes.len());
    let mut routes = Vec::with_capacity(bp.connectors.len());
    for (index, c) in bp.connectors.iter().enumerate() {
        let (Some(&a), Some(&b)) = (card_of.get(&c.from), card_of.get(&c.to)) else {
            continue;
        };
        let (s, t) = (&cards[a], &cards[b]);
        let (sr, tr) = (s.rect, t.rect);
        let mut pts = Vec::new();
        if s.step == t.step {
            let x = sr.center().x;
            if in_the_way.clear_column(s, t) {
                let (y0, y1) = if tr.min.y > sr.max.y {
                    (sr.max.y, tr.min.y)
                } else {
                    (sr.min.y, tr.max.y)
                };
                let dx = offset((s.step as i32, -1)) * 2.0;
                pts.push(pos(x + dx, y0));
                pts.push(pos(x + dx, y1));
            } else {
                let gx = sr.max.x + gutter + offset((s.step as i32 + 1, 0));
                pts.extend([
                    pos(sr.max.x, sr.center().y),
                    pos(gx, sr.center().y),
                    pos(gx, tr.center().y),
                    pos(tr.max.x, tr.center().y),
                ]);
            }
        } else if t.step > s.step {
            let gx_t = tr.min.x - gutter + offset((t.step as i32, 0));
            let direct = t.step == s.step + 1 || (s.lane == t.lane && in_the_way.clear_row(s, t));
            if direct && no_notes(s.lane, s.step, t.step) {
                pts.extend([
                    pos(sr.max.x, sr.center().y),
                    pos(gx_t, sr.center().y),
                    pos(gx_t, tr.center().y),
                    pos(tr.min.x, tr.center().y),
                ]);
            } else {
                let gx_s = sr.max.x + gutter + offset((s.step as i32 + 1, 1));
                let cy = channel(lanes, t.lane, &mut lane_used);
                let (from, to) = (pos(sr.max.x, sr.center().y), pos(tr.min.x, tr.center().y));
                pts.extend(through_channel(from, gx_s, cy, gx_t, to));
            }
        } else {
            // Backwards in time: leave by the left, come in from the right.
            let gx_s = sr.min.x - gutter + offset((s.step as i32, 2));
            let gx_t = tr.max.x + gutter + offset((t.step as i32 + 1, 2));
            let cy = channel(lanes, s.lane.min(t.lane), &mut lane_used);
            let (from, to) = (pos(sr.min.x, sr.center().y), pos(tr.max.x, tr.center().y));
            pts.extend(through_channel(from, gx_s, cy, gx_t, to));
        }
        pts.dedup_by(|a, b| (a.x - b.x).abs() < 0.01 && (a.y - b.y).abs() < 0.01);
        let label_at = longest_segment_middle(&pts);
        routes.push(Route {
            id: c.id.clone(),
            index,
            kind: c.kind,
            points: pts,
            label_at,
        });
    }
    routes
}

/// A route from `from` out to the gutter at `gx_s`, along the channel at
/// height `cy` to the gutter at `gx_t`, and in to `to`.
fn through_channel(from: Pos, gx_s: f32, cy: f32, gx_t: f32, to: Pos) -> [Pos; 6] {
    [
        from,
        pos(gx_s, from.y),
        pos(gx_s, cy),
        pos(gx_t, cy),
        pos(gx_t, to.y),
        to,
    ]
}

/// A horizontal channel in the top padding of a lane, where no card sits.
fn channel(lanes: &[LaneBox], lane: usize, used: &mut HashMap<usize, u32>) -> f32 {
    let n = used.entry(lane).or_insert(0);
    *n += 1;
    let top = lanes[lane].rect.min.y;
    top + 4.0 + ((*n - 1) % 4) as f32 * 3.0
}

fn longest_segment_middle(pts: &[Pos]) -> Pos {
    pts.windows(2)
        .max_by(|a, b| {
            let la = (a[1].x - a[0].x).abs() + (a[1].y - a[0].y).abs();
            let lb = (b[1].x - b[0].x).abs() + (b[1].y - b[0].y).abs();
            la.total_cmp(&lb)
        })
        .map(|w| pos((w[0].x + w[1].x) / 2.0, (w[0].y + w[1].y) / 2.0))
        .unwrap_or_default()
}
