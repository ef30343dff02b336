//! Lists of words looked for in a clause: one automaton per list, one pass per clause.
//!
//! [`WordList`] lives in `duban-lexicon`, next to the word lists it is built from; it is
//! re-exported here for the rules that build one from their own constants.

pub use duban_lexicon::WordList;
