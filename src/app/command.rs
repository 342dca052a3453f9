//! Every command of the editor from one source: its text, tooltip,
//! shortcuts and scope. The menus, the toolbar, the canvas buttons, the
//! keyboard and the Help window all read this enum (iterated, not listed by
//! hand), as the rerun viewer's `UICommand` does.

use crate::i18n::Msg;
use crate::model::Language;
use egui::{Key, KeyboardShortcut, Modifiers};
use strum::IntoEnumIterator as _;

/// A shortcut as the platform and the language write it: in Spanish with
/// the names a Spanish keyboard prints on its keys (Supr, Mayús, AvPág).
fn shortcut_name(ctx: &egui::Context, s: &KeyboardShortcut, lang: Language) -> String {
    match lang {
        Language::En => ctx.format_shortcut(s),
        Language::Es => {
            let names = egui::ModifierNames {
                shift: "Mayús",
                mac_alt: "Opción",
                ..egui::ModifierNames::NAMES
            };
            let modifiers = names.format(&s.modifiers, ctx.os().is_mac());
            let key = key_name_es(s.logical_key);
            if modifiers.is_empty() {
                key.to_owned()
            } else {
                format!("{modifiers}+{key}")
            }
        }
    }
}

/// A key's name on a Spanish keyboard.
fn key_name_es(key: Key) -> &'static str {
    match key {
        Key::Delete => "Supr",
        Key::Backspace => "Retroceso",
        Key::Escape => "Esc",
        Key::PageDown => "AvPág",
        Key::PageUp => "RePág",
        Key::Space => "Espacio",
        Key::ArrowRight => "Derecha",
        Key::ArrowLeft => "Izquierda",
        Key::ArrowUp => "Arriba",
        Key::ArrowDown => "Abajo",
        Key::Plus => "Más",
        Key::Minus => "Menos",
        Key::Home => "Inicio",
        Key::End => "Fin",
        Key::Enter => "Intro",
        Key::Insert => "Insert",
        other => other.symbol_or_name(),
    }
}

/// A command the user can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum UiCommand {
    Open,
    Save,
    SaveAs,
    Export,
    ExportPng,
    ExportSvg,
    ExportPdf,
    ImportCsv,
    /// Adds or changes improvement actions from a CSV file.
    ImportActionsCsv,
    Undo,
    Redo,
    Copy,
    CopyImage,
    Cut,
    Paste,
    Delete,
    Duplicate,
    AddTouchpoint,
    AddStep,
    ToggleMoment,
    ToggleCritical,
    ToggleFail,
    ToggleWait,
    Cancel,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    Present,
    /// Shows or hides the action plan.
    ActionPlan,
    NextStop,
    PreviousStop,
    LeavePresentation,
    Shortcuts,
    About,
    CompareWith,
    LeaveComparison,
    Conflicts,
}

/// Where a command's shortcuts act.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Scope {
    /// Anywhere, even while a text field has the keyboard: none of these
    /// keys is one a text field needs.
    Always,
    /// Editing or presenting, while no text field has the keyboard (a
    /// focused field keeps its own undo, redo and clipboard).
    Document,
    /// The canvas while editing, no text field focused: plain keys.
    Canvas,
    /// The presentation, no text field focused.
    Presenting,
}

impl Scope {
    /// The scopes whose shortcuts act now.
    pub fn active(presenting: bool, typing: bool) -> &'static [Scope] {
        match (presenting, typing) {
            (_, true) => &[Scope::Always],
            (false, false) => &[Scope::Always, Scope::Document, Scope::Canvas],
            (true, false) => &[Scope::Always, Scope::Document, Scope::Presenting],
        }
    }

    /// Whether two scopes can act at the same time.
    pub fn overlaps(self, other: Scope) -> bool {
        [(false, false), (true, false), (false, true), (true, true)]
            .iter()
            .any(|&(p, t)| {
                let a = Scope::active(p, t);
                a.contains(&self) && a.contains(&other)
            })
    }

    /// The heading of this scope in the Help window.
    pub fn title(self) -> Msg {
        match self {
            Scope::Always => Msg::HelpScopeAlways,
            Scope::Document => Msg::HelpScopeDocument,
            Scope::Canvas => Msg::HelpScopeCanvas,
            Scope::Presenting => Msg::HelpScopePresenting,
        }
    }
}

/// The clipboard event a command answers (egui turns the platform's copy,
/// cut and paste keys into events of their own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClipboardEvent {
    Copy,
    Cut,
    Paste,
}

impl UiCommand {
    /// The command's name, as menus and the Help window show it.
    pub fn text(self) -> Msg {
        use UiCommand::*;
        match self {
            Open => Msg::CmdOpen,
            Save => Msg::CmdSave,
            SaveAs => Msg::CmdSaveAs,
            Export => Msg::CmdExport,
            ExportPng => Msg::CmdExportPng,
            ExportSvg => Msg::CmdExportSvg,
            ExportPdf => Msg::CmdExportPdf,
            CopyImage => Msg::CmdCopyImage,
            ImportCsv => Msg::CmdImportCsv,
            ImportActionsCsv => Msg::CmdImportActionsCsv,
            Undo => Msg::CmdUndo,
            Redo => Msg::CmdRedo,
            Copy => Msg::CmdCopy,
            Cut => Msg::CmdCut,
            Paste => Msg::CmdPaste,
            Delete => Msg::CmdDelete,
            Duplicate => Msg::CmdDuplicate,
            AddTouchpoint => Msg::CmdAddTouchpoint,
            AddStep => Msg::CmdAddStep,
            ToggleMoment => Msg::CmdToggleMoment,
            ToggleCritical => Msg::CmdToggleCritical,
            ToggleFail => Msg::CmdToggleFail,
            ToggleWait => Msg::CmdToggleWait,
            Cancel => Msg::CmdCancel,
            ZoomIn => Msg::CmdZoomIn,
            ZoomOut => Msg::CmdZoomOut,
            ZoomFit => Msg::CmdZoomFit,
            Present => Msg::CmdPresent,
            ActionPlan => Msg::CmdActionPlan,
            NextStop => Msg::CmdNextStop,
            PreviousStop => Msg::CmdPreviousStop,
            LeavePresentation => Msg::CmdLeavePresentation,
            Shortcuts => Msg::CmdShortcuts,
            About => Msg::CmdAbout,
            CompareWith => Msg::CmdCompareWith,
            LeaveComparison => Msg::CompareLeave,
            Conflicts => Msg::CmdConflicts,
        }
    }

    /// What the command does, in a sentence for its tooltip.
    pub fn tooltip(self) -> Msg {
        use UiCommand::*;
        match self {
            Open => Msg::TipOpen,
            Save => Msg::TipSave,
            SaveAs => Msg::TipSaveAs,
            Export => Msg::TipExport,
            ExportPng => Msg::TipExportPng,
            ExportSvg => Msg::TipExportSvg,
            ExportPdf => Msg::TipExportPdf,
            CopyImage => Msg::TipCopyImage,
            ImportCsv => Msg::TipImportCsv,
            ImportActionsCsv => Msg::TipImportActionsCsv,
            Undo => Msg::TipUndo,
            Redo => Msg::TipRedo,
            Copy => Msg::TipCopy,
            Cut => Msg::TipCut,
            Paste => Msg::TipPaste,
            Delete => Msg::TipDelete,
            Duplicate => Msg::TipDuplicate,
            AddTouchpoint => Msg::TipAddTouchpoint,
            AddStep => Msg::TipAddStep,
            ToggleMoment | ToggleCritical | ToggleFail | ToggleWait => Msg::TipToggle,
            Cancel => Msg::TipCancel,
            ZoomIn => Msg::TipZoomIn,
            ZoomOut => Msg::TipZoomOut,
            ZoomFit => Msg::TipZoomFit,
            Present => Msg::TipPresent,
            ActionPlan => Msg::TipActionPlan,
            NextStop => Msg::TipNextStop,
            PreviousStop => Msg::TipPreviousStop,
            LeavePresentation => Msg::TipLeavePresentation,
            Shortcuts => Msg::TipShortcuts,
            About => Msg::TipAbout,
            CompareWith => Msg::TipCompareWith,
            LeaveComparison => Msg::TipCompareLeave,
            Conflicts => Msg::TipConflicts,
        }
    }

    /// A short label for a small button (the canvas' zoom buttons), if the
    /// command has one.
    pub fn short_label(self, lang: Language) -> Option<&'static str> {
        match self {
            UiCommand::ZoomIn => Some("+"),
            UiCommand::ZoomOut => Some("−"),
            UiCommand::ZoomFit => Some(Msg::CmdFit.text(lang)),
            _ => None,
        }
    }

    /// Where its shortcuts act.
    pub fn scope(self) -> Scope {
        use UiCommand::*;
        match self {
            Open | Save | SaveAs | Shortcuts | About | Present => Scope::Always,
            Export | ExportPng | ExportSvg | ExportPdf | ImportCsv | ImportActionsCsv
            | CopyImage | Undo | Redo | ZoomIn | ZoomOut | ZoomFit | ActionPlan | CompareWith
            | LeaveComparison | Conflicts => Scope::Document,
            Copy | Cut | Paste | Delete | Duplicate | AddTouchpoint | AddStep | ToggleMoment
            | ToggleCritical | ToggleFail | ToggleWait | Cancel => Scope::Canvas,
            NextStop | PreviousStop | LeavePresentation => Scope::Presenting,
        }
    }

    /// Its keyboard shortcuts, the first one shown in menus.
    pub fn shortcuts(self) -> Vec<KeyboardShortcut> {
        use UiCommand::*;
        let cmd = Modifiers::COMMAND;
        let none = Modifiers::NONE;
        let k = |m, key| KeyboardShortcut::new(m, key);
        match self {
            Open => vec![k(cmd, Key::O)],
            Save => vec![k(cmd, Key::S)],
            SaveAs => vec![k(cmd | Modifiers::SHIFT, Key::S)],
            Export => vec![k(cmd | Modifiers::SHIFT, Key::E)],
            ExportPng => vec![k(cmd, Key::E)],
            ExportSvg | ExportPdf | ImportCsv | ImportActionsCsv | AddStep => vec![],
            CopyImage => vec![k(cmd | Modifiers::SHIFT, Key::C)],
            Undo => vec![k(cmd, Key::Z)],
            Redo => vec![k(cmd | Modifiers::SHIFT, Key::Z), k(cmd, Key::Y)],
            Copy => vec![k(cmd, Key::C)],
            Cut => vec![k(cmd, Key::X)],
            Paste => vec![k(cmd, Key::V)],
            Delete => vec![k(none, Key::Delete), k(none, Key::Backspace)],
            Duplicate => vec![k(cmd, Key::D)],
            AddTouchpoint => vec![k(none, Key::N)],
            ToggleMoment => vec![k(none, Key::M)],
            ToggleCritical => vec![k(none, Key::C)],
            ToggleFail => vec![k(none, Key::F)],
            ToggleWait => vec![k(none, Key::W)],
            Cancel => vec![k(none, Key::Escape)],
            ZoomIn => vec![k(cmd, Key::Plus), k(cmd, Key::Equals)],
            ZoomOut => vec![k(cmd, Key::Minus)],
            ZoomFit => vec![k(cmd, Key::Num0)],
            Present => vec![k(none, Key::F5)],
            ActionPlan => vec![k(cmd | Modifiers::SHIFT, Key::A)],
            NextStop => vec![
                k(none, Key::ArrowRight),
                k(none, Key::PageDown),
                k(none, Key::Space),
            ],
            PreviousStop => vec![k(none, Key::ArrowLeft), k(none, Key::PageUp)],
            LeavePresentation => vec![k(none, Key::Escape)],
            Shortcuts => vec![k(none, Key::F1)],
            About | CompareWith | LeaveComparison | Conflicts => vec![],
        }
    }

    /// The clipboard event that gives this command, for those egui delivers
    /// as events rather than keys.
    pub fn clipboard_event(self) -> Option<ClipboardEvent> {
        match self {
            UiCommand::Copy => Some(ClipboardEvent::Copy),
            UiCommand::Cut => Some(ClipboardEvent::Cut),
            UiCommand::Paste => Some(ClipboardEvent::Paste),
            _ => None,
        }
    }

    /// Its shortcuts as the platform and the language write them, e.g.
    /// `Ctrl+Shift+Z / Ctrl+Y`, `Ctrl+Mayús+Z / Ctrl+Y`.
    pub fn shortcut_text(self, ctx: &egui::Context, lang: Language) -> Option<String> {
        let all = self.shortcuts();
        (!all.is_empty()).then(|| {
            all.iter()
                .map(|s| shortcut_name(ctx, s, lang))
                .collect::<Vec<_>>()
                .join(" / ")
        })
    }

    /// The commands whose shortcuts were pressed this frame in the active
    /// scopes, taking the keys from the input so nothing else acts on them.
    /// Shortcuts with more modifiers are matched first: egui matches Ctrl+Z
    /// on Ctrl+Shift+Z too. Clipboard commands come from their events; a
    /// paste's text is returned with it.
    pub fn pressed(ctx: &egui::Context, scopes: &[Scope]) -> Vec<(UiCommand, Option<String>)> {
        let mut keyed: Vec<(UiCommand, KeyboardShortcut)> = UiCommand::iter()
            .filter(|c| scopes.contains(&c.scope()) && c.clipboard_event().is_none())
            .flat_map(|c| c.shortcuts().into_iter().map(move |s| (c, s)))
            .collect();
        keyed.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s.modifiers)));
        let mut out: Vec<(UiCommand, Option<String>)> = Vec::new();
        ctx.input_mut(|i| {
            for (cmd, sc) in &keyed {
                if i.consume_shortcut(sc) && !out.iter().any(|(c, _)| c == cmd) {
                    out.push((*cmd, None));
                }
            }
        });
        if scopes.contains(&Scope::Canvas) {
            ctx.input(|i| {
                for e in &i.events {
                    match e {
                        egui::Event::Copy => out.push((UiCommand::Copy, None)),
                        egui::Event::Cut => out.push((UiCommand::Cut, None)),
                        egui::Event::Paste(text) => {
                            out.push((UiCommand::Paste, Some(text.clone())))
                        }
                        _ => {}
                    }
                }
            });
        }
        out
    }
}

fn modifier_count(m: Modifiers) -> u8 {
    u8::from(m.alt) + u8::from(m.command || m.ctrl) + u8::from(m.shift) + u8::from(m.mac_cmd)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_where_both_act() {
        let all: Vec<UiCommand> = UiCommand::iter().collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if !a.scope().overlaps(b.scope()) {
                    continue;
                }
                for sa in a.shortcuts() {
                    for sb in b.shortcuts() {
                        assert_ne!(sa, sb, "{a:?} and {b:?} share a shortcut");
                    }
                }
            }
        }
    }

    #[test]
    fn shortcuts_that_act_while_typing_are_none_a_text_field_needs() {
        // What a focused text field does with the keyboard.
        let text_keys = |s: &KeyboardShortcut| {
            let plain = s.modifiers.is_none() || s.modifiers == Modifiers::SHIFT;
            let editing = matches!(
                s.logical_key,
                Key::Z | Key::Y | Key::A | Key::C | Key::X | Key::V
            ) && s.modifiers.command;
            let moving = matches!(
                s.logical_key,
                Key::ArrowLeft
                    | Key::ArrowRight
                    | Key::ArrowUp
                    | Key::ArrowDown
                    | Key::Home
                    | Key::End
                    | Key::Backspace
                    | Key::Delete
                    | Key::Enter
                    | Key::Tab
                    | Key::Escape
                    | Key::Space
            );
            let letter = s.logical_key.name().len() == 1 && plain;
            editing || moving || letter
        };
        for cmd in UiCommand::iter().filter(|c| c.scope() == Scope::Always) {
            for s in cmd.shortcuts() {
                assert!(!text_keys(&s), "{cmd:?} would take {s:?} from a text field");
            }
        }
    }

    #[test]
    fn every_command_has_a_name_a_tooltip_and_a_scope_in_both_languages() {
        for cmd in UiCommand::iter() {
            for lang in Language::ALL {
                assert!(!cmd.text().text(lang).is_empty());
                assert!(!cmd.tooltip().text(lang).is_empty());
            }
        }
    }
}
