//! Deploying an oTree project to a Heroku app without Git: check the project, pack it, and
//! build it with Heroku's Build API (the way Heroku's own Dashboard integrations deploy).

pub mod build;
pub mod checks;
pub mod project;

pub use build::{deploy, DeployError, DeployOptions, DeployProgress, Deployed};
pub use checks::{before_deploy, DeployCheck};
pub use project::{example, inspect, Project, ProjectError, ProjectReport, EXAMPLE_NAME};
