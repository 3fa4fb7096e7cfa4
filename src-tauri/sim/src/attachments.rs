//! Add-on attachments: how an add-on is joined to an app under a name (`DATABASE`, whose config
//! var is `DATABASE_URL`). Novaland does not ask for them; the official CLI does for every
//! `addons` and `pg:*` command (heroku/cli `src/commands/addons/index.ts`,
//! `src/lib/pg/fetcher.ts`, and heroku-cli-util's `AddonAttachmentResolver`), so they are served
//! as the Platform API schema's `add-on-attachment` resource says.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::fake_uuid;
use crate::scenario::{AddonSpec, AppSpec};
use crate::state::{heroku_error, Shared};

type S = State<Arc<Shared>>;

/// What the client asked to have included with each attachment (`Accept-Inclusion`, which the
/// CLI sends as `addon:plan,config_vars`). The schema does not list these properties, so they
/// are served only when asked: a client that reads them without asking fails here.
#[derive(Clone, Copy)]
struct Inclusion {
    addon_plan: bool,
    config_vars: bool,
}

impl Inclusion {
    fn from(headers: &HeaderMap) -> Self {
        let asked = headers
            .get("Accept-Inclusion")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let parts: Vec<&str> = asked.split(',').map(str::trim).collect();
        Inclusion {
            addon_plan: parts.contains(&"addon:plan"),
            config_vars: parts.contains(&"config_vars"),
        }
    }
}

/// The attachment's name: the prefix of the add-on's first config var (`DATABASE_URL` →
/// `DATABASE`, `PAPERTRAIL_API_TOKEN` → `PAPERTRAIL`), as Heroku names an add-on's config vars
/// after its attachment.
fn name(addon: &AddonSpec) -> String {
    let service = addon.service.to_uppercase().replace('-', "_");
    match addon.config_vars.first() {
        Some(var) if addon.service == "heroku-postgresql" => {
            var.strip_suffix("_URL").unwrap_or(var).to_string()
        }
        Some(var) if var.starts_with(&service) => service,
        Some(var) => var.split('_').next().unwrap_or(var).to_string(),
        None => service,
    }
}

fn render(app: &AppSpec, addon: &AddonSpec, inclusion: Inclusion) -> Value {
    let app_ref = json!({ "id": fake_uuid("app", &app.name), "name": app.name });
    let name = name(addon);
    let mut addon_ref = json!({
        "id": fake_uuid("addon", &addon.name),
        "name": addon.name,
        "app": app_ref,
    });
    if inclusion.addon_plan {
        addon_ref["plan"] = json!({ "id": fake_uuid("plan", &addon.plan), "name": addon.plan });
    }
    let mut attachment = json!({
        "addon": addon_ref,
        "app": app_ref,
        "created_at": app.created_at,
        "id": fake_uuid("attachment", &format!("{}/{}", app.name, addon.name)),
        "name": name,
        "namespace": null,
        "updated_at": app.created_at,
        "web_url": format!("https://addons-sso.heroku.com/apps/{}/addons/{}", fake_uuid("app", &app.name), fake_uuid("addon", &addon.name)),
        "log_input_url": null,
    });
    if inclusion.config_vars {
        attachment["config_vars"] = json!(addon.config_vars);
    }
    attachment
}

/// `GET /addon-attachments`: every attachment the account can see.
pub(crate) async fn list(State(shared): S, headers: HeaderMap) -> Response {
    let inclusion = Inclusion::from(&headers);
    let scenario = shared.scenario.lock().unwrap();
    let all: Vec<Value> = scenario
        .apps
        .iter()
        .flat_map(|app| app.addons.iter().map(move |a| render(app, a, inclusion)))
        .collect();
    Json(all).into_response()
}

/// `GET /apps/{app}/addon-attachments`.
pub(crate) async fn list_by_app(
    State(shared): S,
    Path(app): Path<String>,
    headers: HeaderMap,
) -> Response {
    let inclusion = Inclusion::from(&headers);
    let scenario = shared.scenario.lock().unwrap();
    match scenario.app(&app) {
        Some(app) => Json(
            app.addons
                .iter()
                .map(|a| render(app, a, inclusion))
                .collect::<Vec<_>>(),
        )
        .into_response(),
        None => heroku_error(404, "not_found", "Couldn't find that app."),
    }
}

/// `POST /actions/addon-attachments/resolve` `{addon_attachment, app, addon_service}`: the
/// attachments an identifier names on the app, by attachment name, its config var, the
/// add-on's name or id; an answer of none is Heroku's 404.
pub(crate) async fn resolve(
    State(shared): S,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    let inclusion = Inclusion::from(&headers);
    let Some(wanted) = body["addon_attachment"].as_str() else {
        return heroku_error(422, "invalid_params", "addon_attachment is required.");
    };
    let service = body["addon_service"].as_str();
    let scenario = shared.scenario.lock().unwrap();
    let apps: Vec<&AppSpec> = match body["app"].as_str() {
        Some(app) => match scenario.app(app) {
            Some(app) => vec![app],
            None => return heroku_error(404, "not_found", "Couldn't find that app."),
        },
        None => scenario.apps.iter().collect(),
    };
    let matches: Vec<Value> = apps
        .into_iter()
        .flat_map(|app| app.addons.iter().map(move |a| (app, a)))
        .filter(|(_, a)| service.is_none_or(|s| s == a.service))
        .filter(|(app, a)| {
            let name = name(a);
            wanted == name
                || wanted == format!("{name}_URL")
                || wanted == a.name
                || wanted == fake_uuid("addon", &a.name)
                || wanted == fake_uuid("attachment", &format!("{}/{}", app.name, a.name))
        })
        .map(|(app, a)| render(app, a, inclusion))
        .collect();
    if matches.is_empty() {
        return heroku_error(404, "not_found", "Couldn't find that add on attachment.");
    }
    Json(matches).into_response()
}
