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
use novaland_core::overview::Overview;
use novaland_core::secrets::{KeyringStore, SecretStore};
use novaland_core::settings::{self, Settings};
use novaland_core::signin::{self, Restored};
use serde::Serialize;
use tokio::sync::Mutex;

/// A signed-in account (real or practice) and the app chosen for it. Whether it is practice is
/// a property of the session itself: the simulator lives and dies with it, so a sign-in racing
/// "Explore without an account" can never leave a real account's session talking to practice
/// hosts, or a practice session skipping what a real one does.
pub struct Session {
    pub client: HerokuClient,
    pub account: Account,
    pub app: Option<String>,
    /// Where this session's other services are, decided once when it starts.
    pub endpoints: Endpoints,
    /// Practice mode's in-process Heroku (dropping the session stops it); `None` for an account.
    pub practice: Option<Sim>,
}

impl Session {
    pub fn real(
        client: HerokuClient,
        account: Account,
        app: Option<String>,
        state: &AppState,
    ) -> Self {
        Session {
            client,
            account,
            app,
            endpoints: Endpoints {
                papertrail: state.papertrail_url.clone(),
                sentry: state.sentry_url.clone(),
                practice_study: None,
            },
            practice: None,
        }
    }

    /// A practice session on `sim`, with `app` chosen (`None`: the empty practice account).
    pub fn practice(client: HerokuClient, account: Account, app: Option<&str>, sim: Sim) -> Self {
        let base = sim.base_url().trim_end_matches('/').to_string();
        Session {
            client,
            account,
            app: app.map(Into::into),
            endpoints: Endpoints {
                papertrail: format!("{base}/__sim/papertrail/api/v1/"),
                sentry: Some(format!("{base}/__sim/sentry/api/0/")),
                practice_study: Some(base),
            },
            practice: Some(sim),
        }
    }

    pub fn is_practice(&self) -> bool {
        self.practice.is_some()
    }
}

/// The hosts a session talks to besides Heroku's API.
#[derive(Debug, Clone)]
pub struct Endpoints {
    /// Papertrail's search API.
    pub papertrail: String,
    /// Sentry's API when it is not the DSN's own (tests, practice).
    pub sentry: Option<String>,
    /// Practice mode: the simulator whose practice oTree study stands in for the app's server.
    pub practice_study: Option<String>,
}

impl Endpoints {
    /// The study's oTree address in practice mode; `None` means the app's own web URL.
    pub fn study_url(&self, app: &str) -> Option<String> {
        self.practice_study
            .as_deref()
            .map(|base| heroku_sim::study_url(base, app))
    }
}

/// The keychain entry of the Sentry auth token, beside the Heroku key.
pub const SENTRY_TOKEN_ACCOUNT: &str = "sentry-auth-token";

pub struct AppState {
    pub session: Mutex<Option<Session>>,
    pub store: Arc<dyn SecretStore>,
    pub heroku_url: String,
    pub settings_path: Option<PathBuf>,
    /// The long jobs running now, each with its own Cancel.
    pub jobs: novaland_core::jobs::Jobs,
    /// Folders this run wrote; only these may be shown in the file manager.
    pub written_folders: Mutex<Vec<PathBuf>>,
    /// The live log while the Logs screen follows it.
    pub live_log: Mutex<Option<LiveLog>>,
    /// The researcher's Sentry auth token (keychain); practice mode keeps its token in
    /// `practice_sentry_token` instead, so practice stores nothing.
    pub sentry_store: Arc<dyn SecretStore>,
    pub practice_sentry_token: Mutex<Option<novaland_core::addon_apis::sentry::SavedToken>>,
    /// Where Papertrail's and Sentry's APIs are for a real account (tests point them at the
    /// simulator); each session copies them into its `Endpoints`.
    pub papertrail_url: String,
    pub sentry_url: Option<String>,
    /// The metrics collected from the log (on disk; in memory in practice mode) and the
    /// collector following the chosen app.
    /// (practice, store): practice mode's store lives in memory, a real account's on disk.
    pub metrics: Mutex<Option<(bool, Arc<MetricsStore>)>>,
    pub collector: Mutex<Option<Collector>>,
    /// The oTree project chosen with the system's picker and checked, waiting to be deployed
    /// (the page never holds a path).
    pub project: Mutex<Option<novaland_core::deploy::Project>>,
    /// Apps this run created with "New study": only these may be removed again from the app.
    pub created_apps: Mutex<Vec<String>>,
    /// A newer Novaland, downloaded and verified, waiting for "Install and restart".
    pub pending_update: std::sync::Mutex<Option<crate::updates::Pending>>,
    /// The kept key's check, started with the process for the remembered app (see
    /// `start_restoring`); the page's first `restore_session` takes it.
    pub early_restore: std::sync::Mutex<Option<EarlyRestore>>,
}

type EarlyRestore = (Option<String>, tauri::async_runtime::JoinHandle<Restored>);

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

impl LiveLog {
    /// A new followed log of `app` keeping `lines` lines.
    pub fn new(app: &str, lines: usize) -> Self {
        LiveLog {
            app: app.to_string(),
            store: Arc::new(std::sync::Mutex::new(LogStore::new(lines))),
            stop: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl Drop for LiveLog {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

impl AppState {
    /// Remembers folders this run wrote, the only ones the page may show in the file manager.
    pub async fn wrote(&self, folders: impl IntoIterator<Item = PathBuf>) {
        self.written_folders.lock().await.extend(folders);
    }

    pub fn new(
        store: Arc<dyn SecretStore>,
        heroku_url: String,
        settings_path: Option<PathBuf>,
    ) -> Self {
        AppState {
            session: Mutex::new(None),
            store,
            heroku_url,
            settings_path,
            jobs: Default::default(),
            written_folders: Mutex::new(Vec::new()),
            live_log: Mutex::new(None),
            sentry_store: Arc::new(novaland_core::secrets::MemoryStore::default()),
            practice_sentry_token: Mutex::new(None),
            papertrail_url: novaland_core::env::papertrail_url()
                .unwrap_or_else(|| novaland_core::addon_apis::papertrail::DEFAULT_URL.into()),
            sentry_url: novaland_core::env::sentry_url(),
            metrics: Mutex::new(None),
            collector: Mutex::new(None),
            project: Mutex::new(None),
            created_apps: Mutex::new(Vec::new()),
            pending_update: std::sync::Mutex::new(None),
            early_restore: std::sync::Mutex::new(None),
        }
    }

    /// The real app: the OS keychain, Heroku, settings in the OS config folder. Tests point it
    /// elsewhere with `NOVALAND_HEROKU_API_URL` (the simulator; taken only for loopback, see
    /// novaland_core::env), `NOVALAND_KEYCHAIN_SERVICE` (so a test never touches a real saved
    /// key) and `NOVALAND_CONFIG_DIR`.
    pub fn from_environment() -> Self {
        let url = novaland_core::env::heroku_api_url()
            .unwrap_or_else(|| novaland_core::heroku::DEFAULT_BASE_URL.into());
        let service = novaland_core::env::keychain_service()
            .unwrap_or_else(|| novaland_core::secrets::SERVICE.into());
        let store = KeyringStore::new(&service, novaland_core::secrets::HEROKU_KEY_ACCOUNT);
        let settings_path = settings::config_dir().map(|d| d.join("settings.json"));
        let mut state = Self::new(Arc::new(store), url, settings_path);
        // Words made before the page asks (a notification, an error at start) are already in
        // the researcher's language.
        novaland_core::i18n::apply(state.settings().language);
        state.sentry_store = Arc::new(KeyringStore::new(&service, SENTRY_TOKEN_ACCOUNT));
        state
    }

    /// Starts reading the kept key and checking it (with the remembered app's Overview) as
    /// the process starts: it needs no window, so it runs while Tauri sets up and the page
    /// loads, and the page finds the answer waiting.
    pub fn start_restoring(&self) {
        let (store, url, app) = (
            self.store.clone(),
            self.heroku_url.clone(),
            self.settings().app,
        );
        let for_app = app.clone();
        let task = tauri::async_runtime::spawn(async move {
            signin::restore(store, &url, for_app.as_deref()).await
        });
        *self.early_restore.lock().unwrap() = Some((app, task));
    }

    /// The kept key's answer for `app`: the one started with the process when it was for the
    /// same app, else asked now.
    pub async fn restored(&self, app: Option<&str>) -> Restored {
        let early = self.early_restore.lock().unwrap().take();
        if let Some((_, task)) = early.filter(|(for_app, _)| for_app.as_deref() == app) {
            if let Ok(restored) = task.await {
                return restored;
            }
        }
        signin::restore(self.store.clone(), &self.heroku_url, app).await
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
    /// The chosen app's Overview when it came with the session: at start-up it is fetched
    /// beside the key check, and the page draws it with the session's answer, so the first
    /// screen needs no second request (issue 16's cold start). Only `restore_session` sets it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overview: Option<Overview>,
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
            overview: None,
        }
    }

    pub fn of(session: &Session) -> Self {
        SessionInfo {
            signed_in: true,
            practice: session.is_practice(),
            email: Some(session.account.email.clone()),
            name: session.account.name.clone(),
            app: session.app.clone(),
            notice: None,
            overview: None,
        }
    }
}

/// Practice mode's Heroku: the practice scenario on loopback (with `empty`, an account with no
/// apps, for trying "New study"), and a key made for this run only, so no other program on
/// this computer can drive it with the scenario's well-known key.
pub async fn practice_simulator(empty: bool) -> std::io::Result<(heroku_sim::Sim, String)> {
    let mut scenario = heroku_sim::Scenario::practice();
    if empty {
        scenario.apps.clear();
    }
    let sim = heroku_sim::Sim::start(scenario).await?;
    // Tests turn the practice study's log up (lines per second) to load the Logs screen.
    if let Some(rate) = novaland_core::env::practice_log_rate() {
        let mut names = Vec::new();
        sim.edit(|s| names = s.apps.iter().map(|a| a.name.clone()).collect());
        for name in names {
            sim.set_log_rate(&name, rate);
        }
    }
    let key = novaland_core::resources::config_vars::strong_password();
    sim.edit(|s| s.tokens = vec![key.clone()]);
    Ok((sim, key))
}
