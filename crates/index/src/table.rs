//! The comparison table of a search: one row per metric of the matching obligations, with its
//! region, year, comparator, value, unit, earliest deadline and responsible bodies, so that an
//! analyst reads the same indicator across cities and years side by side.
//!
//! For `出庭应诉率`, the Suzhou plan's obligation `行政机关负责人出庭应诉率达到90%以上` and the
//! Suzhou report's `出庭应诉率为96.6%` become two rows of the indicator `出庭应诉率`, one for
//! 2011–2015 (`>=` 90 %) and one for 2021 (`=` 96.6 %). Only the metrics the query matches
//! (its words, or a `value:` range holding the value) are listed when some metric of an
//! obligation matches (a query for `出庭应诉率` does not list the same obligation's
//! `复议纠错率`); an obligation whose metrics the query does not match (a query of other
//! filters only, `body:区政府法制办`) lists them all. Obligations without a metric have no row.
//!
//! Indicators are compared without the scope words that lead them (`indicator_words.tsv`'s
//! `scope`: `全市`, `全县`, `各级`, …, cut off while they are the first word as the analyzer cuts
//! the name): the Suzhou report's `全市行政机关负责人出庭应诉率` and the plan's
//! `各级行政机关负责人出庭应诉率` are rows of one indicator, `行政机关负责人出庭应诉率`, each
//! keeping its name as extracted in a column of its own.
//!
//! Rows are grouped by region (indicator, region, year) or by document (document, indicator),
//! and [`ComparisonTable::to_csv`] writes them as CSV. This module reads the index through
//! [`SearchIndex`]; it does not parse queries.

use crate::analyzer::Analyzer;
use crate::schema::DocumentSummary;
use crate::search::{SearchError, SearchIndex};
use duban_lexicon::{IndicatorWord, indicator_words};
use duban_model::{Metric, Obligation};
use serde::{Deserialize, Serialize};

/// Obligations a table reads at most (the best matches first).
pub const TABLE_OBLIGATIONS: usize = 10_000;

/// How the rows of a table are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TableGroup {
    /// By indicator, then region, then year: one indicator compared across places and years.
    #[default]
    Region,
    /// By document, then indicator: each document's metrics together.
    Document,
}

impl TableGroup {
    /// `region` or `document`.
    pub fn parse(s: &str) -> Result<Self, SearchError> {
        match s {
            "region" => Ok(TableGroup::Region),
            "document" => Ok(TableGroup::Document),
            other => Err(SearchError::Request {
                parameter: "group".to_string(),
                reason: format!("unknown grouping {other:?}: expected region or document"),
            }),
        }
    }
}

/// One metric of one obligation, with where and when it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableRow {
    /// The metric's indicator as compared: without the scope words leading it
    /// (`行政机关负责人出庭应诉率` for `全市行政机关负责人出庭应诉率`).
    pub indicator: String,
    /// The metric's indicator as extracted.
    pub extracted_indicator: String,
    /// The most specific region name of the document (county, city or province), if known.
    pub region: Option<String>,
    /// The region's GB/T 2260 code.
    pub region_code: Option<String>,
    /// The year the obligation is about.
    pub year: Option<i32>,
    /// The comparator (`>=`, `<=`, `=`, `increase`, `decrease`).
    pub op: String,
    /// The value.
    pub value: f64,
    /// The unit (`%`, `亿元`, …).
    pub unit: String,
    /// The metric as written (`出庭应诉率达到90%以上`).
    pub text: String,
    /// The obligation's earliest deadline as written (`2015年底前`), if any.
    pub deadline: Option<String>,
    /// The responsible bodies, joined by `、`.
    pub bodies: String,
    /// The obligation's id.
    pub obligation_id: String,
    /// The document's id.
    pub doc_id: String,
    /// The document's title.
    pub title: Option<String>,
}

/// The rows of a search's comparison table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComparisonTable {
    /// The query as given.
    pub query: String,
    /// How the rows are ordered.
    pub group: TableGroup,
    /// How many obligations match in all.
    pub obligations: usize,
    /// Whether more obligations match than the table read ([`TABLE_OBLIGATIONS`]).
    pub truncated: bool,
    /// The rows.
    pub rows: Vec<TableRow>,
}

/// The CSV columns, in order.
pub const TABLE_COLUMNS: [&str; 14] = [
    "indicator",
    "extracted_indicator",
    "region",
    "region_code",
    "year",
    "op",
    "value",
    "unit",
    "text",
    "deadline",
    "bodies",
    "obligation_id",
    "doc_id",
    "title",
];

impl SearchIndex {
    /// The comparison table of the obligations matching `query`.
    pub fn table(&self, query: &str, group: TableGroup) -> Result<ComparisonTable, SearchError> {
        let found = self.matching_obligations(query, TABLE_OBLIGATIONS)?;
        let truncated = found.total > found.records.len();
        let mut rows = Vec::new();
        for (o, doc) in &found.records {
            let matched: Vec<&Metric> = o
                .metrics
                .iter()
                .filter(|m| found.marks.metric_strength(self.analyzer(), m) > 0)
                .collect();
            let listed: Vec<&Metric> = if matched.is_empty() {
                o.metrics.iter().collect()
            } else {
                matched
            };
            rows.extend(
                listed
                    .into_iter()
                    .map(|m| row(o, doc, m, compared_indicator(self.analyzer(), &m.indicator))),
            );
        }
        sort_rows(&mut rows, group);
        Ok(ComparisonTable {
            query: query.to_string(),
            group,
            obligations: found.total,
            truncated,
            rows,
        })
    }
}

/// An indicator as the table compares it: without the scope words (`全市`, `各级`) that lead
/// it, each cut off while it is the first word of the name as the analyzer cuts it (so `全区域`
/// in `全区域覆盖率` is not `全区`) and at least two characters stay.
pub fn compared_indicator<'a>(analyzer: &Analyzer, indicator: &'a str) -> &'a str {
    let scopes = indicator_words().of(IndicatorWord::Scope);
    let mut rest = indicator;
    loop {
        let words = analyzer.query_words(rest);
        let Some(first) = words.first() else {
            return rest;
        };
        let after = &rest[first.end..];
        if first.start != 0 || !scopes.contains(&&rest[..first.end]) || after.chars().count() < 2 {
            return rest;
        }
        rest = after;
    }
}

fn row(o: &Obligation, doc: &DocumentSummary, m: &Metric, indicator: &str) -> TableRow {
    let region = o.region.as_ref().or(doc.region.as_ref());
    let deadline = o
        .deadlines
        .iter()
        .min_by_key(|d| (d.year, d.month, d.day))
        .map(|d| d.text.clone());
    TableRow {
        indicator: indicator.to_string(),
        extracted_indicator: m.indicator.clone(),
        region: region.and_then(|r| {
            r.county
                .clone()
                .or_else(|| r.city.clone())
                .or_else(|| r.province.clone())
        }),
        region_code: region.map(|r| r.code.clone()),
        year: o.year.or(doc.year),
        op: m.op.as_str().to_string(),
        value: m.value,
        unit: m.unit.clone(),
        text: m.text.clone(),
        deadline,
        bodies: o
            .bodies
            .iter()
            .map(|b| b.name.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        obligation_id: o.id.clone(),
        doc_id: doc.id.clone(),
        title: doc.title.clone(),
    }
}

/// Orders rows by the grouping, then by obligation id, so that the same index gives the same
/// table whatever the relevance order.
fn sort_rows(rows: &mut [TableRow], group: TableGroup) {
    match group {
        TableGroup::Region => rows.sort_by(|a, b| {
            (&a.indicator, &a.region, a.year, &a.obligation_id, &a.text).cmp(&(
                &b.indicator,
                &b.region,
                b.year,
                &b.obligation_id,
                &b.text,
            ))
        }),
        TableGroup::Document => rows.sort_by(|a, b| {
            (&a.doc_id, &a.indicator, a.year, &a.obligation_id, &a.text).cmp(&(
                &b.doc_id,
                &b.indicator,
                b.year,
                &b.obligation_id,
                &b.text,
            ))
        }),
    }
}

impl ComparisonTable {
    /// The rows as CSV (RFC 4180, UTF-8, a header row of [`TABLE_COLUMNS`]).
    pub fn to_csv(&self) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        // Writing into memory cannot fail; a failed record would only shorten the table.
        let _ = w.write_record(TABLE_COLUMNS);
        for r in &self.rows {
            let _ = w.write_record([
                r.indicator.as_str(),
                r.extracted_indicator.as_str(),
                r.region.as_deref().unwrap_or_default(),
                r.region_code.as_deref().unwrap_or_default(),
                &r.year.map(|y| y.to_string()).unwrap_or_default(),
                &r.op,
                &r.value.to_string(),
                &r.unit,
                &r.text,
                r.deadline.as_deref().unwrap_or_default(),
                &r.bodies,
                &r.obligation_id,
                &r.doc_id,
                r.title.as_deref().unwrap_or_default(),
            ]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_field_with_a_comma_or_quote_is_quoted_and_its_quotes_doubled() {
        let table = ComparisonTable {
            query: "出庭应诉率".into(),
            group: TableGroup::Region,
            obligations: 1,
            truncated: false,
            rows: vec![TableRow {
                indicator: "出庭应诉率".into(),
                extracted_indicator: "全市出庭应诉率".into(),
                region: Some("苏州市".into()),
                region_code: Some("320500".into()),
                year: Some(2015),
                op: ">=".into(),
                value: 90.0,
                unit: "%".into(),
                text: "称\"一把手\"出庭应诉率达到90%以上".into(),
                deadline: Some("2015年底前".into()),
                bodies: "市政府法制办,市司法局".into(),
                obligation_id: "o1".into(),
                doc_id: "d1".into(),
                title: None,
            }],
        };
        let csv = table.to_csv();
        let row = csv.lines().nth(1).unwrap();
        assert_eq!(
            row,
            "出庭应诉率,全市出庭应诉率,苏州市,320500,2015,>=,90,%,\"称\"\"一把手\"\"出庭应诉率达到90%以上\",\
             2015年底前,\"市政府法制办,市司法局\",o1,d1,"
        );
    }

    #[test]
    fn an_unknown_grouping_is_refused_by_name() {
        assert!(TableGroup::parse("city").is_err());
        assert_eq!(
            TableGroup::parse("document").ok(),
            Some(TableGroup::Document)
        );
    }

    fn compared(indicator: &str) -> &str {
        compared_indicator(&Analyzer::domain(), indicator)
    }

    #[test]
    fn a_city_wide_or_county_wide_scope_is_left_out_of_the_compared_indicator() {
        assert_eq!(
            compared("全市行政机关负责人出庭应诉率"),
            "行政机关负责人出庭应诉率"
        );
        assert_eq!(compared("全县城镇新增就业"), "城镇新增就业");
        assert_eq!(compared("全省地区生产总值"), "地区生产总值");
    }

    #[test]
    fn all_levels_and_our_city_are_scopes_too_also_one_after_the_other() {
        assert_eq!(
            compared("各级行政机关负责人出庭应诉率"),
            "行政机关负责人出庭应诉率"
        );
        assert_eq!(compared("我市空气质量优良天数比例"), "空气质量优良天数比例");
        assert_eq!(
            compared("全市各级行政机关行政复议纠错率"),
            "行政机关行政复议纠错率"
        );
    }

    #[test]
    fn a_scope_word_that_is_not_the_first_word_or_would_leave_too_little_stays() {
        // `全区域` is one word: its first two characters are no scope.
        assert_eq!(compared("全区域覆盖率"), "全区域覆盖率");
        // A scope inside the name is part of it.
        assert_eq!(compared("行政机关全市排名"), "行政机关全市排名");
        assert_eq!(compared("全市率"), "全市率");
        assert_eq!(compared("出庭应诉率"), "出庭应诉率");
    }
}
