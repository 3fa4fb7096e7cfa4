//! A new study from nothing, against the simulated Heroku: the project checked (the real
//! `otree zip` of tests/otree_project, folders, bad archives), the app's name checked, and the
//! whole creation with each step's failure: a taken name, an unverified account, the app
//! limit, a requirement that does not install (then "Try again" finishing it), Cancel, an
//! upload that breaks off once. The Heroku key never reaches the upload URL.

mod common;
#[allow(dead_code)]
#[path = "support/otree.rs"]
mod otree;
#[path = "support/pg.rs"]
mod pg;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use heroku_sim::{Fault, FaultAction, Scenario, Sim};
use novaland_core::deploy::{self, ProjectError};
use novaland_core::heroku;
use novaland_core::new_study::{self, NewStudy, NewStudyError, StudyOptions, StudyProgress};

/// A scenario with an account and no apps, as a first-time researcher has.
fn empty_account() -> Scenario {
    let mut s = Scenario::practice();
    s.apps.clear();
    s.taken_names = vec!["otree-demo".into()];
    s
}

fn quick() -> StudyOptions {
    StudyOptions {
        poll: Duration::from_millis(100),
        database_timeout: Duration::from_secs(20),
        answer_timeout: Duration::from_secs(10),
        deploy: deploy::DeployOptions {
            poll: Duration::from_millis(100),
            timeout: Duration::from_secs(30),
        },
    }
}

/// tests/otree_project copied to a temporary folder, with `requirements` as its
/// requirements.txt when given.
fn project_copy(requirements: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&otree::project_dir(), dir.path());
    if let Some(r) = requirements {
        std::fs::write(dir.path().join("requirements.txt"), r).unwrap();
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), &target).unwrap();
        }
    }
}

fn study(name: &str) -> NewStudy {
    NewStudy {
        name: name.into(),
        region: "eu".into(),
        papertrail: true,
        team: None,
    }
}

async fn create(
    sim: &Sim,
    name: &str,
    project: &deploy::Project,
    resume: bool,
) -> (
    Result<new_study::CreatedStudy, NewStudyError>,
    Vec<StudyProgress>,
) {
    create_with(sim, name, project, resume, &quick()).await
}

async fn create_with(
    sim: &Sim,
    name: &str,
    project: &deploy::Project,
    resume: bool,
    options: &StudyOptions,
) -> (
    Result<new_study::CreatedStudy, NewStudyError>,
    Vec<StudyProgress>,
) {
    let mut seen = Vec::new();
    let result = new_study::create(
        &common::client(sim),
        &study(name),
        project,
        resume,
        options,
        &AtomicBool::new(false),
        |p| seen.push(p),
    )
    .await;
    (result, seen)
}

fn steps_done(seen: &[StudyProgress]) -> Vec<&'static str> {
    seen.iter()
        .filter_map(|p| match p {
            StudyProgress::Step {
                step,
                state: "done",
                ..
            } => Some(*step),
            _ => None,
        })
        .collect()
}

#[test]
fn a_project_folder_is_checked_and_cleaned() {
    let dir = project_copy(None);
    std::fs::create_dir_all(dir.path().join("survey/__pycache__")).unwrap();
    std::fs::write(
        dir.path().join("survey/__pycache__/x.cpython-312.pyc"),
        b"x",
    )
    .unwrap();
    std::fs::create_dir_all(dir.path().join(".venv/bin")).unwrap();
    std::fs::write(dir.path().join(".venv/bin/python"), b"x").unwrap();
    let project = deploy::inspect(dir.path()).unwrap();
    let r = &project.report;
    assert_eq!(r.otree_requirement, "otree==5.11.5");
    assert_eq!(r.otree_version.as_deref(), Some("5.11.5"));
    assert_eq!(r.left_out, vec![".venv", "__pycache__", "db.sqlite3"]);
    // tests/otree_project has no Procfile (oTree Hub adds one): oTree's own is added.
    assert!(
        r.added.iter().any(|a| a.contains("Procfile")),
        "{:?}",
        r.added
    );
    let names: Vec<&str> = project.files.iter().map(|(n, _)| n.as_str()).collect();
    assert!(names.contains(&"settings.py") && names.contains(&"Procfile"));
    assert!(!names
        .iter()
        .any(|n| n.contains("sqlite") || n.contains("__pycache__") || n.starts_with(".venv")));
    // The packed archive reads back as the same project.
    let packed = tempfile::tempdir().unwrap();
    let file = packed.path().join("again.otreezip");
    std::fs::write(&file, project.archive().unwrap()).unwrap();
    let again = deploy::inspect(&file).unwrap();
    assert_eq!(again.files, project.files);
    assert!(again.report.added.is_empty(), "{:?}", again.report.added);
}

/// The real `otree zip` of both oTree versions packs the test project; Novaland takes it.
#[test]
fn the_real_otree_zip_is_accepted() {
    for major in ["5", "6"] {
        let Some(venv) = otree::venv(major) else {
            eprintln!("skipped: NOVALAND_OTREE_{major} is not set (scripts/test.sh sets it)");
            continue;
        };
        let dir = project_copy(None);
        let zip = otree_zip(&venv, dir.path());
        let project = deploy::inspect(&zip).unwrap();
        let r = &project.report;
        assert!(r.otree_requirement.starts_with("otree"), "{r:?}");
        assert!(!r.left_out.is_empty() || !project.files.iter().any(|(n, _)| n == "db.sqlite3"));
        assert!(project.files.iter().any(|(n, _)| n == "settings.py"));
        assert!(
            project.files.iter().any(|(n, _)| n == "survey/__init__.py"),
            "{:?}",
            project.files.iter().map(|f| &f.0).collect::<Vec<_>>()
        );
        assert!(!project.files.iter().any(|(n, _)| n == "db.sqlite3"));
    }
}

/// The example study built into the app is tests/otree_project as the folder check sees it,
/// less the test helpers: a file added to the project and not to the app fails here.
#[test]
fn the_built_in_example_is_the_test_project() {
    let example = deploy::example();
    let folder = deploy::inspect(&otree::project_dir()).unwrap();
    let helpers = [
        "README.md",
        "play.py",
        "reference_export.py",
        "requirements-otree6.txt",
    ];
    let expected: Vec<&(String, Vec<u8>)> = folder
        .files
        .iter()
        .filter(|(name, _)| !helpers.contains(&name.as_str()))
        .collect();
    let got: Vec<&(String, Vec<u8>)> = example.files.iter().collect();
    assert_eq!(got, expected);
    assert_eq!(example.report.name, deploy::EXAMPLE_NAME);
    assert_eq!(example.report.otree_version.as_deref(), Some("5.11.5"));
    assert!(
        example.files.iter().any(|(n, _)| n == "Procfile"),
        "oTree's Procfile is added"
    );
}

/// Runs `otree zip` in `project` (answering its question about requirements with "n": keep
/// them) and returns the archive it wrote.
fn otree_zip(venv: &Path, project: &Path) -> PathBuf {
    let mut child = std::process::Command::new(venv.join("bin/otree"))
        .arg("zip")
        .current_dir(project)
        .env(
            "PATH",
            format!(
                "{}:{}",
                venv.join("bin").display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .stdin(std::process::Stdio::piped())
        .spawn()
        .expect("otree runs");
    child.stdin.take().unwrap().write_all(b"n\n").unwrap();
    assert!(child.wait().unwrap().success(), "otree zip failed");
    let name = format!(
        "{}.otreezip",
        project.file_name().unwrap().to_string_lossy()
    );
    let zip = project.join(name);
    assert!(zip.exists(), "otree zip wrote no {}", zip.display());
    zip
}

fn tar_gz(files: &[(&str, &str)]) -> Vec<u8> {
    let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    let mut tar = tar::Builder::new(gz);
    for (name, text) in files {
        let mut header = tar::Header::new_gnu();
        header.set_size(text.len() as u64);
        header.set_mode(0o644);
        header.set_cksum();
        tar.append_data(&mut header, name, text.as_bytes()).unwrap();
    }
    tar.into_inner().unwrap().finish().unwrap()
}

#[test]
fn bad_archives_are_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let not_otree = write(
        "flask.otreezip",
        &tar_gz(&[("app.py", "print(1)"), ("requirements.txt", "flask\n")]),
    );
    let no_requirements = write(
        "noreq.otreezip",
        &tar_gz(&[("settings.py", "SESSION_CONFIGS = []")]),
    );
    let no_otree_line = write(
        "nootree.otreezip",
        &tar_gz(&[("settings.py", ""), ("requirements.txt", "flask\n")]),
    );
    let corrupt = write(
        "corrupt.otreezip",
        b"\x1f\x8b\x08\x00 this is not really gzip at all",
    );
    let huge = dir.path().join("huge.otreezip");
    // 200 MB without writing 200 MB: a sparse file is refused by its size before it is read.
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();

    let cases: [(&PathBuf, &str, &str); 5] = [
        (&not_otree, "not_otree", "no settings.py"),
        (&no_requirements, "not_otree", "no requirements.txt"),
        (&no_otree_line, "not_otree", "does not name oTree"),
        (&corrupt, "unreadable", "damaged"),
        (&huge, "too_big", "209.7 MB"),
    ];
    for (path, code, words) in cases {
        let err: ProjectError = deploy::inspect(path).unwrap_err();
        assert_eq!(err.code(), code, "{}", path.display());
        assert!(
            err.plain().contains(words),
            "{}: {}",
            path.display(),
            err.plain()
        );
        assert!(
            err.plain().contains("Nothing was uploaded"),
            "{}",
            err.plain()
        );
    }
    // A hand-made archive with the project inside one folder is taken as the project.
    let nested = write(
        "nested.tar.gz",
        &tar_gz(&[
            ("study/settings.py", ""),
            ("study/requirements.txt", "otree>=5.4\n"),
        ]),
    );
    let project = deploy::inspect(&nested).unwrap();
    assert!(project.files.iter().any(|(n, _)| n == "settings.py"));
    assert!(
        project.report.added.iter().any(|a| a.contains("psycopg2")),
        "{:?}",
        project.report.added
    );
}

#[tokio::test]
async fn names_are_checked_as_they_are_typed() {
    let mut scenario = empty_account();
    scenario.apps = Scenario::practice().apps[..1].to_vec();
    let sim = Sim::start(scenario).await.unwrap();
    let client = common::client(&sim);
    let state = |name: &'static str| {
        let client = client.clone();
        async move { new_study::check_name(&client, name).await.unwrap() }
    };
    assert_eq!(state("my-trust-game").await.state, "free");
    assert_eq!(state("novaland-study").await.state, "yours");
    let taken = state("otree-demo").await;
    assert_eq!(taken.state, "taken");
    assert!(taken.message.contains("someone else"), "{}", taken.message);
    for (bad, words) in [
        ("Umfrage", "small letter"),
        ("ab", "at least 3"),
        ("my study", "Use only"),
        ("study-", "end with a dash"),
        ("münchen-study", "Use only"),
    ] {
        let check = state(bad).await;
        assert_eq!(check.state, "invalid", "{bad}");
        assert!(check.message.contains(words), "{bad}: {}", check.message);
    }
    // Nothing was asked of Heroku for a name its rule refuses.
    assert!(!sim.exchanges().iter().any(|e| e.path.contains("Umfrage")));
    let costs = new_study::costs(&client, true).await.unwrap();
    let cents: Vec<i64> = costs.iter().map(|c| c.cents_per_month).collect();
    assert_eq!(cents, vec![700, 500, 0]);
}

#[tokio::test]
async fn a_new_study_is_created_deployed_and_answers() {
    let sim = Sim::start(empty_account()).await.unwrap();
    let dir = project_copy(None);
    let project = deploy::inspect(dir.path()).unwrap();
    let (result, seen) = create(&sim, "trust-game-2026", &project, false).await;
    let created = result.unwrap();
    assert_eq!(
        steps_done(&seen),
        vec![
            "app",
            "database",
            "papertrail",
            "settings",
            "deploy",
            "start",
            "answer"
        ]
    );
    // The build's own lines reached the page as they came.
    let lines: Vec<&str> = seen
        .iter()
        .filter_map(|p| match p {
            StudyProgress::Output { line } => Some(line.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        lines.first(),
        Some(&"-----> Building on the Heroku-24 stack")
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("Procfile declares types -> web, worker")),
        "{lines:?}"
    );
    assert!(lines.iter().any(|l| l.contains("Released v")));
    let uploads: Vec<(u64, u64)> = seen
        .iter()
        .filter_map(|p| match p {
            StudyProgress::Upload { sent, total } => Some((*sent, *total)),
            _ => None,
        })
        .collect();
    assert_eq!(
        uploads.last().map(|(s, t)| s == t),
        Some(true),
        "{uploads:?}"
    );

    let client = common::client(&sim);
    let app = heroku::apps::info(&client, "trust-game-2026")
        .await
        .unwrap();
    assert_eq!(app.region.name, "eu");
    let vars = heroku::config_vars::get(&client, &app.name).await.unwrap();
    let var = |k: &str| vars.get(k).cloned().flatten().unwrap_or_default();
    let password = created.admin_password.clone().expect("a new password");
    assert_eq!(var("OTREE_ADMIN_PASSWORD"), password);
    assert_eq!(password.len(), 24);
    assert_eq!(var("OTREE_PRODUCTION"), "1");
    assert_eq!(var("OTREE_AUTH_LEVEL"), "STUDY");
    assert_eq!(var("OTREE_REST_KEY").len(), 24);
    assert!(var("DATABASE_URL").starts_with("database_url-"), "{vars:?}");
    let addons = heroku::addons::list(&client, &app.name).await.unwrap();
    let plans: Vec<&str> = addons.iter().map(|a| a.plan.name.as_str()).collect();
    assert_eq!(
        plans,
        vec!["heroku-postgresql:essential-0", "papertrail:choklad"]
    );
    assert!(addons.iter().all(|a| a.state == "provisioned"));
    let web = heroku::formation::list(&client, &app.name)
        .await
        .unwrap()
        .into_iter()
        .find(|f| f.process_type == "web")
        .unwrap();
    assert_eq!(
        (web.quantity, web.size.to_lowercase().as_str()),
        (1, "basic")
    );
    let newest = heroku::releases::newest(&client, &app.name, 1)
        .await
        .unwrap()
        .remove(0);
    assert!(
        newest.description.starts_with("Deploy "),
        "{}",
        newest.description
    );

    // The Heroku key went to Heroku's API only: the upload carried none (the simulated S3
    // refuses one, as S3 does), and the build read the source by its signed URL.
    let upload = sim
        .exchanges()
        .into_iter()
        .find(|e| e.method == "PUT" && e.path.starts_with("/__sim/sources/"))
        .expect("an upload");
    assert_eq!(upload.status, 200);
}

#[tokio::test]
async fn heroku_refusing_the_app_creates_nothing() {
    let dir = project_copy(None);
    let project = deploy::inspect(dir.path()).unwrap();

    let sim = Sim::start(empty_account()).await.unwrap();
    let (result, _) = create(&sim, "otree-demo", &project, false).await;
    let err = result.unwrap_err();
    assert_eq!(err.code(), "name_taken");
    assert!(
        err.plain().contains("already taken") && err.plain().contains("nothing was created"),
        "{}",
        err.plain()
    );

    let mut unverified = empty_account();
    unverified.account.verified = false;
    let sim = Sim::start(unverified).await.unwrap();
    let (result, seen) = create(&sim, "trust-game", &project, false).await;
    let err = result.unwrap_err();
    assert_eq!(err.code(), "needs_verification");
    assert!(
        err.plain().contains("payment method") && err.plain().contains(new_study::BILLING_URL),
        "{}",
        err.plain()
    );
    assert!(matches!(
        seen.last(),
        Some(StudyProgress::Step {
            step: "app",
            state: "failed",
            ..
        })
    ));

    let mut full = empty_account();
    full.account.app_limit = Some(1);
    full.apps = Scenario::practice().apps[..1].to_vec();
    let sim = Sim::start(full).await.unwrap();
    let (result, _) = create(&sim, "trust-game", &project, false).await;
    let err = result.unwrap_err();
    assert_eq!(err.code(), "app_limit");
    assert!(err.plain().contains("app limit of 1"), "{}", err.plain());
    assert_eq!(
        heroku::apps::list(&common::client(&sim))
            .await
            .unwrap()
            .len(),
        1
    );
}

/// A requirement that does not install fails the build with pip's words picked out; the app
/// and its database stay, and "Try again" with the corrected project finishes without making
/// a second database or a new admin password.
#[tokio::test]
async fn a_failed_build_is_reported_and_try_again_finishes() {
    let sim = Sim::start(empty_account()).await.unwrap();
    let bad = project_copy(Some(
        "otree==5.11.5\npsycopg2-binary\notree-extras-that-do-not-exist==1.0\n",
    ));
    let project = deploy::inspect(bad.path()).unwrap();
    let (result, seen) = create(&sim, "trust-game", &project, false).await;
    let err = result.unwrap_err();
    assert_eq!(err.code(), "build_failed");
    let plain = err.plain();
    assert!(
        plain.contains("otree-extras-that-do-not-exist==1.0")
            && plain.contains("could not be installed"),
        "{plain}"
    );
    assert_eq!(
        err.created(),
        [
            "the app trust-game",
            "its Heroku Postgres database",
            "Papertrail"
        ]
    );
    assert!(
        plain.contains("Try again") && plain.contains("Remove the new app"),
        "{plain}"
    );
    assert!(seen.iter().any(|p| matches!(p, StudyProgress::Output { line } if line.contains("ERROR: No matching distribution found"))));
    let client = common::client(&sim);
    let password = heroku::config_vars::get(&client, "trust-game")
        .await
        .unwrap()["OTREE_ADMIN_PASSWORD"]
        .clone();

    let good = project_copy(None);
    let project = deploy::inspect(good.path()).unwrap();
    let (result, seen) = create(&sim, "trust-game", &project, true).await;
    let created = result.unwrap();
    assert_eq!(
        created.admin_password, None,
        "the password set before is kept"
    );
    assert!(steps_done(&seen).contains(&"answer"));
    assert_eq!(
        heroku::config_vars::get(&client, "trust-game")
            .await
            .unwrap()["OTREE_ADMIN_PASSWORD"],
        password
    );
    assert_eq!(
        heroku::addons::list(&client, "trust-game")
            .await
            .unwrap()
            .len(),
        2
    );

    // Removing it again deletes the app and everything on it.
    heroku::apps::delete(&client, "trust-game").await.unwrap();
    assert!(heroku::apps::list(&client).await.unwrap().is_empty());
}

#[tokio::test]
async fn cancel_stops_between_steps_and_says_what_exists() {
    let sim = Sim::start(empty_account()).await.unwrap();
    let dir = project_copy(None);
    let project = deploy::inspect(dir.path()).unwrap();
    let cancel = AtomicBool::new(false);
    let result = new_study::create(
        &common::client(&sim),
        &study("trust-game"),
        &project,
        false,
        &quick(),
        &cancel,
        |p| {
            if matches!(
                p,
                StudyProgress::Step {
                    step: "database",
                    state: "running",
                    ..
                }
            ) {
                cancel.store(true, std::sync::atomic::Ordering::SeqCst);
            }
        },
    )
    .await;
    let err = result.unwrap_err();
    assert_eq!(err.code(), "cancelled");
    assert!(
        err.created()
            .first()
            .is_some_and(|c| c.contains("trust-game")),
        "{:?}",
        err.created()
    );
    // No build was started.
    assert!(!sim.exchanges().iter().any(|e| e.path.ends_with("/builds")));
}

/// An upload that breaks off is tried again; one that keeps failing is said plainly and the
/// build is never started.
#[tokio::test]
async fn a_dropped_upload_is_retried() {
    let sim = Sim::start(empty_account()).await.unwrap();
    let dir = project_copy(None);
    let project = deploy::inspect(dir.path()).unwrap();
    sim.inject(
        Fault::on(
            "PUT",
            "/__sim/sources/*",
            FaultAction::status(500, "InternalError", "We encountered an internal error."),
        )
        .times(1),
    );
    let (result, _) = create(&sim, "trust-game", &project, false).await;
    result.unwrap();
    let puts = sim
        .exchanges()
        .into_iter()
        .filter(|e| e.method == "PUT")
        .count();
    assert_eq!(puts, 2);

    let sim = Sim::start(empty_account()).await.unwrap();
    sim.inject(Fault::on(
        "PUT",
        "/__sim/sources/*",
        FaultAction::DropConnection,
    ));
    let (result, _) = create(&sim, "trust-game", &project, false).await;
    let err = result.unwrap_err();
    assert_eq!(err.code(), "upload_failed");
    assert!(
        err.plain().contains("could not be uploaded"),
        "{}",
        err.plain()
    );
    assert!(!sim.exchanges().iter().any(|e| e.path.ends_with("/builds")));
}

/// The whole way with the real oTree: `otree zip` packs the test project, New study creates the
/// app and deploys the archive, and the simulator runs the deployed project with oTree's own
/// Procfile command against a real PostgreSQL (heroku-sim's web_dynos.rs). Three participants
/// play a session created with the study's new REST key, and Download data brings their rows
/// back from the study that was just deployed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deployed_project_runs_participants_play_and_download_data_gets_their_rows() {
    let Some(venv) = otree::venv("5") else {
        eprintln!("skipped: NOVALAND_OTREE_5 is not set (scripts/test.sh sets it)");
        return;
    };
    let cluster = pg::PgCluster::start();
    let sim = Sim::start(empty_account()).await.unwrap();
    sim.run_deployed_projects(heroku_sim::OtreeRuntime {
        venv: venv.clone(),
        database_url: cluster.url(),
    });
    let dir = project_copy(None);
    let zip = otree_zip(&venv, dir.path());
    let project = deploy::inspect(&zip).unwrap();
    let options = StudyOptions {
        // oTree starts in a few seconds on this machine; a loaded CI machine gets more.
        answer_timeout: Duration::from_secs(120),
        ..quick()
    };
    let (result, seen) = create_with(&sim, "public-goods-2026", &project, false, &options).await;
    let created = result.unwrap_or_else(|e| panic!("{e:?}; steps: {:?}", steps_done(&seen)));
    let url = created.web_url.clone().unwrap();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    // The deployed oTree itself answers: its login page, in production mode.
    let login = reqwest::get(format!("{url}login")).await.unwrap();
    assert_eq!(login.status(), 200);
    assert!(login.text().await.unwrap().contains("password"));

    let client = common::client(&sim);
    let vars = heroku::config_vars::get(&client, "public-goods-2026")
        .await
        .unwrap();
    let rest_key = vars["OTREE_REST_KEY"].clone().unwrap();
    assert_eq!(
        vars["DATABASE_URL"].as_deref(),
        Some(cluster.url().as_str())
    );
    let session = otree::create_session_at(&url, &rest_key).await;
    let play = {
        let (venv, url, key, session) =
            (venv.clone(), url.clone(), rest_key.clone(), session.clone());
        tokio::task::spawn_blocking(move || otree::play_at(&venv, &url, &key, &session))
    };
    play.await.unwrap();

    let out = tempfile::tempdir().unwrap();
    let data = novaland_core::otree::download_participant_data(
        &client,
        "public-goods-2026",
        out.path(),
        "s",
        &novaland_core::otree::export::DataOptions::default(),
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .unwrap();
    assert_eq!(data.otree_version, "5.11.5");
    let wide = data
        .files
        .iter()
        .find(|f| f.file_name.starts_with("all_apps_wide"))
        .expect("all_apps_wide");
    assert_eq!(wide.rows, 3, "{:?}", data.files);
    let text = std::fs::read_to_string(data.folder.join(&wide.file_name)).unwrap();
    assert_eq!(
        text.matches(&session).count(),
        3,
        "each participant's row names the session"
    );
    assert!(text.contains("Grüße aus Köln"), "what participant 1 typed");
    assert!(data.workbook.is_some(), "{:?}", data.workbook_problem);
    // What the deployed oTree printed is in the app's log, as the web dyno's lines.
    let log = sim.log_history("public-goods-2026");
    assert!(
        log.iter()
            .any(|l| l.contains("app[web.1]:") && l.contains("GET /export")),
        "{:?}",
        &log[log.len().saturating_sub(5)..]
    );

    // Removing the app stops its study.
    heroku::apps::delete(&client, "public-goods-2026")
        .await
        .unwrap();
    assert!(reqwest::get(format!("{url}login")).await.is_err());
}

/// A team's study: `POST /teams/apps` names the team, which owns and pays for the app, so the
/// account's own verification and app limit do not stop it; a team the account is not in is
/// refused and nothing is made.
#[tokio::test]
async fn a_team_can_own_the_new_study() {
    let mut scenario = empty_account();
    scenario.teams = vec!["econ-lab".into()];
    scenario.account.verified = false;
    let sim = Sim::start(scenario).await.unwrap();
    let client = common::client(&sim);
    let teams = heroku::apps::teams(&client).await.unwrap();
    assert_eq!(
        teams.iter().map(|t| t.name.as_str()).collect::<Vec<_>>(),
        vec!["econ-lab"]
    );
    let project = deploy::example();
    let mut seen = Vec::new();
    let team_study = NewStudy {
        team: Some("econ-lab".into()),
        ..study("lab-study-2026")
    };
    new_study::create(
        &client,
        &team_study,
        &project,
        false,
        &quick(),
        &AtomicBool::new(false),
        |p| seen.push(p),
    )
    .await
    .unwrap();
    let app = heroku::apps::info(&client, "lab-study-2026").await.unwrap();
    assert_eq!(app.team.as_ref().map(|t| t.name.as_str()), Some("econ-lab"));
    assert!(sim
        .exchanges()
        .iter()
        .any(|e| e.method == "POST" && e.path == "/teams/apps" && e.status == 201));

    let stranger = NewStudy {
        team: Some("someone-elses-lab".into()),
        ..study("lab-study-2027")
    };
    let err = new_study::create(
        &client,
        &stranger,
        &project,
        false,
        &quick(),
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .unwrap_err();
    assert!(err.created().is_empty(), "{err:?}");
    assert!(heroku::apps::info(&client, "lab-study-2027").await.is_err());
}
