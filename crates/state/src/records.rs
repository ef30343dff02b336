//! The current records of every ingested document: what the exports are written from.
//!
//! A document is replaced as a whole (document and obligations in one transaction), so a run
//! that stops half-way leaves every document either old or new, never mixed. A document that
//! disappears from its source is marked withdrawn, not deleted: its last extraction is kept.
//!
//! Obligations are stored as JSON Lines, exactly the bytes they take in `obligations.jsonl`,
//! so an export is a copy of stored text, with no JSON parsed or written again.

use crate::{Result, State, StateError};
use rusqlite::{OptionalExtension, params};

/// One stored document: its record and obligations as the JSON that is exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredRecord {
    /// The document id.
    pub doc_id: String,
    /// SHA-256 of the raw bytes it was extracted from.
    pub sha256: String,
    /// The document record, as one JSON object.
    pub document: String,
    /// The obligation records as JSON Lines: one JSON object a line, each line ending in `\n`
    /// (empty when the document has none).
    pub obligations: String,
    /// Whether the source no longer has it.
    pub withdrawn: bool,
}

impl StoredRecord {
    /// The obligation records, one JSON object each.
    pub fn obligation_lines(&self) -> impl Iterator<Item = &str> {
        self.obligations.lines()
    }
}

/// One stored document as [`State::for_each_record`] hands it over, borrowed from the
/// database row.
#[derive(Debug, Clone, Copy)]
pub struct RecordRef<'a> {
    /// The document id.
    pub doc_id: &'a str,
    /// SHA-256 of the raw bytes it was extracted from.
    pub sha256: &'a str,
    /// The document record, as one JSON object.
    pub document: &'a str,
    /// The obligation records as JSON Lines (see [`StoredRecord::obligations`]).
    pub obligations: &'a str,
    /// Whether the source no longer has it.
    pub withdrawn: bool,
}

/// A stored document record without its obligations (see [`State::for_each_document_record`]).
#[derive(Debug, Clone, Copy)]
pub struct DocumentRef<'a> {
    /// The document id.
    pub doc_id: &'a str,
    /// The document record, as one JSON object.
    pub document: &'a str,
    /// Whether the source no longer has it.
    pub withdrawn: bool,
}

/// Joins obligation records into the stored JSON Lines form.
pub fn obligation_lines<S: AsRef<str>>(lines: impl IntoIterator<Item = S>) -> String {
    let mut out = String::new();
    for l in lines {
        out.push_str(l.as_ref());
        out.push('\n');
    }
    out
}

/// What [`State::put_record`] changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upsert {
    /// The document was not stored before.
    New,
    /// The document was stored with other content.
    Changed,
    /// The document was stored with the same records.
    Unchanged,
}

impl State {
    /// Stores a document's records, replacing what was stored under its id.
    pub fn put_record(&self, rec: &StoredRecord, run: Option<i64>) -> Result<Upsert> {
        let obligations = &rec.obligations;
        let old: Option<(String, String)> = self
            .conn
            .prepare_cached("SELECT document, obligations FROM records WHERE doc_id = ?1")
            .and_then(|mut stmt| {
                stmt.query_row(params![rec.doc_id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .map_err(|e| self.err(e))?;
        let outcome = match &old {
            None => Upsert::New,
            Some((d, o)) if *d == rec.document && o == obligations => Upsert::Unchanged,
            Some(_) => Upsert::Changed,
        };
        if outcome == Upsert::Unchanged {
            // Same bytes: nothing derived from the record needs redoing, so the generation
            // stays; only the raw hash, the run and a withdrawal are updated.
            self.conn
                .prepare_cached(
                    "UPDATE records SET sha256 = ?2, withdrawn = 0, updated_run = ?3
                     WHERE doc_id = ?1",
                )
                .and_then(|mut stmt| stmt.execute(params![rec.doc_id, rec.sha256, run]))
                .map_err(|e| self.err(e))?;
            return Ok(outcome);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO records
                   (doc_id, sha256, document, obligations, withdrawn, updated_run, generation)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5,
                   (SELECT coalesce(max(generation), 0) + 1 FROM records))
                 ON CONFLICT(doc_id) DO UPDATE SET sha256 = ?2, document = ?3, obligations = ?4,
                   withdrawn = 0, updated_run = ?5, generation = excluded.generation",
            )
            .and_then(|mut stmt| {
                stmt.execute(params![
                    rec.doc_id,
                    rec.sha256,
                    rec.document,
                    obligations,
                    run
                ])
            })
            .map_err(|e| self.err(e))?;
        Ok(outcome)
    }

    /// Stores a document's records ([`State::put_record`]) with what they were made from
    /// ([`State::set_input_key`]), both in one commit unless a transaction is already open.
    pub fn put_keyed_record(
        &self,
        rec: &StoredRecord,
        run: Option<i64>,
        key: &str,
    ) -> Result<Upsert> {
        // Each commit writes every page it changed to the log again, and both writes change
        // the record's pages: one commit for the two halves that cost. Outside a transaction
        // of the caller's (a crawl batch's), the record and its key are then stored together;
        // on an error the transaction is dropped, so rolled back.
        let tx = if self.conn.is_autocommit() {
            Some(self.conn.unchecked_transaction().map_err(|e| self.err(e))?)
        } else {
            None
        };
        let outcome = self.put_record(rec, run)?;
        self.set_input_key(&rec.doc_id, key)?;
        if let Some(tx) = tx {
            tx.commit().map_err(|e| self.err(e))?;
        }
        Ok(outcome)
    }

    /// Notes what a document's stored record was made from: `key` names its input and the
    /// build that extracted it (the pipeline decides what goes into it).
    pub fn set_input_key(&self, doc_id: &str, key: &str) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE records SET input_key = ?2 WHERE doc_id = ?1")
            .and_then(|mut stmt| stmt.execute(params![doc_id, key]))
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// The input key of a document's current, not withdrawn record, with how many obligations
    /// the record holds; `None` when there is no such record or it has no key.
    pub fn input_key(&self, doc_id: &str) -> Result<Option<(String, usize)>> {
        self.conn
            .prepare_cached(
                "SELECT input_key,
                   length(obligations) - length(replace(obligations, char(10), ''))
                 FROM records WHERE doc_id = ?1 AND withdrawn = 0 AND input_key IS NOT NULL",
            )
            .and_then(|mut stmt| {
                stmt.query_row(params![doc_id], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as usize))
                })
                .optional()
            })
            .map_err(|e| self.err(e))
    }

    /// Marks a document withdrawn by its source (404/410), keeping its records.
    pub fn withdraw_record(&self, doc_id: &str) -> Result<bool> {
        let n = self
            .conn
            .execute(
                "UPDATE records SET withdrawn = 1 WHERE doc_id = ?1",
                params![doc_id],
            )
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
    }

    /// How many documents are withdrawn by their source. Withdrawing keeps the generation (the
    /// records themselves do not change), so what is derived from the live documents alone
    /// (the tracked progress) is told apart by this count as well.
    pub fn withdrawn_count(&self) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT count(*) FROM records WHERE withdrawn = 1",
                [],
                |row| row.get(0),
            )
            .map_err(|e| self.err(e))
    }

    /// The SHA-256 stored for a document, if any.
    pub fn record_sha256(&self, doc_id: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT sha256 FROM records WHERE doc_id = ?1",
                params![doc_id],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The stored document record (one JSON object) of a document, if any.
    pub fn record_document(&self, doc_id: &str) -> Result<Option<String>> {
        // Cached: the tracker reads every record by its id, one statement each.
        self.conn
            .prepare_cached("SELECT document FROM records WHERE doc_id = ?1")
            .and_then(|mut stmt| stmt.query_row(params![doc_id], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))
    }

    /// Every stored record, ordered by document id (the export order).
    pub fn records(&self) -> Result<Vec<StoredRecord>> {
        let mut out = Vec::new();
        self.for_each_record(|r| {
            out.push(StoredRecord {
                doc_id: r.doc_id.to_string(),
                sha256: r.sha256.to_string(),
                document: r.document.to_string(),
                obligations: r.obligations.to_string(),
                withdrawn: r.withdrawn,
            });
            Ok::<(), crate::StateError>(())
        })?;
        Ok(out)
    }

    /// Hands every stored record to `f`, ordered by document id (the export order), one row
    /// at a time: an export of any size needs the memory of one document. Stops at the first
    /// error of `f`.
    pub fn for_each_record<E: From<crate::StateError>>(
        &self,
        f: impl FnMut(RecordRef<'_>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        self.for_each_record_since(0, f)
    }

    /// Hands `f` the records changed after `generation` (see [`crate::identity`]), as
    /// [`State::for_each_record`] does; `0` gives every record.
    pub fn for_each_record_since<E: From<crate::StateError>>(
        &self,
        generation: i64,
        mut f: impl FnMut(RecordRef<'_>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT doc_id, sha256, document, obligations, withdrawn FROM records \
                 WHERE generation > ?1 ORDER BY doc_id",
            )
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([generation]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let text = |i: usize| self.text_at(row, i);
            f(RecordRef {
                doc_id: text(0)?,
                sha256: text(1)?,
                document: text(2)?,
                obligations: text(3)?,
                withdrawn: row.get::<_, i64>(4).map_err(|e| self.err(e))? != 0,
            })?;
        }
        Ok(())
    }

    /// Column `i` of `row` as text, borrowed from the row.
    fn text_at<'r>(&self, row: &'r rusqlite::Row<'_>, i: usize) -> Result<&'r str> {
        row.get_ref(i)
            .and_then(|v| v.as_str().map_err(Into::into))
            .map_err(|e| self.err(e))
    }

    /// Hands `f` every document record, in id order, without its obligations: what reads the
    /// documents alone (tracking targets) does not read the larger part of each row.
    pub fn for_each_document_record<E: From<crate::StateError>>(
        &self,
        mut f: impl FnMut(DocumentRef<'_>) -> std::result::Result<(), E>,
    ) -> std::result::Result<(), E> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id, document, withdrawn FROM records ORDER BY doc_id")
            .map_err(|e| self.err(e))?;
        let mut rows = stmt.query([]).map_err(|e| self.err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.err(e))? {
            let text = |i: usize| self.text_at(row, i);
            f(DocumentRef {
                doc_id: text(0)?,
                document: text(1)?,
                withdrawn: row.get::<_, i64>(2).map_err(|e| self.err(e))? != 0,
            })?;
        }
        Ok(())
    }

    /// Rewrites obligations stored as one JSON array per document (schema version 2) as JSON
    /// Lines.
    pub(crate) fn obligations_to_lines(&self) -> Result<()> {
        let rows: Vec<(String, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT doc_id, obligations FROM records")
                .map_err(|e| self.err(e))?;
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(Iterator::collect)
                .map_err(|e| self.err(e))?
        };
        for (doc_id, array) in rows {
            let list: Vec<Box<serde_json::value::RawValue>> = serde_json::from_str(&array)
                .map_err(|source| StateError::Corrupt {
                    path: self.path.clone(),
                    key: doc_id.clone(),
                    source,
                })?;
            self.conn
                .execute(
                    "UPDATE records SET obligations = ?2 WHERE doc_id = ?1",
                    params![doc_id, obligation_lines(list.iter().map(|v| v.get()))],
                )
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, doc: &str) -> StoredRecord {
        StoredRecord {
            doc_id: id.into(),
            sha256: "00".into(),
            document: doc.into(),
            obligations: obligation_lines([r#"{"id":"a#1."}"#]),
            withdrawn: false,
        }
    }

    #[test]
    fn a_second_put_of_the_same_record_is_unchanged() {
        let s = State::in_memory().unwrap();
        assert_eq!(s.put_record(&rec("a", "{}"), None).unwrap(), Upsert::New);
        assert_eq!(
            s.put_record(&rec("a", "{}"), None).unwrap(),
            Upsert::Unchanged
        );
        assert_eq!(
            s.put_record(&rec("a", r#"{"x":1}"#), None).unwrap(),
            Upsert::Changed
        );
    }

    #[test]
    fn document_records_come_in_id_order_without_their_obligations() {
        let s = State::in_memory().unwrap();
        s.put_record(&rec("b", "{\"n\":2}"), None).unwrap();
        s.put_record(&rec("a", "{\"n\":1}"), None).unwrap();
        s.withdraw_record("b").unwrap();
        let mut seen = Vec::new();
        s.for_each_document_record(|d| {
            seen.push((d.doc_id.to_string(), d.document.to_string(), d.withdrawn));
            Ok::<(), StateError>(())
        })
        .unwrap();
        assert_eq!(
            seen,
            [
                ("a".into(), "{\"n\":1}".into(), false),
                ("b".into(), "{\"n\":2}".into(), true)
            ]
        );
    }

    #[test]
    fn withdrawn_documents_keep_their_records() {
        let s = State::in_memory().unwrap();
        s.put_record(&rec("a", "{}"), None).unwrap();
        assert_eq!(s.withdrawn_count().unwrap(), 0);
        assert!(s.withdraw_record("a").unwrap());
        assert_eq!(s.withdrawn_count().unwrap(), 1);
        let all = s.records().unwrap();
        assert_eq!(all.len(), 1);
        assert!(all[0].withdrawn);
        assert_eq!(all[0].sha256, "00");
        assert_eq!(
            all[0].obligation_lines().collect::<Vec<_>>(),
            [r#"{"id":"a#1."}"#]
        );
    }

    #[test]
    fn records_come_back_in_id_order() {
        let s = State::in_memory().unwrap();
        s.put_record(&rec("b", "{}"), None).unwrap();
        s.put_record(&rec("a", "{}"), None).unwrap();
        let ids: Vec<String> = s.records().unwrap().into_iter().map(|r| r.doc_id).collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn an_input_key_is_told_with_the_obligations_of_its_record() {
        let s = State::in_memory().unwrap();
        let mut r = rec("a", "{}");
        r.obligations = obligation_lines([r#"{"id":"a#1."}"#, r#"{"id":"a#2."}"#]);
        s.put_record(&r, None).unwrap();
        assert_eq!(s.input_key("a").unwrap(), None);
        s.set_input_key("a", "k1").unwrap();
        assert_eq!(s.input_key("a").unwrap(), Some(("k1".into(), 2)));
        s.withdraw_record("a").unwrap();
        assert_eq!(
            s.input_key("a").unwrap(),
            None,
            "a withdrawn record is made again"
        );
    }

    #[test]
    fn a_keyed_record_is_committed_with_its_key_unless_a_transaction_is_open() {
        let s = State::in_memory().unwrap();
        let outcome = s.put_keyed_record(&rec("a", "{}"), None, "k1").unwrap();
        assert_eq!(outcome, Upsert::New);
        assert!(s.conn.is_autocommit(), "its own transaction is committed");
        assert_eq!(s.input_key("a").unwrap(), Some(("k1".into(), 1)));
        s.begin().unwrap();
        s.put_keyed_record(&rec("b", "{}"), None, "k2").unwrap();
        assert!(
            !s.conn.is_autocommit(),
            "the caller's transaction stays open"
        );
        s.commit().unwrap();
        assert_eq!(s.input_key("b").unwrap(), Some(("k2".into(), 1)));
    }

    #[test]
    fn records_since_a_generation_are_those_changed_after_it() {
        let s = State::in_memory().unwrap();
        s.put_record(&rec("a", "{}"), None).unwrap();
        let seen = s.generation().unwrap();
        s.put_record(&rec("b", "{}"), None).unwrap();
        s.put_record(&rec("a", "{}"), None).unwrap();
        let mut ids = Vec::new();
        s.for_each_record_since(seen, |r| {
            ids.push(r.doc_id.to_string());
            Ok::<(), crate::StateError>(())
        })
        .unwrap();
        assert_eq!(ids, ["b"]);
    }

    #[test]
    fn the_stored_lines_are_the_export_lines_in_order() {
        let s = State::in_memory().unwrap();
        let mut r = rec("a", "{}");
        r.obligations = obligation_lines([r#"{"id":"a#1."}"#, r#"{"id":"a#2."}"#]);
        s.put_record(&r, None).unwrap();
        let mut seen = Vec::new();
        s.for_each_record(|r| {
            seen.push(r.obligations.to_string());
            Ok::<(), crate::StateError>(())
        })
        .unwrap();
        assert_eq!(seen, ["{\"id\":\"a#1.\"}\n{\"id\":\"a#2.\"}\n"]);
    }

    #[test]
    fn a_new_state_file_has_pages_of_16_kib_for_records_of_tens_of_kilobytes() {
        let dir = tempfile::tempdir().unwrap();
        let s = State::open(&dir.path().join("state.sqlite")).unwrap();
        let size: i64 = s
            .conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(size, 16384);
    }

    #[test]
    fn a_checkpoint_beside_an_open_state_copies_the_log_into_the_database_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite");
        let s = State::open(&path).unwrap();
        let mut r = rec("a", "{}");
        r.obligations = obligation_lines(std::iter::repeat_n(r#"{"id":"a#1."}"#, 4000));
        s.put_record(&r, None).unwrap();
        let before = std::fs::metadata(&path).unwrap().len();
        crate::checkpoint(&path).unwrap();
        let after = std::fs::metadata(&path).unwrap().len();
        assert!(after >= before + 50_000, "{before} -> {after}");
    }

    #[test]
    fn a_database_of_schema_version_2_is_migrated_to_json_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite");
        {
            let conn = rusqlite::Connection::open(&path).unwrap();
            conn.execute_batch(crate::crawl::SCHEMA).unwrap();
            conn.execute_batch(
                "CREATE TABLE records (doc_id TEXT PRIMARY KEY, sha256 TEXT NOT NULL,
                   document TEXT NOT NULL, obligations TEXT NOT NULL,
                   withdrawn INTEGER NOT NULL DEFAULT 0, updated_run INTEGER);
                 CREATE TABLE runs (id INTEGER PRIMARY KEY AUTOINCREMENT, pipeline TEXT NOT NULL,
                   started_at TEXT NOT NULL, finished_at TEXT, report TEXT);
                 INSERT INTO records VALUES ('a', '00', '{}', '[{\"id\":\"a#1.\"},{\"id\":\"a#2.\"}]', 0, NULL);
                 INSERT INTO records VALUES ('b', '00', '{}', '[]', 0, NULL);
                 PRAGMA user_version = 2;",
            )
            .unwrap();
        }
        let s = State::open(&path).unwrap();
        let all = s.records().unwrap();
        assert_eq!(
            all[0].obligation_lines().collect::<Vec<_>>(),
            [r#"{"id":"a#1."}"#, r#"{"id":"a#2."}"#]
        );
        assert_eq!(all[1].obligations, "");
    }
}
