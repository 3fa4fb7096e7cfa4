//! The minutes collected from an app's log, kept on disk in an embedded database (redb) in
//! the app's data folder, so charts survive a restart and reach back as far as Novaland was
//! watching. Older than `KEEP_DAYS` is pruned.

use std::path::Path;

use redb::{Database, ReadableTable, TableDefinition};

use super::aggregate::{merge_into, Minute};

/// (app, minute start in ms) → the minute as JSON.
const MINUTES: TableDefinition<(&str, i64), &[u8]> = TableDefinition::new("minutes");
/// app → the time of the newest log line counted, so a restart does not count lines twice.
const WATERMARKS: TableDefinition<&str, i64> = TableDefinition::new("watermarks");
pub const KEEP_DAYS: i64 = 14;

#[derive(Debug, thiserror::Error)]
#[error("the metrics store: {0}")]
pub struct StoreError(String);

impl StoreError {
    pub fn code(&self) -> crate::error::ErrorCode {
        crate::error::ErrorCode::MetricsStore
    }

    pub fn plain(&self) -> String {
        crate::tr!("error-metrics-store", reason = self.0.as_str())
    }
}

crate::error::user_error!(StoreError);

fn err(e: impl std::fmt::Display) -> StoreError {
    StoreError(e.to_string())
}

/// Why a session's store could not be opened (see [`MetricsStore::for_session`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("this computer has no data folder")]
    NoFolder,
    #[error("the metrics store could not be opened: {0}")]
    Failed(String),
}

impl OpenError {
    pub fn code(&self) -> crate::error::ErrorCode {
        match self {
            OpenError::NoFolder => crate::error::ErrorCode::NoFolder,
            OpenError::Failed(_) => crate::error::ErrorCode::MetricsStore,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            OpenError::NoFolder => crate::tr!("core-metrics-no-folder"),
            OpenError::Failed(detail) => crate::tr!("core-metrics-store-failed", detail = detail),
        }
    }
}

crate::error::user_error!(OpenError);

pub struct MetricsStore {
    db: Database,
}

impl MetricsStore {
    pub fn open(path: &Path) -> Result<MetricsStore, StoreError> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(err)?;
        }
        Self::init(Database::create(path).map_err(err)?)
    }

    /// A session's store: practice mode's in memory (practice keeps nothing on disk), an
    /// account's on disk (`collector::data_path`), so its charts outlive a restart.
    pub fn for_session(practice: bool) -> Result<MetricsStore, OpenError> {
        let opened = if practice {
            Self::in_memory()
        } else {
            let path = super::collector::data_path().ok_or(OpenError::NoFolder)?;
            Self::open(&path)
        };
        opened.map_err(|e| OpenError::Failed(e.0))
    }

    /// A store that lives in memory only (practice mode keeps nothing on disk).
    pub fn in_memory() -> Result<MetricsStore, StoreError> {
        let db = Database::builder()
            .create_with_backend(super::sparse_memory::SparseMemory::default())
            .map_err(err)?;
        Self::init(db)
    }

    fn init(db: Database) -> Result<MetricsStore, StoreError> {
        let tx = db.begin_write().map_err(err)?;
        tx.open_table(MINUTES).map_err(err)?;
        tx.open_table(WATERMARKS).map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(MetricsStore { db })
    }

    /// The newest line time counted for `app`.
    pub fn watermark(&self, app: &str) -> Result<Option<i64>, StoreError> {
        let tx = self.db.begin_read().map_err(err)?;
        let table = tx.open_table(WATERMARKS).map_err(err)?;
        Ok(table.get(app).map_err(err)?.map(|v| v.value()))
    }

    pub fn set_watermark(&self, app: &str, ms: i64) -> Result<(), StoreError> {
        let tx = self.db.begin_write().map_err(err)?;
        {
            let mut table = tx.open_table(WATERMARKS).map_err(err)?;
            let old = table.get(app).map_err(err)?.map(|v| v.value());
            if old.is_none_or(|o| ms > o) {
                table.insert(app, ms).map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// Adds minutes (a minute seen before is merged: counts add up, samples are replaced).
    pub fn add(&self, app: &str, minutes: &[Minute]) -> Result<(), StoreError> {
        let tx = self.db.begin_write().map_err(err)?;
        {
            let mut table = tx.open_table(MINUTES).map_err(err)?;
            for m in minutes {
                let mut merged = match table.get((app, m.start_ms)).map_err(err)? {
                    Some(old) => serde_json::from_slice::<Minute>(old.value()).unwrap_or_default(),
                    None => Minute::default(),
                };
                if merged.times.is_empty() {
                    merged = m.clone();
                } else {
                    merge_into(&mut merged, m);
                }
                let bytes = serde_json::to_vec(&merged).map_err(err)?;
                table
                    .insert((app, m.start_ms), bytes.as_slice())
                    .map_err(err)?;
            }
        }
        tx.commit().map_err(err)
    }

    /// The app's minutes from `since_ms` on, oldest first.
    pub fn range(&self, app: &str, since_ms: i64) -> Result<Vec<Minute>, StoreError> {
        let tx = self.db.begin_read().map_err(err)?;
        let table = tx.open_table(MINUTES).map_err(err)?;
        let mut out = Vec::new();
        for item in table
            .range((app, since_ms)..=(app, i64::MAX))
            .map_err(err)?
        {
            let (_, value) = item.map_err(err)?;
            if let Ok(m) = serde_json::from_slice::<Minute>(value.value()) {
                out.push(m);
            }
        }
        Ok(out)
    }

    /// Removes every app's minutes older than `before_ms`; returns how many.
    pub fn prune(&self, before_ms: i64) -> Result<usize, StoreError> {
        let tx = self.db.begin_write().map_err(err)?;
        let removed;
        {
            let mut table = tx.open_table(MINUTES).map_err(err)?;
            let old: Vec<(String, i64)> = table
                .iter()
                .map_err(err)?
                .filter_map(|item| item.ok())
                .map(|(k, _)| {
                    let (app, t) = k.value();
                    (app.to_string(), t)
                })
                .filter(|(_, t)| *t < before_ms)
                .collect();
            removed = old.len();
            for (app, t) in old {
                table.remove((app.as_str(), t)).map_err(err)?;
            }
        }
        tx.commit().map_err(err)?;
        Ok(removed)
    }
}
