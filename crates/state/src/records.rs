//! The current records of every ingested document: what the exports are written from.
//!
//! A document is replaced as a whole (document and obligations in one transaction), so a run
//! that stops half-way leaves every document either old or new, never mixed. A document that
//! disappears from its source is marked withdrawn, not deleted: its last extraction is kept.

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
    /// The obligation records, one JSON object each.
    pub obligations: Vec<String>,
    /// Whether the source no longer has it.
    pub withdrawn: bool,
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
        let obligations = format!("[{}]", rec.obligations.join(","));
        let old: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT document, obligations FROM records WHERE doc_id = ?1",
                params![rec.doc_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        let outcome = match &old {
            None => Upsert::New,
            Some((d, o)) if *d == rec.document && *o == obligations => Upsert::Unchanged,
            Some(_) => Upsert::Changed,
        };
        self.conn
            .execute(
                "INSERT INTO records (doc_id, sha256, document, obligations, withdrawn, updated_run)
                 VALUES (?1, ?2, ?3, ?4, 0, ?5)
                 ON CONFLICT(doc_id) DO UPDATE SET sha256 = ?2, document = ?3, obligations = ?4,
                   withdrawn = 0, updated_run = ?5",
                params![rec.doc_id, rec.sha256, rec.document, obligations, run],
            )
            .map_err(|e| self.err(e))?;
        Ok(outcome)
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

    /// Every stored record, ordered by document id (the export order).
    pub fn records(&self) -> Result<Vec<StoredRecord>> {
        let mut stmt = self
            .conn
            .prepare("SELECT doc_id, sha256, document, obligations, withdrawn FROM records ORDER BY doc_id")
            .map_err(|e| self.err(e))?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, i64>(4)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (doc_id, sha256, document, obligations, withdrawn) =
                row.map_err(|e| self.err(e))?;
            // The stored lines come back exactly as they were written: no re-serialisation.
            let list: Vec<Box<serde_json::value::RawValue>> = serde_json::from_str(&obligations)
                .map_err(|source| StateError::Corrupt {
                    path: self.path.clone(),
                    key: doc_id.clone(),
                    source,
                })?;
            out.push(StoredRecord {
                doc_id,
                sha256,
                document,
                obligations: list.iter().map(|v| v.get().to_string()).collect(),
                withdrawn: withdrawn != 0,
            });
        }
        Ok(out)
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
            obligations: vec![r#"{"id":"a#1."}"#.into()],
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
    fn withdrawn_documents_keep_their_records() {
        let s = State::in_memory().unwrap();
        s.put_record(&rec("a", "{}"), None).unwrap();
        assert!(s.withdraw_record("a").unwrap());
        let all = s.records().unwrap();
        assert_eq!(all.len(), 1);
        assert!(all[0].withdrawn);
        assert_eq!(all[0].obligations, vec![r#"{"id":"a#1."}"#.to_string()]);
    }

    #[test]
    fn records_come_back_in_id_order() {
        let s = State::in_memory().unwrap();
        s.put_record(&rec("b", "{}"), None).unwrap();
        s.put_record(&rec("a", "{}"), None).unwrap();
        let ids: Vec<String> = s.records().unwrap().into_iter().map(|r| r.doc_id).collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
