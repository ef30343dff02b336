//! Character-level repairs of scraped text that keep the document's own words.
//!
//! Line ends are unified to LF, zero-width characters that scrapers leave (U+200B, U+FEFF, …)
//! are dropped, digits that PDF extraction spaced out (`2 0 0 1年`) and the spaces it put
//! before punctuation (`省委 、 省政府 ,`) are joined when the document shows that damage, the
//! lines of a text hard-wrapped at a fixed width are found (their paragraphs are joined again
//! by the caller, which owns the lines), and paragraphs that a converter ran together on one line with
//! their indentation still marking them (` \u{2003}\u{2003}`) are split again. A page that a
//! crawler flattened onto one line is left as printed: the outline parser of `duban-extract`
//! finds its items inside the line.
//!
//! It does not change widths (no NFKC: that is only for matching, see [`nfkc`]), does not trim
//! lines, and does not touch blank lines, whose structure the obligation extractor reads.

use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;
use unicode_normalization::{IsNormalized, UnicodeNormalization};
use unicode_width::UnicodeWidthStr;

/// Characters that carry nothing and are dropped everywhere.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// CRLF and lone CR to LF, invisible characters dropped.
pub fn unify_line_ends(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            c if is_invisible(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// NFKC form with whitespace removed: the key for comparing a line against patterns and titles.
pub fn nfkc(s: &str) -> String {
    // Most lines of Chinese text are ideographs, ASCII and full-width punctuation. Full-width
    // forms (U+FF01–FF5E) decompose to one ASCII character each, so mapping them first leaves
    // the NFKC form unchanged; when what remains is already NFKC (the quick check, a table
    // look-up per character), the normaliser's decompose–recompose buffers are not needed.
    let mapped: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(duban_text::fold::ascii_of_full_width)
        .collect();
    if mapped.chars().all(is_nfkc_stable)
        || unicode_normalization::is_nfkc_quick(mapped.chars()) == IsNormalized::Yes
    {
        return mapped;
    }
    s.nfkc().filter(|c| !c.is_whitespace()).collect()
}

/// Characters that NFKC leaves alone whatever stands around them (no decomposition, no
/// combining): ASCII, the CJK ideographs, and the CJK and general punctuation that Chinese
/// text is made of (`、。〈〉《》「」『』【】〔〕“”‘’—`). Checked by range, before the
/// normaliser's table look-ups.
fn is_nfkc_stable(c: char) -> bool {
    c.is_ascii()
        || matches!(c,
            '\u{4E00}'..='\u{9FFF}'
            | '\u{3001}'..='\u{3029}'
            | '\u{2010}'
            | '\u{2012}'..='\u{2016}'
            | '\u{2018}'..='\u{2023}'
            | '\u{2030}'
            | '\u{00B7}')
}

/// Three or more single digits separated by single spaces: the mark of PDF-extracted text.
static SPACED_RUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^0-9A-Za-z])[0-9](?: [0-9]){2,}").expect("static regex"));
/// Two or more single digits separated by single spaces, with what precedes them.
static SPACED_DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(^|[^0-9A-Za-z])((?:[0-9] )+[0-9])( ?)([年月日号亿万千百十个件项元%％‰．.]?)")
        .expect("static regex")
});
/// A digit, a space, then a unit or date character: `3 月`, `1 1 ％`.
static DIGIT_SPACE_UNIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]) ([年月日号亿万千个件项元%％‰])").expect("static regex"));
/// A decimal point with spaces around it inside a number: `2 2 ．4`.
static SPACED_POINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]) ?([．.]) ?([0-9])").expect("static regex"));

/// A year spaced out: `2 0 2 6年`.
static SPACED_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:19|20|1 9|2 0) [0-9] [0-9] ?年").expect("static regex"));

/// Whether the text shows the spaced-digit damage of PDF extraction often enough to repair it.
///
/// A single `1 2 3` can be a real list; several runs in one document are the converter's mark,
/// and so is one year spaced out (`到2 0 2 6年`), which no one types.
pub fn has_spaced_digits(text: &str) -> bool {
    SPACED_RUN.find_iter(text).take(3).count() >= 3 || SPACED_YEAR.is_match(text)
}

/// Joins digits spaced out by PDF extraction on one line: `1 9 9 7 年` → `1997年`.
pub fn join_spaced_digits(line: &str) -> String {
    if !line.bytes().any(|b| b.is_ascii_digit()) {
        return line.to_string();
    }
    let join = |text: &str| {
        SPACED_DIGITS
            .replace_all(text, |c: &regex::Captures| {
                let digits: String = c[2].chars().filter(|c| *c != ' ').collect();
                let unit = &c[4];
                let space = if unit.is_empty() { &c[3] } else { "" };
                format!("{}{digits}{space}{unit}", &c[1])
            })
            .into_owned()
    };
    // A run after a decimal point (`1 0 ．0 6 ‰`) starts where the run before it ended, at
    // the point it took as its unit: a second pass joins it.
    let joined = join(&join(line));
    let joined = DIGIT_SPACE_UNIT.replace_all(&joined, "$1$2");
    SPACED_POINT.replace_all(&joined, "$1$2$3").into_owned()
}

/// The separators of Chinese text, in both widths: no space stands on either side of them.
const SEPARATORS: [char; 10] = ['，', ',', '、', '。', '；', ';', '：', ':', '！', '？'];

/// Punctuation that Chinese text never puts a space before: the separators and closing
/// brackets, in both widths.
fn takes_no_space_before(c: char) -> bool {
    SEPARATORS.contains(&c) || "）)》」』”】〕".contains(c)
}

/// The share of separators with a space before them above which a document shows the damage
/// of PDF extraction: a few in a document are typing slips (seven of the seeds' and dev's
/// documents have one to six among thousands); the newspaper plan of the real set has them
/// before nearly every one (2,628 of 2,666).
const SPACED_PUNCTUATION_SHARE: f64 = 0.2;
/// Fewer spaced marks than this never mark a document, whatever their share.
const SPACED_PUNCTUATION_MIN: usize = 20;

/// Whether the lines show PDF extraction's spaces before punctuation (`增强 。`, `省委 、`)
/// often enough to repair them.
pub fn has_spaced_punctuation<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (mut spaced, mut marks) = (0usize, 0usize);
    for line in lines {
        let mut before_space: Option<char> = None;
        let mut prev: Option<char> = None;
        for c in line.chars() {
            if takes_no_space_before(c) {
                marks += 1;
                if prev == Some(' ') && before_space.is_some_and(|b| !b.is_whitespace()) {
                    spaced += 1;
                }
            }
            if c == ' ' {
                if prev != Some(' ') {
                    before_space = prev;
                }
            } else {
                before_space = None;
            }
            prev = Some(c);
        }
    }
    spaced >= SPACED_PUNCTUATION_MIN && spaced as f64 >= marks as f64 * SPACED_PUNCTUATION_SHARE
}

/// Punctuation that Chinese text never puts a space after: the separators and opening
/// brackets, in both widths.
fn takes_no_space_after(c: char) -> bool {
    SEPARATORS.contains(&c) || "（(《「『“【〔".contains(c)
}

/// Drops the spaces PDF extraction put around punctuation: `增强 。` → `增强。`,
/// `省委 、 省政府 ,` → `省委、省政府,`. An indent (spaces opening the line) stays, and so do
/// spaces between words (`区司法局 区财政局`).
pub fn join_spaced_punctuation(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending = 0;
    let mut last: Option<char> = None;
    for c in line.chars() {
        if c == ' ' && last.is_some() {
            pending += 1;
            continue;
        }
        if !takes_no_space_before(c) && !last.is_some_and(takes_no_space_after) {
            out.extend(std::iter::repeat_n(' ', pending));
        }
        pending = 0;
        out.push(c);
        last = Some(c);
    }
    out.extend(std::iter::repeat_n(' ', pending));
    out
}

/// Fewer lines than this never mark a text as hard-wrapped.
const WRAP_MIN_LINES: usize = 20;
/// Narrower wraps than this (in columns, a Chinese character two) are not sought: short lines
/// are headings and list items.
const WRAP_MIN_WIDTH: usize = 30;
/// The share of lines stopping within two columns of one width that marks a hard-wrapped text.
/// The 47 documents of the seeds, dev and real sets, each line a paragraph, have at most 0.26
/// (a 北大法宝 export of short headings); the dev set's texts wrapped at 38 characters, 0.42–0.69.
const WRAP_SHARE: f64 = 0.35;

/// The width, in columns (a Chinese character two), at which a text's lines were hard-wrapped,
/// when so many of them stop within two columns of one width that a converter cut them there.
pub fn hard_wrap_width<'a>(lines: impl Iterator<Item = &'a str>) -> Option<usize> {
    let mut widths: BTreeMap<usize, usize> = BTreeMap::new();
    let mut total = 0usize;
    for l in lines.filter(|l| !l.trim().is_empty()) {
        *widths.entry(l.trim_end().width()).or_default() += 1;
        total += 1;
    }
    if total < WRAP_MIN_LINES {
        return None;
    }
    let within = |w: usize| (w - 2..=w).filter_map(|x| widths.get(&x)).sum::<usize>();
    let (width, lines) = widths
        .keys()
        .filter(|w| **w >= WRAP_MIN_WIDTH)
        .map(|&w| (w, within(w)))
        .fold(None, |best: Option<(usize, usize)>, (w, n)| match best {
            Some((_, m)) if m >= n => best,
            _ => Some((w, n)),
        })?;
    (lines as f64 >= total as f64 * WRAP_SHARE).then_some(width)
}

/// A line opening with an outline number: `一、`, `（六）`, `3.`, `第二章`.
pub(crate) static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|\d{1,2}[、．.]|第[一二三四五六七八九十]+[章条节])")
        .expect("static regex")
});

/// Whether `next` goes on with the paragraph that a wrap at `width` columns cut `line` from:
/// `line` fills the width and stops inside a sentence (a colon goes on: `责任单位：⏎省发展改革委`),
/// and `next` opens no paragraph (it has
/// words, no indent and no outline number: a paragraph that ends by chance at the width is
/// followed by the next item, `（六）实施…`, where a decimal cut by the wrap, `1.5亿元`, goes on).
pub fn continues_wrapped(line: &str, next: &str, width: usize) -> bool {
    let line = line.trim_end();
    let numbered = || {
        NUMBERED
            .find(next)
            .is_some_and(|m| !next[m.end()..].starts_with(|c: char| c.is_ascii_digit()))
    };
    line.width() + 2 >= width
        && !line.ends_with(['。', '！', '？', '；', '!', '?', ';'])
        && !next.trim().is_empty()
        && !next.starts_with(char::is_whitespace)
        && !numbered()
}

/// A paragraph indent run into the previous paragraph: spaces then two em or ideographic spaces.
static RUN_IN_INDENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \t]+([\u{2003}\u{3000}]{2})").expect("static regex"));

/// Lines longer than this that hold several run-in indents are split into paragraphs.
const RUN_IN_MIN_LEN: usize = 2000;

/// Splits a line that holds several paragraphs, each still opened by its indent, into lines.
pub fn split_run_in_paragraphs(line: &str) -> Option<String> {
    if line.len() < RUN_IN_MIN_LEN || RUN_IN_INDENT.find_iter(line).take(3).count() < 3 {
        return None;
    }
    Some(RUN_IN_INDENT.replace_all(line, "\n$1").into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_and_lone_cr_become_lf() {
        assert_eq!(
            unify_line_ends("一、总体要求\r\n二、重点任务\r三"),
            "一、总体要求\n二、重点任务\n三"
        );
    }

    #[test]
    fn zero_width_spaces_are_dropped() {
        assert_eq!(
            unify_line_ends("\u{200B}\n各位代表\u{FEFF}："),
            "\n各位代表："
        );
    }

    #[test]
    fn spaced_digits_are_joined_with_their_unit() {
        assert_eq!(
            join_spaced_digits("全省生产总值达到1 8 5 6 亿元，比1 9 9 5 年增长9 ％"),
            "全省生产总值达到1856亿元，比1995年增长9％"
        );
        assert_eq!(
            join_spaced_digits("(2 0 0 1年2月1 6日通过)"),
            "(2001年2月16日通过)"
        );
        assert_eq!(
            join_spaced_digits("授予专利权2 2 ．4 万件"),
            "授予专利权22．4万件"
        );
        // Digits spaced after a decimal point are joined too.
        assert_eq!(
            join_spaced_digits("人口自然增长率下降到1 0 ．0 6 ‰。"),
            "人口自然增长率下降到10．06‰。"
        );
    }

    #[test]
    fn ordinary_numbers_are_left_alone() {
        let s = "完成投资300亿元，新增学位3.09万个，第 A0 1版";
        assert_eq!(join_spaced_digits(s), s);
    }

    #[test]
    fn one_spaced_run_does_not_mark_a_document() {
        assert!(!has_spaced_digits("编号 1 2 3 的三项任务"));
        assert!(has_spaced_digits("1 9 9 8 年，2 0 0 1 年，3 2 5 1 亿美元"));
        assert!(has_spaced_digits("到2 0 2 6年，产业规模扩大"));
        assert!(!has_spaced_digits("到2026年，产业规模扩大"));
    }

    #[test]
    fn spaces_before_punctuation_are_dropped() {
        assert_eq!(
            join_spaced_punctuation("过去的五年 , 面对复杂环境 , 省委 、 省政府团结带领全省 。"),
            "过去的五年,面对复杂环境,省委、省政府团结带领全省。"
        );
        // An indent stays, and so do spaces before words.
        assert_eq!(
            join_spaced_punctuation("  责任单位 : 区司法局 区财政局"),
            "  责任单位:区司法局 区财政局"
        );
    }

    #[test]
    fn a_few_spaced_marks_do_not_mark_a_document() {
        let typo = "加强管理 ，落实责任。".repeat(5);
        assert!(!has_spaced_punctuation([typo.as_str()].into_iter()));
        let damaged = "加强管理 ,落实责任 。".repeat(20);
        assert!(has_spaced_punctuation([damaged.as_str()].into_iter()));
        // Indents before a line's first mark are no damage.
        let lists = "  （一）加强管理。\n".repeat(40);
        assert!(!has_spaced_punctuation(lists.lines()));
    }

    /// Wrapped text: most lines of one width (a Chinese character two columns).
    fn wrapped(width_chars: usize) -> String {
        let para =
            "各地区各部门要加强组织领导，健全工作机制，确保年底前完成各项任务目标。".repeat(6);
        let chars: Vec<char> = para.chars().collect();
        let mut text = String::new();
        for _ in 0..4 {
            text.push_str("　　");
            for (i, chunk) in chars.chunks(width_chars).enumerate() {
                if i > 0 {
                    text.push('\n');
                }
                text.extend(chunk);
            }
            text.push('\n');
        }
        text
    }

    #[test]
    fn a_text_cut_at_one_width_is_hard_wrapped() {
        let text = wrapped(38);
        let width = hard_wrap_width(text.lines()).unwrap();
        assert_eq!(width, 76);
        // Paragraphs of their own lengths are no wrap.
        let paragraphs =
            "一、总体要求\n加强组织领导。\n（一）健全工作机制，确保完成任务。\n".repeat(10);
        assert_eq!(hard_wrap_width(paragraphs.lines()), None);
    }

    #[test]
    fn a_full_line_inside_a_sentence_goes_on_in_the_next() {
        // 35 characters, four of them digits a column wide: 66 columns.
        let full = "各地区各部门要加强组织领导，健全工作机制，确保2025年底前完成各项任";
        assert_eq!(full.width(), 66);
        assert!(continues_wrapped(full, "务目标。", 66));
        assert!(continues_wrapped(full, "务目标。", 68));
        // A line that ends a sentence, or a next line that is indented or blank, does not.
        assert!(!continues_wrapped(
            "各地区各部门要加强组织领导，健全工作机制，确保2025年底前完成各项任务。",
            "二、保障措施",
            70
        ));
        assert!(!continues_wrapped(full, "　　务目标。", 66));
        assert!(!continues_wrapped(full, "", 66));
        assert!(continues_wrapped(
            "全省人工智能产业规模达到600亿元。（牵头单位：省工业和信息化厅；责任单位：",
            "省发展改革委、省科技厅）",
            74
        ));
        // An outline number opens a paragraph of its own; a decimal cut by the wrap does not.
        assert!(!continues_wrapped(
            full,
            "（六）实施虚拟现实“提质”工程。",
            66
        ));
        assert!(continues_wrapped(full, "1.5亿元。", 66));
        // A short line is a line of its own.
        assert!(!continues_wrapped("一、总体要求", "加强组织领导。", 66));
    }

    #[test]
    fn run_in_paragraphs_are_split_at_their_indent() {
        let para = "现在，我代表市人民政府向大会报告工作。".repeat(40);
        let line = format!(
            "各位代表： \u{2003}\u{2003}{para} \u{2003}\u{2003}{para} \u{2003}\u{2003}{para}"
        );
        let split = split_run_in_paragraphs(&line).unwrap();
        assert_eq!(split.lines().count(), 4);
        assert!(
            split
                .lines()
                .nth(1)
                .unwrap()
                .starts_with("\u{2003}\u{2003}现在")
        );
        assert!(split_run_in_paragraphs("短行 \u{2003}\u{2003}一").is_none());
    }

    #[test]
    fn nfkc_unifies_widths_and_drops_spaces() {
        assert_eq!(nfkc("时间： 2022－01－30"), "时间:2022-01-30");
    }

    #[test]
    fn the_characters_taken_as_stable_are_their_own_nfkc() {
        let ranges = [
            ('\u{0}', '\u{7F}'),
            ('\u{4E00}', '\u{9FFF}'),
            ('\u{3001}', '\u{3029}'),
            ('\u{2010}', '\u{2010}'),
            ('\u{2012}', '\u{2016}'),
            ('\u{2018}', '\u{2023}'),
            ('\u{2030}', '\u{2030}'),
            ('\u{B7}', '\u{B7}'),
        ];
        for (lo, hi) in ranges {
            for c in lo..=hi {
                assert!(is_nfkc_stable(c));
                let s = format!("a{c}");
                assert_eq!(s.nfkc().collect::<String>(), s, "U+{:04X}", c as u32);
                assert_eq!(
                    unicode_normalization::char::canonical_combining_class(c),
                    0,
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn nfkc_takes_the_normaliser_for_what_the_width_map_does_not_cover() {
        // `…` and `㈠` have compatibility forms outside the full-width block; `ｶ` is a
        // half-width kana; `é` written as e + U+0301 composes.
        for s in [
            "工作要点…",
            "㈠加强组织领导",
            "ｶﾞ",
            "cafe\u{301}",
            "第１条　总则",
        ] {
            let want: String = s.nfkc().filter(|c| !c.is_whitespace()).collect();
            assert_eq!(nfkc(s), want, "{s}");
        }
    }
}
