//! Every command of the editor, with its text and shortcut: the menus, the
//! toolbar, the keyboard and the Help window all read this one list.

use crate::i18n::Msg;
use egui::{Key, KeyboardShortcut, Modifiers};

/// A command the user can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    Open,
    Save,
    SaveAs,
    ExportPng,
    ExportSvg,
    Undo,
    Redo,
    RedoAlt,
    Delete,
    Duplicate,
    AddTouchpoint,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    ToggleMoment,
    ToggleCritical,
    ToggleFail,
    ToggleWait,
    Shortcuts,
    Present,
}

impl UiCommand {
    /// Every command, in the order the Help window lists them. Shortcuts with
    /// Shift come before the same key without it, because egui matches
    /// Ctrl+Z on Ctrl+Shift+Z too: the more specific one must be taken first.
    pub const ALL: [UiCommand; 20] = [
        UiCommand::Open,
        UiCommand::SaveAs,
        UiCommand::Save,
        UiCommand::ExportPng,
        UiCommand::ExportSvg,
        UiCommand::Redo,
        UiCommand::Undo,
        UiCommand::RedoAlt,
        UiCommand::Delete,
        UiCommand::Duplicate,
        UiCommand::AddTouchpoint,
        UiCommand::ZoomIn,
        UiCommand::ZoomOut,
        UiCommand::ZoomFit,
        UiCommand::ToggleMoment,
        UiCommand::ToggleCritical,
        UiCommand::ToggleFail,
        UiCommand::ToggleWait,
        UiCommand::Shortcuts,
        UiCommand::Present,
    ];

    /// The command's name.
    pub fn text(self) -> Msg {
        match self {
            UiCommand::Open => Msg::CmdOpen,
            UiCommand::Save => Msg::CmdSave,
            UiCommand::SaveAs => Msg::CmdSaveAs,
            UiCommand::ExportPng => Msg::CmdExportPng,
            UiCommand::ExportSvg => Msg::CmdExportSvg,
            UiCommand::Undo => Msg::CmdUndo,
            UiCommand::Redo | UiCommand::RedoAlt => Msg::CmdRedo,
            UiCommand::Delete => Msg::CmdDelete,
            UiCommand::Duplicate => Msg::CmdDuplicate,
            UiCommand::AddTouchpoint => Msg::CmdAddTouchpoint,
            UiCommand::ZoomIn => Msg::CmdZoomIn,
            UiCommand::ZoomOut => Msg::CmdZoomOut,
            UiCommand::ZoomFit => Msg::CmdZoomFit,
            UiCommand::ToggleMoment => Msg::CmdToggleMoment,
            UiCommand::ToggleCritical => Msg::CmdToggleCritical,
            UiCommand::ToggleFail => Msg::CmdToggleFail,
            UiCommand::ToggleWait => Msg::CmdToggleWait,
            UiCommand::Shortcuts => Msg::CmdShortcuts,
            UiCommand::Present => Msg::CmdPresent,
        }
    }

    /// The keyboard shortcut, if any.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = Modifiers::COMMAND;
        let k = |m, key| Some(KeyboardShortcut::new(m, key));
        match self {
            UiCommand::Open => k(cmd, Key::O),
            UiCommand::Save => k(cmd, Key::S),
            UiCommand::SaveAs => k(cmd | Modifiers::SHIFT, Key::S),
            UiCommand::ExportPng => k(cmd, Key::E),
            UiCommand::ExportSvg => None,
            UiCommand::Undo => k(cmd, Key::Z),
            UiCommand::Redo => k(cmd | Modifiers::SHIFT, Key::Z),
            UiCommand::RedoAlt => k(cmd, Key::Y),
            UiCommand::Delete => k(Modifiers::NONE, Key::Delete),
            UiCommand::Duplicate => k(cmd, Key::D),
            UiCommand::AddTouchpoint => k(Modifiers::NONE, Key::N),
            UiCommand::ZoomIn => k(cmd, Key::Plus),
            UiCommand::ZoomOut => k(cmd, Key::Minus),
            UiCommand::ZoomFit => k(cmd, Key::Num0),
            UiCommand::ToggleMoment => k(Modifiers::NONE, Key::M),
            UiCommand::ToggleCritical => k(Modifiers::NONE, Key::C),
            UiCommand::ToggleFail => k(Modifiers::NONE, Key::F),
            UiCommand::ToggleWait => k(Modifiers::NONE, Key::W),
            UiCommand::Shortcuts => k(Modifiers::NONE, Key::F1),
            UiCommand::Present => k(Modifiers::NONE, Key::F5),
        }
    }

    /// Whether the shortcut is a plain key that a text field would take.
    pub fn is_plain_key(self) -> bool {
        self.shortcut().is_some_and(|s| s.modifiers.is_none())
    }
}
