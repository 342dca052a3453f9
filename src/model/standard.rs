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
    /// The unit of the indicator and of target and tolerance, e.g. "%", "min".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// How far past the target a value may fall and still be only at risk.
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

/// Whether a standard is being met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    /// The latest value misses the target by more than the tolerance.
    Missed,
    /// The latest value misses the target but lies inside the tolerance.
    AtRisk,
    /// The latest value meets the target.
    Met,
    /// No target or no measured value yet.
    NotMeasured,
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

    /// The compliance of a value against this standard's target and tolerance.
    pub fn judge(&self, value: f64) -> Compliance {
        let Some(target) = self.target else {
            return Compliance::NotMeasured;
        };
        let tolerance = self.tolerance.unwrap_or(0.0).abs();
        // How far the value falls short of the target, in the bad direction.
        let shortfall = match self.direction {
            Direction::HigherIsBetter => target - value,
            Direction::LowerIsBetter => value - target,
        };
        if shortfall <= 0.0 {
            Compliance::Met
        } else if shortfall <= tolerance {
            Compliance::AtRisk
        } else {
            Compliance::Missed
        }
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
mod tests {
    use super::*;

    fn standard(direction: Direction, target: f64, tolerance: Option<f64>) -> Standard {
        let mut s = Standard::new("tp-a".into(), "s");
        s.direction = direction;
        s.target = Some(target);
        s.tolerance = tolerance;
        s
    }

    #[test]
    fn higher_is_better_with_tolerance_edges() {
        let s = standard(Direction::HigherIsBetter, 95.0, Some(5.0));
        assert_eq!(s.judge(95.0), Compliance::Met);
        assert_eq!(s.judge(99.0), Compliance::Met);
        assert_eq!(s.judge(94.9), Compliance::AtRisk);
        assert_eq!(s.judge(90.0), Compliance::AtRisk);
        assert_eq!(s.judge(89.9), Compliance::Missed);
    }

    #[test]
    fn lower_is_better_with_tolerance_edges() {
        let s = standard(Direction::LowerIsBetter, 2.0, Some(1.0));
        assert_eq!(s.judge(2.0), Compliance::Met);
        assert_eq!(s.judge(0.5), Compliance::Met);
        assert_eq!(s.judge(2.5), Compliance::AtRisk);
        assert_eq!(s.judge(3.0), Compliance::AtRisk);
        assert_eq!(s.judge(3.01), Compliance::Missed);
    }

    #[test]
    fn no_tolerance_means_any_shortfall_is_missed() {
        let s = standard(Direction::HigherIsBetter, 10.0, None);
        assert_eq!(s.judge(9.99), Compliance::Missed);
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
        s.target = None;
        assert_eq!(s.compliance(), Compliance::NotMeasured);
    }
}
