//! Heroku's metrics host (api.metrics.herokai.com, undocumented; the Dashboard's charts):
//! `GET /apps/{app}/router-metrics/{status|latency}`.

use serde::de::DeserializeOwned;

use super::path::{self, segment};
use super::{HerokuClient, HerokuError};

/// One kind of router metric for the web process between two ISO times, per minute.
pub async fn get<T: DeserializeOwned>(
    client: &HerokuClient,
    app: &str,
    kind: &str,
    start_time: &str,
    end_time: &str,
) -> Result<T, HerokuError> {
    // Built to a String first: the serializer is not Send and must not live across an await.
    let query = url::form_urlencoded::Serializer::new(String::new())
        .append_pair("start_time", start_time)
        .append_pair("end_time", end_time)
        .append_pair("step", "1m")
        .append_pair("process_type", "web")
        .finish();
    let path = format!(
        "{}/router-metrics/{}?{query}",
        path::app(app)?,
        segment(kind)
    );
    client.metrics_api().get(&path).await
}
