//! The rule on titles cut on their cards: the card grows to show a long
//! title (see [`crate::layout::title`]) up to a number of lines; past that
//! it shows the start, and the exports carry the whole title.

use super::Finding;
use super::context::Ctx;
use super::rules::push_touchpoint;
use crate::i18n::Msg;

/// Touchpoints whose title does not fit on its card, even grown to its most
/// lines.
pub(super) fn title_cut(cx: &Ctx, out: &mut Vec<Finding>) {
    // Measured here when the caller has not.
    let none = crate::layout::title::Fits::default();
    let fits = cx.fits.unwrap_or(&none);
    for (i, fit) in fits.of_touchpoints(cx.bp).enumerate() {
        if fit.cut {
            push_touchpoint(cx, out, "title-cut", i, Msg::FindTitleCut);
        }
    }
}
