//! One module per screen or card (postgres/ has one per card of the Postgres screen). Commands
//! only translate: they take what they need from the state, call one novaland-core function,
//! and hand back plain data or a `{code, message}` error.

pub mod addon_apis;
pub mod apps;
pub mod config_vars;
pub mod formation;
pub mod jobs;
pub mod logs;
pub mod metrics;
pub mod new_study;
pub mod overview;
pub mod postgres;
pub mod resources;
pub mod session;
pub mod settings;
pub mod updates;

use novaland_core::heroku::HerokuClient;

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::{AppState, Endpoints};

/// The signed-in client and the chosen app, cloned out so no lock is held over a request.
pub(crate) async fn client_and_app(state: &AppState) -> CommandResult<(HerokuClient, String)> {
    let session = state.session.lock().await;
    let session = session.as_ref().ok_or_else(CommandError::signed_out)?;
    let app = session.app.clone().ok_or_else(CommandError::no_app)?;
    Ok((session.client.clone(), app))
}

/// What a command needs of the session, cloned out so no lock is held over a request.
pub(crate) struct Current {
    pub client: HerokuClient,
    pub app: String,
    pub endpoints: Endpoints,
    pub practice: bool,
}

pub(crate) async fn current(state: &AppState) -> CommandResult<Current> {
    let session = state.session.lock().await;
    let session = session.as_ref().ok_or_else(CommandError::signed_out)?;
    Ok(Current {
        client: session.client.clone(),
        app: session.app.clone().ok_or_else(CommandError::no_app)?,
        endpoints: session.endpoints.clone(),
        practice: session.is_practice(),
    })
}

/// Refuses, with `why`, what a practice session cannot do (open a real service's page).
pub(crate) async fn not_in_practice(state: &AppState, why: String) -> CommandResult<()> {
    if current(state).await?.practice {
        return Err(CommandError::new(ErrorCode::Practice, why));
    }
    Ok(())
}

pub(crate) async fn client(state: &AppState) -> CommandResult<HerokuClient> {
    let session = state.session.lock().await;
    Ok(session
        .as_ref()
        .ok_or_else(CommandError::signed_out)?
        .client
        .clone())
}

/// Hands each progress report to the page's channel (a page that has gone drops them).
pub(crate) fn relay<T: tauri::ipc::IpcResponse>(
    channel: &tauri::ipc::Channel<T>,
) -> impl FnMut(T) + '_ {
    move |report| {
        let _ = channel.send(report);
    }
}

/// What a long job that saves files needs: the session (client, app, endpoints, practice),
/// where files go, the stamp of its dated folder, and its own Cancel.
pub(crate) struct Work<'a> {
    pub session: Current,
    pub root: std::path::PathBuf,
    pub stamp: String,
    pub job: novaland_core::jobs::Job<'a>,
}

/// Starts job `job` for the chosen app (a session and a folder to save to are needed first).
pub(crate) async fn work<'a>(state: &'a AppState, job: &str) -> CommandResult<Work<'a>> {
    let session = current(state).await?;
    let root = export_root(state)?;
    Ok(Work {
        session,
        root,
        stamp: novaland_core::files::stamp_now(),
        job: state.jobs.start(job),
    })
}

/// Where files for the researcher go: the folder chosen in settings, else the Desktop's.
pub(crate) fn export_root(state: &AppState) -> CommandResult<std::path::PathBuf> {
    novaland_core::files::export_root(state.settings().export_folder.as_deref()).ok_or_else(|| {
        CommandError::new(
            ErrorCode::NoFolder,
            novaland_core::tr!("core-export-no-folder"),
        )
    })
}
