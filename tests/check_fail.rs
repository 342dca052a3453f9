//! The rules of fail points with content and of low-contact steps: each
//! with a blueprint that triggers it and one that does not.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

mod check_fixture;
use check_fixture::*;
use servuction::check::{self, Element};
use servuction::i18n;
use servuction::model::*;

/// The healthy blueprint with a fail point, owned and recovered, on the
/// staff's drink.
fn with_fail_point(fail: FailPoint) -> Blueprint {
    let mut bp = healthy();
    let t = &mut bp.touchpoints[7];
    assert_eq!(t.id.as_str(), "tp-staff-drink");
    t.owner = "Shift lead".into();
    t.fail_point = Some(Box::new(fail));
    bp
}

fn recovered() -> FailPoint {
    FailPoint {
        failure: "Wrong drink served".into(),
        recovery: "Remake it at once, on the house".into(),
        ..FailPoint::default()
    }
}

#[test]
fn a_fail_point_without_recovery_is_found_whatever_standards_and_feedback_it_has() {
    let mut bp = with_fail_point(FailPoint {
        recovery: " \n".into(),
        ..recovered()
    });
    // A standard on the card and a feedback connector from it used to
    // silence the rule: neither says what staff do.
    let mut s = Standard::new("tp-staff-drink".into(), "Drink served within 4 min");
    s.indicator = "Minutes".into();
    s.target = Some(4.0);
    s.method = Some(MeasurementMethod::Timing);
    bp.standards.push(s);
    bp.connectors.push(Connector {
        id: "con-redo".into(),
        from: "tp-staff-drink".into(),
        to: "tp-staff-order".into(),
        kind: ConnectorKind::Feedback,
        label: "remake".into(),
    });
    assert_eq!(
        rules_found(&bp),
        [("fail-point-without-recovery", tp("tp-staff-drink"))]
    );
    let f = &check::check(&bp)[0];
    assert!(
        f.message(&bp, Language::En)
            .contains("nothing says what staff do when it happens"),
        "{}",
        f.message(&bp, Language::En)
    );
    assert!(
        f.message(&bp, Language::Es)
            .contains("qué hace el personal")
    );
    bp.touchpoints[7].fail_point = Some(Box::new(recovered()));
    assert_eq!(rules_found(&bp), []);
}

#[test]
fn a_high_priority_fail_point_needs_a_poka_yoke() {
    let rated = |s, o, d, poka_yoke: &str| {
        with_fail_point(FailPoint {
            severity: Some(s),
            occurrence: Some(o),
            detection: Some(d),
            poka_yoke: poka_yoke.into(),
            ..recovered()
        })
    };
    // 7 × 6 × 5 = 210: serious, frequent and hard to catch.
    let bp = rated(7, 6, 5, "");
    assert_eq!(
        rules_found(&bp),
        [("fail-point-without-poka-yoke", tp("tp-staff-drink"))]
    );
    let f = &check::check(&bp)[0];
    assert_eq!(f.severity, check::Severity::Warning);
    let en = f.message(&bp, Language::En);
    assert!(
        en.contains("\"staff drink\" has a risk priority of 210"),
        "{en}"
    );
    assert!(en.contains("prevented at its source"), "{en}");
    let es = f.message(&bp, Language::Es);
    assert!(es.contains("prioridad de riesgo de 210"), "{es}");
    // Exactly 200 (5 × 5 × 8) is high; 180 (6 × 6 × 5) is not.
    assert_eq!(rules_found(&rated(5, 5, 8, "")).len(), 1);
    assert_eq!(rules_found(&rated(6, 6, 5, "")), []);
    // A poka-yoke silences it; so does a rating not yet given.
    assert_eq!(
        rules_found(&rated(10, 10, 10, "Cups marked at the till")),
        []
    );
    let mut unrated = rated(10, 10, 10, "");
    unrated.touchpoints[7]
        .fail_point
        .as_mut()
        .unwrap()
        .detection = None;
    assert_eq!(rules_found(&unrated), []);
    // Named in both languages.
    assert_eq!(
        i18n::rule_label("fail-point-without-poka-yoke", Language::Es),
        "punto de fallo de alta prioridad sin poka-yoke"
    );
}

/// The healthy blueprint with a third step that only the back office
/// works on (the stock is counted after closing).
fn with_back_office_step(level: ContactLevel) -> Blueprint {
    let mut bp = healthy();
    bp.contact_level = level;
    bp.stages[0].steps.push(Step {
        id: "step-count".into(),
        name: "Count stock".into(),
        duration_min: None,
    });
    let mut t = Touchpoint::new("lane-office".into(), "step-count".into(), "Stock count");
    t.id = "tp-office-count".into();
    bp.touchpoints.push(t);
    bp
}

#[test]
fn a_back_office_step_of_a_low_contact_blueprint_needs_no_customer() {
    // Low contact, back office only: how the service is.
    let bp = with_back_office_step(ContactLevel::Low);
    assert_eq!(rules_found(&bp), []);
    // Medium or high contact: still a step the customer is missing from.
    for level in [ContactLevel::Medium, ContactLevel::High] {
        let bp = with_back_office_step(level);
        assert_eq!(
            rules_found(&bp),
            [("step-without-customer", Element::Step("step-count".into()))],
            "{level:?}"
        );
    }
    // Low contact, but staff work there too: the customer is missing.
    let mut bp = with_back_office_step(ContactLevel::Low);
    let mut t = Touchpoint::new("lane-staff".into(), "step-count".into(), "Till closed");
    t.id = "tp-staff-count".into();
    bp.touchpoints.push(t);
    let found = rules_found(&bp);
    assert!(
        found.contains(&("step-without-customer", Element::Step("step-count".into()))),
        "{found:?}"
    );
    // An empty step of a low-contact blueprint is still reported.
    let mut bp = with_back_office_step(ContactLevel::Low);
    bp.touchpoints
        .retain(|t| t.id.as_str() != "tp-office-count");
    assert!(
        rules_found(&bp).contains(&("step-without-customer", Element::Step("step-count".into())))
    );
    // The rule's summary says why, in both languages.
    let rule = check::RULES
        .iter()
        .find(|r| r.id == "step-without-customer")
        .unwrap();
    assert!(rule.summary.text(Language::En).contains("low-contact"));
    assert!(rule.summary.text(Language::Es).contains("bajo contacto"));
}
