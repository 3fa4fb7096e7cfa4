//! The one error the page sees: `{code, message}`, the code one of core's [`ErrorCode`]s and
//! the message in plain words. Any core error ([`UserError`]) becomes one through the single
//! conversion below. Nothing internal (no token, no URL with a secret) is ever put in it.

pub use novaland_core::error::ErrorCode;
use novaland_core::error::UserError;
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        CommandError {
            code,
            message: message.into(),
        }
    }

    /// The page returns to the guide when it meets this code.
    pub fn signed_out() -> Self {
        Self::new(ErrorCode::SignedOut, novaland_core::tr!("error-signed-out"))
    }

    pub fn no_app() -> Self {
        Self::new(ErrorCode::NoApp, novaland_core::tr!("error-no-app"))
    }
}

impl<E: UserError> From<E> for CommandError {
    fn from(e: E) -> Self {
        CommandError::new(e.code(), e.plain())
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape the page's `call()` receives and `errorBox` reads: exactly `code` and
    /// `message`, the code in snake_case.
    #[test]
    fn the_page_receives_code_and_message_only() {
        let e: CommandError = novaland_core::heroku::HerokuError::RateLimited {
            message: "slow down".into(),
        }
        .into();
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({
                "code": "rate_limited",
                "message": "Heroku asks us to slow down (too many requests). Wait a minute and try again."
            })
        );
        assert_eq!(
            serde_json::to_value(CommandError::signed_out()).unwrap()["code"],
            "signed_out"
        );
    }
}
