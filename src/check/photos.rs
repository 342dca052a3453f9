//! The rule on photos of physical evidence: each photo a touchpoint shows
//! says what it shows (its text alternative), for screen readers and the
//! SVG, PDF and HTML exports.

use super::context::Ctx;
use super::{Arg, Element, Finding};
use crate::i18n::{Msg, count};

/// Each photo on a touchpoint whose text alternative is empty (or only
/// spaces): one finding per photo, numbered as the card shows them.
pub(super) fn photo_without_alt(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, tp) in cx.bp.touchpoints.iter().enumerate() {
        for (j, photo) in tp.photos.iter().enumerate() {
            if !photo.alt.trim().is_empty() {
                continue;
            }
            // The number is the same in both languages below 1,000; a
            // touchpoint shows at most 20 photos.
            let number = Arg::Text(count(j + 1, crate::model::Language::En).into());
            let element = Element::Touchpoint(tp.id.clone());
            let args = vec![number, Arg::Name];
            out.push(
                Finding::new("photo-without-alt", element, Msg::FindPhotoWithoutAlt, args).at(i),
            );
        }
    }
}
