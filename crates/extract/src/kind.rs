//! The kind of an obligation, from the section it stands in and the table it is a row of.
//!
//! - rows of a scoring rubric are `scoring`, rows of a target table `target`;
//! - items headed as a plan's goals (`主要目标`, `年度目标`) are `target`;
//! - items under 指导思想/总体要求/基本原则 are `principle`, and so are a regulation's
//!   provisions that assign no work: its purpose, definitions, scope and date of effect, and
//!   lists of conditions (`有下列情形之一的`);
//! - items of a review section (`主要举措和成效`, `工作回顾`), or of a report outside its
//!   plans for the coming year, are `achievement`;
//! - everything else is a `task`.
//!
//! [`is_problem_section`] names the sections (`存在的问题`, `不足`) whose items are no
//! obligations at all.
//!
//! The section words are data: `corpora/lexicon/sections.tsv`, read through `duban-lexicon`,
//! and so are the genres a regulation calls itself by (`本办法`, `genres.tsv`). The forms of
//! provisions and condition headings around them are rules, and stay patterns here.

use crate::outline::TableKind;
use duban_lexicon::{Genre, Section, genres, sections};
use duban_model::{DocKind, ObligationKind};
use regex::Regex;
use std::sync::LazyLock;

/// Whether a heading introduces problems or shortcomings, whose items assign no work.
///
/// ```
/// assert!(duban_extract::kind::is_problem_section("二、存在的不足和原因"));
/// assert!(!duban_extract::kind::is_problem_section("三、主要任务"));
/// assert!(duban_extract::kind::is_problem_section("二、工作中的不足"));
/// assert!(duban_extract::kind::is_problem_section("三、问题与不足"));
/// assert!(duban_extract::kind::is_problem_section("存在问题回顾今年以来的工作，虽然取得了一些成绩"));
/// assert!(!duban_extract::kind::is_problem_section("一是建立月例会制度，定期协调解决存在的问题"));
/// assert!(!duban_extract::kind::is_problem_section("县级以上人民政府发现下级存在问题的，应当督促整改"));
/// assert!(!duban_extract::kind::is_problem_section("财务管理混乱、经费收支明显存在问题或经费不足以开展正常业务活动的；"));
/// ```
pub fn is_problem_section(heading: &str) -> bool {
    let Some((at, word)) = sections()
        .of(Section::Problem)
        .iter()
        .filter_map(|w| heading.find(w).map(|at| (at, *w)))
        .min()
    else {
        return false;
    };
    // A case of a list of conditions ends in `的` (`财务管理混乱、经费收支明显存在问题或经费不足
    // 以开展正常业务活动的；`): the problem is the case's, no section's title.
    if heading
        .trim_end_matches([';', '；', '。', ':', '：', ' '])
        .ends_with('的')
        && at > 0
    {
        return false;
    }
    // A heading opening with the problems is a section's title, whatever a page that lost its
    // line breaks runs on into it (`存在问题回顾今年以来的工作，虽然…`).
    if at == 0 {
        return true;
    }
    // A sentence that goes on past the problems (`县级以上人民政府发现下级存在问题的，应当督促
    // 整改`, `针对存在问题，制定整改方案`) assigns work on them; a section's title ends there.
    let after = &heading[at + word.len()..];
    if after.starts_with('的') || after.contains(['，', ',']) {
        return false;
    }
    !acts_on_problems(&heading[..at])
}

/// Verbs that state problems rather than act on them: `存在的问题`, `面临的困难和挑战`,
/// `审计发现的主要问题`.
const STATING: [&str; 8] = [
    "存在", "面临", "遇到", "出现", "暴露", "发现", "反映", "看到",
];

/// Whether the words before a problem phrase act on the problems (`定期协调解决存在的问题`,
/// `聚焦整改存在问题`, `针对…主要问题`, `认真查找工作中的差距和不足`): the heading names work to
/// be done, not a section stating problems.
fn acts_on_problems(before: &str) -> bool {
    duban_segment::Segmenter::shared()
        .tag(before)
        .iter()
        .any(|w| {
            let verb = w.tag.starts_with('v') && w.tag != "vn" && !STATING.contains(&w.word);
            verb || w.tag == "p" && matches!(w.word, "针对" | "对" | "就")
        })
}

/// Whether a heading opens a glossary (`名词解释`, `注释`), whose numbered entries explain words
/// and assign no work.
///
/// ```
/// assert!(duban_extract::kind::is_glossary("《政府工作报告》名词解释"));
/// assert!(!duban_extract::kind::is_glossary("二、加强解释工作"));
/// ```
pub fn is_glossary(heading: &str) -> bool {
    sections().list(Section::Glossary).found_in(heading)
}

/// Where an item stands, as far as its kind is concerned.
#[derive(Debug, Clone, Copy)]
pub struct Placement<'a> {
    /// The item's own heading.
    pub heading: &'a str,
    /// Its ancestors' path elements, root first.
    pub ancestors: &'a [String],
    /// Whether its parent's own text before its first child opens a list of conditions in its
    /// last sentence (`…长者饭堂的运营机构应当具备以下条件：`, [`opens_conditions`]).
    pub under_conditions: bool,
    /// The table it is a row of.
    pub table: Option<TableKind>,
    /// The document's kind.
    pub doc_kind: DocKind,
    /// Whether it stands in the document's opening section: a report reviews the past year
    /// there (`一、2020年工作回顾`) before it plans the next.
    pub opening_section: bool,
    /// Whether it stands in a report's section on a year before the one a later section
    /// plans (`一、2022年主要工作` before `三、2023年工作计划`).
    pub reviewed_year: bool,
    /// The item's text (its first words tell a provision from a duty).
    pub text: &'a str,
}

/// A heading that states the goals of a plan: `主要目标`, `2019年年度目标`, `目标`.
static GOALS: LazyLock<Regex> = LazyLock::new(|| {
    let goals = sections().pattern(&[Section::Goals, Section::GoalsAlone]);
    // A time may qualify the goals (`2012年的主要目标`, `今后五年的主要目标`, `“十四五”时期主要目标`).
    Regex::new(&format!(
        r"^(?:(?:(?:19|20)\d{{2}}年|今后[一二三四五六七八九十]年|今年|明年|“?十[一二三四五六]五”?(?:时期|期间)?)的?)?{goals}$"
    ))
    .expect("goals pattern compiles")
});

/// A goals heading run on into its text where the page lost the line break
/// (`总体目标决战决胜改革三年行动，…`), unless the words after it name tasks (`主要目标任务`).
static GOALS_RUN_ON: LazyLock<Regex> = LazyLock::new(|| {
    let goals = sections().pattern(&[Section::Goals]);
    Regex::new(&format!(
        r"^(?:(?:19|20)\d{{2}}年)?{goals}(?:[^任责考管分\P{{Han}}]|$)"
    ))
    .expect("goals pattern compiles")
});

/// What a notice or decision calls itself in its closing provisions (`本通知自印发之日起施行`),
/// beside the genres of `genres.tsv` that name a kind (`本办法`, `本方案`).
pub(crate) const NOTICE_SELF_NAMES: [&str; 2] = ["通知", "决定"];

/// The opening of a provision that assigns no work: the purpose of the rules
/// (`为规范…，制定本办法`), a definition (`本办法所称…是指`), the scope (`适用于`), a division into
/// classes (`…分为…`), the date it takes effect (`本办法自…起施行`), and a provision that is
/// its principles alone (`公共数据管理应当遵循统筹管理、安全可控的原则。`). An article may caption
/// itself in brackets first (`（目的和依据）为了…，制定本办法`).
/// The genres a document calls itself by are `genres.tsv`'s `self-name` words.
static PROVISION: LazyLock<Regex> = LazyLock::new(|| {
    let names = format!(
        "(?:{}|{})",
        genres().pattern(&[Genre::SelfName]),
        NOTICE_SELF_NAMES.join("|")
    );
    Regex::new(&format!(r"^(?:\([^()]{{1,12}}\)\s*)?(?:为[^。]{{0,300}}?(?:制定|制订)本|[^。]{{0,30}}?本{names}(?:所称|中的|适用于|自|由)|[^。]{{0,120}}?适用本{names}。?$|[^。]{{0,40}}?(?:是指|适用本|分为[^。]{{0,10}}(?:类|型|种|级))|[^。，]{{0,30}}?应当?遵循[^。]{{0,80}}?原则。?$)"))
        .expect("provision pattern compiles")
});

/// The points an item of a rubric gives, in brackets: `（5分）`, `(10分)`.
static POINTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[(]\s*\d+(?:\.\d+)?\s*分\s*[)]").expect("points pattern compiles")
});

/// A heading that introduces a list of conditions or criteria: `有下列情形之一的`,
/// `有下列行为之一的` (a sanction's cases), `应当符合以下条件`.
static CONDITIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:下列|以下)(?:情形|条件|要求|情况|标准|行为)(?:之一)?(?:的)?[:：,，]?")
        .expect("conditions pattern compiles")
});

/// Whether an item headed on a line of its own opens with a definition and goes on to assign
/// duties (`明确工作职责⏎本意见所称政务新媒体，是指…。主管单位负责推进…，行业主管部门要加强…`):
/// the definition frames work, the item is a task.
fn duties_after_a_definition(lead: &str) -> bool {
    let Some((heading, body)) = lead.split_once('\n') else {
        return false;
    };
    static DUTY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:负责|要|应当|必须)(?:推进|加强|做好|落实|建立|组织|指导|统筹|开展|督促)")
            .expect("duty pattern compiles")
    });
    !heading.contains('本')
        && body
            .split_once('。')
            .is_some_and(|(_, rest)| DUTY.is_match(rest))
}

/// Whether an item's own text (a heading's lead before its first child) ends in a sentence that
/// opens a list of conditions (`…运营机构应当具备以下条件：`).
pub fn opens_conditions(lead: &str) -> bool {
    let lead = lead.trim_end();
    if !lead.ends_with(['：', ':']) {
        return false;
    }
    let last = lead
        .trim_end_matches(['：', ':'])
        .rsplit(['。', '；', ';', '\n'])
        .next()
        .unwrap_or("");
    // Conditions and cases only: `可按以下标准享受租金优惠：` lists what is granted.
    static LATE_CONDITIONS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:下列|以下)(?:情形|条件|行为)(?:之一)?(?:的)?$")
            .expect("conditions pattern compiles")
    });
    LATE_CONDITIONS.is_match(&crate::fold::fold(last))
}

/// The kind of an item from where it stands.
pub fn kind_of(at: Placement<'_>) -> ObligationKind {
    match at.table {
        Some(TableKind::Scoring) => return ObligationKind::Scoring,
        Some(TableKind::Target) => return ObligationKind::Target,
        _ => {}
    }
    // A rubric printed as numbered items: each gives its points (`1.成立领导小组（5分）`).
    if at.doc_kind == DocKind::Rules
        && POINTS.is_match(&crate::fold::fold(crate::fold::first_chars(at.text, 80)))
    {
        return ObligationKind::Scoring;
    }
    let words = sections();
    let any = |role: Section, s: &str| words.list(role).found_in(s);
    if GOALS.is_match(at.heading.trim()) || GOALS_RUN_ON.is_match(at.heading.trim()) {
        return ObligationKind::Target;
    }
    // A regulation's provisions and its lists of conditions assign no work.
    let lead = crate::fold::fold(crate::fold::first_chars(at.text, 320));
    if at.ancestors.iter().any(|a| {
        let a: String = a.chars().filter(|c| !c.is_whitespace()).collect();
        CONDITIONS.is_match(&a)
    }) || at.under_conditions
        || PROVISION.is_match(&lead) && !duties_after_a_definition(&lead)
    {
        return ObligationKind::Principle;
    }
    if any(Section::Principle, at.heading)
        || at.ancestors.iter().any(|a| any(Section::Principle, a))
            && !any(Section::Work, at.heading)
    {
        return ObligationKind::Principle;
    }
    if at.doc_kind == DocKind::Report && at.reviewed_year {
        return ObligationKind::Achievement;
    }
    // The nearest section that tells review from plan decides; a review's heading may name
    // the work it reviews (`主要工作回顾`), so review words are read first.
    for a in at.ancestors.iter().rev() {
        if any(Section::Review, a) {
            return ObligationKind::Achievement;
        }
        if any(Section::Plan, a) {
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
            under_conditions: false,
            ancestors: &anc.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            table,
            doc_kind: doc,
            opening_section: true,
            reviewed_year: false,
            text: own,
        })
    }

    #[test]
    fn a_reports_later_sections_without_review_words_are_tasks() {
        let anc = ["三、着力提升政府服务能力".to_string()];
        let at = Placement {
            heading: "提升治理能力",
            under_conditions: false,
            ancestors: &anc,
            table: None,
            doc_kind: DocKind::Report,
            opening_section: false,
            reviewed_year: false,
            text: "提升治理能力",
        };
        assert_eq!(kind_of(at), ObligationKind::Task);
        assert_eq!(
            kind_of(Placement {
                opening_section: true,
                reviewed_year: false,
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

    /// The numbered items of a rubric that give points are scoring; a rule's items without
    /// points are not.
    #[test]
    fn numbered_items_of_a_rubric_with_points_are_scoring() {
        let at = |text: &'static str| Placement {
            heading: "成立法治政府建设领导小组",
            under_conditions: false,
            ancestors: &[],
            table: None,
            doc_kind: DocKind::Rules,
            opening_section: false,
            reviewed_year: false,
            text,
        };
        assert_eq!(
            kind_of(at("成立法治政府建设领导小组（5分）。未成立的扣5分。")),
            ObligationKind::Scoring
        );
        assert_ne!(
            kind_of(at("成立法治政府建设领导小组，负责统筹协调。")),
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

    /// An item headed as the plan's goals is a target, even under 总体要求.
    #[test]
    fn an_item_headed_as_goals_is_a_target() {
        for heading in [
            "主要目标",
            "发展目标",
            "2019年年度目标",
            "目标",
            "总体目标决战决胜三年行动，确保完成任务",
            "任务目标到2020年，贫困人口全部纳入基本医疗保险",
            "建设目标",
            // A time may qualify them.
            "2012年的主要目标",
            "今后五年的主要目标",
            "“十四五”时期主要目标",
        ] {
            assert_eq!(
                k(heading, &["一、总体要求"], None, DocKind::Opinion),
                ObligationKind::Target,
                "{heading}"
            );
        }
        assert_eq!(
            k("目标任务分解", &["二、主要任务"], None, DocKind::Plan),
            ObligationKind::Task
        );
    }

    /// An item headed on a line of its own that opens with a definition and goes on to assign
    /// duties is a task: the definition frames the work.
    #[test]
    fn a_definition_framing_duties_leaves_an_item_a_task() {
        let at = |text: &'static str| Placement {
            heading: "明确工作职责",
            under_conditions: false,
            ancestors: &[],
            table: None,
            doc_kind: DocKind::Opinion,
            opening_section: false,
            reviewed_year: false,
            text,
        };
        assert_eq!(
            kind_of(at(
                "明确工作职责\n本意见所称政务新媒体，是指各级行政机关开设的账号。主管单位负责推进政务新媒体建设，行业主管部门要加强指导。"
            )),
            ObligationKind::Task
        );
        assert_eq!(
            kind_of(at("本办法所称服务对象，是指居住在本市的老年人。")),
            ObligationKind::Principle
        );
    }

    /// A regulation's purpose, definitions, scope and date of effect are provisions.
    #[test]
    fn provisions_of_a_regulation_are_principles() {
        for text in [
            "为了规范本市养老服务工作，根据有关法规，结合本市实际，制定本办法。",
            "本办法所称服务对象，是指居住在本市的老年人。",
            "临时救助对象根据困难类型分为支出型和急难型两类。",
            "本细则自印发之日起施行，有效期5年。",
            // A plan calls itself by its genre too (`genres.tsv`, `self-name`).
            "本规划由市发展改革委负责解释，自印发之日起实施。",
            // A notice names itself in its closing provision (`八、其他事宜`).
            "其他事宜\n本通知自印发之日起施行，有效期5年。",
            // An article may caption itself in brackets; principles alone are a provision.
            "(目的和依据)为了推进新片区建设，制定本办法。",
            "公共数据管理应当遵循统筹管理、充分利用、安全可控的原则。",
            // A scope, however long the class it names.
            "本市行政区域内从事生产经营活动的单位（以下统称生产经营单位）落实安全生产主体责任，适用本规定。",
        ] {
            let at = Placement {
                heading: "",
                under_conditions: false,
                ancestors: &[],
                table: None,
                doc_kind: DocKind::Rules,
                opening_section: false,
                reviewed_year: false,
                text,
            };
            assert_eq!(kind_of(at), ObligationKind::Principle, "{text}");
        }
    }

    /// The items of a list of conditions assign no work.
    #[test]
    fn lists_of_conditions_are_principles() {
        assert_eq!(
            k(
                "分散供养特困人员",
                &[
                    "第二十四条符合以下情形之一的服务对象可申请服务资助",
                    "(一)第一类对象"
                ],
                None,
                DocKind::Rules
            ),
            ObligationKind::Principle
        );
        // A sanction's cases too.
        assert_eq!(
            k(
                "虚报服务项目或者服务时间的；",
                &["第二十八条定点服务机构有下列行为之一的，由区民政局责令限期改正"],
                None,
                DocKind::Rules
            ),
            ObligationKind::Principle
        );
    }

    /// A report's `工作总结` section reviews; its `工作计划` plans.
    #[test]
    fn a_work_summary_reviews_and_a_work_plan_plans() {
        assert_eq!(
            k(
                "推进项目建设",
                &["一、2022年工作总结"],
                None,
                DocKind::Report
            ),
            ObligationKind::Achievement
        );
        assert_eq!(
            k(
                "推进项目建设",
                &["三、2023年工作计划"],
                None,
                DocKind::Report
            ),
            ObligationKind::Task
        );
    }
}
