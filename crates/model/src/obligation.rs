//! The obligation record of `obligations.jsonl` (spec §2) and its typed values.

use crate::document::{DocKind, Region};
use serde::{Deserialize, Serialize};

/// How a deadline bounds the work.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// Done by then: 前/以前/年底/到…/至…/截至.
    By,
    /// Within a plain year or month: `2015年`.
    In,
    /// Starting then: 自…起/从…开始.
    From,
}

impl Bound {
    /// Every value, in the spec's order.
    pub const ALL: [Bound; 3] = [Bound::By, Bound::In, Bound::From];

    /// The spec's name, as the JSON export spells it (`by`, `in`, `from`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Bound::By => "by",
            Bound::In => "in",
            Bound::From => "from",
        }
    }
}

/// An absolute time limit: `{"text": "至2012年底", "year": 2012, "month": 12, "day": null, "bound": "by"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deadline {
    /// The phrase as printed.
    pub text: String,
    /// Year.
    pub year: i32,
    /// Month, when given (年底 → 12).
    pub month: Option<u8>,
    /// Day, when given.
    pub day: Option<u8>,
    /// How it bounds the work.
    pub bound: Bound,
}

/// The period of a recurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Every {
    /// 每天/每日.
    Day,
    /// 每周.
    Week,
    /// 每月.
    Month,
    /// 每季度.
    Quarter,
    /// 每半年.
    HalfYear,
    /// 每年.
    Year,
    /// 每3年, 每隔2年 (with `n`).
    NYears,
}

impl Every {
    /// Every value, in the spec's order.
    pub const ALL: [Every; 7] = [
        Every::Day,
        Every::Week,
        Every::Month,
        Every::Quarter,
        Every::HalfYear,
        Every::Year,
        Every::NYears,
    ];

    /// The spec's name, as the JSON export spells it (`quarter`, `half_year`, `n_years` …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Every::Day => "day",
            Every::Week => "week",
            Every::Month => "month",
            Every::Quarter => "quarter",
            Every::HalfYear => "half_year",
            Every::Year => "year",
            Every::NYears => "n_years",
        }
    }
}

/// A repeating duty: `{"text": "每年至少召开一次会议", "every": "year", "times": 1}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recurrence {
    /// The phrase as printed.
    pub text: String,
    /// The period.
    pub every: Every,
    /// The number of years for [`Every::NYears`].
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub n: Option<u32>,
    /// How many times per period, when given.
    pub times: Option<u32>,
}

/// A metric's comparator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Op {
    /// At least: 达到…以上, 不低于, 不少于.
    #[serde(rename = ">=")]
    Ge,
    /// At most: 以下, 不超过, 控制在…以内.
    #[serde(rename = "<=")]
    Le,
    /// Exactly or about: 达到, 为, 约.
    #[serde(rename = "=")]
    Eq,
    /// A rise by the value: 增长, 提高.
    #[serde(rename = "increase")]
    Increase,
    /// A fall by the value: 减少, 下降.
    #[serde(rename = "decrease")]
    Decrease,
}

impl Op {
    /// Every value, in the spec's order.
    pub const ALL: [Op; 5] = [Op::Ge, Op::Le, Op::Eq, Op::Increase, Op::Decrease];

    /// The spec's name of the comparator.
    pub const fn as_str(self) -> &'static str {
        match self {
            Op::Ge => ">=",
            Op::Le => "<=",
            Op::Eq => "=",
            Op::Increase => "increase",
            Op::Decrease => "decrease",
        }
    }
}

/// A quantified goal or result: `{"text": "出庭应诉率达到90%以上", "indicator": "出庭应诉率", "op": ">=", "value": 90.0, "unit": "%"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Metric {
    /// The phrase as printed.
    pub text: String,
    /// The measured quantity.
    pub indicator: String,
    /// The comparator.
    pub op: Op,
    /// The number.
    pub value: f64,
    /// The unit as printed, with 万/亿 when they precede it.
    pub unit: String,
}

/// The role of a responsible body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 牵头单位, or the first body column of a task table.
    Lead,
    /// 责任单位/责任部门/配合单位.
    Responsible,
    /// The grammatical subject assigned the duty.
    Actor,
}

impl Role {
    /// Every value, in the spec's order.
    pub const ALL: [Role; 3] = [Role::Lead, Role::Responsible, Role::Actor];

    /// The spec's name, as the JSON export spells it (`lead`, `responsible`, `actor`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Lead => "lead",
            Role::Responsible => "responsible",
            Role::Actor => "actor",
        }
    }
}

/// A responsible body: `{"name": "区政府法制办", "role": "lead"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Body {
    /// The normalised name.
    pub name: String,
    /// Its role.
    pub role: Role,
}

/// The kind of an obligation (spec §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ObligationKind {
    /// Work to be done.
    Task,
    /// Work reported done, in a report's review part.
    Achievement,
    /// A row of a 目标责任书 or indicator table.
    Target,
    /// A row of a 考核评分细则 with points.
    Scoring,
    /// 指导思想/总体要求/基本原则 items that assign no work.
    Principle,
}

impl ObligationKind {
    /// Every kind, in the spec's order.
    pub const ALL: [ObligationKind; 5] = [
        ObligationKind::Task,
        ObligationKind::Achievement,
        ObligationKind::Target,
        ObligationKind::Scoring,
        ObligationKind::Principle,
    ];

    /// The snake_case name used in exports and queries.
    pub const fn as_str(self) -> &'static str {
        match self {
            ObligationKind::Task => "task",
            ObligationKind::Achievement => "achievement",
            ObligationKind::Target => "target",
            ObligationKind::Scoring => "scoring",
            ObligationKind::Principle => "principle",
        }
    }
}

/// An obligation record: one line of `obligations.jsonl` (spec §2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Obligation {
    /// `<doc id>#<path labels joined by />`.
    pub id: String,
    /// The document's id.
    pub doc_id: String,
    /// The item's own number as printed, normalised (`26.`, `(一)`, `一是`); `""` for an unnumbered table row.
    pub label: String,
    /// The headings above it, root first, each as `label + heading`.
    pub path: Vec<String>,
    /// The item's lead phrase.
    pub heading: String,
    /// The whole item, label excluded.
    pub text: String,
    /// The obligation's kind.
    pub kind: ObligationKind,
    /// Absolute time limits.
    pub deadlines: Vec<Deadline>,
    /// Repeating duties.
    pub recurrences: Vec<Recurrence>,
    /// Quantified goals or results.
    pub metrics: Vec<Metric>,
    /// Responsible bodies.
    pub bodies: Vec<Body>,
    /// Titles cited inside `《》`.
    pub references: Vec<String>,
    /// `[start, end)` in characters of the document's `text`.
    pub span: [usize; 2],
    /// Copied from the document.
    pub region: Option<Region>,
    /// Copied from the document.
    pub doc_kind: DocKind,
    /// Copied from the document.
    pub year: Option<i32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closed_sets_name_themselves_as_they_serialise() {
        fn json(v: impl Serialize) -> String {
            serde_json::to_string(&v)
                .unwrap()
                .trim_matches('"')
                .to_string()
        }
        for b in Bound::ALL {
            assert_eq!(json(b), b.as_str());
        }
        for e in Every::ALL {
            assert_eq!(json(e), e.as_str());
        }
        for r in Role::ALL {
            assert_eq!(json(r), r.as_str());
        }
    }

    #[test]
    fn ops_serialise_as_the_spec_symbols() {
        let names: Vec<String> = [Op::Ge, Op::Le, Op::Eq, Op::Increase, Op::Decrease]
            .iter()
            .map(|o| serde_json::to_string(o).unwrap())
            .collect();
        assert_eq!(
            names,
            ["\">=\"", "\"<=\"", "\"=\"", "\"increase\"", "\"decrease\""]
        );
    }

    #[test]
    fn a_yearly_recurrence_omits_n() {
        let r = Recurrence {
            text: "每年至少召开一次会议".into(),
            every: Every::Year,
            n: None,
            times: Some(1),
        };
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"text":"每年至少召开一次会议","every":"year","times":1}"#
        );
    }
}
