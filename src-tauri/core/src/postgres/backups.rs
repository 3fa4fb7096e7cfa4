//! Heroku Postgres backups through the Data API: list, capture with progress, download to the
//! researcher's folder (resumable, checked against its size), delete.

use crate::error::ErrorCode;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};

use crate::files::PartFile;
use crate::heroku::models::AddOn;
use crate::heroku::{data, HerokuClient, HerokuError};

/// A Data API transfer (fields Novaland reads).
#[derive(Debug, Clone, Deserialize)]
pub struct Transfer {
    pub num: i64,
    pub from_type: String,
    pub to_type: String,
    #[serde(default)]
    pub processed_bytes: u64,
    #[serde(default)]
    pub source_bytes: u64,
    #[serde(default)]
    pub succeeded: bool,
    pub created_at: String,
    #[serde(default)]
    pub finished_at: Option<String>,
    #[serde(default)]
    pub canceled_at: Option<String>,
    #[serde(default)]
    pub schedule: Option<serde_json::Value>,
    /// Where the backup is stored (Heroku's own storage); a restore reads it from there.
    #[serde(default)]
    pub to_url: Option<String>,
    #[serde(default)]
    pub uuid: Option<String>,
}

/// A backup as the screen shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Backup {
    pub num: i64,
    /// `b003` for one made by hand, `a003` for a scheduled one, as Heroku names them.
    pub name: String,
    pub created_at: String,
    pub size: u64,
    /// capturing, succeeded, failed, cancelled
    pub status: String,
}

impl From<&Transfer> for Backup {
    fn from(t: &Transfer) -> Self {
        let status = if t.canceled_at.is_some() {
            "cancelled"
        } else if t.finished_at.is_none() {
            "capturing"
        } else if t.succeeded {
            "succeeded"
        } else {
            "failed"
        };
        let prefix = if t.schedule.as_ref().is_some_and(|s| !s.is_null()) {
            'a'
        } else {
            'b'
        };
        Backup {
            num: t.num,
            name: format!("{prefix}{:03}", t.num),
            created_at: rfc3339(&t.created_at),
            size: t.processed_bytes,
            status: status.into(),
        }
    }
}

/// A Data API time as RFC 3339, which the page's clock reads: transfers come as
/// `2016-10-01 00:42:54 +0000` (heroku/cli `test/unit/commands/pg/backups/index.unit.test.ts`);
/// anything else is passed on as it came.
fn rfc3339(time: &str) -> String {
    let parts: Vec<&str> = time.split_whitespace().collect();
    if let [date, clock, offset] = parts[..] {
        let (sign, digits) = offset.split_at(offset.len().min(1));
        if matches!(sign, "+" | "-")
            && digits.len() == 4
            && digits.bytes().all(|b| b.is_ascii_digit())
            && date.len() == 10
            && clock.len() >= 8
        {
            return format!("{date}T{clock}{sign}{}:{}", &digits[..2], &digits[2..]);
        }
    }
    time.to_string()
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(transparent)]
    Heroku(#[from] HerokuError),
    #[error("the app has no Heroku Postgres database")]
    NoDatabase,
    #[error("no Heroku Postgres add-on carries DATABASE_URL")]
    NoDatabaseUrl,
    #[error("the backup failed at Heroku")]
    Failed,
    #[error("the downloaded file has {got} bytes, Heroku said {expected}")]
    SizeMismatch { got: u64, expected: u64 },
    #[error("the download broke off too often")]
    Interrupted,
    #[error("cancelled")]
    Cancelled,
    #[error("a file could not be written: {0}")]
    Io(String),
    #[error("the disk is full")]
    DiskFull,
    #[error("that backup no longer exists")]
    Gone,
    #[error("the folder could not be made: {0}")]
    Folder(String),
}

impl From<std::io::Error> for BackupError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::StorageFull {
            BackupError::DiskFull
        } else {
            BackupError::Io(e.to_string())
        }
    }
}

impl BackupError {
    pub fn code(&self) -> ErrorCode {
        match self {
            BackupError::Heroku(e) => e.code(),
            BackupError::NoDatabase => ErrorCode::NoDatabase,
            BackupError::NoDatabaseUrl => ErrorCode::NoDatabaseUrl,
            BackupError::Failed => ErrorCode::BackupFailed,
            BackupError::SizeMismatch { .. } => ErrorCode::SizeMismatch,
            BackupError::Interrupted => ErrorCode::Interrupted,
            BackupError::Cancelled => ErrorCode::Cancelled,
            BackupError::Io(_) => ErrorCode::Io,
            BackupError::DiskFull => ErrorCode::DiskFull,
            BackupError::Gone => ErrorCode::NotFound,
            BackupError::Folder(_) => ErrorCode::NoFolder,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            BackupError::Heroku(e) => e.plain(),
            BackupError::NoDatabase => crate::tr!("error-backup-no-database"),
            BackupError::NoDatabaseUrl => crate::tr!("error-backup-no-database-url"),
            BackupError::Failed => crate::tr!("error-backup-failed"),
            BackupError::SizeMismatch { got, expected } => crate::tr!(
                "error-backup-size-mismatch",
                got = *got,
                expected = *expected
            ),
            BackupError::Interrupted => crate::tr!("error-backup-interrupted"),
            BackupError::Cancelled => crate::tr!("error-backup-cancelled"),
            BackupError::Io(m) => crate::tr!("error-backup-io", reason = m),
            BackupError::DiskFull => crate::tr!("error-backup-disk-full"),
            BackupError::Gone => crate::tr!("error-backup-gone"),
            BackupError::Folder(e) => crate::tr!("error-backup-folder", reason = e),
        }
    }
}

/// The app's backups, newest first (pg_dump to gof3r transfers only).
pub async fn list(client: &HerokuClient, app: &str) -> Result<Vec<Backup>, BackupError> {
    let transfers: Vec<Transfer> = data::transfers_list(client, app).await?;
    let mut backups: Vec<Backup> = transfers
        .iter()
        .filter(|t| t.from_type == "pg_dump" && t.to_type == "gof3r")
        .map(Backup::from)
        .collect();
    // Newest first by when they were made, as `heroku pg:backups` sorts them (heroku/cli
    // `src/commands/pg/backups/index.ts`): scheduled and manual backups are numbered apart.
    backups.sort_by(|a, b| (&b.created_at, b.num).cmp(&(&a.created_at, a.num)));
    Ok(backups)
}

/// Progress of a capture: bytes processed of the database's size.
#[derive(Debug, Clone, Serialize)]
pub struct CaptureProgress {
    pub num: i64,
    pub processed: u64,
    pub total: u64,
}

pub fn is_postgres(addon: &AddOn) -> bool {
    addon.addon_service.name == "heroku-postgresql"
}

/// The Postgres add-on that carries DATABASE_URL: the database oTree uses, and so the one a
/// reset wipes. Another Postgres add-on is never taken in its place: backing up the wrong
/// database before a reset would lose the study's data.
pub fn database_url_addon(addons: &[AddOn]) -> Result<&AddOn, BackupError> {
    let mut postgres = addons.iter().filter(|a| is_postgres(a)).peekable();
    if postgres.peek().is_none() {
        return Err(BackupError::NoDatabase);
    }
    postgres
        .find(|a| a.config_vars.iter().any(|v| v == "DATABASE_URL"))
        .ok_or(BackupError::NoDatabaseUrl)
}

/// The app's Postgres add-on behind DATABASE_URL, asked from Heroku.
pub async fn database_url_database(client: &HerokuClient, app: &str) -> Result<AddOn, BackupError> {
    let addons = crate::heroku::addons::list(client, app).await?;
    Ok(database_url_addon(&addons)?.clone())
}

/// Captures a backup of the database behind DATABASE_URL (see `capture_of`).
pub async fn capture(
    client: &HerokuClient,
    app: &str,
    poll: Duration,
    cancel: &AtomicBool,
    progress: impl FnMut(CaptureProgress),
) -> Result<Backup, BackupError> {
    let db = database_url_database(client, app).await?;
    capture_of(client, app, &db, poll, cancel, progress).await
}

/// Captures a backup of the Postgres add-on `db` and waits until Heroku reports it succeeded
/// with a size above zero.
pub async fn capture_of(
    client: &HerokuClient,
    app: &str,
    db: &AddOn,
    poll: Duration,
    cancel: &AtomicBool,
    mut progress: impl FnMut(CaptureProgress),
) -> Result<Backup, BackupError> {
    if !is_postgres(db) {
        return Err(BackupError::NoDatabase);
    }
    let started: Transfer = data::capture(client, &db.id).await?;
    loop {
        let t: Transfer = data::transfer(client, app, &started.num.to_string()).await?;
        progress(CaptureProgress {
            num: t.num,
            processed: t.processed_bytes,
            total: t.source_bytes,
        });
        if t.finished_at.is_some() {
            return if t.succeeded && t.processed_bytes > 0 {
                Ok(Backup::from(&t))
            } else {
                Err(BackupError::Failed)
            };
        }
        if cancel.load(Ordering::Relaxed) {
            // Heroku goes on capturing; the researcher can delete it from the list.
            return Err(BackupError::Cancelled);
        }
        tokio::time::sleep(poll).await;
    }
}

#[derive(Deserialize)]
struct PublicUrl {
    url: String,
}

/// Bytes of a backup download so far.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadProgress {
    pub received: u64,
    pub total: u64,
}

/// Downloads backup `num` into `folder` as `<app>-b003.dump`. A dropped connection resumes
/// where it stopped (HTTP Range); the file is checked against the size the download states
/// before it takes its name, and an existing file is never overwritten.
pub async fn download(
    client: &HerokuClient,
    app: &str,
    backup: &Backup,
    folder: &Path,
    cancel: &AtomicBool,
    mut progress: impl FnMut(DownloadProgress),
) -> Result<PathBuf, BackupError> {
    let link: PublicUrl = data::public_url(client, app, backup.num).await?;
    let mut part = PartFile::create(folder.join(format!(
        "{}-{}.dump",
        crate::files::safe_name(app),
        backup.name
    )))?;
    // The public URL is a plain signed GET (S3); it must not carry the Heroku token.
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(15))
        .build()
        .map_err(|e| BackupError::Io(e.to_string()))?;
    // The signed URL is the secret: https (or this computer, the simulator) only.
    let url = crate::net::secret_url(&link.url)
        .ok_or_else(|| BackupError::Io(crate::tr!("error-backup-download-not-https")))?;
    let mut received = 0u64;
    // The archive's size as the download itself states it (Content-Length, or the total of
    // Content-Range when resumed). Heroku's `processed_bytes` counts what pg_dump wrote and
    // need not equal the stored object's size, so it never decides whether a file is whole.
    let mut total: Option<u64> = None;
    let mut breaks = 0;
    loop {
        let mut request = http.get(url.clone());
        if received > 0 {
            request = request.header(reqwest::header::RANGE, format!("bytes={received}-"));
        }
        // `Err(None)`: the connection broke (asked again); `Err(Some(_))`: this computer could
        // not write (a full disk is said as such, never retried as a network fault).
        let outcome: Result<(), Option<std::io::Error>> = async {
            let response = request.send().await.map_err(|_| None)?;
            let resumed = response.status() == reqwest::StatusCode::PARTIAL_CONTENT;
            if !response.status().is_success() || (received > 0 && !resumed) {
                return Err(None);
            }
            let stated = if resumed {
                response
                    .headers()
                    .get(reqwest::header::CONTENT_RANGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.rsplit('/').next())
                    .and_then(|n| n.trim().parse::<u64>().ok())
            } else {
                response.content_length()
            };
            total = total.or(stated);
            let mut stream = response.bytes_stream();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|_| None)?;
                part.file().write_all(&chunk).map_err(Some)?;
                received += chunk.len() as u64;
                progress(DownloadProgress {
                    received,
                    total: total.unwrap_or(backup.size),
                });
                if cancel.load(Ordering::Relaxed) {
                    return Ok(());
                }
            }
            Ok(())
        }
        .await;
        if cancel.load(Ordering::Relaxed) {
            return Err(BackupError::Cancelled);
        }
        match outcome {
            // Without a stated size, a stream that ended cleanly is whole.
            Ok(()) if total.is_none_or(|t| received >= t) => break,
            Err(Some(write_error)) => return Err(write_error.into()),
            _ => {}
        }
        breaks += 1;
        if breaks > 5 {
            return Err(BackupError::Interrupted);
        }
        tokio::time::sleep(Duration::from_millis(200 * breaks)).await;
    }
    let on_disk = part.file().metadata()?.len();
    match total {
        Some(expected) if on_disk != expected => Err(BackupError::SizeMismatch {
            got: on_disk,
            expected,
        }),
        _ => Ok(part.finish()?),
    }
}

/// A backup saved on this computer, as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct SavedBackup {
    pub path: PathBuf,
    pub folder: PathBuf,
    /// Said when the file's size differs from what Heroku's list reported: the file is whole
    /// by its own download's size, so it is kept (issue: processed_bytes only as a warning).
    pub warning: Option<String>,
}

/// "Download" on a backup: backup `num` into a new dated folder below `root`
/// (`<root>/<app>/<stamp>/<app>-b003.dump`); the folder goes again if the download fails.
pub async fn save(
    client: &HerokuClient,
    app: &str,
    num: i64,
    root: &Path,
    stamp: &str,
    cancel: &AtomicBool,
    progress: impl FnMut(DownloadProgress),
) -> Result<SavedBackup, BackupError> {
    let backup = list(client, app)
        .await?
        .into_iter()
        .find(|b| b.num == num)
        .ok_or(BackupError::Gone)?;
    let folder = crate::files::dated_folder(root, app, stamp)
        .map_err(|e| BackupError::Folder(e.to_string()))?;
    match download(client, app, &backup, &folder, cancel, progress).await {
        Ok(path) => {
            let bytes = std::fs::metadata(&path)?.len();
            let warning = (backup.size > 0 && bytes != backup.size).then(|| {
                let (listed, got) = (
                    crate::files::human_size(backup.size),
                    crate::files::human_size(bytes),
                );
                // Sizes that round alike are given in bytes, so the difference shows.
                let (listed, got) = if listed == got {
                    (
                        crate::tr!("error-size-bytes", count = backup.size),
                        crate::tr!("error-size-bytes", count = bytes),
                    )
                } else {
                    (listed, got)
                };
                crate::tr!("error-backup-size-differs", listed = listed, got = got)
            });
            Ok(SavedBackup {
                path,
                folder,
                warning,
            })
        }
        Err(e) => {
            let _ = std::fs::remove_dir(&folder);
            Err(e)
        }
    }
}

/// Deletes backup `num`.
pub async fn delete(client: &HerokuClient, app: &str, num: i64) -> Result<(), BackupError> {
    Ok(data::delete_transfer(client, app, num).await?)
}

/// The daily backup schedule: at which hour, in which time zone. Every field may be missing:
/// the official CLI's fixtures list schedules as `{hour, name, timezone}` without a uuid and
/// as `{name, uuid}` without an hour (heroku/cli `test/unit/commands/pg/backups/schedules` and
/// `unschedule.unit.test.ts`), and the CLI sends the hour as text (`"06"`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Schedule {
    #[serde(default)]
    pub uuid: Option<String>,
    #[serde(default, deserialize_with = "hour_number_or_text")]
    pub hour: Option<u8>,
    #[serde(default)]
    pub timezone: Option<String>,
}

fn hour_number_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u8>, D::Error> {
    Ok(match Option::<serde_json::Value>::deserialize(d)? {
        Some(serde_json::Value::Number(n)) => n.as_u64().and_then(|h| u8::try_from(h).ok()),
        Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|h| *h < 24))
}

async fn database_id(client: &HerokuClient, app: &str) -> Result<String, BackupError> {
    Ok(database_url_database(client, app).await?.id)
}

/// The schedule of the database behind DATABASE_URL, if one is set.
pub async fn schedule(client: &HerokuClient, app: &str) -> Result<Option<Schedule>, BackupError> {
    let db = database_id(client, app).await?;
    let list: Vec<Schedule> = data::schedules(client, &db).await?;
    Ok(list.into_iter().next())
}

/// Turns the daily backup on at `hour` (0 to 23) in `timezone` (e.g. Europe/Berlin).
pub async fn set_schedule(
    client: &HerokuClient,
    app: &str,
    hour: u8,
    timezone: &str,
) -> Result<Schedule, BackupError> {
    let db = database_id(client, app).await?;
    let body =
        serde_json::json!({ "hour": hour, "timezone": timezone, "schedule_name": "DATABASE_URL" });
    data::schedule(client, &db, &body).await?;
    // The answer's body is not the schedule (it may be empty): read it back.
    schedule(client, app)
        .await?
        .ok_or(BackupError::Heroku(HerokuError::NotFound {
            message: crate::tr!("error-backup-schedule-not-listed"),
        }))
}

/// Turns the daily backup off; existing backups are kept.
pub async fn unschedule(client: &HerokuClient, app: &str) -> Result<(), BackupError> {
    let db = database_id(client, app).await?;
    if let Some(s) = schedule(client, app).await? {
        let uuid = s.uuid.ok_or(BackupError::Heroku(HerokuError::Decode {
            path: "transfer-schedules[0].uuid".into(),
            detail: "the daily backup is listed without its id, so it cannot be turned off".into(),
        }))?;
        data::unschedule(client, &db, &uuid).await?;
    }
    Ok(())
}

crate::error::user_error!(BackupError);
