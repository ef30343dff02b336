//! Obligations from a cleaned document (being written: issue 5).

use duban_model::{CleanDoc, Obligation};

/// Extracts the obligations of one document.
pub fn extract(_doc: &CleanDoc) -> Vec<Obligation> {
    Vec::new()
}
