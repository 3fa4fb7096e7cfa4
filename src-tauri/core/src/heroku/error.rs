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
            HerokuError::Unauthorized { .. } => "Heroku did not accept this API key. Copy it again from Heroku's Account settings (API Key, Reveal) and paste it whole.".into(),
            HerokuError::TwoFactorNeeded { .. } => "Heroku wants a two-factor code for this. Use an API key from Account settings, which works without one.".into(),
            HerokuError::Forbidden { message, .. } => format!("Heroku says this account may not do that: {message}"),
            HerokuError::NotFound { message } => format!("Heroku could not find it. It may have been renamed or deleted, or this account lost access. ({message})"),
            HerokuError::RateLimited { .. } => "Heroku asks us to slow down (too many requests). Wait a minute and try again.".into(),
            HerokuError::InvalidParams { message } => format!("Heroku did not accept that: {message}"),
            HerokuError::HerokuFailing { status, .. } => format!("Heroku is having trouble right now (error {status}). Nothing was changed; try again in a few minutes, and see status.heroku.com."),
            HerokuError::Other { message, .. } => format!("Heroku said: {message}"),
            HerokuError::Timeout => "Heroku took too long to answer. Check your internet connection and try again.".into(),
            HerokuError::Offline { .. } => "Heroku cannot be reached. Check that this computer is online, then try again.".into(),
            HerokuError::Decode { .. } => "Heroku sent an answer this app could not read. Try again; if it keeps happening, Heroku may have changed something.".into(),
            HerokuError::InsecureUrl { .. } => "That Heroku address is not secure (https), so the API key was not sent.".into(),
            HerokuError::VerificationNeeded { .. } => format!("Heroku wants a payment method on your account before it creates apps or runs dynos (even free ones). Add one on Heroku's billing page ({}), then try again. Nothing was created.", crate::new_study::BILLING_URL),
            HerokuError::BadName { name } => format!("\u{201c}{name}\u{201d} is not a Heroku app name (small letters, digits and dashes, 3 to 30 characters), so Heroku was not asked."),
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
