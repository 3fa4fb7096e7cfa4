//! Add-ons: the marketplace (Heroku's add-on services and their plans), grouped the way a
//! researcher looks for them, with what an oTree study needs first; adding with provisioning
//! followed until ready; changing plan; removing — a Postgres database only after a fresh backup
//! is on this computer.

use crate::error::ErrorCode;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::heroku::models::AddOn;
use crate::heroku::{self, HerokuClient, HerokuError};
use crate::postgres::backups::{self, BackupError};

#[derive(Debug, Clone, Deserialize)]
struct ServiceJson {
    name: String,
    human_name: String,
    #[serde(default)]
    state: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct PlanJson {
    name: String,
    human_name: String,
    #[serde(default)]
    default: bool,
    price: PriceJson,
}

#[derive(Debug, Clone, Deserialize)]
struct PriceJson {
    cents: i64,
    unit: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Service {
    pub name: String,
    pub human_name: String,
    /// databases, logs, errors, email, storage, security, other
    pub category: &'static str,
    /// Why an oTree study wants it, for the suggested ones.
    pub suggestion: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Plan {
    /// `papertrail:choklad`
    pub name: String,
    pub human_name: String,
    pub cents: i64,
    pub unit: String,
    pub default: bool,
}

/// What an oTree study needs, in the order to add them.
const SUGGESTED: &[&str] = &["heroku-postgresql", "papertrail", "sentry"];

/// Why an oTree study wants a suggested service, in the language in effect.
fn suggestion(service: &str) -> Option<String> {
    match service {
        "heroku-postgresql" => Some(crate::tr!("core-addons-suggest-postgres")),
        "papertrail" => Some(crate::tr!("core-addons-suggest-papertrail")),
        "sentry" => Some(crate::tr!("core-addons-suggest-sentry")),
        _ => None,
    }
}

pub fn category(service: &str) -> &'static str {
    const GROUPS: &[(&str, &[&str])] = &[
        (
            "databases",
            &[
                "postgres",
                "redis",
                "key-value",
                "mongo",
                "mysql",
                "cleardb",
                "jawsdb",
                "elephantsql",
            ],
        ),
        (
            "logs",
            &[
                "papertrail",
                "logentries",
                "coralogix",
                "logdna",
                "sumo",
                "newrelic",
                "new-relic",
                "scout",
                "librato",
                "datadog",
            ],
        ),
        (
            "errors",
            &["sentry", "rollbar", "honeybadger", "bugsnag", "airbrake"],
        ),
        (
            "email",
            &["sendgrid", "mailgun", "postmark", "mailtrap", "sparkpost"],
        ),
        ("storage", &["bucketeer", "cloudcube", "cloudinary", "s3"]),
        (
            "security",
            &["waf", "expedited", "sqreen", "snyk", "guardian"],
        ),
    ];
    let name = service.to_ascii_lowercase();
    GROUPS
        .iter()
        .find(|(_, words)| words.iter().any(|w| name.contains(w)))
        .map_or("other", |(group, _)| group)
}

/// Heroku's add-on services matching `query` (all when empty), suggested ones first.
pub async fn marketplace(client: &HerokuClient, query: &str) -> Result<Vec<Service>, HerokuError> {
    let services: Vec<ServiceJson> = heroku::addons::services(client).await?;
    let query = query.trim().to_ascii_lowercase();
    let mut found: Vec<Service> = services
        .into_iter()
        .filter(|s| s.state.as_deref() != Some("shutdown"))
        .filter(|s| {
            query.is_empty()
                || s.name.to_ascii_lowercase().contains(&query)
                || s.human_name.to_ascii_lowercase().contains(&query)
                || category(&s.name).contains(&query)
        })
        .map(|s| Service {
            category: category(&s.name),
            suggestion: suggestion(&s.name),
            name: s.name,
            human_name: s.human_name,
        })
        .collect();
    let rank = |s: &Service| {
        SUGGESTED
            .iter()
            .position(|n| *n == s.name)
            .unwrap_or(SUGGESTED.len())
    };
    found.sort_by(|a, b| rank(a).cmp(&rank(b)).then(a.human_name.cmp(&b.human_name)));
    Ok(found)
}

/// A service's plans, cheapest first.
pub async fn plans(client: &HerokuClient, service: &str) -> Result<Vec<Plan>, HerokuError> {
    let plans: Vec<PlanJson> = heroku::addons::plans(client, service).await?;
    let mut plans: Vec<Plan> = plans
        .into_iter()
        .map(|p| Plan {
            name: p.name,
            human_name: p.human_name,
            cents: p.price.cents,
            unit: p.price.unit,
            default: p.default,
        })
        .collect();
    plans.sort_by_key(|p| p.cents);
    Ok(plans)
}

#[derive(Debug, thiserror::Error)]
pub enum AddonChangeError {
    #[error(transparent)]
    Heroku(#[from] HerokuError),
    #[error("the add-on did not become ready")]
    NotReady { state: String },
    #[error("cancelled")]
    Cancelled,
    #[error(transparent)]
    Backup(#[from] BackupError),
    #[error("no folder: {0}")]
    NoFolder(String),
    /// The add-on the page named is no longer on the app.
    #[error("no such add-on")]
    Gone,
    #[error("no dashboard address")]
    NoDashboard,
}

impl AddonChangeError {
    pub fn code(&self) -> ErrorCode {
        match self {
            AddonChangeError::Heroku(e) => e.code(),
            AddonChangeError::NotReady { .. } => ErrorCode::NotReady,
            AddonChangeError::Cancelled => ErrorCode::Cancelled,
            AddonChangeError::Backup(e) => e.code(),
            AddonChangeError::NoFolder(_) => ErrorCode::NoFolder,
            AddonChangeError::Gone => ErrorCode::NotFound,
            AddonChangeError::NoDashboard => ErrorCode::NoUrl,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            AddonChangeError::Heroku(e) => e.plain(),
            AddonChangeError::NotReady { state } => {
                crate::tr!("error-addon-not-ready", state = state)
            }
            AddonChangeError::Cancelled => crate::tr!("error-addon-cancelled"),
            AddonChangeError::Backup(e) => crate::tr!("error-addon-backup", reason = e.plain()),
            AddonChangeError::NoFolder(why) => crate::tr!("error-addon-no-folder", reason = why),
            AddonChangeError::Gone => crate::tr!("error-addon-gone"),
            AddonChangeError::NoDashboard => crate::tr!("error-addon-no-dashboard"),
        }
    }
}

/// Adds `plan` and follows provisioning until Heroku reports the add-on ready.
pub async fn add(
    client: &HerokuClient,
    app: &str,
    plan: &str,
    poll: Duration,
    cancel: &AtomicBool,
    mut progress: impl FnMut(&AddOn),
) -> Result<AddOn, AddonChangeError> {
    let mut addon =
        heroku::addons::create(client, app, &serde_json::json!({ "plan": plan })).await?;
    progress(&addon);
    let deadline = std::time::Instant::now() + Duration::from_secs(15 * 60);
    while addon.state == "provisioning" {
        if cancel.load(Ordering::SeqCst) {
            return Err(AddonChangeError::Cancelled);
        }
        if std::time::Instant::now() > deadline {
            return Err(AddonChangeError::NotReady { state: addon.state });
        }
        tokio::time::sleep(poll).await;
        addon = heroku::addons::info(client, app, &addon.id).await?;
        progress(&addon);
    }
    if addon.state != "provisioned" {
        return Err(AddonChangeError::NotReady { state: addon.state });
    }
    Ok(addon)
}

pub async fn change_plan(
    client: &HerokuClient,
    app: &str,
    addon: &str,
    plan: &str,
) -> Result<AddOn, HerokuError> {
    heroku::addons::update(client, app, addon, &serde_json::json!({ "plan": plan })).await
}

/// What removing took: for a database, where its backup was saved.
#[derive(Debug, Clone, Serialize)]
pub struct Removed {
    pub addon: String,
    pub backup_file: Option<PathBuf>,
}

/// The add-on the page names (by id or name), as Heroku lists it now.
async fn named(client: &HerokuClient, app: &str, addon: &str) -> Result<AddOn, AddonChangeError> {
    heroku::addons::list(client, app)
        .await?
        .into_iter()
        .find(|a| a.id == addon || a.name == addon)
        .ok_or(AddonChangeError::Gone)
}

/// The add-on's own dashboard (Heroku's add-on sign-in), https only.
pub async fn dashboard_url(
    client: &HerokuClient,
    app: &str,
    addon: &str,
) -> Result<String, AddonChangeError> {
    named(client, app, addon)
        .await?
        .web_url
        .filter(|u| u.starts_with("https://"))
        .ok_or(AddonChangeError::NoDashboard)
}

/// "Remove" on the add-on the page names: [`remove`] of it as Heroku lists it now.
pub async fn remove_named(
    client: &HerokuClient,
    app: &str,
    addon: &str,
    root: &Path,
    stamp: &str,
    cancel: &AtomicBool,
    step: impl FnMut(&str),
) -> Result<Removed, AddonChangeError> {
    let found = named(client, app, addon).await?;
    remove(client, app, &found, root, stamp, cancel, step).await
}

/// Removes an add-on. A Heroku Postgres add-on goes only after a backup is captured, reported
/// succeeded and downloaded into `<root>/<app>/<stamp>/`; any failure there removes nothing.
pub async fn remove(
    client: &HerokuClient,
    app: &str,
    addon: &AddOn,
    root: &Path,
    stamp: &str,
    cancel: &AtomicBool,
    mut step: impl FnMut(&str),
) -> Result<Removed, AddonChangeError> {
    let mut backup_file = None;
    if addon.addon_service.name == "heroku-postgresql" {
        step(&crate::tr!("core-addons-backing-up"));
        // A backup of exactly this add-on: with two databases, the one behind DATABASE_URL
        // is not the one about to go.
        let backup =
            backups::capture_of(client, app, addon, Duration::from_secs(2), cancel, |_| {}).await?;
        step(&crate::tr!("core-addons-saving-backup"));
        let folder = crate::files::dated_folder(root, app, stamp)
            .map_err(|e| AddonChangeError::NoFolder(e.to_string()))?;
        match backups::download(client, app, &backup, &folder, cancel, |_| {}).await {
            Ok(path) => backup_file = Some(path),
            Err(e) => {
                let _ = std::fs::remove_dir(&folder);
                return Err(e.into());
            }
        }
    }
    if cancel.load(Ordering::SeqCst) {
        return Err(AddonChangeError::Cancelled);
    }
    step(&crate::tr!("core-addons-removing"));
    heroku::addons::delete(client, app, &addon.id).await?;
    Ok(Removed {
        addon: addon.name.clone(),
        backup_file,
    })
}

crate::error::user_error!(AddonChangeError);

#[cfg(test)]
mod tests {
    use super::category;

    #[test]
    fn groups() {
        assert_eq!(category("heroku-postgresql"), "databases");
        assert_eq!(category("papertrail"), "logs");
        assert_eq!(category("sentry"), "errors");
        assert_eq!(category("sendgrid"), "email");
        assert_eq!(category("bucketeer"), "storage");
        assert_eq!(category("expedited-waf"), "security");
        assert_eq!(category("something-else"), "other");
    }
}
