//! Apps: the account's list (`GET /apps`, and `/users/~/apps` as `heroku apps` asks), one
//! app, maintenance mode (`PATCH /apps/{app}`), a new app (`POST /apps`) and deleting one.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use crate::ids::{fake_uuid, now_utc};
use crate::scenario::AppSpec;

use crate::render;
use crate::state::*;

pub(crate) async fn list(State(shared): S, headers: HeaderMap) -> Response {
    let items = {
        let s = shared.scenario.lock().unwrap();
        s.apps.iter().map(|a| render::app(&s, a)).collect()
    };
    paginated(&shared, &headers, "id", items)
}

/// `GET /users/{user}/apps` ("List Owned and Collaborated", which `heroku apps` asks as
/// `/users/~/apps`): the account's own apps, not its teams' ones.
pub(crate) async fn list_by_user(
    State(shared): S,
    Path(user): Path<String>,
    headers: HeaderMap,
) -> Response {
    let items = {
        let s = shared.scenario.lock().unwrap();
        let own = render::account(&s);
        if !(user == "~" || own["email"] == user.as_str() || own["id"] == user.as_str()) {
            return heroku_error(404, "not_found", "Couldn't find that user.");
        }
        s.apps
            .iter()
            .filter(|a| a.team.is_none())
            .map(|a| render::app(&s, a))
            .collect()
    };
    paginated(&shared, &headers, "id", items)
}

/// One app; another account's app answers 403 "You do not have access to the app x." (the
/// CLI's output quoted in IIC2143/Syllabus-2022-1 issue 69), a free name 404.
pub(crate) async fn info(State(shared): S, Path(name): Path<String>) -> Response {
    if shared.scenario.lock().unwrap().taken_names.contains(&name) {
        return heroku_error(
            403,
            "forbidden",
            &format!("You do not have access to the app {name}."),
        );
    }
    with_app(&shared, &name, |s, a| {
        Json(render::app(s, a)).into_response()
    })
}

/// `PATCH /apps/{app}` `{maintenance, name, build_stack}`: only maintenance is simulated.
pub(crate) async fn update(
    State(shared): S,
    Path(name): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = scenario.apps.iter_mut().find(|a| a.name == name) else {
        return not_found_app();
    };
    if let Some(on) = body.get("maintenance").and_then(Value::as_bool) {
        app.maintenance = on;
    }
    drop(scenario);
    with_app(&shared, &name, |s, a| {
        Json(render::app(s, a)).into_response()
    })
}

/// `POST /apps` `{name, region, stack}`: Heroku's rule for names, a name taken by anyone (the
/// scenario's `taken_names` are other accounts' apps), the account's verification and app limit.
pub(crate) async fn create_app(State(shared): S, Json(body): Json<Value>) -> Response {
    create(&shared, &body, None)
}

/// `POST /teams/apps` (schema: team-app Create; heroku/cli `apps:create --team`): the app
/// belongs to the team, which pays for it, so neither the account's verification nor its own
/// app limit applies. A team the account is not in is refused as Heroku refuses an unknown
/// one (404 not_found, the schema's identity lookup).
pub(crate) async fn create_team_app(State(shared): S, Json(body): Json<Value>) -> Response {
    let Some(team) = body.get("team").and_then(Value::as_str) else {
        return heroku_error(422, "invalid_params", "team is required.");
    };
    if !shared
        .scenario
        .lock()
        .unwrap()
        .team_names()
        .iter()
        .any(|t| t == team)
    {
        return heroku_error(404, "not_found", "Couldn't find that team.");
    }
    create(&shared, &body, Some(team.to_string()))
}

/// `GET /teams`: the account's teams (schema: team, strictProperties).
pub(crate) async fn list_teams(State(shared): S) -> Response {
    let scenario = shared.scenario.lock().unwrap();
    // The scenario gives teams no dates of their own: the account's first app's, or now.
    let created = scenario
        .apps
        .iter()
        .map(|a| a.created_at.clone())
        .min()
        .unwrap_or_else(now_utc);
    let teams: Vec<Value> = scenario
        .team_names()
        .iter()
        .map(|name| {
            json!({
                "id": fake_uuid("team", name),
                "name": name,
                "created_at": created,
                "updated_at": created,
                "credit_card_collections": true,
                "default": false,
                "enterprise_account": null,
                "identity_provider": null,
                "membership_limit": 25,
                "provisioned_licenses": false,
                "role": "member",
                "type": "team",
            })
        })
        .collect();
    Json(teams).into_response()
}

fn create(shared: &Shared, body: &Value, team: Option<String>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    if team.is_none() && !scenario.account.verified {
        // heroku/cli 10.0.0 printed this id and message for an unverified account
        // (steam-idle-bot issue 12). The status is a guess (no source shows it); the client
        // goes by the id, so any status reads the same.
        return heroku_error(403, "verification_required", "To create an app, verify your account by adding payment information. Verify now at https://heroku.com/verify Learn more at https://devcenter.heroku.com/articles/account-verification");
    }
    let owned = scenario.apps.iter().filter(|a| a.team.is_none()).count();
    if team.is_none() && owned >= scenario.account.app_limit.unwrap_or(100) {
        // heroku/hatchet issue 90 (a Heroku maintainer quoting the API).
        return heroku_error(422, "invalid_params", &format!("You've reached your app limit of {owned} apps. Delete some apps or open a ticket at https://help.heroku.com/new/increase-limits to have this limit increased."));
    }
    let name = match body.get("name").and_then(Value::as_str) {
        Some(n) => n.to_string(),
        None => format!("sim-{}", &fake_uuid("new-app", &now_utc())[..8]),
    };
    if !crate::ids::is_app_name(&name) {
        return heroku_error(422, "invalid_params", "Name must start with a letter, end with a letter or digit and can only contain lowercase letters, digits, and dashes.");
    }
    if scenario.apps.iter().any(|a| a.name == name) || scenario.taken_names.contains(&name) {
        return heroku_error(
            422,
            "invalid_params",
            &format!("Name {name} is already taken"),
        );
    }
    let region = body.get("region").and_then(Value::as_str).unwrap_or("us");
    if region != "us" && region != "eu" {
        return heroku_error(422, "invalid_params", "Couldn't find that region.");
    }
    let stack = body
        .get("stack")
        .and_then(Value::as_str)
        .unwrap_or("heroku-24");
    let mut app: AppSpec = serde_json::from_value(json!({
        "name": name, "region": region, "stack": stack, "created_at": now_utc(),
    }))
    .expect("a minimal app spec");
    app.team = team;
    // Its study: the deployed project itself on a loopback port when the simulator has a real
    // oTree (web_dynos.rs), else the practice study once something is deployed
    // (`builds::deployed`).
    app.web_url = Some(match *shared.otree.lock().unwrap() {
        Some(_) => match crate::web_dynos::free_port() {
            Ok(port) => {
                app.web_port = Some(port);
                format!("http://127.0.0.1:{port}/")
            }
            Err(e) => return heroku_error(500, "internal_server_error", &e.to_string()),
        },
        None => format!("{}/__sim/study/{name}/", crate::builds::base(shared)),
    });
    let user = scenario.account.email.clone();
    release(&mut app, "Initial release".into(), &user);
    let rendered = render::app(&scenario, &app);
    scenario.apps.push(app);
    (StatusCode::CREATED, Json(rendered)).into_response()
}

/// `DELETE /apps/{app}`: the app and everything on it.
pub(crate) async fn delete_app(State(shared): S, Path(name): Path<String>) -> Response {
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(at) = scenario.apps.iter().position(|a| a.name == name) else {
        return not_found_app();
    };
    let rendered = render::app(&scenario, &scenario.apps[at]);
    scenario.apps.remove(at);
    drop(scenario);
    // Its deployed project stops with it.
    shared.web_dynos.lock().unwrap().remove(&name);
    Json(rendered).into_response()
}
