//! Deploying a checked project with Heroku's Build API (Dev Center "Build API"): a source
//! (`put_url`/`get_url`), the tar.gz uploaded to `put_url`, a build of `get_url`, the
//! buildpack's output read live from `output_stream_url`, and the build's end.
//!
//! The upload and the output stream go to storage URLs that carry their own signature: the
//! Heroku key is never sent there (it belongs to api.heroku.com only).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use futures_util::StreamExt;
use serde::Serialize;

use super::project::{Project, ProjectError};
use crate::error::ErrorCode;
use crate::heroku::models::Build;
use crate::heroku::{self, HerokuClient, HerokuError};

/// How often an upload that broke off is tried again.
const UPLOAD_TRIES: usize = 3;

/// What the page shows while a deploy runs.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DeployProgress {
    /// Bytes of the archive uploaded so far.
    Upload { sent: u64, total: u64 },
    /// One line the buildpack printed.
    Output { line: String },
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Deployed {
    pub build: String,
    /// The release the build made (its id), when Heroku names it.
    pub release: Option<String>,
    pub output: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error(transparent)]
    Heroku(#[from] HerokuError),
    #[error("the upload failed: {detail}")]
    Upload { detail: String },
    #[error("the build failed: {reason}")]
    BuildFailed { reason: String, output: Vec<String> },
    #[error("the build did not finish in time")]
    Timeout { output: Vec<String> },
    #[error("cancelled")]
    Cancelled,
}

impl DeployError {
    pub fn code(&self) -> ErrorCode {
        match self {
            DeployError::Project(e) => e.code(),
            DeployError::Heroku(e) => e.code(),
            DeployError::Upload { .. } => ErrorCode::UploadFailed,
            DeployError::BuildFailed { .. } => ErrorCode::BuildFailed,
            DeployError::Timeout { .. } => ErrorCode::Timeout,
            DeployError::Cancelled => ErrorCode::Cancelled,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            DeployError::Project(e) => e.plain(),
            DeployError::Heroku(e) => e.plain(),
            DeployError::Upload { .. } => crate::tr!("error-deploy-upload", tries = UPLOAD_TRIES),
            DeployError::BuildFailed { reason, .. } => {
                crate::tr!("error-deploy-build-failed", reason = reason)
            }
            DeployError::Timeout { .. } => crate::tr!("error-deploy-timeout"),
            DeployError::Cancelled => crate::tr!("error-deploy-cancelled"),
        }
    }
}

crate::error::user_error!(DeployError);

/// How long to wait for a build, and how often to ask.
#[derive(Debug, Clone)]
pub struct DeployOptions {
    pub poll: Duration,
    pub timeout: Duration,
}

impl Default for DeployOptions {
    fn default() -> Self {
        DeployOptions {
            poll: Duration::from_secs(3),
            timeout: Duration::from_secs(15 * 60),
        }
    }
}

/// Uploads and builds `project` on `app`, reporting the upload and every output line.
pub async fn deploy(
    client: &HerokuClient,
    app: &str,
    project: &Project,
    options: &DeployOptions,
    cancel: &AtomicBool,
    mut on_progress: impl FnMut(DeployProgress),
) -> Result<Deployed, DeployError> {
    let archive = project.archive()?;
    let source = heroku::builds::create_source(client).await?;
    upload(
        &source.source_blob.put_url,
        archive,
        cancel,
        &mut on_progress,
    )
    .await?;
    let version = version_label(project);
    let build = heroku::builds::create(client, app, &source.source_blob.get_url, &version).await?;
    let mut output = Vec::new();
    if let Some(url) = &build.output_stream_url {
        // The stream ends with the build; when it cannot be read, the build's state still
        // tells the end, only without its lines.
        let _ = stream_output(url, cancel, &mut output, &mut on_progress).await;
    }
    let build = wait(client, app, build, options, cancel, &output).await?;
    match build.status.as_str() {
        "succeeded" => Ok(Deployed {
            build: build.id,
            release: build.release.map(|r| r.id),
            output,
        }),
        _ => Err(DeployError::BuildFailed {
            reason: failure_reason(&output),
            output,
        }),
    }
}

/// What the release list shows for this deploy: the project's name and a short checksum of
/// its files, so two uploads of the same files read the same.
fn version_label(project: &Project) -> String {
    let mut sum: u32 = 2166136261;
    for (name, bytes) in &project.files {
        for b in name.as_bytes().iter().chain(bytes) {
            sum = (sum ^ u32::from(*b)).wrapping_mul(16777619);
        }
    }
    format!("{} {sum:08x}", project.report.name)
}

async fn upload(
    put_url: &str,
    archive: Vec<u8>,
    cancel: &AtomicBool,
    on_progress: &mut impl FnMut(DeployProgress),
) -> Result<(), DeployError> {
    let url = url::Url::parse(put_url).map_err(|e| DeployError::Upload {
        detail: e.to_string(),
    })?;
    if !crate::net::is_allowed(&url) {
        return Err(DeployError::Upload {
            detail: "Heroku gave an upload address that is not https".into(),
        });
    }
    let total = archive.len() as u64;
    // Shared, not copied: each try sends slices of the same bytes (a project may be 100 MB).
    let archive = bytes::Bytes::from(archive);
    let http = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(600))
        .build()
        .map_err(|e| DeployError::Upload {
            detail: e.to_string(),
        })?;
    let mut last = String::new();
    for _ in 0..UPLOAD_TRIES {
        if cancel.load(Ordering::SeqCst) {
            return Err(DeployError::Cancelled);
        }
        on_progress(DeployProgress::Upload { sent: 0, total });
        // S3 signed the PUT for an empty Content-Type and a known length (heroku/heroku-builds
        // `src/commands/builds/create.ts` sends exactly these two headers).
        const CHUNK: usize = 256 * 1024;
        let chunks: Vec<Result<bytes::Bytes, std::io::Error>> = (0..archive.len())
            .step_by(CHUNK)
            .map(|at| Ok(archive.slice(at..(at + CHUNK).min(archive.len()))))
            .collect();
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u64>();
        let mut sent = 0u64;
        let body = futures_util::stream::iter(chunks).map(move |c| {
            if let Ok(c) = &c {
                sent += c.len() as u64;
                let _ = tx.send(sent);
            }
            c
        });
        let request = http
            .put(url.clone())
            .header(reqwest::header::CONTENT_TYPE, "")
            .header(reqwest::header::CONTENT_LENGTH, total)
            .body(reqwest::Body::wrap_stream(body))
            .send();
        tokio::pin!(request);
        let answer = loop {
            tokio::select! {
                answer = &mut request => break answer,
                Some(sent) = rx.recv() => on_progress(DeployProgress::Upload { sent, total }),
            }
        };
        match answer {
            // The answer is read to its end: a connection that drops there lost the upload.
            Ok(a) if a.status().is_success() => match a.bytes().await {
                Ok(_) => {
                    on_progress(DeployProgress::Upload { sent: total, total });
                    return Ok(());
                }
                Err(e) => last = e.without_url().to_string(),
            },
            Ok(a) => last = format!("HTTP {}", a.status().as_u16()),
            Err(e) => last = e.without_url().to_string(),
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    Err(DeployError::Upload { detail: last })
}

/// Reads the buildpack's output line by line until the stream ends (the build is over). The
/// schema says the stream is `text/plain` or `text/event-stream`; both are read (the log's
/// [`LineFormat`](crate::logs::stream::LineFormat) tells them apart).
async fn stream_output(
    url: &str,
    cancel: &AtomicBool,
    output: &mut Vec<String>,
    on_progress: &mut impl FnMut(DeployProgress),
) -> Result<(), String> {
    // The URL carries its own secret: no Authorization header, https (or this computer) only.
    let url = crate::net::secret_url(url).ok_or("not https")?;
    // A stream asked for before the build has started may answer 404 for a while; the CLI
    // waits for release output the same way (heroku/cli `src/lib/container/streamer.ts`: 30
    // tries, a second apart).
    let mut tries = 0;
    let answer = loop {
        let answer = reqwest::get(url.clone())
            .await
            .map_err(|e| e.without_url().to_string())?;
        if answer.status() == reqwest::StatusCode::NOT_FOUND && tries < 30 {
            tries += 1;
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        }
        break answer
            .error_for_status()
            .map_err(|e| e.without_url().to_string())?;
    };
    let mut format = crate::logs::stream::LineFormat::of(&answer);
    let mut stream = answer.bytes_stream();
    let mut pending = Vec::new();
    while let Some(chunk) = stream.next().await {
        if cancel.load(Ordering::SeqCst) {
            return Ok(());
        }
        pending.extend_from_slice(&chunk.map_err(|e| e.without_url().to_string())?);
        while let Some(at) = pending.iter().position(|b| *b == b'\n') {
            let raw: Vec<u8> = pending.drain(..=at).collect();
            if let Some(text) = format.payload(&raw[..raw.len() - 1]) {
                let line = String::from_utf8_lossy(text).into_owned();
                output.push(line.clone());
                on_progress(DeployProgress::Output { line });
            }
        }
    }
    Ok(())
}

async fn wait(
    client: &HerokuClient,
    app: &str,
    mut build: Build,
    options: &DeployOptions,
    cancel: &AtomicBool,
    output: &[String],
) -> Result<Build, DeployError> {
    let started = tokio::time::Instant::now();
    while build.status == "pending" {
        if cancel.load(Ordering::SeqCst) {
            return Err(DeployError::Cancelled);
        }
        if started.elapsed() > options.timeout {
            return Err(DeployError::Timeout {
                output: output.to_vec(),
            });
        }
        tokio::time::sleep(options.poll).await;
        build = heroku::builds::info(client, app, &build.id).await?;
    }
    Ok(build)
}

/// The line of the buildpack's output that says why, in the researcher's words where the
/// error is a known one.
pub fn failure_reason(output: &[String]) -> String {
    let clean = |l: &str| l.trim_start_matches(" !").trim().to_string();
    if let Some(l) = output
        .iter()
        .find(|l| l.contains("Could not find a version that satisfies the requirement"))
    {
        let package = l
            .split("requirement ")
            .nth(1)
            .and_then(|r| r.split_whitespace().next());
        return match package {
            Some(package) => crate::tr!("error-build-package-not-installed", package = package),
            None => crate::tr!("error-build-some-package-not-installed"),
        };
    }
    if output
        .iter()
        .any(|l| l.contains("Couldn't find any supported Python package manager files"))
    {
        return crate::tr!("error-build-no-requirements");
    }
    match output
        .iter()
        .rev()
        .find(|l| l.contains("Error") || l.contains("ERROR") || l.trim_start().starts_with('!'))
    {
        Some(l) => crate::tr!("error-build-last-error-line", line = clean(l)),
        None => crate::tr!("error-build-no-reason"),
    }
}
