//! Sign-in: a key is checked before it is kept, and a wrong key keeps nothing.

mod common;

use std::sync::Arc;

use common::*;
use novaland_core::secrets::{MemoryStore, SecretStore};
use novaland_core::signin::{sign_in, SignInError};

#[tokio::test]
async fn a_good_key_is_checked_then_kept() {
    let sim = practice().await;
    let store = Arc::new(MemoryStore::default());
    let (_, account) = sign_in(store.clone(), sim.base_url(), &format!("  {KEY}\n"))
        .await
        .unwrap();
    assert_eq!(account.email, "ada.researcher@uni-example.edu");
    assert_eq!(
        store.get().unwrap().as_deref(),
        Some(KEY),
        "kept without the pasted spaces"
    );
    assert_eq!(sim.exchanges()[0].path, "/account");
}

#[tokio::test]
async fn a_wrong_key_keeps_nothing() {
    let sim = practice().await;
    let store = Arc::new(MemoryStore::default());
    let err = sign_in(store.clone(), sim.base_url(), "HRKU-not-a-real-key")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "unauthorized");
    assert!(err.plain().contains("did not accept this API key"));
    assert_eq!(store.get().unwrap(), None);
    let err = sign_in(store.clone(), sim.base_url(), "   ")
        .await
        .unwrap_err();
    assert_eq!(err, SignInError::EmptyKey);
    assert!(sim.exchanges().len() == 1, "an empty key is not even sent");
}

#[tokio::test]
async fn without_a_keychain_the_app_says_so_and_stores_nothing() {
    let sim = practice().await;
    let store = Arc::new(MemoryStore::unavailable());
    let err = sign_in(store.clone(), sim.base_url(), KEY)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "no_keychain");
    assert!(err.plain().contains("not saved anywhere"));
}

#[tokio::test]
async fn offline_sign_in_is_explained() {
    let err = sign_in(Arc::new(MemoryStore::default()), "http://127.0.0.1:9", KEY)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "offline");
}
