//! The primitive operations a [`super::Change`] is made of. Each applies
//! itself to a blueprint and returns its inverse, so undo and redo are the
//! same code; each holds only the elements it changes.

use super::check::Touched;
use crate::model::*;
use std::mem;

/// An operation on one of the blueprint's lists.
#[derive(Clone, Debug)]
pub(crate) enum VecOp<T> {
    /// Swaps the element at the index with the held value: its own inverse.
    Swap(usize, T),
    /// Exchanges two elements: its own inverse.
    Exchange(usize, usize),
    /// Inserts values at these indices, ascending, of the list as it is
    /// after; the inverse is `Remove`.
    Insert(Vec<(usize, T)>),
    /// Removes the elements at these indices, ascending; the inverse is
    /// `Insert` with the removed values.
    Remove(Vec<usize>),
}

impl<T> VecOp<T> {
    /// Applies the operation; returns its inverse.
    fn apply(self, items: &mut Vec<T>) -> Self {
        match self {
            VecOp::Swap(i, mut value) => {
                mem::swap(&mut items[i], &mut value);
                VecOp::Swap(i, value)
            }
            VecOp::Exchange(i, j) => {
                items.swap(i, j);
                VecOp::Exchange(i, j)
            }
            VecOp::Insert(values) => {
                let at = values.iter().map(|(i, _)| *i).collect();
                insert_all(items, values);
                VecOp::Remove(at)
            }
            VecOp::Remove(at) => VecOp::Insert(remove_all(items, &at)),
        }
    }
}

/// Inserts values at ascending indices of the resulting list, in one pass.
pub(crate) fn insert_all<T>(items: &mut Vec<T>, values: Vec<(usize, T)>) {
    let n = items.len();
    match values.first() {
        None => return,
        // Only appending (the indices are ascending, so all are past the end).
        Some((i, _)) if *i >= n => {
            debug_assert!(values.iter().zip(n..).all(|((i, _), j)| *i == j));
            items.extend(values.into_iter().map(|(_, v)| v));
            return;
        }
        Some(_) if values.len() == 1 => {
            if let Some((i, v)) = values.into_iter().next() {
                items.insert(i, v);
            }
            return;
        }
        Some(_) => {}
    }
    let old = mem::take(items);
    let mut out = Vec::with_capacity(n + values.len());
    let mut values = values.into_iter().peekable();
    for x in old {
        while let Some((_, v)) = values.next_if(|(i, _)| *i == out.len()) {
            out.push(v);
        }
        out.push(x);
    }
    out.extend(values.map(|(_, v)| v));
    *items = out;
}

/// Removes the elements at ascending indices, in one pass; returns them
/// with their indices.
pub(crate) fn remove_all<T>(items: &mut Vec<T>, at: &[usize]) -> Vec<(usize, T)> {
    match at {
        [] => Vec::new(),
        [i] => vec![(*i, items.remove(*i))],
        _ => {
            let (mut next, mut pos) = (0, 0);
            let taken: Vec<T> = items
                .extract_if(.., |_| {
                    let hit = at.get(next) == Some(&pos);
                    next += usize::from(hit);
                    pos += 1;
                    hit
                })
                .collect();
            debug_assert_eq!(taken.len(), at.len());
            at.iter().copied().zip(taken).collect()
        }
    }
}

/// One primitive change of a blueprint.
#[derive(Clone, Debug)]
pub(crate) enum Op {
    Stages(VecOp<Stage>),
    Lanes(VecOp<Lane>),
    Lines(VecOp<Line>),
    Touchpoints(VecOp<Touchpoint>),
    Connectors(VecOp<Connector>),
    Standards(VecOp<Standard>),
    Notes(VecOp<Note>),
    Actions(VecOp<ImprovementAction>),
    /// The photos stored in the blueprint (`Blueprint::photos`).
    Photos(VecOp<Photo>),
    /// Swaps the title with the held one.
    Title(String),
    /// Swaps the disabled rules with the held ones.
    DisabledRules(Vec<String>),
    /// Swaps the description with the held one.
    Description(String),
    /// Swaps the contact level with the held one.
    ContactLevel(ContactLevel),
    /// Swaps the document's language with the held one.
    Language(Language),
    /// Swaps the emotion-curve setting with the held one.
    EmotionCurve(bool),
    /// Swaps the merge's conflicts with the held ones.
    Conflicts(Vec<Conflict>),
}

impl Op {
    /// Applies the operation; returns its inverse.
    pub(crate) fn apply(self, bp: &mut Blueprint) -> Op {
        fn list<T: Element>(op: VecOp<T>, bp: &mut Blueprint) -> Op {
            T::wrap(op.apply(T::items_mut(bp)))
        }
        match self {
            Op::Stages(op) => list(op, bp),
            Op::Lanes(op) => list(op, bp),
            Op::Lines(op) => list(op, bp),
            Op::Touchpoints(op) => list(op, bp),
            Op::Connectors(op) => list(op, bp),
            Op::Standards(op) => list(op, bp),
            Op::Notes(op) => list(op, bp),
            Op::Actions(op) => list(op, bp),
            Op::Photos(op) => list(op, bp),
            Op::Title(mut t) => {
                mem::swap(&mut bp.title, &mut t);
                Op::Title(t)
            }
            Op::DisabledRules(mut r) => {
                mem::swap(&mut bp.disabled_rules, &mut r);
                Op::DisabledRules(r)
            }
            Op::Description(mut d) => {
                mem::swap(&mut bp.description, &mut d);
                Op::Description(d)
            }
            Op::ContactLevel(mut c) => {
                mem::swap(&mut bp.contact_level, &mut c);
                Op::ContactLevel(c)
            }
            Op::Language(mut l) => {
                mem::swap(&mut bp.language, &mut l);
                Op::Language(l)
            }
            Op::EmotionCurve(mut e) => {
                mem::swap(&mut bp.emotion_curve, &mut e);
                Op::EmotionCurve(e)
            }
            Op::Conflicts(mut c) => {
                mem::swap(&mut bp.conflicts, &mut c);
                Op::Conflicts(c)
            }
        }
    }

    /// Whether both swap the same place (the same element or field): the
    /// later of two such swaps in a row is not needed to undo both.
    pub(crate) fn same_place(&self, other: &Op) -> bool {
        fn slot<T>(a: &VecOp<T>, b: &VecOp<T>) -> bool {
            matches!((a, b), (VecOp::Swap(i, _), VecOp::Swap(j, _)) if i == j)
        }
        match (self, other) {
            (Op::Stages(a), Op::Stages(b)) => slot(a, b),
            (Op::Lanes(a), Op::Lanes(b)) => slot(a, b),
            (Op::Lines(a), Op::Lines(b)) => slot(a, b),
            (Op::Touchpoints(a), Op::Touchpoints(b)) => slot(a, b),
            (Op::Connectors(a), Op::Connectors(b)) => slot(a, b),
            (Op::Standards(a), Op::Standards(b)) => slot(a, b),
            (Op::Notes(a), Op::Notes(b)) => slot(a, b),
            (Op::Actions(a), Op::Actions(b)) => slot(a, b),
            (Op::Photos(a), Op::Photos(b)) => slot(a, b),
            (Op::Title(_), Op::Title(_))
            | (Op::DisabledRules(_), Op::DisabledRules(_))
            | (Op::Description(_), Op::Description(_))
            | (Op::ContactLevel(_), Op::ContactLevel(_))
            | (Op::Language(_), Op::Language(_))
            | (Op::EmotionCurve(_), Op::EmotionCurve(_))
            | (Op::Conflicts(_), Op::Conflicts(_)) => true,
            _ => false,
        }
    }

    /// Whether applying it to `bp` would change nothing: a swap with the
    /// value already there.
    pub(crate) fn is_identity(&self, bp: &Blueprint) -> bool {
        fn same<T: Element>(op: &VecOp<T>, items: &[T]) -> bool {
            match op {
                VecOp::Swap(i, v) => items.get(*i) == Some(v),
                VecOp::Exchange(i, j) => i == j,
                VecOp::Insert(v) => v.is_empty(),
                VecOp::Remove(v) => v.is_empty(),
            }
        }
        match self {
            Op::Stages(op) => same(op, &bp.stages),
            Op::Lanes(op) => same(op, &bp.lanes),
            Op::Lines(op) => same(op, &bp.lines),
            Op::Touchpoints(op) => same(op, &bp.touchpoints),
            Op::Connectors(op) => same(op, &bp.connectors),
            Op::Standards(op) => same(op, &bp.standards),
            Op::Notes(op) => same(op, &bp.notes),
            Op::Actions(op) => same(op, &bp.actions),
            Op::Photos(op) => same(op, &bp.photos),
            Op::Title(t) => *t == bp.title,
            Op::DisabledRules(r) => *r == bp.disabled_rules,
            Op::Description(d) => *d == bp.description,
            Op::ContactLevel(c) => *c == bp.contact_level,
            Op::Language(l) => *l == bp.language,
            Op::EmotionCurve(e) => *e == bp.emotion_curve,
            Op::Conflicts(c) => *c == bp.conflicts,
        }
    }

    /// About how many bytes it holds on the heap.
    pub(crate) fn heap_bytes(&self) -> usize {
        fn list<T: Element>(op: &VecOp<T>) -> usize {
            match op {
                VecOp::Swap(_, v) => v.heap_bytes(),
                VecOp::Exchange(..) => 0,
                VecOp::Insert(v) => {
                    v.capacity() * size_of::<(usize, T)>()
                        + v.iter().map(|(_, x)| x.heap_bytes()).sum::<usize>()
                }
                VecOp::Remove(v) => v.capacity() * size_of::<usize>(),
            }
        }
        match self {
            Op::Stages(op) => list(op),
            Op::Lanes(op) => list(op),
            Op::Lines(op) => list(op),
            Op::Touchpoints(op) => list(op),
            Op::Connectors(op) => list(op),
            Op::Standards(op) => list(op),
            Op::Notes(op) => list(op),
            Op::Actions(op) => list(op),
            Op::Photos(op) => list(op),
            Op::Title(t) => t.capacity(),
            Op::DisabledRules(r) => strings(r),
            Op::Description(d) => d.capacity(),
            Op::ContactLevel(_) | Op::Language(_) | Op::EmotionCurve(_) => 0,
            Op::Conflicts(c) => c.capacity() * size_of::<Conflict>(),
        }
    }
}

fn strings(v: &[String]) -> usize {
    size_of_val(v) + v.iter().map(String::capacity).sum::<usize>()
}

/// Which list an element lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Stage,
    Lane,
    Line,
    Touchpoint,
    Connector,
    Standard,
    Note,
    Action,
    Photo,
}

/// An element of one of the blueprint's lists.
pub(crate) trait Element: Clone + PartialEq {
    const KIND: Kind;
    fn items(bp: &Blueprint) -> &Vec<Self>;
    fn items_mut(bp: &mut Blueprint) -> &mut Vec<Self>;
    fn wrap(op: VecOp<Self>) -> Op;
    /// The element's id (empty for a line, which has none).
    fn id(&self) -> &str;
    /// About how many bytes it holds on the heap.
    fn heap_bytes(&self) -> usize;
    /// Notes what else changes when `old` gives way to `new` (either may be
    /// missing: an insert or a removal), beyond the element's own id.
    fn track(_old: Option<&Self>, _new: Option<&Self>, _touched: &mut Touched) {}
}

macro_rules! element {
    ($kind:ident, $field:ident, $variant:ident) => {
        fn items(bp: &Blueprint) -> &Vec<Self> {
            &bp.$field
        }
        fn items_mut(bp: &mut Blueprint) -> &mut Vec<Self> {
            &mut bp.$field
        }
        fn wrap(op: VecOp<Self>) -> Op {
            Op::$variant(op)
        }
        const KIND: Kind = Kind::$kind;
    };
}

impl Element for Stage {
    element!(Stage, stages, Stages);
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn heap_bytes(&self) -> usize {
        self.id.heap_bytes()
            + self.name.capacity()
            + self.steps.capacity() * size_of::<Step>()
            + self
                .steps
                .iter()
                .map(|s| s.id.heap_bytes() + s.name.capacity())
                .sum::<usize>()
    }
    fn track(old: Option<&Self>, new: Option<&Self>, touched: &mut Touched) {
        touched.steps_changed(
            old.map_or(&[][..], |s| &s.steps),
            new.map_or(&[][..], |s| &s.steps),
        );
    }
}

impl Element for Lane {
    element!(Lane, lanes, Lanes);
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn heap_bytes(&self) -> usize {
        self.id.heap_bytes() + self.name.capacity()
    }
}

impl Element for Line {
    element!(Line, lines, Lines);
    fn id(&self) -> &str {
        ""
    }
    fn heap_bytes(&self) -> usize {
        self.after_lane.heap_bytes()
    }
}

impl Element for Touchpoint {
    element!(Touchpoint, touchpoints, Touchpoints);
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn heap_bytes(&self) -> usize {
        self.id.heap_bytes()
            + self.lane.heap_bytes()
            + self.step.heap_bytes()
            + [&self.title, &self.description, &self.owner, &self.protocol]
                .iter()
                .map(|s| s.capacity())
                .sum::<usize>()
            + self.photos.capacity() * size_of::<PhotoUse>()
            + self
                .photos
                .iter()
                .map(|u| u.photo.heap_bytes() + u.caption.capacity() + u.alt.capacity())
                .sum::<usize>()
    }
    fn track(old: Option<&Self>, new: Option<&Self>, touched: &mut Touched) {
        fn uses(t: Option<&Touchpoint>) -> &[PhotoUse] {
            t.map_or(&[][..], |t| &t.photos[..])
        }
        // The photos it no longer shows may be shown nowhere now.
        for u in uses(old) {
            if !uses(new).iter().any(|v| v.photo == u.photo) {
                touched.photos_dropped.push(u.photo.clone());
            }
        }
        // Photos it shows anew or describes anew: their count, store and
        // texts are checked.
        if let Some(new) = new
            && !new.photos.is_empty()
            && uses(Some(new)) != uses(old)
        {
            touched.photos_shown.push(new.id.clone());
        }
    }
}

impl Element for Connector {
    element!(Connector, connectors, Connectors);
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn heap_bytes(&self) -> usize {
        self.id.heap_bytes() + self.from.heap_bytes() + self.to.heap_bytes() + self.label.capacity()
    }
}

impl Element for Standard {
    element!(Standard, standards, Standards);
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn heap_bytes(&self) -> usize {
        self.id.heap_bytes()
            + self.touchpoint.heap_bytes()
            + [&self.statement, &self.indicator, &self.unit, &self.owner]
                .iter()
                .map(|s| s.capacity())
                .sum::<usize>()
            + self.measurements.capacity() * size_of::<Measurement>()
    }
    fn track(old: Option<&Self>, new: Option<&Self>, touched: &mut Touched) {
        let count = |s: Option<&Self>| s.map_or(0, |s| s.measurements.len());
        if count(new) > count(old) {
            touched.measurements_grew = true;
        }
    }
}

impl Element for Note {
    element!(Note, notes, Notes);
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn heap_bytes(&self) -> usize {
        self.id.heap_bytes()
            + self.lane.as_ref().map_or(0, |l| l.heap_bytes())
            + self.step.as_ref().map_or(0, |s| s.heap_bytes())
            + self.text.capacity()
    }
}

impl Element for ImprovementAction {
    element!(Action, actions, Actions);
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn heap_bytes(&self) -> usize {
        self.id.heap_bytes() + self.what.capacity() + self.owner.capacity()
    }
}

impl Element for Photo {
    element!(Photo, photos, Photos);
    fn id(&self) -> &str {
        self.id.as_str()
    }
    fn track(old: Option<&Self>, new: Option<&Self>, touched: &mut Touched) {
        if let (None, Some(new)) = (old, new) {
            touched.photos_stored.push(new.id.clone());
        }
    }
    /// The bytes are shared with the document (and other snapshots): only
    /// the id is the change's own.
    fn heap_bytes(&self) -> usize {
        self.id.heap_bytes()
    }
}

/// An edit being applied: the blueprint, the operations that undo what was
/// applied so far, and what was touched, for the checks at the end.
pub(crate) struct Tx<'a> {
    pub bp: &'a mut Blueprint,
    undo: Vec<Op>,
    pub touched: Touched,
}

impl<'a> Tx<'a> {
    pub fn new(bp: &'a mut Blueprint) -> Self {
        Self {
            bp,
            undo: Vec::new(),
            touched: Touched::default(),
        }
    }

    /// The operations that undo everything applied, in the order applied.
    pub fn into_undo(mut self) -> Vec<Op> {
        self.undo.shrink_to_fit();
        self.undo
    }

    /// Undoes everything applied.
    pub fn rollback(self) {
        for op in self.undo.into_iter().rev() {
            op.apply(self.bp);
        }
    }

    pub fn items<T: Element>(&self) -> &Vec<T> {
        T::items(self.bp)
    }

    /// The index of the element with this id.
    pub fn find<T: Element>(&self, id: &str) -> Option<usize> {
        self.items::<T>().iter().position(|x| x.id() == id)
    }

    /// Puts a value in place of the element at `i` (nothing if equal).
    pub fn set<T: Element>(&mut self, i: usize, value: T) {
        let items = T::items_mut(self.bp);
        if items[i] == value {
            return;
        }
        let old = mem::replace(&mut items[i], value);
        self.touched.swapped(i, &old, &T::items(self.bp)[i]);
        self.undo.push(T::wrap(VecOp::Swap(i, old)));
    }

    /// Changes a copy of the element at `i` and puts it in place.
    pub fn update<T: Element>(&mut self, i: usize, change: impl FnOnce(&mut T)) {
        let mut value = self.items::<T>()[i].clone();
        change(&mut value);
        self.set(i, value);
    }

    /// Exchanges two elements.
    pub fn exchange<T: Element>(&mut self, i: usize, j: usize) {
        if i == j {
            return;
        }
        T::items_mut(self.bp).swap(i, j);
        if T::KIND == Kind::Line {
            self.touched.lines = true;
        }
        self.undo.push(T::wrap(VecOp::Exchange(i, j)));
    }

    /// Inserts values at ascending indices of the resulting list.
    pub fn insert<T: Element>(&mut self, values: Vec<(usize, T)>) {
        if values.is_empty() {
            return;
        }
        let at: Vec<usize> = values.iter().map(|(i, _)| *i).collect();
        insert_all(T::items_mut(self.bp), values);
        self.touched.inserted(T::items(self.bp), &at);
        self.undo.push(T::wrap(VecOp::Remove(at)));
    }

    /// Adds values at the end.
    pub fn extend<T: Element>(&mut self, values: impl IntoIterator<Item = T>) {
        let n = self.items::<T>().len();
        let values: Vec<(usize, T)> = (n..).zip(values).collect();
        self.insert(values);
    }

    pub fn push<T: Element>(&mut self, value: T) {
        self.extend([value]);
    }

    /// Removes the elements at ascending indices.
    pub fn remove<T: Element>(&mut self, at: Vec<usize>) {
        if at.is_empty() {
            return;
        }
        let removed = remove_all(T::items_mut(self.bp), &at);
        self.touched.removed(&removed);
        self.undo.push(T::wrap(VecOp::Insert(removed)));
    }

    /// Removes the elements that match.
    pub fn remove_where<T: Element>(&mut self, mut doomed: impl FnMut(&T) -> bool) {
        let at = self
            .items::<T>()
            .iter()
            .enumerate()
            .filter(|(_, x)| doomed(x))
            .map(|(i, _)| i)
            .collect();
        self.remove::<T>(at);
    }

    /// Replaces every element of a list.
    pub fn replace_all<T: Element>(&mut self, values: Vec<T>) {
        if *self.items::<T>() == values {
            return;
        }
        self.remove::<T>((0..self.items::<T>().len()).collect());
        self.extend(values);
    }

    pub fn set_title(&mut self, title: String) {
        if self.bp.title != title {
            let old = mem::replace(&mut self.bp.title, title);
            self.undo.push(Op::Title(old));
        }
    }

    pub fn set_description(&mut self, text: String) {
        if self.bp.description != text {
            let old = mem::replace(&mut self.bp.description, text);
            self.undo.push(Op::Description(old));
        }
    }

    pub fn set_contact_level(&mut self, level: ContactLevel) {
        if self.bp.contact_level != level {
            let old = mem::replace(&mut self.bp.contact_level, level);
            self.undo.push(Op::ContactLevel(old));
        }
    }

    pub fn set_language(&mut self, lang: Language) {
        if self.bp.language != lang {
            let old = mem::replace(&mut self.bp.language, lang);
            self.undo.push(Op::Language(old));
        }
    }

    pub fn set_emotion_curve(&mut self, shown: bool) {
        if self.bp.emotion_curve != shown {
            let old = mem::replace(&mut self.bp.emotion_curve, shown);
            self.undo.push(Op::EmotionCurve(old));
        }
    }

    pub fn set_disabled_rules(&mut self, rules: Vec<String>) {
        if self.bp.disabled_rules != rules {
            let old = mem::replace(&mut self.bp.disabled_rules, rules);
            self.undo.push(Op::DisabledRules(old));
        }
    }

    pub fn set_conflicts(&mut self, conflicts: Vec<Conflict>) {
        if self.bp.conflicts != conflicts {
            let old = mem::replace(&mut self.bp.conflicts, conflicts);
            self.undo.push(Op::Conflicts(old));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_insert_and_remove_are_inverse() {
        let mut v: Vec<u32> = (0..20).collect();
        let removed = remove_all(&mut v, &[0, 3, 4, 10, 19]);
        assert_eq!(removed, vec![(0, 0), (3, 3), (4, 4), (10, 10), (19, 19)]);
        assert_eq!(v.len(), 15);
        insert_all(&mut v, removed);
        assert_eq!(v, (0..20).collect::<Vec<_>>());
        // Appending, one in the middle, several ending past the old end.
        insert_all(&mut v, vec![(20, 20), (21, 21)]);
        insert_all(&mut v, vec![(5, 99)]);
        assert_eq!(remove_all(&mut v, &[5]), vec![(5, 99)]);
        insert_all(&mut v, vec![(1, 100), (22, 101), (23, 102)]);
        assert_eq!(v[1], 100);
        assert_eq!(&v[22..], &[101, 102, 21]);
        assert_eq!(remove_all(&mut v, &[1, 22, 23]).len(), 3);
        assert_eq!(v, (0..22).collect::<Vec<_>>());
    }
}
