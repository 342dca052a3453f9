//! Copy and paste of touchpoints, with their standards and the connectors
//! between them, as JSON text on the system clipboard, so it works between
//! documents and between windows.

use super::Edit;
use crate::model::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// What the clipboard holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Clip {
    /// Always `servuction-clip`, to tell our clips from other text.
    pub kind: String,
    pub touchpoints: Vec<Touchpoint>,
    pub standards: Vec<Standard>,
    pub connectors: Vec<Connector>,
    /// The photos the touchpoints show (absent in clips of older versions).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photos: Vec<Photo>,
}

const KIND: &str = "servuction-clip";

/// The clipboard text for some touchpoints of a blueprint.
pub fn copy(bp: &Blueprint, ids: &[TouchpointId]) -> Option<String> {
    let touchpoints: Vec<Touchpoint> = bp
        .touchpoints
        .iter()
        .filter(|t| ids.contains(&t.id))
        .cloned()
        .collect();
    if touchpoints.is_empty() {
        return None;
    }
    let shown: std::collections::HashSet<&PhotoId> = touchpoints
        .iter()
        .flat_map(|t| t.photos.iter().map(|u| &u.photo))
        .collect();
    let photos = bp
        .photos
        .iter()
        .filter(|p| shown.contains(&p.id))
        .cloned()
        .collect();
    let clip = Clip {
        kind: KIND.to_owned(),
        photos,
        standards: bp
            .standards
            .iter()
            .filter(|s| ids.contains(&s.touchpoint))
            .cloned()
            .collect(),
        connectors: bp
            .connectors
            .iter()
            .filter(|c| ids.contains(&c.from) && ids.contains(&c.to))
            .cloned()
            .collect(),
        touchpoints,
    };
    serde_json::to_string(&clip).ok()
}

/// The edits that paste clipboard text into a blueprint, and the ids of the
/// new touchpoints; `None` if the text is not a clip. Everything gets new
/// ids; a touchpoint whose lane or step this blueprint lacks goes to
/// `fallback` (a lane and a step of this blueprint).
pub fn paste(
    bp: &Blueprint,
    text: &str,
    fallback: (&LaneId, &StepId),
) -> Option<(Vec<Edit>, Vec<TouchpointId>)> {
    let clip: Clip = serde_json::from_str(text).ok()?;
    if clip.kind != KIND {
        return None;
    }
    let mut new_ids: HashMap<TouchpointId, TouchpointId> = HashMap::new();
    let mut edits = Vec::new();
    // Photos first, so the cards that show them find them stored.
    let has = |id: &PhotoId| {
        clip.photos.iter().any(|p| &p.id == id) || bp.photos.iter().any(|p| &p.id == id)
    };
    let shows = |tp: &Touchpoint| {
        tp.photos
            .iter()
            .any(|u| clip.photos.iter().any(|p| p.id == u.photo))
    };
    if clip.touchpoints.iter().any(shows) {
        edits.push(Edit::StorePhotos(clip.photos.clone()));
    }
    for mut tp in clip.touchpoints {
        // A photo the clip does not carry (a hand-made clip) is left out.
        tp.photos.retain(|u| has(&u.photo));
        let id = TouchpointId::generate();
        new_ids.insert(tp.id.clone(), id.clone());
        tp.id = id;
        if bp.lane(&tp.lane).is_none() || bp.step_index(&tp.step).is_none() {
            tp.lane = fallback.0.clone();
            tp.step = fallback.1.clone();
        }
        edits.push(Edit::AddTouchpoint(tp));
    }
    for mut s in clip.standards {
        let Some(tp) = new_ids.get(&s.touchpoint) else {
            continue;
        };
        s.id = StandardId::generate();
        s.touchpoint = tp.clone();
        edits.push(Edit::AddStandard(s));
    }
    for mut c in clip.connectors {
        let (Some(from), Some(to)) = (new_ids.get(&c.from), new_ids.get(&c.to)) else {
            continue;
        };
        c.id = ConnectorId::generate();
        c.from = from.clone();
        c.to = to.clone();
        edits.push(Edit::AddConnector(c));
    }
    let ids = edits
        .iter()
        .filter_map(|e| match e {
            Edit::AddTouchpoint(t) => Some(t.id.clone()),
            _ => None,
        })
        .collect();
    Some((edits, ids))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clip_pastes_into_another_document_with_new_ids() {
        let hotel = crate::testing::hotel();
        let ids = vec![
            TouchpointId::from("tp-register-receptionist"),
            TouchpointId::from("tp-register-pms"),
        ];
        let text = copy(&hotel, &ids).unwrap();
        let mut bank = crate::templates::find("bank")
            .unwrap()
            .load(Language::En)
            .unwrap();
        let lane = bank.lanes[1].id.clone();
        let step = bank.stages[0].steps[0].id.clone();
        let (edits, new) = paste(&bank, &text, (&lane, &step)).unwrap();
        assert_eq!(new.len(), 2);
        for e in edits {
            crate::edit::apply(&mut bank, e).unwrap();
        }
        let pasted = bank.touchpoint(&new[0]).unwrap();
        assert_eq!(pasted.title, "Receptionist registers the guest");
        assert_eq!((&pasted.lane, &pasted.step), (&lane, &step));
        assert_eq!(bank.standards_of(&new[0]).count(), 2);
        assert!(
            bank.connectors
                .iter()
                .any(|c| c.from == new[0] && c.to == new[1])
        );
        assert!(paste(&bank, "just some text", (&lane, &step)).is_none());
    }
}
