//! Heroku Postgres' Data API (api.data.heroku.com), served from the simulator's own address.

pub(crate) mod databases;
pub(crate) mod transfers;
