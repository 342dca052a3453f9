//! The integrity of photos: each stored once, within its limits, its
//! bytes of the format it says and of the size it says (read from the
//! header alone: opening never decodes a pixel); each photo a touchpoint
//! shows stored, its caption and text alternative within their lengths.

use super::validate::{IntegrityError, Place, Problem, dangling, limits};
use super::{Blueprint, DocPath, Photo, PhotoFormat, PhotoId, Touchpoint};
use crate::i18n::{ErrMsg, Localized, count};
use crate::model::Language;
use crate::photo::HeaderError;
use foldhash::{HashMap, HashMapExt};

/// What is wrong with a photo, or with a touchpoint's photos.
#[derive(Clone, Debug, PartialEq)]
pub enum PhotoProblem {
    /// More photos on one touchpoint than it may show.
    TooManyOnTouchpoint { count: usize, limit: usize },
    /// One stored photo larger than [`limits::PHOTO_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// All stored photos larger than [`limits::PHOTOS_TOTAL_BYTES`].
    TotalTooLarge { bytes: usize, limit: usize },
    /// A caption or text alternative longer than it may be: which
    /// (`a caption`, `a text alternative`), its length in characters.
    TextTooLong {
        what: &'static str,
        chars: usize,
        limit: usize,
    },
    /// A width or height of 0, or over [`limits::PHOTO_SIDE`].
    Size { width: u32, height: u32, max: u32 },
    /// The bytes do not start as the format's do.
    NotItsFormat { format: PhotoFormat },
    /// The header gives another size than `width` and `height`.
    SizeDisagrees {
        header: (u32, u32),
        stated: (u32, u32),
    },
    /// The header is cut short, or gives no size.
    Damaged(HeaderError),
}

impl Localized for PhotoProblem {
    fn message(&self, lang: Language) -> String {
        let n = |v: usize| count(v, lang);
        let px = |v: u32| count(v as usize, lang);
        match self {
            Self::TooManyOnTouchpoint { count: c, limit } => ErrMsg::IntTooManyOnTouchpoint
                .fill(lang, &[&n(*c), &ErrMsg::WordPhotos.text(lang), &n(*limit)]),
            Self::TooLarge { bytes, limit } => {
                ErrMsg::IntPhotoTooLarge.fill(lang, &[&n(*bytes), &n(*limit)])
            }
            Self::TotalTooLarge { bytes, limit } => {
                ErrMsg::IntPhotosTooLarge.fill(lang, &[&n(*bytes), &n(*limit)])
            }
            Self::TextTooLong { what, chars, limit } => ErrMsg::IntTextTooLong.fill(
                lang,
                &[&super::element_word(what, lang), &n(*chars), &n(*limit)],
            ),
            Self::Size { width, height, max } => {
                ErrMsg::IntPhotoSize.fill(lang, &[&px(*width), &px(*height), &px(*max)])
            }
            Self::NotItsFormat { format } => {
                let name = match format {
                    PhotoFormat::Jpeg => "JPEG",
                    PhotoFormat::Png => "PNG",
                };
                ErrMsg::IntPhotoNotItsFormat.fill(lang, &[&name])
            }
            Self::SizeDisagrees { header, stated } => ErrMsg::IntPhotoSizeDisagrees.fill(
                lang,
                &[&px(header.0), &px(header.1), &px(stated.0), &px(stated.1)],
            ),
            Self::Damaged(why) => {
                let why = match why {
                    HeaderError::Cut => ErrMsg::PhotoHeaderCut,
                    HeaderError::NoSize | HeaderError::NotItsFormat => ErrMsg::PhotoHeaderNoSize,
                };
                ErrMsg::IntPhotoDamaged.fill(lang, &[&why.text(lang)])
            }
        }
    }
}

fn photo_problem(path: DocPath, p: PhotoProblem) -> Problem {
    Problem {
        path,
        error: IntegrityError::Photo(p),
    }
}

/// The problems of the stored photo `photos[i]`, but for its id: its
/// size in bytes and pixels, and its header.
pub(crate) fn check_photo(photo: &Photo, i: usize, out: &mut Vec<Problem>) {
    let p = Place::At("photos", i);
    let bytes = photo.data.bytes();
    if bytes.len() > limits::PHOTO_BYTES {
        out.push(photo_problem(
            p.key("data"),
            PhotoProblem::TooLarge {
                bytes: bytes.len(),
                limit: limits::PHOTO_BYTES,
            },
        ));
    }
    let (w, h) = (photo.width, photo.height);
    let side = 1..=limits::PHOTO_SIDE;
    if !side.contains(&w) || !side.contains(&h) {
        let key = if side.contains(&w) { "height" } else { "width" };
        out.push(photo_problem(
            p.key(key),
            PhotoProblem::Size {
                width: w,
                height: h,
                max: limits::PHOTO_SIDE,
            },
        ));
        return;
    }
    match crate::photo::header(photo.format, bytes) {
        Ok(header) if header == (w, h) => {}
        Ok(header) => out.push(photo_problem(
            p.key("width"),
            PhotoProblem::SizeDisagrees {
                header,
                stated: (w, h),
            },
        )),
        Err(HeaderError::NotItsFormat) => out.push(photo_problem(
            p.key("data"),
            PhotoProblem::NotItsFormat {
                format: photo.format,
            },
        )),
        Err(why) => out.push(photo_problem(p.key("data"), PhotoProblem::Damaged(why))),
    }
}

/// The problems of the photos touchpoint `touchpoints[i]` shows: how
/// many, each stored (`has_photo`), each caption and text alternative
/// within its length.
pub(crate) fn check_photo_uses(
    tp: &Touchpoint,
    i: usize,
    has_photo: &mut impl FnMut(&str) -> bool,
    out: &mut Vec<Problem>,
) {
    if tp.photos.is_empty() {
        return;
    }
    let at = Place::At("touchpoints", i).key("photos");
    if tp.photos.len() > limits::PHOTOS_PER_TOUCHPOINT {
        out.push(photo_problem(
            at.clone(),
            PhotoProblem::TooManyOnTouchpoint {
                count: tp.photos.len(),
                limit: limits::PHOTOS_PER_TOUCHPOINT,
            },
        ));
    }
    for (j, u) in tp.photos.iter().enumerate() {
        let at = at.clone().index(j);
        if !has_photo(u.photo.as_str()) {
            out.push(dangling(
                at.clone().key("photo"),
                "touchpoint",
                tp.id.as_str(),
                "photo",
                u.photo.as_str(),
            ));
        }
        for (key, what, text, limit) in [
            ("caption", "a caption", &u.caption, limits::CAPTION_CHARS),
            ("alt", "a text alternative", &u.alt, limits::ALT_CHARS),
        ] {
            // Counted only where the bytes could be too many characters.
            if text.len() > limit {
                let chars = text.chars().count();
                if chars > limit {
                    out.push(photo_problem(
                        at.clone().key(key),
                        PhotoProblem::TextTooLong { what, chars, limit },
                    ));
                }
            }
        }
    }
}

/// The problems of photos just stored in `bp` (`new`), each checked as a
/// file's are, and of the blueprint's photos as a whole: their count and
/// their bytes.
pub(crate) fn check_stored_photos(bp: &Blueprint, new: &[PhotoId], out: &mut Vec<Problem>) {
    out.extend(super::validate::too_many(
        "photos",
        "photos",
        bp.photos.len(),
        limits::PHOTOS,
    ));
    for (i, photo) in bp.photos.iter().enumerate() {
        if new.contains(&photo.id) {
            check_photo(photo, i, out);
        }
    }
    let total = bp.photos.iter().map(|p| p.data.bytes().len()).sum();
    out.extend(total_too_large(total));
}

/// The problem of photos of `total` bytes, over what a blueprint holds.
fn total_too_large(total: usize) -> Option<Problem> {
    (total > limits::PHOTOS_TOTAL_BYTES).then(|| {
        photo_problem(
            DocPath::root().key("photos"),
            PhotoProblem::TotalTooLarge {
                bytes: total,
                limit: limits::PHOTOS_TOTAL_BYTES,
            },
        )
    })
}

/// Every problem of the blueprint's photos and of the touchpoints' uses
/// of them (their count apart, checked with the other counts).
pub(crate) fn check_photos(bp: &Blueprint, out: &mut Vec<Problem>) {
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(bp.photos.len());
    let mut total = 0usize;
    for (i, photo) in bp.photos.iter().enumerate() {
        let id = photo.id.as_str();
        let place = Place::At("photos", i);
        if id.is_empty() {
            out.push(Problem {
                path: place.path(),
                error: IntegrityError::EmptyId,
            });
        } else if let Some(&j) = first.get(id) {
            out.push(Problem {
                path: place.path(),
                error: IntegrityError::DuplicateId {
                    id: id.to_owned(),
                    first: Place::At("photos", j).path().to_string(),
                },
            });
        } else {
            first.insert(id, i);
        }
        total = total.saturating_add(photo.data.bytes().len());
        check_photo(photo, i, out);
    }
    out.extend(total_too_large(total));
    let mut has = |id: &str| first.contains_key(id);
    for (i, tp) in bp.touchpoints.iter().enumerate() {
        check_photo_uses(tp, i, &mut has, out);
    }
}

/// One value of every variant, for the table of every error's messages.
#[cfg(test)]
pub(crate) fn every_variant() -> Vec<PhotoProblem> {
    let all = vec![
        PhotoProblem::TooManyOnTouchpoint {
            count: 21,
            limit: 20,
        },
        PhotoProblem::TooLarge {
            bytes: 20_000_000,
            limit: 16_777_216,
        },
        PhotoProblem::TotalTooLarge {
            bytes: 200_000_000,
            limit: 100_663_296,
        },
        PhotoProblem::TextTooLong {
            what: "a caption",
            chars: 1_200,
            limit: 1_000,
        },
        PhotoProblem::TextTooLong {
            what: "a text alternative",
            chars: 2_200,
            limit: 2_000,
        },
        PhotoProblem::Size {
            width: 0,
            height: 3_000,
            max: 2_048,
        },
        PhotoProblem::NotItsFormat {
            format: PhotoFormat::Png,
        },
        PhotoProblem::SizeDisagrees {
            header: (1_600, 1_200),
            stated: (1_200, 1_600),
        },
        PhotoProblem::Damaged(HeaderError::Cut),
        PhotoProblem::Damaged(HeaderError::NoSize),
    ];
    for e in &all {
        match e {
            PhotoProblem::TooManyOnTouchpoint { .. }
            | PhotoProblem::TooLarge { .. }
            | PhotoProblem::TotalTooLarge { .. }
            | PhotoProblem::TextTooLong { .. }
            | PhotoProblem::Size { .. }
            | PhotoProblem::NotItsFormat { .. }
            | PhotoProblem::SizeDisagrees { .. }
            | PhotoProblem::Damaged(_) => {}
        }
    }
    all
}
