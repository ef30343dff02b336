//! HTML and scraped text to a clean document with its metadata.
//!
//! [`clean`] takes the bytes of a fetched page or a scraped text file and returns the
//! document's own text, its tables as rows, and its metadata (spec §1): bytes are decoded
//! (`decode`), an HTML page is reduced to its main content with tables kept as rows (`html`),
//! a crawler's header block of labelled lines above a body marker is read as fields and left
//! out (`header`), scraped text gets its character-level repairs (`text`), page chrome is
//! removed, as whole lines and inside long lines (`chrome`), and the metadata is read from
//! what remains and from the page's labelled fields (`meta`, with `dates`, `fields` and the
//! GB/T 2260 table in `region`).
//!
//! The exported text keeps the document's words as printed: no width normalisation, no
//! re-flowing, blank lines kept, flattened tables and pages flattened onto one line left as they
//! are (the obligation extractor reads them). Problems the cleaner recovered from go to
//! [`CleanDoc::warnings`]; input that has no text, or that goes past one of the [`Limits`] it is
//! given (nesting, a cleaned line's length), is a [`CleanError`] naming the limit's key and
//! value. Nothing here panics on outside data, and every step is linear in the input's size.

mod chrome;
mod dates;
pub mod decode;
mod fields;
mod header;
mod html;
pub mod markup;
mod meta;
mod region;
mod text;

use duban_model::{Block, CleanDoc, Document, Limits, MediaType, RawDoc, TableRow};

pub use dates::{damaged_date, find_period, parse_date_prefix};
pub use region::{find_region, region_of};

/// Why a document could not be cleaned: the input's name, then [`CleanError::reason`] (the one
/// place each message is written).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CleanError {
    /// The bytes are empty or whitespace only.
    #[error("{input}: {}", self.reason())]
    Empty {
        /// The document's path or URL.
        input: String,
    },
    /// The bytes are not text in any encoding Duban reads.
    #[error("{input}: {}", self.reason())]
    NotText {
        /// The document's path or URL.
        input: String,
        /// What gave it away.
        reason: String,
    },
    /// The page nests its elements deeper than Duban parses ([`Limits::max_nesting`]).
    #[error("{input}: {}", self.reason())]
    TooDeep {
        /// The document's path or URL.
        input: String,
        /// The nesting limit.
        limit: usize,
        /// Byte offset of the start tag that went past it, in the decoded text.
        at: usize,
    },
    /// A line of the cleaned text is longer than [`Limits::max_line_bytes`].
    #[error("{input}: {}", self.reason())]
    LineTooLong {
        /// The document's path or URL.
        input: String,
        /// The line's number in the cleaned text, from 1.
        line: usize,
        /// Its length in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// Nothing is left once the page's chrome is removed.
    #[error("{input}: {}", self.reason())]
    NoMainText {
        /// The document's path or URL.
        input: String,
        /// What was found instead.
        reason: String,
    },
}

impl CleanError {
    /// What went wrong, without the input's name (which the caller names once beside it).
    pub fn reason(&self) -> String {
        match self {
            CleanError::Empty { .. } => "empty document".into(),
            CleanError::NotText { reason, .. } => format!("not text ({reason})"),
            CleanError::TooDeep { limit, at, .. } => {
                format!(
                    "HTML nested more than {limit} elements deep (at byte {at}; {} = {limit}); not parsed",
                    Limits::MAX_NESTING
                )
            }
            CleanError::LineTooLong {
                line, bytes, limit, ..
            } => format!(
                "line {line} of the cleaned text is {bytes} bytes long ({} = {limit}); not extracted",
                Limits::MAX_LINE_BYTES
            ),
            CleanError::NoMainText { reason, .. } => format!("no main text ({reason})"),
        }
    }
}

/// A line of the cleaned text before it is joined: its text and, for a table row, which.
struct Line {
    text: String,
    row: Option<RowRef>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RowRef {
    Header(usize),
    Body(usize, usize),
}

/// A document's lines before chrome is removed, with what its page says of itself.
#[derive(Default)]
struct ReadLines {
    lines: Vec<Line>,
    tables: Vec<html::Table>,
    fields: Vec<fields::Field>,
    titles: Vec<String>,
    published: Option<duban_model::Date>,
}

/// The lines of an HTML page's main content: its text pieces and table rows (a row's cells
/// joined by tabs).
fn page_lines(page: html::Page, warnings: &mut Vec<String>) -> ReadLines {
    warnings.extend(page.warnings);
    let lines = page
        .pieces
        .into_iter()
        .map(|p| match p {
            html::Piece::Text(t) => Line { text: t, row: None },
            html::Piece::Header(n) => Line {
                text: page.tables[n].header.join("\t"),
                row: Some(RowRef::Header(n)),
            },
            html::Piece::Row(n, r) => Line {
                text: page.tables[n].rows[r].join("\t"),
                row: Some(RowRef::Body(n, r)),
            },
        })
        .collect();
    ReadLines {
        lines,
        tables: page.tables,
        fields: page.fields,
        titles: page.titles,
        published: page.published,
    }
}

/// The lines of a text: a crawler's header block read as fields, chrome inside a line cut
/// (its fields kept), and paragraphs run into one line split.
fn text_lines(unified: &str) -> ReadLines {
    let raw_lines: Vec<&str> = unified.split('\n').collect();
    let mut read = ReadLines::default();
    let mut body_start = 0;
    if let Some(h) = header::read(&raw_lines) {
        body_start = h.body_start;
        read.fields = h.fields;
    }
    for l in &raw_lines[body_start..] {
        // Chrome inside the line goes first: once the line is split, its head is a short
        // line that whole-line chrome would take with the document's words in it.
        let stripped;
        let l = match chrome::strip_inline(l) {
            Some((t, f)) => {
                read.fields.extend(f);
                stripped = t;
                stripped.as_str()
            }
            None => l,
        };
        match text::split_run_in_paragraphs(l) {
            Some(split) => read.lines.extend(split.split('\n').map(|s| Line {
                text: s.to_string(),
                row: None,
            })),
            None => read.lines.push(Line {
                text: l.to_string(),
                row: None,
            }),
        }
    }
    tab_tables(&mut read);
    read
}

/// Tables a text file prints with tabs between its cells (`序号⇥工作任务⇥牵头单位⇥完成时限`): a
/// header line of three cells or more, as an HTML table's header reads, and the lines after it
/// with as many cells are its rows, read as an HTML table's are.
fn tab_tables(read: &mut ReadLines) {
    let cells = |line: &Line| -> Vec<String> {
        line.text
            .split('\t')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let mut i = 0;
    while i < read.lines.len() {
        // Most lines hold fewer than two tabs: they open no table.
        if read.lines[i].text.matches('\t').count() < 2 {
            i += 1;
            continue;
        }
        let header = cells(&read.lines[i]);
        let rows: Vec<Vec<String>> = read.lines[i + 1..]
            .iter()
            .map(cells)
            .take_while(|row| row.len() == header.len() && row.iter().any(|c| !c.is_empty()))
            .collect();
        let n_rows = rows.len();
        if n_rows == 0
            || html::header_rows(&[header.clone(), rows[0].clone()], &[false, false]) != 1
        {
            i += 1;
            continue;
        }
        let n = read.tables.len();
        read.lines[i].row = Some(RowRef::Header(n));
        for (r, line) in read.lines[i + 1..=i + n_rows].iter_mut().enumerate() {
            line.row = Some(RowRef::Body(n, r));
        }
        read.tables.push(html::Table { header, rows });
        i += n_rows + 1;
    }
}

/// The lines left once chrome is cut, whole lines (table rows kept) and inside long lines,
/// from the first line with words; with the fields the chrome held and how many lines went.
fn without_chrome(lines: Vec<Line>) -> (Vec<Line>, Vec<fields::Field>, usize) {
    let strs: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let protected: Vec<bool> = lines.iter().map(|l| l.row.is_some()).collect();
    let stripped = chrome::strip(&strs, &protected);
    drop(strs);
    let mut kept: Vec<Line> = lines
        .into_iter()
        .zip(&stripped.keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect();
    let mut fields = stripped.fields;
    // Chrome inside long lines: a page a crawler flattened onto one line keeps its head and
    // foot in it.
    for l in kept.iter_mut().filter(|l| l.row.is_none()) {
        if let Some((t, f)) = chrome::strip_inline(&l.text) {
            l.text = t;
            fields.extend(f);
        }
    }
    // The text starts at its first line with words.
    let lead = kept.iter().take_while(|l| l.text.trim().is_empty()).count();
    kept.drain(..lead);
    (kept, fields, stripped.removed)
}

/// The raw document's bytes as text, or why they are none.
fn decode_raw(raw: &RawDoc, input: &str, html: bool) -> Result<decode::Decoded, CleanError> {
    decode::decode(&raw.bytes, raw.hints.http_charset.as_deref(), html).map_err(|e| match e {
        decode::NotText::Empty => CleanError::Empty {
            input: input.to_string(),
        },
        decode::NotText::Binary(reason) => CleanError::NotText {
            input: input.to_string(),
            reason,
        },
    })
}

/// Joins what PDF extraction spaced out, in the lines outside tables, where the document
/// shows that damage: digits (`2 0 0 1年`) and the spaces before punctuation (`省委 、`).
fn repair_pdf_spacing(unified: &str, lines: &mut [Line], warnings: &mut Vec<String>) {
    if text::has_spaced_digits(unified) {
        for l in lines.iter_mut().filter(|l| l.row.is_none()) {
            l.text = text::join_spaced_digits(&l.text);
        }
        warnings.push("digits spaced out by PDF extraction were joined".into());
    }
    let prose = lines
        .iter()
        .filter(|l| l.row.is_none())
        .map(|l| l.text.as_str());
    if text::has_spaced_punctuation(prose) {
        for l in lines.iter_mut().filter(|l| l.row.is_none()) {
            l.text = text::join_spaced_punctuation(&l.text);
        }
        warnings.push("spaces PDF extraction put before punctuation were dropped".into());
    }
}

/// The lines of a text hard-wrapped at a fixed width joined again into their paragraphs (table
/// rows as they are); any other text as it is.
fn reflowed(lines: Vec<Line>, warnings: &mut Vec<String>) -> Vec<Line> {
    let prose = lines
        .iter()
        .filter(|l| l.row.is_none())
        .map(|l| l.text.as_str());
    let Some(width) = text::hard_wrap_width(prose) else {
        return lines;
    };
    warnings.push(format!(
        "lines hard-wrapped at {width} columns were joined into their paragraphs"
    ));
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // Where the last physical line starts in the last paragraph: whether it fills the width
    // is asked of it, not of the paragraph joined so far.
    let mut last_start = 0;
    for line in lines {
        if let Some(last) = out.last_mut()
            && last.row.is_none()
            && line.row.is_none()
            && text::continues_wrapped(&last.text[last_start..], &line.text, width)
        {
            let kept = last.text.trim_end().len();
            last.text.truncate(kept);
            last_start = last.text.len();
            last.text.push_str(&line.text);
            continue;
        }
        last_start = 0;
        out.push(line);
    }
    out
}

/// Cleans one raw document within `limits` (nesting, attributes, a cleaned line's length).
pub fn clean(raw: &RawDoc, limits: &Limits) -> Result<CleanDoc, CleanError> {
    let input = raw.input_name();
    let looks_html = raw.media_type == MediaType::Html || sniff_html(&raw.bytes);
    let decoded = decode_raw(raw, &input, looks_html)?;
    let mut warnings = decoded.warnings;
    let unified = text::unify_line_ends(&decoded.text);

    let read = if looks_html {
        let bounded = markup::bound(&unified, limits).map_err(|e| CleanError::TooDeep {
            input: input.clone(),
            limit: e.limit,
            at: e.at,
        })?;
        warnings.extend(bounded.warnings);
        let page = html::read_page(&bounded.html, raw.hints.content_selector.as_deref());
        drop(bounded.html);
        page_lines(page, &mut warnings)
    } else {
        text_lines(&unified)
    };
    let ReadLines {
        mut lines,
        tables,
        fields: page_fields,
        titles: page_titles,
        published: page_published,
    } = read;
    repair_pdf_spacing(&unified, &mut lines, &mut warnings);
    // Before chrome is cut: a wrapped breadcrumb's tail is no line of its own.
    let lines = reflowed(lines, &mut warnings);

    let line_count = lines.len();
    let (mut kept, chrome_fields, removed) = without_chrome(lines);
    if kept.iter().all(|l| l.text.trim().is_empty()) {
        return Err(CleanError::NoMainText {
            input,
            reason: format!("{line_count} lines, all page chrome or blank"),
        });
    }
    within_line_limit(&kept, limits.max_line_bytes, &input)?;
    let mut fields = page_fields;
    fields.extend(chrome_fields);
    let kept_strs: Vec<&str> = kept.iter().map(|l| l.text.as_str()).collect();
    let table_rows: Vec<bool> = kept.iter().map(|l| l.row.is_some()).collect();
    let m = meta::read(&meta::Evidence {
        lines: &kept_strs,
        table_rows: &table_rows,
        fields: &fields,
        page_titles: &page_titles,
        page_published,
        hints: &raw.hints,
    });
    // A page whose title stands outside its main content gets it back as the first line, so
    // that the text reads as the document does.
    if looks_html
        && m.title_line.is_none()
        && let Some(t) = &m.title
    {
        kept.insert(
            0,
            Line {
                text: t.clone(),
                row: None,
            },
        );
    }

    let (text, blocks) = join(&kept, &tables);
    let mut source = raw.source.clone();
    source.encoding = decoded.encoding.to_string();
    // A crawler's record of where it found the page is the document's source URL.
    if source.url.is_none() {
        source.url = fields
            .iter()
            .find(|f| f.label == crate::fields::Label::Url && f.value.starts_with("http"))
            .map(|f| f.value.clone());
    }
    tracing::debug!(input, removed, "cleaned");
    Ok(CleanDoc {
        document: Document {
            id: raw.id.clone(),
            source,
            title: m.title,
            doc_number: m.doc_number,
            issuer: m.issuer,
            region: m.region,
            kind: m.kind,
            published: m.published,
            signed: m.signed,
            period: m.period,
            year: m.year,
            text,
        },
        blocks,
        warnings,
    })
}

/// Refuses lines longer than `limit` bytes. Extraction, segmentation and indexing work a line
/// at a time: the longest line bounds their work, so a document with one past the limit goes
/// no further.
fn within_line_limit(lines: &[Line], limit: usize, input: &str) -> Result<(), CleanError> {
    match lines.iter().position(|l| l.text.len() > limit) {
        Some(n) => Err(CleanError::LineTooLong {
            input: input.to_string(),
            line: n + 1,
            bytes: lines[n].text.len(),
            limit,
        }),
        None => Ok(()),
    }
}

/// Text files that are really HTML pages (a crawler saved them as `.txt`).
fn sniff_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let t = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || t.starts_with("<?xml") && t.contains("<html")
}

/// Joins the lines into the text and builds the table blocks with the byte spans of their rows.
fn join(lines: &[Line], tables: &[html::Table]) -> (String, Vec<Block>) {
    let mut text = String::new();
    let mut spans: Vec<Vec<(usize, (usize, usize))>> = vec![Vec::new(); tables.len()];
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let start = text.len();
        text.push_str(&l.text);
        if let Some(RowRef::Body(n, r)) = l.row {
            spans[n].push((r, (start, text.len())));
        }
    }
    let end = text.trim_end().len();
    text.truncate(end);
    let blocks = tables
        .iter()
        .zip(spans)
        .filter(|(_, s)| !s.is_empty())
        .map(|(t, s)| Block::Table {
            header: t.header.clone(),
            rows: s
                .into_iter()
                .map(|(r, (a, b))| TableRow {
                    cells: t.rows[r].clone(),
                    span: (a.min(end), b.min(end)),
                })
                .collect(),
        })
        .collect();
    (text, blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use duban_model::{DocKind, Source, SourceHints};

    fn raw(bytes: &[u8], media_type: MediaType) -> RawDoc {
        RawDoc {
            id: "file:test".into(),
            source: Source {
                path: Some("test".into()),
                ..Source::default()
            },
            bytes: bytes.to_vec(),
            media_type,
            hints: SourceHints::default(),
        }
    }

    #[test]
    fn a_table_printed_with_tabs_in_a_text_file_is_a_table() {
        let d = clean(
            &raw(
            "某市2016年重点工作任务台账\n序号\t工作任务\t牵头单位\t配合单位\t完成时限\n1\t新建城市公园3个\t市城管局\t市财政局、市林业局\t2016年10月底前\n2\t改造老旧小区20个\t市住建局\t各区政府\t2016年12月底前\n"
                .as_bytes(),
            MediaType::Text,
            ),
            &Limits::default(),
        )
        .unwrap();
        let Block::Table { header, rows } = &d.blocks[0];
        assert_eq!(header[2], "牵头单位");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].cells[2], "市住建局");
    }

    #[test]
    fn crlf_text_is_cleaned_and_its_metadata_read() {
        let text = "    【法宝引证码】 CLI.12.1\r\n原文链接：https://example.org/a\r\n绵阳市人民政府关于2019年法治政府建设工作的报告\r\n绵府函〔2020〕8号\r\n正文第一段。\r\n绵阳市人民政府\r\n2020年1月20日\r\n";
        let d = clean(&raw(text.as_bytes(), MediaType::Text), &Limits::default()).unwrap();
        assert!(d.document.text.starts_with("绵阳市人民政府关于"));
        assert!(!d.document.text.contains('\r'));
        assert_eq!(d.document.doc_number.as_deref(), Some("绵府函〔2020〕8号"));
        assert_eq!(d.document.kind, DocKind::Report);
        assert_eq!(d.document.year, Some(2019));
        assert_eq!(d.document.source.encoding, "UTF-8");
    }

    /// A text hard-wrapped at a fixed width gets its paragraphs back: a wrapped title is one
    /// line again, the line after it (which does not fill the width) stays its own, and a
    /// number cut by the wrap is whole.
    #[test]
    fn hard_wrapped_text_gets_its_paragraphs_back() {
        let para = "各地区各部门要加强组织领导，健全工作机制，确保年底前完成各项任务目标，全市地区生产总值增长6.5%。";
        let mut text = String::from(
            "某市人民政府办公室关于印发某市二〇二三年法治政府建设工作要点和重点任务分工方\n案的通知\n发布时间：2023-03-01\n",
        );
        for _ in 0..12 {
            // Cut at 76 columns: 38 Chinese characters, a digit one column.
            let mut used = 0;
            for c in para.chars() {
                let w = if c.is_ascii() { 1 } else { 2 };
                if used + w > 76 {
                    text.push('\n');
                    used = 0;
                }
                used += w;
                text.push(c);
            }
            text.push('\n');
        }
        let d = clean(&raw(text.as_bytes(), MediaType::Text), &Limits::default()).unwrap();
        let lines: Vec<&str> = d.document.text.lines().collect();
        assert_eq!(
            lines[0],
            "某市人民政府办公室关于印发某市二〇二三年法治政府建设工作要点和重点任务分工方案的通知"
        );
        assert!(lines.contains(&para), "{lines:?}");
        assert_eq!(d.document.published, duban_model::Date::new(2023, 3, 1));
    }

    const DUTY: &str = "<p>各乡镇人民政府应当于每年三月底前完成农村危房改造摸底排查。</p>";

    #[test]
    fn a_page_nested_a_hundred_thousand_deep_is_refused_by_name() {
        let depth = 100_000;
        let html = format!("{}{DUTY}{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let e = clean(&raw(html.as_bytes(), MediaType::Html), &Limits::default()).unwrap_err();
        assert!(matches!(e, CleanError::TooDeep { .. }), "{e}");
        assert!(
            e.to_string().starts_with("test: HTML nested more than"),
            "{e}"
        );
    }

    #[test]
    fn an_errors_message_is_its_input_then_its_reason() {
        let e = CleanError::LineTooLong {
            input: "plans/2024.html".into(),
            line: 3,
            bytes: 70_000,
            limit: 65_536,
        };
        assert_eq!(e.to_string(), format!("plans/2024.html: {}", e.reason()));
        assert!(e.reason().contains("limits.max_line_bytes = 65536"), "{e}");
    }

    #[test]
    fn a_lowered_nesting_limit_refuses_the_page_naming_the_key() {
        let limits = Limits {
            max_nesting: 2,
            ..Limits::default()
        };
        let html = format!("<div><div><div>{DUTY}</div></div></div>");
        let e = clean(&raw(html.as_bytes(), MediaType::Html), &limits).unwrap_err();
        assert_eq!(
            e.reason(),
            "HTML nested more than 2 elements deep (at byte 10; limits.max_nesting = 2); not parsed"
        );
        assert!(clean(&raw(html.as_bytes(), MediaType::Html), &Limits::default()).is_ok());
    }

    #[test]
    fn a_cleaned_line_past_the_line_limit_refuses_the_document_naming_the_key() {
        let text = "某县人民政府办公室关于做好防汛工作的通知\n各乡镇人民政府应当于每年五月底前完成防汛物资储备和应急队伍组建工作。\n";
        let limits = Limits {
            max_line_bytes: 60,
            ..Limits::default()
        };
        let e = clean(&raw(text.as_bytes(), MediaType::Text), &limits).unwrap_err();
        assert!(matches!(e, CleanError::LineTooLong { line: 2, .. }), "{e}");
        assert_eq!(
            e.reason(),
            "line 2 of the cleaned text is 102 bytes long (limits.max_line_bytes = 60); not extracted"
        );
        let roomy = Limits {
            max_line_bytes: 102,
            ..Limits::default()
        };
        assert!(clean(&raw(text.as_bytes(), MediaType::Text), &roomy).is_ok());
    }

    #[test]
    fn a_tag_with_two_hundred_thousand_attributes_is_cut_and_the_page_cleaned() {
        let attrs: String = (0..200_000).map(|k| format!(" a{k}=1")).collect();
        let html = format!("<div class=content{attrs}>{DUTY}</div>");
        let d = clean(&raw(html.as_bytes(), MediaType::Html), &Limits::default()).unwrap();
        assert!(d.document.text.contains("农村危房改造摸底排查"));
        assert!(
            d.warnings.iter().any(|w| w.contains("kept the first 256")),
            "{:?}",
            d.warnings
        );
    }

    #[test]
    fn table_rows_have_spans_of_their_lines() {
        let html = "<html><body><div class=content><h1>某区2019年度法治政府建设工作要点</h1><p>一、总体要求。全面推进依法行政，加快建设法治政府，坚持依法决策。</p>\
            <table><tr><th>序号</th><th>工作任务</th><th>责任单位</th></tr><tr><td>1</td><td>完善决策机制</td><td>区司法局</td></tr></table></div></body></html>";
        let d = clean(&raw(html.as_bytes(), MediaType::Html), &Limits::default()).unwrap();
        let Block::Table { header, rows } = &d.blocks[0];
        assert_eq!(header, &["序号", "工作任务", "责任单位"]);
        let (a, b) = rows[0].span;
        assert_eq!(&d.document.text[a..b], "1\t完善决策机制\t区司法局");
    }

    #[test]
    fn a_title_outside_the_body_is_put_first() {
        let html = "<html><head><title>某区2019年度法治政府建设工作要点_某区人民政府</title></head><body><div class=nav><a>首页</a></div><div class=content><p>一、总体要求。全面推进依法行政，加快建设法治政府，坚持依法决策。</p></div></body></html>";
        let d = clean(&raw(html.as_bytes(), MediaType::Html), &Limits::default()).unwrap();
        assert_eq!(
            d.document.title.as_deref(),
            Some("某区2019年度法治政府建设工作要点")
        );
        assert!(
            d.document
                .text
                .starts_with("某区2019年度法治政府建设工作要点\n一、")
        );
    }

    #[test]
    fn a_crawlers_header_block_gives_the_fields_and_the_text_starts_after_its_marker() {
        let text = format!(
            "标题: 某县人民政府办公室关于印发乡村旅游提升方案的通知\n发布时间: 2019-07-19 10:12\n文号: \n发布机构: 某县人民政府办公室\n栏目: 通知公告\n原文链接: https://www.example.gov.cn/a/t1.htm\n页面链接与图片另存\n========== 正文 ==========\n当前位置： 首页政务公开 某县人民政府办公室关于印发乡村旅游提升方案的通知 时间：2019-07-19 10:12 微信 微博 某县人民政府办公室关于印发乡村旅游提升方案的通知 各乡镇：{}",
            "一、总体要求。推进乡村旅游提质升级。".repeat(20)
        );
        let d = clean(&raw(text.as_bytes(), MediaType::Text), &Limits::default()).unwrap();
        assert_eq!(
            d.document.title.as_deref(),
            Some("某县人民政府办公室关于印发乡村旅游提升方案的通知")
        );
        assert!(
            d.document
                .text
                .starts_with("某县人民政府办公室关于印发乡村旅游提升方案的通知 各乡镇："),
            "{}",
            &d.document.text[..200]
        );
        assert_eq!(d.document.published, duban_model::Date::new(2019, 7, 19));
        assert_eq!(d.document.kind, DocKind::ImplementationPlan);
        assert_eq!(
            d.document.source.url.as_deref(),
            Some("https://www.example.gov.cn/a/t1.htm")
        );
    }

    #[test]
    fn binary_input_is_refused_with_its_reason() {
        let e = clean(
            &raw(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", MediaType::Html),
            &Limits::default(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("test: not text"), "{e}");
    }

    #[test]
    fn empty_input_is_refused() {
        let e = clean(&raw(b"   \n", MediaType::Text), &Limits::default()).unwrap_err();
        assert!(matches!(e, CleanError::Empty { .. }));
    }

    #[test]
    fn a_page_of_nothing_but_chrome_is_refused() {
        let html = "<html><body><div class=nav><a href=/>首页</a></div><p>扫一扫在手机打开当前页</p></body></html>";
        let e = clean(&raw(html.as_bytes(), MediaType::Html), &Limits::default()).unwrap_err();
        assert!(matches!(e, CleanError::NoMainText { .. }), "{e}");
    }

    #[test]
    fn a_text_file_holding_html_is_read_as_html() {
        let html = "<!DOCTYPE html><html><body><div class=content><p>一、总体要求。全面推进依法行政，加快建设法治政府。</p></div></body></html>";
        let d = clean(&raw(html.as_bytes(), MediaType::Text), &Limits::default()).unwrap();
        assert!(!d.document.text.contains('<'));
    }

    #[test]
    fn a_huge_single_line_is_cleaned_in_linear_time() {
        let line = "推进依法行政，建设法治政府。 ".repeat(1_200_000);
        let d = clean(&raw(line.as_bytes(), MediaType::Text), &Limits::default()).unwrap();
        assert_eq!(d.document.text.len(), line.trim_end().len());
    }

    /// A deterministic byte generator (xorshift), so the property test needs no dependency.
    fn bytes_from(seed: u64, len: usize) -> Vec<u8> {
        let mut x = seed | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect()
    }

    #[test]
    fn clean_never_panics_on_arbitrary_bytes() {
        let pieces: [&[u8]; 6] = [
            "<table><tr><td rowspan=99>".as_bytes(),
            "关于印发".as_bytes(),
            b"\xd6\xd0\xce\xc4",
            "2022129\n".as_bytes(),
            b"<meta charset=big5>",
            "当前位置：首页 > ".as_bytes(),
        ];
        for seed in 0..400u64 {
            let mut b = bytes_from(seed, (seed as usize * 37) % 3000);
            for (k, p) in pieces.iter().enumerate() {
                if (seed as usize).is_multiple_of(k + 2) {
                    let at = (seed as usize * 7 + k) % (b.len() + 1);
                    b.splice(at..at, p.iter().copied());
                }
            }
            for mt in [MediaType::Html, MediaType::Text] {
                let _ = clean(&raw(&b, mt), &Limits::default());
            }
            // Printable text made of the pieces alone must never panic either.
            let text: Vec<u8> = b
                .iter()
                .map(|&c| if c < 0x20 { b'\n' } else { c })
                .collect();
            let _ = clean(&raw(&text, MediaType::Text), &Limits::default());
        }
    }
}
