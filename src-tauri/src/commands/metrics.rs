//! The Metrics screen: charts from the metrics the collector gathers from the log, the
//! readiness check with its fixes, and turning on Heroku's runtime metrics.

use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use novaland_core::clock::now_ms;
use novaland_core::metrics::chart::Theme;
use novaland_core::metrics::collector::collect;
use novaland_core::metrics::readiness::{self, Check, Fix};
use novaland_core::metrics::store::OpenError;
use novaland_core::metrics::view::{glance, metrics_view, Glance, MetricsView};
use novaland_core::metrics::MetricsStore;
use tauri::{AppHandle, Manager, Runtime, State};

use crate::commands::{client_and_app, current};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::{AppState, Collector};

/// `ensure_collector` beside the caller's work, not before it: opening the store stood in
/// the first Overview's way at start-up (issue 16, scripts/bench.sh window). A store that
/// cannot be opened must not hide the caller's screen either: the Metrics screen says why
/// when it asks.
pub(crate) fn start_collector<R: Runtime>(handle: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let _ = ensure_collector(&handle.state::<AppState>()).await;
    });
}

/// The store (opened once; practice mode's lives in memory) and a collector for the chosen
/// app, started if none follows it yet.
pub(crate) async fn ensure_collector(state: &AppState) -> CommandResult<Arc<MetricsStore>> {
    let current = current(state).await?;
    let (client, app, practice) = (current.client, current.app, current.practice);
    let store = {
        let mut slot = state.metrics.lock().await;
        match slot.as_ref().filter(|(p, _)| *p == practice) {
            Some((_, store)) => store.clone(),
            None => {
                // Opening the store on disk commits a write (two fsyncs): on the blocking
                // threads, so no async worker that answers the page waits for the disk.
                let opened =
                    tokio::task::spawn_blocking(move || MetricsStore::for_session(practice))
                        .await
                        .map_err(|e| OpenError::Failed(e.to_string()))?;
                let store = Arc::new(opened?);
                *slot = Some((practice, store.clone()));
                store
            }
        }
    };
    let mut collector = state.collector.lock().await;
    let running = collector
        .as_ref()
        .is_some_and(|c| c.app == app && c.practice == practice);
    if !running {
        let stop = Arc::new(AtomicBool::new(false));
        *collector = Some(Collector {
            app: app.clone(),
            practice,
            stop: stop.clone(),
        });
        let task_store = store.clone();
        tauri::async_runtime::spawn(async move {
            collect(&client, &app, task_store, &stop).await;
        });
    }
    Ok(store)
}

#[tauri::command]
pub async fn metrics_charts(
    state: State<'_, AppState>,
    hours: u32,
    tz_offset_min: i32,
    theme: Theme,
) -> CommandResult<MetricsView> {
    let store = ensure_collector(&state).await?;
    let (client, app) = client_and_app(&state).await?;
    Ok(metrics_view(&client, &app, &store, hours, tz_offset_min, theme).await?)
}

#[tauri::command]
pub async fn readiness_check(state: State<'_, AppState>) -> CommandResult<Vec<Check>> {
    let store = ensure_collector(&state).await?;
    let (client, app) = client_and_app(&state).await?;
    let recent = store.range(&app, now_ms() - 3_600_000).unwrap_or_default();
    let facts = readiness::gather(&client, &app, recent).await?;
    Ok(readiness::evaluate(&facts))
}

#[tauri::command]
pub async fn apply_fix(
    state: State<'_, AppState>,
    fix: Fix,
    timezone: String,
) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    readiness::apply(&client, &app, &fix, &timezone)
        .await
        .map_err(|why| CommandError::new(ErrorCode::FixFailed, why))
}

/// The last hour at a glance, for the Overview.
#[tauri::command]
pub async fn metrics_glance(state: State<'_, AppState>) -> CommandResult<Glance> {
    let store = ensure_collector(&state).await?;
    let (_, app) = client_and_app(&state).await?;
    let minutes = store.range(&app, now_ms() - 3_600_000).unwrap_or_default();
    Ok(glance(&minutes))
}
