//! The history of a document's edits: undo and redo, one step per user
//! action.

use super::{Change, Footprint};
use crate::model::Blueprint;
use std::collections::VecDeque;

/// Undo and redo: each step is the change that undoes one user action.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: VecDeque<Change>,
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
        self.undo.push_back(change);
        if self.undo.len() > Self::LIMIT {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Adds a change to the last undo step (a burst of typing, a drag), or
    /// records it as a new step when there is none.
    pub fn extend_last(&mut self, change: Change) {
        match self.undo.back_mut() {
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
        let redo = self.undo.pop_back()?.revert(bp);
        let fp = redo.footprint(bp);
        self.redo.push(redo);
        Some(fp)
    }

    /// Goes forward one step; what it touched, or `None` if there is none.
    pub fn redo(&mut self, bp: &mut Blueprint) -> Option<Footprint> {
        let undo = self.redo.pop()?.revert(bp);
        let fp = undo.footprint(bp);
        self.undo.push_back(undo);
        Some(fp)
    }

    /// About how many bytes the steps hold.
    pub fn heap_bytes(&self) -> usize {
        (self.undo.capacity() + self.redo.capacity()) * size_of::<Change>()
            + self
                .undo
                .iter()
                .chain(&self.redo)
                .map(Change::heap_bytes)
                .sum::<usize>()
    }
}
