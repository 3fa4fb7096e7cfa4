//! What a simulated Heroku account holds, as written in a scenario file.
//!
//! Scenario files are short and written by hand; `render` expands them into the full objects
//! of Heroku's schema, so a scenario names only what matters for the story it tells.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The built-in practice study: an oTree app with participants' add-ons, releases and a crash.
pub const PRACTICE_SCENARIO: &str = include_str!("../scenarios/practice.json");

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Scenario {
    pub account: AccountSpec,
    /// API keys the simulated Heroku accepts.
    #[serde(default)]
    pub tokens: Vec<String>,
    #[serde(default)]
    pub apps: Vec<AppSpec>,
    /// Names other accounts' apps have: `GET /apps/{name}` answers 403, `POST /apps` "taken".
    #[serde(default)]
    pub taken_names: Vec<String>,
    /// Heroku Teams the account belongs to, beside those its apps name.
    #[serde(default)]
    pub teams: Vec<String>,
}

impl Scenario {
    /// The account's teams: the scenario's own list and every team one of its apps has.
    pub fn team_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .teams
            .iter()
            .cloned()
            .chain(self.apps.iter().filter_map(|a| a.team.clone()))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    pub fn from_json(text: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(text)
    }

    pub fn practice() -> Self {
        Self::from_json(PRACTICE_SCENARIO).expect("the built-in practice scenario is valid")
    }

    /// The practice study with its first app grown to `addons` add-ons (Papertrail-like) and
    /// `collaborators` people: for pagination tests and benchmarks of size.
    pub fn practice_sized(addons: usize, collaborators: usize) -> Self {
        let mut s = Self::practice();
        let app = &mut s.apps[0];
        let template = app.addons[1].clone();
        app.addons = (0..addons)
            .map(|i| AddonSpec {
                name: format!("addon-{i:03}"),
                ..template.clone()
            })
            .collect();
        let who = app.collaborators[1].clone();
        app.collaborators = (0..collaborators)
            .map(|i| CollaboratorSpec {
                email: format!("person{i}@uni-example.edu"),
                ..who.clone()
            })
            .collect();
        s
    }

    pub fn app(&self, name_or_id: &str) -> Option<&AppSpec> {
        self.apps
            .iter()
            .find(|a| a.name == name_or_id || crate::ids::fake_uuid("app", &a.name) == name_or_id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccountSpec {
    pub email: String,
    #[serde(default)]
    pub name: Option<String>,
    /// Has a payment method; without one Heroku creates no app (Dev Center "Account
    /// Verification").
    #[serde(default = "default_true")]
    pub verified: bool,
    /// How many personal apps the account may have (Dev Center "Limits": 100).
    #[serde(default)]
    pub app_limit: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AppSpec {
    pub name: String,
    #[serde(default = "default_region")]
    pub region: String,
    #[serde(default = "default_stack")]
    pub stack: String,
    /// The team that owns the app; `None` for a personal app.
    #[serde(default)]
    pub team: Option<String>,
    /// `cedar` (plain-text log streams) or `fir` (server-sent events).
    #[serde(default = "default_generation")]
    pub generation: String,
    #[serde(default)]
    pub maintenance: bool,
    /// Where the app's web server answers; when absent, a herokuapp.com address made from the
    /// name. Tests point it at a real oTree on this computer.
    #[serde(default)]
    pub web_url: Option<String>,
    #[serde(default = "default_time")]
    pub created_at: String,
    #[serde(default)]
    pub formation: Vec<FormationSpec>,
    /// Running dynos; when absent, every formation entry runs its quantity of dynos, all up.
    #[serde(default)]
    pub dynos: Option<Vec<DynoSpec>>,
    #[serde(default)]
    pub addons: Vec<AddonSpec>,
    #[serde(default)]
    pub collaborators: Vec<CollaboratorSpec>,
    #[serde(default)]
    pub releases: Vec<ReleaseSpec>,
    #[serde(default)]
    pub config_vars: BTreeMap<String, String>,
    /// Heroku Postgres backups of the app's database (the Data API's transfers).
    #[serde(default)]
    pub backups: Vec<BackupSpec>,
    /// The daily backup schedule, if one is set.
    #[serde(default)]
    pub backup_schedule: Option<ScheduleSpec>,
    /// Heroku Labs features turned on, e.g. `log-runtime-metrics` (memory and load samples in
    /// the log every 20 seconds).
    #[serde(default)]
    pub features: Vec<String>,
    /// The app serves the practice oTree study (practice_otree/) under
    /// `/__sim/study/{app}/`, as oTree 6 would: admin login, Data page, export routes.
    #[serde(default)]
    pub practice_study: bool,
    /// Set by `otree resetdb` in a one-off dyno: the practice study then has no data.
    #[serde(skip)]
    pub study_emptied: bool,
    /// The loopback port a deployed project's web process listens on (web_dynos.rs).
    #[serde(skip)]
    pub web_port: Option<u16>,
    /// One-off dynos running now: (name, command).
    #[serde(skip)]
    pub running: Vec<(String, String)>,
    /// How many one-off dynos were started (names them run.1001, run.1002, ...).
    #[serde(skip)]
    pub runs: u32,
    /// What finished one-off dynos printed, as log lines.
    #[serde(skip)]
    pub run_output: Vec<String>,
    /// How many times a formation was restarted.
    #[serde(skip)]
    pub restarts: u32,
    /// Restores of backups into the app's database (Data API transfers gof3r to pg_restore).
    #[serde(skip)]
    pub restores: Vec<RestoreSpec>,
}

/// A restore running or done: the backup's number and when it started.
#[derive(Debug, Clone)]
pub struct RestoreSpec {
    pub num: i64,
    pub backup: i64,
    pub database: String,
    pub created_at: String,
    pub started: std::time::Instant,
    /// Its data has been put back (the study then shows the backup's state).
    pub applied: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ScheduleSpec {
    pub hour: u8,
    pub timezone: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BackupSpec {
    pub num: i64,
    #[serde(default = "default_time")]
    pub created_at: String,
    /// Size of the finished pg_dump archive in bytes.
    pub size: u64,
    #[serde(default = "default_true")]
    pub succeeded: bool,
    /// Made by the daily schedule (shown as a003) rather than by hand (b003).
    #[serde(default)]
    pub scheduled: bool,
    #[serde(default)]
    pub deleted: bool,
    /// The stored archive's size when it differs from `size` (Heroku's `processed_bytes`,
    /// what pg_dump wrote, need not equal the object S3 serves).
    #[serde(default)]
    pub archive_size: Option<u64>,
    /// The Postgres add-on it was taken of (its name); the scenario's own backups are of the
    /// app's DATABASE_URL database.
    #[serde(default)]
    pub database: Option<String>,
    /// While a capture runs: when it started, in the simulator's clock.
    #[serde(skip)]
    pub running_since: Option<std::time::Instant>,
    /// The practice study had no participants when it was taken (after `otree resetdb`):
    /// restoring it empties the study again, restoring an older one brings them back.
    #[serde(skip)]
    pub study_was_empty: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FormationSpec {
    #[serde(rename = "type")]
    pub process_type: String,
    pub quantity: i64,
    #[serde(default = "default_size")]
    pub size: String,
    #[serde(default = "default_command")]
    pub command: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DynoSpec {
    /// e.g. `web.1`; the process type is what comes before the dot.
    pub name: String,
    pub state: String,
    #[serde(default)]
    pub size: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AddonSpec {
    /// Service name, e.g. `heroku-postgresql`.
    pub service: String,
    /// Full plan name, e.g. `heroku-postgresql:essential-0`.
    pub plan: String,
    pub name: String,
    #[serde(default)]
    pub config_vars: Vec<String>,
    #[serde(default)]
    pub price_cents: i64,
    #[serde(default = "default_addon_state")]
    pub state: String,
    /// For Heroku Postgres add-ons: what the Data API reports.
    #[serde(default)]
    pub database: Option<DatabaseSpec>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DatabaseSpec {
    #[serde(default)]
    pub num_bytes: u64,
    #[serde(default)]
    pub num_tables: u64,
    #[serde(default)]
    pub num_connections: u64,
    #[serde(default = "default_pg_version")]
    pub postgres_version: String,
    #[serde(default = "default_db_status")]
    pub status: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CollaboratorSpec {
    pub email: String,
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReleaseSpec {
    pub version: i64,
    pub description: String,
    pub user: String,
    #[serde(default = "default_release_status")]
    pub status: String,
    #[serde(default = "default_time")]
    pub created_at: String,
}

fn default_true() -> bool {
    true
}

/// serde's `default = "…"` names a function; one per text default.
macro_rules! text_defaults {
    ($($name:ident => $value:literal),* $(,)?) => {$(
        fn $name() -> String {
            $value.into()
        }
    )*};
}

text_defaults! {
    default_pg_version => "16.4",
    default_db_status => "Available",
    default_region => "us",
    default_stack => "heroku-24",
    default_generation => "cedar",
    default_time => "2026-11-01T10:00:00Z",
    default_size => "Basic",
    default_command => "otree prodserver1of2",
    default_addon_state => "provisioned",
    default_release_status => "succeeded",
}
