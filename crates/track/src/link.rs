//! Linking each target to the result a later document reports, and saying whether it was met.
//!
//! A target is linked to a result of another document of the same region (the same GB/T 2260
//! code) whose key matches ([`crate::indicator::match_score`]), whose unit is the same without
//! its 万/亿, and whose year is the target's own or later, from a document delivered no earlier:
//! the result for the target's own year where one is reported, else the nearest later one,
//! marked as later. Of several, the best-matching key wins, then the earliest document, then the
//! first in its text.
//!
//! How a target is met follows its op and the words after its number (`track_words.tsv`):
//! - at least (`>=`, `以上`, `不低于`): the result is at or above it;
//! - at most (`<=`, `以内`, `以下`): at or below it;
//! - approximate (`左右`, `约`): within [`TOLERANCE`] of its value, or beyond it on the better
//!   side (`国内生产总值增长5%左右` is met by 5.2%, `居民消费价格涨幅3%左右` by 0.2%);
//! - a plain value (`达到95%`, `增长8%`): reached, on the better side or equal.
//!
//! A quantity is better higher unless its key holds a lower-better word (`失业率`, `价格`) or the
//! target is a fall (`下降`, `压减`); changes compare signed (a fall of 3% is −3), so a target to
//! cut energy use by 2.5% is met by a fall of 3%. A target with no result is `no_result`.

use crate::figure::{Figure, Role};
use crate::indicator::{base_unit, lower_better, match_score};
use duban_lexicon::{TrackWord, track_words};
use duban_model::Op;
use serde::Serialize;
use std::collections::HashMap;

/// An approximate target is met within this share of its value (5%: `5%左右` by 4.75–5.25).
pub const TOLERANCE: f64 = 0.05;

/// Whether a target was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The result meets the target by its op.
    Met,
    /// The result falls short of it.
    Missed,
    /// No later document reports a result for it.
    NoResult,
}

impl Status {
    /// The name shown and exported.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Missed => "missed",
            Status::NoResult => "no_result",
        }
    }
}

/// How a target's value bounds its result.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// At or above the value.
    AtLeast,
    /// At or below the value.
    AtMost,
    /// Within the tolerance, or beyond on the better side.
    About,
    /// Reached: on the better side or equal.
    Reach,
    /// A range from the target's value to `high` (`增长6.5%-7.5%`): within it, or beyond it on
    /// the better side.
    Range {
        /// The upper end, in the target's unit.
        high: f64,
    },
}

/// A target, the result linked to it and whether it was met.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// The target.
    pub target: Figure,
    /// How its value bounds the result.
    pub bound: Bound,
    /// The result linked to it, if any.
    pub result: Option<Figure>,
    /// Whether the result is for a later year than the target's (no result for its own year).
    pub later: bool,
    /// Met, missed or no result.
    pub status: Status,
}

/// How a target's value bounds its result: its op, else the words after its number.
pub fn bound_of(target: &Figure) -> Bound {
    let bound = match target.op {
        Op::Ge => Bound::AtLeast,
        Op::Le => Bound::AtMost,
        _ => {
            let words = track_words();
            let text = duban_text::fold::fold(&target.text);
            // The words after the number: `增长6%以上`, `控制在3%左右`.
            let tail = text
                .rfind(|c: char| c.is_ascii_digit())
                .map_or("", |i| &text[i..]);
            if words.list(TrackWord::Approximate).found_in(tail)
                || words
                    .of(TrackWord::Approximate)
                    .iter()
                    .any(|w| text.contains(&format!("{w}{}", number_start(&text))))
            {
                Bound::About
            } else if words.list(TrackWord::AtLeast).found_in(tail) {
                Bound::AtLeast
            } else if words.list(TrackWord::AtMost).found_in(tail) {
                Bound::AtMost
            } else {
                Bound::Reach
            }
        }
    };
    // A fall at least N (`下降10%以上`) is a signed change at most −N.
    match (target.op, bound) {
        (Op::Decrease, Bound::AtLeast) => Bound::AtMost,
        (Op::Decrease, Bound::AtMost) => Bound::AtLeast,
        _ => bound,
    }
}

/// The number of a phrase as printed: from its first digit to the end of its digits.
fn number_start(text: &str) -> &str {
    let Some(start) = text.find(|c: char| c.is_ascii_digit()) else {
        return "";
    };
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// A figure's value signed and in its base unit: a fall is negative.
fn signed(f: &Figure) -> f64 {
    let (_, factor) = base_unit(&f.unit);
    let v = f.value * factor;
    if f.op == Op::Decrease { -v } else { v }
}

/// Whether a result meets a target.
pub fn met(target: &Figure, bound: Bound, result: &Figure) -> bool {
    let (t, r) = (signed(target), signed(result));
    let lower = lower_better(&target.key) || target.op == Op::Decrease;
    // A small epsilon keeps decimal printing from turning 5.0 into a miss of 5.
    let eps = 1e-9 * t.abs().max(1.0);
    let better_or_equal = |t: f64| if lower { r <= t + eps } else { r >= t - eps };
    match bound {
        Bound::AtLeast => r >= t - eps,
        Bound::AtMost => r <= t + eps,
        Bound::About => better_or_equal(t) || (r - t).abs() <= TOLERANCE * t.abs() + eps,
        Bound::Reach => better_or_equal(t),
        Bound::Range { high } => {
            let h = high * base_unit(&target.unit).1;
            let within = r >= t.min(h) - eps && r <= t.max(h) + eps;
            within || better_or_equal(if lower { t.min(h) } else { t.max(h) })
        }
    }
}

/// The other end of a range target (`2-3个`, `增长6.5%-7.5%`): the extractor gives a range as
/// a `>=` metric and a `<=` metric of one phrase.
fn range_end<'a>(target: &Figure, figures: &'a [Figure]) -> Option<&'a Figure> {
    if target.op != Op::Ge {
        return None;
    }
    figures.iter().find(|f| {
        f.role == Role::Target
            && f.op == Op::Le
            && f.span == target.span
            && (&f.key, &f.unit, f.year) == (&target.key, &target.unit, target.year)
            && f.value > target.value
    })
}

/// Whether a result can answer a target: another document of the same region, no earlier, for
/// the target's year or later, with a matching key and unit. Returns the key's match score.
fn answers(
    target: &Figure,
    target_rank: usize,
    result: &Figure,
    result_rank: usize,
) -> Option<f64> {
    let same_region = match (&target.region, &result.region) {
        (Some(a), Some(b)) => a.code == b.code,
        _ => false,
    };
    if !same_region || result.doc_id == target.doc_id || result_rank < target_rank {
        return None;
    }
    let (Some(ty), Some(ry)) = (target.year, result.year) else {
        return None;
    };
    if ry < ty || base_unit(&target.unit).0 != base_unit(&result.unit).0 {
        return None;
    }
    match_score(&target.key, &result.key)
}

/// Links every target of `docs` (each document's figures, the documents in the order they
/// were delivered) to its result. Targets stated twice in one document with the same key, year,
/// value and unit are one (`国内生产总值增长5%左右` and `经济增长预期目标为5%左右`).
pub fn link(docs: &[Vec<Figure>]) -> Vec<Progress> {
    // A result answers only a target of its own region: each target looks among its region's
    // results (in document order), not among all, so linking grows with the corpus, not with
    // its square.
    let mut results: HashMap<&str, Vec<(usize, &Figure)>> = HashMap::new();
    for (rank, figures) in docs.iter().enumerate() {
        for f in figures.iter().filter(|f| f.role == Role::Result) {
            if let Some(region) = &f.region {
                results
                    .entry(region.code.as_str())
                    .or_default()
                    .push((rank, f));
            }
        }
    }
    let mut out: Vec<Progress> = Vec::new();
    for (rank, figures) in docs.iter().enumerate() {
        let mut seen: Vec<&Figure> = Vec::new();
        for target in figures.iter().filter(|f| f.role == Role::Target) {
            if seen.iter().any(|s| {
                (&s.key, s.year, &s.unit) == (&target.key, target.year, &target.unit)
                    && s.value == target.value
            }) {
                continue;
            }
            seen.push(target);
            let high = range_end(target, figures);
            seen.extend(high);
            let regional = target
                .region
                .as_ref()
                .and_then(|r| results.get(r.code.as_str()))
                .map_or(&[][..], Vec::as_slice);
            let best = regional
                .iter()
                .filter_map(|&(r_rank, r)| {
                    answers(target, rank, r, r_rank).map(|score| (r.year, score, r_rank, r))
                })
                // Its own year first, else the nearest later; the best key; the earliest
                // document; the first in its text (results are in text order).
                .min_by(|a, b| {
                    a.0.cmp(&b.0)
                        .then(b.1.total_cmp(&a.1))
                        .then(a.2.cmp(&b.2))
                        .then(a.3.span[0].cmp(&b.3.span[0]))
                });
            let bound = high.map_or_else(|| bound_of(target), |h| Bound::Range { high: h.value });
            let (result, status, later) = match best {
                Some((year, _, _, r)) => (
                    Some(r.clone()),
                    if met(target, bound, r) {
                        Status::Met
                    } else {
                        Status::Missed
                    },
                    year != target.year,
                ),
                None => (None, Status::NoResult, false),
            };
            out.push(Progress {
                target: target.clone(),
                bound,
                result,
                later,
                status,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicator::key_of;
    use duban_model::Region;

    fn figure(
        doc: &str,
        role: Role,
        year: i32,
        text: &str,
        indicator: &str,
        op: Op,
        (value, unit): (f64, &str),
    ) -> Figure {
        Figure {
            doc_id: doc.into(),
            doc_title: None,
            region: Some(Region {
                code: "330400".into(),
                province: Some("浙江省".into()),
                city: Some("嘉兴市".into()),
                county: None,
            }),
            role,
            year: Some(year),
            indicator: indicator.into(),
            key: key_of(indicator, op),
            op,
            value,
            unit: unit.into(),
            text: text.into(),
            span: [0, text.chars().count()],
        }
    }

    fn gdp(doc: &str, role: Role, year: i32, text: &str, value: f64) -> Figure {
        figure(
            doc,
            role,
            year,
            text,
            "地区生产总值",
            Op::Increase,
            (value, "%"),
        )
    }

    /// Document `a`'s target: growth of about 6.5% in 2022.
    fn gdp_target_2022() -> Figure {
        gdp("a", Role::Target, 2022, "地区生产总值增长6.5%左右", 6.5)
    }

    #[test]
    fn a_target_is_linked_to_its_own_years_result_in_a_later_document() {
        let docs = vec![
            vec![gdp_target_2022()],
            vec![
                gdp("b", Role::Result, 2022, "地区生产总值增长6.6%", 6.6),
                gdp("b", Role::Target, 2023, "地区生产总值增长6%以上", 6.0),
            ],
            vec![gdp("c", Role::Result, 2023, "全市生产总值增长5.4%", 5.4)],
        ];
        let got: Vec<(Option<i32>, Option<f64>, Status, bool)> = link(&docs)
            .iter()
            .map(|p| {
                (
                    p.target.year,
                    p.result.as_ref().map(|r| r.value),
                    p.status,
                    p.later,
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(2022), Some(6.6), Status::Met, false),
                (Some(2023), Some(5.4), Status::Missed, false),
            ]
        );
    }

    #[test]
    fn a_result_of_another_region_answers_no_target() {
        let in_region = |mut f: Figure, code: &str, city: &str| {
            f.region = Some(Region {
                code: code.into(),
                province: Some("浙江省".into()),
                city: Some(city.into()),
                county: None,
            });
            f
        };
        let docs = vec![
            vec![gdp_target_2022()],
            vec![in_region(
                gdp("b", Role::Result, 2022, "地区生产总值增长7.1%", 7.1),
                "330500",
                "湖州市",
            )],
            vec![gdp("c", Role::Result, 2022, "地区生产总值增长5.8%", 5.8)],
        ];
        let progress = link(&docs);
        assert_eq!(progress.len(), 1);
        let result = progress[0].result.as_ref().expect("嘉兴's own result");
        assert_eq!((result.doc_id.as_str(), result.value), ("c", 5.8));
        assert_eq!(progress[0].status, Status::Missed);
    }

    #[test]
    fn without_a_result_for_its_year_the_nearest_later_one_is_marked_later() {
        let rate = |doc: &str, role, year, value| {
            figure(
                doc,
                role,
                year,
                "负责人出庭应诉率达到",
                "行政机关负责人出庭应诉率",
                Op::Ge,
                (value, "%"),
            )
        };
        let docs = vec![
            vec![rate("plan", Role::Target, 2015, 90.0)],
            vec![rate("r2019", Role::Result, 2019, 88.0)],
            vec![rate("r2020", Role::Result, 2020, 97.0)],
        ];
        let p = &link(&docs)[0];
        assert_eq!(p.result.as_ref().map(|r| r.doc_id.as_str()), Some("r2019"));
        assert!(p.later);
        assert_eq!(p.status, Status::Missed);
        let alone = link(&docs[..1]);
        assert_eq!(
            (alone[0].status, alone[0].result.is_none()),
            (Status::NoResult, true)
        );
    }

    #[test]
    fn bounds_come_from_the_op_and_the_words_after_the_number() {
        let t = |text: &str, op| {
            bound_of(&figure(
                "a",
                Role::Target,
                2022,
                text,
                "城镇调查失业率",
                op,
                (5.5, "%"),
            ))
        };
        assert_eq!(t("城镇调查失业率5.5%左右", Op::Eq), Bound::About);
        assert_eq!(t("城镇调查失业率控制在5.5%以内", Op::Le), Bound::AtMost);
        assert_eq!(t("城镇调查失业率控制在约5.5%", Op::Eq), Bound::About);
        assert_eq!(t("新增就业增长5.5%以上", Op::Increase), Bound::AtLeast);
        assert_eq!(t("万元产值能耗下降5.5%以上", Op::Decrease), Bound::AtMost);
        assert_eq!(t("覆盖率达到5.5%", Op::Eq), Bound::Reach);
    }

    #[test]
    fn an_approximate_target_is_met_within_the_tolerance_or_on_the_better_side() {
        let target = gdp("a", Role::Target, 2022, "地区生产总值增长5%左右", 5.0);
        let result = |v| gdp("b", Role::Result, 2022, "地区生产总值增长", v);
        assert!(met(&target, Bound::About, &result(4.8)));
        assert!(met(&target, Bound::About, &result(7.0)));
        assert!(!met(&target, Bound::About, &result(4.7)));
        // Prices are better lower: a rise of 0.2% meets a ceiling of about 3%.
        let cpi = figure(
            "a",
            Role::Target,
            2022,
            "居民消费价格涨幅3%左右",
            "居民消费价格涨幅",
            Op::Eq,
            (3.0, "%"),
        );
        let rise = |v| {
            figure(
                "b",
                Role::Result,
                2022,
                "居民消费价格上涨",
                "居民消费价格",
                Op::Increase,
                (v, "%"),
            )
        };
        assert!(met(&cpi, Bound::About, &rise(0.2)));
        assert!(!met(&cpi, Bound::About, &rise(3.5)));
    }

    #[test]
    fn a_range_is_one_target_met_within_it_or_beyond_on_the_better_side() {
        let end = |op, v| {
            figure(
                "a",
                Role::Target,
                2023,
                "地区生产总值增速6.5%-7.5%",
                "地区生产总值增速",
                op,
                (v, "%"),
            )
        };
        let result = |doc: &str, v| {
            figure(
                doc,
                Role::Result,
                2023,
                "地区生产总值增长",
                "地区生产总值",
                Op::Increase,
                (v, "%"),
            )
        };
        let status = |v| {
            let docs = vec![
                vec![end(Op::Ge, 6.5), end(Op::Le, 7.5)],
                vec![result("b", v)],
            ];
            let progress = link(&docs);
            assert_eq!(progress.len(), 1, "{progress:#?}");
            assert_eq!(progress[0].bound, Bound::Range { high: 7.5 });
            progress[0].status
        };
        assert_eq!(status(7.0), Status::Met);
        assert_eq!(status(8.2), Status::Met);
        assert_eq!(status(5.9), Status::Missed);
    }

    #[test]
    fn a_fall_is_met_by_a_fall_as_deep_and_counts_compare_in_their_base_unit() {
        let cut = |role, text: &str, v| {
            figure(
                "x",
                role,
                2022,
                text,
                "单位地区生产总值能耗",
                Op::Decrease,
                (v, "%"),
            )
        };
        let target = cut(Role::Target, "单位地区生产总值能耗下降3%左右", 3.0);
        assert!(met(
            &target,
            Bound::About,
            &cut(Role::Result, "能耗下降", 3.4)
        ));
        assert!(!met(
            &target,
            Bound::About,
            &cut(Role::Result, "能耗下降", 1.0)
        ));
        let jobs = |doc: &str, role, v, unit: &str| {
            figure(
                doc,
                role,
                2022,
                "城镇新增就业",
                "城镇新增就业",
                Op::Eq,
                (v, unit),
            )
        };
        let docs = vec![
            vec![jobs("a", Role::Target, 12.0, "万人")],
            vec![jobs("b", Role::Result, 125_000.0, "人")],
        ];
        assert_eq!(link(&docs)[0].status, Status::Met);
    }
}
