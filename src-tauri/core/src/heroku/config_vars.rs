//! `/apps/{app}/config-vars`: the app's settings as Heroku keeps them.

use super::models::ConfigVars;
use super::path;
use super::{HerokuClient, HerokuError};

fn path(app: &str) -> Result<String, HerokuError> {
    Ok(format!("{}/config-vars", path::app(app)?))
}

/// Every config var (`GET /apps/{app}/config-vars`).
pub async fn get(client: &HerokuClient, app: &str) -> Result<ConfigVars, HerokuError> {
    client.get(&path(app)?).await
}

/// Sets the given vars; a `null` value removes one (`PATCH /apps/{app}/config-vars`). Heroku
/// makes a release and restarts the app.
pub async fn update(
    client: &HerokuClient,
    app: &str,
    changes: &serde_json::Value,
) -> Result<ConfigVars, HerokuError> {
    client.patch(&path(app)?, changes).await
}
