//! Lines of the cleaned text, as the outline parser reads them.
//!
//! A line of the text is usually a paragraph, but scraped and exported texts run paragraphs
//! together: pkulaw exports and reports reduced to one line separate them with runs of spaces
//! or em spaces, and PDF tables of contents run chapter titles together. [`lines`] splits those
//! back apart, keeping byte offsets into the original text.

use super::is_sentence;
use crate::fold::fold;
use crate::label::read_label;
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

fn split_run_on_paragraphs<'a>(body: &'a str, start: usize, out: &mut Vec<Line<'a>>) {
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
