//! One error for every way a Heroku call can fail, kept apart so the page can say what to do.

use crate::error::ErrorCode;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum HerokuError {
    #[error("Heroku did not accept the API key ({message})")]
    Unauthorized { message: String },
    #[error("Heroku asks for a two-factor code ({message})")]
    TwoFactorNeeded { message: String },
    #[error("Heroku refused: {message}")]
    Forbidden { id: String, message: String },
    #[error("Heroku could not find it: {message}")]
    NotFound { message: String },
    #[error("Heroku's rate limit was reached: {message}")]
    RateLimited { message: String },
    #[error("Heroku did not accept the request: {message}")]
    InvalidParams { message: String },
    #[error("Heroku is failing (HTTP {status}): {message}")]
    HerokuFailing { status: u16, message: String },
    #[error("Heroku answered HTTP {status} ({id}): {message}")]
    Other {
        status: u16,
        id: String,
        message: String,
    },
    #[error("Heroku took too long to answer")]
    Timeout,
    #[error("Heroku cannot be reached: {detail}")]
    Offline { detail: String },
    #[error("Heroku's answer could not be read at `{path}`: {detail}")]
    Decode { path: String, detail: String },
    #[error("refusing to send the API key to {url}: only https, or http on this computer")]
    InsecureUrl { url: String },
    /// The account must be verified with a payment method first (`verification_required`,
    /// as the CLI printed it in 2025; the API reference's table says `verification_needed`).
    #[error("Heroku wants the account verified: {message}")]
    VerificationNeeded { message: String },
    /// A name that is not a Heroku app name; nothing was sent.
    #[error("`{name}` is not a Heroku app name")]
    BadName { name: String },
}

impl HerokuError {
    /// A stable code the page can switch on.
    pub fn code(&self) -> ErrorCode {
        match self {
            HerokuError::Unauthorized { .. } => ErrorCode::Unauthorized,
            HerokuError::TwoFactorNeeded { .. } => ErrorCode::TwoFactor,
            HerokuError::Forbidden { .. } => ErrorCode::Forbidden,
            HerokuError::NotFound { .. } => ErrorCode::NotFound,
            HerokuError::RateLimited { .. } => ErrorCode::RateLimited,
            HerokuError::InvalidParams { .. } => ErrorCode::InvalidParams,
            HerokuError::HerokuFailing { .. } => ErrorCode::HerokuFailing,
            HerokuError::Other { .. } => ErrorCode::HerokuOther,
            HerokuError::Timeout => ErrorCode::Timeout,
            HerokuError::Offline { .. } => ErrorCode::Offline,
            HerokuError::Decode { .. } => ErrorCode::BadAnswer,
            HerokuError::InsecureUrl { .. } => ErrorCode::InsecureUrl,
            HerokuError::BadName { .. } => ErrorCode::BadAppName,
            HerokuError::VerificationNeeded { .. } => ErrorCode::NeedsVerification,
        }
    }

    /// What a researcher reads: what happened and what to do, in plain words.
    pub fn plain(&self) -> String {
        match self {
            HerokuError::Unauthorized { .. } => crate::tr!("error-heroku-unauthorized"),
            HerokuError::TwoFactorNeeded { .. } => crate::tr!("error-heroku-two-factor"),
            HerokuError::Forbidden { message, .. } => {
                crate::tr!("error-heroku-forbidden", message = message)
            }
            HerokuError::NotFound { message } => {
                crate::tr!("error-heroku-not-found", message = message)
            }
            HerokuError::RateLimited { .. } => crate::tr!("error-heroku-rate-limited"),
            HerokuError::InvalidParams { message } => {
                crate::tr!("error-heroku-invalid-params", message = message)
            }
            HerokuError::HerokuFailing { status, .. } => {
                crate::tr!("error-heroku-failing", status = *status)
            }
            HerokuError::Other { message, .. } => {
                crate::tr!("error-heroku-other", message = message)
            }
            HerokuError::Timeout => crate::tr!("error-heroku-timeout"),
            HerokuError::Offline { .. } => crate::tr!("error-heroku-offline"),
            HerokuError::Decode { .. } => crate::tr!("error-heroku-decode"),
            HerokuError::InsecureUrl { .. } => crate::tr!("error-heroku-insecure-url"),
            HerokuError::VerificationNeeded { .. } => crate::tr!(
                "error-heroku-verification-needed",
                billing_url = crate::new_study::BILLING_URL
            ),
            HerokuError::BadName { name } => crate::tr!("error-heroku-bad-name", name = name),
        }
    }

    /// Maps Heroku's error answer (`{id, message}`) and status to a kind.
    pub(crate) fn from_answer(status: u16, id: Option<String>, message: Option<String>) -> Self {
        let message = message.unwrap_or_else(|| format!("HTTP {status}"));
        let id = id.unwrap_or_default();
        match (status, id.as_str()) {
            (_, "two_factor") => HerokuError::TwoFactorNeeded { message },
            (_, "verification_required" | "verification_needed") => {
                HerokuError::VerificationNeeded { message }
            }
            (401, _) | (_, "unauthorized") => HerokuError::Unauthorized { message },
            (429, _) | (_, "rate_limit") => HerokuError::RateLimited { message },
            (403, _) => HerokuError::Forbidden { id, message },
            (404, _) | (_, "not_found") => HerokuError::NotFound { message },
            (422, _) | (_, "invalid_params") => HerokuError::InvalidParams { message },
            (500..=599, _) => HerokuError::HerokuFailing { status, message },
            _ => HerokuError::Other {
                status,
                id,
                message,
            },
        }
    }
}

crate::error::user_error!(HerokuError);
