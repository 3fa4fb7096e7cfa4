//! The app picker: every app the account can reach, and the one chosen for the study.

use novaland_core::overview::{self, AppChoice};
use tauri::State;

use crate::commands::client;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::{AppState, SessionInfo};

#[tauri::command]
pub async fn list_apps(state: State<'_, AppState>) -> CommandResult<Vec<AppChoice>> {
    let client = client(&state).await?;
    Ok(overview::list_apps(&client).await?)
}

#[tauri::command]
pub async fn choose_app(state: State<'_, AppState>, name: String) -> CommandResult<SessionInfo> {
    choose(&state, name).await
}

/// Remembers the study's app; in practice mode only until the app closes.
pub async fn choose(state: &AppState, name: String) -> CommandResult<SessionInfo> {
    // The name goes into every later request's path: only a Heroku app name is kept.
    novaland_core::heroku::path::check_app_name(&name)?;
    // The log being followed belongs to the app chosen before.
    state.live_log.lock().await.take();
    let mut guard = state.session.lock().await;
    let session = guard.as_mut().ok_or_else(CommandError::signed_out)?;
    session.app = Some(name.clone());
    if !session.is_practice() {
        let mut settings = state.settings();
        settings.app = Some(name);
        state.save_settings(&settings).map_err(|e| {
            CommandError::new(
                ErrorCode::SettingsNotSaved,
                novaland_core::tr!("core-apps-choice-not-saved", detail = e.to_string()),
            )
        })?;
    }
    Ok(SessionInfo::of(session))
}
