//! The app's formation (its dynos: process types, sizes, counts) and maintenance mode, on the
//! Resources screen and from the Logs screen's explanation buttons.

use novaland_core::heroku;
use novaland_core::resources::formation::{self, ProcessView};
use serde::Serialize;
use tauri::State;

use crate::commands::client_and_app;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

#[derive(Serialize)]
pub struct FormationView {
    pub processes: Vec<ProcessView>,
    pub maintenance: bool,
    pub sizes: Vec<SizeInfo>,
}

#[derive(Serialize)]
pub struct SizeInfo {
    pub name: &'static str,
    pub monthly_cents: i64,
    pub memory_mb: u32,
}

#[tauri::command]
pub async fn list_formation(state: State<'_, AppState>) -> CommandResult<FormationView> {
    let (client, app) = client_and_app(&state).await?;
    let (processes, info) = tokio::try_join!(
        formation::list(&client, &app),
        heroku::apps::info(&client, &app)
    )?;
    Ok(FormationView {
        processes,
        maintenance: info.maintenance,
        sizes: formation::SIZES
            .iter()
            .map(|(name, monthly_cents, memory_mb)| SizeInfo {
                name,
                monthly_cents: *monthly_cents,
                memory_mb: *memory_mb,
            })
            .collect(),
    })
}

#[tauri::command]
pub async fn change_formation(
    state: State<'_, AppState>,
    process_type: String,
    size: String,
    quantity: i64,
) -> CommandResult<ProcessView> {
    if !(0..=100).contains(&quantity) {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            novaland_core::tr!("core-formation-quantity-range"),
        ));
    }
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
