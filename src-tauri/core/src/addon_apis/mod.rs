//! Add-ons the Logs screen reads with their own credentials: Papertrail's log history (its
//! token is in the app's config vars) and Sentry's issues (the researcher's auth token, kept
//! in the keychain).

pub mod papertrail;
pub mod sentry;

use crate::error::ErrorCode;
use std::time::Duration;

#[derive(Debug, Clone, serde::Serialize)]
pub struct AddonApis {
    pub papertrail: bool,
    pub sentry: Option<SentryInfo>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct SentryInfo {
    pub connected: bool,
    pub project: String,
    /// Where the token would go, and whether that is sentry.io (else the page asks first).
    pub host: String,
    pub sentry_io: bool,
    /// Practice mode: the token its Sentry accepts.
    pub practice_token: Option<&'static str>,
}

/// Which add-on APIs the app has, from its config vars: Papertrail (its token) and Sentry (its
/// DSN: the project, where a token would go, and whether `sentry_connected` has one).
pub fn found(
    vars: &crate::heroku::models::ConfigVars,
    sentry_connected: bool,
    practice_token: Option<&'static str>,
) -> AddonApis {
    let var = |name: &str| vars.get(name).cloned().flatten().filter(|v| !v.is_empty());
    let sentry = var("SENTRY_DSN").map(|dsn| {
        let project = sentry::project_of(&dsn);
        SentryInfo {
            connected: sentry_connected,
            project: project
                .as_ref()
                .map(|p| crate::tr!("error-sentry-project", project = &p.project, org = &p.org))
                .unwrap_or_else(|| crate::tr!("error-sentry-dsn-unreadable")),
            host: project
                .as_ref()
                .map(sentry::Project::api_host)
                .unwrap_or_default(),
            sentry_io: project.as_ref().is_none_or(sentry::Project::is_sentry_io),
            practice_token,
        }
    });
    AddonApis {
        papertrail: var("PAPERTRAIL_API_TOKEN").is_some(),
        sentry,
    }
}

/// An add-on API answered with an error or not at all, in plain words.
#[derive(Debug, thiserror::Error)]
pub enum AddonError {
    #[error("{service} refused the token")]
    Unauthorized { service: &'static str },
    #[error("{service} is not reachable: {detail}")]
    Offline {
        service: &'static str,
        detail: String,
    },
    #[error("{service} answered {status}")]
    Failed { service: &'static str, status: u16 },
    #[error("{service} sent an answer that could not be read: {detail}")]
    Unreadable {
        service: &'static str,
        detail: String,
    },
    #[error("{0}")]
    Missing(String),
    /// A Sentry address that is not sentry.io and was not confirmed by the researcher.
    #[error("Sentry at {host} was not confirmed")]
    UnconfirmedHost { host: String },
}

impl AddonError {
    pub fn code(&self) -> ErrorCode {
        match self {
            AddonError::Unauthorized { .. } => ErrorCode::AddonUnauthorized,
            AddonError::Offline { .. } => ErrorCode::AddonOffline,
            AddonError::Failed { .. } => ErrorCode::AddonFailed,
            AddonError::Unreadable { .. } => ErrorCode::AddonUnreadable,
            AddonError::Missing(_) => ErrorCode::AddonMissing,
            AddonError::UnconfirmedHost { .. } => ErrorCode::SentryHostUnconfirmed,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            AddonError::Unauthorized {
                service: "Papertrail",
            } => crate::tr!("error-papertrail-unauthorized"),
            AddonError::Unauthorized { service } => {
                crate::tr!("error-addon-api-unauthorized", service = *service)
            }
            AddonError::Offline { service, detail } => crate::tr!(
                "error-addon-api-offline",
                service = *service,
                detail = detail
            ),
            AddonError::Failed {
                service,
                status: 429,
            } => crate::tr!("error-addon-api-rate-limited", service = *service),
            AddonError::Failed { service, status } => crate::tr!(
                "error-addon-api-failed",
                service = *service,
                status = *status
            ),
            AddonError::Unreadable { service, detail } => crate::tr!(
                "error-addon-api-unreadable",
                service = *service,
                detail = detail
            ),
            AddonError::Missing(what) => what.clone(),
            AddonError::UnconfirmedHost { host } => {
                crate::tr!("error-sentry-unconfirmed-host", host = host)
            }
        }
    }
}

pub(crate) fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .connect_timeout(Duration::from_secs(10))
        .user_agent(concat!("novaland/", env!("CARGO_PKG_VERSION")))
        .build()
        .expect("a client with fixed settings builds")
}

/// `base` joined with `path`, refused unless https (or this computer, for the simulator).
pub(crate) fn endpoint(
    base: &str,
    path: &str,
    service: &'static str,
) -> Result<url::Url, AddonError> {
    let base = if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    };
    let url = url::Url::parse(&base)
        .and_then(|b| b.join(path))
        .map_err(|e| AddonError::Unreadable {
            service,
            detail: e.to_string(),
        })?;
    if !crate::net::is_allowed(&url) {
        return Err(AddonError::Missing(crate::tr!(
            "error-addon-api-needs-https",
            service = service
        )));
    }
    Ok(url)
}

pub(crate) async fn read_json<T: serde::de::DeserializeOwned>(
    answer: Result<reqwest::Response, reqwest::Error>,
    service: &'static str,
) -> Result<T, AddonError> {
    let answer = answer.map_err(|e| AddonError::Offline {
        service,
        detail: e.to_string(),
    })?;
    let status = answer.status();
    if status == reqwest::StatusCode::UNAUTHORIZED || status == reqwest::StatusCode::FORBIDDEN {
        return Err(AddonError::Unauthorized { service });
    }
    if !status.is_success() {
        return Err(AddonError::Failed {
            service,
            status: status.as_u16(),
        });
    }
    let bytes = answer.bytes().await.map_err(|e| AddonError::Offline {
        service,
        detail: e.to_string(),
    })?;
    serde_json::from_slice(&bytes).map_err(|e| AddonError::Unreadable {
        service,
        detail: e.to_string(),
    })
}

crate::error::user_error!(AddonError);
