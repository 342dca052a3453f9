//! Integrity of a blueprint: every reference resolves, every id is unique,
//! every number is finite and in range. The file reader reports these with
//! their place in the file; the editor keeps documents free of them.

use super::index::IdTable;
pub use super::path::{DocPath, PathSeg};
use super::validate_action::check_action;
use super::{Blueprint, Connector, Line, LineKind, Note, Standard, Step, Touchpoint};
use foldhash::{HashSet, HashSetExt};
use std::fmt;

/// What is wrong with a blueprint.
#[derive(Clone, Debug, PartialEq)]
pub enum IntegrityError {
    DuplicateId {
        id: String,
        first: String,
    },
    EmptyId,
    DanglingReference {
        element: &'static str,
        id: String,
        target_kind: &'static str,
        target: String,
    },
    NotFinite,
    Negative {
        what: &'static str,
        value: f64,
    },
    FeelingOutOfRange {
        value: i8,
    },
    /// A fail point's severity, occurrence or detection outside 1..10.
    RatingOutOfRange {
        value: u8,
    },
    DuplicateLine {
        kind: &'static str,
    },
    HiddenRequiredLine {
        kind: &'static str,
    },
    TooMany {
        what: &'static str,
        count: usize,
        limit: usize,
    },
    SelfConnector {
        id: String,
        touchpoint: String,
    },
    NotePlacement {
        id: String,
        found: &'static str,
    },
    OffDiagram {
        value: f64,
        max: f64,
    },
    /// A photo, or a touchpoint's photos, out of their limits or damaged.
    Photo(super::validate_photo::PhotoProblem),
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
    pub const ACTIONS: usize = 100_000;
    /// Health-check rules switched off: far more than there are rules (an
    /// unknown id is kept, for a file from a newer Servuction).
    pub const DISABLED_RULES: usize = 1_000;
    /// How far from the diagram's corner a loose note may lie.
    pub const NOTE_REACH: f64 = 1_000_000.0;
    /// Photos stored in a blueprint, each once however many cards show it.
    pub const PHOTOS: usize = 1_000;
    /// Photos one touchpoint shows.
    pub const PHOTOS_PER_TOUCHPOINT: usize = 20;
    /// The bytes of one stored photo: a PNG of [`PHOTO_SIDE`] pixels a
    /// side, with transparency, fits; what Servuction stores is at most
    /// 1,600 pixels a side.
    pub const PHOTO_BYTES: usize = 16 * 1024 * 1024;
    /// The bytes of all stored photos (base64 writes them in 4/3 as many:
    /// 128 MiB), beside the 64 MiB of the rest of the document.
    pub const PHOTOS_TOTAL_BYTES: usize = 96 * 1024 * 1024;
    /// The widest and tallest stored photo, in pixels: Servuction stores
    /// at most 1,600 (`photo::LONG_EDGE`); a file from another tool may
    /// store a little more.
    pub const PHOTO_SIDE: u32 = 2_048;
    /// The longest caption of a photo, in characters.
    pub const CAPTION_CHARS: usize = 1_000;
    /// The longest text alternative of a photo, in characters.
    pub const ALT_CHARS: usize = 2_000;
    // What Servuction stores always fits: a PNG of noise with transparency
    // at the long edge, with room for its chunks.
    const _: () = assert!(
        (crate::photo::LONG_EDGE as usize).pow(2) * 4 + 64 * 1024 <= PHOTO_BYTES
            && PHOTO_BYTES <= PHOTOS_TOTAL_BYTES
            && crate::photo::LONG_EDGE <= PHOTO_SIDE
    );
}

impl Blueprint {
    /// Every integrity problem of this blueprint, in document order. Paths are
    /// relative to the blueprint.
    pub fn problems(&self) -> Vec<Problem> {
        let mut v = Validator {
            problems: Vec::new(),
            ids: Ids::with_capacity(0),
        };
        v.run(self);
        v.problems
    }
}

/// Which ids a blueprint holds, for the checks of one element's references.
/// The full validator answers from sets of every id; the edit layer, which
/// checks only what an edit changed, answers however is cheapest.
pub(crate) trait Resolve {
    fn has_lane(&mut self, id: &str) -> bool;
    fn has_step(&mut self, id: &str) -> bool;
    fn has_touchpoint(&mut self, id: &str) -> bool;
    fn has_standard(&mut self, id: &str) -> bool;
    fn has_note(&mut self, id: &str) -> bool;
}

/// The problem if a count is over its limit; `key` is the field that holds
/// the elements, `what` names them.
pub(crate) fn too_many(
    key: &str,
    what: &'static str,
    count: usize,
    limit: usize,
) -> Option<Problem> {
    (count > limit).then(|| Problem {
        path: DocPath::root().key(key),
        error: IntegrityError::TooMany { what, count, limit },
    })
}

fn number(
    value: Option<f64>,
    what: &'static str,
    at: Place,
    key: &str,
    non_negative: bool,
    out: &mut Vec<Problem>,
) {
    let Some(value) = value else { return };
    let error = if !value.is_finite() {
        IntegrityError::NotFinite
    } else if non_negative && value < 0.0 {
        IntegrityError::Negative { what, value }
    } else {
        return;
    };
    out.push(Problem {
        path: at.key(key),
        error,
    });
}

pub(crate) fn dangling(
    path: DocPath,
    element: &'static str,
    id: &str,
    target_kind: &'static str,
    target: &str,
) -> Problem {
    Problem {
        path,
        error: IntegrityError::DanglingReference {
            element,
            id: id.to_owned(),
            target_kind,
            target: target.to_owned(),
        },
    }
}

/// The problems of a step at `p`, but for its id.
pub(crate) fn check_step(step: &Step, p: Place, out: &mut Vec<Problem>) {
    number(
        step.duration_min,
        "a duration",
        p,
        "duration_min",
        true,
        out,
    );
}

/// The problems of the lines: no kind twice, each under a lane that exists,
/// the lines of the method shown.
pub(crate) fn check_lines(lines: &[Line], r: &mut impl Resolve, out: &mut Vec<Problem>) {
    let mut kinds = HashSet::new();
    for (i, line) in lines.iter().enumerate() {
        let p = Place::At("lines", i);
        let kind = line_kind_name(line.kind);
        if !kinds.insert(line.kind) {
            out.push(Problem {
                path: p.key("kind"),
                error: IntegrityError::DuplicateLine { kind },
            });
        }
        if !r.has_lane(line.after_lane.as_str()) {
            out.push(dangling(
                p.key("after_lane"),
                "line",
                kind,
                "lane",
                line.after_lane.as_str(),
            ));
        }
        if !line.shown && !line.kind.is_optional() {
            out.push(Problem {
                path: p.key("shown"),
                error: IntegrityError::HiddenRequiredLine { kind },
            });
        }
    }
}

/// The problems of a touchpoint at `p`, but for its id.
pub(crate) fn check_touchpoint(
    tp: &Touchpoint,
    p: Place,
    r: &mut impl Resolve,
    out: &mut Vec<Problem>,
) {
    if !r.has_lane(tp.lane.as_str()) {
        out.push(dangling(
            p.key("lane"),
            "touchpoint",
            &tp.id.0,
            "lane",
            &tp.lane.0,
        ));
    }
    if !r.has_step(tp.step.as_str()) {
        out.push(dangling(
            p.key("step"),
            "touchpoint",
            &tp.id.0,
            "step",
            &tp.step.0,
        ));
    }
    number(
        tp.expected_wait_min,
        "an expected wait",
        p,
        "expected_wait_min",
        true,
        out,
    );
    number(tp.duration_min, "a duration", p, "duration_min", true, out);
    if let Some(f) = tp.feeling
        && !(-2..=2).contains(&f)
    {
        out.push(Problem {
            path: p.key("feeling"),
            error: IntegrityError::FeelingOutOfRange { value: f },
        });
    }
    if let Some(fail) = &tp.fail_point {
        let at = p.key("fail_point");
        if let Some(value) = fail.recovery_min {
            let error = if !value.is_finite() {
                Some(IntegrityError::NotFinite)
            } else if value < 0.0 {
                Some(IntegrityError::Negative {
                    what: "a recovery time",
                    value,
                })
            } else {
                None
            };
            if let Some(error) = error {
                out.push(Problem {
                    path: at.key("recovery_min"),
                    error,
                });
            }
        }
        for (key, rating) in fail.ratings() {
            if let Some(value) = rating
                && !super::RATING.contains(&value)
            {
                out.push(Problem {
                    path: at.key(key),
                    error: IntegrityError::RatingOutOfRange { value },
                });
            }
        }
    }
}

/// The problems of a note at `p`, but for its id.
pub(crate) fn check_note(n: &Note, p: Place, r: &mut impl Resolve, out: &mut Vec<Problem>) {
    let found = match (&n.lane, &n.step, &n.at) {
        (Some(_), Some(_), None) | (None, None, Some(_)) => None,
        (None, None, None) => Some("but has neither"),
        (_, _, Some(_)) => Some("not both"),
        (Some(_), None, None) => Some("but has a lane and no step"),
        (None, Some(_), None) => Some("but has a step and no lane"),
    };
    if let Some(found) = found {
        out.push(Problem {
            path: p.element(),
            error: IntegrityError::NotePlacement {
                id: n.id.0.to_string(),
                found,
            },
        });
    }
    if let Some(lane) = &n.lane
        && !r.has_lane(lane.as_str())
    {
        out.push(dangling(p.key("lane"), "note", &n.id.0, "lane", &lane.0));
    }
    if let Some(step) = &n.step
        && !r.has_step(step.as_str())
    {
        out.push(dangling(p.key("step"), "note", &n.id.0, "step", &step.0));
    }
    if let Some(at) = n.at {
        for (key, value) in [("x", at.x), ("y", at.y)] {
            let error = if !value.is_finite() {
                IntegrityError::NotFinite
            } else if !(0.0..=limits::NOTE_REACH).contains(&value) {
                IntegrityError::OffDiagram {
                    value,
                    max: limits::NOTE_REACH,
                }
            } else {
                continue;
            };
            out.push(Problem {
                path: p.key("at").key(key),
                error,
            });
        }
    }
}

/// The problems of a connector at `p`, but for its id.
pub(crate) fn check_connector(
    c: &Connector,
    p: Place,
    r: &mut impl Resolve,
    out: &mut Vec<Problem>,
) {
    for (field, end) in [("from", &c.from), ("to", &c.to)] {
        if !r.has_touchpoint(end.as_str()) {
            out.push(dangling(
                p.key(field),
                "connector",
                &c.id.0,
                "touchpoint",
                &end.0,
            ));
        }
    }
    if c.from == c.to {
        out.push(Problem {
            path: p.key("to"),
            error: IntegrityError::SelfConnector {
                id: c.id.0.to_string(),
                touchpoint: c.from.0.to_string(),
            },
        });
    }
}

/// The problems of a standard at `p`, but for its id.
pub(crate) fn check_standard(s: &Standard, p: Place, r: &mut impl Resolve, out: &mut Vec<Problem>) {
    if !r.has_touchpoint(s.touchpoint.as_str()) {
        out.push(dangling(
            p.key("touchpoint"),
            "standard",
            &s.id.0,
            "touchpoint",
            &s.touchpoint.0,
        ));
    }
    number(s.target, "a target", p, "target", false, out);
    number(s.tolerance, "a tolerance", p, "tolerance", true, out);
    for (j, m) in s.measurements.iter().enumerate() {
        if !m.value.is_finite() {
            out.push(Problem {
                path: p.key("measurements").index(j).key("value"),
                error: IntegrityError::NotFinite,
            });
        }
    }
}

/// Every id of a kind the blueprint holds.
/// Every id of the blueprint in one table: where each was first seen, and
/// which kinds of element have it.
struct Ids {
    table: IdTable,
    first: Vec<Place>,
    kinds: Vec<u8>,
}

const LANE: u8 = 1;
const STEP: u8 = 1 << 1;
const TOUCHPOINT: u8 = 1 << 2;
const STANDARD: u8 = 1 << 3;
const NOTE: u8 = 1 << 4;

impl Ids {
    fn with_capacity(n: usize) -> Self {
        Self {
            table: IdTable::with_capacity(n),
            first: Vec::with_capacity(n),
            kinds: Vec::with_capacity(n),
        }
    }

    /// Adds an id held by an element of a kind (`LANE`…, or 0) at a place:
    /// where it was first seen if it was seen before.
    fn add(&mut self, id: &str, place: Place, kind: u8) -> Option<Place> {
        let (k, new) = self.table.intern(id);
        if new {
            self.first.push(place);
            self.kinds.push(kind);
            None
        } else {
            self.kinds[k as usize] |= kind;
            Some(self.first[k as usize])
        }
    }

    fn has(&self, id: &str, kind: u8) -> bool {
        (self.table.find(id)).is_some_and(|k| self.kinds[k as usize] & kind != 0)
    }
}

impl Resolve for Ids {
    fn has_lane(&mut self, id: &str) -> bool {
        self.has(id, LANE)
    }
    fn has_step(&mut self, id: &str) -> bool {
        self.has(id, STEP)
    }
    fn has_touchpoint(&mut self, id: &str) -> bool {
        self.has(id, TOUCHPOINT)
    }
    fn has_standard(&mut self, id: &str) -> bool {
        self.has(id, STANDARD)
    }
    fn has_note(&mut self, id: &str) -> bool {
        self.has(id, NOTE)
    }
}

/// Where an element sits, for messages: its path is only built for one.
#[derive(Clone, Copy)]
pub(crate) enum Place {
    Stage(usize),
    Step(usize, usize),
    At(&'static str, usize),
}

impl Place {
    /// The path of the element.
    pub(crate) fn element(self) -> DocPath {
        let root = DocPath::root();
        match self {
            Place::Stage(i) => root.key("stages").index(i),
            Place::Step(i, j) => root.key("stages").index(i).key("steps").index(j),
            Place::At(key, i) => root.key(key).index(i),
        }
    }

    /// The path of a field of the element.
    pub(crate) fn key(self, key: &str) -> DocPath {
        self.element().key(key)
    }

    /// The path of the element's id.
    pub(crate) fn path(self) -> DocPath {
        self.key("id")
    }
}

struct Validator {
    problems: Vec<Problem>,
    /// Every id seen so far.
    ids: Ids,
}

impl Validator {
    fn push(&mut self, path: DocPath, error: IntegrityError) {
        self.problems.push(Problem { path, error });
    }

    /// Notes the id of an element of a kind (`LANE`…, or 0) at a place.
    fn id(&mut self, id: &str, place: Place, kind: u8) {
        let first = self.ids.add(id, place, kind);
        if id.is_empty() {
            self.push(place.path(), IntegrityError::EmptyId);
        } else if let Some(first) = first {
            let first = first.path().to_string();
            self.push(
                place.path(),
                IntegrityError::DuplicateId {
                    id: id.to_owned(),
                    first,
                },
            );
        }
    }

    fn run(&mut self, bp: &Blueprint) {
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
            ("actions", "actions", bp.actions.len(), limits::ACTIONS),
            ("photos", "photos", bp.photos.len(), limits::PHOTOS),
            (
                "disabled_rules",
                "disabled rules",
                bp.disabled_rules.len(),
                limits::DISABLED_RULES,
            ),
        ] {
            self.problems.extend(too_many(key, what, count, limit));
        }
        if !self.problems.is_empty() {
            // Checking every element of an absurd document is not worth the time.
            return;
        }
        // Sized once: growing tables of this many ids costs more than
        // checking them.
        let ids = bp.stages.len()
            + steps
            + bp.lanes.len()
            + bp.touchpoints.len()
            + bp.notes.len()
            + bp.connectors.len()
            + bp.standards.len()
            + bp.actions.len();
        self.ids = Ids::with_capacity(ids);
        for (si, stage) in bp.stages.iter().enumerate() {
            self.id(stage.id.as_str(), Place::Stage(si), 0);
            for (ti, step) in stage.steps.iter().enumerate() {
                self.id(step.id.as_str(), Place::Step(si, ti), STEP);
                check_step(step, Place::Step(si, ti), &mut self.problems);
            }
        }
        for (i, lane) in bp.lanes.iter().enumerate() {
            self.id(lane.id.as_str(), Place::At("lanes", i), LANE);
        }
        check_lines(&bp.lines, &mut self.ids, &mut self.problems);
        for (i, tp) in bp.touchpoints.iter().enumerate() {
            self.id(tp.id.as_str(), Place::At("touchpoints", i), TOUCHPOINT);
            check_touchpoint(
                tp,
                Place::At("touchpoints", i),
                &mut self.ids,
                &mut self.problems,
            );
        }
        for (i, n) in bp.notes.iter().enumerate() {
            self.id(n.id.as_str(), Place::At("notes", i), NOTE);
            check_note(n, Place::At("notes", i), &mut self.ids, &mut self.problems);
        }
        for (i, c) in bp.connectors.iter().enumerate() {
            self.id(c.id.as_str(), Place::At("connectors", i), 0);
            check_connector(
                c,
                Place::At("connectors", i),
                &mut self.ids,
                &mut self.problems,
            );
        }
        for (i, s) in bp.standards.iter().enumerate() {
            self.id(s.id.as_str(), Place::At("standards", i), STANDARD);
            check_standard(
                s,
                Place::At("standards", i),
                &mut self.ids,
                &mut self.problems,
            );
        }
        for (i, a) in bp.actions.iter().enumerate() {
            self.id(a.id.as_str(), Place::At("actions", i), 0);
            check_action(
                a,
                Place::At("actions", i),
                &mut self.ids,
                &mut self.problems,
            );
        }
        super::validate_photo::check_photos(bp, &mut self.problems);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of ids answers as lists searched from the start would:
    /// where an id was first seen, and whether an element of a kind has it,
    /// with ids shared across kinds, repeated, empty and long.
    #[test]
    fn the_id_table_answers_as_a_search_of_every_id_added() {
        let mut next = crate::testing::numbers(0x9e37_79b9_7f4a_7c15u64);
        let names = [
            "",
            "a",
            "b",
            "tp-1",
            "a-very-long-id-held-outside-its-record-1",
        ];
        for _ in 0..200 {
            let mut ids = Ids::with_capacity(next(4));
            let mut added: Vec<(&str, usize, u8)> = Vec::new();
            for i in 0..next(30) {
                let id = names[next(names.len())];
                let kind = [0, LANE, STEP, TOUCHPOINT][next(4)];
                let first = ids.add(id, Place::At("x", i), kind).map(|p| p.path());
                let want = added
                    .iter()
                    .find(|a| a.0 == id)
                    .map(|a| Place::At("x", a.1).path());
                assert_eq!(first, want, "{id:?} at {i}");
                added.push((id, i, kind));
            }
            for id in names {
                for kind in [LANE, STEP, TOUCHPOINT] {
                    let want = added.iter().any(|a| a.0 == id && a.2 == kind);
                    assert_eq!(ids.has(id, kind), want, "{id:?} {kind}");
                }
            }
        }
    }
}
