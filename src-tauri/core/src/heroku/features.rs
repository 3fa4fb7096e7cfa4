//! `/apps/{app}/features/{feature}`: Heroku Labs features such as `log-runtime-metrics`.

use serde::Deserialize;

use super::path::{self, segment};
use super::{HerokuClient, HerokuError};

/// The fields of an app feature Novaland reads.
#[derive(Debug, Clone, Deserialize)]
pub struct AppFeature {
    #[serde(default)]
    pub name: String,
    pub enabled: bool,
}

fn path(app: &str, feature: &str) -> Result<String, HerokuError> {
    Ok(format!("{}/features/{}", path::app(app)?, segment(feature)))
}

pub async fn info(
    client: &HerokuClient,
    app: &str,
    feature: &str,
) -> Result<AppFeature, HerokuError> {
    client.get(&path(app, feature)?).await
}

pub async fn update(
    client: &HerokuClient,
    app: &str,
    feature: &str,
    enabled: bool,
) -> Result<AppFeature, HerokuError> {
    client
        .patch(
            &path(app, feature)?,
            &serde_json::json!({ "enabled": enabled }),
        )
        .await
}
