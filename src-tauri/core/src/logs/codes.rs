//! Heroku's error codes in the words of someone running an experiment: what happened to the
//! participants, and what to do. Where Novaland can do it, the explanation names the action
//! (the screen shows it as a button).

use std::collections::BTreeSet;
use std::sync::{Mutex, PoisonError};

use serde::Serialize;

/// What a button next to the explanation does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Scale the web process to one dyno (H14).
    StartWebDyno,
    /// Open the Metrics screen's memory chart (R14, R15).
    ShowMemory,
    /// Show the error that crashed the app (H10): the latest traceback in the log.
    ShowCrash,
    /// Restart the app's dynos (R10, H20, H13, H18).
    Restart,
    /// Turn maintenance mode off (H80).
    EndMaintenance,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Explanation {
    pub code: String,
    /// In the language in effect when the line arrived (see [`keep`]).
    pub title: &'static str,
    /// One line: what it means for the study and what to do.
    pub plain: &'static str,
    pub action: Option<Action>,
}

/// Every code with its own explanation, in the order of Heroku's "Error Codes" page.
const KNOWN: &[&str] = &[
    "H10", "H11", "H12", "H13", "H14", "H15", "H18", "H19", "H20", "H21", "H27", "H80", "H81",
    "H82", "H99", "R10", "R12", "R13", "R14", "R15", "R16", "R17", "L10", "L11", "L12", "L13",
    "L14",
];

/// A code's title, explanation and button in the language in effect; `None` for a code
/// without its own explanation.
fn words(code: &str) -> Option<(String, String, Option<Action>)> {
    Some(match code {
        "H10" => (
            crate::tr!("code-h10-title"),
            crate::tr!("code-h10-explanation"),
            Some(Action::ShowCrash),
        ),
        "H11" => (
            crate::tr!("code-h11-title"),
            crate::tr!("code-h11-explanation"),
            None,
        ),
        "H12" => (
            crate::tr!("code-h12-title"),
            crate::tr!("code-h12-explanation"),
            None,
        ),
        "H13" => (
            crate::tr!("code-h13-title"),
            crate::tr!("code-h13-explanation"),
            Some(Action::Restart),
        ),
        "H14" => (
            crate::tr!("code-h14-title"),
            crate::tr!("code-h14-explanation"),
            Some(Action::StartWebDyno),
        ),
        "H15" => (
            crate::tr!("code-h15-title"),
            crate::tr!("code-h15-explanation"),
            None,
        ),
        "H18" => (
            crate::tr!("code-h18-title"),
            crate::tr!("code-h18-explanation"),
            Some(Action::Restart),
        ),
        "H19" => (
            crate::tr!("code-h19-title"),
            crate::tr!("code-h19-explanation"),
            None,
        ),
        "H20" => (
            crate::tr!("code-h20-title"),
            crate::tr!("code-h20-explanation"),
            Some(Action::Restart),
        ),
        "H21" => (
            crate::tr!("code-h21-title"),
            crate::tr!("code-h21-explanation"),
            None,
        ),
        "H27" => (
            crate::tr!("code-h27-title"),
            crate::tr!("code-h27-explanation"),
            None,
        ),
        "H80" => (
            crate::tr!("code-h80-title"),
            crate::tr!("code-h80-explanation"),
            Some(Action::EndMaintenance),
        ),
        "H81" => (
            crate::tr!("code-h81-title"),
            crate::tr!("code-h81-explanation"),
            None,
        ),
        "H82" => (
            crate::tr!("code-h82-title"),
            crate::tr!("code-h82-explanation"),
            None,
        ),
        "H99" => (
            crate::tr!("code-h99-title"),
            crate::tr!("code-h99-explanation"),
            None,
        ),
        "R10" => (
            crate::tr!("code-r10-title"),
            crate::tr!("code-r10-explanation"),
            Some(Action::Restart),
        ),
        "R12" => (
            crate::tr!("code-r12-title"),
            crate::tr!("code-r12-explanation"),
            None,
        ),
        "R13" => (
            crate::tr!("code-r13-title"),
            crate::tr!("code-r13-explanation"),
            None,
        ),
        "R14" => (
            crate::tr!("code-r14-title"),
            crate::tr!("code-r14-explanation"),
            Some(Action::ShowMemory),
        ),
        "R15" => (
            crate::tr!("code-r15-title"),
            crate::tr!("code-r15-explanation"),
            Some(Action::ShowMemory),
        ),
        "R16" => (
            crate::tr!("code-r16-title"),
            crate::tr!("code-r16-explanation"),
            None,
        ),
        "R17" => (
            crate::tr!("code-r17-title"),
            crate::tr!("code-r17-explanation"),
            None,
        ),
        "L10" => (
            crate::tr!("code-l10-title"),
            crate::tr!("code-l10-explanation"),
            None,
        ),
        "L11" => (
            crate::tr!("code-l11-title"),
            crate::tr!("code-l11-explanation"),
            None,
        ),
        "L12" => (
            crate::tr!("code-l12-title"),
            crate::tr!("code-l12-explanation"),
            None,
        ),
        "L13" => (
            crate::tr!("code-l13-title"),
            crate::tr!("code-l13-explanation"),
            None,
        ),
        "L14" => (
            crate::tr!("code-l14-title"),
            crate::tr!("code-l14-explanation"),
            None,
        ),
        _ => return None,
    })
}

/// The explanation for `code`; codes Heroku adds later get a general one.
pub fn explain(code: &str) -> Explanation {
    let (title, plain, action) = words(code).unwrap_or_else(|| {
        (
            crate::tr!("code-other-title"),
            crate::tr!("code-other-explanation"),
            None,
        )
    });
    Explanation {
        code: code.to_string(),
        title: keep(title),
        plain: keep(plain),
        action,
    }
}

/// One copy of each text, shared: every log line with a code carries its explanation and the
/// store keeps 100,000 lines, so an entry points at the text instead of holding its own. The
/// texts are the codes' words in each language, a few dozen at most, kept for the whole run.
fn keep(text: String) -> &'static str {
    static KEPT: Mutex<BTreeSet<&'static str>> = Mutex::new(BTreeSet::new());
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(known) = kept.get(text.as_str()) {
        return known;
    }
    let text: &'static str = Box::leak(text.into_boxed_str());
    kept.insert(text);
    text
}

/// Every code with its own explanation (for tests and the help page).
pub fn known_codes() -> impl Iterator<Item = &'static str> {
    KNOWN.iter().copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_known_code_has_its_own_words_and_texts_are_kept_once() {
        for code in KNOWN {
            assert!(words(code).is_some(), "{code}");
        }
        assert!(words("H42").is_none());
        let (a, b) = (explain("H12"), explain("H12"));
        assert!(std::ptr::eq(a.plain, b.plain));
    }
}
