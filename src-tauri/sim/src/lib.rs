//! heroku-sim: a simulated Heroku Platform API.
//!
//! It serves the endpoints Novaland calls, with state in memory loaded from a scenario file,
//! shaped as Heroku's official schema says. Practice mode runs it in-process on loopback; tests
//! run it the same way and (with the `testing` feature) inject faults per route and read what
//! was asked.
//!
//! Layout, as the API it imitates: `routes.rs` is the route table; one file per Heroku
//! resource (account, apps, addons, attachments, builds, config_vars, formation, dynos, releases,
//! collaborators, features, log_sessions, data/ for the Data API); the other hosts apart
//! (logs.rs for Logplex, metrics_host.rs, papertrail.rs, sentry.rs, study.rs for the oTree
//! study); `state.rs` the shared state; `server.rs` the middleware and start/stop.

mod account;
mod addons;
mod apps;
mod attachments;
mod builds;
mod collaborators;
mod config_vars;
mod data;
mod dynos;
#[cfg(feature = "testing")]
mod faults;
mod features;
mod formation;
mod ids;
mod log_sessions;
mod logs;
mod metrics_host;
mod pagination;
mod papertrail;
mod releases;
mod render;
mod routes;
pub mod scenario;
mod sentry;
mod server;
mod state;
mod study;
mod web_dynos;

pub use addons::PROVISION_TIME;
pub use data::transfers::{archive_bytes, archive_of, CAPTURE_TIME};
pub use dynos::RUN_TIME;
#[cfg(feature = "testing")]
pub use faults::RecordedExchange;
#[cfg(feature = "testing")]
pub use faults::{Fault, FaultAction};
pub use ids::{fake_uuid, stamp_micros};
pub use scenario::{Scenario, PRACTICE_SCENARIO};
pub use sentry::SENTRY_TOKEN;
pub use server::Sim;
pub use study::{study_url, STUDY_VERSION};
pub use web_dynos::OtreeRuntime;
