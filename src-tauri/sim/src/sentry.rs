//! Sentry's API (`/__sim/sentry/api/0/`): a project's unresolved issues, paged with Sentry's
//! Link header, and an issue's latest event, for the token `SENTRY_TOKEN`.

use std::collections::HashMap;

use axum::extract::{Path, Query};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

/// The Sentry auth token the simulated Sentry accepts (practice mode tells the researcher).
pub const SENTRY_TOKEN: &str = "practice-sentry-token";

/// Sentry's 401 for any token but the practice one (`Authorization: Bearer …`).
fn sentry_refuses(headers: &HeaderMap) -> Option<Response> {
    let bearer = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    (bearer != Some(SENTRY_TOKEN)).then(|| {
        (
            StatusCode::UNAUTHORIZED,
            Json(json!({"detail": "Invalid token"})),
        )
            .into_response()
    })
}

/// Sentry's issue list, two issues a page: Sentry pages with a `Link` header
/// (`<url>; rel="next"; results="true"; cursor="…"`; Sentry's API docs, "Pagination in the
/// API"); `results="false"` says there is no next page. Two a page (Sentry's default is 100)
/// so that a client reading only the first page is caught.
pub(crate) async fn issues(
    Path((org, project)): Path<(String, String)>,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    if let Some(refused) = sentry_refuses(&headers) {
        return refused;
    }
    let issue = |id: u32, title: &str, culprit: &str, count: u32, users: u32, minutes_ago: i64| {
        let now = crate::ids::now_ms() / 1000;
        let at = |s: i64| crate::ids::stamp_micros(s * 1000, 0);
        json!({
            "id": id.to_string(),
            "shortId": format!("STUDY-{id}"),
            "title": title,
            "culprit": culprit,
            "permalink": format!("https://sentry.io/organizations/o{org}/issues/{id}/?project={project}"),
            "level": "error",
            "status": "unresolved",
            "count": count.to_string(),
            "userCount": users,
            "firstSeen": at(now - 86_400 * 2),
            "lastSeen": at(now - minutes_ago * 60),
        })
    };
    let all = [
        issue(
            101,
            "KeyError: 'contribution'",
            "public_goods/__init__.py in set_payoffs",
            14,
            9,
            3,
        ),
        issue(
            102,
            "OperationalError: could not connect to server",
            "otree/database.py in init_orm",
            3,
            0,
            190,
        ),
        issue(
            103,
            "ZeroDivisionError: division by zero",
            "survey/__init__.py in before_next_page",
            1,
            1,
            1440,
        ),
    ];
    let from: usize = query
        .get("cursor")
        .and_then(|c| c.split(':').nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let page: Vec<Value> = all.iter().skip(from).take(2).cloned().collect();
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let more = from + 2 < all.len();
    let next = format!(
        "<http://{host}/__sim/sentry/api/0/projects/{org}/{project}/issues/?query=is%3Aunresolved&cursor=0:{}:0>; rel=\"next\"; results=\"{more}\"; cursor=\"0:{}:0\"",
        from + 2,
        from + 2
    );
    let previous = format!(
        "<http://{host}/__sim/sentry/api/0/projects/{org}/{project}/issues/?cursor=0:0:1>; rel=\"previous\"; results=\"false\"; cursor=\"0:0:1\""
    );
    (
        [(axum::http::header::LINK, format!("{previous}, {next}"))],
        Json(page),
    )
        .into_response()
}

/// An issue's latest event (`GET /api/0/organizations/{org}/issues/{issue}/events/latest/`,
/// Sentry's API docs "Retrieve an Issue Event"): the exception entry with its stack trace,
/// frames oldest call first as Sentry sends them, each with `filename`, `lineNo`,
/// `function`, `inApp` and `context` (`[[line, code], ...]`).
pub(crate) async fn latest_event(
    Path((_org, issue)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    if let Some(refused) = sentry_refuses(&headers) {
        return refused;
    }
    let (kind, value, file, function, line, code) = match issue.as_str() {
        "101" => (
            "KeyError",
            "'contribution'",
            "public_goods/__init__.py",
            "set_payoffs",
            41,
            "    contributions = [p.vars['contribution'] for p in players]",
        ),
        "102" => (
            "OperationalError",
            "could not connect to server",
            "otree/database.py",
            "init_orm",
            120,
            "    engine.connect()",
        ),
        "103" => (
            "ZeroDivisionError",
            "division by zero",
            "survey/__init__.py",
            "before_next_page",
            17,
            "    player.share = player.payoff / group.total",
        ),
        _ => {
            return (
                StatusCode::NOT_FOUND,
                Json(json!({"detail": "The requested resource does not exist"})),
            )
                .into_response()
        }
    };
    let in_app = !file.starts_with("otree/");
    let context = |at: i64, code: &str| json!([[at - 1, ""], [at, code], [at + 1, ""]]);
    Json(json!({
        "id": format!("{issue}0000000000000000000000000000"),
        "groupID": issue,
        "title": format!("{kind}: {value}"),
        "platform": "python",
        "entries": [
            { "type": "exception", "data": { "values": [ {
                "type": kind,
                "value": value,
                "module": null,
                "stacktrace": { "frames": [
                    { "filename": "otree/live.py", "absPath": "/app/.heroku/python/lib/python3.12/site-packages/otree/live.py", "module": "otree.live", "function": "live_payload_function", "lineNo": 88, "inApp": false, "context": context(88, "        retval = method(player, data)") },
                    { "filename": file, "absPath": format!("/app/{file}"), "module": file.trim_end_matches(".py").replace('/', "."), "function": function, "lineNo": line, "inApp": in_app, "context": context(line, code) }
                ] }
            } ] } },
            { "type": "breadcrumbs", "data": { "values": [] } }
        ]
    }))
    .into_response()
}
