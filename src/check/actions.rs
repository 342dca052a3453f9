//! The rules of improvement actions: a missed standard should have an
//! action that is still to be done, and an action should not be late.

use super::context::Ctx;
use super::{Arg, Element, Finding};
use crate::i18n::Msg;
use crate::model::{ActionStatus, Compliance};
use foldhash::HashSet;

/// A missed standard that no open or in-progress action is attached to or
/// meant to move: the method's loop stops at measuring. One pass over the
/// actions, then one over the judged standards.
pub(super) fn missed_without_action(cx: &Ctx, out: &mut Vec<Finding>) {
    let mut missed = cx
        .judged
        .iter()
        .filter(|(_, c, _)| *c == Compliance::Missed);
    let Some(first) = missed.next() else {
        return;
    };
    let looked_after: HashSet<&str> = (cx.bp.actions.iter())
        .filter(|a| a.status.is_pending())
        .flat_map(|a| a.standards().map(|s| s.as_str()))
        .collect();
    for (i, _, standard) in std::iter::once(first).chain(missed) {
        if looked_after.contains(standard.as_str()) {
            continue;
        }
        let element = Element::Standard(standard.clone());
        let msg = Msg::FindMissedWithoutAction;
        let finding = Finding::new(
            "missed-standard-without-action",
            element,
            msg,
            &[Arg::Name][..],
        );
        out.push(finding.at(*i as usize));
    }
}

/// An action still to be done whose due date has passed.
pub(super) fn overdue(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, a) in cx.bp.actions.iter().enumerate() {
        if !a.is_overdue(cx.today) {
            continue;
        }
        let status = match a.status {
            ActionStatus::InProgress => Msg::ActionInProgress,
            _ => Msg::ActionOpen,
        };
        let args = vec![Arg::Name, Arg::Due, Arg::Words(vec![status])];
        let element = Element::Action(a.id.clone());
        out.push(Finding::new("action-overdue", element, Msg::FindActionOverdue, args).at(i));
    }
}
