//! Obligations from a cleaned document (spec §2).
//!
//! [`extract`] turns a [`CleanDoc`] into the [`Obligation`]s of its outline: the leaf numbered
//! items and the rows of its task tables ([`outline`]), each with its kind ([`kind`]),
//! deadlines ([`deadline`]), recurrences ([`recurrence`]), metrics ([`metric`]), responsible
//! bodies ([`body`]) and cited titles ([`reference`](mod@reference)). Rules match on width-folded text
//! ([`fold`]); outputs keep the document's own wording. Extraction never fails: text it cannot
//! read yields fewer obligations, not an error. It is deterministic, and
//! [`extract_all`] runs it over many documents in parallel, keeping their order.
//!
//! ```
//! use duban_model::*;
//! let text = "一、保障措施\n1.加强组织领导。各级政府每年至少召开一次会议，到2016年底前全面完成。〔责任单位：县司法局〕\n";
//! let doc = CleanDoc::from(Document::from_text("file:demo.txt", DocKind::ImplementationPlan, Some(2016), text));
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
pub mod kind;
pub mod label;
pub mod metric;
pub mod outline;
pub mod recurrence;
pub mod reference;

// Width folding and numerals are shared with the cleaner; `crate::fold` reads as before.
use duban_text::{fold, numeral};

use duban_model::{Bound, CleanDoc, Obligation, ObligationKind, obligation_id};
use label::Style;
use outline::OutlineParser;
use rayon::prelude::*;
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// An item's bodies: its table columns', those its text attributes (else its group's), and
/// the actors of its clauses.
fn item_bodies(
    item: &outline::Item,
    folded: &fold::Folded<'_>,
    group_bodies: &HashMap<usize, Vec<duban_model::Body>>,
) -> Vec<duban_model::Body> {
    let mut bodies = item.column_bodies.clone();
    let mut attributed = body::attributed_in(&folded.folded);
    if attributed.is_empty()
        && let Some(group) = item.ancestors.last().and_then(|p| group_bodies.get(p))
    {
        attributed = group.clone();
    }
    for b in attributed
        .into_iter()
        .chain(body::actors_in(&folded.folded))
    {
        body::push(&mut bodies, b.name, b.role);
    }
    bodies
}

/// An item's deadlines: those of its text (none for an achievement), not before the
/// document's year, and its time-limit column's.
fn item_deadlines(
    item: &outline::Item,
    folded: &fold::Folded<'_>,
    kind: ObligationKind,
    doc_year: Option<i32>,
) -> Vec<duban_model::Deadline> {
    let mut deadlines = if kind == ObligationKind::Achievement {
        Vec::new()
    } else {
        deadline::deadlines_in(folded, doc_year)
    };
    // A date before the year the document is about dates a past fact (`从1952年到1956年`,
    // `按2000年价格计算`), not a time limit for the work.
    if let Some(year) = doc_year {
        deadlines.retain(|x| x.year >= year);
    }
    // A time-limit column (完成时限) bounds the work even where it prints a plain month.
    for mut limit in deadline::deadlines(&item.limits, doc_year) {
        if limit.bound == Bound::In {
            limit.bound = Bound::By;
        }
        if !deadlines.iter().any(|x| {
            (x.year, x.month, x.day, x.bound) == (limit.year, limit.month, limit.day, limit.bound)
        }) {
            deadlines.push(limit);
        }
    }
    deadlines
}

/// An item's recurrences: those of its text, and those of its time-limit column (`每季度`,
/// `按月调度`), which the text does not print.
fn item_recurrences(
    item: &outline::Item,
    folded: &fold::Folded<'_>,
) -> Vec<duban_model::Recurrence> {
    let mut recurrences = recurrence::recurrences_in(folded);
    for r in recurrence::recurrences(&item.limits) {
        if !recurrences
            .iter()
            .any(|x| (x.every, x.n, x.times) == (r.every, r.n, r.times))
        {
            recurrences.push(r);
        }
    }
    recurrences
}

/// An item's metrics: those of its text, and those of the values its table's unit column
/// measures.
fn item_metrics(item: &outline::Item, folded: &fold::Folded<'_>) -> Vec<duban_model::Metric> {
    let mut metrics = metric::metrics_in(folded);
    for line in item.measures.lines() {
        for m in metric::metrics(line) {
            if !metrics
                .iter()
                .any(|x| (x.value, &x.unit, x.op) == (m.value, &m.unit, m.op))
            {
                metrics.push(m);
            }
        }
    }
    metrics
}

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
    let opening = opening_section(&items, text);
    let reviewed_years = review_by_year(&items);
    // Each heading's lead is read once for a list of conditions it opens, not once per child.
    let conditions: Vec<bool> = items
        .iter()
        .map(|i| !i.children.is_empty() && kind::opens_conditions(&i.text(text)))
        .collect();
    let group_bodies = group_attributions(&items, text);
    for (index, item) in order {
        if !item.children.is_empty() || item.attachment || item.silent {
            continue;
        }

        let ancestors: Vec<&outline::Item> = item.ancestors.iter().map(|&a| &items[a]).collect();
        if ancestors.iter().any(|a| {
            a.excluded || kind::is_problem_section(&a.heading) || kind::is_glossary(&a.heading)
        }) || kind::is_problem_section(&item.heading)
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
            under_conditions: item.ancestors.last().is_some_and(|&a| conditions[a]),
            table: item.table,
            doc_kind: d.kind,
            opening_section: opening.contains(&root),
            reviewed_year: reviewed_years.contains(&root),
            text: &item_text,
        });
        // One fold of the item's text serves every rule.
        let folded = fold::Folded::new(&item_text);
        let bodies = item_bodies(item, &folded, &group_bodies);
        let deadlines = item_deadlines(item, &folded, kind, d.year);
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
            recurrences: item_recurrences(item, &folded),
            metrics: item_metrics(item, &folded),
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

/// The words that head a report's plan part (`工作安排`, `主要工作`, `重点任务`).
const PLAN_WORDS: &str =
    "工作安排|工作计划|主要工作|工作打算|工作思路|重点工作|主要任务|工作任务|重点任务|工作部署";

/// The heading of a report's plan part, numbered or on a line of its own: `八、2020年法治政府
/// 建设工作计划`, `2023年主要工作`, `二、2015年主要工作任务`.
static PLAN_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:19|20)\d{{2}}年(?:度)?)?[^。，,；;：:]{{0,16}}?(?:{PLAN_WORDS})[^。，,；;]{{0,8}}$"
    ))
    .expect("plan part pattern compiles")
});

/// The numbered top-level items of the outline, in document order.
fn top_roots(items: &[outline::Item]) -> Vec<usize> {
    let mut roots: Vec<usize> = (0..items.len())
        .filter(|&i| {
            items[i].ancestors.is_empty()
                && !items[i].attachment
                && !items[i].silent
                && items[i].style.is_some()
        })
        .collect();
    roots.sort_by_key(|&i| items[i].start);
    roots
}

/// Whether a report's part from `from` to `to` of the text holds a line of its own heading its
/// plan part (`2023年主要工作` between the review's last section and the plan's `一、`).
fn plan_line_within(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|part| {
        part.lines().skip(1).any(|l| {
            let l = fold::fold(l.trim());
            l.chars().count() <= 30 && PLAN_PART.is_match(&l)
        })
    })
}

/// The first year a heading names (`一、2022年主要工作` → 2022).
fn year_named(heading: &str) -> Option<i32> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年").expect("year pattern compiles"));
    YEAR.captures(heading).and_then(|c| c[1].parse().ok())
}

/// The top-level sections of a report that name a year before the one a later section plans
/// (`一、2022年主要工作` before `三、2023年工作计划`): they report that year's work, whatever
/// words they use (`主要工作` names plans elsewhere).
fn review_by_year(items: &[outline::Item]) -> Vec<usize> {
    let roots = top_roots(items);
    // A plan's heading may run on into its text where a page lost its line breaks
    // (`二、2023年工作计划2023年是…开局之年`): the year tells it.
    static PLAN_OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:(?:19|20)\d{{2}}年(?:度)?)[^。，,；;：:]{{0,16}}?(?:{PLAN_WORDS})"
        ))
        .expect("plan opening pattern compiles")
    });
    let planned = roots
        .iter()
        .filter(|&&i| PLAN_OPENING.is_match(&fold::fold(items[i].heading.trim())))
        .filter_map(|&i| year_named(&items[i].heading).map(|y| (items[i].start, y)))
        .max_by_key(|&(_, y)| y);
    let Some((plan_start, plan_year)) = planned else {
        return Vec::new();
    };
    roots
        .into_iter()
        .filter(|&i| {
            items[i].start < plan_start
                && year_named(&items[i].heading).is_some_and(|y| y < plan_year)
        })
        .collect()
}

/// Whether a heading names plans or goals (`主要思路`, `“十四五”时期主要目标任务`, `规划纲要`,
/// `科学主动谋划未来`).
fn looks_ahead(heading: &str) -> bool {
    let heading = fold::fold(heading);
    duban_lexicon::sections()
        .list(duban_lexicon::Section::Plan)
        .found_in(&heading)
        || ["规划", "纲要", "思路", "目标", "展望", "谋划未来"]
            .iter()
            .any(|w| heading.contains(w))
}

/// The top-level items of the document's opening section: those before the first section of
/// the highest numbering rank when the document opens with lower-ranked items (an unnumbered
/// review `（一）…（四）` before `一、`); in a report whose plan part opens later, every
/// section before it (`一、`…`七、` before `八、2020年法治政府建设工作计划`, or the sections before
/// an unnumbered `2023年主要工作`); else the first top-level section.
fn opening_section(items: &[outline::Item], text: &str) -> Vec<usize> {
    let roots = top_roots(items);
    let Some(top) = roots
        .iter()
        .filter_map(|&i| items[i].style.map(Style::rank))
        .min()
    else {
        return Vec::new();
    };
    let opens_with_plan = roots
        .first()
        .is_some_and(|&i| PLAN_PART.is_match(&fold::fold(items[i].heading.trim())));
    let plan_part = (1..roots.len()).filter(|_| !opens_with_plan).find(|&k| {
        let (before, at) = (&items[roots[k - 1]], &items[roots[k]]);
        at.style.map(Style::rank) == Some(top)
            && (PLAN_PART.is_match(&fold::fold(at.heading.trim()))
                || plan_line_within(text, before.start, at.start))
    });
    if let Some(k) = plan_part {
        // A section between that looks ahead (`二、“十三五”发展的主要思路`, `二、关于《…规划纲要
        // （草案）》`) is no review.
        return roots[..k]
            .iter()
            .copied()
            .filter(|&i| !looks_ahead(&items[i].heading))
            .collect();
    }
    match roots
        .iter()
        .position(|&i| items[i].style.map(Style::rank) == Some(top))
    {
        Some(0) => roots[..1].to_vec(),
        Some(first) => roots[..first].to_vec(),
        None => Vec::new(),
    }
}

/// The attribution line that closes the last item of a group of siblings, by the index of
/// their parent: it names the bodies of the whole group ([`body::closing_attribution`]).
fn group_attributions(
    items: &[outline::Item],
    text: &str,
) -> HashMap<usize, Vec<duban_model::Body>> {
    let mut out = HashMap::new();
    for (index, item) in items.iter().enumerate() {
        let Some(&last) = item.children.iter().max_by_key(|&&c| items[c].start) else {
            continue;
        };
        if !items[last].children.is_empty() {
            continue;
        }
        let bodies = body::closing_attribution(&items[last].text(text));
        if !bodies.is_empty() {
            out.insert(index, bodies);
        }
    }
    out
}

/// The part of an obligation id an item contributes: its label, or its heading when unnumbered.
fn id_part(item: &outline::Item) -> &str {
    if item.label.is_empty() {
        &item.heading
    } else {
        &item.label
    }
}

/// Loads what extraction reads on first use (the segmenter's dictionaries, about a tenth of
/// a second), so that a caller can do it while it waits for its first documents.
pub fn prepare() {
    duban_segment::Segmenter::shared();
}

/// Extracts many documents in parallel; the result keeps the input order.
pub fn extract_all(docs: &[CleanDoc]) -> Vec<Vec<Obligation>> {
    docs.par_iter().map(extract).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use duban_model::{Block, DocKind, Document, TableRow};

    fn doc(text: &str, kind: DocKind, year: Option<i32>, blocks: Vec<Block>) -> CleanDoc {
        CleanDoc {
            blocks,
            ..CleanDoc::from(Document::from_text("file:t.txt", kind, year, text))
        }
    }

    #[test]
    fn a_year_before_the_documents_year_dates_a_past_fact() {
        let d = doc(
            "一、发展目标\n（一）增加收入。按2000年价格计算，到2005年人均收入翻一番。\n",
            DocKind::Plan,
            Some(2001),
            vec![],
        );
        let years: Vec<i32> = extract(&d)[0].deadlines.iter().map(|x| x.year).collect();
        assert_eq!(years, [2005]);
    }

    /// A document of one HTML table of three columns and one row, the row's text reaching
    /// `row_text_end` bytes into its line (a page's row text may stop before its last cell).
    fn one_row_table(
        header: [&str; 3],
        cells: [&str; 3],
        row_text_end: Option<usize>,
        kind: DocKind,
        year: i32,
    ) -> CleanDoc {
        let text = format!("{}\n{}\n", header.join("\t"), cells.join("\t"));
        let start = header.join("\t").len() + 1;
        let end = row_text_end.map_or(text.len() - 1, |n| start + n);
        let rows = vec![TableRow {
            cells: cells.iter().map(|c| (*c).to_string()).collect(),
            span: (start, end),
        }];
        let blocks = vec![Block::Table {
            header: header.iter().map(|h| (*h).to_string()).collect(),
            rows,
        }];
        doc(&text, kind, Some(year), blocks)
    }

    #[test]
    fn a_plain_month_in_a_time_limit_column_bounds_the_work() {
        let d = one_row_table(
            ["序号", "工作任务", "完成时限"],
            ["1", "完成清理。", "2019年6月"],
            None,
            DocKind::AnnualPlan,
            2019,
        );
        let got = extract(&d);
        assert_eq!(got.len(), 1);
        let d = &got[0].deadlines[0];
        assert_eq!((d.year, d.month, d.bound), (2019, Some(6), Bound::By));
    }

    #[test]
    fn a_repeating_time_in_a_time_limit_column_is_a_recurrence() {
        // The row's text ends before its time cell, as a page's cells do.
        let d = one_row_table(
            ["序号", "工作任务", "完成时限"],
            ["1", "调度重点项目进展。", "按月调度"],
            Some("1\t调度重点项目进展。".len()),
            DocKind::AnnualPlan,
            2022,
        );
        let got = extract(&d);
        let every: Vec<_> = got[0].recurrences.iter().map(|r| r.every).collect();
        assert_eq!(every, [duban_model::Every::Month]);
    }

    #[test]
    fn a_rubrics_points_column_gives_each_row_its_points() {
        let d = one_row_table(
            ["序号", "考核内容", "分值"],
            ["1", "落实权责清单制度", "10"],
            None,
            DocKind::Rules,
            2024,
        );
        let got = extract(&d);
        let m = &got[0].metrics[0];
        assert_eq!((m.value, m.unit.as_str()), (10.0, "分"));
        assert_eq!(m.indicator, "落实权责清单制度分值");
    }

    #[test]
    fn items_of_a_problem_section_are_no_obligations() {
        let d = doc(
            "一、工作成效\n（一）完成立法。\n二、存在的问题\n（一）执法不规范。\n三、下一步工作\n（一）加强执法。\n",
            DocKind::Report,
            Some(2020),
            vec![],
        );
        let got: Vec<(String, ObligationKind)> = extract(&d)
            .into_iter()
            .map(|o| (o.heading, o.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("完成立法".to_string(), ObligationKind::Achievement),
                ("加强执法".to_string(), ObligationKind::Task)
            ]
        );
    }

    /// A report whose plan part opens later reviews the year in every section before it: a
    /// numbered plan heading (`八、2020年…工作计划`) or an unnumbered one (`2023年主要工作`) marks
    /// it; a section between that looks ahead (`二、“十三五”发展的主要思路`) is no review.
    #[test]
    fn a_reports_sections_before_its_plan_part_are_its_review() {
        let kinds = |text: &str| -> Vec<(String, ObligationKind)> {
            extract(&doc(text, DocKind::Report, Some(2019), vec![]))
                .into_iter()
                .map(|o| (o.label, o.kind))
                .collect()
        };
        use ObligationKind::{Achievement, Task};
        assert_eq!(
            kinds(
                "一、统筹推进法治政府建设\n完成了培训。\n二、推进放管服改革\n（一）审查文件28件。\n三、2020年法治政府建设工作计划\n（一）推进依法行政。\n"
            ),
            [
                ("一、".to_string(), Achievement),
                ("(一)".to_string(), Achievement),
                ("(一)".to_string(), Task)
            ]
        );
        assert_eq!(
            kinds(
                "2018年工作回顾\n一、疫情防住\n完成了防控。\n二、经济稳住\n增长3.3%。\n2019年主要工作\n一、推动高质量发展\n加快转型。\n"
            ),
            [
                ("一、".to_string(), Achievement),
                ("二、".to_string(), Achievement),
                ("一、".to_string(), Task)
            ]
        );
        assert_eq!(
            kinds(
                "一、2018年工作回顾\n完成了任务。\n二、“十三五”发展的主要思路\n坚持创新发展。\n三、2019年主要工作\n（一）推动发展。\n"
            )[1],
            ("二、".to_string(), Task)
        );
        assert_eq!(
            kinds(
                "一、2019年工作回顾\n完成了任务。\n二、站在新起点，科学主动谋划未来、全面推进振兴发展\n打造千亿片区。\n三、2020年主要工作\n（一）推动发展。\n"
            )[1],
            ("二、".to_string(), Task)
        );
    }

    /// A list of conditions opened in the last sentence of an article's lead (`…应当具备以下条件：`)
    /// holds provisions, not duties, as one opened in its first does.
    #[test]
    fn conditions_opened_late_in_a_lead_are_principles() {
        let d = doc(
            "第十条 长者饭堂原则上应委托专业服务机构运营管理。运营机构应当具备以下条件：\n（一）具有独立法人资格；\n（二）具有相应的服务能力。\n第十一条 区民政部门应当加强监督检查。\n",
            DocKind::Rules,
            Some(2024),
            vec![],
        );
        let got: Vec<(String, ObligationKind)> =
            extract(&d).into_iter().map(|o| (o.label, o.kind)).collect();
        assert_eq!(
            got,
            [
                ("(一)".to_string(), ObligationKind::Principle),
                ("(二)".to_string(), ObligationKind::Principle),
                ("第十一条".to_string(), ObligationKind::Task)
            ]
        );
        // What standards grant (`可按以下标准享受租金优惠：`) is no list of conditions.
        let d = doc(
            "第十四条 社会力量承租非住宅房产用于养老服务。开展基本养老服务的，可按以下标准享受租金优惠：\n（一）承租公有房产的，租金标准按50%计算；\n（二）承租国企房产的，按75%计算。\n",
            DocKind::Rules,
            Some(2022),
            vec![],
        );
        assert!(extract(&d).iter().all(|o| o.kind == ObligationKind::Task));
    }

    /// A department's report names the year it reviews in its first section's heading and the
    /// year it plans in a later one (`一、2022年主要工作` … `二、2023年工作计划`): the earlier year's
    /// items are its review, whatever words its heading uses.
    #[test]
    fn a_section_on_a_year_before_the_planned_one_is_a_review() {
        let d = doc(
            "一、2022年主要工作\n（一）深化国企改革。完成改革三年行动任务。\n二、2023年工作计划\n（一）推动国企改革。加快整合。\n",
            DocKind::Report,
            Some(2022),
            vec![],
        );
        let got: Vec<ObligationKind> = extract(&d).into_iter().map(|o| o.kind).collect();
        assert_eq!(got, [ObligationKind::Achievement, ObligationKind::Task]);
    }

    /// Only a section that states problems holds no obligations: an item that acts on them, or
    /// whose sentence goes on past them, is work like any other.
    #[test]
    fn items_that_tackle_problems_are_obligations() {
        let d = doc(
            "一、重点任务\n（一）建立月例会制度，定期协调解决存在的问题；\n（二）针对存在问题，制定整改方案。\n（三）县级以上人民政府发现下级存在问题的，应当督促整改。\n（四）认真查找工作中的差距和不足。\n二、存在的问题\n（一）执法不规范。\n三、工作中存在的困难和问题\n（一）人员不足。\n",
            DocKind::AnnualPlan,
            Some(2024),
            vec![],
        );
        let got: Vec<String> = extract(&d).into_iter().map(|o| o.label).collect();
        assert_eq!(got, ["(一)", "(二)", "(三)", "(四)"]);
    }

    #[test]
    fn obligation_ids_are_the_label_path_and_repeat_with_a_counter() {
        let d = doc("一、任务\n1.甲。\n1.乙。\n", DocKind::Plan, None, vec![]);
        let ids: Vec<String> = extract(&d).into_iter().map(|o| o.id).collect();
        assert_eq!(ids, ["file:t.txt#一、/1.", "file:t.txt#一、/1.~2"]);
    }
}
