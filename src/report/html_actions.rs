//! The report's action plan: every improvement action, soonest due first,
//! with who does it, by when, how far along, and what it is for.

use super::html::escape;
use super::plan::action_plan;
use crate::i18n::{self, Msg};
use crate::model::{Blueprint, Date, Language};
use std::fmt::Write;

/// The action plan as of `today`; left out when there is no action.
pub fn actions_section(h: &mut String, bp: &Blueprint, lang: Language, today: Date) {
    let plan = action_plan(bp, lang, today);
    if plan.is_empty() {
        return;
    }
    let t = |m: Msg| m.text(lang);
    let _ = writeln!(
        h,
        "<section class=\"actions\">\n<h2>{}</h2>\n<table class=\"actions\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t(Msg::ActionPlan),
        t(Msg::ActionWhat),
        t(Msg::ReportOwner),
        t(Msg::ActionDue),
        t(Msg::ReportStatus),
        t(Msg::ActionAttachedTo),
        t(Msg::ActionMovesStandard),
    );
    for item in &plan {
        let due = item
            .due
            .map_or_else(String::new, |d| i18n::date(d, lang).replace(' ', "\u{a0}"));
        let _ = writeln!(
            h,
            "<tr{}><td>{}</td><td>{}</td><td class=\"nowrap\">{}</td><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td></tr>",
            if item.overdue {
                " class=\"overdue\""
            } else {
                ""
            },
            escape(&item.what),
            escape(&item.owner),
            due,
            escape(&item.status_text(lang)),
            escape(&item.attached),
            escape(&item.moves),
        );
    }
    h.push_str("</table>\n</section>\n");
}
