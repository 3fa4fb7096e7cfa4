//! Signing in: the key is checked with Heroku before it is kept, and kept only in the keychain.

use std::sync::Arc;

use crate::error::ErrorCode;
use crate::heroku::models::Account;
use crate::heroku::{HerokuClient, HerokuError};
use crate::secrets::{SecretError, SecretStore};

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum SignInError {
    #[error("no key was pasted")]
    EmptyKey,
    #[error(transparent)]
    Heroku(#[from] HerokuError),
    #[error(transparent)]
    Keychain(#[from] SecretError),
}

impl SignInError {
    pub fn code(&self) -> ErrorCode {
        match self {
            SignInError::EmptyKey => ErrorCode::EmptyKey,
            SignInError::Heroku(e) => e.code(),
            SignInError::Keychain(e) => e.code(),
        }
    }

    pub fn plain(&self) -> String {
        match self {
            SignInError::EmptyKey => crate::tr!("error-signin-empty-key"),
            SignInError::Heroku(e) => e.plain(),
            SignInError::Keychain(e) => e.plain(),
        }
    }
}

/// Checks a key with `GET /account`; nothing is stored.
pub async fn check_key(base_url: &str, key: &str) -> Result<(HerokuClient, Account), SignInError> {
    let key = key.trim();
    if key.is_empty() {
        return Err(SignInError::EmptyKey);
    }
    let client = HerokuClient::new(base_url, key)?;
    let account = client.get::<Account>("account").await?;
    Ok((client, account))
}

/// At start-up: checks the saved key and, in the same round of requests, fetches the
/// remembered app's Overview, so no request waits for another (issue 16's start-up goal). The
/// Overview is `None` when no app is remembered or it could not be fetched (the screen then
/// asks again and says why); it is never used when the key is refused.
pub async fn check_key_with_overview(
    base_url: &str,
    key: &str,
    app: Option<&str>,
) -> Result<(HerokuClient, Account, Option<crate::overview::Overview>), SignInError> {
    let key = key.trim();
    if key.is_empty() {
        return Err(SignInError::EmptyKey);
    }
    let client = HerokuClient::new(base_url, key)?;
    let overview = async {
        match app {
            Some(app) => crate::overview::fetch(&client, app).await.ok(),
            None => None,
        }
    };
    let (account, overview) = tokio::join!(client.get::<Account>("account"), overview);
    let account = account?;
    Ok((client, account, overview))
}

/// Checks the key, then keeps it in the keychain. A wrong key stores nothing.
pub async fn sign_in(
    store: Arc<dyn SecretStore>,
    base_url: &str,
    key: &str,
) -> Result<(HerokuClient, Account), SignInError> {
    let (client, account) = check_key(base_url, key).await?;
    let key = key.trim().to_string();
    // The keychain may wait for the person to unlock it: keep that off the async workers.
    tokio::task::spawn_blocking(move || store.set(&key))
        .await
        .map_err(|e| SecretError::Failed(e.to_string()))??;
    Ok((client, account))
}

/// Reads the kept key, off the async workers for the same reason.
pub async fn saved_key(store: Arc<dyn SecretStore>) -> Result<Option<String>, SecretError> {
    tokio::task::spawn_blocking(move || store.get())
        .await
        .map_err(|e| SecretError::Failed(e.to_string()))?
}

/// What the key in the keychain gave when the app started.
#[derive(Debug)]
pub enum Restored {
    /// No key is kept: the guide starts at its beginning.
    NoKey,
    /// The keychain could not be read (locked, missing); the guide says why.
    Keychain(SecretError),
    /// Heroku refused the kept key (revoked or expired): asked for a new one.
    Refused,
    /// Heroku could not be asked (offline, failing); the page offers to try again.
    Failed(SignInError),
    /// Signed in (boxed: a client, an account and an Overview are large beside the others).
    SignedIn(Box<SignedIn>),
}

#[derive(Debug)]
pub struct SignedIn {
    pub client: HerokuClient,
    pub account: Account,
    /// The remembered app's Overview, asked in the same round as the key check.
    pub overview: Option<crate::overview::Overview>,
}

/// Reads the kept key and checks it with the remembered `app`'s Overview in one round.
pub async fn restore(store: Arc<dyn SecretStore>, base_url: &str, app: Option<&str>) -> Restored {
    let key = match saved_key(store).await {
        Ok(Some(key)) => key,
        Ok(None) => return Restored::NoKey,
        Err(e) => return Restored::Keychain(e),
    };
    match check_key_with_overview(base_url, &key, app).await {
        Ok((client, account, overview)) => Restored::SignedIn(Box::new(SignedIn {
            client,
            account,
            overview,
        })),
        Err(SignInError::Heroku(HerokuError::Unauthorized { .. })) => Restored::Refused,
        Err(e) => Restored::Failed(e),
    }
}

/// Forgets the kept key.
pub async fn forget_key(store: Arc<dyn SecretStore>) -> Result<(), SecretError> {
    tokio::task::spawn_blocking(move || store.delete())
        .await
        .map_err(|e| SecretError::Failed(e.to_string()))?
}

crate::error::user_error!(SignInError);
