//! Heroku config vars on the Resources screen (the app's settings, as Heroku's Dashboard calls
//! them): secret-looking values reach the page only when the researcher asks to see one.

use novaland_core::resources::config_vars::{self, ConfigVar, Preset};
use serde::Serialize;
use tauri::State;

use crate::commands::client_and_app;
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

#[derive(Serialize)]
pub struct ConfigVars {
    pub config_vars: Vec<ConfigVar>,
    pub presets: &'static [Preset],
}

/// Config vars with secret values left out (`value` empty); `reveal_config_var` gives one.
#[tauri::command]
pub async fn list_config_vars(state: State<'_, AppState>) -> CommandResult<ConfigVars> {
    let (client, app) = client_and_app(&state).await?;
    Ok(ConfigVars {
        config_vars: config_vars::list_hiding_secrets(&client, &app).await?,
        presets: config_vars::PRESETS,
    })
}

#[tauri::command]
pub async fn reveal_config_var(state: State<'_, AppState>, name: String) -> CommandResult<String> {
    let (client, app) = client_and_app(&state).await?;
    config_vars::reveal(&client, &app, &name)
        .await?
        .ok_or_else(|| {
            CommandError::new(
                ErrorCode::NotFound,
                novaland_core::tr!("error-config-var-gone", name = name.as_str()),
            )
        })
}

#[tauri::command]
pub async fn set_config_var(
    state: State<'_, AppState>,
    name: String,
    value: String,
) -> CommandResult<()> {
    let name = name.trim().to_string();
    if !config_vars::valid_name(&name) {
        return Err(CommandError::new(
            ErrorCode::Invalid,
            novaland_core::tr!("error-config-var-bad-name"),
        ));
    }
    let (client, app) = client_and_app(&state).await?;
    config_vars::set(&client, &app, &name, &value).await?;
    Ok(())
}

#[tauri::command]
pub async fn remove_config_var(state: State<'_, AppState>, name: String) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    config_vars::remove(&client, &app, &name).await?;
    Ok(())
}

#[tauri::command]
pub fn generate_password() -> String {
    config_vars::strong_password()
}
