//! Apps: the account's list (`GET /apps`, and `/users/~/apps` as `heroku apps` asks), one
//! app, and maintenance mode (`PATCH /apps/{app}`).

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

use crate::render;
use crate::state::*;

pub(crate) async fn list(State(shared): S, headers: HeaderMap) -> Response {
    let items = {
        let s = shared.scenario.lock().unwrap();
        s.apps.iter().map(|a| render::app(&s, a)).collect()
    };
    paginated(&shared, &headers, "id", items)
}

/// `GET /users/{user}/apps` ("List Owned and Collaborated", which `heroku apps` asks as
/// `/users/~/apps`): the account's own apps, not its teams' ones.
pub(crate) async fn list_by_user(
    State(shared): S,
    Path(user): Path<String>,
    headers: HeaderMap,
) -> Response {
    let items = {
        let s = shared.scenario.lock().unwrap();
        let own = render::account(&s);
        if !(user == "~" || own["email"] == user.as_str() || own["id"] == user.as_str()) {
            return heroku_error(404, "not_found", "Couldn't find that user.");
        }
        s.apps
            .iter()
            .filter(|a| a.team.is_none())
            .map(|a| render::app(&s, a))
            .collect()
    };
    paginated(&shared, &headers, "id", items)
}

pub(crate) async fn info(State(shared): S, Path(name): Path<String>) -> Response {
    with_app(&shared, &name, |s, a| {
        Json(render::app(s, a)).into_response()
    })
}

/// `PATCH /apps/{app}` `{maintenance, name, build_stack}`: only maintenance is simulated.
pub(crate) async fn update(
    State(shared): S,
    Path(name): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = scenario.apps.iter_mut().find(|a| a.name == name) else {
        return not_found_app();
    };
    if let Some(on) = body.get("maintenance").and_then(Value::as_bool) {
        app.maintenance = on;
    }
    drop(scenario);
    with_app(&shared, &name, |s, a| {
        Json(render::app(s, a)).into_response()
    })
}
