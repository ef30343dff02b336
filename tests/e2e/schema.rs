//! The exports of `corpora/seeds` against the committed JSON Schemas
//! (`crates/export/schema/*.json`): every line of both files validates, and the schemas do
//! reject a record that breaks them (so a passing validation means something).

use crate::util::{read_jsonl, repo, run_main_job};
use serde_json::{Value, json};
use std::path::Path;

fn validator(name: &str) -> jsonschema::Validator {
    let path = repo().join("crates/export/schema").join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema)
        .unwrap_or_else(|e| panic!("{} is not a valid JSON Schema: {e}", path.display()))
}

/// Every schema violation of every line of a JSONL file, as `file:line: path: message`.
fn violations(validator: &jsonschema::Validator, file: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for (i, record) in read_jsonl(file).iter().enumerate() {
        for e in validator.iter_errors(record) {
            out.push(format!(
                "{}:{}: {}: {e}",
                file.display(),
                i + 1,
                e.instance_path
            ));
        }
    }
    out
}

/// The violations of one record, for assertion messages.
fn messages(validator: &jsonschema::Validator, record: &Value) -> Vec<String> {
    validator
        .iter_errors(record)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect()
}

/// A valid obligation record with one item of each kind.
fn sample_obligation() -> Value {
    json!({
        "id": "file:a.txt#一、/1.", "doc_id": "file:a.txt", "label": "1.",
        "path": ["一、加强河道保洁"], "heading": "完成河道清障", "text": "完成河道清障。",
        "kind": "task",
        "deadlines": [{"text": "2024年6月底前", "year": 2024, "month": 6, "day": null, "bound": "by"}],
        "recurrences": [{"text": "每季度开展一次", "every": "quarter", "times": 1}],
        "metrics": [{"text": "达到95%以上", "indicator": "考核合格率", "op": ">=", "value": 95.0, "unit": "%"}],
        "bodies": [{"name": "县水利局", "role": "responsible"}],
        "references": [], "span": [10, 25], "region": null, "doc_kind": "annual_plan", "year": 2024
    })
}

/// A valid document record.
fn sample_document() -> Value {
    json!({
        "id": "file:a.txt", "source": {"path": "a.txt", "sha256": "0".repeat(64), "encoding": "UTF-8"},
        "title": "某县2024年河长制工作要点", "doc_number": null, "issuer": null,
        "region": {"code": "330402", "province": "浙江省", "city": "嘉兴市", "county": "南湖区"},
        "kind": "annual_plan", "published": null, "signed": "2024-03-01",
        "period": null, "year": 2024, "text": "一、加强河道保洁"
    })
}

#[test]
fn the_exports_of_the_seeds_validate_against_the_committed_schemas() {
    let tmp = tempfile::tempdir().unwrap();
    run_main_job(tmp.path());
    let export = tmp.path().join("export");
    let mut errors = violations(
        &validator("document.schema.json"),
        &export.join("documents.jsonl"),
    );
    errors.extend(violations(
        &validator("obligation.schema.json"),
        &export.join("obligations.jsonl"),
    ));
    assert!(
        errors.is_empty(),
        "{} violations:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

#[test]
fn the_obligation_schema_rejects_a_record_without_span_or_with_an_unknown_kind() {
    let v = validator("obligation.schema.json");
    let good = sample_obligation();
    assert!(v.is_valid(&good), "{:?}", messages(&v, &good));
    let mut no_span = good.clone();
    no_span.as_object_mut().unwrap().remove("span");
    assert!(!v.is_valid(&no_span));
    let mut bad_kind = good.clone();
    bad_kind["kind"] = json!("wish");
    assert!(!v.is_valid(&bad_kind));
}

#[test]
fn the_obligation_schema_accepts_a_recurrence_with_n_null_as_the_gold_files_write_it() {
    let v = validator("obligation.schema.json");
    let mut record = sample_obligation();
    record["recurrences"] = json!([
        {"text": "每年开展一次培训", "every": "year", "n": null, "times": 1},
        {"text": "每隔3年清理一次", "every": "n_years", "n": 3, "times": null}
    ]);
    assert!(v.is_valid(&record), "{:?}", messages(&v, &record));
    record["recurrences"][1]["n"] = json!(0);
    assert!(!v.is_valid(&record), "a period of 0 years is refused");
}

#[test]
fn the_document_schema_rejects_a_malformed_date_or_region_code() {
    let v = validator("document.schema.json");
    let good = sample_document();
    assert!(v.is_valid(&good), "{:?}", messages(&v, &good));
    let mut bad_date = good.clone();
    bad_date["signed"] = json!("2024年3月1日");
    assert!(!v.is_valid(&bad_date));
    let mut bad_code = good.clone();
    bad_code["region"]["code"] = json!("嘉兴");
    assert!(!v.is_valid(&bad_code));
}
