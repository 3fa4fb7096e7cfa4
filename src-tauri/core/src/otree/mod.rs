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
        match self {
            OtreeError::Heroku(e) => e.plain(),
            OtreeError::NoAddress | OtreeError::BadAddress(_) => {
                crate::tr!("error-otree-no-address")
            }
            OtreeError::Unreachable(why) => crate::tr!("error-otree-unreachable", reason = why),
            OtreeError::NotOtree => crate::tr!("error-otree-not-otree"),
            OtreeError::NoPassword => crate::tr!("error-otree-no-password"),
            OtreeError::LoginFailed | OtreeError::NeedsLogin => {
                crate::tr!("error-otree-login-failed")
            }
            OtreeError::RestKeyRefused => crate::tr!("error-otree-rest-key-refused"),
            OtreeError::ServerError(status, what) => {
                crate::tr!("error-otree-server-error", status = *status, what = what)
            }
            OtreeError::ExportFailed(why) => crate::tr!("error-otree-export-failed", reason = why),
            OtreeError::Unreadable(what) => crate::tr!("error-otree-unreadable", what = what),
            OtreeError::NoData => crate::tr!("error-otree-no-data"),
            OtreeError::NoFolder(why) => crate::tr!("error-export-folder-not-made", reason = why),
            OtreeError::DiskFull => crate::tr!("error-disk-full-no-half-file"),
            OtreeError::Write(why) => {
                crate::tr!("error-file-not-written-no-half-file", reason = why)
            }
            OtreeError::Cancelled => crate::tr!("error-otree-cancelled"),
        }
    }
}

crate::error::user_error!(OtreeError);
