//! The environment variables Novaland reads, in one place. Those that redirect where a secret
//! goes (the Heroku key, the Sentry token, Papertrail's token) exist for tests against the
//! simulator, so they are taken only when they point at this computer: a shipped app can never
//! be talked into sending a saved key to another host by its environment.

use url::Url;

/// Heroku's API address for tests (`NOVALAND_HEROKU_API_URL`), loopback only.
pub fn heroku_api_url() -> Option<String> {
    loopback_only(std::env::var("NOVALAND_HEROKU_API_URL").ok())
}

/// Sentry's API address for tests (`NOVALAND_SENTRY_URL`), loopback only.
pub fn sentry_url() -> Option<String> {
    loopback_only(std::env::var("NOVALAND_SENTRY_URL").ok())
}

/// Papertrail's API address for tests (`NOVALAND_PAPERTRAIL_URL`), loopback only.
pub fn papertrail_url() -> Option<String> {
    loopback_only(std::env::var("NOVALAND_PAPERTRAIL_URL").ok())
}

/// The keychain entry's service name (`NOVALAND_KEYCHAIN_SERVICE`), so tests never touch a
/// researcher's saved key.
pub fn keychain_service() -> Option<String> {
    std::env::var("NOVALAND_KEYCHAIN_SERVICE").ok()
}

/// Lines per second of the practice study's log (`NOVALAND_PRACTICE_LOG_RATE`, load tests of
/// the Logs screen). Debug builds only: the shipped practice mode always behaves the same.
pub fn practice_log_rate() -> Option<f64> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var("NOVALAND_PRACTICE_LOG_RATE")
        .ok()
        .and_then(|r| r.parse().ok())
}

/// The oTree project the end-to-end tests deploy (`NOVALAND_TEST_PROJECT`), in place of the
/// system's file picker, which WebDriver cannot click. Debug builds only.
pub fn test_project() -> Option<std::path::PathBuf> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var_os("NOVALAND_TEST_PROJECT").map(std::path::PathBuf::from)
}

/// Where the end-to-end tests serve a release's `latest.json` (`NOVALAND_UPDATE_URL`) and the
/// public key their made-up release is signed with (`NOVALAND_UPDATE_PUBKEY`). Debug builds
/// only, and the address on this computer only: a shipped Novaland installs nothing but what
/// Novaland's own key signed, fetched from its own release page.
pub fn update_test_server() -> Option<(String, String)> {
    if !cfg!(debug_assertions) {
        return None;
    }
    let url = loopback_only(std::env::var("NOVALAND_UPDATE_URL").ok())?;
    let pubkey = std::env::var("NOVALAND_UPDATE_PUBKEY").ok()?;
    Some((url, pubkey))
}

/// Novaland's config folder for tests (`NOVALAND_CONFIG_DIR`), so they never touch a
/// researcher's settings.
pub fn config_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("NOVALAND_CONFIG_DIR").map(std::path::PathBuf::from)
}

/// Novaland's data folder for tests (`NOVALAND_DATA_DIR`: the metrics database).
pub fn data_dir() -> Option<std::path::PathBuf> {
    std::env::var_os("NOVALAND_DATA_DIR").map(std::path::PathBuf::from)
}

/// A file the start-up's phases are written to (`NOVALAND_START_TRACE`), for
/// scripts/bench.sh (window): where the time before the page goes.
pub fn start_trace() -> Option<std::path::PathBuf> {
    std::env::var_os("NOVALAND_START_TRACE").map(std::path::PathBuf::from)
}

fn loopback_only(value: Option<String>) -> Option<String> {
    let value = value?;
    let url = Url::parse(&value).ok()?;
    if crate::net::is_loopback(&url) {
        Some(value)
    } else {
        eprintln!("novaland: ignoring a test address that is not on this computer");
        None
    }
}

#[cfg(test)]
mod tests {
    use super::loopback_only;

    #[test]
    fn test_addresses_are_taken_only_on_this_computer() {
        for ok in [
            "http://127.0.0.1:4000",
            "http://localhost:1/x",
            "https://[::1]:2",
        ] {
            assert_eq!(loopback_only(Some(ok.into())).as_deref(), Some(ok));
        }
        for bad in [
            "https://api.evil.example",
            "https://10.0.0.1",
            "http://api.heroku.com",
            "nonsense",
        ] {
            assert_eq!(loopback_only(Some(bad.into())), None, "{bad}");
        }
        assert_eq!(loopback_only(None), None);
    }
}
