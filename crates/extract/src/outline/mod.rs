//! The outline of a document: numbered items, their nesting, and task-table rows.
//!
//! [`OutlineParser`] reads the cleaned text line by line. A line that opens with a label
//! ([`crate::label`]) starts an item; its nesting comes from the order in which numbering
//! styles appear (a style seen before closes back to its level, a new style opens a child
//! level), so numbering that runs on across sections (`(一)`…`(二十)`), restarts per section or
//! skips numbers is read the same way. Unnumbered lines continue the open item. `附件N` opens a
//! new root; `附件:` followed by titles is a list of attachments, not items. A line of table
//! headers (`序号`/`工作任务`/`牵头部门`…, flattened one cell per line) opens a table whose rows
//! become items with the bodies of their body columns. An item whose paragraph enumerates
//! `一是…二是…` gets those as children.
//!
//! The parser only finds structure. What an item says (deadlines, metrics, bodies, kind) is
//! read by the other modules from [`Item`].

use crate::fold::fold;
use crate::label::{
    Label, Style, inline_enumeration, read_attachment, read_bare_number, read_label,
};
use duban_model::{Block, Body, Role, TableRow};
use regex::Regex;
mod lines;
mod table;

use lines::{Line, lines, trimmed};
use std::collections::HashMap;
use std::sync::LazyLock;
use table::{HtmlRow, TableColumns, header_word, table_columns};

/// What kind of table an item is a row of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// A task breakdown (工作任务, 牵头部门, 责任部门).
    Task,
    /// A target or responsibility table (考核项目, 目标内容).
    Target,
    /// A scoring rubric (评分标准, 得分, 分值).
    Scoring,
}

/// An item of the outline.
#[derive(Debug, Clone, Default)]
pub struct Item {
    /// The normalised label (`""` for an unnumbered table row or note).
    pub label: String,
    /// Its numbering style, if numbered.
    pub style: Option<Style>,
    /// The lead phrase.
    pub heading: String,
    /// Byte ranges of the item's text in the document text (label excluded).
    pub segments: Vec<(usize, usize)>,
    /// Byte offset where the item starts (its label).
    pub start: usize,
    /// Indices of the ancestors, root first.
    pub ancestors: Vec<usize>,
    /// Indices of the children.
    pub children: Vec<usize>,
    /// The table this item is a row of.
    pub table: Option<TableKind>,
    /// Bodies read from the row's body columns.
    pub column_bodies: Vec<Body>,
    /// The cells of a row's time-limit columns (完成时限), one a line.
    pub limits: String,
    /// Whether this item is an attachment root (`附件1 …`).
    pub attachment: bool,
    /// Whether this node only groups (an unnumbered `附件:` root): it adds nothing to paths.
    pub silent: bool,
}

impl Item {
    /// The path element of this item as a heading: label + heading (`三、保障措施`).
    pub fn path_element(&self) -> String {
        if self.attachment {
            format!("{} {}", self.label, self.heading)
                .trim()
                .to_string()
        } else {
            format!("{}{}", self.label, self.heading)
        }
    }

    /// The item's text: its segments joined by newlines.
    pub fn text(&self, doc: &str) -> String {
        let mut out = String::new();
        for &(s, e) in &self.segments {
            let part = doc.get(s..e).unwrap_or("").trim();
            if part.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(part);
        }
        out
    }

    /// Byte offset one past the item's last character.
    pub fn end(&self) -> usize {
        self.segments
            .iter()
            .map(|s| s.1)
            .max()
            .unwrap_or(self.start)
            .max(self.start)
    }
}

/// The head of a boxed insert: `专栏3 重点工程`, `专栏一：…`.
static BOX_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^专栏\s*(?:\d{1,2}|[一二三四五六七八九十]+)").expect("box pattern compiles")
});

/// A line that is only a date, as printed under a signature: `2014年3月27日`,
/// `二〇一四年三月二十七日`, or the damaged `2022129`.
static SIGNATURE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇零○O一二三四五六七八九]{4}\s*年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日|(?:19|20)\d{5,6})\s*$")
        .expect("signature date pattern compiles")
});

/// Whether a line is sentence text rather than a cell or title (it has sentence punctuation).
fn is_sentence(folded: &str) -> bool {
    folded.contains(['。', ';', '；', ',', '，', ':', '：'])
}

/// Reads the outline of a cleaned text.
#[derive(Debug, Default)]
pub struct OutlineParser {
    items: Vec<Item>,
    stack: Vec<usize>,
    /// The item receiving unnumbered lines.
    open: Option<usize>,
    /// Index into `stack` of the current root (an attachment), whose level never pops.
    floor: usize,
    table: Option<TableColumns>,
    attachment_list: bool,
    /// Inside a boxed insert (`专栏`): numbering the outline has not opened is the box's own.
    in_box: bool,
    /// The stack depth at which the open table's rows start.
    table_base: usize,
    /// In a table row: an empty cell after the first bodies has closed the lead column.
    row_lead_closed: bool,
    /// In a table row: the row's heading came from its own cell and no content followed yet.
    row_heading_open: bool,
}

impl OutlineParser {
    /// Parses `text` into items, in document order.
    pub fn parse(text: &str) -> Vec<Item> {
        Self::parse_with_blocks(text, &[])
    }

    /// Parses `text`, reading the lines of `blocks` (tables the cleaner found in HTML) as
    /// table rows with their cells.
    pub fn parse_with_blocks(text: &str, blocks: &[Block]) -> Vec<Item> {
        let mut p = OutlineParser::default();
        let mut rows: HashMap<usize, HtmlRow<'_>> = HashMap::new();
        for Block::Table { header, rows: body } in blocks {
            // A table without a header row of its own may carry it as its first row.
            let (header, body): (&[String], &[TableRow]) = match body.split_first() {
                Some((first, rest))
                    if header.is_empty()
                        && first
                            .cells
                            .iter()
                            .filter(|c| header_word(c).is_some())
                            .count()
                            >= 2 =>
                {
                    (first.cells.as_slice(), rest)
                }
                _ => (header.as_slice(), body),
            };
            for (k, row) in body.iter().enumerate() {
                rows.insert(
                    row.span.0,
                    HtmlRow {
                        header,
                        row,
                        first: k == 0,
                        last: k + 1 == body.len(),
                    },
                );
            }
        }
        let headers: Vec<String> = blocks
            .iter()
            .map(|Block::Table { header, .. }| {
                header
                    .iter()
                    .map(|h| h.trim())
                    .collect::<Vec<_>>()
                    .join("\t")
            })
            .filter(|h| !h.is_empty())
            .collect();
        let all = lines(text);
        let mut i = 0;
        while i < all.len() {
            let (ts, te) = trimmed(&all[i]);
            if let Some(row) = rows.get(&all[i].start).or_else(|| rows.get(&ts)) {
                p.html_row(text, row);
                i += 1;
                continue;
            }
            // The header line of an HTML table is no text of the item before it.
            let cells: Vec<&str> = text[ts..te].split('\t').map(str::trim).collect();
            if cells.len() > 1 && headers.contains(&cells.join("\t")) {
                i += 1;
                continue;
            }
            i = p.line(text, &all, i);
        }
        p.split_inline_enumerations(text);
        p.items
    }

    /// Handles line `i`; returns the index of the next line to read.
    fn line(&mut self, text: &str, all: &[Line<'_>], i: usize) -> usize {
        let line = all[i];
        let raw = line.text;
        if raw.trim().is_empty() {
            // A line of spaces is an empty cell of a flattened table; it separates column groups.
            if !raw.is_empty()
                && self.table.is_some_and(|t| t.lead && t.responsible)
                && !self.row_lead_closed
                && let Some(open) = self.open
                && !self.items[open].column_bodies.is_empty()
            {
                // Bodies before the first empty cell all sat in the lead column.
                for b in &mut self.items[open].column_bodies {
                    b.role = Role::Lead;
                }
                self.row_lead_closed = true;
            }
            return i + 1;
        }
        let (ts, te) = trimmed(&line);
        let t = &text[ts..te];
        let f = fold(t);

        // The date under a signature ends the document's body: the signing body's line above
        // it and what follows are no part of the last item.
        if SIGNATURE_DATE.is_match(&f) {
            if let Some(open) = self.open {
                let item = &mut self.items[open];
                if item.segments.len() > 1
                    && let Some(&(s, e)) = item.segments.last()
                    && !is_sentence(&fold(&text[s..e]))
                    && text[s..e].chars().count() <= 30
                {
                    item.segments.pop();
                }
            }
            self.open = None;
            self.table = None;
            return i + 1;
        }

        if let Some(att) = read_attachment(t) {
            if att.colon || att.number.is_none() {
                // `附件:` — a list of attachment titles follows (or one title and its table).
                self.reset_root(None, ts);
                self.attachment_list = true;
                return i + 1;
            }
            if !is_sentence(&att.rest) && att.rest.chars().count() <= 40 {
                let (heading, next) = if att.rest.is_empty() {
                    match next_content(all, i + 1) {
                        Some(j)
                            if read_label(all[j].text.trim()).is_none()
                                && !is_sentence(&fold(all[j].text)) =>
                        {
                            (all[j].text.trim().to_string(), j + 1)
                        }
                        _ => (String::new(), i + 1),
                    }
                } else {
                    (att.rest.clone(), i + 1)
                };
                let label = format!("附件{}", att.number.unwrap_or(0));
                self.reset_root(Some((label, heading)), ts);
                return next;
            }
        }

        if self.attachment_list {
            let label = read_label(t);
            let titled =
                label.as_ref().is_some_and(|l| l.style == Style::Arabic) && !f.contains('。');
            if titled || (label.is_none() && !is_sentence(&f) && header_word(t).is_none()) {
                return i + 1;
            }
            self.attachment_list = false;
        }

        if header_word(t).is_some() {
            let mut words = vec![header_word(t).unwrap_or_default()];
            let mut j = i + 1;
            while let Some(k) = next_content(all, j) {
                match header_word(all[k].text) {
                    Some(w) => {
                        words.push(w);
                        j = k + 1;
                    }
                    None => break,
                }
            }
            if words.len() >= 2 {
                self.open_table(table_columns(&words));
                return j;
            }
        }

        let label = read_label(t).or_else(|| {
            self.table.and_then(|_| read_bare_number(t)).map(|n| Label {
                style: Style::Bare,
                number: n,
                text: n.to_string(),
                len: t.len(),
            })
        });
        // A boxed insert (`专栏3 重点工程`) belongs to the item before it, with its own list.
        if BOX_HEAD.is_match(&f) && self.open.is_some() {
            self.in_box = true;
        }
        if let Some(label) = label {
            let open_style = self.stack[self.floor..]
                .iter()
                .any(|&s| self.items[s].style == Some(label.style));
            if !self.in_box || open_style {
                self.in_box = false;
                return self.start_item(text, all, i, ts, te, label);
            }
        }

        // Notes under a table (`备注:`, `说明:`) close it and stand at the root's level.
        if self.table.is_some()
            && (f.starts_with("备注") || f.starts_with("说明") || f.starts_with("注:"))
        {
            self.table = None;
            self.stack.truncate(self.floor);
            let heading: String = f.split([':', '：']).next().unwrap_or("").trim().to_string();
            let rest_start = ts
                + t.find([':', '：']).map_or(t.len(), |p| {
                    p + t[p..].chars().next().map_or(1, char::len_utf8)
                });
            let idx = self.push_item(Item {
                label: String::new(),
                heading,
                segments: vec![(rest_start, te)],
                start: ts,
                ancestors: Vec::new(),
                ..Item::default()
            });
            self.stack.push(idx);
            self.open = Some(idx);
            return i + 1;
        }

        if let (Some(table), Some(open)) = (self.table, self.open)
            && let Some(next) = self.table_cell(table, open, (ts, te), t, i)
        {
            return next;
        }
        self.row_heading_open = false;
        if let Some(open) = self.open {
            self.items[open].segments.push((ts, te));
        }
        i + 1
    }

    fn start_item(
        &mut self,
        text: &str,
        all: &[Line<'_>],
        i: usize,
        ts: usize,
        te: usize,
        label: Label,
    ) -> usize {
        let style = label.style;
        self.close_for(style, self.floor);
        let parent = self.stack.last().copied();
        let ancestors = self.ancestors_under(parent);
        let body_start = ts + label.len;
        let mut next = i + 1;
        let mut segments = vec![(body_start, te)];
        let mut heading_source = text[body_start..te].to_string();
        self.row_heading_open = false;
        if text[body_start..te].trim().is_empty() {
            // A label alone on its line (a table's 序号 cell): its heading is the next cell.
            if let Some(j) = next_content(all, i + 1) {
                let next_line = all[j];
                if read_label(next_line.text.trim()).is_none()
                    && header_word(next_line.text).is_none()
                {
                    let (s, e) = trimmed(&next_line);
                    segments = vec![(s, e)];
                    heading_source = text[s..e].to_string();
                    next = j + 1;
                    self.row_heading_open =
                        self.table.is_some() && !is_sentence(&fold(&heading_source));
                }
            }
        }
        let idx = self.push_item(Item {
            label: label.text,
            style: Some(style),
            heading: lead_phrase(&heading_source),
            segments,
            start: ts,
            ancestors,
            table: self.table.map(|t| t.kind),
            ..Item::default()
        });
        self.stack.push(idx);
        self.open = Some(idx);
        self.row_lead_closed = false;
        next
    }

    /// Closes the open items that an item of `style` does not nest under, never below `base`:
    /// a style already open closes back to its level (a sibling follows); a style first seen
    /// below deeper-ranked ones closes them; any other style opens a child level.
    fn close_for(&mut self, style: Style, base: usize) {
        let existing = self.stack[base..]
            .iter()
            .rposition(|&s| self.items[s].style == Some(style))
            .map(|p| p + base);
        if let Some(pos) = existing {
            self.stack.truncate(pos);
            return;
        }
        while self.stack.len() > base
            && let Some(&top) = self.stack.last()
            && self.items[top]
                .style
                .is_some_and(|s| s.rank() >= style.rank())
        {
            self.stack.pop();
        }
    }

    /// The ancestors of a new item under `parent`: the parent's ancestors and the parent.
    fn ancestors_under(&self, parent: Option<usize>) -> Vec<usize> {
        match parent {
            Some(p) => {
                let mut a = self.items[p].ancestors.clone();
                a.push(p);
                a
            }
            None => Vec::new(),
        }
    }

    /// Adds an item and lists it among the children of its parent (its last ancestor).
    fn push_item(&mut self, item: Item) -> usize {
        let parent = item.ancestors.last().copied();
        self.items.push(item);
        let idx = self.items.len() - 1;
        if let Some(p) = parent {
            self.items[p].children.push(idx);
        }
        idx
    }

    /// Starts a new root: an attachment (with its label and title) or a silent group.
    fn reset_root(&mut self, head: Option<(String, String)>, start: usize) {
        self.table = None;
        self.attachment_list = false;
        let silent = head.is_none();
        let (label, heading) = head.unwrap_or_default();
        let idx = self.push_item(Item {
            label,
            heading,
            segments: Vec::new(),
            start,
            ancestors: Vec::new(),
            attachment: !silent,
            silent,
            ..Item::default()
        });
        self.stack = vec![idx];
        self.floor = 1;
        self.open = None;
    }

    /// Gives each leaf whose text enumerates `一是…二是…` those items as children.
    fn split_inline_enumerations(&mut self, text: &str) {
        let count = self.items.len();
        for idx in 0..count {
            if !self.items[idx].children.is_empty()
                || self.items[idx].attachment
                || self.items[idx].silent
            {
                continue;
            }
            // The enumeration may run over the item's paragraphs (`一是…` and `二是…` each
            // opening a paragraph), so it is read over the item's whole extent.
            if self.items[idx].table.is_some() {
                continue;
            }
            let extent = match (
                self.items[idx].segments.first(),
                self.items[idx].segments.last(),
            ) {
                (Some(&(s, _)), Some(&(_, e))) if s <= e => (s, e),
                _ => continue,
            };
            for (s, e) in [extent] {
                let para = &text[s..e];
                let folded = crate::fold::Folded::new(para);
                let found = inline_enumeration(&folded.folded);
                if found.is_empty() {
                    continue;
                }
                let ancestors = self.ancestors_under(Some(idx));
                for (k, inline) in found.iter().enumerate() {
                    let start = s + folded.original_offset(inline.start);
                    let body = s + folded.original_offset(inline.start + inline.label.len);
                    let end = found
                        .get(k + 1)
                        .map_or(e, |n| s + folded.original_offset(n.start));
                    let child = Item {
                        label: inline.label.text.clone(),
                        style: Some(inline.label.style),
                        heading: lead_phrase(&text[body..end]),
                        segments: vec![(body, end)],
                        start,
                        ancestors: ancestors.clone(),
                        ..Item::default()
                    };
                    self.push_item(child);
                }
                break;
            }
        }
    }
}

/// The index of the next line with content at or after `from`.
fn next_content(all: &[Line<'_>], from: usize) -> Option<usize> {
    (from..all.len()).find(|&j| !all[j].text.trim().is_empty())
}

/// The lead phrase of an item's text: up to the first `。`, `:`/`：` or `;`/`；`, or the end of
/// the first line.
///
/// ```
/// use duban_extract::outline::lead_phrase;
/// assert_eq!(lead_phrase("强化组织领导。认真落实责任制"), "强化组织领导");
/// assert_eq!(lead_phrase("指导思想:\n以邓小平理论为指导"), "指导思想");
/// ```
pub fn lead_phrase(text: &str) -> String {
    let first = text.trim_start().lines().next().unwrap_or("");
    let end = first
        .find(['。', ':', '：', ';', '；'])
        .unwrap_or(first.len());
    first[..end].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column_roles(row: &Item) -> Vec<(&str, Role)> {
        row.column_bodies
            .iter()
            .map(|b| (b.name.as_str(), b.role))
            .collect()
    }

    fn outline(text: &str) -> Vec<(String, Vec<String>, String)> {
        let items = OutlineParser::parse(text);
        items
            .iter()
            .filter(|i| i.children.is_empty() && !i.attachment && !i.silent)
            .map(|i| {
                let path = i
                    .ancestors
                    .iter()
                    .filter(|&&a| !items[a].silent)
                    .map(|&a| items[a].path_element())
                    .collect();
                (i.label.clone(), path, i.heading.clone())
            })
            .collect()
    }

    #[test]
    fn numbered_items_under_a_section_get_its_heading_as_path() {
        let got = outline(
            "一、完善制度\n1.健全决策机制。建立台账。\n2.规范文件管理。\n二、严格执法\n1.推行公示制度。\n",
        );
        assert_eq!(
            got[0],
            (
                "1.".into(),
                vec!["一、完善制度".into()],
                "健全决策机制".into()
            )
        );
        assert_eq!(
            got[2],
            (
                "1.".into(),
                vec!["二、严格执法".into()],
                "推行公示制度".into()
            )
        );
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn numbering_that_runs_on_across_sections_keeps_its_level() {
        let got =
            outline("一、总则\n（一）甲项工作。\n（二）乙项工作。\n二、分则\n（三）丙项工作。\n");
        assert_eq!(got[2].1, vec!["二、分则".to_string()]);
        assert_eq!(got[2].0, "(三)");
    }

    #[test]
    fn an_inline_enumeration_splits_a_paragraph_into_items() {
        let got =
            outline("一、工作成效\n（一）推进依法决策。一是完善规则，出台办法。二是落实审查。\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, "一是");
        assert_eq!(
            got[0].1,
            vec!["一、工作成效".to_string(), "(一)推进依法决策".to_string()]
        );
        assert_eq!(got[1].2, "落实审查");
    }

    #[test]
    fn an_attachment_list_is_not_items() {
        let got = outline("一、任务\n1.完成清理。\n附件：1.考核办法\n2.评分细则\n");
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn a_numbered_attachment_opens_a_new_root() {
        let got = outline(
            "一、任务\n1.完成清理。\n附件2\n\n乡镇考核评分细则\n\n一、依法决策(20分)\n1.遵守程序(10分)\n",
        );
        assert_eq!(
            got[1].1,
            vec![
                "附件2 乡镇考核评分细则".to_string(),
                "一、依法决策(20分)".to_string()
            ]
        );
    }

    #[test]
    fn rows_of_a_flattened_task_table_carry_their_body_columns() {
        let text = "序号\n\n工作任务\n\n牵头单位\n\n责任单位\n\n（一）\n\n \n\n规范执法\n\n \n\n1、推行执法公示制度。全面公开执法信息。\n\n县司法局\n\n \n\n县公安局\n\n县市场监管局\n";
        let items = OutlineParser::parse(text);
        let row = items.iter().find(|i| i.label == "1、").unwrap();
        let names = column_roles(row);
        assert_eq!(
            names,
            [
                ("县司法局", Role::Lead),
                ("县公安局", Role::Responsible),
                ("县市场监管局", Role::Responsible)
            ]
        );
        assert_eq!(items[row.ancestors[0]].path_element(), "(一)规范执法");
    }

    #[test]
    fn the_signature_and_its_date_are_no_part_of_the_last_item() {
        let items =
            OutlineParser::parse("（二）加强培训。每年组织培训。\n\n县人民政府\n\n2016年4月8日\n");
        let text = items[0].text("（二）加强培训。每年组织培训。\n\n县人民政府\n\n2016年4月8日\n");
        assert_eq!(text, "加强培训。每年组织培训。");
    }

    #[test]
    fn a_chapter_and_its_first_article_on_one_line_are_two_items() {
        let got = outline(
            "第一章 总则　　第一条　为规范数据管理，制定本办法。\n第二条　本办法适用于全县。\n",
        );
        assert_eq!(got[0].0, "第一条");
        assert_eq!(got[0].1, vec!["第一章总则".to_string()]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn paragraphs_run_together_with_em_spaces_are_split() {
        let got = outline(
            "各位代表：\u{2003}\u{2003}一、工作回顾\u{2003}\u{2003}过去一年很不平凡。\u{2003}\u{2003}二、今年安排\u{2003}\u{2003}（一）稳增长。（二）促改革。",
        );
        assert_eq!(got[0].2, "工作回顾");
        assert_eq!(got[1].1, vec!["二、今年安排".to_string()]);
    }

    #[test]
    fn a_part_title_and_its_first_chapter_on_one_line_are_two_headings() {
        let got =
            outline("第三篇推进改革开放第十三章深化各项改革\n第一节 推进国企改革\n要加快改制。\n");
        assert_eq!(
            got[0].1,
            vec![
                "第三篇推进改革开放".to_string(),
                "第十三章深化各项改革".to_string()
            ]
        );
    }

    #[test]
    fn a_boxed_insert_and_its_list_belong_to_the_item_before_it() {
        let got = outline(
            "一、重点任务\n（一）建设数字政府。推进平台建设。\n专栏1 重点工程\n1.政务云平台\n2.数据共享平台\n（二）优化营商环境。\n",
        );
        let labels: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(labels, ["(一)", "(二)"]);
    }

    #[test]
    fn a_higher_style_seen_first_under_a_lower_one_closes_it() {
        let got = outline(
            "（一）经济发展。全年增长。\n（二）民生改善。\n一、今年工作安排\n（一）稳增长。\n",
        );
        assert_eq!(got[2].1, vec!["一、今年工作安排".to_string()]);
        assert!(got[1].1.is_empty());
    }

    fn html_table(text: &str, header: &[&str], rows: &[&[&str]]) -> Vec<Block> {
        let rows = rows
            .iter()
            .map(|cells| {
                let line = cells.join("\t");
                let start = text.find(&line).expect("row is in the text");
                TableRow {
                    cells: cells.iter().map(|c| c.to_string()).collect(),
                    span: (start, start + line.len()),
                }
            })
            .collect();
        vec![Block::Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows,
        }]
    }

    #[test]
    fn rows_of_an_html_table_nest_under_the_heading_before_it() {
        let text = "二、任务分解\n序号\t工作任务\t牵头单位\t责任单位\t完成时限\n1\t开展文件清理。\t县司法局\t县财政局、各乡镇\t2019年6月\n县人民政府\n";
        let blocks = html_table(
            text,
            &["序号", "工作任务", "牵头单位", "责任单位", "完成时限"],
            &[&[
                "1",
                "开展文件清理。",
                "县司法局",
                "县财政局、各乡镇",
                "2019年6月",
            ]],
        );
        let items = OutlineParser::parse_with_blocks(text, &blocks);
        let row = items.iter().find(|i| i.label == "1").expect("row item");
        assert_eq!(items[row.ancestors[0]].path_element(), "二、任务分解");
        assert!(
            items[row.ancestors[0]].segments.len() == 1,
            "the header line is no text of the heading"
        );
        assert_eq!(row.heading, "开展文件清理");
        assert_eq!(row.text(text), "开展文件清理。");
        assert_eq!(row.limits.trim(), "2019年6月");
        let names = column_roles(row);
        assert_eq!(
            names,
            [
                ("县司法局", Role::Lead),
                ("县财政局", Role::Responsible),
                ("各乡镇", Role::Responsible)
            ]
        );
    }

    #[test]
    fn a_numbered_group_row_of_an_html_table_groups_the_rows_after_it() {
        let text = "序号\t工作任务\t责任单位\n(一)\t规范执法\t\n1\t推行公示制度。\t县司法局\n";
        let blocks = html_table(
            text,
            &["序号", "工作任务", "责任单位"],
            &[
                &["(一)", "规范执法", ""],
                &["1", "推行公示制度。", "县司法局"],
            ],
        );
        let got: Vec<(String, Vec<String>)> = {
            let items = OutlineParser::parse_with_blocks(text, &blocks);
            items
                .iter()
                .filter(|i| i.children.is_empty())
                .map(|i| {
                    (
                        i.label.clone(),
                        i.ancestors
                            .iter()
                            .map(|&a| items[a].path_element())
                            .collect(),
                    )
                })
                .collect()
        };
        assert_eq!(got, [("1".to_string(), vec!["(一)规范执法".to_string()])]);
    }

    #[test]
    fn a_target_table_row_takes_its_heading_from_the_item_cell() {
        let text = "序号\n考核项目\n目标内容\n1\n依法决策\n建立重大决策目录。\n2\n落实保障\n措施\n重视队伍建设。\n";
        let got = outline(text);
        assert_eq!(got[0].2, "依法决策");
        assert_eq!(got[1].2, "落实保障措施");
        assert_eq!(got[1].0, "2");
    }
}
