//! Metrics: per-minute aggregation on known lines (counts, percentiles, codes, samples, gaps),
//! charts as well-formed SVG with their axes and series, the on-disk store across a restart and
//! its pruning, and each readiness check passing, warning and failing.

mod common;

use novaland_core::logs::parse;
use novaland_core::metrics::chart::{svg, Chart, Series, Theme};
use novaland_core::metrics::readiness::{self, evaluate, Facts, Fix, State};
use novaland_core::metrics::view::charts;
use novaland_core::metrics::{Aggregator, MetricsStore, Minute};

const T0: &str = "2026-11-29T10:00";

fn router(second: u32, status: u16, service: u32) -> String {
    format!("{T0}:{second:02}.000000+00:00 heroku[router]: at=info method=GET path=\"/p/x\" host=s.herokuapp.com fwd=\"1.1.1.1\" dyno=web.1 connect=0ms service={service}ms status={status} bytes=10 protocol=https")
}

fn minutes() -> Vec<Minute> {
    let mut lines = Vec::new();
    for i in 0..95u32 {
        lines.push(router(i % 60, 200, 20));
    }
    for i in 0..5u32 {
        lines.push(router(i, 302, 2_500));
    }
    lines.push(format!("{T0}:30.000000+00:00 heroku[router]: at=error code=H12 desc=\"Request timeout\" method=POST path=\"/p/y\" host=s fwd=\"1.1.1.1\" dyno=web.1 connect=0ms service=30000ms status=503 bytes=0"));
    lines.push(format!("{T0}:40.000000+00:00 heroku[web.1]: source=web.1 dyno=heroku.1.a sample#memory_total=300.00MB sample#memory_rss=290.00MB sample#memory_swap=4.00MB sample#memory_quota=512.00MB"));
    lines.push(format!("{T0}:41.000000+00:00 heroku[web.1]: source=web.1 dyno=heroku.1.a sample#load_avg_1m=0.75 sample#load_avg_5m=0.5"));
    // Minute 10:02 (10:01 has nothing: a gap).
    lines.push("2026-11-29T10:02:05.000000+00:00 heroku[router]: at=info method=GET path=/ host=s fwd=\"1.1.1.1\" dyno=web.1 connect=1ms service=3ms status=404 bytes=1".into());
    let mut agg = Aggregator::default();
    for l in &lines {
        agg.add(&parse(l.as_bytes()));
    }
    agg.drain()
}

const MS_1000: i64 = 1_795_946_400_000; // 2026-11-29T10:00:00Z

#[test]
fn minutes_count_answers_times_codes_and_samples() {
    let m = minutes();
    assert_eq!(m.len(), 2, "10:00 and 10:02; nothing made up for 10:01");
    assert_eq!(m[0].start_ms, MS_1000);
    assert_eq!(m[0].status, [95, 5, 0, 1]);
    assert_eq!(m[0].requests(), 101);
    assert_eq!(m[0].codes.get("H12"), Some(&1));
    let p50 = m[0].percentile(50.0).unwrap();
    let p99 = m[0].percentile(99.0).unwrap();
    assert!((10.0..=20.0).contains(&p50), "p50 {p50}");
    assert!(p99 >= 2_000.0, "p99 {p99}");
    let web = &m[0].dynos["web.1"];
    assert_eq!(
        (web.memory_mb, web.swap_mb, web.quota_mb, web.load_1m),
        (Some(300.0), Some(4.0), Some(512.0), Some(0.75))
    );
    assert_eq!(m[1].status, [0, 0, 1, 0]);
    // Bandwidth: 100 answers of 10 bytes, the timeout's 0, then 1 byte in 10:02.
    assert_eq!((m[0].bytes, m[1].bytes), (1_000, 1));
    let glance = novaland_core::metrics::view::glance(&m);
    assert_eq!(glance.bytes, 1_001);
}

#[test]
fn charts_are_well_formed_svg_with_axes_and_series() {
    let m = minutes();
    let all = charts(&m, MS_1000, MS_1000 + 5 * 60_000, 60, Theme::Light);
    let ids: Vec<&str> = all.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        [
            "requests",
            "latency",
            "bandwidth",
            "memory",
            "load",
            "dynos",
            "errors"
        ]
    );
    for c in &all {
        let doc = roxmltree::Document::parse(&c.svg).unwrap_or_else(|e| panic!("{}: {e}", c.id));
        assert_eq!(doc.root_element().tag_name().name(), "svg");
        let texts: Vec<&str> = doc
            .descendants()
            .filter_map(|n| n.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        assert!(
            texts.iter().any(|t| t.trim() == c.title),
            "{} has its title: {texts:?}",
            c.id
        );
        // Times on the axis are the researcher's: 10:00 UTC is 11:00 at +60 minutes.
        assert!(
            texts.iter().any(|t| t.starts_with("11:0")),
            "{}: {texts:?}",
            c.id
        );
    }
    let requests = &all[0].svg;
    for name in ["2xx", "3xx", "4xx", "5xx", "requests / minute"] {
        assert!(requests.contains(name), "legend or axis has {name}");
    }
    let by_id = |id: &str| &all.iter().find(|c| c.id == id).unwrap().svg;
    assert!(by_id("memory").contains("web.1 memory") && by_id("memory").contains("quota"));
    assert!(by_id("errors").contains("H12"));
    assert!(by_id("bandwidth").contains("MB / minute"));
    // The 10:01 gap splits the requests' lines: more than one line per series.
    let doc = roxmltree::Document::parse(requests).unwrap();
    let lines = doc
        .descendants()
        .filter(|n| n.tag_name().name() == "polyline")
        .count();
    assert!(lines >= 8, "{lines} polylines");
}

#[test]
fn an_empty_chart_says_so() {
    let chart = Chart {
        title: "Empty".into(),
        unit: "u".into(),
        start_ms: 0,
        end_ms: 3_600_000,
        tz_offset_min: 0,
        series: vec![Series {
            name: "s".into(),
            points: vec![(0, None)],
        }],
        limit: None,
        theme: Theme::Light,
    };
    let out = svg(&chart, 400, 200);
    assert!(out.contains("No data for this time yet"));
    roxmltree::Document::parse(&out).unwrap();
}

#[test]
fn the_store_keeps_minutes_across_a_restart_and_prunes_old_ones() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("data/metrics.redb");
    {
        let store = MetricsStore::open(&path).unwrap();
        store.add("study", &minutes()).unwrap();
        store.add("other", &minutes()[..1]).unwrap();
        store.set_watermark("study", MS_1000 + 125_000).unwrap();
    }
    let store = MetricsStore::open(&path).unwrap();
    let back = store.range("study", 0).unwrap();
    assert_eq!(
        back,
        minutes(),
        "what was stored comes back after a restart"
    );
    assert_eq!(store.watermark("study").unwrap(), Some(MS_1000 + 125_000));
    // The same minute again adds up.
    store.add("study", &minutes()[..1]).unwrap();
    assert_eq!(store.range("study", 0).unwrap()[0].status, [190, 10, 0, 2]);
    assert_eq!(store.range("study", MS_1000 + 60_000).unwrap().len(), 1);
    assert_eq!(
        store.prune(MS_1000 + 60_000).unwrap(),
        2,
        "10:00 of both apps"
    );
    assert_eq!(store.range("study", 0).unwrap().len(), 1);
    assert_eq!(store.range("other", 0).unwrap().len(), 0);
}

fn good() -> Facts {
    let mut f = Facts::default();
    for (k, v) in [
        ("OTREE_PRODUCTION", "1"),
        ("OTREE_ADMIN_PASSWORD", "x"),
        ("OTREE_AUTH_LEVEL", "STUDY"),
        ("SENTRY_DSN", "https://k@o1.ingest.sentry.io/2"),
    ] {
        f.vars.insert(k.into(), Some(v.into()));
    }
    f.formation = serde_json::from_value(
        serde_json::json!([{"id": "1", "type": "web", "quantity": 1, "size": "Basic"}]),
    )
    .unwrap();
    f.dynos = serde_json::from_value(serde_json::json!([{"id": "1", "name": "web.1", "type": "web", "state": "up", "size": "Basic", "updated_at": "x"}])).unwrap();
    let addon = |s: &str| serde_json::json!({"id": s, "name": s, "addon_service": {"id": s, "name": s}, "plan": {"id": s, "name": format!("{s}:x")}, "state": "provisioned"});
    f.addons = serde_json::from_value(serde_json::json!([
        addon("heroku-postgresql"),
        addon("papertrail")
    ]))
    .unwrap();
    f.db_percent_full = Some(12.0);
    f.backups_scheduled = true;
    f.runtime_metrics = true;
    f.recent = minutes();
    f
}

fn state_of(f: &Facts, id: &str) -> (State, Option<Fix>) {
    let c = evaluate(f).into_iter().find(|c| c.id == id).unwrap();
    (c.state, c.fix)
}

#[test]
fn each_readiness_check_passes_warns_and_fails() {
    let ok = good();
    assert!(
        evaluate(&ok).iter().all(|c| c.state == State::Pass),
        "{:#?}",
        evaluate(&ok)
            .iter()
            .filter(|c| c.state != State::Pass)
            .collect::<Vec<_>>()
    );
    assert!(evaluate(&ok).iter().all(|c| !c.why.is_empty()));

    let mut f = good();
    f.db_percent_full = Some(85.0);
    assert_eq!(state_of(&f, "postgres").0, State::Warn);
    f.db_percent_full = Some(97.0);
    assert_eq!(state_of(&f, "postgres").0, State::Fail);
    f.addons
        .retain(|a| a.addon_service.name != "heroku-postgresql");
    assert_eq!(
        state_of(&f, "postgres"),
        (
            State::Fail,
            Some(Fix::AddAddon {
                plan: "heroku-postgresql:essential-0".into()
            })
        )
    );

    let mut f = good();
    f.vars.remove("OTREE_PRODUCTION");
    f.vars.remove("OTREE_ADMIN_PASSWORD");
    f.vars
        .insert("OTREE_AUTH_LEVEL".into(), Some("DEMO".into()));
    assert_eq!(state_of(&f, "production").0, State::Fail);
    assert_eq!(
        state_of(&f, "admin_password"),
        (
            State::Fail,
            Some(Fix::GeneratePassword {
                name: "OTREE_ADMIN_PASSWORD".into()
            })
        )
    );
    assert_eq!(state_of(&f, "auth_level").0, State::Warn);
    f.vars.remove("OTREE_AUTH_LEVEL");
    assert_eq!(state_of(&f, "auth_level").0, State::Fail);

    let mut f = good();
    f.formation[0].quantity = 2;
    assert_eq!(state_of(&f, "web_dyno").0, State::Warn);
    f.formation[0].quantity = 0;
    assert_eq!(
        state_of(&f, "web_dyno"),
        (
            State::Fail,
            Some(Fix::OneWebDyno {
                size: "Basic".into()
            })
        )
    );
    f.formation[0].quantity = 1;
    f.formation[0].size = "Eco".into();
    assert_eq!(state_of(&f, "not_eco").0, State::Warn);
    let mut f = good();
    f.dynos[0].state = "crashed".into();
    assert_eq!(state_of(&f, "web_dyno"), (State::Fail, Some(Fix::Restart)));
    assert_eq!(state_of(&f, "no_crash").0, State::Fail);
    let mut f = good();
    f.recent[0].codes.insert("H10".into(), 3);
    assert_eq!(state_of(&f, "no_crash").0, State::Fail);

    let mut f = good();
    f.backups_scheduled = false;
    f.addons.retain(|a| a.addon_service.name != "papertrail");
    f.vars.remove("SENTRY_DSN");
    assert_eq!(
        state_of(&f, "backups"),
        (State::Warn, Some(Fix::ScheduleBackups))
    );
    assert_eq!(state_of(&f, "papertrail").0, State::Warn);
    assert_eq!(state_of(&f, "sentry").0, State::Warn);

    let mut f = good();
    f.recent[0].dynos.get_mut("web.1").unwrap().memory_mb = Some(400.0);
    assert_eq!(state_of(&f, "memory").0, State::Warn);
    f.recent[0].dynos.get_mut("web.1").unwrap().memory_mb = Some(500.0);
    assert_eq!(state_of(&f, "memory").0, State::Fail);
    f.recent.clear();
    f.runtime_metrics = false;
    assert_eq!(
        state_of(&f, "memory"),
        (State::Warn, Some(Fix::EnableRuntimeMetrics))
    );
}

#[tokio::test]
async fn readiness_reads_heroku_and_its_fixes_work() {
    let sim = common::practice().await;
    let c = common::client(&sim);
    let app = "econlab-public-goods";
    let facts = readiness::gather(&c, app, Vec::new()).await.unwrap();
    let checks = evaluate(&facts);
    let web = checks.iter().find(|c| c.id == "web_dyno").unwrap();
    assert_eq!(web.state, State::Fail);
    readiness::apply(&c, app, web.fix.as_ref().unwrap(), "Europe/Berlin")
        .await
        .unwrap();
    let prod = checks.iter().find(|c| c.id == "production").unwrap();
    readiness::apply(&c, app, prod.fix.as_ref().unwrap(), "Europe/Berlin")
        .await
        .unwrap();
    let metrics = checks.iter().find(|c| c.id == "memory").unwrap();
    assert_eq!(metrics.fix, Some(Fix::EnableRuntimeMetrics));
    readiness::apply(&c, app, &Fix::EnableRuntimeMetrics, "Europe/Berlin")
        .await
        .unwrap();
    let after = evaluate(&readiness::gather(&c, app, Vec::new()).await.unwrap());
    for id in ["web_dyno", "production"] {
        assert_eq!(
            after.iter().find(|c| c.id == id).unwrap().state,
            State::Pass,
            "{id}"
        );
    }
    let memory = after.iter().find(|c| c.id == "memory").unwrap();
    assert!(
        memory.found.contains("arrive every 20 seconds"),
        "{}",
        memory.found
    );

    // The practice study: a database, backups, Papertrail and Sentry are there.
    let study = evaluate(
        &readiness::gather(&c, "novaland-study", Vec::new())
            .await
            .unwrap(),
    );
    for id in [
        "postgres",
        "backups",
        "papertrail",
        "sentry",
        "production",
        "admin_password",
    ] {
        assert_eq!(
            study.iter().find(|c| c.id == id).unwrap().state,
            State::Pass,
            "{id}"
        );
    }
}

#[test]
fn the_overview_glance_sums_the_hour() {
    let g = novaland_core::metrics::view::glance(&minutes());
    assert_eq!((g.minutes, g.requests, g.server_errors), (2, 102, 1));
    assert!(g.p95_ms.unwrap() >= 1_000.0);
    let memory = g.memory_percent.unwrap();
    assert!((memory - 300.0 / 512.0 * 100.0).abs() < 0.01, "{memory}");
    let empty = novaland_core::metrics::view::glance(&[]);
    assert_eq!(
        (
            empty.minutes,
            empty.requests,
            empty.p95_ms,
            empty.memory_percent
        ),
        (0, 0, None, None)
    );
}

#[tokio::test]
async fn heroku_router_metrics_where_it_has_them_and_the_log_for_the_rest() {
    use novaland_core::metrics::endpoint::{combine, router_minutes};
    let sim = common::practice().await;
    let c = common::client(&sim);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let reported = router_minutes(&c, "novaland-study", now - 3_600_000, now + 60_000)
        .await
        .unwrap();
    assert!(!reported.is_empty());
    // Every router line of the recent log is counted (the older archive adds more).
    let requests: u32 = reported.iter().map(|m| m.requests()).sum();
    let history = sim.log_history("novaland-study");
    let router_lines = history
        .iter()
        .filter(|l| l.contains("heroku[router]") && l.contains("status="))
        .count();
    assert!(
        router_lines > 20 && requests as usize >= router_lines,
        "{requests} of {router_lines}"
    );
    assert!(reported.iter().any(|m| m.percentile(95.0).is_some()));
    // The Eco pilot: Heroku has no metrics for it.
    let refused = router_minutes(&c, "novaland-pilot", now - 3_600_000, now)
        .await
        .unwrap_err();
    assert_eq!(refused.code(), "forbidden");
    // Combined: Heroku's requests, the log's memory.
    let logged = minutes();
    let mut heroku = logged.clone();
    heroku[0].status = [1, 2, 3, 4];
    heroku[0].reported = Some([Some(10.0), Some(200.0), Some(900.0)]);
    heroku[0].dynos.clear();
    let both = combine(&logged, &heroku);
    assert_eq!(both[0].status, [1, 2, 3, 4]);
    assert_eq!(both[0].percentile(95.0), Some(200.0));
    assert_eq!(both[0].dynos["web.1"].memory_mb, Some(300.0));
}
