//! Driving the real app over WebDriver: tauri-driver (which hands the session to
//! WebKitWebDriver, which starts the app) through fantoccini, a maintained WebDriver client.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::{json, Value};

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
        let mut caps = serde_json::Map::new();
        caps.insert("tauri:options".into(), json!({ "application": app }));
        let client = fantoccini::ClientBuilder::native()
            .capabilities(caps)
            .connect(&self.url)
            .await
            .unwrap_or_else(|e| panic!("no WebDriver session: {e}"));
        Session { client }
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

/// A window driven over WebDriver through fantoccini, which reports every WebDriver error;
/// each one fails the test: a click or a key that did not arrive must never let a test pass
/// that asserts "nothing happened".
pub struct Session {
    client: fantoccini::Client,
}

pub type Element = fantoccini::elements::Element;

fn trace(what: &str) {
    if std::env::var_os("NOVALAND_E2E_TRACE").is_some() {
        eprintln!("webdriver {what}");
    }
}

impl Session {
    /// The element matching `css` now, or `None` where WebDriver says there is none.
    pub async fn find_now(&self, css: &str) -> Option<Element> {
        trace(&format!("find {css}"));
        match self.client.find(Locator::Css(css)).await {
            Ok(e) => Some(e),
            Err(e) if e.is_no_such_element() => None,
            // The page loaded again while it was searched (see `text_unless_stale`).
            Err(e) if e.to_string().contains("before the unload event") => None,
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
            match self.find_now(css).await {
                Some(e) => {
                    // The page may redraw the element between finding and reading it.
                    if let Some(text) = self.text_unless_stale(&e).await {
                        if text.contains(needle) {
                            return text;
                        }
                        assert!(
                            Instant::now() < deadline,
                            "{css} shows {text:?}, not {needle:?}"
                        );
                    }
                }
                None => assert!(
                    Instant::now() < deadline,
                    "no element matches {css}; page text:\n{}",
                    self.page_text().await
                ),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    pub async fn click(&self, e: &Element) {
        trace("click");
        e.click()
            .await
            .unwrap_or_else(|err| panic!("WebDriver could not click: {err}"));
    }

    pub async fn type_text(&self, e: &Element, text: &str) {
        trace(&format!("type {} characters", text.len()));
        e.clear()
            .await
            .unwrap_or_else(|err| panic!("WebDriver could not clear a field: {err}"));
        e.send_keys(text)
            .await
            .unwrap_or_else(|err| panic!("WebDriver could not type: {err}"));
    }

    pub async fn text(&self, e: &Element) -> String {
        self.text_unless_stale(e)
            .await
            .expect("the element is still on the page")
    }

    async fn text_unless_stale(&self, e: &Element) -> Option<String> {
        match e.text().await {
            Ok(text) => Some(text),
            Err(err) if err.is_stale_element_reference() => None,
            // The page loaded again while it was read (a language change reloads it):
            // WebKitWebDriver says so in these words. The next look finds the new page.
            Err(err) if err.to_string().contains("before the unload event") => None,
            Err(err) => panic!("WebDriver could not read text: {err}"),
        }
    }

    pub async fn script(&self, script: &str) -> Value {
        trace("script");
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("WebDriver could not run a script: {e}"))
    }

    pub async fn page_text(&self) -> String {
        self.script("return document.body.innerText")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The page's text without the parts matching `css` (the page itself is left as it is).
    pub async fn text_without(&self, css: &str) -> String {
        self.script(&format!(
            "const copy = document.body.cloneNode(true);\n\
             copy.querySelectorAll({css:?}).forEach((n) => n.remove());\n\
             return copy.innerText;"
        ))
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Fails when the page shows a value the code never meant to show: "[object …]",
    /// "undefined", "NaN" or "null" (as words). The app's log lines and the study's own data
    /// (shown verbatim) are left out: they may hold such words themselves.
    pub async fn assert_page_reads_well(&self) {
        let text = self
            .text_without(".log-row, pre, code, [data-verbatim]")
            .await;
        let text = text.as_str();
        let broken: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric() && c != '[')
            .filter(|w| matches!(*w, "undefined" | "NaN" | "null" | "[object"))
            .collect();
        assert!(broken.is_empty(), "the page shows {broken:?}:\n{text}");
        // A value appended on its own (`el.append(null)` writes "null") sits in a text node of
        // its own, next to a button whose words run into it in innerText ("nullShow").
        let alone = self
            .script(
                "const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);\n\
                 const found = [];\n\
                 while (walk.nextNode()) {\n\
                   const t = walk.currentNode.nodeValue.trim();\n\
                   if (['null', 'undefined', 'NaN'].includes(t) || t.includes('[object')) found.push(t);\n\
                 }\n\
                 return found;",
            )
            .await;
        assert_eq!(
            alone,
            json!([]),
            "the page shows values on their own:\n{text}"
        );
    }

    /// Presses one key (WebDriver's key codes: "\u{E004}" Tab, "\u{E007}" Enter, " " Space,
    /// "\u{E00C}" Escape) in whatever has the focus, as a person at the keyboard would.
    pub async fn press(&self, key: &str) {
        trace("key");
        let focused = self
            .client
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("WebDriver found no focused element: {e}"));
        focused
            .send_keys(key)
            .await
            .unwrap_or_else(|e| panic!("WebDriver could not press a key: {e}"));
    }

    /// Presses Tab until the focused element matches `css` (at most `most` times), and checks
    /// that the focus can be seen there (an outline drawn by :focus-visible).
    pub async fn tab_to(&self, css: &str, most: usize) {
        let check = format!(
            "const a = document.activeElement; return a && a.matches({css:?}) ? getComputedStyle(a).outlineStyle : null"
        );
        for _ in 0..most {
            self.press("\u{E004}").await;
            let outline = self.script(&check).await;
            if let Some(style) = outline.as_str() {
                assert_ne!(style, "none", "{css} has the focus but shows no outline");
                return;
            }
        }
        let at = self
            .script("const a = document.activeElement; return a ? a.outerHTML.slice(0, 200) : 'nothing'")
            .await;
        panic!("{most} presses of Tab did not reach {css}; the focus is on {at}");
    }

    /// The focused element, described (tag#id), for checking the focus was not lost.
    pub async fn focused(&self) -> String {
        self.script("const a = document.activeElement; return a ? `${a.tagName.toLowerCase()}#${a.id}` : 'none'")
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Resizes the window (the app's content follows it).
    pub async fn set_size(&self, width: u32, height: u32) {
        trace("size");
        self.client
            .set_window_size(width, height)
            .await
            .unwrap_or_else(|e| panic!("WebDriver could not resize the window: {e}"));
    }

    /// Runs axe-core (node_modules/axe-core, pinned by package-lock.json) in the window and
    /// fails on any serious or critical violation of WCAG 2.1 A and AA: contrast, names of
    /// controls, labels, landmarks, ARIA used right.
    pub async fn assert_accessible(&self) {
        let loaded = self.script("return typeof window.axe === 'object'").await;
        if loaded != json!(true) {
            let path =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
            let axe = std::fs::read_to_string(&path).unwrap_or_else(|e| {
                panic!(
                    "axe-core is not installed at {} ({e}); scripts/deps.sh test installs it",
                    path.display()
                )
            });
            self.script(&axe).await;
        }
        trace("axe");
        let found = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];\n\
                 axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })\n\
                   .then((r) => done(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')\n\
                     .map((v) => `${v.impact} ${v.id}: ${v.help}\\n` + v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}: ${n.failureSummary.replace(/\\s+/g, ' ')}`).join('\\n'))))\n\
                   .catch((e) => done([`axe failed: ${e}`]));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("WebDriver could not run axe-core: {e}"));
        let violations: Vec<String> = serde_json::from_value(found).unwrap_or_default();
        assert!(
            violations.is_empty(),
            "axe-core finds {} serious or critical problem(s):\n{}",
            violations.len(),
            violations.join("\n")
        );
    }

    /// A picture of the whole (virtual) screen, after checking the page reads well and that
    /// axe-core finds nothing serious: every screen, card and dialog the tests photograph is
    /// checked, in the theme it is shown in.
    /// WebKitWebDriver's own screenshot hangs under Xvfb without compositing, so
    /// ImageMagick's `import` reads the X display instead.
    pub async fn screenshot(&self, path: &Path) {
        self.assert_page_reads_well().await;
        self.assert_accessible().await;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
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
        self.client
            .close()
            .await
            .unwrap_or_else(|e| panic!("WebDriver could not end the session: {e}"));
    }
}
