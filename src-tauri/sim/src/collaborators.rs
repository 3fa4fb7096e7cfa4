//! Collaborators: list, invite, remove.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

use crate::ids::fake_uuid;
use crate::render;
use crate::scenario::AppSpec;
use crate::scenario::CollaboratorSpec;
use crate::state::*;

/// `GET /apps/{app}/collaborators` (paginated by routes.rs's `app_list!`).
pub(crate) fn list(a: &AppSpec) -> Vec<Value> {
    a.collaborators
        .iter()
        .map(|c| render::collaborator(a, c))
        .collect()
}

/// `POST /apps/{app}/collaborators {user}`.
pub(crate) async fn add(
    State(shared): S,
    Path(app): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let email = body["user"].as_str().unwrap_or_default().trim().to_string();
    let plausible = email.split_once('@').is_some_and(|(a, b)| {
        !a.is_empty() && b.contains('.') && !b.starts_with('.') && !b.ends_with('.')
    });
    if !plausible {
        return heroku_error(422, "invalid_params", "User is not a valid email address.");
    }
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    if spec
        .collaborators
        .iter()
        .any(|c| c.email.eq_ignore_ascii_case(&email))
    {
        return heroku_error(
            422,
            "invalid_params",
            &format!("{email} is already a collaborator on this app."),
        );
    }
    let c = CollaboratorSpec {
        email,
        role: Some("collaborator".into()),
    };
    spec.collaborators.push(c.clone());
    (StatusCode::CREATED, Json(render::collaborator(spec, &c))).into_response()
}

pub(crate) async fn remove(State(shared): S, Path((app, who)): Path<(String, String)>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    let Some(c) = spec
        .collaborators
        .iter()
        .find(|c| {
            c.email.eq_ignore_ascii_case(&who)
                || fake_uuid("collaborator", &format!("{}/{}", spec.name, c.email)) == who
        })
        .cloned()
    else {
        return heroku_error(404, "not_found", "Couldn't find that collaborator.");
    };
    if c.role.as_deref() == Some("owner") {
        return heroku_error(422, "invalid_params", "The owner cannot be removed.");
    }
    spec.collaborators.retain(|x| x.email != c.email);
    Json(render::collaborator(spec, &c)).into_response()
}
