//! Versions of a blueprint with photos: `diff` says which photo was added
//! or removed and what of its caption or text alternative changed (never
//! the stored bytes); a merge keeps the photos either side's cards show.

use super::documents::hotel;
use super::documents::photos::{photo, showing};
use servuction::format;
use servuction::model::*;
use servuction::versions::{self, Side};

fn lines(old: &Blueprint, new: &Blueprint, lang: Language) -> String {
    versions::changes_text(&versions::diff(old, new), old, new, lang)
}

#[test]
fn a_diff_of_photos_says_what_changed_in_words_not_bytes() {
    let (a, b, c) = (photo(1), photo(2), photo(3));
    let old = showing(hotel(), vec![a.clone(), b.clone()]);
    let mut new = old.clone();
    let first = &mut new.touchpoints[0].photos;
    first[0].caption = "The lobby at night".into();
    first[0].alt = String::new();
    new.touchpoints[1].photos.clear();
    new.touchpoints[2].photos.push(PhotoUse {
        photo: c.id.clone(),
        caption: "Key card".into(),
        alt: "A white key card in its sleeve".into(),
    });
    new.photos.push(c.clone());
    let text = lines(&old, &new, Language::En);
    let (ia, ib, ic) = (a.id.to_string(), b.id.to_string(), c.id.to_string());
    for want in [
        format!("  caption of photo {ia}: \"Photo 0 «ñ»\" -> \"The lobby at night\""),
        format!(
            "  text alternative of photo {ia} \"The lobby at night\": \"What photo 0 shows\" -> (none)"
        ),
        format!("  photo removed: {ib} \"Photo 1 «ñ»\""),
        format!("  photo added: {ic} \"Key card\""),
    ] {
        assert!(text.contains(&want), "{want}\nin\n{text}");
    }
    let base64 = |p: &Photo| {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(&p.data.bytes()[..30])
    };
    assert!(
        !text.contains(&base64(&c)) && !text.contains(&base64(&a)),
        "{text}"
    );
    assert!(text.lines().all(|l| l.chars().count() < 160), "{text}");
    // `servuction show` neither.
    let shown = versions::outline(&new, Language::En);
    assert!(!shown.contains(&base64(&c)), "{shown:.2000}");
    assert!(shown.contains(&ic), "{shown:.2000}");
    let es = lines(&old, &new, Language::Es);
    assert!(
        es.contains(&format!("  foto añadida: {ic} «Key card»")),
        "{es}"
    );
    assert!(
        es.contains(&format!(
            "  pie de la foto {ia}: «Photo 0 «ñ»» -> «The lobby at night»"
        )),
        "{es}"
    );
    // The same photos in another order.
    let mut swapped = old.clone();
    swapped.touchpoints[0]
        .photos
        .push(PhotoUse::new(b.id.clone()));
    let mut reordered = swapped.clone();
    reordered.touchpoints[0].photos.reverse();
    let text = lines(&swapped, &reordered, Language::En);
    assert!(text.contains("  photos in another order"), "{text}");
    assert!(
        !text.contains("added") && !text.contains("removed"),
        "{text}"
    );
}

#[test]
fn a_merge_keeps_the_photos_each_side_added() {
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let (a, b) = (photo(11), photo(12));
    servuction::photo::attach(
        &mut ours,
        base.touchpoints[0].id.as_str(),
        a.clone(),
        "Ours",
        "Our lobby",
    )
    .unwrap();
    servuction::photo::attach(
        &mut theirs,
        base.touchpoints[1].id.as_str(),
        b.clone(),
        "Theirs",
        "Their desk",
    )
    .unwrap();
    // The same photo added on both sides is stored once.
    servuction::photo::attach(
        &mut theirs,
        base.touchpoints[2].id.as_str(),
        a.clone(),
        "",
        "Our lobby, theirs too",
    )
    .unwrap();
    let merged = versions::merge(&base, &ours, &theirs);
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let doc = &merged.doc;
    let ids: Vec<&str> = doc.photos.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, [a.id.as_str(), b.id.as_str()]);
    assert_eq!(doc.touchpoints[0].photos[0].caption, "Ours");
    assert_eq!(doc.touchpoints[1].photos[0].photo, b.id);
    assert_eq!(doc.touchpoints[2].photos[0].alt, "Our lobby, theirs too");
    assert!(doc.problems().is_empty(), "{:?}", doc.problems());
    let back = format::from_str(&format::to_string(doc).unwrap()).unwrap();
    assert_eq!(&back, doc);
}

/// Both sides add a different photo to the same card: ours is kept, theirs
/// waits in the conflict, and its photo is kept (and written) so that
/// taking theirs, even after saving and opening again, leaves no card
/// showing a photo the document does not store.
#[test]
fn a_photo_waiting_in_a_conflict_is_kept_until_it_is_resolved() {
    let base = hotel();
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    let (a, b) = (photo(21), photo(22));
    let id = base.touchpoints[0].id.as_str();
    servuction::photo::attach(&mut ours, id, a.clone(), "", "Ours").unwrap();
    servuction::photo::attach(&mut theirs, id, b.clone(), "", "Theirs").unwrap();
    let merged = versions::merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(merged.doc.touchpoints[0].photos[0].photo, a.id);
    let mut doc = format::from_str(&format::to_string(&merged.doc).unwrap()).unwrap();
    assert!(
        doc.photos.iter().any(|p| p.id == b.id),
        "their photo was dropped"
    );
    let at = doc
        .conflicts
        .iter()
        .position(|c| c.kind == ElementKind::Touchpoint)
        .unwrap();
    versions::resolve(&mut doc, at, Side::Theirs).unwrap();
    assert_eq!(doc.touchpoints[0].photos[0].photo, b.id);
    assert!(doc.problems().is_empty(), "{:?}", doc.problems());
    // Ours is no longer needed: it is not written.
    let back = format::from_str(&format::to_string(&doc).unwrap()).unwrap();
    assert_eq!(
        back.photos.iter().map(|p| &p.id).collect::<Vec<_>>(),
        [&b.id]
    );
}
