//! `datapackage.json`: the Frictionless Data Package that describes an export folder.
//!
//! It names every data file of the export with its format, size and SHA-256 (CSV and JSON
//! Lines; Frictionless cannot check them on Parquet) and Table Schema
//! (each column's name, type, description and allowed values, the primary key and the
//! foreign keys between files), the package's `version` ([`FORMAT_VERSION`]), its
//! `licenses`, and, for a filtered export, what was kept (`duban_selection`). Any Frictionless
//! tool (`frictionless validate datapackage.json`) checks the files against it.
//!
//! The description is built from [`crate::tables`]' table descriptions, so it cannot drift
//! from the files. It holds no time and no state id: the same files give the same bytes.
//! This module only builds the JSON; [`crate::package`] writes it.

use crate::tables::{FORMAT_VERSION, TableSpec};
use serde::Serialize;
use serde_json::{Value, json};

/// The file name of the package description.
pub const DATAPACKAGE_FILE: &str = "datapackage.json";

/// The formats an export is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// `documents.jsonl` and `obligations.jsonl`, lists nested (the graded export).
    Jsonl,
    /// The flat tables as CSV.
    Csv,
    /// The flat tables as Parquet.
    Parquet,
}

impl Format {
    /// Its name, as `--format` takes it and file names end.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Parquet => "parquet",
        }
    }

    /// Parses `jsonl`, `csv` or `parquet`.
    pub fn parse(s: &str) -> Option<Self> {
        [Format::Jsonl, Format::Csv, Format::Parquet]
            .into_iter()
            .find(|f| f.as_str() == s)
    }

    fn media_type(self) -> &'static str {
        match self {
            Format::Jsonl => "application/x-ndjson",
            Format::Csv => "text/csv",
            Format::Parquet => "application/vnd.apache.parquet",
        }
    }
}

/// What a filtered export kept; empty for a whole export. Said in the package so that a
/// reader does not take a part for the whole.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// Regions kept (codes or names), any of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub region: Vec<String>,
    /// Years kept (`2021` or `2019-2021`), any of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub year: Vec<String>,
    /// Document or obligation kinds kept, any of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub kind: Vec<String>,
    /// The search query whose obligations were kept.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query: Option<String>,
}

impl Selection {
    /// Whether it keeps everything.
    pub fn is_everything(&self) -> bool {
        *self == Selection::default()
    }
}

/// A data file of the package.
#[derive(Debug, Clone)]
pub struct PackageFile {
    /// The table it holds.
    pub table: &'static TableSpec,
    /// Its format.
    pub format: Format,
    /// Its size in bytes.
    pub bytes: u64,
    /// SHA-256 of its bytes, in hex.
    pub sha256: String,
}

impl PackageFile {
    /// Its file name: the table's name with the format's extension.
    pub fn file_name(&self) -> String {
        format!("{}.{}", self.table.name, self.format.as_str())
    }
}

/// The licence the package states. The records are facts drawn from official documents of
/// state organs, which the Copyright Law of the PRC (art. 5) leaves outside copyright; the
/// package says so rather than grant a licence Duban's operator may not hold.
const LICENSE_NAME: &str = "other-pd";
const LICENSE_TITLE: &str = "Public domain: facts extracted from official documents of state organs, which the Copyright Law of the PRC (art. 5) does not protect; check each source's own terms before republishing its text";

/// The package description of `files`, as pretty JSON ending in a line end.
pub fn datapackage_json(files: &[PackageFile], selection: &Selection) -> String {
    let formats: Vec<&str> = {
        let mut f: Vec<Format> = files.iter().map(|f| f.format).collect();
        f.sort();
        f.dedup();
        f.into_iter().map(Format::as_str).collect()
    };
    let mut package = json!({
        "profile": "tabular-data-package",
        "name": "duban-export",
        "title": "Duban export: obligations of Chinese government plans and reports",
        "description": "Documents and the obligations extracted from them (tasks, deadlines, recurrences, metrics, responsible bodies), keyed by obligation id; with the JSON Lines, the progress of each quantified target beside the result a later document reports. Written by Duban; field meanings follow its extraction spec.",
        "version": FORMAT_VERSION,
        "licenses": [{"name": LICENSE_NAME, "title": LICENSE_TITLE}],
        "duban_formats": formats,
        "resources": files.iter().map(resource).collect::<Vec<_>>(),
    });
    if !selection.is_everything() {
        package["duban_selection"] = json!(selection);
    }
    let mut text = serde_json::to_string_pretty(&package).unwrap_or_default();
    text.push('\n');
    text
}

fn resource(file: &PackageFile) -> Value {
    let t = file.table;
    let mut r = json!({
        "name": t.name,
        "path": file.file_name(),
        "profile": "tabular-data-resource",
        "description": t.description,
        "format": file.format.as_str(),
        "mediatype": file.format.media_type(),
    });
    // Frictionless reads Parquet through pyarrow, never as bytes, so it cannot check a size
    // or hash there and reports every one as a mismatch: they are given for the text formats.
    if file.format != Format::Parquet {
        r["bytes"] = json!(file.bytes);
        r["hash"] = json!(format!("sha256:{}", file.sha256));
    }
    match file.format {
        Format::Csv => {
            r["encoding"] = json!("utf-8");
            r["dialect"] = json!({
                "delimiter": ",",
                "lineTerminator": "\r\n",
                "quoteChar": "\"",
                "doubleQuote": true,
                "header": true,
            });
        }
        Format::Jsonl => r["encoding"] = json!("utf-8"),
        Format::Parquet => {}
    }
    r["schema"] = schema(t);
    r
}

fn schema(t: &TableSpec) -> Value {
    let fields: Vec<Value> = t
        .fields
        .iter()
        .map(|f| {
            let mut field = json!({
                "name": f.name,
                "type": f.kind.frictionless(),
                "description": f.description,
            });
            let mut constraints = serde_json::Map::new();
            if f.required {
                constraints.insert("required".into(), json!(true));
            }
            if !f.values.is_empty() {
                constraints.insert("enum".into(), json!(f.values));
            }
            if !constraints.is_empty() {
                field["constraints"] = Value::Object(constraints);
            }
            field
        })
        .collect();
    let foreign_keys: Vec<Value> = t
        .foreign_keys
        .iter()
        .map(|k| json!({"fields": [k.field], "reference": {"resource": k.table, "fields": [k.reference]}}))
        .collect();
    let mut schema = json!({
        "fields": fields,
        "missingValues": [""],
    });
    // A table without a key (progress: one row per target phrase) states none.
    if !t.primary_key.is_empty() {
        schema["primaryKey"] = json!(t.primary_key);
    }
    if !foreign_keys.is_empty() {
        schema["foreignKeys"] = json!(foreign_keys);
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{JSONL_TABLES, TABLES};

    fn files(format: Format) -> Vec<PackageFile> {
        let tables: &[TableSpec] = if format == Format::Jsonl {
            &JSONL_TABLES
        } else {
            &TABLES
        };
        tables
            .iter()
            .map(|table| PackageFile {
                table,
                format,
                bytes: 10,
                sha256: "ab".repeat(32),
            })
            .collect()
    }

    #[test]
    fn every_file_is_a_resource_with_its_schema_and_keys() {
        let json: Value = serde_json::from_str(&datapackage_json(
            &files(Format::Csv),
            &Selection::default(),
        ))
        .unwrap();
        assert_eq!(json["version"], FORMAT_VERSION);
        assert_eq!(json["licenses"][0]["name"], LICENSE_NAME);
        assert!(json.get("duban_selection").is_none());
        let resources = json["resources"].as_array().unwrap();
        assert_eq!(resources.len(), TABLES.len());
        let metrics = &resources[2];
        assert_eq!(metrics["path"], "metrics.csv");
        assert_eq!(metrics["hash"], format!("sha256:{}", "ab".repeat(32)));
        assert_eq!(
            metrics["schema"]["primaryKey"],
            json!(["obligation_id", "seq"])
        );
        assert_eq!(
            metrics["schema"]["foreignKeys"][0]["reference"]["resource"],
            "obligations"
        );
        assert_eq!(metrics["schema"]["fields"][7]["type"], "number");
    }

    #[test]
    fn a_filtered_package_says_what_it_kept() {
        let selection = Selection {
            region: vec!["320500".into()],
            query: Some("出庭应诉率".into()),
            ..Selection::default()
        };
        let json: Value =
            serde_json::from_str(&datapackage_json(&files(Format::Parquet), &selection)).unwrap();
        assert_eq!(
            json["duban_selection"],
            json!({"region": ["320500"], "query": "出庭应诉率"})
        );
        assert_eq!(json["resources"][0]["format"], "parquet");
        assert!(json["resources"][0].get("hash").is_none());
    }

    #[test]
    fn jsonl_files_describe_their_nested_fields() {
        let json: Value = serde_json::from_str(&datapackage_json(
            &files(Format::Jsonl),
            &Selection::default(),
        ))
        .unwrap();
        let obligations = &json["resources"][1];
        assert_eq!(obligations["path"], "obligations.jsonl");
        let metrics = obligations["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "metrics")
            .unwrap();
        assert_eq!(metrics["type"], "array");
    }
}
