//! Stable identifiers.
//!
//! A document id is derived from what names the document outside Duban (its canonical URL, or
//! its path relative to the corpus root), never from the time or order of a run, so the same
//! input gets the same id on every machine. An obligation id is the document id plus the labels
//! of its outline path.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// The stable id of a document: `file:<corpus-relative path>` or the canonical URL.
///
/// ```
/// use duban_model::DocId;
/// assert_eq!(DocId::from_path("seeds/000.txt").as_str(), "file:seeds/000.txt");
/// assert_eq!(DocId::from_url("https://www.suzhou.gov.cn/a.html#top").as_str(), "https://www.suzhou.gov.cn/a.html");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

impl DocId {
    /// The id of a local file, from its path relative to the corpus root (`/` separators).
    pub fn from_path(relative: &str) -> Self {
        DocId(format!("file:{}", relative.replace('\\', "/")))
    }

    /// The id of a fetched page, from its canonical URL without the fragment.
    pub fn from_url(url: &str) -> Self {
        let url = url.split('#').next().unwrap_or(url);
        DocId(url.to_string())
    }

    /// The id as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The id of an obligation: `<doc id>#<path labels and own label joined by />`.
///
/// Labels, not headings, make the id, so rewording a heading keeps the id; a second item with
/// the same label path (numbering that restarts without a heading) gets `~2`, `~3`, ….
///
/// ```
/// assert_eq!(duban_model::obligation_id("file:a.txt", &["三、", "26."], 1), "file:a.txt#三、/26.");
/// assert_eq!(duban_model::obligation_id("file:a.txt", &["1."], 2), "file:a.txt#1.~2");
/// ```
pub fn obligation_id(doc_id: &str, labels: &[&str], occurrence: usize) -> String {
    let mut id = format!("{doc_id}#{}", labels.join("/"));
    if occurrence > 1 {
        id.push_str(&format!("~{occurrence}"));
    }
    id
}

/// Lower-case hex SHA-256 of bytes, as stored in `source.sha256`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_separators_give_the_same_id_as_unix_ones() {
        assert_eq!(
            DocId::from_path("seeds\\a.txt"),
            DocId::from_path("seeds/a.txt")
        );
    }

    #[test]
    fn sha256_is_lower_hex() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
