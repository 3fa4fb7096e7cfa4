//! Deploying without Git: sources to upload to, builds of them with the buildpack's output
//! streamed, and the release a successful build makes.
//!
//! Shapes: the schema's `source`, `build` and `app` links. What the buildpack prints is
//! heroku/heroku-buildpack-python's own output (its `spec/hatchet/*_spec.rb` and
//! `lib/package_manager.sh`, `lib/pip.sh`) and pip's (`ERROR: Could not find a version that
//! satisfies the requirement`); the platform's lines around it are those of a real 2025 build
//! log ("-----> Building on the Heroku-24 stack" ... "Released v6"). Made up, and only
//! decoration: the patch versions, the slug size, and which packages the simulated PyPI has.

use std::io::Read;
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::{fake_uuid, now_utc};
use crate::scenario::{AppSpec, FormationSpec};
use crate::state::*;

/// How long the simulated buildpack takes per line of output: a build of the example
/// project takes about two seconds, long enough to watch and to cancel.
const LINE_TIME: Duration = Duration::from_millis(80);

/// Packages the simulated PyPI has (anything else "could not be found", as pip says).
const KNOWN_PACKAGES: &[&str] = &[
    "otree",
    "psycopg2",
    "psycopg2-binary",
    "psycopg",
    "sentry-sdk",
    "requests",
    "numpy",
    "pandas",
    "scipy",
    "python-dateutil",
    "pytz",
    "openpyxl",
    "xlsxwriter",
    "pillow",
];

/// One build the simulator ran.
#[derive(Debug, Clone)]
pub(crate) struct BuildRecord {
    pub id: String,
    pub app: String,
    pub version: Option<String>,
    pub get_url: String,
    pub succeeded: bool,
    pub output: Vec<String>,
    pub started: std::time::Instant,
    pub created_at: String,
    pub release: Option<i64>,
    pub user: String,
}

impl BuildRecord {
    /// Pending until the buildpack's last line has been "printed".
    fn status(&self) -> &'static str {
        if self.started.elapsed() < LINE_TIME * self.output.len() as u32 {
            "pending"
        } else if self.succeeded {
            "succeeded"
        } else {
            "failed"
        }
    }
}

pub(crate) fn base(shared: &Shared) -> String {
    format!("http://{}", shared.hosts[0])
}

/// `POST /sources` (and the deprecated `POST /apps/{app}/sources`): a pair of URLs on this
/// simulator standing in for S3's signed ones.
pub(crate) async fn create_source(State(shared): S) -> Response {
    let id = fake_uuid(
        "source",
        &format!("{}{:?}", now_utc(), std::time::Instant::now()),
    );
    let url = format!("{}/__sim/sources/{id}.tgz", base(&shared));
    shared.sources.lock().unwrap().insert(id, None);
    (
        StatusCode::CREATED,
        Json(json!({ "source_blob": { "get_url": url, "put_url": url } })),
    )
        .into_response()
}

pub(crate) async fn create_source_for_app(State(shared): S, Path(_app): Path<String>) -> Response {
    create_source(State(shared)).await
}

/// The upload (S3 answers 200 with no body). As S3 does for a presigned URL, it refuses a
/// request that also carries an Authorization header ("Only one auth mechanism allowed") and
/// one whose Content-Type differs from the signed, empty one (SignatureDoesNotMatch).
pub(crate) async fn upload(
    State(shared): S,
    Path(file): Path<String>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    if headers.contains_key(header::AUTHORIZATION) {
        return (StatusCode::BAD_REQUEST, "<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified</Message></Error>").into_response();
    }
    if headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| !v.is_empty())
    {
        return (StatusCode::FORBIDDEN, "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>").into_response();
    }
    let id = file.trim_end_matches(".tgz").to_string();
    let mut sources = shared.sources.lock().unwrap();
    match sources.get_mut(&id) {
        Some(slot) => {
            *slot = Some(body.to_vec());
            StatusCode::OK.into_response()
        }
        None => StatusCode::FORBIDDEN.into_response(),
    }
}

pub(crate) async fn download(State(shared): S, Path(file): Path<String>) -> Response {
    let id = file.trim_end_matches(".tgz");
    match shared.sources.lock().unwrap().get(id) {
        Some(Some(bytes)) => bytes.clone().into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

/// `POST /apps/{app}/builds` `{source_blob: {url, version}}`: the build runs at once; its
/// outcome follows from the uploaded archive.
pub(crate) async fn create(
    State(shared): S,
    Path(app): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let Some(url) = body.pointer("/source_blob/url").and_then(Value::as_str) else {
        return heroku_error(422, "invalid_params", "source_blob:url is required.");
    };
    // heroku/heroku-builds issue 27: the API refuses a plain-http source URL; this simulator's
    // own URLs are the only http ones it takes.
    if !url.starts_with("https://") && !url.starts_with(&base(&shared)) {
        return heroku_error(
            422,
            "invalid_params",
            "https is required for source_blob:url",
        );
    }
    let version = body
        .pointer("/source_blob/version")
        .and_then(Value::as_str)
        .map(String::from);
    let archive = url
        .rsplit('/')
        .next()
        .map(|f| f.trim_end_matches(".tgz").to_string())
        .and_then(|id| shared.sources.lock().unwrap().get(&id).cloned().flatten());
    let mut scenario = shared.scenario.lock().unwrap();
    let user = scenario.account.email.clone();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    let (succeeded, output, procfile) = buildpack(archive.as_deref(), spec);
    let id = fake_uuid(
        "build",
        &format!("{}{:?}", spec.name, std::time::Instant::now()),
    );
    let mut record = BuildRecord {
        id: id.clone(),
        app: spec.name.clone(),
        version: version.clone(),
        get_url: url.to_string(),
        succeeded,
        output,
        started: std::time::Instant::now(),
        created_at: now_utc(),
        release: None,
        user: user.clone(),
    };
    if succeeded {
        let description = format!("Deploy {}", version.as_deref().unwrap_or("source"));
        release(spec, description, &user);
        let version = spec.releases.iter().map(|r| r.version).max();
        record.release = version;
        if let Some(v) = version {
            let last = record.output.len() - 1;
            record.output.insert(last, format!("       Released v{v}"));
        }
        deployed(spec, &procfile);
    }
    let rendered = render(&record, spec, &base(&shared));
    let web = procfile
        .iter()
        .find(|(kind, _)| kind == "web")
        .map(|(_, command)| command.clone());
    let run = (succeeded, spec.web_port, web, spec.config_vars.clone());
    let name = spec.name.clone();
    drop(scenario);
    shared.builds.lock().unwrap().push(record);
    // The new release's web dyno, when the simulator runs deployed projects for real: the old
    // one stops first (it holds the port), as Heroku replaces dynos on a release.
    let runtime = shared.otree.lock().unwrap().clone();
    if let (Some(runtime), (true, Some(port), Some(command), vars), Some(archive)) =
        (runtime, run, archive.as_deref())
    {
        shared.web_dynos.lock().unwrap().remove(&name);
        let weak = std::sync::Arc::downgrade(&shared);
        match crate::web_dynos::start(weak, &runtime, &name, archive, &command, port, &vars) {
            Ok(dyno) => {
                shared.web_dynos.lock().unwrap().insert(name, dyno);
            }
            Err(e) => eprintln!("heroku-sim: the web dyno of {name} did not start: {e}"),
        }
    }
    (StatusCode::CREATED, Json(rendered)).into_response()
}

pub(crate) async fn info(State(shared): S, Path((app, id)): Path<(String, String)>) -> Response {
    let builds = shared.builds.lock().unwrap();
    let Some(record) = builds.iter().find(|b| b.id == id && b.app == app) else {
        return heroku_error(404, "not_found", "Couldn't find that build.");
    };
    with_app(&shared, &app, |_, spec| {
        Json(render(record, spec, &base(&shared))).into_response()
    })
}

pub(crate) async fn list(State(shared): S, Path(app): Path<String>) -> Response {
    let builds: Vec<BuildRecord> = shared
        .builds
        .lock()
        .unwrap()
        .iter()
        .filter(|b| b.app == app)
        .cloned()
        .collect();
    with_app(&shared, &app, |_, spec| {
        Json(Value::Array(
            builds
                .iter()
                .map(|b| render(b, spec, &base(&shared)))
                .collect(),
        ))
        .into_response()
    })
}

/// The buildpack's output as server-sent events (the schema allows `text/plain` or
/// `text/event-stream`; events are the form a plain-text reader gets wrong), a line at a time.
pub(crate) async fn output(State(shared): S, Path(id): Path<String>) -> Response {
    let Some(record) = shared
        .builds
        .lock()
        .unwrap()
        .iter()
        .find(|b| b.id == id)
        .cloned()
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let stream = futures_util::stream::unfold(0usize, move |i| {
        let record = record.clone();
        async move {
            let line = record.output.get(i)?.clone();
            // Lines come out as the build prints them; a stream opened late gets the past at once.
            let due = record.started + LINE_TIME * i as u32;
            tokio::time::sleep_until(due.into()).await;
            let event = format!("id: {i}\ndata: {line}\n\n");
            Some((Ok::<_, std::convert::Infallible>(Bytes::from(event)), i + 1))
        }
    });
    Response::builder()
        .header(header::CONTENT_TYPE, "text/event-stream")
        .body(Body::from_stream(stream))
        .expect("a valid response")
}

fn render(record: &BuildRecord, spec: &AppSpec, base: &str) -> Value {
    json!({
        "app": { "id": fake_uuid("app", &spec.name) },
        "buildpacks": [{ "url": "https://buildpack-registry.s3.amazonaws.com/buildpacks/heroku/python.tgz", "name": "heroku/python" }],
        "created_at": record.created_at,
        "generation": spec.generation,
        "id": record.id,
        "output_stream_url": format!("{base}/__sim/build-output/{}", record.id),
        "source_blob": {
            "checksum": null,
            "url": record.get_url,
            "version": record.version,
            "version_description": null,
        },
        "release": record.release.filter(|_| record.status() == "succeeded").map(|v| json!({ "id": fake_uuid("release", &format!("{}/{v}", spec.name)) })),
        "slug": record.release.filter(|_| record.status() == "succeeded").map(|v| json!({ "id": fake_uuid("slug", &format!("{}/{v}", spec.name)) })),
        "stack": spec.stack,
        "status": record.status(),
        "updated_at": record.created_at,
        "user": { "id": fake_uuid("account", &record.user), "email": record.user },
    })
}

/// A deployed oTree app: the Procfile's process types (web scaled to one, as Heroku does on
/// the first deploy), and its study served by the simulator.
fn deployed(spec: &mut AppSpec, procfile: &[(String, String)]) {
    for (kind, command) in procfile {
        if !spec.formation.iter().any(|f| &f.process_type == kind) {
            spec.formation.push(FormationSpec {
                process_type: kind.clone(),
                quantity: i64::from(kind == "web"),
                size: "Basic".into(),
                command: command.clone(),
            });
        }
    }
    // A new app's study starts without participants; a new version keeps the data it had.
    if !spec.practice_study {
        spec.practice_study = true;
        spec.study_emptied = true;
    }
}

/// What the Python buildpack prints for this archive, whether it succeeds, and the Procfile's
/// process types.
fn buildpack(archive: Option<&[u8]>, spec: &AppSpec) -> (bool, Vec<String>, Vec<(String, String)>) {
    let mut out = vec![
        format!("-----> Building on the {} stack", stack_title(&spec.stack)),
        "-----> Using buildpack: heroku/python".to_string(),
    ];
    let files = archive.and_then(unpack);
    let Some(files) = files else {
        out.push(" !     Push rejected: the source archive could not be unpacked.".into());
        return (false, out, vec![]);
    };
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    };
    let python_files = [
        "requirements.txt",
        "Pipfile.lock",
        "poetry.lock",
        "uv.lock",
        "setup.py",
        "pyproject.toml",
        ".python-version",
    ];
    if !python_files.iter().any(|f| file(f).is_some())
        && !files.iter().any(|(n, _)| n.ends_with(".py"))
    {
        out.push(" !     Error: Your app is configured to use the Python buildpack,".into());
        out.push(" !     but we couldn't find any supported Python project files.".into());
        out.push(" !     Push failed".into());
        return (false, out, vec![]);
    }
    out.push("-----> Python app detected".into());
    let Some(requirements) = file("requirements.txt") else {
        out.push(" !     Error: Couldn't find any supported Python package manager files.".into());
        out.push(" !     ".into());
        out.push(" !     A Python app on Heroku must have either a 'requirements.txt',".into());
        out.push(
            " !     'Pipfile.lock', 'poetry.lock' or 'uv.lock' package manager file in".into(),
        );
        out.push(" !     the root directory of its source code.".into());
        out.push(" !     Push rejected, failed to compile Python app.".into());
        return (false, out, vec![]);
    };
    let python = match file(".python-version") {
        Some(v) => {
            out.push(format!(
                "-----> Using Python {} specified in .python-version",
                v.trim()
            ));
            v.trim().to_string()
        }
        None => {
            out.push(
                "-----> No Python version was specified. Using the buildpack default: Python 3.13"
                    .into(),
            );
            "3.13".to_string()
        }
    };
    out.push(format!("-----> Installing Python {python}.9"));
    out.push("-----> Installing pip 25.3".into());
    out.push("-----> Installing dependencies using 'pip install -r requirements.txt'".into());
    let mut installed = Vec::new();
    for line in requirements
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
    {
        let name: String = line
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        if !KNOWN_PACKAGES.iter().any(|p| p.eq_ignore_ascii_case(&name)) {
            out.push(format!("       ERROR: Could not find a version that satisfies the requirement {line} (from versions: none)"));
            out.push(format!(
                "       ERROR: No matching distribution found for {line}"
            ));
            out.push(" !     Error: Unable to install dependencies using pip.".into());
            out.push(" !     See the log output above for more information.".into());
            out.push(" !     Push rejected, failed to compile Python app.".into());
            return (false, out, vec![]);
        }
        out.push(format!("       Collecting {line}"));
        installed.push(name.to_lowercase());
    }
    out.push(format!(
        "       Successfully installed {}",
        installed.join(" ")
    ));
    out.push("-----> Saving cache".into());
    out.push("-----> Discovering process types".into());
    let procfile: Vec<(String, String)> = file("Procfile")
        .unwrap_or("")
        .lines()
        .filter_map(|l| l.trim_end_matches('\r').split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let kinds: Vec<&str> = procfile.iter().map(|(k, _)| k.as_str()).collect();
    out.push(format!(
        "       Procfile declares types -> {}",
        kinds.join(", ")
    ));
    out.push("-----> Compressing...".into());
    out.push("       Done: 71.4M".into());
    out.push("-----> Launching...".into());
    let url = crate::render::web_url(spec);
    out.push(format!("       {url} deployed to Heroku"));
    (true, out, procfile)
}

fn stack_title(stack: &str) -> String {
    match stack.strip_prefix("heroku-") {
        Some(n) => format!("Heroku-{n}"),
        None => stack.to_string(),
    }
}

/// The archive's text files (path, contents), or `None` when it is no gzip'd tar.
fn unpack(bytes: &[u8]) -> Option<Vec<(String, String)>> {
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(bytes));
    let mut files = Vec::new();
    for entry in archive.entries().ok()? {
        let mut entry = entry.ok()?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .ok()?
            .to_string_lossy()
            .trim_start_matches("./")
            .to_string();
        let mut text = Vec::new();
        entry.read_to_end(&mut text).ok()?;
        files.push((name, String::from_utf8_lossy(&text).into_owned()));
    }
    Some(files)
}
