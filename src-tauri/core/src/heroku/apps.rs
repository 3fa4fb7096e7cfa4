//! `/apps`: the account's apps, one app, maintenance mode.

use serde_json::json;

use super::models::App;
use super::path;
use super::{HerokuClient, HerokuError};

/// Every app the account can see, personal and team (`GET /apps`).
pub async fn list(client: &HerokuClient) -> Result<Vec<App>, HerokuError> {
    client.list("apps").await
}

/// One app (`GET /apps/{app}`).
pub async fn info(client: &HerokuClient, app: &str) -> Result<App, HerokuError> {
    client.get(&path::app(app)?).await
}

/// Turns maintenance mode on or off (`PATCH /apps/{app}`).
pub async fn set_maintenance(
    client: &HerokuClient,
    app: &str,
    on: bool,
) -> Result<App, HerokuError> {
    client
        .patch(&path::app(app)?, &json!({ "maintenance": on }))
        .await
}
