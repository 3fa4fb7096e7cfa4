//! The Overview of a study's app: everything the Heroku Dashboard's first page shows,
//! fetched with all requests at once, and the app's status derived from its dynos.

use serde::Serialize;

use crate::heroku::models::{AddOn, App, Collaborator, Dyno, Formation, Release};
use crate::heroku::{self, HerokuClient, HerokuError};

/// The study's server as the Dashboard would describe it. The app object has no status:
/// it is derived from the web dynos' states.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum AppStatus {
    Running,
    Crashed,
    Idle,
    Starting,
    NoWebDyno,
}

impl AppStatus {
    pub fn plain(self) -> String {
        match self {
            AppStatus::Running => crate::tr!("core-overview-status-running"),
            AppStatus::Crashed => crate::tr!("core-overview-status-crashed"),
            AppStatus::Idle => crate::tr!("core-overview-status-idle"),
            AppStatus::Starting => crate::tr!("core-overview-status-starting"),
            AppStatus::NoWebDyno => crate::tr!("core-overview-status-no-web-dyno"),
        }
    }
}

/// Derives the status from the web formation and dynos, as the Dashboard does.
pub fn derive_status(formation: &[Formation], dynos: &[Dyno]) -> AppStatus {
    let web_wanted = formation
        .iter()
        .filter(|f| f.process_type == "web")
        .map(|f| f.quantity)
        .sum::<i64>();
    let web: Vec<&Dyno> = dynos.iter().filter(|d| d.process_type == "web").collect();
    if web_wanted == 0 && web.is_empty() {
        return AppStatus::NoWebDyno;
    }
    let any = |states: &[&str]| web.iter().any(|d| states.contains(&d.state.as_str()));
    if any(&["crashed", "down"]) {
        AppStatus::Crashed
    } else if web.is_empty() || any(&["starting", "restarting"]) {
        AppStatus::Starting
    } else if web.iter().all(|d| d.state == "idle") {
        AppStatus::Idle
    } else {
        AppStatus::Running
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DynoLine {
    pub name: String,
    pub state: String,
}

/// One process type: what was asked for and what runs.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProcessGroup {
    pub process_type: String,
    pub size: String,
    pub quantity: i64,
    pub command: Option<String>,
    pub dynos: Vec<DynoLine>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AddonLine {
    pub name: String,
    pub service: String,
    pub plan: String,
    pub state: String,
    pub price_cents_per_month: Option<i64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CollaboratorLine {
    pub email: String,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ReleaseLine {
    pub version: i64,
    pub description: String,
    pub user: String,
    pub created_at: String,
    pub status: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Overview {
    pub name: String,
    pub web_url: Option<String>,
    pub region: String,
    pub stack: String,
    pub team: Option<String>,
    pub owner: String,
    pub maintenance: bool,
    pub status: AppStatus,
    pub status_text: String,
    pub processes: Vec<ProcessGroup>,
    pub addons: Vec<AddonLine>,
    pub collaborators: Vec<CollaboratorLine>,
    pub last_release: Option<ReleaseLine>,
}

/// Fetches the overview: six requests in flight together, so it costs one round trip.
pub async fn fetch(client: &HerokuClient, app: &str) -> Result<Overview, HerokuError> {
    let (info, formation, dynos, addons, collaborators, newest) = tokio::try_join!(
        heroku::apps::info(client, app),
        heroku::formation::list(client, app),
        heroku::dynos::list(client, app),
        heroku::addons::list(client, app),
        heroku::collaborators::list(client, app),
        heroku::releases::newest(client, app, 1),
    )?;
    Ok(assemble(
        info,
        formation,
        dynos,
        addons,
        collaborators,
        newest.into_iter().next(),
    ))
}

/// Puts the fetched parts together; pure, so it is tested without a server.
pub fn assemble(
    app: App,
    formation: Vec<Formation>,
    dynos: Vec<Dyno>,
    addons: Vec<AddOn>,
    collaborators: Vec<Collaborator>,
    newest: Option<Release>,
) -> Overview {
    let status = derive_status(&formation, &dynos);
    let mut processes: Vec<ProcessGroup> = formation
        .iter()
        .map(|f| ProcessGroup {
            process_type: f.process_type.clone(),
            size: f.size.clone(),
            quantity: f.quantity,
            command: f.command.clone(),
            dynos: dynos
                .iter()
                .filter(|d| d.process_type == f.process_type)
                .map(|d| DynoLine {
                    name: d.name.clone(),
                    state: d.state.clone(),
                })
                .collect(),
        })
        .collect();
    // web first: it is the one participants reach.
    processes.sort_by_key(|p| (p.process_type != "web", p.process_type.clone()));
    Overview {
        name: app.name,
        web_url: app.web_url,
        region: app.region.name,
        stack: app.stack.name,
        team: app.team.map(|t| t.name),
        owner: app.owner.email,
        maintenance: app.maintenance,
        status,
        status_text: status.plain(),
        processes,
        addons: addons
            .into_iter()
            .map(|a| AddonLine {
                name: a.name,
                service: a.addon_service.name,
                plan: a.plan.name,
                state: a.state,
                price_cents_per_month: a.billed_price.map(|p| p.cents),
            })
            .collect(),
        collaborators: collaborators
            .into_iter()
            .map(|c| CollaboratorLine {
                email: c.user.email,
                role: c.role,
            })
            .collect(),
        last_release: newest.map(|r| ReleaseLine {
            version: r.version,
            description: r.description,
            user: r.user.email,
            created_at: r.created_at,
            status: r.status,
        }),
    }
}

/// One app in the picker.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AppChoice {
    pub name: String,
    pub team: Option<String>,
    pub region: String,
    pub web_url: Option<String>,
    pub released_at: Option<String>,
}

/// The study's address to open in the browser, fresh from Heroku; https only (participants
/// and the researcher's browser must never be sent to a plain-http address Heroku did not give).
pub async fn study_address(client: &HerokuClient, app: &str) -> Result<String, HerokuError> {
    let info = heroku::apps::info(client, app).await?;
    info.web_url
        .filter(|u| u.starts_with("https://"))
        .ok_or_else(|| HerokuError::NotFound {
            message: crate::tr!("core-overview-no-https-address"),
        })
}

/// Every app the account can reach, personal and team apps, newest release first.
pub async fn list_apps(client: &HerokuClient) -> Result<Vec<AppChoice>, HerokuError> {
    let mut apps: Vec<AppChoice> = heroku::apps::list(client)
        .await?
        .into_iter()
        .map(|a| AppChoice {
            name: a.name,
            team: a.team.map(|t| t.name),
            region: a.region.name,
            web_url: a.web_url,
            released_at: a.released_at,
        })
        .collect();
    apps.sort_by(|a, b| b.released_at.cmp(&a.released_at).then(a.name.cmp(&b.name)));
    Ok(apps)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(t: &str, q: i64) -> Formation {
        Formation {
            id: t.into(),
            process_type: t.into(),
            quantity: q,
            size: "Basic".into(),
            command: None,
        }
    }
    fn dyno(name: &str, state: &str) -> Dyno {
        Dyno {
            id: name.into(),
            name: name.into(),
            process_type: name.split('.').next().unwrap().into(),
            state: state.into(),
            size: "Basic".into(),
            updated_at: String::new(),
        }
    }

    #[test]
    fn status_follows_the_web_dynos() {
        let web1 = [form("web", 1), form("worker", 1)];
        assert_eq!(
            derive_status(&web1, &[dyno("web.1", "up"), dyno("worker.1", "crashed")]),
            AppStatus::Running
        );
        assert_eq!(
            derive_status(&web1, &[dyno("web.1", "crashed")]),
            AppStatus::Crashed
        );
        assert_eq!(
            derive_status(&web1, &[dyno("web.1", "down")]),
            AppStatus::Crashed
        );
        assert_eq!(
            derive_status(&web1, &[dyno("web.1", "idle")]),
            AppStatus::Idle
        );
        assert_eq!(
            derive_status(&web1, &[dyno("web.1", "starting")]),
            AppStatus::Starting
        );
        assert_eq!(derive_status(&web1, &[]), AppStatus::Starting);
        assert_eq!(derive_status(&[form("web", 0)], &[]), AppStatus::NoWebDyno);
        assert_eq!(
            derive_status(&[], &[dyno("worker.1", "up")]),
            AppStatus::NoWebDyno
        );
        let two = [form("web", 2)];
        assert_eq!(
            derive_status(&two, &[dyno("web.1", "up"), dyno("web.2", "idle")]),
            AppStatus::Running
        );
        assert_eq!(
            derive_status(&two, &[dyno("web.1", "up"), dyno("web.2", "crashed")]),
            AppStatus::Crashed
        );
    }
}
