//! The Platform API client against the simulated Heroku: headers, pagination, errors, retries.

mod common;

use std::time::Duration;

use common::*;
use heroku_sim::{Fault, FaultAction, Sim};
use novaland_core::heroku::models::{Account, AddOn, App, Collaborator};
use novaland_core::heroku::{HerokuClient, HerokuError, RetryPolicy};

#[tokio::test]
async fn reads_the_account_with_the_key() {
    let sim = practice().await;
    let account: Account = client(&sim).get("account").await.unwrap();
    assert_eq!(account.email, "ada.researcher@uni-example.edu");
    assert_eq!(account.name.as_deref(), Some("Ada Researcher"));
}

#[tokio::test]
async fn a_wrong_key_is_unauthorized() {
    let sim = practice().await;
    let c = HerokuClient::with_policy(sim.base_url(), "HRKU-wrong", fast()).unwrap();
    let err = c.get::<Account>("account").await.unwrap_err();
    assert!(matches!(err, HerokuError::Unauthorized { .. }), "{err:?}");
    assert!(err.plain().contains("did not accept"));
    // 401 is final: asked exactly once.
    assert_eq!(sim.exchanges().len(), 1);
}

#[tokio::test]
async fn lists_follow_next_range_until_complete() {
    let sim = Sim::start(sized(25, 10)).await.unwrap();
    sim.set_page_size(4);
    let c = client(&sim);
    let addons: Vec<AddOn> = c.list("apps/novaland-study/addons").await.unwrap();
    let mut names: Vec<_> = addons.iter().map(|a| a.name.clone()).collect();
    names.sort();
    names.dedup();
    assert_eq!(names.len(), 25, "every add-on once");
    let pages = sim
        .exchanges()
        .iter()
        .filter(|e| e.path.ends_with("/addons"))
        .count();
    assert_eq!(pages, 7, "25 add-ons at 4 a page");
    assert!(sim.exchanges().iter().any(|e| e.status == 206));
    let people: Vec<Collaborator> = c.list("apps/novaland-study/collaborators").await.unwrap();
    assert_eq!(people.len(), 10);
}

#[tokio::test]
async fn heroku_error_ids_become_kinds() {
    let sim = practice().await;
    let c = client(&sim);
    let cases = [
        (403, "two_factor", "TwoFactorNeeded"),
        (403, "forbidden", "Forbidden"),
        (404, "not_found", "NotFound"),
        (422, "invalid_params", "InvalidParams"),
        (400, "bad_request", "Other"),
    ];
    for (status, id, kind) in cases {
        sim.clear_faults();
        sim.inject(Fault::on(
            "GET",
            "/account",
            FaultAction::Status {
                status,
                id: id.into(),
                message: format!("msg {id}"),
            },
        ));
        let err = c.get::<Account>("account").await.unwrap_err();
        assert!(
            format!("{err:?}").starts_with(kind),
            "{status} {id}: {err:?}"
        );
        assert!(
            format!("{err}").contains(&format!("msg {id}")),
            "Heroku's message is kept: {err}"
        );
    }
    let err = c.get::<App>("apps/no-such-app").await.unwrap_err();
    assert_eq!(
        err,
        HerokuError::NotFound {
            message: "Couldn't find that app.".into()
        }
    );
}

#[tokio::test]
async fn rate_limit_is_waited_out_and_retried() {
    let sim = practice().await;
    sim.inject(Fault::new(None, "/account", FaultAction::RateLimitAfter { calls: 0 }).times(2));
    let account: Account = client(&sim).get("account").await.unwrap();
    assert_eq!(account.email, "ada.researcher@uni-example.edu");
    let statuses: Vec<u16> = sim.exchanges().iter().map(|e| e.status).collect();
    assert_eq!(statuses, vec![429, 429, 200]);
}

#[tokio::test]
async fn a_lasting_rate_limit_ends_in_a_clear_error() {
    let sim = practice().await;
    sim.inject(Fault::new(
        None,
        "/account",
        FaultAction::RateLimitAfter { calls: 0 },
    ));
    let err = client(&sim).get::<Account>("account").await.unwrap_err();
    assert!(matches!(err, HerokuError::RateLimited { .. }));
    assert_eq!(sim.exchanges().len(), 4, "one try and three retries");
}

#[tokio::test]
async fn gets_are_retried_on_5xx_and_dropped_connections() {
    let sim = practice().await;
    sim.inject(
        Fault::on(
            "GET",
            "/account",
            FaultAction::status(503, "unavailable", "down"),
        )
        .times(1),
    );
    sim.inject(Fault::on("GET", "/apps", FaultAction::DropConnection).times(1));
    let c = client(&sim);
    assert!(c.get::<Account>("account").await.is_ok());
    let apps: Vec<App> = c.list("apps").await.unwrap();
    assert_eq!(apps.len(), 3);
    let statuses: Vec<(String, u16)> = sim
        .exchanges()
        .iter()
        .map(|e| (e.path.clone(), e.status))
        .collect();
    assert_eq!(
        statuses.iter().filter(|(p, _)| p == "/apps").count(),
        2,
        "{statuses:?}"
    );
}

#[tokio::test]
async fn writes_are_never_retried_blindly() {
    let sim = practice().await;
    let c = client(&sim);
    for method in ["POST", "PATCH", "DELETE"] {
        sim.clear_faults();
        sim.clear_exchanges();
        sim.inject(Fault::new(
            Some(method),
            "/apps/novaland-study/dynos",
            FaultAction::status(503, "unavailable", "down"),
        ));
        let body = serde_json::json!({"command": "bash"});
        let err = match method {
            "POST" => {
                c.post::<serde_json::Value>("apps/novaland-study/dynos", &body)
                    .await
            }
            "PATCH" => {
                c.patch::<serde_json::Value>("apps/novaland-study/dynos", &body)
                    .await
            }
            _ => {
                c.delete::<serde_json::Value>("apps/novaland-study/dynos")
                    .await
            }
        }
        .unwrap_err();
        assert!(
            matches!(err, HerokuError::HerokuFailing { status: 503, .. }),
            "{method}: {err:?}"
        );
        assert_eq!(sim.exchanges().len(), 1, "{method} sent once");
    }
    // A 429 means Heroku did nothing, so even a POST waits and tries again.
    sim.clear_faults();
    sim.clear_exchanges();
    sim.inject(
        Fault::on(
            "POST",
            "/apps/novaland-study/dynos",
            FaultAction::RateLimitAfter { calls: 0 },
        )
        .times(1),
    );
    let _ = c
        .post::<serde_json::Value>("apps/novaland-study/dynos", &serde_json::json!({}))
        .await;
    assert_eq!(sim.exchanges().len(), 2);
}

#[tokio::test]
async fn truncated_answers_are_decode_errors() {
    let sim = practice().await;
    sim.inject(Fault::on("GET", "/account", FaultAction::TruncatedBody));
    let err = client(&sim).get::<Account>("account").await.unwrap_err();
    assert!(matches!(err, HerokuError::Decode { .. }), "{err:?}");
    assert_eq!(err.code(), "bad_answer");
}

#[tokio::test]
async fn slow_answers_time_out() {
    let sim = practice().await;
    sim.inject(Fault::on(
        "GET",
        "/account",
        FaultAction::Delay { ms: 2_000 },
    ));
    let policy = RetryPolicy {
        timeout: Duration::from_millis(200),
        ..fast()
    };
    let c = HerokuClient::with_policy(sim.base_url(), KEY, policy).unwrap();
    assert_eq!(
        c.get::<Account>("account").await.unwrap_err(),
        HerokuError::Timeout
    );
}

#[tokio::test]
async fn no_server_means_offline() {
    let sim = practice().await;
    let url = sim.base_url().to_string();
    drop(sim);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let c = HerokuClient::with_policy(&url, KEY, fast()).unwrap();
    let err = c.get::<Account>("account").await.unwrap_err();
    assert!(matches!(err, HerokuError::Offline { .. }), "{err:?}");
    assert!(err.plain().contains("online"));
}

/// Heroku's `RateLimit-Remaining` is kept, shared by every clone of the client (the Overview,
/// the collector and the log session use clones), and a low budget slows the next request
/// down before Heroku would answer 429.
#[tokio::test]
async fn the_rate_limit_budget_is_read_and_shared_by_clones() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let clone = c.clone();
    assert_eq!(c.rate_limit_remaining(), None);
    let _: Vec<serde_json::Value> = c.list("apps").await.unwrap();
    assert_eq!(clone.rate_limit_remaining(), Some(4499));
    sim.set_rate_limit_remaining(20);
    let _: Vec<serde_json::Value> = c.list("apps").await.unwrap();
    assert_eq!(clone.rate_limit_remaining(), Some(20));
    assert_eq!(
        novaland_core::heroku::pause_before_request(20),
        std::time::Duration::from_millis(3_200)
    );
}
