//! Novaland's updates through tauri-plugin-updater: look at the release's `latest.json`,
//! download a newer version and check its signature before it is offered, install it only
//! when the researcher clicks and no long job runs. The decisions and words are in
//! novaland_core::updates; this module speaks to the plugin.

use novaland_core::clock::now_ms;
use novaland_core::updates::{self, UpdateError, UpdateOffer, UpdateStatus};
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Error as PluginError, Update, UpdaterExt};

use crate::state::AppState;

/// A newer version downloaded and verified, waiting for "Install and restart".
pub struct Pending {
    update: Update,
    bytes: Vec<u8>,
    offer: UpdateOffer,
}

/// Looks for a newer version: when `asked` (the researcher clicked), always; otherwise at most
/// once a day. A newer version is downloaded and its signature checked before it is offered,
/// so "ready" means it can be installed.
pub async fn look<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    asked: bool,
) -> Result<UpdateStatus, UpdateError> {
    let current = app.package_info().version.to_string();
    // Already downloaded (the page was reloaded): offered again without asking the server.
    if let Some(pending) = state.pending_update.lock().unwrap().as_ref() {
        let offer = pending.offer.clone();
        return Ok(UpdateStatus::Ready { current, offer });
    }
    let mut settings = state.settings();
    if !asked && !updates::check_due(settings.update_checked_ms, now_ms()) {
        return Ok(UpdateStatus::NotDue { current });
    }
    let mut builder = app.updater_builder();
    if let Some((url, pubkey)) = novaland_core::env::update_test_server() {
        let url = url.parse().map_err(|_| UpdateError::BadAnswer(url))?;
        builder = builder
            .pubkey(pubkey)
            .endpoints(vec![url])
            .map_err(refusal)?;
    }
    let updater = match builder.build() {
        Ok(updater) => updater,
        // Builds made by hand carry no update address (the release workflow adds it with the
        // key): they do not look for updates at all.
        Err(PluginError::EmptyEndpoints) => return Ok(UpdateStatus::NotSetUp { current }),
        Err(e) => return Err(refusal(e)),
    };
    let found = updater.check().await.map_err(refusal)?;
    // Remembered once the server answered, so an offline morning does not skip the day's look.
    settings.update_checked_ms = Some(now_ms());
    // Not being able to remember the time only means looking again at the next start.
    let _ = state.save_settings(&settings);
    let Some(update) = found else {
        return Ok(UpdateStatus::Newest { current });
    };
    let bytes = update
        .download(|_, _| {}, || {})
        .await
        .map_err(|e| refusal_of(e, &update.version))?;
    let offer = UpdateOffer {
        version: update.version.clone(),
        notes: update.body.clone().filter(|b| !b.trim().is_empty()),
        // As the release wrote it (RFC 3339 in tauri-action's latest.json).
        date: update.raw_json["pub_date"].as_str().map(str::to_string),
    };
    *state.pending_update.lock().unwrap() = Some(Pending {
        update,
        bytes,
        offer: offer.clone(),
    });
    Ok(UpdateStatus::Ready { current, offer })
}

/// Installs the downloaded update; the caller restarts Novaland after it.
pub async fn install(state: &AppState) -> Result<(), UpdateError> {
    updates::may_install(&state.jobs)?;
    let pending = state
        .pending_update
        .lock()
        .unwrap()
        .take()
        .ok_or(UpdateError::NothingReady)?;
    // dpkg, rpm or the installer take a while and may ask for a password: off the async threads.
    let result = tokio::task::spawn_blocking(move || {
        let outcome = pending.update.install(&pending.bytes);
        (outcome, pending)
    })
    .await
    .map_err(|e| UpdateError::InstallFailed(e.to_string()))?;
    match result {
        (Ok(()), _) => Ok(()),
        (Err(e), pending) => {
            let version = pending.update.version.clone();
            // Still downloaded and verified: "Install and restart" may be tried again.
            *state.pending_update.lock().unwrap() = Some(pending);
            Err(match e {
                PluginError::AuthenticationFailed => {
                    UpdateError::InstallFailed(novaland_core::tr!("error-update-password-prompt"))
                }
                other => refusal_of(other, &version),
            })
        }
    }
}

fn refusal(e: PluginError) -> UpdateError {
    refusal_of(e, "")
}

/// The plugin's error as one of ours; `version` is the version announced, for the words.
fn refusal_of(e: PluginError, version: &str) -> UpdateError {
    match e {
        PluginError::Reqwest(_) | PluginError::Network(_) => UpdateError::Offline,
        PluginError::SignedVersionMismatch { signed, announced } => {
            UpdateError::SignedForOtherVersion { signed, announced }
        }
        PluginError::Minisign(_)
        | PluginError::Base64(_)
        | PluginError::SignatureUtf8(_)
        | PluginError::MissingSignedVersion => UpdateError::BadSignature {
            version: version.to_string(),
        },
        PluginError::ReleaseNotFound
        | PluginError::Serialization(_)
        | PluginError::Semver(_)
        | PluginError::UrlParse(_)
        | PluginError::TargetNotFound(_)
        | PluginError::TargetsNotFound(_) => UpdateError::BadAnswer(e.to_string()),
        other => UpdateError::InstallFailed(other.to_string()),
    }
}
