//! The live log against the simulated Heroku: recent lines then new ones, in batches;
//! reopened after drops without a line twice or a gap; server-sent events on Fir apps; a
//! failing log session retried with its reason said.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use heroku_sim::{Fault, FaultAction, Sim};
use novaland_core::logs::{follow, FollowOptions, LogEvent, LogStore, Source};

const APP: &str = "novaland-study";

fn quick() -> FollowOptions {
    FollowOptions {
        backoff_first: Duration::from_millis(50),
        backoff_max: Duration::from_millis(400),
        ..FollowOptions::default()
    }
}

/// Follows the log for `run`, then stops; returns every event.
async fn watch(
    sim: &Sim,
    run: Duration,
    options: FollowOptions,
) -> (Vec<LogEvent>, Arc<Mutex<LogStore>>) {
    let client = common::client(sim);
    let store = Arc::new(Mutex::new(LogStore::new(100_000)));
    let stop = Arc::new(AtomicBool::new(false));
    let events = Arc::new(Mutex::new(Vec::new()));
    let task = {
        let (store, stop, events) = (store.clone(), stop.clone(), events.clone());
        tokio::spawn(async move {
            follow(&client, APP, store, &options, &stop, |e| {
                events.lock().unwrap().push(e)
            })
            .await;
        })
    };
    tokio::time::sleep(run).await;
    stop.store(true, Ordering::SeqCst);
    tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .expect("follow stops when asked")
        .unwrap();
    let events = events.lock().unwrap().clone();
    (events, store)
}

/// Every log line the events carried, one per raw line (a traceback counts each of its lines).
fn raw_lines(events: &[LogEvent]) -> Vec<String> {
    events
        .iter()
        .filter_map(|e| match e {
            LogEvent::Lines { entries } => Some(entries),
            _ => None,
        })
        .flatten()
        .flat_map(|e| e.line.raw.lines().map(String::from).collect::<Vec<_>>())
        .collect()
}

fn reconnects(events: &[LogEvent]) -> usize {
    events
        .iter()
        .filter(|e| matches!(e, LogEvent::Reconnecting { .. }))
        .count()
}

#[tokio::test]
async fn recent_lines_come_first_then_new_ones_in_batches() {
    let sim = common::practice().await;
    sim.set_log_rate(APP, 50.0);
    let (events, store) = watch(&sim, Duration::from_millis(1_500), quick()).await;
    assert!(matches!(
        events.first(),
        Some(LogEvent::Live { reconnects: 0 })
    ));
    assert!(matches!(events.last(), Some(LogEvent::Stopped)));
    let lines = raw_lines(&events);
    // 120 lines were already there, and about 75 more came while watching.
    assert!(lines.len() > 150, "{} lines", lines.len());
    let history = sim.log_history(APP);
    let first = history.iter().position(|l| *l == lines[0]).unwrap();
    assert_eq!(
        lines,
        history[first..first + lines.len()],
        "in order, none missing"
    );
    let store = store.lock().unwrap();
    assert!(store
        .entries()
        .any(|e| e.line.source == Source::Router && e.line.request.is_some()));
    assert!(
        store.entries().any(|e| e.line.sample.is_some()),
        "runtime metrics samples"
    );
}

#[tokio::test]
async fn a_dropped_stream_reopens_without_a_line_twice_or_a_gap() {
    let sim = common::practice().await;
    sim.set_log_rate(APP, 100.0);
    // Every session ends after 150 lines, as if the connection dropped.
    sim.drop_log_streams_after(Some(150));
    let options = FollowOptions {
        first_lines: 100,
        ..quick()
    };
    let (events, store) = watch(&sim, Duration::from_millis(3_000), options).await;
    assert!(
        reconnects(&events) >= 2,
        "{} reconnects",
        reconnects(&events)
    );
    let lines = raw_lines(&events);
    let mut unique = lines.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), lines.len(), "no line shown twice");
    let history = sim.log_history(APP);
    let first = history.iter().position(|l| *l == lines[0]).unwrap();
    assert_eq!(lines, history[first..first + lines.len()], "no gap either");
    assert!(
        store.lock().unwrap().skipped() > 0,
        "the replays were recognised"
    );
}

#[tokio::test]
async fn fir_apps_stream_server_sent_events() {
    let sim = common::practice().await;
    sim.edit(|s| s.apps[0].generation = "fir".into());
    sim.set_log_rate(APP, 50.0);
    let (events, _) = watch(&sim, Duration::from_millis(800), quick()).await;
    let lines = raw_lines(&events);
    assert!(lines.len() > 120);
    assert!(lines
        .iter()
        .all(|l| !l.starts_with("id:") && !l.starts_with("data:")));
    let history = sim.log_history(APP);
    assert!(lines.iter().all(|l| history.contains(l)));
}

#[tokio::test]
async fn a_failing_log_session_is_retried_and_the_reason_said() {
    let sim = common::practice().await;
    sim.inject(
        Fault::on(
            "POST",
            "/apps/novaland-study/log-sessions",
            FaultAction::status(503, "unavailable", "Logplex is unavailable."),
        )
        .times(2),
    );
    let (events, _) = watch(&sim, Duration::from_millis(1_500), quick()).await;
    let whys: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            LogEvent::Reconnecting { why, .. } => Some(why.as_str()),
            _ => None,
        })
        .collect();
    assert!(whys.len() >= 2, "{whys:?}");
    assert!(whys[0].contains("Heroku"), "{whys:?}");
    assert!(events
        .iter()
        .any(|e| matches!(e, LogEvent::Live { reconnects: 2 })));
    assert!(!raw_lines(&events).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_lines_a_second_arrive_in_a_few_batches() {
    let sim = common::practice().await;
    sim.set_log_rate(APP, 2_000.0);
    let (events, store) = watch(&sim, Duration::from_millis(2_000), FollowOptions::default()).await;
    let lines = raw_lines(&events);
    let batches = events
        .iter()
        .filter(|e| matches!(e, LogEvent::Lines { .. }))
        .count();
    assert!(lines.len() > 3_000, "{} lines", lines.len());
    assert!(batches <= 30, "{batches} batches for {} lines", lines.len());
    assert!(store.lock().unwrap().len() >= lines.len() / 2);
}
