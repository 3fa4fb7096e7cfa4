//! heroku-sim: a simulated Heroku Platform API.
//!
//! It serves the endpoints Novaland calls, with state in memory loaded from a scenario file,
//! shaped as Heroku's official schema says. Practice mode runs it in-process on loopback; tests
//! run it the same way and inject faults per route.

mod addon_apis;
mod attachments;
mod faults;
mod formation;
mod ids;
mod logs;
mod oneoff;
mod pagination;
mod render;
mod resources;
mod routes;
pub mod scenario;
mod server;
mod study;
mod transfers;

pub use addon_apis::SENTRY_TOKEN;
pub use faults::{Fault, FaultAction};
pub use ids::{fake_uuid, stamp_micros};
pub use oneoff::RUN_TIME;
pub use resources::PROVISION_TIME;
pub use scenario::{Scenario, PRACTICE_SCENARIO};
pub use server::{RecordedExchange, Sim};
pub use study::{study_url, STUDY_VERSION};
pub use transfers::{archive_bytes, archive_of, CAPTURE_TIME};
