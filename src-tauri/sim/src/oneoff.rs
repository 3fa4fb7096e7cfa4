//! One-off dynos (`heroku run:detached`), a formation restart, and the Data API's reset.
//!
//! The simulator runs the one command a reset needs, `otree resetdb --noinput`, against the
//! app's DATABASE_URL when that points at a PostgreSQL on this computer: it empties every
//! table of the public schema, as oTree's resetdb leaves them (dropped and created anew).

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::{fake_uuid, now_utc};
use crate::server::{heroku_error, Shared};

type S = State<Arc<Shared>>;

/// How long a one-off dyno runs in the simulator.
pub const RUN_TIME: Duration = Duration::from_millis(800);

/// How long the simulated `otree resetdb` waits for other connections to go before it gives
/// up (the real one waits without end; see `waits_for_other_connections`).
pub const RESETDB_WAIT: Duration = Duration::from_secs(30);

/// Whether web or worker dynos of the app are running: each holds connections to the
/// database, and oTree's resetdb (which drops every table) waits while any is open: oTree
/// 5.11.5 and 6.0.15's `otree/cli/resetdb.py` say so beside the DROP ("these will hang if any
/// other processes have a long-running DB connection").
fn holds_connections(shared: &Shared, app: &str) -> bool {
    let scenario = shared.scenario.lock().unwrap();
    scenario.apps.iter().any(|a| {
        a.name == app
            && a.formation
                .iter()
                .any(|f| f.process_type != "release" && f.quantity > 0)
    })
}

fn run_dyno(app: &str, name: &str, command: &str, state: &str) -> Value {
    json!({
        "attach_url": null,
        "command": command,
        "created_at": now_utc(),
        "id": fake_uuid("dyno", &format!("{app}/{name}")),
        "name": name,
        "release": { "id": fake_uuid("release", app), "version": 1 },
        "app": { "id": fake_uuid("app", app), "name": app },
        "size": "Basic",
        "state": state,
        "type": "run",
        "updated_at": now_utc(),
    })
}

/// `POST /apps/{app}/dynos`: starts a one-off dyno; it is listed while it runs.
pub(crate) async fn create(
    State(shared): S,
    Path(app): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let Some(command) = body["command"].as_str().map(str::to_string) else {
        return heroku_error(422, "invalid_params", "command is required");
    };
    let (name, url, practice_study) = {
        let mut scenario = shared.scenario.lock().unwrap();
        let Some(spec) = scenario
            .apps
            .iter_mut()
            .find(|a| a.name == app || fake_uuid("app", &a.name) == app)
        else {
            return heroku_error(404, "not_found", "Couldn't find that app.");
        };
        spec.runs += 1;
        let name = format!("run.{}", 1000 + spec.runs);
        spec.running.push((name.clone(), command.clone()));
        (
            name,
            spec.config_vars.get("DATABASE_URL").cloned(),
            spec.practice_study,
        )
    };
    let body = run_dyno(&app, &name, &command, "starting");
    let (shared2, app2, name2) = (shared.clone(), app.clone(), name.clone());
    tokio::spawn(async move {
        let mut output = vec![format!(
            "heroku[{name2}]: Starting process with command `{command}`"
        )];
        tokio::time::sleep(RUN_TIME / 2).await;
        if command.trim().starts_with("otree resetdb") {
            let waiting_since = std::time::Instant::now();
            let mut said = false;
            while holds_connections(&shared2, &app2) && waiting_since.elapsed() < RESETDB_WAIT {
                if !said {
                    output.push(format!(
                        "app[{name2}]: Waiting: another process is connected to the database"
                    ));
                    said = true;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        }
        let status = match (command.trim(), url) {
            (cmd, _) if cmd.starts_with("otree resetdb") && holds_connections(&shared2, &app2) => {
                output.push(format!(
                    "app[{name2}]: Gave up: the study's server still holds the database"
                ));
                1
            }
            // The practice study's database is imaginary: its reset always succeeds.
            ("otree resetdb --noinput", Some(url)) if url.contains("@practice-db.invalid") => {
                output.push(format!("app[{name2}]: Dropped and re-created 14 tables"));
                output.push(format!("app[{name2}]: Created new tables and columns."));
                if practice_study {
                    crate::study::empty(&shared2, &app2);
                }
                0
            }
            ("otree resetdb --noinput", Some(url)) => match empty_public_tables(&url).await {
                Ok(n) => {
                    output.push(format!("app[{name2}]: Dropped and re-created {n} tables"));
                    output.push(format!("app[{name2}]: Created new tables and columns."));
                    0
                }
                Err(e) => {
                    output.push(format!("app[{name2}]: {e}"));
                    1
                }
            },
            ("otree resetdb --noinput", None) => {
                output.push(format!("app[{name2}]: Error: DATABASE_URL is not set"));
                1
            }
            _ => 0,
        };
        tokio::time::sleep(RUN_TIME / 2).await;
        output.push(format!(
            "heroku[{name2}]: Process exited with status {status}"
        ));
        let spec = {
            let mut scenario = shared2.scenario.lock().unwrap();
            let spec = scenario.apps.iter_mut().find(|a| a.name == app2);
            spec.map(|spec| {
                spec.running.retain(|(n, _)| *n != name2);
                spec.run_output.extend(output.iter().cloned());
                spec.clone()
            })
        };
        // What the dyno printed is in the app's live log too, as on Heroku.
        if let Some(spec) = spec {
            let stamp = crate::ids::stamp_micros(crate::ids::now_ms(), 0);
            let lines: Vec<String> = output.iter().map(|l| format!("{stamp} {l}")).collect();
            shared2.logs.add(&spec, &lines);
        }
    });
    (StatusCode::CREATED, Json(body)).into_response()
}

/// `GET /apps/{app}/dynos/{dyno}`: a one-off dyno while it runs; 404 once it has exited.
pub(crate) fn running(shared: &Shared, app: &str, dyno: &str) -> Option<Value> {
    let scenario = shared.scenario.lock().unwrap();
    let spec = scenario
        .apps
        .iter()
        .find(|a| a.name == app || fake_uuid("app", &a.name) == app)?;
    spec.running
        .iter()
        .find(|(n, _)| n == dyno)
        .map(|(n, c)| run_dyno(&spec.name, n, c, "up"))
}

/// `DELETE /apps/{app}/formations/{type}`: restarts every dyno of that process type.
pub(crate) async fn restart_formation(
    State(shared): S,
    Path((app, _process)): Path<(String, String)>,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    match scenario
        .apps
        .iter_mut()
        .find(|a| a.name == app || fake_uuid("app", &a.name) == app)
    {
        Some(spec) => {
            spec.restarts += 1;
            (StatusCode::ACCEPTED, Json(json!({}))).into_response()
        }
        None => heroku_error(404, "not_found", "Couldn't find that app."),
    }
}

/// `PUT /client/v11/databases/{db}/reset` of the Data API.
pub(crate) async fn reset_database(State(shared): S, Path(db): Path<String>) -> Response {
    let url = {
        let scenario = shared.scenario.lock().unwrap();
        scenario
            .apps
            .iter()
            .find(|a| {
                a.addons.iter().any(|x| {
                    x.service == "heroku-postgresql"
                        && (x.name == db || fake_uuid("addon", &x.name) == db)
                })
            })
            .map(|a| a.config_vars.get("DATABASE_URL").cloned())
    };
    match url {
        None => heroku_error(404, "not_found", "Couldn't find that database."),
        Some(Some(url)) => match empty_public_tables(&url).await {
            // No body, as the CLI's stub `.reply(200)` (heroku/cli
            // test/unit/commands/pg/reset.unit.test.ts; the CLI ignores the answer).
            Ok(_) => StatusCode::OK.into_response(),
            Err(e) => heroku_error(503, "unavailable", &e),
        },
        Some(None) => StatusCode::OK.into_response(),
    }
}

async fn empty_public_tables(url: &str) -> Result<usize, String> {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .map_err(|e| e.to_string())?;
    tokio::spawn(async move {
        let _ = connection.await;
    });
    let rows = client
        .query("SELECT quote_ident(table_name) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", &[])
        .await
        .map_err(|e| e.to_string())?;
    let names: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
    if !names.is_empty() {
        client
            .batch_execute(&format!(
                "TRUNCATE {} RESTART IDENTITY CASCADE",
                names.join(", ")
            ))
            .await
            .map_err(|e| e.to_string())?;
    }
    Ok(names.len())
}

/// `POST /apps/{app}/log-sessions`: a URL that serves the recent lines (here: what one-off
/// dynos printed; the live log stream is the Logs screen's work).
pub(crate) async fn log_session(
    State(shared): S,
    Path(app): Path<String>,
    headers: axum::http::HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let known = shared
        .scenario
        .lock()
        .unwrap()
        .apps
        .iter()
        .any(|a| a.name == app || fake_uuid("app", &a.name) == app);
    if !known {
        return heroku_error(404, "not_found", "Couldn't find that app.");
    }
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let fir = shared
        .scenario
        .lock()
        .unwrap()
        .apps
        .iter()
        .any(|a| (a.name == app || fake_uuid("app", &a.name) == app) && a.generation == "fir");
    // The strictest of what real log sessions do: on Fir they always stream (server-sent
    // events) and never end, whatever `tail` says; and the simulator does not filter by
    // `dyno`/`dyno_name`, so a client must pick its dyno's lines by their source itself.
    // A session asked with `Accept: ...; version=3.sdk` gets a URL that speaks server-sent
    // events on Cedar too: the official CLI asks so and reads every log URL with an
    // EventSource (heroku/cli `src/lib/run/log-displayer.ts`).
    let sdk = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("version=3.sdk"));
    let url = crate::logs::session_url(
        host,
        &app,
        body["lines"].as_u64().unwrap_or(100),
        fir || body["tail"].as_bool().unwrap_or(false),
        body["source"].as_str().unwrap_or(""),
        fir || sdk,
    );
    let id = fake_uuid("log-session", &url);
    let now = now_utc();
    (
        StatusCode::CREATED,
        Json(json!({ "created_at": now, "id": id, "logplex_url": url, "updated_at": now })),
    )
        .into_response()
}
