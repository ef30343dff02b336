mod crawl;
mod ingest;
mod quality;
mod schema;
mod util;
