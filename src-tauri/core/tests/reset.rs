//! The database reset against the simulated Heroku and a real PostgreSQL: a failing backup
//! leaves the data untouched; a successful run ends with a backup, the CSVs on disk and empty
//! tables, and the web dynos restarted.

#[path = "support/pg.rs"]
mod pg;

use std::path::Path;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use heroku_sim::{Fault, FaultAction, Scenario, Sim};
use novaland_core::heroku::HerokuClient;
use novaland_core::otree::export::DataOptions;
use novaland_core::postgres::reset::{reset, ResetError, ResetOptions, ResetReport, ResetStep};

/// Every database of the Data API (captures, restores, resets go below it).
const DATABASES: &str = "/client/v11/databases/*";

async fn seed(url: &str) {
    let db = novaland_core::postgres::connect(url).await.unwrap();
    db.batch_execute(
        "CREATE TABLE otree_participant (id serial PRIMARY KEY, code text);
         INSERT INTO otree_participant (code) SELECT 'p' || g FROM generate_series(1, 40) g;
         CREATE TABLE otree_session (id serial PRIMARY KEY, code text);
         INSERT INTO otree_session (code) VALUES ('s1');",
    )
    .await
    .unwrap();
}

async fn count(url: &str, table: &str) -> i64 {
    let db = novaland_core::postgres::connect(url).await.unwrap();
    db.query_one(&format!("SELECT count(*) FROM {table}"), &[])
        .await
        .unwrap()
        .get(0)
}

/// oTree's files come from the simulator's practice study (the app's herokuapp.com address is
/// not reachable from a test).
fn options(sim: &Sim) -> ResetOptions {
    ResetOptions {
        download_first: true,
        tables: true,
        otree_files: Some(DataOptions::csv(Some(heroku_sim::study_url(
            sim.base_url(),
            "novaland-study",
        )))),
        poll: Duration::from_millis(200),
        run_timeout: Duration::from_secs(20),
    }
}

/// The reset of the study into `root` with `opts`: its result and every step it reported,
/// as (step, state, detail).
async fn run(client: &HerokuClient, root: &Path, opts: &ResetOptions) -> (Reset, Vec<Step>) {
    let mut steps = vec![];
    let on_step = |s: ResetStep| steps.push((s.step, s.state, s.detail));
    let cancel = AtomicBool::new(false);
    let result = reset(client, APP, root, STAMP, opts, &cancel, on_step).await;
    (result, steps)
}

type Reset = Result<ResetReport, ResetError>;
type Step = (&'static str, &'static str, String);
const APP: &str = "novaland-study";
const STAMP: &str = "2026-11-29 10.00";

/// Only the step and state of each step.
fn states(steps: &[Step]) -> Vec<(&str, &str)> {
    steps
        .iter()
        .map(|(step, state, _)| (*step, *state))
        .collect()
}

/// The reset without its download step, for the tests that look at what comes after it.
async fn reset_only(sim: &Sim, client: &HerokuClient) -> Reset {
    let root = tempfile::tempdir().unwrap();
    let opts = ResetOptions {
        download_first: false,
        ..options(sim)
    };
    run(client, root.path(), &opts).await.0
}

async fn world(cluster: &pg::PgCluster) -> (Sim, HerokuClient) {
    seed(&cluster.url()).await;
    let sim = Sim::start(Scenario::practice()).await.unwrap();
    sim.set_config_var("novaland-study", "DATABASE_URL", &cluster.url());
    let client = HerokuClient::new(sim.base_url(), "practice-mode-key").unwrap();
    (sim, client)
}

#[tokio::test]
async fn a_failing_backup_resets_nothing() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    sim.fail("POST", DATABASES, 503, "unavailable", "backups are down");
    let root = tempfile::tempdir().unwrap();
    let (result, steps) = run(&client, root.path(), &options(&sim)).await;
    let err = result.unwrap_err();
    assert_eq!(err.code(), "backup_failed");
    assert!(err.plain().starts_with("Nothing was reset"));
    assert_eq!(
        states(&steps),
        [("backup", "running"), ("backup", "failed")]
    );
    assert_eq!(
        count(&cluster.url(), "otree_participant").await,
        40,
        "the data is untouched"
    );
    let mut runs = 0;
    sim.edit(|s| runs = s.apps[0].runs);
    assert_eq!(runs, 0, "no one-off dyno was started");
    assert!(
        !sim.exchanges()
            .iter()
            .any(|e| e.path.ends_with("/formations/web")),
        "nothing restarted"
    );
}

#[tokio::test]
async fn a_reset_keeps_a_backup_and_the_data_on_disk_then_empties_the_tables() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    let root = tempfile::tempdir().unwrap();
    let (result, steps) = run(&client, root.path(), &options(&sim)).await;
    let report = result.unwrap();
    assert_eq!(report.backup.name, "b004");
    assert!(report.backup.size > 0);
    let folder = report.downloaded.unwrap().folder;
    assert_eq!(
        folder,
        root.path().join("novaland-study/2026-11-29 10.00 tables")
    );
    let csv = std::fs::read_to_string(folder.join("otree_participant.csv")).unwrap();
    assert_eq!(csv.lines().count(), 41, "the 40 participants are on disk");
    let files = report.participant_data.unwrap();
    assert_eq!(
        files.folder,
        root.path().join("novaland-study/2026-11-29 10.00")
    );
    assert_eq!(files.files.len(), 5, "oTree's Data page files too");
    assert!(
        report.method.contains("otree resetdb --noinput"),
        "{}",
        report.method
    );
    assert_eq!(count(&cluster.url(), "otree_participant").await, 0);
    assert_eq!(count(&cluster.url(), "otree_session").await, 0);
    let mut ended = states(&steps);
    ended.retain(|(_, s)| *s != "running");
    assert_eq!(
        ended,
        [
            ("backup", "done"),
            ("download", "done"),
            ("reset", "done"),
            ("restart", "done")
        ]
    );
    let (mut output, mut restarts) = (vec![], 0);
    sim.edit(|s| {
        output = s.apps[0].run_output.clone();
        restarts = s.apps[0].restarts;
    });
    assert!(
        output
            .iter()
            .any(|l| l.ends_with("Process exited with status 0")),
        "{output:?}"
    );
    assert_eq!(restarts, 1);
}

#[tokio::test]
async fn apps_that_are_not_otree_use_the_data_api_reset() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    sim.edit(|s| {
        let app = &mut s.apps[0];
        app.config_vars.retain(|k, _| !k.starts_with("OTREE_"));
        for f in &mut app.formation {
            f.command = "gunicorn app:server".into();
        }
    });
    let report = reset_only(&sim, &client).await.unwrap();
    assert_eq!(report.method, "Heroku Postgres' reset");
    assert!(report.downloaded.is_none());
    assert_eq!(count(&cluster.url(), "otree_participant").await, 0);
    assert!(sim
        .exchanges()
        .iter()
        .any(|e| e.method == "PUT" && e.path.ends_with("/reset")));
}

#[tokio::test]
async fn a_failing_resetdb_is_reported_with_its_output() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    // The study's database cannot be reached from the dyno: resetdb exits with status 1.
    sim.set_config_var(
        "novaland-study",
        "DATABASE_URL",
        "postgres://nobody@127.0.0.1:9/none",
    );
    let err = reset_only(&sim, &client).await.unwrap_err();
    assert_eq!(err.code(), "command_failed");
    assert!(
        err.plain().contains("Process exited with status 1"),
        "{}",
        err.plain()
    );
    assert!(
        !sim.exchanges()
            .iter()
            .any(|e| e.path.ends_with("/formations/web")),
        "no restart after a failed reset"
    );
}

#[tokio::test]
async fn a_study_server_that_is_down_does_not_block_a_reset_whose_tables_are_saved() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let opts = ResetOptions {
        otree_files: Some(DataOptions::csv(Some(format!(
            "http://127.0.0.1:{closed}/"
        )))),
        ..options(&sim)
    };
    let root = tempfile::tempdir().unwrap();
    let (result, details) = run(&client, root.path(), &opts).await;
    let report = result.unwrap();
    assert!(report.participant_data.is_none());
    assert!(report.downloaded.is_some());
    let (_, _, said) = details
        .iter()
        .find(|(step, state, _)| *step == "download" && *state == "done")
        .unwrap();
    assert!(
        said.contains("oTree's files could not be fetched"),
        "{said}"
    );
    assert_eq!(count(&cluster.url(), "otree_participant").await, 0);
}

#[tokio::test]
async fn without_tables_a_study_server_that_is_down_stops_the_reset() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    let opts = ResetOptions {
        tables: false,
        otree_files: Some(DataOptions::csv(Some(heroku_sim::study_url(
            sim.base_url(),
            "novaland-pilot",
        )))),
        ..options(&sim)
    };
    let root = tempfile::tempdir().unwrap();
    let err = run(&client, root.path(), &opts).await.0.unwrap_err();
    assert_eq!(err.code(), "download_failed", "{err:?}");
    assert!(err.plain().starts_with("Nothing was reset"));
    assert_eq!(count(&cluster.url(), "otree_participant").await, 40);
}

/// oTree's resetdb waits while another process holds the database (the simulator's too):
/// the study is put behind maintenance and its dynos stopped for the reset, then brought back
/// exactly as they were; a one-off dyno refused with 409 right after a release is asked again.
#[tokio::test]
async fn the_study_is_stopped_for_resetdb_and_comes_back_exactly_as_it_was() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    sim.edit(|s| {
        let web = &mut s.apps[0].formation[0];
        web.quantity = 2;
        web.size = "Standard-1X".into();
    });
    sim.inject(
        Fault::on(
            "POST",
            "/apps/novaland-study/dynos",
            FaultAction::status(409, "conflict", "release isn't found yet"),
        )
        .times(1),
    );
    sim.clear_exchanges();
    let report = reset_only(&sim, &client).await.unwrap();
    assert!(report.method.contains("otree resetdb"), "{}", report.method);
    assert_eq!(count(&cluster.url(), "otree_participant").await, 0);

    // What each change did, read from Heroku's answers (the recorder keeps answers).
    let writes: Vec<String> = sim
        .exchanges()
        .into_iter()
        .filter(|e| e.method != "GET" && e.path.starts_with("/apps/"))
        .map(|e| {
            let body = e.body.unwrap_or_default();
            match (e.method.as_str(), e.path.as_str()) {
                ("PATCH", "/apps/novaland-study") => format!("maintenance {}", body["maintenance"]),
                ("PATCH", p) if p.contains("/formation/") => format!(
                    "{} {} x {}",
                    body["type"].as_str().unwrap_or("?"),
                    body["quantity"],
                    body["size"].as_str().unwrap_or("?")
                ),
                (m, p) => format!("{} {m} {p}", e.status),
            }
        })
        .collect();
    let at = |needle: &str| {
        writes
            .iter()
            .position(|w| w == needle)
            .unwrap_or_else(|| panic!("{needle} in {writes:#?}"))
    };
    let maintenance_on = at("maintenance true");
    let web_off = at("web 0 x Standard-1X");
    let worker_off = at("worker 0 x Basic");
    let refused = at("409 POST /apps/novaland-study/dynos");
    let started = at("201 POST /apps/novaland-study/dynos");
    let web_back = at("web 2 x Standard-1X");
    let worker_back = at("worker 1 x Basic");
    let maintenance_off = at("maintenance false");
    assert!(maintenance_on < web_off && web_off < refused && worker_off < refused);
    assert!(refused < started && started < web_back);
    assert!(web_back < maintenance_off && worker_back < maintenance_off);

    let (mut formation, mut maintenance) = (vec![], true);
    sim.edit(|s| {
        formation = s.apps[0]
            .formation
            .iter()
            .map(|f| (f.process_type.clone(), f.quantity, f.size.clone()))
            .collect();
        maintenance = s.apps[0].maintenance;
    });
    assert_eq!(
        formation,
        [
            ("web".to_string(), 2, "Standard-1X".to_string()),
            ("worker".to_string(), 1, "Basic".to_string())
        ]
    );
    assert!(!maintenance, "maintenance mode is over");
}

/// A resetdb that fails still brings the study back.
#[tokio::test]
async fn a_failing_resetdb_still_brings_the_study_back() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    // DATABASE_URL gone: the simulated resetdb exits with status 1.
    sim.edit(|s| {
        s.apps[0].config_vars.remove("DATABASE_URL");
    });
    let err = reset_only(&sim, &client).await.unwrap_err();
    assert_eq!(err.code(), "command_failed", "{}", err.plain());
    let (mut web, mut maintenance) = (0, true);
    sim.edit(|s| {
        web = s.apps[0].formation[0].quantity;
        maintenance = s.apps[0].maintenance;
    });
    assert_eq!((web, maintenance), (1, false));
}

/// On Fir a log session streams server-sent events and never ends, and the simulator (like
/// the strictest real service) does not filter by dyno: the reset reads the stream until its
/// own dyno's exit line, and another dyno's line (even `run.10011` beside `run.1001`) never
/// counts.
#[tokio::test]
async fn on_fir_the_output_is_read_from_the_stream_and_only_this_dynos_lines_count() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    sim.edit(|s| {
        s.apps[0].generation = "fir".into();
        // DATABASE_URL gone: the simulated resetdb exits with status 1.
        s.apps[0].config_vars.remove("DATABASE_URL");
    });
    let stamp = "2026-11-29T10:00:00.000000+00:00";
    sim.add_log_lines(
        "novaland-study",
        &[format!(
            "{stamp} heroku[run.10011]: Process exited with status 0"
        )],
    );
    let started = std::time::Instant::now();
    let err = reset_only(&sim, &client).await.unwrap_err();
    assert_eq!(err.code(), "command_failed", "{}", err.plain());
    let words = err.plain();
    assert!(
        words.contains("run.1001]: Process exited with status 1"),
        "{words}"
    );
    assert!(!words.contains("run.10011"), "{words}");
    assert!(
        started.elapsed() < Duration::from_secs(45),
        "the endless stream was not waited out (its deadline is 60 s)"
    );
}

/// The happy path on Fir: the same reset succeeds from the event stream.
#[tokio::test]
async fn on_fir_a_reset_succeeds_from_the_event_stream() {
    let cluster = pg::PgCluster::start();
    let (sim, client) = world(&cluster).await;
    sim.edit(|s| s.apps[0].generation = "fir".into());
    let report = reset_only(&sim, &client).await.unwrap();
    assert!(
        report
            .output
            .iter()
            .any(|l| l.ends_with("Process exited with status 0")),
        "{:?}",
        report.output
    );
    assert_eq!(count(&cluster.url(), "otree_participant").await, 0);
}
