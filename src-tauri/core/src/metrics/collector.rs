//! Collecting metrics from the log whenever the app is open: follows the live log, counts each
//! line once into per-minute buckets (a watermark skips what an earlier run already counted),
//! and writes the minutes to the store every few seconds.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::aggregate::Aggregator;
use super::store::{MetricsStore, KEEP_DAYS};
use crate::heroku::HerokuClient;
use crate::logs::{follow, FollowOptions, LogEvent, LogStore};

const FLUSH_EVERY: Duration = Duration::from_secs(5);

/// Where the metrics database lives: `NOVALAND_DATA_DIR`, else next to the settings when
/// `NOVALAND_CONFIG_DIR` points elsewhere (tests), else the OS's data folder for Novaland.
pub fn data_path() -> Option<PathBuf> {
    if let Some(dir) = crate::env::data_dir().or_else(crate::env::config_dir) {
        return Some(dir.join("metrics.redb"));
    }
    directories::ProjectDirs::from("org", "Novaland", "Novaland")
        .map(|d| d.data_dir().join("metrics.redb"))
}

pub async fn collect(
    client: &HerokuClient,
    app: &str,
    store: Arc<MetricsStore>,
    stop: &AtomicBool,
) {
    let now = crate::clock::now_ms();
    let _ = store.prune(now - KEEP_DAYS * 86_400_000);
    let mut watermark = store.watermark(app).ok().flatten().unwrap_or(i64::MIN);
    let mut aggregator = Aggregator::default();
    let mut newest = watermark;
    let mut flushed = Instant::now();
    let lines = Arc::new(Mutex::new(LogStore::new(2_000)));
    let options = FollowOptions::default();
    let flush = |aggregator: &mut Aggregator, newest: i64, watermark: &mut i64| {
        let minutes = aggregator.drain();
        if !minutes.is_empty() && store.add(app, &minutes).is_ok() && newest > *watermark {
            let _ = store.set_watermark(app, newest);
            *watermark = newest;
        }
    };
    follow(client, app, lines, &options, stop, |event| {
        if let LogEvent::Lines { entries } = &event {
            for entry in entries {
                match entry.line.time_ms {
                    Some(t) if t > watermark => {
                        aggregator.add(&entry.line);
                        newest = newest.max(t);
                    }
                    _ => {}
                }
            }
        }
        if flushed.elapsed() >= FLUSH_EVERY || matches!(event, LogEvent::Stopped) {
            flush(&mut aggregator, newest, &mut watermark);
            flushed = Instant::now();
        }
    })
    .await;
    flush(&mut aggregator, newest, &mut watermark);
}
