//! The records that pass between Duban's stages.
//!
//! Every stage of Duban (fetch → clean → segment → extract → index/export) reads and writes
//! the types of this crate and nothing of its neighbours. The export records [`Document`] and
//! [`Obligation`] serialise with exactly the field names of the extraction spec (§1 and §2),
//! so `serde_json::to_string(&document)` *is* a line of `documents.jsonl`.
//!
//! This crate holds no I/O and no extraction logic: only the types, their closed sets as
//! enums, and the rules for stable ids ([`DocId`], [`obligation_id`]).
//!
//! ```
//! use duban_model::{Deadline, Bound};
//! let d = Deadline { text: "到2015年底".into(), year: 2015, month: Some(12), day: None, bound: Bound::By };
//! assert_eq!(
//!     serde_json::to_string(&d).unwrap(),
//!     r#"{"text":"到2015年底","year":2015,"month":12,"day":null,"bound":"by"}"#
//! );
//! ```

mod crawl;
mod document;
mod ids;
mod limits;
mod obligation;
mod raw;

pub use crawl::{FrontierEntry, PageKind, UrlOutcome, UrlRecord};
pub use document::{Date, DocKind, Document, Period, Region, Source};
pub use ids::{DocId, obligation_id, sha256_hex};
pub use limits::{Limits, at_least_one};
pub use obligation::{
    Body, Bound, Deadline, Every, Metric, Obligation, ObligationKind, Op, Recurrence, Role,
};
pub use raw::{Block, CleanDoc, MediaType, RawDoc, SourceHints, TableRow};
