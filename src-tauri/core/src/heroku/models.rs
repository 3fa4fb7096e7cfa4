//! The parts of Heroku's resources that Novaland reads. Unknown fields are ignored, so
//! Heroku adding a field never breaks the app; a missing required field is a decode error.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct NamedRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Account {
    pub id: String,
    pub email: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Owner {
    pub id: String,
    pub email: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct App {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub web_url: Option<String>,
    pub region: NamedRef,
    pub stack: NamedRef,
    #[serde(default)]
    pub team: Option<NamedRef>,
    pub owner: Owner,
    #[serde(default)]
    pub maintenance: bool,
    #[serde(default)]
    pub released_at: Option<String>,
    pub created_at: String,
    #[serde(default)]
    pub generation: Option<NamedRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Formation {
    pub id: String,
    #[serde(rename = "type")]
    pub process_type: String,
    pub quantity: i64,
    pub size: String,
    #[serde(default)]
    pub command: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Dyno {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub process_type: String,
    /// crashed, down, idle, starting, up (and restarting, seen in practice).
    pub state: String,
    pub size: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Price {
    pub cents: i64,
    pub unit: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct AddOn {
    pub id: String,
    pub name: String,
    pub addon_service: NamedRef,
    pub plan: NamedRef,
    /// provisioning, provisioned, deprovisioned.
    pub state: String,
    #[serde(default)]
    pub billed_price: Option<Price>,
    #[serde(default)]
    pub config_vars: Vec<String>,
    #[serde(default)]
    pub web_url: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct UserRef {
    pub id: String,
    pub email: String,
}

/// A Heroku Team the account is in (schema `team`): it owns and pays for its apps.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Team {
    pub id: String,
    pub name: String,
    /// admin, member, collaborator, owner, or none.
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Collaborator {
    pub id: String,
    #[serde(default)]
    pub role: Option<String>,
    pub user: UserRef,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Release {
    pub id: String,
    pub version: i64,
    pub description: String,
    /// failed, pending, succeeded, expired.
    pub status: String,
    pub created_at: String,
    pub user: UserRef,
    #[serde(default)]
    pub current: bool,
}

/// Config vars: name to value. Heroku sends strings; `null` appears only to remove one.
pub type ConfigVars = BTreeMap<String, Option<String>>;

/// `POST /apps/{app}/sources`: where to upload the source and where the build reads it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Source {
    pub source_blob: SourceBlob,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SourceBlob {
    pub get_url: String,
    pub put_url: String,
}

/// A build (schema `build`): `status` is pending, succeeded or failed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Build {
    pub id: String,
    pub status: String,
    /// Where the buildpack's output streams; the schema allows it to be missing.
    #[serde(default)]
    pub output_stream_url: Option<String>,
    #[serde(default)]
    pub release: Option<IdRef>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IdRef {
    pub id: String,
}
