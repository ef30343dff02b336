//! Facet counts over every match of a search: how many matching records have each value of
//! each dimension (`city:苏州市` 1,163, `kind:task` 15,200, …).
//!
//! [`FacetCounter`] is a tantivy collector over the `facet` column, the multi-valued column
//! of each record's facet term ordinals (`kind\0task`, `city\0苏州市`, …). It counts a
//! segment's ordinals into one flat array as matches come and turns only the ordinals it saw
//! into dimension and value at the end, by one ordered walk of the segment's dictionary.
//! Tantivy's own `FacetCollector` maps each ordinal through a collapse table for the
//! requested facet depth and builds a `Facet` per counted value; every Duban facet is one
//! dimension deep, so counting the ordinals themselves gives the same numbers for half the
//! time a match costs (a million matches: 20 of 32 ms were the facet collector and the
//! column it reads).
//!
//! A query that matches every record of its kind (the empty query: a search page before
//! anything is typed) has the same counts each time until the segment changes, so they are
//! kept by segment ([`WholeSegmentTallies`]): a million matches then cost no facet reads at
//! all, which were two thirds of that query's time.
//!
//! This module does not decide which records match (the query does) nor how many values a
//! dimension lists (the search does).

use crate::schema::FACET_DIMENSIONS;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, ColumnIndex, ColumnValues, RowId, StrColumn};
use tantivy::index::SegmentId;
use tantivy::{DocId, Opstamp, Score, Searcher, SegmentOrdinal, SegmentReader};

/// The name of the facet field in the schema.
const FACET_FIELD: &str = "facet";

/// How many matching records have each value, by dimension and then value.
pub(crate) type FacetTally = BTreeMap<&'static str, BTreeMap<String, u64>>;

/// Counts the facet values of every matching record (a record counts once per value even if
/// it was given the same value twice, as two metrics in `%` give `unit:%` once).
#[derive(Default)]
pub(crate) struct FacetCounter {
    /// When the query matches every live record of one kind: the kept counts of such
    /// queries, and the kind.
    whole: Option<(Arc<WholeSegmentTallies>, &'static str)>,
}

impl FacetCounter {
    /// A counter for a query that matches exactly the live records of `kind` (`obligation`,
    /// `document`, `progress`): it takes a segment's counts from `kept` when they are there,
    /// and keeps those it counts.
    pub(crate) fn of_whole_kind(kept: Arc<WholeSegmentTallies>, kind: &'static str) -> Self {
        FacetCounter {
            whole: Some((kept, kind)),
        }
    }
}

/// What a segment's counts for a whole kind are kept under: the segment, the deletes it has
/// seen (a delete changes which records are live), and the kind.
type WholeKey = (SegmentId, Option<Opstamp>, &'static str);

/// The facet counts of every live record of a kind, by segment, for the queries that match
/// all of them. Segments never change but by deletes, which are in the key; counts of
/// segments a merge has replaced are dropped by [`WholeSegmentTallies::keep_only`].
#[derive(Default)]
pub(crate) struct WholeSegmentTallies {
    kept: Mutex<HashMap<WholeKey, Arc<FacetTally>>>,
}

impl WholeSegmentTallies {
    fn get(&self, key: &WholeKey) -> Option<Arc<FacetTally>> {
        self.kept.lock().ok()?.get(key).cloned()
    }

    fn put(&self, key: WholeKey, tally: &FacetTally) {
        if let Ok(mut kept) = self.kept.lock() {
            kept.insert(key, Arc::new(tally.clone()));
        }
    }

    /// Drops the counts of segments `searcher` no longer has (merged away, or with more
    /// deletes since).
    pub(crate) fn keep_only(&self, searcher: &Searcher) {
        let live: HashSet<(SegmentId, Option<Opstamp>)> = searcher
            .segment_readers()
            .iter()
            .map(|s| (s.segment_id(), s.delete_opstamp()))
            .collect();
        if let Ok(mut kept) = self.kept.lock() {
            kept.retain(|(segment, deletes, _), _| live.contains(&(*segment, *deletes)));
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.kept.lock().map(|k| k.len()).unwrap_or(0)
    }
}

/// One segment's counts: kept from an earlier count of a whole kind, or counted.
pub(crate) enum SegmentFacetCounter {
    /// The segment's counts for a whole kind, as kept: nothing is counted.
    Kept(Arc<FacetTally>),
    /// Counting, and where to keep the counts once counted, for a whole kind.
    Counting(
        Box<OrdinalCounts>,
        Option<(Arc<WholeSegmentTallies>, WholeKey)>,
    ),
}

/// One segment's counts, by term ordinal.
pub(crate) struct OrdinalCounts {
    /// The facet column's ordinals, read once a match.
    ords: Column<u64>,
    /// The facet column, for its dictionary; none in a segment without facets.
    facets: Option<StrColumn>,
    /// Where each record's values start, indexed by record, when every record of the
    /// segment has facet values (every Duban record has a year and a document kind).
    starts: Option<Arc<dyn ColumnValues<RowId>>>,
    counts: Vec<u32>,
    /// The ordinals of the record being counted.
    row_values: Vec<u64>,
}

impl Collector for FacetCounter {
    type Fruit = FacetTally;
    type Child = SegmentFacetCounter;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentFacetCounter> {
        let mut keep = None;
        if let Some((whole, kind)) = &self.whole {
            let key = (segment.segment_id(), segment.delete_opstamp(), *kind);
            if let Some(kept) = whole.get(&key) {
                return Ok(SegmentFacetCounter::Kept(kept));
            }
            keep = Some((whole.clone(), key));
        }
        Ok(SegmentFacetCounter::Counting(
            Box::new(OrdinalCounts::of(segment)?),
            keep,
        ))
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<FacetTally>) -> tantivy::Result<FacetTally> {
        let mut merged = FacetTally::new();
        for segment in segments {
            for (dimension, values) in segment {
                let into = merged.entry(dimension).or_default();
                for (value, count) in values {
                    *into.entry(value).or_default() += count;
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for SegmentFacetCounter {
    type Fruit = FacetTally;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let SegmentFacetCounter::Counting(counts, _) = self {
            counts.count(doc);
        }
    }

    fn harvest(self) -> FacetTally {
        match self {
            SegmentFacetCounter::Kept(kept) => FacetTally::clone(&kept),
            SegmentFacetCounter::Counting(counts, keep) => {
                let tally = counts.by_value();
                if let Some((whole, key)) = keep {
                    whole.put(key, &tally);
                }
                tally
            }
        }
    }
}

impl OrdinalCounts {
    /// Zero counts over the facet column of `segment`.
    fn of(segment: &SegmentReader) -> tantivy::Result<Self> {
        let facets = segment.fast_fields().str(FACET_FIELD)?;
        let (ords, terms) = match &facets {
            Some(facets) => (facets.ords().clone(), facets.num_terms()),
            // A segment without any facet value counts nothing.
            None => (Column::build_empty_column(segment.max_doc()), 0),
        };
        let starts = match &ords.index {
            // The start of record `n + 1`'s values is the end of record `n`'s, so a column
            // of every record's start has one value more than the segment has records; with
            // fewer, some records have no value, and their rows are found by rank instead.
            ColumnIndex::Multivalued(index)
                if index.get_start_index_column().num_vals() == segment.max_doc() + 1 =>
            {
                Some(index.get_start_index_column().clone())
            }
            _ => None,
        };
        Ok(OrdinalCounts {
            ords,
            facets,
            starts,
            counts: vec![0; terms],
            row_values: Vec::new(),
        })
    }

    /// Counts the values of record `doc`.
    fn count(&mut self, doc: DocId) {
        // A record's values are read as one range, a call for all of them rather than one
        // through the column's trait object per value.
        let rows = match &self.starts {
            Some(starts) => {
                let mut bounds = [0; 2];
                starts.get_range(u64::from(doc), &mut bounds);
                bounds[0]..bounds[1]
            }
            None => self.ords.index.value_row_ids(doc),
        };
        let n = rows.len();
        if n == 0 {
            return;
        }
        if self.row_values.len() < n {
            self.row_values.resize(n, 0);
        }
        self.ords
            .values
            .get_range(u64::from(rows.start), &mut self.row_values[..n]);
        // Tantivy keeps a facet column's values sorted within a record, so a value given
        // twice comes twice in a row and counts once.
        let mut previous = None;
        for &ord in &self.row_values[..n] {
            if previous == Some(ord) {
                continue;
            }
            previous = Some(ord);
            // Ordinals come from the segment's own dictionary, so they are below its size;
            // `get_mut` keeps a damaged segment from panicking a search.
            if let Some(count) = self.counts.get_mut(ord as usize) {
                *count += 1;
            }
        }
    }

    /// The counts by dimension and value.
    fn by_value(self) -> FacetTally {
        let mut tally = FacetTally::new();
        let Some(facets) = self.facets else {
            return tally;
        };
        let (ords, counts): (Vec<u64>, Vec<u64>) = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(ord, n)| (ord as u64, u64::from(*n)))
            .unzip();
        let mut counts = counts.into_iter();
        // One walk of the dictionary in ordinal order names every counted ordinal.
        let _ = facets.dictionary().sorted_ords_to_term_cb(&ords, |term| {
            let count = counts.next().unwrap_or_default();
            if let Some((dimension, value)) = dimension_and_value(term) {
                *tally
                    .entry(dimension)
                    .or_default()
                    .entry(value.to_string())
                    .or_default() += count;
            }
        });
        tally
    }
}

/// The dimension and value of an encoded facet (`city\0苏州市` → `city`, `苏州市`), if the
/// dimension is one of [`FACET_DIMENSIONS`].
fn dimension_and_value(encoded: &[u8]) -> Option<(&'static str, &str)> {
    let text = std::str::from_utf8(encoded).ok()?;
    let (dimension, value) = text.split_once('\0')?;
    let dimension = FACET_DIMENSIONS.iter().find(|d| **d == dimension)?;
    Some((dimension, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::query::AllQuery;
    use tantivy::schema::{Facet, FacetOptions, Schema};
    use tantivy::{Index, TantivyDocument};

    /// An index of two segments: one where every record has facet values, read through the
    /// column of starts, and one with a record without any, read by rank. Records are named
    /// `a` to `d` (a `name` field), to be deleted by name.
    fn two_segments() -> (Index, tantivy::IndexWriter, tantivy::schema::Field) {
        let mut schema = Schema::builder();
        let facet = schema.add_facet_field(FACET_FIELD, FacetOptions::default());
        let name = schema.add_text_field("name", tantivy::schema::STRING);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        let record = |n: &str, values: &[&str]| {
            let mut d = TantivyDocument::default();
            d.add_text(name, n);
            for v in values {
                d.add_facet(facet, Facet::from(*v));
            }
            d
        };
        writer
            .add_document(record("a", &["/city/苏州市", "/unit/%", "/unit/%"]))
            .unwrap();
        writer
            .add_document(record("b", &["/city/无锡市", "/unit/%"]))
            .unwrap();
        writer.commit().unwrap();
        writer.add_document(record("c", &[])).unwrap();
        writer
            .add_document(record("d", &["/city/苏州市", "/body/区司法局"]))
            .unwrap();
        writer.commit().unwrap();
        (index, writer, name)
    }

    fn of<'a>(tally: &'a FacetTally, dim: &str) -> Vec<(&'a str, u64)> {
        tally[dim].iter().map(|(v, n)| (v.as_str(), *n)).collect()
    }

    #[test]
    fn every_record_counts_once_a_value_whether_or_not_all_have_values() {
        let (index, _writer, _) = two_segments();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 2);
        let tally = searcher
            .search(&AllQuery, &FacetCounter::default())
            .unwrap();
        assert_eq!(of(&tally, "city"), [("无锡市", 1), ("苏州市", 2)]);
        assert_eq!(of(&tally, "unit"), [("%", 2)]);
        assert_eq!(of(&tally, "body"), [("区司法局", 1)]);
    }

    #[test]
    fn a_whole_kind_is_counted_once_a_segment_and_then_read_from_what_was_kept() {
        let (index, _writer, _) = two_segments();
        let searcher = index.reader().unwrap().searcher();
        let kept = Arc::new(WholeSegmentTallies::default());
        let counter = || FacetCounter::of_whole_kind(kept.clone(), "obligation");
        let first = searcher.search(&AllQuery, &counter()).unwrap();
        assert_eq!(
            first,
            searcher
                .search(&AllQuery, &FacetCounter::default())
                .unwrap()
        );
        assert_eq!(kept.len(), 2);
        // What was kept is what the next count gives, read rather than counted again: a
        // kept count changed by hand shows through.
        let segment = &searcher.segment_readers()[0];
        let key = (segment.segment_id(), segment.delete_opstamp(), "obligation");
        let mut changed = FacetTally::new();
        changed
            .entry("city")
            .or_default()
            .insert("南京市".into(), 7);
        kept.put(key, &changed);
        let second = searcher.search(&AllQuery, &counter()).unwrap();
        assert_eq!(second["city"]["南京市"], 7);
        // Another kind is kept apart.
        searcher
            .search(
                &AllQuery,
                &FacetCounter::of_whole_kind(kept.clone(), "document"),
            )
            .unwrap();
        assert_eq!(kept.len(), 4);
    }

    #[test]
    fn a_delete_makes_a_segment_counted_afresh_and_drops_its_old_counts() {
        let (index, mut writer, name) = two_segments();
        let reader = index.reader().unwrap();
        let kept = Arc::new(WholeSegmentTallies::default());
        let counter = || FacetCounter::of_whole_kind(kept.clone(), "obligation");
        reader.searcher().search(&AllQuery, &counter()).unwrap();
        writer.delete_term(tantivy::Term::from_field_text(name, "d"));
        writer.commit().unwrap();
        reader.reload().unwrap();
        let searcher = reader.searcher();
        kept.keep_only(&searcher);
        // The segment without deletes keeps its counts; the other's are gone.
        assert_eq!(kept.len(), 1);
        let tally = searcher.search(&AllQuery, &counter()).unwrap();
        assert_eq!(of(&tally, "city"), [("无锡市", 1), ("苏州市", 1)]);
        assert!(!tally.contains_key("body"));
        assert_eq!(kept.len(), 2);
    }

    #[test]
    fn an_encoded_facet_splits_into_its_dimension_and_value() {
        assert_eq!(
            dimension_and_value("body\0区政府法制办".as_bytes()),
            Some(("body", "区政府法制办"))
        );
    }

    #[test]
    fn a_value_keeps_a_slash_of_its_own() {
        assert_eq!(
            dimension_and_value("unit\0元/吨".as_bytes()),
            Some(("unit", "元/吨"))
        );
    }

    #[test]
    fn a_facet_of_no_known_dimension_is_not_counted() {
        assert_eq!(dimension_and_value("colour\0红".as_bytes()), None);
        assert_eq!(dimension_and_value(b"kind"), None);
    }
}
