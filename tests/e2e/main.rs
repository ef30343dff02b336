mod browser;
mod crawl;
mod ingest;
mod schema;
mod search;
mod serve;
mod util;
