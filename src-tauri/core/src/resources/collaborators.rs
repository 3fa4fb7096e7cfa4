//! The people who can change the app: list, invite by e-mail, remove.

use serde::Serialize;

use crate::error::{ErrorCode, Refused};
use crate::heroku::{self, HerokuClient, HerokuError};

#[derive(Debug, Clone, Serialize)]
pub struct Person {
    pub email: String,
    pub role: String,
}

pub async fn list(client: &HerokuClient, app: &str) -> Result<Vec<Person>, HerokuError> {
    let people = heroku::collaborators::list(client, app).await?;
    Ok(people
        .into_iter()
        .map(|c| Person {
            email: c.user.email,
            role: c.role.unwrap_or_else(|| "collaborator".into()),
        })
        .collect())
}

/// A plausible address: something@domain.tld, no spaces. Heroku checks the rest.
pub fn plausible_email(email: &str) -> bool {
    let email = email.trim();
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !email.contains(char::is_whitespace)
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        }
        None => false,
    }
}

/// Refuses an address that cannot be one, in plain words, before Heroku is asked.
pub fn check_email(email: &str) -> Result<(), Refused> {
    if plausible_email(email) {
        return Ok(());
    }
    let message = crate::tr!("error-invalid-email", email = email.trim());
    Err(Refused::new(ErrorCode::InvalidEmail, message))
}

pub async fn invite(client: &HerokuClient, app: &str, email: &str) -> Result<Person, HerokuError> {
    let c = heroku::collaborators::create(client, app, email.trim()).await?;
    Ok(Person {
        email: c.user.email,
        role: c.role.unwrap_or_else(|| "collaborator".into()),
    })
}

pub async fn remove(client: &HerokuClient, app: &str, email: &str) -> Result<(), HerokuError> {
    heroku::collaborators::delete(client, app, email.trim()).await
}
