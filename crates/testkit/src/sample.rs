//! A few hand-made documents with their obligations, for tests, benchmarks and demos.
//!
//! They are written for this crate (not taken from the seeds) and cover what search must get
//! right: a report with 出庭应诉率 results in 苏州市, district tasks that name 区政府法制办, a
//! bank name with a sub-word (中国农业发展银行), deadlines, metrics, several regions and kinds,
//! and text with HTML in it that a page must show as text.

use duban_model::{
    Body, Bound, Deadline, DocKind, Document, Metric, Obligation, ObligationKind, Op, Region, Role,
    Source,
};

/// A document with its obligations.
pub type SampleRecord = (Document, Vec<Obligation>);

fn region(code: &str, province: &str, city: &str, county: Option<&str>) -> Region {
    Region {
        code: code.into(),
        province: Some(province.into()),
        city: Some(city.into()),
        county: county.map(Into::into),
    }
}

fn document(
    path: &str,
    title: &str,
    region: Region,
    kind: DocKind,
    year: i32,
    items: &[&str],
) -> Document {
    Document {
        source: Source {
            url: None,
            path: Some(path.into()),
            sha256: duban_model::sha256_hex(title.as_bytes()),
            encoding: "UTF-8".into(),
            fetched_at: None,
        },
        title: Some(title.into()),
        region: Some(region),
        ..Document::from_text(
            format!("file:{path}"),
            kind,
            Some(year),
            format!("{title}\n{}", items.join("\n")),
        )
    }
}

/// The obligation of item `n` (1-based) of a document's items.
struct Item<'a> {
    kind: ObligationKind,
    deadlines: &'a [(&'a str, i32)],
    metrics: &'a [(&'a str, Op, f64, &'a str)],
    bodies: &'a [(&'a str, Role)],
}

fn obligations(doc: &Document, items: &[(&str, Item<'_>)]) -> Vec<Obligation> {
    let mut at = doc.title.as_deref().unwrap_or_default().chars().count() + 1;
    let mut out = Vec::new();
    for (n, (text, spec)) in items.iter().enumerate() {
        let len = text.chars().count();
        let label = format!("{}.", n + 1);
        out.push(Obligation {
            id: duban_model::obligation_id(&doc.id, &[&label], 1),
            doc_id: doc.id.clone(),
            label,
            path: Vec::new(),
            heading: text.split(['。', '，']).next().unwrap_or_default().into(),
            text: (*text).into(),
            kind: spec.kind,
            deadlines: spec
                .deadlines
                .iter()
                .map(|(t, y)| Deadline {
                    text: (*t).into(),
                    year: *y,
                    month: Some(12),
                    day: None,
                    bound: Bound::By,
                })
                .collect(),
            recurrences: Vec::new(),
            metrics: spec
                .metrics
                .iter()
                .map(|(indicator, op, value, unit)| Metric {
                    text: (*indicator).into(),
                    indicator: (*indicator).into(),
                    op: *op,
                    value: *value,
                    unit: (*unit).into(),
                })
                .collect(),
            bodies: spec
                .bodies
                .iter()
                .map(|(name, role)| Body {
                    name: (*name).into(),
                    role: *role,
                })
                .collect(),
            references: Vec::new(),
            span: [at, at + len],
            region: doc.region.clone(),
            doc_kind: doc.kind,
            year: doc.year,
        });
        at += len + 1;
    }
    out
}

fn record(
    path: &str,
    title: &str,
    region: Region,
    kind: DocKind,
    year: i32,
    items: &[(&str, Item<'_>)],
) -> SampleRecord {
    let texts: Vec<&str> = items.iter().map(|(t, _)| *t).collect();
    let doc = document(path, title, region, kind, year, &texts);
    let obligations = obligations(&doc, items);
    (doc, obligations)
}

/// The sample documents with their obligations.
#[expect(
    clippy::too_many_lines,
    reason = "a table of fixture records, one entry after another, read top to bottom"
)]
pub fn records() -> Vec<SampleRecord> {
    use ObligationKind::{Achievement, Task};
    let none_d: &[(&str, i32)] = &[];
    let none_m: &[(&str, Op, f64, &str)] = &[];
    let none_b: &[(&str, Role)] = &[];
    vec![
        record(
            "sample/suzhou-2021.txt",
            "苏州市2021年法治政府建设情况报告",
            region("320500", "江苏省", "苏州市", None),
            DocKind::Report,
            2021,
            &[
                (
                    "全市行政机关负责人出庭应诉率达到96.6%，较上年提高3个百分点。",
                    Item {
                        kind: Achievement,
                        deadlines: none_d,
                        metrics: &[("出庭应诉率", Op::Eq, 96.6, "%")],
                        bodies: none_b,
                    },
                ),
                (
                    "市政府部门负责人出庭应诉率为100%，实现应出尽出。",
                    Item {
                        kind: Achievement,
                        deadlines: none_d,
                        metrics: &[("出庭应诉率", Op::Eq, 100.0, "%")],
                        bodies: none_b,
                    },
                ),
                (
                    "全年办结行政复议案件1200件，纠错率明显下降。",
                    Item {
                        kind: Achievement,
                        deadlines: none_d,
                        metrics: &[("行政复议案件", Op::Eq, 1200.0, "件")],
                        bodies: none_b,
                    },
                ),
            ],
        ),
        record(
            "sample/zhaohua-2013.txt",
            "昭化区2013年依法行政工作要点",
            region("510811", "四川省", "广元市", Some("昭化区")),
            DocKind::AnnualPlan,
            2013,
            &[
                (
                    "规范性文件备案审查。由区政府法制办牵头，2013年6月底前完成全区规范性文件清理工作。",
                    Item {
                        kind: Task,
                        deadlines: &[("2013年6月底前", 2013)],
                        metrics: none_m,
                        bodies: &[("区政府法制办", Role::Lead)],
                    },
                ),
                (
                    "行政执法人员培训。区政府法制办负责组织全区行政执法人员法律知识培训，每年至少一次。",
                    Item {
                        kind: Task,
                        deadlines: none_d,
                        metrics: none_m,
                        bodies: &[("区政府法制办", Role::Actor)],
                    },
                ),
                (
                    "推进政务公开。区政府办牵头推进政府信息公开，到2015年底实现重点领域全覆盖。",
                    Item {
                        kind: Task,
                        deadlines: &[("到2015年底", 2015)],
                        metrics: none_m,
                        bodies: &[("区政府办", Role::Lead)],
                    },
                ),
            ],
        ),
        record(
            "sample/wuxi-2016.txt",
            "无锡市法治政府建设规划（2016—2020年）",
            region("320200", "江苏省", "无锡市", None),
            DocKind::Plan,
            2016,
            &[
                (
                    "支持中国农业发展银行等金融机构参与农村产权制度改革，到2020年完成改革任务。",
                    Item {
                        kind: Task,
                        deadlines: &[("到2020年", 2020)],
                        metrics: none_m,
                        bodies: &[("市金融办", Role::Lead)],
                    },
                ),
                (
                    "到2018年，行政机关负责人出庭应诉率不低于90%。",
                    Item {
                        kind: Task,
                        deadlines: &[("到2018年", 2018)],
                        metrics: &[("出庭应诉率", Op::Ge, 90.0, "%")],
                        bodies: none_b,
                    },
                ),
                (
                    "建立<b>重大行政决策</b>目录<script>alert(1)</script>制度，2017年底前公布。",
                    Item {
                        kind: Task,
                        deadlines: &[("2017年底前", 2017)],
                        metrics: none_m,
                        bodies: &[("市政府办公室", Role::Lead)],
                    },
                ),
            ],
        ),
        record(
            "sample/hangzhou-2019.txt",
            "杭州市关于加快法治政府建设的意见",
            region("330100", "浙江省", "杭州市", None),
            DocKind::Opinion,
            2019,
            &[(
                "加快法治政府建设，市司法局于2019年底前出台配套实施办法。",
                Item {
                    kind: Task,
                    deadlines: &[("2019年底前", 2019)],
                    metrics: none_m,
                    bodies: &[("市司法局", Role::Lead)],
                },
            )],
        ),
    ]
}
