//! The comparison's side panel: the legend, the list of changes to step
//! through (a click goes to the change's card) with "Take" on each, and
//! the marks on the canvas.

use super::marks::{Mark, Paint};
use super::{CompareAct, Comparison};
use crate::app::{Action, EditorApp};
use crate::i18n::{Msg, Plural};
use crate::model::Language;

/// The height of a row of the list.
const ROW: f32 = 24.0;

impl EditorApp {
    /// The comparison's panel, if one is open.
    pub(in crate::app) fn compare_panel(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        self.refresh_comparison(ui.ctx());
        let lang = self.prefs.lang;
        let theme = self.view().theme();
        let current = self.comparison_current();
        let Some(c) = &self.compare else { return };
        egui::Panel::left("compare")
            .resizable(true)
            .default_size(360.0)
            .max_size(520.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.strong(Msg::CompareTitle.fill(lang, &[&c.name()]));
                    let leave = ui
                        .button(Msg::CompareLeave.text(lang))
                        .on_hover_text(Msg::TipCompareLeave.text(lang));
                    if leave.clicked() {
                        actions.push(Action::Compare(CompareAct::Leave));
                    }
                });
                legend(ui, &theme, lang);
                ui.separator();
                list(ui, c, current, lang, actions);
            });
    }

    /// The comparison's marks over the canvas.
    pub(in crate::app) fn compare_marks(&self, ui: &mut egui::Ui) {
        let (Some(c), Some(screen)) = (&self.compare, self.canvas.screen) else {
            return;
        };
        let Some(k) = &c.cache else { return };
        let theme = self.view().theme();
        let paint = Paint {
            theme: &theme,
            lines: &k.lines,
        };
        k.marks.paint(ui, (screen.rect, screen.t), paint);
    }
}

/// What each mark means.
fn legend(ui: &mut egui::Ui, theme: &crate::scene::Theme, lang: Language) {
    ui.horizontal_wrapped(|ui| {
        for m in Mark::ALL {
            let c = m.colour(theme, ui.visuals());
            ui.label(
                egui::RichText::new(format!(" {} ", m.sign()))
                    .color(egui::Color32::WHITE)
                    .background_color(c),
            );
            ui.label(m.legend().text(lang));
        }
    });
}

/// A list of `n` rows of one height, counted above, or `none` said when
/// it is empty; only the rows on screen are drawn.
pub(super) fn counted_rows(
    ui: &mut egui::Ui,
    lang: Language,
    (none, count): (Msg, Plural),
    (n, height): (usize, f32),
    mut row: impl FnMut(&mut egui::Ui, usize),
) {
    if n == 0 {
        ui.label(none.text(lang));
        return;
    }
    ui.label(count.count(lang, n));
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show_rows(ui, height, n, |ui, range| range.for_each(|i| row(ui, i)));
}

/// The changes, one a row: a click goes to it, "Take" takes it over.
/// `current`: the changes listed are the document's as it is now (not the
/// last revision's while a large document's diff runs): only then taken.
fn list(
    ui: &mut egui::Ui,
    c: &Comparison,
    current: bool,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    let Some(k) = &c.cache else { return };
    let what = (Msg::CompareSame, Plural::Changes);
    counted_rows(ui, lang, what, (k.lines.len(), ROW), |ui, i| {
        let line = &k.lines[i];
        ui.horizontal(|ui| {
            let button = egui::Button::new(Msg::CompareTake.text(lang));
            let take = (ui.add_enabled(current && k.takeable[i], button))
                .on_hover_text(Msg::TipCompareTake.text(lang))
                .on_disabled_hover_text(Msg::CompareCannotTake.text(lang));
            if take.clicked() {
                actions.push(Action::Compare(CompareAct::Take(i)));
            }
            let text = format!("{}: {}", line.element, line.what);
            let text = crate::shown::shown_line(&text, 120).into_owned();
            let row = ui.add(egui::Button::selectable(c.current == Some(i), text).truncate());
            let row = if line.fields.is_empty() {
                row
            } else {
                row.on_hover_ui(|ui| super::marks::tooltip(ui, &[i], &k.lines))
            };
            if row.clicked() {
                actions.push(Action::Compare(CompareAct::Show(i)));
            }
        });
    });
}
