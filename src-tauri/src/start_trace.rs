//! The start-up's phases, for scripts/bench.sh (window): how long the process had run when
//! `run()` began (loading the binary and its libraries), when Tauri had set up (plugins,
//! state), when the webview began loading the page, and when `restore_session` (the key check
//! with the remembered app's Overview) began and answered on the Rust side. Written only
//! when `NOVALAND_START_TRACE` names a file; one line a phase, milliseconds since the process
//! began.

use std::io::Write;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

struct Trace {
    file: PathBuf,
    began: Instant,
    /// How long the process had run when `began` was taken (10 ms resolution: /proc).
    age_ms: f64,
}

static TRACE: OnceLock<Option<Trace>> = OnceLock::new();

/// Starts the trace (first thing in `run()`) and writes the first phase.
pub fn begin() {
    let trace = novaland_core::env::start_trace().map(|file| Trace {
        file,
        began: Instant::now(),
        age_ms: process_age_ms().unwrap_or(0.0),
    });
    if TRACE.set(trace).is_ok() {
        mark("run");
    }
}

/// Writes `phase` with the milliseconds since the process began.
pub fn mark(phase: &str) {
    let Some(Some(trace)) = TRACE.get() else {
        return;
    };
    let ms = trace.age_ms + trace.began.elapsed().as_secs_f64() * 1000.0;
    // A benchmark aid: a file that cannot be written only loses the figure.
    if let Ok(mut f) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&trace.file)
    {
        let _ = writeln!(f, "{phase}\t{ms:.0}");
    }
}

/// The process's age from /proc (Linux): uptime minus the start time in clock ticks.
fn process_age_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat[stat.rfind(')')? + 2..].split(' ').collect();
    let start_ticks: f64 = fields.get(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    Some((uptime - start_ticks / 100.0) * 1000.0)
}
