//! Stable identifiers: the same scenario always yields the same ids, so tests can name them.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

/// A UUID-shaped id derived from a kind and a name.
pub fn fake_uuid(kind: &str, name: &str) -> String {
    let part = |salt: u8| {
        let mut h = DefaultHasher::new();
        (salt, kind, name).hash(&mut h);
        h.finish()
    };
    let hex = format!("{:016x}{:016x}", part(1), part(2));
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// Now as Heroku writes times (`2026-11-29T09:15:00Z`), for things the simulator creates.
pub fn now_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (date, rest) = civil(secs as i64);
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// Milliseconds since 1970.
pub(crate) fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// A log line's time as Heroku writes it (`2024-10-17T22:23:22.209776+00:00`): `at_ms` plus
/// `micros` (0-999) so lines of one millisecond stay distinct.
pub fn stamp_micros(at_ms: i64, micros: u64) -> String {
    let (date, rest) = civil(at_ms.div_euclid(1000));
    format!(
        "{date}T{:02}:{:02}:{:02}.{:03}{:03}+00:00",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        at_ms.rem_euclid(1000),
        micros % 1000
    )
}

/// `YYYY-MM-DD` and the seconds into that day, from seconds since 1970 (Howard Hinnant's
/// civil-from-days algorithm).
fn civil(secs: i64) -> (String, i64) {
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (format!("{year:04}-{month:02}-{day:02}"), rest)
}

/// A time as the Data API writes it in transfers, `2016-10-01 00:42:54 +0000` (heroku/cli
/// `test/unit/commands/pg/backups/index.unit.test.ts`, and `heroku pg:backups` prints the field
/// as it comes), from the scenario's RFC 3339 `2016-10-01T00:42:54Z`.
pub fn data_api_time(rfc3339: &str) -> String {
    match rfc3339.strip_suffix('Z').and_then(|t| t.split_once('T')) {
        Some((date, time)) => format!("{date} {} +0000", &time[..time.len().min(8)]),
        None => rfc3339.to_string(),
    }
}

/// Heroku's rule for app names (schema `app.definitions.name.pattern`,
/// `^[a-z][a-z0-9-]{1,28}[a-z0-9]$`).
pub(crate) fn is_app_name(name: &str) -> bool {
    let b = name.as_bytes();
    (3..=30).contains(&b.len())
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[b.len() - 1] != b'-'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(fake_uuid("app", "a"), fake_uuid("app", "a"));
        assert_ne!(fake_uuid("app", "a"), fake_uuid("dyno", "a"));
        assert_eq!(fake_uuid("app", "a").len(), 36);
    }
}
