//! HTML pages to lines: main-content extraction with scraper, tables kept as rows.
//!
//! The main content is the pipeline's content selector when it names one; otherwise the
//! container that holds the most non-link text, scored the way readability tools do (each
//! text gives its length to the nearest container, half to the next one up, a quarter to the
//! one above), with the classes government sites use for their article body (`TRS_Editor`,
//! `#zoom`, `.article`, `.content`, …) preferred and navigation, sidebars, share bars and
//! related lists penalised. Inside the main content, scripts, styles, forms, navigation and
//! chrome-classed elements are skipped; paragraphs become lines; a data table (no nested
//! tables) becomes one line per row with cells joined by tabs, rowspans filled down.
//!
//! Outside the main content, the page still has the document's title (`<h1>`, the
//! `ArticleTitle` meta tag, `<title>`) and its labelled fields (`发布日期:`, `索引号:`, …),
//! which are returned for `meta`. This module does not judge text lines as chrome (see
//! `chrome`); it only uses markup.
//!
//! Every walk of the tree is iterative (an explicit stack, or one pass in document order that
//! carries each element's answer down to its children), so no nesting depth can overflow a
//! thread's stack; the page reaching here has been bounded by `markup` (depth and attributes).

use crate::dates::{date_line, parse_date_prefix};
use crate::fields::{Field, info_row, page_info};
use crate::meta::{is_org, is_party_line, is_signatory_line};
use duban_lexicon::{Cue, column_cues};
use duban_model::Date;
use ego_tree::NodeRef;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// One line of the main content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// A paragraph or heading.
    Text(String),
    /// The header row of table `n`.
    Header(usize),
    /// Row `r` of table `n`.
    Row(usize, usize),
}

/// A table of the main content.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Column headers (empty when the table has no header row).
    pub header: Vec<String>,
    /// Body rows, cells in column order.
    pub rows: Vec<Vec<String>>,
}

/// What a page gives the cleaner.
#[derive(Debug, Default)]
pub struct Page {
    /// The main content's lines.
    pub pieces: Vec<Piece>,
    /// Its tables.
    pub tables: Vec<Table>,
    /// Labelled fields outside the main content.
    pub fields: Vec<Field>,
    /// Title candidates from the markup, best first.
    pub titles: Vec<String>,
    /// Publication date from the meta tags.
    pub published: Option<Date>,
    /// Problems met (a content selector that matched nothing, no container found).
    pub warnings: Vec<String>,
}

static CHROME_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|bread|position|location|weizhi|dqwz|curpos|share|bdshare|fenxiang|print|dayin|footer|foot|sidebar|aside|related|relate|xgwz|xgxx|xglj|recommend|comments?|pinglun|pagination|pager|paging|copyright|banner|logo|search|login|toolbar|gotop|backtop|qrcode|erweima|ewm|ads?|advert|rank|hot|friendlink|links)([\s_-]|\d|$)")
        .expect("static regex")
});
static CONTENT_CLASS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)TRS_Editor|TRS_UEDITOR|^zoom$|(^|[\s_-])zoom|UCAP-CONTENT|pages_content|article|content|wzcon|(^|[\s_-])zw([\s_-]|$)|news_con|detail|main-?txt|fontzoom|(^|[\s_-])view([\s_-]|$)|text|body")
        .expect("static regex")
});

const SKIPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "iframe", "form", "button", "select", "input", "textarea",
    "nav", "aside", "footer", "header", "object", "embed", "svg", "canvas", "template", "head",
    "link", "meta", "map", "audio", "video",
];
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "center",
    "hr",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "caption",
    "body",
    "html",
    "address",
    "figure",
    "figcaption",
    "fieldset",
];
const CONTAINER_TAGS: &[&str] = &["div", "article", "section", "main", "td", "body", "center"];
/// Ancestors of a text that its length is shared among, at most.
const MAX_SCORED_ANCESTORS: usize = 256;

/// Whether an element is hidden from the reader. Not `<html>` or `<body>`: a page that hides
/// its whole body (`<body style='visibility: hidden'>`, Guangdong's gkmlpt pages) shows it from
/// a script once loaded, and hiding it all would leave no page to read.
fn is_hidden(el: &scraper::node::Element) -> bool {
    if matches!(el.name(), "body" | "html") {
        return false;
    }
    el.attr("hidden").is_some()
        || el.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

fn class_and_id(el: &scraper::node::Element) -> String {
    format!(
        "{} {}",
        el.attr("class").unwrap_or(""),
        el.attr("id").unwrap_or("")
    )
}

fn is_chrome_element(el: &scraper::node::Element) -> bool {
    SKIPPED_TAGS.contains(&el.name()) || is_hidden(el) || CHROME_CLASS.is_match(&class_and_id(el))
}

/// A table holding no other table, with at least two rows of two cells: data, not layout.
fn is_data_table(table: ElementRef) -> bool {
    static NESTED: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("table").expect("static selector"));
    static TR: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("tr").expect("static selector"));
    if table.select(&NESTED).next().is_some() {
        return false;
    }
    table
        .select(&TR)
        .filter(|tr| {
            tr.children()
                .filter_map(ElementRef::wrap)
                .filter(|c| matches!(c.value().name(), "td" | "th"))
                .count()
                >= 2
        })
        .count()
        >= 2
}

/// Reads a page.
pub fn read_page(source: &str, content_selector: Option<&str>) -> Page {
    let doc = Html::parse_document(source);
    let mut page = Page {
        titles: title_candidates(&doc),
        published: meta_published(&doc),
        ..Page::default()
    };
    let main = content_selector
        .and_then(|sel| match Selector::parse(sel) {
            Ok(s) => {
                let found = doc.select(&s).next();
                if found.is_none() {
                    page.warnings.push(format!(
                        "content selector {sel:?} matched nothing; used the scoring heuristic"
                    ));
                }
                found
            }
            Err(_) => {
                page.warnings.push(format!(
                    "content selector {sel:?} is not valid CSS; used the scoring heuristic"
                ));
                None
            }
        })
        .or_else(|| best_container(&doc));
    let root = doc.root_element();
    let main = main.unwrap_or_else(|| {
        page.warnings
            .push("no main-content container found; used the whole page".into());
        root
    });
    let mut r = Renderer::new(true, None);
    r.walk(*main);
    r.flush();
    page.pieces = r.pieces;
    page.pieces.extend(signature_after(main));
    page.tables = r.tables;
    // The rest of the page, for its labelled fields.
    let mut outside = Renderer::new(false, Some(main.id()));
    outside.walk(*root);
    outside.flush();
    for p in &outside.pieces {
        if let Piece::Text(t) = p
            && let Some(f) = page_info(t)
        {
            page.fields.extend(f);
        }
    }
    page.fields.append(&mut outside.fields);
    for t in &outside.tables {
        for row in std::iter::once(&t.header).chain(&t.rows) {
            if let Some(f) = info_row(row) {
                page.fields.extend(f);
            }
        }
    }
    page.fields.append(&mut r.fields);
    page
}

/// Whether a table holds an agreement's signatures: every cell a party's line (`甲方：…`), a
/// signatory's office and name, or a date alone, with a party and a date among them.
fn is_signature_table(grid: &[Vec<String>]) -> bool {
    let cells = || grid.iter().flatten().filter(|c| !c.is_empty());
    cells().all(|c| is_party_line(c) || is_signatory_line(c) || date_line(c).is_some())
        && cells().any(|c| is_party_line(c))
        && cells().any(|c| date_line(c).is_some())
}

/// How many lines after the main content are read for a signature left outside it.
const SIGNATURE_LINES: usize = 4;

/// The signature a page prints right after its main content's container, outside it
/// (`<div id=zoom>…</div><p align=right>某市人民政府办公室<br>2023年5月8日</p>`): the document's
/// own last lines, which the container's choice left out. Only a signature is taken: the first
/// lines after the container, a short line that names no sentence then a date alone.
fn signature_after(main: ElementRef) -> Vec<Piece> {
    let mut lines: Vec<String> = Vec::new();
    for sibling in main.next_siblings() {
        if lines.len() >= SIGNATURE_LINES {
            break;
        }
        let mut r = Renderer::new(true, None);
        r.walk(sibling);
        r.flush();
        if !r.tables.is_empty() {
            break;
        }
        lines.extend(r.pieces.into_iter().filter_map(|p| match p {
            Piece::Text(t) => Some(t),
            _ => None,
        }));
    }
    lines.truncate(SIGNATURE_LINES);
    // A signer's line names a body as an issuer's name ends, or several; a headline over its
    // date in a list of news (`关于…的通知⏎2023-05-08`) names none.
    let signer = |l: &str| l.chars().count() <= 40 && !l.contains('；') && is_org(l.trim());
    let Some(date) = (1..lines.len()).find(|&i| date_line(&lines[i]).is_some()) else {
        return Vec::new();
    };
    if !lines[..date].iter().all(|l| signer(l)) {
        return Vec::new();
    }
    lines.truncate(date + 1);
    lines.into_iter().map(Piece::Text).collect()
}

/// Selectors parsed once: every page asks the same.
fn selectors(list: &[&str]) -> Vec<Selector> {
    list.iter()
        .map(|s| Selector::parse(s).expect("static selector"))
        .collect()
}

fn title_candidates(doc: &Html) -> Vec<String> {
    static META: LazyLock<Vec<Selector>> = LazyLock::new(|| {
        selectors(&[
            "meta[name=ArticleTitle]",
            "meta[name=articletitle]",
            "meta[property='og:title']",
        ])
    });
    static HEADINGS: LazyLock<Vec<Selector>> = LazyLock::new(|| {
        selectors(&[
            "h1",
            ".title",
            "#title",
            ".article-title",
            ".bt",
            ".tit",
            ".news_title",
            "h2",
            "h3",
        ])
    });
    static TITLE: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("title").expect("static selector"));
    let mut out = Vec::new();
    let mut push = |s: &str| {
        let s = collapse(s);
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    for s in META.iter() {
        for m in doc.select(s) {
            push(m.attr("content").unwrap_or(""));
        }
    }
    for s in HEADINGS.iter() {
        for m in doc.select(s).take(5) {
            push(&m.text().collect::<String>());
        }
    }
    for m in doc.select(&TITLE) {
        let t: String = m.text().collect();
        for part in t.split(['_', '|', '｜', '-', '—', '–']) {
            push(part);
        }
    }
    out
}

fn meta_published(doc: &Html) -> Option<Date> {
    let names = [
        "pubdate",
        "publishdate",
        "firstpublishedtime",
        "publish_date",
        "dc.date",
        "article:published_time",
    ];
    static META: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("meta").expect("static selector"));
    doc.select(&META).find_map(|m| {
        let name = m
            .attr("name")
            .or_else(|| m.attr("property"))
            .unwrap_or("")
            .to_ascii_lowercase();
        names
            .contains(&name.as_str())
            .then(|| m.attr("content").and_then(parse_date_prefix))
            .flatten()
    })
}

/// Collapses whitespace runs to one space and trims.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The element that holds the page's main text, by readability-style scoring.
fn best_container(doc: &Html) -> Option<ElementRef<'_>> {
    let mut scores: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    static TABLE: LazyLock<Selector> =
        LazyLock::new(|| Selector::parse("table").expect("static selector"));
    #[derive(Clone, Copy, Default)]
    struct Inside {
        link_or_chrome: bool,
        data_table: bool,
    }
    let data_tables: HashSet<ego_tree::NodeId> = doc
        .select(&TABLE)
        .filter(|t| is_data_table(*t))
        .map(|t| t.id())
        .collect();
    // Whether a node is inside a link or chrome (its text scores nothing), and whether it is
    // inside a data table: its parent's answer and its own, in document order, so that each
    // element is looked at once whatever the page's depth.
    let mut inside: HashMap<ego_tree::NodeId, Inside> = HashMap::new();
    for node in doc.tree.root().descendants() {
        let from_parent = node
            .parent()
            .and_then(|p| inside.get(&p.id()).copied())
            .unwrap_or_default();
        let text = match node.value() {
            Node::Text(text) => text,
            Node::Element(el) => {
                inside.insert(
                    node.id(),
                    Inside {
                        link_or_chrome: from_parent.link_or_chrome
                            || el.name() == "a"
                            || is_chrome_element(el),
                        data_table: from_parent.data_table || data_tables.contains(&node.id()),
                    },
                );
                continue;
            }
            _ => {
                inside.insert(node.id(), from_parent);
                continue;
            }
        };
        let len = text.chars().filter(|c| !c.is_whitespace()).count();
        if len < 2 || from_parent.link_or_chrome {
            continue;
        }
        let mut share = len as f64;
        let mut in_table = from_parent.data_table;
        // The share halves at each container; the cap bounds the climb through a deep run of
        // inline elements, which real pages do not have.
        for a in node.ancestors().take(MAX_SCORED_ANCESTORS) {
            let Node::Element(el) = a.value() else {
                continue;
            };
            if el.name() == "table" {
                in_table = false;
            }
            if !CONTAINER_TAGS.contains(&el.name()) || (el.name() == "td" && in_table) {
                continue;
            }
            *scores.entry(a.id()).or_default() += share;
            share /= 2.0;
            if share < 1.0 {
                break;
            }
        }
    }
    scores
        .into_iter()
        .filter_map(|(id, s)| {
            let el = ElementRef::wrap(doc.tree.get(id)?)?;
            let attrs = class_and_id(el.value());
            let boost = if CHROME_CLASS.is_match(&attrs) {
                0.1
            } else if CONTENT_CLASS.is_match(&attrs) {
                1.5
            } else {
                1.0
            };
            Some((el, s * boost))
        })
        .max_by(|a, b| {
            a.1.total_cmp(&b.1)
                .then_with(|| b.0.id().cmp(&a.0.id()).reverse())
        })
        .map(|(el, _)| el)
}

struct Renderer {
    skip_chrome: bool,
    skip_node: Option<ego_tree::NodeId>,
    pieces: Vec<Piece>,
    tables: Vec<Table>,
    /// The fields of information tables met on the way, which give no pieces.
    fields: Vec<Field>,
    line: String,
}

impl Renderer {
    fn new(skip_chrome: bool, skip_node: Option<ego_tree::NodeId>) -> Self {
        Renderer {
            skip_chrome,
            skip_node,
            pieces: Vec::new(),
            tables: Vec::new(),
            fields: Vec::new(),
            line: String::new(),
        }
    }

    fn flush(&mut self) {
        let t = self.line.trim();
        if !t.is_empty() {
            self.pieces.push(Piece::Text(t.to_string()));
        }
        self.line.clear();
    }

    fn push_text(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_ascii_whitespace() {
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            } else {
                self.line.push(c);
            }
        }
    }

    /// Renders `node` and everything under it, in document order.
    ///
    /// The walk keeps its own stack instead of recursing: a page's nesting depth is the
    /// page's choice, and a thread's stack is not.
    fn walk(&mut self, node: NodeRef<Node>) {
        enum Step<'a> {
            Enter(NodeRef<'a, Node>),
            /// The end of a block element: its text ends a line.
            Leave,
        }
        let mut steps = vec![Step::Enter(node)];
        while let Some(step) = steps.pop() {
            let node = match step {
                Step::Enter(node) => node,
                Step::Leave => {
                    self.flush();
                    continue;
                }
            };
            if Some(node.id()) == self.skip_node {
                continue;
            }
            match node.value() {
                Node::Text(t) => self.push_text(t),
                Node::Element(el) => {
                    let name = el.name();
                    if SKIPPED_TAGS.contains(&name)
                        || is_hidden(el)
                        || (self.skip_chrome && CHROME_CLASS.is_match(&class_and_id(el)))
                    {
                        continue;
                    }
                    if name == "br" {
                        self.flush();
                        continue;
                    }
                    if name == "table"
                        && let Some(t) = ElementRef::wrap(node).filter(|t| is_data_table(*t))
                    {
                        self.flush();
                        self.table(t);
                        continue;
                    }
                    if BLOCK_TAGS.contains(&name) {
                        self.flush();
                        steps.push(Step::Leave);
                    }
                    steps.extend(node.children().rev().map(Step::Enter));
                }
                Node::Document | Node::Fragment => {
                    steps.extend(node.children().rev().map(Step::Enter));
                }
                _ => {}
            }
        }
    }

    /// The text of a cell: its lines joined by a space.
    fn cell_text(&self, cell: ElementRef) -> String {
        let mut r = Renderer::new(self.skip_chrome, None);
        for child in cell.children() {
            r.walk(child);
        }
        r.flush();
        let lines: Vec<String> = r
            .pieces
            .into_iter()
            .filter_map(|p| match p {
                Piece::Text(t) => Some(t),
                _ => None,
            })
            .collect();
        lines.join(" ")
    }

    /// Reads a table that is no data table of the document's, and says whether it was one: the
    /// page's information table or an agreement's signatures.
    fn read_as_no_table(&mut self, grid: &[Vec<String>]) -> bool {
        // A table whose every row is label and value cells (`索引号 | … | 发文字号 | …`) is the
        // page's information table, wherever it stands (a page without a content container has
        // it beside the title): its fields are read, and its rows are no lines of the document.
        let info: Option<Vec<Vec<Field>>> = grid.iter().map(|row| info_row(row)).collect();
        if let Some(info) = info {
            self.fields.extend(info.into_iter().flatten());
            return true;
        }
        // An agreement's signatures set out side by side (`甲方：某市人民政府 | 乙方：某县人民政府`,
        // `市长：张某 | 县长：李某`, the dates): each party's column is its signature, read as
        // lines in the column's order, not as rows of data.
        if is_signature_table(grid) {
            let width = grid.iter().map(Vec::len).max().unwrap_or(0);
            for col in 0..width {
                for row in grid {
                    if let Some(cell) = row.get(col).filter(|c| !c.is_empty()) {
                        self.pieces.push(Piece::Text(cell.clone()));
                    }
                }
            }
            return true;
        }
        false
    }

    fn table(&mut self, table: ElementRef) {
        static TR: LazyLock<Selector> =
            LazyLock::new(|| Selector::parse("tr").expect("static selector"));
        let mut grid: Vec<Vec<String>> = Vec::new();
        let mut th_rows: Vec<bool> = Vec::new();
        // Cells still spanning down: column → (text, rows left).
        let mut pending: HashMap<usize, (String, usize)> = HashMap::new();
        for tr in table.select(&TR) {
            let in_thead = tr
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| a.value().name() == "thead");
            let mut row: Vec<String> = Vec::new();
            let mut all_th = true;
            let mut col = 0;
            let fill = |row: &mut Vec<String>,
                        col: &mut usize,
                        pending: &mut HashMap<usize, (String, usize)>| {
                while let Some((text, left)) = pending.get_mut(col) {
                    row.push(text.clone());
                    *left -= 1;
                    if *left == 0 {
                        pending.remove(col);
                    }
                    *col += 1;
                }
            };
            for cell in tr.children().filter_map(ElementRef::wrap) {
                let name = cell.value().name();
                if name != "td" && name != "th" {
                    continue;
                }
                all_th &= name == "th";
                fill(&mut row, &mut col, &mut pending);
                let text = self.cell_text(cell);
                let span = |a: &str| {
                    cell.value()
                        .attr(a)
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .clamp(1, 100)
                };
                let (colspan, rowspan) = (span("colspan"), span("rowspan"));
                for k in 0..colspan {
                    let t = if k == 0 { text.clone() } else { String::new() };
                    if rowspan > 1 {
                        pending.insert(col, (t.clone(), rowspan - 1));
                    }
                    row.push(t);
                    col += 1;
                }
            }
            fill(&mut row, &mut col, &mut pending);
            if row.iter().all(|c| c.is_empty()) {
                continue;
            }
            th_rows.push(all_th || in_thead);
            grid.push(row);
        }
        if grid.is_empty() {
            return;
        }
        if self.read_as_no_table(&grid) {
            return;
        }
        // A caption in the table's first row, one cell across the columns
        // (`某市2022年重点工作任务分工表`): a paragraph before the table, not a row of it.
        if grid.len() >= 3
            && grid[0].len() >= 2
            && grid[0].iter().filter(|c| !c.is_empty()).count() == 1
        {
            let caption = grid.remove(0).concat();
            th_rows.remove(0);
            self.pieces.push(Piece::Text(caption));
        }
        let header = header_rows(&grid, &th_rows);
        let mut t = Table::default();
        let n = self.tables.len();
        let mut rows = grid.into_iter();
        if header > 0 {
            t.header = rows.next().unwrap_or_default();
            if header == 2 {
                let names = rows.next().unwrap_or_default();
                for (h, name) in t.header.iter_mut().zip(names) {
                    if !name.is_empty() {
                        *h = name;
                    }
                }
            }
            self.pieces.push(Piece::Header(n));
        }
        for (i, mut row) in rows.enumerate() {
            while row.last().is_some_and(String::is_empty) {
                row.pop();
            }
            t.rows.push(row);
            self.pieces.push(Piece::Row(n, i));
        }
        self.tables.push(t);
    }
}

/// How many of a table's first rows are its header: none, one, or two, where a cell across the
/// columns it heads (`责任单位` over `牵头单位` and `配合单位`) leaves the second row to name them.
/// A header row holds short cells, none empty unless a cell spans them, and a header word of
/// task and scoring tables (`corpora/lexicon/column_cues.tsv`), or is made of `<th>` cells.
pub(crate) fn header_rows(grid: &[Vec<String>], th_rows: &[bool]) -> usize {
    let header_like = |row: &[String], th: bool, spanned: bool| {
        th || (row.iter().all(|c| {
            if c.is_empty() {
                spanned
            } else {
                c.chars().count() <= 20 && !c.chars().all(|ch| ch.is_ascii_digit())
            }
        }) && row
            .iter()
            .any(|c| column_cues().list(Cue::HeaderRow).found_in(c)))
    };
    let two_rows = grid.len() >= 3
        && grid[0].iter().any(String::is_empty)
        && header_like(&grid[0], th_rows[0], true)
        && grid[1].len() == grid[0].len()
        && header_like(&grid[1], th_rows[1], false)
        && grid[1].iter().zip(&grid[0]).any(|(a, b)| a != b);
    if two_rows {
        2
    } else if header_like(&grid[0], th_rows[0], false) && (th_rows[0] || grid.len() >= 2) {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &Page) -> Vec<String> {
        p.pieces
            .iter()
            .map(|x| match x {
                Piece::Text(t) => t.clone(),
                Piece::Header(n) => p.tables[*n].header.join("\t"),
                Piece::Row(n, r) => p.tables[*n].rows[*r].join("\t"),
            })
            .collect()
    }

    const BODY: &str = "<p>一、总体要求。坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政，加快建设法治政府。</p><p>二、主要任务。完善依法决策机制，严格规范公正文明执法，强化对行政权力的制约和监督。</p>";

    #[test]
    fn the_article_body_wins_over_navigation_and_sidebars() {
        let html = format!(
            "<html><body><div class=\"nav\"><a href=/>首页</a><a href=/a>政务公开</a></div>\
             <div class=\"left\"><ul><li><a href=/x>通知公告</a></li><li><a href=/y>政策解读</a></li></ul></div>\
             <div class=\"right\"><h1>某市关于加强法治政府建设的意见</h1><div class=\"TRS_Editor\">{BODY}</div>\
             <div class=\"share\">分享到：微信 微博</div></div><div class=\"footer\">版权所有 某市人民政府</div></body></html>"
        );
        let p = read_page(&html, None);
        let t = texts(&p);
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t[0].starts_with("一、总体要求"));
        assert_eq!(p.titles[0], "某市关于加强法治政府建设的意见");
    }

    #[test]
    fn a_content_selector_from_the_pipeline_is_used() {
        let html = format!(
            "<div id=a><p>侧栏文字侧栏文字侧栏文字侧栏文字侧栏文字侧栏文字侧栏文字</p></div><div id=b><p>短正文。</p></div>{BODY}"
        );
        let p = read_page(&html, Some("#b"));
        assert_eq!(texts(&p), ["短正文。"]);
    }

    #[test]
    fn a_selector_that_matches_nothing_falls_back_with_a_warning() {
        let p = read_page(&format!("<div>{BODY}</div>"), Some("#nope"));
        assert_eq!(p.pieces.len(), 2);
        assert!(!p.warnings.is_empty());
    }

    #[test]
    fn scripts_styles_and_hidden_elements_are_dropped() {
        let html = format!(
            "<div class=content><script>var a='脚本';</script><style>p{{}}</style><p style=\"display: none\">隐藏文字</p>{BODY}</div>"
        );
        let t = texts(&read_page(&html, None));
        assert!(t.iter().all(|l| !l.contains("脚本") && !l.contains("隐藏")));
    }

    /// A page that hides its whole body until a script shows it (Guangdong's gkmlpt pages:
    /// `<body style='visibility: hidden'>`) is read; hidden elements inside it are not.
    #[test]
    fn a_body_hidden_until_a_script_shows_it_is_read() {
        let html = format!(
            "<html><body style='visibility: hidden'><div class=content><p style=\"display:none\">隐藏文字</p>{BODY}</div></body></html>"
        );
        let t = texts(&read_page(&html, None));
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(t.iter().all(|l| !l.contains("隐藏")));
    }

    #[test]
    fn table_rows_become_tab_separated_rows_under_their_header() {
        let html = format!(
            "<div class=content>{BODY}<p>附件</p><table><tr><td>序号</td><td>工作任务</td><td>牵头单位</td></tr>\
             <tr><td>1</td><td>完善决策机制</td><td rowspan=2>区司法局</td></tr>\
             <tr><td>2</td><td>规范执法<br>行为</td></tr></table></div>"
        );
        let p = read_page(&html, None);
        assert_eq!(p.tables.len(), 1);
        assert_eq!(p.tables[0].header, ["序号", "工作任务", "牵头单位"]);
        assert_eq!(p.tables[0].rows[1], ["2", "规范执法 行为", "区司法局"]);
        assert!(texts(&p).contains(&"1\t完善决策机制\t区司法局".to_string()));
    }

    #[test]
    fn a_caption_row_and_a_header_of_two_rows_are_read_as_such() {
        let html = format!(
            "<div class=content>{BODY}<table>\
             <tr><td colspan=5>某市2022年重点工作任务分工表</td></tr>\
             <tr><td rowspan=2>序号</td><td rowspan=2>工作任务</td><td colspan=2>责任单位</td><td rowspan=2>完成时限</td></tr>\
             <tr><td>牵头单位</td><td>配合单位</td></tr>\
             <tr><td>1</td><td>新建城市公园3个</td><td>市城管局</td><td>市财政局</td><td>2022年10月底前</td></tr>\
             <tr><td>2</td><td>改造老旧小区20个</td><td>市住建局</td><td>各区政府</td><td>2022年12月底前</td></tr>\
             </table></div>"
        );
        let p = read_page(&html, None);
        assert_eq!(
            p.tables[0].header,
            ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]
        );
        assert_eq!(p.tables[0].rows.len(), 2);
        assert!(texts(&p).contains(&"某市2022年重点工作任务分工表".to_string()));
    }

    #[test]
    fn layout_tables_are_read_as_blocks() {
        let html = format!(
            "<table><tr><td><table><tr><td>导航</td></tr></table></td><td class=zw>{BODY}</td></tr></table>"
        );
        let p = read_page(&html, None);
        assert!(p.tables.is_empty());
        assert_eq!(p.pieces.len(), 2);
    }

    #[test]
    fn labelled_fields_outside_the_body_are_read() {
        let html = format!(
            "<html><head><meta name=\"PubDate\" content=\"2019-05-06 10:00\"></head><body>\
             <table class=info><tr><td>索引号：</td><td>0001/2019-00012</td><td>发文字号：</td><td>某府发〔2019〕3号</td></tr>\
             <tr><td>发布机构：</td><td>某市人民政府</td><td>成文日期：</td><td>2019年04月30日</td></tr></table>\
             <div class=article>{BODY}</div></body></html>"
        );
        let p = read_page(&html, None);
        assert_eq!(p.published, Date::new(2019, 5, 6));
        let doc_no = p.fields.iter().find(|f| f.name == "发文字号").unwrap();
        assert_eq!(doc_no.value, "某府发〔2019〕3号");
        assert!(
            p.fields
                .iter()
                .any(|f| f.name == "成文日期" && f.date() == Date::new(2019, 4, 30))
        );
    }

    /// An information table inside the main content is the page's, not the document's: its
    /// fields are read and its rows give no lines.
    #[test]
    fn an_information_table_in_the_main_content_gives_fields_not_lines() {
        let html = format!(
            "<html><body><table><tr><td>索引号：</td><td>0001/2021-00007</td><td>主题分类：</td><td>综合政务</td></tr>\
             <tr><td>文号：</td><td>余政发〔2021〕7号</td><td>发布日期：</td><td>2021-04-02</td></tr></table>\
             <h2>某县人民政府关于加强法治政府建设的意见</h2>{BODY}</body></html>"
        );
        let p = read_page(&html, None);
        assert!(p.tables.is_empty());
        assert_eq!(texts(&p)[0], "某县人民政府关于加强法治政府建设的意见");
        assert!(p.fields.iter().any(|f| f.value == "余政发〔2021〕7号"));
    }

    /// An agreement's signatures set side by side in a table are read party by party, as lines.
    #[test]
    fn a_signature_table_is_read_column_by_column() {
        let html = format!(
            "<div class=content>{BODY}<table><tr><td>甲方：某市人民政府</td><td>乙方：某县人民政府</td></tr>\
             <tr><td>市长：张某某</td><td>县长：李某某</td></tr>\
             <tr><td>2024年3月8日</td><td>2024年3月8日</td></tr></table></div>"
        );
        let p = read_page(&html, None);
        assert!(p.tables.is_empty());
        assert_eq!(
            texts(&p)[2..],
            [
                "甲方：某市人民政府",
                "市长：张某某",
                "2024年3月8日",
                "乙方：某县人民政府",
                "县长：李某某",
                "2024年3月8日"
            ]
        );
    }

    /// A signature printed right after the main content's container is the document's last
    /// lines; other lines after it are not.
    #[test]
    fn a_signature_right_after_the_main_content_is_kept() {
        let html = format!(
            "<html><body><div id=zoom>{BODY}</div><p align=right>某市人民政府办公室<br>2023年5月8日</p>\
             <div>主办单位：某市人民政府办公室</div></body></html>"
        );
        let t = texts(&read_page(&html, None));
        assert_eq!(t[t.len() - 2..], ["某市人民政府办公室", "2023年5月8日"]);
        for after in [
            "<p>网站地图</p><p>联系我们</p>",
            "<ul><li>关于开展安全生产大检查的通知</li><li>2023-05-08</li></ul>",
        ] {
            let html = format!("<html><body><div id=zoom>{BODY}</div>{after}</body></html>");
            assert_eq!(texts(&read_page(&html, None)).len(), 2, "{after}");
        }
    }

    /// An information table's label cells need no colon: the cell ends the label.
    #[test]
    fn an_information_table_without_colons_gives_its_fields() {
        let html = format!(
            "<html><body><table><tr><td>索 引 号</td><td>0001/2021-00007</td><td>主题分类</td><td>综合政务</td></tr>\
             <tr><td>文\u{3000}\u{3000}号</td><td>余政发〔2021〕7号</td><td>发布日期</td><td>2021-04-02</td></tr></table>\
             <div class=article>{BODY}</div></body></html>"
        );
        let p = read_page(&html, None);
        assert!(
            p.fields
                .iter()
                .any(|f| f.label == crate::fields::Label::DocNumber
                    && f.value == "余政发〔2021〕7号")
        );
        assert!(p.fields.iter().any(
            |f| f.label == crate::fields::Label::Published && f.date() == Date::new(2021, 4, 2)
        ));
    }

    #[test]
    fn a_page_nested_to_the_limit_is_read_on_a_small_stack() {
        // A recursive walk needs a frame per level: 5,000 levels overflow a 256 KiB stack.
        let depth = duban_model::Limits::default().max_nesting;
        let page = format!(
            "{}<p>区人力社保局负责于每季度末统计就业困难人员援助情况。</p>{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let t = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || texts(&read_page(&page, None)))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(t, ["区人力社保局负责于每季度末统计就业困难人员援助情况。"]);
    }

    #[test]
    fn malformed_html_is_read_best_effort() {
        let p = read_page(
            "<div class=content><p>一、总体要求。坚持依法行政<td></b>全面推进<p>二、主要任务",
            None,
        );
        assert!(!p.pieces.is_empty());
    }
}
