//! Deadlines: absolute time limits that bound the work (`到2015年底`, `2017年12月20日前`,
//! `自2016年1月1日起`, `年底前`), and times relative to the document's year that resolve to
//! one (`上半年`, `第三季度`, `年内`, `5月底`, `今年年底`, `明年3月底`).
//!
//! Read on the width-folded text. Not deadlines: recurrences (`每年第一季度`), years inside
//! names (`2017年度示范创建`, `创建成2017年“三项制度”试点`), years inside cited titles
//! (`《纲要(2015-2020年)》`) or quotes, and dates of past facts (`截至2021年底已…`); the
//! caller drops deadlines of achievements, which report past facts only.
//!
//! The words that show a date dates no work are data: `corpora/lexicon/date_words.tsv` and
//! `event_words.tsv`, read through `duban-lexicon`.

use crate::fold::Folded;
use duban_lexicon::{BodyWord, DateWord, EventWord, body_words, date_words, event_words};
use duban_model::{Bound, Deadline};
use regex::Regex;
use std::sync::LazyLock;

/// An event a year names (`2008年奥运会`, `2010年上海世博会`): the event's word right after
/// the year, or after a place name of a few characters.
static EVENT_AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    let events = event_words().pattern(&[EventWord::Event]);
    Regex::new(&format!(r"^(?P<place>\p{{Han}}{{0,12}}?){events}")).expect("event pattern compiles")
});

/// Whether a full date stands under a signature run into the text: a body's name right after
/// a sentence's end (or a closing bracket and a space: `…（牵头单位：县环保局） 平潭县环境和国土
/// 资源局 2012年6月26日`) before it, and nothing but the page's end or a space after it.
fn signed_before(before: &str, after: &str, has_day: bool) -> bool {
    // The name ends as an issuer's does (`body_words.tsv`, `issuer-ending`).
    static SIGNER: LazyLock<Regex> = LazyLock::new(|| {
        let endings = body_words().pattern(&[BodyWord::IssuerEnding]);
        Regex::new(&format!(
            r"(?:[。！!]|[）)]\s)\s*[\p{{Han}}（）()]{{2,40}}{endings}\s*$"
        ))
        .expect("signer pattern compiles")
    });
    has_day && after.chars().next().is_none_or(char::is_whitespace) && SIGNER.is_match(before)
}

/// Whether the text before a date ends in the document naming itself (`本办法`, `本通知`): the
/// date is when it takes effect.
fn in_force_of_document(before: &str) -> bool {
    let before = before.trim_end();
    duban_lexicon::genres()
        .of(duban_lexicon::Genre::SelfName)
        .iter()
        .chain(&crate::kind::NOTICE_SELF_NAMES)
        .any(|g| before.strip_suffix(g).is_some_and(|b| b.ends_with('本')))
}

/// Whether the text after a bare year names an event rather than work to be done in that
/// year: `2008年奥运会和残奥会即将在北京举办` names the games; `2016年举办全市运动会` does not
/// (a verb before the event word makes the year the time of the work).
fn names_an_event(after: &str) -> bool {
    EVENT_AFTER_YEAR.captures(after).is_some_and(|c| {
        let place = c.name("place").map_or("", |m| m.as_str());
        // The name of an event may run long (`2024年中国国际高新技术成果交易会`); a verb in it
        // makes the year the work's (`2024年完成博览会场馆建设`).
        !event_words()
            .of(EventWord::Staging)
            .iter()
            .any(|v| place.contains(v))
            && (place.chars().count() <= 4
                || !duban_segment::Segmenter::shared()
                    .tag(place)
                    .iter()
                    .any(|w| w.tag == "v"))
    })
}

/// A month as printed, in Arabic or Chinese numerals (`6`, `六`, `十二`).
const MONTH: &str = r"\d{1,2}|十[一二]?|[一二三四五六七八九]";
/// A day of the month as printed, in Arabic or Chinese numerals (`31`, `三十一`, `五`).
const DAY: &str = r"\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &r"(?x)
        (?P<pre>到|至|截至|截止到|截止|于|在|自|从|最迟于|最晚于)?
        (?:
          (?P<y1>(?:1\ ?9|2\ ?0)\ ?\d\ ?\d)\s*(?:[-~—至到]\s*(?P<y2>(?:1\ ?9|2\ ?0)\ ?\d\ ?\d))\s*年
          |
          (?P<y>(?:1\ ?9|2\ ?0)\ ?\d\ ?\d)\s*年
          (?:
             (?P<yend>底|末|年底|年末)
            |(?P<mr1>\d{1,2})\s*[-~至到]\s*(?P<mr2>\d{1,2})\s*月(?:底|末|份)?
            |(?P<m><MONTH>)\s*月(?:(?P<mend>底|末|份)|(?P<xun>上中旬|中下旬|上旬|中旬|下旬)|(?P<d><DAY>)\s*[日号])?(?:\s*(?:至|到|-|~)\s*(?:(?P<m2>\d{1,2})\s*月)?(?P<d2>\d{1,2})\s*[日号])?
            |(?P<half>上半年|下半年|年中)
            |(?P<q>第?[一二三四1-4]季度(?:末|底)?)
          )?
          (?P<du>度)?
          |
          (?P<rel>今年|本年|明年|今明两年)(?:(?P<relend>年底|底|年末|末)|(?P<relm><MONTH>)\s*月(?:(?P<relmend>底|末)|(?P<reld><DAY>)\s*[日号])?)?
          |
          (?P<noyear>年底|年末)
          |
          (?P<inyear>年内)
          |
          (?P<half0>上半年|下半年)
          |
          (?P<q0>第?[一二三四1-4]季度(?:末|底)?)
          |
          (?P<mr01>\d{1,2})\s*[-~至到]\s*(?P<mr02>\d{1,2})\s*月份?
          |
          (?P<m0><MONTH>)\s*月(?:(?P<mend0>底|末)|(?P<xun0>上中旬|中下旬|上旬|中旬|下旬)|(?P<d0><DAY>)\s*[日号]|(?P<fen0>份)?)
        )
        (?P<post>前|以前|之前|起|开始|以后|之后|内|全面|基本|完成)?"
            .replace("<MONTH>", MONTH)
            .replace("<DAY>", DAY),
    )
    .expect("deadline pattern compiles")
});

/// Deadlines of a text; `doc_year` completes `年底前` and `12月10日前`.
///
/// ```
/// use duban_extract::deadline::deadlines;
/// use duban_model::Bound;
/// let d = deadlines("到2015年底，基本建成法治政府", None);
/// assert_eq!((d[0].year, d[0].month, d[0].bound), (2015, Some(12), Bound::By));
/// ```
pub fn deadlines(text: &str, doc_year: Option<i32>) -> Vec<Deadline> {
    deadlines_in(&Folded::new(text), doc_year)
}

/// [`deadlines`] of a text already folded (an item's text is folded once for every rule).
pub fn deadlines_in(folded: &Folded<'_>, doc_year: Option<i32>) -> Vec<Deadline> {
    let f = &folded.folded;
    let excluded = excluded_ranges(f);
    let mut out: Vec<Deadline> = Vec::new();
    // The end of the last date read and the deadlines it gave: a date joined to it by a dash
    // or `至` (`2023年11月—2024年3月`) closes the span it opens.
    let mut last: Option<(usize, std::ops::Range<usize>)> = None;
    // The end of the last date that repeats (`每年6月底前`), which a date listed after it
    // shares.
    let mut repeating_end: Option<usize> = None;
    for caps in DATE.captures_iter(f) {
        let Some(whole) = caps.get(0) else { continue };
        if excluded
            .iter()
            .any(|&(s, e)| whole.start() >= s && whole.start() < e)
        {
            continue;
        }
        let pre = caps.name("pre").map_or("", |m| m.as_str());
        // Joined to the date before it by a dash or `至` (`2023年11月—2024年3月`; one dash or
        // two, `1997年10月――1998年2月`): it closes the span that one opens.
        let joined_to = last.take().filter(|(end, _)| {
            let between = f[*end..whole.start()].trim();
            matches!(between, "-" | "--" | "~") || between.is_empty() && matches!(pre, "至" | "到")
        });
        let listed_after_repeating = repeating_end
            .take()
            .is_some_and(|end| matches!(f[end..whole.start()].trim(), "、" | "和" | "及" | "或"));
        let date = DateMatch {
            caps: &caps,
            pre,
            post: caps.name("post").map_or("", |m| m.as_str()),
            before: &f[..whole.start()],
            after: &f[whole.end()..],
            closes_span: joined_to.is_some(),
            span_year: joined_to
                .as_ref()
                .and_then(|(_, opened)| out[opened.clone()].last().map(|d| d.year)),
            listed_after_repeating,
        };
        if date.repeating() {
            repeating_end = Some(whole.end());
        }
        if date.dates_no_work(doc_year) {
            continue;
        }
        let text = folded.original_of(whole.start(), whole.end());
        let spans = joined_to.is_some_and(|(_, before)| {
            for d in &mut out[before] {
                if d.bound == Bound::In {
                    d.bound = Bound::From;
                }
            }
            true
        });
        let first = out.len();
        for (year, month, day, mut bound) in date.points(doc_year) {
            if spans && bound == Bound::In {
                bound = Bound::By;
            }
            add(&mut out, text, year, month, day, bound);
        }
        last = Some((whole.end(), first..out.len()));
    }
    out
}

/// A point in time a deadline names: year, month, day, and how it bounds the work.
type Point = (i32, Option<i32>, Option<i32>, Bound);

/// One match of [`DATE`] in a folded text, with the words around it.
struct DateMatch<'c, 't> {
    caps: &'c regex::Captures<'t>,
    pre: &'t str,
    post: &'t str,
    before: &'t str,
    after: &'t str,
    /// Whether a dash or `至` joins it to the date before it (`2016年9月-10月`).
    closes_span: bool,
    /// The year of the date a span opens with, which a month closing it shares
    /// (`2024年1月至12月`).
    span_year: Option<i32>,
    /// Whether it is listed after a time that repeats (`每年6月底前、12月底前`).
    listed_after_repeating: bool,
}

impl<'t> DateMatch<'_, 't> {
    fn get(&self, name: &str) -> Option<&'t str> {
        self.caps.name(name).map(|m| m.as_str())
    }

    fn num(&self, name: &str) -> Option<i32> {
        // Digits may be spaced out by PDF extraction (`2 0 0 5年`); a month or a day may be
        // printed in Chinese numerals (`六月底`, `十二月三十一日`).
        self.get(name).and_then(|s| {
            s.replace(' ', "")
                .parse::<i32>()
                .ok()
                .or_else(|| crate::numeral::chinese_value(s).and_then(|v| i32::try_from(v).ok()))
        })
    }

    /// A time of year after `每年`/`每` repeats: it is a recurrence's time.
    fn repeating(&self) -> bool {
        let b = self.before;
        self.listed_after_repeating
            || b.ends_with('每')
            || b.ends_with("每年")
            || b.ends_with("每个")
    }

    /// Whether the date names something or dates the document rather than bounding work.
    fn dates_no_work(&self, doc_year: Option<i32>) -> bool {
        let (pre, post, before, after) = (self.pre, self.post, self.before, self.after);
        let has = |n: &str| self.caps.name(n).is_some();
        // Years that name something: `2017年度示范创建`, `2017年“三项制度”试点`, `2016年版`;
        // not the year itself (`2024年度内完成`).
        if has("du") && !has("m") && !has("yend") && post != "内" {
            return true;
        }
        // A year (or range) that opens a name or a title: `2011~2015年规划`, `2017年市级示范单位`.
        if (has("y") || has("y1"))
            && !has("m")
            && !has("yend")
            && !has("q")
            && !has("half")
            && post.is_empty()
            && !matches!(pre, "到" | "至")
            && (date_words().of(DateWord::Name).iter().any(|w| {
                // `2017年全市法治政府建设工作要点` names a plan; `2007年全县新建沼气池3000个`
                // is the year's work.
                after.starts_with(w) && !(w.starts_with('全') && work_follows(&after[w.len()..]))
            }) || names_an_event(after))
        {
            return true;
        }
        // `关于2025年政府工作的建议`: the `于` is `关于`'s, and the date opens the topic a title or
        // heading is about, no time of work.
        if pre == "于" && before.ends_with('关') {
            return true;
        }
        // The date a document stops being in force (`有效期至2026年12月31日`) dates the document.
        // (`至`, `到`, `截至` are the date's own `pre`, off `before`.)
        if ["有效期", "有效期为"]
            .iter()
            .any(|w| before.trim_end().ends_with(w))
        {
            return true;
        }
        // A date things fall due names a term of theirs, not of the work (`6月前到期的减税降费
        // 政策`, `年底到期的贷款`).
        if after.trim_start().starts_with("到期") {
            return true;
        }
        // A date inside the name of a plan or goal being drawn up (`制定2030年前碳排放达峰行动方案`,
        // `明确了2025年经济社会发展目标`) dates the plan, not the work.
        if names_a_plan(before, after) {
            return true;
        }
        // A span of years opening a plan's name (`1956—1967年科学发展远景规划`) is the plan's.
        if has("y1") && post.is_empty() && ends_in_a_plan(after, 12) {
            return true;
        }
        // A quarter printed without `第` or a year (`三季度`) is a time of the work only where
        // a bound or an end says so (`三季度末前`, `一季度完成`, `于二季度`): `一季度，全区…`
        // reports a figure, `前三季度` is nine months gone by.
        if let Some(q) = self.get("q0")
            && !q.starts_with('第')
            && (before.ends_with('前')
                || (pre.is_empty()
                    && post.is_empty()
                    && !q.ends_with(['末', '底'])
                    && !work_follows(after)))
        {
            return true;
        }
        // The document's own dates, whatever verb brings it into force (`本办法自2024年4月1日
        // 起实施`, `本通知自…起执行`), and the date under a signature that a page flattened onto
        // one line put after the last item (`…强化刚性兑现。 平潭综合实验区投资促进局 2024年12月18日`).
        if in_force_of_document(before) || signed_before(before, after, has("d")) {
            return true;
        }
        // Past facts: `截至2021年底已…`, `2020年以来`; a year after the document's is a
        // target however it is reckoned (`截至2025年底，累计建成充电桩10万个` in a 2022 plan).
        let ahead = || {
            self.num("y")
                .zip(doc_year)
                .is_some_and(|(year, own)| year > own)
        };
        if (pre == "截至" || pre == "截止") && !ahead() && {
            let near: String = after
                .trim_start_matches([',', '，'])
                .chars()
                .take(6)
                .collect();
            near.contains('已') || near.contains("累计") || near.contains('共')
        } {
            return true;
        }
        if post == "以后" || post == "之后" {
            return true;
        }
        // Dates of the document itself: when it takes effect or was printed
        // (`本办法自2022年1月1日起施行`, `2021年12月6日印发`), and a year that is the topic of
        // a sentence (`2022年是党的二十大召开之年`).
        // A date work is done before is no date of the document (`年底前通过水利部验收`).
        (!matches!(post, "前" | "以前" | "之前") && DOCUMENT_DATE.is_match(after.trim_start()))
            || (has("y") && after.starts_with('是'))
    }

    /// The points the date gives: one, or the start and end of a span.
    fn points(&self, doc_year: Option<i32>) -> Vec<Point> {
        if let (Some(y1), Some(y2)) = (self.num("y1"), self.num("y2")) {
            return if y2 > y1 && y2 - y1 < 30 {
                vec![(y1, None, None, Bound::From), (y2, None, None, Bound::By)]
            } else {
                Vec::new()
            };
        }
        // A span of months of one year: `1997年4―6月` gives its first month and its last.
        if let (Some(y), Some(m1), Some(m2)) = (self.num("y"), self.num("mr1"), self.num("mr2")) {
            return if (1..m2).contains(&m1) && m2 <= 12 {
                vec![
                    (y, Some(m1), None, Bound::From),
                    (y, Some(m2), None, Bound::By),
                ]
            } else {
                Vec::new()
            };
        }
        // Months of the document's year the work fills (`7-9月集中攻坚`); with a comma after,
        // a span counted (`1-6月，全区…`), no time of work.
        if let (Some(m1), Some(m2)) = (self.num("mr01"), self.num("mr02")) {
            return match doc_year {
                Some(y)
                    if (1..m2).contains(&m1)
                        && m2 <= 12
                        && !self.repeating()
                        && work_follows(self.after) =>
                {
                    vec![
                        (y, Some(m1), None, Bound::From),
                        (y, Some(m2), None, Bound::By),
                    ]
                }
                _ => Vec::new(),
            };
        }
        if let Some(half) = self.get("half").or(self.get("half0")) {
            return self.part_of_year(doc_year, |y| {
                if half == "下半年" {
                    vec![
                        (y, Some(7), None, Bound::From),
                        (y, Some(12), None, Bound::By),
                    ]
                } else {
                    vec![(y, Some(6), None, Bound::By)]
                }
            });
        }
        if let Some(q) = self.get("q").or(self.get("q0")) {
            let n = q
                .chars()
                .find_map(|c| c.to_digit(10).or_else(|| crate::numeral::digit(c)))
                .unwrap_or(4) as i32;
            // A quarter's end (`三季度末`) or a quarter the work is done before (`三季度前`)
            // bounds it by the quarter's last month only.
            let end = q.ends_with(['末', '底']) || matches!(self.post, "前" | "以前" | "之前");
            return self.part_of_year(doc_year, |y| {
                if end {
                    vec![(y, Some(n * 3), None, Bound::By)]
                } else {
                    vec![
                        (y, Some(n * 3 - 2), None, Bound::From),
                        (y, Some(n * 3), None, Bound::By),
                    ]
                }
            });
        }
        if let Some(rel) = self.get("rel") {
            return doc_year.map_or_else(Vec::new, |y| self.relative(rel, y));
        }
        if self.get("inyear").is_some() {
            // `3年内` is a relative limit (a metric), `年内` alone the document's year.
            let Some(y) = doc_year else { return Vec::new() };
            if self.before.ends_with(|c: char| {
                c.is_ascii_digit() || crate::numeral::digit(c).is_some() || c == '多' || c == '两'
            }) {
                return Vec::new();
            }
            return vec![(y, None, None, Bound::In)];
        }
        let Some((year, month, day, mut bound)) = self.calendar(doc_year) else {
            return Vec::new();
        };
        if !(1..=12).contains(&month.unwrap_or(1)) || !(1..=31).contains(&day.unwrap_or(1)) {
            return Vec::new();
        }
        if matches!(self.post, "前" | "以前" | "之前")
            || matches!(
                self.pre,
                "到" | "至" | "截至" | "截止" | "截止到" | "最迟于" | "最晚于"
            )
        {
            bound = Bound::By;
        }
        if matches!(self.pre, "自" | "从") || matches!(self.post, "起" | "开始") {
            bound = Bound::From;
        }
        if self.get("d2").is_some() {
            // A range of days: `2017年12月1日至10日` gives its start and its end.
            let m2 = self.num("m2").or(month);
            return vec![
                (year, month, day, Bound::From),
                (year, m2, self.num("d2"), Bound::By),
            ];
        }
        vec![(year, month, day, bound)]
    }

    /// A half or a quarter of the date's year (or the document's), unless it repeats.
    fn part_of_year(
        &self,
        doc_year: Option<i32>,
        points: impl Fn(i32) -> Vec<Point>,
    ) -> Vec<Point> {
        // `明年上半年`: the year after the document's.
        let next = self.before.ends_with("明年");
        match self
            .num("y")
            .or(doc_year.map(|y| if next { y + 1 } else { y }))
        {
            Some(y) if !self.repeating() => points(y),
            _ => Vec::new(),
        }
    }

    /// `今年…`, `明年…`, `今明两年`: years counted from the document's year `y`.
    fn relative(&self, rel: &str, y: i32) -> Vec<Point> {
        let y = if rel == "明年" { y + 1 } else { y };
        let bounded = matches!(self.pre, "到" | "至" | "于" | "在")
            || matches!(self.post, "前" | "以前" | "之前" | "内");
        // `从今年起`, `自明年开始`: the work starts then.
        let starts = matches!(self.pre, "从" | "自") && matches!(self.post, "起" | "开始");
        if rel == "今明两年" {
            vec![(y, None, None, Bound::From), (y + 1, None, None, Bound::By)]
        } else if self.get("relend").is_some() {
            vec![(y, Some(12), None, Bound::By)]
        } else if starts && self.get("relm").is_none() {
            vec![(y, None, None, Bound::From)]
        } else if let Some(m) = self.num("relm") {
            let endish = self.get("relmend").is_some() || bounded;
            // `从今年1月1日起`: the work starts on that day.
            let bound = if starts {
                Bound::From
            } else if endish {
                Bound::By
            } else {
                Bound::In
            };
            vec![(y, Some(m), self.num("reld"), bound)]
        } else if bounded {
            // `今年` alone is the report's year, named everywhere; only a bound makes it a limit.
            let bound = if self.post == "内" {
                Bound::In
            } else {
                Bound::By
            };
            vec![(y, None, None, bound)]
        } else {
            Vec::new()
        }
    }

    /// A calendar date: a year with its month or end, or a month (or year's end) of the
    /// document's year.
    fn calendar(&self, doc_year: Option<i32>) -> Option<Point> {
        if let Some(y) = self.num("y") {
            return Some(if let Some(m) = self.num("m") {
                // `3月中旬前` bounds the work by that month (with the bound word, below).
                let endish = self.get("mend").is_some_and(|e| e != "份");
                (
                    y,
                    Some(m),
                    self.num("d"),
                    if endish { Bound::By } else { Bound::In },
                )
            } else if self.get("yend").is_some() {
                (y, Some(12), None, Bound::By)
            } else {
                (y, None, None, Bound::In)
            });
        }
        if self.get("noyear").is_some() {
            let y = doc_year?;
            // `每年年底` is a recurrence's time, not a deadline.
            if self.repeating() || self.before.ends_with('年') {
                return None;
            }
            return Some((y, Some(12), None, Bound::By));
        }
        let m = self.num("m0")?;
        let y = self.span_year.or(doc_year)?;
        if self.repeating() {
            return None;
        }
        // A month's end bounds work by itself (`5月底完成`); a month-day without year only
        // with a bound word, its own or the one closing its list (`6月30日、9月30日前`).
        let clause: String = self
            .after
            .chars()
            .take_while(|c| !"，。；,;：:".contains(*c))
            .take(20)
            .collect();
        let month_end = self.get("mend0").is_some();
        // A month alone bounds work only where the work done then follows it (`7月试运营`,
        // `12月取得明显成效`): elsewhere it is a month of the past (`3月，我们…`) or of a span
        // (`1至6月`).
        if !month_end && self.get("d0").is_none() {
            // A month alone closing a span (`2016年9月-10月`, `2024年1月至12月`) is its end;
            // one opening a span (`5月至7月集中开展…`) its start.
            if self.closes_span {
                return Some((y, Some(m), None, Bound::By));
            }
            if opens_a_span(self.after) {
                return Some((y, Some(m), None, Bound::From));
            }
            let bound = match self.post {
                "前" | "以前" | "之前" => Bound::By,
                "起" | "开始" => Bound::From,
                // A part of a month (`11月中旬`, `9月下旬`), or a month printed with `份` and the
                // work right after it (`7月份组织…考试`), is a time planned for work.
                "" if self.get("xun0").is_some() || work_follows(self.after) => Bound::In,
                post => {
                    let rest = format!("{post}{}", self.after);
                    let rest = rest.trim_start_matches("全面").trim_start_matches("基本");
                    if !milestone_after(rest) {
                        return None;
                    }
                    Bound::In
                }
            };
            return Some((y, Some(m), None, bound));
        }
        if !(month_end
            || self.closes_span
            || opens_a_span(self.after)
            || matches!(self.post, "前" | "以前" | "之前" | "起" | "开始")
            || matches!(self.pre, "到" | "至" | "于" | "自" | "从")
            || clause.starts_with('、') && clause.contains('前'))
        {
            return None;
        }
        let bound = if month_end { Bound::By } else { Bound::In };
        Some((y, Some(m), self.num("d0"), bound))
    }
}

/// Whether a month printed alone is followed by the work done in it (`date_words.tsv`,
/// `milestone`).
fn milestone_after(after: &str) -> bool {
    let after = after.trim_start();
    date_words()
        .of(DateWord::Milestone)
        .iter()
        .any(|w| after.starts_with(w))
}

/// Whether the work done at a time follows it directly: its first word is a verb
/// (`三季度开展检查`, `7月组织考试`) or a milestone jieba tags as a noun (`5月份启动试点`), not a
/// comma or a figure's subject (`一季度全区…`).
fn work_follows(after: &str) -> bool {
    let head: String = after.chars().take(6).collect();
    milestone_after(after)
        || duban_segment::Segmenter::shared()
            .tag(&head)
            .first()
            .is_some_and(|w| w.tag.starts_with('v') && w.tag != "vn")
}

/// Whether the words after a date join it to a second one (`7月1日至8月31日`,
/// `12月1日至2018年春节前`): it is the start of a span.
fn opens_a_span(after: &str) -> bool {
    let rest = after.trim_start();
    // (Folding made every dash `-`.)
    ["至", "到", "-", "~"].iter().any(|j| {
        rest.strip_prefix(j).is_some_and(|r| {
            r.trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        })
    })
}

/// What follows a date of the document itself: it takes effect, was printed or was adopted.
static DOCUMENT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    let words = date_words();
    let in_force = words.pattern(&[DateWord::InForce]);
    let issued = words.pattern(&[DateWord::Issued]);
    Regex::new(&format!("^(?:起?{in_force}|{issued})")).expect("document date pattern compiles")
});

fn add(
    out: &mut Vec<Deadline>,
    text: &str,
    year: i32,
    month: Option<i32>,
    day: Option<i32>,
    bound: Bound,
) {
    let d = Deadline {
        text: text.to_string(),
        year,
        month: month.map(|m| m as u8),
        day: day.map(|d| d as u8),
        bound,
    };
    if !out
        .iter()
        .any(|x| x.year == d.year && x.month == d.month && x.day == d.day && x.bound == d.bound)
    {
        out.push(d);
    }
}

/// Whether a date stands between a verb of drafting and the plan or goal it names, in one clause.
fn names_a_plan(before: &str, after: &str) -> bool {
    let head = crate::fold::last_chars(before, 4);
    date_words()
        .of(DateWord::Draft)
        .iter()
        .any(|w| head.contains(w))
        && ends_in_a_plan(after, 24)
}

/// Whether the words after a date, up to the clause's end and `reach` characters at most, end
/// in a plan's word (`科学发展远景规划`).
fn ends_in_a_plan(after: &str, reach: usize) -> bool {
    let tail: String = after
        .chars()
        .take_while(|c| !"，。；、,;：:（(".contains(*c))
        .take(reach + 1)
        .collect();
    tail.chars().count() <= reach
        && date_words()
            .of(DateWord::Plan)
            .iter()
            .any(|p| tail.ends_with(p))
}

/// Byte ranges of the folded text inside `《》`, `“”` and the parentheses right after a title.
pub fn excluded_ranges(f: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Vec<(char, usize)> = Vec::new();
    for (i, c) in f.char_indices() {
        match c {
            '《' | '“' => open.push((c, i)),
            '》' | '”' => {
                let want = if c == '》' { '《' } else { '“' };
                if let Some(pos) = open.iter().rposition(|(o, _)| *o == want) {
                    let (_, s) = open[pos];
                    open.truncate(pos);
                    out.push((s, i + c.len_utf8()));
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(text: &str, year: Option<i32>) -> Vec<(i32, Option<u8>, Option<u8>, Bound)> {
        deadlines(text, year)
            .into_iter()
            .map(|d| (d.year, d.month, d.day, d.bound))
            .collect()
    }

    /// `年度内` is the year itself, not a name the year opens.
    #[test]
    fn within_a_years_term_is_the_year() {
        assert_eq!(
            dl("在2024年度内完成改造。", Some(2022)),
            [(2024, None, None, Bound::In)]
        );
        assert_eq!(dl("开展2024年度示范创建活动。", Some(2022)), []);
    }

    #[test]
    fn parts_of_a_month_and_months_printed_with_fen_are_times_of_work() {
        assert_eq!(
            dl("11月中旬前完成考核自查。", Some(2019)),
            [(2019, Some(11), None, Bound::By)]
        );
        assert_eq!(
            dl("10月中下旬组织初验。", Some(2013)),
            [(2013, Some(10), None, Bound::In)]
        );
        assert_eq!(
            dl("2024年3月中旬前完成招标。", Some(2023)),
            [(2024, Some(3), None, Bound::By)]
        );
        assert_eq!(
            dl("7月份组织全市行政执法人员公共法律知识考试。", Some(2019)),
            [(2019, Some(7), None, Bound::In)]
        );
        // A month of the past, with a comma after it, dates no work.
        assert!(dl("7月份，全市共组织考试3场。", Some(2019)).is_empty());
    }

    /// A month printed alone, the work right after it, is the time planned for that work, as
    /// with `份`; a milestone jieba tags as a noun (`启动`) is work too.
    #[test]
    fn a_bare_month_before_its_work_is_a_time_of_work() {
        assert_eq!(
            dl("3月开展技能培训。", Some(2023)),
            [(2023, Some(3), None, Bound::In)]
        );
        assert_eq!(
            dl("5月份启动试点。", Some(2023)),
            [(2023, Some(5), None, Bound::In)]
        );
        assert_eq!(
            dl("三季度启动建设。", Some(2023)),
            [
                (2023, Some(7), None, Bound::From),
                (2023, Some(9), None, Bound::By)
            ]
        );
        assert!(dl("3月，全镇共开展培训5场。", Some(2023)).is_empty());
    }

    #[test]
    fn a_span_of_months_without_a_year_is_of_the_documents_year() {
        assert_eq!(
            dl("5月至7月集中开展“回头看”。", Some(2019)),
            [
                (2019, Some(5), None, Bound::From),
                (2019, Some(7), None, Bound::By)
            ]
        );
        assert_eq!(
            dl("7-9月集中攻坚。", Some(2019)),
            [
                (2019, Some(7), None, Bound::From),
                (2019, Some(9), None, Bound::By)
            ]
        );
        // A span counted in a report is no time of work.
        assert!(dl("1-6月，全区实现地区生产总值120亿元。", Some(2019)).is_empty());
        // The month closing a span takes the span's year, not the document's.
        assert_eq!(
            dl("集中整治（2024年1月至12月）。", Some(2023)),
            [
                (2024, Some(1), None, Bound::From),
                (2024, Some(12), None, Bound::By)
            ]
        );
    }

    #[test]
    fn a_quarter_without_di_bounds_the_work_a_verb_after_it_names() {
        assert_eq!(
            dl("三季度开展检查。", Some(2020)),
            [
                (2020, Some(7), None, Bound::From),
                (2020, Some(9), None, Bound::By)
            ]
        );
        assert!(dl("一季度全区经济增长5%。", Some(2020)).is_empty());
        assert!(dl("一季度，全区经济增长5%。", Some(2020)).is_empty());
    }

    #[test]
    fn times_listed_after_a_repeating_one_repeat_too() {
        assert!(dl("每年6月底前、12月底前分别报送工作情况。", Some(2013)).is_empty());
    }

    #[test]
    fn work_passed_before_a_date_is_no_adoption_of_the_document() {
        assert_eq!(
            dl("年底前通过水利部验收。", Some(2019)),
            [(2019, Some(12), None, Bound::By)]
        );
        assert!(dl("2019年3月1日通过", Some(2019)).is_empty());
    }

    #[test]
    fn a_span_of_days_printed_with_a_dash_and_both_months_gives_its_end() {
        assert_eq!(
            dl("（3月1日—3月15日）集中排查。", Some(2023)),
            [
                (2023, Some(3), Some(1), Bound::From),
                (2023, Some(3), Some(15), Bound::By)
            ]
        );
    }

    #[test]
    fn a_part_of_next_year_is_of_the_year_after_the_documents() {
        assert_eq!(
            dl("明年上半年完成验收。", Some(2009)),
            [(2010, Some(6), None, Bound::By)]
        );
    }

    #[test]
    fn a_year_before_a_whole_region_and_its_work_bounds_the_work() {
        assert_eq!(
            dl("2007年全县新建沼气池3000个。", Some(2007)),
            [(2007, None, None, Bound::In)]
        );
        assert!(dl("印发2017年全市法治政府建设工作要点。", Some(2017)).is_empty());
    }

    #[test]
    fn a_year_that_names_an_event_is_no_deadline() {
        assert!(dl("2008年奥运会和残奥会即将在北京举办。", Some(2008)).is_empty());
        assert!(dl("全力做好2010年上海世博会服务保障工作。", Some(2010)).is_empty());
        // A report's part on the year's plan names it (`二、2019年经济社会发展总体要求…`).
        assert!(dl("2019年经济社会发展总体要求和政策取向", Some(2019)).is_empty());
        assert!(
            dl(
                "保障2017年厦门会议和党的十九大期间安全生产运行。",
                Some(2017)
            )
            .is_empty()
        );
        assert_eq!(
            dl("2024年召开全市工作会议。", Some(2024)),
            [(2024, None, None, Bound::In)]
        );
        assert_eq!(
            dl("2016年举办全市运动会。", Some(2016)),
            [(2016, None, None, Bound::In)]
        );
    }

    #[test]
    fn year_end_before_is_bound_by_december() {
        assert_eq!(
            dl("2013年底前全面完成清理", None),
            [(2013, Some(12), None, Bound::By)]
        );
    }

    #[test]
    fn a_plain_year_is_in() {
        assert_eq!(
            dl("2016年，全县行政复议案件纠错率明显提高", None),
            [(2016, None, None, Bound::In)]
        );
    }

    #[test]
    fn a_full_date_before_is_by_that_day() {
        assert_eq!(
            dl("于2018年6月30日前报送县政府", None),
            [(2018, Some(6), Some(30), Bound::By)]
        );
    }

    #[test]
    fn from_a_date_is_bound_from() {
        assert_eq!(
            dl("自2019年1月1日起执行新的收费标准", None),
            [(2019, Some(1), Some(1), Bound::From)]
        );
    }

    #[test]
    fn a_day_range_gives_start_and_end() {
        assert_eq!(
            dl("2019年11月1日至15日开展自查", None),
            [
                (2019, Some(11), Some(1), Bound::From),
                (2019, Some(11), Some(15), Bound::By)
            ]
        );
    }

    #[test]
    fn a_year_range_gives_start_and_end() {
        assert_eq!(
            dl("2016~2018年分步实施", None),
            [
                (2016, None, None, Bound::From),
                (2018, None, None, Bound::By)
            ]
        );
    }

    #[test]
    fn year_end_without_a_year_takes_the_document_year() {
        assert_eq!(
            dl("年底前完成申报工作", Some(2019)),
            [(2019, Some(12), None, Bound::By)]
        );
        assert_eq!(dl("年底前完成申报工作", None), []);
    }

    #[test]
    fn a_month_day_before_takes_the_document_year() {
        assert_eq!(
            dl("并于11月30日前报送总结", Some(2018)),
            [(2018, Some(11), Some(30), Bound::By)]
        );
    }

    #[test]
    fn years_inside_names_and_titles_are_not_deadlines() {
        assert_eq!(dl("积极开展2018年度示范创建活动", None), []);
        assert_eq!(dl("贯彻《法治政府建设实施纲要(2015-2020年)》", None), []);
        assert_eq!(dl("申报“2019年十大法治事件”", None), []);
        assert_eq!(dl("争创2018年“七五”普法先进单位", None), []);
    }

    #[test]
    fn a_year_range_that_opens_a_plan_title_is_no_deadline() {
        assert_eq!(
            dl("根据全市法治政府建设2016~2020年规划，制定年度计划", None),
            []
        );
    }

    #[test]
    fn a_bare_year_end_takes_the_document_year() {
        assert_eq!(
            dl("年底区政府创建成市级示范单位", Some(2018)),
            [(2018, Some(12), None, Bound::By)]
        );
        assert_eq!(dl("每年年底报送总结", Some(2018)), []);
    }

    #[test]
    fn a_year_spaced_out_by_pdf_extraction_is_read() {
        assert_eq!(
            dl("到2 0 0 5年底基本完成", None),
            [(2005, Some(12), None, Bound::By)]
        );
    }

    /// A month alone is a time of the work where the work done then follows it, in the
    /// document's year; a month alone elsewhere dates no work.
    #[test]
    fn a_month_alone_before_the_work_done_then_is_in_the_documents_year() {
        assert_eq!(
            dl("确保国际会展中心7月试运营，12月取得明显成效。", Some(2019)),
            [
                (2019, Some(7), None, Bound::In),
                (2019, Some(12), None, Bound::In)
            ]
        );
        assert_eq!(
            dl("6月份建成投用。", Some(2022)),
            [(2022, Some(6), None, Bound::In)]
        );
        assert_eq!(
            dl("6月完成招标，9月前基本建成。", Some(2019)),
            [
                (2019, Some(6), None, Bound::In),
                (2019, Some(9), None, Bound::By)
            ]
        );
        assert_eq!(dl("3月，全市召开动员大会。", Some(2019)), []);
        assert_eq!(dl("前期出台6月前到期的减税降费政策。", Some(2020)), []);
        assert_eq!(
            dl(
                "本办法自印发之日起施行，有效期至2026年12月31日。",
                Some(2025)
            ),
            []
        );
        assert_eq!(dl("1至6月，全市地区生产总值增长6%。", Some(2019)), []);
    }

    /// A span of months gives its first month `from` and its last `by`, however its dash is
    /// printed (`1997年4―6月`, `1997年10月――1998年2月`).
    #[test]
    fn a_span_of_months_gives_its_start_and_end() {
        assert_eq!(
            dl("自查阶段（1997年4―6月）。", Some(1997)),
            [
                (1997, Some(4), None, Bound::From),
                (1997, Some(6), None, Bound::By)
            ]
        );
        assert_eq!(
            dl("检查阶段（1997年10月――1998年2月）。", Some(1997)),
            [
                (1997, Some(10), None, Bound::From),
                (1998, Some(2), None, Bound::By)
            ]
        );
        assert_eq!(
            dl("全面清理关闭（2016年9月-10月）。", Some(2016)),
            [
                (2016, Some(9), None, Bound::From),
                (2016, Some(10), None, Bound::By)
            ]
        );
    }

    /// A span of days without a year (`第二阶段（7月1日至8月31日）`) is in the document's year,
    /// its start bound `from`.
    #[test]
    fn a_span_of_days_without_a_year_gives_its_start_and_end() {
        let got: Vec<_> = deadlines("第二阶段（7月1日至8月31日）：全面排查。", Some(2017))
            .iter()
            .map(|d| (d.year, d.month, d.day, d.bound))
            .collect();
        assert_eq!(
            got,
            [
                (2017, Some(7), Some(1), Bound::From),
                (2017, Some(8), Some(31), Bound::By)
            ]
        );
        assert_eq!(deadlines("7月1日召开会议。", Some(2017)), []);
    }

    /// Two dates joined by a dash or `至` are the start and the end of a span.
    #[test]
    fn two_dates_joined_by_a_dash_open_and_close_a_span() {
        assert_eq!(
            dl("2023年11月—2024年3月开展集中整治", None),
            [
                (2023, Some(11), None, Bound::From),
                (2024, Some(3), None, Bound::By)
            ]
        );
        assert_eq!(
            dl("2024年3月至2024年6月开展专项行动", None),
            [
                (2024, Some(3), None, Bound::From),
                (2024, Some(6), None, Bound::By)
            ]
        );
        // Dates in a list are no span.
        assert_eq!(
            dl("2024年3月完成排查，2024年6月完成整改", None),
            [
                (2024, Some(3), None, Bound::In),
                (2024, Some(6), None, Bound::In)
            ]
        );
    }

    /// Months and days printed in Chinese numerals are read as Arabic ones.
    #[test]
    fn months_and_days_in_chinese_numerals_are_read() {
        assert_eq!(
            dl("各县于2023年六月底前完成", None),
            [(2023, Some(6), None, Bound::By)]
        );
        assert_eq!(
            dl("于今年十二月三十一日前完成", Some(2024)),
            [(2024, Some(12), Some(31), Bound::By)]
        );
        assert_eq!(
            dl("各县于六月底前完成排查", Some(2024)),
            [(2024, Some(6), None, Bound::By)]
        );
        assert_eq!(
            dl("自十月一日起开展专项整治", Some(2024)),
            [(2024, Some(10), Some(1), Bound::From)]
        );
        // A period-one-act form is no date.
        assert!(dl("一月一调度", Some(2024)).is_empty());
    }

    #[test]
    fn a_full_width_date_is_read_and_kept_as_printed() {
        let d = deadlines("到２０１５年底前完成", None);
        assert_eq!(
            (d[0].year, d[0].month, d[0].text.as_str()),
            (2015, Some(12), "到２０１５年底前")
        );
    }

    #[test]
    fn a_date_in_the_name_of_a_plan_being_drawn_up_is_no_deadline() {
        assert_eq!(dl("制定2030年前碳排放达峰行动方案，优化产业结构", None), []);
        assert_eq!(dl("明确了2025年经济社会发展目标", None), []);
        // A span of years opening a plan's name is the plan's.
        assert_eq!(
            dl("根据1956—1967年科学发展远景规划，加强研究工作", None),
            []
        );
        assert_eq!(
            dl("2021—2025年完成城市更新", None),
            [
                (2021, None, None, Bound::From),
                (2025, None, None, Bound::By)
            ]
        );
        // A study or goal being carried out is named by its year as a plan is.
        assert_eq!(dl("开展2030年城市发展策略研究", None), []);
        assert_eq!(dl("落实2030年应对气候变化国家自主贡献目标", None), []);
        assert_eq!(
            dl("2025年前完成碳排放达峰行动", None),
            [(2025, None, None, Bound::By)]
        );
    }

    #[test]
    fn a_past_fact_counted_to_a_date_is_not_a_deadline() {
        assert_eq!(dl("截至2020年底，已累计清理文件300件", None), []);
        // A year after the document's is a target, however it is reckoned.
        assert_eq!(
            dl("截至2025年底，累计建成充电桩10万个", Some(2022)),
            [(2025, Some(12), None, Bound::By)]
        );
        assert_eq!(dl("截至2021年底，累计建成充电桩3万个", Some(2022)), []);
    }

    #[test]
    fn each_distinct_deadline_is_listed_once() {
        assert_eq!(dl("到2020年底完成，2020年底前验收", None).len(), 1);
    }

    /// Parts of a year without a year take the document's: `上半年` ends in June, `下半年` runs
    /// from July to December, a quarter from its first month to its last, `年内` is the year.
    #[test]
    fn parts_of_a_year_take_the_documents_year() {
        assert_eq!(
            dl("推动供水工程上半年实现通水。", Some(2023)),
            [(2023, Some(6), None, Bound::By)]
        );
        assert_eq!(
            dl("下半年推动机制砂项目落地。", Some(2019)),
            [
                (2019, Some(7), None, Bound::From),
                (2019, Some(12), None, Bound::By)
            ]
        );
        assert_eq!(
            dl("确保在2019年第四季度全线投产。", None),
            [
                (2019, Some(10), None, Bound::From),
                (2019, Some(12), None, Bound::By)
            ]
        );
        assert_eq!(
            dl("综合体年内开工建设。", Some(2023)),
            [(2023, None, None, Bound::In)]
        );
    }

    /// The date under a signature run into the last item of a flattened page is no deadline.
    #[test]
    fn a_signature_date_run_into_the_text_is_no_deadline() {
        assert!(
            dl(
                "强化刚性兑现。 平潭综合实验区投资促进局 2024年12月18日",
                Some(2024)
            )
            .is_empty()
        );
        assert!(
            dl(
                "严肃查处突出问题（牵头单位：县环保局相关业务科室） 平潭县环境和国土资源局 2012年6月26日",
                Some(2012)
            )
            .is_empty()
        );
        assert_eq!(dl("2024年12月18日前完成验收。", Some(2024)).len(), 1);
    }

    /// The date a document names itself in force on is no deadline, whatever the verb
    /// (`本办法自2024年4月1日起实施`).
    #[test]
    fn the_date_a_document_takes_effect_is_no_deadline() {
        assert!(dl("本办法自2024年4月1日起实施，有效期5年。", Some(2024)).is_empty());
        assert!(dl("本通知自2021年1月1日起执行。", Some(2021)).is_empty());
        assert_eq!(dl("自2024年4月1日起实施新标准。", Some(2024)).len(), 1);
    }

    /// A quarter's end, or a quarter before which work is done, bounds it by its last month; a quarter printed without `第` is a
    /// time of work only with a bound or an end (`三季度末前`, `一季度完成`), not where it dates
    /// a figure (`一季度，全区…`) or counts months gone by (`前三季度`).
    #[test]
    fn a_quarter_without_its_ordinal_is_read_where_it_bounds_work() {
        assert_eq!(
            dl("三季度末前完成全部整改任务。", Some(2024)),
            [(2024, Some(9), None, Bound::By)]
        );
        assert_eq!(
            dl("第四季度末前完成评估。", Some(2024)),
            [(2024, Some(12), None, Bound::By)]
        );
        assert_eq!(
            dl("2024年三季度前完成验收。", None),
            [(2024, Some(9), None, Bound::By)]
        );
        assert_eq!(
            dl("一季度完成方案编制。", Some(2024)),
            [
                (2024, Some(1), None, Bound::From),
                (2024, Some(3), None, Bound::By)
            ]
        );
        assert!(dl("一季度，全区地区生产总值增长5%。", Some(2024)).is_empty());
        assert!(dl("前三季度完成投资30亿元。", Some(2024)).is_empty());
    }

    /// A year naming an event is no deadline, however long the event's name
    /// (`2024年中国国际高新技术成果交易会`, `2024年深圳国际低碳城论坛`); a verb before the event
    /// makes the year the work's.
    #[test]
    fn a_year_naming_an_event_is_no_deadline() {
        assert!(dl("办好2024年中国国际高新技术成果交易会。", Some(2024)).is_empty());
        assert!(dl("高标准筹备2024年深圳国际低碳城论坛。", Some(2024)).is_empty());
        assert_eq!(
            dl("2024年完成博览会场馆建设。", Some(2024)),
            [(2024, None, None, Bound::In)]
        );
    }

    /// `3年内` is a relative limit, and a part of a year after `每年` a recurrence's time.
    #[test]
    fn relative_limits_and_repeated_times_are_no_deadlines() {
        assert!(dl("3年内完成全部改造。", Some(2023)).is_empty());
        assert!(
            dl(
                "每年第一季度报送上年度工作情况，每年3月底前完成清算。",
                Some(2022)
            )
            .is_empty()
        );
    }

    /// A month's end bounds work without a bound word; a month-day in a list takes the bound
    /// word that closes the list.
    #[test]
    fn months_without_a_year_take_the_documents_year() {
        assert_eq!(
            dl("（5月底完成，牵头单位：市工信局）", Some(2021)),
            [(2021, Some(5), None, Bound::By)]
        );
        let got = dl("分别于6月30日、9月30日、12月31日前报送进展。", Some(2022));
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|d| d.0 == 2022));
        assert!(dl("3月5日，全市召开动员会。", Some(2022)).is_empty());
    }

    /// `今年年底`, `明年3月底` and `今明两年` are read against the document's year; `今年` alone
    /// is no limit.
    #[test]
    fn this_year_and_next_year_are_read_against_the_documents_year() {
        assert_eq!(
            dl("执行期限延长到今年年底。", Some(2020)),
            [(2020, Some(12), None, Bound::By)]
        );
        assert_eq!(
            dl("政策再延长至明年3月底。", Some(2020)),
            [(2021, Some(3), None, Bound::By)]
        );
        assert_eq!(
            dl("今明两年培训3500万人次以上。", Some(2020)),
            [
                (2020, None, None, Bound::From),
                (2021, None, None, Bound::By)
            ]
        );
        assert!(dl("今年发展的主要预期目标是增长6%。", Some(2020)).is_empty());
        // `从今年起` starts the work in the document's year.
        assert_eq!(
            dl("从今年起农机具购置补贴覆盖到所有农业县。", Some(2008)),
            [(2008, None, None, Bound::From)]
        );
        // `从今年1月1日起` starts it on that day.
        assert_eq!(
            dl(
                "从今年1月1日起，再连续三年提高企业退休人员基本养老金水平。",
                Some(2008)
            ),
            [(2008, Some(1), Some(1), Bound::From)]
        );
    }

    /// Dates of the document itself are no deadlines: when it takes effect, when it was
    /// printed, and a year that is the topic of a sentence.
    #[test]
    fn dates_of_the_document_itself_are_no_deadlines() {
        assert!(dl("本办法自2022年1月1日起施行，有效期5年。", Some(2022)).is_empty());
        assert!(dl("市政府办公厅秘书处 2021年12月6日印发", Some(2021)).is_empty());
        assert!(dl("2022年是新一届政府开局之年。", Some(2022)).is_empty());
    }

    /// A year after `到` bounds the work even when a place word follows it.
    #[test]
    fn a_year_after_dao_is_a_deadline_before_a_place_word() {
        assert_eq!(
            dl("力争到2027年全省规上工业企业研发机构全覆盖。", None),
            [(2027, None, None, Bound::By)]
        );
    }

    /// The `于` of `关于` is no time preposition: the date after it opens what a title or a
    /// heading is about.
    #[test]
    fn a_date_a_title_is_about_is_no_deadline() {
        assert!(dl("关于2025年政府工作的建议", Some(2025)).is_empty());
        assert!(dl("关于2021年法治政府建设工作的报告", None).is_empty());
        assert_eq!(dl("于2025年底前完成", None).len(), 1);
    }
}
