//! The Platform API endpoints the app calls, each answering what Heroku's schema says.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::Value;

use crate::pagination::{self, Range};
use crate::render;
use crate::scenario::{AppSpec, Scenario};
use crate::server::{heroku_error, Shared};
use crate::{oneoff, resources, study, transfers};

type S = State<Arc<Shared>>;

pub(crate) fn router() -> Router<Arc<Shared>> {
    Router::new()
        .route("/account", get(account))
        .route("/apps", get(apps))
        .route("/users/{user}/apps", get(user_apps))
        .route("/addon-attachments", get(crate::attachments::list))
        .route("/apps/{app}/addon-attachments", get(crate::attachments::list_by_app))
        .route("/actions/addon-attachments/resolve", post(crate::attachments::resolve))
        .route("/apps/{app}", get(app).patch(update_app))
        .route("/apps/{app}/formation", get(formation).patch(crate::formation::batch_update))
        .route("/apps/{app}/formation/{process}", axum::routing::patch(crate::formation::update))
        .route("/apps/{app}/dynos", get(dynos).post(oneoff::create).delete(restart_all))
        .route("/apps/{app}/dynos/{dyno}", get(dyno))
        .route("/apps/{app}/log-sessions", post(oneoff::log_session))
        .route("/__sim/logs/{app}/live", get(crate::logs::live))
        .route("/apps/{app}/router-metrics/{kind}", get(crate::logs::router_metrics))
        .route("/__sim/papertrail/api/v1/events/search.json", get(crate::addon_apis::papertrail_search))
        .route("/__sim/sentry/api/0/projects/{org}/{project}/issues/", get(crate::addon_apis::sentry_issues))
        .route("/__sim/sentry/api/0/organizations/{org}/issues/{issue}/events/latest/", get(crate::addon_apis::sentry_latest_event))
        .route("/apps/{app}/formations/{process}", axum::routing::delete(oneoff::restart_formation))
        .route("/client/v11/databases/{db}/reset", axum::routing::put(oneoff::reset_database))
        .route("/apps/{app}/addons", get(addons).post(resources::create_addon))
        .route("/apps/{app}/addons/{addon}", get(resources::addon_info).patch(resources::update_addon).delete(resources::delete_addon))
        .route("/addon-services", get(resources::services))
        .route("/apps/{app}/features/{feature}", get(resources::feature).patch(resources::update_feature))
        .route("/addon-services/{service}/plans", get(resources::plans))
        .route("/apps/{app}/collaborators", get(collaborators).post(resources::add_collaborator))
        .route("/apps/{app}/collaborators/{who}", axum::routing::delete(resources::remove_collaborator))
        .route("/apps/{app}/releases", get(releases).post(resources::rollback))
        .route("/apps/{app}/config-vars", get(config_vars).patch(resources::update_config_vars))
        // Heroku Postgres' Data API (api.data.heroku.com), served from the same address.
        .route("/client/v11/databases/{db}", get(database))
        .route("/client/v11/databases/{db}/backups", post(transfers::capture))
        .route("/client/v11/databases/{db}/transfer-schedules", get(transfers::schedules).post(transfers::schedule))
        .route("/client/v11/databases/{db}/transfer-schedules/{uuid}", axum::routing::delete(transfers::unschedule))
        .route("/client/v11/apps/{app}/transfers", get(transfers::list))
        .route("/client/v11/apps/{app}/transfers/{num}", get(transfers::one).delete(transfers::delete))
        .route("/client/v11/apps/{app}/transfers/{num}/actions/public-url", post(transfers::public_url))
        // What a public URL points at (S3 on Heroku); it needs no Authorization.
        .route("/__sim/backups/{app}/{num}", get(transfers::download))
        .route("/__sim/study/{app}/login", get(study::login_form).post(study::login))
        .route("/__sim/study/{app}/demo", get(study::demo))
        .route("/__sim/study/{app}/ExportIndex", get(study::data_page))
        .route("/__sim/study/{app}/api/otree_version", get(study::version))
        .route("/__sim/study/{app}/api/{export}", get(study::export))
        .fallback(|| async { heroku_error(404, "not_found", "The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?") })
}

fn not_found_app() -> Response {
    heroku_error(404, "not_found", "Couldn't find that app.")
}

/// Runs `f` on the named app, or answers Heroku's 404.
fn with_app(
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
fn list(shared: &Shared, headers: &HeaderMap, default_field: &str, items: Vec<Value>) -> Response {
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

async fn account(State(shared): S) -> Response {
    Json(render::account(&shared.scenario.lock().unwrap())).into_response()
}

async fn apps(State(shared): S, headers: HeaderMap) -> Response {
    let items = {
        let s = shared.scenario.lock().unwrap();
        s.apps.iter().map(|a| render::app(&s, a)).collect()
    };
    list(&shared, &headers, "id", items)
}

/// `GET /users/{user}/apps` ("List Owned and Collaborated", which `heroku apps` asks as
/// `/users/~/apps`): the account's own apps, not its teams' ones.
async fn user_apps(State(shared): S, Path(user): Path<String>, headers: HeaderMap) -> Response {
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
    list(&shared, &headers, "id", items)
}

async fn app(State(shared): S, Path(name): Path<String>) -> Response {
    with_app(&shared, &name, |s, a| {
        Json(render::app(s, a)).into_response()
    })
}

async fn formation(State(shared): S, Path(name): Path<String>, headers: HeaderMap) -> Response {
    app_list(&shared, &headers, &name, "id", |a| {
        a.formation
            .iter()
            .map(|f| render::formation(a, f))
            .collect()
    })
}

/// `PATCH /apps/{app}` `{maintenance, name, build_stack}`: only maintenance is simulated.
async fn update_app(
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

/// `DELETE /apps/{app}/dynos`: restarts every dyno (counted; crashed ones stay crashed, as an
/// app that crashes on start does).
async fn restart_all(State(shared): S, Path(name): Path<String>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = scenario.apps.iter_mut().find(|a| a.name == name) else {
        return not_found_app();
    };
    app.restarts += 1;
    Json(serde_json::json!({})).into_response()
}

async fn dynos(State(shared): S, Path(name): Path<String>, headers: HeaderMap) -> Response {
    app_list(&shared, &headers, &name, "id", |a| {
        render::dyno_specs(a)
            .iter()
            .map(|d| render::dyno(a, d))
            .collect()
    })
}

async fn addons(State(shared): S, Path(name): Path<String>, headers: HeaderMap) -> Response {
    // `Accept-Expansion: addon_service,plan` (sent by the official CLI) asks whole objects in
    // place of the `{id, name}` references.
    let expand_plan = headers
        .get("Accept-Expansion")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|part| part.trim() == "plan"));
    app_list(&shared, &headers, &name, "id", |a| {
        a.addons
            .iter()
            .map(|x| {
                let mut addon = render::addon(a, x);
                if let Some(plan) = expand_plan
                    .then(|| resources::expanded_plan(&x.plan))
                    .flatten()
                {
                    addon["plan"] = plan;
                }
                addon
            })
            .collect()
    })
}

async fn collaborators(State(shared): S, Path(name): Path<String>, headers: HeaderMap) -> Response {
    app_list(&shared, &headers, &name, "id", |a| {
        a.collaborators
            .iter()
            .map(|c| render::collaborator(a, c))
            .collect()
    })
}

async fn releases(State(shared): S, Path(name): Path<String>, headers: HeaderMap) -> Response {
    app_list(&shared, &headers, &name, "version", |a| {
        a.releases.iter().map(|r| render::release(a, r)).collect()
    })
}

async fn config_vars(State(shared): S, Path(name): Path<String>) -> Response {
    with_app(&shared, &name, |_, a| Json(&a.config_vars).into_response())
}

/// A list that belongs to one app: Heroku's 404 for an unknown app, else a paginated answer.
fn app_list(
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
    list(shared, headers, default_field, items)
}

async fn database(State(shared): S, Path(db): Path<String>) -> Response {
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

async fn dyno(State(shared): S, Path((app, name)): Path<(String, String)>) -> Response {
    if let Some(run) = oneoff::running(&shared, &app, &name) {
        return Json(run).into_response();
    }
    with_app(&shared, &app, |_, a| {
        match render::dyno_specs(a).iter().find(|d| d.name == name) {
            Some(d) => Json(render::dyno(a, d)).into_response(),
            None => heroku_error(404, "not_found", "Couldn't find that dyno."),
        }
    })
}
