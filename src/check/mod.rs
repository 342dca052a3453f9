//! Method intelligence: health checks of a blueprint against the servuction
//! method, compliance roll-ups, and the customer's time through the cycle.

mod actions;
mod conflicts;
mod context;
mod cut;
mod fail;
mod photos;
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
    ActionId, Blueprint, ConnectorId, Date, ImprovementAction, LaneId, Language, StageId, Standard,
    StandardId, StepId, Touchpoint, TouchpointId,
};
use compact_str::CompactString;
use serde::Serialize;
use std::borrow::Cow;
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
    /// An improvement action.
    Action(ActionId),
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
            Element::Action(id) => write!(f, "{id}"),
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
    /// What fills the message's placeholders: a list shared by all the
    /// findings of a rule where it holds nothing of an element, as
    /// `[Arg::Name]`, so that a check that finds thousands of things
    /// allocates nothing for them.
    pub args: Cow<'static, [Arg]>,
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
    /// The latest value measured against the standard the finding
    /// concerns, with its unit (`97 %`); read from the blueprint when the
    /// message is shown, as [`Arg::Name`] is, so that a check formats no
    /// figures and does not read the measurements again.
    Latest,
    /// The desired level (`target`) of the standard the finding concerns,
    /// with its unit; read when the message is shown.
    Target,
    /// The adequate level in effect of the standard the finding concerns
    /// (its own or the default, [`crate::model::Standard::adequate_level`]),
    /// with its unit; read when the message is shown.
    Adequate,
    /// The due date of the action the finding concerns, as the language
    /// writes dates; read when the message is shown.
    Due,
}

/// The element a finding concerns, as the blueprint has it now.
#[derive(Clone, Copy)]
enum Subject<'b> {
    Touchpoint(&'b Touchpoint),
    Standard(&'b Standard),
    Action(&'b ImprovementAction),
    /// Gone from the blueprint, or an element without a name.
    Other,
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
    fn render(&self, name: &str, subject: Subject, lang: Language) -> String {
        /// A figure with its unit, as `97 %`, or `%` alone.
        fn figure(value: f64, unit: &str, lang: Language) -> String {
            let value = crate::i18n::decimal(value, 3, lang);
            format!("{value} {unit}").trim().to_owned()
        }
        match (self, subject) {
            (Arg::Text(s), _) => s.to_string(),
            // A name is given as much as a message can show.
            (Arg::Name, _) => crate::shown::shown_line(name, crate::shown::LINE_CHARS).into_owned(),
            (Arg::Latest, Subject::Standard(s)) => {
                figure(s.latest().map_or(0.0, |m| m.value), &s.unit, lang)
            }
            (Arg::Target, Subject::Standard(s)) => figure(s.target.unwrap_or(0.0), &s.unit, lang),
            (Arg::Adequate, Subject::Standard(s)) => {
                figure(s.adequate_level().unwrap_or(0.0), &s.unit, lang)
            }
            (Arg::Due, Subject::Action(a)) => a
                .due
                .map_or_else(|| "?".to_owned(), |d| crate::i18n::date(d, lang)),
            // The standard is gone: its figures with it.
            (Arg::Latest | Arg::Target | Arg::Adequate | Arg::Due, _) => "?".to_owned(),
            (Arg::Words(words), _) => words
                .iter()
                .map(|w| w.text(lang).to_lowercase())
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

impl Finding {
    /// A finding of a rule (its severity is set when the rules are run).
    pub(crate) fn new(
        rule: &'static str,
        element: Element,
        msg: Msg,
        args: impl Into<Cow<'static, [Arg]>>,
    ) -> Self {
        Self {
            rule,
            severity: Severity::Hint,
            element,
            msg,
            args: args.into(),
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
        self.name_of(self.subject(bp))
    }

    fn name_of<'b>(&'b self, subject: Subject<'b>) -> &'b str {
        match (subject, &self.element) {
            (Subject::Touchpoint(t), _) => &t.title,
            (Subject::Standard(s), _) => &s.statement,
            (Subject::Action(a), _) => &a.what,
            (_, Element::Touchpoint(id)) => id.as_str(),
            (_, Element::Standard(id)) => id.as_str(),
            (_, Element::Action(id)) => id.as_str(),
            _ => "",
        }
    }

    /// The touchpoint or standard the finding concerns: at the position
    /// noted if it is still there, or wherever it is now.
    fn subject<'b>(&self, bp: &'b Blueprint) -> Subject<'b> {
        fn find<T>(items: &[T], at: u32, is: impl Fn(&T) -> bool) -> Option<&T> {
            items
                .get(at as usize)
                .filter(|x| is(x))
                .or_else(|| items.iter().find(|x| is(x)))
        }
        let found = match &self.element {
            Element::Touchpoint(id) => {
                find(&bp.touchpoints, self.at, |t| &t.id == id).map(Subject::Touchpoint)
            }
            Element::Standard(id) => {
                find(&bp.standards, self.at, |s| &s.id == id).map(Subject::Standard)
            }
            Element::Action(id) => find(&bp.actions, self.at, |a| &a.id == id).map(Subject::Action),
            _ => None,
        };
        found.unwrap_or(Subject::Other)
    }

    /// The message in a language, naming elements and giving figures as
    /// `bp` has them.
    pub fn message(&self, bp: &Blueprint, lang: Language) -> String {
        let reads = |a: &Arg| {
            matches!(
                a,
                Arg::Name | Arg::Latest | Arg::Target | Arg::Adequate | Arg::Due
            )
        };
        let subject = if self.args.iter().any(reads) {
            self.subject(bp)
        } else {
            Subject::Other
        };
        let name = self.name_of(subject);
        let rendered: Vec<String> = (self.args.iter())
            .map(|a| a.render(name, subject, lang))
            .collect();
        let args: Vec<&dyn fmt::Display> =
            rendered.iter().map(|a| a as &dyn fmt::Display).collect();
        self.msg.fill(lang, &args)
    }
}

/// Every finding of the rules that are switched on for this blueprint, errors
/// first, then in document order, as of today (UTC).
pub fn check(bp: &Blueprint) -> Vec<Finding> {
    check_on(bp, Date::today())
}

/// [`check`] as of a given day: the day decides which improvement actions
/// are overdue. The one place the check reads the clock is [`check`].
pub fn check_on(bp: &Blueprint, today: Date) -> Vec<Finding> {
    check_with(bp, today, None)
}

/// [`check_on`], with how the titles fit on their cards when the caller
/// has worked it out ([`crate::layout::title::Fits::of`] this blueprint).
pub fn check_with(
    bp: &Blueprint,
    today: Date,
    fits: Option<&crate::layout::title::Fits>,
) -> Vec<Finding> {
    // Room for a finding per two touchpoints and per two standards, as a
    // blueprint with many flagged moments and measured standards has: the
    // list is not copied as it grows, and the room a healthy blueprint
    // leaves unused is never written, so costs no memory.
    let mut findings = Vec::with_capacity(bp.touchpoints.len() / 2 + bp.standards.len() / 2);
    let mut cx = context::Ctx::new(bp, today);
    cx.fits = fits;
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
