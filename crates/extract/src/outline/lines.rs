//! Lines of the cleaned text, as the outline parser reads them.
//!
//! A line of the text is usually a paragraph, but scraped and exported texts run paragraphs
//! together: pkulaw exports and reports reduced to one line separate them with runs of spaces
//! or em spaces, PDF tables of contents run chapter titles together, and crawler archives
//! print a whole page on one line (`…对有关任务分工如下：一、支持口岸建设。…完成时限：2019年底二、…`).
//! [`lines`] splits those back apart, keeping byte offsets into the original text.
//!
//! A numbered label inside a line opens a new line only where numbering makes it one: it
//! follows a sentence end or a space and starts a list (`一、`, `(一)`, `1.`) or continues one
//! opened earlier in the line, or, with no punctuation before it, it is the very next number
//! of a distinctive style already open in the line (`…2019年11月底三、支持…` after `二、`).
//! A number that only looks like a label (`三、四季度`, `第2.3条`) breaks nothing.

use super::{is_one_phrase, is_sentence};
use crate::fold::fold;
use crate::label::{Style, read_label};
use regex::Regex;
use std::sync::LazyLock;

/// One line of the text with its byte range (without the line break).
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// Byte offset of the line in the document text.
    pub(super) start: usize,
    /// The line, without its line break.
    pub(super) text: &'a str,
}

/// The lines of a text, with paragraphs run together on one line split apart.
pub(super) fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.strip_suffix('\n').unwrap_or(piece);
        let body = body.strip_suffix('\r').unwrap_or(body);
        split_run_on_paragraphs(body, start, &mut out);
        start += piece.len();
    }
    out
}

/// Paragraphs run together on one line with a gap of spaces (`第一章 总则　　第一条 为规范…`,
/// `…成果。   一是闻令而动`): a gap after a sentence end, or before a label, breaks the line.
static PARAGRAPH_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\s\u{200B}]{2,}").expect("gap pattern compiles"));

/// A part, chapter or section label inside a line (`…第三篇推进改革开放第十三章深化各项改革`).
static INNER_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"第[一二三四五六七八九十百零〇]+[篇章节]").expect("heading pattern compiles")
});

/// The attachment list a page flattened onto one line puts after the last item's text
/// (`…邮箱：…qq.com. 附件：1.…清单表2.…`): it opens a line of its own, so that its numbered
/// titles are read as titles, not as the last item's children.
/// An attachment itself after a space opens one too (`…调度表 附件1 列入整顿规范的…清单表`).
static ATTACHMENT_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[。；;！!.\s]\s*(附件\s*[:：])\s*1\s*[.、．]|\s(附件\s*\d{1,2})(?:\s|[:：])")
        .expect("attachment pattern compiles")
});

fn split_run_on_paragraphs<'a>(body: &'a str, start: usize, out: &mut Vec<Line<'a>>) {
    // The characters first: most lines hold no attachment, and the pattern is not run on them.
    if let Some(at) = body
        .contains("附件")
        .then(|| ATTACHMENT_LIST.captures(body))
        .flatten()
        .and_then(|c| c.get(1).or(c.get(2)))
        .map(|m| m.start())
        .filter(|&at| at > 0)
    {
        split_run_on_paragraphs(&body[..at], start, out);
        split_run_on_paragraphs(&body[at..], start + at, out);
        return;
    }
    let mut pieces = Vec::new();
    split_at_gaps(body, start, &mut pieces);
    let mut numbering = Numbering::default();
    for piece in pieces {
        split_at_inline_labels(piece, &mut numbering, out);
    }
}

/// Where a label could start inside a line: a Chinese or Arabic number with its separator, a
/// bracketed number, a circled number or an article. [`read_label`] decides.
static INLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|[（(]\d{1,2}[）)]|\d{1,2}[、.．\u{E000}-\u{F8FF}]|[①-⑳]|第[一二三四五六七八九十百]{1,4}条")
        .expect("inline label pattern compiles")
});

/// The last number of each numbering style seen in a line, so that an inline label is taken
/// only where it continues the numbering.
#[derive(Default)]
struct Numbering {
    last: Vec<(Style, u32)>,
}

impl Numbering {
    fn last(&self, style: Style) -> Option<u32> {
        self.last.iter().find(|(s, _)| *s == style).map(|(_, n)| *n)
    }

    fn see(&mut self, style: Style, number: u32) {
        match self.last.iter_mut().find(|(s, _)| *s == style) {
            Some(entry) => entry.1 = number,
            None => self.last.push((style, number)),
        }
    }
}

/// Splits a line before each inline label that numbering makes a new item (see the module
/// docs).
fn split_at_inline_labels<'a>(line: Line<'a>, numbering: &mut Numbering, out: &mut Vec<Line<'a>>) {
    let body = line.text;
    if let Some(l) = read_label(body.trim_start()) {
        numbering.see(l.style, l.number);
    }
    let mut from = 0;
    for m in INLINE_LABEL.find_iter(body) {
        let at = m.start();
        if at <= from || body[from..at].trim().is_empty() {
            continue;
        }
        let Some(label) = read_label(&body[at..]) else {
            continue;
        };
        let before = body[..at].trim_end();
        let spaced = before.len() < at;
        let prev = before.chars().next_back();
        let after_stop = spaced
            || prev.is_some_and(|c| {
                matches!(
                    c,
                    '。' | '！' | '？' | '；' | '：' | ';' | ':' | '!' | '?' | '”'
                )
            });
        let last = numbering.last(label.style);
        // A printed list may skip a number (`（二十）…（政法综治处负责）（二十二）加强…`): a
        // bracketed Chinese label one past the next, after a stop or a closing bracket, goes on
        // with the list.
        let skipped = label.style == Style::ZhParen
            && last.is_some_and(|n| n >= 2 && label.number == n + 2)
            && (after_stop || prev.is_some_and(|c| matches!(c, ')' | '）')));
        let next = last.is_some_and(|n| label.number == n + 1) || skipped;
        let opens = label.number == 1;
        // Without punctuation only a distinctive label that continues its own list breaks the
        // line: an Arabic number after a Chinese character may be a count (`底2.`), so it also
        // needs its predecessor in the line.
        let distinctive = matches!(
            label.style,
            Style::ZhComma | Style::ZhParen | Style::ArabicParen | Style::Circled | Style::Article
        ) || (label.style == Style::Arabic
            && prev.is_some_and(|c| !c.is_ascii_alphanumeric() && c != '.'));
        // A heading printed without a stop runs straight into its first child
        // (`三、主要任务（一）国企改革效率提高1.法人治理结构得到改进（1）加快…`).
        // Only a bracketed or Arabic label: `一、` after a character is too often a word's end
        // (`坚持知行合一、工学结合`).
        let after_heading = opens
            && distinctive
            && label.style != Style::ZhComma
            && is_heading_run(&body[from..at]);
        let take = if after_stop {
            next || opens
        } else {
            next && distinctive || after_heading
        };
        if !take || matches!(label.style, Style::ZhIs | Style::Bare) {
            continue;
        }
        numbering.see(label.style, label.number);
        out.push(Line {
            start: line.start + from,
            text: &body[from..at],
        });
        from = at;
    }
    out.push(Line {
        start: line.start + from,
        text: &body[from..],
    });
}

/// Whether the text since the last break is a numbered heading alone: a label and a few words
/// that end no sentence (a heading may hold commas: `1.突出政治建设，全面夯实思想根基`).
fn is_heading_run(run: &str) -> bool {
    let run = run.trim();
    read_label(run).is_some() && is_one_phrase(&fold(run), 40)
}

fn split_at_gaps<'a>(body: &'a str, start: usize, out: &mut Vec<Line<'a>>) {
    // Headings run together without sentence punctuation (a table of contents, or a part
    // title followed by its first chapter) are one heading each.
    if !is_sentence(&fold(body)) {
        let mut from = 0;
        for m in INNER_HEADING.find_iter(body) {
            if m.start() > from && !body[from..m.start()].trim().is_empty() {
                out.push(Line {
                    start: start + from,
                    text: &body[from..m.start()],
                });
                from = m.start();
            }
        }
        if from > 0 {
            out.push(Line {
                start: start + from,
                text: &body[from..],
            });
            return;
        }
    }
    let mut from = 0;
    for gap in PARAGRAPH_GAP.find_iter(body) {
        let before = body[from..gap.start()].trim();
        let after = &body[gap.end()..];
        if before.is_empty() || after.is_empty() {
            continue;
        }
        let sentence_end = before.ends_with(['。', '！', '？', '；', '：', '”', ';', ':']);
        // A numbered heading on its own (`一、2020年工作回顾   过去一年…`).
        let heading = read_label(before).is_some()
            && !is_sentence(&fold(before))
            && before.chars().count() <= 40;
        if sentence_end || heading || read_label(after).is_some() {
            out.push(Line {
                start: start + from,
                text: &body[from..gap.start()],
            });
            from = gap.end();
        }
    }
    out.push(Line {
        start: start + from,
        text: &body[from..],
    });
}

/// Byte range of the trimmed part of a line.
pub(super) fn trimmed(line: &Line<'_>) -> (usize, usize) {
    let lead = line.text.len() - line.text.trim_start().len();
    let tail = line.text.trim_end().len();
    (line.start + lead, line.start + tail.max(lead))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        lines(text).iter().map(|l| l.text).collect()
    }

    /// A page printed on one line breaks before a label that follows a sentence end, and before
    /// the next number of an open list even where the full stop was lost.
    #[test]
    fn a_page_on_one_line_breaks_at_its_numbered_items() {
        let line = "现将任务分工如下：一、推进口岸开放。牵头单位：区商务局完成时限：2020年6月底二、建设物流园区。牵头单位：区交通局";
        assert_eq!(
            texts(line),
            [
                "现将任务分工如下：",
                "一、推进口岸开放。牵头单位：区商务局完成时限：2020年6月底",
                "二、建设物流园区。牵头单位：区交通局",
            ]
        );
    }

    /// An attachment list after the last item's text on a flattened page opens a line of its
    /// own.
    #[test]
    fn an_attachment_list_run_on_after_the_text_opens_a_line() {
        let line = "（三）严肃追责。依法追究法律责任。联系人：林某，邮箱：1@qq.com. 附件：1.列入整顿规范的项目清单表2.列入淘汰关闭的项目清单表";
        let got = texts(line);
        assert_eq!(
            got[1..],
            [
                "附件：",
                "1.列入整顿规范的项目清单表",
                "2.列入淘汰关闭的项目清单表"
            ]
        );
        let line =
            "附件：1.项目清单表2.工作进展情况调度表 附件1 列入整顿规范的项目清单表 序号 项目名称";
        assert_eq!(
            texts(line).last().copied(),
            Some("附件1 列入整顿规范的项目清单表 序号 项目名称")
        );
    }

    /// A printed list that skips one number (`（二十）` … `（二十二）`) goes on with it after a
    /// closing bracket or a stop; a jump of two goes on with none.
    #[test]
    fn a_list_that_skips_one_number_goes_on() {
        let line = "（二十）加快屏障建设。加强源头治理（政法综治处负责）（二十二）加强教育培训。组织培训（二十三）完善值守制度。";
        assert_eq!(texts(line).len(), 3, "{:?}", texts(line));
        let line = "（二十）加快屏障建设。加强源头治理（政法综治处负责）（二十三）完善值守制度。";
        assert_eq!(texts(line).len(), 1);
    }

    /// Numbers that only look like labels break nothing: a list that was never opened
    /// (`三、四季度`), a count after a character (`底2.`), a word ending in `一、`.
    #[test]
    fn numbers_that_only_look_like_labels_break_nothing() {
        for line in [
            "做好全年工作。三、四季度重点抓好项目建设。",
            "一、加快建设。力争2020年底2.5万户完成改造。",
            "(九)坚持知行合一、工学结合。",
        ] {
            assert_eq!(texts(line), [line], "{line}");
        }
    }

    /// A heading without a full stop runs straight into its first bracketed or Arabic child.
    #[test]
    fn a_heading_breaks_before_its_first_child() {
        let line = "三、主要任务(一)改革提速1.治理结构得到改进(1)加强董事会建设。配齐配强董事。(2)落实职权。";
        assert_eq!(
            texts(line),
            [
                "三、主要任务",
                "(一)改革提速",
                "1.治理结构得到改进",
                "(1)加强董事会建设。配齐配强董事。",
                "(2)落实职权。",
            ]
        );
    }

    /// Paragraphs run together with a gap of spaces are split at the gap.
    #[test]
    fn paragraphs_run_together_with_spaces_are_split() {
        assert_eq!(
            texts("第一条 为规范管理，制定本办法。　　第二条 本办法适用于全市。"),
            [
                "第一条 为规范管理，制定本办法。",
                "第二条 本办法适用于全市。"
            ]
        );
    }
}
