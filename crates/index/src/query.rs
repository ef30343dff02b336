//! The query language: parsing a user's query, and compiling it into a tantivy query.
//!
//! The syntax is the one search boxes have taught analysts:
//!
//! - words: `出庭应诉率 苏州` — every word must match (AND is the default); a run of Chinese
//!   is cut into words by the same analyzer as the index, so `出庭应诉率达到` means
//!   `出庭应诉率 AND 达到`, not one opaque phrase;
//! - phrases: `"出庭应诉率达到"` — the words in that order, next to each other;
//! - boolean operators: `AND`, `OR`, `NOT` (upper case; `&&`, `||`, `!` too), `+word`
//!   (required), `-word` (excluded), parentheses;
//! - field filters: `city:苏州市` (or `city:苏州`), `province:`, `county:`, `region:320500`
//!   (a code matches its counties too), `kind:task`, `doc_kind:report`, `body:区政府法制办`,
//!   `indicator:出庭应诉率`, `unit:%`, `title:`, `heading:`, `path:`, `text:`, `doc:<id>`,
//!   `id:<obligation id>`, `field:(a OR b)`; `：` works like `:`;
//! - numbers and ranges: `year:2021`, `year:>2016`, `deadline:[2015 TO 2020]`,
//!   `deadline:{2015 TO *}`, `value:>=90`; a range open at both ends (`year:[* TO *]`) asks
//!   for records that have a value in the field.
//!
//! Ranking: BM25 over the text, plus optional clauses that change the order, never what
//! matches — words typed as one run rank higher where they stand together, and a text word
//! that also stands in the document's title ([`TITLE_BOOST`]) or the obligation's heading
//! ([`HEADING_BOOST`]) ranks its records higher.
//!
//! A query word the index has never seen as a word (because the text around it was cut
//! differently) is looked up as the sequence of its characters, which the index also holds,
//! so a Chinese substring is always found.
//!
//! Errors name the character where the query went wrong and what was expected; they never
//! panic, however deep or long the input.

use crate::analyzer::{Analyzer, is_han};
use crate::highlight::{Marks, NumberRange};
use crate::schema::{Fields, UNKNOWN};
use crate::search::Target;
use duban_model::{DocKind, ObligationKind};
use std::fmt;
use std::ops::Bound;
use tantivy::Term;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ExistsQuery, InvertedIndexRangeQuery, PhraseQuery, Query,
    RangeQuery, TermQuery,
};
use tantivy::schema::{Facet, Field, IndexRecordOption};

/// Longest accepted query, in characters.
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Most words, phrases and filters in one query.
pub const MAX_CLAUSES: usize = 64;
/// Deepest nesting of parentheses.
pub const MAX_DEPTH: usize = 16;
/// How much a text word's match in the document's title adds to a record's score, relative
/// to its match in the text.
pub const TITLE_BOOST: f32 = 2.0;
/// How much a text word's match in the obligation's heading adds, relative to the text.
pub const HEADING_BOOST: f32 = 1.5;

/// Why a query could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// Character offset in the query where the problem is.
    pub position: usize,
    /// What is wrong, and what was expected.
    pub reason: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at character {}: {}", self.position, self.reason)
    }
}

impl std::error::Error for QueryError {}

/// The fields a query may name (public so that another engine's translation,
/// `duban-engine`, reads the same parse).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(
    missing_docs,
    reason = "each variant is the field of the same name in FIELD_NAMES"
)]
pub enum FieldName {
    Text,
    Heading,
    Title,
    Path,
    Body,
    /// A body's exact name, as the body facet lists it.
    BodyName,
    Indicator,
    Province,
    City,
    County,
    Region,
    DocKind,
    Kind,
    Unit,
    Doc,
    Id,
    Year,
    Deadline,
    Value,
}

/// The field names of the query language, with their aliases.
pub const FIELD_NAMES: [&str; 22] = [
    "text",
    "heading",
    "title",
    "path",
    "body",
    "body_name",
    "indicator",
    "metric",
    "province",
    "city",
    "county",
    "region",
    "code",
    "doc_kind",
    "kind",
    "unit",
    "doc",
    "doc_id",
    "id",
    "year",
    "deadline",
    "value",
];

enum FieldClass {
    FullText,
    Keyword,
    Integer,
    Decimal,
    /// An exact value of a facet dimension (the facet's own path, so a facet's count is what
    /// filtering on its value returns).
    Facet(&'static str),
}

impl FieldName {
    fn parse(name: &str) -> Option<Self> {
        use FieldName::*;
        Some(match name {
            "text" => Text,
            "heading" => Heading,
            "title" => Title,
            "path" => Path,
            "body" => Body,
            "body_name" => BodyName,
            "indicator" | "metric" => Indicator,
            "province" => Province,
            "city" => City,
            "county" => County,
            "region" | "code" => Region,
            "doc_kind" => DocKind,
            "kind" => Kind,
            "unit" => Unit,
            "doc" | "doc_id" => Doc,
            "id" => Id,
            "year" => Year,
            "deadline" => Deadline,
            "value" => Value,
            _ => return None,
        })
    }

    fn class(self) -> FieldClass {
        use FieldName::*;
        match self {
            Text | Heading | Title | Path | Body | Indicator => FieldClass::FullText,
            Year | Deadline => FieldClass::Integer,
            Value => FieldClass::Decimal,
            BodyName => FieldClass::Facet("body"),
            _ => FieldClass::Keyword,
        }
    }

    /// The schema's field of this name for the records of `target` (each kind of record
    /// has full-text fields of its own).
    pub(crate) fn field(self, f: &Fields, target: Target) -> Field {
        use FieldName::*;
        match (self, target) {
            (Text, Target::Documents) => f.document_text,
            (Text, Target::Progress) => f.progress_text,
            (Title, Target::Documents) => f.document_title,
            (Title, Target::Progress) => f.progress_title,
            (Indicator, Target::Progress) => f.progress_indicator,
            (Text, _) => f.text,
            (Title, _) => f.title,
            (Indicator, _) => f.indicator,
            (Heading, _) => f.heading,
            (Path, _) => f.path,
            (Body, _) => f.body,
            (BodyName, _) => f.facet,
            (Province, _) => f.province,
            (City, _) => f.city,
            (County, _) => f.county,
            (Region, _) => f.region,
            (DocKind, _) => f.doc_kind,
            (Kind, _) => f.kind,
            (Unit, _) => f.unit,
            (Doc, _) => f.doc_id,
            (Id, _) => f.id,
            (Year, _) => f.year,
            (Deadline, _) => f.deadline,
            (Value, _) => f.value,
        }
    }
}

/// The occurrence of a clause in [`Expr::Bool`].
pub use tantivy::query::Occur;

impl FieldName {
    /// The field's name in the query language (the first of its aliases).
    pub fn name(self) -> &'static str {
        field_display(self)
    }
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
#[allow(
    missing_docs,
    reason = "the fields of each variant are named by what they hold"
)]
pub enum Expr {
    /// Everything (an empty query or `*`).
    All,
    /// Words or a phrase in a full-text field.
    Text {
        field: FieldName,
        value: String,
        phrase: bool,
    },
    /// An exact value of a keyword field.
    Term { field: FieldName, value: String },
    /// An exact value of a facet dimension.
    Facet {
        dimension: &'static str,
        value: String,
    },
    /// Any value of a numeric field: an open range (`year:[* TO *]`).
    HasValue { field: FieldName },
    /// A range of a numeric field with at least one bound.
    Range {
        field: FieldName,
        lower: Bound<f64>,
        upper: Bound<f64>,
    },
    /// Clauses with their occurrence.
    Bool(Vec<(Occur, Expr)>),
}

/// Parses a query.
pub fn parse(input: &str) -> Result<Expr, QueryError> {
    let chars: Vec<char> = input.chars().collect();
    if chars.len() > MAX_QUERY_CHARS {
        return Err(QueryError {
            position: MAX_QUERY_CHARS,
            reason: format!(
                "the query is {} characters long; at most {MAX_QUERY_CHARS} are accepted",
                chars.len()
            ),
        });
    }
    let trimmed = input.trim();
    if trimmed.is_empty() || trimmed == "*" {
        return Ok(Expr::All);
    }
    let mut p = Parser {
        chars,
        pos: 0,
        depth: 0,
        leaves: 0,
    };
    let expr = p.parse_or(None)?;
    p.skip_ws();
    match p.peek() {
        None => Ok(expr),
        Some(')') => Err(p.error("unmatched `)`")),
        Some(c) => Err(p.error(&format!("unexpected `{c}`"))),
    }
}

struct Parser {
    chars: Vec<char>,
    pos: usize,
    depth: usize,
    leaves: usize,
}

impl Parser {
    fn error(&self, reason: &str) -> QueryError {
        QueryError {
            position: self.pos,
            reason: reason.to_string(),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    fn at_end_of_group(&self) -> bool {
        matches!(self.peek(), None | Some(')'))
    }

    /// Whether the input at the cursor is `word` followed by a space, a parenthesis or the end.
    fn peek_keyword(&self, word: &str) -> bool {
        let n = word.chars().count();
        let matches = self.chars[self.pos..]
            .iter()
            .take(n)
            .copied()
            .eq(word.chars());
        let after = self.chars.get(self.pos + n);
        matches && after.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | ')' | '"'))
    }

    fn eat_keyword(&mut self, words: &[&str]) -> bool {
        for w in words {
            if self.peek_keyword(w) {
                self.pos += w.chars().count();
                return true;
            }
        }
        false
    }

    fn parse_or(&mut self, ctx: Option<FieldName>) -> Result<Expr, QueryError> {
        let mut alternatives = vec![self.parse_and(ctx)?];
        loop {
            self.skip_ws();
            if !self.eat_keyword(&["OR", "||"]) {
                break;
            }
            self.skip_ws();
            if self.at_end_of_group() {
                return Err(self.error("`OR` needs something after it"));
            }
            alternatives.push(self.parse_and(ctx)?);
        }
        Ok(if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            Expr::Bool(
                alternatives
                    .into_iter()
                    .map(|e| (Occur::Should, e))
                    .collect(),
            )
        })
    }

    fn parse_and(&mut self, ctx: Option<FieldName>) -> Result<Expr, QueryError> {
        let mut clauses = Vec::new();
        loop {
            self.skip_ws();
            if self.at_end_of_group() || self.peek_keyword("OR") || self.peek_keyword("||") {
                break;
            }
            if self.eat_keyword(&["AND", "&&"]) {
                self.skip_ws();
                if clauses.is_empty() {
                    return Err(self.error("`AND` needs something before it"));
                }
                if self.at_end_of_group() || self.peek_keyword("OR") || self.peek_keyword("||") {
                    return Err(self.error("`AND` needs something after it"));
                }
                continue;
            }
            clauses.push(self.parse_unary(ctx)?);
        }
        match clauses.len() {
            0 => Err(self.error("expected a word, a \"phrase\" or a field:value here")),
            1 if clauses[0].0 != Occur::MustNot => Ok(clauses.remove(0).1),
            _ => Ok(Expr::Bool(clauses)),
        }
    }

    fn parse_unary(&mut self, ctx: Option<FieldName>) -> Result<(Occur, Expr), QueryError> {
        let start = self.pos;
        let occur = if self.eat_keyword(&["NOT"]) {
            Occur::MustNot
        } else if matches!(self.peek(), Some('-' | '!')) {
            self.pos += 1;
            Occur::MustNot
        } else if self.peek() == Some('+') {
            self.pos += 1;
            Occur::Must
        } else {
            return Ok((Occur::Must, self.parse_primary(ctx)?));
        };
        self.skip_ws();
        if self.at_end_of_group() {
            return Err(QueryError {
                position: start,
                reason: format!(
                    "`{}` needs something after it",
                    self.chars[start..self.pos]
                        .iter()
                        .collect::<String>()
                        .trim()
                ),
            });
        }
        Ok((occur, self.parse_primary(ctx)?))
    }

    fn parse_group(&mut self, ctx: Option<FieldName>) -> Result<Expr, QueryError> {
        let open = self.pos;
        self.pos += 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(&format!("parentheses nest deeper than {MAX_DEPTH} levels")));
        }
        let e = self.parse_or(ctx)?;
        self.skip_ws();
        if self.peek() != Some(')') {
            return Err(QueryError {
                position: open,
                reason: "this `(` is never closed".into(),
            });
        }
        self.pos += 1;
        self.depth -= 1;
        Ok(e)
    }

    fn parse_primary(&mut self, ctx: Option<FieldName>) -> Result<Expr, QueryError> {
        self.skip_ws();
        match self.peek() {
            Some('(') => self.parse_group(ctx),
            Some(')') | None => {
                Err(self.error("expected a word, a \"phrase\" or a field:value here"))
            }
            Some('"') => {
                let start = self.pos;
                let phrase = self.read_phrase()?;
                self.leaf(ctx.unwrap_or(FieldName::Text), phrase, true, start)
            }
            Some(_) => {
                let start = self.pos;
                let word = self.read_bare();
                if let Some(colon) = word.find([':', '：']) {
                    let name = &word[..colon];
                    if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphabetic() || c == '_')
                    {
                        let field = FieldName::parse(&name.to_ascii_lowercase()).ok_or_else(|| {
                            QueryError {
                                position: start,
                                reason: format!(
                                    "unknown field `{name}`; the fields are {} (put the word in quotes to search for it as text)",
                                    FIELD_NAMES.join(", ")
                                ),
                            }
                        })?;
                        self.pos = start + name.chars().count() + 1;
                        return self.parse_value(field);
                    }
                }
                self.leaf(ctx.unwrap_or(FieldName::Text), word, false, start)
            }
        }
    }

    fn read_bare(&mut self) -> String {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | ')' | '"'))
        {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    fn read_phrase(&mut self) -> Result<String, QueryError> {
        let open = self.pos;
        self.pos += 1;
        let start = self.pos;
        while self.peek().is_some_and(|c| c != '"') {
            self.pos += 1;
        }
        if self.peek().is_none() {
            return Err(QueryError {
                position: open,
                reason: "this `\"` is never closed".into(),
            });
        }
        let phrase: String = self.chars[start..self.pos].iter().collect();
        self.pos += 1;
        Ok(phrase)
    }

    fn parse_value(&mut self, field: FieldName) -> Result<Expr, QueryError> {
        let start = self.pos;
        let name = field_display(field);
        match self.peek() {
            None => Err(self.error(&format!("`{name}:` needs a value"))),
            Some(c) if c.is_whitespace() || c == ')' => {
                Err(self.error(&format!("`{name}:` needs a value right after the colon")))
            }
            Some('(') => self.parse_group(Some(field)),
            Some('"') => {
                let phrase = self.read_phrase()?;
                self.leaf(field, phrase, true, start)
            }
            Some('[' | '{' | '>' | '<')
                if !matches!(field.class(), FieldClass::Integer | FieldClass::Decimal) =>
            {
                Err(self.error(&format!(
                    "`{name}:` takes words, not a range or a comparison"
                )))
            }
            Some('[' | '{') => self.parse_range(field),
            Some('>' | '<') => {
                let op: String = if self.chars.get(self.pos + 1) == Some(&'=') {
                    self.pos += 2;
                    self.chars[start..start + 2].iter().collect()
                } else {
                    self.pos += 1;
                    self.chars[start..start + 1].iter().collect()
                };
                let at = self.pos;
                let raw = self.read_bare();
                let v = self.number(field, &raw, at)?;
                let (lower, upper) = match op.as_str() {
                    ">" => (Bound::Excluded(v), Bound::Unbounded),
                    ">=" => (Bound::Included(v), Bound::Unbounded),
                    "<" => (Bound::Unbounded, Bound::Excluded(v)),
                    _ => (Bound::Unbounded, Bound::Included(v)),
                };
                self.range_leaf(field, lower, upper, start)
            }
            Some(_) => {
                let word = self.read_bare();
                self.leaf(field, word, false, start)
            }
        }
    }

    fn parse_range(&mut self, field: FieldName) -> Result<Expr, QueryError> {
        let open = self.pos;
        let inclusive_low = self.peek() == Some('[');
        self.pos += 1;
        self.skip_ws();
        let low_at = self.pos;
        let low = self.read_range_bound();
        self.skip_ws();
        if !self.eat_keyword(&["TO", "to"]) {
            return Err(self.error("a range is written `[low TO high]`, `*` for no bound"));
        }
        self.skip_ws();
        let high_at = self.pos;
        let high = self.read_range_bound();
        self.skip_ws();
        let inclusive_high = match self.peek() {
            Some(']') => true,
            Some('}') => false,
            _ => {
                return Err(QueryError {
                    position: open,
                    reason: "this range is never closed with `]` or `}`".into(),
                });
            }
        };
        self.pos += 1;
        let bound = |me: &Self, raw: &str, at: usize, inclusive: bool| {
            if raw == "*" {
                return Ok(Bound::Unbounded);
            }
            let v = me.number(field, raw, at)?;
            Ok(if inclusive {
                Bound::Included(v)
            } else {
                Bound::Excluded(v)
            })
        };
        let lower = bound(self, &low, low_at, inclusive_low)?;
        let upper = bound(self, &high, high_at, inclusive_high)?;
        self.range_leaf(field, lower, upper, open)
    }

    fn read_range_bound(&mut self) -> String {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, ']' | '}' | ')'))
        {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    fn number(&self, field: FieldName, raw: &str, at: usize) -> Result<f64, QueryError> {
        let name = field_display(field);
        let err = |what: &str| QueryError {
            position: at,
            reason: format!("`{name}:` expects {what}, got `{raw}`"),
        };
        match field.class() {
            FieldClass::Integer => raw
                .parse::<i64>()
                .ok()
                .filter(|v| v.abs() < 1 << 50)
                .map(|v| v as f64)
                .ok_or_else(|| err("a whole number such as 2020")),
            FieldClass::Decimal => raw
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| err("a number such as 90 or 96.6")),
            _ => Err(QueryError {
                position: at,
                reason: format!("`{name}:` takes words, not a range or a comparison"),
            }),
        }
    }

    fn count_leaf(&mut self, at: usize) -> Result<(), QueryError> {
        self.leaves += 1;
        if self.leaves > MAX_CLAUSES {
            return Err(QueryError {
                position: at,
                reason: format!("the query has more than {MAX_CLAUSES} words and filters"),
            });
        }
        Ok(())
    }

    fn range_leaf(
        &mut self,
        field: FieldName,
        lower: Bound<f64>,
        upper: Bound<f64>,
        at: usize,
    ) -> Result<Expr, QueryError> {
        self.count_leaf(at)?;
        match field.class() {
            // A range needs a bound to be a range: both open asks for a value, any value.
            FieldClass::Integer | FieldClass::Decimal
                if matches!((lower, upper), (Bound::Unbounded, Bound::Unbounded)) =>
            {
                Ok(Expr::HasValue { field })
            }
            FieldClass::Integer | FieldClass::Decimal => Ok(Expr::Range {
                field,
                lower,
                upper,
            }),
            _ => Err(QueryError {
                position: at,
                reason: format!(
                    "`{}:` takes words, not a range or a comparison",
                    field_display(field)
                ),
            }),
        }
    }

    fn leaf(
        &mut self,
        field: FieldName,
        value: String,
        phrase: bool,
        at: usize,
    ) -> Result<Expr, QueryError> {
        self.count_leaf(at)?;
        let name = field_display(field);
        match field.class() {
            FieldClass::FullText => {
                if !value.chars().any(char::is_alphanumeric) {
                    return Err(QueryError {
                        position: at,
                        reason: format!("`{value}` has no letters or digits to search for"),
                    });
                }
                Ok(Expr::Text {
                    field,
                    value,
                    phrase,
                })
            }
            FieldClass::Integer if field == FieldName::Year && value.trim() == UNKNOWN => {
                Ok(Expr::Facet {
                    dimension: "year",
                    value: UNKNOWN.to_string(),
                })
            }
            FieldClass::Integer | FieldClass::Decimal => {
                let v = self.number(field, value.trim(), at)?;
                Ok(Expr::Range {
                    field,
                    lower: Bound::Included(v),
                    upper: Bound::Included(v),
                })
            }
            FieldClass::Facet(dimension) => {
                let value = value.trim().to_string();
                if value.is_empty() {
                    return Err(QueryError {
                        position: at,
                        reason: format!("`{name}:` needs a value"),
                    });
                }
                Ok(Expr::Facet { dimension, value })
            }
            FieldClass::Keyword => {
                let value = value.trim().to_string();
                if value.is_empty() {
                    return Err(QueryError {
                        position: at,
                        reason: format!("`{name}:` needs a value"),
                    });
                }
                let value = match field {
                    FieldName::Kind => one_of(
                        &value,
                        &ObligationKind::ALL.map(ObligationKind::as_str),
                        name,
                        at,
                    )?,
                    FieldName::DocKind => {
                        one_of(&value, &DocKind::ALL.map(DocKind::as_str), name, at)?
                    }
                    FieldName::Region => region_code(&value, at)?,
                    _ => value,
                };
                Ok(Expr::Term { field, value })
            }
        }
    }
}

fn field_display(field: FieldName) -> &'static str {
    FIELD_NAMES
        .iter()
        .copied()
        .find(|n| FieldName::parse(n) == Some(field))
        .unwrap_or("field")
}

fn one_of(value: &str, allowed: &[&str], name: &str, at: usize) -> Result<String, QueryError> {
    let lower = value.to_ascii_lowercase();
    if allowed.contains(&lower.as_str()) {
        Ok(lower)
    } else {
        Err(QueryError {
            position: at,
            reason: format!(
                "`{name}:{value}` is not a known value; use one of {}",
                allowed.join(", ")
            ),
        })
    }
}

/// `32` → `320000`, `3205` → `320500`, `320583` stays.
fn region_code(value: &str, at: usize) -> Result<String, QueryError> {
    if matches!(value.len(), 2 | 4 | 6) && value.bytes().all(|b| b.is_ascii_digit()) {
        Ok(format!("{value:0<6}"))
    } else {
        Err(QueryError {
            position: at,
            reason: format!(
                "`region:{value}` is not a GB/T 2260 code; write 2, 4 or 6 digits such as 32, 3205 or 320583"
            ),
        })
    }
}

/// A sequence of index terms at character offsets that a highlight looks for.
pub(crate) type Pattern = Vec<(usize, String)>;

/// What compiling needs: the schema, the analyzer and the searcher (for term frequencies).
pub(crate) struct Compiler<'a> {
    pub fields: &'a Fields,
    pub analyzer: &'a Analyzer,
    pub searcher: &'a tantivy::Searcher,
    /// The kind of record searched, whose fields the query's names stand for.
    pub target: Target,
    /// What the query marks in a hit: the phrases and words to highlight in the text, the
    /// value and deadline ranges whose metrics and deadlines are marked.
    pub marks: Marks,
}

impl Compiler<'_> {
    /// The tantivy query of an expression.
    pub fn compile(&mut self, expr: &Expr) -> Box<dyn Query> {
        self.compile_in(expr, false)
    }

    fn compile_in(&mut self, expr: &Expr, negated: bool) -> Box<dyn Query> {
        match expr {
            Expr::All => Box::new(AllQuery),
            Expr::Text {
                field,
                value,
                phrase,
            } => {
                let use_ = if negated {
                    TextUse::Excluded
                } else {
                    TextUse::Matched
                };
                self.text(*field, value, *phrase, use_)
            }
            Expr::Term { field, value } => Box::new(TermQuery::new(
                Term::from_field_text(field.field(self.fields, self.target), value),
                IndexRecordOption::Basic,
            )),
            Expr::Facet { dimension, value } => Box::new(TermQuery::new(
                Term::from_facet(
                    self.fields.facet,
                    &Facet::from_path([*dimension, value.as_str()]),
                ),
                IndexRecordOption::Basic,
            )),
            Expr::HasValue { field } => {
                if !negated {
                    self.mark_range(*field, Bound::Unbounded, Bound::Unbounded);
                }
                let f = field.field(self.fields, self.target);
                let name = self.searcher.schema().get_field_name(f).to_string();
                Box::new(ExistsQuery::new(name, false))
            }
            Expr::Range {
                field,
                lower,
                upper,
            } => {
                if !negated {
                    self.mark_range(*field, *lower, *upper);
                }
                let f = field.field(self.fields, self.target);
                let term = |v: f64| match field.class() {
                    FieldClass::Decimal => Term::from_field_f64(f, v),
                    _ => Term::from_field_i64(f, v as i64),
                };
                let (lower, upper) = (lower.map(term), upper.map(term));
                if matches!((&lower, &upper), (Bound::Unbounded, Bound::Unbounded)) {
                    Box::new(RangeQuery::new(lower, upper))
                } else {
                    // The terms of the range from the inverted index: a range of years or
                    // values has a few terms whose postings skip ahead as other clauses
                    // advance, where the column would map each of its rows back to a record
                    // (the fast-field range was four tenths of `deadline:[2015 TO 2020]
                    // value:>=90` at a million records).
                    Box::new(InvertedIndexRangeQuery::new(lower, upper))
                }
            }
            Expr::Bool(clauses) => {
                let mut out: Vec<(Occur, Box<dyn Query>)> = clauses
                    .iter()
                    .map(|(occur, e)| {
                        (
                            *occur,
                            self.compile_in(e, negated ^ (*occur == Occur::MustNot)),
                        )
                    })
                    .collect();
                if out.iter().all(|(o, _)| *o == Occur::MustNot) {
                    out.push((Occur::Must, Box::new(AllQuery)));
                }
                Box::new(BooleanQuery::new(out))
            }
        }
    }

    /// Keeps a `value:` or `deadline:` range for marking what it matched.
    fn mark_range(&mut self, field: FieldName, lower: Bound<f64>, upper: Bound<f64>) {
        let range = NumberRange { lower, upper };
        match field {
            FieldName::Value => self.marks.values.push(range),
            FieldName::Deadline => self.marks.deadlines.push(range),
            _ => {}
        }
    }

    /// The terms of one query word at their offsets from the word's start: the word itself
    /// when the index knows it, else its Chinese characters one by one.
    fn word_terms(&self, field: Field, word: &str) -> Vec<(usize, Term)> {
        let term = Term::from_field_text(field, word);
        let known = self.searcher.doc_freq(&term).map(|n| n > 0).unwrap_or(true);
        let chars: Vec<char> = word.chars().collect();
        if known || chars.len() < 2 || !chars.iter().all(|c| is_han(*c)) {
            return vec![(0, term)];
        }
        chars
            .iter()
            .enumerate()
            .map(|(i, c)| (i, Term::from_field_text(field, &c.to_string())))
            .collect()
    }

    fn text(
        &mut self,
        name: FieldName,
        value: &str,
        phrase: bool,
        use_: TextUse,
    ) -> Box<dyn Query> {
        let negated = use_ == TextUse::Excluded;
        let field = name.field(self.fields, self.target);
        let words = self.analyzer.query_words(value);
        let mut sequences: Vec<Vec<(usize, Term)>> = Vec::new();
        // Words typed as one run (`国内生产总值` → 国内 + 生产总值) rank higher where they
        // stand together as typed: the run as a phrase is an optional clause beside the
        // required words. Not in a title or heading boost (see `boost`).
        let mut together: Option<Vec<(usize, Term)>> = None;
        if !phrase && use_ == TextUse::Matched && words.len() > 1 && is_one_run(value, &words) {
            let mut all = Vec::new();
            for w in &words {
                all.extend(
                    self.word_terms(field, &w.text)
                        .into_iter()
                        .map(|(off, t)| (w.position - words[0].position + off, t)),
                );
            }
            together = Some(all);
        }
        if phrase {
            let mut all = Vec::new();
            for w in &words {
                all.extend(
                    self.word_terms(field, &w.text)
                        .into_iter()
                        .map(|(off, t)| (w.position + off, t)),
                );
            }
            sequences.push(all);
        } else {
            for w in &words {
                sequences.push(self.word_terms(field, &w.text));
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for mut seq in sequences {
            if seq.is_empty() {
                continue;
            }
            let first = seq[0].0;
            for (off, _) in &mut seq {
                *off -= first;
            }
            // Words, and body and indicator names, stand in the obligation's text: marking
            // them there shows which body or metric matched.
            if matches!(
                name,
                FieldName::Text | FieldName::Body | FieldName::Indicator
            ) && !negated
            {
                self.marks.patterns.push(
                    seq.iter()
                        .map(|(off, t)| (*off, t.value().as_str().unwrap_or_default().to_string()))
                        .collect(),
                );
            }
            let q: Box<dyn Query> = if seq.len() == 1 {
                Box::new(TermQuery::new(
                    seq.remove(0).1,
                    IndexRecordOption::WithFreqs,
                ))
            } else {
                Box::new(PhraseQuery::new_with_offset(seq))
            };
            clauses.push((Occur::Must, q));
        }
        if let Some(seq) = together {
            clauses.push((Occur::Should, Box::new(PhraseQuery::new_with_offset(seq))));
        }
        if name == FieldName::Text && !negated && !clauses.is_empty() {
            for (field, weight) in [
                (FieldName::Title, TITLE_BOOST),
                (FieldName::Heading, HEADING_BOOST),
            ] {
                clauses.push((Occur::Should, self.boost(field, value, weight)));
            }
        }
        match clauses.len() {
            1 => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        }
    }

    /// The optional clause that ranks higher the records whose title or heading holds every
    /// word of a text clause: a title or heading that names what the query asks names what the
    /// record is about. It changes the order, never what matches.
    ///
    /// The words are asked for anywhere in the title or heading, not as a run or a phrase:
    /// in a line that short, words that are all there almost always stand together, and
    /// asking for them as a phrase read the positions of every word in the title and the
    /// heading of every matching record (at a million obligations, 2.5 of a phrase query's
    /// 14.5 ms; README, "Tests and benchmark"). The text itself still ranks words standing
    /// together higher.
    fn boost(&mut self, name: FieldName, value: &str, weight: f32) -> Box<dyn Query> {
        Box::new(BoostQuery::new(
            self.text(name, value, false, TextUse::Boost),
            weight,
        ))
    }
}

/// What a text clause is compiled for: records it matches, records it excludes (`-word`), or
/// the order of records a text clause matched ([`Compiler::boost`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TextUse {
    Matched,
    Excluded,
    Boost,
}

/// Whether a query's words were typed as one run, nothing but the words between the first's
/// start and the last's end (no space, no sign), so that they may stand together in the text.
fn is_one_run(value: &str, words: &[crate::analyzer::AnalyzedToken]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    words.windows(2).all(|w| w[0].end == w[1].start) && last.end > first.start && {
        let run = &value[first.start..last.end];
        run.chars().all(|c| !c.is_whitespace())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &str, phrase: bool) -> Expr {
        Expr::Text {
            field: FieldName::Text,
            value: value.into(),
            phrase,
        }
    }

    #[test]
    fn words_side_by_side_are_all_required() {
        assert_eq!(
            parse("法治 政府").unwrap(),
            Expr::Bool(vec![
                (Occur::Must, text("法治", false)),
                (Occur::Must, text("政府", false))
            ])
        );
    }

    #[test]
    fn and_binds_tighter_than_or() {
        let Expr::Bool(alts) = parse("复议 OR 诉讼 AND 应诉").unwrap() else {
            panic!("not a boolean");
        };
        assert_eq!(alts.len(), 2);
        assert!(alts.iter().all(|(o, _)| *o == Occur::Should));
        assert!(matches!(&alts[1].1, Expr::Bool(c) if c.len() == 2));
    }

    #[test]
    fn minus_and_not_exclude_and_plus_requires() {
        assert_eq!(
            parse("+备案 -审查 NOT 撤销").unwrap(),
            Expr::Bool(vec![
                (Occur::Must, text("备案", false)),
                (Occur::MustNot, text("审查", false)),
                (Occur::MustNot, text("撤销", false)),
            ])
        );
    }

    #[test]
    fn a_quoted_phrase_stays_a_phrase() {
        assert_eq!(parse("\"出庭应诉率\"").unwrap(), text("出庭应诉率", true));
    }

    #[test]
    fn a_field_filter_names_its_field() {
        assert_eq!(
            parse("city:无锡市").unwrap(),
            Expr::Term {
                field: FieldName::City,
                value: "无锡市".into()
            }
        );
        assert_eq!(
            parse("body：区政府法制办").unwrap(),
            Expr::Text {
                field: FieldName::Body,
                value: "区政府法制办".into(),
                phrase: false
            }
        );
    }

    #[test]
    fn a_field_applies_to_a_parenthesised_group() {
        assert_eq!(
            parse("kind:(task OR target)").unwrap(),
            Expr::Bool(vec![
                (
                    Occur::Should,
                    Expr::Term {
                        field: FieldName::Kind,
                        value: "task".into()
                    }
                ),
                (
                    Occur::Should,
                    Expr::Term {
                        field: FieldName::Kind,
                        value: "target".into()
                    }
                ),
            ])
        );
    }

    #[test]
    fn ranges_and_comparisons_parse_to_bounds() {
        assert_eq!(
            parse("deadline:[2015 TO 2020]").unwrap(),
            Expr::Range {
                field: FieldName::Deadline,
                lower: Bound::Included(2015.0),
                upper: Bound::Included(2020.0)
            }
        );
        assert_eq!(
            parse("value:>=90").unwrap(),
            Expr::Range {
                field: FieldName::Value,
                lower: Bound::Included(90.0),
                upper: Bound::Unbounded
            }
        );
        assert_eq!(
            parse("year:{2016 TO *}").unwrap(),
            Expr::Range {
                field: FieldName::Year,
                lower: Bound::Excluded(2016.0),
                upper: Bound::Unbounded
            }
        );
    }

    #[test]
    fn an_open_range_asks_for_any_value() {
        for (q, field) in [
            ("year:[* TO *]", FieldName::Year),
            ("deadline:{* TO *}", FieldName::Deadline),
            ("value:{* TO *]", FieldName::Value),
        ] {
            assert_eq!(parse(q).unwrap(), Expr::HasValue { field }, "{q}");
        }
    }

    #[test]
    fn a_short_region_code_is_padded_to_six_digits() {
        assert_eq!(
            parse("region:3205").unwrap(),
            Expr::Term {
                field: FieldName::Region,
                value: "320500".into()
            }
        );
    }

    #[test]
    fn an_empty_query_or_a_star_matches_everything() {
        assert_eq!(parse("  ").unwrap(), Expr::All);
        assert_eq!(parse("*").unwrap(), Expr::All);
    }

    #[test]
    fn an_unknown_field_is_named_in_the_error() {
        let e = parse("town:周庄").unwrap_err();
        assert!(e.reason.contains("unknown field `town`"), "{e}");
        assert_eq!(e.position, 0);
    }

    #[test]
    fn an_unknown_kind_lists_the_known_ones() {
        let e = parse("kind:duty").unwrap_err();
        assert!(e.reason.contains("task, achievement"), "{e}");
    }

    #[test]
    fn malformed_queries_are_errors_with_positions() {
        for (q, pos) in [
            ("\"出庭应诉", 0),
            ("(法治 政府", 0),
            ("法治)", 2),
            ("year:abc", 5),
            ("deadline:[2015 2020]", 15),
            ("value:>=九十", 8),
            ("city:", 5),
            ("法治 AND", 6),
            ("OR 法治", 0),
            ("-", 0),
            ("city:[1 TO 2]", 5),
            ("，", 0),
        ] {
            let e = parse(q).expect_err(q);
            assert_eq!(e.position, pos, "{q}: {e}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let q = format!("{}法治{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&q[..]).is_err());
        let q = "(".repeat(500);
        assert!(parse(&q).is_err());
    }

    #[test]
    fn too_many_words_is_an_error() {
        let q = vec!["法治"; MAX_CLAUSES + 1].join(" ");
        assert!(parse(&q).unwrap_err().reason.contains("more than"));
    }

    #[test]
    fn lower_case_and_or_not_are_plain_words() {
        assert_eq!(parse("and").unwrap(), text("and", false));
    }
}
