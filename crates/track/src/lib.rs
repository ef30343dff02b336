//! Targets tracked across documents (`duban track`): each quantified target a plan or report
//! sets, linked to the result a later document of the same region reports for the same
//! indicator, with whether it was met.
//!
//! The stage reads the documents stored in the state (their records, as exported), never the
//! extractor's obligations: a report's targets stand as often in lead-in paragraphs and `——`
//! bullets as in numbered items. [`figure`] reads every figure of a text with its role (target
//! or result) and the year it is for, [`indicator`] reduces indicators to keys matched across
//! documents, and [`link`](mod@link) pairs each target with its result and says met, missed or
//! no result. The words it reads are data (`corpora/lexicon/track_words.tsv`).
//!
//! ```
//! use duban_model::{DocKind, Document, Region};
//! let region = Region { code: "320500".into(), province: Some("江苏省".into()), city: Some("苏州市".into()), county: None };
//! let mut plan = Document::from_text("file:plan.txt", DocKind::Plan, Some(2011),
//!     "一、主要任务\n1.到2015年，行政机关负责人出庭应诉率达到90%以上。\n");
//! plan.region = Some(region.clone());
//! let mut report = Document::from_text("file:report.txt", DocKind::Report, Some(2016),
//!     "一、2016年工作回顾\n全市行政机关负责人出庭应诉率达到93.5%。\n");
//! report.region = Some(region);
//! let progress = duban_track::track(&[plan, report]);
//! assert_eq!(progress.len(), 1);
//! assert_eq!(progress[0].status, duban_track::Status::Met);
//! assert!(progress[0].later);
//! ```
//!
//! It writes nothing: `duban track` shows the progress; the pipeline feeds a [`Tracker`] the
//! stored documents one at a time and exports (`progress.jsonl`) and indexes what it gives.
//! This crate knows neither the export nor the index.

pub mod figure;
pub mod indicator;
pub mod link;

pub use figure::{Figure, Role, figures_of};
pub use indicator::Key;
pub use link::{Bound, Progress, Status};

use duban_model::Document;
use duban_state::State;
use std::collections::{BTreeMap, HashMap};

/// An error reading the documents of a state.
#[derive(Debug, thiserror::Error)]
pub enum TrackError {
    /// The state could not be read.
    #[error(transparent)]
    State(#[from] duban_state::StateError),
    /// A stored document record is not a document.
    #[error("the stored record of {doc_id} is not a document: {source}")]
    Record {
        /// The document id.
        doc_id: String,
        /// What is wrong with it.
        source: serde_json::Error,
    },
}

/// The documents of a state that their source still has, ordered by id.
pub fn documents(state: &State) -> Result<Vec<Document>, TrackError> {
    let mut out = Vec::new();
    for_each_document(state, |doc| out.push(doc))?;
    Ok(out)
}

/// Hands `f` each document of a state that its source still has, in id order, one at a time
/// (a large state need not fit in memory at once).
pub fn for_each_document(state: &State, mut f: impl FnMut(Document)) -> Result<(), TrackError> {
    state.for_each_record(|r| {
        if !r.withdrawn {
            f(parse(r.doc_id, r.document)?);
        }
        Ok::<(), TrackError>(())
    })
}

/// Documents whose figures are read at once, on every core.
const FIGURES_BATCH: usize = 256;

/// The progress of every target of the documents stored in `state` (those their source still
/// has), handed to `f` one region at a time: regions in code order, documents without a
/// region first (a batch of them at a time), each region's progress in [`track`]'s order, so
/// that together they are what [`track`] gives for all the documents. A result answers only targets of its own region, so
/// a region is linked on its own: memory holds one region's figures, never the corpus's.
///
/// `f` also gets `summarize`'s summary of each of the region's documents, by id (the
/// documents themselves are dropped once their figures are read).
///
/// Each record is read twice, on purpose: once for its region code alone, then with its
/// region's. Reading once would mean holding every document's figures until the last record,
/// which is what made memory grow with the corpus.
pub fn for_each_region<S: Send, E: From<TrackError>>(
    state: &State,
    summarize: impl Fn(&Document) -> S + Sync,
    mut f: impl FnMut(HashMap<String, S>, Vec<Progress>) -> Result<(), E>,
) -> Result<(), E> {
    for_each_unit(
        state,
        summarize,
        |_| Ok(false),
        |_, summaries, progress| f(summaries, progress),
    )
}

/// What a unit of [`for_each_unit`] is made from: its region, and the id and stored record of
/// each of its documents, hashed. The same key gives the same progress (from the same build of
/// this crate: a caller that keeps progress by key keeps the build beside it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitKey(pub u128);

impl UnitKey {
    fn of(region: Option<&str>, documents: &[(String, u128)]) -> Self {
        use std::fmt::Write;
        let mut text = String::from(region.unwrap_or("-"));
        for (id, hash) in documents {
            // Writing to a String cannot fail.
            let _ = write!(text, "\n{id} {hash:032x}");
        }
        UnitKey(hash128(text.as_bytes()))
    }
}

/// Two 64-bit SipHashes of different seeds (fixed keys: the same bytes hash the same in every
/// run of a build). Not a security boundary; accidental collisions are out of reach.
fn hash128(bytes: &[u8]) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |seed: u64| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        seed.hash(&mut h);
        bytes.hash(&mut h);
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
}

/// [`for_each_region`] by unit (a region, or a batch of documents without one), with each
/// unit's [`UnitKey`], skipping the units `reuse` says the caller keeps from an earlier time:
/// a run in which a few documents changed links again only their regions. `reuse` is asked
/// for every unit, in order, before `f` would get it.
pub fn for_each_unit<S: Send, E: From<TrackError>>(
    state: &State,
    summarize: impl Fn(&Document) -> S + Sync,
    mut reuse: impl FnMut(UnitKey) -> Result<bool, E>,
    mut f: impl FnMut(UnitKey, HashMap<String, S>, Vec<Progress>) -> Result<(), E>,
) -> Result<(), E> {
    for (region, docs) in regions(state)? {
        // A document without a region links to no other (a result answers only a target of
        // its own region), so those documents are linked a batch at a time and handed on
        // batch by batch: there may be thousands of them (6% of a generated gigabyte, whose
        // figures held together took a gigabyte).
        let units: Vec<&[(String, u128)]> = if region.is_none() {
            docs.chunks(FIGURES_BATCH).collect()
        } else {
            vec![&docs[..]]
        };
        for unit in units {
            let key = UnitKey::of(region.as_deref(), unit);
            if reuse(key)? {
                continue;
            }
            let mut tracker = Tracker::default();
            let mut summaries = HashMap::with_capacity(unit.len());
            for chunk in unit.chunks(FIGURES_BATCH) {
                let ids = chunk.iter().map(|(id, _)| id.as_str());
                let (summarized, read) = read_batch(state, ids, &summarize)?;
                tracker.read.extend(read.read);
                summaries.extend(summarized);
            }
            f(key, summaries, tracker.progress())?;
        }
    }
    Ok(())
}

/// The figures and summaries of the stored documents `ids` (those the state still has).
fn read_batch<'a, S: Send>(
    state: &State,
    ids: impl ExactSizeIterator<Item = &'a str>,
    summarize: &(impl Fn(&Document) -> S + Sync),
) -> Result<(HashMap<String, S>, Tracker), TrackError> {
    let mut docs = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(json) = state.record_document(id)? else {
            continue;
        };
        docs.push(parse(id, &json)?);
    }
    let mut tracker = Tracker::default();
    tracker.add_all(&docs);
    let summarized: Vec<S> = {
        use rayon::prelude::*;
        docs.par_iter().map(summarize).collect()
    };
    let summaries = docs.into_iter().map(|d| d.id).zip(summarized).collect();
    Ok((summaries, tracker))
}

/// The ids of the stored documents their source still has, each with a hash of its stored
/// record, by region code (`None`: no region), in code order and, within a region, in id order.
#[allow(clippy::type_complexity, reason = "a map read once, by its one caller")]
fn regions(state: &State) -> Result<BTreeMap<Option<String>, Vec<(String, u128)>>, TrackError> {
    /// A document record's region code, read without the rest of the record.
    #[derive(serde::Deserialize)]
    struct RegionOf {
        #[serde(default)]
        region: Option<CodeOf>,
    }
    #[derive(serde::Deserialize)]
    struct CodeOf {
        code: String,
    }
    let mut out: BTreeMap<Option<String>, Vec<(String, u128)>> = BTreeMap::new();
    state.for_each_document_record(|r| {
        if !r.withdrawn {
            let of: RegionOf =
                serde_json::from_str(r.document).map_err(|source| TrackError::Record {
                    doc_id: r.doc_id.to_string(),
                    source,
                })?;
            out.entry(of.region.map(|c| c.code))
                .or_default()
                .push((r.doc_id.to_string(), hash128(r.document.as_bytes())));
        }
        Ok::<(), TrackError>(())
    })?;
    Ok(out)
}

/// A stored document record.
fn parse(doc_id: &str, json: &str) -> Result<Document, TrackError> {
    serde_json::from_str(json).map_err(|source| TrackError::Record {
        doc_id: doc_id.to_string(),
        source,
    })
}

/// The year a document was delivered in: its signature's, its page's, or its own year.
fn delivered(doc: &Document) -> Option<i32> {
    doc.signed.or(doc.published).map(|d| d.year).or(doc.year)
}

/// The progress of every target of `docs`, ordered by region, the year the target is for, its
/// document and its place in the text.
pub fn track(docs: &[Document]) -> Vec<Progress> {
    let mut tracker = Tracker::default();
    tracker.add_all(docs);
    tracker.progress()
}

/// Targets tracked over documents handed in one at a time, in any order: only their figures
/// are kept, so the documents of a large state need not be in memory together.
#[derive(Debug, Default)]
pub struct Tracker {
    /// Each document's figures, with the order linking takes it in.
    read: Vec<(DeliveryOrder, Vec<Figure>)>,
}

/// Where a document stands in the order linking takes: the year it was delivered in, its own
/// year, its id.
type DeliveryOrder = (Option<i32>, Option<i32>, String);

impl Tracker {
    /// Reads the figures of several documents, on every core: reading a document's figures
    /// costs far more than linking them.
    pub fn add_all(&mut self, docs: &[Document]) {
        use rayon::prelude::*;
        let read: Vec<(DeliveryOrder, Vec<Figure>)> = docs
            .par_iter()
            .map(|doc| ((delivered(doc), doc.year, doc.id.clone()), figures_of(doc)))
            .collect();
        self.read.extend(read);
    }

    /// The progress of every target read, as [`track`] gives it.
    pub fn progress(mut self) -> Vec<Progress> {
        // Linking takes documents in the order they were delivered.
        self.read.sort_by(|a, b| a.0.cmp(&b.0));
        let figures: Vec<Vec<Figure>> = self.read.into_iter().map(|(_, f)| f).collect();
        sorted(link::link(&figures))
    }
}

/// `progress` ordered by region (documents without one first), then the year the target is
/// for, its document and its place; without a region, by document before year, since those
/// documents are handed on a batch at a time (see [`for_each_region`]).
fn sorted(mut progress: Vec<Progress>) -> Vec<Progress> {
    progress.sort_by(|a, b| {
        let region = |p: &Progress| p.target.region.as_ref().map(|r| r.code.clone());
        let (year, doc) = (
            a.target.year.cmp(&b.target.year),
            a.target.doc_id.cmp(&b.target.doc_id),
        );
        let (region_a, region_b) = (region(a), region(b));
        let within = if region_a.is_none() {
            doc.then(year)
        } else {
            year.then(doc)
        };
        region_a
            .cmp(&region_b)
            .then(within)
            .then(a.target.span[0].cmp(&b.target.span[0]))
    });
    progress
}

#[cfg(test)]
mod tests {
    use super::*;
    use duban_model::{DocKind, Region};

    fn wuxi(id: &str, kind: DocKind, year: i32, text: &str) -> Document {
        let mut doc = Document::from_text(id, kind, Some(year), text);
        doc.region = Some(Region {
            code: "320200".into(),
            province: Some("江苏省".into()),
            city: Some("无锡市".into()),
            county: None,
        });
        doc
    }

    /// Documents without a region are handed on a batch at a time, and all of it together is
    /// what `track` gives: region-less targets by document, then year; a region's by year.
    #[test]
    fn region_less_documents_come_a_batch_at_a_time_in_track_order() {
        let mut docs: Vec<Document> = (0..=FIGURES_BATCH)
            .map(|n| {
                let year = 2030 - (n % 7) as i32;
                Document::from_text(
                    format!("file:unplaced-{n:04}.txt"),
                    DocKind::Plan,
                    Some(2016),
                    format!(
                        "一、主要目标\n1.到{year}年，政务服务事项网上可办率达到9{}%以上。\n",
                        n % 10
                    ),
                )
            })
            .collect();
        docs.push(wuxi(
            "file:plan.txt",
            DocKind::Plan,
            2016,
            "一、主要目标\n1.到2018年，行政复议案件办结率达到95%以上。\n",
        ));
        docs.push(wuxi(
            "file:report.txt",
            DocKind::Report,
            2019,
            "一、2018年工作回顾\n全市行政复议案件办结率达到98.2%。\n",
        ));
        let (_dir, state) = duban_testkit::state::stored(&docs);
        let mut calls = Vec::new();
        let mut all = Vec::new();
        for_each_region(
            &state,
            |d| d.id.clone(),
            |summaries, progress| {
                calls.push(summaries.len());
                all.extend(progress);
                Ok::<(), TrackError>(())
            },
        )
        .unwrap();
        // Two batches of region-less documents, then the one region's two documents.
        assert_eq!(calls, [FIGURES_BATCH, 1, 2]);
        let expected = track(&docs);
        assert_eq!(expected.len(), FIGURES_BATCH + 2);
        assert_eq!(all, expected);
    }

    #[test]
    fn a_tracker_fed_in_any_order_links_as_track_does() {
        let docs = [
            wuxi(
                "file:report.txt",
                DocKind::Report,
                2019,
                "一、2018年工作回顾\n全市行政复议案件办结率达到98.2%。\n",
            ),
            wuxi(
                "file:plan.txt",
                DocKind::Plan,
                2016,
                "一、主要目标\n1.到2018年，行政复议案件办结率达到95%以上。\n",
            ),
        ];
        let mut tracker = Tracker::default();
        for doc in docs.iter().rev() {
            tracker.add_all(std::slice::from_ref(doc));
        }
        let progress = tracker.progress();
        assert_eq!(progress, track(&docs));
        assert_eq!(progress.len(), 1);
        assert_eq!(progress[0].status, Status::Met);
        assert_eq!(
            progress[0].result.as_ref().unwrap().doc_id,
            "file:report.txt"
        );
    }
}
