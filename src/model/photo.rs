//! Photos of physical evidence: what the customer sees and touches at a
//! touchpoint (the lobby, the registration card, the room).
//!
//! A blueprint stores each photo once ([`Photo`], in `Blueprint::photos`),
//! downscaled and re-encoded, inside the document, so the file stays one
//! file to mail or commit. A touchpoint shows photos through [`PhotoUse`]s,
//! each with its own caption and text alternative. Format version 8.

use super::ids::PhotoId;
use base64::Engine as _;
use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// How a stored photo is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum PhotoFormat {
    /// A photograph without transparency.
    #[serde(rename = "image/jpeg")]
    Jpeg,
    /// An image with transparency, or a screenshot that JPEG would blur.
    #[serde(rename = "image/png")]
    Png,
}

impl PhotoFormat {
    /// The media type, as in a data URL: `image/jpeg`.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }
}

/// A photo's encoded bytes, shared: cloning a blueprint (undo, a snapshot
/// for a worker) copies a pointer, not the photo. Written as base64.
#[derive(Clone, PartialEq, Eq, Default)]
pub struct PhotoData(pub Arc<[u8]>);

impl std::fmt::Debug for PhotoData {
    /// Its size, not its bytes: a failed test comparing documents with
    /// photos, or a log, does not print megabytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PhotoData({} bytes)", self.0.len())
    }
}

impl PhotoData {
    /// The encoded bytes.
    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl Serialize for PhotoData {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&base64::engine::general_purpose::STANDARD.encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for PhotoData {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        base64::engine::general_purpose::STANDARD
            .decode(text.as_bytes())
            .map(|bytes| Self(bytes.into()))
            .map_err(|e| serde::de::Error::custom(format!("invalid base64: {e}")))
    }
}

impl JsonSchema for PhotoData {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PhotoData".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "contentEncoding": "base64",
            "description": "The photo's encoded bytes (JPEG or PNG), in base64."
        })
    }
}

/// A photo stored in the blueprint, once however many cards show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Photo {
    /// Made from the stored bytes ([`PhotoId::of`]).
    pub id: PhotoId,
    /// How `data` is encoded.
    pub format: PhotoFormat,
    /// Size in pixels, as stored (after downscaling); the size the data's
    /// header gives.
    #[schemars(range(min = 1, max = super::limits::PHOTO_SIDE))]
    pub width: u32,
    #[schemars(range(min = 1, max = super::limits::PHOTO_SIDE))]
    pub height: u32,
    pub data: PhotoData,
}

/// A photo shown on a touchpoint.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhotoUse {
    /// The photo in `Blueprint::photos`.
    pub photo: PhotoId,
    /// Shown under the photo.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schemars(length(max = super::limits::CAPTION_CHARS))]
    pub caption: String,
    /// What the photo shows, for screen readers and the exports' text
    /// alternatives. A photo without one is a check finding.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schemars(length(max = super::limits::ALT_CHARS))]
    pub alt: String,
}

impl PhotoUse {
    /// A use of `photo` with no caption and no text alternative yet.
    pub fn new(photo: PhotoId) -> Self {
        Self {
            photo,
            caption: String::new(),
            alt: String::new(),
        }
    }
}

/// The ids of the photos a document needs: those its touchpoints show,
/// and those a value kept in a merge conflict would show once taken. Any
/// other stored photo is dropped when the document is written.
pub fn photos_needed<'a>(
    touchpoints: &'a [super::Touchpoint],
    conflicts: &'a [super::Conflict],
) -> foldhash::HashSet<&'a str> {
    fn strings<'v>(v: &'v serde_json::Value, out: &mut foldhash::HashSet<&'v str>) {
        match v {
            serde_json::Value::String(s) if s.starts_with("ph-") => {
                out.insert(s.as_str());
            }
            serde_json::Value::Array(list) => list.iter().for_each(|v| strings(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| strings(v, out)),
            _ => {}
        }
    }
    let mut used: foldhash::HashSet<&str> = touchpoints
        .iter()
        .flat_map(|tp| tp.photos.iter().map(|u| u.photo.as_str()))
        .collect();
    for c in conflicts {
        for v in [&c.ours, &c.theirs].into_iter().flatten() {
            strings(v, &mut used);
        }
    }
    used
}
