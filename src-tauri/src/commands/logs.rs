//! The Logs screen: follow the live log (batches over a Channel), search and filter the kept
//! lines, the Errors view, save what is shown, desktop notifications for crashes and new kinds
//! of errors, and the buttons the explanations offer.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use novaland_core::clock::now_ms;
use novaland_core::files;
use novaland_core::logs::save::save_lines;
use novaland_core::logs::{
    follow, Alerts, ErrorGroup, Filter, FollowOptions, LogEntry, LogEvent, LogStore,
};
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_notification::NotificationExt;

use crate::commands::{client_and_app, export_root};
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
    let store = Arc::new(std::sync::Mutex::new(LogStore::new(KEPT_LINES)));
    let stop = Arc::new(AtomicBool::new(false));
    *state.live_log.lock().await = Some(LiveLog {
        app: app.clone(),
        store: store.clone(),
        stop: stop.clone(),
    });
    let started = now_ms();
    tauri::async_runtime::spawn(async move {
        let mut alerts = Alerts::new(started);
        let watched = store.clone();
        follow(
            &client,
            &app,
            store,
            &FollowOptions::default(),
            &stop,
            |event| {
                if let LogEvent::Lines { entries } = &event {
                    let found = {
                        let mut store = watched.lock().unwrap();
                        alerts.check(&app, entries, store.errors_mut())
                    };
                    for alert in found {
                        // No notification service (a bare test session) is not an error.
                        let _ = handle
                            .notification()
                            .builder()
                            .title(&alert.title)
                            .body(&alert.body)
                            .show();
                    }
                }
                let _ = on_progress.send(event);
            },
        )
        .await;
    });
    Ok(())
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

#[derive(Serialize)]
pub struct SavedLog {
    pub path: std::path::PathBuf,
    pub lines: usize,
}

/// Saves every kept line that matches the filters to `<folder>/<app>/log <stamp>.txt`.
#[tauri::command]
pub async fn save_logs(state: State<'_, AppState>, filter: Filter) -> CommandResult<SavedLog> {
    let root = export_root(&state)?;
    let (entries, app) = {
        let live = state.live_log.lock().await;
        let live = live.as_ref().ok_or_else(not_following)?;
        let store = live.store.lock().unwrap();
        (store.query(&filter, usize::MAX), live.app.clone())
    };
    let path = save_lines(&entries, &root, &app, &files::stamp_now()).map_err(|e| {
        CommandError::new(
            ErrorCode::WriteFailed,
            format!(
                "The log could not be saved: {}. Nothing half-written was left behind.",
                files::write_problem(&e)
            ),
        )
    })?;
    if let Some(folder) = path.parent() {
        state
            .written_folders
            .lock()
            .await
            .push(folder.to_path_buf());
    }
    Ok(SavedLog {
        path,
        lines: entries.len(),
    })
}

fn not_following() -> CommandError {
    CommandError::new(
        ErrorCode::NotFollowing,
        "The log is not open. Open the Logs screen again.",
    )
}
