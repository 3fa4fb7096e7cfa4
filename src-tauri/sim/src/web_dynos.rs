//! Deployed projects run for real. Where the machine has oTree (the test command installs it
//! into target/otree) a test hands the simulator that oTree and a PostgreSQL of its own
//! ([`crate::Sim::run_deployed_projects`]); then every new app gets a loopback address, its
//! Heroku Postgres add-on stands for that database, and a successful build's archive is
//! unpacked and its Procfile's web command (oTree's own Procfile: `otree prodserver1of2`)
//! runs with the app's config vars and `PORT`, as a web dyno does on Heroku
//! (devcenter.heroku.com/articles/dynos#local-environment-variables: `PORT` is the port the
//! web process must listen on). "Open app" and "Download data" then reach the study just
//! deployed. Without that oTree the simulator serves its practice study instead.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::Weak;

use crate::state::Shared;

/// The real oTree and the database deployed projects use.
#[derive(Debug, Clone)]
pub struct OtreeRuntime {
    /// A virtual environment with oTree installed (its `bin/otree`).
    pub venv: PathBuf,
    /// The PostgreSQL every app's Heroku Postgres add-on stands for.
    pub database_url: String,
}

/// One app's running web process and the folder its archive was unpacked into; both go when
/// it is dropped (a new deploy, the app deleted, the simulator stopped).
pub(crate) struct WebDyno {
    child: Child,
    dir: PathBuf,
}

impl Drop for WebDyno {
    fn drop(&mut self) {
        // The process group: prodserver starts workers of its own.
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A free loopback port for a new app's web process.
pub(crate) fn free_port() -> std::io::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// Unpacks `archive` (the uploaded tar.gz) and starts `command` from it on `port` with the
/// app's config vars, as Heroku starts the web dyno of a new release. What the process prints
/// goes into the app's log as `app[web.1]` lines, as Logplex carries a dyno's output.
pub(crate) fn start(
    shared: Weak<Shared>,
    runtime: &OtreeRuntime,
    app: &str,
    archive: &[u8],
    command: &str,
    port: u16,
    config_vars: &BTreeMap<String, String>,
) -> std::io::Result<WebDyno> {
    static UNPACKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "heroku-sim-{app}-{}-{}",
        std::process::id(),
        UNPACKED.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir)?;
    tar::Archive::new(flate2::read::GzDecoder::new(archive)).unpack(&dir)?;
    let bin = runtime.venv.join("bin");
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut shell = Command::new("sh");
    shell
        .arg("-c")
        .arg(format!("exec {command}"))
        .current_dir(&dir)
        .env_clear()
        .env("PATH", path)
        .env("HOME", &dir)
        .env("PORT", port.to_string())
        .envs(config_vars);
    shell.stdout(Stdio::piped()).stderr(Stdio::piped());
    std::os::unix::process::CommandExt::process_group(&mut shell, 0);
    let mut child = shell.spawn()?;
    let out: [Box<dyn std::io::Read + Send>; 2] = [
        Box::new(child.stdout.take().expect("piped")),
        Box::new(child.stderr.take().expect("piped")),
    ];
    for stream in out {
        let (shared, app) = (shared.clone(), app.to_string());
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stream).lines() {
                let (Ok(line), Some(shared)) = (line, shared.upgrade()) else {
                    return;
                };
                let Some(spec) = shared.app_spec(&app) else {
                    return;
                };
                let stamp = crate::ids::stamp_micros(crate::ids::now_ms(), 0);
                shared
                    .logs
                    .add(&spec, &[format!("{stamp} app[web.1]: {line}")]);
            }
        });
    }
    Ok(WebDyno { child, dir })
}
