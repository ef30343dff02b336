//! The runner's tests: ingest batches, contained panics, the index refilled and caught up,
//! a lost state, a crawl's batch size.

use super::ingest::{INGEST_BATCH_FILES, ingest_batches};
use super::process::contain_panic;
use super::*;
use crate::config::PipelineConfig;
use crate::files::FileInput;
use crate::report::Stage;
use duban_testkit::site_server::SiteServer;

const NOW: &str = "2025-03-01T02:00:00Z";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `pipelines/local-site.toml` against a fresh loopback site with `batch` documents
/// per crawl batch; returns the exports, the crawl rows and the report, with the server's
/// port replaced so that runs on different ports compare.
fn crawl_with_batch(batch: usize) -> (String, String, String, serde_json::Value) {
    let server = SiteServer::start(&repo().join("corpora/sites/www.linjiang.gov.cn")).unwrap();
    let host = format!("127.0.0.1:{}", server.port());
    let text = std::fs::read_to_string(repo().join("pipelines/local-site.toml")).unwrap();
    let cfg = PipelineConfig::parse(&text.replace("127.0.0.1:8089", &host)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut runner = Runner::open(DataDir::new(dir.path().join("data")), false).unwrap();
    runner.crawl_batch = batch;
    let mut report = runner.run_pipeline(&cfg, NOW).unwrap();
    report.failures.sort_by(|a, b| a.input.cmp(&b.input));
    // Timings differ from run to run; the counters must not.
    report.stages.clear();
    report.seconds = 0.0;
    report.finished_at.clear();
    let unport = |s: String| s.replace(&host, "HOST");
    let export = runner.data().export_dir();
    let read = |name: &str| unport(std::fs::read_to_string(export.join(name)).unwrap());
    let rows = unport(format!("{:#?}", runner.state().crawl_urls(None).unwrap()));
    let report = unport(serde_json::to_string(&report).unwrap());
    (
        read("documents.jsonl"),
        read("obligations.jsonl"),
        rows,
        serde_json::from_str(&report).unwrap(),
    )
}

#[test]
fn an_ingest_is_cut_into_batches_by_bytes_and_by_files() {
    let dir = tempfile::tempdir().unwrap();
    let file = |name: &str, bytes: usize| {
        let path = dir.path().join(name);
        std::fs::write(&path, vec![b'x'; bytes]).unwrap();
        FileInput {
            path,
            relative: name.into(),
        }
    };
    let mb = 1024 * 1024;
    let files = vec![
        file("a.txt", 10 * mb),
        file("b.txt", 5 * mb),
        file("c.txt", 2 * mb),
        file("d.txt", 20 * mb),
        file("e.txt", 1),
    ];
    let names: Vec<Vec<&str>> = ingest_batches(&files)
        .iter()
        .map(|b| b.iter().map(|f| f.relative.as_str()).collect())
        .collect();
    assert_eq!(
        names,
        [
            vec!["a.txt", "b.txt"],
            vec!["c.txt"],
            vec!["d.txt"],
            vec!["e.txt"]
        ]
    );
    let small: Vec<FileInput> = (0..INGEST_BATCH_FILES + 1)
        .map(|k| file(&format!("{k}.txt"), 1))
        .collect();
    let sizes: Vec<usize> = ingest_batches(&small).iter().map(|b| b.len()).collect();
    assert_eq!(sizes, [INGEST_BATCH_FILES, 1]);
}

#[test]
fn a_panic_in_one_document_is_that_documents_failure() {
    let failure =
        contain_panic::<()>("plans/bad.html", || panic!("index out of range")).unwrap_err();
    assert_eq!(failure.input, "plans/bad.html");
    assert!(failure.reason.contains("index out of range"), "{failure:?}");
    assert_eq!(contain_panic("plans/good.html", || Ok(7)).unwrap(), 7);
}

#[test]
fn a_deleted_index_is_refilled_from_the_stored_records_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path().join("data"));
    let mut runner = Runner::open(data.clone(), true).unwrap();
    let mut report = RunReport {
        pipeline: "test".into(),
        ..RunReport::default()
    };
    let seeds = repo().join("corpora/seeds");
    runner
        .ingest_paths(
            &[seeds],
            &["txt".into()],
            crate::DEFAULT_MAX_DOCUMENT_BYTES,
            &SourceHints::default(),
            &mut report,
        )
        .unwrap();
    runner.finish(&mut report, NOW).unwrap();
    drop(runner);
    std::fs::remove_dir_all(data.index_dir()).unwrap();
    drop(Runner::open(data.clone(), true).unwrap());
    let search = duban_index::SearchIndex::open(&data.index_dir()).unwrap();
    let stats = search.stats().unwrap();
    assert_eq!(stats.documents, 5);
    assert_eq!(stats.obligations, report.obligations);
    // The tracked targets come back with the records, as many as the export holds.
    let progress = search
        .matching_ids("*", duban_index::Target::Progress)
        .unwrap();
    let exported = std::fs::read_to_string(data.export_dir().join("progress.jsonl")).unwrap();
    assert!(!progress.is_empty());
    assert_eq!(progress.len(), exported.lines().count());
}

/// A data folder after a finished run over the seeds, with that run's report.
fn seeded_data() -> (tempfile::TempDir, DataDir, RunReport) {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path().join("data"));
    let mut runner = Runner::open(data.clone(), true).unwrap();
    let mut report = ingest_seeds(&mut runner);
    runner.finish(&mut report, NOW).unwrap();
    (dir, data, report)
}

/// The segments of the index in `dir`, as its last commit lists them.
fn committed_segments(dir: &Path) -> usize {
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).unwrap()).unwrap();
    meta["segments"].as_array().map_or(0, Vec::len)
}

#[test]
fn a_catch_up_commits_as_it_goes_and_ends_with_every_record() {
    let (_dir, data, report) = seeded_data();
    let state = State::open(&data.state_path()).unwrap();
    let mark = state.mark().unwrap();
    let mut segments = Vec::new();
    for every in [usize::MAX, 1] {
        std::fs::remove_dir_all(data.index_dir()).unwrap();
        let mut index = ObligationIndex::open(&data.index_dir()).unwrap();
        let documents = index::catch_up_committing_every(
            &state,
            &mut index,
            &mark,
            &data.progress_spool(),
            every,
        )
        .unwrap();
        drop(index);
        assert_eq!(documents, 5);
        let stats = index_stats(&data);
        assert_eq!(
            (stats.documents, stats.obligations),
            (5, report.obligations)
        );
        segments.push(committed_segments(&data.index_dir()));
    }
    // A commit after each of the five documents leaves a segment each (too few to merge).
    assert!(
        segments[1] >= 5 && segments[1] > segments[0],
        "{segments:?}"
    );
}

#[test]
fn a_failure_names_its_stage_and_the_cleaners_warnings_reach_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir_all(&input).unwrap();
    std::fs::write(input.join("empty.txt"), "").unwrap();
    // One damaged byte in a UTF-8 page: decoded with a replacement character, and said.
    let mut page = "<html><head><meta charset=\"utf-8\"></head><body><p>一、加强行政复议工作。各区县政府要健全制度。</p></body></html>".as_bytes().to_vec();
    let at = page.len() - 30;
    page[at] = 0xFF;
    std::fs::write(input.join("damaged.html"), page).unwrap();
    let mut runner = Runner::open(DataDir::new(dir.path().join("data")), false).unwrap();
    let mut report = RunReport::default();
    runner
        .ingest_paths(
            &[input],
            &["txt".into(), "html".into()],
            crate::DEFAULT_MAX_DOCUMENT_BYTES,
            &SourceHints::default(),
            &mut report,
        )
        .unwrap();
    assert_eq!(report.failures.len(), 1);
    assert_eq!(report.failures[0].stage, Stage::Clean);
    assert_eq!(report.failures[0].reason, "empty document");
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.input.ends_with("damaged.html")),
        "{:?}",
        report.warnings
    );
}

fn index_stats(data: &DataDir) -> duban_index::IndexStats {
    duban_index::SearchIndex::open(&data.index_dir())
        .unwrap()
        .stats()
        .unwrap()
}

fn ingest_seeds(runner: &mut Runner) -> RunReport {
    let mut report = RunReport {
        pipeline: "test".into(),
        ..RunReport::default()
    };
    runner
        .ingest_paths(
            &[repo().join("corpora/seeds")],
            &["txt".into()],
            crate::DEFAULT_MAX_DOCUMENT_BYTES,
            &SourceHints::default(),
            &mut report,
        )
        .unwrap();
    report
}

#[test]
fn records_stored_by_a_run_stopped_before_its_index_commit_are_indexed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path().join("data"));
    let mut runner = Runner::open(data.clone(), true).unwrap();
    runner.finish(&mut RunReport::default(), NOW).unwrap();
    // The records are committed to the state; the index writer goes without its commit,
    // as a killed process's does.
    let stored = ingest_seeds(&mut runner);
    drop(runner);
    assert_eq!(index_stats(&data).documents, 0);
    // The next run processes nothing (say every page answered 304) and still indexes them.
    let mut runner = Runner::open(data.clone(), true).unwrap();
    runner.finish(&mut RunReport::default(), NOW).unwrap();
    let stats = index_stats(&data);
    assert_eq!(stats.documents, 5);
    assert_eq!(stats.obligations, stored.obligations);
    let indexed = duban_index::indexed_state_in(&data.index_dir()).unwrap();
    assert_eq!(indexed.generation, runner.state().generation().unwrap());
}

#[test]
fn exports_and_index_of_a_lost_state_are_kept_unless_forced() {
    let (_dir, data, _) = seeded_data();
    let export = std::fs::read(data.export_dir().join("documents.jsonl")).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", data.state_path().display()));
    }
    let e = Runner::open(data.clone(), true).err().unwrap();
    assert!(
        matches!(
            e,
            RunError::OtherState {
                what: "exports",
                ..
            }
        ),
        "{e}"
    );
    assert_eq!(
        std::fs::read(data.export_dir().join("documents.jsonl")).unwrap(),
        export
    );
    assert_eq!(index_stats(&data).documents, 5);
    // Forced, the new (empty) state is what exports and index hold.
    let mut runner = Runner::open_with(data.clone(), true, true).unwrap();
    runner.finish(&mut RunReport::default(), NOW).unwrap();
    assert_eq!(index_stats(&data).documents, 0);
    let manifest = duban_export::read_manifest(&data.export_dir())
        .unwrap()
        .unwrap();
    assert_eq!(manifest.documents(), 0);
}

#[test]
fn a_crawl_in_batches_of_one_stores_and_exports_what_batches_of_sixty_four_do() {
    let one = crawl_with_batch(1);
    let many = crawl_with_batch(64);
    assert!(one.0.lines().count() > 5, "too few documents: {}", one.0);
    assert_eq!(one.0, many.0, "documents.jsonl differs");
    assert_eq!(one.1, many.1, "obligations.jsonl differs");
    assert_eq!(one.2, many.2, "crawl rows differ");
    assert_eq!(one.3, many.3, "run reports differ");
}

#[test]
fn an_unchanged_run_leaves_the_sealed_exports_unread_until_a_file_or_the_state_changes() {
    let (_dir, data, first) = seeded_data();
    assert!(data.export_seal().exists());
    let obligations = data.export_dir().join("obligations.jsonl");
    let exported = std::fs::read(&obligations).unwrap();
    let rerun = |data: &DataDir| {
        let mut runner = Runner::open(data.clone(), true).unwrap();
        let mut report = ingest_seeds(&mut runner);
        runner.finish(&mut report, NOW).unwrap();
        report
    };
    // Bytes of the same length written over a file, its time put back: the seal still holds,
    // so the run did not read the exports (nor write them).
    let modified = std::fs::metadata(&obligations).unwrap().modified().unwrap();
    let mut marked = exported.clone();
    marked[0] = b' ';
    std::fs::write(&obligations, &marked).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&obligations)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    let unchanged = rerun(&data);
    assert_eq!(unchanged.export_files_written, 0);
    assert_eq!(unchanged.exported_documents, first.exported_documents);
    assert_eq!(unchanged.exported_obligations, first.exported_obligations);
    assert_eq!(std::fs::read(&obligations).unwrap(), marked);
    // A file changed since it was written (its time moved): the exports are written again.
    std::fs::File::options()
        .write(true)
        .open(&obligations)
        .unwrap()
        .set_modified(modified + std::time::Duration::from_secs(1))
        .unwrap();
    let repaired = rerun(&data);
    assert_eq!(repaired.export_files_written, 1);
    assert_eq!(std::fs::read(&obligations).unwrap(), exported);
    // A withdrawn document changes what is derived: no seal of the old state holds.
    let seal = std::fs::read(data.export_seal()).unwrap();
    let state = duban_state::State::open(&data.state_path()).unwrap();
    let some_doc = state.records().unwrap()[0].doc_id.clone();
    state.withdraw_record(&some_doc).unwrap();
    drop(state);
    let mut runner = Runner::open(data.clone(), true).unwrap();
    runner.finish(&mut RunReport::default(), NOW).unwrap();
    assert_ne!(std::fs::read(data.export_seal()).unwrap(), seal);
}

/// A run an error stops is recorded as failed, with the error, in its report file and in the
/// state, and the error still reaches the caller; what it stored stays stored.
#[test]
fn a_run_stopped_by_an_error_is_recorded_as_failed() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::new(dir.path().join("data"));
    let mut runner = Runner::open(data.clone(), false).unwrap();
    let mut report = RunReport {
        pipeline: "ingest".into(),
        ..RunReport::default()
    };
    let got = runner.run(&mut report, NOW, |runner, report| {
        runner.ingest_paths(
            &[repo().join("corpora/seeds")],
            &["txt".to_string()],
            crate::DEFAULT_MAX_DOCUMENT_BYTES,
            &SourceHints::default(),
            report,
        )?;
        Err(RunError::DataDir {
            path: PathBuf::from("/data/export"),
            source: std::io::Error::other("No space left on device"),
        })
    });
    assert!(got.is_err());
    assert_eq!(report.status, RunStatus::Failed);
    let id = report.run_id.unwrap();
    let file: serde_json::Value =
        serde_json::from_slice(&std::fs::read(data.run_report_path(id)).unwrap()).unwrap();
    assert_eq!(file["status"], "failed");
    assert!(
        file["error"]
            .as_str()
            .unwrap()
            .contains("No space left on device"),
        "{file}"
    );
    let row = &runner.state().runs(1).unwrap()[0];
    assert!(row.finished_at.is_some());
    assert!(row.report.as_deref().unwrap().contains("\"failed\""));
    assert_eq!(runner.state().record_count().unwrap(), 5);
}
