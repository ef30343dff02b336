//! Run reports: one row per pipeline run, with its counters as JSON.

use crate::{Result, State};
use rusqlite::params;

/// A stored run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRow {
    /// The run's number.
    pub id: i64,
    /// The pipeline's name.
    pub pipeline: String,
    /// When it started (RFC 3339, UTC).
    pub started_at: String,
    /// When it finished, if it did.
    pub finished_at: Option<String>,
    /// Its report, as JSON.
    pub report: Option<String>,
}

impl State {
    /// Records the start of a run and returns its number.
    pub fn start_run(&self, pipeline: &str, started_at: &str) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO runs (pipeline, started_at) VALUES (?1, ?2)",
                params![pipeline, started_at],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records the end of a run with its report.
    pub fn finish_run(&self, id: i64, finished_at: &str, report_json: &str) -> Result<()> {
        self.conn
            .execute(
                "UPDATE runs SET finished_at = ?2, report = ?3 WHERE id = ?1",
                params![id, finished_at, report_json],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// The last `limit` runs, newest first.
    pub fn runs(&self, limit: usize) -> Result<Vec<RunRow>> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, pipeline, started_at, finished_at, report FROM runs ORDER BY id DESC LIMIT ?1")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map(params![limit as i64], |r| {
                Ok(RunRow {
                    id: r.get(0)?,
                    pipeline: r.get(1)?,
                    started_at: r.get(2)?,
                    finished_at: r.get(3)?,
                    report: r.get(4)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finished_run_is_listed_with_its_report() {
        let s = State::in_memory().unwrap();
        let id = s.start_run("corpora", "2026-11-30T00:00:00Z").unwrap();
        s.finish_run(id, "2026-11-30T00:01:00Z", r#"{"documents":5}"#)
            .unwrap();
        let runs = s.runs(10).unwrap();
        assert_eq!(runs[0].report.as_deref(), Some(r#"{"documents":5}"#));
    }
}
