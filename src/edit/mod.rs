//! Edits of a blueprint and their history. Every change the editor makes is
//! an [`Edit`] applied by [`apply`], which returns the [`Change`] that undoes
//! it; the [`History`] keeps those changes, one step per user action.

use crate::model::*;

pub mod clipboard;

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
}

/// Why an edit could not be applied; the document is left as it was.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{0}")]
pub struct EditError(pub String);

fn missing(what: &str, id: &dyn std::fmt::Display) -> EditError {
    EditError(format!("no {what} `{id}`"))
}

/// Applies an edit and returns the change that undoes it. On error nothing
/// has changed.
pub fn apply(bp: &mut Blueprint, edit: Edit) -> Result<Change, EditError> {
    let mut next = bp.clone();
    apply_in_place(&mut next, edit)?;
    if let Some(p) = next.problems().first() {
        return Err(EditError(p.to_string()));
    }
    let before = std::mem::replace(bp, next);
    Ok(Change(Some(before)))
}

fn apply_in_place(bp: &mut Blueprint, edit: Edit) -> Result<(), EditError> {
    match edit {
        Edit::AddTouchpoint(tp) => bp.touchpoints.push(tp),
        Edit::SetTouchpoint(tp) => {
            let slot = bp
                .touchpoint_mut(&tp.id)
                .ok_or_else(|| missing("touchpoint", &tp.id))?;
            *slot = tp;
        }
        Edit::MoveTouchpoint { id, lane, step } => {
            let tp = bp
                .touchpoint_mut(&id)
                .ok_or_else(|| missing("touchpoint", &id))?;
            tp.lane = lane;
            tp.step = step;
            // The moved card goes to the bottom of its new cell.
            if let Some(i) = bp.touchpoints.iter().position(|t| t.id == id) {
                let tp = bp.touchpoints.remove(i);
                bp.touchpoints.push(tp);
            }
        }
        Edit::DeleteTouchpoints(ids) => {
            bp.touchpoints.retain(|t| !ids.contains(&t.id));
            bp.connectors
                .retain(|c| !ids.contains(&c.from) && !ids.contains(&c.to));
            bp.standards.retain(|s| !ids.contains(&s.touchpoint));
        }
        Edit::DuplicateTouchpoints(ids) => {
            for id in ids {
                let tp = bp
                    .touchpoint(&id)
                    .ok_or_else(|| missing("touchpoint", &id))?
                    .clone();
                let copy = Touchpoint {
                    id: TouchpointId::generate(),
                    ..tp
                };
                let standards: Vec<Standard> = bp
                    .standards_of(&id)
                    .map(|s| Standard {
                        id: StandardId::generate(),
                        touchpoint: copy.id.clone(),
                        ..s.clone()
                    })
                    .collect();
                bp.touchpoints.push(copy);
                bp.standards.extend(standards);
            }
        }
        Edit::AddConnector(c) => bp.connectors.push(c),
        Edit::SetConnectorKind { id, kind } => {
            bp.connectors
                .iter_mut()
                .find(|c| c.id == id)
                .ok_or_else(|| missing("connector", &id))?
                .kind = kind;
        }
        Edit::DeleteConnector(id) => bp.connectors.retain(|c| c.id != id),
        Edit::AddStandard(s) => bp.standards.push(s),
        Edit::SetStandard(s) => {
            let slot = bp
                .standards
                .iter_mut()
                .find(|x| x.id == s.id)
                .ok_or_else(|| missing("standard", &s.id))?;
            *slot = s;
        }
        Edit::DeleteStandard(id) => bp.standards.retain(|s| s.id != id),
        Edit::SetStandards(all) => bp.standards = all,
        Edit::AddMeasurement {
            standard,
            measurement,
        } => {
            bp.standards
                .iter_mut()
                .find(|s| s.id == standard)
                .ok_or_else(|| missing("standard", &standard))?
                .measurements
                .push(measurement);
        }
        Edit::SetTitle(t) => bp.title = t,
        Edit::AddNote(n) => bp.notes.push(n),
        Edit::SetNote(n) => {
            let slot = bp
                .notes
                .iter_mut()
                .find(|x| x.id == n.id)
                .ok_or_else(|| missing("note", &n.id))?;
            *slot = n;
        }
        Edit::DeleteNote(id) => bp.notes.retain(|n| n.id != id),
        Edit::VoteTouchpoint { id, dots } => {
            let tp = bp
                .touchpoint_mut(&id)
                .ok_or_else(|| missing("touchpoint", &id))?;
            tp.votes = tp.votes.saturating_add_signed(dots);
        }
        Edit::VoteNote { id, dots } => {
            let n = bp
                .notes
                .iter_mut()
                .find(|n| n.id == id)
                .ok_or_else(|| missing("note", &id))?;
            n.votes = n.votes.saturating_add_signed(dots);
        }
        Edit::SetDisabledRules(rules) => bp.disabled_rules = rules,
        Edit::AddLane(lane) => bp.lanes.push(lane),
        Edit::RenameLane { id, name } => {
            bp.lanes
                .iter_mut()
                .find(|l| l.id == id)
                .ok_or_else(|| missing("lane", &id))?
                .name = name;
        }
        Edit::MoveLane { id, by } => {
            let i = bp.lane_index(&id).ok_or_else(|| missing("lane", &id))?;
            let j = i as i64 + i64::from(by);
            if j >= 0 && (j as usize) < bp.lanes.len() {
                bp.lanes.swap(i, j as usize);
            }
        }
        Edit::SetLaneHidden { id, hidden } => {
            bp.lanes
                .iter_mut()
                .find(|l| l.id == id)
                .ok_or_else(|| missing("lane", &id))?
                .hidden = hidden;
        }
        Edit::DeleteLane(id) => {
            let doomed: Vec<TouchpointId> = bp
                .touchpoints
                .iter()
                .filter(|t| t.lane == id)
                .map(|t| t.id.clone())
                .collect();
            apply_in_place(bp, Edit::DeleteTouchpoints(doomed))?;
            bp.notes.retain(|n| n.lane.as_ref() != Some(&id));
            let i = bp.lane_index(&id).ok_or_else(|| missing("lane", &id))?;
            bp.lanes.remove(i);
            // Lines under the deleted lane move up to the lane above, or go.
            let above = i.checked_sub(1).map(|k| bp.lanes[k].id.clone());
            bp.lines.retain_mut(|l| {
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
            bp.lines.retain(|l| seen.insert(l.kind));
        }
        Edit::AddStage(stage) => bp.stages.push(stage),
        Edit::RenameStage { id, name } => {
            bp.stages
                .iter_mut()
                .find(|s| s.id == id)
                .ok_or_else(|| missing("stage", &id))?
                .name = name;
        }
        Edit::MoveStage { id, by } => {
            let i = bp
                .stages
                .iter()
                .position(|s| s.id == id)
                .ok_or_else(|| missing("stage", &id))?;
            let j = i as i64 + i64::from(by);
            if j >= 0 && (j as usize) < bp.stages.len() {
                bp.stages.swap(i, j as usize);
            }
        }
        Edit::MoveStep { id, by } => {
            // Steps in time order with their stage; move within that order and
            // put the step in the stage of its new neighbour.
            let order: Vec<(usize, usize)> = bp
                .stages
                .iter()
                .enumerate()
                .flat_map(|(si, s)| (0..s.steps.len()).map(move |pi| (si, pi)))
                .collect();
            let k = order
                .iter()
                .position(|&(si, pi)| bp.stages[si].steps[pi].id == id)
                .ok_or_else(|| missing("step", &id))?;
            let target = k as i64 + i64::from(by);
            if target < 0 || target as usize >= order.len() {
                return Ok(());
            }
            let (si, pi) = order[k];
            let (ti, tj) = order[target as usize];
            if si == ti {
                bp.stages[si].steps.swap(pi, tj);
            } else {
                let step = bp.stages[si].steps.remove(pi);
                if by < 0 {
                    bp.stages[ti].steps.push(step);
                } else {
                    bp.stages[ti].steps.insert(0, step);
                }
            }
        }
        Edit::DeleteStage(id) => {
            let stage = bp
                .stages
                .iter()
                .find(|s| s.id == id)
                .ok_or_else(|| missing("stage", &id))?
                .clone();
            for step in &stage.steps {
                apply_in_place(bp, Edit::DeleteStep(step.id.clone()))?;
            }
            bp.stages.retain(|s| s.id != id);
        }
        Edit::AddStep { stage, step } => {
            bp.stages
                .iter_mut()
                .find(|s| s.id == stage)
                .ok_or_else(|| missing("stage", &stage))?
                .steps
                .push(step);
        }
        Edit::RenameStep { id, name } => {
            let step = bp
                .stages
                .iter_mut()
                .flat_map(|s| s.steps.iter_mut())
                .find(|s| s.id == id)
                .ok_or_else(|| missing("step", &id))?;
            step.name = name;
        }
        Edit::DeleteStep(id) => {
            let doomed: Vec<TouchpointId> = bp
                .touchpoints
                .iter()
                .filter(|t| t.step == id)
                .map(|t| t.id.clone())
                .collect();
            apply_in_place(bp, Edit::DeleteTouchpoints(doomed))?;
            bp.notes.retain(|n| n.step.as_ref() != Some(&id));
            for s in &mut bp.stages {
                s.steps.retain(|p| p.id != id);
            }
        }
        Edit::SetLineShown {
            kind,
            shown,
            after_lane,
        } => match bp.lines.iter_mut().find(|l| l.kind == kind) {
            Some(line) => line.shown = shown || !kind.is_optional(),
            None if shown => bp.lines.push(Line {
                kind,
                after_lane,
                shown,
            }),
            None => {}
        },
    }
    Ok(())
}

/// What an edit changed (SHIM: a whole snapshot; to be replaced by
/// element-level operations).
#[derive(Clone, Debug, Default)]
pub struct Change(Option<Blueprint>);

/// Which derived data an applied change invalidates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Footprint {
    /// Nothing changed.
    None,
    /// Only these touchpoints' own fields changed, in place (by index in
    /// `Blueprint::touchpoints`): the same id, lane, step, feeling and moment
    /// of truth, so the layout stands.
    Touchpoints(Vec<usize>),
    /// Anything else.
    Everything,
}

impl Change {
    /// Undoes the change; returns the change that redoes it.
    pub fn revert(self, bp: &mut Blueprint) -> Change {
        match self.0 {
            Some(before) => Change(Some(std::mem::replace(bp, before))),
            None => Change(None),
        }
    }
    /// Adds a later change to this one: one undo step for both.
    pub fn merge(&mut self, later: Change) {
        if self.0.is_none() {
            self.0 = later.0;
        }
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }
    /// What the change touched, with `bp` as it is after it.
    pub fn footprint(&self, bp: &Blueprint) -> Footprint {
        match &self.0 {
            None => Footprint::None,
            Some(b) if b == bp => Footprint::None,
            Some(_) => Footprint::Everything,
        }
    }
}

/// Undo and redo: each step is the change that undoes one user action.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Change>,
    redo: Vec<Change>,
}

impl History {
    /// The most undo steps kept.
    pub const LIMIT: usize = 200;

    /// Records a new undo step.
    pub fn record(&mut self, change: Change) {
        if change.is_empty() {
            return;
        }
        self.undo.push(change);
        if self.undo.len() > Self::LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Adds a change to the last undo step (a burst of typing, a drag), or
    /// records it as a new step when there is none.
    pub fn extend_last(&mut self, change: Change) {
        match self.undo.last_mut() {
            Some(last) if self.redo.is_empty() => last.merge(change),
            _ => self.record(change),
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Goes back one step; what it touched, or `None` if there is no step.
    pub fn undo(&mut self, bp: &mut Blueprint) -> Option<Footprint> {
        let redo = self.undo.pop()?.revert(bp);
        let fp = redo.footprint(bp);
        self.redo.push(redo);
        Some(fp)
    }

    /// Goes forward one step; what it touched, or `None` if there is none.
    pub fn redo(&mut self, bp: &mut Blueprint) -> Option<Footprint> {
        let undo = self.redo.pop()?.revert(bp);
        let fp = undo.footprint(bp);
        self.undo.push(undo);
        Some(fp)
    }
}
