//! One Heroku log line, read: `TIMESTAMP SOURCE[DYNO]: MESSAGE`, with the router's key=value
//! fields, runtime-metrics samples and Heroku error codes picked out. Any input gives a line:
//! what cannot be read stays in `message` and the line is still shown.

use serde::{Deserialize, Serialize};

use super::fields::{field, fields};

/// Who wrote the line, as the researcher filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The study's own code (oTree): `app[web.1]`, `app[run.1234]`.
    App,
    /// Heroku's router: one line per request.
    Router,
    /// Heroku's platform: dynos starting, crashing, memory (`heroku[web.1]`), add-ons.
    Platform,
    /// Releases, settings and scaling (`app[api]`).
    Api,
    /// Not in Heroku's shape.
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// What the router says about one request.
/// Method, path and dyno stand in the line's `raw` (read them through the line: `request_*`).
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    method: Span,
    path: Span,
    pub status: Option<u16>,
    /// connect + service, in milliseconds.
    pub time_ms: Option<u32>,
    /// The answer's size (`bytes=`), for the bandwidth chart.
    pub bytes: Option<u32>,
    dyno: Option<Span>,
}

/// A runtime-metrics sample (`sample#memory_total=21.00MB`, `sample#load_avg_1m=2.46`).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Sample {
    pub dyno: String,
    pub memory_total_mb: Option<f64>,
    pub memory_swap_mb: Option<f64>,
    pub memory_quota_mb: Option<f64>,
    pub load_avg_1m: Option<f64>,
}

/// A part of a line's `raw` text, by byte offsets: the message and a request's path are kept
/// once, in `raw` (the ring keeps 100,000 lines; issue 16's memory goal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// Where `part`, a slice of `whole`, stands in it.
    fn of(whole: &str, part: &str) -> Span {
        let start = (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize);
        let start = start.min(whole.len());
        let end = (start + part.len()).min(whole.len());
        Span {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    fn shifted(self, by: usize) -> Span {
        let by = u32::try_from(by).unwrap_or(u32::MAX);
        Span {
            start: self.start.saturating_add(by),
            end: self.end.saturating_add(by),
        }
    }

    fn of_text(self, text: &str) -> &str {
        text.get(self.start as usize..self.end as usize)
            .unwrap_or("")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LogLine {
    /// The line as received (invalid UTF-8 replaced).
    pub raw: String,
    /// Milliseconds since 1970 (UTC); the page shows them in the researcher's time zone.
    pub time_ms: Option<i64>,
    pub source: Source,
    /// `web.1`, `run.1234`, `router`, `api` (read it with `dyno()`).
    dyno: Option<Span>,
    message: Span,
    pub level: Level,
    /// Heroku's error code (H10, H12, R14, L10, ...: a letter and two digits, kept in three
    /// bytes; read it with `code()`).
    code: Option<[u8; 3]>,
    /// Boxed: most lines have neither, and the ring keeps 100,000 lines.
    pub request: Option<Box<Request>>,
    pub sample: Option<Box<Sample>>,
}

impl LogLine {
    /// `web` for `web.1`, `run` for `run.1234`.
    pub fn process_type(&self) -> Option<&str> {
        let dyno = self.dyno()?;
        Some(dyno.split('.').next().unwrap_or(dyno))
    }

    /// What follows `SOURCE[DYNO]: ` (the whole line when it is not in Heroku's shape).
    pub fn message(&self) -> &str {
        self.message.of_text(&self.raw)
    }

    /// Heroku's error code: H10, H12, R14, L10, ...
    pub fn code(&self) -> Option<&str> {
        self.code.as_ref().and_then(|c| std::str::from_utf8(c).ok())
    }

    /// `web.1`, `run.1234`, `router`, `api`.
    pub fn dyno(&self) -> Option<&str> {
        self.dyno.map(|d| d.of_text(&self.raw))
    }

    /// The request's path, for a router line.
    pub fn request_path(&self) -> Option<&str> {
        self.request.as_ref().map(|r| r.path.of_text(&self.raw))
    }

    /// The request's method (GET, POST), for a router line.
    pub fn request_method(&self) -> Option<&str> {
        self.request.as_ref().map(|r| r.method.of_text(&self.raw))
    }

    /// The dyno that answered the request, for a router line that names one.
    pub fn request_dyno(&self) -> Option<&str> {
        self.request.as_ref()?.dyno.map(|d| d.of_text(&self.raw))
    }

    /// Joins a Python traceback's lines into this, the first one: `raw` holds every line, and
    /// the message is the last line's (a complete traceback: the exception) or stays the first's.
    pub(crate) fn join(&mut self, lines: &[LogLine], message_of_last: bool) {
        let mut raw = String::with_capacity(lines.iter().map(|l| l.raw.len() + 1).sum());
        let mut message = self.message;
        for (i, l) in lines.iter().enumerate() {
            if i > 0 {
                raw.push('\n');
            }
            if message_of_last && i + 1 == lines.len() {
                message = l.message.shifted(raw.len());
            }
            raw.push_str(&l.raw);
        }
        self.raw = raw;
        self.message = message;
    }
}

/// The page reads a line as before: `message` and a request's `path` as text.
impl Serialize for LogLine {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        #[derive(Serialize)]
        struct RequestView<'a> {
            method: &'a str,
            path: &'a str,
            status: Option<u16>,
            time_ms: Option<u32>,
            dyno: Option<&'a str>,
        }
        let request = self.request.as_ref().map(|r| RequestView {
            method: r.method.of_text(&self.raw),
            path: r.path.of_text(&self.raw),
            status: r.status,
            time_ms: r.time_ms,
            dyno: self.request_dyno(),
        });
        let mut out = serializer.serialize_struct("LogLine", 9)?;
        out.serialize_field("raw", &self.raw)?;
        out.serialize_field("time_ms", &self.time_ms)?;
        out.serialize_field("source", &self.source)?;
        out.serialize_field("dyno", &self.dyno())?;
        out.serialize_field("message", self.message())?;
        out.serialize_field("level", &self.level)?;
        out.serialize_field("code", &self.code())?;
        out.serialize_field("request", &request)?;
        out.serialize_field("sample", &self.sample)?;
        out.end()
    }
}

/// Reads one line (without its line break).
pub fn parse(bytes: &[u8]) -> LogLine {
    let raw = String::from_utf8_lossy(bytes).into_owned();
    parse_str(raw)
}

pub fn parse_str(raw: String) -> LogLine {
    let trimmed = raw.trim_end_matches(['\r', '\n']);
    let (time_ms, rest) = match trimmed.split_once(' ') {
        Some((stamp, rest)) => match parse_time(stamp) {
            Some(t) => (Some(t), rest),
            None => (None, trimmed),
        },
        None => (None, trimmed),
    };
    let (source, dyno, message) = match time_ms.and(split_source(rest)) {
        Some((origin, dyno, message)) => {
            let source = match (origin, dyno) {
                ("heroku", "router") => Source::Router,
                ("heroku", _) => Source::Platform,
                ("app", "api") => Source::Api,
                ("app", d) if d.starts_with("heroku-") => Source::Platform,
                ("app", _) => Source::App,
                _ => Source::Other,
            };
            (source, Some(Span::of(&raw, dyno)), message)
        }
        None => (Source::Other, None, rest),
    };
    let mut line = LogLine {
        time_ms,
        source,
        dyno,
        message: Span::of(&raw, message),
        level: Level::Info,
        code: None,
        request: None,
        sample: None,
        raw: String::new(),
    };
    read_message(&mut line, &raw, message);
    // `trimmed` is a prefix of `raw`: the spans found in it hold in either.
    line.raw = if trimmed.len() == raw.len() {
        raw
    } else {
        trimmed.to_string()
    };
    line
}

/// `app[web.1]: message` → ("app", "web.1", "message").
fn split_source(rest: &str) -> Option<(&str, &str, &str)> {
    let open = rest.find('[')?;
    let close = open + rest[open..].find("]:")?;
    let origin = &rest[..open];
    if origin.is_empty() || origin.contains(' ') {
        return None;
    }
    let dyno = &rest[open + 1..close];
    let message = rest[close + 2..]
        .strip_prefix(' ')
        .unwrap_or(&rest[close + 2..]);
    Some((origin, dyno, message))
}

/// Picks the router's fields, samples, codes and the level out of `message` (a slice of `raw`).
fn read_message(line: &mut LogLine, raw: &str, message: &str) {
    match line.source {
        Source::Router => {
            // One pass over the pairs: router lines are most of a busy study's log.
            let (mut at, mut code, mut method, mut path, mut status) =
                (None, None, None, None, None);
            let (mut connect, mut service, mut dyno, mut bytes) = (None, None, None, None);
            for (key, value) in fields(message) {
                match key {
                    "at" => at = Some(value),
                    "code" => code = Some(value),
                    "method" => method = Some(value),
                    "path" => path = Some(value),
                    "status" => status = value.parse::<u16>().ok(),
                    "connect" => connect = value.trim_end_matches("ms").parse::<u32>().ok(),
                    "service" => service = value.trim_end_matches("ms").parse::<u32>().ok(),
                    "dyno" => dyno = Some(value),
                    "bytes" => bytes = value.parse::<u32>().ok(),
                    _ => {}
                }
            }
            line.code = code.and_then(code_bytes);
            line.level = match at {
                Some("error") => Level::Error,
                Some("warning") => Level::Warning,
                _ => Level::Info,
            };
            if let (Some(method), Some(path)) = (method, path) {
                let time_ms = match (connect, service) {
                    (None, None) => None,
                    (c, s) => Some(c.unwrap_or(0).saturating_add(s.unwrap_or(0))),
                };
                line.request = Some(Box::new(Request {
                    method: Span::of(raw, method),
                    path: Span::of(raw, path),
                    status,
                    time_ms,
                    bytes,
                    dyno: dyno.filter(|d| !d.is_empty()).map(|d| Span::of(raw, d)),
                }));
            }
            if status.is_some_and(|s| s >= 500) && line.level == Level::Info {
                line.level = Level::Warning;
            }
        }
        _ => {
            if message.contains("sample#") {
                line.sample = Some(Box::new(read_sample(message)));
            }
            // Platform errors: "Error R14 (Memory quota exceeded)", "Error L10 (output buffer overflow)".
            if let Some(rest) = message.strip_prefix("Error ") {
                let code = rest.split_whitespace().next().unwrap_or_default();
                if is_code(code) {
                    line.code = code_bytes(code);
                    line.level = Level::Error;
                }
            } else if message.contains("at=error") {
                line.code = field(message, "code").and_then(code_bytes);
                line.level = Level::Error;
            }
            if line.level == Level::Info && looks_like_error(message) {
                line.level = Level::Error;
            } else if line.level == Level::Info && looks_like_warning(message) {
                line.level = Level::Warning;
            }
        }
    }
}

/// A Heroku code's three bytes, if `code` is one.
fn code_bytes(code: &str) -> Option<[u8; 3]> {
    is_code(code).then(|| {
        let b = code.as_bytes();
        [b[0], b[1], b[2]]
    })
}

/// Heroku's codes: a letter (H, R, L) and two digits.
fn is_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 3
        && matches!(b[0], b'H' | b'R' | b'L')
        && b[1].is_ascii_digit()
        && b[2].is_ascii_digit()
}

fn looks_like_error(message: &str) -> bool {
    message.starts_with("Traceback (most recent call last)")
        || message.contains("State changed from up to crashed")
        || message.contains("State changed from starting to crashed")
        || message.contains("Process exited with status 1")
        || message.contains("ERROR")
        || message.contains("CRITICAL")
        || is_exception_line(message)
}

fn looks_like_warning(message: &str) -> bool {
    message.contains("WARNING") || message.contains("Stopping all processes with SIGTERM")
}

/// `KeyError: 'x'`, `psycopg2.OperationalError: ...`: a Python exception's last line.
pub fn is_exception_line(message: &str) -> bool {
    let Some((name, _)) = message.split_once(": ") else {
        return message.ends_with("Error") && is_dotted_name(message);
    };
    is_dotted_name(name)
        && (name.ends_with("Error") || name.ends_with("Exception") || name.ends_with("Exit"))
}

fn is_dotted_name(s: &str) -> bool {
    !s.is_empty()
        && s.split('.').all(|part| {
            part.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

fn read_sample(message: &str) -> Sample {
    let mut sample = Sample {
        dyno: field(message, "source").unwrap_or_default().to_string(),
        ..Sample::default()
    };
    for (key, value) in fields(message) {
        let number = || {
            value
                .trim_end_matches("MB")
                .trim_end_matches("pages")
                .parse::<f64>()
                .ok()
        };
        match key {
            "sample#memory_total" => sample.memory_total_mb = number(),
            "sample#memory_quota" => sample.memory_quota_mb = number(),
            "sample#memory_swap" => sample.memory_swap_mb = number(),
            "sample#load_avg_1m" => sample.load_avg_1m = number(),
            _ => {}
        }
    }
    sample
}

/// RFC 3339 as Heroku writes it (`2024-10-17T22:23:22.209776+00:00`, `...Z`) to epoch ms.
pub fn parse_time(stamp: &str) -> Option<i64> {
    let b = stamp.as_bytes();
    if b.len() < 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let num = |from: usize, to: usize| -> Option<i64> {
        let part = stamp.get(from..to)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut i = 19;
    let mut millis = 0i64;
    if b[i] == b'.' {
        let start = i + 1;
        i = start;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        let digits = &stamp[start..i.min(start + 3)];
        millis = digits.parse::<i64>().ok()? * 10i64.pow(3 - digits.len() as u32);
    }
    let offset_minutes = match b.get(i)? {
        b'Z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if b.len() == i + 6 && b[i + 3] == b':' => {
            let minutes = num(i + 1, i + 3)? * 60 + num(i + 4, i + 6)?;
            if *sign == b'+' {
                minutes
            } else {
                -minutes
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    Some(seconds * 1000 + millis)
}

/// Days since 1970-01-01 (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}
