use super::*;
use crate::layout::{self, Options};

use crate::testing::hotel;

/// The editor's overlay: findings and the compliance view.
fn overlay(bp: &Blueprint) -> Overlay {
    let mut o = Overlay::with_findings(bp, &check::check(bp));
    o.compliance_view = true;
    o
}

/// The layout card of a touchpoint.
fn card_of(l: &Layout, id: &str) -> usize {
    l.cards.iter().position(|c| c.id.as_str() == id).unwrap()
}

#[test]
fn each_card_has_the_range_of_its_items() {
    let bp = hotel();
    let l = layout::layout(&bp, Options::default());
    let s = scene_with(&bp, &l, &Theme::LIGHT, Language::En, &overlay(&bp));
    assert_eq!(s.cards.len(), l.cards.len());
    let mut end = s.cards[0].start;
    for (c, r) in l.cards.iter().zip(&s.cards) {
        assert_eq!(r.start, end, "cards follow each other");
        assert!(!r.is_empty());
        let owner = Owner::Touchpoint(c.id.clone());
        assert!(s.items[r.clone()].iter().all(|i| i.owner == owner));
        end = r.end;
    }
    let owned = |i: &Item| matches!(i.owner, Owner::Touchpoint(_));
    assert!(!s.items[..s.cards[0].start].iter().any(owned));
    assert!(!s.items[end..].iter().any(owned));
}

/// Edits `bp` with `change`, redraws the changed cards into the old scene,
/// and compares with the scene drawn anew; returns whether items moved.
fn rebuilt_equals_built(
    theme: &Theme,
    lang: Language,
    ids: &[&str],
    change: impl Fn(&mut Blueprint),
) -> bool {
    let before = crate::templates::find("hotel").unwrap().load(lang).unwrap();
    let l = layout::layout(&before, Options::default());
    let mut s = scene_with(&before, &l, theme, lang, &overlay(&before));
    let mut after = before.clone();
    change(&mut after);
    assert_eq!(
        layout::layout(&after, Options::default()),
        l,
        "no card moved"
    );
    let ov = overlay(&after);
    let cards: Vec<usize> = ids.iter().map(|id| card_of(&l, id)).collect();
    let moved = rebuild_cards(&mut s, &after, &l, theme, lang, &ov, &cards);
    let built = scene_with(&after, &l, theme, lang, &ov);
    assert_eq!(s.items.len(), built.items.len());
    for (i, (a, b)) in s.items.iter().zip(&built.items).enumerate() {
        assert_eq!(a, b, "item {i}");
    }
    assert_eq!(s, built);
    moved
}

fn touchpoint<'a>(bp: &'a mut Blueprint, id: &str) -> &'a mut Touchpoint {
    bp.touchpoint_mut(&id.into()).unwrap()
}

#[test]
fn a_rebuilt_card_is_the_card_built_anew() {
    for (theme, lang) in [(Theme::LIGHT, Language::En), (Theme::DARK, Language::Es)] {
        // A new title and flags: fewer items.
        let moved = rebuilt_equals_built(&theme, lang, &["tp-register-receptionist"], |bp| {
            let tp = touchpoint(bp, "tp-register-receptionist");
            tp.title = "Registers".into();
            tp.fail_point = None;
            tp.owner.clear();
        });
        assert!(moved);
        // Flags that add markers and votes, on a card without standards.
        let moved = rebuilt_equals_built(&theme, lang, &["tp-register-pms"], |bp| {
            let tp = touchpoint(bp, "tp-register-pms");
            // Its step has a critical moment already: the curve stays.
            tp.moment_of_truth = MomentOfTruth::Moment;
            tp.fail_point = Some(Box::default());
            tp.wait_point = true;
            tp.expected_wait_min = Some(12.5);
            tp.evidence = Evidence::Proposed;
            tp.votes = 3;
            tp.owner = "Night auditor".into();
        });
        assert!(moved);
        // The same number of items: nothing after the card moves.
        let moved = rebuilt_equals_built(&theme, lang, &["tp-register-desk"], |bp| {
            touchpoint(bp, "tp-register-desk").evidence = Evidence::Assumed;
        });
        assert!(!moved);
    }
}

#[test]
fn a_title_that_wraps_to_more_lines_moves_the_items_after_it() {
    // More lines, but no more than a card of the plain height holds.
    let long = "Receptionist registers the guest, checks the passport";
    assert_eq!(crate::layout::title::title_fit(long).lines, 3);
    let lines = |bp: &Blueprint| {
        let tp = bp.touchpoint(&"tp-register-guest".into()).unwrap();
        font::wrap(&tp.title, 12.5, true, 136.0, 3).len()
    };
    let mut bp = hotel();
    let before = lines(&bp);
    touchpoint(&mut bp, "tp-register-guest").title = long.into();
    assert!(lines(&bp) > before);
    let moved = rebuilt_equals_built(&Theme::LIGHT, Language::En, &["tp-register-guest"], |bp| {
        touchpoint(bp, "tp-register-guest").title = long.into();
    });
    assert!(moved);
    // Several cards at once, in any order, one growing and one shrinking.
    let ids = [
        "tp-key-card",
        "tp-register-guest",
        "tp-arrive-guest",
        "tp-key-card",
    ];
    let moved = rebuilt_equals_built(&Theme::DARK, Language::En, &ids, |bp| {
        touchpoint(bp, "tp-register-guest").title = long.into();
        touchpoint(bp, "tp-arrive-guest").title = "Arrives".into();
        touchpoint(bp, "tp-key-card").votes = 2;
    });
    assert!(moved);
}

#[test]
fn a_scene_draws_what_fits_of_texts_of_any_length() {
    // A card of 300,000 combining marks (0.6 MB), a 20 MB title, a 2 MB
    // note and lane name: the scene draws the start each has room for.
    // (Before, the card's one "word" of marks had no width, so all of it
    // went into one line, and every export shaped 300,000 marks.)
    let mut bp = hotel();
    bp.touchpoints[0].title = format!("Z{}", "\u{0301}".repeat(300_000));
    bp.touchpoints[1].title = "x".repeat(2_000_000);
    bp.title = "Estancia en el hotel ".repeat(1_000_000);
    bp.lanes[0].name = "carril ".repeat(300_000);
    if let Some(n) = bp.notes.first_mut() {
        n.text = "nota ".repeat(400_000);
    }
    let l = layout::layout(&bp, Options::default());
    let s = scene_with(&bp, &l, &Theme::LIGHT, Language::Es, &overlay(&bp));
    let mut total = 0;
    for item in &s.items {
        if let Shape::Text { text, .. } = &item.shape {
            let n = text.chars().count();
            assert!(
                n <= 600,
                "a line of {n} characters: {:?}…",
                text.chars().take(20).collect::<String>()
            );
            total += n;
        }
    }
    assert!(total < 50_000, "{total} characters drawn");
    // The stack of marks is drawn as a letter with a few of its marks.
    let marks = s.items.iter().find_map(|i| match &i.shape {
        Shape::Text { text, .. } if text.starts_with('Z') => Some(text.to_string()),
        _ => None,
    });
    let marks = marks.expect("the card's title is drawn");
    assert!(
        marks.chars().count() <= crate::shown::MAX_GRAPHEME_CHARS + 1,
        "{marks:?}"
    );
}

/// The delivery template with two notes pinned in the customer's cell at
/// "Pays" (connectors leave it to the right and down) and loose notes put
/// over a card, a stage header and a connector.
fn delivery_workshop() -> (Blueprint, Layout) {
    let mut bp = crate::templates::find("delivery")
        .unwrap()
        .load(Language::En)
        .unwrap();
    let bare = layout::layout(&bp, Options::default());
    for text in ["Card declined: what then?", "Apple Pay?"] {
        bp.notes.push(Note::pinned(
            LaneId::from("lane-customer"),
            StepId::from("step-pay"),
            text.into(),
            NoteColour::Yellow,
        ));
    }
    let courier = bare
        .card(&TouchpointId::from("tp-receive-courier"))
        .unwrap();
    let stage = &bare.stages[1].rect;
    let route = &bare.routes[0].points;
    for (at, text) in [
        (courier.rect.min, "Courier late twice"),
        (pos(stage.min.x + 10.0, stage.min.y), "Split this stage?"),
        (pos(route[0].x - 20.0, route[0].y - 20.0), "Why here?"),
    ] {
        bp.notes.push(Note::loose(
            Point::rounded(at.x, at.y),
            text.into(),
            NoteColour::Pink,
        ));
    }
    let l = layout::layout(&bp, Options::default());
    (bp, l)
}

#[test]
fn notes_never_lie_on_cards_headers_or_connectors() {
    let (bp, l) = delivery_workshop();
    let s = scene(&bp, &l, &Theme::LIGHT, Language::En);
    assert_eq!(l.notes.len(), 5);
    assert_eq!(l.notes.iter().filter(|n| n.loose).count(), 3);
    // The connectors as drawn, sampled every unit along each segment.
    let mut samples = Vec::new();
    for item in &s.items {
        if let (Owner::Connector(_), Shape::Path { points, .. }) = (&item.owner, &item.shape) {
            for w in points.windows(2) {
                let n = ((w[1].x - w[0].x).abs() + (w[1].y - w[0].y).abs()).ceil() as usize;
                for i in 0..=n {
                    let t = i as f32 / n.max(1) as f32;
                    samples.push(pos(
                        w[0].x + (w[1].x - w[0].x) * t,
                        w[0].y + (w[1].y - w[0].y) * t,
                    ));
                }
            }
        }
    }
    assert!(samples.len() > 1000, "the connectors are drawn");
    // The cards as drawn: the first shape of each card's items.
    let cards: Vec<Rect> = s
        .cards
        .iter()
        .filter_map(|r| match s.items.get(r.start).map(|i| &i.shape) {
            Some(Shape::Rect { rect, .. }) => Some(*rect),
            _ => None,
        })
        .collect();
    assert_eq!(cards.len(), l.cards.len());
    let headers: Vec<Rect> = l
        .stages
        .iter()
        .map(|s| s.rect)
        .chain(l.steps.iter().map(|s| s.header))
        .chain(l.lanes.iter().map(|l| l.label))
        .chain([l.title])
        .collect();
    for n in &l.notes {
        let note = &bp.notes[n.index].text;
        let r = n.rect;
        assert!(
            !samples.iter().any(|p| r.contains(*p)),
            "{note} lies on a connector"
        );
        assert!(!cards.iter().any(|c| c.intersects(&r)), "{note} on a card");
        assert!(
            !headers.iter().any(|h| h.intersects(&r)),
            "{note} on a header"
        );
    }
    // The pinned notes sit in their cell, right of its card.
    let cell = l
        .cell_rect(&LaneId::from("lane-customer"), &StepId::from("step-pay"))
        .unwrap();
    let card = l.card(&TouchpointId::from("tp-pay-customer")).unwrap();
    for n in l.notes.iter().filter(|n| !n.loose) {
        assert!(cell.contains(n.rect.min) && cell.contains(n.rect.max));
        assert!(n.rect.min.x > card.rect.max.x);
    }
    // Loose notes stay near where they were put, and apart.
    let loose: Vec<&Rect> = l
        .notes
        .iter()
        .filter(|n| n.loose)
        .map(|n| &n.rect)
        .collect();
    for (i, a) in loose.iter().enumerate() {
        let at = bp.notes[l.notes.iter().filter(|n| n.loose).nth(i).unwrap().index]
            .at
            .unwrap();
        assert!(
            (a.min.x - at.x as f32).hypot(a.min.y - at.y as f32) < 300.0,
            "{a:?} {at:?}"
        );
        for b in &loose[i + 1..] {
            assert!(!a.intersects(b));
        }
    }
}

#[test]
fn notes_grow_only_the_lane_they_sit_in() {
    let (mut bp, with) = delivery_workshop();
    bp.notes.clear();
    let without = layout::layout(&bp, Options::default());
    for (a, b) in with.lanes.iter().zip(&without.lanes) {
        if a.id.as_str() != "lane-customer" {
            assert_eq!(a.rect.height(), b.rect.height(), "{}", a.id);
        }
    }
    // One note beside a card takes no more height than the card.
    bp.notes.push(Note::pinned(
        LaneId::from("lane-customer"),
        StepId::from("step-pay"),
        "One".into(),
        NoteColour::Yellow,
    ));
    let one = layout::layout(&bp, Options::default());
    for (a, b) in one.lanes.iter().zip(&without.lanes) {
        assert_eq!(a.rect.height(), b.rect.height(), "{}", a.id);
    }
}

/// After a step is put first, every card lies a column further right: each
/// is taken over from the scene before (its texts shared, none measured
/// again) and moved, and the scene is the one drawn anew but for rounding
/// in the last bits of the moved cards' coordinates.
#[test]
fn cards_moved_by_an_edit_are_taken_over_moved() {
    let mut bp = hotel();
    let o = overlay(&bp);
    let l = layout::layout(&bp, Options::default());
    let before = scene_with(&bp, &l, &Theme::LIGHT, Language::En, &o);
    bp.stages[0].steps.insert(
        0,
        crate::model::Step {
            id: StepId::from("step-first"),
            name: "First".into(),
            duration_min: None,
        },
    );
    let o = overlay(&bp);
    let moved = layout::layout(&bp, Options::default());
    let previous = Previous {
        scene: &before,
        layout: &l,
    };
    let after = scene_after(&bp, &moved, &Theme::LIGHT, Language::En, &o, Some(previous));
    let fresh = scene_with(&bp, &moved, &Theme::LIGHT, Language::En, &o);
    assert_eq!(difference(&after, &fresh), None);
    let texts = |s: &Scene, l: &Layout, id: &str| -> Vec<std::sync::Arc<str>> {
        s.items[s.cards[card_of(l, id)].clone()]
            .iter()
            .filter_map(|i| match &i.shape {
                Shape::Text { text, .. } => Some(text.clone()),
                _ => None,
            })
            .collect()
    };
    for c in &l.cards {
        let id = c.id.as_str();
        let was = l.card(&c.id).unwrap().rect;
        let now = moved.card(&c.id).unwrap().rect;
        assert!(now.min.x > was.min.x, "{id} moved right");
        let (old, new) = (texts(&before, &l, id), texts(&after, &moved, id));
        assert!(!new.is_empty());
        assert_eq!(old.len(), new.len());
        assert!(
            old.iter()
                .zip(&new)
                .all(|(a, b)| std::sync::Arc::ptr_eq(a, b)),
            "{id} was drawn anew"
        );
    }
}
