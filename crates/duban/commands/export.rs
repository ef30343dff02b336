//! `duban export`: rewrite the exports from the stored records, whole or filtered, as JSON
//! Lines (the default, what a run writes), CSV or Parquet tables, each folder with its
//! `datapackage.json`.
//!
//! An export that would replace one made from another state, or drop documents, is refused
//! (exit 2) unless `--force`: a lost `state.sqlite` must not wipe the exports.
//!
//! The JSON Lines export holds `progress.jsonl` beside the documents and obligations: the
//! targets of its documents, each with the result any stored document reports (linked over
//! the whole state, as a run does), so that a filtered export keeps a target's result.
//!
//! Filters (`--region`, `--year`, `--kind`, `--query`) are turned into one query of the
//! search index's language and answered by the index, so that they mean exactly what the
//! same filters mean in `duban search`. A filtered export needs `--out` and never writes into
//! the data folder's own export.

use anyhow::{Context, bail};
use duban_export::{ExportOrigin, ExportRecord, ExportWriter, Format, Selection, Tables};
use duban_index::Target;
use duban_model::{DocKind, Document, Obligation, ObligationKind};
use duban_pipeline::tracked::TrackedProgress;
use duban_state::State;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `duban export`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder to write to (default: DIR/export for jsonl, DIR/export/csv or DIR/export/parquet
    /// for the tables). Required with a filter.
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// jsonl (documents and obligations, lists nested), csv or parquet (flat tables: documents,
    /// obligations, metrics, deadlines, recurrences, bodies, references).
    #[arg(long, default_value = "jsonl", value_parser = parse_format)]
    pub format: Format,
    /// Keep the documents of a region: a GB/T 2260 code (320500 also keeps its counties, 32
    /// all of 江苏省) or a name (苏州市, 苏州). Repeat for several.
    #[arg(long)]
    pub region: Vec<String>,
    /// Keep the documents of a year (2021) or years (2019-2021). Repeat for several.
    #[arg(long)]
    pub year: Vec<String>,
    /// Keep a document kind (plan, annual_plan, implementation_plan, opinion, report, rules,
    /// other) or an obligation kind (task, achievement, target, scoring, principle). Repeat for
    /// several.
    #[arg(long)]
    pub kind: Vec<String>,
    /// Keep the obligations this search finds (the query language of `duban search`) and
    /// their documents.
    #[arg(long, allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Write over an export made from another state (after state.sqlite was lost or replaced)
    /// or with more documents than the state has.
    #[arg(long)]
    pub force: bool,
}

fn parse_format(s: &str) -> Result<Format, String> {
    Format::parse(s).ok_or_else(|| format!("`{s}` is not a format; use jsonl, csv or parquet"))
}

/// The filters of a command line as queries of the index's language: one on documents (region,
/// year, document kind) and one on obligations (those, obligation kinds and `--query`).
#[derive(Debug, Default, PartialEq, Eq)]
struct Filters {
    documents: Vec<String>,
    obligations: Vec<String>,
}

impl Filters {
    fn of(args: &Args) -> anyhow::Result<Self> {
        let mut f = Filters::default();
        let mut both = |clause: String| {
            f.documents.push(clause.clone());
            f.obligations.push(clause);
        };
        if !args.region.is_empty() {
            both(any_of(&args.region, region_clause)?);
        }
        if !args.year.is_empty() {
            both(any_of(&args.year, year_clause)?);
        }
        let (doc_kinds, obligation_kinds): (Vec<&String>, Vec<&String>) =
            args.kind.iter().partition(|k| DocKind::parse(k).is_some());
        if let Some(bad) = obligation_kinds
            .iter()
            .find(|k| !ObligationKind::ALL.iter().any(|o| o.as_str() == k.as_str()))
        {
            bail!(
                "`--kind {bad}` is not a kind; use a document kind ({}) or an obligation kind ({})",
                DocKind::ALL.map(DocKind::as_str).join(", "),
                ObligationKind::ALL.map(ObligationKind::as_str).join(", ")
            );
        }
        if !doc_kinds.is_empty() {
            both(any_of(&doc_kinds, |k| Ok(format!("doc_kind:{k}")))?);
        }
        if !obligation_kinds.is_empty() {
            f.obligations
                .push(any_of(&obligation_kinds, |k| Ok(format!("kind:{k}")))?);
        }
        if let Some(q) = &args.query {
            f.obligations.push(format!("({q})"));
        }
        Ok(f)
    }

    fn is_empty(&self) -> bool {
        self.obligations.is_empty()
    }

    /// Whether obligations are filtered beyond their documents: then a document is kept only
    /// with an obligation kept.
    fn on_obligations(&self) -> bool {
        self.obligations.len() > self.documents.len()
    }
}

fn any_of<S: AsRef<str>>(
    values: &[S],
    clause: impl Fn(&str) -> anyhow::Result<String>,
) -> anyhow::Result<String> {
    let clauses = values
        .iter()
        .map(|v| clause(v.as_ref().trim()))
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(format!("({})", clauses.join(" OR ")))
}

/// `320500` → `region:320500`; `苏州` → the name at any level.
fn region_clause(value: &str) -> anyhow::Result<String> {
    if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(format!("region:{value}"));
    }
    if value.is_empty() || !value.chars().all(|c| c > '\u{2e7f}' && !c.is_whitespace()) {
        bail!(
            "`--region {value}` is neither a GB/T 2260 code (320500) nor a Chinese name (苏州市)"
        );
    }
    Ok(format!(
        "province:{value} OR city:{value} OR county:{value}"
    ))
}

/// `2021` → `year:2021`; `2019-2021` → `year:[2019 TO 2021]`.
fn year_clause(value: &str) -> anyhow::Result<String> {
    let year = |s: &str| s.trim().parse::<u16>().ok();
    match value.split_once('-') {
        None => year(value).map(|y| format!("year:{y}")),
        Some((a, b)) => year(a)
            .zip(year(b))
            .filter(|(a, b)| a <= b)
            .map(|(a, b)| format!("year:[{a} TO {b}]")),
    }
    .with_context(|| format!("`--year {value}` is not a year (2021) or years (2019-2021)"))
}

/// What the filters keep, asked of the index (everything when nothing is filtered).
fn keep(filters: &Filters, index_dir: &Path) -> anyhow::Result<Keep> {
    if filters.is_empty() {
        return Ok(Keep {
            documents: None,
            obligations: None,
            need_an_obligation: false,
        });
    }
    let index = super::search::open_read_only(index_dir)
        .context("a filtered export reads the search index")?;
    let ids = |clauses: &[String], target| -> anyhow::Result<Option<HashSet<String>>> {
        if clauses.is_empty() {
            return Ok(None);
        }
        let found = index.matching_ids(&clauses.join(" AND "), target)?;
        Ok(Some(found.into_iter().collect()))
    };
    Ok(Keep {
        documents: ids(&filters.documents, Target::Documents)?,
        obligations: ids(&filters.obligations, Target::Obligations)?,
        need_an_obligation: filters.on_obligations(),
    })
}

/// Runs `duban export`.
pub fn run(args: Args, data: &Path) -> anyhow::Result<ExitCode> {
    let dd = duban_pipeline::DataDir::new(data);
    let _lock = duban_pipeline::DataDirLock::acquire(
        data,
        &duban_pipeline::command_line(),
        &super::now_rfc3339(),
    )?;
    let filters = Filters::of(&args)?;
    let main_export = dd.export_dir();
    let out = match (&args.out, filters.is_empty()) {
        (Some(out), false) if is_inside(out, &main_export) => bail!(
            "a filtered export never writes into the data folder's own export ({}): give --out another folder",
            main_export.display()
        ),
        (Some(out), _) => out.clone(),
        (None, false) => bail!("a filtered export needs --out FOLDER"),
        (None, true) => match args.format {
            Format::Jsonl => main_export,
            other => main_export.join(other.as_str()),
        },
    };
    let selection = Selection {
        region: args.region.clone(),
        year: args.year.clone(),
        kind: args.kind.clone(),
        query: args.query.clone(),
    };
    let keep = keep(&filters, &dd.index_dir())?;
    let state = State::open(&dd.state_path())
        .with_context(|| format!("opening {}", dd.state_path().display()))?;
    let counts = match args.format {
        Format::Jsonl => {
            let mark = state.mark()?;
            let origin = ExportOrigin {
                state_id: mark.state_id,
                state_generation: mark.generation,
            };
            let mut export = ExportWriter::create(&out, origin)?;
            // Spooled beside the export it is for, apart from a run's spool in the folder.
            let progress = TrackedProgress::track(&state, &out.join(".progress.spool"))?;
            export.select(selection);
            let mut kept = HashSet::new();
            state.for_each_record(|r| {
                if let Some(lines) = keep.lines(r.doc_id, r.obligations) {
                    export.push(ExportRecord {
                        document: r.document,
                        obligations: &lines,
                    })?;
                    kept.insert(r.doc_id.to_string());
                }
                Ok::<(), anyhow::Error>(())
            })?;
            progress.for_each_batch(|batch| {
                for p in batch.iter().filter(|p| kept.contains(&p.document.id)) {
                    export.push_progress(&p.json)?;
                }
                Ok(())
            })?;
            // A selection holds fewer documents than the folder's last export by design.
            export.finish(args.force || !filters.is_empty())?
        }
        format => {
            let mut tables = Tables::default();
            state.for_each_record(|r| {
                if let Some(lines) = keep.lines(r.doc_id, r.obligations) {
                    let doc: Document = serde_json::from_str(r.document)
                        .with_context(|| format!("stored document {}", r.doc_id))?;
                    let obligations = lines
                        .lines()
                        .map(serde_json::from_str::<Obligation>)
                        .collect::<Result<Vec<_>, _>>()
                        .with_context(|| format!("stored obligations of {}", r.doc_id))?;
                    tables.push(&doc, &obligations);
                }
                Ok::<(), anyhow::Error>(())
            })?;
            duban_export::write_tables(&out, format, &tables, &selection)?
        }
    };
    println!(
        "{}: {} documents, {} obligations",
        out.display(),
        counts.documents,
        counts.obligations
    );
    Ok(ExitCode::SUCCESS)
}

/// What a filtered export keeps.
struct Keep {
    /// Documents the document filters kept; `None`: all.
    documents: Option<HashSet<String>>,
    /// Obligations the filters kept; `None`: all of the kept documents.
    obligations: Option<HashSet<String>>,
    /// Whether a document is dropped when none of its obligations is kept.
    need_an_obligation: bool,
}

impl Keep {
    /// The obligation lines of a stored record that are kept, or `None` when the document
    /// is not.
    fn lines(&self, doc_id: &str, lines: &str) -> Option<String> {
        if self.documents.as_ref().is_some_and(|d| !d.contains(doc_id)) {
            return None;
        }
        let Some(kept) = &self.obligations else {
            return Some(lines.to_string());
        };
        let mut out = String::new();
        for line in lines.lines() {
            if obligation_id(line).is_some_and(|id| kept.contains(&id)) {
                out.push_str(line);
                out.push('\n');
            }
        }
        (!out.is_empty() || !self.need_an_obligation).then_some(out)
    }
}

/// The `id` of an obligation line.
fn obligation_id(line: &str) -> Option<String> {
    let record: serde_json::Value = serde_json::from_str(line).ok()?;
    record.get("id")?.as_str().map(str::to_string)
}

/// Whether `path` is `dir` or inside it (compared as absolute, resolved paths where they
/// exist).
fn is_inside(path: &Path, dir: &Path) -> bool {
    let resolve = |p: &Path| {
        let absolute = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        absolute.canonicalize().unwrap_or(absolute)
    };
    resolve(path).starts_with(resolve(dir))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(region: &[&str], year: &[&str], kind: &[&str], query: Option<&str>) -> Args {
        let owned = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Args {
            out: None,
            format: Format::Jsonl,
            region: owned(region),
            year: owned(year),
            kind: owned(kind),
            query: query.map(str::to_string),
            force: false,
        }
    }

    #[test]
    fn filters_become_index_queries_on_both_sides() {
        let f = Filters::of(&args(
            &["320500", "苏州"],
            &["2021", "2015-2020"],
            &["report", "target"],
            Some("出庭应诉率 OR 行政复议"),
        ))
        .unwrap();
        assert_eq!(
            f.documents,
            [
                "(region:320500 OR province:苏州 OR city:苏州 OR county:苏州)",
                "(year:2021 OR year:[2015 TO 2020])",
                "(doc_kind:report)",
            ]
        );
        assert_eq!(
            &f.obligations[3..],
            ["(kind:target)", "(出庭应诉率 OR 行政复议)"]
        );
        assert!(f.on_obligations());
    }

    #[test]
    fn document_filters_alone_keep_documents_without_obligations() {
        let f = Filters::of(&args(&[], &["2021"], &["plan"], None)).unwrap();
        assert!(!f.is_empty());
        assert!(!f.on_obligations());
        assert!(Filters::of(&args(&[], &[], &[], None)).unwrap().is_empty());
    }

    #[test]
    fn bad_filter_values_are_refused_with_what_to_write() {
        for (region, year, kind) in [
            (&["苏州 OR x"][..], &[][..], &[][..]),
            (&[], &["二〇二一"], &[]),
            (&[], &["2021-2019"], &[]),
            (&[], &[], &["law"]),
        ] {
            let e = Filters::of(&args(region, year, kind, None)).unwrap_err();
            assert!(e.to_string().contains("--"), "{e}");
        }
    }

    #[test]
    fn kept_lines_are_the_stored_lines_of_kept_obligations() {
        let lines = "{\"id\":\"d#1.\",\"text\":\"按期办结行政复议案件\"}\n{\"id\":\"d#2.\",\"text\":\"每季度通报一次\"}\n";
        let keep = Keep {
            documents: None,
            obligations: Some(HashSet::from(["d#2.".to_string()])),
            need_an_obligation: true,
        };
        assert_eq!(
            keep.lines("d", lines).as_deref(),
            Some("{\"id\":\"d#2.\",\"text\":\"每季度通报一次\"}\n")
        );
        assert_eq!(keep.lines("e", "{\"id\":\"e#1.\"}\n"), None);
        let by_document = Keep {
            documents: Some(HashSet::from(["d".to_string()])),
            obligations: None,
            need_an_obligation: false,
        };
        assert_eq!(by_document.lines("d", lines).as_deref(), Some(lines));
        assert_eq!(by_document.lines("e", lines), None);
    }

    #[test]
    fn an_out_folder_inside_the_main_export_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let export = dir.path().join("export");
        std::fs::create_dir_all(export.join("csv")).unwrap();
        assert!(is_inside(&export.join("csv"), &export));
        assert!(is_inside(&export.join("./"), &export));
        assert!(!is_inside(&dir.path().join("suzhou"), &export));
    }
}
