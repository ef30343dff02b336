//! Chinese text primitives that the cleaner and the extractor both need, written once.
//!
//! - [`fold`]: width folding for matching (`（一）` and `(一)`, `１．` and `1.` are one pattern),
//!   one character for one character so that matches map back to the original text.
//! - [`numeral`]: the values of Chinese and Arabic numerals as printed (`十五` → 15,
//!   `二〇二二` → 2022, `1,200` → 1200).
//!
//! This crate holds no vocabulary (that is `duban-lexicon`'s) and no rule about where a
//! number or a label stands (that is the caller's).

pub mod fold;
pub mod numeral;
