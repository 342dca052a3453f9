//! Example blueprints a trainer would show, in Spanish and English, and the
//! blank blueprint new documents start from. The examples live as JSON files
//! in `assets/templates/` and are built into the binary.

use crate::format;
use crate::model::*;

/// An example blueprint shipped with Servuction.
pub struct Template {
    /// The name used on the command line: `servuction new --template hotel`.
    pub name: &'static str,
    /// A line about the template, in English and Spanish.
    pub summary_en: &'static str,
    pub summary_es: &'static str,
    json_en: &'static str,
    json_es: &'static str,
}

impl Template {
    /// The summary in a language.
    pub fn summary(&self, lang: Language) -> &'static str {
        match lang {
            Language::En => self.summary_en,
            Language::Es => self.summary_es,
        }
    }

    /// The template's file text in a language.
    pub fn json(&self, lang: Language) -> &'static str {
        match lang {
            Language::En => self.json_en,
            Language::Es => self.json_es,
        }
    }

    /// The template as a blueprint in a language.
    pub fn load(&self, lang: Language) -> Result<Blueprint, format::ReadError> {
        if self.name == "blank" {
            return Ok(blank(lang));
        }
        format::from_str(self.json(lang))
    }
}

/// Every template, the blank one first.
pub const TEMPLATES: &[Template] = &[
    Template {
        name: "blank",
        summary_en: "An empty blueprint with the four lanes and three lines of the method",
        summary_es: "Un plano vacío con los cuatro carriles y las tres líneas del método",
        json_en: "",
        json_es: "",
    },
    Template {
        name: "hotel",
        summary_en: "Hotel stay, from arrival to check-out (high contact)",
        summary_es: "Estancia en un hotel, de la llegada a la salida (alto contacto)",
        json_en: include_str!("../assets/templates/hotel.en.json"),
        json_es: include_str!("../assets/templates/hotel.es.json"),
    },
    Template {
        name: "bank",
        summary_en: "Visit to a bank branch (medium contact)",
        summary_es: "Visita a una sucursal bancaria (contacto medio)",
        json_en: include_str!("../assets/templates/bank.en.json"),
        json_es: include_str!("../assets/templates/bank.es.json"),
    },
    Template {
        name: "delivery",
        summary_en: "Online order with home delivery (low contact)",
        summary_es: "Pedido en línea con entrega a domicilio (bajo contacto)",
        json_en: include_str!("../assets/templates/delivery.en.json"),
        json_es: include_str!("../assets/templates/delivery.es.json"),
    },
];

/// The template with this name.
pub fn find(name: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.name == name)
}

/// A blank blueprint: the lanes of the servuction model separated by the
/// three lines of the method, and one stage with one step to start from.
pub fn blank(lang: Language) -> Blueprint {
    let es = lang == Language::Es;
    let t = |en: &str, sp: &str| if es { sp.to_owned() } else { en.to_owned() };
    let lane = |kind, name: String, colour: Colour| Lane {
        id: LaneId::generate(),
        kind,
        name,
        colour,
        hidden: false,
    };
    let lanes = vec![
        lane(
            LaneKind::PhysicalSupport,
            t("Physical support", "Soporte físico"),
            Colour::rgb(0xe8, 0xe3, 0xf3),
        ),
        lane(
            LaneKind::Customer,
            t("Customer", "Cliente"),
            Colour::rgb(0xfd, 0xf0, 0xc8),
        ),
        lane(
            LaneKind::ContactPersonnel,
            t("Contact personnel", "Personal en contacto"),
            Colour::rgb(0xd8, 0xeb, 0xf8),
        ),
        lane(
            LaneKind::ContactBackstage,
            t("Backstage", "Trastienda"),
            Colour::rgb(0xdd, 0xee, 0xe4),
        ),
        lane(
            LaneKind::BackOffice,
            t("Back office", "Organización interna"),
            Colour::rgb(0xe9, 0xe9, 0xe9),
        ),
    ];
    let line = |kind, lane: &Lane| Line {
        kind,
        after_lane: lane.id.clone(),
        shown: true,
    };
    let lines = vec![
        line(LineKind::Interaction, &lanes[1]),
        line(LineKind::Visibility, &lanes[2]),
        line(LineKind::InternalInteraction, &lanes[3]),
    ];
    Blueprint {
        title: t("Untitled service", "Servicio sin título"),
        language: lang,
        stages: vec![Stage {
            id: StageId::generate(),
            name: t("Stage 1", "Etapa 1"),
            steps: vec![Step {
                id: StepId::generate(),
                name: t("Step 1", "Paso 1"),
                duration_min: None,
            }],
        }],
        lanes,
        lines,
        ..Default::default()
    }
}

/// A large, valid blueprint for benchmarks and stress tests: the blank lanes,
/// `touchpoints` cards spread over as many steps as needed (about eight per
/// step), a flow connector between neighbours and a standard with measured
/// values on every fourth card. The same size always gives the same document.
pub fn synthetic(touchpoints: usize) -> Blueprint {
    let mut bp = blank(Language::En);
    bp.title = format!("Synthetic blueprint with {touchpoints} touchpoints");
    for (i, lane) in bp.lanes.iter_mut().enumerate() {
        lane.id = LaneId::from(format!("lane-{i}"));
    }
    for (line, lane) in bp.lines.iter_mut().zip(1..) {
        line.after_lane = LaneId::from(format!("lane-{lane}"));
    }
    let lanes = bp.lanes.len();
    let per_step = 8;
    let steps = touchpoints.div_ceil(per_step).max(1);
    let steps_per_stage = 6;
    bp.stages = (0..steps.div_ceil(steps_per_stage))
        .map(|s| Stage {
            id: StageId::from(format!("stage-{s}")),
            name: format!("Stage {}", s + 1),
            steps: (s * steps_per_stage..((s + 1) * steps_per_stage).min(steps))
                .map(|p| Step {
                    id: StepId::from(format!("step-{p}")),
                    name: format!("Step {}", p + 1),
                    duration_min: Some((p % 7) as f64 + 1.0),
                })
                .collect(),
        })
        .collect();
    for i in 0..touchpoints {
        let mut tp = Touchpoint::new(
            LaneId::from(format!("lane-{}", i % lanes)),
            StepId::from(format!("step-{}", i / per_step)),
            format!("Touchpoint {i} with a title long enough to wrap"),
        );
        tp.id = TouchpointId::from(format!("tp-{i}"));
        tp.moment_of_truth = match i % 13 {
            0 => MomentOfTruth::Critical,
            5 => MomentOfTruth::Moment,
            _ => MomentOfTruth::None,
        };
        tp.fail_point = (i % 17 == 3).then(Box::default);
        tp.wait_point = i % 19 == 4;
        tp.expected_wait_min = tp.wait_point.then_some(5.0);
        tp.feeling = Some((i % 5) as i8 - 2);
        bp.touchpoints.push(tp);
        if i > 0 {
            bp.connectors.push(Connector {
                id: ConnectorId::from(format!("con-{i}")),
                from: TouchpointId::from(format!("tp-{}", i - 1)),
                to: TouchpointId::from(format!("tp-{i}")),
                kind: ConnectorKind::Flow,
                label: String::new(),
            });
        }
        if i % 4 == 0 {
            let mut s = Standard::new(TouchpointId::from(format!("tp-{i}")), "Served within 2 min");
            s.id = StandardId::from(format!("std-{i}"));
            s.indicator = "Minutes to serve".into();
            s.unit = "min".into();
            s.direction = Direction::LowerIsBetter;
            s.target = Some(2.0);
            s.tolerance = Some(0.5);
            s.method = Some(MeasurementMethod::Timing);
            s.measurements = (1..=3)
                .map(|m| Measurement {
                    #[expect(clippy::expect_used, reason = "the first of a month 1..=3")]
                    date: Date::new(2026, m, 1).expect("a real date"),
                    value: 1.0 + ((i + m as usize) % 4) as f64 * 0.4,
                })
                .collect();
            bp.standards.push(s);
        }
    }
    bp
}
