//! The Platform API client: base URL, v3 headers, Bearer token, retries and pagination.

use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, AUTHORIZATION, RANGE, RETRY_AFTER};
use reqwest::{Method, StatusCode};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use url::Url;

use super::error::HerokuError;

pub const DEFAULT_BASE_URL: &str = "https://api.heroku.com";
/// Heroku Postgres' Data API, reached with the same token.
pub const DATA_API_URL: &str = "https://api.data.heroku.com";
/// The host the Dashboard and the CLI read router metrics from (undocumented).
pub const METRICS_API_URL: &str = "https://api.metrics.herokai.com";
const ACCEPT_V3: &str = "application/vnd.heroku+json; version=3";

/// How the client waits and asks again.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    pub max_retries: u32,
    pub base_delay: Duration,
    pub max_delay: Duration,
    pub timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_retries: 4,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(20),
            timeout: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    fn backoff(&self, attempt: u32) -> Duration {
        self.base_delay
            .saturating_mul(2u32.saturating_pow(attempt))
            .min(self.max_delay)
    }
}

/// A Platform API client for one account. Cloning is cheap; clones share connections and the
/// account's rate-limit budget.
#[derive(Clone)]
pub struct HerokuClient {
    http: reqwest::Client,
    base: Url,
    token: String,
    retry: RetryPolicy,
    /// Heroku's last `RateLimit-Remaining`: one budget of 4,500 requests an hour for the whole
    /// account, shared by the Overview's refresh, the metrics collector and the log session.
    remaining: std::sync::Arc<std::sync::atomic::AtomicU32>,
}

/// No answer has said how much budget is left yet.
const REMAINING_UNKNOWN: u32 = u32::MAX;

/// How long to wait before a request when Heroku says `remaining` requests are left. Heroku
/// refills the budget at 4,500 an hour, one every 0.8 s (Dev Center, "Platform API Reference:
/// Rate Limits"); below 500 left, requests go no faster than that, below 50 at a quarter of it,
/// so the app slows down before Heroku answers 429 instead of after.
pub fn pause_before_request(remaining: u32) -> Duration {
    match remaining {
        0..=49 => Duration::from_millis(3_200),
        50..=499 => Duration::from_millis(800),
        _ => Duration::ZERO,
    }
}

// The token must never reach a log, so Debug leaves it out.
impl std::fmt::Debug for HerokuClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("HerokuClient")
            .field("base", &self.base.as_str())
            .finish_non_exhaustive()
    }
}

/// One successful answer.
struct Answer {
    bytes: Vec<u8>,
    next_range: Option<String>,
}

#[derive(Deserialize)]
struct ErrorBody {
    id: Option<String>,
    message: Option<String>,
}

impl HerokuClient {
    pub fn new(base_url: &str, token: &str) -> Result<Self, HerokuError> {
        Self::with_policy(base_url, token, RetryPolicy::default())
    }

    /// Refuses any base URL that is not https, unless it is loopback (the simulator).
    pub fn with_policy(
        base_url: &str,
        token: &str,
        retry: RetryPolicy,
    ) -> Result<Self, HerokuError> {
        let insecure = || HerokuError::InsecureUrl {
            url: base_url.to_string(),
        };
        let base = Url::parse(base_url).map_err(|_| insecure())?;
        if !crate::net::is_allowed(&base) {
            return Err(insecure());
        }
        let http = reqwest::Client::builder()
            .timeout(retry.timeout)
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("novaland/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| HerokuError::Offline {
                detail: e.to_string(),
            })?;
        Ok(HerokuClient {
            http,
            base,
            token: token.trim().to_string(),
            retry,
            remaining: std::sync::Arc::new(std::sync::atomic::AtomicU32::new(REMAINING_UNKNOWN)),
        })
    }

    pub fn base_url(&self) -> &str {
        self.base.as_str()
    }

    /// Heroku's last word on the requests left this hour, if it has said.
    pub fn rate_limit_remaining(&self) -> Option<u32> {
        match self.remaining.load(std::sync::atomic::Ordering::Relaxed) {
            REMAINING_UNKNOWN => None,
            n => Some(n),
        }
    }

    /// A client for the Data API with the same token and policy: api.data.heroku.com for the
    /// real Heroku; anything else (the simulator) serves both APIs from one address.
    pub fn data_api(&self) -> HerokuClient {
        let mut client = self.clone();
        if self.base.as_str().trim_end_matches('/') == DEFAULT_BASE_URL {
            client.base = Url::parse(DATA_API_URL).expect("a valid constant");
        }
        client
    }

    /// A client for Heroku's metrics host with the same token: api.metrics.herokai.com for the
    /// real Heroku; the simulator answers on its own address.
    pub fn metrics_api(&self) -> HerokuClient {
        let mut client = self.clone();
        if self.base.as_str().trim_end_matches('/') == DEFAULT_BASE_URL {
            client.base = Url::parse(METRICS_API_URL).expect("a valid constant");
        }
        client
    }

    /// GET one resource.
    pub async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, HerokuError> {
        let answer = self.send(Method::GET, path, None, None).await?;
        decode(&answer.bytes)
    }

    /// GET one page of a list with an explicit `Range` (e.g. the newest release).
    pub async fn get_range<T: DeserializeOwned>(
        &self,
        path: &str,
        range: &str,
    ) -> Result<Vec<T>, HerokuError> {
        let answer = self.send(Method::GET, path, None, Some(range)).await?;
        decode(&answer.bytes)
    }

    /// GET a whole list, following `Next-Range` until Heroku says it is complete.
    pub async fn list<T: DeserializeOwned>(&self, path: &str) -> Result<Vec<T>, HerokuError> {
        let mut items = Vec::new();
        let mut range: Option<String> = None;
        loop {
            let answer = self.send(Method::GET, path, None, range.as_deref()).await?;
            let page: Vec<T> = decode(&answer.bytes)?;
            let empty = page.is_empty();
            items.extend(page);
            match answer.next_range {
                // An empty page with a Next-Range would loop forever; Heroku never sends one.
                Some(next) if !empty => range = Some(next),
                _ => return Ok(items),
            }
        }
    }

    /// POST; never retried after a failure Heroku may have acted on.
    pub async fn post<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<T, HerokuError> {
        let answer = self.send(Method::POST, path, Some(body), None).await?;
        decode(&answer.bytes)
    }

    /// PATCH; never retried after a failure Heroku may have acted on.
    pub async fn patch<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<T, HerokuError> {
        let answer = self.send(Method::PATCH, path, Some(body), None).await?;
        decode(&answer.bytes)
    }

    /// PUT; never retried after a failure Heroku may have acted on.
    pub async fn put<T: DeserializeOwned>(
        &self,
        path: &str,
        body: &serde_json::Value,
    ) -> Result<T, HerokuError> {
        let answer = self.send(Method::PUT, path, Some(body), None).await?;
        decode(&answer.bytes)
    }

    /// DELETE; never retried after a failure Heroku may have acted on.
    pub async fn delete<T: DeserializeOwned>(&self, path: &str) -> Result<T, HerokuError> {
        let answer = self.send(Method::DELETE, path, None, None).await?;
        decode(&answer.bytes)
    }

    /// Sends a change whose answer Novaland does not read: Heroku's Data API answers some
    /// (backup schedules, reset) with an empty body or any JSON, as the official CLI expects.
    pub async fn send_ignoring_answer(
        &self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<(), HerokuError> {
        self.send(method, path, body, None).await.map(|_| ())
    }

    /// Sends one request. 429 is waited out and retried for every method (Heroku did nothing);
    /// 5xx and dropped connections are retried only for GET, which cannot change anything.
    async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&serde_json::Value>,
        range: Option<&str>,
    ) -> Result<Answer, HerokuError> {
        let url = self
            .base
            .join(path.trim_start_matches('/'))
            .map_err(|e| HerokuError::Other {
                status: 0,
                id: "bad_path".into(),
                message: e.to_string(),
            })?;
        let idempotent = method == Method::GET;
        let mut attempt = 0;
        loop {
            if let Some(left) = self.rate_limit_remaining() {
                let pause = pause_before_request(left);
                if !pause.is_zero() {
                    tokio::time::sleep(pause).await;
                }
            }
            let mut request = self
                .http
                .request(method.clone(), url.clone())
                .headers(self.headers(range));
            if let Some(body) = body {
                request = request.json(body);
            }
            let outcome = match request.send().await {
                Ok(response) => self.read(response).await,
                Err(e) => Err((transport_error(&e), None)),
            };
            let (error, wait_hint) = match outcome {
                Ok(answer) => return Ok(answer),
                Err(e) => e,
            };
            let retry = attempt < self.retry.max_retries
                && match &error {
                    HerokuError::RateLimited { .. } => true,
                    HerokuError::HerokuFailing { .. } | HerokuError::Offline { .. } => idempotent,
                    _ => false,
                };
            if !retry {
                return Err(error);
            }
            let wait = wait_hint
                .unwrap_or_else(|| self.retry.backoff(attempt))
                .min(self.retry.max_delay);
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    }

    fn headers(&self, range: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT, HeaderValue::from_static(ACCEPT_V3));
        if let Ok(mut auth) = HeaderValue::from_str(&format!("Bearer {}", self.token)) {
            auth.set_sensitive(true);
            headers.insert(AUTHORIZATION, auth);
        }
        if let Some(range) = range.and_then(|r| HeaderValue::from_str(r).ok()) {
            headers.insert(RANGE, range);
        }
        headers
    }

    /// Reads an answer; on failure also returns how long Heroku asked us to wait.
    async fn read(
        &self,
        response: reqwest::Response,
    ) -> Result<Answer, (HerokuError, Option<Duration>)> {
        let status = response.status();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string)
        };
        let next_range = header("Next-Range");
        if let Some(left) = header("RateLimit-Remaining").and_then(|v| v.trim().parse::<u32>().ok())
        {
            self.remaining.store(
                left.min(REMAINING_UNKNOWN - 1),
                std::sync::atomic::Ordering::Relaxed,
            );
        }
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let bytes = response
            .bytes()
            .await
            .map_err(|e| (transport_error(&e), None))?
            .to_vec();
        if status.is_success() {
            let next_range = next_range.filter(|_| status == StatusCode::PARTIAL_CONTENT);
            return Ok(Answer { bytes, next_range });
        }
        let body: Option<ErrorBody> = serde_json::from_slice(&bytes).ok();
        let (id, message) = body.map(|b| (b.id, b.message)).unwrap_or((None, None));
        Err((
            HerokuError::from_answer(status.as_u16(), id, message),
            retry_after,
        ))
    }
}

fn transport_error(e: &reqwest::Error) -> HerokuError {
    if e.is_timeout() {
        HerokuError::Timeout
    } else if e.is_connect() {
        HerokuError::Offline {
            detail: "could not connect".into(),
        }
    } else {
        HerokuError::Offline {
            detail: "the connection was dropped".into(),
        }
    }
}

/// Decodes JSON, naming the path where it went wrong (e.g. `[3].plan.name`).
fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, HerokuError> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize(&mut de).map_err(|e| HerokuError::Decode {
        path: e.path().to_string(),
        detail: e.inner().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::heroku::models::Formation;

    #[test]
    fn decode_errors_name_the_json_path() {
        let body = br#"[{"id":"a","type":"web","quantity":1,"size":"Basic"},{"id":"b","type":"worker","quantity":"one","size":"Basic"}]"#;
        match decode::<Vec<Formation>>(body) {
            Err(HerokuError::Decode { path, .. }) => assert_eq!(path, "[1].quantity"),
            other => panic!("expected a decode error, got {other:?}"),
        }
    }

    #[test]
    fn only_https_or_loopback_base_urls() {
        for ok in [
            "https://api.heroku.com",
            "http://127.0.0.1:9999",
            "http://localhost:1",
            "http://[::1]:2",
        ] {
            assert!(HerokuClient::new(ok, "k").is_ok(), "{ok}");
        }
        for bad in [
            "http://api.heroku.com",
            "http://10.0.0.1",
            "ftp://x",
            "not a url",
        ] {
            assert!(
                matches!(
                    HerokuClient::new(bad, "k"),
                    Err(HerokuError::InsecureUrl { .. })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        let client = HerokuClient::new("https://api.heroku.com", "HRKU-secret-token").unwrap();
        assert!(!format!("{client:?}").contains("secret"));
    }

    #[test]
    fn requests_slow_down_as_the_budget_runs_low() {
        assert_eq!(pause_before_request(4_499), Duration::ZERO);
        assert_eq!(pause_before_request(500), Duration::ZERO);
        assert_eq!(pause_before_request(499), Duration::from_millis(800));
        assert_eq!(pause_before_request(10), Duration::from_millis(3_200));
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let p = RetryPolicy {
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_millis(350),
            ..RetryPolicy::default()
        };
        assert_eq!(p.backoff(0), Duration::from_millis(100));
        assert_eq!(p.backoff(1), Duration::from_millis(200));
        assert_eq!(p.backoff(2), Duration::from_millis(350));
    }
}
