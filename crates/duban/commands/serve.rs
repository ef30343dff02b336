//! `duban serve [--addr 127.0.0.1:8077]`: the search API and web page over the data folder's
//! index.
//!
//! The server opens the index read-only and reloads it whenever a run commits, so it can run
//! beside nightly runs and always answers from the last committed state. It listens on
//! 127.0.0.1 unless told otherwise, and prints `duban: serving http://ADDR` on stdout once it
//! accepts connections (with `--addr 127.0.0.1:0` the port is the one the system chose).
//! Ctrl-C stops it.

#[path = "../server/mod.rs"]
pub mod server;

use anyhow::Context;
use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// Arguments of `duban serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1:8077")]
    pub addr: SocketAddr,
}

/// Runs `duban serve`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let dd = duban_pipeline::DataDir::new(data);
    let index = Arc::new(super::search::open_current(&dd.index_dir())?);
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
        axum::serve(listener, server::router(index, dd.state_path()))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .context("serving")?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}
