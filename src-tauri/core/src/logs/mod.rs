//! The Logs screen's engine: reading Heroku's log lines, explaining error codes, grouping
//! errors, keeping a bounded ring of lines to filter and search, and following the live log.

pub mod alerts;
pub mod codes;
pub mod entry;
pub mod errors;
pub mod fields;
pub mod line;
pub mod save;
pub mod store;
pub mod stream;

pub use alerts::{Alert, Alerts};
pub use codes::{explain, Action, Explanation};
pub use entry::{LogEntry, Traceback};
pub use errors::{ErrorGroup, ErrorGroups};
pub use line::{parse, Level, LogLine, Request, Sample, Source};
pub use store::{Filter, LogStore};
pub use stream::{follow, follow_alerting, FollowOptions, LogEvent};
