//! The health-check rules' tests.

use super::*;
use foldhash::{HashMap, HashMapExt as _};
use std::collections::VecDeque;

/// The rule as it was: a search out of each customer or contact touchpoint.
fn visible_without_support_by_search(bp: &Blueprint) -> Vec<usize> {
    let lane_kind = |lane: &LaneId| bp.lane(lane).map(|l| l.kind);
    let invisible = invisible_lanes(bp);
    if invisible.is_empty() {
        return Vec::new();
    }
    let mut neighbours: HashMap<&TouchpointId, Vec<&TouchpointId>> = HashMap::new();
    for c in &bp.connectors {
        neighbours.entry(&c.from).or_default().push(&c.to);
        neighbours.entry(&c.to).or_default().push(&c.from);
    }
    let lane_of: HashMap<&TouchpointId, &LaneId> =
        bp.touchpoints.iter().map(|t| (&t.id, &t.lane)).collect();
    let mut found = Vec::new();
    for (index, tp) in bp.touchpoints.iter().enumerate() {
        if !matches!(
            lane_kind(&tp.lane),
            Some(LaneKind::Customer | LaneKind::ContactPersonnel)
        ) {
            continue;
        }
        let mut seen = HashSet::from_iter([&tp.id]);
        let mut queue = VecDeque::from([&tp.id]);
        let mut supported = false;
        while let Some(at) = queue.pop_front() {
            for &next in neighbours.get(at).into_iter().flatten() {
                if !seen.insert(next) {
                    continue;
                }
                let Some(lane) = lane_of.get(next) else {
                    continue;
                };
                if invisible.contains(lane) {
                    supported = true;
                    break;
                }
                if lane_kind(lane) != Some(LaneKind::Customer) {
                    queue.push_back(next);
                }
            }
            if supported {
                break;
            }
        }
        if !supported {
            found.push(index);
        }
    }
    found
}

/// The steps where a touchpoint of physical support lies, by id.
fn steps_with_evidence<'a>(bp: &'a Blueprint, kinds: &[Option<LaneKind>]) -> HashSet<&'a StepId> {
    bp.touchpoints
        .iter()
        .zip(kinds)
        .filter(|(_, k)| **k == Some(LaneKind::PhysicalSupport))
        .map(|(t, _)| &t.step)
        .collect()
}

/// Support found by joining relays agrees with searching from each
/// touchpoint, on random graphs with repeated ids, broken ends and loops.
#[test]
fn support_found_by_groups_is_support_found_by_search() {
    let mut next = crate::testing::numbers(0x853c_49e6_748f_ea9bu64);
    let mut some_found = 0;
    for round in 0..400 {
        let mut bp = crate::templates::synthetic(0);
        if round % 4 == 1 {
            bp.lines.retain(|l| l.kind != LineKind::Visibility);
        }
        if round % 5 == 2 {
            // A contact lane below the line of visibility.
            bp.lanes[4].kind = LaneKind::ContactPersonnel;
        }
        let mut second = bp.stages[0].steps[0].clone();
        second.id = StepId::from("step-second");
        bp.stages[0].steps.push(second);
        let n = 2 + next(14);
        for i in 0..n {
            // Steps known and unknown, so that evidence is found by
            // position and by id.
            let step = match next(4) {
                0 => StepId::from("step-nowhere"),
                1 => bp.stages[0].steps[1].id.clone(),
                _ => bp.stages[0].steps[0].id.clone(),
            };
            let mut tp = Touchpoint::new(LaneId::from(format!("lane-{}", next(6))), step, "t");
            tp.id =
                TouchpointId::from(format!("tp-{}", if next(6) == 0 { next(i + 1) } else { i }));
            bp.touchpoints.push(tp);
        }
        for i in 0..next(2 * n) {
            let end = |k: usize| TouchpointId::from(format!("tp-{k}"));
            bp.connectors.push(Connector {
                id: ConnectorId::from(format!("con-{i}")),
                from: end(next(n + 1)),
                to: end(next(n + 1)),
                kind: ConnectorKind::Flow,
                label: String::new(),
            });
        }
        let mut out = Vec::new();
        visible_without_support(&Ctx::new(&bp, Date::today()), &mut out);
        let got: Vec<TouchpointId> = out
            .into_iter()
            .map(|f| match f.element {
                Element::Touchpoint(id) => id,
                e => panic!("{e:?}"),
            })
            .collect();
        let cx = Ctx::new(&bp, Date::today());
        let kinds = cx.kinds().to_vec();
        let evidence = steps_with_evidence(&bp, &kinds);
        // The customer's touchpoints with evidence in their step are
        // supported by it.
        let want: Vec<TouchpointId> = visible_without_support_by_search(&bp)
            .into_iter()
            .filter(|&i| {
                kinds[i] != Some(LaneKind::Customer) || !evidence.contains(&bp.touchpoints[i].step)
            })
            .map(|i| bp.touchpoints[i].id.clone())
            .collect();
        some_found += usize::from(!want.is_empty() && want.len() < n);
        assert_eq!(got, want, "{bp:#?}");
    }
    assert!(some_found > 50, "{some_found}");
}
