//! The command-line grammar (clap derive).

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Duban (督办): crawl, clean and extract the obligations of Chinese government plans and reports.
#[derive(Debug, Parser)]
#[command(name = "duban", version, about)]
pub struct Cli {
    /// The data folder that holds everything a run makes (state, index, exports).
    #[arg(long, global = true, default_value = "data", value_name = "DIR")]
    pub data: PathBuf,
    /// More log output (-v info, -vv debug); logs go to stderr.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Only errors on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Log lines as text, or as JSON objects for log shippers (one a line, on stderr).
    #[arg(long, global = true, value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object a line.
    Json,
}

/// Duban's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ingest local files or folders of .txt/.html/.htm into the data folder and its exports.
    ///
    /// Example: `duban ingest corpora/seeds`
    Ingest(crate::commands::ingest::Args),
    /// Run pipeline files (pipelines/*.toml): read or crawl, extract, index, export.
    ///
    /// Example: `duban run pipelines/corpora.toml`
    Run(crate::commands::run::Args),
    /// Search the obligations of the data folder's index.
    ///
    /// Example: `duban search 出庭应诉率`
    Search(crate::commands::search::Args),
    /// Serve the search API and web page over the index (127.0.0.1 by default).
    ///
    /// Example: `duban serve --addr 127.0.0.1:8077`
    Serve(crate::commands::serve::Args),
    /// Rewrite the exports from the stored records: JSONL, or CSV/Parquet tables; whole or filtered.
    ///
    /// Examples: `duban export --format parquet`;
    /// `duban export --format csv --region 320500 --year 2021 --query 出庭应诉率 --out /tmp/suzhou`
    Export(crate::commands::export::Args),
    /// Grade the data folder's export against gold annotations, with every miss listed.
    ///
    /// Example: `duban eval --gold ../shared/gold/seeds`
    Eval(crate::commands::eval::Args),
    /// List the last runs with their reports.
    ///
    /// Example: `duban runs --last 5`
    Runs(crate::commands::runs::Args),
    /// Quick crawl of a site without a pipeline file: fetch, extract, index, export.
    ///
    /// Example: `duban crawl https://www.example.gov.cn/xxgk/ --max-pages 50`
    Crawl(crate::commands::crawl::Args),
    /// Re-extract crawled documents from the raw archive, without the network.
    ///
    /// Example: `duban reprocess pipelines/local-site.toml`
    Reprocess(crate::commands::reprocess::Args),
    /// Check state, index and exports against each other; `--repair` rebuilds what it can.
    ///
    /// Example: `duban doctor --repair`
    Doctor(crate::commands::doctor::Args),
    /// Show each target of the stored documents beside the result a later document of the same
    /// region reports: met, missed or no result yet.
    ///
    /// Example: `duban track --region 苏州市 --indicator 出庭应诉率`
    Track(crate::commands::track::Args),
    /// Ship the exported documents and obligations to a search engine (Solr): upserts by id,
    /// deletes of withdrawn records, nothing when nothing changed.
    ///
    /// Example: `duban ship --to http://127.0.0.1:8983/solr`
    Ship(crate::commands::ship::Args),
}
