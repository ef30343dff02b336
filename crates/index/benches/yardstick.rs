//! The yardsticks `duban ingest` is measured against (issue: the whole nightly job's cost), on
//! the same text in the same run: bare jieba-rs segmentation of every file, and bare Tantivy
//! indexing of every file into one text field cut by jieba-rs (positions kept, the writer given
//! the same memory and threads as Duban's). No cleaning, extraction, state or export.
//!
//! ```sh
//! cargo bench -p duban-index --bench yardstick -- segment DIR
//! cargo bench -p duban-index --bench yardstick -- index DIR INDEX_DIR
//! ```
//!
//! Prints one line: `mode files bytes seconds MB/s`. `scripts/bench-ingest/run.sh` runs both
//! beside `duban ingest`.
#![allow(
    missing_docs,
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a benchmark reports on the terminal"
)]

use jieba_rs::Jieba;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock};
use std::time::Instant;
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{Index, TantivyDocument};

static JIEBA: LazyLock<Jieba> = LazyLock::new(Jieba::new);

/// jieba-rs's precise mode as a tantivy tokenizer: one token per word, positions by rank.
#[derive(Clone)]
struct JiebaTokenizer;

struct JiebaTokens {
    tokens: std::vec::IntoIter<Token>,
    current: Token,
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = JiebaTokens;
    fn token_stream(&mut self, text: &str) -> JiebaTokens {
        let mut offset = 0;
        let tokens: Vec<Token> = JIEBA
            .cut(text, false)
            .into_iter()
            .enumerate()
            .map(|(position, word)| {
                let start = offset;
                offset += word.word.len();
                Token {
                    offset_from: start,
                    offset_to: offset,
                    position,
                    text: word.word.to_lowercase(),
                    position_length: 1,
                }
            })
            .filter(|t| t.text.chars().any(char::is_alphanumeric))
            .collect();
        JiebaTokens {
            tokens: tokens.into_iter(),
            current: Token::default(),
        }
    }
}

impl TokenStream for JiebaTokens {
    fn advance(&mut self) -> bool {
        match self.tokens.next() {
            Some(t) => {
                self.current = t;
                true
            }
            None => false,
        }
    }
    fn token(&self) -> &Token {
        &self.current
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.current
    }
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn segment(paths: &[PathBuf]) -> u64 {
    // Both cores, as the pipeline uses them.
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let bytes = Arc::new(std::sync::atomic::AtomicU64::new(0));
    std::thread::scope(|s| {
        for _ in 0..std::thread::available_parallelism().map_or(1, usize::from) {
            let (next, bytes) = (Arc::clone(&next), Arc::clone(&bytes));
            s.spawn(move || {
                while let Some(p) =
                    paths.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
                {
                    let text = std::fs::read_to_string(p).unwrap_or_default();
                    let words = JIEBA.cut(&text, false).len();
                    std::hint::black_box(words);
                    bytes.fetch_add(text.len() as u64, std::sync::atomic::Ordering::Relaxed);
                }
            });
        }
    });
    bytes.load(std::sync::atomic::Ordering::Relaxed)
}

fn index(paths: &[PathBuf], dir: &Path) -> tantivy::Result<u64> {
    let mut sb = Schema::builder();
    let opts = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("jieba")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let text = sb.add_text_field("text", opts);
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, sb.build())?;
    index.tokenizers().register("jieba", JiebaTokenizer);
    let mut writer = index.writer(duban_index::WRITER_MEMORY)?;
    let mut bytes = 0;
    for p in paths {
        let body = std::fs::read_to_string(p).unwrap_or_default();
        bytes += body.len() as u64;
        let mut d = TantivyDocument::default();
        d.add_text(text, body);
        writer.add_document(d)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(bytes)
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let (mode, dir) = match (args.first(), args.get(1)) {
        (Some(m), Some(d)) => (m.as_str(), PathBuf::from(d)),
        _ => {
            eprintln!("usage: yardstick segment DIR | yardstick index DIR INDEX_DIR");
            std::process::exit(2);
        }
    };
    let paths = files(&dir);
    LazyLock::force(&JIEBA);
    let started = Instant::now();
    let bytes = match mode {
        "segment" => segment(&paths),
        "index" => {
            let out = args
                .get(2)
                .map_or_else(|| dir.join("..").join("yardstick-index"), PathBuf::from);
            match index(&paths, &out) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("yardstick: {e}");
                    std::process::exit(1);
                }
            }
        }
        other => {
            eprintln!("yardstick: unknown mode {other}");
            std::process::exit(2);
        }
    };
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{mode} {} {bytes} {secs:.3} {:.2}",
        paths.len(),
        bytes as f64 / 1_048_576.0 / secs
    );
}
