//! Resetting the database between a pilot and the real study, so that it can never lose data:
//! first a backup Heroku reports as succeeded, then (by default) the data on disk (oTree's own
//! files from the Data page, and every table); only
//! then the reset (`otree resetdb --noinput` in a one-off dyno for oTree apps, the Data API's
//! reset otherwise), then a restart of the web dynos. A failure before the reset resets nothing.

use crate::error::ErrorCode;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::backups::{self, Backup, BackupError};
use super::download::{download_tables, DownloadError, Downloaded};
use crate::heroku::{self, HerokuClient, HerokuError};
use crate::otree::export::DataOptions;
use crate::otree::{download_participant_data, OtreeError, ParticipantData};

/// One step as the screen lists it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ResetStep {
    /// backup, download, reset, restart
    pub step: &'static str,
    /// running, done, failed, skipped
    pub state: &'static str,
    pub detail: String,
}

#[derive(Debug, Clone)]
pub struct ResetOptions {
    /// Save the data before anything is deleted (step 2).
    pub download_first: bool,
    /// Step 2 includes every table (off where there is no real database: practice mode).
    pub tables: bool,
    /// Step 2 includes oTree's own files, fetched this way, for oTree apps.
    pub otree_files: Option<DataOptions>,
    pub poll: Duration,
    /// How long `otree resetdb` may run before the app stops waiting for it.
    pub run_timeout: Duration,
}

impl ResetOptions {
    /// A reset as the Reset card asks it: oTree's files from `study_url`, and every table
    /// unless the database is imaginary (practice mode).
    pub fn for_study(download_first: bool, real_database: bool, study_url: Option<String>) -> Self {
        ResetOptions {
            download_first,
            tables: real_database,
            otree_files: Some(DataOptions::csv(study_url)),
            ..ResetOptions::default()
        }
    }
}

impl Default for ResetOptions {
    fn default() -> Self {
        ResetOptions {
            download_first: true,
            tables: true,
            otree_files: Some(DataOptions::default()),
            poll: Duration::from_secs(2),
            run_timeout: Duration::from_secs(600),
        }
    }
}

impl ResetReport {
    /// The folders the reset saved data into.
    pub fn written_folders(&self) -> Vec<std::path::PathBuf> {
        let tables = self.downloaded.iter().map(|d| d.folder.clone());
        tables
            .chain(self.participant_data.iter().map(|d| d.folder.clone()))
            .collect()
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ResetReport {
    pub backup: Backup,
    pub downloaded: Option<Downloaded>,
    /// oTree's files, when the app is oTree and its server answered.
    pub participant_data: Option<ParticipantData>,
    /// `otree resetdb --noinput` in run.1234, or the Data API's reset.
    pub method: String,
    /// What the reset command printed (one-off dyno's log lines).
    pub output: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ResetError {
    #[error("the backup failed: {0}")]
    Backup(BackupError),
    #[error("the download failed: {0}")]
    Download(DownloadError),
    #[error("oTree's files could not be saved: {0}")]
    OtreeFiles(OtreeError),
    #[error("cancelled before anything was reset")]
    Cancelled,
    #[error("the reset failed: {0}")]
    Reset(HerokuError),
    #[error("the reset did not finish in time")]
    ResetTimeout,
    #[error("the database was reset but the restart failed: {0}")]
    Restart(HerokuError),
    #[error("otree resetdb failed")]
    CommandFailed { output: Vec<String> },
    /// The one-off dyno ran, but its output never reached the log.
    #[error("no output from {dyno}")]
    NoOutput { dyno: String },
    /// The study's dynos could not be brought back after the reset (or its failure).
    #[error("the study's dynos could not be restored: {error}")]
    Restore {
        reset_done: bool,
        formation: String,
        error: HerokuError,
    },
}

impl ResetError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ResetError::Backup(_) => ErrorCode::BackupFailed,
            ResetError::Download(_) | ResetError::OtreeFiles(_) => ErrorCode::DownloadFailed,
            ResetError::Cancelled => ErrorCode::Cancelled,
            ResetError::Reset(_) => ErrorCode::ResetFailed,
            ResetError::ResetTimeout => ErrorCode::ResetTimeout,
            ResetError::Restart(_) => ErrorCode::RestartFailed,
            ResetError::CommandFailed { .. } => ErrorCode::CommandFailed,
            ResetError::Restore { .. } => ErrorCode::RestoreFailed,
            ResetError::NoOutput { .. } => ErrorCode::NoOutput,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            ResetError::Backup(e) => crate::tr!("error-reset-backup", reason = e.plain()),
            ResetError::Download(e) => crate::tr!("error-reset-download", reason = e.plain()),
            ResetError::OtreeFiles(e) => crate::tr!("error-reset-otree-files", reason = e.plain()),
            ResetError::Cancelled => crate::tr!("error-reset-cancelled"),
            ResetError::Reset(e) => crate::tr!("error-reset-failed", reason = e.plain()),
            ResetError::ResetTimeout => crate::tr!("error-reset-timeout"),
            ResetError::Restart(e) => crate::tr!("error-reset-restart", reason = e.plain()),
            ResetError::NoOutput { dyno } => crate::tr!("error-reset-no-output", dyno = dyno),
            ResetError::Restore {
                reset_done,
                formation,
                error,
            } => crate::tr!(
                "error-reset-restore",
                reset_done = if *reset_done { "yes" } else { "no" },
                formation = formation,
                reason = error.plain()
            ),
            ResetError::CommandFailed { output } => {
                crate::tr!("error-reset-command-failed", output = output.join("\n"))
            }
        }
    }
}

/// Whether the app is an oTree study: its settings or its processes say so.
async fn is_otree(client: &HerokuClient, app: &str) -> Result<bool, HerokuError> {
    let (vars, formation) = tokio::try_join!(
        heroku::config_vars::get(client, app),
        heroku::formation::list(client, app)
    )?;
    Ok(vars.keys().any(|k| k.starts_with("OTREE_"))
        || formation
            .iter()
            .any(|f| f.command.as_deref().is_some_and(|c| c.contains("otree"))))
}

/// Step 2: oTree's files (for oTree apps) into `<stamp>`, every table into `<stamp> tables`.
/// The step holds when a whole copy of the data is on disk: the tables, or oTree's files where
/// the tables are not asked for. oTree's files failing while the tables are saved is said, not
/// fatal: a crashed study server must not stand in the way of a reset whose data is safe.
async fn save_data(
    client: &HerokuClient,
    app: &str,
    root: &Path,
    stamp: &str,
    options: &ResetOptions,
    cancel: &AtomicBool,
    step: &mut impl FnMut(&'static str, &'static str, String),
) -> Result<(Option<ParticipantData>, Option<Downloaded>), ResetError> {
    let mut notes = Vec::new();
    let mut files = None;
    let mut files_error = None;
    if let Some(data_options) = &options.otree_files {
        if is_otree(client, app).await.map_err(ResetError::Reset)? {
            step(
                "download",
                "running",
                crate::tr!("core-reset-saving-otree-files"),
            );
            match download_participant_data(client, app, root, stamp, data_options, cancel, |_| {})
                .await
            {
                Ok(data) => {
                    notes.push(crate::tr!(
                        "core-reset-otree-files-saved",
                        count = data.files.len(),
                        folder = data.folder.display().to_string()
                    ));
                    files = Some(data);
                }
                Err(OtreeError::NoData) => notes.push(crate::tr!("core-reset-otree-no-data")),
                Err(OtreeError::Cancelled) => return Err(ResetError::Cancelled),
                Err(e) => files_error = Some(e),
            }
        }
    }
    let mut tables = None;
    if options.tables {
        step(
            "download",
            "running",
            crate::tr!("core-reset-saving-tables"),
        );
        let tables_stamp = format!("{stamp} tables");
        let saved = download_tables(client, app, root, &tables_stamp, cancel, |_| {})
            .await
            .map_err(ResetError::Download)?;
        notes.push(crate::tr!(
            "core-reset-tables-saved",
            count = saved.tables.len(),
            folder = saved.folder.display().to_string()
        ));
        tables = Some(saved);
    }
    match files_error {
        Some(e) if tables.is_none() => return Err(ResetError::OtreeFiles(e)),
        Some(e) => notes.push(crate::tr!(
            "core-reset-otree-files-failed",
            reason = e.plain()
        )),
        None => {}
    }
    if notes.is_empty() {
        notes.push(crate::tr!("core-reset-nothing-to-save"));
    }
    // Each note is a whole sentence.
    step("download", "done", notes.join(" "));
    Ok((files, tables))
}

pub async fn reset(
    client: &HerokuClient,
    app: &str,
    root: &Path,
    stamp: &str,
    options: &ResetOptions,
    cancel: &AtomicBool,
    mut on_step: impl FnMut(ResetStep),
) -> Result<ResetReport, ResetError> {
    let mut step = |step: &'static str, state: &'static str, detail: String| {
        on_step(ResetStep {
            step,
            state,
            detail,
        })
    };

    step("backup", "running", crate::tr!("core-reset-backing-up"));
    let backup = match backups::capture(client, app, options.poll, cancel, |_| {}).await {
        Ok(b) => b,
        Err(e) => {
            step("backup", "failed", e.plain());
            return Err(ResetError::Backup(e));
        }
    };
    step(
        "backup",
        "done",
        crate::tr!(
            "core-reset-backup-done",
            name = backup.name.as_str(),
            size = crate::files::human_size(backup.size)
        ),
    );

    let (participant_data, downloaded) = if options.download_first {
        match save_data(client, app, root, stamp, options, cancel, &mut step).await {
            Ok(saved) => saved,
            Err(e) => {
                step("download", "failed", e.plain());
                return Err(e);
            }
        }
    } else {
        step(
            "download",
            "skipped",
            crate::tr!("core-reset-download-skipped"),
        );
        (None, None)
    };

    if cancel.load(Ordering::SeqCst) {
        return Err(ResetError::Cancelled);
    }

    step("reset", "running", crate::tr!("core-reset-resetting"));
    let (method, output) = match reset_now(client, app, options).await {
        Ok(m) => m,
        Err(e) => {
            step("reset", "failed", e.plain());
            return Err(e);
        }
    };
    step(
        "reset",
        "done",
        crate::tr!("core-reset-done", method = method.as_str()),
    );

    step("restart", "running", crate::tr!("core-reset-restarting"));
    let restarted = heroku::dynos::restart_process_type(client, app, "web").await;
    if let Err(e) = restarted {
        let e = ResetError::Restart(e);
        step("restart", "failed", e.plain());
        return Err(e);
    }
    step("restart", "done", crate::tr!("core-reset-restarted"));
    Ok(ResetReport {
        backup,
        downloaded,
        participant_data,
        method,
        output,
    })
}

async fn reset_now(
    client: &HerokuClient,
    app: &str,
    options: &ResetOptions,
) -> Result<(String, Vec<String>), ResetError> {
    if is_otree(client, app).await.map_err(ResetError::Reset)? {
        // oTree's resetdb waits without end while another process holds a connection to the
        // database (its resetdb.py says so beside the DROP): the study's dynos stop first,
        // behind Heroku's maintenance page, and come back exactly as they were, also when the
        // reset fails.
        let stopped = stop_study(client, app).await?;
        let reset = resetdb(client, app, options).await;
        let restored = restore_study(client, app, &stopped).await;
        return match (reset, restored) {
            (Ok(done), Ok(())) => Ok(done),
            (Err(e), Ok(())) => Err(e),
            (reset, Err(e)) => Err(ResetError::Restore {
                reset_done: reset.is_ok(),
                formation: describe(&stopped),
                error: e,
            }),
        };
    }
    // The same database the backup was taken of: the one behind DATABASE_URL.
    let db = backups::database_url_database(client, app)
        .await
        .map_err(ResetError::Backup)?;
    heroku::data::reset(client, &db.id)
        .await
        .map_err(ResetError::Reset)?;
    Ok((crate::tr!("core-reset-method-data-api"), vec![]))
}

/// The process types that were running, as they were (type, quantity, size).
type Running = Vec<(String, i64, String)>;

fn describe(running: &Running) -> String {
    running
        .iter()
        .map(|(t, q, s)| format!("{t} {q} × {s}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Maintenance on, then every running process type (web, worker, ...) scaled to 0.
async fn stop_study(client: &HerokuClient, app: &str) -> Result<Running, ResetError> {
    let formation = heroku::formation::list(client, app)
        .await
        .map_err(ResetError::Reset)?;
    let running: Running = formation
        .into_iter()
        .filter(|f| f.quantity > 0 && f.process_type != "release")
        .map(|f| (f.process_type, f.quantity, f.size))
        .collect();
    heroku::apps::set_maintenance(client, app, true)
        .await
        .map_err(ResetError::Reset)?;
    for (process_type, _, _) in &running {
        let scaled = heroku::formation::update(
            client,
            app,
            process_type,
            &serde_json::json!({ "quantity": 0 }),
        )
        .await;
        if let Err(e) = scaled {
            // Put back what was already stopped before saying why.
            let _ = restore_study(client, app, &running).await;
            return Err(ResetError::Reset(e));
        }
    }
    Ok(running)
}

/// Every process type back to its count and size, then maintenance off. Each step is tried
/// even when one before it failed; the first failure is returned.
async fn restore_study(
    client: &HerokuClient,
    app: &str,
    running: &Running,
) -> Result<(), HerokuError> {
    let mut first_error = None;
    for (process_type, quantity, size) in running {
        let body = serde_json::json!({ "quantity": quantity, "dyno_size": { "name": size } });
        if let Err(e) = heroku::formation::update(client, app, process_type, &body).await {
            first_error.get_or_insert(e);
        }
    }
    if let Err(e) = heroku::apps::set_maintenance(client, app, false).await {
        first_error.get_or_insert(e);
    }
    first_error.map_or(Ok(()), Err)
}

/// Starts a one-off dyno; Heroku answers 409 while a new release "isn't found yet", and the
/// official CLI asks again, twice (heroku/cli, lib/run/dyno: `_doStart(retries - 1)` on 409);
/// Novaland waits a moment between the tries.
async fn start_one_off(
    client: &HerokuClient,
    app: &str,
    body: &serde_json::Value,
    pause: Duration,
) -> Result<heroku::models::Dyno, HerokuError> {
    let mut tries = 0;
    loop {
        match heroku::dynos::create(client, app, body).await {
            Err(HerokuError::Other { status: 409, .. }) if tries < 2 => {
                tries += 1;
                tokio::time::sleep(pause).await;
            }
            other => return other,
        }
    }
}

/// `otree resetdb --noinput` in a one-off dyno, followed until it exits.
async fn resetdb(
    client: &HerokuClient,
    app: &str,
    options: &ResetOptions,
) -> Result<(String, Vec<String>), ResetError> {
    let body =
        serde_json::json!({ "command": "otree resetdb --noinput", "attach": false, "type": "run" });
    let dyno = start_one_off(client, app, &body, options.poll)
        .await
        .map_err(ResetError::Reset)?;
    let started = Instant::now();
    loop {
        tokio::time::sleep(options.poll).await;
        match heroku::dynos::info(client, app, &dyno.name).await {
            // A one-off dyno disappears from the API when its command has exited.
            Err(HerokuError::NotFound { .. }) => {
                let output = command_output(client, app, &dyno.name, OUTPUT_WAIT)
                    .await
                    .map_err(ResetError::Reset)?;
                if output.is_empty() {
                    return Err(ResetError::NoOutput { dyno: dyno.name });
                }
                if !output
                    .iter()
                    .any(|l| l.ends_with("Process exited with status 0"))
                {
                    return Err(ResetError::CommandFailed { output });
                }
                return Ok((
                    crate::tr!("core-reset-method-otree", dyno = dyno.name.as_str()),
                    output,
                ));
            }
            Err(e) => return Err(ResetError::Reset(e)),
            Ok(_) if started.elapsed() > options.run_timeout => {
                return Err(ResetError::ResetTimeout)
            }
            Ok(_) => {}
        }
    }
}

/// How long the one-off dyno's output is waited for once the dyno has exited.
const OUTPUT_WAIT: Duration = Duration::from_secs(60);

/// The one-off dyno's lines, read from a log session with the live log's reader (plain text
/// or server-sent events: on Fir, and for some Cedar URLs, a log session streams and never
/// ends) until this dyno's own `heroku[run.N]: Process exited with status N` line, or
/// `OUTPUT_WAIT`. Both `dyno` and `dyno_name` are asked for (the Platform API's and the
/// CLI's names), but lines are kept by their source, never trusting the filter.
async fn command_output(
    client: &HerokuClient,
    app: &str,
    dyno: &str,
    wait: Duration,
) -> Result<Vec<String>, HerokuError> {
    use futures_util::StreamExt;
    let body = serde_json::json!({ "dyno": dyno, "dyno_name": dyno, "lines": 300, "tail": true });
    let session = heroku::log_sessions::create(client, app, &body).await?;
    // The logplex URL carries its own secret; it gets no Authorization header, goes only
    // over https (or to this computer), and never appears in an error.
    let url = crate::net::secret_url(&session.logplex_url).ok_or(HerokuError::InsecureUrl {
        url: "the log address Heroku gave".into(),
    })?;
    let offline = |e: reqwest::Error| HerokuError::Offline {
        detail: e.without_url().to_string(),
    };
    let response = reqwest::get(url)
        .await
        .and_then(|r| r.error_for_status())
        .map_err(offline)?;
    let mut format = crate::logs::stream::LineFormat::of(&response);
    let deadline = tokio::time::Instant::now() + wait;
    let mut stream = response.bytes_stream();
    let (mut partial, mut lines) = (Vec::new(), Vec::new());
    while let Ok(chunk) = tokio::time::timeout_at(deadline, stream.next()).await {
        let Some(chunk) = chunk else { break };
        partial.extend_from_slice(&chunk.map_err(offline)?);
        while let Some(end) = partial.iter().position(|b| *b == b'\n') {
            let raw: Vec<u8> = partial.drain(..=end).collect();
            let Some(text) = format.payload(&raw[..raw.len() - 1]) else {
                continue;
            };
            let line = crate::logs::line::parse_str(String::from_utf8_lossy(text).into_owned());
            if line.dyno() != Some(dyno) {
                continue;
            }
            let exited = line.source == crate::logs::Source::Platform
                && line.message().contains("Process exited with status");
            lines.push(line.raw);
            if exited {
                return Ok(lines);
            }
        }
    }
    Ok(lines)
}

crate::error::user_error!(ResetError);
