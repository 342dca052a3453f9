//! The marks of the diagram: cards with their markers and badges (and the
//! redrawing of edited cards), sticky notes, the customer's-feeling chart
//! and the legend.

use super::*;

/// Draws some cards of a scene again from the blueprint, after changes to
/// their touchpoints (or standards, or findings) that left the layout as it
/// was: `cards` are positions in `layout.cards`, and `layout` is the scene's.
/// The new items take the place of the old ones. Returns whether the number
/// of items changed, which moves every item after the first card redrawn.
///
/// Only cards are drawn again. A change of a touchpoint's feeling or moment
/// of truth can move the emotion curve (`Layout::emotion`), and a change of a
/// standard's measurements the count of standards met in the title: when
/// those change, build the scene anew.
pub fn rebuild_cards(
    scene: &mut Scene,
    bp: &Blueprint,
    layout: &Layout,
    theme: &Theme,
    lang: Language,
    overlay: &Overlay,
    cards: &[usize],
) -> bool {
    let mut which: Vec<usize> = cards
        .iter()
        .copied()
        .filter(|&i| i < layout.cards.len() && i < scene.cards.len())
        .collect();
    which.sort_unstable();
    which.dedup();
    // The standards of these cards, in one pass over the standards.
    let mut rollups: HashMap<&TouchpointId, Rollup> = which
        .iter()
        .filter_map(|&i| layout.cards[i].touchpoint(bp))
        .map(|t| (&t.id, Rollup::default()))
        .collect();
    for s in &bp.standards {
        if let Some(r) = rollups.get_mut(&s.touchpoint) {
            r.add(s.compliance());
        }
    }
    let mut b = Builder {
        items: Vec::new(),
        theme,
        lang,
        owner: Owner::None,
    };
    // Each card in its place, from the last back so the places of those
    // before it hold; then the ranges after each are moved by what it grew.
    let mut grew = Vec::with_capacity(which.len());
    for &i in which.iter().rev() {
        let cb = &layout.cards[i];
        if let Some(tp) = cb.touchpoint(bp) {
            let rollup = rollups.get(&tp.id).copied().unwrap_or_default();
            let lane = bp.lane(&tp.lane);
            card(&mut b, tp, lane, rollup, cb.rect, overlay);
            if let Some(key) = scene.card_keys.get_mut(i) {
                *key = super::card_key(tp, lane, rollup, overlay, cb.rect);
            }
        }
        let old = scene.cards[i].clone();
        let len = b.items.len();
        scene.items.splice(old.clone(), b.items.drain(..));
        scene.cards[i] = old.start..old.start + len;
        grew.push((i, len as isize - old.len() as isize));
    }
    grew.reverse();
    let Some(&(first, _)) = grew.first() else {
        return false;
    };
    let mut shift = 0isize;
    let mut next = grew.iter().peekable();
    for (j, r) in scene.cards.iter_mut().enumerate().skip(first) {
        let start = r.start.wrapping_add_signed(shift);
        *r = start..start + r.len();
        if let Some(&(_, d)) = next.next_if(|(i, _)| *i == j) {
            shift += d;
        }
    }
    grew.iter().any(|&(_, d)| d != 0)
}

/// A five-pointed star.
pub(super) fn star(c: Pos, r: f32) -> Vec<Pos> {
    // The directions of its points, worked out once.
    static POINTS: std::sync::OnceLock<[(f32, f32); 10]> = std::sync::OnceLock::new();
    let points = POINTS.get_or_init(|| {
        std::array::from_fn(|i| {
            let a = std::f32::consts::PI * (i as f32) / 5.0 - std::f32::consts::FRAC_PI_2;
            (a.cos(), a.sin())
        })
    });
    points
        .iter()
        .enumerate()
        .map(|(i, &(cos, sin))| {
            let rr = if i % 2 == 0 { r } else { r * 0.45 };
            pos(c.x + rr * cos, c.y + rr * sin)
        })
        .collect()
}

/// An arrow head at the end of a path, pointing along its last segment.
pub(super) fn arrow_head(from: Pos, tip: Pos, size: f32) -> Vec<Pos> {
    let (dx, dy) = (tip.x - from.x, tip.y - from.y);
    let len = (dx * dx + dy * dy).sqrt().max(0.001);
    let (ux, uy) = (dx / len, dy / len);
    let base = pos(tip.x - ux * size, tip.y - uy * size);
    let (px, py) = (-uy * size * 0.5, ux * size * 0.5);
    vec![
        tip,
        pos(base.x + px, base.y + py),
        pos(base.x - px, base.y - py),
    ]
}

/// Draws the compliance badge for a status at `c`: shapes differ as well as
/// colours, so the badge reads in grey-scale and for colour-blind readers.
pub(super) fn badge(b: &mut Builder, c: Pos, r: f32, status: Compliance) {
    let colour = b.theme.compliance(status);
    let white = b.theme.card;
    match status {
        Compliance::Met => {
            b.push(Shape::Circle {
                center: c,
                radius: r,
                fill: Some(colour),
                stroke: None,
            });
            b.line(
                vec![
                    pos(c.x - r * 0.45, c.y),
                    pos(c.x - r * 0.1, c.y + r * 0.4),
                    pos(c.x + r * 0.5, c.y - r * 0.35),
                ],
                Stroke::solid(r * 0.28, white),
            );
        }
        Compliance::Exceeds => {
            // A filled circle with a double chevron pointing up: past the
            // desired level.
            b.push(Shape::Circle {
                center: c,
                radius: r,
                fill: Some(colour),
                stroke: None,
            });
            for dy in [-0.3, 0.2] {
                b.line(
                    vec![
                        pos(c.x - r * 0.45, c.y + r * (dy + 0.25)),
                        pos(c.x, c.y + r * (dy - 0.2)),
                        pos(c.x + r * 0.45, c.y + r * (dy + 0.25)),
                    ],
                    Stroke::solid(r * 0.24, white),
                );
            }
        }
        Compliance::AtRisk => {
            let pts = vec![
                pos(c.x, c.y - r * 1.05),
                pos(c.x + r * 1.05, c.y + r * 0.85),
                pos(c.x - r * 1.05, c.y + r * 0.85),
            ];
            b.push(Shape::Polygon {
                points: pts,
                fill: Some(colour),
                stroke: None,
            });
            b.line(
                vec![pos(c.x, c.y - r * 0.35), pos(c.x, c.y + r * 0.25)],
                Stroke::solid(r * 0.25, white),
            );
            b.push(Shape::Circle {
                center: pos(c.x, c.y + r * 0.55),
                radius: r * 0.13,
                fill: Some(white),
                stroke: None,
            });
        }
        Compliance::Missed => {
            b.rect(
                Rect::from_xywh(c.x - r * 0.9, c.y - r * 0.9, r * 1.8, r * 1.8),
                r * 0.2,
                Some(colour),
                None,
            );
            let d = r * 0.45;
            b.line(
                vec![pos(c.x - d, c.y - d), pos(c.x + d, c.y + d)],
                Stroke::solid(r * 0.28, white),
            );
            b.line(
                vec![pos(c.x - d, c.y + d), pos(c.x + d, c.y - d)],
                Stroke::solid(r * 0.28, white),
            );
        }
        Compliance::NotMeasured => {
            b.push(Shape::Circle {
                center: c,
                radius: r * 0.85,
                fill: None,
                stroke: Some(Stroke {
                    width: r * 0.25,
                    colour,
                    dash: Dash::Solid,
                }),
            });
        }
    }
}

pub(super) fn moment_marker(b: &mut Builder, c: Pos, r: f32, m: MomentOfTruth) {
    match m {
        MomentOfTruth::Critical => {
            b.push(Shape::Polygon {
                points: star(c, r),
                fill: Some(b.theme.moment),
                stroke: Some(Stroke::solid(1.0, b.theme.text)),
            });
        }
        MomentOfTruth::Moment => {
            b.push(Shape::Polygon {
                points: star(c, r),
                fill: None,
                stroke: Some(Stroke::solid(1.4, b.theme.moment)),
            });
        }
        MomentOfTruth::None => {}
    }
}

pub(super) fn fail_marker(b: &mut Builder, c: Pos, r: f32) {
    b.push(Shape::Circle {
        center: c,
        radius: r,
        fill: Some(b.theme.card),
        stroke: Some(Stroke::solid(1.4, b.theme.fail)),
    });
    b.text(
        pos(c.x, c.y + r * 0.42),
        "F",
        r * 1.25,
        true,
        b.theme.fail,
        Anchor::Middle,
    );
}

pub(super) fn wait_marker(b: &mut Builder, left: Pos, h: f32, minutes: Option<f64>) -> f32 {
    let label = match minutes {
        Some(m) => format!("W {}′", fmt_num(m, b.lang)),
        None => "W".to_owned(),
    };
    let size = h * 0.62;
    let w = font::metrics(true).width(&label, size) + h * 0.6;
    b.rect(
        Rect::from_xywh(left.x, left.y - h / 2.0, w, h),
        h / 2.0,
        Some(b.theme.card),
        Some(Stroke::solid(1.2, b.theme.wait)),
    );
    b.text(
        pos(left.x + w / 2.0, left.y + size * 0.36),
        label,
        size,
        true,
        b.theme.wait,
        Anchor::Middle,
    );
    w
}

/// A sticky note: a pinned one carries a pin at its top; a loose one casts a
/// deeper shadow, lifted off the diagram.
pub(super) fn sticky_note(b: &mut Builder, note: &Note, nb: &crate::layout::NoteBox) {
    let fill = match note.colour {
        NoteColour::Yellow => Rgba::rgb(0xff, 0xf1, 0x9c),
        NoteColour::Pink => Rgba::rgb(0xff, 0xc8, 0xdd),
        NoteColour::Green => Rgba::rgb(0xc8, 0xf0, 0xc4),
        NoteColour::Blue => Rgba::rgb(0xc6, 0xe2, 0xff),
    };
    let ink = Rgba::rgb(0x1f, 0x29, 0x33);
    let r = nb.rect;
    let (offset, alpha) = if nb.loose { (6.0, 56) } else { (3.0, 40) };
    b.rect(
        Rect::from_xywh(r.min.x + offset, r.min.y + offset, r.width(), r.height()),
        2.0,
        Some(Rgba([0, 0, 0, alpha])),
        None,
    );
    b.rect(
        r,
        2.0,
        Some(fill),
        Some(Stroke::solid(0.8, fill.mix(ink, 0.25))),
    );
    if !nb.loose {
        b.push(Shape::Circle {
            center: pos(r.center().x, r.min.y + 5.0),
            radius: 3.5,
            fill: Some(Rgba::rgb(0xc0, 0x39, 0x2b)),
            stroke: None,
        });
    }
    let lines = font::wrap(&note.text, 12.5, false, r.width() - 24.0, 4);
    b.lines(
        lines,
        r.min.x + 12.0,
        r.min.y + 10.0,
        12.5,
        false,
        ink,
        Anchor::Start,
    );
    votes_badge(b, r, note.votes);
}

/// The number of dots a card or note received in a vote, on its corner.
pub(super) fn votes_badge(b: &mut Builder, r: Rect, votes: u32) {
    if votes == 0 {
        return;
    }
    let c = pos(r.min.x + 2.0, r.min.y + 2.0);
    let colour = b.theme.wait;
    b.push(Shape::Circle {
        center: c,
        radius: 11.0,
        fill: Some(colour),
        stroke: Some(Stroke::solid(2.0, b.theme.card)),
    });
    b.text(
        pos(c.x, c.y + 4.0),
        votes.to_string(),
        11.5,
        true,
        b.theme.card,
        Anchor::Middle,
    );
}

/// The primitives of one card, owned by its touchpoint: the card, and the
/// dots it received in a vote.
pub(super) fn card(
    b: &mut Builder,
    tp: &Touchpoint,
    lane: Option<&Lane>,
    rollup: Rollup,
    r: Rect,
    overlay: &Overlay,
) {
    b.owner = Owner::Touchpoint(tp.id.clone());
    card_shapes(b, tp, lane, rollup, r, overlay);
    votes_badge(b, r, tp.votes);
}

/// The radius of a card's fail-point marker (the F badge).
const FAIL_MARKER_RADIUS: f32 = 7.0;

/// Where the F badge of a fail point sits on its card `r`: after the
/// moment-of-truth marker, along the bottom. `None` when it is no fail point.
fn fail_marker_centre(r: Rect, tp: &Touchpoint) -> Option<Pos> {
    let x = r.min.x
        + 12.0
        + if tp.moment_of_truth != MomentOfTruth::None {
            20.0
        } else {
            0.0
        };
    tp.is_fail_point().then(|| pos(x + 7.0, r.max.y - 13.0))
}

/// The area of a card's F badge (in the card's units), for the canvas to
/// show the failure when the pointer is over it.
pub fn fail_badge(r: Rect, tp: &Touchpoint) -> Option<Rect> {
    let c = fail_marker_centre(r, tp)?;
    let d = FAIL_MARKER_RADIUS + 2.0;
    Some(Rect::from_xywh(c.x - d, c.y - d, 2.0 * d, 2.0 * d))
}

/// The primitives of one card: `lane` is the touchpoint's and `rollup` the
/// count of its standards.
pub(super) fn card_shapes(
    b: &mut Builder,
    tp: &Touchpoint,
    lane: Option<&Lane>,
    rollup: Rollup,
    r: Rect,
    overlay: &Overlay,
) {
    let th = *b.theme;
    let lane_colour = lane.map(|l| th.lane_fill(l.colour)).unwrap_or(th.header);
    let border = match tp.evidence {
        Evidence::Observed => Stroke::solid(1.0, th.card_border),
        Evidence::Assumed => Stroke {
            width: 1.2,
            colour: th.card_border,
            dash: Dash::Dotted,
        },
        Evidence::Proposed => Stroke {
            width: 1.4,
            colour: th.wait,
            dash: Dash::Dashed,
        },
    };
    let flag = overlay.flagged.get(&tp.id).copied();
    let fill = if overlay.compliance_view && rollup.total() > 0 {
        th.card.mix(
            th.compliance(rollup.worst()),
            if th.dark { 0.35 } else { 0.22 },
        )
    } else {
        th.card
    };
    b.rect(r, 6.0, Some(fill), Some(border));
    let card_shape = b.items.len() - 1;
    if let Some(error) = flag {
        // A problem marker: a diamond with "!" at the top-right, left of the badge.
        let c = pos(r.max.x - 32.0, r.min.y + 15.0);
        let colour = if error { th.missed } else { th.at_risk };
        let d = 7.0;
        b.push(Shape::Polygon {
            points: vec![
                pos(c.x, c.y - d),
                pos(c.x + d, c.y),
                pos(c.x, c.y + d),
                pos(c.x - d, c.y),
            ],
            fill: Some(colour),
            stroke: None,
        });
        b.text(
            pos(c.x, c.y + 3.6),
            "!",
            10.0,
            true,
            th.card,
            Anchor::Middle,
        );
    }
    // The lane's colour as an accent down the left edge.
    let accent = if th.dark {
        lane_colour.mix(th.text, 0.35)
    } else {
        lane_colour.mix(th.text, 0.25)
    };
    b.rect(
        Rect::from_xywh(r.min.x + 1.0, r.min.y + 6.0, 4.0, r.height() - 12.0),
        2.0,
        Some(accent),
        None,
    );
    let text_w = r.width() - if flag.is_some() { 56.0 } else { 40.0 };
    let title_h = crate::layout::title::title_area(tp, r.height());
    let title = crate::layout::title::title_lines(&tp.title, text_w, title_h);
    // A title the card cannot show whole goes with the card, whole (as far
    // as any text is shown).
    if title.last().is_some_and(|l| l.ends_with('…'))
        && let Some(item) = b.items.get_mut(card_shape)
    {
        let whole = crate::shown::shown_line(&tp.title, crate::shown::BLOCK_CHARS);
        item.full_text = Some(whole.into());
    }
    b.lines(
        title,
        r.min.x + 12.0,
        r.min.y + 8.0,
        12.5,
        true,
        th.text,
        Anchor::Start,
    );
    if rollup.total() > 0 {
        badge(b, pos(r.max.x - 14.0, r.min.y + 15.0), 7.0, rollup.worst());
    }
    super::photos::strip(b, tp, r);
    // Markers along the bottom.
    let y = r.max.y - 13.0;
    let mut x = r.min.x + 12.0;
    if tp.moment_of_truth != MomentOfTruth::None {
        moment_marker(b, pos(x + 7.0, y), 7.5, tp.moment_of_truth);
        x += 20.0;
    }
    if let Some(c) = fail_marker_centre(r, tp) {
        fail_marker(b, c, FAIL_MARKER_RADIUS);
        x += 20.0;
    }
    if tp.wait_point {
        x += wait_marker(b, pos(x, y), 15.0, tp.expected_wait_min) + 6.0;
    }
    if !tp.owner.is_empty() {
        let owner = font::clip(&tp.owner, 10.0, false, r.max.x - x - 8.0);
        b.text(
            pos(r.max.x - 8.0, y + 3.5),
            owner,
            10.0,
            false,
            th.muted,
            Anchor::End,
        );
    }
}

pub(super) fn emotion(b: &mut Builder, e: &crate::layout::EmotionBox) {
    let th = *b.theme;
    b.rect(
        e.rect,
        0.0,
        Some(th.header),
        Some(Stroke::solid(1.0, th.grid)),
    );
    let label = font::wrap(
        b.t(Msg::DiagramEmotionCurve),
        13.0,
        true,
        crate::layout::metrics::LABEL_W - 24.0,
        2,
    );
    b.lines(
        label,
        e.rect.min.x + 12.0,
        e.rect.min.y + 12.0,
        13.0,
        true,
        th.text,
        Anchor::Start,
    );
    for f in [-2i32, -1, 0, 1, 2] {
        let y = e.plot.center().y - f as f32 / 2.0 * (e.plot.height() / 2.0);
        let dash = if f == 0 { Dash::Solid } else { Dash::Dotted };
        b.line(
            vec![pos(e.plot.min.x, y), pos(e.plot.max.x, y)],
            Stroke {
                width: 1.0,
                colour: th.grid,
                dash,
            },
        );
        let face = match f {
            2 => "+2",
            1 => "+1",
            0 => "0",
            -1 => "-1",
            _ => "-2",
        };
        b.text(
            pos(e.plot.min.x - 8.0, y + 3.5),
            face,
            10.0,
            false,
            th.muted,
            Anchor::End,
        );
    }
    let pts: Vec<Pos> = e.points.iter().map(|(_, p)| *p).collect();
    if pts.len() >= 2 {
        b.line(pts.clone(), Stroke::solid(2.5, th.wait));
    }
    for p in &pts {
        b.push(Shape::Circle {
            center: *p,
            radius: 4.0,
            fill: Some(th.wait),
            stroke: Some(Stroke::solid(1.5, th.background)),
        });
    }
    for (p, critical) in &e.moments {
        let m = if *critical {
            MomentOfTruth::Critical
        } else {
            MomentOfTruth::Moment
        };
        moment_marker(b, pos(p.x, p.y - 14.0), 7.0, m);
    }
}

pub(super) fn legend(b: &mut Builder, r: Rect) {
    let th = *b.theme;
    let y = r.center().y;
    let mut x = r.min.x + 4.0;
    let entry = |b: &mut Builder, x: &mut f32, draw: &dyn Fn(&mut Builder, Pos), text: &str| {
        draw(b, pos(*x + 8.0, y));
        b.text(
            pos(*x + 22.0, y + 4.0),
            text.to_owned(),
            11.0,
            false,
            th.muted,
            Anchor::Start,
        );
        *x += 30.0 + font::metrics(false).width(text, 11.0) + 14.0;
    };
    let lang = b.lang;
    entry(
        b,
        &mut x,
        &|b, c| moment_marker(b, c, 7.5, MomentOfTruth::Moment),
        Msg::MomentOfTruth.text(lang),
    );
    entry(
        b,
        &mut x,
        &|b, c| moment_marker(b, c, 7.5, MomentOfTruth::Critical),
        Msg::CriticalMomentOfTruth.text(lang),
    );
    entry(
        b,
        &mut x,
        &|b, c| fail_marker(b, c, 7.0),
        Msg::FailPoint.text(lang),
    );
    entry(
        b,
        &mut x,
        &|b, c| {
            wait_marker(b, pos(c.x - 8.0, c.y), 15.0, None);
        },
        Msg::WaitPoint.text(lang),
    );
    for c in [
        Compliance::Exceeds,
        Compliance::Met,
        Compliance::AtRisk,
        Compliance::Missed,
        Compliance::NotMeasured,
    ] {
        entry(
            b,
            &mut x,
            &|b, p| badge(b, p, 7.0, c),
            i18n::compliance(c).text(lang),
        );
    }
}
