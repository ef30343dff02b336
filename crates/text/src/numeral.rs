//! Chinese and Arabic numerals: `十五` → 15, `两` → 2, `一百二十` → 120, `1,200` → 1200.

/// The value of a Chinese numeral (一…九千九百九十九, with 两 and 〇/零, and sections of 万),
/// or `None`.
///
/// ```
/// use duban_text::numeral::chinese_value;
/// assert_eq!(chinese_value("十五"), Some(15));
/// assert_eq!(chinese_value("二十"), Some(20));
/// assert_eq!(chinese_value("两"), Some(2));
/// assert_eq!(chinese_value("一百零五"), Some(105));
/// assert_eq!(chinese_value("一万二千二百"), Some(12200));
/// assert_eq!(chinese_value("三万五千"), Some(35000));
/// ```
pub fn chinese_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut current = 0u32;
    let mut seen_digit = false;
    for c in s.chars() {
        match digit(c) {
            Some(d) => {
                current = d;
                seen_digit = true;
            }
            None => {
                // `万` closes a section of the number (`一万二千二百` → 12200).
                if matches!(c, '万' | '萬') {
                    total = (total + current).checked_mul(10_000)?;
                    current = 0;
                    seen_digit = false;
                    continue;
                }
                let unit = match c {
                    '十' | '拾' => 10,
                    '百' | '佰' => 100,
                    '千' | '仟' => 1000,
                    _ => return None,
                };
                let n = if current == 0 && !seen_digit {
                    1
                } else {
                    current
                };
                total += n * unit;
                current = 0;
                seen_digit = false;
            }
        }
    }
    Some(total + current)
}

/// The value of a Chinese numeral with a decimal part read digit by digit after `点`
/// (`四点五` → 4.5, `十二点零五` → 12.05, `二十` → 20), or `None`.
///
/// ```
/// use duban_text::numeral::chinese_decimal;
/// assert_eq!(chinese_decimal("四点五"), Some(4.5));
/// assert_eq!(chinese_decimal("二十"), Some(20.0));
/// ```
pub fn chinese_decimal(s: &str) -> Option<f64> {
    let (whole, fraction) = s.split_once('点').unwrap_or((s, ""));
    let mut value = f64::from(chinese_value(whole)?);
    let mut scale = 0.1;
    for c in fraction.chars() {
        value += f64::from(digit(c)?) * scale;
        scale /= 10.0;
    }
    // Rounded to the digits printed, so that `四点五` is 4.5 and not 4.499….
    let places = fraction.chars().count() as i32;
    let factor = 10f64.powi(places);
    Some((value * factor).round() / factor)
}

/// The value of a single Chinese digit character.
pub fn digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | 'O' | '○' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a number written digit by digit, as years are (`二〇二二` → 2022, `二ＯＯ八`,
/// `2021`): each character a digit, Arabic or Chinese, with `〇`, `○`, `零` and the letter O
/// (of either width) as zero. `None` when any character is not a digit.
///
/// ```
/// use duban_text::numeral::digits_value;
/// assert_eq!(digits_value("二〇二二"), Some(2022));
/// assert_eq!(digits_value("二十"), None);
/// ```
pub fn digits_value(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.chars().try_fold(0u32, |n, c| {
        let d = c
            .to_digit(10)
            .or_else(|| digit(crate::fold::fold_char(c)))?;
        n.checked_mul(10)?.checked_add(d)
    })
}

/// The value of an Arabic or Chinese number as printed (`1,200`, `0.2`, `十五`, `一点二`).
pub fn number_value(s: &str) -> Option<f64> {
    // Thousands separators, and the spaces PDF extraction puts between digits (`1 0 0 0`).
    let t: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' '))
        .collect();
    if t.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return t.parse().ok();
    }
    chinese_decimal(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tens_without_a_leading_one_count_as_ten() {
        assert_eq!(chinese_value("十"), Some(10));
        assert_eq!(chinese_value("十二"), Some(12));
    }

    #[test]
    fn hundreds_read_with_zero() {
        assert_eq!(chinese_value("三百零二"), Some(302));
    }

    #[test]
    fn non_numerals_are_none() {
        assert_eq!(chinese_value("十项"), None);
        assert_eq!(chinese_value(""), None);
    }

    #[test]
    fn a_year_is_read_digit_by_digit_whatever_its_zeros() {
        assert_eq!(digits_value("二〇一五"), Some(2015));
        assert_eq!(digits_value("二ＯＯ八"), Some(2008));
        assert_eq!(digits_value("二○二一"), Some(2021));
        assert_eq!(digits_value("2024"), Some(2024));
        assert_eq!(digits_value("二〇二x"), None);
    }

    #[test]
    fn a_decimal_part_after_dian_is_read_digit_by_digit() {
        assert_eq!(chinese_decimal("四点五"), Some(4.5));
        assert_eq!(chinese_decimal("十二点零五"), Some(12.05));
        assert_eq!(chinese_decimal("百"), Some(100.0));
        assert_eq!(chinese_decimal("四点"), Some(4.0));
        assert_eq!(chinese_decimal("四点十"), None);
    }

    #[test]
    fn arabic_numbers_with_thousands_separators_parse() {
        assert_eq!(number_value("1,200"), Some(1200.0));
        assert_eq!(number_value("0.2"), Some(0.2));
        assert_eq!(number_value("九十"), Some(90.0));
        assert_eq!(number_value("一点二"), Some(1.2));
    }
}
