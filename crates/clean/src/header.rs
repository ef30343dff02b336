//! A crawler's header block: labelled lines, then a marker where the page's text begins.
//!
//! Archives of crawled pages often store each page as a text file that opens with what the
//! crawler knew of it, one `label: value` a line (`标题: …`, `发布时间: 2019-07-19 10:12`,
//! `文号: …`, `发布机构: …`, `栏目: …`, `原文链接: URL`), perhaps a note of its own (`页面链接与图片
//! 详见 links.tsv`), and then a marker line (`===== 正文 =====`, `【正文】`) after which the page
//! follows. The lines above the marker are the record's, not the document's: their values are
//! metadata, and the text starts after the marker.
//!
//! This module only finds such a block at the head of a text and reads its labelled lines; it
//! does not look for labels anywhere else (see `fields` and `chrome`).

use crate::fields::{Field, label_of};
use crate::text::nfkc;
use regex::Regex;
use std::sync::LazyLock;

/// A header block is looked for among this many first lines.
const MAX_HEADER_LINES: usize = 24;
/// A line of the block longer than this (in characters) is text, not a record's note.
const MAX_HEADER_LINE_CHARS: usize = 300;

/// A marker line: `正文`/`全文`/`内容` alone, framed by a rule of `=`, `-`, `*`, `#` or `─`, or
/// in brackets (`【正文】`, `[正文]`), or followed by a colon.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[=\-*#_~─━—]{3,}(?:正文|全文|内容|原文)[=\-*#_~─━—]{3,}|[【\[<]?(?:正文|全文|正文内容)[】\]>]?:?)$",
    )
    .expect("static regex")
});
/// A labelled line of a record: a short label, a colon, the value (possibly empty).
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*([\p{Han}A-Za-z]{1,8})[\s\u{3000}]*[:：][\s\u{3000}]*(.*?)\s*$")
        .expect("static regex")
});

/// The header block of a text: where its body starts and the fields of its labelled lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// The index of the first line after the marker.
    pub body_start: usize,
    /// The labelled lines' fields, in order; labels the cleaner does not know are `Other`.
    pub fields: Vec<Field>,
}

/// The header block at the head of `lines`, if the text opens with one: at least two labelled
/// lines, nothing longer than a record's note, then a marker line.
pub fn read(lines: &[&str]) -> Option<Header> {
    let marker = lines
        .iter()
        .take(MAX_HEADER_LINES)
        .position(|l| MARKER.is_match(&nfkc(l)))?;
    let block = &lines[..marker];
    if block
        .iter()
        .any(|l| l.chars().count() > MAX_HEADER_LINE_CHARS)
    {
        return None;
    }
    let fields: Vec<Field> = block
        .iter()
        .filter_map(|l| LABELLED.captures(l))
        .map(|c| {
            let name = c[1].to_string();
            let label = label_of(&name);
            Field {
                label,
                name,
                value: c[2].to_string(),
            }
        })
        .collect();
    (fields.len() >= 2).then_some(Header {
        body_start: marker + 1,
        fields,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::Label;

    #[test]
    fn labelled_lines_above_a_body_marker_are_the_records_fields() {
        let lines = [
            "标题: 某县人民政府办公室关于印发农村人居环境整治方案的通知",
            "发布时间: 2021-03-02 09:15",
            "文号: ",
            "来源网址: https://www.example.gov.cn/zwgk/t20210302_1.htm",
            "页面附件另存于同一目录",
            "==================== 正文 ====================",
            "各乡镇人民政府：现将方案印发给你们。",
        ];
        let h = read(&lines).unwrap();
        assert_eq!(h.body_start, 6);
        assert_eq!(h.fields[0].label, Label::Title);
        assert_eq!(h.fields[1].label, Label::Published);
        assert_eq!(h.fields[2].label, Label::DocNumber);
        assert!(h.fields[2].value.is_empty());
        assert_eq!(h.fields[3].label, Label::Other);
    }

    #[test]
    fn a_marker_without_labelled_lines_above_it_is_no_header() {
        assert_eq!(read(&["某县工作方案", "【正文】", "一、总体要求"]), None);
        assert_eq!(read(&["标题: 某县工作方案", "发布时间: 2021-03-02"]), None);
    }
}
