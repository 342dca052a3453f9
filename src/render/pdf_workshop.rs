//! The PDF's workshop pages, after the diagram: the notes grouped by where
//! they are pinned, the dot vote ranked and the action plan, in the export's language, on
//! paper of the export's size (A4 when the diagram has a page of its own).

use super::fonts;
use crate::i18n::{Msg, Plural};
use crate::model::Language;
use crate::report::Workshop;
use krilla::Document;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;
use std::fmt::Write as _;

const MARGIN: f32 = super::sheets::MARGIN + 14.0;
const BODY: f32 = 10.0;
const LINE: f32 = 14.0;
/// The most lines a note or title keeps.
const MAX_LINES: usize = 12;

/// One line of a page: its text, size, boldness and indent.
struct Line {
    text: String,
    size: f32,
    bold: bool,
    indent: f32,
}

/// The lines of the workshop, wrapped to `width` points.
fn lines(w: &Workshop, lang: Language, width: f32) -> Vec<Line> {
    let mut out = Vec::new();
    let mut push = |text: &str, size: f32, bold: bool, indent: f32| {
        for t in crate::font::wrap(text, size, bold, width - indent, MAX_LINES) {
            out.push(Line {
                text: t,
                size,
                bold,
                indent,
            });
        }
    };
    if !w.notes.is_empty() || !w.votes.is_empty() {
        push(Msg::ReportWorkshop.text(lang), 16.0, true, 0.0);
    }
    if !w.notes.is_empty() {
        push(Msg::ReportNotes.text(lang), 13.0, true, 0.0);
        for g in &w.notes {
            push(&g.place, BODY, true, 0.0);
            for (text, votes) in &g.notes {
                let dots = if *votes > 0 {
                    format!(" ({})", Plural::Votes.count(lang, *votes as usize))
                } else {
                    String::new()
                };
                push(&format!("• {text}{dots}"), BODY, false, 12.0);
            }
        }
    }
    if !w.votes.is_empty() {
        push(Msg::ReportVotes.text(lang), 13.0, true, 0.0);
        for (i, v) in w.votes.iter().enumerate() {
            let kind = if v.note {
                Msg::ReportNote
            } else {
                Msg::Touchpoint
            };
            push(
                &format!(
                    "{}. {} · {}: {}",
                    i + 1,
                    Plural::Votes.count(lang, v.votes as usize),
                    kind.text(lang),
                    v.text
                ),
                BODY,
                false,
                12.0,
            );
        }
    }
    if !w.actions.is_empty() {
        push(Msg::ActionPlan.text(lang), 13.0, true, 0.0);
        for a in &w.actions {
            push(&format!("• {}", a.what), BODY, true, 12.0);
            let due = a.due.map(|d| crate::i18n::date(d, lang));
            let who_when: Vec<&str> = [a.owner.as_str(), due.as_deref().unwrap_or("")]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
            let mut detail = a.status_text(lang);
            if !who_when.is_empty() {
                detail = format!("{} · {detail}", who_when.join(", "));
            }
            for (label, text) in [
                (Msg::ActionAttachedTo, &a.attached),
                (Msg::ActionMovesStandard, &a.moves),
            ] {
                if !text.is_empty() {
                    detail = format!("{detail} · {}: {text}", label.text(lang));
                }
            }
            push(&detail, BODY, false, 24.0);
        }
    }
    out
}

/// The workshop as pages of `paper` points, each an SVG.
pub fn pages(w: &Workshop, lang: Language, paper: (f32, f32)) -> Vec<String> {
    let (pw, ph) = paper;
    let all = lines(w, lang, pw - 2.0 * MARGIN);
    let per_page = (((ph - 2.0 * MARGIN) / LINE).floor() as usize).max(1);
    all.chunks(per_page)
        .map(|chunk| {
            let mut s = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{pw}\" height=\"{ph}\" viewBox=\"0 0 {pw} {ph}\">"
            );
            for (i, l) in chunk.iter().enumerate() {
                let _ = write!(
                    s,
                    "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{} fill=\"#1f2933\">",
                    MARGIN + l.indent,
                    MARGIN + (i as f32 + 1.0) * LINE,
                    l.size,
                    if l.bold { " font-weight=\"bold\"" } else { "" }
                );
                super::svg::push_escaped(&mut s, &l.text);
                s.push_str("</text>");
            }
            s.push_str("</svg>");
            s
        })
        .collect()
}

/// Adds the workshop pages to `doc`; how many.
pub fn add(doc: &mut Document, w: &Workshop, lang: Language, paper: (f32, f32)) -> usize {
    if w.is_empty() {
        return 0;
    }
    let mut n = 0;
    for svg in pages(w, lang, paper) {
        let options = fonts::options(fonts::database(std::iter::once(svg.as_str())));
        let (Ok(tree), Some(settings), Some(size)) = (
            usvg::Tree::from_str(&svg, &options),
            krilla::page::PageSettings::from_wh(paper.0, paper.1),
            krilla::geom::Size::from_wh(paper.0, paper.1),
        ) else {
            continue;
        };
        let mut page = doc.start_page_with(settings);
        let mut s = page.surface();
        s.draw_svg(&tree, size, SvgSettings::default());
        s.finish();
        page.finish();
        n += 1;
    }
    n
}
