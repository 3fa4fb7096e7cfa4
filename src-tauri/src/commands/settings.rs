//! Where downloads go: Desktop/Novaland unless the researcher chose another folder.

use std::path::PathBuf;

use novaland_core::files;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

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
        .set_title("Where should Novaland save your files?")
        .blocking_pick_folder();
    let Some(picked) = picked else {
        return Ok(describe(&state));
    };
    let folder = picked.into_path().map_err(|_| {
        CommandError::new(
            ErrorCode::BadFolder,
            "That place is not a folder on this computer.",
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
                format!(
                    "Novaland cannot save files in {} ({}). Choose another folder.",
                    folder.display(),
                    novaland_core::files::write_problem(&e)
                ),
            )
        })?;
    }
    let mut settings = state.settings();
    settings.export_folder = folder;
    state.save_settings(&settings).map_err(|e| {
        CommandError::new(
            ErrorCode::SettingsNotSaved,
            format!("The choice could not be saved ({e})."),
        )
    })?;
    Ok(describe(state))
}

/// Opens a folder this run wrote in the file manager; the page cannot name any other path.
#[tauri::command]
pub async fn show_folder<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: PathBuf,
) -> CommandResult<()> {
    if !state.written_folders.lock().await.contains(&path) {
        return Err(CommandError::new(
            ErrorCode::UnknownFolder,
            "Novaland only opens folders it wrote.",
        ));
    }
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            CommandError::new(
                ErrorCode::OpenFailed,
                format!(
                    "The folder could not be opened ({e}). It is {}",
                    path.display()
                ),
            )
        })
}
