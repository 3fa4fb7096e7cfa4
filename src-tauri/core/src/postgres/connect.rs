//! Connecting to a Postgres URL as Heroku gives it (`postgres://user:pass@host:5432/db`).

use std::str::FromStr;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio_postgres::config::{Host, SslMode};
use tokio_postgres::tls::{ChannelBinding, MakeTlsConnect, TlsConnect, TlsStream};
use tokio_postgres::{Client, Config};

#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    #[error("the database address is not valid")]
    BadUrl,
    #[error("the database could not be reached: {0}")]
    Unreachable(String),
    /// The server asked for the password in clear text or as MD5 on a channel nobody verified.
    #[error("the database asked for its password in a form a middleman could read (clear text or MD5), so Novaland did not send it")]
    WeakLogin,
}

/// Connects; a remote host must speak TLS (Heroku refuses plain connections anyway), loopback
/// may go without. Certificates are not verified: Heroku's essential and standard plans use
/// certificates no client can verify, so `require` means "encrypted", as it does in libpq.
/// Because of that, the password goes only through SCRAM (see `ScramOnly`), with channel
/// binding whenever the server offers it (tokio-postgres' default `prefer`).
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
        .connect(ScramOnly(postgres_native_tls::MakeTlsConnector::new(tls)))
        .await
        .map_err(|e| {
            if refused_weak_auth(&e) {
                ConnectError::WeakLogin
            } else {
                ConnectError::Unreachable(without_secrets(&e.to_string(), url))
            }
        })?;
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

/// The TLS connector Novaland connects with: postgres-native-tls (certificates unverified, as
/// above) whose stream refuses a server that asks for the password in clear text or as MD5.
/// On a channel nobody verified, a man in the middle could ask exactly that and read the
/// password; SCRAM never sends it, and with channel binding (SCRAM-SHA-256-PLUS, used
/// whenever the server offers it) a middleman cannot even relay the login. The check sits in
/// the stream itself, so it judges the same connection the password would travel on.
#[derive(Clone)]
struct ScramOnly(postgres_native_tls::MakeTlsConnector);

/// Why the connection was refused, found again in tokio-postgres' error chain.
#[derive(Debug)]
struct WeakPasswordAuth(&'static str);

impl std::fmt::Display for WeakPasswordAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the server asked for the password {}", self.0)
    }
}

impl std::error::Error for WeakPasswordAuth {}

impl<S> MakeTlsConnect<S> for ScramOnly
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    type Stream = Guarded<postgres_native_tls::TlsStream<S>>;
    type TlsConnect = GuardedConnect;
    type Error = native_tls::Error;

    fn make_tls_connect(&mut self, domain: &str) -> Result<GuardedConnect, native_tls::Error> {
        Ok(GuardedConnect(
            <postgres_native_tls::MakeTlsConnector as MakeTlsConnect<S>>::make_tls_connect(
                &mut self.0,
                domain,
            )?,
        ))
    }
}

struct GuardedConnect(postgres_native_tls::TlsConnector);

impl<S> TlsConnect<S> for GuardedConnect
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    type Stream = Guarded<postgres_native_tls::TlsStream<S>>;
    type Error = native_tls::Error;
    type Future = std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<Self::Stream, native_tls::Error>> + Send>,
    >;

    fn connect(self, stream: S) -> Self::Future {
        let handshake = self.0.connect(stream);
        Box::pin(async move {
            Ok(Guarded {
                inner: handshake.await?,
                seen: Vec::new(),
                authenticated: false,
            })
        })
    }
}

/// A TLS stream that reads the server's authentication requests before tokio-postgres does.
struct Guarded<T> {
    inner: T,
    /// The start-up messages read so far (a few dozen bytes), until authentication is done.
    seen: Vec<u8>,
    authenticated: bool,
}

impl<T> Guarded<T> {
    /// Looks at every whole message received so far; `Err` for a request that would send
    /// the password readably. After AuthenticationOk nothing is inspected any more.
    fn check(&mut self) -> Result<(), WeakPasswordAuth> {
        let mut at = 0;
        while !self.authenticated && self.seen.len() >= at + 5 {
            let kind = self.seen[at];
            let len = u32::from_be_bytes(self.seen[at + 1..at + 5].try_into().unwrap()) as usize;
            if self.seen.len() < at + 1 + len || len < 4 {
                break;
            }
            if kind == b'R' && len >= 8 {
                let code = u32::from_be_bytes(self.seen[at + 5..at + 9].try_into().unwrap());
                match code {
                    0 => self.authenticated = true,
                    3 => return Err(WeakPasswordAuth("in clear text")),
                    5 => return Err(WeakPasswordAuth("as MD5")),
                    // Kerberos, GSS, SSPI: nothing Heroku uses; refused rather than guessed.
                    2 | 7 | 8 | 9 => return Err(WeakPasswordAuth("by another method than SCRAM")),
                    _ => {}
                }
            }
            at += 1 + len;
        }
        self.seen.drain(..at);
        if self.authenticated {
            self.seen = Vec::new();
        }
        Ok(())
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for Guarded<T> {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = std::pin::Pin::new(&mut self.inner).poll_read(cx, buf);
        if let std::task::Poll::Ready(Ok(())) = &polled {
            if !self.authenticated {
                let fresh = buf.filled()[before..].to_vec();
                self.seen.extend_from_slice(&fresh);
                if let Err(refused) = self.check() {
                    // The request never reaches tokio-postgres, so no password is sent.
                    buf.set_filled(before);
                    return std::task::Poll::Ready(Err(std::io::Error::other(refused)));
                }
            }
        }
        polled
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for Guarded<T> {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        data: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        std::pin::Pin::new(&mut self.inner).poll_write(cx, data)
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

impl<T: TlsStream + Unpin> TlsStream for Guarded<T> {
    fn channel_binding(&self) -> ChannelBinding {
        self.inner.channel_binding()
    }
}

/// Whether tokio-postgres' error is the guard's refusal.
fn refused_weak_auth(e: &tokio_postgres::Error) -> bool {
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        if s.downcast_ref::<WeakPasswordAuth>().is_some() {
            return true;
        }
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            if io
                .get_ref()
                .is_some_and(|inner| inner.is::<WeakPasswordAuth>())
            {
                return true;
            }
        }
        source = s.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn auth(code: u32) -> Vec<u8> {
        let mut m = vec![b'R'];
        m.extend_from_slice(&8u32.to_be_bytes());
        m.extend_from_slice(&code.to_be_bytes());
        m
    }

    fn guard() -> Guarded<()> {
        Guarded {
            inner: (),
            seen: Vec::new(),
            authenticated: false,
        }
    }

    #[test]
    fn clear_text_and_md5_are_refused_even_when_split_across_reads() {
        for code in [3, 5] {
            let mut g = guard();
            let message = auth(code);
            g.seen.extend_from_slice(&message[..3]);
            assert!(g.check().is_ok(), "half a message is not judged");
            g.seen.extend_from_slice(&message[3..]);
            assert!(g.check().is_err(), "code {code}");
        }
    }

    #[test]
    fn scram_and_what_follows_authentication_pass() {
        let mut g = guard();
        // AuthenticationSASL (10) with its mechanisms, then AuthenticationOk, then a
        // ParameterStatus: nothing after OK is looked at.
        let mut sasl = vec![b'R'];
        let body = b"\0\0\0\x0aSCRAM-SHA-256-PLUS\0SCRAM-SHA-256\0\0";
        sasl.extend_from_slice(&((4 + body.len()) as u32).to_be_bytes());
        sasl.extend_from_slice(body);
        g.seen.extend_from_slice(&sasl);
        assert!(g.check().is_ok());
        g.seen.extend_from_slice(&auth(0));
        assert!(g.check().is_ok());
        assert!(g.authenticated);
        g.seen.extend_from_slice(&auth(3));
        assert!(
            g.check().is_ok(),
            "after authentication nothing is inspected"
        );
    }
}
