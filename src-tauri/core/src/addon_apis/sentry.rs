//! Sentry's unresolved issues for the project the app's `SENTRY_DSN` reports to. A DSN can only
//! send events; reading needs the researcher's auth token
//! (`GET /api/0/projects/{org}/{project}/issues/?query=is:unresolved`, Bearer token).

use serde::{Deserialize, Serialize};

use super::{endpoint, http, read_json, AddonError};
use crate::error::Refused;

const SERVICE: &str = "Sentry";

/// Sentry's own API hosts (sentry.io and its US and EU regions). The token goes to these, or
/// to the one self-hosted Sentry the researcher confirmed when connecting; never to whatever
/// host a SENTRY_DSN names, since anyone who may change the app's settings can set that.
pub const SENTRY_HOSTS: &[&str] = &["sentry.io", "us.sentry.io", "de.sentry.io"];

/// The token as the keychain keeps it: with the self-hosted host it was confirmed for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedToken {
    pub token: String,
    /// A self-hosted Sentry's host the researcher confirmed; `None` for sentry.io.
    #[serde(default)]
    pub host: Option<String>,
}

impl SavedToken {
    /// What goes into the keychain: the bare token for sentry.io, JSON with the host otherwise.
    pub fn to_keychain(&self) -> String {
        match &self.host {
            None => self.token.clone(),
            Some(_) => serde_json::to_string(self).expect("two strings serialize"),
        }
    }

    /// The token for `project`, with the host the researcher confirmed: kept only for a Sentry
    /// that is not sentry.io.
    pub fn for_project(token: String, confirmed_host: Option<String>, project: &Project) -> Self {
        let host = confirmed_host.filter(|_| !project.is_sentry_io());
        SavedToken { token, host }
    }

    pub fn from_keychain(value: &str) -> SavedToken {
        serde_json::from_str(value).unwrap_or_else(|_| SavedToken {
            token: value.to_string(),
            host: None,
        })
    }
}

impl Project {
    /// The host the API requests (and the token) go to.
    pub fn api_host(&self) -> String {
        url::Url::parse(&self.api_base)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default()
    }

    pub fn is_sentry_io(&self) -> bool {
        SENTRY_HOSTS.contains(&self.api_host().as_str())
    }

    /// Whether the token may go to this project's API: sentry.io, or the confirmed host.
    pub fn check_host(&self, confirmed: Option<&str>) -> Result<(), AddonError> {
        let host = self.api_host();
        if self.is_sentry_io() || confirmed == Some(host.as_str()) {
            Ok(())
        } else {
            Err(AddonError::UnconfirmedHost { host })
        }
    }
}

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
            // o123.ingest.us.sentry.io and o123.ingest.sentry.io are both sentry.io; any
            // other domain is somebody's own server, asked at its own address.
            let domain = match rest {
                "sentry.io" | "us.sentry.io" | "de.sentry.io" => "sentry.io",
                other => other,
            };
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

/// The token as pasted, trimmed; an empty paste is refused before anything is asked.
pub fn pasted_token(token: &str) -> Result<String, Refused> {
    let token = token.trim();
    if token.is_empty() {
        let message = crate::tr!("core-sentry-paste-token");
        return Err(Refused::new(crate::error::ErrorCode::Empty, message));
    }
    Ok(token.to_string())
}

/// Sentry's own page of issue `id` among `issues` (https only): gone when it was resolved
/// since the list was shown.
pub fn issue_link(issues: Vec<Issue>, id: &str) -> Result<String, Refused> {
    let issue = issues.into_iter().find(|i| i.id == id);
    let link = issue
        .map(|i| i.permalink)
        .filter(|u| u.starts_with("https://"));
    link.ok_or_else(|| {
        let message = crate::tr!("core-sentry-issue-gone");
        Refused::new(crate::error::ErrorCode::NotFound, message)
    })
}

/// The unresolved issues with a saved token: only after its host is checked (see
/// `Project::check_host`).
pub async fn unresolved_with(
    project: &Project,
    base: Option<&str>,
    saved: &SavedToken,
) -> Result<Vec<Issue>, AddonError> {
    project.check_host(saved.host.as_deref())?;
    unresolved(project, base, &saved.token).await
}

/// The unresolved issues, newest first. `base` overrides the DSN's API address (tests).
pub async fn unresolved(
    project: &Project,
    base: Option<&str>,
    token: &str,
) -> Result<Vec<Issue>, AddonError> {
    if project.org.is_empty() {
        return Err(AddonError::Missing(crate::tr!(
            "error-sentry-no-organisation"
        )));
    }
    let path = format!("projects/{}/{}/issues/", project.org, project.project);
    let mut url = endpoint(base.unwrap_or(&project.api_base), &path, SERVICE)?;
    url.query_pairs_mut()
        .append_pair("query", "is:unresolved")
        .append_pair("sort", "date");
    // Every page: Sentry answers a page at a time and names the next in its `Link` header.
    let origin = url.origin();
    let mut issues = Vec::new();
    let mut next = Some(url);
    let mut pages = 0;
    while let Some(page_url) = next.take() {
        let answer = http().get(page_url).bearer_auth(token).send().await;
        let link = answer
            .as_ref()
            .ok()
            .and_then(|r| r.headers().get(reqwest::header::LINK))
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let page: Vec<Issue> = read_json(answer, SERVICE).await?;
        issues.extend(page);
        pages += 1;
        next = link
            .as_deref()
            .and_then(next_page)
            .and_then(|u| url::Url::parse(&u).ok())
            // The token stays with the host it was checked for; a runaway list stops.
            .filter(|u| u.origin() == origin && pages < 50);
    }
    Ok(issues)
}

/// Where an error happened: the exception and its frames, the study's own first (most recent
/// call first within each group).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StackTrace {
    pub exception: String,
    pub value: String,
    pub frames: Vec<Frame>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Frame {
    pub file: String,
    pub line: Option<u64>,
    pub function: Option<String>,
    /// The study's own code (Sentry's `inApp`), not oTree's or a library's.
    pub in_app: bool,
    /// The lines around it as Sentry sends them: (line number, code).
    pub context: Vec<(u64, String)>,
}

#[derive(Deserialize)]
struct EventJson {
    #[serde(default)]
    entries: Vec<EntryJson>,
}

#[derive(Deserialize)]
struct EntryJson {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    data: serde_json::Value,
}

#[derive(Deserialize)]
struct ExceptionJson {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    value: Option<String>,
    #[serde(default)]
    stacktrace: Option<StacktraceJson>,
}

#[derive(Deserialize)]
struct StacktraceJson {
    #[serde(default)]
    frames: Vec<FrameJson>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct FrameJson {
    #[serde(default)]
    filename: Option<String>,
    #[serde(default)]
    abs_path: Option<String>,
    #[serde(default)]
    function: Option<String>,
    #[serde(default)]
    line_no: Option<u64>,
    #[serde(default)]
    in_app: Option<bool>,
    #[serde(default)]
    context: Vec<(u64, Option<String>)>,
}

/// The stack trace of an issue's latest event
/// (`GET /api/0/organizations/{org}/issues/{id}/events/latest/`), with the token only after
/// its host is checked. The last exception of a chain is the one raised.
pub async fn latest_stack_trace(
    project: &Project,
    base: Option<&str>,
    saved: &SavedToken,
    issue_id: &str,
) -> Result<StackTrace, AddonError> {
    project.check_host(saved.host.as_deref())?;
    if !issue_id.chars().all(|c| c.is_ascii_alphanumeric()) || project.org.is_empty() {
        return Err(AddonError::Missing(crate::tr!(
            "error-sentry-issue-not-askable"
        )));
    }
    let path = format!(
        "organizations/{}/issues/{issue_id}/events/latest/",
        project.org
    );
    let url = endpoint(base.unwrap_or(&project.api_base), &path, SERVICE)?;
    let event: EventJson = read_json(
        http().get(url).bearer_auth(&saved.token).send().await,
        SERVICE,
    )
    .await?;
    Ok(stack_trace_of(&event))
}

fn stack_trace_of(event: &EventJson) -> StackTrace {
    let exception = event
        .entries
        .iter()
        .filter(|e| e.kind == "exception")
        .filter_map(|e| e.data.get("values"))
        .filter_map(|v| serde_json::from_value::<Vec<ExceptionJson>>(v.clone()).ok())
        .flatten()
        .last();
    let Some(exception) = exception else {
        return StackTrace {
            exception: crate::tr!("error-sentry-no-stack-trace"),
            value: String::new(),
            frames: vec![],
        };
    };
    let mut frames: Vec<Frame> = exception
        .stacktrace
        .map(|s| s.frames)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|f| Frame {
            file: f.filename.or(f.abs_path).unwrap_or_else(|| "?".into()),
            line: f.line_no,
            function: f.function,
            in_app: f.in_app.unwrap_or(false),
            context: f
                .context
                .into_iter()
                .map(|(n, code)| (n, code.unwrap_or_default()))
                .collect(),
        })
        .collect();
    // The study's own frames first; the order within each group stays (most recent first).
    frames.sort_by_key(|f| !f.in_app);
    StackTrace {
        exception: exception.kind.unwrap_or_else(|| "Error".into()),
        value: exception.value.unwrap_or_default(),
        frames,
    }
}

/// The `rel="next"` address of a Sentry `Link` header, when it says there are results.
fn next_page(link: &str) -> Option<String> {
    link.split(',').find_map(|part| {
        let (address, params) = part.trim().split_once(';')?;
        let is_next = params.contains(r#"rel="next""#);
        let has_results = params.contains(r#"results="true""#);
        (is_next && has_results).then(|| {
            address
                .trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_goes_only_to_sentry_io_or_the_confirmed_host() {
        let real = project_of("https://k@o1.ingest.de.sentry.io/2").unwrap();
        assert!(real.check_host(None).is_ok());
        let evil = project_of("https://k@o1.ingest.evil.example/2").unwrap();
        assert_eq!(evil.api_host(), "evil.example");
        assert!(matches!(
            evil.check_host(None),
            Err(AddonError::UnconfirmedHost { ref host }) if host == "evil.example"
        ));
        assert!(evil.check_host(Some("sentry.lab.example")).is_err());
        assert!(evil.check_host(Some("evil.example")).is_ok());
        let own = project_of("https://k@sentry.lab.example/7").unwrap();
        assert!(own.check_host(None).is_err());
        assert!(own.check_host(Some("sentry.lab.example")).is_ok());
    }

    #[test]
    fn stack_traces_put_the_studys_frames_first() {
        let event: EventJson = serde_json::from_value(serde_json::json!({"entries": [
            {"type": "breadcrumbs", "data": {"values": []}},
            {"type": "exception", "data": {"values": [
                {"type": "ValueError", "value": "first", "stacktrace": {"frames": []}},
                {"type": "KeyError", "value": "'contribution'", "stacktrace": {"frames": [
                    {"filename": "otree/live.py", "lineNo": 88, "function": "live", "inApp": false},
                    {"filename": "public_goods/__init__.py", "lineNo": 41, "function": "set_payoffs",
                     "inApp": true, "context": [[40, "x = 1"], [41, "boom()"], [42, null]]}
                ]}}
            ]}}
        ]}))
        .unwrap();
        let trace = stack_trace_of(&event);
        assert_eq!(
            (trace.exception.as_str(), trace.value.as_str()),
            ("KeyError", "'contribution'")
        );
        assert_eq!(trace.frames[0].file, "public_goods/__init__.py");
        assert_eq!(trace.frames[0].line, Some(41));
        assert_eq!(trace.frames[0].context[1], (41, "boom()".to_string()));
        assert_eq!(trace.frames[0].context[2], (42, String::new()));
        assert!(!trace.frames[1].in_app);
        let empty: EventJson = serde_json::from_value(serde_json::json!({"entries": []})).unwrap();
        assert!(stack_trace_of(&empty).frames.is_empty());
    }

    #[test]
    fn the_link_header_names_the_next_page() {
        let link = r#"<https://sentry.io/api/0/projects/1/2/issues/?cursor=0:0:1>; rel="previous"; results="false"; cursor="0:0:1", <https://sentry.io/api/0/projects/1/2/issues/?cursor=0:100:0>; rel="next"; results="true"; cursor="0:100:0""#;
        assert_eq!(
            next_page(link).as_deref(),
            Some("https://sentry.io/api/0/projects/1/2/issues/?cursor=0:100:0")
        );
        assert_eq!(
            next_page(&link.replace(r#"results="true""#, r#"results="false""#)),
            None
        );
    }

    #[test]
    fn saved_tokens_keep_their_confirmed_host() {
        let plain = SavedToken {
            token: "t".into(),
            host: None,
        };
        assert_eq!(plain.to_keychain(), "t");
        assert_eq!(SavedToken::from_keychain("t"), plain);
        let own = SavedToken {
            token: "t".into(),
            host: Some("sentry.lab.example".into()),
        };
        assert_eq!(SavedToken::from_keychain(&own.to_keychain()), own);
    }

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
