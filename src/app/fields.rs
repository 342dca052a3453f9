//! Text fields for document text, bounded: a field never lays out more than
//! it can edit, whatever the document holds (a 20 MB title from a file, a
//! 2 MB paste).
//!
//! A text up to the field's limit is edited as usual, and typing or pasting
//! stops at the limit. A longer text (only a file can bring one) is shown
//! cut, with a note that it is too long to edit here and a button that keeps
//! its start (one undo step); the file keeps the whole text until then.

use crate::model::Language;
use crate::shown;

/// The most characters a single-line field edits.
pub const LINE_EDIT_CHARS: usize = 2_000;
/// The most characters a multi-line field edits.
pub const BLOCK_EDIT_CHARS: usize = shown::BLOCK_CHARS;

/// A single-line field of document text; the new text if it was changed.
/// Only a text the field can edit is copied, so a frame costs the same
/// whatever the document holds.
pub fn line(
    ui: &mut egui::Ui,
    current: &str,
    id: Option<egui::Id>,
    width: f32,
    lang: Language,
) -> (egui::Response, Option<String>) {
    bounded(ui, current, LINE_EDIT_CHARS, lang, |ui, text| {
        let mut edit = egui::TextEdit::singleline(text)
            .desired_width(width)
            .char_limit(LINE_EDIT_CHARS);
        if let Some(id) = id {
            edit = edit.id(id);
        }
        ui.add(edit)
    })
}

/// A multi-line field of document text; the new text if it was changed.
pub fn block(
    ui: &mut egui::Ui,
    current: &str,
    rows: usize,
    width: f32,
    lang: Language,
) -> (egui::Response, Option<String>) {
    bounded(ui, current, BLOCK_EDIT_CHARS, lang, |ui, text| {
        ui.add(
            egui::TextEdit::multiline(text)
                .desired_rows(rows)
                .desired_width(width)
                .char_limit(BLOCK_EDIT_CHARS),
        )
    })
}

fn bounded(
    ui: &mut egui::Ui,
    current: &str,
    limit: usize,
    lang: Language,
    edit: impl FnOnce(&mut egui::Ui, &mut String) -> egui::Response,
) -> (egui::Response, Option<String>) {
    if !shown::longer_than(current, limit) {
        let mut text = current.to_owned();
        let resp = edit(ui, &mut text);
        let changed = resp.changed() && text != current;
        return (resp, changed.then_some(text));
    }
    use crate::i18n::Plural;
    let mut shorten = false;
    let mut resp = ui
        .vertical(|ui| {
            ui.add(egui::Label::new(shown::shown_line(current, shown::LINE_CHARS)).truncate());
            ui.add(egui::Label::new(
                egui::RichText::new(Plural::TextTooLong.count(lang, limit)).weak(),
            ));
            shorten = ui
                .button(Plural::TextKeepStart.count(lang, limit))
                .clicked();
        })
        .response;
    let mut new = None;
    if shorten {
        let end = current
            .char_indices()
            .nth(limit)
            .map_or(current.len(), |(i, _)| i);
        new = Some(current[..end].to_owned());
        resp.mark_changed();
    }
    (resp, new)
}
