//! Papertrail and Sentry on the Logs screen: which the app has, Papertrail's search with the
//! app's own token (read from the config vars right before use), Sentry's issues with the
//! researcher's auth token (checked, then kept in the keychain).

use novaland_core::addon_apis::papertrail::{self, Found, Query};
use novaland_core::addon_apis::sentry::{self, Issue, Project, SavedToken, StackTrace};
use novaland_core::addon_apis::AddonApis;
use novaland_core::heroku::HerokuClient;
use novaland_core::heroku::{self, models::ConfigVars};
use tauri::State;

use crate::commands::overview::open;
use crate::commands::{client_and_app, current, not_in_practice, Current};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

async fn vars(client: &HerokuClient, app: &str) -> CommandResult<ConfigVars> {
    Ok(heroku::config_vars::get(client, app).await?)
}

fn var(vars: &ConfigVars, name: &str) -> Option<String> {
    vars.get(name).cloned().flatten().filter(|v| !v.is_empty())
}

#[tauri::command]
pub async fn addon_apis(state: State<'_, AppState>) -> CommandResult<AddonApis> {
    let Current {
        client,
        app,
        practice,
        ..
    } = current(&state).await?;
    let vars = vars(&client, &app).await?;
    // The keychain is read only for an app that reports to Sentry.
    let connected =
        var(&vars, "SENTRY_DSN").is_some() && sentry_token(&state, practice).await?.is_some();
    let practice_token = practice.then_some(heroku_sim::SENTRY_TOKEN);
    Ok(novaland_core::addon_apis::found(
        &vars,
        connected,
        practice_token,
    ))
}

#[tauri::command]
pub async fn papertrail_search(state: State<'_, AppState>, query: Query) -> CommandResult<Found> {
    let Current {
        client,
        app,
        endpoints,
        ..
    } = current(&state).await?;
    let token = var(&vars(&client, &app).await?, "PAPERTRAIL_API_TOKEN").ok_or_else(|| {
        CommandError::new(
            ErrorCode::NoPapertrail,
            novaland_core::tr!("core-papertrail-none"),
        )
    })?;
    Ok(papertrail::search(&endpoints.papertrail, &token, &query).await?)
}

/// Opens Papertrail's dashboard through Heroku's add-on sign-in (the add-on's web URL).
#[tauri::command]
pub async fn open_papertrail(state: State<'_, AppState>) -> CommandResult<()> {
    not_in_practice(&state, novaland_core::tr!("core-papertrail-practice")).await?;
    let (client, app) = client_and_app(&state).await?;
    let addons = heroku::addons::list(&client, &app).await?;
    open(&papertrail::dashboard_url(&addons)?).await
}

async fn sentry_token(state: &AppState, practice: bool) -> CommandResult<Option<SavedToken>> {
    if practice {
        return Ok(state.practice_sentry_token.lock().await.clone());
    }
    Ok(state
        .sentry_store
        .get()?
        .map(|v| SavedToken::from_keychain(&v)))
}

/// The project the app's SENTRY_DSN names, where to ask it, and whether this is practice.
async fn sentry_project(state: &AppState) -> CommandResult<(Project, Option<String>, bool)> {
    let Current {
        client,
        app,
        endpoints,
        practice,
    } = current(state).await?;
    let dsn = var(&vars(&client, &app).await?, "SENTRY_DSN").ok_or_else(|| {
        CommandError::new(
            ErrorCode::NoSentry,
            novaland_core::tr!("core-sentry-no-dsn"),
        )
    })?;
    let project = sentry::project_of(&dsn).ok_or_else(|| {
        CommandError::new(
            ErrorCode::NoSentry,
            novaland_core::tr!("core-sentry-unreadable-dsn"),
        )
    })?;
    Ok((project, endpoints.sentry, practice))
}

/// Checks the token by reading the issues, and keeps it only if that worked. A Sentry that is
/// not sentry.io is asked only when the page passes its host back as confirmed (after showing
/// it to the researcher), and the token is kept together with that host.
#[tauri::command]
pub async fn connect_sentry(
    state: State<'_, AppState>,
    token: String,
    confirm_host: Option<String>,
) -> CommandResult<Vec<Issue>> {
    let token = sentry::pasted_token(&token)?;
    let (project, base, practice) = sentry_project(&state).await?;
    let saved = SavedToken::for_project(token, confirm_host, &project);
    let issues = sentry::unresolved_with(&project, base.as_deref(), &saved).await?;
    if practice {
        *state.practice_sentry_token.lock().await = Some(saved);
    } else {
        state.sentry_store.set(&saved.to_keychain())?;
    }
    Ok(issues)
}

/// The app's Sentry project, where its API is, and the token connected for it (an error
/// that says to connect one when there is none).
async fn connected_sentry(
    state: &AppState,
) -> CommandResult<(Project, Option<String>, SavedToken)> {
    let (project, base, practice) = sentry_project(state).await?;
    let token = sentry_token(state, practice).await?.ok_or_else(|| {
        CommandError::new(
            ErrorCode::NoToken,
            novaland_core::tr!("core-sentry-connect-first"),
        )
    })?;
    Ok((project, base, token))
}

#[tauri::command]
pub async fn sentry_issues(state: State<'_, AppState>) -> CommandResult<Vec<Issue>> {
    let (project, base, token) = connected_sentry(&state).await?;
    Ok(sentry::unresolved_with(&project, base.as_deref(), &token).await?)
}

/// Where one issue's latest event failed: its stack trace, the study's own frames first.
#[tauri::command]
pub async fn sentry_stack_trace(
    state: State<'_, AppState>,
    id: String,
) -> CommandResult<StackTrace> {
    let (project, base, token) = connected_sentry(&state).await?;
    Ok(sentry::latest_stack_trace(&project, base.as_deref(), &token, &id).await?)
}

#[tauri::command]
pub async fn forget_sentry(state: State<'_, AppState>) -> CommandResult<()> {
    state.practice_sentry_token.lock().await.take();
    if !current(&state).await?.practice {
        state.sentry_store.delete()?;
    }
    Ok(())
}

/// Opens one issue in the browser; the address comes from Sentry, not from the page.
#[tauri::command]
pub async fn open_sentry_issue(state: State<'_, AppState>, id: String) -> CommandResult<()> {
    not_in_practice(&state, novaland_core::tr!("core-sentry-practice")).await?;
    let url = sentry::issue_link(sentry_issues(state).await?, &id)?;
    open(&url).await
}
