//! Config vars: read, and set or remove (each change a new release, as on Heroku).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

use crate::state::*;

pub(crate) async fn list(State(shared): S, Path(name): Path<String>) -> Response {
    with_app(&shared, &name, |_, a| Json(&a.config_vars).into_response())
}

/// `PATCH /apps/{app}/config-vars`: a value sets, `null` removes; a new release.
pub(crate) async fn update(
    State(shared): S,
    Path(app): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let Some(changes) = body.as_object() else {
        return heroku_error(422, "invalid_params", "Config vars must be an object.");
    };
    let mut scenario = shared.scenario.lock().unwrap();
    let user = scenario.account.email.clone();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    let (mut set, mut unset) = (Vec::new(), Vec::new());
    for (key, value) in changes {
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return heroku_error(
                422,
                "invalid_params",
                &format!("Invalid config var name: {key}"),
            );
        }
        match value {
            Value::Null => {
                spec.config_vars.remove(key);
                unset.push(key.clone());
            }
            Value::String(v) => {
                spec.config_vars.insert(key.clone(), v.clone());
                set.push(key.clone());
            }
            _ => {
                return heroku_error(
                    422,
                    "invalid_params",
                    "Config var values must be strings or null.",
                )
            }
        }
    }
    let describe = |verb: &str, keys: &[String]| {
        format!(
            "{verb} {} config var{}",
            keys.join(", "),
            if keys.len() == 1 { "" } else { "s" }
        )
    };
    let description = match (set.is_empty(), unset.is_empty()) {
        (false, true) => describe("Set", &set),
        (true, false) => describe("Remove", &unset),
        _ => format!(
            "{} and {}",
            describe("Set", &set),
            describe("remove", &unset)
        ),
    };
    release(spec, description, &user);
    // Changing settings restarts the dynos.
    spec.restarts += 1;
    Json(&spec.config_vars).into_response()
}
