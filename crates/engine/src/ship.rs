//! `duban ship`: an export's records onto the engine, sending only what changed.
//!
//! Every record the engine holds carries a `fingerprint`: the SHA-256 of the mapping's version
//! and the export lines it was made from (an obligation's includes its document's line, whose
//! title, region and summary it carries). A ship reads the engine's ids and fingerprints back
//! (cursor paging, in id order), upserts by id the records whose fingerprint differs or is
//! missing, deletes the ids the export no longer has (withdrawn documents and their
//! obligations), and commits only if it sent anything: over unchanged exports it sends
//! nothing. The fingerprints live in the engine, not in the data folder, so a ship is right
//! whatever happened to the engine since the last one (restored, emptied, shipped to from
//! another folder).
//!
//! An export is a data folder's `export/` (`documents.jsonl`, `obligations.jsonl`) or a
//! distributed run's gathered export, partitioned by shard (`documents/*.jsonl`,
//! `obligations/*.jsonl`); several folders may be shipped together as one collection. A
//! record from a partition file carries its partition's name (`partition`), so that
//! [`ship_partitions`] can ship a partitioned export one partition at a time, in parallel,
//! each reading back only its own partition's fingerprints (memory bounded by the largest
//! partition, not by the collection), and then delete the partitions the export no longer has.

use crate::record::{document_fields, obligation_fields};
use crate::translate::quoted;
use crate::{DOCUMENTS, EngineError, OBLIGATIONS, Solr};
use duban_model::{Document, Obligation, sha256_hex};
use serde_json::{Map, Value, json};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Records per update request.
const BATCH: usize = 500;
/// Bumped whenever `record` maps a record to different Solr fields, so that the next ship
/// sends every record again.
const MAPPING_VERSION: &str = "duban-solr-1";

/// What a ship did to one collection.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShipStats {
    /// Records in the export.
    pub records: usize,
    /// Records sent (new or changed).
    pub upserted: usize,
    /// Records deleted from the engine (no longer in the export).
    pub deleted: usize,
    /// Records the engine already had as they are.
    pub unchanged: usize,
}

impl ShipStats {
    /// Whether the ship changed anything.
    pub fn changed(&self) -> bool {
        self.upserted + self.deleted > 0
    }

    fn add(&mut self, other: ShipStats) {
        self.records += other.records;
        self.upserted += other.upserted;
        self.deleted += other.deleted;
        self.unchanged += other.unchanged;
    }
}

/// What a ship did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShipReport {
    /// The documents collection.
    pub documents: ShipStats,
    /// The obligations collection.
    pub obligations: ShipStats,
    /// Obligations whose document is not in the export (not shipped).
    pub orphans: usize,
}

impl ShipReport {
    fn add(&mut self, other: ShipReport) {
        self.documents.add(other.documents);
        self.obligations.add(other.obligations);
        self.orphans += other.orphans;
    }
}

/// What a ship partition by partition did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartitionsReport {
    /// The collections' counts, summed over the partitions.
    pub total: ShipReport,
    /// The partitions shipped.
    pub partitions: usize,
    /// The partitions the engine held that the export no longer has, deleted whole.
    pub removed: Vec<String>,
}

/// The partition a file holds: `NAME` for `STEM/NAME.jsonl`, none for `STEM.jsonl`.
fn partition_of(path: &Path) -> Option<String> {
    let parent = path.parent()?.file_name()?.to_str()?;
    if parent != "documents" && parent != "obligations" {
        return None;
    }
    Some(path.file_stem()?.to_str()?.to_string())
}

/// The files of one record kind (`documents` or `obligations`) in an export folder: its
/// `STEM.jsonl`, then the partitions `STEM/*.jsonl` in name order.
pub fn export_files(dir: &Path, stem: &str) -> Result<Vec<PathBuf>, EngineError> {
    let mut files = Vec::new();
    let whole = dir.join(format!("{stem}.jsonl"));
    if whole.is_file() {
        files.push(whole);
    }
    let parts = dir.join(stem);
    if parts.is_dir() {
        let io = |source| EngineError::Io {
            path: parts.clone(),
            source,
        };
        let mut found: Vec<PathBuf> = std::fs::read_dir(&parts)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Every line of these files with its file and line number, in order.
fn lines(files: &[PathBuf]) -> Result<Vec<(PathBuf, usize, String)>, EngineError> {
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(f).map_err(|source| EngineError::Io {
            path: f.clone(),
            source,
        })?;
        for (i, line) in text.lines().enumerate() {
            if !line.trim().is_empty() {
                out.push((f.clone(), i + 1, line.to_string()));
            }
        }
    }
    Ok(out)
}

fn parse<T: serde::de::DeserializeOwned>(
    (path, line, text): &(PathBuf, usize, String),
) -> Result<T, EngineError> {
    serde_json::from_str(text).map_err(|source| EngineError::Record {
        path: path.clone(),
        line: *line,
        source,
    })
}

/// A record ready to send: its id, fingerprint and fields.
struct Outgoing {
    id: String,
    fingerprint: String,
    fields: Map<String, Value>,
}

/// Ships the exports in `dirs` to the engine (see the module docs).
pub fn ship(solr: &Solr, dirs: &[PathBuf]) -> Result<ShipReport, EngineError> {
    let mut document_files = Vec::new();
    let mut obligation_files = Vec::new();
    for dir in dirs {
        let docs = export_files(dir, "documents")?;
        if docs.is_empty() {
            return Err(EngineError::NoExport { path: dir.clone() });
        }
        document_files.extend(docs);
        obligation_files.extend(export_files(dir, "obligations")?);
    }
    ship_files(solr, &document_files, &obligation_files, None)
}

/// Ships a partitioned export (`dir/documents/NAME.jsonl`, `dir/obligations/NAME.jsonl`) one
/// partition at a time, `threads` at once, each compared with its own partition on the
/// engine; then deletes the partitions the engine holds and the export does not.
pub fn ship_partitions(
    solr: &Solr,
    dir: &Path,
    threads: usize,
) -> Result<PartitionsReport, EngineError> {
    let names: Vec<String> = export_files(dir, "documents")?
        .iter()
        .filter_map(|p| partition_of(p))
        .collect();
    if names.is_empty() {
        return Err(EngineError::NoExport {
            path: dir.to_path_buf(),
        });
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads.clamp(1, names.len()) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(name) = names.get(i) else { return };
                    let obligations = dir.join("obligations").join(format!("{name}.jsonl"));
                    let obligation_files: Vec<PathBuf> = obligations
                        .is_file()
                        .then_some(obligations)
                        .into_iter()
                        .collect();
                    let documents = [dir.join("documents").join(format!("{name}.jsonl"))];
                    let filter = format!("partition:{}", quoted(name));
                    let shipped = ship_files(solr, &documents, &obligation_files, Some(&filter));
                    let failed = shipped.is_err();
                    if let Ok(mut r) = results.lock() {
                        r.push(shipped);
                    }
                    if failed {
                        return;
                    }
                }
            });
        }
    });
    let mut report = PartitionsReport {
        partitions: names.len(),
        ..PartitionsReport::default()
    };
    for shipped in results.into_inner().unwrap_or_default() {
        report.total.add(shipped?);
    }
    for (collection, stats) in [
        (DOCUMENTS, &mut report.total.documents),
        (OBLIGATIONS, &mut report.total.obligations),
    ] {
        let mut removed_any = false;
        for (name, count) in solr.values_of(collection, "partition")? {
            if names.contains(&name) {
                continue;
            }
            solr.delete_matching(collection, &format!("partition:{}", quoted(&name)))?;
            stats.deleted += usize::try_from(count).unwrap_or(usize::MAX);
            removed_any = true;
            if !report.removed.contains(&name) {
                report.removed.push(name);
            }
        }
        if removed_any {
            solr.commit(collection)?;
        }
    }
    Ok(report)
}

/// Ships these files' records; `scope` (a Solr filter) limits what they are compared with,
/// and what may be deleted, to one partition.
fn ship_files(
    solr: &Solr,
    document_files: &[PathBuf],
    obligation_files: &[PathBuf],
    scope: Option<&str>,
) -> Result<ShipReport, EngineError> {
    let mut documents: HashMap<String, (Document, String)> = HashMap::new();
    let mut outgoing_documents = Vec::new();
    for entry in lines(document_files)? {
        let doc: Document = parse(&entry)?;
        let mut fields = document_fields(&doc);
        fields.insert("json".into(), json!(entry.2));
        if let Some(partition) = partition_of(&entry.0) {
            fields.insert("partition".into(), json!(partition));
        }
        outgoing_documents.push(Outgoing {
            id: doc.id.clone(),
            fingerprint: sha256_hex(format!("{MAPPING_VERSION}\n{}", entry.2).as_bytes()),
            fields,
        });
        documents.insert(doc.id.clone(), (doc, entry.2));
    }
    let mut outgoing_obligations = Vec::new();
    let mut orphans = 0;
    for entry in lines(obligation_files)? {
        let o: Obligation = parse(&entry)?;
        let Some((doc, doc_line)) = documents.get(&o.doc_id) else {
            orphans += 1;
            continue;
        };
        let mut fields = obligation_fields(doc, &o);
        fields.insert("json".into(), json!(entry.2));
        if let Some(partition) = partition_of(&entry.0) {
            fields.insert("partition".into(), json!(partition));
        }
        outgoing_obligations.push(Outgoing {
            id: o.id.clone(),
            fingerprint: sha256_hex(
                format!("{MAPPING_VERSION}\n{}\n{doc_line}", entry.2).as_bytes(),
            ),
            fields,
        });
    }
    Ok(ShipReport {
        documents: ship_collection(solr, DOCUMENTS, outgoing_documents, scope)?,
        obligations: ship_collection(solr, OBLIGATIONS, outgoing_obligations, scope)?,
        orphans,
    })
}

fn ship_collection(
    solr: &Solr,
    collection: &str,
    records: Vec<Outgoing>,
    scope: Option<&str>,
) -> Result<ShipStats, EngineError> {
    let held = solr.ids_with(collection, "fingerprint", scope)?;
    // The last of several records with one id wins, as it would on the engine.
    let mut wanted: BTreeMap<String, Outgoing> = BTreeMap::new();
    for r in records {
        wanted.insert(r.id.clone(), r);
    }
    let mut stats = ShipStats {
        records: wanted.len(),
        ..ShipStats::default()
    };
    let stale: Vec<String> = held
        .keys()
        .filter(|id| !wanted.contains_key(*id))
        .cloned()
        .collect();
    let mut batch = Vec::with_capacity(BATCH);
    for (id, r) in wanted {
        if held.get(&id) == Some(&r.fingerprint) {
            stats.unchanged += 1;
            continue;
        }
        let mut fields = r.fields;
        fields.insert("fingerprint".into(), json!(r.fingerprint));
        batch.push(Value::Object(fields));
        stats.upserted += 1;
        if batch.len() == BATCH {
            solr.update(collection, &Value::Array(std::mem::take(&mut batch)), false)?;
        }
    }
    if !batch.is_empty() {
        solr.update(collection, &Value::Array(batch), false)?;
    }
    for ids in stale.chunks(BATCH) {
        solr.update(collection, &json!({ "delete": ids }), false)?;
        stats.deleted += ids.len();
    }
    if stats.changed() {
        solr.commit(collection)?;
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_lists_its_whole_file_then_its_partitions_in_name_order() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        std::fs::create_dir(root.join("obligations")).expect("a folder");
        for name in [
            "obligations.jsonl",
            "obligations/b.jsonl",
            "obligations/a.jsonl",
        ] {
            std::fs::write(root.join(name), "").expect("a file");
        }
        std::fs::write(root.join("obligations/notes.txt"), "").expect("a file");
        let names: Vec<String> = export_files(root, "obligations")
            .expect("listed")
            .iter()
            .map(|p| p.strip_prefix(root).expect("inside").display().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "obligations.jsonl",
                "obligations/a.jsonl",
                "obligations/b.jsonl"
            ]
        );
        assert!(export_files(root, "documents").expect("listed").is_empty());
    }

    #[test]
    fn a_partition_file_names_its_partition_and_a_whole_file_none() {
        assert_eq!(
            partition_of(Path::new("out/export/obligations/www.qinghe.gov.cn.jsonl")),
            Some("www.qinghe.gov.cn".to_string())
        );
        assert_eq!(
            partition_of(Path::new("data/export/obligations.jsonl")),
            None
        );
    }

    #[test]
    fn a_record_line_that_is_not_json_names_its_file_and_line() {
        let entry = (
            PathBuf::from("export/documents.jsonl"),
            7,
            "{不是记录".to_string(),
        );
        let e = parse::<Document>(&entry).expect_err("not a record");
        assert!(
            e.to_string()
                .starts_with("export export/documents.jsonl, line 7:"),
            "{e}"
        );
    }
}
