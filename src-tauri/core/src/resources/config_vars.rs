//! Config vars (the app's settings on Heroku): secret-looking values masked until revealed, set and remove (each
//! restarts the app), oTree's presets and a generator for a strong admin password.

use serde::Serialize;

use crate::heroku::models::ConfigVars;
use crate::heroku::{HerokuClient, HerokuError};

#[derive(Debug, Clone, Serialize)]
pub struct ConfigVar {
    pub name: String,
    pub value: String,
    /// Shown as dots until the researcher asks.
    pub secret: bool,
    /// Set by an add-on (changing it by hand breaks the add-on).
    pub from_addon: bool,
}

/// A preset oTree studies need, with what it does in plain words (`plain`, in the language in
/// effect; the page receives `{name, suggested, plain, generate}`).
#[derive(Debug, Clone)]
pub struct Preset {
    pub name: &'static str,
    pub suggested: &'static str,
    /// The value should be generated (a password or key).
    pub generate: bool,
}

impl Preset {
    /// What the setting does, in plain words.
    pub fn plain(&self) -> String {
        match self.name {
            "OTREE_PRODUCTION" => crate::tr!("core-config-preset-production"),
            "OTREE_AUTH_LEVEL" => crate::tr!("core-config-preset-auth-level"),
            "OTREE_ADMIN_PASSWORD" => crate::tr!("core-config-preset-admin-password"),
            "OTREE_REST_KEY" => crate::tr!("core-config-preset-rest-key"),
            other => other.to_string(),
        }
    }
}

impl Serialize for Preset {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Preset", 4)?;
        s.serialize_field("name", self.name)?;
        s.serialize_field("suggested", self.suggested)?;
        s.serialize_field("plain", &self.plain())?;
        s.serialize_field("generate", &self.generate)?;
        s.end()
    }
}

pub const PRESETS: &[Preset] = &[
    Preset {
        name: "OTREE_PRODUCTION",
        suggested: "1",
        generate: false,
    },
    Preset {
        name: "OTREE_AUTH_LEVEL",
        suggested: "STUDY",
        generate: false,
    },
    Preset {
        name: "OTREE_ADMIN_PASSWORD",
        suggested: "",
        generate: true,
    },
    Preset {
        name: "OTREE_REST_KEY",
        suggested: "",
        generate: true,
    },
];

/// Names whose values are credentials.
pub fn is_secret(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    [
        "PASSWORD",
        "SECRET",
        "TOKEN",
        "KEY",
        "DSN",
        "_URL",
        "_URI",
        "PASS",
        "PWD",
        "CREDENTIAL",
        "PRIVATE",
    ]
    .iter()
    .any(|w| upper.contains(w))
}

pub fn view(vars: &ConfigVars, addon_vars: &[String]) -> Vec<ConfigVar> {
    vars.iter()
        .filter_map(|(name, value)| {
            value.as_ref().map(|v| ConfigVar {
                name: name.clone(),
                value: v.clone(),
                secret: is_secret(name),
                from_addon: addon_vars.iter().any(|a| a == name),
            })
        })
        .collect()
}

/// The app's settings with every secret value left empty: those reach the page only through
/// `reveal`, one at a time, when the researcher asks.
pub async fn list_hiding_secrets(
    client: &HerokuClient,
    app: &str,
) -> Result<Vec<ConfigVar>, HerokuError> {
    let (vars, addons) = tokio::try_join!(
        crate::heroku::config_vars::get(client, app),
        crate::heroku::addons::list(client, app)
    )?;
    let from_addons: Vec<String> = addons.into_iter().flat_map(|a| a.config_vars).collect();
    let mut shown = view(&vars, &from_addons);
    for s in shown.iter_mut().filter(|s| s.secret) {
        s.value.clear();
    }
    Ok(shown)
}

/// One setting's value, if the app has it.
pub async fn reveal(
    client: &HerokuClient,
    app: &str,
    name: &str,
) -> Result<Option<String>, HerokuError> {
    Ok(crate::heroku::config_vars::get(client, app)
        .await?
        .get(name)
        .cloned()
        .flatten())
}

/// A valid config var name: letters, digits and underscores, not starting with a digit.
pub fn valid_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

pub async fn set(
    client: &HerokuClient,
    app: &str,
    name: &str,
    value: &str,
) -> Result<ConfigVars, HerokuError> {
    crate::heroku::config_vars::update(client, app, &serde_json::json!({ name: value })).await
}

pub async fn remove(
    client: &HerokuClient,
    app: &str,
    name: &str,
) -> Result<ConfigVars, HerokuError> {
    crate::heroku::config_vars::update(client, app, &serde_json::json!({ name: null })).await
}

/// 24 characters from letters and digits that cannot be mistaken for one another, from the
/// operating system's random source.
pub fn strong_password() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    let mut bytes = [0u8; 64];
    getrandom::getrandom(&mut bytes).expect("the operating system gives random bytes");
    // Rejection sampling keeps every character equally likely.
    let limit = 256 - 256 % ALPHABET.len();
    bytes
        .iter()
        .filter(|b| (**b as usize) < limit)
        .take(24)
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_recognised() {
        for name in [
            "OTREE_ADMIN_PASSWORD",
            "OTREE_REST_KEY",
            "DATABASE_URL",
            "SENTRY_DSN",
            "PAPERTRAIL_API_TOKEN",
            "SECRET_KEY",
            "MONGODB_URI",
            "SMTP_PASS",
            "MAIL_PASSWD",
            "DB_PWD",
        ] {
            assert!(is_secret(name), "{name}");
        }
        for name in ["OTREE_PRODUCTION", "OTREE_AUTH_LEVEL", "WEB_CONCURRENCY"] {
            assert!(!is_secret(name), "{name}");
        }
    }

    #[test]
    fn names_and_passwords() {
        assert!(valid_name("OTREE_AUTH_LEVEL") && valid_name("_X1"));
        assert!(!valid_name("") && !valid_name("1A") && !valid_name("A-B") && !valid_name("A B"));
        let (a, b) = (strong_password(), strong_password());
        assert_eq!(a.len(), 24);
        assert_ne!(a, b);
        assert!(a
            .chars()
            .all(|c| c.is_ascii_alphanumeric() && !"0O1lI".contains(c)));
    }
}
