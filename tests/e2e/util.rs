//! What the end-to-end tests share: running the built `duban` binary from the repository root,
//! reading its JSONL exports, and finding `../shared` (absent on a fresh clone, so tests that
//! need it skip).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root (the `duban` package's manifest folder).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the repository, when it holds the scorer and the seeds' gold.
/// Where `DUBAN_REQUIRE_SHARED` is set (CI, which always has `../shared`), its absence is a
/// failure, not a skip.
pub fn shared() -> Option<PathBuf> {
    let shared = repo().join("../shared");
    let ok = shared.join("tools/score.py").is_file() && shared.join("gold/seeds").is_dir();
    assert!(
        ok || std::env::var_os("DUBAN_REQUIRE_SHARED").is_none(),
        "DUBAN_REQUIRE_SHARED is set but {} holds no scorer and gold",
        shared.display()
    );
    ok.then_some(shared)
}

/// Whether `python3` runs.
pub fn python_works() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `duban ARGS...` from the repository root, logs at their default level.
pub fn duban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_duban"))
        .current_dir(repo())
        .env_remove("RUST_LOG")
        .args(args)
        .output()
        .expect("running the duban binary")
}

/// Runs `duban --data DATA ARGS...` from the repository root.
pub fn duban_with_data(data: &Path, args: &[&str]) -> Output {
    let data = data.to_str().expect("UTF-8 temp path");
    let mut all = vec!["--data", data];
    all.extend_from_slice(args);
    duban(&all)
}

/// Stdout and stderr of a run, for assertion messages.
pub fn show(out: &Output) -> String {
    format!(
        "status {:?}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Whether stderr tells of a panic: Rust's own report, or the one line of Duban's panic hook.
pub fn told_a_panic(stderr: &str) -> bool {
    stderr.contains("panicked") || stderr.contains("internal error (a bug")
}

/// Asserts that a run succeeded, showing its output otherwise.
pub fn assert_ok(out: &Output) {
    assert!(out.status.success(), "duban failed:\n{}", show(out));
}

/// The records of a JSONL file, one per line; panics with the line on anything but JSON.
pub fn read_jsonl(path: &Path) -> Vec<Value> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("{}:{}: not JSON: {e}", path.display(), i + 1))
        })
        .collect()
}

/// The exports' bytes: `(documents.jsonl, obligations.jsonl)` of a data folder.
pub fn export_bytes(data: &Path) -> (Vec<u8>, Vec<u8>) {
    let read = |name: &str| {
        let p = data.join("export").join(name);
        std::fs::read(&p).unwrap_or_else(|e| panic!("reading {}: {e}", p.display()))
    };
    (read("documents.jsonl"), read("obligations.jsonl"))
}

/// Runs the main job, `duban --data DATA run pipelines/corpora.toml`, and asserts it succeeded.
pub fn run_main_job(data: &Path) {
    assert_ok(&duban_with_data(data, &["run", "pipelines/corpora.toml"]));
}
