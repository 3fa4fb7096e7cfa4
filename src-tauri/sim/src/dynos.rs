//! Dynos: the list, one dyno (a one-off's state as it runs), restarting all or a process
//! type, and one-off dynos (`heroku run:detached`): the simulator runs the one command a reset
//! needs, `otree resetdb --noinput`, against the app's DATABASE_URL when that points at a
//! PostgreSQL on this computer (it empties every table of the public schema, as resetdb does).

use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::{fake_uuid, now_utc};
use crate::render;
use crate::scenario::AppSpec;
use crate::state::*;

/// `GET /apps/{app}/dynos` (paginated by routes.rs's `app_list!`).
pub(crate) fn list(a: &AppSpec) -> Vec<Value> {
    render::dyno_specs(a)
        .iter()
        .map(|d| render::dyno(a, d))
        .collect()
}

pub(crate) async fn info(State(shared): S, Path((app, name)): Path<(String, String)>) -> Response {
    if let Some(run) = running(&shared, &app, &name) {
        return Json(run).into_response();
    }
    with_app(&shared, &app, |_, a| {
        match render::dyno_specs(a).iter().find(|d| d.name == name) {
            Some(d) => Json(render::dyno(a, d)).into_response(),
            None => heroku_error(404, "not_found", "Couldn't find that dyno."),
        }
    })
}

/// `DELETE /apps/{app}/dynos`: restarts every dyno (counted; crashed ones stay crashed, as an
/// app that crashes on start does).
pub(crate) async fn restart_all(State(shared): S, Path(name): Path<String>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = scenario.apps.iter_mut().find(|a| a.name == name) else {
        return not_found_app();
    };
    app.restarts += 1;
    Json(serde_json::json!({})).into_response()
}

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
            ("otree resetdb --noinput", Some(url)) => {
                match crate::data::databases::empty_public_tables(&url).await {
                    Ok(n) => {
                        output.push(format!("app[{name2}]: Dropped and re-created {n} tables"));
                        output.push(format!("app[{name2}]: Created new tables and columns."));
                        0
                    }
                    Err(e) => {
                        output.push(format!("app[{name2}]: {e}"));
                        1
                    }
                }
            }
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
