//! Metrics from the app's own log (router lines and runtime-metrics samples): per-minute
//! aggregation, an on-disk store, charts as SVG, and the readiness check before a session.

pub mod aggregate;
pub mod chart;
pub mod collector;
pub mod endpoint;
pub mod readiness;
mod sparse_memory;
pub mod store;
pub mod view;

pub use aggregate::{Aggregator, Minute};
pub use store::MetricsStore;

use crate::heroku::{self, HerokuClient};

/// The Heroku Labs feature that puts memory and load samples into the log every 20 seconds.
pub const RUNTIME_METRICS: &str = "log-runtime-metrics";

/// Whether the app's runtime metrics are on; an app Heroku will not tell about counts as off.
pub async fn runtime_metrics_enabled(client: &HerokuClient, app: &str) -> bool {
    heroku::features::info(client, app, RUNTIME_METRICS)
        .await
        .is_ok_and(|f| f.enabled)
}
