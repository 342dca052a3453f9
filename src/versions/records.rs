//! A blueprint seen as lists of records with ids, the unit diff and merge
//! work on. Each kind of element is one [`Record`] implementation and one
//! list of [`Parts`]: a new kind of element (improvement actions) is a new
//! impl, a field of `Parts`, and a line in `split` and `join`. Fields need
//! nothing: records are compared whole, and only those that differ are
//! taken apart field by field (as JSON values).

use crate::model::{
    Blueprint, Connector, ElementKind, ImprovementAction, Lane, Line, Note, Stage, StageId,
    Standard, Step, Touchpoint, line_kind_name,
};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::borrow::Cow;

/// An element with an id, compared whole and merged field by field.
pub(crate) trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
    /// What kind of element the record is.
    const KIND: ElementKind;
    /// The fields that place the element (a touchpoint's lane and step):
    /// a change to them is a move.
    const PLACE: &'static [&'static str] = &[];
    /// The id, unique among the records of its kind.
    fn key(&self) -> &str;
    /// What a person calls it: a title, a name, a statement.
    fn name(&self) -> &str;
}

/// A step with the stage it belongs to: steps are merged as one list in
/// time order, and a step moved to another stage changes its `stage`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct PlacedStep {
    pub stage: StageId,
    #[serde(flatten)]
    pub step: Step,
}

/// `impl Record` for a kind whose id is its `id` field.
macro_rules! record {
    ($type:ty, $kind:ident, $name:ident $(, place: $place:expr)?) => {
        impl Record for $type {
            const KIND: ElementKind = ElementKind::$kind;
            $(const PLACE: &'static [&'static str] = $place;)?
            fn key(&self) -> &str {
                self.id.as_str()
            }
            fn name(&self) -> &str {
                &self.$name
            }
        }
    };
}

record!(Stage, Stage, name);
record!(Lane, Lane, name);
record!(Touchpoint, Touchpoint, title, place: &["lane", "step"]);
record!(Connector, Connector, label);
record!(Standard, Standard, statement);
record!(Note, Note, text, place: &["lane", "step", "at"]);
record!(ImprovementAction, Action, what);

impl Record for Blueprint {
    const KIND: ElementKind = ElementKind::Blueprint;
    fn key(&self) -> &str {
        ""
    }
    fn name(&self) -> &str {
        &self.title
    }
}

impl Record for PlacedStep {
    const KIND: ElementKind = ElementKind::Step;
    const PLACE: &'static [&'static str] = &["stage"];
    fn key(&self) -> &str {
        self.step.id.as_str()
    }
    fn name(&self) -> &str {
        &self.step.name
    }
}

impl Record for Line {
    const KIND: ElementKind = ElementKind::Line;
    const PLACE: &'static [&'static str] = &["after_lane"];
    fn key(&self) -> &str {
        line_kind_name(self.kind)
    }
    /// A line has no name: its kind is its id.
    fn name(&self) -> &str {
        ""
    }
}

/// A blueprint taken apart into its lists of records. The blueprint's own
/// fields are a record too (`head`: the blueprint with its lists empty);
/// stages hold no steps (the steps are their own list); standards hold
/// no measurements (merged as sets by date, diffed by date).
#[derive(Clone, Debug)]
pub(crate) struct Parts<'a> {
    pub head: Blueprint,
    pub stages: Vec<Stage>,
    pub steps: Vec<PlacedStep>,
    pub lanes: Cow<'a, [Lane]>,
    pub lines: Cow<'a, [Line]>,
    pub touchpoints: Cow<'a, [Touchpoint]>,
    pub connectors: Cow<'a, [Connector]>,
    pub standards: Vec<Standard>,
    pub notes: Cow<'a, [Note]>,
    pub actions: Cow<'a, [ImprovementAction]>,
    /// The stored photos, by id (made from their bytes).
    pub photos: Cow<'a, [crate::model::Photo]>,
}

impl<'a> Parts<'a> {
    /// The records of a blueprint; the large lists are borrowed.
    pub fn split(bp: &'a Blueprint) -> Self {
        // Every field named: a field added to the blueprint must be placed
        // here (or the build fails), so diff and merge never drop it.
        let Blueprint {
            title,
            description,
            language,
            contact_level,
            stages,
            lanes,
            lines,
            touchpoints,
            connectors,
            standards,
            disabled_rules,
            notes,
            emotion_curve,
            actions,
            conflicts: _,
            photos,
        } = bp;
        let head = Blueprint {
            title: title.clone(),
            description: description.clone(),
            language: *language,
            contact_level: *contact_level,
            disabled_rules: disabled_rules.clone(),
            emotion_curve: *emotion_curve,
            ..Blueprint::default()
        };
        Self {
            head,
            stages: stages
                .iter()
                .map(|s| Stage {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    steps: Vec::new(),
                })
                .collect(),
            steps: stages
                .iter()
                .flat_map(|s| {
                    s.steps.iter().map(|step| PlacedStep {
                        stage: s.id.clone(),
                        step: step.clone(),
                    })
                })
                .collect(),
            lanes: Cow::Borrowed(lanes),
            lines: Cow::Borrowed(lines),
            touchpoints: Cow::Borrowed(touchpoints),
            connectors: Cow::Borrowed(connectors),
            standards: standards.iter().map(without_measurements).collect(),
            notes: Cow::Borrowed(notes),
            actions: Cow::Borrowed(actions),
            photos: Cow::Borrowed(photos),
        }
    }

    /// The blueprint these records make, with the given measurements for
    /// each standard (by position) and conflicts. A step whose stage is
    /// not among the stages is dropped: the merge keeps the stages its
    /// steps need.
    pub fn join(
        self,
        measurements: Vec<Vec<crate::model::Measurement>>,
        conflicts: Vec<crate::model::Conflict>,
    ) -> Blueprint {
        let Blueprint {
            title,
            description,
            language,
            contact_level,
            disabled_rules,
            emotion_curve,
            stages: _,
            lanes: _,
            lines: _,
            touchpoints: _,
            connectors: _,
            standards: _,
            notes: _,
            actions: _,
            conflicts: _,
            photos: _,
        } = self.head;
        let mut stages = self.stages;
        let index: foldhash::HashMap<&str, usize> = stages
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect();
        let mut placed: Vec<Vec<Step>> = vec![Vec::new(); stages.len()];
        for p in self.steps {
            if let Some(&i) = index.get(p.stage.as_str()) {
                placed[i].push(p.step);
            }
        }
        for (stage, steps) in stages.iter_mut().zip(placed) {
            stage.steps = steps;
        }
        let mut standards = self.standards;
        for (s, m) in standards.iter_mut().zip(measurements) {
            s.measurements = m;
        }
        Blueprint {
            title,
            description,
            language,
            contact_level,
            stages,
            lanes: self.lanes.into_owned(),
            lines: self.lines.into_owned(),
            touchpoints: self.touchpoints.into_owned(),
            connectors: self.connectors.into_owned(),
            standards,
            disabled_rules,
            notes: self.notes.into_owned(),
            emotion_curve,
            actions: self.actions.into_owned(),
            conflicts,
            photos: self.photos.into_owned(),
        }
    }
}

/// A standard's own fields, without its measured values.
fn without_measurements(s: &Standard) -> Standard {
    Standard {
        measurements: Vec::new(),
        ..s.clone()
    }
}

/// A record as a JSON value: its fields at their written defaults absent.
pub(crate) fn to_value<R: Record>(r: &R) -> serde_json::Value {
    // Plain data with string keys always serialises.
    serde_json::to_value(r).unwrap_or(serde_json::Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blueprint_taken_apart_and_joined_is_the_same() {
        let bp = crate::testing::hotel();
        let parts = Parts::split(&bp);
        let measurements = bp
            .standards
            .iter()
            .map(|s| s.measurements.clone())
            .collect();
        assert_eq!(parts.join(measurements, Vec::new()), bp);
    }

    #[test]
    fn a_placed_step_reads_back_from_its_json() {
        let bp = crate::testing::hotel();
        let parts = Parts::split(&bp);
        for step in &parts.steps {
            let v = to_value(step);
            assert_eq!(v["stage"].as_str(), Some(step.stage.as_str()));
            assert_eq!(&serde_json::from_value::<PlacedStep>(v).unwrap(), step);
        }
    }
}
