//! The report's photos of physical evidence (#30): each touchpoint's
//! photos as figures, with their captions and text alternatives.
//!
//! Each photo's bytes are in the page once, however many touchpoints show
//! it and though the diagram shows it too: one hidden `<svg>` defines the
//! photos ([`definitions`]), and the diagram's cards and the figures place
//! them with `<use>`. A figure is an inline `<svg role="img">` named by its
//! text alternative, not an `<img>`: an `<img>` would need the bytes again
//! in its own data URL, for every touchpoint that shows the photo, and a
//! report with many photos is mailed and put on documentation wikis.

use super::html::escape;
use crate::i18n::Msg;
use crate::model::{Blueprint, Language, Photo, PhotoId};
use crate::render::svg_photos::{self, Href};
use std::collections::HashMap;
use std::fmt::Write;

/// The photos that touchpoints show and that can be drawn, by id.
fn shown(bp: &Blueprint) -> HashMap<&PhotoId, &Photo> {
    let used: std::collections::HashSet<&PhotoId> = bp
        .touchpoints
        .iter()
        .flat_map(|t| &t.photos)
        .map(|u| &u.photo)
        .collect();
    bp.photos
        .iter()
        .filter(|p| used.contains(&p.id) && p.width > 0 && p.height > 0)
        .map(|p| (&p.id, p))
        .collect()
}

/// The page's one definition of each photo a touchpoint shows, hidden,
/// for the diagram and the figures to place.
pub(super) fn definitions(h: &mut String, bp: &Blueprint) {
    let shown = shown(bp);
    if shown.is_empty() {
        return;
    }
    h.push_str(
        "<svg class=\"photo-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\" focusable=\"false\"><defs>\n",
    );
    // In the blueprint's order, so that the page is the same each time.
    for p in bp.photos.iter().filter(|p| shown.contains_key(&p.id)) {
        svg_photos::write_definition(h, p, Href::DataUrl);
    }
    h.push_str("</defs></svg>\n");
}

/// The section of photos: each touchpoint that shows any, in the order of
/// the diagram, with its place and its photos as figures.
pub(super) fn photos_section(h: &mut String, bp: &Blueprint, lang: Language) {
    let shown = shown(bp);
    if shown.is_empty() {
        return;
    }
    let steps: HashMap<_, _> = bp
        .steps()
        .enumerate()
        .map(|(i, (stage, step))| (&step.id, (i, stage, step)))
        .collect();
    let lanes: HashMap<_, _> = bp
        .lanes
        .iter()
        .enumerate()
        .map(|(i, lane)| (&lane.id, (i, lane)))
        .collect();
    // Only the touchpoints with photos, in the order of the diagram.
    let mut shown_on: Vec<_> = bp
        .touchpoints
        .iter()
        .filter(|t| t.photos.iter().any(|u| shown.contains_key(&u.photo)))
        .filter_map(|t| Some((t, *steps.get(&t.step)?, *lanes.get(&t.lane)?)))
        .collect();
    shown_on.sort_by_key(|(_, (step_at, ..), (lane_at, _))| (*step_at, *lane_at));
    let mut body = String::new();
    for (tp, (_, stage, step), (_, lane)) in shown_on {
        let _ = writeln!(
            body,
            "<h3>{}</h3>\n<p class=\"cell\">{} › {} · {}</p>\n<div class=\"figures\">",
            escape(&tp.title),
            escape(&stage.name),
            escape(&step.name),
            escape(&lane.name)
        );
        for u in &tp.photos {
            let Some(p) = shown.get(&u.photo) else {
                continue;
            };
            body.push_str("<figure>");
            let attrs = if u.alt.is_empty() {
                // No text alternative (a check finding): the caption says
                // what there is to say.
                " aria-hidden=\"true\"".to_owned()
            } else {
                format!(" role=\"img\" aria-label=\"{}\"", escape(&u.alt))
            };
            svg_photos::write_use(&mut body, &p.id, (p.width, p.height), &attrs);
            if !u.caption.is_empty() {
                let _ = write!(body, "<figcaption>{}</figcaption>", escape(&u.caption));
            }
            body.push_str("</figure>\n");
        }
        body.push_str("</div>\n");
    }
    let _ = writeln!(
        h,
        "<section class=\"photos\">\n<h2>{}</h2>\n{body}</section>",
        Msg::ReportPhotos.text(lang)
    );
}
