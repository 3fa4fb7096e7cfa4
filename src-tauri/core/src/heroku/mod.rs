//! The Heroku Platform API: client, error and models.

mod client;
mod error;
pub mod models;

pub use client::{HerokuClient, RetryPolicy, DEFAULT_BASE_URL};
pub use error::HerokuError;
