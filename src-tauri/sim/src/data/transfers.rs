//! Heroku Postgres backups as the Data API shows them: transfers that progress over time,
//! public URLs that serve the archive's bytes (with `Range`, for resuming), and delete.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::{data_api_time, fake_uuid};
use crate::scenario::{AppSpec, BackupSpec, RestoreSpec};
use crate::state::{heroku_error, Shared};

type S = State<Arc<Shared>>;

/// How long a capture takes in the simulator.
pub const CAPTURE_TIME: Duration = Duration::from_millis(1500);

fn progress(b: &BackupSpec) -> (u64, bool) {
    match b.running_since {
        Some(since) => {
            let f = (since.elapsed().as_secs_f64() / CAPTURE_TIME.as_secs_f64()).min(1.0);
            ((b.size as f64 * f) as u64, f >= 1.0)
        }
        None => (b.size, true),
    }
}

/// What every transfer says, a backup's or a restore's; the caller adds its own fields.
struct TransferFacts<'a> {
    num: i64,
    from: (&'a str, &'a str),
    to: (&'a str, &'a str),
    bytes: (u64, u64),
    finished: bool,
    succeeded: bool,
    created_at: &'a str,
}

fn transfer_json(uuid: String, t: TransferFacts<'_>) -> Value {
    json!({
        "uuid": uuid,
        "num": t.num,
        "from_name": t.from.0,
        "from_type": t.from.1,
        "to_name": t.to.0,
        "to_type": t.to.1,
        "processed_bytes": t.bytes.0,
        "source_bytes": t.bytes.1,
        "succeeded": t.finished && t.succeeded,
        "warnings": 0,
        "created_at": data_api_time(t.created_at),
        "started_at": data_api_time(t.created_at),
        "finished_at": if t.finished { Value::from(data_api_time(t.created_at)) } else { Value::Null },
        "canceled_at": null,
        "deleted_at": null,
        "schedule": null,
        "logs": [],
    })
}

fn transfer(app: &AppSpec, b: &BackupSpec) -> Value {
    let (processed, finished) = progress(b);
    let db = app
        .addons
        .iter()
        .find(|a| Some(&a.name) == b.database.as_ref())
        .or_else(|| app.addons.iter().find(|a| a.service == "heroku-postgresql"));
    let from = db.map(|d| d.name.as_str()).unwrap_or("DATABASE");
    let mut json = transfer_json(
        fake_uuid("transfer", &format!("{}/{}", app.name, b.num)),
        TransferFacts {
            num: b.num,
            from: (from, "pg_dump"),
            to: ("BACKUP", "gof3r"),
            bytes: (processed, b.size),
            finished,
            succeeded: b.succeeded,
            created_at: &b.created_at,
        },
    );
    if b.scheduled {
        json["schedule"] = json!({ "uuid": fake_uuid("schedule", &app.name) });
    }
    // Where Heroku stores the dump; `pg:backups:restore` sends it back as `backup_url`
    // (heroku/cli `src/commands/pg/backups/restore.ts`).
    json["to_url"] = json!(to_url(app, b.num));
    json
}

/// A guess at the form: the CLI's fixtures show only `https://myurl`; Heroku's backups live in
/// S3 (the public URL it hands out is a signed S3 one), so an S3 address stands in here.
fn to_url(app: &AppSpec, num: i64) -> String {
    format!(
        "https://xfrtu.s3.amazonaws.com/{}/{}",
        fake_uuid("app", &app.name),
        fake_uuid("transfer", &format!("{}/{num}", app.name))
    )
}

/// A restore as the Data API lists it: from the backup's storage (gof3r) into the database.
fn restore_transfer(app: &AppSpec, r: &RestoreSpec) -> Value {
    let mut json = transfer_json(
        fake_uuid("restore", &format!("{}/{}", app.name, r.num)),
        TransferFacts {
            num: r.num,
            from: ("BACKUP", "gof3r"),
            to: (&r.database, "pg_restore"),
            bytes: (0, 0),
            finished: r.started.elapsed() >= CAPTURE_TIME,
            succeeded: true,
            created_at: &r.created_at,
        },
    );
    json["from_url"] = json!(to_url(app, r.backup));
    json
}

/// Backups and restores share one numbering, as the Data API's transfers do.
fn next_num(app: &AppSpec) -> i64 {
    let backups = app.backups.iter().map(|b| b.num);
    backups
        .chain(app.restores.iter().map(|r| r.num))
        .max()
        .unwrap_or(0)
        + 1
}

/// Puts the data of finished restores back: the practice study shows the backup's state.
fn settle_restores(app: &mut AppSpec) {
    for i in 0..app.restores.len() {
        let r = &app.restores[i];
        if r.applied || r.started.elapsed() < CAPTURE_TIME {
            continue;
        }
        let empty = app
            .backups
            .iter()
            .find(|b| b.num == r.backup)
            .is_some_and(|b| b.study_was_empty);
        app.study_emptied = empty;
        app.restores[i].applied = true;
    }
}

/// `POST /client/v11/databases/{db}/restores` `{backup_url}`: the CLI's fixture answers
/// `{from_name, num, uuid}` with 200; the whole transfer is sent here.
pub(crate) async fn restore(
    State(shared): S,
    Path(db): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = app_with_db(&mut scenario.apps, &db) else {
        return heroku_error(404, "not_found", "Couldn't find that database.");
    };
    let url = body["backup_url"].as_str().unwrap_or_default();
    let Some(backup) = app
        .backups
        .iter()
        .find(|b| !b.deleted && progress(b).1 && b.succeeded && to_url(app, b.num) == url)
    else {
        return heroku_error(
            422,
            "invalid_params",
            "backup_url is not a backup this database can be restored from.",
        );
    };
    let backup = backup.num;
    let database = app
        .addons
        .iter()
        .find(|x| x.name == db || fake_uuid("addon", &x.name) == db)
        .map(|x| x.name.clone())
        .unwrap_or_default();
    let num = next_num(app);
    app.restores.push(RestoreSpec {
        num,
        backup,
        database,
        created_at: crate::ids::now_utc(),
        started: Instant::now(),
        applied: false,
    });
    let r = app.restores.last().expect("just pushed");
    Json(restore_transfer(app, r)).into_response()
}

pub(crate) async fn list(State(shared): S, Path(app): Path<String>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    match crate::state::app_mut(&mut scenario, &app) {
        Some(a) => {
            settle_restores(a);
            let backups = a
                .backups
                .iter()
                .filter(|b| !b.deleted)
                .map(|b| transfer(a, b));
            let restores = a.restores.iter().map(|r| restore_transfer(a, r));
            Json(backups.chain(restores).collect::<Vec<_>>()).into_response()
        }
        None => heroku_error(404, "not_found", "Couldn't find that app."),
    }
}

/// One transfer by its number or its uuid: the official CLI follows a capture by the uuid
/// the POST answered (heroku/cli `src/lib/pg/backups.ts`, `wait`).
pub(crate) async fn one(State(shared): S, Path((app, id)): Path<(String, String)>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(a) = crate::state::app_mut(&mut scenario, &app) else {
        return heroku_error(404, "not_found", "Couldn't find that app.");
    };
    settle_restores(a);
    let named = |b: &BackupSpec| {
        b.num.to_string() == id || fake_uuid("transfer", &format!("{}/{}", a.name, b.num)) == id
    };
    let restore = |r: &&RestoreSpec| {
        r.num.to_string() == id || fake_uuid("restore", &format!("{}/{}", a.name, r.num)) == id
    };
    match a.backups.iter().find(|b| named(b) && !b.deleted) {
        Some(b) => Json(transfer(a, b)).into_response(),
        None => match a.restores.iter().find(restore) {
            Some(r) => Json(restore_transfer(a, r)).into_response(),
            None => heroku_error(404, "not_found", "Couldn't find that backup."),
        },
    }
}

pub(crate) async fn capture(State(shared): S, Path(db): Path<String>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let app = scenario.apps.iter_mut().find(|a| {
        a.addons.iter().any(|x| {
            x.service == "heroku-postgresql" && (x.name == db || fake_uuid("addon", &x.name) == db)
        })
    });
    let Some(app) = app else {
        return heroku_error(404, "not_found", "Couldn't find that database.");
    };
    // The backup is of the database the request names, not of whichever comes first.
    let target = app
        .addons
        .iter()
        .find(|x| {
            x.service == "heroku-postgresql" && (x.name == db || fake_uuid("addon", &x.name) == db)
        })
        .expect("the app was found by this database");
    let database = target.name.clone();
    let size = target
        .database
        .as_ref()
        .map(|d| d.num_bytes / 8)
        .filter(|n| *n > 0)
        .unwrap_or(2_000_000);
    let num = next_num(app);
    app.backups.push(BackupSpec {
        num,
        created_at: crate::ids::now_utc(),
        size,
        succeeded: true,
        scheduled: false,
        deleted: false,
        database: Some(database),
        archive_size: None,
        running_since: Some(Instant::now()),
        study_was_empty: app.study_emptied,
    });
    let b = app.backups.last().expect("just pushed");
    (StatusCode::CREATED, Json(transfer(app, b))).into_response()
}

pub(crate) async fn delete(State(shared): S, Path((app, num)): Path<(String, i64)>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(a) = crate::state::app_mut(&mut scenario, &app) else {
        return heroku_error(404, "not_found", "Couldn't find that app.");
    };
    let Some(i) = a.backups.iter().position(|b| b.num == num && !b.deleted) else {
        return heroku_error(404, "not_found", "Couldn't find that backup.");
    };
    a.backups[i].deleted = true;
    let body = transfer(a, &a.backups[i]);
    Json(body).into_response()
}

pub(crate) async fn public_url(
    State(shared): S,
    Path((app, num)): Path<(String, i64)>,
    headers: HeaderMap,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(a) = crate::state::app_mut(&mut scenario, &app) else {
        return heroku_error(404, "not_found", "Couldn't find that app.");
    };
    let Some(b) = a.backups.iter().find(|b| b.num == num && !b.deleted) else {
        return heroku_error(404, "not_found", "Couldn't find that backup.");
    };
    if !progress(b).1 {
        return heroku_error(422, "invalid_params", "The backup is still being captured.");
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let url = format!(
        "http://{host}/__sim/backups/{}/{num}?expires=3600&signature={}",
        a.name,
        &fake_uuid("sig", &a.name)[..8]
    );
    Json(json!({ "url": url, "expires_at": "2026-11-29T11:00:00Z" })).into_response()
}

/// The archive's bytes: a pg_dump header, then filler that depends on the position, so a
/// resumed download that joins at the wrong place would not match.
pub fn archive_bytes(app: &str, num: i64, size: u64) -> Vec<u8> {
    archive_of(None, app, num, size)
}

/// The archive of a backup taken of `database`: like pg_dump's custom format, whose header
/// names the database it was dumped from (pg_backup_archiver.c, WriteHead: `archdbname`), the
/// name follows the magic, so a test can tell which database a file on disk is of.
pub fn archive_of(database: Option<&str>, app: &str, num: i64, size: u64) -> Vec<u8> {
    let mut out = Vec::with_capacity(size as usize);
    out.extend_from_slice(b"PGDMP\x01\x0e\x00");
    if let Some(name) = database {
        out.extend_from_slice(format!("dbname={name}\n").as_bytes());
    }
    let seed = fake_uuid("archive", &format!("{app}/{num}")).into_bytes();
    let mut i = 0u64;
    while (out.len() as u64) < size {
        out.push(seed[(i % seed.len() as u64) as usize] ^ (i / 251) as u8);
        i += 1;
    }
    out.truncate(size as usize);
    out
}

/// The public URL itself: no Authorization (the URL is the secret); honours `Range: bytes=N-`.
pub(crate) async fn download(
    State(shared): S,
    Path((app, num)): Path<(String, i64)>,
    headers: HeaderMap,
) -> Response {
    let (size, database) = {
        let mut scenario = shared.scenario.lock().unwrap();
        let Some(a) = crate::state::app_mut(&mut scenario, &app) else {
            return StatusCode::NOT_FOUND.into_response();
        };
        match a.backups.iter().find(|b| b.num == num && !b.deleted) {
            Some(b) => (b.archive_size.unwrap_or(b.size), b.database.clone()),
            None => return StatusCode::NOT_FOUND.into_response(),
        }
    };
    let bytes = archive_of(database.as_deref(), &app, num, size);
    let start = headers
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("bytes="))
        .and_then(|v| v.strip_suffix('-'))
        .and_then(|v| v.parse::<usize>().ok());
    match start {
        Some(start) if start <= bytes.len() => (
            StatusCode::PARTIAL_CONTENT,
            [(
                header::CONTENT_RANGE,
                format!(
                    "bytes {start}-{}/{}",
                    bytes.len().saturating_sub(1),
                    bytes.len()
                ),
            )],
            bytes[start..].to_vec(),
        )
            .into_response(),
        Some(_) => StatusCode::RANGE_NOT_SATISFIABLE.into_response(),
        None => bytes.into_response(),
    }
}

fn app_with_db<'a>(apps: &'a mut [AppSpec], db: &str) -> Option<&'a mut AppSpec> {
    apps.iter_mut().find(|a| {
        a.addons.iter().any(|x| {
            x.service == "heroku-postgresql" && (x.name == db || fake_uuid("addon", &x.name) == db)
        })
    })
}

fn schedule_json(app: &AppSpec, s: &crate::scenario::ScheduleSpec) -> Value {
    json!({
        "uuid": fake_uuid("schedule", &app.name),
        "name": "DATABASE_URL",
        "hour": s.hour,
        "days": ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
        "timezone": s.timezone,
        "retain_weeks": 7,
        "retain_months": 0,
    })
}

pub(crate) async fn schedules(State(shared): S, Path(db): Path<String>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = app_with_db(&mut scenario.apps, &db) else {
        return heroku_error(404, "not_found", "Couldn't find that database.");
    };
    let list: Vec<Value> = app
        .backup_schedule
        .iter()
        .map(|s| schedule_json(app, s))
        .collect();
    Json(list).into_response()
}

pub(crate) async fn schedule(
    State(shared): S,
    Path(db): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let hour = body["hour"].as_u64().filter(|h| *h < 24);
    let timezone = body["timezone"].as_str().filter(|t| !t.is_empty());
    let (Some(hour), Some(timezone)) = (hour, timezone) else {
        return heroku_error(
            422,
            "invalid_params",
            "hour must be 0 to 23 and timezone must be set",
        );
    };
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = app_with_db(&mut scenario.apps, &db) else {
        return heroku_error(404, "not_found", "Couldn't find that database.");
    };
    let spec = crate::scenario::ScheduleSpec {
        hour: hour as u8,
        timezone: timezone.to_string(),
    };
    app.backup_schedule = Some(spec);
    // The CLI ignores this answer's body and its tests stub `.reply(201)` with none
    // (heroku/cli test/unit/commands/pg/backups/schedule.unit.test.ts): the strictest form.
    StatusCode::CREATED.into_response()
}

pub(crate) async fn unschedule(
    State(shared): S,
    Path((db, _uuid)): Path<(String, String)>,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = app_with_db(&mut scenario.apps, &db) else {
        return heroku_error(404, "not_found", "Couldn't find that database.");
    };
    // No body, as the CLI's stub `.reply(200)` (unschedule.unit.test.ts).
    match app.backup_schedule.take() {
        Some(_) => StatusCode::OK.into_response(),
        None => heroku_error(404, "not_found", "There is no backup schedule."),
    }
}
