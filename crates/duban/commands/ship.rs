//! `duban ship --to URL [EXPORT_DIR...]`: the exported records onto a search engine (Solr).
//!
//! Reads the data folder's export (or the folders given: a distributed run's gathered export,
//! partitioned by shard), upserts by id what the engine does not hold as it is, deletes what
//! the export no longer has, and prints what it did; over an unchanged export it sends
//! nothing. The engine's schema is `engines/solr/configset/`; `engines/solr/start.sh` starts a
//! two-node cluster on 127.0.0.1 for trying it. See `duban_engine::ship`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `duban ship`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The engine: a Solr node's base URL (`http://127.0.0.1:8983/solr`); any node of a
    /// SolrCloud cluster serves the whole collection.
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// Export folders to ship together (each with documents.jsonl and obligations.jsonl, or
    /// documents/*.jsonl and obligations/*.jsonl); by default the data folder's `export/`.
    #[arg(value_name = "EXPORT_DIR")]
    pub exports: Vec<PathBuf>,
    /// Ship a partitioned export (a distributed run's) one partition at a time, four at once,
    /// each compared with its own partition on the engine, and delete the partitions it no
    /// longer has: memory is bounded by the largest partition, not by the collection.
    #[arg(long)]
    pub by_partition: bool,
}

/// Partitions shipped at once by `--by-partition`.
const PARTITION_THREADS: usize = 4;

/// Runs `duban ship`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let solr = duban_engine::Solr::new(&args.to)?;
    let dirs = if args.exports.is_empty() {
        vec![duban_pipeline::DataDir::new(data).export_dir()]
    } else {
        args.exports
    };
    let started = std::time::Instant::now();
    let report = if args.by_partition {
        let [dir] = dirs.as_slice() else {
            anyhow::bail!(
                "--by-partition ships one export folder; {} were given",
                dirs.len()
            );
        };
        let r = duban_engine::ship_partitions(&solr, dir, PARTITION_THREADS)?;
        println!(
            "partitions: {} shipped, {} removed{}",
            r.partitions,
            r.removed.len(),
            if r.removed.is_empty() {
                String::new()
            } else {
                format!(" ({})", r.removed.join(", "))
            }
        );
        r.total
    } else {
        duban_engine::ship(&solr, &dirs)?
    };
    for (name, s) in [
        ("documents", report.documents),
        ("obligations", report.obligations),
    ] {
        println!(
            "{name}: {} records ({} upserted, {} deleted, {} unchanged)",
            s.records, s.upserted, s.deleted, s.unchanged
        );
    }
    if report.orphans > 0 {
        eprintln!(
            "duban: {} obligations were not shipped: their documents are not in the export",
            report.orphans
        );
    }
    tracing::info!(
        seconds = started.elapsed().as_secs_f64(),
        "Shipped to {}",
        solr.url()
    );
    Ok(ExitCode::SUCCESS)
}
