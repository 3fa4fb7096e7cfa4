//! Exports on the disks researchers really use, mounted for real: an exFAT USB stick (made with
//! mkfs.exfat, attached with losetup, mounted through exfat-fuse; it has no hard links) and a
//! full disk (a 1 MiB tmpfs). Needs root; scripts/test.sh runs it as root with
//! NOVALAND_FS_TESTS=1, where a missing tool fails the test instead of skipping it.

#[path = "support/pg.rs"]
mod pg;

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use novaland_core::files::PartFile;
use novaland_core::logs::save::save_lines;
use novaland_core::logs::LogStore;
use novaland_core::otree::download_participant_data;
use novaland_core::otree::export::DataOptions;
use novaland_core::postgres::backups::{self, BackupError};
use novaland_core::postgres::{export_tables, ExportError, ExportOptions};

const APP: &str = "novaland-study";

fn run(cmd: &str, args: &[&str]) -> String {
    let out = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{cmd}: {e}"));
    assert!(
        out.status.success(),
        "{cmd} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Whether this run may mount file systems; without NOVALAND_FS_TESTS the test says it skipped.
fn may_mount(test: &str) -> bool {
    if std::env::var("NOVALAND_FS_TESTS").as_deref() == Ok("1") {
        return true;
    }
    eprintln!("{test}: skipped (set NOVALAND_FS_TESTS=1 as root; scripts/test.sh does)");
    false
}

/// A mounted file system, unmounted (and its loop device detached) when dropped.
struct Mount {
    dir: tempfile::TempDir,
    loop_device: Option<String>,
    _image: Option<tempfile::TempDir>,
}

impl Mount {
    fn exfat() -> Mount {
        let image_dir = tempfile::tempdir().unwrap();
        let image = image_dir.path().join("stick.img");
        std::fs::File::create(&image)
            .unwrap()
            .set_len(64 << 20)
            .unwrap();
        run("mkfs.exfat", &[image.to_str().unwrap()]);
        let device = run("losetup", &["-f", "--show", image.to_str().unwrap()]);
        let dir = tempfile::tempdir().unwrap();
        run("mount.exfat-fuse", &[&device, dir.path().to_str().unwrap()]);
        Mount {
            dir,
            loop_device: Some(device),
            _image: Some(image_dir),
        }
    }

    fn full_tmpfs() -> Mount {
        let dir = tempfile::tempdir().unwrap();
        run(
            "mount",
            &[
                "-t",
                "tmpfs",
                "-o",
                "size=1m",
                "tmpfs",
                dir.path().to_str().unwrap(),
            ],
        );
        Mount {
            dir,
            loop_device: None,
            _image: None,
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
        if let Some(device) = &self.loop_device {
            let _ = Command::new("losetup").args(["-d", device]).status();
        }
    }
}

use common::files_below;

fn log_entries(n: usize) -> Vec<novaland_core::logs::LogEntry> {
    let mut store = LogStore::new(n + 10);
    let mut entries = vec![];
    for i in 0..n {
        let line = format!(
            "2026-11-29T10:00:00.000000+00:00 app[web.1]: line {i} {}",
            "x".repeat(200)
        );
        entries.extend(store.push(line.as_bytes()));
    }
    entries
}

#[tokio::test]
async fn every_export_lands_on_an_exfat_stick_without_hard_links() {
    if !may_mount("exfat") {
        return;
    }
    let stick = Mount::exfat();
    let root = stick.path();
    // What made every export fail before: exFAT (through FUSE) has no hard links.
    std::fs::write(root.join("probe"), "x").unwrap();
    assert!(std::fs::hard_link(root.join("probe"), root.join("probe2")).is_err());

    // The folder check when choosing a folder takes the same way as the exports.
    novaland_core::files::check_folder(root).unwrap();
    assert!(!root.join(".novaland-write-test").exists());

    // Part files take their name, never over an existing file.
    std::fs::write(root.join("data.csv"), "precious").unwrap();
    let mut part = PartFile::create(root.join("data.csv")).unwrap();
    std::io::Write::write_all(part.file(), b"new").unwrap();
    assert_eq!(part.finish().unwrap(), root.join("data (2).csv"));
    assert_eq!(
        std::fs::read_to_string(root.join("data.csv")).unwrap(),
        "precious"
    );
    assert_eq!(
        std::fs::read_to_string(root.join("data (2).csv")).unwrap(),
        "new"
    );

    // A backup download, oTree's files and a saved log.
    let sim = common::practice().await;
    let c = common::client(&sim);
    let cancel = AtomicBool::new(false);
    let b003 = backups::list(&c, APP).await.unwrap().remove(0);
    let dump = backups::download(&c, APP, &b003, root, &cancel, |_| {})
        .await
        .unwrap();
    assert_eq!(std::fs::metadata(&dump).unwrap().len(), b003.size);
    let options = DataOptions::csv(Some(heroku_sim::study_url(sim.base_url(), APP)));
    let data = download_participant_data(&c, APP, root, "s", &options, &cancel, |_| {})
        .await
        .unwrap();
    assert_eq!(data.files.len(), 5);
    assert!(data.files.iter().all(|f| f.path.exists()));
    let log = save_lines(&log_entries(10), root, APP, "s").unwrap();
    assert!(std::fs::read_to_string(log).unwrap().contains("line 9"));

    // Every table of a real PostgreSQL.
    let cluster = pg::PgCluster::start();
    let db = novaland_core::postgres::connect(&cluster.url())
        .await
        .unwrap();
    db.batch_execute("CREATE TABLE otree_participant (code text); INSERT INTO otree_participant VALUES ('p1'), ('p2');")
        .await
        .unwrap();
    let tables = root.join("tables");
    std::fs::create_dir(&tables).unwrap();
    let reports = export_tables(
        &cluster.url(),
        &tables,
        &ExportOptions::default(),
        &cancel,
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(reports.len(), 1);
    assert!(
        std::fs::read_to_string(tables.join("otree_participant.csv"))
            .unwrap()
            .contains("p2")
    );
    let left: Vec<_> = files_below(root)
        .into_iter()
        .filter(|p| p.to_string_lossy().ends_with(".part"))
        .collect();
    assert!(left.is_empty(), "no part file stays behind: {left:?}");
}

#[tokio::test]
async fn a_full_disk_is_said_and_leaves_nothing_under_a_final_name() {
    if !may_mount("full disk") {
        return;
    }
    let disk = Mount::full_tmpfs();
    let root = disk.path();
    let sim = common::practice().await;
    let c = common::client(&sim);
    let cancel = AtomicBool::new(false);

    // A backup larger than the disk.
    let b003 = backups::list(&c, APP).await.unwrap().remove(0);
    assert!(b003.size > 1 << 20);
    let err = backups::download(&c, APP, &b003, root, &cancel, |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, BackupError::DiskFull), "{err:?}");
    assert!(
        err.plain().starts_with("The disk is full"),
        "{}",
        err.plain()
    );
    assert_eq!(files_below(root), Vec::<PathBuf>::new());

    // The rest on a disk filled up to the last few kilobytes.
    let filler = root.join("filler");
    let mut f = std::fs::File::create(&filler).unwrap();
    let block = vec![0u8; 4096];
    while std::io::Write::write_all(&mut f, &block).is_ok() {}
    drop(f);
    let before = files_below(root);

    let options = DataOptions::csv(Some(heroku_sim::study_url(sim.base_url(), APP)));
    let err = download_participant_data(&c, APP, root, "s", &options, &cancel, |_| {})
        .await
        .unwrap_err();
    assert_eq!(err.code(), "disk_full", "{}", err.plain());
    assert!(err.plain().starts_with("The disk is full"));

    let err = save_lines(&log_entries(2_000), root, APP, "s").unwrap_err();
    assert!(
        novaland_core::files::write_problem(&err).starts_with("the disk is full"),
        "{err}"
    );

    let cluster = pg::PgCluster::start();
    let db = novaland_core::postgres::connect(&cluster.url())
        .await
        .unwrap();
    db.batch_execute("CREATE TABLE otree_participant (note text); INSERT INTO otree_participant SELECT repeat('x', 100000) FROM generate_series(1, 30);")
        .await
        .unwrap();
    let err = export_tables(
        &cluster.url(),
        root,
        &ExportOptions::default(),
        &cancel,
        |_| {},
    )
    .await
    .unwrap_err();
    assert!(matches!(err, ExportError::DiskFull), "{err:?}");

    // Folders may stay (empty); no file but the filler.
    assert_eq!(
        files_below(root),
        before,
        "nothing under a final name, no part file"
    );
}
