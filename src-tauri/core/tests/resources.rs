//! The Resources screen's engine against the simulated Heroku: the marketplace, an add-on
//! followed until ready, plan changes, removal (a database only after its backup is on disk),
//! dynos with warnings and Heroku's refusals, settings, collaborators, releases and rollback.

mod common;

use std::sync::atomic::AtomicBool;
use std::time::Duration;

use heroku_sim::{Fault, FaultAction};
use novaland_core::heroku::models::{AddOn, ConfigVars};
use novaland_core::resources::{addons, collaborators, config_vars, formation, releases};

const APP: &str = "econlab-public-goods";

#[tokio::test]
async fn the_marketplace_puts_what_otree_needs_first_and_groups_the_rest() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let all = addons::marketplace(&c, "").await.unwrap();
    let first: Vec<&str> = all.iter().take(3).map(|s| s.name.as_str()).collect();
    assert_eq!(first, ["heroku-postgresql", "papertrail", "sentry"]);
    assert!(all[0]
        .suggestion
        .as_deref()
        .unwrap()
        .contains("participants' data"));
    let mail: Vec<String> = addons::marketplace(&c, "email")
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(mail, ["mailgun", "sendgrid"], "found by their group");
    let plans = addons::plans(&c, "heroku-postgresql").await.unwrap();
    assert_eq!(plans[0].name, "heroku-postgresql:essential-0");
    assert_eq!(plans[0].cents, 500);
    assert!(plans.windows(2).all(|w| w[0].cents <= w[1].cents));
}

#[tokio::test]
async fn an_added_addon_is_followed_until_ready_and_sets_its_config_var() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let mut states = Vec::new();
    let cancel = AtomicBool::new(false);
    let added = addons::add(
        &c,
        APP,
        "papertrail:choklad",
        Duration::from_millis(200),
        &cancel,
        |a| states.push(a.state.clone()),
    )
    .await
    .unwrap();
    assert_eq!(states.first().map(String::as_str), Some("provisioning"));
    assert_eq!(added.state, "provisioned");
    let vars: ConfigVars = c.get(&format!("apps/{APP}/config-vars")).await.unwrap();
    assert!(vars.contains_key("PAPERTRAIL_API_TOKEN"));
    let newest = releases::list(&c, APP, 1).await.unwrap();
    assert!(
        newest[0].description.starts_with("Attach papertrail"),
        "{}",
        newest[0].description
    );

    // A plan that does not exist: Heroku's 422, in plain words.
    let wrong = addons::add(
        &c,
        APP,
        "papertrail:no-such-plan",
        Duration::from_millis(200),
        &cancel,
        |_| {},
    )
    .await
    .unwrap_err();
    assert_eq!(wrong.code(), "invalid_params");
    assert!(wrong.plain().contains("no-such-plan"), "{}", wrong.plain());

    // Another plan, then removal.
    let changed = addons::change_plan(&c, APP, &added.id, "papertrail:fixa")
        .await
        .unwrap();
    assert_eq!(changed.plan.name, "papertrail:fixa");
    let root = tempfile::tempdir().unwrap();
    let removed = addons::remove(&c, APP, &changed, root.path(), "s", &cancel, |_| {})
        .await
        .unwrap();
    assert_eq!(removed.backup_file, None);
    let left: Vec<AddOn> = c.list(&format!("apps/{APP}/addons")).await.unwrap();
    assert!(left.iter().all(|a| a.name != added.name));
}

#[tokio::test]
async fn a_database_is_removed_only_after_its_backup_is_on_disk() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let study = "novaland-study";
    let pg = |list: &[AddOn]| {
        list.iter()
            .find(|a| a.addon_service.name == "heroku-postgresql")
            .cloned()
    };
    let list: Vec<AddOn> = c.list(&format!("apps/{study}/addons")).await.unwrap();
    let db = pg(&list).unwrap();
    let root = tempfile::tempdir().unwrap();
    let cancel = AtomicBool::new(false);

    // The backup fails: the database stays.
    sim.inject(
        Fault::on(
            "POST",
            "/client/v11/databases/*",
            FaultAction::status(503, "unavailable", "Backups are unavailable."),
        )
        .times(1),
    );
    let failed = addons::remove(&c, study, &db, root.path(), "s1", &cancel, |_| {})
        .await
        .unwrap_err();
    assert!(
        failed.plain().starts_with("The database was not removed"),
        "{}",
        failed.plain()
    );
    let list: Vec<AddOn> = c.list(&format!("apps/{study}/addons")).await.unwrap();
    assert!(pg(&list).is_some());

    let mut steps = Vec::new();
    let removed = addons::remove(&c, study, &db, root.path(), "s2", &cancel, |s| {
        steps.push(s.to_string())
    })
    .await
    .unwrap();
    let file = removed.backup_file.unwrap();
    assert!(file.starts_with(root.path().join(study).join("s2")));
    assert!(std::fs::metadata(&file).unwrap().len() > 0);
    assert_eq!(steps.len(), 3, "{steps:?}");
    let list: Vec<AddOn> = c.list(&format!("apps/{study}/addons")).await.unwrap();
    assert!(pg(&list).is_none());
}

#[tokio::test]
async fn dynos_scale_with_warnings_and_heroku_refusals_in_plain_words() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let before = formation::list(&c, APP).await.unwrap();
    let web = before.iter().find(|p| p.process_type == "web").unwrap();
    assert_eq!(web.quantity, 0);
    assert!(web.warnings[0].contains("nobody can open the study"));

    let up = formation::change(&c, APP, "web", "Basic", 1).await.unwrap();
    assert_eq!(
        (up.quantity, up.size.as_str(), up.monthly_cents),
        (1, "Basic", Some(700))
    );
    assert!(up.warnings.is_empty());
    let two = formation::change(&c, APP, "web", "Standard-1X", 2)
        .await
        .unwrap();
    assert_eq!(two.monthly_cents, Some(5000));
    assert!(two.warnings[0].contains("one web dyno"));
    let eco = formation::change(&c, APP, "web", "Eco", 1).await.unwrap();
    assert!(eco.warnings[0].contains("sleep"));
    let refused = formation::change(&c, APP, "web", "Eco", 2)
        .await
        .unwrap_err();
    assert!(
        refused.plain().contains("more than 1 Eco"),
        "{}",
        refused.plain()
    );
    let no_such = formation::change(&c, APP, "worker", "Basic", 1)
        .await
        .unwrap_err();
    assert_eq!(no_such.code(), "not_found");
    // An app never deployed: Heroku's 404, with what it means.
    sim.edit(|s| {
        s.apps
            .iter_mut()
            .find(|a| a.name == APP)
            .unwrap()
            .releases
            .clear()
    });
    let undeployed = formation::change(&c, APP, "web", "Basic", 1)
        .await
        .unwrap_err();
    assert!(
        undeployed.plain().contains("Has the study been deployed?"),
        "{}",
        undeployed.plain()
    );
}

#[tokio::test]
async fn settings_collaborators_and_releases() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let before = releases::list(&c, APP, 50).await.unwrap().len();
    let vars = config_vars::set(
        &c,
        APP,
        "OTREE_ADMIN_PASSWORD",
        &config_vars::strong_password(),
    )
    .await
    .unwrap();
    let shown = config_vars::view(&vars, &[]);
    let pw = shown
        .iter()
        .find(|s| s.name == "OTREE_ADMIN_PASSWORD")
        .unwrap();
    assert!(pw.secret && pw.value.len() == 24);
    let vars = config_vars::remove(&c, APP, "OTREE_ADMIN_PASSWORD")
        .await
        .unwrap();
    assert!(!vars.contains_key("OTREE_ADMIN_PASSWORD"));
    let history = releases::list(&c, APP, 50).await.unwrap();
    assert_eq!(history.len(), before + 2, "each change is a release");
    assert!(
        history.windows(2).all(|w| w[0].version > w[1].version),
        "newest first"
    );

    assert!(!collaborators::plausible_email("not-an-address"));
    assert!(!collaborators::plausible_email("a@b"));
    assert!(collaborators::plausible_email("ra@uni.example.org"));
    let refused = collaborators::invite(&c, APP, "a@b").await.unwrap_err();
    assert!(
        refused.plain().contains("not a valid email"),
        "{}",
        refused.plain()
    );
    let added = collaborators::invite(&c, APP, "ra@uni.example.org")
        .await
        .unwrap();
    assert_eq!(added.email, "ra@uni.example.org");
    assert!(collaborators::list(&c, APP)
        .await
        .unwrap()
        .iter()
        .any(|p| p.email == "ra@uni.example.org"));
    collaborators::remove(&c, APP, "ra@uni.example.org")
        .await
        .unwrap();
    assert!(!collaborators::list(&c, APP)
        .await
        .unwrap()
        .iter()
        .any(|p| p.email == "ra@uni.example.org"));

    let target = history.last().unwrap();
    let rolled = releases::rollback(&c, APP, &target.id).await.unwrap();
    assert_eq!(
        rolled.description,
        format!("Rollback to v{}", target.version)
    );
}
