//! The figures of a grading, in the shape of `score.py --json`, and their text form as
//! `score.py` prints it (with `--verbose`, the miss lines first).
//!
//! This module does not grade; `grade` fills these in.

use crate::text::{py_float_repr, py_round};
use serde::{Deserialize, Serialize};

/// Precision, recall and F1 of one kind of item, rounded to 4 decimals as the scorer rounds
/// them, with the counts they come from.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Score {
    /// Precision: `tp / (tp + fp)`; 1 when nothing was predicted and nothing missed.
    pub p: f64,
    /// Recall: `tp / (tp + fn)`; 1 when there was nothing to find.
    pub r: f64,
    /// Harmonic mean of `p` and `r` (from their unrounded values).
    pub f1: f64,
    /// Items found (true positives).
    pub tp: usize,
    /// Items predicted that gold does not hold (false positives).
    pub fp: usize,
    /// Gold items not found (false negatives); `fn` in JSON.
    #[serde(rename = "fn")]
    pub fn_: usize,
}

/// Counts of found, extra and missed items, as the scorer's `F1` class keeps them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tally {
    pub(crate) tp: usize,
    pub(crate) fp: usize,
    pub(crate) fn_: usize,
}

impl Tally {
    /// Counts one item's gold and predicted values as multisets: each gold value takes the
    /// first equal predicted value not yet taken.
    pub(crate) fn add<T: PartialEq>(&mut self, gold: &[T], pred: &[T]) {
        let mut rest: Vec<&T> = pred.iter().collect();
        for g in gold {
            match rest.iter().position(|p| *p == g) {
                Some(i) => {
                    rest.remove(i);
                    self.tp += 1;
                }
                None => self.fn_ += 1,
            }
        }
        self.fp += rest.len();
    }

    /// The scores, with the scorer's conventions for empty counts.
    pub(crate) fn score(&self) -> Score {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if self.tp + self.fp > 0 {
            tp / (tp + fp)
        } else if self.fn_ == 0 {
            1.0
        } else {
            0.0
        };
        let r = if self.tp + self.fn_ > 0 {
            tp / (tp + fn_)
        } else {
            1.0
        };
        let f1 = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Score {
            p: py_round(p, 4),
            r: py_round(r, 4),
            f1: py_round(f1, 4),
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
        }
    }
}

/// The share of gold documents whose field equals the prediction's, per document field;
/// `None` where no gold file gives the field.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct DocumentFieldScores {
    /// `title`, compared after `norm`.
    pub title: Option<f64>,
    /// `doc_number`, compared after NFKC, `[]` → `〔〕` and spaces removed.
    pub doc_number: Option<f64>,
    /// `issuer`.
    pub issuer: Option<f64>,
    /// `region.code`.
    pub region: Option<f64>,
    /// `kind`.
    pub kind: Option<f64>,
    /// `published`.
    pub published: Option<f64>,
    /// `signed`.
    pub signed: Option<f64>,
    /// `period` as `(start, end)`.
    pub period: Option<f64>,
    /// `year`.
    pub year: Option<f64>,
}

impl DocumentFieldScores {
    /// The fields in the scorer's order, with their scores.
    pub fn entries(&self) -> [(&'static str, Option<f64>); 9] {
        [
            ("title", self.title),
            ("doc_number", self.doc_number),
            ("issuer", self.issuer),
            ("region", self.region),
            ("kind", self.kind),
            ("published", self.published),
            ("signed", self.signed),
            ("period", self.period),
            ("year", self.year),
        ]
    }

    pub(crate) fn set(&mut self, field: &str, value: Option<f64>) {
        let slot = match field {
            "title" => &mut self.title,
            "doc_number" => &mut self.doc_number,
            "issuer" => &mut self.issuer,
            "region" => &mut self.region,
            "kind" => &mut self.kind,
            "published" => &mut self.published,
            "signed" => &mut self.signed,
            "period" => &mut self.period,
            "year" => &mut self.year,
            _ => return,
        };
        *slot = value;
    }
}

/// One gold document's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentResult {
    /// The gold file's `source` (the file name the prediction was paired by).
    pub source: String,
    /// Whether the export holds a document with that source.
    pub found: bool,
    /// The document's obligation scores; `None` for a gold file that grades document fields
    /// only (one without `obligations`).
    pub obligations: Option<Score>,
}

/// The figures of a grading: the same fields, order and values as `score.py --json`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EvalReport {
    /// Obligations matched one to one by heading.
    pub obligations: Score,
    /// `(year, month, day)` of each matched item's deadlines.
    pub deadlines: Score,
    /// `(every, n, times)` of recurrences.
    pub recurrences: Score,
    /// `(value, unit, op)` of metrics.
    pub metrics: Score,
    /// Normalised `name` of bodies.
    pub bodies: Score,
    /// Share of matched obligations with the gold `kind`; `None` when none matched.
    pub kind_accuracy: Option<f64>,
    /// Share of metrics matched on `(value, unit, op)` whose indicator is close to gold
    /// (bigram Dice ≥ 0.5); `None` when no metric matched.
    pub indicator_accuracy: Option<f64>,
    /// Document field accuracy.
    pub document_fields: DocumentFieldScores,
    /// Per gold document, in gold file name order.
    pub documents: Vec<DocumentResult>,
    /// The scorer's `--verbose` lines (missed and extra items, differing fields), in its
    /// order. Not part of the JSON.
    #[serde(skip)]
    pub misses: Vec<String>,
}

/// Python's `str()` of an optional float: `None` or its `repr`.
fn py_opt(v: Option<f64>) -> String {
    v.map_or_else(|| "None".to_string(), py_float_repr)
}

impl EvalReport {
    /// How many gold documents were found in the export.
    pub fn documents_found(&self) -> usize {
        self.documents.iter().filter(|d| d.found).count()
    }

    /// The report as `score.py` prints it; with `verbose`, the miss lines first.
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        if verbose {
            for m in &self.misses {
                out.push_str(m);
                out.push('\n');
            }
        }
        for (name, s) in [
            ("obligations", &self.obligations),
            ("deadlines", &self.deadlines),
            ("recurrences", &self.recurrences),
            ("metrics", &self.metrics),
            ("bodies", &self.bodies),
        ] {
            out.push_str(&format!(
                "{name:<12} P={:.3} R={:.3} F1={:.3}  (tp {} fp {} fn {})\n",
                s.p, s.r, s.f1, s.tp, s.fp, s.fn_
            ));
        }
        out.push_str(&format!(
            "kind accuracy {}  indicator accuracy {}\n",
            py_opt(self.kind_accuracy),
            py_opt(self.indicator_accuracy)
        ));
        let fields: Vec<String> = self
            .document_fields
            .entries()
            .iter()
            .map(|(f, v)| format!("{f}={}", py_opt(*v)))
            .collect();
        out.push_str(&format!("document fields {}\n", fields.join(" ")));
        out.push_str(&format!(
            "documents found {}/{}\n",
            self.documents_found(),
            self.documents.len()
        ));
        out
    }

    /// The report as `score.py --json` prints it (`json.dumps(indent=1)`), without the final
    /// newline.
    pub fn to_json(&self) -> String {
        let mut buf = Vec::new();
        let mut ser = serde_json::Serializer::with_formatter(
            &mut buf,
            serde_json::ser::PrettyFormatter::with_indent(b" "),
        );
        // Serialising plain numbers, strings and options into memory cannot fail.
        if self.serialize(&mut ser).is_err() {
            return String::new();
        }
        String::from_utf8(buf).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tally_matches_gold_and_predictions_as_multisets() {
        let mut t = Tally::default();
        t.add(
            &["区司法局", "区司法局", "区财政局"],
            &["区司法局", "区法院"],
        );
        assert_eq!((t.tp, t.fp, t.fn_), (1, 1, 2));
    }

    #[test]
    fn nothing_predicted_and_nothing_to_find_scores_one() {
        let s = Tally::default().score();
        assert_eq!((s.p, s.r, s.f1), (1.0, 1.0, 1.0));
    }

    #[test]
    fn nothing_predicted_with_something_to_find_scores_zero() {
        let s = Tally {
            tp: 0,
            fp: 0,
            fn_: 3,
        }
        .score();
        assert_eq!((s.p, s.r, s.f1), (0.0, 0.0, 0.0));
    }

    #[test]
    fn f1_comes_from_unrounded_precision_and_recall() {
        // p = 2/3, r = 2/7: f1 = 0.4 exactly from the unrounded values.
        let s = Tally {
            tp: 2,
            fp: 1,
            fn_: 5,
        }
        .score();
        assert_eq!((s.p, s.r, s.f1), (0.6667, 0.2857, 0.4));
    }

    fn sample() -> EvalReport {
        let mut r = EvalReport {
            obligations: Tally {
                tp: 13,
                fp: 3,
                fn_: 0,
            }
            .score(),
            kind_accuracy: Some(0.8125),
            misses: vec!["a.txt: missed 1、 加强督查".into()],
            documents: vec![DocumentResult {
                source: "a.txt".into(),
                found: true,
                obligations: None,
            }],
            ..EvalReport::default()
        };
        r.document_fields.set("year", Some(1.0));
        r
    }

    #[test]
    fn render_prints_the_scorers_lines() {
        let text = sample().render(false);
        let lines: Vec<&str> = text.lines().collect();
        // 13/16 = 0.8125 prints as 0.812 (ties to even), as Python's `:.3f` does.
        assert_eq!(
            lines[0],
            "obligations  P=0.812 R=1.000 F1=0.897  (tp 13 fp 3 fn 0)"
        );
        assert_eq!(
            lines[1],
            "deadlines    P=0.000 R=0.000 F1=0.000  (tp 0 fp 0 fn 0)"
        );
        assert_eq!(lines[5], "kind accuracy 0.8125  indicator accuracy None");
        assert_eq!(
            lines[6],
            "document fields title=None doc_number=None issuer=None region=None kind=None published=None signed=None period=None year=1.0"
        );
        assert_eq!(lines[7], "documents found 1/1");
        assert_eq!(lines.len(), 8);
    }

    #[test]
    fn render_verbose_puts_the_misses_first() {
        let text = sample().render(true);
        assert!(text.starts_with("a.txt: missed 1、 加强督查\nobligations "));
    }

    #[test]
    fn json_has_the_scorers_shape_and_indentation() {
        let json = sample().to_json();
        assert!(
            json.starts_with("{\n \"obligations\": {\n  \"p\": 0.8125,\n"),
            "{json}"
        );
        assert!(json.contains("\n  \"fn\": 0\n"));
        assert!(json.contains("\"kind_accuracy\": 0.8125,\n \"indicator_accuracy\": null,"));
        assert!(json.contains("\"obligations\": null\n"));
        assert!(!json.contains("misses"));
        let keys: Vec<String> =
            serde_json::from_str::<serde_json::Value>(&json).unwrap()["document_fields"]
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect();
        assert_eq!(keys.len(), 9);
    }
}
