//! `duban doctor`: checks the state, the search index and the exports of a data folder against
//! each other, and repairs what can be rebuilt from the state.
//!
//! The state (`state.sqlite`) is the source of truth. The checks:
//! - state: the file opens as Duban's and SQLite's `quick_check` passes;
//! - index: it opens, was built with this build's dictionary and format, names this state
//!   and its generation, and holds exactly the state's documents (each id looked up, and the
//!   count);
//! - exports: the manifest's files are those on disk (sizes and SHA-256), name this state and
//!   its generation, and hold the state's documents.
//!
//! A repair rebuilds the index (a damaged or over-full index is deleted first; one behind is
//! caught up as a run's start does, [`Runner::open_with`]) and rewrites the exports as a run's
//! end does ([`Runner::write_exports`]). It never repairs the state, and it does not rebuild
//! an index or exports made from *another* state (state.sqlite was replaced) without `force`:
//! that would drop what only they still hold.

use crate::run::{DataDir, RunError, Runner};
use duban_index::SearchIndex;
use duban_state::State;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// What part of the data folder a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// `state.sqlite`.
    State,
    /// `index/`.
    Index,
    /// `export/`.
    Exports,
}

/// One problem found, and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Where.
    pub part: Part,
    /// What is wrong.
    pub problem: String,
    /// Whether a repair can fix it (from the state).
    pub repairable: bool,
    /// What to do when Duban cannot.
    pub advice: Option<String>,
}

/// The outcome of `duban doctor`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DoctorReport {
    /// Documents in the state.
    pub state_documents: u64,
    /// Problems found by the first check.
    pub found: Vec<Finding>,
    /// What the repair did, in words (empty without `--repair`).
    pub repaired: Vec<String>,
    /// Problems left after the repair (or the first check's, without one).
    pub left: Vec<Finding>,
}

impl DoctorReport {
    /// Whether the data folder is consistent now.
    pub fn consistent(&self) -> bool {
        self.left.is_empty()
    }
}

/// Checks the data folder, and repairs it when `repair` (`force`: also rebuild an index and
/// exports made from another state).
pub fn doctor(data: &DataDir, repair: bool, force: bool) -> Result<DoctorReport, RunError> {
    let (found, state_documents) = {
        let _lock = crate::lock::DataDirLock::acquire(
            data.root(),
            &crate::clock::command_line(),
            &crate::clock::now_rfc3339(),
        )?;
        check(data, force)
    };
    let mut report = DoctorReport {
        state_documents,
        left: found.clone(),
        found,
        repaired: Vec::new(),
    };
    let fixable = !report.found.is_empty() && report.found.iter().all(|f| f.repairable);
    if !repair || !fixable {
        return Ok(report);
    }
    let index_problems: Vec<&Finding> = report
        .found
        .iter()
        .filter(|f| f.part == Part::Index)
        .collect();
    if !index_problems.is_empty() {
        let dir = data.index_dir();
        // Deleted and rebuilt whole: a damaged or over-full index cannot be patched.
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|source| RunError::DataDir {
                path: dir.clone(),
                source,
            })?;
            report
                .repaired
                .push(format!("deleted the index at {}", dir.display()));
        }
    }
    let mut runner = Runner::open_with(data.clone(), true, force)?;
    if !index_problems.is_empty() {
        report.repaired.push(format!(
            "rebuilt the index from the state ({state_documents} documents)"
        ));
    }
    if report.found.iter().any(|f| f.part == Part::Exports) {
        let mark = runner.state().mark()?;
        let counts = runner.write_exports(&mark)?;
        report.repaired.push(format!(
            "rewrote the exports from the state ({} documents, {} obligations)",
            counts.documents, counts.obligations
        ));
    }
    drop(runner);
    let _lock = crate::lock::DataDirLock::acquire(
        data.root(),
        &crate::clock::command_line(),
        &crate::clock::now_rfc3339(),
    )?;
    report.left = check(data, force).0;
    Ok(report)
}

/// The state's mark and document ids; else what is wrong with the state, if anything is (no
/// state and nothing made from one is no finding), which leaves nothing else to check.
fn readable_state(
    data: &DataDir,
) -> Result<(duban_state::identity::StateMark, Vec<String>), Option<Finding>> {
    let state_path = data.state_path();
    if !state_path.exists() {
        let has = |p: &Path| p.exists();
        if has(&data.index_dir()) || has(&data.export_dir()) {
            return Err(Some(Finding {
                part: Part::State,
                problem: format!("{} is missing", state_path.display()),
                repairable: false,
                advice: Some(
                    "restore state.sqlite from a backup; the index and exports cannot be \
                     checked without it"
                        .into(),
                ),
            }));
        }
        return Err(None);
    }
    let state = match open_state(&state_path) {
        Ok(s) => s,
        Err(problem) => {
            return Err(Some(Finding {
                part: Part::State,
                problem,
                repairable: false,
                advice: Some(
                    "restore state.sqlite from a backup, or move it away and run again \
                     (--force rebuilds the index and exports from the new state)"
                        .into(),
                ),
            }));
        }
    };
    state_ids(&state).map_err(|e| {
        Some(Finding {
            part: Part::State,
            problem: e.to_string(),
            repairable: false,
            advice: Some("restore state.sqlite from a backup".into()),
        })
    })
}

/// The findings of one check, and the state's document count.
fn check(data: &DataDir, force: bool) -> (Vec<Finding>, u64) {
    let mut found = Vec::new();
    let (mark, ids) = match readable_state(data) {
        Ok(v) => v,
        Err(finding) => return (finding.into_iter().collect(), 0),
    };
    let other_state = |what: &str, old: &str| Finding {
        part: if what == "index" {
            Part::Index
        } else {
            Part::Exports
        },
        problem: format!(
            "the {what} was made from another state ({old}) than state.sqlite ({})",
            mark.state_id
        ),
        repairable: force,
        advice: Some(
            "restore state.sqlite from a backup, or repair with --force to rebuild from this \
             state (what only the old state had is dropped)"
                .into(),
        ),
    };
    let repairable = |part: Part, problem: String| Finding {
        part,
        problem,
        repairable: true,
        advice: None,
    };
    // The index: its files' checksums first (a damaged posting list may only show in a
    // search that reads it), then what it holds.
    if let Err(problem) = index_files_intact(&data.index_dir()) {
        found.push(repairable(Part::Index, problem));
    } else {
        check_index_content(data, &mark, &ids, &mut found, &other_state);
    }
    // The exports.
    match duban_export::verify(&data.export_dir()) {
        Ok(None) if ids.is_empty() => {}
        Ok(None) => found.push(repairable(
            Part::Exports,
            "there are no exports (or no manifest)".into(),
        )),
        Err(e) => found.push(repairable(Part::Exports, e.to_string())),
        Ok(Some(m)) => {
            if m.origin.state_id != mark.state_id && m.documents() > 0 {
                found.push(other_state("exports", &m.origin.state_id));
            } else if m.origin.state_generation != mark.generation || m.documents() != ids.len() {
                found.push(repairable(
                    Part::Exports,
                    format!(
                        "the exports hold {} documents of generation {}; the state {} of \
                         generation {}",
                        m.documents(),
                        m.origin.state_generation,
                        ids.len(),
                        mark.generation
                    ),
                ));
            }
        }
    }
    (found, ids.len() as u64)
}

/// The findings about what an intact index holds.
fn check_index_content(
    data: &DataDir,
    mark: &duban_state::identity::StateMark,
    ids: &[String],
    found: &mut Vec<Finding>,
    other_state: &dyn Fn(&str, &str) -> Finding,
) {
    let repairable = |problem: String| Finding {
        part: Part::Index,
        problem,
        repairable: true,
        advice: None,
    };
    match SearchIndex::open(&data.index_dir()) {
        Err(duban_index::IndexError::Missing { .. }) if ids.is_empty() => {}
        Err(duban_index::IndexError::Missing { .. }) => {
            found.push(repairable("there is no index".into()));
        }
        Err(duban_index::IndexError::Outdated { .. }) => found.push(repairable(
            "the index is of an older format than this build's (made by an older Duban)".into(),
        )),
        Err(e) => found.push(repairable(format!("the index is damaged: {e}"))),
        Ok(index) => {
            found.extend(check_index(&index, mark, ids).into_iter().map(|p| {
                if p.starts_with("made from ") {
                    other_state("index", p.trim_start_matches("made from "))
                } else {
                    repairable(p)
                }
            }));
        }
    }
}

/// Whether the files of the index's segments are all there and pass their checksums.
fn index_files_intact(dir: &Path) -> Result<(), String> {
    if !duban_index::index_exists(dir) {
        return Ok(());
    }
    let damaged = |why: String| format!("the index is damaged: {why}");
    let index = tantivy::Index::open_in_dir(dir).map_err(|e| damaged(e.to_string()))?;
    let meta = index.load_metas().map_err(|e| damaged(e.to_string()))?;
    // Tantivy lists a delete file for every segment; one without deletes has none.
    let no_delete_file: HashSet<PathBuf> = meta
        .segments
        .iter()
        .filter(|m| !m.has_deletes())
        .map(|m| m.relative_path(tantivy::index::SegmentComponent::Delete))
        .collect();
    let mut bad: Vec<String> = meta
        .list_segment_files()
        .into_iter()
        .filter(|f| !no_delete_file.contains(f))
        .filter(|f| !dir.join(f).exists())
        .map(|f| format!("{} is missing", f.display()))
        .collect();
    let failing = index
        .validate_checksum()
        .map_err(|e| damaged(e.to_string()))?;
    bad.extend(
        failing
            .iter()
            .map(|f| format!("{} fails its checksum", f.display())),
    );
    if bad.is_empty() {
        Ok(())
    } else {
        bad.sort();
        Err(damaged(bad.join(", ")))
    }
}

/// Opens the state, and runs SQLite's quick check over it.
fn open_state(path: &Path) -> Result<State, String> {
    let state = State::open(path).map_err(|e| e.to_string())?;
    let verdict: String = state
        .connection()
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| format!("{}: quick check failed: {e}", path.display()))?;
    if verdict != "ok" {
        return Err(format!("{} is damaged: {verdict}", path.display()));
    }
    Ok(state)
}

/// The state's mark and its document ids.
fn state_ids(
    state: &State,
) -> Result<(duban_state::identity::StateMark, Vec<String>), duban_state::StateError> {
    let mark = state.mark()?;
    let mut ids = Vec::new();
    state.for_each_record(|r| {
        ids.push(r.doc_id.to_string());
        Ok::<(), duban_state::StateError>(())
    })?;
    Ok((mark, ids))
}

/// What is wrong with an index that opens; `made from OTHER` when it names another state.
fn check_index(
    index: &SearchIndex,
    mark: &duban_state::identity::StateMark,
    ids: &[String],
) -> Vec<String> {
    let mut problems = Vec::new();
    if index.is_stale() {
        problems
            .push("the index was built with another dictionary or format than this build's".into());
    }
    match index.indexed_state() {
        Some(s) if s.generation > 0 && s.state_id != mark.state_id => {
            return vec![format!("made from {}", s.state_id)];
        }
        Some(s) if s.generation != mark.generation => problems.push(format!(
            "the index is of generation {}, the state of {}",
            s.generation, mark.generation
        )),
        None if !ids.is_empty() => problems.push("the index names no state".into()),
        _ => {}
    }
    let mut missing = Vec::new();
    for id in ids {
        match index.document(id) {
            Ok(Some(_)) => {}
            Ok(None) => missing.push(id.as_str()),
            Err(e) => {
                problems.push(format!("the index is damaged: {e}"));
                return problems;
            }
        }
    }
    if !missing.is_empty() {
        let shown: Vec<&str> = missing.iter().take(3).copied().collect();
        problems.push(format!(
            "the index misses {} of the state's {} documents ({}{})",
            missing.len(),
            ids.len(),
            shown.join(", "),
            if missing.len() > shown.len() {
                ", …"
            } else {
                ""
            }
        ));
    }
    match index.stats() {
        Ok(stats) if stats.documents > ids.len() => problems.push(format!(
            "the index holds {} documents, the state {}",
            stats.documents,
            ids.len()
        )),
        Ok(_) => {}
        Err(e) => problems.push(format!("the index is damaged: {e}")),
    }
    problems
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        reason = "a test fails loudly where its setup does"
    )]
    use super::*;
    use crate::report::RunReport;
    use duban_model::SourceHints;

    /// A data folder made by one ingest of two short notices, and the folder the data is in.
    fn ingested() -> (tempfile::TempDir, DataDir) {
        let dir = tempfile::tempdir().unwrap();
        let inputs = dir.path().join("in");
        std::fs::create_dir_all(&inputs).unwrap();
        std::fs::write(
            inputs.join("a.txt"),
            "关于做好秋冬季道路养护工作的通知\n一、各乡镇人民政府要在2025年11月底前完成辖区道路排查。\n",
        )
        .unwrap();
        std::fs::write(
            inputs.join("b.txt"),
            "关于加强农村饮水安全管理的通知\n一、县水利局要每季度开展一次水质抽检，合格率达到95%以上。\n",
        )
        .unwrap();
        let data = DataDir::new(dir.path().join("data"));
        let mut runner = Runner::open(data.clone(), true).unwrap();
        let mut report = RunReport::default();
        runner
            .ingest_paths(
                &[inputs],
                &["txt".into()],
                crate::DEFAULT_MAX_DOCUMENT_BYTES,
                &SourceHints::default(),
                &mut report,
            )
            .unwrap();
        runner.finish(&mut report, "2026-12-06T02:00:00Z").unwrap();
        (dir, data)
    }

    #[test]
    fn a_folder_a_run_made_is_consistent() {
        let (_dir, data) = ingested();
        let report = doctor(&data, false, false).unwrap();
        assert!(report.consistent(), "{report:?}");
        assert!(report.found.is_empty());
        assert_eq!(report.state_documents, 2);
    }

    #[test]
    fn an_index_missing_a_document_is_found_and_rebuilt() {
        let (_dir, data) = ingested();
        let mut index = duban_index::ObligationIndex::open(&data.index_dir()).unwrap();
        let id = State::open(&data.state_path()).unwrap().records().unwrap()[0]
            .doc_id
            .clone();
        index.delete(&id);
        index.commit().unwrap();
        drop(index);
        let found = doctor(&data, false, false).unwrap();
        assert!(!found.consistent());
        assert!(
            found.found[0]
                .problem
                .contains("misses 1 of the state's 2 documents"),
            "{found:?}"
        );
        let repaired = doctor(&data, true, false).unwrap();
        assert!(repaired.consistent(), "{repaired:?}");
        assert!(
            repaired
                .repaired
                .iter()
                .any(|r| r.starts_with("rebuilt the index")),
            "{repaired:?}"
        );
    }

    #[test]
    fn an_index_of_another_dictionary_is_found_and_rebuilt() {
        let (_dir, data) = ingested();
        // Opening the writer with another dictionary re-indexes under it and records it.
        let other = duban_index::Analyzer::with_dictionary("农村饮水 3000 n\n").unwrap();
        drop(duban_index::ObligationIndex::open_with(&data.index_dir(), other).unwrap());
        let found = doctor(&data, false, false).unwrap();
        assert!(
            found
                .found
                .iter()
                .any(|f| f.part == Part::Index && f.problem.contains("another dictionary")),
            "{found:?}"
        );
        let repaired = doctor(&data, true, false).unwrap();
        assert!(repaired.consistent(), "{repaired:?}");
        assert!(!SearchIndex::open(&data.index_dir()).unwrap().is_stale());
    }

    #[test]
    fn an_index_of_an_older_schema_is_found_and_rebuilt() {
        let (_dir, data) = ingested();
        // An index whose fields are not this build's, as an older Duban left it.
        std::fs::remove_dir_all(data.index_dir()).unwrap();
        std::fs::create_dir_all(data.index_dir()).unwrap();
        let mut schema = tantivy::schema::Schema::builder();
        schema.add_text_field("json", tantivy::schema::STORED);
        drop(tantivy::Index::create_in_dir(data.index_dir(), schema.build()).unwrap());
        let found = doctor(&data, false, false).unwrap();
        assert!(
            found
                .found
                .iter()
                .any(|f| f.part == Part::Index && f.problem.contains("older format")),
            "{found:?}"
        );
        let repaired = doctor(&data, true, false).unwrap();
        assert!(repaired.consistent(), "{repaired:?}");
    }

    #[test]
    fn exports_and_index_of_another_state_are_rebuilt_only_when_forced() {
        let (_dir, data) = ingested();
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", data.state_path().display()));
        }
        drop(State::open(&data.state_path()).unwrap());
        let unforced = doctor(&data, true, false).unwrap();
        assert!(unforced.repaired.is_empty(), "{unforced:?}");
        assert_eq!(unforced.left.len(), 2, "{unforced:?}");
        assert!(unforced.left.iter().all(|f| !f.repairable));
        let forced = doctor(&data, true, true).unwrap();
        assert!(forced.consistent(), "{forced:?}");
    }
}
