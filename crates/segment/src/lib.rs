//! Chinese word segmentation for Duban, shared by extraction and indexing.
//!
//! [`Segmenter`] wraps jieba-rs with Duban's domain dictionary (`corpora/dict/duban.dict`,
//! compiled into the binary) so that extraction and the search index cut text the same way:
//! `出庭应诉率` and `区政府法制办` are single words, not `出庭/应诉/率`.
//!
//! Tokens carry byte offsets into the original text, never into a normalised copy, so a
//! highlight or a span points at what the user sees. [`Segmenter::fine_tokens`] adds the
//! dictionary sub-words of each long word (`区政府法制办` → `政府`, `法制`, `法制办`, …) so
//! that a search for a part of a name finds the name. [`Segmenter::tag`] gives jieba's part of
//! speech, except that a word of the domain dictionary takes the dictionary's tag even where
//! jieba knew the word already (`助力` is a verb in policy text, a noun in jieba's dictionary).
//!
//! This crate does not know about tantivy or about obligations.
//!
//! ```
//! let seg = duban_segment::Segmenter::shared();
//! let words: Vec<&str> = seg.tokens("出庭应诉率达到90%以上").iter().map(|t| t.text).collect();
//! assert_eq!(words[0], "出庭应诉率");
//! ```

use jieba_rs::Jieba;
use std::collections::HashMap;
use std::io::BufReader;
use std::sync::LazyLock;

/// The domain dictionary, one `word freq tag` a line (jieba's user-dictionary format).
pub const DOMAIN_DICTIONARY: &str = include_str!("../../../corpora/dict/duban.dict");

/// A word of the text with its byte offsets and part of speech.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as it stands in the text.
    pub text: &'a str,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
}

/// A word with its jieba part-of-speech tag (`n`, `v`, `nt` for organisations, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedWord<'a> {
    /// The word.
    pub word: &'a str,
    /// Its part-of-speech tag, borrowed from the segmenter (no string made per word).
    pub tag: &'a str,
}

/// jieba-rs with Duban's domain dictionary loaded.
pub struct Segmenter {
    jieba: Jieba,
    /// The user dictionary's tags: jieba-rs keeps its own tag for a word it already knows
    /// (`助力` stays `n`), where the user dictionary is meant to decide it.
    tags: HashMap<String, String>,
}

static SHARED: LazyLock<Segmenter> = LazyLock::new(Segmenter::with_domain_dictionary);

impl Segmenter {
    /// A segmenter with jieba's default dictionary plus [`DOMAIN_DICTIONARY`].
    pub fn with_domain_dictionary() -> Self {
        Self::with_dictionary(DOMAIN_DICTIONARY)
            .expect("the committed domain dictionary is in jieba's format")
    }

    /// A segmenter with jieba's default dictionary plus the given user dictionary.
    pub fn with_dictionary(dict: &str) -> Result<Self, jieba_rs::Error> {
        let mut jieba = Jieba::new();
        jieba.load_dict(&mut BufReader::new(dict.as_bytes()))?;
        let tags = dict
            .lines()
            .filter_map(|line| {
                let mut fields = line.split_whitespace();
                let word = fields.next()?;
                let tag = fields.nth(1)?;
                Some((word.to_string(), tag.to_string()))
            })
            .collect();
        Ok(Segmenter { jieba, tags })
    }

    /// The process-wide segmenter with the domain dictionary, built once on first use.
    pub fn shared() -> &'static Segmenter {
        &SHARED
    }

    /// The words of `text` with their byte offsets (jieba's precise mode, HMM on).
    pub fn tokens<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        self.jieba
            .cut(text, true)
            .into_iter()
            .map(Token::from)
            .collect()
    }

    /// The words of `text` plus their dictionary sub-words (jieba's search mode: every
    /// dictionary word of two or three characters inside a longer word), each with offsets into
    /// `text`, ordered by start then end.
    ///
    /// ```
    /// let seg = duban_segment::Segmenter::shared();
    /// let fine = seg.fine_tokens("区政府法制办");
    /// assert!(fine.iter().any(|t| t.text == "法制"));
    /// assert!(fine.iter().any(|t| t.text == "区政府法制办"));
    /// ```
    pub fn fine_tokens<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        in_text_order(self.jieba.cut_for_search(text, true))
    }

    /// Every dictionary word that occurs inside `text`, overlapping ones included (jieba's full
    /// mode), each with offsets into `text`, ordered by start then end. Characters that no
    /// dictionary word covers come out one by one; runs of Latin letters and digits as one token.
    ///
    /// Unlike [`Segmenter::fine_tokens`] this has no length limit on the sub-words: the search
    /// index uses it so that `政府法制办` is found inside `区政府法制办`.
    ///
    /// ```
    /// let seg = duban_segment::Segmenter::shared();
    /// let words = seg.dictionary_words("区政府法制办");
    /// assert!(words.iter().any(|t| t.text == "政府法制办"));
    /// ```
    pub fn dictionary_words<'a>(&self, text: &'a str) -> Vec<Token<'a>> {
        in_text_order(self.jieba.cut_all(text))
    }

    /// The words of `text` with their part-of-speech tags.
    pub fn tag<'a>(&'a self, text: &'a str) -> Vec<TaggedWord<'a>> {
        self.jieba
            .tag(text, true)
            .into_iter()
            .map(|t| TaggedWord {
                word: t.word,
                tag: self.tags.get(t.word).map_or(t.tag, String::as_str),
            })
            .collect()
    }
}

impl<'a> From<jieba_rs::Token<'a>> for Token<'a> {
    fn from(t: jieba_rs::Token<'a>) -> Self {
        Token {
            text: t.word,
            start: t.byte_start,
            end: t.byte_end,
        }
    }
}

/// Overlapping words ordered by start then end, each span once.
fn in_text_order<'a>(words: Vec<jieba_rs::Token<'a>>) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = words.into_iter().map(Token::from).collect();
    out.sort_by_key(|t| (t.start, t.end));
    out.dedup_by_key(|t| (t.start, t.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_words_are_not_split() {
        let seg = Segmenter::shared();
        let words: Vec<&str> = seg
            .tokens("区政府法制办负责规范性文件备案")
            .iter()
            .map(|t| t.text)
            .collect();
        assert!(words.contains(&"区政府法制办"), "{words:?}");
        assert!(words.contains(&"规范性文件"), "{words:?}");
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let text = "行政复议案件1,200件";
        for t in Segmenter::shared().tokens(text) {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    #[test]
    fn fine_tokens_find_a_sub_word_of_a_bank_name() {
        let fine = Segmenter::shared().fine_tokens("中国农业发展银行");
        assert!(fine.iter().any(|t| t.text == "农业"), "{fine:?}");
    }

    #[test]
    fn dictionary_words_include_long_sub_words_of_a_long_word() {
        let text = "市政府法制办牵头";
        let words = Segmenter::shared().dictionary_words(text);
        assert!(words.iter().any(|t| t.text == "政府法制办"), "{words:?}");
        for t in &words {
            assert_eq!(&text[t.start..t.end], t.text);
        }
    }

    /// The user dictionary's tag decides a word jieba already knows with another tag.
    #[test]
    fn the_user_dictionarys_tag_wins_over_jiebas() {
        let tags: Vec<(String, String)> = Segmenter::shared()
            .tag("助力法院破解执行难题")
            .into_iter()
            .map(|w| (w.word.to_string(), w.tag.to_string()))
            .collect();
        assert_eq!(tags[0], ("助力".to_string(), "v".to_string()), "{tags:?}");
    }

    #[test]
    fn a_bad_user_dictionary_is_an_error_not_a_panic() {
        assert!(Segmenter::with_dictionary("法治政府 notanumber n\n").is_err());
    }
}
