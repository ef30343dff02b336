//! The grading of `score.py`, rule for rule: pairing predicted documents with gold files by
//! source file name, matching obligations one to one by heading, F1 per field on multisets of
//! keys, kind and indicator accuracy, document field accuracy, and the `--verbose` miss lines.
//!
//! Values are compared with Python's `==` (see `value`), so `2015` equals `2015.0` here as it
//! does in the scorer. Where the scorer would stop with a Python exception on a value of the
//! wrong type (a heading that is a number, `metrics` that is not a list), grading stops with an
//! [`EvalError`] naming the file, the line or item, and the field.

use crate::error::{EvalError, Location};
use crate::read::{Record, gold_files, read_json, read_jsonl};
use crate::report::{DocumentFieldScores, DocumentResult, EvalReport, Tally};
use crate::text::{dice, nfkc, norm, py_float_of_str, py_round};
use crate::value::{DictKey, PyValue, truthy, type_name};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::Path;

type Object = Map<String, Value>;

/// The per-item fields graded by F1, in the scorer's order.
const FIELDS: [&str; 4] = ["deadlines", "recurrences", "metrics", "bodies"];

/// The document fields graded by accuracy, in the scorer's order.
const DOC_FIELDS: [&str; 9] = [
    "title",
    "doc_number",
    "issuer",
    "region",
    "kind",
    "published",
    "signed",
    "period",
    "year",
];

/// An object of the inputs with the place to name when it is malformed.
#[derive(Clone, Copy)]
struct Item<'a> {
    obj: &'a Object,
    at: &'a Location,
    /// `obligations[3]: ` for a gold item, empty for an export line (its line says it).
    prefix: &'a str,
}

impl<'a> Item<'a> {
    fn get(&self, field: &str) -> Option<&'a Value> {
        self.obj.get(field)
    }

    fn error(&self, reason: impl std::fmt::Display) -> EvalError {
        EvalError::shape(self.at.clone(), format!("{}{reason}", self.prefix))
    }

    /// `x or ""` for a field the scorer treats as text.
    fn text(&self, field: &str) -> Result<&'a str, EvalError> {
        text_or_empty(self.get(field))
            .map_err(|t| self.error(format!("{field} is {t}, not a string")))
    }

    /// The field's list of records: an absent field is empty; for predictions (`x or []`)
    /// any false value is too.
    fn list(&self, field: &str, gold: bool) -> Result<&'a [Value], EvalError> {
        match self.get(field) {
            None => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(v) if !gold && !truthy(Some(v)) => Ok(&[]),
            Some(v) => Err(self.error(format!("{field} is {}, not an array", type_name(v)))),
        }
    }
}

/// `v or ""`: false values read as the empty string; `Err` names the type of anything else.
fn text_or_empty(v: Option<&Value>) -> Result<&str, &'static str> {
    match v {
        Some(Value::String(s)) => Ok(s),
        v if !truthy(v) => Ok(""),
        Some(v) => Err(type_name(v)),
        None => Ok(""),
    }
}

/// The scorer's key of one deadline, recurrence, metric or body, the unit its F1 counts.
fn field_key(item: &Item<'_>, field: &str, i: usize, v: &Value) -> Result<PyValue, EvalError> {
    let Value::Object(obj) = v else {
        return Err(item.error(format!("{field}[{i}] is {}, not an object", type_name(v))));
    };
    let get = |k: &str| PyValue::of(obj.get(k));
    let err = |reason: String| item.error(format!("{field}[{i}].{reason}"));
    Ok(match field {
        "deadlines" => PyValue::Tuple(vec![get("year"), get("month"), get("day")]),
        "recurrences" => PyValue::Tuple(vec![get("every"), get("n"), get("times")]),
        "metrics" => {
            let value = match obj.get("value") {
                None | Some(Value::Null) => PyValue::None,
                Some(Value::Number(n)) => {
                    PyValue::Float(py_round(n.as_f64().unwrap_or(f64::NAN), 3))
                }
                Some(Value::Bool(b)) => PyValue::Float(f64::from(u8::from(*b))),
                Some(Value::String(s)) => match py_float_of_str(s) {
                    Some(f) => PyValue::Float(py_round(f, 3)),
                    None => return Err(err(format!("value {s:?} is not a number"))),
                },
                Some(v) => return Err(err(format!("value is {}, not a number", type_name(v)))),
            };
            let unit = text_or_empty(obj.get("unit"))
                .map_err(|t| err(format!("unit is {t}, not a string")))?;
            PyValue::Tuple(vec![value, PyValue::Str(nfkc(unit)), get("op")])
        }
        _ => {
            let name = text_or_empty(obj.get("name"))
                .map_err(|t| err(format!("name is {t}, not a string")))?;
            PyValue::Str(norm(name))
        }
    })
}

/// The keys of one field of an item.
fn field_keys(item: &Item<'_>, field: &str, gold: bool) -> Result<Vec<PyValue>, EvalError> {
    item.list(field, gold)?
        .iter()
        .enumerate()
        .map(|(i, v)| field_key(item, field, i, v))
        .collect()
}

/// The last component of a document's `source.path` (or else `source.url`), trailing `/`
/// removed; `None` when it has neither.
fn source_key(doc: &Item<'_>) -> Result<Option<String>, EvalError> {
    let src = match doc.get("source") {
        Some(Value::Object(m)) => Some(m),
        v if !truthy(v) => None,
        Some(v) => return Err(doc.error(format!("source is {}, not an object", type_name(v)))),
        None => None,
    };
    let Some(src) = src else { return Ok(None) };
    for k in ["path", "url"] {
        let v = src.get(k);
        if !truthy(v) {
            continue;
        }
        let Some(Value::String(s)) = v else {
            return Err(doc.error(format!("source.{k} is not a string")));
        };
        let last = s
            .trim_end_matches('/')
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("");
        return Ok(Some(last.to_string()));
    }
    Ok(None)
}

/// `re.sub(r"\.[A-Za-z0-9]+$", "", key)`: the name without its extension. Python's `$` also
/// matches before a final newline, which is kept.
fn strip_extension(key: &str) -> String {
    let (body, tail) = match key.strip_suffix('\n') {
        Some(b) => (b, "\n"),
        None => (key, ""),
    };
    match body.rfind('.') {
        Some(dot)
            if dot + 1 < body.len()
                && body[dot + 1..].bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            format!("{}{tail}", &body[..dot])
        }
        _ => key.to_string(),
    }
}

/// A document field as the scorer compares it.
fn doc_value(doc: &Item<'_>, field: &str) -> Result<PyValue, EvalError> {
    let v = doc.get(field);
    Ok(match field {
        "title" => PyValue::Str(norm(doc.text("title")?)),
        "doc_number" if truthy(v) => match v {
            Some(Value::String(s)) => PyValue::Str(
                nfkc(s)
                    .replace('[', "〔")
                    .replace(']', "〕")
                    .replace(' ', ""),
            ),
            _ => return Err(doc.error("doc_number is not a string")),
        },
        "region" => match v {
            Some(Value::Object(m)) => PyValue::of(m.get("code")),
            v if !truthy(v) => PyValue::None,
            _ => return Err(doc.error("region is not an object")),
        },
        "period" => match v {
            v if !truthy(v) => PyValue::None,
            Some(Value::Object(m)) => {
                PyValue::Tuple(vec![PyValue::of(m.get("start")), PyValue::of(m.get("end"))])
            }
            _ => return Err(doc.error("period is not an object")),
        },
        _ => PyValue::of(v),
    })
}

/// Pairs gold and predicted items one to one, in document order: each gold item with a
/// heading takes the first free prediction whose normalised heading, or the normalised first
/// 40 characters of whose text, holds the gold heading.
fn match_items(gold: &[Item<'_>], pred: &[Item<'_>]) -> Result<Vec<(usize, usize)>, EvalError> {
    // Normalised lazily, in the order the scorer first touches them, so a malformed prediction
    // stops grading exactly where it would stop the scorer.
    let mut heads: Vec<Option<String>> = vec![None; pred.len()];
    let mut leads: Vec<Option<String>> = vec![None; pred.len()];
    let mut used = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let h = norm(g.text("heading")?);
        if h.is_empty() {
            continue;
        }
        for (pi, p) in pred.iter().enumerate() {
            if used[pi] {
                continue;
            }
            if heads[pi].is_none() {
                heads[pi] = Some(norm(p.text("heading")?));
            }
            let mut hit = heads[pi].as_deref().is_some_and(|x| x.contains(&h));
            if !hit {
                if leads[pi].is_none() {
                    let first40: String = p.text("text")?.chars().take(40).collect();
                    leads[pi] = Some(norm(&first40));
                }
                hit = leads[pi].as_deref().is_some_and(|x| x.contains(&h));
            }
            if hit {
                pairs.push((gi, pi));
                used[pi] = true;
                break;
            }
        }
    }
    Ok(pairs)
}

/// The first `n` characters of a string.
fn prefix(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Python's `str()` of a list of keys, sorted: the verbose check compares these.
fn sorted_strs(keys: &[PyValue]) -> Vec<String> {
    let mut v: Vec<String> = keys.iter().map(PyValue::py_str).collect();
    v.sort();
    v
}

/// The running counts of a grading.
#[derive(Default)]
struct Grading {
    obligations: Tally,
    fields: [Tally; 4],
    kind_ok: usize,
    kind_n: usize,
    ind_ok: usize,
    ind_n: usize,
    /// `[matches, gold count]` per document field.
    doc_fields: [[usize; 2]; 9],
    documents: Vec<DocumentResult>,
    misses: Vec<String>,
}

/// Grades the export in `export` (its `documents.jsonl` and `obligations.jsonl`; an absent
/// file counts as empty, as in the scorer) against the gold files `gold/*.json`.
pub fn evaluate(export: &Path, gold: &Path) -> Result<EvalReport, EvalError> {
    let docs_path = export.join("documents.jsonl");
    let obls_path = export.join("obligations.jsonl");
    let docs = read_jsonl(&docs_path)?;
    let obls = read_jsonl(&obls_path)?;
    let doc_at: Vec<Location> = docs
        .iter()
        .map(|r| Location::line(&docs_path, r.line))
        .collect();
    let obl_at: Vec<Location> = obls
        .iter()
        .map(|r| Location::line(&obls_path, r.line))
        .collect();
    let doc_items = items(&docs, &doc_at)?;
    let obl_items = items(&obls, &obl_at)?;

    let mut by_doc: HashMap<DictKey, Vec<Item<'_>>> = HashMap::new();
    for o in &obl_items {
        let key = DictKey::of(o.get("doc_id"))
            .ok_or_else(|| o.error("doc_id is not a string, number or null"))?;
        by_doc.entry(key).or_default().push(*o);
    }
    let mut pred_by_key: HashMap<String, usize> = HashMap::new();
    for (i, d) in doc_items.iter().enumerate() {
        if let Some(k) = source_key(d)?.filter(|k| !k.is_empty()) {
            pred_by_key.insert(k.clone(), i);
            pred_by_key.entry(strip_extension(&k)).or_insert(i);
        }
    }

    let mut g = Grading::default();
    for gp in gold_files(gold)? {
        let value = read_json(&gp)?;
        let at = Location::file(&gp);
        let Value::Object(gold_obj) = &value else {
            return Err(EvalError::shape(
                at,
                format!("is {}, not an object", type_name(&value)),
            ));
        };
        let gold_file = Item {
            obj: gold_obj,
            at: &at,
            prefix: "",
        };
        grade_document(&gold_file, &doc_items, &by_doc, &pred_by_key, &mut g)?;
    }

    let ratio = |ok: usize, n: usize| (n > 0).then(|| py_round(ok as f64 / n as f64, 4));
    let mut document_fields = DocumentFieldScores::default();
    for (f, [ok, n]) in DOC_FIELDS.iter().zip(g.doc_fields) {
        document_fields.set(f, ratio(ok, n));
    }
    Ok(EvalReport {
        obligations: g.obligations.score(),
        deadlines: g.fields[0].score(),
        recurrences: g.fields[1].score(),
        metrics: g.fields[2].score(),
        bodies: g.fields[3].score(),
        kind_accuracy: ratio(g.kind_ok, g.kind_n),
        indicator_accuracy: ratio(g.ind_ok, g.ind_n),
        document_fields,
        documents: g.documents,
        misses: g.misses,
    })
}

/// The records as objects, each with its place.
fn items<'a>(records: &'a [Record], at: &'a [Location]) -> Result<Vec<Item<'a>>, EvalError> {
    records
        .iter()
        .zip(at)
        .map(|(r, at)| match &r.value {
            Value::Object(obj) => Ok(Item {
                obj,
                at,
                prefix: "",
            }),
            v => Err(EvalError::shape(
                at.clone(),
                format!("is {}, not an object", type_name(v)),
            )),
        })
        .collect()
}

/// Grades one gold file against its predicted document.
fn grade_document(
    gold_file: &Item<'_>,
    doc_items: &[Item<'_>],
    by_doc: &HashMap<DictKey, Vec<Item<'_>>>,
    pred_by_key: &HashMap<String, usize>,
    g: &mut Grading,
) -> Result<(), EvalError> {
    let key = match gold_file.get("source") {
        Some(Value::String(s)) => s.as_str(),
        None => return Err(gold_file.error("has no \"source\"")),
        Some(v) => return Err(gold_file.error(format!("source is {}, not a string", type_name(v)))),
    };
    let pd = pred_by_key
        .get(key)
        .or_else(|| pred_by_key.get(&strip_extension(key)))
        .map(|&i| doc_items[i]);
    let p_items: &[Item<'_>] = match &pd {
        Some(d) => {
            let id = DictKey::of(d.get("id"))
                .ok_or_else(|| d.error("id is not a string, number or null"))?;
            by_doc.get(&id).map_or(&[], Vec::as_slice)
        }
        None => &[],
    };
    let empty = Object::new();
    let gdoc = match gold_file.get("document") {
        None => &empty,
        Some(Value::Object(m)) => m,
        Some(v) => {
            return Err(gold_file.error(format!("document is {}, not an object", type_name(v))));
        }
    };
    let gdoc = Item {
        obj: gdoc,
        at: gold_file.at,
        prefix: "document.",
    };
    grade_document_fields(key, &gdoc, pd.as_ref(), g)?;

    let Some(g_values) = gold_file.get("obligations") else {
        g.documents.push(DocumentResult {
            source: key.to_string(),
            found: pd.is_some(),
            obligations: None,
        });
        return Ok(());
    };
    let Value::Array(g_values) = g_values else {
        return Err(gold_file.error(format!(
            "obligations is {}, not an array",
            type_name(g_values)
        )));
    };
    let prefixes: Vec<String> = (0..g_values.len())
        .map(|i| format!("obligations[{i}]: "))
        .collect();
    let g_items: Vec<Item<'_>> = g_values
        .iter()
        .zip(&prefixes)
        .map(|(v, prefix)| match v {
            Value::Object(obj) => Ok(Item {
                obj,
                at: gold_file.at,
                prefix,
            }),
            v => Err(gold_file.error(format!("{prefix}is {}, not an object", type_name(v)))),
        })
        .collect::<Result<_, _>>()?;

    let pairs = match_items(&g_items, p_items)?;
    let doc_tally = Tally {
        tp: pairs.len(),
        fn_: g_items.len() - pairs.len(),
        fp: p_items.len() - pairs.len(),
    };
    g.obligations.tp += doc_tally.tp;
    g.obligations.fn_ += doc_tally.fn_;
    g.obligations.fp += doc_tally.fp;
    for &(gi, pi) in &pairs {
        grade_pair(key, &g_items[gi], &p_items[pi], g)?;
    }
    grade_unmatched(key, &g_items, p_items, &pairs, g)?;
    g.documents.push(DocumentResult {
        source: key.to_string(),
        found: pd.is_some(),
        obligations: Some(doc_tally.score()),
    });
    Ok(())
}

/// Grades the document fields the gold states, against the predicted document if any.
fn grade_document_fields(
    key: &str,
    gdoc: &Item<'_>,
    pd: Option<&Item<'_>>,
    g: &mut Grading,
) -> Result<(), EvalError> {
    let empty = Object::new();
    let no_doc = Item {
        obj: &empty,
        at: gdoc.at,
        prefix: "",
    };
    for (fi, f) in DOC_FIELDS.iter().enumerate() {
        if !gdoc.obj.contains_key(*f) {
            continue;
        }
        g.doc_fields[fi][1] += 1;
        let same = match pd {
            Some(d) => doc_value(d, f)? == doc_value(gdoc, f)?,
            None => false,
        };
        if same {
            g.doc_fields[fi][0] += 1;
        } else {
            // Only printed with --verbose, where the scorer computes them; never fatal here.
            let show =
                |d: &Item<'_>| doc_value(d, f).map_or_else(|e| format!("<{e}>"), |v| v.py_repr());
            g.misses.push(format!(
                "{key}: document.{f}: gold {} got {}",
                show(gdoc),
                show(pd.unwrap_or(&no_doc))
            ));
        }
    }
    Ok(())
}

/// Grades the fields, the kind and the metric indicators of one matched pair of obligations.
fn grade_pair(
    key: &str,
    gi_item: &Item<'_>,
    pi_item: &Item<'_>,
    g: &mut Grading,
) -> Result<(), EvalError> {
    g.kind_n += 1;
    if PyValue::of(gi_item.get("kind")) == PyValue::of(pi_item.get("kind")) {
        g.kind_ok += 1;
    }
    for (fi, name) in FIELDS.iter().enumerate() {
        let gv = field_keys(gi_item, name, true)?;
        let pv = field_keys(pi_item, name, false)?;
        g.fields[fi].add(&gv, &pv);
        if sorted_strs(&gv) != sorted_strs(&pv) {
            g.misses.push(format!(
                "{key} {} {}: {name}: gold {} got {}",
                PyValue::of(gi_item.get("label")).py_str(),
                prefix(gi_item.text("heading")?, 16),
                PyValue::List(gv).py_repr(),
                PyValue::List(pv).py_repr()
            ));
        }
    }
    // Indicator accuracy: each gold metric takes the first prediction with its key.
    let mut pm: Vec<(usize, &Value)> = pi_item.list("metrics", false)?.iter().enumerate().collect();
    for (i, gm) in gi_item.list("metrics", true)?.iter().enumerate() {
        let gkey = field_key(gi_item, "metrics", i, gm)?;
        let mut taken = None;
        for (j, &(pj, x)) in pm.iter().enumerate() {
            if field_key(pi_item, "metrics", pj, x)? == gkey {
                g.ind_n += 1;
                let indicator = |m: &Value| {
                    text_or_empty(m.get("indicator"))
                        .map(norm)
                        .map_err(|t| format!("metrics indicator is {t}, not a string"))
                };
                let gi_ind = indicator(gm).map_err(|e| gi_item.error(e))?;
                let pi_ind = indicator(x).map_err(|e| pi_item.error(e))?;
                if dice(&gi_ind, &pi_ind) >= 0.5 {
                    g.ind_ok += 1;
                }
                taken = Some(j);
                break;
            }
        }
        if let Some(j) = taken {
            pm.remove(j);
        }
    }
    Ok(())
}

/// Counts the gold obligations no prediction matched (misses) and the predictions no gold
/// matched (extras), field by field.
fn grade_unmatched(
    key: &str,
    g_items: &[Item<'_>],
    p_items: &[Item<'_>],
    pairs: &[(usize, usize)],
    g: &mut Grading,
) -> Result<(), EvalError> {
    let mut matched_gold = vec![false; g_items.len()];
    let mut matched_pred = vec![false; p_items.len()];
    for &(gi, pi) in pairs {
        matched_gold[gi] = true;
        matched_pred[pi] = true;
    }
    for (item, _) in g_items.iter().zip(&matched_gold).filter(|(_, m)| !**m) {
        g.misses.push(format!(
            "{key}: missed {} {}",
            PyValue::of(item.get("label")).py_str(),
            PyValue::of(item.get("heading")).py_str()
        ));
        for (fi, name) in FIELDS.iter().enumerate() {
            g.fields[fi].add(&field_keys(item, name, true)?, &[]);
        }
    }
    for (item, _) in p_items.iter().zip(&matched_pred).filter(|(_, m)| !**m) {
        let heading = match item.get("heading") {
            v if !truthy(v) => String::new(),
            Some(Value::String(s)) => prefix(s, 30),
            v => PyValue::of(v).py_str(),
        };
        g.misses.push(format!(
            "{key}: extra {} {heading}",
            PyValue::of(item.get("label")).py_str()
        ));
        for (fi, name) in FIELDS.iter().enumerate() {
            g.fields[fi].add(&[], &field_keys(item, name, false)?);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::fs;

    /// An export folder and a gold folder written from JSON values.
    struct Fixture {
        _dir: tempfile::TempDir,
        export: std::path::PathBuf,
        gold: std::path::PathBuf,
    }

    fn fixture(docs: &[Value], obls: &[Value], gold: &[(&str, Value)]) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let export = dir.path().join("export");
        let gold_dir = dir.path().join("gold");
        fs::create_dir_all(&export).unwrap();
        fs::create_dir_all(&gold_dir).unwrap();
        let lines = |vs: &[Value]| vs.iter().map(|v| format!("{v}\n")).collect::<String>();
        fs::write(export.join("documents.jsonl"), lines(docs)).unwrap();
        fs::write(export.join("obligations.jsonl"), lines(obls)).unwrap();
        for (name, g) in gold {
            fs::write(gold_dir.join(name), g.to_string()).unwrap();
        }
        Fixture {
            _dir: dir,
            export,
            gold: gold_dir,
        }
    }

    fn grade(docs: &[Value], obls: &[Value], gold: &[(&str, Value)]) -> EvalReport {
        let f = fixture(docs, obls, gold);
        evaluate(&f.export, &f.gold).unwrap()
    }

    fn doc(id: &str, path: &str) -> Value {
        json!({"id": id, "source": {"path": path}})
    }

    fn obl(doc_id: &str, heading: &str) -> Value {
        json!({"doc_id": doc_id, "label": "1.", "heading": heading, "text": heading})
    }

    fn gold_file(source: &str, obligations: Value) -> Value {
        json!({"source": source, "document": {}, "obligations": obligations})
    }

    #[test]
    fn a_document_pairs_with_gold_by_file_name_even_with_another_extension() {
        let r = grade(
            &[doc("d", "corpus/嘉兴/2016年工作要点.html")],
            &[obl("d", "深化行政审批制度改革")],
            &[(
                "a.json",
                gold_file(
                    "2016年工作要点.txt",
                    json!([{"heading": "深化行政审批制度改革"}]),
                ),
            )],
        );
        assert!(r.documents[0].found);
        assert_eq!(r.obligations.tp, 1);
    }

    #[test]
    fn a_url_source_pairs_by_its_last_component_without_the_trailing_slash() {
        let d =
            json!({"id": "u", "source": {"url": "http://www.example.gov.cn/zwgk/t2017_3.htm/"}});
        let r = grade(
            &[d],
            &[],
            &[("a.json", json!({"source": "t2017_3.htm", "document": {}}))],
        );
        assert!(r.documents[0].found);
        assert_eq!(r.documents[0].obligations, None);
    }

    #[test]
    fn a_gold_heading_matches_a_predicted_heading_that_contains_it_after_norm() {
        let r = grade(
            &[doc("d", "a.txt")],
            &[obl("d", "（三）全面推进政务公开，")],
            &[(
                "a.json",
                gold_file("a.txt", json!([{"heading": "全面推进 政务公开"}])),
            )],
        );
        assert_eq!(
            (r.obligations.tp, r.obligations.fp, r.obligations.fn_),
            (1, 0, 0)
        );
    }

    #[test]
    fn a_gold_heading_matches_the_first_40_characters_of_the_text_only() {
        let head =
            json!({"doc_id": "d", "heading": "", "text": "加强组织领导，建立健全工作机制。"});
        let late = json!({"doc_id": "d", "heading": "", "text": format!("{}健全考核评价", "一".repeat(40))});
        let r = grade(
            &[doc("d", "a.txt")],
            &[head, late],
            &[(
                "a.json",
                gold_file(
                    "a.txt",
                    json!([{"heading": "建立健全工作机制"}, {"heading": "健全考核评价"}]),
                ),
            )],
        );
        assert_eq!(
            (r.obligations.tp, r.obligations.fp, r.obligations.fn_),
            (1, 1, 1)
        );
    }

    #[test]
    fn matching_is_one_to_one_and_in_gold_order() {
        let r = grade(
            &[doc("d", "a.txt")],
            &[obl("d", "加强队伍建设")],
            &[(
                "a.json",
                gold_file(
                    "a.txt",
                    json!([{"heading": "加强队伍建设"}, {"heading": "队伍建设"}]),
                ),
            )],
        );
        assert_eq!((r.obligations.tp, r.obligations.fn_), (1, 1));
        assert!(
            r.misses.iter().any(|m| m == "a.txt: missed None 队伍建设"),
            "{:?}",
            r.misses
        );
    }

    #[test]
    fn a_gold_item_without_a_heading_is_never_matched() {
        let r = grade(
            &[doc("d", "a.txt")],
            &[obl("d", "落实责任")],
            &[("a.json", gold_file("a.txt", json!([{"heading": "。"}])))],
        );
        assert_eq!(
            (r.obligations.tp, r.obligations.fp, r.obligations.fn_),
            (0, 1, 1)
        );
    }

    #[test]
    fn unmatched_items_count_all_their_fields_as_misses_or_false_alarms() {
        let mut p = obl("d", "开展专项整治");
        p["deadlines"] = json!([{"year": 2018, "month": 12, "day": null}]);
        let g = json!([{"heading": "推进依法决策", "deadlines": [{"year": 2019}], "bodies": [{"name": "市司法局"}]}]);
        let r = grade(
            &[doc("d", "a.txt")],
            &[p],
            &[("a.json", gold_file("a.txt", g))],
        );
        assert_eq!((r.deadlines.tp, r.deadlines.fp, r.deadlines.fn_), (0, 1, 1));
        assert_eq!((r.bodies.tp, r.bodies.fp, r.bodies.fn_), (0, 0, 1));
    }

    #[test]
    fn deadlines_compare_year_month_day_only_with_python_number_equality() {
        let mut p = obl("d", "完成清理");
        p["deadlines"] = json!([{"text": "2017年底前", "year": 2017.0, "month": 12, "day": null, "bound": "in"}]);
        let g = json!([{"heading": "完成清理", "deadlines": [{"text": "到2017年底", "year": 2017, "month": 12, "day": null, "bound": "by"}]}]);
        let r = grade(
            &[doc("d", "a.txt")],
            &[p],
            &[("a.json", gold_file("a.txt", g))],
        );
        assert_eq!((r.deadlines.tp, r.deadlines.fp, r.deadlines.fn_), (1, 0, 0));
        // Equal for F1, but their str() differ, so the verbose check lists them as the scorer does.
        assert!(r.misses.iter().any(|m| m.ends_with(
            "deadlines: gold [(2017, 12, None)] got [(2017.0, 12, None)]"
        )));
    }

    #[test]
    fn recurrences_compare_every_n_and_times() {
        let mut p = obl("d", "召开联席会议");
        p["recurrences"] =
            json!([{"every": "year", "times": 2}, {"every": "n_years", "n": 3, "times": null}]);
        let g = json!([{"heading": "召开联席会议", "recurrences": [{"every": "year", "times": 1}, {"every": "n_years", "n": 3}]}]);
        let r = grade(
            &[doc("d", "a.txt")],
            &[p],
            &[("a.json", gold_file("a.txt", g))],
        );
        assert_eq!(
            (r.recurrences.tp, r.recurrences.fp, r.recurrences.fn_),
            (1, 1, 1)
        );
    }

    #[test]
    fn metrics_compare_value_to_three_decimals_unit_after_nfkc_and_op() {
        let mut p = obl("d", "提高办结率");
        p["metrics"] = json!([
            {"value": 95.0004, "unit": "％", "op": ">="},
            {"value": "30", "unit": "天", "op": "<="},
            {"value": 2, "unit": "次", "op": "="}
        ]);
        let g = json!([{"heading": "提高办结率", "metrics": [
            {"value": 95, "unit": "%", "op": ">="},
            {"value": 30, "unit": "天", "op": "<="},
            {"value": 2, "unit": "次", "op": ">="}
        ]}]);
        let r = grade(
            &[doc("d", "a.txt")],
            &[p],
            &[("a.json", gold_file("a.txt", g))],
        );
        assert_eq!((r.metrics.tp, r.metrics.fp, r.metrics.fn_), (2, 1, 1));
    }

    #[test]
    fn bodies_compare_names_after_norm() {
        let mut p = obl("d", "规范执法");
        p["bodies"] = json!([{"name": "各乡镇（街道）", "role": "actor"}, {"name": "区 城管局"}]);
        let g = json!([{"heading": "规范执法", "bodies": [{"name": "各乡镇(街道)", "role": "responsible"}, {"name": "区城管局"}]}]);
        let r = grade(
            &[doc("d", "a.txt")],
            &[p],
            &[("a.json", gold_file("a.txt", g))],
        );
        assert_eq!((r.bodies.tp, r.bodies.fp, r.bodies.fn_), (2, 0, 0));
    }

    #[test]
    fn kind_accuracy_counts_matched_pairs_only() {
        let mut a = obl("d", "完善制度");
        a["kind"] = json!("task");
        let mut b = obl("d", "推进试点");
        b["kind"] = json!("achievement");
        let g = json!([
            {"heading": "完善制度", "kind": "task"},
            {"heading": "推进试点", "kind": "task"},
            {"heading": "没有对应", "kind": "task"}
        ]);
        let r = grade(
            &[doc("d", "a.txt")],
            &[a, b],
            &[("a.json", gold_file("a.txt", g))],
        );
        assert_eq!(r.kind_accuracy, Some(0.5));
    }

    #[test]
    fn indicator_accuracy_needs_a_bigram_dice_of_at_least_a_half_on_key_matched_metrics() {
        let mut p = obl("d", "提升质量");
        p["metrics"] = json!([
            {"value": 90, "unit": "%", "op": ">=", "indicator": "污水处理率"},
            {"value": 100, "unit": "%", "op": "=", "indicator": "绿化覆盖"},
            {"value": 5, "unit": "个", "op": "=", "indicator": "示范点"}
        ]);
        let g = json!([{"heading": "提升质量", "metrics": [
            {"value": 90, "unit": "%", "op": ">=", "indicator": "城镇污水处理率"},
            {"value": 100, "unit": "%", "op": "=", "indicator": "网上办理率"},
            {"value": 6, "unit": "个", "op": "=", "indicator": "示范点"}
        ]}]);
        let r = grade(
            &[doc("d", "a.txt")],
            &[p],
            &[("a.json", gold_file("a.txt", g))],
        );
        // Two metrics match on (value, unit, op); only the first has a close indicator.
        assert_eq!(r.indicator_accuracy, Some(0.5));
    }

    #[test]
    fn document_fields_use_the_scorers_value_rules_and_only_fields_gold_gives() {
        let mut d = doc("d", "a.txt");
        d["title"] = json!("关于印发《实施方案》的通知 ");
        d["doc_number"] = json!("嘉政发[2016] 12号");
        d["region"] =
            json!({"code": "330400", "province": "浙江省", "city": "嘉兴市", "county": null});
        d["period"] = json!({"start": 2016, "end": 2020});
        d["year"] = json!(2017);
        let g = json!({"source": "a.txt", "document": {
            "title": "关于印发实施方案的通知",
            "doc_number": "嘉政发〔2016〕12号",
            "region": {"code": "330400"},
            "period": {"start": 2016, "end": 2020},
            "year": 2016
        }});
        let r = grade(&[d], &[], &[("a.json", g)]);
        let f = r.document_fields;
        assert_eq!(
            (f.title, f.doc_number, f.region, f.period, f.year, f.issuer),
            (Some(1.0), Some(1.0), Some(1.0), Some(1.0), Some(0.0), None)
        );
        assert_eq!(r.misses, vec!["a.txt: document.year: gold 2016 got 2017"]);
    }

    #[test]
    fn a_gold_file_without_obligations_grades_document_fields_only() {
        let r = grade(
            &[doc("d", "a.txt")],
            &[obl("d", "多余的条目")],
            &[(
                "a.json",
                json!({"source": "a.txt", "document": {"kind": "report"}}),
            )],
        );
        assert_eq!(r.documents[0].obligations, None);
        assert_eq!((r.obligations.tp, r.obligations.fp), (0, 0));
        assert_eq!(r.document_fields.kind, Some(0.0));
        assert_eq!(
            r.misses,
            vec!["a.txt: document.kind: gold 'report' got None"]
        );
    }

    #[test]
    fn a_document_not_found_misses_all_its_gold_items() {
        let r = grade(
            &[doc("d", "b.txt")],
            &[],
            &[(
                "a.json",
                gold_file("a.txt", json!([{"heading": "加强监督", "label": "(一)"}])),
            )],
        );
        assert!(!r.documents[0].found);
        assert_eq!(r.obligations.fn_, 1);
        assert_eq!(r.render(false).lines().last(), Some("documents found 0/1"));
    }

    #[test]
    fn extra_predictions_are_listed_with_their_label_and_first_30_characters() {
        let mut p = obl("d", &"依".repeat(35));
        p["label"] = json!("26.");
        let r = grade(
            &[doc("d", "a.txt")],
            &[p],
            &[("a.json", gold_file("a.txt", json!([])))],
        );
        assert_eq!(
            r.misses,
            vec![format!("a.txt: extra 26. {}", "依".repeat(30))]
        );
        assert_eq!(r.obligations.fp, 1);
    }

    #[test]
    fn field_misses_show_label_heading_and_both_key_lists() {
        let mut p = obl("d", "严格规范公正文明执法");
        p["bodies"] = json!([{"name": "市公安局"}]);
        let g = json!([{"label": "（二）", "heading": "严格规范公正文明执法", "bodies": [{"name": "市司法局"}]}]);
        let r = grade(
            &[doc("d", "a.txt")],
            &[p],
            &[("a.json", gold_file("a.txt", g))],
        );
        assert_eq!(
            r.misses,
            vec!["a.txt （二） 严格规范公正文明执法: bodies: gold ['市司法局'] got ['市公安局']"]
        );
    }

    #[test]
    fn a_heading_that_is_not_text_is_an_error_naming_the_line_and_field() {
        let f = fixture(
            &[doc("d", "a.txt")],
            &[json!({"doc_id": "d", "heading": 12})],
            &[(
                "a.json",
                gold_file("a.txt", json!([{"heading": "加强领导"}])),
            )],
        );
        let err = evaluate(&f.export, &f.gold).err().unwrap().to_string();
        assert!(
            err.ends_with("obligations.jsonl:1: heading is a number, not a string"),
            "{err}"
        );
    }

    #[test]
    fn a_gold_file_without_source_is_an_error_naming_it() {
        let f = fixture(&[], &[], &[("a.json", json!({"document": {}}))]);
        let err = evaluate(&f.export, &f.gold).err().unwrap().to_string();
        assert!(err.ends_with("a.json: has no \"source\""), "{err}");
    }

    #[test]
    fn an_empty_export_scores_zero_recall() {
        let f = fixture(
            &[],
            &[],
            &[(
                "a.json",
                gold_file("a.txt", json!([{"heading": "加强领导"}])),
            )],
        );
        fs::remove_file(f.export.join("obligations.jsonl")).unwrap();
        let r = evaluate(&f.export, &f.gold).unwrap();
        assert_eq!((r.obligations.r, r.obligations.fn_), (0.0, 1));
    }

    #[test]
    fn the_extension_is_stripped_only_when_ascii_letters_or_digits_follow_the_last_dot() {
        assert_eq!(strip_extension("规划.txt"), "规划");
        assert_eq!(strip_extension("a.b.htm"), "a.b");
        assert_eq!(strip_extension("规划.文本"), "规划.文本");
        assert_eq!(strip_extension("规划."), "规划.");
        assert_eq!(strip_extension("a.txt\n"), "a\n");
    }
}
