//! Files the app writes for the researcher: a dated folder on the Desktop, names that never
//! overwrite, and files that appear under their final name only once complete.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// Where exports go: `<Desktop>/Novaland`, or Downloads, or the home folder where a computer
/// has no Desktop. `chosen` (from settings) wins when set.
pub fn export_root(chosen: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = chosen {
        return Some(dir.to_path_buf());
    }
    let dirs = directories::UserDirs::new()?;
    let base = dirs
        .desktop_dir()
        .or(dirs.download_dir())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dirs.home_dir().to_path_buf());
    Some(base.join("Novaland"))
}

/// `<root>/<app>/<YYYY-MM-DD HH.MM>/`, created new: a second export in the same minute gets
/// ` (2)` rather than mixing its files with the first.
pub fn dated_folder(root: &Path, app: &str, stamp: &str) -> io::Result<PathBuf> {
    let parent = root.join(safe_name(app));
    std::fs::create_dir_all(&parent)?;
    for n in 1.. {
        let name = if n == 1 {
            stamp.to_string()
        } else {
            format!("{stamp} ({n})")
        };
        let dir = parent.join(name);
        match std::fs::create_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    unreachable!("some folder name is free")
}

/// The local time as folder names want it: `2026-11-29 14.05` (no colons, which Windows refuses).
pub fn stamp_now() -> String {
    chrono::Local::now().format("%Y-%m-%d %H.%M").to_string()
}

/// Checks that exports can land in `folder` the way they will: a part file written, given its
/// final name without overwriting (the hard link, or the fallback where a disk has none),
/// then removed.
pub fn check_folder(folder: &Path) -> io::Result<()> {
    let mut part = PartFile::create(folder.join(".novaland-write-test"))?;
    io::Write::write_all(part.file(), b"novaland")?;
    let written = part.finish()?;
    std::fs::remove_file(written)
}

/// Why a file could not be written, in plain words: a full disk is said as such.
pub fn write_problem(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::StorageFull {
        crate::tr!("error-write-disk-full")
    } else {
        e.to_string()
    }
}

/// A size as people read it, in the language in effect: `5.8 MB` / `5,8 MB`.
pub fn human_size(bytes: u64) -> String {
    use crate::i18n::decimal;
    match bytes {
        0..=999 => crate::tr!("error-size-bytes", count = bytes),
        1_000..=999_999 => crate::tr!("error-size-kb", size = decimal(bytes as f64 / 1e3, 0)),
        1_000_000..=999_999_999 => {
            crate::tr!("error-size-mb", size = decimal(bytes as f64 / 1e6, 1))
        }
        _ => crate::tr!("error-size-gb", size = decimal(bytes as f64 / 1e9, 2)),
    }
}

/// Letters, digits, dot, dash and underscore; everything else becomes `_`.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c| c == '.' || c == ' ');
    if trimmed.is_empty() {
        "_".into()
    } else if is_reserved_on_windows(trimmed) {
        format!("_{trimmed}")
    } else {
        trimmed.to_string()
    }
}

/// Names Windows keeps for devices, with or without an extension (`CON`, `nul.csv`, `COM1`):
/// a file by such a name cannot be created or opened there.
fn is_reserved_on_windows(name: &str) -> bool {
    let stem = name
        .split('.')
        .next()
        .unwrap_or(name)
        .trim_end()
        .to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit())
}

/// A file being written as `<name>.part`; it takes its final name only on `finish`, and never
/// replaces an existing file. Dropped unfinished (error, cancel), the part file is removed.
pub struct PartFile {
    part: PathBuf,
    target: PathBuf,
    file: Option<File>,
}

impl PartFile {
    pub fn create(target: PathBuf) -> io::Result<Self> {
        let mut part = target.clone().into_os_string();
        part.push(".part");
        let part = PathBuf::from(part);
        let file = File::options().write(true).create_new(true).open(&part)?;
        Ok(PartFile {
            part,
            target,
            file: Some(file),
        })
    }

    pub fn file(&mut self) -> &mut File {
        self.file.as_mut().expect("open until finished")
    }

    /// Flushes to disk and gives the file its final name; an existing file with that name is
    /// kept and this one becomes `name (2).ext`. Returns the path written.
    pub fn finish(mut self) -> io::Result<PathBuf> {
        let file = self.file.take().expect("finished once");
        let written = file.sync_all();
        drop(file);
        let finished = written.and_then(|()| {
            let mut links = true;
            for n in 1.. {
                let candidate = if n == 1 {
                    self.target.clone()
                } else {
                    numbered(&self.target, n)
                };
                match place_without_overwriting(&self.part, &candidate, &mut links) {
                    Ok(()) => return Ok(candidate),
                    Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                    Err(e) => return Err(e),
                }
            }
            unreachable!("some file name is free")
        });
        if finished.is_err() {
            let _ = std::fs::remove_file(&self.part);
        }
        finished
    }
}

/// Moves `part` to `target` unless `target` exists (then `AlreadyExists`). A hard link is the
/// atomic way; disks without hard links (FAT32 and exFAT USB sticks, many network drives)
/// refuse it, and there the name is first taken with `create_new` (which fails on an existing
/// file on every file system) and the finished file renamed over that empty placeholder.
/// `links` turns false at the first refusal so the rest of an export skips the attempt.
fn place_without_overwriting(part: &Path, target: &Path, links: &mut bool) -> io::Result<()> {
    if *links {
        match std::fs::hard_link(part, target) {
            Ok(()) => return std::fs::remove_file(part),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(e),
            Err(e) if e.kind() == io::ErrorKind::StorageFull => return Err(e),
            // Not supported here (EPERM on exFAT through FUSE, EOPNOTSUPP, EXDEV, Windows'
            // FAT): fall through to the placeholder.
            Err(_) => *links = false,
        }
    }
    File::options().write(true).create_new(true).open(target)?;
    std::fs::rename(part, target).inspect_err(|_| {
        let _ = std::fs::remove_file(target);
    })
}

impl Drop for PartFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = std::fs::remove_file(&self.part);
        }
    }
}

fn numbered(path: &Path, n: u32) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem} ({n}).{}", ext.to_string_lossy()),
        None => format!("{stem} ({n})"),
    };
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn dated_folders_never_mix_two_exports() {
        let root = tempfile::tempdir().unwrap();
        let a = dated_folder(root.path(), "novaland-study", "2026-11-29 14.05").unwrap();
        let b = dated_folder(root.path(), "novaland-study", "2026-11-29 14.05").unwrap();
        assert!(a.ends_with("novaland-study/2026-11-29 14.05"));
        assert!(b.ends_with("novaland-study/2026-11-29 14.05 (2)"));
    }

    #[test]
    fn part_files_take_their_name_only_when_finished_and_never_overwrite() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("data.csv");
        std::fs::write(&target, "precious").unwrap();
        let mut part = PartFile::create(target.clone()).unwrap();
        part.file().write_all(b"new").unwrap();
        assert!(dir.path().join("data.csv.part").exists());
        let written = part.finish().unwrap();
        assert_eq!(written, dir.path().join("data (2).csv"));
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
        assert!(!dir.path().join("data.csv.part").exists());

        let mut abandoned = PartFile::create(dir.path().join("x.csv")).unwrap();
        abandoned.file().write_all(b"half").unwrap();
        drop(abandoned);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names.len(),
            2,
            "a dropped part file leaves nothing: {names:?}"
        );
    }

    #[test]
    fn sizes_read_like_the_page_shows_them() {
        assert_eq!(human_size(17), "17 bytes");
        assert_eq!(human_size(6_100), "6 kB");
        assert_eq!(human_size(5_767_168), "5.8 MB");
        assert_eq!(human_size(1_000_000_000), "1.00 GB");
    }

    #[test]
    fn names_are_safe_for_every_file_system() {
        assert_eq!(safe_name("novaland-study"), "novaland-study");
        assert_eq!(safe_name("../etc"), "_etc");
        assert_eq!(safe_name("a:b/c"), "a_b_c");
        for reserved in ["CON", "nul.csv", "Aux", "com1.txt", "LPT9", "prn.csv"] {
            assert!(safe_name(reserved).starts_with('_'), "{reserved}");
        }
        for fine in ["console.csv", "COM10", "nullable.csv", "compare.csv"] {
            assert_eq!(safe_name(fine), fine);
        }
    }
}
