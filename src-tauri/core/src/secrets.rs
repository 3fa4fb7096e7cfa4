//! Where the Heroku API key lives: the OS keychain, and nowhere else.
//!
//! macOS Keychain, Windows Credential Manager, the Secret Service on Linux (GNOME Keyring,
//! KWallet). Where none is available the app says so and stores nothing.

use crate::error::ErrorCode;
use std::sync::Mutex;

/// The keychain entry Novaland uses for the Heroku key.
pub const SERVICE: &str = "org.novaland.app";
pub const HEROKU_KEY_ACCOUNT: &str = "heroku-api-key";

/// The most a Windows Credential Manager entry holds (CRED_MAX_CREDENTIAL_BLOB_SIZE, 5 × 512
/// bytes; keyring stores the secret as UTF-8 there). Every store keeps to it, so a secret
/// that fits on Linux or macOS fits on Windows too.
pub const MAX_SECRET_BYTES: usize = 2560;

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum SecretError {
    #[error("no keychain is available on this computer: {0}")]
    Unavailable(String),
    #[error("the keychain refused: {0}")]
    Failed(String),
    /// The keychain is there but locked, and unlocking it was not possible or was declined.
    #[error("the keychain is locked: {0}")]
    Locked(String),
    #[error("secret of {0} bytes is too long for a keychain entry")]
    TooLong(usize),
}

impl SecretError {
    pub fn code(&self) -> ErrorCode {
        match self {
            SecretError::Unavailable(_) => ErrorCode::NoKeychain,
            SecretError::Failed(_) => ErrorCode::KeychainFailed,
            SecretError::Locked(_) => ErrorCode::KeychainLocked,
            SecretError::TooLong(_) => ErrorCode::TooBig,
        }
    }

    pub fn plain(&self) -> String {
        match self {
            SecretError::Unavailable(_) => crate::tr!("error-keychain-unavailable"),
            SecretError::Failed(detail) => crate::tr!("error-keychain-failed", detail = detail),
            SecretError::Locked(_) => crate::tr!("error-keychain-locked"),
            SecretError::TooLong(bytes) => crate::tr!(
                "error-keychain-too-long",
                length = *bytes,
                max = MAX_SECRET_BYTES
            ),
        }
    }
}

/// A place that holds one secret.
pub trait SecretStore: Send + Sync {
    fn get(&self) -> Result<Option<String>, SecretError>;
    fn set(&self, secret: &str) -> Result<(), SecretError>;
    fn delete(&self) -> Result<(), SecretError>;
}

/// The OS keychain, through the keyring crate with its platform stores compiled in
/// (without them keyring 3 silently falls back to a store that keeps nothing).
pub struct KeyringStore {
    service: String,
    account: String,
}

impl KeyringStore {
    pub fn new(service: &str, account: &str) -> Self {
        KeyringStore {
            service: service.into(),
            account: account.into(),
        }
    }

    pub fn heroku() -> Self {
        Self::new(SERVICE, HEROKU_KEY_ACCOUNT)
    }

    fn entry(&self) -> Result<keyring::Entry, SecretError> {
        keyring::Entry::new(&self.service, &self.account).map_err(map_keyring)
    }
}

/// Refuses a secret longer than the smallest keychain holds (Windows', [`MAX_SECRET_BYTES`]).
fn fits(secret: &str) -> Result<(), SecretError> {
    match secret.len() {
        n if n > MAX_SECRET_BYTES => Err(SecretError::TooLong(n)),
        _ => Ok(()),
    }
}

fn map_keyring(e: keyring::Error) -> SecretError {
    // A locked Secret Service collection whose unlock prompt could not be shown or was
    // declined ("Secret Service: unlock prompt was dismissed"), or macOS' locked keychain.
    let text = e.to_string();
    let lower = text.to_ascii_lowercase();
    if lower.contains("locked") || lower.contains("unlock") {
        return SecretError::Locked(text);
    }
    match e {
        keyring::Error::NoStorageAccess(inner) => SecretError::Unavailable(inner.to_string()),
        keyring::Error::PlatformFailure(inner) => SecretError::Unavailable(inner.to_string()),
        other => SecretError::Failed(other.to_string()),
    }
}

impl SecretStore for KeyringStore {
    fn get(&self) -> Result<Option<String>, SecretError> {
        match self.entry()?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(e) => Err(map_keyring(e)),
        }
    }

    fn set(&self, secret: &str) -> Result<(), SecretError> {
        fits(secret)?;
        self.entry()?.set_password(secret).map_err(map_keyring)
    }

    fn delete(&self) -> Result<(), SecretError> {
        match self.entry()?.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(map_keyring(e)),
        }
    }
}

/// Holds the secret in memory only: for unit tests, and what "no keychain" leaves us with.
#[derive(Default)]
pub struct MemoryStore {
    secret: Mutex<Option<String>>,
    unavailable: bool,
}

impl MemoryStore {
    /// A store that behaves like a computer without any keychain.
    pub fn unavailable() -> Self {
        MemoryStore {
            secret: Mutex::new(None),
            unavailable: true,
        }
    }

    fn check(&self) -> Result<(), SecretError> {
        if self.unavailable {
            Err(SecretError::Unavailable(
                "no Secret Service on the session bus".into(),
            ))
        } else {
            Ok(())
        }
    }
}

impl SecretStore for MemoryStore {
    fn get(&self) -> Result<Option<String>, SecretError> {
        self.check()?;
        Ok(self.secret.lock().unwrap().clone())
    }

    fn set(&self, secret: &str) -> Result<(), SecretError> {
        self.check()?;
        fits(secret)?;
        *self.secret.lock().unwrap() = Some(secret.to_string());
        Ok(())
    }

    fn delete(&self) -> Result<(), SecretError> {
        self.check()?;
        *self.secret.lock().unwrap() = None;
        Ok(())
    }
}

crate::error::user_error!(SecretError);

#[cfg(test)]
mod tests {
    use super::*;

    /// What Novaland keeps fits a Windows Credential Manager entry with room to spare: the
    /// longest Sentry entry (a token with a self-hosted host of the longest name DNS allows).
    #[test]
    fn every_entry_novaland_writes_fits_the_smallest_keychain() {
        let sentry = crate::addon_apis::sentry::SavedToken {
            token: format!("sntryu_{}", "a".repeat(64)),
            host: Some("h".repeat(253)),
        };
        let value = sentry.to_keychain();
        assert!(value.len() < MAX_SECRET_BYTES / 4, "{} bytes", value.len());
        let store = MemoryStore::default();
        store.set(&value).unwrap();
        assert!(matches!(
            store.set(&"x".repeat(MAX_SECRET_BYTES + 1)),
            Err(SecretError::TooLong(2561))
        ));
        assert_eq!(store.get().unwrap().as_deref(), Some(value.as_str()));
    }
}
