//! The Heroku Platform API: the client, its one error, the models, and one module per Heroku
//! resource. Only those modules build Heroku paths (through `path`, which checks app names and
//! encodes every segment).

mod client;
mod error;
pub mod models;
pub mod path;

pub mod addons;
pub mod apps;
pub mod builds;
pub mod collaborators;
pub mod config_vars;
pub mod data;
pub mod dynos;
pub mod features;
pub mod formation;
pub mod log_sessions;
pub mod releases;
pub mod router_metrics;

pub use client::{pause_before_request, HerokuClient, RetryPolicy, DEFAULT_BASE_URL};
pub use error::HerokuError;
