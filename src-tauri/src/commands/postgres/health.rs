//! The Postgres screen's health card: plan, size, tables, connections, how full.

use novaland_core::postgres::{health, DatabaseHealth};
use tauri::State;

use crate::commands::client_and_app;
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn database_health(state: State<'_, AppState>) -> CommandResult<Vec<DatabaseHealth>> {
    let (client, app) = client_and_app(&state).await?;
    Ok(health(&client, &app).await?)
}
