//! `/apps/{app}/dynos`: running dynos, restarts, one-off dynos.

use super::models::Dyno;
use super::path::{self, segment};
use super::{HerokuClient, HerokuError};

/// Every dyno (`GET /apps/{app}/dynos`).
pub async fn list(client: &HerokuClient, app: &str) -> Result<Vec<Dyno>, HerokuError> {
    client.list(&format!("{}/dynos", path::app(app)?)).await
}

/// One dyno (`GET /apps/{app}/dynos/{dyno}`); a one-off dyno is gone once its command exited.
pub async fn info(client: &HerokuClient, app: &str, dyno: &str) -> Result<Dyno, HerokuError> {
    client
        .get(&format!("{}/dynos/{}", path::app(app)?, segment(dyno)))
        .await
}

/// Starts a one-off dyno (`POST /apps/{app}/dynos`).
pub async fn create(
    client: &HerokuClient,
    app: &str,
    body: &serde_json::Value,
) -> Result<Dyno, HerokuError> {
    client
        .post(&format!("{}/dynos", path::app(app)?), body)
        .await
}

/// Restarts every dyno of the app (`DELETE /apps/{app}/dynos`).
pub async fn restart_all(client: &HerokuClient, app: &str) -> Result<(), HerokuError> {
    let _: serde_json::Value = client.delete(&format!("{}/dynos", path::app(app)?)).await?;
    Ok(())
}

/// Restarts every dyno of one process type (`DELETE /apps/{app}/formations/{type}`, the
/// schema's "Dyno Restart formation" link).
pub async fn restart_process_type(
    client: &HerokuClient,
    app: &str,
    process_type: &str,
) -> Result<(), HerokuError> {
    let _: serde_json::Value = client
        .delete(&format!(
            "{}/formations/{}",
            path::app(app)?,
            segment(process_type)
        ))
        .await?;
    Ok(())
}
