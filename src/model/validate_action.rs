//! The integrity of improvement actions: what each is attached to, and the
//! standard it should move, exist.

use super::validate::{Place, Problem, Resolve, dangling};
use super::{Attachment, ImprovementAction};

/// The problems of an action at `p`, but for its id.
pub(crate) fn check_action(
    a: &ImprovementAction,
    p: Place,
    r: &mut impl Resolve,
    out: &mut Vec<Problem>,
) {
    let id = a.id.as_str();
    if let Some(to) = &a.attached_to {
        let at = p.key("attached_to");
        let (key, kind, target, found) = match to {
            Attachment::FailPoint(t) => ("fail_point", "touchpoint", t.as_str(), {
                r.has_touchpoint(t.as_str())
            }),
            Attachment::Standard(s) => ("standard", "standard", s.as_str(), {
                r.has_standard(s.as_str())
            }),
            Attachment::Note(n) => ("note", "note", n.as_str(), r.has_note(n.as_str())),
        };
        if !found {
            out.push(dangling(at.key(key), "action", id, kind, target));
        }
    }
    if let Some(s) = &a.moves_standard
        && !r.has_standard(s.as_str())
    {
        out.push(dangling(
            p.key("moves_standard"),
            "action",
            id,
            "standard",
            s.as_str(),
        ));
    }
}
