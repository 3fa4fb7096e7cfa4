//! Expands scenario entries into the complete objects of Heroku's Platform API schema.
//!
//! Every property the schema lists is present (its resources use `strictProperties`), so the
//! client meets exactly the shapes the real API sends.

use serde_json::{json, Value};

use crate::ids::fake_uuid;
use crate::scenario::{
    AddonSpec, AppSpec, CollaboratorSpec, DynoSpec, FormationSpec, ReleaseSpec, Scenario,
};

fn app_ref(app: &AppSpec) -> Value {
    json!({ "id": fake_uuid("app", &app.name), "name": app.name })
}

fn user_id(email: &str) -> String {
    fake_uuid("user", email)
}

pub fn account(s: &Scenario) -> Value {
    json!({
        "allow_tracking": true,
        "beta": false,
        "created_at": "2024-01-15T09:00:00Z",
        "email": s.account.email,
        "federated": false,
        "id": user_id(&s.account.email),
        "identity_provider": null,
        "last_login": "2026-11-28T08:00:00Z",
        "name": s.account.name,
        "sms_number": null,
        "suspended_at": null,
        "delinquent_at": null,
        "two_factor_authentication": true,
        "updated_at": "2026-11-28T08:00:00Z",
        "verified": true,
        "country_of_residence": null,
        "default_organization": null,
        "default_team": null,
    })
}

pub fn app(s: &Scenario, app: &AppSpec) -> Value {
    let team = app
        .team
        .as_ref()
        .map(|t| json!({ "id": fake_uuid("team", t), "name": t }));
    let released_at = app.releases.iter().map(|r| r.created_at.clone()).max();
    json!({
        "acm": false,
        "archived_at": null,
        "buildpack_provided_description": "Python",
        "build_stack": { "id": fake_uuid("stack", &app.stack), "name": app.stack },
        "created_at": app.created_at,
        "generation": { "id": fake_uuid("generation", &app.generation), "name": app.generation },
        "git_url": format!("https://git.heroku.com/{}.git", app.name),
        "id": fake_uuid("app", &app.name),
        "internal_routing": null,
        "maintenance": app.maintenance,
        "name": app.name,
        "owner": { "email": s.account.email, "id": user_id(&s.account.email) },
        "organization": team,
        "team": team,
        "region": { "id": fake_uuid("region", &app.region), "name": app.region },
        "released_at": released_at,
        "repo_size": null,
        "slug_size": 52_428_800,
        "space": null,
        "stack": { "id": fake_uuid("stack", &app.stack), "name": app.stack },
        "updated_at": app.created_at,
        "web_url": web_url(app),
    })
}

/// Where the app's web dyno answers: the scenario's address, else a herokuapp.com one made
/// from the name as Heroku makes them (name, a dash, 12 hex digits).
pub fn web_url(app: &AppSpec) -> String {
    app.web_url.clone().unwrap_or_else(|| {
        format!(
            "https://{}-{}.herokuapp.com/",
            app.name,
            &fake_uuid("url", &app.name)[..12]
        )
    })
}

pub fn formation(app: &AppSpec, f: &FormationSpec) -> Value {
    json!({
        "app": app_ref(app),
        "command": f.command,
        "created_at": app.created_at,
        "dyno_size": { "id": fake_uuid("size", &f.size), "name": f.size.to_lowercase() },
        "id": fake_uuid("formation", &format!("{}/{}", app.name, f.process_type)),
        "quantity": f.quantity,
        "size": f.size,
        "type": f.process_type,
        "updated_at": app.created_at,
    })
}

/// The dynos that run: the scenario's own list, or one `up` dyno per formation slot.
pub fn dyno_specs(app: &AppSpec) -> Vec<DynoSpec> {
    if let Some(d) = &app.dynos {
        return d.clone();
    }
    app.formation
        .iter()
        .flat_map(|f| {
            (1..=f.quantity.max(0)).map(move |i| DynoSpec {
                name: format!("{}.{}", f.process_type, i),
                state: "up".into(),
                size: Some(f.size.clone()),
            })
        })
        .collect()
}

pub fn dyno(app: &AppSpec, d: &DynoSpec) -> Value {
    let process_type = d.name.split('.').next().unwrap_or(&d.name).to_string();
    let form = app
        .formation
        .iter()
        .find(|f| f.process_type == process_type);
    let size = d
        .size
        .clone()
        .or_else(|| form.map(|f| f.size.clone()))
        .unwrap_or_else(|| "Basic".into());
    let version = app.releases.iter().map(|r| r.version).max().unwrap_or(1);
    json!({
        "attach_url": null,
        "command": form.map(|f| f.command.clone()).unwrap_or_else(|| "bash".into()),
        "created_at": "2026-11-28T07:30:00Z",
        "id": fake_uuid("dyno", &format!("{}/{}", app.name, d.name)),
        "name": d.name,
        "release": { "id": fake_uuid("release", &format!("{}/{}", app.name, version)), "version": version },
        "app": app_ref(app),
        "size": size,
        "state": d.state,
        "type": process_type,
        "updated_at": "2026-11-28T07:30:00Z",
    })
}

pub fn addon(app: &AppSpec, a: &AddonSpec) -> Value {
    let id = fake_uuid("addon", &a.name);
    json!({
        "actions": [],
        "addon_service": { "id": fake_uuid("service", &a.service), "name": a.service },
        "billing_entity": { "id": fake_uuid("app", &app.name), "name": app.name, "type": "app" },
        "app": app_ref(app),
        "billed_price": { "cents": a.price_cents, "contract": false, "unit": "month" },
        "config_vars": a.config_vars,
        "created_at": app.created_at,
        "id": id,
        "name": a.name,
        "plan": { "id": fake_uuid("plan", &a.plan), "name": a.plan },
        "provider_id": format!("resource-{}", &id[..8]),
        "provision_message": "",
        "state": a.state,
        "updated_at": app.created_at,
        "web_url": format!("https://addons-sso.heroku.com/apps/{}/addons/{}", fake_uuid("app", &app.name), id),
    })
}

pub fn collaborator(app: &AppSpec, c: &CollaboratorSpec) -> Value {
    json!({
        "app": app_ref(app),
        "created_at": app.created_at,
        "id": fake_uuid("collaborator", &format!("{}/{}", app.name, c.email)),
        "permissions": [],
        "role": c.role,
        "updated_at": app.created_at,
        "user": { "email": c.email, "federated": false, "id": user_id(&c.email) },
    })
}

pub fn release(app: &AppSpec, r: &ReleaseSpec) -> Value {
    let newest = app.releases.iter().map(|r| r.version).max() == Some(r.version);
    json!({
        "addon_plan_names": app.addons.iter().map(|a| a.plan.clone()).collect::<Vec<_>>(),
        "artifacts": [],
        "app": app_ref(app),
        "created_at": r.created_at,
        "description": r.description,
        "id": fake_uuid("release", &format!("{}/{}", app.name, r.version)),
        "updated_at": r.created_at,
        "slug": { "id": fake_uuid("slug", &format!("{}/{}", app.name, r.version)) },
        "status": r.status,
        "user": { "id": user_id(&r.user), "email": r.user },
        "version": r.version,
        "current": newest,
        "output_stream_url": null,
        "eligible_for_rollback": !newest,
    })
}

/// The Data API's `GET /client/v11/databases/{id}` for a Postgres add-on, in the two shapes
/// of heroku/cli src/lib/pg/types.ts: Essential plans as `PgDatabaseTenant` (`plan` a string,
/// no `num_tables`, `num_connections` or `postgres_version`: the figures only as info lines),
/// everything else as `PgDatabaseService` (`plan: {id, name}` and the figures as numbers).
/// The tenant type declares `num_bytes`, but the simulator leaves it out (the strictest form:
/// a client must read the Data Size line). The info lines' value formats are not in the CLI's
/// fixtures; they follow the capture (`7.72 MB / 1 GB (0.75%) (In compliance)`,
/// `0/4000 (In compliance)`) and `heroku pg:info` output seen in public write-ups.
pub fn database(app: &AppSpec, a: &AddonSpec) -> Value {
    let db = a.database.clone().unwrap_or_default();
    let version = if db.postgres_version.is_empty() {
        "16.4".to_string()
    } else {
        db.postgres_version.clone()
    };
    let status = if db.status.is_empty() {
        "Available".to_string()
    } else {
        db.status.clone()
    };
    let tier = a.plan.rsplit(':').next().unwrap_or(&a.plan);
    if tier.starts_with("essential") {
        let limit: u64 = match tier {
            "essential-1" => 10_000_000_000,
            "essential-2" => 32_000_000_000,
            _ => 1_000_000_000,
        };
        let percent = db.num_bytes as f64 / limit as f64 * 100.0;
        return json!({
            "addon_id": fake_uuid("addon", &a.name),
            "name": a.name,
            "plan": tier,
            "database_name": app.name,
            "database_user": "u_practice",
            "created_at": "2026-10-01T09:00:00Z",
            "resource_url": format!("postgres://{}.compute.amazonaws.example:5432/{}", &fake_uuid("host", &a.name)[..8], app.name),
            "waiting?": false,
            "info": [
                { "name": "Plan", "values": [tier.replace('-', " ").replacen('e', "E", 1)] },
                { "name": "Status", "values": [status] },
                { "name": "Connections", "values": [format!("{}/20", db.num_connections)] },
                { "name": "PG Version", "values": [version] },
                { "name": "Created", "values": ["2026-10-01 09:00 UTC"] },
                { "name": "Data Size", "values": [format!(
                    "{:.2} MB / {} GB ({percent:.2}%) ({})",
                    db.num_bytes as f64 / 1e6,
                    limit / 1_000_000_000,
                    if percent < 100.0 { "In compliance" } else { "Not in compliance" }
                )] },
                { "name": "Tables", "values": [format!("{}/4000 (In compliance)", db.num_tables)] },
                { "name": "Fork/Follow", "values": ["Unsupported"] },
                { "name": "Rollback", "values": ["Unsupported"] },
            ],
        });
    }
    json!({
        "addon_id": fake_uuid("addon", &a.name),
        "name": a.name,
        // types.ts: `plan: {id: number, name: string}`.
        "plan": { "id": a.plan.len(), "name": a.plan },
        "num_bytes": db.num_bytes,
        "num_tables": db.num_tables,
        "num_connections": db.num_connections,
        "postgres_version": version,
        "resource_url": format!("postgres://{}.compute.amazonaws.example:5432/{}", &fake_uuid("host", &a.name)[..8], app.name),
        "info": [
            { "name": "Plan", "values": [a.plan.rsplit(':').next().unwrap_or(&a.plan)] },
            { "name": "Status", "values": [status] },
            { "name": "Connections", "values": [format!("{}/20", db.num_connections)] },
            { "name": "PG Version", "values": [version] },
            { "name": "Tables", "values": [db.num_tables] },
            { "name": "Data Size", "values": [format!("{:.1} MB", db.num_bytes as f64 / 1e6)] },
        ],
    })
}
