//! Heroku's error codes in the words of someone running an experiment: what happened to the
//! participants, and what to do. Where Novaland can do it, the explanation names the action
//! (the screen shows it as a button).

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
    pub title: &'static str,
    /// One line: what it means for the study and what to do.
    pub plain: &'static str,
    pub action: Option<Action>,
}

const KNOWN: &[(&str, &str, &str, Option<Action>)] = &[
    ("H10", "App crashed", "The study's server crashed, so participants see an error page. The error that crashed it is usually just before this line.", Some(Action::ShowCrash)),
    ("H11", "Backlog too deep", "Too many participants at once: requests waited too long in line. Use a bigger dyno or spread the session starts.", None),
    ("H12", "Request timeout", "A page took more than 30 seconds and the participant got an error. Usually slow code in a page (or the database); if it repeats, look at the traceback or use a bigger dyno.", None),
    ("H13", "Connection closed without response", "The server dropped a request without answering, often because it ran out of memory or restarted. A restart usually helps.", Some(Action::Restart)),
    ("H14", "No web dynos running", "No web dyno is running, so nobody can open the study. Start one web dyno.", Some(Action::StartWebDyno)),
    ("H15", "Idle connection", "A connection sat idle for 55 seconds and was closed. Harmless for most studies.", None),
    ("H18", "Server request interrupted", "The server ended a request early, often while restarting. If it repeats, restart the app.", Some(Action::Restart)),
    ("H19", "Backend connection timeout", "The server was too busy to accept a request in 5 seconds. Use a bigger dyno or fewer participants at once.", None),
    ("H20", "App boot timeout", "The server took more than 75 seconds to start. Restart it; if it repeats, the log just before tells why.", Some(Action::Restart)),
    ("H21", "Backend connection refused", "The server refused a connection, usually while it restarts.", None),
    ("H27", "Client request interrupted", "A participant closed the page or lost their connection before it loaded. Harmless.", None),
    ("H80", "Maintenance mode", "The app is in maintenance mode, so participants see Heroku's maintenance page. Turn maintenance off to let them in.", Some(Action::EndMaintenance)),
    ("H81", "Blank app", "Nothing has been deployed to this app yet.", None),
    ("H82", "Eco dyno hours used up", "The account's free Eco hours for this month are used up, so the study is asleep. Change the dyno to Basic, or wait for next month.", None),
    ("H99", "Platform error", "Heroku itself had a problem, not your study. Check status.heroku.com.", None),
    ("R10", "Boot timeout", "The server did not start listening within 60 seconds and was stopped. Restart it; if it repeats, the log just before tells why.", Some(Action::Restart)),
    ("R12", "Exit timeout", "A dyno did not stop within 30 seconds after being asked and was killed. Usually harmless.", None),
    ("R13", "Attach error", "A one-off command could not connect. Try it again.", None),
    ("R14", "Memory quota exceeded", "The server uses more memory than its dyno has and is slowing down. See memory on the Metrics screen; use a bigger dyno if it stays high.", Some(Action::ShowMemory)),
    ("R15", "Memory quota vastly exceeded", "The server used far too much memory and was stopped. Use a bigger dyno; see memory on the Metrics screen.", Some(Action::ShowMemory)),
    ("R16", "Detached", "A one-off command lost its terminal. Harmless.", None),
    ("R17", "Checksum error", "A file Heroku downloaded was damaged. Deploy again.", None),
    ("L10", "Drain buffer overflow", "Log lines came faster than a log add-on could take them; some lines are missing there (not in your data).", None),
    ("L11", "Tail buffer overflow", "Log lines came faster than this view could take them; some lines are missing here (not in your data).", None),
    ("L12", "Local buffer overflow", "Too many log lines at once; some are missing (not in your data).", None),
    ("L13", "Local delivery error", "Some log lines could not be delivered (not your data).", None),
    ("L14", "Certificate validation error", "A log drain's certificate is not valid; that add-on receives no lines.", None),
];

/// The explanation for `code`; codes Heroku adds later get a general one.
pub fn explain(code: &str) -> Explanation {
    match KNOWN.iter().find(|(c, ..)| *c == code) {
        Some((_, title, plain, action)) => Explanation {
            code: code.to_string(),
            title,
            plain,
            action: *action,
        },
        None => Explanation {
            code: code.to_string(),
            title: "Heroku error",
            plain: "Heroku reported an error with this code. Heroku's Dev Center page \"Error Codes\" describes it.",
            action: None,
        },
    }
}

/// Every code with its own explanation (for tests and the help page).
pub fn known_codes() -> impl Iterator<Item = &'static str> {
    KNOWN.iter().map(|(c, ..)| *c)
}
