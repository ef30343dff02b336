//! The scorer's text rules, with Python's exact character classes: `norm` (NFKC, then the
//! punctuation and whitespace class removed), character bigrams and their Dice similarity,
//! `str.splitlines`, `str.strip`, `float()` of a string, and `repr()` of strings and floats as the
//! scorer's miss lines print them.
//!
//! Python's `\s`, `str.isspace`, `str.splitlines` and `str.isprintable` use wider classes than
//! ASCII (U+001C–U+001F are whitespace, U+2028 ends a line), so each is spelled out here rather
//! than borrowed from Rust's `char` methods, which differ at those points.
//!
//! This module does not read files or JSON; `value` and `grade` do.

use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;

/// Python's `str.isspace()`, which is also what `\s` matches in a `str` regex.
pub(crate) fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// The scorer's `PUNCT` class (without its `\s`, which [`is_py_space`] covers).
fn is_punct(c: char) -> bool {
    // The class as written in score.py: \u3000 \u00a0 ，。、；：？！“”‘’《》〈〉（）()【】[]〔〕{}<>,.;:?!"'·…—-_/\|
    matches!(
        c,
        '\u{3000}'
            | '\u{a0}'
            | '，'
            | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '（'
            | '）'
            | '('
            | ')'
            | '【'
            | '】'
            | '['
            | ']'
            | '〔'
            | '〕'
            | '{'
            | '}'
            | '<'
            | '>'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | '"'
            | '\''
            | '·'
            | '…'
            | '—'
            | '-'
            | '_'
            | '/'
            | '\\'
            | '|'
    )
}

/// Unicode NFKC, as `unicodedata.normalize("NFKC", s)`.
pub(crate) fn nfkc(s: &str) -> String {
    s.nfkc().collect()
}

/// The scorer's `norm`: NFKC, then whitespace and punctuation removed. Full-width and
/// half-width forms compare equal after it.
pub(crate) fn norm(s: &str) -> String {
    s.nfkc()
        .filter(|&c| !is_py_space(c) && !is_punct(c))
        .collect()
}

/// The set of character bigrams of an already normalised string; a one-character string is
/// its own single "bigram", an empty one has none (the scorer's `bigrams` after `norm`).
fn bigrams(normed: &str) -> HashSet<String> {
    let chars: Vec<char> = normed.chars().collect();
    if chars.len() < 2 {
        return chars.iter().map(|c| c.to_string()).collect();
    }
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

/// Dice similarity of the character bigrams of two normalised strings; 0 when either has none.
pub(crate) fn dice(a_normed: &str, b_normed: &str) -> f64 {
    let (x, y) = (bigrams(a_normed), bigrams(b_normed));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let common = x.intersection(&y).count();
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// Python's `str.splitlines()`: lines without their ends, ends being `\n`, `\r`, `\r\n`,
/// U+000B, U+000C, U+001C–U+001E, U+0085, U+2028 and U+2029; no empty last line.
pub(crate) fn py_splitlines(s: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let ends = matches!(
            c,
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}'
                ..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if !ends {
            continue;
        }
        lines.push(&s[start..i]);
        start = i + c.len_utf8();
        if c == '\r' && iter.peek().is_some_and(|&(_, n)| n == '\n') {
            iter.next();
            start += 1;
        }
    }
    if start < s.len() {
        lines.push(&s[start..]);
    }
    lines
}

/// Python's `str.strip()` with no argument.
pub(crate) fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// Python's `float()` of a string: surrounding whitespace allowed, `_` between digits allowed,
/// `inf`/`nan`/`infinity` in any case. `None` where Python raises `ValueError`.
pub(crate) fn py_float_of_str(s: &str) -> Option<f64> {
    let t = py_strip(s);
    let chars: Vec<char> = t.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let digit_at = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(char::is_ascii_digit)
        };
        if c == '_' && !(digit_at(i.checked_sub(1)) && digit_at(Some(i + 1))) {
            return None;
        }
    }
    let cleaned: String = chars.into_iter().filter(|&c| c != '_').collect();
    cleaned.parse().ok()
}

/// Python's `round(x, digits)`: the double nearest to `x` correctly rounded to `digits`
/// decimals (ties to even on the exact binary value, as Rust's fixed-precision formatting does).
pub(crate) fn py_round(x: f64, digits: usize) -> f64 {
    if !x.is_finite() {
        return x;
    }
    format!("{x:.digits$}").parse().unwrap_or(x)
}

/// Python's `repr()` of a float: the shortest digits that read back to it, in fixed notation
/// with at least one decimal (`90.0`) while the decimal exponent is in [-4, 16), otherwise in
/// exponent notation with a signed two-digit exponent (`1e-05`, `1e+16`).
pub(crate) fn py_float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0" } else { "0.0" }.into();
    }
    // `{:e}` gives the shortest round-trip digits: "-1.2345e6".
    let e_form = format!("{x:e}");
    let (mantissa, exp) = e_form.split_once('e').unwrap_or((&e_form, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let decpt = exp + 1;
    let body = if !(-4 < decpt && decpt <= 16) {
        let (first, rest) = digits.split_at(1);
        let dot_rest = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        let e_sign = if exp < 0 { '-' } else { '+' };
        format!("{first}{dot_rest}e{e_sign}{:02}", exp.unsigned_abs())
    } else if decpt <= 0 {
        format!("0.{}{digits}", "0".repeat(decpt.unsigned_abs() as usize))
    } else {
        let decpt = decpt as usize;
        if decpt >= digits.len() {
            format!("{digits}{}.0", "0".repeat(decpt - digits.len()))
        } else {
            format!("{}.{}", &digits[..decpt], &digits[decpt..])
        }
    };
    format!("{sign}{body}")
}

/// Whether Python's `str.isprintable()` holds for this one character.
fn is_py_printable(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return (0x20..0x7f).contains(&u);
    }
    let table = crate::nonprintable::NON_PRINTABLE;
    let i = table.partition_point(|&(_, end)| end < u);
    table.get(i).is_none_or(|&(start, _)| start > u)
}

/// Python's `repr()` of a string: single quotes unless the string holds `'` and no `"`,
/// backslash escapes for the quote, `\\`, `\t`, `\n`, `\r` and every non-printable character.
pub(crate) fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_py_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_unifies_full_and_half_width_and_drops_punctuation_and_spaces() {
        assert_eq!(norm("（一）加快 建设“数字政府”。"), "一加快建设数字政府");
        assert_eq!(norm("(一)加快建设\u{3000}数字政府"), "一加快建设数字政府");
        assert_eq!(norm("ＡＢＣ１２３"), "ABC123");
    }

    #[test]
    fn norm_removes_python_whitespace_that_rust_does_not_call_whitespace() {
        // U+001C–U+001F are whitespace to Python's `\s` but not to char::is_whitespace.
        assert_eq!(norm("河道\u{1f}治理"), "河道治理");
    }

    #[test]
    fn norm_keeps_characters_outside_the_punctuation_class() {
        // ％ becomes %, which the class does not hold; 「」 are not in it either.
        assert_eq!(norm("达到９０％「以上」"), "达到90%「以上」");
    }

    #[test]
    fn norm_expands_the_ellipsis_to_dots_and_drops_them() {
        assert_eq!(norm("街道…社区"), "街道社区");
    }

    #[test]
    fn dice_of_identical_indicators_is_one_and_of_disjoint_ones_zero() {
        assert_eq!(dice(&norm("污水处理率"), &norm("污水处理率")), 1.0);
        assert_eq!(dice(&norm("污水处理率"), &norm("绿化覆盖面积")), 0.0);
    }

    #[test]
    fn dice_counts_distinct_bigrams() {
        // {城镇, 镇污, 污水, 水处, 处理, 理率} vs {污水, 水处, 处理, 理率}: 2*4/(6+4).
        assert_eq!(dice("城镇污水处理率", "污水处理率"), 0.8);
        // Repeated bigrams count once: {哈哈} vs {哈哈}.
        assert_eq!(dice("哈哈哈", "哈哈"), 1.0);
    }

    #[test]
    fn dice_treats_a_single_character_as_its_own_bigram_and_empty_as_nothing() {
        assert_eq!(dice("率", "率"), 1.0);
        assert_eq!(dice("", ""), 0.0);
        assert_eq!(dice("率", ""), 0.0);
    }

    #[test]
    fn splitlines_splits_on_every_python_line_end_and_drops_the_last_empty_line() {
        assert_eq!(
            py_splitlines("甲\n乙\r\n丙\r丁\u{2028}戊\u{85}己\u{b}\n"),
            vec!["甲", "乙", "丙", "丁", "戊", "己", ""]
        );
        assert_eq!(py_splitlines(""), Vec::<&str>::new());
        assert_eq!(py_splitlines("\n\n"), vec!["", ""]);
    }

    #[test]
    fn strip_uses_python_whitespace() {
        assert_eq!(py_strip("\u{1f} \u{3000}{}\u{85}"), "{}");
    }

    #[test]
    fn float_of_str_follows_python() {
        assert_eq!(py_float_of_str(" 90 "), Some(90.0));
        assert_eq!(py_float_of_str("1_000.5"), Some(1000.5));
        assert_eq!(py_float_of_str("1__0"), None);
        assert_eq!(py_float_of_str("百分之九十"), None);
        assert_eq!(py_float_of_str("-Infinity"), Some(f64::NEG_INFINITY));
    }

    #[test]
    fn round_is_correctly_rounded_like_python() {
        // Python: round(2.675, 2) == 2.67 (2.675 is below the tie in binary).
        assert_eq!(py_round(2.675, 2), 2.67);
        // Exact binary ties go to even: round(0.8125, 3) == 0.812.
        assert_eq!(py_round(0.8125, 3), 0.812);
        assert_eq!(py_round(1.0 / 3.0, 4), 0.3333);
    }

    #[test]
    fn float_repr_matches_python() {
        for (x, want) in [
            (90.0, "90.0"),
            (0.1, "0.1"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (123456.789, "123456.789"),
            (-2.5e-7, "-2.5e-07"),
            (1.2345e20, "1.2345e+20"),
            (0.0, "0.0"),
            (f64::NAN, "nan"),
        ] {
            assert_eq!(py_float_repr(x), want, "{x}");
        }
    }

    #[test]
    fn str_repr_quotes_and_escapes_like_python() {
        assert_eq!(py_str_repr("区司法局"), "'区司法局'");
        assert_eq!(py_str_repr("it's"), "\"it's\"");
        assert_eq!(py_str_repr("'\""), "'\\'\"'");
        assert_eq!(py_str_repr("a\\b\n"), "'a\\\\b\\n'");
        assert_eq!(
            py_str_repr("\u{3000}\u{a0}\u{200b}\u{1}"),
            "'\\u3000\\xa0\\u200b\\x01'"
        );
        assert_eq!(py_str_repr("\u{e000}\u{10ffff}"), "'\\ue000\\U0010ffff'");
        assert_eq!(py_str_repr("％（"), "'％（'");
    }
}
