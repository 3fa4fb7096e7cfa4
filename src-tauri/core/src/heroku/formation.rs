//! `/apps/{app}/formation`: how many dynos of each process type run, and their size.

use super::models::Formation;
use super::path::{self, segment};
use super::{HerokuClient, HerokuError};

/// Every process type (`GET /apps/{app}/formation`).
pub async fn list(client: &HerokuClient, app: &str) -> Result<Vec<Formation>, HerokuError> {
    client.list(&format!("{}/formation", path::app(app)?)).await
}

/// Changes one process type's quantity and/or size (`PATCH /apps/{app}/formation/{type}`).
pub async fn update(
    client: &HerokuClient,
    app: &str,
    process_type: &str,
    changes: &serde_json::Value,
) -> Result<Formation, HerokuError> {
    client
        .patch(
            &format!("{}/formation/{}", path::app(app)?, segment(process_type)),
            changes,
        )
        .await
}
