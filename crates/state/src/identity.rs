//! The state's identity: an id drawn when the database is created, and a generation that
//! grows with every change of a stored record.
//!
//! What is derived from the state (the search index, the exports) records the id and the
//! generation it was made from. A derived copy that names another id was made from another
//! state: `state.sqlite` was deleted or replaced, and writing over the copy from this state
//! would drop what it holds. A copy whose generation is behind the state's misses the records
//! changed since (a run stopped between the state's commit and the index's); the records of
//! the later generations ([`State::for_each_record_since`]) are what it lacks.
//!
//! This module does not decide what to do about a mismatch: the pipeline does.

use crate::{Result, State};
use rusqlite::OptionalExtension;
use std::hash::{BuildHasher, Hasher};

/// Who a state is and how far its records have come.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StateMark {
    /// The id drawn when the state database was created.
    pub state_id: String,
    /// The generation of the last record change (0 before any record).
    pub generation: i64,
}

/// A fresh id: 128 bits from the standard library's randomly seeded hasher and the clock, in
/// hex. Unique, not secret.
pub(crate) fn new_state_id() -> String {
    let random = || std::collections::hash_map::RandomState::new().build_hasher();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mut a = random();
    a.write_u128(nanos);
    a.write_u32(std::process::id());
    let mut b = random();
    b.write_u64(a.finish());
    format!("{:016x}{:016x}", a.finish(), b.finish())
}

/// The id and generation of the state database at `path`, read on a read-only connection
/// that neither migrates nor waits for writers (a server asks while runs write); `None` when
/// there is no database there.
pub fn read_mark(path: &std::path::Path) -> Result<Option<StateMark>> {
    if !path.exists() {
        return Ok(None);
    }
    let err = |source| crate::StateError::Sqlite {
        path: path.to_path_buf(),
        source,
    };
    let conn = rusqlite::Connection::open_with_flags(
        path,
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(err)?;
    let state = State {
        conn,
        path: path.to_path_buf(),
    };
    state.mark().map(Some)
}

impl State {
    /// The state's id and current generation.
    pub fn mark(&self) -> Result<StateMark> {
        let state_id: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'state_id'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(StateMark {
            state_id: state_id.unwrap_or_default(),
            generation: self.generation()?,
        })
    }

    /// The generation of the last record change (0 before any record).
    pub fn generation(&self) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT coalesce(max(generation), 0) FROM records",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// How many documents the state holds (withdrawn ones included).
    pub fn record_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM records", [], |r| r.get(0))
            .map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::{StoredRecord, obligation_lines};

    fn rec(doc: &str) -> StoredRecord {
        StoredRecord {
            doc_id: "suzhou-2021-fzzf".into(),
            sha256: "00".into(),
            document: doc.into(),
            obligations: obligation_lines([r#"{"text":"各级行政机关应当依法履行出庭应诉职责。"}"#]),
            withdrawn: false,
        }
    }

    #[test]
    fn two_states_have_two_ids_and_an_id_stays_across_opens() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite");
        let first = State::open(&path).unwrap().mark().unwrap();
        assert_eq!(first.state_id.len(), 32);
        assert_eq!(State::open(&path).unwrap().mark().unwrap(), first);
        let other = State::in_memory().unwrap().mark().unwrap();
        assert_ne!(other.state_id, first.state_id);
    }

    #[test]
    fn a_read_only_look_sees_the_mark_of_an_open_state() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite");
        assert_eq!(read_mark(&path).unwrap(), None);
        let s = State::open(&path).unwrap();
        s.put_record(&rec("{}"), None).unwrap();
        assert_eq!(read_mark(&path).unwrap(), Some(s.mark().unwrap()));
    }

    #[test]
    fn the_generation_grows_with_changes_and_not_with_unchanged_puts() {
        let s = State::in_memory().unwrap();
        assert_eq!(s.generation().unwrap(), 0);
        s.put_record(&rec("{}"), None).unwrap();
        assert_eq!(s.generation().unwrap(), 1);
        s.put_record(&rec("{}"), None).unwrap();
        assert_eq!(s.generation().unwrap(), 1);
        s.put_record(&rec(r#"{"title":"年度报告"}"#), None).unwrap();
        assert_eq!(s.generation().unwrap(), 2);
        assert_eq!(s.record_count().unwrap(), 1);
    }
}
