//! The one error the page sees: `{code, message}`, message in plain words. Nothing internal
//! (no token, no URL with a secret) is ever put in it.

use novaland_core::heroku::HerokuError;
use novaland_core::secrets::SecretError;
use novaland_core::signin::SignInError;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl CommandError {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        CommandError {
            code: code.into(),
            message: message.into(),
        }
    }

    pub fn signed_out() -> Self {
        Self::new(
            "signed_out",
            "You are not signed in. Paste your Heroku API key or explore without an account.",
        )
    }

    pub fn no_app() -> Self {
        Self::new("no_app", "Pick your study's app first.")
    }
}

impl From<novaland_core::confirm::NameMismatch> for CommandError {
    fn from(e: novaland_core::confirm::NameMismatch) -> Self {
        CommandError::new("name_mismatch", e.to_string())
    }
}

impl From<HerokuError> for CommandError {
    fn from(e: HerokuError) -> Self {
        CommandError::new(e.code(), e.plain())
    }
}

impl From<SignInError> for CommandError {
    fn from(e: SignInError) -> Self {
        CommandError::new(e.code(), e.plain())
    }
}

impl From<SecretError> for CommandError {
    fn from(e: SecretError) -> Self {
        SignInError::Keychain(e).into()
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
