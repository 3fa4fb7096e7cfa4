//! The Postgres screen: download every table of the study's database to the Desktop, with
//! progress over a Channel and a Cancel button; then show the folder.

use std::path::PathBuf;

use novaland_core::{confirm, files};
use std::time::Duration;

use novaland_core::otree::export::DataOptions;
use novaland_core::otree::{
    download_participant_data as download_participant_data_into, DataProgress, ParticipantData,
};
use novaland_core::postgres::backups::{self, Backup, CaptureProgress, DownloadProgress, Schedule};
use novaland_core::postgres::reset::{reset, ResetOptions, ResetReport, ResetStep};
use novaland_core::postgres::{download_tables, health, DatabaseHealth, Downloaded, TableProgress};
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_opener::OpenerExt;

use crate::commands::{client_and_app, current, export_root, Current};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

#[tauri::command]
pub async fn database_health(state: State<'_, AppState>) -> CommandResult<Vec<DatabaseHealth>> {
    let (client, app) = client_and_app(&state).await?;
    Ok(health(&client, &app).await?)
}

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

/// "Download data": oTree's own files from the study's server. In practice mode the study is
/// the simulator's practice oTree.
#[tauri::command]
pub async fn download_participant_data(
    state: State<'_, AppState>,
    job: String,
    for_excel: bool,
    on_progress: Channel<DataProgress>,
) -> CommandResult<ParticipantData> {
    let Current {
        client,
        app,
        endpoints,
        ..
    } = current(&state).await?;
    let root = export_root(&state)?;
    let options = DataOptions {
        for_excel,
        study_url: endpoints.study_url(&app),
    };
    let job = state.jobs.start(&job);
    let result = download_participant_data_into(
        &client,
        &app,
        &root,
        &files::stamp_now(),
        &options,
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

/// Cancels one job under way (the page names it); the others go on.
#[tauri::command]
pub fn cancel_job(state: State<'_, AppState>, job: String) -> bool {
    state.jobs.cancel(&job)
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<Backup>> {
    let (client, app) = client_and_app(&state).await?;
    backups::list(&client, &app)
        .await
        .map_err(CommandError::from)
}

#[tauri::command]
pub async fn capture_backup(
    state: State<'_, AppState>,
    job: String,
    on_progress: Channel<CaptureProgress>,
) -> CommandResult<Backup> {
    let (client, app) = client_and_app(&state).await?;
    let job = state.jobs.start(&job);
    backups::capture(&client, &app, Duration::from_secs(2), job.token(), |p| {
        let _ = on_progress.send(p);
    })
    .await
    .map_err(CommandError::from)
}

#[derive(serde::Serialize)]
pub struct SavedFile {
    pub path: PathBuf,
    pub folder: PathBuf,
}

#[tauri::command]
pub async fn download_backup(
    state: State<'_, AppState>,
    job: String,
    num: i64,
    on_progress: Channel<DownloadProgress>,
) -> CommandResult<SavedFile> {
    let (client, app) = client_and_app(&state).await?;
    let backup = backups::list(&client, &app)
        .await
        .map_err(CommandError::from)?
        .into_iter()
        .find(|b| b.num == num)
        .ok_or_else(|| CommandError::new(ErrorCode::NotFound, "That backup no longer exists."))?;
    let root = export_root(&state)?;
    let folder = files::dated_folder(&root, &app, &files::stamp_now()).map_err(|e| {
        CommandError::new(
            ErrorCode::NoFolder,
            format!("The folder could not be made ({e})."),
        )
    })?;
    let job = state.jobs.start(&job);
    let result = backups::download(&client, &app, &backup, &folder, job.token(), |p| {
        let _ = on_progress.send(p);
    })
    .await;
    match result {
        Ok(path) => {
            state.written_folders.lock().await.push(folder.clone());
            Ok(SavedFile { path, folder })
        }
        Err(e) => {
            let _ = std::fs::remove_dir(&folder);
            Err(e.into())
        }
    }
}

/// Deletes a backup; the page must send the app's name as the researcher typed it.
#[tauri::command]
pub async fn delete_backup(
    state: State<'_, AppState>,
    num: i64,
    typed_name: String,
) -> CommandResult<Vec<Backup>> {
    let (client, app) = client_and_app(&state).await?;
    confirm::typed_name(&typed_name, &app, "Nothing was deleted.")?;
    backups::delete(&client, &app, num)
        .await
        .map_err(CommandError::from)?;
    backups::list(&client, &app)
        .await
        .map_err(CommandError::from)
}

#[tauri::command]
pub async fn backup_schedule(state: State<'_, AppState>) -> CommandResult<Option<Schedule>> {
    let (client, app) = client_and_app(&state).await?;
    backups::schedule(&client, &app)
        .await
        .map_err(CommandError::from)
}

/// Daily backups at `hour` in the researcher's time zone (the page sends it).
#[tauri::command]
pub async fn set_backup_schedule(
    state: State<'_, AppState>,
    hour: u8,
    timezone: String,
) -> CommandResult<Schedule> {
    let (client, app) = client_and_app(&state).await?;
    backups::set_schedule(&client, &app, hour, &timezone)
        .await
        .map_err(CommandError::from)
}

#[tauri::command]
pub async fn stop_backup_schedule(state: State<'_, AppState>) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    backups::unschedule(&client, &app)
        .await
        .map_err(CommandError::from)
}

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
    let options = ResetOptions {
        download_first,
        tables: !practice,
        otree_files: Some(DataOptions {
            for_excel: true,
            study_url: endpoints.study_url(&app),
        }),
        ..ResetOptions::default()
    };
    let report = reset(
        &client,
        &app,
        &root,
        &files::stamp_now(),
        &options,
        job.token(),
        |step| {
            let _ = on_progress.send(step);
        },
    )
    .await
    .map_err(CommandError::from)?;
    let mut written = state.written_folders.lock().await;
    written.extend(report.downloaded.iter().map(|d| d.folder.clone()));
    written.extend(report.participant_data.iter().map(|d| d.folder.clone()));
    drop(written);
    Ok(report)
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
