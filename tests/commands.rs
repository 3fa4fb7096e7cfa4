//! The commands through Tauri's real IPC on the mock runtime: sign-in, keychain, app choice,
//! overview and practice mode, as the page calls them.

use std::path::PathBuf;
use std::sync::Arc;

use heroku_sim::{Scenario, Sim};
use novaland_core::secrets::{MemoryStore, SecretStore};
use novaland_lib::state::AppState;
use serde_json::{json, Value};
use tauri::test::{
    get_ipc_response, mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY,
};
use tauri::webview::InvokeRequest;
use tauri::WebviewWindow;

const KEY: &str = "practice-mode-key";

struct Harness {
    _rt: tokio::runtime::Runtime,
    sim: Sim,
    dir: tempfile::TempDir,
}

impl Harness {
    fn new() -> Self {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let sim = rt.block_on(Sim::start(Scenario::practice())).unwrap();
        Harness {
            _rt: rt,
            sim,
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn settings_path(&self) -> PathBuf {
        self.dir.path().join("settings.json")
    }

    /// A fresh start of the app, as after closing and reopening it.
    fn window(
        &self,
        store: Arc<dyn SecretStore>,
    ) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
        self.window_with(store, |_| {})
    }

    /// A fresh start with something of the state set as a test needs it.
    fn window_with(
        &self,
        store: Arc<dyn SecretStore>,
        tweak: impl FnOnce(&mut AppState),
    ) -> (tauri::App<MockRuntime>, WebviewWindow<MockRuntime>) {
        let mut state = AppState::new(
            store,
            self.sim.base_url().to_string(),
            Some(self.settings_path()),
        );
        tweak(&mut state);
        let app = novaland_lib::build_app(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .unwrap();
        let window = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .unwrap();
        (app, window)
    }
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<Value>().unwrap())
}

#[test]
fn a_wrong_key_is_explained_and_nothing_is_stored() {
    let h = Harness::new();
    let store = Arc::new(MemoryStore::default());
    let (_app, w) = h.window(store.clone());
    let err = invoke(&w, "sign_in", json!({ "key": "HRKU-wrong-key-0000" })).unwrap_err();
    assert_eq!(err["code"], "unauthorized");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("did not accept this API key"));
    assert_eq!(store.get().unwrap(), None);
    assert_eq!(
        invoke(&w, "session_info", json!({})).unwrap()["signed_in"],
        false
    );
    let err = invoke(&w, "get_overview", json!({})).unwrap_err();
    assert_eq!(err["code"], "signed_out");
}

/// The one shape every failing command gives the page (`call()` in ui/api.js reads `code` to
/// return to the guide on `signed_out`, and `errorBox` shows `message`): exactly these two.
#[test]
fn errors_reach_the_page_as_code_and_message_only() {
    let h = Harness::new();
    let (_app, w) = h.window(Arc::new(MemoryStore::default()));
    assert_eq!(
        invoke(&w, "get_overview", json!({})).unwrap_err(),
        json!({
            "code": "signed_out",
            "message": "You are not signed in. Paste your Heroku API key or explore without an account."
        })
    );
    invoke(&w, "start_practice", json!({})).unwrap();
    let err = invoke(
        &w,
        "reset_database",
        json!({ "job": "j1", "typedName": "wrong", "downloadFirst": true, "onProgress": "__CHANNEL__:1" }),
    );
    let err = err.unwrap_err();
    let keys: Vec<&String> = err.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["code", "message"], "{err}");
    assert_eq!(err["code"], "name_mismatch", "{err}");
}

/// The kept key is checked as the process starts, before the page asks (it runs while Tauri
/// sets up and the page loads): the page's first `restore_session` takes that answer, so
/// Heroku hears one key check in all.
#[test]
fn the_kept_key_is_checked_as_the_app_starts_and_the_page_takes_that_answer() {
    let h = Harness::new();
    let store = Arc::new(MemoryStore::default());
    store.set(KEY).unwrap();
    std::fs::write(h.settings_path(), r#"{"app":"novaland-study"}"#).unwrap();
    let (_app, w) = h.window_with(store, |state| state.start_restoring());
    let key_checks = || {
        let exchanges = h.sim.exchanges();
        exchanges.iter().filter(|e| e.path == "/account").count()
    };
    let started = std::time::Instant::now();
    while key_checks() == 0 {
        assert!(
            started.elapsed().as_secs() < 10,
            "the key check never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let info = invoke(&w, "restore_session", json!({})).unwrap();
    assert_eq!(
        (&info["signed_in"], &info["app"]),
        (&json!(true), &json!("novaland-study"))
    );
    assert_eq!(
        key_checks(),
        1,
        "the page took the answer started with the app"
    );
    assert_eq!(
        info["overview"]["name"], "novaland-study",
        "the remembered app's Overview came with it: {info}"
    );
    // A refresh asks Heroku again.
    let overview = invoke(&w, "get_overview", json!({})).unwrap();
    assert_eq!(overview["name"], "novaland-study", "{overview}");
}

#[test]
fn sign_in_pick_an_app_and_come_back_after_a_restart() {
    let h = Harness::new();
    let store = Arc::new(MemoryStore::default());
    {
        let (_app, w) = h.window(store.clone());
        assert_eq!(
            invoke(&w, "restore_session", json!({})).unwrap()["signed_in"],
            false
        );
        let info = invoke(&w, "sign_in", json!({ "key": format!(" {KEY} ") })).unwrap();
        assert_eq!(info["email"], "ada.researcher@uni-example.edu");
        assert_eq!(info["app"], Value::Null);
        assert!(info.get("overview").is_none(), "{info}");
        assert!(
            !info.to_string().contains(KEY),
            "the key never reaches the page"
        );
        assert_eq!(store.get().unwrap().as_deref(), Some(KEY));

        let apps = invoke(&w, "list_apps", json!({})).unwrap();
        let names: Vec<&str> = apps
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["novaland-pilot", "novaland-study", "econlab-public-goods"]
        );
        let info = invoke(&w, "choose_app", json!({ "name": "novaland-study" })).unwrap();
        assert_eq!(info["app"], "novaland-study");
        let saved = std::fs::read_to_string(h.settings_path()).unwrap();
        assert!(
            saved.contains("novaland-study") && !saved.contains(KEY),
            "settings hold the app, never the key"
        );
    }
    // Reopened: the key comes from the keychain and the app from settings; nothing is typed.
    // The key check and the remembered app's Overview go out together (one round of requests:
    // issue 16's start-up), and the Overview comes with the session's answer: the page draws
    // it without asking again.
    let (_app, w) = h.window(store.clone());
    h.sim.set_latency(std::time::Duration::from_millis(100));
    h.sim.clear_exchanges();
    let info = invoke(&w, "restore_session", json!({})).unwrap();
    assert_eq!(
        (info["signed_in"].as_bool(), info["app"].as_str()),
        (Some(true), Some("novaland-study"))
    );
    assert_eq!(
        h.sim.max_in_flight(),
        7,
        "/account and the Overview's six at once"
    );
    let o = info["overview"].clone();
    h.sim.set_latency(std::time::Duration::ZERO);
    assert_eq!(o["name"], "novaland-study");
    assert_eq!(o["status"], "running");
    assert_eq!(o["addons"].as_array().unwrap().len(), 3);
    assert_eq!(o["processes"][0]["process_type"], "web");
    assert_eq!(o["last_release"]["version"], 5);
    assert!(
        !o.to_string().contains("practice-secret"),
        "config vars stay on the Rust side"
    );
    assert!(
        !info.to_string().contains(KEY),
        "the key never reaches the page"
    );

    let out = invoke(&w, "sign_out", json!({})).unwrap();
    assert_eq!(out["signed_in"], false);
    assert_eq!(store.get().unwrap(), None, "sign-out deletes the key");
}

#[test]
fn a_saved_key_that_stopped_working_asks_for_a_new_one() {
    let h = Harness::new();
    let store = Arc::new(MemoryStore::default());
    store.set("HRKU-regenerated-since").unwrap();
    let (_app, w) = h.window(store.clone());
    let info = invoke(&w, "restore_session", json!({})).unwrap();
    assert_eq!(info["signed_in"], false);
    assert!(info["notice"]
        .as_str()
        .unwrap()
        .contains("no longer accepted"));
}

#[test]
fn without_a_keychain_the_app_says_so() {
    let h = Harness::new();
    let (_app, w) = h.window(Arc::new(MemoryStore::unavailable()));
    let info = invoke(&w, "restore_session", json!({})).unwrap();
    assert!(info["notice"].as_str().unwrap().contains("no keychain"));
    let err = invoke(&w, "sign_in", json!({ "key": KEY })).unwrap_err();
    assert_eq!(err["code"], "no_keychain");
    assert!(
        !h.settings_path().exists(),
        "nothing is written anywhere else"
    );
}

#[test]
fn practice_mode_needs_no_account_and_leaves_the_keychain_alone() {
    let h = Harness::new();
    let store = Arc::new(MemoryStore::default());
    store.set("HRKU-someone-elses-key").unwrap();
    let (_app, w) = h.window(store.clone());
    let info = invoke(&w, "start_practice", json!({})).unwrap();
    assert_eq!(
        (info["practice"].as_bool(), info["app"].as_str()),
        (Some(true), Some("novaland-study"))
    );
    let o = invoke(&w, "get_overview", json!({})).unwrap();
    assert_eq!(o["status"], "running");
    invoke(&w, "choose_app", json!({ "name": "novaland-pilot" })).unwrap();
    assert_eq!(
        invoke(&w, "get_overview", json!({})).unwrap()["status"],
        "crashed"
    );
    assert!(
        !h.settings_path().exists(),
        "practice choices are not saved"
    );
    let err = invoke(&w, "open_study", json!({})).unwrap_err();
    assert_eq!(
        err["code"], "practice",
        "no browser opens on a made-up address"
    );
    let err = invoke(
        &w,
        "delete_backup",
        json!({ "num": 1, "typedName": "novaland-study" }),
    )
    .unwrap_err();
    assert_eq!(
        err["code"], "name_mismatch",
        "the pilot is chosen: another app's name deletes nothing"
    );
    let err = invoke(&w, "reset_database", json!({ "job": "reset-1", "typedName": "novaland-study", "downloadFirst": false, "onProgress": "__CHANNEL__:1" })).unwrap_err();
    assert_eq!(
        err["code"], "name_mismatch",
        "nothing is reset without the chosen app's own name"
    );
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("Nothing was reset"));
    let dbs = invoke(&w, "database_health", json!({})).unwrap();
    assert_eq!(
        dbs[0]["percent_full"], 91.2,
        "the pilot's database, nearly full"
    );
    invoke(&w, "sign_out", json!({})).unwrap();
    assert_eq!(
        store.get().unwrap().as_deref(),
        Some("HRKU-someone-elses-key")
    );
    assert!(
        h.sim.exchanges().is_empty(),
        "practice talks to its own simulator, not the configured Heroku"
    );
}

#[test]
fn the_page_cannot_open_arbitrary_addresses() {
    let h = Harness::new();
    let (_app, w) = h.window(Arc::new(MemoryStore::default()));
    let err = invoke(
        &w,
        "open_heroku_page",
        json!({ "page": "https://evil.example" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "unknown_page");
}

#[test]
fn only_folders_the_app_wrote_can_be_shown() {
    let h = Harness::new();
    let (_app, w) = h.window(Arc::new(MemoryStore::default()));
    let err = invoke(&w, "show_folder", json!({ "path": "/etc" })).unwrap_err();
    assert_eq!(err["code"], "unknown_folder");
    let err = invoke(
        &w,
        "download_database_tables",
        json!({ "job": "tables-1", "onProgress": "__CHANNEL__:1" }),
    )
    .unwrap_err();
    assert_eq!(err["code"], "signed_out");
}

#[test]
fn a_folder_deleted_since_it_was_written_is_said_so_before_any_launcher_runs() {
    let h = Harness::new();
    let gone = h.dir.path().join("novaland-study").join("2026-12-01 09.30");
    let (_app, w) = h.window_with(Arc::new(MemoryStore::default()), |state| {
        state.written_folders.get_mut().push(gone.clone());
    });
    let err = invoke(&w, "show_folder", json!({ "path": gone })).unwrap_err();
    assert_eq!(err["code"], "open_failed");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.contains("The folder could not be opened") && message.contains("2026-12-01 09.30"),
        "{message}"
    );
    // The file system's answer (ENOENT), not a launcher's exit status.
    assert!(message.contains("os error 2"), "{message}");
}

#[test]
fn the_export_folder_defaults_to_the_desktop_and_a_choice_can_be_undone() {
    let h = Harness::new();
    let chosen = h.dir.path().join("my exports");
    std::fs::create_dir(&chosen).unwrap();
    std::fs::write(
        h.settings_path(),
        json!({ "export_folder": chosen }).to_string(),
    )
    .unwrap();
    let (_app, w) = h.window(Arc::new(MemoryStore::default()));
    let info = invoke(&w, "export_folder", json!({})).unwrap();
    assert_eq!(info["chosen"], true);
    assert_eq!(info["path"], chosen.display().to_string());
    let info = invoke(&w, "use_default_export_folder", json!({})).unwrap();
    assert_eq!(info["chosen"], false);
    assert!(
        info["path"].as_str().unwrap().ends_with("Novaland"),
        "{info}"
    );
    let saved = std::fs::read_to_string(h.settings_path()).unwrap();
    assert!(!saved.contains("my exports"));
}

#[test]
fn an_unwritable_folder_is_refused_and_nothing_changes() {
    let h = Harness::new();
    let state = AppState::new(
        Arc::new(MemoryStore::default()),
        h.sim.base_url().to_string(),
        Some(h.settings_path()),
    );
    let err = novaland_lib::commands::settings::save(&state, Some("/proc/novaland-nowhere".into()))
        .unwrap_err();
    assert_eq!(err.code, "folder_not_writable");
    assert!(!h.settings_path().exists());
    let ok =
        novaland_lib::commands::settings::save(&state, Some(h.dir.path().to_path_buf())).unwrap();
    assert!(ok.chosen);
}

#[test]
fn a_name_that_is_not_a_heroku_app_name_is_refused_before_any_request() {
    let h = Harness::new();
    let (_app, w) = h.window(Arc::new(MemoryStore::default()));
    invoke(&w, "sign_in", json!({ "key": KEY })).unwrap();
    invoke(&w, "choose_app", json!({ "name": "novaland-study" })).unwrap();
    h.sim.clear_exchanges();
    let err = invoke(&w, "choose_app", json!({ "name": "victim?" })).unwrap_err();
    assert_eq!(err["code"], "bad_app_name");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("is not a Heroku app name"));
    // The choice before stays: a restart now restarts the study, never `victim`.
    invoke(&w, "restart_dynos", json!({})).unwrap();
    let paths: Vec<String> = h
        .sim
        .exchanges()
        .into_iter()
        .map(|e| format!("{} {}", e.method, e.path))
        .collect();
    assert_eq!(paths, ["DELETE /apps/novaland-study/dynos"]);
}

#[test]
fn the_sentry_token_goes_only_to_sentry_io_or_a_confirmed_host_and_leaves_with_sign_out() {
    let h = Harness::new();
    let sentry_store = Arc::new(MemoryStore::default());
    let sentry_url = h.sim.sentry_url();
    let (_app, w) = h.window_with(Arc::new(MemoryStore::default()), |state| {
        state.sentry_store = sentry_store.clone();
        state.sentry_url = Some(sentry_url);
    });
    invoke(&w, "sign_in", json!({ "key": KEY })).unwrap();
    invoke(&w, "choose_app", json!({ "name": "novaland-study" })).unwrap();
    // A collaborator points SENTRY_DSN at a host of their own.
    h.sim.set_config_var(
        "novaland-study",
        "SENTRY_DSN",
        "https://k@o1.ingest.evil.example/2",
    );
    let info = invoke(&w, "addon_apis", json!({})).unwrap();
    assert_eq!(info["sentry"]["host"], "evil.example");
    assert_eq!(info["sentry"]["sentry_io"], false);
    h.sim.clear_exchanges();
    let token = heroku_sim::SENTRY_TOKEN;
    let err = invoke(&w, "connect_sentry", json!({ "token": token })).unwrap_err();
    assert_eq!(err["code"], "sentry_host_unconfirmed");
    assert!(err["message"].as_str().unwrap().contains("evil.example"));
    assert!(!err.to_string().contains(token));
    let err = invoke(
        &w,
        "connect_sentry",
        json!({ "token": token, "confirmHost": "sentry.lab.example" }),
    )
    .unwrap_err();
    assert_eq!(
        err["code"], "sentry_host_unconfirmed",
        "a confirmation for another host counts for nothing"
    );
    assert!(
        !h.sim.exchanges().iter().any(|e| e.path.contains("sentry")),
        "no request carried the token"
    );
    assert_eq!(sentry_store.get().unwrap(), None);

    // Confirmed: asked, and kept with its host.
    invoke(
        &w,
        "connect_sentry",
        json!({ "token": token, "confirmHost": "evil.example" }),
    )
    .unwrap();
    let saved = sentry_store.get().unwrap().unwrap();
    assert!(saved.contains("evil.example"), "{saved}");
    invoke(&w, "sentry_issues", json!({})).unwrap();
    // The DSN moves to yet another host: the saved token does not follow it.
    h.sim.set_config_var(
        "novaland-study",
        "SENTRY_DSN",
        "https://k@o1.ingest.other.example/2",
    );
    let err = invoke(&w, "sentry_issues", json!({})).unwrap_err();
    assert_eq!(err["code"], "sentry_host_unconfirmed");

    invoke(&w, "sign_out", json!({})).unwrap();
    assert_eq!(
        sentry_store.get().unwrap(),
        None,
        "sign-out removes the Sentry token too"
    );
}

/// A project dropped on the window is checked like a chosen one and kept on the Rust side; the
/// page hears its report (or why it is not an oTree project) as `project-dropped`. The built-in
/// example is taken the same way.
#[test]
fn a_dropped_project_is_checked_and_the_page_hears_it() {
    use tauri::Listener;
    let h = Harness::new();
    let (app, window) = h.window(Arc::new(MemoryStore::default()));
    let (tx, rx) = std::sync::mpsc::channel::<Value>();
    app.listen("project-dropped", move |event| {
        tx.send(serde_json::from_str(event.payload()).unwrap())
            .unwrap();
    });
    let project = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/otree_project");
    novaland_lib::commands::new_study::project_dropped(app.handle(), project);
    let heard = rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
    assert_eq!(heard["report"]["name"], "otree_project");
    assert_eq!(heard["report"]["otree_version"], "5.11.5");
    assert_eq!(heard["error"], Value::Null);
    assert!(
        !heard.to_string().contains(env!("CARGO_MANIFEST_DIR")),
        "the page never gets the path: {heard}"
    );

    // Not an oTree project: said in plain words, nothing kept.
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("notes.txt"), "hello").unwrap();
    novaland_lib::commands::new_study::project_dropped(app.handle(), folder.path().into());
    let heard = rx.recv_timeout(std::time::Duration::from_secs(10)).unwrap();
    assert_eq!(heard["report"], Value::Null);
    assert!(
        heard["error"]["message"]
            .as_str()
            .unwrap()
            .contains("settings.py"),
        "{heard}"
    );

    let example = invoke(&window, "use_example_project", json!({})).unwrap();
    assert_eq!(example["name"], "Novaland's example study");
    assert!(
        example["added"].to_string().contains("Procfile"),
        "{example}"
    );
}
