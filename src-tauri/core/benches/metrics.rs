//! Aggregate 1,000,000 router lines into per-minute buckets (lines per second); render a
//! 24-hour chart of 20-second samples for 4 dynos (milliseconds, as a ratio to writing the same
//! number of points to a CSV file in the same run).
//! Run: cargo bench -p novaland-core --bench metrics

use std::io::Write;
use std::time::Instant;

use novaland_core::logs::parse;
use novaland_core::metrics::chart::{svg, Chart, Series, Theme};
use novaland_core::metrics::Aggregator;

const LINES: usize = 1_000_000;
const DAY_MS: i64 = 86_400_000;
const T0: i64 = 1_795_910_400_000; // 2026-11-29T00:00:00Z

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

/// One line of scripts/bench.sh's table: measure, its value, the reference run in the same
/// process, their ratio, and the goal.
fn row(measure: &str, value: String, reference: String, ratio: f64, goal: &str) {
    println!("BENCH\t{measure}\t{value}\t{reference}\t{ratio:.2}\t{goal}");
}

fn main() {
    // One router line every 86 ms: a day of a busy study.
    let lines: Vec<String> = (0..LINES)
        .map(|i| {
            let ms = T0 + i as i64 * 86;
            let (s, rest) = (ms / 1000, ms % 1000);
            let (h, m, sec) = ((s / 3600) % 24, (s / 60) % 60, s % 60);
            let status = [200, 200, 200, 302, 404, 503][i % 6];
            format!("2026-11-29T{h:02}:{m:02}:{sec:02}.{rest:03}000+00:00 heroku[router]: at=info method=GET path=\"/p/{i:08x}/survey/Page/1\" host=study.herokuapp.com request_id=8601b555-6a83-4c12-8269-97c8e32cdb22 fwd=\"203.0.113.7\" dyno=web.1 connect=0ms service={}ms status={status} bytes=1234 protocol=https", i % 700)
        })
        .collect();
    let mut agg_s = Vec::new();
    let mut buckets = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let mut agg = Aggregator::default();
        for l in &lines {
            agg.add(&parse(l.as_bytes()));
        }
        buckets = agg.drain().len();
        agg_s.push(t.elapsed().as_secs_f64());
    }
    let a = median(agg_s);
    println!("aggregate {LINES} router lines (parse + bucket): {:.0} ms, {:.0} lines/s, {buckets} minutes", a * 1e3, LINES as f64 / a);

    // 24 hours of 20-second samples for 4 dynos.
    let series: Vec<Series> = (1..=4)
        .map(|d| Series {
            name: format!("web.{d}"),
            points: (0..DAY_MS / 20_000)
                .map(|i| (T0 + i * 20_000, Some(200.0 + ((i * d) % 97) as f64)))
                .collect(),
        })
        .collect();
    let points: usize = series.iter().map(|s| s.points.len()).sum();
    let chart = Chart {
        title: "Memory per dyno".into(),
        unit: "MB".into(),
        start_ms: T0,
        end_ms: T0 + DAY_MS,
        tz_offset_min: 60,
        series: series.clone(),
        limit: Some(("quota".into(), 512.0)),
        theme: Theme::Light,
    };
    let dir = tempfile::tempdir().unwrap();
    let (mut chart_s, mut csv_s) = (Vec::new(), Vec::new());
    let mut size = 0;
    for _ in 0..5 {
        let t = Instant::now();
        let out = svg(&chart, 760, 260);
        chart_s.push(t.elapsed().as_secs_f64());
        size = out.len();
        let t = Instant::now();
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(dir.path().join("points.csv")).unwrap());
        writeln!(f, "dyno,time_ms,memory_mb").unwrap();
        for s in &series {
            for (t, v) in &s.points {
                writeln!(f, "{},{t},{}", s.name, v.unwrap()).unwrap();
            }
        }
        f.flush().unwrap();
        drop(f);
        csv_s.push(t.elapsed().as_secs_f64());
    }
    let (c, w) = (median(chart_s), median(csv_s));
    println!(
        "24-hour chart, 4 dynos × 4,320 samples ({points} points): {:.1} ms, SVG {} kB",
        c * 1e3,
        size / 1000
    );
    println!(
        "the same points written to a CSV file: {:.1} ms; chart / CSV = {:.2}",
        w * 1e3,
        c / w
    );
    row(
        "24-hour chart (17,280 points)",
        format!("{:.1} ms", c * 1e3),
        format!("the points to CSV {:.1} ms", w * 1e3),
        c / w,
        "none set (reported)",
    );
}
