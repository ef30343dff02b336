//! The folder the writer reads its segments from: files read with positioned reads
//! (`pread`), not memory-mapped.
//!
//! Tantivy's [`MmapDirectory`] maps every segment file it opens, and a merge touches each page of
//! the segments it merges. Those pages stay in the process's resident set (as `RssFile`) for as
//! long as the segment is open: at a gigabyte of text, merges held some 1,000 MB of mapped index
//! beside the run's own 470 MB. [`ReadAtDirectory`] reads the same bytes through the page cache
//! instead, each read copied into a buffer that lives as long as the slice tantivy asked for, so
//! what a merge reads is counted once, while it is read, and the kernel keeps or drops the cached
//! pages as memory allows (page cache, not the run's memory).
//!
//! Only the writer ([`crate::ObligationIndex`]) opens the index this way, because it reads
//! segments once, front to back, when it merges them. Searches ([`crate::SearchIndex`]) keep the
//! memory map, where the same pages are read again by every query.
//!
//! Everything else (writes, deletes, locks, the meta file and its watch) is the memory-map
//! directory's own: this module changes how segment files are read, nothing more.

use std::fmt;
use std::fs::File;
use std::io;
use std::ops::Range;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr,
};
use tantivy::{HasLen, TantivyError};

/// A folder whose files tantivy reads with `pread`; see the module documentation.
#[derive(Clone, Debug)]
pub(crate) struct ReadAtDirectory {
    root: PathBuf,
    inner: MmapDirectory,
}

impl ReadAtDirectory {
    /// Opens the existing folder `root`.
    pub(crate) fn open(root: &Path) -> Result<Self, TantivyError> {
        Ok(ReadAtDirectory {
            root: root.to_path_buf(),
            inner: MmapDirectory::open(root).map_err(TantivyError::from)?,
        })
    }
}

/// One open segment file, read a range at a time.
struct ReadAtFile {
    file: File,
    len: usize,
    path: PathBuf,
}

impl fmt::Debug for ReadAtFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReadAtFile({}, {} bytes)", self.path.display(), self.len)
    }
}

impl HasLen for ReadAtFile {
    fn len(&self) -> usize {
        self.len
    }
}

impl FileHandle for ReadAtFile {
    fn read_bytes(&self, range: Range<usize>) -> io::Result<OwnedBytes> {
        if range.start > range.end || range.end > self.len {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "{}: bytes {}..{} asked of a file of {} bytes",
                    self.path.display(),
                    range.start,
                    range.end,
                    self.len
                ),
            ));
        }
        if range.is_empty() {
            return Ok(OwnedBytes::empty());
        }
        let mut buffer = vec![0; range.len()];
        self.file.read_exact_at(&mut buffer, range.start as u64)?;
        Ok(OwnedBytes::new(buffer))
    }
}

impl Directory for ReadAtDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        let full = self.root.join(path);
        let file = File::open(&full).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => OpenReadError::FileDoesNotExist(path.to_path_buf()),
            _ => OpenReadError::wrap_io_error(e, path.to_path_buf()),
        })?;
        let len = file
            .metadata()
            .map_err(|e| OpenReadError::wrap_io_error(e, path.to_path_buf()))?
            .len() as usize;
        Ok(Arc::new(ReadAtFile {
            file,
            len,
            path: full,
        }))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(&self, lock: &Lock) -> Result<DirectoryLock, LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder_with(name: &str, bytes: &[u8]) -> (tempfile::TempDir, ReadAtDirectory) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let directory = ReadAtDirectory::open(dir.path()).unwrap();
        (dir, directory)
    }

    #[test]
    fn a_range_of_a_file_reads_those_bytes() {
        let (_dir, directory) = folder_with("a.idx", "责任单位：区司法局".as_bytes());
        let slice = directory.open_read(Path::new("a.idx")).unwrap();
        assert_eq!(slice.len(), 27);
        let head = slice.slice(0..12).read_bytes().unwrap();
        assert_eq!(std::str::from_utf8(head.as_slice()).unwrap(), "责任单位");
        let tail = slice.slice_from(15).read_bytes().unwrap();
        assert_eq!(std::str::from_utf8(tail.as_slice()).unwrap(), "区司法局");
    }

    #[test]
    fn an_empty_range_and_an_empty_file_read_as_no_bytes() {
        let (_dir, directory) = folder_with("empty.pos", b"");
        let slice = directory.open_read(Path::new("empty.pos")).unwrap();
        assert!(slice.read_bytes().unwrap().is_empty());
        let (_dir, directory) = folder_with("a.pos", b"abc");
        let slice = directory.open_read(Path::new("a.pos")).unwrap();
        assert!(slice.slice(2..2).read_bytes().unwrap().is_empty());
    }

    #[test]
    fn a_missing_file_is_reported_as_missing() {
        let dir = tempfile::tempdir().unwrap();
        let directory = ReadAtDirectory::open(dir.path()).unwrap();
        assert!(matches!(
            directory.open_read(Path::new("gone.store")),
            Err(OpenReadError::FileDoesNotExist(p)) if p == Path::new("gone.store")
        ));
    }

    #[test]
    fn a_range_past_the_end_is_an_error_naming_the_file() {
        let (_dir, directory) = folder_with("a.fast", b"abc");
        let handle = directory.get_file_handle(Path::new("a.fast")).unwrap();
        let error = handle.read_bytes(1..9).unwrap_err();
        assert!(error.to_string().contains("a.fast"), "{error}");
    }
}
