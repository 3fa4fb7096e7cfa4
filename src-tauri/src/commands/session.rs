//! Sign-in, sign-out, restoring the saved key at start, and practice mode.

use novaland_core::signin::{self, Restored, SignInError, SignedIn};
use tauri::{AppHandle, Runtime, State};

use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::{practice_simulator, AppState, Session, SessionInfo};

const PRACTICE_APP: &str = "novaland-study";

/// Called when the window opens: signs in with the key the keychain holds, if any, and
/// brings the remembered app's Overview with it.
#[tauri::command]
pub async fn restore_session<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<SessionInfo> {
    crate::start_trace::mark("restore_session began");
    let info = restore(&state).await?;
    crate::start_trace::mark("restore_session answered");
    if info.overview.is_some() {
        // The page draws this Overview without get_overview, which starts the collector.
        crate::commands::metrics::start_collector(handle);
    }
    crate::memory::give_back_soon();
    Ok(info)
}

async fn restore(state: &AppState) -> CommandResult<SessionInfo> {
    if let Some(session) = state.session.lock().await.as_ref() {
        return Ok(SessionInfo::of(session));
    }
    let app = state.settings().app;
    match state.restored(app.as_deref()).await {
        Restored::NoKey => Ok(SessionInfo::signed_out(None)),
        Restored::Keychain(e) => Ok(SessionInfo::signed_out(Some(
            SignInError::Keychain(e).plain(),
        ))),
        Restored::Refused => Ok(SessionInfo::signed_out(Some(novaland_core::tr!(
            "core-session-saved-key-refused"
        )))),
        Restored::Failed(e) => Err(e.into()),
        Restored::SignedIn(signed_in) => {
            let SignedIn {
                client,
                account,
                overview,
            } = *signed_in;
            // signin::restore fetched `overview` for `app`, the remembered app.
            let mut info = remember(state, Session::real(client, account, app, state)).await;
            info.overview = overview;
            Ok(info)
        }
    }
}

#[tauri::command]
pub async fn sign_in(state: State<'_, AppState>, key: String) -> CommandResult<SessionInfo> {
    let (client, account) = signin::sign_in(state.store.clone(), &state.heroku_url, &key).await?;
    let app = state.settings().app;
    crate::memory::give_back_soon();
    Ok(remember(&state, Session::real(client, account, app, &state)).await)
}

#[tauri::command]
pub async fn sign_out(state: State<'_, AppState>) -> CommandResult<SessionInfo> {
    let was_practice = state
        .session
        .lock()
        .await
        .take()
        .is_some_and(|s| s.is_practice());
    // Work for the account that leaves stops with it.
    state.jobs.cancel_all();
    state.live_log.lock().await.take();
    state.collector.lock().await.take();
    state.practice_sentry_token.lock().await.take();
    if !was_practice {
        signin::forget_key(state.store.clone()).await?;
        // The Sentry token belongs to the same person: it goes with the Heroku key.
        signin::forget_key(state.sentry_store.clone()).await?;
    }
    Ok(SessionInfo::signed_out(None))
}

/// "Explore without an account": a simulated Heroku in this process with the practice study
/// chosen, or (`empty`) an account with no apps, to try creating a study.
#[tauri::command]
pub async fn start_practice(
    state: State<'_, AppState>,
    empty: Option<bool>,
) -> CommandResult<SessionInfo> {
    let empty = empty.unwrap_or(false);
    let (sim, key) = practice_simulator(empty).await.map_err(|e| {
        CommandError::new(
            ErrorCode::PracticeFailed,
            novaland_core::tr!("core-session-practice-failed", detail = e.to_string()),
        )
    })?;
    let (client, account) = signin::check_key(sim.base_url(), &key).await?;
    Ok(remember(
        &state,
        Session::practice(client, account, (!empty).then_some(PRACTICE_APP), sim),
    )
    .await)
}

async fn remember(state: &AppState, session: Session) -> SessionInfo {
    let info = SessionInfo::of(&session);
    *state.session.lock().await = Some(session);
    info
}

#[tauri::command]
pub async fn session_info(state: State<'_, AppState>) -> CommandResult<SessionInfo> {
    Ok(state
        .session
        .lock()
        .await
        .as_ref()
        .map(SessionInfo::of)
        .unwrap_or_else(|| SessionInfo::signed_out(None)))
}
