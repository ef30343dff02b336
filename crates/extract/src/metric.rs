//! Metrics: quantified goals and results (`出庭应诉率达到90%以上`, `减少50%`, `(10分)`,
//! `15个工作日内`, `新增190万元`).
//!
//! A metric is a number with a unit; its comparator comes from the words around it (`不低于`,
//! `以上`, `控制在…以内`, `增长`, `扣`…) and its indicator from the clause that holds it. Not
//! metrics: years and dates, ordinals (`第1次`), numbers inside names and titles (`12345热线`,
//! `《…》`), counts that are a recurrence's `times`, eligibility thresholds (`…突破5000万元的企业`),
//! and counts in Chinese numerals that name a set (`八个方面`) unless a comparator quantifies them.

use crate::deadline::excluded_ranges;
use crate::fold::Folded;
use crate::numeral::number_value;
use crate::words::WordList;
use duban_model::{Metric, Op};
use regex::Regex;
use std::sync::LazyLock;

const UNITS: &str = "个百分点|百分点|个工作日|工作日|个月|小时|分钟|秒钟|学时|课时|人次|件次|场次|户次|万元|亿元|千元|元|平方米|平方公里|公里|千米|方面|%|‰|件|人|名|次|天|项|个|家|部|条|轮|所|场|期|篇|份|批|户|套|座|亩|吨|倍|分|宗|类|位|支|台|辆|册|本|年|村|镇|乡|区|县|单位";

static METRIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<wan>万|千)余(?P<wunit>名|人|家|件|个|项|户|次|人次)|(?P<pct>百分之(?P<pctn>[一二两三四五六七八九十百零〇点]+))|(?P<num>\d(?: ?\d)*(?:,\d{{3}})*(?:\.\d+)?|[一二两三四五六七八九十百千]+)(?:\s*[-~—至到]\s*(?P<num2>\d+(?:\.\d+)?|[一二两三四五六七八九十]+))?\s*(?P<mult>万|亿|千)?(?P<approx>余|多)?\s*(?P<unit>{UNITS}))(?P<tail>以上|以下|以内|之内|内|左右|多|余)?"
    ))
    .expect("metric pattern compiles")
});

/// The named groups of [`METRIC`] with their indices.
static METRIC_GROUPS: LazyLock<Vec<(&'static str, usize)>> = LazyLock::new(|| {
    METRIC
        .capture_names()
        .enumerate()
        .filter_map(|(i, n)| n.map(|n| (n, i)))
        .collect()
});

/// Comparator words before a number, with their operator, longest first.
const OPS_BEFORE: &[(&str, Op)] = &[
    ("不低于", Op::Ge),
    ("不少于", Op::Ge),
    ("不小于", Op::Ge),
    ("至少", Op::Ge),
    ("保证", Op::Ge),
    ("突破", Op::Ge),
    ("超过", Op::Ge),
    ("不超过", Op::Le),
    ("不高于", Op::Le),
    ("不大于", Op::Le),
    ("不多于", Op::Le),
    ("控制在", Op::Le),
    ("控制到", Op::Le),
    ("最高", Op::Le),
    ("最多", Op::Le),
    ("压减", Op::Decrease),
    ("压缩", Op::Decrease),
    ("减少", Op::Decrease),
    ("下降", Op::Decrease),
    ("降低", Op::Decrease),
    ("缩短", Op::Decrease),
    ("减轻", Op::Decrease),
    ("扣除", Op::Decrease),
    ("扣", Op::Decrease),
    ("增长", Op::Increase),
    ("增加", Op::Increase),
    ("上升", Op::Increase),
    ("提高", Op::Increase),
    ("提升", Op::Increase),
    ("加", Op::Increase),
];
/// [`OPS_BEFORE`] as one automaton: the comparator nearest the number is the one that ends
/// last in the clause before it.
static OPS_BEFORE_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(OPS_BEFORE.iter().map(|(w, _)| *w)));

/// Metrics of a text.
///
/// ```
/// use duban_extract::metric::metrics;
/// use duban_model::Op;
/// let m = metrics("全县行政机关负责人出庭应诉率达到90%以上");
/// assert_eq!((m[0].value, m[0].unit.as_str(), m[0].op), (90.0, "%", Op::Ge));
/// assert_eq!(m[0].indicator, "全县行政机关负责人出庭应诉率");
/// ```
pub fn metrics(text: &str) -> Vec<Metric> {
    metrics_in(&Folded::new(text))
}

/// [`metrics`] of a text already folded (an item's text is folded once for every rule).
pub fn metrics_in(folded: &Folded<'_>) -> Vec<Metric> {
    let f = &folded.folded;
    let excluded = excluded_ranges(f);
    let mut out = Vec::new();
    for caps in METRIC.captures_iter(f) {
        let Some(whole) = caps.get(0) else { continue };
        if excluded
            .iter()
            .any(|&(s, e)| whole.start() >= s && whole.start() < e)
        {
            continue;
        }
        let before = &f[..whole.start()];
        let after = &f[whole.end()..];
        // A bracket opens a clause only when the number is the bracket's whole content
        // (a rubric's `(10分)`); `苏州高新(虎丘区)五个地区` is one clause.
        let bracketed = before.trim_end().ends_with(['(', '（']);
        let stops: &[char] = if bracketed {
            &['。', '；', ';', '，', ',', '\n', ':', '：', '(', '（']
        } else {
            &['。', '；', ';', '，', ',', '\n', ':', '：']
        };
        let clause_start = before
            .rfind(stops)
            .map_or(0, |p| p + f[p..].chars().next().map_or(1, char::len_utf8));
        let prefix = &f[clause_start..whole.start()];
        // Groups by index: a name look-up hashes the name, a dozen times per number.
        let get = |n: &str| {
            METRIC_GROUPS
                .iter()
                .find(|(name, _)| *name == n)
                .and_then(|&(_, i)| caps.get(i))
                .map(|m| m.as_str())
        };
        let mut unit = get("unit").or(get("wunit")).unwrap_or("").to_string();
        let tail = get("tail");
        let chinese = get("num").is_some_and(|n| !n.starts_with(|c: char| c.is_ascii_digit()));
        // The digits of an Arabic number, without the spaces PDF extraction leaves in them.
        let digits: String = get("num")
            .unwrap_or("")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        let value = if let Some(m) = get("wan") {
            // `万余名`: at least one ten-thousand.
            unit = format!("{m}{unit}");
            1.0
        } else if let Some(p) = get("pctn") {
            unit = "%".into();
            match crate::numeral::chinese_value(p) {
                Some(v) => f64::from(v),
                None => continue,
            }
        } else {
            match get("num").and_then(number_value) {
                Some(v) => v,
                None => continue,
            }
        };
        // Dates, years and ordinals.
        if before.ends_with('第') || before.ends_with("第 ") {
            continue;
        }
        if unit == "年" {
            // `3年内` and `不超过5年` are time limits; `实施满1年`, `每隔2年`, `2015年` are not metrics.
            let limited = matches!(tail, Some("内" | "以内" | "之内"))
                || ["不超过", "最长", "不少于", "不低于"]
                    .iter()
                    .any(|w| prefix.ends_with(w));
            if !limited || digits.len() == 4 || prefix.ends_with('每') || prefix.ends_with("每隔")
            {
                continue;
            }
        }
        if digits.len() == 4 && digits.starts_with(['1', '2']) && after.starts_with(['年', '月'])
        {
            continue;
        }
        if (unit == "天"
            || unit == "日"
            || unit == "个月"
            || unit == "小时"
            || unit == "工作日"
            || unit == "个工作日")
            && after.starts_with(['前', '后'])
        {
            continue;
        }
        if matches!(unit.as_str(), "村" | "镇" | "乡" | "区" | "县" | "单位")
            && get("approx").is_none()
            && tail.is_none()
            && chinese
        {
            continue;
        }
        // Names and codes: `5G`, `3A级`.
        if after.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        // `六方面内容`: `内` there starts a word, it is no limit.
        let tail = if tail == Some("内") && after.starts_with(['容', '部', '外', '涵']) {
            None
        } else {
            tail
        };
        // Per-unit bases of a rate: `每少报送1条…扣0.2分`.
        if prefix.contains("每少") || prefix.contains("每多") || prefix.ends_with('每') {
            continue;
        }
        // A count that is a recurrence's times: `每年至少召开一次`.
        if matches!(unit.as_str(), "次" | "回")
            && (prefix.contains('每') || before.ends_with("一年") || prefix.contains("一年"))
        {
            continue;
        }
        if matches!(unit.as_str(), "次") && chinese && value <= 1.0 {
            continue;
        }
        // Eligibility thresholds: `首次突破5000万元的企业`, `满1年的`.
        if after.starts_with('的')
            && (prefix.contains("首次") || prefix.contains('满') || prefix.ends_with("突破"))
        {
            continue;
        }
        let mut op = OPS_BEFORE_WORDS
            .last_in(prefix)
            .map(|(i, _)| OPS_BEFORE[i].1);
        // `加` and `扣` are operators only right before the number (`加5分`, not `加强…5项`).
        if let Some(Op::Increase | Op::Decrease) = op {
            let near = crate::fold::last_chars(prefix, 4);
            let far_only = ![
                "增长", "增加", "上升", "提高", "提升", "减少", "下降", "降低", "压减", "压缩",
                "缩短", "减轻",
            ]
            .iter()
            .any(|w| prefix.contains(w));
            if far_only && !near.contains(['加', '扣']) {
                op = None;
            }
            if prefix.ends_with("提高到")
                || prefix.ends_with("提高至")
                || prefix.ends_with("增加到")
                || prefix.ends_with("上升到")
                || prefix.ends_with("下降到")
                || prefix.ends_with("降低到")
                || prefix.ends_with("减少到")
            {
                op = Some(Op::Eq);
            }
        }
        let ranged = get("num2").and_then(number_value);
        let approx =
            get("approx").is_some() || get("wan").is_some() || matches!(tail, Some("多" | "余"));
        let op = match tail {
            Some("以上") => Op::Ge,
            Some("以下" | "以内" | "之内" | "内") => Op::Le,
            Some("左右") => Op::Eq,
            _ if approx => Op::Ge,
            _ => op.unwrap_or(Op::Eq),
        };
        // Chinese numerals quantify only with a comparator right at them (`两名以上`,
        // `不少于三次`), never as a set's name (`两方面`, `一批`).
        let adjacent_comparator =
            OPS_BEFORE.iter().any(|(w, _)| prefix.ends_with(w)) || prefix.ends_with("达到");
        if chinese
            && get("pct").is_none()
            && tail.is_none()
            && !approx
            && (!adjacent_comparator || value == 1.0)
        {
            continue;
        }
        // The starting value of a change (`由去年的1076亿元增加到1562亿元`) is no goal.
        if [
            "提高到",
            "提高至",
            "增加到",
            "增加至",
            "提升到",
            "提升至",
            "上升到",
            "上升至",
            "下降到",
            "下降至",
            "降低到",
            "降低至",
            "减少到",
            "减少至",
            "扩大到",
            "扩大至",
            "增长到",
            "增长至",
        ]
        .iter()
        .any(|w| per_unit_tail(after).starts_with(w))
        {
            continue;
        }
        let mult = if get("wan").is_some() {
            ""
        } else {
            get("mult").unwrap_or("")
        };
        let unit = format!("{mult}{unit}");
        let indicators = indicators(
            f,
            clause_start,
            whole.start(),
            whole.end(),
            get("unit").or(get("wunit")).unwrap_or(""),
            op,
        );
        let text = folded
            .original_of(clause_start, whole.end())
            .trim()
            .to_string();
        if let Some(hi) = ranged {
            for (v, op) in [(value, Op::Ge), (hi, Op::Le)] {
                out.push(Metric {
                    text: text.clone(),
                    indicator: indicators[0].clone(),
                    op,
                    value: v,
                    unit: unit.clone(),
                });
            }
            continue;
        }
        for indicator in indicators {
            out.push(Metric {
                text: text.clone(),
                indicator,
                op,
                value,
                unit: unit.clone(),
            });
        }
    }
    out
}

/// `报备率、及时率、规范率`: a list of rates that share the number after them.
fn list_of_rates(phrase: &str) -> bool {
    let tail = phrase
        .rsplit(['，', ','])
        .next()
        .unwrap_or(phrase)
        .trim_end_matches(|c: char| "达到为均".contains(c));
    let parts: Vec<&str> = tail.split('、').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.ends_with('率') || p.ends_with("比例") || p.ends_with("比重"))
}

/// Comparator and filler words stripped from the end of an indicator phrase.
const TRAILING: &[&str] = &[
    "均达到",
    "都达到",
    "分别达到",
    "均为",
    "达到",
    "达",
    "为",
    "不低于",
    "不少于",
    "不小于",
    "至少",
    "保证有",
    "保证",
    "突破",
    "超过",
    "不超过",
    "不高于",
    "控制在",
    "控制到",
    "最高",
    "提高到",
    "提高至",
    "增加到",
    "提高",
    "增长",
    "增加",
    "上升",
    "下降",
    "降低",
    "减少",
    "压减",
    "压缩",
    "缩短",
    "调整",
    "在现有基础上",
    "比上年",
    "同比",
    "较上年",
    "累计",
    "共",
    "已",
    "有",
    "的",
    "均",
    "都",
    "约",
    "近",
    "扣",
    "加",
    "年均",
];

/// Units that count things: the counted thing usually follows the number
/// (`实现11类高频电子证照入库应用`), and the indicator is its number (`…数`).
const COUNT_UNITS: &[&str] = &[
    "件", "人", "名", "项", "个", "家", "部", "条", "轮", "所", "场", "期", "篇", "份", "批", "户",
    "套", "座", "宗", "类", "位", "支", "台", "辆", "册", "本", "方面", "人次", "件次", "场次",
    "户次", "村", "镇", "乡", "区", "县", "单位", "次",
];

static DATES_AND_COUNTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:19|20)\d{{2}}\s*年(?:度)?(?:\d{{1,2}}\s*月(?:\d{{1,2}}\s*日)?)?(?:底|末)?(?:前|以前|以来)?|\d+(?:\.\d+)?\s*(?:万|亿|千)?(?:余|多)?\s*(?:{UNITS})?"))
        .expect("pattern compiles")
});

/// What follows an amount once its per-unit part is passed over: `/头提高至…` → `提高至…`.
fn per_unit_tail(after: &str) -> &str {
    let t = after.trim_start();
    match t.strip_prefix(['/', '每']) {
        Some(rest) => {
            let skip: usize = rest
                .chars()
                .take_while(|c| {
                    !c.is_ascii() && !matches!(c, '提' | '增' | '上' | '下' | '降' | '减' | '扩')
                })
                .take(2)
                .map(char::len_utf8)
                .sum();
            &rest[skip..]
        }
        None => t,
    }
}

static COUNTED_LIST_MEMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\d\s*(?:万|亿|千)?(?:余|多)?\s*(?:{UNITS})(?:以上|以下|左右|多|余)?[、，,]"
    ))
    .expect("pattern compiles")
});

/// Strips comparators, fillers, dates and other counts from a phrase before a number.
fn core_before(phrase: &str) -> String {
    let mut phrase = DATES_AND_COUNTS.replace_all(phrase, "").trim().to_string();
    loop {
        let before = phrase.clone();
        for w in TRAILING {
            if let Some(p) = phrase.strip_suffix(w) {
                phrase = p.trim_end().to_string();
            }
        }
        for lead in [
            "其中", "全年", "共", "累计", "已", "较", "比", "截至", "截止", "在", "并", "分",
        ] {
            if let Some(p) = phrase.strip_prefix(lead)
                && p.chars().count() >= 2
            {
                phrase = p.to_string();
            }
        }
        if phrase == before {
            break;
        }
    }
    // `完成A、B、C等4件…`: the list names the things counted, the verb before it the act.
    if phrase.ends_with('等') {
        phrase.pop();
        if phrase.contains('、')
            && let Some(first) = duban_segment::Segmenter::shared().tokens(&phrase).first()
        {
            phrase = first.text.to_string();
        }
    }
    phrase
}

/// The thing after a number, up to the end of its clause, without other numbers.
fn core_after(rest: &str) -> String {
    let end = rest
        .find(['。', '；', ';', '，', ',', '\n', '(', ')', '、'])
        .unwrap_or(rest.len());
    let after = DATES_AND_COUNTS.replace_all(&rest[..end], "");
    after
        .trim()
        .trim_start_matches(['的', '以', '上', '下'])
        .trim()
        .to_string()
}

/// The clause before `clause_start`, as a condition or subject (`未建立台账的` → `未建立台账`).
fn previous_clause(f: &str, clause_start: usize) -> String {
    let head = f[..clause_start].trim_end_matches(['，', ',', '。', '；', ';', '(', '（', ' ']);
    let clause = head
        .rsplit(['。', '；', ';', '，', ',', '\n', ':', '：'])
        .next()
        .unwrap_or("");
    core_before(clause.trim().trim_end_matches('的'))
}

/// The indicators a metric measures: the clause around the number without its comparator and
/// other numbers, completed by what is counted after it (`…数`), by the condition of a
/// deduction (`未持证上岗…扣分`), or by the item a rubric's points are for (`…分值`); one per
/// member of a shared list (`进驻率、按时办结率均达到100%`).
fn indicators(
    f: &str,
    clause_start: usize,
    num_start: usize,
    num_end: usize,
    unit: &str,
    op: Op,
) -> Vec<String> {
    let mut raw = f[clause_start..num_start].trim();
    // In a list of counts (`制定市政府文件13件、部门文件38件`) each member measures its own thing.
    if let Some(last) = COUNTED_LIST_MEMBER.find_iter(raw).last() {
        raw = &raw[last.end()..];
    }
    let shared =
        raw.contains('均') || raw.contains('都') || raw.contains("分别") || list_of_rates(raw);
    let a = core_before(raw);
    if shared && a.contains('、') {
        let parts: Vec<String> = a
            .split('、')
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect();
        if parts.len() >= 2 {
            return parts;
        }
    }
    let short = |s: &str| s.chars().count() < 4;
    // A rubric's points in brackets after the item: `遵守决策程序(10分)`.
    if unit == "分" && f[..num_start].trim_end().ends_with(['(', '（']) {
        let line = f[..num_start].trim_end().trim_end_matches(['(', '（']);
        let item = line
            .rsplit(['\n'])
            .next()
            .unwrap_or("")
            .trim_end_matches(['。', '.', ' ']);
        return vec![format!("{}分值", item.trim())];
    }
    // A deduction or bonus: the condition before it.
    if unit == "分" && matches!(op, Op::Decrease | Op::Increase) {
        let cond = if short(&a) {
            previous_clause(f, clause_start)
        } else {
            a.trim_end_matches('的').to_string()
        };
        let word = if op == Op::Decrease {
            "扣分"
        } else {
            "加分"
        };
        return vec![format!("{cond}{word}")];
    }
    let b = core_after(&f[num_end..]);
    let counted = COUNT_UNITS.contains(&unit);
    let mut phrase = a;
    if short(&phrase) && (b.is_empty() || !counted) {
        phrase = format!("{}{phrase}", previous_clause(f, clause_start));
    }
    if !b.is_empty() && !phrase.ends_with('率') && (counted || !phrase.ends_with("比例")) {
        phrase.push_str(&b);
    }
    if counted && !phrase.ends_with('数') {
        phrase.push('数');
    }
    vec![phrase]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mt(text: &str) -> Vec<(f64, String, Op)> {
        metrics(text)
            .into_iter()
            .map(|m| (m.value, m.unit, m.op))
            .collect()
    }

    #[test]
    fn at_least_from_a_trailing_yishang() {
        assert_eq!(mt("培训合格率达到95%以上"), [(95.0, "%".into(), Op::Ge)]);
    }

    #[test]
    fn not_lower_than_is_at_least() {
        assert_eq!(mt("所占权重不低于总分的10%"), [(10.0, "%".into(), Op::Ge)]);
    }

    #[test]
    fn control_within_is_at_most() {
        assert_eq!(
            mt("行政成本占比控制在20%以内"),
            [(20.0, "%".into(), Op::Le)]
        );
    }

    #[test]
    fn a_reduction_is_a_decrease() {
        assert_eq!(
            mt("审批时限在现有基础上压减40%"),
            [(40.0, "%".into(), Op::Decrease)]
        );
    }

    #[test]
    fn a_shared_value_gives_one_metric_per_indicator() {
        let m = metrics("办结率、满意率均达到100%");
        assert_eq!(m.len(), 2);
        assert_eq!(m[0].indicator, "办结率");
        assert_eq!(m[1].indicator, "满意率");
    }

    #[test]
    fn a_list_of_rates_shares_the_value() {
        assert_eq!(metrics("实现文件的报备率、及时率、规范率100%").len(), 3);
    }

    #[test]
    fn ten_thousand_odd_is_at_least_one_ten_thousand() {
        assert_eq!(
            mt("培育基层法律明白人万余名"),
            [(1.0, "万名".into(), Op::Ge)]
        );
    }

    #[test]
    fn a_validity_period_not_over_five_years_is_at_most_five_years() {
        assert_eq!(
            mt("有效期一般不超过5年，规章每隔5年清理一次"),
            [(5.0, "年".into(), Op::Le)]
        );
    }

    #[test]
    fn a_count_followed_by_another_count_is_read() {
        assert_eq!(
            mt("明确6方面26项工作任务"),
            [(6.0, "方面".into(), Op::Eq), (26.0, "项".into(), Op::Eq)]
        );
        assert_eq!(
            mt("对250余名新申领证件人员进行培训"),
            [(250.0, "名".into(), Op::Ge)]
        );
    }

    #[test]
    fn nei_that_starts_a_word_is_no_limit() {
        assert!(mt("将六方面内容纳入学法重点").is_empty());
    }

    #[test]
    fn ten_thousand_belongs_to_the_unit() {
        assert_eq!(mt("安排专项经费190万元"), [(190.0, "万元".into(), Op::Eq)]);
    }

    #[test]
    fn more_than_ten_is_at_least_ten() {
        assert_eq!(mt("培育十余家示范单位"), [(10.0, "家".into(), Op::Ge)]);
    }

    #[test]
    fn a_range_gives_two_metrics() {
        assert_eq!(
            mt("每个镇配备1~2名法制员"),
            [(1.0, "名".into(), Op::Ge), (2.0, "名".into(), Op::Le)]
        );
    }

    #[test]
    fn relative_time_limits_are_at_most() {
        assert_eq!(
            mt("在15个工作日内办结"),
            [(15.0, "个工作日".into(), Op::Le)]
        );
        assert_eq!(mt("48小时之内作出答复"), [(48.0, "小时".into(), Op::Le)]);
    }

    #[test]
    fn points_of_a_rubric_and_deductions_are_metrics() {
        assert_eq!(mt("依法决策(10分)"), [(10.0, "分".into(), Op::Eq)]);
        assert_eq!(mt("未公开的，扣3分"), [(3.0, "分".into(), Op::Decrease)]);
        assert_eq!(
            mt("评为示范单位的加5分"),
            [(5.0, "分".into(), Op::Increase)]
        );
    }

    #[test]
    fn years_ordinals_and_names_are_not_metrics() {
        assert!(mt("2015年完成第1次评估，开通12345热线").is_empty());
    }

    #[test]
    fn chinese_numerals_naming_a_set_are_not_metrics() {
        assert!(mt("明确八个方面的任务，建立三项制度").is_empty());
        assert_eq!(mt("保证有两名以上工作人员"), [(2.0, "名".into(), Op::Ge)]);
    }

    #[test]
    fn a_recurrence_count_is_not_a_metric() {
        assert!(mt("每年至少召开一次会议，每年组织2次学法").is_empty());
    }

    #[test]
    fn the_per_unit_base_of_a_deduction_is_not_a_metric() {
        assert_eq!(
            mt("每少报送1条信息的，扣0.2分"),
            [(0.2, "分".into(), Op::Decrease)]
        );
    }

    #[test]
    fn digits_spaced_out_by_pdf_extraction_are_one_number() {
        assert_eq!(
            mt("粮食总产量稳定在1 5 0 0万吨以上"),
            [(1500.0, "万吨".into(), Op::Ge)]
        );
        assert!(mt("到2 0 0 5年").is_empty());
    }

    #[test]
    fn each_member_of_a_list_of_counts_has_its_own_indicator() {
        let m = metrics("制定市政府规范性文件13件、部门规范性文件38件");
        assert_eq!(m[1].indicator, "部门规范性文件数");
    }

    #[test]
    fn the_start_of_a_change_is_not_a_metric() {
        assert_eq!(
            mt("补助标准由每人每年40元提高到80元"),
            [(80.0, "元".into(), Op::Eq)]
        );
    }

    #[test]
    fn a_batch_or_two_aspects_in_chinese_numerals_is_no_metric() {
        assert!(mt("增加有效供给和抑制不合理需求两方面，突破一批关键技术").is_empty());
    }

    #[test]
    fn the_indicator_of_a_change_leaves_out_the_other_amounts() {
        let m = metrics("中央财政安排科技支出1134亿元，比上年增加134亿元");
        assert_eq!(m[1].indicator, "中央财政安排科技支出");
    }

    #[test]
    fn the_start_of_a_change_per_unit_is_not_a_metric() {
        assert_eq!(
            mt("补贴由1000元/头提高至1500元/头"),
            [(1500.0, "元".into(), Op::Eq)]
        );
    }

    #[test]
    fn a_member_after_a_bounded_member_has_its_own_indicator() {
        let m = metrics("公办园在园幼儿比例达50%以上、普惠性幼儿园在园幼儿比例达80%以上");
        assert_eq!(m[1].indicator, "普惠性幼儿园在园幼儿比例");
    }

    #[test]
    fn a_percentage_in_chinese_is_read() {
        assert_eq!(mt("结案率达到百分之九十以上"), [(90.0, "%".into(), Op::Ge)]);
    }

    #[test]
    fn arabic_counts_of_work_done_are_metrics() {
        assert_eq!(
            mt("完成4件地方性法规议案的起草"),
            [(4.0, "件".into(), Op::Eq)]
        );
    }

    #[test]
    fn an_eligibility_threshold_is_not_a_metric() {
        assert!(mt("对年销售收入首次突破5000万元的企业给予奖励").is_empty());
    }
}
