//! Improvement actions in edits: an action outlives what it is attached
//! to. When an edit deletes a touchpoint, a standard or a note, the actions
//! attached to it (or meant to move it) stay in the plan, detached, in the
//! same change: undoing the deletion attaches them again.

use super::check::IdSet;
use super::ops::Tx;
use crate::model::*;
use foldhash::HashSet;

/// Whether an action is attached to, or should move, one of these ids.
pub(super) fn refers_to(
    a: &ImprovementAction,
    touchpoints: &IdSet,
    standards: &IdSet,
    notes: &IdSet,
) -> bool {
    let attached = match &a.attached_to {
        Some(Attachment::FailPoint(t)) => touchpoints.contains(t.as_str()),
        Some(Attachment::Standard(s)) => standards.contains(s.as_str()),
        Some(Attachment::Note(n)) => notes.contains(n.as_str()),
        None => false,
    };
    attached
        || a.moves_standard
            .as_ref()
            .is_some_and(|s| standards.contains(s.as_str()))
}

/// Detaches the actions from the touchpoints, standards and notes the edit
/// took out and did not put back: one pass over the actions, and one over
/// each list only when an action refers to a taken-out id.
pub(super) fn detach_orphans(tx: &mut Tx) {
    if tx.bp.actions.is_empty() {
        return;
    }
    let [t, s, n] = tx.touched.taken_out();
    if t.is_empty() && s.is_empty() && n.is_empty() {
        return;
    }
    // Copied: the actions are changed below, while the marks are borrowed.
    let (t, s, n) = (t.to_vec(), s.to_vec(), n.to_vec());
    fn ids(v: &[String]) -> IdSet<'_> {
        IdSet::new(v.iter().map(String::as_str))
    }
    let (ts, ss, ns) = (ids(&t), ids(&s), ids(&n));
    let suspects: Vec<usize> = (tx.bp.actions.iter().enumerate())
        .filter(|(_, a)| refers_to(a, &ts, &ss, &ns))
        .map(|(i, _)| i)
        .collect();
    if suspects.is_empty() {
        return;
    }
    // The ids of each kind there now, to tell a deletion from a move.
    let bp = &*tx.bp;
    let tps: HashSet<&str> = bp.touchpoints.iter().map(|x| x.id.as_str()).collect();
    let stds: HashSet<&str> = bp.standards.iter().map(|x| x.id.as_str()).collect();
    let notes: HashSet<&str> = bp.notes.iter().map(|x| x.id.as_str()).collect();
    let fixes: Vec<(usize, bool, bool)> = suspects
        .into_iter()
        .map(|i| {
            let a = &bp.actions[i];
            let attached_gone = match &a.attached_to {
                Some(Attachment::FailPoint(x)) => !tps.contains(x.as_str()),
                Some(Attachment::Standard(x)) => !stds.contains(x.as_str()),
                Some(Attachment::Note(x)) => !notes.contains(x.as_str()),
                None => false,
            };
            let moves_gone =
                (a.moves_standard.as_ref()).is_some_and(|x| !stds.contains(x.as_str()));
            (i, attached_gone, moves_gone)
        })
        .filter(|&(_, a, m)| a || m)
        .collect();
    for (i, attached_gone, moves_gone) in fixes {
        tx.update::<ImprovementAction>(i, |a| {
            if attached_gone {
                a.attached_to = None;
            }
            if moves_gone {
                a.moves_standard = None;
            }
        });
    }
}
