//! Database health from Heroku's Data API: plan, status, size, tables, connections, version,
//! and how full the database is where the plan has a limit.

use serde::{Deserialize, Serialize};

use crate::heroku::models::AddOn;
use crate::heroku::{HerokuClient, HerokuError};

/// The Data API's answer for one database (fields Novaland reads). It comes in two shapes
/// (heroku/cli src/lib/pg/types.ts): Standard and above (`PgDatabaseService`) with
/// `plan: {id, name}`, `num_bytes`, `num_tables`, `num_connections`, `postgres_version`;
/// Essential (`PgDatabaseTenant`) with `plan` as a string and the figures only as `info` lines.
/// Every field is optional here, and each figure falls back to its info line.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DatabaseInfo {
    #[serde(default)]
    pub plan: Option<PlanField>,
    #[serde(default)]
    pub num_bytes: Option<u64>,
    #[serde(default)]
    pub num_tables: Option<u64>,
    #[serde(default)]
    pub num_connections: Option<u64>,
    #[serde(default)]
    pub postgres_version: Option<String>,
    #[serde(default)]
    pub info: Vec<InfoLine>,
}

/// `plan` as Standard databases send it (`{id, name}`) or as Essential ones do (a string).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PlanField {
    Named { name: String },
    Text(String),
}

#[derive(Debug, Clone, Deserialize)]
pub struct InfoLine {
    pub name: String,
    #[serde(default)]
    pub values: Vec<serde_json::Value>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DatabaseHealth {
    pub addon: String,
    pub plan: String,
    /// Config vars it sets, e.g. DATABASE_URL: the one behind DATABASE_URL is the study's.
    pub config_vars: Vec<String>,
    pub status: String,
    pub num_bytes: u64,
    pub num_tables: u64,
    pub num_connections: u64,
    pub postgres_version: Option<String>,
    pub limit_bytes: Option<u64>,
    pub percent_full: Option<f64>,
    /// How worrying `percent_full` is, by the same limits as the readiness check.
    pub fullness: Option<Fullness>,
}

/// How full a database is, for the Postgres card and the readiness check alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Fullness {
    Good,
    /// From 80%: plan to download and upgrade or reset.
    Warn,
    /// From 95%: Heroku soon refuses new rows (Essential plans stop inserts when full).
    Bad,
}

impl Fullness {
    pub const WARN_FROM: f64 = 80.0;
    pub const BAD_FROM: f64 = 95.0;

    pub fn of(percent_full: f64) -> Fullness {
        if percent_full >= Self::BAD_FROM {
            Fullness::Bad
        } else if percent_full >= Self::WARN_FROM {
            Fullness::Warn
        } else {
            Fullness::Good
        }
    }
}

/// Storage limits of Heroku Postgres plans (Dev Center, "Heroku Postgres plans").
pub fn plan_limit_bytes(plan: &str) -> Option<u64> {
    const GB: u64 = 1_000_000_000;
    let tier = plan.rsplit(':').next().unwrap_or(plan);
    Some(match tier {
        "essential-0" => GB,
        "essential-1" => 10 * GB,
        "essential-2" => 32 * GB,
        "standard-0" | "premium-0" | "private-0" | "shield-0" => 64 * GB,
        "standard-2" | "premium-2" | "private-2" | "shield-2" => 256 * GB,
        "standard-3" | "premium-3" | "private-3" | "shield-3" => 512 * GB,
        "standard-4" | "premium-4" | "private-4" | "shield-4" => 768 * GB,
        _ => return None,
    })
}

/// Every Postgres add-on of the app, the one behind DATABASE_URL first; their Data API
/// requests go out together.
pub async fn health(client: &HerokuClient, app: &str) -> Result<Vec<DatabaseHealth>, HerokuError> {
    let mut addons: Vec<AddOn> = crate::heroku::addons::list(client, app)
        .await?
        .into_iter()
        .filter(|a| a.addon_service.name == "heroku-postgresql")
        .collect();
    addons.sort_by_key(|a| !a.config_vars.iter().any(|v| v == "DATABASE_URL"));
    let infos = futures_util::future::try_join_all(addons.iter().map(|a| async {
        // The Data API does not know a database still being made: 404, which the official
        // CLI shows as "not yet provisioned" (heroku/cli `src/commands/pg/info.ts` and its
        // test "shows warning for 404"), so one new database does not hide the others.
        match crate::heroku::data::database_info::<DatabaseInfo>(client, &a.id).await {
            Ok(info) => Ok(Some(info)),
            Err(HerokuError::NotFound { .. }) => Ok(None),
            Err(e) => Err(e),
        }
    }))
    .await?;
    Ok(addons
        .into_iter()
        .zip(infos)
        .map(|(a, info)| match info {
            Some(info) => assemble(a, info),
            None => DatabaseHealth {
                status: "not yet provisioned".into(),
                ..assemble(a, DatabaseInfo::default())
            },
        })
        .collect())
}

impl DatabaseInfo {
    /// The plan as the Data API names it, in either shape.
    fn plan_name(&self) -> Option<&str> {
        match self.plan.as_ref()? {
            PlanField::Named { name } | PlanField::Text(name) => Some(name),
        }
    }

    /// The first value of the info line called `name`, as text.
    fn line(&self, name: &str) -> Option<String> {
        self.info
            .iter()
            .find(|l| l.name == name)
            .and_then(|l| l.values.first())
            .map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
    }
}

/// The leading whole number of an info value: `12/4000 (In compliance)` → 12, `9 / 400` → 9.
fn leading_number(text: &str) -> Option<u64> {
    let digits: String = text
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// A size as Heroku writes it (`7.72 MB`, `0 B`, `1.53 GB`, `512 kB`) in bytes.
fn size_in_bytes(text: &str) -> Option<u64> {
    let mut parts = text.split_whitespace();
    let number: f64 = parts.next()?.parse().ok()?;
    let unit = parts.next().unwrap_or("B").to_ascii_uppercase();
    let factor = match unit.as_str() {
        "B" | "BYTES" => 1.0,
        "KB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        "TB" => 1e12,
        _ => return None,
    };
    Some((number * factor).round() as u64)
}

/// The Data Size line (`7.72 MB / 1 GB (0.75%) (In compliance)`): used size, limit, percent.
fn data_size_line(text: &str) -> (Option<u64>, Option<u64>, Option<f64>) {
    let (sizes, rest) = text.split_once('(').unwrap_or((text, ""));
    let mut sides = sizes.split('/');
    let used = sides.next().and_then(size_in_bytes);
    let limit = sides.next().and_then(size_in_bytes);
    let percent = rest
        .split_once('%')
        .and_then(|(p, _)| p.trim().parse::<f64>().ok());
    (used, limit, percent)
}

fn assemble(addon: AddOn, info: DatabaseInfo) -> DatabaseHealth {
    let status = info.line("Status").unwrap_or_else(|| "unknown".into());
    let (line_bytes, line_limit, line_percent) = info
        .line("Data Size")
        .map(|l| data_size_line(&l))
        .unwrap_or((None, None, None));
    let num_bytes = info.num_bytes.or(line_bytes).unwrap_or(0);
    // The add-on's plan name is certain; the Data API's own plan field is a display name.
    let plan = addon.plan.name.clone();
    let limit = plan_limit_bytes(&plan)
        .or_else(|| info.plan_name().and_then(plan_limit_bytes))
        .or(line_limit);
    let percent_full = match (line_percent, limit) {
        (Some(p), _) if info.num_bytes.is_none() => Some((p * 10.0).round() / 10.0),
        (_, Some(l)) => Some((num_bytes as f64 / l as f64 * 1000.0).round() / 10.0),
        (p, None) => p.map(|p| (p * 10.0).round() / 10.0),
    };
    DatabaseHealth {
        addon: addon.name,
        plan,
        config_vars: addon.config_vars,
        status,
        num_bytes,
        num_tables: info
            .num_tables
            .or_else(|| info.line("Tables").as_deref().and_then(leading_number))
            .unwrap_or(0),
        num_connections: info
            .num_connections
            .or_else(|| info.line("Connections").as_deref().and_then(leading_number))
            .unwrap_or(0),
        postgres_version: info
            .postgres_version
            .clone()
            .or_else(|| info.line("PG Version")),
        limit_bytes: limit,
        percent_full,
        fullness: percent_full.map(Fullness::of),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One set of limits for the card and the readiness check (the page used 70/90 while the
    /// check said 80/95).
    #[test]
    fn fullness_limits_are_the_readiness_checks() {
        assert_eq!(Fullness::of(79.9), Fullness::Good);
        assert_eq!(Fullness::of(80.0), Fullness::Warn);
        assert_eq!(Fullness::of(94.9), Fullness::Warn);
        assert_eq!(Fullness::of(95.0), Fullness::Bad);
        let card = assemble(
            addon("heroku-postgresql:essential-0"),
            serde_json::from_value(serde_json::json!({"num_bytes": 850_000_000u64})).unwrap(),
        );
        assert_eq!(
            (card.percent_full, card.fullness),
            (Some(85.0), Some(Fullness::Warn))
        );
    }

    fn addon(plan: &str) -> AddOn {
        serde_json::from_value(serde_json::json!({
            "id": "a1", "name": "postgresql-shaped-12345",
            "addon_service": {"id": "s", "name": "heroku-postgresql"},
            "plan": {"id": "p", "name": plan}, "state": "provisioned",
            "config_vars": ["DATABASE_URL"]
        }))
        .unwrap()
    }

    /// An Essential database as the Data API describes it: `plan` a string, the figures only
    /// as info lines (shape: heroku/cli src/lib/pg/types.ts `PgDatabaseTenant`; values as in
    /// the capture). It used to fail to decode at `plan`.
    #[test]
    fn essential_databases_are_read_from_their_info_lines() {
        let body = serde_json::json!({
            "addon_id": "a1", "name": "postgresql-shaped-12345", "plan": "essential-0",
            "database_name": "d1", "database_user": "u1", "created_at": "2026-10-01T09:00:00Z",
            "resource_url": "postgres://h:5432/d1", "waiting?": false,
            "info": [
                {"name": "Plan", "values": ["Essential 0"]},
                {"name": "Status", "values": ["Available"]},
                {"name": "Connections", "values": ["3/20"]},
                {"name": "PG Version", "values": ["16.4"]},
                {"name": "Data Size", "values": ["7.72 MB / 1 GB (0.75%) (In compliance)"]},
                {"name": "Tables", "values": ["12/4000 (In compliance)"]}
            ]
        });
        let info: DatabaseInfo = serde_json::from_value(body).unwrap();
        let h = assemble(addon("heroku-postgresql:essential-0"), info);
        assert_eq!(h.plan, "heroku-postgresql:essential-0");
        assert_eq!(h.status, "Available");
        assert_eq!((h.num_tables, h.num_connections), (12, 3));
        assert_eq!(h.postgres_version.as_deref(), Some("16.4"));
        assert_eq!(h.num_bytes, 7_720_000);
        assert_eq!(h.limit_bytes, Some(1_000_000_000));
        assert_eq!(h.percent_full, Some(0.8), "from Heroku's own percentage");
    }

    #[test]
    fn standard_databases_are_read_from_their_fields() {
        let body = serde_json::json!({
            "plan": {"id": 7, "name": "standard-0"}, "num_bytes": 32_000_000_000u64,
            "num_tables": 40, "num_connections": 9, "postgres_version": "15.8",
            "info": [{"name": "Status", "values": ["Available"]},
                     {"name": "Data Size", "values": ["1.53 GB"]}]
        });
        let info: DatabaseInfo = serde_json::from_value(body).unwrap();
        let h = assemble(addon("heroku-postgresql:standard-0"), info);
        assert_eq!(
            (h.num_tables, h.num_connections, h.num_bytes),
            (40, 9, 32_000_000_000)
        );
        assert_eq!(h.percent_full, Some(50.0));
        // An answer with nothing but a status still gives a card, not an error.
        let bare: DatabaseInfo = serde_json::from_value(serde_json::json!({})).unwrap();
        let h = assemble(addon("heroku-postgresql:essential-0"), bare);
        assert_eq!(
            (h.status.as_str(), h.num_bytes, h.percent_full),
            ("unknown", 0, Some(0.0))
        );
    }

    #[test]
    fn sizes_and_counts_as_heroku_writes_them() {
        assert_eq!(size_in_bytes("0 B"), Some(0));
        assert_eq!(size_in_bytes("512 kB"), Some(512_000));
        assert_eq!(size_in_bytes("1.53 GB"), Some(1_530_000_000));
        assert_eq!(size_in_bytes("lots"), None);
        assert_eq!(leading_number("9 / 400"), Some(9));
        assert_eq!(leading_number("73"), Some(73));
        assert_eq!(leading_number("?"), None);
        assert_eq!(data_size_line("7.2 MB"), (Some(7_200_000), None, None));
    }

    #[test]
    fn plan_limits() {
        assert_eq!(
            plan_limit_bytes("heroku-postgresql:essential-0"),
            Some(1_000_000_000)
        );
        assert_eq!(plan_limit_bytes("standard-0"), Some(64_000_000_000));
        assert_eq!(plan_limit_bytes("heroku-postgresql:unknown-9"), None);
    }
}
