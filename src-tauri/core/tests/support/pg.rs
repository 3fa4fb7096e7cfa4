//! A throwaway PostgreSQL cluster from the system's initdb, on a free loopback port.
//! As root (CI), the server runs as the `postgres` user, since Postgres refuses root.
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `command` to its end; a failure fails the test with what the program wrote.
pub fn succeed(command: &mut Command, what: &str) -> std::process::Output {
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{what} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

pub struct PgCluster {
    dir: PathBuf,
    bin: PathBuf,
    pub port: u16,
}

fn bin_dir() -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path().join("bin"))
                .filter(|p| p.join("initdb").exists())
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
        .pop()
        .expect("PostgreSQL is installed (scripts/deps.sh test installs it)")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0\n"))
        .unwrap_or(false)
}

impl PgCluster {
    pub fn start() -> PgCluster {
        Self::start_with(None)
    }

    /// A cluster that speaks TLS with a self-signed certificate made here, and accepts TCP
    /// logins only over TLS with `auth` (`scram-sha-256`, `password`, ...) and `password`.
    pub fn start_with_tls(auth: &str, password: &str) -> PgCluster {
        Self::start_with(Some((auth, password)))
    }

    fn start_with(tls: Option<(&str, &str)>) -> PgCluster {
        let bin = bin_dir();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let dir = std::env::temp_dir().join(format!("novaland-pg-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cluster = PgCluster { dir, bin, port };
        if is_root() {
            assert!(Command::new("chown")
                .args(["-R", "postgres:postgres"])
                .arg(&cluster.dir)
                .status()
                .unwrap()
                .success());
        }
        let data = cluster.dir.join("data");
        cluster.run(
            "initdb",
            &[
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "-D",
                data.to_str().unwrap(),
            ],
        );
        let mut opts = format!(
            "-p {port} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off",
            cluster.dir.display()
        );
        if let Some((auth, _)) = tls {
            let (crt, key) = (data.join("server.crt"), data.join("server.key"));
            let mut openssl = Command::new("openssl");
            openssl
                .args([
                    "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                ])
                .args(["-subj", "/CN=localhost", "-keyout"])
                .arg(&key)
                .arg("-out")
                .arg(&crt);
            succeed(&mut openssl, "openssl req");
            std::fs::write(
                data.join("pg_hba.conf"),
                format!("local all all trust\nhostssl all all 127.0.0.1/32 {auth}\n"),
            )
            .unwrap();
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).unwrap();
            if is_root() {
                for f in [&crt, &key, &data.join("pg_hba.conf")] {
                    assert!(Command::new("chown")
                        .arg("postgres:postgres")
                        .arg(f)
                        .status()
                        .unwrap()
                        .success());
                }
            }
            opts.push_str(" -c ssl=on");
        }
        let log = cluster.dir.join("log");
        cluster.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-o",
                &opts,
                "-l",
                log.to_str().unwrap(),
                "-w",
                "start",
            ],
        );
        if let Some((_, password)) = tls {
            let socket = cluster.dir.to_str().unwrap().to_string();
            let port = port.to_string();
            let sql = format!("ALTER USER postgres PASSWORD '{password}'");
            cluster.run(
                "psql",
                &[
                    "-h", &socket, "-p", &port, "-U", "postgres", "-d", "postgres", "-c", &sql,
                ],
            );
        }
        cluster
    }

    fn run(&self, tool: &str, args: &[&str]) {
        let exe = self.bin.join(tool);
        let mut cmd = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        succeed(cmd.args(args).current_dir(&self.dir), tool);
    }

    pub fn url(&self) -> String {
        self.url_for("postgres")
    }

    pub fn url_for(&self, database: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/{database}", self.port)
    }

    pub fn psql(&self) -> PathBuf {
        self.bin.join("psql")
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let exe = self.bin.join("pg_ctl");
        let mut cmd = if is_root() {
            let mut c = Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(&exe);
            c
        } else {
            Command::new(&exe)
        };
        let _ = cmd
            .args(["-D", data.to_str().unwrap(), "-m", "immediate", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
