//! What the benchmarks share: the process's peak memory, the median of runs, and the line
//! scripts/bench.sh collects into its table.
#![allow(dead_code)]

use std::time::Duration;

/// The process's peak resident memory so far (VmHWM), in KiB.
pub fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

pub fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// One line of scripts/bench.sh's table: measure, its value, the reference run in the same
/// process, their ratio, and the goal.
pub fn row(measure: &str, value: String, reference: String, ratio: f64, goal: &str) {
    println!("BENCH\t{measure}\t{value}\t{reference}\t{ratio:.2}\t{goal}");
}
