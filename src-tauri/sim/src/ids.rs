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
