//! Writing the index: incremental updates by document, and re-indexing on dictionary change.
//!
//! [`ObligationIndex`] holds tantivy's single writer. [`ObligationIndex::upsert`] replaces
//! everything of one source document (delete by `doc_id`, add the document and its
//! obligations); [`ObligationIndex::begin_progress`] and [`ObligationIndex::add_progress`]
//! replace every progress record, a batch at a time, when their digest changed; nothing is visible to searchers until [`ObligationIndex::commit`], so a search
//! during a run sees the last committed state.
//!
//! Every commit stores a payload in tantivy's `meta.json`: the index format and the text of
//! the user dictionary the analysis used. On open, a different dictionary means some text may
//! now be cut differently: the documents whose text contains a changed word are re-indexed
//! from the records stored in the index itself (nothing else); progress records are dropped
//! then, and the next run adds them back analysed anew. A different format (an index
//! from an older Duban) cannot be migrated: the folder is emptied, and the next run fills it
//! ([`ObligationIndex::opened`] tells the caller which of these opening did: [`Opened`]).
//!
//! This module does not search.

use crate::IndexError;
use crate::analyzer::{Analyzer, AnalyzerTokenizer, dictionary_changes};
use crate::backlog::{AnalysedText, TextBacklog};
use crate::directory::ReadAtDirectory;
use crate::schema::{
    DocumentSummary, FORMAT, Fields, ProgressRecord, RECORD_DOCUMENT, RECORD_PROGRESS, TOKENIZER,
};
use duban_model::{Document, Obligation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tantivy::collector::DocSetCollector;
use tantivy::indexer::{LogMergePolicy, UserOperation};
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexWriter, ReloadPolicy, TantivyDocument, Term};

/// Bytes of memory the writer may buffer before flushing a segment (shared by its threads).
pub const WRITER_MEMORY: usize = 64_000_000;

/// Records (documents and obligations) of the largest segment a merge makes. A merge maps
/// and reads every segment it merges: unbounded, the last merges of a large corpus read
/// most of the index at once, and a run's memory grows with the corpus. Bounded, a run's
/// merges cost the same at a hundred megabytes of text as at a gigabyte; a million
/// obligations are then some ten segments, which a search visits in turn.
pub const MAX_MERGED_RECORDS: usize = 100_000;

/// Tantivy's log merge policy, with merges bounded by [`MAX_MERGED_RECORDS`].
fn merge_policy() -> LogMergePolicy {
    let mut policy = LogMergePolicy::default();
    policy.set_max_docs_before_merge(MAX_MERGED_RECORDS);
    policy
}

/// What every commit records in the index meta.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub(crate) struct Payload {
    pub format: u32,
    pub dictionary: String,
    /// The state the index was made from, as far as it had come (absent in indexes written
    /// before states had ids: such an index is brought up to date from every record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<IndexedState>,
    /// The digest of the progress records held ([`ProgressDigest`]; absent before progress
    /// had one: such progress is replaced by the next run).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
    /// The link groups whose progress records the index holds (absent when unknown: the next
    /// run replaces every progress record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress_groups: Option<BTreeSet<String>>,
}

/// SHA-256 of progress records as the index records them: each record's line
/// ([`ProgressRecord::to_line`]), in the order given.
#[derive(Default)]
pub struct ProgressDigest(Sha256);

impl ProgressDigest {
    /// Adds one record's line.
    pub fn push(&mut self, line: &str) {
        self.0.update(line.as_bytes());
        self.0.update(b"\n");
    }

    /// The digest, in hex.
    pub fn finish(self) -> String {
        self.0
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// The state an index was made from: its id and the generation of the last record change the
/// index holds (the pipeline's state records both; this crate only stores them).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct IndexedState {
    /// The id of the state database.
    pub state_id: String,
    /// The state's generation the index has caught up with.
    pub generation: i64,
}

impl Payload {
    pub fn of(index: &Index) -> Option<Payload> {
        let metas = index.load_metas().ok()?;
        serde_json::from_str(metas.payload.as_deref()?).ok()
    }
}

/// Whether there is an index in `dir` (a commit's meta file), without opening it.
pub fn index_exists(dir: &Path) -> bool {
    dir.join("meta.json").exists()
}

/// The state the index in `dir` was last committed from, read from its meta file without
/// opening the index; `None` when there is no index or it names no state.
pub fn indexed_state_in(dir: &Path) -> Option<IndexedState> {
    #[derive(Deserialize)]
    struct Meta {
        payload: Option<String>,
    }
    let meta: Meta = serde_json::from_slice(&std::fs::read(dir.join("meta.json")).ok()?).ok()?;
    serde_json::from_str::<Payload>(meta.payload.as_deref()?)
        .ok()?
        .state
}

/// Who opens an index, which decides how its files are read.
#[derive(Debug, Clone)]
pub(crate) enum Opener {
    /// Searches: an existing index, memory-mapped.
    Search,
    /// The writer: the index is created if missing, read with positioned reads
    /// ([`ReadAtDirectory`]), and its analyser counts the text it is given into the count
    /// the writer's [`TextBacklog`] waits on.
    Writer(Arc<AnalysedText>),
}

/// Opens the tantivy index in `dir` with the schema and the analyzer registered.
pub(crate) fn open_tantivy(
    dir: &Path,
    analyzer: &Analyzer,
    opener: Opener,
) -> Result<(Index, Fields), IndexError> {
    let path = dir.to_path_buf();
    let tv = |source| IndexError::Tantivy {
        path: path.clone(),
        source,
    };
    let (schema, fields) = Fields::schema();
    if matches!(opener, Opener::Search) && !index_exists(dir) {
        return Err(IndexError::Missing { path });
    }
    std::fs::create_dir_all(dir).map_err(|source| IndexError::Io {
        path: path.clone(),
        source,
    })?;
    let (index, tokenizer) = match opener {
        Opener::Search => {
            let mmap = tantivy::directory::MmapDirectory::open(dir).map_err(|e| tv(e.into()))?;
            (
                Index::open_or_create(mmap, schema),
                AnalyzerTokenizer::new(analyzer.clone()),
            )
        }
        Opener::Writer(analysed) => (
            Index::open_or_create(ReadAtDirectory::open(dir).map_err(tv)?, schema),
            AnalyzerTokenizer::counting(analyzer.clone(), analysed),
        ),
    };
    let index = index.map_err(|e| match e {
        tantivy::TantivyError::SchemaError(_) => IndexError::Outdated { path: path.clone() },
        e => tv(e),
    })?;
    index.tokenizers().register(TOKENIZER, tokenizer);
    Ok((index, fields))
}

/// What opening an index for writing found, and did ([`ObligationIndex::opened`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// There was no index: an empty one was made.
    Created,
    /// The index was of an older format or unreadable: it was emptied (the caller refills it).
    Reset,
    /// The index was built with another dictionary: the documents whose text a changed word
    /// affects were re-indexed from the records it stores.
    Reindexed {
        /// How many documents.
        documents: usize,
    },
    /// An index of this format and dictionary, as it was.
    Existing,
}

/// The obligation index in a folder, open for writing.
pub struct ObligationIndex {
    path: PathBuf,
    index: Index,
    writer: IndexWriter,
    fields: Fields,
    analyzer: Analyzer,
    opened: Opened,
    /// The state the committed index was made from, or is to be after the next commit.
    state: Option<IndexedState>,
    /// Whether documents were added or deleted since the last commit.
    dirty: bool,
    /// The digest of the progress records held, or to be held after the next commit.
    progress: Option<String>,
    /// The link groups of those records.
    progress_groups: Option<BTreeSet<String>>,
    /// Text queued for tantivy's analyser and not yet analysed, kept bounded.
    backlog: TextBacklog,
}

impl ObligationIndex {
    /// Opens the index in `dir` with the domain dictionary, creating it if needed and
    /// re-indexing what a dictionary change affects.
    pub fn open(dir: &Path) -> Result<Self, IndexError> {
        Self::open_with(dir, Analyzer::domain())
    }

    /// Opens the index in `dir` with a given analyzer (tests use another dictionary).
    pub fn open_with(dir: &Path, analyzer: Analyzer) -> Result<Self, IndexError> {
        let path = dir.to_path_buf();
        let existed = index_exists(dir);
        let analysed = Arc::new(AnalysedText::default());
        let writer_opener = || Opener::Writer(analysed.clone());
        let (index, fields, was_reset) = match open_tantivy(dir, &analyzer, writer_opener()) {
            Ok((index, fields)) if Self::is_current_format(&index) => (index, fields, false),
            opened => {
                match &opened {
                    Err(IndexError::Outdated { .. }) | Ok(_) => {
                        tracing::warn!(index = %path.display(), "Index of an older format; emptying it.");
                    }
                    Err(e) => {
                        tracing::warn!(index = %path.display(), error = %e, "Index unreadable; emptying it.");
                    }
                }
                drop(opened);
                std::fs::remove_dir_all(dir).map_err(|source| IndexError::Io {
                    path: path.clone(),
                    source,
                })?;
                let (index, fields) = open_tantivy(dir, &analyzer, writer_opener())?;
                (index, fields, true)
            }
        };
        let writer = index
            .writer(WRITER_MEMORY)
            .map_err(|source| IndexError::Tantivy {
                path: path.clone(),
                source,
            })?;
        writer.set_merge_policy(Box::new(merge_policy()));
        let mut me = ObligationIndex {
            path,
            index,
            writer,
            fields,
            analyzer,
            opened: match (existed, was_reset) {
                (_, true) => Opened::Reset,
                (false, false) => Opened::Created,
                (true, false) => Opened::Existing,
            },
            state: None,
            dirty: false,
            progress: None,
            progress_groups: None,
            backlog: TextBacklog::new(analysed),
        };
        if let Some(payload) = Payload::of(&me.index) {
            me.state = payload.state;
            me.progress = payload.progress;
            me.progress_groups = payload.progress_groups;
        }
        me.reindex_for_dictionary()?;
        Ok(me)
    }

    /// An index is current when it is empty or its payload names this format.
    fn is_current_format(index: &Index) -> bool {
        match Payload::of(index) {
            Some(p) => p.format == FORMAT,
            None => index
                .searchable_segment_metas()
                .map(|s| s.iter().all(|m| m.num_docs() == 0))
                .unwrap_or(false),
        }
    }

    /// What opening found, and did: created, reset, re-indexed for a new dictionary, or
    /// opened as it was.
    pub fn opened(&self) -> Opened {
        self.opened
    }

    fn tv(&self, source: tantivy::TantivyError) -> IndexError {
        IndexError::Tantivy {
            path: self.path.clone(),
            source,
        }
    }

    fn reindex_for_dictionary(&mut self) -> Result<(), IndexError> {
        let old = match Payload::of(&self.index) {
            Some(p) if p.dictionary == self.analyzer.dictionary() => return Ok(()),
            Some(p) => p.dictionary,
            None => return Ok(()),
        };
        let changed = dictionary_changes(&old, self.analyzer.dictionary());
        let reader = self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| self.tv(e))?;
        let searcher = reader.searcher();
        let affected: BTreeSet<String> = {
            let mut affected = BTreeSet::new();
            for (ord, segment) in searcher.segment_readers().iter().enumerate() {
                let store = segment.get_store_reader(1).map_err(|e| self.tv(e.into()))?;
                for doc_id in segment.doc_ids_alive() {
                    let d: TantivyDocument = store.get(doc_id).map_err(|e| self.tv(e))?;
                    let json = d
                        .get_first(self.fields.json)
                        .and_then(|v| v.as_str())
                        .unwrap_or_default();
                    if changed.iter().any(|w| json.contains(w.as_str())) {
                        let owner = d
                            .get_first(self.fields.doc_id)
                            .and_then(|v| v.as_str())
                            .unwrap_or_default();
                        // A progress record has no owner; it is dropped below.
                        if !owner.is_empty() {
                            affected.insert(owner.to_string());
                        }
                    }
                }
                tracing::debug!(segment = ord, "Scanned for dictionary changes.");
            }
            affected
        };
        // Progress records are not kept by document: dropped here, the run that follows
        // puts them back through `begin_progress` and `add_progress` with the new analysis.
        self.writer
            .delete_term(Term::from_field_text(self.fields.record, RECORD_PROGRESS));
        self.progress = None;
        self.progress_groups = None;
        self.dirty = true;
        for doc_id in &affected {
            let (document, obligations) =
                stored_records(&searcher, &self.fields, doc_id).map_err(|e| match e {
                    StoredError::Tantivy(e) => self.tv(e),
                    StoredError::Json(id, source) => IndexError::Record {
                        path: self.path.clone(),
                        id,
                        source,
                    },
                })?;
            if let Some(document) = document {
                self.upsert(&document, &obligations)?;
            }
        }
        self.opened = Opened::Reindexed {
            documents: affected.len(),
        };
        tracing::info!(
            index = %self.path.display(),
            changed_words = changed.len(),
            documents = affected.len(),
            "Dictionary changed; re-indexed the documents it affects."
        );
        self.commit().map(drop)
    }

    /// The state the last commit recorded (see [`IndexedState`]).
    pub fn indexed_state(&self) -> Option<&IndexedState> {
        self.state.as_ref()
    }

    /// The state the next commit records: the caller has added everything of it up to its
    /// generation.
    pub fn set_indexed_state(&mut self, state: IndexedState) {
        self.state = Some(state);
    }

    /// Removes every document, for a rebuild from another source.
    pub fn delete_all(&mut self) -> Result<(), IndexError> {
        self.writer.delete_all_documents().map_err(|e| self.tv(e))?;
        self.progress = None;
        self.progress_groups = None;
        self.dirty = true;
        Ok(())
    }

    /// Replaces the document `doc` and all its obligations with `obligations`.
    pub fn upsert(&mut self, doc: &Document, obligations: &[Obligation]) -> Result<(), IndexError> {
        let summary = serde_json::to_string(&DocumentSummary::of(doc)).unwrap_or_default();
        // One batch: the delete before the adds, and the adds given to one indexing thread,
        // whose analyzer then cuts the obligations' clauses once with the document's.
        let operations: Vec<UserOperation> = [
            UserOperation::Delete(Term::from_field_text(self.fields.doc_id, &doc.id)),
            UserOperation::Add(self.fields.document(doc, &summary)),
        ]
        .into_iter()
        .chain(
            obligations
                .iter()
                .map(|o| UserOperation::Add(self.fields.obligation(doc, o, &summary))),
        )
        .collect();
        self.backlog.queue(
            operations
                .iter()
                .map(|op| match op {
                    UserOperation::Add(d) => self.fields.analysed_len(d),
                    UserOperation::Delete(_) => 0,
                })
                .sum(),
        );
        self.writer.run(operations).map_err(|e| self.tv(e))?;
        self.dirty = true;
        Ok(())
    }

    /// Whether the progress records the index holds (or will after the next commit) are those
    /// of `digest` ([`ProgressDigest`]). Progress is recomputed whole each run, and an
    /// unchanged run must leave the index files as they are.
    pub fn holds_progress(&self, digest: &str) -> bool {
        self.progress.as_deref() == Some(digest)
    }

    /// Starts replacing every progress record: deletes those the index holds; the records
    /// given to [`ObligationIndex::add_progress`] next take their place, and the next commit
    /// records `digest` as theirs.
    pub fn begin_progress(&mut self, digest: String) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.record, RECORD_PROGRESS));
        self.progress = Some(digest);
        self.progress_groups = None;
        self.dirty = true;
    }

    /// Starts replacing the progress records by link group (see
    /// [`ProgressRecord::link_group`]): `groups` are those of the records to hold, `digest`
    /// theirs. The records of groups the index holds and `groups` lacks are deleted; the
    /// groups returned are those whose records the caller adds next
    /// ([`ObligationIndex::add_progress`]): the groups the index lacks, or all of them when
    /// it does not know its own (every progress record is deleted then). A group's records
    /// are the same whenever the group is: its name says what it was linked from.
    pub fn begin_progress_groups(
        &mut self,
        digest: String,
        groups: BTreeSet<String>,
    ) -> BTreeSet<String> {
        let missing = match self.progress_groups.take() {
            Some(held) => {
                for gone in held.difference(&groups) {
                    self.writer
                        .delete_term(Term::from_field_text(self.fields.link_group, gone));
                }
                self.progress = Some(digest);
                self.dirty = true;
                groups.difference(&held).cloned().collect()
            }
            None => {
                self.begin_progress(digest);
                groups.clone()
            }
        };
        self.progress_groups = Some(groups);
        missing
    }

    /// Adds progress records (after [`ObligationIndex::begin_progress`]): a run hands them
    /// over a batch at a time, so that they are never all in memory.
    pub fn add_progress(&mut self, records: &[ProgressRecord]) -> Result<(), IndexError> {
        // One record a message: tantivy's queue holds 10,000 messages, whatever each holds,
        // and the records come from a file far faster than they are indexed, so a batch a
        // message let a gigabyte's 1.2 million wait in memory at once.
        for r in records {
            let d = self.fields.progress(r);
            self.backlog.queue(self.fields.analysed_len(&d));
            self.writer.add_document(d).map_err(|e| self.tv(e))?;
        }
        self.dirty = true;
        Ok(())
    }

    /// Removes a document and every obligation of it.
    pub fn delete(&mut self, doc_id: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.doc_id, doc_id));
        self.dirty = true;
    }

    /// Makes the changes visible to searches, recording the format, the dictionary and the
    /// state. With no change of documents nor of what it records, nothing is written (an
    /// unchanged run leaves every index file as it was) and `false` is returned.
    pub fn commit(&mut self) -> Result<bool, IndexError> {
        let payload = Payload {
            format: FORMAT,
            dictionary: self.analyzer.dictionary().to_string(),
            state: self.state.clone(),
            progress: self.progress.clone(),
            progress_groups: self.progress_groups.clone(),
        };
        if !self.dirty && Payload::of(&self.index).as_ref() == Some(&payload) {
            return Ok(false);
        }
        let payload = serde_json::to_string(&payload).unwrap_or_default();
        let path = &self.path;
        let tv = |source| IndexError::Tantivy {
            path: path.clone(),
            source,
        };
        let mut prepared = self.writer.prepare_commit().map_err(tv)?;
        prepared.set_payload(&payload);
        prepared.commit().map_err(tv)?;
        self.dirty = false;
        Ok(true)
    }

    /// The tantivy index.
    pub fn index(&self) -> &Index {
        &self.index
    }
}

pub(crate) enum StoredError {
    Tantivy(tantivy::TantivyError),
    Json(String, serde_json::Error),
}

/// The stored document record and obligation records of one document id, obligations in
/// the order of their span.
pub(crate) fn stored_records(
    searcher: &tantivy::Searcher,
    fields: &Fields,
    doc_id: &str,
) -> Result<(Option<Document>, Vec<Obligation>), StoredError> {
    let query = TermQuery::new(
        Term::from_field_text(fields.doc_id, doc_id),
        IndexRecordOption::Basic,
    );
    let mut addresses: Vec<_> = searcher
        .search(&query, &DocSetCollector)
        .map_err(StoredError::Tantivy)?
        .into_iter()
        .collect();
    addresses.sort();
    let mut document = None;
    let mut obligations = Vec::new();
    for a in addresses {
        let d: TantivyDocument = searcher.doc(a).map_err(StoredError::Tantivy)?;
        let json = d
            .get_first(fields.json)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let id = d
            .get_first(fields.id)
            .and_then(|v| v.as_str())
            .unwrap_or_default();
        let is_document =
            d.get_first(fields.record).and_then(|v| v.as_str()) == Some(RECORD_DOCUMENT);
        if is_document {
            document = Some(
                serde_json::from_str::<Document>(json)
                    .map_err(|e| StoredError::Json(id.to_string(), e))?,
            );
        } else {
            obligations.push(
                serde_json::from_str::<Obligation>(json)
                    .map_err(|e| StoredError::Json(id.to_string(), e))?,
            );
        }
    }
    obligations.sort_by(|a, b| a.span.cmp(&b.span).then_with(|| a.id.cmp(&b.id)));
    Ok((document, obligations))
}
