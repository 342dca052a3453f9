//! What a workshop left on a blueprint, for documents: its notes grouped
//! by where they are pinned, and the dot vote ranked. The HTML report and
//! the PDF's workshop page both show it.

use crate::i18n::Msg;
use crate::model::{Blueprint, Language};

/// The notes of one place: a cell (stage, step and lane) or loose.
#[derive(Clone, Debug, PartialEq)]
pub struct NoteGroup {
    /// "Stage › Step · Lane", or that the notes are loose.
    pub place: String,
    /// The touchpoints of the cell, by title.
    pub touchpoints: Vec<String>,
    /// Each note's text and dots.
    pub notes: Vec<(String, u32)>,
}

/// A card or note that got dots.
#[derive(Clone, Debug, PartialEq)]
pub struct Voted {
    pub text: String,
    /// A note, else a touchpoint.
    pub note: bool,
    pub votes: u32,
}

/// The workshop of a blueprint.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workshop {
    /// Groups in the order of the diagram (stage, step, lane), loose last.
    pub notes: Vec<NoteGroup>,
    /// Most dots first; equal ones in the order of the document, cards
    /// before notes.
    pub votes: Vec<Voted>,
    /// The action plan the workshop ends with (all the blueprint's
    /// improvement actions, soonest due first).
    pub actions: Vec<super::PlanItem>,
}

impl Workshop {
    /// No notes, no votes and no actions.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.votes.is_empty() && self.actions.is_empty()
    }
}

/// The workshop of `bp`, its places named in `lang`.
pub fn workshop(bp: &Blueprint, lang: Language) -> Workshop {
    let mut notes = Vec::new();
    let mut placed = vec![false; bp.notes.len()];
    for stage in &bp.stages {
        for step in &stage.steps {
            for lane in &bp.lanes {
                let here: Vec<(String, u32)> = bp
                    .notes
                    .iter()
                    .enumerate()
                    .filter(|(_, n)| n.cell() == Some((&lane.id, &step.id)))
                    .map(|(i, n)| {
                        if let Some(p) = placed.get_mut(i) {
                            *p = true;
                        }
                        (n.text.clone(), n.votes)
                    })
                    .collect();
                if here.is_empty() {
                    continue;
                }
                notes.push(NoteGroup {
                    place: format!("{} › {} · {}", stage.name, step.name, lane.name),
                    touchpoints: bp
                        .touchpoints
                        .iter()
                        .filter(|t| t.lane == lane.id && t.step == step.id)
                        .map(|t| t.title.clone())
                        .collect(),
                    notes: here,
                });
            }
        }
    }
    // Loose notes, and any whose cell is gone.
    let loose: Vec<(String, u32)> = bp
        .notes
        .iter()
        .zip(&placed)
        .filter(|(_, p)| !**p)
        .map(|(n, _)| (n.text.clone(), n.votes))
        .collect();
    if !loose.is_empty() {
        notes.push(NoteGroup {
            place: Msg::ReportLooseNotes.text(lang).to_owned(),
            touchpoints: Vec::new(),
            notes: loose,
        });
    }
    let mut votes: Vec<Voted> = bp
        .touchpoints
        .iter()
        .filter(|t| t.votes > 0)
        .map(|t| Voted {
            text: t.title.clone(),
            note: false,
            votes: t.votes,
        })
        .chain(bp.notes.iter().filter(|n| n.votes > 0).map(|n| Voted {
            text: n.text.clone(),
            note: true,
            votes: n.votes,
        }))
        .collect();
    votes.sort_by_key(|v| std::cmp::Reverse(v.votes));
    let actions = super::action_plan(bp, lang, crate::model::Date::today());
    Workshop {
        notes,
        votes,
        actions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Note, NoteColour, Point};

    #[test]
    fn notes_are_grouped_by_cell_in_diagram_order_loose_last_and_votes_ranked() {
        let mut bp = crate::testing::hotel();
        // The hotel teaches two actions and holds no note nor vote.
        let w = workshop(&bp, Language::En);
        assert!(w.notes.is_empty() && w.votes.is_empty());
        assert_eq!(w.actions.len(), 2);
        bp.actions.clear();
        assert!(workshop(&bp, Language::En).is_empty());
        let (s0, s1) = {
            let mut steps = bp.steps();
            (
                steps.next().unwrap().1.id.clone(),
                steps.nth(2).unwrap().1.id.clone(),
            )
        };
        let lane = bp.lanes[0].id.clone();
        let pin = |step: &crate::model::StepId, text: &str, votes| Note {
            votes,
            ..Note::pinned(
                lane.clone(),
                step.clone(),
                text.into(),
                NoteColour::default(),
            )
        };
        bp.notes.push(pin(&s1, "later", 1));
        bp.notes.push(Note::loose(
            Point { x: 0.0, y: 0.0 },
            "loose".into(),
            NoteColour::default(),
        ));
        bp.notes.push(pin(&s0, "first", 4));
        bp.touchpoints[2].votes = 2;
        let w = workshop(&bp, Language::En);
        let texts: Vec<Vec<&str>> = w
            .notes
            .iter()
            .map(|g| g.notes.iter().map(|(t, _)| t.as_str()).collect())
            .collect();
        assert_eq!(texts, [vec!["first"], vec!["later"], vec!["loose"]]);
        assert_eq!(w.notes[2].place, "Loose notes");
        assert!(w.notes[0].place.contains(&bp.lanes[0].name));
        let ranked: Vec<(&str, u32)> = w.votes.iter().map(|v| (v.text.as_str(), v.votes)).collect();
        assert_eq!(
            ranked,
            [
                ("first", 4),
                (bp.touchpoints[2].title.as_str(), 2),
                ("later", 1)
            ]
        );
    }
}
