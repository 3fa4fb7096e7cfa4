//! Novaland's Tauri layer: the window, the state, and the commands the page may call.

pub mod commands;
pub mod desktop;
pub mod error;
pub mod memory;
pub mod start_trace;
pub mod state;
pub mod updates;

use tauri::{Builder, Manager, Runtime};

use crate::state::AppState;

/// Registers state and commands on any runtime, so tests can pass `tauri::test::mock_builder()`.
pub fn build_app<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder
        .manage(state)
        // A project dropped on the window, for New study and Deploy a new version.
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                if let Some(path) = paths.first() {
                    commands::new_study::project_dropped(window.app_handle(), path.clone());
                }
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::session::restore_session,
            commands::session::sign_in,
            commands::session::sign_out,
            commands::session::start_practice,
            commands::session::session_info,
            commands::apps::list_apps,
            commands::apps::choose_app,
            commands::new_study::choose_project,
            commands::new_study::use_example_project,
            commands::new_study::check_study_name,
            commands::new_study::study_costs,
            commands::new_study::list_teams,
            commands::new_study::create_study,
            commands::new_study::remove_new_study,
            commands::new_study::deploy_new_version,
            commands::new_study::check_new_version,
            commands::overview::get_overview,
            commands::overview::open_study,
            commands::overview::open_heroku_page,
            commands::postgres::health::database_health,
            commands::postgres::tables::download_database_tables,
            commands::postgres::participant_data::download_participant_data,
            commands::jobs::cancel_job,
            commands::postgres::backups::list_backups,
            commands::postgres::backups::capture_backup,
            commands::postgres::backups::download_backup,
            commands::postgres::backups::delete_backup,
            commands::postgres::backups::restore_backup,
            commands::postgres::backups::backup_schedule,
            commands::postgres::backups::set_backup_schedule,
            commands::postgres::backups::stop_backup_schedule,
            commands::postgres::reset::reset_database,
            commands::settings::export_folder,
            commands::settings::choose_export_folder,
            commands::settings::use_default_export_folder,
            commands::settings::show_folder,
            commands::settings::messages,
            commands::settings::choose_language,
            commands::logs::start_logs,
            commands::logs::stop_logs,
            commands::logs::query_logs,
            commands::logs::log_errors,
            commands::logs::save_logs,
            commands::formation::start_web_dyno,
            commands::formation::restart_dynos,
            commands::formation::end_maintenance,
            commands::addon_apis::addon_apis,
            commands::addon_apis::papertrail_search,
            commands::addon_apis::open_papertrail,
            commands::addon_apis::connect_sentry,
            commands::addon_apis::sentry_issues,
            commands::addon_apis::sentry_stack_trace,
            commands::addon_apis::forget_sentry,
            commands::addon_apis::open_sentry_issue,
            commands::metrics::metrics_charts,
            commands::metrics::readiness_check,
            commands::metrics::apply_fix,
            commands::metrics::metrics_glance,
            commands::formation::list_formation,
            commands::formation::change_formation,
            commands::formation::set_maintenance,
            commands::resources::list_addons,
            commands::resources::marketplace,
            commands::resources::addon_plans,
            commands::resources::add_addon,
            commands::resources::change_addon_plan,
            commands::resources::remove_addon,
            commands::resources::open_addon,
            commands::config_vars::list_config_vars,
            commands::config_vars::reveal_config_var,
            commands::config_vars::set_config_var,
            commands::config_vars::remove_config_var,
            commands::config_vars::generate_password,
            commands::resources::list_collaborators,
            commands::resources::invite_collaborator,
            commands::resources::remove_collaborator,
            commands::resources::list_releases,
            commands::resources::rollback_release,
            commands::updates::look_for_update,
            commands::updates::install_update,
            commands::updates::novaland_version,
        ])
}

pub fn run() {
    memory::lighter_javascript();
    start_trace::begin();
    let builder = tauri::Builder::default()
        .setup(|_| {
            start_trace::mark("set up");
            Ok(())
        })
        .on_page_load(|_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Started {
                start_trace::mark("page load started");
            }
        })
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_updater::Builder::new().build());
    let state = AppState::from_environment();
    state.start_restoring();
    build_app(builder, state)
        .run(tauri::generate_context!())
        .expect("Novaland could not start its window");
}
