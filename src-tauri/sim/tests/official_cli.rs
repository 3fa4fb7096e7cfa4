//! The official Heroku CLI (npm `heroku`, v10) as a second client of heroku-sim.
//!
//! Novaland and heroku-sim were written side by side, so where they share a wrong guess every
//! other test passes. The CLI is a real client no one here wrote: each command below is run
//! against the simulator as a researcher would type it, and what it prints is checked.
//! scripts/deps.sh installs the CLI into target/heroku-cli (from npm) and scripts/test.sh
//! names it in NOVALAND_HEROKU_CLI.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use heroku_sim::{Scenario, Sim};

struct Cli {
    program: PathBuf,
    home: PathBuf,
    api: String,
}

/// What one command printed (stdout and stderr together, without colours) and how it ended.
struct Run {
    ok: bool,
    text: String,
}

impl Cli {
    fn new(sim: &Sim) -> Option<Cli> {
        let Some(program) = std::env::var_os("NOVALAND_HEROKU_CLI") else {
            eprintln!("skipped: NOVALAND_HEROKU_CLI is not set (scripts/test.sh sets it)");
            return None;
        };
        let program = PathBuf::from(program);
        assert!(
            program.exists(),
            "NOVALAND_HEROKU_CLI names {program:?}, which does not exist (scripts/deps.sh test installs it)"
        );
        let home = std::env::temp_dir().join(format!("novaland-heroku-cli-{}", std::process::id()));
        std::fs::create_dir_all(&home).unwrap();
        Some(Cli {
            program,
            home,
            api: sim.base_url().to_string(),
        })
    }

    /// Runs `heroku ARGS` against the simulator, at most 90 seconds.
    async fn run(&self, args: &[&str]) -> Run {
        let mut command = Command::new(&self.program);
        command
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", &self.home)
            .env("XDG_CACHE_HOME", self.home.join("cache"))
            .env("XDG_CONFIG_HOME", self.home.join("config"))
            .env("XDG_DATA_HOME", self.home.join("data"))
            // How the CLI is pointed at another Platform API and Data API (heroku/cli
            // `@heroku-cli/command` vars.ts and heroku-cli-util's pg `host()`); the Data API
            // keeps the Platform API's scheme and port.
            .env("HEROKU_HOST", &self.api)
            .env("HEROKU_DATA_HOST", "127.0.0.1")
            .env("HEROKU_API_KEY", "practice-mode-key")
            .env("HEROKU_SKIP_NEW_VERSION_CHECK", "1")
            .env("DISABLE_TELEMETRY", "true")
            .env("HEROKU_SKIP_ANALYTICS", "1")
            .env("NO_COLOR", "1")
            .env("FORCE_COLOR", "0")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let label = args.join(" ");
        tokio::task::spawn_blocking(move || {
            let mut child = command.spawn().expect("the heroku CLI starts");
            let deadline = Instant::now() + Duration::from_secs(90);
            loop {
                if child.try_wait().unwrap().is_some() {
                    break;
                }
                if Instant::now() > deadline {
                    child.kill().unwrap();
                    panic!("`heroku {label}` did not end within 90 s");
                }
                std::thread::sleep(Duration::from_millis(50));
            }
            let out = child.wait_with_output().unwrap();
            let text = strip_escapes(&format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
            Run {
                ok: out.status.success(),
                text,
            }
        })
        .await
        .unwrap()
    }

    /// Runs a command that must succeed and print every one of `expected`.
    async fn expect(&self, args: &[&str], expected: &[&str]) -> String {
        let run = self.run(args).await;
        assert!(
            run.ok,
            "`heroku {}` failed against heroku-sim:\n{}",
            args.join(" "),
            run.text
        );
        for needle in expected {
            assert!(
                run.text.contains(needle),
                "`heroku {}` did not print {needle:?}:\n{}",
                args.join(" "),
                run.text
            );
        }
        run.text
    }
}

impl Drop for Cli {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.home);
    }
}

/// The text without terminal escapes (the spinner's cursor moves, any colour left).
fn strip_escapes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn the_official_cli_reads_the_simulated_account() {
    let sim = Sim::start(Scenario::practice()).await.unwrap();
    let Some(cli) = Cli::new(&sim) else { return };

    // `heroku apps` asks /users/~/apps: the account's own apps, not its team's.
    let apps = cli
        .expect(&["apps"], &["novaland-study (eu)", "novaland-pilot"])
        .await;
    assert!(!apps.contains("econlab-public-goods"), "{apps}");

    cli.expect(
        &["apps:info", "-a", "novaland-study"],
        &[
            "=== novaland-study",
            "heroku-postgresql:essential-0",
            "Dynos:          web: 1, worker: 1",
        ],
    )
    .await;
    cli.expect(
        &["ps", "-a", "novaland-study"],
        &["=== web (Basic): otree prodserver1of2 (1)", "web.1: up"],
    )
    .await;
    // Add-ons with their attachments and the plan's price (Accept-Expansion: plan).
    cli.expect(
        &["addons", "-a", "novaland-study"],
        &[
            "heroku-postgresql (postgresql-curly-41873)",
            "essential-0",
            "$5/month",
            "papertrail (papertrail-rigid-90210)",
        ],
    )
    .await;
    cli.expect(
        &["releases", "-a", "novaland-study"],
        &["Current: v5", "v5 Deploy 3f9c2e1", "v1 Initial release"],
    )
    .await;
    cli.expect(
        &["access", "-a", "novaland-study"],
        &[
            "ada.researcher@uni-example.edu owner",
            "ben.assistant@uni-example.edu  collaborator",
        ],
    )
    .await;
    cli.expect(
        &["config", "-a", "novaland-study"],
        &["OTREE_PRODUCTION:", "DATABASE_URL:"],
    )
    .await;

    // The log: a Cedar app's session asked with version=3.sdk is read as server-sent events.
    let log = cli
        .expect(&["logs", "-n", "5", "-a", "novaland-study"], &[])
        .await;
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.starts_with("20") && l.contains("]: "))
        .collect();
    assert!(
        (1..=5).contains(&lines.len()),
        "`heroku logs -n 5` printed {} log lines:\n{log}",
        lines.len()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_official_cli_changes_the_simulated_apps() {
    let sim = Sim::start(Scenario::practice()).await.unwrap();
    let Some(cli) = Cli::new(&sim) else { return };

    // ps:scale uses the batch update (PATCH /apps/{app}/formation) with string quantities.
    cli.expect(
        &["ps:scale", "web=2", "worker=0", "-a", "novaland-study"],
        &["now running web at 2:Basic, worker at 0:Basic"],
    )
    .await;
    cli.expect(&["ps", "-a", "novaland-study"], &["web.2: up"])
        .await;
    cli.expect(
        &["ps:scale", "web-1", "-a", "novaland-study"],
        &["now running web at 1:Basic"],
    )
    .await;

    // addons:create sends the plan as {"name": ...}.
    cli.expect(
        &[
            "addons:create",
            "papertrail:choklad",
            "-a",
            "novaland-pilot",
        ],
        &["is being created in the background"],
    )
    .await;
    cli.expect(&["addons", "-a", "novaland-pilot"], &["papertrail ("])
        .await;

    cli.expect(
        &["maintenance:on", "-a", "novaland-pilot"],
        &["Enabling maintenance mode for novaland-pilot... done"],
    )
    .await;
    cli.expect(&["maintenance", "-a", "novaland-pilot"], &["on"])
        .await;
    cli.expect(
        &["maintenance:off", "-a", "novaland-pilot"],
        &["Disabling maintenance mode for novaland-pilot... done"],
    )
    .await;
    let off = cli
        .expect(&["maintenance", "-a", "novaland-pilot"], &[])
        .await;
    assert!(off.lines().any(|l| l.trim() == "off"), "{off}");

    cli.expect(
        &["labs:enable", "log-runtime-metrics", "-a", "novaland-pilot"],
        &["Enabling log-runtime-metrics for novaland-pilot... done"],
    )
    .await;
    let mut enabled = false;
    sim.edit(|s| {
        enabled = s
            .app("novaland-pilot")
            .is_some_and(|a| a.features.iter().any(|f| f == "log-runtime-metrics"));
    });
    assert!(enabled, "labs:enable reached the simulated app");

    // apps:create posts {name, region} to /apps (src/commands/apps/create.ts); a taken name
    // is refused in Heroku's words; apps:destroy reads the app, then deletes it.
    cli.expect(
        &[
            "apps:create",
            "trust-game-2026",
            "--region",
            "eu",
            "--no-remote",
        ],
        &[
            "done, region is eu",
            "/__sim/study/trust-game-2026/ | ",
            "/trust-game-2026.git",
        ],
    )
    .await;
    cli.expect(&["apps"], &["trust-game-2026 (eu)"]).await;
    let taken = cli
        .run(&["apps:create", "novaland-study", "--no-remote"])
        .await;
    assert!(
        !taken.ok && taken.text.contains("Name novaland-study is already taken"),
        "{}",
        taken.text
    );
    cli.expect(
        &[
            "apps:destroy",
            "trust-game-2026",
            "--confirm",
            "trust-game-2026",
        ],
        &["done"],
    )
    .await;
    let apps = cli.expect(&["apps"], &["novaland-study"]).await;
    assert!(!apps.contains("trust-game-2026"), "{apps}");

    // A team's app: `apps:create --team` posts {name, region, team} to /teams/apps
    // (src/commands/apps/create.ts), and `teams` lists GET /teams.
    cli.expect(&["teams"], &["econ-lab"]).await;
    cli.expect(
        &[
            "apps:create",
            "lab-study-2026",
            "--team",
            "econ-lab",
            "--region",
            "eu",
            "--no-remote",
        ],
        &["done, region is eu"],
    )
    .await;
    cli.expect(
        &["apps:info", "-a", "lab-study-2026", "--json"],
        &["\"team\"", "\"econ-lab\""],
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_official_cli_reads_and_captures_postgres_backups() {
    let sim = Sim::start(Scenario::practice()).await.unwrap();
    let Some(cli) = Cli::new(&sim) else { return };

    // pg:info lists the app's databases by their attachments, then asks the Data API for each
    // (an Essential database: its figures come as `info` lines).
    cli.expect(
        &["pg:info", "-a", "novaland-study"],
        &[
            "=== DATABASE_URL",
            "Plan:        Essential 0",
            "Tables:      14/4000",
            "Add-on:      postgresql-curly-41873",
        ],
    )
    .await;
    cli.expect(
        &["pg:backups", "-a", "novaland-study"],
        &["=== Backups", "b003"],
    )
    .await;
    // The capture resolves DATABASE_URL to its attachment, then follows the transfer by uuid.
    cli.expect(
        &["pg:backups:capture", "-a", "novaland-study"],
        &["Backing up postgresql-curly-41873 to b004... done"],
    )
    .await;
    cli.expect(&["pg:backups", "-a", "novaland-study"], &["b004"])
        .await;
    let url = cli
        .expect(&["pg:backups:url", "-a", "novaland-study"], &[])
        .await;
    let url = url
        .lines()
        .find(|l| l.starts_with(sim.base_url()))
        .unwrap_or_else(|| panic!("pg:backups:url printed no URL of the simulator:\n{url}"));
    let archive = reqwest::get(url).await.unwrap();
    assert_eq!(archive.status(), 200, "{url}");
    assert!(!archive.bytes().await.unwrap().is_empty());

    // pg:backups:restore sends the backup's `to_url` and follows the restore by its uuid.
    cli.expect(
        &[
            "pg:backups:restore",
            "b003",
            "DATABASE_URL",
            "-a",
            "novaland-study",
            "--confirm",
            "novaland-study",
        ],
        &["Restoring... done"],
    )
    .await;
}
