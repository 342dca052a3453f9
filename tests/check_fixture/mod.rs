//! The blueprint the health-check tests start from, and how they read
//! findings.

#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)] // Tests stop at the first surprise.

use servuction::check::{self, Element};
use servuction::model::*;

/// A small, healthy blueprint: no rule finds anything in it.
pub fn healthy() -> Blueprint {
    let mut bp = Blueprint {
        title: "Café".into(),
        contact_level: ContactLevel::High,
        ..Default::default()
    };
    let kinds = [
        ("lane-phys", LaneKind::PhysicalSupport),
        ("lane-cust", LaneKind::Customer),
        ("lane-staff", LaneKind::ContactPersonnel),
        ("lane-back", LaneKind::ContactBackstage),
        ("lane-office", LaneKind::BackOffice),
    ];
    for (id, kind) in kinds {
        bp.lanes.push(Lane {
            id: id.into(),
            kind,
            name: id.into(),
            colour: Colour::rgb(250, 250, 250),
            hidden: false,
        });
    }
    for (kind, lane) in [
        (LineKind::Interaction, "lane-cust"),
        (LineKind::Visibility, "lane-staff"),
        (LineKind::InternalInteraction, "lane-back"),
    ] {
        bp.lines.push(Line {
            kind,
            after_lane: lane.into(),
            shown: true,
        });
    }
    bp.stages.push(Stage {
        id: "stage-visit".into(),
        name: "Visit".into(),
        steps: vec![
            Step {
                id: "step-order".into(),
                name: "Order".into(),
                duration_min: Some(3.0),
            },
            Step {
                id: "step-drink".into(),
                name: "Drink".into(),
                duration_min: None,
            },
        ],
    });
    for step in ["order", "drink"] {
        for (lane, who) in [
            ("lane-phys", "phys"),
            ("lane-cust", "cust"),
            ("lane-staff", "staff"),
            ("lane-back", "back"),
            ("lane-office", "office"),
        ] {
            let mut tp = Touchpoint::new(
                lane.into(),
                format!("step-{step}").as_str().into(),
                format!("{who} {step}"),
            );
            tp.id = format!("tp-{who}-{step}").as_str().into();
            bp.touchpoints.push(tp);
        }
    }
    let mut connect = |id: &str, from: &str, to: &str, kind| {
        bp.connectors.push(Connector {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            kind,
            label: String::new(),
        })
    };
    for step in ["order", "drink"] {
        connect(
            &format!("con-a-{step}"),
            &format!("tp-cust-{step}"),
            &format!("tp-staff-{step}"),
            ConnectorKind::Flow,
        );
        connect(
            &format!("con-b-{step}"),
            &format!("tp-office-{step}"),
            &format!("tp-staff-{step}"),
            ConnectorKind::Dependency,
        );
    }
    connect(
        "con-journey",
        "tp-cust-order",
        "tp-cust-drink",
        ConnectorKind::Flow,
    );
    bp.touchpoints[1].moment_of_truth = MomentOfTruth::Critical;
    let mut s = Standard::new("tp-cust-order".into(), "Served within 2 min");
    s.id = "std-serve".into();
    s.indicator = "Minutes to serve".into();
    s.unit = "min".into();
    s.direction = Direction::LowerIsBetter;
    s.target = Some(2.0);
    s.tolerance = Some(0.5);
    s.method = Some(MeasurementMethod::Timing);
    s.measurements.push(Measurement {
        date: "2026-05-01".parse().unwrap(),
        value: 1.5,
    });
    bp.standards.push(s);
    bp
}

pub fn rules_found(bp: &Blueprint) -> Vec<(&'static str, Element)> {
    check::check(bp)
        .into_iter()
        .map(|f| (f.rule, f.element))
        .collect()
}

pub fn tp(id: &str) -> Element {
    Element::Touchpoint(id.into())
}
