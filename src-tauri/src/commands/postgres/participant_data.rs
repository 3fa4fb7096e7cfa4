//! The Postgres screen's participant data card: oTree's own export files from the study.

use novaland_core::otree::export::DataOptions;
use novaland_core::otree::{
    download_participant_data as download_participant_data_into, DataProgress, ParticipantData,
};
use tauri::ipc::Channel;
use tauri::State;

use crate::commands::{relay, work};
use crate::error::CommandResult;
use crate::state::AppState;

/// "Download data": oTree's own files from the study's server. In practice mode the study is
/// the simulator's practice oTree.
#[tauri::command]
pub async fn download_participant_data(
    state: State<'_, AppState>,
    job: String,
    for_excel: bool,
    workbook: bool,
    on_progress: Channel<DataProgress>,
) -> CommandResult<ParticipantData> {
    let w = work(&state, &job).await?;
    let (client, app, progress) = (&w.session.client, &w.session.app, relay(&on_progress));
    let study_url = w.session.endpoints.study_url(app);
    let options = DataOptions {
        for_excel,
        workbook,
        study_url,
    };
    let (root, stamp, cancel) = (&w.root, &w.stamp, w.job.token());
    let result =
        download_participant_data_into(client, app, root, stamp, &options, cancel, progress)
            .await?;
    state.wrote([result.folder.clone()]).await;
    Ok(result)
}
