//! The messages of integrity problems, in the user's language.

use super::validate::{IntegrityError, Problem};
use crate::i18n::{ErrMsg, Localized, count, decimal};
use crate::model::Language;
use std::fmt;

/// The entry of a word the checks name elements and quantities with (the
/// English word itself where there is none).
pub fn element_word(english: &str, lang: Language) -> String {
    let m = match english {
        "touchpoint" => ErrMsg::WordTouchpoint,
        "lane" => ErrMsg::WordLane,
        "step" => ErrMsg::WordStep,
        "stage" => ErrMsg::WordStage,
        "note" => ErrMsg::WordNote,
        "connector" => ErrMsg::WordConnector,
        "standard" => ErrMsg::WordStandard,
        "action" => ErrMsg::WordAction,
        "actions" => ErrMsg::WordActions,
        "line" => ErrMsg::WordLine,
        "a duration" => ErrMsg::WordDuration,
        "an expected wait" => ErrMsg::WordExpectedWait,
        "a target" => ErrMsg::WordTarget,
        "a tolerance" => ErrMsg::WordTolerance,
        "a recovery time" => ErrMsg::WordRecoveryTime,
        "lanes" => ErrMsg::WordLanes,
        "steps" => ErrMsg::WordSteps,
        "touchpoints" => ErrMsg::WordTouchpoints,
        "connectors" => ErrMsg::WordConnectors,
        "standards" => ErrMsg::WordStandards,
        "measured values" => ErrMsg::WordMeasuredValues,
        "notes" => ErrMsg::WordNotes,
        "disabled rules" => ErrMsg::WordDisabledRules,
        "but has neither" => ErrMsg::NoteNeither,
        "not both" => ErrMsg::NoteBoth,
        "but has a lane and no step" => ErrMsg::NoteLaneNoStep,
        "but has a step and no lane" => ErrMsg::NoteStepNoLane,
        "photo" => ErrMsg::WordPhoto,
        "photos" => ErrMsg::WordPhotos,
        "a caption" => ErrMsg::WordCaption,
        "a text alternative" => ErrMsg::WordAlt,
        other => return other.to_owned(),
    };
    m.text(lang).to_owned()
}

/// A number of a document (a duration, a coordinate) as the language writes it.
fn number(v: f64, lang: Language) -> String {
    decimal(v, 6, lang)
}

impl Localized for IntegrityError {
    fn message(&self, lang: Language) -> String {
        match self {
            IntegrityError::DuplicateId { id, first } => {
                ErrMsg::IntDuplicateId.fill(lang, &[id, first])
            }
            IntegrityError::EmptyId => ErrMsg::IntEmptyId.text(lang).to_owned(),
            IntegrityError::DanglingReference {
                element,
                id,
                target_kind,
                target,
            } => ErrMsg::IntDangling.fill(
                lang,
                &[
                    &element_word(element, lang),
                    id,
                    &element_word(target_kind, lang),
                    target,
                ],
            ),
            IntegrityError::NotFinite => ErrMsg::IntNotFinite.text(lang).to_owned(),
            IntegrityError::Negative { what, value } => {
                ErrMsg::IntNegative.fill(lang, &[&element_word(what, lang), &number(*value, lang)])
            }
            IntegrityError::FeelingOutOfRange { value } => ErrMsg::IntFeeling.fill(lang, &[value]),
            IntegrityError::RatingOutOfRange { value } => ErrMsg::IntRating.fill(lang, &[value]),
            IntegrityError::DuplicateLine { kind } => ErrMsg::IntDuplicateLine.fill(lang, &[kind]),
            IntegrityError::HiddenRequiredLine { kind } => {
                ErrMsg::IntHiddenLine.fill(lang, &[kind])
            }
            IntegrityError::TooMany {
                what,
                count: n,
                limit,
            } => ErrMsg::IntTooMany.fill(
                lang,
                &[
                    &count(*n, lang),
                    &element_word(what, lang),
                    &count(*limit, lang),
                ],
            ),
            IntegrityError::SelfConnector { id, touchpoint } => {
                ErrMsg::IntSelfConnector.fill(lang, &[id, touchpoint])
            }
            IntegrityError::NotePlacement { id, found } => {
                ErrMsg::IntNotePlacement.fill(lang, &[id, &element_word(found, lang)])
            }
            IntegrityError::OffDiagram { value, max } => {
                ErrMsg::IntOffDiagram.fill(lang, &[&number(*value, lang), &number(*max, lang)])
            }
            IntegrityError::Photo(p) => p.message(lang),
        }
    }
}

impl fmt::Display for IntegrityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl std::error::Error for IntegrityError {}

impl Localized for Problem {
    /// The path and what is wrong there.
    fn message(&self, lang: Language) -> String {
        format!("{}: {}", self.path, self.error.message(lang))
    }
}
