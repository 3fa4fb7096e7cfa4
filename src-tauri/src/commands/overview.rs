//! The Overview screen, and opening the study or Heroku's pages in the browser.

use novaland_core::overview::{self, Overview};
use tauri::{AppHandle, Runtime, State};

use crate::commands::{client_and_app, current};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

#[tauri::command]
pub async fn get_overview<R: Runtime>(
    handle: AppHandle<R>,
    state: State<'_, AppState>,
) -> CommandResult<Overview> {
    let (client, app) = client_and_app(&state).await?;
    // Metrics are collected from the log whenever an app is open; the Overview opens first.
    crate::commands::metrics::start_collector(handle);
    // A session's first screen (practice mode's simulator set up, an app chosen) and each
    // refresh free more than they keep.
    crate::memory::give_back_soon();
    Ok(overview::fetch(&client, &app).await?)
}

/// Opens the study in the default browser. The URL comes from Heroku, never from the page.
#[tauri::command]
pub async fn open_study(state: State<'_, AppState>) -> CommandResult<String> {
    let current = current(&state).await?;
    if current.practice {
        return Err(CommandError::new(
            ErrorCode::Practice,
            novaland_core::tr!("core-overview-practice-no-address"),
        ));
    }
    let url = novaland_core::overview::study_address(&current.client, &current.app).await?;
    open(&url).await?;
    Ok(url)
}

/// Heroku's pages the guide sends people to; the page names one, it cannot pass a URL.
#[tauri::command]
pub async fn open_heroku_page(page: String) -> CommandResult<()> {
    let url = match page.as_str() {
        "signup" => "https://signup.heroku.com/",
        "account" => "https://dashboard.heroku.com/account",
        "status" => "https://status.heroku.com/",
        "billing" => novaland_core::new_study::BILLING_URL,
        _ => {
            return Err(CommandError::new(
                ErrorCode::UnknownPage,
                novaland_core::tr!("core-overview-unknown-page"),
            ))
        }
    };
    open(url).await
}

pub(crate) async fn open(url: &str) -> CommandResult<()> {
    crate::desktop::open(url).await.map_err(|e| {
        CommandError::new(
            ErrorCode::OpenFailed,
            novaland_core::tr!(
                "core-overview-browser-failed",
                detail = e.to_string(),
                url = url
            ),
        )
    })
}
