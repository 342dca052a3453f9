//! The zone of tolerance (Zeithaml, Berry & Parasuraman): between the level
//! a standard desires and the level still adequate lies the zone where a
//! measured value is tolerated but at risk.
//!
//! In the file a standard keeps its desired level as `target` and the zone's
//! width as `tolerance`. Everything that shows or judges the adequate level
//! (compliance, the check, the inspector, the report, the CSV) takes it from
//! [`Standard::zone`], so they all agree, including on the default width.

use super::{Compliance, Direction, Standard};

/// The zone's width when a standard sets no tolerance, as a share of the
/// desired level: 10 %, so "at risk" exists without extra typing. A share
/// rather than a fixed amount because it suits any unit (a wait of 2 min is
/// adequate at 2.2 min, 95 % of guests greeted at 85.5 %).
pub const DEFAULT_TOLERANCE_SHARE: f64 = 0.10;

/// A standard's zone of tolerance, as absolute values in its unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Zone {
    /// The level the standard asks for (its `target`).
    pub desired: f64,
    /// The level still acceptable: the desired level less the width for
    /// higher-is-better, plus the width for lower-is-better.
    pub adequate: f64,
    /// Past this a value exceeds: the desired level plus the width (or minus,
    /// for lower-is-better). With a zone of no width, nothing exceeds.
    pub exceeds: f64,
    /// The width, never negative.
    pub width: f64,
    /// Whether the width is the default ([`DEFAULT_TOLERANCE_SHARE`]), the
    /// standard setting no tolerance.
    pub default_width: bool,
    pub direction: Direction,
}

impl Zone {
    /// The zone of a desired level (`target`) and a width (`tolerance`, or
    /// by default [`DEFAULT_TOLERANCE_SHARE`] of the desired level); `None`
    /// without a desired level.
    pub fn new(direction: Direction, target: Option<f64>, tolerance: Option<f64>) -> Option<Zone> {
        let desired = target?;
        let (width, default_width) = match tolerance {
            Some(t) => (t.abs(), false),
            None => ((desired * DEFAULT_TOLERANCE_SHARE).abs(), true),
        };
        let sign = match direction {
            Direction::HigherIsBetter => 1.0,
            Direction::LowerIsBetter => -1.0,
        };
        Some(Zone {
            desired,
            adequate: desired - sign * width,
            exceeds: desired + sign * width,
            width,
            default_width,
            direction,
        })
    }

    /// Whether `a` is better than `b` in this direction.
    fn better(&self, a: f64, b: f64) -> bool {
        match self.direction {
            Direction::HigherIsBetter => a > b,
            Direction::LowerIsBetter => a < b,
        }
    }

    /// Where a value lies: short of the adequate level (missed), in the zone
    /// (at risk, the adequate level included), at or past the desired level
    /// (met), or past it by more than the zone's width (exceeds).
    pub fn judge(&self, value: f64) -> Compliance {
        if self.better(self.adequate, value) || value.is_nan() {
            Compliance::Missed
        } else if self.better(self.desired, value) {
            Compliance::AtRisk
        } else if self.width > 0.0 && self.better(value, self.exceeds) {
            Compliance::Exceeds
        } else {
            Compliance::Met
        }
    }

    /// The tolerance that puts the adequate level at `adequate`, or `None`
    /// when that level is not short of the desired level (it would make the
    /// tolerance negative).
    pub fn tolerance_for(&self, adequate: f64) -> Option<f64> {
        let width = match self.direction {
            Direction::HigherIsBetter => self.desired - adequate,
            Direction::LowerIsBetter => adequate - self.desired,
        };
        (width >= 0.0 && width.is_finite()).then_some(width)
    }
}

impl Standard {
    /// The zone of tolerance, or `None` without a desired level.
    pub fn zone(&self) -> Option<Zone> {
        Zone::new(self.direction, self.target, self.tolerance)
    }

    /// The adequate level in effect: set through the tolerance, or the
    /// default one. `None` without a desired level.
    pub fn adequate_level(&self) -> Option<f64> {
        self.zone().map(|z| z.adequate)
    }

    /// The compliance of a value against this standard's zone of tolerance.
    pub fn judge(&self, value: f64) -> Compliance {
        self.zone()
            .map_or(Compliance::NotMeasured, |z| z.judge(value))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::standard::tests::standard;

    /// Each state's edges, both directions, with a tolerance set.
    #[test]
    fn every_state_and_its_edges_in_both_directions() {
        use Compliance::*;
        let cases = [
            // 95 % desired, 5 wide: adequate 90, exceeds past 100.
            (
                Direction::HigherIsBetter,
                95.0,
                5.0,
                90.0,
                &[
                    (89.9, Missed),
                    (90.0, AtRisk),
                    (94.9, AtRisk),
                    (95.0, Met),
                    (100.0, Met),
                    (100.1, Exceeds),
                ],
            ),
            // 2 min desired, 1 wide: adequate 3, exceeds under 1.
            (
                Direction::LowerIsBetter,
                2.0,
                1.0,
                3.0,
                &[
                    (3.01, Missed),
                    (3.0, AtRisk),
                    (2.5, AtRisk),
                    (2.0, Met),
                    (1.0, Met),
                    (0.99, Exceeds),
                ],
            ),
        ];
        for (direction, target, tolerance, adequate, values) in cases {
            let s = standard(direction, target, Some(tolerance));
            assert_eq!(s.adequate_level(), Some(adequate));
            for &(v, want) in values {
                assert_eq!(s.judge(v), want, "{direction:?} {v}");
            }
        }
    }

    #[test]
    fn without_a_tolerance_the_zone_is_a_tenth_of_the_desired_level() {
        let s = standard(Direction::HigherIsBetter, 80.0, None);
        let z = s.zone().unwrap();
        assert!(z.default_width);
        assert_eq!((z.adequate, z.exceeds), (72.0, 88.0));
        assert_eq!(s.judge(71.9), Compliance::Missed);
        assert_eq!(s.judge(72.0), Compliance::AtRisk);
        assert_eq!(s.judge(80.0), Compliance::Met);
        assert_eq!(s.judge(88.1), Compliance::Exceeds);
        let s = standard(Direction::LowerIsBetter, 20.0, None);
        assert_eq!(s.adequate_level(), Some(22.0));
        assert_eq!(s.judge(22.1), Compliance::Missed);
        assert_eq!(s.judge(21.0), Compliance::AtRisk);
        assert_eq!(s.judge(19.0), Compliance::Met);
        assert_eq!(s.judge(17.9), Compliance::Exceeds);
        // A negative desired level still gets a zone on the right side.
        let s = standard(Direction::HigherIsBetter, -10.0, None);
        assert_eq!(s.adequate_level(), Some(-11.0));
    }

    #[test]
    fn a_tolerance_of_zero_leaves_no_zone_and_nothing_exceeds() {
        let s = standard(Direction::HigherIsBetter, 10.0, Some(0.0));
        assert!(!s.zone().unwrap().default_width);
        assert_eq!(s.judge(9.99), Compliance::Missed);
        assert_eq!(s.judge(10.0), Compliance::Met);
        assert_eq!(s.judge(1e9), Compliance::Met);
        // So does a desired level of zero without a tolerance.
        let s = standard(Direction::LowerIsBetter, 0.0, None);
        assert_eq!(s.judge(0.1), Compliance::Missed);
        assert_eq!(s.judge(0.0), Compliance::Met);
    }

    #[test]
    fn no_desired_level_is_not_measured() {
        let mut s = standard(Direction::HigherIsBetter, 1.0, Some(1.0));
        s.target = None;
        assert_eq!(s.zone(), None);
        assert_eq!(s.adequate_level(), None);
        assert_eq!(s.judge(5.0), Compliance::NotMeasured);
    }

    #[test]
    fn the_tolerance_for_an_adequate_level_puts_it_back() {
        for (direction, desired, adequate) in [
            (Direction::HigherIsBetter, 95.0, 85.0),
            (Direction::LowerIsBetter, 2.0, 2.5),
            (Direction::HigherIsBetter, 0.3, 0.2),
        ] {
            let mut s = standard(direction, desired, None);
            let tolerance = s.zone().unwrap().tolerance_for(adequate);
            s.tolerance = tolerance;
            assert_eq!(s.adequate_level(), Some(adequate));
            assert_eq!(s.judge(adequate), Compliance::AtRisk);
        }
        // An adequate level past the desired one is refused.
        let s = standard(Direction::HigherIsBetter, 95.0, None);
        assert_eq!(s.zone().unwrap().tolerance_for(96.0), None);
        let s = standard(Direction::LowerIsBetter, 2.0, None);
        assert_eq!(s.zone().unwrap().tolerance_for(1.0), None);
    }

    #[test]
    fn states_are_ordered_worst_first() {
        let mut sorted = Compliance::ALL;
        sorted.sort();
        assert_eq!(sorted, Compliance::ALL);
        assert!(Compliance::Exceeds.is_met() && Compliance::Met.is_met());
        assert!(!Compliance::AtRisk.is_met());
    }

    proptest::proptest! {
        /// A better value is never judged worse, in either direction, with or
        /// without a tolerance.
        #[test]
        fn compliance_is_monotonic_in_the_value(
            desired in -1e6f64..1e6,
            tolerance in proptest::option::of(0f64..1e5),
            a in -2e6f64..2e6,
            b in -2e6f64..2e6,
            lower in proptest::bool::ANY,
        ) {
            let direction = if lower { Direction::LowerIsBetter } else { Direction::HigherIsBetter };
            let s = standard(direction, desired, tolerance);
            let (worse, better) = match (direction, a <= b) {
                (Direction::HigherIsBetter, true) | (Direction::LowerIsBetter, false) => (a, b),
                _ => (b, a),
            };
            proptest::prop_assert!(s.judge(worse) <= s.judge(better));
            let z = s.zone().unwrap();
            proptest::prop_assert!(z.width >= 0.0);
            proptest::prop_assert_eq!(s.judge(z.desired), Compliance::Met);
            proptest::prop_assert_ne!(s.judge(z.adequate), Compliance::Missed);
        }
    }
}
