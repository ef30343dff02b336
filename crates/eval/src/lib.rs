//! Grades an export (`documents.jsonl` + `obligations.jsonl`) against gold annotations with
//! the rules of the project's scorer `score.py` (§4 of the extraction spec), so `duban eval`
//! gives the scorer's figures and its miss lines without leaving the project.
//!
//! ```no_run
//! let report = duban_eval::evaluate("data/export".as_ref(), "../shared/gold/seeds".as_ref())?;
//! print!("{}", report.render(true)); // score.py --verbose
//! println!("{}", report.to_json()); // score.py --json
//! # Ok::<(), duban_eval::EvalError>(())
//! ```
//!
//! The rules, all as in the scorer:
//! - A predicted document is paired with a gold file when the last component of its
//!   `source.path` (or else `source.url`) equals the gold `source`, or does so without an
//!   extension.
//! - Obligations are matched one to one in gold order: a gold item with a heading takes the
//!   first free prediction whose `heading`, or the first 40 characters of whose `text`, contains
//!   the gold heading after `norm` (NFKC, whitespace and punctuation removed).
//! - F1 per field on multisets of keys: deadlines `(year, month, day)`, recurrences
//!   `(every, n, times)`, metrics `(value rounded to 3 decimals, NFKC unit, op)`, bodies
//!   `norm(name)`; unmatched items count all their keys as misses or false alarms.
//! - Kind accuracy on matched pairs; indicator accuracy on metrics matched by key, with
//!   character-bigram Dice ≥ 0.5; document field accuracy with the scorer's value rules.
//!
//! Python's semantics are kept where they change a figure or a printed line: `==` across
//! numeric types, Python's whitespace and line-end classes, `round`, `repr`.
//!
//! This crate does not produce exports or gold; it only reads them.

mod error;
mod grade;
mod nonprintable;
mod read;
mod report;
mod text;
mod value;

pub use error::{EvalError, Location};
pub use grade::evaluate;
pub use report::{DocumentFieldScores, DocumentResult, EvalReport, Score};
