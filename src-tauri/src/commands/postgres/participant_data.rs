//! The Postgres screen's participant data card: oTree's own export files from the study.

use novaland_core::files;
use novaland_core::otree::export::DataOptions;
use novaland_core::otree::{
    download_participant_data as download_participant_data_into, DataProgress, ParticipantData,
};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{current, export_root, relay, Current};
use crate::error::CommandResult;
use crate::state::AppState;

/// "Download data": oTree's own files from the study's server. In practice mode the study is
/// the simulator's practice oTree.
#[tauri::command]
pub async fn download_participant_data(
    state: State<'_, AppState>,
    job: String,
    for_excel: bool,
    on_progress: Channel<DataProgress>,
) -> CommandResult<ParticipantData> {
    let Current {
        client,
        app,
        endpoints,
        ..
    } = current(&state).await?;
    let root = export_root(&state)?;
    let study_url = endpoints.study_url(&app);
    let options = DataOptions {
        for_excel,
        study_url,
    };
    let job = state.jobs.start(&job);
    let (stamp, progress) = (files::stamp_now(), relay(&on_progress));
    let result = download_participant_data_into(
        &client,
        &app,
        &root,
        &stamp,
        &options,
        job.token(),
        progress,
    )
    .await?;
    state.wrote([result.folder.clone()]).await;
    Ok(result)
}
