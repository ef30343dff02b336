//! The progress of targets as a run exports and indexes it: `duban-track` over the documents
//! stored in the state, each target's progress as one line of `progress.jsonl` and one
//! progress record of the index.
//!
//! The progress is recomputed whole from the state each time (a new report can link a result
//! to a target of any earlier document); its bytes depend only on the stored documents, so an
//! unchanged state gives the same lines and the export and index leave their files alone. This
//! module neither links targets (`duban-track` does) nor writes anything.

use crate::RunError;
use duban_index::{DocumentSummary, ProgressRecord};
use duban_state::State;
use duban_track::Progress;
use std::collections::{HashMap, HashSet};

/// Documents whose figures are read at once, on every core.
const TRACKED_BATCH: usize = 256;

/// Every target's progress of the documents stored in `state`, in `duban track`'s order. The
/// documents are read a batch at a time: only their figures and summaries are kept.
pub fn tracked(state: &State) -> Result<Vec<ProgressRecord>, RunError> {
    let mut tracker = duban_track::Tracker::default();
    let mut summaries = HashMap::new();
    let mut batch = Vec::with_capacity(TRACKED_BATCH);
    duban_track::for_each_document(state, |doc| {
        summaries.insert(doc.id.clone(), DocumentSummary::of(&doc));
        batch.push(doc);
        if batch.len() == TRACKED_BATCH {
            tracker.add_all(&batch);
            batch.clear();
        }
    })?;
    tracker.add_all(&batch);
    records(&summaries, &tracker.progress())
}

/// The export lines and index records of `progress`, with the summaries of its documents.
pub(crate) fn records(
    summaries: &HashMap<String, DocumentSummary>,
    progress: &[Progress],
) -> Result<Vec<ProgressRecord>, RunError> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(progress.len());
    for p in progress {
        let t = &p.target;
        let Some(document) = summaries.get(&t.doc_id) else {
            continue;
        };
        // A target is its document's phrase at its span; two figures of one phrase (rare)
        // are told apart by their place in the list.
        let base = format!("{}@{}-{}", t.doc_id, t.span[0], t.span[1]);
        let mut id = base.clone();
        let mut n = 1;
        while !seen.insert(id.clone()) {
            n += 1;
            id = format!("{base}#{n}");
        }
        let mut indicators = vec![t.indicator.clone()];
        if let Some(r) = p.result.as_ref().filter(|r| r.indicator != t.indicator) {
            indicators.push(r.indicator.clone());
        }
        out.push(ProgressRecord {
            id,
            document: document.clone(),
            year: t.year,
            target: t.text.clone(),
            result: p.result.as_ref().map(|r| r.text.clone()),
            indicators,
            unit: t.unit.clone(),
            value: t.value,
            json: serde_json::to_string(p).map_err(RunError::Progress)?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use duban_model::{DocKind, Document, Region};

    fn suzhou(id: &str, kind: DocKind, year: i32, text: &str) -> Document {
        let mut doc = Document::from_text(id, kind, Some(year), text);
        doc.region = Some(Region {
            code: "320500".into(),
            province: Some("江苏省".into()),
            city: Some("苏州市".into()),
            county: None,
        });
        doc
    }

    #[test]
    fn a_linked_target_becomes_one_record_with_both_phrases_and_its_line() {
        let docs = [
            suzhou(
                "file:plan.txt",
                DocKind::Plan,
                2016,
                "一、主要目标\n1.到2020年，行政机关负责人出庭应诉率达到80%以上。\n",
            ),
            suzhou(
                "file:report.txt",
                DocKind::Report,
                2021,
                "一、2020年工作回顾\n全市行政机关负责人出庭应诉率达到92.4%。\n",
            ),
        ];
        let progress = duban_track::track(&docs);
        let summaries = docs
            .iter()
            .map(|d| (d.id.clone(), DocumentSummary::of(d)))
            .collect();
        let records = records(&summaries, &progress).unwrap();
        assert_eq!(records.len(), 1);
        let r = &records[0];
        assert!(r.id.starts_with("file:plan.txt@"), "{}", r.id);
        assert_eq!(r.document.id, "file:plan.txt");
        assert!(r.target.contains("80%"), "{}", r.target);
        assert!(r.result.as_deref().unwrap().contains("92.4%"));
        let line: serde_json::Value = serde_json::from_str(&r.json).unwrap();
        assert_eq!(line["status"], "met");
        assert_eq!(line["result"]["doc_id"], "file:report.txt");
        assert_eq!(r.json, serde_json::to_string(&progress[0]).unwrap());
        // datapackage.json describes exactly the fields of the line, in its order.
        let described: Vec<&str> = duban_export::tables::JSONL_TABLES
            .iter()
            .find(|t| t.name == "progress")
            .unwrap()
            .fields
            .iter()
            .map(|f| f.name)
            .collect();
        let keys: Vec<&String> = line.as_object().unwrap().keys().collect();
        let mut sorted = described.clone();
        sorted.sort_unstable();
        assert_eq!(keys, sorted);
    }
}
