//! How a document or an obligation becomes a Solr document: the same field roles as the
//! embedded index (`duban_index::schema`), so that a translated filter or facet means what it
//! means there.
//!
//! - full text: `text`, `heading`, `title`, `path`, `body`, `indicator` (the schema copies each
//!   into `F_chars`);
//! - exact terms: `id`, `doc_id`, `province`, `city`, `county` (each also under its short
//!   name), `region` (the code with its city and province codes), `doc_kind`, `kind`, `unit`;
//! - numbers: `year`, `deadline` (every deadline's year), `value` (every finite metric value);
//! - facets: `facet_<dimension>` with the values the embedded index counts;
//! - `json` (the export line), `summary` (the document summary a result shows) and
//!   `fingerprint` (what `ship` compares).

use duban_index::DocumentSummary;
use duban_index::schema::{NATIONAL, NATIONAL_CODE, UNKNOWN, region_codes, short_region_name};
use duban_model::{DocKind, Document, Obligation, Region};
use serde_json::{Map, Value, json};

/// The Solr fields of a source document (without `fingerprint` and `json`, which `ship`
/// adds).
pub fn document_fields(doc: &Document) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("id".into(), json!(doc.id));
    d.insert("doc_id".into(), json!(doc.id));
    d.insert("summary".into(), json!(summary(&DocumentSummary::of(doc))));
    d.insert("text".into(), json!([doc.text]));
    if let Some(t) = &doc.title {
        d.insert("title".into(), json!(t));
    }
    add_common(&mut d, doc.region.as_ref(), doc.kind, doc.year);
    d
}

/// The Solr fields of an obligation of `doc` (its region and year fall back to the
/// document's, as in the embedded index).
pub fn obligation_fields(doc: &Document, o: &Obligation) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("id".into(), json!(o.id));
    d.insert("doc_id".into(), json!(doc.id));
    d.insert("summary".into(), json!(summary(&DocumentSummary::of(doc))));
    d.insert("text".into(), json!([o.text]));
    d.insert("heading".into(), json!(o.heading));
    d.insert("path".into(), json!(o.path));
    if let Some(t) = &doc.title {
        d.insert("title".into(), json!(t));
    }
    add_common(
        &mut d,
        o.region.as_ref().or(doc.region.as_ref()),
        o.doc_kind,
        o.year.or(doc.year),
    );
    d.insert("kind".into(), json!(o.kind.as_str()));
    push(&mut d, "facet_kind", o.kind.as_str());
    for dl in &o.deadlines {
        push(&mut d, "deadline", dl.year);
        push(&mut d, "facet_deadline", dl.year.to_string());
    }
    for b in &o.bodies {
        push(&mut d, "body", b.name.as_str());
        push(&mut d, "facet_body", b.name.as_str());
    }
    for m in &o.metrics {
        push(&mut d, "indicator", m.indicator.as_str());
        if m.value.is_finite() {
            push(&mut d, "value", m.value);
        }
        if !m.unit.is_empty() {
            push(&mut d, "unit", m.unit.as_str());
            push(&mut d, "facet_unit", m.unit.as_str());
        }
    }
    d
}

fn summary(s: &DocumentSummary) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// Appends a value to a multi-valued field; a value already there is not repeated (a facet
/// counts a record once per value, as the embedded index does).
fn push(d: &mut Map<String, Value>, field: &str, value: impl Into<Value>) {
    let value = value.into();
    let list = d
        .entry(field.to_string())
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(values) = list
        && !values.contains(&value)
    {
        values.push(value);
    }
}

fn add_common(
    d: &mut Map<String, Value>,
    region: Option<&Region>,
    kind: DocKind,
    year: Option<i32>,
) {
    d.insert("doc_kind".into(), json!(kind.as_str()));
    push(d, "facet_doc_kind", kind.as_str());
    if let Some(y) = year {
        d.insert("year".into(), json!(y));
    }
    push(
        d,
        "facet_year",
        year.map_or_else(|| UNKNOWN.to_string(), |y| y.to_string()),
    );
    let province = match region {
        None => Some(UNKNOWN),
        Some(r) if r.province.is_none() && r.code == NATIONAL_CODE => Some(NATIONAL),
        Some(_) => None,
    };
    if let Some(name) = province {
        push(d, "province", name);
        push(d, "facet_province", name);
    }
    let Some(r) = region else { return };
    for code in region_codes(&r.code) {
        push(d, "region", code);
    }
    for (field, name) in [
        ("province", &r.province),
        ("city", &r.city),
        ("county", &r.county),
    ] {
        let Some(name) = name else { continue };
        push(d, field, name.as_str());
        if let Some(short) = short_region_name(name) {
            push(d, field, short);
        }
        push(d, &format!("facet_{field}"), name.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use duban_model::{Body, ObligationKind, Role};

    fn county_doc() -> Document {
        let mut doc = Document::from_text(
            "file:demo/吴中区2021.txt",
            DocKind::Report,
            Some(2021),
            "吴中区司法局会同区政府法制办推进行政机关负责人出庭应诉。",
        );
        doc.region = Some(Region {
            code: "320506".into(),
            province: Some("江苏省".into()),
            city: Some("苏州市".into()),
            county: Some("吴中区".into()),
        });
        doc
    }

    #[test]
    fn a_county_document_carries_its_codes_short_names_and_facets() {
        let d = document_fields(&county_doc());
        assert_eq!(d["region"], json!(["320506", "320500", "320000"]));
        assert_eq!(d["city"], json!(["苏州市", "苏州"]));
        assert_eq!(d["facet_city"], json!(["苏州市"]));
        assert_eq!(d["facet_year"], json!(["2021"]));
        assert!(d.get("facet_province").is_some());
    }

    #[test]
    fn a_document_without_region_or_year_counts_as_unknown() {
        let doc = Document::from_text("file:x.txt", DocKind::Plan, None, "全面推进依法行政。");
        let d = document_fields(&doc);
        assert_eq!(d["facet_province"], json!([UNKNOWN]));
        assert_eq!(d["facet_year"], json!([UNKNOWN]));
        assert!(d.get("year").is_none());
    }

    #[test]
    fn an_obligation_lists_each_body_once() {
        let doc = county_doc();
        let bodies = ["区政府法制办", "区司法局", "区政府法制办"].map(|name| Body {
            name: name.into(),
            role: Role::Lead,
        });
        let o = Obligation {
            id: format!("{}#一、", doc.id),
            doc_id: doc.id.clone(),
            label: "一、".into(),
            path: vec![],
            heading: String::new(),
            text: "区政府法制办、区司法局按季度通报出庭应诉情况。".into(),
            kind: ObligationKind::Task,
            deadlines: vec![],
            recurrences: vec![],
            metrics: vec![],
            bodies: bodies.to_vec(),
            references: vec![],
            span: [0, 22],
            region: None,
            doc_kind: DocKind::Report,
            year: None,
        };
        let d = obligation_fields(&doc, &o);
        assert_eq!(d["facet_body"], json!(["区政府法制办", "区司法局"]));
        assert_eq!(d["kind"], json!("task"));
        assert_eq!(d["year"], json!(2021));
    }
}
