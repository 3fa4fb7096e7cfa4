//! "Download the database tables": read DATABASE_URL from the app's config vars right before
//! use (Heroku rotates it), make the dated folder, export every table into it.

use crate::error::ErrorCode;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use serde::Serialize;

use super::tables::{export_tables, ExportError, ExportOptions, TableProgress, TableReport};
use crate::files;
use crate::heroku::models::ConfigVars;
use crate::heroku::{HerokuClient, HerokuError};

#[derive(Debug, thiserror::Error)]
pub enum DownloadError {
    #[error(transparent)]
    Heroku(#[from] HerokuError),
    #[error("the app has no DATABASE_URL")]
    NoDatabase,
    #[error("no folder to write to: {0}")]
    NoFolder(String),
    #[error(transparent)]
    Export(#[from] ExportError),
}

impl DownloadError {
    pub fn code(&self) -> ErrorCode {
        match self {
            DownloadError::Heroku(e) => e.code(),
            DownloadError::NoDatabase => ErrorCode::NoDatabase,
            DownloadError::NoFolder(_) => ErrorCode::NoFolder,
            DownloadError::Export(ExportError::Cancelled) => ErrorCode::Cancelled,
            DownloadError::Export(ExportError::DiskFull) => ErrorCode::DiskFull,
            DownloadError::Export(_) => ErrorCode::ExportFailed,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            DownloadError::Heroku(e) => e.plain(),
            DownloadError::NoDatabase => crate::tr!("error-tables-no-database"),
            DownloadError::NoFolder(why) => {
                crate::tr!("error-export-folder-not-made", reason = why)
            }
            DownloadError::Export(e) => e.plain(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Downloaded {
    pub folder: PathBuf,
    pub tables: Vec<TableReport>,
}

/// Exports the app's database into `<root>/<app>/<stamp>/`.
pub async fn download_tables(
    client: &HerokuClient,
    app: &str,
    root: &Path,
    stamp: &str,
    cancel: &AtomicBool,
    progress: impl FnMut(TableProgress),
) -> Result<Downloaded, DownloadError> {
    let vars: ConfigVars = crate::heroku::config_vars::get(client, app).await?;
    let url = vars
        .get("DATABASE_URL")
        .cloned()
        .flatten()
        .ok_or(DownloadError::NoDatabase)?;
    let folder = files::dated_folder(root, app, stamp)
        .map_err(|e| DownloadError::NoFolder(e.to_string()))?;
    match export_tables(&url, &folder, &ExportOptions::default(), cancel, progress).await {
        Ok(tables) => Ok(Downloaded { folder, tables }),
        Err(e) => {
            // Nothing useful in it: remove the folder rather than leave an empty one behind.
            let _ = std::fs::remove_dir(&folder);
            Err(e.into())
        }
    }
}

crate::error::user_error!(DownloadError);
