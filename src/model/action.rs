//! Improvement actions (acciones de mejora): what will be done, by whom and
//! by when, where the service fails or misses a standard. The step of the
//! method after setting standards and measuring them: act where it fails.

use super::ids::{ActionId, NoteId, StandardId, TouchpointId};
use super::values::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where an improvement action stands.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Agreed, not started.
    #[default]
    Open,
    /// Someone is working on it.
    InProgress,
    /// Done.
    Done,
    /// Given up, kept so the plan shows what was decided.
    Dropped,
}

impl ActionStatus {
    /// Every status, in the order an action goes through them.
    pub const ALL: [ActionStatus; 4] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Done,
        ActionStatus::Dropped,
    ];

    /// Whether the action is still to be done: open or in progress.
    pub fn is_pending(self) -> bool {
        matches!(self, ActionStatus::Open | ActionStatus::InProgress)
    }

    /// The word written in files and CSV: `open`, `in_progress`…
    pub fn code(self) -> &'static str {
        match self {
            ActionStatus::Open => "open",
            ActionStatus::InProgress => "in_progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }

    /// The status written as [`ActionStatus::code`] writes it.
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// What an improvement action is attached to: the element whose problem it
/// addresses. Written in files as an object with one field, e.g.
/// `{"fail_point": "tp-3kq9x2ab"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Attachment {
    /// The fail point of a touchpoint (named by the touchpoint's id).
    FailPoint(TouchpointId),
    /// A service standard.
    Standard(StandardId),
    /// A sticky note from a workshop.
    Note(NoteId),
}

/// An improvement action: what, who, by when, how far along, and what it is
/// for. Format version 7.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImprovementAction {
    pub id: ActionId,
    /// What will be done, e.g. "Housekeeping reports rooms ready by 13:00".
    pub what: String,
    /// Who answers for it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// When it should be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default)]
    pub status: ActionStatus,
    /// The fail point, standard or note it addresses; none once that element
    /// is deleted (the action stays in the plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached_to: Option<Attachment>,
    /// The standard the action should move (improve), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moves_standard: Option<StandardId>,
}

impl ImprovementAction {
    /// A new open action with a fresh id.
    pub fn new(what: impl Into<String>, attached_to: Option<Attachment>) -> Self {
        Self {
            id: ActionId::generate(),
            what: what.into(),
            owner: String::new(),
            due: None,
            status: ActionStatus::Open,
            attached_to,
            moves_standard: None,
        }
    }

    /// Whether it is still to be done and its due date is before `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        self.status.is_pending() && self.due.is_some_and(|d| d < today)
    }

    /// The standard this action is attached to or should move: a missed
    /// standard counts as looked after by either.
    pub fn standards(&self) -> impl Iterator<Item = &StandardId> {
        let attached = match &self.attached_to {
            Some(Attachment::Standard(s)) => Some(s),
            _ => None,
        };
        attached.into_iter().chain(
            self.moves_standard
                .iter()
                .filter(move |m| Some(*m) != attached),
        )
    }
}

impl super::Blueprint {
    /// The improvement action with this id.
    pub fn action(&self, id: &ActionId) -> Option<&ImprovementAction> {
        self.actions.iter().find(|a| &a.id == id)
    }

    /// The touchpoint an attachment lies on: the fail point's, or the
    /// standard's; none for a note, which lies on no card.
    pub fn attachment_touchpoint<'a>(&'a self, to: &'a Attachment) -> Option<&'a TouchpointId> {
        match to {
            Attachment::FailPoint(t) => Some(t),
            Attachment::Standard(s) => self
                .standards
                .iter()
                .find(|x| &x.id == s)
                .map(|x| &x.touchpoint),
            Attachment::Note(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_action_is_overdue_only_while_pending_and_past_its_day() {
        let day = |s: &str| s.parse::<Date>().unwrap();
        let mut a = ImprovementAction::new("Call back", None);
        assert!(!a.is_overdue(day("2026-05-01")), "no due date");
        a.due = Some(day("2026-04-30"));
        assert!(a.is_overdue(day("2026-05-01")));
        assert!(!a.is_overdue(day("2026-04-30")), "due today is not late");
        for (status, late) in [
            (ActionStatus::InProgress, true),
            (ActionStatus::Done, false),
            (ActionStatus::Dropped, false),
        ] {
            a.status = status;
            assert_eq!(a.is_overdue(day("2026-05-01")), late, "{status:?}");
        }
    }

    #[test]
    fn the_attachment_is_written_as_an_object_with_one_field() {
        let mut a = ImprovementAction::new("x", Some(Attachment::FailPoint("tp-1".into())));
        a.id = "act-1".into();
        a.status = ActionStatus::InProgress;
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(
            json,
            r#"{"id":"act-1","what":"x","status":"in_progress","attached_to":{"fail_point":"tp-1"}}"#
        );
        assert_eq!(serde_json::from_str::<ImprovementAction>(&json).unwrap(), a);
    }
}
