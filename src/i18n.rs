//! The catalogue of every user-facing string, in English and Spanish.
//!
//! Each message is a variant of [`Msg`]; `Msg::X.text(lang)` gives its text.
//! Add a message by adding one line to the `catalogue!` list below, with
//! both languages. Texts with parameters use `{}` placeholders, filled by
//! [`Msg::fill`].

use crate::model::{
    Compliance, ConnectorKind, ContactLevel, Direction, Evidence, LaneKind, Language, LineKind,
    MeasurementMethod, MomentOfTruth,
};

macro_rules! catalogue {
    ($($name:ident => ($en:expr, $es:expr),)*) => {
        /// A user-facing message.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg {
            $($name,)*
        }

        impl Msg {
            /// Every message, for tests of the catalogue.
            pub const ALL: &'static [Msg] = &[$(Msg::$name,)*];

            /// The text of this message in a language.
            pub fn text(self, lang: Language) -> &'static str {
                match (self, lang) {
                    $((Msg::$name, Language::En) => $en,
                      (Msg::$name, Language::Es) => $es,)*
                }
            }
        }
    };
}

impl Msg {
    /// The text with each `{}` replaced by the next argument.
    pub fn fill(self, lang: Language, args: &[&dyn std::fmt::Display]) -> String {
        let mut out = String::new();
        let mut args = args.iter();
        let mut parts = self.text(lang).split("{}");
        if let Some(first) = parts.next() {
            out.push_str(first);
        }
        for part in parts {
            if let Some(a) = args.next() {
                out.push_str(&a.to_string());
            }
            out.push_str(part);
        }
        out
    }
}

catalogue! {
    // The method's words.
    LineInteraction => ("Line of interaction", "Línea de interacción"),
    LineVisibility => ("Line of visibility", "Línea de visibilidad"),
    LineInternalInteraction => ("Line of internal interaction", "Línea de interacción interna"),
    LineOrderPenetration => ("Line of order penetration", "Línea de penetración de pedidos"),
    LineImplementation => ("Line of implementation", "Línea de implementación"),
    LaneCustomer => ("Customer", "Cliente"),
    LaneContactPersonnel => ("Contact personnel", "Personal en contacto"),
    LaneContactBackstage => ("Contact personnel (backstage)", "Personal en contacto (trastienda)"),
    LanePhysicalSupport => ("Physical support", "Soporte físico"),
    LaneBackOffice => ("Back office", "Organización interna"),
    LaneOtherCustomers => ("Other customers", "Otros clientes"),
    LaneCustom => ("Custom lane", "Carril propio"),
    MomentNone => ("Not a moment of truth", "No es momento de la verdad"),
    MomentOfTruth => ("Moment of truth", "Momento de la verdad"),
    CriticalMomentOfTruth => ("Critical moment of truth", "Momento de la verdad crítico"),
    FailPoint => ("Fail point", "Punto de fallo"),
    WaitPoint => ("Wait point", "Punto de espera"),
    ComplianceMet => ("Met", "Cumplido"),
    ComplianceAtRisk => ("At risk", "En riesgo"),
    ComplianceMissed => ("Missed", "Incumplido"),
    ComplianceNotMeasured => ("Not measured", "Sin medir"),
    ContactHigh => ("High contact", "Alto contacto"),
    ContactMedium => ("Medium contact", "Contacto medio"),
    ContactLow => ("Low contact", "Bajo contacto"),
    EvidenceObserved => ("Observed", "Observado"),
    EvidenceAssumed => ("Assumed", "Supuesto"),
    EvidenceProposed => ("Proposed", "Propuesto"),
    ConnectorFlow => ("Flow", "Flujo"),
    ConnectorDependency => ("Dependency", "Dependencia"),
    ConnectorFeedback => ("Feedback / rework", "Retroalimentación / reproceso"),
    DirectionHigher => ("Higher is better", "Más es mejor"),
    DirectionLower => ("Lower is better", "Menos es mejor"),
    MethodTiming => ("Timing", "Cronometraje"),
    MethodSurvey => ("Survey or rating card", "Encuesta o tarjeta de valoración"),
    MethodComplaints => ("Complaints and claims", "Quejas y reclamos"),
    MethodMysteryShopper => ("Mystery shopper", "Cliente misterioso"),
    MethodSuggestionBox => ("Suggestion box", "Buzón de sugerencias"),
    MethodFocusGroup => ("Focus group", "Grupo focal"),
    MethodOther => ("Other", "Otro"),
    Stage => ("Stage", "Etapa"),
    Step => ("Step", "Paso"),
    Lane => ("Lane", "Carril"),
    Touchpoint => ("Touchpoint", "Punto de interacción"),
    Standard => ("Standard", "Estándar"),
    Indicator => ("Indicator", "Indicador"),
    // The diagram (layout, scene, exports).
    // The editor.
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_has_both_languages_with_the_same_placeholders() {
        for msg in Msg::ALL {
            let en = msg.text(Language::En);
            let es = msg.text(Language::Es);
            assert!(!en.is_empty() && !es.is_empty(), "{msg:?} is empty");
            assert_eq!(
                en.matches("{}").count(),
                es.matches("{}").count(),
                "{msg:?}"
            );
        }
    }

    #[test]
    fn fill_replaces_placeholders_in_order() {
        assert_eq!(
            Msg::LineVisibility.fill(Language::En, &[]),
            "Line of visibility"
        );
    }
}
