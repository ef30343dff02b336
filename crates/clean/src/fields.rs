//! Labelled page fields: `发布日期:`, `来源:`, `索引号:`, `发文字号:`, `浏览次数:` and their kin.
//!
//! Government pages print the document's publication data as `label: value` pairs, on one
//! line (`时间: 2022-01-30 11:59 来源: 苏州市人民政府办公室 访问量:`) or in the cells of an
//! information table. Such a line is page chrome, not the document's words, but its values are
//! metadata. This module recognises those lines and reads their values; it does not decide
//! where in a page a line may be dropped (see `chrome`). The labels and what each names are
//! `corpora/lexicon/field_labels.tsv`.

use crate::dates::parse_date_prefix;
use duban_lexicon::{Role, field_labels};
use duban_model::Date;
use regex::Regex;
use std::sync::LazyLock;

/// What a page label names: the labels and their roles are `corpora/lexicon/field_labels.tsv`.
pub use duban_lexicon::FieldLabel as Label;

/// Any label, then its colon. Pages space a short label out to the width of the longer ones
/// (`文　　号：`, `索 引 号：`): spaces may stand between its characters.
static LABEL_RE: LazyLock<Regex> = LazyLock::new(|| {
    let labels: Vec<String> = field_labels()
        .entries()
        .iter()
        .filter(|e| Label::ALL.contains(&e.role))
        .map(|e| {
            e.word
                .chars()
                .map(|c| regex::escape(&c.to_string()))
                .collect::<Vec<_>>()
                .join(r"[ \u{3000}]*")
        })
        .collect();
    Regex::new(&format!(r"((?:{}))[\s\u{{3000}}]*[:：]", labels.join("|"))).expect("static regex")
});

/// What a label as printed names (spaces inside it ignored); an unknown one is a catalogue
/// field.
pub(crate) fn label_of(name: &str) -> Label {
    let name: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    field_labels().role_of(&name).unwrap_or(Label::Other)
}

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
    // Each label's start, where its value starts, its name and what it names.
    let labels: Vec<(usize, usize, String, Label)> = matches
        .iter()
        .enumerate()
        .filter_map(|(i, cap)| {
            let whole = cap.get(0)?;
            let name = cap[1].to_string();
            let label = label_of(&name);
            let qualified = qualifier_start(&line[..whole.start()]);
            // A bare date label behind other characters is part of a longer label naming
            // another date (`生成日期：`, `更新时间：`): no publication date, and not the value
            // before it. The line's first label stands as it is read.
            if i > 0 && qualified < whole.start() && GENERIC_DATE_LABELS.contains(&name.as_str()) {
                let name = format!("{}{name}", &line[qualified..whole.start()]);
                return Some((qualified, whole.end(), name, Label::Other));
            }
            Some((whole.start(), whole.end(), name, label))
        })
        .collect();
    let mut fields = Vec::new();
    for (i, (_, value_start, name, label)) in labels.iter().enumerate() {
        let end = labels.get(i + 1).map_or(line.len(), |n| n.0);
        let value = line[*value_start..end]
            .trim_matches(|c: char| c.is_whitespace() || "【】[]|｜".contains(c))
            .to_string();
        if !value_fits(*label, &value) {
            return None;
        }
        fields.push(Field {
            label: *label,
            name: name.clone(),
            value,
        });
    }
    Some(fields)
}

/// The labels that name a date by the word alone; with other words before them they name the
/// date those words say (`生成日期`, `实施日期`, `更新时间`), which is not the page's.
const GENERIC_DATE_LABELS: [&str; 2] = ["日期", "时间"];

/// Where the Chinese characters that end `before` start (`生成` of `…办公室　生成`): a label's
/// qualifier. A run longer than four characters is a value run on into the label
/// (`来源：某市人民政府办公室时间：`), which qualifies nothing.
fn qualifier_start(before: &str) -> usize {
    let is_han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let run: Vec<usize> = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| is_han(*c))
        .map(|(i, _)| i)
        .collect();
    match run.len() {
        0 => before.len(),
        1..=4 => run[run.len() - 1],
        _ => before.len(),
    }
}

/// Whether a value reads as a field's: a date (or nothing) for a date label, a short phrase
/// for any other.
fn value_fits(label: Label, value: &str) -> bool {
    match label {
        Label::Published | Label::Signed => value.is_empty() || parse_date_prefix(value).is_some(),
        _ => value.chars().count() <= MAX_VALUE_CHARS && !value.contains('。'),
    }
}

/// The fields of an information table's row, or `None` when the row is not one.
///
/// A page's information table prints its fields in label and value cells, side by side
/// (`索引号 | 002605227/2022-51633 | 主题分类 | 信息产业`): the cell is the label's boundary, so a
/// page may print it without its colon (`文　　号 | 新政发〔2022〕8号`). A row is one when its
/// cells pair up, each pair's first cell a known label alone (spaced out, a colon after it or
/// not) and its second a value that fits the label.
pub fn info_row(cells: &[String]) -> Option<Vec<Field>> {
    if let Some(f) = page_info(&cells.join("\t")) {
        return Some(f);
    }
    if cells.is_empty() {
        return None;
    }
    // A row's empty cells at its end are dropped: a last label may stand without its value.
    cells
        .chunks(2)
        .map(|pair| {
            let name: String = pair[0]
                .trim_end_matches(|c: char| c.is_whitespace() || c == ':' || c == '：')
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            let label = field_labels()
                .role_of(&name)
                .filter(|l| Label::ALL.contains(l))?;
            let value = pair.get(1).map_or("", |v| v.trim()).to_string();
            value_fits(label, &value).then_some(Field { label, name, value })
        })
        .collect()
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

    /// A bare date label behind other words (`生成日期`) names another date, not the page's, and
    /// ends the value before it.
    #[test]
    fn a_qualified_date_label_is_no_publication_date() {
        let f =
            page_info("发布机构：某区人民政府办公室\u{3000}\u{3000}生成日期：2023-05-20").unwrap();
        assert_eq!(f[0].value, "某区人民政府办公室");
        assert_eq!(f[1].name, "生成日期");
        assert_eq!(f[1].label, Label::Other);
        let f = page_info("来源：某县司法局 更新时间：2023-05-20").unwrap();
        assert_eq!(f[0].value, "某县司法局");
        assert!(f.iter().all(|f| f.label != Label::Published));
        // A value run on into a bare label is the value's, and the date the page's.
        let f = page_info("来源：某县人民政府办公室时间：2023-05-20").unwrap();
        assert_eq!(f[1].label, Label::Published);
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

    /// An information table's label cell is its label without a colon: the cell ends it.
    #[test]
    fn information_table_cells_without_colons_are_read() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let f = info_row(&row(&[
            "文\u{3000}\u{3000}号",
            "余政发〔2021〕7号",
            "发布日期",
            "2021-04-02",
        ]))
        .unwrap();
        assert_eq!(f[0].label, Label::DocNumber);
        assert_eq!(f[0].value, "余政发〔2021〕7号");
        assert_eq!(f[1].date(), Date::new(2021, 4, 2));
        // A task table's row is none: its first cell names no field, or a date cell holds none.
        assert!(info_row(&row(&["牵头单位", "县农业局"])).is_none());
        assert!(info_row(&row(&["时间", "全年持续推进"])).is_none());
        assert!(info_row(&row(&["文号", "余政发〔2021〕7号", "备注"])).is_none());
    }

    /// A label spaced out to the width of the longer ones is the label.
    #[test]
    fn labels_spaced_out_are_read() {
        let f =
            page_info("文\u{3000}\u{3000}号：\t杭政办函〔2023〕18号\t主题分类：\t经济").unwrap();
        assert_eq!(f[0].label, Label::DocNumber);
        assert_eq!(f[0].value, "杭政办函〔2023〕18号");
        let f = page_info("索 引 号：002489531/2023-00123 发布机构：杭州市人民政府办公厅").unwrap();
        assert_eq!(f[1].label, Label::Issuer);
    }
}
