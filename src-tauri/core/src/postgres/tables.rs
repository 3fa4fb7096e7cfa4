//! Every table of a database into its own CSV file with COPY, streamed: memory stays flat
//! whatever the table's size. A `manifest.csv` lists table, rows, bytes and file.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use futures_util::StreamExt;
use serde::Serialize;

use super::connect::{connect, ConnectError};
use crate::files::{safe_name, PartFile};

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Connect(#[from] ConnectError),
    #[error("the database refused a query: {0}")]
    Query(String),
    #[error("the disk is full")]
    DiskFull,
    #[error("a file could not be written: {0}")]
    Io(String),
    #[error("cancelled")]
    Cancelled,
}

impl From<io::Error> for ExportError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::StorageFull {
            ExportError::DiskFull
        } else {
            ExportError::Io(e.to_string())
        }
    }
}

impl From<tokio_postgres::Error> for ExportError {
    fn from(e: tokio_postgres::Error) -> Self {
        ExportError::Query(
            e.as_db_error()
                .map(|d| d.message().to_string())
                .unwrap_or_else(|| e.to_string()),
        )
    }
}

impl ExportError {
    pub fn plain(&self) -> String {
        match self {
            ExportError::Connect(ConnectError::BadUrl) => crate::tr!("error-tables-bad-url"),
            ExportError::Connect(ConnectError::WeakLogin) => crate::tr!("error-tables-weak-login"),
            ExportError::Connect(ConnectError::Unreachable(_)) => {
                crate::tr!("error-tables-unreachable")
            }
            ExportError::Query(m) => crate::tr!("error-tables-query", message = m),
            ExportError::DiskFull => crate::tr!("error-disk-full-no-half-file"),
            ExportError::Io(m) => crate::tr!("error-file-not-written-no-half-file", reason = m),
            ExportError::Cancelled => crate::tr!("error-tables-cancelled"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Start each file with a UTF-8 byte order mark, so Excel reads umlauts and emoji right.
    pub excel_bom: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions { excel_bom: true }
    }
}

/// One table written.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TableReport {
    pub table: String,
    pub rows: u64,
    pub bytes: u64,
    pub file: PathBuf,
}

/// Progress as the export goes: which table of how many, and its bytes so far.
#[derive(Debug, Clone, Serialize)]
pub struct TableProgress {
    pub table: String,
    pub index: usize,
    pub total: usize,
    pub bytes: u64,
    pub done: bool,
}

/// Exports every table of the database behind `url` into `folder`, then `manifest.csv`.
pub async fn export_tables(
    url: &str,
    folder: &Path,
    options: &ExportOptions,
    cancel: &AtomicBool,
    mut progress: impl FnMut(TableProgress),
) -> Result<Vec<TableReport>, ExportError> {
    let client = connect(url).await?;
    let tables = client
        .query(
            "SELECT table_schema, table_name FROM information_schema.tables \
             WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') \
             ORDER BY table_schema, table_name",
            &[],
        )
        .await?;
    let names: Vec<(String, String)> = tables.iter().map(|r| (r.get(0), r.get(1))).collect();
    let mut reports = Vec::with_capacity(names.len());
    for (index, (schema, table)) in names.iter().enumerate() {
        let label = if schema == "public" {
            table.clone()
        } else {
            format!("{schema}.{table}")
        };
        let sql = format!(
            "COPY (SELECT * FROM {}.{}) TO STDOUT WITH (FORMAT csv, HEADER true)",
            quote(schema),
            quote(table)
        );
        let mut part = PartFile::create(folder.join(format!("{}.csv", safe_name(&label))))?;
        let mut counter = RowCounter::default();
        let mut bytes = 0u64;
        {
            let mut out = BufWriter::with_capacity(1 << 20, part.file());
            if options.excel_bom {
                out.write_all(b"\xEF\xBB\xBF")?;
            }
            let stream = client.copy_out(sql.as_str()).await?;
            futures_util::pin_mut!(stream);
            let mut next_report = 8 << 20;
            while let Some(chunk) = stream.next().await {
                if cancel.load(Ordering::Relaxed) {
                    return Err(ExportError::Cancelled);
                }
                let chunk = chunk?;
                counter.feed(&chunk);
                out.write_all(&chunk)?;
                bytes += chunk.len() as u64;
                if bytes >= next_report {
                    next_report += 8 << 20;
                    progress(TableProgress {
                        table: label.clone(),
                        index,
                        total: names.len(),
                        bytes,
                        done: false,
                    });
                }
            }
            out.flush()?;
        }
        let file = part.finish()?;
        progress(TableProgress {
            table: label.clone(),
            index,
            total: names.len(),
            bytes,
            done: true,
        });
        reports.push(TableReport {
            table: label,
            rows: counter.records().saturating_sub(1),
            bytes,
            file,
        });
    }
    write_manifest(folder, &reports)?;
    Ok(reports)
}

fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

/// Counts CSV records in a stream: a newline ends a record only outside quotes. A doubled
/// quote inside a quoted field toggles twice, so it needs no special case.
#[derive(Default)]
struct RowCounter {
    in_quotes: bool,
    records: u64,
}

impl RowCounter {
    fn feed(&mut self, bytes: &[u8]) {
        // Jump between quotes and newlines (SIMD in memchr) rather than looking at every byte.
        for i in memchr::memchr2_iter(b'"', b'\n', bytes) {
            if bytes[i] == b'"' {
                self.in_quotes = !self.in_quotes;
            } else if !self.in_quotes {
                self.records += 1;
            }
        }
    }

    fn records(&self) -> u64 {
        self.records
    }
}

fn write_manifest(folder: &Path, reports: &[TableReport]) -> Result<(), ExportError> {
    let mut part = PartFile::create(folder.join("manifest.csv"))?;
    {
        let mut w = csv::Writer::from_writer(part.file());
        w.write_record(["table", "rows", "bytes", "file"])
            .map_err(|e| ExportError::Io(e.to_string()))?;
        for r in reports {
            let file = r
                .file
                .file_name()
                .map(|f| f.to_string_lossy().to_string())
                .unwrap_or_default();
            w.write_record([
                r.table.clone(),
                r.rows.to_string(),
                r.bytes.to_string(),
                file,
            ])
            .map_err(|e| ExportError::Io(e.to_string()))?;
        }
        w.flush()?;
    }
    part.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_counted_outside_quotes_only() {
        let mut c = RowCounter::default();
        c.feed(b"id,text\n1,\"two\nlines\"\n2,\"say \"\"hi\"\"\n");
        c.feed(b"\"\n3,plain\n");
        assert_eq!(c.records(), 4, "header and three rows");
    }
}
