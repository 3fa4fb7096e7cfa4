//! An oTree project as the researcher chose it (the `.otreezip` that `otree zip` writes, or the
//! project folder), checked before anything is uploaded, and packed as the tar.gz Heroku's
//! Build API takes.
//!
//! What is left out follows `otree zip` itself (oTree 6, `otree/cli/zip.py`,
//! `EXCLUDED_PATH_ENDINGS`), plus `.venv`: the local database, caches and virtual environments
//! must not reach Heroku (a db.sqlite3 would even hold pilot participants' data).

use std::io::Read;
use std::path::{Path, PathBuf};

use flate2::read::GzDecoder;
use serde::Serialize;

use crate::error::ErrorCode;

/// Above this the archive is refused before it is read: an oTree project is a few megabytes of
/// code and pictures; Heroku's compiled app may be 500 MB, and Python with oTree's packages
/// takes about 150 MB of it.
pub const MAX_PROJECT_BYTES: u64 = 100 * 1024 * 1024;

/// oTree's own Procfile (`otree/project_template/Procfile`, oTree 5 and 6).
pub const OTREE_PROCFILE: &str = "web: otree prodserver1of2\nworker: otree prodserver2of2\n";

/// Path endings `otree zip` leaves out, and `.venv`.
const LEFT_OUT: &[&str] = &[
    "~",
    ".git",
    "db.sqlite3",
    ".pyo",
    ".pyc",
    ".pyd",
    ".idea",
    ".DS_Store",
    ".otreezip",
    // Before "venv", which it ends with, so the report names it as it is.
    ".venv",
    "venv",
    "_static_root",
    "staticfiles",
    "__pycache__",
    ".env",
];

/// A checked project, ready to pack.
#[derive(Debug, Clone)]
pub struct Project {
    /// Where it came from (the archive or the folder).
    pub source: PathBuf,
    /// Files relative to the project's root, with their bytes, in a stable order.
    pub files: Vec<(String, Vec<u8>)>,
    pub report: ProjectReport,
}

/// What the page shows about the project before the upload.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProjectReport {
    /// The file or folder's name.
    pub name: String,
    pub files: usize,
    pub bytes: u64,
    /// The oTree requirement as written, e.g. `otree==5.11.5` or `otree>=5.0.0a21`.
    pub otree_requirement: String,
    /// The version it pins or needs at least (`5.11.5`), if the line names one.
    pub otree_version: Option<String>,
    /// What Novaland added because Heroku needs it (oTree's Procfile, psycopg2), in words.
    pub added: Vec<String>,
    /// What was left out, one entry per kind (`db.sqlite3`, `__pycache__`).
    pub left_out: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    #[error("{path}: {detail}")]
    Unreadable { path: String, detail: String },
    #[error("not a gzip'd tar archive: {detail}")]
    Corrupt { detail: String },
    #[error("too big: {bytes} bytes")]
    TooBig { bytes: u64 },
    #[error("no settings.py")]
    NoSettings,
    #[error("no requirements.txt")]
    NoRequirements,
    #[error("requirements.txt does not name otree")]
    NoOtreeRequirement,
}

impl ProjectError {
    pub fn code(&self) -> ErrorCode {
        match self {
            ProjectError::Unreadable { .. } => ErrorCode::Unreadable,
            ProjectError::Corrupt { .. } => ErrorCode::Unreadable,
            ProjectError::TooBig { .. } => ErrorCode::TooBig,
            ProjectError::NoSettings
            | ProjectError::NoRequirements
            | ProjectError::NoOtreeRequirement => ErrorCode::NotOtree,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            ProjectError::Unreadable { path, detail } => {
                crate::tr!("error-project-unreadable", path = path, detail = detail)
            }
            ProjectError::Corrupt { .. } => crate::tr!("error-project-corrupt"),
            ProjectError::TooBig { bytes } => crate::tr!(
                "error-project-too-big",
                size = crate::files::human_size(*bytes),
                max = crate::files::human_size(MAX_PROJECT_BYTES)
            ),
            ProjectError::NoSettings => crate::tr!("error-project-no-settings"),
            ProjectError::NoRequirements => crate::tr!("error-project-no-requirements"),
            ProjectError::NoOtreeRequirement => crate::tr!("error-project-no-otree-requirement"),
        }
    }
}

crate::error::user_error!(ProjectError);

/// Reads and checks the project at `path`: an `.otreezip` (or any tar.gz) or a folder.
pub fn inspect(path: &Path) -> Result<Project, ProjectError> {
    let unreadable = |e: std::io::Error| ProjectError::Unreadable {
        path: display_name(path),
        detail: e.to_string(),
    };
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    let mut left_out = Vec::new();
    let files = if meta.is_dir() {
        read_folder(path, &mut left_out)?
    } else {
        if meta.len() > MAX_PROJECT_BYTES {
            return Err(ProjectError::TooBig { bytes: meta.len() });
        }
        let bytes = std::fs::read(path).map_err(unreadable)?;
        read_archive(&bytes, &mut left_out)?
    };
    check(path, files, left_out)
}

/// Novaland's example study: tests/otree_project (a survey and a guessing game for oTree
/// 5.11.5), built into the app so that practice mode, and a researcher without a project yet,
/// can deploy a study. Its test helpers (play.py, reference_export.py, the README) stay out.
pub fn example() -> Project {
    macro_rules! file {
        ($path:literal) => {
            (
                $path,
                include_bytes!(concat!("../../../../tests/otree_project/", $path)).as_slice(),
            )
        };
    }
    const FILES: &[(&str, &[u8])] = &[
        file!("settings.py"),
        file!("requirements.txt"),
        file!("_static/.keep"),
        file!("_templates/global/Page.html"),
        file!("survey/__init__.py"),
        file!("survey/Survey.html"),
        file!("guess/__init__.py"),
        file!("guess/Guess.html"),
        file!("guess/Results.html"),
    ];
    let files = FILES
        .iter()
        .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
        .collect();
    let mut project = check(Path::new(EXAMPLE_NAME), files, Vec::new())
        .expect("the example study is an oTree project (tested)");
    // On the page, in the researcher's language.
    project.report.name = crate::tr!("core-deploy-example-name");
    project
}

/// What the example is called (the English of `core-deploy-example-name`).
pub const EXAMPLE_NAME: &str = "Novaland's example study";

fn check(
    path: &Path,
    mut files: Vec<(String, Vec<u8>)>,
    mut left_out: Vec<String>,
) -> Result<Project, ProjectError> {
    strip_single_folder(&mut files);
    let find = |name: &str| files.iter().find(|(p, _)| p == name).map(|(_, b)| b);
    if find("settings.py").is_none() {
        return Err(ProjectError::NoSettings);
    }
    let requirements = find("requirements.txt")
        .ok_or(ProjectError::NoRequirements)?
        .clone();
    let otree_requirement = otree_requirement(&String::from_utf8_lossy(&requirements))
        .ok_or(ProjectError::NoOtreeRequirement)?;
    let requirements = String::from_utf8_lossy(&requirements).into_owned();
    let mut added = Vec::new();
    // `otree zip` refuses a project without psycopg2 (oTree 6 `cli/zip.py`): without it oTree
    // cannot use Heroku Postgres. Added here rather than refused: it is what oTree writes.
    if !names_package(&requirements, &["psycopg2", "psycopg2-binary", "psycopg"]) {
        let mut text = requirements.clone();
        if !text.ends_with('\n') && !text.is_empty() {
            text.push('\n');
        }
        text.push_str("psycopg2>=2.8.4\n");
        replace(&mut files, "requirements.txt", text.into_bytes());
        added.push(crate::tr!("core-deploy-added-psycopg2"));
    }
    if files.iter().all(|(p, _)| p != "Procfile") {
        files.push(("Procfile".into(), OTREE_PROCFILE.as_bytes().to_vec()));
        added.push(crate::tr!("core-deploy-added-procfile"));
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    left_out.sort();
    left_out.dedup();
    let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
    if bytes > MAX_PROJECT_BYTES {
        return Err(ProjectError::TooBig { bytes });
    }
    let report = ProjectReport {
        name: display_name(path),
        files: files.len(),
        bytes,
        otree_version: version_of(&otree_requirement),
        otree_requirement,
        added,
        left_out,
    };
    Ok(Project {
        source: path.to_path_buf(),
        files,
        report,
    })
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// The kind of thing `otree zip` would leave out at this path, if any.
fn left_out_kind(path: &str) -> Option<&'static str> {
    path.split('/')
        .filter(|c| !c.is_empty())
        .find_map(|c| LEFT_OUT.iter().copied().find(|end| c.ends_with(end)))
        .or_else(|| path.contains("__temp").then_some("__temp"))
}

fn read_folder(
    root: &Path,
    left_out: &mut Vec<String>,
) -> Result<Vec<(String, Vec<u8>)>, ProjectError> {
    let mut files = Vec::new();
    let mut total = 0u64;
    let mut pending = vec![PathBuf::new()];
    while let Some(rel) = pending.pop() {
        let dir = root.join(&rel);
        let entries = std::fs::read_dir(&dir).map_err(|e| ProjectError::Unreadable {
            path: dir.display().to_string(),
            detail: e.to_string(),
        })?;
        for entry in entries.flatten() {
            let rel = rel.join(entry.file_name());
            let name = rel.to_string_lossy().replace('\\', "/");
            if let Some(kind) = left_out_kind(&name) {
                left_out.push(kind.to_string());
                continue;
            }
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(rel);
            } else if kind.is_file() {
                let bytes = std::fs::read(entry.path()).map_err(|e| ProjectError::Unreadable {
                    path: name.clone(),
                    detail: e.to_string(),
                })?;
                total += bytes.len() as u64;
                if total > MAX_PROJECT_BYTES {
                    return Err(ProjectError::TooBig { bytes: total });
                }
                files.push((name, bytes));
            }
        }
    }
    Ok(files)
}

fn read_archive(
    bytes: &[u8],
    left_out: &mut Vec<String>,
) -> Result<Vec<(String, Vec<u8>)>, ProjectError> {
    let corrupt = |e: std::io::Error| ProjectError::Corrupt {
        detail: e.to_string(),
    };
    let mut archive = tar::Archive::new(GzDecoder::new(bytes));
    let mut files = Vec::new();
    let mut total = 0u64;
    for entry in archive.entries().map_err(corrupt)? {
        let mut entry = entry.map_err(corrupt)?;
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let name = entry
            .path()
            .map_err(corrupt)?
            .to_string_lossy()
            .into_owned();
        let name = name.trim_start_matches("./").to_string();
        // A path that climbs out of the project is not oTree's and is never uploaded.
        if name.starts_with('/') || name.split('/').any(|c| c == "..") {
            continue;
        }
        if let Some(kind) = left_out_kind(&name) {
            left_out.push(kind.to_string());
            continue;
        }
        total += entry.header().size().unwrap_or(0);
        if total > MAX_PROJECT_BYTES {
            return Err(ProjectError::TooBig { bytes: total });
        }
        let mut data = Vec::new();
        entry.read_to_end(&mut data).map_err(corrupt)?;
        files.push((name, data));
    }
    if files.is_empty() {
        return Err(ProjectError::Corrupt {
            detail: "the archive holds no files".into(),
        });
    }
    Ok(files)
}

/// A project packed inside one folder (`myproject/settings.py`), as a hand-made archive often
/// is, is moved to the root where Heroku's buildpack looks for it.
fn strip_single_folder(files: &mut [(String, Vec<u8>)]) {
    if files.iter().any(|(p, _)| p == "settings.py") {
        return;
    }
    let Some(first) = files
        .first()
        .and_then(|(p, _)| p.split_once('/'))
        .map(|(d, _)| d.to_string())
    else {
        return;
    };
    let prefix = format!("{first}/");
    if files.iter().all(|(p, _)| p.starts_with(&prefix)) {
        for (p, _) in files.iter_mut() {
            *p = p[prefix.len()..].to_string();
        }
    }
}

/// The requirement line naming oTree (`otree==5.11.5`, `otree[mturk]>=5.4`), comments and
/// other packages skipped.
fn otree_requirement(requirements: &str) -> Option<String> {
    requirements
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .find(|l| names_package(l, &["otree"]))
        .map(str::to_string)
}

fn replace(files: &mut [(String, Vec<u8>)], name: &str, bytes: Vec<u8>) {
    if let Some(f) = files.iter_mut().find(|(p, _)| p == name) {
        f.1 = bytes;
    }
}

/// Whether one of `packages` is a requirement (its name, before any version or extra).
fn names_package(requirements: &str, packages: &[&str]) -> bool {
    requirements.lines().any(|l| {
        let name: String = l
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        packages.iter().any(|p| name.eq_ignore_ascii_case(p))
    })
}

fn version_of(requirement: &str) -> Option<String> {
    let at = requirement.find(|c: char| c.is_ascii_digit())?;
    let version: String = requirement[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
        .collect();
    (!version.is_empty()).then_some(version)
}

impl Project {
    /// The project as a tar.gz with its files at the root, as the Build API takes it.
    pub fn archive(&self) -> Result<Vec<u8>, ProjectError> {
        let fail = |e: std::io::Error| ProjectError::Unreadable {
            path: self.report.name.clone(),
            detail: e.to_string(),
        };
        let gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let mut tar = tar::Builder::new(gz);
        for (name, bytes) in &self.files {
            let mut header = tar::Header::new_gnu();
            header.set_size(bytes.len() as u64);
            header.set_mode(0o644);
            header.set_mtime(0);
            header.set_cksum();
            tar.append_data(&mut header, name, bytes.as_slice())
                .map_err(fail)?;
        }
        tar.into_inner().and_then(|gz| gz.finish()).map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_otree_line_is_found_and_its_version_read() {
        let r = "# oTree-may-overwrite-this-file\notree>=5.0.0a21\npsycopg2>=2.8.4\n";
        assert_eq!(otree_requirement(r).as_deref(), Some("otree>=5.0.0a21"));
        assert_eq!(version_of("otree>=5.0.0a21").as_deref(), Some("5.0.0a21"));
        assert_eq!(
            version_of("otree[mturk]==5.11.5").as_deref(),
            Some("5.11.5")
        );
        assert_eq!(version_of("otree"), None);
        assert_eq!(otree_requirement("otreeish==1\nflask\n"), None);
        assert_eq!(
            otree_requirement("OTree==6.0.15 # pinned").as_deref(),
            Some("OTree==6.0.15")
        );
    }

    #[test]
    fn what_otree_zip_leaves_out_is_left_out() {
        assert_eq!(left_out_kind("db.sqlite3"), Some("db.sqlite3"));
        assert_eq!(
            left_out_kind("survey/__pycache__/x.pyc"),
            Some("__pycache__")
        );
        assert_eq!(left_out_kind(".venv/bin/python"), Some(".venv"));
        assert_eq!(left_out_kind("survey/__init__.py"), None);
        assert_eq!(left_out_kind("_static/global/pic.png"), None);
    }
}
