//! "Download data": every file oTree's Data page offers (all apps wide, one per app, page
//! times, chat when there is any), fetched from the study's server with the admin password from
//! the app's config vars, written into `<root>/<app>/<stamp>/` under oTree's own file names.

use std::future::Future;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::Serialize;

use super::site::{CsvFile, DataPage, Generation, OtreeSite};
use super::OtreeError;
use crate::files::{self, PartFile};
use crate::heroku::HerokuClient;

const BOM: &str = "\u{feff}";
/// oTree's default; a study can change it in settings.py, which Heroku cannot tell us.
const ADMIN_USERNAME: &str = "admin";

/// The workbook's name in the dated folder.
pub const WORKBOOK_NAME: &str = "oTree data.xlsx";

#[derive(Debug, Clone)]
pub struct DataOptions {
    /// UTF-8 with a byte-order mark, so Excel shows umlauts and emoji right.
    pub for_excel: bool,
    /// One `.xlsx` workbook beside the CSVs, a sheet per file (crate::workbook).
    pub workbook: bool,
    /// Where the study answers when it is not the app's web URL (practice mode's study lives in
    /// the simulator).
    pub study_url: Option<String>,
}

impl DataOptions {
    /// oTree's CSV files for Excel without the workbook (what a reset saves first), from the
    /// study at `study_url` (the app's web URL when `None`).
    pub fn csv(study_url: Option<String>) -> Self {
        DataOptions {
            workbook: false,
            for_excel: true,
            study_url,
        }
    }
}

impl Default for DataOptions {
    fn default() -> Self {
        DataOptions {
            for_excel: true,
            workbook: true,
            study_url: None,
        }
    }
}

/// One file written.
#[derive(Debug, Clone, Serialize)]
pub struct DataFile {
    /// "wide", "app", "page_times" or "chat".
    pub kind: &'static str,
    /// The oTree app for per-app files.
    pub app: Option<String>,
    pub path: PathBuf,
    pub file_name: String,
    /// Data rows (the header not counted).
    pub rows: u64,
    pub bytes: u64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipantData {
    pub folder: PathBuf,
    pub otree_version: String,
    pub files: Vec<DataFile>,
    /// The workbook made beside the files, when asked for.
    pub workbook: Option<crate::workbook::WorkbookReport>,
    /// Why the workbook is missing although it was asked for (the CSVs are complete).
    pub workbook_problem: Option<String>,
}

/// Reported before each file is asked for, and once more at the end.
#[derive(Debug, Clone, Serialize)]
pub struct DataProgress {
    pub step: String,
    pub done: usize,
    pub total: usize,
}

#[derive(Debug, Clone)]
enum Job {
    Wide,
    App(String),
    PageTimes,
    Chat,
}

impl Job {
    fn label(&self) -> String {
        match self {
            Job::Wide => crate::tr!("core-otree-job-wide"),
            Job::App(app) => crate::tr!("core-otree-job-app", app = app.as_str()),
            Job::PageTimes => crate::tr!("core-otree-job-page-times"),
            Job::Chat => crate::tr!("core-otree-job-chat"),
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Job::Wide => "wide",
            Job::App(_) => "app",
            Job::PageTimes => "page_times",
            Job::Chat => "chat",
        }
    }
}

pub async fn download_participant_data(
    client: &HerokuClient,
    app: &str,
    root: &Path,
    stamp: &str,
    options: &DataOptions,
    cancel: &AtomicBool,
    mut progress: impl FnMut(DataProgress),
) -> Result<ParticipantData, OtreeError> {
    progress(DataProgress {
        step: crate::tr!("core-otree-step-connecting"),
        done: 0,
        total: 0,
    });
    let (heroku_app, vars) = tokio::try_join!(
        crate::heroku::apps::info(client, app),
        crate::heroku::config_vars::get(client, app),
    )?;
    let var = |name: &str| vars.get(name).cloned().flatten().filter(|v| !v.is_empty());
    let base = options
        .study_url
        .clone()
        .or(heroku_app.web_url)
        .ok_or(OtreeError::NoAddress)?;
    let site = OtreeSite::new(&base, var("OTREE_REST_KEY"))?;
    let password = var("OTREE_ADMIN_PASSWORD");

    let page = until_cancelled(cancel, async {
        if let Some(password) = &password {
            site.login(ADMIN_USERNAME, password).await?;
        }
        match site.data_page().await {
            Err(OtreeError::NeedsLogin) if password.is_none() => Err(OtreeError::NoPassword),
            other => other,
        }
    })
    .await?;
    if !page.has_participants {
        return Err(OtreeError::NoData);
    }

    let mut jobs = vec![Job::Wide];
    jobs.extend(page.apps.iter().cloned().map(Job::App));
    jobs.push(Job::PageTimes);
    if page.has_chat {
        jobs.push(Job::Chat);
    }
    let folder =
        files::dated_folder(root, app, stamp).map_err(|e| OtreeError::NoFolder(e.to_string()))?;

    let mut written = Vec::new();
    for (done, job) in jobs.iter().enumerate() {
        progress(DataProgress {
            step: job.label(),
            done,
            total: jobs.len(),
        });
        let result = until_cancelled(cancel, fetch(&site, &page, job, options.for_excel)).await;
        let saved = result.and_then(|csv| save(&folder, job, csv, options.for_excel));
        match saved {
            Ok(file) => written.push(file),
            Err(e) => {
                // Complete files stay (each is whole and correct); an empty folder does not.
                if written.is_empty() {
                    let _ = std::fs::remove_dir(&folder);
                }
                return Err(e);
            }
        }
    }
    let (mut workbook, mut workbook_problem) = (None, None);
    if options.workbook {
        progress(DataProgress {
            step: crate::tr!("core-otree-step-workbook"),
            done: jobs.len(),
            total: jobs.len(),
        });
        let sheets: Vec<(String, PathBuf)> = written
            .iter()
            .map(|f| {
                (
                    f.file_name.trim_end_matches(".csv").to_string(),
                    f.path.clone(),
                )
            })
            .collect();
        match crate::workbook::write(&folder, WORKBOOK_NAME, &sheets) {
            Ok(w) => workbook = Some(w),
            Err(e) => workbook_problem = Some(e.plain()),
        }
    }
    progress(DataProgress {
        step: crate::tr!("core-otree-step-done"),
        done: jobs.len(),
        total: jobs.len(),
    });
    Ok(ParticipantData {
        folder,
        otree_version: page.version,
        files: written,
        workbook,
        workbook_problem,
    })
}

/// The route each file comes from: the Data page's own buttons (websocket in both 5.x and 6.x,
/// HTTP for page times and chat), or oTree 6.x's REST-key routes when the app has a REST key.
async fn fetch(
    site: &OtreeSite,
    page: &DataPage,
    job: &Job,
    for_excel: bool,
) -> Result<CsvFile, OtreeError> {
    let v6 = page.generation == Generation::V6;
    let keyed = v6 && site.has_rest_key();
    let bom = if v6 && for_excel {
        "format=csv_bom"
    } else {
        ""
    };
    let with = |path: &str, extra: &str| {
        let query: Vec<&str> = [bom, extra].into_iter().filter(|q| !q.is_empty()).collect();
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{}", query.join("&"))
        }
    };
    match job {
        Job::Wide if keyed => {
            let path = with("api/export_wide", "");
            site.export_over_http(&path, true, "all_apps_wide.csv")
                .await
        }
        Job::Wide if v6 => {
            let path = with("ExportWide", "");
            site.export_over_http(&path, false, "all_apps_wide.csv")
                .await
        }
        Job::Wide => site.export_over_websocket(None, for_excel).await,
        Job::App(app) if keyed => {
            let path = with("api/export_app", &format!("app={app}"));
            site.export_over_http(&path, true, &format!("{app}.csv"))
                .await
        }
        Job::App(app) => site.export_over_websocket(Some(app), for_excel).await,
        Job::PageTimes => {
            let (path, key) = if keyed {
                ("api/export_page_times", true)
            } else {
                ("ExportPageTimes", false)
            };
            site.export_over_http(&with(path, ""), key, "PageTimes.csv")
                .await
        }
        Job::Chat => {
            let (path, key) = match (keyed, v6) {
                (true, _) => ("api/export_chat", true),
                (false, true) => ("ExportChat", false),
                (false, false) => ("chat_export", false),
            };
            site.export_over_http(&with(path, ""), key, "ChatMessages.csv")
                .await
        }
    }
}

/// Writes one file under oTree's name (never over an existing file). oTree 5.x serves page
/// times and chat without a byte-order mark; for Excel the mark is added here.
fn save(folder: &Path, job: &Job, csv: CsvFile, for_excel: bool) -> Result<DataFile, OtreeError> {
    let text = if for_excel && !csv.text.starts_with(BOM) {
        format!("{BOM}{}", csv.text)
    } else {
        csv.text
    };
    let rows = count_rows(text.trim_start_matches(BOM));
    let mut part =
        PartFile::create(folder.join(files::safe_name(&csv.file_name))).map_err(write_error)?;
    part.file()
        .write_all(text.as_bytes())
        .map_err(write_error)?;
    let path = part.finish().map_err(write_error)?;
    Ok(DataFile {
        kind: job.kind(),
        app: match job {
            Job::App(app) => Some(app.clone()),
            _ => None,
        },
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path,
        rows,
        bytes: text.len() as u64,
    })
}

fn write_error(e: io::Error) -> OtreeError {
    if e.kind() == io::ErrorKind::StorageFull {
        OtreeError::DiskFull
    } else {
        OtreeError::Write(e.to_string())
    }
}

/// Records after the header; a cell may hold line breaks, so lines are not rows.
fn count_rows(text: &str) -> u64 {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::ByteRecord::new();
    let mut rows = 0;
    while reader.read_byte_record(&mut record).unwrap_or(false) {
        rows += 1;
    }
    rows
}

/// Runs `work`, giving up as soon as `cancel` is set (checked ten times a second).
async fn until_cancelled<T>(
    cancel: &AtomicBool,
    work: impl Future<Output = Result<T, OtreeError>>,
) -> Result<T, OtreeError> {
    tokio::pin!(work);
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(OtreeError::Cancelled);
        }
        tokio::select! {
            result = &mut work => return result,
            _ = tokio::time::sleep(Duration::from_millis(100)) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_records_not_lines() {
        let text = "a,b\n1,\"two\nlines\"\n3,4\n";
        assert_eq!(count_rows(text), 2);
        assert_eq!(count_rows("a,b\n"), 0);
    }

    #[test]
    fn adds_the_byte_order_mark_once() {
        let dir = tempfile::tempdir().unwrap();
        for (text, name) in [("a\n1\n", "one.csv"), ("\u{feff}a\n1\n", "two.csv")] {
            let csv = CsvFile {
                file_name: name.into(),
                text: text.into(),
            };
            let file = save(dir.path(), &Job::PageTimes, csv, true).unwrap();
            let bytes = std::fs::read(&file.path).unwrap();
            assert_eq!(&bytes[..3], b"\xef\xbb\xbf");
            assert_ne!(&bytes[3..6], b"\xef\xbb\xbf");
            assert_eq!(file.rows, 1);
        }
    }

    #[test]
    fn never_writes_over_a_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("PageTimes.csv"), "keep me").unwrap();
        let csv = CsvFile {
            file_name: "PageTimes.csv".into(),
            text: "a\n".into(),
        };
        let file = save(dir.path(), &Job::PageTimes, csv, false).unwrap();
        assert_eq!(file.file_name, "PageTimes (2).csv");
        let kept = std::fs::read_to_string(dir.path().join("PageTimes.csv")).unwrap();
        assert_eq!(kept, "keep me");
    }
}
