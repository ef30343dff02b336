//! The search index and the state kept in step: exports or an index of another state refused,
//! the index caught up with the state's records on open, and a damaged index told apart from
//! other index errors.

use super::{DataDir, RunError};
use crate::tracked::TrackedProgress;
use duban_index::{IndexedState, ObligationIndex};
use duban_model::Obligation;
use duban_state::State;
use duban_state::identity::StateMark;
use std::path::Path;

/// Whether an index error says the index's files are damaged: corrupt data, a file that
/// cannot be read or is gone, a folder that cannot be opened (not a full disk, a lock or a bad
/// query).
pub fn is_index_damage(e: &duban_index::IndexError) -> bool {
    use tantivy::TantivyError as T;
    matches!(
        e,
        duban_index::IndexError::Tantivy {
            source: T::DataCorruption(_) | T::OpenReadError(_) | T::OpenDirectoryError(_),
            ..
        }
    )
}

/// [`RunError::IndexDamaged`] for an index whose files are damaged ([`is_index_damage`]),
/// with the advice to rebuild it; other index errors as they are.
pub fn index_damaged(dir: &Path, e: duban_index::IndexError) -> RunError {
    if is_index_damage(&e) {
        RunError::IndexDamaged {
            dir: dir.to_path_buf(),
            source: e,
        }
    } else {
        RunError::Index(e)
    }
}

pub(super) fn indexed_state(mark: &StateMark) -> IndexedState {
    IndexedState {
        state_id: mark.state_id.clone(),
        generation: mark.generation,
    }
}

/// Fails when the exports or the index name another state than `mark`'s and hold something:
/// `state.sqlite` was deleted or replaced since they were written.
pub(super) fn same_state_everywhere(data: &DataDir, mark: &StateMark) -> Result<(), RunError> {
    let other = |what, old_state: String| RunError::OtherState {
        dir: data.root().to_path_buf(),
        what,
        old_state,
        new_state: mark.state_id.clone(),
    };
    if let Some(m) = duban_export::read_manifest(&data.export_dir())?
        && m.documents() > 0
        && m.origin.state_id != mark.state_id
    {
        return Err(other("exports", m.origin.state_id));
    }
    if let Some(s) = duban_index::indexed_state_in(&data.index_dir())
        && s.generation > 0
        && s.state_id != mark.state_id
    {
        return Err(other("search index", s.state_id));
    }
    Ok(())
}

/// Records (documents and obligations) a catch-up indexes between commits, at most.
const CATCH_UP_COMMIT_RECORDS: usize = 50_000;

/// Brings the index up to the state: re-indexes the records changed after the generation the
/// index was committed at (all of them for a new, emptied or older index; after everything is
/// deleted for an index of another state or of a later generation, which the state no longer
/// has). A run stopped after the state's commit and before the index's leaves records the
/// next run may never process again (pages that answer 304): they are indexed here, and the
/// progress records with them.
pub(super) fn catch_up_index(
    state: &State,
    index: &mut ObligationIndex,
    mark: &StateMark,
    spool: &Path,
) -> Result<usize, RunError> {
    catch_up_committing_every(state, index, mark, spool, CATCH_UP_COMMIT_RECORDS)
}

/// [`catch_up_index`], committing each time `every` records have been indexed since the last.
pub(super) fn catch_up_committing_every(
    state: &State,
    index: &mut ObligationIndex,
    mark: &StateMark,
    spool: &Path,
    every: usize,
) -> Result<usize, RunError> {
    let since = match index.indexed_state() {
        Some(s) if s.state_id == mark.state_id && s.generation <= mark.generation => s.generation,
        Some(_) => {
            tracing::warn!("The index was made from another state; rebuilding it from this one.");
            index.delete_all()?;
            0
        }
        None => 0,
    };
    let mut documents = 0;
    let mut uncommitted = 0;
    state.for_each_record_since(since, |rec| {
        let doc: Result<duban_model::Document, _> = serde_json::from_str(rec.document);
        let obligations: Result<Vec<Obligation>, _> =
            rec.obligations.lines().map(serde_json::from_str).collect();
        match (doc, obligations) {
            (Ok(doc), Ok(obligations)) => {
                index.upsert(&doc, &obligations)?;
                crate::abort::point("catch-up");
                documents += 1;
                uncommitted += 1 + obligations.len();
                // Stored records are read far faster than they are indexed: the writer's
                // backlog keeps what waits for tantivy to a few megabytes of text, and these
                // commits let searches see a long rebuild fill. Each records the index's
                // earlier state, so a catch-up stopped here starts again from there.
                if uncommitted >= every {
                    index.commit()?;
                    uncommitted = 0;
                }
            }
            (Err(e), _) | (_, Err(e)) => {
                tracing::warn!(doc_id = %rec.doc_id, error = %e, "Stored record unreadable; not indexed.");
            }
        }
        Ok::<(), RunError>(())
    })?;
    // A rebuilt or caught-up index gets the progress of targets too, which only a run's
    // finish would otherwise add (`duban doctor --repair` rebuilds without one).
    if documents > 0 {
        TrackedProgress::of_data_folder(state, spool)?.index_into(index)?;
    }
    index.set_indexed_state(indexed_state(mark));
    if index.commit()? && documents > 0 {
        tracing::info!(
            documents,
            since_generation = since,
            "Index caught up with the stored records."
        );
    }
    Ok(documents)
}
