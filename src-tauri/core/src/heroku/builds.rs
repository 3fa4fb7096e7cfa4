//! The Build API: a place to upload the source (`POST /sources`), a build of it
//! (`POST /apps/{app}/builds`), and the build's state (`GET /apps/{app}/builds/{id}`).
//! Schema: `source` and `build` links (the schema marks `POST /apps/{app}/sources` deprecated;
//! the official builds plugin, heroku/heroku-builds `src/commands/builds/create.ts`, and the
//! CLI's `src/lib/ci/source.ts` ask `POST /sources`, as this does).

use serde_json::json;

use super::models::{Build, Source};
use super::path::{self, segment};
use super::{HerokuClient, HerokuError};

/// Asks for a pair of URLs: `put_url` to upload a tar.gz to, `get_url` for the build to read.
pub async fn create_source(client: &HerokuClient) -> Result<Source, HerokuError> {
    client.post("sources", &json!({})).await
}

/// Starts a build of the tar.gz at `url`; `version` is what the release list shows for it.
pub async fn create(
    client: &HerokuClient,
    app: &str,
    url: &str,
    version: &str,
) -> Result<Build, HerokuError> {
    client
        .post(
            &format!("{}/builds", path::app(app)?),
            &json!({ "source_blob": { "url": url, "version": version } }),
        )
        .await
}

/// One build as it is now.
pub async fn info(client: &HerokuClient, app: &str, id: &str) -> Result<Build, HerokuError> {
    client
        .get(&format!("{}/builds/{}", path::app(app)?, segment(id)))
        .await
}
