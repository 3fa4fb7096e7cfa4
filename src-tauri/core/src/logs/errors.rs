//! The Errors view, from the log alone (what Sentry would give): errors grouped by kind, a
//! Python exception by its type and where it was raised, Heroku's errors by code, crashes.

use std::collections::HashMap;

use serde::Serialize;

use super::codes::explain;
use super::entry::LogEntry;
use super::line::Level;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ErrorGroup {
    pub key: String,
    /// `KeyError in otree/x.py:12 in run`, `H12 Request timeout`, `The server crashed`.
    pub title: String,
    /// `python`, `heroku` or `crash`.
    pub kind: &'static str,
    pub code: Option<String>,
    pub count: u64,
    pub first_ms: Option<i64>,
    pub last_ms: Option<i64>,
    /// The latest whole example (all lines of a traceback).
    pub example: String,
}

#[derive(Default)]
pub struct ErrorGroups {
    groups: HashMap<String, ErrorGroup>,
    /// Keys seen for the first time since `take_new` was last called (for notifications).
    new_keys: Vec<String>,
}

impl ErrorGroups {
    /// Counts `entry` if it is an error; returns whether its kind is new.
    pub fn add(&mut self, entry: &LogEntry) -> bool {
        let Some((key, title, kind, code)) = classify(entry) else {
            return false;
        };
        let time = entry.line.time_ms;
        let mut is_new = false;
        let group = self.groups.entry(key.clone()).or_insert_with(|| {
            is_new = true;
            ErrorGroup {
                key: key.clone(),
                title,
                kind,
                code,
                count: 0,
                first_ms: time,
                last_ms: time,
                example: String::new(),
            }
        });
        group.count += 1;
        group.last_ms = time.or(group.last_ms);
        if group.first_ms.is_none() {
            group.first_ms = time;
        }
        group.example = entry.line.raw.clone();
        if is_new {
            self.new_keys.push(key);
        }
        is_new
    }

    /// Most recent first.
    pub fn list(&self) -> Vec<ErrorGroup> {
        let mut all: Vec<ErrorGroup> = self.groups.values().cloned().collect();
        all.sort_by(|a, b| b.last_ms.cmp(&a.last_ms).then(b.count.cmp(&a.count)));
        all
    }

    /// Kinds that appeared since the last call (each reported once).
    pub fn take_new(&mut self) -> Vec<ErrorGroup> {
        let keys = std::mem::take(&mut self.new_keys);
        keys.iter()
            .filter_map(|k| self.groups.get(k).cloned())
            .collect()
    }
}

fn classify(entry: &LogEntry) -> Option<(String, String, &'static str, Option<String>)> {
    let line = &entry.line;
    if let Some(tb) = &entry.traceback {
        // The key stays the same in every language; only the title is in words.
        let key = format!(
            "python:{}@{}",
            tb.exception,
            tb.location.as_deref().unwrap_or("an unknown place")
        );
        let title = match &tb.location {
            Some(place) => crate::tr!(
                "core-logs-error-python-title",
                exception = tb.exception.as_str(),
                place = place.as_str()
            ),
            None => crate::tr!(
                "core-logs-error-python-title-nowhere",
                exception = tb.exception.as_str()
            ),
        };
        return Some((key, title, "python", None));
    }
    if let Some(code) = line.code() {
        let title = explain(code).title;
        return Some((
            format!("heroku:{code}"),
            crate::tr!("core-logs-error-heroku-title", code = code, title = title),
            "heroku",
            Some(code.to_string()),
        ));
    }
    if line.message().contains("State changed from up to crashed")
        || line
            .message()
            .contains("State changed from starting to crashed")
    {
        return Some((
            "crash".into(),
            crate::tr!("core-logs-error-crash-title"),
            "crash",
            None,
        ));
    }
    if line.level == Level::Error && line.message().contains("Process exited with status") {
        return Some((
            "exit".into(),
            crate::tr!("core-logs-error-exit-title"),
            "crash",
            None,
        ));
    }
    None
}
