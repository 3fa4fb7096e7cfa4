//! The Postgres screen, one module per card.

pub mod backups;
pub mod health;
pub mod participant_data;
pub mod reset;
pub mod tables;
