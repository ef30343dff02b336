//! Whole-document outputs of the extractor on the bundled seed documents, as snapshots.
//!
//! The seeds are read as they are (no cleaning), so these snapshots change only when the
//! extractor does. Review a change with `cargo insta review`; CI never writes snapshots.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly where its setup does"
)]

use duban_model::{CleanDoc, DocKind, Document};
use serde_json::json;

fn clean_doc(name: &str, text: String) -> CleanDoc {
    CleanDoc::from(Document::from_text(
        format!("file:seeds/{name}"),
        DocKind::Other,
        None,
        text,
    ))
}

#[test]
fn seed_documents_extract_to_their_snapshots() {
    insta::glob!("../../../corpora", "seeds/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("seed is UTF-8");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let doc = clean_doc(name, text);
        let first = duban_extract::extract(&doc);
        assert_eq!(
            first,
            duban_extract::extract(&doc),
            "extraction is deterministic"
        );
        // The whole record minus what repeats the document; spans and texts are checked by
        // the property tests.
        let summary: Vec<_> = first
            .iter()
            .map(|o| {
                json!({
                    "id": o.id, "label": o.label, "path": o.path, "heading": o.heading, "kind": o.kind,
                    "deadlines": o.deadlines, "recurrences": o.recurrences, "metrics": o.metrics,
                    "bodies": o.bodies, "references": o.references, "span": o.span,
                })
            })
            .collect();
        insta::assert_json_snapshot!(summary);
    });
}
