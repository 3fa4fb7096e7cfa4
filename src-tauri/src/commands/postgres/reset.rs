//! The Postgres screen's reset card: empty the study's database, never losing data.

use novaland_core::postgres::reset::{reset, ResetOptions, ResetReport, ResetStep};
use novaland_core::{confirm, files};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{current, export_root, relay, Current};
use crate::error::CommandResult;
use crate::state::AppState;

/// Resets the study's database after a backup and (by default) a download; the page sends
/// the app's name as typed, and nothing happens unless it matches.
#[tauri::command]
pub async fn reset_database(
    state: State<'_, AppState>,
    job: String,
    typed_name: String,
    download_first: bool,
    on_progress: Channel<ResetStep>,
) -> CommandResult<ResetReport> {
    let Current {
        client,
        app,
        endpoints,
        practice,
    } = current(&state).await?;
    confirm::typed_name(&typed_name, &app, "Nothing was reset.")?;
    let root = export_root(&state)?;
    let job = state.jobs.start(&job);
    // Practice mode's database is imaginary: only oTree's files (from the practice study).
    let options = ResetOptions::for_study(download_first, !practice, endpoints.study_url(&app));
    let (stamp, progress) = (files::stamp_now(), relay(&on_progress));
    let report = reset(
        &client,
        &app,
        &root,
        &stamp,
        &options,
        job.token(),
        progress,
    )
    .await?;
    state.wrote(report.written_folders()).await;
    Ok(report)
}
