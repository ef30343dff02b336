//! Fixtures for Duban's tests and benchmarks, kept out of the library crates so that no crate a
//! user builds carries them (this crate is `publish = false` and only ever a dev-dependency).
//!
//! - [`site_server`]: the bundled local government site of `corpora/sites/`, served on
//!   127.0.0.1 with the faults a crawler meets (slow, flaky, redirect loops, 429, gzip, …).
//! - [`sample`]: a few hand-made documents with their obligations, for the index's and the
//!   search page's tests and the query benchmark.
//! - [`state`]: a state holding given documents, for what reads stored records.
//!
//! Nothing here touches the network beyond the loopback interface.

pub mod sample;
pub mod site_server;
pub mod state;
