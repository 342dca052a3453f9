//! A printable HTML report of a blueprint: the diagram, compliance, the
//! standards table, the health-check problems and the time budget.

use crate::check::{self, Rollup};
use crate::i18n::{self, Msg};
use crate::model::{Blueprint, Compliance, Language};
use std::fmt::Write;

/// Escapes text for HTML content and attribute values: as for SVG (XML),
/// and the apostrophe too.
pub fn escape(text: &str) -> String {
    crate::render::svg::escape(text).replace('\'', "&#39;")
}

/// Minutes as the language writes them, on one line: never "-0 min".
fn minutes(m: f64, lang: Language) -> String {
    format!("{}\u{a0}min", i18n::decimal(m, 1, lang))
}

pub(super) fn status_class(c: Compliance) -> &'static str {
    match c {
        Compliance::Met => "met",
        Compliance::Exceeds => "exceeds",
        Compliance::AtRisk => "at-risk",
        Compliance::Missed => "missed",
        Compliance::NotMeasured => "not-measured",
    }
}

/// The states in the columns of the roll-up tables, best first.
const ROLLUP_STATES: [Compliance; 5] = [
    Compliance::Exceeds,
    Compliance::Met,
    Compliance::AtRisk,
    Compliance::Missed,
    Compliance::NotMeasured,
];

fn rollup_cells(lang: Language, r: &Rollup) -> String {
    let mut cells = String::new();
    for c in ROLLUP_STATES {
        let _ = write!(cells, "<td>{}</td>", i18n::count(r.count(c), lang));
    }
    let _ = write!(
        cells,
        "<td>{}</td>",
        i18n::standards_met(r.met_or_exceeded(), r.total(), lang)
    );
    cells
}

/// The report as a standalone HTML page. `diagram_svg` is the exported
/// diagram, inlined as it is (pass an empty string to leave it out); the
/// page defines the photos it places (`svg::Href::Elsewhere`), once for the
/// diagram and the section of photos.
pub fn html(bp: &Blueprint, lang: Language, diagram_svg: &str) -> String {
    let t = |m: Msg| m.text(lang);
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>",
        lang.code(),
        escape(&bp.title),
        CSS
    );
    super::html_photos::definitions(&mut h, bp);
    let _ = writeln!(h, "<h1>{}</h1>", escape(&bp.title));
    if !bp.description.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"description\">{}</p>",
            escape(&bp.description)
        );
    }
    let _ = writeln!(
        h,
        "<p class=\"meta\">{} · {} · {}</p>",
        t(i18n::contact_level(bp.contact_level)),
        i18n::Plural::Touchpoints.count(lang, bp.touchpoints.len()),
        i18n::Plural::Standards.count(lang, bp.standards.len())
    );
    if !diagram_svg.is_empty() {
        let _ = writeln!(h, "<section class=\"diagram\">{diagram_svg}</section>");
    }

    // Compliance.
    let all = check::compliance_of_blueprint(bp);
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<p class=\"headline\">{}</p>",
        t(Msg::ReportCompliance),
        i18n::standards_met(all.met_or_exceeded(), all.total(), lang)
    );
    let mut head = "<tr><th></th>".to_owned();
    for c in ROLLUP_STATES {
        let _ = write!(head, "<th>{}</th>", t(i18n::compliance(c)));
    }
    head.push_str("<th></th></tr>");
    let _ = writeln!(
        h,
        "<table class=\"rollup\">\n<caption>{}</caption>\n{head}",
        t(Msg::ReportByStage)
    );
    for (id, r) in check::compliance_by_stage(bp) {
        let name = bp
            .stages
            .iter()
            .find(|s| s.id == id)
            .map_or("", |s| s.name.as_str());
        let _ = writeln!(
            h,
            "<tr><th>{}</th>{}</tr>",
            escape(name),
            rollup_cells(lang, &r)
        );
    }
    let _ = writeln!(
        h,
        "</table>\n<table class=\"rollup\">\n<caption>{}</caption>\n{head}",
        t(Msg::ReportByLane)
    );
    for (id, r) in check::compliance_by_lane(bp) {
        let name = bp.lane(&id).map_or("", |l| l.name.as_str());
        let _ = writeln!(
            h,
            "<tr><th>{}</th>{}</tr>",
            escape(name),
            rollup_cells(lang, &r)
        );
    }
    h.push_str("</table>\n");

    // Standards.
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<table class=\"standards\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t(Msg::ReportStandardsTitle),
        t(Msg::Touchpoint),
        t(Msg::Standard),
        t(Msg::Indicator),
        t(Msg::Target),
        t(Msg::AdequateLevel),
        t(Msg::ReportLatest),
        t(Msg::ReportTrend),
        t(Msg::MeasurementMethod),
        t(Msg::ReportOwner),
        t(Msg::ReportStatus)
    );
    for s in &bp.standards {
        let tp = bp
            .touchpoint(&s.touchpoint)
            .map_or("", |t| t.title.as_str());
        let desired = super::html_workshop::level(s, s.target, lang);
        // The default adequate level is marked as such: "(≥ 85.5 %)".
        let adequate = super::html_workshop::level(s, s.adequate_level(), lang);
        let adequate = if s.tolerance.is_none() && !adequate.is_empty() {
            format!("({adequate})")
        } else {
            adequate
        };
        let latest = s.latest().map_or_else(String::new, |m| {
            let mut v = i18n::decimal(m.value, 3, lang);
            if !s.unit.is_empty() {
                v = format!("{v}\u{a0}{}", s.unit);
            }
            format!("{v} ({})", i18n::date(m.date, lang).replace(' ', "\u{a0}"))
        });
        let c = s.compliance();
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"nowrap desired\">{}</td><td class=\"nowrap adequate\">{}</td><td class=\"nowrap\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"status {}\">{}</td></tr>",
            escape(tp),
            escape(&s.statement),
            escape(&s.indicator),
            escape(&desired),
            escape(&adequate),
            escape(&latest),
            super::html_trend::trend_svg(s, lang),
            s.method.map_or("", |m| t(i18n::method(m))),
            escape(&s.owner),
            status_class(c),
            t(i18n::compliance(c))
        );
    }
    h.push_str("</table>\n");

    // Problems.
    let findings = check::check(bp);
    let _ = writeln!(h, "<h2>{}</h2>", t(Msg::ReportProblems));
    if findings.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", t(Msg::ReportNoProblems));
    } else {
        h.push_str("<ul class=\"problems\">\n");
        for f in &findings {
            let _ = writeln!(
                h,
                "<li class=\"{}\"><span class=\"severity\">{}</span> <span class=\"rule\" data-rule=\"{}\">{}</span>: {}</li>",
                f.severity.as_str(),
                t(match f.severity {
                    check::Severity::Error => Msg::SeverityError,
                    check::Severity::Warning => Msg::SeverityWarning,
                    check::Severity::Hint => Msg::SeverityHint,
                }),
                f.rule,
                escape(i18n::rule_label(f.rule, lang)),
                escape(&f.message(bp, lang))
            );
        }
        h.push_str("</ul>\n");
    }

    super::html_workshop::moments_section(&mut h, bp, lang);
    super::html_fail::fail_points_section(&mut h, bp, lang);
    super::html_photos::photos_section(&mut h, bp, lang);
    super::html_actions::actions_section(&mut h, bp, lang, crate::model::Date::today());
    super::html_workshop::workshop_section(&mut h, bp, lang);
    time_section(&mut h, bp, lang);
    h.push_str("</body>\n</html>\n");
    h
}

/// The customer's time by stage; left out when no time was entered.
fn time_section(h: &mut String, bp: &Blueprint, lang: Language) {
    let t = |m: Msg| m.text(lang);
    let entered = bp.steps().any(|(_, s)| s.duration_min.is_some())
        || bp
            .touchpoints
            .iter()
            .any(|tp| tp.duration_min.is_some() || tp.expected_wait_min.is_some());
    if !entered {
        return;
    }
    let budget = check::time_budget(bp);
    let _ = writeln!(
        h,
        "<h2>{}</h2>\n<table class=\"time\">\n<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t(Msg::ReportTime),
        t(Msg::Stage),
        t(Msg::ReportServiceTime),
        t(Msg::ReportWaits),
        t(Msg::ReportTotal)
    );
    for st in &budget.stages {
        let name = bp
            .stages
            .iter()
            .find(|s| s.id == st.stage)
            .map_or("", |s| s.name.as_str());
        let _ = writeln!(
            h,
            "<tr><th>{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(name),
            minutes(st.service_min, lang),
            minutes(st.wait_min, lang),
            minutes(st.service_min + st.wait_min, lang)
        );
    }
    let _ = writeln!(
        h,
        "<tr class=\"total\"><th>{}</th><td>{}</td><td>{}</td><td>{}</td></tr>\n</table>",
        t(Msg::ReportTotal),
        minutes(budget.service_min, lang),
        minutes(budget.wait_min, lang),
        minutes(budget.total_min(), lang)
    );
    let late: Vec<_> = budget
        .steps
        .iter()
        .filter(|s| !s.missed_time_standards.is_empty())
        .filter_map(|s| {
            bp.steps()
                .find(|(_, step)| step.id == s.step)
                .map(|(_, step)| escape(&step.name))
        })
        .collect();
    if !late.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"late\">{}</p>",
            i18n::Plural::LateSteps.fill(lang, late.len(), &[&late.join(", ")])
        );
    }
}

const CSS: &str = "
body { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; color: #1f2933; margin: 2rem; line-height: 1.4; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
.meta, .description { color: #52606d; }
.diagram > svg { max-width: 100%; height: auto; border: 1px solid #e4e7eb; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
th, td { border: 1px solid #d0d7de; padding: .25rem .5rem; text-align: left; vertical-align: top; }
caption { text-align: left; font-weight: bold; padding: .3rem 0; }
.trend { display: block; }
.status.met { color: #1a7f37; } .status.exceeds { color: #0b6e8a; font-weight: bold; } .status.at-risk { color: #9a6700; } .status.missed { color: #cf222e; font-weight: bold; }
.status.not-measured { color: #6e7781; }
.problems li.error .severity { color: #cf222e; font-weight: bold; } .problems li.warning .severity { color: #9a6700; }
.problems li.hint .severity { color: #6e7781; }
.total th, .total td { font-weight: bold; }
.nowrap { white-space: nowrap; }
tr.overdue td:nth-child(3), tr.overdue td:nth-child(4) { color: #cf222e; font-weight: bold; }
.votes td:first-child, .votes td:last-child { white-space: nowrap; }
.photo-defs { position: absolute; }
.figures { display: flex; flex-wrap: wrap; gap: 1rem; margin: .4rem 0 1rem; }
.figures figure { margin: 0; width: 18rem; break-inside: avoid; page-break-inside: avoid; }
.figures figure > svg { display: block; width: 100%; height: auto; border: 1px solid #e4e7eb; }
.figures figcaption { font-size: .9rem; color: #52606d; margin-top: .2rem; }
.place { margin: .8rem 0 .2rem; } .cell { color: #52606d; margin: 0; font-size: .9rem; } .dots { color: #9a6700; white-space: nowrap; }
@page { size: A4; margin: 15mm; }
@media print {
  body { margin: 0; font-size: 10pt; }
  h2 { break-before: page; page-break-before: always; break-after: avoid; page-break-after: avoid; }
  h3, h4, caption { break-after: avoid; page-break-after: avoid; }
  table { page-break-inside: auto; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  .diagram > svg { border: none; }
  .figures figure { width: 7.5cm; }
  .photos h3 { break-after: avoid; page-break-after: avoid; }
}
";
