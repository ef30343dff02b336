//! The tantivy schema, and how a document or an obligation becomes a tantivy document.
//!
//! One index holds three kinds of records, told apart by the `record` field: one per source
//! document (`document`), one per obligation (`obligation`) and one per tracked target
//! (`progress`: a target with the result a later document reports, as `duban track` links
//! them). All carry their document's region, kind and year, so filters work the same on each;
//! each stores its whole record as JSON (`json`) so results, the document endpoint and a
//! re-index after a dictionary change need nothing but the index. A progress record belongs to
//! no one document (it joins two), so it has no `doc_id` term: replacing a document leaves it.
//! It has the term of the group of documents it was linked in (`link_group`: a region, or a
//! batch of documents without one, and the build that linked them), and a run replaces the
//! progress records of the groups that changed ([`crate::ObligationIndex::begin_progress_groups`]).
//! Its `progress_text` holds the target's and the result's phrases, its `progress_indicator`
//! both indicators.
//!
//! Field roles:
//! - full text through the jieba analyzer, with positions: an obligation's `text`, `heading`,
//!   `title`, `path`, `body`, `indicator`; a document's `document_text` and `document_title`; a
//!   progress record's `progress_text`, `progress_title` and `progress_indicator`. Each kind of
//!   record has full-text fields of its own, so that a search of one kind never reads the
//!   postings of another: a phrase checks the positions of its words in every record holding
//!   them all, and a document's whole text holds them many times (at a million obligations,
//!   documents' texts were a quarter of an obligation phrase's time);
//! - exact terms: `record`, `id` (also fast: the tie-break of every sort), `doc_id`,
//!   `province`, `city`, `county` (each also under its name without 省/市/区/县), `region`
//!   (the GB/T 2260 code and its province and city codes), `doc_kind`, `kind`, `unit`,
//!   `link_group` (progress records only);
//! - numbers, indexed and fast (ranges, sorting): `year`, `deadline` (every deadline's year),
//!   `value` (every metric's value);
//! - `facet`: `/kind/task`, `/doc_kind/report`, `/year/2021`, `/province/…`, `/city/…`,
//!   `/county/…`, `/body/…`, `/deadline/2020`, `/unit/%` for facet counts.

use duban_model::{DocKind, Document, Obligation, Region};
use serde::{Deserialize, Serialize};
use tantivy::TantivyDocument;
use tantivy::schema::{
    FAST, Facet, FacetOptions, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions, Value,
};

/// The name under which the jieba analyzer is registered with tantivy.
pub const TOKENIZER: &str = "duban_jieba";

/// Bumped whenever the schema or the analysis changes in a way that needs a fresh index.
/// 6: progress records carry their `link_group`. 7: documents and progress records have
/// full-text fields of their own. 8: the dictionaries of columns (ids, facets) are not
/// compressed (tantivy without its `columnar-zstd-compression` feature).
pub(crate) const FORMAT: u32 = 8;

/// The facet value of records without a year or a region: `year:未知`, `province:未知`.
pub const UNKNOWN: &str = "未知";
/// The province facet value of national documents (region `100000`).
pub const NATIONAL: &str = "全国";
/// The GB/T 2260 code of national documents.
pub const NATIONAL_CODE: &str = "100000";

/// The facet dimensions, in the order results list them.
pub const FACET_DIMENSIONS: [&str; 9] = [
    "province", "city", "county", "kind", "doc_kind", "year", "deadline", "body", "unit",
];

/// What a result shows of the source document next to an obligation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// The document's id.
    pub id: String,
    /// Its title.
    pub title: Option<String>,
    /// Its kind.
    pub kind: DocKind,
    /// The year it is about.
    pub year: Option<i32>,
    /// Its region.
    pub region: Option<Region>,
    /// The page it was fetched from.
    pub url: Option<String>,
    /// The local file it was read from, relative to the corpus root.
    pub path: Option<String>,
}

impl DocumentSummary {
    /// The summary of a document.
    pub fn of(doc: &Document) -> Self {
        DocumentSummary {
            id: doc.id.clone(),
            title: doc.title.clone(),
            kind: doc.kind,
            year: doc.year,
            region: doc.region.clone(),
            url: doc.source.url.clone(),
            path: doc.source.path.clone(),
        }
    }
}

/// The fields of the schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fields {
    pub record: Field,
    pub id: Field,
    pub doc_id: Field,
    pub json: Field,
    pub summary: Field,
    pub text: Field,
    pub heading: Field,
    pub title: Field,
    pub path: Field,
    pub body: Field,
    pub indicator: Field,
    pub document_text: Field,
    pub document_title: Field,
    pub progress_text: Field,
    pub progress_title: Field,
    pub progress_indicator: Field,
    pub province: Field,
    pub city: Field,
    pub county: Field,
    pub region: Field,
    pub doc_kind: Field,
    pub kind: Field,
    pub unit: Field,
    pub year: Field,
    pub deadline: Field,
    pub value: Field,
    pub facet: Field,
    pub link_group: Field,
}

/// The record kinds of the `record` field.
pub(crate) const RECORD_DOCUMENT: &str = "document";
pub(crate) const RECORD_OBLIGATION: &str = "obligation";
pub(crate) const RECORD_PROGRESS: &str = "progress";

/// What the index needs of a tracked target: its phrases, indicators, place and year for
/// searching, and its whole record as JSON for results. The caller (the pipeline) builds it
/// from `duban-track`'s progress, which this crate does not know. A run spools them as JSON
/// lines ([`ProgressRecord::to_line`]) between tracking and indexing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressRecord {
    /// A stable id: the target's document id and the target phrase's span.
    pub id: String,
    /// The target's document.
    pub document: DocumentSummary,
    /// The year the target is for.
    pub year: Option<i32>,
    /// The target's phrase as printed.
    pub target: String,
    /// The result's phrase as printed, if one is linked.
    pub result: Option<String>,
    /// The indicators of the target and of the result.
    pub indicators: Vec<String>,
    /// The target's unit as printed.
    pub unit: String,
    /// The target's value.
    pub value: f64,
    /// The record as exported (one line of `progress.jsonl`).
    pub json: String,
    /// The group of documents the target was linked in (a region, or a batch of documents
    /// without one, with the build that linked it): progress is replaced group by group.
    #[serde(default)]
    pub link_group: String,
}

impl ProgressRecord {
    /// The record as one line of JSON (without the line end): what a run spools and what
    /// [`crate::ProgressDigest`] digests.
    pub fn to_line(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Fields {
    pub fn schema() -> (Schema, Fields) {
        let mut sb = Schema::builder();
        let text_opts = TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        );
        let numeric = INDEXED | FAST;
        let fields = Fields {
            record: sb.add_text_field("record", STRING | STORED),
            id: sb.add_text_field("id", STRING | STORED | FAST),
            doc_id: sb.add_text_field("doc_id", STRING | STORED),
            json: sb.add_text_field("json", STORED),
            summary: sb.add_text_field("summary", STORED),
            text: sb.add_text_field("text", text_opts.clone()),
            heading: sb.add_text_field("heading", text_opts.clone()),
            title: sb.add_text_field("title", text_opts.clone()),
            path: sb.add_text_field("path", text_opts.clone()),
            body: sb.add_text_field("body", text_opts.clone()),
            indicator: sb.add_text_field("indicator", text_opts.clone()),
            document_text: sb.add_text_field("document_text", text_opts.clone()),
            document_title: sb.add_text_field("document_title", text_opts.clone()),
            progress_text: sb.add_text_field("progress_text", text_opts.clone()),
            progress_title: sb.add_text_field("progress_title", text_opts.clone()),
            progress_indicator: sb.add_text_field("progress_indicator", text_opts),
            province: sb.add_text_field("province", STRING),
            city: sb.add_text_field("city", STRING),
            county: sb.add_text_field("county", STRING),
            region: sb.add_text_field("region", STRING),
            doc_kind: sb.add_text_field("doc_kind", STRING),
            kind: sb.add_text_field("kind", STRING),
            unit: sb.add_text_field("unit", STRING),
            year: sb.add_i64_field("year", numeric.clone()),
            deadline: sb.add_i64_field("deadline", numeric.clone()),
            value: sb.add_f64_field("value", numeric),
            facet: sb.add_facet_field("facet", FacetOptions::default()),
            link_group: sb.add_text_field("link_group", STRING),
        };
        (sb.build(), fields)
    }

    /// The fields cut by the [`TOKENIZER`] analyser.
    fn analysed(&self) -> [Field; 11] {
        [
            self.text,
            self.heading,
            self.title,
            self.path,
            self.body,
            self.indicator,
            self.document_text,
            self.document_title,
            self.progress_text,
            self.progress_title,
            self.progress_indicator,
        ]
    }

    /// Bytes of text in `d` that the analyser will be given when tantivy indexes it (what the
    /// writer's backlog counts: [`crate::backlog`]).
    pub(crate) fn analysed_len(&self, d: &TantivyDocument) -> u64 {
        let analysed = self.analysed();
        d.field_values()
            .filter(|(field, _)| analysed.contains(field))
            .filter_map(|(_, value)| value.as_str().map(|text| text.len() as u64))
            .sum()
    }

    /// The tantivy document of an obligation of `doc`.
    pub fn obligation(&self, doc: &Document, o: &Obligation, summary: &str) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_text(self.record, RECORD_OBLIGATION);
        d.add_text(self.id, &o.id);
        d.add_text(self.doc_id, &doc.id);
        d.add_text(self.json, serde_json::to_string(o).unwrap_or_default());
        d.add_text(self.summary, summary);
        d.add_text(self.text, &o.text);
        d.add_text(self.heading, &o.heading);
        for p in &o.path {
            d.add_text(self.path, p);
        }
        if let Some(t) = &doc.title {
            d.add_text(self.title, t);
        }
        self.add_common(
            &mut d,
            o.region.as_ref().or(doc.region.as_ref()),
            o.doc_kind,
            o.year.or(doc.year),
        );
        d.add_text(self.kind, o.kind.as_str());
        d.add_facet(self.facet, Facet::from_path(["kind", o.kind.as_str()]));
        for dl in &o.deadlines {
            d.add_i64(self.deadline, i64::from(dl.year));
            d.add_facet(
                self.facet,
                Facet::from_path(["deadline".to_string(), dl.year.to_string()]),
            );
        }
        for b in &o.bodies {
            d.add_text(self.body, &b.name);
            d.add_facet(self.facet, Facet::from_path(["body", b.name.as_str()]));
        }
        for m in &o.metrics {
            d.add_text(self.indicator, &m.indicator);
            if m.value.is_finite() {
                d.add_f64(self.value, m.value);
            }
            if !m.unit.is_empty() {
                d.add_text(self.unit, &m.unit);
                d.add_facet(self.facet, Facet::from_path(["unit", m.unit.as_str()]));
            }
        }
        d
    }

    /// The tantivy document of a tracked target.
    pub fn progress(&self, p: &ProgressRecord) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_text(self.record, RECORD_PROGRESS);
        d.add_text(self.id, &p.id);
        if !p.link_group.is_empty() {
            d.add_text(self.link_group, &p.link_group);
        }
        d.add_text(self.json, &p.json);
        d.add_text(
            self.summary,
            serde_json::to_string(&p.document).unwrap_or_default(),
        );
        d.add_text(self.progress_text, &p.target);
        if let Some(result) = &p.result {
            d.add_text(self.progress_text, result);
        }
        for i in &p.indicators {
            d.add_text(self.progress_indicator, i);
        }
        if let Some(t) = &p.document.title {
            d.add_text(self.progress_title, t);
        }
        self.add_common(
            &mut d,
            p.document.region.as_ref(),
            p.document.kind,
            p.year.or(p.document.year),
        );
        if p.value.is_finite() {
            d.add_f64(self.value, p.value);
        }
        if !p.unit.is_empty() {
            d.add_text(self.unit, &p.unit);
            d.add_facet(self.facet, Facet::from_path(["unit", p.unit.as_str()]));
        }
        d
    }

    /// The tantivy document of a source document itself.
    pub fn document(&self, doc: &Document, summary: &str) -> TantivyDocument {
        let mut d = TantivyDocument::default();
        d.add_text(self.record, RECORD_DOCUMENT);
        d.add_text(self.id, &doc.id);
        d.add_text(self.doc_id, &doc.id);
        d.add_text(self.json, serde_json::to_string(doc).unwrap_or_default());
        d.add_text(self.summary, summary);
        d.add_text(self.document_text, &doc.text);
        if let Some(t) = &doc.title {
            d.add_text(self.document_title, t);
        }
        self.add_common(&mut d, doc.region.as_ref(), doc.kind, doc.year);
        d
    }

    fn add_common(
        &self,
        d: &mut TantivyDocument,
        region: Option<&Region>,
        kind: DocKind,
        year: Option<i32>,
    ) {
        d.add_text(self.doc_kind, kind.as_str());
        d.add_facet(self.facet, Facet::from_path(["doc_kind", kind.as_str()]));
        let year_value = year.map_or_else(|| UNKNOWN.to_string(), |y| y.to_string());
        if let Some(y) = year {
            d.add_i64(self.year, i64::from(y));
        }
        d.add_facet(self.facet, Facet::from_path(["year", year_value.as_str()]));
        // No region, and a national document (`100000`, no province), get a province bucket
        // of their own, so the province counts add up to the total.
        let province = match region {
            None => Some(UNKNOWN),
            Some(r) if r.province.is_none() && r.code == NATIONAL_CODE => Some(NATIONAL),
            Some(_) => None,
        };
        if let Some(name) = province {
            d.add_text(self.province, name);
            d.add_facet(self.facet, Facet::from_path(["province", name]));
        }
        let Some(r) = region else { return };
        for code in region_codes(&r.code) {
            d.add_text(self.region, &code);
        }
        for (field, dim, name) in [
            (self.province, "province", &r.province),
            (self.city, "city", &r.city),
            (self.county, "county", &r.county),
        ] {
            let Some(name) = name else { continue };
            d.add_text(field, name);
            if let Some(short) = short_region_name(name) {
                d.add_text(field, short);
            }
            d.add_facet(self.facet, Facet::from_path([dim, name.as_str()]));
        }
    }
}

/// A GB/T 2260 code with the codes of the province and city that contain it:
/// `320583` → `320583`, `320500`, `320000`.
pub fn region_codes(code: &str) -> Vec<String> {
    let mut out = vec![code.to_string()];
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        for prefix in [4, 2] {
            let c = format!("{:0<6}", &code[..prefix]);
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    out
}

/// A region's name without its level suffix (`苏州市` → `苏州`), so filters need not spell it.
pub fn short_region_name(name: &str) -> Option<&str> {
    const SUFFIXES: [&str; 8] = [
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "省",
        "市",
        "区",
        "县",
    ];
    SUFFIXES.iter().find_map(|s| {
        name.strip_suffix(s)
            .filter(|short| short.chars().count() >= 2)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_county_code_is_indexed_with_its_city_and_province_codes() {
        assert_eq!(region_codes("510811"), ["510811", "510800", "510000"]);
        assert_eq!(region_codes("320500"), ["320500", "320000"]);
    }

    #[test]
    fn region_names_are_also_indexed_without_their_level() {
        assert_eq!(short_region_name("苏州市"), Some("苏州"));
        assert_eq!(short_region_name("江苏省"), Some("江苏"));
        assert_eq!(short_region_name("广西壮族自治区"), Some("广西壮族"));
        assert_eq!(short_region_name("沙市"), None);
    }

    #[test]
    fn the_analysed_fields_are_every_field_the_analyser_cuts() {
        // The writer's backlog counts the text of these fields; one the analyser cuts and the
        // count missed would make the writer wait for text that was never queued.
        let (schema, fields) = Fields::schema();
        let cut: Vec<Field> = schema
            .fields()
            .filter(|(_, entry)| match entry.field_type() {
                tantivy::schema::FieldType::Str(options) => options
                    .get_indexing_options()
                    .is_some_and(|i| i.tokenizer() == TOKENIZER),
                _ => false,
            })
            .map(|(field, _)| field)
            .collect();
        assert_eq!(cut, fields.analysed());
    }

    #[test]
    fn the_analysed_length_counts_the_text_of_the_analysed_fields_only() {
        let (_, fields) = Fields::schema();
        let mut d = TantivyDocument::default();
        d.add_text(fields.id, "doc-1#3");
        d.add_text(fields.text, "出庭应诉率达到90%以上");
        d.add_text(fields.path, "一、加强行政复议");
        d.add_text(fields.path, "（一）");
        d.add_text(fields.json, "{}");
        let expected = "出庭应诉率达到90%以上".len() + "一、加强行政复议".len() + "（一）".len();
        assert_eq!(fields.analysed_len(&d), expected as u64);
    }
}
