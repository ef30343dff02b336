//! The raw archive: every fetched body kept under `DATA/archive/`, addressed by its SHA-256,
//! so documents can be re-extracted without the network (`duban reprocess`) and a 304 can be
//! answered from what was stored.
//!
//! Bodies are appended to pack files, `archive/packs/<name>.pack`, each with an index beside
//! it, `<name>.idx`, one line per body: `<sha256> <offset> <length>`. A pack record is a
//! header line `duban-body <sha256> <length>`, the body's bytes and a line end, so a pack
//! can be read (and its index rebuilt) without its index. Appending to one open file costs a
//! write; the earlier layout, one file per body (`archive/ab/<sha256>.body`), cost a file
//! creation per page, which on ext4 took more CPU than parsing the page. Bodies in that
//! layout are still read.
//!
//! Content addressing makes writes idempotent: a body already stored is not written again. A
//! body is written before its index line, so an interrupted write leaves at worst bytes that no
//! index line points to; an index line cut short is ignored. Each [`Archive`] value writes
//! its own pack (named by time and process), so two processes never append to one file. The
//! headers that go with a body (charset, validators, fetch time) live in the crawl state, not
//! here.

use duban_model::sha256_hex;
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock};

/// A pack is closed and a new one started past this size.
const PACK_LIMIT: u64 = 1 << 30;

/// A content-addressed store of response bodies. Clones share one store.
#[derive(Debug, Clone)]
pub struct Archive {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    root: PathBuf,
    /// Where each packed body is, read from the index files on first use.
    index: OnceLock<RwLock<HashMap<String, Location>>>,
    /// The pack this archive appends to, opened on first write.
    writer: Mutex<Option<PackWriter>>,
}

#[derive(Debug, Clone)]
struct Location {
    pack: Arc<PathBuf>,
    offset: u64,
    len: u64,
}

#[derive(Debug)]
struct PackWriter {
    path: Arc<PathBuf>,
    pack: File,
    index: File,
    len: u64,
}

impl Archive {
    /// The archive in folder `root` (created on first write).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Archive {
            inner: Arc::new(Inner {
                root: root.into(),
                index: OnceLock::new(),
                writer: Mutex::new(None),
            }),
        }
    }

    /// The folder.
    pub fn root(&self) -> &Path {
        &self.inner.root
    }

    fn packs_dir(&self) -> PathBuf {
        self.inner.root.join("packs")
    }

    /// Where a body was kept in the one-file-per-body layout.
    fn loose_path(&self, sha256: &str) -> PathBuf {
        let prefix = sha256.get(..2).unwrap_or("00");
        self.inner.root.join(prefix).join(format!("{sha256}.body"))
    }

    fn index(&self) -> &RwLock<HashMap<String, Location>> {
        self.inner
            .index
            .get_or_init(|| RwLock::new(read_indexes(&self.packs_dir())))
    }

    fn location(&self, sha256: &str) -> Option<Location> {
        let index = self.index().read().unwrap_or_else(|e| e.into_inner());
        index.get(sha256).cloned()
    }

    /// Stores a body and returns its SHA-256.
    pub fn put(&self, bytes: &[u8]) -> std::io::Result<String> {
        let sha = sha256_hex(bytes);
        self.put_with_sha(&sha, bytes)?;
        Ok(sha)
    }

    /// Stores a body whose SHA-256 is already known.
    pub fn put_with_sha(&self, sha256: &str, bytes: &[u8]) -> std::io::Result<()> {
        if self.contains(sha256) {
            return Ok(());
        }
        let mut writer = self.inner.writer.lock().unwrap_or_else(|e| e.into_inner());
        // Another thread may have stored it while this one waited.
        if self.location(sha256).is_some() {
            return Ok(());
        }
        if writer.as_ref().is_none_or(|w| w.len >= PACK_LIMIT) {
            *writer = Some(PackWriter::create(&self.packs_dir())?);
        }
        let Some(w) = writer.as_mut() else {
            return Ok(());
        };
        let header = format!("duban-body {sha256} {}\n", bytes.len());
        let offset = w.len + header.len() as u64;
        let mut record = Vec::with_capacity(header.len() + bytes.len() + 1);
        record.extend_from_slice(header.as_bytes());
        record.extend_from_slice(bytes);
        record.push(b'\n');
        // The body first: an index line never points at bytes that are not there.
        if let Err(e) = w.pack.write_all(&record) {
            // A short write leaves the pack's end unknown: the next body starts a new pack.
            *writer = None;
            return Err(e);
        }
        w.len += record.len() as u64;
        w.index
            .write_all(format!("{sha256} {offset} {}\n", bytes.len()).as_bytes())?;
        let location = Location {
            pack: Arc::clone(&w.path),
            offset,
            len: bytes.len() as u64,
        };
        self.index()
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(sha256.to_string(), location);
        Ok(())
    }

    /// Whether a body is stored.
    pub fn contains(&self, sha256: &str) -> bool {
        self.location(sha256).is_some() || self.loose_path(sha256).exists()
    }

    /// A stored body.
    pub fn get(&self, sha256: &str) -> std::io::Result<Vec<u8>> {
        let Some(at) = self.location(sha256) else {
            return fs::read(self.loose_path(sha256));
        };
        let mut file = File::open(at.pack.as_path())?;
        file.seek(SeekFrom::Start(at.offset))?;
        let mut bytes = Vec::with_capacity(usize::try_from(at.len).unwrap_or(0));
        file.take(at.len).read_to_end(&mut bytes)?;
        if bytes.len() as u64 != at.len {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!(
                    "{}: body {sha256} cut short at {} of {} bytes",
                    at.pack.display(),
                    bytes.len(),
                    at.len
                ),
            ));
        }
        Ok(bytes)
    }
}

impl PackWriter {
    fn create(dir: &Path) -> std::io::Result<Self> {
        fs::create_dir_all(dir)?;
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        static PACKS: AtomicU64 = AtomicU64::new(0);
        let name = format!(
            "{nanos:020}-{}-{}",
            std::process::id(),
            PACKS.fetch_add(1, Ordering::Relaxed)
        );
        let path = dir.join(format!("{name}.pack"));
        let open = |p: &Path| OpenOptions::new().create_new(true).append(true).open(p);
        let pack = open(&path)?;
        let index = open(&dir.join(format!("{name}.idx")))?;
        Ok(PackWriter {
            path: Arc::new(path),
            pack,
            index,
            len: 0,
        })
    }
}

/// Every complete index line of every pack in `dir` (none when it does not exist yet).
fn read_indexes(dir: &Path) -> HashMap<String, Location> {
    let mut out = HashMap::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    let mut idx_files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "idx"))
        .collect();
    idx_files.sort();
    for idx in idx_files {
        let Ok(text) = fs::read_to_string(&idx) else {
            tracing::warn!(index = %idx.display(), "Archive index unreadable; its bodies are skipped.");
            continue;
        };
        let pack = Arc::new(idx.with_extension("pack"));
        // Only lines with their line end: the last one may have been cut by a crash.
        for line in text.split_inclusive('\n').filter(|l| l.ends_with('\n')) {
            let mut parts = line.split_ascii_whitespace();
            let (Some(sha), Some(offset), Some(len)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let (Ok(offset), Ok(len)) = (offset.parse(), len.parse()) else {
                continue;
            };
            out.entry(sha.to_string()).or_insert(Location {
                pack: Arc::clone(&pack),
                offset,
                len,
            });
        }
    }
    out
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
        let idx = fs::read_dir(dir.path().join("packs"))
            .unwrap()
            .filter_map(|e| e.ok())
            .find(|e| e.path().extension().is_some_and(|x| x == "idx"))
            .unwrap();
        assert_eq!(fs::read_to_string(idx.path()).unwrap().lines().count(), 1);
    }

    #[test]
    fn another_archive_on_the_same_folder_reads_what_was_stored() {
        let dir = tempfile::tempdir().unwrap();
        let a = Archive::new(dir.path());
        let one = a.put("第一页".as_bytes()).unwrap();
        let two = a.put("第二页".as_bytes()).unwrap();
        let b = Archive::new(dir.path());
        assert_eq!(b.get(&two).unwrap(), "第二页".as_bytes());
        assert_eq!(b.get(&one).unwrap(), "第一页".as_bytes());
        // A new body from the second archive goes to a pack of its own.
        b.put("第三页".as_bytes()).unwrap();
        let packs = fs::read_dir(dir.path().join("packs")).unwrap().count();
        assert_eq!(packs, 4);
    }

    #[test]
    fn an_index_line_cut_short_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let a = Archive::new(dir.path());
        let sha = a.put(b"<html></html>").unwrap();
        let packs = dir.path().join("packs");
        let idx = fs::read_dir(&packs)
            .unwrap()
            .filter_map(|e| e.ok())
            .find(|e| e.path().extension().is_some_and(|x| x == "idx"))
            .unwrap()
            .path();
        let mut f = OpenOptions::new().append(true).open(&idx).unwrap();
        f.write_all(b"abcdef 99").unwrap();
        let b = Archive::new(dir.path());
        assert!(b.contains(&sha));
        assert!(!b.contains("abcdef"));
    }

    #[test]
    fn bodies_of_the_one_file_per_body_layout_are_still_read() {
        let dir = tempfile::tempdir().unwrap();
        let body = b"<p>old layout</p>";
        let sha = sha256_hex(body);
        fs::create_dir_all(dir.path().join(&sha[..2])).unwrap();
        fs::write(dir.path().join(&sha[..2]).join(format!("{sha}.body")), body).unwrap();
        let a = Archive::new(dir.path());
        assert!(a.contains(&sha));
        assert_eq!(a.get(&sha).unwrap(), body);
    }

    #[test]
    fn clones_share_one_pack() {
        let dir = tempfile::tempdir().unwrap();
        let a = Archive::new(dir.path());
        let b = a.clone();
        let sha = a.put(b"x").unwrap();
        assert!(b.contains(&sha));
        b.put(b"y").unwrap();
        assert_eq!(fs::read_dir(dir.path().join("packs")).unwrap().count(), 2);
    }
}
