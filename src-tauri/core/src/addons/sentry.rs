//! Sentry's unresolved issues for the project the app's `SENTRY_DSN` reports to. A DSN can only
//! send events; reading needs the researcher's auth token
//! (`GET /api/0/projects/{org}/{project}/issues/?query=is:unresolved`, Bearer token).

use serde::{Deserialize, Serialize};

use super::{endpoint, http, read_json, AddonError};

const SERVICE: &str = "Sentry";

/// Where a DSN points: the API's base and the organisation and project ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Project {
    pub api_base: String,
    pub org: String,
    pub project: String,
}

/// `https://KEY@o123.ingest.sentry.io/456` → sentry.io's API, org 123, project 456.
/// A self-hosted Sentry (`https://KEY@sentry.example.org/7`) is asked at its own address.
pub fn project_of(dsn: &str) -> Option<Project> {
    let url = url::Url::parse(dsn.trim()).ok()?;
    let host = url.host_str()?;
    let project = url.path_segments()?.rfind(|s| !s.is_empty())?.to_string();
    if !project
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let (api_base, org) = match host.split_once(".ingest.") {
        Some((org, rest)) => {
            let org = org.strip_prefix('o').unwrap_or(org).to_string();
            // o123.ingest.us.sentry.io and o123.ingest.sentry.io are both sentry.io.
            let domain = rest.trim_start_matches("us.").trim_start_matches("de.");
            (format!("https://{domain}/api/0/"), org)
        }
        None => (format!("https://{host}/api/0/"), String::new()),
    };
    Some(Project {
        api_base,
        org,
        project,
    })
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Issue {
    pub id: String,
    #[serde(default)]
    pub short_id: Option<String>,
    pub title: String,
    /// Where: `survey/__init__.py in before_next_page`.
    #[serde(default)]
    pub culprit: Option<String>,
    pub permalink: String,
    #[serde(default)]
    pub level: Option<String>,
    /// Sentry sends the count as a string.
    #[serde(default)]
    pub count: serde_json::Value,
    #[serde(default)]
    pub user_count: Option<u64>,
    #[serde(default)]
    pub first_seen: Option<String>,
    #[serde(default)]
    pub last_seen: Option<String>,
}

/// The unresolved issues, newest first. `base` overrides the DSN's API address (tests).
pub async fn unresolved(
    project: &Project,
    base: Option<&str>,
    token: &str,
) -> Result<Vec<Issue>, AddonError> {
    if project.org.is_empty() {
        return Err(AddonError::Missing(
            "This SENTRY_DSN does not name its organisation; open the project in Sentry instead."
                .into(),
        ));
    }
    let path = format!("projects/{}/{}/issues/", project.org, project.project);
    let mut url = endpoint(base.unwrap_or(&project.api_base), &path, SERVICE)?;
    url.query_pairs_mut()
        .append_pair("query", "is:unresolved")
        .append_pair("sort", "date");
    read_json(http().get(url).bearer_auth(token).send().await, SERVICE).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dsns() {
        assert_eq!(
            project_of("https://abc123@o4504.ingest.sentry.io/4505"),
            Some(Project {
                api_base: "https://sentry.io/api/0/".into(),
                org: "4504".into(),
                project: "4505".into()
            })
        );
        assert_eq!(
            project_of("https://k@o1.ingest.us.sentry.io/2")
                .unwrap()
                .api_base,
            "https://sentry.io/api/0/"
        );
        let own = project_of("https://k@sentry.example.org/7").unwrap();
        assert_eq!(
            (own.api_base.as_str(), own.org.as_str()),
            ("https://sentry.example.org/api/0/", "")
        );
        assert_eq!(project_of("not a dsn"), None);
        assert_eq!(project_of("https://k@o1.ingest.sentry.io/"), None);
    }
}
