//! The log parser and classifier on real Heroku lines (from Heroku's documentation, as copied
//! in ../shared/heroku/README.md, and more in the same shapes) and on odd input; a property
//! test feeds it arbitrary bytes.

use novaland_core::logs::{
    explain, line::parse_time, parse, Action, Filter, Level, LogStore, Source,
};
use proptest::prelude::*;

#[test]
fn reads_a_router_line() {
    let l = parse(br#"2012-10-11T03:47:20+00:00 heroku[router]: at=info method=GET path=/ host=myapp.herokuapp.com fwd="204.204.204.204" dyno=web.1 connect=1ms service=18ms status=200 bytes=13"#);
    assert_eq!(l.source, Source::Router);
    assert_eq!(l.dyno(), Some("router"));
    assert_eq!(l.time_ms, Some(1_349_927_240_000));
    assert_eq!(l.request_path(), Some("/"));
    assert_eq!(l.request_method(), Some("GET"));
    assert_eq!(l.request_dyno(), Some("web.1"));
    assert_eq!(l.level, Level::Info);
    assert_eq!(l.code(), None);
    let r = l.request.unwrap();
    assert_eq!(r.status, Some(200));
    assert_eq!(r.time_ms, Some(19));
}

#[test]
fn reads_a_router_error_with_quoted_spaces_and_newer_fields() {
    let l = parse(br#"2024-10-17T22:23:22.209776+00:00 heroku[router]: at=error code=H12 desc="Request timeout" method=POST path="/p/abc123/survey/Survey/1" host=study.herokuapp.com request_id=8601b555-6a83-4c12-8269-97c8e32cdb22 fwd="10.1.1.1" dyno=web.1 connect=0ms service=30000ms status=503 bytes=0 protocol=https"#);
    assert_eq!(l.level, Level::Error);
    assert_eq!(l.code(), Some("H12"));
    assert_eq!(l.time_ms, Some(1_729_203_802_209));
    assert_eq!(l.request_path(), Some("/p/abc123/survey/Survey/1"));
    let r = l.request.unwrap();
    assert_eq!(r.status, Some(503));
    assert_eq!(r.time_ms, Some(30_000));
}

#[test]
fn reads_app_platform_and_api_lines() {
    let app = parse(b"2024-10-17T22:23:22.209776+00:00 app[web.1]: log line 1");
    assert_eq!(
        (app.source, app.dyno(), app.message()),
        (Source::App, Some("web.1"), "log line 1")
    );
    assert_eq!(app.process_type(), Some("web"));

    let api = parse(
        b"2024-10-17T22:20:01.000000+00:00 app[api]: Release v5 created by researcher@example.org",
    );
    assert_eq!(api.source, Source::Api);

    let r14 =
        parse(b"2024-10-17T22:25:01.123456+00:00 heroku[web.1]: Error R14 (Memory quota exceeded)");
    assert_eq!((r14.source, r14.level), (Source::Platform, Level::Error));
    assert_eq!(r14.code(), Some("R14"));

    let crash =
        parse(b"2024-10-17T22:26:00.000000+00:00 heroku[web.1]: State changed from up to crashed");
    assert_eq!(crash.level, Level::Error);

    let metrics = parse(b"2024-10-17T22:26:20.000000+00:00 heroku[web.1]: source=web.1 dyno=heroku.2808254.d97d0ea7-cf3d-411b-b453-d2943a50b456 sample#memory_total=21.00MB sample#memory_rss=21.22MB sample#memory_cache=0.00MB sample#memory_swap=0.00MB sample#memory_pgpgin=348836pages sample#memory_pgpgout=343403pages sample#memory_quota=512.00MB");
    let s = metrics.sample.unwrap();
    assert_eq!(
        (s.dyno.as_str(), s.memory_total_mb, s.memory_quota_mb),
        ("web.1", Some(21.0), Some(512.0))
    );
    let load = parse(b"2024-10-17T22:26:20.000000+00:00 heroku[web.1]: source=web.1 dyno=heroku.2808254.d97d0ea7 sample#load_avg_1m=2.46 sample#load_avg_5m=1.06 sample#load_avg_15m=0.99");
    assert_eq!(load.sample.unwrap().load_avg_1m, Some(2.46));

    let pg = parse(b"2024-10-17T22:26:20.000000+00:00 app[heroku-postgres]: source=DATABASE addon=postgresql-x sample#current_transaction=1234 sample#db_size=48271892bytes");
    assert_eq!(pg.source, Source::Platform);
}

#[test]
fn odd_lines_are_kept_and_shown() {
    // Missing fields, no timestamp, a line over 10,000 bytes, invalid UTF-8, an unknown code.
    let bare = parse(b"heroku[router]: at=error code=H12");
    assert_eq!(bare.source, Source::Other);
    assert_eq!(bare.time_ms, None);

    let no_fields = parse(b"2024-10-17T22:23:22+00:00 heroku[router]: at=info");
    assert_eq!(no_fields.request, None);
    assert_eq!(no_fields.time_ms, Some(1_729_203_802_000));

    let long = format!("2024-10-17T22:23:22Z app[web.1]: {}", "x".repeat(20_000));
    let l = parse(long.as_bytes());
    assert_eq!(l.message().len(), 20_000);

    let bad = parse(b"2024-10-17T22:23:22Z app[web.1]: caf\xe9 \xff\xfe end");
    assert!(bad.message().contains('\u{fffd}') && bad.message().ends_with(" end"));

    let unknown = parse(br#"2024-10-17T22:23:22Z heroku[router]: at=error code=H42 desc="Something new" method=GET path=/ status=503"#);
    assert_eq!(unknown.code(), Some("H42"));
    let e = explain("H42");
    assert_eq!(e.title, "Heroku error");
    assert!(e.plain.contains("Error Codes"));

    let not_a_code =
        parse(br#"2024-10-17T22:23:22Z heroku[router]: at=error code=12345 method=GET path=/"#);
    assert_eq!(not_a_code.code(), None);

    let bad_time = parse(b"2024-13-45T99:99:99Z app[web.1]: hello");
    assert_eq!((bad_time.time_ms, bad_time.source), (None, Source::Other));
}

#[test]
fn timestamps_with_offsets_and_fractions() {
    assert_eq!(parse_time("1970-01-01T00:00:00Z"), Some(0));
    assert_eq!(parse_time("1970-01-01T01:00:00+01:00"), Some(0));
    assert_eq!(
        parse_time("2000-02-29T12:00:00.5-02:30"),
        Some(951_834_600_500)
    );
    assert_eq!(
        parse_time("2024-10-17T22:23:22.209776+00:00"),
        Some(1_729_203_802_209)
    );
    assert_eq!(parse_time("2024-10-17 22:23:22Z"), None);
    assert_eq!(parse_time("2024-10-17T22:23:22."), None);
}

#[test]
fn every_known_code_has_words_and_the_actions_fit() {
    for code in novaland_core::logs::codes::known_codes() {
        let e = explain(code);
        assert!(e.plain.len() > 20 && !e.title.is_empty(), "{code}");
    }
    assert_eq!(explain("H14").action, Some(Action::StartWebDyno));
    assert_eq!(explain("R14").action, Some(Action::ShowMemory));
    assert_eq!(explain("H10").action, Some(Action::ShowCrash));
}

const TRACEBACK: &[&str] = &[
    "2024-10-17T22:30:00.000001+00:00 app[web.1]: Traceback (most recent call last):",
    "2024-10-17T22:30:00.000002+00:00 heroku[router]: at=info method=GET path=/ host=x fwd=\"1.1.1.1\" dyno=web.2 connect=0ms service=5ms status=200 bytes=10",
    "2024-10-17T22:30:00.000003+00:00 app[web.1]:   File \"/app/.heroku/python/lib/python3.11/site-packages/otree/views/abstract.py\", line 320, in post",
    "2024-10-17T22:30:00.000004+00:00 app[web.1]:     return self.inner_post()",
    "2024-10-17T22:30:00.000005+00:00 app[web.1]:   File \"/app/survey/__init__.py\", line 41, in before_next_page",
    "2024-10-17T22:30:00.000006+00:00 app[web.1]:     player.payoff = player.guess / 0",
    "2024-10-17T22:30:00.000007+00:00 app[web.1]: ZeroDivisionError: division by zero",
    "2024-10-17T22:30:01.000000+00:00 app[web.1]: INFO: 10.1.1.1:0 - \"GET / HTTP/1.1\" 200",
];

#[test]
fn a_traceback_over_many_lines_is_one_error() {
    let mut store = LogStore::new(100);
    let mut shown = Vec::new();
    for line in TRACEBACK {
        shown.extend(store.push(line.as_bytes()));
    }
    assert_eq!(shown.len(), 3, "router line, traceback, next line");
    let tb = shown.iter().find(|e| e.traceback.is_some()).unwrap();
    let t = tb.traceback.as_ref().unwrap();
    assert_eq!(t.exception, "ZeroDivisionError");
    assert_eq!(t.detail, "division by zero");
    assert_eq!(
        t.location.as_deref(),
        Some("survey/__init__.py:41 in before_next_page")
    );
    assert!(t.complete);
    assert_eq!(tb.line.raw.lines().count(), 6);
    assert_eq!(tb.line.level, Level::Error);
    let errors = store.errors().list();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].title,
        "ZeroDivisionError in survey/__init__.py:41 in before_next_page"
    );
}

#[test]
fn an_unfinished_traceback_is_still_shown() {
    let mut store = LogStore::new(100);
    store.push(TRACEBACK[0].as_bytes());
    store.push(TRACEBACK[2].as_bytes());
    let next = store.push(b"2024-10-17T22:30:02Z app[web.1]: Booting worker");
    assert_eq!(next.len(), 2);
    assert!(!next[0].traceback.as_ref().unwrap().complete);
    store.push(TRACEBACK[0].as_bytes());
    assert_eq!(store.flush().len(), 1);
}

#[test]
fn filters_and_search() {
    let mut store = LogStore::new(100);
    for line in TRACEBACK {
        store.push(line.as_bytes());
    }
    store.push(b"2024-10-17T22:31:00Z heroku[router]: at=error code=H14 desc=\"No web processes running\" method=GET path=\"/\" host=x fwd=\"1.1.1.1\" dyno= connect= service= status=503 bytes=");
    store.push(
        b"2024-10-17T22:31:01Z app[api]: Scaled to web@1:Basic by user researcher@example.org",
    );
    let count = |f: Filter| store.count(&f);
    assert_eq!(count(Filter::default()), 5);
    assert_eq!(
        count(Filter {
            errors_only: true,
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            sources: vec![Source::Router],
            ..Filter::default()
        }),
        2
    );
    assert_eq!(
        count(Filter {
            sources: vec![Source::Api],
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            dyno: Some("web".into()),
            ..Filter::default()
        }),
        3,
        "web.1 lines and the router line for web.2"
    );
    assert_eq!(
        count(Filter {
            dyno: Some("web.2".into()),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            text: "zerodivision".into(),
            ..Filter::default()
        }),
        1
    );
    assert_eq!(
        count(Filter {
            text: "NO WEB".into(),
            ..Filter::default()
        }),
        1
    );
    let h14 = store.query(
        &Filter {
            text: "H14".into(),
            ..Filter::default()
        },
        10,
    );
    assert_eq!(
        h14[0].explanation.as_ref().unwrap().action,
        Some(Action::StartWebDyno)
    );
}

#[test]
fn the_ring_keeps_the_newest_lines_only() {
    let mut store = LogStore::new(1_000);
    for i in 0..5_000 {
        store.push(format!("2024-10-17T22:31:00Z app[web.1]: line {i}").as_bytes());
    }
    assert_eq!(store.len(), 1_000);
    let all = store.query(&Filter::default(), 10);
    assert_eq!(all.last().unwrap().line.message(), "line 4999");
    assert_eq!(all.last().unwrap().seq, 5_000);
}

#[test]
fn a_replay_after_reconnect_shows_no_line_twice() {
    let mut store = LogStore::new(1_000);
    let lines: Vec<String> = (0..50)
        .map(|i| format!("2024-10-17T22:31:{:02}Z app[web.1]: line {i}", i % 60))
        .collect();
    for l in &lines[..40] {
        store.push(l.as_bytes());
    }
    store.reconnected();
    // The new session replays the last 20 lines it has, then goes on.
    let mut shown = 0;
    for l in &lines[20..] {
        shown += store.push(l.as_bytes()).len();
    }
    assert_eq!(shown, 10);
    assert_eq!(store.skipped(), 20);
    assert_eq!(store.len(), 50);
    // A line repeated later (not in a replay) is shown.
    assert_eq!(store.push(lines[49].as_bytes()).len(), 1);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_bytes_parse_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let line = parse(&bytes);
        prop_assert!(line.raw.len() <= bytes.len() * 3);
    }

    #[test]
    fn heroku_shaped_noise_parses_without_panic(
        stamp in "[0-9T:.+Z-]{0,40}",
        origin in "(app|heroku|x)?",
        dyno in "[a-z0-9.\\]\\[-]{0,12}",
        message in "[ a-zA-Z0-9=\"#._:/-]{0,200}",
    ) {
        let raw = format!("{stamp} {origin}[{dyno}]: {message}");
        let mut store = LogStore::new(10);
        store.push(raw.as_bytes());
        store.flush();
        let filter = Filter { text: message.chars().take(3).collect(), ..Filter::default() };
        let _ = store.query(&filter, 5);
    }
}
