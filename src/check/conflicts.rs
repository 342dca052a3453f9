//! The rule that shows what a merge left to resolve (`servuction merge`
//! keeps ours in the document and theirs in its `conflicts`): each
//! conflict is an error on its element, so that `check` fails and the
//! editor's problems list names it until it is resolved.

use super::context::Ctx;
use super::{Arg, Element, Finding};
use crate::i18n::Msg;
use crate::model::ElementKind;

pub(super) fn merge_conflict(cx: &Ctx, out: &mut Vec<Finding>) {
    for c in &cx.bp.conflicts {
        let id = c.id.as_str();
        let element = match c.kind {
            ElementKind::Stage if !id.is_empty() => Element::Stage(id.into()),
            ElementKind::Step if !id.is_empty() => Element::Step(id.into()),
            ElementKind::Lane if !id.is_empty() => Element::Lane(id.into()),
            ElementKind::Touchpoint if !id.is_empty() => Element::Touchpoint(id.into()),
            ElementKind::Connector if !id.is_empty() => Element::Connector(id.into()),
            ElementKind::Standard if !id.is_empty() => Element::Standard(id.into()),
            _ => Element::Blueprint,
        };
        let (msg, args) = match c.field.as_str() {
            "" => (Msg::FindMergeKept, Vec::new()),
            "order" if id.is_empty() => (Msg::FindMergeOrder, Vec::new()),
            field => (Msg::FindMergeField, vec![Arg::Text(field.into())]),
        };
        out.push(Finding::new("merge-conflict", element, msg, args));
    }
}
