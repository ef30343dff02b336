//! The README's recipes for researchers run on the main job's exports: every DuckDB and pandas
//! block of its "For researchers" section (read from the README, so the two cannot drift),
//! then `frictionless validate` on every `datapackage.json` (`research.py` beside this file).
//!
//! They need Python with duckdb, pandas, pyarrow and frictionless: `scripts/test` installs them
//! into a virtual environment under the target folder and names its Python in
//! `DUBAN_RESEARCH_PYTHON`. Where they cannot be had the test says so and skips, unless
//! `DUBAN_REQUIRE_SHARED` is set (CI), where their absence fails it.

use crate::util::{assert_ok, duban_with_data, repo, run_main_job, show};
use std::path::PathBuf;
use std::process::Command;

/// The modules the recipes and the validation import.
const MODULES: &str = "duckdb, pandas, pyarrow, frictionless, jsonlines, ijson";

/// The Python that has [`MODULES`]: `DUBAN_RESEARCH_PYTHON`, the environment `scripts/test`
/// makes under the target folder, or `python3`.
fn research_python() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = std::env::var_os("DUBAN_RESEARCH_PYTHON")
        .map(PathBuf::from)
        .into_iter()
        .collect();
    // This test runs as <target>/<profile>/deps/e2e-<hash>.
    if let Some(target) = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.ancestors().nth(3).map(|t| t.to_path_buf()))
    {
        candidates.push(target.join("research-venv/bin/python"));
    }
    candidates.push("python3".into());
    candidates.into_iter().find(|python| {
        Command::new(python)
            .args(["-c", &format!("import {MODULES}")])
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn the_readme_recipes_run_on_the_main_jobs_exports_and_every_datapackage_validates() {
    let Some(python) = research_python() else {
        assert!(
            std::env::var_os("DUBAN_REQUIRE_SHARED").is_none(),
            "DUBAN_REQUIRE_SHARED is set but no Python has {MODULES}: run scripts/test, which installs them"
        );
        eprintln!(
            "note: no Python with {MODULES} (scripts/test installs them); skipping the README's researcher recipes"
        );
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    run_main_job(&data);
    for format in ["parquet", "csv"] {
        assert_ok(&duban_with_data(&data, &["export", "--format", format]));
    }
    let out = Command::new(&python)
        .arg(repo().join("tests/e2e/research.py"))
        .arg(repo().join("README.md"))
        .arg(data.join("export"))
        .output()
        .unwrap();
    assert!(out.status.success(), "research.py:\n{}", show(&out));
    let printed = String::from_utf8_lossy(&out.stdout);
    // The Suzhou 2021 report's result beside the plan's target, in both tools.
    for expected in [
        "全市行政机关负责人出庭应诉率",
        "96.6",
        "各级行政机关负责人出庭应诉率",
    ] {
        assert!(
            printed.matches(expected).count() >= 2,
            "{expected} not in both the DuckDB and the pandas answer:\n{printed}"
        );
    }
    for package in ["./", "./csv/", "./parquet/"] {
        assert!(
            printed.contains(&format!(
                "== frictionless validate {package}datapackage.json"
            )),
            "{package}datapackage.json was not validated:\n{printed}"
        );
    }
}

#[test]
fn a_filtered_export_keeps_what_matches_and_leaves_the_main_export_alone() {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    run_main_job(&data);
    let main = |name: &str| std::fs::read(data.join("export").join(name)).unwrap();
    let before = [
        main("obligations.jsonl"),
        main("manifest.json"),
        main("datapackage.json"),
    ];
    let out_dir = tmp.path().join("court");
    let out = duban_with_data(
        &data,
        &[
            "export",
            "--region",
            "苏州",
            "--year",
            "2021",
            "--query",
            "出庭应诉率",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert_ok(&out);
    let obligations = crate::util::read_jsonl(&out_dir.join("obligations.jsonl"));
    assert!(!obligations.is_empty());
    for o in &obligations {
        assert_eq!(o["year"], 2021, "{o}");
        assert_eq!(o["region"]["city"], "苏州市", "{o}");
        assert!(o["text"].as_str().unwrap().contains("出庭应诉"), "{o}");
    }
    let package: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("datapackage.json")).unwrap()).unwrap();
    assert_eq!(package["duban_selection"]["query"], "出庭应诉率");
    let into_main = duban_with_data(
        &data,
        &[
            "export",
            "--kind",
            "task",
            "--out",
            data.join("export").to_str().unwrap(),
        ],
    );
    assert_eq!(into_main.status.code(), Some(2), "{}", show(&into_main));
    let without_out = duban_with_data(&data, &["export", "--kind", "task"]);
    assert_eq!(without_out.status.code(), Some(2), "{}", show(&without_out));
    assert_eq!(
        [
            main("obligations.jsonl"),
            main("manifest.json"),
            main("datapackage.json")
        ],
        before
    );
}
