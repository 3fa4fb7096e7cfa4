//! The Postgres screen's tables card: every table of the study's database as CSV, with
//! progress and Cancel.

use novaland_core::files;
use novaland_core::postgres::{download_tables, Downloaded, TableProgress};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{client_and_app, export_root};
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

#[tauri::command]
pub async fn download_database_tables(
    state: State<'_, AppState>,
    job: String,
    on_progress: Channel<TableProgress>,
) -> CommandResult<Downloaded> {
    let (client, app) = client_and_app(&state).await?;
    let root = export_root(&state)?;
    let job = state.jobs.start(&job);
    let result = download_tables(
        &client,
        &app,
        &root,
        &files::stamp_now(),
        job.token(),
        |p| {
            let _ = on_progress.send(p);
        },
    )
    .await
    .map_err(CommandError::from)?;
    state
        .written_folders
        .lock()
        .await
        .push(result.folder.clone());
    Ok(result)
}
