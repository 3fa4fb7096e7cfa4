//! Backups through the Data API of the simulated Heroku: list, capture with progress, download
//! that resumes after a dropped connection and is checked against its size, delete.

mod common;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use common::*;
use heroku_sim::{archive_bytes, Fault, FaultAction};
use novaland_core::postgres::backups;

/// Every database of the Data API (captures, restores, resets go below it).
const DATABASES: &str = "/client/v11/databases/*";

/// The practice study's backups, newest first.
async fn listed(sim: &heroku_sim::Sim) -> Vec<backups::Backup> {
    backups::list(&client(sim), "novaland-study").await.unwrap()
}

/// A capture of `app`'s database polled every 50 ms, nothing cancelled, progress unread.
async fn capture(
    sim: &heroku_sim::Sim,
    app: &str,
) -> Result<backups::Backup, backups::BackupError> {
    let every = Duration::from_millis(50);
    backups::capture(&client(sim), app, every, &AtomicBool::new(false), |_| {}).await
}

/// "Download" as the page asks it: backup `num` of the practice study kept in a dated folder
/// below `root`, nothing cancelled, progress unread.
async fn save(
    c: &novaland_core::heroku::HerokuClient,
    num: i64,
    root: &std::path::Path,
    stamp: &str,
) -> Result<backups::SavedBackup, backups::BackupError> {
    backups::save(
        c,
        "novaland-study",
        num,
        root,
        stamp,
        &AtomicBool::new(false),
        |_| {},
    )
    .await
}

/// Downloads a backup of the practice study into `dir`, nothing cancelled, progress unread.
async fn download(
    c: &novaland_core::heroku::HerokuClient,
    backup: &backups::Backup,
    dir: &std::path::Path,
) -> Result<std::path::PathBuf, backups::BackupError> {
    backups::download(
        c,
        "novaland-study",
        backup,
        dir,
        &AtomicBool::new(false),
        |_| {},
    )
    .await
}

#[tokio::test]
async fn lists_backups_newest_first_with_heroku_names() {
    let sim = practice().await;
    let list = listed(&sim).await;
    let names: Vec<_> = list.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["b003", "a002", "b001"]);
    assert_eq!(
        (list[0].size, list[0].status.as_str()),
        (5_767_168, "succeeded")
    );
    assert!(backups::list(&client(&sim), "econlab-public-goods")
        .await
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn capture_reports_progress_until_heroku_says_it_succeeded() {
    let sim = practice().await;
    let c = client(&sim);
    let mut seen = vec![];
    let backup = backups::capture(
        &c,
        "novaland-study",
        Duration::from_millis(200),
        &AtomicBool::new(false),
        |p| seen.push(p.processed),
    )
    .await
    .unwrap();
    assert_eq!(backup.name, "b004");
    assert_eq!(backup.status, "succeeded");
    assert!(backup.size > 0);
    assert!(seen.len() >= 3, "several progress reports: {seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "progress only grows: {seen:?}"
    );
    assert_eq!(listed(&sim).await[0].name, "b004");

    let err = capture(&sim, "econlab-public-goods").await.unwrap_err();
    assert_eq!(err.code(), "no_database");
}

#[tokio::test]
async fn a_failing_capture_is_an_error() {
    let sim = practice().await;
    sim.fail("POST", DATABASES, 503, "unavailable", "capture failed");
    let err = capture(&sim, "novaland-study").await.unwrap_err();
    assert_eq!(err.code(), "heroku_failing");
    assert_eq!(listed(&sim).await.len(), 3, "no new backup");
}

#[tokio::test]
async fn download_resumes_after_a_dropped_connection_and_matches_byte_for_byte() {
    let sim = practice().await;
    let c = client(&sim);
    let b003 = listed(&sim).await.remove(0);
    sim.inject(Fault::on("GET", "/__sim/backups/*", FaultAction::DropConnection).times(2));
    let dir = tempfile::tempdir().unwrap();
    let mut last = 0;
    let path = backups::download(
        &c,
        "novaland-study",
        &b003,
        dir.path(),
        &AtomicBool::new(false),
        |p| last = p.received,
    )
    .await
    .unwrap();
    assert_eq!(path, dir.path().join("novaland-study-b003.dump"));
    let bytes = std::fs::read(&path).unwrap();
    assert_eq!(
        bytes,
        archive_bytes("novaland-study", 3, 5_767_168),
        "resumed at the right place"
    );
    assert_eq!(last, 5_767_168);
    let gets: Vec<_> = sim
        .exchanges()
        .into_iter()
        .filter(|e| e.path.starts_with("/__sim/"))
        .collect();
    assert_eq!(gets.len(), 3, "two broken, one resumed");

    // A second download never overwrites the first.
    let again = download(&c, &b003, dir.path()).await.unwrap();
    assert_eq!(again, dir.path().join("novaland-study-b003 (2).dump"));
}

#[tokio::test]
async fn a_download_that_keeps_breaking_leaves_nothing() {
    let sim = practice().await;
    let c = client(&sim);
    let b001 = listed(&sim).await.pop().unwrap();
    sim.fail("GET", "/__sim/backups/*", 500, "s3", "broken");
    let dir = tempfile::tempdir().unwrap();
    let err = download(&c, &b001, dir.path()).await.unwrap_err();
    assert_eq!(err.code(), "interrupted");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "no part file, no file"
    );
    let err = backups::download(
        &c,
        "novaland-study",
        &b001,
        dir.path(),
        &AtomicBool::new(true),
        |_| {},
    )
    .await;
    assert!(err.is_err());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn delete_removes_it_from_the_list() {
    let sim = practice().await;
    let c = client(&sim);
    backups::delete(&c, "novaland-study", 1).await.unwrap();
    let names: Vec<_> = listed(&sim).await.into_iter().map(|b| b.name).collect();
    assert_eq!(names, ["b003", "a002"]);
    let err = backups::delete(&c, "novaland-study", 1).await.unwrap_err();
    assert_eq!(err.code(), "not_found");
}

#[tokio::test]
async fn the_daily_schedule_turns_on_and_off() {
    let sim = practice().await;
    let c = client(&sim);
    let s = backups::schedule(&c, "novaland-study")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (s.hour, s.timezone.as_deref()),
        (Some(2), Some("Europe/Berlin"))
    );
    backups::unschedule(&c, "novaland-study").await.unwrap();
    assert_eq!(backups::schedule(&c, "novaland-study").await.unwrap(), None);
    assert_eq!(listed(&sim).await.len(), 3, "backups are kept");
    let s = backups::set_schedule(&c, "novaland-study", 23, "America/New_York")
        .await
        .unwrap();
    assert_eq!(s.hour, Some(23));
    assert_eq!(
        backups::schedule(&c, "novaland-study")
            .await
            .unwrap()
            .unwrap()
            .timezone
            .as_deref(),
        Some("America/New_York")
    );
    let err = backups::set_schedule(&c, "novaland-study", 24, "UTC")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_params");
    let err = backups::schedule(&c, "econlab-public-goods")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "no_database");
}

/// The stored archive can differ in size from Heroku's `processed_bytes`: the download's own
/// Content-Length decides whether the file is whole, so a good backup is not thrown away.
#[tokio::test]
async fn the_download_is_checked_against_its_own_size_not_processed_bytes() {
    let sim = practice().await;
    let c = client(&sim);
    sim.edit(|s| {
        let study = s
            .apps
            .iter_mut()
            .find(|a| a.name == "novaland-study")
            .unwrap();
        for b in study.backups.iter_mut() {
            b.archive_size = Some(b.size + 4_096);
        }
    });
    let b003 = listed(&sim).await.remove(0);
    let dir = tempfile::tempdir().unwrap();
    let path = download(&c, &b003, dir.path()).await.unwrap();
    assert_eq!(std::fs::metadata(&path).unwrap().len(), b003.size + 4_096);

    // "Download" as the page asks it: kept, in a dated folder, with the difference said.
    let saved = save(&c, 3, dir.path(), "2026-11-30 02.00").await.unwrap();
    assert!(saved.path.starts_with(dir.path().join("novaland-study")));
    let warning = saved.warning.expect("the difference is said");
    assert!(
        warning.contains("5,767,168 bytes")
            && warning.contains("5,771,264 bytes")
            && warning.contains("The file is complete"),
        "{warning}"
    );
    // A backup whose sizes agree says nothing.
    sim.edit(|s| {
        for b in s.apps[0].backups.iter_mut() {
            b.archive_size = None;
        }
    });
    let saved = save(&c, 3, dir.path(), "2026-11-30 02.01").await.unwrap();
    assert_eq!(saved.warning, None);
    let err = save(&c, 99, dir.path(), "2026-11-30 02.02")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "not_found");
}

mod restore {
    use super::*;
    use novaland_core::heroku;
    use novaland_core::postgres::restore::{restore, RestoreOptions, RestoreStep};

    fn quick() -> RestoreOptions {
        RestoreOptions {
            poll: Duration::from_millis(100),
            timeout: Duration::from_secs(20),
        }
    }

    async fn run(
        sim: &heroku_sim::Sim,
        num: i64,
    ) -> (
        Result<
            novaland_core::postgres::restore::RestoreReport,
            novaland_core::postgres::restore::RestoreError,
        >,
        Vec<RestoreStep>,
    ) {
        let mut steps = Vec::new();
        let result = restore(
            &client(sim),
            "novaland-study",
            num,
            &quick(),
            &AtomicBool::new(false),
            |s| steps.push(s),
        )
        .await;
        (result, steps)
    }

    fn maintenance_changes(sim: &heroku_sim::Sim) -> Vec<bool> {
        sim.exchanges()
            .iter()
            .filter(|e| e.method == "PATCH" && e.path == "/apps/novaland-study")
            .filter_map(|e| e.body.as_ref()?.get("maintenance")?.as_bool())
            .collect()
    }

    /// After a reset the study is empty; restoring the backup from before brings its data
    /// back, after a safety backup of the empty state, with maintenance on only meanwhile.
    #[tokio::test]
    async fn a_backup_is_put_back_after_a_safety_backup() {
        let sim = practice().await;
        sim.edit(|s| s.apps[0].study_emptied = true);
        let before = listed(&sim).await;
        let (result, steps) = run(&sim, 3).await;
        let report = result.unwrap();
        assert_eq!(report.restored, "b003");
        let done: Vec<&str> = steps
            .iter()
            .filter(|s| s.state == "done")
            .map(|s| s.step)
            .collect();
        assert_eq!(done, ["backup", "maintenance", "restore", "live"]);
        let after = listed(&sim).await;
        assert_eq!(
            after.len(),
            before.len() + 1,
            "the safety backup is listed; the restore is not a backup"
        );
        assert_eq!(
            after
                .iter()
                .find(|b| b.name == report.safety_backup.name)
                .map(|b| b.status.as_str()),
            Some("succeeded")
        );
        assert_eq!(maintenance_changes(&sim), [true, false]);
        let app = heroku::apps::info(&client(&sim), "novaland-study")
            .await
            .unwrap();
        assert!(!app.maintenance);
        let mut emptied = true;
        sim.edit(|s| emptied = s.apps[0].study_emptied);
        assert!(!emptied, "the study has its participants back");
        // The restore reads the backup from the storage URL Heroku listed for it (the
        // simulator refuses any other `backup_url`).
        let posted = sim
            .exchanges()
            .into_iter()
            .find(|e| e.path.ends_with("/restores"))
            .unwrap();
        assert_eq!(posted.status, 200);
        assert!(posted.body.unwrap()["from_url"]
            .as_str()
            .unwrap()
            .starts_with("https://xfrtu.s3.amazonaws.com/"));

        // The safety backup is the way back: restoring it empties the study again.
        let safety = report.safety_backup.num;
        let (result, _) = run(&sim, safety).await;
        result.unwrap();
        sim.edit(|s| emptied = s.apps[0].study_emptied);
        assert!(emptied);
    }

    #[tokio::test]
    async fn nothing_is_restored_when_the_safety_backup_fails() {
        let sim = practice().await;
        sim.fail("POST", DATABASES, 503, "unavailable", "Service unavailable");
        let (result, steps) = run(&sim, 3).await;
        let err = result.unwrap_err();
        assert!(
            err.plain().contains("Nothing was restored"),
            "{}",
            err.plain()
        );
        assert_eq!(
            steps.last().map(|s| (s.step, s.state)),
            Some(("backup", "failed"))
        );
        assert!(maintenance_changes(&sim).is_empty());
        assert!(!sim
            .exchanges()
            .iter()
            .any(|e| e.path.ends_with("/restores") && e.status == 200));
        // A backup that does not exist, or did not finish, is refused before anything.
        let (result, steps) = run(&sim, 99).await;
        assert_eq!(result.unwrap_err().code(), "not_found");
        assert!(steps.is_empty());
    }

    /// Heroku reporting the restore failed: said plainly, and the study is online again.
    #[tokio::test]
    async fn a_failed_restore_turns_maintenance_off_again() {
        let sim = practice().await;
        // The safety capture's polls must pass: the failure is injected once the restore runs.
        let sim2 = &sim;
        let result = restore(&client(sim2), "novaland-study", 3, &quick(), &AtomicBool::new(false), |s: RestoreStep| {
            if s.step == "restore" && s.state == "running" {
                sim2.inject(Fault::on("GET", "/client/v11/apps/novaland-study/transfers/*",
                    FaultAction::Replay {
                        status: 200,
                        body: r#"{"finished_at": "2026-11-30 10:00:00 +0000", "succeeded": false}"#.into(),
                        content_type: Some("application/json".into()),
                    },
                ));
            }
        })
        .await;
        let err = result.unwrap_err();
        assert_eq!(err.code(), "restore_failed");
        assert!(err.plain().contains("back online"), "{}", err.plain());
        assert_eq!(maintenance_changes(&sim), [true, false]);
    }
}
