//! Connecting to a Postgres URL as Heroku gives it (`postgres://user:pass@host:5432/db`).

use std::str::FromStr;

use tokio_postgres::config::{Host, SslMode};
use tokio_postgres::{Client, Config};

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("the database address is not valid")]
    BadUrl,
    #[error("the database could not be reached: {0}")]
    Unreachable(String),
}

/// Connects; a remote host must speak TLS (Heroku refuses plain connections anyway), loopback
/// may go without. Certificates are not verified: Heroku's essential and standard plans use
/// certificates no client can verify, so `require` means "encrypted", as it does in libpq.
/// The URL is never put in an error or a log: it carries the password.
pub async fn connect(url: &str) -> Result<Client, ConnectError> {
    let mut config = Config::from_str(url).map_err(|_| ConnectError::BadUrl)?;
    let loopback = config.get_hosts().iter().all(|h| match h {
        Host::Tcp(name) => {
            name == "localhost"
                || name
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback())
        }
        #[cfg(unix)]
        Host::Unix(_) => true,
    });
    if !loopback && config.get_ssl_mode() != SslMode::Require {
        config.ssl_mode(SslMode::Require);
    }
    let tls = native_tls::TlsConnector::builder()
        .danger_accept_invalid_certs(true)
        .danger_accept_invalid_hostnames(true)
        .build()
        .map_err(|e| ConnectError::Unreachable(e.to_string()))?;
    let (client, connection) = config
        .connect(postgres_native_tls::MakeTlsConnector::new(tls))
        .await
        .map_err(|e| ConnectError::Unreachable(without_secrets(&e.to_string(), url)))?;
    tokio::spawn(async move {
        // The connection ends with the client; its error, if any, surfaces on the next query.
        let _ = connection.await;
    });
    Ok(client)
}

fn without_secrets(message: &str, url: &str) -> String {
    match Config::from_str(url).ok().and_then(|c| {
        c.get_password()
            .map(|p| String::from_utf8_lossy(p).to_string())
    }) {
        Some(password) if !password.is_empty() => message.replace(&password, "********"),
        _ => message.to_string(),
    }
}
