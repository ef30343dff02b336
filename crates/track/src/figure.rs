//! Figures: the quantified phrases of a document's whole text, each a target or a result, with
//! the year it is for.
//!
//! A report states its targets and results not only in numbered items but in the lead-in
//! paragraphs of its plan part (`今年发展主要预期目标是：…`) and in its `——` bullets, so this
//! module reads every sentence of the text, not the obligations. The numbers, units, ops and
//! indicators are the extractor's ([`duban_extract::metric::metrics_in`], the same reading as an
//! obligation's metrics); what this module adds is the role and the year:
//!
//! - **Role.** A sentence holding a target word (`预期目标`, `力争`: `track_words.tsv`) states
//!   targets. Otherwise the part of the document it stands in tells: the last heading naming a
//!   review (`一、2021年工作回顾`) makes results, one naming a plan, goals or principles
//!   (`三、2022年政府工作任务`, `总体要求`) targets, one naming problems none (`sections.tsv`).
//!   Before any such heading a report's figures are results and another document's targets.
//! - **Year.** The last year printed in the sentence before the number (`2015年，…达到90%以上`;
//!   of a range, its end; a five-year plan's `“十四五”`, its last year), else a time word of the
//!   sentence (`今年`, `去年`), else a year opening the paragraph (`2021年，全市…`), else the
//!   year or time word of the part's heading, else the part's default year. Time words count
//!   from the year the document was delivered: its signature's date, else its page's, else its
//!   own year. A report reviews the year before it was delivered (or its own year where that
//!   is earlier: `关于2021年…工作的报告`, signed in 2022) and plans the year after that; a plan
//!   sets targets for its last year.
//!
//! It does not link figures across documents ([`crate::link`] does), nor read tables' target
//! columns as their own kind: a table row is read as a sentence like any other.

use crate::indicator::{Key, key_of_phrase};
use duban_extract::metric::metrics_in;
use duban_lexicon::{MetricWord, Section, TrackWord, metric_words, sections, track_words};
use duban_model::{DocKind, Document, Op, Region};
use duban_text::fold::Folded;
use regex::Regex;
use serde::Serialize;
use std::sync::LazyLock;

/// Whether a figure is a goal set or a result reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A goal set for a year: `国内生产总值增长5.5%左右`.
    Target,
    /// A result reported for a year: `国内生产总值增长8.1%`.
    Result,
}

/// One figure of a document: a metric with its role, its year and its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// The document it stands in.
    pub doc_id: String,
    /// The document's title.
    pub doc_title: Option<String>,
    /// The document's region.
    pub region: Option<Region>,
    /// Target or result.
    pub role: Role,
    /// The year it is for, when one can be told.
    pub year: Option<i32>,
    /// The measured quantity, as the extractor reads it.
    pub indicator: String,
    /// What it is matched on across documents.
    pub key: Key,
    /// The comparator.
    pub op: Op,
    /// The number.
    pub value: f64,
    /// The unit as printed.
    pub unit: String,
    /// The phrase as printed.
    pub text: String,
    /// The phrase's place in the document's text, in characters, end exclusive.
    pub span: [usize; 2],
}

/// The part of a document a line stands in, from the last heading naming one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// No heading has named a part yet.
    Opening,
    /// A review of the past: results.
    Review,
    /// A plan, goals or principles: targets.
    Plan,
    /// Problems and shortcomings: neither.
    Problem,
    /// A review and a plan under one heading (`“十三五”时期发展成就和“十四五”时期主要目标任务`):
    /// a figure for a year before the document's is a result, any other a target.
    Mixed,
}

/// The years a document's time words and parts count from.
#[derive(Debug, Clone, Copy)]
struct Years {
    /// The year it was delivered in (`今年`).
    delivered: Option<i32>,
    /// The year its review part is about.
    review: Option<i32>,
    /// The year its plan part is for.
    plan: Option<i32>,
}

impl Years {
    fn of(doc: &Document) -> Self {
        let delivered = doc.signed.or(doc.published).map(|d| d.year).or(doc.year);
        if doc.kind == DocKind::Report {
            let review = match (doc.year, delivered) {
                (Some(own), Some(d)) => Some(own.min(d - 1)),
                (own, d) => own.or(d.map(|d| d - 1)),
            };
            Years {
                delivered,
                review,
                plan: review.map(|y| y + 1),
            }
        } else {
            let start = doc.period.map(|p| p.start).or(doc.year);
            Years {
                delivered,
                review: start.map(|y| y - 1),
                plan: doc.period.map(|p| p.end).or(doc.year),
            }
        }
    }

    /// The year a time word names, if the text holds one.
    fn of_time_word(&self, text: &str) -> Option<i32> {
        let words = track_words();
        if words.list(TrackWord::NextYear).found_in(text) {
            self.review.map(|y| y + 1)
        } else if words.list(TrackWord::LastYear).found_in(text) {
            self.delivered.map(|y| y - 1)
        } else if words.list(TrackWord::ThisYear).found_in(text) {
            self.delivered
        } else {
            None
        }
    }
}

/// A year as printed (`2015年`, `2011―2015年`: the range's end), or a five-year plan's period
/// named by its number (`“十四五”`: its last year).
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})(?:\s*[-~―—–至到]\s*((?:19|20)\d{2}))?\s*年|十([一二三四])五")
        .expect("year pattern compiles")
});

/// The last year printed in `text` that dates what the text says: not one inside a cited title
/// (`《…(2015-2020年)》`) or a note in brackets (`（1990年不变价）`), nor the base of a
/// comparison (`比2020年增长`).
fn last_year_in(text: &str) -> Option<i32> {
    let mut last = None;
    for c in YEAR.captures_iter(text) {
        let at = c.get(0).map_or(0, |m| m.start());
        let before = &text[..at];
        if inside(before, '《', '》')
            || inside(before, '（', '）')
            || inside(before, '(', ')')
            || metric_words()
                .of(MetricWord::Comparison)
                .iter()
                .any(|w| before.ends_with(w))
        {
            continue;
        }
        last = if let Some(n) = c.get(3) {
            // 十一五 is 2006–2010, and each plan after it five years later.
            let n = "一二三四".find(n.as_str()).map_or(0, |i| i / 3) as i32 + 11;
            Some(2006 + 5 * (n - 11) + 4)
        } else {
            c.get(2)
                .or(c.get(1))
                .and_then(|m| m.as_str().parse::<i32>().ok())
        };
    }
    last
}

/// Whether the end of `before` stands inside an `open`…`close` pair.
fn inside(before: &str, open: char, close: char) -> bool {
    matches!((before.rfind(open), before.rfind(close)), (Some(o), c) if c.is_none_or(|c| c < o))
}

/// A heading's label at a line's start: `一、`, `（一）`, `第一部分`.
static HEADING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+(?:部分|章|篇))")
        .expect("heading pattern compiles")
});

/// The lead phrase of a heading line (up to its first `。`, `：` or `；`), if the line is one.
fn heading_of(line: &str) -> Option<&str> {
    let m = HEADING_LABEL.find(line)?;
    let rest = &line[m.end()..];
    let end = rest
        .find(['。', '：', ':', '；', ';'])
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// The part a heading names, if it names one.
fn part_of(heading: &str) -> Option<Part> {
    let s = sections();
    let review = s.list(Section::Review).found_in(heading);
    let plan = s.list(Section::Plan).found_in(heading)
        || s.list(Section::Principle).found_in(heading)
        || s.list(Section::Goals).found_in(heading);
    if s.list(Section::Problem).found_in(heading) {
        Some(Part::Problem)
    } else {
        match (review, plan) {
            (true, true) => Some(Part::Mixed),
            (true, false) => Some(Part::Review),
            (false, true) => Some(Part::Plan),
            (false, false) => None,
        }
    }
}

/// Splits a line into sentences at `。！？`, each with its byte offset in the line.
fn sentences(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    line.char_indices()
        .filter(|(_, c)| matches!(c, '。' | '！' | '？' | '!' | '?'))
        .map(|(i, c)| i + c.len_utf8())
        .chain(std::iter::once(line.len()))
        .filter_map(move |end| {
            let s = (start, &line[start..end]);
            start = end;
            (!s.1.trim().is_empty()).then_some(s)
        })
}

/// The figures of one document, in text order.
pub fn figures_of(doc: &Document) -> Vec<Figure> {
    let years = Years::of(doc);
    let mut part = Part::Opening;
    let mut part_year: Option<i32> = None;
    let mut out = Vec::new();
    let mut line_start = 0usize;
    for line in doc.text.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        let line = Folded::new(line);
        let folded = line.folded.as_str();
        if let Some(heading) = heading_of(folded)
            && let Some(p) = part_of(heading)
        {
            part = p;
            part_year = last_year_in(heading).or_else(|| years.of_time_word(heading));
        }
        if part == Part::Problem {
            continue;
        }
        let opening_year = opening_year(folded, &years);
        for (offset, sentence) in sentences(folded) {
            // The line's folding cut at the sentence: a sentence ends at `。！？`, never inside
            // a year, so it folds as on its own, and the text is not folded twice.
            let original = line.part(offset, offset + sentence.len());
            figures_of_sentence(
                &mut out,
                Place {
                    doc,
                    years: &years,
                    part,
                    part_year,
                    opening_year,
                    start: at + line.original_offset(offset),
                },
                &original,
            );
        }
    }
    out
}

/// The year a paragraph's opening clause names (`2021年，全市…`, `过去五年，…`), printed or by a
/// time word.
fn opening_year(paragraph: &str, years: &Years) -> Option<i32> {
    let body = paragraph.trim_start_matches(|c: char| c.is_whitespace() || c == '—');
    let end = body
        .find(['，', ',', '。', '：', ':'])
        .unwrap_or(body.len());
    let clause = &body[..end];
    // Only a short clause opens the paragraph with a time; a long one is the sentence itself.
    if clause.chars().count() > 12 {
        return None;
    }
    last_year_in(clause).or_else(|| years.of_time_word(clause))
}

/// Where a sentence stands: what its figures' role and year are read from.
struct Place<'a> {
    doc: &'a Document,
    years: &'a Years,
    part: Part,
    part_year: Option<i32>,
    opening_year: Option<i32>,
    /// Its byte offset in the document's text.
    start: usize,
}

fn figures_of_sentence(out: &mut Vec<Figure>, place: Place<'_>, sentence: &Folded<'_>) {
    let found = metrics_in(sentence);
    if found.is_empty() {
        return;
    }
    let doc = place.doc;
    let folded = sentence.folded.as_str();
    let target_word = track_words().list(TrackWord::Target).found_in(folded);
    let role = |year: Option<i32>| {
        if target_word {
            return Role::Target;
        }
        match place.part {
            Part::Review => Role::Result,
            Part::Plan => Role::Target,
            Part::Mixed if year.zip(place.years.delivered).is_some_and(|(y, d)| y < d) => {
                Role::Result
            }
            Part::Mixed => Role::Target,
            _ if doc.kind == DocKind::Report => Role::Result,
            _ => Role::Target,
        }
    };
    // Where the last figure was found, in the original sentence: a phrase printed twice is
    // found at its next place.
    let mut from = 0usize;
    for m in found {
        let key = key_of_phrase(&m.indicator, &m.text, m.op);
        if key.stem.is_empty() {
            continue;
        }
        let original = sentence.original;
        let at = original[from..]
            .find(m.text.as_str())
            .map_or(from, |i| from + i);
        from = at;
        let chars_before = original[..at].chars().count();
        let before: String = folded.chars().take(chars_before).collect();
        let told = last_year_in(&before)
            .or_else(|| place.years.of_time_word(&before))
            .or(place.opening_year)
            .or(place.part_year);
        let role = role(told);
        let year = told.or(match (place.part, role) {
            (Part::Review, _) | (Part::Opening, Role::Result) => place.years.review,
            _ => place.years.plan,
        });
        let start = doc.text[..place.start + at].chars().count();
        out.push(Figure {
            doc_id: doc.id.clone(),
            doc_title: doc.title.clone(),
            region: doc.region.clone(),
            role,
            year,
            span: [start, start + m.text.chars().count()],
            indicator: m.indicator,
            key,
            op: m.op,
            value: m.value,
            unit: m.unit,
            text: m.text,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use duban_model::Date;

    fn report(text: &str, year: i32, signed: Option<Date>) -> Document {
        Document {
            signed,
            ..Document::from_text("file:r.txt", DocKind::Report, Some(year), text)
        }
    }

    fn brief(figures: &[Figure]) -> Vec<(Role, Option<i32>, String, f64)> {
        figures
            .iter()
            .map(|f| (f.role, f.year, f.key.stem.clone(), f.value))
            .collect()
    }

    #[test]
    fn a_report_reviews_the_year_before_it_and_sets_targets_for_its_own() {
        let text = "一、2023年工作回顾\n全年地区生产总值增长4.6%，城镇新增就业21万人。\n二、2024年主要任务\n今年全市发展的主要预期目标是：地区生产总值增长5%左右；城镇新增就业20万人以上。\n";
        let got = brief(&figures_of(&report(text, 2024, None)));
        assert_eq!(
            got,
            [
                (Role::Result, Some(2023), "国内生产总值".into(), 4.6),
                (Role::Result, Some(2023), "城镇新增就业人数".into(), 21.0),
                (Role::Target, Some(2024), "国内生产总值".into(), 5.0),
                (Role::Target, Some(2024), "城镇新增就业人数".into(), 20.0),
            ]
        );
    }

    #[test]
    fn time_words_count_from_the_year_a_report_was_delivered() {
        // A report named by the year it reviews, delivered the next January.
        let signed = Date::new(2023, 1, 20);
        let text = "一、工作回顾\n去年，全区行政复议纠错率为12.5%。\n二、明年工作安排\n力争行政机关负责人出庭应诉率达到95%以上。\n";
        let got = brief(&figures_of(&report(text, 2022, signed)));
        assert_eq!(
            got,
            [
                (Role::Result, Some(2022), "行政复议纠错率".into(), 12.5),
                (
                    Role::Target,
                    Some(2023),
                    "行政机关负责人出庭应诉率".into(),
                    95.0
                ),
            ]
        );
    }

    #[test]
    fn a_plan_sets_targets_for_the_year_it_names_else_its_last_year() {
        let mut plan = Document::from_text(
            "file:p.txt",
            DocKind::Plan,
            Some(2016),
            "一、主要任务\n1.规范执法。到2018年，执法人员持证率达到98%以上；行政复议案件按期办结率保持100%。\n",
        );
        plan.period = Some(duban_model::Period {
            start: 2016,
            end: 2020,
        });
        let got = brief(&figures_of(&plan));
        assert_eq!(
            got,
            [
                (Role::Target, Some(2018), "执法人员持证率".into(), 98.0),
                (
                    Role::Target,
                    Some(2018),
                    "行政复议案件按期办结率".into(),
                    100.0
                ),
            ]
        );
    }

    #[test]
    fn a_five_year_plan_named_by_its_number_is_for_its_last_year() {
        assert_eq!(
            last_year_in("“十四五”时期，城镇调查失业率控制在"),
            Some(2025)
        );
        assert_eq!(last_year_in("十二五期间"), Some(2015));
        assert_eq!(last_year_in("2016—2020年"), Some(2020));
        assert_eq!(
            last_year_in("贯彻《纲要(2015-2020年)》，2019年"),
            Some(2019)
        );
        assert_eq!(last_year_in("落实《纲要(2015-2020年)》"), None);
        // A price base and a comparison's base date nothing said.
        assert_eq!(last_year_in("工业总产值（2010年不变价）"), None);
        assert_eq!(last_year_in("2019年粮食产量比2015年"), Some(2019));
    }

    #[test]
    fn problems_give_no_figures_and_a_target_word_makes_a_target_anywhere() {
        let text = "一、2021年工作回顾\n城镇调查失业率平均为5.3%。\n二、存在的问题\n中小企业贷款不良率上升到3.2%。\n";
        let got = brief(&figures_of(&report(text, 2022, None)));
        assert_eq!(
            got,
            [(Role::Result, Some(2021), "城镇调查失业率".into(), 5.3)]
        );
        let text = "今年经济增长预期目标为6%左右。\n";
        let got = brief(&figures_of(&report(text, 2022, None)));
        assert_eq!(
            got,
            [(Role::Target, Some(2022), "国内生产总值".into(), 6.0)]
        );
    }

    #[test]
    fn under_a_heading_of_review_and_plan_a_figure_before_the_year_delivered_is_a_result() {
        let text = "二、“十二五”时期发展成就和“十三五”时期主要目标\n过去五年，全市城镇新增就业120万人。\n“十三五”时期，城镇新增就业150万人以上。\n";
        let got = brief(&figures_of(&report(text, 2016, None)));
        assert_eq!(
            got,
            [
                (Role::Result, Some(2015), "城镇新增就业人数".into(), 120.0),
                (Role::Target, Some(2020), "城镇新增就业人数".into(), 150.0),
            ]
        );
    }

    #[test]
    fn a_year_opening_the_paragraph_dates_its_sentences() {
        let text = "一、主要成效\n2018年，全县启动“一网通办”改革。行政许可事项网上可办率达到92%。\n二、下一步工作\n网上可办率力争达到98%。\n";
        let got = brief(&figures_of(&report(text, 2019, Date::new(2020, 1, 8))));
        assert_eq!(
            got,
            [
                (
                    Role::Result,
                    Some(2018),
                    "行政许可事项网上可办率".into(),
                    92.0
                ),
                (Role::Target, Some(2020), "网上可办率".into(), 98.0),
            ]
        );
    }

    #[test]
    fn a_figures_span_is_its_phrase_in_the_documents_text() {
        let text = "一、2020年工作回顾\n各位代表！全年粮食产量1.3万亿斤。\n";
        let doc = report(text, 2021, None);
        let f = &figures_of(&doc)[0];
        let shown: String = doc
            .text
            .chars()
            .skip(f.span[0])
            .take(f.span[1] - f.span[0])
            .collect();
        assert_eq!(shown, f.text);
    }
}
