//! Faults a test can inject per route: an error status, a delay, a 429 after some calls,
//! a truncated body or a connection dropped mid-answer.

use serde::{Deserialize, Serialize};

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

impl Fault {
    pub fn new(method: Option<&str>, path: &str, action: FaultAction) -> Self {
        Fault {
            method: method.map(str::to_uppercase),
            path: path.into(),
            action,
            times: None,
        }
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
