//! When to tell the researcher with a desktop notification: the study's server crashed, or a
//! kind of error appeared that the log had not shown before, while the app is open. Lines from
//! before the screen opened (the replayed history) never alert; crashes alert at most once a
//! minute.

use serde::Serialize;

use super::entry::LogEntry;
use super::errors::ErrorGroups;

const CRASH_QUIET_MS: i64 = 60_000;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Alert {
    pub title: String,
    pub body: String,
}

pub struct Alerts {
    since_ms: i64,
    last_crash_ms: Option<i64>,
}

impl Alerts {
    /// Alerts only for lines logged at or after `since_ms` (when the screen opened).
    pub fn new(since_ms: i64) -> Alerts {
        Alerts {
            since_ms,
            last_crash_ms: None,
        }
    }

    /// What the new `entries` call for; `groups` tells which error kinds are new.
    pub fn check(
        &mut self,
        app: &str,
        entries: &[LogEntry],
        groups: &mut ErrorGroups,
    ) -> Vec<Alert> {
        let mut alerts = Vec::new();
        let fresh = |t: Option<i64>, since: i64| t.is_some_and(|t| t >= since);
        for entry in entries {
            let line = &entry.line;
            let crashed =
                line.message.contains("to crashed") || line.code.as_deref() == Some("H10");
            if crashed && fresh(line.time_ms, self.since_ms) {
                let t = line.time_ms.unwrap_or_default();
                if self
                    .last_crash_ms
                    .is_none_or(|last| t - last >= CRASH_QUIET_MS)
                {
                    self.last_crash_ms = Some(t);
                    alerts.push(Alert {
                        title: format!("{app}: the study's server crashed"),
                        body: "Participants see an error page. Open Novaland's Logs screen to see why.".into(),
                    });
                }
            }
        }
        for group in groups.take_new() {
            if fresh(group.first_ms, self.since_ms) && group.kind != "crash" {
                alerts.push(Alert {
                    title: format!("{app}: a new kind of error"),
                    body: group.title.clone(),
                });
            }
        }
        alerts
    }
}
