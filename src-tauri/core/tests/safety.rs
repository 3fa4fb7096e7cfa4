//! Issue 11's defects, each pinned by a test that failed before its fix: the right database is
//! backed up, names from the page never reshape a Heroku path.

mod common;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use novaland_core::heroku::{self, HerokuError};
use novaland_core::postgres::backups::BackupError;
use novaland_core::postgres::reset::{self, ResetError, ResetOptions};
use novaland_core::resources::{addons, collaborators};

const STUDY: &str = "novaland-study";

fn is_postgres(a: &heroku::models::AddOn) -> bool {
    a.addon_service.name == "heroku-postgresql"
}

/// A second Heroku Postgres beside the study's (it gets HEROKU_POSTGRESQL_<COLOR>_URL).
async fn add_second_database(c: &heroku::HerokuClient) -> heroku::models::AddOn {
    addons::add(
        c,
        STUDY,
        "heroku-postgresql:essential-0",
        Duration::from_millis(200),
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn removing_a_second_database_saves_that_database_not_the_first() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let cancel = AtomicBool::new(false);
    let second = add_second_database(&c).await;
    let all = heroku::addons::list(&c, STUDY).await.unwrap();
    let first = all
        .iter()
        .find(|a| is_postgres(a) && a.config_vars.iter().any(|v| v == "DATABASE_URL"))
        .unwrap()
        .clone();
    assert_ne!(first.name, second.name);

    let root = tempfile::tempdir().unwrap();
    let removed = addons::remove(&c, STUDY, &second, root.path(), "s", &cancel, |_| {})
        .await
        .unwrap();
    let dump = std::fs::read(removed.backup_file.unwrap()).unwrap();
    let header = String::from_utf8_lossy(&dump[..120.min(dump.len())]).to_string();
    assert!(
        header.contains(&format!("dbname={}\n", second.name)),
        "the file on disk is the removed database's dump: {header:?}"
    );
    let left = heroku::addons::list(&c, STUDY).await.unwrap();
    assert!(left.iter().any(|a| a.id == first.id), "the first stays");
    assert!(
        !left.iter().any(|a| a.id == second.id),
        "the second is gone"
    );
}

#[tokio::test]
async fn a_reset_backs_up_the_database_url_database_and_refuses_without_one() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    // Two databases, and the one behind DATABASE_URL is the one oTree uses and resetdb wipes.
    let cancel = AtomicBool::new(false);
    add_second_database(&c).await;
    let db = novaland_core::postgres::backups::database_url_database(&c, STUDY)
        .await
        .unwrap();
    assert!(db.config_vars.iter().any(|v| v == "DATABASE_URL"));
    let backup = novaland_core::postgres::backups::capture(
        &c,
        STUDY,
        Duration::from_millis(100),
        &cancel,
        |_| {},
    )
    .await
    .unwrap();
    let transfers: Vec<serde_json::Value> = heroku::data::transfers_list(&c, STUDY).await.unwrap();
    let t = transfers.iter().find(|t| t["num"] == backup.num).unwrap();
    assert_eq!(t["from_name"], db.name.as_str());

    // No add-on carries DATABASE_URL any more: nothing is backed up, nothing is reset.
    sim.edit(|s| {
        for app in s.apps.iter_mut().filter(|a| a.name == STUDY) {
            for addon in app.addons.iter_mut() {
                addon.config_vars.retain(|v| v != "DATABASE_URL");
            }
        }
    });
    sim.clear_exchanges();
    let root = tempfile::tempdir().unwrap();
    let options = ResetOptions {
        tables: false,
        otree_files: None,
        poll: Duration::from_millis(50),
        ..ResetOptions::default()
    };
    let err = reset::reset(&c, STUDY, root.path(), "s", &options, &cancel, |_| {})
        .await
        .unwrap_err();
    assert!(
        matches!(err, ResetError::Backup(BackupError::NoDatabaseUrl)),
        "{err:?}"
    );
    assert!(err.plain().contains("DATABASE_URL"), "{}", err.plain());
    let writes: Vec<_> = sim
        .exchanges()
        .into_iter()
        .filter(|e| e.method != "GET")
        .collect();
    assert!(writes.is_empty(), "nothing was started: {writes:?}");
}

#[tokio::test]
async fn names_from_the_page_never_reshape_a_heroku_path() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    sim.clear_exchanges();
    for bad in ["victim?", "victim/../account", "Victim", "victim#x", ""] {
        let err = novaland_core::resources::formation::restart_all(&c, bad)
            .await
            .unwrap_err();
        assert!(matches!(err, HerokuError::BadName { .. }), "{bad}: {err:?}");
        assert_eq!(err.code(), "bad_app_name");
    }
    assert!(sim.exchanges().is_empty(), "no request left for a bad name");

    // Every other segment is percent-encoded: it stays one segment.
    let _ = collaborators::remove(&c, STUDY, "x/../../account?y=1").await;
    let paths: Vec<String> = sim.exchanges().into_iter().map(|e| e.path).collect();
    assert_eq!(
        paths,
        [format!(
            "/apps/{STUDY}/collaborators/x%2F..%2F..%2Faccount%3Fy%3D1"
        )]
    );
}

/// A bare HTTP server on loopback: records each request's first line and headers, answers
/// with what `answer(method, path)` gives (a whole HTTP response).
async fn tiny_server(
    answer: impl Fn(&str, &str) -> String + Send + Sync + 'static,
) -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = seen.clone();
    let answer = std::sync::Arc::new(answer);
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let (log, answer) = (log.clone(), answer.clone());
            tokio::spawn(async move {
                let mut buf = vec![0u8; 16384];
                let mut got = 0;
                while let Ok(n) = socket.read(&mut buf[got..]).await {
                    if n == 0 {
                        break;
                    }
                    got += n;
                    if buf[..got].windows(4).any(|w| w == b"\r\n\r\n") {
                        break;
                    }
                }
                let head = String::from_utf8_lossy(&buf[..got]).to_string();
                log.lock().unwrap().push(head.clone());
                let mut first = head.split_whitespace();
                let (method, path) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
                let _ = socket.write_all(answer(method, path).as_bytes()).await;
                let _ = socket.shutdown().await;
            });
        }
    });
    (format!("127.0.0.1:{port}"), seen)
}

#[tokio::test]
async fn the_study_client_never_follows_a_redirect_off_the_study_or_resends_the_password() {
    use novaland_core::otree::site::OtreeSite;
    // Somewhere else: must never hear from Novaland.
    let (elsewhere, elsewhere_seen) =
        tiny_server(|_, _| "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok".to_string()).await;
    let other = elsewhere.replace("127.0.0.1", "localhost");
    let (study, _) = tiny_server(move |method, path| {
        let location = match (method, path) {
            ("GET", "/api/otree_version") => format!("http://{other}/api/otree_version"),
            ("GET", "/login") => "/login-form".to_string(),
            ("GET", "/login-form") => {
                let body = r#"<form><input type="hidden" name="csrftoken" value="t1"></form>"#;
                return format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                );
            }
            // The password's POST bounced with 307: following would post it again.
            _ => format!("http://{other}/login"),
        };
        let status = if method == "POST" { "307 Temporary Redirect" } else { "302 Found" };
        format!("HTTP/1.1 {status}\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n")
    })
    .await;
    let site = OtreeSite::new(
        &format!("http://{study}/"),
        Some("rest-key-for-tests".into()),
    )
    .unwrap();
    assert_eq!(site.rest_version().await, None);
    let err = site
        .login("admin", "admin-password-for-tests")
        .await
        .unwrap_err();
    assert_ne!(err.code(), "cancelled");
    assert!(
        elsewhere_seen.lock().unwrap().is_empty(),
        "the REST key and the password stayed with the study: {:?}",
        elsewhere_seen.lock().unwrap()
    );
}
