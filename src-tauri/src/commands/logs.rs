//! The Logs screen: follow the live log (batches over a Channel), search and filter the kept
//! lines, the Errors view, save what is shown, desktop notifications for crashes and new kinds
//! of errors, and the buttons the explanations offer.

use novaland_core::files;
use std::path::Path;

use novaland_core::logs::save::{save_matching, SavedLog};
use novaland_core::logs::{
    follow_alerting, Alert, ErrorGroup, Filter, FollowOptions, LogEntry, LogEvent,
};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_notification::NotificationExt;

use crate::commands::{client_and_app, export_root, relay};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::{AppState, LiveLog};

/// Lines kept for search: about 30 MB at Heroku's usual line lengths.
const KEPT_LINES: usize = 100_000;
/// Lines the screen shows at most (older ones stay searchable).
const SHOWN_LINES: usize = 1_000;

/// Starts following the chosen app's log (stopping any earlier one).
#[tauri::command]
pub async fn start_logs<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    on_progress: Channel<LogEvent>,
) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    let live = LiveLog::new(&app, KEPT_LINES);
    let (store, stop) = (live.store.clone(), live.stop.clone());
    *state.live_log.lock().await = Some(live);
    tauri::async_runtime::spawn(async move {
        let (options, progress) = (FollowOptions::default(), relay(&on_progress));
        let notify = |alert: &Alert| notify(&handle, alert);
        follow_alerting(&client, &app, store, &options, &stop, notify, progress).await;
    });
    Ok(())
}

/// A desktop notification; no notification service (a bare test session) is not an error.
fn notify<R: Runtime>(handle: &AppHandle<R>, alert: &Alert) {
    let builder = handle.notification().builder();
    let _ = builder.title(&alert.title).body(&alert.body).show();
}

#[tauri::command]
pub async fn stop_logs(state: State<'_, AppState>) -> CommandResult<()> {
    state.live_log.lock().await.take();
    Ok(())
}

#[derive(Serialize)]
pub struct LogView {
    pub entries: Vec<LogEntry>,
    pub matching: usize,
    pub kept: usize,
    pub dynos: Vec<String>,
}

/// The newest kept lines that match the screen's filters and search.
#[tauri::command]
pub async fn query_logs(state: State<'_, AppState>, filter: Filter) -> CommandResult<LogView> {
    let live = state.live_log.lock().await;
    let live = live.as_ref().ok_or_else(not_following)?;
    let store = live.store.lock().unwrap();
    Ok(LogView {
        entries: store.query(&filter, SHOWN_LINES),
        matching: store.count(&filter),
        kept: store.len(),
        dynos: store.dynos(),
    })
}

#[tauri::command]
pub async fn log_errors(state: State<'_, AppState>) -> CommandResult<Vec<ErrorGroup>> {
    let live = state.live_log.lock().await;
    let live = live.as_ref().ok_or_else(not_following)?;
    let groups = live.store.lock().unwrap().errors().list();
    Ok(groups)
}

/// Saves every kept line that matches the filters to `<folder>/<app>/log <stamp>.txt`.
#[tauri::command]
pub async fn save_logs(state: State<'_, AppState>, filter: Filter) -> CommandResult<SavedLog> {
    let root = export_root(&state)?;
    let saved = {
        let live = state.live_log.lock().await;
        let live = live.as_ref().ok_or_else(not_following)?;
        let store = live.store.lock().unwrap();
        save_matching(&store, &filter, &root, &live.app, &files::stamp_now())?
    };
    state
        .wrote(saved.path.parent().map(Path::to_path_buf))
        .await;
    Ok(saved)
}

fn not_following() -> CommandError {
    CommandError::new(
        ErrorCode::NotFollowing,
        novaland_core::tr!("core-logs-not-following"),
    )
}
