//! A state holding given documents, for the tests of what reads stored records (tracking,
//! the progress spool).

use duban_model::Document;
use duban_state::State;
use duban_state::records::StoredRecord;

/// A state in a new temporary folder with `docs` stored as current records (no obligations).
/// The folder goes when the returned guard is dropped.
pub fn stored(docs: &[Document]) -> (tempfile::TempDir, State) {
    let dir = tempfile::tempdir().expect("creating a temporary folder");
    let state = State::open(&dir.path().join("state.sqlite")).expect("opening the state");
    for doc in docs {
        let rec = StoredRecord {
            doc_id: doc.id.clone(),
            sha256: "0".repeat(64),
            document: serde_json::to_string(doc).expect("a document serializes"),
            obligations: String::new(),
            withdrawn: false,
        };
        state.put_record(&rec, None).expect("storing a record");
    }
    (dir, state)
}
