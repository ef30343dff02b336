//! Flat tables of an export, for researchers who read CSV or Parquet rather than unnest JSON.
//!
//! The records of `documents.jsonl` and `obligations.jsonl` become seven tables: one row per
//! document, one per obligation (its scalar fields), and one per metric, deadline,
//! recurrence, body and cited title, each keyed by its obligation's id and its place in the
//! obligation's list (`seq`, from 1). Every row carries [`FORMAT_VERSION`] in its
//! `format_version` column, so a row taken out of its file still says what it follows.
//!
//! [`TABLES`] states each table's columns (name, type, description from the extraction spec,
//! closed sets of values) and keys; [`JSONL_TABLES`] does the same for the two JSONL files.
//! `datapackage.json` ([`crate::datapackage`]) is written from these descriptions, and the
//! rows are built in the same order, so a column cannot go undescribed.
//!
//! This module holds the rows in memory and does not write files: [`crate::csv_table`] and
//! [`crate::parquet_table`] encode a table to bytes.

use duban_model::{
    Bound, Date, DocKind, Document, Every, Obligation, ObligationKind, Op, Region, Role,
};

/// The version of the export's tables and `datapackage.json`: changed when a column is added,
/// removed or changes meaning. Semantic versioning, as the Data Package standard advises.
pub const FORMAT_VERSION: &str = "1.0.0";

/// A column's type, with the Frictionless Table Schema type it is described as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// UTF-8 text.
    String,
    /// A whole number (64-bit in Parquet).
    Integer,
    /// A decimal number (a 64-bit float in Parquet).
    Number,
    /// A calendar day, `YYYY-MM-DD` (Parquet `DATE`).
    Date,
    /// A JSON object (JSON Lines files only).
    Object,
    /// A JSON array (JSON Lines files only).
    Array,
    /// `true` or `false` (JSON Lines files only).
    Boolean,
    /// Values of more than one JSON type (JSON Lines files only): a name or an object.
    Any,
}

impl FieldType {
    /// The Frictionless Table Schema name of the type.
    pub fn frictionless(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Date => "date",
            FieldType::Object => "object",
            FieldType::Array => "array",
            FieldType::Boolean => "boolean",
            FieldType::Any => "any",
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The column's name.
    pub name: &'static str,
    /// Its type.
    pub kind: FieldType,
    /// Whether every row has a value.
    pub required: bool,
    /// What it holds.
    pub description: &'static str,
    /// The closed set of its values, when it has one.
    pub values: &'static [&'static str],
}

/// A column that references another table's key.
#[derive(Debug, Clone, Copy)]
pub struct ForeignKey {
    /// The referencing column.
    pub field: &'static str,
    /// The referenced table.
    pub table: &'static str,
    /// The referenced column.
    pub reference: &'static str,
}

/// A table: its name, columns and keys.
#[derive(Debug, Clone, Copy)]
pub struct TableSpec {
    /// Its name (the file name without extension, and the Data Package resource name).
    pub name: &'static str,
    /// What a row is.
    pub description: &'static str,
    /// Its columns, in file order.
    pub fields: &'static [Field],
    /// The columns that identify a row.
    pub primary_key: &'static [&'static str],
    /// Columns that reference other tables.
    pub foreign_keys: &'static [ForeignKey],
}

const fn field(
    name: &'static str,
    kind: FieldType,
    required: bool,
    description: &'static str,
) -> Field {
    Field {
        name,
        kind,
        required,
        description,
        values: &[],
    }
}

const fn closed(
    name: &'static str,
    required: bool,
    description: &'static str,
    values: &'static [&'static str],
) -> Field {
    Field {
        name,
        kind: FieldType::String,
        required,
        description,
        values,
    }
}

use FieldType::{Any, Array, Boolean, Date as DateType, Integer, Number, Object, String as Text};

/// The names of a closed set of the model (`DocKind`, `Op` …) as the JSON export spells them,
/// at compile time, so the schema's allowed values cannot drift from the model's.
macro_rules! names_of {
    ($ty:ty) => {{
        const ALL: &[$ty] = &<$ty>::ALL;
        const NAMES: [&str; ALL.len()] = {
            let mut names = [""; ALL.len()];
            let mut i = 0;
            while i < ALL.len() {
                names[i] = ALL[i].as_str();
                i += 1;
            }
            names
        };
        &NAMES
    }};
}

const DOC_KINDS: &[&str] = names_of!(DocKind);
const OBLIGATION_KINDS: &[&str] = names_of!(ObligationKind);

const VERSION: Field = field(
    "format_version",
    Text,
    true,
    "the version of the export format this row follows (the package's `version`)",
);
const OBLIGATION_ID: Field = field(
    "obligation_id",
    Text,
    true,
    "the obligation's id (obligations.id)",
);
const DOC_ID: Field = field("doc_id", Text, true, "the document's id (documents.id)");
const SEQ: Field = field(
    "seq",
    Integer,
    true,
    "the entry's place in its obligation's list, from 1",
);
const ENTRY_TEXT: Field = field("text", Text, true, "the phrase as printed");
const REGION_CODE: Field = field(
    "region_code",
    Text,
    false,
    "GB/T 2260 code of the issuing region (100000 for a national body); empty when no place can be told",
);
const PROVINCE: Field = field("province", Text, false, "province-level name");
const CITY: Field = field("city", Text, false, "city-level name");
const COUNTY: Field = field(
    "county",
    Text,
    false,
    "county-level name (districts included)",
);

// Columns that the tables and the JSON Lines files share.
const DOCUMENT_ID: Field = field(
    "id",
    Text,
    true,
    "stable id, from the canonical URL or the path in the corpus",
);
const TITLE: Field = field(
    "title",
    Text,
    false,
    "the document's own title; none when it prints none",
);
const DOC_NUMBER: Field = field(
    "doc_number",
    Text,
    false,
    "发文字号 as printed, brackets normalised to 〔〕",
);
const ISSUER: Field = field(
    "issuer",
    Text,
    false,
    "the issuing body (the lead issuer of a joint document), full name",
);
const PUBLISHED: Field = field(
    "published",
    DateType,
    false,
    "the web page's publication date",
);
const SIGNED: Field = field(
    "signed",
    DateType,
    false,
    "the date under the signature (成文日期)",
);
const DOCUMENT_YEAR: Field = field(
    "year",
    Integer,
    false,
    "the year the document names itself by",
);
const DOCUMENT_TEXT: Field = field(
    "text",
    Text,
    true,
    "the cleaned main text; obligation spans index it in characters",
);
const OBLIGATION_KEY: Field = field(
    "id",
    Text,
    true,
    "<doc id>#<path labels joined by />, stable across runs",
);
const LABEL: Field = field(
    "label",
    Text,
    false,
    "the item's own number, normalised (26. (一) 1、 一是); empty for an unnumbered table row",
);
const HEADING: Field = field("heading", Text, false, "the item's lead phrase");
const OBLIGATION_TEXT: Field = field("text", Text, true, "the whole item, label excluded");
const DOCUMENT_KIND: Field = closed("kind", true, "the document's kind", DOC_KINDS);
const OBLIGATION_KIND: Field = closed("kind", true, "what the item is", OBLIGATION_KINDS);

const TO_OBLIGATION: &[ForeignKey] = &[ForeignKey {
    field: "obligation_id",
    table: "obligations",
    reference: "id",
}];
const CHILD_KEY: &[&str] = &["obligation_id", "seq"];

/// The flat tables, in the order they are written and described.
pub const TABLES: [TableSpec; 7] = [
    TableSpec {
        name: "documents",
        description: "one row per source document (extraction spec §1)",
        fields: &[
            VERSION,
            DOCUMENT_ID,
            TITLE,
            DOC_NUMBER,
            ISSUER,
            DOCUMENT_KIND,
            REGION_CODE,
            PROVINCE,
            CITY,
            COUNTY,
            PUBLISHED,
            SIGNED,
            field(
                "period_start",
                Integer,
                false,
                "first year of the period a plan covers",
            ),
            field(
                "period_end",
                Integer,
                false,
                "last year of the period a plan covers",
            ),
            DOCUMENT_YEAR,
            field(
                "source_url",
                Text,
                false,
                "the canonical URL it was fetched from",
            ),
            field(
                "source_path",
                Text,
                false,
                "its path in the corpus, for a local file",
            ),
            field(
                "source_sha256",
                Text,
                true,
                "SHA-256 of the raw bytes it was extracted from",
            ),
            field(
                "source_encoding",
                Text,
                true,
                "the raw bytes' character encoding",
            ),
            field(
                "source_fetched_at",
                Text,
                false,
                "when it was fetched (RFC 3339), for a crawled page",
            ),
            DOCUMENT_TEXT,
        ],
        primary_key: &["id"],
        foreign_keys: &[],
    },
    TableSpec {
        name: "obligations",
        description: "one row per obligation, a leaf numbered item or a table row (extraction spec §2); its lists are the other tables",
        fields: &[
            VERSION,
            OBLIGATION_KEY,
            DOC_ID,
            LABEL,
            field(
                "path",
                Text,
                false,
                "the headings above it, root first, each as label + heading, joined by ' > '",
            ),
            HEADING,
            OBLIGATION_TEXT,
            OBLIGATION_KIND,
            field(
                "span_start",
                Integer,
                true,
                "where the item starts in the document's text, in characters",
            ),
            field(
                "span_end",
                Integer,
                true,
                "where it ends (exclusive), in characters",
            ),
            REGION_CODE,
            PROVINCE,
            CITY,
            COUNTY,
            closed("doc_kind", true, "the document's kind", DOC_KINDS),
            field("year", Integer, false, "the document's year"),
        ],
        primary_key: &["id"],
        foreign_keys: &[ForeignKey {
            field: "doc_id",
            table: "documents",
            reference: "id",
        }],
    },
    TableSpec {
        name: "metrics",
        description: "one row per quantified goal or result of an obligation",
        fields: &[
            VERSION,
            OBLIGATION_ID,
            DOC_ID,
            SEQ,
            ENTRY_TEXT,
            field(
                "indicator",
                Text,
                false,
                "the measured quantity, completed from the sentence's subject",
            ),
            closed(
                "op",
                true,
                "how the value bounds the indicator: at least, at most, equal, or a change",
                names_of!(Op),
            ),
            field("value", Number, true, "the number"),
            field(
                "unit",
                Text,
                false,
                "the unit as printed, with its 万/亿 (%, 件, 万元 …)",
            ),
        ],
        primary_key: CHILD_KEY,
        foreign_keys: TO_OBLIGATION,
    },
    TableSpec {
        name: "deadlines",
        description: "one row per absolute time limit of an obligation",
        fields: &[
            VERSION,
            OBLIGATION_ID,
            DOC_ID,
            SEQ,
            ENTRY_TEXT,
            field("year", Integer, true, "the year"),
            field("month", Integer, false, "the month, when given"),
            field("day", Integer, false, "the day, when given"),
            closed(
                "bound",
                true,
                "by: no later than; in: within; from: starting then",
                names_of!(Bound),
            ),
        ],
        primary_key: CHILD_KEY,
        foreign_keys: TO_OBLIGATION,
    },
    TableSpec {
        name: "recurrences",
        description: "one row per repeating duty of an obligation",
        fields: &[
            VERSION,
            OBLIGATION_ID,
            DOC_ID,
            SEQ,
            ENTRY_TEXT,
            closed("every", true, "the period", names_of!(Every)),
            field(
                "n",
                Integer,
                false,
                "the period in years, for every = n_years",
            ),
            field(
                "times",
                Integer,
                false,
                "occurrences per period, when given",
            ),
        ],
        primary_key: CHILD_KEY,
        foreign_keys: TO_OBLIGATION,
    },
    TableSpec {
        name: "bodies",
        description: "one row per body responsible for an obligation",
        fields: &[
            VERSION,
            OBLIGATION_ID,
            DOC_ID,
            SEQ,
            field(
                "name",
                Text,
                true,
                "the body's name as printed, brackets unified, whitespace removed",
            ),
            closed(
                "role",
                true,
                "lead (牵头), responsible (责任/配合) or actor (the sentence's subject)",
                names_of!(Role),
            ),
        ],
        primary_key: CHILD_KEY,
        foreign_keys: TO_OBLIGATION,
    },
    TableSpec {
        name: "references",
        description: "one row per title an obligation cites inside 《》",
        fields: &[
            VERSION,
            OBLIGATION_ID,
            DOC_ID,
            SEQ,
            field("title", Text, true, "the cited title, without the brackets"),
        ],
        primary_key: CHILD_KEY,
        foreign_keys: TO_OBLIGATION,
    },
];

/// The three JSON Lines files, one record a line with the lists nested: documents and
/// obligations (their JSON Schemas are [`crate::DOCUMENT_SCHEMA`] and
/// [`crate::OBLIGATION_SCHEMA`]), and the progress of targets (`duban track`'s records).
pub const JSONL_TABLES: [TableSpec; 3] = [
    TableSpec {
        name: "documents",
        description: "one JSON object a line per source document (extraction spec §1)",
        fields: &[
            DOCUMENT_ID,
            field(
                "source",
                Object,
                true,
                "url, path, sha256, encoding and fetched_at of the raw bytes",
            ),
            TITLE,
            DOC_NUMBER,
            ISSUER,
            field(
                "region",
                Object,
                false,
                "code (GB/T 2260), province, city, county; null when no place can be told",
            ),
            DOCUMENT_KIND,
            PUBLISHED,
            SIGNED,
            field(
                "period",
                Object,
                false,
                "start and end years of the period a plan covers",
            ),
            DOCUMENT_YEAR,
            DOCUMENT_TEXT,
        ],
        primary_key: &["id"],
        foreign_keys: &[],
    },
    TableSpec {
        name: "obligations",
        description: "one JSON object a line per obligation, its lists nested (extraction spec §2)",
        fields: &[
            OBLIGATION_KEY,
            DOC_ID,
            LABEL,
            field(
                "path",
                Array,
                true,
                "the headings above it, root first, each as label + heading",
            ),
            HEADING,
            OBLIGATION_TEXT,
            OBLIGATION_KIND,
            field(
                "deadlines",
                Array,
                true,
                "absolute time limits: text, year, month, day, bound",
            ),
            field(
                "recurrences",
                Array,
                true,
                "repeating duties: text, every, n, times",
            ),
            field(
                "metrics",
                Array,
                true,
                "quantified goals or results: text, indicator, op, value, unit",
            ),
            field("bodies", Array, true, "responsible bodies: name, role"),
            field("references", Array, true, "titles cited inside 《》"),
            field(
                "span",
                Array,
                true,
                "[start, end) of the item in the document's text, in characters",
            ),
            field("region", Object, false, "copied from the document"),
            closed("doc_kind", true, "copied from the document", DOC_KINDS),
            field("year", Integer, false, "copied from the document"),
        ],
        primary_key: &["id"],
        foreign_keys: &[ForeignKey {
            field: "doc_id",
            table: "documents",
            reference: "id",
        }],
    },
    TableSpec {
        name: "progress",
        description: "one JSON object a line per quantified target of a plan or report, with the result a later document of its region reports and whether it was met (`duban track`)",
        fields: &[
            field(
                "target",
                Object,
                true,
                "the target figure: doc_id, doc_title, region, role, year, indicator, key (stem, change), op, value, unit, text, span ([start, end) in its document's text, in characters)",
            ),
            field(
                "bound",
                Any,
                true,
                "how the target bounds its result: at_least, at_most, about, reach, or {\"range\": {\"high\": N}}",
            ),
            field(
                "result",
                Object,
                false,
                "the result figure linked to the target, with the target's fields; null when no later document reports one",
            ),
            field(
                "later",
                Boolean,
                true,
                "whether the result is for a later year than the target's (none was reported for its own)",
            ),
            closed(
                "status",
                true,
                "whether the target was met",
                &["met", "missed", "no_result"],
            ),
        ],
        primary_key: &[],
        foreign_keys: &[],
    },
];

/// One cell.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// No value.
    Null,
    /// Text.
    Text(String),
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Float(f64),
    /// A calendar day.
    Date(Date),
}

impl Value {
    fn text(s: &str) -> Self {
        Value::Text(s.to_string())
    }
    fn opt_text(s: Option<&str>) -> Self {
        s.map_or(Value::Null, Value::text)
    }
    fn opt_int(n: Option<impl Into<i64>>) -> Self {
        n.map_or(Value::Null, |n| Value::Int(n.into()))
    }
    fn count(n: usize) -> Self {
        Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// A table's rows, each with one value per column of its [`TableSpec`].
#[derive(Debug, Clone)]
pub struct Table {
    /// What the table is.
    pub spec: &'static TableSpec,
    /// Its rows, in export order.
    pub rows: Vec<Vec<Value>>,
}

/// The seven tables of an export, filled one document at a time.
#[derive(Debug, Clone)]
pub struct Tables {
    /// In [`TABLES`] order.
    pub tables: Vec<Table>,
}

impl Default for Tables {
    fn default() -> Self {
        Tables {
            tables: TABLES
                .iter()
                .map(|spec| Table {
                    spec,
                    rows: Vec::new(),
                })
                .collect(),
        }
    }
}

fn region_cells(region: Option<&Region>) -> [Value; 4] {
    match region {
        Some(r) => [
            Value::text(&r.code),
            Value::opt_text(r.province.as_deref()),
            Value::opt_text(r.city.as_deref()),
            Value::opt_text(r.county.as_deref()),
        ],
        None => [Value::Null, Value::Null, Value::Null, Value::Null],
    }
}

impl Tables {
    /// Adds a document and its obligations.
    pub fn push(&mut self, doc: &Document, obligations: &[Obligation]) {
        let version = || Value::text(FORMAT_VERSION);
        let mut row = vec![
            version(),
            Value::text(&doc.id),
            Value::opt_text(doc.title.as_deref()),
            Value::opt_text(doc.doc_number.as_deref()),
            Value::opt_text(doc.issuer.as_deref()),
            Value::text(doc.kind.as_str()),
        ];
        row.extend(region_cells(doc.region.as_ref()));
        row.extend([
            doc.published.map_or(Value::Null, Value::Date),
            doc.signed.map_or(Value::Null, Value::Date),
            Value::opt_int(doc.period.map(|p| p.start)),
            Value::opt_int(doc.period.map(|p| p.end)),
            Value::opt_int(doc.year),
            Value::opt_text(doc.source.url.as_deref()),
            Value::opt_text(doc.source.path.as_deref()),
            Value::text(&doc.source.sha256),
            Value::text(&doc.source.encoding),
            Value::opt_text(doc.source.fetched_at.as_deref()),
            Value::text(&doc.text),
        ]);
        self.tables[0].rows.push(row);
        for o in obligations {
            self.push_obligation(o);
        }
    }

    fn push_obligation(&mut self, o: &Obligation) {
        let version = || Value::text(FORMAT_VERSION);
        let mut row = vec![
            version(),
            Value::text(&o.id),
            Value::text(&o.doc_id),
            Value::text(&o.label),
            Value::Text(o.path.join(" > ")),
            Value::text(&o.heading),
            Value::text(&o.text),
            Value::text(o.kind.as_str()),
            Value::count(o.span[0]),
            Value::count(o.span[1]),
        ];
        row.extend(region_cells(o.region.as_ref()));
        row.extend([Value::text(o.doc_kind.as_str()), Value::opt_int(o.year)]);
        self.tables[1].rows.push(row);
        // The lists, each row led by the version, the obligation's and document's ids and seq.
        let mut child = |table: usize, seq: usize, cells: Vec<Value>| {
            let mut row = vec![
                version(),
                Value::text(&o.id),
                Value::text(&o.doc_id),
                Value::count(seq + 1),
            ];
            row.extend(cells);
            self.tables[table].rows.push(row);
        };
        for (i, m) in o.metrics.iter().enumerate() {
            let cells = vec![
                Value::text(&m.text),
                Value::text(&m.indicator),
                Value::text(m.op.as_str()),
                Value::Float(m.value),
                Value::text(&m.unit),
            ];
            child(2, i, cells);
        }
        for (i, d) in o.deadlines.iter().enumerate() {
            let cells = vec![
                Value::text(&d.text),
                Value::Int(d.year.into()),
                Value::opt_int(d.month),
                Value::opt_int(d.day),
                Value::text(d.bound.as_str()),
            ];
            child(3, i, cells);
        }
        for (i, r) in o.recurrences.iter().enumerate() {
            let cells = vec![
                Value::text(&r.text),
                Value::text(r.every.as_str()),
                Value::opt_int(r.n),
                Value::opt_int(r.times),
            ];
            child(4, i, cells);
        }
        for (i, b) in o.bodies.iter().enumerate() {
            child(
                5,
                i,
                vec![Value::text(&b.name), Value::text(b.role.as_str())],
            );
        }
        for (i, title) in o.references.iter().enumerate() {
            child(6, i, vec![Value::text(title)]);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use duban_model::{Body, Deadline, Metric, Recurrence};

    /// A report's item with one of each list.
    pub(crate) fn sample() -> (Document, Vec<Obligation>) {
        let mut doc = Document::from_text(
            "gov.example/2021-report",
            DocKind::Report,
            Some(2021),
            "（一）行政机关负责人出庭应诉率达到96.6%，市司法局每季度通报一次，2021年底前完成《行政复议法》宣传。",
        );
        doc.region = Some(Region {
            code: "320500".into(),
            province: Some("江苏省".into()),
            city: Some("苏州市".into()),
            county: None,
        });
        doc.published = Date::new(2022, 1, 29);
        let obligation = Obligation {
            id: "gov.example/2021-report#(一)".into(),
            doc_id: doc.id.clone(),
            label: "(一)".into(),
            path: vec!["一、主要工作".into()],
            heading: "行政机关负责人出庭应诉率达到96.6%".into(),
            text: "行政机关负责人出庭应诉率达到96.6%，市司法局每季度通报一次".into(),
            kind: ObligationKind::Achievement,
            deadlines: vec![Deadline {
                text: "2021年底前".into(),
                year: 2021,
                month: Some(12),
                day: None,
                bound: Bound::By,
            }],
            recurrences: vec![Recurrence {
                text: "每季度通报一次".into(),
                every: Every::Quarter,
                n: None,
                times: Some(1),
            }],
            metrics: vec![Metric {
                text: "出庭应诉率达到96.6%".into(),
                indicator: "行政机关负责人出庭应诉率".into(),
                op: Op::Eq,
                value: 96.6,
                unit: "%".into(),
            }],
            bodies: vec![Body {
                name: "市司法局".into(),
                role: Role::Actor,
            }],
            references: vec!["行政复议法".into()],
            span: [0, 40],
            region: doc.region.clone(),
            doc_kind: DocKind::Report,
            year: Some(2021),
        };
        (doc, vec![obligation])
    }

    #[test]
    fn every_row_has_one_value_per_described_column() {
        let (doc, obligations) = sample();
        let mut tables = Tables::default();
        tables.push(&doc, &obligations);
        for t in &tables.tables {
            assert_eq!(t.rows.len(), 1, "{}", t.spec.name);
            assert_eq!(t.rows[0].len(), t.spec.fields.len(), "{}", t.spec.name);
            assert_eq!(t.rows[0][0], Value::text(FORMAT_VERSION));
        }
    }

    #[test]
    fn lists_become_rows_keyed_by_the_obligation_and_spelt_as_in_jsonl() {
        let (doc, obligations) = sample();
        let mut tables = Tables::default();
        tables.push(&doc, &obligations);
        let row = |t: usize| &tables.tables[t].rows[0];
        assert_eq!(row(2)[1], Value::text("gov.example/2021-report#(一)"));
        assert_eq!(row(2)[3], Value::Int(1));
        assert_eq!(row(2)[7], Value::Float(96.6));
        assert_eq!(row(3)[8], Value::text("by"));
        assert_eq!(row(4)[5], Value::text("quarter"));
        assert_eq!(row(5)[5], Value::text("actor"));
        assert_eq!(row(6)[4], Value::text("行政复议法"));
        assert_eq!(row(1)[4], Value::text("一、主要工作"));
    }

    #[test]
    fn keys_name_described_columns() {
        for t in TABLES.iter().chain(&JSONL_TABLES) {
            let has = |name: &str| t.fields.iter().any(|f| f.name == name);
            assert!(t.primary_key.iter().all(|k| has(k)), "{}", t.name);
            assert!(t.foreign_keys.iter().all(|k| has(k.field)), "{}", t.name);
        }
    }
}
