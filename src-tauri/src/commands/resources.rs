//! The Resources screen's add-ons (and the marketplace), collaborators and releases. Its
//! formation (dynos) and config vars have their own modules.

use novaland_core::heroku::{
    self,
    models::{AddOn, Release},
};
use novaland_core::resources::addons::{self, Plan, Removed, Service};
use novaland_core::resources::collaborators::{self, Person};
use novaland_core::resources::releases;
use std::path::Path;

use novaland_core::confirm;
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::overview::open;
use crate::commands::{client_and_app, not_in_practice, work};
use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_addons(state: State<'_, AppState>) -> CommandResult<Vec<AddOn>> {
    let (client, app) = client_and_app(&state).await?;
    Ok(heroku::addons::list(&client, &app).await?)
}

#[tauri::command]
pub async fn marketplace(state: State<'_, AppState>, query: String) -> CommandResult<Vec<Service>> {
    let (client, _) = client_and_app(&state).await?;
    Ok(addons::marketplace(&client, &query).await?)
}

#[tauri::command]
pub async fn addon_plans(state: State<'_, AppState>, service: String) -> CommandResult<Vec<Plan>> {
    let (client, _) = client_and_app(&state).await?;
    Ok(addons::plans(&client, &service).await?)
}

/// Adds a plan and reports each state Heroku gives until the add-on is ready.
#[tauri::command]
pub async fn add_addon(
    state: State<'_, AppState>,
    job: String,
    plan: String,
    on_progress: Channel<AddOn>,
) -> CommandResult<AddOn> {
    let (client, app) = client_and_app(&state).await?;
    let (job, every) = (state.jobs.start(&job), std::time::Duration::from_secs(2));
    let progress = |a: &AddOn| drop(on_progress.send(a.clone()));
    Ok(addons::add(&client, &app, &plan, every, job.token(), progress).await?)
}

#[tauri::command]
pub async fn change_addon_plan(
    state: State<'_, AppState>,
    addon: String,
    plan: String,
) -> CommandResult<AddOn> {
    let (client, app) = client_and_app(&state).await?;
    Ok(addons::change_plan(&client, &app, &addon, &plan).await?)
}

/// Removes an add-on once the app's name is typed; a database's backup is saved first.
#[tauri::command]
pub async fn remove_addon(
    state: State<'_, AppState>,
    job: String,
    addon: String,
    typed_name: String,
    on_progress: Channel<String>,
) -> CommandResult<Removed> {
    let w = work(&state, &job).await?;
    let (client, app) = (&w.session.client, &w.session.app);
    confirm::typed_name(&typed_name, app, confirm::Kept::Removed)?;
    let step = |s: &str| drop(on_progress.send(s.to_string()));
    let removed =
        addons::remove_named(client, app, &addon, &w.root, &w.stamp, w.job.token(), step).await?;
    let backup_folder = removed.backup_file.as_deref().and_then(Path::parent);
    state.wrote(backup_folder.map(Path::to_path_buf)).await;
    Ok(removed)
}

/// Opens the add-on's own dashboard (Heroku's add-on sign-in); the address comes from Heroku.
#[tauri::command]
pub async fn open_addon(state: State<'_, AppState>, addon: String) -> CommandResult<()> {
    not_in_practice(&state, novaland_core::tr!("error-addon-practice-dashboard")).await?;
    let (client, app) = client_and_app(&state).await?;
    let url = addons::dashboard_url(&client, &app, &addon).await?;
    open(&url).await
}

#[tauri::command]
pub async fn list_collaborators(state: State<'_, AppState>) -> CommandResult<Vec<Person>> {
    let (client, app) = client_and_app(&state).await?;
    Ok(collaborators::list(&client, &app).await?)
}

#[tauri::command]
pub async fn invite_collaborator(
    state: State<'_, AppState>,
    email: String,
) -> CommandResult<Person> {
    collaborators::check_email(&email)?;
    let (client, app) = client_and_app(&state).await?;
    Ok(collaborators::invite(&client, &app, &email).await?)
}

#[tauri::command]
pub async fn remove_collaborator(state: State<'_, AppState>, email: String) -> CommandResult<()> {
    let (client, app) = client_and_app(&state).await?;
    Ok(collaborators::remove(&client, &app, &email).await?)
}

#[tauri::command]
pub async fn list_releases(state: State<'_, AppState>) -> CommandResult<Vec<Release>> {
    let (client, app) = client_and_app(&state).await?;
    Ok(releases::list(&client, &app, 25).await?)
}

#[tauri::command]
pub async fn rollback_release(
    state: State<'_, AppState>,
    release: String,
    typed_name: String,
) -> CommandResult<Release> {
    let (client, app) = client_and_app(&state).await?;
    confirm::typed_name(&typed_name, &app, confirm::Kept::RolledBack)?;
    Ok(releases::rollback(&client, &app, &release).await?)
}
