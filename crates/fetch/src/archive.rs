//! The raw archive: every fetched body kept under `DATA/archive/`, named by its SHA-256
//! (`archive/ab/abcdef….body`), so documents can be re-extracted without the network
//! (`duban reprocess`) and a 304 can be answered from what was stored.
//!
//! Content addressing makes writes idempotent (the same body is stored once however often it
//! is fetched) and safe to interrupt (a body is written to a temporary file and renamed). The
//! headers that go with a body (charset, validators, fetch time) live in the crawl state, not
//! here.

use duban_model::sha256_hex;
use std::io::Write;
use std::path::{Path, PathBuf};

/// A content-addressed store of response bodies.
#[derive(Debug, Clone)]
pub struct Archive {
    root: PathBuf,
}

impl Archive {
    /// The archive in folder `root` (created on first write).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Archive { root: root.into() }
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Where the body with this SHA-256 is kept.
    pub fn path(&self, sha256: &str) -> PathBuf {
        let prefix = sha256.get(..2).unwrap_or("00");
        self.root.join(prefix).join(format!("{sha256}.body"))
    }

    /// Stores a body and returns its SHA-256.
    pub fn put(&self, bytes: &[u8]) -> std::io::Result<String> {
        let sha = sha256_hex(bytes);
        self.put_with_sha(&sha, bytes)?;
        Ok(sha)
    }

    /// Stores a body whose SHA-256 is already known.
    pub fn put_with_sha(&self, sha256: &str, bytes: &[u8]) -> std::io::Result<()> {
        let path = self.path(sha256);
        if path.exists() {
            return Ok(());
        }
        let dir = path.parent().unwrap_or(&self.root);
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile_in(dir, sha256)?;
        tmp.1.write_all(bytes)?;
        drop(tmp.1);
        std::fs::rename(&tmp.0, &path)
    }

    /// Whether a body is stored.
    pub fn contains(&self, sha256: &str) -> bool {
        self.path(sha256).exists()
    }

    /// A stored body.
    pub fn get(&self, sha256: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.path(sha256))
    }
}

fn tempfile_in(dir: &Path, sha: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    // Unique per process and thread: two workers storing the same body race harmlessly, the
    // last rename wins with identical bytes.
    let name = format!(
        ".{sha}.{}.{:?}.tmp",
        std::process::id(),
        std::thread::current().id()
    )
    .replace(['(', ')'], "");
    let path = dir.join(name);
    let file = std::fs::File::create(&path)?;
    Ok((path, file))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_stored_once_under_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let a = Archive::new(dir.path());
        let body = "<p>关于做好2024年政务公开工作的通知</p>".as_bytes();
        let sha = a.put(body).unwrap();
        assert_eq!(a.put(body).unwrap(), sha);
        assert_eq!(a.get(&sha).unwrap(), body);
        assert!(a.path(&sha).starts_with(dir.path().join(&sha[..2])));
    }
}
