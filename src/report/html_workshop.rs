//! The report's sections of the workshop and of the moments of truth and
//! fail points: each left out when it has nothing to show.

use super::html::escape;
use super::workshop::workshop;
use crate::i18n::{self, Msg, Plural};
use crate::model::{Blueprint, Direction, Language, MomentOfTruth, Standard};
use std::fmt::Write;

/// A level of a standard, its parts kept together on one line: "≥ 95 %".
pub fn level(s: &Standard, v: Option<f64>, lang: Language) -> String {
    let Some(v) = v else {
        return String::new();
    };
    let op = match s.direction {
        Direction::HigherIsBetter => "≥",
        Direction::LowerIsBetter => "≤",
    };
    let mut out = format!("{op}\u{a0}{}", i18n::decimal(v, 3, lang));
    if !s.unit.is_empty() {
        let _ = write!(out, "\u{a0}{}", s.unit);
    }
    out
}

/// The workshop: notes by where they are pinned, then the vote ranked.
pub fn workshop_section(h: &mut String, bp: &Blueprint, lang: Language) {
    let t = |m: Msg| m.text(lang);
    let w = workshop(bp, lang);
    // The action plan has its own section.
    if w.notes.is_empty() && w.votes.is_empty() {
        return;
    }
    let _ = writeln!(
        h,
        "<section class=\"workshop\">\n<h2>{}</h2>",
        t(Msg::ReportWorkshop)
    );
    if !w.notes.is_empty() {
        let _ = writeln!(h, "<h3>{}</h3>", t(Msg::ReportNotes));
        for g in &w.notes {
            let _ = writeln!(h, "<h4 class=\"place\">{}</h4>", escape(&g.place));
            if !g.touchpoints.is_empty() {
                let _ = writeln!(
                    h,
                    "<p class=\"cell\">{}</p>",
                    escape(&Msg::ReportCellTouchpoints.fill(lang, &[&g.touchpoints.join(", ")]))
                );
            }
            h.push_str("<ul class=\"notes\">\n");
            for (text, votes) in &g.notes {
                let _ = write!(h, "<li>{}", escape(text));
                if *votes > 0 {
                    let _ = write!(
                        h,
                        " <span class=\"dots\">{}</span>",
                        escape(&Plural::Votes.count(lang, *votes as usize))
                    );
                }
                h.push_str("</li>\n");
            }
            h.push_str("</ul>\n");
        }
    }
    if !w.votes.is_empty() {
        let _ = writeln!(
            h,
            "<h3>{}</h3>\n<table class=\"votes\">\n<tr><th>#</th><th></th><th></th><th>{}</th></tr>",
            t(Msg::ReportVotes),
            escape(&Plural::Votes.text(lang, 2).replace("{} ", ""))
        );
        for (i, v) in w.votes.iter().enumerate() {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"nowrap\">{}</td></tr>",
                i + 1,
                t(if v.note {
                    Msg::ReportNote
                } else {
                    Msg::Touchpoint
                }),
                escape(&v.text),
                escape(&Plural::Votes.count(lang, v.votes as usize))
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("</section>\n");
}

/// The moments of truth and fail points, in the order of the steps, with
/// their standards.
pub fn moments_section(h: &mut String, bp: &Blueprint, lang: Language) {
    let t = |m: Msg| m.text(lang);
    let mut rows = String::new();
    for (_, step) in bp.steps() {
        for tp in bp.touchpoints.iter().filter(|tp| tp.step == step.id) {
            if tp.moment_of_truth == MomentOfTruth::None && !tp.is_fail_point() {
                continue;
            }
            let mut marks = Vec::new();
            if tp.moment_of_truth != MomentOfTruth::None {
                marks.push(t(i18n::moment(tp.moment_of_truth)));
            }
            if tp.is_fail_point() {
                marks.push(t(Msg::FailPoint));
            }
            let standards: Vec<String> = bp
                .standards
                .iter()
                .filter(|s| s.touchpoint == tp.id)
                .map(|s| {
                    let target = level(s, s.target, lang);
                    if target.is_empty() {
                        escape(&s.statement)
                    } else {
                        format!(
                            "{} <span class=\"nowrap\">{}</span>",
                            escape(&s.statement),
                            escape(&target)
                        )
                    }
                })
                .collect();
            let standards = if standards.is_empty() {
                format!("<span class=\"none\">{}</span>", t(Msg::ReportNoStandard))
            } else {
                standards.join("<br>")
            };
            let _ = writeln!(
                rows,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{standards}</td></tr>",
                escape(&step.name),
                escape(&tp.title),
                marks.join(", ")
            );
        }
    }
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(
        h,
        "<section class=\"moments\">\n<h2>{}</h2>\n<table class=\"moments\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>\n{rows}</table>\n</section>",
        t(Msg::ReportMoments),
        t(Msg::Step),
        t(Msg::Touchpoint),
        t(Msg::ReportMarks),
        t(Msg::ReportStandardsTitle)
    );
}
