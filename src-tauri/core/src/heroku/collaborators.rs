//! `/apps/{app}/collaborators`: the people with access to the app.

use super::models::Collaborator;
use super::path::{self, segment};
use super::{HerokuClient, HerokuError};

fn path(app: &str) -> Result<String, HerokuError> {
    Ok(format!("{}/collaborators", path::app(app)?))
}

pub async fn list(client: &HerokuClient, app: &str) -> Result<Vec<Collaborator>, HerokuError> {
    client.list(&path(app)?).await
}

/// Invites someone by e-mail (`POST /apps/{app}/collaborators`).
pub async fn create(
    client: &HerokuClient,
    app: &str,
    email: &str,
) -> Result<Collaborator, HerokuError> {
    client
        .post(
            &path(app)?,
            &serde_json::json!({ "user": email, "silent": false }),
        )
        .await
}

/// Removes someone by e-mail or id (`DELETE /apps/{app}/collaborators/{who}`).
pub async fn delete(client: &HerokuClient, app: &str, who: &str) -> Result<(), HerokuError> {
    let _: serde_json::Value = client
        .delete(&format!("{}/{}", path(app)?, segment(who)))
        .await?;
    Ok(())
}
