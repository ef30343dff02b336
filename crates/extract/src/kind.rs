//! The kind of an obligation, from the section it stands in and the table it is a row of.
//!
//! - rows of a scoring rubric are `scoring`, rows of a target table `target`;
//! - items under 指导思想/总体要求/基本原则 are `principle`;
//! - items of a review section (`主要举措和成效`, `工作回顾`), or of a report outside its
//!   plans for the coming year, are `achievement`;
//! - everything else is a `task`.
//!
//! [`is_problem_section`] names the sections (`存在的问题`, `不足`) whose items are no
//! obligations at all.

use crate::outline::TableKind;
use crate::words::WordList;
use duban_model::{DocKind, ObligationKind};
use std::sync::LazyLock;

const PRINCIPLE: &[&str] = &[
    "指导思想",
    "总体要求",
    "基本原则",
    "工作原则",
    "总体思路",
    "遵循原则",
];
const REVIEW: &[&str] = &[
    "举措和成效",
    "主要成效",
    "工作成效",
    "取得的成效",
    "取得的成绩",
    "主要成绩",
    "发展成就",
    "取得的成就",
    "工作回顾",
    "回顾",
    "主要做法",
    "工作情况",
    "进展情况",
    "完成情况",
    "发展基础",
    "主要工作和成效",
    "工作进展",
];
const PLAN: &[&str] = &[
    "下一年度",
    "下一步",
    "明年",
    "今后",
    "工作安排",
    "主要安排",
    "工作打算",
    "工作思路",
    "主要任务",
    "重点任务",
    "重点工作",
    "目标任务",
    "工作重点",
    "工作建议",
    "努力方向",
    "工作部署",
    "主要目标",
    "总体部署",
    "建议",
    "今年",
    "主要工作",
    "工作任务",
];
const PROBLEM: &[&str] = &[
    "存在的问题",
    "存在问题",
    "存在的不足",
    "不足和原因",
    "问题和不足",
    "差距和不足",
    "困难和问题",
    "问题和困难",
    "困难和挑战",
    "问题和挑战",
    "主要问题",
];

/// Whether a heading introduces problems or shortcomings, whose items assign no work.
///
/// ```
/// assert!(duban_extract::kind::is_problem_section("二、存在的不足和原因"));
/// assert!(!duban_extract::kind::is_problem_section("三、主要任务"));
/// ```
pub fn is_problem_section(heading: &str) -> bool {
    static PROBLEMS: LazyLock<WordList> = LazyLock::new(|| WordList::new(PROBLEM.iter().copied()));
    PROBLEMS.found_in(heading)
}

/// Whether a heading opens a glossary (`名词解释`, `注释`), whose numbered entries explain words
/// and assign no work.
///
/// ```
/// assert!(duban_extract::kind::is_glossary("《政府工作报告》名词解释"));
/// assert!(!duban_extract::kind::is_glossary("二、加强解释工作"));
/// ```
pub fn is_glossary(heading: &str) -> bool {
    static GLOSSARY: LazyLock<WordList> = LazyLock::new(|| {
        WordList::new(["名词解释", "名词注释", "词语解释", "注释", "注解", "释义"])
    });
    GLOSSARY.found_in(heading)
}

/// Where an item stands, as far as its kind is concerned.
#[derive(Debug, Clone, Copy)]
pub struct Placement<'a> {
    /// The item's own heading.
    pub heading: &'a str,
    /// Its ancestors' path elements, root first.
    pub ancestors: &'a [String],
    /// The table it is a row of.
    pub table: Option<TableKind>,
    /// The document's kind.
    pub doc_kind: DocKind,
    /// Whether it stands in the document's opening section: a report reviews the past year
    /// there (`一、2020年工作回顾`) before it plans the next.
    pub opening_section: bool,
}

/// The kind of an item from where it stands.
pub fn kind_of(at: Placement<'_>) -> ObligationKind {
    match at.table {
        Some(TableKind::Scoring) => return ObligationKind::Scoring,
        Some(TableKind::Target) => return ObligationKind::Target,
        _ => {}
    }
    let any = |words: &[&str], s: &str| words.iter().any(|w| s.contains(w));
    if any(PRINCIPLE, at.heading)
        || at.ancestors.iter().any(|a| any(PRINCIPLE, a))
            && !any(&["任务", "目标", "措施"], at.heading)
    {
        return ObligationKind::Principle;
    }
    // The nearest section that tells review from plan decides; a review's heading may name
    // the work it reviews (`主要工作回顾`), so review words are read first.
    for a in at.ancestors.iter().rev() {
        if any(REVIEW, a) {
            return ObligationKind::Achievement;
        }
        if any(PLAN, a) {
            return ObligationKind::Task;
        }
    }
    if at.doc_kind == DocKind::Report && at.table.is_none() && at.opening_section {
        return ObligationKind::Achievement;
    }
    ObligationKind::Task
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(own: &str, anc: &[&str], table: Option<TableKind>, doc: DocKind) -> ObligationKind {
        kind_of(Placement {
            heading: own,
            ancestors: &anc.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            table,
            doc_kind: doc,
            opening_section: true,
        })
    }

    #[test]
    fn a_reports_later_sections_without_review_words_are_tasks() {
        let anc = ["三、着力提升政府服务能力".to_string()];
        let at = Placement {
            heading: "提升治理能力",
            ancestors: &anc,
            table: None,
            doc_kind: DocKind::Report,
            opening_section: false,
        };
        assert_eq!(kind_of(at), ObligationKind::Task);
        assert_eq!(
            kind_of(Placement {
                opening_section: true,
                ..at
            }),
            ObligationKind::Achievement
        );
    }

    #[test]
    fn a_review_of_the_main_work_is_a_review() {
        assert_eq!(
            k(
                "经济平稳增长",
                &["一、2002年主要工作回顾"],
                None,
                DocKind::Report
            ),
            ObligationKind::Achievement
        );
        assert_eq!(
            k("扩大出口", &["二、2003年的主要工作"], None, DocKind::Report),
            ObligationKind::Task
        );
    }
    #[test]
    fn rows_of_a_rubric_are_scoring() {
        assert_eq!(
            k(
                "依法决策(10分)",
                &["附件3 考核评分细则"],
                Some(TableKind::Scoring),
                DocKind::AnnualPlan
            ),
            ObligationKind::Scoring
        );
    }

    #[test]
    fn guiding_thought_items_are_principles() {
        assert_eq!(
            k(
                "指导思想",
                &["一、指导思想和总体要求"],
                None,
                DocKind::ImplementationPlan
            ),
            ObligationKind::Principle
        );
    }

    #[test]
    fn items_of_a_reports_review_are_achievements() {
        assert_eq!(
            k(
                "加强统筹部署",
                &["一、主要举措和成效", "(一)坚持党的领导"],
                None,
                DocKind::Report
            ),
            ObligationKind::Achievement
        );
    }

    #[test]
    fn a_reports_plans_for_next_year_are_tasks() {
        assert_eq!(
            k(
                "持续优化营商环境",
                &["三、下一年度推进法治政府建设的主要安排"],
                None,
                DocKind::Report
            ),
            ObligationKind::Task
        );
    }

    #[test]
    fn a_plans_items_are_tasks() {
        assert_eq!(
            k("健全决策机制", &["二、主要任务"], None, DocKind::Plan),
            ObligationKind::Task
        );
    }
}
