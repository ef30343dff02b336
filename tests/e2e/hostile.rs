//! Hostile and broken input from the command line and over HTTP: a page nested a hundred
//! thousand elements deep and a tag with two hundred thousand attributes beside good files, a
//! file over the size limit, a UTF-8 page with a damaged byte, and ranges open at both ends.
//! Each bad input is named with its reason; the good ones are stored; nothing panics.

use crate::search::sample_data;
use crate::serve::{Server, encode};
use crate::util::{assert_ok, duban_with_data, read_jsonl, show, told_a_panic};
use serde_json::Value;
use std::fs;
use std::path::Path;

const PLAN: &str = "某县2025年城乡环境整治工作要点\n\n一、集中清理积存垃圾\n1. 各乡镇要在2025年5月底前完成村庄积存垃圾清运。\n2. 县住建局每月开展一次督查，通报整治进度。\n";
const PARAGRAPH: &str = "<p>各乡镇人民政府应当在2025年6月底前完成农村户厕问题摸排整改。</p>";

/// A folder of good files with three hostile ones among them; returns the run's output and
/// the exported documents' paths.
fn ingest_hostile_folder(tmp: &Path, extra: &[&str]) -> (std::process::Output, Vec<String>) {
    let dir = tmp.join("in");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("plan.txt"), PLAN).unwrap();
    fs::write(
        dir.join("notice.html"),
        format!("<html><body><div class=content>{PARAGRAPH}</div></body></html>"),
    )
    .unwrap();
    let depth = 100_000;
    fs::write(
        dir.join("deep.html"),
        format!(
            "{}{PARAGRAPH}{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        ),
    )
    .unwrap();
    let attrs: String = (0..200_000).map(|k| format!(" data-k{k}=\"1\"")).collect();
    fs::write(
        dir.join("attributes.html"),
        format!("<html><body><div class=content{attrs}>{PARAGRAPH}</div></body></html>"),
    )
    .unwrap();
    // UTF-8 with one byte damaged in the middle of a character, declared and not.
    for (name, head) in [
        ("damaged.html", ""),
        ("damaged-declared.html", "<meta charset=\"utf-8\">"),
    ] {
        let mut bytes =
            format!("<html><head>{head}</head><body>{PARAGRAPH}</body></html>").into_bytes();
        let middle = bytes.len() / 2;
        bytes[middle] = 0xFF;
        fs::write(dir.join(name), bytes).unwrap();
    }
    let mut args = vec!["ingest", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = duban_with_data(&tmp.join("data"), &args);
    let docs = read_jsonl(&tmp.join("data/export/documents.jsonl"));
    let paths = docs
        .iter()
        .map(|d| d["source"]["path"].as_str().unwrap_or_default().to_string())
        .collect();
    (out, paths)
}

#[test]
fn a_deep_page_is_refused_by_name_and_the_files_beside_it_are_stored() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, paths) = ingest_hostile_folder(tmp.path(), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!told_a_panic(&stderr), "{}", show(&out));
    let deep: Vec<&str> = stderr.lines().filter(|l| l.contains("deep.html")).collect();
    assert_eq!(deep.len(), 1, "{}", show(&out));
    assert!(deep[0].contains("nested more than"), "{}", deep[0]);
    for good in [
        "plan.txt",
        "notice.html",
        "attributes.html",
        "damaged.html",
        "damaged-declared.html",
    ] {
        assert!(
            paths.iter().any(|p| p.ends_with(&format!("/{good}"))),
            "{good} is exported: {paths:?}\n{}",
            show(&out)
        );
    }
    assert!(!paths.iter().any(|p| p.ends_with("deep.html")));
}

#[test]
fn a_damaged_utf8_page_is_read_as_utf8() {
    let tmp = tempfile::tempdir().unwrap();
    let (_out, _paths) = ingest_hostile_folder(tmp.path(), &[]);
    let docs = read_jsonl(&tmp.path().join("data/export/documents.jsonl"));
    for d in docs.iter().filter(|d| {
        d["source"]["path"]
            .as_str()
            .is_some_and(|p| p.contains("damaged"))
    }) {
        assert_eq!(d["source"]["encoding"], "UTF-8", "{d}");
        assert!(d["text"].as_str().unwrap().contains("农村户厕"), "{d}");
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_by_name_with_its_size() {
    let tmp = tempfile::tempdir().unwrap();
    let (out, paths) = ingest_hostile_folder(tmp.path(), &["--max-document-bytes", "1000"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains("attributes.html"))
        .unwrap_or_else(|| panic!("attributes.html is named:\n{}", show(&out)));
    assert!(line.contains("over the limit of 1000"), "{line}");
    assert!(paths.iter().any(|p| p.ends_with("/plan.txt")), "{paths:?}");
    assert!(!paths.iter().any(|p| p.ends_with("attributes.html")));
}

/// The hits of `duban search QUERY --json` over the sample index, each a JSON object.
fn cli_hits(data: &Path, query: &str) -> Vec<Value> {
    let out = duban_with_data(data, &["-q", "search", query, "--json", "--limit", "100"]);
    assert_ok(&out);
    assert!(out.stderr.is_empty(), "{}", show(&out));
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    r["hits"].as_array().unwrap().clone()
}

/// Whether an obligation hit has a value for the field an open range asks about.
fn has_value(hit: &Value, field: &str) -> bool {
    let o = &hit["obligation"];
    match field {
        "deadline" => !o["deadlines"].as_array().unwrap().is_empty(),
        "value" => o["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["value"].is_number()),
        _ => o["year"].is_number(),
    }
}

const OPEN_RANGES: [(&str, &str); 4] = [
    ("year:[* TO *]", "year"),
    ("deadline:{* TO *}", "deadline"),
    ("deadline:[* TO *]", "deadline"),
    ("value:{* TO *}", "value"),
];

#[test]
fn open_ranges_from_the_command_line_find_records_with_a_value() {
    let data = sample_data();
    for (query, field) in OPEN_RANGES {
        let hits = cli_hits(data.path(), query);
        assert!(!hits.is_empty(), "{query}");
        assert!(hits.iter().all(|h| has_value(h, field)), "{query}");
    }
}

#[test]
fn open_ranges_over_http_find_records_with_a_value() {
    let data = sample_data();
    let server = Server::start(data.path());
    for (query, field) in OPEN_RANGES {
        let (status, body) = server.get_json(&format!("/api/search?q={}&limit=100", encode(query)));
        assert_eq!(status, 200, "{query}: {body}");
        let hits = body["hits"].as_array().unwrap();
        assert!(!hits.is_empty(), "{query}");
        assert!(hits.iter().all(|h| has_value(h, field)), "{query}: {body}");
    }
}

/// A folder with a page nested twelve elements deep beside two ordinary files.
fn folder_with_a_page_twelve_deep(dir: &Path) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join("plan.txt"), PLAN).unwrap();
    fs::write(
        dir.join("notice.html"),
        format!("<html><body><div class=content>{PARAGRAPH}</div></body></html>"),
    )
    .unwrap();
    fs::write(
        dir.join("nested.html"),
        format!(
            "<html><body>{}{PARAGRAPH}{}</body></html>",
            "<div>".repeat(12),
            "</div>".repeat(12)
        ),
    )
    .unwrap();
}

#[test]
fn a_limit_lowered_by_a_pipeline_file_or_a_flag_is_named_when_hit_and_the_other_files_are_stored() {
    let tmp = tempfile::tempdir().unwrap();
    folder_with_a_page_twelve_deep(&tmp.path().join("in"));
    let pipeline = tmp.path().join("limits.toml");
    fs::write(
        &pipeline,
        "[pipeline]\nname = \"limits\"\n\n[[source]]\nid = \"in\"\ntype = \"files\"\npaths = [\"in\"]\n\n[limits]\nmax_nesting = 10\n",
    )
    .unwrap();
    let in_dir = tmp.path().join("in");
    let runs: [(&str, Vec<&str>); 2] = [
        ("by-pipeline", vec!["run", pipeline.to_str().unwrap()]),
        (
            "by-flag",
            vec!["ingest", "--max-nesting", "10", in_dir.to_str().unwrap()],
        ),
    ];
    for (data, args) in runs {
        let data = tmp.path().join(data);
        let out = duban_with_data(&data, &args);
        assert_eq!(out.status.code(), Some(1), "{}", show(&out));
        let stderr = String::from_utf8_lossy(&out.stderr);
        let nested: Vec<&str> = stderr
            .lines()
            .filter(|l| l.contains("nested.html"))
            .collect();
        assert_eq!(nested.len(), 1, "{}", show(&out));
        assert!(
            nested[0].contains("nested more than 10 elements deep")
                && nested[0].contains("limits.max_nesting = 10"),
            "{}",
            nested[0]
        );
        let docs = read_jsonl(&data.join("export/documents.jsonl"));
        let mut paths: Vec<&str> = docs
            .iter()
            .filter_map(|d| d["source"]["path"].as_str())
            .map(|p| p.rsplit('/').next().unwrap_or(p))
            .collect();
        paths.sort_unstable();
        assert_eq!(paths, ["notice.html", "plan.txt"], "{}", show(&out));
    }
}
