//! Photos of physical evidence in edits: a photo is stored once in the
//! blueprint however many cards show it, put in with its first use and
//! taken out with its last, in the same change, so undo brings back both.

use super::ops::Tx;
use super::{EditError, index};
use crate::model::limits::PHOTOS_PER_TOUCHPOINT;
use crate::model::*;
use foldhash::HashSet;

/// Adds `photo` at the end of a touchpoint's photos, storing it unless a
/// photo with its id (the same bytes) is stored already.
pub(super) fn add(tx: &mut Tx, touchpoint: &TouchpointId, photo: Photo) -> Result<(), EditError> {
    let i = index::<Touchpoint>(tx, "touchpoint", touchpoint.as_str())?;
    let use_ = PhotoUse::new(photo.id.clone());
    store(tx, [photo]);
    tx.update::<Touchpoint>(i, |t| t.photos.push(use_));
    Ok(())
}

/// Stores the photos that are not stored yet (a paste brings the photos
/// its cards show).
pub(super) fn store(tx: &mut Tx, photos: impl IntoIterator<Item = Photo>) {
    let new: Vec<Photo> = photos
        .into_iter()
        .filter(|p| !tx.bp.photos.iter().any(|q| q.id == p.id))
        .collect();
    tx.extend(new);
}

/// Takes the photo at `at` off a touchpoint.
pub(super) fn remove(tx: &mut Tx, touchpoint: &TouchpointId, at: usize) -> Result<(), EditError> {
    let i = index::<Touchpoint>(tx, "touchpoint", touchpoint.as_str())?;
    if at >= tx.items::<Touchpoint>()[i].photos.len() {
        return Err(EditError::MissingPhoto(format!("#{}", at + 1)));
    }
    tx.update::<Touchpoint>(i, |t| {
        t.photos.remove(at);
    });
    Ok(())
}

/// Moves the photo at `at` one place earlier (`by < 0`) or later; at either
/// end it stays.
pub(super) fn shift(
    tx: &mut Tx,
    touchpoint: &TouchpointId,
    at: usize,
    by: i32,
) -> Result<(), EditError> {
    let i = index::<Touchpoint>(tx, "touchpoint", touchpoint.as_str())?;
    let n = tx.items::<Touchpoint>()[i].photos.len();
    if at >= n {
        return Err(EditError::MissingPhoto(format!("#{}", at + 1)));
    }
    let to = at as i64 + i64::from(by.signum());
    if to >= 0 && (to as usize) < n {
        tx.update::<Touchpoint>(i, |t| t.photos.swap(at, to as usize));
    }
    Ok(())
}

/// Drops the stored photos that lost their last use in this edit: one pass
/// over the touchpoints, only when a touchpoint stopped showing a photo.
pub(super) fn drop_unused(tx: &mut Tx) {
    if tx.touched.photos_dropped.is_empty() {
        return;
    }
    let dropped = std::mem::take(&mut tx.touched.photos_dropped);
    let mut unused: HashSet<&PhotoId> = dropped.iter().collect();
    for t in &tx.bp.touchpoints {
        for u in &t.photos {
            unused.remove(&u.photo);
        }
        if unused.is_empty() {
            return;
        }
    }
    let unused: HashSet<PhotoId> = unused.into_iter().cloned().collect();
    tx.remove_where::<Photo>(|p| unused.contains(&p.id));
}

/// Checks the touchpoints whose photos changed: at most
/// [`PHOTOS_PER_TOUCHPOINT`] each, every one stored.
pub(super) fn check(bp: &Blueprint, shown: &[TouchpointId]) -> Result<(), EditError> {
    if shown.is_empty() {
        return Ok(());
    }
    let wanted: HashSet<&str> = shown.iter().map(|t| t.as_str()).collect();
    let stored: HashSet<&PhotoId> = bp.photos.iter().map(|p| &p.id).collect();
    for t in bp
        .touchpoints
        .iter()
        .filter(|t| wanted.contains(t.id.as_str()))
    {
        if t.photos.len() > PHOTOS_PER_TOUCHPOINT {
            return Err(EditError::TooManyPhotos {
                max: PHOTOS_PER_TOUCHPOINT,
            });
        }
        if let Some(u) = t.photos.iter().find(|u| !stored.contains(&u.photo)) {
            return Err(EditError::MissingPhoto(u.photo.to_string()));
        }
    }
    // Captions and text alternatives within their lengths, checked as a
    // file is (the other problems were refused above).
    let mut problems = Vec::new();
    for (i, t) in bp.touchpoints.iter().enumerate() {
        if wanted.contains(t.id.as_str()) {
            crate::model::check_photo_uses(t, i, &mut |_| true, &mut problems);
        }
    }
    if let Some(p) = problems.into_iter().next() {
        return Err(EditError::Invalid(p));
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::{Edit, apply};
    use super::*;

    /// A stored photo, one for each `seed`: a 4 × 3 PNG whose pixels are
    /// made of the seed's bytes (edits check its header, as a file's).
    pub(crate) fn photo(seed: &[u8]) -> Photo {
        let img = image::RgbImage::from_fn(4, 3, |x, y| {
            let at = |k: u32| {
                seed.get((y * 4 + x + k) as usize % seed.len().max(1))
                    .copied()
            };
            image::Rgb([at(0).unwrap_or(0), at(1).unwrap_or(0), seed.len() as u8])
        });
        let mut png = Vec::new();
        image::DynamicImage::ImageRgb8(img)
            .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .unwrap();
        Photo {
            id: PhotoId::of(&png),
            format: PhotoFormat::Png,
            width: 4,
            height: 3,
            data: PhotoData(png.into()),
        }
    }

    fn add(bp: &mut Blueprint, tp: &TouchpointId, p: &Photo) -> super::super::Change {
        let edit = Edit::AddPhoto {
            touchpoint: tp.clone(),
            photo: p.clone(),
        };
        apply(bp, edit).unwrap()
    }

    #[test]
    fn a_photo_used_twice_is_stored_once_and_goes_with_its_last_use() {
        let mut bp = crate::testing::hotel();
        let (a, b) = (bp.touchpoints[0].id.clone(), bp.touchpoints[1].id.clone());
        let lobby = photo(b"lobby");
        add(&mut bp, &a, &lobby);
        add(&mut bp, &b, &lobby);
        assert_eq!(bp.photos, vec![lobby.clone()]);
        assert_eq!(bp.touchpoint(&b).unwrap().photos[0].photo, lobby.id);
        let remove = |tp: &TouchpointId| Edit::RemovePhoto {
            touchpoint: tp.clone(),
            index: 0,
        };
        apply(&mut bp, remove(&a)).unwrap();
        assert_eq!(bp.photos.len(), 1, "still shown on the second card");
        let before = bp.clone();
        let change = apply(&mut bp, remove(&b)).unwrap();
        assert!(bp.photos.is_empty(), "the last use took the photo along");
        assert!(bp.touchpoint(&b).unwrap().photos.is_empty());
        change.revert(&mut bp);
        assert_eq!(bp, before, "one undo brings back the use and the photo");
    }

    #[test]
    fn a_caption_or_text_alternative_too_long_for_a_file_is_refused() {
        let mut bp = crate::testing::hotel();
        let a = bp.touchpoints[0].id.clone();
        add(&mut bp, &a, &photo(b"lobby"));
        let before = bp.clone();
        let mut tp = bp.touchpoint(&a).unwrap().clone();
        tp.photos[0].alt = "é".repeat(crate::model::limits::ALT_CHARS + 1);
        let refused = apply(&mut bp, Edit::SetTouchpoint(tp.clone()));
        assert!(matches!(refused, Err(EditError::Invalid(_))), "{refused:?}");
        assert_eq!(bp, before);
        tp.photos[0].alt = "é".repeat(crate::model::limits::ALT_CHARS);
        apply(&mut bp, Edit::SetTouchpoint(tp)).unwrap();
    }

    #[test]
    fn a_paste_cannot_store_photos_a_file_would_refuse() {
        // A clip from the system clipboard may be made by hand: its photos
        // are checked as a file's are, and the blueprint's photo limits
        // hold, or nothing is stored.
        let mut bp = crate::testing::hotel();
        let before = bp.clone();
        let mut bad = photo(b"not a picture");
        bad.width = 1;
        bad.height = 1;
        let refused = apply(&mut bp, Edit::StorePhotos(vec![bad]));
        assert!(matches!(refused, Err(EditError::Invalid(_))), "{refused:?}");
        assert_eq!(bp, before);
        // Each photo well made, but one more than a blueprint holds.
        let many: Vec<Photo> = (0..=crate::model::limits::PHOTOS)
            .map(|i| photo(&[i as u8, (i >> 8) as u8]))
            .collect();
        let refused = apply(&mut bp, Edit::StorePhotos(many.clone()));
        assert!(matches!(refused, Err(EditError::Invalid(_))), "{refused:?}");
        assert_eq!(bp, before);
        apply(
            &mut bp,
            Edit::StorePhotos(many[..crate::model::limits::PHOTOS].to_vec()),
        )
        .unwrap();
        assert_eq!(bp.photos.len(), crate::model::limits::PHOTOS);
    }

    #[test]
    fn deleting_a_card_drops_the_photos_only_it_showed() {
        let mut bp = crate::testing::hotel();
        let a = bp.touchpoints[0].id.clone();
        add(&mut bp, &a, &photo(b"key card"));
        let before = bp.clone();
        let change = apply(&mut bp, Edit::DeleteTouchpoints(vec![a])).unwrap();
        assert!(bp.photos.is_empty());
        change.revert(&mut bp);
        assert_eq!(bp, before);
    }

    #[test]
    fn photos_move_and_stay_at_the_ends() {
        let mut bp = crate::testing::hotel();
        let a = bp.touchpoints[0].id.clone();
        let (p, q) = (photo(b"one"), photo(b"two"));
        add(&mut bp, &a, &p);
        add(&mut bp, &a, &q);
        let order = |bp: &Blueprint| -> Vec<PhotoId> {
            bp.touchpoint(&a)
                .unwrap()
                .photos
                .iter()
                .map(|u| u.photo.clone())
                .collect()
        };
        let shift = |index, by| Edit::MovePhoto {
            touchpoint: a.clone(),
            index,
            by,
        };
        apply(&mut bp, shift(1, -1)).unwrap();
        assert_eq!(order(&bp), vec![q.id.clone(), p.id.clone()]);
        apply(&mut bp, shift(0, -1)).unwrap();
        assert_eq!(
            order(&bp),
            vec![q.id.clone(), p.id.clone()],
            "first stays first"
        );
        assert!(matches!(
            apply(&mut bp, shift(5, 1)),
            Err(EditError::MissingPhoto(_))
        ));
    }

    #[test]
    fn a_card_takes_at_most_its_limit_of_photos_and_nothing_changes_past_it() {
        let mut bp = crate::testing::hotel();
        let a = bp.touchpoints[0].id.clone();
        for i in 0..PHOTOS_PER_TOUCHPOINT {
            add(&mut bp, &a, &photo(format!("photo {i}").as_bytes()));
        }
        let before = bp.clone();
        let edit = Edit::AddPhoto {
            touchpoint: a.clone(),
            photo: photo(b"one too many"),
        };
        let err = apply(&mut bp, edit).unwrap_err();
        assert_eq!(err, EditError::TooManyPhotos { max: 20 });
        assert_eq!(bp, before);
        use crate::i18n::Localized;
        let es = err.message(Language::Es);
        assert!(es.contains("20 fotos"), "{es}");
        // A use of a photo that is not stored is refused.
        let mut tp = bp.touchpoints[1].clone();
        tp.photos.push(PhotoUse::new(PhotoId::of(b"nowhere")));
        assert!(matches!(
            apply(&mut bp, Edit::SetTouchpoint(tp)),
            Err(EditError::MissingPhoto(_))
        ));
        assert_eq!(bp, before);
        // To a card deleted meanwhile: refused, nothing stored.
        let gone = Edit::AddPhoto {
            touchpoint: TouchpointId::from("tp-gone"),
            photo: photo(b"late"),
        };
        assert!(matches!(
            apply(&mut bp, gone),
            Err(EditError::Missing { .. })
        ));
        assert_eq!(bp, before);
    }

    #[test]
    fn copied_cards_paste_with_their_photos_into_another_document() {
        let mut hotel = crate::testing::hotel();
        let a = hotel.touchpoints[0].id.clone();
        let p = photo(b"desk");
        add(&mut hotel, &a, &p);
        let text = crate::edit::clipboard::copy(&hotel, &[a]).unwrap();
        let mut other = crate::testing::hotel();
        let (lane, step) = (
            other.lanes[0].id.clone(),
            other.stages[0].steps[0].id.clone(),
        );
        let (edits, ids) = crate::edit::clipboard::paste(&other, &text, (&lane, &step)).unwrap();
        crate::edit::apply_all(&mut other, edits).unwrap();
        assert_eq!(other.photos, vec![p.clone()]);
        assert_eq!(other.touchpoint(&ids[0]).unwrap().photos[0].photo, p.id);
    }
}
