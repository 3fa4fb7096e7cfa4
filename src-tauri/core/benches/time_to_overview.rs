//! Time to overview: from "signed in" to a filled Overview (app list, then the app's details)
//! against heroku-sim with 100 ms added to every request. Printed as a multiple of the added
//! latency and of one measured round trip in the same run; all requests in parallel means
//! about 2 (one round for the list, one for the details), whatever the app's size.
//!
//! cargo bench -p novaland-core --bench time_to_overview

use std::time::{Duration, Instant};

use heroku_sim::{Scenario, Sim};
use novaland_core::heroku::models::Account;
use novaland_core::heroku::HerokuClient;
use novaland_core::overview;

const LATENCY: Duration = Duration::from_millis(100);
const RUNS: usize = 7;

/// One line of scripts/bench.sh's table: measure, its value, the reference run in the same
/// process, their ratio, and the goal.
fn row(measure: &str, value: String, reference: String, ratio: f64, goal: &str) {
    println!("BENCH\t{measure}\t{value}\t{reference}\t{ratio:.2}\t{goal}");
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[tokio::main]
async fn main() {
    println!(
        "time to overview, {} ms added to every request, median of {RUNS} runs",
        LATENCY.as_millis()
    );
    println!(
        "{:>8} {:>14} {:>12} {:>14} {:>14}",
        "add-ons", "collaborators", "median ms", "x latency", "x round trip"
    );
    for (addons, collaborators) in [(1, 10), (20, 10), (50, 10)] {
        let sim = Sim::start(Scenario::practice_sized(addons, collaborators))
            .await
            .unwrap();
        sim.set_latency(LATENCY);
        let client = HerokuClient::new(sim.base_url(), "practice-mode-key").unwrap();
        // Reference in the same run: one plain round trip.
        let mut trips = vec![];
        for _ in 0..RUNS {
            let t = Instant::now();
            client.get::<Account>("account").await.unwrap();
            trips.push(t.elapsed());
        }
        let trip = median(trips);
        let mut runs = vec![];
        for _ in 0..RUNS {
            let t = Instant::now();
            let apps = overview::list_apps(&client).await.unwrap();
            let chosen = apps.iter().find(|a| a.name == "novaland-study").unwrap();
            let o = overview::fetch(&client, &chosen.name).await.unwrap();
            assert_eq!(o.addons.len(), addons);
            runs.push(t.elapsed());
        }
        let m = median(runs);
        println!(
            "{:>8} {:>14} {:>12.1} {:>14.2} {:>14.2}",
            addons,
            collaborators,
            m.as_secs_f64() * 1000.0,
            m.as_secs_f64() / LATENCY.as_secs_f64(),
            m.as_secs_f64() / trip.as_secs_f64()
        );
        row(
            &format!("time to overview, {addons} add-ons (100 ms latency)"),
            format!("{:.1} ms", m.as_secs_f64() * 1000.0),
            format!("one round trip {:.1} ms", trip.as_secs_f64() * 1000.0),
            m.as_secs_f64() / trip.as_secs_f64(),
            "two rounds: at most 2.2",
        );
    }
}
