//! Extraction quality, graded by `duban eval` against the gold of `../shared`: on the seeds, the
//! floors of issue 5 (obligations F1 ≥ 0.95; deadlines, recurrences, metrics and bodies F1 ≥ 0.9;
//! kind accuracy ≥ 0.9; indicator accuracy ≥ 0.8) and of issue 4 (every document field ≥ 0.9);
//! on the development set of real documents from other places (`../shared/corpora/dev`), the
//! figures reached so far, so that no change loses ground on documents the rules were not
//! written from (issue 11's targets are the seeds' floors; the README says where each stands).
//!
//! Skips, saying so, where `../shared` is absent (a fresh clone); CI sets
//! `DUBAN_REQUIRE_SHARED=1`, and then its absence fails the test.

use crate::util::{assert_ok, duban_with_data, shared, show};
use serde_json::Value;
use std::path::Path;

/// Lowest acceptable figures: F1 of each field, kind and indicator accuracy, each document field.
struct Floors {
    obligations: f64,
    fields: [f64; 4],
    kind: f64,
    indicator: f64,
    document: f64,
}

const FIELDS: [&str; 4] = ["deadlines", "recurrences", "metrics", "bodies"];

/// Runs `command` (`run` or `ingest`) into a fresh data folder and grades its export against
/// `gold`: `duban eval --json`'s report.
fn report(command: &[&str], gold: &Path) -> Value {
    let data = tempfile::tempdir().expect("temp dir");
    assert_ok(&duban_with_data(data.path(), command));
    let out = duban_with_data(
        data.path(),
        &[
            "eval",
            "--json",
            "--gold",
            gold.to_str().expect("UTF-8 path"),
        ],
    );
    assert_ok(&out);
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("eval JSON: {e}\n{}", show(&out)))
}

/// Runs `command`, grades its export against `gold` and checks the floors.
fn grade(command: &[&str], gold: &Path, floors: &Floors) {
    let report = report(command, gold);
    let f1 = |field: &str| report[field]["f1"].as_f64().unwrap_or(0.0);
    let mut failures = Vec::new();
    if f1("obligations") < floors.obligations {
        failures.push(format!("obligations F1 {}", f1("obligations")));
    }
    for (field, floor) in FIELDS.iter().zip(floors.fields) {
        if f1(field) < floor {
            failures.push(format!("{field} F1 {} < {floor}", f1(field)));
        }
    }
    let kind = report["kind_accuracy"].as_f64().unwrap_or(0.0);
    if kind < floors.kind {
        failures.push(format!("kind accuracy {kind} < {}", floors.kind));
    }
    let indicator = report["indicator_accuracy"].as_f64().unwrap_or(0.0);
    if indicator < floors.indicator {
        failures.push(format!(
            "indicator accuracy {indicator} < {}",
            floors.indicator
        ));
    }
    for (field, value) in report["document_fields"]
        .as_object()
        .expect("document fields")
    {
        if value.as_f64().unwrap_or(0.0) < floors.document {
            failures.push(format!(
                "document field {field}: {value} < {}",
                floors.document
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{}: {}",
        command.join(" "),
        failures.join("; ")
    );
}

#[test]
fn the_seeds_extract_above_the_quality_floors() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (gold and scorer) is not beside the repository");
        return;
    };
    // The main job, over the seeds the repository bundles.
    grade(
        &["run", "pipelines/corpora.toml"],
        &shared.join("gold/seeds"),
        &Floors {
            obligations: 0.95,
            fields: [0.9; 4],
            kind: 0.9,
            indicator: 0.8,
            document: 0.9,
        },
    );
}

#[test]
fn the_development_set_keeps_its_figures() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (gold and scorer) is not beside the repository");
        return;
    };
    let dev = shared.join("corpora/dev");
    grade(
        &["ingest", dev.to_str().expect("UTF-8 path")],
        &shared.join("gold/dev"),
        &DEV_FLOORS,
    );
}

/// The development set's figures at the end of the last change, rounded down.
const DEV_FLOORS: Floors = Floors {
    obligations: 0.99,
    fields: [0.99, 0.99, 0.985, 0.965],
    kind: 0.99,
    indicator: 0.89,
    document: 0.95,
};

/// A way of printing a document that changes none of its words: what other sites and
/// converters do to the same text. Applied to the words of a text after its crawler header
/// block (`标题: …` … `====`), and to the text between the tags of a page.
#[derive(Debug, Clone, Copy)]
enum Print {
    /// Digits in full width: `２０１９年１月２７日`.
    FullWidthDigits,
    /// Brackets, commas, colons and semicolons in half width: `(一)`, `责任单位:`.
    HalfWidthPunctuation,
    /// Windows line ends.
    CrLf,
    /// A PDF converter's spacing, in text files: digits spaced out (`2 0 2 6年`, `8 %`) and a
    /// space before each comma, colon, semicolon and stop, the commas half width (`省委 、`).
    PdfSpacing,
    /// Every paragraph of a text file opened by two ideographic spaces (`　　各位代表！`).
    Indent,
    /// A text file without a crawler header as a government site's page: each line a `<p>`,
    /// between a breadcrumb and a footer.
    WebPage,
    /// A text file without a crawler header hard-wrapped at 76 columns (a Chinese character
    /// two), as a converter of fixed-width text prints it.
    HardWrap,
}

/// Columns a character takes in fixed-width text: two for Chinese and full-width forms.
fn columns(c: char) -> usize {
    if c >= '\u{2E80}' { 2 } else { 1 }
}

impl Print {
    const ALL: [Print; 7] = [
        Print::FullWidthDigits,
        Print::HalfWidthPunctuation,
        Print::CrLf,
        Print::PdfSpacing,
        Print::Indent,
        Print::WebPage,
        Print::HardWrap,
    ];

    /// How far each figure may stray from the figures as printed. A wrap can put an item
    /// numbered inside a paragraph (`…等任务。（五）着力推进…`) at a line's start, where it
    /// reads as an item of the outline: the dev set has two such.
    fn tolerance(self) -> f64 {
        match self {
            Print::HardWrap => 0.005,
            _ => 0.0,
        }
    }

    /// The words of `text` printed this way.
    fn words(self, text: &str) -> String {
        match self {
            Print::FullWidthDigits => text
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
                    c => c,
                })
                .collect(),
            Print::HalfWidthPunctuation => text
                .chars()
                .map(|c| match c {
                    '（' => '(',
                    '）' => ')',
                    '，' => ',',
                    '：' => ':',
                    '；' => ';',
                    c => c,
                })
                .collect(),
            Print::CrLf => text.replace('\n', "\r\n"),
            Print::Indent => text
                .split('\n')
                .map(|l| {
                    if l.trim().is_empty() || l.starts_with('\u{3000}') {
                        l.to_string()
                    } else {
                        format!("\u{3000}\u{3000}{l}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
            Print::HardWrap => {
                const WIDTH: usize = 76;
                let mut out = String::with_capacity(text.len() + text.len() / 20);
                let mut used = 0;
                for c in text.chars() {
                    if c == '\n' {
                        used = 0;
                    } else if used + columns(c) > WIDTH {
                        out.push('\n');
                        used = 0;
                    }
                    if c != '\n' {
                        used += columns(c);
                    }
                    out.push(c);
                }
                out
            }
            Print::WebPage => {
                let paragraphs: String = text
                    .split('\n')
                    .map(|l| {
                        let l = l
                            .replace('&', "&amp;")
                            .replace('<', "&lt;")
                            .replace('>', "&gt;");
                        format!("<p>{l}</p>\n")
                    })
                    .collect();
                format!(
                    "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\
                     <div class=\"nav\">首页 &gt; 政务公开 &gt; 政策文件</div>\
                     <div class=\"content\">{paragraphs}</div>\
                     <div class=\"footer\">主办单位：某市人民政府办公室 版权所有</div></body></html>"
                )
            }
            Print::PdfSpacing => {
                let mut out = String::with_capacity(text.len() * 2);
                let mut prev = ' ';
                for c in text.chars() {
                    match c {
                        '0'..='9' if prev.is_ascii_digit() => out.push(' '),
                        '%' | '、' | '。' if prev != ' ' && prev != '\n' => out.push(' '),
                        '，' | '：' | '；' => {
                            out.push(' ');
                            out.push(match c {
                                '，' => ',',
                                '：' => ':',
                                _ => ';',
                            });
                            prev = c;
                            continue;
                        }
                        _ => {}
                    }
                    out.push(c);
                    prev = c;
                }
                out
            }
        }
    }

    /// The file `name` holding `raw` printed this way.
    fn file(self, name: &str, raw: &str) -> String {
        if name.ends_with(".html") {
            if matches!(
                self,
                Print::PdfSpacing | Print::Indent | Print::WebPage | Print::HardWrap
            ) {
                return raw.to_string();
            }
            // The text between tags; tags and their attributes as they were.
            let mut out = String::with_capacity(raw.len() * 2);
            for (i, part) in raw.split('<').enumerate() {
                if i > 0 {
                    out.push('<');
                }
                match part.split_once('>') {
                    Some((tag, words)) if i > 0 => {
                        out.push_str(tag);
                        out.push('>');
                        out.push_str(&self.words(words));
                    }
                    _ => out.push_str(&self.words(part)),
                }
            }
            return out;
        }
        // A crawler's header block (its fields, then a `====` line) is the archive's, not the
        // document's print.
        let lines: Vec<&str> = raw.split('\n').collect();
        let body = lines
            .iter()
            .take(12)
            .position(|l| l.starts_with("===="))
            .map_or(0, |i| i + 1);
        let head = lines[..body]
            .iter()
            .map(|l| format!("{l}\n"))
            .collect::<String>();
        let head = match self {
            Print::CrLf => head.replace('\n', "\r\n"),
            // A page or a wrapped print is a site's or a converter's, not a crawler archive's.
            Print::WebPage | Print::HardWrap if body > 0 => return raw.to_string(),
            _ => head,
        };
        head + &self.words(&lines[body..].join("\n"))
    }
}

/// Whether every figure of a grade is within `tolerance` of another's (equal, counts too, when
/// it is 0).
fn within(a: &Value, b: &Value, tolerance: f64) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    // Counts stray with the figures a tolerance allows.
                    let count = matches!(k.as_str(), "tp" | "fp" | "fn");
                    y.get(k)
                        .is_some_and(|w| (count && tolerance > 0.0) || within(v, w, tolerance))
                })
        }
        (Value::Number(x), Value::Number(y)) => {
            (x.as_f64().unwrap_or(f64::NAN) - y.as_f64().unwrap_or(f64::NAN)).abs() <= tolerance
        }
        _ => a == b,
    }
}

/// The development set printed each other way grades as printed: full-width digits, half-width
/// punctuation, Windows line ends, a PDF converter's spacing, indents and a web page around a
/// text change no figure; a hard wrap at a fixed width changes none by more than 0.005.
#[test]
fn the_development_set_printed_other_ways_grades_the_same() {
    let Some(shared) = shared() else {
        eprintln!("skipped: ../shared (gold and scorer) is not beside the repository");
        return;
    };
    let dev = shared.join("corpora/dev");
    let gold = shared.join("gold/dev");
    let figures = |report: Value| {
        let mut r = report;
        r.as_object_mut()
            .expect("report object")
            .remove("documents");
        r
    };
    let printed = figures(report(
        &["ingest", dev.to_str().expect("UTF-8 path")],
        &gold,
    ));
    let mut differences = Vec::new();
    for print in Print::ALL {
        // Others' documents are copied to a temporary folder only, never into the project.
        let copy = tempfile::tempdir().expect("temp dir");
        for entry in std::fs::read_dir(&dev).expect("reading the dev corpus") {
            let path = entry.expect("dev entry").path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if !(name.ends_with(".txt") || name.ends_with(".html")) {
                continue;
            }
            let raw = std::fs::read_to_string(&path).expect("dev documents are UTF-8");
            std::fs::write(copy.path().join(name), print.file(name, &raw)).expect("writing a copy");
        }
        let other = figures(report(
            &["ingest", copy.path().to_str().expect("UTF-8 path")],
            &gold,
        ));
        if !within(&other, &printed, print.tolerance()) {
            differences.push(format!("{print:?}: {other}"));
        }
    }
    assert!(
        differences.is_empty(),
        "as printed: {printed}\n{}",
        differences.join("\n")
    );
}
