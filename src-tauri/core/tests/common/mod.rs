#![allow(dead_code)]
use std::time::Duration;

use heroku_sim::{Scenario, Sim};
use novaland_core::heroku::{HerokuClient, RetryPolicy};

pub const KEY: &str = "practice-mode-key";

pub async fn practice() -> Sim {
    Sim::start(Scenario::practice()).await.expect("sim starts")
}

/// Quick retries so tests of backoff do not wait seconds.
pub fn fast() -> RetryPolicy {
    RetryPolicy {
        max_retries: 3,
        base_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(20),
        timeout: Duration::from_secs(5),
    }
}

pub fn client(sim: &Sim) -> HerokuClient {
    HerokuClient::with_policy(sim.base_url(), KEY, fast()).unwrap()
}

/// A scenario with one app of the given size, for pagination tests.
pub fn sized(addons: usize, collaborators: usize) -> Scenario {
    Scenario::practice_sized(addons, collaborators)
}

/// Every file below `dir`, relative, sorted.
pub fn files_below(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = vec![];
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                todo.push(p);
            } else {
                found.push(p.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    found.sort();
    found
}
