//! Add-ons: an app's list, Heroku's marketplace (services and plans with prices), add-ons that
//! take a moment to provision, plan changes and removal (each a new release, as on Heroku).

use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::fake_uuid;
use crate::render;
use crate::scenario::{AddonSpec, AppSpec};
use crate::state::*;

pub(crate) async fn list(
    State(shared): S,
    Path(name): Path<String>,
    headers: HeaderMap,
) -> Response {
    // `Accept-Expansion: addon_service,plan` (sent by the official CLI) asks whole objects in
    // place of the `{id, name}` references.
    let expand_plan = headers
        .get("Accept-Expansion")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|part| part.trim() == "plan"));
    app_list(&shared, &headers, &name, "id", |a| {
        a.addons
            .iter()
            .map(|x| {
                let mut addon = render::addon(a, x);
                if let Some(plan) = expand_plan.then(|| expanded_plan(&x.plan)).flatten() {
                    addon["plan"] = plan;
                }
                addon
            })
            .collect()
    })
}

/// How long a new add-on stays "provisioning".
pub const PROVISION_TIME: Duration = Duration::from_millis(1_500);

/// (plan, human plan name, cents a month)
type PlanRow = (&'static str, &'static str, i64);

/// (service, human name, plans, config var it sets)
pub(crate) const CATALOG: &[(&str, &str, &[PlanRow], &str)] = &[
    (
        "heroku-postgresql",
        "Heroku Postgres",
        &[
            ("essential-0", "Essential 0", 500),
            ("essential-1", "Essential 1", 900),
            ("essential-2", "Essential 2", 2000),
            ("standard-0", "Standard 0", 5000),
        ],
        "DATABASE_URL",
    ),
    (
        "heroku-redis",
        "Heroku Key-Value Store",
        &[("mini", "Mini", 300), ("premium-0", "Premium 0", 1500)],
        "REDIS_URL",
    ),
    (
        "papertrail",
        "Papertrail",
        &[
            ("choklad", "Choklad", 0),
            ("fixa", "Fixa", 700),
            ("volmar", "Volmar", 1400),
        ],
        "PAPERTRAIL_API_TOKEN",
    ),
    (
        "sentry",
        "Sentry",
        &[("f1", "Developer", 0), ("team", "Team", 2600)],
        "SENTRY_DSN",
    ),
    (
        "newrelic",
        "New Relic APM",
        &[("wayne", "Wayne", 0)],
        "NEW_RELIC_LICENSE_KEY",
    ),
    (
        "sendgrid",
        "Twilio SendGrid",
        &[("starter", "Starter", 0), ("bronze", "Bronze", 1995)],
        "SENDGRID_API_KEY",
    ),
    (
        "mailgun",
        "Mailgun",
        &[("starter", "Starter", 0)],
        "MAILGUN_API_KEY",
    ),
    (
        "bucketeer",
        "Bucketeer",
        &[("hobbyist", "Hobbyist", 500)],
        "BUCKETEER_BUCKET_NAME",
    ),
    (
        "cloudcube",
        "Cloudcube",
        &[("free", "Free", 0)],
        "CLOUDCUBE_URL",
    ),
    (
        "expedited-waf",
        "Expedited WAF",
        &[("free", "Free", 0)],
        "EXPEDITED_WAF_URL",
    ),
];

fn service_json(service: &str, human: &str) -> Value {
    json!({
        "cli_plugin_name": null,
        "created_at": "2015-01-01T00:00:00Z",
        "human_name": human,
        "id": fake_uuid("service", service),
        "name": service,
        "state": "ga",
        "supports_multiple_installations": service == "heroku-postgresql",
        "supports_sharing": service == "heroku-postgresql",
        "updated_at": "2025-01-01T00:00:00Z",
        "supported_generations": [{ "id": fake_uuid("generation", "cedar"), "name": "cedar" }, { "id": fake_uuid("generation", "fir"), "name": "fir" }],
    })
}

fn plan_json(service: &str, plan: &str, human: &str, cents: i64, first: bool) -> Value {
    let name = format!("{service}:{plan}");
    json!({
        "addon_service": { "id": fake_uuid("service", service), "name": service },
        "created_at": "2015-01-01T00:00:00Z",
        "compliance": null,
        "default": first,
        "description": format!("{} {human}", service_human(service)),
        "human_name": human,
        "id": fake_uuid("plan", &name),
        "installable_inside_private_network": false,
        "installable_outside_private_network": true,
        "name": name,
        "price": { "cents": cents, "contract": false, "unit": "month" },
        "space_default": false,
        "state": "public",
        "updated_at": "2025-01-01T00:00:00Z",
        "visible": true,
    })
}

/// The whole plan object of a plan name, as `Accept-Expansion: plan` asks it in place of the
/// add-on's `{id, name}` (the official CLI's `addons` reads `plan.price` from it:
/// heroku/cli `src/commands/addons/index.ts`).
pub(crate) fn expanded_plan(name: &str) -> Option<Value> {
    let (service, short) = name.split_once(':')?;
    let (svc, _, plans, _) = CATALOG.iter().find(|(s, ..)| *s == service)?;
    let i = plans.iter().position(|(p, ..)| *p == short)?;
    let (p, h, c) = plans[i];
    Some(plan_json(svc, p, h, c, i == 0))
}

fn service_human(service: &str) -> &'static str {
    CATALOG
        .iter()
        .find(|(s, ..)| *s == service)
        .map_or("Add-on", |(_, h, ..)| h)
}

/// A plan's name from its name or its (simulated) id.
fn plan_name_of(name_or_id: &str) -> String {
    CATALOG
        .iter()
        .flat_map(|(service, _, plans, _)| {
            plans.iter().map(move |(p, ..)| format!("{service}:{p}"))
        })
        .find(|name| fake_uuid("plan", name) == name_or_id)
        .unwrap_or_else(|| name_or_id.to_string())
}

fn find_plan(plan: &str) -> Option<(&'static str, &'static str, i64, &'static str)> {
    let (service, short) = plan.split_once(':').unwrap_or((plan, ""));
    let (svc, _, plans, var) = CATALOG.iter().find(|(s, ..)| *s == service)?;
    let (p, _, cents) = if short.is_empty() {
        plans.first()?
    } else {
        plans.iter().find(|(p, ..)| *p == short)?
    };
    Some((svc, p, *cents, var))
}

pub(crate) async fn services() -> Response {
    Json(
        CATALOG
            .iter()
            .map(|(s, h, ..)| service_json(s, h))
            .collect::<Vec<_>>(),
    )
    .into_response()
}

pub(crate) async fn plans(Path(service): Path<String>) -> Response {
    let Some((svc, _, plans, _)) = CATALOG
        .iter()
        .find(|(s, ..)| *s == service || fake_uuid("service", s) == service)
    else {
        return heroku_error(404, "not_found", "Couldn't find that add-on service.");
    };
    Json(
        plans
            .iter()
            .enumerate()
            .map(|(i, (p, h, c))| plan_json(svc, p, h, *c, i == 0))
            .collect::<Vec<_>>(),
    )
    .into_response()
}

/// `POST /apps/{app}/addons {plan}`: provisioning for a moment, then provisioned.
pub(crate) async fn create(
    State(shared): S,
    Path(app): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    // The schema's `plan` is a name or an id; the official CLI sends `{"name": ...}`
    // (heroku/cli `src/lib/addons/create_addon.ts`), which real Heroku takes too.
    let plan = match &body["plan"] {
        Value::String(p) => p.clone(),
        Value::Object(o) => match o.get("name").or(o.get("id")).and_then(Value::as_str) {
            Some(p) => plan_name_of(p),
            None => return heroku_error(422, "invalid_params", "Plan is required."),
        },
        _ => return heroku_error(422, "invalid_params", "Plan is required."),
    };
    let plan = plan.as_str();
    let Some((service, short, cents, var)) = find_plan(plan) else {
        return heroku_error(
            422,
            "invalid_params",
            &format!("Couldn't find either the add-on service or the add-on plan of \"{plan}\"."),
        );
    };
    let (rendered, name) = {
        let mut scenario = shared.scenario.lock().unwrap();
        let user = scenario.account.email.clone();
        let Some(spec) = app_mut(&mut scenario, &app) else {
            return not_found_app();
        };
        if spec.addons.iter().any(|a| a.service == service) && service != "heroku-postgresql" {
            return heroku_error(
                422,
                "invalid_params",
                &format!(
                    "{} is already installed on this app.",
                    service_human(service)
                ),
            );
        }
        let n = spec.addons.len() + 1;
        let name = format!(
            "{service}-{}-{}",
            ["shaped", "curved", "rigid", "silent"][n % 4],
            10_000 + n * 7_919 % 90_000
        );
        let config_var =
            if service == "heroku-postgresql" && spec.config_vars.contains_key("DATABASE_URL") {
                format!("HEROKU_POSTGRESQL_{}_URL", ["AMBER", "BLUE", "CYAN"][n % 3])
            } else {
                var.to_string()
            };
        let addon = AddonSpec {
            service: service.into(),
            plan: format!("{service}:{short}"),
            name: name.clone(),
            config_vars: vec![config_var],
            price_cents: cents,
            state: "provisioning".into(),
            database: None,
        };
        spec.addons.push(addon.clone());
        release(spec, format!("Attach {} ({})", name, addon.plan), &user);
        (render::addon(spec, &addon), name)
    };
    let shared2 = shared.clone();
    // With a real oTree (web_dynos.rs) the database is the test's PostgreSQL.
    let real_database = shared
        .otree
        .lock()
        .unwrap()
        .as_ref()
        .map(|r| r.database_url.clone());
    tokio::spawn(async move {
        tokio::time::sleep(PROVISION_TIME).await;
        let mut scenario = shared2.scenario.lock().unwrap();
        if let Some(spec) = app_mut(&mut scenario, &app) {
            let mut set = Vec::new();
            if let Some(a) = spec.addons.iter_mut().find(|a| a.name == name) {
                a.state = "provisioned".into();
                set = a.config_vars.clone();
            }
            for var in set {
                let value = match &real_database {
                    Some(url) if var == "DATABASE_URL" => url.clone(),
                    _ => format!(
                        "{}-{}",
                        var.to_lowercase(),
                        &fake_uuid("secret", &name)[..12]
                    ),
                };
                spec.config_vars.insert(var, value);
            }
        }
    });
    (StatusCode::CREATED, Json(rendered)).into_response()
}

fn find_addon<'a>(spec: &'a mut AppSpec, id: &str) -> Option<&'a mut AddonSpec> {
    spec.addons
        .iter_mut()
        .find(|a| a.name == id || fake_uuid("addon", &a.name) == id)
}

pub(crate) async fn info(State(shared): S, Path((app, id)): Path<(String, String)>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    let spec = spec.clone();
    match spec
        .addons
        .iter()
        .find(|a| a.name == id || fake_uuid("addon", &a.name) == id)
    {
        Some(a) => Json(render::addon(&spec, a)).into_response(),
        None => heroku_error(404, "not_found", "Couldn't find that add-on."),
    }
}

/// `PATCH /apps/{app}/addons/{id} {plan}`: another plan of the same service.
pub(crate) async fn update(
    State(shared): S,
    Path((app, id)): Path<(String, String)>,
    Json(body): Json<Value>,
) -> Response {
    let Some(plan) = body["plan"].as_str() else {
        return heroku_error(422, "invalid_params", "Plan is required.");
    };
    let mut scenario = shared.scenario.lock().unwrap();
    let user = scenario.account.email.clone();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    let Some(addon) = find_addon(spec, &id) else {
        return heroku_error(404, "not_found", "Couldn't find that add-on.");
    };
    let Some((service, short, cents, _)) = find_plan(plan) else {
        return heroku_error(
            422,
            "invalid_params",
            &format!("Couldn't find the add-on plan \"{plan}\"."),
        );
    };
    if service != addon.service {
        return heroku_error(
            422,
            "invalid_params",
            "The new plan must be of the same add-on service.",
        );
    }
    addon.plan = format!("{service}:{short}");
    addon.price_cents = cents;
    let addon = addon.clone();
    release(
        spec,
        format!("Update {} to {}", addon.name, addon.plan),
        &user,
    );
    Json(render::addon(spec, &addon)).into_response()
}

/// `DELETE /apps/{app}/addons/{id}`: gone, with its config vars.
pub(crate) async fn delete(State(shared): S, Path((app, id)): Path<(String, String)>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let user = scenario.account.email.clone();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return not_found_app();
    };
    let Some(addon) = find_addon(spec, &id).map(|a| a.clone()) else {
        return heroku_error(404, "not_found", "Couldn't find that add-on.");
    };
    spec.addons.retain(|a| a.name != addon.name);
    for var in &addon.config_vars {
        spec.config_vars.remove(var);
    }
    release(spec, format!("Detach {}", addon.name), &user);
    let mut gone = addon.clone();
    gone.state = "deprovisioned".into();
    Json(render::addon(spec, &gone)).into_response()
}
