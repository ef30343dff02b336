//! Duban's embedded state: one SQLite database in the data folder (`DIR/state.sqlite`).
//!
//! It holds what must survive between runs so that nightly runs are incremental and safe to
//! re-run:
//! - [`records`]: the current document and obligation records of every document ingested,
//!   keyed by document id, from which the JSONL exports are written;
//! - [`runs`]: one report per pipeline run;
//! - [`crawl`]: each crawled URL's validators and hashes, and unfinished crawl frontiers.
//!
//! This crate knows SQLite and the shapes it stores; it does not fetch, clean or extract.

pub mod crawl;
pub mod identity;
pub mod records;
pub mod runs;

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Why the state database could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StateError {
    /// SQLite refused an operation.
    #[error("state database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        #[source]
        source: rusqlite::Error,
    },
    /// The file is not a SQLite database, is damaged, or is another program's database.
    #[error(
        "state database {path} is damaged or not Duban's ({reason}): restore it from a backup, \
         or move it away to start a new state (the exports and the index then refuse to go \
         back to it until run with --force, which rebuilds them from the new state)"
    )]
    Damaged {
        /// The database file.
        path: PathBuf,
        /// What is wrong, in SQLite's words or ours.
        reason: String,
    },
    /// A stored record is not the JSON Duban wrote.
    #[error("state database {path}: stored record {key} is corrupt: {source}")]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// The record's key.
        key: String,
        /// The JSON error.
        #[source]
        source: serde_json::Error,
    },
}

/// Result with [`StateError`].
pub type Result<T, E = StateError> = std::result::Result<T, E>;

/// The schema version this build writes; older databases are migrated on open.
const SCHEMA_VERSION: i64 = 4;

/// An open state database.
pub struct State {
    conn: Connection,
    path: PathBuf,
}

/// Copies the write-ahead log of the state database at `path` into the database file, on a
/// connection of its own, without waiting for readers or writers of other connections: what
/// it cannot copy yet stays in the log for the next checkpoint.
pub fn checkpoint(path: &Path) -> Result<()> {
    let err = |source| StateError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let conn = Connection::open(path).map_err(err)?;
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))
        .map_err(err)
}

/// [`StateError::Damaged`] for SQLite's "not a database" and "malformed", else the error
/// as it is.
fn damaged_or(path: &Path, source: rusqlite::Error) -> StateError {
    use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
    match source.sqlite_error_code() {
        Some(NotADatabase | DatabaseCorrupt) => StateError::Damaged {
            path: path.to_path_buf(),
            reason: source.to_string(),
        },
        _ => StateError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
    }
}

impl State {
    /// Opens (creating if needed) the state database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        let err = |source| StateError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(|e| damaged_or(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(err)?;
        let state = State {
            conn,
            path: path.to_path_buf(),
        };
        // Before any pragma writes to the file: another program's database is left untouched.
        state.check_is_ours()?;
        // Records are tens of kilobytes each (a document's text and its obligations): pages of
        // 16 KiB keep one in a few pages instead of a chain of a dozen. The size takes effect
        // when the file is created; older files keep theirs.
        // A checkpoint copies the write-ahead log into the database file: a second write of
        // every record. Letting the log grow to 16,384 pages (256 MiB at 16 KiB) before one
        // keeps most runs' checkpoints out of their commits; [`checkpoint`] does it at the end
        // of a run on a connection of its own, beside the export.
        state
            .conn
            .execute_batch(
                "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
             PRAGMA foreign_keys=ON; PRAGMA wal_autocheckpoint=16384;",
            )
            .map_err(|e| damaged_or(path, e))?;
        state.migrate().map_err(|e| match e {
            StateError::Sqlite { path, source } => damaged_or(&path, source),
            other => other,
        })?;
        Ok(state)
    }

    /// An in-memory database, for tests.
    pub fn in_memory() -> Result<Self> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|source| StateError::Sqlite {
            path: path.clone(),
            source,
        })?;
        let state = State { conn, path };
        state.migrate()?;
        Ok(state)
    }

    /// Fails with [`StateError::Damaged`] for a database Duban did not write: one with tables
    /// but no schema version (another program's), or a version newer than this build's.
    fn check_is_ours(&self) -> Result<()> {
        let damaged = |reason: String| StateError::Damaged {
            path: self.path.clone(),
            reason,
        };
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| damaged_or(&self.path, e))?;
        if version > SCHEMA_VERSION {
            return Err(damaged(format!(
                "schema version {version}, written by a newer Duban than this one ({SCHEMA_VERSION})"
            )));
        }
        if version == 0 {
            // Duban sets the version in the transaction that creates its tables: tables
            // without a version are another program's.
            let tables: Vec<String> = self
                .conn
                .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
                .and_then(|mut st| {
                    st.query_map([], |r| r.get::<_, String>(0))?
                        .collect::<rusqlite::Result<Vec<String>>>()
                })
                .map_err(|e| damaged_or(&self.path, e))?;
            if !tables.is_empty() {
                return Err(damaged(format!(
                    "tables {} but no Duban schema version",
                    tables.join(", ")
                )));
            }
        }
        Ok(())
    }

    fn migrate(&self) -> Result<()> {
        // One transaction: a migration that fails half-way leaves the old version whole.
        let tx = self.conn.unchecked_transaction().map_err(|e| self.err(e))?;
        let version: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        if version < 1 {
            self.conn
                .execute_batch(
                    "CREATE TABLE IF NOT EXISTS records (
                        doc_id TEXT PRIMARY KEY,
                        sha256 TEXT NOT NULL,
                        document TEXT NOT NULL,
                        obligations TEXT NOT NULL,
                        withdrawn INTEGER NOT NULL DEFAULT 0,
                        updated_run INTEGER
                    );
                    CREATE TABLE IF NOT EXISTS runs (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        pipeline TEXT NOT NULL,
                        started_at TEXT NOT NULL,
                        finished_at TEXT,
                        report TEXT
                    );",
                )
                .map_err(|e| self.err(e))?;
        }
        if version < 2 {
            self.conn
                .execute_batch(crawl::SCHEMA)
                .map_err(|e| self.err(e))?;
        }
        if version < 3 {
            self.conn
                .execute_batch(crawl::SCHEMA_3)
                .map_err(|e| self.err(e))?;
            self.obligations_to_lines()?;
        }
        if version < 4 {
            // Records stored before generations existed count as generation 1: an index that
            // names no generation re-indexes them all once.
            self.conn
                .execute_batch(
                    "ALTER TABLE records ADD COLUMN generation INTEGER NOT NULL DEFAULT 1;
                     ALTER TABLE records ADD COLUMN input_key TEXT;
                     CREATE INDEX records_generation ON records(generation);
                     CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
                )
                .map_err(|e| self.err(e))?;
            self.conn
                .execute(
                    "INSERT INTO meta (key, value) VALUES ('state_id', ?1)",
                    [identity::new_state_id()],
                )
                .map_err(|e| self.err(e))?;
        }
        self.conn
            .execute_batch(&format!("PRAGMA user_version = {SCHEMA_VERSION}"))
            .map_err(|e| self.err(e))?;
        tx.commit().map_err(|e| self.err(e))
    }

    /// The underlying connection, for the modules of this crate and of crates that add tables.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Wraps a SQLite error with the database path.
    pub fn err(&self, source: rusqlite::Error) -> StateError {
        StateError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        reason = "a test fails loudly where its setup does"
    )]
    use super::*;

    fn open_err(path: &Path) -> String {
        match State::open(path) {
            Ok(_) => panic!("{} opened", path.display()),
            Err(e) => {
                assert!(matches!(e, StateError::Damaged { .. }), "{e:?}");
                e.to_string()
            }
        }
    }

    #[test]
    fn a_file_that_is_not_a_database_is_damaged_with_advice() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite");
        std::fs::write(&path, "这不是数据库文件，而是一段说明文字。".repeat(300)).unwrap();
        let err = open_err(&path);
        assert!(err.contains("damaged or not Duban's"), "{err}");
        assert!(err.contains("restore it from a backup"), "{err}");
    }

    #[test]
    fn another_programs_database_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE records (name TEXT); INSERT INTO records VALUES ('x');")
            .unwrap();
        drop(conn);
        let before = std::fs::read(&path).unwrap();
        let err = open_err(&path);
        assert!(err.contains("no Duban schema version"), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_state_of_a_newer_duban_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite");
        drop(State::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("PRAGMA user_version = 99").unwrap();
        drop(conn);
        let err = open_err(&path);
        assert!(err.contains("newer Duban"), "{err}");
    }
}
