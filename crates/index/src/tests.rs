//! Tests of the index as a whole: writing the sample records and searching them.

use crate::sample;
use crate::*;
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
    assert_eq!(w.reindexed_documents(), 1);
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
    assert_eq!(again.reindexed_documents(), 0);
    drop(again);
    let back = ObligationIndex::open(dir.path()).unwrap();
    assert_eq!(back.reindexed_documents(), 1);
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
    let w = ObligationIndex::open(dir.path()).unwrap();
    assert!(w.was_reset());
    drop(w);
    assert!(!ObligationIndex::open(dir.path()).unwrap().was_reset());
}

#[test]
fn opening_a_missing_index_for_search_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let e = SearchIndex::open(&dir.path().join("index")).err().unwrap();
    assert!(e.to_string().contains("duban run"), "{e}");
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
