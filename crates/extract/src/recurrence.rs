//! Recurrences: duties repeated every period (`每年至少召开一次会议`, `每半年听取一次汇报`,
//! `每3年`, `每隔2年`, `一年两次`).
//!
//! Only an explicit period makes a recurrence: `年度考核`, `定期` and `逐年提高` do not.
//! `times` is the count of occurrences (`次`/`回`) in the same clause; another quantity per
//! period (`每月报送2条以上`) is a metric, not `times`. `每起扣2分` and `每少报送1条` name no
//! period.

use crate::fold::Folded;
use crate::numeral::number_value;
use duban_model::{Every, Recurrence};
use regex::Regex;
use std::sync::LazyLock;

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<every>每(?:隔)?\s*(?P<n>\d{1,2}|[一二两三四五六七八九十])?\s*(?P<unit>个?季度|个?半年|年|个?月|周|星期|天|日|季))|(?P<once>[一每](?P<u2>年|季度|月|周)(?P<t2>[一二两三四五六七八九十\d]+)次)")
        .expect("period pattern compiles")
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
        let (every, n, times) = if caps.name("once").is_some() {
            let every = match caps.name("u2").map(|m| m.as_str()) {
                Some("年") => Every::Year,
                Some("季度") => Every::Quarter,
                Some("月") => Every::Month,
                _ => Every::Week,
            };
            let t = caps
                .name("t2")
                .and_then(|m| number_value(m.as_str()))
                .map(|v| v as u32);
            (every, None, t)
        } else {
            let unit = caps
                .name("unit")
                .map_or("", |m| m.as_str())
                .trim_start_matches('个');
            let n = caps
                .name("n")
                .and_then(|m| number_value(m.as_str()))
                .map(|v| v as u32);
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
            let times = TIMES
                .captures(rest)
                .and_then(|c| c.name("t"))
                .and_then(|m| number_value(m.as_str()))
                .map(|v| v as u32);
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
}
