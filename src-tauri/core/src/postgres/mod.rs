//! The study's Postgres database, reached directly: connecting as Heroku requires (TLS without
//! verification, like libpq's `sslmode=require`) and exporting every table to CSV.

pub mod backups;
mod connect;
mod download;
mod health;
pub mod reset;
pub mod restore;
mod tables;

pub use connect::{connect, ConnectError};
pub use download::{download_tables, DownloadError, Downloaded};
pub use health::{health, plan_limit_bytes, DatabaseHealth, Fullness};
pub use tables::{export_tables, ExportError, ExportOptions, TableProgress, TableReport};
