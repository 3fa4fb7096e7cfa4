//! `/apps/{app}/releases`: the app's history and rollbacks.

use super::models::Release;
use super::path;
use super::{HerokuClient, HerokuError};

fn path(app: &str) -> Result<String, HerokuError> {
    Ok(format!("{}/releases", path::app(app)?))
}

/// The newest `max` releases, newest first (`Range: version ..; order=desc, max=N`).
pub async fn newest(
    client: &HerokuClient,
    app: &str,
    max: u32,
) -> Result<Vec<Release>, HerokuError> {
    client
        .get_range(&path(app)?, &format!("version ..; order=desc, max={max}"))
        .await
}

/// Rolls back to release `id` (`POST /apps/{app}/releases {release}`): a new release.
pub async fn rollback(client: &HerokuClient, app: &str, id: &str) -> Result<Release, HerokuError> {
    client
        .post(&path(app)?, &serde_json::json!({ "release": id }))
        .await
}
