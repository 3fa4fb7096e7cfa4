//! Every table to CSV with COPY against a real PostgreSQL: rows, quoting, newlines, UTF-8,
//! NULLs and huge cells survive a round trip through the csv crate; files appear whole or not.

#[path = "support/pg.rs"]
mod pg;

use std::sync::atomic::AtomicBool;

use novaland_core::postgres::{export_tables, ExportError, ExportOptions};

/// code, label, payoff, note
type Participant<'a> = (&'a str, Option<&'a str>, Option<f64>, Option<String>);

async fn seed(url: &str) {
    let client = novaland_core::postgres::connect(url).await.unwrap();
    client
        .batch_execute(
            "CREATE TABLE otree_participant (id serial PRIMARY KEY, code text, label text, payoff numeric, note text);
             CREATE SCHEMA lab;
             CREATE TABLE lab.\"Odd \"\"Name\"\"\" (x int);
             INSERT INTO lab.\"Odd \"\"Name\"\"\" VALUES (1), (2);
             CREATE TABLE empty_table (a int, b text);",
        )
        .await
        .unwrap();
    let huge = "x".repeat(2_000_000);
    let rows: Vec<Participant> = vec![
        (
            "p1",
            Some("Müller, Jürgen"),
            Some(12.5),
            Some("line one\nline two".into()),
        ),
        ("p2", Some("say \"hi\""), None, None),
        ("p3", Some("🎉 emoji ✓"), Some(0.0), Some(String::new())),
        ("p4", None, Some(-3.25), Some(huge)),
        (
            "p5",
            Some("trailing\r\nCRLF"),
            Some(1.0),
            Some("a,b;c\td".into()),
        ),
    ];
    for (code, label, payoff, note) in &rows {
        client
            .execute(
                "INSERT INTO otree_participant (code, label, payoff, note) VALUES ($1, $2, $3::float8::numeric, $4)",
                &[code, label, payoff, note],
            )
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn every_table_round_trips_through_csv() {
    let cluster = pg::PgCluster::start();
    seed(&cluster.url()).await;
    let out = tempfile::tempdir().unwrap();
    let mut seen = vec![];
    let reports = export_tables(
        &cluster.url(),
        out.path(),
        &ExportOptions::default(),
        &AtomicBool::new(false),
        |p| {
            if p.done {
                seen.push(p.table.clone())
            }
        },
    )
    .await
    .unwrap();
    let tables: Vec<_> = reports.iter().map(|r| r.table.as_str()).collect();
    assert_eq!(
        tables,
        ["lab.Odd \"Name\"", "empty_table", "otree_participant"],
        "by schema, then name"
    );
    assert_eq!(seen, tables, "progress names each table as it is done");
    let rows: Vec<u64> = reports.iter().map(|r| r.rows).collect();
    assert_eq!(rows, [2, 0, 5]);

    let file = out.path().join("otree_participant.csv");
    let raw = std::fs::read(&file).unwrap();
    assert!(
        raw.starts_with(b"\xEF\xBB\xBFid,code,label,payoff,note\n"),
        "Excel's BOM, then the header"
    );
    assert_eq!(
        raw.len() as u64 - 3,
        reports[2].bytes,
        "bytes in the manifest are the data's"
    );
    let mut reader = csv::Reader::from_path(&file).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 5);
    assert_eq!(&records[0][2], "Müller, Jürgen");
    assert_eq!(&records[0][4], "line one\nline two");
    assert_eq!(&records[1][2], "say \"hi\"");
    assert_eq!(&records[1][3], "", "NULL payoff");
    assert_eq!(&records[2][2], "🎉 emoji ✓");
    assert_eq!(records[3][4].len(), 2_000_000, "a 2 MB cell arrives whole");
    assert_eq!(&records[4][2], "trailing\r\nCRLF");
    assert_eq!(&records[4][4], "a,b;c\td");
    let text = String::from_utf8(raw).unwrap();
    assert!(
        text.contains("p3,🎉 emoji ✓,0,\"\"\n"),
        "an empty string is \"\", unlike NULL"
    );
    assert!(
        text.contains("p2,\"say \"\"hi\"\"\",,\n"),
        "NULL is an empty field"
    );

    let manifest = std::fs::read_to_string(out.path().join("manifest.csv")).unwrap();
    assert!(manifest.starts_with("table,rows,bytes,file\n"));
    assert!(manifest.contains("otree_participant,5,"));
    assert!(manifest.contains("\"lab.Odd \"\"Name\"\"\",2,"));
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty());
}

#[tokio::test]
async fn existing_files_are_never_overwritten_and_cancel_leaves_no_part() {
    let cluster = pg::PgCluster::start();
    seed(&cluster.url()).await;
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("otree_participant.csv"), "keep me").unwrap();
    let reports = export_tables(
        &cluster.url(),
        out.path(),
        &ExportOptions { excel_bom: false },
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(
        std::fs::read_to_string(out.path().join("otree_participant.csv")).unwrap(),
        "keep me"
    );
    assert!(reports[2].file.ends_with("otree_participant (2).csv"));

    let cancelled = tempfile::tempdir().unwrap();
    let err = export_tables(
        &cluster.url(),
        cancelled.path(),
        &ExportOptions::default(),
        &AtomicBool::new(true),
        |_| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(err, ExportError::Cancelled));
    let names: Vec<String> = std::fs::read_dir(cancelled.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.ends_with(".part") && n != "manifest.csv"),
        "{names:?}"
    );
}

#[tokio::test]
async fn a_wrong_password_or_host_is_explained_without_the_url() {
    let refused = |url: &'static str| async move {
        let options = ExportOptions::default();
        let cancel = AtomicBool::new(false);
        let to = std::path::Path::new("/tmp");
        export_tables(url, to, &options, &cancel, |_| {})
            .await
            .unwrap_err()
    };
    let err = refused("postgres://u:sekrit-pass@127.0.0.1:9/db").await;
    assert!(!format!("{err:?}").contains("sekrit-pass"));
    assert!(err.plain().contains("could not be reached"));
    let err = refused("not a url").await;
    assert!(err.plain().contains("not valid"));
}

#[tokio::test]
async fn download_reads_database_url_from_heroku_and_fills_a_dated_folder() {
    use heroku_sim::{Scenario, Sim};
    use novaland_core::heroku::HerokuClient;
    use novaland_core::postgres::{download_tables, DownloadError, Downloaded};

    /// Every table of `app` into `root`, nothing cancelled, progress unread.
    async fn tables(
        client: &HerokuClient,
        app: &str,
        root: &std::path::Path,
        stamp: &str,
    ) -> Result<Downloaded, DownloadError> {
        download_tables(client, app, root, stamp, &AtomicBool::new(false), |_| {}).await
    }

    let cluster = pg::PgCluster::start();
    seed(&cluster.url()).await;
    let sim = Sim::start(Scenario::practice()).await.unwrap();
    sim.set_config_var("novaland-study", "DATABASE_URL", &cluster.url());
    let client = HerokuClient::new(sim.base_url(), "practice-mode-key").unwrap();
    let root = tempfile::tempdir().unwrap();
    let done = tables(&client, "novaland-study", root.path(), "2026-11-29 10.15")
        .await
        .unwrap();
    assert_eq!(
        done.folder,
        root.path().join("novaland-study/2026-11-29 10.15")
    );
    assert!(done.folder.join("otree_participant.csv").exists());
    assert!(done.folder.join("manifest.csv").exists());
    assert_eq!(
        sim.exchanges()
            .iter()
            .filter(|e| e.path.ends_with("/config-vars"))
            .count(),
        1,
        "DATABASE_URL is read right before use"
    );

    let err = tables(&client, "econlab-public-goods", root.path(), "x")
        .await
        .unwrap_err();
    assert!(matches!(err, DownloadError::NoDatabase), "{err:?}");
    assert!(err.plain().contains("no database"));
    let err = download_tables(
        &client,
        "novaland-study",
        root.path(),
        "2026-11-29 10.16",
        &AtomicBool::new(true),
        |_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert!(
        !root.path().join("novaland-study/2026-11-29 10.16").exists(),
        "a cancelled download leaves no empty folder"
    );
}
