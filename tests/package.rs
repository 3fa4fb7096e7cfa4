//! The Linux packages as a researcher gets them. scripts/test.sh builds them with `tauri build
//! --bundles deb,rpm` (release) into target/release/bundle/ and, as root, sets
//! NOVALAND_PACKAGE_TESTS=1. The .deb is installed with apt, its declared dependencies are
//! checked against what the installed program links (every library comes from a package the
//! .deb depends on, directly or through them), the installed /usr/bin/novaland opens its
//! window under Xvfb and shows the welcome guide over WebDriver, the desktop entry, icon and
//! name are checked, and it is removed with no file of it left behind. The .rpm is read with
//! `rpm -qpi`, `-qpR` and `-qpl`. Each package's size is printed.

// Only part of the window driver is needed here (the window tests use the rest).
#[path = "support/webdriver.rs"]
#[allow(dead_code)]
mod webdriver;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn enabled() -> bool {
    let on = std::env::var_os("NOVALAND_PACKAGE_TESTS").is_some();
    if !on {
        eprintln!("skipped: package tests run with NOVALAND_PACKAGE_TESTS=1 as root after the packages are built (see scripts/test.sh)");
    }
    on
}

/// The one file with `extension` in target/release/bundle/`kind`/.
fn bundle(kind: &str, extension: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/release/bundle/{kind}"));
    let found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (scripts/test.sh builds the packages)",
                dir.display()
            )
        })
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == extension))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "one .{extension} in {}: {found:?}",
        dir.display()
    );
    found.into_iter().next().unwrap()
}

/// Runs a command that must succeed; its standard output.
fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .output()
        .unwrap_or_else(|e| panic!("{program} could not start: {e}"));
    assert!(
        out.status.success(),
        "`{program} {}` failed: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn size_mib(path: &Path) -> f64 {
    std::fs::metadata(path).unwrap().len() as f64 / 1_048_576.0
}

/// Every package `packages` need, themselves included (apt's dependency closure).
fn closure(packages: &[String]) -> BTreeSet<String> {
    let mut args = vec![
        "depends",
        "--recurse",
        "--no-recommends",
        "--no-suggests",
        "--no-conflicts",
        "--no-breaks",
        "--no-replaces",
        "--no-enhances",
    ];
    args.extend(packages.iter().map(String::as_str));
    run("apt-cache", &args)
        .lines()
        .map(|l| {
            l.trim()
                .trim_start_matches("Depends:")
                .trim()
                .trim_start_matches("PreDepends:")
                .trim()
        })
        .map(|l| {
            l.trim_matches(|c| c == '<' || c == '>')
                .split(':')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .filter(|l| !l.is_empty())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_deb_installs_opens_its_window_and_removes_cleanly() {
    if !enabled() {
        return;
    }
    let deb = bundle("deb", "deb");
    let deb_text = deb.display().to_string();
    println!("package size: {} {:.1} MiB", deb_text, size_mib(&deb));
    let name = run("dpkg-deb", &["-f", &deb_text, "Package"])
        .trim()
        .to_string();
    let depends: Vec<String> = run("dpkg-deb", &["-f", &deb_text, "Depends"])
        .split(',')
        .map(|d| d.split_whitespace().next().unwrap_or("").to_string())
        .filter(|d| !d.is_empty())
        .collect();
    assert_eq!(name, "novaland");
    assert!(
        depends.iter().any(|d| d == "libwebkit2gtk-4.1-0"),
        "{depends:?}"
    );
    // What the package puts on the disk (`./usr/bin/novaland` …), folders left out.
    let shipped: Vec<String> = run("dpkg-deb", &["-c", &deb_text])
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .map(|p| p.trim_start_matches('.').to_string())
        .filter(|p| !p.ends_with('/'))
        .collect();

    // Installed as a researcher would (apt resolves the declared dependencies).
    let _ = Command::new("apt-get")
        .args(["purge", "-y", &name])
        .output();
    run(
        "apt-get",
        &["install", "-y", "--no-install-recommends", &deb_text],
    );
    let installed = Path::new("/usr/bin/novaland");
    assert!(installed.exists());

    // Every library the program links comes from a package the .deb asks for (or one those
    // need): the declared dependencies are enough on a machine without the build's -dev ones.
    let needed = closure(&depends);
    let mut missing = Vec::new();
    for line in run("ldd", &["/usr/bin/novaland"]).lines() {
        let Some(lib) = line
            .split("=>")
            .nth(1)
            .and_then(|r| r.split_whitespace().next())
        else {
            continue;
        };
        let owner = Command::new("dpkg").args(["-S", lib]).output().unwrap();
        let owner = String::from_utf8_lossy(&owner.stdout);
        let Some(package) = owner.split(':').next().filter(|p| !p.is_empty()) else {
            continue;
        };
        if !needed.contains(package) {
            missing.push(format!("{lib} ({package})"));
        }
    }
    assert!(
        missing.is_empty(),
        "libraries from packages the .deb does not depend on: {missing:?}"
    );

    // The desktop entry and icon the menu shows.
    let entry = std::fs::read_to_string("/usr/share/applications/Novaland.desktop")
        .expect("the desktop entry is installed");
    for line in [
        "Name=Novaland",
        "Exec=novaland",
        "Icon=novaland",
        "Categories=Education;",
    ] {
        assert!(
            entry.lines().any(|l| l.trim() == line),
            "{line} in:\n{entry}"
        );
    }
    assert!(Path::new("/usr/share/icons/hicolor/128x128/apps/novaland.png").exists());

    // The installed program opens its window and shows the welcome guide.
    let config = tempfile::tempdir().unwrap();
    let env = [
        ("NOVALAND_CONFIG_DIR", config.path().display().to_string()),
        (
            "NOVALAND_KEYCHAIN_SERVICE",
            format!("org.novaland.package.{}", std::process::id()),
        ),
        ("WEBKIT_DISABLE_COMPOSITING_MODE", "1".to_string()),
    ];
    let driver = webdriver::Driver::start(&env).await;
    let s = driver.session(installed).await;
    let welcome = s.wait_text("main", "Explore without an account").await;
    assert!(welcome.contains("Heroku"), "{welcome}");
    s.screenshot(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/e2e-artifacts/installed-deb-welcome.png"),
    )
    .await;
    s.end().await;
    drop(driver);

    // Removed with nothing of it left (the researcher's own settings live in their home).
    run("apt-get", &["purge", "-y", &name]);
    let left: Vec<&String> = shipped.iter().filter(|p| Path::new(p).exists()).collect();
    assert!(left.is_empty(), "files left after removal: {left:?}");
}

#[test]
fn the_rpm_names_the_app_its_dependencies_and_files() {
    if !enabled() {
        return;
    }
    let rpm = bundle("rpm", "rpm");
    let rpm_text = rpm.display().to_string();
    println!("package size: {} {:.1} MiB", rpm_text, size_mib(&rpm));
    let info = run("rpm", &["-qpi", &rpm_text]);
    for field in ["Name        : novaland", "Version     : 0.1.0"] {
        assert!(
            info.lines().any(|l| l.starts_with(field)),
            "{field} in:\n{info}"
        );
    }
    let requires = run("rpm", &["-qpR", &rpm_text]);
    assert!(
        requires.contains("webkit2gtk4.1") || requires.contains("libwebkit2gtk-4.1"),
        "{requires}"
    );
    let files = run("rpm", &["-qpl", &rpm_text]);
    for file in [
        "/usr/bin/novaland",
        "/usr/share/applications/Novaland.desktop",
        "/usr/share/icons/hicolor/128x128/apps/novaland.png",
    ] {
        assert!(files.lines().any(|l| l == file), "{file} in:\n{files}");
    }
}

/// One full update of an installed .deb, run by scripts/check-update.sh (two release builds: too
/// slow for every test run). The script builds Novaland 0.1.0 and 0.2.0 with a key it made and
/// this loopback address as their update source, and names them here. 0.1.0 is installed with
/// apt; its window offers 0.2.0 (downloaded and checked against the key); "Install and restart"
/// installs it the way the updater does on Debian (dpkg through pkexec, a password dialog or
/// sudo); the package is then 0.2.0 and the program, started again, says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by scripts/check-update.sh"]
async fn an_installed_deb_updates_itself_to_the_next_release() {
    let var = |name: &str| {
        std::env::var(name).unwrap_or_else(|_| panic!("{name} (set by scripts/check-update.sh)"))
    };
    let (old, new, port) = (
        var("NOVALAND_OLD_DEB"),
        var("NOVALAND_NEW_DEB"),
        var("NOVALAND_UPDATE_PORT"),
    );
    let signature = std::fs::read_to_string(format!("{new}.sig")).unwrap();
    let new_bytes = std::fs::read(&new).unwrap();
    let base = format!("http://127.0.0.1:{port}");
    // latest.json as tauri-action writes it, with the .deb under its own platform key.
    let latest = serde_json::json!({
        "version": "0.2.0",
        "notes": "The release that checks the update path.",
        "pub_date": "2026-11-30T09:00:00Z",
        "platforms": {
            "linux-x86_64-deb": { "url": format!("{base}/novaland_0.2.0_amd64.deb"), "signature": signature }
        }
    });
    let router = axum::Router::new()
        .route(
            "/latest.json",
            axum::routing::get(move || async move { axum::Json(latest) }),
        )
        .route(
            "/novaland_0.2.0_amd64.deb",
            axum::routing::get(move || async move { new_bytes }),
        );
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}"))
        .await
        .unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });

    let _ = Command::new("apt-get")
        .args(["purge", "-y", "novaland"])
        .output();
    run(
        "apt-get",
        &["install", "-y", "--no-install-recommends", &old],
    );
    let version = || run("dpkg-query", &["-W", "-f", "${Version}", "novaland"]);
    assert_eq!(version(), "0.1.0");

    let config = tempfile::tempdir().unwrap();
    let env = [
        ("NOVALAND_CONFIG_DIR", config.path().display().to_string()),
        (
            "NOVALAND_KEYCHAIN_SERVICE",
            format!("org.novaland.update.{}", std::process::id()),
        ),
        ("WEBKIT_DISABLE_COMPOSITING_MODE", "1".to_string()),
    ];
    let driver = webdriver::Driver::start(&env).await;
    let installed = Path::new("/usr/bin/novaland");
    let s = driver.session(installed).await;
    s.wait_text("#version", "Novaland 0.1.0").await;
    s.wait_text("#update-bar", "Novaland 0.2.0 is ready").await;
    s.screenshot(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/e2e-artifacts/installed-deb-update-offered.png"),
    )
    .await;
    let started = std::time::Instant::now();
    s.click(&s.find("#install-update").await).await;
    // The old process installs the package and restarts into the new program (outside this
    // WebDriver session, which ends with it).
    while version() != "0.2.0" {
        assert!(
            started.elapsed().as_secs() < 120,
            "still {} after 2 minutes",
            version()
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
    println!(
        "installed 0.2.0 {:.1} s after the click",
        started.elapsed().as_secs_f64()
    );
    drop(s);
    drop(driver);
    // The restarted program is the new one; closed here so the check below opens its own.
    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    let restarted = Command::new("pgrep")
        .args(["-f", "^/usr/bin/novaland"])
        .output()
        .unwrap();
    println!(
        "running after the restart: {}",
        String::from_utf8_lossy(&restarted.stdout).trim()
    );
    let _ = Command::new("pkill")
        .args(["-f", "^/usr/bin/novaland"])
        .status();

    let driver = webdriver::Driver::start(&env).await;
    let s = driver.session(installed).await;
    s.wait_text("#version", "Novaland 0.2.0").await;
    s.click(&s.find("#look-for-update").await).await;
    s.wait_text("#update-said", "Novaland 0.2.0 is the newest version")
        .await;
    s.screenshot(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/e2e-artifacts/installed-deb-updated.png"),
    )
    .await;
    s.end().await;
    drop(driver);
    run("apt-get", &["purge", "-y", "novaland"]);
}
