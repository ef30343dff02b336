//! Crawled documents re-extracted from the raw archive, without the network (`duban
//! reprocess`, and after a new build the documents a crawl did not fetch again): the fetch
//! crate rebuilds each from its URL's row ([`duban_fetch::replay`]).

use super::process::input_key;
use super::{CRAWL_BATCH, RunError, Runner};
use crate::report::{DocFailure, RunReport, Stage};
use duban_fetch::{Archive, HttpSource};
use std::time::Instant;

impl Runner {
    /// Re-extracts every crawled document from the raw archive, without the network. With
    /// `sources`, only their documents, with their metadata defaults as hints.
    pub fn reprocess(
        &mut self,
        sources: &[HttpSource],
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        self.reprocess_where(sources, report, false)
    }

    /// Re-extracts, from the raw archive, the documents of `source` whose stored record was
    /// made from another input or by another build than this one's: after a new build, what
    /// the crawl did not fetch again (304, same body) is extracted anew all the same, without
    /// the network. Counted as `reextracted` in the report.
    pub fn reextract_stale(
        &mut self,
        source: &HttpSource,
        report: &mut RunReport,
    ) -> Result<(), RunError> {
        let before = report.documents;
        self.reprocess_where(std::slice::from_ref(source), report, true)?;
        report.reextracted += report.documents - before;
        if report.documents > before {
            tracing::info!(
                source = %source.id,
                documents = report.documents - before,
                "Re-extracted from the archive: stored by another build."
            );
        }
        Ok(())
    }

    fn reprocess_where(
        &mut self,
        sources: &[HttpSource],
        report: &mut RunReport,
        only_stale: bool,
    ) -> Result<(), RunError> {
        let archive = Archive::new(self.data.archive_dir());
        let default_source = HttpSource::quick("reprocess", Vec::new(), Vec::new());
        let mut raws = Vec::new();
        for row in self.state.crawl_urls(None)? {
            let source = if sources.is_empty() {
                &default_source
            } else {
                match sources.iter().find(|s| s.id == row.source) {
                    Some(s) => s,
                    None => continue,
                }
            };
            let Some(replay) = duban_fetch::replay(source, &row) else {
                continue;
            };
            if only_stale
                && self
                    .state
                    .input_key(&replay.document().id)?
                    .is_some_and(|(key, _)| key == input_key(replay.document()))
            {
                continue;
            }
            let started = Instant::now();
            let read = replay.read(&archive);
            report.time_stage("archive", 1, started.elapsed());
            let raw = match read {
                Ok(raw) => raw,
                Err(e) => {
                    report.failures.push(DocFailure {
                        input: row.url.clone(),
                        stage: Stage::Archive,
                        reason: e.to_string(),
                    });
                    continue;
                }
            };
            raws.push(raw);
            if raws.len() >= CRAWL_BATCH * 4 {
                self.process_raw(std::mem::take(&mut raws), report)?;
            }
        }
        self.process_raw(raws, report)
    }
}
