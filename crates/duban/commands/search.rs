//! `duban search QUERY`: search the obligations (or documents, or tracked targets with
//! `--progress`) of the data folder's index.
//!
//! Prints a page of results with highlighted snippets, each obligation's deadlines, metrics
//! and bodies, and facet counts over all matches; `--json` prints the same response as the
//! HTTP API's `/api/search` (a long obligation's text cut to a window around the snippet, at most
//! eight metrics a hit, the matched ones first). A malformed query or an out-of-range `--limit`/`--offset` is an
//! error with a clear message (exit 2), never a crash.

use anyhow::Context;
use duban_index::{
    ComparisonTable, Hit, SearchError, SearchIndex, SearchRequest, SearchResponse, Sort,
    TableGroup, Target,
};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `duban search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query: words, "phrases", AND/OR/NOT, -word, field:value (city:苏州市,
    /// body:区政府法制办, kind:task, region:320500, doc_kind:report), ranges
    /// (deadline:[2015 TO 2020], value:>=90, year:>2016). Empty or `*` lists everything.
    /// A query may start with `-` (`-kind:task 法治`) without `--` before it.
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    /// How many results (1–100).
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// How many results to skip (offset + limit at most 10,000).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order: relevance, deadline (earliest first), -deadline, year (oldest first), -year;
    /// records that sort alike come by id.
    #[arg(long, default_value = "relevance", allow_hyphen_values = true)]
    pub sort: String,
    /// Search source documents instead of obligations.
    #[arg(long, conflicts_with = "progress")]
    pub documents: bool,
    /// Search tracked targets instead of obligations: each quantified target with the result a
    /// later document reports and whether it was met (the records of `progress.jsonl`, as
    /// `duban track` shows them).
    #[arg(long)]
    pub progress: bool,
    /// Print the response as JSON (the shape of the HTTP API's /api/search).
    #[arg(long)]
    pub json: bool,
    /// Print the comparison table instead of results: one row per metric of the matching
    /// obligations (indicator without its leading scope word such as 全市 or 各级, the
    /// indicator as extracted, region, year, op, value, unit, deadline, bodies, document), as
    /// a Markdown table (`--csv` for CSV, `--json` for the API's /api/table).
    #[arg(long, conflicts_with_all = ["documents", "progress"])]
    pub table: bool,
    /// With `--table`: order rows by `region` (indicator, region, year) or `document`.
    #[arg(long, default_value = "region", requires = "table")]
    pub group: String,
    /// With `--table`: print CSV (RFC 4180, UTF-8, header row).
    #[arg(long, requires = "table", conflicts_with = "json")]
    pub csv: bool,
    /// Search a search engine the records were shipped to (`duban ship`) instead of the data
    /// folder's index: a Solr node's base URL (`http://127.0.0.1:8983/solr`).
    #[arg(long, value_name = "URL", conflicts_with_all = ["table", "progress"])]
    pub engine: Option<String>,
}

/// Opens the index for reading only. An index built with another dictionary or format than
/// this build's still answers, though it may miss words: the user is told how to rebuild it,
/// which a command that only reads never does itself (it would take the writer from a run).
pub fn open_read_only(index_dir: &Path) -> anyhow::Result<SearchIndex> {
    let reader =
        SearchIndex::open(index_dir).map_err(|e| duban_pipeline::index_damaged(index_dir, e))?;
    if reader.is_stale() {
        tracing::warn!(
            index = %index_dir.display(),
            "The index was built with another dictionary or format than this build's: results may miss words. Run `duban doctor --repair` to rebuild it (the next `duban run` also brings it up to date)."
        );
    }
    Ok(reader)
}

/// Runs `duban search`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let dd = duban_pipeline::DataDir::new(data);
    let request = SearchRequest {
        query: args.query.clone(),
        limit: args.limit,
        offset: args.offset,
        sort: Sort::parse(&args.sort)?,
        target: if args.documents {
            Target::Documents
        } else if args.progress {
            Target::Progress
        } else {
            Target::Obligations
        },
    };
    if let Some(url) = &args.engine {
        return run_on_engine(&args, &request, url);
    }
    let index = open_read_only(&dd.index_dir())?;
    if args.table {
        return print_table(&index, &args, &dd);
    }
    let response = searched(index.search(&request), &dd)?;
    print(&args, &response)
}

/// Runs `duban search --engine URL`: the same request, answered by the engine.
fn run_on_engine(args: &Args, request: &SearchRequest, url: &str) -> anyhow::Result<ExitCode> {
    let solr = duban_engine::Solr::new(url)?;
    let analyzer = duban_index::Analyzer::domain();
    let response = duban_engine::search(&solr, request, &analyzer)?;
    print(args, &response)
}

/// Prints a response as text, or as JSON with `--json`.
fn print(args: &Args, response: &SearchResponse) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, response)?;
        writeln!(out)?;
    } else {
        let colour = std::io::stdout().is_terminal();
        print_response(&mut out, response, colour)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// A search's answer, or its error as the user should read it: the query's fault as it is
/// (exit 2), a damaged index with its advice.
fn searched<T>(result: Result<T, SearchError>, dd: &duban_pipeline::DataDir) -> anyhow::Result<T> {
    match result {
        Ok(t) => Ok(t),
        Err(e @ (SearchError::Query { .. } | SearchError::Request { .. })) => {
            anyhow::bail!("{e}")
        }
        Err(SearchError::Index(e)) => {
            Err(duban_pipeline::index_damaged(&dd.index_dir(), e)).context("searching")
        }
        Err(e) => Err(e).context("searching"),
    }
}

/// `duban search --table`.
fn print_table(
    index: &SearchIndex,
    args: &Args,
    dd: &duban_pipeline::DataDir,
) -> anyhow::Result<ExitCode> {
    let group = TableGroup::parse(&args.group)?;
    let table = searched(index.table(&args.query, group), dd)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &table)?;
        writeln!(out)?;
    } else if args.csv {
        out.write_all(table.to_csv().as_bytes())?;
    } else {
        print_markdown_table(&mut out, &table)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn print_markdown_table(out: &mut impl Write, t: &ComparisonTable) -> std::io::Result<()> {
    let cell = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    writeln!(
        out,
        "{} metrics of {} obligations matching `{}`{}",
        t.rows.len(),
        t.obligations,
        t.query,
        if t.truncated {
            " (the best matches only)"
        } else {
            ""
        }
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "| indicator | as extracted | region | year | op | value | unit | deadline | bodies | document |"
    )?;
    writeln!(out, "|---|---|---|---:|---|---:|---|---|---|---|")?;
    for r in &t.rows {
        // The name as extracted only where the table compares it under another.
        let extracted = if r.extracted_indicator == r.indicator {
            ""
        } else {
            &r.extracted_indicator
        };
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&r.indicator),
            cell(extracted),
            cell(r.region.as_deref().unwrap_or("")),
            r.year.map(|y| y.to_string()).unwrap_or_default(),
            r.op,
            r.value,
            cell(&r.unit),
            cell(r.deadline.as_deref().unwrap_or("")),
            cell(&r.bodies),
            cell(r.title.as_deref().unwrap_or(&r.doc_id)),
        )?;
    }
    Ok(())
}

fn print_response(out: &mut impl Write, r: &SearchResponse, colour: bool) -> std::io::Result<()> {
    let what = match r.target {
        Target::Obligations => "obligations",
        Target::Documents => "documents",
        Target::Progress => "tracked targets",
    };
    let shown = if r.hits.is_empty() {
        String::from("none shown")
    } else {
        format!("showing {}–{}", r.offset + 1, r.offset + r.hits.len())
    };
    writeln!(
        out,
        "{} {what} match `{}` ({shown}, by {})",
        r.total, r.query, r.sort
    )?;
    if let Some(suggestion) = &r.suggestion {
        writeln!(out, "Did you mean `{suggestion}`?")?;
    }
    for (i, hit) in r.hits.iter().enumerate() {
        writeln!(out)?;
        print_hit(out, r.offset + i + 1, hit, colour)?;
    }
    let facets: Vec<String> = r
        .facets
        .iter()
        .filter(|(_, values)| !values.is_empty())
        .map(|(dim, values)| {
            let top: Vec<String> = values
                .iter()
                .take(8)
                .map(|v| format!("{} ({})", v.value, v.count))
                .collect();
            format!("  {dim}: {}", top.join(", "))
        })
        .collect();
    if !facets.is_empty() {
        writeln!(out, "\nfacets:")?;
        for f in facets {
            writeln!(out, "{f}")?;
        }
    }
    Ok(())
}

/// An obligation's metrics, those the query matched first and marked as the snippet marks its
/// words.
fn metric_list(metrics: &[duban_model::Metric], matched: &[usize], colour: bool) -> String {
    let (first, rest): (Vec<_>, Vec<_>) = metrics
        .iter()
        .enumerate()
        .partition(|(i, _)| matched.contains(i));
    first
        .iter()
        .map(|(_, m)| (m, true))
        .chain(rest.iter().map(|(_, m)| (m, false)))
        .map(|(m, is_match)| {
            let s = format!("{} {} {}{}", m.indicator, m.op.as_str(), m.value, m.unit);
            match (is_match, colour) {
                (true, true) => format!("\x1b[1;33m{s}\x1b[0m"),
                (true, false) => format!("«{s}»"),
                (false, _) => s,
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn print_hit(out: &mut impl Write, n: usize, hit: &Hit, colour: bool) -> std::io::Result<()> {
    let d = &hit.document;
    let region = d
        .region
        .as_ref()
        .map(|r| {
            [&r.province, &r.city, &r.county]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    let mut facts = Vec::new();
    if let Some(o) = &hit.obligation {
        facts.push(o.kind.as_str().to_string());
    }
    if let Some(status) = hit.progress.as_ref().and_then(|p| p["status"].as_str()) {
        facts.push(status.to_string());
    }
    if !region.is_empty() {
        facts.push(region);
    }
    // A target is for its own year (`到2015年`), not its document's.
    let year = match &hit.progress {
        Some(p) => p["target"]["year"].as_i64(),
        None => d.year.map(i64::from),
    };
    if let Some(y) = year {
        facts.push(y.to_string());
    }
    facts.push(d.kind.as_str().to_string());
    writeln!(out, "{n}. {}  [{}]", hit.id, facts.join(" · "))?;
    let mut snippet = String::new();
    if hit.snippet.start > 0 {
        snippet.push('…');
    }
    for p in &hit.snippet.parts {
        let text = p.text.replace(['\n', '\r'], " ");
        match (p.highlight, colour) {
            (true, true) => snippet.push_str(&format!("\x1b[1;33m{text}\x1b[0m")),
            (true, false) => snippet.push_str(&format!("«{text}»")),
            (false, _) => snippet.push_str(&text),
        }
    }
    // A hit's obligation text may be a window of the whole, `text_chars` long.
    let text_len = if hit.obligation.is_some() {
        hit.text_chars
    } else {
        hit.snippet.end
    };
    if let Some(p) = &hit.progress {
        writeln!(out, "   {snippet}")?;
        return print_progress_sources(out, p);
    }
    if hit.snippet.end < text_len {
        snippet.push('…');
    }
    writeln!(out, "   {snippet}")?;
    if let Some(o) = &hit.obligation {
        if !o.deadlines.is_empty() {
            let v: Vec<String> = o
                .deadlines
                .iter()
                .map(|d| format!("{} ({})", d.text, d.year))
                .collect();
            writeln!(out, "   deadlines: {}", v.join("; "))?;
        }
        if !o.metrics.is_empty() {
            let metrics = metric_list(&o.metrics, &hit.matched_metrics, colour);
            let more = match hit.metrics_omitted {
                0 => String::new(),
                n => format!("; … {n} more in the document"),
            };
            writeln!(out, "   metrics: {metrics}{more}")?;
        }
        if !o.bodies.is_empty() {
            let v: Vec<String> = o
                .bodies
                .iter()
                .map(|b| format!("{} ({:?})", b.name, b.role).to_lowercase())
                .collect();
            writeln!(out, "   bodies: {}", v.join("; "))?;
        }
    }
    let source = d.url.as_deref().or(d.path.as_deref()).unwrap_or(&d.id);
    writeln!(
        out,
        "   document: {} ({source})",
        d.title.as_deref().unwrap_or("(untitled)")
    )
}

/// The documents and spans of a tracked target's figures (the snippet shows their phrases).
fn print_progress_sources(out: &mut impl Write, p: &serde_json::Value) -> std::io::Result<()> {
    let source = |f: &serde_json::Value| {
        let title = f["doc_title"].as_str().or(f["doc_id"].as_str());
        format!(
            "{} [{}, {}]",
            title.unwrap_or_default(),
            f["span"][0],
            f["span"][1]
        )
    };
    writeln!(out, "   target: {}", source(&p["target"]))?;
    if !p["result"].is_null() {
        let later = if p["later"] == true { " (later)" } else { "" };
        writeln!(out, "   result: {}{later}", source(&p["result"]))?;
    }
    Ok(())
}
