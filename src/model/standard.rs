//! Service standards, their indicators and measured values, and the
//! compliance that follows from them.

use super::ids::{StandardId, TouchpointId};
use super::values::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Which way an indicator should move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// More is better, e.g. "% of guests greeted within 30 s".
    #[default]
    HigherIsBetter,
    /// Less is better, e.g. "minutes waited at the desk".
    LowerIsBetter,
}

/// How an indicator is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementMethod {
    Timing,
    Survey,
    ComplaintsAndClaims,
    MysteryShopper,
    SuggestionBox,
    FocusGroup,
    Other,
}

impl MeasurementMethod {
    /// Every method.
    pub const ALL: [MeasurementMethod; 7] = [
        MeasurementMethod::Timing,
        MeasurementMethod::Survey,
        MeasurementMethod::ComplaintsAndClaims,
        MeasurementMethod::MysteryShopper,
        MeasurementMethod::SuggestionBox,
        MeasurementMethod::FocusGroup,
        MeasurementMethod::Other,
    ];
}

/// One measured value of an indicator.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    pub date: Date,
    pub value: f64,
}

/// A desired, measurable result that a touchpoint must meet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Standard {
    pub id: StandardId,
    /// The touchpoint that must meet this standard.
    pub touchpoint: TouchpointId,
    /// The standard in words, e.g. "Guest greeted within 30 s of reaching the desk".
    pub statement: String,
    /// What is measured, e.g. "% of guests greeted within 30 s".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub indicator: String,
    /// The unit of the indicator and of its levels, e.g. "%", "min".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    /// The desired level: what the service should achieve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The width of the zone of tolerance: how far short of the desired
    /// level the adequate level lies. Without it, [`DEFAULT_TOLERANCE_SHARE`]
    /// of the desired level is used (see [`Standard::adequate_level`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<MeasurementMethod>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// Measured values, in the order they were entered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
}

/// Whether a standard is being met: where its latest value lies against
/// the zone of tolerance (see [`Standard::judge`]). Ordered from worst to
/// best, then not measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// The latest value falls short of the adequate level.
    Missed,
    /// The latest value lies in the zone of tolerance: adequate, not yet
    /// desired.
    AtRisk,
    /// The latest value reaches the desired level.
    Met,
    /// The latest value lies beyond the desired level by more than the
    /// zone's width: well beyond what was asked. It counts as met.
    Exceeds,
    /// No desired level or no measured value yet.
    NotMeasured,
}

impl Compliance {
    /// Every state, worst first, in the order lists and legends show them.
    pub const ALL: [Compliance; 5] = [
        Compliance::Missed,
        Compliance::AtRisk,
        Compliance::Met,
        Compliance::Exceeds,
        Compliance::NotMeasured,
    ];

    /// Whether the standard is met: met, or exceeded.
    pub fn is_met(self) -> bool {
        matches!(self, Compliance::Met | Compliance::Exceeds)
    }
}

impl Standard {
    /// A new standard on a touchpoint with a fresh id.
    pub fn new(touchpoint: TouchpointId, statement: impl Into<String>) -> Self {
        Self {
            id: StandardId::generate(),
            touchpoint,
            statement: statement.into(),
            indicator: String::new(),
            unit: String::new(),
            direction: Direction::default(),
            target: None,
            tolerance: None,
            method: None,
            owner: String::new(),
            measurements: Vec::new(),
        }
    }

    /// The most recent measurement: the latest date, and of several on that
    /// date the one entered last.
    pub fn latest(&self) -> Option<&Measurement> {
        self.measurements
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| (m.date, *i))
            .map(|(_, m)| m)
    }

    /// Measurements sorted by date, for a trend.
    pub fn history(&self) -> Vec<&Measurement> {
        let mut all: Vec<_> = self.measurements.iter().collect();
        all.sort_by_key(|m| m.date);
        all
    }

    /// The compliance of the latest measured value.
    pub fn compliance(&self) -> Compliance {
        match self.latest() {
            Some(m) => self.judge(m.value),
            None => Compliance::NotMeasured,
        }
    }
}

#[cfg(test)]
pub(in crate::model) mod tests {
    use super::*;

    /// A standard with a desired level and maybe a tolerance, for tests.
    pub(in crate::model) fn standard(
        direction: Direction,
        target: f64,
        tolerance: Option<f64>,
    ) -> Standard {
        let mut s = Standard::new("tp-a".into(), "s");
        s.direction = direction;
        s.target = Some(target);
        s.tolerance = tolerance;
        s
    }

    #[test]
    fn compliance_uses_the_latest_date_not_the_last_entry() {
        let mut s = standard(Direction::HigherIsBetter, 95.0, None);
        assert_eq!(s.compliance(), Compliance::NotMeasured);
        s.measurements.push(Measurement {
            date: "2026-03-01".parse().unwrap(),
            value: 97.0,
        });
        s.measurements.push(Measurement {
            date: "2026-01-01".parse().unwrap(),
            value: 80.0,
        });
        assert_eq!(s.compliance(), Compliance::Met);
        s.measurements[0].value = 80.0;
        s.measurements[1].value = 97.0;
        assert_eq!(s.compliance(), Compliance::Missed);
        s.target = None;
        assert_eq!(s.compliance(), Compliance::NotMeasured);
    }
}
