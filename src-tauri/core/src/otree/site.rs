//! Talking to a study's oTree server the way its admin would: log in with the admin password,
//! open the Data page, and ask for each export the way the page's own buttons do (the `/export`
//! websocket for the wide and per-app files, HTTP routes for page times and chat; in oTree 6.x
//! with a REST key, the `/api/export_*` routes).

use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use reqwest::header::{HeaderMap, HeaderValue, COOKIE};
use reqwest::StatusCode;
use serde::Deserialize;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::Message;
use url::Url;

use super::OtreeError;

/// oTree 5.x and 6.x both send this header name for the REST key.
const REST_KEY_HEADER: &str = "otree-rest-key";
/// A large study's wide export can take oTree a while to build.
const EXPORT_TIMEOUT: Duration = Duration::from_secs(300);

/// Which generation of oTree serves the study; it decides the routes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Generation {
    V5,
    V6,
}

/// What the Data page offers.
#[derive(Debug, Clone)]
pub struct DataPage {
    pub generation: Generation,
    /// oTree's own version string when the server tells it (REST API), else "5.x" / "6.x".
    pub version: String,
    pub has_participants: bool,
    /// Apps with data, in the page's order.
    pub apps: Vec<String>,
    pub has_chat: bool,
}

/// One CSV as oTree hands it over, with oTree's own file name.
#[derive(Debug)]
pub struct CsvFile {
    pub file_name: String,
    pub text: String,
}

pub struct OtreeSite {
    base: Url,
    http: reqwest::Client,
    cookies: std::sync::Arc<reqwest::cookie::Jar>,
    rest_key: Option<String>,
}

/// Redirects are followed only where the REST key and the admin password may go: the same
/// host and port, never from https down to http, and never a 307/308 (which would send the
/// admin password's POST again). oTree itself only redirects within the study (302/303).
fn same_site_redirects() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let Some(first) = attempt.previous().first() else {
            return attempt.stop();
        };
        let to = attempt.url();
        let same_site = to.host_str() == first.host_str()
            && to.port_or_known_default() == first.port_or_known_default()
            && !(first.scheme() == "https" && to.scheme() != "https");
        let resends_body = matches!(attempt.status().as_u16(), 307 | 308);
        if same_site && !resends_body && attempt.previous().len() < 10 {
            attempt.follow()
        } else {
            attempt.stop()
        }
    })
}

impl OtreeSite {
    /// `base` is the study's address (the app's web URL). https, or http on this computer.
    pub fn new(base: &str, rest_key: Option<String>) -> Result<Self, OtreeError> {
        let mut base = Url::parse(base).map_err(|_| OtreeError::BadAddress(base.to_string()))?;
        if !crate::net::is_allowed(&base) {
            return Err(OtreeError::BadAddress(base.to_string()));
        }
        if !base.path().ends_with('/') {
            base.set_path(&format!("{}/", base.path()));
        }
        let cookies = std::sync::Arc::new(reqwest::cookie::Jar::default());
        let http = reqwest::Client::builder()
            .redirect(same_site_redirects())
            .cookie_provider(cookies.clone())
            .timeout(EXPORT_TIMEOUT)
            .connect_timeout(Duration::from_secs(15))
            .user_agent(concat!("novaland/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| OtreeError::Unreachable(e.to_string()))?;
        Ok(OtreeSite {
            base,
            http,
            cookies,
            rest_key: rest_key.filter(|k| !k.is_empty()),
        })
    }

    fn url(&self, path: &str) -> Url {
        self.base
            .join(path)
            .expect("relative paths are fixed strings")
    }

    async fn get(&self, path: &str, with_key: bool) -> Result<reqwest::Response, OtreeError> {
        let mut request = self.http.get(self.url(path));
        if let (true, Some(key)) = (with_key, &self.rest_key) {
            request = request.header(REST_KEY_HEADER, key);
        }
        request.send().await.map_err(unreachable)
    }

    /// The version from oTree's REST API, when the server answers it (it needs the REST key
    /// whenever OTREE_AUTH_LEVEL is set).
    pub async fn rest_version(&self) -> Option<String> {
        #[derive(Deserialize)]
        struct Version {
            version: String,
        }
        let answer = self.get("api/otree_version", true).await.ok()?;
        if !answer.status().is_success() {
            return None;
        }
        answer.json::<Version>().await.ok().map(|v| v.version)
    }

    /// Logs in as oTree's admin. oTree answers a wrong password with the login form again.
    pub async fn login(&self, username: &str, password: &str) -> Result<(), OtreeError> {
        let form = self.get("login", false).await?;
        let status = form.status();
        // oTree always serves its login form; a refusal means something else lives here.
        if status.is_client_error() {
            return Err(OtreeError::NotOtree);
        }
        if !status.is_success() {
            return Err(failure(status, &crate::tr!("core-otree-what-login")));
        }
        let html = form.text().await.map_err(unreachable)?;
        let token = hidden_input(&html, "csrftoken").ok_or(OtreeError::NotOtree)?;
        let answer = self
            .http
            .post(self.url("login"))
            .form(&[
                ("username", username),
                ("password", password),
                ("csrftoken", token.as_str()),
            ])
            .send()
            .await
            .map_err(unreachable)?;
        let landed_on_login = answer.url().path().ends_with("/login");
        let status = answer.status();
        if !status.is_success() {
            return Err(failure(status, &crate::tr!("core-otree-what-login")));
        }
        if landed_on_login {
            return Err(OtreeError::LoginFailed);
        }
        Ok(())
    }

    /// Opens the Data page: `/ExportIndex` in oTree 6.x, `/export` in 5.x.
    pub async fn data_page(&self) -> Result<DataPage, OtreeError> {
        let version = self.rest_version().await;
        let mut generation = match version.as_deref() {
            Some(v) if v.starts_with('5') => Some(Generation::V5),
            Some(_) => Some(Generation::V6),
            None => None,
        };
        let mut answer = None;
        for (path, candidate) in [("ExportIndex", Generation::V6), ("export", Generation::V5)] {
            if generation.is_some_and(|g| g != candidate) {
                continue;
            }
            let response = self.get(path, false).await?;
            if response.status() == StatusCode::NOT_FOUND {
                continue;
            }
            generation = Some(candidate);
            answer = Some(response);
            break;
        }
        let (Some(generation), Some(answer)) = (generation, answer) else {
            return Err(OtreeError::NotOtree);
        };
        if answer.url().path().ends_with("/login") {
            return Err(OtreeError::NeedsLogin);
        }
        let status = answer.status();
        if !status.is_success() {
            return Err(failure(status, &crate::tr!("core-otree-what-data-page")));
        }
        let html = answer.text().await.map_err(unreachable)?;
        let chat_route = match generation {
            Generation::V5 => "chat_export",
            Generation::V6 => "ExportChat",
        };
        Ok(DataPage {
            generation,
            version: version.unwrap_or_else(|| match generation {
                Generation::V5 => "5.x".into(),
                Generation::V6 => "6.x".into(),
            }),
            has_participants: !html.contains("No sessions have taken place yet"),
            apps: app_names(&html),
            has_chat: html.contains(chat_route),
        })
    }

    /// The all-apps wide file (`app` = None) or one app's file, over the Data page's websocket.
    pub async fn export_over_websocket(
        &self,
        app: Option<&str>,
        for_excel: bool,
    ) -> Result<CsvFile, OtreeError> {
        let mut ws_url = self.url("export");
        let scheme = if ws_url.scheme() == "https" {
            "wss"
        } else {
            "ws"
        };
        ws_url.set_scheme(scheme).expect("ws and wss are valid");
        let mut request = ws_url
            .as_str()
            .into_client_request()
            .map_err(|e| OtreeError::Unreachable(e.to_string()))?;
        if let Some(cookie) = self.cookies_for(&self.base) {
            request.headers_mut().insert(COOKIE, cookie);
        }
        let connect = tokio_tungstenite::connect_async(request);
        let (mut socket, _) = tokio::time::timeout(EXPORT_TIMEOUT, connect)
            .await
            .map_err(|_| OtreeError::Unreachable(crate::tr!("core-otree-no-answer")))?
            .map_err(|e| OtreeError::Unreachable(e.to_string()))?;
        let mut ask = serde_json::json!({"is_custom": false, "for_excel": for_excel});
        if let Some(app) = app {
            ask["app_name"] = app.into();
        }
        socket
            .send(Message::text(ask.to_string()))
            .await
            .map_err(|e| OtreeError::Unreachable(e.to_string()))?;
        let answer = tokio::time::timeout(EXPORT_TIMEOUT, async {
            while let Some(message) = socket.next().await {
                match message {
                    Ok(Message::Text(text)) => return Ok(text.to_string()),
                    // oTree closes with 1008 when the admin login is missing.
                    Ok(Message::Close(_)) => return Err(OtreeError::NeedsLogin),
                    Ok(_) => continue,
                    Err(e) => return Err(OtreeError::Unreachable(e.to_string())),
                }
            }
            Err(OtreeError::Unreachable(crate::tr!(
                "core-otree-connection-closed"
            )))
        })
        .await
        .map_err(|_| OtreeError::Unreachable(crate::tr!("core-otree-no-answer")))??;
        let _ = socket.close(None).await;
        #[derive(Deserialize)]
        struct Answer {
            file_name: Option<String>,
            data: Option<String>,
            error: Option<String>,
        }
        let answer: Answer = serde_json::from_str(&answer).map_err(|e| {
            OtreeError::Unreadable(crate::tr!(
                "core-otree-export-answer",
                detail = e.to_string()
            ))
        })?;
        match (answer.error, answer.file_name, answer.data) {
            (Some(error), _, _) => Err(OtreeError::ExportFailed(error)),
            (None, Some(file_name), Some(text)) => Ok(CsvFile { file_name, text }),
            _ => Err(OtreeError::Unreadable(crate::tr!(
                "core-otree-export-answer-empty"
            ))),
        }
    }

    /// A CSV from an HTTP route (page times, chat; oTree 6.x's `/api/export_*` with the REST
    /// key). `fallback` names the file when the server gives no name.
    pub async fn export_over_http(
        &self,
        path_and_query: &str,
        with_key: bool,
        fallback: &str,
    ) -> Result<CsvFile, OtreeError> {
        let answer = self.get(path_and_query, with_key).await?;
        if answer.url().path().ends_with("/login") {
            return Err(OtreeError::NeedsLogin);
        }
        let status = answer.status();
        if status == StatusCode::FORBIDDEN {
            return Err(OtreeError::RestKeyRefused);
        }
        if !status.is_success() {
            let route = path_and_query.split('?').next().unwrap_or_default();
            return Err(failure(status, route));
        }
        let file_name = attachment_name(answer.headers()).unwrap_or_else(|| fallback.to_string());
        let text = answer.text().await.map_err(unreachable)?;
        Ok(CsvFile { file_name, text })
    }

    pub fn has_rest_key(&self) -> bool {
        self.rest_key.is_some()
    }

    fn cookies_for(&self, url: &Url) -> Option<HeaderValue> {
        use reqwest::cookie::CookieStore;
        self.cookies.cookies(url)
    }
}

/// An error status from the study's address. Heroku's router answers 503 ("Application
/// error", H10/H14) when no web dyno runs: that is the app being down, not oTree failing.
fn failure(status: StatusCode, what: &str) -> OtreeError {
    if status == StatusCode::SERVICE_UNAVAILABLE {
        OtreeError::Unreachable(crate::tr!("core-otree-no-web-dyno"))
    } else {
        OtreeError::ServerError(status.as_u16(), what.to_string())
    }
}

fn unreachable(e: reqwest::Error) -> OtreeError {
    OtreeError::Unreachable(e.to_string())
}

/// `value` of `<input ... name="NAME" ... value="...">` in oTree's login form.
fn hidden_input(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\"");
    let at = html.find(&marker)?;
    let start = html[..at].rfind('<')?;
    let end = at + html[at..].find('>')?;
    let tag = &html[start..end];
    let value = tag.split("value=\"").nth(1)?;
    Some(value.split('"').next()?.to_string())
}

/// The apps the Data page offers a per-app file for: its download links carry `data-app`;
/// custom exports carry `data-custom` too and are not part of the standard files.
fn app_names(html: &str) -> Vec<String> {
    let mut apps: Vec<String> = Vec::new();
    for tag in html.split('<').filter(|t| t.contains("data-app=\"")) {
        let tag = tag.split('>').next().unwrap_or_default();
        if tag.contains("data-custom") {
            continue;
        }
        let Some(name) = tag
            .split("data-app=\"")
            .nth(1)
            .and_then(|v| v.split('"').next())
        else {
            continue;
        };
        if !name.is_empty() && !apps.iter().any(|a| a == name) {
            apps.push(name.to_string());
        }
    }
    apps
}

/// The file name from `Content-Disposition: attachment; filename="PageTimes-2026-11-29.csv"`.
fn attachment_name(headers: &HeaderMap) -> Option<String> {
    let value = headers
        .get(reqwest::header::CONTENT_DISPOSITION)?
        .to_str()
        .ok()?;
    let name = value.split("filename=").nth(1)?.trim().trim_matches('"');
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_login_token() {
        let html = r#"<form method="post"><input type="hidden" name="csrftoken" value="abc123">"#;
        assert_eq!(hidden_input(html, "csrftoken").as_deref(), Some("abc123"));
        assert_eq!(hidden_input(html, "other"), None);
    }

    #[test]
    fn lists_apps_once_and_skips_custom_exports() {
        let html = r#"
          <a class="download-link" id="app-survey-custom-excel" data-app="survey" data-excel="1" data-custom="1">
          <a class="download-link" id="app-guess" data-app="guess">CSV</a>
          <a class="download-link" id="app-guess-excel" data-app="guess" data-excel="1">Excel</a>
          <a class="download-link" id="app-survey" data-app="survey">CSV</a>
          <a class="download-link" id="app-x-f" data-app="x" data-custom="1">CSV</a>"#;
        assert_eq!(app_names(html), vec!["guess", "survey"]);
    }

    #[test]
    fn reads_the_attachment_name() {
        let mut headers = HeaderMap::new();
        headers.insert(
            reqwest::header::CONTENT_DISPOSITION,
            HeaderValue::from_static("attachment; filename=\"PageTimes-2026-11-29.csv\""),
        );
        assert_eq!(
            attachment_name(&headers).as_deref(),
            Some("PageTimes-2026-11-29.csv")
        );
    }

    #[test]
    fn refuses_plain_http_to_other_computers() {
        assert!(matches!(
            OtreeSite::new("http://study.example.com/", None),
            Err(OtreeError::BadAddress(_))
        ));
        assert!(OtreeSite::new("http://127.0.0.1:8000", None).is_ok());
        assert!(OtreeSite::new("https://study.herokuapp.com/", None).is_ok());
    }
}
