//! A new study from nothing: a Heroku app with Heroku Postgres, oTree's settings, the project
//! deployed with the Build API, one web dyno, and the study answering. Each step first looks
//! at what is already there, so "Try again" after a failure part-way finishes the job without
//! making anything twice (and never replaces an admin password already set).

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::deploy::{self, DeployError, DeployOptions, DeployProgress, Project};
use crate::error::ErrorCode;
use crate::heroku::{self, HerokuClient, HerokuError};
use crate::tr;

/// Heroku Postgres' smallest plan (Dev Center "Heroku Postgres Plans": Essential-0).
pub const DATABASE_PLAN: &str = "heroku-postgresql:essential-0";
/// Papertrail's free plan (Elements marketplace, "Choklad").
pub const PAPERTRAIL_PLAN: &str = "papertrail:choklad";
/// A Basic dyno's price, in cents a month (Dev Center "Dyno Types"; heroku.com/pricing). The
/// Platform API has no price for dyno sizes; add-on prices come from Heroku's plans.
pub const BASIC_DYNO_CENTS: i64 = 700;
/// Where Heroku asks for a payment method (Dev Center "Account Verification").
pub const BILLING_URL: &str = "https://dashboard.heroku.com/account/billing";

/// What the researcher chose (the page sends it as one object).
#[derive(Debug, Clone, Deserialize)]
pub struct NewStudy {
    pub name: String,
    /// `eu` or `us`.
    pub region: String,
    pub papertrail: bool,
    /// The Heroku Team that owns and pays for the app; `None` for the researcher's own.
    #[serde(default)]
    pub team: Option<String>,
}

/// The name as the researcher types it: can it be the new app's?
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NameCheck {
    /// free, yours, taken, invalid
    pub state: &'static str,
    pub message: String,
}

/// One line of the confirmation: what will be made and what it costs a month.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Cost {
    pub what: String,
    pub cents_per_month: i64,
}

/// What the step list and the build's output show while the study is made.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StudyProgress {
    /// app, database, papertrail, settings, deploy, start, answer
    Step {
        step: &'static str,
        /// running, done, failed
        state: &'static str,
        detail: String,
    },
    Upload {
        sent: u64,
        total: u64,
    },
    Output {
        line: String,
    },
}

impl From<DeployProgress> for StudyProgress {
    fn from(p: DeployProgress) -> Self {
        match p {
            DeployProgress::Upload { sent, total } => StudyProgress::Upload { sent, total },
            DeployProgress::Output { line } => StudyProgress::Output { line },
        }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CreatedStudy {
    pub app: String,
    pub web_url: Option<String>,
    /// The admin password Novaland made, shown once; `None` when one was set before (a retry).
    pub admin_password: Option<String>,
    pub build_output: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum NewStudyError {
    #[error("the name {name} is taken")]
    NameTaken { name: String },
    #[error("the account has reached its app limit")]
    AppLimit { message: String },
    /// A step failed after something was created; `created` says what exists now.
    #[error("step {step} failed: {error}")]
    PartWay {
        step: &'static str,
        created: Vec<String>,
        error: Box<StepError>,
    },
}

/// Why a step failed.
#[derive(Debug, thiserror::Error)]
pub enum StepError {
    #[error(transparent)]
    Heroku(#[from] HerokuError),
    #[error(transparent)]
    Deploy(#[from] DeployError),
    #[error("the database was not ready in time")]
    DatabaseTimeout,
    #[error("the study did not answer")]
    NotAnswering { url: String },
    #[error("cancelled")]
    Cancelled,
}

impl StepError {
    fn code(&self) -> ErrorCode {
        match self {
            StepError::Heroku(e) => e.code(),
            StepError::Deploy(e) => e.code(),
            StepError::DatabaseTimeout => ErrorCode::Timeout,
            StepError::NotAnswering { .. } => ErrorCode::StudyUnreachable,
            StepError::Cancelled => ErrorCode::Cancelled,
        }
    }

    fn plain(&self) -> String {
        match self {
            StepError::Heroku(e) => e.plain(),
            StepError::Deploy(e) => e.plain(),
            StepError::DatabaseTimeout => tr!("core-new-study-error-database-timeout"),
            StepError::NotAnswering { url } => {
                tr!("core-new-study-error-not-answering", url = url.as_str())
            }
            StepError::Cancelled => tr!("core-new-study-error-cancelled"),
        }
    }
}

impl NewStudyError {
    pub fn code(&self) -> ErrorCode {
        match self {
            NewStudyError::NameTaken { .. } => ErrorCode::NameTaken,
            NewStudyError::AppLimit { .. } => ErrorCode::AppLimit,
            NewStudyError::PartWay { error, .. } => error.code(),
        }
    }

    pub fn plain(&self) -> String {
        match self {
            NewStudyError::NameTaken { name } => {
                tr!("core-new-study-error-name-taken", name = name.as_str())
            }
            NewStudyError::AppLimit { message } => {
                tr!("core-new-study-error-app-limit", message = message.as_str())
            }
            NewStudyError::PartWay { error, created, .. } if created.is_empty() => tr!(
                "core-new-study-error-nothing-created",
                reason = error.plain()
            ),
            NewStudyError::PartWay {
                step,
                created,
                error,
            } => tr!(
                "core-new-study-error-part-way",
                reason = error.plain(),
                step = step_title(step),
                created = created.join(", ")
            ),
        }
    }

    /// Why the failed step failed, for its line in the step list.
    pub fn reason(&self) -> String {
        match self {
            NewStudyError::PartWay { error, .. } => error.plain(),
            other => other.plain(),
        }
    }

    /// What exists on Heroku now, for the page's list.
    pub fn created(&self) -> &[String] {
        match self {
            NewStudyError::PartWay { created, .. } => created,
            _ => &[],
        }
    }
}

crate::error::user_error!(NewStudyError);

/// The step's words in the step list.
pub fn step_title(step: &str) -> String {
    match step {
        "app" => tr!("core-new-study-step-app"),
        "database" => tr!("core-new-study-step-database"),
        "papertrail" => tr!("core-new-study-step-papertrail"),
        "settings" => tr!("core-new-study-step-settings"),
        "deploy" => tr!("core-new-study-step-deploy"),
        "start" => tr!("core-new-study-step-start"),
        "answer" => tr!("core-new-study-step-answer"),
        _ => tr!("core-new-study-step-other"),
    }
}

/// Heroku's refusal of the app's name or of one more app, which the researcher can fix:
/// 422 `invalid_params` "Name is already taken" (older) or "Name x is already taken", and
/// "You've reached your app limit of 100 apps. ..." (heroku/hatchet issue 90).
fn refusal(name: &str, e: HerokuError) -> Result<NewStudyError, HerokuError> {
    match &e {
        HerokuError::InvalidParams { message } if message.contains("already taken") => {
            Ok(NewStudyError::NameTaken { name: name.into() })
        }
        HerokuError::InvalidParams { message }
            if message.contains("app limit") || message.contains("limit of") =>
        {
            Ok(NewStudyError::AppLimit {
                message: message.clone(),
            })
        }
        _ => Err(e),
    }
}

/// Checks a name as it is typed: Heroku's rule, then whether it is free. An app of someone
/// else's answers 403 (exists, not yours), a free name 404; only creating it can be sure, and a
/// taken name found then is said the same way.
pub async fn check_name(client: &HerokuClient, name: &str) -> Result<NameCheck, HerokuError> {
    if !heroku::path::is_app_name(name) || name.len() == 36 {
        return Ok(NameCheck {
            state: "invalid",
            message: name_rule_problem(name),
        });
    }
    Ok(match heroku::apps::info(client, name).await {
        Ok(_) => NameCheck {
            state: "yours",
            message: tr!("core-new-study-name-yours", name = name),
        },
        Err(HerokuError::NotFound { .. }) => NameCheck {
            state: "free",
            message: tr!("core-new-study-name-free", name = name),
        },
        Err(HerokuError::Forbidden { .. }) => NameCheck {
            state: "taken",
            message: tr!("core-new-study-name-taken", name = name),
        },
        Err(e) => return Err(e),
    })
}

/// What is wrong with a name by Heroku's rule (schema `app.definitions.name.pattern`).
fn name_rule_problem(name: &str) -> String {
    let len = name.chars().count();
    if len < 3 {
        tr!("core-new-study-name-too-short")
    } else if len > 30 {
        tr!("core-new-study-name-too-long", count = len)
    } else if !name.starts_with(|c: char| c.is_ascii_lowercase()) {
        tr!("core-new-study-name-first-letter")
    } else if name.ends_with('-') {
        tr!("core-new-study-name-ends-with-dash")
    } else {
        tr!("core-new-study-name-characters")
    }
}

/// What the confirmation lists before anything is created: the dyno, the database (its price
/// from Heroku's plan list) and Papertrail's free plan when chosen.
pub async fn costs(client: &HerokuClient, papertrail: bool) -> Result<Vec<Cost>, HerokuError> {
    #[derive(serde::Deserialize)]
    struct Plan {
        name: String,
        price: heroku::models::Price,
    }
    let plans: Vec<Plan> = heroku::addons::plans(client, "heroku-postgresql").await?;
    let database = plans
        .iter()
        .find(|p| p.name == DATABASE_PLAN)
        .map(|p| p.price.cents)
        .unwrap_or(500);
    let mut costs = vec![
        Cost {
            what: tr!("core-new-study-cost-dyno"),
            cents_per_month: BASIC_DYNO_CENTS,
        },
        Cost {
            what: tr!("core-new-study-cost-database"),
            cents_per_month: database,
        },
    ];
    if papertrail {
        costs.push(Cost {
            what: tr!("core-new-study-cost-papertrail"),
            cents_per_month: 0,
        });
    }
    Ok(costs)
}

/// How long the steps may wait.
#[derive(Debug, Clone)]
pub struct StudyOptions {
    pub poll: Duration,
    pub database_timeout: Duration,
    pub answer_timeout: Duration,
    pub deploy: DeployOptions,
}

impl Default for StudyOptions {
    fn default() -> Self {
        StudyOptions {
            poll: Duration::from_secs(3),
            database_timeout: Duration::from_secs(300),
            answer_timeout: Duration::from_secs(180),
            deploy: DeployOptions::default(),
        }
    }
}

struct Run<'a> {
    client: &'a HerokuClient,
    app: String,
    created: Vec<String>,
    cancel: &'a AtomicBool,
}

impl Run<'_> {
    fn fail(&self, step: &'static str, error: impl Into<StepError>) -> NewStudyError {
        NewStudyError::PartWay {
            step,
            created: self.created.clone(),
            error: Box::new(error.into()),
        }
    }

    fn check_cancel(&self, step: &'static str) -> Result<(), NewStudyError> {
        if self.cancel.load(Ordering::SeqCst) {
            return Err(self.fail(step, StepError::Cancelled));
        }
        Ok(())
    }
}

/// Makes the study, step by step; `resume` is "Try again" after a failure part-way: the app
/// (already this account's) is kept and each step does only what is missing.
pub async fn create(
    client: &HerokuClient,
    study: &NewStudy,
    project: &Project,
    resume: bool,
    options: &StudyOptions,
    cancel: &AtomicBool,
    mut on_progress: impl FnMut(StudyProgress) + Send,
) -> Result<CreatedStudy, NewStudyError> {
    let report = |on: &mut (dyn FnMut(StudyProgress) + Send),
                  step: &'static str,
                  state: &'static str,
                  detail: String| {
        on(StudyProgress::Step {
            step,
            state,
            detail,
        })
    };
    let on = &mut on_progress as &mut (dyn FnMut(StudyProgress) + Send);
    let name = study.name.clone();

    // 1. The app.
    report(
        on,
        "app",
        "running",
        tr!(
            "core-new-study-step-app-running",
            name = name.as_str(),
            region = region_key(&study.region)
        ),
    );
    let existing = if resume {
        heroku::apps::info(client, &name).await.ok()
    } else {
        None
    };
    let app = match existing {
        Some(app) => app,
        None => {
            match heroku::apps::create(client, &name, &study.region, study.team.as_deref()).await {
                Ok(app) => app,
                Err(e) => {
                    report(on, "app", "failed", e.plain());
                    return Err(
                        refusal(&name, e).unwrap_or_else(|e| NewStudyError::PartWay {
                            step: "app",
                            created: vec![],
                            error: Box::new(e.into()),
                        }),
                    );
                }
            }
        }
    };
    let mut run = Run {
        client,
        app: app.name.clone(),
        created: vec![tr!("core-new-study-made-app", name = app.name.as_str())],
        cancel,
    };
    report(
        on,
        "app",
        "done",
        tr!(
            "core-new-study-step-app-done",
            name = app.name.as_str(),
            region = region_key(&app.region.name)
        ),
    );

    // 2. The database (and Papertrail).
    run.check_cancel("database")?;
    report(
        on,
        "database",
        "running",
        tr!("core-new-study-step-database-running"),
    );
    ensure_addon(
        &mut run,
        DATABASE_PLAN,
        tr!("core-new-study-made-database"),
        options,
    )
    .await
    .inspect_err(|e| report(on, "database", "failed", e.reason()))?;
    report(
        on,
        "database",
        "done",
        tr!("core-new-study-step-database-done"),
    );
    if study.papertrail {
        run.check_cancel("papertrail")?;
        report(on, "papertrail", "running", String::new());
        ensure_addon(
            &mut run,
            PAPERTRAIL_PLAN,
            tr!("core-new-study-made-papertrail"),
            options,
        )
        .await
        .inspect_err(|e| report(on, "papertrail", "failed", e.reason()))?;
        report(
            on,
            "papertrail",
            "done",
            tr!("core-new-study-step-papertrail-done"),
        );
    }

    // 3. oTree's settings.
    run.check_cancel("settings")?;
    report(on, "settings", "running", String::new());
    let admin_password = settings(&run)
        .await
        .map_err(|e| run.fail("settings", e))
        .inspect_err(|e| report(on, "settings", "failed", e.reason()))?;
    report(
        on,
        "settings",
        "done",
        tr!("core-new-study-step-settings-done"),
    );

    // 4. The project.
    run.check_cancel("deploy")?;
    report(
        on,
        "deploy",
        "running",
        tr!(
            "core-new-study-step-deploy-running",
            project = project.report.name.as_str(),
            count = project.report.files
        ),
    );
    let deployed = deploy::deploy(client, &run.app, project, &options.deploy, cancel, |p| {
        on(p.into())
    })
    .await
    .map_err(|e| run.fail("deploy", e))
    .inspect_err(|e| report(on, "deploy", "failed", e.reason()))?;
    run.created.push(tr!("core-new-study-made-deploy"));
    report(on, "deploy", "done", tr!("core-new-study-step-deploy-done"));

    // 5. One Basic web dyno.
    run.check_cancel("start")?;
    report(on, "start", "running", String::new());
    heroku::formation::update(
        client,
        &run.app,
        "web",
        &json!({ "quantity": 1, "size": "basic" }),
    )
    .await
    .map_err(|e| run.fail("start", e))
    .inspect_err(|e| report(on, "start", "failed", e.reason()))?;
    report(on, "start", "done", tr!("core-new-study-step-start-done"));

    // 6. The study answers.
    // Heroku names the address when it creates the app (the app's answer above).
    let web_url = app.web_url.clone();
    if let Some(url) = &web_url {
        report(on, "answer", "running", url.clone());
        wait_answering(url, options, cancel)
            .await
            .map_err(|e| run.fail("answer", e))
            .inspect_err(|e| report(on, "answer", "failed", e.reason()))?;
        report(
            on,
            "answer",
            "done",
            tr!("core-new-study-step-answer-done", url = url.as_str()),
        );
    }
    Ok(CreatedStudy {
        app: run.app,
        web_url,
        admin_password,
        build_output: deployed.output,
    })
}

/// The region as the messages choose their words: `eu`, `us` or `other`.
fn region_key(region: &str) -> &'static str {
    match region {
        "eu" => "eu",
        "us" => "us",
        _ => "other",
    }
}

/// Adds the plan unless the app has its service already, then waits until it is provisioned.
async fn ensure_addon(
    run: &mut Run<'_>,
    plan: &str,
    words: String,
    options: &StudyOptions,
) -> Result<(), NewStudyError> {
    let step = if plan == DATABASE_PLAN {
        "database"
    } else {
        "papertrail"
    };
    let service = plan.split(':').next().unwrap_or(plan);
    let addons = heroku::addons::list(run.client, &run.app)
        .await
        .map_err(|e| run.fail(step, e))?;
    let addon = match addons.into_iter().find(|a| a.addon_service.name == service) {
        Some(a) => a,
        None => heroku::addons::create(run.client, &run.app, &json!({ "plan": plan }))
            .await
            .map_err(|e| run.fail(step, e))?,
    };
    run.created.push(words);
    let started = tokio::time::Instant::now();
    let mut state = addon.state.clone();
    while state != "provisioned" {
        run.check_cancel(step)?;
        if started.elapsed() > options.database_timeout {
            return Err(run.fail(step, StepError::DatabaseTimeout));
        }
        tokio::time::sleep(options.poll).await;
        state = heroku::addons::info(run.client, &run.app, &addon.id)
            .await
            .map_err(|e| run.fail(step, e))?
            .state;
    }
    Ok(())
}

/// Sets what oTree needs in production; keeps an admin password and REST key already set.
async fn settings(run: &Run<'_>) -> Result<Option<String>, HerokuError> {
    let vars = heroku::config_vars::get(run.client, &run.app).await?;
    let mut changes = json!({ "OTREE_PRODUCTION": "1", "OTREE_AUTH_LEVEL": "STUDY" });
    let mut password = None;
    if !vars.contains_key("OTREE_ADMIN_PASSWORD") {
        let p = crate::resources::config_vars::strong_password();
        changes["OTREE_ADMIN_PASSWORD"] = json!(p);
        password = Some(p);
    }
    if !vars.contains_key("OTREE_REST_KEY") {
        changes["OTREE_REST_KEY"] = json!(crate::resources::config_vars::strong_password());
    }
    heroku::config_vars::update(run.client, &run.app, &changes).await?;
    Ok(password)
}

/// Waits until the study's address answers with anything but a server error.
async fn wait_answering(
    url: &str,
    options: &StudyOptions,
    cancel: &AtomicBool,
) -> Result<(), StepError> {
    let parsed = url::Url::parse(url).map_err(|_| StepError::NotAnswering { url: url.into() })?;
    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|_| StepError::NotAnswering { url: url.into() })?;
    let started = tokio::time::Instant::now();
    loop {
        if cancel.load(Ordering::SeqCst) {
            return Err(StepError::Cancelled);
        }
        if let Ok(a) = http.get(parsed.clone()).send().await {
            if a.status().as_u16() < 500 {
                return Ok(());
            }
        }
        if started.elapsed() > options.answer_timeout {
            return Err(StepError::NotAnswering { url: url.into() });
        }
        tokio::time::sleep(options.poll).await;
    }
}
