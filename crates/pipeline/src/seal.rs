//! Seals: small JSON files of the data folder that say what a file derived from the whole
//! state was made from (the progress spool, the exports), so that a run which would make it
//! again from the same inputs leaves it alone.
//!
//! A seal is removed before what it seals is rewritten ([`remove`]) and written after
//! ([`write`]): a run stopped in between leaves none, and the next one makes the file again. A
//! seal that cannot be read or written costs the next run that work, never a wrong file. What a
//! seal holds beside the [`Provenance`], and when it holds, is its owner's business.

use crate::RunError;
use duban_state::State;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What a file derived from the whole state (a kept spool, the exports) was made from: the
/// same provenance gives the same bytes. Every change of a record bumps the state's
/// generation; a withdrawal does not, but changes the number of withdrawn records; a new build
/// may derive differently.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Provenance {
    state_id: String,
    generation: i64,
    withdrawn: i64,
    build: String,
}

impl Provenance {
    /// Whether `other` was derived by the same build (whatever the state).
    pub(crate) fn same_build(&self, other: &Provenance) -> bool {
        self.build == other.build
    }

    /// The provenance of what is derived from `state` now, by this build.
    pub(crate) fn of(state: &State) -> Result<Self, RunError> {
        let mark = state.mark()?;
        Ok(Provenance {
            state_id: mark.state_id,
            generation: mark.generation,
            withdrawn: state.withdrawn_count()?,
            build: crate::run::build_identity().to_string(),
        })
    }
}

/// The seal at `path`, if there is one of this shape.
pub(crate) fn read<T: DeserializeOwned>(path: &Path) -> Option<T> {
    serde_json::from_slice(&std::fs::read(path).ok()?).ok()
}

/// Writes the seal at `path`; a failure is warned of (the next run makes the file again).
pub(crate) fn write<T: Serialize>(path: &Path, seal: &T) {
    let written = serde_json::to_vec(seal)
        .map_err(std::io::Error::other)
        .and_then(|json| std::fs::write(path, json));
    if let Err(e) = written {
        tracing::warn!(path = %path.display(), error = %e, "Seal not written; the next run makes the file again.");
    }
}

/// Removes the file at `path` if it is there.
pub(crate) fn remove(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}
