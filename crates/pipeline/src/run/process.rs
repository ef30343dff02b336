//! One document cleaned and extracted (on rayon's threads, a panic being that document's
//! failure), then stored and indexed in input order, its failures and the cleaner's warnings
//! going to the run report.

use super::{RunError, Runner};
use crate::report::{DocFailure, DocWarning, RunReport, Stage};
use duban_model::{CleanDoc, Limits, Obligation, RawDoc};
use duban_state::records::{StoredRecord, Upsert};
use rayon::prelude::*;
use std::time::Instant;

/// One document after clean and extract, ready to store.
pub(super) struct Processed {
    record: StoredRecord,
    /// What the record was made from ([`input_key`]).
    input_key: String,
    clean: CleanDoc,
    obligations: Vec<Obligation>,
}

impl Runner {
    /// Cleans and extracts raw documents in parallel, then stores and indexes them in order.
    pub fn process_raw(
        &mut self,
        raws: Vec<RawDoc>,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        let started = Instant::now();
        let processed = extract_all(&raws, &self.limits);
        report.time_stage("extract", raws.len(), started.elapsed());
        drop(raws);
        let started = Instant::now();
        let documents = processed.len();
        self.store_processed(processed, report)?;
        report.time_stage("store", documents, started.elapsed());
        Ok(())
    }

    /// Stores and indexes cleaned and extracted documents in order; failures go to the report.
    pub(super) fn store_processed(
        &mut self,
        processed: Vec<Result<Processed, DocFailure>>,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        for p in processed {
            report.documents += 1;
            self.progress.stored(1);
            let p = match p {
                Ok(p) => p,
                Err(f) => {
                    // Named once on stderr by the command from the report; a log line here
                    // would say it twice.
                    tracing::debug!(input = %f.input, reason = %f.reason, "Document failed.");
                    report.failures.push(f);
                    continue;
                }
            };
            report.obligations += p.obligations.len();
            report
                .warnings
                .extend(p.clean.warnings.iter().map(|w| DocWarning {
                    input: p.record.doc_id.clone(),
                    warning: w.clone(),
                }));
            let outcome = self
                .state
                .put_keyed_record(&p.record, self.run_id, &p.input_key)?;
            crate::abort::point("store");
            match outcome {
                Upsert::New => report.new += 1,
                Upsert::Changed => report.changed += 1,
                // The index holds it as it is: opening caught the index up with the state.
                Upsert::Unchanged => {
                    report.unchanged += 1;
                    continue;
                }
            }
            if let Some(index) = &mut self.index {
                index.upsert(&p.clean.document, &p.obligations)?;
            }
        }
        Ok(())
    }
}

/// The build of Duban running, told by the executable's size and modification time (empty
/// when they cannot be read): what was derived by another build is derived again.
pub(crate) fn build_identity() -> &'static str {
    static BUILD: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BUILD.get_or_init(|| {
        std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}-{modified}", m.len())
            })
            .unwrap_or_default()
    })
}

/// What a stored record is made from: the raw document (id, source, hash, media type, hints)
/// and the build of Duban that extracted it, hashed. A file ingested again with the same key
/// would give the same record. The build is told by the executable's size and modification
/// time: any rebuild re-extracts everything once, which is the safe side.
pub(super) fn input_key(raw: &RawDoc) -> String {
    use std::hash::{Hash, Hasher};
    let build = build_identity();
    // Not a security boundary: two 64-bit hashes of different seeds keep accidental
    // collisions out of reach.
    let text = format!(
        "{build}\n{}\n{:?}\n{:?}\n{:?}",
        raw.id, raw.source, raw.media_type, raw.hints
    );
    let hash = |seed: u64| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut h);
        text.hash(&mut h);
        h.finish()
    };
    format!("{:016x}{:016x}", hash(1), hash(2))
}

/// Cleans and extracts documents over rayon's threads, keeping their order.
pub(super) fn extract_all(raws: &[RawDoc], limits: &Limits) -> Vec<Result<Processed, DocFailure>> {
    raws.par_iter()
        .map(|raw| contain_panic(&raw.input_name(), || process_one(raw, limits)))
        .collect()
}

/// Runs one document's processing, a panic in it (a bug) being that document's failure rather
/// than the end of the run: the other documents of the batch are still stored.
pub(super) fn contain_panic<T>(
    input: &str,
    process: impl FnOnce() -> Result<T, DocFailure> + std::panic::UnwindSafe,
) -> Result<T, DocFailure> {
    std::panic::catch_unwind(process).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| panic.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        Err(DocFailure {
            input: input.to_string(),
            stage: Stage::Extract,
            reason: format!("internal error (a bug, please report it): {message}"),
        })
    })
}

fn process_one(raw: &RawDoc, limits: &Limits) -> Result<Processed, DocFailure> {
    let input = raw.input_name();
    let clean = duban_clean::clean(raw, limits).map_err(|e| DocFailure {
        input: input.clone(),
        stage: Stage::Clean,
        reason: e.reason(),
    })?;
    let obligations = duban_extract::extract(&clean);
    crate::abort::point("extract");
    let document = serde_json::to_string(&clean.document).map_err(|e| DocFailure {
        input: input.clone(),
        stage: Stage::Export,
        reason: e.to_string(),
    })?;
    let mut obligation_lines = String::with_capacity(obligations.len() * 640);
    for o in &obligations {
        let line = serde_json::to_string(o).map_err(|e| DocFailure {
            input: input.clone(),
            stage: Stage::Export,
            reason: e.to_string(),
        })?;
        obligation_lines.push_str(&line);
        obligation_lines.push('\n');
    }
    Ok(Processed {
        input_key: input_key(raw),
        record: StoredRecord {
            doc_id: clean.document.id.clone(),
            sha256: clean.document.source.sha256.clone(),
            document,
            obligations: obligation_lines,
            withdrawn: false,
        },
        clean,
        obligations,
    })
}
