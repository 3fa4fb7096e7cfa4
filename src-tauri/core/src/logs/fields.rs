//! `key=value` pairs as Heroku's router and runtime metrics write them; a value may be quoted
//! and then holds spaces (`desc="Request timeout"`). Words without `=` are skipped.

/// The pairs of `message`, in order, quotes removed.
pub fn fields(message: &str) -> Fields<'_> {
    Fields { rest: message }
}

/// The first value for `key`.
pub fn field<'a>(message: &'a str, key: &str) -> Option<&'a str> {
    fields(message).find(|(k, _)| *k == key).map(|(_, v)| v)
}

pub struct Fields<'a> {
    rest: &'a str,
}

impl<'a> Iterator for Fields<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rest = self.rest.trim_start_matches(' ');
            if rest.is_empty() {
                self.rest = rest;
                return None;
            }
            let word_end = rest.find([' ', '=']).unwrap_or(rest.len());
            if rest.as_bytes().get(word_end) != Some(&b'=') {
                // A word without a value.
                self.rest = &rest[word_end..];
                continue;
            }
            let key = &rest[..word_end];
            let after = &rest[word_end + 1..];
            let (value, remaining) = if let Some(quoted) = after.strip_prefix('"') {
                match quoted.find('"') {
                    Some(end) => (&quoted[..end], &quoted[end + 1..]),
                    // An unclosed quote: the rest of the line is the value.
                    None => (quoted, ""),
                }
            } else {
                let end = after.find(' ').unwrap_or(after.len());
                (&after[..end], &after[end..])
            };
            self.rest = remaining;
            if key.is_empty() {
                continue;
            }
            return Some((key, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_values_with_spaces() {
        let m =
            r#"at=error code=H12 desc="Request timeout" method=GET path="/p/a b" fwd="1.2.3.4""#;
        assert_eq!(field(m, "desc"), Some("Request timeout"));
        assert_eq!(field(m, "path"), Some("/p/a b"));
        assert_eq!(field(m, "fwd"), Some("1.2.3.4"));
        assert_eq!(field(m, "code"), Some("H12"));
        assert_eq!(field(m, "status"), None);
    }

    #[test]
    fn survives_odd_input() {
        assert_eq!(fields("").count(), 0);
        assert_eq!(fields("no pairs here").count(), 0);
        assert_eq!(field("a= b=2", "a"), Some(""));
        assert_eq!(field("=x b=2", "b"), Some("2"));
        assert_eq!(field(r#"desc="never closed"#, "desc"), Some("never closed"));
        assert_eq!(field("k=v=w", "k"), Some("v=w"));
    }
}
