//! Dates and year ranges as Chinese documents print them.
//!
//! Reads `2022-01-30 11:59`, `2022年1月30日`, `2022/01/30`, `2022.1.30`, dates in Chinese
//! numerals (`二〇一四年三月二十七日`), the digit-only damage of a scrape that stripped
//! 年月日 (`2022129`), and year ranges (`2011―2015年`, `2011~2015`, `2015-2020`, the damaged
//! `20212025年`, and the five-year plan numbers `十四五`/`第十个五年`). Digits printed full
//! width (`２０１９年１月２７日`) read as ASCII ones. It does not decide which date of a document
//! is which (see `meta`).

use duban_model::{Date, Period};
use duban_text::numeral::{chinese_value, digits_value};
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// `s` with full-width digits as ASCII ones (`２０１９年` → `2019年`), the spec's unification of
/// widths for matching; `s` itself when it holds none (most text). Only digits: a line read
/// for a date may also give a signing body's name, which keeps its brackets as printed.
pub(crate) fn ascii_digits(s: &str) -> Cow<'_, str> {
    // The full-width digits U+FF10–FF19 are encoded 0xEF 0xBC 0x90–0x99.
    let wide = s
        .as_bytes()
        .windows(3)
        .any(|w| w[0] == 0xEF && w[1] == 0xBC && (0x90..=0x99).contains(&w[2]));
    if wide {
        Cow::Owned(
            s.chars()
                .map(|c| match c {
                    '\u{FF10}'..='\u{FF19}' => duban_text::fold::ascii_of_full_width(c),
                    c => c,
                })
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

static ARABIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*((?:19|20)\d{2})\s*(?:年|-|/|\.|－|／|．)\s*(\d{1,2})\s*(?:月|-|/|\.|－|／|．)\s*(\d{1,2})")
        .expect("static regex")
});
// A year's zero is printed `〇`, `○`, `零`, or the letter O of either width (`二O二三年`).
static CHINESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*([一二三四五六七八九〇○零ＯO0]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
        .expect("static regex")
});

/// A date at the start of `s`, in Arabic digits or Chinese numerals.
pub fn parse_date_prefix(s: &str) -> Option<Date> {
    let s = &*ascii_digits(s);
    if let Some(c) = ARABIC_DATE.captures(s) {
        return Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
    }
    let c = CHINESE_DATE.captures(s)?;
    Date::new(
        i32::try_from(digits_value(&c[1])?).ok()?,
        u8::try_from(chinese_value(&c[2])?).ok()?,
        u8::try_from(chinese_value(&c[3])?).ok()?,
    )
}

/// A whole line that is only a date (a signature date), possibly in brackets.
pub fn date_line(line: &str) -> Option<Date> {
    let t = line.trim_matches(|c: char| c.is_whitespace() || "()（）".contains(c));
    if t.is_empty() || t.chars().count() > 20 {
        return None;
    }
    let t = &*ascii_digits(t);
    if t.chars().all(|c| c.is_ascii_digit()) {
        return damaged_date(t, None);
    }
    let d = parse_date_prefix(t)?;
    let rest = ARABIC_DATE
        .find(t)
        .or_else(|| CHINESE_DATE.find(t))
        .map_or("", |m| &t[m.end()..]);
    // A signature spaced out keeps a space before its `日` (`2024 年 2 月 26 日`).
    let rest = rest.trim_start().trim_start_matches('日').trim();
    rest.is_empty().then_some(d)
}

/// A date whose 年月日 were stripped: `20220129`, `2022129`, `202219`.
///
/// Seven digits can split two ways (`2022129` is 1月29日 or 12月9日). The split nearest
/// before `near` (the page's publication date) wins; without it the one-digit month, which
/// most dates have.
pub fn damaged_date(digits: &str, near: Option<Date>) -> Option<Date> {
    let digits = &*ascii_digits(digits);
    if !digits.chars().all(|c| c.is_ascii_digit()) || !(6..=8).contains(&digits.len()) {
        return None;
    }
    let year: i32 = digits[..4].parse().ok()?;
    if !(1949..=2100).contains(&year) {
        return None;
    }
    let rest = &digits[4..];
    let splits: Vec<(usize, usize)> = match rest.len() {
        4 => vec![(2, 2)],
        3 => vec![(1, 2), (2, 1)],
        2 => vec![(1, 1)],
        _ => return None,
    };
    let candidates: Vec<Date> = splits
        .iter()
        .filter_map(|&(m, d)| {
            Date::new(year, rest[..m].parse().ok()?, rest[m..m + d].parse().ok()?)
        })
        .collect();
    if let Some(near) = near
        && let Some(best) = candidates.iter().filter(|d| **d <= near).max()
    {
        return Some(*best);
    }
    candidates.first().copied()
}

static YEAR_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*年?\s*(?:[-–—―~～－至到]|——)\s*((?:19|20)\d{2})")
        .expect("static regex")
});
static GLUED_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\D)((?:19|20)\d{2})((?:19|20)\d{2})年").expect("static regex")
});
static FIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第([一二三四五六七八九十]{1,3})个五年|[“\x22「]?(十[一二三四五六七八九]?|[一二三四五六七八九])五[”\x22」]?(?:规划|计划|时期|期间)|[“\x22「](十[一二三四五六七八九]?|[一二三四五六七八九])五[”\x22」]")
        .expect("static regex")
});

/// The years a title's period covers: `2011―2015年`, `20212025年`, `十四五规划`.
pub fn find_period(s: &str) -> Option<Period> {
    let s = &*ascii_digits(s);
    let ok = |a: i32, b: i32| (b > a && b - a <= 20).then_some(Period { start: a, end: b });
    for c in YEAR_RANGE.captures_iter(s) {
        if let Some(p) = ok(c[1].parse().ok()?, c[2].parse().ok()?) {
            return Some(p);
        }
    }
    for c in GLUED_RANGE.captures_iter(s) {
        if let Some(p) = ok(c[1].parse().ok()?, c[2].parse().ok()?) {
            return Some(p);
        }
    }
    let c = FIVE_YEAR.captures(s)?;
    let n = i32::try_from(chinese_value(c.get(1).or(c.get(2)).or(c.get(3))?.as_str())?).ok()?;
    // The five-year campaigns of legal education (`“八五”普法`, `法治宣传教育第八个五年规划`)
    // are numbered from 1986–1990, not as the plans are.
    let campaign = c.get(0).is_some_and(|m| {
        s[m.end()..].starts_with("普法")
            || s[..m.start()].ends_with("法治宣传教育")
            || s[..m.start()].ends_with("普法")
    });
    // The first two plans ran 1953–1957 and 1958–1962; after three years of adjustment the
    // third started in 1966, and every plan since has followed the one before.
    let start = match n {
        n if campaign => 1986 + 5 * (n - 1),
        1 => 1953,
        2 => 1958,
        n => 1966 + 5 * (n - 3),
    };
    Some(Period {
        start,
        end: start + 4,
    })
}

static YEAR_IN_TITLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\D)((?:19|20)\d{2})\s*年").expect("static regex"));

/// The first `YYYY年` of a string that is not part of a year range.
pub fn first_year(s: &str) -> Option<i32> {
    let s = &*ascii_digits(s);
    let ranges: Vec<(usize, usize)> = YEAR_RANGE
        .find_iter(s)
        .chain(GLUED_RANGE.find_iter(s))
        .map(|m| (m.start(), m.end()))
        .collect();
    YEAR_IN_TITLE.captures_iter(s).find_map(|c| {
        let m = c.get(1)?;
        let inside = ranges.iter().any(|&(a, b)| m.start() >= a && m.end() <= b);
        if inside {
            None
        } else {
            m.as_str().parse().ok()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, dd: u8) -> Option<Date> {
        Date::new(y, m, dd)
    }

    #[test]
    fn arabic_dates_in_every_separator_style() {
        assert_eq!(parse_date_prefix("2019-06-03 10:22"), d(2019, 6, 3));
        assert_eq!(parse_date_prefix("2019年6月3日"), d(2019, 6, 3));
        assert_eq!(parse_date_prefix("2019/06/03"), d(2019, 6, 3));
        assert_eq!(parse_date_prefix("2019.6.3"), d(2019, 6, 3));
        assert_eq!(parse_date_prefix("2019年13月3日"), None);
    }

    #[test]
    fn dates_in_chinese_numerals() {
        assert_eq!(
            parse_date_prefix("二〇一九年十二月三十一日"),
            d(2019, 12, 31)
        );
        assert_eq!(parse_date_prefix("二○一六年五月十日"), d(2016, 5, 10));
        assert_eq!(parse_date_prefix("二〇二〇年一月九日"), d(2020, 1, 9));
    }

    /// A letter O typed for a year's zero (`二O二三年`) is a zero, as `〇` is.
    #[test]
    fn a_letter_o_in_a_chinese_year_is_a_zero() {
        assert_eq!(parse_date_prefix("二O二三年五月八日"), d(2023, 5, 8));
        assert_eq!(date_line("二O二三年五月八日"), d(2023, 5, 8));
    }

    #[test]
    fn a_date_line_holds_nothing_but_the_date() {
        assert_eq!(date_line("  2018年7月16日  "), d(2018, 7, 16));
        assert_eq!(date_line("（2018年7月16日）"), d(2018, 7, 16));
        assert_eq!(date_line("2018年7月16日起施行"), None);
    }

    #[test]
    fn stripped_dates_prefer_a_one_digit_month() {
        assert_eq!(damaged_date("2019118", None), d(2019, 1, 18));
        assert_eq!(damaged_date("20190118", None), d(2019, 1, 18));
        assert_eq!(damaged_date("201937", None), d(2019, 3, 7));
        assert_eq!(date_line("2019118"), d(2019, 1, 18));
    }

    #[test]
    fn stripped_dates_use_the_publication_date_when_known() {
        assert_eq!(damaged_date("2019129", d(2019, 12, 20)), d(2019, 12, 9));
        assert_eq!(damaged_date("2019129", d(2019, 2, 1)), d(2019, 1, 29));
    }

    #[test]
    fn periods_in_every_dash() {
        let p = |a, b| Some(Period { start: a, end: b });
        assert_eq!(find_period("法治建设2016―2020年规划"), p(2016, 2020));
        assert_eq!(find_period("纲要（2016~2020）"), p(2016, 2020));
        assert_eq!(find_period("实施方案(2016-2020年)"), p(2016, 2020));
        assert_eq!(find_period("规划(2016—2020年)"), p(2016, 2020));
        assert_eq!(find_period("行动计划（20162020年）"), p(2016, 2020));
        assert_eq!(find_period("2016年至2020年建设规划"), p(2016, 2020));
        assert_eq!(find_period("2019年度工作要点"), None);
    }

    #[test]
    fn five_year_plan_numbers_give_their_years() {
        let p = |a, b| Some(Period { start: a, end: b });
        assert_eq!(
            find_period("国民经济和社会发展第十一个五年规划纲要"),
            p(2006, 2010)
        );
        assert_eq!(find_period("“十四五”规划"), p(2021, 2025));
        assert_eq!(find_period("九五计划"), p(1996, 2000));
        // Quoted, the plan number names the period whatever follows it.
        assert_eq!(find_period("某市“十四五”生态环境保护规划"), p(2021, 2025));
        assert_eq!(find_period("某市五年来的工作"), None);
        // Campaigns of legal education are numbered from 1986.
        assert_eq!(find_period("某市法治宣传教育第八个五年规划"), p(2021, 2025));
        assert_eq!(find_period("某市“八五”普法规划"), p(2021, 2025));
        assert_eq!(find_period("关于开展“七五”普法工作的通知"), p(2016, 2020));
    }

    #[test]
    fn the_first_year_skips_ranges() {
        assert_eq!(first_year("关于2019年依法行政工作的报告"), Some(2019));
        assert_eq!(first_year("2016—2020年规划"), None);
        assert_eq!(first_year("纲要（2016-2020年）2018年度评估"), Some(2018));
    }

    #[test]
    fn a_date_spaced_out_is_a_date_line() {
        assert_eq!(date_line("2024 年 2 月 26 日"), d(2024, 2, 26));
    }

    #[test]
    fn full_width_digits_read_as_ascii_ones() {
        assert_eq!(first_year("关于２０１９年依法行政工作的报告"), Some(2019));
        assert_eq!(
            find_period("“十三五”规划（２０１６－２０２０年）"),
            Some(Period {
                start: 2016,
                end: 2020
            })
        );
        assert_eq!(date_line("２０１９年１月２７日"), d(2019, 1, 27));
        assert_eq!(
            parse_date_prefix("２０１８－１２－２９ 10:00"),
            d(2018, 12, 29)
        );
        assert_eq!(damaged_date("２０２２１２９", None), d(2022, 1, 29));
    }
}
