//! novaland-core: everything in Novaland that is not Tauri.
//!
//! The Heroku client with one module per Heroku resource, and one module per screen's area:
//! overview, resources, postgres, otree (the study's own export), logs, addons (Papertrail and
//! Sentry), metrics; the keychain, Novaland's settings and files. It builds and tests without
//! WebKit; the Tauri layer only translates to and from the page.

pub mod addon_apis;
pub mod clock;
pub mod confirm;
pub mod env;
pub mod error;
pub mod files;
pub mod heroku;
pub mod jobs;
pub mod logs;
pub mod metrics;
pub mod net;
pub mod otree;
pub mod overview;
pub mod postgres;
pub mod resources;
pub mod secrets;
pub mod settings;
pub mod signin;
