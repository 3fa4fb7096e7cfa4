//! The add-ons' own APIs the Logs screen reads: Papertrail's search (over the app's archived
//! and recent lines, token from the app's PAPERTRAIL_API_TOKEN) and Sentry's issue list (for
//! the token `SENTRY_TOKEN`). Base URLs: `/__sim/papertrail/api/v1/`, `/__sim/sentry/api/0/`.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::server::Shared;

/// The Sentry auth token the simulated Sentry accepts (practice mode tells the researcher).
pub const SENTRY_TOKEN: &str = "practice-sentry-token";
/// Papertrail answers at most this many events per search.
const PAGE: usize = 100;

/// How many lines one search looks through before it stops, standing in for Papertrail's
/// time limit. Papertrail's search API (documentation.solarwinds.com, Papertrail "Log search
/// API": `events/search.json`, `min_id`/`max_id`, `reached_beginning`) stops long searches
/// early; that such a page can hold no events at all while still giving `min_id` is issue 10's
/// review of the API, not a capture: the strictest form, an empty page that is not the end.
const SCAN: usize = 1000;

type S = State<Arc<Shared>>;

pub(crate) async fn papertrail_search(
    State(shared): S,
    headers: HeaderMap,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let token = headers
        .get("X-Papertrail-Token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let spec = shared
        .scenario
        .lock()
        .unwrap()
        .apps
        .iter()
        .find(|a| {
            !token.is_empty()
                && a.config_vars
                    .get("PAPERTRAIL_API_TOKEN")
                    .map(String::as_str)
                    == Some(token)
        })
        .cloned();
    let Some(spec) = spec else {
        return (
            StatusCode::UNAUTHORIZED,
            Json(json!({"message": "Authentication required"})),
        )
            .into_response();
    };
    let words: Vec<String> = query
        .get("q")
        .map(|q| q.split_whitespace().map(str::to_lowercase).collect())
        .unwrap_or_default();
    let number = |k: &str| query.get(k).and_then(|v| v.parse::<i64>().ok());
    let (min_time, max_time, max_id) = (number("min_time"), number("max_time"), number("max_id"));
    let lines = shared.logs.everything(&spec);
    let mut events: Vec<Value> = Vec::new();
    let mut reached_beginning = true;
    let mut reached_time_limit = false;
    let (mut scanned, mut lowest_scanned) = (0, None);
    // Newest first, then given back oldest first, as Papertrail does.
    for (index, line) in lines.iter().enumerate().rev() {
        let id = index as i64 + 1;
        if max_id.is_some_and(|m| id > m) {
            continue;
        }
        if scanned == SCAN {
            reached_beginning = false;
            reached_time_limit = true;
            break;
        }
        scanned += 1;
        lowest_scanned = Some(id);
        let Some((stamp, rest)) = line.split_once(' ') else {
            continue;
        };
        let Some((program, message)) = rest.split_once("]: ") else {
            continue;
        };
        let seconds = epoch_seconds(stamp);
        if min_time.is_some_and(|t| seconds < t) || max_time.is_some_and(|t| seconds > t) {
            continue;
        }
        let lower = line.to_lowercase();
        if !words.iter().all(|w| lower.contains(w.as_str())) {
            continue;
        }
        if events.len() == PAGE {
            reached_beginning = false;
            break;
        }
        events.push(json!({
            "id": id.to_string(),
            "generated_at": stamp,
            "received_at": stamp,
            "source_name": spec.name,
            "hostname": spec.name,
            "program": program.replacen('[', "/", 1),
            "severity": "Info",
            "facility": "User",
            "message": message,
        }));
    }
    events.reverse();
    // After a cut search, min_id is where the search stopped, events or none.
    let min_id = match (reached_time_limit, lowest_scanned) {
        (true, Some(id)) => Some(Value::from(id.to_string())),
        _ => events.first().map(|e| e["id"].clone()),
    };
    let max_id = events.last().map(|e| e["id"].clone());
    Json(json!({
        "events": events,
        "min_id": min_id,
        "max_id": max_id,
        "reached_beginning": reached_beginning,
        "reached_time_limit": reached_time_limit,
    }))
    .into_response()
}

/// Seconds since 1970 of `2026-11-29T10:00:00.123456+00:00` (the simulator writes UTC only).
pub(crate) fn epoch_seconds(stamp: &str) -> i64 {
    let num = |a: usize, b: usize| {
        stamp
            .get(a..b)
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let (y, m, d) = (num(0, 4), num(5, 7), num(8, 10));
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    days * 86_400 + num(11, 13) * 3600 + num(14, 16) * 60 + num(17, 19)
}

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
pub(crate) async fn sentry_issues(
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
pub(crate) async fn sentry_latest_event(
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
