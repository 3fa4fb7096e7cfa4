//! The live log: log sessions that replay an app's recent lines and then keep producing new,
//! realistic ones (router lines with statuses and times, oTree's own lines, runtime-metrics
//! samples, an H12 now and then, a Python traceback), as plain text on Cedar apps and
//! server-sent events on Fir apps. Tests can set the rate, add lines, and make every stream
//! drop after a number of lines to exercise reconnection.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use tokio::sync::broadcast;

use crate::ids::{fake_uuid, now_ms, stamp_micros};
use crate::scenario::AppSpec;
use crate::state::Shared;

/// Heroku keeps about 1,500 recent lines per app.
const HISTORY: usize = 1_500;
/// Lines Papertrail has from before Heroku's recent ones.
const ARCHIVED: usize = 3_000;
/// Lines an app has already logged when its first log session opens.
const SEEDED: usize = 120;
const TICK: Duration = Duration::from_millis(50);
/// Lines per second when nothing else is set: a study with a few participants.
const DEFAULT_RATE: f64 = 2.0;

struct AppLog {
    /// Older lines than Heroku keeps: what Papertrail still has (three days before `began`).
    /// Made when Papertrail is first asked: practice mode runs this simulator inside the app,
    /// and most practice sessions never search Papertrail (issue 16: practice mode's memory).
    archive: Option<Vec<String>>,
    /// When the app's log began here (its first log session or line).
    began: i64,
    history: VecDeque<String>,
    tx: broadcast::Sender<String>,
    maker: LineMaker,
    carry: f64,
}

/// Makes an app's lines: a reproducible random sequence and a line counter (request ids,
/// microseconds).
struct LineMaker {
    rng: u64,
    counter: u64,
}

/// Where the archive's line counter starts, so its request ids never equal the live log's.
const ARCHIVE_COUNTER: u64 = 1 << 40;

#[derive(Default)]
pub(crate) struct Hub {
    apps: Mutex<HashMap<String, AppLog>>,
    rates: Mutex<HashMap<String, f64>>,
    drop_after: Mutex<Option<usize>>,
}

impl Hub {
    fn with_app<T>(&self, spec: &AppSpec, f: impl FnOnce(&mut AppLog) -> T) -> T {
        let mut apps = self.apps.lock().unwrap();
        let log = apps.entry(spec.name.clone()).or_insert_with(|| {
            let (tx, _) = broadcast::channel(8_192);
            let now = now_ms();
            let mut log = AppLog {
                archive: None,
                began: now,
                history: VecDeque::with_capacity(HISTORY),
                tx,
                maker: LineMaker {
                    rng: seed(&spec.name),
                    counter: 0,
                },
                carry: 0.0,
            };
            for i in 0..SEEDED {
                let at = now - ((SEEDED - i) as i64) * 2_000;
                for line in next_lines(spec, &mut log.maker, at) {
                    log.push(line);
                }
            }
            log
        });
        f(log)
    }

    pub(crate) fn set_rate(&self, app: &str, per_second: f64) {
        self.rates
            .lock()
            .unwrap()
            .insert(app.to_string(), per_second.max(0.0));
    }

    pub(crate) fn set_drop_after(&self, lines: Option<usize>) {
        *self.drop_after.lock().unwrap() = lines;
    }

    /// Appends whole lines (as Heroku would send them) to an app's log.
    pub(crate) fn add(&self, spec: &AppSpec, lines: &[String]) {
        self.with_app(spec, |log| {
            for line in lines {
                log.push(line.clone());
            }
        });
    }

    /// Every line the app ever logged here, oldest first (Papertrail's view).
    pub(crate) fn everything(&self, spec: &AppSpec) -> Vec<String> {
        self.with_app(spec, |log| {
            let began = log.began;
            let archive = log
                .archive
                .get_or_insert_with(|| papertrail_archive(spec, began));
            archive.iter().chain(log.history.iter()).cloned().collect()
        })
    }

    pub(crate) fn history(&self, app: &str) -> Vec<String> {
        self.apps
            .lock()
            .unwrap()
            .get(app)
            .map(|l| l.history.iter().cloned().collect())
            .unwrap_or_default()
    }
}

impl AppLog {
    fn push(&mut self, line: String) {
        if self.history.len() == HISTORY {
            self.history.pop_front();
        }
        self.history.push_back(line.clone());
        let _ = self.tx.send(line);
    }
}

/// The three days of lines before `began` that Papertrail keeps, from their own random
/// sequence (so making them, whenever that is, never changes the live log's lines).
fn papertrail_archive(spec: &AppSpec, began: i64) -> Vec<String> {
    let mut maker = LineMaker {
        rng: seed(&format!("{}/papertrail", spec.name)),
        counter: ARCHIVE_COUNTER,
    };
    let start = began - 3 * 86_400_000;
    (0..ARCHIVED)
        .flat_map(|i| next_lines(spec, &mut maker, start + (i as i64) * 86_000))
        .collect()
}

impl LineMaker {
    fn random(&mut self) -> u64 {
        // xorshift64*: reproducible per app, no dependency.
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        self.rng.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.random() % n.max(1)
    }
}

fn seed(name: &str) -> u64 {
    let hex = fake_uuid("log", name).replace('-', "");
    u64::from_str_radix(&hex[..16], 16).unwrap_or(88_172_645_463_325_252) | 1
}

/// Keeps producing lines for every app that has had a log session, until the simulator stops.
pub(crate) fn spawn_generator(shared: Weak<Shared>) {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(TICK);
        loop {
            tick.tick().await;
            let Some(shared) = shared.upgrade() else {
                return;
            };
            generate(&shared);
        }
    });
}

fn generate(shared: &Shared) {
    let specs: Vec<AppSpec> = {
        let scenario = shared.scenario.lock().unwrap();
        let apps = shared.logs.apps.lock().unwrap();
        scenario
            .apps
            .iter()
            .filter(|a| apps.contains_key(&a.name))
            .cloned()
            .collect()
    };
    let rates = shared.logs.rates.lock().unwrap().clone();
    let now = now_ms();
    for spec in specs {
        let rate = rates.get(&spec.name).copied().unwrap_or(DEFAULT_RATE);
        shared.logs.with_app(&spec, |log| {
            log.carry += rate * TICK.as_secs_f64();
            let mut made = 0;
            while log.carry >= 1.0 {
                let lines = next_lines(&spec, &mut log.maker, now);
                log.carry -= lines.len().max(1) as f64;
                made += lines.len();
                for line in lines {
                    log.push(line);
                }
            }
            made
        });
    }
}

const PAGES: &[(&str, &str)] = &[
    ("survey", "Introduction"),
    ("survey", "Demographics"),
    ("public_goods", "Contribute"),
    ("public_goods", "ResultsWaitPage"),
    ("public_goods", "Results"),
    ("payment_info", "PaymentInfo"),
];

/// The next line(s) the app logs at `at_ms`, as its state makes them.
fn next_lines(spec: &AppSpec, log: &mut LineMaker, at_ms: i64) -> Vec<String> {
    log.counter += 1;
    let n = log.counter;
    // Micro-seconds from the counter keep every line distinct, as Heroku's are.
    let stamp = stamp_micros(at_ms, n % 1_000);
    let host = format!("{}.herokuapp.com", spec.name);
    let web = spec
        .formation
        .iter()
        .find(|f| f.process_type == "web")
        .map_or(0, |f| f.quantity);
    let crashed = spec.dynos.as_ref().is_some_and(|d| {
        d.iter()
            .any(|d| d.name.starts_with("web.") && d.state == "crashed")
    });
    let request_id = fake_uuid("request", &format!("{}/{n}", spec.name));
    let ip = format!("203.0.113.{}", 1 + log.below(250));
    let participant = format!("{:08x}", log.random() as u32);
    let (app, page) = PAGES[log.below(PAGES.len() as u64) as usize];
    let path = format!("/p/{participant}/{app}/{page}/{}", 1 + log.below(9));
    let router = |rest: String| format!("{stamp} heroku[router]: {rest}");

    if spec.maintenance {
        return vec![router(format!("at=error code=H80 desc=\"Maintenance mode\" method=GET path=\"{path}\" host={host} request_id={request_id} fwd=\"{ip}\" dyno= connect= service= status=503 bytes= protocol=https"))];
    }
    if web == 0 {
        return vec![router(format!("at=error code=H14 desc=\"No web processes running\" method=GET path=\"{path}\" host={host} request_id={request_id} fwd=\"{ip}\" dyno= connect= service= status=503 bytes= protocol=https"))];
    }
    if crashed {
        return match n % 8 {
            0 => vec![
                format!("{stamp} heroku[web.1]: State changed from starting to crashed"),
                format!("{stamp} heroku[web.1]: Process exited with status 1"),
            ],
            1 => traceback(&stamp, "web.1", "psycopg2.OperationalError", "could not connect to server: Connection refused", "otree/database.py", 88, "init_orm"),
            _ => vec![router(format!("at=error code=H10 desc=\"App crashed\" method=GET path=\"{path}\" host={host} request_id={request_id} fwd=\"{ip}\" dyno= connect= service= status=503 bytes= protocol=https"))],
        };
    }
    let dyno = format!("web.{}", 1 + log.below(web as u64));
    match log.below(1_000) {
        0..=2 => vec![router(format!("at=error code=H12 desc=\"Request timeout\" method=POST path=\"{path}\" host={host} request_id={request_id} fwd=\"{ip}\" dyno={dyno} connect=0ms service=30000ms status=503 bytes=0 protocol=https"))],
        3 => traceback(&stamp, &dyno, "KeyError", "'contribution'", "public_goods/__init__.py", 57, "set_payoffs"),
        4..=39 if spec.features.iter().any(|f| f == "log-runtime-metrics") => {
            let memory = 180.0 + log.below(300) as f64 + (n % 7) as f64 * 0.5;
            vec![
                format!("{stamp} heroku[{dyno}]: source={dyno} dyno=heroku.{}.{} sample#load_avg_1m={:.2} sample#load_avg_5m={:.2} sample#load_avg_15m={:.2}", 2_808_254, &request_id[..8], log.below(300) as f64 / 100.0, 0.8, 0.6),
                format!("{stamp} heroku[{dyno}]: source={dyno} dyno=heroku.{}.{} sample#memory_total={memory:.2}MB sample#memory_rss={memory:.2}MB sample#memory_cache=0.00MB sample#memory_swap=0.00MB sample#memory_pgpgin=348836pages sample#memory_pgpgout=343403pages sample#memory_quota=512.00MB", 2_808_254, &request_id[..8]),
            ]
        }
        40..=45 if memory_pressure(spec) => vec![format!("{stamp} heroku[{dyno}]: Error R14 (Memory quota exceeded)")],
        40..=399 => {
            let status = if log.below(10) == 0 { 302 } else { 200 };
            vec![format!("{stamp} app[{dyno}]: INFO:     {ip}:0 - \"GET {path} HTTP/1.1\" {status} {}", if status == 200 { "OK" } else { "Found" })]
        }
        _ => {
            let method = if log.below(3) == 0 { "POST" } else { "GET" };
            let status = if method == "POST" { 302 } else { 200 };
            let service = 4 + log.below(120) + if log.below(20) == 0 { 900 } else { 0 };
            vec![router(format!("at=info method={method} path=\"{path}\" host={host} request_id={request_id} fwd=\"{ip}\" dyno={dyno} connect=0ms service={service}ms status={status} bytes={} protocol=https", 900 + log.below(9_000)))]
        }
    }
}

/// Eco and Basic dynos have 512 MB: a study on them meets R14 now and then.
fn memory_pressure(spec: &AppSpec) -> bool {
    spec.formation
        .iter()
        .any(|f| f.process_type == "web" && matches!(f.size.as_str(), "Eco" | "eco"))
}

fn traceback(
    stamp: &str,
    dyno: &str,
    exception: &str,
    detail: &str,
    file: &str,
    line: u32,
    function: &str,
) -> Vec<String> {
    let app = |m: &str| format!("{stamp} app[{dyno}]: {m}");
    vec![
        app("ERROR:    Exception in ASGI application"),
        app("Traceback (most recent call last):"),
        app("  File \"/app/.heroku/python/lib/python3.11/site-packages/otree/views/abstract.py\", line 330, in post"),
        app("    return self._post()"),
        app(&format!("  File \"/app/{file}\", line {line}, in {function}")),
        app("    group.total = sum(p.contribution for p in players)"),
        app(&format!("{exception}: {detail}")),
    ]
}

/// `POST /apps/{app}/log-sessions` for the live log: the URL of a stream.
pub(crate) fn session_url(
    host: &str,
    app: &str,
    lines: u64,
    tail: bool,
    source: &str,
    events: bool,
) -> String {
    let id = fake_uuid(
        "log-session",
        &format!("{app}/{}", stamp_micros(now_ms(), 0)),
    );
    format!(
        "http://{host}/__sim/logs/{app}/live?lines={lines}&tail={tail}&source={source}&events={events}&srv={}",
        &id[..8]
    )
}

type S = State<Arc<Shared>>;

/// What a live logplex URL answers: the recent lines, then (with `tail`) new ones as they come.
pub(crate) async fn live(
    State(shared): S,
    Path(app): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let Some(spec) = shared.app_spec(&app) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let lines: usize = query
        .get("lines")
        .and_then(|l| l.parse().ok())
        .unwrap_or(100)
        .min(HISTORY);
    let tail = query.get("tail").is_some_and(|t| t == "true");
    let dyno = query.get("dyno").cloned().unwrap_or_default();
    let source = query.get("source").cloned().unwrap_or_default();
    let wanted = move |line: &str| {
        (dyno.is_empty() || line.contains(&format!("[{dyno}")))
            && (source.is_empty() || line.contains(&format!(" {source}[")))
    };
    let (recent, rx) = shared.logs.with_app(&spec, |log| {
        // Subscribe before copying the history, so no line falls between the two.
        let rx = log.tx.subscribe();
        let skip = log.history.len().saturating_sub(lines);
        let recent: VecDeque<String> = log.history.iter().skip(skip).cloned().collect();
        (recent, rx)
    });
    let recent: VecDeque<String> = recent.into_iter().filter(|l| wanted(l)).collect();
    // Server-sent events on Fir, and wherever the session was asked for them.
    let fir = spec.generation == "fir" || query.get("events").is_some_and(|e| e == "true");
    let limit = shared.logs.drop_after.lock().unwrap().unwrap_or(usize::MAX);
    let state = Stream {
        recent,
        rx: tail.then_some(rx),
        sent: 0,
        limit,
        fir,
        wanted: Box::new(wanted),
    };
    let body = futures_util::stream::unfold(state, |mut s| async move {
        let line = s.next_line().await?;
        s.sent += 1;
        let chunk = if s.fir {
            format!("id: {}\ndata: {line}\n\n", s.sent)
        } else {
            format!("{line}\n")
        };
        Some((Ok::<_, std::convert::Infallible>(chunk), s))
    });
    let content_type = if fir {
        "text/event-stream"
    } else {
        "text/plain; charset=utf-8"
    };
    (
        [(header::CONTENT_TYPE, content_type)],
        Body::from_stream(body),
    )
        .into_response()
}

struct Stream {
    recent: VecDeque<String>,
    rx: Option<broadcast::Receiver<String>>,
    sent: usize,
    limit: usize,
    fir: bool,
    wanted: Box<dyn Fn(&str) -> bool + Send>,
}

impl Stream {
    async fn next_line(&mut self) -> Option<String> {
        if self.sent >= self.limit {
            // The connection drops, as Heroku's does after ~15 idle minutes or a network blip.
            return None;
        }
        if let Some(line) = self.recent.pop_front() {
            return Some(line);
        }
        let rx = self.rx.as_mut()?;
        loop {
            match rx.recv().await {
                Ok(line) if (self.wanted)(&line) => return Some(line),
                Ok(_) => continue,
                Err(broadcast::error::RecvError::Lagged(missed)) => {
                    let stamp = stamp_micros(now_ms(), 0);
                    return Some(format!("{stamp} heroku[logplex]: Error L11 (Tail buffer overflow) -> This tail session dropped {missed} messages"));
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}
