//! Dynos as the researcher decides them: each process type with its size, count and monthly
//! cost, and the warnings oTree needs (one web dyno; no sleeping Eco dyno for a live study).

use serde::Serialize;

use crate::error::{ErrorCode, Refused};
use crate::heroku::models::Formation;
use crate::heroku::{apps, HerokuClient, HerokuError};

/// (size as Heroku names it, cents a month per dyno, memory in MB). Eco is a shared pool of
/// hours for $5 a month per account; it is shown at that price.
pub const SIZES: &[(&str, i64, u32)] = &[
    ("Eco", 500, 512),
    ("Basic", 700, 512),
    ("Standard-1X", 2500, 512),
    ("Standard-2X", 5000, 1024),
    ("Performance-M", 25000, 2560),
    ("Performance-L", 50000, 14336),
];

#[derive(Debug, Clone, Serialize)]
pub struct ProcessView {
    pub process_type: String,
    pub size: String,
    pub quantity: i64,
    pub memory_mb: Option<u32>,
    pub monthly_cents: Option<i64>,
    pub command: Option<String>,
    pub warnings: Vec<String>,
}

/// The Formation card: each process type, maintenance mode, and the sizes to choose from.
#[derive(Debug, Clone, Serialize)]
pub struct FormationView {
    pub processes: Vec<ProcessView>,
    pub maintenance: bool,
    pub sizes: Vec<SizeInfo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SizeInfo {
    pub name: &'static str,
    pub monthly_cents: i64,
    pub memory_mb: u32,
}

/// The formation and maintenance mode, asked for at the same time.
pub async fn full_view(client: &HerokuClient, app: &str) -> Result<FormationView, HerokuError> {
    let (processes, info) = tokio::try_join!(list(client, app), apps::info(client, app))?;
    let sizes = SIZES
        .iter()
        .map(|&(name, monthly_cents, memory_mb)| SizeInfo {
            name,
            monthly_cents,
            memory_mb,
        });
    Ok(FormationView {
        processes,
        maintenance: info.maintenance,
        sizes: sizes.collect(),
    })
}

/// At most 100 dynos of a process type: more is a slip of the keyboard, not a study.
pub fn check_quantity(quantity: i64) -> Result<(), Refused> {
    if (0..=100).contains(&quantity) {
        return Ok(());
    }
    let message = crate::tr!("core-formation-quantity-range");
    Err(Refused::new(ErrorCode::Invalid, message))
}

pub fn size_info(size: &str) -> Option<(&'static str, i64, u32)> {
    SIZES
        .iter()
        .copied()
        .find(|(s, ..)| s.eq_ignore_ascii_case(size))
}

/// What to tell the researcher before or after a change to the web process.
pub fn warnings(process_type: &str, size: &str, quantity: i64) -> Vec<String> {
    let mut out = Vec::new();
    if process_type != "web" {
        return out;
    }
    if quantity == 0 {
        out.push(crate::tr!("core-formation-warn-no-web-dyno"));
    }
    if quantity > 1 {
        out.push(crate::tr!("core-formation-warn-one-web-dyno"));
    }
    if size.eq_ignore_ascii_case("eco") && quantity > 0 {
        out.push(crate::tr!("core-formation-warn-eco"));
    }
    out
}

pub fn view(f: &Formation) -> ProcessView {
    let info = size_info(&f.size);
    ProcessView {
        process_type: f.process_type.clone(),
        size: f.size.clone(),
        quantity: f.quantity,
        memory_mb: info.map(|(_, _, mb)| mb),
        monthly_cents: info.map(|(_, cents, _)| cents * f.quantity),
        command: f.command.clone(),
        warnings: warnings(&f.process_type, &f.size, f.quantity),
    }
}

pub async fn list(client: &HerokuClient, app: &str) -> Result<Vec<ProcessView>, HerokuError> {
    let formation = crate::heroku::formation::list(client, app).await?;
    Ok(formation.iter().map(view).collect())
}

/// Sets size and count of a process type in one request.
pub async fn change(
    client: &HerokuClient,
    app: &str,
    process_type: &str,
    size: &str,
    quantity: i64,
) -> Result<ProcessView, HerokuError> {
    let body = serde_json::json!({ "quantity": quantity, "dyno_size": { "name": size } });
    let answer = crate::heroku::formation::update(client, app, process_type, &body).await;
    match answer {
        Ok(f) => Ok(view(&f)),
        // Heroku knows no process type until the study's code has been deployed once.
        Err(HerokuError::NotFound { message }) => Err(HerokuError::NotFound {
            message: crate::tr!(
                "core-formation-not-deployed",
                message = message,
                process_type = process_type
            ),
        }),
        Err(e) => Err(e),
    }
}

// The explanations' buttons: start a web dyno (H14), restart (R10, H20, ...), end maintenance
// mode (H80).

/// Sets how many dynos of `process` run (`PATCH /apps/{app}/formation/{process}`).
pub async fn scale(
    client: &HerokuClient,
    app: &str,
    process: &str,
    quantity: i64,
) -> Result<Formation, HerokuError> {
    crate::heroku::formation::update(
        client,
        app,
        process,
        &serde_json::json!({ "quantity": quantity }),
    )
    .await
}

/// Restarts every dyno of the app (`DELETE /apps/{app}/dynos`).
pub async fn restart_all(client: &HerokuClient, app: &str) -> Result<(), HerokuError> {
    crate::heroku::dynos::restart_all(client, app).await
}

/// Turns maintenance mode on or off (`PATCH /apps/{app}`).
pub async fn set_maintenance(
    client: &HerokuClient,
    app: &str,
    on: bool,
) -> Result<(), HerokuError> {
    crate::heroku::apps::set_maintenance(client, app, on).await?;
    Ok(())
}
