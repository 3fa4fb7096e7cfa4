//! `POST /apps/{app}/log-sessions`: an address to read the app's log from (served by logs.rs,
//! the simulated Logplex).

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::{fake_uuid, now_utc};
use crate::state::*;

/// `POST /apps/{app}/log-sessions`: a URL that serves the recent lines (here: what one-off
/// dynos printed; the live log stream is the Logs screen's work).
pub(crate) async fn create(
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
