//! The route table: every address the simulator answers, grouped by the host it imitates, each
//! handled in its resource's module.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::{delete, get, patch, post, put};
use axum::Router;

use crate::data::{databases, transfers};
use crate::state::{heroku_error, Shared};
use crate::{
    account, addons, apps, attachments, builds, collaborators, config_vars, dynos, features,
    formation, log_sessions, logs, metrics_host, papertrail, releases, sentry, study,
};

/// A handler for `GET /apps/{app}/<things>`: `render`'s list of the app's things, paginated
/// by `field` as Heroku's `Range` header asks.
macro_rules! app_list {
    ($field:literal, $render:path) => {
        |State(shared): State<Arc<Shared>>, Path(app): Path<String>, headers: HeaderMap| async move {
            crate::state::app_list(&shared, &headers, &app, $field, $render)
        }
    };
}

pub(crate) fn router() -> Router<Arc<Shared>> {
    Router::new()
        // The Platform API (api.heroku.com).
        .route("/account", get(account::account))
        .route("/apps", get(apps::list).post(apps::create_app))
        .route("/users/{user}/apps", get(apps::list_by_user))
        .route("/teams", get(apps::list_teams))
        .route("/teams/apps", post(apps::create_team_app))
        .route("/apps/{app}", get(apps::info).patch(apps::update).delete(apps::delete_app))
        .route("/sources", post(builds::create_source))
        .route("/apps/{app}/sources", post(builds::create_source_for_app))
        .route("/apps/{app}/builds", get(builds::list).post(builds::create))
        .route("/apps/{app}/builds/{build}", get(builds::info))
        .route("/addon-services", get(addons::services))
        .route("/addon-services/{service}/plans", get(addons::plans))
        .route("/apps/{app}/addons", get(addons::list).post(addons::create))
        .route("/apps/{app}/addons/{addon}", get(addons::info).patch(addons::update).delete(addons::delete))
        .route("/addon-attachments", get(attachments::list))
        .route("/apps/{app}/addon-attachments", get(attachments::list_by_app))
        .route("/actions/addon-attachments/resolve", post(attachments::resolve))
        .route("/apps/{app}/config-vars", get(config_vars::list).patch(config_vars::update))
        .route("/apps/{app}/formation", get(app_list!("id", formation::list)).patch(formation::batch_update))
        .route("/apps/{app}/formation/{process}", patch(formation::update))
        .route("/apps/{app}/dynos", get(app_list!("id", dynos::list)).post(dynos::create).delete(dynos::restart_all))
        .route("/apps/{app}/dynos/{dyno}", get(dynos::info))
        .route("/apps/{app}/formations/{process}", delete(dynos::restart_formation))
        .route("/apps/{app}/features/{feature}", get(features::info).patch(features::update))
        .route("/apps/{app}/collaborators", get(app_list!("id", collaborators::list)).post(collaborators::add))
        .route("/apps/{app}/collaborators/{who}", delete(collaborators::remove))
        .route("/apps/{app}/releases", get(app_list!("version", releases::list)).post(releases::rollback))
        .route("/apps/{app}/log-sessions", post(log_sessions::create))
        // Heroku Postgres' Data API (api.data.heroku.com).
        .route("/client/v11/databases/{db}", get(databases::info))
        .route("/client/v11/databases/{db}/reset", put(databases::reset))
        .route("/client/v11/databases/{db}/backups", post(transfers::capture))
        .route("/client/v11/databases/{db}/restores", post(transfers::restore))
        .route("/client/v11/databases/{db}/transfer-schedules", get(transfers::schedules).post(transfers::schedule))
        .route("/client/v11/databases/{db}/transfer-schedules/{uuid}", delete(transfers::unschedule))
        .route("/client/v11/apps/{app}/transfers", get(transfers::list))
        .route("/client/v11/apps/{app}/transfers/{num}", get(transfers::one).delete(transfers::delete))
        .route("/client/v11/apps/{app}/transfers/{num}/actions/public-url", post(transfers::public_url))
        // What a backup's public URL points at (S3 on Heroku); it needs no Authorization.
        .route("/__sim/backups/{app}/{num}", get(transfers::download))
        // What a source's signed URLs point at (S3 on Heroku), and a build's output stream.
        .route("/__sim/sources/{file}", get(builds::download).put(builds::upload))
        .route("/__sim/build-output/{build}", get(builds::output))
        // Logplex (a log session's URL) and the metrics host.
        .route("/__sim/logs/{app}/live", get(logs::live))
        .route("/apps/{app}/router-metrics/{kind}", get(metrics_host::router_metrics))
        // The add-ons' own APIs.
        .route("/__sim/papertrail/api/v1/events/search.json", get(papertrail::search))
        .route("/__sim/sentry/api/0/projects/{org}/{project}/issues/", get(sentry::issues))
        .route("/__sim/sentry/api/0/organizations/{org}/issues/{issue}/events/latest/", get(sentry::latest_event))
        // The study itself (oTree on the app's web dyno).
        .route("/__sim/study/{app}/login", get(study::login_form).post(study::login))
        .route("/__sim/study/{app}/demo", get(study::demo))
        .route("/__sim/study/{app}/ExportIndex", get(study::data_page))
        .route("/__sim/study/{app}/api/otree_version", get(study::version))
        .route("/__sim/study/{app}/api/{export}", get(study::export))
        .fallback(|| async { heroku_error(404, "not_found", "The requested API endpoint was not found. Are you using the right HTTP verb (i.e. `GET` vs. `POST`), and did you specify your intended version with the `Accept` header?") })
}
