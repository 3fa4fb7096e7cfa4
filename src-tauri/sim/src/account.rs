//! `GET /account`: who the API key belongs to.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::render;
use crate::state::*;

pub(crate) async fn account(State(shared): S) -> Response {
    Json(render::account(&shared.scenario.lock().unwrap())).into_response()
}
