//! The check before a session, as oTree Hub's server check does and more: each item pass,
//! warning or fail, why it matters in one sentence, and a one-click fix where Heroku allows it.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::aggregate::Minute;
use crate::heroku::models::{AddOn, ConfigVars, Dyno, Formation};
use crate::heroku::{self, HerokuClient, HerokuError};
use crate::i18n::decimal;
use crate::postgres::backups;
use crate::resources::config_vars::strong_password;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Pass,
    Warn,
    Fail,
}

/// What a fix button does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Fix {
    SetVar {
        name: String,
        value: String,
    },
    GeneratePassword {
        name: String,
    },
    /// Web to one dyno of this size.
    OneWebDyno {
        size: String,
    },
    Restart,
    AddAddon {
        plan: String,
    },
    ScheduleBackups,
    EnableRuntimeMetrics,
}

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub id: &'static str,
    pub title: String,
    pub state: State,
    /// Why it matters, in one sentence.
    pub why: String,
    /// What was found.
    pub found: String,
    pub fix: Option<Fix>,
    /// The fix button's words.
    pub fix_label: Option<String>,
}

/// What the check reads, gathered by `gather` (or built by hand in tests).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub vars: ConfigVars,
    pub formation: Vec<Formation>,
    pub dynos: Vec<Dyno>,
    pub addons: Vec<AddOn>,
    /// Percent full of the database behind DATABASE_URL, when its plan has a limit.
    pub db_percent_full: Option<f64>,
    pub backups_scheduled: bool,
    pub runtime_metrics: bool,
    /// The last hour of collected minutes.
    pub recent: Vec<Minute>,
}

pub async fn gather(
    client: &HerokuClient,
    app: &str,
    recent: Vec<Minute>,
) -> Result<Facts, HerokuError> {
    let (vars, formation, dynos, addons) = tokio::try_join!(
        heroku::config_vars::get(client, app),
        heroku::formation::list(client, app),
        heroku::dynos::list(client, app),
        heroku::addons::list(client, app),
    )?;
    let runtime_metrics = crate::metrics::runtime_metrics_enabled(client, app).await;
    let has_db = addons
        .iter()
        .any(|a| a.addon_service.name == "heroku-postgresql");
    let (db_percent_full, backups_scheduled) = if has_db {
        let dbs = crate::postgres::health(client, app)
            .await
            .unwrap_or_default();
        let main = dbs
            .iter()
            .find(|d| d.config_vars.iter().any(|v| v == "DATABASE_URL"));
        let schedule = backups::schedule(client, app).await.ok().flatten();
        (main.and_then(|d| d.percent_full), schedule.is_some())
    } else {
        (None, false)
    };
    Ok(Facts {
        vars,
        formation,
        dynos,
        addons,
        db_percent_full,
        backups_scheduled,
        runtime_metrics,
        recent,
    })
}

fn check(
    id: &'static str,
    title: String,
    why: String,
    state: State,
    found: String,
    fix: Option<(Fix, String)>,
) -> Check {
    let (fix, fix_label) = match (state, fix) {
        (State::Pass, _) | (_, None) => (None, None),
        (_, Some((f, label))) => (Some(f), Some(label)),
    };
    Check {
        id,
        title,
        state,
        why,
        found,
        fix,
        fix_label,
    }
}

pub fn evaluate(f: &Facts) -> Vec<Check> {
    CHECKS.iter().map(|check| check(f)).collect()
}

/// The checks in the order the screen lists them, one function each.
const CHECKS: &[fn(&Facts) -> Check] = &[
    postgres,
    production,
    admin_password,
    auth_level,
    web_dyno,
    not_eco,
    no_crash,
    backups,
    papertrail,
    sentry,
    memory,
];

fn var(f: &Facts, name: &str) -> Option<String> {
    f.vars
        .get(name)
        .cloned()
        .flatten()
        .filter(|v| !v.is_empty())
}

fn has(f: &Facts, service: &str) -> bool {
    f.addons.iter().any(|a| a.addon_service.name == service)
}

fn postgres(f: &Facts) -> Check {
    let (state, found) = match (has(f, "heroku-postgresql"), f.db_percent_full) {
        (false, _) => (State::Fail, tr!("readiness-postgres-found-none")),
        (true, Some(p)) => match crate::postgres::Fullness::of(p) {
            crate::postgres::Fullness::Bad => (
                State::Fail,
                tr!("readiness-postgres-found-full", percent = decimal(p, 0)),
            ),
            crate::postgres::Fullness::Warn => (
                State::Warn,
                tr!("readiness-postgres-found-full", percent = decimal(p, 0)),
            ),
            crate::postgres::Fullness::Good => (
                State::Pass,
                tr!("readiness-postgres-found-room", percent = decimal(p, 0)),
            ),
        },
        (true, None) => (State::Pass, tr!("readiness-postgres-found-no-limit")),
    };
    check(
        "postgres",
        tr!("readiness-postgres-title"),
        tr!("readiness-postgres-why"),
        state,
        found,
        Some((
            Fix::AddAddon {
                plan: "heroku-postgresql:essential-0".into(),
            },
            tr!("readiness-postgres-fix"),
        ))
        .filter(|_| !has(f, "heroku-postgresql")),
    )
}

fn production(f: &Facts) -> Check {
    let production = var(f, "OTREE_PRODUCTION");
    check(
        "production",
        tr!("readiness-production-title"),
        tr!("readiness-production-why"),
        if production.as_deref() == Some("1") {
            State::Pass
        } else {
            State::Fail
        },
        production.map_or(tr!("readiness-production-found-unset"), |v| {
            tr!("readiness-production-found", value = v)
        }),
        Some((
            Fix::SetVar {
                name: "OTREE_PRODUCTION".into(),
                value: "1".into(),
            },
            tr!("readiness-production-fix"),
        )),
    )
}

fn admin_password(f: &Facts) -> Check {
    check(
        "admin_password",
        tr!("readiness-admin-password-title"),
        tr!("readiness-admin-password-why"),
        if var(f, "OTREE_ADMIN_PASSWORD").is_some() {
            State::Pass
        } else {
            State::Fail
        },
        if var(f, "OTREE_ADMIN_PASSWORD").is_some() {
            tr!("readiness-admin-password-found-set")
        } else {
            tr!("readiness-admin-password-found-unset")
        },
        Some((
            Fix::GeneratePassword {
                name: "OTREE_ADMIN_PASSWORD".into(),
            },
            tr!("readiness-admin-password-fix"),
        )),
    )
}

fn auth_level(f: &Facts) -> Check {
    let level = var(f, "OTREE_AUTH_LEVEL");
    check(
        "auth_level",
        tr!("readiness-auth-level-title"),
        tr!("readiness-auth-level-why"),
        match level.as_deref() {
            Some("STUDY") => State::Pass,
            Some(_) => State::Warn,
            None => State::Fail,
        },
        level.map_or(tr!("readiness-auth-level-found-unset"), |v| {
            tr!("readiness-auth-level-found", value = v)
        }),
        Some((
            Fix::SetVar {
                name: "OTREE_AUTH_LEVEL".into(),
                value: "STUDY".into(),
            },
            tr!("readiness-auth-level-fix"),
        )),
    )
}

/// The web process: how many dynos, their size, and whether one has crashed.
fn web(f: &Facts) -> (i64, String, bool) {
    let web = f.formation.iter().find(|p| p.process_type == "web");
    let (quantity, size) = web.map_or((0, "Basic".to_string()), |w| (w.quantity, w.size.clone()));
    let crashed = f
        .dynos
        .iter()
        .any(|d| d.process_type == "web" && d.state == "crashed");
    (quantity, size, crashed)
}

fn web_dyno(f: &Facts) -> Check {
    let (quantity, size, crashed) = web(f);
    let safe_size = if size.eq_ignore_ascii_case("eco") {
        "Basic".to_string()
    } else {
        size.clone()
    };
    let (state, found, fix) = match quantity {
        0 => (
            State::Fail,
            tr!("readiness-web-dyno-found-none"),
            Some((
                Fix::OneWebDyno {
                    size: safe_size.clone(),
                },
                tr!("readiness-web-dyno-fix-start"),
            )),
        ),
        1 if crashed => (
            State::Fail,
            tr!("readiness-web-dyno-found-crashed"),
            Some((Fix::Restart, tr!("readiness-web-dyno-fix-restart"))),
        ),
        1 => (
            State::Pass,
            tr!("readiness-web-dyno-found-up", size = size.as_str()),
            None,
        ),
        n => (
            State::Warn,
            tr!("readiness-web-dyno-found-several", count = n),
            Some((
                Fix::OneWebDyno { size: size.clone() },
                tr!("readiness-web-dyno-fix-one"),
            )),
        ),
    };
    check(
        "web_dyno",
        tr!("readiness-web-dyno-title"),
        tr!("readiness-web-dyno-why"),
        state,
        found,
        fix,
    )
}

fn not_eco(f: &Facts) -> Check {
    let (quantity, size, _) = web(f);
    check(
        "not_eco",
        tr!("readiness-not-eco-title"),
        tr!("readiness-not-eco-why"),
        if size.eq_ignore_ascii_case("eco") && quantity > 0 {
            State::Warn
        } else {
            State::Pass
        },
        tr!("readiness-not-eco-found", size = size.as_str()),
        Some((
            Fix::OneWebDyno {
                size: "Basic".into(),
            },
            tr!("readiness-not-eco-fix"),
        )),
    )
}

fn no_crash(f: &Facts) -> Check {
    let (_, _, crashed) = web(f);
    let crashes: u32 = f
        .recent
        .iter()
        .map(|m| m.codes.get("H10").copied().unwrap_or(0))
        .sum();
    check(
        "no_crash",
        tr!("readiness-no-crash-title"),
        tr!("readiness-no-crash-why"),
        if crashes > 0 || crashed {
            State::Fail
        } else {
            State::Pass
        },
        if crashes > 0 {
            tr!("readiness-no-crash-found", count = crashes)
        } else {
            tr!("readiness-no-crash-found-none")
        },
        None,
    )
}

fn backups(f: &Facts) -> Check {
    check(
        "backups",
        tr!("readiness-backups-title"),
        tr!("readiness-backups-why"),
        if f.backups_scheduled {
            State::Pass
        } else {
            State::Warn
        },
        if f.backups_scheduled {
            tr!("readiness-backups-found-scheduled")
        } else {
            tr!("readiness-backups-found-none")
        },
        Some((Fix::ScheduleBackups, tr!("readiness-backups-fix")))
            .filter(|_| has(f, "heroku-postgresql")),
    )
}

fn papertrail(f: &Facts) -> Check {
    check(
        "papertrail",
        tr!("readiness-papertrail-title"),
        tr!("readiness-papertrail-why"),
        if has(f, "papertrail") {
            State::Pass
        } else {
            State::Warn
        },
        if has(f, "papertrail") {
            tr!("readiness-papertrail-found-present")
        } else {
            tr!("readiness-papertrail-found-none")
        },
        Some((
            Fix::AddAddon {
                plan: "papertrail:choklad".into(),
            },
            tr!("readiness-papertrail-fix"),
        )),
    )
}

fn sentry(f: &Facts) -> Check {
    check(
        "sentry",
        tr!("readiness-sentry-title"),
        tr!("readiness-sentry-why"),
        if var(f, "SENTRY_DSN").is_some() {
            State::Pass
        } else {
            State::Warn
        },
        if var(f, "SENTRY_DSN").is_some() {
            tr!("readiness-sentry-found-set")
        } else {
            tr!("readiness-sentry-found-none")
        },
        Some((
            Fix::AddAddon {
                plan: "sentry:f1".into(),
            },
            tr!("readiness-sentry-fix"),
        )),
    )
}

/// Memory: the highest use against the quota in the last 15 minutes with samples.
fn memory(f: &Facts) -> Check {
    let latest = f
        .recent
        .iter()
        .rev()
        .take(15)
        .flat_map(|m| m.dynos.values());
    let worst = latest
        .filter_map(|d| Some(d.memory_mb? / d.quota_mb?))
        .fold(None, |a: Option<f64>, r| Some(a.map_or(r, |a| a.max(r))));
    let (state, found, fix) = match worst {
        Some(r) if r >= 0.9 => (
            State::Fail,
            tr!("readiness-memory-found", percent = decimal(r * 100.0, 0)),
            Some((
                Fix::OneWebDyno {
                    size: "Standard-2X".into(),
                },
                tr!("readiness-memory-fix-bigger"),
            )),
        ),
        Some(r) if r >= 0.75 => (
            State::Warn,
            tr!("readiness-memory-found", percent = decimal(r * 100.0, 0)),
            None,
        ),
        Some(r) => (
            State::Pass,
            tr!("readiness-memory-found", percent = decimal(r * 100.0, 0)),
            None,
        ),
        None if !f.runtime_metrics => (
            State::Warn,
            tr!("readiness-memory-found-off"),
            Some((
                Fix::EnableRuntimeMetrics,
                tr!("readiness-memory-fix-metrics"),
            )),
        ),
        None => (State::Warn, tr!("readiness-memory-found-waiting"), None),
    };
    check(
        "memory",
        tr!("readiness-memory-title"),
        tr!("readiness-memory-why"),
        state,
        found,
        fix,
    )
}

/// Carries out a fix. `timezone` is the researcher's (for the backup schedule).
pub async fn apply(
    client: &HerokuClient,
    app: &str,
    fix: &Fix,
    timezone: &str,
) -> Result<(), String> {
    let heroku = |e: HerokuError| e.plain();
    match fix {
        Fix::SetVar { name, value } => crate::resources::config_vars::set(client, app, name, value)
            .await
            .map(|_| ())
            .map_err(heroku),
        Fix::GeneratePassword { name } => {
            crate::resources::config_vars::set(client, app, name, &strong_password())
                .await
                .map(|_| ())
                .map_err(heroku)
        }
        Fix::OneWebDyno { size } => {
            crate::resources::formation::change(client, app, "web", size, 1)
                .await
                .map(|_| ())
                .map_err(heroku)
        }
        Fix::Restart => crate::resources::formation::restart_all(client, app)
            .await
            .map_err(heroku),
        Fix::AddAddon { plan } => {
            let cancel = std::sync::atomic::AtomicBool::new(false);
            crate::resources::addons::add(
                client,
                app,
                plan,
                Duration::from_secs(2),
                &cancel,
                |_| {},
            )
            .await
            .map(|_| ())
            .map_err(|e| e.plain())
        }
        Fix::ScheduleBackups => backups::set_schedule(client, app, 2, timezone)
            .await
            .map(|_| ())
            .map_err(|e| e.plain()),
        Fix::EnableRuntimeMetrics => {
            heroku::features::update(client, app, crate::metrics::RUNTIME_METRICS, true)
                .await
                .map_err(heroku)?;
            crate::resources::formation::restart_all(client, app)
                .await
                .map_err(heroku)
        }
    }
}
