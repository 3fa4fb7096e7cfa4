//! Novaland's own updates: when to look for one, what the page is told, and the words for what
//! can go wrong. Fetching the release's `latest.json`, checking the signature and installing are
//! tauri-plugin-updater's (the app crate); this module holds the decisions that are ours:
//! at most one automatic look a day, nothing installed while a long job runs, and a refusal in
//! plain words when a file is not signed with Novaland's key or is not the version announced.

use serde::Serialize;

use crate::error::{user_error, ErrorCode};

/// The automatic look happens at most once in this many milliseconds (a day).
pub const CHECK_EVERY_MS: i64 = 24 * 60 * 60 * 1000;

/// Whether the automatic look is due: never looked, a day has passed, or the clock went back
/// (a computer whose date was wrong must not be kept from updates until that date comes).
pub fn check_due(last_checked_ms: Option<i64>, now_ms: i64) -> bool {
    match last_checked_ms {
        None => true,
        Some(last) => now_ms < last || now_ms - last >= CHECK_EVERY_MS,
    }
}

/// A newer version, downloaded and its signature checked, waiting for the researcher's click.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct UpdateOffer {
    pub version: String,
    /// What's new, as the release says it (may be empty).
    pub notes: Option<String>,
    /// The release's date, RFC 3339, when it gives one.
    pub date: Option<String>,
}

/// What a look for updates found.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum UpdateStatus {
    /// This build has no update address or key (a build made by hand, not a release).
    NotSetUp { current: String },
    /// The automatic look already happened today.
    NotDue { current: String },
    /// The release is this version or older.
    Newest { current: String },
    /// A newer version is downloaded and verified.
    Ready { current: String, offer: UpdateOffer },
}

/// Why an update was not offered or not installed. Each says that Novaland keeps working.
#[derive(Debug, thiserror::Error)]
pub enum UpdateError {
    #[error("update server unreachable")]
    Offline,
    #[error("update server answered strangely: {0}")]
    BadAnswer(String),
    #[error("bad signature for {version}")]
    BadSignature { version: String },
    #[error("signed for {signed}, announced {announced}")]
    SignedForOtherVersion { signed: String, announced: String },
    #[error("busy with {running} jobs")]
    Busy { running: usize },
    #[error("no update downloaded")]
    NothingReady,
    #[error("install failed: {0}")]
    InstallFailed(String),
}

impl UpdateError {
    pub fn code(&self) -> ErrorCode {
        match self {
            UpdateError::Offline => ErrorCode::Offline,
            UpdateError::BadAnswer(_) => ErrorCode::BadAnswer,
            UpdateError::BadSignature { .. } | UpdateError::SignedForOtherVersion { .. } => {
                ErrorCode::UpdateRefused
            }
            UpdateError::Busy { .. } => ErrorCode::Busy,
            UpdateError::NothingReady => ErrorCode::NotReady,
            UpdateError::InstallFailed(_) => ErrorCode::UpdateFailed,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            UpdateError::Offline => crate::tr!("error-update-offline"),
            UpdateError::BadAnswer(_) => crate::tr!("error-update-bad-answer"),
            UpdateError::BadSignature { version } => {
                crate::tr!("error-update-bad-signature", version = version)
            }
            UpdateError::SignedForOtherVersion { signed, announced } => crate::tr!(
                "error-update-signed-for-other-version",
                signed = signed,
                announced = announced
            ),
            UpdateError::Busy { running } => crate::tr!("error-update-busy", running = *running),
            UpdateError::NothingReady => crate::tr!("error-update-nothing-ready"),
            UpdateError::InstallFailed(why) => {
                crate::tr!("error-update-install-failed", reason = why)
            }
        }
    }
}

user_error!(UpdateError);

/// Installing restarts Novaland, so it waits until no long job (a download, backup, reset,
/// restore or deploy) runs: those would be cut off half-way.
pub fn may_install(jobs: &crate::jobs::Jobs) -> Result<(), UpdateError> {
    match jobs.running() {
        0 => Ok(()),
        running => Err(UpdateError::Busy { running }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_automatic_look_happens_at_most_once_a_day() {
        let day = CHECK_EVERY_MS;
        assert!(check_due(None, 5));
        assert!(!check_due(Some(1_000), 1_000 + day - 1));
        assert!(check_due(Some(1_000), 1_000 + day));
        // A clock set back (a wrong date corrected) does not block updates.
        assert!(check_due(Some(10 * day), day));
    }

    #[test]
    fn nothing_is_installed_while_a_job_runs() {
        let jobs = crate::jobs::Jobs::default();
        assert!(may_install(&jobs).is_ok());
        let backup = jobs.start("backup");
        let err = may_install(&jobs).unwrap_err();
        assert_eq!(err.code(), "busy");
        assert!(err.plain().contains("1 task under way"), "{}", err.plain());
        drop(backup);
        assert!(may_install(&jobs).is_ok());
    }

    #[test]
    fn refusals_say_what_happened_and_that_nothing_changed() {
        let signed = UpdateError::SignedForOtherVersion {
            signed: "0.0.9".into(),
            announced: "0.2.0".into(),
        };
        assert_eq!(signed.code(), "update_refused");
        assert!(signed.plain().contains("signed as version 0.0.9"));
        let bad = UpdateError::BadSignature {
            version: "0.2.0".into(),
        };
        assert!(bad.plain().contains("not signed with Novaland's key"));
        assert!(bad.plain().contains("keeps working"));
    }
}
