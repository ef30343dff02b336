//! Labelled page fields: `发布日期:`, `来源:`, `索引号:`, `发文字号:`, `浏览次数:` and their kin.
//!
//! Government pages print the document's publication data as `label: value` pairs, on one
//! line (`时间: 2022-01-30 11:59 来源: 苏州市人民政府办公室 访问量:`) or in the cells of an
//! information table. Such a line is page chrome, not the document's words, but its values are
//! metadata. This module recognises those lines and reads their values; it does not decide
//! where in a page a line may be dropped (see `chrome`).

use crate::dates::parse_date_prefix;
use duban_model::Date;
use regex::Regex;
use std::sync::LazyLock;

/// What a page label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// 发布日期, 发布时间, 时间, 日期.
    Published,
    /// 成文日期.
    Signed,
    /// 来源, 信息来源.
    Source,
    /// 访问量, 浏览次数: a view counter.
    Counter,
    /// 作者, 编辑, 责任编辑.
    Author,
    /// 索引号.
    IndexNo,
    /// 发文字号, 文号.
    DocNumber,
    /// 发文机关, 发布机构.
    Issuer,
    /// 标题.
    Title,
    /// 原文链接, 原文地址: where a crawler found the page.
    Url,
    /// 主题分类, 公开方式 and other catalogue fields.
    Other,
}

/// Labels longest first, so that `发布日期` wins over `日期` and `信息来源` over `来源`.
pub const LABELS: &[(&str, Label)] = &[
    ("发布日期", Label::Published),
    ("发布时间", Label::Published),
    ("公开日期", Label::Published),
    ("发文日期", Label::Signed),
    ("成文日期", Label::Signed),
    ("印发日期", Label::Signed),
    ("信息来源", Label::Source),
    ("文章来源", Label::Source),
    ("稿件来源", Label::Source),
    ("来源", Label::Source),
    ("访问量", Label::Counter),
    ("访问次数", Label::Counter),
    ("浏览次数", Label::Counter),
    ("浏览量", Label::Counter),
    ("点击数", Label::Counter),
    ("点击量", Label::Counter),
    ("点击率", Label::Counter),
    ("阅读次数", Label::Counter),
    ("阅读量", Label::Counter),
    ("阅读数", Label::Counter),
    ("责任编辑", Label::Author),
    ("编辑", Label::Author),
    ("作者", Label::Author),
    ("审核", Label::Author),
    ("校对", Label::Author),
    ("供稿", Label::Author),
    ("索引号", Label::IndexNo),
    ("发文字号", Label::DocNumber),
    ("文号", Label::DocNumber),
    ("发文机关", Label::Issuer),
    ("发布机构", Label::Issuer),
    ("发文单位", Label::Issuer),
    ("标题", Label::Title),
    ("原文链接", Label::Url),
    ("原文地址", Label::Url),
    ("原文网址", Label::Url),
    ("栏目", Label::Other),
    ("所属栏目", Label::Other),
    ("本地目录", Label::Other),
    ("主题分类", Label::Other),
    ("体裁分类", Label::Other),
    ("主题词", Label::Other),
    ("公开方式", Label::Other),
    ("公开范围", Label::Other),
    ("公开时限", Label::Other),
    ("有效性", Label::Other),
    ("字号", Label::Other),
    ("时间", Label::Published),
    ("日期", Label::Published),
];

static LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<&str> = LABELS.iter().map(|(l, _)| *l).collect();
    Regex::new(&format!(r"({})[\s\u{{3000}}]*[:：]", alts.join("|"))).expect("static regex")
});

/// Lines longer than this are never a page-information line.
const MAX_INFO_LINE: usize = 600;
/// A value longer than this (in characters) is body text, not a field.
const MAX_VALUE_CHARS: usize = 60;

/// One `label: value` pair of a page-information line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// What the label names.
    pub label: Label,
    /// The label as printed (`发布时间`).
    pub name: String,
    /// The value, trimmed; empty when the page printed none.
    pub value: String,
}

impl Field {
    /// The value read as a date, for date labels.
    pub fn date(&self) -> Option<Date> {
        parse_date_prefix(&self.value)
    }
}

/// The fields of a page-information line, or `None` when the line is not one.
///
/// A page-information line starts with a known label and holds nothing but `label: value`
/// pairs whose values are short (and dates where the label names a date).
pub fn page_info(line: &str) -> Option<Vec<Field>> {
    if line.len() > MAX_INFO_LINE {
        return None;
    }
    let trimmed = line.trim_start_matches(|c: char| c.is_whitespace() || "【[".contains(c));
    let offset = line.len() - trimmed.len();
    let matches: Vec<_> = LABEL_RE.captures_iter(line).collect();
    let first = matches.first()?;
    if first.get(0)?.start() != offset {
        return None;
    }
    let mut fields = Vec::new();
    for (i, cap) in matches.iter().enumerate() {
        let whole = cap.get(0)?;
        let end = matches
            .get(i + 1)
            .and_then(|n| n.get(0))
            .map_or(line.len(), |m| m.start());
        let value = line[whole.end()..end]
            .trim_matches(|c: char| c.is_whitespace() || "【】[]|｜".contains(c))
            .to_string();
        let name = cap[1].to_string();
        let label = LABELS
            .iter()
            .find(|(l, _)| *l == name)
            .map_or(Label::Other, |(_, k)| *k);
        let ok = match label {
            Label::Published | Label::Signed => {
                value.is_empty() || parse_date_prefix(&value).is_some()
            }
            _ => value.chars().count() <= MAX_VALUE_CHARS && !value.contains('。'),
        };
        if !ok {
            return None;
        }
        fields.push(Field { label, name, value });
    }
    Some(fields)
}

/// Whether a page-information line is chrome wherever it stands, not only at the page's edges:
/// several fields, a view counter, or nothing but empty labels.
pub fn is_unmistakable(fields: &[Field]) -> bool {
    fields.len() >= 2
        || fields.iter().any(|f| f.label == Label::Counter)
        || fields.iter().all(|f| f.value.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_info_line_gives_its_fields() {
        let f = page_info("时间： 2023-04-12 09:30 来源： 成都市司法局 访问量：").unwrap();
        assert_eq!(f.len(), 3);
        assert_eq!(f[0].label, Label::Published);
        assert_eq!(f[0].date(), Date::new(2023, 4, 12));
        assert_eq!(f[1].value, "成都市司法局");
        assert_eq!(f[2].label, Label::Counter);
        assert!(is_unmistakable(&f));
    }

    #[test]
    fn longer_labels_win_over_their_suffixes() {
        let f = page_info("发布日期：2019年06月03日 信息来源：县政府办").unwrap();
        assert_eq!(f[0].name, "发布日期");
        assert_eq!(f[1].name, "信息来源");
        assert_eq!(f[1].label, Label::Source);
    }

    #[test]
    fn empty_footer_fields_are_page_info() {
        let f = page_info("作者：").unwrap();
        assert!(f[0].value.is_empty());
        assert!(is_unmistakable(&f));
    }

    #[test]
    fn body_sentences_that_open_with_a_label_word_are_not_page_info() {
        assert!(page_info("时间：每年第一季度前完成上一年度工作总结。").is_none());
        assert!(page_info("来源：根据国务院关于加强数字政府建设的指导意见，结合全县实际情况制定并组织实施本方案，确保工作落到实处。").is_none());
        assert!(page_info("一、工作时间：全年").is_none());
    }

    #[test]
    fn information_table_rows_with_tabs_are_read() {
        let f = page_info("索引号：\t11510800/2018-00021\t发文字号：\t广府办发[2018]3号").unwrap();
        assert_eq!(f[0].value, "11510800/2018-00021");
        assert_eq!(f[1].label, Label::DocNumber);
        assert_eq!(f[1].value, "广府办发[2018]3号");
    }
}
