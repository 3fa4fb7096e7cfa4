//! Heroku's router metrics host (what the Dashboard draws; Basic dynos and above): requests by
//! status and response-time percentiles per step. The host is undocumented; its answers are
//! `{start_time, end_time, step, data: {key: [values]}}`, read tolerantly: a status key is a
//! code ("200") or a class ("2xx"), a latency key names its percentile ("p50", "latency.p95").

use std::collections::BTreeMap;

use serde::Deserialize;

use super::aggregate::{minute_of, Minute, BINS};
use crate::heroku::{HerokuClient, HerokuError};

#[derive(Debug, Deserialize)]
struct Answer {
    #[serde(default)]
    data: BTreeMap<String, Vec<Option<f64>>>,
}

fn iso(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

async fn get(
    client: &HerokuClient,
    app: &str,
    kind: &str,
    start: i64,
    end: i64,
) -> Result<Answer, HerokuError> {
    crate::heroku::router_metrics::get(client, app, kind, &iso(start), &iso(end)).await
}

/// Minutes from `start_ms` to `end_ms` with requests by class and reported percentiles, or
/// Heroku's refusal (Eco apps, apps without the feature). Minutes with no data are left out.
pub async fn router_minutes(
    client: &HerokuClient,
    app: &str,
    start_ms: i64,
    end_ms: i64,
) -> Result<Vec<Minute>, HerokuError> {
    let start = minute_of(start_ms);
    let (status, latency) = tokio::try_join!(
        get(client, app, "status", start, end_ms),
        get(client, app, "latency", start, end_ms)
    )?;
    let steps = status
        .data
        .values()
        .chain(latency.data.values())
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let mut out = Vec::new();
    for i in 0..steps {
        let mut m = Minute {
            start_ms: start + i as i64 * 60_000,
            times: vec![0; BINS.len()],
            ..Minute::default()
        };
        let mut any = false;
        for (key, values) in &status.data {
            let Some(Some(n)) = values.get(i) else {
                continue;
            };
            let class = key.trim().chars().next().and_then(|c| c.to_digit(10));
            if let Some(c @ 2..=5) = class {
                m.status[c as usize - 2] += n.round().max(0.0) as u32;
                any = true;
            }
        }
        let mut reported = [None; 3];
        for (key, values) in &latency.data {
            let Some(Some(v)) = values.get(i) else {
                continue;
            };
            let slot = ["p50", "p95", "p99"].iter().position(|p| key.contains(p));
            if let Some(slot) = slot {
                reported[slot] = Some(*v);
                any = true;
            }
        }
        if reported.iter().any(Option::is_some) {
            m.reported = Some(reported);
        }
        if any {
            out.push(m);
        }
    }
    Ok(out)
}

/// The log's minutes with Heroku's requests and response times put in where Heroku has them
/// (memory, load, dynos and codes always come from the log).
pub fn combine(log: &[Minute], heroku: &[Minute]) -> Vec<Minute> {
    let mut by_minute: BTreeMap<i64, Minute> =
        log.iter().map(|m| (m.start_ms, m.clone())).collect();
    for h in heroku {
        let m = by_minute.entry(h.start_ms).or_insert_with(|| Minute {
            start_ms: h.start_ms,
            times: vec![0; BINS.len()],
            ..Minute::default()
        });
        m.status = h.status;
        m.reported = h.reported;
        m.times = vec![0; BINS.len()];
    }
    by_minute.into_values().collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn iso_times() {
        assert_eq!(super::iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::iso(1_795_946_400_000), "2026-11-29T10:00:00Z");
    }
}
