//! "Did you mean": a query that finds nothing, with its misspelt words replaced by the
//! index's own words one edit away.
//!
//! A run of Chinese characters that the index never saw as a word (`出廷应诉率`) is looked up
//! in the term dictionary of the `text` field with a Levenshtein automaton (one edit: a
//! character replaced, added, dropped, or two swapped) and replaced by the nearest word found
//! in the most records (`出庭应诉率`). Only the text field's words are offered, so a suggestion
//! is always something the index holds; the caller runs it and offers it only if it finds
//! something.
//!
//! This module does not rank by meaning or keyboard distance, and leaves Latin words, numbers
//! and field values alone.

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder};
use std::sync::LazyLock;
use tantivy::schema::Field;
use tantivy::{Searcher, Term};
use tantivy_fst::Automaton;

use crate::analyzer::is_han;

/// Runs shorter than this are not corrected (one edit of a two-character word is another
/// word more often than a typo).
const MIN_CHARS: usize = 3;
/// Runs longer than this are not looked up (a sentence pasted in, not a typed word).
const MAX_CHARS: usize = 12;

static ONE_EDIT: LazyLock<LevenshteinAutomatonBuilder> =
    LazyLock::new(|| LevenshteinAutomatonBuilder::new(1, true));

/// The query with each unknown run of Chinese characters replaced by the indexed word one edit
/// away that most records hold, or `None` when nothing was replaced.
pub(crate) fn suggestion(searcher: &Searcher, field: Field, query: &str) -> Option<String> {
    let mut out = String::with_capacity(query.len());
    let mut changed = false;
    let mut rest = query;
    while let Some(start) = rest.find(is_han) {
        let run_len = rest[start..]
            .char_indices()
            .find(|(_, c)| !is_han(*c))
            .map_or(rest.len() - start, |(i, _)| i);
        let run = &rest[start..start + run_len];
        // A field's value (`body:区政府法治办`) is not the text field's word.
        let after_field = rest[..start].ends_with(':');
        out.push_str(&rest[..start]);
        match (!after_field)
            .then(|| nearest(searcher, field, run))
            .flatten()
        {
            Some(word) => {
                out.push_str(&word);
                changed = true;
            }
            None => out.push_str(run),
        }
        rest = &rest[start + run_len..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// The indexed word one edit from `run` held by the most records, unless `run` is itself an
/// indexed word.
fn nearest(searcher: &Searcher, field: Field, run: &str) -> Option<String> {
    let n = run.chars().count();
    if !(MIN_CHARS..=MAX_CHARS).contains(&n) || doc_freq(searcher, field, run) > 0 {
        return None;
    }
    let dfa = ONE_EDIT.build_dfa(run);
    let mut best: Option<(u64, String)> = None;
    for segment in searcher.segment_readers() {
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut stream) = inverted.terms().search(OneEdit(&dfa)).into_stream() else {
            continue;
        };
        while stream.advance() {
            let Ok(word) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            // A word of a length near the run's, all Chinese: not a single character of it.
            if word.chars().count() + 1 < n || !word.chars().all(is_han) {
                continue;
            }
            if best.as_ref().is_some_and(|(_, w)| w == word) {
                continue;
            }
            let freq = doc_freq(searcher, field, word);
            if best
                .as_ref()
                .is_none_or(|(f, w)| freq > *f || (freq == *f && word < w.as_str()))
            {
                best = Some((freq, word.to_string()));
            }
        }
    }
    best.map(|(_, w)| w)
}

fn doc_freq(searcher: &Searcher, field: Field, word: &str) -> u64 {
    searcher
        .doc_freq(&Term::from_field_text(field, word))
        .unwrap_or(0)
}

/// A Levenshtein DFA as an automaton over the term dictionary's bytes.
struct OneEdit<'a>(&'a DFA);

impl Automaton for OneEdit<'_> {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != levenshtein_automata::SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}
