//! The app's history: each release (deploy, settings change, add-on) and rolling back to one.

use crate::heroku::models::Release;
use crate::heroku::{self, HerokuClient, HerokuError};

/// Newest first, up to `max`.
pub async fn list(client: &HerokuClient, app: &str, max: u32) -> Result<Vec<Release>, HerokuError> {
    heroku::releases::newest(client, app, max).await
}

/// Rolls back to release `id`: Heroku makes a new release with that one's code and settings.
pub async fn rollback(client: &HerokuClient, app: &str, id: &str) -> Result<Release, HerokuError> {
    heroku::releases::rollback(client, app, id).await
}
