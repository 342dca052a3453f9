//! Helpers for the unit tests.

/// A small xorshift generator of numbers below `n`: random-looking inputs
/// that repeat from run to run, with no seed to keep.
pub(crate) fn numbers(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}

/// The hotel template in English, which most unit tests start from.
pub(crate) fn hotel() -> crate::model::Blueprint {
    crate::templates::find("hotel")
        .unwrap()
        .load(crate::model::Language::En)
        .unwrap()
}

/// Adds a photo to `scene` over everything, as a card will show it.
pub(crate) fn push_image(
    scene: &mut crate::scene::Scene,
    rect: crate::layout::Rect,
    photo: crate::model::PhotoId,
    alt: &str,
) {
    let shape = crate::scene::Shape::Image {
        rect,
        photo,
        alt: alt.into(),
    };
    scene.items.push(crate::scene::Item {
        bounds: shape.bounds(),
        shape,
        owner: crate::scene::Owner::None,
        backs_text: None,
        full_text: None,
    });
}
