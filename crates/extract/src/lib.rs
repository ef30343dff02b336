//! Obligations from a cleaned document (spec §2).
//!
//! [`extract`] turns a [`CleanDoc`] into the [`Obligation`]s of its outline: the leaf numbered
//! items and the rows of its task tables ([`outline`]), each with its kind ([`kind`]),
//! deadlines ([`deadline`]), recurrences ([`recurrence`]), metrics ([`metric`]), responsible
//! bodies ([`body`]) and cited titles ([`reference`]). Rules match on width-folded text
//! ([`fold`]); outputs keep the document's own wording. Extraction never fails: text it cannot
//! read yields fewer obligations, not an error. It is deterministic, and
//! [`extract_all`] runs it over many documents in parallel, keeping their order.
//!
//! ```
//! use duban_model::*;
//! let text = "一、保障措施\n1.加强组织领导。各级政府每年至少召开一次会议，到2016年底前全面完成。〔责任单位：县司法局〕\n";
//! let doc = CleanDoc {
//!     document: Document {
//!         id: "file:demo.txt".into(), source: Source::default(), title: None, doc_number: None,
//!         issuer: None, region: None, kind: DocKind::ImplementationPlan, published: None,
//!         signed: None, period: None, year: Some(2016), text: text.into(),
//!     },
//!     blocks: vec![], warnings: vec![],
//! };
//! let obligations = duban_extract::extract(&doc);
//! assert_eq!(obligations.len(), 1);
//! let o = &obligations[0];
//! assert_eq!((o.label.as_str(), o.heading.as_str()), ("1.", "加强组织领导"));
//! assert_eq!(o.path, ["一、保障措施"]);
//! assert_eq!(o.deadlines[0].year, 2016);
//! assert_eq!(o.recurrences[0].times, Some(1));
//! assert_eq!(o.bodies[0].name, "县司法局");
//! ```

pub mod body;
pub mod deadline;
pub mod fold;
pub mod kind;
pub mod label;
pub mod metric;
pub mod numeral;
pub mod outline;
pub mod recurrence;
pub mod reference;

use duban_model::{Bound, CleanDoc, Obligation, ObligationKind, obligation_id};
use label::Style;
use outline::OutlineParser;
use rayon::prelude::*;
use std::collections::HashMap;

/// Extracts the obligations of one document, in document order.
pub fn extract(doc: &CleanDoc) -> Vec<Obligation> {
    let d = &doc.document;
    let text = d.text.as_str();
    let items = OutlineParser::parse_with_blocks(text, &doc.blocks);
    let mut out = Vec::new();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    // Inline items are found after their paragraphs: put every item back in document order.
    let mut order: Vec<(usize, &outline::Item)> = items.iter().enumerate().collect();
    order.sort_by_key(|(_, i)| i.start);
    let opening = opening_section(&items);
    for (index, item) in order {
        if !item.children.is_empty() || item.attachment || item.silent {
            continue;
        }

        let ancestors: Vec<&outline::Item> = item.ancestors.iter().map(|&a| &items[a]).collect();
        if ancestors
            .iter()
            .any(|a| kind::is_problem_section(&a.heading))
            || kind::is_problem_section(&item.heading)
        {
            continue;
        }
        let path: Vec<String> = ancestors
            .iter()
            .filter(|a| !a.silent)
            .map(|a| a.path_element())
            .collect();
        let item_text = item.text(text);
        if item_text.trim().is_empty() && item.heading.is_empty() {
            continue;
        }
        // A part, chapter or section title with nothing under it is a table-of-contents entry.
        if matches!(
            item.style,
            Some(Style::Part | Style::Chapter | Style::Section)
        ) && outline::lead_phrase(&item_text) == item_text.trim()
        {
            continue;
        }
        let root = item.ancestors.first().copied().unwrap_or(index);
        let kind = kind::kind_of(kind::Placement {
            heading: &item.heading,
            ancestors: &path,
            table: item.table,
            doc_kind: d.kind,
            opening_section: opening.contains(&root),
        });
        let mut bodies = item.column_bodies.clone();
        for b in body::attributed(&item_text)
            .into_iter()
            .chain(body::actors(&item_text))
        {
            body::push(&mut bodies, b.name, b.role);
        }
        let mut deadlines = if kind == ObligationKind::Achievement {
            Vec::new()
        } else {
            deadline::deadlines(&item_text, d.year)
        };
        // A time-limit column (完成时限) bounds the work even where it prints a plain month.
        for mut limit in deadline::deadlines(&item.limits, d.year) {
            if limit.bound == Bound::In {
                limit.bound = Bound::By;
            }
            if !deadlines.iter().any(|x| {
                (x.year, x.month, x.day, x.bound)
                    == (limit.year, limit.month, limit.day, limit.bound)
            }) {
                deadlines.push(limit);
            }
        }
        let mut labels: Vec<&str> = ancestors
            .iter()
            .filter(|a| !a.silent)
            .map(|a| id_part(a))
            .collect();
        labels.push(id_part(item));
        let base = obligation_id(&d.id, &labels, 1);
        let n = seen_ids.entry(base).or_insert(0);
        *n += 1;
        let start = text[..item.start.min(text.len())].chars().count();
        let end = start
            + text
                .get(item.start..item.end())
                .map_or(0, |s| s.chars().count());
        out.push(Obligation {
            id: obligation_id(&d.id, &labels, *n),
            doc_id: d.id.clone(),
            label: item.label.clone(),
            path,
            heading: item.heading.clone(),
            recurrences: recurrence::recurrences(&item_text),
            metrics: metric::metrics(&item_text),
            references: reference::references(&item_text),
            text: item_text,
            kind,
            deadlines,
            bodies,
            span: [start, end],
            region: d.region.clone(),
            doc_kind: d.kind,
            year: d.year,
        });
    }
    out
}

/// The top-level items of the document's opening section: those before the first section of
/// the highest numbering rank when the document opens with lower-ranked items (an unnumbered
/// review `（一）…（四）` before `一、`), else the first top-level section.
fn opening_section(items: &[outline::Item]) -> Vec<usize> {
    let mut roots: Vec<usize> = (0..items.len())
        .filter(|&i| {
            items[i].ancestors.is_empty()
                && !items[i].attachment
                && !items[i].silent
                && items[i].style.is_some()
        })
        .collect();
    roots.sort_by_key(|&i| items[i].start);
    let Some(top) = roots
        .iter()
        .filter_map(|&i| items[i].style.map(Style::rank))
        .min()
    else {
        return Vec::new();
    };
    match roots
        .iter()
        .position(|&i| items[i].style.map(Style::rank) == Some(top))
    {
        Some(0) => roots[..1].to_vec(),
        Some(first) => roots[..first].to_vec(),
        None => Vec::new(),
    }
}

/// The part of an obligation id an item contributes: its label, or its heading when unnumbered.
fn id_part(item: &outline::Item) -> &str {
    if item.label.is_empty() {
        &item.heading
    } else {
        &item.label
    }
}

/// Extracts many documents in parallel; the result keeps the input order.
pub fn extract_all(docs: &[CleanDoc]) -> Vec<Vec<Obligation>> {
    docs.par_iter().map(extract).collect()
}
