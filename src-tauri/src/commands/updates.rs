//! Novaland's own updates (see crate::updates): the footer's "Look for updates" and the
//! offer's "Install and restart".

use novaland_core::updates::UpdateStatus;
use tauri::{AppHandle, Runtime, State};

use crate::error::CommandResult;
use crate::state::AppState;

/// Looks for a newer Novaland: `asked` when the researcher clicked, else the daily look.
#[tauri::command]
pub async fn look_for_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    asked: bool,
) -> CommandResult<UpdateStatus> {
    Ok(crate::updates::look(&app, &state, asked).await?)
}

/// Installs the downloaded update and starts the new version.
#[tauri::command]
pub async fn install_update<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    crate::updates::install(&state).await?;
    app.restart()
}

/// The version running, for the footer.
#[tauri::command]
pub fn novaland_version<R: Runtime>(app: AppHandle<R>) -> String {
    app.package_info().version.to_string()
}
