//! A fail point with content: what goes wrong at a touchpoint, what
//! prevents it (the poka-yoke), how staff recover when it happens anyway,
//! and how much it matters (FMEA's risk priority number).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The kind of a failure, after Chase & Stewart's fail-safing of services:
/// the server's errors (task, treatment, tangibles) and the customer's
/// (preparation, encounter, resolution).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FailKind {
    /// The server does the work wrongly, in the wrong order or too slowly.
    ServerTask,
    /// The server fails the customer in manner: no greeting, not listening.
    ServerTreatment,
    /// The premises, equipment or documents are wrong: a dirty room, a
    /// wrong bill.
    ServerTangibles,
    /// The customer comes unprepared: without documents, at the wrong time.
    CustomerPreparation,
    /// The customer errs during the service: misunderstands, forgets.
    CustomerEncounter,
    /// The customer fails to signal a failure or to learn from it.
    CustomerResolution,
}

impl FailKind {
    /// Every kind, the server's first.
    pub const ALL: [FailKind; 6] = [
        FailKind::ServerTask,
        FailKind::ServerTreatment,
        FailKind::ServerTangibles,
        FailKind::CustomerPreparation,
        FailKind::CustomerEncounter,
        FailKind::CustomerResolution,
    ];
}

/// The lowest and highest value of each FMEA rating.
pub const RATING: std::ops::RangeInclusive<u8> = 1..=10;

/// Where the service is likely to go wrong, and what is done about it. Every
/// field is optional: a fail point only marked is an empty one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FailPoint {
    /// What goes wrong.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub failure: String,
    /// The kind of failure (Chase & Stewart).
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<FailKind>,
    /// What prevents the failure (poka-yoke, fail-safing device).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub poka_yoke: String,
    /// What staff do when it happens anyway.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub recovery: String,
    /// Within how many minutes the recovery should be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery_min: Option<f64>,
    /// FMEA severity: how bad the failure is for the customer, 1 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<u8>,
    /// FMEA occurrence: how often it happens, 1 to 10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<u8>,
    /// FMEA detection: how hard it is to catch before the customer does,
    /// 1 (always caught) to 10 (never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detection: Option<u8>,
}

impl FailPoint {
    /// The risk priority number, severity × occurrence × detection (1 to
    /// 1,000), once all three are rated.
    pub fn rpn(&self) -> Option<u32> {
        Some(u32::from(self.severity?) * u32::from(self.occurrence?) * u32::from(self.detection?))
    }

    /// The three ratings with the name of their field.
    pub fn ratings(&self) -> [(&'static str, Option<u8>); 3] {
        [
            ("severity", self.severity),
            ("occurrence", self.occurrence),
            ("detection", self.detection),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_priority_is_the_product_of_three_ratings_once_all_are_given() {
        let mut f = FailPoint {
            severity: Some(8),
            occurrence: Some(5),
            ..FailPoint::default()
        };
        assert_eq!(f.rpn(), None);
        f.detection = Some(6);
        assert_eq!(f.rpn(), Some(240));
        f.severity = Some(10);
        f.occurrence = Some(10);
        f.detection = Some(10);
        assert_eq!(f.rpn(), Some(1000));
    }
}
