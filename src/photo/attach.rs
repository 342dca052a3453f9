//! Adding a photo to a touchpoint within the blueprint's limits: the
//! photo stored once however many cards show it.

use super::PhotoError;
use crate::model::limits;
use crate::model::{Blueprint, Photo, PhotoUse};

/// Whether `photo` can be shown on the touchpoint `touchpoint`: the card
/// has room for one more photo, and, where the blueprint does not store
/// the photo yet, the blueprint has room for it.
pub fn room_for(bp: &Blueprint, touchpoint: &str, photo: &Photo) -> Result<(), PhotoError> {
    let tp = bp
        .touchpoints
        .iter()
        .find(|t| t.id.as_str() == touchpoint)
        .ok_or_else(|| PhotoError::NoTouchpoint(touchpoint.to_owned()))?;
    if tp.photos.len() >= limits::PHOTOS_PER_TOUCHPOINT {
        return Err(PhotoError::TooManyOnTouchpoint {
            touchpoint: touchpoint.to_owned(),
            limit: limits::PHOTOS_PER_TOUCHPOINT,
        });
    }
    if bp.photos.iter().any(|p| p.id == photo.id) {
        return Ok(());
    }
    if bp.photos.len() >= limits::PHOTOS {
        return Err(PhotoError::TooManyInBlueprint {
            limit: limits::PHOTOS,
        });
    }
    let bytes = photo.data.bytes().len() as u64;
    if bytes > limits::PHOTO_BYTES as u64 {
        return Err(PhotoError::TooLarge {
            bytes,
            limit: limits::PHOTO_BYTES as u64,
        });
    }
    let total = bp
        .photos
        .iter()
        .map(|p| p.data.bytes().len() as u64)
        .sum::<u64>()
        + bytes;
    if total > limits::PHOTOS_TOTAL_BYTES as u64 {
        return Err(PhotoError::BlueprintFull {
            bytes: total,
            limit: limits::PHOTOS_TOTAL_BYTES as u64,
        });
    }
    Ok(())
}

/// Shows `photo` last on the touchpoint `touchpoint` with a caption and a
/// text alternative, storing the photo unless the blueprint has it
/// already. Nothing changes when there is no room ([`room_for`]).
pub fn attach(
    bp: &mut Blueprint,
    touchpoint: &str,
    photo: Photo,
    caption: &str,
    alt: &str,
) -> Result<(), PhotoError> {
    room_for(bp, touchpoint, &photo)?;
    let id = photo.id.clone();
    if !bp.photos.iter().any(|p| p.id == id) {
        bp.photos.push(photo);
    }
    if let Some(tp) = bp
        .touchpoints
        .iter_mut()
        .find(|t| t.id.as_str() == touchpoint)
    {
        tp.photos.push(PhotoUse {
            photo: id,
            caption: caption.to_owned(),
            alt: alt.to_owned(),
        });
    }
    Ok(())
}
