//! Scaling: `PATCH /apps/{app}/formation/{type}` (Novaland) and the batch update
//! `PATCH /apps/{app}/formation` `{updates: [{type, quantity, size}]}` (the official CLI's
//! `ps:scale`, heroku/cli `src/commands/ps/scale.ts`). Dynos follow at once, which real ones
//! do after a few seconds.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::Value;

use crate::render;
use crate::scenario::{AppSpec, DynoSpec, FormationSpec};
use crate::state::{heroku_error, Shared};

type S = State<Arc<Shared>>;

const SIZES: [&str; 6] = [
    "Eco",
    "Basic",
    "Standard-1X",
    "Standard-2X",
    "Performance-M",
    "Performance-L",
];

/// Heroku's error answer for a change it refuses (kept small until it is answered).
struct Refusal {
    status: u16,
    id: &'static str,
    message: String,
}

impl Refusal {
    fn new(status: u16, id: &'static str, message: &str) -> Self {
        Refusal {
            status,
            id,
            message: message.to_string(),
        }
    }

    fn answer(self) -> Response {
        heroku_error(self.status, self.id, &self.message)
    }
}

/// One process type's change as a request states it.
struct Change {
    quantity: Option<Quantity>,
    size: Option<String>,
}

enum Quantity {
    To(i64),
    /// `"+1"` or `"-1"`: the CLI's `ps:scale web+1` sends the change as a signed string.
    By(i64),
}

impl Change {
    /// Reads `quantity` and the size: the schema's `dyno_size` (`{name}` or `{id}`, or a plain
    /// string) or `size`, the older field the CLI still sends (real Heroku takes both: the CLI
    /// scales real apps with it).
    fn read(body: &Value) -> Result<Change, Refusal> {
        // A number, or a string of one: the CLI sends `"2"` (heroku/cli
        // `src/commands/ps/scale.ts`) and real Heroku scales with it.
        let quantity = match body.get("quantity") {
            None | Some(Value::Null) => None,
            Some(q) => match (q.as_i64(), q.as_str()) {
                (Some(q), _) if q >= 0 => Some(Quantity::To(q)),
                (_, Some(s)) if s.starts_with(['+', '-']) && s[1..].parse::<i64>().is_ok() => {
                    Some(Quantity::By(s.parse().expect("checked above")))
                }
                (_, Some(s)) if s.parse::<u32>().is_ok() => {
                    Some(Quantity::To(s.parse().expect("checked above")))
                }
                _ => {
                    return Err(Refusal::new(
                        422,
                        "invalid_params",
                        "Quantity must be a whole number, 0 or more.",
                    ))
                }
            },
        };
        let asked = body
            .get("dyno_size")
            .and_then(|s| s.get("name").or(s.get("id")).or(Some(s)))
            .or(body.get("size"))
            .and_then(Value::as_str);
        let size = match asked {
            Some(asked) => match SIZES.iter().find(|s| s.eq_ignore_ascii_case(asked)) {
                Some(s) => Some(s.to_string()),
                None => return Err(Refusal::new(422, "invalid_params", &format!("No such size as {asked}. Use eco, basic, standard-1x, standard-2x, performance-m or performance-l."))),
            },
            None => None,
        };
        Ok(Change { quantity, size })
    }
}

/// Applies one change to the app's process type and its dynos.
fn apply(app: &mut AppSpec, process: &str, change: Change) -> Result<FormationSpec, Refusal> {
    let missing = || {
        Refusal::new(
            404,
            "not_found",
            &format!("Couldn't find that process type ({process})."),
        )
    };
    // Before the first deploy there is no process to scale.
    if app.releases.is_empty() {
        return Err(missing());
    }
    let Some(entry) = app.formation.iter_mut().find(|f| f.process_type == process) else {
        return Err(missing());
    };
    let quantity = match change.quantity {
        Some(Quantity::To(q)) => Some(q),
        Some(Quantity::By(d)) => Some((entry.quantity + d).max(0)),
        None => None,
    };
    let eco = change
        .size
        .as_deref()
        .unwrap_or(&entry.size)
        .eq_ignore_ascii_case("eco");
    if eco && matches!(quantity, Some(2..)) {
        return Err(Refusal::new(
            422,
            "invalid_params",
            "Cannot scale to more than 1 Eco size dyno per process type.",
        ));
    }
    if let Some(q) = quantity {
        entry.quantity = q;
    }
    if let Some(size) = change.size {
        entry.size = size;
    }
    let entry = entry.clone();
    if let Some(dynos) = app.dynos.as_mut() {
        dynos.retain(|d| !d.name.starts_with(&format!("{process}.")));
        for i in 1..=entry.quantity {
            dynos.push(DynoSpec {
                name: format!("{process}.{i}"),
                state: "up".into(),
                size: Some(entry.size.clone()),
            });
        }
    }
    Ok(entry)
}

fn not_found_app() -> Response {
    heroku_error(404, "not_found", "Couldn't find that app.")
}

/// `PATCH /apps/{app}/formation/{type}` `{quantity, dyno_size}`.
pub(crate) async fn update(
    State(shared): S,
    Path((name, process)): Path<(String, String)>,
    Json(body): Json<Value>,
) -> Response {
    let change = match Change::read(&body) {
        Ok(c) => c,
        Err(refused) => return refused.answer(),
    };
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = scenario.apps.iter_mut().find(|a| a.name == name) else {
        return not_found_app();
    };
    match apply(app, &process, change) {
        Ok(entry) => Json(render::formation(app, &entry)).into_response(),
        Err(refused) => refused.answer(),
    }
}

/// `PATCH /apps/{app}/formation` `{updates: [...]}`: all or nothing, answered with the whole
/// formation after the change (the schema's "Batch Update" link, `targetSchema` an array).
pub(crate) async fn batch_update(
    State(shared): S,
    Path(name): Path<String>,
    Json(body): Json<Value>,
) -> Response {
    let Some(updates) = body["updates"].as_array() else {
        return heroku_error(422, "invalid_params", "updates is required.");
    };
    let mut changes = Vec::new();
    for update in updates {
        let Some(process) = update["type"].as_str() else {
            return heroku_error(422, "invalid_params", "Each update needs a type.");
        };
        match Change::read(update) {
            Ok(change) => changes.push((process.to_string(), change)),
            Err(refused) => return refused.answer(),
        }
    }
    let mut scenario = shared.scenario.lock().unwrap();
    let Some(app) = scenario.apps.iter_mut().find(|a| a.name == name) else {
        return not_found_app();
    };
    // Applied to a copy first, so one refused change leaves the app as it was.
    let mut changed = app.clone();
    for (process, change) in changes {
        if let Err(refused) = apply(&mut changed, &process, change) {
            return refused.answer();
        }
    }
    *app = changed;
    Json(
        app.formation
            .iter()
            .map(|f| render::formation(app, f))
            .collect::<Vec<_>>(),
    )
    .into_response()
}

/// `GET /apps/{app}/formation` (paginated by routes.rs's `app_list!`).
pub(crate) fn list(a: &AppSpec) -> Vec<Value> {
    a.formation
        .iter()
        .map(|f| render::formation(a, f))
        .collect()
}
