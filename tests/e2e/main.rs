//! End-to-end tests: each drives the `duban` binary (or its server) on fixture corpora, a local site
//! on 127.0.0.1 or the gold of `../shared`, as a user would.
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly where its setup does"
)]
mod api_queries;
mod browser;
mod crawl;
mod doctor;
mod hostile;
mod ingest;
mod quality;
mod ranking;
mod research;
mod safety;
mod schema;
mod search;
mod serve;
mod track;
mod util;
