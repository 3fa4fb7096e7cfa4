//! novaland-core: everything in Novaland that is not Tauri.
//!
//! The Heroku client, the overview of a study's app, the keychain and the settings file.
//! It builds and tests without WebKit; the Tauri layer only translates to and from the page.

pub mod addons;
pub mod clock;
pub mod dynos;
pub mod files;
pub mod heroku;
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
