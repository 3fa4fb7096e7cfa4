//! One error path from core to the page: every error Novaland shows has a code the page can
//! act on and words a researcher reads. Each error type says both through [`UserError`]; the
//! Tauri side turns any of them into the one `{code, message}` the page receives.
//! (The German catalog will plug in here: the words come from one place.)

use serde::Serialize;

/// What went wrong, as the page switches on it (serialized in snake_case, e.g. `signed_out`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    AddonFailed,
    AddonMissing,
    AddonOffline,
    AddonUnauthorized,
    AddonUnreadable,
    AppLimit,
    BackupFailed,
    BadAnswer,
    BadAppName,
    BadFolder,
    BuildFailed,
    Busy,
    Cancelled,
    CommandFailed,
    DiskFull,
    DownloadFailed,
    Empty,
    EmptyKey,
    ExportFailed,
    FixFailed,
    FolderNotWritable,
    Forbidden,
    HerokuFailing,
    HerokuOther,
    InsecureUrl,
    Interrupted,
    Invalid,
    InvalidEmail,
    InvalidParams,
    Io,
    KeychainFailed,
    KeychainLocked,
    LoginFailed,
    MetricsStore,
    NameMismatch,
    NameTaken,
    NeedsVerification,
    NoAddress,
    NoAdminPassword,
    NoApp,
    NoData,
    NoDatabase,
    NoDatabaseUrl,
    NoFolder,
    NoKeychain,
    NoOutput,
    NoPapertrail,
    NoSentry,
    NoToken,
    NoUrl,
    NotFollowing,
    NotFound,
    NotOtree,
    NotReady,
    Offline,
    OpenFailed,
    Practice,
    PracticeFailed,
    RateLimited,
    ResetFailed,
    ResetTimeout,
    RestKeyRefused,
    RestartFailed,
    RestoreFailed,
    SentryHostUnconfirmed,
    SettingsNotSaved,
    SignedOut,
    SizeMismatch,
    StudyError,
    StudyUnreachable,
    Timeout,
    TooBig,
    TwoFactor,
    Unauthorized,
    UnknownFolder,
    UnknownPage,
    Unreadable,
    UpdateFailed,
    UpdateRefused,
    UploadFailed,
    WriteFailed,
}

impl ErrorCode {
    /// The code as the page receives it.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::AddonFailed => "addon_failed",
            ErrorCode::AddonMissing => "addon_missing",
            ErrorCode::AddonOffline => "addon_offline",
            ErrorCode::AddonUnauthorized => "addon_unauthorized",
            ErrorCode::AddonUnreadable => "addon_unreadable",
            ErrorCode::AppLimit => "app_limit",
            ErrorCode::BackupFailed => "backup_failed",
            ErrorCode::BadAnswer => "bad_answer",
            ErrorCode::BadAppName => "bad_app_name",
            ErrorCode::BadFolder => "bad_folder",
            ErrorCode::BuildFailed => "build_failed",
            ErrorCode::Busy => "busy",
            ErrorCode::Cancelled => "cancelled",
            ErrorCode::CommandFailed => "command_failed",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::DownloadFailed => "download_failed",
            ErrorCode::Empty => "empty",
            ErrorCode::EmptyKey => "empty_key",
            ErrorCode::ExportFailed => "export_failed",
            ErrorCode::FixFailed => "fix_failed",
            ErrorCode::FolderNotWritable => "folder_not_writable",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::HerokuFailing => "heroku_failing",
            ErrorCode::HerokuOther => "heroku_other",
            ErrorCode::InsecureUrl => "insecure_url",
            ErrorCode::Interrupted => "interrupted",
            ErrorCode::Invalid => "invalid",
            ErrorCode::InvalidEmail => "invalid_email",
            ErrorCode::InvalidParams => "invalid_params",
            ErrorCode::Io => "io",
            ErrorCode::KeychainFailed => "keychain_failed",
            ErrorCode::KeychainLocked => "keychain_locked",
            ErrorCode::LoginFailed => "login_failed",
            ErrorCode::MetricsStore => "metrics_store",
            ErrorCode::NameMismatch => "name_mismatch",
            ErrorCode::NameTaken => "name_taken",
            ErrorCode::NeedsVerification => "needs_verification",
            ErrorCode::NoAddress => "no_address",
            ErrorCode::NoAdminPassword => "no_admin_password",
            ErrorCode::NoApp => "no_app",
            ErrorCode::NoData => "no_data",
            ErrorCode::NoDatabase => "no_database",
            ErrorCode::NoDatabaseUrl => "no_database_url",
            ErrorCode::NoFolder => "no_folder",
            ErrorCode::NoKeychain => "no_keychain",
            ErrorCode::NoOutput => "no_output",
            ErrorCode::NoPapertrail => "no_papertrail",
            ErrorCode::NoSentry => "no_sentry",
            ErrorCode::NoToken => "no_token",
            ErrorCode::NoUrl => "no_url",
            ErrorCode::NotFollowing => "not_following",
            ErrorCode::NotFound => "not_found",
            ErrorCode::NotOtree => "not_otree",
            ErrorCode::NotReady => "not_ready",
            ErrorCode::Offline => "offline",
            ErrorCode::OpenFailed => "open_failed",
            ErrorCode::Practice => "practice",
            ErrorCode::PracticeFailed => "practice_failed",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ResetFailed => "reset_failed",
            ErrorCode::ResetTimeout => "reset_timeout",
            ErrorCode::RestKeyRefused => "rest_key_refused",
            ErrorCode::RestartFailed => "restart_failed",
            ErrorCode::RestoreFailed => "restore_failed",
            ErrorCode::SentryHostUnconfirmed => "sentry_host_unconfirmed",
            ErrorCode::SettingsNotSaved => "settings_not_saved",
            ErrorCode::SignedOut => "signed_out",
            ErrorCode::SizeMismatch => "size_mismatch",
            ErrorCode::StudyError => "study_error",
            ErrorCode::StudyUnreachable => "study_unreachable",
            ErrorCode::Timeout => "timeout",
            ErrorCode::TooBig => "too_big",
            ErrorCode::TwoFactor => "two_factor",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::UnknownFolder => "unknown_folder",
            ErrorCode::UnknownPage => "unknown_page",
            ErrorCode::Unreadable => "unreadable",
            ErrorCode::UpdateFailed => "update_failed",
            ErrorCode::UpdateRefused => "update_refused",
            ErrorCode::UploadFailed => "upload_failed",
            ErrorCode::WriteFailed => "write_failed",
        }
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Lets tests and callers compare with the code as text: `assert_eq!(err.code(), "cancelled")`.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An error a researcher may see: its code and its words.
pub trait UserError: std::error::Error {
    fn code(&self) -> ErrorCode;
    /// What happened and what to do, in plain words, with no secret in them.
    fn plain(&self) -> String;
}

/// A request refused on this side before anything is sent (a count out of range, an address
/// that cannot be one): its code and the words for the researcher.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Refused {
    pub code: ErrorCode,
    pub message: String,
}

impl Refused {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Refused {
            code,
            message: message.into(),
        }
    }
}

impl UserError for Refused {
    fn code(&self) -> ErrorCode {
        self.code
    }
    fn plain(&self) -> String {
        self.message.clone()
    }
}

/// Implements [`UserError`] for error types whose own `code()` and `plain()` say it.
macro_rules! user_error {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::error::UserError for $t {
            fn code(&self) -> $crate::error::ErrorCode {
                <$t>::code(self)
            }
            fn plain(&self) -> String {
                <$t>::plain(self)
            }
        }
    )*};
}
pub(crate) use user_error;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_serialize_as_the_page_reads_them() {
        assert_eq!(
            serde_json::to_value(ErrorCode::SignedOut).unwrap(),
            "signed_out"
        );
        assert_eq!(
            serde_json::to_value(ErrorCode::RateLimited).unwrap(),
            ErrorCode::RateLimited.as_str()
        );
        assert_eq!(ErrorCode::KeychainLocked, "keychain_locked");
    }
}
