//! Duban's query language in Solr's standard (Lucene) query syntax, and a search over the
//! engine that answers with the embedded index's [`SearchResponse`].
//!
//! The query is parsed by the embedded index's own parser ([`duban_index::query::parse`]), so
//! both engines read the same expression; only its leaves are written differently:
//!
//! - words: each word the embedded analyzer cuts from the query (`Analyzer::query_words`)
//!   must stand in the field's single-character copy as a phrase (`text_chars:"出庭应诉率"`),
//!   which is where the embedded index finds it too (as a word, or as the sequence of its
//!   characters); an optional clause on the smartcn field (`text:(…)`) adds relevance;
//! - a quoted phrase: the whole phrase on the single-character copy;
//! - keyword filters, facet values: exact terms; ranges: Solr ranges, `[`/`{` as given;
//! - boolean structure: `+` (must), `-` (must not), bare (should), with `*:*` beside a group of
//!   exclusions only, as the embedded compiler adds `AllQuery`;
//! - sorting: the same keys, ties by id ascending on both engines.
//!
//! Totals equal the embedded index's wherever a word the index holds whole is not also found
//! inside longer words of other records, and so do pages sorted by deadline or year (no score
//! takes part); relevance scores, and so the order of results sorted by relevance, differ
//! (BM25 over other terms). Snippets mark the query's words where they
//! stand in the text; the embedded index's suggestions (`Did you mean`) are not offered.

use crate::{DOCUMENTS, EngineError, OBLIGATIONS, Solr};
use duban_index::query::{Expr, FieldName, Occur, parse};
use duban_index::schema::FACET_DIMENSIONS;
use duban_index::search::FACET_VALUES;
use duban_index::{
    Analyzer, DocumentSummary, FacetCount, Facets, Hit, MAX_LIMIT, MAX_WINDOW, SearchRequest,
    SearchResponse, Snippet, Sort, Target,
};
use duban_model::{Document, Obligation};
use serde_json::Value;
use std::ops::Bound;

/// The Solr query of an expression, and the words it looks for in text (for snippets).
pub fn translate(expr: &Expr, analyzer: &Analyzer) -> (String, Vec<String>) {
    let mut words = Vec::new();
    let q = write(expr, analyzer, false, &mut words);
    (q, words)
}

fn write(expr: &Expr, analyzer: &Analyzer, negated: bool, words: &mut Vec<String>) -> String {
    match expr {
        Expr::All => "*:*".into(),
        Expr::Text {
            field,
            value,
            phrase,
        } => {
            let name = text_field(*field);
            let pieces: Vec<String> = if *phrase {
                vec![value.clone()]
            } else {
                analyzer
                    .query_words(value)
                    .into_iter()
                    .map(|w| w.text)
                    .collect()
            };
            if !negated
                && matches!(
                    field,
                    FieldName::Text | FieldName::Body | FieldName::Indicator
                )
            {
                words.extend(pieces.iter().cloned());
            }
            let mut clauses: Vec<String> = pieces
                .iter()
                .map(|p| format!("+{name}_chars:{}", quoted(p)))
                .collect();
            clauses.push(format!("{name}:({})", escaped(value)));
            format!("({})", clauses.join(" "))
        }
        Expr::Term { field, value } => format!("{}:{}", keyword_field(*field), quoted(value)),
        Expr::Facet { dimension, value } => format!("facet_{dimension}:{}", quoted(value)),
        Expr::HasValue { field } => format!("{}:[* TO *]", field.name()),
        Expr::Range {
            field,
            lower,
            upper,
        } => {
            let number = |v: f64| match field {
                FieldName::Value => format!("{v}"),
                // Whole-number fields: the embedded compiler truncates the same way.
                _ => format!("{}", v as i64),
            };
            let (open, low) = match lower {
                Bound::Included(v) => ('[', number(*v)),
                Bound::Excluded(v) => ('{', number(*v)),
                Bound::Unbounded => ('[', "*".into()),
            };
            let (close, high) = match upper {
                Bound::Included(v) => (']', number(*v)),
                Bound::Excluded(v) => ('}', number(*v)),
                Bound::Unbounded => (']', "*".into()),
            };
            format!("{}:{open}{low} TO {high}{close}", field.name())
        }
        Expr::Bool(clauses) => {
            let mut parts: Vec<String> = clauses
                .iter()
                .map(|(occur, e)| {
                    let inner = write(e, analyzer, negated ^ (*occur == Occur::MustNot), words);
                    match occur {
                        Occur::Must => format!("+{inner}"),
                        Occur::MustNot => format!("-{inner}"),
                        Occur::Should => inner,
                    }
                })
                .collect();
            if clauses.iter().all(|(o, _)| *o == Occur::MustNot) {
                parts.push("+*:*".into());
            }
            format!("({})", parts.join(" "))
        }
    }
}

fn text_field(field: FieldName) -> &'static str {
    match field {
        FieldName::Heading => "heading",
        FieldName::Title => "title",
        FieldName::Path => "path",
        FieldName::Body => "body",
        FieldName::Indicator => "indicator",
        _ => "text",
    }
}

fn keyword_field(field: FieldName) -> &'static str {
    match field {
        FieldName::Doc => "doc_id",
        other => other.name(),
    }
}

/// A value as a quoted Lucene term or phrase.
pub(crate) fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// A value with every character of Lucene's syntax escaped, as free text.
fn escaped(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if "\\+-!():^[]\"{}~*?|&/".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    // The operator words would be read as operators.
    out.split(' ')
        .map(|w| match w {
            "AND" | "OR" | "NOT" => format!("\\{w}"),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Solr's sort of a [`Sort`]: the embedded index's order, ties by id ascending on both. A
/// deadline or year sort has no score in it (the engines' scores differ), so its order is
/// fully defined by the records and the same on both; Solr sorts the multi-valued `deadline`
/// by its smallest value ascending, its largest descending, as the embedded index does, and
/// puts records without one last (`sortMissingLast` in the schema).
fn sort_param(sort: Sort) -> &'static str {
    match sort {
        Sort::Relevance => "score desc,id asc",
        Sort::Deadline { descending: false } => "deadline asc,id asc",
        Sort::Deadline { descending: true } => "deadline desc,id asc",
        Sort::Year { descending: false } => "year asc,id asc",
        Sort::Year { descending: true } => "year desc,id asc",
    }
}

/// Answers a search request from the engine (see the module docs for what differs from the
/// embedded index).
pub fn search(
    solr: &Solr,
    request: &SearchRequest,
    analyzer: &Analyzer,
) -> Result<SearchResponse, EngineError> {
    if request.limit == 0 || request.limit > MAX_LIMIT {
        return Err(EngineError::Request(format!(
            "limit: {} is out of range; use 1 to {MAX_LIMIT}",
            request.limit
        )));
    }
    if request.offset.saturating_add(request.limit) > MAX_WINDOW {
        return Err(EngineError::Request(format!(
            "offset {} + limit {} goes deeper than {MAX_WINDOW} results",
            request.offset, request.limit
        )));
    }
    let collection = match request.target {
        Target::Obligations => OBLIGATIONS,
        Target::Documents => DOCUMENTS,
        Target::Progress => {
            return Err(EngineError::Request(
                "tracked targets (--progress) are not shipped to the engine; search them in the data folder".into(),
            ));
        }
    };
    let expr = parse(&request.query)?;
    let (q, words) = translate(&expr, analyzer);
    let mut params: Vec<(&str, String)> = vec![
        ("q", q),
        ("q.op", "OR".into()),
        ("df", "text".into()),
        ("fl", "id,doc_id,json,summary,score".into()),
        ("start", request.offset.to_string()),
        ("rows", request.limit.to_string()),
        ("sort", sort_param(request.sort).into()),
        ("facet", "true".into()),
        ("facet.limit", FACET_VALUES.to_string()),
        ("facet.mincount", "1".into()),
        ("facet.sort", "count".into()),
    ];
    for dim in FACET_DIMENSIONS {
        params.push(("facet.field", format!("facet_{dim}")));
    }
    let answer = solr.select(collection, &params)?;
    let bad = |reason: &str| EngineError::Answer {
        url: solr.url().to_string(),
        reason: reason.to_string(),
    };
    let total = answer["response"]["numFound"]
        .as_u64()
        .ok_or_else(|| bad("no response.numFound"))?;
    let docs = answer["response"]["docs"]
        .as_array()
        .ok_or_else(|| bad("no response.docs"))?;
    let hits = docs
        .iter()
        .map(|d| hit(d, request.target, &words))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(&e))?;
    Ok(SearchResponse {
        query: request.query.clone(),
        target: request.target,
        sort: request.sort.as_str().to_string(),
        offset: request.offset,
        limit: request.limit,
        total: usize::try_from(total).unwrap_or(usize::MAX),
        hits,
        facets: facets(&answer["facet_counts"]["facet_fields"]),
        suggestion: None,
    })
}

fn hit(d: &Value, target: Target, words: &[String]) -> Result<Hit, String> {
    let field = |name: &str| {
        d[name]
            .as_str()
            .ok_or_else(|| format!("a result without `{name}` (was it shipped by duban ship?)"))
    };
    let summary: DocumentSummary =
        serde_json::from_str(field("summary")?).map_err(|e| format!("summary: {e}"))?;
    let json = field("json")?;
    let (obligation, text) = match target {
        Target::Documents => {
            let doc: Document = serde_json::from_str(json).map_err(|e| format!("json: {e}"))?;
            (None, doc.text)
        }
        _ => {
            let o: Obligation = serde_json::from_str(json).map_err(|e| format!("json: {e}"))?;
            let text = o.text.clone();
            (Some(o), text)
        }
    };
    Ok(Hit {
        id: field("id")?.to_string(),
        doc_id: field("doc_id")?.to_string(),
        score: d["score"].as_f64().unwrap_or_default() as f32,
        obligation,
        progress: None,
        document: summary,
        snippet: snippet(&text, words),
        matched_metrics: Vec::new(),
        text_chars: 0,
        text_start: 0,
        text_truncated: false,
        metrics_omitted: 0,
    }
    // Bounded as the embedded index bounds its hits: the same page either way.
    .bounded())
}

/// The facet counts of Solr's `facet_fields` (`[value, count, value, count, …]`).
fn facets(fields: &Value) -> Facets {
    let mut out = Facets::new();
    for dim in FACET_DIMENSIONS {
        let values = fields[format!("facet_{dim}")]
            .as_array()
            .map(|pairs| {
                pairs
                    .chunks(2)
                    .filter_map(|p| {
                        Some(FacetCount {
                            value: p.first()?.as_str()?.to_string(),
                            count: p.get(1)?.as_u64()?,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.insert(dim.to_string(), values);
    }
    out
}

/// A window of `text` around the first of the query's words, each place a word stands marked.
fn snippet(text: &str, words: &[String]) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().flat_map(|c| c.to_lowercase()).collect();
    let mut ranges: Vec<[usize; 2]> = Vec::new();
    // Lower-casing a character may give several (rare outside Latin): then offsets would
    // not line up, and nothing is marked.
    if lower.len() == chars.len() {
        for w in words {
            let w: Vec<char> = w.chars().collect();
            if w.is_empty() || w.len() > lower.len() {
                continue;
            }
            for start in 0..=lower.len() - w.len() {
                if lower[start..start + w.len()] == w[..] {
                    ranges.push([start, start + w.len()]);
                }
            }
        }
    }
    Snippet::around_any(text, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn solr_query(q: &str) -> String {
        let expr = parse(q).expect("a valid query");
        translate(&expr, &Analyzer::domain()).0
    }

    #[test]
    fn a_word_must_stand_in_the_character_copy() {
        let q = solr_query("出庭应诉率");
        assert!(q.contains("+text_chars:\"出庭应诉率\""), "{q}");
        assert!(q.contains("text:(出庭应诉率)"), "{q}");
    }

    #[test]
    fn a_body_filter_looks_in_the_body_field() {
        let q = solr_query("body:区政府法制办");
        assert!(q.starts_with("(+body_chars:"), "{q}");
    }

    #[test]
    fn a_phrase_stays_one_phrase() {
        let q = solr_query("\"依法行政工作\"");
        assert!(q.contains("+text_chars:\"依法行政工作\""), "{q}");
    }

    #[test]
    fn every_sort_ends_on_the_id_and_only_relevance_reads_the_score() {
        for sort in ["relevance", "deadline", "-deadline", "year", "-year"] {
            let param = sort_param(Sort::parse(sort).unwrap());
            assert!(param.ends_with(",id asc"), "{sort}: {param}");
            assert_eq!(
                param.contains("score"),
                sort == "relevance",
                "{sort}: {param}"
            );
        }
        assert_eq!(
            sort_param(Sort::Deadline { descending: true }),
            "deadline desc,id asc"
        );
        assert_eq!(
            sort_param(Sort::Year { descending: false }),
            "year asc,id asc"
        );
    }

    #[test]
    fn ranges_keep_their_brackets_and_open_ends() {
        assert_eq!(
            solr_query("deadline:[2015 TO 2020]"),
            "deadline:[2015 TO 2020]"
        );
        assert_eq!(solr_query("value:>=90"), "value:[90 TO *]");
        assert_eq!(solr_query("year:{2016 TO *}"), "year:{2016 TO *]");
        assert_eq!(solr_query("year:[* TO *]"), "year:[* TO *]");
    }

    #[test]
    fn filters_and_exclusions_keep_their_occurrence() {
        assert_eq!(
            solr_query("kind:task -city:苏州市"),
            "(+kind:\"task\" -city:\"苏州市\")"
        );
        assert_eq!(solr_query("-kind:task"), "(-kind:\"task\" +*:*)");
        assert_eq!(solr_query("region:3205"), "region:\"320500\"");
    }

    #[test]
    fn lucene_syntax_in_free_text_is_escaped() {
        assert_eq!(escaped("a+b (c) OR"), "a\\+b \\(c\\) \\OR");
    }

    #[test]
    fn a_snippet_marks_each_place_a_word_stands() {
        let s = snippet("推进出庭应诉，提高出庭应诉率。", &["出庭应诉".to_string()]);
        assert_eq!(s.highlights, vec![[2, 6], [9, 13]]);
        assert!(s.parts.iter().filter(|p| p.highlight).count() == 2);
    }
}
