//! `heroku-sim --scenario FILE --port N`: a simulated Heroku on loopback. Prints its base URL.

use heroku_sim::{Scenario, Sim};

#[tokio::main]
async fn main() {
    let mut scenario_path = None;
    let mut port = 0u16;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scenario" => scenario_path = args.next(),
            "--port" => {
                port = args
                    .next()
                    .and_then(|p| p.parse().ok())
                    .unwrap_or_else(|| usage())
            }
            _ => usage(),
        }
    }
    let scenario = match scenario_path {
        Some(path) => {
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| fail(&format!("cannot read {path}: {e}")));
            Scenario::from_json(&text)
                .unwrap_or_else(|e| fail(&format!("{path} is not a valid scenario: {e}")))
        }
        None => Scenario::practice(),
    };
    let sim = Sim::start_on(scenario, port)
        .await
        .unwrap_or_else(|e| fail(&format!("cannot listen: {e}")));
    println!("{}", sim.base_url());
    let _ = tokio::signal::ctrl_c().await;
}

fn usage() -> ! {
    fail("usage: heroku-sim [--scenario FILE] [--port N]  (without --scenario: the practice study)")
}

fn fail(message: &str) -> ! {
    eprintln!("heroku-sim: {message}");
    std::process::exit(2)
}
