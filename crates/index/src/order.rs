//! The order of search results: a record's rank under a [`Sort`], ties broken by its id.
//!
//! Every order is total. Records rank by the sort's key — the relevance score, or whether
//! the record has a deadline (or year) and which — and records of equal rank (the same score,
//! the same deadline year, no deadline at all) come in the order of their ids, ascending by
//! byte. That is the order the search engine sorts by too (`score desc,id asc`, `deadline
//! asc,id asc` in `duban search --engine`), so a page sorted by deadline or year, where no
//! score takes part, holds the same records in the same order on both; by relevance the
//! scores themselves differ.
//!
//! Ids are compared through the `id` fast field: a segment ranks its records by their ids'
//! ordinals in its own dictionary (in byte order too), and only the page's candidates are
//! turned into ids, to merge the segments. Building queries, and the score, are not here.

use crate::search::Sort;
use std::cmp::Reverse;
use tantivy::collector::sort_key::NaturalComparator;
use tantivy::collector::{Collector, SegmentCollector, TopNComputer};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{EnableScoring, Query};
use tantivy::{DocAddress, DocId, DocSet, Score, Searcher, SegmentOrdinal, SegmentReader};

/// A record's rank under a sort, greatest first: a record with the sort's value before one
/// without, then the value (negated for an ascending order), then the relevance score (only
/// when sorting by relevance; 0 otherwise, so that ties fall to the id).
pub(crate) type Rank = (bool, i64, Score);

/// The rank of a record with the sort value `value` (the smallest of its values for an
/// ascending sort, the largest for a descending one) or none.
pub(crate) fn value_rank(value: Option<i64>, descending: bool) -> Rank {
    match value {
        Some(v) if descending => (true, v, 0.0),
        Some(v) => (true, v.saturating_neg(), 0.0),
        None => (false, 0, 0.0),
    }
}

/// The rank of a record sorted by relevance.
pub(crate) fn score_rank(score: Score) -> Rank {
    (true, 0, score)
}

/// Where a record stands: its rank, then its id ascending (an ordinal within a segment, the
/// id's bytes across segments); `score` is carried for the hit, never decides (ids are unique).
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub(crate) struct Place<Id> {
    rank: Rank,
    id: Reverse<Id>,
    score: Score,
}

/// The page `offset..offset + limit` of the matching records in the order of `sort`, with
/// their relevance scores.
pub(crate) struct SortedPage {
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

impl Collector for SortedPage {
    type Fruit = Vec<(Score, DocAddress)>;
    type Child = SegmentPage;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentPage> {
        let fast = segment.fast_fields();
        let values = match self.sort {
            Sort::Relevance => None,
            Sort::Deadline { .. } => fast.i64("deadline").ok(),
            Sort::Year { .. } => fast.i64("year").ok(),
        };
        Ok(SegmentPage {
            sort: self.sort,
            segment_ord,
            values,
            ids: fast.str("id")?,
            top: TopNComputer::new_with_comparator(self.offset + self.limit, NaturalComparator),
        })
    }

    fn requires_scoring(&self) -> bool {
        // Sorted by deadline or year, the score decides nothing: the matches are collected
        // without it (tantivy then skips the optional clauses that only add to scores), and
        // the page's hits are scored afterwards ([`scores_of`]).
        self.sort == Sort::Relevance
    }

    fn merge_fruits(
        &self,
        segments: Vec<tantivy::Result<SegmentTop>>,
    ) -> tantivy::Result<Self::Fruit> {
        let size = self.offset + self.limit;
        let segments = segments.into_iter().collect::<tantivy::Result<Vec<_>>>()?;
        // Only the records that can be on the page need their ids, to break ties: those
        // ranking at least as high as the page's last by rank alone. Turning an ordinal
        // into an id reads a block of the id dictionary, and every segment hands in a whole
        // page of candidates.
        let mut ranks: Vec<Rank> = segments
            .iter()
            .flat_map(|s| s.hits.iter().map(|(place, _)| place.rank))
            .collect();
        ranks.sort_by(|a, b| b.partial_cmp(a).unwrap_or(std::cmp::Ordering::Equal));
        let last = ranks.get(size.saturating_sub(1)).copied();
        let mut top: TopNComputer<Place<Vec<u8>>, DocAddress, NaturalComparator> =
            TopNComputer::new_with_comparator(size, NaturalComparator);
        for segment in segments {
            for (place, address) in segment.with_ids(|rank| last.is_none_or(|l| *rank >= l))? {
                top.push(place, address);
            }
        }
        Ok(top
            .into_sorted_vec()
            .into_iter()
            .skip(self.offset)
            .map(|d| (d.sort_key.score, d.doc))
            .collect())
    }
}

/// A segment's best records, with the ordinals of their ids in the segment's dictionary.
pub(crate) struct SegmentTop {
    hits: Vec<(Place<u64>, DocAddress)>,
    ids: Option<StrColumn>,
}

impl SegmentTop {
    /// The hits whose rank `wanted` accepts, with their ids, read in one ordered walk of the
    /// segment's id dictionary.
    fn with_ids(
        self,
        wanted: impl Fn(&Rank) -> bool,
    ) -> tantivy::Result<Vec<(Place<Vec<u8>>, DocAddress)>> {
        let hits: Vec<_> = self
            .hits
            .into_iter()
            .filter(|(p, _)| wanted(&p.rank))
            .collect();
        let mut ords: Vec<u64> = hits.iter().map(|(p, _)| p.id.0).collect();
        ords.sort_unstable();
        ords.dedup();
        let mut ids: Vec<Vec<u8>> = Vec::with_capacity(ords.len());
        if let Some(column) = &self.ids {
            let all = column
                .dictionary()
                .sorted_ords_to_term_cb(&ords, |id| ids.push(id.to_vec()))?;
            if !all {
                return Err(tantivy::TantivyError::InternalError(
                    "a record's id ordinal is not in its segment's id dictionary".into(),
                ));
            }
        }
        Ok(hits
            .into_iter()
            .map(|(place, address)| {
                let id = ords
                    .binary_search(&place.id.0)
                    .ok()
                    .and_then(|i| ids.get(i).cloned())
                    .unwrap_or_default();
                let place = Place {
                    rank: place.rank,
                    id: Reverse(id),
                    score: place.score,
                };
                (place, address)
            })
            .collect())
    }
}

/// The relevance scores of `hits` (records `query` matches), as a search sorted by relevance
/// would give them: for a page collected without scores, one scorer a segment seeks each hit.
pub(crate) fn scores_of(
    searcher: &Searcher,
    query: &dyn Query,
    hits: &[DocAddress],
) -> tantivy::Result<Vec<Score>> {
    let weight = query.weight(EnableScoring::enabled_from_searcher(searcher))?;
    let mut order: Vec<usize> = (0..hits.len()).collect();
    order.sort_by_key(|&i| (hits[i].segment_ord, hits[i].doc_id));
    let mut scores = vec![0.0; hits.len()];
    let mut current: Option<(SegmentOrdinal, Box<dyn tantivy::query::Scorer>)> = None;
    for i in order {
        let DocAddress {
            segment_ord,
            doc_id,
        } = hits[i];
        let scorer = match &mut current {
            Some((ord, scorer)) if *ord == segment_ord => scorer,
            _ => {
                let reader = searcher.segment_reader(segment_ord);
                &mut current.insert((segment_ord, weight.scorer(reader, 1.0)?)).1
            }
        };
        if scorer.doc() <= doc_id && scorer.seek(doc_id) == doc_id {
            scores[i] = scorer.score();
        }
    }
    Ok(scores)
}

/// One segment's best `offset + limit` records.
pub(crate) struct SegmentPage {
    sort: Sort,
    segment_ord: SegmentOrdinal,
    /// The sort's column (none for relevance, or when no record of the segment has a value).
    values: Option<Column<i64>>,
    /// The ids (none in a segment without records).
    ids: Option<StrColumn>,
    top: TopNComputer<Place<u64>, DocId, NaturalComparator>,
}

impl SegmentPage {
    fn rank(&self, doc: DocId, score: Score) -> Rank {
        let values = self.values.as_ref();
        match self.sort {
            Sort::Relevance => score_rank(score),
            Sort::Deadline { descending } => {
                // A record's every deadline is a value: the earliest decides an ascending
                // order, the latest a descending one (as Solr sorts a multi-valued field).
                let all = values.into_iter().flat_map(|c| c.values_for_doc(doc));
                value_rank(if descending { all.max() } else { all.min() }, descending)
            }
            Sort::Year { descending } => value_rank(values.and_then(|c| c.first(doc)), descending),
        }
    }
}

impl SegmentCollector for SegmentPage {
    type Fruit = tantivy::Result<SegmentTop>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let id = self
            .ids
            .as_ref()
            .and_then(|c| c.ords().first(doc))
            .unwrap_or(0);
        let place = Place {
            rank: self.rank(doc, score),
            id: Reverse(id),
            score,
        };
        self.top.push(place, doc);
    }

    fn harvest(self) -> Self::Fruit {
        let segment_ord = self.segment_ord;
        Ok(SegmentTop {
            hits: self
                .top
                .into_vec()
                .into_iter()
                .map(|d| (d.sort_key, DocAddress::new(segment_ord, d.doc)))
                .collect(),
            ids: self.ids,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_with_a_value_ranks_before_one_without_either_way() {
        for descending in [false, true] {
            assert!(value_rank(Some(2030), descending) > value_rank(None, descending));
        }
    }

    #[test]
    fn an_ascending_rank_puts_the_earlier_year_first_a_descending_one_the_later() {
        assert!(value_rank(Some(2018), false) > value_rank(Some(2020), false));
        assert!(value_rank(Some(2020), true) > value_rank(Some(2018), true));
    }

    #[test]
    fn equal_ranks_fall_to_the_smaller_id_whatever_the_scores() {
        // Sorted by deadline, two obligations due in 2020: the score does not decide.
        let earlier = Place {
            rank: value_rank(Some(2020), false),
            id: Reverse(b"file:a.txt#1.".to_vec()),
            score: 0.5,
        };
        let later = Place {
            rank: value_rank(Some(2020), false),
            id: Reverse(b"file:a.txt#2.".to_vec()),
            score: 9.0,
        };
        assert!(earlier > later);
        // Sorted by relevance, the score decides before the id.
        let better = Place {
            rank: score_rank(9.0),
            ..later.clone()
        };
        let worse = Place {
            rank: score_rank(0.5),
            ..earlier
        };
        assert!(better > worse);
    }
}
