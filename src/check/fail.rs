//! The rules of fail points: each should have an owner, a recovery (what
//! staff do when it happens), and, when its risk is high, a poka-yoke that
//! prevents it.

use super::context::*;
use super::rules::push_touchpoint;
use super::{Arg, Element, Finding};
use crate::i18n::Msg;
use crate::model::{FailPoint, Touchpoint};

/// The risk priority number (severity × occurrence × detection, out of
/// 1,000) from which a fail point should be prevented, not only recovered.
/// FMEA practice commonly takes 100 to 200 as the threshold for action;
/// 200 is its upper end, so that only the failures that are at once
/// serious, frequent and hard to catch (7 × 6 × 5 = 210) are reported.
pub const HIGH_RPN: u32 = 200;

/// What the rules know of a fail point on touchpoint `t`.
pub(super) fn flags(t: &Touchpoint, fail: &FailPoint) -> Flags {
    let mut f = FAIL_POINT;
    if t.owner.trim().is_empty() {
        f |= NO_OWNER;
    }
    if fail.recovery.trim().is_empty() {
        f |= NO_RECOVERY;
    }
    if fail.poka_yoke.trim().is_empty() && fail.rpn().is_some_and(|r| r >= HIGH_RPN) {
        f |= UNGUARDED_RISK;
    }
    f
}

/// Reports every touchpoint with flag `flag`.
fn each(cx: &Ctx, out: &mut Vec<Finding>, flag: Flags, rule: &'static str, msg: Msg) {
    for (i, _) in cx.flagged().filter(|(_, f)| f & flag != 0) {
        push_touchpoint(cx, out, rule, i, msg);
    }
}

pub(super) fn without_owner(cx: &Ctx, out: &mut Vec<Finding>) {
    each(
        cx,
        out,
        NO_OWNER,
        "fail-point-without-owner",
        Msg::FindFailPointWithoutOwner,
    );
}

/// A fail point whose recovery is empty. A standard on the touchpoint does
/// not stand for one (a delivery-time standard does not recover a parcel
/// nobody was home for), nor does a feedback connector, which says where
/// the service goes back to but not what staff do there.
pub(super) fn without_recovery(cx: &Ctx, out: &mut Vec<Finding>) {
    each(
        cx,
        out,
        NO_RECOVERY,
        "fail-point-without-recovery",
        Msg::FindFailPointWithoutRecovery,
    );
}

/// A fail point rated [`HIGH_RPN`] or more with nothing that prevents it:
/// recovery alone leaves a serious, frequent, hard-to-catch failure to
/// happen to customers.
pub(super) fn without_poka_yoke(cx: &Ctx, out: &mut Vec<Finding>) {
    for (i, _) in cx.flagged().filter(|(_, f)| f & UNGUARDED_RISK != 0) {
        let rpn = cx
            .bp
            .touchpoints
            .get(i)
            .and_then(|t| t.fail_point.as_ref())
            .and_then(|f| f.rpn())
            .unwrap_or(HIGH_RPN);
        let element = Element::Touchpoint(cx.touchpoint_id(i));
        out.push(
            Finding::new(
                "fail-point-without-poka-yoke",
                element,
                Msg::FindFailPointWithoutPokaYoke,
                vec![Arg::Name, Arg::from(rpn.to_string())],
            )
            .at(i),
        );
    }
}
