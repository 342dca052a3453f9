//! The editing chrome: menu bar, toolbar, Problems panel and status bar,
//! and the one renderer of command buttons they (and the canvas) use.

use super::files::Purpose;
use super::{Action, EditorApp, UiCommand};
use crate::check::{Element, Severity};
use crate::edit::Edit;
use crate::i18n::{self, Localized, Msg};
use crate::model::*;

/// A button for a command: its name (or short label), its tooltip with its
/// shortcuts, greyed out when it cannot act now. In a menu the shortcut is
/// shown beside the name and the menu closes on click.
pub fn command_button(
    ui: &mut egui::Ui,
    cmd: UiCommand,
    lang: Language,
    enabled: bool,
    short: bool,
    actions: &mut Vec<Action>,
) {
    let label = match cmd.short_label(lang) {
        Some(s) if short => s,
        _ => cmd.text().text(lang),
    };
    let keys = cmd.shortcut_text(ui.ctx(), lang);
    let mut tip = format!("{}: {}", cmd.text().text(lang), cmd.tooltip().text(lang));
    if let Some(k) = &keys {
        tip = format!("{tip} ({k})");
    }
    let mut button = egui::Button::new(label);
    let in_menu = egui::containers::menu::is_in_menu(ui);
    if in_menu && let Some(k) = keys {
        button = button.shortcut_text(k);
    }
    let r = ui.add_enabled(enabled, button).on_hover_text(tip);
    if r.clicked() {
        actions.push(Action::Command(cmd));
        if in_menu {
            ui.close();
        }
    }
}

impl EditorApp {
    /// A command's button in the app's current state.
    fn button(&self, ui: &mut egui::Ui, cmd: UiCommand, actions: &mut Vec<Action>) {
        command_button(ui, cmd, self.prefs.lang, self.can(cmd), false, actions);
    }

    pub(super) fn menu_bar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        egui::Panel::top("menu").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| {
                ui.menu_button(t(Msg::MenuFile), |ui| self.file_menu(ui, actions));
                ui.menu_button(t(Msg::MenuEdit), |ui| {
                    for cmd in [UiCommand::Undo, UiCommand::Redo] {
                        self.button(ui, cmd, actions);
                    }
                    ui.separator();
                    for cmd in [
                        UiCommand::Copy,
                        UiCommand::CopyImage,
                        UiCommand::Cut,
                        UiCommand::Paste,
                        UiCommand::AddTouchpoint,
                        UiCommand::AddStep,
                        UiCommand::Duplicate,
                        UiCommand::Delete,
                    ] {
                        self.button(ui, cmd, actions);
                    }
                    ui.separator();
                    for cmd in [
                        UiCommand::ToggleMoment,
                        UiCommand::ToggleCritical,
                        UiCommand::ToggleFail,
                        UiCommand::ToggleWait,
                    ] {
                        self.button(ui, cmd, actions);
                    }
                    ui.separator();
                    super::canvas::structure_menu(ui, self.doc.blueprint(), lang, actions);
                });
                ui.menu_button(t(Msg::MenuView), |ui| self.view_menu(ui, actions));
                ui.menu_button(t(Msg::MenuHelp), |ui| {
                    self.button(ui, UiCommand::Shortcuts, actions);
                    self.button(ui, UiCommand::About, actions);
                });
                ui.separator();
                // The language, one click away.
                let other = if lang == Language::En {
                    Language::Es
                } else {
                    Language::En
                };
                if ui
                    .small_button(other.code().to_uppercase())
                    .on_hover_text(t(Msg::Language))
                    .clicked()
                {
                    self.prefs.lang = other;
                }
            });
        });
    }

    fn file_menu(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        ui.menu_button(t(Msg::MenuNewFrom), |ui| {
            for tpl in crate::templates::TEMPLATES {
                if ui.button(tpl.summary(lang)).clicked() {
                    actions.push(Action::NewFrom(tpl.name));
                    ui.close();
                }
            }
        });
        self.button(ui, UiCommand::Open, actions);
        ui.add_enabled_ui(!self.prefs.recent.is_empty(), |ui| {
            ui.menu_button(t(Msg::MenuRecent), |ui| {
                for p in &self.prefs.recent {
                    if ui.button(p.display().to_string()).clicked() {
                        actions.push(Action::OpenPath(p.clone()));
                        ui.close();
                    }
                }
            });
        });
        ui.separator();
        for cmd in [
            UiCommand::Save,
            UiCommand::SaveAs,
            UiCommand::Export,
            UiCommand::ExportPng,
            UiCommand::ExportSvg,
            UiCommand::ExportPdf,
            UiCommand::ImportCsv,
            UiCommand::ImportActionsCsv,
        ] {
            self.button(ui, cmd, actions);
        }
        ui.separator();
        for cmd in [
            UiCommand::CompareWith,
            UiCommand::LeaveComparison,
            UiCommand::Conflicts,
        ] {
            self.button(ui, cmd, actions);
        }
    }

    fn view_menu(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.prefs.lang;
        let t = |m: Msg| m.text(lang);
        for cmd in [
            UiCommand::ZoomIn,
            UiCommand::ZoomOut,
            UiCommand::ZoomFit,
            UiCommand::Present,
            UiCommand::ActionPlan,
        ] {
            self.button(ui, cmd, actions);
        }
        ui.menu_button(t(Msg::PresentOn), |ui| self.screen_choice(ui));
        ui.separator();
        let p = &mut self.prefs;
        ui.checkbox(&mut p.dark, t(Msg::CmdDarkTheme));
        ui.checkbox(&mut p.compliance_view, t(Msg::CmdComplianceView));
        ui.checkbox(&mut p.show_problems, t(Msg::ProblemsTitle));
        ui.checkbox(&mut p.emotion_curve, t(Msg::ViewEmotionCurve));
        ui.menu_button(t(Msg::Language), |ui| {
            ui.radio_value(&mut p.lang, Language::En, "English");
            ui.radio_value(&mut p.lang, Language::Es, "Español");
        });
    }

    /// The screens menu: the window's own screen or one of those connected.
    fn screen_choice(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        let choice = &mut self.prefs.present_screen;
        ui.radio_value(choice, None, Msg::ScreenOwn.text(lang));
        for (i, s) in self.screens.iter().enumerate() {
            ui.radio_value(choice, Some(s.name.clone()), s.label(i));
        }
        if let Some(name) = choice
            && !self.screens.iter().any(|s| &s.name == name)
        {
            ui.label(Msg::ScreenMissing.fill(lang, &[name]));
        }
    }

    /// The toolbar under the menus: the commands used most.
    pub(super) fn toolbar(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.prefs.lang;
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal(|ui| {
                for group in [
                    &[UiCommand::Undo, UiCommand::Redo][..],
                    &[
                        UiCommand::AddTouchpoint,
                        UiCommand::AddStep,
                        UiCommand::Duplicate,
                        UiCommand::Delete,
                    ],
                    &[UiCommand::ZoomFit, UiCommand::Present],
                ] {
                    for &cmd in group {
                        self.button(ui, cmd, actions);
                    }
                    ui.separator();
                }
                ui.toggle_value(
                    &mut self.prefs.compliance_view,
                    Msg::CmdComplianceView.text(lang),
                );
                ui.toggle_value(&mut self.prefs.show_problems, Msg::ProblemsTitle.text(lang));
            });
        });
    }

    /// The health checks' findings, live; a click shows the touchpoint, a
    /// right-click switches the rule off for this blueprint.
    pub(super) fn problems_panel(&mut self, ui: &mut egui::Ui, actions: &mut Vec<Action>) {
        let lang = self.prefs.lang;
        let view = self.view();
        let (bp, derived) = self.doc.view(view);
        let findings = derived.findings.clone();
        egui::Panel::bottom("problems")
            .resizable(true)
            .default_size(120.0)
            .show(ui, |ui| {
                ui.strong(Msg::ProblemsTitle.text(lang));
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show_rows(ui, 18.0, findings.len(), |ui, range| {
                        for f in &findings[range] {
                            finding_row(ui, bp, f, lang, actions);
                        }
                    });
            });
    }

    pub(super) fn status_bar(&mut self, ui: &mut egui::Ui) {
        let lang = self.prefs.lang;
        let view = self.view();
        let (_, derived) = self.doc.view(view);
        let (met, total, problems) = (derived.met, derived.standards, derived.findings.len());
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(i18n::standards_met(met, total, lang));
                ui.separator();
                ui.label(i18n::Plural::Findings.count(lang, problems));
                if !self.selection.is_empty() {
                    ui.separator();
                    ui.label(i18n::Plural::Selected.count(lang, self.selection.len()));
                }
                // Work in the background, with its progress and Cancel.
                let mut cancel = None;
                for job in self.jobs.shown() {
                    ui.separator();
                    ui.label(crate::shown::shown_line(job.label, 120));
                    let bar = match job.fraction {
                        Some(f) => egui::ProgressBar::new(f).show_percentage(),
                        None => egui::ProgressBar::new(0.0).animate(true),
                    };
                    ui.add(bar.desired_width(140.0));
                    if job.cancellable && ui.button(Msg::Cancel.text(lang)).clicked() {
                        cancel = Some(job.index);
                    }
                }
                if let Some(i) = cancel {
                    self.jobs.cancel(i);
                }
                if let Some(why) = self.files.unprotected() {
                    ui.separator();
                    let text = Msg::Unprotected.fill(lang, &[&why.message(lang)]);
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        crate::shown::shown_line(&text, crate::shown::LINE_CHARS),
                    );
                }
                if let Some(n) = &self.notice {
                    ui.separator();
                    let colour = if n.error {
                        ui.visuals().error_fg_color
                    } else {
                        ui.visuals().weak_text_color()
                    };
                    ui.colored_label(
                        colour,
                        crate::shown::shown_line(&n.text, crate::shown::LINE_CHARS),
                    );
                }
            });
        });
    }

    /// Whether a command can act now (its button is greyed out otherwise).
    pub(super) fn can(&self, cmd: UiCommand) -> bool {
        use UiCommand::*;
        let selected = !self.selection.is_empty();
        match cmd {
            Undo => self.doc.can_undo(),
            Redo => self.doc.can_redo(),
            Copy | Cut | Delete | Duplicate | ToggleMoment | ToggleCritical | ToggleFail
            | ToggleWait => selected,
            NextStop | PreviousStop | LeavePresentation => self.presentation.is_some(),
            LeaveComparison => self.compare.is_some(),
            _ => true,
        }
    }

    /// What a command that asks for a file asks for.
    pub(super) fn purpose_of(cmd: UiCommand) -> Option<Purpose> {
        match cmd {
            UiCommand::SaveAs => Some(Purpose::Save),
            UiCommand::ExportPng => Some(Purpose::ExportPng),
            UiCommand::ExportSvg => Some(Purpose::ExportSvg),
            UiCommand::ExportPdf => Some(Purpose::ExportPdf),
            UiCommand::ImportCsv => Some(Purpose::ImportCsv),
            UiCommand::ImportActionsCsv => Some(Purpose::ImportActionsCsv),
            _ => None,
        }
    }
}

/// One finding: its severity in colour, its message as a link.
fn finding_row(
    ui: &mut egui::Ui,
    bp: &Blueprint,
    f: &crate::check::Finding,
    lang: Language,
    actions: &mut Vec<Action>,
) {
    let (colour, word) = match f.severity {
        Severity::Error => (ui.visuals().error_fg_color, Msg::SeverityError),
        Severity::Warning => (ui.visuals().warn_fg_color, Msg::SeverityWarning),
        Severity::Hint => (ui.visuals().weak_text_color(), Msg::SeverityHint),
    };
    ui.horizontal(|ui| {
        ui.colored_label(colour, word.text(lang));
        let tp = match &f.element {
            Element::Touchpoint(id) => Some(id.clone()),
            Element::Standard(id) => bp
                .standards
                .iter()
                .find(|s| &s.id == id)
                .map(|s| s.touchpoint.clone()),
            Element::Connector(id) => bp
                .connectors
                .iter()
                .find(|c| &c.id == id)
                .map(|c| c.from.clone()),
            Element::Action(id) => bp
                .action(id)
                .and_then(|a| a.attached_to.as_ref())
                .and_then(|to| bp.attachment_touchpoint(to))
                .cloned(),
            _ => None,
        };
        let name = crate::i18n::rule_label(f.rule, lang);
        let link = ui
            .link(f.message(bp, lang))
            .on_hover_text(format!("{name} ({})", f.rule));
        if link.clicked()
            && let Some(tp) = tp
        {
            actions.push(Action::Show(tp));
        }
        link.context_menu(|ui| {
            let text = Msg::SwitchOffRule.fill(lang, &[&name]);
            if ui.button(text).clicked() {
                let mut rules = bp.disabled_rules.clone();
                rules.push(f.rule.to_owned());
                actions.push(Action::Edit(Edit::SetDisabledRules(rules)));
                ui.close();
            }
        });
    });
}
