//! "Save to a file": the lines the screen shows, as Heroku wrote them, in a text file next to
//! the study's other downloads (`<root>/<app>/log <stamp>.txt`), never over an existing file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::entry::LogEntry;
use crate::files::{self, PartFile};

/// A log saved on this computer, as the page shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SavedLog {
    pub path: PathBuf,
    pub lines: usize,
}

/// The file could not be written; nothing half-written is left.
#[derive(Debug, thiserror::Error)]
#[error("the log could not be saved: {0}")]
pub struct SaveError(#[from] io::Error);

impl SaveError {
    pub fn code(&self) -> crate::error::ErrorCode {
        crate::error::ErrorCode::WriteFailed
    }

    pub fn plain(&self) -> String {
        crate::tr!("error-log-save", reason = files::write_problem(&self.0))
    }
}

crate::error::user_error!(SaveError);

/// "Save to a file": every kept line matching `filter`.
pub fn save_matching(
    store: &super::LogStore,
    filter: &super::Filter,
    root: &Path,
    app: &str,
    stamp: &str,
) -> Result<SavedLog, SaveError> {
    let entries = store.query(filter, usize::MAX);
    let path = save_lines(&entries, root, app, stamp)?;
    Ok(SavedLog {
        path,
        lines: entries.len(),
    })
}

pub fn save_lines(
    entries: &[LogEntry],
    root: &Path,
    app: &str,
    stamp: &str,
) -> io::Result<PathBuf> {
    let folder = root.join(files::safe_name(app));
    std::fs::create_dir_all(&folder)?;
    let mut part = PartFile::create(folder.join(format!("log {stamp}.txt")))?;
    let mut out = io::BufWriter::new(part.file());
    for entry in entries {
        out.write_all(entry.line.raw.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    drop(out);
    part.finish()
}
