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
//! It writes nothing: the command shows the progress, and exporting or indexing it is the
//! caller's.

pub mod figure;
pub mod indicator;
pub mod link;

pub use figure::{Figure, Role, figures_of};
pub use indicator::Key;
pub use link::{Bound, Progress, Status};

use duban_model::Document;
use duban_state::State;

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
    state.for_each_record(|r| {
        if !r.withdrawn {
            let doc: Document =
                serde_json::from_str(r.document).map_err(|source| TrackError::Record {
                    doc_id: r.doc_id.to_string(),
                    source,
                })?;
            out.push(doc);
        }
        Ok::<(), TrackError>(())
    })?;
    Ok(out)
}

/// The year a document was delivered in: its signature's, its page's, or its own year.
fn delivered(doc: &Document) -> Option<i32> {
    doc.signed.or(doc.published).map(|d| d.year).or(doc.year)
}

/// The progress of every target of `docs`, ordered by region, the year the target is for, its
/// document and its place in the text.
pub fn track(docs: &[Document]) -> Vec<Progress> {
    let mut order: Vec<&Document> = docs.iter().collect();
    order.sort_by(|a, b| (delivered(a), a.year, &a.id).cmp(&(delivered(b), b.year, &b.id)));
    let figures: Vec<Vec<Figure>> = order.iter().map(|d| figures_of(d)).collect();
    let mut progress = link::link(&figures);
    progress.sort_by(|a, b| {
        let region = |p: &Progress| p.target.region.as_ref().map(|r| r.code.clone());
        region(a)
            .cmp(&region(b))
            .then(a.target.year.cmp(&b.target.year))
            .then(a.target.doc_id.cmp(&b.target.doc_id))
            .then(a.target.span[0].cmp(&b.target.span[0]))
    });
    progress
}
