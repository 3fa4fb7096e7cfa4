//! Following the live log: a log session with the recent lines first, then new lines as they
//! come (plain text on Cedar apps, server-sent events on Fir apps). When Heroku closes the
//! session (after ~15 idle minutes) or the connection drops, it reopens by itself with
//! backoff; the store skips the lines the new session replays. Lines reach the caller in
//! batches, so 2,000 lines a second are a few calls a second.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use serde::Serialize;
use url::Url;

use super::entry::LogEntry;
use super::store::LogStore;
use crate::heroku::{HerokuClient, HerokuError};

#[derive(Debug, Clone)]
pub struct FollowOptions {
    /// Recent lines asked for when the screen opens (Heroku keeps up to 1,500).
    pub first_lines: u32,
    /// Recent lines asked for on a reconnect, to cover the gap (duplicates are skipped).
    pub reconnect_lines: u32,
    /// How often gathered lines are handed over. Half a second, as often as the page draws:
    /// each batch reaches the page as one script WebKit runs (Tauri's channel), and with
    /// batches every 100 ms WebKit's process grew twice as fast on the Logs screen
    /// (scripts/bench.sh window: about 10 against 5 MB a minute at 50 lines/s).
    pub batch_every: Duration,
    pub backoff_first: Duration,
    pub backoff_max: Duration,
}

impl Default for FollowOptions {
    fn default() -> Self {
        FollowOptions {
            first_lines: 1_500,
            reconnect_lines: 300,
            batch_every: Duration::from_millis(500),
            backoff_first: Duration::from_secs(1),
            backoff_max: Duration::from_secs(30),
        }
    }
}

/// What the screen hears.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LogEvent {
    /// New entries, oldest first.
    Lines {
        entries: Vec<LogEntry>,
    },
    /// The stream is open and lines flow.
    Live {
        reconnects: u32,
    },
    /// The session closed or failed; it reopens after `wait_ms`.
    Reconnecting {
        wait_ms: u64,
        why: String,
    },
    Stopped,
}

/// Follows the app's log as [`follow`] does and, for every batch, says the alerts it raises
/// (a crash, a new kind of error: see [`super::Alerts`]) through `alert`.
pub async fn follow_alerting(
    client: &HerokuClient,
    app: &str,
    store: Arc<Mutex<LogStore>>,
    options: &FollowOptions,
    stop: &AtomicBool,
    mut alert: impl FnMut(&super::Alert),
    mut on_event: impl FnMut(LogEvent),
) {
    let mut alerts = super::Alerts::new(crate::clock::now_ms());
    let watched = store.clone();
    follow(client, app, store, options, stop, |event| {
        if let LogEvent::Lines { entries } = &event {
            let found = alerts.check(app, entries, watched.lock().unwrap().errors_mut());
            found.iter().for_each(&mut alert);
        }
        on_event(event);
    })
    .await;
}

/// Follows the app's log until `stop` is set. Entries go into `store` (shared with the
/// screen's searches) and, batched, to `on_event`.
pub async fn follow(
    client: &HerokuClient,
    app: &str,
    store: Arc<Mutex<LogStore>>,
    options: &FollowOptions,
    stop: &AtomicBool,
    mut on_event: impl FnMut(LogEvent),
) {
    let http = match reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(15))
        // Heroku closes idle sessions after ~15 minutes; a silent connection for longer is dead.
        .read_timeout(Duration::from_secs(16 * 60))
        .build()
    {
        Ok(http) => http,
        Err(e) => {
            on_event(LogEvent::Reconnecting {
                wait_ms: 0,
                why: e.to_string(),
            });
            return;
        }
    };
    let mut reconnects = 0u32;
    let mut wait = options.backoff_first;
    let mut lines = options.first_lines;
    while !stop.load(Ordering::SeqCst) {
        let outcome = session(&http, client, app, lines, &store, options, stop, &mut |e| {
            if matches!(e, LogEvent::Live { .. }) {
                on_event(LogEvent::Live { reconnects });
            } else {
                on_event(e);
            }
        })
        .await;
        let ready = store.lock().unwrap().flush();
        if !ready.is_empty() {
            on_event(LogEvent::Lines { entries: ready });
        }
        if stop.load(Ordering::SeqCst) {
            break;
        }
        let why = match outcome {
            // A session that delivered lines and then closed: Heroku's idle close or a drop.
            Ok(delivered) if delivered > 0 => {
                wait = options.backoff_first;
                crate::tr!("core-logs-stream-closed")
            }
            Ok(_) => crate::tr!("core-logs-stream-closed-empty"),
            Err(e) => e,
        };
        on_event(LogEvent::Reconnecting {
            wait_ms: wait.as_millis() as u64,
            why,
        });
        sleep_unless(stop, wait).await;
        wait = (wait * 2).min(options.backoff_max);
        reconnects += 1;
        lines = options.reconnect_lines;
        store.lock().unwrap().reconnected();
    }
    on_event(LogEvent::Stopped);
}

/// One log session: returns how many lines it delivered, or why it could not open.
#[allow(clippy::too_many_arguments)]
async fn session(
    http: &reqwest::Client,
    client: &HerokuClient,
    app: &str,
    lines: u32,
    store: &Mutex<LogStore>,
    options: &FollowOptions,
    stop: &AtomicBool,
    on_event: &mut impl FnMut(LogEvent),
) -> Result<u64, String> {
    let body = serde_json::json!({ "lines": lines, "tail": true });
    let created = crate::heroku::log_sessions::create(client, app, &body)
        .await
        .map_err(|e: HerokuError| e.plain())?;
    let url =
        Url::parse(&created.logplex_url).map_err(|_| crate::tr!("core-logs-stream-bad-address"))?;
    if !crate::net::is_allowed(&url) {
        return Err(crate::tr!("core-logs-stream-not-https"));
    }
    // The URL carries its own secret: no Heroku token goes with it.
    let answer = http.get(url).send().await.map_err(|e| {
        crate::tr!(
            "core-logs-stream-unreachable",
            detail = e.without_url().to_string()
        )
    })?;
    if !answer.status().is_success() {
        return Err(crate::tr!(
            "core-logs-stream-answered",
            status = answer.status().to_string()
        ));
    }
    let mut format = LineFormat::of(&answer);
    on_event(LogEvent::Live { reconnects: 0 });

    let mut bytes = answer.bytes_stream();
    let mut partial: Vec<u8> = Vec::new();
    let mut batch: Vec<LogEntry> = Vec::new();
    let mut delivered = 0u64;
    let mut tick = tokio::time::interval(options.batch_every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let result = loop {
        if stop.load(Ordering::SeqCst) {
            break Ok(delivered);
        }
        tokio::select! {
            chunk = bytes.next() => match chunk {
                Some(Ok(chunk)) => {
                    partial.extend_from_slice(&chunk);
                    let mut store = store.lock().unwrap();
                    let mut start = 0;
                    while let Some(end) = memchr::memchr(b'\n', &partial[start..]) {
                        let line = &partial[start..start + end];
                        start += end + 1;
                        let Some(line) = format.payload(line) else { continue };
                        delivered += 1;
                        batch.extend(store.push(line));
                    }
                    partial.drain(..start);
                }
                Some(Err(e)) => break Err(crate::tr!("core-logs-stream-dropped", detail = e.without_url().to_string())),
                None => break Ok(delivered),
            },
            _ = tick.tick() => {
                if !batch.is_empty() {
                    on_event(LogEvent::Lines { entries: std::mem::take(&mut batch) });
                }
            }
        }
    };
    if !batch.is_empty() {
        on_event(LogEvent::Lines { entries: batch });
    }
    result
}

/// How a log URL's answer is framed: plain lines, or server-sent events. The content type
/// says so when it is `text/event-stream`; otherwise the first line decides, because log URLs
/// answer events without saying so (the official CLI's fixtures serve them with no content
/// type: heroku/cli `test/unit/lib/run/log-displayer.unit.test.ts`), and a log line never
/// starts with an event field (it starts with its timestamp).
pub(crate) struct LineFormat {
    sse: bool,
    decided: bool,
}

impl LineFormat {
    pub(crate) fn of(answer: &reqwest::Response) -> Self {
        let sse = answer
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|t| t.starts_with("text/event-stream"));
        LineFormat { sse, decided: sse }
    }

    /// The log line in one line of the answer (see [`payload`]).
    pub(crate) fn payload<'a>(&mut self, line: &'a [u8]) -> Option<&'a [u8]> {
        if !self.decided && !line.is_empty() && line != b"\r" {
            self.decided = true;
            self.sse = [&b"data:"[..], b"id:", b"event:", b"retry:", b":"]
                .iter()
                .any(|field| line.starts_with(field));
        }
        payload(line, self.sse)
    }
}

/// The log line in one line of the answer: all of it for plain text; for server-sent events
/// the `data:` field (ids, comments and blank separators carry no line).
pub(crate) fn payload(line: &[u8], sse: bool) -> Option<&[u8]> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if !sse {
        return (!line.is_empty()).then_some(line);
    }
    let data = line.strip_prefix(b"data:")?;
    Some(data.strip_prefix(b" ").unwrap_or(data))
}

async fn sleep_unless(stop: &AtomicBool, total: Duration) {
    let step = Duration::from_millis(100);
    let mut left = total;
    while !left.is_zero() && !stop.load(Ordering::SeqCst) {
        let now = left.min(step);
        tokio::time::sleep(now).await;
        left -= now;
    }
}

#[cfg(test)]
mod tests {
    use super::{payload, LineFormat};

    #[test]
    fn reads_plain_and_event_stream_lines() {
        assert_eq!(payload(b"a line\r", false), Some(&b"a line"[..]));
        assert_eq!(payload(b"", false), None);
        assert_eq!(payload(b"data: a line", true), Some(&b"a line"[..]));
        assert_eq!(payload(b"id: 17", true), None);
        assert_eq!(payload(b": keep-alive", true), None);
        assert_eq!(payload(b"", true), None);
    }

    #[test]
    fn events_without_their_content_type_are_recognised_by_their_first_line() {
        let mut undeclared = LineFormat {
            sse: false,
            decided: false,
        };
        assert_eq!(undeclared.payload(b""), None);
        assert_eq!(undeclared.payload(b"id: 1002"), None);
        assert_eq!(
            undeclared.payload(b"data: 2024 app[web.1]: x"),
            Some(&b"2024 app[web.1]: x"[..])
        );
        let mut plain = LineFormat {
            sse: false,
            decided: false,
        };
        assert_eq!(
            plain.payload(b"2024 app[web.1]: x"),
            Some(&b"2024 app[web.1]: x"[..])
        );
        assert_eq!(
            plain.payload(b"data: is a message here"),
            Some(&b"data: is a message here"[..])
        );
    }
}
