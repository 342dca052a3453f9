//! The report's section of fail points: what goes wrong at each, its type,
//! what prevents it, how staff recover and how soon, and its priority.

use super::html::escape;
use crate::i18n::{self, Msg};
use crate::model::{Blueprint, FailPoint, Language};
use std::fmt::Write;

/// A text of a fail point, or a weak "not written".
fn written(text: &str, lang: Language) -> String {
    if text.trim().is_empty() {
        format!(
            "<span class=\"none\">{}</span>",
            Msg::ReportNotWritten.text(lang)
        )
    } else {
        escape(text)
    }
}

/// The recovery with the time it should take.
fn recovery(f: &FailPoint, lang: Language) -> String {
    let mut out = written(&f.recovery, lang);
    if let Some(min) = f.recovery_min {
        let _ = write!(
            out,
            " <span class=\"nowrap\">({})</span>",
            escape(&Msg::ReportRecoveryWithin.fill(lang, &[&i18n::decimal(min, 3, lang)]))
        );
    }
    out
}

/// The risk priority number with its factors, "210 = 7 × 6 × 5"; the
/// ratings given so far when not all three are.
fn priority(f: &FailPoint) -> String {
    let r = |v: Option<u8>| v.map_or_else(|| "–".to_owned(), |v| v.to_string());
    let factors = [r(f.severity), r(f.occurrence), r(f.detection)];
    match f.rpn() {
        Some(rpn) => format!(
            "<strong>{rpn}</strong> = {}\u{a0}×\u{a0}{}\u{a0}×\u{a0}{}",
            factors[0], factors[1], factors[2]
        ),
        None if factors.iter().all(|f| f == "–") => String::new(),
        None => format!(
            "{}\u{a0}×\u{a0}{}\u{a0}×\u{a0}{}",
            factors[0], factors[1], factors[2]
        ),
    }
}

/// The fail points, in the order of the steps; left out when there is none.
pub fn fail_points_section(h: &mut String, bp: &Blueprint, lang: Language) {
    let t = |m: Msg| m.text(lang);
    let mut rows = String::new();
    for (_, step) in bp.steps() {
        for tp in bp.touchpoints.iter().filter(|tp| tp.step == step.id) {
            let Some(f) = tp.fail_point.as_deref() else {
                continue;
            };
            let _ = writeln!(
                rows,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"nowrap\">{}</td></tr>",
                escape(&step.name),
                escape(&tp.title),
                written(&f.failure, lang),
                f.kind.map_or("", |k| t(i18n::fail_kind(Some(k)))),
                written(&f.poka_yoke, lang),
                recovery(f, lang),
                priority(f)
            );
        }
    }
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        h,
        "<section class=\"fail-points\">\n<h2>{}</h2>\n<table class=\"fail-points\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n{rows}</table>\n</section>",
        t(Msg::ReportFailPoints),
        t(Msg::Step),
        t(Msg::Touchpoint),
        t(Msg::ReportFailure),
        t(Msg::ReportFailType),
        t(Msg::ReportPokaYoke),
        t(Msg::ReportRecovery),
        t(Msg::ReportPriority)
    );
}
