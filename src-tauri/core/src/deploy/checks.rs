//! What to know before deploying a new version over a running study: whether participants
//! are on it right now (a deploy restarts the dynos: a page being loaded fails), and whether
//! the oTree version changes (a new oTree, or changed models, may need `otree resetdb`, which
//! Novaland offers only as the Postgres screen's safe reset, never on its own).

use std::time::Duration;

use futures_util::StreamExt;
use serde::Serialize;

use super::Project;
use crate::heroku::{self, HerokuClient, HerokuError};
use crate::otree::site::OtreeSite;

/// How far back "right now" reaches.
pub const RECENT_MINUTES: i64 = 10;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeployCheck {
    /// Requests to the study in the last [`RECENT_MINUTES`] (router lines of the log).
    pub recent_requests: usize,
    /// The oTree version the study runs now, if its REST API says.
    pub running_otree: Option<String>,
    /// The version the new project pins or needs at least.
    pub new_otree: Option<String>,
    /// Both are known and differ.
    pub otree_changes: bool,
}

/// Looks at the log's recent history and the running study before a deploy. `study_url`
/// replaces the app's web address (practice mode's study lives on the simulator).
pub async fn before_deploy(
    client: &HerokuClient,
    app: &str,
    study_url: Option<String>,
    project: &Project,
) -> Result<DeployCheck, HerokuError> {
    let (info, vars) = tokio::try_join!(
        heroku::apps::info(client, app),
        heroku::config_vars::get(client, app),
    )?;
    let recent_requests = recent_requests(client, app).await.unwrap_or(0);
    let rest_key = vars.get("OTREE_REST_KEY").cloned().flatten();
    let running_otree = match study_url.or(info.web_url) {
        Some(base) => match OtreeSite::new(&base, rest_key) {
            Ok(site) => site.rest_version().await,
            Err(_) => None,
        },
        None => None,
    };
    let new_otree = project.report.otree_version.clone();
    let otree_changes = matches!((&running_otree, &new_otree), (Some(a), Some(b)) if a != b);
    Ok(DeployCheck {
        recent_requests,
        running_otree,
        new_otree,
        otree_changes,
    })
}

/// Router lines of the last minutes in the log's history (Heroku keeps about 1,500 lines).
/// Reads for at most five seconds: a Fir app's log session never ends.
async fn recent_requests(client: &HerokuClient, app: &str) -> Result<usize, String> {
    let body = serde_json::json!({ "lines": 1500, "tail": false, "source": "heroku" });
    let session = heroku::log_sessions::create(client, app, &body)
        .await
        .map_err(|e| e.to_string())?;
    let url = crate::net::secret_url(&session.logplex_url).ok_or("not https")?;
    let answer = reqwest::get(url)
        .await
        .map_err(|e| e.without_url().to_string())?;
    let mut format = crate::logs::stream::LineFormat::of(&answer);
    let since = crate::clock::now_ms() - RECENT_MINUTES * 60_000;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(5);
    let mut stream = answer.bytes_stream();
    let (mut pending, mut count) = (Vec::new(), 0);
    while let Ok(Some(Ok(chunk))) = tokio::time::timeout_at(deadline, stream.next()).await {
        pending.extend_from_slice(&chunk);
        while let Some(at) = pending.iter().position(|b| *b == b'\n') {
            let raw: Vec<u8> = pending.drain(..=at).collect();
            let Some(text) = format.payload(&raw[..raw.len() - 1]) else {
                continue;
            };
            let line = crate::logs::line::parse(text);
            if line.request.is_some() && line.time_ms.is_some_and(|t| t >= since) {
                count += 1;
            }
        }
    }
    Ok(count)
}
