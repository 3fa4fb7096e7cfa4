//! The client and the simulator held to Heroku's official schema: every request the client
//! makes is a link of the schema, and every answer the simulator sends validates against
//! that link's target schema.

mod common;

use common::*;
use heroku_sim::{Scenario, Sim};
use novaland_core::heroku::models::{Account, ConfigVars};
use novaland_core::overview;
use serde_json::{json, Map, Value};

const SCHEMA: &str = include_str!("../../sim/schema/platform-api-schema.json");

struct Link {
    method: String,
    pattern: regex::Regex,
    href: String,
    target: Value,
}

/// interagent's `strictProperties` means: every listed property present, no others.
/// Each definition names the hyper-schema meta-schema, which a validator cannot fetch here;
/// the definitions are plain draft 04, so that name is dropped.
fn strict(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("$schema");
            // Draft 04 wants `required` non-empty; a few definitions carry `[]`, meaning none.
            if map
                .get("required")
                .and_then(Value::as_array)
                .is_some_and(|r| r.is_empty())
            {
                map.remove("required");
            }
            if map.get("strictProperties") == Some(&Value::Bool(true)) {
                if let Some(Value::Object(props)) = map
                    .get("properties")
                    .filter(|p| p.as_object().is_some_and(|p| !p.is_empty()))
                {
                    let names: Vec<Value> = props.keys().cloned().map(Value::String).collect();
                    map.insert("required".into(), Value::Array(names));
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
            }
            map.values_mut().for_each(strict);
        }
        Value::Array(items) => items.iter_mut().for_each(strict),
        _ => {}
    }
}

fn links(schema: &Value) -> Vec<Link> {
    let placeholder = regex::Regex::new(r"\{\([^)]*\)\}").unwrap();
    let mut out = vec![];
    for (name, def) in schema["definitions"].as_object().unwrap() {
        for link in def["links"].as_array().into_iter().flatten() {
            let href = link["href"].as_str().unwrap();
            let pattern = format!(
                "^{}$",
                placeholder.replace_all(
                    &regex::escape(href)
                        .replace(r"\{", "{")
                        .replace(r"\}", "}")
                        .replace(r"\(", "(")
                        .replace(r"\)", ")"),
                    "[^/]+"
                )
            );
            let resource = json!({ "$ref": format!("#/definitions/{name}") });
            let target = match (link.get("targetSchema"), link["rel"].as_str()) {
                (Some(t), _) => t.clone(),
                (None, Some("instances")) => json!({ "type": ["array"], "items": resource }),
                (None, _) => resource,
            };
            out.push(Link {
                method: link["method"].as_str().unwrap().to_string(),
                pattern: regex::Regex::new(&pattern).unwrap(),
                href: href.to_string(),
                target,
            });
        }
    }
    out
}

fn validator(definitions: &Value, target: &Value) -> jsonschema::Validator {
    let mut doc: Map<String, Value> = target.as_object().cloned().unwrap_or_default();
    doc.insert("definitions".into(), definitions.clone());
    jsonschema::draft4::new(&Value::Object(doc)).expect("the schema compiles")
}

#[tokio::test]
async fn every_request_is_a_schema_link_and_every_answer_validates() {
    let mut schema: Value = serde_json::from_str(SCHEMA).unwrap();
    strict(&mut schema);
    let links = links(&schema);
    assert_eq!(
        links.len(),
        305,
        "the schema's link count, as its README says"
    );

    let sim: Sim = Sim::start(sized(30, 12)).await.unwrap();
    sim.set_page_size(7);
    let c = client(&sim);
    c.get::<Account>("account").await.unwrap();
    overview::list_apps(&c).await.unwrap();
    for app in ["novaland-study", "novaland-pilot", "econlab-public-goods"] {
        overview::fetch(&c, app).await.unwrap();
        c.get::<ConfigVars>(&format!("apps/{app}/config-vars"))
            .await
            .unwrap();
    }

    let exchanges = sim.exchanges();
    assert!(exchanges.len() >= 20, "{} exchanges", exchanges.len());
    check_all(&schema, &links, &exchanges);
}

/// Every exchange is one of the schema's links, answered 2xx with a body its target schema
/// accepts.
fn check_all(schema: &Value, links: &[Link], exchanges: &[heroku_sim::RecordedExchange]) {
    let mut checked = 0;
    for e in exchanges {
        let link = links
            .iter()
            .find(|l| l.method == e.method && l.pattern.is_match(&e.path))
            .unwrap_or_else(|| panic!("{} {} is not a link of Heroku's schema", e.method, e.path));
        assert!(
            (200..300).contains(&e.status),
            "{} {} answered {}",
            e.method,
            e.path,
            e.status
        );
        let mut body = e.body.clone().expect("a JSON body");
        // The one known deviation: an app the simulator creates answers at the simulator's own
        // loopback address (its study must be reachable from the tests), where Heroku gives
        // `https://{name}-{hash}.herokuapp.com/`. Only that value is replaced; the rest of the
        // app is checked.
        if let Some(url) = body.get_mut("web_url") {
            if url
                .as_str()
                .is_some_and(|u| u.starts_with("http://127.0.0.1:"))
            {
                *url = Value::String("https://sim-app-0123456789ab.herokuapp.com/".into());
            }
        }
        let v = validator(&schema["definitions"], &link.target);
        let errors: Vec<String> = v
            .iter_errors(&body)
            .map(|err| format!("{} at {}", err, err.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{} {} (link {}) does not match the schema:\n{}",
            e.method,
            e.path,
            link.href,
            errors.join("\n")
        );
        checked += 1;
    }
    assert_eq!(checked, exchanges.len());
}

/// The Resources screen's changes: marketplace, add-on lifecycle, dynos, settings,
/// collaborators, releases and rollback, restart and maintenance.
#[tokio::test]
async fn resource_changes_are_schema_links_with_valid_answers() {
    use novaland_core::resources::{addons, collaborators, config_vars, formation, releases};
    let mut schema: Value = serde_json::from_str(SCHEMA).unwrap();
    strict(&mut schema);
    let links = links(&schema);
    let sim: Sim = Sim::start(Scenario::practice()).await.unwrap();
    let c = client(&sim);
    let app = "econlab-public-goods";
    addons::marketplace(&c, "").await.unwrap();
    addons::plans(&c, "papertrail").await.unwrap();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let added = addons::add(
        &c,
        app,
        "papertrail:choklad",
        std::time::Duration::from_millis(200),
        &cancel,
        |_| {},
    )
    .await
    .unwrap();
    addons::change_plan(&c, app, &added.id, "papertrail:fixa")
        .await
        .unwrap();
    let _: Value = c
        .delete(&format!("apps/{app}/addons/{}", added.id))
        .await
        .unwrap();
    formation::change(&c, app, "web", "Basic", 1).await.unwrap();
    formation::list(&c, app).await.unwrap();
    config_vars::set(&c, app, "OTREE_PRODUCTION", "1")
        .await
        .unwrap();
    config_vars::remove(&c, app, "OTREE_PRODUCTION")
        .await
        .unwrap();
    collaborators::invite(&c, app, "new.person@example.org")
        .await
        .unwrap();
    collaborators::list(&c, app).await.unwrap();
    collaborators::remove(&c, app, "new.person@example.org")
        .await
        .unwrap();
    let history = releases::list(&c, app, 10).await.unwrap();
    releases::rollback(&c, app, &history[1].id).await.unwrap();
    formation::restart_all(&c, app).await.unwrap();
    formation::set_maintenance(&c, app, false).await.unwrap();
    // New study's owner choice and a team's app.
    let teams = novaland_core::heroku::apps::teams(&c).await.unwrap();
    novaland_core::heroku::apps::create(&c, "lab-study-2026", "eu", Some(&teams[0].name))
        .await
        .unwrap();
    let exchanges = sim.exchanges();
    assert!(exchanges.len() >= 17, "{} exchanges", exchanges.len());
    check_all(&schema, &links, &exchanges);
}

#[test]
fn the_strict_reading_catches_a_missing_or_extra_property() {
    let mut schema: Value = serde_json::from_str(SCHEMA).unwrap();
    strict(&mut schema);
    let target = json!({ "$ref": "#/definitions/account" });
    let v = validator(&schema["definitions"], &target);
    let good = json!({
        "allow_tracking": true, "beta": false, "created_at": "2024-01-15T09:00:00Z", "email": "a@b.org",
        "federated": false, "id": "01234567-89ab-cdef-0123-456789abcdef", "identity_provider": null,
        "last_login": null, "name": null, "sms_number": null, "suspended_at": null, "delinquent_at": null,
        "two_factor_authentication": false, "updated_at": "2024-01-15T09:00:00Z", "verified": true,
        "country_of_residence": null, "default_organization": null, "default_team": null
    });
    assert!(v.is_valid(&good));
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("email");
    assert!(!v.is_valid(&missing));
    let mut extra = good.clone();
    extra["status"] = json!("running");
    assert!(!v.is_valid(&extra));
    let mut wrong = good;
    wrong["beta"] = json!("no");
    assert!(!v.is_valid(&wrong));
}
