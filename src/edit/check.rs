//! The checks an edit must pass, at the cost of what it changed: the
//! elements it put in are checked whole (references, numbers, ids unique),
//! what still refers to an element it took out is looked for only when it
//! took something out, the lines only when lines or lanes changed, the
//! limits only of the lists that grew. Given a document free of problems,
//! this finds a problem exactly when [`Blueprint::problems`] would.

use super::EditError;
use super::ops::{Element, Kind};
use crate::model::*;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// Up to this many ids, comparing one by one beats hashing.
const FEW: usize = 8;

/// An element put in, to be checked when the edit is applied.
struct Mark {
    id: String,
    /// Where it was put; a hint, as later operations may move it.
    at: usize,
    /// Whether its id is new there (an insert, or a swap that changed the
    /// id), so must be checked unique.
    fresh: bool,
}

#[derive(Default)]
struct Marks {
    ins: Vec<Mark>,
    /// The ids of elements taken out (removed, or swapped for one with
    /// another id); kept only for what other elements refer to.
    outs: Vec<String>,
    /// Whether the list got longer.
    grew: bool,
}

/// What an edit touched so far.
#[derive(Default)]
pub(crate) struct Touched {
    stages: Marks,
    steps: Marks,
    lanes: Marks,
    touchpoints: Marks,
    connectors: Marks,
    standards: Marks,
    notes: Marks,
    actions: Marks,
    /// Whether the lines changed.
    pub lines: bool,
    /// Whether a standard got more measured values.
    pub measurements_grew: bool,
    /// Photos a touchpoint stopped showing: stored photos that may have
    /// lost their last use.
    pub photos_dropped: Vec<PhotoId>,
    /// Touchpoints whose photos changed, to be checked (how many, each
    /// stored).
    pub photos_shown: Vec<TouchpointId>,
    /// Photos stored anew (a paste's may come from a hand-made clip):
    /// checked as a file's are, with the blueprint's photo limits.
    pub photos_stored: Vec<PhotoId>,
}

/// Whether other elements refer to elements of this kind by id (steps,
/// which live in stages, are looked after apart).
fn referred(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Lane | Kind::Touchpoint | Kind::Standard | Kind::Note
    )
}

impl Touched {
    fn marks(&mut self, kind: Kind) -> Option<&mut Marks> {
        Some(match kind {
            Kind::Stage => &mut self.stages,
            Kind::Lane => &mut self.lanes,
            Kind::Touchpoint => &mut self.touchpoints,
            Kind::Connector => &mut self.connectors,
            Kind::Standard => &mut self.standards,
            Kind::Note => &mut self.notes,
            Kind::Action => &mut self.actions,
            // Stored photos are put in and taken out with their uses,
            // checked with the touchpoints that show them.
            Kind::Photo => return None,
            Kind::Line => {
                self.lines = true;
                return None;
            }
        })
    }

    /// `new` took the place of `old` at `at`.
    pub(crate) fn swapped<T: Element>(&mut self, at: usize, old: &T, new: &T) {
        T::track(Some(old), Some(new), self);
        if let Some(m) = self.marks(T::KIND) {
            let fresh = old.id() != new.id();
            m.ins.push(Mark {
                id: new.id().to_owned(),
                at,
                fresh,
            });
            if fresh && referred(T::KIND) {
                m.outs.push(old.id().to_owned());
            }
        }
    }

    /// Elements were inserted at these indices of `items`.
    pub(crate) fn inserted<T: Element>(&mut self, items: &[T], at: &[usize]) {
        for &i in at {
            T::track(None, Some(&items[i]), self);
        }
        if let Some(m) = self.marks(T::KIND) {
            m.grew = true;
            m.ins.extend(at.iter().map(|&i| Mark {
                id: items[i].id().to_owned(),
                at: i,
                fresh: true,
            }));
        }
    }

    /// These elements were removed.
    pub(crate) fn removed<T: Element>(&mut self, removed: &[(usize, T)]) {
        for (_, x) in removed {
            T::track(Some(x), None, self);
        }
        if let Some(m) = self.marks(T::KIND)
            && referred(T::KIND)
        {
            m.outs
                .extend(removed.iter().map(|(_, x)| x.id().to_owned()));
        }
    }

    /// The ids of the touchpoints, standards and notes taken out so far
    /// (some may have been put back since).
    pub(crate) fn taken_out(&self) -> [&[String]; 3] {
        [
            &self.touchpoints.outs,
            &self.standards.outs,
            &self.notes.outs,
        ]
    }

    /// A stage's steps `old` gave way to `new`.
    pub(crate) fn steps_changed(&mut self, old: &[Step], new: &[Step]) {
        // Each new step matched with the old step of its id, if that is not
        // matched yet (a second step with the id is a new one, to be found
        // a duplicate).
        let by_id: Option<HashMap<&str, usize>> = (old.len() > FEW).then(|| {
            old.iter()
                .enumerate()
                .map(|(i, s)| (s.id.as_str(), i))
                .collect()
        });
        let mut matched = vec![false; old.len()];
        for s in new {
            let found = match &by_id {
                Some(m) => m.get(s.id.as_str()).copied(),
                None => old.iter().position(|o| o.id == s.id),
            };
            let fresh = match found {
                Some(i) if !matched[i] => {
                    matched[i] = true;
                    if old[i] == *s {
                        continue;
                    }
                    false
                }
                _ => true,
            };
            self.steps.ins.push(Mark {
                id: s.id.0.to_string(),
                at: usize::MAX,
                fresh,
            });
        }
        let gone = old.iter().zip(&matched).filter(|(_, m)| !**m);
        self.steps
            .outs
            .extend(gone.map(|(s, _)| s.id.0.to_string()));
        if new.len() > old.len() {
            self.steps.grew = true;
        }
    }
}

/// A set of ids, hashed only when there are many.
pub(crate) enum IdSet<'a> {
    Few(Vec<&'a str>),
    Many(HashSet<&'a str>),
}

impl<'a> IdSet<'a> {
    pub(crate) fn new(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let ids: Vec<&str> = ids.into_iter().collect();
        if ids.len() <= FEW {
            IdSet::Few(ids)
        } else {
            IdSet::Many(ids.into_iter().collect())
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        match self {
            IdSet::Few(v) => v.is_empty(),
            IdSet::Many(s) => s.is_empty(),
        }
    }

    pub(crate) fn contains(&self, id: &str) -> bool {
        match self {
            IdSet::Few(v) => v.contains(&id),
            IdSet::Many(s) => s.contains(id),
        }
    }
}

/// Whether an id exists: a few questions are answered by looking through
/// the list, many from a set made at the first of them.
#[derive(Default)]
struct Lazy<'a> {
    asked: usize,
    set: Option<HashSet<&'a str>>,
}

impl<'a> Lazy<'a> {
    fn has<I: Iterator<Item = &'a str>>(&mut self, id: &str, all: impl Fn() -> I) -> bool {
        if self.set.is_none() {
            self.asked += 1;
            if self.asked <= FEW {
                return all().any(|x| x == id);
            }
            self.set = Some(all().collect());
        }
        self.set.as_ref().is_some_and(|s| s.contains(id))
    }
}

struct Lookup<'a> {
    bp: &'a Blueprint,
    lanes: Lazy<'a>,
    steps: Lazy<'a>,
    touchpoints: Lazy<'a>,
    standards: Lazy<'a>,
    notes: Lazy<'a>,
}

impl Resolve for Lookup<'_> {
    fn has_lane(&mut self, id: &str) -> bool {
        let bp = self.bp;
        self.lanes
            .has(id, || bp.lanes.iter().map(|l| l.id.as_str()))
    }
    fn has_step(&mut self, id: &str) -> bool {
        let bp = self.bp;
        self.steps
            .has(id, || bp.steps().map(|(_, s)| s.id.as_str()))
    }
    fn has_touchpoint(&mut self, id: &str) -> bool {
        let bp = self.bp;
        self.touchpoints
            .has(id, || bp.touchpoints.iter().map(|t| t.id.as_str()))
    }
    fn has_standard(&mut self, id: &str) -> bool {
        let bp = self.bp;
        self.standards
            .has(id, || bp.standards.iter().map(|s| s.id.as_str()))
    }
    fn has_note(&mut self, id: &str) -> bool {
        let bp = self.bp;
        self.notes
            .has(id, || bp.notes.iter().map(|n| n.id.as_str()))
    }
}

/// The elements put in that are still there, by index, with whether their
/// id is new.
fn locate<'b, T: Element>(items: &'b [T], marks: &[Mark]) -> Vec<(usize, &'b T, bool)> {
    // Each id once, with the latest place it was put and whether it is new.
    let mut wanted: Vec<(&str, usize, bool)> = Vec::with_capacity(marks.len());
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(marks.len());
    for m in marks {
        match seen.get(m.id.as_str()) {
            Some(&k) => {
                wanted[k].1 = m.at;
                wanted[k].2 |= m.fresh;
            }
            None => {
                seen.insert(&m.id, wanted.len());
                wanted.push((&m.id, m.at, m.fresh));
            }
        }
    }
    let mut found = Vec::with_capacity(wanted.len());
    let mut missed = Vec::new();
    for (id, at, fresh) in wanted {
        match items.get(at) {
            Some(x) if x.id() == id => found.push((at, x, fresh)),
            _ => missed.push((id, fresh)),
        }
    }
    if missed.len() <= FEW {
        for (id, fresh) in missed {
            if let Some(i) = items.iter().position(|x| x.id() == id) {
                found.push((i, &items[i], fresh));
            }
        }
    } else {
        let missed: HashMap<&str, bool> = missed.into_iter().collect();
        for (i, x) in items.iter().enumerate() {
            if let Some(&fresh) = missed.get(x.id()) {
                found.push((i, x, fresh));
            }
        }
    }
    found.sort_by_key(|(i, _, _)| *i);
    found
}

/// Calls `f` with every id of the blueprint and its place, in document
/// order, until it returns true.
fn each_id<'b>(bp: &'b Blueprint, mut f: impl FnMut(&'b str, Place) -> bool) {
    for (i, stage) in bp.stages.iter().enumerate() {
        if f(stage.id.as_str(), Place::Stage(i)) {
            return;
        }
        for (j, step) in stage.steps.iter().enumerate() {
            if f(step.id.as_str(), Place::Step(i, j)) {
                return;
            }
        }
    }
    fn list<'b, T: Element>(
        items: &'b [T],
        key: &'static str,
        f: &mut impl FnMut(&'b str, Place) -> bool,
    ) -> bool {
        items
            .iter()
            .enumerate()
            .any(|(i, x)| f(x.id(), Place::At(key, i)))
    }
    let _ = list(&bp.lanes, "lanes", &mut f)
        || list(&bp.touchpoints, "touchpoints", &mut f)
        || list(&bp.notes, "notes", &mut f)
        || list(&bp.connectors, "connectors", &mut f)
        || list(&bp.standards, "standards", &mut f)
        || list(&bp.actions, "actions", &mut f);
}

/// Checks what an edit touched, with `bp` as the edit left it.
pub(crate) fn validate(bp: &Blueprint, t: &Touched) -> Result<(), EditError> {
    let mut out = Vec::new();
    counts(bp, t, &mut out);
    if !t.photos_stored.is_empty() {
        check_stored_photos(bp, &t.photos_stored, &mut out);
    }
    if out.is_empty() {
        elements(bp, t, &mut out);
    }
    match out.into_iter().next() {
        Some(p) => Err(EditError::Invalid(p)),
        None => Ok(()),
    }
}

/// The limits of the lists that grew.
fn counts(bp: &Blueprint, t: &Touched, out: &mut Vec<Problem>) {
    let grew = |m: &Marks, key, what, count: fn(&Blueprint) -> usize, limit| {
        if m.grew {
            too_many(key, what, count(bp), limit)
        } else {
            None
        }
    };
    out.extend(grew(
        &t.lanes,
        "lanes",
        "lanes",
        |bp| bp.lanes.len(),
        limits::LANES,
    ));
    out.extend(grew(
        &t.steps,
        "stages",
        "steps",
        |bp| bp.steps().count(),
        limits::STEPS,
    ));
    out.extend(grew(
        &t.touchpoints,
        "touchpoints",
        "touchpoints",
        |bp| bp.touchpoints.len(),
        limits::TOUCHPOINTS,
    ));
    out.extend(grew(
        &t.connectors,
        "connectors",
        "connectors",
        |bp| bp.connectors.len(),
        limits::CONNECTORS,
    ));
    out.extend(grew(
        &t.standards,
        "standards",
        "standards",
        |bp| bp.standards.len(),
        limits::STANDARDS,
    ));
    if t.measurements_grew {
        let count = bp.standards.iter().map(|s| s.measurements.len()).sum();
        out.extend(too_many(
            "standards",
            "measured values",
            count,
            limits::MEASUREMENTS,
        ));
    }
    out.extend(grew(
        &t.notes,
        "notes",
        "notes",
        |bp| bp.notes.len(),
        limits::NOTES,
    ));
    out.extend(grew(
        &t.actions,
        "actions",
        "actions",
        |bp| bp.actions.len(),
        limits::ACTIONS,
    ));
    // Counted in no time: checked whatever the edit.
    out.extend(too_many(
        "disabled_rules",
        "disabled rules",
        bp.disabled_rules.len(),
        limits::DISABLED_RULES,
    ));
}

fn elements(bp: &Blueprint, t: &Touched, out: &mut Vec<Problem>) {
    let mut r = Lookup {
        bp,
        lanes: Lazy::default(),
        steps: Lazy::default(),
        touchpoints: Lazy::default(),
        standards: Lazy::default(),
        notes: Lazy::default(),
    };
    // Ids put in with a new id, to be checked unique.
    let mut fresh: Vec<&str> = Vec::new();
    // Ids put in and still there, so not gone whatever was taken out.
    let mut present: HashSet<&str> = HashSet::new();

    // Each element put in and still there, checked whole.
    fn each<'b, T: Element>(
        items: &'b [T],
        key: &'static str,
        marks: &Marks,
        fresh: &mut Vec<&'b str>,
        present: &mut HashSet<&'b str>,
        out: &mut Vec<Problem>,
        mut check: impl FnMut(&'b T, Place, &mut Vec<Problem>),
    ) {
        if marks.ins.is_empty() {
            return;
        }
        for (i, x, new) in locate(items, &marks.ins) {
            let p = Place::At(key, i);
            if new {
                if x.id().is_empty() {
                    out.push(Problem {
                        path: p.path(),
                        error: IntegrityError::EmptyId,
                    });
                } else {
                    fresh.push(x.id());
                }
            }
            if referred(T::KIND) {
                present.insert(x.id());
            }
            check(x, p, out);
        }
    }
    let (f, p) = (&mut fresh, &mut present);
    each(&bp.stages, "stages", &t.stages, f, p, out, |_, _, _| {});
    if !t.steps.ins.is_empty() {
        let wanted: HashMap<&str, bool> = t.steps.ins.iter().fold(HashMap::new(), |mut m, k| {
            *m.entry(k.id.as_str()).or_default() |= k.fresh;
            m
        });
        for (i, stage) in bp.stages.iter().enumerate() {
            for (j, step) in stage.steps.iter().enumerate() {
                let Some(&new) = wanted.get(step.id.as_str()) else {
                    continue;
                };
                let at = Place::Step(i, j);
                if new {
                    if step.id.0.is_empty() {
                        out.push(Problem {
                            path: at.path(),
                            error: IntegrityError::EmptyId,
                        });
                    } else {
                        f.push(step.id.as_str());
                    }
                }
                p.insert(step.id.as_str());
                check_step(step, at, out);
            }
        }
    }
    each(&bp.lanes, "lanes", &t.lanes, f, p, out, |_, _, _| {});
    each(
        &bp.touchpoints,
        "touchpoints",
        &t.touchpoints,
        f,
        p,
        out,
        |x, at, out| check_touchpoint(x, at, &mut r, out),
    );
    each(&bp.notes, "notes", &t.notes, f, p, out, |x, at, out| {
        check_note(x, at, &mut r, out)
    });
    each(
        &bp.connectors,
        "connectors",
        &t.connectors,
        f,
        p,
        out,
        |x, at, out| check_connector(x, at, &mut r, out),
    );
    each(
        &bp.standards,
        "standards",
        &t.standards,
        f,
        p,
        out,
        |x, at, out| check_standard(x, at, &mut r, out),
    );
    each(
        &bp.actions,
        "actions",
        &t.actions,
        f,
        p,
        out,
        |x, at, out| check_action(x, at, &mut r, out),
    );

    unique(bp, &fresh, out);

    // What still refers to an element taken out and not put back.
    fn gone<'b>(m: &'b Marks, present: &HashSet<&str>) -> IdSet<'b> {
        IdSet::new(
            m.outs
                .iter()
                .map(String::as_str)
                .filter(|id| !present.contains(id)),
        )
    }
    let lanes = gone(&t.lanes, &present);
    let steps = gone(&t.steps, &present);
    let touchpoints = gone(&t.touchpoints, &present);
    let standards = gone(&t.standards, &present);
    let notes = gone(&t.notes, &present);
    if t.lines || !lanes.is_empty() {
        check_lines(&bp.lines, &mut r, out);
    }
    if !lanes.is_empty() || !steps.is_empty() {
        for (i, tp) in bp.touchpoints.iter().enumerate() {
            if lanes.contains(tp.lane.as_str()) || steps.contains(tp.step.as_str()) {
                let at = Place::At("touchpoints", i);
                check_touchpoint(tp, at, &mut r, out);
            }
        }
        for (i, n) in bp.notes.iter().enumerate() {
            if n.lane.as_ref().is_some_and(|l| lanes.contains(l.as_str()))
                || n.step.as_ref().is_some_and(|s| steps.contains(s.as_str()))
            {
                check_note(n, Place::At("notes", i), &mut r, out);
            }
        }
    }
    if !touchpoints.is_empty() {
        for (i, c) in bp.connectors.iter().enumerate() {
            if touchpoints.contains(c.from.as_str()) || touchpoints.contains(c.to.as_str()) {
                let at = Place::At("connectors", i);
                check_connector(c, at, &mut r, out);
            }
        }
        for (i, s) in bp.standards.iter().enumerate() {
            if touchpoints.contains(s.touchpoint.as_str()) {
                let at = Place::At("standards", i);
                check_standard(s, at, &mut r, out);
            }
        }
    }
    if !touchpoints.is_empty() || !standards.is_empty() || !notes.is_empty() {
        for (i, a) in bp.actions.iter().enumerate() {
            if super::actions::refers_to(a, &touchpoints, &standards, &notes) {
                check_action(a, Place::At("actions", i), &mut r, out);
            }
        }
    }
}

/// Each of these ids is held by one element only.
fn unique<'b>(bp: &'b Blueprint, fresh: &[&'b str], out: &mut Vec<Problem>) {
    if fresh.is_empty() {
        return;
    }
    let wanted = IdSet::new(fresh.iter().copied());
    let mut first: HashMap<&'b str, Place> = HashMap::new();
    each_id(bp, |id, place| {
        if !wanted.contains(id) {
            return false;
        }
        match first.get(id) {
            None => {
                first.insert(id, place);
                false
            }
            Some(earlier) => {
                out.push(Problem {
                    path: place.path(),
                    error: IntegrityError::DuplicateId {
                        id: id.to_owned(),
                        first: earlier.path().to_string(),
                    },
                });
                true
            }
        }
    });
}
