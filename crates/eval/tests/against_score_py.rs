//! `evaluate` against the scorer itself: on an export made from the gold by `gold2export.py`
//! and on a deliberately degraded copy, `score.py --json`, `score.py --verbose` and `score.py`
//! must print exactly what `to_json` and `render` give.
//!
//! Needs `../shared` beside the repository and `python3`; without them it prints a note and
//! passes (a fresh clone has no `../shared`).
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly where its setup does"
)]

use serde_json::{Value, json};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `../shared` beside the repository root, when it holds the scorer and the seeds' gold. Where
/// `DUBAN_REQUIRE_SHARED` is set (CI), its absence fails instead of skipping.
fn shared() -> Option<PathBuf> {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let ok = shared.join("tools/score.py").is_file() && shared.join("gold/seeds").is_dir();
    assert!(
        ok || std::env::var_os("DUBAN_REQUIRE_SHARED").is_none(),
        "DUBAN_REQUIRE_SHARED is set but {} holds no scorer and gold",
        shared.display()
    );
    ok.then_some(shared)
}

fn python_works() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

fn python(args: &[&Path], flags: &[&str]) -> String {
    let out = Command::new("python3")
        .args(args)
        .args(flags)
        .output()
        .expect("running python3");
    assert!(
        out.status.success(),
        "python3 {args:?} {flags:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn read_lines(path: &Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn write_lines(path: &Path, values: &[Value]) {
    let text: String = values.iter().map(|v| format!("{v}\n")).collect();
    fs::write(path, text).unwrap();
}

/// A copy of an exact export with errors of every kind the scorer counts: dropped, renamed and
/// extra obligations, changed metrics, bodies, deadlines and kinds, and wrong document fields.
fn degrade(exact: &Path, out: &Path) {
    fs::create_dir_all(out).unwrap();
    let mut docs = read_lines(&exact.join("documents.jsonl"));
    for (i, d) in docs.iter_mut().enumerate() {
        match i % 5 {
            0 => d["title"] = json!(format!("{}（草案）", d["title"].as_str().unwrap_or(""))),
            1 => d["doc_number"] = Value::Null,
            2 => d["period"] = json!({"start": 2001, "end": 2005}),
            3 => d["year"] = json!(d["year"].as_i64().unwrap_or(2000) + 1),
            _ => {
                // Paired through the extension-less rule.
                let p = d["source"]["path"].as_str().unwrap_or("").to_string();
                let stem = p
                    .rsplit_once('.')
                    .map_or(p.as_str(), |(s, _)| s)
                    .to_string();
                d["source"] = json!({"path": format!("corpus/{stem}.html")});
            }
        }
    }
    write_lines(&out.join("documents.jsonl"), &docs);

    let mut obls = Vec::new();
    for (i, mut o) in read_lines(&exact.join("obligations.jsonl"))
        .into_iter()
        .enumerate()
    {
        if i % 7 == 3 {
            continue;
        }
        if i % 6 == 5 {
            o["heading"] = json!(format!("（新增）其他工作{i}"));
            o["text"] = json!("");
        }
        if i % 8 == 1 {
            o["kind"] = json!("principle");
        }
        if let Some(ms) = o["metrics"].as_array_mut() {
            for (j, m) in ms.iter_mut().enumerate() {
                if (i + j) % 5 == 0 {
                    m["value"] = json!(m["value"].as_f64().unwrap_or(0.0) * 2.0 + 0.0004);
                }
                if (i + j) % 3 == 0 {
                    let ind: String = m["indicator"]
                        .as_str()
                        .unwrap_or("")
                        .chars()
                        .take(2)
                        .collect();
                    m["indicator"] = json!(ind);
                }
            }
        }
        if let Some(bs) = o["bodies"].as_array_mut() {
            if i % 4 == 0 && !bs.is_empty() {
                let name = format!("{}办公室", bs[0]["name"].as_str().unwrap_or(""));
                bs[0]["name"] = json!(name);
            }
            if i % 11 == 0 && !bs.is_empty() {
                let first = bs[0].clone();
                bs.push(first);
            }
        }
        if let Some(ds) = o["deadlines"].as_array_mut() {
            for d in ds.iter_mut() {
                let y = d["year"].as_i64().unwrap_or(2000);
                // A float year equals the int year for F1, but shows in the verbose lines.
                d["year"] = if i % 2 == 0 {
                    json!(y as f64)
                } else {
                    json!(y + 1)
                };
            }
        }
        obls.push(o);
    }
    write_lines(&out.join("obligations.jsonl"), &obls);
}

#[test]
fn evaluate_prints_what_score_py_prints_on_exact_and_degraded_exports() {
    let Some(shared) = shared() else {
        eprintln!(
            "note: ../shared (score.py, gold/seeds) is absent; skipping the comparison with score.py"
        );
        return;
    };
    if !python_works() {
        assert!(
            std::env::var_os("DUBAN_REQUIRE_SHARED").is_none(),
            "DUBAN_REQUIRE_SHARED is set but python3 does not run"
        );
        eprintln!("note: python3 is not available; skipping the comparison with score.py");
        return;
    }
    let gold = shared.join("gold/seeds");
    let score = shared.join("tools/score.py");
    let tmp = tempfile::tempdir().unwrap();
    let exact = tmp.path().join("exact");
    let degraded = tmp.path().join("degraded");
    python(&[&shared.join("tools/gold2export.py"), &gold, &exact], &[]);
    degrade(&exact, &degraded);

    for export in [&exact, &degraded] {
        let report = duban_eval::evaluate(export, &gold).unwrap();
        assert_eq!(
            python(&[&score, export, &gold], &["--json"]),
            format!("{}\n", report.to_json()),
            "JSON differs for {}",
            export.display()
        );
        assert_eq!(
            python(&[&score, export, &gold], &["--verbose"]),
            report.render(true),
            "verbose text differs for {}",
            export.display()
        );
        assert_eq!(python(&[&score, export, &gold], &[]), report.render(false));
    }

    let exact_report = duban_eval::evaluate(&exact, &gold).unwrap();
    for s in [
        exact_report.obligations,
        exact_report.deadlines,
        exact_report.recurrences,
        exact_report.metrics,
        exact_report.bodies,
    ] {
        assert_eq!((s.p, s.r, s.f1), (1.0, 1.0, 1.0));
    }
    let degraded_report = duban_eval::evaluate(&degraded, &gold).unwrap();
    assert!(degraded_report.obligations.f1 < 1.0 && degraded_report.metrics.f1 < 1.0);
    assert!(degraded_report.bodies.f1 < 1.0 && degraded_report.deadlines.f1 < 1.0);
    assert!(degraded_report.kind_accuracy < Some(1.0));
    assert!(degraded_report.indicator_accuracy < Some(1.0));
    assert!(!degraded_report.misses.is_empty());
    assert_eq!(degraded_report.documents_found(), 5);
}
