//! A fixed set of queries with the results expected on top, over a small index of records
//! written for it (not extracted, so the expectations do not move with the extractor): phrase
//! hits above scattered ones, the whole word in snippets, titles and headings ranking their
//! records higher, and queries in other forms finding what the indexed forms find.

use duban_index::{ObligationIndex, SearchIndex, SearchRequest, Target};
use duban_model::{Document, Obligation};

/// An obligation of a fixture: (heading, text).
type Item = (&'static str, &'static str);

/// The records: (document, title, its obligations).
const RECORDS: &[(&str, &str, &[Item])] = &[
    (
        "plan",
        "某市2024年国民经济和社会发展计划",
        &[
            (
                "一、主要预期目标",
                "全年城镇新增就业12万人以上，城镇调查失业率控制在5.5%左右。",
            ),
            (
                "二、重点任务",
                "新增就业岗位优先面向城镇困难家庭，稳定就业基本盘。",
            ),
        ],
    ),
    (
        "report",
        "某市2023年政府工作报告",
        &[
            ("一、过去一年工作回顾", GDP_TEXT),
            (
                "二、今年工作安排",
                "积极对接RCEP经贸规则，推动经济持续回升向好。",
            ),
            (
                "三、法治政府建设",
                "行政机关负责人出庭应诉率达到96.6%，行政复议纠错率明显下降。",
            ),
        ],
    ),
    (
        "open",
        "关于推进政务公开工作的通知",
        &[("", "各部门要按照规定做好政务公开，接受社会监督。")],
    ),
    (
        "audit",
        "关于加强审计监督工作的通知",
        &[("", "各部门要按照规定做好政务公开，接受社会监督。")],
    ),
];

/// A review paragraph that names 国内 four times before its one 国内生产总值, far enough on that
/// a snippet cannot show both ends.
const GDP_TEXT: &str = "面对国内外复杂形势，国内需求恢复偏慢，国内市场竞争加剧，我们统筹国内国际两个大局，\
    坚持稳中求进工作总基调，全力稳增长、调结构、惠民生、防风险，做好重点项目建设、产业转型升级、\
    城乡融合发展、生态环境保护和民生保障等各项工作，推动全市经济社会发展取得新成效。\
    一年来，我们扎实推进营商环境优化提升行动，深化“放管服”改革，政务服务事项全部实现网上可办，\
    市场主体总量持续增长，科技创新能力不断增强，城市功能品质稳步提升，社会事业全面进步。\
    据初步核算，全年实现地区生产总值5200亿元，占国内生产总值的比重稳步提高，经济运行总体平稳。";

/// The fixed queries: (query, target, the ids expected first, in order).
const EXPECTED: &[(&str, Target, &[&str])] = &[
    // The phrase above the words scattered in a shorter text.
    (
        "城镇新增就业",
        Target::Obligations,
        &["file:plan#1.", "file:plan#2."],
    ),
    ("国内生产总值", Target::Obligations, &["file:report#1."]),
    // The title's word first; their texts are the same.
    ("政务公开", Target::Documents, &["file:open", "file:audit"]),
    (
        "政务公开",
        Target::Obligations,
        &["file:open#1.", "file:audit#1."],
    ),
];

/// Queries that must find exactly what another form finds: (typed, indexed form).
const SAME_AS: &[(&str, &str)] = &[
    ("經濟", "经济"),
    ("ＲＣＥＰ", "rcep"),
    ("96.6", "96.6%"),
    ("出庭應訴率", "出庭应诉率"),
];

fn index() -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = ObligationIndex::open(dir.path()).unwrap();
    let (sample_doc, sample_obligations) = duban_testkit::sample::records().remove(0);
    // Written in reverse so that ties would list the records the other way round.
    for (name, title, items) in RECORDS.iter().rev() {
        let mut doc: Document = sample_doc.clone();
        doc.id = format!("file:{name}");
        doc.title = Some((*title).into());
        doc.text = items
            .iter()
            .map(|(h, t)| format!("{h}\n{t}"))
            .collect::<Vec<_>>()
            .join("\n");
        let obligations: Vec<Obligation> = items
            .iter()
            .enumerate()
            .rev()
            .map(|(i, (heading, text))| {
                let mut o = sample_obligations[0].clone();
                o.id = format!("{}#{}.", doc.id, i + 1);
                o.doc_id = doc.id.clone();
                o.label = format!("{}.", i + 1);
                o.heading = (*heading).into();
                o.text = (*text).into();
                o.metrics.clear();
                o.deadlines.clear();
                o.bodies.clear();
                o
            })
            .collect();
        writer.upsert(&doc, &obligations).unwrap();
    }
    writer.commit().unwrap();
    let reader = SearchIndex::open(dir.path()).unwrap();
    (dir, reader)
}

fn ids(index: &SearchIndex, query: &str, target: Target) -> Vec<String> {
    let mut req = SearchRequest::new(query);
    req.target = target;
    req.limit = 100;
    index
        .search(&req)
        .unwrap()
        .hits
        .into_iter()
        .map(|h| h.id)
        .collect()
}

#[test]
fn the_fixed_queries_put_the_expected_results_on_top() {
    let (_dir, index) = index();
    for (query, target, expected) in EXPECTED {
        let found = ids(&index, query, *target);
        assert_eq!(
            &found[..expected.len().min(found.len())],
            *expected,
            "{query} ({target:?})"
        );
    }
}

#[test]
fn a_snippet_shows_the_whole_word_over_many_matches_of_its_part() {
    let (_dir, index) = index();
    let hit = index
        .search(&SearchRequest::new("国内生产总值"))
        .unwrap()
        .hits
        .remove(0);
    assert!(
        hit.snippet
            .parts
            .iter()
            .any(|p| p.highlight && p.text == "国内生产总值"),
        "{:?}",
        hit.snippet
    );
}

#[test]
fn traditional_full_width_and_bare_number_queries_find_what_the_indexed_forms_find() {
    let (_dir, index) = index();
    for (typed, indexed) in SAME_AS {
        let expected = ids(&index, indexed, Target::Obligations);
        assert!(!expected.is_empty(), "{indexed}");
        assert_eq!(ids(&index, typed, Target::Obligations), expected, "{typed}");
    }
}
