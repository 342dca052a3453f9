//! A touchpoint's photos changed, as a person reads it: each photo added
//! or removed, its caption or text alternative changed, or the photos in
//! another order; never the stored bytes (the touchpoint holds only each
//! photo's id; the blueprint stores the photo once).

use crate::i18n::CliMsg;
use crate::model::{Language, PhotoUse};
use crate::shown::one_line;
use serde_json::Value;

/// The uses of photos in a touchpoint's `photos` field as the file has it
/// (none where it is absent or not a list of uses).
fn uses(v: Option<&Value>) -> Vec<PhotoUse> {
    v.and_then(|v| serde_json::from_value(v.clone()).ok())
        .unwrap_or_default()
}

/// A photo as a line names it: its id, and its caption where it has one.
fn label(u: &PhotoUse, lang: Language) -> String {
    if u.caption.is_empty() {
        u.photo.to_string()
    } else {
        let caption = CliMsg::Quoted.fill(lang, &[&one_line(&u.caption)]);
        format!("{} {caption}", u.photo)
    }
}

fn text(t: &str, lang: Language) -> String {
    if t.is_empty() {
        CliMsg::ValueNone.text(lang).to_owned()
    } else {
        CliMsg::Quoted.fill(lang, &[&one_line(t)])
    }
}

/// The lines for a touchpoint's `photos` field changed from `old` to
/// `new`. The same photo shown twice is matched in order.
pub(super) fn photo_lines(old: Option<&Value>, new: Option<&Value>, lang: Language) -> Vec<String> {
    let (old, new) = (uses(old), uses(new));
    let mut taken = vec![false; old.len()];
    // For each new use, the old use of the same photo it continues.
    let matched: Vec<Option<usize>> = new
        .iter()
        .map(|n| {
            let i = (0..old.len()).find(|&i| !taken[i] && old[i].photo == n.photo)?;
            taken[i] = true;
            Some(i)
        })
        .collect();
    let mut out = Vec::new();
    for (o, _) in old.iter().zip(&taken).filter(|(_, t)| !**t) {
        out.push(CliMsg::DiffPhotoRemoved.fill(lang, &[&label(o, lang)]));
    }
    for (n, m) in new.iter().zip(&matched) {
        let Some(i) = *m else {
            out.push(CliMsg::DiffPhotoAdded.fill(lang, &[&label(n, lang)]));
            continue;
        };
        let o = &old[i];
        if o.caption != n.caption {
            out.push(CliMsg::DiffPhotoCaption.fill(
                lang,
                &[&n.photo, &text(&o.caption, lang), &text(&n.caption, lang)],
            ));
        }
        if o.alt != n.alt {
            out.push(CliMsg::DiffPhotoAlt.fill(
                lang,
                &[&label(n, lang), &text(&o.alt, lang), &text(&n.alt, lang)],
            ));
        }
    }
    let order: Vec<usize> = matched.iter().flatten().copied().collect();
    if order.windows(2).any(|w| w[0] > w[1]) {
        out.push(CliMsg::DiffPhotosReordered.text(lang).to_owned());
    }
    out
}
