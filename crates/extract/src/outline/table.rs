//! Tables: the header words that open a table flattened one cell per line, the roles its
//! columns give to bodies, and the rows of HTML tables (cells from the cleaner's
//! [`Block::Table`](duban_model::Block)) and of flattened tables as items.
//!
//! A task table's body columns give its rows' bodies (the first group of a row's bodies, up to
//! an empty cell, sat in the lead column); a rubric's unnumbered rows (`特别加分`) are rows of
//! their own; a numbered row with nothing but a title groups the rows after it.
//!
//! The header words and the cues of a column's role are data
//! (`corpora/lexicon/table_headers.tsv`, `column_cues.tsv`), read through `duban-lexicon`.

use super::{Item, OutlineParser, TableKind, is_sentence, lead_phrase};
use crate::fold::fold;
use crate::label::{Label, Style, read_bare_number, read_label};
use duban_lexicon::{Cue, column_cues, table_headers};
use duban_model::{Body, Role, TableRow};

/// The header word (`corpora/lexicon/table_headers.tsv`) a line of a flattened table is, if
/// it is one.
pub(super) fn header_word(line: &str) -> Option<&'static str> {
    let headers = table_headers();
    // Every line of a document is asked; most are sentences far longer than any header word.
    if line
        .chars()
        .filter(|c| !c.is_whitespace())
        .nth(headers.longest())
        .is_some()
    {
        return None;
    }
    let t: String = fold(line).chars().filter(|c| !c.is_whitespace()).collect();
    headers.get(&t)
}

/// The role the columns of a table give to the bodies of its rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct TableColumns {
    /// What the rows are.
    pub(super) kind: TableKind,
    /// Whether a column names lead bodies (牵头).
    pub(super) lead: bool,
    /// Whether a column names responsible bodies (责任, 配合).
    pub(super) responsible: bool,
}

pub(super) fn table_columns(words: &[&str]) -> TableColumns {
    let cues = column_cues();
    let has = |cue: Cue| words.iter().any(|w| cues.list(cue).found_in(w));
    let kind = if has(Cue::ScoringTable) {
        TableKind::Scoring
    } else if has(Cue::TargetTable) {
        TableKind::Target
    } else {
        TableKind::Task
    };
    TableColumns {
        kind,
        lead: has(Cue::Lead),
        responsible: has(Cue::ResponsibleTable),
    }
}

/// The values of a row of an indicator table that prints units in a column of their own
/// (`指标 | 单位 | 目标值`), each with the row's indicator and unit, one a line
/// (`城镇新增就业≥2000人`).
#[derive(Default)]
struct RowMeasures<'a> {
    unit: Option<&'a str>,
    lines: String,
}

impl<'a> RowMeasures<'a> {
    /// Reads a cell after the row's heading: a rubric's points, a unit, or a value measured in
    /// the unit before it. Whether the cell was the row's points, which are no text of it.
    fn read(&mut self, heading: &str, column: &str, cell: &'a str, scoring: bool) -> bool {
        // A rubric's points column printing the number alone (`分值` | `10`): the row's
        // points, as `(10分)` after its text would give them.
        if scoring
            && ["分值", "分数", "标准分", "满分"]
                .iter()
                .any(|w| column.contains(w))
            && let Some(points) = POINTS_CELL.captures(&fold(cell))
        {
            self.lines
                .push_str(&format!("{heading}({}分)\n", &points[1]));
            return true;
        }
        if crate::metric::is_unit_cell(cell) {
            self.unit = Some(cell);
            return false;
        }
        // The unit of a bare value: a unit column before it, or the unit its column's header
        // or its row's indicator prints in brackets (`目标值（%）`, `城镇新增就业（万人）`).
        let (indicator, bracketed) = match bracketed_unit(heading) {
            Some((name, unit)) => (name, Some(unit)),
            None => (heading, bracketed_unit(column).map(|(_, unit)| unit)),
        };
        if let Some(unit) = self.unit.or(bracketed)
            && let Some(phrase) = crate::metric::value_phrase(indicator, cell, unit)
        {
            self.lines.push_str(&phrase);
            self.lines.push('\n');
        }
        false
    }
}

/// A name and the unit it prints in brackets at its end: `目标值（%）` → (`目标值`, `%`),
/// `城镇新增就业（万人）` → (`城镇新增就业`, `万人`).
fn bracketed_unit(name: &str) -> Option<(&str, &str)> {
    let name = name.trim();
    let inner = name.strip_suffix(['）', ')'])?;
    let open = inner.rfind(['（', '('])?;
    let unit = &inner[open + inner[open..].chars().next()?.len_utf8()..];
    crate::metric::is_unit_cell(unit).then(|| (inner[..open].trim_end(), unit))
}

/// A points cell holding a number alone or with `分` (`10`, `2.5`, `15分`).
static POINTS_CELL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(\d{1,3}(?:\.\d+)?)\s*分?$").expect("points cell pattern compiles")
});

/// A row of an HTML table with its table's header.
#[derive(Debug, Clone, Copy)]
pub(super) struct HtmlRow<'a> {
    /// The table's header cells.
    pub(super) header: &'a [String],
    /// The row.
    pub(super) row: &'a TableRow,
    /// Whether it is the table's first row.
    pub(super) first: bool,
    /// Whether it is the table's last row.
    pub(super) last: bool,
}

/// Whether the paragraphs after a heading's title only lead in to a table under it: short,
/// the last announcing it (`乙方2023年度主要目标见下表。`, `具体任务如下：`). The table's rows
/// are then the heading's children, as they are right under its title.
fn announces_a_table(text: &str, lead_in: &[(usize, usize)]) -> bool {
    const CUES: [&str; 5] = ["下表", "附表", "如下", "见表", "详见"];
    let paragraph = |&(s, e): &(usize, usize)| text.get(s..e).unwrap_or("").trim();
    lead_in.len() <= 2
        && lead_in
            .iter()
            .all(|seg| paragraph(seg).chars().count() <= 80)
        && lead_in.last().is_some_and(|seg| {
            let p = paragraph(seg);
            p.ends_with([':', '：']) || CUES.iter().any(|c| p.contains(c))
        })
}

impl OutlineParser {
    /// Opens a table: its rows nest under the heading just before it when that heading has no
    /// text of its own (`二、重点任务分解` and then the table), else under the current root.
    pub(super) fn open_table(&mut self, text: &str, columns: TableColumns) {
        self.table = Some(columns);
        let keep = self.stack.last().is_some_and(|&top| {
            let segments = &self.items[top].segments;
            self.stack.len() > self.floor
                && self.items[top].children.is_empty()
                && (segments.len() <= 1 || announces_a_table(text, &segments[1..]))
        });
        if !keep {
            self.stack.truncate(self.floor);
        }
        self.table_base = self.stack.len();
        self.open = None;
    }

    /// A row of an HTML table: its 序号 cell (or a label opening its first text cell) is the
    /// label, its first text cell the heading, its body columns the bodies, its time columns
    /// the time limits, the values after a cell that is a unit (an indicator table's `单位`
    /// column) its measures. A numbered row with nothing but a title (`（一）` `规范执法`) groups
    /// the rows after it.
    pub(super) fn html_row(&mut self, text: &str, html: &HtmlRow<'_>) {
        let words: Vec<&str> = html.header.iter().map(|h| h.trim()).collect();
        if html.first {
            self.open_table(text, table_columns(&words));
        }
        let Some(table) = self.table else { return };
        let (start, end) = (html.row.span.0, html.row.span.1.min(text.len()));
        let line = text.get(start..end).unwrap_or("");
        let mut label = None;
        let mut heading = String::new();
        let mut bodies = Vec::new();
        let mut segments = Vec::new();
        let mut limits = String::new();
        let mut measures = RowMeasures::default();
        let mut search_from = 0;
        for (k, cell) in html.row.cells.iter().enumerate() {
            let cell = cell.trim();
            if cell.is_empty() {
                continue;
            }
            let at = line[search_from..].find(cell).map(|p| p + search_from);
            if let Some(p) = at {
                search_from = p + cell.len();
            }
            let column = words.get(k).copied().unwrap_or("");
            let cue = column_cues().first_role(column, Cue::CELL);
            // A column of people (`责任领导`) names no body, and its cells are no text.
            if cue == Some(Cue::People) {
                continue;
            }
            if cue == Some(Cue::Label) || (k == 0 && read_bare_number(cell).is_some()) {
                label = label_of_cell(cell);
                continue;
            }
            let role = match cue {
                Some(Cue::Lead) => Some(Role::Lead),
                Some(Cue::Responsible) => Some(Role::Responsible),
                _ => None,
            };
            if let Some(role) = role {
                for b in crate::body::cell_bodies(cell, role) {
                    crate::body::push(&mut bodies, b.name, b.role);
                }
                continue;
            }
            if cue == Some(Cue::Deadline) {
                limits.push_str(&format!("{cell}\n"));
                continue;
            }
            if !heading.is_empty()
                && measures.read(&heading, column, cell, table.kind == TableKind::Scoring)
            {
                continue;
            }
            let mut cell_start = at.map_or(start, |p| start + p);
            if heading.is_empty() {
                let cell_label = read_label(cell);
                let body = cell_label
                    .as_ref()
                    .map_or(cell, |l| &cell[l.len.min(cell.len())..]);
                cell_start += cell.len() - body.len();
                if label.is_none() {
                    label = cell_label;
                }
                heading = lead_phrase(body);
            }
            let cell_end = at.map_or(end, |p| start + p + cell.len());
            segments.push((cell_start.min(cell_end), cell_end));
        }
        if html.last {
            self.table = None;
        }
        if heading.is_empty() {
            return;
        }
        let style = label.as_ref().map(|l| l.style);
        // Rows nest by their numbering like lines do, within the table.
        if let Some(style) = style {
            self.close_for(style, self.table_base);
        }
        let parent = self.stack.last().copied();
        let ancestors = self.ancestors_under(parent);
        let idx = self.push_item(Item {
            label: label.map(|l| l.text).unwrap_or_default(),
            style,
            heading,
            segments: if segments.is_empty() {
                vec![(start, end)]
            } else {
                segments
            },
            start,
            ancestors,
            table: Some(table.kind),
            column_bodies: bodies,
            limits,
            measures: measures.lines,
            ..Item::default()
        });
        if style.is_some() {
            self.stack.push(idx);
        }
        self.open = if html.last { None } else { Some(idx) };
    }

    /// Reads a line inside a flattened table as a cell of the open row: a body of its body
    /// columns, the second line of a heading cell, or an unnumbered row of its own; `None`
    /// when the line just continues the row's text.
    pub(super) fn table_cell(
        &mut self,
        table: TableColumns,
        open: usize,
        (ts, te): (usize, usize),
        t: &str,
        i: usize,
    ) -> Option<usize> {
        let f = fold(t);
        let short_cell = !is_sentence(&f) && f.chars().count() <= 16;
        // A cell of one body, or of several listed with `、` (`市财政局、市林业局`).
        let names: Vec<String> = if crate::body::is_body_name(&f) {
            vec![crate::body::normalise_name(t)]
        } else if f.contains('、') && !is_sentence(&f) {
            let names = crate::body::split_names(&f);
            if names.len() >= 2 && names.iter().all(|n| crate::body::is_body_name(n)) {
                names
            } else {
                Vec::new()
            }
        } else {
            Vec::new()
        };
        if (table.lead || table.responsible)
            && !names.is_empty()
            && !self.items[open].segments.is_empty()
        {
            let bodies = &self.items[open].column_bodies;
            // Without an empty cell to mark the column's end, only the first cell leads.
            let role = if !table.lead {
                Role::Responsible
            } else if !table.responsible || bodies.is_empty() {
                Role::Lead
            } else {
                Role::Responsible
            };
            for name in names {
                if !self.items[open]
                    .column_bodies
                    .iter()
                    .any(|b| b.name == name)
                {
                    self.items[open].column_bodies.push(Body { name, role });
                }
            }
            self.row_heading_open = false;
            return Some(i + 1);
        }
        if self.row_heading_open && short_cell {
            // A heading cell broken over two lines (`落实保障` / `措施`).
            let item = &mut self.items[open];
            item.heading.push_str(f.trim());
            item.segments.push((ts, te));
            return Some(i + 1);
        }
        if short_cell
            && table.kind != TableKind::Task
            && self.items[open].children.is_empty()
            && !self.items[open].segments.is_empty()
            && !self.row_heading_open
        {
            // An unnumbered row (`特别加分`) of a rubric or target table: under the group
            // heading it follows, or beside the row before it.
            let item = &self.items[open];
            let parent = if !item.label.is_empty()
                && self.stack.last() == Some(&open)
                && self.is_group_row(open)
            {
                Some(open)
            } else {
                item.ancestors.last().copied()
            };
            return Some(self.start_unnumbered_row(parent, ts, te, t, i));
        }
        None
    }

    /// Whether a numbered row is a group heading of a rubric (`七、特别加分和扣分`), whose
    /// unnumbered lines are rows of their own.
    fn is_group_row(&self, idx: usize) -> bool {
        let item = &self.items[idx];
        item.segments.len() <= 1 && item.style == Some(Style::ZhComma)
    }

    fn start_unnumbered_row(
        &mut self,
        parent: Option<usize>,
        ts: usize,
        te: usize,
        t: &str,
        i: usize,
    ) -> usize {
        if let Some(p) = parent
            && let Some(pos) = self.stack.iter().position(|&s| s == p)
        {
            self.stack.truncate(pos + 1);
        }
        let ancestors = self.ancestors_under(parent);
        let idx = self.push_item(Item {
            label: String::new(),
            heading: fold(t).trim().to_string(),
            segments: vec![(ts, te)],
            start: ts,
            ancestors,
            table: self.table.map(|t| t.kind),
            ..Item::default()
        });
        self.open = Some(idx);
        self.row_heading_open = false;
        i + 1
    }
}

/// The label a 序号 cell holds: a label as lines have them (`（一）`, `1.`), or a bare number
/// (`3`).
fn label_of_cell(cell: &str) -> Option<Label> {
    read_label(cell).or_else(|| {
        read_bare_number(cell).map(|n| Label {
            style: Style::Bare,
            number: n,
            text: n.to_string(),
            len: cell.len(),
        })
    })
}
