//! Preferences kept between runs, in one struct the editor reads directly.

use crate::model::Language;
use std::path::PathBuf;

/// The user's preferences.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Language,
    pub dark: bool,
    /// Files opened or saved, the latest first (a name that is not UTF-8
    /// is kept as its bytes: before, one such name kept every preference
    /// from being saved).
    #[serde(with = "crate::recovery::stored_path::vec")]
    pub recent: Vec<PathBuf>,
    /// The screen to present on, by name; `None`: the window's own screen.
    pub present_screen: Option<String>,
    /// The Problems panel is open.
    pub show_problems: bool,
    /// Cards tinted by the compliance of their standards.
    pub compliance_view: bool,
    /// The customer's-feeling chart on the canvas (when the blueprint draws it).
    pub emotion_curve: bool,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            lang: system_language(),
            dark: false,
            recent: Vec::new(),
            present_screen: None,
            show_problems: true,
            compliance_view: false,
            emotion_curve: true,
        }
    }
}

const KEY: &str = "servuction-prefs";
/// Where eframe keeps the window's place and size.
const WINDOW_KEY: &str = "window";

impl Prefs {
    /// The preferences stored by an earlier run.
    pub fn load(storage: &dyn eframe::Storage) -> Self {
        eframe::get_value(storage, KEY).unwrap_or_default()
    }

    /// Stores the preferences. eframe has just stored the window's state:
    /// a window closed (or killed) while presenting must not come back full
    /// screen, so that is taken out.
    pub fn save(&self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, KEY, self);
        if let Some(mut window) = eframe::get_value::<WindowState>(storage, WINDOW_KEY)
            && window.fullscreen
        {
            window.fullscreen = false;
            eframe::set_value(storage, WINDOW_KEY, &window);
        }
    }

    /// Remembers a file as the most recent.
    pub fn remember(&mut self, path: &std::path::Path) {
        let p = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
        self.recent.retain(|r| r != &p);
        self.recent.insert(0, p);
        self.recent.truncate(10);
    }
}

/// eframe's window settings (egui-winit's `WindowSettings`), as stored.
#[derive(serde::Serialize, serde::Deserialize)]
struct WindowState {
    normal_geometry: WindowGeometry,
    fullscreen: bool,
    maximized: bool,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct WindowGeometry {
    outer_position_pixels: Option<egui::Pos2>,
    scale_factor: f32,
    inner_size_points: egui::Vec2,
}

pub use crate::i18n::system_language;

#[cfg(test)]
mod tests {
    use super::*;
    use eframe::Storage as _;
    use std::collections::HashMap;

    #[derive(Default)]
    struct Memory(HashMap<String, String>);

    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.to_owned(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }

    #[test]
    fn a_window_saved_full_screen_comes_back_windowed() {
        let mut storage = Memory::default();
        // As eframe 0.37 stores a full-screen window (read off this machine).
        storage.set_string(
            WINDOW_KEY,
            "(normal_geometry:(outer_position_pixels:Some((x:0.0,y:0.0)),scale_factor:1.0,inner_size_points:(x:1400.0,y:900.0)),fullscreen:true,maximized:false)".into(),
        );
        let prefs = Prefs {
            present_screen: Some("HDMI-1".into()),
            ..Prefs::default()
        };
        prefs.save(&mut storage);
        let window: WindowState = eframe::get_value(&storage, WINDOW_KEY).unwrap();
        assert!(!window.fullscreen);
        assert_eq!(
            window.normal_geometry.inner_size_points,
            egui::vec2(1400.0, 900.0)
        );
        assert_eq!(Prefs::load(&storage), prefs);
    }

    #[cfg(unix)]
    #[test]
    fn a_recent_file_whose_name_is_not_utf8_is_kept_with_every_preference() {
        use std::os::unix::ffi::OsStrExt as _;
        let mut storage = Memory::default();
        let odd = PathBuf::from(std::ffi::OsStr::from_bytes(b"/tmp/caf\xe9.servuction"));
        let prefs = Prefs {
            recent: vec![odd.clone(), PathBuf::from("/tmp/stay.servuction")],
            dark: true,
            ..Prefs::default()
        };
        prefs.save(&mut storage);
        let back = Prefs::load(&storage);
        assert_eq!(
            back.recent,
            vec![odd, PathBuf::from("/tmp/stay.servuction")]
        );
        assert!(back.dark, "the preferences were not saved");
    }
}
