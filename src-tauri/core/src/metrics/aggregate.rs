//! Per-minute buckets from the log: requests by status class, response-time percentiles (from
//! a fixed histogram, so a minute costs the same memory however busy it was), Heroku error
//! codes, and per-dyno memory and load from runtime-metrics samples.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::logs::{LogLine, Source};

/// Upper bounds (ms) of the response-time histogram's bins; the last bin takes the rest.
pub const BINS: [u32; 24] = [
    5,
    10,
    20,
    30,
    50,
    75,
    100,
    150,
    200,
    300,
    400,
    500,
    750,
    1_000,
    1_500,
    2_000,
    3_000,
    5_000,
    7_500,
    10_000,
    15_000,
    20_000,
    30_000,
    u32::MAX,
];

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DynoSample {
    pub memory_mb: Option<f64>,
    pub swap_mb: Option<f64>,
    pub quota_mb: Option<f64>,
    pub load_1m: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Minute {
    /// Start of the minute, ms since 1970 (UTC).
    pub start_ms: i64,
    /// Requests answered 2xx, 3xx, 4xx, 5xx.
    pub status: [u32; 4],
    /// Response-time histogram over `BINS`.
    pub times: Vec<u32>,
    /// Heroku error codes seen (H12: 3).
    pub codes: BTreeMap<String, u32>,
    /// The last sample of each dyno in this minute.
    pub dynos: BTreeMap<String, DynoSample>,
    /// p50, p95, p99 as Heroku's metrics host reported them (then the histogram is empty).
    #[serde(default)]
    pub reported: Option<[Option<f64>; 3]>,
    /// Bytes the router sent to browsers (the sum of its lines' `bytes=`): the bandwidth.
    #[serde(default)]
    pub bytes: u64,
}

impl Minute {
    fn new(start_ms: i64) -> Minute {
        Minute {
            start_ms,
            times: vec![0; BINS.len()],
            ..Minute::default()
        }
    }

    pub fn requests(&self) -> u32 {
        self.status.iter().sum()
    }

    /// The response time below which `p` (0-100) percent of requests were answered, read from
    /// the histogram (the bin's upper bound, interpolated inside the bin).
    pub fn percentile(&self, p: f64) -> Option<f64> {
        if let Some(reported) = &self.reported {
            let i = if p <= 50.0 {
                0
            } else if p <= 95.0 {
                1
            } else {
                2
            };
            return reported[i];
        }
        let total: u64 = self.times.iter().map(|&n| u64::from(n)).sum();
        if total == 0 {
            return None;
        }
        let rank = (p / 100.0 * total as f64).ceil().max(1.0);
        let mut seen = 0f64;
        for (i, &n) in self.times.iter().enumerate() {
            if n == 0 {
                continue;
            }
            if seen + f64::from(n) >= rank {
                let low = if i == 0 { 0.0 } else { f64::from(BINS[i - 1]) };
                let high = if BINS[i] == u32::MAX {
                    low * 2.0
                } else {
                    f64::from(BINS[i])
                };
                let within = (rank - seen) / f64::from(n);
                return Some(low + (high - low) * within);
            }
            seen += f64::from(n);
        }
        None
    }

    fn merge(&mut self, other: &Minute) {
        for i in 0..4 {
            self.status[i] += other.status[i];
        }
        for (a, b) in self.times.iter_mut().zip(&other.times) {
            *a += b;
        }
        for (k, v) in &other.codes {
            *self.codes.entry(k.clone()).or_default() += v;
        }
        for (k, v) in &other.dynos {
            self.dynos.insert(k.clone(), v.clone());
        }
        self.bytes += other.bytes;
    }
}

/// Gathers minutes from log lines in any order.
#[derive(Debug, Default)]
pub struct Aggregator {
    minutes: BTreeMap<i64, Minute>,
}

pub fn minute_of(ms: i64) -> i64 {
    ms.div_euclid(60_000) * 60_000
}

impl Aggregator {
    pub fn add(&mut self, line: &LogLine) {
        let Some(t) = line.time_ms else { return };
        let start = minute_of(t);
        let minute = self
            .minutes
            .entry(start)
            .or_insert_with(|| Minute::new(start));
        if let Some(code) = line.code() {
            *minute.codes.entry(code.to_string()).or_default() += 1;
        }
        if line.source == Source::Router {
            if let Some(r) = &line.request {
                if let Some(status) = r.status {
                    let class = (status / 100).clamp(2, 5) as usize - 2;
                    minute.status[class] += 1;
                }
                if let Some(ms) = r.time_ms {
                    let bin = BINS.iter().position(|&b| ms <= b).unwrap_or(BINS.len() - 1);
                    minute.times[bin] += 1;
                }
                minute.bytes += u64::from(r.bytes.unwrap_or(0));
            }
        }
        if let Some(s) = &line.sample {
            if !s.dyno.is_empty() {
                let d = minute.dynos.entry(s.dyno.clone()).or_default();
                if s.memory_total_mb.is_some() {
                    d.memory_mb = s.memory_total_mb;
                    d.swap_mb = s.memory_swap_mb.or(d.swap_mb);
                    d.quota_mb = s.memory_quota_mb.or(d.quota_mb);
                }
                if s.load_avg_1m.is_some() {
                    d.load_1m = s.load_avg_1m;
                }
            }
        }
    }

    /// Takes the gathered minutes out (to be stored), oldest first.
    pub fn drain(&mut self) -> Vec<Minute> {
        std::mem::take(&mut self.minutes).into_values().collect()
    }

    pub fn minutes(&self) -> impl Iterator<Item = &Minute> {
        self.minutes.values()
    }
}

/// Adds `more` into `into` by minute (what the store does when a minute arrives twice).
pub fn merge_into(into: &mut Minute, more: &Minute) {
    into.merge(more);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_from_the_histogram() {
        let mut m = Minute::new(0);
        // 90 fast requests (in the 10-20 ms bin) and 10 slow ones (2-3 s).
        m.times[2] = 90;
        m.times[16] = 10;
        let p50 = m.percentile(50.0).unwrap();
        assert!((10.0..=20.0).contains(&p50), "{p50}");
        let p95 = m.percentile(95.0).unwrap();
        assert!((2_000.0..=3_000.0).contains(&p95), "{p95}");
        assert_eq!(Minute::new(0).percentile(50.0), None);
    }
}
