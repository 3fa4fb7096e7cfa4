//! What the app holds while it runs: the signed-in session (client with the token, on the
//! Rust side only), the keychain, where settings live, and practice mode's simulator.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use heroku_sim::Sim;
use novaland_core::heroku::models::Account;
use novaland_core::heroku::HerokuClient;
use novaland_core::logs::LogStore;
use novaland_core::metrics::MetricsStore;
use novaland_core::secrets::{KeyringStore, SecretStore};
use novaland_core::settings::{self, Settings};
use serde::Serialize;
use tokio::sync::Mutex;

/// A signed-in account (real or practice) and the app chosen for it.
pub struct Session {
    pub client: HerokuClient,
    pub account: Account,
    pub practice: bool,
    pub app: Option<String>,
}

/// The keychain entry of the Sentry auth token, beside the Heroku key.
pub const SENTRY_TOKEN_ACCOUNT: &str = "sentry-auth-token";

pub struct AppState {
    pub session: Mutex<Option<Session>>,
    /// Practice mode's in-process Heroku; dropping it stops it.
    pub practice_sim: Mutex<Option<Sim>>,
    pub store: Arc<dyn SecretStore>,
    pub heroku_url: String,
    pub settings_path: Option<PathBuf>,
    /// Set by "Cancel" while a download or capture runs.
    pub cancel: Arc<AtomicBool>,
    /// Folders this run wrote; only these may be shown in the file manager.
    pub written_folders: Mutex<Vec<PathBuf>>,
    /// The live log while the Logs screen follows it.
    pub live_log: Mutex<Option<LiveLog>>,
    /// The researcher's Sentry auth token (keychain); practice mode keeps its token in
    /// `practice_sentry_token` instead, so practice stores nothing.
    pub sentry_store: Arc<dyn SecretStore>,
    pub practice_sentry_token: Mutex<Option<String>>,
    /// Where Papertrail's and Sentry's APIs are (tests point them at the simulator).
    pub papertrail_url: String,
    pub sentry_url: Option<String>,
    /// The metrics collected from the log (on disk; in memory in practice mode) and the
    /// collector following the chosen app.
    /// (practice, store): practice mode's store lives in memory, a real account's on disk.
    pub metrics: Mutex<Option<(bool, Arc<MetricsStore>)>>,
    pub collector: Mutex<Option<Collector>>,
}

/// The background task counting the chosen app's log lines into the metrics store.
pub struct Collector {
    pub app: String,
    pub practice: bool,
    pub stop: Arc<AtomicBool>,
}

impl Drop for Collector {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// A followed log: its kept lines (searched by the screen) and the switch that stops it.
pub struct LiveLog {
    pub app: String,
    pub store: Arc<std::sync::Mutex<LogStore>>,
    pub stop: Arc<AtomicBool>,
}

impl Drop for LiveLog {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

impl AppState {
    pub fn new(
        store: Arc<dyn SecretStore>,
        heroku_url: String,
        settings_path: Option<PathBuf>,
    ) -> Self {
        AppState {
            session: Mutex::new(None),
            practice_sim: Mutex::new(None),
            store,
            heroku_url,
            settings_path,
            cancel: Arc::new(AtomicBool::new(false)),
            written_folders: Mutex::new(Vec::new()),
            live_log: Mutex::new(None),
            sentry_store: Arc::new(novaland_core::secrets::MemoryStore::default()),
            practice_sentry_token: Mutex::new(None),
            papertrail_url: std::env::var("NOVALAND_PAPERTRAIL_URL")
                .unwrap_or_else(|_| novaland_core::addons::papertrail::DEFAULT_URL.into()),
            sentry_url: std::env::var("NOVALAND_SENTRY_URL").ok(),
            metrics: Mutex::new(None),
            collector: Mutex::new(None),
        }
    }

    /// The real app: the OS keychain, Heroku, settings in the OS config folder. Tests point it
    /// elsewhere with `NOVALAND_HEROKU_API_URL` (the simulator, loopback only: the client
    /// refuses plain http anywhere else), `NOVALAND_KEYCHAIN_SERVICE` (so a test never touches
    /// a real saved key) and `NOVALAND_CONFIG_DIR`.
    pub fn from_environment() -> Self {
        let url = std::env::var("NOVALAND_HEROKU_API_URL")
            .unwrap_or_else(|_| novaland_core::heroku::DEFAULT_BASE_URL.into());
        let service = std::env::var("NOVALAND_KEYCHAIN_SERVICE")
            .unwrap_or_else(|_| novaland_core::secrets::SERVICE.into());
        let store = KeyringStore::new(&service, novaland_core::secrets::HEROKU_KEY_ACCOUNT);
        let settings_path = settings::config_dir().map(|d| d.join("settings.json"));
        let mut state = Self::new(Arc::new(store), url, settings_path);
        state.sentry_store = Arc::new(KeyringStore::new(&service, SENTRY_TOKEN_ACCOUNT));
        state
    }

    pub fn settings(&self) -> Settings {
        self.settings_path
            .as_deref()
            .map(Settings::load)
            .unwrap_or_default()
    }

    pub fn save_settings(&self, settings: &Settings) -> std::io::Result<()> {
        match &self.settings_path {
            Some(path) => settings.save(path),
            None => Ok(()),
        }
    }
}

/// What the page knows about the session: never the token.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SessionInfo {
    pub signed_in: bool,
    pub practice: bool,
    pub email: Option<String>,
    pub name: Option<String>,
    pub app: Option<String>,
    /// Something the person should know, e.g. that the saved key stopped working.
    pub notice: Option<String>,
}

impl SessionInfo {
    pub fn signed_out(notice: Option<String>) -> Self {
        SessionInfo {
            signed_in: false,
            practice: false,
            email: None,
            name: None,
            app: None,
            notice,
        }
    }

    pub fn of(session: &Session) -> Self {
        SessionInfo {
            signed_in: true,
            practice: session.practice,
            email: Some(session.account.email.clone()),
            name: session.account.name.clone(),
            app: session.app.clone(),
            notice: None,
        }
    }
}
