//! The real OS keychain (gnome-keyring's Secret Service in CI): a key written by one process is
//! read back by another, and deleted for good. keyring 3 without a platform feature would pass
//! an in-process round trip while keeping nothing; the second process catches that.
//!
//! Runs when NOVALAND_REAL_KEYCHAIN=1 (the project's test command sets it inside
//! dbus-run-session with an unlocked gnome-keyring).

use std::process::Command;

use novaland_core::secrets::{KeyringStore, SecretStore};

const SERVICE: &str = "org.novaland.tests";

fn real_keychain() -> bool {
    if std::env::var_os("NOVALAND_REAL_KEYCHAIN").is_none() {
        eprintln!("skipped: set NOVALAND_REAL_KEYCHAIN=1 inside a session with a Secret Service");
        return false;
    }
    true
}

#[test]
fn a_saved_key_survives_the_process_and_sign_out_deletes_it() {
    if !real_keychain() {
        return;
    }
    let account = format!("survives-{}", std::process::id());
    let secret = format!("test-key-{}-abc", std::process::id());
    let store = KeyringStore::new(SERVICE, &account);
    store
        .set(&secret)
        .expect("the Secret Service accepts the key");

    let read_in_child = || {
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "child_reads_the_key",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("NOVALAND_CHILD_ACCOUNT", &account)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    assert!(
        read_in_child().contains(&format!("KEY=Some(\"{secret}\")")),
        "another process reads the key"
    );

    store.delete().unwrap();
    assert_eq!(store.get().unwrap(), None);
    assert!(
        read_in_child().contains("KEY=None"),
        "deleted for every process"
    );
    store.delete().expect("deleting twice is fine");

    // Windows' Credential Manager holds at most 2,560 bytes an entry; every store keeps to that,
    // so what fits here fits there. A longer paste is refused before the keychain is touched.
    let too_long = "k".repeat(novaland_core::secrets::MAX_SECRET_BYTES + 1);
    let err = store.set(&too_long).unwrap_err();
    assert_eq!(err.code(), "too_big");
    assert!(err.plain().contains("Nothing was saved"), "{}", err.plain());
    assert_eq!(store.get().unwrap(), None, "nothing was saved");
    let longest = "k".repeat(novaland_core::secrets::MAX_SECRET_BYTES);
    store.set(&longest).expect("the longest secret fits");
    assert_eq!(store.get().unwrap().as_deref(), Some(longest.as_str()));
    store.delete().unwrap();
}

/// Not a test of its own: the other process of the test above, which runs it with
/// `--ignored`; ignored in every ordinary run, so it never counts as a passing test.
#[test]
#[ignore = "the second process of a_saved_key_survives_the_process_and_sign_out_deletes_it"]
fn child_reads_the_key() {
    if let Ok(account) = std::env::var("NOVALAND_CHILD_ACCOUNT") {
        let value = KeyringStore::new(SERVICE, &account).get().unwrap();
        println!("KEY={value:?}");
    }
}

/// A locked keychain (the login keyring locked, no unlock prompt possible) is said in plain
/// words and nothing is stored anywhere else. Runs in a D-Bus session and gnome-keyring of its
/// own (a fresh HOME, no display), so locking it disturbs no other test.
#[test]
fn a_locked_keychain_is_said_in_plain_words() {
    if !real_keychain() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let me = std::env::current_exe().unwrap();
    let script = format!(
        "eval \"$(printf novaland-test | gnome-keyring-daemon --unlock --components=secrets)\" && \
         {} --exact child_meets_a_locked_keychain --ignored --nocapture --test-threads=1",
        me.display()
    );
    let out = Command::new("dbus-run-session")
        .args(["--", "bash", "-c", &script])
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env_remove("DISPLAY")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env_remove("GNOME_KEYRING_CONTROL")
        .env("NOVALAND_CHILD_LOCKED", "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("STORED=Ok"),
        "the unlocked keychain works first: {stdout}"
    );
    assert!(
        stdout.contains("LOCKED=Err"),
        "a locked one refuses: {stdout}"
    );
    assert!(
        stdout.contains("PLAIN=Your keychain is locked"),
        "said in plain words: {stdout}"
    );
}

/// Not a test of its own: the other process of the test above.
#[test]
#[ignore = "the second process of a_locked_keychain_is_said_in_plain_words"]
fn child_meets_a_locked_keychain() {
    if std::env::var_os("NOVALAND_CHILD_LOCKED").is_none() {
        return;
    }
    let store = KeyringStore::new(SERVICE, "locked-test");
    println!("STORED={:?}", store.set("test-key-locked").map(|_| "Ok"));
    let locked = Command::new("dbus-send")
        .args([
            "--session",
            "--dest=org.freedesktop.secrets",
            "--type=method_call",
            "--print-reply",
            "/org/freedesktop/secrets",
            "org.freedesktop.Secret.Service.Lock",
            "array:objpath:/org/freedesktop/secrets/collection/login",
        ])
        .status()
        .unwrap();
    assert!(locked.success());
    match store.get() {
        Ok(v) => println!("LOCKED=Ok({v:?})"),
        Err(e) => {
            println!("LOCKED=Err({e:?})");
            println!("PLAIN={}", e.plain());
        }
    }
}
