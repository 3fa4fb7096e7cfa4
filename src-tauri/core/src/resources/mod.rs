//! The Resources screen's engine: the add-on marketplace and the app's add-ons, dynos with
//! sizes and costs, settings (config vars) with oTree's presets, collaborators, releases.

pub mod addons;
pub mod collaborators;
pub mod config_vars;
pub mod formation;
pub mod releases;
