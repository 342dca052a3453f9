//! The HTML report and the PDF carry the workshop: notes by where they are
//! pinned, the vote ranked, the moments of truth and fail points with their
//! standards; sections with nothing to show are left out; read back from the
//! files written, in English and Spanish.

#![allow(clippy::unwrap_used, clippy::expect_used)] // Tests stop at the first surprise.

use servuction::model::{Blueprint, Language, MomentOfTruth, Note, NoteColour, Point};
use std::process::Command;

fn delivery(lang: Language) -> Blueprint {
    servuction::templates::find("delivery")
        .unwrap()
        .load(lang)
        .unwrap()
}

/// The delivery blueprint after the workshop: 3 notes (two pinned, one
/// loose) and a dot vote on notes and cards.
fn after_workshop(lang: Language) -> Blueprint {
    let mut bp = delivery(lang);
    let (lane, step) = (
        bp.lanes[1].id.clone(),
        bp.steps().nth(1).unwrap().1.id.clone(),
    );
    let late = bp.steps().nth(4).unwrap().1.id.clone();
    let mut n = Note::pinned(
        lane.clone(),
        late,
        "Courier calls ahead".into(),
        NoteColour::default(),
    );
    n.votes = 5;
    bp.notes.push(n);
    let mut n = Note::pinned(
        lane,
        step,
        "Say when it will come".into(),
        NoteColour::default(),
    );
    n.votes = 1;
    bp.notes.push(n);
    bp.notes.push(Note::loose(
        Point { x: 40.0, y: 40.0 },
        "Greener packaging".into(),
        NoteColour::default(),
    ));
    bp.touchpoints[3].votes = 3;
    bp
}

/// Writes the export through the command line, as the user did, and reads
/// the file back.
fn export_file(bp: &Blueprint, name: &str, lang: Language) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("x.servuction");
    std::fs::write(&input, servuction::format::to_string(bp).unwrap()).unwrap();
    let out = dir.path().join(name);
    let o = Command::new(env!("CARGO_BIN_EXE_servuction"))
        .args(["export"])
        .arg(&input)
        .arg("-o")
        .arg(&out)
        .args(["--lang", lang.code()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::read(&out).unwrap()
}

fn html(bp: &Blueprint, lang: Language) -> String {
    String::from_utf8(export_file(bp, "report.html", lang)).unwrap()
}

fn positions(text: &str, words: &[&str]) -> Vec<usize> {
    words
        .iter()
        .map(|w| text.find(w).unwrap_or_else(|| panic!("{w:?} missing")))
        .collect()
}

#[test]
fn the_report_never_shows_minus_zero_and_leaves_out_the_time_when_none_was_entered() {
    // Durations but no waits: the waits sum to -0.0 (the sum of no f64s).
    let mut bp = delivery(Language::En);
    for tp in &mut bp.touchpoints {
        tp.expected_wait_min = None;
        tp.wait_point = false;
    }
    let h = html(&bp, Language::En);
    assert!(
        h.contains("The customer&#39;s time") || h.contains("The customer's time"),
        "no time section"
    );
    let time = &h[h.find("class=\"time\"").unwrap()..];
    assert!(!time.contains("-0"), "{time}");
    assert!(h.contains("0\u{a0}min"));

    let mut none = bp.clone();
    for (_, s) in none
        .stages
        .iter_mut()
        .flat_map(|st| st.steps.iter_mut().map(|s| ((), s)))
    {
        s.duration_min = None;
    }
    for tp in &mut none.touchpoints {
        tp.duration_min = None;
        tp.expected_wait_min = None;
    }
    for lang in [Language::En, Language::Es] {
        let h = html(&none, lang);
        for absent in [
            "customer&#39;s time",
            "customer's time",
            "tiempo del cliente",
            "class=\"time\"",
            "class=\"workshop\"",
        ] {
            assert!(!h.contains(absent), "{lang:?}: {absent}");
        }
    }
}

#[test]
fn targets_and_dates_stay_on_one_line() {
    for (lang, target, date) in [
        (Language::En, "≥\u{a0}95\u{a0}%", "\u{a0}2026"),
        (Language::Es, "≥\u{a0}95\u{a0}%", "\u{a0}2026"),
    ] {
        let mut bp = delivery(lang);
        let mut s =
            servuction::model::Standard::new(bp.touchpoints[0].id.clone(), "Delivered on time");
        s.unit = "%".into();
        s.target = Some(95.0);
        s.measurements.push(servuction::model::Measurement {
            date: servuction::model::Date {
                year: 2026,
                month: 11,
                day: 30,
            },
            value: 96.5,
        });
        bp.standards.push(s);
        let h = html(&bp, lang);
        assert!(
            h.contains(&format!("<td class=\"nowrap desired\">{target}</td>")),
            "{lang:?}"
        );
        let row = &h[h.find("Delivered on time").unwrap()..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(
            row.contains(date) && !row.contains(" 2026"),
            "{lang:?}: {row}"
        );
        assert!(h.contains(".nowrap { white-space: nowrap; }"));
    }
}

#[test]
fn the_report_holds_the_workshop_notes_by_place_and_the_vote_ranked_in_both_languages() {
    for (lang, titles) in [
        (
            Language::En,
            [
                "Workshop",
                "Notes",
                "Loose notes",
                "Vote results",
                "5 votes",
                "3 votes",
                "1 vote",
            ],
        ),
        (
            Language::Es,
            [
                "Taller",
                "Notas",
                "Notas sueltas",
                "Resultados de la votación",
                "5 votos",
                "3 votos",
                "1 voto",
            ],
        ),
    ] {
        let bp = after_workshop(lang);
        let h = html(&bp, lang);
        let section = &h[h.find("<section class=\"workshop\">").unwrap()..];
        let section = &section[..section.find("</section>").unwrap()];
        // Notes in the order of the steps they are pinned to, loose last.
        positions(
            section,
            &[
                "Say when it will come",
                "Courier calls ahead",
                titles[2],
                "Greener packaging",
            ],
        )
        .windows(2)
        .for_each(|w| assert!(w[0] < w[1], "{lang:?}: notes out of order"));
        // Each group is named by its stage, step and lane.
        let (stage, step) = bp.steps().nth(1).unwrap();
        assert!(section.contains(&format!(
            "{} › {} · {}",
            stage.name, step.name, bp.lanes[1].name
        )));
        // The vote, most dots first.
        let votes = &section[section.find(titles[3]).unwrap()..];
        positions(
            votes,
            &[
                "Courier calls ahead",
                &bp.touchpoints[3].title,
                "Say when it will come",
            ],
        )
        .windows(2)
        .for_each(|w| assert!(w[0] < w[1], "{lang:?}: votes not ranked"));
        for t in titles {
            assert!(section.contains(t), "{lang:?}: {t}");
        }
        assert!(
            h.contains("@media print")
                && h.contains("break-before: page")
                && h.contains("size: A4")
        );
        assert!(h.contains("tr, li { break-inside: avoid"));
    }
}

#[test]
fn the_report_lists_moments_of_truth_and_fail_points_with_their_standards() {
    let mut bp = delivery(Language::Es);
    for tp in &mut bp.touchpoints {
        tp.moment_of_truth = MomentOfTruth::None;
        tp.fail_point = None;
    }
    assert!(!html(&bp, Language::Es).contains("class=\"moments\""));
    bp.touchpoints[2].moment_of_truth = MomentOfTruth::Critical;
    bp.touchpoints[1].fail_point = Some(Box::default());
    let mut s =
        servuction::model::Standard::new(bp.touchpoints[2].id.clone(), "Entrega en la franja");
    s.target = Some(98.0);
    s.unit = "%".into();
    bp.standards.push(s);
    let h = html(&bp, Language::Es);
    let section = &h[h.find("class=\"moments\"").unwrap()..];
    assert!(section.contains("Momentos de la verdad y puntos de fallo"));
    assert!(section.contains("Momento de la verdad crítico") || section.contains("crítico"));
    assert!(section.contains("Punto de fallo"));
    assert!(
        section.contains("Entrega en la franja <span class=\"nowrap\">≥\u{a0}98\u{a0}%</span>")
    );
    assert!(
        section.contains("Aún sin estándar")
            || bp
                .standards
                .iter()
                .any(|s| s.touchpoint == bp.touchpoints[1].id)
    );
}

fn pdf_page_text(pdf: &[u8], page: usize) -> Option<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("NOTICE: pdftotext is not installed (Debian: poppler-utils); skipped");
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install poppler-utils"
        );
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.pdf");
    std::fs::write(&input, pdf).unwrap();
    let p = page.to_string();
    let o = Command::new("pdftotext")
        .args(["-raw", "-f", &p, "-l", &p])
        .arg(&input)
        .arg("-")
        .output()
        .unwrap();
    assert!(o.status.success());
    Some(
        String::from_utf8_lossy(&o.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn page_count(pdf: &[u8]) -> usize {
    hayro_syntax::Pdf::new(pdf.to_vec()).unwrap().pages().len()
}

#[test]
fn the_pdf_lists_the_workshop_after_the_diagram_only_when_there_is_one() {
    let plain = export_file(&delivery(Language::En), "d.pdf", Language::En);
    assert_eq!(page_count(&plain), 1);
    for (lang, words) in [
        (
            Language::En,
            [
                "Workshop",
                "Notes",
                "Loose notes",
                "Vote results",
                "1. 5 votes",
                "2. 3 votes",
                "3. 1 vote",
            ],
        ),
        (
            Language::Es,
            [
                "Taller",
                "Notas",
                "Notas sueltas",
                "Resultados de la votación",
                "1. 5 votos",
                "2. 3 votos",
                "3. 1 voto",
            ],
        ),
    ] {
        let bp = after_workshop(lang);
        let pdf = export_file(&bp, "d.pdf", lang);
        assert_eq!(page_count(&pdf), 2, "{lang:?}");
        let Some(text) = pdf_page_text(&pdf, 2) else {
            return;
        };
        let order = positions(
            &text,
            &[
                words[0],
                words[1],
                "Say when it will come",
                "Courier calls ahead",
                words[2],
                "Greener packaging",
                words[3],
                words[4],
                words[5],
                words[6],
            ],
        );
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{lang:?}: {text}");
        assert!(
            text.contains(&format!(
                "{}: Courier calls ahead",
                if lang == Language::En { "Note" } else { "Nota" }
            )),
            "{text}"
        );
        assert!(text.contains(&bp.touchpoints[3].title), "{text}");
        // Tiled on A4: the diagram's sheets, then the workshop.
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("x.servuction");
        std::fs::write(&input, servuction::format::to_string(&bp).unwrap()).unwrap();
        let out = dir.path().join("t.pdf");
        let o = Command::new(env!("CARGO_BIN_EXE_servuction"))
            .arg("export")
            .arg(&input)
            .arg("-o")
            .arg(&out)
            .args(["--paper", "a4", "--tile", "--lang", lang.code()])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let tiled = std::fs::read(&out).unwrap();
        let n = page_count(&tiled);
        let last = pdf_page_text(&tiled, n).unwrap();
        assert!(
            last.starts_with(words[0]) && last.contains(words[4]),
            "{lang:?}: {last}"
        );
        assert!(!pdf_page_text(&tiled, n - 1).unwrap().contains(words[3]));
    }
}

/// The report lists every fail point with what goes wrong, its type, the
/// poka-yoke, the recovery with its time, and its priority; what is not
/// written says so; the section is left out without fail points.
#[test]
fn the_report_lists_fail_points_with_their_content() {
    let hotel = |lang| {
        servuction::templates::find("hotel")
            .unwrap()
            .load(lang)
            .unwrap()
    };
    let h = html(&hotel(Language::En), Language::En);
    let section = &h[h.find("<section class=\"fail-points\">").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    assert!(section.contains("<h2>Fail points</h2>"), "{section}");
    assert!(section.contains("<th>Poka-yoke</th><th>Recovery</th><th>Priority (RPN)</th>"));
    let row = section
        .lines()
        .find(|l| l.contains("Room not ready at check-in time"))
        .unwrap();
    assert!(
        row.contains("<td>Receptionist registers the guest</td>"),
        "{row}"
    );
    assert!(row.contains("<td>Server: tangibles</td>"), "{row}");
    assert!(
        row.contains("reception assigns only rooms marked ready"),
        "{row}"
    );
    assert!(row.contains("offer a drink in the bar"), "{row}");
    assert!(row.contains("(within 30 min)"), "{row}");
    assert!(
        row.contains("<strong>105</strong> = 7\u{a0}×\u{a0}5\u{a0}×\u{a0}3"),
        "{row}"
    );
    // Four fail points in the hotel, in the order of its steps.
    assert_eq!(section.matches("<tr><td>").count(), 4);

    let mut bp = hotel(Language::Es);
    let tp = bp
        .touchpoints
        .iter_mut()
        .find(|t| t.id.as_str() == "tp-bill-cashier")
        .unwrap();
    let f = tp.fail_point.as_mut().unwrap();
    f.poka_yoke.clear();
    f.recovery_min = Some(2.5);
    f.failure = "Cargo <duplicado> & mal".into();
    let h = html(&bp, Language::Es);
    let section = &h[h.find("<section class=\"fail-points\">").unwrap()..];
    assert!(section.contains("<h2>Puntos de fallo</h2>"));
    assert!(section.contains("Habitación no lista a la hora de entrada"));
    assert!(section.contains("Servidor: tangibles"));
    let row = section.lines().find(|l| l.contains("duplicado")).unwrap();
    assert!(row.contains("Cargo &lt;duplicado&gt; &amp; mal"), "{row}");
    assert!(
        row.contains("<span class=\"none\">sin escribir</span>"),
        "{row}"
    );
    assert!(row.contains("(en 2,5 min)"), "{row}");

    for tp in &mut bp.touchpoints {
        tp.fail_point = None;
    }
    assert!(!html(&bp, Language::Es).contains("fail-points"));
}

/// The hotel with its two actions and a third one, overdue, on a workshop
/// note, its words needing escapes.
fn hotel_planned(lang: Language) -> Blueprint {
    use servuction::model::{Attachment, ImprovementAction};
    let mut bp = servuction::templates::find("hotel")
        .unwrap()
        .load(lang)
        .unwrap();
    assert_eq!(bp.actions.len(), 2);
    // Dates that stay ahead, so that only the third is overdue whenever the
    // test runs.
    bp.actions[0].due = Some("2099-02-28".parse().unwrap());
    bp.actions[1].due = Some("2099-04-30".parse().unwrap());
    let (lane, step) = (bp.lanes[1].id.clone(), bp.stages[0].steps[0].id.clone());
    let note = Note::pinned(lane, step, "Late check-out?".into(), NoteColour::Pink);
    bp.actions.push(ImprovementAction {
        owner: "Front <office>".into(),
        due: Some("2020-01-31".parse().unwrap()),
        ..ImprovementAction::new(
            "Offer late check-out & say so",
            Some(Attachment::Note(note.id.clone())),
        )
    });
    bp.notes.push(note);
    bp
}

#[test]
fn the_report_lists_the_action_plan_soonest_due_first() {
    for (lang, words) in [
        (
            Language::En,
            [
                "Action plan",
                "31 Jan 2020",
                "Open · overdue",
                "Workshop note: Late check-out?",
                "In progress",
                "Fail point: Receptionist takes the request",
                "Every complaint answered within 15 min",
                "30 Apr 2099",
            ],
        ),
        (
            Language::Es,
            [
                "Plan de acción",
                "31 ene 2020",
                "Abierta · vencida",
                "Nota del taller: Late check-out?",
                "En curso",
                "Punto de fallo: El recepcionista recoge la petición",
                "Toda queja respondida en menos de 15 min",
                "30 abr 2099",
            ],
        ),
    ] {
        let bp = hotel_planned(lang);
        let h = String::from_utf8(export_file(&bp, "r.html", lang)).unwrap();
        let start = h
            .find("<section class=\"actions\">")
            .expect("an action plan");
        let section = &h[start..start + h[start..].find("</section>").unwrap()];
        let order = positions(&section.replace('\u{a0}', " "), &words);
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{lang:?}: {section}");
        assert!(section.contains("Front &lt;office&gt;"), "{section}");
        assert!(section.contains("Offer late check-out &amp; say so"));
        // Overdue rows are marked; the others are not.
        assert_eq!(section.matches("<tr class=\"overdue\">").count(), 1);
        // The plan is not also a (notes-less) workshop section.
        let mut plain = bp.clone();
        plain.notes.clear();
        plain.actions.truncate(2);
        let h = String::from_utf8(export_file(&plain, "r.html", lang)).unwrap();
        assert!(!h.contains("class=\"workshop\""));
        assert!(h.contains("class=\"actions\""));
    }
    // Without actions, no plan.
    let h =
        String::from_utf8(export_file(&delivery(Language::En), "r.html", Language::En)).unwrap();
    assert!(!h.contains("class=\"actions\""));
}

#[test]
fn the_pdf_lists_the_action_plan_after_the_diagram() {
    for (lang, words) in [
        (
            Language::En,
            [
                "Action plan",
                "Offer late check-out & say so",
                "Front <office>, 31 Jan 2020 · Open · overdue",
                "Log every request",
            ],
        ),
        (
            Language::Es,
            [
                "Plan de acción",
                "Offer late check-out & say so",
                "Front <office>, 31 ene 2020 · Abierta · vencida",
                "Registrar cada petición",
            ],
        ),
    ] {
        let mut bp = hotel_planned(lang);
        bp.notes.clear();
        bp.actions[2].attached_to = None;
        let pdf = export_file(&bp, "h.pdf", lang);
        assert_eq!(page_count(&pdf), 2, "{lang:?}");
        let Some(text) = pdf_page_text(&pdf, 2) else {
            return;
        };
        let order = positions(&text, &words);
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{lang:?}: {text}");
        // Only actions: no workshop heading.
        assert!(!text.contains(if lang == Language::En {
            "Workshop"
        } else {
            "Taller"
        }));
    }
}
