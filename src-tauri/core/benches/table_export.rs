//! Table export against psql's `\copy` on the same 1,000,000-row table, in one run:
//! throughput as a ratio to psql (goal: 0.9 or better), and the export's peak memory at
//! 100,000 and at 1,000,000 rows (goal: the same), each measured in a fresh child process.
//!
//! cargo bench -p novaland-core --bench table_export

#[path = "../tests/support/pg.rs"]
mod pg;

#[path = "support/mod.rs"]
mod support;

use std::path::Path;
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use support::{median, peak_rss_kib, row};

use novaland_core::postgres::{connect, export_tables, ExportOptions};

const RUNS: usize = 3;

async fn export_once(url: &str, dir: &Path) -> Duration {
    let t = Instant::now();
    let reports = export_tables(
        url,
        dir,
        &ExportOptions { excel_bom: false },
        &AtomicBool::new(false),
        |_| {},
    )
    .await
    .unwrap();
    let elapsed = t.elapsed();
    assert_eq!(reports.len(), 1);
    elapsed
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child-export") {
        let dir = tempfile::tempdir().unwrap();
        export_once(&args[i + 1], dir.path()).await;
        println!("PEAK_KIB={}", peak_rss_kib());
        return;
    }

    let cluster = pg::PgCluster::start();
    let admin = connect(&cluster.url()).await.unwrap();
    for (db, rows) in [("rows_100k", 100_000), ("rows_1m", 1_000_000)] {
        admin
            .batch_execute(&format!("CREATE DATABASE {db}"))
            .await
            .unwrap();
        let url = cluster.url_for(db);
        let c = connect(&url).await.unwrap();
        c.batch_execute(&format!(
            "CREATE TABLE t AS SELECT g AS id, md5(g::text) AS code, 'Teilnehmer ' || g || ', Gruppe \"' || (g % 7) || '\"' AS label, \
             (g % 100)::numeric / 7 AS payoff, timestamp '2026-11-01' + g * interval '1 second' AS created, \
             CASE WHEN g % 10 = 0 THEN NULL ELSE 'Antwort mit Ümlaut 🎉' END AS answer \
             FROM generate_series(1, {rows}) g"
        ))
        .await
        .unwrap();
    }
    let url_1m = cluster.url_for("rows_1m");
    let url_100k = cluster.url_for("rows_100k");

    let out = tempfile::tempdir().unwrap();
    let mut psql_times = vec![];
    let mut psql_synced = vec![];
    let mut ours = vec![];
    for run in 0..RUNS {
        let file = out.path().join(format!("psql-{run}.csv"));
        let t = Instant::now();
        let status = Command::new(cluster.psql())
            .args([
                "-h",
                "127.0.0.1",
                "-p",
                &cluster.port.to_string(),
                "-U",
                "postgres",
                "-d",
                "rows_1m",
                "-q",
                "-c",
            ])
            .arg(format!(
                "\\copy (SELECT * FROM t) TO '{}' CSV HEADER",
                file.display()
            ))
            .status()
            .unwrap();
        psql_times.push(t.elapsed());
        assert!(status.success());
        // Our export flushes each file to disk before giving it its final name (a file that
        // appears is complete); psql does not. The like-for-like reference adds that fsync.
        std::fs::File::open(&file).unwrap().sync_all().unwrap();
        psql_synced.push(t.elapsed());
        let dir = out.path().join(format!("ours-{run}"));
        std::fs::create_dir(&dir).unwrap();
        ours.push(export_once(&url_1m, &dir).await);
        let psql_bytes = std::fs::metadata(&file).unwrap().len();
        let our_bytes = std::fs::metadata(dir.join("t.csv")).unwrap().len();
        assert_eq!(psql_bytes, our_bytes, "the same CSV, byte for byte in size");
    }
    let (p, ps, o) = (median(psql_times), median(psql_synced), median(ours));
    let mb = std::fs::metadata(out.path().join("psql-0.csv"))
        .unwrap()
        .len() as f64
        / 1e6;
    println!("table export, 1,000,000 rows ({mb:.0} MB of CSV), median of {RUNS} runs");
    println!(
        "  psql \\copy   {:>8.0} ms  {:>6.0} MB/s",
        p.as_secs_f64() * 1e3,
        mb / p.as_secs_f64()
    );
    println!(
        "  psql + fsync {:>8.0} ms  {:>6.0} MB/s",
        ps.as_secs_f64() * 1e3,
        mb / ps.as_secs_f64()
    );
    println!(
        "  novaland     {:>8.0} ms  {:>6.0} MB/s  (fsyncs each file)",
        o.as_secs_f64() * 1e3,
        mb / o.as_secs_f64()
    );
    println!(
        "  throughput ratio to psql: {:.2} (goal 0.9 or better)",
        p.as_secs_f64() / o.as_secs_f64()
    );
    println!(
        "  throughput ratio to psql + fsync (same durability): {:.2}",
        ps.as_secs_f64() / o.as_secs_f64()
    );
    row(
        "table export, 1,000,000 rows",
        format!("{:.0} MB/s", mb / o.as_secs_f64()),
        format!("psql \\copy {:.0} MB/s", mb / p.as_secs_f64()),
        p.as_secs_f64() / o.as_secs_f64(),
        "at least 0.9",
    );

    let me = std::env::current_exe().unwrap();
    let mut peaks = vec![];
    for url in [&url_100k, &url_1m] {
        let out = Command::new(&me)
            .args(["--child-export", url])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let kib: u64 = text
            .lines()
            .find_map(|l| l.strip_prefix("PEAK_KIB="))
            .and_then(|n| n.parse().ok())
            .expect("child reports its peak");
        peaks.push(kib);
    }
    println!("  peak memory of the export process: {} KiB at 100,000 rows, {} KiB at 1,000,000 rows (ratio {:.2})", peaks[0], peaks[1], peaks[1] as f64 / peaks[0] as f64);
}
