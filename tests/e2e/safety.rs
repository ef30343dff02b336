//! Safe to schedule and safe to interrupt, from the command line: the data folder's lock,
//! exports and index that never go backwards silently nor lose a document after a kill, an
//! unchanged re-run that rewrites nothing, and the run reports.

use crate::util::{assert_ok, duban_with_data, export_bytes, read_jsonl, repo, show};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[test]
fn a_second_writer_of_a_data_folder_is_refused_with_the_holder_named() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let lock = duban_pipeline::DataDirLock::acquire(
        &data,
        "duban run nightly.toml",
        "2026-12-06T02:00:00Z",
    )
    .unwrap();
    for args in [
        &["ingest", "corpora/seeds"][..],
        &["run", "pipelines/corpora.toml"][..],
        &["export"][..],
        &["reprocess"][..],
    ] {
        let out = duban_with_data(&data, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", show(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(&format!("process {}", std::process::id()))
                && err.contains("duban run nightly.toml")
                && err.contains("since 2026-12-06T02:00:00Z"),
            "{args:?}: {err}"
        );
    }
    drop(lock);
    assert_ok(&duban_with_data(&data, &["ingest", "corpora/seeds"]));
}

#[test]
fn the_lock_of_a_killed_run_is_taken_over_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).unwrap();
    // What a process killed while holding the lock leaves: its holder line, no lock.
    std::fs::write(
        data.join("lock"),
        r#"{"pid":4194000,"command":"duban run pipelines/corpora.toml","since":"2026-12-05T02:00:00Z"}"#,
    )
    .unwrap();
    let out = duban_with_data(&data, &["ingest", "corpora/seeds"]);
    assert_ok(&out);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Took over the lock") && err.contains("4194000"),
        "{err}"
    );
}

/// Runs `duban --data DATA ARGS...` from the repository root with a crash point set (see
/// `duban_pipeline::abort`): the process aborts the `n`th time it passes `stage`.
fn duban_aborting_at(data: &Path, at: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .current_dir(repo())
        .env_remove("RUST_LOG")
        .env(duban_pipeline::abort::ABORT_AT_VAR, at)
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .expect("running the duban binary")
}

/// Documents in the data folder's search index.
fn indexed_documents(data: &Path) -> usize {
    duban_index::SearchIndex::open(&data.join("index"))
        .unwrap()
        .stats()
        .unwrap()
        .documents
}

/// Temporary files in the export folder.
fn leftovers(data: &Path) -> Vec<String> {
    std::fs::read_dir(data.join("export"))
        .map(|dir| {
            dir.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

/// Asserts that a run finished: exit 0, or 1 where some inputs failed (the local site has
/// scripted faults), never 2 nor a signal.
fn assert_finished(out: &Output) {
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "duban did not finish:\n{}",
        show(out)
    );
}

/// One crash trial: `before` (if any) run to completion, then `args` aborted at `at`, then
/// `args` run to completion. Between, the exports in place are whole (their manifest
/// matches) and, where the aborted run did not get to put its exports in place, those of
/// `before`; at the end the exports are byte for byte `expected` and the index holds every
/// exported document.
fn crash_trial(before: Option<&[&str]>, args: &[&str], at: &str, expected: &(Vec<u8>, Vec<u8>)) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let previous = before.map(|b| {
        assert_finished(&duban_with_data(&data, b));
        export_bytes(&data)
    });
    let killed = duban_aborting_at(&data, at, args);
    assert_eq!(
        killed.status.code(),
        None,
        "{at}: the run was not stopped:\n{}",
        show(&killed)
    );
    if let Some(previous) = &previous {
        assert!(
            duban_export::verify(&data.join("export")).is_ok(),
            "{at}: torn export after the kill"
        );
        if at != "exported:1" {
            assert_eq!(
                &export_bytes(&data),
                previous,
                "{at}: the previous export changed"
            );
        }
    }
    assert_finished(&duban_with_data(&data, args));
    assert!(
        without_fetch_times(&export_bytes(&data)) == without_fetch_times(expected),
        "{at}: exports differ from an uninterrupted run"
    );
    let documents = read_jsonl(&data.join("export/documents.jsonl")).len();
    assert_eq!(
        indexed_documents(&data),
        documents,
        "{at}: index and export disagree"
    );
    assert_eq!(leftovers(&data), Vec::<String>::new(), "{at}");
    assert!(
        duban_export::verify(&data.join("export"))
            .unwrap()
            .is_some()
    );
}

/// Export lines with every `fetched_at` taken out: a crawl stamps each document with the time
/// it was fetched, and a page fetched by the killed run keeps that run's time (it answers 304
/// to the next). Everything else must match byte for byte; ingested files carry no time.
fn without_fetch_times((documents, obligations): &(Vec<u8>, Vec<u8>)) -> (String, String) {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.remove("fetched_at");
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let lines = |bytes: &[u8]| {
        String::from_utf8_lossy(bytes)
            .lines()
            .map(|l| {
                let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                strip(&mut v);
                v.to_string() + "\n"
            })
            .collect::<String>()
    };
    (lines(documents), lines(obligations))
}

/// The seed folder with its first two documents only, under the same folder name (so the
/// same ids).
fn two_seeds(dir: &Path) -> PathBuf {
    let seeds = dir.join("seeds");
    std::fs::create_dir_all(&seeds).unwrap();
    let mut names: Vec<_> = std::fs::read_dir(repo().join("corpora/seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for p in names.iter().take(2) {
        std::fs::copy(p, seeds.join(p.file_name().unwrap())).unwrap();
    }
    seeds
}

#[test]
fn ingest_killed_at_any_stage_then_rerun_exports_what_an_uninterrupted_run_does() {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    assert_ok(&duban_with_data(&reference, &["ingest", "corpora/seeds"]));
    let expected = export_bytes(&reference);
    let two = two_seeds(dir.path());
    let two = two.to_str().unwrap();
    // After the two-document run, only three documents are new: the points are those that
    // both flavours pass.
    let points = [
        "extract:1",
        "extract:3",
        "store:1",
        "store:2",
        "store:3",
        "index:1",
        "indexed:1",
        "export:1",
        "export:4",
        "exported:1",
    ];
    for before in [None, Some(&["ingest", two][..])] {
        for at in points {
            crash_trial(before, &["ingest", "corpora/seeds"], at, &expected);
        }
    }
}

#[test]
fn a_run_killed_while_the_index_catches_up_is_caught_up_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let reference = dir.path().join("reference");
    assert_ok(&duban_with_data(&reference, &["ingest", "corpora/seeds"]));
    let expected = export_bytes(&reference);
    let data = dir.path().join("data");
    // Stored, not indexed: the next run's catch-up has five records to index, and is killed.
    let killed = duban_aborting_at(&data, "index:1", &["ingest", "corpora/seeds"]);
    assert_eq!(killed.status.code(), None, "{}", show(&killed));
    let killed = duban_aborting_at(&data, "catch-up:3", &["ingest", "corpora/seeds"]);
    assert_eq!(killed.status.code(), None, "{}", show(&killed));
    assert_ok(&duban_with_data(&data, &["ingest", "corpora/seeds"]));
    assert!(export_bytes(&data) == expected);
    assert_eq!(indexed_documents(&data), 5);
}

/// The bundled local site served on a free port, and `pipelines/local-site.toml` pointed at it
/// in a temporary folder.
fn local_site() -> (
    duban_testkit::site_server::SiteServer,
    tempfile::TempDir,
    PathBuf,
) {
    let server = duban_testkit::site_server::SiteServer::start(
        &repo().join("corpora/sites/www.linjiang.gov.cn"),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(repo().join("pipelines/local-site.toml")).unwrap();
    let pipeline = dir.path().join("local-site.toml");
    std::fs::write(
        &pipeline,
        text.replace("127.0.0.1:8089", &format!("127.0.0.1:{}", server.port())),
    )
    .unwrap();
    (server, dir, pipeline)
}

#[test]
fn a_crawl_killed_at_any_stage_then_rerun_exports_and_indexes_what_an_uninterrupted_run_does() {
    let (_server, dir, pipeline) = local_site();
    let args = ["run", pipeline.to_str().unwrap()];
    let reference = dir.path().join("reference");
    assert_finished(&duban_with_data(&reference, &args));
    let expected = export_bytes(&reference);
    // The next run after a kill gets 304s or the same bodies for what the killed one fetched,
    // and processes none of them again: what it stored must reach the index all the same.
    for at in [
        "fetch:1",
        "extract:3",
        "store:2",
        "commit:1",
        "index:1",
        "indexed:1",
        "export:3",
        "exported:1",
    ] {
        crash_trial(None, &args, at, &expected);
    }
}

/// Deletes the data folder's state database (and its log), as a careless operator might.
fn lose_state(data: &Path) {
    for name in ["state.sqlite", "state.sqlite-wal", "state.sqlite-shm"] {
        let _ = std::fs::remove_file(data.join(name));
    }
}

#[test]
fn a_lost_state_never_wipes_the_exports_nor_splits_them_from_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_ok(&duban_with_data(&data, &["ingest", "corpora/seeds"]));
    let full = export_bytes(&data);
    lose_state(&data);
    let export = duban_with_data(&data, &["export"]);
    assert_eq!(export.status.code(), Some(2), "{}", show(&export));
    let err = String::from_utf8_lossy(&export.stderr);
    assert!(
        err.contains("another state") && err.contains("--force"),
        "{err}"
    );
    assert!(export_bytes(&data) == full, "export overwritten");
    let two = two_seeds(dir.path());
    let ingest = duban_with_data(&data, &["ingest", two.to_str().unwrap()]);
    assert_eq!(ingest.status.code(), Some(2), "{}", show(&ingest));
    assert!(export_bytes(&data) == full, "export overwritten");
    assert_eq!(indexed_documents(&data), 5);
    // Forced, exports and index both hold what the new state holds, and agree.
    assert_ok(&duban_with_data(
        &data,
        &["ingest", "--force", two.to_str().unwrap()],
    ));
    assert_eq!(read_jsonl(&data.join("export/documents.jsonl")).len(), 2);
    assert_eq!(indexed_documents(&data), 2);
}

/// Every file under `dir` (lock files aside) with its bytes and modification time.
fn files_with_times(dir: &Path) -> Vec<(PathBuf, Vec<u8>, std::time::SystemTime)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_with_times(&path));
        } else if !path.to_string_lossy().ends_with(".lock") {
            let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
            out.push((path.clone(), std::fs::read(&path).unwrap(), modified));
        }
    }
    out.sort();
    out
}

#[test]
fn a_second_run_over_unchanged_sources_rewrites_no_export_or_index_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_ok(&duban_with_data(&data, &["run", "pipelines/corpora.toml"]));
    let export = files_with_times(&data.join("export"));
    let index = files_with_times(&data.join("index"));
    assert!(export.len() >= 3 && !index.is_empty());
    assert_ok(&duban_with_data(&data, &["run", "pipelines/corpora.toml"]));
    assert!(
        files_with_times(&data.join("export")) == export,
        "an export file was rewritten"
    );
    assert!(
        files_with_times(&data.join("index")) == index,
        "an index file was rewritten"
    );
    // Nor were the unchanged files extracted again; the run counts their obligations all the
    // same.
    let report = |id: u32| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(data.join(format!("runs/{id}.json"))).unwrap())
            .unwrap()
    };
    let (first, second) = (report(1), report(2));
    assert_eq!(second["unchanged"], 5, "{second}");
    assert_eq!(second["skipped_unchanged"], 5, "{second}");
    assert_eq!(second["obligations"], first["obligations"], "{second}");
    assert_eq!(
        second["stages"]["extract"]["items"].as_u64().unwrap_or(0),
        0,
        "{second}"
    );
}

#[test]
fn every_run_writes_its_report_and_duban_runs_lists_finished_and_interrupted_runs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_ok(&duban_with_data(&data, &["run", "pipelines/corpora.toml"]));
    // The documents are unchanged and not extracted again: the run is stopped in its export,
    // which an unchanged run writes only without the seal of the exports in place.
    std::fs::remove_file(data.join("export.seal")).unwrap();
    let killed = duban_aborting_at(&data, "export:2", &["ingest", "corpora/seeds"]);
    assert_eq!(killed.status.code(), None, "{}", show(&killed));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("runs/1.json")).unwrap()).unwrap();
    assert_eq!(report["status"], "finished");
    assert_eq!(report["pipeline"], "corpora");
    assert_eq!(report["documents"], 5);
    assert_eq!(report["exported_documents"], 5);
    for stage in ["read", "extract", "store", "index", "export"] {
        let s = &report["stages"][stage];
        assert!(
            s["seconds"].is_number() && s["per_second"].is_number(),
            "{stage}: {report}"
        );
    }
    assert_eq!(report["stages"]["extract"]["items"], 5);
    let interrupted: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("runs/2.json")).unwrap()).unwrap();
    assert_eq!(interrupted["status"], "running");
    let list = duban_with_data(&data, &["runs"]);
    assert_ok(&list);
    let text = String::from_utf8_lossy(&list.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("#2 ingest") && lines[0].contains("interrupted"),
        "{text}"
    );
    assert!(
        lines[1].starts_with("#1 corpora") && lines[1].contains("5 documents"),
        "{text}"
    );
    // The time the run finished, read when it finished (not its start again).
    let (started, finished) = (
        report["started_at"].as_str().unwrap(),
        report["finished_at"].as_str().unwrap(),
    );
    assert!(finished >= started, "{started} {finished}");
    assert!(
        lines[1].contains(&format!("started {started} finished {finished} (")),
        "{text}"
    );
    let show_one = duban_with_data(&data, &["runs", "--show", "1"]);
    assert_ok(&show_one);
    let shown: serde_json::Value = serde_json::from_slice(&show_one.stdout).unwrap();
    assert_eq!(shown, report);
}

/// A run an error stops (here its exports cannot be written) is listed as failed with the
/// error, and the next run, the obstacle gone, finishes its work.
#[test]
fn a_run_stopped_by_an_error_is_listed_as_failed_and_the_next_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    assert_ok(&duban_with_data(&data, &["ingest", "corpora/seeds"]));
    let blocked = data.join("export/obligations.jsonl");
    std::fs::remove_file(&blocked).unwrap();
    std::fs::create_dir(&blocked).unwrap();
    let failed = duban_with_data(&data, &["ingest", "corpora/seeds"]);
    assert!(!failed.status.success(), "{}", show(&failed));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("runs/2.json")).unwrap()).unwrap();
    assert_eq!(report["status"], "failed", "{report}");
    assert!(
        report["error"]
            .as_str()
            .unwrap()
            .contains("obligations.jsonl"),
        "{report}"
    );
    // The error is printed once, its cause not repeated.
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert_eq!(stderr.matches("os error").count(), 1, "{stderr}");
    let list = duban_with_data(&data, &["runs"]);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(
        text.lines().next().unwrap().starts_with("#2 ingest")
            && text.lines().next().unwrap().contains("failed"),
        "{text}"
    );
    std::fs::remove_dir(&blocked).unwrap();
    assert_ok(&duban_with_data(&data, &["ingest", "corpora/seeds"]));
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.join("runs/3.json")).unwrap()).unwrap();
    assert_eq!(report["status"], "finished");
    assert_eq!(report["exported_documents"], 5);
}

#[test]
fn json_logs_are_one_object_a_line_for_log_shippers() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let out = duban_with_data(
        &data,
        &["-v", "--log-format", "json", "ingest", "corpora/seeds"],
    );
    assert_ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let events: Vec<serde_json::Value> = stderr
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert!(
        events
            .iter()
            .any(|e| e["fields"]["message"] == "Run finished." && e["level"] == "INFO"),
        "{stderr}"
    );
}

#[test]
fn health_says_stale_while_the_index_lacks_stored_records_and_not_after_the_next_run() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let killed = duban_aborting_at(&data, "index:1", &["ingest", "corpora/seeds"]);
    assert_eq!(killed.status.code(), None, "{}", show(&killed));
    {
        let server = crate::serve::Server::start(&data);
        let (status, v) = server.get_json("/api/health");
        assert_eq!(status, 200);
        assert_eq!(v["stale"], true, "{v}");
        assert!(
            v["stale_reason"].as_str().unwrap().contains("catches up"),
            "{v}"
        );
    }
    assert_ok(&duban_with_data(&data, &["ingest", "corpora/seeds"]));
    let server = crate::serve::Server::start(&data);
    let (_, v) = server.get_json("/api/health");
    assert_eq!(v["stale"], false, "{v}");
    assert_eq!(v["documents"], 5);
    assert!(v.get("stale_reason").is_none(), "{v}");
}

#[test]
fn records_of_another_build_are_extracted_again_from_the_archive_without_fetching() {
    let (_server, dir, pipeline) = local_site();
    let data = dir.path().join("data");
    let args = ["run", pipeline.to_str().unwrap()];
    let report = |id: u32| -> serde_json::Value {
        serde_json::from_slice(&std::fs::read(data.join(format!("runs/{id}.json"))).unwrap())
            .unwrap()
    };
    assert_finished(&duban_with_data(&data, &args));
    assert_finished(&duban_with_data(&data, &args));
    assert_eq!(report(2)["reextracted"], 0, "{}", report(2));
    let export = files_with_times(&data.join("export"));
    // As a new build finds them: every record made by another build.
    let state = duban_state::State::open(&data.join("state.sqlite")).unwrap();
    state
        .connection()
        .execute(
            "UPDATE records SET input_key = 'made by an older build'",
            [],
        )
        .unwrap();
    drop(state);
    assert_finished(&duban_with_data(&data, &args));
    let third = report(3);
    let exported = third["exported_documents"].as_u64().unwrap();
    assert!(exported > 5, "{third}");
    assert_eq!(third["reextracted"].as_u64().unwrap(), exported, "{third}");
    assert_eq!(third["crawl"]["changed"], 0, "{third}");
    assert_eq!(third["crawl"]["new"], 0, "{third}");
    // The same build's records are the same: nothing is rewritten.
    assert!(files_with_times(&data.join("export")) == export);
}
