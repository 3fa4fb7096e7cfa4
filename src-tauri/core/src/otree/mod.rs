//! The participants' data as oTree's own Data page gives it, fetched from the study's server.

pub mod export;
pub mod site;

pub use export::{download_participant_data, DataFile, DataProgress, ParticipantData};

use crate::error::ErrorCode;
use crate::heroku::HerokuError;

#[derive(Debug, thiserror::Error)]
pub enum OtreeError {
    #[error(transparent)]
    Heroku(#[from] HerokuError),
    #[error("the app has no web address")]
    NoAddress,
    #[error("not an address Novaland may use: {0}")]
    BadAddress(String),
    #[error("the study's server did not answer: {0}")]
    Unreachable(String),
    #[error("no oTree at this address")]
    NotOtree,
    #[error("OTREE_ADMIN_PASSWORD is not set")]
    NoPassword,
    #[error("oTree refused the admin password")]
    LoginFailed,
    #[error("oTree asks for the admin login")]
    NeedsLogin,
    #[error("oTree refused the REST key")]
    RestKeyRefused,
    #[error("oTree answered {0} for {1}")]
    ServerError(u16, String),
    #[error("oTree could not export: {0}")]
    ExportFailed(String),
    #[error("unreadable answer: {0}")]
    Unreadable(String),
    #[error("no participants yet")]
    NoData,
    #[error("no folder to write to: {0}")]
    NoFolder(String),
    #[error("the disk is full")]
    DiskFull,
    #[error("could not write {0}")]
    Write(String),
    #[error("cancelled")]
    Cancelled,
}

impl OtreeError {
    pub fn code(&self) -> ErrorCode {
        match self {
            OtreeError::Heroku(e) => e.code(),
            OtreeError::NoAddress | OtreeError::BadAddress(_) => ErrorCode::NoAddress,
            OtreeError::Unreachable(_) => ErrorCode::StudyUnreachable,
            OtreeError::NotOtree => ErrorCode::NotOtree,
            OtreeError::NoPassword => ErrorCode::NoAdminPassword,
            OtreeError::LoginFailed | OtreeError::NeedsLogin => ErrorCode::LoginFailed,
            OtreeError::RestKeyRefused => ErrorCode::RestKeyRefused,
            OtreeError::ServerError(..) => ErrorCode::StudyError,
            OtreeError::ExportFailed(_) => ErrorCode::ExportFailed,
            OtreeError::Unreadable(_) => ErrorCode::Unreadable,
            OtreeError::NoData => ErrorCode::NoData,
            OtreeError::NoFolder(_) => ErrorCode::NoFolder,
            OtreeError::DiskFull => ErrorCode::DiskFull,
            OtreeError::Write(_) => ErrorCode::WriteFailed,
            OtreeError::Cancelled => ErrorCode::Cancelled,
        }
    }

    /// What the researcher reads. Where the study's server is the problem, the way out is the
    /// table download, which does not need it.
    pub fn plain(&self) -> String {
        const TABLES: &str =
            "\"Download the database tables\" below still works: it reads the database directly.";
        match self {
            OtreeError::Heroku(e) => e.plain(),
            OtreeError::NoAddress | OtreeError::BadAddress(_) => format!("Heroku gives no usable web address for this app, so Novaland cannot reach the study. {TABLES}"),
            OtreeError::Unreachable(why) => format!("The study's server did not answer ({why}). Is the app running? Look at the Overview. {TABLES}"),
            OtreeError::NotOtree => format!("The study's address does not answer like oTree 5 or 6 (no admin login or Data page). {TABLES}"),
            OtreeError::NoPassword => "oTree asks for the admin password, but the app has no OTREE_ADMIN_PASSWORD setting. Add it under Resources → Settings (then oTree restarts), and try again.".into(),
            OtreeError::LoginFailed | OtreeError::NeedsLogin => "oTree did not accept the admin password from the OTREE_ADMIN_PASSWORD setting. If the study's settings.py sets another ADMIN_USERNAME or password, make OTREE_ADMIN_PASSWORD match it.".into(),
            OtreeError::RestKeyRefused => "oTree refused the REST key from the OTREE_REST_KEY setting. Check that it is the key the study was started with.".into(),
            OtreeError::ServerError(status, what) => format!("oTree answered with an error ({status}) for {what}. Its log (Logs screen) says why. {TABLES}"),
            OtreeError::ExportFailed(why) => format!("oTree could not build the file: \"{why}\". Its log (Logs screen) says why. {TABLES}"),
            OtreeError::Unreadable(what) => format!("oTree's answer could not be read ({what}). {TABLES}"),
            OtreeError::NoData => "No one has taken part yet: oTree's Data page has no data. Nothing was saved.".into(),
            OtreeError::NoFolder(why) => format!("The folder for your files could not be made ({why}). Choose another place in settings."),
            OtreeError::DiskFull => "The disk is full. Free some space and try again; no half-written file was left behind.".into(),
            OtreeError::Write(why) => format!("A file could not be written ({why}). No half-written file was left behind."),
            OtreeError::Cancelled => "Stopped. No half-written file was left behind; files that were complete are kept.".into(),
        }
    }
}

crate::error::user_error!(OtreeError);
