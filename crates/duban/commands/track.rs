//! `duban track`: every quantified target of the data folder's documents beside the result a
//! later document of the same region reports, met, missed or without a result yet.
//!
//! Reads the documents stored in the state (what the last run extracted) and hands them to
//! `duban-track` one region at a time; prints a table (`--format table`, the default) or one JSON object a line
//! (`--format json`: the target and result figures with their spans, the bound, whether the
//! result is for a later year, and the status). It writes nothing.

use anyhow::Context;
use duban_model::Op;
use duban_state::State;
use duban_track::{Figure, Progress, Status, indicator};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// How `duban track` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An aligned table, one target a row.
    Table,
    /// One JSON object a line.
    Json,
}

/// Arguments of `duban track`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only targets of this region: a GB/T 2260 code (`320500`, `100000` for the country) or a
    /// name (`苏州市`, `苏州`).
    #[arg(long)]
    pub region: Option<String>,
    /// Only targets of this indicator, matched as documents' indicators are (`GDP`,
    /// `出庭应诉率`, `城镇调查失业率`); given several times, of any of them.
    #[arg(long)]
    pub indicator: Vec<String>,
    /// Only targets with a result (met or missed).
    #[arg(long)]
    pub with_result: bool,
    /// Print every figure read (targets and results, with their year and key) instead of the
    /// progress: the evidence the links are made from.
    #[arg(long)]
    pub figures: bool,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: Format,
}

/// Runs `duban track`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let dd = duban_pipeline::DataDir::new(data);
    let state_path = dd.state_path();
    if !state_path.is_file() {
        anyhow::bail!(
            "no state in {} (run `duban ingest` or `duban run` first)",
            data.display()
        );
    }
    let state =
        State::open(&state_path).with_context(|| format!("opening {}", state_path.display()))?;
    if args.figures {
        return print_figures(&duban_track::documents(&state)?, &args);
    }
    // One region at a time, as a run tracks: JSON lines go out as each region is linked, and
    // the table holds only the targets the filters keep.
    let mut out = std::io::stdout().lock();
    let mut kept: Vec<Progress> = Vec::new();
    duban_track::for_each_region(
        &state,
        |_| (),
        |_, progress| {
            for p in progress {
                let wanted = args
                    .region
                    .as_deref()
                    .is_none_or(|r| in_region(&p.target, r))
                    && of_any_indicator(&p.target, &args.indicator)
                    && (!args.with_result || p.result.is_some());
                match args.format {
                    _ if !wanted => {}
                    Format::Json => writeln!(out, "{}", serde_json::to_string(&p)?)?,
                    Format::Table => kept.push(p),
                }
            }
            Ok::<(), anyhow::Error>(())
        },
    )?;
    if args.format == Format::Table {
        write!(out, "{}", table(&kept))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints every figure of `docs` that the filters keep, one a line.
fn print_figures(docs: &[duban_model::Document], args: &Args) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    for doc in docs {
        for f in duban_track::figures_of(doc) {
            if args.region.as_deref().is_some_and(|r| !in_region(&f, r))
                || !of_any_indicator(&f, &args.indicator)
            {
                continue;
            }
            match args.format {
                Format::Json => writeln!(out, "{}", serde_json::to_string(&f)?)?,
                Format::Table => writeln!(
                    out,
                    "{}\t{:?}\t{}\t{}{}\t{}\t{}",
                    short_id(&f.doc_id),
                    f.role,
                    f.year.map_or("-".into(), |y| y.to_string()),
                    f.key.stem,
                    if f.key.change { " (change)" } else { "" },
                    shown_value(&f),
                    f.text
                )?,
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Whether a figure's document is of the region named by a code or a name.
fn in_region(f: &Figure, wanted: &str) -> bool {
    f.region.as_ref().is_some_and(|r| {
        r.code == wanted
            || [&r.province, &r.city, &r.county]
                .into_iter()
                .flatten()
                .any(|name| name == wanted || name.starts_with(wanted))
    })
}

/// Whether a figure's indicator is one of those asked for (any, when none is).
fn of_any_indicator(f: &Figure, wanted: &[String]) -> bool {
    wanted.is_empty() || wanted.iter().any(|i| of_indicator(f, i))
}

/// Whether a figure's indicator is the one asked for: its key matches, or it holds the words.
fn of_indicator(f: &Figure, wanted: &str) -> bool {
    let key = indicator::key_of(wanted, f.op);
    f.indicator.contains(wanted)
        || indicator::match_score(&f.key, &key).is_some()
        || indicator::match_score(
            &f.key,
            &duban_track::Key {
                change: !key.change,
                ..key
            },
        )
        .is_some()
}

/// A figure's value with its unit, its op where the number alone does not say it (`+8.1%`,
/// `>=1.5亿户`) and the words after it that bound a target (`5.5%左右`, `1100万人以上`).
fn shown_value(f: &Figure) -> String {
    let text = duban_text::fold::fold(&f.text);
    let after_unit = text
        .rfind(f.unit.as_str())
        .filter(|_| !f.unit.is_empty())
        .map_or("", |i| &text[i + f.unit.len()..]);
    let bound = ["以上", "以下", "以内", "左右", "上下"]
        .into_iter()
        .find(|w| after_unit.starts_with(w))
        .unwrap_or("");
    let sign = match f.op {
        Op::Increase => "+",
        Op::Decrease => "-",
        Op::Ge if bound.is_empty() => ">=",
        Op::Le if bound.is_empty() => "<=",
        _ => "",
    };
    format!("{sign}{}{}{bound}", f.value, f.unit)
}

/// The last part of a document id (`file:corpora/real/005.txt` → `005.txt`).
fn short_id(id: &str) -> &str {
    id.rsplit(['/', ':']).next().unwrap_or(id)
}

/// The table of `duban track`: one target a row.
fn table(progress: &[Progress]) -> String {
    let mut rows: Vec<[String; 7]> = vec![[
        "region".into(),
        "year".into(),
        "indicator".into(),
        "target".into(),
        "result".into(),
        "status".into(),
        "sources".into(),
    ]];
    for p in progress {
        let t = &p.target;
        let region = t.region.as_ref().map_or("-".to_string(), |r| {
            r.county
                .clone()
                .or(r.city.clone())
                .or(r.province.clone())
                .unwrap_or_else(|| r.code.clone())
        });
        let indicator = t.indicator.clone();
        let (result, sources) = match &p.result {
            Some(r) => (
                format!(
                    "{}{}",
                    shown_value(r),
                    match (p.later, r.year) {
                        (true, Some(y)) => format!(" (later: {y})"),
                        _ => String::new(),
                    }
                ),
                format!("{} → {}", short_id(&t.doc_id), short_id(&r.doc_id)),
            ),
            None => ("-".into(), short_id(&t.doc_id).to_string()),
        };
        let target = match p.bound {
            duban_track::Bound::Range { high } => format!("{}-{high}{}", t.value, t.unit),
            _ => shown_value(t),
        };
        rows.push([
            region,
            t.year.map_or("-".into(), |y| y.to_string()),
            indicator,
            target,
            result,
            p.status.as_str().into(),
            sources,
        ]);
    }
    let widths: Vec<usize> = (0..7)
        .map(|c| rows.iter().map(|r| width(&r[c])).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if c + 1 < row.len() {
                line.push_str(&" ".repeat(widths[c] - width(cell) + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let count = |s: Status| progress.iter().filter(|p| p.status == s).count();
    out.push_str(&format!(
        "{} targets: {} met, {} missed, {} without a result\n",
        progress.len(),
        count(Status::Met),
        count(Status::Missed),
        count(Status::NoResult)
    ));
    out
}

/// The columns a terminal gives a text: two for a wide (CJK or full-width) character.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let wide = matches!(u32::from(c),
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
                | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
                | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide { 2 } else { 1 }
        })
        .sum()
}
