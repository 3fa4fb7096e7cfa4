//! The Postgres screen's reset card: empty the study's database, never losing data.

use novaland_core::otree::export::DataOptions;
use novaland_core::postgres::reset::{reset, ResetOptions, ResetReport, ResetStep};
use novaland_core::{confirm, files};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{current, export_root, Current};
use crate::error::{CommandError, CommandResult};
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
