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
