//! The simulator's shared state (the scenario, the log hub, what tests set) and the helpers
//! every resource's routes use: Heroku's error answer, its paginated lists, finding an app.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::{fake_uuid, now_utc};
use crate::pagination::{self, Range};
use crate::scenario::{AppSpec, ReleaseSpec, Scenario};

/// What every route reads: `State<Arc<Shared>>`.
pub(crate) type S = State<Arc<Shared>>;

pub(crate) struct Shared {
    pub scenario: Mutex<Scenario>,
    #[cfg(feature = "testing")]
    pub faults: Mutex<Vec<crate::faults::FaultRule>>,
    #[cfg(feature = "testing")]
    pub exchanges: Mutex<Vec<crate::faults::RecordedExchange>>,
    pub latency: Mutex<Duration>,
    pub page_size: Mutex<usize>,
    pub in_flight: Mutex<(usize, usize)>,
    pub logs: crate::logs::Hub,
    /// What `RateLimit-Remaining` says (Heroku's budget of 4,500 requests an hour).
    pub remaining: Mutex<u32>,
    /// The Host headers this simulator answers (its own address): a web page that points a
    /// name of its own at 127.0.0.1 (DNS rebinding) is refused.
    pub hosts: [String; 2],
    /// Uploaded sources by id (`None` until the upload), and the builds run.
    pub sources: Mutex<std::collections::HashMap<String, Option<Vec<u8>>>>,
    pub builds: Mutex<Vec<crate::builds::BuildRecord>>,
    /// The real oTree deployed projects run with, when a test gave one.
    pub otree: Mutex<Option<crate::web_dynos::OtreeRuntime>>,
    /// The web processes of deployed projects, by app.
    pub web_dynos: Mutex<std::collections::HashMap<String, crate::web_dynos::WebDyno>>,
}

impl Shared {
    /// A copy of the app's spec as it is now (by name).
    pub(crate) fn app_spec(&self, name: &str) -> Option<crate::scenario::AppSpec> {
        self.scenario
            .lock()
            .unwrap()
            .apps
            .iter()
            .find(|a| a.name == name)
            .cloned()
    }
}

pub(crate) fn heroku_error(status: u16, id: &str, message: &str) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    (status, axum::Json(json!({ "id": id, "message": message, "url": "https://devcenter.heroku.com/articles/platform-api-reference" })))
        .into_response()
}

pub(crate) fn not_found_app() -> Response {
    heroku_error(404, "not_found", "Couldn't find that app.")
}

/// Runs `f` on the named app, or answers Heroku's 404.
pub(crate) fn with_app(
    shared: &Shared,
    name: &str,
    f: impl FnOnce(&Scenario, &AppSpec) -> Response,
) -> Response {
    let scenario = shared.scenario.lock().unwrap();
    match scenario.app(name) {
        Some(app) => f(&scenario, app),
        None => not_found_app(),
    }
}

/// A list answer with Heroku's pagination: 200 when complete, 206 with `Next-Range` otherwise.
pub(crate) fn paginated(
    shared: &Shared,
    headers: &HeaderMap,
    default_field: &str,
    items: Vec<Value>,
) -> Response {
    let page_size = *shared.page_size.lock().unwrap();
    let range = match headers.get("Range").and_then(|v| v.to_str().ok()) {
        Some(text) => match Range::parse(text, page_size) {
            Some(r) => r,
            None => return heroku_error(400, "bad_request", "Invalid Range header."),
        },
        None => Range::parse(&format!("{default_field} ..; max={page_size}"), page_size)
            .expect("valid default range"),
    };
    let (page, next) = pagination::page(items, &range);
    match next {
        Some(next) => {
            let mut response =
                (StatusCode::PARTIAL_CONTENT, Json(Value::Array(page))).into_response();
            if let Ok(v) = HeaderValue::from_str(&next) {
                response.headers_mut().insert("Next-Range", v);
            }
            response
        }
        None => Json(Value::Array(page)).into_response(),
    }
}

/// A list that belongs to one app: Heroku's 404 for an unknown app, else a paginated answer.
pub(crate) fn app_list(
    shared: &Shared,
    headers: &HeaderMap,
    name: &str,
    default_field: &str,
    f: impl FnOnce(&AppSpec) -> Vec<Value>,
) -> Response {
    let items = {
        let scenario = shared.scenario.lock().unwrap();
        match scenario.app(name) {
            Some(app) => f(app),
            None => return not_found_app(),
        }
    };
    paginated(shared, headers, default_field, items)
}

pub(crate) fn app_mut<'a>(
    scenario: &'a mut crate::scenario::Scenario,
    app: &str,
) -> Option<&'a mut AppSpec> {
    scenario
        .apps
        .iter_mut()
        .find(|a| a.name == app || fake_uuid("app", &a.name) == app)
}

/// A new release, as Heroku makes one for every change of add-ons or config vars.
pub(crate) fn release(app: &mut AppSpec, description: String, user: &str) {
    let version = app.releases.iter().map(|r| r.version).max().unwrap_or(0) + 1;
    app.releases.push(ReleaseSpec {
        version,
        description,
        user: user.to_string(),
        status: "succeeded".into(),
        created_at: now_utc(),
    });
}
