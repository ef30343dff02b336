//! The foundation from the command line: the main job over `corpora/seeds`, stable ids and
//! byte-identical re-runs, `duban ingest` with bad files, `--help` of every subcommand, and
//! `duban eval` on an export made from the gold.
//!
//! The extractor and cleaner change often, so these tests check structure (five documents,
//! ids, determinism), never obligation counts or metadata values.

use crate::util::{
    assert_ok, duban, duban_with_data, export_bytes, python_works, read_jsonl, run_main_job,
    shared, show, told_a_panic,
};
use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::process::Command;

#[test]
fn the_main_job_exports_the_five_seed_documents_with_their_obligations() {
    let tmp = tempfile::tempdir().unwrap();
    run_main_job(tmp.path());
    let docs = read_jsonl(&tmp.path().join("export/documents.jsonl"));
    assert_eq!(docs.len(), 5, "the seeds are five documents");
    let ids: HashSet<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 5, "document ids are distinct: {ids:?}");

    let obls = read_jsonl(&tmp.path().join("export/obligations.jsonl"));
    assert!(!obls.is_empty(), "the seeds have numbered items");
    let mut obl_ids = HashSet::new();
    for o in &obls {
        let doc_id = o["doc_id"].as_str().unwrap();
        let id = o["id"].as_str().unwrap();
        assert!(
            ids.contains(doc_id),
            "obligation {id} of an unexported document"
        );
        assert!(
            id.starts_with(&format!("{doc_id}#")),
            "id {id} is <doc id>#<path>"
        );
        assert!(obl_ids.insert(id.to_string()), "obligation id {id} twice");
    }
    // Every seed yields obligations.
    let with_obligations: HashSet<&str> =
        obls.iter().map(|o| o["doc_id"].as_str().unwrap()).collect();
    assert_eq!(with_obligations, ids);
}

#[test]
fn rerunning_the_main_job_gives_byte_identical_exports_and_the_same_ids() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    run_main_job(first.path());
    let once = export_bytes(first.path());
    // The same data folder again (documents now unchanged), and a fresh one.
    run_main_job(first.path());
    run_main_job(second.path());
    assert!(
        once == export_bytes(first.path()),
        "a re-run in the same data folder changed the exports"
    );
    assert!(
        once == export_bytes(second.path()),
        "a run in another data folder gave other exports"
    );
}

/// A folder with one good plan and one file of each kind of bad input.
fn mixed_folder(dir: &Path) {
    let good = "某县2024年河长制工作要点\n\n一、加强河道保洁\n1. 各乡镇要在2024年6月底前完成河道清障。\n2. 每季度开展一次巡河检查，责任单位：县水利局。\n二、强化考核\n（一）将河长制工作纳入年度考核，考核合格率达到95%以上。\n";
    fs::write(dir.join("good.txt"), good).unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    // A PNG image under a text name: its header holds NUL bytes.
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa";
    fs::write(dir.join("image.txt"), png).unwrap();
    // Bytes that are not UTF-8 and not GB18030, GBK or Big5 either (0xFF leads nothing).
    let garbled: Vec<u8> = "河道治理"
        .bytes()
        .chain([0xff, 0xfe, 0xfd, 0xff, 0x80])
        .cycle()
        .take(600)
        .collect();
    fs::write(dir.join("garbled.txt"), &garbled[1..]).unwrap();
}

/// `duban ingest` of [`mixed_folder`]: the run's output and its data folder.
fn ingest_mixed_folder() -> (std::process::Output, tempfile::TempDir) {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    mixed_folder(&input);
    let data = tmp.path().join("data");
    let out = duban_with_data(&data, &["ingest", input.to_str().unwrap()]);
    (out, tmp)
}

#[test]
fn ingest_with_bad_files_exits_1_without_panicking_and_still_exports_the_good_file() {
    let (out, tmp) = ingest_mixed_folder();
    assert_eq!(
        out.status.code(),
        Some(1),
        "some files failed:\n{}",
        show(&out)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!told_a_panic(&stderr), "{}", show(&out));
    assert!(
        !stderr.lines().any(|l| l.contains("good.txt")),
        "the good file has no error:\n{}",
        show(&out)
    );
    let docs = read_jsonl(&tmp.path().join("data/export/documents.jsonl"));
    let good: Vec<&serde_json::Value> = docs
        .iter()
        .filter(|d| {
            d["source"]["path"]
                .as_str()
                .unwrap_or_default()
                .ends_with("good.txt")
        })
        .collect();
    assert_eq!(good.len(), 1, "the good file is exported:\n{}", show(&out));
    let good_id = good[0]["id"].as_str().unwrap();
    let obls = read_jsonl(&tmp.path().join("data/export/obligations.jsonl"));
    assert!(
        obls.iter().any(|o| o["doc_id"] == good_id),
        "the good file's numbered items are exported"
    );
}

#[test]
fn ingest_prints_one_error_line_per_bad_file_naming_it_and_the_reason() {
    let (out, _tmp) = ingest_mixed_folder();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, reason_words) in [
        ("empty.txt", &["empty"][..]),
        ("image.txt", &["binary", "nul"][..]),
        (
            "garbled.txt",
            &["encoding", "utf-8", "not text", "decode"][..],
        ),
    ] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(file)).collect();
        assert_eq!(lines.len(), 1, "one error line for {file}:\n{}", show(&out));
        assert_eq!(
            lines[0].matches(file).count(),
            1,
            "the line names {file} once: {}",
            lines[0]
        );
        let line = lines[0].to_lowercase();
        assert!(
            reason_words.iter().any(|w| line.contains(w)),
            "the line for {file} gives a reason ({reason_words:?}): {line}"
        );
    }
}

#[test]
fn ingest_refuses_a_file_that_is_not_utf8_nor_any_known_chinese_encoding() {
    let (out, tmp) = ingest_mixed_folder();
    let docs = read_jsonl(&tmp.path().join("data/export/documents.jsonl"));
    let garbled: Vec<&str> = docs
        .iter()
        .filter_map(|d| d["source"]["path"].as_str())
        .filter(|p| p.ends_with("garbled.txt"))
        .collect();
    assert!(
        garbled.is_empty(),
        "garbled.txt was exported as a document:\n{}",
        show(&out)
    );
}

/// The subcommands `duban --help` lists.
fn subcommands() -> Vec<String> {
    let out = duban(&["--help"]);
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn every_subcommand_has_help() {
    let names = subcommands();
    for required in ["ingest", "run", "search", "export", "eval", "runs"] {
        assert!(
            names.iter().any(|n| n == required),
            "{required} in {names:?}"
        );
    }
    for name in &names {
        let out = duban(&[name, "--help"]);
        assert_ok(&out);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains(&format!("Usage: duban {name}")),
            "help of {name}:\n{text}"
        );
    }
}

#[test]
fn eval_grades_an_export_made_from_the_gold_at_one() {
    let Some(shared) = shared() else {
        eprintln!("note: ../shared is absent; skipping duban eval against the seeds' gold");
        return;
    };
    if !python_works() {
        eprintln!("note: python3 is not available; skipping duban eval against the seeds' gold");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let export = tmp.path().join("export");
    let gold = shared.join("gold/seeds");
    let made = Command::new("python3")
        .arg(shared.join("tools/gold2export.py"))
        .arg(&gold)
        .arg(&export)
        .output()
        .unwrap();
    assert!(made.status.success(), "gold2export.py: {}", show(&made));

    let gold = gold.to_str().unwrap();
    let out = duban(&["eval", "--gold", gold, export.to_str().unwrap()]);
    assert_ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    for field in [
        "obligations",
        "deadlines",
        "recurrences",
        "metrics",
        "bodies",
    ] {
        let line = text
            .lines()
            .find(|l| l.starts_with(field))
            .unwrap_or_default();
        assert!(line.contains("P=1.000 R=1.000 F1=1.000"), "{field}: {text}");
    }
    assert!(
        text.contains("kind accuracy 1.0  indicator accuracy 1.0"),
        "{text}"
    );
    assert!(text.ends_with("documents found 5/5\n"), "{text}");

    let out = duban(&["eval", "--json", "--gold", gold, export.to_str().unwrap()]);
    assert_ok(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["obligations"]["f1"], 1.0);
    assert!(
        report["document_fields"]
            .as_object()
            .unwrap()
            .values()
            .all(|v| *v == 1.0)
    );
}

#[test]
fn eval_refuses_an_export_folder_that_does_not_exist() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-export");
    let out = duban(&[
        "eval",
        "--gold",
        tmp.path().to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no-export"),
        "{}",
        show(&out)
    );
}
