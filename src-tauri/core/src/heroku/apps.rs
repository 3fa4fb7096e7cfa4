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

/// Creates an app (`POST /apps` `{name, region}`; schema `app` link `create`). Heroku answers
/// 201 with the app; a taken name is a 422 (`invalid_params`, "Name is already taken"), an
/// account without a payment method a 402/403 `verification_required`.
pub async fn create(client: &HerokuClient, name: &str, region: &str) -> Result<App, HerokuError> {
    path::check_app_name(name)?;
    client
        .post("apps", &json!({ "name": name, "region": region }))
        .await
}

/// Deletes an app and everything on it (`DELETE /apps/{app}`): only for an app the new-study
/// flow created minutes ago and the researcher asked to remove again.
pub async fn delete(client: &HerokuClient, app: &str) -> Result<(), HerokuError> {
    client
        .send_ignoring_answer(reqwest::Method::DELETE, &path::app(app)?, None)
        .await
}
