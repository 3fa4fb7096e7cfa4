//! The Excel workbook beside oTree's CSVs: peak memory while writing a 100,000-row table
//! against a 10,000-row one (goal: about the same, the rows are streamed to disk), each in a
//! fresh child process; and the time to write the workbook against the time to read the same
//! CSV once with the csv crate (the reference, same run).
//!
//! cargo bench -p novaland-core --bench workbook

#[path = "support/mod.rs"]
mod support;

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use support::{median, peak_rss_kib, row};

const RUNS: usize = 3;

/// A table shaped like oTree's all_apps_wide: ids, codes, payoffs, times, text answers.
fn make_csv(path: &Path, rows: usize) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    writeln!(f, "participant.id_in_session,participant.code,participant.time_started_utc,player.payoff,player.guess,player.comment,session.code,participant.label,player.round_number,player.is_winner").unwrap();
    for i in 0..rows {
        writeln!(
            f,
            "{},{:08x},2026-11-30 10:{:02}:{:02}.{:06},{}.{:02},{},\"Antwort {} – schön, \"\"gut\"\"\",ab12cd34,P{:05},{},{}",
            i + 1,
            i * 2654435761 % 4294967295,
            (i / 60) % 60,
            i % 60,
            i % 1_000_000,
            i % 100,
            i % 97,
            i % 100,
            i,
            i,
            i % 7,
            i % 3 == 0,
        )
        .unwrap();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child") {
        // Only the workbook's own memory: the CSV is made first, on disk.
        let rows: usize = args[i + 1].parse().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("all_apps_wide.csv");
        make_csv(&csv, rows);
        let before = peak_rss_kib();
        novaland_core::workbook::write(dir.path(), "data.xlsx", &[("all_apps_wide".into(), csv)])
            .unwrap();
        println!("{} {}", before, peak_rss_kib());
        return;
    }

    let peak = |rows: usize| -> (u64, u64) {
        let out = Command::new(&args[0])
            .args(["--child", &rows.to_string()])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let mut n = text.split_whitespace().map(|v| v.parse::<u64>().unwrap());
        (n.next().unwrap(), n.next().unwrap())
    };
    let (base_small, small) = peak(10_000);
    let (base_large, large) = peak(100_000);
    let grew_small = small.saturating_sub(base_small) as f64 / 1024.0;
    let grew_large = large.saturating_sub(base_large) as f64 / 1024.0;
    eprintln!("peak RSS while writing: 10,000 rows +{grew_small:.1} MiB (of {:.1}), 100,000 rows +{grew_large:.1} MiB (of {:.1})", small as f64 / 1024.0, large as f64 / 1024.0);
    row(
        "workbook memory, 100,000 rows (MiB over the process)",
        format!("{grew_large:.1}"),
        format!("{grew_small:.1} (10,000 rows)"),
        grew_large / grew_small.max(0.1),
        "about 1 (streamed)",
    );

    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("all_apps_wide.csv");
    make_csv(&csv, 100_000);
    let (mut write, mut read) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let t = Instant::now();
        let mut reader = csv::Reader::from_path(&csv).unwrap();
        let fields: usize = reader.records().map(|r| r.unwrap().len()).sum();
        read.push(t.elapsed());
        assert_eq!(fields, 1_000_000);
        let t = Instant::now();
        novaland_core::workbook::write(
            dir.path(),
            "data.xlsx",
            &[("all_apps_wide".into(), csv.clone())],
        )
        .unwrap();
        write.push(t.elapsed());
    }
    let (w, r) = (median(write), median(read));
    let size = std::fs::metadata(dir.path().join("data.xlsx"))
        .unwrap()
        .len();
    eprintln!(
        "100,000 rows: workbook {w:?} ({:.1} MB), csv read {r:?}",
        size as f64 / 1e6
    );
    row(
        "workbook time, 100,000 rows",
        format!("{:.2} s", w.as_secs_f64()),
        format!("{:.3} s (reading the CSV)", r.as_secs_f64()),
        w.as_secs_f64() / r.as_secs_f64(),
        "no goal yet (seconds, with progress)",
    );
}
