//! Papertrail and Sentry on the Logs screen: which the app has, Papertrail's search with the
//! app's own token (read from the config vars right before use), Sentry's issues with the
//! researcher's auth token (checked, then kept in the keychain).

use novaland_core::addons::papertrail::{self, Found, Query};
use novaland_core::addons::sentry::{self, Issue, Project};
use novaland_core::addons::AddonError;
use novaland_core::heroku::models::{AddOn, ConfigVars};
use novaland_core::heroku::HerokuClient;
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};

use crate::commands::client_and_app;
use crate::commands::overview::open;
use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

impl From<AddonError> for CommandError {
    fn from(e: AddonError) -> Self {
        CommandError::new(e.code(), e.plain())
    }
}

#[derive(Serialize)]
pub struct LogAddons {
    pub papertrail: bool,
    pub sentry: Option<SentryInfo>,
}

#[derive(Serialize)]
pub struct SentryInfo {
    pub connected: bool,
    pub project: String,
    /// Practice mode: the token its Sentry accepts.
    pub practice_token: Option<&'static str>,
}

async fn vars(client: &HerokuClient, app: &str) -> CommandResult<ConfigVars> {
    Ok(client.get(&format!("apps/{app}/config-vars")).await?)
}

fn var(vars: &ConfigVars, name: &str) -> Option<String> {
    vars.get(name).cloned().flatten().filter(|v| !v.is_empty())
}

async fn practice(state: &AppState) -> Option<String> {
    state
        .practice_sim
        .lock()
        .await
        .as_ref()
        .map(|s| s.base_url().to_string())
}

#[tauri::command]
pub async fn log_addons(state: State<'_, AppState>) -> CommandResult<LogAddons> {
    let (client, app) = client_and_app(&state).await?;
    let vars = vars(&client, &app).await?;
    let practice = practice(&state).await.is_some();
    let sentry = match var(&vars, "SENTRY_DSN") {
        Some(dsn) => Some(SentryInfo {
            connected: sentry_token(&state).await?.is_some(),
            project: sentry::project_of(&dsn)
                .map(|p| format!("project {} of organisation {}", p.project, p.org))
                .unwrap_or_else(|| "an unreadable SENTRY_DSN".into()),
            practice_token: practice.then_some(heroku_sim::SENTRY_TOKEN),
        }),
        None => None,
    };
    Ok(LogAddons {
        papertrail: var(&vars, "PAPERTRAIL_API_TOKEN").is_some(),
        sentry,
    })
}

#[tauri::command]
pub async fn papertrail_search(state: State<'_, AppState>, query: Query) -> CommandResult<Found> {
    let (client, app) = client_and_app(&state).await?;
    let token = var(&vars(&client, &app).await?, "PAPERTRAIL_API_TOKEN").ok_or_else(|| {
        CommandError::new(
            "no_papertrail",
            "This app has no Papertrail add-on (no PAPERTRAIL_API_TOKEN setting).",
        )
    })?;
    let base = match practice(&state).await {
        Some(sim) => format!("{sim}/__sim/papertrail/api/v1/"),
        None => state.papertrail_url.clone(),
    };
    Ok(papertrail::search(&base, &token, &query).await?)
}

/// Opens Papertrail's dashboard through Heroku's add-on sign-in (the add-on's web URL).
#[tauri::command]
pub async fn open_papertrail<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    if practice(&state).await.is_some() {
        return Err(CommandError::new("practice", "In practice mode there is no real Papertrail to open. With your own account, this opens Papertrail's dashboard, signed in through Heroku."));
    }
    let (client, app) = client_and_app(&state).await?;
    let addons: Vec<AddOn> = client.list(&format!("apps/{app}/addons")).await?;
    let url = addons
        .iter()
        .find(|a| a.addon_service.name == "papertrail")
        .and_then(|a| a.web_url.clone())
        .filter(|u| u.starts_with("https://"))
        .ok_or_else(|| {
            CommandError::new(
                "no_papertrail",
                "Heroku gives no dashboard address for the Papertrail add-on.",
            )
        })?;
    open(&handle, &url)
}

async fn sentry_token(state: &AppState) -> CommandResult<Option<String>> {
    if practice(state).await.is_some() {
        return Ok(state.practice_sentry_token.lock().await.clone());
    }
    Ok(state.sentry_store.get()?)
}

async fn sentry_project(state: &AppState) -> CommandResult<(Project, Option<String>)> {
    let (client, app) = client_and_app(state).await?;
    let dsn = var(&vars(&client, &app).await?, "SENTRY_DSN")
        .ok_or_else(|| CommandError::new("no_sentry", "This app has no SENTRY_DSN setting."))?;
    let project = sentry::project_of(&dsn).ok_or_else(|| {
        CommandError::new(
            "no_sentry",
            "The app's SENTRY_DSN setting could not be read.",
        )
    })?;
    let base = match practice(state).await {
        Some(sim) => Some(format!("{sim}/__sim/sentry/api/0/")),
        None => state.sentry_url.clone(),
    };
    Ok((project, base))
}

/// Checks the token by reading the issues, and keeps it only if that worked.
#[tauri::command]
pub async fn connect_sentry(
    state: State<'_, AppState>,
    token: String,
) -> CommandResult<Vec<Issue>> {
    let token = token.trim().to_string();
    if token.is_empty() {
        return Err(CommandError::new(
            "empty",
            "Paste the Sentry auth token first.",
        ));
    }
    let (project, base) = sentry_project(&state).await?;
    let issues = sentry::unresolved(&project, base.as_deref(), &token).await?;
    if practice(&state).await.is_some() {
        *state.practice_sentry_token.lock().await = Some(token);
    } else {
        state.sentry_store.set(&token)?;
    }
    Ok(issues)
}

#[tauri::command]
pub async fn sentry_issues(state: State<'_, AppState>) -> CommandResult<Vec<Issue>> {
    let token = sentry_token(&state)
        .await?
        .ok_or_else(|| CommandError::new("no_token", "Connect Sentry with an auth token first."))?;
    let (project, base) = sentry_project(&state).await?;
    Ok(sentry::unresolved(&project, base.as_deref(), &token).await?)
}

#[tauri::command]
pub async fn forget_sentry(state: State<'_, AppState>) -> CommandResult<()> {
    state.practice_sentry_token.lock().await.take();
    if practice(&state).await.is_none() {
        state.sentry_store.delete()?;
    }
    Ok(())
}

/// Opens one issue in the browser; the address comes from Sentry, not from the page.
#[tauri::command]
pub async fn open_sentry_issue<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<()> {
    if practice(&state).await.is_some() {
        return Err(CommandError::new("practice", "In practice mode there is no real Sentry to open. With your own account, this opens the issue on sentry.io."));
    }
    let issues = sentry_issues(state).await?;
    let url = issues
        .into_iter()
        .find(|i| i.id == id)
        .map(|i| i.permalink)
        .filter(|u| u.starts_with("https://"))
        .ok_or_else(|| {
            CommandError::new("not_found", "That issue is no longer in Sentry's list.")
        })?;
    open(&handle, &url)
}
