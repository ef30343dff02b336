mod browser;
mod crawl;
mod ingest;
mod quality;
mod schema;
mod search;
mod serve;
mod util;
