//! The fixture pages of `corpora/pages/`: each HTML page is cleaned and compared with its
//! `<page>.expected.json` (metadata, encoding, warnings, text and table checks).
#![allow(
    clippy::unwrap_used,
    reason = "a test fails loudly where its setup does"
)]

use duban_clean::clean;
use duban_model::{Block, MediaType, RawDoc, Source, SourceHints};
use serde_json::Value;
use std::path::PathBuf;

fn pages_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpora/pages")
}

fn date_or_null(d: Option<duban_model::Date>) -> Value {
    d.map_or(Value::Null, |d| {
        serde_json::to_value(d).unwrap_or(Value::Null)
    })
}

#[expect(
    clippy::too_many_lines,
    reason = "one comparison per field of a fixture's expected JSON, read top to bottom"
)]
fn check(expected_path: &std::path::Path) -> Vec<String> {
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(expected_path).unwrap()).unwrap();
    let page = expected["page"].as_str().unwrap();
    let bytes = std::fs::read(pages_dir().join(page)).unwrap();
    let raw = RawDoc {
        id: format!("file:pages/{page}"),
        source: Source {
            path: Some(format!("pages/{page}")),
            ..Source::default()
        },
        bytes,
        media_type: MediaType::Html,
        hints: SourceHints::default(),
    };
    let d = clean(&raw, &duban_model::Limits::default()).unwrap_or_else(|e| panic!("{page}: {e}"));
    let doc = &d.document;
    let mut errs = Vec::new();
    let expect = |errs: &mut Vec<String>, what: &str, got: Value, want: &Value| {
        if &got != want {
            errs.push(format!("{page}: {what}: got {got}, want {want}"));
        }
    };
    let e = &expected["document"];
    expect(&mut errs, "title", doc.title.clone().into(), &e["title"]);
    expect(
        &mut errs,
        "doc_number",
        doc.doc_number.clone().into(),
        &e["doc_number"],
    );
    expect(&mut errs, "issuer", doc.issuer.clone().into(), &e["issuer"]);
    expect(
        &mut errs,
        "region",
        doc.region.as_ref().map(|r| r.code.clone()).into(),
        &e["region"],
    );
    expect(&mut errs, "kind", doc.kind.as_str().into(), &e["kind"]);
    expect(
        &mut errs,
        "published",
        date_or_null(doc.published),
        &e["published"],
    );
    expect(&mut errs, "signed", date_or_null(doc.signed), &e["signed"]);
    expect(
        &mut errs,
        "period",
        doc.period
            .map_or(Value::Null, |p| serde_json::json!([p.start, p.end])),
        &e["period"],
    );
    expect(&mut errs, "year", doc.year.into(), &e["year"]);
    expect(
        &mut errs,
        "encoding",
        doc.source.encoding.clone().into(),
        &expected["encoding"],
    );
    expect(
        &mut errs,
        "has warnings",
        (!d.warnings.is_empty()).into(),
        &expected["warnings"],
    );
    let text = &doc.text;
    if let Some(start) = expected["text_starts_with"].as_str()
        && !text.starts_with(start)
    {
        errs.push(format!(
            "{page}: text starts {:?}",
            text.chars().take(40).collect::<String>()
        ));
    }
    for s in expected["text_contains"].as_array().unwrap() {
        if !text.contains(s.as_str().unwrap()) {
            errs.push(format!("{page}: text lacks {s}"));
        }
    }
    for s in expected["text_lacks"].as_array().unwrap() {
        if text.contains(s.as_str().unwrap()) {
            errs.push(format!("{page}: chrome left in text: {s}"));
        }
    }
    let want_tables = expected["tables"].as_array().unwrap();
    if d.blocks.len() != want_tables.len() {
        errs.push(format!(
            "{page}: {} tables, want {}",
            d.blocks.len(),
            want_tables.len()
        ));
    }
    for (block, want) in d.blocks.iter().zip(want_tables) {
        let Block::Table { header, rows } = block;
        expect(
            &mut errs,
            "table header",
            serde_json::to_value(header).unwrap(),
            &want["header"],
        );
        expect(&mut errs, "table rows", rows.len().into(), &want["rows"]);
        let (i, cell) = (
            want["row_contains"][0].as_u64().unwrap() as usize,
            want["row_contains"][1].as_str().unwrap(),
        );
        if !rows
            .get(i)
            .is_some_and(|r| r.cells.iter().any(|c| c.contains(cell)))
        {
            errs.push(format!("{page}: row {i} lacks {cell}"));
        }
        for r in rows {
            let line = &text[r.span.0..r.span.1];
            if line != r.cells.join("\t") {
                errs.push(format!("{page}: row span points at {line:?}"));
            }
        }
    }
    errs
}

#[test]
fn every_fixture_page_cleans_to_its_expected_document() {
    let mut expected: Vec<PathBuf> = std::fs::read_dir(pages_dir())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".expected.json"))
        .collect();
    expected.sort();
    assert!(expected.len() >= 5, "fixture pages missing");
    let errs: Vec<String> = expected.iter().flat_map(|p| check(p)).collect();
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}
