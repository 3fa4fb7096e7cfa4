//! The lines kept while the Logs screen is open: a ring of the most recent entries (memory
//! stays bounded however long the study runs), the filters and search the screen offers, and
//! the duplicate check for the lines a reopened log session sends again.

use std::collections::{HashSet, VecDeque};
use std::hash::Hasher;

use serde::{Deserialize, Serialize};

use super::entry::{Assembler, LogEntry};
use super::errors::ErrorGroups;
use super::line::{self, Level, Source};

/// How many recent lines are remembered to recognise a replay after a reconnect.
const REMEMBERED: usize = 5_000;

/// What the screen asks for. Empty fields mean "everything".
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Filter {
    #[serde(default)]
    pub sources: Vec<Source>,
    /// `web.1` (one dyno) or `web` (every dyno of that process type).
    #[serde(default)]
    pub dyno: Option<String>,
    #[serde(default)]
    pub errors_only: bool,
    /// Case-insensitive text anywhere in the line.
    #[serde(default)]
    pub text: String,
}

impl Filter {
    pub fn matches(&self, entry: &LogEntry) -> bool {
        let line = &entry.line;
        if !self.sources.is_empty() && !self.sources.contains(&line.source) {
            return false;
        }
        if let Some(wanted) = self.dyno.as_deref().filter(|d| !d.is_empty()) {
            let dyno = line.dyno().unwrap_or_default();
            let request_dyno = line.request_dyno();
            let hit = |d: &str| d == wanted || d.split('.').next() == Some(wanted);
            if !hit(dyno) && !request_dyno.is_some_and(hit) {
                return false;
            }
        }
        if self.errors_only && line.level < Level::Warning {
            return false;
        }
        self.text.is_empty() || contains_ignore_case(&line.raw, &self.text)
    }
}

/// Case-insensitive substring search, as the page's live filter does it (`toLowerCase()` on
/// both sides): Unicode lowercase on both sides, so `müller` finds `MÜLLER`. Log lines are
/// mostly ASCII: those take a fast path without copying.
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    if haystack.is_ascii() && needle.is_ascii() {
        return contains_ignore_ascii_case(haystack, needle);
    }
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return true;
    }
    if n.len() > h.len() {
        return false;
    }
    let first = n[0].to_ascii_lowercase();
    let first_upper = n[0].to_ascii_uppercase();
    let mut start = 0;
    while let Some(found) = memchr::memchr2(first, first_upper, &h[start..=h.len() - n.len()]) {
        let at = start + found;
        if h[at..at + n.len()].eq_ignore_ascii_case(n) {
            return true;
        }
        start = at + 1;
        if start > h.len() - n.len() {
            break;
        }
    }
    false
}

pub struct LogStore {
    entries: VecDeque<LogEntry>,
    capacity: usize,
    next_seq: u64,
    assembler: Assembler,
    errors: ErrorGroups,
    recent: VecDeque<u64>,
    recent_set: HashIds,
    /// After a reconnect, Heroku sends recent lines again: skip those already seen (and older
    /// ones never asked for) until the first new one.
    replaying: bool,
    /// The time of the newest line kept.
    last_time: Option<i64>,
    skipped: u64,
}

impl LogStore {
    pub fn new(capacity: usize) -> LogStore {
        LogStore {
            entries: VecDeque::with_capacity(capacity.min(1 << 16)),
            capacity: capacity.max(1),
            next_seq: 1,
            assembler: Assembler::default(),
            errors: ErrorGroups::default(),
            recent: VecDeque::with_capacity(REMEMBERED),
            recent_set: HashIds::with_capacity_and_hasher(REMEMBERED, Default::default()),
            replaying: false,
            last_time: None,
            skipped: 0,
        }
    }

    /// The log session was reopened: what it replays first is checked against what we have.
    pub fn reconnected(&mut self) {
        self.replaying = true;
    }

    /// Lines skipped as already seen (after reconnects).
    pub fn skipped(&self) -> u64 {
        self.skipped
    }

    /// Takes one raw line; returns the entries that became ready (a traceback waits for its
    /// last line).
    pub fn push(&mut self, raw: &[u8]) -> Vec<LogEntry> {
        let raw = trim_line_end(raw);
        if raw.is_empty() {
            return Vec::new();
        }
        let hash = hash_of(raw);
        let line = line::parse(raw);
        if self.replaying {
            // A replayed line was either shown already, or is older than what we have (the
            // new session reaches back further than the first one did): both are skipped.
            let older = matches!((line.time_ms, self.last_time), (Some(t), Some(last)) if t < last);
            if self.recent_set.contains(&hash) || older {
                self.skipped += 1;
                return Vec::new();
            }
            self.replaying = false;
        }
        self.remember(hash);
        if line.time_ms.is_some() {
            self.last_time = self.last_time.max(line.time_ms);
        }
        let ready = self.assembler.push(line);
        self.keep(ready)
    }

    /// The stream stopped: open tracebacks are shown as they are.
    pub fn flush(&mut self) -> Vec<LogEntry> {
        let ready = self.assembler.flush();
        self.keep(ready)
    }

    fn keep(&mut self, ready: Vec<LogEntry>) -> Vec<LogEntry> {
        let mut out = Vec::with_capacity(ready.len());
        for mut entry in ready {
            entry.seq = self.next_seq;
            self.next_seq += 1;
            self.errors.add(&entry);
            if self.entries.len() == self.capacity {
                self.entries.pop_front();
            }
            self.entries.push_back(entry.clone());
            out.push(entry);
        }
        out
    }

    fn remember(&mut self, hash: u64) {
        if self.recent.len() == REMEMBERED {
            if let Some(old) = self.recent.pop_front() {
                self.recent_set.remove(&old);
            }
        }
        self.recent.push_back(hash);
        self.recent_set.insert(hash);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The newest `limit` entries that match, oldest first.
    pub fn query(&self, filter: &Filter, limit: usize) -> Vec<LogEntry> {
        let mut hits: Vec<LogEntry> = self
            .entries
            .iter()
            .rev()
            .filter(|e| filter.matches(e))
            .take(limit)
            .cloned()
            .collect();
        hits.reverse();
        hits
    }

    /// How many kept entries match (for "N of M lines").
    pub fn count(&self, filter: &Filter) -> usize {
        self.entries.iter().filter(|e| filter.matches(e)).count()
    }

    pub fn entries(&self) -> impl Iterator<Item = &LogEntry> {
        self.entries.iter()
    }

    pub fn errors(&self) -> &ErrorGroups {
        &self.errors
    }

    pub fn errors_mut(&mut self) -> &mut ErrorGroups {
        &mut self.errors
    }

    /// The dynos seen, for the dyno filter.
    pub fn dynos(&self) -> Vec<String> {
        let mut seen: Vec<String> = self
            .entries
            .iter()
            .filter_map(|e| e.line.dyno().map(str::to_string))
            .filter(|d| d != "router" && d != "api")
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        seen.sort();
        seen
    }

    /// Heap bytes the kept entries use, for the benchmark's bytes per line.
    pub fn heap_bytes(&self) -> usize {
        self.entries.iter().map(entry_bytes).sum::<usize>()
            + self.entries.capacity() * std::mem::size_of::<LogEntry>()
    }
}

fn entry_bytes(e: &LogEntry) -> usize {
    let l = &e.line;
    let s = |x: &String| x.capacity();
    let o = |x: &Option<String>| x.as_ref().map_or(0, String::capacity);
    s(&l.raw)
        + l.request
            .as_ref()
            .map_or(0, |_| std::mem::size_of::<super::line::Request>())
        + l.sample.as_ref().map_or(0, |x| {
            std::mem::size_of::<super::line::Sample>() + s(&x.dyno)
        })
        + e.traceback.as_ref().map_or(0, |t| {
            std::mem::size_of::<super::entry::Traceback>()
                + s(&t.exception)
                + s(&t.detail)
                + o(&t.location)
        })
        + e.explanation.as_ref().map_or(0, |x| {
            std::mem::size_of::<super::codes::Explanation>() + s(&x.code)
        })
}

fn trim_line_end(raw: &[u8]) -> &[u8] {
    let mut end = raw.len();
    while end > 0 && matches!(raw[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    &raw[..end]
}

/// A fast 64-bit hash of a line (eight bytes at a time, multiply and rotate); only used to
/// recognise lines a reopened session sends again, so it need not resist attacks.
fn hash_of(raw: &[u8]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = raw.len() as u64 ^ K;
    let mut chunks = raw.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        h = (h ^ word).wrapping_mul(K).rotate_left(29);
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h ^ u64::from_le_bytes(tail)).wrapping_mul(K);
    h ^ (h >> 32)
}

/// The keys are hashes already: use them as they are.
#[derive(Default, Clone, Copy)]
struct Identity(u64);

impl Hasher for Identity {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 << 8) | u64::from(*b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type HashIds = HashSet<u64, std::hash::BuildHasherDefault<Identity>>;

#[cfg(test)]
mod tests {
    use super::contains_ignore_case;

    /// The same answers as the page's `raw.toLowerCase().includes(text.toLowerCase())`.
    #[test]
    fn search_ignores_case_as_the_page_does_umlauts_too() {
        assert!(contains_ignore_case("GET /p/abc HTTP/1.1", "http"));
        assert!(contains_ignore_case("KeyError: 'MÜLLER'", "müller"));
        assert!(contains_ignore_case("straße", "STRASSE") == "straße".contains("strasse"));
        assert!(
            contains_ignore_case("ΟΔΟΣ", "οδος"),
            "final sigma as JavaScript lowers it"
        );
        assert!(!contains_ignore_case("Müller", "muller"));
        assert!(contains_ignore_case("anything", ""));
        assert!(!contains_ignore_case("ab", "abc"));
    }
}
