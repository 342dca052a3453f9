//! The health-check rules: each with a blueprint that triggers it and one that
//! does not; compliance roll-ups; the time budget; `check` on the command line.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests and benchmarks stop at the first surprise.

use servuction::check::{self, Element, Severity};
use servuction::model::*;

mod check_fixture;
use check_fixture::*;

#[test]
fn a_healthy_blueprint_has_no_findings() {
    let bp = healthy();
    assert!(bp.problems().is_empty());
    assert_eq!(rules_found(&bp), []);
}

#[test]
fn standard_missed_and_at_risk() {
    let mut bp = healthy();
    bp.standards[0].measurements.push(Measurement {
        date: "2026-06-01".parse().unwrap(),
        value: 2.4,
    });
    assert_eq!(
        rules_found(&bp),
        [("standard-at-risk", Element::Standard("std-serve".into()))]
    );
    bp.standards[0].measurements.push(Measurement {
        date: "2026-07-01".parse().unwrap(),
        value: 2.6,
    });
    let found = check::check(&bp);
    assert_eq!(found.len(), 2);
    assert_eq!(
        (found[0].rule, found[0].severity),
        ("standard-missed", Severity::Error)
    );
    // Missed with no improvement action planned: the loop stops at measuring.
    assert_eq!(
        (found[1].rule, found[1].severity),
        ("missed-standard-without-action", Severity::Warning)
    );
    assert_eq!(
        found[0].message(&bp, Language::En),
        "the standard \"Served within 2 min\" is missed: latest value 2.6 min, short of the adequate level 2.5 min (desired level 2 min)"
    );
    assert_eq!(
        found[0].message(&bp, Language::Es),
        "el estándar «Served within 2 min» está incumplido: último valor 2,6 min, peor que el nivel adecuado 2,5 min (nivel deseado 2 min)"
    );
}

#[test]
fn moments_of_truth_without_standards() {
    let mut bp = healthy();
    bp.touchpoints[6].moment_of_truth = MomentOfTruth::Moment; // cust drink
    assert_eq!(
        rules_found(&bp),
        [("moment-without-standard", tp("tp-cust-drink"))]
    );
    bp.standards.clear();
    let found = check::check(&bp);
    assert_eq!(found[0].rule, "critical-moment-without-standard");
    assert_eq!(found[0].severity, Severity::Error);
    assert_eq!(found.len(), 2);
}

#[test]
fn incomplete_standards_name_what_is_missing_in_each_language() {
    let mut bp = healthy();
    bp.standards[0].indicator.clear();
    bp.standards[0].method = None;
    let found = check::check(&bp);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule, "standard-incomplete");
    assert_eq!(
        found[0].message(&bp, Language::En),
        "the standard \"Served within 2 min\" has no indicator, measurement method"
    );
    assert_eq!(
        found[0].message(&bp, Language::Es),
        "al estándar «Served within 2 min» le falta: indicador, método de medición"
    );
}

#[test]
fn visible_touchpoints_need_back_office_support() {
    let mut bp = healthy();
    // Cut the drink step's back-office dependency: the staff lose their
    // support; the customer's own action keeps the step's physical evidence,
    // which the method counts as support.
    bp.connectors.retain(|c| c.id.as_str() != "con-b-drink");
    assert_eq!(
        rules_found(&bp),
        [("visible-without-support", tp("tp-staff-drink"))]
    );
    let found = check::check(&bp);
    assert_eq!(
        found[0].message(&bp, Language::En),
        "the contact personnel's \"t staff drink\" has nothing behind it: no link across the line of visibility to the back-office work that makes it possible"
            .replace("t staff drink", &bp.touchpoint(&"tp-staff-drink".into()).unwrap().title)
    );
    // Without the evidence either, the customer is flagged too, and told why.
    bp.touchpoints.retain(|t| t.id.as_str() != "tp-phys-drink");
    let found: Vec<_> = check::check(&bp)
        .into_iter()
        .filter(|f| f.rule == "visible-without-support")
        .collect();
    assert_eq!(found.len(), 2);
    let customer = found
        .iter()
        .find(|f| f.element == tp("tp-cust-drink"))
        .expect("the customer's touchpoint");
    assert!(
        customer
            .message(&bp, Language::En)
            .contains("has no physical evidence in its step and no link to the back-office work"),
        "{}",
        customer.message(&bp, Language::En)
    );
}

#[test]
fn customer_steps_need_physical_support_and_steps_need_customers() {
    let mut bp = healthy();
    bp.touchpoints.retain(|t| t.id.as_str() != "tp-phys-drink");
    assert_eq!(
        rules_found(&bp),
        [(
            "step-without-physical-support",
            Element::Step("step-drink".into())
        )]
    );
    let mut bp = healthy();
    bp.connectors.retain(|c| {
        !c.from.as_str().contains("cust-drink") && !c.to.as_str().contains("cust-drink")
    });
    bp.touchpoints.retain(|t| t.id.as_str() != "tp-cust-drink");
    assert_eq!(
        rules_found(&bp),
        [("step-without-customer", Element::Step("step-drink".into()))]
    );
}

#[test]
fn fail_points_need_an_owner_and_a_recovery() {
    let mut bp = healthy();
    bp.touchpoints[7].fail_point = Some(Box::default()); // staff drink
    assert_eq!(
        rules_found(&bp),
        [
            ("fail-point-without-owner", tp("tp-staff-drink")),
            ("fail-point-without-recovery", tp("tp-staff-drink"))
        ]
    );
    bp.touchpoints[7].owner = "Shift lead".into();
    bp.touchpoints[7].fail_point.as_mut().unwrap().recovery = "Remake the drink at once".into();
    assert_eq!(rules_found(&bp), []);
}

#[test]
fn wait_points_need_an_expected_wait_and_a_time_standard() {
    let mut bp = healthy();
    bp.touchpoints[6].wait_point = true; // cust drink
    assert_eq!(
        rules_found(&bp),
        [
            ("wait-without-expected-wait", tp("tp-cust-drink")),
            ("wait-without-time-standard", tp("tp-cust-drink"))
        ]
    );
    bp.touchpoints[1].wait_point = true; // cust order: has a timing standard
    bp.touchpoints[1].expected_wait_min = Some(4.0);
    assert_eq!(rules_found(&bp).len(), 2);
}

#[test]
fn connectors_backwards_in_time_must_be_feedback() {
    let mut bp = healthy();
    bp.connectors.push(Connector {
        id: "con-back".into(),
        from: "tp-office-drink".into(),
        to: "tp-office-order".into(),
        kind: ConnectorKind::Flow,
        label: String::new(),
    });
    assert_eq!(
        rules_found(&bp),
        [("connector-backwards", Element::Connector("con-back".into()))]
    );
    bp.connectors.last_mut().unwrap().kind = ConnectorKind::Feedback;
    assert_eq!(rules_found(&bp), []);
}

#[test]
fn high_contact_needs_a_critical_moment() {
    let mut bp = healthy();
    bp.touchpoints[1].moment_of_truth = MomentOfTruth::Moment;
    assert_eq!(
        rules_found(&bp),
        [("high-contact-without-critical-moment", Element::Blueprint)]
    );
    bp.contact_level = ContactLevel::Low;
    assert_eq!(rules_found(&bp), []);
}

#[test]
fn empty_lanes_and_stages_are_hinted() {
    let mut bp = healthy();
    bp.lanes.push(Lane {
        id: "lane-extra".into(),
        kind: LaneKind::Custom,
        name: "Suppliers".into(),
        colour: Colour::rgb(1, 2, 3),
        hidden: false,
    });
    bp.stages.push(Stage {
        id: "stage-later".into(),
        name: "Later".into(),
        steps: vec![],
    });
    let found = check::check(&bp);
    assert_eq!(
        found
            .iter()
            .map(|f| (f.rule, f.severity))
            .collect::<Vec<_>>(),
        [
            ("empty-lane", Severity::Hint),
            ("empty-stage", Severity::Hint)
        ]
    );
    assert_eq!(
        found[0].message(&bp, Language::Es),
        "el carril «Suppliers» está vacío"
    );
}

#[test]
fn rules_can_be_switched_off_per_blueprint_and_that_is_saved() {
    let mut bp = healthy();
    bp.touchpoints[6].moment_of_truth = MomentOfTruth::Moment;
    bp.disabled_rules.push("moment-without-standard".into());
    assert_eq!(rules_found(&bp), []);
    let back = servuction::format::from_str(&servuction::format::to_string(&bp).unwrap()).unwrap();
    assert_eq!(back.disabled_rules, ["moment-without-standard"]);
    assert_eq!(rules_found(&back), []);
}

#[test]
fn every_rule_has_a_unique_id_and_summaries_in_both_languages() {
    let mut ids: Vec<_> = check::RULES.iter().map(|r| r.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), check::RULES.len());
    for r in check::RULES {
        assert_ne!(
            r.summary.text(Language::En),
            r.summary.text(Language::Es),
            "{}",
            r.id
        );
    }
}

#[test]
fn compliance_rolls_up_per_touchpoint_lane_stage_and_blueprint() {
    let mut bp = healthy();
    let mut add = |tp: &str, target: f64, value: Option<f64>| {
        let mut s = Standard::new(tp.into(), "s");
        s.target = Some(target);
        s.measurements.extend(value.map(|value| Measurement {
            date: "2026-01-01".parse().unwrap(),
            value,
        }));
        bp.standards.push(s);
    };
    add("tp-cust-order", 90.0, Some(80.0)); // missed
    add("tp-staff-drink", 90.0, Some(95.0)); // met
    add("tp-staff-drink", 90.0, None); // not measured
    let all = check::compliance_of_blueprint(&bp);
    assert_eq!(
        (
            all.met,
            all.at_risk,
            all.missed,
            all.not_measured,
            all.total()
        ),
        (2, 0, 1, 1, 4)
    );
    assert_eq!(all.worst(), Compliance::Missed);
    let tp = check::compliance_of_touchpoint(&bp, &"tp-staff-drink".into());
    assert_eq!((tp.met, tp.not_measured), (1, 1));
    let lanes = check::compliance_by_lane(&bp);
    assert_eq!(lanes[1].0.as_str(), "lane-cust");
    assert_eq!((lanes[1].1.met, lanes[1].1.missed), (1, 1));
    assert_eq!(lanes[0].1.total(), 0);
    let stages = check::compliance_by_stage(&bp);
    assert_eq!(stages[0].1.total(), 4);
}

#[test]
fn time_budget_sums_service_and_waits_and_flags_missed_time_standards() {
    let mut bp = healthy();
    bp.touchpoints[6].duration_min = Some(10.0); // cust drink: the step has no duration
    bp.touchpoints[6].wait_point = true;
    bp.touchpoints[6].expected_wait_min = Some(4.0);
    bp.standards[0].measurements.push(Measurement {
        date: "2026-09-09".parse().unwrap(),
        value: 9.0,
    });
    let t = check::time_budget(&bp);
    assert_eq!(t.steps.len(), 2);
    assert_eq!((t.steps[0].service_min, t.steps[0].wait_min), (3.0, 0.0));
    assert_eq!((t.steps[1].service_min, t.steps[1].wait_min), (10.0, 4.0));
    assert_eq!(
        (t.service_min, t.wait_min, t.total_min()),
        (13.0, 4.0, 17.0)
    );
    assert_eq!(t.stages[0].service_min, 13.0);
    assert_eq!(
        t.steps[0].missed_time_standards,
        ["std-serve".into()] as [StandardId; 1]
    );
    assert!(t.steps[1].missed_time_standards.is_empty());
}

#[test]
fn check_command_prints_findings_and_exits_1_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.json");
    let mut bp = healthy();
    bp.standards[0].measurements.push(Measurement {
        date: "2026-09-09".parse().unwrap(),
        value: 9.0,
    });
    bp.touchpoints[6].moment_of_truth = MomentOfTruth::Moment;
    servuction::format::save(&path, &bp).unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_servuction"))
            .args(args)
            .output()
            .unwrap()
    };
    let p = path.to_str().unwrap();
    let o = run(&["check", p]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout).unwrap();
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            format!(
                "{p}: error [standard-missed] std-serve: the standard \"Served within 2 min\" is missed: latest value 9 min, short of the adequate level 2.5 min (desired level 2 min)"
            ),
            format!(
                "{p}: warning [moment-without-standard] tp-cust-drink: the moment of truth \"cust drink\" has no standard"
            ),
            format!(
                "{p}: warning [missed-standard-without-action] std-serve: the standard \"Served within 2 min\" is missed and no open or in-progress action is attached to it or meant to move it: plan what will be done, by whom and by when"
            ),
        ]
    );
    let o = run(&["check", "--format", "json", "--lang", "es", p]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json[0]["rule"], "standard-missed");
    assert_eq!(json[0]["severity"], "error");
    assert_eq!(json[0]["element"]["kind"], "standard");
    assert_eq!(json[0]["element"]["id"], "std-serve");
    assert!(
        json[1]["message"]
            .as_str()
            .unwrap()
            .starts_with("el momento de la verdad")
    );

    bp.disabled_rules = vec![
        "standard-missed".into(),
        "moment-without-standard".into(),
        "missed-standard-without-action".into(),
    ];
    servuction::format::save(&path, &bp).unwrap();
    let o = run(&["check", p]);
    assert_eq!(o.status.code(), Some(0));
    assert!(o.stdout.is_empty());
}

/// A finding names its element as the blueprint has it when the message is
/// shown: a title edited since reads as it is now, a touchpoint moved is
/// still found, and one deleted is named by its id.
#[test]
fn findings_name_their_elements_as_the_blueprint_has_them_now() {
    let mut bp = healthy();
    bp.touchpoints[6].moment_of_truth = MomentOfTruth::Moment;
    bp.standards[0].indicator.clear();
    let found = check::check(&bp);
    let moment = found
        .iter()
        .find(|f| f.rule == "moment-without-standard")
        .expect("the moment without a standard");
    let standard = found
        .iter()
        .find(|f| f.rule == "standard-incomplete")
        .expect("the incomplete standard");
    let id = bp.touchpoints[6].id.clone();
    let title = bp.touchpoints[6].title.clone();
    assert_eq!(moment.element, Element::Touchpoint(id.clone()));
    assert_eq!(moment.name(&bp), title);
    assert_eq!(
        moment.message(&bp, Language::En),
        format!("the moment of truth \"{title}\" has no standard")
    );
    assert_eq!(standard.name(&bp), "Served within 2 min");

    bp.touchpoints[6].title = "Orders a second coffee".into();
    bp.standards[0].statement = "Served within 3 min".into();
    assert_eq!(
        moment.message(&bp, Language::En),
        "the moment of truth \"Orders a second coffee\" has no standard"
    );
    assert!(
        standard
            .message(&bp, Language::Es)
            .contains("«Served within 3 min»")
    );

    bp.touchpoints.reverse();
    assert_eq!(moment.name(&bp), "Orders a second coffee");
    bp.touchpoints.retain(|t| t.id != id);
    assert_eq!(moment.name(&bp), id.as_str());
}

/// A missed standard's figures, like its name, are read from the blueprint
/// when the message is shown: the check formats no figures.
#[test]
fn findings_give_a_standards_figures_as_the_blueprint_has_them_now() {
    let mut bp = healthy();
    bp.standards[0].measurements.push(Measurement {
        date: "2026-07-01".parse().unwrap(),
        value: 2.6,
    });
    let found = check::check(&bp);
    let missed = found
        .iter()
        .find(|f| f.rule == "standard-missed")
        .expect("the missed standard");
    assert!((missed.message(&bp, Language::En)).ends_with(
        "latest value 2.6 min, short of the adequate level 2.5 min (desired level 2 min)"
    ));
    bp.standards[0].measurements.push(Measurement {
        date: "2026-08-01".parse().unwrap(),
        value: 2.25,
    });
    bp.standards[0].target = Some(1.5);
    bp.standards[0].unit = "minutos".into();
    bp.standards.insert(0, bp.standards[0].clone());
    bp.standards[0].id = "std-other".into();
    bp.standards[0].target = Some(7.0);
    assert_eq!(
        missed.message(&bp, Language::Es),
        "el estándar «Served within 2 min» está incumplido: último valor 2,25 minutos, peor que el nivel adecuado 2 minutos (nivel deseado 1,5 minutos)"
    );
    bp.standards.remove(1);
    assert!(
        (missed.message(&bp, Language::En)).ends_with(
            "std-serve\" is missed: latest value ?, short of the adequate level ? (desired level ?)"
        ),
        "{}",
        missed.message(&bp, Language::En)
    );
}

/// One standard drawn for [`standards_are_reported_in_order_each_by_its_own_state`]:
/// an indicator blank or not, a target, a method, and measurements that
/// meet, come near or miss it, or none.
fn drawn_standard() -> impl proptest::strategy::Strategy<Value = Standard> {
    use proptest::prelude::*;
    (
        prop::sample::select(vec!["", "  ", "Minutes to serve", " % served "]),
        prop::option::of(1.0..3.0f64),
        any::<bool>(),
        prop::collection::vec((1u8..=12, 0.0..4.0f64), 0..4),
    )
        .prop_map(|(indicator, target, timed, measured)| {
            let mut s = Standard::new("tp-cust-order".into(), "");
            s.indicator = indicator.into();
            s.unit = "min".into();
            s.direction = Direction::LowerIsBetter;
            s.target = target;
            s.tolerance = Some(0.5);
            s.method = timed.then_some(MeasurementMethod::Timing);
            s.measurements = measured
                .into_iter()
                .map(|(month, value)| Measurement {
                    date: Date::new(2026, month, 1).unwrap(),
                    value,
                })
                .collect();
            s
        })
}

proptest::proptest! {
    /// The standards' findings (missed, at risk, incomplete) come in the
    /// rules' order and, within a rule, in the standards' order; each names
    /// its own standard and gives its own figures and what it lacks, as a
    /// plain reading of each standard says, among standards in every state.
    #[test]
    fn standards_are_reported_in_order_each_by_its_own_state(
        drawn in proptest::collection::vec(drawn_standard(), 0..24)
    ) {
        let mut bp = healthy();
        bp.standards.clear();
        for (i, mut s) in drawn.into_iter().enumerate() {
            s.id = format!("std-{i}").as_str().into();
            s.statement = format!("Standard {i}");
            bp.standards.push(s);
        }
        let mut want = Vec::new();
        for (rule, status) in [
            ("standard-missed", Compliance::Missed),
            ("standard-at-risk", Compliance::AtRisk),
        ] {
            for s in bp.standards.iter().filter(|s| s.compliance() == status) {
                let latest = s.latest().unwrap().value;
                let words = if status == Compliance::Missed {
                    "is missed: latest value {} min, short of the adequate level {} min (desired level {} min)"
                } else {
                    "is at risk: latest value {} min, within the zone of tolerance from the adequate level {} min to the desired level {} min"
                };
                // Figures as the language writes them, to three decimals;
                // the tolerance is 0.5 (lower is better).
                let figure = |v: f64| servuction::i18n::decimal(v, 3, Language::En);
                let target = s.target.unwrap();
                let mut figures = [figure(latest), figure(target + 0.5), figure(target)].into_iter();
                let words = words
                    .split("{}")
                    .enumerate()
                    .map(|(i, w)| if i == 0 { w.to_owned() } else { format!("{}{w}", figures.next().unwrap()) })
                    .collect::<String>();
                want.push((rule, s.id.clone(), format!(
                    "the standard \"{}\" {words}",
                    s.statement,
                )));
            }
        }
        for s in &bp.standards {
            let lacks: Vec<&str> = [
                (s.indicator.trim().is_empty(), "indicator"),
                (s.target.is_none(), "desired level"),
                (s.method.is_none(), "measurement method"),
            ]
            .into_iter()
            .filter_map(|(lacks, what)| lacks.then_some(what))
            .collect();
            if !lacks.is_empty() {
                want.push(("standard-incomplete", s.id.clone(), format!(
                    "the standard \"{}\" has no {}",
                    s.statement,
                    lacks.join(", ")
                )));
            }
        }
        let got: Vec<_> = check::check(&bp)
            .into_iter()
            .filter(|f| f.rule.starts_with("standard-"))
            .map(|f| {
                let Element::Standard(id) = &f.element else {
                    panic!("a standard's finding names {:?}", f.element);
                };
                (f.rule, id.clone(), f.message(&bp, Language::En))
            })
            .collect();
        proptest::prop_assert_eq!(got, want);
    }
}

/// A title longer than a card can show even grown to its most lines is
/// found, named by its title, in both languages; a long title the card
/// grows to hold is not.
#[test]
fn titles_cut_on_their_card_are_found_in_each_language() {
    let mut bp = healthy();
    let grows = "The barista greets the regular by name and starts the usual order";
    bp.touchpoints[0].title = grows.into();
    assert!(rules_found(&bp).is_empty(), "{:?}", rules_found(&bp));
    let long = "The barista greets the regular customer by name, asks whether it is the \
                usual order today, suggests the seasonal cake, takes the payment by card \
                or phone, and calls the order to the bar";
    assert!(long.chars().count() > 150);
    bp.touchpoints[0].title = long.into();
    let id = bp.touchpoints[0].id.clone();
    let found = check::check(&bp);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].rule, "title-cut");
    assert_eq!(found[0].element, Element::Touchpoint(id));
    assert_eq!(found[0].severity, Severity::Hint);
    let en = found[0].message(&bp, Language::En);
    let es = found[0].message(&bp, Language::Es);
    assert!(en.starts_with("the title \"The barista greets"), "{en}");
    assert!(en.contains("does not fit on its card"), "{en}");
    assert!(es.starts_with("el título «The barista greets"), "{es}");
    assert!(es.contains("no cabe en su tarjeta"), "{es}");
    assert_eq!(
        servuction::i18n::rule_label("title-cut", Language::Es),
        "título cortado en su tarjeta"
    );
}
