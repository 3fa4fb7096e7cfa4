//! Where downloads go: Desktop/Novaland unless the researcher chose another folder.

use std::path::PathBuf;

use novaland_core::settings::Settings;
use novaland_core::{files, i18n};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

#[derive(Debug, Serialize)]
pub struct ExportFolder {
    pub path: Option<PathBuf>,
    /// True when the researcher chose it, false for the Desktop default.
    pub chosen: bool,
}

fn describe(state: &AppState) -> ExportFolder {
    let chosen = state.settings().export_folder;
    ExportFolder {
        path: files::export_root(chosen.as_deref()),
        chosen: chosen.is_some(),
    }
}

#[tauri::command]
pub fn export_folder(state: State<'_, AppState>) -> ExportFolder {
    describe(&state)
}

/// Opens the system's folder picker (on the Rust side: the page never handles paths) and keeps
/// the choice if the folder can be written to.
#[tauri::command]
pub async fn choose_export_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<ExportFolder> {
    let picked = app
        .dialog()
        .file()
        .set_title(novaland_core::tr!("core-settings-folder-pick-title"))
        .blocking_pick_folder();
    let Some(picked) = picked else {
        return Ok(describe(&state));
    };
    let folder = picked.into_path().map_err(|_| {
        CommandError::new(
            ErrorCode::BadFolder,
            novaland_core::tr!("error-folder-not-a-folder"),
        )
    })?;
    save(&state, Some(folder))
}

#[tauri::command]
pub fn use_default_export_folder(state: State<'_, AppState>) -> CommandResult<ExportFolder> {
    save(&state, None)
}

/// Keeps the folder after checking exports can be saved there (a test file is made and removed).
pub fn save(state: &AppState, folder: Option<PathBuf>) -> CommandResult<ExportFolder> {
    if let Some(folder) = &folder {
        novaland_core::files::check_folder(folder).map_err(|e| {
            CommandError::new(
                ErrorCode::FolderNotWritable,
                novaland_core::tr!(
                    "error-folder-not-writable",
                    folder = folder.display().to_string(),
                    reason = novaland_core::files::write_problem(&e)
                ),
            )
        })?;
    }
    keep(state, |settings| settings.export_folder = folder)?;
    Ok(describe(state))
}

/// Changes one of Novaland's settings and writes them, saying so when the file cannot be
/// written.
fn keep(state: &AppState, change: impl FnOnce(&mut Settings)) -> CommandResult<()> {
    let mut settings = state.settings();
    change(&mut settings);
    state.save_settings(&settings).map_err(|e| {
        CommandError::new(
            ErrorCode::SettingsNotSaved,
            novaland_core::tr!("error-settings-not-saved", reason = e.to_string()),
        )
    })
}

/// The language in effect and its catalog, for the page's words (ui/i18n.js).
#[tauri::command]
pub fn messages(state: State<'_, AppState>) -> i18n::Catalog {
    i18n::apply(state.settings().language)
}

/// Keeps the researcher's language (or "as the system"); the page then loads again in it.
#[tauri::command]
pub fn choose_language(
    state: State<'_, AppState>,
    language: i18n::LangChoice,
) -> CommandResult<i18n::Catalog> {
    keep(&state, |settings| settings.language = language)?;
    Ok(i18n::apply(language))
}

/// Opens a folder this run wrote in the file manager; the page cannot name any other path.
#[tauri::command]
pub async fn show_folder(state: State<'_, AppState>, path: PathBuf) -> CommandResult<()> {
    if !state.written_folders.lock().await.contains(&path) {
        return Err(CommandError::new(
            ErrorCode::UnknownFolder,
            novaland_core::tr!("error-folder-unknown"),
        ));
    }
    // A folder moved or deleted since is said as such, not as the file manager's failure.
    let opened = match std::fs::metadata(&path) {
        Ok(_) => crate::desktop::open(&path).await,
        Err(err) => Err(err),
    };
    opened.map_err(|e| {
        CommandError::new(
            ErrorCode::OpenFailed,
            novaland_core::tr!(
                "error-folder-open-failed",
                reason = e.to_string(),
                folder = path.display().to_string()
            ),
        )
    })
}
