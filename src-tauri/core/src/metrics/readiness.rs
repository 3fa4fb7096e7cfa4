//! The check before a session, as oTree Hub's server check does and more: each item pass,
//! warning or fail, why it matters in one sentence, and a one-click fix where Heroku allows it.

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::aggregate::Minute;
use crate::heroku::models::{AddOn, ConfigVars, Dyno, Formation};
use crate::heroku::{self, HerokuClient, HerokuError};
use crate::postgres::backups;
use crate::resources::config_vars::strong_password;

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
    pub title: &'static str,
    pub state: State,
    /// Why it matters, in one sentence.
    pub why: &'static str,
    /// What was found.
    pub found: String,
    pub fix: Option<Fix>,
    /// The fix button's words.
    pub fix_label: Option<&'static str>,
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
    title: &'static str,
    why: &'static str,
    state: State,
    found: String,
    fix: Option<(Fix, &'static str)>,
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
        (false, _) => (State::Fail, "No Heroku Postgres database.".to_string()),
        (true, Some(p)) => match crate::postgres::Fullness::of(p) {
            crate::postgres::Fullness::Bad => {
                (State::Fail, format!("The database is {p:.0}% full."))
            }
            crate::postgres::Fullness::Warn => {
                (State::Warn, format!("The database is {p:.0}% full."))
            }
            crate::postgres::Fullness::Good => (State::Pass, format!("{p:.0}% full.")),
        },
        (true, None) => (
            State::Pass,
            "Present (its plan has no row limit).".to_string(),
        ),
    };
    check(
        "postgres",
        "A database with room",
        "oTree keeps every participant's data in Postgres; when it is full, new data is refused.",
        state,
        found,
        Some((
            Fix::AddAddon {
                plan: "heroku-postgresql:essential-0".into(),
            },
            "Add Heroku Postgres (essential-0, $5/month)",
        ))
        .filter(|_| !has(f, "heroku-postgresql")),
    )
}

fn production(f: &Facts) -> Check {
    let production = var(f, "OTREE_PRODUCTION");
    check(
        "production",
        "oTree in production mode",
        "Without it, participants who hit an error see oTree's debug page with your code.",
        if production.as_deref() == Some("1") {
            State::Pass
        } else {
            State::Fail
        },
        production.map_or("OTREE_PRODUCTION is not set.".into(), |v| {
            format!("OTREE_PRODUCTION is {v}.")
        }),
        Some((
            Fix::SetVar {
                name: "OTREE_PRODUCTION".into(),
                value: "1".into(),
            },
            "Set OTREE_PRODUCTION to 1",
        )),
    )
}

fn admin_password(f: &Facts) -> Check {
    check(
        "admin_password",
        "An admin password",
        "Without it anyone can open oTree's admin pages and see or delete your data.",
        if var(f, "OTREE_ADMIN_PASSWORD").is_some() {
            State::Pass
        } else {
            State::Fail
        },
        if var(f, "OTREE_ADMIN_PASSWORD").is_some() {
            "Set.".into()
        } else {
            "OTREE_ADMIN_PASSWORD is not set.".into()
        },
        Some((
            Fix::GeneratePassword {
                name: "OTREE_ADMIN_PASSWORD".into(),
            },
            "Set a strong password",
        )),
    )
}

fn auth_level(f: &Facts) -> Check {
    let level = var(f, "OTREE_AUTH_LEVEL");
    check(
        "auth_level",
        "Admin pages locked (STUDY)",
        "STUDY keeps the demo and admin pages away from participants.",
        match level.as_deref() {
            Some("STUDY") => State::Pass,
            Some(_) => State::Warn,
            None => State::Fail,
        },
        level.map_or("OTREE_AUTH_LEVEL is not set.".into(), |v| {
            format!("OTREE_AUTH_LEVEL is {v}.")
        }),
        Some((
            Fix::SetVar {
                name: "OTREE_AUTH_LEVEL".into(),
                value: "STUDY".into(),
            },
            "Set OTREE_AUTH_LEVEL to STUDY",
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
            "No web dyno runs: nobody can open the study.".to_string(),
            Some((
                Fix::OneWebDyno {
                    size: safe_size.clone(),
                },
                "Start one web dyno",
            )),
        ),
        1 if crashed => (
            State::Fail,
            "The web dyno has crashed.".to_string(),
            Some((Fix::Restart, "Restart the app")),
        ),
        1 => (State::Pass, format!("One {size} web dyno, up."), None),
        n => (
            State::Warn,
            format!("{n} web dynos: oTree needs exactly one."),
            Some((Fix::OneWebDyno { size: size.clone() }, "Use one web dyno")),
        ),
    };
    check(
        "web_dyno",
        "Exactly one web dyno, up",
        "oTree keeps groups and wait pages in one process: one web dyno, running.",
        state,
        found,
        fix,
    )
}

fn not_eco(f: &Facts) -> Check {
    let (quantity, size, _) = web(f);
    check("not_eco", "No sleeping Eco dyno", "Eco dynos sleep after 30 idle minutes; the first participants then wait and wait pages can break.",
        if size.eq_ignore_ascii_case("eco") && quantity > 0 { State::Warn } else { State::Pass },
        format!("The web dyno is {size}."),
        Some((Fix::OneWebDyno { size: "Basic".into() }, "Use a Basic dyno ($7/month)")))
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
        "No crash in the last hour",
        "A crash means participants saw error pages; find out why before a session.",
        if crashes > 0 || crashed {
            State::Fail
        } else {
            State::Pass
        },
        if crashes > 0 {
            format!("{crashes} requests met a crashed app (H10) in the last hour. The Logs screen's Errors tab shows why.")
        } else {
            "None seen.".into()
        },
        None,
    )
}

fn backups(f: &Facts) -> Check {
    check(
        "backups",
        "Daily backups",
        "If something goes wrong, yesterday's backup is what you can go back to.",
        if f.backups_scheduled {
            State::Pass
        } else {
            State::Warn
        },
        if f.backups_scheduled {
            "Scheduled.".into()
        } else {
            "No daily backup is scheduled.".into()
        },
        Some((Fix::ScheduleBackups, "Back up every day at 02:00"))
            .filter(|_| has(f, "heroku-postgresql")),
    )
}

fn papertrail(f: &Facts) -> Check {
    check(
        "papertrail",
        "Papertrail (recommended)",
        "Keeps the log for days, so an error during the night can still be read.",
        if has(f, "papertrail") {
            State::Pass
        } else {
            State::Warn
        },
        if has(f, "papertrail") {
            "Present.".into()
        } else {
            "Not added.".into()
        },
        Some((
            Fix::AddAddon {
                plan: "papertrail:choklad".into(),
            },
            "Add Papertrail (free plan)",
        )),
    )
}

fn sentry(f: &Facts) -> Check {
    check(
        "sentry",
        "Sentry (recommended)",
        "Collects each error with the page and participant it happened to.",
        if var(f, "SENTRY_DSN").is_some() {
            State::Pass
        } else {
            State::Warn
        },
        if var(f, "SENTRY_DSN").is_some() {
            "SENTRY_DSN is set.".into()
        } else {
            "No SENTRY_DSN.".into()
        },
        Some((
            Fix::AddAddon {
                plan: "sentry:f1".into(),
            },
            "Add Sentry (free plan)",
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
            format!("Memory at {:.0}% of the dyno's quota.", r * 100.0),
            Some((
                Fix::OneWebDyno {
                    size: "Standard-2X".into(),
                },
                "Use a Standard-2X dyno (1 GB)",
            )),
        ),
        Some(r) if r >= 0.75 => (
            State::Warn,
            format!("Memory at {:.0}% of the dyno's quota.", r * 100.0),
            None,
        ),
        Some(r) => (
            State::Pass,
            format!("Memory at {:.0}% of the dyno's quota.", r * 100.0),
            None,
        ),
        None if !f.runtime_metrics => (
            State::Warn,
            "No memory numbers: Heroku's runtime metrics are off.".into(),
            Some((
                Fix::EnableRuntimeMetrics,
                "Turn on detailed metrics (restarts the app)",
            )),
        ),
        None => (
            State::Warn,
            "No memory numbers yet; they arrive every 20 seconds while the app runs.".into(),
            None,
        ),
    };
    check(
        "memory",
        "Memory headroom",
        "A dyno out of memory slows down (R14) and is then restarted (R15).",
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
