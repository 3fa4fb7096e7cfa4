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
    /// Where the answer's first value lies; it need not be the asked start.
    #[serde(default)]
    start_time: Option<String>,
    /// The answer's own step (the host may answer coarser than asked): "1m", "10m", "1h",
    /// "60s", "PT1M", or a number of seconds or milliseconds.
    #[serde(default)]
    step: Option<serde_json::Value>,
    #[serde(default)]
    data: BTreeMap<String, Vec<Option<f64>>>,
}

impl Answer {
    /// The time of the first value and the step, both in ms; what was asked where the
    /// answer does not say.
    fn grid(&self, asked_start: i64) -> (i64, i64) {
        let start = self
            .start_time
            .as_deref()
            .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.timestamp_millis())
            .unwrap_or(asked_start);
        let step = self.step.as_ref().and_then(step_ms).unwrap_or(60_000);
        (start, step.max(60_000))
    }
}

/// A step as the host may write it, in milliseconds.
fn step_ms(step: &serde_json::Value) -> Option<i64> {
    if let Some(n) = step.as_i64() {
        // Small numbers are seconds, large ones milliseconds.
        return Some(if n < 10_000 { n * 1000 } else { n });
    }
    let text = step.as_str()?.trim().to_ascii_lowercase();
    let text = text.trim_start_matches("pt");
    let split = text.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = text.split_at(split);
    let n: i64 = number.parse().ok()?;
    let unit_ms = match unit {
        "s" => 1_000,
        "m" | "min" => 60_000,
        "h" => 3_600_000,
        _ => return None,
    };
    Some(n * unit_ms)
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
    Ok(minutes_from(&status, &latency, start))
}

/// The answers as minutes, each value at the time the answer's own `start_time` and `step`
/// give it. A coarser step's requests are spread over its minutes (the rest to the first);
/// its percentiles hold for each of them.
fn minutes_from(status: &Answer, latency: &Answer, asked_start: i64) -> Vec<Minute> {
    fn at(by_minute: &mut BTreeMap<i64, Minute>, time: i64) -> &mut Minute {
        let start_ms = minute_of(time);
        by_minute.entry(start_ms).or_insert_with(|| Minute {
            start_ms,
            times: vec![0; BINS.len()],
            ..Minute::default()
        })
    }
    let mut by_minute = BTreeMap::new();
    let (start, step) = status.grid(asked_start);
    let minutes = (step / 60_000) as u32;
    for (key, values) in &status.data {
        let class = key.trim().chars().next().and_then(|c| c.to_digit(10));
        let Some(c @ 2..=5) = class else { continue };
        for (i, n) in values.iter().enumerate() {
            let Some(n) = n else { continue };
            let total = n.round().max(0.0) as u32;
            for k in 0..minutes {
                let share = total / minutes + if k == 0 { total % minutes } else { 0 };
                let time = start + i as i64 * step + i64::from(k) * 60_000;
                at(&mut by_minute, time).status[c as usize - 2] += share;
            }
        }
    }
    let (start, step) = latency.grid(asked_start);
    for (key, values) in &latency.data {
        let Some(slot) = ["p50", "p95", "p99"].iter().position(|p| key.contains(p)) else {
            continue;
        };
        for (i, v) in values.iter().enumerate() {
            let Some(v) = v else { continue };
            for k in 0..step / 60_000 {
                let m = at(&mut by_minute, start + i as i64 * step + k * 60_000);
                m.reported.get_or_insert([None; 3])[slot] = Some(*v);
            }
        }
    }
    by_minute.into_values().collect()
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
    use super::*;

    fn answer(json: serde_json::Value) -> Answer {
        serde_json::from_value(json).unwrap()
    }

    /// The answer's own start and step place its values, not the asked start.
    #[test]
    fn values_sit_where_the_answer_says() {
        let asked = 1_795_946_400_000; // 10:00
        let status = answer(serde_json::json!({
            "start_time": "2026-11-29T10:02:00Z", "end_time": "2026-11-29T10:22:00Z",
            "step": "10m", "data": {"200": [25.0, null], "503": [2.0, 1.0]}
        }));
        let latency = answer(serde_json::json!({
            "start_time": "2026-11-29T10:02:00Z", "step": 600,
            "data": {"latency.p95": [120.0, 80.0]}
        }));
        let minutes = minutes_from(&status, &latency, asked);
        assert_eq!(minutes.len(), 20, "two ten-minute steps from 10:02");
        assert_eq!(minutes[0].start_ms, asked + 2 * 60_000);
        assert_eq!(
            minutes[0].status,
            [7, 0, 0, 2],
            "25 spread: 2 a minute, the rest first"
        );
        assert_eq!(minutes[1].status, [2, 0, 0, 0]);
        let requests: u32 = minutes.iter().map(|m| m.status[0]).sum();
        assert_eq!(requests, 25, "nothing lost in the spreading");
        assert_eq!(minutes[10].status, [0, 0, 0, 1]);
        assert_eq!(minutes[19].reported, Some([None, Some(80.0), None]));
        // No start or step in the answer: one-minute steps from the asked start.
        let plain = answer(serde_json::json!({"data": {"2xx": [3.0, 4.0]}}));
        let none = answer(serde_json::json!({}));
        let m = minutes_from(&plain, &none, asked);
        assert_eq!((m[1].start_ms, m[1].status[0]), (asked + 60_000, 4));
    }

    #[test]
    fn steps_as_the_host_may_write_them() {
        for (step, ms) in [
            ("1m", 60_000),
            ("10m", 600_000),
            ("1h", 3_600_000),
            ("60s", 60_000),
            ("PT1M", 60_000),
        ] {
            assert_eq!(step_ms(&serde_json::json!(step)), Some(ms), "{step}");
        }
        assert_eq!(step_ms(&serde_json::json!(60)), Some(60_000));
        assert_eq!(step_ms(&serde_json::json!(600_000)), Some(600_000));
        assert_eq!(step_ms(&serde_json::json!("often")), None);
    }

    #[test]
    fn iso_times() {
        assert_eq!(super::iso(0), "1970-01-01T00:00:00Z");
        assert_eq!(super::iso(1_795_946_400_000), "2026-11-29T10:00:00Z");
    }
}
