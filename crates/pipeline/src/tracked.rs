//! The progress of targets as a run exports and indexes it: `duban-track` over the documents
//! stored in the state, each target's progress as one line of `progress.jsonl` and one
//! progress record of the index.
//!
//! The progress is computed whole from the state (a new report can link a result to a target
//! of any earlier document); its bytes depend only on the stored documents and the build, so an
//! unchanged state gives the same lines and the export and index leave their files alone. A
//! run's spool is kept in the data folder with a seal naming the state and build it was
//! tracked from ([`TrackedProgress::of_data_folder`]): the next run, when no record changed nor
//! was withdrawn and the binary is the same, reads it again instead of tracking every stored
//! document anew (at 100 MB of text, 9 of an unchanged run's 12 seconds). When some did, the
//! seal's list of where each unit of tracking (a region) is in the spool lets a run of the same
//! build copy the lines of every region whose documents are all as they were, and link only
//! the others.
//! Tracking goes one region at a time and spools the records to a file of the data folder
//! ([`TrackedProgress`]), which the index and the export then read a batch at a time: a
//! run's memory holds one region's progress, never the corpus's (at a hundred megabytes of
//! text the progress lines are some seventy megabytes). This module neither links targets
//! (`duban-track` does) nor decides where the spool lives.

use crate::RunError;
use crate::seal::{self, Provenance};
use duban_index::{DocumentSummary, ObligationIndex, ProgressDigest, ProgressRecord};
use duban_state::State;
use duban_track::Progress;
use duban_track::UnitKey;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Progress records handed to the index or the export at once.
const SPOOL_BATCH: usize = 1024;

/// The progress records of every target of the stored documents, in `duban track`'s order,
/// spooled to a file (one [`ProgressRecord::to_line`] a line) until the index and the export
/// have read them. A spool of [`TrackedProgress::track`] is removed when this is dropped; one
/// of [`TrackedProgress::of_data_folder`] is kept, sealed, for the next run. One left by a
/// killed run is overwritten by the next.
pub struct TrackedProgress {
    path: PathBuf,
    digest: String,
    records: usize,
    /// Whether the spool stays when this is dropped.
    keep: bool,
    /// Where each unit's lines are, in order.
    units: Vec<SpooledUnit>,
    /// What the progress was tracked from, for a data folder's spool (the exports are sealed
    /// with it too).
    made_from: Option<Provenance>,
}

/// The seal written beside a complete kept spool (`<spool>.seal`): its key, what reading it
/// again must find, and where each unit's lines are.
#[derive(Debug, Serialize, Deserialize)]
struct SpoolSeal {
    key: Provenance,
    digest: String,
    records: usize,
    bytes: u64,
    #[serde(default)]
    units: Vec<SpooledUnit>,
}

/// Where the lines of one unit of tracking (a region, or a batch of documents without one;
/// [`duban_track::for_each_unit`]) are in a spool.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SpooledUnit {
    /// Its [`duban_track::UnitKey`], in hex.
    key: String,
    offset: u64,
    bytes: u64,
    records: usize,
}

/// The units of the last run's spool, which a run of the same build copies instead of linking
/// their regions again.
struct EarlierSpool {
    file: BufReader<std::fs::File>,
    units: HashMap<String, SpooledUnit>,
}

/// A spool being written, unit by unit.
struct SpoolWriter {
    out: BufWriter<std::fs::File>,
    digest: ProgressDigest,
    offset: u64,
    records: usize,
    units: Vec<SpooledUnit>,
}

impl SpoolWriter {
    fn line(&mut self, line: &str) -> std::io::Result<()> {
        self.digest.push(line);
        self.out.write_all(line.as_bytes())?;
        self.out.write_all(b"\n")?;
        self.offset += line.len() as u64 + 1;
        self.records += 1;
        Ok(())
    }

    fn unit(&mut self, key: UnitKey, offset: u64, records: usize) {
        self.units.push(SpooledUnit {
            key: hex_key(key),
            offset,
            bytes: self.offset - offset,
            records: self.records - records,
        });
    }

    /// Copies the lines of `unit` from the earlier spool.
    fn copy(
        &mut self,
        from: &mut BufReader<std::fs::File>,
        unit: &SpooledUnit,
    ) -> std::io::Result<()> {
        from.seek(SeekFrom::Start(unit.offset))?;
        let mut lines = from.take(unit.bytes);
        let mut line = String::new();
        while lines.read_line(&mut line)? > 0 {
            let text = line.strip_suffix('\n').ok_or_else(|| {
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    "a spooled unit ends inside a line",
                )
            })?;
            self.line(text)?;
            line.clear();
        }
        Ok(())
    }
}

fn hex_key(key: UnitKey) -> String {
    format!("{:032x}", key.0)
}

/// The link group of a unit's progress records (see [`ProgressRecord::link_group`]): what
/// the unit was linked from, and the build that linked it.
fn link_group(unit_key: &str) -> String {
    format!("{unit_key}-{}", crate::run::build_identity())
}

impl TrackedProgress {
    /// The progress of the documents stored in `state`, spooled to `path` in a data folder:
    /// the spool a previous run left there when its seal names this state as it is now and
    /// this build; else tracked again, copying from that spool the regions whose documents
    /// are all as they were (same build), and sealed.
    pub fn of_data_folder(state: &State, path: &Path) -> Result<Self, RunError> {
        let key = Provenance::of(state)?;
        let seal_path = seal_path(path);
        let seal: Option<SpoolSeal> = seal::read(&seal_path);
        let bytes = std::fs::metadata(path).map(|m| m.len()).ok();
        let seal = seal.filter(|seal| Some(seal.bytes) == bytes);
        if let Some(seal) = seal.as_ref().filter(|seal| seal.key == key) {
            tracing::debug!(spool = %path.display(), records = seal.records, "Progress unchanged; spool read again.");
            return Ok(TrackedProgress {
                path: path.to_path_buf(),
                digest: seal.digest.clone(),
                records: seal.records,
                keep: true,
                units: seal.units.clone(),
                made_from: Some(key),
            });
        }
        let mut earlier = match seal.filter(|seal| seal.key.same_build(&key)) {
            Some(seal) => std::fs::File::open(path).ok().map(|file| EarlierSpool {
                file: BufReader::new(file),
                units: seal.units.into_iter().map(|u| (u.key.clone(), u)).collect(),
            }),
            None => None,
        };
        // No seal while the spool is rewritten: a run stopped half-way leaves none.
        remove_if_there(&seal_path);
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(".new");
        let fresh = path.with_file_name(name);
        let mut tracked = Self::track_units(state, &fresh, earlier.as_mut())?;
        drop(earlier);
        std::fs::rename(&fresh, path).map_err(|source| RunError::ProgressSpool {
            path: path.to_path_buf(),
            source,
        })?;
        tracked.path = path.to_path_buf();
        tracked.keep = true;
        tracked.made_from = Some(key.clone());
        let seal = SpoolSeal {
            key,
            digest: tracked.digest.clone(),
            records: tracked.records,
            bytes: std::fs::metadata(path).map(|m| m.len()).unwrap_or(0),
            units: tracked.units.clone(),
        };
        seal::write(&seal_path, &seal);
        Ok(tracked)
    }

    /// Tracks the targets of the documents stored in `state` into the spool file `path`,
    /// removed when this is dropped.
    pub fn track(state: &State, path: &Path) -> Result<Self, RunError> {
        Self::track_units(state, path, None)
    }

    /// [`TrackedProgress::track`], copying the units `earlier` has.
    fn track_units(
        state: &State,
        path: &Path,
        earlier: Option<&mut EarlierSpool>,
    ) -> Result<Self, RunError> {
        let spool_error = |source| RunError::ProgressSpool {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::create(path).map_err(spool_error)?;
        // From here on the file is removed however tracking ends.
        let mut tracked = TrackedProgress {
            path: path.to_path_buf(),
            digest: String::new(),
            records: 0,
            keep: false,
            units: Vec::new(),
            made_from: None,
        };
        let writer = RefCell::new(SpoolWriter {
            out: BufWriter::new(file),
            digest: ProgressDigest::default(),
            offset: 0,
            records: 0,
            units: Vec::new(),
        });
        let earlier = RefCell::new(earlier);
        let (mut copied, mut linked) = (0usize, 0usize);
        duban_track::for_each_unit(
            state,
            DocumentSummary::of,
            |key| {
                let mut earlier = earlier.borrow_mut();
                let Some(earlier) = earlier.as_mut() else {
                    return Ok(false);
                };
                let Some(unit) = earlier.units.get(&hex_key(key)) else {
                    return Ok(false);
                };
                let mut w = writer.borrow_mut();
                let (offset, records) = (w.offset, w.records);
                w.copy(&mut earlier.file, unit).map_err(spool_error)?;
                w.unit(key, offset, records);
                copied += 1;
                Ok::<bool, RunError>(true)
            },
            |key, summaries, progress| {
                let mut w = writer.borrow_mut();
                let (offset, records) = (w.offset, w.records);
                let group = link_group(&hex_key(key));
                for mut record in records_of(&summaries, &progress)? {
                    record.link_group.clone_from(&group);
                    w.line(&record.to_line()).map_err(spool_error)?;
                }
                w.unit(key, offset, records);
                linked += 1;
                Ok::<(), RunError>(())
            },
        )?;
        let mut w = writer.into_inner();
        w.out.flush().map_err(spool_error)?;
        tracing::debug!(copied, linked, "Progress tracked by unit.");
        tracked.records = w.records;
        tracked.digest = w.digest.finish();
        tracked.units = w.units;
        Ok(tracked)
    }

    /// What a data folder's progress was tracked from ([`TrackedProgress::of_data_folder`]).
    pub(crate) fn made_from(&self) -> Option<&Provenance> {
        self.made_from.as_ref()
    }

    /// The digest of the records ([`ProgressDigest`]).
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// How many progress records there are.
    pub fn len(&self) -> usize {
        self.records
    }

    /// Whether no target was tracked.
    pub fn is_empty(&self) -> bool {
        self.records == 0
    }

    /// Hands `f` the records in order, a batch at a time.
    pub fn for_each_batch(
        &self,
        f: impl FnMut(&[ProgressRecord]) -> Result<(), RunError>,
    ) -> Result<(), RunError> {
        let reader = BufReader::new(std::fs::File::open(&self.path).map_err(self.spool_error())?);
        self.in_batches(reader.lines(), f)
    }

    /// Parses spooled `lines` and hands `f` the records, a batch at a time.
    fn in_batches(
        &self,
        lines: impl Iterator<Item = std::io::Result<String>>,
        mut f: impl FnMut(&[ProgressRecord]) -> Result<(), RunError>,
    ) -> Result<(), RunError> {
        let mut batch = Vec::with_capacity(SPOOL_BATCH);
        for line in lines {
            let line = line.map_err(self.spool_error())?;
            batch.push(serde_json::from_str(&line).map_err(RunError::Progress)?);
            if batch.len() == SPOOL_BATCH {
                f(&batch)?;
                batch.clear();
            }
        }
        if !batch.is_empty() {
            f(&batch)?;
        }
        Ok(())
    }

    fn spool_error(&self) -> impl Fn(std::io::Error) -> RunError + '_ {
        |source| RunError::ProgressSpool {
            path: self.path.clone(),
            source,
        }
    }

    /// Puts the records in `index` in place of those it holds, unless it holds these: the
    /// records of the link groups it lacks are added, those of the groups gone are deleted.
    pub fn index_into(&self, index: &mut ObligationIndex) -> Result<(), RunError> {
        if index.holds_progress(&self.digest) {
            return Ok(());
        }
        let group_of = |unit: &SpooledUnit| link_group(&unit.key);
        let groups = self.units.iter().map(group_of).collect();
        let missing = index.begin_progress_groups(self.digest.clone(), groups);
        let mut reader =
            BufReader::new(std::fs::File::open(&self.path).map_err(self.spool_error())?);
        for unit in self.units.iter().filter(|u| missing.contains(&group_of(u))) {
            reader
                .seek(SeekFrom::Start(unit.offset))
                .map_err(self.spool_error())?;
            let lines = (&mut reader).take(unit.bytes).lines();
            self.in_batches(lines, |batch| Ok(index.add_progress(batch)?))?;
        }
        Ok(())
    }
}

impl Drop for TrackedProgress {
    fn drop(&mut self) {
        if !self.keep {
            remove_if_there(&self.path);
        }
    }
}

/// The seal of the spool at `path`: `progress.spool` → `progress.spool.seal`.
fn seal_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".seal");
    path.with_file_name(name)
}

fn remove_if_there(path: &Path) {
    if let Err(e) = seal::remove(path) {
        tracing::warn!(path = %path.display(), error = %e, "Progress spool not removed.");
    }
}

/// The export lines and index records of `progress`, with the summaries of its documents.
pub(crate) fn records_of(
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
            link_group: String::new(),
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

    /// A Hangzhou plan whose target no Suzhou document can answer.
    fn hangzhou_plan() -> Document {
        let mut hangzhou = suzhou(
            "file:hz-plan.txt",
            DocKind::Plan,
            2016,
            "一、主要目标\n1.到2020年，行政复议案件办结率达到95%以上。\n",
        );
        hangzhou.region = Some(Region {
            code: "330100".into(),
            province: Some("浙江省".into()),
            city: Some("杭州市".into()),
            county: None,
        });
        hangzhou
    }

    /// Stores `doc` again as a changed record (a new generation).
    fn store_again(state: &State, doc: &Document) {
        let record = duban_state::records::StoredRecord {
            doc_id: doc.id.clone(),
            sha256: "1".repeat(64),
            document: serde_json::to_string(doc).unwrap(),
            obligations: String::new(),
            withdrawn: false,
        };
        state.put_record(&record, None).unwrap();
    }

    #[test]
    fn tracked_progress_is_spooled_in_track_order_and_the_spool_removed_after() {
        let hangzhou = hangzhou_plan();
        let docs = [
            suzhou(
                "file:report.txt",
                DocKind::Report,
                2021,
                "一、2020年工作回顾\n全市行政机关负责人出庭应诉率达到92.4%。\n",
            ),
            hangzhou,
            suzhou(
                "file:plan.txt",
                DocKind::Plan,
                2016,
                "一、主要目标\n1.到2020年，行政机关负责人出庭应诉率达到80%以上。\n",
            ),
        ];
        let (dir, state) = duban_testkit::state::stored(&docs);
        let spool = dir.path().join("progress.spool");
        let tracked = TrackedProgress::track(&state, &spool).unwrap();
        assert!(spool.exists());
        let mut lines = Vec::new();
        tracked
            .for_each_batch(|batch| {
                lines.extend(batch.iter().map(|r| r.json.clone()));
                Ok(())
            })
            .unwrap();
        // The same lines, in the same order, as tracking all documents at once.
        let whole: Vec<String> = duban_track::track(&docs)
            .iter()
            .map(|p| serde_json::to_string(p).unwrap())
            .collect();
        assert_eq!(lines, whole);
        assert_eq!(tracked.len(), 2);
        // Tracking the same documents again gives the same digest: an unchanged run leaves
        // the index's progress alone.
        let again = TrackedProgress::track(&state, &dir.path().join("again.spool")).unwrap();
        assert_eq!(again.digest, tracked.digest);
        drop(tracked);
        assert!(!spool.exists());
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
        let records = records_of(&summaries, &progress).unwrap();
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

    #[test]
    fn a_sealed_spool_is_read_again_until_a_record_changes_or_is_withdrawn() {
        let plan = suzhou(
            "file:plan.txt",
            DocKind::Plan,
            2016,
            "一、主要目标\n1.到2020年，行政机关负责人出庭应诉率达到80%以上。\n",
        );
        let report = suzhou(
            "file:report.txt",
            DocKind::Report,
            2021,
            "一、2020年工作回顾\n全市行政机关负责人出庭应诉率达到92.4%。\n",
        );
        let (dir, state) = duban_testkit::state::stored(&[plan, report.clone()]);
        let spool = dir.path().join("progress.spool");
        let linked = TrackedProgress::of_data_folder(&state, &spool)
            .unwrap()
            .digest
            .clone();
        assert!(
            spool.exists(),
            "a data folder's spool is kept for the next run"
        );
        let original = std::fs::read(&spool).unwrap();

        // Nothing changed: the spool is read again, not tracked anew (bytes of the same
        // length written over it stay as they are).
        let mut marked = original.clone();
        marked[0] = b' ';
        std::fs::write(&spool, &marked).unwrap();
        let again = TrackedProgress::of_data_folder(&state, &spool).unwrap();
        assert_eq!(again.digest, linked);
        assert_eq!(std::fs::read(&spool).unwrap(), marked);
        drop(again);

        // A spool that is not the one sealed (another length) is tracked again.
        std::fs::write(&spool, b"").unwrap();
        TrackedProgress::of_data_folder(&state, &spool).unwrap();
        assert_eq!(std::fs::read(&spool).unwrap(), original);

        // A withdrawal keeps the generation but unlinks the report's result.
        state.withdraw_record("file:report.txt").unwrap();
        let unlinked = TrackedProgress::of_data_folder(&state, &spool)
            .unwrap()
            .digest
            .clone();
        assert_ne!(unlinked, linked);

        // The report stored again (a record change) links it again.
        store_again(&state, &report);
        let relinked = TrackedProgress::of_data_folder(&state, &spool)
            .unwrap()
            .digest
            .clone();
        assert_eq!(relinked, linked);
        assert_eq!(std::fs::read(&spool).unwrap(), original);
    }

    #[test]
    fn a_changed_document_links_its_region_again_and_the_other_regions_are_copied() {
        let report = |rate: &str| {
            suzhou(
                "file:report.txt",
                DocKind::Report,
                2021,
                &format!("一、2020年工作回顾\n全市行政机关负责人出庭应诉率达到{rate}。\n"),
            )
        };
        let hangzhou = hangzhou_plan();
        let plan = suzhou(
            "file:plan.txt",
            DocKind::Plan,
            2016,
            "一、主要目标\n1.到2020年，行政机关负责人出庭应诉率达到80%以上。\n",
        );
        let (dir, state) = duban_testkit::state::stored(&[plan, report("92.4%"), hangzhou]);
        let spool = dir.path().join("progress.spool");
        let index_dir = dir.path().join("index");
        let mut index = ObligationIndex::open(&index_dir).unwrap();
        TrackedProgress::of_data_folder(&state, &spool)
            .unwrap()
            .index_into(&mut index)
            .unwrap();
        index.commit().unwrap();

        // The report changes: what comes out is what tracking every document gives.
        store_again(&state, &report("70.1%"));
        let incremental = TrackedProgress::of_data_folder(&state, &spool).unwrap();
        // The index replaces Suzhou's group and keeps Hangzhou's: it holds one record of each.
        incremental.index_into(&mut index).unwrap();
        index.commit().unwrap();
        let search = duban_index::SearchIndex::open(&index_dir).unwrap();
        let mut req = duban_index::SearchRequest::new("");
        req.target = duban_index::Target::Progress;
        let found: Vec<String> = search
            .search(&req)
            .unwrap()
            .hits
            .into_iter()
            .map(|h| h.progress.map(|p| p.to_string()).unwrap_or_default())
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().any(|p| p.contains("70.1%")), "{found:?}");
        let whole = TrackedProgress::track(&state, &dir.path().join("whole.spool")).unwrap();
        assert_eq!(incremental.digest, whole.digest);
        assert_eq!(
            std::fs::read(&spool).unwrap(),
            std::fs::read(dir.path().join("whole.spool")).unwrap()
        );
        assert!(
            String::from_utf8(std::fs::read(&spool).unwrap())
                .unwrap()
                .contains("missed")
        );
        drop((incremental, whole));

        // Hangzhou's lines are copied, not linked again: bytes written over them (same length)
        // stay, while Suzhou's follow the report's next change.
        let text = String::from_utf8(std::fs::read(&spool).unwrap()).unwrap();
        assert!(text.contains("杭州市"));
        std::fs::write(&spool, text.replace("杭州市", "杭洲市")).unwrap();
        store_again(&state, &report("85.0%"));
        drop(TrackedProgress::of_data_folder(&state, &spool).unwrap());
        let text = String::from_utf8(std::fs::read(&spool).unwrap()).unwrap();
        assert!(
            text.contains("杭洲市") && !text.contains("杭州市"),
            "{text}"
        );
        assert!(text.contains("85.0%"), "{text}");
    }
}
