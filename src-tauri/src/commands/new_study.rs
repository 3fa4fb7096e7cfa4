//! "New study" and the Overview's "Deploy a new version": the oTree project chosen with the
//! system's picker (on the Rust side: the page never handles paths) and checked, the app's
//! name checked as it is typed, the monthly costs, the study made step by step, and removing
//! an app this run made.

use novaland_core::confirm;
use novaland_core::deploy::{self, DeployCheck, DeployProgress, Deployed, ProjectReport};
use novaland_core::heroku::models::Team;
use novaland_core::new_study::{self, Cost, CreatedStudy, NameCheck, NewStudy, StudyProgress};
use std::path::PathBuf;

use tauri::ipc::Channel;
use tauri::{AppHandle, Emitter, Manager, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::{client, current, relay, Current};
use crate::error::{CommandError, CommandResult, ErrorCode};
use crate::state::AppState;

/// Opens the picker for an `.otreezip` (or, with `folder`, the project folder), checks what
/// was chosen and keeps it for the deploy. `None` when the researcher closed the picker.
#[tauri::command]
pub async fn choose_project<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    folder: bool,
) -> CommandResult<Option<ProjectReport>> {
    let Some(path) = pick_project(&app, folder)? else {
        return Ok(None);
    };
    Ok(Some(keep_project(&state, path).await?))
}

/// The system's picker (or the test's project): the chosen path, `None` when closed.
fn pick_project<R: Runtime>(app: &AppHandle<R>, folder: bool) -> CommandResult<Option<PathBuf>> {
    if let Some(path) = novaland_core::env::test_project() {
        return Ok(Some(path));
    }
    let dialog = app.dialog().file();
    let dialog = dialog.set_title(novaland_core::tr!("core-new-study-pick-title"));
    let picked = if folder {
        dialog.blocking_pick_folder()
    } else {
        let filter = novaland_core::tr!("core-new-study-pick-filter");
        dialog
            .add_filter(filter, &["otreezip"])
            .blocking_pick_file()
    };
    let not_local = || {
        let message = novaland_core::tr!("core-new-study-pick-not-local");
        CommandError::new(ErrorCode::BadFolder, message)
    };
    picked
        .map(|p| p.into_path().map_err(|_| not_local()))
        .transpose()
}

/// Checks the project at `path` (off the async threads: a 100 MB archive takes a moment to
/// read) and keeps it for the deploy; the page gets its report, never the path.
async fn keep_project(state: &AppState, path: PathBuf) -> CommandResult<ProjectReport> {
    let project = tauri::async_runtime::spawn_blocking(move || deploy::inspect(&path))
        .await
        .map_err(|e| CommandError::new(ErrorCode::Io, e.to_string()))??;
    let report = project.report.clone();
    *state.project.lock().await = Some(project);
    Ok(report)
}

/// Takes Novaland's built-in example study as the project (practice mode, or a first try).
#[tauri::command]
pub async fn use_example_project(state: State<'_, AppState>) -> CommandResult<ProjectReport> {
    let project = deploy::example();
    let report = project.report.clone();
    *state.project.lock().await = Some(project);
    Ok(report)
}

/// What the page hears when a project is dropped on the window: its report, or why it is
/// not one. Sent as the event `project-dropped`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Dropped {
    pub report: Option<ProjectReport>,
    pub error: Option<CommandError>,
}

/// A file or folder dropped on the window: checked like a chosen one and kept for the deploy
/// (the page never holds its path); the page hears the outcome as `project-dropped`.
pub fn project_dropped<R: Runtime>(app: &AppHandle<R>, path: PathBuf) {
    let app = app.clone();
    tauri::async_runtime::spawn(async move {
        let dropped = match keep_project(&app.state::<AppState>(), path).await {
            Ok(report) => Dropped {
                report: Some(report),
                error: None,
            },
            Err(error) => Dropped {
                report: None,
                error: Some(error),
            },
        };
        // Nobody listening (no screen asks for a project) is not an error.
        let _ = app.emit("project-dropped", dropped);
    });
}

#[tauri::command]
pub async fn check_study_name(
    state: State<'_, AppState>,
    name: String,
) -> CommandResult<NameCheck> {
    Ok(new_study::check_name(&client(&state).await?, &name).await?)
}

#[tauri::command]
pub async fn study_costs(state: State<'_, AppState>, papertrail: bool) -> CommandResult<Vec<Cost>> {
    Ok(new_study::costs(&client(&state).await?, papertrail).await?)
}

/// The Heroku Teams the account is in, which may own the new study's app.
#[tauri::command]
pub async fn list_teams(state: State<'_, AppState>) -> CommandResult<Vec<Team>> {
    Ok(novaland_core::heroku::apps::teams(&client(&state).await?).await?)
}

/// Makes the study with the chosen project; `resume` finishes one that failed part-way.
#[tauri::command]
pub async fn create_study(
    state: State<'_, AppState>,
    job: String,
    study: NewStudy,
    resume: bool,
    on_progress: Channel<StudyProgress>,
) -> CommandResult<CreatedStudy> {
    let client = client(&state).await?;
    let project = chosen_project(&state).await?;
    let (job, progress) = (state.jobs.start(&job), relay(&on_progress));
    let (name, options) = (study.name.clone(), new_study::StudyOptions::default());
    let made = new_study::create(
        &client,
        &study,
        &project,
        resume,
        &options,
        job.token(),
        progress,
    );
    let result = made.await;
    if result.is_ok() || result.as_ref().is_err_and(|e| !e.created().is_empty()) {
        state.created_apps.lock().await.push(name);
    }
    Ok(result?)
}

/// Deletes an app "New study" made in this run, after its name was typed.
#[tauri::command]
pub async fn remove_new_study(
    state: State<'_, AppState>,
    name: String,
    typed_name: String,
) -> CommandResult<()> {
    confirm::typed_name(&typed_name, &name, confirm::Kept::Removed)?;
    if !state.created_apps.lock().await.contains(&name) {
        return Err(CommandError::new(
            ErrorCode::Forbidden,
            novaland_core::tr!("core-new-study-remove-not-ours"),
        ));
    }
    novaland_core::heroku::apps::delete(&client(&state).await?, &name).await?;
    state.created_apps.lock().await.retain(|a| a != &name);
    Ok(())
}

/// Deploys the chosen project as a new version of the study's app, after its name was typed.
#[tauri::command]
pub async fn deploy_new_version(
    state: State<'_, AppState>,
    job: String,
    typed_name: String,
    on_progress: Channel<DeployProgress>,
) -> CommandResult<Deployed> {
    let Current { client, app, .. } = current(&state).await?;
    confirm::typed_name(&typed_name, &app, confirm::Kept::Deployed)?;
    let project = chosen_project(&state).await?;
    let (job, progress) = (state.jobs.start(&job), relay(&on_progress));
    let options = deploy::DeployOptions::default();
    Ok(deploy::deploy(&client, &app, &project, &options, job.token(), progress).await?)
}

async fn chosen_project(state: &AppState) -> CommandResult<deploy::Project> {
    state.project.lock().await.clone().ok_or_else(|| {
        CommandError::new(
            ErrorCode::NoData,
            novaland_core::tr!("core-new-study-no-project"),
        )
    })
}

/// What to know before the chosen project replaces the running study: participants on it
/// right now, and a change of oTree version.
#[tauri::command]
pub async fn check_new_version(state: State<'_, AppState>) -> CommandResult<DeployCheck> {
    let session = current(&state).await?;
    let project = chosen_project(&state).await?;
    let study_url = session.endpoints.study_url(&session.app);
    Ok(deploy::before_deploy(&session.client, &session.app, study_url, &project).await?)
}
