//! Faults a test can inject per route: an error status, a delay, a 429 after some calls,
//! a truncated body or a connection dropped mid-answer.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::state::{heroku_error, Shared};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Fault {
    /// HTTP method it applies to; any method when absent.
    #[serde(default)]
    pub method: Option<String>,
    /// The path it applies to; a trailing `*` matches every path with that prefix.
    pub path: String,
    pub action: FaultAction,
    /// How many times it fires before it stops; forever when absent.
    #[serde(default)]
    pub times: Option<u32>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FaultAction {
    /// Answer with this status and a Heroku error body `{id, message}`.
    Status {
        status: u16,
        id: String,
        message: String,
    },
    /// Wait this long, then answer normally.
    Delay { ms: u64 },
    /// Answer the first `calls` requests normally, then 429 `rate_limit`.
    RateLimitAfter { calls: u32 },
    /// Answer normally but cut the body in half.
    TruncatedBody,
    /// Send the headers, then drop the connection before the body ends.
    DropConnection,
    /// Answer exactly this recorded answer (e.g. from another client's test fixtures): the
    /// status, and the body verbatim with its content type (none when the body is empty).
    Replay {
        status: u16,
        body: String,
        #[serde(default)]
        content_type: Option<String>,
    },
}

impl FaultAction {
    /// A Heroku error answer: `status` with the body `{id, message}`.
    pub fn status(status: u16, id: &str, message: &str) -> Self {
        FaultAction::Status {
            status,
            id: id.into(),
            message: message.into(),
        }
    }
}

impl Fault {
    pub fn new(method: Option<&str>, path: &str, action: FaultAction) -> Self {
        Fault {
            method: method.map(str::to_uppercase),
            path: path.into(),
            action,
            times: None,
        }
    }

    /// A fault for one method: `Fault::on("GET", "/account", action)`.
    pub fn on(method: &str, path: &str, action: FaultAction) -> Self {
        Fault::new(Some(method), path, action)
    }

    pub fn times(mut self, n: u32) -> Self {
        self.times = Some(n);
        self
    }

    pub fn matches(&self, method: &str, path: &str) -> bool {
        let method_ok = self
            .method
            .as_deref()
            .is_none_or(|m| m.eq_ignore_ascii_case(method));
        let path_ok = match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == self.path,
        };
        method_ok && path_ok
    }
}

/// A fault with its counters, as the simulator keeps it.
#[derive(Debug)]
pub(crate) struct FaultRule {
    pub fault: Fault,
    pub seen: u32,
    pub fired: u32,
}

/// What the middleware must do for one request.
pub(crate) enum Decision {
    Pass,
    Delay(u64),
    Respond {
        status: u16,
        id: String,
        message: String,
    },
    Truncate,
    Drop,
    Replay {
        status: u16,
        body: String,
        content_type: Option<String>,
    },
}

impl FaultRule {
    /// Whether it has fired as often as it was told to: later rules for the same route apply.
    pub fn spent(&self) -> bool {
        self.fault.times.is_some_and(|t| self.fired >= t)
    }

    pub fn decide(&mut self) -> Decision {
        if self.fault.times.is_some_and(|t| self.fired >= t) {
            return Decision::Pass;
        }
        self.seen += 1;
        let decision = match &self.fault.action {
            FaultAction::Status { status, id, message } => {
                Decision::Respond { status: *status, id: id.clone(), message: message.clone() }
            }
            FaultAction::Delay { ms } => Decision::Delay(*ms),
            FaultAction::RateLimitAfter { calls } if self.seen > *calls => Decision::Respond {
                status: 429,
                id: "rate_limit".into(),
                message: "Your account reached the API rate limit. Please wait a few minutes before making new requests".into(),
            },
            FaultAction::RateLimitAfter { .. } => return Decision::Pass,
            FaultAction::TruncatedBody => Decision::Truncate,
            FaultAction::DropConnection => Decision::Drop,
            FaultAction::Replay { status, body, content_type } => Decision::Replay {
                status: *status,
                body: body.clone(),
                content_type: content_type.clone(),
            },
        };
        self.fired += 1;
        decision
    }
}

/// One request the simulator answered, with the JSON it sent back.
#[derive(Debug, Clone)]
pub struct RecordedExchange {
    pub method: String,
    pub path: String,
    pub status: u16,
    pub body: Option<Value>,
}

/// Around every request when tests may inject faults: the matching fault decides, then the
/// answer is recorded (a live log, which never ends, goes out unrecorded).
pub(crate) async fn around(
    shared: &Shared,
    method: String,
    path: String,
    request: Request,
    next: Next,
) -> Response {
    let decision = {
        let mut faults = shared.faults.lock().unwrap();
        faults
            .iter_mut()
            .find(|r| r.fault.matches(&method, &path) && !r.spent())
            .map(|r| r.decide())
            .unwrap_or(Decision::Pass)
    };
    let (truncate, drop_connection) = (
        matches!(decision, Decision::Truncate),
        matches!(decision, Decision::Drop),
    );
    let response = match decision {
        Decision::Respond {
            status,
            id,
            message,
        } => heroku_error(status, &id, &message),
        Decision::Replay {
            status,
            body,
            content_type,
        } => {
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut response = (status, body).into_response();
            response
                .headers_mut()
                .remove(axum::http::header::CONTENT_TYPE);
            if let Some(v) = content_type.and_then(|t| HeaderValue::from_str(&t).ok()) {
                response
                    .headers_mut()
                    .insert(axum::http::header::CONTENT_TYPE, v);
            }
            response
        }
        Decision::Delay(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            crate::server::authorized(shared, request, next).await
        }
        Decision::Pass | Decision::Truncate | Decision::Drop => {
            crate::server::authorized(shared, request, next).await
        }
    };

    // A live log never ends: it goes out as it is made, unrecorded and unbuffered.
    if path.starts_with("/__sim/logs/") && path.ends_with("/live") && !truncate && !drop_connection
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    shared.exchanges.lock().unwrap().push(RecordedExchange {
        method,
        path,
        status: parts.status.as_u16(),
        body: serde_json::from_slice(&bytes).ok(),
    });
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    let body = if drop_connection {
        // Half the body, then an error: hyper aborts the connection mid-answer.
        let half = bytes.slice(..bytes.len() / 2);
        let chunks: Vec<Result<Bytes, std::io::Error>> = vec![
            Ok(half),
            Err(std::io::Error::new(
                std::io::ErrorKind::ConnectionReset,
                "dropped by heroku-sim",
            )),
        ];
        Body::from_stream(futures_util::stream::iter(chunks))
    } else if truncate {
        Body::from(bytes.slice(..bytes.len() / 2))
    } else {
        Body::from(bytes)
    };
    Response::from_parts(parts, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_and_method_matching() {
        let f = Fault::new(Some("get"), "/apps/*", FaultAction::TruncatedBody);
        assert!(f.matches("GET", "/apps/x/dynos"));
        assert!(!f.matches("POST", "/apps/x/dynos"));
        assert!(!f.matches("GET", "/account"));
        let exact = Fault::new(None, "/account", FaultAction::Delay { ms: 1 });
        assert!(exact.matches("PATCH", "/account"));
        assert!(!exact.matches("GET", "/account/rate-limits"));
    }

    #[test]
    fn rate_limit_after_n_calls_then_stops_after_times() {
        let fault = Fault::new(None, "/account", FaultAction::RateLimitAfter { calls: 2 }).times(1);
        let mut rule = FaultRule {
            fault,
            seen: 0,
            fired: 0,
        };
        assert!(matches!(rule.decide(), Decision::Pass));
        assert!(matches!(rule.decide(), Decision::Pass));
        assert!(matches!(
            rule.decide(),
            Decision::Respond { status: 429, .. }
        ));
        assert!(matches!(rule.decide(), Decision::Pass));
    }
}
