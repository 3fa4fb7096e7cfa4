//! The few choices Novaland remembers between runs (which app), in the OS's config folder.
//! Never a secret: the key lives in the keychain.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Settings {
    /// The study's app, picked once in the guide.
    #[serde(default)]
    pub app: Option<String>,
    /// Where downloads go instead of `Desktop/Novaland`.
    #[serde(default)]
    pub export_folder: Option<PathBuf>,
    /// When Novaland last looked for an update of itself (ms since 1970), so the automatic
    /// look happens at most once a day.
    #[serde(default)]
    pub update_checked_ms: Option<i64>,
    /// The language of the window and of every message: a choice, or the system's.
    #[serde(default)]
    pub language: crate::i18n::LangChoice,
}

/// The config folder: `NOVALAND_CONFIG_DIR` when set (tests), else the OS's place for it.
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = crate::env::config_dir() {
        return Some(dir);
    }
    directories::ProjectDirs::from("org", "Novaland", "Novaland")
        .map(|d| d.config_dir().to_path_buf())
}

impl Settings {
    /// Reads the file; a missing or unreadable one gives the defaults rather than an error,
    /// because the worst outcome is picking the app again.
    pub fn load(path: &Path) -> Settings {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Writes through a temporary file and a rename, so a full disk never leaves half a file.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, serde_json::to_vec_pretty(self)?)?;
        std::fs::rename(&tmp, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_broken_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/settings.json");
        assert_eq!(Settings::load(&path), Settings::default());
        let s = Settings {
            app: Some("novaland-study".into()),
            export_folder: None,
            update_checked_ms: Some(1_764_000_000_000),
            language: crate::i18n::LangChoice::De,
        };
        s.save(&path).unwrap();
        assert_eq!(Settings::load(&path), s);
        std::fs::write(&path, b"{not json").unwrap();
        assert_eq!(Settings::load(&path), Settings::default());
    }
}
