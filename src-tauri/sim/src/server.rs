//! The running simulator: start and stop on loopback, the knobs tests turn (latency, page
//! size, rate limit, log rate), and the middleware that checks the Host, authenticates and
//! (with the `testing` feature, in faults.rs) injects faults and records each answer.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use tokio::sync::oneshot;

use crate::routes;
use crate::scenario::Scenario;
use crate::state::{heroku_error, Shared};

/// A simulated Heroku listening on loopback; it stops when dropped.
pub struct Sim {
    base_url: String,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
}

impl Sim {
    /// Starts on a free loopback port.
    pub async fn start(scenario: Scenario) -> std::io::Result<Sim> {
        Self::start_on(scenario, 0).await
    }

    pub async fn start_on(scenario: Scenario, port: u16) -> std::io::Result<Sim> {
        let listener =
            tokio::net::TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
        let port = listener.local_addr()?.port();
        let shared = Arc::new(Shared {
            scenario: Mutex::new(scenario),
            #[cfg(feature = "testing")]
            faults: Mutex::new(Vec::new()),
            #[cfg(feature = "testing")]
            exchanges: Mutex::new(Vec::new()),
            latency: Mutex::new(Duration::ZERO),
            page_size: Mutex::new(200),
            in_flight: Mutex::new((0, 0)),
            logs: crate::logs::Hub::default(),
            otree: Mutex::new(None),
            web_dynos: Mutex::new(Default::default()),
            hosts: [format!("127.0.0.1:{port}"), format!("localhost:{port}")],
            remaining: Mutex::new(4499),
            sources: Mutex::default(),
            builds: Mutex::default(),
        });
        crate::logs::spawn_generator(Arc::downgrade(&shared));
        let app = routes::router()
            .layer(middleware::from_fn_with_state(shared.clone(), simulate))
            .with_state(shared.clone());
        let base_url = format!("http://{}", listener.local_addr()?);
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Sim {
            base_url,
            shared,
            stop: Some(stop),
        })
    }

    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// Papertrail's search API as this simulator serves it.
    pub fn papertrail_url(&self) -> String {
        format!("{}/__sim/papertrail/api/v1/", self.base_url)
    }

    /// Sentry's API as this simulator serves it.
    pub fn sentry_url(&self) -> String {
        format!("{}/__sim/sentry/api/0/", self.base_url)
    }

    /// Every `method` request to `path` (a trailing `*`: every path below) answers `status`
    /// with Heroku's error body `{id, message}`.
    #[cfg(feature = "testing")]
    pub fn fail(&self, method: &str, path: &str, status: u16, id: &str, message: &str) {
        let action = crate::faults::FaultAction::status(status, id, message);
        self.inject(crate::faults::Fault::on(method, path, action));
    }

    #[cfg(feature = "testing")]
    pub fn inject(&self, fault: crate::faults::Fault) {
        self.shared
            .faults
            .lock()
            .unwrap()
            .push(crate::faults::FaultRule {
                fault,
                seen: 0,
                fired: 0,
            });
    }

    #[cfg(feature = "testing")]
    pub fn clear_faults(&self) {
        self.shared.faults.lock().unwrap().clear();
    }

    /// Sets what `RateLimit-Remaining` reports from now on.
    pub fn set_rate_limit_remaining(&self, left: u32) {
        *self.shared.remaining.lock().unwrap() = left;
    }

    /// Latency added to every request, as a slow network would.
    pub fn set_latency(&self, latency: Duration) {
        *self.shared.latency.lock().unwrap() = latency;
    }

    /// How many items a list answers before it asks for `Range` (Heroku: 200).
    pub fn set_page_size(&self, n: usize) {
        *self.shared.page_size.lock().unwrap() = n.max(1);
    }

    #[cfg(feature = "testing")]
    pub fn exchanges(&self) -> Vec<crate::faults::RecordedExchange> {
        self.shared.exchanges.lock().unwrap().clone()
    }

    #[cfg(feature = "testing")]
    pub fn clear_exchanges(&self) {
        self.shared.exchanges.lock().unwrap().clear();
        *self.shared.in_flight.lock().unwrap() = (0, 0);
    }

    /// The most requests that were being answered at the same moment.
    pub fn max_in_flight(&self) -> usize {
        self.shared.in_flight.lock().unwrap().1
    }

    /// From now on, deployed projects run for real with this oTree against this database
    /// (see web_dynos.rs): new apps get a loopback address and their study is the project.
    pub fn run_deployed_projects(&self, runtime: crate::OtreeRuntime) {
        *self.shared.otree.lock().unwrap() = Some(runtime);
    }

    /// The app's web address (where its study answers), as the Platform API gives it.
    pub fn app_web_url(&self, app: &str) -> Option<String> {
        self.shared
            .app_spec(app)
            .map(|spec| crate::render::web_url(&spec))
    }

    /// Sets one config var of an app, e.g. DATABASE_URL pointing at a test's PostgreSQL.
    pub fn set_config_var(&self, app: &str, name: &str, value: &str) {
        self.edit(|s| {
            if let Some(a) = s.apps.iter_mut().find(|a| a.name == app) {
                a.config_vars.insert(name.to_string(), value.to_string());
            }
        });
    }

    /// Lines per second the app's live log produces (default 2).
    pub fn set_log_rate(&self, app: &str, per_second: f64) {
        self.shared.logs.set_rate(app, per_second);
    }

    /// Every log stream opened from now on ends after `lines` lines (None: they don't).
    pub fn drop_log_streams_after(&self, lines: Option<usize>) {
        self.shared.logs.set_drop_after(lines);
    }

    /// Appends whole log lines (`TIMESTAMP source[dyno]: message`) to the app's log.
    pub fn add_log_lines(&self, app: &str, lines: &[String]) {
        if let Some(spec) = self.shared.app_spec(app) {
            self.shared.logs.add(&spec, lines);
        }
    }

    /// The app's recent log lines, oldest first.
    pub fn log_history(&self, app: &str) -> Vec<String> {
        self.shared.logs.history(app)
    }

    /// Changes the scenario in place, e.g. to crash a dyno in the middle of a test.
    pub fn edit(&self, f: impl FnOnce(&mut Scenario)) {
        f(&mut self.shared.scenario.lock().unwrap());
    }
}

impl Drop for Sim {
    fn drop(&mut self) {
        // Deployed projects' web processes stop with the simulator.
        self.shared.web_dynos.lock().unwrap().clear();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Latency, faults, authentication and recording, around every route.
async fn simulate(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok());
    if !host.is_some_and(|h| shared.hosts.iter().any(|own| own == h)) {
        return (
            StatusCode::MISDIRECTED_REQUEST,
            "This simulator answers only its own address.",
        )
            .into_response();
    }
    let method = request.method().to_string();
    let path = request.uri().path().to_string();
    let _guard = InFlight::enter(&shared);
    let latency = *shared.latency.lock().unwrap();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }

    #[cfg(feature = "testing")]
    return crate::faults::around(&shared, method, path, request, next).await;
    #[cfg(not(feature = "testing"))]
    {
        let _ = (method, path);
        authorized(&shared, request, next).await
    }
}

/// Heroku answers 401 `unauthorized` to any key it does not know.
pub(crate) async fn authorized(shared: &Shared, request: Request, next: Next) -> Response {
    // Public URLs carry their own secret, as S3's signed URLs do.
    if request.uri().path().starts_with("/__sim/") {
        return next.run(request).await;
    }
    let token = request
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::to_string);
    let accepted = {
        let scenario = shared.scenario.lock().unwrap();
        token.is_some_and(|t| scenario.tokens.contains(&t))
    };
    if !accepted {
        return heroku_error(401, "unauthorized", "Invalid credentials provided.");
    }
    let wants_v3 = request
        .headers()
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/vnd.heroku+json; version=3"));
    if !wants_v3 {
        return heroku_error(400, "bad_request", "Please specify a version along with Heroku's API MIME type. For example, `Accept: application/vnd.heroku+json; version=3`.");
    }
    let mut response = next.run(request).await;
    response.headers_mut().insert(
        "RateLimit-Remaining",
        HeaderValue::from(*shared.remaining.lock().unwrap()),
    );
    response
}

/// Counts a request while it is being answered.
struct InFlight<'a>(&'a Shared);

impl<'a> InFlight<'a> {
    fn enter(shared: &'a Shared) -> Self {
        let mut n = shared.in_flight.lock().unwrap();
        n.0 += 1;
        n.1 = n.1.max(n.0);
        InFlight(shared)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.in_flight.lock().unwrap().0 -= 1;
    }
}

#[cfg(all(test, feature = "testing"))]
mod host_tests {
    use super::*;

    #[tokio::test]
    async fn only_its_own_address_is_answered() {
        let sim = Sim::start(Scenario::practice()).await.unwrap();
        let http = reqwest::Client::new();
        let own = http
            .get(format!("{}/account", sim.base_url()))
            .header("Accept", "application/vnd.heroku+json; version=3")
            .bearer_auth("practice-mode-key")
            .send()
            .await
            .unwrap();
        assert_eq!(own.status(), 200);
        // A page on evil.example whose name resolves to 127.0.0.1 sends its own Host.
        let rebound = http
            .get(format!("{}/account", sim.base_url()))
            .header("Host", "evil.example")
            .header("Accept", "application/vnd.heroku+json; version=3")
            .bearer_auth("practice-mode-key")
            .send()
            .await
            .unwrap();
        assert_eq!(rebound.status(), 421);
        assert_eq!(
            sim.exchanges().len(),
            1,
            "the rebound request reached nothing"
        );
    }
}
