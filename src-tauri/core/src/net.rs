//! Which addresses Novaland talks to without TLS: none but this computer's own (the simulator,
//! a study server under test). Everything else must be https.

use url::Url;

pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

/// https anywhere, or plain http to this computer.
pub fn is_allowed(url: &Url) -> bool {
    url.scheme() == "https" || (url.scheme() == "http" && is_loopback(url))
}

/// A URL that carries its own secret (a log session, a signed backup download), parsed and
/// accepted only where `is_allowed` says: such a URL must never travel in clear text.
pub fn secret_url(url: &str) -> Option<Url> {
    Url::parse(url).ok().filter(is_allowed)
}
