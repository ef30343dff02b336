//! Item numbers ("labels") at the head of a line: `一、` `(一)` `1.` `1、` `(1)` `①` `第一条`
//! `第一章`, `附件1`, and the inline `一是`.
//!
//! A label is recognised on the width-folded line (so `（一）` and `１．` are read as `(一)`
//! and `1.`); [`Label::text`] is its normalised form as the spec prints it. The numbering
//! *style* decides nesting in the outline ([`crate::outline`]): `1.`, `1、` and `1．` are one
//! style, because documents mix them within one list.

use crate::numeral::chinese_value;
use regex::Regex;
use std::sync::LazyLock;

/// The numbering style of a label; items of one style at one place are siblings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// `第一编`, `第一部分`.
    Part,
    /// `第一章`.
    Chapter,
    /// `第一节`.
    Section,
    /// `第一条`.
    Article,
    /// `一、`.
    ZhComma,
    /// `(一)`.
    ZhParen,
    /// `1.`, `1、`, `1．`.
    Arabic,
    /// `(1)`, `1)`.
    ArabicParen,
    /// `①`.
    Circled,
    /// `一是`, inline.
    ZhIs,
    /// A bare number alone on a line: the 序号 cell of a flattened table.
    Bare,
}

impl Style {
    /// The usual depth of the style in Chinese official documents (一、 above （一） above 1.
    /// above （1） above ①): a style first seen below a deeper one closes it instead of
    /// nesting under it.
    pub fn rank(self) -> u8 {
        match self {
            Style::Part => 0,
            Style::Chapter => 1,
            Style::Section => 2,
            Style::Article => 3,
            Style::ZhComma => 4,
            Style::ZhParen => 5,
            Style::Arabic | Style::Bare => 6,
            Style::ArabicParen => 7,
            Style::Circled => 8,
            Style::ZhIs => 9,
        }
    }
}

/// A recognised label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// Its style.
    pub style: Style,
    /// Its number.
    pub number: u32,
    /// The normalised label text (`26.`, `(一)`, `1、`, `第一条`).
    pub text: String,
    /// Length in bytes of the label in the folded line (including spaces after it).
    pub len: usize,
}

const ZH: &str = "[一二三四五六七八九十百零〇两]+";

/// The head of a line that opens with a label. An Arabic number's separator may also be a
/// private-use character: spreadsheet and PDF exports print the full stop of `1．` with a font's
/// private glyph (U+E010). Word processors also print a number and its brackets or dot as one
/// glyph (`⑴`, `⒈`, `㈠`), which NFKC reads as `(1)`, `1.`, `(一)`.
static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?P<part>第{ZH}(?:编|篇|部分))|(?P<chapter>第{ZH}章)|(?P<section>第{ZH}节)|(?P<article>第{ZH}条)|(?P<zhc>{ZH})\s*(?P<zhsep>、|\.)|\((?P<zhp>{ZH})\)|(?P<arp>\(\d{{1,3}}\)|\d{{1,2}}\))|(?P<ar>\d{{1,3}})\s*(?P<arsep>[.、．,，\u{{E000}}-\u{{F8FF}}](?:\s|$)?)|(?P<circ>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])|(?P<glyph>[\u{{2474}}-\u{{249B}}\u{{3220}}-\u{{3229}}]))\s*"
    ))
    .expect("label pattern compiles")
});

static ATTACHMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^附\s*[件表]\s*(?P<n>\d{1,2}|[一二三四五六七八九十]+)?\s*(?P<colon>[:：])?\s*")
        .expect("attachment pattern compiles")
});

/// A year or a month opening an item's text (`1.2023年6月底前，完成…`, `3．6月底前完成`): no
/// decimal reads so, so the dot before it ends a label.
static DATE_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:19|20)\d{2}(?:年|\s*[-－—–~～至到]\s*(?:19|20)\d{2}年)|(?:1[0-2]|[1-9])(?:月|\s*[-－—–~～至到]\s*(?:1[0-2]|[1-9])月))")
        .expect("date opening pattern compiles")
});

/// Reads the label at the start of a folded, left-trimmed line.
///
/// ```
/// use duban_extract::label::{read_label, Style};
/// let l = read_label("（二十）加强行政机关工作人员法律知识培训").unwrap();
/// assert_eq!((l.style, l.number, l.text.as_str()), (Style::ZhParen, 20, "(二十)"));
/// ```
pub fn read_label(line: &str) -> Option<Label> {
    // A label is a few characters at the line's start: fold only a head of the line, and the
    // whole line only when the match runs to the end of that head (a long run of spaces).
    const HEAD_CHARS: usize = 48;
    let head_end = line
        .char_indices()
        .nth(HEAD_CHARS)
        .map_or(line.len(), |(i, _)| i);
    let mut folded = crate::fold::fold(&line[..head_end]);
    if head_end < line.len() && HEAD.find(&folded).is_some_and(|m| m.end() == folded.len()) {
        folded = crate::fold::fold(line);
    }
    let caps = HEAD.captures(&folded)?;
    let len = caps.get(0).map_or(0, |m| m.end());
    let zh = |name: &str| caps.name(name).map(|m| m.as_str());
    let inner_number = |s: &str| -> Option<u32> {
        let digits: String = s
            .chars()
            .filter(|c| !matches!(c, '第' | '章' | '节' | '条' | '编' | '篇' | '部' | '分'))
            .collect();
        chinese_value(&digits)
    };
    let (style, number, text) = if let Some(s) = zh("part") {
        (Style::Part, inner_number(s)?, s.to_string())
    } else if let Some(s) = zh("chapter") {
        (Style::Chapter, inner_number(s)?, s.to_string())
    } else if let Some(s) = zh("section") {
        (Style::Section, inner_number(s)?, s.to_string())
    } else if let Some(s) = zh("article") {
        (Style::Article, inner_number(s)?, s.to_string())
    } else if let Some(s) = zh("zhc") {
        // `一.`/`一．` is the same level as `一、`, printed with a dot.
        let dotted = zh("zhsep") == Some(".");
        if dotted && folded[len..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let sep = if dotted { "." } else { "、" };
        (Style::ZhComma, chinese_value(s)?, format!("{s}{sep}"))
    } else if let Some(s) = zh("zhp") {
        (Style::ZhParen, chinese_value(s)?, format!("({s})"))
    } else if let Some(s) = zh("arp") {
        let n: String = s.chars().filter(char::is_ascii_digit).collect();
        (Style::ArabicParen, n.parse().ok()?, format!("({n})"))
    } else if let Some(s) = zh("ar") {
        let sep = zh("arsep").unwrap_or(".").trim();
        // `2015.` would be a year, `1,200` a number: a label's number is short and its
        // separator is not followed by a digit.
        // A space after the separator makes it a label even before a number (`5. 100周岁`):
        // a decimal point is never followed by one.
        let sep_end = caps.name("arsep").map_or(0, |m| {
            m.start() + m.as_str().chars().next().map_or(0, char::len_utf8)
        });
        let after = &folded[sep_end..];
        if after.starts_with(|c: char| c.is_ascii_digit())
            && sep != "、"
            && !DATE_OPENING.is_match(after)
        {
            return None;
        }
        if matches!(sep, "," | "，") {
            return None;
        }
        let sep = if sep == "、" { "、" } else { "." };
        (Style::Arabic, s.parse().ok()?, format!("{s}{sep}"))
    } else if let Some(s) = zh("circ") {
        let c = s.chars().next()?;
        (Style::Circled, c as u32 - '①' as u32 + 1, s.to_string())
    } else if let Some(s) = zh("glyph") {
        enclosed_label(s.chars().next()?)?
    } else {
        return None;
    };
    // `一、` must not be the start of a word such as `一、二类`; require content or line end.
    Some(Label {
        style,
        number,
        text,
        len: original_len(line, &folded, len),
    })
}

/// The style, number and normalised text of a one-glyph label: `⑴`–`⒇` are `(1)`–`(20)`,
/// `⒈`–`⒛` are `1.`–`20.`, `㈠`–`㈩` are `(一)`–`(十)`.
fn enclosed_label(c: char) -> Option<(Style, u32, String)> {
    let code = c as u32;
    match c {
        '\u{2474}'..='\u{2487}' => {
            let n = code - 0x2474 + 1;
            Some((Style::ArabicParen, n, format!("({n})")))
        }
        '\u{2488}'..='\u{249B}' => {
            let n = code - 0x2488 + 1;
            Some((Style::Arabic, n, format!("{n}.")))
        }
        '\u{3220}'..='\u{3229}' => {
            let n = code - 0x3220 + 1;
            let zh = "一二三四五六七八九十".chars().nth(n as usize - 1)?;
            Some((Style::ZhParen, n, format!("({zh})")))
        }
        _ => None,
    }
}

/// Byte length in the original line of the first `folded_len` bytes of its folded copy.
fn original_len(line: &str, folded: &str, folded_len: usize) -> usize {
    let chars = folded[..folded_len].chars().count();
    line.char_indices()
        .nth(chars)
        .map_or(line.len(), |(i, _)| i)
}

/// A line that opens an attachment: `附件1`, `附件 2`, `附件:`; returns its number if printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentHead {
    /// The attachment number, when printed (`附件3` → 3).
    pub number: Option<u32>,
    /// Whether a colon follows (`附件:` introduces a list of attachment titles).
    pub colon: bool,
    /// Text after the head on the same line.
    pub rest: String,
}

/// Reads an attachment head at the start of a folded line.
pub fn read_attachment(line: &str) -> Option<AttachmentHead> {
    // `附` has no other width: most lines are ruled out before they are folded.
    if !line.trim_start().starts_with('附') {
        return None;
    }
    let folded = crate::fold::fold(line.trim());
    let caps = ATTACHMENT.captures(&folded)?;
    let number = caps.name("n").and_then(|m| {
        let s = m.as_str();
        s.parse().ok().or_else(|| chinese_value(s))
    });
    let rest = folded[caps.get(0).map_or(0, |m| m.end())..]
        .trim()
        .to_string();
    Some(AttachmentHead {
        number,
        colon: caps.name("colon").is_some(),
        rest,
    })
}

/// A bare number alone on a line (the 序号 cell of a flattened table).
pub fn read_bare_number(line: &str) -> Option<u32> {
    let t = crate::fold::fold(line.trim());
    if (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse().ok();
    }
    None
}

static INLINE_IS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<boundary>^|[。；;：:！!\n])?\s*(?P<label>(?P<n>[一二三四五六七八九十]+)是)")
        .expect("inline pattern compiles")
});

static INLINE_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[。；;：:\n])\s*(?P<label>(?P<n>[一二三四五六七八九十]+)、)")
        .expect("inline pattern compiles")
});

/// An inline label inside a paragraph, with its byte offset in the folded paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineLabel {
    /// The label (`一是`, `二、`).
    pub label: Label,
    /// Byte offset of the label in the folded text.
    pub start: usize,
}

/// The inline enumeration of a paragraph: `一是…二是…三是…` (or `一、…二、…` after a sentence
/// end), when it counts up from one without gaps; fewer than two items is no enumeration.
///
/// ```
/// use duban_extract::label::inline_enumeration;
/// let items = inline_enumeration("重点抓好两件事：一是加快立法。二是严格执法。");
/// assert_eq!(items.iter().map(|i| i.label.text.as_str()).collect::<Vec<_>>(), ["一是", "二是"]);
/// ```
pub fn inline_enumeration(folded: &str) -> Vec<InlineLabel> {
    for (re, style, suffix) in [
        (&*INLINE_IS, Style::ZhIs, "是"),
        (&*INLINE_COMMA, Style::ZhComma, "、"),
    ] {
        let mut out: Vec<InlineLabel> = Vec::new();
        // A `一是` run on from the words before it, with no stop between: a heading whose page
        // lost its line break (`…壮大财源税源一是全面加强财源管理；二是…`). It opens the list
        // only where `二是` opens a clause of its own after it.
        let mut glued_first = false;
        for caps in re.captures_iter(folded) {
            let (Some(label), Some(n)) = (caps.name("label"), caps.name("n")) else {
                continue;
            };
            let Some(number) = chinese_value(n.as_str()) else {
                continue;
            };
            if number as usize != out.len() + 1 {
                continue;
            }
            let bounded =
                caps.name("boundary").is_some() || caps.get(0).is_some_and(|m| m.start() == 0);
            // `一是` must open a sentence or follow a heading's last word (`统一是`, `之一是`
            // are no labels); a later number that continues a started enumeration may follow a
            // sentence whose full stop was lost.
            if style == Style::ZhIs && number == 1 && !bounded {
                if !one_opens_a_word(folded, label.start()) {
                    continue;
                }
                glued_first = true;
            }
            if glued_first && number == 2 && !bounded {
                break;
            }
            if style == Style::ZhIs && !bounded && number > 1 && out.is_empty() {
                continue;
            }
            out.push(InlineLabel {
                label: Label {
                    style,
                    number,
                    text: format!("{}{suffix}", n.as_str()),
                    len: label.as_str().len(),
                },
                start: label.start(),
            });
        }
        if out.len() >= 2 {
            return out;
        }
    }
    Vec::new()
}

/// Whether the `一` at `at` follows a Chinese word's end rather than closing a word made with
/// the character before it (`统一是`, `唯一是`, `之一是`: no label; `压实安全生产责任一是`,
/// `加强部门协同一是`: a heading's last word, then the label), as the segmenter cuts the words
/// around it.
fn one_opens_a_word(folded: &str, at: usize) -> bool {
    let before = crate::fold::last_chars(&folded[..at], 6);
    // A heading ending in a quoted slogan (`…把牢对党忠诚“方向盘”一是`): no word runs on
    // across a closing quote or bracket.
    if before.ends_with(['”', '’', '」', '』', '》', ')', '）', '"']) {
        return true;
    }
    if !before.ends_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
        return false;
    }
    let window = format!("{before}一是");
    duban_segment::Segmenter::shared()
        .tokens(&window)
        .iter()
        .any(|t| t.start == before.len())
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_label_read_from_the_head_of_a_long_line_is_the_whole_line_reading() {
        let spaces = " ".repeat(60);
        let line = format!("（三）{spaces}加强行政执法队伍建设");
        let l = read_label(&line).unwrap();
        assert_eq!(&line[l.len..], "加强行政执法队伍建设");
        let long = format!("12.{}", "推进依法行政".repeat(30));
        assert_eq!(read_label(&long).map(|l| l.number), Some(12));
    }

    use super::*;

    fn label(s: &str) -> Option<(Style, u32, String)> {
        read_label(s).map(|l| (l.style, l.number, l.text))
    }

    /// An export that prints the full stop of `2．` as a private-use glyph still numbers the item.
    #[test]
    fn a_private_use_glyph_after_a_number_is_its_full_stop() {
        assert_eq!(
            label("2\u{E010}强化核心技术攻关。"),
            Some((Style::Arabic, 2, "2.".into()))
        );
    }

    /// A number after a space is the item's first word, not the decimals of its label.
    #[test]
    fn a_label_before_a_spaced_number_is_a_label() {
        assert_eq!(
            label("5. 100周岁及以上的"),
            Some((Style::Arabic, 5, "5.".into()))
        );
        assert_eq!(label("3.5万人次参加培训"), None);
    }

    /// A number printed with its brackets or dot as one glyph is the label NFKC reads.
    #[test]
    fn one_glyph_numbers_are_labels() {
        assert_eq!(
            label("⑴巩固脱贫成果"),
            Some((Style::ArabicParen, 1, "(1)".into()))
        );
        assert_eq!(
            label("⒉加强作风建设"),
            Some((Style::Arabic, 2, "2.".into()))
        );
        assert_eq!(label("㈡抓整治"), Some((Style::ZhParen, 2, "(二)".into())));
        assert_eq!(
            label("⒇完善制度"),
            Some((Style::ArabicParen, 20, "(20)".into()))
        );
    }

    /// A year or a month after the dot is the item's first words: a decimal never reads so.
    #[test]
    fn a_label_before_a_date_is_a_label() {
        assert_eq!(
            label("1.2023年6月底前，完成隐患排查"),
            Some((Style::Arabic, 1, "1.".into()))
        );
        assert_eq!(
            label("3．6月底前完成"),
            Some((Style::Arabic, 3, "3.".into()))
        );
        assert_eq!(
            label("2.11月完成验收"),
            Some((Style::Arabic, 2, "2.".into()))
        );
        assert_eq!(label("1.25万人参加"), None);
        assert_eq!(label("1.5个月内完成"), None);
    }

    #[test]
    fn chinese_comma_labels_open_sections() {
        assert_eq!(
            label("三、保障措施"),
            Some((Style::ZhComma, 3, "三、".into()))
        );
    }

    #[test]
    fn full_width_parenthesised_numbers_are_normalised_to_half_width() {
        assert_eq!(
            label("（十一）自觉接受人大监督"),
            Some((Style::ZhParen, 11, "(十一)".into()))
        );
    }

    #[test]
    fn arabic_labels_keep_their_separator_kind() {
        assert_eq!(
            label("26.强化组织领导"),
            Some((Style::Arabic, 26, "26.".into()))
        );
        assert_eq!(
            label("2、深化体制改革"),
            Some((Style::Arabic, 2, "2、".into()))
        );
        assert_eq!(label("3．完善程序"), Some((Style::Arabic, 3, "3.".into())));
        assert_eq!(
            label("6. 梳理公布目录"),
            Some((Style::Arabic, 6, "6.".into()))
        );
    }

    #[test]
    fn a_chinese_numeral_with_a_dot_is_a_section_label() {
        assert_eq!(
            label("二．主要任务"),
            Some((Style::ZhComma, 2, "二.".into()))
        );
        assert_eq!(
            read_label("二．主要任务").map(|l| l.len),
            Some("二．".len())
        );
    }

    #[test]
    fn a_year_or_a_decimal_is_not_a_label() {
        assert_eq!(label("2015年，全市完成"), None);
        assert_eq!(label("1.5万人参加培训"), None);
    }

    #[test]
    fn articles_chapters_and_circled_numbers_are_labels() {
        assert_eq!(
            label("第十二条 数据共享"),
            Some((Style::Article, 12, "第十二条".into()))
        );
        assert_eq!(
            label("第三章 保障措施"),
            Some((Style::Chapter, 3, "第三章".into()))
        );
        assert_eq!(label("②建立台账"), Some((Style::Circled, 2, "②".into())));
        assert_eq!(
            label("（3）加强培训"),
            Some((Style::ArabicParen, 3, "(3)".into()))
        );
    }

    #[test]
    fn the_label_length_is_measured_in_the_original_line() {
        let l = read_label("（一）完善制度").unwrap();
        assert_eq!(&"（一）完善制度"[l.len..], "完善制度");
    }

    #[test]
    fn attachment_heads_are_read_with_their_number() {
        assert_eq!(read_attachment("附件3").unwrap().number, Some(3));
        assert!(read_attachment("附件：1.考核办法").unwrap().colon);
        assert!(read_attachment("附属设施建设").is_none());
        // A form attached (`附表：1.申请表`) is an attachment too.
        assert!(
            read_attachment("附表：1.广州市就业见习基地申请表")
                .unwrap()
                .colon
        );
    }

    #[test]
    fn inline_enumeration_needs_a_sentence_boundary() {
        assert!(inline_enumeration("祖国统一是历史潮流，两岸统一是大势所趋").is_empty());
    }

    /// A heading that lost its line break runs on into `一是` (`…壮大财源税源一是全面加强…；
    /// 二是…`): the list opens there where `二是` opens a clause of its own; words made with
    /// `一` (`统一是`, `之一是`) and a `二是` run on too open none.
    #[test]
    fn a_first_item_run_on_from_a_heading_opens_a_list_that_goes_on_in_clauses() {
        let items = inline_enumeration(
            "狠抓收入管理，着力培植壮大财源税源一是全面加强财源管理；二是加强非税收入征管。",
        );
        assert_eq!(
            items
                .iter()
                .map(|i| i.label.text.as_str())
                .collect::<Vec<_>>(),
            ["一是", "二是"]
        );
        assert!(inline_enumeration("其中之一是加强管理；二是完善制度。").is_empty());
        let items = inline_enumeration(
            "思想先行，把牢对党忠诚“方向盘”一是政治理论学习入脑入心。二是党建阵地持续夯实。",
        );
        assert_eq!(items.len(), 2, "a heading ending in a quoted slogan");
        for heading in ["压实安全生产责任", "加强部门协同", "完善应急指挥系统"]
        {
            let items = inline_enumeration(&format!("{heading}一是压实责任；二是加强检查。"));
            assert_eq!(items.len(), 2, "{heading}");
        }
        assert!(inline_enumeration("财源税源一是全面加强财源管理二是加强征管。").is_empty());
    }

    #[test]
    fn a_continuing_item_after_a_lost_full_stop_is_found() {
        let items = inline_enumeration("一是完善规则。二是落实审查，提供保障三是健全追究制度。");
        assert_eq!(items.len(), 3);
    }

    #[test]
    fn inline_chinese_comma_items_after_a_colon_are_an_enumeration() {
        let items = inline_enumeration("说明：一、自查。各单位自查。二、抽查。三、通报。");
        assert_eq!(items.len(), 3);
        assert_eq!(items[2].label.text, "三、");
    }
}
