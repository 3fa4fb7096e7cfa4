//! The Postgres screen: download every table of the study's database to the Desktop, with
//! progress over a Channel and a Cancel button; then show the folder.

use std::path::PathBuf;
use std::sync::atomic::Ordering;

use novaland_core::files;
use novaland_core::postgres::{download_tables, health, DatabaseHealth, Downloaded, TableProgress};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::commands::client_and_app;
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

#[tauri::command]
pub async fn database_health(state: State<'_, AppState>) -> CommandResult<Vec<DatabaseHealth>> {
    let (client, app) = client_and_app(&state).await?;
    Ok(health(&client, &app).await?)
}

#[tauri::command]
pub async fn download_database_tables(
    state: State<'_, AppState>,
    on_progress: Channel<TableProgress>,
) -> CommandResult<Downloaded> {
    let (client, app) = client_and_app(&state).await?;
    let root = files::export_root(state.settings().export_folder.as_deref()).ok_or_else(|| {
        CommandError::new(
            "no_folder",
            "This computer has no Desktop, Downloads or home folder to save to.",
        )
    })?;
    state.cancel_download.store(false, Ordering::SeqCst);
    let result = download_tables(
        &client,
        &app,
        &root,
        &files::stamp_now(),
        &state.cancel_download,
        |p| {
            let _ = on_progress.send(p);
        },
    )
    .await
    .map_err(|e| CommandError::new(e.code(), e.plain()))?;
    state
        .written_folders
        .lock()
        .await
        .push(result.folder.clone());
    Ok(result)
}

#[tauri::command]
pub fn cancel_download(state: State<'_, AppState>) {
    state.cancel_download.store(true, Ordering::SeqCst);
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
            "unknown_folder",
            "Novaland only opens folders it wrote.",
        ));
    }
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|e| {
            CommandError::new(
                "open_failed",
                format!(
                    "The folder could not be opened ({e}). It is {}",
                    path.display()
                ),
            )
        })
}
