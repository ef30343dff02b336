//! What a search result carries of a long obligation: a window of its text and a few of its
//! metrics, so that a page of results stays small.
//!
//! One obligation in ten of the real documents runs over 1,000 characters, and a report's
//! review paragraph can hold dozens of metrics; sent whole, ten of them made answers of
//! 100 KB, most of it text the page never shows (it shows the snippet). A [`Hit`] of a search
//! therefore carries at most [`HIT_TEXT_CHARS`] characters of the obligation's text, a window
//! around the snippet (`text_start`, `text_chars` and `text_truncated` say where it lies in the
//! whole), and at most [`HIT_METRICS`] metrics, the matched ones first (`metrics_omitted`
//! counts the rest). The whole obligation is one request away: the document
//! ([`crate::SearchIndex::document`]) or the obligation ([`crate::SearchIndex::obligation`]).
//!
//! The comparison table and `duban export --query` read whole obligations; only the pages of
//! [`crate::SearchIndex::search`] are bounded.

use crate::search::Hit;

/// Most characters of an obligation's text a search hit carries (the snippet's window and
/// the text around it).
pub const HIT_TEXT_CHARS: usize = 400;
/// Most metrics of an obligation a search hit carries, the matched ones first.
pub const HIT_METRICS: usize = 8;

impl Hit {
    /// The hit with its obligation's text cut to a window around the snippet and its metrics
    /// to the matched ones and the first others, at most [`HIT_METRICS`] in all.
    pub fn bounded(mut self) -> Hit {
        let Some(o) = self.obligation.as_mut() else {
            return self;
        };
        let chars = o.text.chars().count();
        self.text_chars = chars;
        if chars > HIT_TEXT_CHARS {
            let [start, end] = text_window(
                [self.snippet.start, self.snippet.end],
                chars,
                HIT_TEXT_CHARS,
            );
            o.text = o.text.chars().skip(start).take(end - start).collect();
            self.text_start = start;
            self.text_truncated = true;
        }
        let matched = &self.matched_metrics;
        if o.metrics.len() > HIT_METRICS || !matched.is_empty() {
            let order = matched
                .iter()
                .copied()
                .chain((0..o.metrics.len()).filter(|i| !matched.contains(i)));
            let kept: Vec<_> = order
                .take(HIT_METRICS)
                .map(|i| o.metrics[i].clone())
                .collect();
            self.metrics_omitted = o.metrics.len() - kept.len();
            self.matched_metrics = (0..matched.len().min(HIT_METRICS)).collect();
            o.metrics = kept;
        }
        self
    }
}

/// The window of `width` characters of a text of `len` holding the snippet's window, the
/// room left shared before and after it.
fn text_window([start, end]: [usize; 2], len: usize, width: usize) -> [usize; 2] {
    if len <= width {
        return [0, len];
    }
    let room = width.saturating_sub(end.saturating_sub(start));
    let from = start.saturating_sub(room / 2).min(len - width);
    [from, from + width]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::highlight::Snippet;
    use duban_model::Metric;

    fn metric(indicator: &str, value: f64) -> Metric {
        serde_json::from_value(serde_json::json!({
            "text": format!("{indicator}达到{value}%"),
            "indicator": indicator, "op": ">=", "value": value, "unit": "%"
        }))
        .unwrap()
    }

    /// A hit of a long review paragraph with twelve metrics, the query matching the tenth.
    fn long_hit() -> Hit {
        let (doc, obligations) = duban_testkit::sample::records().remove(0);
        let mut o = obligations[0].clone();
        let before = "全面推进依法行政，".repeat(60);
        let after = "加强行政执法监督。".repeat(60);
        o.text = format!("{before}行政机关负责人出庭应诉率达到96.6%{after}");
        o.metrics = (0..12)
            .map(|i| metric(&format!("指标{i}"), i as f64))
            .collect();
        let at = before.chars().count();
        Hit {
            id: o.id.clone(),
            doc_id: doc.id.clone(),
            score: 1.0,
            obligation: Some(o),
            progress: None,
            document: crate::DocumentSummary::of(&doc),
            snippet: Snippet {
                parts: Vec::new(),
                start: at - 20,
                end: at + 140,
                highlights: vec![[at + 7, at + 12]],
            },
            matched_metrics: vec![9],
            text_chars: 0,
            text_start: 0,
            text_truncated: false,
            metrics_omitted: 0,
        }
    }

    #[test]
    fn a_long_text_is_cut_to_a_window_holding_the_snippet() {
        let hit = long_hit().bounded();
        let o = hit.obligation.as_ref().unwrap();
        assert!(hit.text_truncated);
        assert_eq!(hit.text_chars, 540 + 19 + 540);
        assert_eq!(o.text.chars().count(), HIT_TEXT_CHARS);
        // The snippet's window lies inside the text sent, at the offsets it names.
        assert!(hit.text_start <= hit.snippet.start);
        assert!(hit.snippet.end <= hit.text_start + HIT_TEXT_CHARS);
        let whole = long_hit().obligation.unwrap().text;
        let expected: String = whole
            .chars()
            .skip(hit.text_start)
            .take(HIT_TEXT_CHARS)
            .collect();
        assert_eq!(o.text, expected);
        assert!(o.text.contains("出庭应诉率达到96.6%"));
    }

    #[test]
    fn the_matched_metrics_come_first_and_the_rest_are_counted() {
        let hit = long_hit().bounded();
        let o = hit.obligation.as_ref().unwrap();
        assert_eq!(o.metrics.len(), HIT_METRICS);
        assert_eq!(o.metrics[0].indicator, "指标9");
        assert_eq!(o.metrics[1].indicator, "指标0");
        assert_eq!(hit.matched_metrics, [0]);
        assert_eq!(hit.metrics_omitted, 12 - HIT_METRICS);
    }

    #[test]
    fn a_short_obligation_is_sent_whole() {
        let mut hit = long_hit();
        let o = hit.obligation.as_mut().unwrap();
        o.text = "市政府部门负责人出庭应诉率为100%。".into();
        o.metrics.truncate(2);
        hit.snippet.start = 0;
        hit.snippet.end = 19;
        hit.matched_metrics.clear();
        let whole = hit.obligation.clone().unwrap();
        let hit = hit.bounded();
        assert_eq!(hit.obligation.as_ref(), Some(&whole));
        assert!(!hit.text_truncated);
        assert_eq!((hit.text_start, hit.text_chars), (0, 19));
        assert_eq!(hit.metrics_omitted, 0);
    }

    #[test]
    fn the_window_stays_inside_the_text_at_either_end() {
        assert_eq!(text_window([0, 160], 1000, 400), [0, 400]);
        assert_eq!(text_window([900, 1000], 1000, 400), [600, 1000]);
        assert_eq!(text_window([500, 660], 1000, 400), [380, 780]);
        assert_eq!(text_window([0, 10], 300, 400), [0, 300]);
    }
}
