//! The app's formation (its dynos: process types, sizes, counts) and maintenance mode, on the
//! Resources screen and from the Logs screen's explanation buttons.

use novaland_core::resources::formation::{self, FormationView, ProcessView};
use tauri::State;

use crate::commands::client_and_app;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_formation(state: State<'_, AppState>) -> CommandResult<FormationView> {
    let (client, app) = client_and_app(&state).await?;
    Ok(formation::full_view(&client, &app).await?)
}

#[tauri::command]
pub async fn change_formation(
    state: State<'_, AppState>,
    process_type: String,
    size: String,
    quantity: i64,
) -> CommandResult<ProcessView> {
    formation::check_quantity(quantity)?;
    let (client, app) = client_and_app(&state).await?;
    Ok(formation::change(&client, &app, &process_type, &size, quantity).await?)
}

#[tauri::command]
pub async fn set_maintenance(state: State<'_, AppState>, on: bool) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    Ok(formation::set_maintenance(&client, &app, on).await?)
}

/// H14's button: one web dyno.
#[tauri::command]
pub async fn start_web_dyno(state: State<'_, AppState>) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    formation::scale(&client, &app, "web", 1).await?;
    Ok(())
}

#[tauri::command]
pub async fn restart_dynos(state: State<'_, AppState>) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    Ok(formation::restart_all(&client, &app).await?)
}

#[tauri::command]
pub async fn end_maintenance(state: State<'_, AppState>) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    Ok(formation::set_maintenance(&client, &app, false).await?)
}
