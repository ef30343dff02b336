//! The one analysis of Chinese text shared by indexing, query parsing and highlighting.
//!
//! [`Analyzer::index_tokens`] turns a field value into the tokens the index stores: jieba's
//! words (precise mode, with the domain dictionary), every dictionary word inside each of them
//! (`中国农业发展银行` → `农业`, `发展`, `银行`, …; `区政府法制办` → `政府`, `法制`, `法制办`,
//! `政府法制办`, …), and each Chinese character on its own. A token's position is the
//! *character offset* of its start, not its rank, so overlapping tokens keep consistent
//! positions and a phrase query can put each query word at its own offset whatever way the
//! words were cut. Offsets are bytes into the original text, so highlights point at what the
//! reader sees.
//!
//! A document is cut one piece at a time ([`IndexTokens`]), each piece ending after
//! punctuation or a line end, so that tantivy is handed tokens as it asks for them and the
//! memory held is one piece's tokens, whatever the document's length.
//!
//! [`Analyzer::query_words`] cuts a query the way the index cuts text (jieba's precise mode),
//! so a run of Chinese in a query is a list of words, not one opaque token.
//!
//! This module does not build queries or know the schema.

use crate::IndexError;
use crate::backlog::AnalysedText;
use duban_segment::Segmenter;
use std::collections::BTreeMap;
use std::sync::Arc;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// A token of analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalyzedToken {
    /// The indexed form (Latin letters lower-cased).
    pub text: String,
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// Character offset of the first character: the token's position in the index.
    pub position: usize,
}

#[derive(Clone)]
enum SegmenterRef {
    Shared,
    Owned(Arc<Segmenter>),
}

/// jieba with a user dictionary, and the dictionary's text (to notice when it changes).
#[derive(Clone)]
pub struct Analyzer {
    segmenter: SegmenterRef,
    dictionary: Arc<str>,
}

impl Analyzer {
    /// The analyzer of the committed domain dictionary (`corpora/dict/duban.dict`).
    pub fn domain() -> Self {
        Analyzer {
            segmenter: SegmenterRef::Shared,
            dictionary: Arc::from(duban_segment::DOMAIN_DICTIONARY),
        }
    }

    /// An analyzer with another user dictionary (jieba's `word freq tag` lines).
    pub fn with_dictionary(dictionary: &str) -> Result<Self, IndexError> {
        let segmenter =
            Segmenter::with_dictionary(dictionary).map_err(|e| IndexError::Dictionary {
                reason: e.to_string(),
            })?;
        Ok(Analyzer {
            segmenter: SegmenterRef::Owned(Arc::new(segmenter)),
            dictionary: Arc::from(dictionary),
        })
    }

    /// The user dictionary's text.
    pub fn dictionary(&self) -> &str {
        &self.dictionary
    }

    fn segmenter(&self) -> &Segmenter {
        match &self.segmenter {
            SegmenterRef::Shared => Segmenter::shared(),
            SegmenterRef::Owned(s) => s,
        }
    }

    /// The tokens the index stores for `text`, ordered by start then end, without duplicates.
    pub fn index_tokens(&self, text: &str) -> Vec<AnalyzedToken> {
        self.index_token_iter(text).collect()
    }

    /// [`Analyzer::index_tokens`] one piece of the text at a time (see [`IndexTokens`]).
    pub fn index_token_iter<'a>(&'a self, text: &'a str) -> IndexTokens<'a> {
        IndexTokens {
            segmenter: self.segmenter(),
            dictionary: &self.dictionary,
            text,
            next_piece: 0,
            pending: Vec::new().into_iter(),
            counted_to: (0, 0),
        }
    }
    /// The words of a query as the index cuts them, each with its character offset in `text`.
    pub fn query_words(&self, text: &str) -> Vec<AnalyzedToken> {
        let chars = CharPositions::new(text);
        self.segmenter()
            .tokens(text)
            .into_iter()
            .filter(|w| is_searchable(w.text))
            .map(|w| chars.token(w.text, w.start))
            .collect()
    }
}

/// Bytes of text cut by jieba at once when indexing, at most (unless a run this long has no
/// punctuation, space or line end in it).
const PIECE_BYTES: usize = 64 * 1024;

/// Characters after which jieba's precise mode always ends a word: cutting the text after one
/// of them cuts it as the whole text is cut.
fn ends_a_word(c: char) -> bool {
    matches!(
        c,
        '。' | '，' | '；' | '！' | '？' | '、' | '：' | '\n' | ' ' | '\t'
    )
}

/// The tokens of [`Analyzer::index_tokens`], made one piece of the text at a time: a piece is
/// at most 64 KiB long and ends after punctuation or a line end, so the words are
/// those of the whole text while the memory held is that of one piece's tokens, not of the
/// document's (a 10 MB document has some six million tokens). A run of 64 KiB with
/// no such character is cut where the limit falls; a word across that point is cut in two.
pub struct IndexTokens<'a> {
    segmenter: &'a Segmenter,
    dictionary: &'a Arc<str>,
    text: &'a str,
    next_piece: usize,
    pending: std::vec::IntoIter<TokenSpan>,
    /// A byte offset and the number of characters before it, moved forward as tokens come.
    counted_to: (usize, usize),
}

impl IndexTokens<'_> {
    /// The end of the piece that starts at `start`.
    fn piece_end(&self, start: usize) -> usize {
        let text = self.text;
        if text.len() - start <= PIECE_BYTES {
            return text.len();
        }
        let mut limit = start + PIECE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        text[start..limit]
            .char_indices()
            .rev()
            .find(|&(_, c)| ends_a_word(c))
            .map(|(i, c)| start + i + c.len_utf8())
            .unwrap_or(limit)
    }

    /// Cuts the next piece into its tokens, ordered by start then end, without duplicates.
    fn cut_piece(&mut self) -> Vec<TokenSpan> {
        let start = self.next_piece;
        let end = self.piece_end(start);
        self.next_piece = end;
        let piece = &self.text[start..end];
        // Byte spans in the whole text, in order: the clauses do not overlap and each one's
        // spans are ordered.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        CLAUSE_SPANS.with_borrow_mut(|cache| {
            cache.serve(self.dictionary);
            for (at, clause) in clauses(piece) {
                let offset = start + at;
                let cut = cache.spans_of(clause, || clause_spans(self.segmenter, clause));
                spans.extend(
                    cut.iter()
                        .map(|&(s, e)| (offset + s as usize, offset + e as usize)),
                );
            }
        });
        spans
            .into_iter()
            .map(|(at, to)| {
                let (from, chars) = self.counted_to;
                let position = chars + self.text[from..at].chars().count();
                self.counted_to = (at, position);
                TokenSpan {
                    start: at,
                    end: to,
                    position,
                }
            })
            .collect()
    }

    /// The next token's place in the text, its text not yet copied.
    fn next_span(&mut self) -> Option<TokenSpan> {
        loop {
            if let Some(t) = self.pending.next() {
                return Some(t);
            }
            if self.next_piece >= self.text.len() {
                return None;
            }
            self.pending = self.cut_piece().into_iter();
        }
    }
}

/// Where a token is: its bytes in the text and its character position.
#[derive(Debug, Clone, Copy)]
struct TokenSpan {
    start: usize,
    end: usize,
    position: usize,
}

/// Writes the indexed form of `word` (letters lower-cased) into `out`, replacing what it held.
/// Nearly every token is Chinese characters, digits or lower-case ASCII, which lower-case to
/// themselves: those are copied without the Unicode case tables.
fn write_indexed_form(word: &str, out: &mut String) {
    out.clear();
    if word.chars().all(|c| c.is_ascii() || is_han(c)) {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        // `str::to_lowercase`, not a character at a time: a final `Σ` lower-cases to `ς`.
        out.push_str(&word.to_lowercase());
    }
}

/// The clauses of a piece of text with their byte offsets: each ends after a character that
/// ends a word ([`ends_a_word`]), so cutting clause by clause gives the words of the whole.
fn clauses(piece: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut from = 0;
    piece
        .char_indices()
        .filter(|&(_, c)| ends_a_word(c))
        .map(|(i, c)| i + c.len_utf8())
        .chain([piece.len()])
        .filter_map(move |to| {
            let clause = (from < to).then(|| (from, &piece[from..to]));
            from = to.max(from);
            clause
        })
}

/// The byte spans of a clause's tokens (see [`Analyzer::index_tokens`]) relative to its start,
/// ordered by start then end, without duplicates.
fn clause_spans(seg: &Segmenter, clause: &str) -> Vec<(u32, u32)> {
    let mut found: Vec<(usize, usize)> = Vec::new();
    for word in seg.tokens(clause) {
        if !is_searchable(word.text) {
            continue;
        }
        let word_end = word.start + word.text.len();
        found.push((word.start, word_end));
        if !word.text.chars().any(is_han) {
            // jieba keeps `96.6%` or `2021-2025` as one token: its numbers and words are
            // indexed too, so that `96.6` and `2025` find them.
            for (at, part) in alphanumeric_parts(word.text) {
                found.push((word.start + at, word.start + at + part.len()));
            }
            continue;
        }
        if word.text.chars().count() < 2 {
            continue;
        }
        for sub in seg.dictionary_words(word.text) {
            if sub.end - sub.start < word.text.len() && is_searchable(sub.text) {
                found.push((word.start + sub.start, word.start + sub.end));
            }
        }
        for (i, c) in word.text.char_indices() {
            if is_han(c) {
                found.push((word.start + i, word.start + i + c.len_utf8()));
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    // A clause is at most a piece long (64 KiB), so its offsets fit.
    found
        .into_iter()
        .map(|(s, e)| (s as u32, e as u32))
        .collect()
}

/// Clauses seen lately on this thread, with their token spans. A document's obligations,
/// headings and title repeat clauses of its text (and documents of one site repeat their
/// boilerplate), and each is indexed in a field of its own: the cache cuts each clause once.
/// Cutting is deterministic, so the cache changes how fast tokens come, never which.
struct ClauseCache {
    /// The dictionary the spans were cut with.
    dictionary: Option<Arc<str>>,
    spans: std::collections::HashMap<Box<str>, Box<[(u32, u32)]>>,
}

/// Clauses held at most before the cache starts afresh (some ten megabytes).
const CACHED_CLAUSES: usize = 32_768;

impl ClauseCache {
    /// Empties the cache if it holds the cuts of another dictionary.
    fn serve(&mut self, dictionary: &Arc<str>) {
        let same = self
            .dictionary
            .as_ref()
            .is_some_and(|d| Arc::ptr_eq(d, dictionary) || **d == **dictionary);
        if !same {
            self.spans.clear();
        }
        self.dictionary = Some(Arc::clone(dictionary));
    }

    fn spans_of(&mut self, clause: &str, cut: impl FnOnce() -> Vec<(u32, u32)>) -> &[(u32, u32)] {
        if !self.spans.contains_key(clause) {
            if self.spans.len() >= CACHED_CLAUSES {
                self.spans.clear();
            }
            self.spans.insert(clause.into(), cut().into_boxed_slice());
        }
        self.spans.get(clause).map_or(&[], |s| s)
    }
}

thread_local! {
    static CLAUSE_SPANS: std::cell::RefCell<ClauseCache> = std::cell::RefCell::new(ClauseCache {
        dictionary: None,
        spans: std::collections::HashMap::new(),
    });
}

impl Iterator for IndexTokens<'_> {
    type Item = AnalyzedToken;

    fn next(&mut self) -> Option<AnalyzedToken> {
        let span = self.next_span()?;
        let mut text = String::new();
        write_indexed_form(&self.text[span.start..span.end], &mut text);
        Some(AnalyzedToken {
            text,
            start: span.start,
            end: span.end,
            position: span.position,
        })
    }
}

/// Whether a character is a Chinese character (CJK unified ideographs and their extensions).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// Punctuation and spaces are not searched for: a token must hold a letter or a digit.
fn is_searchable(word: &str) -> bool {
    word.chars().any(char::is_alphanumeric)
}

/// The runs of letters and digits (a decimal point between digits kept) of a token that holds
/// other characters too, with their byte offsets: `96.6%` → `96.6`; `2021-2025` → `2021`,
/// `2025`. A token of letters and digits alone has no parts.
fn alphanumeric_parts(token: &str) -> Vec<(usize, &str)> {
    let bytes = token.as_bytes();
    let keeps = |i: usize| {
        let c = bytes[i];
        c.is_ascii_alphanumeric()
            || (c == b'.'
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit))
    };
    let mut parts = Vec::new();
    let mut start = None;
    for i in 0..=bytes.len() {
        let kept = i < bytes.len() && token.is_char_boundary(i) && keeps(i);
        match (start, kept) {
            (None, true) => start = Some(i),
            (Some(s), false) => {
                parts.push((s, &token[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if parts.len() == 1 && parts[0].1.len() == token.len() {
        parts.clear();
    }
    parts
}

/// Byte offset → character offset, for one text.
struct CharPositions {
    starts: Vec<usize>,
}

impl CharPositions {
    fn new(text: &str) -> Self {
        CharPositions {
            starts: text.char_indices().map(|(i, _)| i).collect(),
        }
    }

    fn position(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }

    fn token(&self, word: &str, start: usize) -> AnalyzedToken {
        let mut text = String::new();
        write_indexed_form(word, &mut text);
        AnalyzedToken {
            text,
            start,
            end: start + word.len(),
            position: self.position(start),
        }
    }
}

/// The words whose dictionary entries differ between two user dictionaries (added, removed or
/// with another frequency or tag): only text that contains one of them can be cut differently.
pub fn dictionary_changes(old: &str, new: &str) -> Vec<String> {
    fn entries(dict: &str) -> BTreeMap<&str, Vec<&str>> {
        dict.lines()
            .filter_map(|line| {
                let mut parts = line.split_whitespace();
                parts.next().map(|word| (word, parts.collect()))
            })
            .collect()
    }
    let (old, new) = (entries(old), entries(new));
    let mut changed: Vec<String> = old
        .iter()
        .filter(|(w, e)| new.get(*w) != Some(*e))
        .map(|(w, _)| w.to_string())
        .collect();
    changed.extend(
        new.keys()
            .filter(|w| !old.contains_key(*w))
            .map(|w| w.to_string()),
    );
    changed.sort();
    changed.dedup();
    changed
}

/// The tantivy tokenizer that emits [`Analyzer::index_tokens`].
#[derive(Clone)]
pub struct AnalyzerTokenizer {
    analyzer: Analyzer,
    /// The writer's count of text analysed ([`crate::backlog`]); searches keep none.
    analysed: Option<Arc<AnalysedText>>,
}

impl AnalyzerTokenizer {
    /// A tokenizer over an analyzer.
    pub fn new(analyzer: Analyzer) -> Self {
        AnalyzerTokenizer {
            analyzer,
            analysed: None,
        }
    }

    /// A tokenizer over an analyzer that adds the length of every text it is given to
    /// `analysed`.
    pub(crate) fn counting(analyzer: Analyzer, analysed: Arc<AnalysedText>) -> Self {
        AnalyzerTokenizer {
            analyzer,
            analysed: Some(analysed),
        }
    }
}

/// The token stream of [`AnalyzerTokenizer`]: tokens made as tantivy asks for them.
pub struct AnalyzedTokenStream<'a> {
    tokens: IndexTokens<'a>,
    /// The current token; answered by `token()` before the first `advance()` too, which
    /// tantivy never asks for.
    current: Token,
}

impl Tokenizer for AnalyzerTokenizer {
    type TokenStream<'a> = AnalyzedTokenStream<'a>;
    fn token_stream<'a>(&'a mut self, text: &'a str) -> AnalyzedTokenStream<'a> {
        if let Some(analysed) = &self.analysed {
            analysed.add(text.len());
        }
        AnalyzedTokenStream {
            tokens: self.analyzer.index_token_iter(text),
            current: Token::default(),
        }
    }
}

impl TokenStream for AnalyzedTokenStream<'_> {
    fn advance(&mut self) -> bool {
        // The token's text is written into the buffer of the one before: no allocation a
        // token (there are some 1.3 a character).
        let Some(span) = self.tokens.next_span() else {
            return false;
        };
        let current = &mut self.current;
        write_indexed_form(&self.tokens.text[span.start..span.end], &mut current.text);
        current.offset_from = span.start;
        current.offset_to = span.end;
        current.position = span.position;
        current.position_length = 1;
        true
    }
    fn token(&self) -> &Token {
        &self.current
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tokens: &[AnalyzedToken]) -> Vec<&str> {
        tokens.iter().map(|t| t.text.as_str()).collect()
    }

    #[test]
    fn a_bank_name_is_indexed_with_its_sub_words() {
        let tokens = Analyzer::domain().index_tokens("支持中国农业发展银行发放贷款");
        let words = texts(&tokens);
        assert!(words.contains(&"农业"), "{words:?}");
        assert!(words.contains(&"发展"), "{words:?}");
    }

    #[test]
    fn a_body_name_is_indexed_with_its_dictionary_sub_words_of_any_length() {
        let tokens = Analyzer::domain().index_tokens("由县政府法制办牵头");
        let words = texts(&tokens);
        for w in ["县政府法制办", "法制", "法制办", "政府法制办"] {
            assert!(words.contains(&w), "{w} missing from {words:?}");
        }
    }

    #[test]
    fn positions_are_character_offsets_and_offsets_are_bytes_of_the_original() {
        let text = "全年出庭应诉率为96.6%";
        for t in Analyzer::domain().index_tokens(text) {
            assert_eq!(text[t.start..t.end].to_lowercase(), t.text);
            assert_eq!(text[..t.start].chars().count(), t.position);
        }
    }

    #[test]
    fn the_token_stream_gives_the_tokens_of_index_tokens_lower_cased_as_str_does() {
        // A long token then shorter ones: the reused buffer must not keep the first's tail.
        let text = "推进GDP核算改革，ÉTAT与ΟΔΟΣ，第2号文件";
        let mut tokenizer = AnalyzerTokenizer::new(Analyzer::domain());
        let mut stream = tokenizer.token_stream(text);
        let mut streamed = Vec::new();
        while stream.advance() {
            let t = stream.token();
            streamed.push((t.text.clone(), t.offset_from, t.offset_to, t.position));
        }
        let expected: Vec<_> = Analyzer::domain()
            .index_tokens(text)
            .into_iter()
            .map(|t| (t.text, t.start, t.end, t.position))
            .collect();
        assert_eq!(streamed, expected);
        for (word, from, to, _) in &streamed {
            assert_eq!(&text[*from..*to].to_lowercase(), word);
        }
        let words: Vec<&str> = streamed.iter().map(|t| t.0.as_str()).collect();
        assert!(words.contains(&"gdp"), "{words:?}");
        // jieba cuts letters outside ASCII one by one.
        assert!(words.contains(&"é") && words.contains(&"δ"), "{words:?}");
    }

    #[test]
    fn every_chinese_character_is_also_a_token() {
        let tokens = Analyzer::domain().index_tokens("规范性文件");
        let words = texts(&tokens);
        for c in ["规", "范", "性", "文", "件"] {
            assert!(words.contains(&c), "{c} missing from {words:?}");
        }
    }

    #[test]
    fn punctuation_is_not_a_token() {
        let tokens = Analyzer::domain().index_tokens("（一）加强，“法治”。");
        assert!(
            tokens
                .iter()
                .all(|t| t.text.chars().any(char::is_alphanumeric))
        );
    }

    #[test]
    fn a_query_run_of_chinese_is_cut_into_words() {
        let words = Analyzer::domain().query_words("出庭应诉率达到");
        assert_eq!(texts(&words), ["出庭应诉率", "达到"]);
        assert_eq!(words[1].position, 5);
    }

    #[test]
    fn a_number_glued_to_a_sign_is_also_indexed_alone() {
        let a = Analyzer::domain();
        let toks = a.index_tokens("出庭应诉率达到96.6%，规划期2021-2025年");
        let t = texts(&toks);
        assert!(t.contains(&"96.6%") && t.contains(&"96.6"), "{t:?}");
        assert!(t.contains(&"2021") && t.contains(&"2025"), "{t:?}");
    }

    #[test]
    fn a_plain_word_of_letters_and_digits_has_no_parts() {
        assert!(alphanumeric_parts("RCEP").is_empty());
        assert!(alphanumeric_parts("5G").is_empty());
        assert_eq!(alphanumeric_parts("1.5%"), vec![(0, "1.5")]);
        assert_eq!(alphanumeric_parts("3.,"), vec![(0, "3")]);
    }

    #[test]
    fn latin_letters_are_lower_cased() {
        let words = Analyzer::domain().query_words("GDP增长");
        assert_eq!(words[0].text, "gdp");
    }

    #[test]
    fn dictionary_changes_list_added_removed_and_reweighted_words() {
        let old = "法治政府 2000 n\n行政复议 2000 n\n营商环境 2000 n\n";
        let new = "法治政府 2000 n\n行政复议 10 n\n双随机 2000 n\n";
        assert_eq!(
            dictionary_changes(old, new),
            ["双随机", "营商环境", "行政复议"]
        );
    }

    #[test]
    fn a_long_text_is_cut_in_pieces_as_it_is_cut_whole() {
        let sentence = "区政府法制办应当于每年一月底前向市司法局报送上一年度规范性文件备案情况，";
        let text = sentence.repeat(PIECE_BYTES / sentence.len() * 3);
        let whole = Analyzer::domain().index_tokens(sentence);
        let pieces = Analyzer::domain().index_tokens(&text);
        let per_sentence = whole.len();
        assert_eq!(pieces.len(), per_sentence * (text.len() / sentence.len()));
        let chars = sentence.chars().count();
        for (k, t) in pieces.iter().enumerate() {
            let w = &whole[k % per_sentence];
            let n = k / per_sentence;
            assert_eq!(
                (t.text.as_str(), t.start, t.position),
                (
                    w.text.as_str(),
                    w.start + n * sentence.len(),
                    w.position + n * chars
                )
            );
        }
    }

    #[test]
    fn cutting_clause_by_clause_gives_the_words_of_the_whole_text() {
        let text = "（三）严格规范公正文明执法。各县（市、区）政府要在2016年底前完成行政执法\
                    主体清理工作；市政府法制办负责，市编办配合 RCEP 96.6%。";
        let seg = Segmenter::shared();
        let mut whole: Vec<(usize, usize)> = Vec::new();
        for word in seg
            .tokens(text)
            .into_iter()
            .filter(|w| is_searchable(w.text))
        {
            whole.push((word.start, word.start + word.text.len()));
        }
        let clause_words: Vec<(usize, usize)> = clauses(text)
            .flat_map(|(at, clause)| {
                seg.tokens(clause)
                    .into_iter()
                    .filter(|w| is_searchable(w.text))
                    .map(move |w| (at + w.start, at + w.start + w.text.len()))
            })
            .collect();
        assert_eq!(clause_words, whole);
    }

    #[test]
    fn a_clause_seen_before_is_cut_the_same_and_another_dictionary_cuts_afresh() {
        let text = "推进行政复议规范化建设，推进行政复议规范化建设。";
        let first = Analyzer::domain().index_tokens(text);
        assert_eq!(Analyzer::domain().index_tokens(text), first);
        let other = Analyzer::with_dictionary("复议规范 99999 n\n").unwrap();
        assert!(texts(&other.index_tokens(text)).contains(&"复议规范"));
        assert!(!texts(&Analyzer::domain().index_tokens(text)).contains(&"复议规范"));
    }

    #[test]
    fn the_tokenizer_hands_tantivy_the_same_tokens() {
        let mut tokenizer = AnalyzerTokenizer::new(Analyzer::domain());
        let mut stream = tokenizer.token_stream("依法行政");
        let mut seen = Vec::new();
        while stream.advance() {
            seen.push(stream.token().text.clone());
        }
        assert_eq!(seen, texts(&Analyzer::domain().index_tokens("依法行政")));
    }
}
