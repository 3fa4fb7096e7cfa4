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
