//! Metrics from the app's own log (router lines and runtime-metrics samples): per-minute
//! aggregation, an on-disk store, charts as SVG, and the readiness check before a session.

pub mod aggregate;
pub mod chart;
pub mod collector;
pub mod endpoint;
pub mod readiness;
pub mod store;
pub mod view;

pub use aggregate::{Aggregator, Minute};
pub use store::MetricsStore;
