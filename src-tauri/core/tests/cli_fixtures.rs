//! Answers recorded in the official Heroku CLI's own tests (nock stubs in heroku/cli's test/
//! folder, commit c5fbf4b of 2026-08-04), replayed to Novaland's client word for word.
//!
//! heroku-sim and Novaland were written together; these bodies were not. They are thinner than
//! the schema (fields missing, times in another format, no content type on a log stream), which
//! is what a client must survive. Each test names the file its answer comes from.

mod common;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use common::*;
use heroku_sim::{fake_uuid, Fault, FaultAction, Sim};
use novaland_core::logs::{follow, FollowOptions, LogEvent, LogStore};
use novaland_core::postgres::{backups, health};

const APP: &str = "novaland-study";

/// The Data API id of the practice study's database.
fn database_id() -> String {
    fake_uuid("addon", "postgresql-curly-41873")
}

/// Makes the simulator answer `method path` once with this recorded answer.
fn replay(
    sim: &Sim,
    method: &str,
    path: &str,
    status: u16,
    body: &str,
    content_type: Option<&str>,
) {
    sim.inject(
        Fault::new(
            Some(method),
            path,
            FaultAction::Replay {
                status,
                body: body.to_string(),
                content_type: content_type.map(str::to_string),
            },
        )
        .times(1),
    );
}

const JSON: Option<&str> = Some("application/json");

/// The Data API's answer about the practice study's database, once.
fn replay_database_info(sim: &Sim, status: u16, body: &str, content_type: Option<&str>) {
    let path = format!("/client/v11/databases/{}", database_id());
    replay(sim, "GET", &path, status, body, content_type);
}

/// test/unit/commands/pg/info.unit.test.ts, "with 2 dbs": a database answer with neither plan
/// nor figures, only info lines (one of them empty, one to resolve to a database name).
#[tokio::test]
async fn pg_info_answer_with_only_info_lines() {
    let sim = practice().await;
    replay_database_info(
        &sim,
        200,
        r#"{"info":[{"name":"Plan","values":["Hobby-dev"]},{"name":"Empty","values":[]},{"name":"Following","resolve_db_name":true,"values":["postgres://ec2-54-111-111-1.compute-1.amazonaws.com:5452/dxxxxxxxxxxxx"]}],"resource_url":"postgres://uxxxxxxxxx:pxxxxxxxx@ec2-54-111-111-1.compute-1.amazonaws.com:5452/dxxxxxxxxxxxx"}"#,
        JSON,
    );
    let dbs = health(&client(&sim), APP).await.unwrap();
    let db = &dbs[0];
    assert_eq!(db.addon, "postgresql-curly-41873");
    // The plan is the add-on's, which is certain; the limit follows from it.
    assert_eq!(db.plan, "heroku-postgresql:essential-0");
    assert_eq!(db.limit_bytes, Some(1_000_000_000));
    assert_eq!((db.status.as_str(), db.num_bytes), ("unknown", 0));
}

/// test/unit/commands/pg/info.unit.test.ts, "shows warning for 404": a database the Data API
/// does not know yet is "not yet provisioned", and the others are still shown.
#[tokio::test]
async fn pg_info_404_is_a_database_not_yet_provisioned() {
    let sim = practice().await;
    replay_database_info(&sim, 404, "", None);
    let dbs = health(&client(&sim), APP).await.unwrap();
    assert_eq!(dbs[0].status, "not yet provisioned");
    assert_eq!(dbs[0].addon, "postgresql-curly-41873");
}

/// test/unit/commands/pg/backups/index.unit.test.ts, "with backups": transfers with times as
/// `2016-10-01 00:42:54 +0000`, some without `succeeded`, `finished_at` or `uuid`.
#[tokio::test]
async fn pg_backups_list_of_thin_transfers() {
    let sim = practice().await;
    replay(
        &sim,
        "GET",
        &format!("/client/v11/apps/{APP}/transfers"),
        200,
        r#"[
 {"created_at":"2016-10-01 00:42:54 +0000","finished_at":"2016-10-08 00:43:00 +0000","from_name":"DATABASE","from_type":"pg_dump","num":3,"processed_bytes":1437,"succeeded":true,"to_type":"gof3r","updated_at":"2016-10-08 00:43:04 +0000","warnings":2},
 {"created_at":"2016-10-02 00:42:54 +0000","finished_at":"2016-10-08 00:43:00 +0000","from_name":"DATABASE","from_type":"pg_dump","num":10,"processed_bytes":1437,"schedule":{"uuid":"5e5d5bc9-6aed-4ede-81b5-edf9341ee6d2"},"succeeded":true,"to_type":"gof3r","warnings":0},
 {"created_at":"2016-10-03 00:42:54 +0000","finished_at":"2016-10-08 00:43:00 +0000","from_name":"DATABASE","from_type":"pg_dump","num":4,"processed_bytes":1437,"to_type":"gof3r"},
 {"created_at":"2016-10-04 00:42:54 +0000","from_name":"DATABASE","from_type":"pg_dump","num":5,"processed_bytes":1437,"to_type":"gof3r"},
 {"created_at":"2016-10-05 00:42:54 +0000","from_name":"DATABASE","from_type":"pg_dump","num":6,"processed_bytes":1437,"started_at":"2016-10-08 00:42:54 +0000","to_type":"gof3r"}
]"#,
        JSON,
    );
    let list = backups::list(&client(&sim), APP).await.unwrap();
    let seen: Vec<(&str, &str, u64)> = list
        .iter()
        .map(|b| (b.name.as_str(), b.status.as_str(), b.size))
        .collect();
    // Newest first; a scheduled one is `a…`; finished without `succeeded` is a failure.
    assert_eq!(
        seen,
        [
            ("b006", "capturing", 1437),
            ("b005", "capturing", 1437),
            ("b004", "failed", 1437),
            ("a010", "succeeded", 1437),
            ("b003", "succeeded", 1437),
        ]
    );
    // The page's clock reads RFC 3339, not the Data API's own form.
    assert_eq!(list[4].created_at, "2016-10-01T00:42:54+00:00");
}

/// test/unit/commands/pg/backups/schedules.unit.test.ts, "shows schedule": `{hour, name,
/// timezone}` without a uuid.
#[tokio::test]
async fn pg_backups_schedule_listed_without_its_uuid() {
    let sim = practice().await;
    let path = format!("/client/v11/databases/{}/transfer-schedules", database_id());
    let listed = || {
        let body = r#"[{"hour":5,"name":"DATABASE_URL","timezone":"UTC"}]"#;
        replay(&sim, "GET", &path, 200, body, JSON)
    };
    listed();
    let s = backups::schedule(&client(&sim), APP)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (s.hour, s.timezone.as_deref(), s.uuid),
        (Some(5), Some("UTC"), None)
    );
    // Turning it off needs its uuid: said, and nothing is deleted.
    listed();
    let err = backups::unschedule(&client(&sim), APP).await.unwrap_err();
    assert_eq!(err.code(), "bad_answer", "{err}");
    assert!(!sim.exchanges().iter().any(|e| e.method == "DELETE"));
}

/// test/unit/commands/pg/backups/unschedule.unit.test.ts: `{name, uuid}` without an hour, and
/// the DELETE answered 200 with no body.
#[tokio::test]
async fn pg_backups_unschedule_of_a_schedule_without_its_hour() {
    let sim = practice().await;
    let path = format!("/client/v11/databases/{}/transfer-schedules", database_id());
    for _ in 0..2 {
        replay(
            &sim,
            "GET",
            &path,
            200,
            r#"[{"name":"DATABASE_URL","uuid":"100-001"}]"#,
            JSON,
        );
    }
    let c = client(&sim);
    let s = backups::schedule(&c, APP).await.unwrap().unwrap();
    assert_eq!((s.hour, s.uuid.as_deref()), (None, Some("100-001")));
    replay(&sim, "DELETE", &format!("{path}/100-001"), 200, "", None);
    backups::unschedule(&c, APP).await.unwrap();
    assert!(sim
        .exchanges()
        .iter()
        .any(|e| e.method == "DELETE" && e.path == format!("{path}/100-001") && e.status == 200));
}

/// test/unit/commands/pg/backups/schedule.unit.test.ts: the schedule POST answered `201` with
/// no body; the schedule is read back.
#[tokio::test]
async fn pg_backups_schedule_answered_without_a_body() {
    let sim = practice().await;
    replay(
        &sim,
        "POST",
        &format!("/client/v11/databases/{}/transfer-schedules", database_id()),
        201,
        "",
        None,
    );
    let s = backups::set_schedule(&client(&sim), APP, 2, "Europe/Berlin")
        .await
        .unwrap();
    assert_eq!(
        s.hour,
        Some(2),
        "the practice study's own schedule, read back"
    );
}

/// test/unit/commands/pg/reset.unit.test.ts: the reset PUT answered `200` with no body, and
/// (with extensions) with a JSON body that is not a database.
#[tokio::test]
async fn pg_reset_answered_without_a_body_or_with_any_json() {
    let sim = practice().await;
    let path = format!("/client/v11/databases/{}/reset", database_id());
    replay(&sim, "PUT", &path, 200, "", None);
    novaland_core::heroku::data::reset(&client(&sim), &database_id())
        .await
        .unwrap();
    replay(
        &sim,
        "PUT",
        &path,
        200,
        r#"{"message":"Reset in progress"}"#,
        JSON,
    );
    novaland_core::heroku::data::reset(&client(&sim), &database_id())
        .await
        .unwrap();
}

/// test/unit/commands/run/index.unit.test.ts: the one-off dyno as `POST /apps/{app}/dynos`
/// answers it (a rendezvous attach URL, size in lower case).
#[tokio::test]
async fn run_one_off_dyno_answer() {
    let sim = practice().await;
    replay(
        &sim,
        "POST",
        &format!("/apps/{APP}/dynos"),
        201,
        r#"{"attach_url":"rendezvous://rendezvous.runtime.heroku.com:5000","command":"echo test","created_at":"2020-01-01T00:00:00Z","id":"12345678-1234-1234-1234-123456789012","name":"run.1234","size":"basic","state":"starting","type":"run","updated_at":"2020-01-01T00:00:00Z"}"#,
        JSON,
    );
    let dyno = novaland_core::heroku::dynos::create(
        &client(&sim),
        APP,
        &serde_json::json!({ "command": "echo test", "attach": false }),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            dyno.name.as_str(),
            dyno.state.as_str(),
            dyno.process_type.as_str()
        ),
        ("run.1234", "starting", "run")
    );
}

/// test/unit/lib/run/log-displayer.unit.test.ts, "with a Cedar app, with tail option
/// disabled": the log session answered `200 {logplex_url}` only, and the log URL answering
/// server-sent events without a content type.
#[tokio::test]
async fn logs_session_and_an_event_stream_without_its_content_type() {
    let sim = practice().await;
    let stream = "/__sim/fixture/stream";
    replay(
        &sim,
        "POST",
        &format!("/apps/{APP}/log-sessions"),
        200,
        &format!(
            r#"{{"logplex_url":"{}{stream}?tail=false&token=s3kr3t"}}"#,
            sim.base_url()
        ),
        JSON,
    );
    replay(
        &sim,
        "GET",
        stream,
        200,
        "id: 1002\ndata: 2024-10-17T22:23:22.209776+00:00 app[web.1]: log line 1\n\n\n\nid: 1003\ndata: 2024-10-17T22:23:23.032789+00:00 app[web.1]: log line 2\n\n\n\n",
        None,
    );
    let store = Arc::new(Mutex::new(LogStore::new(1_000)));
    let stop = Arc::new(AtomicBool::new(false));
    let lines = Arc::new(Mutex::new(Vec::new()));
    let task = {
        let (c, store, stop, lines) = (client(&sim), store.clone(), stop.clone(), lines.clone());
        tokio::spawn(async move {
            let options = FollowOptions {
                backoff_first: Duration::from_millis(50),
                backoff_max: Duration::from_millis(200),
                ..FollowOptions::default()
            };
            follow(&c, APP, store, &options, &stop, |e| {
                if let LogEvent::Lines { entries } = e {
                    lines
                        .lock()
                        .unwrap()
                        .extend(entries.into_iter().map(|e| e.line.raw.to_string()));
                }
            })
            .await
        })
    };
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    while lines.lock().unwrap().len() < 2 && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.store(true, Ordering::SeqCst);
    task.await.unwrap();
    assert_eq!(
        *lines.lock().unwrap(),
        [
            "2024-10-17T22:23:22.209776+00:00 app[web.1]: log line 1",
            "2024-10-17T22:23:23.032789+00:00 app[web.1]: log line 2",
        ]
    );
}

/// `pg:backups:restore` (test/unit/commands/pg/backups/restore.unit.test.ts): the restore is
/// answered `{from_name, num, uuid}` and its poll `{finished_at, succeeded}`, nothing more.
#[tokio::test]
async fn pg_backups_restore_with_thin_answers() {
    use novaland_core::postgres::restore::{restore, RestoreOptions};
    let sim = practice().await;
    let db = database_id();
    replay(
        &sim,
        "POST",
        &format!("/client/v11/databases/{db}/restores"),
        200,
        r#"{"from_name": "DATABASE", "num": 5, "uuid": "100-001"}"#,
        JSON,
    );
    replay(
        &sim,
        "GET",
        &format!("/client/v11/apps/{APP}/transfers/100-001"),
        200,
        r#"{"finished_at": "101", "succeeded": true}"#,
        JSON,
    );
    let options = RestoreOptions {
        poll: Duration::from_millis(100),
        timeout: Duration::from_secs(20),
    };
    let report = restore(
        &client(&sim),
        APP,
        3,
        &options,
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(report.restored, "b003");
    assert!(sim
        .exchanges()
        .iter()
        .any(|e| e.path == format!("/client/v11/apps/{APP}/transfers/100-001")));
}
