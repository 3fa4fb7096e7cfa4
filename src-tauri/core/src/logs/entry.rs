//! What the Logs screen shows: a line (or a whole Python traceback) with its explanation.
//! Tracebacks arrive as one log line per traceback line; `Assembler` joins them per dyno.

use std::collections::HashMap;

use serde::Serialize;

use super::codes::{explain, Explanation};
use super::line::{is_exception_line, Level, LogLine, Source};

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Traceback {
    /// `KeyError`, `psycopg2.OperationalError`.
    pub exception: String,
    /// What follows the exception's name.
    pub detail: String,
    /// Where it was raised: the last `File "...", line N, in f` as `file.py:N in f`.
    pub location: Option<String>,
    /// False when the stream ended (or the dyno moved on) before the exception's last line.
    pub complete: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LogEntry {
    /// Numbered in arrival order, from 1.
    pub seq: u64,
    #[serde(flatten)]
    pub line: LogLine,
    pub explanation: Option<Box<Explanation>>,
    /// For a traceback: all its lines are in `line.raw`, one per line.
    pub traceback: Option<Box<Traceback>>,
}

impl LogEntry {
    pub fn new(line: LogLine) -> LogEntry {
        LogEntry {
            seq: 0,
            explanation: line.code().map(|c| Box::new(explain(c))),
            traceback: None,
            line,
        }
    }
}

/// Joins the lines of a Python traceback that one dyno printed into one entry.
#[derive(Default)]
pub struct Assembler {
    open: HashMap<String, Vec<LogLine>>,
}

impl Assembler {
    /// Takes one line; gives back what is ready to show (nothing while a traceback is open).
    pub fn push(&mut self, line: LogLine) -> Vec<LogEntry> {
        let mut ready = Vec::new();
        // Most lines: no traceback open and none starting.
        if self.open.is_empty()
            && !line
                .message()
                .starts_with("Traceback (most recent call last)")
        {
            ready.push(LogEntry::new(line));
            return ready;
        }
        let Some(dyno) = line
            .dyno()
            .filter(|_| line.source == Source::App)
            .map(str::to_string)
        else {
            ready.push(LogEntry::new(line));
            return ready;
        };
        if line
            .message()
            .starts_with("Traceback (most recent call last)")
        {
            if let Some(open) = self.open.remove(&dyno) {
                ready.push(combine(open, false));
            }
            self.open.insert(dyno, vec![line]);
            return ready;
        }
        let Some(open) = self.open.get_mut(&dyno) else {
            ready.push(LogEntry::new(line));
            return ready;
        };
        let message = line.message();
        if message.starts_with([' ', '\t']) || message.is_empty() {
            open.push(line);
        } else if is_exception_line(message) {
            open.push(line);
            let lines = self.open.remove(&dyno).unwrap_or_default();
            ready.push(combine(lines, true));
        } else {
            let lines = self.open.remove(&dyno).unwrap_or_default();
            ready.push(combine(lines, false));
            ready.push(LogEntry::new(line));
        }
        ready
    }

    /// Tracebacks still open (the stream ended): shown as they are.
    pub fn flush(&mut self) -> Vec<LogEntry> {
        self.open
            .drain()
            .map(|(_, lines)| combine(lines, false))
            .collect()
    }
}

fn combine(lines: Vec<LogLine>, complete: bool) -> LogEntry {
    let last = lines.last().expect("a traceback has its first line");
    let (exception, detail) = if complete {
        match last.message().split_once(": ") {
            Some((name, detail)) => (name.to_string(), detail.to_string()),
            None => (last.message().to_string(), String::new()),
        }
    } else {
        (crate::tr!("core-logs-traceback-incomplete"), String::new())
    };
    let location = lines
        .iter()
        .rev()
        .find_map(|l| file_line(l.message().trim_start()));
    let mut first = lines[0].clone();
    first.join(&lines, complete);
    first.level = Level::Error;
    LogEntry {
        seq: 0,
        line: first,
        explanation: None,
        traceback: Some(Box::new(Traceback {
            exception,
            detail,
            location,
            complete,
        })),
    }
}

/// `File "/app/.heroku/python/lib/python3.11/site-packages/otree/x.py", line 12, in run`
/// → `otree/x.py:12 in run`.
fn file_line(message: &str) -> Option<String> {
    let rest = message.strip_prefix("File \"")?;
    let (path, rest) = rest.split_once('"')?;
    let rest = rest.strip_prefix(", line ")?;
    let (number, function) = match rest.split_once(", in ") {
        Some((n, f)) => (n, Some(f)),
        None => (rest, None),
    };
    let short = match path.rsplit_once("site-packages/") {
        Some((_, inner)) => inner,
        None => path.strip_prefix("/app/").unwrap_or(path),
    };
    Some(match function {
        Some(f) => format!("{short}:{number} in {f}"),
        None => format!("{short}:{number}"),
    })
}
