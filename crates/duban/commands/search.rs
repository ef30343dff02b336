//! `duban search QUERY` (being extended: issue 7).

use std::path::Path;
use std::process::ExitCode;

/// Arguments of `duban search`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The query.
    pub query: String,
    /// How many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
}

/// Runs `duban search`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    use tantivy::collector::TopDocs;
    use tantivy::query::QueryParser;
    use tantivy::schema::Value;
    let dd = duban_pipeline::DataDir::new(data);
    let idx = duban_index::ObligationIndex::open(&dd.index_dir())?;
    let index = idx.index();
    let schema = index.schema();
    let text = schema.get_field("text")?;
    let json = schema.get_field("json")?;
    let reader = index.reader()?;
    let searcher = reader.searcher();
    let q = QueryParser::for_index(index, vec![text]).parse_query(&args.query)?;
    for (_, addr) in searcher.search(&q, &TopDocs::with_limit(args.limit))? {
        let d: tantivy::TantivyDocument = searcher.doc(addr)?;
        if let Some(j) = d.get_first(json).and_then(|v| v.as_str()) {
            let o: duban_model::Obligation = serde_json::from_str(j)?;
            println!(
                "{}\t{}\t{}",
                o.id,
                o.heading,
                o.metrics
                    .iter()
                    .map(|m| format!("{}{}{}", m.indicator, m.op.as_str(), m.value))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
