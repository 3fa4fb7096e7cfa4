//! What the Resources screen changes: Heroku's add-on marketplace (services and plans with
//! prices), add-ons that take a moment to provision, plan changes and removal, config vars
//! (each change a new release, as on Heroku), collaborators, and rollbacks.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::{fake_uuid, now_utc};
use crate::render;
use crate::scenario::{AddonSpec, AppSpec, CollaboratorSpec, ReleaseSpec};
use crate::server::{heroku_error, Shared};

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

type S = State<Arc<Shared>>;

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

fn app_mut<'a>(scenario: &'a mut crate::scenario::Scenario, app: &str) -> Option<&'a mut AppSpec> {
    scenario
        .apps
        .iter_mut()
        .find(|a| a.name == app || fake_uuid("app", &a.name) == app)
}

fn no_app() -> Response {
    heroku_error(404, "not_found", "Couldn't find that app.")
}

/// A new release, as Heroku makes one for every change of add-ons or config vars.
fn release(app: &mut AppSpec, description: String, user: &str) {
    let version = app.releases.iter().map(|r| r.version).max().unwrap_or(0) + 1;
    app.releases.push(ReleaseSpec {
        version,
        description,
        user: user.to_string(),
        status: "succeeded".into(),
        created_at: now_utc(),
    });
}

/// `POST /apps/{app}/addons {plan}`: provisioning for a moment, then provisioned.
pub(crate) async fn create_addon(
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
            return no_app();
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
                let value = format!(
                    "{}-{}",
                    var.to_lowercase(),
                    &fake_uuid("secret", &name)[..12]
                );
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

pub(crate) async fn addon_info(
    State(shared): S,
    Path((app, id)): Path<(String, String)>,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return no_app();
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
pub(crate) async fn update_addon(
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
        return no_app();
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
pub(crate) async fn delete_addon(
    State(shared): S,
    Path((app, id)): Path<(String, String)>,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let user = scenario.account.email.clone();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return no_app();
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

/// `PATCH /apps/{app}/config-vars`: a value sets, `null` removes; a new release.
pub(crate) async fn update_config_vars(
    State(shared): S,
    Path(app): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let Some(changes) = body.as_object() else {
        return heroku_error(422, "invalid_params", "Config vars must be an object.");
    };
    let mut scenario = shared.scenario.lock().unwrap();
    let user = scenario.account.email.clone();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return no_app();
    };
    let (mut set, mut unset) = (Vec::new(), Vec::new());
    for (key, value) in changes {
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return heroku_error(
                422,
                "invalid_params",
                &format!("Invalid config var name: {key}"),
            );
        }
        match value {
            Value::Null => {
                spec.config_vars.remove(key);
                unset.push(key.clone());
            }
            Value::String(v) => {
                spec.config_vars.insert(key.clone(), v.clone());
                set.push(key.clone());
            }
            _ => {
                return heroku_error(
                    422,
                    "invalid_params",
                    "Config var values must be strings or null.",
                )
            }
        }
    }
    let describe = |verb: &str, keys: &[String]| {
        format!(
            "{verb} {} config var{}",
            keys.join(", "),
            if keys.len() == 1 { "" } else { "s" }
        )
    };
    let description = match (set.is_empty(), unset.is_empty()) {
        (false, true) => describe("Set", &set),
        (true, false) => describe("Remove", &unset),
        _ => format!(
            "{} and {}",
            describe("Set", &set),
            describe("remove", &unset)
        ),
    };
    release(spec, description, &user);
    // Changing settings restarts the dynos.
    spec.restarts += 1;
    Json(&spec.config_vars).into_response()
}

/// `POST /apps/{app}/collaborators {user}`.
pub(crate) async fn add_collaborator(
    State(shared): S,
    Path(app): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let email = body["user"].as_str().unwrap_or_default().trim().to_string();
    let plausible = email.split_once('@').is_some_and(|(a, b)| {
        !a.is_empty() && b.contains('.') && !b.starts_with('.') && !b.ends_with('.')
    });
    if !plausible {
        return heroku_error(422, "invalid_params", "User is not a valid email address.");
    }
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return no_app();
    };
    if spec
        .collaborators
        .iter()
        .any(|c| c.email.eq_ignore_ascii_case(&email))
    {
        return heroku_error(
            422,
            "invalid_params",
            &format!("{email} is already a collaborator on this app."),
        );
    }
    let c = CollaboratorSpec {
        email,
        role: Some("collaborator".into()),
    };
    spec.collaborators.push(c.clone());
    (StatusCode::CREATED, Json(render::collaborator(spec, &c))).into_response()
}

pub(crate) async fn remove_collaborator(
    State(shared): S,
    Path((app, who)): Path<(String, String)>,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return no_app();
    };
    let Some(c) = spec
        .collaborators
        .iter()
        .find(|c| {
            c.email.eq_ignore_ascii_case(&who)
                || fake_uuid("collaborator", &format!("{}/{}", spec.name, c.email)) == who
        })
        .cloned()
    else {
        return heroku_error(404, "not_found", "Couldn't find that collaborator.");
    };
    if c.role.as_deref() == Some("owner") {
        return heroku_error(422, "invalid_params", "The owner cannot be removed.");
    }
    spec.collaborators.retain(|x| x.email != c.email);
    Json(render::collaborator(spec, &c)).into_response()
}

/// `POST /apps/{app}/releases {release}`: a rollback makes a new release.
pub(crate) async fn rollback(
    State(shared): S,
    Path(app): Path<String>,
    _headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let Some(target) = body["release"].as_str().map(str::to_string) else {
        return heroku_error(422, "invalid_params", "Release is required.");
    };
    let mut scenario = shared.scenario.lock().unwrap();
    let user = scenario.account.email.clone();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return no_app();
    };
    let name = spec.name.clone();
    let Some(old) = spec
        .releases
        .iter()
        .find(|r| {
            fake_uuid("release", &format!("{name}/{}", r.version)) == target
                || r.version.to_string() == target
        })
        .cloned()
    else {
        return heroku_error(404, "not_found", "Couldn't find that release.");
    };
    release(spec, format!("Rollback to v{}", old.version), &user);
    spec.restarts += 1;
    let newest = spec.releases.last().cloned().expect("just added");
    (StatusCode::CREATED, Json(render::release(spec, &newest))).into_response()
}

const FEATURES: &[(&str, &str, &str)] = &[
    (
        "log-runtime-metrics",
        "Runtime metrics in the log",
        "Memory and load of each dyno in the log every 20 seconds.",
    ),
    (
        "runtime-dyno-metadata",
        "Dyno metadata",
        "Release and dyno details in the dyno's environment.",
    ),
];

fn feature_json(app: &AppSpec, name: &str) -> Option<Value> {
    let (_, display, description) = FEATURES.iter().find(|(n, ..)| *n == name)?;
    Some(json!({
        "created_at": "2015-01-01T00:00:00Z",
        "description": description,
        "doc_url": format!("https://devcenter.heroku.com/articles/{name}"),
        "enabled": app.features.iter().any(|f| f == name),
        "id": fake_uuid("feature", name),
        "name": name,
        "state": "beta",
        "updated_at": "2025-01-01T00:00:00Z",
        "display_name": display,
        "feedback_email": "feedback@heroku.com",
    }))
}

pub(crate) async fn feature(
    State(shared): S,
    Path((app, name)): Path<(String, String)>,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return no_app();
    };
    match feature_json(spec, &name) {
        Some(f) => Json(f).into_response(),
        None => heroku_error(404, "not_found", "Couldn't find that feature."),
    }
}

/// `PATCH /apps/{app}/features/{name} {enabled}`; runtime metrics start with the next restart.
pub(crate) async fn update_feature(
    State(shared): S,
    Path((app, name)): Path<(String, String)>,
    Json(body): Json<Value>,
) -> Response {
    let Some(enabled) = body["enabled"].as_bool() else {
        return heroku_error(422, "invalid_params", "Enabled is required.");
    };
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(spec) = app_mut(&mut scenario, &app) else {
        return no_app();
    };
    if feature_json(spec, &name).is_none() {
        return heroku_error(404, "not_found", "Couldn't find that feature.");
    }
    spec.features.retain(|f| *f != name);
    if enabled {
        spec.features.push(name.clone());
    }
    Json(feature_json(spec, &name)).into_response()
}
