//! Extraction quality on the seeds, graded by `duban eval` against the gold of `../shared`:
//! the floors of issue 5 (obligations F1 ≥ 0.95; deadlines, recurrences, metrics and bodies
//! F1 ≥ 0.9; kind accuracy ≥ 0.9; indicator accuracy ≥ 0.8) and of issue 4 (every document
//! field ≥ 0.9). Skips, saying so, where `../shared` is absent (a fresh clone).

use crate::util::{assert_ok, duban_with_data, shared, show};
use serde_json::Value;

#[test]
fn the_seeds_extract_above_the_quality_floors() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (gold and scorer) is not beside the repository");
        return;
    };
    let data = tempfile::tempdir().expect("temp dir");
    assert_ok(&duban_with_data(
        data.path(),
        &["run", "pipelines/corpora.toml"],
    ));
    let gold = shared.join("gold/seeds");
    let out = duban_with_data(
        data.path(),
        &[
            "eval",
            "--json",
            "--gold",
            gold.to_str().expect("UTF-8 path"),
        ],
    );
    assert_ok(&out);
    let report: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("eval JSON: {e}\n{}", show(&out)));
    let f1 = |field: &str| report[field]["f1"].as_f64().unwrap_or(0.0);
    assert!(
        f1("obligations") >= 0.95,
        "obligations F1 {}",
        f1("obligations")
    );
    for field in ["deadlines", "recurrences", "metrics", "bodies"] {
        assert!(f1(field) >= 0.9, "{field} F1 {}", f1(field));
    }
    assert!(
        report["kind_accuracy"].as_f64().unwrap_or(0.0) >= 0.9,
        "kind accuracy {}",
        report["kind_accuracy"]
    );
    assert!(
        report["indicator_accuracy"].as_f64().unwrap_or(0.0) >= 0.8,
        "indicator accuracy {}",
        report["indicator_accuracy"]
    );
    for (field, value) in report["document_fields"]
        .as_object()
        .expect("document fields")
    {
        assert!(
            value.as_f64().unwrap_or(0.0) >= 0.9,
            "document field {field}: {value}"
        );
    }
}
