//! `/apps/{app}/addons` and `/addon-services`: the app's add-ons and Heroku's marketplace.

use serde::de::DeserializeOwned;

use super::models::AddOn;
use super::path::{self, segment};
use super::{HerokuClient, HerokuError};

fn path(app: &str) -> Result<String, HerokuError> {
    Ok(format!("{}/addons", path::app(app)?))
}

/// The app's add-ons (`GET /apps/{app}/addons`).
pub async fn list(client: &HerokuClient, app: &str) -> Result<Vec<AddOn>, HerokuError> {
    client.list(&path(app)?).await
}

/// One add-on by id or name (`GET /apps/{app}/addons/{addon}`).
pub async fn info(client: &HerokuClient, app: &str, addon: &str) -> Result<AddOn, HerokuError> {
    client
        .get(&format!("{}/{}", path(app)?, segment(addon)))
        .await
}

/// Adds an add-on (`POST /apps/{app}/addons`, `{plan, ...}`).
pub async fn create(
    client: &HerokuClient,
    app: &str,
    body: &serde_json::Value,
) -> Result<AddOn, HerokuError> {
    client.post(&path(app)?, body).await
}

/// Changes an add-on's plan (`PATCH /apps/{app}/addons/{addon}`).
pub async fn update(
    client: &HerokuClient,
    app: &str,
    addon: &str,
    body: &serde_json::Value,
) -> Result<AddOn, HerokuError> {
    client
        .patch(&format!("{}/{}", path(app)?, segment(addon)), body)
        .await
}

/// Removes an add-on (`DELETE /apps/{app}/addons/{addon}`).
pub async fn delete(client: &HerokuClient, app: &str, addon: &str) -> Result<(), HerokuError> {
    let _: serde_json::Value = client
        .delete(&format!("{}/{}", path(app)?, segment(addon)))
        .await?;
    Ok(())
}

/// The marketplace (`GET /addon-services`).
pub async fn services<T: DeserializeOwned>(client: &HerokuClient) -> Result<Vec<T>, HerokuError> {
    client.list("addon-services").await
}

/// One service's plans (`GET /addon-services/{service}/plans`).
pub async fn plans<T: DeserializeOwned>(
    client: &HerokuClient,
    service: &str,
) -> Result<Vec<T>, HerokuError> {
    client
        .list(&format!("addon-services/{}/plans", segment(service)))
        .await
}
