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
//! `一是…二是…` gets those as children where the list opens its body; a list that opens a later
//! paragraph of an item stands beside it, and one in a heading's lead-in under the heading. A
//! report's turn to its problems or to the assembly (`我们也清醒地看到…`, `各位代表！`) ends
//! the open item, and a glossary (`名词解释`) is a silent group of its own. The words of the
//! turns and of table headers are data (`corpora/lexicon/`, read through `duban-lexicon`).
//!
//! The parser only finds structure. What an item says (deadlines, metrics, bodies, kind) is
//! read by the other modules from [`Item`].

use crate::fold::fold;
use crate::kind;
use crate::label::{
    Label, Style, inline_enumeration, read_attachment, read_bare_number, read_label,
};
use duban_lexicon::{TurnWord, turns};
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
    /// Its number in that style (`3` of `（三）`), if numbered.
    pub number: u32,
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
    /// The values of a row whose table prints units in a column of their own, each with its
    /// indicator and unit, one a line (`城镇新增就业≥2000人`).
    pub measures: String,
    /// Whether this item is an attachment root (`附件1 …`).
    pub attachment: bool,
    /// Whether this node only groups (an unnumbered `附件:` root, a glossary, or the paragraphs
    /// after a report's turn): it adds nothing to paths and is no obligation.
    pub silent: bool,
    /// Whether this silent group holds the paragraphs after a report's turn (`各位代表，…`),
    /// whose inline lists are items.
    pub lead_in: bool,
    /// Whether nothing under this node is an obligation (the problems a report turns to).
    pub excluded: bool,
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

/// How a report turns from its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Turn {
    /// A salutation to the assembly: `各位代表！`, `各位委员，`.
    Salutation,
    /// The turn to its problems: `在肯定成绩的同时，我们也清醒看到…`,
    /// `回顾一年的工作，我们更加清醒地认识到…还存在不少困难`.
    Problems,
    /// The heading of its closing words: `结束语`.
    Closing,
    /// A document's closing after its last item: `各地区、各有关部门要…`, `本通知自印发之日起
    /// 施行。`, a signature and its date.
    SignOff,
}

/// A salutation opening the paragraph (`各位代表`).
static SALUTATION: LazyLock<Regex> = LazyLock::new(|| {
    let salutation = turns().pattern(&[TurnWord::Salutation]);
    Regex::new(&format!("^{salutation}")).expect("salutation pattern compiles")
});

/// The heading of a report's closing words, alone on its line (`结束语`).
static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    let closing = turns().pattern(&[TurnWord::Closing]);
    Regex::new(&format!(r"^\s*(?:{closing})\s*$")).expect("closing pattern compiles")
});

/// A paragraph closing a document (`各地区、各有关部门要…`, `本通知自印发之日起施行`).
static SIGN_OFF: LazyLock<Regex> = LazyLock::new(|| {
    let sign_off = turns().pattern(&[TurnWord::SignOff]);
    Regex::new(&format!("^(?:{sign_off})")).expect("sign-off pattern compiles")
});

/// A line that is a date alone: the date under a signature (`2024年3月14日`,
/// `二〇一四年三月二十七日`).
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[\d〇零一二三四五六七八九○]{4}\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*$")
        .expect("date line pattern compiles")
});

/// Whether the line at `i` closes the document: a paragraph addressed to all or about the
/// document, a date alone, or a short line (the signature) right before a date alone. The
/// caller asks only after the last numbered item.
fn signs_off(folded: &str, all: &[Line<'_>], i: usize) -> bool {
    SIGN_OFF.is_match(folded)
        || DATE_LINE.is_match(folded)
        || folded.chars().count() <= 40
            && !folded.contains(['。', '，', '；', '：', ':'])
            && all[i + 1..]
                .iter()
                .map(|l| l.text.trim())
                .find(|t| !t.is_empty())
                .is_some_and(|t| DATE_LINE.is_match(t))
}

/// A turn to the problems: an opening phrase, or a phrase of seeing soberly within the first
/// 30 characters, and a problem word within 60 characters after it, in the same sentence.
static PROBLEMS_TURN: LazyLock<Regex> = LazyLock::new(|| {
    let words = turns();
    let opening = words.pattern(&[TurnWord::Opening]);
    let seeing = words.pattern(&[TurnWord::Seeing]);
    let problem = words.pattern(&[TurnWord::Problem]);
    Regex::new(&format!(
        "^(?:{opening}|.{{0,30}}?{seeing})[^。]{{0,60}}{problem}"
    ))
    .expect("turn pattern compiles")
});

/// How a folded paragraph turns from the report's items, if it does.
fn turn_of(folded: &str) -> Option<Turn> {
    if PROBLEMS_TURN.is_match(folded) {
        Some(Turn::Problems)
    } else if SALUTATION.is_match(folded) {
        Some(Turn::Salutation)
    } else if CLOSING.is_match(folded) {
        Some(Turn::Closing)
    } else {
        None
    }
}

/// Whether an item has a body beyond its heading line.
fn has_body(item: &Item, text: &str) -> bool {
    item.segments.len() > 1
        || item
            .segments
            .first()
            .is_some_and(|&(a, b)| !is_heading_line(&text[a..b]))
}

/// Whether a line is a heading alone: one phrase, commas allowed, ending at most in one stop
/// (`加强农业基础建设，促进农民增收。`).
fn is_heading_line(line: &str) -> bool {
    let phrase = fold(line.trim());
    is_one_phrase(
        phrase.trim_end_matches(['。', ';', '；', ':', '：', '!', '！']),
        60,
    )
}

/// Whether a folded text is one phrase of at most `max` characters: no mark that ends a
/// sentence or opens a list inside it (commas may join its parts).
fn is_one_phrase(folded: &str, max: usize) -> bool {
    folded.chars().count() <= max
        && !folded.contains(['。', ';', '；', ':', '：', '!', '！', '?', '？'])
}

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

/// The content line [`OutlineParser::line`] is reading: its trimmed text, folded, where it
/// stands in the document text, and its index among the lines.
struct At<'a> {
    t: &'a str,
    f: &'a str,
    ts: usize,
    te: usize,
    i: usize,
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
    /// The last line that opens a numbered item: what follows it may close the document.
    last_label: Option<usize>,
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
        p.last_label = all
            .iter()
            .rposition(|l| read_label(l.text.trim()).is_some());
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
        if line.text.trim().is_empty() {
            self.empty_cell(line.text);
            return i + 1;
        }
        let (ts, te) = trimmed(&line);
        let t = &text[ts..te];
        let f = fold(t);
        let at = At {
            t,
            f: &f,
            ts,
            te,
            i,
        };
        if let Some(next) = self
            .signature_date(text, &at)
            .or_else(|| self.attachment(all, &at))
            .or_else(|| self.attachment_list_entry(&at))
            .or_else(|| self.table_header(text, all, &at))
        {
            return next;
        }

        let label = read_label(t)
            .or_else(|| self.next_arabic_before_a_digit(t, &all[..i]))
            .or_else(|| {
                // A number alone in a flattened table is a row's 序号 only where it counts the
                // rows on (`1` … `2`); another is a cell's value (`15` under `分值`).
                let last = self
                    .items
                    .iter()
                    .rev()
                    .find(|item| item.style == Some(Style::Bare))
                    .map(|item| item.number);
                self.table
                    .and_then(|_| read_bare_number(t))
                    .filter(|&n| n == 1 || last.is_some_and(|l| n == l + 1))
                    .map(|n| Label {
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
            // A box numbers its own list, which may restart a style the outline has open
            // (`2．推进扩容。` `专栏1` `1．京雄高速…`): only the next number of an open item
            // leaves the box.
            let continues = self.stack[self.floor..]
                .iter()
                .rev()
                .find(|&&s| self.items[s].style == Some(label.style))
                .is_some_and(|&s| label.number == self.items[s].number + 1);
            if !self.in_box || continues {
                self.in_box = false;
                return self.start_item(text, all, i, ts, te, label);
            }
        }

        if let Some(next) = self
            .table_note(&at)
            .or_else(|| {
                let (table, open) = (self.table?, self.open?);
                self.table_cell(table, open, (ts, te), t, i)
            })
            .or_else(|| self.glossary(&at))
            .or_else(|| self.turn(text, all, &at))
        {
            return next;
        }
        self.row_heading_open = false;
        if let Some(open) = self.open {
            self.items[open].segments.push((ts, te));
        }
        i + 1
    }

    /// A line of spaces is an empty cell of a flattened table; it separates column groups.
    fn empty_cell(&mut self, raw: &str) {
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
    }

    /// The date under a signature ends the document's body: the signing body's line above
    /// it and what follows are no part of the last item.
    fn signature_date(&mut self, text: &str, at: &At<'_>) -> Option<usize> {
        if !SIGNATURE_DATE.is_match(at.f) {
            return None;
        }
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
        Some(at.i + 1)
    }

    /// `附件:` opens a list of attachment titles; `附件2 …` opens an attachment as a root.
    fn attachment(&mut self, all: &[Line<'_>], at: &At<'_>) -> Option<usize> {
        let (ts, i) = (at.ts, at.i);
        let att = read_attachment(at.t)?;
        if att.colon || att.number.is_none() {
            // `附件:` — a list of attachment titles follows (or one title and its table).
            self.reset_root(None, ts);
            self.attachment_list = true;
            return Some(i + 1);
        }
        if is_sentence(&att.rest) || att.rest.chars().count() > 40 {
            return None;
        }
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
        Some(next)
    }

    /// The titles listed after `附件:` are skipped; the first line that is not one ends the list.
    fn attachment_list_entry(&mut self, at: &At<'_>) -> Option<usize> {
        if !self.attachment_list {
            return None;
        }
        let label = read_label(at.t);
        // A glossary under a bare `附件` (`附件⏎有关名词解释⏎1.…`) is the attachment itself,
        // not a title in a list of them; a numbered title naming one is a title
        // (`附件：⏎1．附件1：有关名词解释.doc`).
        if label.is_none() && kind::is_glossary(at.f.trim_end().trim_end_matches([':', '：'])) {
            self.attachment_list = false;
            return None;
        }
        let titled =
            label.as_ref().is_some_and(|l| l.style == Style::Arabic) && !at.f.contains('。');
        if titled || (label.is_none() && !is_sentence(at.f) && header_word(at.t).is_none()) {
            return Some(at.i + 1);
        }
        self.attachment_list = false;
        None
    }

    /// A run of two or more header cells, one a line, opens a flattened table.
    fn table_header(&mut self, text: &str, all: &[Line<'_>], at: &At<'_>) -> Option<usize> {
        let mut words = vec![header_word(at.t)?];
        let mut j = at.i + 1;
        while let Some(k) = next_content(all, j) {
            match header_word(all[k].text) {
                Some(w) => {
                    words.push(w);
                    j = k + 1;
                }
                None => break,
            }
        }
        if words.len() < 2 {
            return None;
        }
        self.open_table(text, table_columns(&words));
        Some(j)
    }

    /// Notes under a table (`备注:`, `说明:`) close it and stand at the root's level.
    fn table_note(&mut self, at: &At<'_>) -> Option<usize> {
        let (t, f, ts, te) = (at.t, at.f, at.ts, at.te);
        if self.table.is_none()
            || !(f.starts_with("备注") || f.starts_with("说明") || f.starts_with("注:"))
        {
            return None;
        }
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
        Some(at.i + 1)
    }

    /// A glossary (`《政府工作报告》名词解释`) explains words: its numbered entries are a
    /// silent group that the extractor leaves out.
    fn glossary(&mut self, at: &At<'_>) -> Option<usize> {
        // A heading may end in the colon that opens its entries (`名词解释：`).
        let heading = at.f.trim_end().trim_end_matches([':', '：']);
        if self.table.is_some()
            || !kind::is_glossary(heading)
            || is_sentence(heading)
            || heading.chars().count() > 30
        {
            return None;
        }
        self.reset_root(None, at.ts);
        if let Some(root) = self.items.last_mut() {
            root.heading = at.t.to_string();
        }
        Some(at.i + 1)
    }

    /// A report addressing the assembly or turning to its shortcomings ends the item once
    /// its body has begun: the paragraphs up to the next label are a silent group beside it,
    /// whose inline lists are items, unless they list problems.
    fn turn(&mut self, text: &str, all: &[Line<'_>], at: &At<'_>) -> Option<usize> {
        if self.table.is_some() {
            return None;
        }
        let after_items = self.last_label.is_none_or(|last| at.i > last);
        let turn = turn_of(at.f)
            .or_else(|| (after_items && signs_off(at.f, all, at.i)).then_some(Turn::SignOff))?;
        let open = self.open?;
        // A closing comes after the last item's body: a heading alone on its line goes on
        // in the paragraph after it (`（三）营造良好环境。⏎各地区、各有关部门要…`).
        if self.items[open].table.is_some()
            || !has_body(&self.items[open], text)
            || turn == Turn::SignOff && self.items[open].silent
        {
            return None;
        }
        // A top part of a report that has no numbered items under it (`一、2019年和今年以来工作
        // 回顾`) is one item in paragraphs: addressing the assembly between them goes on with it,
        // where another part follows (after the last, the report closes; an attachment's own
        // numbering, `附件1 2023年十件民生实事⏎一、…`, is no part of the report).
        let style = self.items[open].style;
        if turn == Turn::Salutation
            && self.items[open].ancestors.is_empty()
            && all[at.i + 1..]
                .iter()
                .take_while(|line| read_attachment(line.text.trim()).is_none())
                .any(|line| {
                    read_label(line.text.trim()).is_some_and(|label| Some(label.style) == style)
                })
        {
            return None;
        }
        let ancestors = self.items[open].ancestors.clone();
        let idx = self.push_item(Item {
            segments: vec![(at.ts, at.te)],
            start: at.ts,
            ancestors,
            silent: true,
            lead_in: true,
            excluded: turn == Turn::Problems,
            ..Item::default()
        });
        self.open = Some(idx);
        Some(at.i + 1)
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
        // A label closing the heading a table's rows sit under closes the table too
        // (`二、工作要求` after a flattened indicator table under `一、目标任务`).
        if self.table.is_some() && self.stack.len() < self.table_base {
            self.table = None;
        }
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
            number: label.number,
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

    /// The next number of an open `N.` list where the line goes on with a digit
    /// (`11.121人才梯队项目` after `10.`), or `1.` so opening a list after a line that ends in a
    /// colon (`符合以下条件之一的：⏎1.80周岁及以上的`): read alone either would be a decimal
    /// (`11.121`, `1.80`), but it continues or opens the numbering at a line's start.
    fn next_arabic_before_a_digit(&self, line: &str, before: &[Line<'_>]) -> Option<Label> {
        // Read on the folded head of the line, so that `１１．１２１` is `11.121`; a label is a
        // few characters, and folding keeps one character for one.
        let folded = crate::fold::fold(duban_text::fold::first_chars(line, 12));
        if !folded.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let open = self.stack[self.floor..]
            .iter()
            .rev()
            .map(|&s| &self.items[s])
            .find(|item| item.style == Some(Style::Arabic));
        let after_colon = || {
            before
                .iter()
                .rev()
                .find(|l| !l.text.trim().is_empty())
                .is_some_and(|l| l.text.trim_end().ends_with(['：', ':']))
        };
        let n: u32 = match open {
            Some(item) => item.label.strip_suffix('.')?.parse().ok()?,
            None if after_colon() => 0,
            None => return None,
        };
        let text = format!("{}.", n + 1);
        let rest = folded.strip_prefix(text.as_str())?;
        let len = line
            .char_indices()
            .nth(text.chars().count())
            .map_or(line.len(), |(i, _)| i);
        rest.starts_with(|c: char| c.is_ascii_digit())
            .then(|| Label {
                style: Style::Arabic,
                number: n + 1,
                text,
                len,
            })
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

    /// Reads the inline enumerations `一是…二是…` of items into items of their own: children of
    /// the item whose body (or of the heading whose lead-in) they open, siblings of an item in
    /// whose later paragraph they start.
    fn split_inline_enumerations(&mut self, text: &str) {
        let headings: Vec<bool> = self.items.iter().map(|i| !i.children.is_empty()).collect();
        for (idx, heading) in headings.into_iter().enumerate() {
            let item = &self.items[idx];
            if item.attachment || item.silent && !item.lead_in || item.table.is_some() {
                continue;
            }
            // The enumeration may run over the item's paragraphs (`一是…` and `二是…` each
            // opening a paragraph), so it is read over the item's whole extent.
            let extent = match (item.segments.first(), item.segments.last()) {
                (Some(&(s, _)), Some(&(_, e))) if s <= e => (s, e),
                _ => continue,
            };
            let (s, e) = extent;
            let para = &text[s..e];
            let folded = crate::fold::Folded::new(para);
            let found = inline_enumeration(&folded.folded);
            let Some(first) = found.first() else {
                continue;
            };
            let first_start = s + folded.original_offset(first.start);
            // A list of problems an item admits (`但也存在一些问题：一是…；二是…`) lists no work:
            // the item keeps its text whole.
            if lists_problems(&folded.folded[..first.start]) {
                continue;
            }
            // A heading's lead-in (`二、…重点工作` before its `(一)`) enumerates items of the
            // heading; an item's body enumerates its children, except that a list opening a
            // later paragraph of an item whose first paragraph was its whole body
            // (`过去五年，…一是…二是…`) starts items of their own beside the item.
            let parent = if heading {
                Some(idx)
            } else {
                let segment = item
                    .segments
                    .iter()
                    .position(|&(a, b)| a <= first_start && first_start <= b)
                    .unwrap_or(0);
                // The body opens after a first line that is only the heading
                // (`(一)加强组织领导。`). A section (`一、`, `第三章`) holds lists anywhere in its
                // paragraphs; a lower item only the list that opens its body, and a list opening
                // a later paragraph (`过去五年，…一是…二是…`) stands beside it.
                let heading_line = item
                    .segments
                    .first()
                    .is_some_and(|&(a, b)| is_heading_line(&text[a..b]));
                let section = item
                    .style
                    .is_some_and(|s| s.rank() <= Style::ZhComma.rank());
                if section || segment <= usize::from(heading_line) {
                    Some(idx)
                } else {
                    self.items[idx].segments.truncate(segment);
                    self.items[idx].ancestors.last().copied()
                }
            };
            let ancestors = self.ancestors_under(parent);
            for (k, inline) in found.iter().enumerate() {
                let start = s + folded.original_offset(inline.start);
                let body = s + folded.original_offset(inline.start + inline.label.len);
                let end = found.get(k + 1).map_or_else(
                    // The paragraphs of a heading's lead-in after its list (`2022年是…主要预期
                    // 目标是：…`) are the lead-in's, not the last item's.
                    || {
                        if heading {
                            paragraph_end(text, body, e)
                        } else {
                            e
                        }
                    },
                    |n| s + folded.original_offset(n.start),
                );
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
        }
    }
}

/// Whether the words right before an inline list introduce problems admitted
/// (`…但也存在一些问题：`, `主要问题是：`), not work on them (`针对存在的问题：`).
fn lists_problems(before: &str) -> bool {
    // The problem words are the turns' (`turns.tsv`, `problem`), as a report's turn to its
    // problems reads them.
    static PROBLEMS_AHEAD: LazyLock<Regex> = LazyLock::new(|| {
        let problem = turns().pattern(&[TurnWord::Problem]);
        Regex::new(&format!(
            r"(?:(?:存在|面临|仍有|还有|也有|暴露出)[^。；;：:，,]{{0,12}}?{problem}[^。；;：:，,]{{0,8}}?|(?:主要)?(?:问题|不足)(?:是|有|主要是|表现在))\s*[:：]\s*$"
        ))
        .expect("problems pattern compiles")
    });
    let tail = crate::fold::last_chars(before, 40);
    PROBLEMS_AHEAD.is_match(tail)
        && !["针对", "解决", "整改", "破解", "化解", "应对"]
            .iter()
            .any(|w| tail.contains(w))
}

/// Where the paragraph holding `from` ends, before `limit`: at a line break after a sentence's
/// end (a hard-wrapped line breaks inside a sentence and goes on).
fn paragraph_end(text: &str, from: usize, limit: usize) -> usize {
    let mut at = from;
    while let Some(nl) = text[at..limit].find('\n') {
        let brk = at + nl;
        let before = text[from..brk].trim_end();
        if before.ends_with(['。', '！', '？', '；', '!', '?', ';'])
            && !text[brk..limit].trim().is_empty()
        {
            return from + before.len();
        }
        at = brk + 1;
    }
    limit
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

    /// The paragraphs of a heading's lead-in after its inline list are the lead-in's, not the
    /// last item's; a line hard-wrapped inside a sentence goes on with the item.
    #[test]
    fn a_lead_in_paragraph_after_an_inline_list_is_no_part_of_its_last_item() {
        let text = "二、2022年重点工作\n一是抓项目。二是抓民生。\n2022年是开局之年。主要预期目标是：增长7%。\n（一）扩大投资。\n";
        let items = OutlineParser::parse(text);
        let last = items.iter().find(|i| i.label == "二是").expect("二是");
        assert_eq!(last.text(text), "抓民生。");
        let wrapped =
            "二、2022年重点工作\n一是抓项目。二是抓民生，落实\n社保政策。\n（一）扩大投资。\n";
        let items = OutlineParser::parse(wrapped);
        let last = items.iter().find(|i| i.label == "二是").expect("二是");
        assert!(last.text(wrapped).contains("社保政策"));
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
    fn a_box_may_restart_the_numbering_of_the_item_before_it() {
        let text = "一、重点任务\n（一）完善高速公路网络\n1．加快待贯通路段建设。新建高速公路800公里。\n2．推进繁忙路段扩容。改扩建高速公路300公里。\n专栏1　高速公路重点工程\n1．京雄高速公路河北段：建设里程76公里。\n2．荣乌高速新线：建设里程163公里。\n（二）推进轨道交通建设\n1．建成雄忻高铁。\n";
        let items = OutlineParser::parse(text);
        let labels: Vec<&str> = items
            .iter()
            .filter(|i| i.children.is_empty())
            .map(|i| i.label.as_str())
            .collect();
        assert_eq!(labels, ["1.", "2.", "1."]);
        let second = items.iter().find(|i| i.label == "2.").unwrap();
        assert!(second.text(text).contains("荣乌高速新线"));
    }

    #[test]
    fn a_flattened_cell_may_list_several_bodies() {
        let text = "序号\n工作任务\n牵头单位\n配合单位\n完成时限\n1\n新建城市公园3个\n市城管局\n市财政局、市林业局\n2016年10月底前\n2\n改造老旧小区20个\n市住建局、市城管局\n各区政府\n2016年12月底前\n";
        let items = OutlineParser::parse(text);
        let first = items.iter().find(|i| i.label == "1").unwrap();
        assert_eq!(
            column_roles(first),
            [
                ("市城管局", Role::Lead),
                ("市财政局", Role::Responsible),
                ("市林业局", Role::Responsible)
            ]
        );
        let second = items.iter().find(|i| i.label == "2").unwrap();
        assert_eq!(
            column_roles(second),
            [
                ("市住建局", Role::Lead),
                ("市城管局", Role::Lead),
                ("各区政府", Role::Responsible)
            ]
        );
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

    /// In a flattened table a number alone is a row's 序号 only where it counts the rows on;
    /// another (`15` under `分值`) is a cell of the row.
    #[test]
    fn a_number_cell_of_a_flattened_table_opens_no_row() {
        let text = "序号\n考核内容\n评分标准\n分值\n1\n依法决策\n未经合法性审查的扣0.5分\n15\n2\n普法宣传\n未开展的每次扣1分\n10\n";
        let items = OutlineParser::parse(text);
        let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["1", "2"]);
    }

    /// A heading at the level of the one a flattened table sits under closes the table: the
    /// items after it are no rows.
    #[test]
    fn a_heading_closing_a_tables_parent_closes_the_table() {
        let text = "一、目标任务\n序号\n指标\n目标值\n责任单位\n1\n单位GDP能耗降低率\n≥3.5%\n县发展改革委\n二、工作要求\n1．强化节能审查。严格落实节能审查制度。\n";
        let items = OutlineParser::parse(text);
        let task = items
            .iter()
            .find(|i| i.heading == "强化节能审查")
            .expect("task item");
        assert_eq!(task.table, None);
        let row = items.iter().find(|i| i.label == "1").expect("row item");
        assert!(row.table.is_some());
    }

    /// A short paragraph announcing the table (`…见下表。`) between a heading and its table
    /// leaves the rows the heading's children, and the heading no obligation of its own.
    #[test]
    fn a_lead_in_announcing_a_table_keeps_its_rows_under_the_heading() {
        // The path of the table's row after the paragraph `between` under `一、责任目标`.
        let row_path = |between: &str| -> Vec<String> {
            let text = format!(
                "一、责任目标\n{between}\n序号\t指标\t目标值\n1\t空气质量优良天数比例\t75%以上\n二、工作要求\n（一）完成排查。\n"
            );
            let blocks = html_table(
                &text,
                &["序号", "指标", "目标值"],
                &[&["1", "空气质量优良天数比例", "75%以上"]],
            );
            let items = OutlineParser::parse_with_blocks(&text, &blocks);
            let row = items.iter().find(|i| i.label == "1").expect("row item");
            row.ancestors
                .iter()
                .map(|&a| items[a].path_element())
                .collect()
        };
        assert_eq!(row_path("乙方2023年度主要目标见下表。"), ["一、责任目标"]);
        // A paragraph of work before a table is no lead-in: the table stands apart.
        assert!(
            row_path("全面完成年度目标任务，确保各项指标达到要求，加强日常调度和督查考核。")
                .is_empty()
        );
    }

    /// An indicator table that prints units in a column of their own measures each value
    /// after the unit in it, with the row's indicator.
    #[test]
    fn values_after_a_unit_column_are_measured_in_it() {
        let text = "序号\t指标名称\t单位\t目标值\t责任单位\n1\t地区生产总值增速\t%\t6\t县发展改革局\n2\t城镇新增就业\t人\t≥2000\t县人社局\n3\t开展文件清理\t县司法局\t2\t县财政局\n";
        let blocks = html_table(
            text,
            &["序号", "指标名称", "单位", "目标值", "责任单位"],
            &[
                &["1", "地区生产总值增速", "%", "6", "县发展改革局"],
                &["2", "城镇新增就业", "人", "≥2000", "县人社局"],
                &["3", "开展文件清理", "县司法局", "2", "县财政局"],
            ],
        );
        let items = OutlineParser::parse_with_blocks(text, &blocks);
        let measures: Vec<&str> = items.iter().map(|i| i.measures.trim()).collect();
        // A name in the unit column is no unit: the row measures nothing.
        assert_eq!(measures, ["地区生产总值增速6%", "城镇新增就业≥2000人", ""]);
    }

    /// A bare value is measured in the unit its column's header or its row's indicator prints
    /// in brackets.
    #[test]
    fn a_bracketed_unit_in_a_header_or_an_indicator_measures_bare_values() {
        let text = "序号\t指标\t目标值（%）\n1\t森林覆盖率\t≥62.5\n2\t新增城镇就业（万人）\t1.2\n";
        let blocks = html_table(
            text,
            &["序号", "指标", "目标值（%）"],
            &[
                &["1", "森林覆盖率", "≥62.5"],
                &["2", "新增城镇就业（万人）", "1.2"],
            ],
        );
        let items = OutlineParser::parse_with_blocks(text, &blocks);
        let measures: Vec<&str> = items.iter().map(|i| i.measures.trim()).collect();
        assert_eq!(measures, ["森林覆盖率≥62.5%", "新增城镇就业1.2万人"]);
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

    /// A list that opens a later paragraph of an item (after the item's own long paragraph)
    /// starts items beside it; the item ends before that paragraph.
    #[test]
    fn a_list_in_a_later_paragraph_stands_beside_the_item() {
        let text = "一、工作回顾\n（一）民生持续改善。新建学校十所，新增学位一万个，完成老旧小区改造八十个，城乡居民收入稳步增长，社会保障体系更加健全。\n过去五年，我们坚持以下做法：一是坚持创新发展，综合实力提升。二是坚持协调发展，城乡品质提升。\n";
        let got = outline(text);
        let labels: Vec<(&str, usize)> =
            got.iter().map(|(l, p, _)| (l.as_str(), p.len())).collect();
        assert_eq!(labels, [("(一)", 1), ("一是", 1), ("二是", 1)]);
        let items = OutlineParser::parse(text);
        let first = items.iter().find(|i| i.label == "(一)").unwrap();
        assert!(!first.text(text).contains("过去五年"));
    }

    /// A list in a heading's lead-in enumerates items of that heading, before its children.
    #[test]
    fn a_list_in_a_headings_lead_in_is_under_the_heading() {
        let got = outline(
            "二、2022年重点工作\n做好今年工作，要聚焦两件大事：一是做好旅游文章。二是做足对台文章。\n（一）着力稳增长。推进项目建设。\n",
        );
        let mut items = OutlineParser::parse(
            "二、2022年重点工作\n做好今年工作，要聚焦两件大事：一是做好旅游文章。二是做足对台文章。\n（一）着力稳增长。推进项目建设。\n",
        );
        items.sort_by_key(|i| i.start);
        let labels: Vec<&str> = items
            .iter()
            .filter(|i| i.children.is_empty())
            .map(|i| i.label.as_str())
            .collect();
        assert_eq!(labels, ["一是", "二是", "(一)"]);
        assert!(got.iter().all(|(_, p, _)| p == &["二、2022年重点工作"]));
    }

    /// Addressing the assembly after the last part of a report closes it, though an attachment
    /// after the closing numbers its own items in the same style.
    #[test]
    fn a_closing_before_an_attachment_ends_the_last_part() {
        let text = "一、2022年工作回顾\n完成了任务。\n二、2023年工作安排\n推动发展。\n三、全面加强政府自身建设\n建设法治政府。\n各位代表！全省各级政府必须勇毅前行。\n附件1\n2023年十件民生实事\n一、扩大就业。\n";
        let items = OutlineParser::parse(text);
        let third = items.iter().find(|i| i.label == "三、").unwrap();
        assert!(
            third.text(text).ends_with("建设法治政府。"),
            "{}",
            third.text(text)
        );
    }

    /// A report's turn to its problems ends the open item: the list of problems is no item.
    #[test]
    fn a_turn_to_problems_ends_the_item() {
        let text = "（八）提升政府服务。办理建议七百件。\n回顾一年的工作，我们也清醒地认识到，前进道路上还存在不少困难。一是外部依存度高。二是创新能力不足。\n";
        let items = OutlineParser::parse(text);
        assert_eq!(items[0].text(text), "提升政府服务。办理建议七百件。");
        let problems: Vec<&Item> = items.iter().filter(|i| i.label.ends_with('是')).collect();
        assert_eq!(problems.len(), 2);
        assert!(
            problems
                .iter()
                .all(|i| i.ancestors.iter().any(|&a| items[a].excluded))
        );
        // `我们深知` sees soberly too.
        let text = "（七）提升民生水平。新建学校三所。\n成绩固然可喜，但我们深知，这与人民的期盼相比，还有不少差距。第三产业比重仅为27.2%。\n";
        let items = OutlineParser::parse(text);
        assert_eq!(items[0].text(text), "提升民生水平。新建学校三所。");
    }

    /// A line that continues an open `N.` list with a digit after the dot (`11.121人才梯队项目`
    /// after `10.`), or opens one after a colon (`1.80周岁及以上的`), is the next item, not a
    /// decimal; a decimal opening a line elsewhere is not.
    #[test]
    fn the_next_number_before_a_digit_continues_the_list() {
        let text = "10.“羊城学者”特聘岗位项目。设立50个岗位。\n11.121人才梯队项目。培养不少于10名后备人才。\n";
        let items = OutlineParser::parse(text);
        let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["10.", "11."]);
        assert!(items[1].text(text).starts_with("121人才梯队项目"));
        assert_eq!(
            OutlineParser::parse("1.加强管理。\n3.5亿元用于建设。\n").len(),
            1
        );
        let text =
            "（一）资助对象。符合以下条件之一的老年人：\n1.80周岁及以上的；\n2.纯老家庭人员。\n";
        let labels: Vec<String> = OutlineParser::parse(text)
            .iter()
            .map(|i| i.label.clone())
            .collect();
        assert_eq!(labels, ["(一)", "1.", "2."]);
        assert!(OutlineParser::parse("加强管理。\n1.80米以上的护栏。\n").is_empty());
        // Full-width digits are the same numbers.
        let text = "符合以下条件之一的老年人：\n１．８０周岁及以上的；\n２．纯老家庭人员。\n";
        let items = OutlineParser::parse(text);
        let labels: Vec<&str> = items.iter().map(|i| i.label.as_str()).collect();
        assert_eq!(labels, ["1.", "2."]);
        assert!(items[0].text(text).starts_with("８０周岁"));
    }

    /// The salutation `各位代表` ends the item before it.
    #[test]
    fn a_salutation_ends_the_item() {
        let text = "（三）加强作风建设。落实规定。\n各位代表，时代有新要求，我们深感任务艰巨。\n";
        let items = OutlineParser::parse(text);
        assert!(!items[0].text(text).contains("各位代表"));
        let text = "一、工作回顾\n（一）稳增长。完成目标。\n各位代表！\n疫情发生后，我们全力防控。\n二、今年安排\n";
        let items = OutlineParser::parse(text);
        assert!(!items[1].text(text).contains("疫情"));
    }

    /// A top part of a report without numbered items under it goes on past a salutation
    /// between its paragraphs, until the next part; the last part ends at one.
    #[test]
    fn a_salutation_inside_a_top_part_goes_on_with_it() {
        let text = "一、工作回顾\n过去一年，经济平稳。\n各位代表！\n疫情发生后，我们全力防控。\n二、今年安排\n做好今年工作。\n各位代表！\n让我们团结奋斗。\n";
        let items = OutlineParser::parse(text);
        assert!(items[0].text(text).contains("疫情"));
        assert!(!items[1].text(text).contains("团结奋斗"));
    }

    /// A report's closing heading (`结束语`) ends the item before it.
    #[test]
    fn a_closing_heading_ends_the_item() {
        let text = "一、外交\n我们坚持和平。\n二、国防\n加强国防。\n结束语\n统一祖国是神圣使命。\n";
        let items = OutlineParser::parse(text);
        assert!(!items[1].text(text).contains("统一祖国"));
    }

    /// After the last item's body, a paragraph addressed to all, one about the document, a
    /// signature and its date close the document: they are no part of the last item.
    #[test]
    fn a_documents_closing_is_no_part_of_its_last_item() {
        let text = "一、加强组织领导\n（一）压实责任。各部门落实主体责任。\n（二）强化督查。定期通报进展。\n各地区、各有关部门要按照本方案要求，抓好贯彻落实。\n本方案自印发之日起施行。\n某市人民政府办公室\n二〇二四年三月十四日\n";
        let items = OutlineParser::parse(text);
        let last = items.iter().rfind(|i| i.label == "(二)").unwrap();
        assert_eq!(last.text(text).trim(), "强化督查。定期通报进展。");
        // Addressed to a whole province's levels, or to a county's own departments.
        for closing in [
            "全省各级各有关部门要高度重视，抓好贯彻落实。",
            "县直各有关部门要密切配合。",
            "各乡（镇）、县直各有关部门要按照要求抓好落实。",
            // A township's villages and its own units.
            "各村（社区）、镇属各单位要按照本计划要求，确保各项工作落到实处。",
        ] {
            let text = format!(
                "一、加强组织领导\n（一）压实责任。各部门落实主体责任。\n（二）强化督查。定期通报进展。\n{closing}\n"
            );
            let items = OutlineParser::parse(&text);
            let last = items.iter().rfind(|i| i.label == "(二)").unwrap();
            assert_eq!(
                last.text(&text).trim(),
                "强化督查。定期通报进展。",
                "{closing}"
            );
        }
    }

    /// A last item that is a heading alone on its line goes on in the paragraph after it, even
    /// one addressed to all.
    #[test]
    fn a_last_heading_alone_keeps_the_paragraph_after_it() {
        let text = "（二）严格责任落实。\n对失职的依法处理。\n（三）营造良好环境。\n各地区、各有关部门要做好法规立改废释工作。\n";
        let items = OutlineParser::parse(text);
        assert!(items[1].text(text).contains("立改废释"));
    }

    /// An inline list of problems an item admits is no list of children; one of work on
    /// problems is.
    #[test]
    fn a_list_of_problems_admitted_opens_no_children() {
        let text = "一、工作成效\n一年来完成了改革任务，但也存在一些问题：一是统筹不够；二是基础薄弱；三是人员不足。\n";
        let items = OutlineParser::parse(text);
        assert!(items.iter().all(|i| i.label != "一是"));
        let text = "一、下一步工作\n针对存在的问题：一是加强统筹；二是夯实基础。\n";
        let items = OutlineParser::parse(text);
        assert!(items.iter().any(|i| i.label == "一是"));
    }

    /// A glossary's heading may end in the colon that opens its entries.
    #[test]
    fn a_glossary_heading_may_end_in_a_colon() {
        let text = "二、保障措施\n（一）加强组织领导。\n名词解释：\n1.政务云：指为政务部门提供的云服务。\n2.数据中台：指数据汇聚治理平台。\n";
        let items = OutlineParser::parse(text);
        let glossary = items.iter().position(|i| i.silent).unwrap();
        assert!(
            items
                .iter()
                .filter(|i| i.label == "1." || i.label == "2.")
                .all(|i| i.ancestors == [glossary])
        );
    }

    /// A numbered list of attachment titles is no list of items, whatever the titles name
    /// (`1．附件1：有关名词解释.doc`).
    #[test]
    fn numbered_attachment_titles_naming_a_glossary_are_titles() {
        let items = outline(
            "二、2019年工作安排\n（一）推进产业升级。加快项目建设。\n附件：\n1．附件1：有关名词解释.doc\n2．附件2：2019年宝安区民生实事项目.doc\n",
        );
        let labels: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
        assert_eq!(labels, ["(一)"], "{items:?}");
    }

    /// A glossary printed as an attachment without a number (`附件⏎有关名词解释⏎1.…`) is a
    /// glossary, not a list of attachment titles followed by items.
    #[test]
    fn a_glossary_under_a_bare_attachment_line_is_a_glossary() {
        let text = "二、2024年工作安排\n（一）推动产业升级。新增企业50家。\n附件\n有关名词解释\n1.省委部署：指全省的部署\n2.专精特新企业：每年由工信部进行认定。\n";
        let items = OutlineParser::parse(text);
        let glossary = items
            .iter()
            .position(|i| kind::is_glossary(&i.heading))
            .unwrap();
        assert!(
            items
                .iter()
                .filter(|i| i.label == "1." || i.label == "2.")
                .all(|i| i.ancestors == [glossary])
        );
    }

    /// The numbered entries of a glossary explain words: they are a silent group.
    #[test]
    fn glossary_entries_are_a_silent_group() {
        let items = OutlineParser::parse(
            "（六）突出治理。推进依法行政。\n《政府工作报告》名词解释\n1.民生支出：指教育、医疗等支出。\n2.平安细胞：指平安社区。\n",
        );
        let glossary = items.iter().position(|i| i.silent).unwrap();
        assert!(kind::is_glossary(&items[glossary].heading));
        let entries: Vec<&Item> = items
            .iter()
            .filter(|i| i.label == "1." || i.label == "2.")
            .collect();
        assert!(entries.iter().all(|i| i.ancestors == [glossary]));
    }

    /// A section (`一、`) holds a list anywhere in its paragraphs; a lower item whose heading
    /// stands alone holds only the list that opens its body.
    #[test]
    fn a_section_holds_lists_anywhere_a_lower_item_only_at_its_start() {
        let got = outline(
            "一、过去一年的工作\n五年来，经济持续增长，民生不断改善。\n过去一年，我们做了以下工作：一是抓好防控。二是稳住经济。\n",
        );
        assert!(
            got.iter().all(|(_, p, _)| p == &["一、过去一年的工作"]),
            "{got:?}"
        );
        let got = outline(
            "二、今年的工作\n（十）发展社会事业。\n加快建设教育高地，办好人民满意的教育。\n今年继续办好民生实事。一是扩充学位。二是改造小区。\n",
        );
        let labels: Vec<(&str, usize)> =
            got.iter().map(|(l, p, _)| (l.as_str(), p.len())).collect();
        assert_eq!(labels, [("(十)", 1), ("一是", 1), ("二是", 1)]);
    }
}
