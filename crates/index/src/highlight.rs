//! Highlighted snippets of a matched text.
//!
//! The text is cut again with the index's own analyzer, so a highlight falls exactly where the
//! index matched: a phrase is highlighted only where its words stand side by side at the
//! query's offsets, a word wherever the index holds it. Offsets are characters of the original
//! text (what a reader or a browser counts), never of a normalised copy.
//!
//! A snippet is a list of parts, each plain or highlighted; the caller escapes them for its
//! medium (the web page inserts them as text nodes, never as HTML).

use crate::analyzer::Analyzer;
use crate::query::Pattern;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How many characters of context a snippet shows at most.
pub const SNIPPET_CHARS: usize = 160;

/// A piece of a snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnippetPart {
    /// The text of the piece, as in the original.
    pub text: String,
    /// Whether the query matched it.
    pub highlight: bool,
}

/// A window of a text with the query's matches marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet {
    /// The pieces of the window, in order.
    pub parts: Vec<SnippetPart>,
    /// Character offset of the window in the whole text.
    pub start: usize,
    /// Character offset one past the window's end.
    pub end: usize,
    /// Every match in the whole text, `[start, end)` in characters.
    pub highlights: Vec<[usize; 2]>,
}

/// The snippet of `text` for the query's highlight patterns.
pub(crate) fn snippet(analyzer: &Analyzer, text: &str, patterns: &[Pattern]) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let ranges = matches(analyzer, text, patterns);
    let (start, end) = window(&ranges, chars.len(), SNIPPET_CHARS);
    let mut parts = Vec::new();
    let mut at = start;
    for &[s, e] in &ranges {
        let (s, e) = (s.max(start), e.min(end));
        if s >= e {
            continue;
        }
        if at < s {
            parts.push(SnippetPart {
                text: chars[at..s].iter().collect(),
                highlight: false,
            });
        }
        parts.push(SnippetPart {
            text: chars[s..e].iter().collect(),
            highlight: true,
        });
        at = e;
    }
    if at < end {
        parts.push(SnippetPart {
            text: chars[at..end].iter().collect(),
            highlight: false,
        });
    }
    Snippet {
        parts,
        start,
        end,
        highlights: ranges,
    }
}

/// The merged character ranges where a pattern matches.
pub(crate) fn matches(analyzer: &Analyzer, text: &str, patterns: &[Pattern]) -> Vec<[usize; 2]> {
    if patterns.is_empty() {
        return Vec::new();
    }
    let tokens = analyzer.index_tokens(text);
    // (position, term) → the token's length in characters.
    let mut at: HashMap<(usize, &str), usize> = HashMap::new();
    for t in &tokens {
        at.insert(
            (t.position, t.text.as_str()),
            text[t.start..t.end].chars().count(),
        );
    }
    let mut ranges: Vec<[usize; 2]> = Vec::new();
    for pattern in patterns {
        let Some((_, first)) = pattern.first() else {
            continue;
        };
        for t in tokens.iter().filter(|t| &t.text == first) {
            let base = t.position;
            let all = pattern
                .iter()
                .all(|(off, term)| at.contains_key(&(base + off, term.as_str())));
            if all {
                let end = pattern
                    .iter()
                    .map(|(off, term)| {
                        base + off + at.get(&(base + off, term.as_str())).copied().unwrap_or(0)
                    })
                    .max()
                    .unwrap_or(base);
                ranges.push([base, end]);
            }
        }
    }
    ranges.sort();
    let mut merged: Vec<[usize; 2]> = Vec::new();
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
            _ => merged.push(r),
        }
    }
    merged
}

/// The window of at most `width` characters holding the most of the matches, starting a little
/// before the first of them; the whole text when it is short. A match weighs the square of its
/// length, so one match of the whole query (`国内生产总值`, its words merged into one range)
/// outweighs several matches of one of its words (`国内` four times).
fn window(ranges: &[[usize; 2]], len: usize, width: usize) -> (usize, usize) {
    if len <= width {
        return (0, len);
    }
    let lead = width / 8;
    let mut best = (0, 0usize);
    for r in ranges {
        let start = r[0].saturating_sub(lead);
        let weight = ranges
            .iter()
            .filter(|o| o[0] >= start && o[1] <= start + width)
            .map(|o| (o[1] - o[0]).pow(2))
            .sum();
        if weight > best.1 {
            best = (start, weight);
        }
    }
    let start = best.0.min(len - width);
    (start, start + width)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pattern(words: &[(usize, &str)]) -> Pattern {
        words.iter().map(|(o, w)| (*o, w.to_string())).collect()
    }

    fn marked(s: &Snippet) -> String {
        s.parts
            .iter()
            .map(|p| {
                if p.highlight {
                    format!("[{}]", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn a_word_is_highlighted_at_its_characters() {
        let s = snippet(
            &Analyzer::domain(),
            "全市行政机关负责人出庭应诉率为98.2%。",
            &[pattern(&[(0, "出庭应诉率")])],
        );
        assert_eq!(marked(&s), "全市行政机关负责人[出庭应诉率]为98.2%。");
        assert_eq!(s.highlights, [[9, 14]]);
    }

    #[test]
    fn a_sub_word_is_highlighted_inside_a_long_word() {
        let s = snippet(
            &Analyzer::domain(),
            "由市政府法制办负责",
            &[pattern(&[(0, "法制")])],
        );
        assert_eq!(marked(&s), "由市政府[法制]办负责");
    }

    #[test]
    fn a_phrase_is_highlighted_only_where_its_words_stand_together() {
        let s = snippet(
            &Analyzer::domain(),
            "复议决定；行政复议决定书",
            &[pattern(&[(0, "行政复议"), (4, "决定")])],
        );
        assert_eq!(marked(&s), "复议决定；[行政复议决定]书");
    }

    #[test]
    fn a_long_text_is_cut_to_a_window_around_the_matches() {
        let text = format!("{}依法行政{}", "甲".repeat(400), "乙".repeat(400));
        let s = snippet(&Analyzer::domain(), &text, &[pattern(&[(0, "依法行政")])]);
        assert_eq!(s.end - s.start, SNIPPET_CHARS);
        assert!(s.start <= 400 && s.end >= 404);
        assert!(s.parts.iter().any(|p| p.highlight && p.text == "依法行政"));
    }

    #[test]
    fn the_window_prefers_one_whole_match_to_many_matches_of_a_part() {
        // Four matches of a two-character word early, one six-character match late.
        let ranges = [[10, 12], [30, 32], [50, 52], [70, 72], [400, 406]];
        let (start, end) = window(&ranges, 600, 160);
        assert!(start <= 400 && 406 <= end, "{start}..{end}");
    }

    #[test]
    fn markup_in_the_text_is_kept_as_text() {
        let s = snippet(
            &Analyzer::domain(),
            "<script>alert(1)</script>依法行政",
            &[pattern(&[(0, "依法行政")])],
        );
        assert_eq!(s.parts[0].text, "<script>alert(1)</script>");
        assert!(!s.parts[0].highlight);
    }
}
