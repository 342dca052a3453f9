//! The PDF's pages after the diagram: the workshop's (the notes grouped by
//! where they are pinned, the dot vote ranked and the action plan) and, with `--compare
//! OLD`, what changed since another version; in the export's language, on
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

/// Lines wrapped to a width as they are pushed.
struct Wrapped {
    out: Vec<Line>,
    width: f32,
}

impl Wrapped {
    fn new(width: f32) -> Self {
        Self {
            out: Vec::new(),
            width,
        }
    }

    fn push(&mut self, text: &str, size: f32, bold: bool, indent: f32) {
        for t in crate::font::wrap(text, size, bold, self.width - indent, MAX_LINES) {
            self.out.push(Line {
                text: t,
                size,
                bold,
                indent,
            });
        }
    }
}

/// The lines of the workshop, wrapped to `width` points.
fn lines(w: &Workshop, lang: Language, width: f32) -> Vec<Line> {
    let mut wrapped = Wrapped::new(width);
    let mut push =
        |text: &str, size: f32, bold: bool, indent: f32| wrapped.push(text, size, bold, indent);
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
    wrapped.out
}

/// What changed since another version, for the pages after the diagram.
pub struct Changed {
    /// The other version's title.
    pub since: String,
    pub lines: Vec<crate::versions::ChangeLine>,
}

impl Changed {
    /// The changes from `old` to `new`, as a person reads them.
    pub fn of(
        old: &crate::model::Blueprint,
        new: &crate::model::Blueprint,
        lang: Language,
    ) -> Self {
        let changes = crate::versions::diff(old, new);
        Self {
            since: old.title.clone(),
            lines: crate::versions::change_lines(&changes, old, new, lang),
        }
    }
}

/// The lines of what changed, wrapped to `width` points: each element in
/// bold, what happened to it and each field changed (old -> new) under it.
fn change_lines(c: &Changed, lang: Language, width: f32) -> Vec<Line> {
    let mut wrapped = Wrapped::new(width);
    let mut push =
        |text: &str, size: f32, bold: bool, indent: f32| wrapped.push(text, size, bold, indent);
    push(&Msg::ReportChanges.fill(lang, &[&c.since]), 16.0, true, 0.0);
    if c.lines.is_empty() {
        push(Msg::ReportNoChanges.text(lang), BODY, false, 0.0);
    } else {
        push(&Plural::Changes.count(lang, c.lines.len()), 13.0, true, 0.0);
    }
    for l in &c.lines {
        push(&l.element, BODY, true, 0.0);
        push(&l.what, BODY, false, 12.0);
        for f in &l.fields {
            push(f, BODY, false, 24.0);
        }
    }
    wrapped.out
}

/// What changed as pages of `paper` points, each an SVG.
pub fn change_pages(c: &Changed, lang: Language, paper: (f32, f32)) -> Vec<String> {
    paginate(change_lines(c, lang, paper.0 - 2.0 * MARGIN), paper)
}

/// Adds the pages of what changed to `doc`; how many.
pub fn add_changes(doc: &mut Document, c: &Changed, lang: Language, paper: (f32, f32)) -> usize {
    draw(doc, change_pages(c, lang, paper), paper)
}

/// The workshop as pages of `paper` points, each an SVG.
pub fn pages(w: &Workshop, lang: Language, paper: (f32, f32)) -> Vec<String> {
    paginate(lines(w, lang, paper.0 - 2.0 * MARGIN), paper)
}

/// Lines cut into pages of `paper` points, each an SVG.
fn paginate(all: Vec<Line>, paper: (f32, f32)) -> Vec<String> {
    let (pw, ph) = paper;
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
    draw(doc, pages(w, lang, paper), paper)
}

/// Adds pages drawn as SVGs to `doc`; how many.
fn draw(doc: &mut Document, svgs: Vec<String>, paper: (f32, f32)) -> usize {
    let mut n = 0;
    for svg in svgs {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_of_what_changed_list_each_element_and_field_old_to_new() {
        let old = crate::testing::hotel();
        let mut new = old.clone();
        new.touchpoints[0].title = "Arrives <on foot>".into();
        let c = Changed::of(&old, &new, Language::Es);
        let pages = change_pages(&c, Language::Es, (595.0, 842.0));
        assert_eq!(pages.len(), 1);
        let page = &pages[0];
        assert!(page.contains("Qué cambió desde «Hotel stay»"), "{page}");
        assert!(page.contains("1 cambio"), "{page}");
        assert!(page.contains("«Arrives &lt;on foot&gt;»"), "{page}");
        assert!(page.contains("title: «"), "{page}");
        let same = Changed::of(&old, &old, Language::En);
        let page = &change_pages(&same, Language::En, (595.0, 842.0))[0];
        assert!(page.contains("Nothing changed."), "{page}");
    }
}
