//! Novaland's Tauri layer: the window, the state, and the commands the page may call.

pub mod commands;
pub mod error;
pub mod state;

use tauri::{Builder, Runtime};

use crate::state::AppState;

/// Registers state and commands on any runtime, so tests can pass `tauri::test::mock_builder()`.
pub fn build_app<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::session::restore_session,
            commands::session::sign_in,
            commands::session::sign_out,
            commands::session::start_practice,
            commands::session::session_info,
            commands::apps::list_apps,
            commands::apps::choose_app,
            commands::overview::get_overview,
            commands::overview::open_study,
            commands::overview::open_heroku_page,
            commands::postgres::database_health,
            commands::postgres::download_database_tables,
            commands::postgres::download_participant_data,
            commands::postgres::cancel_job,
            commands::postgres::list_backups,
            commands::postgres::capture_backup,
            commands::postgres::download_backup,
            commands::postgres::delete_backup,
            commands::postgres::backup_schedule,
            commands::postgres::set_backup_schedule,
            commands::postgres::stop_backup_schedule,
            commands::postgres::reset_database,
            commands::settings::export_folder,
            commands::settings::choose_export_folder,
            commands::settings::use_default_export_folder,
            commands::postgres::show_folder,
            commands::logs::start_logs,
            commands::logs::stop_logs,
            commands::logs::query_logs,
            commands::logs::log_errors,
            commands::logs::save_logs,
            commands::logs::start_web_dyno,
            commands::logs::restart_dynos,
            commands::logs::end_maintenance,
            commands::addons::log_addons,
            commands::addons::papertrail_search,
            commands::addons::open_papertrail,
            commands::addons::connect_sentry,
            commands::addons::sentry_issues,
            commands::addons::sentry_stack_trace,
            commands::addons::forget_sentry,
            commands::addons::open_sentry_issue,
            commands::metrics::metrics_charts,
            commands::metrics::readiness_check,
            commands::metrics::apply_fix,
            commands::metrics::metrics_glance,
            commands::resources::list_dynos,
            commands::resources::change_dynos,
            commands::resources::set_maintenance,
            commands::resources::list_addons,
            commands::resources::marketplace,
            commands::resources::addon_plans,
            commands::resources::add_addon,
            commands::resources::change_addon_plan,
            commands::resources::remove_addon,
            commands::resources::open_addon,
            commands::resources::list_settings,
            commands::resources::reveal_setting,
            commands::resources::set_setting,
            commands::resources::remove_setting,
            commands::resources::generate_password,
            commands::resources::list_collaborators,
            commands::resources::invite_collaborator,
            commands::resources::remove_collaborator,
            commands::resources::list_releases,
            commands::resources::rollback_release,
        ])
}

pub fn run() {
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init());
    build_app(builder, AppState::from_environment())
        .run(tauri::generate_context!())
        .expect("Novaland could not start its window");
}
