//! novaland-core: everything in Novaland that is not Tauri.
//!
//! The Heroku client with one module per Heroku resource (heroku/), and one module per
//! screen's area: overview, resources (formation, add-ons, config vars, people, releases),
//! postgres, otree (the study's own export), logs, addon_apis (Papertrail and Sentry),
//! metrics; the keychain, Novaland's own settings, files, the environment (env), one error
//! path (error: every error's code and words), and long jobs' Cancel (jobs). It builds and
//! tests without WebKit; the Tauri layer only reads its state and calls one function here.

pub mod addon_apis;
pub mod clock;
pub mod confirm;
pub mod deploy;
pub mod env;
pub mod error;
pub mod files;
pub mod heroku;
pub mod i18n;
pub mod jobs;
pub mod logs;
pub mod metrics;
pub mod net;
pub mod new_study;
pub mod otree;
pub mod overview;
pub mod postgres;
pub mod resources;
pub mod secrets;
pub mod settings;
pub mod signin;
pub mod updates;
pub mod workbook;
