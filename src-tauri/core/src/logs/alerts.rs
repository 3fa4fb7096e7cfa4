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
            let crashed = line.message().contains("to crashed") || line.code() == Some("H10");
            if crashed && fresh(line.time_ms, self.since_ms) {
                let t = line.time_ms.unwrap_or_default();
                if self
                    .last_crash_ms
                    .is_none_or(|last| t - last >= CRASH_QUIET_MS)
                {
                    self.last_crash_ms = Some(t);
                    alerts.push(Alert {
                        title: crate::tr!("core-alert-crash-title", app = app),
                        body: crate::tr!("core-alert-crash-body"),
                    });
                }
            }
        }
        for group in groups.take_new() {
            if fresh(group.first_ms, self.since_ms) && group.kind != "crash" {
                alerts.push(Alert {
                    title: crate::tr!("core-alert-new-error-title", app = app),
                    body: group.title.clone(),
                });
            }
        }
        alerts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::logs::store::LogStore;

    fn lines(store: &mut LogStore, raw: &[&str]) -> Vec<LogEntry> {
        raw.iter().flat_map(|l| store.push(l.as_bytes())).collect()
    }

    #[test]
    fn crashes_and_new_kinds_after_opening_alert_once() {
        // Opened at 10:00:00.
        let opened = crate::logs::line::parse_time("2026-11-29T10:00:00Z").unwrap();
        let mut alerts = Alerts::new(opened);
        let mut store = LogStore::new(100);
        // Replayed history from before: no alert, though it holds a crash and an H12.
        let old = lines(&mut store, &[
            "2026-11-29T09:50:00Z heroku[web.1]: State changed from up to crashed",
            "2026-11-29T09:51:00Z heroku[router]: at=error code=H12 desc=\"Request timeout\" method=GET path=/ status=503",
        ]);
        assert!(alerts.check("study", &old, store.errors_mut()).is_empty());
        // A crash now: one alert; another 20 s later: none (quiet for a minute).
        let now = lines(
            &mut store,
            &[
                "2026-11-29T10:01:00Z heroku[web.1]: State changed from up to crashed",
                "2026-11-29T10:01:20Z heroku[web.1]: State changed from starting to crashed",
            ],
        );
        let said = alerts.check("study", &now, store.errors_mut());
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].title.contains("crashed"));
        // A kind of error not seen before: alerted once; the known H12 is not.
        let more = lines(&mut store, &[
            "2026-11-29T10:02:00Z heroku[router]: at=error code=H12 desc=\"Request timeout\" method=GET path=/ status=503",
            "2026-11-29T10:02:01Z heroku[web.1]: Error R14 (Memory quota exceeded)",
            "2026-11-29T10:02:02Z heroku[web.1]: Error R14 (Memory quota exceeded)",
        ]);
        let said = alerts.check("study", &more, store.errors_mut());
        assert_eq!(said.len(), 1, "{said:?}");
        assert_eq!(said[0].body, "R14 Memory quota exceeded");
        // A crash more than a minute after the last one alerts again.
        let later = lines(
            &mut store,
            &["2026-11-29T10:02:30Z heroku[web.1]: State changed from up to crashed"],
        );
        assert_eq!(alerts.check("study", &later, store.errors_mut()).len(), 1);
    }
}
