//! The Postgres screen's backups card: Heroku's backups, capture, download, delete, schedule.

use std::time::Duration;

use novaland_core::confirm;
use novaland_core::postgres::backups::{
    self, Backup, CaptureProgress, DownloadProgress, SavedBackup, Schedule,
};
use novaland_core::postgres::restore::{restore, RestoreOptions, RestoreReport, RestoreStep};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{client_and_app, relay, work};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<Backup>> {
    let (client, app) = client_and_app(&state).await?;
    Ok(backups::list(&client, &app).await?)
}

#[tauri::command]
pub async fn capture_backup(
    state: State<'_, AppState>,
    job: String,
    on_progress: Channel<CaptureProgress>,
) -> CommandResult<Backup> {
    let (client, app) = client_and_app(&state).await?;
    let (job, progress) = (state.jobs.start(&job), relay(&on_progress));
    let every = Duration::from_secs(2);
    Ok(backups::capture(&client, &app, every, job.token(), progress).await?)
}

#[tauri::command]
pub async fn download_backup(
    state: State<'_, AppState>,
    job: String,
    num: i64,
    on_progress: Channel<DownloadProgress>,
) -> CommandResult<SavedBackup> {
    let w = work(&state, &job).await?;
    let (client, app, progress) = (&w.session.client, &w.session.app, relay(&on_progress));
    let saved = backups::save(client, app, num, &w.root, &w.stamp, w.job.token(), progress).await?;
    state.wrote([saved.folder.clone()]).await;
    Ok(saved)
}

/// Deletes a backup; the page must send the app's name as the researcher typed it.
#[tauri::command]
pub async fn delete_backup(
    state: State<'_, AppState>,
    num: i64,
    typed_name: String,
) -> CommandResult<Vec<Backup>> {
    let (client, app) = client_and_app(&state).await?;
    confirm::typed_name(&typed_name, &app, confirm::Kept::Deleted)?;
    backups::delete(&client, &app, num).await?;
    Ok(backups::list(&client, &app).await?)
}

#[tauri::command]
pub async fn backup_schedule(state: State<'_, AppState>) -> CommandResult<Option<Schedule>> {
    let (client, app) = client_and_app(&state).await?;
    Ok(backups::schedule(&client, &app).await?)
}

/// Daily backups at `hour` in the researcher's time zone (the page sends it).
#[tauri::command]
pub async fn set_backup_schedule(
    state: State<'_, AppState>,
    hour: u8,
    timezone: String,
) -> CommandResult<Schedule> {
    let (client, app) = client_and_app(&state).await?;
    Ok(backups::set_schedule(&client, &app, hour, &timezone).await?)
}

#[tauri::command]
pub async fn stop_backup_schedule(state: State<'_, AppState>) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    Ok(backups::unschedule(&client, &app).await?)
}

/// Puts backup `num` back into the study's database after a safety backup of what is there
/// now; the page sends the app's name as typed, and nothing happens unless it matches.
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    job: String,
    num: i64,
    typed_name: String,
    on_progress: Channel<RestoreStep>,
) -> CommandResult<RestoreReport> {
    let (client, app) = client_and_app(&state).await?;
    confirm::typed_name(&typed_name, &app, confirm::Kept::Restored)?;
    let (job, progress) = (state.jobs.start(&job), relay(&on_progress));
    let options = RestoreOptions::default();
    Ok(restore(&client, &app, num, &options, job.token(), progress).await?)
}
