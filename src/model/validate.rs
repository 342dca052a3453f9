//! Integrity of a blueprint: every reference resolves, every id is unique,
//! every number is finite and in range. The file reader reports these with
//! their place in the file; the editor keeps documents free of them.

use super::{Blueprint, LineKind};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One step of a path to a value in a document: a field or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSeg {
    Key(String),
    Index(usize),
}

/// Where in a document a value sits, e.g. `touchpoints[3].lane`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocPath(pub Vec<PathSeg>);

impl DocPath {
    /// This path followed by a field.
    pub fn key(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.0.push(PathSeg::Key(key.to_owned()));
        p
    }

    /// This path followed by an array index.
    pub fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(PathSeg::Index(i));
        p
    }

    /// A path from a list of fields and indices; `"touchpoints", 3, "lane"`.
    pub fn root() -> Self {
        Self::default()
    }

    /// This path under `prefix`.
    pub fn under(&self, prefix: &DocPath) -> Self {
        let mut p = prefix.clone();
        p.0.extend(self.0.iter().cloned());
        p
    }
}

impl fmt::Display for DocPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSeg::Key(k) if i == 0 => write!(f, "{k}")?,
                PathSeg::Key(k) => write!(f, ".{k}")?,
                PathSeg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// What is wrong with a blueprint.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum IntegrityError {
    #[error("the id `{id}` is used by more than one element (first at {first})")]
    DuplicateId { id: String, first: String },
    #[error("the id is empty")]
    EmptyId,
    #[error("{element} `{id}` refers to {target_kind} `{target}`, which does not exist")]
    DanglingReference {
        element: &'static str,
        id: String,
        target_kind: &'static str,
        target: String,
    },
    #[error("the number is not finite")]
    NotFinite,
    #[error("{what} must not be negative (found {value})")]
    Negative { what: &'static str, value: f64 },
    #[error("the feeling {value} is outside -2..+2")]
    FeelingOutOfRange { value: i8 },
    #[error("the line `{kind}` appears more than once")]
    DuplicateLine { kind: &'static str },
    #[error("the line `{kind}` belongs to the method and cannot be hidden")]
    HiddenRequiredLine { kind: &'static str },
    #[error("{count} {what} is more than the {limit} a blueprint may hold")]
    TooMany {
        what: &'static str,
        count: usize,
        limit: usize,
    },
    #[error("connector `{id}` connects touchpoint `{touchpoint}` to itself")]
    SelfConnector { id: String, touchpoint: String },
    #[error(
        "note `{id}` must be either pinned to a cell (`lane` and `step`) or loose (`at`), {found}"
    )]
    NotePlacement { id: String, found: &'static str },
    #[error("{value} is off the diagram (a loose note lies within 0..{max})")]
    OffDiagram { value: f64, max: f64 },
}

/// An integrity problem and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub path: DocPath,
    pub error: IntegrityError,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.error)
    }
}

/// The file name of a line kind, for messages.
pub fn line_kind_name(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Interaction => "interaction",
        LineKind::Visibility => "visibility",
        LineKind::InternalInteraction => "internal_interaction",
        LineKind::OrderPenetration => "order_penetration",
        LineKind::Implementation => "implementation",
    }
}

/// The most elements of each kind a blueprint may hold: far above any real
/// service, low enough that an absurd file is refused before it is laid out.
pub mod limits {
    pub const LANES: usize = 200;
    pub const STEPS: usize = 10_000;
    pub const TOUCHPOINTS: usize = 100_000;
    pub const CONNECTORS: usize = 200_000;
    pub const STANDARDS: usize = 100_000;
    pub const MEASUREMENTS: usize = 1_000_000;
    pub const NOTES: usize = 100_000;
    /// How far from the diagram's corner a loose note may lie.
    pub const NOTE_REACH: f64 = 1_000_000.0;
}

impl Blueprint {
    /// Every integrity problem of this blueprint, in document order. Paths are
    /// relative to the blueprint.
    pub fn problems(&self) -> Vec<Problem> {
        let mut v = Validator::default();
        v.run(self);
        v.problems
    }
}

/// Where an element sits: `list[index]`, or a step, `stages[index].steps[step]`.
/// Small, as one is kept per id; paths are only made of it for a problem found.
#[derive(Clone, Copy, Debug)]
struct At {
    index: u32,
    /// The step's position in its stage (below [`limits::STEPS`]), or
    /// `u16::MAX` for no step.
    step: u16,
    list: List,
}

/// The lists of a blueprint whose elements have ids or are checked.
#[derive(Clone, Copy, Debug)]
#[repr(u8)]
enum List {
    Stages,
    Lanes,
    Lines,
    Touchpoints,
    Notes,
    Connectors,
    Standards,
}

impl List {
    fn key(self) -> &'static str {
        match self {
            List::Stages => "stages",
            List::Lanes => "lanes",
            List::Lines => "lines",
            List::Touchpoints => "touchpoints",
            List::Notes => "notes",
            List::Connectors => "connectors",
            List::Standards => "standards",
        }
    }
}

impl At {
    fn new(list: List, index: usize) -> Self {
        Self {
            list,
            index: index as u32,
            step: u16::MAX,
        }
    }

    /// A step of this stage.
    fn step(self, step: usize) -> Self {
        Self {
            step: step.min(usize::from(u16::MAX - 1)) as u16,
            ..self
        }
    }

    /// The path of the element.
    fn path(self) -> DocPath {
        let mut p = DocPath(Vec::with_capacity(5));
        p.0.push(PathSeg::Key(self.list.key().to_owned()));
        p.0.push(PathSeg::Index(self.index as usize));
        if self.step != u16::MAX {
            p.0.push(PathSeg::Key("steps".to_owned()));
            p.0.push(PathSeg::Index(self.step as usize));
        }
        p
    }

    /// The path of a field of the element.
    fn key(self, key: &str) -> DocPath {
        let mut p = self.path();
        p.0.push(PathSeg::Key(key.to_owned()));
        p
    }
}

/// Kinds of element an id belongs to, as bits: what references may point at.
const STEP: u8 = 1;
const LANE: u8 = 2;
const TOUCHPOINT: u8 = 4;

/// What is known of an id: the element first seen with it, and the kinds of
/// all elements with it (in eight bytes, with its key a table entry of 24).
#[derive(Clone, Copy, Debug)]
struct Seen {
    index: u32,
    step: u16,
    list: List,
    kinds: u8,
}

impl Seen {
    fn new(at: At, kinds: u8) -> Self {
        Self {
            index: at.index,
            step: at.step,
            list: at.list,
            kinds,
        }
    }

    fn first(self) -> At {
        At {
            index: self.index,
            step: self.step,
            list: self.list,
        }
    }
}

const _: () = assert!(std::mem::size_of::<Seen>() == 8);

#[derive(Default)]
struct Validator<'a> {
    problems: Vec<Problem>,
    /// Every id seen so far. One table for all ids and references keeps the
    /// work per element to one or two lookups in it.
    seen: HashMap<&'a str, Seen>,
}

impl<'a> Validator<'a> {
    fn push(&mut self, path: DocPath, error: IntegrityError) {
        self.problems.push(Problem { path, error });
    }

    /// Takes note of an element's id, of a kind (`0` for one nothing refers to).
    fn id(&mut self, id: &'a str, at: At, kind: u8) {
        let mut duplicate = None;
        self.seen
            .entry(id)
            .and_modify(|seen| {
                seen.kinds |= kind;
                duplicate = Some(seen.first());
            })
            .or_insert(Seen::new(at, kind));
        if id.is_empty() {
            self.push(at.key("id"), IntegrityError::EmptyId);
        } else if let Some(first) = duplicate {
            let first = first.key("id").to_string();
            self.push(
                at.key("id"),
                IntegrityError::DuplicateId {
                    id: id.to_owned(),
                    first,
                },
            );
        }
    }

    /// Whether an element of a kind has this id.
    fn is(&self, id: &str, kind: u8) -> bool {
        self.seen.get(id).is_some_and(|s| s.kinds & kind != 0)
    }

    /// Checks a number; `path` makes its path if it is wrong.
    fn number(
        &mut self,
        value: Option<f64>,
        what: &'static str,
        path: impl FnOnce() -> DocPath,
        non_negative: bool,
    ) {
        let Some(value) = value else { return };
        if !value.is_finite() {
            self.push(path(), IntegrityError::NotFinite);
        } else if non_negative && value < 0.0 {
            self.push(path(), IntegrityError::Negative { what, value });
        }
    }

    fn run(&mut self, bp: &'a Blueprint) {
        let root = DocPath::root();
        let steps = bp.stages.iter().map(|s| s.steps.len()).sum();
        let measurements = bp.standards.iter().map(|s| s.measurements.len()).sum();
        for (key, what, count, limit) in [
            ("lanes", "lanes", bp.lanes.len(), limits::LANES),
            ("stages", "steps", steps, limits::STEPS),
            (
                "touchpoints",
                "touchpoints",
                bp.touchpoints.len(),
                limits::TOUCHPOINTS,
            ),
            (
                "connectors",
                "connectors",
                bp.connectors.len(),
                limits::CONNECTORS,
            ),
            (
                "standards",
                "standards",
                bp.standards.len(),
                limits::STANDARDS,
            ),
            (
                "standards",
                "measured values",
                measurements,
                limits::MEASUREMENTS,
            ),
            ("notes", "notes", bp.notes.len(), limits::NOTES),
        ] {
            if count > limit {
                self.push(
                    root.key(key),
                    IntegrityError::TooMany { what, count, limit },
                );
            }
        }
        if !self.problems.is_empty() {
            // Checking every element of an absurd document is not worth the time.
            return;
        }
        let ids = bp.stages.len()
            + steps
            + bp.lanes.len()
            + bp.touchpoints.len()
            + bp.notes.len()
            + bp.connectors.len()
            + bp.standards.len();
        self.seen.reserve(ids);
        for (si, stage) in bp.stages.iter().enumerate() {
            let at = At::new(List::Stages, si);
            self.id(stage.id.as_str(), at, 0);
            for (ti, step) in stage.steps.iter().enumerate() {
                let at = at.step(ti);
                self.id(step.id.as_str(), at, STEP);
                self.number(
                    step.duration_min,
                    "a duration",
                    || at.key("duration_min"),
                    true,
                );
            }
        }
        for (i, lane) in bp.lanes.iter().enumerate() {
            self.id(lane.id.as_str(), At::new(List::Lanes, i), LANE);
        }
        let mut line_kinds = HashSet::new();
        for (i, line) in bp.lines.iter().enumerate() {
            let at = At::new(List::Lines, i);
            let kind = line_kind_name(line.kind);
            if !line_kinds.insert(line.kind) {
                self.push(at.key("kind"), IntegrityError::DuplicateLine { kind });
            }
            if !self.is(line.after_lane.as_str(), LANE) {
                self.push(
                    at.key("after_lane"),
                    IntegrityError::DanglingReference {
                        element: "line",
                        id: kind.to_owned(),
                        target_kind: "lane",
                        target: line.after_lane.0.clone(),
                    },
                );
            }
            if !line.shown && !line.kind.is_optional() {
                self.push(at.key("shown"), IntegrityError::HiddenRequiredLine { kind });
            }
        }
        for (i, tp) in bp.touchpoints.iter().enumerate() {
            let at = At::new(List::Touchpoints, i);
            self.id(tp.id.as_str(), at, TOUCHPOINT);
            if !self.is(tp.lane.as_str(), LANE) {
                self.dangling(at.key("lane"), "touchpoint", &tp.id.0, "lane", &tp.lane.0);
            }
            if !self.is(tp.step.as_str(), STEP) {
                self.dangling(at.key("step"), "touchpoint", &tp.id.0, "step", &tp.step.0);
            }
            self.number(
                tp.expected_wait_min,
                "an expected wait",
                || at.key("expected_wait_min"),
                true,
            );
            self.number(
                tp.duration_min,
                "a duration",
                || at.key("duration_min"),
                true,
            );
            if let Some(f) = tp.feeling
                && !(-2..=2).contains(&f)
            {
                self.push(
                    at.key("feeling"),
                    IntegrityError::FeelingOutOfRange { value: f },
                );
            }
        }
        for (i, n) in bp.notes.iter().enumerate() {
            let at = At::new(List::Notes, i);
            self.id(n.id.as_str(), at, 0);
            let found = match (&n.lane, &n.step, &n.at) {
                (Some(_), Some(_), None) | (None, None, Some(_)) => None,
                (None, None, None) => Some("but has neither"),
                (_, _, Some(_)) => Some("not both"),
                (Some(_), None, None) => Some("but has a lane and no step"),
                (None, Some(_), None) => Some("but has a step and no lane"),
            };
            if let Some(found) = found {
                self.push(
                    at.path(),
                    IntegrityError::NotePlacement {
                        id: n.id.0.clone(),
                        found,
                    },
                );
            }
            if let Some(lane) = &n.lane
                && !self.is(lane.as_str(), LANE)
            {
                self.dangling(at.key("lane"), "note", &n.id.0, "lane", &lane.0);
            }
            if let Some(step) = &n.step
                && !self.is(step.as_str(), STEP)
            {
                self.dangling(at.key("step"), "note", &n.id.0, "step", &step.0);
            }
            if let Some(point) = n.at {
                for (key, value) in [("x", point.x), ("y", point.y)] {
                    let path = || at.key("at").key(key);
                    if !value.is_finite() {
                        self.push(path(), IntegrityError::NotFinite);
                    } else if !(0.0..=limits::NOTE_REACH).contains(&value) {
                        self.push(
                            path(),
                            IntegrityError::OffDiagram {
                                value,
                                max: limits::NOTE_REACH,
                            },
                        );
                    }
                }
            }
        }
        for (i, c) in bp.connectors.iter().enumerate() {
            let at = At::new(List::Connectors, i);
            self.id(c.id.as_str(), at, 0);
            for (field, end) in [("from", &c.from), ("to", &c.to)] {
                if !self.is(end.as_str(), TOUCHPOINT) {
                    self.dangling(at.key(field), "connector", &c.id.0, "touchpoint", &end.0);
                }
            }
            if c.from == c.to {
                self.push(
                    at.key("to"),
                    IntegrityError::SelfConnector {
                        id: c.id.0.clone(),
                        touchpoint: c.from.0.clone(),
                    },
                );
            }
        }
        for (i, s) in bp.standards.iter().enumerate() {
            let at = At::new(List::Standards, i);
            self.id(s.id.as_str(), at, 0);
            if !self.is(s.touchpoint.as_str(), TOUCHPOINT) {
                self.dangling(
                    at.key("touchpoint"),
                    "standard",
                    &s.id.0,
                    "touchpoint",
                    &s.touchpoint.0,
                );
            }
            self.number(s.target, "a target", || at.key("target"), false);
            self.number(s.tolerance, "a tolerance", || at.key("tolerance"), true);
            for (j, m) in s.measurements.iter().enumerate() {
                self.number(
                    Some(m.value),
                    "a value",
                    || at.key("measurements").index(j).key("value"),
                    false,
                );
            }
        }
    }

    fn dangling(
        &mut self,
        path: DocPath,
        element: &'static str,
        id: &str,
        target_kind: &'static str,
        target: &str,
    ) {
        self.push(
            path,
            IntegrityError::DanglingReference {
                element,
                id: id.to_owned(),
                target_kind,
                target: target.to_owned(),
            },
        );
    }
}
