//! Database health from Heroku's Data API: plan, status, size, tables, connections, version,
//! and how full the database is where the plan has a limit.

use serde::{Deserialize, Serialize};

use crate::heroku::models::AddOn;
use crate::heroku::{HerokuClient, HerokuError};

/// The Data API's answer for one database (fields Novaland reads).
#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseInfo {
    pub plan: PlanName,
    #[serde(default)]
    pub num_bytes: u64,
    #[serde(default)]
    pub num_tables: u64,
    #[serde(default)]
    pub num_connections: u64,
    #[serde(default)]
    pub postgres_version: Option<String>,
    #[serde(default)]
    pub info: Vec<InfoLine>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct PlanName {
    pub name: String,
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
    let infos = futures_util::future::try_join_all(
        addons
            .iter()
            .map(|a| crate::heroku::data::database_info::<DatabaseInfo>(client, &a.id)),
    )
    .await?;
    Ok(addons
        .into_iter()
        .zip(infos)
        .map(|(a, info)| assemble(a, info))
        .collect())
}

fn assemble(addon: AddOn, info: DatabaseInfo) -> DatabaseHealth {
    let status = info
        .info
        .iter()
        .find(|l| l.name == "Status")
        .and_then(|l| l.values.first())
        .and_then(|v| v.as_str())
        .unwrap_or("unknown")
        .to_string();
    let limit = plan_limit_bytes(&info.plan.name);
    DatabaseHealth {
        addon: addon.name,
        plan: info.plan.name,
        config_vars: addon.config_vars,
        status,
        num_bytes: info.num_bytes,
        num_tables: info.num_tables,
        num_connections: info.num_connections,
        postgres_version: info.postgres_version,
        limit_bytes: limit,
        percent_full: limit.map(|l| (info.num_bytes as f64 / l as f64 * 1000.0).round() / 10.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
