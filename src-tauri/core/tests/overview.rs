//! The Overview assembled from the simulated Heroku: status, dynos, add-ons, people, release.

mod common;

use std::time::Duration;

use common::*;
use heroku_sim::Sim;
use novaland_core::heroku::HerokuError;
use novaland_core::overview::{self, AppStatus};

#[tokio::test]
async fn the_practice_study_at_a_glance() {
    let sim = practice().await;
    let o = overview::fetch(&client(&sim), "novaland-study")
        .await
        .unwrap();
    assert_eq!(o.name, "novaland-study");
    assert!(o
        .web_url
        .as_deref()
        .unwrap()
        .starts_with("https://novaland-study-"));
    assert_eq!((o.region.as_str(), o.stack.as_str()), ("eu", "heroku-24"));
    assert_eq!(o.status, AppStatus::Running);
    assert_eq!(o.processes[0].process_type, "web");
    assert_eq!(
        (o.processes[0].size.as_str(), o.processes[0].quantity),
        ("Basic", 1)
    );
    assert_eq!(o.processes[0].dynos[0].state, "up");
    let plans: Vec<_> = o.addons.iter().map(|a| a.plan.as_str()).collect();
    assert_eq!(
        plans,
        [
            "heroku-postgresql:essential-0",
            "papertrail:choklad",
            "sentry:f1"
        ]
    );
    assert_eq!(o.addons[0].price_cents_per_month, Some(500));
    assert_eq!(o.collaborators.len(), 3);
    let release = o.last_release.unwrap();
    assert_eq!(
        (release.version, release.description.as_str()),
        (5, "Deploy 3f9c2e1")
    );
    assert_eq!(release.user, "ben.assistant@uni-example.edu");
}

#[tokio::test]
async fn crashed_and_offline_apps() {
    let sim = practice().await;
    let c = client(&sim);
    let pilot = overview::fetch(&c, "novaland-pilot").await.unwrap();
    assert_eq!(pilot.status, AppStatus::Crashed);
    assert!(pilot.status_text.contains("Crashed"));
    let team = overview::fetch(&c, "econlab-public-goods").await.unwrap();
    assert_eq!(team.status, AppStatus::NoWebDyno);
    assert_eq!(team.team.as_deref(), Some("econ-lab"));
    assert!(team.addons.is_empty());

    sim.edit(|s| {
        s.apps[0].dynos = Some(vec![heroku_sim::scenario::DynoSpec {
            name: "web.1".into(),
            state: "crashed".into(),
            size: None,
        }]);
    });
    assert_eq!(
        overview::fetch(&c, "novaland-study").await.unwrap().status,
        AppStatus::Crashed
    );
}

#[tokio::test]
async fn all_overview_requests_are_in_flight_together() {
    let sim = practice().await;
    sim.set_latency(Duration::from_millis(150));
    overview::fetch(&client(&sim), "novaland-study")
        .await
        .unwrap();
    assert_eq!(sim.exchanges().len(), 6);
    assert_eq!(sim.max_in_flight(), 6, "the six requests overlap");
}

#[tokio::test]
async fn one_failing_part_fails_the_overview_with_its_reason() {
    let sim = practice().await;
    sim.fail(
        "GET",
        "/apps/novaland-study/addons",
        403,
        "forbidden",
        "You do not have access to the add-ons",
    );
    let err = overview::fetch(&client(&sim), "novaland-study")
        .await
        .unwrap_err();
    assert!(matches!(err, HerokuError::Forbidden { .. }));
    let err = overview::fetch(&client(&sim), "gone-app")
        .await
        .unwrap_err();
    assert!(matches!(err, HerokuError::NotFound { .. }));
}

#[tokio::test]
async fn the_app_picker_lists_personal_and_team_apps() {
    let sim = practice().await;
    let apps = overview::list_apps(&client(&sim)).await.unwrap();
    let names: Vec<_> = apps.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        ["novaland-pilot", "novaland-study", "econlab-public-goods"],
        "newest release first"
    );
    assert_eq!(apps[2].team.as_deref(), Some("econ-lab"));
}

#[tokio::test]
async fn hundreds_of_apps_are_all_listed() {
    let mut s = heroku_sim::Scenario::practice();
    let template = s.apps[2].clone();
    for i in 0..450 {
        let mut a = template.clone();
        a.name = format!("lab-app-{i:03}");
        s.apps.push(a);
    }
    let sim = Sim::start(s).await.unwrap();
    let apps = overview::list_apps(&client(&sim)).await.unwrap();
    assert_eq!(apps.len(), 453);
    assert_eq!(sim.exchanges().len(), 3, "200 + 200 + 53");
}

#[tokio::test]
async fn database_health_from_the_data_api() {
    use novaland_core::postgres::health;
    let sim = practice().await;
    let c = client(&sim);
    let dbs = health(&c, "novaland-study").await.unwrap();
    assert_eq!(dbs.len(), 1);
    let db = &dbs[0];
    assert_eq!(db.plan, "heroku-postgresql:essential-0");
    assert_eq!(db.config_vars, ["DATABASE_URL"]);
    assert_eq!(
        (db.status.as_str(), db.num_tables, db.num_connections),
        ("Available", 14, 3)
    );
    assert_eq!(db.limit_bytes, Some(1_000_000_000));
    assert_eq!(db.percent_full, Some(4.6));
    let pilot = health(&c, "novaland-pilot").await.unwrap();
    assert_eq!(
        pilot[0].percent_full,
        Some(91.2),
        "the pilot's database is nearly full"
    );
    assert!(health(&c, "econlab-public-goods").await.unwrap().is_empty());
    let data_calls = sim
        .exchanges()
        .iter()
        .filter(|e| e.path.starts_with("/client/v11/databases/"))
        .count();
    assert_eq!(data_calls, 2);
}
