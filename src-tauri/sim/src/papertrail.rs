//! Papertrail's search API (`/__sim/papertrail/api/v1/events/search.json`) over the app's
//! archived and recent log lines, with the token from the app's PAPERTRAIL_API_TOKEN.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::state::*;

/// Papertrail answers at most this many events per search.
const PAGE: usize = 100;

/// How many lines one search looks through before it stops, standing in for Papertrail's
/// time limit. Papertrail's search API (documentation.solarwinds.com, Papertrail "Log search
/// API": `events/search.json`, `min_id`/`max_id`, `reached_beginning`) stops long searches
/// early; that such a page can hold no events at all while still giving `min_id` is issue 10's
/// review of the API, not a capture: the strictest form, an empty page that is not the end.
const SCAN: usize = 1000;

pub(crate) async fn search(
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
