//! Method intelligence: health checks of a blueprint against the servuction
//! method, compliance roll-ups, and the customer's time through the cycle.

mod context;
mod rollup;
mod rules;
mod time;

pub use rollup::{
    Rollup, compliance_by_lane, compliance_by_stage, compliance_of_blueprint,
    compliance_of_touchpoint,
};
pub use rules::{RULES, Rule, rule};
pub use time::{StageTime, StepTime, TimeBudget, time_budget};

use crate::i18n::Msg;
use crate::model::{
    Blueprint, ConnectorId, LaneId, Language, StageId, StandardId, StepId, TouchpointId,
};
use compact_str::CompactString;
use serde::Serialize;
use std::fmt;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The service will fail its customers here: `check` exits 1.
    Error,
    /// The blueprint misses something the method expects.
    Warning,
    /// A suggestion.
    Hint,
}

impl Severity {
    /// The word printed by `check`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Hint => "hint",
        }
    }
}

/// The element a finding concerns.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Element {
    Blueprint,
    Stage(StageId),
    Step(StepId),
    Lane(LaneId),
    Touchpoint(TouchpointId),
    Connector(ConnectorId),
    Standard(StandardId),
}

impl fmt::Display for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Element::Blueprint => f.write_str("blueprint"),
            Element::Stage(id) => write!(f, "{id}"),
            Element::Step(id) => write!(f, "{id}"),
            Element::Lane(id) => write!(f, "{id}"),
            Element::Touchpoint(id) => write!(f, "{id}"),
            Element::Connector(id) => write!(f, "{id}"),
            Element::Standard(id) => write!(f, "{id}"),
        }
    }
}

/// One thing a rule found.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// The rule's id, e.g. `moment-without-standard`.
    pub rule: &'static str,
    pub severity: Severity,
    pub element: Element,
    /// The message, with `{}` placeholders filled by `args`.
    pub msg: Msg,
    /// What fills the message's placeholders.
    pub args: Vec<Arg>,
    /// Where the element sits in its list (touchpoints, standards), for
    /// reading its name when the message is shown.
    at: u32,
}

/// A value in a finding's message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// Text shown as it is: a figure with its unit (`97 %`), or the name of
    /// another element (a step's, a lane's). Held inline when it is 24
    /// bytes or shorter, as figures are, so that a check that finds
    /// thousands of things allocates nothing for them.
    Text(CompactString),
    /// Words from the catalogue, listed in the message's language.
    Words(Vec<Msg>),
    /// The name of the element the finding concerns: a touchpoint's title,
    /// a standard's statement. It is read from the blueprint when the
    /// message is shown, so that a check that finds thousands of things
    /// copies none of the document's text, and a name edited since reads
    /// as it is now.
    Name,
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s.into())
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.into())
    }
}

impl Arg {
    fn render(&self, name: &str, lang: Language) -> String {
        match self {
            Arg::Text(s) => s.to_string(),
            Arg::Name => name.to_owned(),
            Arg::Words(words) => words
                .iter()
                .map(|w| w.text(lang).to_lowercase())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

impl Finding {
    /// A finding of a rule (its severity is set when the rules are run).
    pub(crate) fn new(rule: &'static str, element: Element, msg: Msg, args: Vec<Arg>) -> Self {
        Self {
            rule,
            severity: Severity::Hint,
            element,
            msg,
            args,
            at: u32::MAX,
        }
    }

    /// This finding, its element at position `at` in its list.
    pub(crate) fn at(self, at: usize) -> Self {
        Self {
            at: u32::try_from(at).unwrap_or(u32::MAX),
            ..self
        }
    }

    /// The name of the element, as the blueprint has it now: the title of a
    /// touchpoint, the statement of a standard; its id if the blueprint no
    /// longer has it.
    pub fn name<'b>(&'b self, bp: &'b Blueprint) -> &'b str {
        /// The item with this id: at the position noted if it is still
        /// there, or wherever it is now.
        fn find<T>(items: &[T], at: u32, is: impl Fn(&T) -> bool) -> Option<&T> {
            items
                .get(at as usize)
                .filter(|x| is(x))
                .or_else(|| items.iter().find(|x| is(x)))
        }
        let name = match &self.element {
            Element::Touchpoint(id) => {
                find(&bp.touchpoints, self.at, |t| &t.id == id).map(|t| t.title.as_str())
            }
            Element::Standard(id) => {
                find(&bp.standards, self.at, |s| &s.id == id).map(|s| s.statement.as_str())
            }
            _ => None,
        };
        name.unwrap_or_else(|| match &self.element {
            Element::Touchpoint(id) => id.as_str(),
            Element::Standard(id) => id.as_str(),
            _ => "",
        })
    }

    /// The message in a language, naming elements as `bp` has them.
    pub fn message(&self, bp: &Blueprint, lang: Language) -> String {
        let name = if self.args.contains(&Arg::Name) {
            self.name(bp)
        } else {
            ""
        };
        let rendered: Vec<String> = self.args.iter().map(|a| a.render(name, lang)).collect();
        let args: Vec<&dyn fmt::Display> =
            rendered.iter().map(|a| a as &dyn fmt::Display).collect();
        self.msg.fill(lang, &args)
    }
}

/// Every finding of the rules that are switched on for this blueprint, errors
/// first, then in document order.
pub fn check(bp: &Blueprint) -> Vec<Finding> {
    let mut findings = Vec::new();
    let cx = context::Ctx::new(bp);
    // Severity by severity, each rule's findings in the rules' order: sorted
    // as they are found.
    for severity in [Severity::Error, Severity::Warning, Severity::Hint] {
        for rule in RULES.iter().filter(|r| r.severity == severity) {
            if !bp.disabled_rules.iter().any(|r| r == rule.id) {
                let first = findings.len();
                (rule.run)(&cx, &mut findings);
                for f in &mut findings[first..] {
                    f.severity = severity;
                }
            }
        }
    }
    findings
}
