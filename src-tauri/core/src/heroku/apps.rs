//! `/apps`: the account's apps, one app, maintenance mode.

use serde_json::json;

use super::models::{App, Team};
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

/// Creates an app (`POST /apps` `{name, region}`; schema `app` link `create`), or with `team`
/// a team's app (`POST /teams/apps` `{name, region, team}`; schema `team-app` link `create`,
/// as heroku/cli `apps:create --team` does). Heroku answers 201 with the app; a taken name is
/// a 422 (`invalid_params`, "Name is already taken"), an account without a payment method a
/// 402/403 `verification_required`.
pub async fn create(
    client: &HerokuClient,
    name: &str,
    region: &str,
    team: Option<&str>,
) -> Result<App, HerokuError> {
    path::check_app_name(name)?;
    match team {
        None => {
            client
                .post("apps", &json!({ "name": name, "region": region }))
                .await
        }
        Some(team) => {
            client
                .post(
                    "teams/apps",
                    &json!({ "name": name, "region": region, "team": team }),
                )
                .await
        }
    }
}

/// The Heroku Teams the account belongs to (`GET /teams`).
pub async fn teams(client: &HerokuClient) -> Result<Vec<Team>, HerokuError> {
    client.list("teams").await
}

/// Deletes an app and everything on it (`DELETE /apps/{app}`): only for an app the new-study
/// flow created minutes ago and the researcher asked to remove again.
pub async fn delete(client: &HerokuClient, app: &str) -> Result<(), HerokuError> {
    client
        .send_ignoring_answer(reqwest::Method::DELETE, &path::app(app)?, None)
        .await
}
