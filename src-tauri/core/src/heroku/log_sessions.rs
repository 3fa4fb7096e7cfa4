//! `/apps/{app}/log-sessions`: a short-lived address to read the app's log from.

use serde::Deserialize;

use super::path;
use super::{HerokuClient, HerokuError};

#[derive(Debug, Clone, Deserialize)]
pub struct LogSession {
    pub logplex_url: String,
}

pub async fn create(
    client: &HerokuClient,
    app: &str,
    body: &serde_json::Value,
) -> Result<LogSession, HerokuError> {
    client
        .post(&format!("{}/log-sessions", path::app(app)?), body)
        .await
}
