//! The names of the method's kinds (lines, lanes, levels...) as messages.

use super::Msg;
use crate::model::{
    Compliance, ConnectorKind, ContactLevel, Direction, Evidence, LaneKind, LineKind,
    MeasurementMethod, MomentOfTruth,
};

/// The name of a line in a language.
pub fn line_kind(kind: LineKind) -> Msg {
    match kind {
        LineKind::Interaction => Msg::LineInteraction,
        LineKind::Visibility => Msg::LineVisibility,
        LineKind::InternalInteraction => Msg::LineInternalInteraction,
        LineKind::OrderPenetration => Msg::LineOrderPenetration,
        LineKind::Implementation => Msg::LineImplementation,
    }
}

/// The name of a lane kind.
pub fn lane_kind(kind: LaneKind) -> Msg {
    match kind {
        LaneKind::Customer => Msg::LaneCustomer,
        LaneKind::ContactPersonnel => Msg::LaneContactPersonnel,
        LaneKind::ContactBackstage => Msg::LaneContactBackstage,
        LaneKind::PhysicalSupport => Msg::LanePhysicalSupport,
        LaneKind::BackOffice => Msg::LaneBackOffice,
        LaneKind::OtherCustomers => Msg::LaneOtherCustomers,
        LaneKind::Custom => Msg::LaneCustom,
    }
}

/// The name of a compliance status.
pub fn compliance(c: Compliance) -> Msg {
    match c {
        Compliance::Met => Msg::ComplianceMet,
        Compliance::Exceeds => Msg::ComplianceExceeds,
        Compliance::AtRisk => Msg::ComplianceAtRisk,
        Compliance::Missed => Msg::ComplianceMissed,
        Compliance::NotMeasured => Msg::ComplianceNotMeasured,
    }
}

/// The name of a moment-of-truth level.
pub fn moment(m: MomentOfTruth) -> Msg {
    match m {
        MomentOfTruth::None => Msg::MomentNone,
        MomentOfTruth::Moment => Msg::MomentOfTruth,
        MomentOfTruth::Critical => Msg::CriticalMomentOfTruth,
    }
}

/// The name of a contact level.
pub fn contact_level(c: ContactLevel) -> Msg {
    match c {
        ContactLevel::High => Msg::ContactHigh,
        ContactLevel::Medium => Msg::ContactMedium,
        ContactLevel::Low => Msg::ContactLow,
    }
}

/// The name of an evidence status.
pub fn evidence(e: Evidence) -> Msg {
    match e {
        Evidence::Observed => Msg::EvidenceObserved,
        Evidence::Assumed => Msg::EvidenceAssumed,
        Evidence::Proposed => Msg::EvidenceProposed,
    }
}

/// The name of a connector kind.
pub fn connector_kind(k: ConnectorKind) -> Msg {
    match k {
        ConnectorKind::Flow => Msg::ConnectorFlow,
        ConnectorKind::Dependency => Msg::ConnectorDependency,
        ConnectorKind::Feedback => Msg::ConnectorFeedback,
    }
}

/// The name of a direction.
pub fn direction(d: Direction) -> Msg {
    match d {
        Direction::HigherIsBetter => Msg::DirectionHigher,
        Direction::LowerIsBetter => Msg::DirectionLower,
    }
}

/// The name of a measurement method.
pub fn method(m: MeasurementMethod) -> Msg {
    match m {
        MeasurementMethod::Timing => Msg::MethodTiming,
        MeasurementMethod::Survey => Msg::MethodSurvey,
        MeasurementMethod::ComplaintsAndClaims => Msg::MethodComplaints,
        MeasurementMethod::MysteryShopper => Msg::MethodMysteryShopper,
        MeasurementMethod::SuggestionBox => Msg::MethodSuggestionBox,
        MeasurementMethod::FocusGroup => Msg::MethodFocusGroup,
        MeasurementMethod::Other => Msg::MethodOther,
    }
}

/// The words of a kind of failure (Chase & Stewart).
pub fn fail_kind(k: Option<crate::model::FailKind>) -> Msg {
    use crate::model::FailKind;
    match k {
        None => Msg::FailTypeNone,
        Some(FailKind::ServerTask) => Msg::FailServerTask,
        Some(FailKind::ServerTreatment) => Msg::FailServerTreatment,
        Some(FailKind::ServerTangibles) => Msg::FailServerTangibles,
        Some(FailKind::CustomerPreparation) => Msg::FailCustomerPreparation,
        Some(FailKind::CustomerEncounter) => Msg::FailCustomerEncounter,
        Some(FailKind::CustomerResolution) => Msg::FailCustomerResolution,
    }
}

/// The name of a health-check rule in sentences and the report ("step
/// without physical support", "paso sin soporte físico"); the id stays for
/// files and the command line. `None` for an id no rule has.
pub fn rule_name(id: &str) -> Option<Msg> {
    Some(match id {
        "standard-missed" => Msg::RuleNameStandardMissed,
        "critical-moment-without-standard" => Msg::RuleNameCriticalWithoutStandard,
        "moment-without-standard" => Msg::RuleNameMomentWithoutStandard,
        "standard-at-risk" => Msg::RuleNameStandardAtRisk,
        "standard-incomplete" => Msg::RuleNameStandardIncomplete,
        "visible-without-support" => Msg::RuleNameVisibleWithoutSupport,
        "step-without-physical-support" => Msg::RuleNameStepWithoutPhysicalSupport,
        "fail-point-without-owner" => Msg::RuleNameFailPointWithoutOwner,
        "fail-point-without-recovery" => Msg::RuleNameFailPointWithoutRecovery,
        "fail-point-without-poka-yoke" => Msg::RuleNameFailPointWithoutPokaYoke,
        "wait-without-expected-wait" => Msg::RuleNameWaitWithoutExpectedWait,
        "wait-without-time-standard" => Msg::RuleNameWaitWithoutTimeStandard,
        "step-without-customer" => Msg::RuleNameStepWithoutCustomer,
        "connector-backwards" => Msg::RuleNameConnectorBackwards,
        "high-contact-without-critical-moment" => Msg::RuleNameHighContactWithoutCritical,
        "empty-lane" => Msg::RuleNameEmptyLane,
        "empty-stage" => Msg::RuleNameEmptyStage,
        "title-cut" => Msg::RuleNameTitleCut,
        "missed-standard-without-action" => Msg::RuleNameMissedWithoutAction,
        "action-overdue" => Msg::RuleNameActionOverdue,
        "merge-conflict" => Msg::RuleNameMergeConflict,
        "photo-without-alt" => Msg::RuleNamePhotoWithoutAlt,
        _ => return None,
    })
}

/// A rule's name in a language, or its id if it has none.
pub fn rule_label(id: &str, lang: crate::model::Language) -> &str {
    rule_name(id).map_or(id, |m| m.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Language;

    #[test]
    fn every_rule_has_a_name_of_its_own_in_each_language() {
        let mut seen = std::collections::HashSet::new();
        for r in crate::check::RULES {
            let name = rule_name(r.id).unwrap_or_else(|| panic!("{} has no name", r.id));
            for lang in Language::ALL {
                assert!(seen.insert(name.text(lang)), "{}", r.id);
                assert_ne!(name.text(lang), r.id);
            }
        }
        assert_eq!(rule_name("no-such-rule"), None);
        assert_eq!(rule_label("no-such-rule", Language::Es), "no-such-rule");
        assert_eq!(
            rule_label("step-without-physical-support", Language::Es),
            "paso sin soporte físico"
        );
    }
}
