//! Heroku's router metrics host (`GET /apps/{app}/router-metrics/{status|latency}`), from the
//! app's router lines per minute.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};

use crate::state::*;

/// Heroku's router metrics host (`GET /apps/{app}/router-metrics/{status|latency}`), from the
/// app's router lines per minute. Eco apps get Heroku's refusal, as the Dashboard shows no
/// metrics for them. Keys: status codes ("200") and "latency.p50/p95/p99" (milliseconds).
pub(crate) async fn router_metrics(
    State(shared): S,
    Path((app, kind)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(spec) = shared.app_spec(&app) else {
        return crate::state::heroku_error(404, "not_found", "Couldn't find that app.");
    };
    let eco = spec
        .formation
        .iter()
        .any(|f| f.process_type == "web" && f.size.eq_ignore_ascii_case("eco"));
    if eco {
        return crate::state::heroku_error(
            403,
            "forbidden",
            "Metrics are not available for Eco dynos.",
        );
    }
    let seconds = |k: &str| query.get(k).map(|v| crate::papertrail::epoch_seconds(v));
    let (Some(start), Some(end)) = (seconds("start_time"), seconds("end_time")) else {
        return crate::state::heroku_error(
            422,
            "invalid_params",
            "start_time and end_time are required.",
        );
    };
    let steps = ((end - start) / 60).clamp(0, 24 * 60 * 14) as usize;
    let mut status: std::collections::BTreeMap<String, Vec<Option<f64>>> = Default::default();
    let mut times: Vec<Vec<f64>> = vec![Vec::new(); steps];
    for line in shared.logs.everything(&spec) {
        if !line.contains(" heroku[router]: ") {
            continue;
        }
        let Some(stamp) = line.split(' ').next() else {
            continue;
        };
        let t = crate::papertrail::epoch_seconds(stamp);
        if t < start || t >= end {
            continue;
        }
        let step = ((t - start) / 60) as usize;
        if step >= steps {
            continue;
        }
        let field = |k: &str| {
            line.split(' ')
                .find_map(|w| w.strip_prefix(k))
                .map(|v| v.trim_end_matches("ms").to_string())
        };
        if let Some(code) = field("status=").filter(|c| !c.is_empty()) {
            let counts = status.entry(code).or_insert_with(|| vec![None; steps]);
            *counts[step].get_or_insert(0.0) += 1.0;
        }
        if let Some(ms) = field("service=").and_then(|v| v.parse::<f64>().ok()) {
            times[step].push(ms);
        }
    }
    let data: std::collections::BTreeMap<String, Vec<Option<f64>>> = if kind == "latency" {
        [
            ("latency.p50", 0.50),
            ("latency.p95", 0.95),
            ("latency.p99", 0.99),
        ]
        .iter()
        .map(|(key, q)| {
            let values = times
                .iter()
                .map(|ts| {
                    let mut ts = ts.clone();
                    ts.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
                    (!ts.is_empty())
                        .then(|| ts[((ts.len() as f64 * q).ceil() as usize).clamp(1, ts.len()) - 1])
                })
                .collect();
            (key.to_string(), values)
        })
        .collect()
    } else {
        status
    };
    axum::Json(serde_json::json!({
        "start_time": query.get("start_time"),
        "end_time": query.get("end_time"),
        "step": "1m",
        "data": data,
    }))
    .into_response()
}
