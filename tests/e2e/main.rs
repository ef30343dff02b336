mod crawl;
mod ingest;
mod schema;
mod util;
