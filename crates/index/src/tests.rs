//! Tests of the index as a whole: writing the sample records and searching them.

use crate::*;
use duban_testkit::sample;
use std::path::Path;
use tantivy::Term;

fn build(dir: &Path) -> ObligationIndex {
    let mut w = ObligationIndex::open(dir).unwrap();
    for (doc, obligations) in sample::records() {
        w.upsert(&doc, &obligations).unwrap();
    }
    w.commit().unwrap();
    w
}

fn sample_index() -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    drop(build(dir.path()));
    let r = SearchIndex::open(dir.path()).unwrap();
    (dir, r)
}

fn ids(r: &SearchIndex, query: &str) -> Vec<String> {
    let mut req = SearchRequest::new(query);
    req.limit = MAX_LIMIT;
    let mut out: Vec<String> = r
        .search(&req)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect();
    out.sort();
    out
}

const SUZHOU: &str = "file:sample/suzhou-2021.txt";
const ZHAOHUA: &str = "file:sample/zhaohua-2013.txt";
const WUXI: &str = "file:sample/wuxi-2016.txt";
const HANGZHOU: &str = "file:sample/hangzhou-2019.txt";

fn ob(doc: &str, n: usize) -> String {
    format!("{doc}#{n}.")
}

#[test]
fn a_domain_word_finds_every_obligation_that_mentions_it() {
    let (_d, r) = sample_index();
    assert_eq!(
        ids(&r, "出庭应诉率"),
        [ob(SUZHOU, 1), ob(SUZHOU, 2), ob(WUXI, 2)]
    );
}

#[test]
fn matching_ids_are_the_whole_result_set_of_obligations_or_documents() {
    let (_d, r) = sample_index();
    assert_eq!(
        r.matching_ids("出庭应诉率", Target::Obligations).unwrap(),
        ids(&r, "出庭应诉率")
    );
    assert_eq!(
        r.matching_ids("city:苏州 year:2021", Target::Documents)
            .unwrap(),
        [SUZHOU]
    );
    assert!(matches!(
        r.matching_ids("year:>", Target::Obligations),
        Err(SearchError::Query { .. })
    ));
}

#[test]
fn a_sub_word_finds_a_bank_name() {
    let (_d, r) = sample_index();
    assert_eq!(ids(&r, "农业"), [ob(WUXI, 1)]);
}

#[test]
fn a_sub_word_finds_a_body_name() {
    let (_d, r) = sample_index();
    assert_eq!(ids(&r, "法制"), [ob(ZHAOHUA, 1), ob(ZHAOHUA, 2)]);
    assert_eq!(ids(&r, "body:法制"), [ob(ZHAOHUA, 1), ob(ZHAOHUA, 2)]);
}

#[test]
fn a_body_filter_finds_the_obligations_naming_that_body() {
    let (_d, r) = sample_index();
    assert_eq!(
        ids(&r, "body:区政府法制办"),
        [ob(ZHAOHUA, 1), ob(ZHAOHUA, 2)]
    );
    assert_eq!(ids(&r, "body:区政府办"), [ob(ZHAOHUA, 3)]);
}

#[test]
fn a_run_of_chinese_is_words_not_one_phrase() {
    let (_d, r) = sample_index();
    // 出庭应诉率 … 提高 are far apart in the text: as words they match, as a phrase they don't.
    assert_eq!(ids(&r, "出庭应诉率提高"), [ob(SUZHOU, 1)]);
    assert!(ids(&r, "\"出庭应诉率提高\"").is_empty());
}

#[test]
fn a_phrase_matches_words_side_by_side_across_word_boundaries() {
    let (_d, r) = sample_index();
    assert_eq!(
        ids(&r, "\"负责人出庭应诉率\""),
        [ob(SUZHOU, 1), ob(SUZHOU, 2), ob(WUXI, 2)]
    );
    // 政府法制 starts inside 区政府法制办: character positions still line up.
    assert_eq!(ids(&r, "\"政府法制办牵头\""), [ob(ZHAOHUA, 1)]);
}

#[test]
fn a_substring_the_index_never_cut_as_a_word_is_found_by_its_characters() {
    let (_d, r) = sample_index();
    assert_eq!(ids(&r, "率达"), [ob(SUZHOU, 1)]);
}

#[test]
fn region_filters_match_names_short_names_and_codes() {
    let (_d, r) = sample_index();
    let suzhou = [ob(SUZHOU, 1), ob(SUZHOU, 2), ob(SUZHOU, 3)];
    assert_eq!(ids(&r, "city:苏州市"), suzhou);
    assert_eq!(ids(&r, "city:苏州"), suzhou);
    assert_eq!(ids(&r, "region:320500"), suzhou);
    assert_eq!(ids(&r, "province:江苏 出庭应诉率").len(), 3);
    assert_eq!(ids(&r, "county:昭化区").len(), 3);
    assert_eq!(ids(&r, "region:5108").len(), 3);
}

#[test]
fn kind_year_and_doc_kind_filters_narrow_the_results() {
    let (_d, r) = sample_index();
    assert_eq!(ids(&r, "kind:achievement").len(), 3);
    assert_eq!(ids(&r, "doc_kind:opinion"), [ob(HANGZHOU, 1)]);
    assert_eq!(ids(&r, "year:2013").len(), 3);
    assert_eq!(ids(&r, "year:>2016").len(), 4);
}

#[test]
fn deadline_and_value_ranges_select_by_number() {
    let (_d, r) = sample_index();
    assert_eq!(
        ids(&r, "deadline:[2015 TO 2018]"),
        [ob(WUXI, 2), ob(WUXI, 3), ob(ZHAOHUA, 3)]
    );
    assert_eq!(
        ids(&r, "value:>=90 unit:%"),
        [ob(SUZHOU, 1), ob(SUZHOU, 2), ob(WUXI, 2)]
    );
    assert_eq!(ids(&r, "value:>96.6"), [ob(SUZHOU, 2), ob(SUZHOU, 3)]);
    assert_eq!(ids(&r, "deadline:{2019 TO *}"), [ob(WUXI, 1)]);
}

#[test]
fn open_ranges_find_the_records_that_have_a_value() {
    let (_d, r) = sample_index();
    let with = |has: &dyn Fn(&duban_model::Document, &duban_model::Obligation) -> bool| {
        let mut out: Vec<String> = sample::records()
            .into_iter()
            .flat_map(|(doc, obligations)| {
                obligations
                    .into_iter()
                    .filter(|o| has(&doc, o))
                    .map(|o| o.id)
                    .collect::<Vec<_>>()
            })
            .collect();
        out.sort();
        out
    };
    let dated = with(&|_, o| !o.deadlines.is_empty());
    let measured = with(&|_, o| o.metrics.iter().any(|m| m.value.is_finite()));
    let of_a_year = with(&|d, o| o.year.or(d.year).is_some());
    assert!(!dated.is_empty() && !measured.is_empty() && !of_a_year.is_empty());
    assert_eq!(ids(&r, "deadline:{* TO *}"), dated);
    assert_eq!(ids(&r, "deadline:[* TO *]"), dated);
    assert_eq!(ids(&r, "value:{* TO *}"), measured);
    assert_eq!(ids(&r, "year:[* TO *]"), of_a_year);
}

/// The sample index, built once for the property test's many queries.
fn shared_sample_index() -> &'static SearchIndex {
    static INDEX: std::sync::OnceLock<(tempfile::TempDir, SearchIndex)> =
        std::sync::OnceLock::new();
    &INDEX.get_or_init(sample_index).1
}

/// Queries made of the syntax's pieces in any order, ranges and comparisons with any bounds,
/// and any text at all.
fn any_query() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    const PIECES: &[&str] = &[
        "year:",
        "deadline:",
        "value:",
        "unit:",
        "region:",
        "kind:",
        "doc_kind:",
        "city:",
        "body:",
        "title:",
        "[",
        "]",
        "{",
        "}",
        "*",
        " TO ",
        "TO",
        " ",
        " AND ",
        " OR ",
        " NOT ",
        "-",
        "+",
        "\"",
        "(",
        ")",
        ">",
        ">=",
        "<",
        "<=",
        "=",
        ":",
        "法治",
        "出庭应诉率",
        "2020",
        "-5",
        "96.6",
        "1e400",
        "NaN",
        "inf",
        "9223372036854775807",
        "%",
        "，",
        "\u{FFFD}",
    ];
    const FIELDS: &[&str] = &["year", "deadline", "value", "title"];
    const BOUNDS: &[&str] = &["*", "2020", "96.6", "-1", "法治"];
    let range = (
        proptest::sample::select(FIELDS),
        proptest::sample::select(&["[", "{"][..]),
        proptest::sample::select(BOUNDS),
        proptest::sample::select(BOUNDS),
        proptest::sample::select(&["]", "}"][..]),
    )
        .prop_map(|(f, open, low, high, close)| format!("{f}:{open}{low} TO {high}{close}"));
    prop_oneof![
        1 => proptest::collection::vec(proptest::sample::select(PIECES), 0..12)
            .prop_map(|pieces| pieces.concat()),
        2 => range,
        1 => any::<String>(),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

    #[test]
    fn no_query_string_makes_a_search_panic(query in any_query()) {
        let r = shared_sample_index();
        for target in [Target::Obligations, Target::Documents] {
            let mut req = SearchRequest::new(&query);
            req.target = target;
            // An answer or an error: both are fine; a panic fails the test.
            let _ = r.search(&req);
        }
    }
}

#[test]
fn boolean_operators_combine_clauses() {
    let (_d, r) = sample_index();
    assert_eq!(ids(&r, "出庭应诉率 -city:无锡市").len(), 2);
    assert_eq!(ids(&r, "出庭应诉率 AND NOT city:苏州"), [ob(WUXI, 2)]);
    assert_eq!(ids(&r, "农业 OR 政务公开"), [ob(WUXI, 1), ob(ZHAOHUA, 3)]);
    assert_eq!(ids(&r, "(农业 OR 政务公开) +year:2013"), [ob(ZHAOHUA, 3)]);
    assert_eq!(ids(&r, "-kind:task").len(), 3);
}

#[test]
fn results_sort_by_deadline_with_undated_ones_last() {
    let (_d, r) = sample_index();
    let mut req = SearchRequest::new("");
    req.limit = 100;
    req.sort = Sort::Deadline { descending: false };
    let page = r.search(&req).unwrap();
    let years: Vec<Option<i32>> = page
        .hits
        .iter()
        .map(|h| {
            h.obligation
                .as_ref()
                .and_then(|o| o.deadlines.iter().map(|d| d.year).min())
        })
        .collect();
    assert_eq!(
        years[..6],
        [
            Some(2013),
            Some(2015),
            Some(2017),
            Some(2018),
            Some(2019),
            Some(2020)
        ]
    );
    assert!(years[6..].iter().all(Option::is_none));
}

#[test]
fn a_negated_phrase_leaves_out_exactly_the_records_holding_it() {
    // A segment a document, so that a phrase stands past the records it is asked about.
    let (_d, r) = segmented_index();
    let all = ids(&r, "");
    let tasks = ids(&r, "kind:task");
    for phrase in ["负责人出庭应诉率", "政府法制办牵头", "出庭应诉率提高"] {
        let holding = ids(&r, &format!("\"{phrase}\""));
        let rest: Vec<String> = all
            .iter()
            .filter(|id| !holding.contains(id))
            .cloned()
            .collect();
        assert_eq!(ids(&r, &format!("-\"{phrase}\"")), rest, "{phrase}");
        let rest_tasks: Vec<String> = rest
            .iter()
            .filter(|id| tasks.contains(id))
            .cloned()
            .collect();
        assert_eq!(
            ids(&r, &format!("kind:task NOT \"{phrase}\"")),
            rest_tasks,
            "{phrase}"
        );
    }
}

/// The sample records, a commit (so a segment, unless merged) each.
fn segmented_index() -> (tempfile::TempDir, SearchIndex) {
    segmented_index_of(&sample::records())
}

/// `records`, a commit (so a segment, unless merged) each.
fn segmented_index_of(records: &[sample::SampleRecord]) -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let mut w = ObligationIndex::open(dir.path()).unwrap();
    for (doc, obligations) in records {
        w.upsert(doc, obligations).unwrap();
        w.commit().unwrap();
    }
    drop(w);
    let r = SearchIndex::open(dir.path()).unwrap();
    (dir, r)
}

/// The ids of a search, in the order given, read page by page (`page` results each).
fn ordered_ids(r: &SearchIndex, query: &str, sort: Sort, page: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut req = SearchRequest::new(query);
    req.sort = sort;
    req.limit = page;
    loop {
        let found = r.search(&req).unwrap();
        out.extend(found.hits.into_iter().map(|h| h.id));
        req.offset += page;
        if req.offset >= found.total {
            return out;
        }
    }
}

#[test]
fn records_that_rank_alike_come_by_id_across_segments_and_pages() {
    let (_d, r) = segmented_index();
    // Everything scores alike: relevance leaves the whole order to the ids.
    let all = ordered_ids(&r, "*", Sort::Relevance, MAX_LIMIT);
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(all, sorted);
    assert!(all.len() > 6, "{all:?}");
    // Two results a page give the same order as one page of all.
    assert_eq!(ordered_ids(&r, "*", Sort::Relevance, 2), all);
}

#[test]
fn a_deadline_sort_orders_by_the_earliest_or_latest_deadline_then_by_id() {
    let (_d, r) = segmented_index();
    for descending in [false, true] {
        let mut req = SearchRequest::new("*");
        req.limit = MAX_LIMIT;
        req.sort = Sort::Deadline { descending };
        let hits = r.search(&req).unwrap().hits;
        let keys: Vec<(Option<i32>, String)> = hits
            .iter()
            .map(|h| {
                let years = h
                    .obligation
                    .as_ref()
                    .unwrap()
                    .deadlines
                    .iter()
                    .map(|d| d.year);
                let year = if descending { years.max() } else { years.min() };
                (year, h.id.clone())
            })
            .collect();
        // The expected order, from the hits themselves: dated before undated, the year in
        // the asked order, then the id, whatever the scores.
        let mut expected = keys.clone();
        expected.sort_by(|(a, id_a), (b, id_b)| {
            let by_year = match (a, b) {
                (Some(a), Some(b)) if descending => b.cmp(a),
                (Some(a), Some(b)) => a.cmp(b),
                (a, b) => b.is_some().cmp(&a.is_some()),
            };
            by_year.then_with(|| id_a.cmp(id_b))
        });
        assert_eq!(keys, expected);
        assert!(keys.iter().filter(|(y, _)| y.is_none()).count() > 1);
        assert_eq!(
            ordered_ids(&r, "*", req.sort, 3),
            keys.into_iter().map(|(_, id)| id).collect::<Vec<_>>()
        );
    }
}

#[test]
fn results_sort_by_year_newest_first() {
    let (_d, r) = sample_index();
    let mut req = SearchRequest::new("");
    req.limit = 100;
    req.sort = Sort::Year { descending: true };
    let years: Vec<Option<i32>> = r
        .search(&req)
        .unwrap()
        .hits
        .iter()
        .map(|h| h.document.year)
        .collect();
    let mut sorted = years.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(years, sorted);
}

#[test]
fn facets_count_every_match_not_only_the_page() {
    let (_d, r) = sample_index();
    let mut req = SearchRequest::new("出庭应诉率");
    req.limit = 1;
    let page = r.search(&req).unwrap();
    assert_eq!(page.total, 3);
    assert_eq!(page.hits.len(), 1);
    let city: Vec<(&str, u64)> = page.facets["city"]
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(city, [("苏州市", 2), ("无锡市", 1)]);
    let year: Vec<(&str, u64)> = page.facets["year"]
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(year, [("2021", 2), ("2016", 1)]);
    assert_eq!(page.facets["kind"].len(), 2);
}

#[test]
fn facets_count_a_record_once_a_value_over_every_segment() {
    // One commit a document: a segment each, so counts are summed across segments.
    let mut records = sample::records();
    // A second metric in the same unit: the record counts once under `unit:%`.
    let measured = records
        .iter_mut()
        .flat_map(|(_, obligations)| obligations.iter_mut())
        .find(|o| !o.metrics.is_empty())
        .unwrap();
    let mut again = measured.metrics[0].clone();
    again.value += 1.0;
    measured.metrics.push(again);
    let (_dir, r) = segmented_index_of(&records);
    let all = r.search(&SearchRequest::new("")).unwrap();
    let listed = |dim: &str| -> Vec<(String, u64)> {
        let mut out: Vec<(String, u64)> = all.facets[dim]
            .iter()
            .map(|f| (f.value.clone(), f.count))
            .collect();
        out.sort();
        out
    };
    let expected = |values: &dyn Fn(&duban_model::Obligation) -> Vec<String>| {
        let mut counts = std::collections::BTreeMap::<String, u64>::new();
        for o in records.iter().flat_map(|(_, obligations)| obligations) {
            let mut mine = values(o);
            mine.sort();
            mine.dedup();
            for v in mine {
                *counts.entry(v).or_default() += 1;
            }
        }
        counts.into_iter().collect::<Vec<_>>()
    };
    let units = expected(&|o| o.metrics.iter().map(|m| m.unit.clone()).collect());
    assert!(!units.is_empty());
    assert_eq!(listed("unit"), units);
    let bodies = expected(&|o| o.bodies.iter().map(|b| b.name.clone()).collect());
    assert_eq!(listed("body"), bodies);
    let kinds = expected(&|o| vec![o.kind.as_str().to_string()]);
    assert_eq!(listed("kind"), kinds);
}

#[test]
fn the_empty_query_pages_through_every_record_once_in_one_order() {
    // One commit a document: pages are cut from the matches of several segments.
    let (_dir, r) = segmented_index();
    let page = |offset: usize, limit: usize| {
        let mut req = SearchRequest::new("");
        req.offset = offset;
        req.limit = limit;
        r.search(&req).unwrap()
    };
    let whole = page(0, MAX_LIMIT);
    assert!(whole.total > 4 && whole.total <= MAX_LIMIT);
    let whole: Vec<String> = whole.hits.into_iter().map(|h| h.id).collect();
    let mut paged = Vec::new();
    for offset in (0..whole.len()).step_by(3) {
        paged.extend(page(offset, 3).hits.into_iter().map(|h| h.id));
    }
    assert_eq!(paged, whole);
    let mut once = whole.clone();
    once.sort();
    once.dedup();
    assert_eq!(once.len(), whole.len());
}

#[test]
fn snippets_highlight_the_matched_characters_of_the_original_text() {
    let (_d, r) = sample_index();
    let page = r
        .search(&SearchRequest::new("city:苏州 出庭应诉率"))
        .unwrap();
    for hit in &page.hits {
        let text = &hit.obligation.as_ref().unwrap().text;
        let chars: Vec<char> = text.chars().collect();
        for [s, e] in &hit.snippet.highlights {
            assert_eq!(chars[*s..*e].iter().collect::<String>(), "出庭应诉率");
        }
        assert!(!hit.snippet.highlights.is_empty());
    }
}

#[test]
fn markup_in_indexed_text_comes_back_as_plain_text() {
    let (_d, r) = sample_index();
    let page = r.search(&SearchRequest::new("重大行政决策")).unwrap();
    let joined: String = page.hits[0]
        .snippet
        .parts
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert!(joined.contains("<script>alert(1)</script>"));
}

#[test]
fn malformed_queries_and_out_of_bounds_requests_are_client_errors() {
    let (_d, r) = sample_index();
    for q in [
        "\"出庭",
        "town:苏州",
        "year:二〇二一",
        "(法治",
        "deadline:[2015 TO]",
    ] {
        let e = r.search(&SearchRequest::new(q)).unwrap_err();
        assert!(e.is_client_error(), "{q}: {e}");
    }
    let mut req = SearchRequest::new("法治");
    req.limit = 1_000_000;
    assert!(r.search(&req).unwrap_err().is_client_error());
    req.limit = 0;
    assert!(r.search(&req).unwrap_err().is_client_error());
    req.limit = 10;
    req.offset = usize::MAX;
    assert!(r.search(&req).unwrap_err().is_client_error());
}

#[test]
fn a_document_comes_back_with_its_obligations_in_text_order() {
    let (_d, r) = sample_index();
    let rec = r.document(ZHAOHUA).unwrap().unwrap();
    assert_eq!(rec.document.id, ZHAOHUA);
    let labels: Vec<&str> = rec.obligations.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, ["1.", "2.", "3."]);
    assert!(r.document("file:nowhere.txt").unwrap().is_none());
}

#[test]
fn documents_can_be_searched_instead_of_obligations() {
    let (_d, r) = sample_index();
    let mut req = SearchRequest::new("title:规划");
    req.target = Target::Documents;
    let page = r.search(&req).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(page.hits[0].id, WUXI);
    assert!(page.hits[0].obligation.is_none());
    // A document's words, and a phrase of them, are its own fields' terms.
    for query in ["出庭应诉率", "\"负责人出庭应诉率\""] {
        let mut req = SearchRequest::new(query);
        req.target = Target::Documents;
        let mut found: Vec<String> = r
            .search(&req)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect();
        found.sort();
        assert_eq!(found, [SUZHOU, WUXI], "{query}");
    }
}

#[test]
fn an_upsert_replaces_a_document_and_a_delete_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = build(dir.path());
    let r = SearchIndex::open(dir.path()).unwrap();
    let (doc, mut obligations) = sample::records().remove(0);
    obligations.truncate(1);
    w.upsert(&doc, &obligations).unwrap();
    w.commit().unwrap();
    r.reload().unwrap();
    assert_eq!(ids(&r, "city:苏州"), [ob(SUZHOU, 1)]);
    w.delete(&doc.id);
    w.commit().unwrap();
    r.reload().unwrap();
    assert!(ids(&r, "city:苏州").is_empty());
    assert_eq!(r.stats().unwrap().documents, 3);
}

#[test]
fn a_search_sees_the_last_commit_not_uncommitted_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = build(dir.path());
    let r = SearchIndex::open(dir.path()).unwrap();
    w.delete(SUZHOU);
    r.reload().unwrap();
    assert_eq!(ids(&r, "city:苏州").len(), 3);
    w.commit().unwrap();
    r.reload().unwrap();
    assert!(ids(&r, "city:苏州").is_empty());
}

#[test]
fn searches_during_indexing_answer_correctly() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = build(dir.path());
    let r = std::sync::Arc::new(SearchIndex::open(dir.path()).unwrap());
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let r = r.clone();
            std::thread::spawn(move || {
                for _ in 0..50 {
                    let n = r.search(&SearchRequest::new("出庭应诉率")).unwrap().total;
                    assert_eq!(n, 3);
                    r.reload().unwrap();
                }
            })
        })
        .collect();
    for _ in 0..10 {
        for (doc, obligations) in sample::records() {
            w.upsert(&doc, &obligations).unwrap();
        }
        w.commit().unwrap();
    }
    for t in readers {
        t.join().unwrap();
    }
}

#[test]
fn a_dictionary_change_reindexes_only_the_documents_it_affects() {
    let dir = tempfile::tempdir().unwrap();
    drop(build(dir.path()));
    let added = format!("{}清理工作 3000 n\n", duban_segment::DOMAIN_DICTIONARY);
    let w =
        ObligationIndex::open_with(dir.path(), Analyzer::with_dictionary(&added).unwrap()).unwrap();
    assert_eq!(w.opened(), Opened::Reindexed { documents: 1 });
    let text = w.index().schema().get_field("text").unwrap();
    let searcher = w.index().reader().unwrap().searcher();
    assert!(
        searcher
            .doc_freq(&Term::from_field_text(text, "清理工作"))
            .unwrap()
            > 0
    );
    drop(w);
    let again =
        ObligationIndex::open_with(dir.path(), Analyzer::with_dictionary(&added).unwrap()).unwrap();
    assert_eq!(again.opened(), Opened::Existing);
    drop(again);
    let back = ObligationIndex::open(dir.path()).unwrap();
    assert_eq!(back.opened(), Opened::Reindexed { documents: 1 });
}

#[test]
fn a_stale_index_is_reported_to_readers() {
    let dir = tempfile::tempdir().unwrap();
    drop(build(dir.path()));
    let other = Analyzer::with_dictionary("清理工作 3000 n\n").unwrap();
    assert!(
        SearchIndex::open_with(dir.path(), other)
            .unwrap()
            .is_stale()
    );
    assert!(!SearchIndex::open(dir.path()).unwrap().is_stale());
}

#[test]
fn an_index_of_an_older_format_is_emptied_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut sb = tantivy::schema::Schema::builder();
        let f = sb.add_text_field("json", tantivy::schema::STORED);
        let index = tantivy::Index::create_in_dir(dir.path(), sb.build()).unwrap();
        let mut w: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        w.add_document(tantivy::doc!(f => "{}")).unwrap();
        w.commit().unwrap();
    }
    // Searching it says how to rebuild it; opening it for writing empties it.
    let e = SearchIndex::open(dir.path()).err().unwrap();
    assert!(matches!(e, IndexError::Outdated { .. }), "{e}");
    assert!(e.to_string().contains("duban doctor --repair"), "{e}");
    let w = ObligationIndex::open(dir.path()).unwrap();
    assert_eq!(w.opened(), Opened::Reset);
    drop(w);
    assert_eq!(
        ObligationIndex::open(dir.path()).unwrap().opened(),
        Opened::Existing
    );
}

#[test]
fn opening_a_missing_index_for_search_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let e = SearchIndex::open(&dir.path().join("index")).err().unwrap();
    assert!(e.to_string().contains("duban run"), "{e}");
}

#[test]
fn words_typed_as_one_run_rank_higher_where_they_stand_together() {
    // Both obligations hold 城镇, 新增 and 就业; the shorter one, where they are scattered,
    // would come first on word counts alone.
    let dir = tempfile::tempdir().unwrap();
    let mut w = ObligationIndex::open(dir.path()).unwrap();
    let (doc, obligations) = sample::records().remove(0);
    let mut scattered = obligations[0].clone();
    scattered.id = format!("{}#1.", doc.id);
    scattered.label = "1.".into();
    scattered.heading = String::new();
    scattered.text = "就业岗位新增向城镇倾斜".into();
    let mut together = scattered.clone();
    together.id = format!("{}#2.", doc.id);
    together.label = "2.".into();
    together.text = "全年城镇新增就业一万人以上".into();
    w.upsert(&doc, &[scattered, together]).unwrap();
    w.commit().unwrap();
    let r = SearchIndex::open(dir.path()).unwrap();
    let hits = r.search(&SearchRequest::new("城镇新增就业")).unwrap().hits;
    let order: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(order, [ob(SUZHOU, 2), ob(SUZHOU, 1)]);
}

#[test]
fn words_typed_as_one_run_in_a_heading_filter_rank_higher_where_they_stand_together() {
    // The boosts ask for a text query's words in the heading anywhere; a query of the heading
    // itself still ranks its words standing together higher.
    let dir = tempfile::tempdir().unwrap();
    let mut w = ObligationIndex::open(dir.path()).unwrap();
    let (doc, obligations) = sample::records().remove(0);
    let obligation = |n: usize, heading: &str| {
        let mut o = obligations[0].clone();
        o.id = format!("{}#{n}.", doc.id);
        o.label = format!("{n}.");
        o.heading = heading.into();
        o
    };
    let scattered = obligation(1, "就业岗位新增向城镇倾斜");
    let together = obligation(2, "全年城镇新增就业一万人以上");
    w.upsert(&doc, &[scattered, together]).unwrap();
    w.commit().unwrap();
    let r = SearchIndex::open(dir.path()).unwrap();
    let hits = r
        .search(&SearchRequest::new("heading:城镇新增就业"))
        .unwrap()
        .hits;
    let order: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(order, [ob(SUZHOU, 2), ob(SUZHOU, 1)]);
}

#[test]
fn a_word_in_the_title_or_the_heading_ranks_its_records_higher() {
    // Each pair holds the word as often in its text (with as many characters); one of them
    // also has it in its title, or in its heading.
    let dir = tempfile::tempdir().unwrap();
    let mut w = ObligationIndex::open(dir.path()).unwrap();
    let (doc, obligations) = sample::records().remove(0);
    let document = |id: &str, title: &str| {
        let mut d = doc.clone();
        d.id = format!("file:sample/{id}.txt");
        d.title = Some(title.into());
        d.text = "各部门要按照规定做好政务公开，接受社会监督。".into();
        d
    };
    let titled = document("titled", "关于推进政务公开工作的通知");
    let untitled = document("untitled", "关于加强行政执法监督工作的通知");
    let obligation = |n: usize, heading: &str| {
        let mut o = obligations[0].clone();
        o.id = format!("{}#{n}.", untitled.id);
        o.doc_id = untitled.id.clone();
        o.label = format!("{n}.");
        o.heading = heading.into();
        o.text = "按照规定做好政务公开，按时发布政府信息。".into();
        o
    };
    let headed = obligation(1, "全面推进政务公开");
    let plain = obligation(2, "加强行政执法监督");
    // Indexed in the other order, so that equal scores would list them the other way.
    w.upsert(&untitled, &[plain.clone(), headed.clone()])
        .unwrap();
    w.upsert(&titled, &[]).unwrap();
    w.commit().unwrap();
    let r = SearchIndex::open(dir.path()).unwrap();
    let order = |req: SearchRequest| -> Vec<String> {
        r.search(&req)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    let mut documents = SearchRequest::new("政务公开");
    documents.target = Target::Documents;
    assert_eq!(order(documents), [titled.id.clone(), untitled.id.clone()]);
    assert_eq!(order(SearchRequest::new("政务公开")), [headed.id, plain.id]);
    // The boost orders, it does not match: a word only in a title finds no obligation.
    assert_eq!(r.search(&SearchRequest::new("执法")).unwrap().total, 0);
}

#[test]
fn a_heading_holding_a_phrases_words_in_any_order_ranks_its_record_higher() {
    // Both texts hold the phrase alike; one heading holds its words the other way round, which
    // a short line says as much as the phrase (the boost asks for the words, not the phrase).
    let dir = tempfile::tempdir().unwrap();
    let mut w = ObligationIndex::open(dir.path()).unwrap();
    let (doc, obligations) = sample::records().remove(0);
    let obligation = |n: usize, heading: &str| {
        let mut o = obligations[0].clone();
        o.id = format!("{}#{n}.", doc.id);
        o.label = format!("{n}.");
        o.heading = heading.into();
        o.text = "全面推进政务公开，按时发布政府信息。".into();
        o
    };
    // The boosted record has the later id, so that equal scores would list it second.
    let plain = obligation(1, "加强行政执法监督");
    let headed = obligation(2, "政务公开全面推进");
    w.upsert(&doc, &[plain.clone(), headed.clone()]).unwrap();
    w.commit().unwrap();
    let r = SearchIndex::open(dir.path()).unwrap();
    let hits = r
        .search(&SearchRequest::new("\"推进政务公开\""))
        .unwrap()
        .hits;
    let order: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(order, [headed.id.as_str(), plain.id.as_str()]);
}

#[test]
fn records_without_a_region_or_year_and_national_ones_have_facet_buckets_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = ObligationIndex::open(dir.path()).unwrap();
    let mut records = sample::records();
    let (mut bare, mut bare_obligations) = records.remove(0);
    bare.region = None;
    bare.year = None;
    for o in &mut bare_obligations {
        o.region = None;
        o.year = None;
    }
    let (mut national, mut national_obligations) = records.remove(0);
    let country = duban_model::Region {
        code: "100000".into(),
        province: None,
        city: None,
        county: None,
    };
    national.region = Some(country.clone());
    for o in &mut national_obligations {
        o.region = Some(country.clone());
    }
    w.upsert(&bare, &bare_obligations).unwrap();
    w.upsert(&national, &national_obligations).unwrap();
    w.commit().unwrap();
    let r = SearchIndex::open(dir.path()).unwrap();
    let all = r.search(&SearchRequest::new("")).unwrap();
    let count = |dim: &str, value: &str| {
        all.facets[dim]
            .iter()
            .find(|v| v.value == value)
            .map_or(0, |v| usize::try_from(v.count).unwrap())
    };
    assert_eq!(count("province", "未知"), bare_obligations.len());
    assert_eq!(count("province", "全国"), national_obligations.len());
    assert_eq!(count("year", "未知"), bare_obligations.len());
    let province_sum: u64 = all.facets["province"].iter().map(|v| v.count).sum();
    assert_eq!(usize::try_from(province_sum).unwrap(), all.total);
    let total = |q: &str| r.search(&SearchRequest::new(q)).unwrap().total;
    assert_eq!(total("province:未知"), bare_obligations.len());
    assert_eq!(total("province:全国"), national_obligations.len());
    assert_eq!(total("year:未知"), bare_obligations.len());
}

#[test]
fn a_misspelt_word_that_finds_nothing_gets_the_indexed_word_one_edit_away() {
    let (_d, r) = sample_index();
    let miss = r.search(&SearchRequest::new("出廷应诉率")).unwrap();
    assert_eq!(miss.total, 0);
    assert_eq!(miss.suggestion.as_deref(), Some("出庭应诉率"));
    let with_filter = r
        .search(&SearchRequest::new("出廷应诉率 city:苏州"))
        .unwrap();
    assert_eq!(
        with_filter.suggestion.as_deref(),
        Some("出庭应诉率 city:苏州")
    );
    // A query that finds something, or whose correction would find nothing, gets none.
    assert_eq!(
        r.search(&SearchRequest::new("出庭应诉率"))
            .unwrap()
            .suggestion,
        None
    );
    assert_eq!(
        r.search(&SearchRequest::new("出廷应诉率 city:杭州"))
            .unwrap()
            .suggestion,
        None
    );
}

/// Every file of an index folder with its bytes and modification time.
fn files_with_times(dir: &Path) -> Vec<(String, Vec<u8>, std::time::SystemTime)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        // Tantivy's lock files are taken and released by every writer: not index content.
        .filter(|p| !p.to_string_lossy().ends_with(".lock"))
        .map(|p| {
            let modified = std::fs::metadata(&p).unwrap().modified().unwrap();
            (
                p.display().to_string(),
                std::fs::read(&p).unwrap(),
                modified,
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn a_commit_with_nothing_changed_writes_no_file() {
    let dir = tempfile::tempdir().unwrap();
    drop(build(dir.path()));
    let before = files_with_times(dir.path());
    let mut w = ObligationIndex::open(dir.path()).unwrap();
    assert!(!w.commit().unwrap());
    drop(w);
    assert_eq!(files_with_times(dir.path()), before);
}

#[test]
fn the_state_an_index_was_made_from_is_kept_by_its_commits() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = build(dir.path());
    assert_eq!(w.indexed_state(), None);
    let state = IndexedState {
        state_id: "5f3c9a".into(),
        generation: 12,
    };
    w.set_indexed_state(state.clone());
    assert!(w.commit().unwrap(), "a new state is worth a commit");
    drop(w);
    let w = ObligationIndex::open(dir.path()).unwrap();
    assert_eq!(w.indexed_state(), Some(&state));
    assert_eq!(
        SearchIndex::open(dir.path()).unwrap().indexed_state(),
        Some(state.clone())
    );
    assert_eq!(indexed_state_in(dir.path()), Some(state));
}

#[test]
fn deleting_everything_empties_the_index_at_the_next_commit() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = build(dir.path());
    w.delete_all().unwrap();
    w.commit().unwrap();
    let stats = SearchIndex::open(dir.path()).unwrap().stats().unwrap();
    assert_eq!((stats.documents, stats.obligations), (0, 0));
}

#[test]
fn the_comparison_table_lists_one_indicator_across_regions_and_years() {
    let index = shared_sample_index();
    let table = index
        .table("出庭应诉率", crate::TableGroup::Region)
        .unwrap();
    assert!(!table.truncated);
    type Row<'a> = (&'a str, Option<&'a str>, Option<i32>, &'a str, f64);
    let rows: Vec<Row> = table
        .rows
        .iter()
        .map(|r| {
            (
                r.indicator.as_str(),
                r.region.as_deref(),
                r.year,
                r.op.as_str(),
                r.value,
            )
        })
        .collect();
    assert!(rows.iter().all(|r| r.0 == "出庭应诉率"), "{rows:?}");
    assert!(rows.contains(&("出庭应诉率", Some("苏州市"), Some(2021), "=", 96.6)));
    assert!(rows.iter().any(|r| r.3 == ">=" && r.4 == 90.0));
    // Grouped by region: the rows of one region stand together, ordered by year.
    let mut sorted = rows.clone();
    sorted.sort_by(|a, b| (a.1, a.2).cmp(&(b.1, b.2)));
    assert_eq!(rows, sorted);
}

#[test]
fn the_comparison_table_of_a_filter_only_query_lists_every_metric() {
    let index = shared_sample_index();
    let table = index
        .table("city:苏州市", crate::TableGroup::Document)
        .unwrap();
    let total_metrics: usize = index
        .search(&SearchRequest {
            limit: 100,
            ..SearchRequest::new("city:苏州市")
        })
        .unwrap()
        .hits
        .iter()
        .filter_map(|h| h.obligation.as_ref())
        .map(|o| o.metrics.len())
        .sum();
    assert_eq!(table.rows.len(), total_metrics);
    let csv = table.to_csv();
    assert!(csv.starts_with("indicator,extracted_indicator,region,region_code,year,op,value"));
    assert_eq!(csv.lines().count(), total_metrics + 1);
}

#[test]
fn a_body_query_marks_the_body_in_the_snippet_and_a_word_query_names_the_metrics_it_matched() {
    let index = shared_sample_index();
    let r = index
        .search(&SearchRequest::new("body:区政府法制办"))
        .unwrap();
    assert!(r.total > 0);
    for hit in &r.hits {
        assert!(
            hit.snippet
                .parts
                .iter()
                .any(|p| p.highlight && p.text.contains("法制办")),
            "{:?}",
            hit.snippet
        );
    }
    let r = index.search(&SearchRequest::new("出庭应诉率")).unwrap();
    for hit in &r.hits {
        let o = hit.obligation.as_ref().unwrap();
        assert!(!hit.matched_metrics.is_empty(), "{o:?}");
        for &i in &hit.matched_metrics {
            assert!(
                o.metrics[i].text.contains("出庭应诉率"),
                "{:?}",
                o.metrics[i]
            );
        }
    }
    let r = index.search(&SearchRequest::new("city:苏州市")).unwrap();
    assert!(r.hits.iter().all(|h| h.matched_metrics.is_empty()));
}

#[test]
fn a_value_range_marks_the_matched_value_and_puts_its_metric_first() {
    // The obligation lists the metric out of range first.
    let dir = tempfile::tempdir().unwrap();
    let mut w = ObligationIndex::open(dir.path()).unwrap();
    let (doc, obligations) = sample::records().remove(0);
    let mut o = obligations[0].clone();
    o.text = "行政复议纠错率控制在8%以内，行政机关负责人出庭应诉率达到95.5%。".into();
    let mut low = o.metrics[0].clone();
    low.text = "行政复议纠错率控制在8%以内".into();
    low.indicator = "行政复议纠错率".into();
    low.value = 8.0;
    let mut high = o.metrics[0].clone();
    high.text = "出庭应诉率达到95.5%".into();
    high.value = 95.5;
    o.metrics = vec![low, high];
    w.upsert(&doc, &[o]).unwrap();
    w.commit().unwrap();
    let r = SearchIndex::open(dir.path()).unwrap();
    // An excluded range (`-value:<5`) is not in the record to mark.
    for q in [
        "value:>=90",
        "value:[90 TO 100]",
        "value:95.5",
        "value:>=90 -value:<5",
    ] {
        let hits = r.search(&SearchRequest::new(q)).unwrap().hits;
        assert_eq!(hits.len(), 1, "{q}");
        // The hit carries the matched metric first.
        let metrics = &hits[0].obligation.as_ref().unwrap().metrics;
        assert_eq!(hits[0].matched_metrics, [0], "{q}");
        assert_eq!(metrics[0].value, 95.5, "{q}");
        let marked: Vec<&str> = hits[0]
            .snippet
            .parts
            .iter()
            .filter(|p| p.highlight)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(marked, ["95.5"], "{q}");
    }
    let table = r.table("value:>=90", crate::TableGroup::Region).unwrap();
    let values: Vec<f64> = table.rows.iter().map(|row| row.value).collect();
    assert_eq!(values, [95.5]);
}

/// A tracked target of the Suzhou sample document, with its result.
/// Replaces the index's progress records with `records` as a run does (digest, then the
/// records unless the index holds these); whether anything was replaced.
fn replace_progress(w: &mut ObligationIndex, records: &[ProgressRecord]) -> bool {
    let mut digest = crate::ProgressDigest::default();
    for r in records {
        digest.push(&r.to_line());
    }
    let digest = digest.finish();
    if w.holds_progress(&digest) {
        return false;
    }
    w.begin_progress(digest);
    w.add_progress(records).unwrap();
    true
}

fn suzhou_progress() -> ProgressRecord {
    let (doc, _) = sample::records()
        .into_iter()
        .find(|(d, _)| d.id == SUZHOU)
        .unwrap();
    let json = r#"{"target":{"doc_id":"file:sample/suzhou-2021.txt","text":"行政机关负责人出庭应诉率达到90%以上","span":[10,29]},"bound":"at_least","result":{"doc_id":"file:sample/suzhou-2022.txt","text":"全市行政机关负责人出庭应诉率达到96.6%","span":[40,60]},"later":false,"status":"met"}"#;
    ProgressRecord {
        id: format!("{SUZHOU}@10-29"),
        document: DocumentSummary::of(&doc),
        year: Some(2021),
        target: "行政机关负责人出庭应诉率达到90%以上".into(),
        result: Some("全市行政机关负责人出庭应诉率达到96.6%".into()),
        indicators: vec!["行政机关负责人出庭应诉率".into()],
        unit: "%".into(),
        value: 90.0,
        json: json.into(),
        link_group: String::new(),
    }
}

fn progress_ids(r: &SearchIndex, query: &str) -> Vec<String> {
    let mut req = SearchRequest::new(query);
    req.target = Target::Progress;
    r.search(&req)
        .unwrap_or_else(|e| panic!("{query}: {e}"))
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn progress_records_are_found_by_their_phrases_apart_from_obligations() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = build(dir.path());
    assert!(replace_progress(&mut w, &[suzhou_progress()]));
    w.commit().unwrap();
    let r = SearchIndex::open(dir.path()).unwrap();
    let id = format!("{SUZHOU}@10-29");
    for query in [
        "出庭应诉率",
        "96.6%",
        "indicator:出庭应诉率 city:苏州",
        "value:>=90",
    ] {
        assert_eq!(progress_ids(&r, query), vec![id.as_str()], "{query}");
    }
    assert!(progress_ids(&r, "city:杭州").is_empty());
    // Obligation searches do not see it.
    assert_eq!(
        ids(&r, "出庭应诉率"),
        [ob(SUZHOU, 1), ob(SUZHOU, 2), ob(WUXI, 2)]
    );
    let mut req = SearchRequest::new("出庭应诉率");
    req.target = Target::Progress;
    let hit = r.search(&req).unwrap().hits.remove(0);
    assert_eq!(hit.doc_id, SUZHOU);
    assert_eq!(hit.progress.as_ref().unwrap()["status"], "met");
    assert!(hit.obligation.is_none());
    assert_eq!(Target::parse("progress").unwrap(), Target::Progress);
}

#[test]
fn progress_records_are_replaced_whole_and_only_when_they_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = build(dir.path());
    replace_progress(&mut w, &[suzhou_progress()]);
    w.commit().unwrap();
    // The same records change nothing, so the commit writes nothing.
    assert!(!replace_progress(&mut w, &[suzhou_progress()]));
    assert!(!w.commit().unwrap());
    // Re-indexing the target's document leaves its progress record.
    let (doc, obligations) = sample::records()
        .into_iter()
        .find(|(d, _)| d.id == SUZHOU)
        .unwrap();
    w.upsert(&doc, &obligations).unwrap();
    w.commit().unwrap();
    let r = SearchIndex::open(dir.path()).unwrap();
    assert_eq!(progress_ids(&r, "出庭应诉率").len(), 1);
    assert!(replace_progress(&mut w, &[]));
    w.commit().unwrap();
    r.reload().unwrap();
    assert!(progress_ids(&r, "出庭应诉率").is_empty());
    assert_eq!(r.stats().unwrap().documents, sample::records().len());
}

#[test]
fn an_obligation_comes_back_whole_by_its_id() {
    let index = shared_sample_index();
    let (doc, obligations) = sample::records().remove(0);
    let (o, summary) = index.obligation(&obligations[0].id).unwrap().unwrap();
    assert_eq!(o, obligations[0]);
    assert_eq!(summary.id, doc.id);
    assert!(index.obligation(&doc.id).unwrap().is_none());
    assert!(index.obligation("no such id").unwrap().is_none());
}

#[test]
fn opening_says_whether_it_created_the_index_or_found_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("index");
    assert!(!index_exists(&path));
    let created = ObligationIndex::open(&path).unwrap();
    assert_eq!(created.opened(), Opened::Created);
    drop(created);
    assert!(index_exists(&path));
    assert_eq!(
        ObligationIndex::open(&path).unwrap().opened(),
        Opened::Existing
    );
}

#[test]
fn hits_sorted_by_deadline_or_year_carry_the_scores_relevance_gives_them() {
    // The page is collected without scores when they do not decide the order; each hit's
    // score is then computed alone, and must be the one a relevance search shows.
    let (_d, r) = sample_index();
    for query in ["行政复议", "加强 OR 推进", "\"政务公开\"", "-kind:task"] {
        let mut req = SearchRequest::new(query);
        req.limit = 100;
        let by_relevance: std::collections::BTreeMap<String, f32> = r
            .search(&req)
            .unwrap()
            .hits
            .iter()
            .map(|h| (h.id.clone(), h.score))
            .collect();
        assert!(!by_relevance.is_empty(), "{query}");
        for sort in [
            Sort::Deadline { descending: false },
            Sort::Year { descending: true },
        ] {
            req.sort = sort;
            let page = r.search(&req).unwrap();
            assert_eq!(page.hits.len(), by_relevance.len(), "{query}");
            for hit in &page.hits {
                assert_eq!(
                    Some(&hit.score),
                    by_relevance.get(&hit.id),
                    "{query} {hit:?}"
                );
            }
        }
    }
}

#[test]
fn progress_is_replaced_group_by_group_keeping_the_groups_that_stay() {
    let dir = tempfile::tempdir().unwrap();
    let mut w = build(dir.path());
    let in_group = |n: u32, group: &str| {
        let mut r = suzhou_progress();
        r.id = format!("{SUZHOU}@{n}");
        r.link_group = group.into();
        r
    };
    let groups = |names: &[&str]| names.iter().map(|n| n.to_string()).collect();
    // An index that never held groups: every progress record goes, every group is added.
    assert!(replace_progress(&mut w, &[in_group(9, "")]));
    let missing = w.begin_progress_groups("d1".into(), groups(&["a", "b"]));
    assert_eq!(missing, groups(&["a", "b"]));
    w.add_progress(&[in_group(1, "a"), in_group(2, "b")])
        .unwrap();
    w.commit().unwrap();
    // Group a is gone, b stays, c comes: only c's records are asked for.
    let missing = w.begin_progress_groups("d2".into(), groups(&["b", "c"]));
    assert_eq!(missing, groups(&["c"]));
    w.add_progress(&[in_group(3, "c")]).unwrap();
    w.commit().unwrap();
    let r = SearchIndex::open(dir.path()).unwrap();
    let mut ids = progress_ids(&r, "出庭应诉率");
    ids.sort();
    assert_eq!(ids, [format!("{SUZHOU}@2"), format!("{SUZHOU}@3")]);
    // The groups are in the commit: an index opened again knows them.
    drop(w);
    let mut w = ObligationIndex::open(dir.path()).unwrap();
    assert!(w.holds_progress("d2"));
    assert!(
        w.begin_progress_groups("d3".into(), groups(&["b", "c"]))
            .is_empty()
    );
}
