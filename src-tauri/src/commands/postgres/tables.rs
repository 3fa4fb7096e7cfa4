//! The Postgres screen's tables card: every table of the study's database as CSV, with
//! progress and Cancel.

use novaland_core::postgres::{download_tables, Downloaded, TableProgress};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{relay, work};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn download_database_tables(
    state: State<'_, AppState>,
    job: String,
    on_progress: Channel<TableProgress>,
) -> CommandResult<Downloaded> {
    let w = work(&state, &job).await?;
    let (client, app, progress) = (&w.session.client, &w.session.app, relay(&on_progress));
    let result = download_tables(client, app, &w.root, &w.stamp, w.job.token(), progress).await?;
    state.wrote([result.folder.clone()]).await;
    Ok(result)
}
