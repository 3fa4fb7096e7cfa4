//! Long jobs' Cancel buttons (each job has its own; see novaland_core::jobs).

use tauri::State;

use crate::state::AppState;

/// Cancels one job under way (the page names it); the others go on.
#[tauri::command]
pub fn cancel_job(state: State<'_, AppState>, job: String) -> bool {
    state.jobs.cancel(&job)
}
