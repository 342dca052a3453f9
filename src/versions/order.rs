//! The order of a kind's elements after a three-way merge. A side that
//! reordered elements (moved a lane up, a step earlier) gives the order;
//! each side's new elements go after the element they follow on that side;
//! two sides that reordered differently are a conflict (ours kept).

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

/// The merged order of `kept` ids, and whether both sides reordered.
pub(crate) fn merge<'k>(
    base: &[&'k str],
    ours: &[&'k str],
    theirs: &[&'k str],
    kept: &HashSet<&'k str>,
) -> (Vec<&'k str>, bool) {
    let (in_base, in_ours, in_theirs) = (set(base), set(ours), set(theirs));
    let ours_moved = reordered(base, &in_base, ours, &in_ours);
    let theirs_moved = reordered(base, &in_base, theirs, &in_theirs);
    let (skeleton, others): (&[&str], Vec<&[&str]>) = match (ours_moved, theirs_moved) {
        (true, _) => (ours, vec![theirs]),
        (false, true) => (theirs, vec![ours]),
        (false, false) => (base, vec![ours, theirs]),
    };
    let in_skeleton = set(skeleton);
    // Each side's elements that the skeleton lacks, in runs after the
    // skeleton element they follow (None: at the start).
    let mut runs: HashMap<Option<&str>, Vec<Vec<&str>>> = HashMap::new();
    for side in others {
        let mut anchor = None;
        let mut run: Vec<&str> = Vec::new();
        for &id in side {
            if in_skeleton.contains(id) {
                if !run.is_empty() {
                    runs.entry(anchor)
                        .or_default()
                        .push(std::mem::take(&mut run));
                }
                anchor = Some(id);
            } else {
                run.push(id);
            }
        }
        if !run.is_empty() {
            runs.entry(anchor).or_default().push(run);
        }
    }
    let mut out = Emitted {
        kept,
        done: HashSet::with_capacity(kept.len()),
        ids: Vec::with_capacity(kept.len()),
    };
    out.runs(runs.remove(&None));
    for &id in skeleton {
        out.push(id);
        out.runs(runs.remove(&Some(id)));
    }
    // Elements that only the base has, kept because something needs them.
    for &id in base.iter().chain(ours).chain(theirs) {
        out.push(id);
    }
    let out = out.ids;
    (
        out,
        ours_moved && theirs_moved && !same_order(ours, theirs, &in_ours, &in_theirs),
    )
}

/// The merged order as it is written: each kept id once.
struct Emitted<'s, 'k> {
    kept: &'s HashSet<&'k str>,
    done: HashSet<&'k str>,
    ids: Vec<&'k str>,
}

impl<'k> Emitted<'_, 'k> {
    fn push(&mut self, id: &'k str) {
        if self.kept.contains(id) && self.done.insert(id) {
            self.ids.push(id);
        }
    }

    /// Runs of new elements at one place: two sides' in the order of their
    /// first ids, the same whichever side is ours.
    fn runs(&mut self, runs: Option<Vec<Vec<&'k str>>>) {
        let Some(mut runs) = runs else { return };
        runs.sort_by_key(|r| r[0]);
        for id in runs.into_iter().flatten() {
            self.push(id);
        }
    }
}

fn set<'k>(ids: &[&'k str]) -> HashSet<&'k str> {
    let mut s = HashSet::with_capacity(ids.len());
    s.extend(ids.iter().copied());
    s
}

/// Whether `side` orders the elements it shares with `base` otherwise.
fn reordered(
    base: &[&str],
    in_base: &HashSet<&str>,
    side: &[&str],
    in_side: &HashSet<&str>,
) -> bool {
    !same_order(base, side, in_base, in_side)
}

/// Whether `a` and `b` put the elements they share in the same order.
fn same_order(a: &[&str], b: &[&str], in_a: &HashSet<&str>, in_b: &HashSet<&str>) -> bool {
    a.iter()
        .filter(|id| in_b.contains(*id))
        .eq(b.iter().filter(|id| in_a.contains(*id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run<'a>(base: &'a str, ours: &'a str, theirs: &'a str, kept: &'a str) -> (String, bool) {
        let split = |s: &'a str| -> Vec<&'a str> { s.split_whitespace().collect() };
        let kept = set(&split(kept));
        let (order, conflict) = merge(&split(base), &split(ours), &split(theirs), &kept);
        (order.join(" "), conflict)
    }

    #[test]
    fn additions_go_after_what_they_follow_and_a_reorder_is_kept() {
        assert_eq!(
            run("a b c", "a x b c", "a b y c", "a b c x y"),
            ("a x b y c".into(), false)
        );
        // Both add after a: the same order whichever side is ours.
        assert_eq!(run("a b", "a x b", "a y b", "a b x y").0, "a x y b");
        assert_eq!(run("a b", "a y b", "a x b", "a b x y").0, "a x y b");
        // Theirs moved c first; ours added x after a and deleted b.
        assert_eq!(
            run("a b c", "a x c", "c a b", "a c x"),
            ("c a x".into(), false)
        );
        // Both reordered, differently: ours, and a conflict.
        assert_eq!(
            run("a b c", "c b a", "b a c", "a b c"),
            ("c b a".into(), true)
        );
    }
}
