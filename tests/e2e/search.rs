//! `duban search` from the command line: over an index of the sample records (made here, not
//! by the extractor, whose output changes), and over the main job's index.

use crate::util::{assert_ok, duban_with_data, run_main_job, shared, show, told_a_panic};
use serde_json::Value;
use std::path::Path;

/// A data folder whose index holds `duban_testkit::sample::records()`.
pub fn sample_data() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let mut index = duban_index::ObligationIndex::open(&tmp.path().join("index")).unwrap();
    for (doc, obligations) in duban_testkit::sample::records() {
        index.upsert(&doc, &obligations).unwrap();
    }
    index.commit().unwrap();
    tmp
}

/// Every file of a folder with its bytes, by name.
fn files_of(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_search_over_an_index_of_another_dictionary_writes_nothing_and_names_the_repair() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("index");
    let other = duban_index::Analyzer::with_dictionary("出庭应诉 3000 n\n").unwrap();
    let mut index = duban_index::ObligationIndex::open_with(&dir, other).unwrap();
    for (doc, obligations) in duban_testkit::sample::records() {
        index.upsert(&doc, &obligations).unwrap();
    }
    index.commit().unwrap();
    drop(index);
    let before = files_of(&dir);
    let out = duban_with_data(tmp.path(), &["search", "出庭应诉率"]);
    assert_ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("duban doctor --repair"), "{}", show(&out));
    assert_eq!(files_of(&dir), before, "the search wrote to the index");
}

fn search_json(data: &Path, args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    let out = duban_with_data(data, &all);
    assert_ok(&out);
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", show(&out)))
}

fn hit_ids(r: &Value) -> Vec<&str> {
    r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_str().unwrap())
        .collect()
}

#[test]
fn search_json_finds_the_obligations_with_facets_and_highlights() {
    let data = sample_data();
    let r = search_json(data.path(), &["出庭应诉率 city:苏州"]);
    assert_eq!(r["total"], 2);
    assert_eq!(r["facets"]["city"][0]["value"], "苏州市");
    assert_eq!(r["facets"]["year"][0]["value"], "2021");
    assert_eq!(r["facets"]["kind"][0]["value"], "achievement");
    for hit in r["hits"].as_array().unwrap() {
        let parts = hit["snippet"]["parts"].as_array().unwrap();
        assert!(
            parts
                .iter()
                .any(|p| p["highlight"] == true && p["text"] == "出庭应诉率"),
            "{hit}"
        );
    }
}

#[test]
fn limit_offset_and_sort_page_through_the_results() {
    let data = sample_data();
    let all = search_json(data.path(), &["", "--sort", "deadline", "--limit", "100"]);
    let first = search_json(data.path(), &["", "--sort", "deadline", "--limit", "2"]);
    let second = search_json(
        data.path(),
        &["", "--sort", "deadline", "--limit", "2", "--offset", "2"],
    );
    let ids = hit_ids(&all);
    assert_eq!(hit_ids(&first), ids[..2]);
    assert_eq!(hit_ids(&second), ids[2..4]);
    assert_eq!(all["hits"][0]["obligation"]["deadlines"][0]["year"], 2013);
}

/// Checks that every facet value listed for all records of `data`'s index, obligations and
/// documents, counts what filtering on it returns. The page filters a facet click on the
/// facet's own field (`body_name:` for bodies): bodies nest (`政府`, `区政府法制办`), so a
/// full-text filter would count more.
fn assert_every_facet_count_is_what_its_click_returns(data: &Path) {
    let index = duban_index::SearchIndex::open(&data.join("index")).unwrap();
    let search = |q: &str, target| {
        let mut req = duban_index::SearchRequest::new(q);
        req.target = target;
        req.limit = 1;
        index.search(&req).unwrap()
    };
    let mut checked = 0;
    for target in [
        duban_index::Target::Obligations,
        duban_index::Target::Documents,
    ] {
        let all = search("", target);
        let mut sum_of_provinces = 0;
        for (dim, values) in &all.facets {
            let field = if dim == "body" { "body_name" } else { dim };
            for v in values {
                let q = format!("{field}:\"{}\"", v.value);
                assert_eq!(search(&q, target).total as u64, v.count, "{q} ({target:?})");
                if dim == "province" {
                    sum_of_provinces += v.count;
                }
                checked += 1;
            }
        }
        // With 全国 and 未知 buckets, the provinces add up to every record.
        if all.facets["province"].len() < duban_index::search::FACET_VALUES {
            assert_eq!(sum_of_provinces, all.total as u64, "{target:?}");
        }
    }
    assert!(checked > 20, "only {checked} facet values");
}

#[test]
fn every_facet_count_is_what_filtering_on_its_value_returns() {
    let data = tempfile::tempdir().unwrap();
    run_main_job(data.path());
    assert_every_facet_count_is_what_its_click_returns(data.path());
    // The command line reads the same filter.
    let all = search_json(data.path(), &["", "--limit", "1"]);
    let body = &all["facets"]["body"][0];
    let q = format!("body_name:\"{}\"", body["value"].as_str().unwrap());
    assert_eq!(
        search_json(data.path(), &[&q, "--limit", "1"])["total"],
        body["count"]
    );
}

#[test]
fn every_facet_count_over_the_real_documents_is_what_filtering_on_its_value_returns() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (the real documents) is not beside the repository");
        return;
    };
    let data = tempfile::tempdir().unwrap();
    let real = shared.join("corpora/real");
    assert_ok(&duban_with_data(
        data.path(),
        &["ingest", real.to_str().expect("UTF-8 path")],
    ));
    assert_every_facet_count_is_what_its_click_returns(data.path());
}

#[test]
fn a_misspelt_query_that_finds_nothing_offers_the_indexed_word() {
    let data = sample_data();
    let r = search_json(data.path(), &["出廷应诉率"]);
    assert_eq!(r["total"], 0);
    assert_eq!(r["suggestion"], "出庭应诉率");
    let out = duban_with_data(data.path(), &["search", "出廷应诉率"]);
    assert_ok(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Did you mean `出庭应诉率`?"), "{text}");
}

#[test]
fn a_query_is_read_in_the_forms_the_index_holds() {
    // Traditional characters, full-width forms and a bare number find what the indexed
    // forms find.
    let data = sample_data();
    let total = |q: &str| search_json(data.path(), &[q])["total"].as_u64().unwrap();
    assert!(total("出庭应诉率") > 0);
    assert_eq!(total("出庭應訴率"), total("出庭应诉率"));
    assert_eq!(
        total("ｃｉｔｙ：苏州 出庭应诉率"),
        total("city:苏州 出庭应诉率")
    );
    assert_eq!(total("96.6"), total("96.6%"));
    assert!(total("96.6") > 0);
}

#[test]
fn a_descending_sort_and_a_leading_minus_need_no_equals_sign_or_double_dash() {
    let data = sample_data();
    let desc = search_json(data.path(), &["", "--sort", "-deadline", "--limit", "100"]);
    let asc = search_json(data.path(), &["", "--sort", "deadline", "--limit", "100"]);
    assert_eq!(desc["sort"], "-deadline");
    assert_ne!(hit_ids(&desc), hit_ids(&asc));
    let not_tasks = search_json(data.path(), &["-kind:task"]);
    let all = search_json(data.path(), &[""]);
    let tasks = search_json(data.path(), &["kind:task"]);
    assert_eq!(
        not_tasks["total"].as_u64().unwrap() + tasks["total"].as_u64().unwrap(),
        all["total"].as_u64().unwrap()
    );
}

#[test]
fn the_text_output_marks_matches_and_lists_facet_counts() {
    let data = sample_data();
    let out = duban_with_data(data.path(), &["search", "body:区政府法制办"]);
    assert_ok(&out);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("2 obligations match"), "{text}");
    assert!(text.contains("bodies: 区政府法制办 (lead)"), "{text}");
    assert!(text.contains("county: 昭化区 (2)"), "{text}");
    let out = duban_with_data(data.path(), &["search", "出庭应诉率", "--limit", "1"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("«出庭应诉率»"));
}

#[test]
fn a_malformed_query_is_a_clear_error_not_a_crash() {
    let data = sample_data();
    for (args, expected) in [
        (vec!["search", "\"出庭应诉率"], "never closed"),
        (vec!["search", "town:周庄"], "unknown field `town`"),
        (vec!["search", "法治", "--limit", "100000"], "limit"),
        (vec!["search", "法治", "--offset", "50000"], "offset"),
        (vec!["search", "法治", "--sort", "popularity"], "sort"),
    ] {
        let out = duban_with_data(data.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}\n{}", show(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
        assert!(!told_a_panic(&err), "{err}");
    }
}

#[test]
fn searching_a_data_folder_without_an_index_says_how_to_make_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = duban_with_data(tmp.path(), &["search", "法治"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("duban run"));
}

#[test]
fn after_the_main_job_search_finds_the_seed_documents() {
    let tmp = tempfile::tempdir().unwrap();
    run_main_job(tmp.path());
    // Documents are indexed whatever the extractor finds; obligations depend on it.
    let docs = search_json(tmp.path(), &["出庭应诉率", "--documents"]);
    assert!(docs["total"].as_u64().unwrap() >= 2, "{docs}");
    // The Suzhou report's 全市… and the plan's 各级… rate are one indicator of the table.
    let table = search_json(tmp.path(), &["出庭应诉率", "--table"]);
    let extracted: std::collections::BTreeSet<&str> = table["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["indicator"] == "行政机关负责人出庭应诉率")
        .map(|r| r["extracted_indicator"].as_str().unwrap())
        .collect();
    assert!(
        extracted.contains("全市行政机关负责人出庭应诉率")
            && extracted.contains("各级行政机关负责人出庭应诉率"),
        "{table}"
    );
    let regions = search_json(tmp.path(), &["*", "--documents", "--limit", "10"]);
    assert_eq!(regions["total"], 5);
    // Re-running the job replaces records by id instead of adding copies.
    run_main_job(tmp.path());
    let again = search_json(tmp.path(), &["*", "--documents"]);
    assert_eq!(again["total"], 5);
}

#[test]
fn search_table_prints_one_row_per_matched_metric_as_markdown_csv_or_json() {
    let data = sample_data();
    let json = search_json(data.path(), &["出庭应诉率", "--table"]);
    let rows = json["rows"].as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r["indicator"] == "出庭应诉率"),
        "{json}"
    );
    let out = duban_with_data(data.path(), &["search", "出庭应诉率", "--table", "--csv"]);
    assert_ok(&out);
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), rows.len() + 1, "{csv}");
    let out = duban_with_data(
        data.path(),
        &["search", "出庭应诉率", "--table", "--group", "document"],
    );
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("| indicator | as extracted | region | year |"),
        "{text}"
    );
    assert!(
        text.contains("| 出庭应诉率 |  | 苏州市 | 2021 | = | 96.6 | % |"),
        "{text}"
    );
    let out = duban_with_data(data.path(), &["search", "x", "--table", "--group", "city"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
}
