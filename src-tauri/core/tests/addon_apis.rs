//! Papertrail's search and Sentry's issue list, against the simulated services: history beyond
//! Heroku's lines, paging to older lines, time ranges, wrong tokens in plain words.

mod common;

use novaland_core::addon_apis::papertrail::{search, Query};
use novaland_core::addon_apis::sentry::{project_of, unresolved};
use novaland_core::logs::Source;

const TOKEN: &str = "practice-papertrail-token";

#[tokio::test]
async fn papertrail_finds_old_lines_and_pages_back() {
    let sim = common::practice().await;
    let url = sim.papertrail_url();
    let query = Query {
        text: "PaymentInfo".into(),
        ..Query::default()
    };
    let first = search(&url, TOKEN, &query).await.unwrap();
    assert_eq!(first.entries.len(), 100, "a page");
    assert!(first
        .entries
        .iter()
        .all(|e| e.line.raw.contains("PaymentInfo")));
    assert!(first
        .entries
        .iter()
        .any(|e| e.line.source == Source::Router));
    let times: Vec<i64> = first
        .entries
        .iter()
        .map(|e| e.line.time_ms.unwrap())
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "oldest first");
    // Papertrail reaches back days, past the 1,500 lines Heroku keeps.
    let oldest = times[0];
    let older = Query {
        before_id: first.older.clone(),
        ..query.clone()
    };
    let second = search(&url, TOKEN, &older).await.unwrap();
    assert!(!second.entries.is_empty());
    assert!(second.entries.last().unwrap().line.time_ms.unwrap() <= oldest);
    let overlap = second
        .entries
        .iter()
        .any(|e| first.entries.iter().any(|f| f.line.raw == e.line.raw));
    assert!(!overlap, "no line twice across pages");

    // A time range: only lines inside it.
    let day_ago = oldest / 1000 - 86_400;
    let ranged = Query {
        min_time: Some(day_ago - 3_600),
        max_time: Some(day_ago),
        ..query.clone()
    };
    let found = search(&url, TOKEN, &ranged).await.unwrap();
    assert!(found
        .entries
        .iter()
        .all(|e| (day_ago - 3_600..=day_ago).contains(&(e.line.time_ms.unwrap() / 1000))));

    let wrong = search(&url, "not-the-token", &query).await.unwrap_err();
    assert_eq!(wrong.code(), "addon_unauthorized");
    assert!(wrong.plain().contains("PAPERTRAIL_API_TOKEN"));
}

#[tokio::test]
async fn sentry_lists_unresolved_issues_for_the_dsn_project() {
    let sim = common::practice().await;
    let project = project_of("https://practice@o0.ingest.sentry.io/0").unwrap();
    let url = sim.sentry_url();
    let issues = unresolved(&project, Some(&url), heroku_sim::SENTRY_TOKEN)
        .await
        .unwrap();
    assert_eq!(issues.len(), 3);
    assert_eq!(issues[0].title, "KeyError: 'contribution'");
    assert_eq!(
        issues[0].culprit.as_deref(),
        Some("public_goods/__init__.py in set_payoffs")
    );
    assert_eq!(issues[0].user_count, Some(9));
    assert!(issues[0].permalink.starts_with("https://sentry.io/"));
    let wrong = unresolved(&project, Some(&url), "wrong").await.unwrap_err();
    assert_eq!(wrong.code(), "addon_unauthorized");
    assert!(wrong.plain().contains("connect again"));
}

/// Papertrail cuts a long search and may answer a page with no events that is not the end:
/// "Older lines" goes on from `min_id` until the line is found or the beginning is reached.
#[tokio::test]
async fn papertrail_pages_past_empty_pages_until_the_beginning() {
    let sim = common::practice().await;
    let url = sim.papertrail_url();
    let stamp = "2026-11-29T09:00:00.000000+00:00";
    let mut lines = vec![format!(
        "{stamp} app[web.1]: needle-5f2c found once, long ago"
    )];
    // Heroku's log keeps 1,500 lines; the needle stays among them, deeper than one search.
    lines.extend((0..1_400).map(|i| format!("{stamp} app[web.1]: filler line {i}")));
    sim.add_log_lines("novaland-study", &lines);
    let mut query = Query {
        text: "needle-5f2c".into(),
        ..Query::default()
    };
    let first = search(&url, TOKEN, &query).await.unwrap();
    assert!(first.entries.is_empty(), "the first pages are cut short");
    assert!(first.older.is_some(), "an empty page is not the end");
    let mut before = first.older.clone();
    let mut pages = 1;
    let found = loop {
        query.before_id = before.clone();
        let page = search(&url, TOKEN, &query).await.unwrap();
        pages += 1;
        if !page.entries.is_empty() {
            break page;
        }
        assert!(
            page.older.is_some(),
            "an empty page is not the end (page {pages})"
        );
        assert!(pages < 50, "paging ends");
        before = page.older;
    };
    assert!(found.entries[0].line.raw.contains("needle-5f2c"));
    assert_eq!(pages, 2, "found on the page after the empty one");
}
