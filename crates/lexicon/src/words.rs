//! Lists of words looked for in a clause: one automaton per list, one pass per clause.
//!
//! Rules ask whether a phrase holds any word of a list (a predicate word such as `推动` in
//! `积极推动行政机关…` shows that the phrase is no body name) and which word of a list stands
//! last before a number (`不低于` in `出庭应诉率不低于90%`). Searching a fifty-word list one
//! word at a time sets up fifty substring searchers for every clause of every item; a
//! [`WordList`] builds one Aho–Corasick automaton for the list and reads the clause once.
//!
//! It matches substrings exactly: callers hand it width-folded text, and it knows nothing of
//! word boundaries (segmentation is `duban-segment`'s).

use aho_corasick::{AhoCorasick, MatchKind};

/// A list of words, searched together.
#[derive(Debug, Clone)]
pub struct WordList {
    automaton: AhoCorasick,
}

impl WordList {
    /// The automaton of `words`; a word's index in the list is what [`WordList::last_in`]
    /// reports.
    pub fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Self {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(words)
            .expect("a static word list builds an automaton");
        WordList { automaton }
    }

    /// Whether `text` holds any of the words.
    ///
    /// ```
    /// use duban_lexicon::WordList;
    /// let predicates = WordList::new(["推动", "推进", "落实"]);
    /// assert!(predicates.found_in("积极推动行政机关负责人出庭应诉"));
    /// assert!(!predicates.found_in("县级以上地方人民政府"));
    /// ```
    pub fn found_in(&self, text: &str) -> bool {
        self.automaton.is_match(text)
    }

    /// The byte offsets where words of the list end in `text`, overlapping ones included, in
    /// order: the places a name could end.
    ///
    /// ```
    /// use duban_lexicon::WordList;
    /// let ends = WordList::new(["局", "机构"]);
    /// assert_eq!(ends.ends_in("能源局派出机构"), [9, 21]);
    /// ```
    pub fn ends_in(&self, text: &str) -> Vec<usize> {
        let mut ends: Vec<usize> = self
            .automaton
            .find_overlapping_iter(text)
            .map(|m| m.end())
            .collect();
        ends.sort_unstable();
        ends.dedup();
        ends
    }

    /// The indices of the words of the list that `text` holds, in list order, each once.
    ///
    /// ```
    /// use duban_lexicon::WordList;
    /// let verbs = WordList::new(["落实", "推进", "推动"]);
    /// assert_eq!(verbs.indices_in("推动落实并推动"), [0, 2]);
    /// ```
    pub fn indices_in(&self, text: &str) -> Vec<usize> {
        let mut indices: Vec<usize> = self
            .automaton
            .find_overlapping_iter(text)
            .map(|m| m.pattern().as_usize())
            .collect();
        indices.sort_unstable();
        indices.dedup();
        indices
    }

    /// The word of the list that ends last in `text` and, of those ending there, the longest:
    /// its index in the list and the byte offset where it ends.
    ///
    /// ```
    /// use duban_lexicon::WordList;
    /// let ops = WordList::new(["低于", "不低于", "达到"]);
    /// // `不低于` and `低于` both end last; the longer one is the comparator.
    /// assert_eq!(ops.last_in("出庭应诉率达到并不低于"), Some((1, 33)));
    /// ```
    pub fn last_in(&self, text: &str) -> Option<(usize, usize)> {
        self.automaton
            .find_overlapping_iter(text)
            .max_by_key(|m| (m.end(), m.len()))
            .map(|m| (m.pattern().as_usize(), m.end()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_inside_another_is_still_found() {
        // `推进` inside `推进会`: substrings, not segmented words.
        assert!(WordList::new(["推进"]).found_in("召开全市推进会"));
    }

    #[test]
    fn the_last_word_wins_over_a_longer_earlier_one() {
        let ops = WordList::new(["不超过", "下降"]);
        assert_eq!(ops.last_in("不超过上年并下降"), Some((1, 24)));
    }

    #[test]
    fn no_word_no_answer() {
        assert_eq!(WordList::new(["不低于"]).last_in("全面完成"), None);
    }
}
