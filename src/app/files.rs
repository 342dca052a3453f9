//! File dialogs: native ones through rfd on a thread of their own (a hung
//! portal cannot freeze the window), or the app's own path entry where the
//! system has no dialog service.

use crate::i18n::Msg;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// What a chosen path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Open,
    Save,
    ExportPng,
    ExportSvg,
    ImportCsv,
}

impl Purpose {
    pub fn title(self) -> Msg {
        match self {
            Purpose::Open => Msg::PathOpen,
            Purpose::Save => Msg::PathSave,
            Purpose::ExportPng | Purpose::ExportSvg => Msg::PathExport,
            Purpose::ImportCsv => Msg::CmdImportCsv,
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Purpose::Open | Purpose::Save => "json",
            Purpose::ExportPng => "png",
            Purpose::ExportSvg => "svg",
            Purpose::ImportCsv => "csv",
        }
    }
}

/// Whether native file dialogs can work here. On Linux rfd needs an
/// xdg-desktop-portal on the session bus or zenity; without either it
/// returns nothing, exactly as if the user cancelled.
pub fn native_dialogs_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
    };
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && [
            "/usr/libexec/xdg-desktop-portal",
            "/usr/lib/xdg-desktop-portal",
        ]
        .iter()
        .any(|p| Path::new(p).exists());
    portal || on_path("zenity")
}

/// A path proposed for saving or exporting.
pub fn suggested_path(purpose: Purpose, current: Option<&Path>, name: &str) -> String {
    let base = current.map(Path::to_path_buf).unwrap_or_else(|| {
        std::env::current_dir()
            .unwrap_or_default()
            .join(format!("{name}.json"))
    });
    base.with_extension(purpose.extension())
        .display()
        .to_string()
}

/// A typed path with `~` expanded.
pub fn expand_path(text: &str) -> PathBuf {
    match (text.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(text),
    }
}

/// Native dialogs in flight.
pub struct Files {
    native: bool,
    pending: Option<(Purpose, Receiver<Option<PathBuf>>)>,
}

impl Files {
    pub fn new(native: bool) -> Self {
        Self {
            native,
            pending: None,
        }
    }

    /// Opens a native dialog; false if there is none and the caller must ask
    /// for the path itself.
    pub fn ask(&mut self, purpose: Purpose, current: Option<&Path>, name: &str) -> bool {
        if !self.native {
            return false;
        }
        if self.pending.is_some() {
            return true;
        }
        let (tx, rx) = channel();
        let suggested = PathBuf::from(suggested_path(purpose, current, name));
        std::thread::spawn(move || {
            let mut d = rfd::FileDialog::new();
            if let Some(dir) = suggested.parent() {
                d = d.set_directory(dir);
            }
            let path = match purpose {
                Purpose::Open => d.add_filter("Servuction", &["json", "png"]).pick_file(),
                Purpose::ImportCsv => d.add_filter("CSV", &["csv"]).pick_file(),
                _ => {
                    let name = suggested
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    d.add_filter(purpose.extension(), &[purpose.extension()])
                        .set_file_name(name)
                        .save_file()
                }
            };
            let _ = tx.send(path);
        });
        self.pending = Some((purpose, rx));
        true
    }

    /// The path a native dialog returned, once it has.
    pub fn poll(&mut self) -> Option<(Purpose, PathBuf)> {
        let (purpose, rx) = self.pending.as_ref()?;
        match rx.try_recv() {
            Ok(path) => {
                let purpose = *purpose;
                self.pending = None;
                path.map(|p| (purpose, p))
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                None
            }
        }
    }
}
