//! The action plan: every improvement action, soonest due first, with what
//! it is attached to and the standard it should move named, for the HTML
//! report, the PDF and the editor's plan.

use super::csv_actions::{Names, attachment_kind, status_word};
use crate::model::{ActionStatus, Blueprint, Date, Language};

/// One action of the plan, as documents show it.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanItem {
    /// The action's place in `Blueprint::actions`.
    pub index: usize,
    pub what: String,
    pub owner: String,
    pub due: Option<Date>,
    pub status: ActionStatus,
    /// Still to do and past its due date.
    pub overdue: bool,
    /// What it is attached to, "Fail point: Receptionist registers the
    /// guest"; empty when nothing.
    pub attached: String,
    /// The statement of the standard it should move; empty when none.
    pub moves: String,
}

/// The positions of the actions in the plan's order: by due date (those
/// without one last), then in the order of the document.
pub fn plan_order(bp: &Blueprint) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bp.actions.len()).collect();
    order.sort_by_key(|&i| (bp.actions[i].due.is_none(), bp.actions[i].due, i));
    order
}

/// The action plan of `bp` as of `today`, its words in `lang`.
pub fn action_plan(bp: &Blueprint, lang: Language, today: Date) -> Vec<PlanItem> {
    if bp.actions.is_empty() {
        return Vec::new();
    }
    let names = Names::new(bp);
    plan_order(bp)
        .into_iter()
        .map(|i| {
            let a = &bp.actions[i];
            PlanItem {
                index: i,
                what: a.what.clone(),
                owner: a.owner.clone(),
                due: a.due,
                status: a.status,
                overdue: a.is_overdue(today),
                attached: a.attached_to.as_ref().map_or_else(String::new, |to| {
                    format!("{}: {}", attachment_kind(to).1.text(lang), names.of(to))
                }),
                moves: a
                    .moves_standard
                    .as_ref()
                    .map_or_else(String::new, |s| names.standard(s).to_owned()),
            }
        })
        .collect()
}

impl PlanItem {
    /// The status in words, "Open", with "overdue" after it when it is.
    pub fn status_text(&self, lang: Language) -> String {
        let status = status_word(self.status).text(lang);
        if self.overdue {
            format!("{status} · {}", crate::i18n::Msg::ActionOverdue.text(lang))
        } else {
            status.to_owned()
        }
    }
}
