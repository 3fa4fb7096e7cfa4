//! The Metrics screen's charts from stored minutes, for the last hour or the last 24 hours.

use serde::Serialize;

use super::aggregate::Minute;
use super::chart::{svg, Chart, Series, Theme};

#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    pub id: &'static str,
    pub title: String,
    pub svg: String,
}

const WIDTH: u32 = 760;
const HEIGHT: u32 = 260;

/// Every chart over `[start_ms, end_ms)`; minutes missing from `minutes` are gaps.
pub fn charts(
    minutes: &[Minute],
    start_ms: i64,
    end_ms: i64,
    tz_offset_min: i32,
    theme: Theme,
) -> Vec<ChartView> {
    let steps: Vec<i64> = (start_ms / 60_000..end_ms / 60_000)
        .map(|m| m * 60_000)
        .collect();
    let at = |t: i64| minutes.iter().find(|m| m.start_ms == t);
    let series = |name: &str, f: &dyn Fn(&Minute) -> Option<f64>| Series {
        name: name.to_string(),
        points: steps.iter().map(|&t| (t, at(t).and_then(f))).collect(),
    };
    let chart =
        |title: String, unit: String, series: Vec<Series>, limit: Option<(String, f64)>| Chart {
            title,
            unit,
            start_ms,
            end_ms,
            tz_offset_min,
            series,
            limit,
            theme,
        };
    let mut dynos: Vec<String> = minutes
        .iter()
        .flat_map(|m| m.dynos.keys().cloned())
        .collect();
    dynos.sort();
    dynos.dedup();
    let mut codes: Vec<String> = minutes
        .iter()
        .flat_map(|m| m.codes.keys().cloned())
        .collect();
    codes.sort();
    codes.dedup();
    let quota = minutes
        .iter()
        .flat_map(|m| m.dynos.values().filter_map(|d| d.quota_mb))
        .fold(None, |a: Option<f64>, q| Some(a.map_or(q, |a| a.max(q))));

    let built = vec![
        (
            "requests",
            chart(
                crate::tr!("core-chart-requests-title"),
                crate::tr!("core-chart-requests-unit"),
                ["2xx", "3xx", "4xx", "5xx"]
                    .iter()
                    .enumerate()
                    .map(|(i, n)| series(n, &|m: &Minute| Some(f64::from(m.status[i]))))
                    .collect(),
                None,
            ),
        ),
        (
            "latency",
            chart(
                crate::tr!("core-chart-latency-title"),
                crate::tr!("core-chart-latency-unit"),
                [("p50", 50.0), ("p95", 95.0), ("p99", 99.0)]
                    .iter()
                    .map(|(n, p)| series(n, &|m: &Minute| m.percentile(*p)))
                    .collect(),
                None,
            ),
        ),
        (
            "bandwidth",
            chart(
                crate::tr!("core-chart-bandwidth-title"),
                crate::tr!("core-chart-bandwidth-unit"),
                vec![series(
                    &crate::tr!("core-chart-bandwidth-sent"),
                    &|m: &Minute| {
                        (m.requests() > 0 || m.bytes > 0).then_some(m.bytes as f64 / 1_000_000.0)
                    },
                )],
                None,
            ),
        ),
        (
            "memory",
            chart(
                crate::tr!("core-chart-memory-title"),
                crate::tr!("core-chart-memory-unit"),
                dynos
                    .iter()
                    .flat_map(|d| {
                        let d2 = d.clone();
                        [
                            series(
                                &crate::tr!("core-chart-memory-used", dyno = d.as_str()),
                                &|m: &Minute| m.dynos.get(d).and_then(|s| s.memory_mb),
                            ),
                            series(
                                &crate::tr!("core-chart-memory-swap", dyno = d2.as_str()),
                                &|m: &Minute| m.dynos.get(&d2).and_then(|s| s.swap_mb),
                            ),
                        ]
                    })
                    .collect(),
                quota.map(|q| (crate::tr!("core-chart-memory-quota"), q)),
            ),
        ),
        (
            "load",
            chart(
                crate::tr!("core-chart-load-title"),
                crate::tr!("core-chart-load-unit"),
                dynos
                    .iter()
                    .map(|d| series(d, &|m: &Minute| m.dynos.get(d).and_then(|s| s.load_1m)))
                    .collect(),
                None,
            ),
        ),
        (
            "dynos",
            chart(
                crate::tr!("core-chart-dynos-title"),
                crate::tr!("core-chart-dynos-unit"),
                vec![series(
                    &crate::tr!("core-chart-dynos-series"),
                    &|m: &Minute| (!m.dynos.is_empty()).then_some(m.dynos.len() as f64),
                )],
                None,
            ),
        ),
        (
            "errors",
            chart(
                crate::tr!("core-chart-errors-title"),
                crate::tr!("core-chart-errors-unit"),
                codes
                    .iter()
                    .map(|c| {
                        series(c, &|m: &Minute| {
                            Some(f64::from(m.codes.get(c).copied().unwrap_or(0)))
                        })
                    })
                    .collect(),
                None,
            ),
        ),
    ];
    built
        .into_iter()
        .map(|(id, c)| ChartView {
            id,
            title: c.title.clone(),
            svg: svg(&c, WIDTH, HEIGHT),
        })
        .collect()
}

/// The Overview's line of numbers: the last hour at a glance.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Glance {
    /// Minutes with data in the hour.
    pub minutes: usize,
    pub requests: u64,
    pub server_errors: u64,
    /// 95% of requests were answered within this many ms.
    pub p95_ms: Option<f64>,
    /// The highest memory use against the quota of any dyno, in percent.
    pub memory_percent: Option<f64>,
    /// Bytes the router sent in the hour (the bandwidth).
    pub bytes: u64,
}

pub fn glance(minutes: &[Minute]) -> Glance {
    let mut all = Minute {
        times: vec![0; super::aggregate::BINS.len()],
        ..Minute::default()
    };
    for m in minutes {
        super::aggregate::merge_into(&mut all, m);
    }
    let memory_percent = minutes
        .iter()
        .rev()
        .take(15)
        .flat_map(|m| m.dynos.values())
        .filter_map(|d| Some(d.memory_mb? / d.quota_mb? * 100.0))
        .fold(None, |a: Option<f64>, p| Some(a.map_or(p, |a| a.max(p))));
    Glance {
        minutes: minutes.len(),
        requests: u64::from(all.requests()),
        server_errors: u64::from(all.status[3]),
        p95_ms: all.percentile(95.0),
        memory_percent,
        bytes: all.bytes,
    }
}

/// The Metrics screen: where the numbers come from, the charts, and whether Heroku's
/// runtime metrics are on.
#[derive(Debug, Clone, Serialize)]
pub struct MetricsView {
    /// Where the numbers come from, in plain words.
    pub source: String,
    pub minutes: usize,
    pub charts: Vec<ChartView>,
    /// Heroku's log-runtime-metrics (memory and load samples) is on for the app.
    pub runtime_metrics: bool,
}

/// The last `hours` (1 to 336) of the app: the minutes counted from its log, with Heroku's
/// router metrics in their place where it has them (Basic dynos and above).
pub async fn metrics_view(
    client: &crate::heroku::HerokuClient,
    app: &str,
    store: &super::MetricsStore,
    hours: u32,
    tz_offset_min: i32,
    theme: Theme,
) -> Result<MetricsView, super::store::StoreError> {
    let runtime_metrics = super::runtime_metrics_enabled(client, app).await;
    let end = (crate::clock::now_ms() / 60_000 + 1) * 60_000;
    let start = end - i64::from(hours.clamp(1, 24 * 14)) * 3_600_000;
    let logged = store.range(app, start)?;
    let (minutes, source) = match super::endpoint::router_minutes(client, app, start, end).await {
        Ok(reported) if !reported.is_empty() => (
            super::endpoint::combine(&logged, &reported),
            crate::tr!("core-metrics-source-router"),
        ),
        _ => (logged, crate::tr!("core-metrics-source-log")),
    };
    Ok(MetricsView {
        source,
        minutes: minutes.len(),
        charts: charts(&minutes, start, end, tz_offset_min, theme),
        runtime_metrics,
    })
}
