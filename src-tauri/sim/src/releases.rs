//! Releases: the history, and rolling back (a new release copying an old one).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

use crate::ids::fake_uuid;
use crate::render;
use crate::scenario::AppSpec;
use crate::state::*;

/// `GET /apps/{app}/releases` (paginated by `version` in routes.rs's `app_list!`).
pub(crate) fn list(a: &AppSpec) -> Vec<Value> {
    a.releases.iter().map(|r| render::release(a, r)).collect()
}

/// `POST /apps/{app}/releases {release}`: a rollback makes a new release.
pub(crate) async fn rollback(
    State(shared): S,
    Path(app): Path<String>,
    _headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let Some(target) = body["release"].as_str().map(str::to_string) else {
        return heroku_error(422, "invalid_params", "Release is required.");
    };
    let mut scenario = shared.scenario.lock().unwrap();
    let user = scenario.account.email.clone();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    let name = spec.name.clone();
    let Some(old) = spec
        .releases
        .iter()
        .find(|r| {
            fake_uuid("release", &format!("{name}/{}", r.version)) == target
                || r.version.to_string() == target
        })
        .cloned()
    else {
        return heroku_error(404, "not_found", "Couldn't find that release.");
    };
    release(spec, format!("Rollback to v{}", old.version), &user);
    spec.restarts += 1;
    let newest = spec.releases.last().cloned().expect("just added");
    (StatusCode::CREATED, Json(render::release(spec, &newest))).into_response()
}
