//! "Save to a file": the lines the screen shows, as Heroku wrote them, in a text file next to
//! the study's other downloads (`<root>/<app>/log <stamp>.txt`), never over an existing file.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::entry::LogEntry;
use crate::files::{self, PartFile};

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
