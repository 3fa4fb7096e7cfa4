//! Changing the app's dynos from the explanations' buttons: start a web dyno (H14), restart
//! (R10, H20, ...), end maintenance mode (H80).

use serde_json::json;

use crate::heroku::models::Formation;
use crate::heroku::{self, HerokuClient, HerokuError};

/// Sets how many dynos of `process` run (`PATCH /apps/{app}/formation/{process}`).
pub async fn scale(
    client: &HerokuClient,
    app: &str,
    process: &str,
    quantity: i64,
) -> Result<Formation, HerokuError> {
    heroku::formation::update(client, app, process, &json!({ "quantity": quantity })).await
}

/// Restarts every dyno of the app (`DELETE /apps/{app}/dynos`).
pub async fn restart_all(client: &HerokuClient, app: &str) -> Result<(), HerokuError> {
    heroku::dynos::restart_all(client, app).await
}

/// Turns maintenance mode on or off (`PATCH /apps/{app}`).
pub async fn set_maintenance(
    client: &HerokuClient,
    app: &str,
    on: bool,
) -> Result<(), HerokuError> {
    heroku::apps::set_maintenance(client, app, on).await?;
    Ok(())
}
