//! The Postgres screen's tables card: every table of the study's database as CSV, with
//! progress and Cancel.

use novaland_core::files;
use novaland_core::postgres::{download_tables, Downloaded, TableProgress};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{client_and_app, export_root, relay};
use crate::error::CommandResult;
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
    let (stamp, progress) = (files::stamp_now(), relay(&on_progress));
    let result = download_tables(&client, &app, &root, &stamp, job.token(), progress).await?;
    state.wrote([result.folder.clone()]).await;
    Ok(result)
}
