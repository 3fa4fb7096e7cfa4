//! Parse and classify a 1,000,000-line Heroku log, against `grep -c 'code=H'` over the same
//! file in the same run; search over 100,000 kept lines; memory of the kept lines per line.
//! Run: cargo bench -p novaland-core --bench log_parse

use std::io::{BufRead, BufReader, Write};
use std::time::Instant;

use novaland_core::logs::{parse, Filter, LogStore};

const LINES: usize = 1_000_000;
const KEPT: usize = 100_000;

/// Lines in the shapes Heroku writes, in the mix a running study produces.
fn line(i: usize) -> String {
    let stamp = format!(
        "2026-11-29T10:{:02}:{:02}.{:06}+00:00",
        (i / 60_000) % 60,
        (i / 1000) % 60,
        i % 1_000_000
    );
    let path = format!(
        "/p/{:08x}/public_goods/Contribute/{}",
        i.wrapping_mul(2_654_435_761) as u32,
        i % 9
    );
    match i % 50 {
        0 => format!("{stamp} heroku[router]: at=error code=H12 desc=\"Request timeout\" method=POST path=\"{path}\" host=study.herokuapp.com request_id=8601b555-6a83-4c12-8269-97c8e32cdb22 fwd=\"203.0.113.7\" dyno=web.1 connect=0ms service=30000ms status=503 bytes=0 protocol=https"),
        1 => format!("{stamp} heroku[web.1]: source=web.1 dyno=heroku.2808254.d97d0ea7-cf3d-411b-b453-d2943a50b456 sample#memory_total=221.00MB sample#memory_rss=221.22MB sample#memory_cache=0.00MB sample#memory_swap=0.00MB sample#memory_pgpgin=348836pages sample#memory_pgpgout=343403pages sample#memory_quota=512.00MB"),
        2 => format!("{stamp} heroku[web.1]: Error R14 (Memory quota exceeded)"),
        3..=22 => format!("{stamp} app[web.1]: INFO:     203.0.113.{}:0 - \"GET {path} HTTP/1.1\" 200 OK", i % 250),
        _ => format!("{stamp} heroku[router]: at=info method=GET path=\"{path}\" host=study.herokuapp.com request_id=8601b555-6a83-4c12-8269-97c8e32cdb22 fwd=\"203.0.113.{}\" dyno=web.1 connect=0ms service={}ms status=200 bytes={} protocol=https", i % 250, i % 300, 900 + i % 9000),
    }
}

/// One line of scripts/bench.sh's table: measure, its value, the reference run in the same
/// process, their ratio, and the goal.
fn row(measure: &str, value: String, reference: String, ratio: f64, goal: &str) {
    println!("BENCH\t{measure}\t{value}\t{reference}\t{ratio:.2}\t{goal}");
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("heroku.log");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    for i in 0..LINES {
        writeln!(out, "{}", line(i)).unwrap();
    }
    out.flush().unwrap();
    drop(out);
    let size = std::fs::metadata(&path).unwrap().len();
    println!("log file: {LINES} lines, {:.1} MB", size as f64 / 1e6);

    let median = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    let mut grep_s = Vec::new();
    let mut parse_s = Vec::new();
    let mut store_s = Vec::new();
    let mut grep_count = String::new();
    let mut coded = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let out = std::process::Command::new("grep")
            .args(["-c", "code=H"])
            .arg(&path)
            .output()
            .unwrap();
        grep_s.push(t.elapsed().as_secs_f64());
        grep_count = String::from_utf8_lossy(&out.stdout).trim().to_string();

        // Parse and classify only.
        let t = Instant::now();
        let reader = BufReader::with_capacity(1 << 20, std::fs::File::open(&path).unwrap());
        coded = 0;
        for l in reader.split(b'\n') {
            let parsed = parse(&l.unwrap());
            if parsed.code().is_some() {
                coded += 1;
            }
        }
        parse_s.push(t.elapsed().as_secs_f64());

        // What the app does per line: parse, classify, explain, group errors, keep in the ring.
        let t = Instant::now();
        let reader = BufReader::with_capacity(1 << 20, std::fs::File::open(&path).unwrap());
        let mut store = LogStore::new(KEPT);
        for l in reader.split(b'\n') {
            store.push(&l.unwrap());
        }
        store_s.push(t.elapsed().as_secs_f64());
    }
    let (g, p, s) = (median(grep_s), median(parse_s), median(store_s));
    println!(
        "grep -c 'code=H'      {:>8.0} ms  {:>10.0} lines/s  (count {grep_count})",
        g * 1e3,
        LINES as f64 / g
    );
    println!(
        "parse + classify      {:>8.0} ms  {:>10.0} lines/s  (codes {coded})  ratio to grep {:.2}",
        p * 1e3,
        LINES as f64 / p,
        g / p
    );
    println!(
        "+ explain, group, keep {:>7.0} ms  {:>10.0} lines/s  ratio to grep {:.2}",
        s * 1e3,
        LINES as f64 / s,
        g / s
    );
    row(
        "log lines parsed, explained, grouped, kept",
        format!("{:.0} lines/s", LINES as f64 / s),
        format!("grep -c {:.0} lines/s", LINES as f64 / g),
        g / s,
        "none set (reported)",
    );

    // Search over the kept lines.
    let reader = BufReader::new(std::fs::File::open(&path).unwrap());
    let mut store = LogStore::new(KEPT);
    for l in reader.split(b'\n').take(KEPT) {
        store.push(&l.unwrap());
    }
    for (what, filter) in [
        (
            "text 'code=H12' (2,000 hits)",
            Filter {
                text: "code=H12".into(),
                ..Filter::default()
            },
        ),
        (
            "text 'no-such-thing' (no hit)",
            Filter {
                text: "no-such-thing".into(),
                ..Filter::default()
            },
        ),
        (
            "errors only",
            Filter {
                errors_only: true,
                ..Filter::default()
            },
        ),
    ] {
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..5 {
            let t = Instant::now();
            hits = store.count(&filter);
            let _ = store.query(&filter, 1_000);
            times.push(t.elapsed().as_secs_f64());
        }
        println!(
            "search {KEPT} kept lines, {what:<30} {:>6.1} ms  ({hits} match)",
            median(times) * 1e3
        );
    }
    let raw: usize = store.entries().map(|e| e.line.raw.len()).sum();
    println!(
        "memory of the kept lines: {:.0} bytes per line ({:.0} bytes of it the line's own text)",
        store.heap_bytes() as f64 / store.len() as f64,
        raw as f64 / store.len() as f64
    );
    let per_line = store.heap_bytes() as f64 / store.len() as f64;
    let raw_per_line = raw as f64 / store.len() as f64;
    row(
        "memory per kept log line",
        format!("{per_line:.0} bytes"),
        format!("its own text {raw_per_line:.0} bytes"),
        per_line / raw_per_line,
        "at most 400 bytes (issue 16)",
    );
}
