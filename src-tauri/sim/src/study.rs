//! The practice study's oTree server, for "Download data" in practice mode: what oTree 6
//! answers on the routes Novaland uses (admin login, Data page, version, REST-key exports),
//! serving a finished session of oTree's guess_two_thirds sample (practice_otree/).
//!
//! It answers under `/__sim/study/{app}/`; the app has to be marked `practice_study`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::Form;

use crate::scenario::AppSpec;
use crate::state::Shared;

pub const STUDY_VERSION: &str = "6.0.15";
const AUTH_COOKIE: &str = "otreeadminauth";
const CSRF_COOKIE: &str = "csrftoken";
/// oTree signs its tokens; a constant does here, the client only echoes it.
const CSRF_TOKEN: &str = "practice-csrf-token";

const APPS: [(&str, &str); 2] = [
    (
        "guess_two_thirds",
        include_str!("../practice_otree/guess_two_thirds.csv"),
    ),
    (
        "payment_info",
        include_str!("../practice_otree/payment_info.csv"),
    ),
];
const WIDE: &str = include_str!("../practice_otree/all_apps_wide.csv");
const PAGE_TIMES: &str = include_str!("../practice_otree/PageTimes.csv");
const CHAT: &str = include_str!("../practice_otree/ChatMessages.csv");
const BOM: &str = "\u{feff}";

/// Where the practice study of `app` answers on the simulator at `base_url`.
pub fn study_url(base_url: &str, app: &str) -> String {
    format!("{}/__sim/study/{app}/", base_url.trim_end_matches('/'))
}

/// After `otree resetdb`: the study has no participants any more.
pub(crate) fn empty(shared: &Shared, app: &str) {
    let mut scenario = shared.scenario.lock().unwrap();
    if let Some(spec) = scenario.apps.iter_mut().find(|a| a.name == app) {
        spec.study_emptied = true;
    }
}

type S = State<Arc<Shared>>;

/// What the study's server is like now: not there, down (a crashed dyno: Heroku's H10 page),
/// or up with its settings.
enum Server {
    Missing,
    Down,
    Up {
        password: Option<String>,
        rest_key: Option<String>,
        auth: bool,
        emptied: bool,
    },
}

fn server(shared: &Shared, app: &str) -> Server {
    let scenario = shared.scenario.lock().unwrap();
    let Some(spec) = scenario
        .apps
        .iter()
        .find(|a| a.name == app && a.practice_study)
    else {
        return Server::Missing;
    };
    if crashed(spec) {
        return Server::Down;
    }
    let var = |name: &str| {
        spec.config_vars
            .get(name)
            .filter(|v| !v.is_empty())
            .cloned()
    };
    Server::Up {
        password: var("OTREE_ADMIN_PASSWORD"),
        rest_key: var("OTREE_REST_KEY"),
        auth: var("OTREE_AUTH_LEVEL").is_some(),
        emptied: spec.study_emptied,
    }
}

fn crashed(spec: &AppSpec) -> bool {
    let web_down = spec.dynos.as_ref().is_some_and(|dynos| {
        let web: Vec<_> = dynos
            .iter()
            .filter(|d| d.name.starts_with("web."))
            .collect();
        !web.is_empty() && web.iter().all(|d| d.state == "crashed")
    });
    let no_web = spec
        .formation
        .iter()
        .any(|f| f.process_type == "web" && f.quantity == 0);
    web_down || no_web
}

fn heroku_h10() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        Html("<html><body><h1>Application error</h1><p>An error occurred in the application and your page could not be served.</p></body></html>"),
    )
        .into_response()
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
}

fn logged_in(headers: &HeaderMap, app: &str) -> bool {
    cookie(headers, AUTH_COOKIE).as_deref() == Some(app)
}

fn login_page(app: &str, failed: bool) -> Response {
    let error = if failed {
        "<p class=\"error\">Login failed</p>"
    } else {
        ""
    };
    let body = format!(
        "<html><body><h1>Login ({app})</h1>{error}<form method=\"post\">\
         <input type=\"hidden\" name=\"csrftoken\" value=\"{CSRF_TOKEN}\">\
         <input name=\"username\"><input name=\"password\" type=\"password\">\
         <button>Log in</button></form></body></html>"
    );
    (
        [(
            header::SET_COOKIE,
            format!("{CSRF_COOKIE}={CSRF_TOKEN}; Path=/"),
        )],
        Html(body),
    )
        .into_response()
}

pub(crate) async fn login_form(State(shared): S, Path(app): Path<String>) -> Response {
    match server(&shared, &app) {
        Server::Missing => StatusCode::NOT_FOUND.into_response(),
        Server::Down => heroku_h10(),
        Server::Up { .. } => login_page(&app, false),
    }
}

pub(crate) async fn login(
    State(shared): S,
    Path(app): Path<String>,
    headers: HeaderMap,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    let password = match server(&shared, &app) {
        Server::Missing => return StatusCode::NOT_FOUND.into_response(),
        Server::Down => return heroku_h10(),
        Server::Up { password, .. } => password,
    };
    let token_ok = form.get("csrftoken").map(String::as_str) == Some(CSRF_TOKEN)
        && cookie(&headers, CSRF_COOKIE).as_deref() == Some(CSRF_TOKEN);
    if !token_ok {
        return (StatusCode::FORBIDDEN, "CSRF verification failed").into_response();
    }
    let right = form.get("username").map(String::as_str) == Some("admin")
        && password.is_some()
        && form.get("password") == password.as_ref();
    if !right {
        return login_page(&app, true);
    }
    (
        StatusCode::FOUND,
        [
            (header::SET_COOKIE, format!("{AUTH_COOKIE}={app}; Path=/")),
            (header::LOCATION, "demo".to_string()),
        ],
    )
        .into_response()
}

pub(crate) async fn demo(Path(app): Path<String>) -> Html<String> {
    Html(format!("<html><body><h1>Demo ({app})</h1></body></html>"))
}

/// oTree 6's Data page: a link per app with data, chat when there is any.
pub(crate) async fn data_page(
    State(shared): S,
    Path(app): Path<String>,
    headers: HeaderMap,
) -> Response {
    let (auth, emptied) = match server(&shared, &app) {
        Server::Missing => return StatusCode::NOT_FOUND.into_response(),
        Server::Down => return heroku_h10(),
        Server::Up { auth, emptied, .. } => (auth, emptied),
    };
    if auth && !logged_in(&headers, &app) {
        return (StatusCode::FOUND, [(header::LOCATION, "login")]).into_response();
    }
    if emptied {
        return Html("<html><body><p>No sessions have taken place yet.</p></body></html>")
            .into_response();
    }
    let links: String = APPS
        .iter()
        .map(|(name, _)| {
            format!("<a class=\"download-link\" id=\"app-{name}\" data-app=\"{name}\">CSV</a>\n")
        })
        .collect();
    Html(format!(
        "<html><body><h3>All apps</h3>\n{links}<a href=\"/ExportPageTimes\">Page times</a>\n\
         <a href=\"/ExportChat\">Chat logs</a></body></html>"
    ))
    .into_response()
}

/// A refusal as oTree words it, or None when the REST key is right (or not needed).
fn rest_key_refusal(
    headers: &HeaderMap,
    rest_key: &Option<String>,
    auth: bool,
) -> Option<Response> {
    if !auth {
        return None;
    }
    let sent = headers.get("otree-rest-key").and_then(|v| v.to_str().ok());
    let why = match (rest_key, sent) {
        (None, _) => "Env var OTREE_REST_KEY must be defined to use REST API",
        (Some(_), None) => "HTTP Request Header otree-rest-key is missing",
        (Some(key), Some(sent)) if key != sent => "HTTP Request Header otree-rest-key is incorrect",
        _ => return None,
    };
    Some((StatusCode::FORBIDDEN, why).into_response())
}

pub(crate) async fn version(
    State(shared): S,
    Path(app): Path<String>,
    headers: HeaderMap,
) -> Response {
    match server(&shared, &app) {
        Server::Missing => StatusCode::NOT_FOUND.into_response(),
        Server::Down => heroku_h10(),
        Server::Up { rest_key, auth, .. } => rest_key_refusal(&headers, &rest_key, auth)
            .unwrap_or_else(|| {
                axum::Json(serde_json::json!({"version": STUDY_VERSION})).into_response()
            }),
    }
}

/// `/api/export_wide`, `/api/export_app?app=X`, `/api/export_page_times`, `/api/export_chat`,
/// with `format=csv_bom` for Excel.
pub(crate) async fn export(
    State(shared): S,
    Path((app, export)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Response {
    let emptied = match server(&shared, &app) {
        Server::Missing => return StatusCode::NOT_FOUND.into_response(),
        Server::Down => return heroku_h10(),
        Server::Up {
            rest_key,
            auth,
            emptied,
            ..
        } => {
            if let Some(refusal) = rest_key_refusal(&headers, &rest_key, auth) {
                return refusal;
            }
            emptied
        }
    };
    let header_only = |csv: &'static str| -> String {
        if emptied {
            csv.lines()
                .next()
                .map(|h| format!("{h}\n"))
                .unwrap_or_default()
        } else {
            csv.to_string()
        }
    };
    let (stem, text) = match export.as_str() {
        "export_wide" => ("all_apps_wide".to_string(), header_only(WIDE)),
        "export_page_times" => ("PageTimes".to_string(), header_only(PAGE_TIMES)),
        "export_chat" => ("ChatMessages".to_string(), header_only(CHAT)),
        "export_app" => {
            let wanted = query.get("app").cloned().unwrap_or_default();
            let Some((name, csv)) = APPS.iter().find(|(name, _)| *name == wanted) else {
                return (StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error")
                    .into_response();
            };
            (name.to_string(), header_only(csv))
        }
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    let bom = if query.get("format").map(String::as_str) == Some("csv_bom") {
        BOM
    } else {
        ""
    };
    let date = today();
    (
        [
            (header::CONTENT_TYPE, "text/csv".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{stem}-{date}.csv\""),
            ),
        ],
        format!("{bom}{text}"),
    )
        .into_response()
}

/// Today's date (UTC) as oTree puts it in file names, from the simulator's clock.
fn today() -> String {
    crate::ids::now_utc()[..10].to_string()
}
