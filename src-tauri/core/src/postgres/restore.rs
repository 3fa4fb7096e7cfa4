//! Undo: a backup put back into the study's database (after a reset, or a deploy that went
//! wrong), never losing what is there now. First a fresh backup of the current state, which
//! Heroku must report succeeded; then the study in maintenance mode (participants see Heroku's
//! maintenance page instead of errors); then Heroku's restore of the chosen backup (the Data
//! API's `restores`, as `heroku pg:backups:restore` does); then maintenance off again, also
//! when the restore failed.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::Serialize;

use super::backups::{self, Backup, BackupError, Transfer};
use crate::error::ErrorCode;
use crate::heroku::{self, data, HerokuClient, HerokuError};

/// One step as the screen lists it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RestoreStep {
    /// backup, maintenance, restore, live
    pub step: &'static str,
    /// running, done, failed
    pub state: &'static str,
    pub detail: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RestoreReport {
    /// The backup that was put back.
    pub restored: String,
    /// The fresh backup of what was there before: the way back from the restore.
    pub safety_backup: Backup,
}

#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("no succeeded backup {0}")]
    NoSuchBackup(String),
    #[error("the safety backup failed: {0}")]
    SafetyBackup(BackupError),
    #[error(transparent)]
    Heroku(#[from] HerokuError),
    #[error("Heroku's restore failed")]
    Failed { maintenance_on: bool },
    #[error("the restore did not finish in time")]
    Timeout,
    #[error("cancelled before the restore")]
    Cancelled,
}

impl From<BackupError> for RestoreError {
    fn from(e: BackupError) -> Self {
        match e {
            BackupError::Cancelled => RestoreError::Cancelled,
            e => RestoreError::SafetyBackup(e),
        }
    }
}

impl RestoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            RestoreError::NoSuchBackup(_) => ErrorCode::NotFound,
            RestoreError::SafetyBackup(e) => e.code(),
            RestoreError::Heroku(e) => e.code(),
            RestoreError::Failed { .. } => ErrorCode::RestoreFailed,
            RestoreError::Timeout => ErrorCode::Timeout,
            RestoreError::Cancelled => ErrorCode::Cancelled,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            RestoreError::NoSuchBackup(name) => {
                crate::tr!("error-restore-no-such-backup", name = name)
            }
            RestoreError::SafetyBackup(e) => {
                crate::tr!("error-restore-safety-backup", reason = e.plain())
            }
            RestoreError::Heroku(e) => e.plain(),
            RestoreError::Failed {
                maintenance_on: false,
            } => crate::tr!("error-restore-failed"),
            RestoreError::Failed {
                maintenance_on: true,
            } => crate::tr!("error-restore-failed-maintenance-on"),
            RestoreError::Timeout => crate::tr!("error-restore-timeout"),
            RestoreError::Cancelled => crate::tr!("error-restore-cancelled"),
        }
    }
}

crate::error::user_error!(RestoreError);

#[derive(Debug, Clone)]
pub struct RestoreOptions {
    pub poll: Duration,
    pub timeout: Duration,
}

impl Default for RestoreOptions {
    fn default() -> Self {
        RestoreOptions {
            poll: Duration::from_secs(3),
            timeout: Duration::from_secs(30 * 60),
        }
    }
}

/// Restores backup `num` into the app's DATABASE_URL database.
pub async fn restore(
    client: &HerokuClient,
    app: &str,
    num: i64,
    options: &RestoreOptions,
    cancel: &AtomicBool,
    mut on_step: impl FnMut(RestoreStep) + Send,
) -> Result<RestoreReport, RestoreError> {
    let mut step = |step: &'static str, state: &'static str, detail: String| {
        on_step(RestoreStep {
            step,
            state,
            detail,
        })
    };
    let db = backups::database_url_database(client, app).await?;
    let transfers: Vec<Transfer> = data::transfers_list(client, app).await?;
    let chosen = transfers
        .iter()
        .find(|t| t.num == num && t.from_type == "pg_dump" && t.to_type == "gof3r" && t.succeeded)
        .ok_or_else(|| RestoreError::NoSuchBackup(format!("b{num:03}")))?;
    let name = Backup::from(chosen).name;
    let Some(backup_url) = chosen.to_url.clone() else {
        return Err(RestoreError::NoSuchBackup(name));
    };

    step(
        "backup",
        "running",
        crate::tr!("core-restore-safety-backup"),
    );
    let safety = backups::capture_of(client, app, &db, options.poll, cancel, |_| {})
        .await
        .inspect_err(|e| step("backup", "failed", e.plain()))?;
    step(
        "backup",
        "done",
        crate::tr!(
            "core-restore-safety-backup-done",
            name = safety.name.as_str()
        ),
    );
    if cancel.load(Ordering::SeqCst) {
        return Err(RestoreError::Cancelled);
    }

    step("maintenance", "running", String::new());
    heroku::apps::set_maintenance(client, app, true)
        .await
        .inspect_err(|e| step("maintenance", "failed", e.plain()))?;
    step(
        "maintenance",
        "done",
        crate::tr!("core-restore-maintenance-done"),
    );

    step(
        "restore",
        "running",
        crate::tr!("core-restore-restoring", name = name.as_str()),
    );
    let outcome = wait_restore(client, app, &db.id, &backup_url, options).await;
    match &outcome {
        Ok(()) => step(
            "restore",
            "done",
            crate::tr!("core-restore-restored", name = name.as_str()),
        ),
        Err(e) => step("restore", "failed", e.plain()),
    }
    if matches!(outcome, Err(RestoreError::Timeout)) {
        return Err(RestoreError::Timeout);
    }

    step("live", "running", String::new());
    let live = heroku::apps::set_maintenance(client, app, false).await;
    match &live {
        Ok(_) => step("live", "done", crate::tr!("core-restore-live")),
        Err(e) => step("live", "failed", e.plain()),
    }
    match outcome {
        Ok(()) => {
            live?;
            Ok(RestoreReport {
                restored: name,
                safety_backup: safety,
            })
        }
        Err(RestoreError::Failed { .. }) => Err(RestoreError::Failed {
            maintenance_on: live.is_err(),
        }),
        Err(e) => Err(e),
    }
}

/// A restore's transfer as far as Novaland reads it. The official CLI's fixtures answer the
/// POST with `{from_name, num, uuid}` and the polls with `{finished_at, succeeded}` only
/// (heroku/cli `test/unit/commands/pg/backups/restore.unit.test.ts`): nothing more is required.
#[derive(Debug, serde::Deserialize)]
struct RestoreTransfer {
    #[serde(default)]
    uuid: Option<String>,
    #[serde(default)]
    num: Option<i64>,
    #[serde(default)]
    finished_at: Option<String>,
    #[serde(default)]
    succeeded: bool,
}

async fn wait_restore(
    client: &HerokuClient,
    app: &str,
    db: &str,
    backup_url: &str,
    options: &RestoreOptions,
) -> Result<(), RestoreError> {
    let started: RestoreTransfer = data::restore(client, db, backup_url).await?;
    let id = match (started.uuid, started.num) {
        (Some(uuid), _) => uuid,
        (None, Some(num)) => num.to_string(),
        (None, None) => {
            return Err(HerokuError::Decode {
                path: "restores.uuid".into(),
                detail: "the restore has neither a uuid nor a number".into(),
            }
            .into())
        }
    };
    let deadline = tokio::time::Instant::now() + options.timeout;
    loop {
        let t: RestoreTransfer = data::transfer(client, app, &id).await?;
        if t.finished_at.is_some() {
            return if t.succeeded {
                Ok(())
            } else {
                Err(RestoreError::Failed {
                    maintenance_on: true,
                })
            };
        }
        if tokio::time::Instant::now() > deadline {
            return Err(RestoreError::Timeout);
        }
        tokio::time::sleep(options.poll).await;
    }
}
