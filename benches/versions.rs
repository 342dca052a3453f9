//! Time to compare and merge two versions of a large blueprint (the goal:
//! each under 100 ms at 5,000 touchpoints). Run with
//! `cargo bench --bench versions`, or `cargo bench --bench versions -- 5000`
//! for some sizes only.
//!
//! Two edits of `templates::synthetic(n)`: "a few" changes a twentieth of
//! the touchpoints on each side (titles, moves, deletions, additions,
//! measured values; some fields changed two ways), as two people's week of
//! work; "all" changes every touchpoint on both sides (ours every title,
//! theirs every owner), the worst case, where every record is merged field
//! by field.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::model::{Blueprint, Measurement, Touchpoint, TouchpointId};
use servuction::templates::synthetic;
use servuction::versions;
use std::time::{Duration, Instant};

// As in the editor (see src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The fastest of eleven runs: the work is the same each time, and the
/// fastest run is the one least disturbed by the rest of a shared machine.
fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    (0..11)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .min()
        .unwrap()
}

/// A version of `base` with a twentieth of its touchpoints edited from
/// `offset` on: retitled, moved, deleted (the last ones, with their
/// connectors and standards), added, and a value measured on every
/// twentieth standard.
fn a_few(base: &Blueprint, offset: usize, tag: &str) -> Blueprint {
    let mut bp = base.clone();
    let n = bp.touchpoints.len();
    let lanes = bp.lanes.len();
    for i in (offset..n).step_by(20) {
        let tp = &mut bp.touchpoints[i];
        tp.title = format!("{tag} {i}");
        if i % 40 == offset {
            tp.lane = base.lanes[(i + 1) % lanes].id.clone();
        }
    }
    // A few touchpoints changed on both sides: conflicts.
    for tp in bp.touchpoints.iter_mut().take(5) {
        tp.owner = tag.to_owned();
    }
    for s in bp.standards.iter_mut().step_by(20) {
        s.measurements.push(Measurement {
            date: format!("2031-0{}-01", offset + 1).parse().unwrap(),
            value: 1.0,
        });
    }
    let gone: Vec<TouchpointId> = bp.touchpoints[n - 10 - offset * 10..n - offset * 10]
        .iter()
        .map(|t| t.id.clone())
        .collect();
    bp.touchpoints.retain(|t| !gone.contains(&t.id));
    bp.connectors
        .retain(|c| !gone.contains(&c.from) && !gone.contains(&c.to));
    bp.standards.retain(|s| !gone.contains(&s.touchpoint));
    for i in 0..n / 20 {
        let at = &base.touchpoints[i * 20];
        let mut tp = Touchpoint::new(at.lane.clone(), at.step.clone(), format!("{tag} new {i}"));
        tp.id = format!("tp-{tag}-{i}").into();
        bp.touchpoints.push(tp);
    }
    bp
}

/// A version of `base` with every touchpoint's title (`ours`) or owner
/// changed.
fn all(base: &Blueprint, ours: bool) -> Blueprint {
    let mut bp = base.clone();
    for (i, tp) in bp.touchpoints.iter_mut().enumerate() {
        if ours {
            tp.title = format!("Title {i}");
        } else {
            tp.owner = format!("Owner {i}");
        }
    }
    bp
}

fn ms(d: Duration) -> String {
    format!("{:.2}ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 5_000, 20_000]
    } else {
        sizes
    };
    println!(
        "{:>12} {:>6} {:>10} {:>10} {:>10} {:>10}",
        "touchpoints", "edits", "changes", "conflicts", "diff", "merge"
    );
    for n in sizes {
        let base = synthetic(n);
        for (edits, ours, theirs) in [
            ("a few", a_few(&base, 0, "ours"), a_few(&base, 1, "theirs")),
            ("all", all(&base, true), all(&base, false)),
        ] {
            let changes = versions::diff(&base, &ours).changes.len();
            let merged = versions::merge(&base, &ours, &theirs);
            assert!(merged.doc.problems().is_empty());
            let diff = time(|| versions::diff(&base, &ours));
            let merge = time(|| versions::merge(&base, &ours, &theirs));
            println!(
                "{:>12} {:>6} {:>10} {:>10} {:>10} {:>10}",
                n,
                edits,
                changes,
                merged.conflicts.len(),
                ms(diff),
                ms(merge)
            );
        }
    }
}
