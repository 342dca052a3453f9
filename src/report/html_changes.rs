//! The report's "what changed" section: an HTML report exported with
//! `--compare OLD` lists what changed since another version of the
//! blueprint, as `servuction diff` does.

use super::html::escape;
use crate::i18n::{Msg, Plural};
use crate::model::{Blueprint, Language};
use crate::versions;
use std::fmt::Write as _;

/// The section of what changed from `old` to `new`: how many changes, and
/// a table of them, each element with what happened and its fields.
pub fn changes_section(old: &Blueprint, new: &Blueprint, lang: Language) -> String {
    let changes = versions::diff(old, new);
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<section class=\"changes\">\n<h2>{}</h2>",
        Msg::ReportChanges.fill(lang, &[&escape(&old.title)])
    );
    if changes.is_empty() {
        let _ = writeln!(h, "<p>{}</p>\n</section>", Msg::ReportNoChanges.text(lang));
        return h;
    }
    let lines = versions::change_lines(&changes, old, new, lang);
    let _ = writeln!(
        h,
        "<p class=\"headline\">{}</p>\n<table class=\"changes\">\n<tr><th>{}</th><th>{}</th></tr>",
        Plural::Changes.count(lang, lines.len()),
        Msg::ReportElement.text(lang),
        Msg::ReportChange.text(lang)
    );
    for c in lines {
        let mut what = escape(&c.what);
        for f in &c.fields {
            let _ = write!(what, "<br>{}", escape(f));
        }
        let _ = writeln!(h, "<tr><td>{}</td><td>{what}</td></tr>", escape(&c.element));
    }
    h.push_str("</table>\n</section>\n");
    h
}

/// An HTML page with a section put at the end of its body.
pub fn with_section(mut page: String, section: &str) -> String {
    let at = page.rfind("</body>").unwrap_or(page.len());
    page.insert_str(at, section);
    page
}
