//! The Postgres screen's reset card: empty the study's database, never losing data.

use novaland_core::confirm;
use novaland_core::postgres::reset::{reset, ResetOptions, ResetReport, ResetStep};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{relay, work};
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
    let w = work(&state, &job).await?;
    let (client, app, progress) = (&w.session.client, &w.session.app, relay(&on_progress));
    confirm::typed_name(&typed_name, app, confirm::Kept::Reset)?;
    // Practice mode's database is imaginary: only oTree's files (from the practice study).
    let study_url = w.session.endpoints.study_url(app);
    let options = ResetOptions::for_study(download_first, !w.session.practice, study_url);
    let (root, stamp, cancel) = (&w.root, &w.stamp, w.job.token());
    let report = reset(client, app, root, stamp, &options, cancel, progress).await?;
    state.wrote(report.written_folders()).await;
    Ok(report)
}
