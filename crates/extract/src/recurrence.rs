//! Recurrences: duties repeated every period (`每年至少召开一次会议`, `每半年听取一次汇报`,
//! `每3年`, `每隔2年`, `一年两次`).
//!
//! Only an explicit period makes a recurrence: `每…`, `一年两次`, a period-one-act form
//! (`一季一通报`, `五年一评估`) or `按月`/`按年度` timing a duty (`按年度发布…结果`);
//! `年度考核`, `定期` and `逐年提高` do not, nor do rates per head or per period that price or
//! measure something (`每人每月400元`, `提高至每月1500元`, `每年新增专利1万件`): those are
//! metrics.
//! `times` is the count of occurrences (`次`/`回`) in the same clause; another quantity per
//! period (`每月报送2条以上`) is a metric, not `times`. `每起扣2分` and `每少报送1条` name no
//! period.
//!
//! The words that make a period a rate are data: `corpora/lexicon/rate_words.tsv`, read through
//! `duban-lexicon`.

use crate::fold::Folded;
use crate::numeral::number_value;
use duban_lexicon::{Rate, rate_words};
use duban_model::{Every, Recurrence};
use regex::Regex;
use std::sync::LazyLock;

/// What follows `一` after a period and names no act (`一次`, `一批`, `一体化`, `一定`, `一般`;
/// `三月一日` is a date): the
/// characters the verb of a period-one-act form (`一季一通报`) may not be.
const NOT_AN_ACT: &str = "次个批样步度点贯体定切直般些日号";

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?P<every>每(?:隔|逢)?\s*(?P<n>\d{{1,2}}|[一二两三四五六七八九十])?\s*(?P<unit>个?季度|个?半年|年|个?月|周|星期|天|日|季))|(?P<once>(?:[一每](?P<u2>年|季度|月|周)|(?P<u2h>半年)|(?P<on>\d{{1,2}}|[两二三四五六七八九十])年)(?P<t2>[一二两三四五六七八九十\d]+)次)|(?P<act>(?:(?P<an>\d{{1,2}}|[一二两三四五六七八九十])(?P<au>年|季度?|月|周)|(?P<ah>半年))一(?P<verb>[^{NOT_AN_ACT}\P{{Han}}]))|按(?P<by>月|季度?|半年|年度?|周)(?:{manner})?(?P<byverb>发布|报送|上报|统计|通报|公布|公开|考核|评估|调度|检查|开展|报告|汇总|分析|结算|拨付|支付|发放|更新|核查|评价|监测|督查|巡查|排查|监督|检测|抽查|申报|缴纳|兑现)?", manner = MANNER.join("|")))
        .expect("period pattern compiles")
});

/// The number a named group of a match prints (`3`, `两`), as a count.
fn count(caps: &regex::Captures<'_>, name: &str) -> Option<u32> {
    caps.name(name)
        .and_then(|m| number_value(m.as_str()))
        .map(|v| v as u32)
}

/// The period and count of a `一年两次` form: `一年一次`, `半年一次`, `一季度两次`, and over
/// years, `两年一次`.
fn acts_in_period(caps: &regex::Captures<'_>) -> (Every, Option<u32>, Option<u32>) {
    let times = count(caps, "t2");
    if let Some(n) = count(caps, "on") {
        return if n > 1 {
            (Every::NYears, Some(n), times)
        } else {
            (Every::Year, None, times)
        };
    }
    let every = match caps.name("u2").map(|m| m.as_str()) {
        _ if caps.name("u2h").is_some() => Every::HalfYear,
        Some("年") => Every::Year,
        Some("季度") => Every::Quarter,
        Some("月") => Every::Month,
        _ => Every::Week,
    };
    (every, None, times)
}

/// One act right after a period (`每两年一签`): not [`NOT_AN_ACT`], nor the
/// days and months of a date (`每年一月`, `每月一日`) and the measure words of things counted
/// (`每天一节体育课` is a quantity, no number of acts).
static ONE_ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^一[^{NOT_AN_ACT}日月号年季周节场名份条件家项篇台套张本所座堂\P{{Han}}]"
    ))
    .expect("one act pattern compiles")
});

static TIMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^。；;，,]*?(?:至少|不少于|最少)?\s*(?P<t>\d{1,2}|[一二两三四五六七八九十]+)\s*(?:次|回)").expect("times pattern compiles")
});

/// Recurrences of a text, one per period phrase.
///
/// ```
/// use duban_extract::recurrence::recurrences;
/// use duban_model::Every;
/// let r = recurrences("各地每年至少开展2次执法检查");
/// assert_eq!((r[0].every, r[0].times), (Every::Year, Some(2)));
/// ```
pub fn recurrences(text: &str) -> Vec<Recurrence> {
    recurrences_in(&Folded::new(text))
}

/// [`recurrences`] of a text already folded (an item's text is folded once for every rule).
pub fn recurrences_in(folded: &Folded<'_>) -> Vec<Recurrence> {
    let f = &folded.folded;
    let mut out = Vec::new();
    for caps in PERIOD.captures_iter(f) {
        let Some(whole) = caps.get(0) else { continue };
        // `上半年一…`, `下半年一…` name a half of this year, not a period.
        if (caps.name("ah").is_some() || caps.name("u2h").is_some())
            && f[..whole.start()].ends_with(['上', '下', '前', '后'])
        {
            continue;
        }
        // `一九九六年一月二十五日前`, `1996年一月`: a date's year and month, not one act a year.
        if let Some(an) = caps.name("an")
            && (f[..an.start()]
                .ends_with(|c: char| c.is_ascii_digit() || crate::numeral::digit(c).is_some())
                || caps.name("verb").is_some_and(|v| v.as_str() == "月"))
        {
            continue;
        }
        // `2023年3次`: a year's count, not a period of years.
        if let Some(on) = caps.name("on")
            && f[..on.start()]
                .ends_with(|c: char| c.is_ascii_digit() || crate::numeral::digit(c).is_some())
        {
            continue;
        }
        // `按月` times a duty where a verb, or a preposition opening the duty's phrase, follows
        // it (`按月划转`, `按月向医保经办机构申报结算`); `按年度预算安排`, `按月计算` are bases.
        if caps.name("by").is_some()
            && caps.name("byverb").is_none()
            && !times_a_duty(&f[whole.end()..])
        {
            continue;
        }
        let unit = caps.name("au").or(caps.name("ah")).or(caps.name("by"));
        let (every, n, times) = if let Some(unit) = unit {
            // `一季一通报`, `五年一评估`: one act each period; `按年度发布`: timed by the period.
            let n = count(&caps, "an");
            let every = match (unit.as_str(), n) {
                ("年" | "年度", Some(k)) if k > 1 => Every::NYears,
                ("年" | "年度", _) => Every::Year,
                ("半年", _) => Every::HalfYear,
                ("季" | "季度", _) => Every::Quarter,
                ("月", _) => Every::Month,
                _ => Every::Week,
            };
            let n = if every == Every::NYears { n } else { None };
            let times = caps.name("act").map(|_| 1);
            (every, n, times)
        } else if caps.name("once").is_some() {
            acts_in_period(&caps)
        } else {
            if is_rate(&f[..whole.start()], &f[whole.end()..]) {
                continue;
            }
            let unit = caps
                .name("unit")
                .map_or("", |m| m.as_str())
                .trim_start_matches('个');
            let n = count(&caps, "n");
            let every = match (unit, n) {
                ("年", Some(k)) if k > 1 => Every::NYears,
                ("年", _) => Every::Year,
                ("半年", _) => Every::HalfYear,
                ("季度" | "季", _) => Every::Quarter,
                ("月", _) => Every::Month,
                ("周" | "星期", _) => Every::Week,
                _ => Every::Day,
            };
            // `每2个月` and the like have no enum value of their own: keep the base period.
            let n = if every == Every::NYears { n } else { None };
            let rest = &f[whole.end()..];
            // `每两年一签`: one act each period, as `两年一签` is.
            let times = TIMES
                .captures(rest)
                .and_then(|c| count(&c, "t"))
                .or_else(|| {
                    // `每周一报送`: Monday, no act.
                    (!matches!(unit, "周" | "星期") && ONE_ACT.is_match(rest)).then_some(1)
                });
            (every, n, times)
        };
        out.push(Recurrence {
            text: {
                let (s, e) = clause_around(f, whole.start(), whole.end());
                folded.original_of(s, e).trim().to_string()
            },
            every,
            n,
            times,
        });
    }
    out
}

/// Whether the words after `按月` (`按年度`…) are a duty it times: a verb or a preposition
/// opening the duty's phrase, not a reckoning or a plan it follows (`计算`, `核算`, `预算`).
fn times_a_duty(after: &str) -> bool {
    const RECKONING: [&str; 7] = ["计算", "核算", "折算", "计", "算", "预算", "计划"];
    let head = duban_text::fold::first_chars(after, 10);
    let tagged = duban_segment::Segmenter::shared().tag(head);
    // An adverb may stand between the period and the duty (`按月全额退还`, `按年度全面评估`);
    // after one, a verb the tagger reads as a noun (`评估`) is the duty too.
    let manner = tagged
        .iter()
        .take_while(|w| is_manner(w.word, w.tag))
        .count();
    tagged.get(manner).is_some_and(|w| {
        !RECKONING.contains(&w.word)
            && (matches!(w.tag, "v" | "vd" | "vi")
                || manner > 0 && w.tag == "vn"
                || w.tag == "p" && ["以", "向", "对", "由", "从", "通过"].contains(&w.word))
    })
}

/// Whether a word says how a duty is done (`全额`, `全面`, `及时`), not what it is.
fn is_manner(word: &str, tag: &str) -> bool {
    matches!(tag, "d" | "ad") || MANNER.contains(&word)
}

/// Words saying how a duty is done that the tagger does not read as adverbs.
const MANNER: [&str; 7] = ["全额", "全面", "足额", "及时", "如实", "准时", "统一"];

/// An amount of money right after the period: `1500元`, `2.5万元`.
static PRICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d[\d.,]*\s*[万亿千]?元").expect("price pattern compiles"));

/// A working-time system named by its period (`每周五天工作制`, `每周40小时工作制`).
static WORK_WEEK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[^，,。；;]{0,6}工作制").expect("work week pattern compiles"));

/// Whether a `每…` period prices or measures something rather than repeating a duty: a rate
/// per head or unit (`每人每月400元`, `每年每个不少于60万元`), an amount per period
/// (`提高至每月1500元`), a growth rate (`每年新增专利1万件`, `平均每年增长8%`).
fn is_rate(before: &str, after: &str) -> bool {
    let words = rate_words();
    let after = after.trim_start();
    words
        .of(Rate::PerUnit)
        .iter()
        .any(|w| before.ends_with(w) || after.starts_with(w))
        || PRICE.is_match(after)
        || words.of(Rate::Change).iter().any(|w| after.starts_with(w))
        || words.of(Rate::Flow).iter().any(|w| after.starts_with(w))
        || words
            .of(Rate::State)
            .iter()
            // `有` of `有上千万`, not of `有序`: one character only as a word of its own.
            .any(|w| {
                after.starts_with(w)
                    && (w.chars().count() > 1
                        || crate::metric::starts_with_word(
                            duban_text::fold::first_chars(after, 8),
                            w,
                        ))
            })
        || WORK_WEEK.is_match(after)
        || words.of(Rate::Average).iter().any(|w| before.ends_with(w))
        || PER_THING_BEFORE.is_match(before) && AMOUNT_AFTER.is_match(after)
}

/// A unit the period's amount is for, right before it (`每处工程每年不少于5000元`); with no
/// amount after the period, each unit's duty repeats (`每个乡镇每年至少开展2次`).
static PER_THING_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"每\p{Han}{1,4}$").expect("per thing pattern compiles"));

/// An amount right after a period, or after a bound on it (`不少于5000元`).
static AMOUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:不少于|不低于|不超过|不高于|最高|最多|至少|约)?\s*\d")
        .expect("amount after pattern compiles")
});

/// The byte range of the clause (between `。；;，,` marks) that holds a match.
pub fn clause_around(f: &str, start: usize, end: usize) -> (usize, usize) {
    let stops = ['。', '；', ';', '，', ',', '\n'];
    let s = f[..start]
        .rfind(stops)
        .map_or(0, |p| p + f[p..].chars().next().map_or(1, char::len_utf8));
    let e = f[end..].find(stops).map_or(f.len(), |p| end + p);
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rc(text: &str) -> Vec<(Every, Option<u32>, Option<u32>)> {
        recurrences(text)
            .into_iter()
            .map(|r| (r.every, r.n, r.times))
            .collect()
    }

    #[test]
    fn more_duties_and_prepositions_after_an_month_time_them() {
        assert_eq!(rc("按月监测水质"), [(Every::Month, None, None)]);
        assert_eq!(
            rc("由区财政局按月通过“一卡通”直接拨付"),
            [(Every::Month, None, None)]
        );
        assert_eq!(rc("半年一次开展督查"), [(Every::HalfYear, None, Some(1))]);
        assert!(rc("上半年一次性拨付").is_empty());
        // A date in Chinese numerals is no act a month.
        assert!(rc("自一九九六年三月一日起施行").is_empty());
        // An amount for each thing each period is a rate.
        assert!(rc("按每处工程每年不少于5000元的标准安排").is_empty());
        // Each unit's duty repeating is a recurrence.
        assert_eq!(
            rc("每个乡镇每年至少开展2次演练"),
            [(Every::Year, None, Some(2))]
        );
    }

    #[test]
    fn every_half_year_once_is_a_half_year_recurrence_with_one_time() {
        assert_eq!(
            rc("部门办公会议每半年听取一次工作汇报"),
            [(Every::HalfYear, None, Some(1))]
        );
    }

    #[test]
    fn every_year_without_a_count_has_no_times() {
        assert_eq!(
            rc("县政府每年第一季度向县人大常委会报告"),
            [(Every::Year, None, None)]
        );
    }

    #[test]
    fn every_n_years_records_n() {
        assert_eq!(
            rc("规章每隔2年清理一次"),
            [(Every::NYears, Some(2), Some(1))]
        );
        assert_eq!(rc("每3年开展一次评估"), [(Every::NYears, Some(3), Some(1))]);
        // `两年一次` counts acts in a period of years, as `一年一次` in one.
        assert_eq!(rc("等级评定两年一次"), [(Every::NYears, Some(2), Some(1))]);
        assert_eq!(rc("2023年3次"), []);
    }

    #[test]
    fn once_a_year_counts_as_a_recurrence() {
        assert_eq!(rc("培训一年两次"), [(Every::Year, None, Some(2))]);
    }

    #[test]
    fn a_quantity_per_period_is_not_times() {
        assert_eq!(rc("每月报送2条以上信息"), [(Every::Month, None, None)]);
    }

    #[test]
    fn annual_reviews_and_regular_reports_are_not_recurrences() {
        assert!(rc("实行年度考核和定期报告制度，满意度逐年提高").is_empty());
    }

    #[test]
    fn per_case_deductions_name_no_period() {
        assert!(rc("败诉的，每起扣2分；每少报送1条扣0.2分").is_empty());
    }

    #[test]
    fn quarterly_and_monthly_periods_are_read() {
        assert_eq!(
            rc("每季度通报一次，每月调度"),
            [(Every::Quarter, None, Some(1)), (Every::Month, None, None)]
        );
    }

    /// A period-one-act form is one act each period: `一季一通报` quarterly, `五年一评估` every
    /// five years, `5年一周期` too.
    #[test]
    fn period_one_act_forms_are_recurrences_of_one() {
        assert_eq!(
            rc("采用“一季一通报”办法"),
            [(Every::Quarter, None, Some(1))]
        );
        assert_eq!(
            rc("规划实施五年一评估"),
            [(Every::NYears, Some(5), Some(1))]
        );
        assert_eq!(
            rc("落实教师5年一周期的全员轮训"),
            [(Every::NYears, Some(5), Some(1))]
        );
        assert!(rc("经济发展一年一个台阶").is_empty());
        // `每逢` is `每`; an adverb may stand between `按月` and the duty it times.
        assert_eq!(
            rc("每逢周一报送前一周整治情况"),
            [(Every::Week, None, None)]
        );
        assert_eq!(
            rc("核实后及时按月足额拨付给运营机构"),
            [(Every::Month, None, None)]
        );
        // What a year may bring, or a rate per head within a year, is a metric's.
        assert!(rc("预计每年可为企业减少用电成本约5000万元").is_empty());
        assert!(rc("抽检量达到每年每千人5批次").is_empty());
        // A date in Chinese numerals or digits reads `年一月` as a year and a month.
        assert!(rc("一九九六年一月二十五日前完成摸底调查").is_empty());
        assert!(rc("二〇二一年一月底前完成").is_empty());
        assert!(rc("1996年一月完成").is_empty());
        // Half a year too; the halves of this year are no period.
        let r = rc("半年一总结");
        assert_eq!(r, [(Every::HalfYear, None, Some(1))]);
        assert!(rc("下半年一定要完成").is_empty());
        assert!(rc("上半年一季度经济运行平稳").is_empty());
        // An amount reaching or saved each year is a metric, no duty done again.
        assert!(rc("每年减轻农民负担1335亿元").is_empty());
        assert!(rc("每年惠及3700多万学生").is_empty());
        // (`每年有序开展` is a duty: `有` alone is no flow word.)
        assert_eq!(rc("每年有序开展检查"), [(Every::Year, None, None)]);
        // `五年一贯制` names a kind of school, `一体化` a merger: no act repeated.
        assert!(rc("探索五年一贯制新型高职").is_empty());
    }

    /// `按年度`/`按月` timing a duty is a recurrence; `按年度预算` is none.
    #[test]
    fn timing_by_the_period_is_a_recurrence() {
        assert_eq!(
            rc("按年度发布供电可靠性奖惩结果"),
            [(Every::Year, None, None)]
        );
        assert_eq!(rc("按月报送工作进展"), [(Every::Month, None, None)]);
        assert!(rc("资金按年度预算安排").is_empty());
        // Any verb it times, or a preposition opening the duty's phrase; a reckoning is none.
        assert_eq!(rc("从统筹基金按月划转"), [(Every::Month, None, None)]);
        assert_eq!(
            rc("由定点服务机构按月向医保经办机构申报结算"),
            [(Every::Month, None, None)]
        );
        assert_eq!(
            rc("各地原则上要按月以双边协商方式组织开展合同转让交易"),
            [(Every::Month, None, None)]
        );
        assert!(rc("补贴按月计算").is_empty());
        // How the duty is done may stand between the period and the duty.
        assert_eq!(
            rc("对先进制造业企业按月全额退还增值税增量留抵税额"),
            [(Every::Month, None, None)]
        );
        assert_eq!(
            rc("按年度全面评估规划实施情况"),
            [(Every::Year, None, None)]
        );
        assert!(rc("补贴按月全额计算").is_empty());
        assert_eq!(
            rc("合同实行每两年一签"),
            [(Every::NYears, Some(2), Some(1))]
        );
        assert_eq!(rc("每月一日前报送"), [(Every::Month, None, None)]);
    }

    /// Rates per head or per period, and growth per period, are metrics, not recurrences.
    /// What there is or stays each period (a fact, a level) and a working-time system are no
    /// duty done again.
    #[test]
    fn what_there_is_or_stays_each_period_is_no_recurrence() {
        assert!(rc("每年有上千万农村人口转移到城镇").is_empty());
        assert!(rc("财政性教育经费占国内生产总值比例每年都保持在4%以上").is_empty());
        assert!(rc("城镇实行了每周五天工作制").is_empty());
        assert_eq!(rc("每年都要开展一次检查").len(), 1);
    }

    #[test]
    fn rates_per_head_or_period_are_no_recurrences() {
        for text in [
            "第一类资助对象每人每月400元",
            "每年每个分别给予40万元服务奖励",
            "最低工资标准提高至每月1500元",
            "每年新增授权发明专利10000件以上",
            "平均每年增长8%",
        ] {
            assert!(rc(text).is_empty(), "{text}");
        }
        assert_eq!(rc("每年培育600家科技企业"), [(Every::Year, None, None)]);
        assert_eq!(
            rc("公务员每年40学时法律知识学习"),
            [(Every::Year, None, None)]
        );
    }
}
