//! "Download data" against a real oTree from PyPI (5.11.5 and 6.0.15) running on a throwaway
//! PostgreSQL: three participants play the test project through oTree's pages, then the files
//! Novaland writes must equal oTree's own export of that database, row for row and column for
//! column. Also: a wrong admin password, a server that is down, an address that is not oTree.

mod common;
#[path = "support/otree.rs"]
mod otree;
#[path = "support/pg.rs"]
mod pg;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use heroku_sim::Sim;
use novaland_core::otree::export::DataOptions;
use novaland_core::otree::{download_participant_data, OtreeError, ParticipantData};

const APP: &str = "novaland-study";

/// A CSV as rows of column → value. Columns are compared by name: oTree orders the
/// `session.config.*` columns differently from one process to the next.
struct Table {
    columns: Vec<String>,
    rows: Vec<BTreeMap<String, String>>,
}

fn read_table(path: &Path) -> Table {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let text = text.trim_start_matches('\u{feff}');
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let columns: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), columns.len(), "a short row in {}", path.display());
            columns
                .iter()
                .cloned()
                .zip(r.iter().map(String::from))
                .collect()
        })
        .collect();
    Table { columns, rows }
}

fn assert_same(ours: &Path, theirs: &Path) {
    let (a, b) = (read_table(ours), read_table(theirs));
    let not_config = |c: &&String| !c.starts_with("session.config.");
    let ordered = |t: &Table| {
        t.columns
            .iter()
            .filter(not_config)
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(ordered(&a), ordered(&b), "columns of {}", ours.display());
    let sorted = |t: &Table| {
        let mut c = t.columns.clone();
        c.sort();
        c
    };
    assert_eq!(sorted(&a), sorted(&b), "columns of {}", ours.display());
    assert_eq!(a.rows.len(), b.rows.len(), "rows of {}", ours.display());
    for (i, (x, y)) in a.rows.iter().zip(&b.rows).enumerate() {
        assert_eq!(x, y, "row {} of {}", i + 1, ours.display());
    }
}

/// Two chat messages, as oTree's chat widget stores them.
async fn add_chat(database_url: &str) {
    let db = novaland_core::postgres::connect(database_url)
        .await
        .unwrap();
    db.batch_execute(
        "INSERT INTO otree_chatmessage (channel, participant_id, nickname, body, timestamp)
         SELECT '1-guess-1', id, 'Player ' || id_in_session,
                'Wer rät 50? 🤔, \"quoted\"', 1795940000 + id_in_session
         FROM otree_participant WHERE id_in_session <= 2",
    )
    .await
    .unwrap();
}

async fn download(sim: &Sim, root: &Path, stamp: &str) -> Result<ParticipantData, OtreeError> {
    let client = common::client(sim);
    let cancel = AtomicBool::new(false);
    let mut steps = Vec::new();
    let result = download_participant_data(
        &client,
        APP,
        root,
        stamp,
        &DataOptions::default(),
        &cancel,
        |p| steps.push(p),
    )
    .await;
    if result.is_ok() {
        let last = steps.last().unwrap();
        assert_eq!(last.done, last.total, "progress ends complete");
        assert!(steps.windows(2).all(|w| w[0].done <= w[1].done));
    }
    result
}

/// The workbook beside the files has one sheet per CSV, in order, and every cell of it is
/// the CSV's field: numbers as numbers, times as Excel date-times, the rest as the same text.
fn check_workbook(data: &ParticipantData) {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let report = data.workbook.as_ref().expect("a workbook was made");
    assert_eq!(report.sheets, data.files.len());
    let mut book: Xlsx<_> = open_workbook(&report.path).expect("the workbook opens");
    let names = book.sheet_names().to_vec();
    assert_eq!(names.len(), data.files.len());
    let (mut numbers, mut times) = (0, 0);
    for (file, name) in data.files.iter().zip(&names) {
        assert!(
            file.file_name
                .starts_with(name.trim_end_matches(char::is_numeric).trim_end()),
            "{name} for {}",
            file.file_name
        );
        let range = book.worksheet_range(name).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(&file.path)
            .unwrap();
        let mut rows = 0;
        for (r, record) in reader.records().enumerate() {
            let record = record.unwrap();
            rows += 1;
            for (c, field) in record.iter().enumerate() {
                let field = if r == 0 {
                    field.trim_start_matches('\u{feff}')
                } else {
                    field
                };
                let got = range.get((r, c)).cloned().unwrap_or(Data::Empty);
                let ok = match (novaland_core::workbook::cell(field), &got) {
                    (_, Data::String(s)) if r == 0 => s == field,
                    (novaland_core::workbook::Cell::Empty, Data::Empty) => true,
                    (novaland_core::workbook::Cell::Number(n), Data::Float(f)) => n == *f,
                    (novaland_core::workbook::Cell::Number(n), Data::Int(i)) => n == *i as f64,
                    (novaland_core::workbook::Cell::Text(t), Data::String(s)) => &t == s,
                    (
                        novaland_core::workbook::Cell::DateTime(y, mo, d, h, mi, sec),
                        Data::DateTime(dt),
                    ) => {
                        let want = rust_xlsxwriter::ExcelDateTime::from_ymd(y, mo, d)
                            .unwrap()
                            .and_hms(h, mi, sec)
                            .unwrap()
                            .to_excel();
                        (want - dt.as_f64()).abs() < 1e-9
                    }
                    _ => false,
                };
                assert!(
                    ok,
                    "{} row {r} column {c}: the CSV says {field:?}, the sheet {got:?}",
                    file.file_name
                );
                numbers += usize::from(matches!(got, Data::Float(_) | Data::Int(_)));
                times += usize::from(matches!(got, Data::DateTime(_)));
            }
        }
        assert_eq!(
            range.height(),
            rows,
            "{}: every row is in the sheet",
            file.file_name
        );
        assert_eq!(rows as u64, file.rows + 1);
    }
    // oTree's files have payoffs and ids (numbers) and start times (date-times).
    assert!(
        numbers > 10 && times > 0,
        "{numbers} numbers, {times} times"
    );
}

/// Points the practice study's app at the oTree server with the given config vars.
fn aim(sim: &Sim, base_url: &str, vars: &[(&str, &str)]) {
    let base = base_url.to_string();
    sim.edit(|s| {
        let app = s.apps.iter_mut().find(|a| a.name == APP).unwrap();
        app.web_url = Some(base);
        app.config_vars.retain(|k, _| !k.starts_with("OTREE_"));
    });
    for (name, value) in vars {
        sim.set_config_var(APP, name, value);
    }
}

/// Aims the app at an oTree study in STUDY mode with this admin password and, when given, a
/// REST key.
fn aim_study(sim: &Sim, base_url: &str, password: &str, rest_key: Option<&str>) {
    let mut vars = vec![
        ("OTREE_ADMIN_PASSWORD", password),
        ("OTREE_AUTH_LEVEL", "STUDY"),
    ];
    vars.extend(rest_key.map(|key| ("OTREE_REST_KEY", key)));
    aim(sim, base_url, &vars);
}

/// Our files against oTree's: the same set, the same rows, and a byte-order mark on each.
fn check_against_reference(data: &ParticipantData, reference: &Path, expected_version: &str) {
    assert!(
        data.otree_version.starts_with(expected_version),
        "{}",
        data.otree_version
    );
    let kinds: Vec<(&str, Option<&str>)> = data
        .files
        .iter()
        .map(|f| (f.kind, f.app.as_deref()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("wide", None),
            // The Data page's order (alphabetical), not the session's app sequence.
            ("app", Some("guess")),
            ("app", Some("survey")),
            ("page_times", None),
            ("chat", None)
        ]
    );
    for file in &data.files {
        assert!(file.path.starts_with(&data.folder));
        let bytes = std::fs::read(&file.path).unwrap();
        assert_eq!(
            &bytes[..3],
            b"\xef\xbb\xbf",
            "{} starts with a BOM",
            file.file_name
        );
        assert_eq!(bytes.len() as u64, file.bytes);
        let theirs = match file.kind {
            "wide" => reference.join("wide.csv"),
            "app" => reference.join(format!("{}.csv", file.app.as_deref().unwrap())),
            "page_times" => reference.join("PageTimes.csv"),
            _ => reference.join("ChatMessages.csv"),
        };
        assert_same(&file.path, &theirs);
        assert_eq!(file.rows as usize, read_table(&theirs).rows.len());
    }
    let rows = |kind: &str| data.files.iter().find(|f| f.kind == kind).unwrap().rows;
    assert_eq!(rows("wide"), 3, "one row per participant");
    assert_eq!(rows("chat"), 2);
    // Every participant submitted Survey, Guess and Results twice, and passed two wait pages.
    assert!(
        rows("page_times") >= 3 * 6,
        "page times: {}",
        rows("page_times")
    );
    let survey = data
        .files
        .iter()
        .find(|f| f.app.as_deref() == Some("survey"));
    let survey = read_table(&survey.unwrap().path);
    let comments: Vec<&str> = survey
        .rows
        .iter()
        .map(|r| r["player.comment"].as_str())
        .collect();
    assert!(comments
        .iter()
        .any(|c| c.contains("Grüße aus Köln 🎉") && c.contains("\"quoted\"")));
}

/// A session played to the end on oTree `major`, with chat; returns the server and database.
async fn played(major: &str) -> Option<(pg::PgCluster, otree::OtreeServer)> {
    let Some(venv) = otree::venv(major) else {
        eprintln!("skipped: NOVALAND_OTREE_{major} is not set (scripts/test.sh sets it)");
        return None;
    };
    let cluster = pg::PgCluster::start();
    let server = otree::OtreeServer::start(&venv, &cluster.url());
    let session = server.create_session().await;
    server.play(&session);
    add_chat(&cluster.url()).await;
    Some((cluster, server))
}

#[tokio::test(flavor = "multi_thread")]
async fn otree5_export_over_the_websocket_matches_otrees_own() {
    let Some((_cluster, server)) = played("5").await else {
        return;
    };
    let sim = common::practice().await;
    let root = tempfile::tempdir().unwrap();

    // A wrong password first: a plain message, and no folder left behind.
    aim_study(&sim, &server.base_url, "not-the-password", None);
    let wrong = download(&sim, root.path(), "2026-11-29 10.00")
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), "login_failed", "{wrong:?}");
    assert!(wrong.plain().contains("OTREE_ADMIN_PASSWORD"));
    assert!(!root.path().join(APP).join("2026-11-29 10.00").exists());

    // No password at all, on a study that asks for one.
    aim(&sim, &server.base_url, &[("OTREE_AUTH_LEVEL", "STUDY")]);
    let missing = download(&sim, root.path(), "2026-11-29 10.00")
        .await
        .unwrap_err();
    assert_eq!(missing.code(), "no_admin_password", "{missing:?}");

    // The right password, no REST key: oTree 5's Data page route, the websocket.
    aim_study(&sim, &server.base_url, otree::ADMIN_PASSWORD, None);
    let data = download(&sim, root.path(), "2026-11-29 10.00")
        .await
        .unwrap();
    assert_eq!(data.folder, root.path().join(APP).join("2026-11-29 10.00"));
    assert!(data.files[0].file_name.starts_with("all_apps_wide_"));
    // oTree's export must come after ours: the page times it keeps in memory reach the
    // database only when someone exports them.
    let reference = tempfile::tempdir().unwrap();
    server.reference_export(reference.path());
    check_against_reference(&data, reference.path(), "5.x");
    check_workbook(&data);

    // The same minute again: a second folder, nothing overwritten.
    let again = download(&sim, root.path(), "2026-11-29 10.00")
        .await
        .unwrap();
    assert_eq!(
        again.folder,
        root.path().join(APP).join("2026-11-29 10.00 (2)")
    );
    assert!(data.files.iter().all(|f| f.path.exists()));
}

#[tokio::test(flavor = "multi_thread")]
async fn otree6_rest_key_routes_and_login_routes_match_otrees_own() {
    let Some((_cluster, server)) = played("6").await else {
        return;
    };
    let sim = common::practice().await;
    let root = tempfile::tempdir().unwrap();

    // With the REST key: the version from the REST API, files from /api/export_*.
    aim_study(
        &sim,
        &server.base_url,
        otree::ADMIN_PASSWORD,
        Some(otree::REST_KEY),
    );
    let keyed = download(&sim, root.path(), "2026-11-29 11.00")
        .await
        .unwrap();
    let reference = tempfile::tempdir().unwrap();
    server.reference_export(reference.path());
    check_against_reference(&keyed, reference.path(), "6.0.15");
    check_workbook(&keyed);
    assert!(keyed.files[0].file_name.starts_with("all_apps_wide-"));

    // Without it: the admin login, /ExportWide, the websocket for each app.
    aim_study(&sim, &server.base_url, otree::ADMIN_PASSWORD, None);
    let login = download(&sim, root.path(), "2026-11-29 11.05")
        .await
        .unwrap();
    check_against_reference(&login, reference.path(), "6.x");

    // A wrong REST key is named as such.
    aim_study(
        &sim,
        &server.base_url,
        otree::ADMIN_PASSWORD,
        Some("not-the-key"),
    );
    let refused = download(&sim, root.path(), "2026-11-29 11.10")
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "rest_key_refused", "{refused:?}");
}

#[tokio::test]
async fn a_study_server_that_is_down_is_named_and_nothing_is_written() {
    let sim = common::practice().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    aim(
        &sim,
        &format!("http://127.0.0.1:{port}/"),
        &[("OTREE_ADMIN_PASSWORD", "x")],
    );
    let root = tempfile::tempdir().unwrap();
    let error = download(&sim, root.path(), "2026-11-29 12.00")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "study_unreachable", "{error:?}");
    assert!(error.plain().contains("Download the database tables"));
    assert_eq!(std::fs::read_dir(root.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn an_address_that_is_not_otree_is_named() {
    let sim = common::practice().await;
    // The simulator itself answers 404 to /login and /export.
    let not_otree = format!("{}/not-a-study/", sim.base_url().trim_end_matches('/'));
    aim(&sim, &not_otree, &[("OTREE_ADMIN_PASSWORD", "x")]);
    let root = tempfile::tempdir().unwrap();
    let error = download(&sim, root.path(), "2026-11-29 12.00")
        .await
        .unwrap_err();
    assert_eq!(error.code(), "not_otree", "{error:?}");
}

/// Practice mode's study (the simulator's oTree 6 with a REST key): every file of oTree's Data
/// page with its rows; after `otree resetdb` the study has no data and says so.
#[tokio::test]
async fn the_practice_study_gives_otrees_files_until_it_is_reset() {
    let sim = common::practice().await;
    let client = common::client(&sim);
    let root = tempfile::tempdir().unwrap();
    let options = DataOptions::csv(Some(heroku_sim::study_url(sim.base_url(), APP)));
    let cancel = AtomicBool::new(false);
    let data = download_participant_data(&client, APP, root.path(), "s", &options, &cancel, |_| {})
        .await
        .unwrap();
    assert_eq!(data.otree_version, heroku_sim::STUDY_VERSION);
    let got: Vec<(&str, u64)> = data
        .files
        .iter()
        .map(|f| (f.file_name.as_str(), f.rows))
        .collect();
    let date = &data.files[0].file_name["all_apps_wide-".len()..];
    assert_eq!(
        got,
        vec![
            (format!("all_apps_wide-{date}").as_str(), 6),
            (format!("guess_two_thirds-{date}").as_str(), 18),
            (format!("payment_info-{date}").as_str(), 6),
            (format!("PageTimes-{date}").as_str(), 72),
            (format!("ChatMessages-{date}").as_str(), 3),
        ]
    );
    // The chat's umlauts and emoji arrive intact, after the byte-order mark.
    let chat = std::fs::read_to_string(&data.files[4].path).unwrap();
    assert!(chat.starts_with('\u{feff}') && chat.contains("Grüße! I will go with 20 😊"));

    // A cancelled download leaves nothing.
    cancel.store(true, std::sync::atomic::Ordering::SeqCst);
    let stopped =
        download_participant_data(&client, APP, root.path(), "t", &options, &cancel, |_| {})
            .await
            .unwrap_err();
    assert_eq!(stopped.code(), "cancelled");
    assert!(!root.path().join(APP).join("t").exists());

    // The pilot has crashed: Heroku's 503 is named as the app not running.
    let pilot = DataOptions {
        study_url: Some(heroku_sim::study_url(sim.base_url(), "novaland-pilot")),
        ..options.clone()
    };
    let cancel = AtomicBool::new(false);
    let down = download_participant_data(
        &client,
        "novaland-pilot",
        root.path(),
        "s",
        &pilot,
        &cancel,
        |_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(down.code(), "study_unreachable", "{down:?}");
    assert!(down.plain().contains("not running"));

    // resetdb in a one-off dyno empties the practice study, once its server (which holds the
    // database) is stopped, as Novaland's reset does.
    for process in ["web", "worker"] {
        novaland_core::heroku::formation::update(
            &client,
            APP,
            process,
            &serde_json::json!({ "quantity": 0 }),
        )
        .await
        .unwrap();
    }
    let dyno: serde_json::Value = client
        .post(
            &format!("apps/{APP}/dynos"),
            &serde_json::json!({"command": "otree resetdb --noinput"}),
        )
        .await
        .unwrap();
    assert!(dyno["name"].is_string());
    tokio::time::sleep(heroku_sim::RUN_TIME * 2).await;
    novaland_core::heroku::formation::update(
        &client,
        APP,
        "web",
        &serde_json::json!({ "quantity": 1 }),
    )
    .await
    .unwrap();
    let empty =
        download_participant_data(&client, APP, root.path(), "u", &options, &cancel, |_| {})
            .await
            .unwrap_err();
    assert_eq!(empty.code(), "no_data", "{empty:?}");
}
