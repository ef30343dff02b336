//! `duban track` from the command line: on the seeds the repository bundles, the Suzhou plan's
//! 出庭应诉率 target beside the 2021 report's result; on the national 政府工作报告 of 2021–2025 in
//! `../shared/corpora/real` (skipped, saying so, where `../shared` is absent, and required where
//! `DUBAN_REQUIRE_SHARED` is set), each year's main targets beside the next report's results.

use crate::util::{assert_ok, duban_with_data, shared, show};
use serde_json::Value;
use std::path::Path;

/// Ingests `inputs` into a fresh data folder and returns the progress `duban track ARGS
/// --format json` prints, one JSON object a target.
fn track(inputs: &[&str], args: &[&str]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut ingest = vec!["ingest"];
    ingest.extend_from_slice(inputs);
    assert_ok(&duban_with_data(&data, &ingest));
    let mut all = vec!["track", "--format", "json"];
    all.extend_from_slice(args);
    let out = duban_with_data(&data, &all);
    assert_ok(&out);
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// The progress rows whose target's key is `stem` (a change or a level) and year `year`.
fn rows<'a>(progress: &'a [Value], stem: &str, change: bool, year: i64) -> Vec<&'a Value> {
    progress
        .iter()
        .filter(|p| {
            p["target"]["key"]["stem"] == stem
                && p["target"]["key"]["change"] == change
                && p["target"]["year"] == year
        })
        .collect()
}

#[test]
fn the_suzhou_plans_court_appearance_target_is_linked_to_the_2021_reports_result() {
    let progress = track(
        &["corpora/seeds"],
        &["--region", "苏州市", "--indicator", "出庭应诉率"],
    );
    let linked: Vec<&Value> = progress
        .iter()
        .filter(|p| p["target"]["value"] == 90.0 && p["target"]["op"] == ">=")
        .collect();
    assert_eq!(linked.len(), 1, "{progress:#?}");
    let p = linked[0];
    assert_eq!(p["target"]["year"], 2015);
    assert!(p["target"]["doc_id"].as_str().unwrap().contains("000_"));
    assert_eq!(p["result"]["value"], 96.6, "{p:#}");
    assert_eq!(p["result"]["year"], 2021);
    assert!(p["result"]["doc_id"].as_str().unwrap().contains("001_"));
    assert_eq!(
        (p["status"].as_str(), p["later"].as_bool()),
        (Some("met"), Some(true))
    );
    // The evidence: both phrases and their places in their documents.
    assert!(p["target"]["text"].as_str().unwrap().contains("出庭应诉率"));
    assert!(p["result"]["text"].as_str().unwrap().contains("96.6%"));
    assert!(p["result"]["span"][0].as_u64() < p["result"]["span"][1].as_u64());
}

#[test]
fn the_table_shows_the_target_beside_its_result() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_ok(&duban_with_data(&data, &["ingest", "corpora/seeds"]));
    let out = duban_with_data(
        &data,
        &["track", "--indicator", "出庭应诉率", "--with-result"],
    );
    assert_ok(&out);
    let table = String::from_utf8_lossy(&out.stdout);
    let row = table
        .lines()
        .find(|l| l.contains("90%以上"))
        .unwrap_or_else(|| panic!("no row of the 90% target:\n{}", show(&out)));
    for cell in ["苏州市", "2015", "96.6% (later: 2021)", "met"] {
        assert!(row.contains(cell), "`{cell}` missing from `{row}`");
    }
    assert!(table.lines().last().unwrap().contains("met"), "{table}");
}

#[test]
fn track_without_ingested_documents_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let out = duban_with_data(&dir.path().join("empty"), &["track"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("duban ingest"),
        "{}",
        show(&out)
    );
}

/// A main target of a national report and the next report's result: (year, key stem, change,
/// target value, result value, status).
type Expected = (i64, &'static str, bool, f64, Option<f64>, &'static str);

/// Each year's main targets of the national reports and the next report's results.
const NATIONAL: &[Expected] = &[
    (2021, "国内生产总值", true, 6.0, Some(8.1), "met"),
    (2021, "城镇新增就业人数", false, 1100.0, Some(1269.0), "met"),
    (2021, "居民消费价格", true, 3.0, Some(0.9), "met"),
    (2021, "城镇调查失业率", false, 5.5, Some(5.1), "met"),
    (2022, "国内生产总值", true, 5.5, Some(3.0), "missed"),
    (2022, "城镇新增就业人数", false, 1100.0, Some(1206.0), "met"),
    (2022, "居民消费价格", true, 3.0, Some(2.0), "met"),
    (2022, "城镇调查失业率", false, 5.5, Some(5.5), "met"),
    (2023, "国内生产总值", true, 5.0, Some(5.2), "met"),
    (2023, "城镇新增就业人数", false, 1200.0, Some(1244.0), "met"),
    (2023, "居民消费价格", true, 3.0, Some(0.2), "met"),
    (2023, "城镇调查失业率", false, 5.5, Some(5.2), "met"),
    (2024, "国内生产总值", true, 5.0, Some(5.0), "met"),
    (2024, "城镇新增就业人数", false, 1200.0, Some(1256.0), "met"),
    (2024, "居民消费价格", true, 3.0, Some(0.2), "met"),
    (2024, "城镇调查失业率", false, 5.5, Some(5.1), "met"),
    (2025, "国内生产总值", true, 5.0, None, "no_result"),
    (2025, "城镇新增就业人数", false, 1200.0, None, "no_result"),
    (2025, "居民消费价格", true, 2.0, None, "no_result"),
];

#[test]
fn the_national_reports_main_targets_stand_beside_the_next_reports_results() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (the real corpus) is not beside the repository");
        return;
    };
    let real = shared.join("corpora/real");
    let inputs: Vec<String> = ["005", "065", "066", "067", "068"]
        .iter()
        .map(|n| path(&real.join(format!("{n}.txt"))))
        .collect();
    let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
    let progress = track(&inputs, &["--region", "100000"]);
    for &(year, stem, change, target, result, status) in NATIONAL {
        let found = rows(&progress, stem, change, year);
        // The year's target as the report's plan part sets it (a five-year target of 2025
        // stands beside it).
        let p = found
            .iter()
            .find(|p| p["target"]["value"] == target)
            .unwrap_or_else(|| panic!("no {year} target of {stem} = {target}: {found:#?}"));
        assert_eq!(
            p["result"]["value"].as_f64(),
            result,
            "{year} {stem}: {p:#}"
        );
        assert_eq!(p["status"], status, "{year} {stem}: {p:#}");
        if result.is_some() {
            assert_eq!(p["later"], false, "{year} {stem}: {p:#}");
            assert_eq!(p["result"]["year"], year, "{year} {stem}: {p:#}");
        }
    }
}

fn path(p: &Path) -> String {
    p.to_str().expect("UTF-8 path").to_string()
}

#[test]
fn the_main_job_exports_progress_and_indexes_it_so_that_search_finds_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    crate::util::run_main_job(&data);
    let export = data.join("export");
    let text = std::fs::read_to_string(export.join("progress.jsonl")).unwrap();
    let progress: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let suzhou = progress
        .iter()
        .find(|p| {
            p["target"]["indicator"]
                .as_str()
                .is_some_and(|i| i.contains("出庭应诉率"))
                && p["target"]["value"] == 90.0
                && p["target"]["region"]["code"] == "320500"
        })
        .unwrap_or_else(|| panic!("no Suzhou 出庭应诉率 target in progress.jsonl:\n{text}"));
    assert_eq!(suzhou["result"]["value"], 96.6, "{suzhou:#}");
    assert_eq!(suzhou["status"], "met");
    for figure in ["target", "result"] {
        let span = suzhou[figure]["span"].as_array().unwrap();
        assert!(span[0].as_u64() < span[1].as_u64(), "{suzhou:#}");
    }
    // The manifest names it and the package describes it.
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(export.join("manifest.json")).unwrap()).unwrap();
    assert!(
        manifest["files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["name"] == "progress.jsonl" && f["lines"] == progress.len()),
        "{manifest:#}"
    );
    let package: Value =
        serde_json::from_slice(&std::fs::read(export.join("datapackage.json")).unwrap()).unwrap();
    assert!(
        package["resources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["path"] == "progress.jsonl"),
        "{package:#}"
    );
    // `duban track` and the export agree line for line.
    let tracked = duban_with_data(&data, &["track", "--format", "json"]);
    assert_ok(&tracked);
    assert_eq!(String::from_utf8(tracked.stdout).unwrap(), text);
    let out = duban_with_data(&data, &["search", "--progress", "出庭应诉率", "--json"]);
    assert_ok(&out);
    let found: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(found["target"], "progress");
    let hit = found["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["progress"] == *suzhou)
        .unwrap_or_else(|| {
            panic!(
                "search --progress did not find the Suzhou target: {}",
                show(&out)
            )
        });
    assert!(hit["document"]["id"].as_str().unwrap().contains("000_"));
    assert!(hit["obligation"].is_null());
    // A second run over the same sources leaves progress.jsonl as it was.
    let before = std::fs::metadata(export.join("progress.jsonl"))
        .unwrap()
        .modified()
        .unwrap();
    crate::util::run_main_job(&data);
    assert_eq!(
        std::fs::read_to_string(export.join("progress.jsonl")).unwrap(),
        text
    );
    assert_eq!(
        std::fs::metadata(export.join("progress.jsonl"))
            .unwrap()
            .modified()
            .unwrap(),
        before
    );
    // The HTTP API answers the same search.
    let server = crate::serve::Server::start(&data);
    let (status, v) = server.get_json(&format!(
        "/api/search?type=progress&q={}",
        crate::serve::encode("出庭应诉率 city:苏州")
    ));
    assert_eq!(status, 200, "{v:#}");
    assert_eq!(v["target"], "progress");
    assert!(
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["progress"] == *suzhou),
        "{v:#}"
    );
}
