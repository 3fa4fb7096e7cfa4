//! Papertrail's search (history beyond the 1,500 lines Heroku keeps):
//! `GET /api/v1/events/search.json?q=&min_time=&max_time=&max_id=` with `X-Papertrail-Token`.
//! Its events become Heroku-shaped lines, so the Logs screen reads and explains them the same.

use serde::{Deserialize, Serialize};

use super::{endpoint, http, read_json, AddonError};
use crate::error::Refused;
use crate::logs::entry::{Assembler, LogEntry};
use crate::logs::line;

pub const DEFAULT_URL: &str = "https://papertrailapp.com/api/v1/";
const SERVICE: &str = "Papertrail";

#[derive(Debug, Clone, Deserialize)]
pub struct Event {
    pub id: String,
    #[serde(default)]
    pub generated_at: Option<String>,
    #[serde(default)]
    pub received_at: Option<String>,
    /// `app/web.1`, `heroku/router`.
    #[serde(default)]
    pub program: Option<String>,
    pub message: String,
}

#[derive(Debug, Deserialize)]
struct Answer {
    events: Vec<Event>,
    #[serde(default)]
    min_id: Option<String>,
    #[serde(default)]
    reached_beginning: Option<bool>,
    #[serde(default)]
    reached_record_limit: Option<bool>,
}

#[derive(Debug, Default, Clone, Deserialize, Serialize)]
pub struct Query {
    #[serde(default)]
    pub text: String,
    /// Seconds since 1970.
    #[serde(default)]
    pub min_time: Option<i64>,
    #[serde(default)]
    pub max_time: Option<i64>,
    /// For "older lines": only events before this id.
    #[serde(default)]
    pub before_id: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Found {
    pub entries: Vec<LogEntry>,
    /// Pass as `before_id` to get the lines before these; None when there are none.
    pub older: Option<String>,
}

/// The line Heroku would have logged for a Papertrail event.
/// Papertrail's dashboard: the add-on's web URL Heroku gives (its add-on sign-in), https only.
pub fn dashboard_url(addons: &[crate::heroku::models::AddOn]) -> Result<String, Refused> {
    let papertrail = addons.iter().find(|a| a.addon_service.name == "papertrail");
    let url = papertrail.and_then(|a| a.web_url.clone());
    url.filter(|u| u.starts_with("https://")).ok_or_else(|| {
        let message = crate::tr!("core-papertrail-no-dashboard");
        Refused::new(crate::error::ErrorCode::NoPapertrail, message)
    })
}

pub fn heroku_line(event: &Event) -> String {
    let time = event
        .generated_at
        .as_deref()
        .or(event.received_at.as_deref())
        .unwrap_or("");
    match event.program.as_deref().and_then(|p| p.split_once('/')) {
        Some((origin, dyno)) => format!("{time} {origin}[{dyno}]: {}", event.message),
        None => format!("{time} {}", event.message),
    }
}

pub async fn search(base: &str, token: &str, query: &Query) -> Result<Found, AddonError> {
    let mut url = endpoint(base, "events/search.json", SERVICE)?;
    {
        let mut pairs = url.query_pairs_mut();
        pairs.append_pair("q", &query.text);
        if let Some(t) = query.min_time {
            pairs.append_pair("min_time", &t.to_string());
        }
        if let Some(t) = query.max_time {
            pairs.append_pair("max_time", &t.to_string());
        }
        if let Some(id) = &query.before_id {
            // Papertrail's max_id includes that event: ask for the one before.
            let before = id.parse::<u128>().map(|n| n.saturating_sub(1).to_string());
            pairs.append_pair("max_id", &before.unwrap_or_else(|_| id.clone()));
        }
    }
    let answer: Answer = read_json(
        http()
            .get(url)
            .header("X-Papertrail-Token", token)
            .send()
            .await,
        SERVICE,
    )
    .await?;
    let mut assembler = Assembler::default();
    let mut entries = Vec::new();
    for event in &answer.events {
        entries.extend(assembler.push(line::parse_str(heroku_line(event))));
    }
    entries.extend(assembler.flush());
    for (i, entry) in entries.iter_mut().enumerate() {
        entry.seq = i as u64 + 1;
    }
    // Papertrail cuts long searches (about 5 s) and may then answer no events at all while
    // still giving `min_id`: only reaching the beginning (or its record limit) ends the paging.
    let at_end =
        answer.reached_beginning == Some(true) || answer.reached_record_limit == Some(true);
    let older = if at_end {
        None
    } else {
        answer
            .min_id
            .or_else(|| answer.events.first().map(|e| e.id.clone()))
    };
    Ok(Found { entries, older })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_become_heroku_lines() {
        let e = Event {
            id: "1".into(),
            generated_at: Some("2026-11-29T10:00:00+00:00".into()),
            received_at: None,
            program: Some("heroku/router".into()),
            message: "at=error code=H12 desc=\"Request timeout\" method=GET path=/".into(),
        };
        let l = line::parse_str(heroku_line(&e));
        assert_eq!(l.code(), Some("H12"));
        assert_eq!(l.source, crate::logs::Source::Router);
        let odd = Event { program: None, ..e };
        assert!(heroku_line(&odd).starts_with("2026-11-29T10:00:00+00:00 at=error"));
    }
}
