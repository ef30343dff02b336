//! Highlighted snippets of a matched text.
//!
//! The text is cut again with the index's own analyzer, so a highlight falls exactly where the
//! index matched: a phrase is highlighted only where its words stand side by side at the
//! query's offsets, a word wherever the index holds it. Offsets are characters of the original
//! text (what a reader or a browser counts), never of a normalised copy.
//!
//! Numeric filters mark what they matched too (`Marks`): a `value:` range marks the number of
//! each metric in the range (and puts those metrics first), a `deadline:` range each deadline
//! phrase whose year is in it. The number is found in the metric's phrase, the phrase in the
//! obligation's text; what cannot be found there is not marked.
//!
//! A snippet is a list of parts, each plain or highlighted; the caller escapes them for its
//! medium (the web page inserts them as text nodes, never as HTML).

use crate::analyzer::Analyzer;
use crate::query::Pattern;
use duban_model::{Metric, Obligation};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::{Bound, RangeBounds};

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

/// A range of numbers a query's filter asks for, bounds as typed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NumberRange {
    pub lower: Bound<f64>,
    pub upper: Bound<f64>,
}

impl NumberRange {
    fn contains(&self, v: f64) -> bool {
        (self.lower, self.upper).contains(&v)
    }
}

/// What a query marks in a record: the words and phrases of its text, body and indicator
/// clauses, and the ranges of its `value:` and `deadline:` filters (only those not negated:
/// what a record must not hold is not in it to mark).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Marks {
    /// Word sequences, marked wherever the analyzer finds them.
    pub patterns: Vec<Pattern>,
    /// `value:` ranges: the metrics whose value is in one.
    pub values: Vec<NumberRange>,
    /// `deadline:` ranges (years): the deadlines whose year is in one.
    pub deadlines: Vec<NumberRange>,
}

impl Marks {
    /// How strongly the query matches a metric: one for its words (in the metric's phrase or
    /// indicator), one for a value range holding its value; 0 when it does not.
    pub fn metric_strength(&self, analyzer: &Analyzer, m: &Metric) -> u8 {
        let words = !matches(analyzer, &m.text, &self.patterns).is_empty()
            || !matches(analyzer, &m.indicator, &self.patterns).is_empty();
        let value = self.values.iter().any(|r| r.contains(m.value));
        u8::from(words) + u8::from(value)
    }

    /// The indices of the metrics the query matches, the strongest matches first, then in the
    /// obligation's order.
    pub fn matched_metrics(&self, analyzer: &Analyzer, metrics: &[Metric]) -> Vec<usize> {
        let mut found: Vec<(u8, usize)> = metrics
            .iter()
            .enumerate()
            .map(|(i, m)| (self.metric_strength(analyzer, m), i))
            .filter(|(strength, _)| *strength > 0)
            .collect();
        found.sort_by_key(|&(strength, i)| (std::cmp::Reverse(strength), i));
        found.into_iter().map(|(_, i)| i).collect()
    }

    /// The character ranges of an obligation's text that its numeric filters match: the number
    /// of each metric in a value range (its whole phrase when the number is not printed as
    /// digits), each deadline phrase whose year is in a deadline range.
    pub fn filter_ranges(&self, o: &Obligation) -> Vec<[usize; 2]> {
        let mut ranges = Vec::new();
        if !self.values.is_empty() {
            for m in &o.metrics {
                if !self.values.iter().any(|r| r.contains(m.value)) {
                    continue;
                }
                let number = number_in(&m.text, m.value);
                for at in char_positions(&o.text, &m.text) {
                    ranges.push(match number {
                        Some([s, e]) => [at + s, at + e],
                        None => [at, at + m.text.chars().count()],
                    });
                }
            }
        }
        for d in &o.deadlines {
            if self.deadlines.iter().any(|r| r.contains(f64::from(d.year))) {
                let len = d.text.chars().count();
                ranges.extend(char_positions(&o.text, &d.text).map(|at| [at, at + len]));
            }
        }
        ranges
    }
}

/// The character offsets where `needle` starts in `text`, without overlaps.
fn char_positions<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let needle = (!needle.is_empty()).then_some(needle);
    needle
        .into_iter()
        .flat_map(move |n| text.match_indices(n))
        .map(move |(byte, _)| text[..byte].chars().count())
}

/// The character range of the number printed in a metric's phrase that reads as `value`
/// (`出庭应诉率达到96.6%` → the characters of `96.6`), if there is one.
fn number_in(phrase: &str, value: f64) -> Option<[usize; 2]> {
    let chars: Vec<char> = phrase.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || matches!(chars[i], '.' | ',')) {
            i += 1;
        }
        // A sentence's full stop or a list's comma after the number is not part of it.
        let mut end = i;
        while end > start && matches!(chars[end - 1], '.' | ',') {
            end -= 1;
        }
        let digits: String = chars[start..end].iter().filter(|c| **c != ',').collect();
        if digits
            .parse::<f64>()
            .is_ok_and(|n| (n - value).abs() < 1e-9)
        {
            return Some([start, end]);
        }
    }
    None
}

/// The snippet of `text` for the query's highlight patterns, with `extra` ranges (what a
/// numeric filter matched) marked too.
pub(crate) fn snippet(
    analyzer: &Analyzer,
    text: &str,
    patterns: &[Pattern],
    extra: Vec<[usize; 2]>,
) -> Snippet {
    let mut ranges = matches(analyzer, text, patterns);
    if !extra.is_empty() {
        ranges.extend(extra);
        ranges = merged(ranges);
    }
    Snippet::around(text, ranges)
}

impl Snippet {
    /// The snippet of `text` with the character ranges `ranges` (sorted, apart) marked: the
    /// window of [`SNIPPET_CHARS`] characters around them that the index's hits show. Another
    /// engine's hits (`duban search --engine`) are cut by the same rule.
    pub fn around(text: &str, ranges: Vec<[usize; 2]>) -> Snippet {
        let chars: Vec<char> = text.chars().collect();
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

    /// [`Snippet::around`] ranges given in any order and possibly overlapping.
    pub fn around_any(text: &str, ranges: Vec<[usize; 2]>) -> Snippet {
        Snippet::around(text, merged(ranges))
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
    merged(ranges)
}

/// Ranges sorted, the overlapping and touching ones merged.
fn merged(mut ranges: Vec<[usize; 2]>) -> Vec<[usize; 2]> {
    ranges.sort();
    let mut out: Vec<[usize; 2]> = Vec::new();
    for r in ranges {
        match out.last_mut() {
            Some(last) if r[0] <= last[1] => last[1] = last[1].max(r[1]),
            _ => out.push(r),
        }
    }
    out
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
            Vec::new(),
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
            Vec::new(),
        );
        assert_eq!(marked(&s), "由市政府[法制]办负责");
    }

    #[test]
    fn a_phrase_is_highlighted_only_where_its_words_stand_together() {
        let s = snippet(
            &Analyzer::domain(),
            "复议决定；行政复议决定书",
            &[pattern(&[(0, "行政复议"), (4, "决定")])],
            Vec::new(),
        );
        assert_eq!(marked(&s), "复议决定；[行政复议决定]书");
    }

    #[test]
    fn a_long_text_is_cut_to_a_window_around_the_matches() {
        let text = format!("{}依法行政{}", "甲".repeat(400), "乙".repeat(400));
        let s = snippet(
            &Analyzer::domain(),
            &text,
            &[pattern(&[(0, "依法行政")])],
            Vec::new(),
        );
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
            Vec::new(),
        );
        assert_eq!(s.parts[0].text, "<script>alert(1)</script>");
        assert!(!s.parts[0].highlight);
    }

    fn metric(text: &str, indicator: &str, value: f64) -> Metric {
        serde_json::from_value(serde_json::json!({
            "text": text, "indicator": indicator, "op": ">=", "value": value, "unit": "%"
        }))
        .unwrap()
    }

    /// An obligation of a county plan with two metrics and a deadline.
    fn county_obligation() -> Obligation {
        let (_, obligations) = duban_testkit::sample::records().remove(0);
        let mut o = obligations[0].clone();
        o.text =
            "全县行政机关负责人出庭应诉率达到92.5%，行政复议纠错率控制在15%以内，2018年底前完成。"
                .into();
        o.metrics = vec![
            metric("出庭应诉率达到92.5%", "出庭应诉率", 92.5),
            metric("行政复议纠错率控制在15%以内", "行政复议纠错率", 15.0),
        ];
        o.deadlines = serde_json::from_value(serde_json::json!([
            {"text": "2018年底前", "year": 2018, "month": 12, "day": null, "bound": "by"}
        ]))
        .unwrap();
        o
    }

    fn at_least(v: f64) -> NumberRange {
        NumberRange {
            lower: Bound::Included(v),
            upper: Bound::Unbounded,
        }
    }

    fn text_of(o: &Obligation, [s, e]: [usize; 2]) -> String {
        o.text.chars().skip(s).take(e - s).collect()
    }

    #[test]
    fn the_number_of_a_metric_is_found_in_its_phrase_as_printed() {
        assert_eq!(number_in("出庭应诉率达到96.6%以上", 96.6), Some([7, 11]));
        assert_eq!(
            number_in("完成固定资产投资1,200亿元", 1200.0),
            Some([8, 13])
        );
        // The first number is not the value: the second is.
        assert_eq!(number_in("提高3个百分点，达到98.2%", 98.2), Some([10, 14]));
        // A full stop after the number is the sentence's.
        assert_eq!(number_in("覆盖率达到100.", 100.0), Some([5, 8]));
        assert_eq!(number_in("覆盖率达到九成", 90.0), None);
    }

    #[test]
    fn a_value_range_marks_the_number_of_each_metric_in_it() {
        let o = county_obligation();
        let marks = Marks {
            values: vec![at_least(90.0)],
            ..Marks::default()
        };
        let ranges = marks.filter_ranges(&o);
        let marked: Vec<String> = ranges.iter().map(|r| text_of(&o, *r)).collect();
        assert_eq!(marked, ["92.5"]);
        assert_eq!(marks.matched_metrics(&Analyzer::domain(), &o.metrics), [0]);
        let s = snippet(&Analyzer::domain(), &o.text, &[], ranges);
        assert!(s.parts.iter().any(|p| p.highlight && p.text == "92.5"));
    }

    #[test]
    fn a_deadline_range_marks_the_deadline_phrases_of_its_years() {
        let o = county_obligation();
        let mut marks = Marks {
            deadlines: vec![NumberRange {
                lower: Bound::Included(2016.0),
                upper: Bound::Included(2018.0),
            }],
            ..Marks::default()
        };
        let marked: Vec<String> = marks
            .filter_ranges(&o)
            .iter()
            .map(|r| text_of(&o, *r))
            .collect();
        assert_eq!(marked, ["2018年底前"]);
        marks.deadlines[0].upper = Bound::Excluded(2018.0);
        assert!(marks.filter_ranges(&o).is_empty());
    }

    #[test]
    fn metrics_matching_both_the_words_and_the_range_come_first() {
        let o = county_obligation();
        let marks = Marks {
            patterns: vec![pattern(&[(0, "行政复议")])],
            values: vec![at_least(10.0)],
            ..Marks::default()
        };
        // Both values are at least 10; only the second metric also names 行政复议.
        assert_eq!(
            marks.matched_metrics(&Analyzer::domain(), &o.metrics),
            [1, 0]
        );
    }
}
