//! Just enough of the W3C WebDriver protocol to drive the real app through tauri-driver
//! (which hands the session to WebKitWebDriver, which starts the app).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running tauri-driver; killed when dropped.
pub struct Driver {
    child: Child,
    pub url: String,
    http: reqwest::Client,
}

impl Driver {
    pub async fn start(env: &[(&str, String)]) -> Driver {
        let (port, native) = (free_port(), free_port());
        let mut cmd = Command::new(tauri_driver());
        cmd.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &native.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd
            .spawn()
            .expect("tauri-driver runs (cargo install tauri-driver)");
        let driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
            http: reqwest::Client::new(),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while driver
            .http
            .get(format!("{}/status", driver.url))
            .send()
            .await
            .is_err()
        {
            assert!(Instant::now() < deadline, "tauri-driver did not start");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        driver
    }

    /// Starts the app in a new window.
    pub async fn session(&self, app: &Path) -> Session {
        let caps = json!({ "capabilities": { "alwaysMatch": { "tauri:options": { "application": app } } } });
        let v = post(&self.http, &format!("{}/session", self.url), caps).await;
        let id = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        Session {
            base: format!("{}/session/{id}", self.url),
            http: self.http.clone(),
        }
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn tauri_driver() -> PathBuf {
    if let Ok(p) = std::env::var("TAURI_DRIVER") {
        return p.into();
    }
    let home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap()).join(".cargo"));
    let installed = home.join("bin/tauri-driver");
    if installed.exists() {
        installed
    } else {
        "tauri-driver".into()
    }
}

/// A WebDriver answer: its `value`, or the error WebDriver reported (`{error, message}`).
async fn answer(
    sent: Result<reqwest::Response, reqwest::Error>,
    what: &str,
) -> Result<Value, Value> {
    let r = sent.unwrap_or_else(|e| panic!("WebDriver {what}: {e}"));
    let status = r.status();
    let mut body: Value = r
        .json()
        .await
        .unwrap_or_else(|e| panic!("WebDriver {what}: unreadable answer ({e})"));
    let value = body["value"].take();
    if status.is_success() && value.get("error").is_none() {
        Ok(value)
    } else {
        Err(value)
    }
}

/// Every WebDriver error fails the test: a click or a key that did not arrive must never
/// let a test pass that asserts "nothing happened".
async fn post(http: &reqwest::Client, url: &str, body: Value) -> Value {
    answer(http.post(url).json(&body).send().await, url)
        .await
        .unwrap_or_else(|e| panic!("WebDriver {url} failed: {e}"))
}

fn is(error: &Value, kind: &str) -> bool {
    error["error"].as_str() == Some(kind)
}

pub struct Session {
    base: String,
    http: reqwest::Client,
}

#[derive(Clone)]
pub struct Element(String);

impl Session {
    async fn cmd(&self, path: &str, body: Value) -> Value {
        if std::env::var_os("NOVALAND_E2E_TRACE").is_some() {
            eprintln!("webdriver {path} {body}");
        }
        post(&self.http, &format!("{}{path}", self.base), body).await
    }

    /// The element matching `css` now, or `None` where WebDriver says there is none.
    async fn find_now(&self, css: &str) -> Option<Element> {
        let url = format!("{}/element", self.base);
        let found = answer(
            self.http
                .post(&url)
                .json(&json!({ "using": "css selector", "value": css }))
                .send()
                .await,
            &url,
        )
        .await;
        match found {
            Ok(v) => Some(Element(
                v[ELEMENT]
                    .as_str()
                    .unwrap_or_else(|| panic!("WebDriver found {css} without an id: {v}"))
                    .to_string(),
            )),
            Err(e) if is(&e, "no such element") => None,
            Err(e) => panic!("WebDriver could not look for {css}: {e}"),
        }
    }

    /// Waits until an element matching `css` exists.
    pub async fn find(&self, css: &str) -> Element {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(e) = self.find_now(css).await {
                return e;
            }
            assert!(
                Instant::now() < deadline,
                "no element matches {css}; page text:\n{}",
                self.page_text().await
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until the element matching `css` shows text containing `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(e) = self.find_now(css).await {
                // The page may redraw the element between finding and reading it.
                let Some(text) = self.text_unless_stale(&e).await else {
                    continue;
                };
                if text.contains(needle) {
                    return text;
                }
                assert!(
                    Instant::now() < deadline,
                    "{css} shows {text:?}, not {needle:?}"
                );
            } else {
                assert!(
                    Instant::now() < deadline,
                    "no element matches {css}; page text:\n{}",
                    self.page_text().await
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn click(&self, e: &Element) {
        self.cmd(&format!("/element/{}/click", e.0), json!({}))
            .await;
    }

    pub async fn type_text(&self, e: &Element, text: &str) {
        self.cmd(&format!("/element/{}/clear", e.0), json!({}))
            .await;
        self.cmd(&format!("/element/{}/value", e.0), json!({ "text": text }))
            .await;
    }

    pub async fn text(&self, e: &Element) -> String {
        self.text_unless_stale(e)
            .await
            .expect("the element is still on the page")
    }

    async fn text_unless_stale(&self, e: &Element) -> Option<String> {
        let url = format!("{}/element/{}/text", self.base, e.0);
        match answer(self.http.get(&url).send().await, &url).await {
            Ok(v) => Some(
                v.as_str()
                    .unwrap_or_else(|| panic!("WebDriver text is not a string: {v}"))
                    .to_string(),
            ),
            Err(e) if is(&e, "stale element reference") => None,
            Err(e) => panic!("WebDriver could not read text: {e}"),
        }
    }

    pub async fn script(&self, script: &str) -> Value {
        self.cmd("/execute/sync", json!({ "script": script, "args": [] }))
            .await
    }

    pub async fn page_text(&self) -> String {
        self.script("return document.body.innerText")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// A picture of the whole (virtual) screen. WebKitWebDriver's own screenshot hangs under
    /// Xvfb without compositing, so ImageMagick's `import` reads the X display instead.
    pub async fn screenshot(&self, path: &Path) {
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let taken = Command::new("import")
            .args(["-window", "root"])
            .arg(path)
            .status()
            .expect("ImageMagick's import runs");
        assert!(
            taken.success(),
            "the screenshot {} was taken",
            path.display()
        );
    }

    /// Closes the window; the app exits.
    pub async fn end(self) {
        let _ = self.http.delete(&self.base).send().await;
    }
}
