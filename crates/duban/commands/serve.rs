//! `duban serve [--addr 127.0.0.1:8077] [--engine URL]`: the search API and web page over the
//! data folder's index, or with `--engine` its searches answered by a search engine the
//! records were shipped to (`duban ship`).
//!
//! The server opens the index read-only and reloads it whenever a run commits, so it can run
//! beside nightly runs and always answers from the last committed state. It listens on
//! 127.0.0.1 unless told otherwise, and prints `duban: serving http://ADDR` on stdout once it
//! accepts connections (with `--addr 127.0.0.1:0` the port is the one the system chose).
//! Ctrl-C stops it. Slow or idle clients are closed after `--header-timeout-secs`, at most
//! `--max-connections` are open at once, and oversized requests are refused (see
//! `server::listen`).

#[path = "../server/mod.rs"]
pub mod server;

use anyhow::Context;
use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Arguments of `duban serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8077")]
    pub addr: SocketAddr,
    /// Open connections at most; more wait to be accepted.
    #[arg(long, default_value_t = server::listen::Limits::default().max_connections, value_parser = connection_cap)]
    pub max_connections: usize,
    /// Seconds to receive a request's header; an idle keep-alive connection is closed after
    /// as long.
    #[arg(long, default_value_t = server::listen::Limits::default().header_timeout.as_secs_f64(), value_parser = seconds)]
    pub header_timeout_secs: f64,
    /// Seconds to answer a request once its header is read (408 after).
    #[arg(long, default_value_t = server::listen::Limits::default().request_timeout.as_secs_f64(), value_parser = seconds)]
    pub request_timeout_secs: f64,
    /// Bytes of a request's line and headers together (431 beyond; at least 8192).
    #[arg(long, default_value_t = server::listen::Limits::default().max_header_bytes)]
    pub max_header_bytes: usize,
    /// Bytes of a request's URI (414 beyond).
    #[arg(long, default_value_t = server::listen::Limits::default().max_uri_bytes)]
    pub max_uri_bytes: usize,
    /// Bytes of a request's body (413 beyond).
    #[arg(long, default_value_t = server::listen::Limits::default().max_body_bytes)]
    pub max_body_bytes: usize,
    /// Answer searches and facets from a search engine the records were shipped to
    /// (`duban ship`): a Solr node's base URL. Documents, the table and health still come
    /// from the data folder's index.
    #[arg(long, value_name = "URL")]
    pub engine: Option<String>,
}

/// A number of connections from 1 up.
fn connection_cap(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{s}: a number of connections, at least 1")),
    }
}

/// A number of seconds a timer can hold.
fn seconds(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|e| format!("{s:?}: {e}"))?;
    if v.is_finite() && (0.001..=86_400.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("{s}: seconds from 0.001 to 86400"))
    }
}

impl Args {
    fn limits(&self) -> server::listen::Limits {
        server::listen::Limits {
            max_connections: self.max_connections,
            header_timeout: Duration::from_secs_f64(self.header_timeout_secs),
            request_timeout: Duration::from_secs_f64(self.request_timeout_secs),
            max_header_bytes: self.max_header_bytes,
            max_uri_bytes: self.max_uri_bytes,
            max_body_bytes: self.max_body_bytes,
        }
    }
}

/// Runs `duban serve`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let limits = args.limits();
    let dd = duban_pipeline::DataDir::new(data);
    let index = Arc::new(super::search::open_read_only(&dd.index_dir())?);
    // Kept here as well as in the router, so that the engine's blocking HTTP client is dropped
    // after the async runtime, never inside it.
    let engine = match &args.engine {
        Some(url) => Some(Arc::new(server::Engine {
            solr: duban_engine::Solr::new(url)?,
            analyzer: duban_index::Analyzer::domain(),
        })),
        None => None,
    };
    let router_engine = engine.clone();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("listening on {}", args.addr))?;
        let local = listener.local_addr()?;
        {
            let mut out = std::io::stdout().lock();
            writeln!(out, "duban: serving http://{local}")?;
            out.flush()?;
        }
        tracing::info!(addr = %local, "Serving.");
        let router = server::listen::with_limits(
            server::router(index, dd.state_path(), router_engine),
            &limits,
        );
        server::listen::serve(listener, router, &limits, async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
        Ok::<_, anyhow::Error>(())
    })?;
    drop(runtime);
    drop(engine);
    Ok(ExitCode::SUCCESS)
}
