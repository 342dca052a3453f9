//! Edits of a blueprint and their history. Every change the editor makes is
//! an [`Edit`] applied by [`apply`], which returns the [`Change`] that undoes
//! it; the [`History`] keeps those changes, one step per user action.
//!
//! An edit costs what it changes: it is applied as primitive operations on
//! the blueprint's lists and fields, each of which returns its inverse, and
//! the change holds those inverses, so only the elements the edit replaced or
//! removed. The edit is checked at the same cost: what it put in, and what
//! might still refer to what it took out (see `check`), not the whole
//! document.

use crate::model::*;
use check::IdSet;
pub use history::History;
use ops::{Element, Op, Tx, VecOp};

mod actions;
mod check;
pub mod clipboard;
mod duplicate;
mod history;
mod ops;
mod photos;
#[cfg(test)]
pub(crate) use photos::tests::photo as test_photo;
#[cfg(test)]
mod tests;

/// A change to a blueprint.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Adds a touchpoint (with its id already made) at its lane and step.
    AddTouchpoint(Touchpoint),
    /// Replaces a touchpoint's fields (matched by id).
    SetTouchpoint(Touchpoint),
    MoveTouchpoint {
        id: TouchpointId,
        lane: LaneId,
        step: StepId,
    },
    /// Deletes touchpoints with their connectors and standards.
    DeleteTouchpoints(Vec<TouchpointId>),
    /// Copies touchpoints (with their standards) into the same cells.
    DuplicateTouchpoints(Vec<TouchpointId>),
    AddConnector(Connector),
    SetConnectorKind {
        id: ConnectorId,
        kind: ConnectorKind,
    },
    DeleteConnector(ConnectorId),
    AddStandard(Standard),
    SetStandard(Standard),
    DeleteStandard(StandardId),
    /// Replaces every standard (an import of measured values).
    SetStandards(Vec<Standard>),
    AddMeasurement {
        standard: StandardId,
        measurement: Measurement,
    },
    SetTitle(String),
    SetDescription(String),
    /// How much contact the organisation has with its customers.
    SetContactLevel(ContactLevel),
    /// The language the blueprint is written in.
    SetLanguage(Language),
    /// Whether the customer's-feeling chart is drawn (canvas and exports).
    SetEmotionCurve(bool),
    AddNote(Note),
    SetNote(Note),
    DeleteNote(NoteId),
    /// Adds (or, with a negative count, takes back) dots on a touchpoint.
    VoteTouchpoint {
        id: TouchpointId,
        dots: i32,
    },
    /// Adds (or takes back) dots on a note.
    VoteNote {
        id: NoteId,
        dots: i32,
    },
    /// The health-check rules switched off for this blueprint.
    SetDisabledRules(Vec<String>),
    AddLane(Lane),
    RenameLane {
        id: LaneId,
        name: String,
    },
    /// Moves a lane one place up (`-1`) or down (`1`).
    MoveLane {
        id: LaneId,
        by: i32,
    },
    SetLaneHidden {
        id: LaneId,
        hidden: bool,
    },
    /// Deletes a lane with its touchpoints, and the lines under it.
    DeleteLane(LaneId),
    AddStage(Stage),
    RenameStage {
        id: StageId,
        name: String,
    },
    /// Moves a stage one place earlier (`-1`) or later (`1`).
    MoveStage {
        id: StageId,
        by: i32,
    },
    /// Moves a step one place earlier or later in time, across stages too.
    MoveStep {
        id: StepId,
        by: i32,
    },
    DeleteStage(StageId),
    AddStep {
        stage: StageId,
        step: Step,
    },
    /// Inserts a stage at a place among the stages (before or after another).
    InsertStage {
        index: usize,
        stage: Stage,
    },
    /// Splits a stage before one of its steps: that step and those after it
    /// go to `new_stage` (given with no steps), inserted right after.
    SplitStage {
        at: StepId,
        new_stage: Stage,
    },
    /// Moves a step to a stage, at a place among its steps (clamped).
    MoveStepTo {
        id: StepId,
        stage: StageId,
        index: usize,
    },
    /// Inserts a step in a stage at a place among its steps (clamped).
    InsertStep {
        stage: StageId,
        index: usize,
        step: Step,
    },
    RenameStep {
        id: StepId,
        name: String,
    },
    DeleteStep(StepId),
    /// Shows or hides an optional line, adding it under `after_lane` if missing.
    SetLineShown {
        kind: LineKind,
        shown: bool,
        after_lane: LaneId,
    },
    /// Several edits applied in order as one change, all or none: one undo
    /// step for a change to several cards, or a paste.
    Batch(Vec<Edit>),
    /// Adds an improvement action (with its id already made).
    AddAction(ImprovementAction),
    /// Replaces an improvement action's fields (matched by id).
    SetAction(ImprovementAction),
    DeleteAction(ActionId),
    /// Replaces the conflicts a merge left (one resolved, or marked so).
    SetConflicts(Vec<Conflict>),
    /// Adds a photo at the end of a touchpoint's, stored unless it is.
    AddPhoto {
        touchpoint: TouchpointId,
        photo: Photo,
    },
    /// Takes a photo (by place) off a touchpoint; the stored photo goes
    /// with its last use. Captions are set with [`Edit::SetTouchpoint`].
    RemovePhoto {
        touchpoint: TouchpointId,
        index: usize,
    },
    /// Moves a touchpoint's photo one place earlier (`-1`) or later (`1`).
    MovePhoto {
        touchpoint: TouchpointId,
        index: usize,
        by: i32,
    },
    /// Stores photos not stored yet (those a pasted card shows).
    StorePhotos(Vec<Photo>),
}

/// Why an edit could not be applied; the document is left as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum EditError {
    /// No element of this kind (`touchpoint`, `lane`…) has this id.
    Missing { what: &'static str, id: String },
    /// The edit would break the document.
    Invalid(crate::model::Problem),
    /// A touchpoint would show more photos than it may.
    TooManyPhotos { max: usize },
    /// No stored photo, or no photo at this place on the touchpoint.
    MissingPhoto(String),
}

impl crate::i18n::Localized for EditError {
    fn message(&self, lang: crate::model::Language) -> String {
        match self {
            EditError::Missing { what, id } => crate::i18n::ErrMsg::EditMissing
                .fill(lang, &[&crate::model::element_word(what, lang), id]),
            EditError::Invalid(problem) => problem.message(lang),
            EditError::TooManyPhotos { max } => crate::i18n::ErrMsg::EditTooManyPhotos
                .fill(lang, &[&crate::i18n::count(*max, lang)]),
            EditError::MissingPhoto(id) => crate::i18n::ErrMsg::EditMissingPhoto.fill(lang, &[id]),
        }
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::i18n::Localized;
        f.write_str(&self.message(crate::model::Language::En))
    }
}

impl std::error::Error for EditError {}

fn missing(what: &'static str, id: &dyn std::fmt::Display) -> EditError {
    EditError::Missing {
        what,
        id: id.to_string(),
    }
}

/// Applies an edit and returns the change that undoes it. On error nothing
/// has changed.
pub fn apply(bp: &mut Blueprint, edit: Edit) -> Result<Change, EditError> {
    apply_all(bp, vec![edit])
}

/// Applies edits as one transaction, all or nothing, and checks what they
/// touched once at the end: a paste of 50 cards (each with its standards and
/// connectors) walks the blueprint's ids once, not once an element.
pub fn apply_all(bp: &mut Blueprint, edits: Vec<Edit>) -> Result<Change, EditError> {
    let mut tx = Tx::new(bp);
    let ran = edits.into_iter().try_for_each(|e| run(&mut tx, e));
    if ran.is_ok() {
        actions::detach_orphans(&mut tx);
        photos::drop_unused(&mut tx);
    }
    let checked = ran
        .and_then(|()| check::validate(tx.bp, &tx.touched))
        .and_then(|()| photos::check(tx.bp, &tx.touched.photos_shown));
    match checked {
        Ok(()) => Ok(Change {
            ops: tx.into_undo(),
            applied: true,
        }),
        Err(e) => {
            tx.rollback();
            Err(e)
        }
    }
}

/// The index of the element with this id, or the error that names it.
fn index<T: Element>(tx: &Tx, what: &'static str, id: &str) -> Result<usize, EditError> {
    tx.find::<T>(id).ok_or_else(|| missing(what, &id))
}

/// The stage and place in it of a step.
fn step_place(tx: &Tx, id: &StepId) -> Option<(usize, usize)> {
    tx.items::<Stage>()
        .iter()
        .enumerate()
        .find_map(|(si, s)| s.steps.iter().position(|p| &p.id == id).map(|pi| (si, pi)))
}

/// Deletes touchpoints with their connectors and standards, each list in
/// one pass.
fn delete_touchpoints<'a>(tx: &mut Tx, ids: impl IntoIterator<Item = &'a str>) {
    let doomed = IdSet::new(ids);
    if doomed.is_empty() {
        return;
    }
    tx.remove_where::<Touchpoint>(|t| doomed.contains(t.id.as_str()));
    tx.remove_where::<Connector>(|c| {
        doomed.contains(c.from.as_str()) || doomed.contains(c.to.as_str())
    });
    tx.remove_where::<Standard>(|s| doomed.contains(s.touchpoint.as_str()));
}

/// Deletes what lies in these steps: touchpoints (with their connectors and
/// standards) and notes.
fn delete_in_steps(tx: &mut Tx, steps: &[&str]) {
    let steps = IdSet::new(steps.iter().copied());
    let doomed: Vec<TouchpointId> = tx
        .items::<Touchpoint>()
        .iter()
        .filter(|t| steps.contains(t.step.as_str()))
        .map(|t| t.id.clone())
        .collect();
    delete_touchpoints(tx, doomed.iter().map(|t| t.as_str()));
    tx.remove_where::<Note>(|n| n.step.as_ref().is_some_and(|s| steps.contains(s.as_str())));
}

fn run(tx: &mut Tx, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddTouchpoint(tp) => tx.push(tp),
        Edit::SetTouchpoint(tp) => {
            let i = index::<Touchpoint>(tx, "touchpoint", tp.id.as_str())?;
            tx.set(i, tp);
        }
        Edit::MoveTouchpoint { id, lane, step } => {
            let i = index::<Touchpoint>(tx, "touchpoint", id.as_str())?;
            let mut tp = tx.items::<Touchpoint>()[i].clone();
            tp.lane = lane;
            tp.step = step;
            // The moved card goes to the bottom of its new cell.
            if i + 1 == tx.items::<Touchpoint>().len() {
                tx.set(i, tp);
            } else {
                tx.remove::<Touchpoint>(vec![i]);
                tx.push(tp);
            }
        }
        Edit::DeleteTouchpoints(ids) => delete_touchpoints(tx, ids.iter().map(|t| t.as_str())),
        Edit::DuplicateTouchpoints(ids) => duplicate::duplicate_touchpoints(tx, &ids)?,
        Edit::AddConnector(c) => tx.push(c),
        Edit::SetConnectorKind { id, kind } => {
            let i = index::<Connector>(tx, "connector", id.as_str())?;
            tx.update::<Connector>(i, |c| c.kind = kind);
        }
        Edit::DeleteConnector(id) => tx.remove_where::<Connector>(|c| c.id == id),
        Edit::AddStandard(s) => tx.push(s),
        Edit::SetStandard(s) => {
            let i = index::<Standard>(tx, "standard", s.id.as_str())?;
            tx.set(i, s);
        }
        Edit::DeleteStandard(id) => tx.remove_where::<Standard>(|s| s.id == id),
        Edit::SetStandards(all) => tx.replace_all(all),
        Edit::AddMeasurement {
            standard,
            measurement,
        } => {
            let i = index::<Standard>(tx, "standard", standard.as_str())?;
            tx.update::<Standard>(i, |s| s.measurements.push(measurement));
        }
        Edit::SetTitle(t) => tx.set_title(t),
        Edit::SetDescription(d) => tx.set_description(d),
        Edit::SetContactLevel(c) => tx.set_contact_level(c),
        Edit::SetLanguage(l) => tx.set_language(l),
        Edit::SetEmotionCurve(e) => tx.set_emotion_curve(e),
        Edit::AddNote(n) => tx.push(n),
        Edit::SetNote(n) => {
            let i = index::<Note>(tx, "note", n.id.as_str())?;
            tx.set(i, n);
        }
        Edit::DeleteNote(id) => tx.remove_where::<Note>(|n| n.id == id),
        Edit::VoteTouchpoint { id, dots } => {
            let i = index::<Touchpoint>(tx, "touchpoint", id.as_str())?;
            tx.update::<Touchpoint>(i, |t| t.votes = t.votes.saturating_add_signed(dots));
        }
        Edit::VoteNote { id, dots } => {
            let i = index::<Note>(tx, "note", id.as_str())?;
            tx.update::<Note>(i, |n| n.votes = n.votes.saturating_add_signed(dots));
        }
        Edit::SetDisabledRules(rules) => tx.set_disabled_rules(rules),
        Edit::AddLane(lane) => tx.push(lane),
        Edit::RenameLane { id, name } => {
            let i = index::<Lane>(tx, "lane", id.as_str())?;
            tx.update::<Lane>(i, |l| l.name = name);
        }
        Edit::MoveLane { id, by } => {
            let i = index::<Lane>(tx, "lane", id.as_str())?;
            let j = i as i64 + i64::from(by);
            if j >= 0 && (j as usize) < tx.items::<Lane>().len() {
                tx.exchange::<Lane>(i, j as usize);
            }
        }
        Edit::SetLaneHidden { id, hidden } => {
            let i = index::<Lane>(tx, "lane", id.as_str())?;
            tx.update::<Lane>(i, |l| l.hidden = hidden);
        }
        Edit::DeleteLane(id) => {
            let i = index::<Lane>(tx, "lane", id.as_str())?;
            let doomed: Vec<TouchpointId> = tx
                .items::<Touchpoint>()
                .iter()
                .filter(|t| t.lane == id)
                .map(|t| t.id.clone())
                .collect();
            delete_touchpoints(tx, doomed.iter().map(|t| t.as_str()));
            tx.remove_where::<Note>(|n| n.lane.as_ref() == Some(&id));
            tx.remove::<Lane>(vec![i]);
            // Lines under the deleted lane move up to the lane above, or go.
            let above = i.checked_sub(1).map(|k| tx.items::<Lane>()[k].id.clone());
            let mut lines = tx.items::<Line>().clone();
            lines.retain_mut(|l| {
                if l.after_lane != id {
                    return true;
                }
                match &above {
                    Some(a) => {
                        l.after_lane = a.clone();
                        true
                    }
                    None => false,
                }
            });
            let mut seen = std::collections::HashSet::new();
            lines.retain(|l| seen.insert(l.kind));
            tx.replace_all(lines);
        }
        Edit::AddStage(stage) => tx.push(stage),
        Edit::RenameStage { id, name } => {
            let i = index::<Stage>(tx, "stage", id.as_str())?;
            tx.update::<Stage>(i, |s| s.name = name);
        }
        Edit::MoveStage { id, by } => {
            let i = index::<Stage>(tx, "stage", id.as_str())?;
            let j = i as i64 + i64::from(by);
            if j >= 0 && (j as usize) < tx.items::<Stage>().len() {
                tx.exchange::<Stage>(i, j as usize);
            }
        }
        Edit::MoveStep { id, by } => {
            // Steps in time order with their stage; move within that order and
            // put the step in the stage of its new neighbour.
            let stages = tx.items::<Stage>();
            let order: Vec<(usize, usize)> = stages
                .iter()
                .enumerate()
                .flat_map(|(si, s)| (0..s.steps.len()).map(move |pi| (si, pi)))
                .collect();
            let k = order
                .iter()
                .position(|&(si, pi)| stages[si].steps[pi].id == id)
                .ok_or_else(|| missing("step", &id))?;
            let target = k as i64 + i64::from(by);
            if target < 0 || target as usize >= order.len() {
                return Ok(());
            }
            let (si, pi) = order[k];
            let (ti, tj) = order[target as usize];
            if si == ti {
                tx.update::<Stage>(si, |s| s.steps.swap(pi, tj));
            } else {
                let step = stages[si].steps[pi].clone();
                tx.update::<Stage>(si, |s| {
                    s.steps.remove(pi);
                });
                tx.update::<Stage>(ti, |s| {
                    if by < 0 {
                        s.steps.push(step);
                    } else {
                        s.steps.insert(0, step);
                    }
                });
            }
        }
        Edit::DeleteStage(id) => {
            let i = index::<Stage>(tx, "stage", id.as_str())?;
            let steps: Vec<StepId> = tx.items::<Stage>()[i]
                .steps
                .iter()
                .map(|s| s.id.clone())
                .collect();
            let steps: Vec<&str> = steps.iter().map(|s| s.as_str()).collect();
            delete_in_steps(tx, &steps);
            tx.remove::<Stage>(vec![i]);
        }
        Edit::AddStep { stage, step } => {
            let i = index::<Stage>(tx, "stage", stage.as_str())?;
            tx.update::<Stage>(i, |s| s.steps.push(step));
        }
        Edit::InsertStep {
            stage,
            index: at,
            step,
        } => {
            let i = index::<Stage>(tx, "stage", stage.as_str())?;
            tx.update::<Stage>(i, |s| s.steps.insert(at.min(s.steps.len()), step));
        }
        Edit::InsertStage { index: at, stage } => {
            let at = at.min(tx.items::<Stage>().len());
            tx.insert(vec![(at, stage)]);
        }
        Edit::SplitStage { at, mut new_stage } => {
            let (si, pi) = step_place(tx, &at).ok_or_else(|| missing("step", &at))?;
            if pi == 0 {
                return Ok(());
            }
            new_stage.steps = tx.items::<Stage>()[si].steps[pi..].to_vec();
            tx.update::<Stage>(si, |s| s.steps.truncate(pi));
            tx.insert(vec![(si + 1, new_stage)]);
        }
        Edit::MoveStepTo {
            id,
            stage,
            index: at,
        } => {
            let (si, pi) = step_place(tx, &id).ok_or_else(|| missing("step", &id))?;
            let ti = index::<Stage>(tx, "stage", stage.as_str())?;
            let step = tx.items::<Stage>()[si].steps[pi].clone();
            if si == ti {
                tx.update::<Stage>(si, |s| {
                    s.steps.remove(pi);
                    // The place is among the steps as they were.
                    let at = if at > pi { at - 1 } else { at };
                    s.steps.insert(at.min(s.steps.len()), step);
                });
            } else {
                tx.update::<Stage>(si, |s| {
                    s.steps.remove(pi);
                });
                tx.update::<Stage>(ti, |s| s.steps.insert(at.min(s.steps.len()), step));
            }
        }
        Edit::RenameStep { id, name } => {
            let (si, pi) = step_place(tx, &id).ok_or_else(|| missing("step", &id))?;
            tx.update::<Stage>(si, |s| s.steps[pi].name = name);
        }
        Edit::DeleteStep(id) => {
            delete_in_steps(tx, &[id.as_str()]);
            if let Some((si, pi)) = step_place(tx, &id) {
                tx.update::<Stage>(si, |s| {
                    s.steps.remove(pi);
                });
            }
        }
        Edit::SetLineShown {
            kind,
            shown,
            after_lane,
        } => match tx.items::<Line>().iter().position(|l| l.kind == kind) {
            Some(i) => tx.update::<Line>(i, |l| l.shown = shown || !kind.is_optional()),
            None if shown => tx.push(Line {
                kind,
                after_lane,
                shown,
            }),
            None => {}
        },
        Edit::Batch(edits) => {
            for edit in edits {
                run(tx, edit)?;
            }
        }
        Edit::AddAction(a) => tx.push(a),
        Edit::SetAction(a) => {
            let i = index::<ImprovementAction>(tx, "action", a.id.as_str())?;
            tx.set(i, a);
        }
        Edit::DeleteAction(id) => tx.remove_where::<ImprovementAction>(|a| a.id == id),
        Edit::SetConflicts(conflicts) => tx.set_conflicts(conflicts),
        Edit::AddPhoto { touchpoint, photo } => photos::add(tx, &touchpoint, photo)?,
        Edit::RemovePhoto { touchpoint, index } => photos::remove(tx, &touchpoint, index)?,
        Edit::MovePhoto {
            touchpoint,
            index,
            by,
        } => photos::shift(tx, &touchpoint, index, by)?,
        Edit::StorePhotos(photos) => photos::store(tx, photos),
    }
    Ok(())
}

/// What an applied edit changed, as the operations that undo it: only the
/// elements and fields it replaced or removed.
#[derive(Clone, Debug, Default)]
pub struct Change {
    /// The operations, to be applied last first.
    ops: Vec<Op>,
    /// Whether it stands for an applied edit; an edit that happened to change
    /// nothing still makes a (no-op) step.
    applied: bool,
}

/// Which derived data an applied change invalidates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Footprint {
    /// Nothing changed.
    None,
    /// Only these touchpoints' own fields changed, in place (by index in
    /// `Blueprint::touchpoints`): the same id, lane, step, feeling, moment
    /// of truth and lines of title, so the layout stands. None at all when
    /// only improvement actions changed: the checks are made again.
    Touchpoints(Vec<usize>),
    /// Anything else.
    Everything,
}

/// Whether two versions of a touchpoint lie the same way in the layout.
fn same_layout(a: &Touchpoint, b: &Touchpoint) -> bool {
    a.id == b.id
        && a.lane == b.lane
        && a.step == b.step
        && a.feeling == b.feeling
        && a.moment_of_truth == b.moment_of_truth
        && (a.title == b.title && a.photos.is_empty() == b.photos.is_empty()
            || crate::layout::title::card_height(a) == crate::layout::title::card_height(b))
}

impl Change {
    /// Undoes the change; returns the change that redoes it.
    pub fn revert(self, bp: &mut Blueprint) -> Change {
        let ops = self.ops.into_iter().rev().map(|op| op.apply(bp)).collect();
        Change {
            ops,
            applied: self.applied,
        }
    }

    /// Adds a later change to this one: one undo step for both.
    pub fn merge(&mut self, later: Change) {
        self.applied |= later.applied;
        // A swap of the place this change swapped last (the next key typed
        // into the same field): this change already holds the value from
        // before both, and undoing and redoing by swapping stays exact.
        if let ([op], Some(last)) = (later.ops.as_slice(), self.ops.last())
            && last.same_place(op)
        {
            return;
        }
        self.ops.extend(later.ops);
    }

    pub fn is_empty(&self) -> bool {
        !self.applied && self.ops.is_empty()
    }

    /// What the change touched, with `bp` as it is after it.
    pub fn footprint(&self, bp: &Blueprint) -> Footprint {
        let mut touchpoints = Vec::new();
        let mut actions = false;
        for op in &self.ops {
            if op.is_identity(bp) {
                continue;
            }
            match op {
                Op::Touchpoints(VecOp::Swap(i, other))
                    if bp
                        .touchpoints
                        .get(*i)
                        .is_some_and(|now| same_layout(now, other)) =>
                {
                    touchpoints.push(*i);
                }
                // Improvement actions are drawn nowhere, nor the stored
                // photos (cards draw their uses, by id): only the checks
                // (and the cards' problem markers) change with them.
                Op::Actions(_) | Op::Photos(_) => actions = true,
                _ => return Footprint::Everything,
            }
        }
        if touchpoints.is_empty() && !actions {
            return Footprint::None;
        }
        touchpoints.sort_unstable();
        touchpoints.dedup();
        Footprint::Touchpoints(touchpoints)
    }

    /// About how many bytes the change holds on the heap.
    pub fn heap_bytes(&self) -> usize {
        self.ops.capacity() * size_of::<Op>() + self.ops.iter().map(Op::heap_bytes).sum::<usize>()
    }
}
