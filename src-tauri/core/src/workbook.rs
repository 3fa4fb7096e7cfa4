//! One Excel workbook beside the CSVs of a download: a sheet per file, numbers as numbers,
//! times as Excel date-times, the header row frozen. German Excel splits a CSV at semicolons
//! and shows oTree's comma-separated files in one column; the workbook opens right in every
//! language. The CSVs stay the data of record, unchanged.
//!
//! Written a row at a time (rust_xlsxwriter's constant-memory worksheets): a table of 100,000
//! rows does not have to fit in memory (scripts/bench.sh measures it).

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use serde::Serialize;

use crate::error::ErrorCode;

/// Excel's last row; a longer table goes on in a second sheet.
const MAX_ROWS: u32 = 1_048_576;
/// Excel's longest text in a cell.
const MAX_TEXT: usize = 32_767;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct WorkbookReport {
    pub path: PathBuf,
    pub file_name: String,
    pub sheets: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    #[error("{file}: {detail}")]
    Read { file: String, detail: String },
    #[error("the workbook could not be written: {0}")]
    Write(String),
}

impl WorkbookError {
    pub fn code(&self) -> ErrorCode {
        match self {
            WorkbookError::Read { .. } => ErrorCode::Unreadable,
            WorkbookError::Write(_) => ErrorCode::WriteFailed,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            WorkbookError::Read { file, detail } => {
                crate::tr!("error-workbook-read", file = file, detail = detail)
            }
            WorkbookError::Write(detail) => crate::tr!("error-workbook-write", detail = detail),
        }
    }
}

crate::error::user_error!(WorkbookError);

impl From<XlsxError> for WorkbookError {
    fn from(e: XlsxError) -> Self {
        WorkbookError::Write(e.to_string())
    }
}

/// A cell's value as the workbook keeps it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    /// (year, month, day, hour, minute, second with its fraction)
    DateTime(u16, u8, u8, u16, u8, f64),
    Text(String),
}

/// What a CSV field is. Numbers are plain decimal numbers only: a participant code such as
/// `0123` or `1e5x`, a phone number with a leading zero or a 17-digit id stays text, so nothing
/// changes when Excel shows it. Times are oTree's (`2026-11-30 10:15:42.123456`, with a `T` or
/// an offset `+00:00` too; the offset is dropped: oTree writes UTC).
pub fn cell(field: &str) -> Cell {
    if field.is_empty() {
        return Cell::Empty;
    }
    if let Some(n) = number(field) {
        return Cell::Number(n);
    }
    if let Some(t) = datetime(field) {
        return t;
    }
    Cell::Text(field.to_string())
}

fn number(s: &str) -> Option<f64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let plain = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !plain(int) || frac.is_some_and(|f| !plain(f)) {
        return None;
    }
    // A leading zero ("007") or more digits than a double keeps exactly are not numbers here.
    if (int.len() > 1 && int.starts_with('0')) || int.len() + frac.map_or(0, str::len) > 15 {
        return None;
    }
    s.parse().ok()
}

fn datetime(s: &str) -> Option<Cell> {
    let b = s.as_bytes();
    if b.len() < 19 || !(b[10] == b' ' || b[10] == b'T') {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if b[4] != b'-' || b[7] != b'-' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let (y, mo, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let (h, mi, sec) = (digits(11..13)?, digits(14..16)?, digits(17..19)?);
    let mut rest = &s[19..];
    let mut fraction = 0f64;
    if let Some(f) = rest.strip_prefix('.') {
        let end = f.find(|c: char| !c.is_ascii_digit()).unwrap_or(f.len());
        if end == 0 {
            return None;
        }
        fraction = format!("0.{}", &f[..end]).parse().ok()?;
        rest = &f[end..];
    }
    if !(rest.is_empty() || rest == "Z" || rest == "+00:00" || rest == "+0000") {
        return None;
    }
    let valid = (1900..=9999).contains(&y)
        && (1..=12).contains(&mo)
        && (1..=31).contains(&d)
        && h < 24
        && mi < 60
        && sec < 60;
    valid.then(|| {
        Cell::DateTime(
            y as u16,
            mo as u8,
            d as u8,
            h as u16,
            mi as u8,
            f64::from(sec) + fraction,
        )
    })
}

/// Writes `<folder>/<file_name>` with one sheet per CSV (`(sheet name, path)`), in order.
pub fn write(
    folder: &Path,
    file_name: &str,
    csvs: &[(String, PathBuf)],
) -> Result<WorkbookReport, WorkbookError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let when = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let mut names: Vec<String> = Vec::new();
    let mut sheets = 0;
    for (name, path) in csvs {
        let read_error = |e: csv::Error| WorkbookError::Read {
            file: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            detail: e.to_string(),
        };
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(path)
            .map_err(read_error)?;
        let mut records = reader.records();
        let head = match records.next() {
            Some(r) => r.map_err(read_error)?,
            None => continue,
        };
        let mut part = 1;
        let mut sheet = new_sheet(&mut workbook, &mut names, name, part)?;
        write_header(sheet, &head, &header)?;
        sheets += 1;
        let mut row: u32 = 1;
        for record in records {
            let record = record.map_err(read_error)?;
            if row == MAX_ROWS {
                part += 1;
                sheet = new_sheet(&mut workbook, &mut names, name, part)?;
                write_header(sheet, &head, &header)?;
                sheets += 1;
                row = 1;
            }
            for (col, field) in record.iter().enumerate() {
                let col = u16::try_from(col).unwrap_or(u16::MAX);
                match cell(field) {
                    Cell::Empty => {}
                    Cell::Number(n) => {
                        sheet.write_number(row, col, n)?;
                    }
                    Cell::DateTime(y, mo, d, h, mi, s) => {
                        let t = ExcelDateTime::from_ymd(y, mo, d)?.and_hms(h, mi, s)?;
                        sheet.write_datetime_with_format(row, col, &t, &when)?;
                    }
                    Cell::Text(t) => {
                        let t: String = t.chars().take(MAX_TEXT).collect();
                        sheet.write_string(row, col, t)?;
                    }
                }
            }
            row += 1;
        }
    }
    let path = folder.join(file_name);
    workbook.save(&path)?;
    Ok(WorkbookReport {
        path,
        file_name: file_name.to_string(),
        sheets,
    })
}

fn write_header(
    sheet: &mut rust_xlsxwriter::Worksheet,
    head: &csv::StringRecord,
    bold: &Format,
) -> Result<(), WorkbookError> {
    for (col, title) in head.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        sheet.write_string_with_format(0, col, title.trim_start_matches('\u{feff}'), bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn new_sheet<'a>(
    workbook: &'a mut Workbook,
    names: &mut Vec<String>,
    name: &str,
    part: u32,
) -> Result<&'a mut rust_xlsxwriter::Worksheet, WorkbookError> {
    let name = sheet_name(name, part, names);
    names.push(name.clone());
    let sheet = workbook.add_worksheet_with_constant_memory()?;
    sheet.set_name(name)?;
    Ok(sheet)
}

/// Excel's rules for a sheet's name: at most 31 characters, none of `[]:*?/\`, not starting
/// or ending with an apostrophe, unique in the workbook (case-insensitively).
pub fn sheet_name(wanted: &str, part: u32, taken: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim_matches('\'').to_string();
    let clean = if clean.is_empty() {
        "Sheet".to_string()
    } else {
        clean
    };
    let suffix = if part > 1 {
        format!(" ({part})")
    } else {
        String::new()
    };
    let mut n = 1;
    loop {
        let extra = if n > 1 {
            format!(" {n}")
        } else {
            String::new()
        };
        let room = 31 - suffix.chars().count() - extra.chars().count();
        let name: String = clean.chars().take(room).collect::<String>() + &extra + &suffix;
        if !taken.iter().any(|t| t.eq_ignore_ascii_case(&name)) {
            return name;
        }
        n += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_keep_what_they_are() {
        assert_eq!(cell("42"), Cell::Number(42.0));
        assert_eq!(cell("-3.25"), Cell::Number(-3.25));
        assert_eq!(cell("0.5"), Cell::Number(0.5));
        assert_eq!(cell("0"), Cell::Number(0.0));
        for text in [
            "007",
            "1e5",
            "12,5",
            "abc",
            "1.",
            ".5",
            "123456789012345678",
            "True",
            "NaN",
            "inf",
            " 4",
        ] {
            assert_eq!(cell(text), Cell::Text(text.into()), "{text}");
        }
        assert_eq!(cell(""), Cell::Empty);
        assert_eq!(
            cell("2026-11-30 10:15:42.5"),
            Cell::DateTime(2026, 11, 30, 10, 15, 42.5)
        );
        assert_eq!(
            cell("2026-11-30T10:15:42+00:00"),
            Cell::DateTime(2026, 11, 30, 10, 15, 42.0)
        );
        assert!(matches!(cell("2026-13-30 10:15:42"), Cell::Text(_)));
        assert!(matches!(cell("2026-11-30 10:15:42+02:00"), Cell::Text(_)));
    }

    #[test]
    fn sheet_names_follow_excels_rules() {
        let taken = vec!["all_apps_wide".to_string()];
        assert_eq!(sheet_name("all_apps_wide", 1, &taken), "all_apps_wide 2");
        assert_eq!(sheet_name("a:b/c", 1, &[]), "a_b_c");
        let long = "a_very_long_oTree_app_name_that_goes_on";
        assert_eq!(sheet_name(long, 1, &[]).chars().count(), 31);
        assert_eq!(sheet_name(long, 2, &[]), "a_very_long_oTree_app_name_ (2)");
    }
}
