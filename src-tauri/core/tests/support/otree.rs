//! A real oTree server (the PyPI package in a virtual environment made by scripts/deps.sh)
//! running the test project in tests/otree_project against a throwaway PostgreSQL.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub const ADMIN_PASSWORD: &str = "admin-pw-for-tests";
pub const REST_KEY: &str = "rest-key-for-tests";

/// The virtual environment for oTree `major` ("5" or "6") from NOVALAND_OTREE_5 / _6, or None
/// (the test then says it was skipped: scripts/test.sh always sets both).
pub fn venv(major: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os(format!("NOVALAND_OTREE_{major}"))?);
    assert!(
        dir.join("bin/otree").exists(),
        "NOVALAND_OTREE_{major} is set but {} has no bin/otree",
        dir.display()
    );
    Some(dir)
}

/// tests/otree_project, found from the crate that includes this file (core, or the app's
/// end-to-end tests at the top).
pub fn project_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|d| d.join("tests/otree_project"))
        .find(|d| d.join("play.py").exists())
        .expect("tests/otree_project above the crate")
}

pub struct OtreeServer {
    child: Child,
    venv: PathBuf,
    database_url: String,
    pub base_url: String,
}

impl OtreeServer {
    /// `otree resetdb` then `otree prodserver` on a free loopback port, as on Heroku:
    /// production mode, login required (STUDY), a REST key so the test can create sessions.
    pub fn start(venv: &Path, database_url: &str) -> OtreeServer {
        let mut resetdb = Self::command(venv, database_url, "otree");
        crate::pg::succeed(resetdb.args(["resetdb", "--noinput"]), "otree resetdb");
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut command = Self::command(venv, database_url, "otree");
        command.args(["prodserver", &format!("127.0.0.1:{port}")]);
        // Its own process group, so that dropping the server also stops the worker processes
        // prodserver starts.
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command.spawn().unwrap();
        let server = OtreeServer {
            child,
            venv: venv.to_path_buf(),
            database_url: database_url.to_string(),
            base_url: format!("http://127.0.0.1:{port}/"),
        };
        server.wait_until_up();
        server
    }

    fn command(venv: &Path, database_url: &str, program: &str) -> Command {
        let bin = venv.join("bin");
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut command = Command::new(bin.join(program));
        command
            .current_dir(project_dir())
            .env("PATH", path)
            .env("DATABASE_URL", database_url)
            .env("OTREE_PRODUCTION", "1")
            .env("OTREE_AUTH_LEVEL", "STUDY")
            .env("OTREE_ADMIN_PASSWORD", ADMIN_PASSWORD)
            .env("OTREE_REST_KEY", REST_KEY);
        command
    }

    fn wait_until_up(&self) {
        let started = Instant::now();
        let address = self.base_url["http://".len()..]
            .trim_end_matches('/')
            .to_string();
        loop {
            if answers_login(&address) {
                return;
            }
            assert!(
                started.elapsed() < Duration::from_secs(90),
                "oTree did not start"
            );
            std::thread::sleep(Duration::from_millis(300));
        }
    }

    /// A session of the test project created through oTree's REST API; returns its code.
    pub async fn create_session(&self) -> String {
        create_session_at(&self.base_url, REST_KEY).await
    }

    /// Three participants play the whole session through oTree's pages (tests/otree_project/play.py).
    pub fn play(&self, session: &str) {
        play_at(&self.venv, &self.base_url, REST_KEY, session)
    }

    /// oTree's own export of the database into `dir` (tests/otree_project/reference_export.py).
    pub fn reference_export(&self, dir: &Path) {
        let mut export = Self::command(&self.venv, &self.database_url, "python");
        crate::pg::succeed(
            export.arg("reference_export.py").arg(dir),
            "reference_export.py",
        );
    }
}

/// A session of the test project (3 participants) created through the REST API of the oTree
/// at `base_url` (ending in `/`); returns its code.
pub async fn create_session_at(base_url: &str, rest_key: &str) -> String {
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{base_url}api/sessions"))
        .header("otree-rest-key", rest_key)
        .json(&serde_json::json!({"session_config_name": "study", "num_participants": 3}))
        .send()
        .await
        .unwrap()
        .error_for_status()
        .unwrap()
        .json()
        .await
        .unwrap();
    answer["code"].as_str().unwrap().to_string()
}

/// Three participants play session `session` of the oTree at `base_url` through its pages
/// (tests/otree_project/play.py, run with the Python of `venv`).
pub fn play_at(venv: &Path, base_url: &str, rest_key: &str, session: &str) {
    let mut play = Command::new(venv.join("bin/python"));
    play.current_dir(project_dir()).args([
        "play.py",
        base_url.trim_end_matches('/'),
        rest_key,
        session,
    ]);
    crate::pg::succeed(&mut play, "play.py");
}

/// Whether `GET /login` gets a 200 from the server at `address` (host:port).
fn answers_login(address: &str) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = std::net::TcpStream::connect(address) else {
        return false;
    };
    let request = format!("GET /login HTTP/1.0\r\nHost: {address}\r\n\r\n");
    let mut head = [0u8; 12];
    stream.write_all(request.as_bytes()).is_ok()
        && stream.read_exact(&mut head).is_ok()
        && head.ends_with(b" 200")
}

impl Drop for OtreeServer {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.child.wait();
    }
}
