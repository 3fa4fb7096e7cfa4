//! Heroku Postgres' Data API (api.data.heroku.com, served from the simulator's own address):
//! one database's information and its reset.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

use crate::ids::fake_uuid;
use crate::render;
use crate::state::*;

pub(crate) async fn info(State(shared): S, Path(db): Path<String>) -> Response {
    let scenario = shared.scenario.lock().unwrap();
    let found = scenario.apps.iter().find_map(|app| {
        app.addons
            .iter()
            .find(|a| {
                a.service == "heroku-postgresql"
                    && (a.name == db || crate::ids::fake_uuid("addon", &a.name) == db)
            })
            .map(|a| render::database(app, a))
    });
    match found {
        Some(body) => Json(body).into_response(),
        None => heroku_error(404, "not_found", "Couldn't find that database."),
    }
}

/// `PUT /client/v11/databases/{db}/reset` of the Data API.
pub(crate) async fn reset(State(shared): S, Path(db): Path<String>) -> Response {
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

pub(crate) async fn empty_public_tables(url: &str) -> Result<usize, String> {
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
