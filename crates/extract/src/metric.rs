//! Metrics: quantified goals and results (`出庭应诉率达到90%以上`, `减少50%`, `(10分)`,
//! `15个工作日内`, `新增190万元`).
//!
//! A metric is a number with a unit; its comparator comes from the words around it and its
//! indicator from the clause that holds it.
//!
//! The words are data, in `corpora/lexicon/` (read through `duban-lexicon`): comparators
//! (`comparators.tsv`), units (`units.tsv`), fillers, comparison and period words
//! (`metric_words.tsv`) and the words trimmed from an indicator (`indicator_words.tsv`); this
//! module holds the rules that use them.
//!
//! - Units are an open class read from two lists, measure words that count things (`个`,
//!   `家`, `艘`, `趟次`…) and units of measure (`%`, `亿美元`, `千瓦时`, `万方`, `元/人/日`,
//!   `岁`, `成`…); a 万/亿 before a unit belongs to it, and stands as the unit where none
//!   follows (`减少1109万`).
//! - One comparator vocabulary (`comparators.tsv`) gives the operator before a number and is
//!   trimmed from the indicator. A comparator counts where it is a word of its own (`保证` is
//!   none in `保证金`) and only fillers (`约`, `了`, `分别`…) stand between it and the number.
//!   A change (`增长`, `下降`) keeps its op whatever qualifies it (`增长10%以上`); a change
//!   reaching a level (`提高到50%`) is the level; a change whose object is a count of things
//!   (`增加2个工作室`) counts new things.
//! - Lists: `A、B分别增长X、Y` pairs subjects and values one to one; one value after a list
//!   (`A、B均达到100%`) is one metric per member; a bare number before another
//!   (`6.5和2.3个百分点`) shares its unit. A range `2-3个` is two metrics.
//! - Indicators: the clause before the number without comparators, fillers, time words, other
//!   numbers (with the `内` of a span) and the examples before `等`, completed by the thing
//!   counted after it. Of a list, a member keeps only the list's verb (`完成A、B和5个C` →
//!   `完成C数`, `组织学习5场、党课7场` → `组织党课场数`); a share (`占X的N%`) is of the amount
//!   the clause before names. Verbs are told by the segmenter's part-of-speech tags.
//!
//! Not metrics: years and dates, ordinals (`第1次`), numbers inside names and titles
//! (`12345热线`, `5G`, `《…》`), counts that are a recurrence's `times`, the start of a change
//! (`由40元提高到80元`), eligibility thresholds and classes (`…突破5000万元的企业`, `45岁以下`,
//! `1亿元以上项目`), the case a rule is stated for (`…不超过2个月最低生活保障标准的，由…审批`),
//! look-back windows (`近3年内`), the field of a rank (`30个参评单位中名列第五`), and counts in
//! Chinese numerals that name a set (`八个方面`) unless a comparator quantifies them. A time
//! limit's indicator is its actor and the act the span bounds (`区民政部门作出审批决定时限`); a
//! grant's, the grant and whom or which case it is for.

use crate::deadline::excluded_ranges;
use crate::fold::Folded;
use crate::numeral::number_value;
use duban_lexicon::WordList;
use duban_lexicon::{
    Comparator, IndicatorWord, MetricWord, Unit, comparators, indicator_words, metric_words, units,
};
use duban_model::{Metric, Op};
use regex::Regex;
use std::sync::LazyLock;

/// Whether a unit counts discrete things (`个`, `家`, `人次`): the counted thing usually
/// follows the number (`实现11类高频电子证照入库应用`), and a count's indicator is the number of
/// it (`…数`).
fn is_count(unit: &str) -> bool {
    units().of(Unit::Count).contains(&unit)
}

/// Whether a unit is a span of time: a relative limit counts in it (`3个工作日内`), and a
/// number of it before `前`/`后` dates something (`30天前`).
fn is_time(unit: &str) -> bool {
    units().of(Unit::Time).contains(&unit)
}

/// An alternation of words, longest first so that `个百分点` wins over `个`.
fn alternation(lists: &[&[&str]]) -> String {
    let mut words: Vec<&str> = lists.iter().flat_map(|l| l.iter().copied()).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    words.dedup();
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// Every unit, longest first.
static UNITS: LazyLock<String> =
    LazyLock::new(|| alternation(&[units().of(Unit::Count), units().of(Unit::Measure)]));

/// Whether a table cell is a unit and nothing else (`%`, `亿元`, `万人次`): the unit column of
/// an indicator table.
pub(crate) fn is_unit_cell(cell: &str) -> bool {
    let cell = crate::fold::fold(cell.trim());
    // A unit per another (`微克/立方米`, `吨/万元`): the first a unit, each after `/` a base.
    let mut parts = cell.split('/');
    let first = parts.next().unwrap_or("");
    let bare = ["万亿", "亿", "万", "千"]
        .iter()
        .find_map(|m| first.strip_prefix(m))
        .unwrap_or(first);
    [units().of(Unit::Count), units().of(Unit::Measure)]
        .iter()
        .any(|list| list.contains(&bare))
        && parts.all(|per| units().of(Unit::Per).contains(&per))
}

/// A table cell that is a value and nothing else, with a sign or bound: `6`, `≥2000`,
/// `95以上`, `约50`, `〔18〕` (a plan's total over its years, in brackets).
static VALUE_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<sign>≥|≤|>|<|约|不低于|不少于|不超过|不高于)?\s*[〔\[［]?(?P<n>\d+(?:\.\d+)?)[〕\]］]?\s*(?P<tail>以上|以下|以内|左右)?$")
        .expect("value cell pattern compiles")
});

/// The phrase a table row's value cell states with its row's indicator and unit:
/// (`城镇新增就业`, `≥2000`, `人`) → `城镇新增就业≥2000人`; `None` when the cell is no value.
pub(crate) fn value_phrase(indicator: &str, cell: &str, unit: &str) -> Option<String> {
    let folded = crate::fold::fold(cell.trim());
    let c = VALUE_CELL.captures(&folded)?;
    let part = |n: &str| c.name(n).map_or("", |m| m.as_str());
    Some(format!(
        "{indicator}{}{}{}{}",
        part("sign"),
        part("n"),
        unit.trim(),
        part("tail")
    ))
}

/// A 万/亿 standing as the unit of its own (`减少1109万`, `超百亿`).
fn is_bare_multiplier(unit: &str) -> bool {
    matches!(unit, "万" | "亿" | "万亿" | "千")
}

/// A short noun and `的` right after a bare 万/亿 count (`14亿中国人的饭碗`): the count says whose
/// the thing after `的` is.
static POSSESSOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:多|余)?\p{Han}{1,4}的").expect("possessor pattern compiles"));

/// The population of a country or place, named without `的` (`14亿多人口大国`, `千万人口城市`).
static POPULATION_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^人口(?:大国|大省|大市|国家|城市|大县)").expect("population pattern compiles")
});

/// A multiplier of a count, with `多`/`余` on either side (`2400多万`, `3700万多`, `1200余`).
const MULTIPLIER: &str = "(?:余|多)?(?:万亿|亿|万|千)?(?:余|多)?";

/// A Chinese numeral.
const CN: &str = "[一二两三四五六七八九十百千][一二两三四五六七八九十百千零〇]*(?:万[一二两三四五六七八九十百千零〇]+)?";

static METRIC: LazyLock<Regex> = LazyLock::new(|| {
    let per = alternation(&[units().of(Unit::Per)]);
    let units = &*UNITS;
    Regex::new(&format!(
        r"(?:(?P<wan>万|千)余(?P<wunit>{units})|(?P<pct>百分之(?P<pctn>[一二两三四五六七八九十百零〇]+(?:点[一二三四五六七八九零〇]+)?))|(?P<frac>(?P<den>\d+|{CN})分之(?P<numer>\d+(?:\.\d+)?|{CN}))|(?P<half>一半|半数)|(?P<num>\d(?: ?\d)*(?:,\d{{3}})*(?:\.\d+)?|{CN}(?:点[零〇一二三四五六七八九]+)?|[零〇]点[零〇一二三四五六七八九]+)(?:(?P<unit1>%|‰|(?:万亿|亿|万|千)?(?:{units}))?\s*[-~—至到]\s*(?P<num2>\d+(?:\.\d+)?|[一二两三四五六七八九十]+))?\s*(?:(?P<preapprox>余|多)?(?P<mult>万亿|亿|万|千)?(?P<approx>余|多)?\s*(?P<unit>{units})(?P<per>(?:/(?:{per}))*)|(?P<bpreapprox>余|多)?(?P<bare>万亿|亿|万)(?P<bapprox>余|多)?))(?:(?:[(（]\p{{Han}}{{1,2}}[)）])?(?P<tail>及以上|及以下|以上|以下|以内|之内|内|左右|上下|多|余))?"
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

/// How a comparator word relates the number after it to the indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// A bound on the level: `不低于`, `控制在`, `超过`.
    Bound,
    /// A change by the number: `增长`, `压减`; followed by `到`/`至`/`为` it reaches a level.
    Change,
    /// Points added or taken off a score (`加5分`, `扣3分`): only right before points.
    Points,
    /// A level stated: `达到`, `为`; no operator of its own.
    Level,
}

/// The comparator vocabulary (`comparators.tsv`): the words that give the operator before a
/// number, each with its operator and role, in the file's order. The same words are trimmed
/// from the end of an indicator phrase ([`TRIMMED`]), so that a comparator never ends up inside
/// an indicator (`出庭应诉率不大于5%` → `出庭应诉率`).
static COMPARATORS: LazyLock<Vec<(&'static str, Op, Role)>> = LazyLock::new(|| {
    comparators()
        .entries()
        .iter()
        .map(|e| {
            let (op, role) = match e.role {
                Comparator::AtLeast => (Op::Ge, Role::Bound),
                Comparator::AtMost => (Op::Le, Role::Bound),
                Comparator::Increase => (Op::Increase, Role::Change),
                Comparator::Decrease => (Op::Decrease, Role::Change),
                Comparator::PointsAdded => (Op::Increase, Role::Points),
                Comparator::PointsTaken => (Op::Decrease, Role::Points),
                Comparator::Level => (Op::Eq, Role::Level),
            };
            (e.word, op, role)
        })
        .collect()
});

/// [`COMPARATORS`] as one automaton: the comparator nearest the number is the one that ends
/// last in the clause before it.
static COMPARATOR_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(COMPARATORS.iter().map(|(w, _, _)| *w)));

/// Words that may stand between a comparator and its number without taking it over
/// (`增长约300%`, `提高到近56%`, `分别增长2.3%`, `降幅超过4.25%`), stripped in the file's order.
fn fillers() -> &'static [&'static str] {
    metric_words().of(MetricWord::Filler)
}

/// The comparator that governs a number, from the clause before it: its operator and role, and
/// whether a change reaches a level (`提高到`).
fn comparator(prefix: &str, unit: &str, counted: bool) -> Option<(Op, Role, bool)> {
    let (i, end) = COMPARATOR_WORDS.last_in(prefix)?;
    let (word, _, role) = COMPARATORS[i];
    let start = end - word.len();
    // A level word or a filler bound after another comparator (`增长达20%`, `降幅超过4%`,
    // `至少达到3家`) leaves the number to the one before it.
    if (role == Role::Level || fillers().contains(&word))
        && let Some((j, end2)) = COMPARATOR_WORDS.last_in(&prefix[..start])
        && let found @ Some(_) = governs(prefix, j, end2, unit, counted)
    {
        // `新增减负超过2.5万亿元`: the bound is the new amount's.
        if counts_new(prefix, j, end2) {
            return governs(prefix, i, end, unit, counted);
        }
        // `增加到超过100万亿元`: a change that reaches a level reaches it bounded.
        if role == Role::Bound && found.is_some_and(|(_, _, reaches)| reaches) {
            return governs(prefix, i, end, unit, counted);
        }
        return found;
    }
    let found = governs(prefix, i, end, unit, counted);
    // `新增减税降费约5000亿元`: what a change brings counted as new things is a level (the
    // spec's `新增`), not the change.
    if found.is_some_and(|(_, role, _)| role == Role::Change) && counts_new(prefix, i, end) {
        return Some((Op::Eq, Role::Level, false));
    }
    found
}

/// Whether `新增` stands right before comparator `i` ending at `end` of `prefix` (at most three
/// characters between: `新增减税降费`).
fn counts_new(prefix: &str, i: usize, end: usize) -> bool {
    let before = &prefix[..end - COMPARATORS[i].0.len()];
    before
        .rfind("新增")
        .is_some_and(|at| before[at + "新增".len()..].chars().count() <= 3)
}

/// The operator of comparator `i` ending at `end` of `prefix`, when it governs the number at
/// the end of `prefix`.
fn governs(
    prefix: &str,
    i: usize,
    end: usize,
    unit: &str,
    counted: bool,
) -> Option<(Op, Role, bool)> {
    let (word, op, role) = COMPARATORS[i];
    let start = end - word.len();
    if !stands_alone(prefix, start, end) {
        return None;
    }
    // `提升改造旧工业区12.2万平方米`, `改造提升…`: a change joined to an act of building names
    // the act; what it is done to is counted, not changed.
    const ACTS: [&str; 5] = ["改造", "建设", "整治", "修缮", "打造"];
    if role == Role::Change
        && ACTS
            .iter()
            .any(|a| prefix[end..].starts_with(a) || prefix[..start].ends_with(a))
    {
        return None;
    }
    let mut gap = &prefix[end..];
    let mut reached = false;
    if role == Role::Change
        && let Some(rest) = gap.strip_prefix(['到', '至', '为', '成'])
    {
        reached = true;
        gap = rest;
    }
    // `压缩审批时限至1个工作日`: the object of the change, then the level it reaches.
    if role == Role::Change
        && !reached
        && let Some(object) = gap.trim_end().strip_suffix(['到', '至'])
        && object.chars().count() <= 10
        && !object.contains(|c: char| c.is_ascii_digit())
        && COMPARATOR_WORDS.last_in(gap).is_none()
    {
        reached = true;
        gap = "";
    }
    let gap = strip_fillers(gap.trim());
    let applies = match role {
        _ if gap.is_empty() => true,
        // The object of a change between it and a measure: `缩短办理时间50日`,
        // `增加国家铁路建设资本金1000亿元` (an object of up to ten characters).
        Role::Change => {
            !counted
                && !reached
                && gap.chars().count() <= 10
                && !gap.contains(|c: char| c.is_ascii_digit())
                && COMPARATOR_WORDS.last_in(gap).is_none()
                && !["完成", "实现", "投资", "总额"]
                    .iter()
                    .any(|w| gap.contains(w))
        }
        // `不超过本市12个月`, `至少配备1名`, `不低于考评总分数的15%`; a share or multiple of
        // a reference may name it at length (`不低于当地城镇居民最低生活保障标准的1.6倍`).
        Role::Bound => {
            let n = gap.chars().count();
            let share = matches!(unit, "%" | "倍" | "成");
            // A negated bound names the base of its share plainly (`不超过项目总投资30%`).
            // A rate's bases may stand between (`不高于每人每天35元`).
            !gap.contains(|c: char| c.is_ascii_digit())
                && (n <= 3
                    // `至少组织开展1次演练`: the acts counted may be named at length.
                    || n <= 6 && matches!(unit, "次" | "场" | "期" | "轮" | "回")
                    || PER_UNIT_RUN.is_match(gap)
                    || gap.ends_with('的') && (n <= 8 || share && n <= 20)
                    || share && n <= 8 && word.starts_with('不'))
        }
        Role::Points | Role::Level => false,
    };
    if !applies {
        return None;
    }
    if role == Role::Points && !unit.ends_with('分') {
        return None;
    }
    // `高于全省5.5个百分点`: points after a reference are the gap to it, not a bound.
    if role == Role::Bound && !gap.is_empty() && unit == "个百分点" {
        return Some((Op::Eq, role, reached));
    }
    Some((op, role, reached))
}

/// The bases of a rate between a bound and its number: `每人每天`, `每户每月`.
static PER_UNIT_RUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:每(?:人|生|户|家|个|次|件|月|年|天|日|周|季度?|亩|床))+$")
        .expect("per-unit run pattern compiles")
});

/// `gap` without the fillers at its start.
fn strip_fillers(mut gap: &str) -> &str {
    loop {
        let before = gap;
        for w in fillers() {
            if let Some(rest) = gap.strip_prefix(w) {
                gap = rest.trim_start();
            }
        }
        if gap == before {
            return gap;
        }
    }
}

/// Whether the comparator at `start..end` of `prefix` is a word of its own there, not a part
/// of a longer one (`保证金`, `参加`, `通过`, `新增`): the segmenter puts a word boundary at its
/// end, and at both ends of a single character. Only a few characters around it are cut, so this stays cheap on long items.
fn stands_alone(prefix: &str, start: usize, end: usize) -> bool {
    let from = crate::fold::last_chars(&prefix[..start], 4);
    let from = start - from.len();
    let to = prefix[end..]
        .char_indices()
        .nth(3)
        .map_or(prefix.len(), |(i, _)| end + i);
    let window = &prefix[from..to];
    let (s, e) = (start - from, end - from);
    let tokens = duban_segment::Segmenter::shared().tokens(window);
    // A word of two or more characters needs only to end where a word ends: the segmenter
    // glues a subject to it (`价格上涨`), never a noun after it without showing (`保证金`).
    let single = prefix[start..end].chars().count() == 1;
    // A one-character word right after a count's unit and right before the number stands
    // alone, whatever the segmenter makes of the unit and it (`少开1次扣1分`: `次扣`).
    let after_a_count = || {
        end == prefix.len()
            && units().entries().iter().any(|u| {
                prefix[..start]
                    .strip_suffix(u.word)
                    .is_some_and(|number| number.ends_with(|c: char| c.is_ascii_digit()))
            })
    };
    (!single || after_a_count() || tokens.iter().any(|t| t.start == s))
        && tokens.iter().any(|t| t.end == e)
}

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

/// A number read as a metric, before its indicator is named.
struct Found {
    /// Byte range of the number and its unit in the folded text.
    start: usize,
    end: usize,
    /// Where its clause starts.
    clause_start: usize,
    /// The value, and a range's upper end.
    value: f64,
    upper: Option<f64>,
    op: Op,
    /// Whether its own words gave the op (a comparator or a tail), not the default.
    own_op: bool,
    /// The unit with its 万/亿, and the bare unit.
    unit: String,
    bare_unit: String,
}

static BARE_NUMBER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d.])(\d+(?:\.\d+)?)\s*[、和及与]\s*$").expect("pattern compiles")
});

/// [`metrics`] of a text already folded (an item's text is folded once for every rule).
pub fn metrics_in(folded: &Folded<'_>) -> Vec<Metric> {
    let f = &folded.folded;
    let found = found_in(f);
    let mut out = Vec::new();
    // The first indicator of each found number, in order.
    let mut first_indicators: Vec<String> = Vec::with_capacity(found.len());
    // Runs of numbers joined by `、`/`和` (`分别增长2.3%、3.3%`) pair with a list of subjects.
    let mut i = 0;
    while i < found.len() {
        let mut j = i + 1;
        while j < found.len() && joined(&f[found[j - 1].end..found[j].start]) {
            j += 1;
        }
        let run = &found[i..j];
        let last = &found[j - 1];
        let members = shared_members(f, run[0].clause_start, run[0].start, run.len());
        let paired = run.len() >= 2 && members.len() == run.len();
        // A change with no subject of its own after a clause of amounts is the change of those
        // amounts (`收入9亿元、利润2亿元，分别增长5%、3%`).
        let before_run = before_of_run(f, &found, &first_indicators, i);
        for (k, m) in run.iter().enumerate() {
            let indicators = if paired && is_count(&m.bare_unit) {
                vec![named_count(members[k].clone(), &m.bare_unit)]
            } else if paired {
                vec![members[k].clone()]
            } else if k == 0 && members.len() >= 2 && run.len() == 1 {
                members.clone()
            } else if let Some(subjects) = &before_run {
                vec![subjects[k].clone()]
            } else {
                // `建设142公里、4.4万亩生态景观林带`: the thing after the last value of a run is
                // what the values before it, naming none of their own, measure too.
                let shared = (k + 1 < run.len() && core_after(&f[m.end..]).is_empty())
                    .then(|| core_after(&f[last.end..]))
                    .filter(|thing| !thing.is_empty());
                vec![indicator(f, m, shared)]
            };
            // A later value naming nothing of its own measures what the first does
            // (`补差水平分别从每月609元、276元提高到631元、286元`).
            let indicators = if k > 0 && indicators.iter().all(String::is_empty) {
                vec![first_indicators[i].clone()]
            } else {
                indicators
            };
            first_indicators.push(indicators.first().cloned().unwrap_or_default());
            let text = folded.original_of(m.clause_start, m.end).trim().to_string();
            // Later members of a run take the comparator of the first
            // (`分别不少于60万元、40万元`).
            // Earlier members take the bound the last ends in when none has one of its own
            // (`分别达到10亿美元和15亿美元以上`), if it counts the same things (`关税为零的
            // 2034种、5年内…` bounds a time, not the kinds).
            // A change keeps its op in every member, whatever qualifies one
            // (`分别增长12%、13%以上`).
            let changes = matches!(run[0].op, Op::Increase | Op::Decrease);
            let op = if k > 0 && run[0].own_op && (!m.own_op || changes) {
                run[0].op
            } else if !m.own_op
                && !run[0].own_op
                && last.own_op
                && matches!(last.op, Op::Ge | Op::Le)
                && (last.bare_unit == m.bare_unit || is_bare_multiplier(&m.unit))
            {
                last.op
            } else {
                m.op
            };
            let values: Vec<(f64, Op)> = match m.upper {
                Some(hi) => vec![(m.value, Op::Ge), (hi, Op::Le)],
                None => vec![(m.value, op)],
            };
            // `10.6万、3.8万、3.3万平方公里`: a bare multiplier takes the unit the run ends in.
            let unit = if is_bare_multiplier(&m.unit)
                && last.unit.len() > m.unit.len()
                && last.unit.starts_with(m.unit.as_str())
            {
                last.unit.clone()
            } else {
                m.unit.clone()
            };
            for indicator in &indicators {
                for &(value, op) in &values {
                    out.push(Metric {
                        text: text.clone(),
                        indicator: named(indicator, &m.bare_unit, op),
                        op,
                        value,
                        unit: unit.clone(),
                    });
                }
            }
        }
        i = j;
    }
    out
}

/// A counted thing named as a count (`创新团队` → `创新团队数`); `企业数量` and a quantity
/// (`新能源汽车产量`, `市场主体总量`) already are one.
fn named_count(mut phrase: String, unit: &str) -> String {
    if !phrase.is_empty()
        && !phrase.ends_with('数')
        && !phrase.ends_with('量')
        && !phrase.ends_with(counted_as(unit))
    {
        phrase.push_str(counted_as(unit));
    }
    phrase
}

/// An indicator as exported: without remarks on what is counted, named as the change or the
/// extent its unit and op measure.
fn named(indicator: &str, unit: &str, op: Op) -> String {
    named_extent(
        named_change(
            &without_stray_brackets(&without_remarks(indicator)),
            unit,
            op,
        ),
        unit,
    )
}

/// An indicator without brackets that open or close nothing in it: what a clause cut from a
/// remark leaves (`告知处理1宗），受理91宗` gave `告知处理)受理数`).
fn without_stray_brackets(indicator: &str) -> String {
    let mut kept: Vec<(usize, char)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut stray: Vec<usize> = Vec::new();
    for (i, c) in indicator.chars().enumerate() {
        match c {
            '(' | '（' => open.push(i),
            ')' | '）' if open.pop().is_none() => stray.push(i),
            _ => {}
        }
        kept.push((i, c));
    }
    stray.extend(open);
    kept.into_iter()
        .filter(|(i, _)| !stray.contains(i))
        .map(|(_, c)| c)
        .collect()
}

/// An area or a length names its extent (`新增绿地1.2公顷` → `新增绿地面积`, `新建污水管网50公里` →
/// `新建污水管网长度`), as a count names its number, unless the indicator already names a
/// measure or is per unit of a base (`万元GDP建设用地`).
fn named_extent(mut indicator: String, unit: &str) -> String {
    let word = if ["亩", "公顷", "平方米", "平方公里"]
        .iter()
        .any(|u| unit.ends_with(u))
    {
        "面积"
    } else if ["公里", "千米"].iter().any(|u| unit.ends_with(u)) {
        "长度"
    } else {
        return indicator;
    };
    const SAID: &[&str] = &["规模", "量", "降幅", "增速", "幅度"];
    const EXTENTS: &[&str] = &["面积", "长度", "里程", "总长", "全长"];
    if !indicator.is_empty()
        && !SAID.iter().any(|w| indicator.ends_with(w))
        && !EXTENTS.iter().any(|w| indicator.contains(w))
        && !PER_UNIT_OWNER.is_match(&indicator)
    {
        indicator.push_str(word);
    }
    indicator
}

/// A change in per cent names the rate of change: `增速` of a growth, `降幅` of a fall
/// (`营业收入增长8%` → `营业收入增速`), unless the indicator already says so or is a rate.
fn named_change(indicator: &str, unit: &str, op: Op) -> String {
    let word = match op {
        Op::Increase => "增速",
        Op::Decrease => "降幅",
        _ => return indicator.to_string(),
    };
    const SAID: &[&str] = &[
        "增速",
        "增幅",
        "增长率",
        "增长",
        "降幅",
        "涨幅",
        "幅度",
        "比例",
    ];
    // A rate's change is read as the rate (`败诉率下降5%`).
    if unit != "%"
        || indicator.is_empty()
        || indicator.ends_with('率')
        || SAID.iter().any(|w| indicator.ends_with(w))
    {
        return indicator.to_string();
    }
    format!("{indicator}{word}")
}

/// The subjects of a run of changes `found[i..]` with no subject of its own, taken from the
/// amounts right before it, one each (`收入9亿元、利润2亿元，分别增长5%、3%`).
fn before_of_run(
    f: &str,
    found: &[Found],
    first_indicators: &[String],
    i: usize,
) -> Option<Vec<String>> {
    let first = found.get(i)?;
    if i == 0 || first.op != Op::Increase && first.op != Op::Decrease {
        return None;
    }
    let run = found[i..]
        .iter()
        .take_while(|m| m.clause_start == first.clause_start)
        .count();
    let own = core_before(f[first.clause_start..first.start].trim());
    if !own.is_empty() {
        return None;
    }
    // The last amounts, as many as the changes, each in the clause of the one before or in
    // the clause right after it (`收入9亿元，利润2亿元，分别增长…`), the last right before.
    let from = i.checked_sub(run)?;
    let adjacent = |a: &Found, b: &Found| {
        a.clause_start == b.clause_start
            || f.get(a.end..b.clause_start).is_some_and(|gap| {
                gap.chars().count() <= 2
                    || STATISTICAL_BASIS.is_match(gap.trim_matches(['，', ',', ' ']))
            })
    };
    if !found[from..=i].windows(2).all(|w| adjacent(&w[0], &w[1])) {
        return None;
    }
    let subjects = first_indicators.get(from..i)?;
    (subjects.len() == run && subjects.iter().all(|s| !s.is_empty())).then(|| subjects.to_vec())
}

/// The act before things listed one by one before their count `m`, which with the `kind` after
/// the count names what is counted (`重点建设档案大数据中心、数据跨境服务枢纽、超融合边缘云计算
/// 3个项目` → `重点建设项目数`); `raw` is the words before the number (no `等`: examples it
/// closes are read elsewhere), `core` their indicator phrase. The act is the verbs before the
/// first member, which is never empty, so a verb-like first member stays one (`拓展停车、厕所…` →
/// `拓展`). None without such a list, as long as the count, or without an act before it.
fn act_of_listed(raw: &str, core: &str, m: &Found, kind: &str) -> Option<String> {
    if kind.is_empty()
        || !is_count(&m.bare_unit)
        || raw.contains('等')
        || !lists_as_many(raw, m.value)
    {
        return None;
    }
    let first = core.split('、').next().unwrap_or("");
    let lead = leading_verbs(first);
    let act = if lead.len() < first.len() {
        lead
    } else {
        duban_segment::Segmenter::shared()
            .tag(first)
            .first()
            .filter(|w| w.word.len() < first.len())
            .map(|w| w.word.to_string())
            .unwrap_or_default()
    };
    (!act.is_empty()).then_some(act)
}

/// Whether `phrase` ends in a list of exactly `value` members (two or more), joined by `、` and
/// at most one `和`/`及` before the last.
fn lists_as_many(phrase: &str, value: f64) -> bool {
    let members = phrase.matches('、').count() + 1;
    let joined_last = phrase
        .rsplit('、')
        .next()
        .is_some_and(|last| last.contains(['和', '及']));
    let members = members + usize::from(joined_last);
    phrase.contains('、') && value == members as f64
}

/// Whether the text between two numbers only joins them into a list.
fn joined(between: &str) -> bool {
    let t = between.trim();
    !t.is_empty() && t.chars().count() <= 2 && t.chars().all(|c| "、和及与".contains(c))
}

/// The numbers of a text that are metrics, in order.
/// Quoted names and titles, merged into disjoint ranges in text order. A quotation holding a
/// comparator is a standard quoted whole (`“一年内停电次数不超过5次”`), its numbers are read;
/// titles, short quoted names (`“亿元楼”`) and longer ones that compare nothing
/// (`“48小时无理由退货”`, a service's name) are not.
fn quoted_names(f: &str) -> Vec<(usize, usize)> {
    let mut quoted: Vec<(usize, usize)> = excluded_ranges(f)
        .into_iter()
        .filter(|&(s, e)| {
            f[s..].starts_with('《')
                || f[s..e].chars().count() <= 10
                || !COMPARATOR_WORDS.found_in(&f[s..e])
        })
        .collect();
    quoted.sort_unstable();
    let mut excluded: Vec<(usize, usize)> = Vec::with_capacity(quoted.len());
    for (s, e) in quoted {
        match excluded.last_mut() {
            Some(last) if s < last.1 => last.1 = last.1.max(e),
            _ => excluded.push((s, e)),
        }
    }
    excluded
}

/// The operator of a number: its comparator's, qualified by the words after it.
fn op_of(
    cmp: Option<(Op, Role, bool)>,
    tail: Option<&str>,
    approx: bool,
    counted: bool,
    prefix: &str,
    after: &str,
) -> Op {
    match cmp {
        // A change keeps its op whatever qualifies it (`增长10%以上`, `增长5.5%左右`)…
        Some((op, Role::Change, false)) => {
            // …unless what changes is a count of things named after it (`增加2个工作室`).
            let object = counted
                && after.starts_with(|c: char| !c.is_ascii() && !is_stop(c))
                && !metric_words()
                    .of(MetricWord::Comparison)
                    .iter()
                    .any(|w| prefix.contains(w));
            if object {
                tail_op(tail, approx).unwrap_or(Op::Eq)
            } else {
                op
            }
        }
        // A level reached (`提高到50%以上`) or bounded (`控制在3%左右`): the tail first.
        Some((op, Role::Bound, _)) => tail_op(tail, approx).unwrap_or(op),
        Some((op, Role::Points, _)) => op,
        Some((_, _, _)) | None => tail_op(tail, approx).unwrap_or(Op::Eq),
    }
}

/// Points taken or added right after a number: `扣0.5分`, `，加2分`.
static POINTS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^的?[，,]?(?:扣除|扣|加|减)(?:\d+(?:\.\d+)?|[一二两三四五六七八九十半]+)分")
        .expect("points pattern compiles")
});

/// Whether a comparator with an op of its own (or `达到`) ends the phrase before a number.
fn comparator_at_end(prefix: &str) -> bool {
    let p = prefix.trim_end();
    COMPARATORS
        .iter()
        .any(|(w, _, role)| *role != Role::Level && p.ends_with(w))
        || p.ends_with("达到")
}

/// Whether `prefix` ends in a bound on the number after it (`不少于`, `不超过`, `至少`): a
/// comparator of the `Bound` role (`comparators.tsv`).
fn bound_at_end(prefix: &str) -> bool {
    let p = prefix.trim_end();
    COMPARATORS
        .iter()
        .any(|(w, _, role)| *role == Role::Bound && p.ends_with(w))
}

/// A bare number just before `found` in its clause (`6.5和2.3个百分点`), which shares its
/// unit and op, unless it is an ordinal (`第`).
fn bare_number_before(f: &str, prefix: &str, found: &Found, counted: bool) -> Option<Found> {
    let tail = crate::fold::last_chars(prefix, 16);
    let c = BARE_NUMBER_BEFORE.captures(tail)?;
    let n = c.get(1)?;
    let v = number_value(n.as_str())?;
    let offset = found.start - tail.len() + n.start();
    let cut = &f[found.clause_start..offset];
    if cut.ends_with('第') {
        return None;
    }
    Some(Found {
        start: offset,
        end: offset + n.as_str().len(),
        clause_start: found.clause_start,
        value: v,
        upper: None,
        op: comparator(cut, &found.bare_unit, counted).map_or(found.op, |(op, _, _)| op),
        own_op: true,
        unit: found.unit.clone(),
        bare_unit: found.bare_unit.clone(),
    })
}

/// Where the clause holding a number starts, in the text `before` it. A bracket opens a
/// clause only when the number is the bracket's whole content (a rubric's `(10分)`);
/// `苏州高新(虎丘区)五个地区` is one clause.
fn clause_start(before: &str) -> usize {
    let bracketed = before.trim_end().ends_with(['(', '（']);
    let stops: &[char] = if bracketed {
        &['。', '；', ';', '，', ',', '\n', ':', '：', '(', '（']
    } else {
        &['。', '；', ';', '，', ',', '\n', ':', '：']
    };
    // A comma between digits groups thousands (`1,192户`), and ends no clause.
    let mut end = before.len();
    while let Some(p) = before[..end].rfind(stops) {
        let grouping = before[p..].starts_with(',')
            && before[..p].ends_with(|c: char| c.is_ascii_digit())
            && before[p + 1..].starts_with(|c: char| c.is_ascii_digit());
        if !grouping {
            return p + before[p..].chars().next().map_or(1, char::len_utf8);
        }
        end = p;
    }
    0
}

fn found_in(f: &str) -> Vec<Found> {
    let excluded = quoted_names(f);
    let mut out: Vec<Found> = Vec::new();
    for caps in METRIC.captures_iter(f) {
        let Some(whole) = caps.get(0) else { continue };
        let k = excluded.partition_point(|&(s, _)| s <= whole.start());
        if k > 0 && whole.start() < excluded[k - 1].1 {
            continue;
        }
        let Some(found) = found_at(f, &caps, whole.start(), whole.end()) else {
            continue;
        };
        // A bare number before this one shares its unit: `高于GDP增速6.5和2.3个百分点`.
        let prefix = &f[found.clause_start..found.start];
        if found.upper.is_none()
            && let Some(shared) = bare_number_before(f, prefix, &found, is_count(&found.bare_unit))
        {
            out.push(shared);
        }
        out.push(found);
    }
    for found in index_values(f) {
        if !out
            .iter()
            .any(|o| o.start < found.end && found.start < o.end)
        {
            let at = out.partition_point(|o| o.start < found.start);
            out.insert(at, found);
        }
    }
    out
}

/// A number without a unit that an index or coefficient is to reach or keep
/// (`两化融合发展指数达到125左右`, `生态环境状况指数保持在70以上`): the comparator right after the
/// index's name, then the number, then a clause's end.
static INDEX_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:指数|系数)(?:达到|保持在|保持|不低于|不高于|不超过|控制在|提高到|提升到|提升至|提高至|为|达)(?P<n>\d+(?:\.\d+)?)(?P<tail>以上|以下|以内|左右)?(?:[，。；、,;\n]|$)")
        .expect("index value pattern compiles")
});

/// The unitless values [`INDEX_VALUE`] finds, read as [`found_at`] reads a number with a unit.
fn index_values(f: &str) -> Vec<Found> {
    if !f.contains("指数") && !f.contains("系数") {
        return Vec::new();
    }
    INDEX_VALUE
        .captures_iter(f)
        .filter_map(|caps| {
            let n = caps.name("n")?;
            let tail = caps.name("tail").map(|t| t.as_str());
            let end = caps.name("tail").map_or(n.end(), |t| t.end());
            let value = n.as_str().parse::<f64>().ok()?;
            let clause_start = clause_start(&f[..n.start()]);
            let prefix = &f[clause_start..n.start()];
            let cmp = comparator(prefix, "", false);
            let op = op_of(cmp, tail, false, false, prefix, &f[end..]);
            let own_op = matches!(cmp, Some((_, role, _)) if role != Role::Level)
                || tail_op(tail, false).is_some();
            Some(Found {
                start: n.start(),
                end,
                clause_start,
                value,
                upper: None,
                op,
                own_op,
                unit: String::new(),
                bare_unit: String::new(),
            })
        })
        .collect()
}

/// The metric the number `caps` matched at `start..end` of `f` states, if it is one: not a
/// set's name, the start of a change, a threshold or a class.
/// The tail and end of a match without a `多` after the unit that opens a word of its own
/// (`52种多发常见病`, `一批多专业的联盟`): `多` approximates only where time or `的` follows it
/// (`1年多时间`, `3个多月`, `1年多的努力`) or nothing does.
fn without_word_opening_duo<'t>(
    f: &str,
    tail: Option<&'t str>,
    end: usize,
) -> (Option<&'t str>, usize) {
    let opens_word = f[end..]
        .chars()
        .next()
        .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !"的月天日小时年周".contains(c));
    if tail == Some("多") && opens_word {
        (None, end - '多'.len_utf8())
    } else {
        (tail, end)
    }
}

fn found_at(f: &str, caps: &regex::Captures<'_>, start: usize, end: usize) -> Option<Found> {
    let before = &f[..start];
    let after = &f[end..];
    let clause_start = clause_start(before);
    let prefix = &f[clause_start..start];
    // Groups by index: a name look-up hashes the name, a dozen times per number.
    let get = |n: &str| {
        METRIC_GROUPS
            .iter()
            .find(|(name, _)| *name == n)
            .and_then(|&(_, i)| caps.get(i))
            .map(|m| m.as_str())
    };
    let Read {
        value,
        mut unit,
        chinese,
    } = read_number(&get)?;
    let (tail, end) = without_word_opening_duo(f, get("tail"), end);
    let digits: String = get("num")
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let ranged = get("num2").and_then(number_value);
    if !is_quantity(
        before,
        after,
        prefix,
        &unit,
        tail,
        &digits,
        chinese,
        ranged.is_some(),
        value,
    ) {
        return None;
    }
    let multiplied = get("mult").is_some() || get("wan").is_some();
    let (tail, end, bare_mult) = settle_end(f, end, tail, &mut unit, get("mult"), multiplied)?;
    let after = &f[end..];
    let bare_unit = unit.clone();
    let counted = is_count(&unit);
    let cmp = comparator(prefix, &unit, counted);
    let approx = get("approx").is_some()
        || get("preapprox").is_some()
        || get("bapprox").is_some()
        || get("bpreapprox").is_some()
        || get("wan").is_some()
        || matches!(tail, Some("多" | "余"));
    let op = op_of(cmp, tail, approx, counted, prefix, after);
    let op =
        if op == Op::Eq && cmp.is_none() && tail.is_none() && is_span_limit(prefix, after, &unit) {
            Op::Le
        } else {
            op
        };
    // Chinese numerals of a small count or a time quantify only with a comparator right at them
    // (`两名以上`, `不少于三次`), a bound over a short reference (`不低于当地两个月…标准`) or
    // as a range (`三到五年`), never as a set's name (`两方面`, `一批`).
    let bounded = comparator_at_end(prefix) || cmp.is_some_and(|(_, role, _)| role == Role::Bound);
    // A change by a multiple (`提高一倍`, `增加两倍`) is a change, whatever its numerals.
    let multiple = unit == "倍" && cmp.is_some_and(|(_, role, _)| role == Role::Change);
    // A decimal (`一点二倍`, `零点五个百分点`) names no set.
    let decimal = get("num").is_some_and(|n| n.contains('点'));
    let amount = chinese && is_chinese_amount(&get, prefix, &unit, value);
    if chinese
        && !multiple
        && !decimal
        && !amount
        && get("pct").is_none()
        && get("frac").is_none()
        && tail.is_none()
        && !approx
        && ranged.is_none()
        && (!bounded || value == 1.0)
        && !(value == 1.0 && at_least_one(prefix, &unit))
    {
        return None;
    }
    // The starting value of a change (`由去年的1076亿元增加到1562亿元`) is no goal.
    if starts_a_change(prefix, after) {
        return None;
    }
    // Eligibility thresholds and classes: `首次突破5000万元的企业`, `持股比例高于50%的公司`,
    // `1亿元以上项目`, `45岁以下`.
    if is_threshold(prefix, after, &unit, tail) || in_a_definition(before) || in_a_condition(after)
    {
        return None;
    }
    let mult = if bare_mult {
        ""
    } else {
        get("wan").or(get("mult")).unwrap_or("")
    };
    unit = format!("{mult}{unit}{}", get("per").unwrap_or(""));
    let own_op =
        matches!(cmp, Some((_, role, _)) if role != Role::Level) || tail_op(tail, approx).is_some();
    Some(Found {
        start,
        end,
        clause_start,
        value,
        upper: ranged,
        op,
        own_op,
        unit,
        bare_unit,
    })
}

/// Whether a number in Chinese numerals is an amount (`五百二十八亿元`, `一千二百公里`,
/// `一万二千二百台`), which names no set: a measure that is no time or ratio, a multiplier, or a
/// count of hundreds.
fn is_chinese_amount<'c>(
    get: &dyn Fn(&str) -> Option<&'c str>,
    prefix: &str,
    unit: &str,
    value: f64,
) -> bool {
    // Not a numeral alone that is a word (`百家争鸣`, `十分不易`, `一度`, `百名…项目`), nor the tail
    // of a larger number (`一亿八千万元`).
    let numeral_chars = get("num").map_or(0, |n| n.chars().count());
    let ratio = matches!(unit, "%" | "‰" | "倍" | "成" | "分" | "度");
    let continues = prefix.ends_with(['亿', '万'])
        && prefix[..prefix.len() - '亿'.len_utf8()]
            .ends_with(|c: char| crate::numeral::digit(c).is_some() || "十百千".contains(c));
    get("unit").is_some()
        && !ratio
        && !is_time(unit)
        && !matches!(unit, "年" | "周年" | "月" | "周" | "季度" | "岁" | "周岁")
        && !continues
        && (numeral_chars >= 2 && (get("mult").is_some() || !is_count(unit) || value >= 100.0)
            // `九亿元`; not `千亿斤粮食产能提升行动`, `十亿人民`, a round number naming.
            || get("mult").is_some()
                && get("num").is_some_and(|n| {
                    numeral_chars == 1 && n.chars().all(|c| crate::numeral::digit(c).is_some())
                }))
}

/// Whether the text after a `内` continues it into a word (`内容`, `内部`, `内涝`, `内河`), so the
/// `内` is no limit (`15日内办结`, `30日内向社会公布` are).
fn nei_opens_a_word(after: &str) -> bool {
    after.starts_with([
        '容', '部', '外', '涵', '涝', '河', '陆', '需', '资', '控', '设',
    ])
}

/// Where a number's match ends when its last characters open a word of the text after it,
/// with the tail it keeps and whether its `万` now stands bare; `None` when its unit opens a
/// word and names no count.
fn settle_end<'t>(
    f: &str,
    end: usize,
    tail: Option<&'t str>,
    unit: &mut String,
    mult: Option<&str>,
    multiplied: bool,
) -> Option<(Option<&'t str>, usize, bool)> {
    let after = &f[end..];
    // `六方面内容`, `219个内涝点`: `内` there starts a word (`内容`, `内涝`), it is no limit; a
    // limit is followed by what is done within it (`15日内办结`, `30日内向社会公布`).
    let (tail, end) = if tail == Some("内") && nei_opens_a_word(after) {
        (None, end - '内'.len_utf8())
    } else {
        (tail, end)
    };
    let after = &f[end..];
    // A unit that begins a word names no count: `“2022项目建设攻坚年”` (`项目`; a count of
    // targets, `20项目标任务`, is read), `121人才梯队项目` (`人才`; a count of talents has its
    // `万`: `惠及20万人才`).
    if unit == "项" && after.starts_with('目') && !after.starts_with("目标")
        || unit == "人" && after.starts_with('才') && !multiplied
    {
        return None;
    }
    // `2900多万家庭`, `14亿人口`: the unit opens the counted word, so the 万 stands bare.
    if tail.is_none()
        && (unit == "家" && after.starts_with('庭') || unit == "人" && after.starts_with('口'))
        && let Some(m) = mult
    {
        let end = end - unit.len();
        *unit = m.to_string();
        return Some((None, end, true));
    }
    Some((tail, end, false))
}

/// A number as read: its value, unit (without 万/亿) and whether it is in Chinese numerals.
struct Read {
    value: f64,
    unit: String,
    chinese: bool,
}

fn read_number<'c>(get: &dyn Fn(&str) -> Option<&'c str>) -> Option<Read> {
    let chinese = get("num").is_some_and(|n| !n.starts_with(|c: char| c.is_ascii_digit()));
    if get("wan").is_some() {
        // `万余名`: at least one ten-thousand.
        return Some(Read {
            value: 1.0,
            unit: get("wunit").unwrap_or("").to_string(),
            chinese: false,
        });
    }
    if let Some(p) = get("pctn") {
        return Some(Read {
            value: crate::numeral::chinese_decimal(p)?,
            unit: "%".into(),
            chinese: true,
        });
    }
    // `一半`, `半数`: half, as a percentage; in words, so bounded only (`清偿一半以上`).
    if get("half").is_some() {
        return Some(Read {
            value: 50.0,
            unit: "%".into(),
            chinese: true,
        });
    }
    if get("frac").is_some() {
        // `三分之一`: a share, as a percentage.
        let den = number_value(get("den")?)?;
        let numer = number_value(get("numer")?)?;
        if den == 0.0 || numer > den {
            return None;
        }
        return Some(Read {
            value: (numer / den * 10000.0).round() / 100.0,
            unit: "%".into(),
            chinese: false,
        });
    }
    let value = get("num").and_then(number_value)?;
    let unit = match (get("unit"), get("bare")) {
        (Some(u), _) => u.to_string(),
        // A bare 万/亿 is the unit: `减少1109万`.
        (None, Some(b)) => b.to_string(),
        (None, None) => return None,
    };
    Some(Read {
        value,
        unit,
        chinese,
    })
}

/// Punctuation and clause ends.
fn is_stop(c: char) -> bool {
    "。；;，,、：:()（）“”\"《》".contains(c) || c.is_whitespace()
}

/// The operator a tail or an approximate count gives (`以上`, `以内`, `左右`, `余`).
fn tail_op(tail: Option<&str>, approx: bool) -> Option<Op> {
    match tail {
        Some("以上" | "及以上") => Some(Op::Ge),
        Some("以下" | "及以下" | "以内" | "之内" | "内") => Some(Op::Le),
        Some("左右" | "上下") => Some(Op::Eq),
        _ if approx => Some(Op::Ge),
        _ => None,
    }
}

/// Whether a number with its unit is a quantity at all: not a year, a date, an ordinal, a code
/// inside a name, a per-unit base or a recurrence's count.
#[allow(clippy::too_many_arguments)]
fn is_quantity(
    before: &str,
    after: &str,
    prefix: &str,
    unit: &str,
    tail: Option<&str>,
    digits: &str,
    chinese: bool,
    ranged: bool,
    value: f64,
) -> bool {
    // `第3次`; `专栏1 户厕改造年度任务`: a box's number.
    if before.ends_with('第')
        || before.ends_with("第 ")
        || before.trim_end().ends_with("专栏")
        || names_something(before, after, unit, digits, chinese)
    {
        return false;
    }
    // `达到15万人以上（含15万人）`: the bracket restates the bound's own number.
    if before.ends_with("(含") || before.ends_with("（含") {
        return false;
    }
    if unit == "年" {
        // `3年内` and `不超过5年` are time limits, `三到五年` a span, `公示期为1年`,
        // `连续3年`, `分2年给予` a number of years; `实施满1年`, `每隔2年`, `2015年` are not
        // metrics.
        let limited = matches!(tail, Some("内" | "以内" | "之内"))
            || ranged
            || [
                "不超过",
                "最长",
                "不少于",
                "不低于",
                "为期",
                "期限为",
                "期为",
                "连续",
                "分",
            ]
            .iter()
            .any(|w| prefix.ends_with(w));
        if !limited || digits.len() == 4 || prefix.ends_with('每') || prefix.ends_with("每隔") {
            return false;
        }
    }
    if digits.len() == 4 && digits.starts_with(['1', '2']) && after.starts_with(['年', '月']) {
        return false;
    }
    // A streak (`连续15年领跑全市`, `连续21个季度高于GDP增速`, `连续5年零伤亡`) ranks a record:
    // the span counts no work.
    if prefix.ends_with("连续")
        && (is_time(unit) || matches!(unit, "年" | "个月" | "个季度" | "季度" | "届"))
        && metric_words()
            .of(MetricWord::Streak)
            .iter()
            .any(|w| after.trim_start_matches(['以', '上']).starts_with(w))
    {
        return false;
    }
    // Dates: `5月10日`, `10日前`; a span of days has its `以上`, `以内` or `内`
    // (`缩短办理时间50日以上`).
    // A span of days after a comparator or `为` is a length (`公示期不少于5日`, `公示时间为20日`).
    let span = (bound_at_end(prefix) || prefix.trim_end().ends_with(['为', '期']))
        && !after.starts_with(['前', '后', '起', '止', '至'])
        && !prefix.ends_with('月');
    if unit == "日"
        && !span
        && (prefix.ends_with('月') || tail.is_none() && !after.starts_with(['以', '内']))
    {
        return false;
    }
    if is_time(unit) && after.starts_with(['前', '后']) {
        return false;
    }
    // A look-back window: `近3年内无重大违法`, `申请日前12个月内`.
    if matches!(tail, Some("内" | "以内" | "之内"))
        && (prefix.ends_with('近') || prefix.ends_with("最近") || prefix.ends_with("日前"))
    {
        return false;
    }
    // The window a bounded count is counted over (`30天内停电次数不超过5次`,
    // `连续60天停电次数不超过3次`): the count is the metric, the span only its period. Years
    // bound a frequency this way (`一年内停电次数不超过5次`), not a target: `5年内引进不少于
    // 100名` sets the years too.
    if (is_time(unit) || unit == "年" && bounds_a_frequency_after(after))
        && (matches!(tail, Some("内" | "以内" | "之内")) || prefix.ends_with("连续"))
        && bounds_a_count_after(after)
    {
        return false;
    }
    // In Chinese numerals these name places and sides (`八方`, `三区`), they count nothing.
    if (PLACES.contains(&unit) || matches!(unit, "单位" | "方")) && tail.is_none() && chinese {
        return false;
    }
    // Names and codes: `5G`, `3A级`; a Latin unit is whole (`12EB`, not `5GB` read as `5G`).
    // A Chinese unit counts things whatever their names open with (`3226家C店`, `3个A级景区`).
    if after.starts_with(|c: char| c.is_ascii_alphabetic()) && !unit.ends_with(crate::body::is_han)
    {
        return false;
    }
    // The case a rubric's points are for, right before them (`缺1项扣0.5分`, `少开1次扣1分`),
    // is a condition, not a metric.
    if !unit.ends_with('分') && POINTS_AFTER.is_match(after) {
        return false;
    }
    // Per-unit bases of a rate: `每少报送1条…扣0.2分`; the points themselves are the metric
    // (`每少开一次扣1分`).
    let points = unit.ends_with('分')
        && comparator(prefix, unit, false).is_some_and(|(_, role, _)| role == Role::Points);
    if !points && (prefix.contains("每少") || prefix.contains("每多") || prefix.ends_with('每'))
    {
        return false;
    }
    // A count that is a recurrence's times: `每年至少召开一次`, `一年两次`.
    if matches!(unit, "次" | "回")
        && (metric_words()
            .of(MetricWord::Period)
            .iter()
            .any(|p| prefix.contains(p))
            || prefix.ends_with("一年")
            || every_n_years(prefix))
    {
        return false;
    }
    if unit == "次" && chinese && value <= 1.0 {
        return false;
    }
    true
}

/// Whether a number is part of a name rather than a quantity: a class of network in Chinese
/// numerals (`千兆光纤`), a factor of a schedule (`7×24小时`), a year printed without `年` before a
/// name (`人民网2022乡村振兴创新案例`).
fn names_something(before: &str, after: &str, unit: &str, digits: &str, chinese: bool) -> bool {
    unit == "兆" && chinese
        || before.ends_with(['×', '*'])
        || after.starts_with(['×', '*'])
        || digits.len() == 4
            && digits.starts_with(['1', '2'])
            && (PLACES.contains(&unit) || matches!(unit, "市" | "省"))
}

/// The units that count places (`三区`, `5个村` counts them, `2022乡…` names one).
const PLACES: [&str; 5] = ["村", "镇", "乡", "区", "县"];

/// Whether a span of time without `内` is still a limit: counted from an event
/// (`自收到复核申请之日起15个工作日采取入户调查…`), or the minutes of a service circle
/// (`构建15分钟居家社区养老服务圈`, the reach of a `生活圈`).
fn is_span_limit(prefix: &str, after: &str, unit: &str) -> bool {
    let counted_from = is_time(unit)
        && prefix.trim_end().ends_with('起')
        && ["之日起", "日起", "自", "从"]
            .iter()
            .any(|w| prefix.contains(w));
    let circle = matches!(unit, "分钟" | "小时")
        && after
            .chars()
            .take_while(|&c| !is_stop(c))
            .take(12)
            .any(|c| c == '圈');
    counted_from || circle
}

/// `至少建有一所`, `至少配备一名`: one facility, body or person at least, a floor set by the
/// comparator a short verb before the numeral. Not a time (`至少召开一次`, a recurrence's), nor
/// a kind (`至少一种…材料`, what an applicant brings).
fn at_least_one(prefix: &str, unit: &str) -> bool {
    static AT_LEAST_ONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:至少|最少|不少于)\p{Han}{0,3}$").expect("at-least-one pattern compiles")
    });
    matches!(
        unit,
        "所" | "个" | "家" | "名" | "座" | "处" | "支" | "台" | "辆"
    ) && AT_LEAST_ONE.is_match(prefix.trim_end())
}

/// Whether a number stands in a sentence that defines a term (`本办法所称农村留守老年人包括赡养人
/// 持续6个月离开…`): its numbers say what the term covers, they set no goal.
fn in_a_definition(before: &str) -> bool {
    static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*本\p{Han}{1,4}所称").expect("definition pattern compiles")
    });
    let sentence = before
        .rfind(['。', '\n', '！', '？'])
        .map_or(before, |i| &before[i..])
        .trim_start_matches(['。', '\n', '！', '？']);
    DEFINITION.is_match(sentence)
}

/// Whether a number stands in a case a rule is stated for: a clause ending in `的` before the
/// rule (`人均救助金额不超过本市2个月最低生活保障标准的，由区民政部门…审批`), joined to it by
/// `且`/`并`/`或` where the case has several clauses (`一年内服务达到1000人次，且设置医疗机构的，
/// 给予一次性补贴15万元`). The number says when the rule applies; it sets no goal.
fn in_a_condition(after: &str) -> bool {
    let end = after.find(['。', '；', ';', '\n']).unwrap_or(after.len());
    let sentence = &after[..end];
    // An entry of a list of cases ends in `的；` (`（二）…等3类人员中失能的；`).
    let entry_of_cases = after[end..].starts_with(['；', ';']);
    let mut clauses = sentence.split(['，', ',']);
    let mut clause = clauses.next().unwrap_or("");
    loop {
        if clause.trim_end().ends_with('的') {
            // A pronoun after it takes the clause up as those it describes (`有57.4%是…得到释放
            // 的，他们已经…`): a description, not a case.
            return match clauses.next() {
                Some(rule) => {
                    let rule = rule.trim();
                    !rule.is_empty() && !rule.starts_with(['他', '她', '它', '这', '那'])
                }
                None => entry_of_cases,
            };
        }
        match clauses.next() {
            Some(next)
                if ["且", "并", "或", "同时"]
                    .iter()
                    .any(|w| next.trim_start().starts_with(w)) =>
            {
                clause = next;
            }
            _ => return false,
        }
    }
}

/// Whether the rest of a clause bounds a count (`…停电次数不超过5次`): a comparator of a bound
/// right before a number, before the clause ends.
fn bounds_a_count_after(after: &str) -> bool {
    static BOUNDED_COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[^。；;，,\n]{0,16}?(?:不超过|不少于|不低于|不高于|不多于|低于|少于|多于|超过)[0-9一二两三四五六七八九十]")
            .expect("bounded count pattern compiles")
    });
    BOUNDED_COUNT.is_match(after)
}

/// Whether a count of events right after a span is bounded (`…内停电次数不超过5次`): a
/// frequency, counted over the span.
fn bounds_a_frequency_after(after: &str) -> bool {
    static BOUNDED_FREQUENCY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:内|以内|之内)?[^。；;，,\n]{0,12}?次数(?:不超过|不多于|不高于|少于|低于)")
            .expect("bounded frequency pattern compiles")
    });
    BOUNDED_FREQUENCY.is_match(after)
}

/// `每5年`, `每三个月`: a period of several years or months.
fn every_n_years(prefix: &str) -> bool {
    prefix.match_indices('每').any(|(i, _)| {
        let rest = &prefix[i + '每'.len_utf8()..];
        let n = rest.trim_start_matches(|c: char| {
            c.is_ascii_digit() || "一二两三四五六七八九十".contains(c)
        });
        n.len() < rest.len()
            && (n.starts_with('年') || n.starts_with("个月") || n.starts_with('月'))
    })
}

/// The words that end a change before its target (`提高到`, `压减至`), from [`COMPARATORS`].
fn starts_a_change(prefix: &str, after: &str) -> bool {
    let mut rest = per_unit_tail(after);
    // The starts of a list of values (`从每月609元、276元提高到631元、286元`): the change
    // follows the last.
    while let Some(next) = rest.strip_prefix('、')
        && let Some(m) = METRIC.find(next.trim_start())
        && m.start() == 0
    {
        rest = per_unit_tail(&next.trim_start()[m.end()..]);
    }
    let from = {
        let p = prefix.trim_end();
        p.ends_with('从') || p.ends_with('由') || p.contains('从') || p.contains('由')
    };
    let Some(end) = COMPARATORS
        .iter()
        .filter(|(w, _, role)| *role == Role::Change && rest.starts_with(w))
        .map(|(w, _, _)| w.len())
        .max()
    else {
        return false;
    };
    let reaches = rest[end..].starts_with(['到', '至', '为', '成']);
    // The base of a comparison (`比2000年的2500多亿元增长1.5倍`) is where the change starts.
    let base = prefix
        .trim_end()
        .rsplit_once('比')
        .is_some_and(|(_, since)| {
            (since.is_empty() || since.ends_with('的'))
                && since.chars().count() <= 8
                && !since.starts_with(['增', '降'])
        });
    reaches || ((from || base) && rest.len() > end)
}

/// What a number is read against when deciding whether it sets a goal: the words before it in
/// its clause, the text after it, its unit and its tail (`以上`, `及以下`…).
struct Reading<'a> {
    prefix: &'a str,
    after: &'a str,
    unit: &'a str,
    tail: Option<&'a str>,
    /// The text after the number up to the next stop.
    rest_of_clause: &'a str,
}

/// Whether a number only bounds a class or a condition (`首次突破5000万元的企业`, `满1年的`,
/// `持股比例高于50%的公司`, `1亿元以上项目`, `45岁以下`, `不足5000名的`), or names something
/// else that sets no goal: a grade, a tax band, a trigger, a service circle, whose something is,
/// a rank's field, time gone by, a period as a frame.
fn is_threshold(prefix: &str, after: &str, unit: &str, tail: Option<&str>) -> bool {
    let n = Reading {
        prefix,
        after,
        unit,
        tail,
        rest_of_clause: &after[..after.find(is_stop).unwrap_or(after.len())],
    };
    const FORMS: [fn(&Reading<'_>) -> bool; 11] = [
        names_a_policy,
        is_age_band,
        names_a_grade,
        is_tax_band,
        triggers_a_sanction,
        is_reach_circle,
        says_whose,
        is_rank_field,
        is_time_gone_by,
        is_period_frame,
        names_a_class_of_amount,
    ];
    bounds_a_condition(&n).unwrap_or_else(|| FORMS.iter().any(|form| form(&n)))
}

/// A bound that makes a condition (`首次突破5000万元的企业`, `满1年的`, `不足5000名的`): `Some`
/// where the words before decide, `None` where they say nothing.
fn bounds_a_condition(n: &Reading<'_>) -> Option<bool> {
    let p = n.prefix;
    let of = n.after.starts_with('的');
    // `按照不低于20%的标准发放`: what `的` leads to is the measure bounded, not a class of things
    // beyond a threshold (`持股比例高于50%的公司`).
    let measure_itself = n.after.strip_prefix('的').is_some_and(|rest| {
        [
            "标准", "比例", "比重", "水平", "幅度", "额度", "增幅", "增速",
        ]
        .iter()
        .any(|w| rest.starts_with(w))
    });
    if of
        && !measure_itself
        && (p.contains("首次")
            || p.ends_with('满')
            || p.ends_with("不足")
            || p.ends_with("未满")
            || ["高于", "低于", "大于", "小于", "突破"]
                .iter()
                .any(|w| p.ends_with(w))
            || matches!(n.tail, Some("及以上" | "及以下")))
    {
        return Some(true);
    }
    // `对连续3年未发生生产安全事故的企业`: a run of years (or times) a class is described by.
    if p.ends_with("连续") && n.rest_of_clause.contains('的') {
        return Some(true);
    }
    // `年满18周岁，…的`: an age reached is a condition wherever the clause ends.
    if p.ends_with('满') && n.unit.ends_with('岁') {
        return Some(true);
    }
    (p.ends_with("不足") || p.ends_with("满"))
        .then(|| of || n.after.starts_with(|c: char| !is_stop(c)))
}

/// Ages in brackets (`45岁以下`, `80周岁及以上`) or naming who is of that age (`0~3岁幼儿`,
/// `2-3周岁托班`, `60岁老人`, `80至89周岁的老年人`): a population, not an age reached
/// (`人均预期寿命达到78岁`).
fn is_age_band(n: &Reading<'_>) -> bool {
    n.unit.ends_with('岁')
        && (n.tail.is_some_and(|t| t.contains("以"))
            || n.after.starts_with('的') && !comparator_at_end(n.prefix)
            || n.tail.is_none()
                && n.after.chars().next().is_some_and(|c| {
                    ('\u{4e00}'..='\u{9fff}').contains(&c) && !"比和及与或的".contains(c)
                }))
}

/// A grade named by its size: `3个20万吨级泊位`, `3000吨级航道`.
fn names_a_grade(n: &Reading<'_>) -> bool {
    n.tail.is_none() && n.after.starts_with('级')
}

/// A band of an amount a rate applies to: `年应纳税所得额100万元至300万元部分`, `不到100万元的部分`.
fn is_tax_band(n: &Reading<'_>) -> bool {
    let rest = n.rest_of_clause;
    rest.trim_start_matches('的').starts_with("部分")
        || n.after.starts_with(['至', '到']) && rest.chars().count() <= 12 && rest.ends_with("部分")
}

/// A trigger of a duty or sanction: `超过五个工作日不答复`, `逾期30日未缴纳`.
fn triggers_a_sanction(n: &Reading<'_>) -> bool {
    ["超过", "逾期", "逾"].iter().any(|w| n.prefix.ends_with(w))
        && n.after.starts_with(['不', '未', '仍'])
}

/// A circle of the time it takes to reach: `15分钟社区生活圈`, `1小时经济圈`.
fn is_reach_circle(n: &Reading<'_>) -> bool {
    (is_time(n.unit) || n.unit == "分钟")
        && n.rest_of_clause
            .chars()
            .take(7)
            .collect::<String>()
            .contains('圈')
}

/// A people counted to say whose something is (`14亿中国人的饭碗`, `把14亿多中国人的饭碗…`,
/// `在14亿多人口的大国…`, `这样一个13亿人口的发展中国家`): a description, where no act before
/// takes the count as its object (`解决3200万农村人口的安全饮水问题` is a goal).
fn says_whose(n: &Reading<'_>) -> bool {
    let p = n.prefix;
    is_bare_multiplier(n.unit)
        && n.tail.is_none()
        && (p.trim().is_empty()
            || p.ends_with(['把', '将', '在'])
            || ["一个", "一个有", "一个拥有"]
                .iter()
                .any(|w| p.ends_with(w)))
        && (POSSESSOR.is_match(n.after) || POPULATION_OF.is_match(n.after))
}

/// A rank: `居全市18个重点区域前列`, `位居全国30个城市首位`; the field ranked in
/// (`在全国30个参评单位中名列第五`).
fn is_rank_field(n: &Reading<'_>) -> bool {
    // `15个学科进入ESI前1%`, `进入全国前50名`: a bracket of a ranking entered, no quantity.
    static RANK_ENTERED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:进入|跻身|位列|位居|排名|排在|居于|居|名列|入围|保持)[^，,。；;]{0,12}前$")
            .expect("rank entered pattern compiles")
    });
    RANK_ENTERED.is_match(n.prefix.trim_end())
        || n.prefix.contains('居')
        && ["前列", "首位", "前茅"]
            .iter()
            .any(|w| n.rest_of_clause.contains(w))
        || RANKED_IN.is_match(n.rest_of_clause)
        // `连续10年居全球第四`: how long a rank has been held is the rank's, no result of work.
        || n.unit == "年"
            && n.prefix.trim_end().ends_with("连续")
            && RANK_HELD.is_match(n.rest_of_clause)
}

/// Whether a count of articles names a policy in a list of policies
/// (`稳定经贸发展33条、金融支持实体经济24条等政策措施`, `水环境治理40条等系列措施`): the name
/// of a package of measures, not how many were set.
fn names_a_policy(n: &Reading<'_>) -> bool {
    static POLICY_LIST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:、[^，,。；;]*?)?等\p{Han}{0,4}?(?:政策|措施|文件|意见|规定)")
            .expect("policy list pattern compiles")
    });
    n.unit == "条" && POLICY_LIST.is_match(n.after)
}

/// A rank held after a run of years: `居全球第四`, `位居全国首位`, `保持全省前列`.
static RANK_HELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:居|位居|位列|名列|稳居|保持|排名)\p{Han}{0,6}?(?:第|首位|首|前列|前茅)")
        .expect("rank held pattern compiles")
});

/// Time gone by (`今年已过去近5个月`, `香港回归八个多月以来`, `五年来`): no goal, no result.
fn is_time_gone_by(n: &Reading<'_>) -> bool {
    // `八个多月`: the unit read is `个`, and the month follows its `多`.
    let (time, after) = match n.after.strip_prefix('月') {
        Some(rest) if n.unit == "个" => (true, rest),
        _ => (is_time(n.unit), n.after),
    };
    time && (n.prefix.trim_end_matches(['近', '约']).ends_with("过去")
        || after.starts_with("以来")
        || after.starts_with('来'))
}

/// One period as a frame (`同一家庭在1个自然年度内…`): a span, not a count.
fn is_period_frame(n: &Reading<'_>) -> bool {
    n.unit == "个"
        && ["自然年度", "年度", "周期", "考核周期"]
            .iter()
            .any(|w| n.rest_of_clause.starts_with(w))
}

/// An amount naming a class of things after it: with 以上/以下 (`1亿元以上项目40个`, `5万元以上
/// 的项目`, `1亿元以上规上工业企业研发机构覆盖率达到70%`: the class is counted or measured after
/// it, or qualified by `的`; issued alone, `发行5亿元以上专项债券。`, the amount is the goal),
/// passed (`超百亿企业65家`, `超1亿美元项目43个`), or with 及以上/及以下 (`160千瓦及以下用户`);
/// not a fine, reward or subsidy of that amount (`3万元以下的罚款`).
fn names_a_class_of_amount(n: &Reading<'_>) -> bool {
    let money = n.unit.ends_with('元');
    // `处5000元以上3万元以下的罚款`: a fine, reward or subsidy after `的` is the amount's own.
    let sum_itself = n.after.strip_prefix('的').is_some_and(|rest| {
        ["罚款", "奖励", "补贴", "补助", "资助", "奖金", "罚金"]
            .iter()
            .any(|w| rest.starts_with(w))
    });
    let names_a_class = !sum_itself
        && n.after
            .starts_with(|c: char| c == '的' || (!c.is_ascii() && !is_stop(c)));
    let class_measured =
        || n.after.starts_with('的') || n.rest_of_clause.contains(|c: char| c.is_ascii_digit());
    let passed = ["超", "超过", "过", "逾"]
        .iter()
        .any(|w| n.prefix.ends_with(w));
    let amount = money || is_bare_multiplier(n.unit);
    (matches!(n.tail, Some("及以上" | "及以下")) && names_a_class)
        || (money && matches!(n.tail, Some("以上" | "以下")) && names_a_class && class_measured())
        || (amount && passed && n.tail.is_none() && names_a_class && class_measured())
}

/// The field a rank is taken in, after its count (`30个参评单位中名列第五`).
static RANKED_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^，,。；;]{0,12}中(?:名列|排名|排列|位列|位居|居第|居首|居前|列第)")
        .expect("ranked-in pattern compiles")
});

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

/// [`COMPARATORS`] and the trailing indicator words (`indicator_words.tsv`: fillers, time
/// words and predicates, `今年赤字率拟按` → `赤字率`), longest first.
static TRIMMED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut words: Vec<&str> = COMPARATORS
        .iter()
        .map(|(w, _, _)| *w)
        .chain(
            indicator_words()
                .of(IndicatorWord::Trailing)
                .iter()
                .copied(),
        )
        .collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
});

static DATES_AND_COUNTS: LazyLock<Regex> = LazyLock::new(|| {
    let units = &*UNITS;
    // Only numbers with a unit: a bare number is part of a name (`5G用户普及率`, `12345热线`).
    // A year compared with goes with its `比`/`较` (`工业总产值比1956年将增长`).
    Regex::new(&format!(r"(?:[比较]\s*)?(?:19|20)\d{{2}}\s*年(?:度)?(?:\d{{1,2}}\s*月(?:\d{{1,2}}\s*日)?)?(?:底|末)?(?:前|以前|以来)?|\d+(?:,\d{{3}})*(?:\.\d+)?\s*(?:{MULTIPLIER}\s*(?:{units})(?:/\p{{Han}}){{0,3}}(?:以上|以下|左右|多|余)?|(?:余|多)?(?:万亿|亿|万))"))
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
    let units = &*UNITS;
    Regex::new(&format!(
        r"\d\s*{MULTIPLIER}\s*(?:{units})(?:以上|以下|左右|多|余)?(?:[、，,]|及|和|与)"
    ))
    .expect("pattern compiles")
});

/// How a count is named after its thing: events and people by their unit (`宣讲场数`,
/// `培训次数`, `参训人数`, `服务人次`), other things by `数` (`项目数`).
fn counted_as(unit: &str) -> &'static str {
    match unit {
        "场" => "场数",
        "次" | "回" => "次数",
        "人" => "人数",
        "期" => "期数",
        "人次" => "人次",
        "件次" => "件次",
        "场次" => "场次",
        "户次" => "户次",
        "批次" => "批次",
        "剂次" => "剂次",
        "车次" => "车次",
        "架次" => "架次",
        "班次" => "班次",
        "趟次" => "趟次",
        // Medals: `获2金3银` counts gold and silver medals.
        "金" => "金牌数",
        "银" => "银牌数",
        "铜" => "铜牌数",
        _ => "数",
    }
}

/// `phrase` without its dates and counts, each with the `内` of a span it closes
/// (`5年内重点引进…` → `重点引进…`), but not a `内` that starts a word (`3项内容`), and
/// without removing an amount that names a class of the noun after it (`1亿元以上项目`).
fn without_dates_and_counts(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut from = 0;
    for m in DATES_AND_COUNTS.find_iter(phrase) {
        let rest = &phrase[m.end()..];
        // `引进1亿元以上项目`: an amount bounding the noun after it names a class of things,
        // which the indicator keeps.
        let class = (m.as_str().ends_with("以上") || m.as_str().ends_with("以下"))
            && m.as_str().contains('元')
            && rest.starts_with(crate::body::is_han);
        // `PM2.5年均浓度`: `年均` is a word, so the number before it is part of a name.
        let named = m.as_str().ends_with(['年', '日', '月']) && rest.starts_with('均');
        // `每5000名户籍老年人配备1名`: a count after `每` is the base the number is per.
        let base = phrase[..m.start()].ends_with('每')
            && m.as_str().starts_with(|c: char| c.is_ascii_digit());
        if class || named || base {
            continue;
        }
        out.push_str(&phrase[from..m.start()]);
        from = m.end();
        for w in ["以内", "之内", "内"] {
            if let Some(after) = rest.strip_prefix(w)
                && !nei_opens_a_word(after)
            {
                from += w.len();
                break;
            }
        }
    }
    out.push_str(&phrase[from..]);
    out
}

/// The verbs a phrase opens with, after at most one modifier (`重点引进和培养…` →
/// `重点引进和培养`, `成功创建示范街` → `成功创建`): the act whose objects a list or the
/// examples before `等` name. Empty when the phrase opens with no verb (`南部水厂二期`).
fn leading_verbs(phrase: &str) -> String {
    let tagged = duban_segment::Segmenter::shared().tag(phrase);
    let mut out = String::new();
    let mut verbs = 0;
    for (k, w) in tagged.iter().enumerate() {
        // A verbal noun is the act only right after the modifier (`重点建设`); after a verb it is
        // its object (`完成优化…`).
        let verb = w.tag == "v" || (w.tag == "vn" && k == 1 && verbs == 0);
        // `和`/`并` join two verbs (`引进和培养`) only when a verb follows.
        let joins = verbs > 0
            && matches!(w.word, "和" | "并" | "及")
            && tagged.get(k + 1).is_some_and(|n| n.tag == "v");
        let modifier = k == 0 && (matches!(w.tag, "a" | "ad" | "d") || w.word == "重点");
        if verb || joins || (modifier && verbs == 0) {
            out.push_str(w.word);
            verbs += usize::from(verb);
        } else {
            break;
        }
    }
    if verbs == 0 { String::new() } else { out }
}

/// Whether the words before a number end in a conjunction after a member that is not a
/// count (`完成A、B和` before `19个治理项目`): the number opens the last member of a list.
fn opens_last_member(raw: &str) -> bool {
    let tagged = duban_segment::Segmenter::shared().tag(raw);
    let Some(last) = tagged.last() else {
        return false;
    };
    let conjunction =
        last.word == "、" || (last.tag == "c" && matches!(last.word, "和" | "及" | "以及"));
    let head = raw[..raw.len() - last.word.len()].trim_end();
    let count_before = DATES_AND_COUNTS
        .find_iter(head)
        .last()
        .is_some_and(|m| m.end() == head.len());
    conjunction && !head.is_empty() && !count_before
}

/// The act a list of examples is the object of: the verbs its first member opens with
/// (`推进A、B` → `推进`), or else its first verbs without the subject before them
/// (`平台实现A、B` → `实现`), or a preposition it opens with (`对A、B`). Empty when the first
/// member has none (`南部水厂二期`).
fn verbs_of_examples(examples: &str) -> String {
    let first = examples.split('、').next().unwrap_or("");
    let lead = leading_verbs(first);
    if !lead.is_empty() {
        return lead;
    }
    let tagged = duban_segment::Segmenter::shared().tag(first);
    let mut run = String::new();
    for (k, w) in tagged.iter().enumerate() {
        if w.tag == "v" {
            run.push_str(w.word);
        } else if !run.is_empty() {
            // The examples follow the act (`实现A、B`); a verb ending the member is part of
            // an example (`通过自学考试`).
            return run;
        } else if k == 0 && w.tag == "p" {
            // A preposition whose objects the examples are (`对A、B等8件法规提出…`).
            run.push_str(w.word);
            return run;
        }
    }
    String::new()
}

/// Strips comparators, fillers, dates, other counts and examples from a phrase before a number.
fn core_before(phrase: &str) -> String {
    without_examples(&core_with_examples(phrase))
}

/// [`core_before`], the examples before `等` kept.
fn core_with_examples(phrase: &str) -> String {
    let mut phrase = without_conjunction(without_dates_and_counts(phrase).trim()).to_string();
    loop {
        let before = phrase.clone();
        // The longest word first: `不超过`, not `超过` leaving `不`.
        // `理由`, `自由` end in `由` and keep it; a character that ends a word with the one
        // before it (`签约`, `人均`) stays, but a marker (`压减至`, `推广至近`) goes wherever the
        // segmenter puts it.
        while let Some(p) = TRIMMED.iter().find_map(|w| {
            phrase.strip_suffix(w).filter(|p| {
                // `新增` counts new things (`全省新增9.6万个…学位`): it names them, no change.
                if *w == "增" && p.ends_with('新') {
                    return false;
                }
                if *w == "由" {
                    crate::body::marks_an_agent(&phrase, p.len())
                } else {
                    w.chars().count() > 1
                        || is_comparator(w)
                        || is_marker(w)
                        || ends_in_word(&phrase, w)
                }
            })
        }) {
            // A list's mark left before a trimmed word (`…安排、比上年`) goes with it.
            phrase = p.trim_end().trim_end_matches(['、', '，', ',']).to_string();
        }
        // The start of a change in a per-unit amount (`补差水平分别从每月609元提高到…`) is no
        // part of what changes.
        if let Some(start) = START_PER_UNIT.find(&phrase) {
            phrase = phrase[..start.start()].trim_end().to_string();
        }
        // …and so is what the start was measured in (`增值税起征点从月销售额3万元提高到…`).
        if let Some(start) = start_of_change(&phrase) {
            phrase = phrase[..start].trim_end().to_string();
        }
        // A comparison's base is no part of what is compared (`比前五年增长1.3倍`).
        if let Some(base) = COMPARISON_BASE.find(&phrase) {
            phrase = phrase[base.end()..].to_string();
        }
        // A character that opens a word with the one after it stays (`在建`, `共享`, `分类`),
        // but a marker (`以到2015年底…`) goes wherever the segmenter puts it.
        for lead in indicator_words().of(IndicatorWord::Leading) {
            if let Some(p) = phrase.strip_prefix(lead)
                && p.chars().count() >= 2
                && (lead.chars().count() > 1 || is_marker(lead) || starts_with_word(&phrase, lead))
            {
                phrase = p.to_string();
            }
        }
        if phrase == before {
            break;
        }
    }
    phrase
}

/// Whether a one-character word is trimmed wherever the segmenter puts it (`至`, `以`): the
/// lexicon's `marker` words.
fn is_marker(word: &str) -> bool {
    indicator_words().of(IndicatorWord::Marker).contains(&word)
}

/// Whether a phrase is verbs only, by the segmenter's tags (`竣工`, `培训`, `新建`).
fn is_act(phrase: &str) -> bool {
    let tagged = duban_segment::Segmenter::shared().tag(phrase);
    !tagged.is_empty() && tagged.iter().all(|w| w.tag.starts_with('v'))
}

/// What a phrase opening with an act acts on (`新开工保障性住房` → `保障性住房`), or empty when
/// it opens with no act. An act is a verb, or a word ending in one (`新开工`).
fn thing_acted_on(phrase: &str) -> &str {
    let tagged = duban_segment::Segmenter::shared().tag(phrase);
    // The words are the phrase cut whole, so their lengths give where each starts.
    let mut start = 0;
    for w in &tagged {
        let word_ends_in_act = || {
            w.word
                .char_indices()
                .nth(1)
                .is_some_and(|(i, _)| w.word[i..].chars().count() >= 2 && is_act(&w.word[i..]))
        };
        if !(w.tag.starts_with('v') || word_ends_in_act()) {
            return if start > 0 { &phrase[start..] } else { "" };
        }
        start += w.word.len();
    }
    ""
}

/// Whether a word is one of the comparators (`至`, `达`), trimmed wherever it stands.
fn is_comparator(word: &str) -> bool {
    COMPARATORS.iter().any(|(w, _, _)| *w == word)
}

/// The start of a change in a per-unit amount ending a phrase: `从每月`, `由每人每月`.
static START_PER_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:从|由)(?:每\p{Han}{1,2}?){1,3}$").expect("start per unit pattern compiles")
});

/// Where the start of a change begins in a phrase ending before the number it started from:
/// `从`/`由` as a word of its own, a subject of two characters or more before it and at most
/// six after it (`小规模纳税人增值税起征点从月销售额`).
fn start_of_change(phrase: &str) -> Option<usize> {
    let at = phrase.rfind(['从', '由'])?;
    let end = at + phrase[at..].chars().next().map_or(0, char::len_utf8);
    let after = &phrase[end..];
    if phrase[..at].chars().count() < 2 || after.is_empty() || after.chars().count() > 6 {
        return None;
    }
    let tokens = duban_segment::Segmenter::shared().tokens(phrase);
    tokens
        .iter()
        .any(|t| t.start == at && t.end == end)
        .then_some(at)
}

/// A base a multiple is of, opening the clause: `是“十一五”末的`, `约为2010年的`, `相当于全国的`.
static RATIO_BASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:约|分别|已|均)?(?:是|为|相当于)[^，。；,;]{1,16}的$")
        .expect("ratio base pattern compiles")
});

/// A comparison's base opening a phrase: `比上年`, `较去年同期`, `比前五年`, `较2020年`.
static COMPARISON_BASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:比|较)(?:(?:上|去|前[一二三四五六七八九十两\d]*|(?:19|20)\d{2})?年(?:同期|末|底)?(?:年初(?:预算)?)?的?|的|$)",
    )
    .expect("comparison base pattern compiles")
});

/// Whether `phrase` opens with `word` as a word of its own (the segmenter's).
pub(crate) fn starts_with_word(phrase: &str, word: &str) -> bool {
    duban_segment::Segmenter::shared()
        .tokens(phrase)
        .first()
        .is_some_and(|t| t.text == word)
}

/// Whether `phrase` ends in `word` as a word of its own (the segmenter's).
fn ends_in_word(phrase: &str, word: &str) -> bool {
    duban_segment::Segmenter::shared()
        .tokens(phrase)
        .last()
        .is_some_and(|t| t.text == word)
}

/// `phrase` without a conjunction at its end, left by a number taken out before it
/// (`下降3.5%和` → `下降`); a word ending in one keeps it (`惠及`).
fn without_conjunction(phrase: &str) -> &str {
    // The last word is the phrase's end: a phrase ending in none of these has none to drop,
    // and needs no segmenting.
    if !phrase.ends_with(['、', '和', '及', '与']) {
        return phrase;
    }
    let tagged = duban_segment::Segmenter::shared().tag(phrase);
    match tagged.last() {
        Some(w) if w.word == "、" || (w.tag == "c" && matches!(w.word, "和" | "及" | "与")) => {
            phrase[..phrase.len() - w.word.len()].trim_end()
        }
        _ => phrase,
    }
}

/// `phrase` without the examples before its last `等` (`刑拘售卖假药等案件嫌犯` → `刑拘案件嫌犯`,
/// `完成A、B、C等` → `完成`): they name some of the things measured, the verb before them the
/// act and the words after them the kind. Titles are examples too (`学习《A》《B》等`).
fn without_examples(phrase: &str) -> String {
    // Without a `等` there are no examples to drop, and no need to segment.
    if !phrase.contains('等') {
        return phrase.to_string();
    }
    let tagged = duban_segment::Segmenter::shared().tag(phrase);
    // `等` as a particle, not inside a word (`等级`, `平等`, `同等`).
    let mut at = 0;
    let mut cut = None;
    for w in &tagged {
        at += w.word.len();
        if w.word == "等" && w.tag == "u" {
            cut = Some(at);
        }
    }
    let Some(end) = cut else {
        return phrase.to_string();
    };
    let examples = &phrase[..end - '等'.len_utf8()];
    let untitled = without_titles(examples);
    // Titles alone are examples marked as such: the words around them stay
    // (`市政府常务会议集中学习《A》《B》等`).
    let act = if untitled.len() < examples.len() && !untitled.contains('、') {
        untitled
    } else {
        verbs_of_examples(&untitled)
    };
    format!("{act}{}", &phrase[end..])
}

/// `phrase` without the titles in it (`《…》`).
fn without_titles(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    let mut depth = 0usize;
    for c in phrase.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The thing after a number, up to the end of its clause, without other numbers.
fn core_after(rest: &str) -> String {
    // The value is one example of a kind after `等` (`提升至8000元等政策尽快落地`): the kind is
    // not what the value measures.
    if rest.starts_with('等') {
        return String::new();
    }
    let end = clause_end_past_aliases(rest);
    let after = match head_of_modified(rest) {
        Some(head) => head.to_string(),
        None => without_dates_and_counts(&rest[..end]),
    };
    let after = after
        .trim()
        .trim_start_matches(['的', '以', '上', '下'])
        .trim();
    // A conjunction before the next number joins numbers, it names no thing (`3.5%和4.1%`);
    // before the next member with a number of its own (`本区生产150万方及区外调入30万方`), it
    // names that member's thing.
    if after.chars().all(|c| "和及与、".contains(c))
        || after.starts_with(['和', '及', '与', '、'])
            && rest[..end].contains(|c: char| c.is_ascii_digit())
    {
        return String::new();
    }
    // A predicate after the number says what became of it, it names no thing
    // (`样本862份均为阴性`, `目标任务100%已完成`).
    if ["为", "均", "都", "已", "全部", "分别", "是"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return String::new();
    }
    after.to_string()
}

/// Whether a phrase holds a verb or a preposition (the segmenter's `v`, `vn`, `p`): a word
/// that takes what follows as its object (`建设288个…基地`).
fn takes_an_object(phrase: &str) -> bool {
    duban_segment::Segmenter::shared()
        .tag(phrase)
        .iter()
        .any(|w| matches!(w.tag, "v" | "vn" | "p"))
}

/// Where the clause of `rest` ends, past a short name in brackets inside a name: another name
/// of the same level (`99个镇(街道)为民服务中心`, `村(社区)`), which the words after it go on
/// from. Brackets holding a number (`(本区生产150万方…)`) end the clause.
fn clause_end_past_aliases(rest: &str) -> usize {
    let mut from = 0;
    loop {
        let Some(at) = rest[from..].find(CLAUSE_ENDS).map(|p| from + p) else {
            return rest.len();
        };
        if !rest[at..].starts_with('(') {
            return at;
        }
        let inner = &rest[at + 1..];
        let Some(close) = inner.find(')') else {
            return at;
        };
        let alias = &inner[..close];
        let goes_on = inner[close + 1..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_ascii() && !CLAUSE_ENDS.contains(&c));
        if alias.is_empty()
            || alias.chars().count() > 4
            || alias.contains(|c: char| c.is_ascii_digit())
            || !goes_on
        {
            return at;
        }
        from = at + 1 + close + 1;
    }
}

/// A counted thing that is the subject of a predicate after it (`196个项目审批得以提速`,
/// `7个项目完工`, `12个项目通过该模式办理`) is named after its predicate, as a count of such
/// things: `审批得以提速项目`. The thing is one or two nouns; the predicate opens with a word of a
/// report's result (`因此`, `顺利`, `得以`; the lexicon's `result` words, left out) or a
/// preposition, or is verbs only. `None` for anything else: compounds holding verbs
/// (`地面坍塌隐患整治项目`, `粤港澳联合实验室`) name one thing, and the segmenter's tags are
/// too loose to find a predicate in them.
fn predicate_first(thing_then: &str) -> Option<String> {
    let tagged = duban_segment::Segmenter::shared().tag(thing_then);
    let noun = |w: &duban_segment::TaggedWord<'_>| matches!(w.tag, "n" | "vn" | "nz");
    let verb = |w: &duban_segment::TaggedWord<'_>| matches!(w.tag, "v" | "vn");
    let results = indicator_words().of(IndicatorWord::Result);
    let result = |w: &duban_segment::TaggedWord<'_>| results.contains(&w.word);
    let k = (1..tagged.len().min(3)).find(|&k| !noun(&tagged[k]))?;
    if !tagged[..k].iter().all(noun) {
        return None;
    }
    let rest = &tagged[k..];
    let predicate: &[_] = if result(&rest[0]) {
        &rest[1..]
    } else if rest[0].tag == "p" || (rest[0].tag == "v" && rest.iter().all(verb)) {
        rest
    } else {
        return None;
    };
    if !predicate.iter().any(verb) {
        return None;
    }
    let thing: String = tagged[..k].iter().map(|w| w.word).collect();
    let predicate: String = predicate.iter().map(|w| w.word).collect();
    Some(format!("{predicate}{thing}"))
}

/// The head noun after a number whose modifiers run through a list to the end of the clause:
/// a relative clause (`200名掌握关键技术、熟悉国际规则的领军人才` → `领军人才`) or examples
/// (`50名律师、公证员等法律服务人才` → `法律服务人才`), or after a relative clause opening with a
/// verb. None when the clause holds neither, or other numbers (each member then counts its own
/// thing).
fn head_of_modified(rest: &str) -> Option<&str> {
    let clause_end = rest
        .find(['。', '；', ';', '，', ',', '\n', '(', ')'])
        .unwrap_or(rest.len());
    let clause = &rest[..clause_end];
    // Without `的` or `等` nothing closes a modifier; with `了` before it the clause is a
    // predicate of the number's thing (`960多万建档立卡贫困人口…摆脱了…的困境`), not a modifier.
    if clause.contains(|c: char| c.is_ascii_digit())
        || !clause.contains(['的', '等'])
        || clause[..clause.rfind(['的', '等']).unwrap_or(0)].contains('了')
    {
        return None;
    }
    let tagged = duban_segment::Segmenter::shared().tag(clause);
    // A modifier opening with a verb is a relative clause even without a list, before a noun
    // (`100个具有发展前景的创业项目` → `创业项目`; not `担棉花的生产`, an act).
    let list = match clause.find('、') {
        Some(list) => list,
        None if tagged.first().is_some_and(|w| w.tag == "v")
            && tagged.last().is_some_and(|w| w.tag.starts_with('n')) =>
        {
            0
        }
        None => return None,
    };
    let mut at = 0;
    let mut head = None;
    for w in &tagged {
        at += w.word.len();
        let closes = (w.word == "的" && w.tag == "uj") || (w.word == "等" && w.tag == "u");
        if closes && at > list {
            head = Some(at);
        }
    }
    let head = clause[head?..].trim();
    (!head.is_empty() && head.chars().count() <= 12).then_some(head)
}

/// The thing an earlier count of the sentence before `clause_start` counts in `unit`, the last
/// one that names it (`健全46项制度，其中新建19项` → `制度`).
fn counted_before(f: &str, clause_start: usize, unit: &str) -> Option<String> {
    let head = &f[..clause_start];
    let start = head.rfind(['。', '；', ';', '\n']).map_or(0, |p| {
        p + head[p..].chars().next().map_or(1, char::len_utf8)
    });
    let sentence = &head[start..];
    sentence
        .match_indices(unit)
        .filter(|(i, _)| sentence[..*i].ends_with(|c: char| c.is_ascii_digit()))
        .map(|(i, u)| core_after(&sentence[i + u.len()..]))
        .filter(|thing| !thing.is_empty())
        .last()
}

/// The clause before `clause_start` where it is a condition, a `的` phrase
/// (`不答复也不说明理由的，5个工作日内告知`); empty otherwise.
fn condition_before(f: &str, clause_start: usize) -> String {
    if f[..clause_start]
        .trim_end_matches(['，', ','])
        .ends_with('的')
    {
        previous_clause(f, clause_start)
    } else {
        String::new()
    }
}

/// The clause before `clause_start`, as a condition or subject (`未建立台账的` → `未建立台账`).
fn previous_clause(f: &str, clause_start: usize) -> String {
    // A sentence's end closes what it speaks of: the next sentence names its own.
    if f[..clause_start]
        .trim_end()
        .ends_with(['。', '；', ';', '!', '！', '?', '？'])
    {
        return String::new();
    }
    let head = f[..clause_start].trim_end_matches(['，', ',', '。', '；', ';', '(', '（', ' ']);
    let clause = head
        .rsplit(['。', '；', ';', '，', ',', '\n', ':', '：'])
        .next()
        .unwrap_or("");
    // `按可比价格计算，比上年增长10.8%`: how a figure is reckoned names nothing; the clause
    // before it does.
    if STATISTICAL_BASIS.is_match(clause.trim()) {
        return previous_clause(f, head.len() - clause.len());
    }
    core_before(clause.trim().trim_end_matches('的'))
}

/// A clause saying how a figure is reckoned (`按可比价格计算`, `扣除物价因素`), between the
/// figure's subject and its change.
static STATISTICAL_BASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:按可比价格计算|按可比价计算|按可比口径计算|按可比口径|按现价计算|按不变价格计算|(?:扣除|剔除)(?:物价|价格)因素(?:后)?)$")
        .expect("statistical basis pattern compiles")
});

/// Whether a phrase before a number says that a list of subjects shares it or takes one value
/// each (`均`, `都`, `分别`, `双双`; not the `均` of `平均`, `年均`, `人均`).
fn shares(raw: &str) -> bool {
    let mut rest = raw.to_string();
    for w in ["平均", "年均", "人均", "日均", "户均", "均衡", "均等"] {
        rest = rest.replace(w, "");
    }
    rest.contains('均')
        // `都` the adverb, right before the comparator (`都达到`), not the character of a
        // name opening the list (`都安、大化…资金`, `都市型、楼宇型…场地`).
        || rest.rfind('都').is_some_and(|at| {
            let after = &rest[at + '都'.len_utf8()..];
            after.chars().count() <= 4 && !after.contains('、')
        })
        || rest.contains("分别")
        || rest.contains("双双")
        || list_of_rates(raw)
}

/// The members of a list of subjects before a number that share it or are paired with a list
/// of numbers (`进驻率、按时办结率均达到100%`); empty when there is no such list.
///
/// Without a word that shares (`分别`, `均`), a list is paired with a run of as many values
/// (`最低工资、最低生活保障标准提高至2030元和800元`).
fn shared_members(f: &str, clause_start: usize, num_start: usize, values: usize) -> Vec<String> {
    let mut raw = f[clause_start..num_start].trim();
    // In a list of counts (`制定市政府文件13件、部门文件38件`) each member measures its own thing;
    // a list of values before the number (`分别从50%、75%提高至`) is no list of members.
    if let Some(last) = COUNTED_LIST_MEMBER.find_iter(raw).last()
        && !raw[last.end()..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    {
        raw = &raw[last.end()..];
    }
    let shared = shares(raw);
    if !shared && values < 2 {
        return Vec::new();
    }
    let mut a = core_before(raw);
    // What the members share is named after the word that shares it (`货物贸易、对外投资、实际
    // 利用外资分别占比` → `…占比` each).
    let mut head = String::new();
    if let Some(at) = a.rfind("分别")
        && a[..at].contains('、')
    {
        let after = a[at + "分别".len()..].to_string();
        if after.chars().count() >= 2 && !is_comparator(&after) && !after.contains('、') {
            head = after;
            a.truncate(at);
        }
    }
    let mut parts: Vec<String> = a
        .split('、')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    // The last two members may be joined by a conjunction instead (`草原综合植被盖度和湿地保护率
    // 均达50%以上`, `进驻率、办结率和满意率均达到100%`).
    if let Some(last) = parts.pop() {
        parts.extend(split_at_conjunction(&last));
    }
    if parts.len() < 2 || !shared && parts.len() != values {
        return Vec::new();
    }
    if !head.is_empty() {
        for p in &mut parts {
            p.push_str(&head);
        }
        return parts;
    }
    // Members paired with values without a sharing word name their own things, unless the
    // first is a word or name waiting for the last's head (`门诊、住院药品费用平均下降9.3%和
    // 13.8%`, `引进“珠江人才计划”、“孔雀计划”创新团队9个和20个`).
    if shared || parts[0].chars().count() <= 2 || parts[0].ends_with('”') {
        share_head(&mut parts);
    }
    share_owner(&mut parts);
    parts
}

/// A phrase cut at its one `和`/`及`/`与` into two members of at least two characters each, or
/// the phrase whole: `草原综合植被盖度和湿地保护率` → `草原综合植被盖度`, `湿地保护率`.
fn split_at_conjunction(phrase: &str) -> Vec<String> {
    let at: Vec<(usize, char)> = phrase
        .char_indices()
        .filter(|(_, c)| matches!(c, '和' | '及' | '与'))
        .collect();
    if let [(i, c)] = at[..] {
        let (a, b) = (&phrase[..i], &phrase[i + c.len_utf8()..]);
        if a.chars().count() >= 2 && b.chars().count() >= 2 && !b.starts_with('其') {
            return vec![a.to_string(), b.to_string()];
        }
    }
    vec![phrase.to_string()]
}

/// What the first member of a list belongs to (`规范性文件的报备率`) the later members belong to
/// as well (`及时率` → `规范性文件及时率`), without the verb before it (`实现`); the first
/// member reads the same way (`规范性文件报备率`).
fn share_owner(parts: &mut [String]) {
    let Some((first, rest)) = parts.split_first_mut() else {
        return;
    };
    // A base per unit opening the list (`万元GDP建设用地、水耗、电耗`) is every member's.
    if let Some(base) = PER_UNIT_OWNER.find(first)
        && base.end() < first.len()
    {
        let base = base.as_str();
        for p in rest {
            if !p.starts_with(base) {
                p.insert_str(0, base);
            }
        }
        return;
    }
    let Some(at) = first.rfind('的') else {
        return;
    };
    let owner = &first[..at];
    let owner = owner[leading_verbs(owner).len()..].to_string();
    if owner.chars().count() < 2 {
        return;
    }
    *first = format!("{owner}{}", &first[at + '的'.len_utf8()..]);
    for p in rest {
        if !p.contains('的') && !p.starts_with(owner.as_str()) {
            p.insert_str(0, &owner);
        }
    }
}

/// A remark in brackets on what an amount counts (`国地税之和(剔除证券交易印花税)`,
/// `固定资产投资(不含农户)`) is no part of what it measures.
fn without_remarks(indicator: &str) -> String {
    static REMARK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[(（](?:剔除|扣除|不含|不包括|包括|包含|含|按)[^()（）]*[)）]")
            .expect("remark pattern compiles")
    });
    REMARK.replace_all(indicator, "").into_owned()
}

/// A base per unit that opens a measure (`万元GDP能耗`, `人均公园绿地面积`).
static PER_UNIT_OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:万元|单位|每万元)(?:GDP|地区生产总值|生产总值|工业增加值)|^(?:人均|户均|每万人|每千人|每百人)",
    )
    .expect("per-unit owner pattern compiles")
});

/// The last member of a list names the measure all members share (`批发、零售销售额`): the
/// last member's words beyond as many as the first member has are added to each shorter
/// member that names no measure of its own (`批发销售额`, `零售销售额`).
fn share_head(parts: &mut [String]) {
    let seg = duban_segment::Segmenter::shared();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return;
    };
    // A quoted name's head is what follows it (`“孔雀计划”创新团队` → `创新团队`).
    let quoted_head = (first.ends_with('”'))
        .then(|| last.rsplit_once('”').map(|(_, h)| h.to_string()))
        .flatten()
        .filter(|h| !h.is_empty());
    let n = seg.tokens(first).len();
    let last_tokens = seg.tokens(last);
    let head: String = match quoted_head {
        Some(h) => h,
        None if n == 0 || last_tokens.len() <= n => return,
        None => last_tokens[n..].iter().map(|t| t.text).collect(),
    };
    let k = parts.len() - 1;
    for p in &mut parts[..k] {
        if !names_a_measure(p) && !p.ends_with(head.as_str()) {
            p.push_str(&head);
        }
    }
}

/// Whether a phrase ends in a measure's word (`销售额`, `比重`): it names what is measured.
fn names_a_measure(phrase: &str) -> bool {
    phrase.ends_with(|c: char| "率额量数重例值入出速幅积模价".contains(c))
}

/// Whether an indicator phrase is too short to name a thing (`完成`, `新建`).
/// A phrase of the bases of a rate alone (`每人每月`): it names whose rate only with a subject.
static PER_UNITS_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:每\p{Han}{1,2}){1,3}$").expect("per units pattern compiles"));

fn short(s: &str) -> bool {
    s.chars().count() < 4
}

/// The indicator of a metric of a form of its own: a share, a rubric's points, a deduction or
/// bonus, a relative time limit; `None` for any other. `raw` is the clause before the number,
/// `a` its core.
fn indicator_of_form(f: &str, m: &Found, raw: &str, a: &str) -> Option<String> {
    let (clause_start, num_start, num_end) = (m.clause_start, m.start, m.end);
    let unit = m.bare_unit.as_str();
    // A share (`占预算支出的63%`) is the share of the amount the clause before names.
    if a.starts_with('占') && !a.starts_with("占比") {
        let whole = previous_clause(f, clause_start);
        let share = if a.ends_with("比重") || a.ends_with("比例") {
            ""
        } else {
            "比重"
        };
        return Some(format!("{whole}{a}{share}"));
    }
    // A rubric's points in brackets after the item: `遵守决策程序(10分)`.
    if unit == "分" && f[..num_start].trim_end().ends_with(['(', '（']) {
        let line = f[..num_start].trim_end().trim_end_matches(['(', '（']);
        let item = line
            .rsplit(['\n'])
            .next()
            .unwrap_or("")
            .trim_end_matches(['。', '.', ' ']);
        return Some(format!("{}分值", item.trim()));
    }
    // A deduction or bonus: the condition before it.
    if unit == "分" && matches!(m.op, Op::Decrease | Op::Increase) {
        // Points for each case (`违法的，出现一起扣2分`) are for each case of the condition
        // before: `…违法每起扣分`.
        let cond = if let Some(each) = PER_CASE.captures(a) {
            format!("{}每{}", previous_clause(f, clause_start), &each["case"])
        } else if short(a) {
            previous_clause(f, clause_start)
        } else {
            a.trim_end_matches('的').to_string()
        };
        let word = if m.op == Op::Decrease {
            "扣分"
        } else {
            "加分"
        };
        return Some(format!("{cond}{word}"));
    }
    // A bound of time that names nothing (`应尽快发放救助金额，原则上不得超过30天`) is the time
    // the act of the clause before may take.
    if is_time(unit) && m.op == Op::Le && a.is_empty() && core_after(&f[num_end..]).is_empty() {
        let act = previous_clause(f, clause_start);
        if takes_an_object(&act) && !names_a_time(&act) {
            return Some(format!("{act}时限"));
        }
    }
    // A relative time limit (`自收到材料之日起3个工作日内作出审批决定`) measures how long its
    // actor may take for the act after it: `区民政部门作出审批决定时限`.
    // Only a duty's limit (`应当…`, `自…之日起`): a span before a result (`72小时内累计采样…`)
    // is no limit.
    if is_time(unit)
        && raw.contains(['应', '须', '要', '起', '自'])
        && let Some(rest) = after_span(f, num_end).map(past_manner)
    {
        let act = core_after(rest);
        if !act.is_empty() {
            let actor = raw
                .find(['应', '要', '须', '可', '在', '自', '于', '从'])
                .map_or("", |p| raw[..p].trim());
            return Some(format!("{actor}{act}时限"));
        }
    }
    // A span closed by `内` before an act bounds that act (`一年内施工资质提升至三级` →
    // `施工资质提升至三级时限`, with the subject before it where there is one). A span of years
    // before a target of its own (`5年内重点引进100名…人才`) is the term the target is set for:
    // the programme's `实施期限`. Not where the words before already name the time
    // (`审批时限控制在5个工作日内`).
    if (is_time(unit) || unit == "年")
        && m.op == Op::Le
        && !names_a_time(a)
        && let Some(rest) = after_span(f, num_end)
    {
        // The `在` of `在5个工作日内` is the span's (and `均在` the subjects' share).
        let a = a.trim_end_matches(['在', '均', '都']).trim_end();
        // The target may follow a list (`5年内市、区两级重点引进…1万名`).
        let clause_end = rest
            .find(['。', '；', ';', '，', ',', '\n'])
            .unwrap_or(rest.len());
        if a.is_empty() && unit == "年" && DATES_AND_COUNTS.is_match(&rest[..clause_end]) {
            return Some("实施期限".to_string());
        }
        let act = core_after(rest);
        if !act.is_empty() {
            // A condition before the span (`不说明理由的，5个工作日内告知`) is the case the
            // limit is for.
            let condition = if a.is_empty() {
                condition_before(f, clause_start)
            } else {
                String::new()
            };
            return Some(format!("{condition}{a}{act}时限"));
        }
    }
    None
}

/// A rubric's case counted one at a time: `出现一起`, `每发现一次`, `每例`.
static PER_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:每)?(?:出现|发现|发生|查实|查出)?(?:一|每)(?P<case>起|次|例|件|宗|处)$")
        .expect("per-case pattern compiles")
});

/// The punctuation that ends a clause.
const CLAUSE_ENDS: [char; 9] = ['。', '；', ';', '，', ',', '\n', '(', ')', '、'];

/// Whether an indicator phrase already names a time (`审批时限`, `办理时间`).
fn names_a_time(phrase: &str) -> bool {
    indicator_words()
        .of(IndicatorWord::Time)
        .iter()
        .any(|w| phrase.ends_with(w))
}

/// What follows a span closed by `内` (`3个工作日内作出…` → `作出…`); `None` for a number
/// that closes no span.
fn after_span(f: &str, num_end: usize) -> Option<&str> {
    let after = f[num_end..].trim_start();
    if f[..num_end].ends_with('内') {
        Some(after)
    } else {
        ["以内", "之内", "内"]
            .iter()
            .find_map(|w| after.strip_prefix(w))
    }
}

/// `rest` past the comma that may follow a duty's span and a clause saying how the act is
/// done (`应当在受理之日起3个工作日内，根据入户调查等情况，提出审核意见` → `提出审核意见`): the
/// act is what the span bounds, not the grounds it is done on.
fn past_manner(rest: &str) -> &str {
    let rest = rest.trim_start_matches(['，', ',', ' ']);
    match MANNER.find(rest) {
        Some(manner) => rest[manner.end()..].trim_start_matches(['，', ',', ' ']),
        None => rest,
    }
}

/// The grounds an act is done on, as a clause of its own or the words before the act
/// (`依据有关规定作出认定决定` → `作出认定决定`).
static MANNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:根据|按照|依照|依据|结合|对照)(?:[^，,。；;]*[，,]|[^，,。；;]*?(?:规定|情况|要求|程序|标准|结果|意见))",
    )
    .expect("manner pattern compiles")
});

/// What a clause before a number says before the verb granting it (`被评为五星级的给予` →
/// `被评为五星级的`); `None` where no grant verb (`给予`, `予以`, `发给`) ends it.
fn before_grant(raw: &str) -> Option<&str> {
    ["给予", "予以", "发给"]
        .iter()
        .find_map(|v| raw.strip_suffix(v))
}

/// The last grant named in `head` (`…的，可享受星级评定补贴` → `星级评定补贴`), without the
/// verbs that open it.
fn granted_before(head: &str) -> Option<String> {
    const GRANTS: [&str; 6] = ["补贴", "奖励", "资助", "补助", "奖补", "奖金"];
    let end = GRANTS
        .iter()
        .filter_map(|w| head.rfind(w).map(|p| p + w.len()))
        .max()?;
    let start = head[..end].rfind(CLAUSE_ENDS).map_or(0, |p| {
        p + head[p..].chars().next().map_or(1, char::len_utf8)
    });
    let phrase = head[start..end].trim();
    let thing = thing_acted_on(phrase);
    Some(if thing.is_empty() { phrase } else { thing }.to_string())
}

/// What the list of counts a clause opens with tells the indicator of a number after it.
#[derive(Default)]
struct ListContext {
    /// A later member of a list of counts (`组织学习5场、党课7场`) is the object of the verb
    /// the list opens with.
    list_verb: String,
    /// A change naming nothing after a member (`3.9万亿元、比上年增加…`) is that member's.
    member_before: String,
    /// The list's first member, whose thing later acts alone are done to.
    first_member: String,
}

impl ListContext {
    /// The list of counts that `raw` (a clause up to a number) opens with, and the rest of
    /// `raw` after its last member.
    fn of(raw: &str) -> (Self, &str) {
        let mut list = ListContext::default();
        // `和`, `及`, `与` join members that name their own things (`建议1081件和市政协提案941件`),
        // not a run of values (`分别占…的33.6%和27.9%`).
        let members: Vec<_> = COUNTED_LIST_MEMBER
            .find_iter(raw)
            .filter(|m| {
                // `raw` ends where the next number starts.
                m.as_str().ends_with(['、', '，', ','])
                    || raw[m.end()..]
                        .chars()
                        .next()
                        .is_some_and(|c| !c.is_ascii_digit())
            })
            .collect();
        let (Some(first), Some(last)) = (members.first(), members.last()) else {
            return (list, raw);
        };
        list.first_member = core_before(
            raw[..first.start()].trim_end_matches(|c: char| c.is_ascii_digit() || c == '.'),
        );
        let listed = core_before(&raw[..last.start()]);
        list.list_verb = leading_verbs(&listed);
        // An act the segmenter reads as one word with a modifier (`新建`, `新开工`).
        if list.list_verb.is_empty() {
            let thing = thing_acted_on(&listed);
            if !thing.is_empty() {
                list.list_verb = listed[..listed.len() - thing.len()].to_string();
            }
        }
        let from = members.len().checked_sub(2).map_or(0, |k| members[k].end());
        let member =
            raw[from..last.start()].trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
        list.member_before = core_before(member);
        (list, &raw[last.end()..])
    }

    /// What a short phrase naming no thing after its number (`规模`, `竣工`, `增长`) takes
    /// before it: the thing or verb of the list, or the clause before.
    /// The subject a short phrase (or a rate's bases alone) is completed with: the list's or
    /// the sentence's, else the case a condition before it states (`完全失能的，每人每月200元`).
    fn subject_of_elliptical(
        &self,
        f: &str,
        clause_start: usize,
        raw: &str,
        phrase: &str,
    ) -> String {
        let before = self.subject_of_short(f, clause_start, raw, phrase);
        let subject = subject_for_short(&before, phrase);
        if subject.is_empty() {
            condition_before(f, clause_start)
        } else {
            subject.to_string()
        }
    }

    fn subject_of_short(&self, f: &str, clause_start: usize, raw: &str, phrase: &str) -> String {
        // A member naming no thing of its own (`3.9万亿元、比上年增加1000亿元`) is no member.
        let nothing = phrase.is_empty();
        // An act of its own (`竣工`, `培训`), not a change or level of something named before.
        let act = !is_comparator(phrase) && is_act(phrase);
        if nothing && !self.member_before.is_empty() && !raw.is_empty() {
            self.member_before.clone()
        } else if act
            && let Some(thing) = [&self.member_before, &self.first_member]
                .into_iter()
                .map(|m| thing_acted_on(m))
                .find(|t| !t.is_empty())
        {
            // `新开工保障性住房1.76万套、竣工2.13万套、供应2.14万套`: the act is done to the
            // thing of the member before, or of the first.
            thing.to_string()
        } else if !act
            && names_a_measure(phrase)
            && !self.member_before.is_empty()
            && raw.trim_start().starts_with(phrase)
        {
            // `中央对地方转移支付增加约1.5万亿元、规模近9.8万亿元`: a measure alone after a
            // member is the measure of the member's subject.
            let thing = thing_acted_on(&self.member_before);
            if thing.is_empty() {
                self.member_before.clone()
            } else {
                thing.to_string()
            }
        } else if self.list_verb.is_empty() || nothing || !leading_verbs(raw).is_empty() {
            let clause = previous_clause(f, clause_start);
            // A clause with a number of its own measures its own thing, not this act's
            // (`改造农村危房2400多万户，培训8300多万人次`).
            if act && clause.contains(|c: char| c.is_ascii_digit()) {
                String::new()
            } else {
                clause
            }
        } else {
            self.list_verb.clone()
        }
    }
}

/// What a short measure borrows of the subject before it: a rate after a rate of the same
/// thing is that thing's other rate (`案卷评查合格率达到90%以上，优秀率达到30%以上` →
/// `案卷评查优秀率`), and a total after what is new counts all of the thing, not the new
/// (`新增市场主体3万户，总量达到45万户` → `市场主体总量`).
fn subject_for_short<'a>(before: &'a str, phrase: &str) -> &'a str {
    if phrase.ends_with('率') {
        return without_last_rate(before);
    }
    if phrase.starts_with('总') {
        return ["新增", "新建"]
            .iter()
            .find_map(|act| before.rsplit_once(act))
            .map_or(before, |(_, thing)| thing);
    }
    before
}

/// `s` without the rate word it ends in (`行政执法案卷评查合格率` → `行政执法案卷评查`), when
/// words stand before it; else `s`.
fn without_last_rate(s: &str) -> &str {
    if !s.ends_with('率') {
        return s;
    }
    let tokens = duban_segment::Segmenter::shared().tokens(s);
    match tokens.last() {
        Some(last) if last.start > 0 && last.text.ends_with('率') => &s[..last.start],
        _ => s,
    }
}

/// Words that restate a value in another unit: `折合5561美元`, `约合`, `相当于`.
const CONVERSION: [&str; 7] = ["约", "折", "合", "折合", "约合", "相当于", "即"];

/// The indicator a metric measures: the clause before the number without its comparator and
/// other numbers, completed by what is counted or measured after it (`…数`), by the condition of
/// a deduction (`未持证上岗…扣分`), or by the item a rubric's points are for (`…分值`).
/// `thing_after`, when given, is what is measured in place of the words after the number: the
/// thing a run of values names after its last (`142公里、4.4万亩生态景观林带`).
fn indicator(f: &str, m: &Found, thing_after: Option<String>) -> String {
    let (clause_start, num_start, num_end) = (m.clause_start, m.start, m.end);
    let unit = m.bare_unit.as_str();
    let mut raw = f[clause_start..num_start].trim();
    let (list, rest) = ListContext::of(raw);
    raw = rest;
    // A number inside a quoted standard (`严格按照“一年内停电次数不超过5次”`) measures what the
    // quotation names.
    let mut after = &f[num_end..];
    let joined;
    if let Some(open) = raw.rfind('“')
        && !raw[open..].contains('”')
    {
        raw = &raw[open + '“'.len_utf8()..];
        after = &after[..after.find('”').unwrap_or(after.len())];
    }
    // A number inside a bracket that words open (`增长10.7%（按可比口径增长15.5%）`,
    // `达到180万方(本区生产150万方及区外调入30万方)`) measures what the bracket names, not
    // the words before it.
    // A conversion (`4.6万元（折合5561美元）`) restates the value before, of the same thing; a
    // short name (`改造（三类桥136座`) is a part of the thing before.
    if let Some(open) = raw.rfind(['(', '（'])
        && !raw[open..].contains([')', '）'])
        && raw[open..].chars().nth(1).is_some()
    {
        let outer = &raw[..open];
        let inside = &raw[open + raw[open..].chars().next().map_or(1, char::len_utf8)..];
        let inside = inside.strip_prefix('按').unwrap_or(inside);
        if CONVERSION.contains(&inside) {
            raw = outer;
        } else if short(inside) {
            joined = format!("{outer}{inside}");
            raw = &joined;
        } else {
            raw = inside;
        }
        after = &after[..after.find([')', '）']).unwrap_or(after.len())];
    }
    let mut a = core_before(raw);
    // `驰名商标159个，是“十一五”末的2.6倍`: a multiple of a base measures the clause before,
    // not the base.
    let ratio_base = (unit == "倍" && RATIO_BASE.is_match(raw)).then(|| {
        a.clear();
        raw.trim_start_matches(['约', '分', '别', '已', '均'])
            .trim_start_matches("相当于")
            .trim_start_matches(['是', '为'])
            .trim_end_matches('的')
            .to_string()
    });
    let mut b = thing_after.unwrap_or_else(|| core_after(after));
    // Examples that no kind after `等` sums up are what is measured
    // (`投入产业发展资金、企业技改资金等8723万元`).
    if b.is_empty() && short(&a) && raw.trim_end().ends_with('等') {
        let examples = core_with_examples(raw.trim_end().trim_end_matches('等'));
        if !short(&examples) {
            a = examples;
        }
    }
    // An amount granted with nothing named after it (`被评为五星级的给予10万元`) is of the grant
    // the item named before (`可享受星级评定补贴`).
    if b.is_empty()
        && before_grant(raw).is_some()
        && let Some(grant) = granted_before(&f[..clause_start])
    {
        b = grant;
    }
    // The number opens the last member of a list of objects (`完成A、B和19个治理项目`): the
    // members before it are other things, only the verb is shared. Not a list of numbers
    // (`下降9.3%和13.8%`), nor a change of the things before (`吸引剧组落地拍摄、比增65%`).
    if !b.is_empty() && opens_last_member(raw) {
        a = leading_verbs(&a);
    }
    // Things listed one by one before their count are examples, as if `等` closed them.
    if let Some(act) = act_of_listed(raw, &a, m, &b) {
        a = act;
    }
    if let Some(indicator) = indicator_of_form(f, m, raw, &a) {
        return indicator;
    }
    let counted = is_count(unit);
    let a_before = a.clone();
    let mut phrase = a;
    // A bare act counted in the unit of an earlier count of the sentence counts the same things
    // (`健全46项制度，其中新建19项，修订27项` → `新建制度项数`, `修订制度项数`).
    let earlier = if counted && b.is_empty() && !phrase.is_empty() && short(&phrase) {
        counted_before(f, clause_start, unit)
    } else {
        None
    };
    if let Some(thing) = earlier {
        phrase.push_str(&thing);
    } else if (short(&phrase) || PER_UNITS_ONLY.is_match(&phrase)) && b.is_empty() {
        phrase = format!(
            "{}{phrase}",
            list.subject_of_elliptical(f, clause_start, raw, &phrase)
        );
    } else if short(&phrase) {
        // A thing given or counted for a case (`评估为优秀等级的，每年每个给予40万元服务奖励`)
        // is given for that case; a grant, to whom the clause before names
        // (`对新认定的高新技术企业，给予20万元奖励`).
        let case = if before_grant(raw).is_some_and(|before| !before.trim_end().ends_with('的')) {
            previous_clause(f, clause_start)
                .trim_start_matches('对')
                .to_string()
        } else {
            condition_before(f, clause_start)
        };
        phrase = format!("{case}{phrase}");
    }
    if !b.is_empty() && !phrase.ends_with('率') && (counted || !phrase.ends_with("比例")) {
        // Only a thing no verb before it takes as its object (`上演60场高品质演出`).
        let subject = counted && !takes_an_object(&a_before);
        match subject.then(|| predicate_first(&b)).flatten() {
            Some(named) => phrase.push_str(&named),
            None => phrase.push_str(&b),
        }
    }
    if counted {
        phrase = named_count(phrase, unit);
    }
    // The multiple of a base is named with it: `地均GDP相对全市平均水平倍数`.
    if let Some(base) = ratio_base {
        phrase = format!("{phrase}相对{base}倍数");
    }
    phrase
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

    /// A unit's alternative in brackets stands between it and its bound (`300套（间）以上`).
    #[test]
    fn a_units_alternative_in_brackets_keeps_the_bound() {
        assert_eq!(
            mt("供应保障房300套（间）以上。"),
            [(300.0, "套".to_string(), Op::Ge)]
        );
    }

    /// A rate per thousand people keeps its base in the unit (`9.4批次/千人`).
    #[test]
    fn a_rate_per_thousand_people_keeps_its_base() {
        assert_eq!(
            mt("抽检覆盖率达9.4批次/千人。"),
            [(9.4, "批次/千人".to_string(), Op::Eq)]
        );
    }

    /// A bound governs a rate across its bases: `不高于每人每天35元` is at most 35 元; a count of
    /// acts after `至少` may name the acts at length.
    #[test]
    fn a_bound_governs_a_rate_across_its_bases() {
        assert_eq!(
            mt("生均拨款不低于每生每年500元。"),
            [(500.0, "元".to_string(), Op::Ge)]
        );
        assert_eq!(
            mt("至少组织开展1次事故应急救援预案演练。"),
            [(1.0, "次".to_string(), Op::Ge)]
        );
        assert_eq!(
            mt("床位费不高于每人每天35元。"),
            [(35.0, "元".to_string(), Op::Le)]
        );
    }

    /// `都` shares a value as an adverb only: in a name (`都安`, `都市型`) the list qualifies
    /// one thing, and its number is one metric.
    #[test]
    fn du_in_a_name_shares_nothing() {
        assert_eq!(metrics("都安、大化扶贫协作资金2280万元").len(), 1);
        assert_eq!(metrics("新建都市型、楼宇型体育场地205个").len(), 1);
        assert_eq!(metrics("办结率、满意率都达到100%").len(), 2);
    }

    #[test]
    fn members_joined_by_he_share_a_value_as_a_list_does() {
        let m = metrics("草原综合植被盖度和湿地保护率均达50%以上");
        let got: Vec<(&str, f64, Op)> = m
            .iter()
            .map(|m| (m.indicator.as_str(), m.value, m.op))
            .collect();
        assert_eq!(
            got,
            [
                ("草原综合植被盖度", 50.0, Op::Ge),
                ("湿地保护率", 50.0, Op::Ge)
            ]
        );
        assert_eq!(metrics("进驻率、办结率和满意率均达到100%").len(), 3);
    }

    #[test]
    fn a_bound_ending_a_run_of_values_bounds_each() {
        assert_eq!(
            mt("进出口额分别达到10亿美元和15亿美元以上"),
            [
                (10.0, "亿美元".into(), Op::Ge),
                (15.0, "亿美元".into(), Op::Ge)
            ]
        );
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
        assert_eq!(mt("完成219个内涝点整治"), [(219.0, "个".into(), Op::Eq)]);
        assert_eq!(mt("15个工作日内办结"), [(15.0, "个工作日".into(), Op::Le)]);
    }

    /// `3700多万` is at least 3,700 ten-thousands, as `3700万多` would be; a unit after the
    /// `万` is kept (`8300多万人次`).
    #[test]
    fn odd_before_the_ten_thousand_is_at_least_the_number() {
        assert_eq!(
            mt("改造农村危房2400多万户，培训8300多万人次"),
            [
                (2400.0, "万户".into(), Op::Ge),
                (8300.0, "万人次".into(), Op::Ge)
            ]
        );
        assert_eq!(mt("惠及500多万在校生"), [(500.0, "万".into(), Op::Ge)]);
        assert_eq!(
            mt("再解决3200万农村人口的安全饮水问题"),
            [(3200.0, "万".into(), Op::Eq)]
        );
        assert_eq!(mt("减税3600余亿元"), [(3600.0, "亿元".into(), Op::Ge)]);
    }

    /// A bound over a short reference quantifies a Chinese numeral as one right at it does.
    #[test]
    fn a_bound_over_a_short_reference_quantifies_chinese_numerals() {
        assert_eq!(
            mt("救助标准原则上不低于当地两个月城镇最低生活保障标准。"),
            [(2.0, "个月".into(), Op::Ge)]
        );
        assert!(mt("从两个方面推进改革。").is_empty());
    }

    /// A percentage in Chinese numerals keeps its decimals: `百分之四点五` is 4.5%, not the
    /// fraction `百分之四` (four hundredths) with `点五` left over.
    #[test]
    fn a_chinese_percentage_keeps_its_decimals() {
        assert_eq!(mt("增长百分之四点五"), [(4.5, "%".into(), Op::Increase)]);
    }

    /// The amount a change is compared with is no goal: only the change is read.
    #[test]
    fn the_base_of_a_comparison_is_no_metric() {
        assert_eq!(
            mt("工业总产值比2000年的2500多亿元增长1.5倍"),
            [(1.5, "倍".into(), Op::Increase)]
        );
    }

    /// A size naming a grade (`20万吨级`) and the field a rank is held in (`居…前列`) are no
    /// goals.
    #[test]
    fn grades_and_ranks_are_no_metrics() {
        assert_eq!(
            mt("建成3个20万吨级集装箱泊位"),
            [(3.0, "个".into(), Op::Eq)]
        );
        assert!(mt("营商环境居全市18个重点区域前列").is_empty());
    }

    /// The band of an amount a tax rate applies to is a threshold, not a goal.
    #[test]
    fn a_band_of_amounts_is_a_threshold() {
        assert!(mt("对小微企业年应纳税所得额100万元至300万元部分，再减半征收所得税").is_empty());
        assert!(mt("年应纳税所得额不到100万元的部分").is_empty());
    }

    /// A bound governs a share or multiple of a reference named at length.
    #[test]
    fn a_bound_governs_a_multiple_of_a_long_reference() {
        assert_eq!(
            mt("最低工资标准不低于当地城镇居民最低生活保障标准的1.6倍"),
            [(1.6, "倍".into(), Op::Ge)]
        );
    }

    /// A sentence's end closes what it speaks of: a measure named in full after it takes
    /// nothing from the sentence before.
    #[test]
    fn a_previous_sentence_lends_no_subject() {
        let m = metrics(
            "财政政策要持续用力、更加给力。今年赤字率拟按4%左右安排、比上年提高1个百分点。",
        );
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|m| m.indicator == "赤字率"));
    }

    /// The base of a change leaves the indicator: `比上年年初预算`, `由去年的…`, `从不到…`.
    #[test]
    fn the_base_of_a_change_leaves_the_indicator() {
        let m = metrics("赤字规模4.06万亿元，比上年年初预算增加1800亿元");
        assert_eq!(m[1].indicator, "赤字规模");
        let m = metrics("中央财政教育投入将由去年的1076亿元增加到1562亿元");
        assert_eq!(m[0].indicator, "中央财政教育投入");
        let m = metrics("国内生产总值从不到100万亿元增加到超过120万亿元");
        assert_eq!(m[0].indicator, "国内生产总值");
    }

    /// Acts listed after a first member are done to its thing; a later value naming nothing
    /// measures what the first does.
    #[test]
    fn later_members_of_a_list_take_the_first_members_thing() {
        assert_eq!(
            indicators("新开工保障性住房1.76万套、竣工2.13万套、供应2.14万套"),
            ["新开工保障性住房数", "保障性住房竣工数", "保障性住房供应数"]
        );
        let m = metrics("人均补差水平分别从每月609元、276元提高到631元、286元");
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|m| m.indicator == "人均补差水平"));
    }

    /// A multiple of a base measures the clause before it; a measure alone after a list
    /// member is the member's subject's; an amount passed before a counted noun is its class.
    #[test]
    fn multiples_measures_and_passed_amounts() {
        let m = metrics("驰名商标159个，是“十一五”末的2.6倍");
        assert_eq!(m[1].indicator, "驰名商标相对“十一五”末倍数");
        let m = metrics("中央对地方转移支付增加约1.5万亿元、规模近9.8万亿元");
        assert_eq!(m[1].indicator, "中央对地方转移支付规模");
        assert_eq!(mt("主营收入超百亿企业65家"), [(65.0, "家".into(), Op::Eq)]);
        let m = metrics("积极筹办花卉博览会，新建林地9万亩、绿地1202.1公顷");
        assert_eq!(m[1].indicator, "新建绿地面积");
    }

    /// A list of subjects before a run of as many values pairs one to one without `分别`.
    #[test]
    fn a_list_pairs_with_as_many_values() {
        assert_eq!(
            indicators("最低工资、最低生活保障标准提高至2030元和800元"),
            ["最低工资", "最低生活保障标准"]
        );
        assert_eq!(
            indicators("引进“珠江人才计划”、“孔雀计划”创新团队9个和20个"),
            ["引进“珠江人才计划”创新团队数", "“孔雀计划”创新团队数"]
        );
    }

    /// The span that triggers a sanction and the reach of a service circle are no goals.
    #[test]
    fn triggers_and_service_circles_are_no_metrics() {
        assert!(mt("超过五个工作日不答复也不说明理由的").is_empty());
        assert!(mt("打造15分钟社区生活圈").is_empty());
        assert_eq!(mt("5个工作日内答复"), [(5.0, "个工作日".into(), Op::Le)]);
    }

    /// Members sharing a value reached from values of their own each have it.
    #[test]
    fn members_changed_from_values_of_their_own_share_the_value_reached() {
        let m = metrics("将制造业企业、科技型中小企业研发费用加计扣除比例分别从50%、75%提高至100%");
        let got: Vec<(&str, f64)> = m.iter().map(|m| (m.indicator.as_str(), m.value)).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(_, v)| *v == 100.0));
    }

    /// The aspect particle of a reported change and the verb of a share leave the indicator.
    #[test]
    fn le_and_zhan_before_the_number_leave_the_indicator() {
        assert_eq!(
            metrics("工业产品内销比重占60%")[0].indicator,
            "工业产品内销比重"
        );
        assert_eq!(metrics("棉布供应增加了2倍")[0].indicator, "棉布供应");
    }

    /// A count of people saying whose something is describes, it sets no goal.
    #[test]
    fn a_count_of_whose_is_no_metric() {
        assert!(mt("14亿中国人的饭碗，我们有能力也务必牢牢端在自己手中").is_empty());
        assert_eq!(mt("惠及500多万在校生"), [(500.0, "万".into(), Op::Ge)]);
        assert_eq!(
            mt("再解决3200万农村人口的安全饮水问题"),
            [(3200.0, "万".into(), Op::Eq)]
        );
    }

    /// A price rise stated as `涨幅` is the level of the rise, as the dev gold reads the
    /// national target (`居民消费价格涨幅3.5%左右` → = 3.5%, `居民消费价格涨幅`).
    #[test]
    fn a_rise_stated_as_zhangfu_is_a_level() {
        let m = metrics("居民消费价格涨幅3.5%左右");
        assert_eq!((m[0].value, m[0].op), (3.5, Op::Eq));
        assert_eq!(m[0].indicator, "居民消费价格涨幅");
    }

    /// Cutting and slimming are falls: `削减5%以上` is a decrease of 5%, as `压减` is.
    #[test]
    fn cutting_words_are_decreases() {
        assert_eq!(
            mt("二氧化硫排放总量比2000年削减5%以上"),
            [(5.0, "%".into(), Op::Decrease)]
        );
    }

    /// Measure words of the real documents: `万平米`, `万箱`, `片`, `艘次`, `微克/立方米`.
    #[test]
    fn less_common_measure_words_are_units() {
        assert_eq!(
            mt("卷烟产量达到600万箱以上"),
            [(600.0, "万箱".into(), Op::Ge)]
        );
        assert_eq!(mt("建成多功能运动场96片"), [(96.0, "片".into(), Op::Eq)]);
        assert_eq!(
            mt("拆除违法建筑153.6万平米"),
            [(153.6, "万平米".into(), Op::Eq)]
        );
        assert_eq!(
            mt("PM2.5日均值浓度为19微克/立方米"),
            [(19.0, "微克/立方米".into(), Op::Eq)]
        );
    }

    #[test]
    fn ten_thousand_belongs_to_the_unit() {
        assert_eq!(mt("安排专项经费190万元"), [(190.0, "万元".into(), Op::Eq)]);
    }

    #[test]
    fn more_than_ten_is_at_least_ten() {
        assert_eq!(mt("培育十余家示范单位"), [(10.0, "家".into(), Op::Ge)]);
    }

    /// A quantity per unit of output keeps its denominator (energy per 10,000 yuan of GDP).
    #[test]
    fn a_unit_per_ten_thousand_yuan_keeps_it() {
        assert_eq!(
            mt("单位GDP能耗降低到0.5吨标准煤/万元以下"),
            [(0.5, "吨标准煤/万元".into(), Op::Le)]
        );
    }

    /// Signs of comparison bound a value as their words do.
    #[test]
    fn comparison_signs_are_bounds() {
        assert_eq!(
            mt("城市污水处理率≥95%，垃圾填埋比例≤5%，优良天数比例＞80%"),
            [
                (95.0, "%".into(), Op::Ge),
                (5.0, "%".into(), Op::Le),
                (80.0, "%".into(), Op::Ge)
            ]
        );
    }

    #[test]
    fn a_range_gives_two_metrics() {
        assert_eq!(
            mt("每个镇配备1~2名法制员"),
            [(1.0, "名".into(), Op::Ge), (2.0, "名".into(), Op::Le)]
        );
        // A unit printed at both ends is one range too (`2所至3所`, `3亿元至5亿元`).
        assert_eq!(
            mt("新建幼儿园2所至3所"),
            [(2.0, "所".into(), Op::Ge), (3.0, "所".into(), Op::Le)]
        );
        assert_eq!(
            mt("投资3亿元至5亿元"),
            [(3.0, "亿元".into(), Op::Ge), (5.0, "亿元".into(), Op::Le)]
        );
        assert_eq!(mt("2021年至2025年"), []);
        // A share printed at both ends is one range too.
        for text in [
            "地区生产总值增长6%-7%",
            "地区生产总值增长6％—7％",
            "地区生产总值增长6-7%",
        ] {
            assert_eq!(
                mt(text),
                [(6.0, "%".into(), Op::Ge), (7.0, "%".into(), Op::Le)],
                "{text}"
            );
        }
    }

    #[test]
    fn relative_time_limits_are_at_most() {
        assert_eq!(
            mt("在15个工作日内办结"),
            [(15.0, "个工作日".into(), Op::Le)]
        );
        assert_eq!(mt("48小时之内作出答复"), [(48.0, "小时".into(), Op::Le)]);
    }

    /// A span counted from an event is a limit without `内`, and so are a service circle's
    /// minutes; a span standing alone is not.
    #[test]
    fn spans_from_an_event_and_service_circles_are_at_most() {
        assert_eq!(
            mt("自收到复核申请之日起15个工作日采取入户调查等方式组织复核"),
            [(15.0, "个工作日".into(), Op::Le)]
        );
        assert_eq!(
            mt("构建15分钟居家社区养老服务圈"),
            [(15.0, "分钟".into(), Op::Le)]
        );
        assert_eq!(mt("培训时间为15分钟"), [(15.0, "分钟".into(), Op::Eq)]);
    }

    #[test]
    fn points_of_a_rubric_and_deductions_are_metrics() {
        assert_eq!(mt("依法决策(10分)"), [(10.0, "分".into(), Op::Eq)]);
        assert_eq!(mt("未公开的，扣3分"), [(3.0, "分".into(), Op::Decrease)]);
        assert_eq!(
            mt("评为示范单位的加5分"),
            [(5.0, "分".into(), Op::Increase)]
        );
        // A cap on what is taken or added is still taken or added.
        assert_eq!(mt("最多扣3分"), [(3.0, "分".into(), Op::Decrease)]);
        assert_eq!(mt("最高加4分"), [(4.0, "分".into(), Op::Increase)]);
    }

    /// Units of measure printed in Latin letters or as one glyph, and seconds, are units.
    #[test]
    fn latin_and_glyph_units_and_seconds_are_units() {
        assert_eq!(mt("新建污水管网2.3km"), [(2.3, "km".into(), Op::Eq)]);
        assert_eq!(mt("新建标准化厂房5000㎡"), [(5000.0, "㎡".into(), Op::Eq)]);
        assert_eq!(
            mt("接口响应时间控制在3秒以内"),
            [(3.0, "秒".into(), Op::Le)]
        );
    }

    /// A box's number (`专栏1`) is a list number, whatever word follows it.
    #[test]
    fn a_boxs_number_is_no_metric() {
        assert_eq!(mt("专栏1 户厕改造年度任务"), []);
        assert_eq!(mt("专栏3 个人信用体系建设"), []);
    }

    /// `扣减` takes off what follows it: a decrease.
    #[test]
    fn a_deduction_of_funds_is_a_decrease() {
        assert_eq!(
            mt("扣减下一年度专项资金30%"),
            [(30.0, "%".into(), Op::Decrease)]
        );
    }

    /// The case a deduction is for, printed right before it, is its condition, and the
    /// deduction keeps its op however the segmenter cuts the case's unit and `扣`.
    #[test]
    fn the_case_right_before_a_deduction_is_its_condition() {
        for text in ["少开1次扣1分", "每少开1次扣1分", "每少开一次扣1分"] {
            assert_eq!(mt(text), [(1.0, "分".into(), Op::Decrease)], "{text}");
        }
        assert_eq!(mt("缺1项扣0.5分"), [(0.5, "分".into(), Op::Decrease)]);
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

    /// A change reaching a level bounded (`增加到超过100万亿元`) is the bound, not the level.
    #[test]
    fn a_level_reached_beyond_a_bound_takes_the_bound() {
        assert_eq!(
            mt("经济总量从不到70万亿元增加到超过100万亿元"),
            [(100.0, "万亿元".into(), Op::Ge)]
        );
        assert_eq!(mt("覆盖率提高到近56%"), [(56.0, "%".into(), Op::Eq)]);
        assert_eq!(
            mt("主要污染物排放降幅超过4%"),
            [(4.0, "%".into(), Op::Decrease)]
        );
    }

    /// Things listed one by one before their count are examples: the act and the kind name
    /// what is counted; a list of another size is not the things counted.
    #[test]
    fn things_listed_before_their_count_are_examples() {
        let m = metrics("重点建设档案大数据中心、数据跨境服务枢纽、超融合边缘云计算3个项目");
        assert_eq!(m[0].indicator, "重点建设项目数");
        let m = metrics("拓展停车、厕所、餐饮、住宿、门票5个领域应用");
        assert_eq!(m[0].indicator, "拓展领域应用数");
        let m = metrics("围绕医保、社保3个领域实施改革");
        assert_ne!(m[0].indicator, "围绕领域数");
    }

    /// A change by a multiple in Chinese numerals is read as in Arabic digits.
    #[test]
    fn a_change_by_a_multiple_in_chinese_numerals_is_read() {
        assert_eq!(mt("抽检总量提高一倍"), [(1.0, "倍".into(), Op::Increase)]);
        assert_eq!(mt("产值增加两倍"), [(2.0, "倍".into(), Op::Increase)]);
        assert!(mt("形成一倍增效应").is_empty());
        // A decimal in Chinese numerals names no set.
        assert_eq!(
            mt("工业总产值增长一点二倍"),
            [(1.2, "倍".into(), Op::Increase)]
        );
        assert_eq!(
            mt("城镇化率提高零点五个百分点"),
            [(0.5, "个百分点".into(), Op::Increase)]
        );
    }

    /// Time since something (`八个多月以来`, `3年来`) is time gone by, no goal or result.
    #[test]
    fn time_since_is_no_metric() {
        assert!(mt("香港回归八个多月以来，经济保持稳定").is_empty());
        assert!(mt("实施3年来，成效明显").is_empty());
        assert_eq!(mt("3个多月内完成").len(), 1);
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
            [(1500.0, "元/头".into(), Op::Eq)]
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
    fn an_index_is_to_reach_a_number_without_a_unit() {
        let m = metrics("两化融合发展指数达到125左右，生态环境状况指数保持在70以上。");
        let got: Vec<_> = m.iter().map(|m| (m.value, m.unit.as_str(), m.op)).collect();
        assert_eq!(got, [(125.0, "", Op::Eq), (70.0, "", Op::Ge)]);
        assert_eq!(m[0].indicator, "两化融合发展指数");
        // A number naming something after an index is none.
        assert!(metrics("发布2023年营商环境指数报告").is_empty());
    }

    #[test]
    fn a_change_keeps_its_op_in_every_member_of_a_run() {
        let m = metrics("规模以上工业增加值、固定资产投资分别增长12%、13%以上。");
        let ops: Vec<_> = m.iter().map(|m| m.op).collect();
        assert_eq!(ops, [Op::Increase, Op::Increase]);
    }

    #[test]
    fn runs_of_years_and_ages_describing_a_class_are_no_metrics() {
        let m = metrics("对连续3年未发生生产安全事故的规模以上企业，给予一次性奖励5万元。");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].value, 5.0);
        let m = metrics("80至89周岁的老年人，每人每月50元。");
        assert_eq!(m.len(), 1, "{m:?}");
        // An age reached is a metric.
        assert_eq!(metrics("人均预期寿命达到78岁").len(), 1);
    }

    #[test]
    fn a_range_of_a_fine_gives_both_ends() {
        let m = metrics("处5000元以上3万元以下的罚款。");
        let got: Vec<_> = m.iter().map(|m| (m.value, m.unit.as_str(), m.op)).collect();
        assert_eq!(got, [(5000.0, "元", Op::Ge), (3.0, "万元", Op::Le)]);
        // A class of projects by amount is none.
        assert!(metrics("对5万元以上的项目进行审计").is_empty());
    }

    #[test]
    fn a_unit_column_may_print_a_unit_per_another_and_a_total_in_brackets() {
        assert!(is_unit_cell("微克/立方米"));
        assert!(is_unit_cell("吨/万元"));
        assert!(!is_unit_cell("微克/指标"));
        let phrase = value_phrase("单位地区生产总值二氧化碳排放降低", "〔18〕", "%").unwrap();
        let m = metrics(&phrase);
        assert_eq!((m[0].value, m[0].op), (18.0, Op::Decrease));
        let phrase = value_phrase("细颗粒物（PM2.5）平均浓度", "≤25", "微克/立方米").unwrap();
        let m = metrics(&phrase);
        assert_eq!(
            (m[0].value, m[0].unit.as_str(), m[0].op),
            (25.0, "微克/立方米", Op::Le)
        );
    }

    #[test]
    fn an_amount_per_head_after_a_case_is_named_with_the_case() {
        let m = metrics("完全失能的，每人每月200元；半失能的，每人每月120元。");
        let names: Vec<_> = m.iter().map(|m| m.indicator.as_str()).collect();
        assert_eq!(names, ["完全失能每人每月", "半失能每人每月"]);
    }

    #[test]
    fn amounts_in_chinese_numerals_are_read() {
        let got = |t: &str| -> Vec<(f64, String)> {
            metrics(t).into_iter().map(|m| (m.value, m.unit)).collect()
        };
        assert_eq!(
            got("全社会固定资产投资完成五百二十八亿元"),
            [(528.0, "亿元".to_string())]
        );
        assert_eq!(got("新建公路一千二百公里"), [(1200.0, "公里".to_string())]);
        assert_eq!(got("新增就业三万五千人"), [(35000.0, "人".to_string())]);
        assert_eq!(got("工业总产值一百零五亿元"), [(105.0, "亿元".to_string())]);
        // A set or a time named in Chinese numerals is none.
        assert!(got("围绕八个方面推进改革").is_empty());
        assert!(got("用三年时间基本完成").is_empty());
        assert!(got("坚持百家争鸣").is_empty());
        assert!(got("实施千亿斤粮食产能提升行动").is_empty());
        assert_eq!(got("财政收入九亿元"), [(9.0, "亿元".to_string())]);
        assert!(got("连续七年零投诉").is_empty());
        assert!(got("这十分不易").is_empty());
        assert!(got("经过二十年的努力").is_empty());
    }

    #[test]
    fn how_a_figure_is_reckoned_names_no_indicator() {
        let m = metrics("国内生产总值完成2195亿元，按可比价格计算，比上年增长10.8%。");
        assert_eq!(m[1].indicator, "国内生产总值增速");
        let m = metrics(
            "城镇居民人均收入3820元，农民人均纯收入1435元，扣除物价因素，分别增长5.1%和6.8%。",
        );
        let names: Vec<_> = m.iter().map(|m| m.indicator.as_str()).collect();
        assert_eq!(
            names,
            [
                "城镇居民人均收入",
                "农民人均纯收入",
                "城镇居民人均收入增速",
                "农民人均纯收入增速"
            ]
        );
    }

    #[test]
    fn an_eligibility_threshold_is_not_a_metric() {
        assert!(mt("对年销售收入首次突破5000万元的企业给予奖励").is_empty());
    }

    /// A change keeps its op whatever qualifies it: 以上, 左右, 约.
    #[test]
    fn a_qualified_change_is_still_a_change() {
        assert_eq!(
            mt("全县农业总产值年均增长8%以上"),
            [(8.0, "%".into(), Op::Increase)]
        );
        assert_eq!(
            mt("外贸进出口总额同比增长约120%"),
            [(120.0, "%".into(), Op::Increase)]
        );
        assert_eq!(
            mt("城乡居民收入增长6.5%左右"),
            [(6.5, "%".into(), Op::Increase)]
        );
    }

    /// A change that reaches a level is the level: 提高到…以上 is at least, 提升至 is equal.
    #[test]
    fn a_change_to_a_level_is_the_level() {
        assert_eq!(mt("森林覆盖率提高到62%以上"), [(62.0, "%".into(), Op::Ge)]);
        assert_eq!(mt("网上办件比例提升至85%"), [(85.0, "%".into(), Op::Eq)]);
        assert_eq!(
            mt("城镇登记失业率控制在4%左右"),
            [(4.0, "%".into(), Op::Eq)]
        );
    }

    /// A count that is the object of a change verb counts new things (`=`).
    #[test]
    fn a_count_after_a_change_verb_counts_new_things() {
        assert_eq!(
            mt("增加3000个公办幼儿园学位"),
            [(3000.0, "个".into(), Op::Eq)]
        );
        assert_eq!(
            mt("新增学位比上年增加5000个"),
            [(5000.0, "个".into(), Op::Increase)]
        );
    }

    /// A comparator counts only as a word of its own, and only with fillers between it and the
    /// number.
    #[test]
    fn a_comparator_inside_a_word_or_far_away_is_none() {
        assert_eq!(
            mt("以保函形式缴纳保证金2.5万次"),
            [(2.5, "万次".into(), Op::Eq)]
        );
        assert_eq!(
            mt("82个城市品质提升项目完成年度投资12.6亿元"),
            [(82.0, "个".into(), Op::Eq), (12.6, "亿元".into(), Op::Eq)]
        );
        assert_eq!(mt("参加培训学员320人次"), [(320.0, "人次".into(), Op::Eq)]);
    }

    /// 超, 过, 高于 bound from below; 不得超过 from above; 近 is approximate (`=`).
    #[test]
    fn short_bounds_and_approximations() {
        assert_eq!(
            mt("全年新增市场主体超3万户"),
            [(3.0, "万户".into(), Op::Ge)]
        );
        assert_eq!(mt("贷款余额增速要高于20%"), [(20.0, "%".into(), Op::Ge)]);
        assert_eq!(
            mt("救助金额累计最高不得超过3万元"),
            [(3.0, "万元".into(), Op::Le)]
        );
        assert_eq!(mt("日均客流量近8万人次"), [(8.0, "万人次".into(), Op::Eq)]);
    }

    /// A rate of decline or growth with a bound is a change: `降幅超过3%`.
    #[test]
    fn a_bounded_rate_of_change_is_a_change() {
        assert_eq!(
            mt("单位生产总值能耗降幅超过3%"),
            [(3.0, "%".into(), Op::Decrease)]
        );
    }

    /// Units are an open class: currencies, energy, volume, age, tenths, per-unit prices and a
    /// bare 万 or 亿.
    #[test]
    fn units_of_measure_are_read() {
        assert_eq!(
            mt("实际利用外资3.2亿美元"),
            [(3.2, "亿美元".into(), Op::Eq)]
        );
        assert_eq!(
            mt("新增装机容量120万千瓦"),
            [(120.0, "万千瓦".into(), Op::Eq)]
        );
        assert_eq!(
            mt("年发电量达到4.5亿千瓦时"),
            [(4.5, "亿千瓦时".into(), Op::Eq)]
        );
        assert_eq!(mt("储备砂石40万方"), [(40.0, "万方".into(), Op::Eq)]);
        assert_eq!(
            mt("港口吞吐量达到85万标箱"),
            [(85.0, "万标箱".into(), Op::Eq)]
        );
        assert_eq!(
            mt("护理补贴不超过60元/人/日"),
            [(60.0, "元/人/日".into(), Op::Le)]
        );
        assert_eq!(mt("减少贫困人口36万"), [(36.0, "万".into(), Op::Decrease)]);
        assert_eq!(mt("本地企业占比达到七成以上"), [(7.0, "成".into(), Op::Ge)]);
        assert_eq!(
            mt("平均通关时间压缩为4.5个小时"),
            [(4.5, "个小时".into(), Op::Eq)]
        );
        assert_eq!(mt("算力规模达到5EFLOPS"), [(5.0, "EFLOPS".into(), Op::Eq)]);
    }

    /// A fraction is a share: `三分之一` is 33.33%, never `3 分`.
    #[test]
    fn a_fraction_is_a_share() {
        assert_eq!(
            mt("新能源车辆占比超过三分之一"),
            [(33.33, "%".into(), Op::Ge)]
        );
    }

    /// `A、B分别增长X、Y`: subjects and values pair one to one.
    #[test]
    fn a_respectively_list_pairs_subjects_with_values() {
        let m = metrics("出口额、进口额分别增长12.5%、8.3%");
        let got: Vec<(&str, f64)> = m.iter().map(|m| (m.indicator.as_str(), m.value)).collect();
        // (a change in per cent is named as one: `出口额增速`)
        assert_eq!(got, [("出口额增速", 12.5), ("进口额增速", 8.3)]);
    }

    /// A bare number before another in a list shares its unit: `3.5和1.2个百分点`.
    #[test]
    fn a_bare_number_in_a_list_shares_the_unit() {
        assert_eq!(
            mt("城乡收入增速分别高于经济增速3.5和1.2个百分点"),
            [
                (3.5, "个百分点".into(), Op::Eq),
                (1.2, "个百分点".into(), Op::Eq)
            ]
        );
    }

    /// The `均` of `平均` shares nothing: one metric per number.
    #[test]
    fn the_jun_of_an_average_is_no_sharing() {
        assert_eq!(metrics("门诊、住院费用平均下降6.1%和9.8%").len(), 2);
    }

    /// Classes and conditions are no metrics: amounts naming a class, ages, look-back windows.
    #[test]
    fn classes_and_conditions_are_not_metrics() {
        assert_eq!(
            mt("引进5000万元以上项目26个"),
            [(26.0, "个".into(), Op::Eq)]
        );
        assert!(mt("持股比例高于30%的企业引入战略投资者").is_empty());
        assert!(mt("对60周岁及以上的老年人给予补贴").is_empty());
        assert!(mt("申请人近2年内无不良信用记录").is_empty());
    }

    /// A cap on a count of events is a metric, not a recurrence: `每个台区…不超过4次`.
    #[test]
    fn a_cap_within_a_year_is_a_metric() {
        assert_eq!(
            mt("每个台区停电次数全年不超过4次"),
            [(4.0, "次".into(), Op::Le)]
        );
    }

    /// The start of a change `从X增长到Y` is no metric, whatever the verb.
    #[test]
    fn the_start_of_any_change_is_not_a_metric() {
        assert_eq!(
            mt("审批事项由120项压减至45项"),
            [(45.0, "项".into(), Op::Eq)]
        );
    }

    /// One comparator vocabulary: every comparator is trimmed from the indicator.
    #[test]
    fn every_comparator_is_trimmed_from_the_indicator() {
        for (w, _, _) in COMPARATORS.iter() {
            let m = metrics(&format!("行政诉讼败诉率{w}5%"));
            if let Some(m) = m.first() {
                assert_eq!(m.indicator, "行政诉讼败诉率", "{w}");
            }
        }
        // The comparators that give the operator are the words trimmed: one list.
        for (w, _, _) in COMPARATORS.iter() {
            assert!(TRIMMED.contains(w), "{w}");
        }
        assert_eq!(metrics("出庭应诉率不大于5%")[0].indicator, "出庭应诉率");
        assert_eq!(metrics("出庭应诉率不大于5%")[0].op, Op::Le);
    }

    /// A number inside a bracket that words open measures what the bracket names.
    #[test]
    fn a_number_in_a_bracket_measures_what_the_bracket_names() {
        assert_eq!(
            indicators("社会消费品零售总额924亿元，增长10.7%（按可比口径增长15.5%）"),
            [
                "社会消费品零售总额",
                "社会消费品零售总额增速",
                "可比口径增速"
            ]
        );
    }

    /// A year compared with leaves with its `比`, and a `的` left opening the phrase goes.
    #[test]
    fn a_compared_year_leaves_with_its_bi() {
        assert_eq!(
            indicators("1957年的工业总产值比1956年将增长4.5%"),
            ["工业总产值增速"]
        );
        assert_eq!(
            indicators("管控企业碳排放强度较2010年下降34.2%"),
            ["管控企业碳排放强度降幅"]
        );
    }

    /// The bound a run of values ends in bounds the earlier members only when they count the
    /// same things.
    #[test]
    fn a_bound_of_another_unit_bounds_no_earlier_member() {
        assert_eq!(
            mt("针对首年关税为零的2034种、5年内关税减让显著的2725种出口商品")[0],
            (2034.0, "种".into(), Op::Eq)
        );
    }

    /// Examples before `等` that no kind after the number sums up are what is measured.
    #[test]
    fn examples_summed_up_by_nothing_are_measured() {
        assert_eq!(
            indicators("投入产业发展资金、企业技改资金等8723万元"),
            ["投入产业发展资金、企业技改资金"]
        );
    }

    /// A value that is one example of a kind after `等` measures the words before it.
    #[test]
    fn a_value_before_deng_measures_the_words_before_it() {
        assert_eq!(
            indicators("争取单次购物限额提升至8000元等政策尽快落地"),
            ["单次购物限额"]
        );
    }

    /// What the start of a change was measured in is no part of what changes.
    #[test]
    fn what_the_start_was_measured_in_leaves_the_indicator() {
        assert_eq!(
            indicators("将小规模纳税人增值税起征点从月销售额3万元提高到15万元"),
            ["小规模纳税人增值税起征点"]
        );
        assert_eq!(
            indicators("服务业从业人员达到5万人"),
            ["服务业从业人员人数"]
        );
    }

    /// Counts of articles that name policies in a list of policies are no metrics; a count of
    /// measures set is.
    #[test]
    fn articles_naming_policies_are_no_metrics() {
        assert!(
            mt("出台稳定经贸发展33条、金融支持实体经济24条、促进产业转型升级36条等政策措施")
                .is_empty()
        );
        assert!(mt("出台了大气质量提升40条、水环境治理40条等系列措施").is_empty());
        assert_eq!(mt("出台稳增长政策措施20条"), [(20.0, "条".into(), Op::Eq)]);
    }

    /// A change's object may run to ten characters before the amount, or before the level it
    /// reaches.
    #[test]
    fn a_long_object_between_a_change_and_its_number() {
        assert_eq!(
            mt("增加国家铁路建设资本金1000亿元"),
            [(1000.0, "亿元".into(), Op::Increase)]
        );
        assert_eq!(
            mt("压缩一般业务登记时限至1天"),
            [(1.0, "天".into(), Op::Eq)]
        );
    }

    /// A count after `每` is the base a number is per, and stays in the indicator.
    #[test]
    fn a_base_after_mei_stays_in_the_indicator() {
        assert_eq!(
            indicators("原则上每5000名户籍老年人配备1名居家社区养老服务工作人员"),
            ["每5000名户籍老年人配备居家社区养老服务工作人员数"]
        );
    }

    /// Medals are counted in their own units and named by them.
    #[test]
    fn medals_are_counted() {
        assert_eq!(
            indicators("深圳运动员在伦敦奥运会获2金3银"),
            [
                "深圳运动员在伦敦奥运会获金牌数",
                "深圳运动员在伦敦奥运会获银牌数"
            ]
        );
    }

    /// A count in a Chinese unit counts things whose names open with a Latin letter.
    #[test]
    fn a_chinese_unit_counts_things_named_in_latin_letters() {
        assert_eq!(
            mt("317家实体电商、3226家C店实现交易额1560亿元")[1],
            (3226.0, "家".into(), Op::Eq)
        );
        assert!(mt("加快5G网络建设").is_empty());
    }

    /// A change counted as new things (`新增减负`, `新增减税降费`) is a level, bounded by its
    /// own bound.
    #[test]
    fn a_change_counted_as_new_is_a_level() {
        assert_eq!(
            mt("新增减税降费约5000亿元"),
            [(5000.0, "亿元".into(), Op::Eq)]
        );
        assert_eq!(
            mt("预计全年为企业新增减负超过2.5万亿元"),
            [(2.5, "万亿元".into(), Op::Ge)]
        );
    }

    /// How long a rank has been held is no metric; a run of years of work done is.
    #[test]
    fn years_a_rank_was_held_are_no_metric() {
        assert!(mt("港口集装箱吞吐量近2300万标箱，连续10年居全球第四").len() == 1);
        assert!(mt("PCT国际专利申请量8024件，连续9年居全国首位").len() == 1);
        assert_eq!(
            mt("连续15年实现违法私房零增长"),
            [(15.0, "年".into(), Op::Eq)]
        );
    }

    /// `新增` before a count names new things and stays in the indicator.
    #[test]
    fn xinzeng_before_a_count_stays() {
        assert_eq!(
            indicators("全省新增9.6万个普惠性幼儿园学位"),
            ["全省新增普惠性幼儿园学位数"]
        );
    }

    /// A member joined to the next by a conjunction takes nothing of the next member's
    /// (`本区生产150万方及区外调入30万方`).
    #[test]
    fn a_member_takes_nothing_of_the_next_members_thing() {
        assert_eq!(
            indicators("本区生产150万方及区外调入30万方"),
            ["本区生产", "区外调入"]
        );
    }

    /// Time words and predicates are trimmed; digits inside a name stay.
    #[test]
    fn indicators_lose_time_words_and_keep_digits_in_names() {
        assert_eq!(
            metrics("今年财政赤字率拟按3%安排")[0].indicator,
            "财政赤字率"
        );
        assert_eq!(metrics("5G用户普及率达到60%")[0].indicator, "5G用户普及率");
    }

    /// Hedges and the `至` of a level reached are no part of the indicator.
    #[test]
    fn hedges_and_a_reached_level_are_trimmed() {
        assert_eq!(
            metrics("确保网上可办率提升至90%")[0].indicator,
            "网上可办率"
        );
        assert_eq!(
            metrics("资产负债率原则上不超过65%")[0].indicator,
            "资产负债率"
        );
    }

    /// Later numbers of a list take the comparator of the first: `分别不少于60万元、40万元`.
    #[test]
    fn a_list_of_numbers_shares_its_comparator() {
        assert_eq!(
            mt("一级、二级站点运营补贴分别不少于20万元、8万元"),
            [(20.0, "万元".into(), Op::Ge), (8.0, "万元".into(), Op::Ge)]
        );
    }

    /// A standard quoted whole is read; a short quoted name is not.
    #[test]
    fn a_quoted_standard_is_read_but_a_quoted_name_is_not() {
        assert_eq!(
            mt("严格执行“全年停电次数不超过4次”的管控标准"),
            [(4.0, "次".into(), Op::Le)]
        );
        assert!(mt("打造“5A”景区和“千亿”园区").is_empty());
    }

    /// A change verb glued to its subject by the segmenter is still read: `价格上涨2%`.
    #[test]
    fn a_change_glued_to_its_subject_is_read() {
        assert_eq!(
            mt("居民消费价格上涨2.1%"),
            [(2.1, "%".into(), Op::Increase)]
        );
    }

    /// `每5年修订1次`: the count of a recurrence every several years is no metric.
    #[test]
    fn a_count_every_few_years_is_a_recurrence() {
        assert!(mt("专业目录原则上每5年修订1次").is_empty());
    }

    /// The numbers of a sentence defining a term (`本办法所称…`) set no goal.
    #[test]
    fn a_definitions_numbers_are_no_metrics() {
        assert!(
            mt("本办法所称农村留守老年人包括赡养人持续6个月离开农村户籍地县域范围的老年人。")
                .is_empty()
        );
        assert_eq!(
            mt("本办法所称老年人是指60周岁以上的人。服务覆盖率达到90%。"),
            [(90.0, "%".into(), Op::Eq)]
        );
    }

    /// A span that a bounded count is counted over, and a look-back before a date, are no
    /// limits of their own; a span for an act is.
    #[test]
    fn windows_of_a_count_and_look_backs_are_no_limits() {
        assert_eq!(mt("30天内停电次数不超过5次"), [(5.0, "次".into(), Op::Le)]);
        assert_eq!(
            mt("连续60天停电次数不超过3次"),
            [(3.0, "次".into(), Op::Le)]
        );
        assert!(mt("事由应发生在申请日前12个月内").is_empty());
        assert_eq!(
            mt("在15个工作日内办结"),
            [(15.0, "个工作日".into(), Op::Le)]
        );
    }

    /// Days with `以上` are a span, a change of them a decrease; a day of a month is a date.
    #[test]
    fn days_with_yishang_are_a_span() {
        assert_eq!(
            mt("缩短办理时间50日以上"),
            [(50.0, "日".into(), Op::Decrease)]
        );
        assert!(mt("于5月10日召开").is_empty());
    }

    /// A change of an object up to a level (`压缩审批时限至1个工作日`) states the level; an
    /// amount with `以上` is a class only where the class is counted, measured or qualified
    /// after it (`1亿元以上项目40个`), and alone it is the goal (`发行5亿元以上专项债券`).
    #[test]
    fn levels_reached_and_amounts_that_are_goals() {
        assert_eq!(
            mt("压缩审批时限至1个工作日"),
            [(1.0, "个工作日".into(), Op::Eq)]
        );
        assert_eq!(
            mt("发行5亿元以上专项债券。"),
            [(5.0, "亿元".into(), Op::Ge)]
        );
        assert_eq!(
            mt("力争引进1亿元以上项目40个"),
            [(40.0, "个".into(), Op::Eq)]
        );
    }

    /// One thing at least (`至少建有一所`) is a floor; one time at least is a recurrence's.
    #[test]
    fn one_thing_at_least_is_a_floor() {
        assert_eq!(
            mt("在有条件的社区至少建有一所普惠性幼儿园"),
            [(1.0, "所".into(), Op::Ge)]
        );
        assert!(mt("每年至少召开一次会议").is_empty());
        assert!(mt("提供本市有效居住证或至少一种其他有效居住材料").is_empty());
        assert!(mt("建设一所学校").is_empty());
    }

    /// `项` that begins `项目` and `人` that begins `人才` count nothing; `项` before `目标`
    /// does.
    #[test]
    fn xiang_of_xiangmu_counts_nothing() {
        assert!(mt("开展“2022项目建设攻坚年”活动").is_empty());
        assert_eq!(mt("完成20项目标任务"), [(20.0, "项".into(), Op::Eq)]);
        assert!(mt("121人才梯队项目").is_empty());
        assert_eq!(
            mt("启动惠及20万人才的租房补贴"),
            [(20.0, "万人".into(), Op::Eq)]
        );
    }

    /// Percentage points after a reference (`高于全省5.5个百分点`) are the gap to it; right
    /// after the comparator they are still a bound.
    #[test]
    fn points_above_a_reference_are_the_gap() {
        assert_eq!(
            mt("力争实现本科上线率高于全省5.5个百分点"),
            [(5.5, "个百分点".into(), Op::Eq)]
        );
        assert_eq!(
            mt("增速高于5个百分点以上"),
            [(5.0, "个百分点".into(), Op::Ge)]
        );
    }

    /// The start of a change (`由…增加到`) and a year's end (`去年底`) are no part of the
    /// quantity, and a count already named (`企业数量`) takes no second `数`.
    #[test]
    fn start_markers_and_year_ends_leave_the_quantity() {
        assert_eq!(
            indicators("国家外汇储备由1399亿美元增加到2000亿美元")[0],
            "国家外汇储备"
        );
        assert_eq!(indicators("去年底企业数量达5200万户"), ["企业数量"]);
        assert_eq!(indicators("新能源汽车产量突破10万辆"), ["新能源汽车产量"]);
        // A total after what is new counts all of the thing.
        assert_eq!(
            indicators("全年新增市场主体3万户，总量达到45万户"),
            ["新增市场主体数", "市场主体总量"]
        );
        // A rate after a rate of the same thing is that thing's other rate.
        assert_eq!(
            indicators("行政执法案卷评查合格率达到90%以上，优秀率达到30%以上"),
            ["行政执法案卷评查合格率", "行政执法案卷评查优秀率"]
        );
        assert!(indicators("不答复也不说明理由的，5个工作日内告知")[0].contains("说明理由"));
    }

    fn indicators(text: &str) -> Vec<String> {
        metrics(text).into_iter().map(|m| m.indicator).collect()
    }

    /// A change with no subject of its own measures the amounts of the clause before it.
    #[test]
    fn a_bare_change_measures_the_amounts_before_it() {
        assert_eq!(
            indicators("全年售出门票80万张、营业收入9亿元，分别同比增长4.1%、6.2%"),
            ["售出门票数", "营业收入", "售出门票数增速", "营业收入增速"]
        );
        assert_eq!(
            indicators("全年售出门票80万张，营业收入9亿元，分别同比增长4.1%、6.2%")[2..],
            ["售出门票数增速", "营业收入增速"]
        );
        assert_eq!(
            indicators("新开门店120家、实现销售额30亿元，增长12%"),
            ["新开门店数", "销售额", "销售额增速"]
        );
    }

    /// A change in per cent is named as a rate of change.
    #[test]
    fn a_change_in_per_cent_is_a_rate_of_change() {
        assert_eq!(indicators("工业用电量增长6%"), ["工业用电量增速"]);
        assert_eq!(indicators("单位能耗下降4%"), ["单位能耗降幅"]);
        assert_eq!(indicators("单位能耗降幅达到4%"), ["单位能耗降幅"]);
        assert_eq!(indicators("用电量增加2000千瓦时"), ["用电量"]);
        assert_eq!(indicators("投诉率下降5%"), ["投诉率"]);
    }

    /// Counts of events and people are named by their unit.
    #[test]
    fn counts_of_events_and_people_are_named_by_their_unit() {
        assert_eq!(indicators("举办招聘会12场"), ["举办招聘会场数"]);
        assert_eq!(indicators("服务群众3000人次"), ["服务群众人次"]);
        assert_eq!(indicators("培训骨干教师80人"), ["培训骨干教师人数"]);
        assert_eq!(indicators("建成公园5个"), ["建成公园数"]);
    }

    /// Members of a paired list share the measure the last member names.
    #[test]
    fn members_share_the_measure_the_last_names() {
        assert_eq!(
            indicators("水果、蔬菜出口额分别增长10%、8%"),
            ["水果出口额增速", "蔬菜出口额增速"]
        );
        assert_eq!(
            indicators("办结率、满意率分别达到98%、95%"),
            ["办结率", "满意率"]
        );
    }

    /// A relative time limit measures how long its actor may take for the act after it.
    #[test]
    fn a_relative_time_limit_is_the_time_for_the_act_after_it() {
        assert_eq!(
            indicators("区民政部门应当自收到审核意见之日起3个工作日内作出审批决定。"),
            ["区民政部门作出审批决定时限"]
        );
    }

    /// An area or a length names its extent, as a count names its number.
    #[test]
    fn an_area_or_a_length_names_its_extent() {
        assert_eq!(indicators("新增绿地106公顷。"), ["新增绿地面积"]);
        assert_eq!(indicators("新建污水管网50公里。"), ["新建污水管网长度"]);
        assert_eq!(indicators("粮食播种面积稳定在85万亩。"), ["粮食播种面积"]);
        assert_eq!(
            indicators("万元GDP建设用地下降到20平方米。"),
            ["万元GDP建设用地"]
        );
    }

    /// A remark on what an amount counts is no part of what it measures.
    #[test]
    fn a_remark_on_what_is_counted_leaves_the_indicator() {
        assert_eq!(
            indicators("国地税之和(剔除证券交易印花税)314.9亿元。"),
            ["国地税之和"]
        );
    }

    /// A base per unit opening a list of measures is every member's.
    #[test]
    fn a_base_per_unit_opening_a_list_is_each_members() {
        assert_eq!(
            indicators("万元GDP建设用地、水耗、电耗分别为2.3平方米、8.3立方米、277.9千瓦时。"),
            ["万元GDP建设用地", "万元GDP水耗", "万元GDP电耗"]
        );
    }

    /// Numbers in the case a rule is stated for set no goal; the rule's own numbers do.
    #[test]
    fn numbers_of_a_rules_case_are_no_metrics() {
        assert!(mt("人均救助金额不超过本市2个月最低生活保障标准的，由区民政部门审批。").is_empty());
        assert_eq!(
            mt(
                "一年内开展服务达到1000人次（每次服务时长不低于30分钟），且按规定设置医疗机构的，给予一次性补贴15万元。"
            ),
            [(15.0, "万元".into(), Op::Eq)]
        );
        assert_eq!(
            mt("有57.4%是经过劳动改造而得到释放的，他们已经获得了重新做人的机会。").len(),
            1
        );
        assert!(mt("2.最低生活保障家庭、享受抚恤补助的优抚对象等3类人员中失能的；").is_empty());
        // A number whose clause goes on to a goal is no case.
        assert_eq!(
            mt("新建公园10个，对表现突出的，给予表彰。"),
            [(10.0, "个".into(), Op::Eq)]
        );
    }

    /// A unit that opens the counted word (`人口`) leaves the multiplier bare; time gone by is
    /// no metric.
    #[test]
    fn people_counted_as_population_and_time_gone_by() {
        assert_eq!(
            mt("常住人口达到1300万人口。"),
            [(1300.0, "万".into(), Op::Eq)]
        );
        assert!(mt("今年已过去近5个月。").is_empty());
        // A population describing a country or city is whose something is, not a goal.
        assert!(mt("对于我们这样一个13亿人口的发展中国家是了不起的成就。").is_empty());
        assert!(mt("在14亿多人口的大国保持就业稳定。").is_empty());
        assert!(mt("14亿多人口大国保持就业稳定。").is_empty());
        assert!(mt("对于我们这样一个有13亿人口的发展中国家是了不起的成就。").is_empty());
        assert_eq!(mt("解决3200万农村人口的安全饮水问题。").len(), 1);
    }

    /// The size of the field a rank is taken in, and one period as a frame, are no metrics.
    #[test]
    fn a_ranks_field_and_one_period_are_no_metrics() {
        assert!(mt("在全国30个参评单位中名列第五、广东第一。").is_empty());
        assert_eq!(mt("推动1.41万户农民相对集中居住。").len(), 1);
        assert_eq!(
            mt("同一家庭在1个自然年度内临时救助金额累计最高不得超过5万元。"),
            [(5.0, "万元".into(), Op::Le)]
        );
    }

    /// An amount granted with nothing named after it is of the grant the item named before.
    #[test]
    fn a_bare_grant_is_of_the_grant_named_before() {
        assert_eq!(
            indicators(
                "星级评定补贴。评定证书在有效期内的，可享受星级评定补贴。被评为五星级的给予10万元，四星级的给予5万元。"
            ),
            ["被评为五星级星级评定补贴", "四星级星级评定补贴"]
        );
        // A grant is to whom the clause before names, unless its own clause names the case.
        assert_eq!(
            indicators("对新认定的国家高新技术企业，给予20万元奖励。"),
            ["新认定的国家高新技术企业奖励"]
        );
        assert_eq!(
            indicators("经认定的市级示范基地，一次性给予50万元资助。"),
            ["经认定的市级示范基地一次性资助"]
        );
        // A grant named as the thing paid is no verb granting it.
        assert_eq!(
            indicators("残疾人护理补贴制度进一步完善，向困难群众发放价格临时补贴2.5亿元。"),
            ["向困难群众发放价格临时补贴"]
        );
        // Given to each case of the condition before, every year.
        assert_eq!(
            indicators("服务评估为优秀、良好等级的，每年每个分别给予40万元、30万元服务奖励。")[0],
            "服务评估为优秀、良好等级每年服务奖励"
        );
    }

    /// A bound of time naming nothing is the time the act of the clause before may take.
    #[test]
    fn a_bare_bound_of_time_is_the_time_of_the_act_before() {
        assert_eq!(
            indicators("批准给予临时救助的，应尽快发放救助金额，原则上不得超过30天。"),
            ["发放救助金额时限"]
        );
    }

    /// The act a span bounds may follow it past a comma and the grounds it is done on.
    #[test]
    fn a_time_limit_reaches_its_act_past_the_grounds_of_it() {
        assert_eq!(
            indicators(
                "镇人民政府在受理之日起3个工作日内，根据入户调查、民主评议等情况，提出审核意见。"
            ),
            ["镇人民政府提出审核意见时限"]
        );
        assert_eq!(
            indicators("应当在紧急情况解除之后10个工作日内，补齐审核审批手续。"),
            ["补齐审核审批手续时限"]
        );
        assert_eq!(
            indicators("区人社部门应当自受理申请之日起10个工作日内依据有关规定作出认定决定。"),
            ["区人社部门作出认定决定时限"]
        );
        // A span closing a reported change bounds nothing after its comma.
        assert_eq!(
            indicators("企业开办时间压缩到4个工作日以内，实行简易注销制度。"),
            ["企业开办时间"]
        );
    }

    /// A span closed by `内` before the measured act is no part of its indicator.
    #[test]
    fn the_nei_of_a_span_leaves_the_indicator() {
        assert_eq!(
            indicators("3年内重点培育200家科技型中小企业。")[1],
            "重点培育科技型中小企业数"
        );
    }

    /// Points for each case of a rubric are for each case of the condition before them.
    #[test]
    fn points_for_each_case_are_for_each_case_of_the_condition() {
        assert_eq!(
            indicators("在行政诉讼中败诉的，出现一起扣2分；"),
            ["行政诉讼中败诉每起扣分"]
        );
        assert_eq!(
            indicators("未按时报送的，每发现一次扣1分。"),
            ["未按时报送每次扣分"]
        );
    }

    /// What the first member of a list of rates belongs to, the later members belong to.
    #[test]
    fn members_share_the_owner_of_the_first() {
        assert_eq!(
            indicators("实现规范性文件的报备率、及时率、规范率100%。"),
            ["规范性文件报备率", "规范性文件及时率", "规范性文件规范率"]
        );
    }

    /// A number of years after `分`, `连续` or `期为` is a metric; a year's window of a bounded
    /// frequency is not.
    #[test]
    fn years_counted_are_metrics_but_not_a_frequencys_window() {
        assert_eq!(mt("分2年给予政府安家补助。"), [(2.0, "年".into(), Op::Eq)]);
        assert_eq!(mt("公示期为1年。"), [(1.0, "年".into(), Op::Eq)]);
        assert_eq!(
            mt("严格按照“一年内停电次数不超过5次”标准。"),
            [(5.0, "次".into(), Op::Le)]
        );
        // Years before a target set them.
        assert_eq!(
            mt("5年内引进不少于100名人才。")[0],
            (5.0, "年".into(), Op::Le)
        );
    }

    /// A quoted name that compares nothing holds no metric, however long.
    #[test]
    fn a_long_quoted_name_holds_no_metric() {
        assert_eq!(
            mt("31家商户参加“48小时无理由退货”活动。"),
            [(31.0, "家".into(), Op::Eq)]
        );
    }

    /// The thing after the last value of a run is what the values before it measure too.
    #[test]
    fn values_of_a_run_share_the_thing_after_the_last() {
        assert_eq!(
            indicators("建设142公里、4.4万亩生态景观林带。"),
            ["建设生态景观林带长度", "生态景观林带面积"]
        );
    }

    /// The starts of a list of values before a change are no metrics, and a bare multiplier
    /// of a run takes the unit the run ends in.
    #[test]
    fn a_run_of_values_shares_its_start_and_unit() {
        assert_eq!(
            mt("补差水平分别从每月609元、276元提高到631元、286元。"),
            [(631.0, "元".into(), Op::Eq), (286.0, "元".into(), Op::Eq)]
        );
        assert_eq!(
            mt("水土流失、荒漠化、沙化土地面积分别净减少10.6万、3.8万、3.3万平方公里。"),
            [
                (10.6, "万平方公里".into(), Op::Decrease),
                (3.8, "万平方公里".into(), Op::Decrease),
                (3.3, "万平方公里".into(), Op::Decrease)
            ]
        );
        assert_eq!(
            indicators("今年赤字率拟按4%左右安排、比上年提高1个百分点。")[1],
            "赤字率"
        );
    }

    /// An amount bounding the noun after it names a class the indicator keeps; a number in a
    /// quoted standard measures what the quotation names.
    #[test]
    fn a_class_by_amount_and_a_quoted_standard_stay_in_the_indicator() {
        assert_eq!(
            indicators("力争引进1亿元以上项目40个。"),
            ["引进1亿元以上项目数"]
        );
        assert_eq!(
            indicators("供电企业严格按照“一年内停电次数不超过5次”标准。"),
            ["一年内停电次数"]
        );
    }

    /// Half is 50 % where a bound says how much of it (`清偿一半以上`); a change by half states
    /// no level.
    #[test]
    fn half_is_fifty_percent_when_bounded() {
        assert_eq!(
            mt("对拖欠企业的款项年底前要清偿一半以上。"),
            [(50.0, "%".to_string(), Op::Ge)]
        );
        assert!(mt("一半时间用于基层调研。").is_empty());
        // The start of a leap is no goal (`从3847亿元跃升到4422亿元`).
        assert_eq!(
            mt("GDP从3847亿元跃升到4422亿元。"),
            [(4422.0, "亿元".to_string(), Op::Eq)]
        );
    }

    /// Points taken off (`每宗减10分`) decrease a score, points added again (`再加5分`) increase
    /// it; a cap (`上限为10000元`) bounds from above; boxes and plots are counted.
    #[test]
    fn points_caps_boxes_and_plots() {
        assert_eq!(
            mt("信用不良记录，每宗减10分。"),
            [(10.0, "分".to_string(), Op::Decrease)]
        );
        assert_eq!(
            mt("工作每满1年再加5分。"),
            [(5.0, "分".to_string(), Op::Increase)]
        );
        assert_eq!(
            mt("一个资助年度内的补贴上限为10000元。"),
            [(10000.0, "元".to_string(), Op::Le)]
        );
        assert_eq!(
            mt("回收过期药品12万盒，对北部片区76块用地分期拓展。"),
            [
                (12.0, "万盒".to_string(), Op::Eq),
                (76.0, "块".to_string(), Op::Eq)
            ]
        );
        assert!(mt("获评人民网2022乡村振兴创新案例。").is_empty());
    }

    /// `7×24小时` names a schedule of service; bandwidth counts in `兆`.
    #[test]
    fn a_product_names_a_schedule_and_bandwidth_counts_in_zhao() {
        assert!(mt("保障“7×24小时”全天候服务模式。").is_empty());
        assert!(mt("新增千兆光纤宽带家庭用户。").is_empty());
        assert_eq!(
            mt("网络接入能力达到100兆。"),
            [(100.0, "兆".to_string(), Op::Eq)]
        );
    }

    /// A streak ranks a record: `连续15年领跑全市` counts no work, the figure beside it does.
    #[test]
    fn a_streak_is_no_metric() {
        assert!(mt("总额连续15年领跑全市，连续21个季度高于GDP增速。").is_empty());
        assert!(mt("连续4年获评全国营商环境最佳口碑城市。").is_empty());
        assert_eq!(
            mt("连续3年保持增长，增长10%。"),
            [(10.0, "%".to_string(), Op::Increase)]
        );
    }

    /// A span of years before a target of its own is the term the target is set for.
    #[test]
    fn a_span_of_years_before_a_target_is_its_term() {
        assert_eq!(
            indicators("5年内重点引进30名金融高级管理人才。")[0],
            "实施期限"
        );
        // …also after a list of levels.
        assert_eq!(
            indicators("5年内市、区两级重点支持300名领军人才赴境外培训。")[0],
            "实施期限"
        );
    }

    /// A span before an act with no number of its own bounds that act.
    #[test]
    fn a_span_before_an_act_is_the_time_limit_of_the_act() {
        assert_eq!(
            indicators("一年内施工资质提升至三级。"),
            ["施工资质提升至三级时限"]
        );
        // The subject before the span stays, its `在` does not; a span after a subject is no
        // programme's term.
        assert_eq!(
            indicators("会同数据提供部门在五个工作日内对数据进行核查。"),
            ["会同数据提供部门对数据进行核查时限"]
        );
        assert_eq!(
            indicators("现有紧缺人才5年内享受政府薪酬补贴。"),
            ["现有紧缺人才享受政府薪酬补贴时限"]
        );
        // Words that already name the time keep it.
        assert_eq!(indicators("审批时限控制在5个工作日以内。"), ["审批时限"]);
    }

    /// A short name in brackets inside a name is part of it.
    #[test]
    fn a_bracketed_alias_inside_a_name_is_part_of_it() {
        assert_eq!(
            indicators("全市99个镇(街道)为民服务中心、1791个村(社区)便民服务中心。")[0],
            "全市镇(街道)为民服务中心数"
        );
        // Brackets holding numbers end the thing.
        assert_eq!(
            indicators("年产能达到200万方(本区生产150万方)。")[0],
            "年产能"
        );
    }

    /// A relative clause opening with a verb leaves the head noun it modifies.
    #[test]
    fn a_relative_clause_leaves_its_head() {
        assert_eq!(
            indicators("重点扶持100个左右具有发展前景的创业项目。"),
            ["重点扶持创业项目数"]
        );
    }

    /// A counted thing that is the subject of a predicate is named after the predicate.
    #[test]
    fn a_counted_subject_is_named_after_its_predicate() {
        assert_eq!(
            indicators("融信创世纪等196个项目审批得以提速。"),
            ["审批得以提速项目数"]
        );
        assert_eq!(indicators("环城西路等7个项目完工。"), ["完工项目数"]);
        // The object of a verb before the number stays as it is.
        assert_eq!(
            indicators("上演舞蹈诗剧等60多场高品质演出。"),
            ["上演高品质演出场数"]
        );
        // A compound holding a verb names one thing.
        for compound in ["地面坍塌隐患整治项目", "粤港澳联合实验室", "高清探头"]
        {
            assert_eq!(predicate_first(compound), None, "{compound}");
        }
        // …and that of a preposition.
        assert_eq!(
            indicators("对环保、消防等6件条例提出修改建议。"),
            ["对条例提出修改建议数"]
        );
    }

    /// A character that ends a word with the one before it is no filler to trim.
    #[test]
    fn a_character_ending_a_word_is_kept() {
        assert_eq!(indicators("房屋签约48座。"), ["房屋签约数"]);
        // …and so does one that opens a word with the one after it.
        assert_eq!(
            indicators("在建总建筑面积352万平方米。"),
            ["在建总建筑面积"]
        );
        // The start of a change in a per-unit amount leaves what changes.
        assert_eq!(
            indicators("人均补差水平分别从每月609元、276元提高到631元、286元。")[0],
            "人均补差水平"
        );
        // …and so does an amount priced per unit (`元/头`), with its unit.
        assert_eq!(
            indicators("能繁母猪由1000元/头提高至1500元/头。"),
            ["能繁母猪"]
        );
        // `分别` opening the phrase leaves it whole (it cut `别从…` before).
        let shared = &indicators("分别占全国空港口岸的33.6%和27.9%。")[0];
        assert!(!shared.contains('别'), "{shared}");
        // A comparison's base opening the phrase leaves it.
        assert_eq!(
            indicators("全国财政用于教育支出五年累计12万亿元，比前五年增长1.26倍。")[1],
            "全国财政用于教育支出五年"
        );
        // A hedge of two characters is trimmed whole.
        assert_eq!(indicators("病床数提高了将近37%。"), ["病床数增速"]);
        // The `至` of a result is trimmed wherever the segmenter puts it.
        assert_eq!(indicators("审批项目由214项压减至96项。"), ["审批项目数"]);
    }

    /// A later member of a list of counts is the object of the verb the list opens with.
    #[test]
    fn a_later_member_of_a_list_of_counts_takes_the_lists_verb() {
        assert_eq!(
            indicators("组织读书会5场、讲座8场。"),
            ["组织读书会场数", "组织讲座场数"]
        );
        assert_eq!(indicators("新增绿道8公里、碧道3公里。")[1], "新增碧道长度");
        // A member with a verb of its own keeps it.
        assert_eq!(
            indicators("拟废止规章5件、拟修改规章8件。")[1],
            "拟修改规章数"
        );
    }

    /// A number opening the last member of a list of objects counts only that member.
    #[test]
    fn the_last_member_of_a_list_of_objects_drops_the_others() {
        assert_eq!(
            indicators("完成道路改造、管网铺设和15个老旧小区改造。"),
            ["完成老旧小区改造数"]
        );
        // Not a list of numbers, nor a word ending in 及.
        assert_eq!(
            indicators("门诊费用下降3.5%和4.1%。"),
            ["门诊费用降幅", "门诊费用降幅"]
        );
        assert_eq!(
            indicators("健康扶贫工程惠及5000人次。"),
            ["健康扶贫工程惠及人次"]
        );
    }

    /// A share `占X的N%` is the share of the amount the clause before names.
    #[test]
    fn a_share_is_of_the_amount_named_before_it() {
        assert_eq!(
            indicators("全年教育支出20亿元，占财政支出的18%。")[1],
            "教育支出占财政支出比重"
        );
    }

    /// Examples before `等` name some of the things measured: the act and the kind stay.
    #[test]
    fn examples_before_deng_leave_the_indicator() {
        assert_eq!(
            indicators("推广远程问诊、智能导诊等服务模式12种。"),
            ["推广服务模式数"]
        );
        assert_eq!(indicators("平台接入社保、医保等8类服务。"), ["接入服务数"]);
        // The examples are the objects of a preposition: it stays.
        assert_eq!(
            indicators("对环保、消防等6件条例提出修改建议。"),
            ["对条例提出修改建议数"]
        );
        // Titles are examples; the words around them stay.
        assert_eq!(
            indicators("党组会议集中学习《民法典》《行政处罚法》等6部法律。"),
            ["党组会议集中学习法律数"]
        );
    }

    /// A bare act counted in the unit of an earlier count counts the same things.
    #[test]
    fn a_bare_act_counts_the_things_of_an_earlier_count() {
        assert_eq!(
            indicators("清理80件规范性文件，其中废止12件，修改20件。"),
            ["清理规范性文件数", "废止规范性文件数", "修改规范性文件数"]
        );
    }

    /// A count's thing is the head noun after modifiers that run through a list.
    #[test]
    fn a_count_names_the_head_noun_after_a_listed_modifier() {
        assert_eq!(
            indicators("引进200名掌握关键技术、熟悉国际规则的领军人才。"),
            ["引进领军人才数"]
        );
        assert_eq!(
            indicators("培养50名律师、公证员等法律服务人才。"),
            ["培养法律服务人才数"]
        );
        // Members with numbers of their own count their own things.
        assert_eq!(
            indicators("培训200名教师、50名医生的骨干人才。")[0],
            "培训教师数"
        );
    }

    /// The start of a change (`从`) is no part of the indicator of its target.
    #[test]
    fn the_start_of_a_change_leaves_the_indicator() {
        assert_eq!(
            indicators("研发投入占地区生产总值比重从2.1%提高到2.6%。"),
            ["研发投入占地区生产总值比重"]
        );
    }

    /// A change after a list member names no thing of its own: it takes no list verb.
    /// A bracket that opens or closes nothing in an indicator is dropped; a whole one stays.
    #[test]
    fn stray_brackets_leave_the_indicator() {
        assert_eq!(without_stray_brackets("告知处理)受理"), "告知处理受理");
        assert_eq!(
            without_stray_brackets("出庭(其中正职副职"),
            "出庭其中正职副职"
        );
        assert_eq!(
            without_stray_brackets("镇(街道)为民服务中心"),
            "镇(街道)为民服务中心"
        );
    }

    /// A comma grouping thousands (`1,192户`) ends no clause: the indicator of the number after
    /// it reads past it, and a grouped number before leaves it whole.
    #[test]
    fn a_thousands_comma_ends_no_clause() {
        let got = indicators("各区属国企累计已减免1,192户共计5,208万元租金。");
        assert_eq!(got.len(), 2);
        assert!(got[1].contains("减免"), "{got:?}");
        assert!(!got[1].contains(['1', '5', ',']), "{got:?}");
    }

    /// A change joined to an act of building (`提升改造`, `改造提升`) names the act: the extent
    /// done is a level, not a change.
    #[test]
    fn a_change_joined_to_building_names_the_act() {
        assert_eq!(
            mt("累计提升改造旧工业区12.2万平方米。"),
            [(12.2, "万平方米".into(), Op::Eq)]
        );
        assert_eq!(
            mt("改造提升旧工业区12万平方米。"),
            [(12.0, "万平方米".into(), Op::Eq)]
        );
        assert_eq!(mt("收入提高10%。"), [(10.0, "%".into(), Op::Increase)]);
    }

    /// A span of days after a comparator or `为` is a length; a day of a month is a date.
    #[test]
    fn a_span_of_days_after_a_comparator_is_a_length() {
        assert_eq!(mt("公示时间为20日。"), [(20.0, "日".into(), Op::Eq)]);
        assert_eq!(mt("公示期不少于5日。"), [(5.0, "日".into(), Op::Ge)]);
        assert!(mt("于5日前报送。").is_empty());
        assert!(mt("截止时间为3月5日。").is_empty());
    }

    /// A bracket restating a bound's own number (`（含15万人）`) gives no second metric.
    #[test]
    fn a_bound_restated_in_brackets_is_one_metric() {
        assert_eq!(
            mt("服务人数达到15万人以上（含15万人）。"),
            [(15.0, "万人".into(), Op::Ge)]
        );
    }

    /// An age reached (`年满18周岁`) is a condition.
    #[test]
    fn an_age_reached_is_a_condition() {
        assert!(mt("家庭成员年满18周岁，有独立生活需要的，可以申请。").is_empty());
    }

    /// Cases are counted in `例`.
    #[test]
    fn cases_are_counted() {
        assert_eq!(mt("收治留观病例1089例。"), [(1089.0, "例".into(), Op::Eq)]);
    }

    /// Stacked counts each give a metric: `11大类37项`.
    #[test]
    fn stacked_counts_of_classes_and_items_are_each_read() {
        assert_eq!(
            mt("基本公共卫生服务项目达到11大类37项。"),
            [(11.0, "大类".into(), Op::Eq), (37.0, "项".into(), Op::Eq)]
        );
    }

    /// A count of visits or pieces keeps its whole unit: `家次`, `轮次`, `台件`.
    #[test]
    fn compound_count_units_are_read_whole() {
        assert_eq!(
            mt("培训经营主体1000余家次，全年开展6轮次集中执法行动，消除隐患252台件。"),
            [
                (1000.0, "家次".into(), Op::Ge),
                (6.0, "轮次".into(), Op::Eq),
                (252.0, "台件".into(), Op::Eq)
            ]
        );
    }

    /// An age naming who is of it (`0~3岁幼儿`, `2-3周岁托班`) is a population, not a metric;
    /// an age reached is (`人均预期寿命达到78岁`).
    #[test]
    fn ages_that_name_a_population_are_no_metrics() {
        assert!(mt("注重0~3岁幼儿家庭教育。").is_empty());
        assert_eq!(mt("幼儿园开办了2-3周岁托班。"), []);
        assert_eq!(mt("人均预期寿命达到78岁。"), [(78.0, "岁".into(), Op::Eq)]);
    }

    /// `多` after a unit opening a word (`52种多发常见病`, `一批多专业的联盟`) is no `N多`.
    #[test]
    fn duo_opening_a_word_after_the_unit_is_no_approximation() {
        assert_eq!(
            mt("将52种多发常见慢性病纳入门诊保障。"),
            [(52.0, "种".into(), Op::Eq)]
        );
        assert!(mt("发展一批多专业的综合技术服务联盟。").is_empty());
    }

    /// A bracket of a ranking entered (`进入ESI前1%`, `进入全国前50名`) is a rank.
    #[test]
    fn a_ranking_bracket_entered_is_no_metric() {
        assert!(mt("3个学科进入ESI前1%。").iter().all(|m| m.1 != "%"));
        assert!(mt("首次进入全国前50名。").is_empty());
    }

    /// A negated bound names the base of its share (`不超过项目总投资30%的比例`), and what `的`
    /// leads to after a bound may be the measure itself (`不低于20%的标准`), not a class.
    #[test]
    fn a_bound_on_a_share_of_a_base_keeps_its_operator() {
        assert_eq!(
            mt("按不超过项目总投资30%的比例给予补助。"),
            [(30.0, "%".into(), Op::Le)]
        );
        assert_eq!(
            mt("按照不低于20%的标准发放护理补贴。"),
            [(20.0, "%".into(), Op::Ge)]
        );
        assert!(mt("对持股比例高于50%的公司给予支持。").is_empty());
    }

    #[test]
    fn a_change_after_a_member_takes_no_list_verb() {
        assert_eq!(
            indicators("拟安排专项债券3.9万亿元、比上年增加1000亿元。")[1],
            "拟安排专项债券"
        );
    }
}
