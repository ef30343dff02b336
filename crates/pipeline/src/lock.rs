//! The data folder's lock: one `run`, `ingest`, `crawl`, `reprocess` or `export` at a time.
//!
//! The lock is an advisory exclusive lock (`flock`, through `fs4`) on `DIR/lock`, which also
//! says who holds it: the process id, the command and since when, as one JSON object. The
//! operating system drops the lock when its process ends, however it ends, so a holder killed
//! with SIGKILL never blocks the next run: its information is still in the file, and the next
//! run says it took the lock over from that process. Searches and the server do not lock:
//! they read committed states only.
//!
//! This module does not wait for a lock: a second run fails at once, naming the holder.

use fs4::fs_std::FileExt;
use serde::{Deserialize, Serialize};
use std::fs;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Who holds (or held) the lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockHolder {
    /// The process id.
    pub pid: u32,
    /// The command it runs (`duban run pipelines/corpora.toml`).
    pub command: String,
    /// When it took the lock (RFC 3339, UTC).
    pub since: String,
}

impl std::fmt::Display for LockHolder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "process {} (`{}`, since {})",
            self.pid, self.command, self.since
        )
    }
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LockError {
    /// Another process holds it.
    #[error("data folder {dir} is in use by {holder}; wait for it to finish")]
    Held {
        /// The data folder.
        dir: PathBuf,
        /// Who holds it, as far as its lock file tells.
        holder: Box<LockHolder>,
    },
    /// Another process holds it and has not written who it is yet.
    #[error("data folder {dir} is in use by another process; wait for it to finish")]
    HeldByUnknown {
        /// The data folder.
        dir: PathBuf,
    },
    /// The lock file could not be used.
    #[error("lock file {path}: {source}")]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// The data folder's lock, held until dropped.
#[derive(Debug)]
pub struct DataDirLock {
    file: fs::File,
    path: PathBuf,
    took_over: Option<LockHolder>,
}

impl DataDirLock {
    /// Takes the lock of the data folder `dir` (created if needed) for `command`, at `now`.
    pub fn acquire(dir: &Path, command: &str, now: &str) -> Result<Self, LockError> {
        let path = dir.join("lock");
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        fs::create_dir_all(dir).map_err(io)?;
        let mut file = fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io)?;
        let previous = read_holder(&mut file).map_err(io)?;
        if !file.try_lock_exclusive().map_err(io)? {
            return Err(match previous {
                Some(holder) => LockError::Held {
                    dir: dir.to_path_buf(),
                    holder: Box::new(holder),
                },
                None => LockError::HeldByUnknown {
                    dir: dir.to_path_buf(),
                },
            });
        }
        // Locked: what the file still says is of a process that ended without releasing it.
        let holder = LockHolder {
            pid: std::process::id(),
            command: command.to_string(),
            since: now.to_string(),
        };
        let json = serde_json::to_string(&holder).unwrap_or_default();
        file.set_len(0)
            .and_then(|()| file.rewind())
            .and_then(|()| file.write_all(json.as_bytes()))
            .and_then(|()| file.sync_data())
            .map_err(io)?;
        if let Some(old) = &previous {
            tracing::warn!(dir = %dir.display(), previous = %old, "Took over the lock of a process that ended without releasing it.");
        }
        Ok(DataDirLock {
            file,
            path,
            took_over: previous,
        })
    }

    /// The process whose lock was taken over: it ended (killed, crashed) while holding it.
    pub fn took_over(&self) -> Option<&LockHolder> {
        self.took_over.as_ref()
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for DataDirLock {
    fn drop(&mut self) {
        // An empty file is a lock released in order; the lock itself goes with the file.
        let _ = self.file.set_len(0);
    }
}

/// Who holds the lock of the data folder `dir` now, if anyone: `Some` with what the lock file
/// says (`None` inside when it says nothing yet). Looking takes nothing and writes nothing.
pub fn current_holder(dir: &Path) -> Result<Option<Option<LockHolder>>, LockError> {
    let path = dir.join("lock");
    let io = |source| LockError::Io {
        path: path.clone(),
        source,
    };
    let mut file = match fs::OpenOptions::new().read(true).write(true).open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(e)),
    };
    let holder = read_holder(&mut file).map_err(io)?;
    // Free: the lock taken to look is dropped with the file.
    if file.try_lock_exclusive().map_err(io)? {
        return Ok(None);
    }
    Ok(Some(holder))
}

/// The holder the lock file names, if it names one.
fn read_holder(file: &mut fs::File) -> std::io::Result<Option<LockHolder>> {
    let mut text = String::new();
    file.read_to_string(&mut text)?;
    Ok(serde_json::from_str(&text).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: &str = "2026-12-06T02:00:00Z";

    #[test]
    fn a_second_lock_is_refused_naming_the_holder() {
        let dir = tempfile::tempdir().unwrap();
        let first =
            DataDirLock::acquire(dir.path(), "duban run pipelines/corpora.toml", NOW).unwrap();
        let e = DataDirLock::acquire(dir.path(), "duban ingest a.txt", NOW).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains(&format!("process {}", std::process::id())),
            "{text}"
        );
        assert!(text.contains("duban run pipelines/corpora.toml"), "{text}");
        assert!(text.contains(NOW), "{text}");
        drop(first);
        let again = DataDirLock::acquire(dir.path(), "duban ingest a.txt", NOW).unwrap();
        assert_eq!(again.took_over(), None, "a released lock is not taken over");
    }

    #[test]
    fn looking_at_the_lock_tells_the_holder_and_takes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(current_holder(dir.path()).unwrap(), None);
        let lock =
            DataDirLock::acquire(dir.path(), "duban ingest 2025年工作要点.txt", NOW).unwrap();
        let holder = current_holder(dir.path()).unwrap().unwrap().unwrap();
        assert_eq!(holder.command, "duban ingest 2025年工作要点.txt");
        drop(lock);
        assert_eq!(current_holder(dir.path()).unwrap(), None);
        assert!(DataDirLock::acquire(dir.path(), "duban export", NOW).is_ok());
    }

    #[test]
    fn the_lock_of_a_process_that_died_is_taken_over_and_said_so() {
        let dir = tempfile::tempdir().unwrap();
        let dead = LockHolder {
            pid: 4_194_000,
            command: "duban crawl http://127.0.0.1:8089/".into(),
            since: "2026-12-05T02:00:00Z".into(),
        };
        fs::write(
            dir.path().join("lock"),
            serde_json::to_string(&dead).unwrap(),
        )
        .unwrap();
        let lock =
            DataDirLock::acquire(dir.path(), "duban run pipelines/corpora.toml", NOW).unwrap();
        assert_eq!(lock.took_over(), Some(&dead));
    }
}
