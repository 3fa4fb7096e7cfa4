//! Opening a web address in the researcher's browser, or a folder in their file manager.

use std::ffi::OsString;
use std::io;

/// Opens `target` (a web address or a folder) with the desktop's default program, detached so
/// it outlives Novaland. Waits up to a quarter second for the launcher's verdict, on a
/// blocking thread: neither the window's thread nor the async workers wait for it.
pub async fn open(target: impl Into<OsString>) -> io::Result<()> {
    let target = target.into();
    tokio::task::spawn_blocking(move || open_now(target))
        .await
        .map_err(io::Error::other)?
}

#[cfg(target_os = "linux")]
fn open_now(target: OsString) -> io::Result<()> {
    // The `open` crate's launchers in its order (xdg-open first, which follows the desktop's
    // and the portal's choice), started here rather than by `open::that_detached` so that they
    // do not inherit the JavaScript setting made for Novaland's own page: a browser built on
    // WebKit (GNOME Web) started by xdg-open would run every site without its JIT.
    linux::launch(
        open::commands(target),
        crate::memory::settings_for_our_page_only(),
        linux::VERDICT_WAIT,
    )
}

#[cfg(not(target_os = "linux"))]
fn open_now(target: OsString) -> io::Result<()> {
    open::that_detached(target)
}

#[cfg(target_os = "linux")]
mod linux {
    use std::io;
    use std::os::unix::process::CommandExt;
    use std::process::{Child, Command, ExitStatus, Stdio};
    use std::time::{Duration, Instant};

    /// As long as `open::that_detached` waits: a launcher that fails does so at once (no
    /// handler, no display); one still running then has handed the target over (xdg-open
    /// stays while the browser it started runs).
    pub const VERDICT_WAIT: Duration = Duration::from_millis(250);

    /// Starts the launchers in turn until one succeeds or is still running after `wait`,
    /// each without the variables in `unset`. A launcher that is missing or exits with an
    /// error lets the next one try; the first launcher's own failure is the one reported, a
    /// missing program only when none ran.
    pub fn launch(launchers: Vec<Command>, unset: &[&str], wait: Duration) -> io::Result<()> {
        let mut failed = None;
        let mut missing = None;
        for mut launcher in launchers {
            for name in unset {
                launcher.env_remove(name);
            }
            launcher
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                // Its own process group: Ctrl+C in the terminal that started Novaland does
                // not reach the browser.
                .process_group(0);
            let child = match launcher.spawn() {
                Ok(child) => child,
                Err(err) => {
                    missing = Some(err);
                    continue;
                }
            };
            match verdict(child, wait)? {
                None => return Ok(()),
                Some(status) if status.success() => return Ok(()),
                Some(status) => {
                    let program = launcher.get_program().to_string_lossy().into_owned();
                    failed =
                        failed.or_else(|| Some(io::Error::other(format!("{program}: {status}"))));
                }
            }
        }
        Err(failed.or(missing).unwrap_or_else(|| {
            io::Error::new(io::ErrorKind::NotFound, "no program to open it with")
        }))
    }

    /// The launcher's exit status if it ended within `wait`; otherwise None, and a thread
    /// collects it whenever it ends (no zombie left behind).
    fn verdict(mut child: Child, wait: Duration) -> io::Result<Option<ExitStatus>> {
        let until = Instant::now() + wait;
        loop {
            if let Some(status) = child.try_wait()? {
                return Ok(Some(status));
            }
            if Instant::now() >= until {
                std::thread::Builder::new()
                    .name("launcher-wait".into())
                    .stack_size(64 * 1024)
                    .spawn(move || child.wait())?;
                return Ok(None);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn shell(script: &str) -> Command {
            let mut command = Command::new("sh");
            command.args(["-c", script]);
            command
        }

        #[test]
        fn a_missing_or_failing_launcher_lets_the_next_one_open_it_without_the_page_setting() {
            let dir = tempfile::tempdir().unwrap();
            let seen = dir.path().join("env");
            let mut last = shell(&format!("env > '{}'", seen.display()));
            // Inherited in the real app; set here on the command, which env_remove also drops.
            last.env("JSC_useJIT", "false").env("NOVALAND_KEPT", "yes");
            let launchers = vec![Command::new("/nonexistent/xdg-open"), shell("exit 3"), last];
            launch(launchers, &["JSC_useJIT"], Duration::from_secs(5)).unwrap();
            let env = std::fs::read_to_string(&seen).unwrap();
            assert!(env.contains("NOVALAND_KEPT=yes"), "{env}");
            assert!(!env.contains("JSC_useJIT"), "{env}");
        }

        #[test]
        fn the_first_launchers_failure_is_reported_when_none_succeeds() {
            let err = launch(
                vec![shell("exit 4"), Command::new("/nonexistent/gio")],
                &[],
                Duration::from_secs(5),
            )
            .unwrap_err();
            assert!(err.to_string().contains("sh: exit status: 4"), "{err}");

            let err = launch(
                vec![Command::new("/nonexistent/xdg-open")],
                &[],
                Duration::from_secs(5),
            )
            .unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::NotFound);
        }

        #[test]
        fn a_launcher_still_running_has_handed_over_and_is_not_waited_for() {
            let dir = tempfile::tempdir().unwrap();
            let second = dir.path().join("second ran");
            let started = Instant::now();
            launch(
                vec![
                    shell("sleep 3"),
                    shell(&format!("touch '{}'", second.display())),
                ],
                &[],
                Duration::from_millis(100),
            )
            .unwrap();
            assert!(!second.exists(), "a running launcher counts as opened");
            assert!(
                started.elapsed() < Duration::from_secs(2),
                "returned while the launcher ran: {:?}",
                started.elapsed()
            );
        }
    }
}
