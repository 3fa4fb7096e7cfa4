//! App features (Heroku Labs), e.g. log-runtime-metrics: read and switch on or off.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::fake_uuid;
use crate::scenario::AppSpec;
use crate::state::*;

const FEATURES: &[(&str, &str, &str)] = &[
    (
        "log-runtime-metrics",
        "Runtime metrics in the log",
        "Memory and load of each dyno in the log every 20 seconds.",
    ),
    (
        "runtime-dyno-metadata",
        "Dyno metadata",
        "Release and dyno details in the dyno's environment.",
    ),
];

fn feature_json(app: &AppSpec, name: &str) -> Option<Value> {
    let (_, display, description) = FEATURES.iter().find(|(n, ..)| *n == name)?;
    Some(json!({
        "created_at": "2015-01-01T00:00:00Z",
        "description": description,
        "doc_url": format!("https://devcenter.heroku.com/articles/{name}"),
        "enabled": app.features.iter().any(|f| f == name),
        "id": fake_uuid("feature", name),
        "name": name,
        "state": "beta",
        "updated_at": "2025-01-01T00:00:00Z",
        "display_name": display,
        "feedback_email": "feedback@heroku.com",
    }))
}

pub(crate) async fn info(State(shared): S, Path((app, name)): Path<(String, String)>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    match feature_json(spec, &name) {
        Some(f) => Json(f).into_response(),
        None => heroku_error(404, "not_found", "Couldn't find that feature."),
    }
}

/// `PATCH /apps/{app}/features/{name} {enabled}`; runtime metrics start with the next restart.
pub(crate) async fn update(
    State(shared): S,
    Path((app, name)): Path<(String, String)>,
    Json(body): Json<Value>,
) -> Response {
    let Some(enabled) = body["enabled"].as_bool() else {
        return heroku_error(422, "invalid_params", "Enabled is required.");
    };
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    if feature_json(spec, &name).is_none() {
        return heroku_error(404, "not_found", "Couldn't find that feature.");
    }
    spec.features.retain(|f| *f != name);
    if enabled {
        spec.features.push(name.clone());
    }
    Json(feature_json(spec, &name)).into_response()
}
