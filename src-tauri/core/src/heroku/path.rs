//! How every Heroku path is built: the app's name checked against Heroku's rule, every segment
//! percent-encoded. Only the endpoint modules beside this one call it, so a name from the page
//! (`victim?`, `../account`) can never change which resource a request reaches.

use super::HerokuError;

/// Heroku's rule for app names (schema: `app.definitions.name.pattern`,
/// `^[a-z][a-z0-9-]{1,28}[a-z0-9]$`); an app may also be named by its id (a UUID).
pub fn is_app_name(name: &str) -> bool {
    let b = name.as_bytes();
    let name_rule = (3..=30).contains(&b.len())
        && b[0].is_ascii_lowercase()
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[b.len() - 1] != b'-';
    name_rule || is_uuid(name)
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36
        && s.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// Refuses a name that is not a Heroku app name, in plain words.
pub fn check_app_name(name: &str) -> Result<(), HerokuError> {
    if is_app_name(name) {
        Ok(())
    } else {
        Err(HerokuError::BadName {
            name: name.chars().take(60).collect(),
        })
    }
}

/// One path segment, percent-encoded: everything but letters, digits, `-`, `_` and `.`.
pub fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'_' => out.push(b as char),
            // A lone "." or ".." would walk up the path.
            b'.' if s != "." && s != ".." => out.push('.'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `apps/{app}` for a checked app name.
pub(crate) fn app(app: &str) -> Result<String, HerokuError> {
    check_app_name(app)?;
    Ok(format!("apps/{}", segment(app)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_names_follow_herokus_rule() {
        for ok in [
            "novaland-study",
            "abc",
            "a1-2",
            "01234567-89ab-cdef-0123-456789abcdef",
        ] {
            assert!(is_app_name(ok), "{ok}");
        }
        for bad in [
            "victim?",
            "victim/../x",
            "Upper",
            "ab",
            "-abc",
            "abc-",
            "a b c",
            "",
            "x".repeat(31).as_str(),
            "%2e%2e",
        ] {
            assert!(!is_app_name(bad), "{bad}");
        }
        assert!(matches!(app("victim?"), Err(HerokuError::BadName { .. })));
        assert_eq!(app("novaland-study").unwrap(), "apps/novaland-study");
    }

    #[test]
    fn segments_are_encoded() {
        assert_eq!(segment("a@b.example"), "a%40b.example");
        assert_eq!(segment("x?y#z/w"), "x%3Fy%23z%2Fw");
        assert_eq!(segment(".."), "%2E%2E");
        assert_eq!(segment("web.1"), "web.1");
        assert_eq!(segment("ü"), "%C3%BC");
        assert_eq!(segment("novaland-study"), "novaland-study");
        assert_eq!(segment("../account"), "..%2Faccount");
        assert_eq!(segment("a b"), "a%20b");
    }
}
