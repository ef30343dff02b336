//! The data folder and what lives in it (see the crate's documentation).

use std::path::{Path, PathBuf};

/// The data folder and what lives in it.
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The data folder at `root` (created on first use).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        DataDir { root: root.into() }
    }
    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }
    /// `state.sqlite`.
    pub fn state_path(&self) -> PathBuf {
        self.root.join("state.sqlite")
    }
    /// `index/`.
    pub fn index_dir(&self) -> PathBuf {
        self.root.join("index")
    }
    /// `export/`.
    pub fn export_dir(&self) -> PathBuf {
        self.root.join("export")
    }
    /// `progress.spool`: the progress of targets between tracking and writing it, kept with
    /// its seal `progress.spool.seal` for the next run (see [`crate::tracked::TrackedProgress`]).
    pub fn progress_spool(&self) -> PathBuf {
        self.root.join("progress.spool")
    }
    /// `export.seal`: what the exports were last written from, and the files as written (see
    /// [`crate::Runner::finish`]).
    pub fn export_seal(&self) -> PathBuf {
        self.root.join("export.seal")
    }
    /// `archive/`: raw responses of crawls.
    pub fn archive_dir(&self) -> PathBuf {
        self.root.join("archive")
    }
    /// `runs/`: one report per run, `<id>.json`.
    pub fn runs_dir(&self) -> PathBuf {
        self.root.join("runs")
    }
    /// `runs/<id>.json`.
    pub fn run_report_path(&self, id: i64) -> PathBuf {
        self.runs_dir().join(format!("{id}.json"))
    }
}
