//! Cancel in the middle, after the first bytes have arrived: a table export, a backup download
//! and oTree's files each stop, and nothing half-written is left under any name.

#[path = "support/pg.rs"]
mod pg;

mod common;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

use novaland_core::otree::download_participant_data;
use novaland_core::otree::export::DataOptions;
use novaland_core::postgres::backups::{self, BackupError};
use novaland_core::postgres::{export_tables, ExportError, ExportOptions};

const APP: &str = "novaland-study";

use common::files_below;

#[tokio::test]
async fn a_table_export_cancelled_mid_table_leaves_no_part_of_it() {
    let cluster = pg::PgCluster::start();
    let db = novaland_core::postgres::connect(&cluster.url())
        .await
        .unwrap();
    db.batch_execute(
        "CREATE TABLE a_small (x int); INSERT INTO a_small VALUES (1);
         CREATE TABLE b_big (note text);
         INSERT INTO b_big SELECT repeat(md5(g::text), 3000) FROM generate_series(1, 200) g;",
    )
    .await
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let cancel = AtomicBool::new(false);
    let mut bytes_when_cancelled = 0;
    let err = export_tables(
        &cluster.url(),
        out.path(),
        &ExportOptions::default(),
        &cancel,
        |p| {
            if p.table.contains("b_big") && !p.done && p.bytes > 0 {
                bytes_when_cancelled = p.bytes;
                cancel.store(true, Ordering::SeqCst);
            }
        },
    )
    .await
    .unwrap_err();
    assert!(matches!(err, ExportError::Cancelled), "{err:?}");
    assert!(bytes_when_cancelled > 0, "cancelled after bytes arrived");
    let names: Vec<String> = files_below(out.path())
        .iter()
        .map(|p| p.to_string_lossy().to_string())
        .collect();
    assert!(
        names
            .iter()
            .all(|n| !n.contains("b_big") && !n.ends_with(".part")),
        "the cancelled table left nothing: {names:?}"
    );
}

#[tokio::test]
async fn a_backup_download_cancelled_after_its_first_bytes_leaves_nothing() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let b003 = backups::list(&c, APP).await.unwrap().remove(0);
    let dir = tempfile::tempdir().unwrap();
    let cancel = AtomicBool::new(false);
    let mut received = 0;
    let err = backups::download(&c, APP, &b003, dir.path(), &cancel, |p| {
        received = p.received;
        cancel.store(true, Ordering::SeqCst);
    })
    .await
    .unwrap_err();
    assert!(matches!(err, BackupError::Cancelled), "{err:?}");
    assert!(received > 0 && received < b003.size, "{received}");
    assert_eq!(files_below(dir.path()), Vec::<PathBuf>::new());
}

#[tokio::test]
async fn otrees_files_cancelled_after_the_first_keep_only_whole_files() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let root = tempfile::tempdir().unwrap();
    let options = DataOptions::csv(Some(heroku_sim::study_url(sim.base_url(), APP)));
    let cancel = AtomicBool::new(false);
    let err = download_participant_data(&c, APP, root.path(), "s", &options, &cancel, |p| {
        if p.done == 1 {
            cancel.store(true, Ordering::SeqCst);
        }
    })
    .await
    .unwrap_err();
    assert_eq!(err.code(), "cancelled");
    let files = files_below(root.path());
    assert_eq!(
        files.len(),
        1,
        "the first file, whole; nothing of the second: {files:?}"
    );
    let first = std::fs::read_to_string(root.path().join(&files[0])).unwrap();
    assert!(
        first.starts_with('\u{feff}') && first.lines().count() == 7,
        "{}",
        first.lines().count()
    );
}
