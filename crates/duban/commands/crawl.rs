//! `duban crawl URL...`: a quick crawl without a pipeline file, for trying a site.
//!
//! Links are followed on the start URLs' hosts (plus `--allow-host`), every page fetched is a
//! document, and the documents are extracted, indexed and exported into the data folder as a
//! pipeline run would; the crawl state is kept under the source id `crawl`, so a second
//! `duban crawl` of the same site is incremental too.

use anyhow::Context;
use duban_fetch::HttpSource;
use duban_pipeline::{DataDir, RunReport, Runner};
use std::path::Path;
use std::process::ExitCode;

/// Arguments of `duban crawl`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Start URLs (http or https).
    #[arg(required = true, value_parser = parse_url)]
    pub urls: Vec<duban_fetch::Url>,
    /// Another host (`host`, `host:port` or `scheme://host:port`) whose pages may be fetched
    /// (the start URLs' hosts always may).
    #[arg(long = "allow-host", value_name = "HOST", value_parser = duban_fetch::scope::AllowedOrigin::parse)]
    pub allow_hosts: Vec<duban_fetch::scope::AllowedOrigin>,
    /// Requests at most (robots.txt not counted).
    #[arg(long, default_value_t = 100)]
    pub max_pages: usize,
    /// Link hops from a start URL.
    #[arg(long, default_value_t = 2)]
    pub max_depth: u32,
    /// Requests per second to one host.
    #[arg(long, default_value_t = 1.0)]
    pub requests_per_sec: f64,
    /// Open requests to one host at a time.
    #[arg(long, default_value_t = 1)]
    pub connections_per_host: usize,
    /// Requests in flight over all hosts.
    #[arg(long, default_value_t = 4)]
    pub concurrency: usize,
    /// CSS selector of the main text, handed to the cleaner.
    #[arg(long)]
    pub content_selector: Option<String>,
    #[command(flatten)]
    pub limits: super::DocumentLimits,
    /// Links read from one page; those past it are not followed, with a warning
    /// (limits.max_links_per_page).
    #[arg(long, value_name = "N", default_value_t = duban_model::Limits::default().max_links_per_page,
          value_parser = super::at_least_one())]
    pub max_links_per_page: usize,
    /// Do not update the search index.
    #[arg(long)]
    pub no_index: bool,
    /// Write over exports and an index made from another state (after state.sqlite was lost
    /// or replaced), or with more documents than the state has: they are rebuilt from it.
    #[arg(long)]
    pub force: bool,
}

fn parse_url(s: &str) -> Result<duban_fetch::Url, String> {
    let u = duban_fetch::Url::parse(s).map_err(|e| format!("{s:?}: {e}"))?;
    if !matches!(u.scheme(), "http" | "https") || u.host_str().is_none() {
        return Err(format!("{s:?}: only http and https URLs are crawled"));
    }
    if !u.username().is_empty() || u.password().is_some() {
        return Err(format!("{s:?}: user-info (user@) is never sent; remove it"));
    }
    Ok(u)
}

/// Runs `duban crawl`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    if !(args.requests_per_sec.is_finite() && args.requests_per_sec > 0.0) {
        anyhow::bail!("--requests-per-sec must be a positive number");
    }
    let mut hosts: Vec<_> = args
        .urls
        .iter()
        .filter_map(duban_fetch::scope::AllowedOrigin::of_start_url)
        .collect();
    hosts.extend(args.allow_hosts.iter().cloned());
    let mut source = HttpSource::quick("crawl", args.urls, hosts);
    source.limits.max_pages = args.max_pages.max(1);
    source.limits.max_depth = args.max_depth;
    source.politeness.requests_per_sec = args.requests_per_sec;
    source.politeness.connections_per_host = args.connections_per_host.max(1);
    source.politeness.concurrency = args.concurrency.max(1);
    if let Some(css) = &args.content_selector {
        source.detail.content_selector = Some(
            duban_fetch::config::Css::parse(css)
                .with_context(|| format!("--content-selector {css:?} is not a CSS selector"))?,
        );
    }
    let mut runner = Runner::open_with(DataDir::new(data), !args.no_index, args.force)
        .with_context(|| format!("opening data folder {}", data.display()))?;
    let progress = crate::progress::start();
    runner.set_progress(progress.clone());
    runner.set_limits(duban_model::Limits {
        max_links_per_page: args.max_links_per_page,
        ..args.limits.limits()
    });
    let now = super::now_rfc3339();
    let mut report = RunReport {
        pipeline: "crawl".into(),
        ..RunReport::default()
    };
    runner.run(&mut report, &now, |runner, report| {
        runner.crawl(&source, report, &now)?;
        runner.reextract_stale(&source, report)
    })?;
    progress.done();
    Ok(super::print_report(&report))
}
