//! Heroku Postgres' Data API (api.data.heroku.com, the same token): databases, backups
//! (transfers), backup schedules, reset. Every function asks the Data API host itself, so no
//! caller picks it. Paths as the official CLI asks them (heroku/cli src/lib/pg/*,
//! src/commands/pg/backups/*).

use reqwest::Method;
use serde::de::DeserializeOwned;

use super::path::{self, segment};
use super::{HerokuClient, HerokuError};

fn database(db: &str) -> String {
    format!("client/v11/databases/{}", segment(db))
}

fn transfers(app: &str) -> Result<String, HerokuError> {
    path::check_app_name(app)?;
    Ok(format!("client/v11/apps/{}/transfers", segment(app)))
}

/// A database's info (`GET /client/v11/databases/{db}`).
pub async fn database_info<T: DeserializeOwned>(
    client: &HerokuClient,
    db: &str,
) -> Result<T, HerokuError> {
    client.data_api().get(&database(db)).await
}

/// Starts a backup of database `db` (`POST /client/v11/databases/{db}/backups`).
pub async fn capture<T: DeserializeOwned>(
    client: &HerokuClient,
    db: &str,
) -> Result<T, HerokuError> {
    client
        .data_api()
        .post(&format!("{}/backups", database(db)), &serde_json::json!({}))
        .await
}

/// The app's transfers: backups of all its databases (`GET /client/v11/apps/{app}/transfers`).
pub async fn transfers_list<T: DeserializeOwned>(
    client: &HerokuClient,
    app: &str,
) -> Result<Vec<T>, HerokuError> {
    client.data_api().get(&transfers(app)?).await
}

/// One transfer by its number or its uuid (`GET /client/v11/apps/{app}/transfers/{id}`): the
/// CLI follows captures and restores by the uuid their POST answered (`src/lib/pg/backups.ts`,
/// `wait`).
pub async fn transfer<T: DeserializeOwned>(
    client: &HerokuClient,
    app: &str,
    id: &str,
) -> Result<T, HerokuError> {
    client
        .data_api()
        .get(&format!("{}/{}", transfers(app)?, segment(id)))
        .await
}

/// A signed address to download a backup from
/// (`POST /client/v11/apps/{app}/transfers/{num}/actions/public-url`).
pub async fn public_url<T: DeserializeOwned>(
    client: &HerokuClient,
    app: &str,
    num: i64,
) -> Result<T, HerokuError> {
    client
        .data_api()
        .post(
            &format!("{}/{num}/actions/public-url", transfers(app)?),
            &serde_json::json!({}),
        )
        .await
}

/// Deletes a backup (`DELETE /client/v11/apps/{app}/transfers/{num}`).
pub async fn delete_transfer(
    client: &HerokuClient,
    app: &str,
    num: i64,
) -> Result<(), HerokuError> {
    let _: serde_json::Value = client
        .data_api()
        .delete(&format!("{}/{num}", transfers(app)?))
        .await?;
    Ok(())
}

/// The database's backup schedules (`GET /client/v11/databases/{db}/transfer-schedules`).
pub async fn schedules<T: DeserializeOwned>(
    client: &HerokuClient,
    db: &str,
) -> Result<Vec<T>, HerokuError> {
    client
        .data_api()
        .get(&format!("{}/transfer-schedules", database(db)))
        .await
}

/// Sets the daily schedule (`POST /client/v11/databases/{db}/transfer-schedules`); the
/// answer's body is not read (the CLI ignores it; its tests stub none).
pub async fn schedule(
    client: &HerokuClient,
    db: &str,
    body: &serde_json::Value,
) -> Result<(), HerokuError> {
    client
        .data_api()
        .send_ignoring_answer(
            Method::POST,
            &format!("{}/transfer-schedules", database(db)),
            Some(body),
        )
        .await
}

/// Removes a schedule (`DELETE /client/v11/databases/{db}/transfer-schedules/{uuid}`).
pub async fn unschedule(client: &HerokuClient, db: &str, uuid: &str) -> Result<(), HerokuError> {
    client
        .data_api()
        .send_ignoring_answer(
            Method::DELETE,
            &format!("{}/transfer-schedules/{}", database(db), segment(uuid)),
            None,
        )
        .await
}

/// Empties the database (`PUT /client/v11/databases/{db}/reset`, as `heroku pg:reset` does).
pub async fn reset(client: &HerokuClient, db: &str) -> Result<(), HerokuError> {
    client
        .data_api()
        .send_ignoring_answer(
            Method::PUT,
            &format!("{}/reset", database(db)),
            Some(&serde_json::json!({})),
        )
        .await
}

/// Restores a backup into database `db` (`POST /client/v11/databases/{db}/restores`
/// `{backup_url}`, as `heroku pg:backups:restore` does with the backup's `to_url`; heroku/cli
/// `src/commands/pg/backups/restore.ts`). The answer is the restore's transfer.
pub async fn restore<T: DeserializeOwned>(
    client: &HerokuClient,
    db: &str,
    backup_url: &str,
) -> Result<T, HerokuError> {
    client
        .data_api()
        .post(
            &format!("{}/restores", database(db)),
            &serde_json::json!({ "backup_url": backup_url }),
        )
        .await
}
