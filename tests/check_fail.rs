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

/// Every template's fail points say what goes wrong and how staff recover,
/// in both languages, so the templates pass their own fail-point checks;
/// the hotel teaches the fields with a room not ready at check-in.
#[test]
fn templates_describe_their_fail_points_and_the_hotel_teaches_them() {
    for t in servuction::templates::TEMPLATES {
        for lang in Language::ALL {
            let bp = t.load(lang).unwrap();
            for tp in &bp.touchpoints {
                if let Some(f) = &tp.fail_point {
                    assert!(
                        !f.failure.trim().is_empty() && !f.recovery.trim().is_empty(),
                        "{} {lang:?} {}",
                        t.name,
                        tp.id
                    );
                }
            }
            let fail_rules: Vec<_> = rules_found(&bp)
                .into_iter()
                .filter(|(r, _)| r.starts_with("fail-point"))
                .collect();
            assert_eq!(fail_rules, [], "{} {lang:?}", t.name);
        }
    }
    let room = |lang| {
        let bp = servuction::templates::TEMPLATES
            .iter()
            .find(|t| t.name == "hotel")
            .unwrap()
            .load(lang)
            .unwrap();
        *bp.touchpoint(&"tp-register-receptionist".into())
            .unwrap()
            .fail_point
            .clone()
            .unwrap()
    };
    let en = room(Language::En);
    assert_eq!(en.failure, "Room not ready at check-in time");
    assert_eq!(en.kind, Some(FailKind::ServerTangibles));
    assert!(en.poka_yoke.contains("Housekeeping"));
    assert!(en.recovery.contains("drink in the bar"));
    assert_eq!(en.recovery_min, Some(30.0));
    assert_eq!(en.rpn(), Some(105));
    let es = room(Language::Es);
    assert_eq!(es.failure, "Habitación no lista a la hora de entrada");
    assert!(!es.poka_yoke.is_empty() && es.recovery.contains("bar"));
}

/// A photo of physical evidence on a card must say what it shows: each
/// photo without a text alternative is found (spaces are no text), named
/// by its number on the card, in both languages; with one, nothing is.
#[test]
fn a_photo_without_a_text_alternative_is_found_and_one_with_it_is_not() {
    let mut bp = healthy();
    let bytes = {
        let img =
            image::RgbImage::from_fn(8, 6, |x, y| image::Rgb([x as u8 * 30, y as u8 * 40, 9]));
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&img)
            .unwrap();
        out
    };
    let photo = servuction::photo::prepare(&bytes).unwrap();
    let id = bp.touchpoints[7].id.clone();
    for (alt, caption) in [
        ("The bar's menu board, prices in large print", ""),
        (" \n", "Menu"),
    ] {
        servuction::photo::attach(&mut bp, id.as_str(), photo.clone(), caption, alt).unwrap();
    }
    assert!(bp.problems().is_empty(), "{:?}", bp.problems());
    assert_eq!(bp.photos.len(), 1, "the same photo is stored once");
    assert_eq!(
        rules_found(&bp),
        [("photo-without-alt", tp("tp-staff-drink"))]
    );
    let f = &check::check(&bp)[0];
    assert_eq!(f.severity, check::Severity::Warning);
    let title = &bp.touchpoints[7].title;
    assert_eq!(
        f.message(&bp, Language::En),
        format!(
            "photo 2 of \"{title}\" has no text alternative: say what the physical evidence shows, for screen readers and the exports"
        )
    );
    assert_eq!(
        f.message(&bp, Language::Es),
        format!(
            "la foto 2 de «{title}» no tiene texto alternativo: diga qué muestra la evidencia física, para los lectores de pantalla y las exportaciones"
        )
    );
    assert_eq!(
        i18n::rule_label("photo-without-alt", Language::Es),
        "foto sin texto alternativo"
    );
    bp.touchpoints[7].photos[1].alt = "The menu board seen from the bar stools".into();
    assert!(rules_found(&bp).is_empty(), "{:?}", rules_found(&bp));
}
